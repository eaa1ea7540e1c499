"""Plain text and Markdown-like text, in the conventions plans arrive in.

1. Markdown-like text in chunks separated by blank lines: `#` headings, `**bold**` (a bold
   prefix such as `**4. Kinh phí:** Cân đối …` marks an inline heading), `*italic*`.
   A chunk's lines are one paragraph when the text is hard-wrapped (a portal page
   converted at ~80 columns), else one paragraph per line; a list marker, a numbered line
   or a bold line starts a new paragraph either way.
2. Tables written as text (`text_tables.py`): cells one per line between lone `|` lines
   (bar streams), pipe rows and Markdown tables, tab-separated rows with `<b>` group rows,
   repeated header rows at page breaks, and rows broken across a page. Borderless layout
   tables (the header block: issuer | motto, number | place and date; the signature block)
   are read as text, a paragraph per cell line.
   Grid tables ("+---+---+" borders) and `<table>` markup pasted into the text are read
   with their merged cells (`text_tables.grid_piece`, `html.table_piece`).
3. Tables laid out with spaces (`pdftotext -layout`): rewritten as pipe rows first
   (`layout_tables.py`).
4. Web text wrapped at ~80 columns with no blank lines at all, where every table cell
   stands on its own line(s) followed by a line holding only `|`: rows and columns are
   rebuilt from the row numbers, and cells that the conversion dropped (merged cells) are
   restored as row spans of the cell above.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Cell, Document
from ..normalize import is_all_caps
from .assemble import Piece, assemble, is_bullet, split_number
from .layout_tables import rewrite_layout_tables
from .tables import same_header
from .text_tables import (bar_rows, bar_slots, clean_cell_line, grid_lines, grid_piece, is_bar, is_grid_border,
                          is_markdown_rule, pipe_row, pipe_row_bold, slot_bold, slot_text, split_streams, table_borders,
                          table_piece)
from ..lexicon import dashed_compounds, provinces
from .vocabulary import DOC_TYPE_LINES, TABLE_FIRST_HEADERS, is_layout_cell, looks_like_time_cell

_RULE = re.compile(r"^[-_=*.·…]{3,}$")
_HTML_TABLE = re.compile(r"<table\b", re.I)
_HTML_TABLE_END = re.compile(r"</table\s*>", re.I)
MAX_HTML_TABLE_LINES = 5000
_TAG = re.compile(r"</?\s*(?:b|strong|i|em|br)\s*/?>", re.I)
_ROW_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.?|[A-Z]\.?|[a-zđ]\.?)$")
_GROUP_IN_ONE_CELL = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.?|[A-Z]\.?)\s+(\S.*)$")
_TERMINAL = (".", ":", ";", "!", "?")
MAX_CELL_LINES = 25
DOUBLE_BAR_SHARE = 0.1
WRAP_WIDTHS = (55, 110)  # the widths portals wrap their text at  # a "cell" longer than this is running text before a table


def read_text(text: str, source: str | None = None, fmt: str = "text") -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = ocr_bullets(layout_columns(rewrite_layout_tables(text.split("\n"))))
    pieces = web_pieces(lines) if is_wrapped_web_text(lines) else markdown_pieces(lines)
    return assemble(pieces, source=source, fmt=fmt, raw_text=text)


# What OCR reads a round or square bullet as, before the item's first word in capitals
_OCR_BULLET = re.compile(r"^(\s*)([seo«®©°¢●▪◦])\s+(?=[A-ZĐÀ-Ỹ])")
MIN_OCR_BULLETS = 2


def ocr_bullets(lines: list[str]) -> list[str]:
    """Bullets OCR read as letters or signs ("s GRDP bình quân …", "® Tỷ lệ …") become "•". No
    Vietnamese word is a lone "s" or "e" before a capital, and the mark must open two lines or
    more, as a list's items do."""
    marks = [m.group(2) for line in lines if (m := _OCR_BULLET.match(line))]
    if not marks:
        return lines
    listed = {mark for mark in set(marks) if marks.count(mark) >= MIN_OCR_BULLETS}
    return [_OCR_BULLET.sub(r"\1• ", line, count=1) if (m := _OCR_BULLET.match(line)) and m.group(2) in listed
            else line for line in lines]


_COLUMN_GAP = re.compile(r"(?<=\S) {5,}(?=\S)")  # "Nơi nhận:          CHỦ TỊCH": two columns on one line
# … but not a field a draft leaves blank: "Số:      /KH-UBND", "ngày      tháng      năm 2026"
_BLANK_FIELD = re.compile(r"(?:Số:?|ngày|tháng)$|^(?:/|tháng\b|năm\b)", re.I)


def column_gaps(line: str) -> list[re.Match]:
    return [m for m in _COLUMN_GAP.finditer(line)
            if not (_BLANK_FIELD.search(line[:m.start()].rstrip()[-6:]) or _BLANK_FIELD.search(line[m.end():m.end() + 6]))]


