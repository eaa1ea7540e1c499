"""PDF with a text layer, or without one (→ OCR).

Per page, from pdfium (`pdfium_page`, no Python parse of the content stream): the words and
the drawn lines. Ruled tables are found by pdfplumber's table finder from those lines (only
on pages that have lines at all, so plain pages cost no table search), the words outside
them are put in reading order and joined into paragraphs (`layout`), and a table that
continues on the next page is joined to the one before (`tables`). pdfplumber opens the
file (its errors name encrypted and broken PDFs) and gives the page geometry the table
finder works in. A PDF whose pages carry no text is a scan and goes to OCR.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

from ..document import Document
from ..errors import CorruptFile, EmptyDocument, EncryptedFile, TooLarge
from ..limits import BY_FIELD, how_to_raise
from .assemble import Piece, assemble
from .layout import Word, drop_running_heads, group_lines, paragraphs, reading_order
from .tables import BoxCell, continue_table, grid_cells
from .camelot_tables import find_camelot_tables
from .pdfium_page import open_document, page_edges, page_text
from .text import continues

MIN_CHARS_PER_PAGE = 20  # fewer characters than this on every page: a scan


def open_pdf(path: Path):
    import pdfplumber
    try:
        pdf = pdfplumber.open(path)
        pdf.pages  # force parsing of the page tree
        return pdf
    except Exception as err:  # pdfminer raises many kinds on broken files, often wrapped
        if _is_password_error(err):
            raise EncryptedFile(str(path), "the PDF is encrypted (password-protected); "
                                           "remove the password first") from None
        detail = str(err.args[0]) if err.args else ""
        raise CorruptFile(str(path), f"not a readable PDF ({detail or type(err).__name__})") from None


def _is_password_error(err: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    seen = [err, err.__cause__, err.__context__, *(a for a in err.args if isinstance(a, BaseException))]
    return any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in seen if e is not None)


TABLE_ENGINES = ("pdfplumber", "camelot")


def read_pdf(path: Path, *, max_pages: int = 1000, ocr: bool = True, table_engine: str = "pdfplumber",
             ocr_seconds: float = BY_FIELD["ocr_seconds"].default) -> Document:
    source = str(path)
    pdf = open_pdf(path)
    with pdf, contextlib.ExitStack() as stack:
        n_pages = len(pdf.pages)
        check_page_count(source, n_pages, max_pages)
        fast = open_document(path)  # pdfium: character counts, words and lines
        stack.callback(fast.close)
        try:
            texts = [page_text(fast[i]) for i in range(n_pages)]  # (characters, words) per page
        except Exception as err:
            raise CorruptFile(source, f"the PDF's pages cannot be read ({type(err).__name__})") from None
        char_counts = [count for count, _ in texts]
        if max(char_counts) < MIN_CHARS_PER_PAGE:
            if not ocr:
                raise EmptyDocument(source, "the PDF has no text layer (a scan) and OCR is off")
            from .ocr import read_scanned_pdf
            return read_scanned_pdf(path, max_pages=max_pages, page_seconds=ocr_seconds)
        pieces: list[Piece] = []
        raw_pages: list[str] = []
        for number, (page, (_, words)) in enumerate(zip(pdf.pages, texts), start=1):
            try:
                page_pieces, raw = read_page(fast[number - 1], page, words, number, table_engine, path)
            except Exception as err:
                raise CorruptFile(source, f"page {number} cannot be read ({type(err).__name__})") from None
            pieces += page_pieces
            raw_pages.append(raw)
    warnings = []
    empty = [i + 1 for i, n in enumerate(char_counts) if n < MIN_CHARS_PER_PAGE]
    if empty:
        warnings.append(f"{source}: pages without a text layer were skipped: {empty}")
    return assemble(join_across_pages(pieces), source=source, fmt="pdf",
                    raw_text="\f".join(raw_pages), pages=n_pages, warnings=warnings)


def check_page_count(source: str, n_pages: int, max_pages: int) -> None:
    if n_pages == 0:
        raise EmptyDocument(source, "the PDF has no pages")
    if n_pages > max_pages:
        raise TooLarge(source, f"the PDF has {n_pages} pages, more than the limit of "
                               f"{max_pages} ({how_to_raise('pages')})")


def read_page(page, geometry, all_words: list[Word], number: int, table_engine: str = "pdfplumber",
              path: Path | None = None) -> tuple[list[Piece], str]:
    """One page (pdfium's, pdfplumber's for its geometry, and its words) → its pieces in
    reading order, and its raw text."""
    edges = page_edges(page)
    if not edges:
        tables = []  # no ruling lines: no table search at all
    elif table_engine == "camelot":
        tables = [_CamelotTable(bbox, cells) for bbox, cells in find_camelot_tables(path, geometry)]
    else:
        tables = find_tables(geometry, edges)
    boxes = [t.bbox for t in tables]
    # The text outside tables and every cell's text come from the page's one list of words.
    words = [w for w in all_words if not any(_inside(w, box) for box in boxes)]
    table_items = [(table.bbox[1], table_piece(all_words, table, number)) for table in tables]
    return read_words(words, geometry.width, geometry.height, number, table_items)


def read_words(words: list[Word], width: float, height: float, number: int,
               table_items: list[tuple[float, Piece]] = ()) -> tuple[list[Piece], str]:
    """A page's words (and its tables) → its pieces in reading order, and its raw text."""
    lines = drop_running_heads(group_lines(words), height)
    items = paragraphs(reading_order(lines, width), number)
    raw = "\n".join(l.text for l in lines)
    return in_reading_order(items, list(table_items)), raw


