"""Scopes: the year, section kind and domain every block stands in.

One resolver for all readers. For a block it walks up its outline chain — lead-ins,
list items that end in ":", headings — then the document's title, and takes each field
from the nearest element that states it:
- `year`: "đến năm 2030", "năm 2026", "đến 2025", "quý I/2026", "giai đoạn 2021 - 2025" (→ 2025, the end
  of the phase; `years` keeps the range), a column header "Năm 2027" for table cells. A
  baseline ("so với năm 2020") and a date ("ngày 5 tháng 6 năm 2025") are not years of a
  scope; "tầm nhìn đến năm 2045" is read only when nothing else is said.
- `kind`: objectives, results, tasks, organisation, funding, purpose, basis, scope — from
  the words of `data/section_kinds.csv` (the strongest kind a heading names wins: "MỤC
  TIÊU, NHIỆM VỤ" is objectives, "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN" results).
- `domain`: digital_economy / digital_society / digital_government from
  `data/domains.csv`; None under a heading naming two of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import folded_section_kind, read_rows
from ..normalize import normalize_key
from .outline import HEADING_ROLE, ITEM, LEADIN, Node

_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?!\d)")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d/])")
# a year written after a quarter or a month with a slash: 'trong quý I/2026', 'tháng 6/2026'
_PERIOD_SLASH = re.compile(r"(?:quý\s+(?:[IV]{1,3}|[1-4])|tháng\s+\d{1,2})\s*/\s*$", re.I)
_NOT_A_SCOPE = re.compile(
    r"(?:so với|so cùng kỳ|cùng kỳ|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}|\d{1,2}/\d{1,2}/|"
    r"tầm nhìn|định hướng|số\s+\d[\w/.-]*|khóa|nhiệm kỳ|luật\s+[^\d]{0,60}|kết quả|thực hiện năm|"
    r"đã đạt|năm trước|chương trình giáo dục phổ thông|iso\s*\d{3,5}\s*:|phiên bản)\s*(?:năm\s+)?$", re.I)
# (a programme or a standard named with its year: 'chương trình giáo dục phổ thông 2018', 'ISO 9001:2015')
_VISION = re.compile(r"(?:tầm nhìn|định hướng)[^.;]{0,20}$", re.I)


@dataclass
class Scope:
    year: int | None = None
    years: tuple[int, int] | None = None
    kind: str | None = None
    domain: str | None = None
    list_year: int | None = None  # the year of the list a block stands in (its lead-in or heading)
    leadin_year: int | None = None  # … when a lead-in ending in ':' opens that list ("a) Đến năm 2025:")
    kinds: tuple[str, ...] = ()  # every section kind of the chain, nearest first


def years_in(text: str) -> tuple[int | None, tuple[int, int] | None]:
    """(year, range) a heading, lead-in or title states: the first that is not a
    baseline, a date, a document's year or a vision."""
    vision = None
    for m in _RANGE.finditer(text):
        if not _NOT_A_SCOPE.search(text[:m.start()]):
            lo, hi = int(m.group(1)), int(m.group(2))
            if lo <= hi:
                return hi, (lo, hi)
    for m in _YEAR.finditer(text):
        head = text[:m.start()]
        if head.endswith("/") and not _PERIOD_SLASH.search(head):
            continue  # a number ('Số 12/2026') or a date, not a year of the scope
        if _VISION.search(head):
            vision = vision or int(m.group(1))
            continue
        if _NOT_A_SCOPE.search(head):
            continue
        return int(m.group(1)), None
    return vision, None


@lru_cache(maxsize=None)
def _kind_words() -> list[tuple[str, str, int]]:
    return sorted(((normalize_key(r["wording"]), r["kind"], int(r["priority"]))
                   for r in read_rows("section_kinds.csv")), key=lambda r: (r[2], -len(r[0])))


def kind_of(text: str) -> str | None:
    """The section kind a heading's words name, or None. Words whose tone marks OCR lost or
    misread ("MUC TIEU", "TỔ CHỨC THỰC HIẸN") are matched without marks when nothing matches
    with them."""
    key = f" {normalize_key(text)} "
    for wording, kind, _ in _kind_words():
        if f" {wording} " in key:
            return None if kind == TOPIC else kind
    kind = folded_section_kind(text)
    return None if kind == TOPIC else kind


TOPIC = "topic"  # words that name an area of work and no kind: 'Cải cách thủ tục hành chính'



@lru_cache(maxsize=None)
def _domain_words() -> list[tuple[str, str]]:
    return [(normalize_key(r["wording"]), r["domain"]) for r in read_rows("domains.csv")]


def domains_in(text: str) -> set[str]:
    key = normalize_key(text)
    return {domain for wording, domain in _domain_words() if wording in key}


def states_scope(node: Node) -> bool:
    """Headings, lead-ins and items that end in ':' set the scope of what stands under them;
    a long list item does not."""
    if node.role in (HEADING_ROLE, LEADIN):
        return True
    return node.role == ITEM and node.block.text.rstrip().endswith(":") and len(node.block.text.split()) <= 40


KIND_LEADIN_MAX_WORDS = 20
KIND_TAIL_WORDS = 8


def _kind_words_of(node: Node) -> str:
    """The words that name a section's kind: a heading's, a short lead-in's; of a long lead-in
    only its last words, what its colon introduces ("… đáp ứng ít nhất 01 trong 02 tiêu chí
    sau đây:"), not what its opening clause mentions on the way ("Tại phiên họp …, sau khi
    nghe … báo cáo kết quả …, Ban Thường vụ Tỉnh ủy kết luận như sau:")."""
    words = node.block.text.split()
    if node.role == HEADING_ROLE or len(words) <= KIND_LEADIN_MAX_WORDS:
        return node.block.text
    return " ".join(words[-KIND_TAIL_WORDS:])


def resolve(chain: list[Node], title: str | None = None) -> Scope:
    """The scope of the first node of `chain` (nearest first), from its ancestors and the
    document title. The node itself counts when it states a scope (a heading, a lead-in)."""
    scope = Scope()
    domain_found = False
    # The list a block stands in is opened by the block itself (a heading) or its parent.
    container = next((n for n in chain[:2] if states_scope(n)), None)
    if container is not None:
        scope.list_year = years_in(container.block.text)[0]
        if container.block.text.rstrip(" *").endswith(":"):
            scope.leadin_year = scope.list_year
    for node in chain:
        if not states_scope(node):
            continue
        text = node.block.text
        if scope.year is None:
            scope.year, scope.years = years_in(text)
        if (kind := kind_of(_kind_words_of(node))) is not None:
            scope.kind = scope.kind or kind
            scope.kinds += (kind,)
        if not domain_found and (found := domains_in(text)):
            domain_found = True
            scope.domain = found.pop() if len(found) == 1 else None
    if title and scope.year is None:
        scope.year, scope.years = years_in(title)
    return scope
