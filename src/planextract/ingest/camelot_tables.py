"""Ruled tables found by camelot's lattice method, as an alternative to pdfplumber's.

camelot finds the grid from the ruling lines of the rendered page; a merged cell is a
group of grid cells with no rule between them. Each group becomes one cell box, and its
text and boldness are read with pdfplumber from the same box, so both engines give the
same kind of Piece (and the rest of the reader does not care which one ran).
Use it with `planextract.load(path, table_engine="camelot")`.
"""
from __future__ import annotations

from pathlib import Path


def find_camelot_tables(path: Path, page) -> list[tuple[tuple[float, float, float, float], list]]:
    """[(bbox, cell boxes)] of the lattice tables of one pdfplumber page, in its coordinates
    (x0, top, x1, bottom)."""
    import camelot
    height = float(page.height)
    out = []
    for table in camelot.read_pdf(str(path), pages=str(page.page_number), flavor="lattice"):
        boxes = [_to_top_down(group_box(group), height) for group in merged_groups(table.cells)]
        x0, y0, x1, y1 = table._bbox
        out.append(((x0, height - y1, x1, height - y0), boxes))
    return out


def merged_groups(cells) -> list[list]:
    """Grid cells joined where no rule separates them (union-find over the grid)."""
    n_rows, n_cols = len(cells), len(cells[0]) if cells else 0
    parent = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not cells[r][c].right:
                parent[find((r, c))] = find((r, c + 1))
            if r + 1 < n_rows and not cells[r][c].bottom:
                parent[find((r, c))] = find((r + 1, c))
    groups: dict = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(find((r, c)), []).append(cells[r][c])
    return list(groups.values())


def group_box(group) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) in PDF coordinates (origin bottom left) of a group of cells."""
    return (min(c.x1 for c in group), min(c.y1 for c in group),
            max(c.x2 for c in group), max(c.y2 for c in group))


def _to_top_down(box, height: float) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = box
    return x0, height - y1, x1, height - y0
