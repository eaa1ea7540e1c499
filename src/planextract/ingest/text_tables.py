"""Tables written as text, in every form plans arrive in, → table pieces (cells with spans).

- **Bar streams** (legal portals converted to text): every cell on its own line(s), a line
  holding only `|` between cells; two `|` lines in a row end one row and open the next, and
  an empty cell is also two `|` lines in a row. Which is which is decided for the whole
  table at once (`bar_rows`): the partition into rows that makes the most rows full length.
- **Pipe rows**: `| a | b |`, `a | b |` or `a | b` lines, Markdown tables with their
  `|---|---|` rule.
- **Tab-separated rows** are read by `text.tsv_table`.
- **Grid tables** ("+----+----+" borders, pandoc, tabulate, psql): cells are the rectangles
  the borders close, with their spans (`grid_piece`).

Header rows shorter than the table (merged header cells: "Cơ quan thực hiện" over "Chủ
trì | Phối hợp", "Năm hiện hành 2025" over "Kế hoạch | Ước thực hiện") are rebuilt as cells
with column and row spans (`header_cells`); a row of column numbers ("1 2 3 …", "A B 1 2 …")
under the header is dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from ..document import Cell
from ..normalize import normalize_key, normalize_line
from .assemble import Piece

BAR = "|"
_MARKDOWN = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)")
_RULE_LINE = re.compile(r"^\s*[-_=*.·…]{3,}\s*$")
_MD_RULE_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*[.)]?|[IVXLC]{1,6}[.)]?|[A-ZĐ][.)]?|[a-zđ][.)]?|[-+*•])$")
_COLUMN_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[A-Z])\)?(?:\s*=\s*[\d()+\-*/x.\s]+)?$")  # "4", "(B)", "4=3/2"
NUMBERED_ROW = 0.5


@dataclass
class Slot:
    """What stands between two bars: a cell's lines (empty for an empty cell)."""
    lines: list[str]

    @property
    def empty(self) -> bool:
        return not any(clean_cell_line(l) for l in self.lines)


def clean_cell_line(line: str) -> str:
    """A line of a cell without Markdown emphasis and rule lines."""
    if _RULE_LINE.match(line):
        return ""
    return _MARKDOWN.sub("", line).strip()


def is_markdown_rule(line: str) -> bool:
    """'|---|:---:|' under a Markdown table's header."""
    return bool(_MD_RULE_ROW.match(line.strip())) and "|" in line


def is_bar(line: str) -> bool:
    return line.strip() == BAR


MAX_EDGE_CELL_LINES = 6


def bar_slots(lines: list[str]) -> tuple[list[str], list[Slot], list[str]]:
    """(lines before the first bar, slots between bars, lines after the last bar). A few
    short lines before the first bar or after the last are the first and last cells of a
    stream written without its outer bars ("STT\n|\nNội dung\n|\n…\n|\nQuý I/2026")."""
    bars = [i for i, line in enumerate(lines) if is_bar(line)]
    if not bars:
        return lines, [], []
    head, tail = lines[:bars[0]], lines[bars[-1] + 1:]
    slots = [Slot(lines[a + 1:b]) for a, b in zip(bars, bars[1:])]
    cell_from = _edge_cell_start(head)
    if slots and _opens_with_header(slots[0]):
        cell_from = len(head)  # "|\nSTT\n|\n…": the stream opens with its bar; the lines before are its caption
    if len(head) - cell_from <= MAX_EDGE_CELL_LINES and cell_from < len(head):
        slots.insert(0, Slot(head[cell_from:]))
        head = head[:cell_from]
    cell_to = next((k for k, line in enumerate(tail) if k and (is_title_line(line) or _is_bold_line(line))), len(tail))
    if tail and cell_to <= MAX_EDGE_CELL_LINES and slots:
        slots.append(Slot(tail[:cell_to]))
        tail = tail[cell_to:]
    return head, slots, tail


def _opens_with_header(slot: Slot) -> bool:
    from .vocabulary import TABLE_FIRST_HEADERS
    lines = [clean_cell_line(l) for l in slot.lines if clean_cell_line(l)]
    return bool(lines) and lines[0] in TABLE_FIRST_HEADERS


