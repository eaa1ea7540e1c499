"""Citations of other legal documents: type, number, date, issuer and subject.

"Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ phê duyệt …",
"Nghị quyết số 10-NQ/TU, ngày 18/3/2022 của Ban Chấp hành Đảng bộ tỉnh",
"KH số 244/KH-UBND", "Kế hoạch số 4181 /KH-UBND". One record per cited
document (the first mention gives the provenance; later mentions fill in
fields the first one lacks). The document's own number is not a reference.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document
from ..lexicon import doc_type_by_word, doc_types, read_rows
from ..records import Reference
from .dates import DATE_PATTERN, iso_date
from .metadata import NUMBER, clean_number

_TITLE_END = re.compile(r"[;(\n]|\.(?:\s|$)|,\s*(?:trong đó|theo đó)")
MAX_TITLE = 300


@lru_cache(maxsize=None)
def citation_pattern() -> re.Pattern:
    words = sorted({r["name"] for r in doc_types()} |
                   {a for r in doc_types() for a in r["abbreviations"].split(";") if len(a) >= 2},
                   key=len, reverse=True)
    types = "|".join(re.escape(w) for w in words)
    return re.compile(
        rf"\b(?P<type>{types})\s*(?:số\s*:?\s*)?(?P<num>{NUMBER})"
        rf"(?:\s*,?\s*(?:ngày|ban hành ngày)\s*(?P<date>{DATE_PATTERN}))?", re.I)


@lru_cache(maxsize=None)
def _issuer_pattern() -> re.Pattern:
    rows = read_rows("issuers.csv")
    wordings = "|".join(re.escape(r["wording"]) for r in sorted(rows, key=lambda r: -len(r["wording"])))
    return re.compile(rf"^\s*,?\s*(?:của|do)\s+(?P<issuer>{wordings}|Bộ(?: [A-ZĐ][\wđ]*| và)+)", re.I)


@lru_cache(maxsize=None)
def _issuer_canonical() -> dict[str, str]:
    return {r["wording"].lower(): r["canonical"] for r in read_rows("issuers.csv")}


def _doc_type(word: str, number: str) -> str | None:
    types = doc_type_by_word()
    if word.lower() in types:
        return types[word.lower()]
    code = number.split("/")[1].split("-")[0] if "/" in number else ""
    return types.get(code.lower())


def _title(rest: str) -> str | None:
    """What the citation says the document is about, from the text after the issuer."""
    rest = re.sub(r"^\s*\((?:khóa|khoá)[^)]*\)", "", rest, flags=re.I).strip()
    rest = re.sub(r"^(?:về việc|về)\s+", "", rest, flags=re.I)
    m = _TITLE_END.search(rest)
    title = (rest[: m.start()] if m else rest[:MAX_TITLE]).strip(" ,:")
    if not title or len(title) > MAX_TITLE or title[0].isdigit():
        return None
    return title


def extract_references(doc: Document, own_number: str | None = None) -> list[Reference]:
    found: dict[str, Reference] = {}
    own = clean_number(own_number).lower() if own_number else None
    for m in citation_pattern().finditer(doc.text):
        number = clean_number(m.group("num")).rstrip("-")
        if "/" not in number or number.lower() == own:
            continue
        issuer, title = None, None
        tail = doc.text[m.end(): m.end() + 600]
        if im := _issuer_pattern().match(tail):
            issuer = _issuer_canonical().get(im.group("issuer").lower(), im.group("issuer"))
            title = _title(tail[im.end():])
        ref = Reference(number=number, doc_type=_doc_type(m.group("type"), number),
                        issued_date=iso_date(m.group("date")) if m.group("date") else None,
                        issuer=issuer, title=title, page=doc.page_at(m.start()),
                        start=m.start(), end=m.end() + (im.end() if im else 0))
        key = number.lower()
        if key not in found:
            found[key] = ref
        else:
            _fill_missing(found[key], ref)
    return list(found.values())


def _fill_missing(into: Reference, other: Reference) -> None:
    for name in ("doc_type", "issued_date", "issuer", "title"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))
