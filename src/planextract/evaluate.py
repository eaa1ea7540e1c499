"""Scoring against the gold of `annotations/`: precision, recall, F1 per record type,
accuracy per field of matched records, and the list of misses.

Matching (see annotations/README.md):
- targets: same year, value, value_max and comparator, the same unit (a counted unit may be
  written shorter by one side: "lượt" and "lượt khách" match, "tỷ đồng" and "tỷ USD" do not),
  and indicator phrases that share at least half their words (Jaccard ≥ 0.5). Per-field
  accuracy is measured on a looser pairing (indicator similarity and year only),
  so that a wrong value or comparator shows up as a field error, not only as a miss.
- references: same number (spaces removed, case-insensitive).
- document: field by field.
Every input form of a seed (text, PDF, DOCX, scan) is scored against the seed's
gold, found by the file's stem without "-scan".
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .normalize import normalize_key, word_overlap
from .records import Deadline, Extraction, Reference, Target, Task

INDICATOR_MATCH = 0.5
TARGET_KEY = ("year", "value", "value_max", "comparator")
TARGET_FIELDS = ("value", "comparator", "year", "unit", "lead", "partners")
REFERENCE_FIELDS = ("doc_type", "issued_date", "issuer", "title")
TASK_FIELDS = ("lead", "partners", "start_year", "end_year", "group")
ROW_FIELDS = ("lead", "partners", "start_year", "end_year")  # a task row "fully right"
TASK_MATCH = 0.6
DEADLINE_FIELDS = ("due_date", "recurrence", "agencies")
DEADLINE_MATCH = 0.5
DOCUMENT_FIELDS = ("province", "issuer", "doc_type", "number", "issued_date", "title", "signer",
                   "signer_title")


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # name → [right, total]
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def count_field(self, name: str, right: bool) -> None:
        tally = self.fields.setdefault(name, [0, 0])
        tally[0] += int(right)
        tally[1] += 1

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold
        for name, (right, total) in other.fields.items():
            tally = self.fields.setdefault(name, [0, 0])
            tally[0] += right
            tally[1] += total
        self.misses += other.misses
        self.extras += other.extras

    def summary(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "tp": self.tp, "predicted": self.predicted, "gold": self.gold,
                "fields": {k: round(r / t, 3) if t else None for k, (r, t) in self.fields.items()}}


def _same(a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return normalize_key(a) == normalize_key(b)
    return a == b


def same_unit(a: str, b: str) -> bool:
    """Units match when equal, or when one counted unit is the other cut short after whole
    words ("lượt" / "lượt khách"); percentages only match percentages."""
    a, b = normalize_key(a or ""), normalize_key(b or "")
    if a == b:
        return True
    if "%" in (a, b) or not a or not b:
        return False
    short, long = sorted((a.split(), b.split()), key=len)
    return long[:len(short)] == short


def _describe(t: Target) -> str:
    upper = f"-{t.value_max:g}" if t.value_max is not None else ""
    return f"{t.year} {t.comparator} {t.value:g}{upper} {t.unit} | {t.indicator}"


def score_targets(predicted: list[Target], gold: list[Target], source: str = "") -> Score:
    score = Score(predicted=len(predicted), gold=len(gold))
    used: set[int] = set()
    for g in gold:
        match = next((i for i, p in enumerate(predicted) if i not in used
                      and all(getattr(p, k) == getattr(g, k) for k in TARGET_KEY)
                      and same_unit(p.unit, g.unit)
                      and word_overlap(p.indicator, g.indicator) >= INDICATOR_MATCH), None)
        if match is None:
            score.misses.append(f"{source}: missed target {_describe(g)}")
        else:
            used.add(match)
            score.tp += 1
    score.extras += [f"{source}: extra target {_describe(p)}" for i, p in enumerate(predicted) if i not in used]
    for g, p in _loose_pairs(predicted, gold):
        for name in TARGET_FIELDS:
            right = same_unit(p.unit, g.unit) if name == "unit" else getattr(p, name) == getattr(g, name)
            score.count_field(name, right)
    return score


def _loose_pairs(predicted: list[Target], gold: list[Target]) -> list[tuple[Target, Target]]:
    pairs, used = [], set()
    for g in gold:
        scored = [(word_overlap(p.indicator, g.indicator) + (0.5 if p.year == g.year else 0)
                   + (0.25 if p.value == g.value else 0), i)
                  for i, p in enumerate(predicted) if i not in used]
        if scored and (best := max(scored))[0] >= INDICATOR_MATCH + 0.5:
            used.add(best[1])
            pairs.append((g, predicted[best[1]]))
    return pairs


def _pair_by_text(predicted: list, gold: list, threshold: float, same=lambda p, g: True):
    """Greedy pairs of records whose texts share enough words (best first)."""
    candidates = sorted(((word_overlap(p.text, g.text), i, j) for j, g in enumerate(gold)
                         for i, p in enumerate(predicted) if same(p, g)), reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for score, i, j in candidates:
        if score < threshold:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((gold[j], predicted[i]))
    return pairs, used_p, used_g


def _same_number(p: Task, g: Task) -> bool:
    return not p.number or not g.number or p.number.strip(".)") == g.number.strip(".)")


def score_tasks(predicted: list[Task], gold: list[Task], source: str = "") -> Score:
    """Tasks match on their text (word overlap ≥ 0.6) and, where both have one, their number."""
    score = Score(predicted=len(predicted), gold=len(gold))
    pairs, used_p, used_g = _pair_by_text(predicted, gold, TASK_MATCH, _same_number)
    score.tp = len(pairs)
    for g, p in pairs:
        for name in TASK_FIELDS:
            right = getattr(p, name) == getattr(g, name) if name != "group" else _same(p.group, g.group)
            score.count_field(name, right)
        score.count_field("row", all(getattr(p, k) == getattr(g, k) for k in ROW_FIELDS))
        score.misses += [f"{source}: task {g.number} {g.text[:40]!r}: {k} {getattr(p, k)!r} ≠ gold {getattr(g, k)!r}"
                         for k in ROW_FIELDS if getattr(p, k) != getattr(g, k)]
    score.misses += [f"{source}: missed task {g.number} {g.text[:80]}" for j, g in enumerate(gold) if j not in used_g]
    score.extras += [f"{source}: extra task {p.number} {p.text[:80]}" for i, p in enumerate(predicted) if i not in used_p]
    return score


def score_deadlines(predicted: list[Deadline], gold: list[Deadline], source: str = "") -> Score:
    """Deadlines match on their sentence (word overlap ≥ 0.5)."""
    score = Score(predicted=len(predicted), gold=len(gold))
    pairs, used_p, used_g = _pair_by_text(predicted, gold, DEADLINE_MATCH)
    score.tp = len(pairs)
    for g, p in pairs:
        for name in DEADLINE_FIELDS:
            score.count_field(name, getattr(p, name) == getattr(g, name))
        score.misses += [f"{source}: deadline {g.text[:40]!r}: {k} {getattr(p, k)!r} ≠ gold {getattr(g, k)!r}"
                         for k in DEADLINE_FIELDS if getattr(p, k) != getattr(g, k)]
    score.misses += [f"{source}: missed deadline {g.text[:80]}" for j, g in enumerate(gold) if j not in used_g]
    score.extras += [f"{source}: extra deadline {p.text[:80]}" for i, p in enumerate(predicted) if i not in used_p]
    return score


def _ref_key(r: Reference) -> str:
    return r.number.replace(" ", "").lower()


def score_references(predicted: list[Reference], gold: list[Reference], source: str = "") -> Score:
    score = Score(predicted=len(predicted), gold=len(gold))
    by_key = {_ref_key(p): p for p in predicted}
    for g in gold:
        p = by_key.pop(_ref_key(g), None)
        if p is None:
            score.misses.append(f"{source}: missed reference {g.doc_type} {g.number}")
            continue
        score.tp += 1
        for name in REFERENCE_FIELDS:
            score.count_field(name, _same(getattr(p, name), getattr(g, name)))
    score.extras += [f"{source}: extra reference {p.number}" for p in by_key.values()]
    return score


def score_document(predicted: Extraction, gold: Extraction) -> Score:
    score = Score(tp=1, predicted=1, gold=1)
    for name in DOCUMENT_FIELDS:
        right = _same(getattr(predicted.document, name), getattr(gold.document, name))
        score.count_field(name, right)
        if not right:
            score.misses.append(f"{predicted.document.source}: document.{name} "
                                f"{getattr(predicted.document, name)!r} ≠ gold {getattr(gold.document, name)!r}")
    return score


def gold_path(path: Path, gold_dir: Path) -> Path:
    stem = path.stem.removesuffix("-scan")
    return gold_dir / f"{stem}.json"


def form_of(path: Path) -> str:
    if path.stem.endswith("-scan"):
        return "scan"
    return {".txt": "text", ".md": "text", ".pdf": "pdf", ".docx": "docx", ".html": "html"}.get(path.suffix, "other")


SPLITS = ("seeds", "dev", "test")
DOCUMENT_SUFFIXES = {".txt", ".md", ".pdf", ".docx", ".html", ".htm"}


def load_splits(gold_dir: Path) -> dict[str, list[str]]:
    """The document names of each split, from annotations/splits.json."""
    data = json.loads((gold_dir / "splits.json").read_text(encoding="utf-8"))
    return {name: list(data.get(name, [])) for name in SPLITS}


def split_files(split: str, corpus: Path, gold_dir: Path) -> list[Path]:
    """Every corpus file of a split's documents, in every form it is stored in (a seed as
    text, PDF, DOCX and scan); "all" is every split."""
    splits = load_splits(gold_dir)
    names = {n for k in SPLITS for n in splits[k]} if split == "all" else set(splits[split])
    return sorted(p for p in corpus.iterdir()
                  if p.suffix in DOCUMENT_SUFFIXES and p.stem.removesuffix("-scan") in names)


def split_of(path: Path, splits: dict[str, list[str]]) -> str | None:
    stem = path.stem.removesuffix("-scan")
    return next((name for name in SPLITS if stem in splits[name]), None)


@dataclass
class Report:
    scores: dict[str, dict[str, Score]] = field(default_factory=dict)  # form → record type → Score
    documents: dict[str, dict[str, Score]] = field(default_factory=dict)  # file → record type → Score
    errors: list[str] = field(default_factory=list)

    def total(self, record_type: str, forms: list[str] | None = None) -> Score:
        out = Score()
        for form, by_type in self.scores.items():
            if forms is None or form in forms:
                if record_type in by_type:
                    out.add(by_type[record_type])
        return out

    def to_dict(self, per_document: bool = True) -> dict:
        out = {form: {t: s.summary() for t, s in by_type.items()} for form, by_type in self.scores.items()}
        if per_document:
            out["documents"] = {name: {t: {"tp": s.tp, "predicted": s.predicted, "gold": s.gold}
                                       for t, s in by_type.items()}
                                for name, by_type in self.documents.items()}
        return out | {"errors": self.errors}


class NoGold(ValueError):
    """A file or folder to evaluate has no gold annotation."""


def evaluate(files: list[Path], gold_dir: Path, *, extract=None, require_gold: bool = False) -> Report:
    """Score each file against its gold. `extract` defaults to planextract.extract. With
    `require_gold`, a file without a gold file is an error (NoGold) instead of skipped."""
    from .api import extract as default_extract
    from .errors import PlanextractError
    extract = extract or default_extract
    report = Report()
    for path in files:
        gpath = gold_path(path, gold_dir)
        if not gpath.exists():
            if require_gold:
                raise NoGold(f"{path}: no gold annotation ({gpath} does not exist)")
            continue
        gold = Extraction.from_dict(json.loads(gpath.read_text(encoding="utf-8")))
        try:
            predicted = extract(path)
        except PlanextractError as err:
            report.errors.append(str(err))
            continue
        by_type = report.scores.setdefault(form_of(path), {})
        per_doc = report.documents.setdefault(path.name, {})
        source = path.name
        scores = [("document", score_document(predicted, gold)),
                  ("targets", score_targets(predicted.targets, gold.targets, source)),
                  ("tasks", score_tasks(predicted.tasks, gold.tasks, source)),
                  ("references", score_references(predicted.references, gold.references, source)),
                  ("deadlines", score_deadlines(predicted.deadlines, gold.deadlines, source))]
        for name, s in scores:
            by_type.setdefault(name, Score()).add(s)
            per_doc[name] = s
    return report


def _score_line(name: str, s: Score) -> str:
    fields = ", ".join(f"{k} {r / t:.2f}" for k, (r, t) in s.fields.items() if t)
    return (f"{name:12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5} {s.predicted:5} "
            f"{s.gold:5}  {fields}")


def format_report(report: Report, show_misses: bool = True, per_document: bool = False) -> str:
    """P/R/F1 and field accuracy per form and record type; with `per_document`, a line of
    counts per document; with `show_misses`, every missed and extra record."""
    lines = []
    for form, by_type in report.scores.items():
        lines.append(f"== {form}")
        lines.append(f"{'record type':12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}  fields")
        lines += [_score_line(name, s) for name, s in by_type.items()]
    if per_document and report.documents:
        lines.append("== per document: tp/predicted/gold")
        for name, by_type in report.documents.items():
            counts = "  ".join(f"{t} {s.tp}/{s.predicted}/{s.gold}" for t, s in by_type.items() if t != "document")
            doc = by_type.get("document")
            right = sum(r for r, _ in doc.fields.values()) if doc else 0
            total = sum(t for _, t in doc.fields.values()) if doc else 0
            lines.append(f"{name:28} {counts}  document fields {right}/{total}")
    if show_misses:
        all_misses = [m for by_type in report.scores.values() for s in by_type.values() for m in s.misses + s.extras]
        if all_misses:
            lines.append("== misses and extras")
            lines += all_misses
    for err in report.errors:
        lines.append(f"error: {err}")
    return "\n".join(lines)


def as_json(report: Report, per_document: bool = True) -> str:
    return json.dumps(report.to_dict(per_document), ensure_ascii=False, indent=2)




# --- entities ------------------------------------------------------------------------------
def score_entities(predicted, gold) -> dict[str, Score]:
    """Exact-span P/R/F1 per label, over the units the gold annotates (text elsewhere is
    neither right nor wrong: it was not annotated)."""
    inside = [(u.start, u.end) for u in gold.units]
    predicted = {(s.start, s.end, s.label) for s in predicted
                 if any(a <= s.start and s.end <= b for a, b in inside)}
    wanted = {(s.start, s.end, s.label) for s in gold.spans()}
    scores: dict[str, Score] = {}
    for label in sorted({x[2] for x in predicted | wanted}):
        p = {x for x in predicted if x[2] == label}
        g = {x for x in wanted if x[2] == label}
        scores[label] = Score(tp=len(p & g), predicted=len(p), gold=len(g))
    return scores


def entity_scores(annotations: Path, root: str | Path = ".") -> dict[str, Score]:
    """Per-label scores of the current pipeline (rules, plus the model chosen in nlp.py)
    against every document of annotations/entities/, summed; "ALL" is the micro total.
    `root`: the project folder the gold's document names are relative to."""
    from .annotate import load_entity_gold, predicted_spans
    from .train import annotated_document
    totals: dict[str, Score] = {}
    for gold in load_entity_gold(annotations):
        predicted = predicted_spans(annotated_document(gold, root))
        for label, s in score_entities(predicted, gold).items():
            totals.setdefault(label, Score()).add(s)
            totals.setdefault("ALL", Score()).add(s)
    return totals


