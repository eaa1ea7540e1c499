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
                if first and _continues_merged_cell(prev_cells, c):
                    continue
                prev_cells.append(Cell(offset + _rank(body, r), c.col, c.text, c.row_span,
                                       c.col_span, bold=c.bold, page=c.page))
        first = False
    _fill_holes_below(prev_cells, first_new_row=offset)
    return True


def _fill_holes_below(cells: list[Cell], first_new_row: int) -> None:
    """Positions at the top of a continued page that no cell covers belong to the merged
    cell above them, cut by the page break."""
    n_rows = max(c.row + c.row_span for c in cells)
    for col in range(n_cols(cells)):
        above = _covering(cells, first_new_row - 1, col)
        if above is None or not above.text.strip():
            continue
        r = first_new_row
        while r < n_rows and _covering(cells, r, col) is None:
            above.row_span += 1
            r += 1


def _covering(cells: list[Cell], row: int, col: int) -> Cell | None:
    return next((c for c in cells if c.row <= row < c.row + c.row_span
                 and c.col <= col < c.col + c.col_span), None)


def _rank(body: list[int], r: int) -> int:
    return body.index(r)


def _is_cut_row(row: list[Cell]) -> bool:
    """The rest of a row cut by the page break: no row number, some text."""
    first = min(row, key=lambda c: c.col)
    return first.col == 0 and not first.text.strip() and any(c.text.strip() for c in row)


def _continues_merged_cell(cells: list[Cell], part: Cell) -> bool:
    """A merged cell cut by the page break is drawn again, empty, over the rows it still
    spans on the new page: give those rows to the cell above instead."""
    if part.text.strip() or part.row_span < 2:
        return False
    last = max(c.row for c in cells)
    above = next((c for c in cells if c.col == part.col and c.col_span == part.col_span
                  and c.row <= last < c.row + c.row_span and c.text.strip()), None)
    if above is None:
        return False
    above.row_span += part.row_span
    return True


def _last_row(cells: list[Cell]) -> list[Cell]:
    last = max(c.row for c in cells)
    return [c for c in cells if c.row == last]


def _join_into_last_row(cells: list[Cell], row: list[Cell]) -> None:
    last = max(c.row for c in cells)
    for part in row:
        # The cell of the last row (or spanning into it) that covers this column.
        target = next((c for c in cells if c.col <= part.col < c.col + c.col_span
                       and c.row <= last < c.row + c.row_span), None)
        if target is None:
            continue
        if part.text.strip():
            target.text = f"{target.text} {part.text}".strip()
        elif part.row_span > 1 and target.text.strip():
            # The rest of a merged cell: it goes on over the rows below the cut row.
            target.row_span += part.row_span - 1
