"""Errors a user can act on: each names the file and the problem, never a traceback."""
from __future__ import annotations


class PlanextractError(Exception):
    """Base class: `str(err)` is a one-line message '<file>: <problem>'."""

    def __init__(self, source: str | None, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}" if source else problem)


class UnsupportedInput(PlanextractError):
    """The file is of a kind no reader handles (or its extension lies)."""


class EmptyDocument(PlanextractError):
    """The file, or the text a reader could get out of it, is empty."""


class CorruptFile(PlanextractError):
    """The file cannot be parsed as what it claims to be."""


class EncryptedFile(PlanextractError):
    """A password-protected PDF or DOCX."""


class TooLarge(PlanextractError):
    """More pages (or bytes) than the configured limit."""


class OCRUnavailable(PlanextractError):
    """A scanned PDF, but tesseract or its Vietnamese model is not installed."""


class EncodingProblem(PlanextractError):
    """Text in an encoding we cannot turn into Unicode (or a legacy one we could not convert)."""


class NotVietnamese(PlanextractError):
    """The text does not look like Vietnamese."""


class ModelMissingWarning(UserWarning):
    """The shipped trained pipeline is not installed: the rules ran alone."""
