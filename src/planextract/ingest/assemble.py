"""From what a reader saw to a Document: the one place blocks are classified.

Every reader (text, HTML, PDF, DOCX, OCR) hands over an ordered list of
`Piece`s — a line or paragraph of running text with its page and bold flags,
or a table as cells with spans. `assemble` normalizes each piece, decides
heading / list item / paragraph from the numbering as written (the same rule
for every format, so a PDF and its source text give the same blocks), and
lays the blocks end to end into the normalized text, recording offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import CELL_SEPARATOR, HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Cell, Document, Table
from ..lexicon import labelled_number, names_a_section
from ..normalize import is_all_caps, normalize_line


@dataclass
class Piece:
    """A unit of reading order: running text, or a table (cells with row/col/spans)."""
    text: str = ""
    page: int | None = None
    bold: bool = False
    bold_prefix: str = ""  # the leading bold run of the text, when only a prefix is bold
    cells: list[Cell] | None = None
    md_level: int | None = None  # a Markdown heading's level ("## …" → 2)

    @property
    def is_table(self) -> bool:
        return self.cells is not None


# Numbering styles, outermost first; the level of a heading is its style's rank. A number
# ends in ".", ")", "/" or " -" ("1.", "1)", "1/", "I -"); parts and articles are words.
_PART = re.compile(r"^((?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?:THỨ\s+|thứ\s+)?(?:[IVXLC]{1,6}|\d{1,2}|[^\W\d_]+)\b[.:]?)(?:\s+|$)")
_ARTICLE = re.compile(r"^((?:ĐIỀU|Điều|MỤC|Mục)\s+\d{1,3}\b[.:]?)(?:\s+|$)")
_DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+\.?)\s+(?=\S)")
_ARABIC = re.compile(r"^(\d{1,2}(?:[.)/]|\s[-–](?=\s+\D)))\s+(?=\S)")  # not "35 - 40%": a range
_ROMAN = re.compile(r"^([IVX]{1,5}(?:[.)/]|\s[-–]))\s+(?=\S)")
_UPPER = re.compile(r"^([A-Z](?:[.)/]|\s[-–]))\s+(?=\S)")
_LOWER = re.compile(r"^([a-zđ][.)/])\s+(?=\S)")
_BULLET = re.compile(r"^([-–—•+*∙])\s*(?=[^\s\-–—])")
_VALID_ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
# OCR reads the Roman "I" of a heading as "l", "|" or "1" ("ll. MỤC TIÊU", "Il. NHIỆM VỤ",
# "l|I. TỔ CHỨC THỰC HIỆN"): a number of those letters, at least one of them not "I" nor a
# digit alone, before a title in capitals
_OCR_ROMAN = re.compile(r"^((?=[IlL1|VX]*[l|])[IlL1|VX]{1,5}[.)]|(?=[IVX]*[LH])[IVX][IVXLH]{1,4}[.)]"
                        r"|(?=[IlL1|VXH]*1)(?=[IlL1|VXH]*[IlLVXH|])[IlL1|VXH]{2,5}[.)])\s+(?=[A-ZĐÀ-Ỹ]{2,}\b)")
# … and "IL", "IH" ("III" whose last two strokes ran together), "1L", "1I", no longer with a
# lowercase letter; OCR also drops the dot: "II MỤC TIÊU", "IL TỔ CHỨC THỰC HIỆN". A Roman number with no
# dot is taken only before a title in capitals of two words or more that names a plan's section
# ("II MỤC TIÊU", "IL TỔ CHỨC THỰC HIỆN"), and not as the start of a word in capitals ("VI PHẠM
# HÀNH CHÍNH", "XI MĂNG"): a document's title in capitals may open with such letters.
_BARE_ROMAN = re.compile(r"^([IVX][IVXlLH1|]{0,4}|[lL1|][IlL1|]{1,3})\s+(?!PHẠM\b|MĂNG\b)(?=[A-ZĐÀ-Ỹ]{2,}\s+[A-ZĐÀ-Ỹ])")


def _as_roman(number: str) -> str:
    return re.sub(r"[lL1|]", "I", number).replace("H", "II")

LEVEL_PART, LEVEL_UPPER, LEVEL_ROMAN, LEVEL_ARABIC, LEVEL_LOWER = 0, 1, 2, 3, 6
LEVEL_ARTICLE = LEVEL_UPPER
HEADING_MAX_CHARS = 160
HEADING_MAX_WORDS = 24
BOLD_HEADING_MAX_WORDS = 70  # a wholly bold numbered line without a sentence's end is a title


def split_number(text: str) -> tuple[str | None, int | None, str]:
    """('II.', 2, rest) for a numbered line; (None, None, text) otherwise."""
    if m := _PART.match(text):
        if _PART_WORD.match(m.group(1)):
            return m.group(1), LEVEL_PART, text[m.end():]
    if m := _ARTICLE.match(text):
        return m.group(1), LEVEL_ARTICLE, text[m.end():]
    if m := labelled_number().match(text):  # "Nhiệm vụ 1: …" is item 1 of a list
        return m.group(1), LEVEL_ARABIC, text[m.end():]
    if m := _DOTTED.match(text):
        depth = m.group(1).rstrip(".").count(".") + 1
        return m.group(1), LEVEL_ARABIC + depth - 1, text[m.end():]
    if m := _ARABIC.match(text):
        return m.group(1), LEVEL_ARABIC, text[m.end():]
    if (m := _ROMAN.match(text)) and _VALID_ROMAN.match(m.group(1)[:-1]):
        return m.group(1), LEVEL_ROMAN, text[m.end():]
    if (m := _OCR_ROMAN.match(text)) and _VALID_ROMAN.match(roman := _as_roman(m.group(1))[:-1]):
        return roman + m.group(1)[-1], LEVEL_ROMAN, text[m.end():]  # "ll. MỤC TIÊU" read by OCR
    if (m := _BARE_ROMAN.match(text)) and is_all_caps(text, min_letters=4) \
            and _VALID_ROMAN.match(roman := _as_roman(m.group(1))) and names_a_section(text[m.end():]):
        return roman, LEVEL_ROMAN, text[m.end():]  # "II MỤC TIÊU": the dot lost by OCR
    if m := _UPPER.match(text):
        return m.group(1), LEVEL_UPPER, text[m.end():]
    if m := _LOWER.match(text):
        return m.group(1), LEVEL_LOWER, text[m.end():]
    return None, None, text


# "Phần thứ nhất", "PHẦN I", "Chương 2" — but not "Phần lớn …" or "Phần mềm …".
_PART_WORD = re.compile(r"^(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?:(?:THỨ|thứ)\s+\S+|[IVXLC]{1,6}|\d{1,2})\b", re.U)


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def looks_like_heading(text: str, bold: bool) -> bool:
    """A numbered line is a heading when it reads like a title, not a sentence."""
    if text.endswith((";", ",")):
        return False
    if bold and not text.endswith((".", ":")) and len(text.split()) <= BOLD_HEADING_MAX_WORDS:
        return True  # a long title in bold over its items ('1. Nâng cao nhận thức của … xã hội')
    if len(text) > HEADING_MAX_CHARS or len(text.split()) > HEADING_MAX_WORDS:
        return False
    if bold or text.isupper():
        return True
    return not text.endswith(".")


def classify(text: str, bold: bool, md_level: int | None = None) -> tuple[str, str | None, int | None]:
    """(kind, number, level) of one normalized piece of running text."""
    number, level, _ = split_number(text)
    if md_level is not None and len(text) <= HEADING_MAX_CHARS:
        return HEADING, number, level if number is not None else md_level
    if number is not None:
        if looks_like_heading(text, bold):
            return HEADING, number, level
        return LIST_ITEM, number, None
    if is_bullet(text):
        return LIST_ITEM, None, None
    return PARAGRAPH, None, None


def _split_bold_heading(piece: Piece, text: str) -> list[tuple[str, bool]]:
    """'**4. Kinh phí:** Cân đối …' → heading '4. Kinh phí:' and paragraph 'Cân đối …'."""
    prefix = normalize_line(piece.bold_prefix)
    if not prefix or len(prefix) >= len(text) or not text.startswith(prefix):
        return [(text, piece.bold)]
    if split_number(prefix)[0] is None or not prefix.endswith(":"):
        return [(text, piece.bold)]
    return [(prefix, True), (text[len(prefix):].strip(), False)]


class _Layout:
    """Appends block texts to the normalized text, one newline apart."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, text: str) -> tuple[int, int]:
        if self.parts:
            self.parts.append("\n")
            self.pos += 1
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start, self.pos

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _table_block(piece: Piece, layout: _Layout) -> Block | None:
    cells = [Cell(c.row, c.col, normalize_line(c.text), c.row_span, c.col_span, bold=c.bold,
                  page=c.page or piece.page) for c in piece.cells or []]
    if not cells:
        return None
    n_rows = max(c.row + c.row_span for c in cells)
    n_cols = max(c.col + c.col_span for c in cells)
    table = Table(cells, n_rows, n_cols)
    row_texts = [CELL_SEPARATOR.join(c.text for c in table.row(r)) for r in range(n_rows)]
    start, end = layout.add("\n".join(row_texts))
    # Offsets of each row and cell inside the block text.
    row_spans, pos = [], start
    for r in range(n_rows):
        row_start = pos
        for i, cell in enumerate(table.row(r)):
            if i:
                pos += len(CELL_SEPARATOR)
            cell.start, cell.end = pos, pos + len(cell.text)
            pos = cell.end
        row_spans.append((row_start, pos))
        pos += 1
    return Block(TABLE, layout.text[start:end], start, end, page=piece.page, table=table,
                 row_spans=row_spans)


