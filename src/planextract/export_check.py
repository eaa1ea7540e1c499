"""Is a Label Studio export fit to become gold? Checked whole before anything is written.

Two passes. The shape of every task (pydantic, strict types: an offset of 1e400, "12"
or 3.5 is no offset), then what would be imported: the chosen annotation's spans must
lie inside their unit's text (Label Studio's UTF-16 offsets), not be empty or reversed,
say the text found at their offsets, and carry known labels; a task's unit offsets must
span its text; all tasks of one document must name the same text (doc_id). Every bad
task is listed, by its id, in one `BadExport`.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError

from .nlp import LABELS

MAX_REASONS = 5  # reasons spelled out in the message; every bad task id is listed


class BadExport(ValueError):
    """An export that must not be imported; `problems` are (task, reason) pairs."""

    def __init__(self, problems: list[tuple[str | None, str]]):
        self.problems = problems
        names = [name for name, _ in problems if name]
        head = f"{len(set(names))} bad task(s) ({', '.join(dict.fromkeys(names))})" if names else "a bad export"
        reasons = "; ".join(f"{name}: {reason}" if name else reason for name, reason in problems[:MAX_REASONS])
        more = f"; … and {len(problems) - MAX_REASONS} more" if len(problems) > MAX_REASONS else ""
        super().__init__(f"nothing imported: {head}: {reasons}{more}")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")  # Label Studio adds fields of its own


class _Region(_Open):
    type: StrictStr | None = None
    from_name: StrictStr | None = None
    value: dict | None = None


class _SpanValue(_Open):
    start: StrictInt
    end: StrictInt
    text: StrictStr
    labels: list[StrictStr] = Field(min_length=1)


class _Annotation(_Open):
    id: StrictInt | StrictStr | None = None
    result: list[_Region] = []
    was_cancelled: StrictBool | None = None
    created_at: StrictStr | None = None
    updated_at: StrictStr | None = None


class _Prediction(_Open):
    result: list[_Region] = []


class _TaskData(_Open):
    text: StrictStr
    source: StrictStr = Field(min_length=1)
    doc_id: StrictStr = Field(min_length=1)
    unit_start: StrictInt = Field(ge=0)
    unit_end: StrictInt = Field(ge=0)


class _Task(_Open):
    id: StrictInt | StrictStr | None = None
    data: _TaskData
    annotations: list[_Annotation] = []
    predictions: list[_Prediction | StrictInt] = []


def task_name(task, index: int | None) -> str:
    """How a task is named in messages: its Label Studio id, else its place in the export."""
    task_id = task.get("id") if isinstance(task, dict) else None
    if isinstance(task_id, (int, str)) and not isinstance(task_id, bool):
        return f"task {task_id}"
    return f"task #{index + 1} (no id)" if index is not None else "a task without id"


def problems(export: list, *, include_predictions: bool = False) -> list[tuple[str, str]]:
    """Every problem of the export, as (task, reason); empty when it may be imported."""
    from .annotate import chosen_result
    found: list[tuple[str, str]] = []
    doc_ids: dict[str, str] = {}
    for index, task in enumerate(export):
        name = task_name(task, index)
        if reason := _shape_problem(task):
            found.append((name, reason))
            continue
        data = task["data"]
        if doc_ids.setdefault(data["source"], data["doc_id"]) != data["doc_id"]:
            found.append((name, f"its doc_id {data['doc_id']} differs from another task's of {data['source']} "
                                f"({doc_ids[data['source']]}): two versions of one document"))
            continue
        result = chosen_result(task, include_predictions=include_predictions)
        found += [(name, reason) for reason in _content_problems(data, result or [])]
    return found


PLANEXTRACT_DATA = ("text", "source", "doc_id", "unit_start", "unit_end")


def _shape_problem(task) -> str | None:
    data = task.get("data") if isinstance(task, dict) else None
    if isinstance(data, dict) and not set(PLANEXTRACT_DATA) <= set(data):
        return "not a planextract task (its data lacks source/doc_id/unit offsets)"
    try:
        checked = _Task.model_validate(task)
        results = [(f"annotations.{i}", a.result) for i, a in enumerate(checked.annotations)] + \
            [(f"predictions.{i}", p.result) for i, p in enumerate(checked.predictions) if isinstance(p, _Prediction)]
        for where, result in results:
            for j, region in enumerate(result):
                if region.type == "labels":
                    try:
                        _SpanValue.model_validate(region.value)
                    except ValidationError as err:
                        return _first_error(err, f"{where}.result.{j}.value")
    except ValidationError as err:
        return _first_error(err, "")
    except RecursionError:
        return "nested too deep to be a Label Studio task"
    return None


def _first_error(err: ValidationError, prefix: str) -> str:
    first = err.errors()[0]
    where = ".".join(part for part in [prefix, *map(str, first["loc"])] if part) or "the task"
    return f"{where}: {first['msg']}"


def _short(text: str, n: int = 40) -> str:
    return repr(text if len(text) <= n else text[:n - 1] + "…")


def _content_problems(data: dict, result: list[dict]) -> list[str]:
    from .annotate import codepoint_offset, label_regions, utf16_offset
    text = data["text"]
    out = []
    if data["unit_end"] - data["unit_start"] != len(text):
        out.append(f"its unit {data['unit_start']}-{data['unit_end']} does not span its text "
                   f"({len(text)} characters)")
    length16 = utf16_offset(text, len(text))
    for region in label_regions(result):
        value = region["value"]
        start, end = value["start"], value["end"]
        if not 0 <= start < end <= length16:
            out.append(f"span {start}-{end} is {'empty or reversed' if start >= end else 'outside its text'} "
                       f"(the text has {length16} UTF-16 units)")
            continue
        found = text[codepoint_offset(text, start):codepoint_offset(text, end)]
        if value["text"] != found:
            out.append(f"span {start}-{end} says {_short(value['text'])} but the text there is {_short(found)}")
        if unknown := [label for label in value["labels"] if label not in LABELS]:
            out.append(f"span {start}-{end} has unknown label(s) {', '.join(unknown)} "
                       f"(the labels are {', '.join(LABELS)})")
    return out
