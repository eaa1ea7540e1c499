"""Headings into a section tree: the heading path every block stands under.

Levels come from the numbering style (see `ingest.assemble`): a heading closes
every open heading of the same or a deeper level. Tables are not headings, but
a table's group rows open sections inside the table (used by the task
extractor).
"""
from __future__ import annotations

from dataclasses import dataclass

from .document import HEADING, Block, Document

PATH_SEPARATOR = " > "


@dataclass
class Section:
    path: list[Block]

    @property
    def titles(self) -> list[str]:
        return [b.text.rstrip(":").strip() for b in self.path]

    def __str__(self) -> str:
        return PATH_SEPARATOR.join(self.titles)


def section_paths(doc: Document) -> list[Section]:
    """For each block of `doc.blocks`, the headings it stands under (itself included for a heading)."""
    stack: list[Block] = []
    out: list[Section] = []
    for block in doc.blocks:
        if block.kind == HEADING and block.level is not None:
            while stack and stack[-1].level >= block.level:
                stack.pop()
            stack.append(block)
        out.append(Section(list(stack)))
    return out
