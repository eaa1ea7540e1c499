"""Tables laid out with spaces: the text `pdftotext -layout` (or pdfplumber's layout text)
makes of a bordered table.

There are no separators. Each cell's text wraps inside its column, short cells (the row
number, "Sở Tài chính", "2026 - 2030") are centred on the middle lines of their row, every
page has its own character grid, and where two columns come close the converter leaves a
single space between them. The reader finds such a table by its header block (a line that
opens with "TT"/"STT" and a wide gap, with the header cells' lines above and below it),
then, page by page:

- the row numbers at the left edge mark the rows; a row's content begins at the last line
  before its number that opens with a capital letter (text above the number belongs to it);
- the content column is what each line holds at the left; a line that runs past the
  column's usual right edge was joined to the next column and is cut where that cell begins
  (a body's name or a time);
- the other cells are grouped by where their centres fall, and each group goes to the
  header column in the same order; a cell goes to the row whose number is nearest.

The table is written back as pipe rows ("| 1 | Xây dựng … | Sở Tài chính | 2026 |"), which
the rest of the text reader already reads as a table.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from statistics import median

_ANCHOR = re.compile(r"^(\s{0,12})(STT|Stt|TT|Số\s+TT)(?=\s{2,}\S)")
_GAP = re.compile(r"\S+(?: \S+)*")
_ROW_NUMBER = re.compile(r"^(?:\d{1,4}(?:\.\d{1,2})*\.?|[IVX]{1,5}(?:\.\d{1,2})*\.?|[A-DĐ]\.?|[a-zđ][.)]?)$")
_GROUP_NUMBER = re.compile(r"^(?:[IVX]{1,5}(?:\.\d{1,2})*|[A-DĐ])\.?$")
_YEAR_WORDS = re.compile(r"^(?:[Nn]ăm(?:\s+(?:19|20)\d{2})?|(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)$")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_END = re.compile(r"^\s*(?:PHỤ LỤC|Phụ lục|Nơi nhận|NƠI NHẬN|Ghi chú|GHI CHÚ|\(\*\)|TM\.|KT\.)")
# a section heading of the body after the table: "III. NHIỆM VỤ, GIẢI PHÁP", "Phần thứ hai"
_SECTION_AFTER = re.compile(r"^\s*(?:[IVX]{1,5}\.\s+[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,]+$|(?:PHẦN|Phần)\s+(?:THỨ|thứ)\s+\S+\s*$)")
_TIME_TAIL = re.compile(r"(?:(?:Trước|trước|Trong|trong|Từ|Quý|quý|Năm|năm|Tháng|tháng)\s+)?"
                        r"(?:ngày\s+)?(?:\d{1,2}/)?(?:\d{1,2}/)?(?:19|20)\d{2}"
                        r"(?:\s*[-–]\s*(?:\d{1,2}/)?(?:19|20)\d{2})?$")
MAX_HEADER_LINES = 4
MAX_HEADER_WORDS = 7
CLUSTER_GAP = 5           # characters between the centres of two columns' cells
MIN_CUT = 4               # characters: a shorter piece is a word of the cell, not a cell
OVERRUN = 3               # characters past the content column's usual right edge


@dataclass
class Chunk:
    start: int
    end: int
    text: str

    @property
    def centre(self) -> float:
        return (self.start + self.end) / 2


@dataclass
class Column:
    start: int
    end: int
    texts: list[str]

    @property
    def centre(self) -> float:
        return (self.start + self.end) / 2


def chunks(line: str) -> list[Chunk]:
    """Runs of text separated by two spaces or more."""
    return [Chunk(m.start(), m.end(), m.group()) for m in _GAP.finditer(line)]


def rewrite_layout_tables(lines: list[str]) -> list[str]:
    """The lines with every table laid out with spaces replaced by pipe rows."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        table = read_table(lines, i) if _ANCHOR.match(lines[i]) and not ("|" in lines[i] or "\t" in lines[i]) else None
        if table is None:
            out.append(lines[i])
            i += 1
            continue
        start, end, rows = table
        del out[len(out) - (i - start):]
        out += [""] + [pipe_line(row) for row in rows] + [""]
        i = end
    return out


