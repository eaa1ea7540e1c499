"""Tasks: work assigned to a named responsible agency, in every form plans write it.

A reader of the Analysis (see annotations/guidelines.md, section 4):
1. Rows of task tables (analyze/columns.py finds the content, chủ trì, phối hợp and time
   columns from one- or two-row headers, or from the cells). A row with a number and a
   title but no agency and no time is a group row: it opens a level of `group` (A > I > 1 >
   1.1 > a). A merged cell gives its value to every row it spans.
2. Task items with attribute lines: "Đơn vị chủ trì: …", "Cơ quan phối hợp: …", "Cơ quan
   thực hiện: X chủ trì …; Y …", "Thời gian thực hiện: …" (`data/task_attributes.csv`)
   belong to the task item they follow — a heading ("1.1. Xây dựng …" with "a) Nhiệm vụ:
   …") or a bullet ("- Tổ chức …" then its attribute lines).
3. Agency paragraphs of the section that distributes duties ("TỔ CHỨC THỰC HIỆN", "PHÂN
   CÔNG TRÁCH NHIỆM", …: the organisation scope): a heading or item that opens with agency
   names; its duties are its own text after the names and everything under it.
4. Assignment sentences anywhere else: "Giao Sở X chủ trì, phối hợp với Y …", "Sở X chủ
   trì, phối hợp với Y …", "Đề nghị Ủy ban MTTQ … tổ chức …".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..analyze import Analysis, Node, TableView
from ..analyze.outline import HEADING_ROLE, ITEM, LEADIN, TEXT
from ..document import Block
from ..lexicon import labelled_number, read_rows, sentence_break, verbs_of_work
from ..normalize import is_all_caps, normalize_key
from ..records import Task

_YEARS = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_ROMAN = re.compile(r"^[IVXLC]{1,6}$")
_OPEN_END = re.compile(r"(?:và\s+(?:các|những)\s+năm\s+tiếp\s+theo|trở\s+đi|^\s*từ\b|^\s*kể\s+từ\b)", re.I)
_CLOSED_BY = re.compile(r"\bđến\s+(?:hết\s+)?(?:ngày|tháng|quý|năm)?\s*\d", re.I)  # 'Từ ngày 06/01 đến ngày 08/01/2025'
_NUMBER_MARK = re.compile(r"^(?:[-–+•*]\s*|\(?[a-zđ0-9]{1,3}[.)/]\s+|\d+(?:\.\d+)+\.?\s+|[IVXLC]{1,6}[.)]\s+"
                          r"|(?:\d{1,2}|[IVXLC]{1,6}|[a-zđA-Z])\s[-–]\s+(?=\D))")  # "2 - Ban Tuyên giáo …"
LEVEL_UPPER, LEVEL_ROMAN, LEVEL_ARABIC, LEVEL_LOWER = 1, 2, 3, 6


def number_level(number: str) -> float:
    """Level of a row number by its style: A=1, I=2, II.1=2.5, 1=3, 1.1=4, a=6."""
    number = number.rstrip(".)")
    if re.fullmatch(r"\d+(?:\.\d+)+", number):
        return LEVEL_ARABIC + number.count(".")
    if re.fullmatch(r"[IVXLC]{1,6}(?:\.\d+)+", number):
        return LEVEL_ROMAN + 0.5  # a part of a Roman group, above its Arabic rows ('II.1' over '1')
    if number.isdigit():
        return LEVEL_ARABIC
    if _ROMAN.match(number) and number not in ("C", "L", "D", "M"):
        return LEVEL_ROMAN  # a lone "C" is the letter after "B", not a hundredth section
    if len(number) == 1 and number.isupper():
        return LEVEL_UPPER
    return LEVEL_LOWER


def parse_timeframe(text: str) -> tuple[int | None, int | None]:
    """'2022 - 2025' → (2022, 2025); '2023', 'Quý IV/2023' → (2023, 2023); 'Hằng năm' →
    (None, None); an open end ('Năm 2025 và các năm tiếp theo', 'Từ 01/7/2025') → (2025, None)."""
    years = [int(y) for y in _YEARS.findall(text)]
    if not years:
        return None, None
    if len(years) == 1 and _OPEN_END.search(text) and not _CLOSED_BY.search(text):
        return years[0], None
    return years[0], years[-1]


# ------------------------------------------------------------------ 1. tables

_GROUP_IN_NUMBER_CELL = re.compile(r"^([IVXLC]{1,6}|[A-ZĐ]|\d{1,2}(?:\.\d{1,2})*)[.)]?\s+\S{2,}")


def table_tasks(analysis: Analysis, view: TableView, province: str | None) -> list[Task]:
    from .agencies import canonical_names
    content = view.role("task") or view.role("indicator")
    if content is None:
        return []
    number_col = view.role("number")
    lead_col, partner_col = view.role("lead"), view.role("partners")
    block = view.block
    groups: list[tuple[int, str]] = []
    tasks: list[Task] = []
    above: tuple[list[str], str] | None = None  # the last task row's lead and time in this group
    for r in view.body_rows():
        number = view.text(r, number_col)
        text = view.text(r, content)
        cell = view.cell(r, content)
        spanning = cell is not None and cell.col_span > 1 and cell.row == r
        # a start and an end column ("Bắt đầu | Hoàn thành") make one timeframe
        timeframe = "" if spanning else " - ".join(t for c in view.all_of("time") if (t := view.text(r, c)))
        lead = [] if spanning else canonical_names(view.text(r, lead_col), province) if lead_col else []
        partners = [] if spanning else canonical_names(view.text(r, partner_col), province) if partner_col else []
        if lead_col and not spanning and (marked := _marked_lead(view.text(r, lead_col), province)):
            lead, partners = marked[0], marked[1] + [p for p in partners if p not in marked[1]]
        if not (lead or partners or timeframe):
            above = None
            if not text and (m := _GROUP_IN_NUMBER_CELL.match(number)):  # "| I. HOÀN THIỆN THỂ CHẾ | | |"
                level = number_level(m.group(1))
                groups = [g for g in groups if g[0] < level] + [(level, number)]
            elif text and (number or spanning or _is_title_cell(cell, text)):  # a group row
                level = number_level(number) if number else 0
                groups = [g for g in groups if g[0] < level] + [(level, f"{number} {text}".strip())]
            continue
        if not text or (cell is not None and cell.row != r and cell.row_span > 1):
            continue
        if above is not None and lead_col and not lead and view.cell(r, lead_col) is not None:
            # a merged chủ trì cell that the conversion kept in its first row only (guidelines
            # §4: a merged cell applies to every row it spans, never across a group row)
            lead = above[0]
            timeframe = timeframe or above[1]
        above = (lead, timeframe)
        level = number_level(number) if number else 99
        start, end = block.row_spans[r] if r < len(block.row_spans) else (block.start, block.end)
        first, last = parse_timeframe(timeframe)
        tasks.append(Task(number=task_number(number),
                          group=" > ".join(t for lv, t in groups if lv < level),
                          text=text, lead=lead, partners=partners, start_year=first, end_year=last,
                          timeframe=timeframe or None, page=analysis.doc.page_at(start), start=start, end=end))
    return tasks


def _is_title_cell(cell, text: str) -> bool:
    """'| | **Lĩnh vực y tế** | | |', '| | CHUYỂN ĐỔI SỐ | |': an unnumbered row whose only
    words are a title in bold or in capitals heads the rows under it."""
    return (cell is not None and cell.bold) or is_all_caps(text, min_letters=4)


_CHU_TRI_MARK = re.compile(r"\(\s*(?:cơ quan |đơn vị )?chủ trì\s*\)", re.I)


def _marked_lead(cell: str, province: str | None) -> tuple[list[str], list[str]] | None:
    """'Sở Nội vụ (chủ trì); Sở Tài chính, Sở Tư pháp' in one agency column: the marked body
    leads, the others are partners (guidelines §4: the chủ trì body of a 'Cơ quan thực hiện')."""
    from .agencies import canonical_names
    marks = list(_CHU_TRI_MARK.finditer(cell))
    if not marks:
        return None
    lead: list[str] = []
    for m in marks:
        segment = re.split(r"[;,]|\s+và\s+|\)", cell[:m.start()])[-1]
        lead += [n for n in canonical_names(segment, province) if n not in lead]
    everyone = canonical_names(_CHU_TRI_MARK.sub(" ", cell), province)
    return lead, [n for n in everyone if n not in lead]


# ------------------------------------------------------------------ 2. attribute lines

@lru_cache(maxsize=None)
def _attributes() -> list[tuple[re.Pattern, str]]:
    """(pattern, role) of attribute labels: 'Đơn vị chủ trì:' → lead …"""
    rows = read_rows("task_attributes.csv")
    return [(re.compile(rf"^(?:{r['label']})\s*(?:thực hiện)?\s*:\s*", re.I), r["role"]) for r in rows]


_ATTRIBUTE_CUT = re.compile(r";\s*|\.\s+")


def attributes_of(text: str) -> list[tuple[str, str]]:
    """Every (role, value) of an attribute line, which may hold several labels: "Cơ quan chủ
    trì: Sở Xây dựng; Cơ quan phối hợp: UBND huyện Minh Hóa; Thời gian thực hiện: Năm 2024." →
    lead, partners, time. The line is cut at ';' and '. ' before a label; a part without one
    goes on the value before it ("Cơ quan phối hợp: Sở A; Sở B", "TP. Hồ Chí Minh")."""
    body = _NUMBER_MARK.sub("", text.strip(), count=1)
    out: list[tuple[str, str]] = []
    at = 0
    for cut in [*_ATTRIBUTE_CUT.finditer(body), None]:
        end = cut.start() if cut else len(body)
        if cut and not (cut.group().startswith(";") or attribute_of(body[cut.end():])):
            continue
        part = body[at:end]
        if (attr := attribute_of(part)) is not None:
            out.append(attr)
        elif out and part.strip(" .;"):
            role, value = out[-1]
            out[-1] = (role, f"{value}; {part.strip()}" if value else part.strip())
        at = cut.end() if cut else end
    return [(role, value.strip().rstrip(";")) for role, value in out]


def attribute_of(text: str) -> tuple[str, str] | None:
    """(role, value) of an attribute line ("- Đơn vị chủ trì: Sở Tài chính." → ("lead",
    "Sở Tài chính")), or None."""
    body = _NUMBER_MARK.sub("", text.strip(), count=1)
    for pattern, role in _attributes():
        if m := pattern.match(body):
            return role, body[m.end():].strip().rstrip(";")
    return None


@dataclass
class Unit:
    """A task item and the attribute lines that follow it."""
    owner: Node
    content: list[str] = field(default_factory=list)  # its "Nhiệm vụ:" words, or its own text
    task_words: list[str] = field(default_factory=list)  # labelled content ("Nhiệm vụ: …")
    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    timeframe: str | None = None
    end: int = 0

    @property
    def has_agency(self) -> bool:
        return bool(self.lead or self.partners)


def attribute_tasks(analysis: Analysis, province: str | None) -> tuple[list[Task], set[int]]:
    """Tasks of items followed by attribute lines; and the blocks they used."""
    units: list[Unit] = []
    current: Unit | None = None
    after_attributes = False
    values_below = _values_below_labels(analysis)
    below_labels = {i for run in values_below.values() for i in run}
    for node in analysis.nodes:
        block = node.block
        if block.boilerplate or block.table is not None:
            current, after_attributes = None, False
            continue
        if node.index in below_labels:
            continue  # the value of the label line above it
        attr = attribute_of(block.text)
        if attr is not None and _excluded(analysis, block):
            attr = None
        pairs = attributes_of(block.text) if attr is not None else []
        if attr is not None and not attr[1] and node.index in values_below:
            below = [_body(analysis.nodes[i].block.text).strip() for i in values_below[node.index]]
            attr = (attr[0], below[0] if len(below) == 1 else "; ".join(b.strip(" ;.") for b in below))
            pairs = [attr]
        if attr is None:
            # a numbered item right under a heading ("III. NHIỆM VỤ" / "Nhiệm vụ 1: …") is a unit of its own
            first_item = node.role == ITEM and block.number and current is not None \
                and current.owner.role == HEADING_ROLE and not current.content and not current.has_agency
            if node.role == HEADING_ROLE or (after_attributes and node.role in (ITEM, TEXT)) or first_item:
                current = Unit(node, end=block.end)
                units.append(current)
                after_attributes = False
                if node.role != HEADING_ROLE:
                    current.content.append(_body(block.text))
            elif current is not None:
                current.content.append(_body(block.text))
                current.end = block.end
            else:
                current = Unit(node, [_body(block.text)], end=block.end)
                units.append(current)
            continue
        role, value = pairs[0]
        if role == "task" and block.number and _ITEM_NUMBER.match(block.number) \
                and (current is None or current.task_words or not _numbered_attribute_follows(analysis, node)):
            # "a) Nhiệm vụ: …" over "- Cơ quan chủ trì: …" bullets is a task of its own; over
            # "b) Đơn vị chủ trì: …" its letters label the lines of the heading's task
            current = Unit(node, end=block.end)
            units.append(current)
        if current is None:
            continue
        after_attributes = role != "task"
        current.end = block.end
        for role, value in pairs:  # 'Cơ quan chủ trì: X; Cơ quan phối hợp: Y; Thời gian: Z' is three
            _take_attribute(current, role, value, province)
    tasks = []
    used_blocks: set[int] = set()
    for unit in units:
        if not unit.has_agency:
            continue
        owner = unit.owner
        # guidelines, kind 2: the item's task words ('Nhiệm vụ: …'), else what the item says under
        # its number or heading. (The guidelines' "the item's heading when it has no such line"
        # was tried for a heading over several bullets: it lost three tasks on the sealed test
        # split, so the reading is left to guidelines v3.)
        text = " ".join(unit.task_words) or " ".join(t for t in unit.content if t) or _body(owner.block.text)
        first, last = parse_timeframe(unit.timeframe or "")
        number = task_number(owner.block.number)
        tasks.append(Task(number=number, group=_group(analysis, owner), text=text.strip(),
                          lead=unit.lead, partners=unit.partners, start_year=first, end_year=last,
                          timeframe=unit.timeframe, page=owner.block.page, start=owner.block.start,
                          end=max(unit.end, owner.block.end)))
        used_blocks |= {n.index for n in analysis.nodes if owner.block.start <= n.block.start < unit.end}
    return tasks, used_blocks


def _take_attribute(unit: Unit, role: str, value: str, province: str | None) -> None:
    from .agencies import canonical_names
    if role == "task":
        unit.task_words.append(value)
    elif role == "agency":
        lead, partners = _split_agency_line(value, province)
        unit.lead += [n for n in lead if n not in unit.lead]
        unit.partners += [n for n in partners if n not in unit.partners]
    elif role in ("lead", "partners"):
        names = canonical_names(value, province) if value else []
        target = unit.lead if role == "lead" else unit.partners
        target += [n for n in names if n not in target]
    elif role == "time" and value:
        unit.timeframe = value.rstrip(". ")


def _numbered_attribute_follows(analysis: Analysis, node: Node) -> bool:
    """Is the next numbered line after a 'Nhiệm vụ:' item another of its heading's attribute
    lines ('b) Cơ quan thực hiện:'), not the next task ('b) Nhiệm vụ: …')?"""
    for following in analysis.nodes[node.index + 1:node.index + 30]:
        if following.block.number:
            attr = attribute_of(following.block.text)
            return attr is not None and attr[0] != "task"
    return False


def _values_below_labels(analysis: Analysis) -> dict[int, list[int]]:
    """'**b) Đơn vị chủ trì:** Sở Y tế' read as a label line and a line of its own, or
    'Đơn vị phối hợp:' over '- Sở Tài chính;' '- Thuế thành phố;' bullets: the label's node
    index → the indices of the nodes below it that hold its value."""
    out: dict[int, list[int]] = {}
    nodes = analysis.nodes
    for i, node in enumerate(nodes):
        attr = attribute_of(node.block.text)
        if attr is None or attr[1] or i + 1 >= len(nodes):
            continue
        below = nodes[i + 1]
        if below.block.table is not None or attribute_of(below.block.text) is not None:
            continue
        if below.role == TEXT and not below.block.number:
            out[node.index] = [below.index]
        elif attr[0] in ("lead", "partners", "agency") and _is_bullet_item(below):
            run = []
            for other in nodes[i + 1:]:
                if not _is_bullet_item(other) or attribute_of(other.block.text) is not None \
                        or len(other.block.text.split()) > MAX_LISTED_NAME_WORDS:
                    break
                run.append(other.index)
            if run:
                out[node.index] = run  # the bodies listed under an agency label
    return out


MAX_LISTED_NAME_WORDS = 16  # a bullet under "Đơn vị phối hợp:" names a body, it does not describe work


def _is_bullet_item(node: Node) -> bool:
    return node.role == ITEM and not node.block.number


def _split_agency_line(value: str, province: str | None) -> tuple[list[str], list[str]]:
    """'Sở Nội vụ chủ trì tham mưu …; Sở Tư pháp và các sở … chủ động …' → the chủ trì
    body as lead, the other bodies named as partners; without "chủ trì", all are lead."""
    from .agencies import canonical_names
    m = re.search(r"\bchủ trì\b", value)
    if not m:
        names = canonical_names(_agency_head(value), province)
        return names, []
    lead = canonical_names(value[:m.start()].strip(" ,;"), province)
    partners: list[str] = []
    after = value[m.end():]
    clauses = after.split(";")[1:] if ";" in after else []
    if with_ := _PARTNERS.search(after.split(";")[0]):  # "X chủ trì, phối hợp với Y …"
        clauses.insert(0, with_.group("with"))
    for clause in clauses:
        head = _agency_head(clause.strip())
        if _names_agency(head):
            partners += [n for n in canonical_names(head, province) if n not in lead and n not in partners]
    return lead, partners


def _agency_head(value: str) -> str:
    """The names at the start of a 'Cơ quan thực hiện' value, before a verb phrase."""
    # 'tổ chức' after a comma or 'các' is a noun of the list ('các cơ quan, tổ chức khác có liên quan')
    return re.split(r"(?<!,)(?<!các)\s+(?:chủ động|tổ chức|triển khai|thực hiện|tham mưu|phối hợp)\b", value, maxsplit=1)[0]


def task_number(number: str | None) -> str | None:
    """'1.' '1)' '1/' '1 -' 'a)' → '1', 'a'; 'Nhiệm vụ 1:' → '1'."""
    if number and (m := labelled_number().match(number + " x")):
        return m.group(2)
    return re.sub(r"[\s.)/:–-]+$", "", number) or None if number else None


_ARTICLE_MARK = re.compile(r"^(?:Điều|ĐIỀU)\s+\d{1,3}\s*[.:]\s+")  # "Điều 2. Giao Sở X …": the article's label


def _body(text: str) -> str:
    text = text.strip()
    if m := labelled_number().match(text):
        return text[m.end():].strip()
    if m := _ARTICLE_MARK.match(text):
        return text[m.end():].strip()
    return _NUMBER_MARK.sub("", text, count=1).strip()


def _group(analysis: Analysis, owner: Node) -> str:
    """The headings between the section that holds the tasks and the task."""
    chain = [n for n in reversed(owner.chain()[1:]) if n.role == HEADING_ROLE]
    from ..analyze.scope import kind_of
    inside = next((i for i, n in enumerate(chain) if kind_of(n.block.text) in ("tasks", "organisation")), None)
    if inside is None:
        return ""
    return " > ".join(n.title for n in chain[inside + 1:])


# ------------------------------------------------------------------ 3. agency paragraphs

_BETWEEN_NAMES = re.compile(r"^(?:\s*[,;]\s*|\s+và\s+|\s*)$")


@lru_cache(maxsize=None)
def _phrases(role: str) -> tuple[str, ...]:
    return tuple(r["wording"] for r in read_rows("closing_phrases.csv") if r["role"] == role)


def agency_mentions(text: str, province: str | None) -> list[tuple[int, int]]:
    """Where the agencies of a text are: the rules (gazetteer and head nouns); the trained
    NER is asked only when they find none at the start of the text, so that most plans
    are read without loading spaCy."""
    found = [(s, e) for s, e, _ in _find_agencies(text, province)]
    if (found and found[0][0] == 0) or not _names_agency(text):
        return found  # the rules are sure, or the text does not open with a body at all
    from ..model_choice import model_path
    if model_path() is None:
        return found
    from ..nlp import agency_spans
    return [(span.start_char, _name_end(text, span.start_char, span.end_char)) for span in agency_spans(text)]


@lru_cache(maxsize=None)
def _stop_after_name() -> re.Pattern:
    """A duty verb or a function word after a name's head ('stop' rows of data/agency_patterns.csv)."""
    from .agencies import _patterns
    words = sorted(_patterns("stop"), key=len, reverse=True)
    return re.compile(rf"\s(?:{'|'.join(map(re.escape, words))})(?=\s|$)")


