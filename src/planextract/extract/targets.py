"""Targets: every quantified objective — indicator, value, comparator, year, agencies.

A value expression is a number with "%" (or a counted noun from `data/units.csv`),
a range ("15-20%", "12% đến 20%"), and the comparator words around it from
`data/comparators.csv` ("trên", "tối thiểu", "trở lên" …). A value is a target
when it stands under a goals heading ("Mục tiêu …") or its clause carries a
target word ("phấn đấu", "tối thiểu" …; `data/target_words.csv`). The
indicator is the clause without the value expression, its linking verb and
framing words. Year and domain come from the clause, else from the headings.

Appendix tables restate targets with the agencies that answer for them; such a
row is merged into the target stated in the body (one record, the body's
provenance, the table's lead and partners). A table row with a target value
that the body does not state is a target of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import TABLE, Block, Document
from ..lexicon import fold, read_rows
from ..normalize import normalize_key, word_overlap
from ..records import Target
from ..national import indicator_id
from ..structure import Section, section_paths
from .spans import bullet_end, split_spans
from .tables import column_roles, row_agencies

NUMBER = r"(?<![\d.,/])\d{1,3}(?:[.,]\d{1,2})?(?![\d/])"
_YEAR = re.compile(r"\bnăm\s+(20\d{2})\b|\b(20[2-5]\d)\s*$")
_HEADING_YEAR = re.compile(r"(?:đến|năm)\s+(?:hết\s+)?(?:năm\s+)?(20\d{2})")
_CLAUSE_SPLIT = re.compile(r";\s+|,\s+trong đó,?\s+|\.\s+(?=[A-ZĐ])")
_LEADING_TIME = re.compile(r"^(?:phấn đấu\s+)?(?:đến|trong)\s+(?:hết\s+)?năm\s+20\d\d\s*,?\s*", re.I)


@dataclass
class Value:
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    comparator: str


@lru_cache(maxsize=None)
def _words(role: str) -> list[str]:
    return sorted((r["wording"] for r in read_rows("target_words.csv") if r["role"] == role),
                  key=len, reverse=True)


@lru_cache(maxsize=None)
def _comparators() -> tuple[dict[str, str], dict[str, str]]:
    rows = read_rows("comparators.csv")
    before = {r["wording"]: r["comparator"] for r in rows if r["position"] == "before"}
    after = {r["wording"]: r["comparator"] for r in rows if r["position"] == "after"}
    return before, after


@lru_cache(maxsize=None)
def _value_pattern() -> re.Pattern:
    units = "|".join(re.escape(r["unit"]) for r in read_rows("units.csv"))
    return re.compile(
        rf"(?P<lo>{NUMBER})\s*(?P<lo_pct>%)?"
        rf"(?:\s*(?:-|–|đến)\s*(?P<hi>{NUMBER})\s*(?P<hi_pct>%))?"
        rf"(?:\s*(?P<unit>\b(?:{units})\b))?")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _comparator_before(head: str) -> tuple[str | None, int]:
    """The comparator words that end `head`, and where they start."""
    before_words, _ = _comparators()
    folded = fold(head)  # diacritics folded: OCR reads "tối thiểu" as "tối thiếu"
    for word, comp in sorted(before_words.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?:^|\s){re.escape(fold(word))}$", folded):
            return comp, len(head) - len(word)
    return None, len(head)


def _comparator_after(tail: str) -> str | None:
    """'trở lên' / 'trở xuống' within the next words ('70% dân số trở lên')."""
    _, after_words = _comparators()
    for word, comp in after_words.items():
        if re.match(rf"\s*(?:[^\s,;.]+\s+){{0,3}}{re.escape(word)}\b", tail, re.I):
            return comp
    return None


def find_values(clause: str, counted: bool) -> list[Value]:
    """Value expressions of a clause ("trên 80%", "15-20%", "10 doanh nghiệp"), with comparator."""
    out = []
    for m in _value_pattern().finditer(clause):
        percent = bool(m.group("lo_pct") or m.group("hi_pct"))
        if not percent and not (counted and m.group("unit")):
            continue
        end = m.end() if not percent else max(m.end("lo_pct"), m.end("hi_pct") if m.group("hi") else -1)
        head = clause[:m.start()].rstrip()
        comparator, start = _comparator_before(head)
        if m.group("hi"):
            comparator = "range"
        elif comparator in (None, "approx") and (after := _comparator_after(clause[end:])):
            comparator = after  # "khoảng 70% … trở lên" is gte
        out.append(Value(start, end, _number(m.group("lo")),
                         _number(m.group("hi")) if m.group("hi") else None,
                         "%" if percent else m.group("unit"), comparator or "eq"))
    return out


def _strip_words(text: str, words: list[str], *, at_start: bool) -> str:
    changed = True
    while changed:
        changed = False
        for word in words:
            pattern = rf"^{re.escape(word)}\b\s*" if at_start else rf"\s*\b{re.escape(word)}$"
            new = re.sub(pattern, "", text, flags=re.I).strip(" ,:")
            if new != text:
                text, changed = new, True
    return text


def indicator_of(clause: str, value: Value) -> str:
    """The words that name what is measured (see annotations/README.md)."""
    before = _strip_words(clause[:value.start].strip(" ,:"), _words("link"), at_start=False)
    before = _strip_words(before, _words("frame"), at_start=True)
    after = clause[value.end:].strip(" .;,:")
    after = re.sub(r"^trở lên\s*|^trở xuống\s*", "", after)
    after = _strip_words(after, _words("base"), at_start=True)
    after = re.sub(r"\s+trở lên\b", "", after)
    before = _from_indicator_head(_LEADING_TIME.sub("", before))
    if len(before.split()) < 2:
        return after.strip(" .;,") or before
    last = before.split()[-1].lower()
    if last in _words("open"):
        return f"{before} {after}".strip(" .;,")
    return before.strip(" .;,")


def _from_indicator_head(text: str) -> str:
    """'xây dựng chính sách để nâng cao tỷ lệ hoạt động trực tuyến' → 'tỷ lệ hoạt động trực tuyến'."""
    starts = [m.start() for w in _words("head") for m in re.finditer(rf"\b{re.escape(w)}\b", text, re.I)]
    return text[max(starts):] if starts and max(starts) > 0 else text


def _year(clause: str, section: Section) -> int | None:
    if m := re.search(r"năm\s+(20\d{2})", clause):
        return int(m.group(1))
    for title in reversed(section.titles):
        if m := _HEADING_YEAR.search(title.lower()):
            return int(m.group(1))
    return None


def _domain(section: Section) -> str | None:
    for title in reversed(section.titles):
        key = normalize_key(title)
        found = {r["domain"] for r in read_rows("domains.csv") if r["wording"] in key}
        if len(found) == 1:
            return found.pop()
        if found:
            return None  # a heading about both economy and society
    return None


def in_goal_section(section: Section) -> bool:
    return any(any(w in normalize_key(t) for w in _words("section")) for t in section.titles)


def model_indicator(clause: str, value: Value) -> str | None:
    """Outside goal lists and without a target word, a percentage is a target only when the
    trained NER marks an INDICATOR right beside it ("Tỷ lệ … đạt 80%", "80% hộ gia đình …"):
    the rules know the words of targets, the model learns their shape."""
    from ..nlp import INDICATOR, model_spans
    for start, end, label in model_spans(clause):
        gap = clause[end:value.start] if end <= value.start else clause[value.end:start] if start >= value.end else None
        if label == INDICATOR and gap is not None and len(gap.split()) <= 2:
            return clause[start:end].strip(" .;,")
    return None


def _has_trigger(clause: str, value: Value) -> bool:
    head = normalize_key(clause[:value.end])
    return any(w in head for w in _words("trigger"))


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a bullet or sentence."""
    return split_spans(text, _CLAUSE_SPLIT)