def pipe_line(row: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "/") for cell in row) + " |"


# ------------------------------------------------------------------ the header block

def read_table(lines: list[str], anchor: int) -> tuple[int, int, list[list[str]]] | None:
    """(first line, line after the table, rows with the header first) or None."""
    top, bottom = header_block(lines, anchor)
    columns = header_columns(lines[top:bottom])
    if len(columns) < 3 or not _names_columns(columns):
        return None
    end = table_end(lines, bottom, columns)
    body = [l for l in lines[bottom:end]]
    rows = body_rows(body, columns, lines[anchor])
    if len(rows) < 1:
        return None
    header = [" ".join(c.texts) for c in columns]
    return top, end, [header] + rows


def _is_header_line(line: str, below: bool, left_edge: int) -> bool:
    parts = chunks(line)
    if not parts or any(len(p.text.split()) > MAX_HEADER_WORDS for p in parts):
        return False
    if parts[0].start <= left_edge:
        return False  # the first column's cell or running text
    if len(parts) == 1 and (parts[0].text.endswith(":") or re.match(r"\d{1,2}(?:\.\d{1,2})*\.\s", parts[0].text)):
        return False  # the lead-in over the table ("Các chỉ tiêu cụ thể … như sau:"), a numbered heading
    if below:
        from ..lexicon import header_role_exact
        return all(p.text[:1].islower() or p.text[:1] in "(/" or header_role_exact(p.text)
                   or _YEAR_WORDS.match(p.text) for p in parts)
    return True


def header_block(lines: list[str], anchor: int) -> tuple[int, int]:
    left_edge = _ANCHOR.match(lines[anchor]).end()
    top = anchor
    while anchor - top < MAX_HEADER_LINES and top > 0 and _is_header_line(lines[top - 1], False, left_edge):
        top -= 1
    bottom = anchor + 1
    while bottom - anchor <= MAX_HEADER_LINES and bottom < len(lines) \
            and _is_header_line(lines[bottom], True, left_edge):
        bottom += 1
    return top, bottom


def header_columns(block: list[str]) -> list[Column]:
    """Header cells grouped into columns where their spans overlap; a run of text that
    covers two header cells (joined by one space) is cut where another line's cell starts,
    and a cell over two or more cells of another line ("Chỉ tiêu kế hoạch" over "Năm 2026
    | Năm 2027") heads each of them."""
    parts = [(row, c) for row, line in enumerate(block) for c in chunks(line)]
    cut: list[tuple[int, Chunk]] = []
    for row, c in parts:
        others = [o for r, o in parts if r != row]
        # a cell starts where another line's cell starts, just after a cell to its left ends
        edges = [o.start for o in others if any(o.start - 4 <= e.end <= o.start - 1 for e in others)]
        cut += [(row, piece) for piece in _cut_at_starts(c, edges)]
    spanning = [(row, c) for row, c in cut if _spans_cells(row, c, cut)]
    columns: list[Column] = []
    for row, c in sorted((rc for rc in cut if rc not in spanning), key=lambda rc: (rc[1].start, rc[0])):
        near = next((col for col in columns if c.start <= col.end and col.start <= c.end), None)
        if near is None:
            columns.append(Column(c.start, c.end, [(row, c.text)]))
        else:
            near.start, near.end = min(near.start, c.start), max(near.end, c.end)
            near.texts.append((row, c.text))
    for row, c in spanning:
        for col in columns:
            if c.start <= col.end and col.start <= c.end:
                col.texts.append((row, c.text))
    for col in columns:
        col.texts = [t for _, t in sorted(col.texts)]
    return sorted(columns, key=lambda col: col.start)


