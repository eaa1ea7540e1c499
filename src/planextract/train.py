"""Training: the NER from annotations/entities/, the target judge from the record gold of
annotations/*.json (seeds and dev split only: the sealed test split never trains anything
that ships) → one pipeline in models/planextract-ner.

The recipe is `data/ner.cfg` (config over code); this module only turns entity gold into
spaCy's training form and writes the whole pipeline (tokenizer, ruler, the trained
components: `nlp.whole_pipeline`) with its training metadata. The wheel's build step
ships whatever is in models/planextract-ner (see setup.py).
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from .annotate import EntityGold, load_entity_gold
from .errors import PlanextractError
from .nlp import blank, whole_pipeline
from .resources import MODEL_FOLDER

CONFIG = Path(__file__).parent / "data" / "ner.cfg"
DEFAULT_OUTPUT = Path("models") / MODEL_FOLDER  # in the project folder
DEV_EVERY = 5  # every fifth unit of each document is held out for the dev scores


def annotated_document(gold: EntityGold, root: str | Path = "."):
    """The document the gold's offsets point into, checked against its doc_id."""
    from .ingest import load
    path = Path(gold.source) if Path(gold.source).is_absolute() else Path(root) / gold.source
    if not path.exists():
        raise PlanextractError(gold.source, "the annotated document is not here (entity gold needs its source)")
    document = load(path)
    if document.doc_id != gold.doc_id:
        raise PlanextractError(gold.source, f"the text changed since it was annotated "
                               f"(doc_id {document.doc_id}, gold {gold.doc_id})")
    return document


def unit_docs(gold: EntityGold, text: str, nlp=None) -> list[Doc]:
    """One spaCy Doc per annotated unit, its entities the gold spans. A span whose edges fall
    inside an underthesea word is widened to whole words (the NER predicts whole tokens)."""
    nlp = nlp or blank()
    docs = []
    for unit in gold.units:
        doc = nlp.make_doc(text[unit.start:unit.end])
        ents = [doc.char_span(s.start - unit.start, s.end - unit.start, label=s.label, alignment_mode="expand")
                for s in unit.spans]
        doc.ents = filter_spans([e for e in ents if e is not None])
        docs.append(doc)
    return docs


def split_docs(golds: list[EntityGold], root=".", dev_every: int = DEV_EVERY) -> tuple[list[Doc], list[Doc]]:
    nlp = blank()
    train, dev = [], []
    for gold in golds:
        for i, doc in enumerate(unit_docs(gold, annotated_document(gold, root).text, nlp)):
            (dev if dev_every and i % dev_every == dev_every - 1 else train).append(doc)
    # dev_every=0 trains on every unit; the "dev" scores are then training scores.
    return train, dev or list(train)


def train(annotations: str | Path = "annotations", output: str | Path = DEFAULT_OUTPUT, *,
          exclude: tuple[str, ...] = (), dev_every: int = DEV_EVERY, root: str | Path = ".",
          quiet: bool = False, judge: bool = True) -> dict:
    """Train the NER on the entity gold (minus the documents named in `exclude`), score it
    on the held-out units, write the pipeline to `output`. Returns the training metadata."""
    from spacy.cli.train import train as spacy_train
    golds = [g for g in load_entity_gold(annotations) if Path(g.source).stem not in exclude]
    if not golds:
        raise PlanextractError(str(annotations), "no entity annotations to train on (annotations/entities/*.json)")
    train_docs, dev_docs = split_docs(golds, root, dev_every)
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        DocBin(docs=train_docs).to_disk(Path(tmp) / "train.spacy")
        DocBin(docs=dev_docs).to_disk(Path(tmp) / "dev.spacy")
        # spaCy's training log is progress, not output: stderr (or nothing when quiet).
        with contextlib.redirect_stdout(open(os.devnull, "w") if quiet else sys.stderr):
            spacy_train(CONFIG, Path(tmp) / "out", use_gpu=-1,
                        overrides={"paths.train": str(Path(tmp) / "train.spacy"),
                                   "paths.dev": str(Path(tmp) / "dev.spacy")})
        best = Path(tmp) / "out" / "model-best"
        meta = json.loads((best / "meta.json").read_text())
        info = training_metadata(golds, train_docs, dev_docs, meta, time.time() - started)
        whole = whole_pipeline(spacy.load(best))
        if judge:
            info["target_judge"] = add_target_judge(whole, Path(annotations), Path(root), exclude)
        whole.meta["planextract"] = info
        whole.to_disk(Path(tmp) / "whole")
        output = Path(output)
        if output.exists():
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(Path(tmp) / "whole", output)
    return info


def add_target_judge(nlp, annotations: Path, root: Path, exclude: tuple[str, ...] = (),
                     names: list[str] | None = None) -> dict:
    """Train the target judge on the record gold of `names` (default: the seeds and the dev
    split, minus `exclude`) and add it to `nlp`; returns what it was trained on."""
    from .evaluate import load_splits
    from .target_model import add_judge, gold_pairs, training_examples
    if names is None:
        splits = load_splits(annotations) if (annotations / "splits.json").exists() else {"seeds": [], "dev": []}
        names = [n for n in splits["seeds"] + splits["dev"] if n not in exclude]
    examples = training_examples(gold_pairs(names, root / "corpus", annotations))
    if examples:
        add_judge(nlp, examples)
    return {"documents": names, "examples": len(examples), "targets": sum(y for _, y in examples)}


def training_metadata(golds, train_docs, dev_docs, meta: dict, seconds: float) -> dict:
    perf = meta.get("performance", {})
    return {
        "trained": date.today().isoformat(),
        "seconds": round(seconds),
        "data": [{"source": g.source, "doc_id": g.doc_id, "units": len(g.units), "spans": len(g.spans())}
                 for g in golds],
        "train_units": len(train_docs), "dev_units": len(dev_docs),
        "dev_scores": {"ents_p": perf.get("ents_p"), "ents_r": perf.get("ents_r"), "ents_f": perf.get("ents_f"),
                       "per_label": perf.get("ents_per_type", {})},
    }
