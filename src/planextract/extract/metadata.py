"""The document record: who issued what, numbered how, when, about what, signed by whom.

Read from the header block of an official document (Nghị định 30/2020/NĐ-CP
layout): issuing body, "Số: 292/KH-UBND", "Đắk Nông, ngày 01 tháng 6 năm 2022",
the document type line and the title after it, and the signature block. Where
the header is missing (text converted without it), the appendix caption
"(Kèm theo Kế hoạch số 4181/KH-UBND ngày 07/12/2022 …)" gives number and date.
"""
from __future__ import annotations

import re

from ..document import HEADING, Document
from ..lexicon import doc_type_by_word, doc_type_lines, read_rows
from ..normalize import normalize_key
from ..provinces import canonical_province, mentioned_provinces
from ..records import DocumentRecord
from .dates import iso_date, DATE_PATTERN

NUMBER = r"\d{1,5}\s*(?:-\s*[A-ZĐ]{1,6})?(?:\s*/\s*(?:\d{4}|[A-ZĐ][A-Za-zĐđ]*(?:\s?-\s?[A-ZĐ][A-Za-zĐđ0-9]*)*))+"
_OWN_NUMBER = re.compile(rf"\bSố\s*:?\s*({NUMBER})")
_CAPTION = re.compile(rf"Kèm theo\s+(\w+(?: \w+)?)\s+số\s*:?\s*({NUMBER})\s*,?\s*ngày\s*({DATE_PATTERN})", re.I)
_PLACE_DATE = re.compile(rf"^[A-ZĐ][^\n,\d]{{1,40}},\s*ngày\s*({DATE_PATTERN})", re.M)
_SUBJECT = re.compile(r"^(?:V/v|Về việc)\b.*$", re.M)
_BODY_OPENERS = ("thực hiện", "căn cứ", "kính gửi", "nhằm", "để ", "triển khai thực hiện quyết định")
PREAMBLE_BLOCKS = 40


def extract_metadata(doc: Document) -> DocumentRecord:
    preamble = _preamble(doc)
    head_text = "\n".join(b.text for b in preamble)
    number, date = _number_and_date(doc, head_text)
    province = _province(doc, head_text)
    doc_type = _doc_type(number, preamble)
    signer_title, signer = _signature(doc)
    return DocumentRecord(
        doc_id=doc.doc_id, source=doc.source, province=province,
        issuer=_issuer(head_text, number, province), doc_type=doc_type, number=number,
        issued_date=date, title=_title(preamble, doc_type), signer=signer,
        signer_title=signer_title, pages=doc.pages)


def _preamble(doc: Document):
    """Blocks before the first section heading (the header block and title)."""
    out = []
    for block in doc.blocks[:PREAMBLE_BLOCKS]:
        if block.kind == HEADING and block.level is not None and out:
            break
        out.append(block)
    return out


def clean_number(number: str) -> str:
    return re.sub(r"\s+", "", number)


def _number_and_date(doc: Document, head_text: str) -> tuple[str | None, str | None]:
    number = m.group(1) if (m := _OWN_NUMBER.search(head_text)) else None
    date = iso_date(m.group(1)) if (m := _PLACE_DATE.search(head_text)) else None
    if number is None or date is None:
        if caption := _CAPTION.search(doc.text):
            number = number or caption.group(2)
            date = date or iso_date(caption.group(3))
    return (clean_number(number) if number else None), date


def _province(doc: Document, head_text: str) -> str | None:
    """The province named in the header, else the one the text names most."""
    head = mentioned_provinces(head_text)
    if head:
        return head.most_common(1)[0][0]
    for m in re.finditer(r"^([^\n,]{2,30}),\s*ngày", head_text, re.M):
        if name := canonical_province(m.group(1)):
            return name
    body = mentioned_provinces(doc.text)
    return body.most_common(1)[0][0] if body else None


def _doc_type(number: str | None, preamble) -> str | None:
    """From the number's code ('292/KH-UBND' → Kế hoạch; '2068/SYT-VP' → Công văn,
    which by Nghị định 30 carries no type code), else from the type line."""
    if number and "/" in number:
        code = number.split("/")[1].split("-")[0]
        types = doc_type_by_word()
        if code.lower() in types:
            return types[code.lower()]
        if not code.isdigit():
            return "Công văn"
    for block in preamble:
        first = block.text.split(" ")
        for n in (2, 1):
            head = " ".join(first[:n])
            if head.isupper() and head.lower() in doc_type_by_word():
                return doc_type_by_word()[head.lower()]
    return None


def _title(preamble, doc_type: str | None) -> str | None:
    if doc_type == "Công văn":
        for block in preamble:
            if m := _SUBJECT.match(block.text):
                return m.group(0)
    lines = doc_type_lines()
    for i, block in enumerate(preamble):
        head = next((t for t in lines if block.text.upper().startswith(t)), None)
        if head is None or not block.text[: len(head)].isupper():
            continue
        parts = [block.text[len(head):].strip()]
        for nxt in preamble[i + 1:i + 4]:
            if nxt.kind == HEADING or normalize_key(nxt.text).startswith(_BODY_OPENERS) \
                    or len(nxt.text) > 400:
                break
            parts.append(nxt.text)
        title = " ".join(p for p in parts if p).strip()
        return title or None
    return None


def _issuer(head_text: str, number: str | None, province: str | None) -> str | None:
    """'Sở Y tế tỉnh Gia Lai' from a department header; 'UBND tỉnh X' for a UBND document."""
    upper_head = head_text.upper()
    for row in read_rows("departments.csv"):
        if re.search(rf"(?m)^{re.escape(row['header_wording'])}\b", upper_head):
            return f"{row['canonical']} tỉnh {province}" if province else row["canonical"]
    if number and number.upper().endswith("UBND") or "ỦY BAN NHÂN DÂN" in upper_head \
            or "UBND TỈNH" in upper_head:
        return f"UBND tỉnh {province}" if province else "UBND tỉnh"
    return None


def _signature(doc: Document) -> tuple[str | None, str | None]:
    """(signer_title, signer): the first title line followed by a person's name."""
    titles = [r["title"] for r in read_rows("signer_titles.csv")]
    title_re = "|".join(re.escape(t) for t in titles)
    name_re = r"[A-ZĐ][a-zà-ỹđ]+(?: [A-ZĐ][a-zà-ỹđ]+){1,4}"
    m = re.search(rf"(?:^|[\s.])({title_re})\s*\n\s*(?:\(?đã ký\)?\s*\n\s*)?({name_re})\s*(?:\n|$)", doc.text)
    if not m:
        return None, None
    return m.group(1), m.group(2)
