"""Suites 9 and 10: whole made-up documents as Word files with merged cells (two-row headers, row numbers
merged down over sub-rows, leads and times merged down, group rows merged across) and as the text
a python-docx dump of them gives (merged cells repeated in every column and row they cover), and
as a legal portal's text (hard-wrapped, **bold**, tables as bar streams that drop the spans), from
provinces, cities, a ward, a department, the provincial council, a steering committee and the
Party (tests/fixtures/docx_documents.json, built by scripts/make_docx_suite.py from HTML written
with its full gold by two helpers who read only the annotation guidelines); suite 10
(tests/fixtures/prose_documents.json) is made the same way, its tasks, targets and deadlines
mostly in prose (letters, a directive, a conclusion notice, resolutions, a procedures decision).

Scored with the evaluation's own scorer against the floors issues 12 and 13 ask for. The first
run was held out (README, "Accuracy"); rules have since been corrected while looking at its
errors, so these are development figures."""
import base64
import json
from pathlib import Path

import pytest

from planextract import extract, extract_text
from planextract.evaluate import DOCUMENT_FIELDS, Score, score_document, score_references, score_targets, score_tasks
from planextract.records import Extraction

FIXTURES = Path(__file__).parents[1] / "fixtures"
# suite 9 (tables with merged cells) and suite 10 (tasks, targets and deadlines in prose)
SUITES = {name: json.loads((FIXTURES / name).read_text(encoding="utf-8"))
          for name in ("docx_documents.json", "prose_documents.json")}
CASES = SUITES["docx_documents.json"]
FORMS = ("docx", "dump", "portal")
DOCUMENT_FIELD, REFERENCES_F1, AGENCY_NAMES = 0.97, 0.95, 0.90  # issue 13
TARGETS_F1, TASKS_F1 = 0.90, 0.85  # issue 12


@pytest.fixture(scope="module", params=[(suite, form) for suite in SUITES for form in FORMS], ids="-".join)
def scored(request, tmp_path_factory):
    suite, form = request.param
    document, references, tasks, targets = Score(), Score(), Score(), Score()
    folder = tmp_path_factory.mktemp("docx_suite")
    for case in SUITES[suite]:
        gold = Extraction.from_dict(case["gold"])
        if form == "docx":
            path = folder / f"{case['id']}.docx"
            path.write_bytes(base64.b64decode(case["docx"]))
            result = extract(path)
        else:
            result = extract_text(case[form], source=case["id"])
        document.add(score_document(result, gold))
        references.add(score_references(result.references, gold.references, case["id"]))
        tasks.add(score_tasks(result.tasks, gold.tasks, case["id"]))
        targets.add(score_targets(result.targets, gold.targets, case["id"]))
    return document, references, tasks, targets, (suite, form)


def test_the_suite_has_its_documents_and_merged_cells():
    assert len(CASES) >= 14
    # python-docx's dump repeats a merged cell: a group row written once per column
    assert any(" | ".join([line.split(" | ")[1]] * 3) in line for case in CASES for line in case["dump"].splitlines()
               if line.count(" | ") >= 3)


@pytest.mark.parametrize("field", DOCUMENT_FIELDS)
def test_document_record(scored, field):
    document, *_ = scored
    right, total = document.fields[field]
    assert right / total >= DOCUMENT_FIELD, "\n".join(m for m in document.misses if f".{field} " in m)


def test_references(scored):
    _, references, *_ = scored
    assert references.f1 >= REFERENCES_F1, "\n".join(references.misses + references.extras)


@pytest.mark.parametrize("role", ["lead", "partners"])
def test_agency_names(scored, role):
    _, _, tasks, *_ = scored
    right, total = tasks.fields[role]
    assert right / total >= AGENCY_NAMES, "\n".join(m for m in tasks.misses if f": {role} " in m)


def test_targets(scored):
    targets = scored[3]
    assert targets.f1 >= TARGETS_F1, "\n".join(targets.misses + targets.extras)


def test_tasks(scored):
    tasks = scored[2]
    assert tasks.f1 >= TASKS_F1, "\n".join(tasks.misses + tasks.extras)