def _spans_cells(row: int, c: Chunk, parts: list[tuple[int, Chunk]]) -> bool:
    """Is the cell a group header centred over the gap between two cells of another line
    ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"), reaching into both?"""
    lines: dict[int, list[Chunk]] = {}
    for r, other in parts:
        if r != row:
            lines.setdefault(r, []).append(other)
    for cells in lines.values():
        cells.sort(key=lambda o: o.start)
        for a, b in zip(cells, cells[1:]):
            gap = (a.end + b.start) / 2
            if abs(gap - c.centre) <= (c.end - c.start) / 3 and c.start <= a.end + 1 and c.end >= b.start - 1:
                return True
    return False


def _cut_at_starts(c: Chunk, starts: list[int]) -> list[Chunk]:
    pieces, begin = [], 0
    for m in re.finditer(r" (?=\S)", c.text):
        at = c.start + m.end()
        if any(abs(at - s) <= 1 for s in starts) and m.start() - begin >= MIN_CUT:
            pieces.append(Chunk(c.start + begin, c.start + m.start(), c.text[begin:m.start()]))
            begin = m.end()
    pieces.append(Chunk(c.start + begin, c.end, c.text[begin:]))
    return pieces


def _names_columns(columns: list[Column]) -> bool:
    """At least one more header cell than the number column is a known wording."""
    from ..analyze.columns import header_role
    return sum(1 for c in columns[1:] if header_role(" ".join(c.texts))) >= 1


# ------------------------------------------------------------------ the body

def table_end(lines: list[str], start: int, columns: list[Column]) -> int:
    """The line after the table: an appendix title, the signature or notes, or running text
    (two lines in a row that run across the table with single spaces)."""
    width = columns[-1].end - columns[0].start
    prose = 0
    for i in range(start, len(lines)):
        line = lines[i]
        if _END.match(line) or _SECTION_AFTER.match(line):
            return i
        stripped = re.sub(r"(?<=\S) {2,3}(?=\S)", " ", line.strip())  # justified running text
        is_prose = bool(stripped) and "  " not in stripped and len(stripped) >= 0.75 * width \
            and not _ROW_NUMBER.match(stripped.split()[0])
        prose = prose + 1 if is_prose else 0
        if prose == 2:
            return i - 1
    return len(lines)


def _pages(body: list[str], header_line: str) -> list[list[str]]:
    """The body cut at page numbers, with the header block repeated on a new page dropped."""
    pages, page, skip = [], [], 0
    for line in body:
        stripped = line.strip().replace("\f", "")
        if _ANCHOR.match(line) and _same_header(line, header_line):
            skip = MAX_HEADER_LINES  # the header repeated: drop it and its lines below
            page = _drop_header_tail(page)
            continue
        if skip and stripped and _is_header_line(line, True, 0):
            skip -= 1
            continue
        skip = 0
        if _PAGE_NUMBER.match(stripped) or "\f" in line:
            if page:
                pages.append(page)
            page = []
            continue
        page.append(line.replace("\f", ""))
    if page:
        pages.append(page)
    return pages


def _same_header(line: str, header_line: str) -> bool:
    return line.split() == header_line.split()


def _drop_header_tail(page: list[str]) -> list[str]:
    """The header cells' lines above a repeated 'TT …' line."""
    while page and page[-1].strip() and all(len(c.text.split()) <= MAX_HEADER_WORDS for c in chunks(page[-1])) \
            and chunks(page[-1])[0].start > 4:
        page = page[:-1]
    return page


def body_rows(body: list[str], columns: list[Column], header_line: str) -> list[list[str]]:
    rows: list[list[str]] = []
    for page in _pages(body, header_line):
        rows += page_rows(page, columns, rows)
    return [r for r in rows if any(r[1:])]