def leave_one_out(annotations: Path, *, root: str | Path = ".", progress=print) -> dict:
    """Leave one document out, for every document of every split: train the model on the
    others, extract the one left out with rules alone and with rules + that model, score
    both against its gold. The NER learns from the entity gold (the seeds): for a seed it
    is trained without that seed, for every other document on all of them. The target
    judge learns from the record gold of the other 41 documents. Summed per record type
    and split; entity scores for the seeds' folds."""
    import tempfile

    import spacy

    from . import nlp
    from .annotate import load_entity_gold, predicted_spans
    from .target_model import add_judge, gold_pairs, training_examples
    from .train import annotated_document, train
    root, annotations = Path(root), Path(annotations)
    splits = load_splits(annotations)
    names = [n for split in SPLITS for n in splits[split]]
    split_of_name = {n: split for split in SPLITS for n in splits[split]}
    entity_golds = {Path(g.source).stem: g for g in load_entity_gold(annotations)}
    progress(f"reading the gold of {len(names)} documents")
    examples = {n: training_examples(gold_pairs([n], root / "corpus", annotations)) for n in names}
    out = {"rules": {}, "rules+model": {}, "folds": []}
    with tempfile.TemporaryDirectory() as tmp:
        ner_models: dict[str, Path] = {}

        def ner_for(name: str) -> Path:
            key = name if name in entity_golds else "*"
            if key not in ner_models:
                progress(f"training the NER without {key if key != '*' else 'no seed'}")
                ner_models[key] = Path(tmp) / f"ner-{key}"
                train(annotations, ner_models[key], exclude=(key,), quiet=True, root=root, judge=False)
            return ner_models[key]

        for name in names:
            progress(f"fold {name}")
            model = Path(tmp) / f"fold-{name}"
            pipeline = spacy.load(ner_for(name))
            add_judge(pipeline, [e for other in names if other != name for e in examples[other]])
            pipeline.to_disk(model)
            path = root / "corpus" / f"{name}.txt"
            fold = {"document": name, "split": split_of_name[name]}
            for system, choice in (("rules", None), ("rules+model", model)):
                with nlp.using_model(choice):
                    records = evaluate([path], annotations)
                    ents = (score_entities(predicted_spans(annotated_document(entity_golds[name], root)),
                                           entity_golds[name]) if name in entity_golds else {})
                bucket = out[system]
                for record_type in ("targets", "tasks"):
                    for key in (f"record:{record_type}", f"{fold['split']}:{record_type}"):
                        bucket.setdefault(key, Score()).add(records.total(record_type))
                for label, s in ents.items():
                    bucket.setdefault(label, Score()).add(s)
                    bucket.setdefault("ALL", Score()).add(s)
                fold[system] = {t: round(records.total(t).f1, 3) for t in ("targets", "tasks")}
            out["folds"].append(fold)
    return out


def format_entity_table(columns: dict[str, dict[str, Score]]) -> str:
    """Labels down, one P/R/F1 group per column (e.g. rules, rules+model)."""
    labels = sorted({label for scores in columns.values() for label in scores}, key=lambda l: (l == "ALL", l))
    head = f"{'label':16}" + "".join(f" | {name:>22}" for name in columns)
    lines = [head, f"{'':16}" + "".join(f" | {'P':>6} {'R':>6} {'F1':>6}  n" for _ in columns)]
    for label in labels:
        row = f"{label:16}"
        for scores in columns.values():
            s = scores.get(label, Score())
            row += f" | {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.gold:3}"
        lines.append(row)
    return "\n".join(lines)
