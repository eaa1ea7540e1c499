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
        """This document as the tables of `frames()`: `documents` (one row), one per record
        type, and the long-form `agencies`; fixed column types whatever the content."""
        return frames([self])

    def __repr__(self) -> str:  # short: the whole record is `to_json()`
        counts = ", ".join(f"{name}={len(getattr(self, name))}" for name in (*RECORD_TYPES, "warnings"))
        return (f"Extraction(source={self.document.source!r}, province={self.document.province!r}, "
                f"number={self.document.number!r}, {counts})")

    def _repr_html_(self) -> str:
        from .outputs import extraction_html
        return extraction_html(self)

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


# ------------------------------------------------------------------ tables for analysts
# One schema per table, derived from the record classes, so that a new field on a record is
# a new column with no other change. A field's column type follows its annotation: int →
# nullable Int64, float → Float64, str → string (a str field named *_date → datetime64),
# bool → boolean, list → a column of lists; `field(metadata={"dtype": …})` overrides it.
# Every table starts with doc_id and province; record tables add record_id, which the
# long-form `agencies` table refers to.
DOCUMENTS, AGENCIES = "documents", "agencies"
TABLES = (DOCUMENTS, *RECORD_TYPES, AGENCIES)
AGENCY_ROLES = {"lead": "lead", "partners": "partner", "agencies": "agency"}  # list field → role
DATE_DTYPE = "datetime64[ns]"
LIST_DTYPE = "object"
_KEYS = {"doc_id": "string", "province": "string"}
_AGENCY_COLUMNS = {"record_id": "string", "record_type": "string", "role": "string", "position": "Int64",
                   "name": "string", "successor": "string", "known": "boolean"}


def _hint(record_type: type, f) -> tuple[object, bool]:
    """A field's type without None, and whether it may be None."""
    import types
    import typing
    hint = typing.get_type_hints(record_type)[f.name]
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return next(a for a in typing.get_args(hint) if a is not type(None)), True
    return hint, False


def field_dtype(record_type: type, f) -> str:
    """The column type of one field of a record class."""
    import typing
    if "dtype" in f.metadata:
        return f.metadata["dtype"]
    hint, _ = _hint(record_type, f)
    if typing.get_origin(hint) is list or hint is list:
        return LIST_DTYPE
    by_type = {int: "Int64", float: "Float64", bool: "boolean",
               str: DATE_DTYPE if f.name.endswith("_date") else "string"}
    if hint not in by_type:
        raise TypeError(f"{record_type.__name__}.{f.name}: no column type for {hint}")
    return by_type[hint]


def schema(table: str) -> dict[str, str]:
    """Column → dtype of a table: documents, targets, tasks, references, deadlines, agencies."""
    if table == AGENCIES:
        return {**_KEYS, **_AGENCY_COLUMNS}
    if table == DOCUMENTS:
        return {**_KEYS, **{f.name: field_dtype(DocumentRecord, f) for f in fields(DocumentRecord)}}
    record_type = RECORD_TYPES[table]
    return {**_KEYS, "record_id": "string", **{f.name: field_dtype(record_type, f) for f in fields(record_type)}}


def text_columns(table: str) -> set[str]:
    """Columns of text that is never missing (a field typed `str`, not `str | None`): an
    empty one is "" — also when read back from CSV, where "" and missing look the same."""
    classes = {DOCUMENTS: DocumentRecord, **RECORD_TYPES}
    if table not in classes:
        return {"record_type", "role", "name"} if table == AGENCIES else set()
    record_type = classes[table]
    return {f.name for f in fields(record_type)
            if "dtype" not in f.metadata and _hint(record_type, f) == (str, False) and not f.name.endswith("_date")}


def record_id(doc_id: str | None, record_type: str, index: int) -> str:
    """'c7d22eccc38b848a:targets:3': the fourth target of that document."""
    return f"{doc_id}:{record_type}:{index}"


def frames(extractions) -> dict:
    """The tables of many documents' records, one DataFrame per table of TABLES, each with
    the columns and dtypes of `schema(table)` — also when a document has no such record.
    `agencies` has one row per agency named by a record: its role (lead, partner, agency),
    its place in the record's list, the body in charge after the 2025 reorganisation
    (`successor`, null where unchanged or unknown) and whether the gazetteer knows it."""
    from .extract.agencies import is_known, successor_of
    rows: dict[str, list[dict]] = {table: [] for table in TABLES}
    for extraction in extractions:
        doc = extraction.document
        keys = {"doc_id": doc.doc_id, "province": doc.province}
        rows[DOCUMENTS].append(asdict(doc))
        for name in RECORD_TYPES:
            for i, record in enumerate(getattr(extraction, name)):
                row = asdict(record)
                rid = record_id(doc.doc_id, name, i)
                rows[name].append({**keys, "record_id": rid, **row})
                for list_name, role in AGENCY_ROLES.items():
                    for position, agency in enumerate(row.get(list_name) or []):
                        rows[AGENCIES].append({**keys, "record_id": rid, "record_type": name, "role": role,
                                               "position": position, "name": agency,
                                               "successor": successor_of(agency), "known": is_known(agency)})
    return {table: typed_frame(rows[table], table) for table in TABLES}


def typed_frame(data, table: str):
    """A DataFrame with exactly the columns and dtypes of `schema(table)`, from rows (dicts)
    or a DataFrame read back from a file (where lists are JSON text and dates ISO text)."""
    import pandas as pd
    columns, texts = schema(table), text_columns(table)
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(list(data), columns=list(columns))
    frame = frame.reindex(columns=list(columns))
    out = {}
    for name, dtype in columns.items():
        out[name] = _cast(frame[name], dtype)
        if name in texts:
            out[name] = out[name].fillna("")
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def _cast(column, dtype: str):
    import pandas as pd
    column = column.reset_index(drop=True)
    if dtype == LIST_DTYPE:
        return column.map(_as_list).astype(object)
    if dtype.startswith("datetime64"):
        return pd.to_datetime(column.astype(object).where(column.notna(), None), format="ISO8601",
                              errors="coerce").astype(dtype)
    if dtype in ("Int64", "Float64"):
        return pd.to_numeric(column.astype(object).where(column.notna(), None)).astype(dtype)
    if dtype == "boolean":
        text = {"true": True, "false": False}
        return column.map(lambda v: text.get(v.lower(), v) if isinstance(v, str) else v).astype(dtype)
    return column.astype(object).where(column.notna(), None).astype(dtype)


def _as_list(value) -> list:
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return json.loads(value) if value.startswith("[") else [value]
    if value is None or (isinstance(value, float) and value != value) or value is _pd_na():
        return []
    return list(value)  # a numpy array read back from Parquet


def _pd_na():
    import pandas as pd
    return pd.NA
