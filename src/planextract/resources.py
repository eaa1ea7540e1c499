"""What ships with the package: the trained pipeline and the annotation kit.

In a built wheel they are package data (`planextract/pipeline/`, `planextract/annotation/`),
copied there from the repository's `models/` and `annotations/` by the build step of
`setup.py`. In a source checkout (the editable install of `scripts/setup.sh`) the same
files are read in place, so a model that `planextract train` has just written is the one
in use. Nothing here imports spaCy.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

MODEL_FOLDER = "planextract-ner"                 # the trained pipeline in models/
PACKAGED_MODEL = "pipeline"                      # … and its place inside the package
PACKAGED_ANNOTATION = "annotation"               # the Label Studio config and the guidelines
ANNOTATION_FILES = ("label-studio.xml", "entity-guidelines.md", "guidelines.md")
REPOSITORY = Path(__file__).resolve().parents[2]  # the checkout, when run from one
REPOSITORY_MODEL = REPOSITORY / "models" / MODEL_FOLDER


def _packaged(name: str) -> Path:
    return Path(str(resources.files("planextract") / name))


def is_pipeline(path: Path) -> bool:
    return (path / "meta.json").is_file() and (path / "config.cfg").is_file()


def model_locations() -> list[Path]:
    """Where the default model is looked for, in order."""
    return [_packaged(PACKAGED_MODEL), REPOSITORY_MODEL]


def default_model() -> Path | None:
    """The shipped pipeline: the wheel's package data, else the checkout's models/ folder."""
    return next((path for path in model_locations() if is_pipeline(path)), None)


def shipped_file(name: str) -> Path:
    """A file of the annotation kit (label-studio.xml, the guidelines)."""
    packaged = _packaged(PACKAGED_ANNOTATION) / name
    return packaged if packaged.is_file() else REPOSITORY / "annotations" / name
