"""Errors a user can act on: each names the file and the problem, never a traceback."""
from __future__ import annotations


# A file name may hold a line break or other control characters; the message must stay one line.
_CONTROL = {c: f"\\x{c:02x}" for c in range(32)} | {ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t", 0x7f: "\\x7f"}


class PlanextractError(Exception):
    """Base class: `str(err)` is a one-line message '<file>: <problem>' (control characters
    of either shown escaped)."""

    def __init__(self, source: str | None, problem: str):
        self.source = source
        self.problem = problem
        message = f"{source}: {problem}" if source else problem
        super().__init__(message.translate(_CONTROL))


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
