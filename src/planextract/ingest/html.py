"""HTML pages (a plan published on a portal, or saved from Word as a web page).

- Parsed with BeautifulSoup + lxml. Page chrome is dropped: script, style,
  nav, header, footer (and head, noscript, template, forms' controls, svg),
  and elements hidden inline (`hidden`, `style="display:none"`; stylesheets
  are not evaluated). Rules ("-------") are decoration and dropped.
- Block elements (h1–h6, p, li, div, …) become pieces; text directly inside a
  block (a `div` with its own text) is a piece too, and `<br>` ends a line, so
  br-separated lines are separate pieces. h1–h6 and th are bold; `<b>`,
  `<strong>` or `font-weight: bold` wrapping all of a line → `bold`, a leading
  bold run followed by plain text → `bold_prefix`.
- List items get the marker the browser draws, because `assemble` classifies
  by numbering as written: `<ul>` → "- ", `<ol>` → "1.", "a.", "I." (from
  `type`, `start`, `value`) — unless the text already starts with one.
- Data tables: rows (`tr`) and cells (`td`/`th`) with `rowspan`/`colspan`
  become the grid; a cell's column is the first position not covered by a
  rowspan from an earlier row. A header row repeated as a body row (pages
  converted from PDF) is dropped. A nested table's text is flattened into its
  cell. A `caption` is a paragraph before the table.
- Layout tables are not data: a table of one row, or of at most two columns
  with no `th` and no visible border (the header block "ỦY BAN NHÂN DÂN … |
  CỘNG HÒA …", the signature block). Their cells are read as paragraphs, row
  by row, joining the lines of one unit as the DOCX and text readers do.
- `raw_text` is the markup as received; `pages` is None (a web page has none).
"""
from __future__ import annotations

import contextlib
import re
import sys
from typing import Iterator

from bs4 import BeautifulSoup, NavigableString, Tag

from ..document import Cell, Document
from ..errors import TooLarge
from ..limits import BY_FIELD, Limits, over_limit
from .assemble import Piece, assemble, is_bullet, split_number
from .docx import alpha_label, join_layout_lines, roman_numeral
from .text import is_rule

