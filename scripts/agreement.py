#!/usr/bin/env python3
"""Inter-annotator agreement, with the scorer of `planextract eval`.

    python scripts/agreement.py [--first annotations] [--second annotations/second] [--json]
    python scripts/agreement.py --first-at 4e61610^     # first annotations as they were at a commit

For every document annotated twice (a file in --second with the same name as one in
--first), the second annotation is scored as if it were a prediction against the first:
P/R/F1 per record type and field accuracy of matched records, summed over the documents.
Precision and recall swap when the two annotators swap, F1 does not: F1 is the agreement.
It is the ceiling extraction figures are read against.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from planextract.evaluate import (Score, score_deadlines, score_document, score_references, score_targets,
                                  score_tasks)
from planextract.records import Extraction

RECORD_TYPES = ("document", "targets", "tasks", "references", "deadlines")


def load(path: Path, at: str | None = None) -> Extraction | None:
    """A gold file, from the working tree or (with `at`) as it was at a git revision."""
    if at is None:
        if not path.exists():
            return None
        return Extraction.from_dict(json.loads(path.read_text(encoding="utf-8")))
    shown = subprocess.run(["git", "show", f"{at}:{path.as_posix()}"], capture_output=True, text=True)
    return Extraction.from_dict(json.loads(shown.stdout)) if shown.returncode == 0 else None


def agreement(first_dir: Path, second_dir: Path, first_at: str | None = None
              ) -> tuple[dict[str, Score], dict[str, dict[str, Score]]]:
    totals = {name: Score() for name in RECORD_TYPES}
    per_document: dict[str, dict[str, Score]] = {}
    for second_path in sorted(second_dir.glob("*.json")):
        a = load(first_dir / second_path.name, first_at)
        if a is None:
            continue
        b = load(second_path)
        b.document.source = second_path.stem
        source = second_path.stem
        scores = {"document": score_document(b, a),
                  "targets": score_targets(b.targets, a.targets, source),
                  "tasks": score_tasks(b.tasks, a.tasks, source),
                  "references": score_references(b.references, a.references, source),
                  "deadlines": score_deadlines(b.deadlines, a.deadlines, source)}
        per_document[source] = scores
        for name, s in scores.items():
            totals[name].add(s)
    return totals, per_document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=Path, default=Path("annotations"))
    parser.add_argument("--second", type=Path, default=Path("annotations/second"))
    parser.add_argument("--first-at", metavar="REV",
                        help="read the first annotations as they were at this git revision (before a reconciliation)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show-differences", action="store_true", help="list every record the two disagree on")
    args = parser.parse_args(argv)
    totals, per_document = agreement(args.first, args.second, args.first_at)
    if not per_document:
        print(f"no document is annotated in both {args.first} and {args.second}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"documents": sorted(per_document), **{k: s.summary() for k, s in totals.items()}},
                         ensure_ascii=False, indent=1))
        return 0
    print(f"agreement over {len(per_document)} documents: {', '.join(sorted(per_document))}")
    print(f"{'record type':12} {'P':>6} {'R':>6} {'F1':>6} {'both':>5} {'2nd':>5} {'1st':>5}  fields")
    for name, s in totals.items():
        fields = ", ".join(f"{k} {r / t:.2f}" for k, (r, t) in s.fields.items() if t)
        print(f"{name:12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5} {s.predicted:5} {s.gold:5}  {fields}")
    if args.show_differences:
        for name, s in totals.items():
            for line in s.misses + s.extras:
                print(line.replace("missed", "only 1st:").replace("extra", "only 2nd:"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
