"""Long lines and paragraphs cut to the limits of `planextract.limits`.

Finding a value's comparator, indicator and agencies looks at the paragraph around it,
so a paragraph of n characters holding values costs more than n: one megabyte-long
paragraph could take hours. Cut into paragraphs of at most `paragraph_chars`, the
work stays proportional to the input. Cuts fall after a sentence where one ends in
the second half of the allowed length, else at a space, else anywhere.
"""
from __future__ import annotations

import re

from ..document import PARAGRAPH, TABLE, Block, Document
from ..errors import TooLarge
from ..limits import Limits, how_to_raise, over_limit

_SENTENCE_END = re.compile(r"(?<=[.;!?:]) +")
_SPACE = re.compile(r" +")


def split_long_lines(text: str, max_chars: int) -> tuple[str, int]:
    """The text with every line longer than `max_chars` cut into lines, and how many were
    cut. A cut is placed before a word that does not start in lower case where it can be,
    so that the text reader does not join the pieces back into one paragraph."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as the text reader does first
    lines = text.split("\n")
    if max(map(len, lines)) <= max_chars:
        return text, 0
    out, cut = [], 0
    for line in lines:
        if len(line) <= max_chars:
            out.append(line)
            continue
        cut += 1
        out += [line[a:b] for a, b in parts(line, max_chars, next_not_lower=True)]
    return "\n".join(out), cut


def parts(text: str, max_chars: int, *, next_not_lower: bool = False) -> list[tuple[int, int]]:
    """(start, end) of consecutive parts of `text`, none longer than `max_chars`; the
    spaces at a cut belong to no part."""
    out = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, max_chars, next_not_lower)
        out.append((start, end))
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def _cut(text: str, start: int, max_chars: int, next_not_lower: bool) -> int:
    """Where the part that begins at `start` ends."""
    limit = start + max_chars
    earliest = start + max_chars // 2
    for pattern in (_SENTENCE_END, _SPACE):
        spaces = [m for m in pattern.finditer(text, earliest, limit + 1) if m.end() < len(text)]
        if next_not_lower:
            good = [m for m in spaces if not text[m.end()].islower()]
            spaces = good or (spaces if pattern is _SPACE else [])
        if spaces:
            return spaces[-1].start()
    return limit


def split_long_paragraphs(doc: Document, limits: Limits) -> None:
    """Cut the Document's blocks longer than `paragraph_chars` into paragraphs (in place;
    the text is unchanged, only the blocks' bounds), and refuse table cells that long."""
    max_chars = limits.paragraph_chars
    if not any(b.end - b.start > max_chars for b in doc.blocks):
        return
    blocks: list[Block] = []
    cut = 0
    for block in doc.blocks:
        if block.kind == TABLE:
            _check_cells(doc, block, limits)
            blocks.append(block)
        elif block.end - block.start <= max_chars:
            blocks.append(block)
        else:
            cut += 1
            blocks += _pieces_of(doc.text, block, max_chars)
    doc.blocks = blocks
    if cut:
        doc.warnings.append(f"{doc.source or '<text>'}: {cut} paragraph(s) longer than {max_chars:,} characters "
                            f"were cut into paragraphs (the limit per paragraph; {how_to_raise('paragraph_chars')})")


def _pieces_of(text: str, block: Block, max_chars: int) -> list[Block]:
    """A long block as consecutive blocks; the first keeps its kind and numbering."""
    out = []
    for i, (a, b) in enumerate(parts(text[block.start:block.end], max_chars)):
        start, end = block.start + a, block.start + b
        first = i == 0
        out.append(Block(block.kind if first else PARAGRAPH, text[start:end], start, end, page=block.page,
                         level=block.level if first else None, number=block.number if first else None,
                         bold=block.bold))
    return out


def _check_cells(doc: Document, block: Block, limits: Limits) -> None:
    longest = max((c.end - c.start for c in block.table.cells), default=0)
    if longest > limits.paragraph_chars:
        raise TooLarge(doc.source, over_limit("paragraph_chars", f"a table cell of {longest:,} characters",
                                              limits))