_TITLE_LINE = re.compile(r"^\((?:[Bb]an hành )?[Kk]èm theo.*\)$|^(?:PHỤ LỤC|Phụ lục|BIỂU|Biểu)\b|^[IVX]{1,5}\.\s|:$")
_SENTENCE_END = re.compile(r"[.;]$")
_RECIPIENTS = re.compile(r"^(?:\*\*)?Nơi nhận")


def is_title_line(line: str) -> bool:
    """A heading or title that stands outside a table: "PHỤ LỤC …", "II. NHIỆM VỤ", a bold
    title of several words, "(Kèm theo …)", a line ending in ':'."""
    text = clean_cell_line(line)
    bold = line.strip().startswith("**") and line.strip().endswith("**") and len(text.split()) >= 3
    return bool(text) and (bool(_TITLE_LINE.search(text)) or bold)


def _is_bold_line(line: str) -> bool:
    line = line.strip()
    return len(line) > 4 and line.startswith("**") and line.endswith("**") and "**" not in line[2:-2]


def _edge_cell_start(head: list[str]) -> int:
    """Where the first cell begins in the lines before a bar: at 'Nơi nhận', or after the
    last title line or finished sentence (a cell does not end in '.' or ';')."""
    for i in range(len(head) - 1, -1, -1):
        text = clean_cell_line(head[i])
        if _RECIPIENTS.match(head[i].strip()):
            return i
        if is_title_line(head[i]) or (_SENTENCE_END.search(text) and not _ROW_NUMBER.match(text)):
            return i + 1
    return 0


def split_streams(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """A chunk holding bars → runs of (is_stream, lines). A page pasted without blank lines
    keeps its prose between two bars (the layout table above, the plan's table below); a
    slot that holds a title line is such prose: its first lines close the stream before,
    its last lines open the next."""
    out: list[tuple[bool, list[str]]] = []
    start = 0
    bars = [i for i, line in enumerate(lines) if is_bar(line)]
    for a, b in zip(bars, bars[1:]):
        slot = lines[a + 1:b]
        titles = [k for k, line in enumerate(slot) if k and (is_title_line(line) or _is_bold_line(line))]
        if not titles or len(slot) <= MAX_EDGE_CELL_LINES:
            continue
        cell_end = titles[0]
        cell_start = titles[-1] + 1 + _edge_cell_start(slot[titles[-1] + 1:])
        out.append((True, lines[start:a + 1 + cell_end]))
        out.append((False, slot[cell_end:cell_start]))
        start = a + 1 + cell_start
    tail_at = bars[-1] + 1 if bars else len(lines)
    tail = lines[tail_at:]
    titles = [k for k, line in enumerate(tail) if k and (is_title_line(line) or _is_bold_line(line))]
    if start < tail_at and len(tail) > MAX_EDGE_CELL_LINES and titles:
        out.append((True, lines[start:tail_at + titles[0]]))  # the last cell, then the page's prose
        out.append((False, tail[titles[0]:]))
    else:
        out.append((True, lines[start:]))
    return [(kind, run) for kind, run in out if run]


def bar_rows(slots: list[Slot]) -> list[list[Slot]]:
    """Rows of a double-bar stream. A row is a run of slots followed by one empty slot (the
    gap between the bar closing a row and the bar opening the next); the last row ends the
    stream. For each candidate width, dynamic programming finds the partition with the most
    rows of exactly that width (header rows with merged cells may be shorter); the width
    with the most full rows wins, the narrower on a tie."""
    if not slots:
        return []
    best_rows, best_key = [slots], (0, 0)
    for width in range(2, min(len(slots), 40) + 1):
        rows, full = _partition(slots, width)
        if rows is not None and (full, -width) > best_key:
            best_rows, best_key = rows, (full, -width)
    return best_rows


def _partition(slots: list[Slot], width: int) -> tuple[list[list[Slot]] | None, int]:
    n = len(slots)
    # a sub-row's label ('- Khu vực nông thôn') in a table with a number column: read once per slot
    labels = [bool(_ITEM_LABEL.match(slot_text(s))) for s in slots] \
        if slots and _NUMBER_HEADER.match(slot_text(slots[0])) else None
    none = (-1, -1, 0.0)
    best: list[tuple[int, int, float]] = [none] * (n + 1)
    back: list[int] = [-1] * (n + 1)
    best[0] = (0, 0, 0.0)
    for i in range(n):
        if best[i] == none:
            continue
        for length in range(1, width + 1):
            end = i + length
            if end > n:
                break
            if end - 1 > i and _opens_group_row(slots, end - 1):
                break  # a row does not run on past the number of a group row ('| | **II** |')
            if end < n and not slots[end].empty:
                continue  # the slot after a row must be the gap between two bars
            first = " ".join(clean_cell_line(l) for l in slots[i].lines)
            pushed, full, numbered = best[i]
            key = (pushed - _label_out_of_place(slots, labels, i, end), full + (length == width),
                   numbered + (NUMBERED_ROW if _ROW_NUMBER.match(first) else 0))
            nxt = n if end == n else end + 1
            if key > best[nxt]:
                best[nxt], back[nxt] = key, i
    if best[n] == none:
        return None, 0
    rows, j = [], n
    while j > 0:
        i = back[j]
        rows.append(slots[i:j if j == n else j - 1])
        j = i
    return rows[::-1], best[n][1]


_ITEM_LABEL = re.compile(r"^(?:[-+•*–]\s|[a-zđ]\)\s)")
_NUMBER_HEADER = re.compile(r"^(?:STT|Stt|TT|Số TT|Số thứ tự)$")


def _label_out_of_place(slots: list[Slot], labels: list[bool] | None, start: int, end: int) -> int:
    """1 when a row of a table with a number column (`labels` given) would hold a sub-row's label
    ('- Khu vực nông thôn') elsewhere than in the column after the number: the empty cells that
    end the row above ('| Trong đó: | | … |') were taken for its own (the label pushed right), or
    its empty number cell for the row above's (pushed left)."""
    if labels is None:
        return 0
    for k in range(start, min(end, start + 3)):
        if not slots[k].empty:
            return 1 if labels[k] and k - start != 1 else 0
    return 0
    for k in range(start, min(end, start + 3)):
        if not slots[k].empty:
            return 1 if _ITEM_LABEL.match(slot_text(slots[k])) and k - start != 1 else 0
    return 0


_GROUP_NUMBER = re.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])[.)]?$")


