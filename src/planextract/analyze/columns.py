"""Columns: what every column of a table holds, from its header rows or its cells.

A column's header is the stack of header cells above it (two-row headers: "Cơ quan thực
hiện" over "Chủ trì", "Năm hiện hành 2025" over "Ước thực hiện"). Its role comes from
the most specific header cell whose words are in `data/table_headers.csv` (exactly,
loosely for typos, or as a phrase inside a longer header), a year in the header makes it a
value column of that year, and a column without a known header is judged by its cells
(row numbers, times, numbers, agency names, long texts). "Cơ quan/Đơn vị thực hiện" is the
lead when the table has no chủ trì column, the partners beside one.

A value column is one whose header says it holds planned values: a year ("Năm 2026"), a
plan ("Kế hoạch", "Dự kiến", "Mục tiêu"); numbers under other headers ("Số lượng", "Đơn
giá", "Thành tiền") are amounts. A table is a target table when it has value columns, or
its content column names indicators ("Chỉ tiêu", "Nội dung mục tiêu") or mostly states
percentages; a task table when it has a content column and an agency or time column.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..document import Block, Cell, Table
from ..lexicon import looks_like_time_cell, read_rows, starts_with_agency, table_headers
from ..normalize import normalize_key
from .quantities import NUMBER, parse_number

if TYPE_CHECKING:
    from . import Analysis

FUZZY = 0.85
CONTENT_SHARE = 0.6
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*[.)]?|[IVXLC]{1,6}[.)]?|[A-ZĐ][.)]?|[a-zđ][.)]?)$")
# A value cell: a direction or a level kept ("Ổn định trên 58%"), a comparator, the number or
# range, "%" or a rate per year ("3,5 - 4%/năm").
_VALUE_CELL = re.compile(rf"^\s*(?:(?:tăng|giảm|đạt|duy trì|ổn định|giữ vững)\s+)?"
                         rf"(?:[≥≤<>]=?|trên|dưới|tối thiểu|ít nhất|khoảng|từ)?\s*(?:{NUMBER})\s*%?"
                         rf"(?:\s*[-–]\s*(?:{NUMBER})\s*%?)?(?:\s*/\s*năm)?\s*(?:trở lên|trở xuống)?\s*$", re.I)
RANK_CELL = re.compile(r"^(?:trong\s+)?top\s*(\d{1,3})$", re.I)
_UNIT_IN_HEADER = re.compile(r"\(\s*(%|[^()]{1,25}?)\s*\)\s*$")
_CURRENT_WORDS = ("ước", "thực hiện", "đánh giá", "hiện hành", "hiện trạng", "lũy kế", "thực trạng",
                  "đã đạt", "kết quả", "so sánh", "so với", "uth", "ưth", "tăng giảm", "tốc độ so",
                  "đang", "hiện có", "hiện nay")  # 'Số hộ đang sinh sống trong vùng nguy cơ' is the present
VALUE_ROLES = ("value",)
AGENCY_ROLES = ("lead", "partners", "agency")


@dataclass
class Column:
    index: int
    header: list[str] = field(default_factory=list)  # header cells above it, top first
    role: str | None = None
    year: int | None = None
    current: bool = False  # a value of the present or past: an estimate, a result
    unit: str | None = None  # a unit its header states ("Tỷ lệ (%)")
    period: tuple[int, int] | None = None  # "Giai đoạn 2026-2030": values due at its end
    measure: str | None = None  # a value column whose header names what it measures ("Số trạm BTS 5G")
    items: bool = False  # an indicator column of names only (places, units): the measure is said elsewhere


@dataclass
class TableView:
    block: Block
    columns: list[Column]
    header_rows: int
    kind: str | None  # "targets", "tasks" or None (a table of something else)
    unit: str | None = None  # the unit its caption states ("Đơn vị: Triệu đồng")

    @property
    def table(self) -> Table:
        return self.block.table

    def role(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    def all_of(self, role: str) -> list[Column]:
        """Every column of a role ('Bắt đầu | Hoàn thành': two time columns)."""
        return [c for c in self.columns if c.role == role]

    def value_columns(self) -> list[Column]:
        return [c for c in self.columns if c.role in VALUE_ROLES]

    def cell(self, row: int, column: Column | None) -> Cell | None:
        if column is None:
            return None
        return self.table.grid()[row][column.index]

    def text(self, row: int, column: Column | None) -> str:
        cell = self.cell(row, column)
        return cell.text.strip() if cell is not None else ""

    def body_rows(self) -> range:
        return range(self.header_rows, self.table.n_rows)


def table_view(block: Block, analysis: "Analysis | None" = None) -> TableView:
    table = block.table
    n_header = header_row_count(table)
    columns = [Column(c, header_texts(table, c, n_header)) for c in range(table.n_cols)]
    for column in columns:
        assign_role(column)
    body = range(n_header, table.n_rows)
    for column in columns:
        if column.role is None:
            column.role = role_from_cells([table.grid()[r][column.index] for r in body])
    value_under_content_header(columns, table, body)
    measures_as_values(columns, table, body)
    products_as_indicators(columns)
    items_as_indicators(columns, table, body)
    settle_agency_roles(columns)
    unit = caption_unit(block, analysis)
    return TableView(block, columns, n_header, table_kind(table, columns, body), unit)


def header_row_count(table: Table) -> int:
    """Rows of the header: the first row and the rows its cells span down over, then any
    row whose cells are all header words or years (a second header row)."""
    first = table.row(0)
    n = max((c.row_span for c in first), default=1)
    while n < table.n_rows:
        texts = [c.text for c in table.row(n) if c.text.strip()]
        if texts and all(header_role(t) or _YEAR.fullmatch(normalize_key(t).replace("năm ", "")) for t in texts) \
                and not _ROW_NUMBER.match(texts[0]):
            n += 1
        else:
            break
    return n


def header_texts(table: Table, col: int, n_header: int) -> list[str]:
    out: list[str] = []
    for r in range(n_header):
        cell = table.grid()[r][col]
        if (cell is None or not cell.text.strip()) and (group := _group_to_the_left(table, r, col, n_header)):
            cell = group
        if cell is not None and cell.text.strip() and (not out or out[-1] != cell.text.strip()):
            out.append(cell.text.strip())
    return out


def _group_to_the_left(table: Table, row: int, col: int, n_header: int) -> Cell | None:
    """'| Số điểm được công nhận mới | | |' over '| Năm 2023 | Năm 2024 | Năm 2025 |': a group
    header whose merge a text table wrote as empty cells covers the empty cells to its right
    that stand over sub-headers, as its first column does."""
    grid = table.grid()
    if row + 1 >= n_header or not _has_text(grid[row + 1][col]):
        return None
    for j in range(col - 1, 0, -1):
        left = grid[row][j]
        if _has_text(left):
            return left if _has_text(grid[row + 1][j]) and grid[row + 1][j] is not left else None
        if not _has_text(grid[row + 1][j]):
            return None
    return None


def _has_text(cell: Cell | None) -> bool:
    return cell is not None and bool(cell.text.strip())


@lru_cache(maxsize=None)
def _wordings() -> list[tuple[str, str]]:
    return sorted(table_headers().items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=4096)
def header_role(text: str) -> str | None:
    """The role a header cell's words name: exactly, loosely (typos), or as a phrase of a
    longer header ("Cơ quan chủ trì thực hiện và báo cáo" → lead)."""
    key = normalize_key(_UNIT_IN_HEADER.sub("", text))
    if not key:
        return None
    headers = table_headers()
    if key in headers:
        return headers[key]
    best, best_score = None, FUZZY
    for wording, role in headers.items():
        score = difflib.SequenceMatcher(None, key, wording).ratio()
        if score > best_score:
            best, best_score = role, score
    if best:
        return best
    padded = f" {key} "
    for wording, role in _wordings():
        if len(wording.split()) >= 2 and f" {wording} " in padded:
            return role
    return None


def assign_role(column: Column) -> None:
    """Role, year and period of a column from its header cells (the lowest that says)."""
    for text in reversed(column.header):
        role = header_role(text)
        if role and column.role is None:
            column.role = role
        if column.year is None and (m := _YEAR.search(text)) and role != "time":
            column.year = int(m.group(1))
        if column.unit is None and (m := _UNIT_IN_HEADER.search(text)):
            column.unit = m.group(1).strip()
    # 'thực hiện' of a schedule ('Lộ trình thực hiện', 'Kế hoạch thực hiện') is work to do, not
    # what was done ('Thực hiện năm 2025')
    key = _SCHEDULE.sub(" ", normalize_key(" ".join(column.header)))
    # a column of a period ('Giai đoạn 2021-2025') or a comparison ('2025/2024'), not a year
    # under its period ('Giai đoạn 2026 - 2030' over 'Năm 2026')
    own = next((t for t in reversed(column.header) if _YEAR.search(t)), "")
    column.current = any(w in key for w in _CURRENT_WORDS if not _aims_at_year(w, key)) or len(set(_YEAR.findall(own))) > 1
    if (m := _PERIOD.search(own)) and not any(w in key for w in _CURRENT_WORDS) and int(m.group(1)) < int(m.group(2)):
        # a period's column holds what is due at its end; whether that is still ahead the
        # reader of targets decides (a past period beside later years is a result)
        column.period, column.year, column.current = (int(m.group(1)), int(m.group(2))), int(m.group(2)), False
    if column.role == "time" and len(column.header) > 1 and _BARE_YEAR.fullmatch(normalize_key(column.header[-1])):
        # a year under a schedule's group header ('Lộ trình thực hiện' / 'Tiến độ' over 'Năm
        # 2026 | Năm 2027 …'): the year's values, not a column of times
        column.role, column.year = None, int(_YEAR.search(column.header[-1]).group(1))
    if column.role in ("plan", "estimate") or (column.year is not None and column.role in (None, "indicator")):
        column.role = "value"
    if column.role == "estimate":
        column.current = True


def _aims_at_year(word: str, key: str) -> bool:
    """'Lũy kế đến năm 2025' in a plan of 2023 is the total planned by then, not the total so far
    (whether 2025 is still ahead, the reader of targets decides)."""
    return word == "lũy kế" and re.search(r"lũy kế đến (?:hết )?năm (?:19|20)\d{2}", key) is not None


_SCHEDULE = re.compile(r"(?:lộ trình|tiến độ|kế hoạch|thời gian|mục tiêu|chỉ tiêu)\s+thực hiện")
_BARE_YEAR = re.compile(r"(?:năm\s+)?(?:19|20)\d{2}")


def looks_like_unit_cell(text: str) -> bool:
    """'%', 'Tỷ đồng', 'ha', 'Doanh nghiệp', 'Người', 'Lượt khách': a unit of measure or a
    counted noun, not a body ('Sở Y tế') and not a value."""
    from .quantities import _counted_nouns, _unit_words
    words = text.lower().split()
    if text in ("%", "‰") or (words and all(w.strip("()/") in _unit_words() for w in words)):
        return True
    nouns = _counted_nouns().get(words[0] if words else "", [])
    return " ".join(words) in nouns  # the whole cell is a counted noun: "Doanh nghiệp", "Lượt khách"


def role_from_cells(cells: list[Cell | None]) -> str | None:
    """A column without a known header, judged by what its cells hold."""
    texts = [c.text.strip() for c in cells if c is not None and c.text.strip()]
    if not texts:
        return None

    def share(test) -> float:
        return sum(1 for t in texts if test(t)) / len(texts)
    if share(lambda t: bool(_ROW_NUMBER.match(t))) >= CONTENT_SHARE:
        return "number"
    if share(lambda t: bool(_VALUE_CELL.match(t))) >= CONTENT_SHARE:
        return "amount"  # numbers under no header that says what they are: not a target
    if share(looks_like_time_cell) >= CONTENT_SHARE:
        return "time"
    if share(looks_like_unit_cell) >= CONTENT_SHARE:
        return "unit"  # "%", "Tỷ đồng", "Doanh nghiệp" under a bare "Đơn vị"
    if share(starts_with_agency) >= CONTENT_SHARE:
        return "agency"
    if sum(len(t) for t in texts) / len(texts) > 25:
        return "task"
    return None


def value_under_content_header(columns: list[Column], table: Table, body: range) -> None:
    """'| Nội dung | Mục tiêu |' with '80%' under 'Mục tiêu': a header that names what is
    measured elsewhere holds the target values when its cells are values and another column
    holds the words."""
    content = [c for c in columns if c.role in ("indicator", "task")]
    if len(content) < 2:
        return
    for c in content:
        cells = [table.grid()[r][c.index] for r in body]
        texts = [cell.text.strip() for cell in cells if cell is not None and cell.text.strip()]
        if role_from_cells(cells) == "amount" or (
                texts and sum(1 for t in texts if value_of(t)) / len(texts) >= CONTENT_SHARE):
            c.role = "value"  # "Khoảng 12.000 ha", "Tối thiểu 60 xã": values with their units


def products_as_indicators(columns: list[Column]) -> None:
    """'| Sản phẩm | Kế hoạch 2026 … |': beside planned values of a year, with no indicator or
    task column, the product column names what is measured (a task table's 'Sản phẩm' is the
    work's output)."""
    roles = {c.role for c in columns}
    if roles & {"indicator", "task"} or not any(c.role == "value" and c.year for c in columns):
        return
    if product := next((c for c in columns if c.role == "product"), None):
        product.role = "indicator"


def measures_as_values(columns: list[Column], table: Table, body: range) -> None:
    """'| Khu công nghiệp | Số trạm BTS 5G | Tỷ lệ phủ sóng 5G (%) |': a header that names a
    measure (a `head` or `measure` word of data/target_words.csv, or 'Số …') over cells that are
    values holds that measure's value for each row; `measure` keeps the header's words."""
    if any(c.role in ("indicator", "task") for c in columns):
        return
    for c in columns[1:]:
        if not c.header or not (c.role in (None, "number", "amount") and c.year is None
                                or c.role == "value" and c.year is not None and c.measure is None):
            continue  # a year column names a measure too: 'Số hộ được hỗ trợ di dời năm 2026 (hộ)'
        texts = _texts_under(table, c, body)
        if texts and names_a_measure(c.header[-1]) \
                and sum(1 for t in texts if _VALUE_CELL.match(t)) / len(texts) >= CONTENT_SHARE:
            c.role, c.measure = "value", _UNIT_IN_HEADER.sub("", c.header[-1]).strip()


@lru_cache(maxsize=None)
def _measure_heads() -> tuple[str, ...]:
    words = {normalize_key(r["wording"]) for r in read_rows("target_words.csv") if r["role"] in ("head", "measure")}
    return tuple(sorted(words | {"số"}, key=len, reverse=True))


def names_a_measure(header: str) -> bool:
    key = normalize_key(_UNIT_IN_HEADER.sub("", header))
    return any(key.startswith(h + " ") for h in _measure_heads())


def _texts_under(table: Table, column: Column, body: range) -> list[str]:
    """The texts of a column's body cells that say something ('-', '–', 'x': nothing planned)."""
    return [t for t in (table.grid()[r][column.index].text.strip() for r in body) if t.strip("-–x ")]


def items_as_indicators(columns: list[Column], table: Table, body: range) -> None:
    """'| Khu công nghiệp | Năm 2026 | Năm 2027 |', '| Xã, phường | Số hộ … |': beside values of a
    year or of a measure, with no indicator or task column, the first column of names (a place,
    a unit, a product) says what each row's values are of."""
    if any(c.role in ("indicator", "task") for c in columns) or not any(c.role == "value" for c in columns):
        return
    for c in columns:
        if c.role is not None:
            continue
        texts = _texts_under(table, c, body)
        if texts and sum(1 for t in texts if not _VALUE_CELL.match(t)) / len(texts) >= CONTENT_SHARE:
            c.role, c.items = "indicator", True
        return


def settle_agency_roles(columns: list[Column]) -> None:
    """'Cơ quan thực hiện' is the lead without a chủ trì column, the partners beside one."""
    has_lead = any(c.role == "lead" for c in columns)
    for c in columns:
        if c.role == "agency":
            c.role = "partners" if has_lead else "lead"
            has_lead = True


def table_kind(table: Table, columns: list[Column], body: range) -> str | None:
    roles = {c.role for c in columns}
    content = next((c for c in columns if c.role in ("indicator", "task")), None)
    if content is None:
        return None
    values = [c for c in columns if c.role == "value"]
    if values and any(_VALUE_CELL.match(_text(table, r, v)) for r in body for v in values):
        return "targets"
    if content.role == "indicator":
        return "targets"
    percent = sum(1 for r in body if "%" in _text(table, r, content))
    if body and percent >= len(body) / 2:
        return "targets"
    if roles & {"lead", "partners"}:
        return "tasks"
    if "time" in roles and any(header_role(t) == content.role for t in content.header):
        return "tasks"  # work and its time under a header that names work; long text and a
    return None         # date under unknown headers is a schedule (whom an inspection visits when)


def _text(table: Table, row: int, column: Column) -> str:
    cell = table.grid()[row][column.index]
    return cell.text if cell is not None else ""


_CAPTION_UNIT = re.compile(r"(?:đơn vị|đvt)\s*(?:tính)?\s*:\s*([^.;)]{1,25})", re.I)


def caption_unit(block: Block, analysis: "Analysis | None") -> str | None:
    """'Đơn vị: Triệu đồng' in the lines just above a table."""
    if analysis is None:
        return None
    i = analysis.index_of(block)
    for prev in reversed(analysis.doc.blocks[max(0, i - 4):i]):
        if prev.table is not None:
            break
        if m := _CAPTION_UNIT.search(prev.text):
            return m.group(1).strip().rstrip(".").lower()
    return None


_DIRECTION_CELL = re.compile(r"^\s*(tăng|giảm)\s", re.I)


def direction_of(text: str) -> str | None:
    """'giảm' of a value cell written 'Giảm 0,5': the direction the indicator keeps."""
    m = _DIRECTION_CELL.match(text)
    return m.group(1).lower() if m else None


def unit_in_value_cell(text: str) -> str | None:
    """'35 giường', '1.200 ha', '01 khu': the unit a value cell writes after its number."""
    m = re.match(rf"^(.*?(?:{NUMBER}))\s+(?P<unit>[^\d%]{{1,30}}?)\s*$", text.strip())
    if not m or not _VALUE_CELL.match(m.group(1)) or re.match(r"trở\s+(?:lên|xuống)", m.group("unit")):
        return None
    unit = m.group("unit").strip(" .")
    return unit if looks_like_unit_cell(unit) or _counted_unit(unit) else None


def _counted_unit(words: str) -> bool:
    """'giường', 'khu', 'doanh nghiệp': a counted noun or a unit word opens the words."""
    from .quantities import _counted_nouns, _unit_words
    first = words.strip().lower().split()[:1]
    return bool(first) and (first[0] in _counted_nouns() or first[0] in _unit_words())


def value_of(text: str) -> tuple[float, float | None, str] | None:
    """(value, value_max, comparator) of a value cell ("≥ 90", "10,00", "15-20%", "Trên 80%",
    "35 giường": a unit after the number is the cell's own, see `unit_in_value_cell`)."""
    from .quantities import _comparator_before  # the same comparator words as prose
    text = text.strip()
    if m := RANK_CELL.match(text):
        return parse_number(m.group(1)), None, "lte"  # "Top 20": a rank, 20th or better
    if (unit := unit_in_value_cell(text)) is not None:
        text = text[:len(text) - len(unit)].rstrip(" .")
    if not _VALUE_CELL.match(text):
        return None
    numbers = re.findall(NUMBER, text)
    if not numbers:
        return None
    lo = parse_number(numbers[0])
    hi = parse_number(numbers[1]) if len(numbers) > 1 else None
    if hi is not None:
        return lo, hi, "range"
    start = re.search(NUMBER, text).start()
    comparator, _ = _comparator_before(text, start)
    if comparator is None and re.search(r"trở lên\s*$", text):
        comparator = "gte"
    return lo, None, comparator or "eq"
