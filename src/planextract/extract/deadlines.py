"""Deadlines: dated or recurring obligations stated in prose.

"trước ngày 31/12/2022" → due_date; "phấn đấu đến hết năm 2025" → due 2025-12-31;
"định kỳ 06 tháng", "hằng năm", "hàng quý", "định kỳ hàng tháng" → recurrence
(the words in `data/time_words.csv`; a bare "định kỳ" is an obligation with no
stated period). Goal lists and tables are not prose obligations (their years
are targets' years and tasks' timeframes). Who must act: the agency paragraph
the sentence stands in, else the agencies the sentence opens with.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import TABLE, Document
from ..lexicon import read_rows
from ..records import Deadline, Task
from ..structure import section_paths
from .dates import DATE_PATTERN, iso_date
from ..analyze.scope import kind_of
from .spans import bullet_end, split_spans
from .tasks import leading_agencies

_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ])")
_DUE_DATE = re.compile(rf"(?:trước|chậm nhất|hạn chót)\s+(?:ngày\s+)?({DATE_PATTERN})", re.I)
_END_OF_YEAR = re.compile(r"đến hết năm\s+(20\d{2})", re.I)
FREQUENCY = {"weekly": 0, "monthly": 1, "quarterly": 2, "semiannual": 3, "annual": 4}


@lru_cache(maxsize=None)
def _recurrence_words() -> list[tuple[str, str]]:
    rows = [(r["wording"], r["recurrence"]) for r in read_rows("time_words.csv")
            if r["recurrence"] or r["wording"] == "định kỳ"]
    return sorted(rows, key=lambda r: -len(r[0]))


def _recurrence(sentence: str) -> tuple[bool, str | None]:
    """(is a recurring obligation, the most frequent period named)."""
    lowered = sentence.lower()
    found = [rec for word, rec in _recurrence_words() if re.search(rf"\b{re.escape(word)}\b", lowered)]
    if not found:
        return False, None
    periods = [r for r in found if r]
    return True, min(periods, key=FREQUENCY.get) if periods else None


def _due_date(sentence: str) -> str | None:
    if m := _DUE_DATE.search(sentence):
        return iso_date(m.group(1))
    if m := _END_OF_YEAR.search(sentence):
        return f"{m.group(1)}-12-31"
    return None


def sentences(text: str) -> list[tuple[int, int]]:
    return split_spans(text, _SENTENCE_END)


def _paragraph_lead(offset: int, prose: list[Task]) -> list[str] | None:
    for task in prose:
        if task.start is not None and task.start <= offset < (task.end or task.start) + 1:
            return task.lead
    return None


def extract_deadlines(doc: Document, prose: list[Task], province: str | None = None) -> list[Deadline]:
    out = []
    for block, section in zip(doc.blocks, section_paths(doc)):
        if block.kind == TABLE or any(kind_of(t) == "objectives" for t in section.titles):
            continue
        body_at = bullet_end(block.text)
        for s, e in sentences(block.text[body_at:]):
            sentence = block.text[body_at + s: body_at + e].strip()
            recurring, recurrence = _recurrence(sentence)
            due = _due_date(sentence)
            if not recurring and due is None:
                continue
            start = block.start + body_at + s
            agencies = _paragraph_lead(start, prose)
            if agencies is None:
                agencies = leading_agencies(sentence, province)[0]
            out.append(Deadline(text=sentence, due_date=due, recurrence=recurrence, agencies=list(agencies),
                                page=doc.page_at(start), start=start, end=start + len(sentence)))
    return out
