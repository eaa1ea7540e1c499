"""The analysis pass every extractor reads: one look at a Document's structure.

```
Document ──analyze──▶ Analysis
  outline    headings, list items, lead-ins: the node every block stands under (outline.py)
  scopes     year / phase, section kind, domain of every block and table column (scope.py)
  columns    the role of every column of every table, from its header rows (columns.py)
  quantities value, range, unit, comparator of every number that counts something
             (quantities.py), computed on demand
```

Components have one job each and their words in data files; the extractors
(`extract/targets.py`, `extract/tasks.py`) only read the Analysis, so a convention
found in a new plan is taught once, in the component it belongs to.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..document import Block, Document
from .columns import TableView, table_view
from .outline import Node, build_outline, preamble_end, section_string, section_titles
from .quantities import Quantity, find_quantities
from .scope import Scope, resolve

__all__ = ["Analysis", "analyze", "Node", "Scope", "Quantity", "TableView"]


@dataclass
class Analysis:
    doc: Document
    nodes: list[Node]
    title: str | None = None
    issued: str | None = None  # the document's date (ISO), when known
    _scopes: dict[int, Scope] = field(default_factory=dict, repr=False)
    _tables: dict[int, TableView] = field(default_factory=dict, repr=False)

    def node(self, block: Block) -> Node:
        return self.nodes[self.index_of(block)]

    @cached_property
    def _index(self) -> dict[int, int]:
        return {id(b): i for i, b in enumerate(self.doc.blocks)}

    def index_of(self, block: Block) -> int:
        return self._index[id(block)]

    def scope(self, block: Block) -> Scope:
        i = self.index_of(block)
        if i not in self._scopes:
            self._scopes[i] = resolve(self.nodes[i].chain(), self.title)
        return self._scopes[i]

    def section(self, block: Block) -> str:
        return section_string(self.node(block))

    def headings(self, block: Block) -> list[str]:
        return section_titles(self.node(block))

    def table(self, block: Block) -> TableView:
        i = self.index_of(block)
        if i not in self._tables:
            self._tables[i] = table_view(block, self)
        return self._tables[i]

    def quantities(self, text: str) -> list[Quantity]:
        return find_quantities(text)

    @property
    def issued_year(self) -> int | None:
        return int(self.issued[:4]) if self.issued else None

    def is_ahead(self, year: int | None) -> bool:
        """Is `year` still ahead when the document was issued (a planned value, not an
        estimate of the present)? A year is ahead in its first half; unknown dates say yes."""
        if year is None or not self.issued:
            return True
        issued_year, month = int(self.issued[:4]), int(self.issued[5:7])
        return year > issued_year or (year == issued_year and month <= 6)

    def readable_blocks(self) -> list[Block]:
        """Every block an extractor may read: not site boilerplate."""
        return [b for b in self.doc.blocks if not b.boilerplate]


def analyze(doc: Document, title: str | None = None, issued: str | None = None) -> Analysis:
    """The Analysis of a Document; `title` (the document record's, else the lines under its
    type line) scopes the whole text ("Kế hoạch … năm 2026" gives its targets 2026 when
    nothing nearer says a year)."""
    if not title:
        title = " ".join(preamble_end(doc)[1]) or None
    return Analysis(doc, build_outline(doc), title, issued)
