"""Suites 9 and 10: whole made-up documents as Word files with merged cells (two-row headers, row numbers
merged down over sub-rows, leads and times merged down, group rows merged across) and as the text
a python-docx dump of them gives (merged cells repeated in every column and row they cover), and
as a legal portal's text (hard-wrapped, **bold**, tables as bar streams that drop the spans), from
provinces, cities, a ward, a department, the provincial council, a steering committee and the
Party (tests/fixtures/docx_documents.json, built by scripts/make_docx_suite.py from HTML written
with its full gold by two helpers who read only the annotation guidelines); suite 10
(tests/fixtures/prose_documents.json) is made the same way, its tasks, targets and deadlines
mostly in prose (letters, a directive, a conclusion notice, resolutions, a procedures decision);
suite 11 (tests/fixtures/kinds_documents.json) too, of kinds other than a plain Kế hoạch (letters
with reporting schedules, decisions assigning targets and capital, Tỉnh ủy resolutions and
programmes, drafts with a blank number and date, inspection plans of a Sở, ward plans); suite 12
(tests/fixtures/appendix_documents.json) too, plans whose targets and tasks sit mostly in appendix
tables (years under a two-row header, a baseline beside the plan, places by measures, projects with
money, task tables continued over a page line, sub-rows under a merged lead); suite 13
(tests/fixtures/sector_documents.json) too, plans of sectors other than digital transformation
with their units and the numbers in them that are not targets (thresholds, frequencies, ages,
support levels, prices, budgets, results of the year).

Scored with the evaluation's own scorer against the floors issues 12 and 13 ask for. The first
run was held out (README, "Accuracy"); rules have since been corrected while looking at its
errors, so these are development figures."""
import base64
import json
from pathlib import Path

import pytest

from planextract import extract, extract_text
from planextract.evaluate import DOCUMENT_FIELDS
from planextract.records import Extraction

from .suite_floors import (SuiteScore, assert_agency_names, assert_document_field, assert_references,
                           assert_targets, assert_tasks)

FIXTURES = Path(__file__).parents[1] / "fixtures"
# suite 9 (tables with merged cells), suite 10 (tasks, targets and deadlines in prose), suite 11 (kinds),
# suite 12 (appendix tables), suite 13 (sectors)
SUITES = {name: json.loads((FIXTURES / name).read_text(encoding="utf-8"))
          for name in ("docx_documents.json", "prose_documents.json", "kinds_documents.json",
                       "appendix_documents.json", "sector_documents.json")}
CASES = SUITES["docx_documents.json"]
FORMS = ("docx", "dump", "portal")


@pytest.fixture(scope="module", params=[(suite, form) for suite in SUITES for form in FORMS], ids="-".join)
def scored(request, tmp_path_factory) -> SuiteScore:
    suite, form = request.param
    score = SuiteScore()
    folder = tmp_path_factory.mktemp("docx_suite")
    for case in SUITES[suite]:
        if form == "docx":
            path = folder / f"{case['id']}.docx"
            path.write_bytes(base64.b64decode(case["docx"]))
            result = extract(path)
        else:
            result = extract_text(case[form], source=case["id"])
        score.add(result, Extraction.from_dict(case["gold"]), case["id"])
    return score


def test_the_suite_has_its_documents_and_merged_cells():
    assert len(CASES) >= 14
    # python-docx's dump repeats a merged cell: a group row written once per column
    assert any(" | ".join([line.split(" | ")[1]] * 3) in line for case in CASES for line in case["dump"].splitlines()
               if line.count(" | ") >= 3)


@pytest.mark.parametrize("field", DOCUMENT_FIELDS)
def test_document_record(scored, field):
    assert_document_field(scored, field)


def test_references(scored):
    assert_references(scored)


@pytest.mark.parametrize("role", ["lead", "partners"])
def test_agency_names(scored, role):
    assert_agency_names(scored, role)


def test_targets(scored):
    assert_targets(scored)


def test_tasks(scored):
    assert_tasks(scored)


def test_suite_11_holds_the_kinds_it_is_about():
    kinds = {case["gold"]["document"]["doc_type"] for case in SUITES["kinds_documents.json"]}
    assert {"Công văn", "Quyết định", "Kế hoạch"} <= kinds and kinds & {"Nghị quyết", "Chương trình"}
    # a draft: its number left blank, no date
    assert any(case["gold"]["document"]["number"].startswith("/") and case["gold"]["document"]["issued_date"] is None
               for case in SUITES["kinds_documents.json"])


def test_suite_12_holds_its_appendix_tables():
    cases = SUITES["appendix_documents.json"]
    assert len(cases) == 12
    # every plan has appendices, and most of its targets come from their rows
    assert all("PHỤ LỤC" in case["dump"].upper() for case in cases)
    rows = sum(" | " in t["text"] for case in cases for t in case["gold"]["targets"])
    assert rows / sum(len(case["gold"]["targets"]) for case in cases) > 0.8


def test_suite_13_holds_its_sectors_and_numbers_that_are_no_targets():
    cases = SUITES["sector_documents.json"]
    assert len(cases) == 12
    text = " ".join(case["dump"] for case in cases)
    # thresholds of a standard, frequencies and support levels stand in the text, none in the gold
    assert "QCVN" in text and "lần/năm" in text and "hỗ trợ 50% chi phí" in text
    units = {t["unit"] for case in cases for t in case["gold"]["targets"]}
    assert {"%", "ha", "tỷ USD"} <= units and len(units) >= 15