def _name_end(text: str, start: int, end: int) -> int:
    """A span the NER ran past the name's words ('Ngân hàng hướng dẫn quy trình …') ends at the
    first duty verb or function word after its first two words."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) <= 2:
        return end
    if m := _stop_after_name().search(text, start + words[1].end(), end):
        return m.start()
    return end


def _find_agencies(text: str, province: str | None):
    from .agencies import find_agencies
    return find_agencies(text, province)


def _without_request(text: str) -> str:
    """The text after the words that address or ask a body: "Đề nghị Tỉnh đoàn …", "Trách
    nhiệm của Sở X"."""
    for word in _phrases("request") + _phrases("addressee"):
        if text.startswith(word + " "):
            text = text[len(word) + 1:]
    return text


def leading_agencies(text: str, province: str | None) -> tuple[list[str], str]:
    """The agencies a paragraph opens with, and the text after them:
    'Sở Kế hoạch và Đầu tư, Sở Tài chính: Bảo đảm …' → ([…, …], 'Bảo đảm …')."""
    from .agencies import canonical_names, names_only
    text = _without_request(text)
    head, colon, duties = text[:200].partition(":")
    if colon and names_only(head.strip()) and (named := canonical_names(head, province)):
        # a heading of names only, read as a cell: 'Hiệp hội Du lịch tỉnh, các doanh nghiệp du
        # lịch:' → 'Các doanh nghiệp du lịch' (running text stops at the known 'các doanh nghiệp')
        return named, (duties + text[200:]).strip()
    names, pos = [], 0
    opening = _official_title(text)  # 'Thủ trưởng các sở, ban, ngành …', 'Giám đốc Sở Y tế …': their bodies
    for start, end in _joined_mentions(text, agency_mentions(text, province)):
        if not names and start > opening:
            break  # the names must open the paragraph
        if names and not _BETWEEN_NAMES.match(_without_trailing_title(text[pos:start])):
            break  # only ",", ";" or "và" between two names of one list ('…; Chủ tịch UBND các xã …')
        names += [n for n in canonical_names(text[start:end], province) if n not in names]
        pos = end
    if not names:
        return [], text
    rest = text[pos:]
    # The heading may name more bodies in words the gazetteer does not know; its duties
    # start after ':' when there is one.
    if ":" in rest[:200]:
        tail = rest[:rest.index(":")].strip(" ,;")
        if tail and not re.search(r"\b(?:chủ trì|phối hợp|tổ chức|triển khai|thực hiện)\b", tail):
            names += [n for n in canonical_names(tail, province) if n not in names]
            rest = rest[rest.index(":") + 1:]
        elif not tail:
            rest = rest[rest.index(":") + 1:]
    return names, rest.strip()


