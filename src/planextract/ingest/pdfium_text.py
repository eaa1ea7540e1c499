"""Words of a PDF page from pdfium (pypdfium2): the fast path for pages without ruled tables.

pdfplumber parses a page's content stream in Python (about 24 pages/s here); pdfium does it
in C. Pages that have no drawn lines (so no table to find) take their words from here; pages
with lines still go through pdfplumber's table finder. Words carry the same box and
boldness as pdfplumber's: the "loose" character box (the font's ascent and descent, so the
words of one line share their top) and "Bold" in the font name.
"""
from __future__ import annotations

import ctypes

from .layout import Word

_SPACES = {" ", "\r", "\n", "\t", "\u00a0"}


def open_document(path):
    import pypdfium2 as pdfium
    return pdfium.PdfDocument(str(path))


def has_drawn_lines(page) -> bool:
    """Any path object (rules, cell borders) on the page: then tables must be searched."""
    import pypdfium2.raw as raw
    return any(obj.type == raw.FPDF_PAGEOBJ_PATH for obj in page.get_objects())


def char_count(page) -> int:
    textpage = page.get_textpage()
    try:
        return sum(1 for i in range(textpage.count_chars()) if not chr(_unicode(textpage, i)).isspace())
    finally:
        textpage.close()


def _unicode(textpage, i: int) -> int:
    import pypdfium2.raw as raw
    return raw.FPDFText_GetUnicode(textpage.raw, i)


def page_words(page) -> list[Word]:
    """Words in pdfplumber's coordinates (points, origin top left)."""
    import pypdfium2.raw as raw
    height = page.get_height()
    textpage = page.get_textpage()
    rect = raw.FS_RECTF()
    name_buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    words: list[Word] = []
    current: list[tuple[str, float, float, float, float, bool]] = []

    def close_word() -> None:
        if current:
            text = "".join(c[0] for c in current)
            words.append(Word(text, min(c[1] for c in current), max(c[3] for c in current),
                              min(c[2] for c in current), max(c[4] for c in current),
                              bold=all(c[5] for c in current)))
            current.clear()

    try:
        for i in range(textpage.count_chars()):
            ch = chr(raw.FPDFText_GetUnicode(textpage.raw, i))
            if ch in _SPACES or ch == "\x00":
                close_word()
                continue
            raw.FPDFText_GetLooseCharBox(textpage.raw, i, ctypes.byref(rect))
            raw.FPDFText_GetFontInfo(textpage.raw, i, name_buffer, len(name_buffer), ctypes.byref(flags))
            bold = b"bold" in name_buffer.value.lower()
            x0, x1, top, bottom = rect.left, rect.right, height - rect.top, height - rect.bottom
            if current and (x0 - current[-1][3] > 1.0 or abs(top - current[-1][2]) > 2):
                close_word()  # a gap or a new line without a space character
            current.append((ch, x0, top, x1, bottom, bold))
        close_word()
    finally:
        textpage.close()
    return words