DROPPED = {"script", "style", "nav", "header", "footer", "head", "noscript", "template",
           "svg", "iframe", "object", "button", "select", "input", "textarea"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = HEADINGS | {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "hr", "html", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "ul", "caption", "tbody", "thead",
    "tfoot", "tr", "td", "th"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
_VISIBLE_BORDER = re.compile(
    r"border(?:-(?:top|bottom|left|right|width|style))?\s*:\s*(?!(?:none|0|hidden)\b)[^;]*\S", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
MAX_COLSPAN = 100  # a wider colspan is an authoring slip ("colspan=9999"), not columns
_BREAK = object()  # a <br> in a run of inline fragments


def read_html(text: str, source: str | None = None, *,
              max_depth: int = BY_FIELD["html_depth"].default) -> Document:
    """Read an HTML page (already decoded to str) into a Document. Elements nested deeper
    than `max_depth` are refused before the walk (which recurses once per level)."""
    soup = BeautifulSoup(text, "lxml")
    depth = nesting_depth(soup)
    if depth > max_depth:
        raise TooLarge(source, over_limit("html_depth", f"the HTML nests elements {depth:,} deep",
                                          Limits(html_depth=max_depth)))
    for tag in soup.find_all(DROPPED):
        tag.decompose()
    for tag in soup.find_all(_is_hidden):
        tag.decompose()
    walker = _Walker()
    with _recursion_for(depth):
        walker.block(soup, bold=False)
    return assemble(walker.pieces, source=source, fmt="html", raw_text=text, pages=None)


def nesting_depth(root: Tag) -> int:
    """How deep elements nest below `root`, counted without recursion."""
    deepest = 0
    stack = [(root, 0)]
    while stack:
        tag, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in tag.children if isinstance(child, Tag))
    return deepest


@contextlib.contextmanager
def _recursion_for(depth: int):
    """Room for a walk `depth` levels deep (a few Python frames a level) when a raised
    depth limit asks for more than the interpreter's default."""
    needed = 4 * depth + 500
    before = sys.getrecursionlimit()
    if needed > before:
        sys.setrecursionlimit(needed)
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def is_bold(tag: Tag) -> bool:
    return tag.name in ("b", "strong", "th") or tag.name in HEADINGS or \
        bool(_BOLD_STYLE.search(tag.get("style", "")))


def _is_hidden(tag: Tag) -> bool:
    """Hidden on the page itself (`hidden`, inline `display: none`); stylesheets are not read."""
    return tag.has_attr("hidden") or bool(_HIDDEN_STYLE.search(tag.get("style", "")))


def _is_text(node) -> bool:
    """Plain text, not a comment, doctype or processing instruction."""
    return type(node) is NavigableString


def _acts_as_block(tag: Tag) -> bool:
    """A block element, or an inline one wrapping blocks (`<span><p>…</p></span>`)."""
    return tag.name in BLOCKS or tag.find(BLOCKS) is not None


class _Walker:
    """Walks the tree in reading order and collects pieces."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.pending_label = ""  # a list marker waiting for its item's first line

    # -- running text

    def block(self, element: Tag, bold: bool) -> None:
        fragments: list = []
        for child in element.children:
            if _is_text(child):
                fragments.append((str(child), bold))
            elif not isinstance(child, Tag):
                continue
            elif child.name == "br":
                fragments.append(_BREAK)
            elif child.name == "table":
                self.flush(fragments)
                self.table(child)
            elif child.name in ("ul", "ol"):
                self.flush(fragments)
                self.list_items(child, bold)
            elif _acts_as_block(child):
                self.flush(fragments)
                self.block(child, bold or is_bold(child))
            else:
                fragments += _inline(child, bold or is_bold(child))
        self.flush(fragments)

    def flush(self, fragments: list) -> None:
        """Turn the gathered inline fragments into pieces, one per line, and clear them."""
        line: list[tuple[str, bool]] = []
        for fragment in fragments + [_BREAK]:
            if fragment is not _BREAK:
                line.append(fragment)
                continue
            if piece := _piece_of(line):
                self.pieces.append(self.labelled(piece))
            line = []
        fragments.clear()

    def labelled(self, piece: Piece) -> Piece:
        """Put a pending list marker in front of an item's first line."""
        label, self.pending_label = self.pending_label, ""
        if not label or is_bullet(piece.text) or split_number(piece.text)[0]:
            return piece
        prefix = f"{label} {piece.bold_prefix}".strip() if piece.bold_prefix else ""
        return Piece(f"{label} {piece.text}", bold=piece.bold, bold_prefix=prefix)

    def list_items(self, listing: Tag, bold: bool) -> None:
        ordered = listing.name == "ol"
        number = _int_attr(listing, "start", 1)
        for item in listing.find_all("li", recursive=False):
            number = _int_attr(item, "value", number)
            self.pending_label = _ol_label(listing.get("type", "1"), number) if ordered else "-"
            self.block(item, bold)
            self.pending_label = ""
            number += 1

    # -- tables

    def table(self, table: Tag) -> None:
        rows = _rows_of(table)
        if caption := table.find("caption", recursive=False):
            self.block(caption, bold=False)
        if not rows:
            return
        if _is_layout_table(table, rows):
            self.layout_cells(rows)
        else:
            self.pieces.append(Piece(cells=_grid_cells(_without_repeated_header(rows))))

    def layout_cells(self, rows: list[Tag]) -> None:
        for tr in rows:
            for td in _cells_of(tr):
                inner = _Walker()
                inner.block(td, bold=is_bold(td))
                self.pieces += join_layout_lines(inner.pieces)


def _inline(tag: Tag, bold: bool) -> list:
    """The text fragments of an inline element, with their boldness."""
    out: list = []
    for child in tag.children:
        if _is_text(child):
            out.append((str(child), bold))
        elif isinstance(child, Tag) and child.name == "br":
            out.append(_BREAK)
        elif isinstance(child, Tag):
            out += _inline(child, bold or is_bold(child))
    return out


def _piece_of(line: list[tuple[str, bool]]) -> Piece | None:
    text = " ".join("".join(t for t, _ in line).split())
    if not text or is_rule(text):  # "-------" under the agency name is decoration
        return None
    visible = [(t, b) for t, b in line if t.strip()]
    if all(b for _, b in visible):
        return Piece(text, bold=True)
    prefix = ""
    for fragment, bold in line:
        if fragment.strip() and not bold:
            break
        prefix += fragment
    return Piece(text, bold_prefix=" ".join(prefix.split()))


def _ol_label(kind: str, n: int) -> str:
    """The marker a browser draws for item `n` of an `<ol type=kind>`."""
    formats = {"a": lambda: alpha_label(n).lower(), "A": lambda: alpha_label(n),
               "i": lambda: roman_numeral(n).lower(), "I": lambda: roman_numeral(n)}
    return formats.get(kind, lambda: str(n))() + "."


def _int_attr(tag: Tag, name: str, default: int) -> int:
    try:
        return int(str(tag.get(name, default)).strip())
    except ValueError:
        return default


# ---------------------------------------------------------------- table structure

def _rows_of(table: Tag) -> list[Tag]:
    """The table's own rows (thead/tbody/tfoot included), not those of nested tables."""
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _cells_of(tr: Tag) -> list[Tag]:
    return tr.find_all(["td", "th"], recursive=False)


def _is_layout_table(table: Tag, rows: list[Tag]) -> bool:
    if len(rows) == 1:
        return True
    widest = max(sum(_int_attr(c, "colspan", 1) for c in _cells_of(tr)) for tr in rows)
    has_th = any(c.name == "th" for tr in rows for c in _cells_of(tr))
    return widest <= 2 and not has_th and not _has_visible_border(table)


def _has_visible_border(table: Tag) -> bool:
    if str(table.get("border", "0")).strip() not in ("", "0"):
        return True
    styled = [table] + table.find_all(["td", "th"])
    return any(_VISIBLE_BORDER.search(t.get("style", "")) for t in styled)


def cell_content(cell: Tag) -> tuple[str, bool]:
    """(text, bold) of a cell on one line: its lines, list items ("- A - B") and nested
    tables joined with spaces, read as the browser shows them."""
    inner = _Walker()
    inner.block(cell, bold=is_bold(cell))
    parts: list[tuple[str, bool]] = []
    for piece in inner.pieces:
        if piece.is_table:
            parts += [(c.text, c.bold) for c in sorted(piece.cells, key=lambda c: (c.row, c.col))]
        else:
            parts.append((piece.text, piece.bold))
    parts = [(t.strip(), b) for t, b in parts if t.strip()]
    return " ".join(t for t, _ in parts), bool(parts) and all(b for _, b in parts)


def _row_key(tr: Tag) -> str:
    return " ".join(cell_content(c)[0] for c in _cells_of(tr)).lower()


def _without_repeated_header(rows: list[Tag]) -> list[Tag]:
    header = _row_key(rows[0])
    return rows[:1] + [tr for tr in rows[1:] if not header or _row_key(tr) != header]


def _grid_cells(rows: list[Tag]) -> list[Cell]:
    """Cells at their real grid positions: each one skips the columns that rowspans
    from earlier rows still cover."""
    covered: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    for r, tr in enumerate(rows):
        col = 0
        for td in _cells_of(tr):
            while (r, col) in covered:
                col += 1
            row_span = _span(td, "rowspan", len(rows) - r)
            col_span = _span(td, "colspan", MAX_COLSPAN)
            text, bold = cell_content(td)
            cells.append(Cell(r, col, text, row_span, col_span, bold=bold))
            covered |= {(r + i, col + j) for i in range(row_span) for j in range(col_span)}
            col += col_span
    return cells


def _span(td: Tag, name: str, limit: int) -> int:
    """A rowspan/colspan, at least 1 and at most `limit` (rowspan="0" runs to the end)."""
    value = _int_attr(td, name, 1)
    if value == 0 and name == "rowspan":
        return limit
    return max(1, min(value, limit))


def table_piece(markup: str) -> Piece | None:
    """A `<table>` written into a text file (pasted from a web page or an editor): the cells
    the HTML reader makes of it, spans included; None when it holds no rows."""
    table = BeautifulSoup(markup, "html.parser").find("table")
    rows = _without_repeated_header(_rows_of(table)) if table is not None else []
    return Piece(cells=_grid_cells(rows)) if rows else None