def _opens_group_row(slots: list[Slot], k: int) -> bool:
    """Is slot k, after an empty slot, the number of a group row — a Roman numeral or a capital
    letter ('I', 'B.'), which no cell of values holds — so that the empty slot before it is the
    gap between two rows, not an empty cell? (A bold '0' after an empty cell is a value.)"""
    if k < 1 or not slots[k - 1].empty or slots[k].empty:
        return False
    return bool(_GROUP_NUMBER.match(" ".join(clean_cell_line(l) for l in slots[k].lines).strip()))


def slot_text(slot: Slot) -> str:
    return normalize_line(" ".join(t for t in (clean_cell_line(l) for l in slot.lines) if t))


def slot_bold(slot: Slot) -> bool:
    return any(l.strip().startswith(("**", "__")) for l in slot.lines if l.strip())


_LINE_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.I)  # a line break inside a Markdown cell: one item per line


def pipe_row(line: str, borders: tuple[bool, bool] | None = None) -> list[str] | None:
    """The cells of one pipe row ("| a | b |", "a | b |", "a | b"), or None. `borders` says
    whether the table's rows open and close with a bar; a row of a table without them that
    opens with one has an empty first cell (" | - Dịch vụ | % | 29,4": a sub-row)."""
    stripped = line.strip()
    if BAR not in stripped or is_bar(stripped) or _MD_RULE_ROW.match(stripped):
        return None
    parts = _parts(stripped, borders)
    cells = [_LINE_BREAK.sub("; ", clean_cell_line(p)).strip("; ") for p in parts]
    if len(cells) < 2 and not (stripped.startswith(BAR) or stripped.endswith(BAR)):
        return None
    return cells


