"""Made-up document headers and pages in the forms documents arrive in (PDF text laid out in two
columns, interleaved header columns, Party, council, department and commune documents, portal
metadata blocks, news articles), each with its document record written blind from the
guidelines by a helper annotator (tests/fixtures/headers.json). Scored with the evaluation's
own scorer against issue 13's floor for document fields (0.97)."""
import json
from pathlib import Path

import pytest

from planextract import extract_text
from planextract.evaluate import DOCUMENT_FIELDS, Score, score_document
from planextract.records import Extraction

CASES = json.loads((Path(__file__).parents[1] / "fixtures" / "headers.json").read_text(encoding="utf-8"))
FIELD_ACCURACY = 0.97


def gold_of(case) -> Extraction:
    document = {"doc_id": None, "source": None, "pages": None, **case["document"]}
    return Extraction.from_dict({"schema_version": "1", "document": document, "targets": [], "tasks": [],
                                 "references": [], "deadlines": [], "warnings": []})


@pytest.fixture(scope="module")
def scored():
    score = Score()
    for case in CASES:
        score.add(score_document(extract_text(case["text"], source=case["id"]), gold_of(case)))
    return score


def test_the_suite_covers_the_forms():
    assert len(CASES) >= 24
    assert {c["form"] for c in CASES} >= {"plain_text", "pdf_text", "portal_page", "news"}


def test_document_fields_of_made_up_headers(scored):
    right = sum(r for r, _ in scored.fields.values())
    total = sum(t for _, t in scored.fields.values())
    assert set(scored.fields) == set(DOCUMENT_FIELDS)
    assert right / total >= FIELD_ACCURACY, {f: round(r / t, 2) for f, (r, t) in scored.fields.items()}
