"""Which trained pipeline planextract runs — kept apart from nlp.py so that asking (the batch
cache key does, in the main process) does not import spaCy.

In order: the model chosen in this process (`set_model`, `using_model`, `extract(model=…)`,
`--model`), else PLANEXTRACT_MODEL ("none" turns the model off), else the pipeline shipped
with the package (see resources.py). When that one is missing too, the rules run alone and
`missing_model_warning()` says so: a result made without the model never looks like one
made with it.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from .resources import default_model, model_locations

MODEL_ENV = "PLANEXTRACT_MODEL"
RULES_ALONE = "none"
_model_choice: str | None = None  # set_model() overrides the environment


def set_model(path: str | os.PathLike | None) -> None:
    """Choose the trained pipeline for this process: a path, or None / "none" for rules alone.
    A folder that holds no pipeline is refused here: the NER is asked only for some plans, so
    waiting for it would let a wrong --model go unnoticed."""
    global _model_choice
    choice = RULES_ALONE if path is None or path is False else str(path)
    if choice.lower() != RULES_ALONE:
        check_model(Path(choice))
    _model_choice = choice


def check_model(path: Path) -> None:
    """PlanextractError unless `path` holds a saved spaCy pipeline."""
    if not (path / "meta.json").exists():
        from .errors import PlanextractError
        raise PlanextractError(str(path), "no trained model here (train one with `planextract train`)")


@contextmanager
def using_model(path: str | os.PathLike | None):
    """`with using_model(path):` — a model (or None: rules alone) for the block only."""
    global _model_choice
    before = _model_choice
    set_model(path)
    try:
        yield
    finally:
        _model_choice = before


def require_model(path: str | os.PathLike | None) -> None:
    """A model folder that was asked for and is not there is an error at once, not when (or
    whether) a text needs the NER: the rules may read a whole plan without asking it."""
    if path is None or path is False or str(path).lower() == RULES_ALONE:
        return
    if not (Path(path) / "meta.json").exists():
        from .errors import PlanextractError
        raise PlanextractError(str(path), "no trained model here (train one with `planextract train`)")


def _explicit_choice() -> str | None:
    return _model_choice or os.environ.get(MODEL_ENV) or None


def model_path() -> Path | None:
    choice = _explicit_choice()
    if choice is not None:
        return None if choice.lower() == RULES_ALONE else Path(choice)
    return default_model()


def missing_model_warning() -> str | None:
    """A warning when no model was chosen and the shipped one is not there; None otherwise."""
    if _explicit_choice() is not None or default_model() is not None:
        return None
    looked = ", ".join(str(p) for p in model_locations())
    return (f"no trained model found (looked in {looked}): the rules ran alone; "
            f"reinstall planextract, or choose a model with --model / {MODEL_ENV}")