def layout_columns(lines: list[str]) -> list[str]:
    """Text laid out like its PDF page (`pdftotext -layout`): the two columns of a header or a
    signature block share lines ("HỘI ĐỒNG NHÂN DÂN      CỘNG HÒA XÃ HỘI …", "- Lưu: VT.
    Vũ Đức Hạnh"). Each run of lines with such a gap becomes its left column, then its right
    one, as the PDF reader orders them. Pipe and tab rows are tables, not columns."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _two_columns(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j, boundary = i, _gap_end(lines[i])
        while j < len(lines) and lines[j].strip() and "|" not in lines[j] and "\t" not in lines[j] \
                and not _APPENDIX_MARK.match(lines[j].strip()) \
                and not _spans_the_columns(lines[j], boundary) \
                and not _opens_the_title(lines[j]):  # an appendix opens a new page
            if _two_columns(lines[j]):
                boundary = min(boundary, _gap_end(lines[j]))
            j += 1
        first_boundary = _gap_end(lines[i])
        while i > 0 and out and out[-1].strip() and "|" not in out[-1] and "\t" not in out[-1] \
                and not _two_columns(out[-1]) and len(out[-1]) - len(out[-1].lstrip()) < 8 \
                and not _spans_the_columns(out[-1], first_boundary):
            i -= 1  # the left column's lines just above the first shared line ("Nơi nhận:")
            out.pop()
        out += _left_then_right(lines[i:j])
        i = j
    return out


def _gap_end(line: str) -> int:
    return min(m.end() for m in column_gaps(line))


SPAN_MARGIN = 10  # characters on either side of the column boundary


def _spans_the_columns(line: str, boundary: int) -> bool:
    """A line of running text across both columns, with no gap (`pdftotext -layout` puts no blank
    line between a header or a signature block and the body, nor between paragraphs): the
    two-column run ends before it, or a body's centred headings would go to the right column."""
    if _two_columns(line):
        return False
    indent = len(line) - len(line.lstrip())
    return indent < boundary - SPAN_MARGIN and len(line.rstrip()) > boundary + SPAN_MARGIN


def _opens_the_title(line: str) -> bool:
    """The document type line centred under the header ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG")
    belongs to neither column: the header's run ends before it."""
    text = re.sub(r"\s+", " ", line.strip()).upper()
    return not _two_columns(line) and (text in DOC_TYPE_LINES or any(text.startswith(t + " ") and len(text) <= 40
                                                                      for t in DOC_TYPE_LINES if len(t) > 5))


def _two_columns(line: str) -> bool:
    if line.lstrip().startswith("+-"):
        return False  # a grid table's border, open where a merged cell goes on
    return "|" not in line and "\t" not in line and bool(column_gaps(line.strip()))


def _left_then_right(run: list[str]) -> list[str]:
    starts = [m.end() for line in run for m in column_gaps(line)]
    boundary = min(starts)
    left, right = [], []
    for line in run:
        gap = next((m for m in column_gaps(line) if m.end() >= boundary - 2), None)
        if gap is not None:
            left.append(line[:gap.start()].strip())
            right.append(line[gap.end():].strip())
        elif _in_right_column(line, boundary):
            right.append(line.strip())
        else:
            left.append(line.strip())
    return [l for l in left if l] + [r for r in right if r]


CENTRED_MAX_CHARS = 40      # a name or a title line, not running text
MIN_COLUMN_BOUNDARY = 20    # a gap nearer the margin is a blank field ("Số:      /KH-UBND")


def _in_right_column(line: str, boundary: int) -> bool:
    """A line with no gap belongs to the right column when it starts there, or when it is a
    short line whose middle is right of the boundary: a name centred under its title may
    start left of it, but a title centred on the page ("ĐỀ ÁN", "KẾ HOẠCH") has its middle
    left of the right column."""
    indent, text = len(line) - len(line.lstrip()), line.strip()
    if indent >= boundary - 2:
        return True
    return boundary >= MIN_COLUMN_BOUNDARY and len(text) <= CENTRED_MAX_CHARS and indent + len(text) / 2 >= boundary


def is_wrapped_web_text(lines: list[str]) -> bool:
    """Hard-wrapped text with almost no blank lines and no long lines, whose table cells are
    separated by single `|` lines (two `|` lines in a row belong to the bar streams of
    the Markdown-like reader)."""
    bars = sum(1 for l in lines if is_bar(l))
    pairs = sum(1 for a, b in zip(lines, lines[1:]) if is_bar(a) and is_bar(b))
    if bars and pairs / bars > DOUBLE_BAR_SHARE:
        return False  # rows end with two bars: a portal's bar stream (text_tables.bar_rows)
    nonblank = [l for l in lines if l.strip()]
    if len(nonblank) < 20:
        return False
    blank_share = 1 - len(nonblank) / len(lines)
    long_share = sum(len(l) > 100 for l in nonblank) / len(nonblank)
    return blank_share < 0.05 and long_share < 0.02


def is_rule(text: str) -> bool:
    return bool(_RULE.match(text.strip()))


# ---------------------------------------------------------------- markdown-ish

