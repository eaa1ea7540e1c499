"""Deadlines: dated or recurring obligations stated in prose.

Due dates: "trước ngày 31/12/2022"; "trong Quý II/2024" (the quarter's last day); "trong tháng
6/2024" (the month's last day); "trong năm 2024", "hoàn thành trong năm 2024", "phấn đấu đến hết
năm 2025" (the year's end); "bảo đảm từ ngày 01/01/2026"; "báo cáo … (năm 2030)". A deadline
without a year ("trước ngày 30 tháng 11", "trước ngày 15 hằng tháng", "trong thời hạn 30 ngày")
is an obligation with no due date. Recurrences: the words of `data/time_words.csv` and
`data/deadline_words.csv` ("hằng năm", "hàng quý", "định kỳ 06 tháng", "báo cáo 6 tháng, năm"; a
bare "định kỳ" has no period); the most frequent wins. Not deadlines: goal lists and tables
(targets' years, tasks' timeframes), sections that report results, where money comes from
("Kinh phí … hằng năm"), "hằng năm" inside a target ("giảm hàng năm 1%"), a plan's period ("Từ
năm 2025 đến hết năm 2030").

Who must act: the agency paragraph the sentence stands in, else the bodies the sentence opens
with — or, after "yêu cầu"/"giao"/"đề nghị", the bodies asked —, else those its paragraph opens
with ("4. Các đảng bộ trực thuộc Tỉnh ủy: … . Báo cáo …") or a heading that is only names
("6. Các khu phố" above its bullets).
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

from ..document import HEADING, TABLE, Document
from ..lexicon import read_rows, sentence_break
from ..normalize import normalize_key
from ..records import Deadline, Task
from ..structure import Section, section_paths
from .agencies import canonical_names, find_agencies, names_only as _names_only
from .dates import DATE_PATTERN, iso_date
from .spans import bullet_end, split_spans

_SENTENCE_END = sentence_break(".;", "A-ZĐÂĂÊÔƠƯÁÀẢÃẠ")
_LABEL = re.compile(r"^\s*(?:[a-zđ]\)|\d+(?:\.\d+)*[.)]|[-–+•*])\s*")
FREQUENCY = {"daily": -1, "weekly": 0, "monthly": 1, "quarterly": 2, "semiannual": 3, "annual": 4}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_YEAR = r"((?:19|20)\d{2})"
_BY = r"(?:trong|trước|hết|đến hết|đến|vào|hoàn thành trong|hoàn thành|xong trong|chậm nhất trong|chậm nhất)"
MIN_WORDS = 4  # "Hàng năm" alone (a time cell read as text) states no obligation


@lru_cache(maxsize=None)
def _words(role: str) -> tuple[str, ...]:
    return tuple(r["wording"] for r in read_rows("deadline_words.csv") if r["role"] == role)


@lru_cache(maxsize=None)
def _recurrence_words() -> list[tuple[str, str | None]]:
    rows = [(r["wording"], r["recurrence"] or None) for r in read_rows("time_words.csv")
            if r["recurrence"] or r["wording"] == "định kỳ"]
    rows += [(r["wording"], r["role"].split(":", 1)[1]) for r in read_rows("deadline_words.csv")
             if r["role"].startswith("recurrence:")]
    return sorted(rows, key=lambda r: -len(r[0]))


# 'kiểm thử an toàn định kỳ', 'kiểm tra định kỳ, đột xuất': a bare 'định kỳ' after what is done
# says how often an activity runs, not that a duty recurs ('định kỳ báo cáo', 'báo cáo định kỳ' do).
_ACTIVITY_PERIODIC = re.compile(r"(?<=\w)(?<!báo cáo)\s+định kỳ(?=\s*(?:[,.;:)]|$|trên\b|tại\b|theo\b|đối với\b|cho\b|"
                                r"\d+\s*(?:năm|tháng|ngày)\s*/\s*lần|"  # 'được kiểm định định kỳ 02 năm/lần'
                                r"(?:và|hoặc)\s+đột xuất\b))")  # 'kiểm tra định kỳ và đột xuất': a way of working
# A task's attribute line ('Thời gian: từ tháng 7/2021 đến hết Quý I/2022') gives its timeframe.
_TIME_LABEL = re.compile(r"(?i:thời gian|tiến độ|thời hạn|lộ trình)(?:\s+(?i:thực hiện|hoàn thành|triển khai))?\s*:")
_REPORTS = re.compile(r"\b(?:báo cáo|tổng hợp|gửi|cập nhật)\b")
SCHEMA_RECURRENCES = ("monthly", "quarterly", "semiannual", "annual")  # 'hằng tuần', 'hằng ngày' recur, with none of these


_DATE_BETWEEN = re.compile(rf"\s+(?:trước|chậm nhất|trước hoặc vào)\s+ngày\s+(?:{DATE_PATTERN})(?=\s+và\b)", re.I)


def _recurrence(sentence: str) -> tuple[bool, str | None]:
    """(is a recurring obligation, the most frequent period named). A comma reads as 'và'
    ('Báo cáo 6 tháng, năm'); 'kế hoạch trung hạn, hằng năm' names a kind of plan."""
    lowered = _ACTIVITY_PERIODIC.sub(" ", re.sub(r"\s+", " ", sentence.lower()))
    lowered = _DATE_BETWEEN.sub("", lowered)  # '6 tháng trước ngày 15/6/2026 và cả năm trước ngày …'
    lowered = re.sub(r"\s*,\s*", " và ", lowered)
    for phrase in _words("not_recurrence"):
        lowered = lowered.replace(phrase, " ")
    found = [rec for word, rec in _recurrence_words() if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered)]
    if found and set(found) <= {"weekly", "daily"} and not _REPORTS.search(lowered):
        return False, None  # 'vệ sinh trường lớp hằng tuần': how often an activity runs, no report due
    if not found:
        return False, None
    periods = [r for r in found if r]
    return True, min(periods, key=FREQUENCY.get) if periods else None


def _last_day(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


# (pattern, due date of a match or None for an obligation without one, holds beside a target
# value), each found where it stands
_DUE_FORMS: list[tuple[re.Pattern, object, bool]] = [
    (re.compile(rf"(?:trước|chậm nhất|hạn chót|không quá)\s+(?:ngày\s+)?({DATE_PATTERN})", re.I),
     lambda m: iso_date(m.group(1)), True),
    (re.compile(rf"(?:đến hết năm|hết năm)\s+{_YEAR}"), lambda m: f"{m.group(1)}-12-31", True),
    (re.compile(rf"{_BY}\s+quý\s+(IV|III|II|I|[1-4])\s*(?:/|năm|-)\s*{_YEAR}", re.I),
     lambda m: _last_day(int(m.group(2)), 3 * (int(m.group(1)) if m.group(1).isdigit() else _ROMAN[m.group(1).upper()])),
     True),
    (re.compile(rf"{_BY}\s+tháng\s+(\d{{1,2}})\s*(?:/|năm|-)\s*{_YEAR}", re.I),
     lambda m: _last_day(int(m.group(2)), int(m.group(1))) if 1 <= int(m.group(1)) <= 12 else None, True),
    (re.compile(rf"(?:trong|hoàn thành trong|hoàn thành|xong trong)\s+năm\s+{_YEAR}", re.I),
     lambda m: f"{m.group(1)}-12-31", False),
    # 'sơ kết 3 năm vào năm 2028 và tổng kết vào năm 2030': a review due in a year
    (re.compile(rf"(?:sơ kết|tổng kết|đánh giá)[^.;]{{0,30}}?\s+vào\s+năm\s+{_YEAR}", re.I),
     lambda m: f"{m.group(1)}-12-31", False),
    (re.compile(rf"(?:bảo đảm|đảm bảo)\s+(?:kể\s+)?từ\s+ngày\s+({DATE_PATTERN})", re.I),
     lambda m: iso_date(m.group(1)), True),
    (re.compile(rf"báo cáo[^.;]{{0,60}}?\(\s*năm\s+{_YEAR}\s*\)", re.I),
     lambda m: f"{m.group(1)}-12-31", True),
    # a deadline without a year: an obligation, no due date
    (re.compile(r"(?:trước|chậm nhất|hạn chót)\s+ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}|\s+tháng\s+\d{1,2})?"
                r"(?!\s*(?:/|-|\.)\s*\d)(?!\s+năm\s+\d)", re.I), lambda m: None, True),
]
_PLAN_PERIOD = re.compile(rf"[Tt]ừ năm\s+{_YEAR}\s*(?:đến|-|–)\s*(?:hết\s+)?năm\s+{_YEAR}"
                          rf"|[Tt]ừ nay (?:đến|tới) (?:hết |cuối )?năm\s+{_YEAR}")  # 'Từ nay đến hết năm 2025'
_ONGOING = re.compile(r"(?:thường xuyên|liên tục),?\s+(?:\S+\s+){0,3}?trong năm\s+(?:19|20)\d{2}")
_PAST = re.compile(r"^(?:\S+\s+){0,6}?đã\s+(?!được)")
_DONE_BEFORE = re.compile(r"\bđã\s+(?:bị|được)\s+(?:\S+\s+){0,4}$")  # 'đã bị xử lý vi phạm ' right before a time
_TARGET_VALUE = re.compile(r"\d+(?:[.,]\d+)?\s*%")


def _due(sentence: str, beside_target: bool = False) -> tuple[bool, str | None]:
    """(states a deadline, the first due date). Beside a target value, a year the target is due
    ('đạt 50% trong năm 2026') is no deadline; 'phấn đấu đến hết năm 2025' still is."""
    sentence = _ONGOING.sub(" ", _PLAN_PERIOD.sub(" ", sentence))  # a period, or work going on through a year
    found = []
    for pattern, due, with_target in _DUE_FORMS:
        if beside_target and not with_target:
            continue
        for m in pattern.finditer(sentence):
            if _DONE_BEFORE.search(sentence[:m.start()]):
                continue  # 'các cơ sở đã bị xử lý vi phạm trong năm 2024': when something happened
            found.append((m.start(), due(m)))
    if not found:
        return False, None
    found.sort(key=lambda f: f[0])
    dated = [d for _, d in found if d]
    return True, dated[0] if dated else None


def sentences(text: str) -> list[tuple[int, int]]:
    return split_spans(text, _SENTENCE_END)


def _skipped_section(section: Section) -> bool:
    """Goal lists (targets' years) and sections that report results."""
    keys = [normalize_key(t) for t in section.titles]
    goal = any(w in k for k in keys for w in ("mục tiêu", "chỉ tiêu"))
    past = any(normalize_key(w) in k for k in keys for w in _words("past_section"))
    return goal or past


def _paragraph_lead(offset: int, prose: list[Task]) -> list[str] | None:
    for task in prose:
        if task.start is not None and task.start <= offset < (task.end or task.start) + 1:
            return task.lead
    return None


def extract_deadlines(doc: Document, prose: list[Task], province: str | None = None) -> list[Deadline]:
    out = []
    for block, section in zip(doc.blocks, section_paths(doc)):
        if block.kind in (TABLE, HEADING) or _skipped_section(section):
            continue  # a heading names a part ('1. Các nhiệm vụ cần làm ngay trong năm 2026'), it asks nothing
        body_at = bullet_end(block.text)
        for s, e in sentences(block.text[body_at:]):
            sentence = block.text[body_at + s: body_at + e].strip()
            found = _deadline(sentence)
            if found is None:
                continue
            due, recurrence = found
            recurrence = recurrence if recurrence in SCHEMA_RECURRENCES else None
            start = block.start + body_at + s
            # a sentence that says whom it asks ('UBND Thành phố yêu cầu các Sở …') speaks for itself,
            # whatever agency paragraph it closes
            lead = _paragraph_lead(start, prose)
            agencies = asked_bodies(sentence, province) or _as_the_paragraph_names(_own_subject(sentence, province), lead) \
                or lead or actors(sentence, province)
            if not agencies and not _closing(block.text[body_at:]):
                agencies = _paragraph_bodies(block.text[body_at:], province) or _heading_bodies(section, province)
            out.append(Deadline(text=sentence, due_date=due, recurrence=recurrence, agencies=list(agencies),
                                page=doc.page_at(start), start=start, end=start + len(sentence)))
    return out


def _deadline(sentence: str) -> tuple[str | None, str | None] | None:
    """(due date, recurrence) of a sentence that states an obligation in time, else None."""
    body = _LABEL.sub("", sentence)
    if _TIME_LABEL.match(body):
        return None
    if len(body.split()) < MIN_WORDS or normalize_key(body).startswith(tuple(map(normalize_key, _words("not_obligation_start")))):
        return None
    if _PAST.match(body):
        return None  # 'Ngành Thuế đã tập trung …': what was done
    target = bool(_TARGET_VALUE.search(body)) and "báo cáo" not in body.lower()
    dated, due = _due(body, beside_target=target)
    recurring, recurrence = _recurrence(body)
    if target and not dated:
        return None  # 'giảm hàng năm 1%': 'hằng năm' inside a target
    if not dated and not recurring:
        return None
    return due, recurrence


# ------------------------------------------------------------------ who acts

@lru_cache(maxsize=None)
def _delegating() -> re.Pattern:
    verbs = "|".join(map(re.escape, sorted(_words("delegating_verb"), key=len, reverse=True)))
    return re.compile(rf"^\s*(?:{verbs})\s+")


def actors(sentence: str, province: str | None = None) -> list[str]:
    """The bodies a sentence opens with ('Các sở, ban, ngành, UBND xã, phường định kỳ …'), or
    those asked to act ('UBND Thành phố yêu cầu các Sở, ban, ngành … báo cáo …')."""
    text = _LABEL.sub("", sentence)
    names, end = _opening_bodies(text, province)
    if not names and (opener := _delegating().match(text.lower())):
        # 'Giao Sở X chủ trì, … trước ngày …', 'Đề nghị các sở … báo cáo …': the bodies given the work
        return _opening_bodies(text[opener.end():], province)[0]
    if asked := _asked_after(text, names, end, province):
        return asked
    if not names and _closing(text) and (m := _CLOSING_REQUEST.search(text)):
        # "Trên đây là Kế hoạch …, yêu cầu các sở, ban, ngành; UBND các xã, phường … báo cáo …"
        return _opening_bodies(text[m.end():], province)[0]
    return names


# 'Báo cáo 6 tháng: …', 'Báo cáo năm: …': a schedule's label before the sentence's subject
_SCHEDULE_LABEL = re.compile(r"^\s*Báo cáo\s+[^:]{1,20}:\s*")


def _own_subject(sentence: str, province: str | None = None) -> list[str]:
    """The bodies a sentence opens with as its subject (guidelines §7: who must act, from the
    sentence, before its agency paragraph's bodies): 'Công an Thành phố chủ trì phối hợp với …
    định kỳ kiểm tra …' → Công an thành phố; 'Báo cáo năm: Các cơ quan, đơn vị gửi …' → the
    bodies concerned. Bodies before a colon ('…; UBND các xã: Căn cứ …') label a paragraph
    whose list the sentence cut: they are not its subject."""
    text = _SCHEDULE_LABEL.sub("", _LABEL.sub("", sentence))
    names, end = _opening_bodies(text, province)
    return [] if text[end:].lstrip().startswith(":") else names


def _as_the_paragraph_names(names: list[str], lead: list[str] | None) -> list[str]:
    """A body the sentence names shorter than its paragraph does ('Các doanh nghiệp' of 'Các
    doanh nghiệp khai thác công trình thủy lợi, thủy điện') takes the paragraph's name."""
    return [next((n for n in lead or [] if n.startswith(name)), name) for name in names]


def asked_bodies(sentence: str, province: str | None = None) -> list[str]:
    """The bodies a sentence asks to act after the body that asks: 'UBND Thành phố yêu cầu các
    Sở, ban, ngành, UBND phường, xã … báo cáo …' → the departments and the communes."""
    text = _LABEL.sub("", sentence)
    return _asked_after(text, *_opening_bodies(text, province), province)


def _asked_after(text: str, names: list[str], end: int, province: str | None) -> list[str]:
    """After the bodies that open a text and a delegating verb, the bodies asked."""
    if names and (m := _delegating().match(text[end:])):
        return _opening_bodies(text[end + m.end():], province)[0]
    return []


_CLOSING_REQUEST = re.compile(r",\s*(?:UBND [^,]{0,40}?\s)?(?:yêu cầu|đề nghị|giao)\s+")


@lru_cache(maxsize=None)
def _closings() -> tuple[str, ...]:
    return tuple(r["wording"] for r in read_rows("closing_phrases.csv") if r["role"] == "closing")


def _closing(text: str) -> bool:
    """'Trên đây là Kế hoạch … Định kỳ hằng năm báo cáo …': the plan's closing words, addressed
    to no agency paragraph."""
    return _LABEL.sub("", text).startswith(_closings())


def _paragraph_bodies(text: str, province: str | None) -> list[str]:
    """The bodies a paragraph opens with: before its ':' when that is only names ('4. Các đảng
    bộ trực thuộc Tỉnh ủy: …'), else those its first words name ('- Sở X tổng hợp, … .')."""
    text = _LABEL.sub("", text)
    head = text.split(":", 1)[0] if ":" in text[:200] else ""
    if head and _names_only(head.strip()):
        return canonical_names(head, province)
    return actors(text, province)


def _heading_bodies(section: Section, province: str | None) -> list[str]:
    """The bodies a heading names when it is only names ('6. Các khu phố', '5. Đại học Đà Nẵng
    và các trường đại học, cao đẳng:'): the agency paragraph the sentence stands in."""
    if not section.path or section.path[-1].kind != HEADING:
        return []
    text = _LABEL.sub("", section.titles[-1]).strip(" :")
    if not _names_only(text):
        return []
    return canonical_names(text, province)


_BETWEEN = re.compile(r"^\s*(?:(?:tỉnh|[Tt]hành phố|TP)\s*)?(?:,|;|và|,\s*và)\s*$")  # "đoàn thể Thành phố, UBND …"


def _opening_bodies(text: str, province: str | None) -> tuple[list[str], int]:
    """Canonical names of the gazetteer bodies a text opens with, separated only by ',', ';', 'và'
    (a word the gazetteer does not know ends the list), and where they end."""
    mentions = find_agencies(text, province)
    end = None
    for start, stop, _ in mentions:
        if end is None and text[:start].strip(" ,") not in ("", "Các", "các"):
            break
        if end is not None and not _BETWEEN.match(text[end:start]):
            break
        end = stop
    if end is None:
        return [], 0
    return canonical_names(text[:end], province), end