def targets_in_block(doc: Document, block: Block, section: Section) -> list[Target]:
    goal = in_goal_section(section)
    text = block.text
    body_at = bullet_end(text)
    out = []
    for c_start, c_end in clauses(text[body_at:]):
        clause = text[body_at + c_start: body_at + c_end]
        for value in find_values(clause, counted=goal):
            if value.unit != "%" and not goal:
                continue
            indicator = indicator_of(clause, value) if goal or _has_trigger(clause, value) else model_indicator(clause, value)
            if not indicator:
                continue
            out.append(Target(
                indicator=indicator, domain=_domain(section),
                year=_year(clause, section), value=value.value, value_max=value.value_max,
                unit=value.unit, comparator=value.comparator, section=str(section),
                text=text[body_at:].strip(), page=block.page, start=block.start, end=block.end))
    return out


def extract_targets(doc: Document, province: str | None = None) -> list[Target]:
    sections = section_paths(doc)
    targets: list[Target] = []
    for block, section in zip(doc.blocks, sections):
        if block.kind != TABLE:
            targets += targets_in_block(doc, block, section)
    for block, section in zip(doc.blocks, sections):
        if block.kind == TABLE:
            targets += merge_table_targets(doc, block, section, targets, province)
    for target in targets:
        target.indicator_id = indicator_id(target.indicator)
    return targets


# ------------------------------------------------------------------ appendix tables

MATCH_THRESHOLD = 0.6
INDICATOR_ROW_MATCH = 0.6  # a measurement row naming an indicator, without a value


def _caption_year(doc: Document, block: Block) -> int | None:
    """The year an appendix caption gives ('… CÁC MỤC TIÊU ĐẾN NĂM 2025')."""
    index = doc.blocks.index(block)
    for prev in reversed(doc.blocks[max(0, index - 4):index]):
        if m := _HEADING_YEAR.search(prev.text.lower()):
            return int(m.group(1))
    return None


def merge_table_targets(doc: Document, block: Block, section: Section, body: list[Target],
                        province: str | None) -> list[Target]:
    """Rows of a table that restate targets give them agencies; new ones are returned."""
    table = block.table
    roles = column_roles(table)
    if "task" not in roles.values():
        return []
    task_col = next(c for c, r in roles.items() if r == "task")
    year = None if "time" in roles.values() else _caption_year(doc, block)
    new: list[Target] = []
    for r in range(1, table.n_rows):
        cells = {c.col: c for c in table.grid()[r] if c is not None}
        cell = cells.get(task_col)
        if cell is None or cell.row != r or not cell.text:
            continue
        lead, partners = row_agencies(table, r, roles, province)
        if not lead and not partners:
            continue
        values = find_values(cell.text, counted=False)
        if not values:
            _attach_by_indicator(cell.text, body, lead, partners)
            continue
        for value in values:
            indicator = indicator_of(cell.text, value)
            match = _matching_target(body, indicator, value, year)
            if match is not None:
                match.lead, match.partners = lead, partners
            elif _has_trigger(cell.text, value):
                start, end = block.row_spans[r]
                new.append(Target(indicator=indicator, domain=None, year=year, value=value.value,
                                  value_max=value.value_max, unit=value.unit,
                                  comparator=value.comparator, lead=lead, partners=partners,
                                  section=str(section), text=cell.text, page=block.page,
                                  start=start, end=end))
    return new


def _matching_target(body: list[Target], indicator: str, value: Value, year: int | None) -> Target | None:
    best, best_score = None, MATCH_THRESHOLD
    for t in body:
        if (t.value, t.value_max, t.comparator, t.unit) != (value.value, value.value_max, value.comparator, value.unit):
            continue
        if year is not None and t.year not in (year, None):
            continue
        score = word_overlap(t.indicator, indicator)
        if score >= best_score:
            best, best_score = t, score
    return best


def _attach_by_indicator(text: str, body: list[Target], lead: list[str], partners: list[str]) -> None:
    """A measurement row naming an indicator (no value) gives its agencies to every
    target of that indicator that has none yet."""
    indicator = text.rstrip(". ")
    scored = [(word_overlap(t.indicator, indicator), t) for t in body if not t.lead and not t.partners]
    if not scored:
        return
    top = max(s for s, _ in scored)
    if top < INDICATOR_ROW_MATCH:
        return
    for score, t in scored:
        # The same indicator in both years may be worded a little differently
        # ("sử dụng hợp đồng điện tử" / "sử dụng nền tảng hợp đồng điện tử").
        if score >= max(INDICATOR_ROW_MATCH, top - 0.2):
            t.lead, t.partners = list(lead), list(partners)
