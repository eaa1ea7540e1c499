"""Which trained NER the pipeline uses — kept apart from nlp.py so that asking (the batch
cache key does, in the main process) does not import spaCy.

PLANEXTRACT_MODEL names a model folder ("none" turns the model off); otherwise the
repository's models/planextract-ner when it exists; rules alone without one.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

MODEL_ENV = "PLANEXTRACT_MODEL"
DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "planextract-ner"
_model_choice: str | None = None  # set_model() overrides the environment


def set_model(path: str | os.PathLike | None) -> None:
    """Choose the trained NER for this process: a path, or None / "none" for rules alone."""
    global _model_choice
    _model_choice = "none" if path is None else str(path)


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


def model_path() -> Path | None:
    choice = _model_choice or os.environ.get(MODEL_ENV)
    if choice is not None:
        return None if choice.lower() == "none" else Path(choice)
    return DEFAULT_MODEL if (DEFAULT_MODEL / "meta.json").exists() else None
