"""Limits on what one input may cost: every one a setting, with its default, here only.

Each limit is a field of `Limits`, an environment variable and a command-line flag:

    planextract extract big.txt --max-input-mb 500
    PLANEXTRACT_MAX_INPUT_MB=500 planextract batch in/ --out out/
    planextract.extract("big.txt", limits=Limits(input_mb=500))

An explicit argument wins over the environment, the environment over the default.
Over a hard limit a reader raises `TooLarge` naming the file, the limit and how to
raise it. Two limits split instead of refusing: a line longer than `line_chars` is
cut into lines before the text reader sees it, a paragraph longer than
`paragraph_chars` into paragraphs (the Document says so in its warnings): the cost
of reading and extracting a paragraph grows faster than its length, so bounded
paragraphs keep the whole run linear in the input. `excerpt_chars` bounds every text
field of a record (its `start`/`end` still give the whole span).
"""
from __future__ import annotations

import contextlib
import os
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Setting:
    field: str
    env: str
    flag: str
    default: float
    unit: str
    help: str

    @property
    def kind(self) -> type:
        return float if isinstance(self.default, float) else int


SETTINGS = (
    Setting("input_mb", "PLANEXTRACT_MAX_INPUT_MB", "--max-input-mb", 200.0, "MB",
            "refuse input files larger than this"),
    Setting("unzipped_mb", "PLANEXTRACT_MAX_UNZIPPED_MB", "--max-unzipped-mb", 200.0, "MB",
            "refuse DOCX/XLSX files that unzip to more than this"),
    Setting("zip_members", "PLANEXTRACT_MAX_ZIP_MEMBERS", "--max-zip-members", 10_000, "files",
            "refuse DOCX/XLSX files holding more files than this"),
    Setting("pages", "PLANEXTRACT_MAX_PAGES", "--max-pages", 1000, "pages",
            "refuse PDFs and page images longer than this"),
    Setting("ocr_seconds", "PLANEXTRACT_MAX_OCR_SECONDS", "--max-ocr-seconds", 300.0, "s",
            "stop OCR of a scan when one page takes longer than this"),
    Setting("html_depth", "PLANEXTRACT_MAX_HTML_DEPTH", "--max-html-depth", 256, "levels",
            "refuse HTML whose elements nest deeper than this"),
    Setting("line_chars", "PLANEXTRACT_MAX_LINE_CHARS", "--max-line-chars", 20_000, "characters",
            "cut longer lines of a text file into lines of at most this"),
    Setting("paragraph_chars", "PLANEXTRACT_MAX_PARAGRAPH_CHARS", "--max-paragraph-chars", 5_000,
            "characters", "cut longer paragraphs into paragraphs of at most this; refuse longer table cells"),
    Setting("excerpt_chars", "PLANEXTRACT_MAX_EXCERPT_CHARS", "--max-excerpt-chars", 2_000, "characters",
            "keep at most this much of a record's text (its start/end give the whole span)"),
)
BY_FIELD = {s.field: s for s in SETTINGS}
MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What one input may cost. `Limits()` holds the defaults; `Limits.from_env()` what
    the environment sets; either takes keyword arguments that override them."""
    input_mb: float = BY_FIELD["input_mb"].default
    unzipped_mb: float = BY_FIELD["unzipped_mb"].default
    zip_members: int = BY_FIELD["zip_members"].default
    pages: int = BY_FIELD["pages"].default
    ocr_seconds: float = BY_FIELD["ocr_seconds"].default
    html_depth: int = BY_FIELD["html_depth"].default
    line_chars: int = BY_FIELD["line_chars"].default
    paragraph_chars: int = BY_FIELD["paragraph_chars"].default
    excerpt_chars: int = BY_FIELD["excerpt_chars"].default

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ValueError(f"limit {f.name} must be a positive number, not {value!r}")

    @classmethod
    def from_env(cls, **overrides) -> "Limits":
        """The defaults, then the environment's PLANEXTRACT_MAX_* variables, then `overrides`
        (None values are ignored, so command-line options can be passed as they are)."""
        values = {}
        for s in SETTINGS:
            raw = os.environ.get(s.env, "").strip()
            if raw:
                try:
                    values[s.field] = s.kind(float(raw)) if s.kind is int else float(raw)
                except ValueError:
                    from .errors import PlanextractError
                    raise PlanextractError(None, f"{s.env}={raw!r} is not a number") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def input_bytes(self) -> int:
        return int(self.input_mb * MB)

    @property
    def unzipped_bytes(self) -> int:
        return int(self.unzipped_mb * MB)

    def output_key(self) -> str:
        """The limits that shape a successful result (not those that only refuse input):
        part of the batch cache key."""
        return f"line={self.line_chars},paragraph={self.paragraph_chars},excerpt={self.excerpt_chars}"


def over_limit(field: str, found: str, limits: Limits) -> str:
    """'<found>, more than the limit of <limit> <unit> (raise it with <flag> or <ENV>)'."""
    setting = BY_FIELD[field]
    return f"{found}, more than the limit of {_number(getattr(limits, field))} {setting.unit} ({how_to_raise(field)})"


def how_to_raise(field: str) -> str:
    setting = BY_FIELD[field]
    return f"raise it with {setting.flag} or {setting.env}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


# ------------------------------------------------------------------ the limits in force

_CURRENT: ContextVar[Limits | None] = ContextVar("planextract_limits", default=None)


def current() -> Limits:
    """The limits of the call in progress (`applied`), else those of the environment."""
    return _CURRENT.get() or Limits.from_env()


@contextlib.contextmanager
def applied(limits: Limits | None):
    """Make `limits` the ones in force for this thread's work inside the block (records
    read `excerpt_chars` from here: they are made deep inside the extractors)."""
    token = _CURRENT.set(limits) if limits is not None else None
    try:
        yield
    finally:
        if token is not None:
            _CURRENT.reset(token)


def excerpt_chars() -> int:
    limits = _CURRENT.get()
    if limits is not None:
        return limits.excerpt_chars
    raw = os.environ.get(BY_FIELD["excerpt_chars"].env, "").strip()
    try:
        return max(1, int(float(raw))) if raw else BY_FIELD["excerpt_chars"].default
    except ValueError:
        return BY_FIELD["excerpt_chars"].default


def resolved(limits: Limits | None, **overrides) -> Limits:
    """`limits` (or the environment's) with the given keyword overrides (None ignored)."""
    base = limits if limits is not None else Limits.from_env()
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(base, **given) if given else base
