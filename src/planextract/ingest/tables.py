"""Ruled tables: cell boxes → a grid with spans; tables continued across pages → one.

Used by the PDF reader (cells from pdfplumber) and the OCR reader (cells from
ruled lines found in the image). A table that continues on the next page is
joined to the one before it: its repeated header rows are dropped, and a row
cut by the page break (its first cell, the row number, is empty on the new
page) is joined back into the row above.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..document import Cell
from ..normalize import normalize_key
from .assemble import Piece

EDGE_TOLERANCE = 2.0


@dataclass
class BoxCell:
    """A cell as drawn: its box and text (in points, top-left origin)."""
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    bold: bool = False


def _boundaries(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_TOLERANCE:
            out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def grid_cells(boxes: list[BoxCell]) -> list[Cell]:
    """Cells with row, col, row_span and col_span from their boxes."""
    xs = _boundaries([b.x0 for b in boxes] + [b.x1 for b in boxes])
    ys = _boundaries([b.top for b in boxes] + [b.bottom for b in boxes])
    cells = []
    for b in boxes:
        c0, c1 = _index(xs, b.x0), _index(xs, b.x1)
        r0, r1 = _index(ys, b.top), _index(ys, b.bottom)
        cells.append(Cell(r0, c0, b.text, row_span=max(r1 - r0, 1), col_span=max(c1 - c0, 1),
                          bold=b.bold))
    return _compact(cells)


def _compact(cells: list[Cell]) -> list[Cell]:
    """Renumber rows and columns so that no index is unused."""
    rows = sorted({c.row for c in cells})
    cols = sorted({c.col for c in cells})
    row_at = {r: i for i, r in enumerate(rows)}
    col_at = {c: i for i, c in enumerate(cols)}
    out = []
    for c in cells:
        r_end = sum(1 for r in rows if c.row <= r < c.row + c.row_span)
        c_end = sum(1 for k in cols if c.col <= k < c.col + c.col_span)
        out.append(Cell(row_at[c.row], col_at[c.col], c.text, max(r_end, 1), max(c_end, 1), bold=c.bold,
                        page=c.page))
    return out


def _rows(cells: list[Cell]) -> dict[int, list[Cell]]:
    rows: dict[int, list[Cell]] = {}
    for c in cells:
        rows.setdefault(c.row, []).append(c)
    return rows


def same_header(key: str, header_key: str) -> bool:
    """A header row repeated at a page break (typos between repeats allowed)."""
    if not key or not header_key:
        return False
    return key == header_key or difflib.SequenceMatcher(None, key, header_key).ratio() >= 0.9


def _row_key(row: list[Cell]) -> str:
    return " ".join(normalize_key(c.text) for c in sorted(row, key=lambda c: c.col) if c.text.strip())


def n_cols(cells: list[Cell]) -> int:
    return max(c.col + c.col_span for c in cells)


def continue_table(previous: Piece, more: Piece) -> bool:
    """Append `more` (the table at the top of the next page) to `previous` when it is
    the same table; returns False when they are different tables."""
    prev_cells, new_cells = previous.cells or [], more.cells or []
    if not prev_cells or not new_cells or n_cols(prev_cells) != n_cols(new_cells):
        return False
    prev_rows, new_rows = _rows(prev_cells), _rows(new_cells)
    header = _row_key(prev_rows[min(prev_rows)])
    body = [r for r in sorted(new_rows) if not same_header(_row_key(new_rows[r]), header)]
    offset = max(c.row + c.row_span for c in prev_cells)
    first = True
    for r in body:
        row = new_rows[r]
        if first and (_is_cut_row(row) or _is_cut_row(_last_row(prev_cells))):
            _join_into_last_row(prev_cells, row)
            offset -= 1
        else:
            for c in row:
                prev_cells.append(Cell(offset + _rank(body, r), c.col, c.text, c.row_span,
                                       c.col_span, bold=c.bold, page=c.page))
        first = False
    return True


def _rank(body: list[int], r: int) -> int:
    return body.index(r)


def _is_cut_row(row: list[Cell]) -> bool:
    """The rest of a row cut by the page break: no row number, some text."""
    first = min(row, key=lambda c: c.col)
    return first.col == 0 and not first.text.strip() and any(c.text.strip() for c in row)


def _last_row(cells: list[Cell]) -> list[Cell]:
    last = max(c.row for c in cells)
    return [c for c in cells if c.row == last]


def _join_into_last_row(cells: list[Cell], row: list[Cell]) -> None:
    last = max(c.row for c in cells)
    for part in row:
        if not part.text.strip():
            continue
        # The cell of the last row (or spanning into it) that covers this column.
        target = next((c for c in cells if c.col <= part.col < c.col + c.col_span
                       and c.row <= last < c.row + c.row_span), None)
        if target is not None:
            target.text = f"{target.text} {part.text}".strip()