def strip_markdown(line: str) -> tuple[str, bool, str]:
    """(text, bold, bold_prefix) of one markdown line."""
    line = line.strip()
    heading = bool(re.match(r"^#{1,6}\s", line))
    line = re.sub(r"^#{1,6}\s*", "", line)
    line = re.sub(r"^\*\s+(?=[^\s*])", "• ", line)  # a Markdown list item "* …" (not emphasis "*…*")
    bold = heading or line.startswith("**") or line.startswith("__")
    prefix = ""
    if m := re.match(r"^\*\*([^*]+?)\*\*\s*(?=\S)(?!\*)", line):
        rest = line[m.end():].replace("*", "").strip()
        if rest:
            prefix = m.group(1).strip()
    text = _TAG.sub("", line.replace("*", "")).strip()
    if prefix:
        bold = False
    return text, bold, prefix


def continues(previous: Piece, text: str) -> bool:
    """A line that starts in lower case after an unfinished sentence continues it
    (a paragraph cut by a page break or a hard line break)."""
    if previous.is_table:
        return False
    if _acronym_cut_from_its_name(previous.text, text):
        return True
    if cuts_a_year_range(previous.text, text) or cuts_a_dashed_compound(previous.text, text) \
            or _value_cut_from_its_verb(previous.text, text) or _place_name_cut_from_its_noun(previous.text, text):
        return True
    if not text[:1].islower():
        return False
    if split_number(text)[0] is not None or is_bullet(text):
        return False
    return not previous.text.rstrip().endswith(_TERMINAL)


def markdown_pieces(lines: list[str]) -> list[Piece]:
    wrapped = is_hard_wrapped(lines)
    pieces: list[Piece] = []
    chunk: list[str] = []

    def flush() -> None:
        if chunk:
            pieces.extend(chunk_pieces(chunk, wrapped, pieces))
            chunk.clear()

    i = 0
    while i < len(lines):
        if is_grid_border(lines[i]) and (j := grid_lines(lines, i)) > i + 1 and (grid := grid_piece(lines[i:j])):
            flush()
            pieces.append(grid)
            i = j
            continue
        if _HTML_TABLE.search(lines[i]) and (j := _html_table_end(lines, i)) and (table := _html_table("\n".join(lines[i:j]))):
            flush()
            pieces.append(table)
            i = j
            continue
        if "\t" in lines[i] and lines[i].strip():
            flush()
            j = i
            while j < len(lines) and ("\t" in lines[j] or not lines[j].strip()):
                j += 1
            pieces.append(tsv_table(lines[i:j]))
            i = j
            continue
        if lines[i].strip() or _is_empty_cell(lines, i):
            chunk.append(lines[i])
        else:
            flush()
        i += 1
    flush()
    return pieces


def _html_table(markup: str) -> Piece | None:
    from .html import table_piece  # BeautifulSoup: loaded only when a text holds a <table>
    return table_piece(markup)


def _html_table_end(lines: list[str], start: int) -> int | None:
    """The line after the one that closes a `<table>` opened at `start`."""
    for j in range(start, min(len(lines), start + MAX_HTML_TABLE_LINES)):
        if _HTML_TABLE_END.search(lines[j]):
            return j + 1
    return None


def _is_empty_cell(lines: list[str], i: int) -> bool:
    """A blank line between two bars ("|\n\n|") is an empty cell of a bar stream, not the end of it."""
    return 0 < i < len(lines) - 1 and is_bar(lines[i - 1]) and is_bar(lines[i + 1])