def in_reading_order(items: list[tuple[float, Piece]], tables: list[tuple[float, Piece]]) -> list[Piece]:
    """(top, piece) paragraphs and tables → pieces: each table goes before the first
    paragraph below its top; paragraphs keep their reading order."""
    items = list(items)
    for top, table in sorted(tables, key=lambda t: t[0]):
        at = next((i for i, (item_top, _) in enumerate(items) if item_top > top), len(items))
        items.insert(at, (top, table))
    return [piece for _, piece in items]


def find_tables(page, edges: list[dict]):
    """Ruled tables from the page's drawn lines, given to pdfplumber's table finder as
    explicit lines (so it never parses the page). A row cut by the page break has no
    bottom rule, so the ends of the vertical rules are given as rules too: the cut row is
    then a row."""
    verticals = [e for e in edges if e["orientation"] == "v"]
    horizontals = [e for e in edges if e["orientation"] == "h"]
    if len(verticals) < 2 or not horizontals:
        return []  # no grid: a rule under a heading, a signature line
    ends = sorted({round(e["bottom"], 1) for e in verticals} | {round(e["top"], 1) for e in verticals})
    settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                "explicit_vertical_lines": verticals,
                "explicit_horizontal_lines": horizontals + ends[:1] + ends[-1:]}
    return [t for t in page.find_tables(settings) if len(t.rows) >= 2 or len(t.columns) >= 2]


class _CamelotTable:
    """camelot's table in the shape table_piece reads: a bbox and rows of cell boxes."""

    def __init__(self, bbox, cell_boxes):
        self.bbox = bbox
        self.rows = [type("Row", (), {"cells": cell_boxes})()]


def table_piece(page_words: list[Word], table, number: int) -> Piece:
    boxes = []
    for row in table.rows:
        for bbox in row.cells:
            if bbox is None:
                continue
            words = [w for w in page_words if _inside(w, bbox)]
            text = " ".join(line.text for line in group_lines(words))  # line by line
            bold = bool(words) and all(w.bold for w in words)
            boxes.append(BoxCell(*bbox, text=text, bold=bold))
    cells = grid_cells(boxes)
    for cell in cells:
        cell.page = number  # rows of a table continued over pages keep their own page
    return Piece(page=number, cells=cells)


def join_across_pages(pieces: list[Piece]) -> list[Piece]:
    """A table continued on the next page becomes one; a paragraph cut by a page is joined."""
    out: list[Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if prev is not None and piece.is_table and prev.is_table and prev.page != piece.page \
                and continue_table(prev, piece):
            continue
        if prev is not None and not piece.is_table and prev.page != piece.page \
                and continues(prev, piece.text):
            prev.text += " " + piece.text
            continue
        out.append(piece)
    return out


def _inside(word: Word, box) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom
