"""Targets: every quantified objective — indicator, value, comparator, unit, year, agencies.

A short reader of the Analysis:
- In running text, a target is a quantity (analyze/quantities.py) that stands in an
  objectives scope, or whose clause says it is aimed at ("phấn đấu", "tối thiểu", "đến năm
  …", `data/target_words.csv`); never in a results or basis scope, never a baseline ("so
  với …"), never something already done ("đã đạt"), never a count of the plan's own parts
  ("4 nhóm nhiệm vụ").
- Each quantity of a sentence gets its own clause (`clause_of`): the words between the
  previous value and it, cut at the last separator; when those do not name anything (the
  value comes first: "100% hồ sơ … được số hóa"), the words after it. A value with no words
  of its own ("… đạt 80% vào năm 2025 và 100% vào năm 2030") shares the indicator before it.
- Year: the clause's own year, else the sentence's, else the scope's (lead-in, heading,
  phase, title); a yearly rate ("hằng năm tăng 3%") keeps no year unless one is written.
- Tables of targets (analyze/columns.py): one target per row and value column of a future
  year; an agency column gives lead and partners. A table row that restates a target of
  the text gives it its agencies instead of a second record.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..analyze import Analysis, Quantity, TableView
from ..analyze.columns import RANK_CELL, direction_of, names_a_measure, unit_in_value_cell, value_of
from ..analyze.outline import LEADIN
from ..analyze.scope import Scope, years_in
from ..lexicon import not_after_abbreviation, read_rows
from ..normalize import normalize_key, word_overlap
from ..records import Target

SAME_TARGET = 0.5
INDICATOR_ROW_MATCH = 0.6
# A table row restates or names a target of its own plan, stated not far before it: rows are
# compared with the latest targets only, so a batch file of many plans stays linear.
NEAR_TARGETS = 400
# A table restates targets of its own plan: its rows are matched with the targets stated
# nearest to it (this many before and after), not with every target of the text, so the work
# grows with the text, not with rows x targets. A plan states a few hundred targets at most.
RESTATEMENT_WINDOW = 600
MIN_INDICATOR_WORDS = 2
_RATE_PER_YEAR = re.compile(r"%\s*/\s*năm")
_SENTENCE = re.compile(rf"(?<=[.!?]){not_after_abbreviation()}\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9-])")
_SEPARATOR = re.compile(r";|,\s*trong đó,?|\.\s|:\s|,\s+(?=[^,]{3,})|\s+và\s+|\s+-\s+")
_MARKER = re.compile(r"^(?:[-–+•*]\s*|[a-zđ0-9]{1,3}[.)/]\s+|\d{1,2}\s[-–]\s+|[IVXLC]{1,5}\s?[.)/-]\s+|\d+(?:\.\d+)+\.?\s+)")
_TIME_PHRASE = re.compile(
    r"(?:^|\s)(?:phấn đấu\s+)?(?:đến|tới|trước|trong|vào|cuối|hết|đến hết|đến cuối|giai đoạn|trong giai đoạn|từ)?\s*"
    r"(?:năm\s+|(?:quý\s+(?:[IV]{1,3}|[1-4])|tháng\s+\d{1,2})\s*/\s*)?(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?"
    r"(?:\s+trở đi)?\s*,?", re.I)
_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
# "20 xã (năm 2028)", "45% (đến năm 2030)": the value's year in parentheses right after it
_PAREN_YEAR = re.compile(r"^\s*\(\s*(?:(?:đến|vào|trong|tới|hết|đến hết)\s+)?(?:năm\s+)?((?:19|20)\d{2})\s*\)", re.I)
_YEAR_IN = re.compile(r"\b(?:19|20)\d{2}\b")


@lru_cache(maxsize=None)
def words(role: str) -> tuple[str, ...]:
    return tuple(sorted((r["wording"] for r in read_rows("target_words.csv") if r["role"] == role),
                        key=len, reverse=True))


def _has(text: str, role: str) -> bool:
    key = f" {normalize_key(text)} "
    return any(f" {k} " in key for k in _keys(role))


@lru_cache(maxsize=None)
def _keys(role: str) -> tuple[str, ...]:
    """The role's wordings as normalized keys, longest first."""
    return tuple(normalize_key(w) for w in words(role))


# ------------------------------------------------------------------ running text

@dataclass
class Sentence:
    start: int  # offset in the document text
    text: str


def sentences(block_text: str, block_start: int) -> list[Sentence]:
    """The sentences (and ';' clauses lists) of a block, with their document offsets."""
    body_at = _MARKER.match(block_text).end() if _MARKER.match(block_text) else 0
    out, pos = [], body_at
    for m in _SENTENCE.finditer(block_text, body_at):
        if block_text[pos:m.start()].strip():
            out.append(Sentence(block_start + pos, block_text[pos:m.start()]))
        pos = m.end()
    if block_text[pos:].strip():
        out.append(Sentence(block_start + pos, block_text[pos:]))
    return out


NO_TARGET_KINDS = ("results", "basis", "criteria", "policy", "closing")  # "policy": support levels a regulation sets; "closing": the recipients list


YES, NO, MAYBE = "yes", "no", "maybe"
_FREQUENCY = re.compile(r"(?:lần|đợt)/(?:năm|quý|tháng|tuần|ngày)\b")  # guidelines §2: frequencies are no targets


def verdict(q: Quantity, sentence: str, scope: Scope, clause_obj: "Clause", issued: str | None = None) -> str:
    """Is a quantity a target? The rules are sure of some (yes: a value under "Mục tiêu", a
    value whose clause says it is aimed at; no: a result, a baseline, a count of the plan's
    own parts) and unsure of the rest (maybe): those the trained judge decides."""
    if scope.kind in NO_TARGET_KINDS:
        return NO
    clause = f"{clause_obj.left} {clause_obj.right}"
    before = _clause_head(sentence[max(0, q.start - 40):q.start])
    head = _after_colon(sentence[:q.start])
    if _has(before[-25:], "baseline") or (_has(head, "past") and not _aims_after_past(head)):
        return NO
    own_part = re.split(r"[,;:]\s", sentence[:q.start])[-1]  # "giữ vững kết quả đã đạt, phấn đấu 100% …" aims
    if _DONE.search(own_part) and not _has(own_part, "goal") and not _has(own_part, "trigger"):
        return NO  # "toàn tỉnh đã phủ sóng 4G tại 100% ấp": work already done
    if not q.percent and _counts_own_structure(q):
        return NO
    if q.percent and _is_support_share(clause_obj):
        return NO  # "hỗ trợ 50% chi phí mua giống", "giảm 50% giá vé": a support level, not an aim
    if _FREQUENCY.match(q.unit):
        return NO  # "khám sức khỏe định kỳ ít nhất 01 lần/năm", "02 đợt/năm": how often, not how much
    if _inside_parentheses(sentence, q):
        return NO  # "(năm 2020 đạt 12 xã)", "(10 Gbps)": a remark, not what the plan sets
    if _names_a_charge(clause_obj.left) or (_is_money(q) and _names(clause_obj.left, "budget")):
        # "Giá dịch vụ … là 25.000 đồng/hộ/tháng", "mức hỗ trợ 50 triệu đồng/hộ", "xử phạt 38,5 triệu
        # đồng"; "bố trí kinh phí … dự kiến khoảng 45 triệu đồng": money a task spends
        return NO
    if _inside_quotes(sentence, q):
        return NO  # 'các biện pháp “1 phải 5 giảm”': a name, not a value
    if _the_nations(_clause_head(sentence[:q.start])):
        return NO  # "Nghị quyết đặt mục tiêu … tỷ lệ đô thị hóa cả nước đạt 50%": cited, not adopted
    if _CENTRAL_GOAL.search(_clause_head(sentence[:q.start])):
        return NO  # "Chiến lược phát triển du lịch Việt Nam đặt mục tiêu … 12-14% GDP": the nation's, cited
    if _ACCORDING_TO.match(sentence) and _has(sentence, "central"):
        return NO  # "Theo Đề án … được Thủ tướng Chính phủ phê duyệt, chỉ tiêu giao Thành phố là 149.000 căn"
    if issued and _states_a_past_year(_without_baseline(sentence[:q.start]), issued):
        return NO  # "Năm 2023, tỷ lệ … là 45%" in a plan of 2024: a result
    own_clause = re.split(r";\s", sentence[:q.start])[-1]
    if issued and _states_the_closing_year(_without_baseline(own_clause), issued) \
            and not _has(own_clause + sentence[q.start:q.number_start], "goal") \
            and not _has(sentence[q.start:q.number_start], "trigger"):
        return NO  # "Năm 2025, tỉnh đón khoảng 19,8 triệu lượt khách" in a plan of December 2025: its result
    if scope.kind == "objectives":
        return YES
    comparator_words = sentence[q.start:q.number_start]  # "tối thiểu", "ít nhất" aim at a value too
    if _has(clause, "trigger") or _has(comparator_words, "trigger") or _has(sentence[:q.start], "goal"):
        return YES
    return MAYBE


_SUPPORT_VERB = re.compile(r"(?:hỗ trợ|tài trợ|cho vay)(?:\s+(?:thêm|tối đa|đến|tới|khoảng))?\s*$", re.I)
_PRICE_CUT = re.compile(r"(?:giảm|miễn)(?:\s+(?:thêm|tối đa|đến|tới|khoảng))?\s*$", re.I)


def _is_support_share(clause: "Clause") -> bool:
    """A share of a cost that a body pays or lends ('hỗ trợ thêm 20% mức đóng bảo hiểm y tế',
    'mức cho vay tối đa 80% giá trị hợp đồng') or a cut of a price ('giảm 50% giá vé'): a support
    level (guidelines §2), where 'giảm 10% chi phí logistics' is an aim."""
    right = f"{normalize_key(clause.right)} "
    if _SUPPORT_VERB.search(clause.left):
        return right.startswith(_keys("support_object"))
    if _PRICE_CUT.search(clause.left):
        return right.startswith(tuple(f"{k} " for k in _keys("price")))
    return False



def _names_a_charge(left: str) -> bool:
    """A price, fee, fine or support level ('charge' rows of data/target_words.csv) named as the
    clause's subject or right before the value: a level a regulation sets or a result."""
    return _names(left, "charge")


def _names(left: str, role: str) -> bool:
    return _has(f"{left[:SUBJECT_WINDOW]} {left[-CHARGE_WINDOW:]}", role)


def _is_money(q: Quantity) -> bool:
    return q.unit.split("/")[0].endswith("đồng")


CHARGE_WINDOW = 60  # characters before the value
SUBJECT_WINDOW = 30  # characters of the clause's start


def _aims_after_past(head: str) -> bool:
    """'Giữ vững kết quả đã đạt được, phấn đấu 100% …': the value's own part aims, after a
    part that says what was done."""
    own_part = re.split(r"[,;]\s", head)[-1]
    if re.match(r"\s*(?:trước đó|trước đây)\b", head, re.I):
        return False  # "Trước đó, tỉnh đặt mục tiêu đón 12 triệu lượt khách": a goal set before, recalled
    return own_part != head and not _has(own_part, "past") and _has(own_part, "goal")


# a national document or body that sets or guides the value: 'Chiến lược … Việt Nam đặt mục tiêu',
# 'Chỉ tiêu tăng trưởng Trung ương định hướng cho thành phố … là'
_CENTRAL_GOAL = re.compile(r"(?:(?:Chiến lược|Nghị quyết|Quyết định|Chương trình|Đề án)\b[^;:.]{0,80}?\b"
                           r"(?:Việt Nam|quốc gia|Trung ương|Chính phủ|Thủ tướng)\b[^;:.]{0,40}?\bđặt\s+(?:ra\s+)?mục tiêu"
                           r"|\bTrung ương\s+(?:định hướng|đặt mục tiêu))")
_ACCORDING_TO = re.compile(r"^\s*(?:[-+•]\s*)?Theo\s+(?!(?:Kế hoạch|kế hoạch)\b)\S", re.I)
_DONE = re.compile(r"(?<!\w)đã\s+(?!(?:và|đang)\b)\w", re.I)


def _after_colon(head: str) -> str:
    """'… đã được cụ thể hóa bằng nhiều chỉ tiêu, nổi bật là: X đạt 18%': what was done
    before the colon introduces the values after it."""
    return re.split(r":\s", head)[-1]


_RELATIVE_TO = re.compile(r"\b(?:dẫn đầu|đứng|nhóm|top|xếp|trong số|so với|bình quân|trung bình|mức|của)\s+(?:[^\s,;]+\s+){0,2}$", re.I)


def _the_nations(head: str) -> bool:
    """Is the value the country's ('tỷ lệ đô thị hóa cả nước đạt …', 'Cả nước phấn đấu …'),
    not the province's? A rank or comparison against the country ('dẫn đầu cả nước') is the
    province's own."""
    for w in words("nation"):
        for m in re.finditer(rf"(?<!\w){re.escape(w)}\b", head, re.I):
            if not _RELATIVE_TO.search(head[:m.start()]):
                return True
    return False


def _clause_head(before: str) -> str:
    """The words before a value back to the last ';' or ':' ("… so với năm 2023; 100% công
    trình …": the baseline belongs to the clause before)."""
    return re.split(r"[;:]\s", before)[-1]


def _inside_parentheses(sentence: str, q: Quantity) -> bool:
    before = sentence[:q.start]
    return before.count("(") > before.count(")")


def _inside_quotes(sentence: str, q: Quantity) -> bool:
    before = sentence[:q.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _without_baseline(text: str) -> str:
    """'… so với trung bình giai đoạn 2020 - 2024': the years of a baseline are not the target's."""
    return _BASELINE_PHRASE.sub(" ", text)


# up to the clause's end, or to "và" opening another clause ("… so với mùa khô năm 2024 - 2025
# và duy trì tỷ lệ che phủ rừng năm 2026 đạt 47,5%"), not "và" between two baseline years
_BASELINE_PHRASE = re.compile(r"\b(?:so với|so cùng kỳ|cùng kỳ)\b[^;,.]*?(?=\s+và\s+(?!(?:năm\s+)?\d)|[;,.]|$)")


def _without_parentheses(text: str) -> str:
    return re.sub(r"\([^()]*\)", " ", text)


# "Năm 2024", "năm học 2024 - 2025" said of a value, not aimed at ("đến năm", "vào năm")
_YEAR_SAID = re.compile(r"(?<!đến )(?<!đến hết )(?<!vào )(?<!tới )\b[Nn]ăm(?P<school>\s+học)?\s+((?:19|20)\d{2})"
                        r"(?:\s*[-–]\s*((?:19|20)\d{2}))?\b")


def _states_a_past_year(head: str, issued: str) -> bool:
    """A year before the document's own, said of the value without "đến"/"vào" aiming at it; a
    school year is past once its summer has come ("Năm học 2024 - 2025" in October 2025)."""
    year, month = _year_and_month(issued)
    for m in _YEAR_SAID.finditer(head):
        end = int(m.group(3) or m.group(2))
        if end < year or (m.group("school") and m.group(3) and end == year and month > SCHOOL_YEAR_END_MONTH):
            return True
    return False


def _year_and_month(issued: str) -> tuple[int, int]:
    """'2025-10-15' → (2025, 10); a date of a year alone counts as its January."""
    return int(issued[:4]), int(issued[5:7]) if len(issued) >= 7 else 1


SCHOOL_YEAR_END_MONTH = 6  # a school year's classes end in May, its results are in by June
CLOSING_QUARTER_MONTH = 10  # from October a plan speaks of its own year's outcome, not of its aims


def _states_the_closing_year(head: str, issued: str) -> bool:
    """The document's own year, in its last quarter ("Năm 2025, …" in a plan of December 2025)."""
    year, month = _year_and_month(issued)
    if month < CLOSING_QUARTER_MONTH:
        return False
    return any(int(m.group(3) or m.group(2)) == year and not m.group("school")
               for m in _YEAR_SAID.finditer(head))


def is_target(q: Quantity, sentence: str, scope: Scope, clause_obj: "Clause", headings: list[str] = (),
              issued: str | None = None) -> bool:
    decided = verdict(q, sentence, scope, clause_obj, issued)
    if decided != MAYBE:
        return decided == YES
    from ..target_model import THRESHOLD, context_of, probability
    p = probability(context_of(sentence, q, scope.kind, list(headings)))
    return p is not None and p >= THRESHOLD


def _is_grade(q: Quantity) -> bool:
    return normalize_key(q.unit) in {normalize_key(w) for w in words("grade")}


def _counts_own_structure(q: Quantity) -> bool:
    """'04 nhóm nhiệm vụ' counts the plan's own parts; '3 sao' grades what another value counts."""
    return normalize_key(q.unit) in {normalize_key(w) for w in words("own_structure")} or _is_grade(q)


_STRONG = re.compile(r";|\.\s|:\s|,\s*trong đó,?")
_WEAK = re.compile(r",\s+|\s+và\s+|\s+-\s+(?!(?:19|20)\d{2}\b)")  # not inside a period "2024 - 2025"


@dataclass
class Clause:
    left: str  # the words before the value that belong to its clause
    right: str  # the words after it
    value_first: bool  # the value comes before what it measures ("100% hồ sơ …")
    part_of_previous: bool = False  # after ", trong đó": a part of what the value before measures
    label: str = ""  # "Tổng thu từ khách du lịch: ≥ 25.000 tỷ đồng": the words before a colon right before the value
    head: str = ""  # "Tỷ lệ …: năm 2026 đạt 60%, năm 2027 đạt 80%": the measure named before the sentence's colon


def clauses_of(sentence: str, quantities: list[Quantity]) -> list[Clause]:
    """The clause of each quantity of a sentence. A clause ends at a strong separator (";",
    ". ", ":", ", trong đó"); between two values at a weak one ("," "và"): the first after
    a value that follows its words ("X đạt 80%, Y đạt 90%": "GRDP" and "vào năm 2025" stay
    with the value before), the last after a value that comes first ("100% hồ sơ, dữ liệu
    được số hóa và 90% …": commas inside what it counts stay with it)."""
    out: list[Clause] = []
    for i, q in enumerate(quantities):
        part = False
        if i == 0:
            left = sentence[:q.start]
            label = _label(sentence[:q.start])
            if strong := list(_STRONG.finditer(left)):
                left = left[strong[-1].end():]
        else:
            region = sentence[quantities[i - 1].end:q.start]
            cut = _cut(region, last=out[-1].value_first)
            left = region[cut[1]:]
            since = next((p.end for p in reversed(quantities[:i]) if not _is_grade(p)), 0)
            label = _label(sentence[since:q.start])  # a grade is part of the label ("… 3 sao trở lên: 120 cơ sở")
            part = bool(re.search(r"trong đó", region[cut[0]:cut[1]]))
            out[-1].right = region[:cut[0]] if out[-1].value_first else out[-1].right
        value_first = _content_words(clean_left(left)) < MIN_INDICATOR_WORDS or _takes_object(left)
        right = sentence[q.end:]
        if i + 1 < len(quantities):
            region = sentence[q.end:quantities[i + 1].start]
            right = region if _describes_count(q, region) else region[:_cut(region, last=value_first)[0]]
            if not right and not q.percent and "(" in region:  # "02 dự án quy mô lớn (tổng mức đầu tư trên …)"
                right = region[:region.index("(")]
        elif cut := _STRONG.search(right):
            right = right[:cut.start()]
        out.append(Clause(left, right, value_first, part_of_previous=bool(i and part), label=label,
                          head=_sentence_head(sentence, q.start)))
    return out


def _sentence_head(sentence: str, position: int) -> str:
    """The words before the first colon of a sentence, when the value comes after it."""
    colon = re.search(r":\s", sentence)
    return sentence[:colon.start()] if colon and colon.end() <= position else ""


@lru_cache(maxsize=None)
def _part_pattern() -> re.Pattern:
    """A part of what a measure covers: an area, a sex, a level ('khu vực nông thôn', 'nữ')."""
    return re.compile(rf"(?:\s+|^)(?:(?:ở|tại|đối với|của)\s+)?(?:{_parts()})$", re.I)


def _parts() -> str:
    """The `part` wordings as an alternation, longest first."""
    return "|".join(re.escape(w) for w in words("part"))


def _is_part(text: str) -> bool:
    return bool(text) and bool(_part_pattern().fullmatch(text.strip()) or _part_pattern().match(text.strip()))


def _of_parts(clause: Clause, before: str, previous: str | None) -> str | None:
    """'Tỷ lệ dân số dùng nước sạch: khu vực thành thị đạt 100%, khu vực nông thôn đạt 80%',
    'Tỷ lệ lao động qua đào tạo ở thành thị đạt 85%, nông thôn đạt 70%': a clause whose own
    words only name a part measures the shared measure in that part."""
    own = _linked_pattern().sub("", _MARKER.sub("", clause.left.strip()).strip(" ,:")).strip(" ,:")
    before = own if _is_part(own) else before  # "khu vực đồng bằng": its last word is no comparator here
    if not _is_part(before):
        return None
    head = clean_left(clause.head)
    if _content_words(head) >= MIN_INDICATOR_WORDS:
        return f"{head} {before}"
    if previous:
        base = _part_pattern().sub("", previous).strip(" ,")
        if base != previous and _content_words(base) >= MIN_INDICATOR_WORDS:
            return f"{base} {before}"
        # the part inside the measure ('Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em …; thể nhẹ cân
        # dưới 9%'): the new part takes its place
        part = before.strip()
        if (inner := _inner_part().search(previous)) and normalize_key(inner.group()) != normalize_key(part):
            return f"{previous[:inner.start()]}{part}{previous[inner.end():]}"
    return None


@lru_cache(maxsize=None)
def _inner_part() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{_parts()})(?!\w)", re.I)


@lru_cache(maxsize=None)
def _qualifiers() -> frozenset[str]:
    """Words between a label's colon and its value that name nothing ('bình quân', 'tối thiểu')."""
    return frozenset(normalize_key(w) for w in words("qualifier"))


def _label(left: str) -> str:
    """The label before a colon the value follows right away ("Tỷ lệ lao động qua đào tạo:
    75 - 80%"), back to the strong separator before it; "" when the value does not follow a colon."""
    strong = list(_STRONG.finditer(left))
    if not strong or not strong[-1].group().startswith(":"):
        return ""
    between = left[strong[-1].end():]
    qualifiers = _qualifiers()
    if between.strip() and (re.search(r"\d", between) or normalize_key(between) not in qualifiers
                            and _content_words(clean_left(between))):
        return ""  # "Tăng trưởng: bình quân 3,5%/năm" has its label; "Cơ cấu: dịch vụ chiếm 41%" does not
    return left[strong[-2].end() if len(strong) > 1 else 0:strong[-1].start()]


def _takes_object(left: str) -> bool:
    """'… ven biển, đảm bảo 100% chất thải …', 'Mục tiêu mà Kế hoạch đề ra là 100% cán bộ …':
    the words before the value end in a verb whose object is what the value counts."""
    key = normalize_key(left)
    if any(key.endswith(" " + normalize_key(w)) or key == normalize_key(w) for w in words("object")):
        return True
    goal = normalize_key(_strip(left.strip(), words("link"), at_start=False))
    return bool(re.match(r"^(?:các\s+)?(?:mục tiêu|chỉ tiêu)\b", goal)) and goal != key


def _ends_in_object_verb(left: str) -> bool:
    """'… rà soát, bảo đảm trước ngày 30/6/2026 có 100% dữ liệu …': the words before are the
    action; the value counts its object."""
    return bool(_ASSURES.search(left.strip()))


_ASSURES = re.compile(r"(?:^|\s)(?:bảo đảm|đảm bảo)(?:\s+(?:đến|trước|tới|vào|hết|trong)\b[^,;]{0,40}?)?(?:\s+có)?$", re.I)


def _takes_object_only(left: str) -> bool:
    """The words before a value-first value are only framing (a goal phrase, "Phấn đấu",
    "Gia Lai phấn đấu"), not a place or scope that belongs to the indicator."""
    cleaned = clean_left(left)
    if _content_words(cleaned) < MIN_INDICATOR_WORDS:
        return True
    goal = normalize_key(left)
    if re.match(r"^(?:các\s+)?(?:mục tiêu|chỉ tiêu)\b", goal):
        return True
    return bool(re.match(r"^[A-ZĐ][^\s,]*(?:\s[A-ZĐ][^\s,]*)*\s+(?:phấn đấu|đặt mục tiêu)\b", left.strip()))


def _cut(region: str, last: bool) -> tuple[int, int]:
    """(start, end) of the clause boundary in the text between two values."""
    strong = list(_STRONG.finditer(region))
    if strong:
        return strong[-1].start(), strong[-1].end()
    weak = list(_WEAK.finditer(region))
    if not weak:
        return (len(region), len(region)) if last else (0, 0)
    m = weak[-1] if last else weak[0]
    return m.start(), m.end()


def _counts_inside_next(text: str, found: list[Quantity]) -> set[int]:
    """'tỷ lệ phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh … đạt 70%': a count that
    stands in the words leading to the next value (no separator between them, the next
    value linked by "đạt", "là" …) is part of what that value measures."""
    out = set()
    for i in range(len(found) - 1):
        q, nxt = found[i], found[i + 1]
        between = text[q.end:nxt.start]
        if not q.percent and not _STRONG.search(between) and not _WEAK.search(between) \
                and _linked_pattern().search(between.rstrip()) and not _is_grade(nxt):
            out.add(i)  # ("50 sản phẩm OCOP đạt 3 sao": the grade is what the count's things reach)
    return out


def qualifies_previous(quantities: list[Quantity], clauses: list[Clause], i: int, sentence: str) -> bool:
    """A count inside the clause of a value that comes first ("100% khu công nghiệp có tối
    thiểu 1 trạm 5G", "70% phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh") describes
    what that value counts: it is part of its indicator, not a target."""
    if i == 0 or quantities[i].percent:
        return False
    between = sentence[quantities[i - 1].end:quantities[i].start]
    if not clauses[i - 1].value_first:
        return _describes_count(quantities[i - 1], between)  # "05 dự án … có quy mô trên 500 tỷ đồng"
    if _STRONG.search(between) or re.search(r"\s+và\s+", between):
        return False
    return not _WEAK.search(between) or bool(_QUALIFIER_END.search(between))


_QUALIFIER_END = re.compile(r"\b(?:có|gồm|với|được)\s+(?:\S+\s+){0,2}$")


def _describes_count(count: Quantity, between: str) -> bool:
    """The words after a count up to the next value say what each counted thing has ("ít
    nhất 05 dự án đầu tư có quy mô trên 500 tỷ đồng"): the next value belongs to the count."""
    return not count.percent and not _STRONG.search(between) and not _WEAK.search(between) \
        and bool(_QUALIFIER_END.search(between))


_BASELINE = re.compile(r"\b(?:so với|so cùng kỳ|cùng kỳ)\b")


def clean_left(text: str) -> str:
    """The words before a value, without the framing at their start and the linking verb at
    their end ("Phấn đấu đến năm 2030, tỷ lệ X đạt" → "tỷ lệ X")."""
    text = _MARKER.sub("", text.strip())
    text = _PURPOSE.sub("", text)  # 'Để hoàn thành mục tiêu năm 2026, phấn đấu 100% …': why, not what
    text = _after_last_goal_verb(text)
    text = _TIME_PHRASE.sub(" ", text).strip(" ,:")
    text = _strip(text, words("recurrence") + words("frame"), at_start=True)
    text = _strip(text, words("link") + words("object") + _comparator_words(), at_start=False)
    return _from_head_word(text.strip(" ,:;.-"))


_PURPOSE = re.compile(r"^(?:Để|Nhằm)\s+(?:hoàn thành|đạt được|đạt|thực hiện)\s+(?:các\s+)?mục tiêu\b[^,;:]*[,;:]\s*", re.I)


@lru_cache(maxsize=None)
def _comparator_words() -> tuple[str, ...]:
    """'khoảng' of 'khoảng từ 10 - 10,5%': comparator words the quantity did not take."""
    return tuple(r["wording"] for r in read_rows("comparators.csv") if r["position"] == "before")


def _after_last_goal_verb(text: str) -> str:
    """'Theo Kế hoạch, tỉnh phấn đấu đón' → 'đón': who aims is not what is measured. When only
    a time and a link follow ('Sản lượng xoài phấn đấu đến năm 2030 đạt'), the measure is
    the subject before the goal verb."""
    last = None
    # (', bảo đảm …' after a clause of work: 'tăng cường thanh tra …, bảo đảm mỗi năm kiểm tra 120 …')
    for w in ("phấn đấu", "đặt mục tiêu", "đặt chỉ tiêu", "(?<=,\\s)bảo đảm", "(?<=,\\s)đảm bảo"):
        for m in re.finditer(rf"(?<!\w){w}(?:\s+đạt)?\b", text, re.I):
            if m.start() > 0 and (last is None or m.end() > last.end()):
                last = m
    if last is None:
        return text
    rest = _TIME_PHRASE.sub(" ", text[last.end():]).strip(" ,:")
    rest = _strip(rest, words("link") + _comparator_words(), at_start=False).strip(" ,:")
    if not rest and _content_words(text[:last.start()]) >= MIN_INDICATOR_WORDS:
        return text[:last.start()].strip(" ,:")
    return text[last.end():].strip(" ,:")


def _from_head_word(text: str) -> str:
    """'chú trọng xây dựng chính sách để nâng cao tỷ lệ hoạt động trực tuyến' → 'tỷ lệ hoạt
    động trực tuyến': a measure word after other words starts the indicator."""
    starts = sorted(m.start() for w in words("head") for m in re.finditer(rf"(?<!\w){re.escape(w)}\b", text, re.I))
    if not starts or starts[0] == 0:
        return text
    last_comma = text.rfind(", ")
    in_last_part = [s for s in starts if s > last_comma] if last_comma > 0 else []
    if in_last_part and starts[0] < last_comma:
        # "Dự báo tình hình …, kinh tế … ổn định, dự báo tốc độ tăng trưởng GRDP": the
        # measure named in the last part of a long lead is the one the value belongs to
        return text[in_last_part[0]:]
    direction = next((d for d in sorted(_DIRECTIONS, key=len, reverse=True)
                      if normalize_key(text[:starts[0]]) == d), None)
    return text if direction else text[starts[0]:]  # "Giảm tỷ lệ hộ nghèo": the direction stays


def clean_right(text: str, q: Quantity) -> str:
    """The words after a value that name what it counts ("100% hồ sơ được số hóa")."""
    text = _MAIN_CLAUSE.split(text, maxsplit=1)[0]
    text = _PAREN_YEAR.sub(" ", _PAREN_POINTER.sub(" ", text))
    if not _BASELINE.split(text)[0].strip(" ,"):
        text = ""  # "… tăng 30% so với năm 2020": the baseline alone names nothing
    text = re.sub(r"^\s*(?:trở lên|trở xuống)\b", "", text)
    text = _strip(text.strip(" ,:"), words("base"), at_start=True)
    text = re.sub(r"\s+(?:trở lên|trở xuống)\b", "", text)
    text = _TIME_PHRASE.sub(" ", text)
    text = re.sub(r"\s+(?:so với|so cùng kỳ)\s*$", "", text.rstrip(" ,:;.-"))  # its year went with the time phrase
    text = re.sub(r"\s+", " ", text).strip(" ,:;.-")
    noun = _MULTIPLIER.sub("", q.unit)  # "3,2 triệu lượt khách" counts "lượt khách"
    if not q.percent and text and not is_unit_word(noun.split("/")[0]):
        text = f"{noun} {text}"
    return text


_MULTIPLIER = re.compile(r"^(?:nghìn|ngàn|triệu|tỷ|vạn|trăm)\s+", re.I)
# "(chi tiết tại Phụ lục I)", "(phân bổ theo địa phương tại Phụ lục I)": where the detail is, not what is counted
_PAREN_POINTER = re.compile(r"\([^()]*\b(?:[Pp]hụ lục|[Cc]hi tiết|[Bb]iểu số)\b[^()]*\)")
# '…, Ủy ban nhân dân tỉnh yêu cầu các cơ quan …': the main clause after a purpose that states the
# targets ('Để hoàn thành mục tiêu … 100% đối tượng được chi trả …, UBND tỉnh yêu cầu …')
_MAIN_CLAUSE = re.compile(r",\s+(?=(?:Ủy ban nhân dân|UBND|Chủ tịch|Ban Thường vụ|Thường trực|Sở|Tỉnh ủy|Thành ủy)"
                          r"[^,;.]{0,40}?\s(?:yêu cầu|đề nghị|chỉ đạo|giao|ban hành|quyết định|có ý kiến)\b)")


def _strip(text: str, wordings: tuple[str, ...], *, at_start: bool) -> str:
    changed = True
    while changed and text:
        changed = False
        for w in wordings:
            pattern = rf"^{re.escape(w)}\b[\s,:]*" if at_start else rf"[\s,]*\b{re.escape(w)}$"
            new = re.sub(pattern, "", text, flags=re.I).strip(" ,:")
            if new != text:
                text, changed = new, True
    return text


def _content_words(text: str) -> int:
    return len([w for w in normalize_key(text).split() if not w.isdigit()])


_DIRECTIONS = {"tăng", "giảm", "tăng thêm", "giảm xuống", "tăng lên", "cắt giảm", "rút ngắn", "nâng", "nâng cao"}
SHORT_LEFT = 3


def indicator_of(clause: Clause, q: Quantity, previous: str | None) -> str | None:
    if clause.part_of_previous and previous:
        # "Tỷ lệ lao động qua đào tạo đạt 65%, trong đó có bằng cấp, chứng chỉ đạt 28%"
        own = _strip(_MARKER.sub("", clause.left.strip()), words("link"), at_start=False).strip(" ,:")
        counted = clean_right(clause.right, q)
        if own in ("", "có") and clause.value_first and _content_words(counted) >= 1:
            return counted  # "…, trong đó có 20 doanh nghiệp công nghệ cao …", "…, trong đó ít nhất 70% lao động …"
        if re.match(r"(?:có|được|là)\b", own) or not own:
            return f"{previous} {own}".strip()  # "…, trong đó có bằng cấp, chứng chỉ đạt 28%"
        return own  # "…, trong đó khách quốc tế trên 5%"
    before = clean_left(clause.left)
    after = clean_right(clause.right, q)
    if clause.label and normalize_key(before) in _qualifiers() \
            and _content_words(label := clean_left(clause.label)) >= MIN_INDICATOR_WORDS:
        return label  # "Tốc độ tăng trưởng …: bình quân 3,5%/năm"
    if not _content_words(after) and (part := _of_parts(clause, before, previous)):
        return part
    if not after and not previous and not clause.label and not q.percent and not is_unit_word(q.unit.split("/")[0]) and \
            (not before or ("/" not in q.unit and len(before.split()) <= SHORT_LEFT)):
        after = q.unit  # "Tăng thêm 2.000 giường bệnh", "Đạt 35 bác sĩ/vạn dân": the counted noun
    if previous and not _content_words(after) and _names_only_a_rate(before):
        return f"{before} {previous}"  # "… dự kiến đạt 10 triệu USD, tốc độ tăng bình quân 8 - 9%/năm"
    if q.unit == "top" and (measure := _RANK_VERB.sub("", before)) != before and _opens_with_head(measure):
        return measure  # "Chỉ số cải cách hành chính của phường đứng trong top 30 …": what is ranked
    if not clause.value_first:
        short = len(before.split()) <= SHORT_LEFT
        if after and (not q.percent or _opens(before) or short) and not _linked_pattern().search(clause.left):
            return f"{before} {after}"  # "Hình thành ít nhất 20 mô hình …", "Sơ tán 100% người dân …"
        return before
    if previous and normalize_key(before) in _DIRECTIONS and not _content_words(after):
        return f"{previous} {before}"  # "… đạt 150 triệu đồng, tăng 30% so với năm 2020"
    if previous and not before and q.percent and _ends_with_share(clause.left):
        return previous  # "chi đầu tư phát triển 31.200 tỷ đồng, chiếm 45,6% tổng chi …": its share of a whole
    if _content_words(after) >= 1:
        if normalize_key(before) in _DIRECTIONS or (before and not q.percent):
            return f"{before} {after}"  # "Giảm 10% số ca mắc …", "đón 3,2 triệu lượt khách du lịch"
        if before and not _takes_object_only(clause.left) and not _ends_in_object_verb(clause.left):
            return f"{before} {after}".strip()  # "ở các khu đô thị ven biển, chất thải … được thu gom"
        return after
    label = clean_left(re.sub(r"\s+(?:trở lên|trở xuống)\b", "", clause.label))
    if _content_words(label) >= MIN_INDICATOR_WORDS:
        return label  # "Tổng lượt khách du lịch: 8,5 triệu lượt"
    head = clean_left(clause.head)
    if not before and _content_words(head) >= MIN_INDICATOR_WORDS:
        return head  # "Tỷ lệ …: năm 2026 đạt 60%, năm 2027 đạt 80%"
    if before and not q.percent and _content_words(before) >= MIN_INDICATOR_WORDS \
            and not is_unit_word(noun := _MULTIPLIER.sub("", q.unit).split("/")[0]):
        return f"{before} {noun}"  # "…; giải quyết việc làm mới cho 62.000 lao động": its own work, counted
    if previous:
        return previous  # "… đạt 80% vào năm 2025 và 100% vào năm 2030"
    return before or None


_RANK_VERB = re.compile(r"\s+(?:đứng|nằm|xếp|thuộc)(?:\s+(?:trong|vào|thứ|hạng))*(?:\s+(?:nhóm|top))?\s*$", re.I)


def _opens_with_head(text: str) -> bool:
    key = normalize_key(text)
    return any(key.startswith(normalize_key(w) + " ") for w in words("head"))


def _ends_with_share(left: str) -> bool:
    """'…, chiếm 45,6%': the words before the value are only a share link ('share' rows)."""
    key = normalize_key(left)
    return any(key == normalize_key(w) or key.endswith(" " + normalize_key(w)) for w in words("share")) \
        and _content_words(clean_left(left)) == 0


def _names_only_a_rate(before: str) -> bool:
    """'tốc độ tăng bình quân', 'tăng trưởng bình quân': a rate of change with no measure of its own,
    so it measures what the clause before it measured."""
    key = normalize_key(before)
    for head in words("head"):
        if key.startswith(normalize_key(head) + " "):
            key = key[len(normalize_key(head)) + 1:]
            break
    return key in _rates()


@lru_cache(maxsize=None)
def _rates() -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words("rate"))


@lru_cache(maxsize=None)
def _linked_pattern() -> re.Pattern:
    link = "|".join(re.escape(w) for w in words("link"))
    return re.compile(rf"(?:^|\s)(?:{link})\s*$", re.I)


def _opens(before: str) -> bool:
    """A verb that needs what follows the value ("phủ sóng tới 100% thôn")."""
    return before.split()[-1].lower() in {"tới", "đến", "cho", "ở", "tại", "với"} if before.split() else False


def year_of(sentence: str, clause: "Clause", scope: Scope, rate: bool = False, position: int | None = None,
            multiple: bool = False) -> int | None:
    """The clause's year, else the sentence's leading one, else the scope's; a yearly rate
    keeps none unless one is written in its sentence; a multiple's year right after it is its
    base ("gấp khoảng 1,5 lần năm 2025")."""
    if m := _PAREN_YEAR.match(clause.right):
        return int(m.group(1))
    right = _BASE_YEAR.sub(" ", clause.right) if multiple else clause.right
    own, _ = years_in(_without_baseline(_without_parentheses(f"{clause.left} {right}")))
    if own is not None:
        return own
    if m := _BY_DATE.search(f"{sentence[:position]} {clause.right}" if position is not None else sentence):
        return int(m.group(1) or m.group(2))  # "phấn đấu đến ngày 31/3/2026 tỷ lệ … đạt 95%"
    lead, _ = years_in(_without_baseline(_without_parentheses(sentence[:position])))
    if lead is not None:
        return lead
    if _opens_with_recurrence(sentence) or _opens_with_recurrence(clause.left):
        return None  # "Hằng năm, số vụ … tăng trên 3%", "mỗi năm có ít nhất 150 sản phẩm"
    if rate:
        return scope.leadin_year  # "… 30.000 người/năm" under "a) Đến năm 2025:", none under a heading
    if _has(sentence, "recurrence"):
        return scope.list_year  # "Mục tiêu cơ bản đến năm 2025:" above "… hằng năm tăng 7%"
    return scope.year


_BASE_YEAR = re.compile(r"^\s*(?:so với\s+)?(?:năm\s+)?(?:19|20)\d{2}\b")
_BY_DATE = re.compile(r"\b(?:đến|trước|tới|hết|vào|chậm nhất)\s+(?:hết\s+)?ngày\s+"
                      r"(?:\d{1,2}/\d{1,2}/((?:19|20)\d{2})|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d{2}))", re.I)
_CONNECTIVES = r"(?:(?:Trong đó|Theo đó|Đồng thời|Ngoài ra|Cụ thể|Bên cạnh đó),\s*)"


def _opens_with_recurrence(text: str) -> bool:
    text = re.sub(rf"^{_CONNECTIVES}", "", _MARKER.sub("", text.strip()))  # "Trong đó, mỗi năm có …"
    key = normalize_key(text)
    return any(key.startswith(normalize_key(w)) for w in words("recurrence"))


def targets_in_text(analysis: Analysis, text: str, scope: Scope, headings: list[str] = ()
                    ) -> list[tuple[Quantity, str, int | None]]:
    """(quantity, indicator, year) of every target a sentence states."""
    # A value inside parentheses is a remark, never a target: it does not cut the clauses of
    # the values around it ("02 dự án quy mô lớn (tổng mức đầu tư trên 1.000 tỷ đồng/dự án) tại …").
    found = [q for q in analysis.quantities(text) if not _inside_parentheses(text, q)]
    clauses = clauses_of(text, found)
    out = []
    previous = None
    inside = _counts_inside_next(text, found)
    if inside:
        found = [q for i, q in enumerate(found) if i not in inside]
        clauses = clauses_of(text, found)
    starting = {i for i in range(len(found)) if _starting_value(text, found, i)}
    for i, (q, clause) in enumerate(zip(found, clauses)):
        if i in starting:
            continue  # 'giảm từ 23 ca … xuống 18 ca': where the measure starts, not where it is aimed
        if qualifies_previous(found, clauses, i, text):
            if out and out[-1][0] is found[i - 1] and clauses[i - 1].value_first:
                # the count belongs to the indicator of the value before it
                whole = text[found[i - 1].end:q.start] + text[q.start:q.end] + clause.right
                out[-1] = (found[i - 1], clean_right(whole, found[i - 1]), out[-1][2])
                previous = out[-1][1]
            continue
        if q.comparator == "eq" and i and i - 1 not in starting and not q.percent \
                and found[i - 1].comparator in ("gt", "gte", "lt", "lte") \
                and found[i - 1].unit == q.unit and not _STRONG.search(text[found[i - 1].end:q.start]):
            q.comparator = found[i - 1].comparator  # "ít nhất 100 doanh nghiệp …, 50 doanh nghiệp …"
        if not is_target(q, text, scope, clause, headings, analysis.issued):
            continue
        if i - 1 in starting:  # what the starting value measures, the aimed one measures too
            indicator = indicator_of(clauses[i - 1], found[i - 1], previous)
        else:
            indicator = indicator_of(clause, q, previous)
        if not indicator:
            continue
        if previous and out and out[-1][0] is found[i - 1] and _repeats_the_noun(clauses[i - 1], indicator):
            indicator = previous  # "… đạt trên 95% dân số vào năm 2026 và đạt 97% dân số vào năm 2030"
        previous = indicator
        out.append((q, indicator, year_of(text, clause, scope, rate=q.unit.endswith("/năm"), position=q.start,
                                          multiple=q.unit == "lần")))
    shared = _share_predicate(text, _share_distributive_year(text, out), clauses, found)
    return _with_sentence_label(text, _distribute_items(text, shared))


def _repeats_the_noun(before: Clause, indicator: str) -> bool:
    """The words a value counts are those the value before it counted ('95% dân số … 97% dân
    số'): the second says the first's measure again."""
    key, right = normalize_key(indicator), normalize_key(before.right)
    return bool(key) and (right == key or right.startswith(key + " "))


def _share_predicate(text: str, out: list[tuple[Quantity, str, int | None]], clauses: list[Clause],
                     found: list[Quantity]) -> list[tuple[Quantity, str, int | None]]:
    """'100% UBND các quận, huyện và 90% UBND các phường, xã sử dụng Hệ thống …': values written
    first over a list of subjects share the predicate after the last ('… sử dụng Hệ thống …'),
    which the earlier subject lacks (the predicate opens at a word of `predicate` in
    data/target_words.csv)."""
    clause_of = {id(q): c for q, c in zip(found, clauses)}
    result = list(out)
    for k in range(len(result) - 2, -1, -1):
        (q, indicator, year), (q_next, next_indicator, _) = result[k], result[k + 1]
        c, c_next = clause_of.get(id(q)), clause_of.get(id(q_next))
        if not (c and c_next and c.value_first and c_next.value_first):
            continue
        between = text[q.end:q_next.start]
        if not re.fullmatch(r"[^,;.:]*(?:,[^,;.:]*)*?\s*(?:,|và)\s*(?:(?:và|có)\s+)?", between) or _predicate_at(indicator) is not None:
            continue
        if (at := _predicate_at(next_indicator)) is not None and len(indicator.split()) <= MAX_SUBJECT_WORDS:
            result[k] = (q, f"{indicator} {next_indicator[at:]}".strip(), year)
    return result


MAX_SUBJECT_WORDS = 10


def _predicate_at(indicator: str) -> int | None:
    """Where a value-first indicator's predicate starts ('UBND các phường, xã | sử dụng …'), not
    at its first word."""
    pattern = "|".join(re.escape(w) for w in sorted(words("predicate"), key=len, reverse=True))
    m = re.search(rf"(?<=\S)\s+(?:{pattern})(?!\w)", indicator)
    return m.start() + 1 if m else None


_RESPECTIVELY = re.compile(r"\s*lần lượt\s*(?:là|đạt|ở mức|tương ứng)?\s*$", re.I)
_ITEM_SEPARATOR = re.compile(r"\s*,\s*|\s+và\s+")
_DIRECTION_TAIL = re.compile(r"\s+(tăng|giảm)$", re.I)
MAX_SHARED_ITEM_WORDS = 3


def _distribute_items(text: str, found: list[tuple[Quantity, str, int | None]]
                      ) -> list[tuple[Quantity, str, int | None]]:
    """'Lượng giống, lượng phân bón, lượng thuốc bảo vệ thực vật giảm lần lượt 30%, 20% và 20%',
    'tỷ lệ … ở thành thị, nông thôn lần lượt là 100% và 90%': one value per item, the indicator
    naming its item (guidelines 3.2) — whole items when they open with the same word, else the
    words before the first item shared by all."""
    if "lần lượt" not in text or len(found) < 2:
        return found
    out = list(found)
    i = 0
    while i < len(out):
        run = [i]
        while run[-1] + 1 < len(out) and re.fullmatch(r"\s*(?:,|và)?\s*", text[out[run[-1]][0].end:out[run[-1] + 1][0].start]):
            run.append(run[-1] + 1)
        if len(run) > 1 and (m := _RESPECTIVELY.search(text[:out[i][0].start])):
            names = _items_before(text[:m.start()], len(run))
            if names:
                for j, name in zip(run, names):
                    out[j] = (out[j][0], name, out[j][2])
        i = run[-1] + 1
    return out


def _items_before(segment: str, n: int) -> list[str] | None:
    segment = re.split(r"[;:]\s|^\s*[-+•]\s*", segment)[-1].strip()
    tail = ""
    if d := _DIRECTION_TAIL.search(segment):
        tail, segment = f" {d.group(1)}", segment[:d.start()]
    parts = [p for p in _ITEM_SEPARATOR.split(segment) if p]
    if len(parts) != n:
        return None
    first_words = {p.split()[0].lower() for p in parts}
    if len(first_words) == 1 and len(parts[0].split()) > 1:
        return [p + tail for p in parts]  # each item names its measure: "lượng A, lượng B"
    size = len(parts[1].split())
    if size > MAX_SHARED_ITEM_WORDS or any(len(p.split()) > MAX_SHARED_ITEM_WORDS for p in parts[1:]) \
            or len(parts[0].split()) <= size:
        return None
    head = " ".join(parts[0].split()[:-size])
    return [f"{head} {' '.join(parts[0].split()[-size:])}{tail}"] + [f"{head} {p}{tail}" for p in parts[1:]]


_TO_VALUE = re.compile(r"[^,;.]{0,40}?(?<!\w)(?:xuống|lên|còn)\s*(?:(?:mức|còn|dưới|trên)\s+)?$")


def _starting_value(text: str, found: list[Quantity], i: int) -> bool:
    """A value after 'từ' that another value follows after 'xuống', 'lên' or 'còn'."""
    q = found[i]
    return i + 1 < len(found) and re.search(r"(?<!\w)từ\s*(?:mức\s+)?$", text[max(0, q.number_start - 12):q.number_start]) \
        is not None and _TO_VALUE.match(text[q.end:found[i + 1].start]) is not None


_SENTENCE_LABEL = re.compile(r"^\s*(?:[-+•*]\s*)?([^:;\d]{3,60}?)\s*:\s+(?=\S)")


def _with_sentence_label(text: str, found: list[tuple[Quantity, str, int | None]]
                         ) -> list[tuple[Quantity, str, int | None]]:
    """'Cơ cấu kinh tế: Ngư, nông, lâm nghiệp chiếm 27,31%; …; Dịch vụ chiếm 40,94%': a measure
    named before a colon at the start of the sentence is part of every indicator after it."""
    m = _SENTENCE_LABEL.match(text)
    if not m or len(m.group(1).split()) > 8 or _from_head_word(m.group(1)) != m.group(1) \
            or not any(normalize_key(m.group(1)).startswith(normalize_key(w)) for w in words("head")):
        return found
    label = m.group(1).strip()
    return [(q, ind if normalize_key(ind).startswith(normalize_key(label)) or q.start < m.end()
             else f"{label}: {ind}", year) for q, ind, year in found]


_YEAR_LIST = re.compile(r"\s*(?:vào|trong|tương ứng(?: với)?|đến)?\s*(?:các\s+)?năm\s+"
                        r"((?:19|20)\d{2}(?:\s*(?:,|và)\s*(?:19|20)\d{2})+)", re.I)


def _share_distributive_year(text: str, found: list[tuple[Quantity, str, int | None]]
                             ) -> list[tuple[Quantity, str, int | None]]:
    """'… lần lượt đạt 35% và 99% vào năm 2030': the values of one distributive list share
    the year said after the last of them."""
    if "lần lượt" not in text or len(found) < 2:
        return found
    out = list(found)
    run = [0]
    for i in range(1, len(out) + 1):
        joined = i < len(out) and re.fullmatch(r"\s*(?:,|và|;)?\s*", text[out[i - 1][0].end:out[i][0].start])
        if joined:
            run.append(i)
            continue
        years = {out[j][2] for j in run} - {None}
        listed = _YEAR_LIST.match(text, out[run[-1]][0].end)
        listed = [int(y) for y in re.findall(r"(?:19|20)\d{2}", listed.group(1))] if listed else []
        if len(run) > 1 and len(listed) == len(run):
            # "… lần lượt đạt 70%, 85% và 95% vào các năm 2026, 2027 và 2028": one measure, a year each
            for j, year in zip(run, listed):
                out[j] = (out[j][0], out[run[0]][1], year)
        elif len(run) > 1 and len(years) == 1:
            year = years.pop()
            for j in run:
                out[j] = (out[j][0], out[j][1], year)
        run = [i]
    return out


# "Nhiệm kỳ 2025-2030, Quảng Ninh hướng tới …", "Giai đoạn 2026 - 2030, tỉnh phấn đấu …": a
# paragraph of a text without headings (a news article) that opens with the period it speaks of
_OPENING_PERIOD = re.compile(r"^(?:Trong\s+)?(?:[Nn]hiệm kỳ|[Gg]iai đoạn)\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\s*,")
PERIOD_LOOKBACK = 8  # paragraphs back to the one that opened the period


def _opened_period(analysis: Analysis, block) -> tuple[int, int] | None:
    """The period the nearest paragraph before `block` opened with, in a text without headings."""
    i = analysis.index_of(block)
    for node in reversed(analysis.nodes[max(0, i - PERIOD_LOOKBACK):i + 1]):
        if (m := _OPENING_PERIOD.match(node.block.text.strip())) and int(m.group(1)) < int(m.group(2)):
            return int(m.group(1)), int(m.group(2))
    return None


def prose_targets(analysis: Analysis, block) -> list[Target]:
    scope = analysis.scope(block)
    if scope.kind in NO_TARGET_KINDS:
        return []
    out: list[Target] = []
    section = None
    headings = analysis.headings(block)
    if scope.year is None and not headings and (period := _opened_period(analysis, block)):
        scope = replace(scope, year=period[1], years=period)
    for sentence in sentences(block.text, block.start):
        for q, indicator, year in targets_in_text(analysis, sentence.text, scope, headings):
            section = section if section is not None else analysis.section(block)
            out.append(Target(
                indicator=indicator, domain=scope.domain, year=year,
                value=q.value, value_max=q.value_max, unit=q.unit, comparator=q.comparator,
                section=section, text=sentence.text.strip(), page=block.page,
                start=sentence.start, end=sentence.start + len(sentence.text)))
    return out


# ------------------------------------------------------------------ tables

def table_targets(analysis: Analysis, view: TableView, province: str | None,
                  body: list[Target]) -> list[Target]:
    """Targets of a target table; rows that restate a target of `body` give it agencies."""
    from .agencies import canonical_names
    block = view.block
    scope = analysis.scope(block)
    content = view.role("indicator") or view.role("task")
    unit_col = view.role("unit")
    lead_col, partner_col = view.role("lead"), view.role("partners")
    # Values of the present or the past (an estimate, a comparison, a year already under
    # way when the plan was issued) are not targets.
    values = [c for c in view.value_columns() if not c.current and analysis.is_ahead(c.year)]
    latest = max((c.year for c in values if c.year and c.period is None), default=None)
    values = [c for c in values if c.period is None or latest is None or c.year >= latest]
    section = analysis.section(block)
    new: list[Target] = []
    body = _near(body, block.start)
    stated = _by_value(body)
    shared_years = _years_of_several_columns(values)
    lead_in = _lead_in_measure(analysis, block) if content is not None and content.items else None
    for r in view.body_rows():
        indicator = _row_indicator(view.text(r, content))
        if not indicator or _is_group_title(view, r, content):
            continue
        indicator = _with_measured_item(view, r, content, indicator)
        lead = canonical_names(view.text(r, lead_col), province) if lead_col else []
        partners = canonical_names(view.text(r, partner_col), province) if partner_col else []
        start, end = block.row_spans[r] if r < len(block.row_spans) else (block.start, block.end)
        row_text = " | ".join(c.text for c in view.table.row(r) if c.text)
        if values:
            unit = _row_unit(view, r, unit_col, indicator)
            for column in values:
                parsed = value_of(view.text(r, column))
                if parsed is None:
                    continue
                value, value_max, comparator = parsed
                name = _PAREN.sub("", indicator) if is_unit_word(_PAREN.search(indicator).group(0).strip(" ()")
                                                                   if _PAREN.search(indicator) else "") else indicator
                if direction := direction_of(view.text(r, column)):
                    name = f"{name} {direction}"  # "Tỷ lệ hộ nghèo | … | Giảm 0,5"
                if column.year in shared_years and (measure := _column_measure(column)):
                    name = f"{measure} {name}"  # 'Kế hoạch 2026' over 'Lượng (Tấn) | Giá trị (Nghìn USD)'
                if column.measure:
                    name = f"{column.measure} {name}"  # '| KCN Nam Cấm | 10 |' under 'Số trạm BTS 5G'
                elif content.items and (measure := _measure_over_year(column) or _cumulative(column)):
                    name = f"{measure} {name}"  # 'Số điểm được công nhận mới' over 'Năm 2023 | Năm 2024'
                elif lead_in:
                    name = f"{lead_in} {name}"  # 'Số trạm BTS 5G lắp đặt … như sau:' over '| KCN Nam Cấm | 10 |'

                year = column.year or _row_year(view, r) or scope.year
                row_unit = normalize_unit(column.unit) if column.unit else _counted_in(column.measure) or unit
                if unit_col is None and (own_unit := unit_in_value_cell(view.text(r, column))):
                    row_unit = normalize_unit(own_unit)  # "Số giường bệnh/vạn dân | 35 giường"
                elif unit_col is None and _RATE_PER_YEAR.search(view.text(r, column)):
                    row_unit = "%/năm"  # "3,5 - 4%/năm"
                if RANK_CELL.match(view.text(r, column)):
                    row_unit = "top"  # "Top 20" beside a unit column that says "Thứ hạng"
                said = _stated_before(stated, name, value, value_max, year) \
                    or _item_stated_before(stated, indicator, value, value_max, year, row_unit)
                if said is not None:
                    # the table restates a target of the text ("ít nhất 500 kỹ sư …" / "… | 500"):
                    # one record, the first statement's, with the table's agencies
                    said.lead, said.partners = said.lead or lead, said.partners or partners
                    continue
                new.append(Target(indicator=name, domain=scope.domain,
                                  year=year, value=value, value_max=value_max,
                                  unit=row_unit, comparator=comparator, lead=lead,
                                  partners=partners, section=section, text=row_text,
                                  page=block.page, start=start, end=end))
            continue
        cell_targets = [t for t in _text_targets(analysis, view.text(r, content), scope, section, block)]
        if not cell_targets:
            _attach_by_indicator(indicator, body, lead, partners)
        for t in cell_targets:
            match = _same_in(body, t)
            if match is not None:
                match.lead, match.partners = lead or match.lead, partners or match.partners
                continue
            t.lead, t.partners, t.start, t.end = lead, partners, start, end
            new.append(t)
    return new


def _near(body: list[Target], position: int) -> list[Target]:
    """The targets of `body` (in text order) stated nearest to `position`."""
    from bisect import bisect_left
    i = bisect_left([t.start for t in body], position)
    return body[max(0, i - RESTATEMENT_WINDOW):i + RESTATEMENT_WINDOW]


def _by_value(targets: list[Target]) -> dict[tuple, list[Target]]:
    """Targets by (value, upper bound, year): restatements are looked up, not searched for."""
    index: dict[tuple, list[Target]] = {}
    for t in targets:
        index.setdefault((t.value, t.value_max, t.year), []).append(t)
    return index


def _stated_before(index: dict[tuple, list[Target]], indicator: str, value: float, value_max: float | None,
                   year: int | None) -> Target | None:
    candidates = index.get((value, value_max, year), [])
    scored = [(word_overlap(t.indicator, indicator), t) for t in candidates]
    best = max(scored, key=lambda st: st[0], default=(0.0, None))
    return best[1] if best[0] >= SAME_TARGET else None


def _item_stated_before(index: dict[tuple, list[Target]], item: str, value: float, value_max: float | None,
                        year: int | None, unit: str) -> Target | None:
    """An appendix that names only the item ('Xoài | 18.000' under 'Lượng (Tấn)') restates the
    text's 'Tổng sản phẩm Xoài tham gia xuất khẩu … đạt 18.000 tấn' when the value, year and unit
    are the same and the text's indicator names the item."""
    key = normalize_key(item)
    if not key or len(key.split()) > 4:
        return None
    for t in index.get((value, value_max, year), []):
        if normalize_unit(t.unit or "") == normalize_unit(unit or "") and f" {key} " in f" {normalize_key(t.indicator)} ":
            return t
    return None


def _text_targets(analysis: Analysis, text: str, scope: Scope, section: str, block) -> list[Target]:
    objective = Scope(scope.year, scope.years, "objectives", scope.domain)
    return [Target(indicator=indicator, domain=scope.domain, year=year, value=q.value, value_max=q.value_max,
                   unit=q.unit, comparator=q.comparator, section=section, text=text, page=block.page)
            for q, indicator, year in targets_in_text(analysis, text, objective)]


def _row_indicator(text: str) -> str:
    text = _MARKER.sub("", text.strip())
    text = re.sub(r"^(?:bao gồm|trong đó|gồm)\s*:\s*", "", text, flags=re.I)
    return text.strip(" :;.")


def _years_of_several_columns(values: list) -> set[int]:
    """Years with more than one value column: each column is then a measure of its own."""
    years = [c.year for c in values if c.year is not None]
    return {y for y in years if years.count(y) > 1}


def _lead_in_measure(analysis: Analysis, block) -> str | None:
    """'Số trạm BTS 5G lắp đặt tại các khu công nghiệp như sau:' just above a table of places: the
    measure its values are of, up to where it says where or how ('tại', 'như sau')."""
    node = analysis.node(block)
    lead = node.parent if node.parent is not None and node.parent.role == LEADIN else None
    if lead is None or not names_a_measure(lead.block.text):
        return None
    measure = re.split(r"\s+(?:tại|ở|của|như sau|cụ thể|theo)\b|:", _MARKER.sub("", lead.block.text.strip()))[0]
    return measure.strip(" ,") or None


def _counted_in(measure: str | None) -> str | None:
    """'Số trạm BTS 5G' counts 'trạm'; 'Số hộ gia đình …' counts 'hộ gia đình' (a known counted
    noun) — the unit of a measure column that states none."""
    from ..analyze.quantities import _counted_nouns
    m = re.match(r"(?i:số)\s+(?!lượng\b)(\w+)((?:\s+\w+)*)", measure or "")
    if not m:
        return None
    rest = f"{m.group(1)}{m.group(2)}".lower()
    known = next((n for n in _counted_nouns().get(m.group(1).lower(), []) if rest.startswith(n)), None)
    return known or m.group(1).lower()


def _row_year(view: TableView, row: int) -> int | None:
    """The year a row's own time cell gives ('Quý II/2026'), for values under a measure."""
    from .tasks import parse_timeframe
    time = view.role("time")
    return parse_timeframe(view.text(row, time))[1] if time is not None else None


def _column_measure(column) -> str | None:
    """A value column's own measure: its lowest header cell without the unit ('Lượng (Tấn)'
    → 'Lượng'), when that cell names no year."""
    if not column.header or _YEAR_IN.search(column.header[-1]) or len(column.header) < 2:
        return None
    return _PAREN.sub("", column.header[-1]).strip() or None


def _measure_over_year(column) -> str | None:
    """A group header that names a measure over a year column of a table of places ('Số điểm
    được công nhận mới (điểm)' over 'Năm 2023'), without its unit."""
    for text in column.header[:-1]:
        if names_a_measure(text) and not _YEAR_IN.search(text):
            return _PAREN.sub("", text).strip() or None
    return None


def _cumulative(column) -> str | None:
    """'Lũy kế đến năm 2025' beside the yearly columns: the running total is a measure of its own."""
    text = column.header[-1] if column.header else ""
    return _PAREN.sub("", text).strip() if _CUMULATIVE.match(text) else None


_CUMULATIVE = re.compile(r"(?:[Ll]ũy kế|[Cc]ộng dồn)\b")


def _with_measured_item(view: TableView, row: int, content, indicator: str) -> str:
    """A bare measure ('- | Diện tích | Ha | 27.000') measures the item of the nearest row above
    without values ('1 | Cà Phê | | |') → 'Diện tích Cà Phê'; a row that names its item
    ('Sản lượng cà phê nhân') stays as it is."""
    key = normalize_key(indicator)
    if not any(key == w or key.startswith(w + " ") for w in words("measure")) or len(key.split()) > 4:
        return indicator
    number_col = view.role("number")
    if number_col is not None and re.search(r"\w", view.text(row, number_col)):
        return indicator  # "2 | Kim ngạch xuất khẩu": a numbered row is an item of its own
    for above in range(row - 1, view.header_rows - 1, -1):
        if any(view.text(above, c).strip() for c in view.value_columns()):
            continue  # a sibling measure of the same item
        item = _row_indicator(view.text(above, content))
        if item and normalize_key(item) not in key:
            return f"{indicator} {item}"
        return indicator
    return indicator


def _is_group_title(view: TableView, row: int, content) -> bool:
    cell = view.cell(row, content)
    return cell is not None and cell.col_span > 1


def _row_unit(view: TableView, row: int, unit_col, indicator: str) -> str:
    if unit_col is not None and (u := view.text(row, unit_col)):
        return normalize_unit(u)
    if (m := re.search(r"\(([^()]{1,20})\)\s*$", indicator)) and is_unit_word(m.group(1)):
        return normalize_unit(m.group(1))
    return normalize_unit(view.unit or "%")


def is_unit_word(text: str) -> bool:
    """'%', 'tỷ đồng', 'ha' — not '(I+II+III)' or '(nguồn XDCB tập trung)'."""
    from ..analyze.quantities import _unit_words
    text = text.strip()
    return text == "%" or (bool(text) and all(w.lower() in _unit_words() for w in text.split()))


def normalize_unit(unit: str) -> str:
    """'Tỷ đồng' → 'tỷ đồng', 'Triệu USD' → 'triệu USD', '%' → '%'."""
    unit = unit.strip()
    return " ".join(w if (w.isupper() and len(w) > 1) else w.lower() for w in unit.split())


def _same_in(body: list[Target], t: Target) -> Target | None:
    best, best_score = None, SAME_TARGET
    for b in body[-NEAR_TARGETS:]:
        if (b.value, b.value_max, b.comparator) != (t.value, t.value_max, t.comparator):
            continue
        if t.year is not None and b.year is not None and t.year != b.year:
            continue
        score = word_overlap(b.indicator, t.indicator)
        if score >= best_score:
            best, best_score = b, score
    return best


def _attach_by_indicator(indicator: str, body: list[Target], lead: list[str], partners: list[str]) -> None:
    """A row naming an indicator without a value gives its agencies to the targets of that
    indicator that have none yet."""
    if not (lead or partners):
        return
    scored = [(word_overlap(t.indicator, indicator), t) for t in body[-NEAR_TARGETS:] if not t.lead and not t.partners]
    if not scored:
        return
    top = max(s for s, _ in scored)
    if top < INDICATOR_ROW_MATCH:
        return
    for score, t in scored:
        if score >= max(INDICATOR_ROW_MATCH, top - 0.2):
            t.lead, t.partners = list(lead), list(partners)


def restated_in_task_rows(analysis: Analysis, view: TableView, province: str | None, body: list[Target]) -> None:
    """A task row that restates a target of the text ("… chiếm tối thiểu 50% …") or names
    its indicator (a measurement row: "Tỷ trọng kinh tế số | Cục Thống kê tỉnh") gives it
    the row's agencies."""
    from .agencies import canonical_names
    content = view.role("task")
    if content is None:
        return
    scope = analysis.scope(view.block)
    lead_col, partner_col = view.role("lead"), view.role("partners")
    body = _near(body, view.block.start)
    for r in view.body_rows():
        text = view.text(r, content)
        if not text:
            continue
        lead = canonical_names(view.text(r, lead_col), province) if lead_col else []
        partners = canonical_names(view.text(r, partner_col), province) if partner_col else []
        restated = _text_targets(analysis, text, scope, "", view.block) if "%" in text else []
        for t in restated:
            match = _same_in(body, t)
            if match is not None and not match.lead:
                match.lead, match.partners = lead, partners
        if not restated:
            _attach_by_indicator(_row_indicator(text), body, lead, partners)


def dedupe(targets: list[Target]) -> list[Target]:
    """One record per target stated twice (a summary and its detail, a photo caption)."""
    out: list[Target] = []
    by_key: dict[tuple, list[Target]] = {}  # looked up, not searched: linear in the records
    for t in targets:
        same = by_key.setdefault((t.value, t.value_max, t.comparator, t.unit, t.year), [])
        twin = next((o for o in same if word_overlap(o.indicator, t.indicator) >= 0.8), None)
        if twin is None:
            out.append(t)
            same.append(t)
        elif not twin.lead and t.lead:
            twin.lead, twin.partners = t.lead, t.partners
    return out


def extract_targets(analysis: Analysis, province: str | None = None) -> list[Target]:
    from ..national import indicator_id
    body: list[Target] = []
    for block in analysis.readable_blocks():
        if block.table is None:
            body += prose_targets(analysis, block)
    tables: list[Target] = []
    for block in analysis.readable_blocks():
        if block.table is None:
            continue
        view = analysis.table(block)
        if analysis.scope(block).kind in NO_TARGET_KINDS:
            continue  # a scoring sheet, a table of results: its thresholds are not what the plan sets
        if view.kind == "targets":
            tables += table_targets(analysis, view, province, body)
        elif view.kind == "tasks":
            restated_in_task_rows(analysis, view, province, body)
    targets = dedupe(body + tables)
    for target in targets:
        target.indicator_id = indicator_id(target.indicator)
    return targets