def is_hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed width: many chunks of several lines, lines no longer than
    ~100 characters, most of them not ending a sentence."""
    prose, chunk, middles = [], [], []
    for line in lines + [""]:
        if line.strip():
            chunk.append(line.strip())
            continue
        if any(is_bar(l) for l in chunk):  # table cells are no measure of wrapping
            prose += [l for is_stream, run in split_streams(chunk) if not is_stream for l in run]
        elif not any("\t" in l for l in chunk):
            prose += chunk
            middles += chunk[1:-1]
        chunk = []
    if len(prose) < 8:
        return _short_text_wrapped(lines)
    lengths = sorted(len(l) for l in prose)
    width = lengths[int(len(lengths) * 0.9)]  # the wrap width: most full lines reach it
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return False
    near_width = sum(len(l) >= 0.6 * width for l in prose) / len(prose)
    open_ended = sum(not l.rstrip("*_ ").endswith(_TERMINAL) for l in prose) / len(prose)
    if near_width >= 0.4 and open_ended >= 0.5:
        return True
    # Short paragraphs of two or three lines whose first line the converter cut short: the
    # lines inside a paragraph still reach the width and run on without punctuation.
    inner_full = sum(len(l) >= 0.6 * width for l in middles) / max(1, len(middles))
    inner_open = sum(not l.rstrip("*_ ").endswith(_TERMINAL) for l in middles) / max(1, len(middles))
    return len(middles) >= 20 and inner_full >= 0.8 and inner_open >= 0.8


def _short_text_wrapped(lines: list[str]) -> bool:
    """A few paragraphs, blank lines between them (OCR's text): wrapped when every paragraph of
    several lines has its lines but the last run to the same width, open-ended."""
    chunks, chunk = [], []
    for line in lines + [""]:
        if line.strip():
            chunk.append(line.strip())
        elif chunk:
            chunks.append(chunk)
            chunk = []
    if any(is_bar(l) or "\t" in l for c in chunks for l in c):
        return False
    cut = [l for c in chunks if len(c) >= 2 for l in c[:-1]]
    if len(cut) < 2:
        return False
    width = max(len(l) for l in cut)
    return WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1] and all(len(l) >= 0.85 * width for l in cut) \
        and sum(not l.endswith(_TERMINAL) for l in cut) >= 0.8 * len(cut)


def chunk_pieces(lines: list[str], wrapped: bool, before: list[Piece]) -> list[Piece]:
    """One blank-line-separated chunk: a bar-stream table, pipe rows, or running text."""
    if any(is_bar(l) for l in lines):
        streams = split_streams(lines)
        if len(streams) > 1:
            out = []
            for is_stream, run in streams:
                out += chunk_pieces(run, wrapped, before + out) if is_stream \
                    else prose_pieces(run, wrapped, before + out)
            return out
        head, slots, tail = bar_slots(lines)
        out = prose_pieces(head, wrapped, before)
        if slots:
            rows = bar_rows(slots)
            out += rows_pieces([[(slot_text(s), slot_bold(s)) for s in row] for row in rows],
                               [[s.lines for s in row] for row in rows])
        return out + prose_pieces(tail, wrapped, before + out)
    out: list[Piece] = []
    run: list[str] = []
    kind = None
    for line in lines + [None]:
        this = None if line is None else ("pipe" if pipe_row(line) is not None or is_markdown_rule(line) else "prose")
        if run and this != kind:
            if kind == "pipe":
                borders = table_borders(run)
                for rows in _apart_from_block_rows([list(zip(cells, pipe_row_bold(l, borders) + [False] * len(cells)))
                                                    for l in run if (cells := pipe_row(l, borders)) is not None]):
                    out += rows_pieces(rows)
            else:
                out += prose_pieces(run, wrapped, before + out)
            run = []
        if line is not None:
            run.append(line)
            kind = this
    return out


_BLOCK_KINDS = frozenset({"motto", "recipients", "signature"})


def _apart_from_block_rows(rows: list[list[tuple[str, bool]]]) -> list[list[list[tuple[str, bool]]]]:
    """A run of pipe rows cut where the header or signature block's rows start or end: a
    python-docx dump writes the data table and the signature table ("Nơi nhận: … | TM. ỦY BAN
    NHÂN DÂN …") with no line between them. A block row has the motto, "Nơi nhận" or a
    signature line; the row under it whose cells are all header cells ("Số: … | Hà Nội, ngày
    …") goes with it."""
    from ..lexicon import layout_cell_kind
    groups: list[list[list[tuple[str, bool]]]] = []
    kinds: list[bool] = []
    for row in rows:
        cells = [layout_cell_kind(text) for text, _ in row if text]
        block = any(k in _BLOCK_KINDS for k in cells) or (bool(kinds) and kinds[-1] and bool(cells) and all(cells))
        if not groups or block != kinds[-1]:
            groups.append([])
        groups[-1].append(row)
        kinds.append(block)
    return groups


def rows_pieces(rows: list[list[tuple[str, bool]]], lines: list[list[list[str]]] | None = None) -> list[Piece]:
    """A table written as text: a data table, or a layout table read as paragraphs (each
    cell's lines joined as running text is: "CỘNG HÒA …" and "Độc lập – …" stay apart)."""
    keep = [i for i, r in enumerate(rows) if any(t for t, _ in r)]
    rows = [rows[i] for i in keep]
    if not rows:
        return []
    if is_layout_table(rows):
        if lines is None:
            return [Piece(part, bold=bold) for row in rows for text, bold in row if text
                    for part in header_parts(text)]
        return [p for i in keep for cell in lines[i] for p in prose_pieces(cell, True, [])]
    return [table_piece(rows)]


# A header cell whose lines a dump joined with spaces ('TỈNH ỦY QUẢNG TRỊ * Số 15-NQ/TU', 'ĐẢNG CỘNG
# SẢN VIỆT NAM Quảng Trị, ngày 25 tháng 02 năm 2026'): its parts start at the number and after
# a motto or a row of stars.
_HEADER_PART = re.compile(r"\s+\*+\s+|\s+(?=Số\s*:?\s*(?:\d|/|-))|(?:(?<=VIỆT NAM)|(?<=Hạnh phúc)|(?<=HẠNH PHÚC))"
                          r"\s+(?!Độc lập|ĐỘC LẬP)(?=\S)")


def header_parts(text: str) -> list[str]:
    """The parts of a header or signature cell written on one line."""
    return [part for part in _HEADER_PART.split(text) if part and part.strip(" *")]


def is_layout_table(rows: list[list[tuple[str, bool]]]) -> bool:
    """The header or signature block laid out as a borderless table ("ỦY BAN NHÂN DÂN |
    CỘNG HÒA …", "Số: … | Hà Nội, ngày …", "Nơi nhận: … | TM. ỦY BAN NHÂN DÂN …"), or a
    single row: not a table of data."""
    from ..lexicon import header_role_exact
    if sum(1 for t, _ in rows[0] if header_role_exact(t)) >= 2:
        return False  # a header row of a data table ("STT | Nội dung | Cơ quan chủ trì")
    if len(rows) == 1:
        return True
    return len(rows) <= 3 and any(is_layout_cell(t) for row in rows for t, _ in row)


def prose_pieces(lines: list[str], wrapped: bool, before: list[Piece]) -> list[Piece]:
    """Running text → paragraphs: wrapped lines joined (see `starts_paragraph`)."""
    paragraphs: list[str] = []
    indented = _indents_paragraphs(lines)
    after_rule = False
    for raw in lines:
        line = raw.strip()
        if line and is_rule(line):
            after_rule = True  # "-----" under a title: what follows is a paragraph of its own
            continue
        if not line or not clean_cell_line(line) or is_page_number_line(raw):
            continue
        if paragraphs and not after_rule and not starts_paragraph(paragraphs[-1], line, wrapped) \
                and not (indented and _INDENT.match(raw)):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        after_rule = False
    out: list[Piece] = []
    for raw in paragraphs:
        text, bold, prefix = strip_markdown(raw)
        if not text or is_rule(text):
            continue
        previous = out[-1] if out else (before[-1] if before else None)
        if previous is not None and (continues(previous, text)
                                     or _bold_heading_goes_on(previous, text, bold)):
            previous.text += " " + text
            continue
        out.append(Piece(text, bold=bold, bold_prefix=prefix, md_level=heading_level(raw)))
    return out


_PAGE_NUMBER_LINE = re.compile(r"^(?:[ \t]*\f[\f \t]*\d{1,4}|[ \t]{15,}\d{1,4}|\s*[-–]\s*\d{1,4}\s*[-–])\s*$")


def is_page_number_line(raw: str) -> bool:
    """A page number as text taken from a PDF keeps it: after the form feed, centred far from
    the margin, or between dashes ("- 2 -"). It is no part of the paragraph it interrupts."""
    return bool(_PAGE_NUMBER_LINE.match(raw))


def _bold_heading_goes_on(previous: Piece, text: str, bold: bool) -> bool:
    """A numbered bold heading the conversion cut with a blank line ('**3. Đề nghị Ủy ban Mặt
    trận …, Hội Liên hiệp**' / '**Phụ nữ Thành phố và các tổ chức …**'): the next bold
    paragraph, unnumbered and, like it, not in capitals, goes on with it."""
    if previous.is_table or not (previous.bold and bold) or previous.bold_prefix:
        return False
    if split_number(previous.text)[0] is None or previous.text.rstrip().endswith((*_TERMINAL, ":")):
        return False
    if split_number(text)[0] is not None or is_bullet(text) or len(previous.text.split()) < 4:
        return False
    return not is_all_caps(previous.text, min_letters=4) and not is_all_caps(text, min_letters=4)


_INDENT = re.compile(r"^[ \t]{3,12}\S")


def _indents_paragraphs(lines: list[str]) -> bool:
    """Text taken from a PDF whose paragraphs start indented and whose wrapped lines do not
    ('      Trách nhiệm chỉ đạo thực hiện: …' / 'tỉnh; Đảng ủy …'): an indented line starts a
    paragraph. Both kinds of line must be common, or the indent says nothing."""
    text = [raw for raw in lines if raw.strip()]
    n_indented = sum(1 for raw in text if _INDENT.match(raw))
    return len(text) >= 10 and 0.1 <= n_indented / len(text) <= 0.8


def heading_level(raw: str) -> int | None:
    m = re.match(r"^(#{1,6})\s", raw.strip())
    return len(m.group(1)) if m else None


_OPEN_EMPHASIS = re.compile(r"\*\*")


_DATELINE = re.compile(r"^\((?:[\w-]+\.)+(?:vn|com|net|org)\)\s*[-–—]\s", re.I)


_BREADCRUMB = re.compile(r"^\s*Trang chủ\s*[›>»/]")


@lru_cache(maxsize=None)
def _field_label() -> re.Pattern:
    from .page_kind import _markers  # the labels a portal's metadata block uses (data/page_markers.csv)
    labels = [label for label, _ in _markers().fields]
    return re.compile(rf"^(?:{'|'.join(map(re.escape, labels))})\s*:", re.I)


def _portal_line_break(previous: str, line: str) -> bool:
    """A portal's metadata fields ("Số hiệu: 67/KH-UBND") and its breadcrumb ("Trang chủ ›
    Văn bản › …") stand a line each, whatever the wrapping."""
    previous, line = previous.strip(), line.strip()
    return bool(_field_label().match(line) or _field_label().match(previous) or _BREADCRUMB.match(previous))


def starts_paragraph(previous: str, line: str, wrapped: bool) -> bool:
    """Does `line` start a new paragraph after the paragraph `previous` (raw lines)?"""
    text, _, _ = strip_markdown(line)
    prev_text, _, _ = strip_markdown(previous)
    if is_signature_line(text) or is_signature_line(prev_text) or _APPENDIX_MARK.match(prev_text):
        return True  # "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / "PHỤ LỤC 01:"
    if is_all_caps(prev_text, min_letters=4) and len(prev_text.split()) > 1 and text[:1].isupper() \
            and not is_all_caps(text, min_letters=1) and len(text.split()) > 1:
        return True  # a line in capitals, then one that is not: "CỘNG HÒA …" / "Độc lập – …"
    if len(_OPEN_EMPHASIS.findall(previous)) % 2:
        return False  # inside a bold run that the wrap cut ("**1. Sở\nKhoa học và Công nghệ**")
    if line.startswith(("#", "**", "__")) or text.upper() in DOC_TYPE_LINES or prev_text.upper() in DOC_TYPE_LINES:
        return True
    if _DATELINE.match(text):
        return True  # "(Baothanhhoa.vn) – UBND tỉnh …": a news article's first paragraph, after its headline
    if _PLACE_AND_DATE.match(text) or _LEGAL_BASIS.match(text) or _DRAFT_MARK.match(prev_text) \
            or _DRAFT_MARK.match(text):
        return True  # "Thái Nguyên, ngày …" under the motto; each "Căn cứ …" of the preamble; "DỰ THẢO"
    if _portal_line_break(prev_text, text):
        return True
    if split_number(text)[0] is not None and not _is_only_number(prev_text):
        return True
    if _capitals_heading_ends(prev_text, text):
        return True
    if is_bullet(text):
        if cuts_a_year_range(prev_text, text) or cuts_a_dashed_compound(prev_text, text):
            return False
        # a line cut at a hyphen ("kinh tế" / "- xã hội") goes on in lower case
        return not (wrapped and text.lstrip("-–+ ")[:1].islower() and not prev_text.endswith(_TERMINAL))
    if not wrapped:
        return not _continues_cut_line(prev_text, text)
    if _is_only_number(prev_text):
        return False  # "III." alone on a line, its title on the next
    if is_all_caps(prev_text, min_letters=4) != is_all_caps(text, min_letters=4) and \
            len(text.split()) > 1 and len(prev_text.split()) > 1:
        return not text[:1].islower()  # a title in capitals, then running text
    return False


_YEAR_AT_END = re.compile(r"(?:19|20)\d\d\s*$")
_YEAR_AFTER_DASH = re.compile(r"^[-–]\s*(?:19|20)\d\d(?:\s*$|[).,;:]|\s+[a-zđà-ỹ(])")


def cuts_a_year_range(previous: str, text: str) -> bool:
    """A period cut at its dash by the wrap ("… giai đoạn 2026" / "- 2030"): the second year is
    no list item."""
    return bool(_YEAR_AT_END.search(previous) and _YEAR_AFTER_DASH.match(text))


_DASHED = re.compile(r"^[-–]\s*(\w[\w ]*)")


def cuts_a_dashed_compound(previous: str, text: str) -> bool:
    """"… phát triển kinh tế" / "- xã hội vùng …": the wrap cut a dashed pair (data/dashed_compounds.csv)."""
    if not (m := _DASHED.match(text)) or not m.group(1)[:1].islower():
        return False  # "- Xã hội …" in capitals opens an item
    before, after = f" {previous.rstrip().lower()}", m.group(1) + " "
    return any(before.endswith(f" {first}") and after.startswith(f"{second} ") for first, second in dashed_compounds())


_PLACE_NOUN = re.compile(r"(?:^|\s)(?:tỉnh|thành phố|Thành phố|TP\.)$")


@lru_cache(maxsize=None)
def _province_names() -> re.Pattern:
    names = sorted({r["name"] for r in provinces()}, key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, names))})\b")


