"""Tasks: rows of assignment tables, and agency paragraphs of "TỔ CHỨC THỰC HIỆN".

Tables: a table is an assignment table when its header has a task column and a
lead column (`extract.tables.column_roles`). Rows are read on the table's grid,
so a merged cell gives its value to every row it spans (the readers never let a
span cross a group row). A row with a number and a title but no agency and no
time is a group row: it opens a level of the `group` path; levels follow the
numbering style (A > I > 1 > 1.1 > a). Every other row that names an agency or
a time is a task.

Prose: under a heading "TỔ CHỨC THỰC HIỆN", each numbered heading or item that
starts with agency names is a task led by them, its duties being the text after
the names plus the list items under it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Document
from ..ingest.assemble import LEVEL_ARABIC, LEVEL_LOWER, LEVEL_ROMAN, LEVEL_UPPER
from ..lexicon import read_rows
from ..normalize import is_all_caps, normalize_key
from ..records import Task
from ..structure import section_paths
from .spans import bullet_end
from .tables import column_roles, row_agencies

_YEARS = re.compile(r"\b(?:19|20)\d{2}\b")
_ROMAN = re.compile(r"^[IVX]{1,5}$")
IMPLEMENTATION_HEADINGS = ("tổ chức thực hiện",)


def number_level(number: str) -> int:
    """Level of a row number by its style: A=1, I=2, 1=3, 1.1=4, a=6."""
    number = number.rstrip(".)")
    if re.fullmatch(r"\d+(?:\.\d+)+", number):
        return LEVEL_ARABIC + number.count(".")
    if number.isdigit():
        return LEVEL_ARABIC
    if _ROMAN.match(number):
        return LEVEL_ROMAN
    if len(number) == 1 and number.isupper():
        return LEVEL_UPPER
    return LEVEL_LOWER


def parse_timeframe(text: str) -> tuple[int | None, int | None]:
    """'2022 - 2025' → (2022, 2025); '2023' or 'Quý IV/2023' → (2023, 2023); 'Hằng năm' → (None, None)."""
    years = [int(y) for y in _YEARS.findall(text)]
    if not years:
        return None, None
    return years[0], years[-1]


def _is_assignment_table(table, roles: dict[int, str]) -> bool:
    """A task column and a lead column, and not a table of targets (whose content
    column speaks of "mục tiêu" and whose rows state percentages)."""
    values = set(roles.values())
    if not ({"task", "lead"} <= values and ("time" in values or "partners" in values)):
        return False
    task_col = next(c for c, r in roles.items() if r == "task")
    header = normalize_key(next((c.text for c in table.row(0) if c.col == task_col), ""))
    rows = [table.grid()[r][task_col] for r in range(1, table.n_rows)]
    with_percent = sum(1 for c in rows if c is not None and "%" in c.text)
    return "mục tiêu" not in header and with_percent < len(rows) / 2


def table_tasks(doc: Document, block: Block, province: str | None) -> list[Task]:
    table = block.table
    roles = column_roles(table)
    if not _is_assignment_table(table, roles):
        return []
    col = {role: c for c, role in roles.items()}
    grid = table.grid()
    groups: list[tuple[int, str]] = []
    tasks = []
    for r in range(1, table.n_rows):
        number = _cell_text(grid[r], col.get("number", 0))
        text = _cell_text(grid[r], col["task"])
        task_cell = grid[r][col["task"]]
        # A group title spanning the row fills the agency and time columns too: not agencies.
        spanning = task_cell is not None and task_cell.col_span > 1
        timeframe = _cell_text(grid[r], col["time"]) if "time" in col and not spanning else ""
        lead, partners = ([], []) if spanning else row_agencies(table, r, roles, province)
        if not (lead or partners or timeframe):
            if number and text:  # a group row
                level = number_level(number)
                groups = [g for g in groups if g[0] < level] + [(level, f"{number} {text}")]
            continue
        if not text:
            continue
        level = number_level(number) if number else 99
        start, end = block.row_spans[r]
        first_year, last_year = parse_timeframe(timeframe)
        tasks.append(Task(
            number=number or None, group=" > ".join(t for lv, t in groups if lv < level),
            text=text, lead=lead, partners=partners, start_year=first_year, end_year=last_year,
            timeframe=timeframe or None, page=doc.page_at(start), start=start, end=end))
    return tasks


def _cell_text(row, col: int) -> str:
    cell = row[col] if col < len(row) else None
    return cell.text.strip() if cell is not None else ""


# ------------------------------------------------------------------ prose assignments

def _in_implementation_section(titles: list[str]) -> bool:
    return any(any(h in normalize_key(t) for h in IMPLEMENTATION_HEADINGS) for t in titles)


_BETWEEN_NAMES = re.compile(r"^(?:\s*[,;]\s*|\s+và\s+|\s*)$")


@lru_cache(maxsize=None)
def _phrases(role: str) -> tuple[str, ...]:
    return tuple(r["wording"] for r in read_rows("closing_phrases.csv") if r["role"] == role)


def _closes_section(text: str) -> bool:
    """'Trên đây là Kế hoạch …', 'Nơi nhận:', an appendix caption, a signature: the end
    of the last agency paragraph."""
    return text.startswith(_phrases("closing")) or is_all_caps(text, min_letters=4)


def leading_agencies(text: str, province: str | None) -> tuple[list[str], str]:
    """The agencies a paragraph opens with, and the text after them:
    'Sở Kế hoạch và Đầu tư, Sở Tài chính: Bảo đảm …' → ([…, …], 'Bảo đảm …')."""
    from ..nlp import agency_spans
    from .agencies import canonical_names
    for word in _phrases("request"):  # "Đề nghị Tỉnh đoàn …: …"
        if text.startswith(word + " "):
            text = text[len(word) + 1:]
    names, pos = [], 0
    for span in agency_spans(text):
        start, end = span.start_char, span.end_char
        if not names and start > 0:
            break  # the names must open the paragraph
        if names and not _BETWEEN_NAMES.match(text[pos:start]):
            break  # only ",", ";" or "và" between two names of one list
        names_here = canonical_names(text[start:end], province)
        names += [n for n in names_here if n not in names]
        pos = end
    if not names:
        return [], text
    rest = text[pos:]
    # The heading may name more bodies in words the gazetteer does not know (… "và các
    # cơ quan báo chí trên địa bàn tỉnh"); its duties start after ':' when there is one.
    if ":" in rest[:200]:
        tail = rest[:rest.index(":")]
        names += [n for n in canonical_names(tail.strip(" ,;"), province) if n not in names] if tail.strip(" ,;") else []
        rest = rest[rest.index(":") + 1:]
    return names, rest.strip()


def prose_tasks(doc: Document, province: str | None) -> list[Task]:
    sections = section_paths(doc)
    tasks: list[Task] = []
    current: Task | None = None
    current_level = None
    for block, section in zip(doc.blocks, sections):
        titles = section.titles
        if not _in_implementation_section(titles) or block.kind == TABLE:
            current = None
            continue
        starts_item = block.kind in (HEADING, LIST_ITEM) and block.number
        if starts_item:
            body = block.text[len(block.number):].strip()
            names, rest = leading_agencies(body, province)
            if names:
                level = block.level or number_level(block.number)
                # A heading names the agencies only; its duties are the paragraphs under it.
                duties = "" if block.kind == HEADING else rest.strip(" :.-–")
                current = Task(number=block.number.rstrip(".)"), group=_inner_group(section, block, level),
                               text=duties, lead=names, partners=[],
                               page=block.page, start=block.start, end=block.end)
                current_level = level
                tasks.append(current)
                continue
            if current is not None and (block.level or number_level(block.number)) <= (current_level or 99):
                current = None
                continue
        if current is not None and _closes_section(block.text):
            current = None
            continue
        if current is not None and block.kind in (PARAGRAPH, LIST_ITEM):
            current.text = f"{current.text} {block.text[bullet_end(block.text):]}".strip()
            current.end = block.end
    return tasks


def _inner_group(section, block: Block, level: int) -> str:
    """The headings between 'TỔ CHỨC THỰC HIỆN' and the agency item, joined with ' > '."""
    path = section.path
    inside = next((i for i, b in enumerate(path)
                   if any(h in normalize_key(b.text) for h in IMPLEMENTATION_HEADINGS)), -1)
    return " > ".join(b.text.rstrip(":").strip() for b in path[inside + 1:]
                      if b is not block and (b.level or 0) < level)


def extract_tasks(doc: Document, province: str | None = None) -> list[Task]:
    tasks: list[Task] = []
    for block in doc.blocks:
        if block.kind == TABLE:
            tasks += table_tasks(doc, block, province)
    return tasks + prose_tasks(doc, province)
