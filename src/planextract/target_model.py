"""The target judge: a trained spaCy text classifier for the quantities the rules cannot decide.

The rules of `extract/targets.py` are sure of some quantities (a percentage under "Mục
tiêu"; a baseline; a value in a results section) and unsure of the rest: a count in a
tasks section, a percentage with no target word, a value in a news article. For those, a
`textcat` component ("target_judge", classes TARGET and OTHER) reads the quantity in its
context — the section kind and headings, the words around it, the value marked — and says
how likely it is to be a target. It is trained from the record gold of `annotations/`
(every quantity of a training document, labelled by whether a gold target states it) and
ships inside the trained pipeline with the NER.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from .normalize import normalize_key, word_overlap

JUDGE = "target_judge"
TARGET, OTHER = "TARGET", "OTHER"
THRESHOLD = 0.5
CONTEXT_WORDS = 14
EPOCHS = 12
CONFIG = {"threshold": THRESHOLD,
          "model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
                    "no_output_layer": False, "length": 262144}}


@dataclass
class Candidate:
    """A quantity of a sentence and what the judge reads of it."""
    context: str
    value: float
    value_max: float | None
    unit: str
    sentence: str


def context_of(sentence: str, q, kind: str | None, headings: list[str]) -> str:
    """'§objectives § Mục tiêu đến năm 2030 ‖ … tỷ lệ hộ gia đình đạt «%» vào năm 2025': the
    section kind, the nearest headings, the words around the value with the value itself
    replaced by its kind (a percentage, a count of some noun, money)."""
    left = " ".join(sentence[:q.start].split()[-CONTEXT_WORDS:])
    right = " ".join(sentence[q.end:].split()[:CONTEXT_WORDS])
    marker = "«%»" if q.percent else f"«số {q.unit}»"
    comparator = sentence[q.start:q.number_start].strip()
    head = " § ".join(h[:80] for h in headings[-2:])
    return f"§{kind or 'none'} § {head} ‖ {left} {comparator} {marker} {right}".strip()


def candidates(analysis, block) -> list[Candidate]:
    """Every quantity of a prose block, in its context."""
    from .extract.targets import sentences
    scope = analysis.scope(block)
    headings = analysis.headings(block)
    out = []
    for sentence in sentences(block.text, block.start):
        for q in analysis.quantities(sentence.text):
            out.append(Candidate(context_of(sentence.text, q, scope.kind, headings), q.value, q.value_max,
                                 q.unit, sentence.text))
    return out


def is_gold_target(c: Candidate, gold_targets) -> bool:
    """Does a gold target state this quantity (same value and unit, from this sentence)?"""
    from .evaluate import same_unit
    for g in gold_targets:
        if g.value != c.value or g.value_max != c.value_max or not same_unit(g.unit, c.unit):
            continue
        if word_overlap(g.text, c.sentence) >= 0.5 or normalize_key(g.text) in normalize_key(c.sentence) \
                or word_overlap(g.indicator, c.sentence) >= 0.3:
            return True
    return False


def training_examples(pairs) -> list[tuple[str, bool]]:
    """(context, is a target) of every prose quantity of (Document, gold Extraction) pairs."""
    from .analyze import analyze
    examples = []
    for document, gold in pairs:
        analysis = analyze(document, gold.document.title, gold.document.issued_date)
        for block in analysis.readable_blocks():
            if block.table is None:
                examples += [(c.context, is_gold_target(c, gold.targets)) for c in candidates(analysis, block)]
    return examples


def add_judge(nlp, examples: list[tuple[str, bool]], *, epochs: int = EPOCHS, seed: int = 0):
    """Add a trained target judge to `nlp` (a pipeline with the underthesea tokenizer)."""
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch
    fix_random_seed(seed)
    judge = nlp.add_pipe("textcat", name=JUDGE, config=CONFIG)
    judge.add_label(TARGET)
    judge.add_label(OTHER)
    train = [Example.from_dict(nlp.make_doc(text), {"cats": {TARGET: float(y), OTHER: float(not y)}})
             for text, y in examples]
    judge.initialize(lambda: train, nlp=nlp)  # the judge only: a trained NER beside it stays as it is
    optimizer = nlp.create_optimizer()
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(train)
        for batch in minibatch(train, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.1, exclude=[n for n in nlp.pipe_names if n != JUDGE])
    return judge


def probability(context: str) -> float | None:
    """How likely the quantity in `context` is a target; None without a trained judge."""
    from .nlp import pipeline
    nlp = pipeline()
    if JUDGE not in nlp.pipe_names:
        return None
    return _score(nlp, context)


def _score(nlp, context: str) -> float:
    doc = nlp.make_doc(context)
    return nlp.get_pipe(JUDGE)(doc).cats[TARGET]


def gold_pairs(names: list[str], corpus: Path, gold_dir: Path):
    """(Document, gold Extraction) of every named document that has its text and gold."""
    import json

    from .ingest import load
    from .records import Extraction
    pairs = []
    for name in names:
        text = corpus / f"{name}.txt"
        gold = gold_dir / f"{name}.json"
        if text.exists() and gold.exists():
            pairs.append((load(text), Extraction.from_dict(json.loads(gold.read_text(encoding="utf-8")))))
    return pairs