def _place_name_cut_from_its_noun(previous: str, text: str) -> bool:
    """"… trên địa bàn tỉnh" / "Hưng Yên.": the wrap cut a place from its name (a body's
    heading "2. Công an tỉnh" / "Chủ trì …" is not followed by a province's name, and the
    place-and-date line "Quảng Ninh, ngày …" under a "V/v …" line is a line of its own)."""
    return bool(_PLACE_NOUN.search(previous.rstrip()) and _province_names().match(text)
                and not _PLACE_AND_DATE.match(text))


def _capitals_heading_ends(previous: str, text: str) -> bool:
    """"Phần thứ nhất" / "KẾT QUẢ THỰC HIỆN NĂM 2025" / "Đến hết năm 2025, …": a numbered heading
    whose title is in capitals ends where running text in sentence case begins."""
    number, _, rest = split_number(previous)
    return number is not None and is_all_caps(rest, min_letters=4) and text[:1].isupper() \
        and not is_all_caps(text, min_letters=4) and len(text.split()) > 1


_DRAFT_MARK = re.compile(r"^(?:DỰ THẢO|Dự thảo)(?:\s+(?:LẦN|lần)\s+\d+|\s+\d+)?\)?\s*$")
_LEGAL_BASIS = re.compile(r"^Căn cứ\s+(?:Luật|Nghị|Quyết|Chỉ|Thông|Kế|Chương|Công|Văn|Hiến|Kết|Pháp|Bộ|Tờ|Đề|Báo)")
_PLACE_AND_DATE = re.compile(r"^[^,]{2,40},\s*ngày\b")