def _content_start(page: list[str]) -> int | None:
    """Where the content column's lines start: the commonest left edge after the numbers."""
    firsts = []
    for line in page:
        parts = chunks(line)
        if not parts:
            continue
        token = parts[0].text.split()[0]
        if not _ROW_NUMBER.match(token):
            firsts.append(parts[0].start)
        elif (rest := parts[0].text[len(token):].lstrip()) or len(parts) > 1:
            firsts.append(parts[0].end - len(rest) if rest else parts[1].start)
    counts = Counter(firsts)
    return min(counts, key=lambda s: (-counts[s], s)) if counts else None


def page_rows(page: list[str], columns: list[Column], before: list[list[str]]) -> list[list[str]]:
    """Rows of one page: [number, content, other columns in header order]."""
    content_at = _content_start(page)
    if content_at is None:
        return []
    numbers: dict[int, str] = {}
    content: dict[int, str] = {}
    others: list[tuple[int, Chunk]] = []
    lines = [chunks(l) for l in page]
    ends = [p[0].end for p in lines if p and p[0].start <= content_at + 2]
    right = sorted(ends)[int(0.75 * (len(ends) - 1))] if ends else None
    for i, parts in enumerate(lines):
        if not parts:
            continue
        number, parts = _split_number(parts, content_at)
        if number is not None:
            numbers[i] = number
        if parts and parts[0].start <= content_at + 3:
            group_title = number is not None and _GROUP_NUMBER.match(number)
            text, spill = (parts[0].text, None) if group_title else _cut_overrun(parts[0], right)
            content[i] = text
            parts = ([spill] if spill else []) + parts[1:]
        for p in parts:
            others += [(i, piece) for piece in _cut_time_tail(p)]
    if not numbers:
        return _continue_last(before, content, others, columns)
    return _assemble(numbers, content, others, columns, before)


def _split_number(parts: list[Chunk], content_at: int) -> tuple[str | None, list[Chunk]]:
    """The row number at a line's left edge, and the line's runs of text without it."""
    first = parts[0]
    token = first.text.split()[0]
    if first.start >= content_at or not _ROW_NUMBER.match(token):
        return None, parts
    rest = first.text[len(token):].lstrip()
    return token, ([Chunk(first.end - len(rest), first.end, rest)] if rest else []) + parts[1:]


def _cut_overrun(c: Chunk, right: int | None) -> tuple[str, Chunk | None]:
    """A content line joined to the next column's cell by one space: cut where that cell
    begins, a body's name or a time in capitals, past the column's usual right edge."""
    if right is None or c.end <= right + OVERRUN:
        return c.text, None
    from ..lexicon import starts_with_agency
    from ..lexicon import looks_like_time_cell
    spaces = [m for m in re.finditer(r" (?=\S)", c.text) if c.start + m.end() >= right - 15]
    for opens_cell in (lambda t: t[:1].isupper() and starts_with_agency(t), looks_like_time_cell):
        for m in spaces:
            if opens_cell(c.text[m.end():]):
                return c.text[:m.start()], Chunk(c.start + m.end(), c.end, c.text[m.end():])
    return c.text, None


def _cut_time_tail(c: Chunk) -> list[Chunk]:
    """'Tỉnh ủy viên, Phó Chủ 2026 - 2030': a time joined to the cell before it."""
    m = _TIME_TAIL.search(c.text)
    if not m or m.start() == 0 or c.text[m.start() - 1] != " ":
        return [c]
    head = c.text[:m.start() - 1]
    return [Chunk(c.start, c.start + len(head), head), Chunk(c.start + m.start(), c.end, m.group())]


