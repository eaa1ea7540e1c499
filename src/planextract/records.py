"""The records of SCHEMA.md, defined once: JSON, DataFrames and annotations all use these.

Plain data classes in the manner of LangExtract: every record that comes from a
place in the text carries `page`, `start`, `end` into the Document's normalized
text. Its text fields are excerpts of at most `limits.excerpt_chars` characters
(enforced here, on every assignment, whatever made the record), so a record stays
small however long the paragraph it came from; `start`/`end` give the whole span.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from .limits import excerpt_chars

SCHEMA_VERSION = "1"
ELLIPSIS = "…"  # ends a text that was cut to the excerpt limit


def excerpt(text: str) -> str:
    """`text`, or its beginning and "…" when it is longer than the excerpt limit."""
    limit = excerpt_chars()
    return text if len(text) <= limit else text[:max(limit - len(ELLIPSIS), 0)] + ELLIPSIS


class Bounded:
    """A record whose text fields (and names in its lists) are excerpts: bounded in size."""
    UNBOUNDED: tuple[str, ...] = ()

    def __setattr__(self, name: str, value) -> None:
        if name not in self.UNBOUNDED:
            if isinstance(value, str):
                value = excerpt(value)
            elif isinstance(value, list) and any(isinstance(v, str) for v in value):
                value = [excerpt(v) if isinstance(v, str) else v for v in value]
        object.__setattr__(self, name, value)


@dataclass
class DocumentRecord(Bounded):
    UNBOUNDED = ("source",)  # a path is kept whole
    doc_id: str | None = None
    source: str | None = None
    province: str | None = None
    issuer: str | None = None
    doc_type: str | None = None
    number: str | None = None
    issued_date: str | None = None
    title: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    pages: int | None = None


@dataclass
class Target(Bounded):
    indicator: str = ""
    domain: str | None = None
    year: int | None = None
    value: float = 0.0
    value_max: float | None = None
    unit: str = "%"
    comparator: str = "eq"
    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    section: str = ""
    text: str = ""
    page: int | None = None
    start: int | None = None
    end: int | None = None
    indicator_id: str | None = None  # the national indicator (Quyết định 411) it measures


@dataclass
class Task(Bounded):
    number: str | None = None
    group: str = ""
    text: str = ""
    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    start_year: int | None = None
    end_year: int | None = None
    timeframe: str | None = None
    page: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Reference(Bounded):
    doc_type: str | None = None
    number: str = ""
    issued_date: str | None = None
    issuer: str | None = None
    title: str | None = None
    page: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Deadline(Bounded):
    text: str = ""
    due_date: str | None = None
    recurrence: str | None = None
    agencies: list[str] = field(default_factory=list)
    page: int | None = None
    start: int | None = None
    end: int | None = None


RECORD_TYPES = {"targets": Target, "tasks": Task, "references": Reference, "deadlines": Deadline}


def columns(record_type: type) -> list[str]:
    """The field names of a record type, in schema order (DataFrame columns)."""
    return [f.name for f in fields(record_type)]


@dataclass
class Extraction:
    """Everything extracted from one document: the object `--format json` prints."""
    document: DocumentRecord
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "document": asdict(self.document),
            **{name: [asdict(r) for r in getattr(self, name)] for name in RECORD_TYPES},
            "warnings": list(self.warnings),
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_frames(self) -> dict:
        """One pandas DataFrame per record type, with doc_id and province on every row.

        Agency lists come with two derived columns each: `<list>_successor` (the body in
        charge after the 2025 reorganisation, None where unchanged) and `unknown_agencies`
        (names the gazetteer does not know), so that plans of 2022 and 2026 compare."""
        import pandas as pd
        frames = {}
        for name, record_type in RECORD_TYPES.items():
            rows = [asdict(r) for r in getattr(self, name)]
            frame = pd.DataFrame(rows, columns=columns(record_type))
            add_agency_columns(frame)
            frame.insert(0, "province", self.document.province)
            frame.insert(0, "doc_id", self.document.doc_id)
            frames[name] = frame
        return frames

    @classmethod
    def from_dict(cls, data: dict) -> "Extraction":
        """Read the schema's JSON form (predictions or gold annotations)."""
        doc = DocumentRecord(**{k: data.get("document", {}).get(k) for k in columns(DocumentRecord)})
        out = cls(doc, warnings=list(data.get("warnings", [])))
        for name, record_type in RECORD_TYPES.items():
            known = set(columns(record_type))
            setattr(out, name, [record_type(**{k: v for k, v in r.items() if k in known})
                                for r in data.get(name, [])])
        return out


AGENCY_LISTS = ("lead", "partners", "agencies")


def add_agency_columns(frame) -> None:
    """Successor and unknown-agency columns beside every agency list of a frame."""
    from .extract.agencies import is_known, successor_of
    lists = [c for c in AGENCY_LISTS if c in frame.columns]
    if not lists:
        return
    for col in lists:
        frame[f"{col}_successor"] = [[successor_of(n) for n in names] for names in frame[col]]
    frame["unknown_agencies"] = [[n for col in lists for n in row[col] if not is_known(n)]
                                 for _, row in frame.iterrows()]