def assemble(pieces: list[Piece], *, source: str | None, fmt: str, raw_text: str,
             pages: int | None = None, warnings: list[str] | None = None) -> Document:
    layout = _Layout()
    blocks: list[Block] = []
    for piece in pieces:
        if piece.is_table:
            if block := _table_block(piece, layout):
                blocks.append(block)
            continue
        text = normalize_line(piece.text)
        if not text:
            continue
        for part, bold in _split_bold_heading(piece, text):
            kind, number, level = classify(part, bold, piece.md_level)
            start, end = layout.add(part)
            blocks.append(Block(kind, part, start, end, page=piece.page, level=level,
                                number=number, bold=bold, md_level=piece.md_level))
    _roman_one_read_as_digit(blocks)
    text = layout.text
    page_starts: list[int] = []
    if pages:
        # Where each page begins: the first block or table cell seen on it.
        positions = [(b.start, b.page) for b in blocks if b.page]
        positions += [(c.start, c.page) for b in blocks if b.table for c in b.table.cells if c.page]
        for start, page in sorted(positions):
            while len(page_starts) < page:
                page_starts.append(start)
    return Document(text=text, blocks=blocks, raw_text=raw_text, source=source, format=fmt,
                    pages=pages, page_starts=page_starts, warnings=list(warnings or []))