def _groups(others: list[tuple[int, Chunk]], n: int) -> list[list[tuple[int, Chunk]]]:
    """Cells grouped by their centres, left to right: split at the widest gaps between
    neighbouring centres, at most n groups, never at a gap of CLUSTER_GAP or less."""
    ordered = sorted(others, key=lambda ic: ic[1].centre)
    gaps = sorted(((ordered[k + 1][1].centre - ordered[k][1].centre, k) for k in range(len(ordered) - 1)),
                  reverse=True)
    cuts = sorted(k for gap, k in gaps[:max(0, n - 1)] if gap > CLUSTER_GAP)
    groups, begin = [], 0
    for k in cuts:
        groups.append(ordered[begin:k + 1])
        begin = k + 1
    return groups + [ordered[begin:]] if ordered else []


def _column_of_groups(groups: list[list[tuple[int, Chunk]]], columns: list[Column]) -> list[int]:
    """Header column (index into columns) of each group: in order when the counts agree,
    else by the nearest header centre on the same scale."""
    targets = list(range(2, len(columns)))
    if len(groups) == len(targets):
        return targets
    left, right = columns[1].start, columns[-1].end
    lo = min(c.start for g in groups for _, c in g)
    hi = max(c.end for g in groups for _, c in g)
    out, used = [], -1
    for g in groups:
        centre = median(c.centre for _, c in g)
        scaled = left + (centre - lo) / max(1, hi - lo) * (right - left) if len(groups) > 1 else centre
        best = min((t for t in targets if t > used), key=lambda t: abs(columns[t].centre - scaled), default=targets[-1])
        out.append(best)
        used = best
    return out


def _assemble(numbers: dict[int, str], content: dict[int, str], others: list[tuple[int, Chunk]],
              columns: list[Column], before: list[list[str]]) -> list[list[str]]:
    anchors = sorted(numbers)
    starts = row_starts(anchors, content)
    parts: list[list[list[str]]] = [[[numbers[a]]] + [[] for _ in columns[1:]] for a in anchors]
    carried = []
    for i in sorted(content):
        if i < starts[0] and before:  # the end of the last row of the page before
            carried.append(content[i])
            continue
        parts[max(0, bisect_right(starts, i) - 1)][1].append(content[i])
    if carried:
        before[-1][1] = " ".join([before[-1][1]] + carried).strip()
    rows = parts
    by_row: dict[int, list[tuple[int, Chunk]]] = {}
    row_of = {a: k for k, a in enumerate(anchors)}
    # a group row's title spans the row: only what stands on its own line is its own
    rows_only = [a for a in anchors if not _GROUP_NUMBER.match(numbers[a])] or anchors
    starts_only = [starts[row_of[a]] for a in rows_only]
    for col, group in _placed(others, columns):
        lines = {i for i, _ in group}
        for i, c in group:
            r = row_of[i] if i in numbers else row_of[rows_only[_nearest_row(i, rows_only, starts_only, lines)]]
            by_row.setdefault(r, []).append((i, c))
    n = len(columns) - 2
    row_groups = {r: _groups(cells, n) for r, cells in by_row.items()}
    full = [[_span(g) for g in gs] for gs in row_groups.values() if len(gs) == n]
    spans = [(median(a for a, _ in col), median(b for _, b in col)) for col in zip(*full)] if full else None
    for r, groups in row_groups.items():
        for g, col in zip(groups, _columns_by_spans(groups, spans, columns)):
            rows[r][col] += [c.text for _, c in sorted(g, key=lambda ic: ic[0])]
    return [[" ".join(cell) for cell in row] for row in rows]


def _span(group: list[tuple[int, Chunk]]) -> tuple[int, int]:
    return min(c.start for _, c in group), max(c.end for _, c in group)


def _columns_by_spans(groups: list[list[tuple[int, Chunk]]], spans: list[tuple[float, float]] | None,
                      columns: list[Column]) -> list[int]:
    """A row's cell groups → header columns: in order when the row fills every column, else
    the column of this page's complete rows that the group overlaps most (cells may be
    left-aligned or centred), the nearest by centre when it overlaps none."""
    n = len(columns) - 2
    if len(groups) == n or spans is None:
        return _column_of_groups(groups, columns)
    out, used = [], -1
    for g in groups:
        lo, hi = _span(g)
        centre = (lo + hi) / 2

        def fit(k: int) -> tuple[float, float]:
            overlap = min(hi, spans[k][1]) - max(lo, spans[k][0])
            return -max(0.0, overlap), abs((spans[k][0] + spans[k][1]) / 2 - centre)
        best = min((k for k in range(n) if k > used), key=fit, default=n - 1)
        out.append(best + 2)
        used = best
    return out