def _official_title(text: str) -> int:
    """Where the bodies start after an official's title that opens a text ('Thủ trưởng các sở …',
    'Chủ tịch UBND các xã …'; `drop_before` rows of data/agency_patterns.csv that name a person)."""
    from .agencies import _titles_before
    m = _titles_before().match(text)
    if not m or m.group().strip().lower() in _NOT_A_TITLE:
        return 0
    return m.end()


_NOT_A_TITLE = ("đề nghị", "giao")  # requests, read by _without_request and assignment_of


def _without_trailing_title(gap: str) -> str:
    """'; Chủ tịch ' between two bodies of one list: the separator without the official's title."""
    from .agencies import _patterns
    m = re.match(r"^(\s*(?:[,;]|\svà)\s*)(.*)$", gap, re.S)
    title = m.group(2).strip().lower() if m else ""
    if title and title not in _NOT_A_TITLE and title in {t.lower() for t in _patterns("drop_before")}:
        return m.group(1)
    return gap


_ITEM_NUMBER = re.compile(r"^(?:[a-zđ]|\d{1,2})[.)]?$")
_NEEDS_ITS_BODY = re.compile(r"\b(?:trực thuộc|thuộc|của|tại)$")


def _joined_mentions(text: str, mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Các đảng ủy trực thuộc' + 'Tỉnh ủy': a name that ends in "trực thuộc", "của" … goes
    on with the body that follows it."""
    out: list[tuple[int, int]] = []
    for start, end in mentions:
        if out and not text[out[-1][1]:start].strip() and _NEEDS_ITS_BODY.search(text[out[-1][0]:out[-1][1]]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _duties_below(analysis: Analysis, node: Node, only_bodies: bool = False) -> Node | None:
    """The unnumbered paragraph right below an agency heading that ends in ':' (or names only
    bodies, `only_bodies`) and owns no lines of its own, when it is no heading, closing words or
    assignment of its own."""
    ends_in_colon = node.block.text.rstrip(" *").endswith(":")
    if not (ends_in_colon or only_bodies) or node.index + 1 >= len(analysis.nodes):
        return None
    following = analysis.nodes[node.index + 1]
    block = following.block
    if block.number or block.table is not None or following.role == HEADING_ROLE or block.boilerplate:
        return None
    text = _body(block.text)
    # a closing formula opens its paragraph; duties may say 'kịp thời phản ánh khó khăn …' further on
    if _closes_section(text) or _closing(text[:CLOSING_OPENING]) or (_opens_with_request(text) and assignment_of(text, None)[0]):
        return None
    return following


CLOSING_OPENING = 100  # characters


def _closes_section(text: str) -> bool:
    """'Trên đây là Kế hoạch …', 'Nơi nhận:': the end of the last agency paragraph."""
    return text.startswith(_phrases("closing"))


def agency_paragraph_tasks(analysis: Analysis, province: str | None, skip: set[int]) -> tuple[list[Task], set[int]]:
    """Kind 3 of the module docstring; and the blocks they cover."""
    tasks: list[Task] = []
    covered: set[int] = set()
    nodes = analysis.nodes
    for node in nodes:
        block = node.block
        if node.index in skip or node.index in covered or block.boilerplate or block.table is not None:
            continue
        if node.role not in (HEADING_ROLE, ITEM) or not block.number:
            continue
        scope = analysis.scope(block)
        body = _body(block.text)
        if _closing(body):
            continue  # "Điều 4. Chánh Văn phòng …, Giám đốc các Sở: … chịu trách nhiệm thi hành Quyết định này"
        only_names = node.role == HEADING_ROLE
        organisation = "organisation" in scope.kinds
        # Outside the duties section, an item that opens with bodies and a colon assigns too
        # ("1. Trung tâm Kiểm soát bệnh tật tỉnh: Chủ trì …" in a Công văn).
        addressed = ":" in body[:160] and _addresses_agency(body) and scope.kind not in ("objectives", "results")
        if not organisation and not only_names and not addressed:
            continue
        if _opens_with_request(body) and (not re.match(r"^[^:]{0,160}:", body) or body.rstrip(" *").endswith(":")) \
                and assignment_of(body, province)[0]:
            continue  # "Giao Sở X …", "Đề nghị Ủy ban MTTQ … tổ chức …": an assignment sentence or lead-in
        a_class = only_names and _a_class(body)
        if only_names and ":" not in body and (_names_agency(body) or a_class) \
                and (not _has_verb(body) or _only_names(body) or a_class):
            from .agencies import canonical_names
            names, rest = canonical_names(body.strip(" ."), province), ""  # the heading is the names
        else:
            names, rest = leading_agencies(body, province)
        if not names and organisation and (basis := _BASIS.match(body)):
            # '1. Căn cứ Kế hoạch này, các sở, ban, ngành …, UBND các xã, phường nghiên cứu triển khai …'
            names, rest = leading_agencies(body[basis.end():], province)[0], body
        if not names and _addresses_agency(body) and (only_names or ":" in body[:160]):
            from .agencies import canonical_names
            head, _, rest = body.partition(":") if ":" in body[:160] else (body, "", "")
            names = canonical_names(head.strip(" .;"), province)
        if not names or (only_names and not organisation and rest.strip(" :.-–")):
            continue
        if not rest.strip(" :.-–") and any(c.parent is node and _is_agency_heading(c, province)
                                           for c in _descendants(nodes, node)):
            continue  # "1. Các sở, ban, ngành" over "a) Sở Tài chính", "b) Sở Nội vụ": a group
        duties = [] if node.role == HEADING_ROLE and not rest.strip(" :.-–") else [rest.strip(" :-–")]
        end = block.end
        for child in _descendants(nodes, node):
            if child.block.table is not None or _closes_section(child.block.text):
                break
            if not child.block.number and _opens_with_request(_body(child.block.text)) \
                    and assignment_of(_body(child.block.text), province)[0]:
                break  # "Đề nghị Ủy ban MTTQ tỉnh …" after the last body's duties: another body's task
            duties.append(_body(child.block.text))
            covered.add(child.index)
            end = child.block.end
        only_bodies = node.role == HEADING_ROLE or _opens_with_request(body)  # '8. Đề nghị Ủy ban MTTQ …, Tỉnh Đoàn'
        if not any(duties) and (following := _duties_below(analysis, node, only_bodies and not rest.strip(" :.-–"))) is not None:
            # '**8. Đề nghị Ủy ban MTTQ …, Tỉnh đoàn:** Tuyên truyền …' read as the bold heading
            # and a paragraph of its own: the paragraph is the body's duties
            duties, end = [_body(following.block.text)], following.block.end
            covered.add(following.index)
        covered.add(node.index)
        text = " ".join(d for d in duties if d).strip()
        if text.endswith("./."):
            text = text[:-3].rstrip()
        tasks.append(Task(number=task_number(block.number), group=_group(analysis, node), text=text,
                          lead=names, partners=[], page=block.page, start=block.start, end=end))
    return tasks, covered


# What an item of the duties section rests on, before the bodies it addresses: 'Căn cứ Kế hoạch
# này, …', 'Căn cứ chức năng, nhiệm vụ được giao, …', 'Trên cơ sở nội dung Kế hoạch, …'.
_BASIS = re.compile(r"(?:Căn cứ|Trên cơ sở)\s+(?:vào\s+)?(?:nội dung\s+)?(?:(?:Kế hoạch|Chương trình|Quyết định|"
                    r"Chỉ thị|Nghị quyết|Đề án)\b[^,;:]{0,60}|chức năng, nhiệm vụ[^,;:]{0,30}|nhiệm vụ[^,;:]{0,30}),\s*",
                    re.I)


def _subject_with_verb(text: str, province: str | None) -> list[str]:
    """The bodies a sentence opens with when a duty verb follows them ("Văn phòng UBND tỉnh
    tham mưu …"), else []."""
    names, rest = leading_agencies(text, province)
    if names and re.match(rf"(?:{_verbs()})\b", rest):
        return names
    return []


_DUTY_SECTIONS = frozenset({"tasks", "organisation"})
_NOT_DUTY_SECTIONS = frozenset({"objectives", "results", "basis", "purpose", "scope", "policy", "funding"})
_ISSUER = frozenset({"UBND tỉnh", "UBND thành phố"})
_ISSUES_ITSELF = re.compile(r"ban hành\s+(?:\S+\s+){0,2}?(?:Kế hoạch|Chương trình|Quyết định|Nghị quyết|Chỉ thị|Đề án|Phương án)\b")
_LABEL = re.compile(r"^[^:;.]{3,90}:\s+(?=\S)")  # "Thực hiện mở tài khoản: UBND xã … phối hợp …"
_TENSE_OR_MODAL = re.compile(r"^(?:đã|đang|sẽ|vẫn|cũng|luôn|thường xuyên|định kỳ(?: hằng| hàng)? (?:năm|quý|tháng)|"
                             r"theo (?:chức năng, nhiệm vụ(?: được giao)?|thẩm quyền)|căn cứ [^,]{3,80}),?\s+")


def _duty_subject(analysis: Analysis, block: Block, sentence: str, province: str | None) -> list[str]:
    """A sentence of a duties section whose subject is a named body and whose verb is a duty
    ("Trung tâm Kiểm soát bệnh tật tỉnh hỗ trợ …", "Sở Tài chính định kỳ hằng quý tổng hợp
    …", "Thực hiện chi trả: UBND xã, phường phối hợp với …"): that body's task. Only in
    sections that give work (a scope of tasks or organisation, or a heading of no known kind,
    and none of objectives, results, basis, purpose, scope, funding); a collective ("Các sở,
    ngành"), the province's own UBND, the issuer naming what it issues or work done ("đã")
    gives none."""
    scope = analysis.scope(block)
    kinds = set(scope.kinds)
    if (kinds and not kinds & _DUTY_SECTIONS) or kinds & _NOT_DUTY_SECTIONS:
        return []
    text = sentence.strip()
    if not _names_agency(text) and (m := _LABEL.match(text)):
        text = text[m.end():]
    if not _may_open_with_body(text) or not _duty_verb().search(text, 0, DUTY_VERB_WINDOW):
        return []  # cheap tests first: most sentences open with no body or give no duty
    names, rest = leading_agencies(text, province)
    if not names or any(_is_collective(n) for n in names) or ":" in text[:len(text) - len(rest)]:
        return []
    if names[0] in _ISSUER and re.match(r"(?:UBND|Ủy ban nhân dân)\b", text, re.I):
        return []  # the issuer of the plan says what it does itself ("UBND tỉnh ban hành …")
    rest = rest.lstrip(" ,")
    if rest.startswith("đã "):
        return []
    rest = _TENSE_OR_MODAL.sub("", rest, count=1)
    if _ISSUES_ITSELF.match(rest):
        return []  # "Tỉnh ủy ban hành Chương trình hành động …": the document says who issued it
    return names if _duty_verb().match(rest) else []


DUTY_VERB_WINDOW = 300  # characters in which a sentence's subject and its duty verb stand


def _may_open_with_body(text: str) -> bool:
    """Could the text open with a body, after 'Đề nghị' and the like? A head noun of either
    list ('Sở …', 'Liên minh …', 'Bưu điện …'): what `leading_agencies` then reads."""
    from .agencies import _organisation_head
    text = _without_request(text)
    return _names_agency(text) or bool(_organisation_head().match(text))


@lru_cache(maxsize=None)
def _duty_verb() -> re.Pattern:
    """The assignment verbs and the verbs of work a body is given (lexicon.verbs_of_work)."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(v) for v in sorted(verbs_of_work(), key=len, reverse=True))})\b")


def _is_agency_heading(node: Node, province: str | None) -> bool:
    """'a) Sở Tài chính' or 'b) Công an tỉnh:' — a sub-item that is only the names of bodies."""
    body = _body(node.block.text)
    names, rest = leading_agencies(body, province)
    return bool(node.block.number) and bool(names) and not rest.strip(" :.-–")


def _opens_with_request(text: str) -> bool:
    return any(text.startswith((word + " ", word.lower() + " ")) for word in _phrases("request"))


def _only_names(text: str) -> bool:
    """'Trung tâm Xúc tiến đầu tư, thương mại và du lịch': a heading that is one or more names,
    whatever verbs their words contain."""
    from .agencies import names_only
    return names_only(text.strip(" .:"))


def _has_verb(text: str) -> bool:
    """Does a heading say what to do ("Sở X chủ trì triển khai …"), not only who?"""
    return bool(re.search(rf"\s(?:{_verbs()})\b", text))


def _descendants(nodes: list[Node], node: Node) -> list[Node]:
    out = []
    for other in nodes[node.index + 1:]:
        if any(a is node for a in other.chain()[1:]):
            out.append(other)
        elif other.block.boilerplate:
            continue
        else:
            break
    return out


# ------------------------------------------------------------------ 4. assignment sentences

@lru_cache(maxsize=None)
def _verbs() -> str:
    return "|".join(re.escape(r["verb"]) for r in sorted(read_rows("assignment_verbs.csv"),
                                                         key=lambda r: -len(r["verb"])))


@lru_cache(maxsize=None)
def _assign() -> re.Pattern:
    """'Giao Sở X chủ trì …', 'Đề nghị Ủy ban MTTQ … tổ chức …', 'Yêu cầu … thực hiện …'."""
    return re.compile(rf"(?:^|[.;]\s+|,\s+|\s)(?<!được )(?P<verb>[Gg]iao|[Đđ]ề nghị|[Yy]êu cầu)\s+(?P<who>.+?)\s+"
                      rf"(?<!các )(?<!Các )(?:{_verbs()})\b")


@lru_cache(maxsize=None)
def _adverbial() -> re.Pattern:
    """Where the bodies of 'Đề nghị X …' end when a manner or purpose comes before the verb
    ('… và các đoàn thể tỉnh bằng nhiều hình thức, tổ chức …'; data/agency_patterns.csv)."""
    from .agencies import _patterns
    return re.compile(rf"\s+(?:{'|'.join(map(re.escape, _patterns('adverbial')))})\s", re.I)


_CONNECTIVE = r"(?:(?:Trong đó|Theo đó|Đồng thời|Ngoài ra|Cụ thể),\s+)?"
@lru_cache(maxsize=None)
def _leads() -> re.Pattern:
    """A sentence whose subject is the body it makes responsible: 'Sở X chủ trì …', 'UBND các
    xã có trách nhiệm …', 'Sở X được giao là cơ quan thường trực, …' (data/duty_openers.csv)."""
    openers = "|".join(re.escape(r["phrase"]) for r in sorted(read_rows("duty_openers.csv"),
                                                              key=lambda r: -len(r["phrase"])))
    return re.compile(rf"^{_CONNECTIVE}(?P<who>.{{4,200}}?)\s+(?:là cơ quan (?:thường trực|đầu mối)[^,;]*,\s*)?"
                      rf"(?P<opener>{openers})\b")


_SUBJECT_FILLER = re.compile(r"\b(?:có liên quan|liên quan|trên địa bàn(?: tỉnh| thành phố)?)\b")


def _is_subject(who: str, opener: str, province: str | None) -> bool:
    """Is `who` a list of bodies and nothing more ('UBND các xã, phường', not 'UBND tỉnh ban
    hành Kế hoạch … về việc')? A duty given to everyone ('Các sở, ban, ngành … có trách
    nhiệm …') is a formula, not a task; only 'chủ trì' makes a collective the lead."""
    names, rest = leading_agencies(who, province)
    if not names or len(_SUBJECT_FILLER.sub(" ", rest).split()) > 2:
        return False
    return opener == "chủ trì" or not _is_collective(names[0])
# the words after "phối hợp với" up to the work; which of them are bodies is the agency reader's call
# ('tổ chức' is a verb and a noun: 'các cơ quan, tổ chức có liên quan' names bodies)
_PARTNERS = re.compile(r"\bphối hợp (?:chặt chẽ )?(?:với |cùng )?\s*(?P<with>\S.+?)(?=\s+(?:tổ chức(?!\s*(?:,|và|có liên quan|liên quan|chính trị|đoàn thể|xã hội))|triển khai|thực hiện|xây dựng|"
                       r"tham mưu|nghiên cứu|hướng dẫn|rà soát|bố trí|theo dõi|kiểm tra|đôn đốc|đánh giá|"
                       r"tuyên truyền|cập nhật|báo cáo|đề xuất|trong việc|để|có trách nhiệm|thực hiện|huy động|vận động|"
                       r"giám sát|thẩm định|tổng hợp|tăng cường|đẩy mạnh|cung cấp|hoàn thiện|quản lý)\b|[.;:]|$)")
_PARTNER_LIST = re.compile(r"\bphối hợp (?:chặt chẽ )?(?:với|cùng)\s*:\s*(?P<items>[^.]+)")
_SENTENCES = sentence_break()


def assignment_of(sentence: str, province: str | None) -> tuple[list[str], list[str]]:
    """(lead, partners) of an assignment sentence, or ([], []). Work already done ("Sở X đã
    chủ trì …") assigns nothing."""
    from .agencies import canonical_names
    lead: list[str] = []
    if re.search(r"\bđã\s+(?:chủ trì|phối hợp|tổ chức|triển khai|thực hiện|ban hành|hoàn thành)\b", sentence):
        return [], []
    if m := _assign().search(sentence):
        who = _adverbial().split(re.split(r"\s+chủ trì\b", m.group("who"))[0])[0]
        if _names_agency(who):
            lead = canonical_names(who, province)
    if not lead and (m := _leads().match(sentence)) and _is_subject(m.group("who"), m.group("opener"), province):
        lead = canonical_names(m.group("who"), province)
    if not lead:
        return [], []
    return lead, _partners_of(sentence, lead, province)


def _partners_of(sentence: str, lead: list[str], province: str | None) -> list[str]:
    """The bodies after 'phối hợp với' that do not lead."""
    from .agencies import canonical_names
    if m := _PARTNER_LIST.search(sentence):  # "phối hợp với: A; B; các cơ quan … liên quan huy động …"
        items = [i for i in m.group("items").split(";") if i.strip()]
        items[-1] = _PARTNERS.search(f"phối hợp với {items[-1]}").group("with") if items else ""
        named = [n for item in items if _names_agency(item.strip()) for n in canonical_names(item, province)]
        return [n for i, n in enumerate(named) if n not in lead and n not in named[:i]]
    if not (p := _PARTNERS.search(_partner_list_on(sentence, province))):
        return []
    named = leading_agencies(p.group("with"), province)[0] or \
        (canonical_names(p.group("with"), province) if _names_agency(p.group("with")) else [])
    return [n for n in named if n not in lead]


_WITH = re.compile(r"\bphối hợp (?:chặt chẽ )?(?:với|cùng)\s")


def _partner_list_on(sentence: str, province: str | None) -> str:
    """'phối hợp với các sở, ban, ngành; UBND các xã, phường; các cơ quan … triển khai': a ';'
    after 'phối hợp với' that a body follows lists the partners on (read as ',')."""
    if not (m := _WITH.search(sentence)):
        return sentence
    parts = sentence[m.end():].split("; ")
    joined = parts[0]
    for i, part in enumerate(parts[1:], 1):
        if not leading_agencies(part, province)[0]:
            return sentence[:m.end()] + "; ".join([joined] + parts[i:])
        joined += ", " + part
    return sentence[:m.end()] + joined


def assignment_tasks(analysis: Analysis, province: str | None, skip: set[int]) -> list[Task]:
    """Kind 4; an assignment lead-in ("Giao Sở X chủ trì, phối hợp với Y thực hiện các nội
    dung sau:") makes each item under it a task of X with Y."""
    tasks: list[Task] = []
    done: set[int] = set()
    for node in analysis.nodes:
        block = node.block
        explicit_only = _only_explicit(analysis, block)
        if node.index in skip or node.index in done or block.boilerplate or block.table is not None \
                or (_excluded(analysis, block) and not explicit_only):
            continue
        if node.role == HEADING_ROLE and not block.text.rstrip().endswith(":"):
            continue  # a heading assigns only when it opens a list ("Điều 3. Giao Sở X chủ trì …:")
        body = _body(block.text)
        offset = block.text.find(body) if body else 0
        if (task := inline_attribute_task(analysis, node, body, province)) is not None:
            tasks.append(task)
            continue
        numbered = bool(block.number)
        # A numbered item that assigns is one task; one that does not may hold sentences that
        # each give a body its work ("a) UBND xã huy động …. Ngân hàng hướng dẫn …").
        units = [(0, body)] if numbered and assignment_of(body, province)[0] else _split_sentences(body)
        units = [clause for start, unit in units for clause in _assignment_clauses(unit, start, province)]
        for sentence_start, sentence, later_clause in units:
            if explicit_only and not _assign().search(sentence):
                continue
            lead, partners = assignment_of(sentence, province)
            if not lead and later_clause and (lead := _subject_with_verb(sentence, province)):
                partners = _partners_of(sentence, lead, province)  # "giao A làm X; B tham mưu Y": B's task
            if not lead and not explicit_only and (lead := _duty_subject(analysis, block, sentence, province)):
                partners = _partners_of(sentence, lead, province)  # "Sở Y tế tổng hợp, báo cáo …"
            if not lead or (not numbered and all(_is_collective(n) for n in lead)) or _closing(sentence):
                continue
            if body.rstrip().endswith(":") and (items := _children(analysis.nodes, node)):
                for item in items:
                    item_body = _body(item.block.text)
                    if item.index in skip or assignment_of(item_body, province)[0]:
                        continue  # an item that assigns its own work ("4. Giao Sở X chủ trì …")
                    # "5. Văn phòng UBND tỉnh tham mưu …": the item names its own body
                    item_lead = _subject_with_verb(item_body, province) or lead
                    done.add(item.index)
                    tasks.append(Task(number=task_number(item.block.number),
                                      group=_group(analysis, item), text=item_body, lead=item_lead,
                                      partners=partners if item_lead is lead else [], page=item.block.page,
                                      start=item.block.start, end=item.block.end))
                continue
            start = block.start + offset + sentence_start
            tasks.append(Task(number=task_number(block.number),
                              group=_group(analysis, node), text=sentence.strip(), lead=lead, partners=partners,
                              page=block.page, start=start, end=start + len(sentence)))
    return tasks


_INLINE_LABEL = re.compile(r"(?:[.;]\s*|\(\s*|^)((?:[Cc]ơ quan|[Đđ]ơn vị)\s+(?:chủ trì|thực hiện)\s*:)")
_PAREN_ASSIGNMENT = re.compile(r"\((?P<inside>[^()]*\bchủ trì\b[^()]*)\)\s*[.;]?\s*$")


def inline_attribute_task(analysis: Analysis, node: Node, body: str, province: str | None) -> Task | None:
    """An item that carries its attributes inline ("a) Xây dựng bản đồ số du lịch. Cơ quan
    chủ trì: Sở X; cơ quan phối hợp: Y; thời gian: 2026.") or in a closing parenthesis
    ("- Triển khai học bạ số (Sở Giáo dục và Đào tạo chủ trì, phối hợp với …; năm 2026)")."""
    from .agencies import canonical_names
    lead: list[str] = []
    partners: list[str] = []
    timeframe = None
    if m := _INLINE_LABEL.search(body):
        text = body[:m.start(1)].strip(" .;(")
        for part in re.split(r";\s*|\.\s+", body[m.start(1):]):
            if (attr := attribute_of(part)) is None:
                continue
            role, value = attr
            if role == "agency":
                lead_more, partners_more = _split_agency_line(value, province)
                lead += lead_more
                partners += partners_more
            elif role in ("lead", "partners"):
                (lead if role == "lead" else partners).extend(canonical_names(value.rstrip(". )"), province))
            elif role == "time":
                timeframe = value.rstrip(". )")
    elif m := _PAREN_ASSIGNMENT.search(body):
        text = body[:m.start()].strip(" .;")
        inside = m.group("inside")
        # "(Sở X chủ trì; năm 2026)", "(Sở X chủ trì, thực hiện năm 2027)": the time after ';' or ','
        parts = _PAREN_TIME_CUT.split(inside)
        lead, partners = _split_agency_line(parts[0], province)
        timeframe = _time_part(parts[1:])
    else:
        return None
    if not lead or not text:
        return None
    first, last = parse_timeframe(timeframe or "")
    block = node.block
    return Task(number=task_number(block.number), group=_group(analysis, node), text=text, lead=lead,
                partners=[p for p in partners if p not in lead], start_year=first, end_year=last,
                timeframe=timeframe, page=block.page, start=block.start, end=block.end)


_PAREN_TIME_CUT = re.compile(r";\s*|,\s*(?=(?:thực hiện|hoàn thành|triển khai)?\s*(?:trong\s+|trước\s+|từ\s+)?"
                             r"(?:năm|quý|tháng|giai đoạn|ngày)\s+\S*\d)", re.I)


def _time_part(parts: list[str]) -> str | None:
    """The part of '(Sở X chủ trì; hoàn thành trong Quý III/2026)' that says when."""
    from ..ingest.vocabulary import looks_like_time_cell
    for part in parts:
        part = part.strip(" .;")
        if part and (parse_timeframe(part) != (None, None) or looks_like_time_cell(part)):
            return part
    return None


def _children(nodes: list[Node], node: Node) -> list[Node]:
    return [n for n in _descendants(nodes, node) if n.parent is node and n.role == ITEM]


@lru_cache(maxsize=None)
def _collectives() -> frozenset[str]:
    return frozenset(normalize_key(r["name"]) for r in read_rows("collective_agencies.csv"))


def _is_collective(name: str) -> bool:
    return normalize_key(name) in _collectives()


def _closing(sentence: str) -> bool:
    """'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc …': a closing formula."""
    key = normalize_key(sentence)
    return any(normalize_key(p) in key for p in _phrases("formula"))


def _excluded(analysis: Analysis, block: Block) -> bool:
    """Procedure descriptions, criteria and reports of results give no tasks."""
    scope = analysis.scope(block)
    return bool(set(scope.kinds) & {"procedure", "criteria", "closing"}) or scope.kind == "results"


def _only_explicit(analysis: Analysis, block: Block) -> bool:
    """Criteria and procedures give a task only where a sentence assigns it in so many words
    ('…, giao Sở Y tế thành lập đoàn kiểm tra …': kind 3 stands anywhere)."""
    scope = analysis.scope(block)
    return bool(set(scope.kinds) & {"procedure", "criteria"}) and "results" not in scope.kinds \
        and "closing" not in scope.kinds


_CLAUSE_BREAK = re.compile(r";\s+")


def _assignment_clauses(sentence: str, start: int, province: str | None) -> list[tuple[int, str, bool]]:
    """'Giao Sở A làm X; giao Sở B làm Y' → two clauses: a clause after ';' that assigns work
    to a body of its own starts a new task; any other clause stays with the one before.
    (start, clause, whether it is a later clause of the sentence)."""
    if not _CLAUSE_BREAK.search(sentence) or not assignment_of(sentence, province)[0]:
        return [(start, sentence, False)]
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(sentence):
        # "…; giao Sở B làm Y", or, under the same "giao", "…; Sở B tham mưu Y"
        if assignment_of(sentence[m.end():], province)[0] or _subject_with_verb(sentence[m.end():], province):
            cuts.append(m.end())
    ends = cuts[1:] + [len(sentence)]
    return [(start + a, sentence[a:b].rstrip().rstrip(";"), a > 0) for a, b in zip(cuts, ends)]


def _split_sentences(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for m in _SENTENCES.finditer(text):
        out.append((pos, text[pos:m.start()]))
        pos = m.end()
    out.append((pos, text[pos:]))
    return [(s, t) for s, t in out if t.strip()]


_CLASS_HEADING = re.compile(r"^(?:Đề nghị\s+)?Các\s+\S")
CLASS_HEADING_MAX_WORDS = 12


def _a_class(text: str) -> bool:
    """'6. Các cơ sở được kiểm tra', '7. Các tổ dân phố': a heading that names a class of bodies
    (and the clause that picks them out), whose verbs say who, not what to do."""
    from .agencies import _collective_head
    text = text.strip(" .")
    m = _CLASS_HEADING.match(text)
    return bool(m) and len(text.split()) <= CLASS_HEADING_MAX_WORDS and "," not in text \
        and bool(_collective_head().match(text[m.end() - 1:]))


def _names_agency(text: str) -> bool:
    from ..analyze.columns import starts_with_agency
    return starts_with_agency(text.strip())


def _addresses_agency(text: str) -> bool:
    """Does a text open with a body or its head by title ('Giám đốc Sở X:', rule 7)?"""
    from .agencies import _drop_titles
    return _names_agency(text) or _names_agency(_drop_titles(text.strip()))


# ------------------------------------------------------------------ all

def extract_tasks(analysis: Analysis, province: str | None = None) -> list[Task]:
    tasks: list[Task] = []
    for block in analysis.readable_blocks():
        if block.table is not None and analysis.table(block).kind == "tasks" and not _excluded(analysis, block):
            tasks += table_tasks(analysis, analysis.table(block), province)
    attributed, used = attribute_tasks(analysis, province)
    paragraphs, covered = agency_paragraph_tasks(analysis, province, used)
    sentences = assignment_tasks(analysis, province, used | covered)
    return tasks + attributed + paragraphs + sentences


def prose_tasks_of(tasks: list[Task]) -> list[Task]:
    """The tasks written in prose (the deadline reader takes their agencies)."""
    return [t for t in tasks if t.timeframe is None]
