"""The floors issues 12 and 13 ask for on documents nobody here has read, and one scoring of a
made-up suite against them: the whole-document suites (test_documents_suite.py,
test_docx_suite.py) share these."""
from __future__ import annotations

from dataclasses import dataclass, field

from planextract.evaluate import Score, score_document, score_references, score_targets, score_tasks
from planextract.records import Extraction

DOCUMENT_FIELD, REFERENCES_F1, AGENCY_NAMES = 0.97, 0.95, 0.90  # issue 13
TARGETS_F1, TASKS_F1 = 0.90, 0.85  # issue 12


@dataclass
class SuiteScore:
    document: Score = field(default_factory=Score)
    references: Score = field(default_factory=Score)
    tasks: Score = field(default_factory=Score)
    targets: Score = field(default_factory=Score)

    def add(self, result: Extraction, gold: Extraction, source: str) -> None:
        self.document.add(score_document(result, gold))
        self.references.add(score_references(result.references, gold.references, source))
        self.tasks.add(score_tasks(result.tasks, gold.tasks, source))
        self.targets.add(score_targets(result.targets, gold.targets, source))


def assert_document_field(score: SuiteScore, name: str) -> None:
    right, total = score.document.fields[name]
    assert right / total >= DOCUMENT_FIELD, "\n".join(m for m in score.document.misses if f".{name} " in m)


def assert_references(score: SuiteScore) -> None:
    assert score.references.f1 >= REFERENCES_F1, "\n".join(score.references.misses + score.references.extras)


def assert_agency_names(score: SuiteScore, role: str) -> None:
    right, total = score.tasks.fields[role]
    assert right / total >= AGENCY_NAMES, "\n".join(m for m in score.tasks.misses if f": {role} " in m)


def assert_targets(score: SuiteScore) -> None:
    assert score.targets.f1 >= TARGETS_F1, "\n".join(score.targets.misses + score.targets.extras)


def assert_tasks(score: SuiteScore) -> None:
    assert score.tasks.f1 >= TASKS_F1, "\n".join(score.tasks.misses + score.tasks.extras)