_ACRONYM_AFTER = re.compile(r"^\([A-ZĐ][A-ZĐ0-9&-]{1,11}\)\s+\S")


def _acronym_cut_from_its_name(previous: str, text: str) -> bool:
    """"… tổng sản phẩm trên địa bàn" / "(GRDP) đạt …": a name's acronym opens the next line."""
    previous = previous.rstrip()
    return len(previous) >= 50 and not previous.endswith(_TERMINAL) and not is_all_caps(previous, min_letters=4) \
        and bool(_ACRONYM_AFTER.match(text))


_VALUE_VERBS = {"đạt", "là", "còn", "xuống", "lên", "tăng", "giảm", "chiếm", "trên", "dưới", "khoảng",
                "thiểu", "nhất", "từ", "đa", "quá"}  # "… đạt" / "95%": the last words before a value
_VALUE_START = re.compile(r"\d[\d.,]*\s*(?:%|‰)")


def _value_cut_from_its_verb(previous: str, text: str) -> bool:
    words = previous.rstrip().split()
    return bool(words) and words[-1].lower() in _VALUE_VERBS and bool(_VALUE_START.match(text))


_NO_SENTENCE_END = {"và", "của", "với", "các", "cho", "về", "tại", "trong", "để", "theo", "từ", "đến", "là",
                    "được", "có", "những", "hoặc", "hay", "như", "tới",
                    "sở", "ban", "bộ", "phòng", "cục", "ủy", "trung"}  # a body's name cut after its head noun


