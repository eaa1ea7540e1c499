"""A PDF page read by pdfium (pypdfium2): its words and its ruling lines, with no Python parse.

pdfplumber parses a page's content stream in Python (about 24 pages/s here); pdfium does it
in C. Every page of a text-layer PDF takes its words from here, and the page's drawn lines
become edges in pdfplumber's own form, so pdfplumber's table finder (given them as explicit
lines) finds the same tables without parsing the page. Words carry the same box and
boldness as pdfplumber's: the "loose" character box (the font's ascent and descent, so the
words of one line share their top) and "Bold" in the font name. Coordinates are
pdfplumber's: points, origin top left.
"""
from __future__ import annotations

import ctypes

from .layout import Word

SOFT_HYPHEN_MARK = "\x02"  # pdfium's code for a hyphen at a line end
_SPACES = {" ", "\r", "\n", "\t", "\u00a0"}
MIN_EDGE_LENGTH = 1.0  # points: pdfplumber's edge_min_length_prefilter
STRAIGHT = 0.01        # points: a segment this close to axis-parallel is a rule


def open_document(path):
    import pypdfium2 as pdfium
    return pdfium.PdfDocument(str(path))


def top_down(page) -> tuple[float, float, float, float, float, float]:
    """(a, b, c, d, e, f) taking a point (x, y) of the page's user space (pdfium's, y up) to
    the page as displayed, origin top left, as pdfplumber (pdfminer) places it:
    x' = a·x + c·y + e, top = b·x + d·y + f. A page with /Rotate (a landscape appendix
    stored as a turned portrait page) is read upright."""
    x0, y0, x1, y1 = page.get_mediabox()
    return {0: (1, 0, 0, -1, -x0, y1), 90: (0, 1, 1, 0, -y0, -x0),
            180: (-1, 0, 0, 1, x1, -y0), 270: (0, -1, -1, 0, y1, x1)}[page.get_rotation() % 360]


def page_edges(page) -> list[dict]:
    """The horizontal and vertical straight pieces of every path drawn on the page (cell
    borders, rules, thin filled rectangles), as pdfplumber edge dicts. Curves are left out:
    a table's rules are straight."""
    import pypdfium2.raw as raw
    a, b, c, d, e, f = top_down(page)
    edges: list[dict] = []
    placements: dict[int, list] = {0: []}  # level → matrices of the forms enclosing it, inner first
    for obj in page.get_objects(filter=None):
        outer = placements.get(obj.level, [])
        if obj.type == raw.FPDF_PAGEOBJ_FORM:
            placements[obj.level + 1] = [obj.get_matrix(), *outer]
        elif obj.type == raw.FPDF_PAGEOBJ_PATH:
            to_page = [obj.get_matrix(), *outer]
            for (x0, y0), (x1, y1) in _straight_segments(obj, to_page):
                edge = _edge(a * x0 + c * y0 + e, b * x0 + d * y0 + f, a * x1 + c * y1 + e, b * x1 + d * y1 + f)
                if edge is not None:
                    edges.append(edge)
    return edges


def _straight_segments(obj, matrices):
    """Pairs of consecutive points (page coordinates, y up) of the path's line segments,
    including the closing segment of each closed subpath."""
    import pypdfium2.raw as raw
    x, y = ctypes.c_float(), ctypes.c_float()
    start = previous = None
    for i in range(raw.FPDFPath_CountSegments(obj.raw)):
        segment = raw.FPDFPath_GetPathSegment(obj.raw, i)
        raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = (x.value, y.value)
        for matrix in matrices:
            point = matrix.on_point(*point)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO and previous is not None:
            yield previous, point
        previous = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            yield point, start
            previous = start


def _edge(x0: float, top0: float, x1: float, top1: float) -> dict | None:
    """A segment (top-down coordinates) as a pdfplumber edge, if it is axis-parallel and
    long enough."""
    left, right, top, bottom = min(x0, x1), max(x0, x1), min(top0, top1), max(top0, top1)
    if bottom - top <= STRAIGHT and right - left >= MIN_EDGE_LENGTH:
        top = bottom = (top + bottom) / 2
        orientation = "h"
    elif right - left <= STRAIGHT and bottom - top >= MIN_EDGE_LENGTH:
        left = right = (left + right) / 2
        orientation = "v"
    else:
        return None
    return {"object_type": "path_edge", "orientation": orientation, "x0": left, "x1": right,
            "top": top, "bottom": bottom, "width": right - left, "height": bottom - top}


def is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return "bold" in name or name.endswith(("-bd", ",bold", "-black", "-heavy"))


def page_text(page) -> tuple[int, list[Word]]:
    """From one pdfium text page: the count of characters that are not space (a scan has
    none, or a stray few) and the words, in pdfplumber's coordinates (points, origin top
    left, the page as displayed)."""
    textpage = page.get_textpage()
    try:
        count = sum(1 for ch in textpage.get_text_range() if not ch.isspace())
        return count, _words(textpage, top_down(page))
    finally:
        textpage.close()


def _words(textpage, transform) -> list[Word]:
    import pypdfium2.raw as raw
    a, b, c, d, e, f = transform
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

    for i in range(textpage.count_chars()):
        ch = chr(raw.FPDFText_GetUnicode(textpage.raw, i))
        if ch == SOFT_HYPHEN_MARK:
            ch = "-"  # the file's own hyphen, which pdfium marks when it ends a line
        if ch in _SPACES or ch == "\x00":
            close_word()
            continue
        raw.FPDFText_GetLooseCharBox(textpage.raw, i, ctypes.byref(rect))
        raw.FPDFText_GetFontInfo(textpage.raw, i, name_buffer, len(name_buffer), ctypes.byref(flags))
        bold = is_bold(name_buffer.value.decode("latin-1"))
        xs = (a * rect.left + c * rect.bottom + e, a * rect.right + c * rect.top + e)
        tops = (b * rect.left + d * rect.bottom + f, b * rect.right + d * rect.top + f)
        x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
        if current and (x0 - current[-1][3] > 1.0 or abs(top - current[-1][2]) > 2):
            close_word()  # a gap or a new line without a space character
        current.append((ch, x0, top, x1, bottom, bold))
    close_word()
    return words
