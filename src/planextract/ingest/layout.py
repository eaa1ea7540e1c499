"""Positioned words → reading order → Pieces. Shared by the PDF and OCR readers.

A page is a list of `Word`s (text, box, bold) and a list of tables already cut
out of it. Words are grouped into lines, lines into segments at wide gaps (the
two-column header and signature blocks of an official letter), the columns of
such a block are read left then right, and lines are joined into paragraphs
by the typography of Vietnamese administrative documents (Nghị định 30/2020):
a new paragraph at a list marker, a first-line indent, after a short line, at
a change of boldness, or after a wider gap.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .assemble import Piece, is_bullet, split_number

LINE_TOLERANCE = 3.0      # points: words whose tops differ less share a line
COLUMN_GAP = 20.0         # points: a wider gap between words separates two columns
INDENT = 10.0             # points: first-line indent of a paragraph
SHORT_LINE = 30.0         # points short of the right margin: the last line of a paragraph
HEADER_BAND = 0.06        # share of the page height holding running headers/footers


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool = False


@dataclass
class Line:
    words: list[Word] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


def group_lines(words: list[Word]) -> list[Line]:
    """Words → lines (top to bottom, left to right)."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if lines and abs(lines[-1].words[0].top - word.top) <= LINE_TOLERANCE:
            lines[-1].words.append(word)
        else:
            lines.append(Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def split_segments(line: Line) -> list[Line]:
    """A line with a wide gap is two columns side by side."""
    segments = [Line([line.words[0]])]
    for word in line.words[1:]:
        if word.x0 - segments[-1].x1 > COLUMN_GAP:
            segments.append(Line([word]))
        else:
            segments[-1].words.append(word)
    return segments


def drop_running_heads(lines: list[Line], height: float) -> list[Line]:
    """Page numbers in the top or bottom band are not text of the plan."""
    band = HEADER_BAND * height
    return [l for l in lines
            if not ((l.top < band or l.bottom > height - band) and l.text.strip().isdigit())]


def reading_order(lines: list[Line], width: float) -> list[Line]:
    """Lines in reading order: in a two-column block (an official header: body, number and
    subject line on the left; motto, place and date on the right), the left column, then the
    right, each column's wrapped lines joined ('V/v triển khai Kế hoạch số 1331/' + 'KH-UBND …').
    The block ends at a line that spans the middle, or after a wider vertical gap."""
    mid = width / 2
    out: list[Line] = []
    i = 0
    while i < len(lines):
        segments = split_segments(lines[i])
        if len(segments) < 2:
            out.append(lines[i])
            i += 1
            continue
        left: list[Line] = []
        right: list[Line] = []
        while i < len(lines):
            segments = split_at(lines[i], mid)
            if (left or right) and _after_gap(lines[i - 1], lines[i]):
                break
            if len(segments) < 2 and not _off_centre(lines[i], mid, width):
                break
            for seg in segments:
                (left if (seg.x0 + seg.x1) / 2 < mid else right).append(seg)
            i += 1
        out += join_wrapped(left) + join_wrapped(right)
    return out


CELL_GAP = 6.0  # points: inside a header block, a gap this wide (and well over a space) parts two cells


def split_at(line: Line, mid: float) -> list[Line]:
    """A header line's columns: at a wide gap, or — where the two cells nearly touch ('Số:
    2068/SYT-VP  Gia Lai, ngày …') — at the line's widest gap near the middle of the page,
    when it is well wider than the spaces between its words."""
    segments = split_segments(line)
    if len(segments) > 1 or len(line.words) < 3:
        return segments
    gaps = sorted((b.x0 - a.x1, i) for i, (a, b) in enumerate(zip(line.words, line.words[1:])))
    widest, at = gaps[-1]
    usual = gaps[len(gaps) // 2][0]
    if widest >= max(CELL_GAP, 2.5 * usual) and 0.6 * mid <= line.words[at].x1 <= 1.4 * mid:
        return [Line(line.words[:at + 1]), Line(line.words[at + 1:])]
    return segments


def _after_gap(prev: Line, line: Line) -> bool:
    """A vertical gap wider than two lines: the header block is over ('Kính gửi: …' below it)."""
    return line.top - prev.bottom > 2 * (prev.bottom - prev.top)


_TERMINAL = (".", ":", ";", "!", "?")


def join_wrapped(column: list[Line]) -> list[Line]:
    """A column's lines with a wrapped line joined to the one before: the one before ends without a
    sentence end and is not in capitals (a body's or title's lines stay apart), and the next starts
    in lower case, with a digit, or goes on a cut number ('…1331/' + 'KH-UBND')."""
    out: list[Line] = []
    for line in column:
        if out and _wraps(out[-1], line):
            words = out[-1].words + line.words
            cut = len(out[-1].words) - 1
            if words[cut].text.endswith("/"):  # a number cut after its slash is one word again
                first, rest = words[cut], words[cut + 1]
                words[cut:cut + 2] = [Word(first.text + rest.text, first.x0, rest.x1, min(first.top, rest.top),
                                           max(first.bottom, rest.bottom), first.bold and rest.bold)]
            out[-1] = Line(words)
        else:
            out.append(line)
    return out


def _wraps(prev: Line, line: Line) -> bool:
    before, after = prev.text.rstrip(), line.text.lstrip()
    if not before or not after or before.endswith(_TERMINAL) or _all_caps(before) or _after_gap(prev, line):
        return False
    if split_number(after)[0] is not None or is_bullet(after):
        return False
    return after[0].islower() or after[0].isdigit() or before.endswith(("/", "-", ","))


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _off_centre(line: Line, mid: float, width: float) -> bool:
    return abs((line.x0 + line.x1) / 2 - mid) > 0.12 * width


def _starts_paragraph(prev: Line, line: Line, left: float, right: float) -> bool:
    text = line.text
    if split_number(text)[0] is not None or is_bullet(text):
        return True
    if line.bold != prev.bold:
        return True
    if line.x0 > left + INDENT and abs(line.x0 - prev.x0) > 2:
        return True
    if prev.x1 < right - SHORT_LINE:
        return True
    gap = line.top - prev.bottom
    return gap > 1.2 * (prev.bottom - prev.top)


def paragraphs(lines: list[Line], page: int) -> list[tuple[float, Piece]]:
    """Lines → (top, Piece) paragraphs, bold and bold-prefix kept."""
    if not lines:
        return []
    left = min(l.x0 for l in lines)
    right = max(l.x1 for l in lines)
    groups: list[list[Line]] = []
    for line in lines:
        if groups and not _starts_paragraph(groups[-1][-1], line, left, right) \
                and abs(line.top - groups[-1][-1].top) < 3 * (line.bottom - line.top) + 20:
            groups[-1].append(line)
        else:
            groups.append([line])
    return [(g[0].top, _piece(g, page)) for g in groups]


def _piece(group: list[Line], page: int) -> Piece:
    words = [w for line in group for w in line.words]
    text = " ".join(w.text for w in words)
    bold = all(w.bold for w in words)
    prefix = ""
    if not bold and words[0].bold:
        n = next(i for i, w in enumerate(words) if not w.bold)
        prefix = " ".join(w.text for w in words[:n])
    return Piece(text, page=page, bold=bold, bold_prefix=prefix)
