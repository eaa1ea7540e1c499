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
from planextract.evaluate import DOCUMENT_FIELDS
from planextract.records import Extraction

from .suite_floors import (SuiteScore, assert_agency_names, assert_document_field, assert_references,
                           assert_targets, assert_tasks)

FIXTURES = Path(__file__).parents[1] / "fixtures"
# documents.json, and layout_documents.json (suite 8: whole documents as `pdftotext -layout` text)
CASES = [case for name in ("documents.json", "layout_documents.json")
         for case in json.loads((FIXTURES / name).read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def scored() -> SuiteScore:
    score = SuiteScore()
    for case in CASES:
        score.add(extract_text(case["text"], source=case["id"]), Extraction.from_dict(case["gold"]), case["id"])
    return score


def test_the_suite_covers_every_form():
    assert len(CASES) >= 24
    assert {"portal_page", "news", "bar_stream", "markdown", "pdftotext_layout"} <= {c["form"] for c in CASES}
    assert sum(c["form"] == "pdftotext_layout" for c in CASES) >= 16


@pytest.mark.parametrize("field", DOCUMENT_FIELDS)
def test_document_record_of_made_up_documents(scored, field):
    assert_document_field(scored, field)


def test_references_of_made_up_documents(scored):
    assert_references(scored)


@pytest.mark.parametrize("role", ["lead", "partners"])
def test_agency_names_of_made_up_documents(scored, role):
    assert_agency_names(scored, role)


def test_targets_of_made_up_documents(scored):
    assert_targets(scored)


def test_tasks_of_made_up_documents(scored):
    assert_tasks(scored)
