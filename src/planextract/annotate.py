"""The annotation loop: entity gold, Label Studio tasks and exports, the next batch to annotate.

Entity gold lives beside the record gold, in `annotations/entities/<name>.json`:

    {"source": "corpus/nghe-an-347-2023.txt", "doc_id": "…",
     "units": [{"start": 0, "end": 57,
                "spans": [{"start": 3, "end": 20, "label": "AGENCY", "text": "…"}]}, …]}

A *unit* is one paragraph (a non-table block) or one table cell. Offsets are characters
(Python code points) into the document's normalized text, like every offset in planextract;
span offsets are absolute, not relative to the unit. Only the units listed were annotated:
text outside them is neither gold nor negative (a user may annotate twenty paragraphs of a
new plan and nothing else). Spans are flat: no two overlap (spaCy's NER predicts flat
entities; where an AGENCY sits inside an INDICATOR, the INDICATOR wins).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .nlp import INDICATOR, LABELS

ENTITIES_DIR = "entities"


@dataclass(frozen=True)
class EntitySpan:
    start: int
    end: int
    label: str
    text: str = field(default="", compare=False)  # for people reading the file; the offsets are the truth

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text}


@dataclass
class Unit:
    """One paragraph or table cell of a document: the grain of annotation and of training."""
    start: int
    end: int
    spans: list[EntitySpan] = field(default_factory=list)

    def text(self, document_text: str) -> str:
        return document_text[self.start:self.end]


@dataclass
class EntityGold:
    """The entity annotations of one document."""
    source: str
    doc_id: str
    units: list[Unit]

    def to_dict(self) -> dict:
        return {"source": self.source, "doc_id": self.doc_id,
                "units": [{"start": u.start, "end": u.end,
                           "spans": [s.to_dict() for s in u.spans]} for u in self.units]}

    @classmethod
    def from_dict(cls, data: dict) -> "EntityGold":
        return cls(data["source"], data["doc_id"],
                   [Unit(u["start"], u["end"],
                         [EntitySpan(s["start"], s["end"], s["label"], s.get("text", "")) for s in u["spans"]])
                    for u in data["units"]])

    def spans(self) -> list[EntitySpan]:
        return [s for u in self.units for s in u.spans]


def document_units(document: Document) -> list[Unit]:
    """Paragraphs and table cells that hold text, in reading order."""
    units = [Unit(cell.start, cell.end) for block in document.blocks
             for cell in (block.table.cells if block.table is not None else [block])]
    return [u for u in units if document.text[u.start:u.end].strip()]


def flat(spans: list[EntitySpan]) -> list[EntitySpan]:
    """Non-overlapping spans: longer first, then earlier (spaCy's filter_spans rule)."""
    return first_come(sorted(spans, key=lambda s: (-(s.end - s.start), s.start)))


def first_come(spans: list[EntitySpan]) -> list[EntitySpan]:
    """Non-overlapping spans, an earlier one in the list winning over a later one it overlaps."""
    chosen: list[EntitySpan] = []
    taken: set[int] = set()
    for span in spans:
        if not any(i in taken for i in range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def predicted_spans(document: Document, extraction=None) -> list[EntitySpan]:
    """What the pipeline finds in a document, flat: the INDICATOR of every target the
    extractor forms first (a record's indicator is the best-founded), then the pipeline's
    entities around them (the rules, and the trained NER where the rules are silent).
    Pass the document's extraction when you have it, so it is not computed again."""
    from .extract import extract_document
    from .nlp import entity_spans
    extraction = extraction or extract_document(document)
    spans = [EntitySpan(s, e, label) for s, e, label in
             entity_spans(document.text, [(u.start, u.end) for u in document_units(document)])]
    return first_come(flat(indicator_spans(document, extraction.targets)) + spans)


def indicator_spans(document: Document, targets) -> list[EntitySpan]:
    """INDICATOR spans of target records: the indicator's words where they stand in the record's text."""
    out = []
    for target in targets:
        if target.start is None or not target.indicator:
            continue
        found = document.text.find(target.indicator, target.start, target.end)
        if found >= 0:
            out.append(EntitySpan(found, found + len(target.indicator), INDICATOR))
    return out


def units_with_spans(document: Document, spans: list[EntitySpan]) -> list[Unit]:
    """The document's units, each holding the spans that lie inside it."""
    units = document_units(document)
    for unit in units:
        unit.spans = [s for s in spans if unit.start <= s.start and s.end <= unit.end]
    return units


def entities_path(annotations: str | os.PathLike, source: str | os.PathLike) -> Path:
    return Path(annotations) / ENTITIES_DIR / (Path(source).stem + ".json")


def save_entity_gold(gold: EntityGold, path: Path) -> None:
    """Write one document's entity gold atomically (no half-written gold after a crash)."""
    from .batch import write_atomically
    write_atomically(path, json.dumps(gold.to_dict(), ensure_ascii=False, indent=1) + "\n")


def load_entity_gold(annotations: str | os.PathLike = "annotations") -> list[EntityGold]:
    folder = Path(annotations) / ENTITIES_DIR
    return [EntityGold.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))]