def _parts(stripped: str, borders: tuple[bool, bool] | None) -> list[str]:
    left, right = borders if borders is not None else (True, True)
    parts = stripped.split(BAR)
    if stripped.startswith(BAR) and left:
        parts = parts[1:]
    if stripped.endswith(BAR) and right and parts:
        parts = parts[:-1]
    return parts


def table_borders(lines: list[str]) -> tuple[bool, bool]:
    """Do most rows of a run of pipe lines open (close) with a bar — the table's border?"""
    rows = [line.strip() for line in lines if BAR in line and not _MD_RULE_ROW.match(line.strip())]
    return (2 * sum(r.startswith(BAR) for r in rows) > len(rows), 2 * sum(r.endswith(BAR) for r in rows) > len(rows))


def pipe_row_bold(line: str, borders: tuple[bool, bool] | None = None) -> list[bool]:
    """Which cells of a pipe row are wholly in bold ('| | **Lĩnh vực y tế** | |')."""
    return [bool(re.fullmatch(r"\s*(\*\*|__)\S.*\1\s*", part)) for part in _parts(line.strip(), borders)]


def pipe_rows(lines: list[str]) -> list[list[str]]:
    """Rows of a run of pipe lines; a Markdown rule row is skipped."""
    rows = []
    borders = table_borders(lines)
    for line in lines:
        if _MD_RULE_ROW.match(line.strip()):
            continue
        cells = pipe_row(line, borders)
        if cells is not None:
            rows.append(cells)
    return rows


# ---------------------------------------------------------------- rows → cells with spans

def is_column_number_row(texts: list[str]) -> bool:
    """'1 | 2 | 3 | …' or 'A | B | 1 | 2 …' under a header: column numbers, not data."""
    filled = [t for t in texts if t]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.match(t) for t in filled) and \
        len(set(filled)) == len(filled)


def header_row_count(rows: list[list[tuple[str, bool]]], width: int) -> int:
    """How many rows the header has: the rows above the first row of data (a full row that
    starts with a row number) or above the column-number row; one when neither is found."""
    for i, row in enumerate(rows):
        texts = [t for t, _ in row]
        if is_column_number_row(texts):
            return max(i, 1)
        if i and (len(row) == width or len(row) == 2 < width) and _ROW_NUMBER.match(texts[0] or "-"):
            return i  # a full row, or a group row ('A | NHIỆM VỤ …'), that starts with its number
    return 1


def table_piece(rows: list[list[tuple[str, bool]]]) -> Piece:
    """Rows of (text, bold) cells → a table piece: a two-row header with dropped merged
    cells is rebuilt with spans, a column-number row is dropped, a body row of two cells
    that starts with a row number is a group row (its title spans the rest), other short
    rows are padded on the right."""
    width = max(len(r) for r in rows)
    n_header = header_row_count(rows, width)
    header = rows[:n_header]
    if n_header == 2 and len(header[1]) < width and len(header[0]) < width:
        cells = two_row_header(header[0], header[1], width)
    else:
        cells = [Cell(r, c, t, bold=b) for r, row in enumerate(header)
                 for c, (t, b) in enumerate(row + [("", False)] * (width - len(row)))]
    r_out = n_header
    numbered = _numbered_first_column(rows[n_header:], width)
    roles = _column_roles(cells, width)
    above: dict[int, Cell] = {}  # the cell that covers each column in the row above
    for row in rows[n_header:]:
        texts = [t for t, _ in row]
        if is_column_number_row(texts):
            continue
        written, row = len(row), _merged_to_the_end(row)
        texts = [t for t, _ in row]
        if len(row) == 2 and width > 2 and _ROW_NUMBER.match(texts[0] or "?"):
            placed = [Cell(r_out, 0, texts[0], bold=row[0][1]),
                      Cell(r_out, 1, texts[1], col_span=width - 1, bold=row[1][1])]
        elif numbered and _continues_row_above(texts, width, above, r_out):
            placed = [Cell(r_out, c, t, bold=b) for c, (t, b) in enumerate(row, start=1)]
            for c in range(len(row) + 1, width):
                above[c].row_span += 1  # a merged cell of the row above goes on down
        elif numbered and (merged := _merged_from_above(texts, roles, width, above, r_out)) is not None:
            own = [c for c in range(width) if c not in merged]
            placed = [Cell(r_out, c, t, bold=b) for c, (t, b) in zip(own, row)]
            for c in merged:
                above[c].row_span += 1  # 'Sở Y tế' merged down over the tasks it leads
        elif len(row) < written:
            placed = [Cell(r_out, c, t, bold=b) for c, (t, b) in enumerate(row)]
            placed[-1].col_span = width - len(row) + 1  # the merged cell, once
        else:
            padded = row + [("", False)] * (width - len(row))
            placed = [Cell(r_out, c, t, bold=b) for c, (t, b) in enumerate(padded)]
        cells += placed
        above = {c: cell for c, cell in above.items() if cell.row + cell.row_span > r_out}
        above |= {c: cell for cell in placed for c in range(cell.col, cell.col + cell.col_span)}
        r_out += 1
    return Piece(cells=cells)