def row_starts(anchors: list[int], content: dict[int, str]) -> list[int]:
    """The first line of each row. A row opens with a capital letter at or above its number,
    and its number sits in its middle: of the capitalised lines between two numbers, the
    one that leaves the row above as many content lines below its number as above it."""
    lines = sorted(content)
    count = lambda lo, hi: bisect_left(lines, hi) - bisect_left(lines, lo)  # content lines in [lo, hi)
    starts: list[int] = []
    for k, a in enumerate(anchors):
        previous = anchors[k - 1] if k else -1
        between = lines[bisect_right(lines, previous):bisect_right(lines, a)]
        opening = [i for i in between if content[i][:1].isupper()]
        if not opening:
            starts.append(a if a in content else previous + 1)
        elif k == 0:
            starts.append(opening[0])
        else:
            above = count(starts[-1], previous)
            starts.append(min(opening, key=lambda c: (abs(count(previous + 1, c) - above), -c)))
    return starts


def _placed(others: list[tuple[int, Chunk]], columns: list[Column]) -> list[tuple[int, list[tuple[int, Chunk]]]]:
    """The other columns' cells as (header column, cells), after cutting runs of text that
    one space joins across two columns (where the right-hand column's cells begin)."""
    if not others:
        return []
    groups = _groups(others, len(columns) - 2)
    lefts = sorted(median(c.start for _, c in g) for g in groups)
    cut = []
    for i, c in others:
        cut += [(i, piece) for piece in _cut_at_starts(c, [l for l in lefts if l > c.start + 1])]
    if len(cut) > len(others):
        groups = _groups(cut, len(columns) - 2)
    return list(zip(_column_of_groups(groups, columns), groups))


def _nearest_row(line: int, anchors: list[int], starts: list[int], lines: set[int]) -> int:
    """The row whose number is nearest; halfway between two numbers, the row whose cell
    has a line on the other side of its number, as a centred cell does."""
    lower = bisect_left(anchors, line)
    if lower == 0 or lower == len(anchors):
        return min(lower, len(anchors) - 1)
    upper = lower - 1
    up, down = line - anchors[upper], anchors[lower] - line
    if up != down:
        return upper if up < down else lower
    mirror_up = anchors[upper] - up in lines and _only_nearest(anchors[upper] - up, anchors) == upper
    mirror_down = anchors[lower] + down in lines and _only_nearest(anchors[lower] + down, anchors) == lower
    if mirror_down and not mirror_up:
        return lower
    if mirror_up and not mirror_down:
        return upper
    return lower if starts[lower] <= line else upper


def _only_nearest(line: int, anchors: list[int]) -> int | None:
    k = bisect_left(anchors, line)
    near = [j for j in (k - 1, k) if 0 <= j < len(anchors)]
    distances = [abs(line - anchors[j]) for j in near]
    best = min(distances)
    return near[distances.index(best)] if distances.count(best) == 1 else None


def _continue_last(before: list[list[str]], content: dict[int, str], others: list[tuple[int, Chunk]],
                   columns: list[Column]) -> list[list[str]]:
    """A page with no row number: the rest of the last row, cut by the page break."""
    if not before:
        return []
    row = before[-1]
    row[1] = " ".join([row[1]] + [content[i] for i in sorted(content)]).strip()
    for col, group in _placed(others, columns):
        row[col] = " ".join([row[col]] + [c.text for _, c in sorted(group, key=lambda ic: ic[0])]).strip()
    return []