def check_labels(spans: list[EntitySpan]) -> None:
    unknown = {s.label for s in spans} - set(LABELS)
    if unknown:
        raise ValueError(f"unknown entity labels {sorted(unknown)}; the labels are {', '.join(LABELS)}")


# --- Label Studio ------------------------------------------------------------------------
# One Label Studio task per unit. Label Studio counts offsets in UTF-16 code units (it is
# JavaScript); planextract counts code points. Every Vietnamese letter is one unit of each,
# but a character outside the Basic Multilingual Plane (a mathematical letter, an emoji
# pasted from the web) is two UTF-16 units, so offsets are converted both ways.
FROM_NAME, TO_NAME = "label", "text"


def utf16_offset(text: str, index: int) -> int:
    """Code-point offset → UTF-16 offset."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def codepoint_offset(text: str, index16: int) -> int:
    """UTF-16 offset → code-point offset."""
    units = 0
    for i, ch in enumerate(text):
        if units >= index16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def region(text: str, span: EntitySpan, unit_start: int, region_id: str) -> dict:
    """A Label Studio `labels` region for a span of a unit's text."""
    start, end = span.start - unit_start, span.end - unit_start
    return {"id": region_id, "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels", "origin": "prediction",
            "value": {"start": utf16_offset(text, start), "end": utf16_offset(text, end),
                      "text": text[start:end], "labels": [span.label]}}


def label_studio_tasks(document: Document, *, model_version: str) -> list[dict]:
    """Tasks for every unit of a document: the text, where it comes from, the records
    whose source span holds it (as plain lines, for the annotator's eye) and the
    pipeline's spans as a prediction."""
    from .extract import extract_document
    extraction = extract_document(document)
    units = units_with_spans(document, predicted_spans(document, extraction))
    tasks = []
    for unit in units:
        text = unit.text(document.text)
        result = [region(text, s, unit.start, f"u{unit.start}-{i}") for i, s in enumerate(unit.spans)]
        tasks.append({
            "data": {"text": text, "source": str(document.source), "doc_id": document.doc_id,
                     "unit_start": unit.start, "unit_end": unit.end, "page": document.page_at(unit.start),
                     "records": records_note(extraction, unit)},
            "predictions": [{"model_version": model_version, "result": result}],
        })
    return tasks


def records_note(extraction, unit: Unit) -> str:
    """The records formed from (or over) a unit, one line each: what the spans become."""
    lines = []
    for target in extraction.targets:
        if target.start is not None and target.start < unit.end and unit.start < target.end:
            value = f"{target.comparator} {target.value}{'–' + str(target.value_max) if target.value_max else ''}{target.unit or ''}"
            lines.append(f"TARGET {target.indicator} | {value} | {target.year} | lead: {', '.join(target.lead)}")
    for task in extraction.tasks:
        if task.start is not None and task.start < unit.end and unit.start < task.end:
            lines.append(f"TASK {task.text[:80]} | lead: {', '.join(task.lead)} | partners: {', '.join(task.partners)}"
                         f" | {task.timeframe or ''}")
    return "\n".join(lines) or "(no record)"


def chosen_result(task: dict, *, include_predictions: bool = False) -> list[dict] | None:
    """The regions a Label Studio task settles on: its latest completed (not cancelled)
    annotation; its prediction only when asked; None when it has neither."""
    done = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
    if done:
        latest = max(done, key=lambda a: (a.get("updated_at") or a.get("created_at") or "", _sortable(a.get("id"))))
        return latest.get("result", [])
    # Label Studio's own export lists predictions by id only; ours carry their result.
    predictions = [p for p in task.get("predictions", []) if isinstance(p, dict)]
    if include_predictions and predictions:
        return predictions[0].get("result", [])
    return None


def _sortable(annotation_id) -> tuple:
    return (0, annotation_id, "") if isinstance(annotation_id, int) else (1, 0, str(annotation_id or ""))


def label_regions(result: list[dict]) -> list[dict]:
    """The regions of a result that are spans (not relations or per-region choices)."""
    return [item for item in result if item.get("type") == "labels" and item.get("from_name") == FROM_NAME]


def spans_of_result(text: str, result: list[dict], unit_start: int) -> list[EntitySpan]:
    spans = []
    for item in label_regions(result):
        value = item["value"]
        start, end = codepoint_offset(text, value["start"]), codepoint_offset(text, value["end"])
        for label in value.get("labels", []):
            spans.append(EntitySpan(unit_start + start, unit_start + end, label, text[start:end]))
    return spans


@dataclass
class ImportReport:
    documents: dict[str, int] = field(default_factory=dict)  # gold file → units written
    skipped: int = 0  # tasks with no completed annotation

    @property
    def paths(self) -> list[Path]:
        return [Path(p) for p in self.documents]