def _merged_to_the_end(row: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A cell merged across the rest of the row that the conversion wrote once per column (as
    python-docx and some HTML converters do): 'I | Hạ tầng số | Hạ tầng số | Hạ tầng số' is
    the group row 'I | Hạ tầng số'. Only words count: equal numbers side by side are data."""
    last = row[-1][0]
    if len(row) < 3 or not re.search(r"[^\W\d_]{2}", last) or _COLUMN_NUMBER.match(last):
        return row
    start = len(row) - 1
    while start > 0 and row[start - 1][0] == last:
        start -= 1
    return row[:start + 1] if len(row) - start >= 2 and start >= 1 else row


def _column_roles(header: list[Cell], width: int) -> list[str | None]:
    """Each column's role from its lowest header cell that names one ('Chủ trì' → lead)."""
    from ..lexicon import header_role_exact
    roles: list[str | None] = [None] * width
    for cell in sorted(header, key=lambda c: -c.row):
        for c in range(cell.col, min(cell.col + cell.col_span, width)):
            roles[c] = roles[c] or header_role_exact(cell.text)
    return roles


_AGENCY_ROLES = ("lead", "partners", "agency")
MAX_MERGED_FROM_ABOVE, MAX_ALIGNED_WIDTH = 3, 10  # task tables; wide tables of values are not realigned


def _fits(text: str, role: str | None) -> int:
    """How well a cell's words fit a column's role: +1 an agency under an agency header or a
    time under a time header, -1 the one under the other's; 0 otherwise."""
    from ..lexicon import looks_like_time_cell, starts_with_agency
    if not text or role is None:
        return 0
    agency, time = starts_with_agency(text), looks_like_time_cell(text) and not starts_with_agency(text)
    if role in _AGENCY_ROLES:
        return 1 if agency else -1 if time else 0
    if role == "time":
        return 1 if time else -1 if agency else 0
    if role == "task":
        return -1 if agency or time else 0
    return 0


def _merged_from_above(texts: list[str], roles: list[str | None], width: int, above: dict[int, Cell],
                       r_out: int) -> list[int] | None:
    """A numbered row with fewer cells than the table whose cells fit the columns better when
    some middle ones come from the row above (a lead or a time merged down over several
    rows, its spans dropped: '2 | Tập huấn … | Sở Tài chính | Quý II/2026' under '1 | … | Sở Y
    tế | Sở Nội vụ | Quý I/2026'): the columns it takes from above, or None to pad the right."""
    missing = width - len(texts)
    if not 1 <= missing <= MAX_MERGED_FROM_ABOVE or width > MAX_ALIGNED_WIDTH or len(texts) < 3 \
            or not _ROW_NUMBER.match(texts[0] or "?") or not any(roles):
        return None  # (bounded: at most C(9, 3) = 84 ways to place a row)
    if not all(c in above and above[c].col_span == 1 and above[c].row + above[c].row_span == r_out
               for c in range(width)):
        return None

    def score(merged: tuple[int, ...]) -> int:
        own = [c for c in range(width) if c not in merged]
        return sum(_fits(t, roles[c]) for c, t in zip(own, texts)) + sum(_fits(above[c].text, roles[c]) for c in merged)

    default = tuple(range(len(texts), width))  # the right end is missing: padded
    best = max(combinations(range(1, width), missing), key=lambda m: (score(m), m == default))
    return list(best) if best != default and score(best) > score(default) else None


def _numbered_first_column(body: list[list[tuple[str, bool]]], width: int) -> bool:
    """Do the table's full rows start with a row number ('1', 'II', 'a)')?"""
    full = [row for row in body if len(row) == width]
    return len(full) >= 2 and sum(bool(_ROW_NUMBER.match(row[0][0] or "?")) for row in full) >= 0.8 * len(full)


def _continues_row_above(texts: list[str], width: int, above: dict[int, Cell], r_out: int) -> bool:
    """A row of a numbered table that is short and opens with words, not a number, is a
    sub-row whose number (and last cells) the conversion dropped because they were merged with
    the row above's (HTML row spans): 'Thực hiện sao lưu dữ liệu | Sở Khoa học và Công nghệ |
    Sở Tài chính' under '2 | Quản lý, vận hành … | Sở Tài chính | Các sở, ngành | Quý IV/2026'."""
    if not 2 <= len(texts) < width or not texts[0] or _ROW_NUMBER.match(texts[0]):
        return False
    trailing = [above.get(c) for c in range(len(texts) + 1, width)]
    return all(cell is not None and cell.col_span == 1 and cell.row + cell.row_span == r_out for cell in trailing) \
        and all(c in above and above[c].col_span == 1 for c in range(width))


def two_row_header(upper: list[tuple[str, bool]], lower: list[tuple[str, bool]], width: int) -> list[Cell]:
    """A header of two rows whose merged cells the conversion dropped → cells with spans.

    Every cell of the upper row either spans both rows (a column with one header) or is a
    group over cells of the lower row. With k cells above, m below and w columns,
    k + m − w of the upper cells are groups: those whose words say what the cells below
    are (an agency group over "Chủ trì | Phối hợp", a period over "Kế hoạch | Ước thực
    hiện"), else the ones that are not single-column words (STT, Nội dung …), leftmost
    first. The lower cells are shared out among the groups in order."""
    n_groups = len(upper) + len(lower) - width
    if n_groups <= 0 or n_groups > len(upper):
        return [Cell(r, c, t, bold=b) for r, row in enumerate((upper, lower))
                for c, (t, b) in enumerate(row + [("", False)] * (width - len(row)))]
    groups = choose_groups([t for t, _ in upper], [t for t, _ in lower], n_groups)
    shares = _shares(len(lower), n_groups, [t for t, _ in upper], sorted(groups), [t for t, _ in lower])
    cells, col, below = [], 0, iter(lower)
    for i, (text, bold) in enumerate(upper):
        if i in groups:
            span = shares.pop(0)
            cells.append(Cell(0, col, text, col_span=span, bold=bold))
            for k in range(span):
                sub_text, sub_bold = next(below)
                cells.append(Cell(1, col + k, sub_text, bold=sub_bold))
            col += span
        else:
            cells.append(Cell(0, col, text, row_span=2, bold=bold))
            col += 1
    return cells


def choose_groups(upper: list[str], lower: list[str], n_groups: int) -> set[int]:
    from ..lexicon import header_kind, single_column_header
    lower_kinds = {header_kind(t) for t in lower} - {None}
    candidates = [i for i, t in enumerate(upper) if not single_column_header(t)]
    years_up = [len(set(_YEAR.findall(t))) for t in upper]
    by_years: list[int] = []
    if lower and all(_YEAR.search(t) for t in lower):
        # years under a period: 'GIAI ĐOẠN 2026 - 2030' over 'Năm 2026 | … | Năm 2030'; a cell
        # of one year beside it ('ƯTH Năm 2025') is a column of its own
        by_years = [i for i in candidates if years_up[i] >= 2]
        candidates = [i for i in candidates if years_up[i] != 1]
    elif not any(_YEAR.search(t) for t in lower):
        # measures under each year: 'Kế hoạch 2026' over 'Lượng (Tấn) | Giá trị (Nghìn USD)'
        by_years = [i for i in candidates if years_up[i] == 1]
    fitting = [i for i in candidates if header_kind(upper[i]) in lower_kinds and i not in by_years]
    ordered = by_years + fitting + [i for i in candidates if i not in fitting + by_years]
    ordered += [i for i in range(len(upper) - 1, -1, -1) if i not in ordered]
    return set(ordered[:n_groups])


def _shares(n_lower: int, n_groups: int, upper: list[str], groups: list[int], lower: list[str]) -> list[int]:
    """How many lower cells each group covers: evenly, unless years say otherwise (the cells
    "Năm 2026 | Năm 2027 | Năm 2028" belong together, under a group without its own year)."""
    years = [bool(_YEAR.search(t)) for t in lower]
    if n_groups == 2 and any(years) and not all(years):
        # the run of year cells at one end goes to the group that does not name a year
        first_year = years.index(True)
        if all(years[first_year:]):
            return [first_year, n_lower - first_year] if first_year else _even(n_lower, n_groups)
    return _even(n_lower, n_groups)


def _even(n_items: int, n_groups: int) -> list[int]:
    base, extra = divmod(n_items, n_groups)
    return [base + (1 if i < extra else 0) for i in range(n_groups)]


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


# ---------------------------------------------------------------- grid tables

_GRID_BORDER = re.compile(r"^\s*\+[-=+:]*[-=][-=+:]*\+\s*$")  # "+-----+----+", "+=====+"


def is_grid_border(line: str) -> bool:
    return bool(_GRID_BORDER.match(line))


def grid_lines(lines: list[str], start: int) -> int:
    """The line after a grid table that starts at `start` (a border line): its lines open
    with "+" or "|"."""
    end = start
    while end < len(lines) and lines[end].strip()[:1] in ("+", "|"):
        end += 1
    return end


def grid_piece(lines: list[str]) -> Piece | None:
    """A grid table (pandoc, tabulate, psql: "+----+----+" borders, "|" between cells, a
    cell's text wrapped over lines inside it) → a table piece. Cells are the rectangles the
    borders close, so a cell over two columns or rows keeps its spans."""
    width = max(len(l) for l in lines)
    grid = [l.rstrip().ljust(width) for l in lines]
    boxes = [box for r, line in enumerate(grid) for c, ch in enumerate(line) if ch == "+"
             for box in [_box_from(grid, r, c)] if box is not None]
    if not boxes:
        return None
    rows = {r: i for i, r in enumerate(sorted({b[0] for b in boxes} | {b[2] for b in boxes}))}
    cols = {c: i for i, c in enumerate(sorted({b[1] for b in boxes} | {b[3] for b in boxes}))}
    cells = []
    for top, left, bottom, right in boxes:
        text_lines = [clean_cell_line(grid[r][left + 1:right].strip()) for r in range(top + 1, bottom)]
        text = normalize_line(" ".join(t for t in text_lines if t))
        bold = bool(re.search(r"\*\*|__", " ".join(grid[r][left + 1:right] for r in range(top + 1, bottom))))
        cells.append(Cell(rows[top], cols[left], text, rows[bottom] - rows[top], cols[right] - cols[left], bold=bold))
    return Piece(cells=sorted(cells, key=lambda c: (c.row, c.col)))


def _box_from(grid: list[str], top: int, left: int) -> tuple[int, int, int, int] | None:
    """The cell whose top-left corner is (top, left): right along its top border to a corner
    with a border going down, down that border to a corner with a border going left, and
    both closing borders present."""
    line = grid[top]
    if top + 1 >= len(grid) or grid[top + 1][left] not in "|+":
        return None
    for right in range(left + 1, len(line)):
        ch = line[right]
        if ch not in "-=+:":
            return None
        if ch != "+" or grid[top + 1][right] not in "|+":
            continue
        for bottom in range(top + 1, len(grid)):
            if grid[bottom][right] not in "|+":
                break
            if grid[bottom][right] == "+" and _closes(grid, top, left, bottom, right):
                return top, left, bottom, right
    return None


def _closes(grid: list[str], top: int, left: int, bottom: int, right: int) -> bool:
    return all(grid[bottom][c] in "-=+:" for c in range(left, right + 1)) and \
        all(grid[r][left] in "|+" for r in range(top, bottom + 1))
