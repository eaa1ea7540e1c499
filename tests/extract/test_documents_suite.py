"""Whole made-up documents in every form an input arrives in (portal bar streams, plain text,
Markdown, legal-portal pages with metadata blocks and site boilerplate, news articles), written
with their full gold by a helper who read only the annotation guidelines
(tests/fixtures/documents.json; tests/fixtures/layout_documents.json, suite 8, the same as text
laid out like its PDF page, written by another helper the same way). Scored with the evaluation's own scorer; the floors are the
figures issues 12 and 13 ask for on documents nobody here has read.

The suite was written blind, but rules have since been corrected while looking at its errors, so
its figures are development figures, not held-out ones (README, "Accuracy")."""
import json
from pathlib import Path

import pytest

from planextract import extract_text
from planextract.evaluate import DOCUMENT_FIELDS, Score, score_document, score_references, score_targets, score_tasks
from planextract.records import Extraction

FIXTURES = Path(__file__).parents[1] / "fixtures"
# documents.json, and layout_documents.json (suite 8: whole documents as `pdftotext -layout` text)
CASES = [case for name in ("documents.json", "layout_documents.json")
         for case in json.loads((FIXTURES / name).read_text(encoding="utf-8"))]
DOCUMENT_FIELD, REFERENCES_F1, AGENCY_NAMES = 0.97, 0.95, 0.90  # issue 13
TARGETS_F1, TASKS_F1 = 0.90, 0.85  # issue 12


@pytest.fixture(scope="module")
def scored():
    document, references, tasks, targets = Score(), Score(), Score(), Score()
    for case in CASES:
        gold = Extraction.from_dict(case["gold"])
        result = extract_text(case["text"], source=case["id"])
        document.add(score_document(result, gold))
        references.add(score_references(result.references, gold.references, case["id"]))
        tasks.add(score_tasks(result.tasks, gold.tasks, case["id"]))
        targets.add(score_targets(result.targets, gold.targets, case["id"]))
    return document, references, tasks, targets


def test_the_suite_covers_every_form():
    assert len(CASES) >= 24
    assert {"portal_page", "news", "bar_stream", "markdown", "pdftotext_layout"} <= {c["form"] for c in CASES}
    assert sum(c["form"] == "pdftotext_layout" for c in CASES) >= 16


@pytest.mark.parametrize("field", DOCUMENT_FIELDS)
def test_document_record_of_made_up_documents(scored, field):
    document, *_ = scored
    right, total = document.fields[field]
    assert right / total >= DOCUMENT_FIELD, "\n".join(m for m in document.misses if f".{field} " in m)


def test_references_of_made_up_documents(scored):
    _, references, *_ = scored
    assert references.f1 >= REFERENCES_F1, "\n".join(references.misses + references.extras)


@pytest.mark.parametrize("role", ["lead", "partners"])
def test_agency_names_of_made_up_documents(scored, role):
    _, _, tasks, _ = scored
    right, total = tasks.fields[role]
    assert right / total >= AGENCY_NAMES, "\n".join(m for m in tasks.misses if f": {role} " in m)


def test_targets_of_made_up_documents(scored):
    targets = scored[3]
    assert targets.f1 >= TARGETS_F1, "\n".join(targets.misses + targets.extras)


def test_tasks_of_made_up_documents(scored):
    tasks = scored[2]
    assert tasks.f1 >= TASKS_F1, "\n".join(tasks.misses + tasks.extras)