def _continues_cut_line(previous: str, text: str) -> bool:
    """In text that is not wrapped as a whole, a line cut mid-sentence still goes on: the line
    before ends without punctuation and is long, and this one opens in lower case or with a
    value ("… tăng bình quân" / "8%/năm, chỉ số …")."""
    if previous.endswith(_TERMINAL) or len(previous) < 40 or split_number(previous)[0] is not None \
            and len(previous) < 60 or is_all_caps(previous, min_letters=4):
        return False
    if split_number(text)[0] is not None or is_bullet(text):
        return False
    if previous.endswith(",") or previous.split()[-1].lower() in _NO_SENTENCE_END:
        return True
    if _place_name_cut_from_its_noun(previous, text):
        return True  # "… phối hợp với Công an tỉnh," / "Văn phòng UBND tỉnh …"; "… Sở Khoa học và" / "Công nghệ …"
    return text[:1].islower() or text[:1] == "(" or bool(re.match(r"\d[\d.,]*\s*(?:%|‰)", text))


_APPENDIX_MARK = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?[0-9IVXLC]{1,4})?\s*[.:]?$")
_SIGNING_FOR = re.compile(r"^(?:(?:TM|KT|T/M|K/T|TL|TUQ|Q)\.|T/M|K/T)\s")  # "K/T BÍ THƯ" in Party documents


def is_signature_line(text: str) -> bool:
    """A line of the signature block that stands on its own: "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH", or a signer's title ("PHÓ CHỦ TỊCH")."""
    from ..lexicon import signer_titles
    return bool(_SIGNING_FOR.match(text)) or text.strip(" .:").upper() in signer_titles() and text.isupper()


def _is_only_number(text: str) -> bool:
    number, _, rest = split_number(text + " x")
    return number is not None and rest == "x"


def _cell_text(raw: str) -> tuple[str, bool]:
    bold = bool(re.search(r"<\s*(?:b|strong)\s*>", raw, re.I))
    return _TAG.sub("", raw).strip(), bold


def _row_key(row: list[tuple[str, bool]]) -> str:
    return " ".join(t for t, _ in row if t).lower()


def tsv_table(lines: list[str]) -> Piece:
    """Tab-separated rows → a table piece (header repeats dropped, broken rows joined)."""
    rows: list[list[tuple[str, bool]]] = []
    for line in lines:
        if not line.strip():
            continue
        row = [_cell_text(c) for c in line.split("\t")]
        while len(row) > 1 and not row[-1][0]:
            row.pop()
        row = _split_group_cell(row)
        if rows and same_header(_row_key(row), _row_key(rows[0])):
            continue  # the header repeated at a page break
        if rows and _is_continuation(row):
            _join_rows(rows[-1], row)
            continue
        rows.append(row)
    n_cols = max(len(r) for r in rows)
    cells = [Cell(r, c, text, bold=bold) for r, row in enumerate(rows)
             for c, (text, bold) in enumerate(row + [("", False)] * (n_cols - len(row)))]
    return Piece(cells=cells)


