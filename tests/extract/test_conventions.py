"""A suite of made-up plan excerpts in the conventions real plans use (headings, years, units,
tables in every text form, prose assignments), written with their gold records by a helper
who read only the annotation guidelines and never the extractor (tests/fixtures/conventions.json).
Scored with the evaluation's own scorer; the floors are the figures issue 12 asks for on plans
nobody here has read."""
import json
from pathlib import Path

import pytest

from planextract import extract_text
from planextract.evaluate import Score, score_targets, score_tasks
from planextract.records import Target, Task

CASES = json.loads((Path(__file__).parents[1] / "fixtures" / "conventions.json").read_text(encoding="utf-8"))
TARGET_F1, TASK_F1 = 0.90, 0.85


@pytest.fixture(scope="module")
def scored():
    targets, tasks = Score(), Score()
    for case in CASES:
        result = extract_text(case["text"])
        gold_targets = [Target(**t) for t in case["targets"]]
        gold_tasks = [Task(**t) for t in case["tasks"]]
        targets.add(score_targets(result.targets, gold_targets, case["id"]))
        tasks.add(score_tasks(result.tasks, gold_tasks, case["id"]))
    return targets, tasks


def test_the_suite_covers_the_conventions():
    assert len(CASES) >= 60
    assert sum(len(c["targets"]) for c in CASES) > 100 and sum(len(c["tasks"]) for c in CASES) > 50
    assert sum(1 for c in CASES if not c["targets"] and not c["tasks"]) >= 5  # inputs that must give nothing


def test_targets_of_made_up_plans(scored):
    targets, _ = scored
    assert targets.f1 >= TARGET_F1, "\n".join(targets.misses + targets.extras)


def test_tasks_of_made_up_plans(scored):
    _, tasks = scored
    assert tasks.f1 >= TASK_F1, "\n".join(tasks.misses + tasks.extras)
