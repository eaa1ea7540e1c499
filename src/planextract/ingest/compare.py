"""How alike are two readings of the same plan? Used to hold the PDF, DOCX and
scan readers to the seed text they were made from ("modulo line breaks")."""
from __future__ import annotations

import difflib
import re

from ..document import TABLE, Document
from ..normalize import normalize_key


def running_words(doc: Document) -> list[str]:
    """The words of all non-table blocks, in order, without list marks."""
    words: list[str] = []
    for block in doc.blocks:
        if block.kind != TABLE:
            words += normalize_key(block.text).split()
    return words


def table_rows(doc: Document) -> list[tuple[str, ...]]:
    """Every table row as its non-empty cell texts (keys), across all tables."""
    rows = []
    for block in doc.tables():
        for row in block.table.rows():
            cells = tuple(normalize_key(c.text) for c in row if c.text.strip())
            if cells:
                rows.append(cells)
    return rows


def word_agreement(a: Document, b: Document) -> float:
    return difflib.SequenceMatcher(None, running_words(a), running_words(b), autojunk=False).ratio()


def row_agreement(a: Document, b: Document) -> float:
    """Share of rows that are identical, matched in order."""
    ra, rb = table_rows(a), table_rows(b)
    if not ra and not rb:
        return 1.0
    sm = difflib.SequenceMatcher(None, ra, rb, autojunk=False)
    same = sum(block.size for block in sm.get_matching_blocks())
    return 2 * same / (len(ra) + len(rb))


def row_differences(a: Document, b: Document) -> list[str]:
    """Human-readable list of rows that differ (for test failure messages)."""
    ra, rb = table_rows(a), table_rows(b)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ra, rb, autojunk=False).get_opcodes():
        if op != "equal":
            out.append(f"{op}: {[' | '.join(r)[:120] for r in ra[i1:i2]]} ≠ {[' | '.join(r)[:120] for r in rb[j1:j2]]}")
    return out