def _roman_one_read_as_digit(blocks: list[Block]) -> None:
    """A poor scan's OCR reads the first Roman heading "I. MỤC TIÊU" as "1. MỤC TIÊU". The
    sequence tells: a "1." heading in capitals whose next numbered line is "1." again in running
    case (its first item), or whose next heading in capitals is Roman II, is Roman I."""
    numbered = [b for b in blocks if b.number is not None and b.kind in (HEADING, LIST_ITEM)]
    for i, block in enumerate(numbered):
        if block.kind != HEADING or block.level != LEVEL_ARABIC or block.number not in ("1.", "1)"):
            continue
        if not is_all_caps(split_number(block.text)[2], min_letters=4):
            continue
        first_item = numbered[i + 1] if i + 1 < len(numbered) else None
        next_caps = next((numbered[j] for j in range(i + 1, len(numbered))  # no copy of the rest per heading
                          if is_all_caps(split_number(numbered[j].text)[2], min_letters=4)), None)
        if (first_item is not None and first_item.number == block.number
                and not is_all_caps(split_number(first_item.text)[2], min_letters=4)) \
                or (next_caps is not None and next_caps.level == LEVEL_ROMAN
                    and next_caps.number.rstrip(".)") == "II"):
            block.level, block.number = LEVEL_ROMAN, "I" + block.number[-1]
