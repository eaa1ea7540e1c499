"""The object model every stage shares: Document → Block → Table → Cell.

A reader turns a file into a `Document`. Its `text` is the normalized text
(NFC, one tone-mark style, single spaces); every block, cell and record
points into it with `start`/`end` character offsets, so `doc.text[b.start:b.end]`
is always the block's own text. Blocks are separated by one newline; a table's
rows by one newline and its cells by " | ".
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field

HEADING, PARAGRAPH, LIST_ITEM, TABLE = "heading", "paragraph", "list_item", "table"
CELL_SEPARATOR = " | "


@dataclass
class Cell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    start: int = 0
    end: int = 0
    bold: bool = False
    page: int | None = None


@dataclass
class Table:
    cells: list[Cell]
    n_rows: int
    n_cols: int
    _grid: list | None = field(default=None, repr=False, compare=False)

    def row(self, index: int) -> list[Cell]:
        """The cells that start in row `index`, left to right (covered positions are absent)."""
        return sorted((c for c in self.cells if c.row == index), key=lambda c: c.col)

    def rows(self) -> list[list[Cell]]:
        return [self.row(i) for i in range(self.n_rows)]

    def grid(self) -> list[list[Cell | None]]:
        """Rows × columns, with a spanning cell repeated in every position it covers.
        Computed once: a Table is final once a reader has assembled its Document."""
        if self._grid is None:
            self._grid = self._build_grid()
        return self._grid

    def _build_grid(self) -> list[list[Cell | None]]:
        grid: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.row_span, self.n_rows)):
                for c in range(cell.col, min(cell.col + cell.col_span, self.n_cols)):
                    grid[r][c] = cell
        return grid

    def row_texts(self) -> list[list[str]]:
        """Texts of the cells that start in each row: what a reader saw, row by row."""
        return [[c.text for c in row] for row in self.rows()]


@dataclass
class Block:
    kind: str
    text: str
    start: int
    end: int
    page: int | None = None
    level: int | None = None
    number: str | None = None
    bold: bool = False
    table: Table | None = None
    row_spans: list[tuple[int, int]] = field(default_factory=list)
    md_level: int | None = None  # "## …" in Markdown-like text
    boilerplate: bool = False  # the site's, not the document's (search box, paywall notice …): no extractor reads it

    def __repr__(self) -> str:  # short, for notebooks and test failures
        head = self.text[:60] + ("…" if len(self.text) > 60 else "")
        return f"Block({self.kind}, p{self.page}, {self.start}-{self.end}, {self.number!r}, {head!r})"


@dataclass
class Document:
    text: str
    blocks: list[Block]
    raw_text: str
    source: str | None = None
    format: str = "text"
    pages: int | None = None
    page_starts: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page_kind: str | None = None  # "document", "portal" or "news" once ingest.page_kind has looked
    page_fields: dict[str, str] = field(default_factory=dict)  # what a page states about its plan

    @property
    def doc_id(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page an offset of `text` falls on (None for unpaged input)."""
        if not self.page_starts:
            return None
        return bisect_right(self.page_starts, offset)

    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == TABLE]

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == HEADING]

    def __repr__(self) -> str:
        return (f"Document(source={self.source!r}, format={self.format}, pages={self.pages}, "
                f"blocks={len(self.blocks)}, chars={len(self.text)})")