def import_label_studio(export: list[dict], annotations: str | os.PathLike = "annotations", *,
                        include_predictions: bool = False, docbin: str | os.PathLike | None = None,
                        root: str | os.PathLike = ".") -> ImportReport:
    """Read a Label Studio JSON export into annotations/entities/: the units of each task
    replace the same units of that document's gold; other units and other documents stay.

    The whole export is checked before anything is written (`export_check.problems`: its
    shape, every span's offsets, text and labels, each document's doc_id); any problem
    raises `BadExport`, naming the bad tasks, and nothing is written. The gold files of all
    documents are then written together: all of them or, should a write fail, none."""
    from .batch import check_writable_file, check_writable_folder, write_together
    from .export_check import BadExport, problems
    if found := problems(export, include_predictions=include_predictions):
        raise BadExport(found)
    report = ImportReport()
    by_source: dict[str, list[tuple[dict, list[dict]]]] = {}
    for task in export:
        result = chosen_result(task, include_predictions=include_predictions)
        if result is None:
            report.skipped += 1
            continue
        by_source.setdefault(task["data"]["source"], []).append((task, result))
    golds = {source: _gold_to_update(annotations, source, items) for source, items in by_source.items()}
    check_writable_folder(Path(annotations) / ENTITIES_DIR)
    if docbin is not None:
        check_writable_file(Path(docbin))
    contents = {}
    for source, items in by_source.items():
        path, gold = golds[source]
        units = {(u.start, u.end): u for u in gold.units}
        for task, result in items:
            data = task["data"]
            unit = Unit(data["unit_start"], data["unit_end"])
            unit.spans = flat(spans_of_result(data["text"], result, unit.start))
            units[(unit.start, unit.end)] = unit
        gold.units = sorted(units.values(), key=lambda u: u.start)
        contents[path] = json.dumps(gold.to_dict(), ensure_ascii=False, indent=1) + "\n"
        report.documents[str(path)] = len(items)
    write_together(contents)
    if docbin is not None:
        write_docbin(annotations, docbin, root)
    return report


def _gold_to_update(annotations, source: str, items: list[tuple[dict, list[dict]]]) -> tuple[Path, EntityGold]:
    """A document's gold file and its gold so far (empty if none), once the export is known
    to annotate the same text (doc_id) as that gold."""
    from .export_check import BadExport, task_name
    path = entities_path(annotations, source)
    doc_id = items[0][0]["data"]["doc_id"]
    if not path.exists():
        return path, EntityGold(source, doc_id, [])
    try:
        gold = EntityGold.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise BadExport([(None, f"{path}: the gold there cannot be read ({type(err).__name__}: {err})")]) from None
    if gold.doc_id != doc_id:
        raise BadExport([(task_name(task, None), f"{source}: the export's text (doc_id {doc_id}) is not the "
                          f"annotated one ({gold.doc_id})") for task, _ in items])
    return path, gold


def write_docbin(annotations: str | os.PathLike, out: str | os.PathLike, root: str | os.PathLike = ".") -> int:
    """All entity gold as one spaCy DocBin (the training form); returns the number of Docs.
    `root`: the project folder the gold's document names are relative to."""
    from spacy.tokens import DocBin
    from .train import annotated_document, unit_docs
    docs = [d for g in load_entity_gold(annotations) for d in unit_docs(g, annotated_document(g, root).text)]
    DocBin(docs=docs).to_disk(out)
    return len(docs)


# --- the next batch to annotate ------------------------------------------------------------
@dataclass
class Candidate:
    source: str
    start: int
    end: int
    uncertainty: float
    text: str


def uncertainty(scored: dict) -> float:
    """How unsure the NER is about a unit: for its most doubtful candidate entity,
    1 − |2p − 1| (0 when every entity is sure either way, 1 at a coin toss)."""
    return max((1 - abs(2 * p - 1) for p in scored.values()), default=0.0)


def next_batch(documents: list[Document], n: int = 20, *, beam_width: int = 8) -> list[Candidate]:
    """The n units of these documents the trained NER is least sure of (uncertainty sampling)."""
    from .errors import PlanextractError
    from .nlp import pipeline
    nlp = pipeline()
    if "ner" not in nlp.pipe_names:
        raise PlanextractError(None, "no trained NER to ask (train one with `planextract train`); "
                               "uncertainty sampling needs the model's scores")
    ner = nlp.get_pipe("ner")
    candidates = []
    for document in documents:
        units = document_units(document)
        docs = [nlp.make_doc(u.text(document.text)) for u in units]
        for unit, scored in zip(units, ner.scored_ents(ner.beam_parse(docs, beam_width=beam_width))):
            candidates.append(Candidate(str(document.source), unit.start, unit.end, uncertainty(scored),
                                        unit.text(document.text)))
    return sorted(candidates, key=lambda c: (-c.uncertainty, c.source, c.start))[:n]


def model_version() -> str:
    """What made the predictions: the planextract version and the trained model (if any)."""
    from ._version import __version__
    from .nlp import model_path
    path = model_path()
    if path is None:
        return f"planextract-{__version__}-rules"
    meta = json.loads((path / "meta.json").read_text()) if (path / "meta.json").exists() else {}
    return f"planextract-{__version__}-{path.name}-{meta.get('planextract', {}).get('trained', 'unknown')}"