def _split_group_cell(row: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """'<b>III Phát triển nền tảng số</b>' alone in a row → number cell + text cell."""
    if len(row) == 1 and (m := _GROUP_IN_ONE_CELL.match(row[0][0])):
        return [(m.group(1), row[0][1]), (m.group(2), row[0][1])]
    return row


def _is_continuation(row: list[tuple[str, bool]]) -> bool:
    """A row with no number whose text starts in lower case: the rest of a row cut by a page."""
    return len(row) > 1 and not row[0][0] and row[1][0][:1].islower()


def _join_rows(into: list[tuple[str, bool]], more: list[tuple[str, bool]]) -> None:
    for c, (text, bold) in enumerate(more):
        if c < len(into):
            joined = f"{into[c][0]} {text}".strip()
            into[c] = (joined, into[c][1] or bold)
        else:
            into.append((text, bold))


# ---------------------------------------------------------------- wrapped web text

def continues_wrapped(previous: str, line: str) -> bool:
    """Does `line` continue the paragraph `previous` in hard-wrapped text?"""
    if is_bullet(line) and _is_wrapped_line(previous) and line.lstrip("-–+ ")[:1].islower():
        return True  # a line cut at a hyphen ("kinh tế" / "- xã hội"), not a new item
    if split_number(line)[0] is not None or is_bullet(line) or line.upper() in DOC_TYPE_LINES:
        return False
    if _capitals_heading_ends(previous, line):
        return False
    if _portal_line_break(previous, line) or _PLACE_AND_DATE.match(line) or _LEGAL_BASIS.match(line) \
            or _DRAFT_MARK.match(previous) or _DRAFT_MARK.match(line):
        return False
    if line[:1].islower() and not previous.endswith((".", "!", "?")):
        return True  # a clause after "…các cấp;" or "gồm:" goes on in lower case
    if previous.upper() in DOC_TYPE_LINES or previous.endswith(_TERMINAL):
        return False
    if len(line.split()) < 2 or len(previous.split()) < 2:
        return True  # one wrapped word ("GRDP.") is no change of style
    return is_all_caps(previous) == is_all_caps(line)


def _is_wrapped_line(text: str) -> bool:
    """Running text long enough to have been wrapped, and not at the end of a sentence."""
    return len(text) >= 60 and not text.endswith(_TERMINAL)


def join_wrapped(lines: list[str]) -> list[str]:
    paragraphs: list[str] = []
    for line in lines:
        line = line.strip()
        if not line or is_rule(line):
            continue
        if paragraphs and continues_wrapped(paragraphs[-1], line):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def _segments(lines: list[str]) -> list[tuple[list[str], bool]]:
    """Runs of lines between '|' lines; the flag says whether a '|' closed the run."""
    segments, current = [], []
    for line in lines:
        if line.strip() == "|":
            segments.append((current, True))
            current = []
        else:
            current.append(line)
    segments.append((current, False))
    return segments


def _cell_start(lines: list[str]) -> int:
    """Where, in a long closed run, the cell begins: at a table header or 'Nơi nhận:'."""
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip() in TABLE_FIRST_HEADERS or lines[i].strip().startswith("Nơi nhận"):
            return i
    return len(lines) - 1


def web_pieces(lines: list[str]) -> list[Piece]:
    pieces: list[Piece] = []
    region: list[list[str]] = []  # cells of the current borderless or ruled table

    def flush_region() -> None:
        if region:
            pieces.extend(region_pieces(region))
            region.clear()

    def add_prose(prose: list[str]) -> None:
        pieces.extend(Piece(p) for p in join_wrapped(prose))

    for seg, closed in _segments(lines):
        body = [l for l in seg if l.strip()]
        if not closed:
            flush_region()
            add_prose(body)
            continue
        header_at = next((i for i, l in enumerate(body) if l.strip() in TABLE_FIRST_HEADERS), None)
        if header_at is not None and header_at > 0 or len(body) > MAX_CELL_LINES:
            start = header_at if header_at is not None else _cell_start(body)
            flush_region()
            add_prose(body[:start])
            body = body[start:]
        elif header_at == 0 and region:
            flush_region()
        region.append(body)
    flush_region()
    return pieces


def region_pieces(region: list[list[str]]) -> list[Piece]:
    """A run of '|'-closed cells: a data table when it starts with a header, else layout."""
    if region[0] and region[0][0].strip() in TABLE_FIRST_HEADERS:
        return [rebuild_table([" ".join(l.strip() for l in cell) for cell in region])]
    # A borderless layout table (header block, signature block): its cells are text.
    return [Piece(p) for cell in region for p in join_wrapped(cell)]


def rebuild_table(cells: list[str]) -> Piece:
    """Flat cell texts → rows and columns, restoring dropped merged cells as row spans."""
    first_row = next((i for i, c in enumerate(cells) if i and _ROW_NUMBER.match(c)), len(cells))
    header, body = cells[:first_row], cells[first_row:]
    n_cols = len(header)
    out = [Cell(0, c, text) for c, text in enumerate(header)]
    rows: list[list[str]] = []
    for text in body:
        if _ROW_NUMBER.match(text) or not rows:
            rows.append([text])
        else:
            rows[-1].append(text)
    covering: dict[int, Cell] = {}
    for r, row in enumerate(rows, start=1):
        placed = _place_cells(row, n_cols)
        if len(row) == 2:  # a group row: number and heading
            out += [Cell(r, 0, row[0]), Cell(r, 1, row[1], col_span=n_cols - 1)]
            covering.clear()
            continue
        for c in range(n_cols):
            if c in placed:
                cell = Cell(r, c, placed[c])
                out.append(cell)
                covering[c] = cell
            elif c in covering:
                covering[c].row_span += 1  # a merged cell the conversion dropped
            else:
                out.append(Cell(r, c, ""))
    return Piece(cells=out)


def _place_cells(row: list[str], n_cols: int) -> dict[int, str]:
    """Columns of a row's cells: number and text on the left; a time cell goes to the
    last column and the cells before it fill the columns just before it."""
    if len(row) >= n_cols:
        return dict(enumerate(row))
    placed = {0: row[0], 1: row[1]} if len(row) > 1 else {0: row[0]}
    rest = row[2:]
    if rest and looks_like_time_cell(rest[-1]):
        for offset, text in enumerate(reversed(rest)):
            placed[n_cols - 1 - offset] = text
    else:
        for offset, text in enumerate(rest):
            placed[2 + offset] = text
    return placed
