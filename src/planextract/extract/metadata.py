"""The document record: who issued what, numbered how, when, about what, signed by whom.

Read from the header of an official document (Nghị định 30/2020/NĐ-CP layout): the issuing
body in the left column ("ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI", "UBND TỈNH GIA LAI / SỞ Y TẾ",
"TỈNH ỦY QUẢNG NINH", "HỘI ĐỒNG NHÂN DÂN …"), "Số: 292/KH-UBND", the place-and-date line
"Đắk Nông, ngày 01 tháng 6 năm 2022", the type line and the title after it, and the
signature block (title line, "(Đã ký)", the name). The bodies and their number codes are
data (`data/document_issuers.csv`, `data/departments.csv`); the level word ("tỉnh", "thành
phố") comes from the header or from `data/provinces.csv`. The header starts at the official
header (a page's banner and menu before it are not read) and ends at the body, at "Kính gửi" or
at a second national motto (a plan attached to a cover letter is not the document). Cells a
conversion ran into one line are cut apart: after the number, after the place-and-date, and a
title at the body's first words ("… Cần Thơ Căn cứ Quyết định …"). A party committee's
enacting sentence may name the part of it that issues ("Ban Thường vụ Tỉnh ủy ban hành …").

Pages about a plan (see `ingest.page_kind`) describe the plan they are about: a portal's
metadata fields ("Số hiệu", "Loại văn bản", "Cơ quan ban hành", "Người ký", "Ngày ban
hành"), or a news article's sentence "Ngày 19/9/2022, UBND tỉnh X đã ban hành Kế hoạch số
59/KH-UBND về …" (the article's own date is not the plan's), its signer perhaps in another
sentence ("Kế hoạch do Phó Chủ tịch UBND tỉnh … ký ban hành"). Where the page reproduces the
plan's header, the header wins; a page's title drops a leading "về"/"về việc". Where a plan's text lost its header, the appendix caption
"(Kèm theo Kế hoạch số 4181/KH-UBND ngày 07/12/2022 …)" gives number and date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..document import HEADING, Block, Document
from ..ingest.page_kind import NEWS, PORTAL, mark_page
from ..lexicon import doc_type_by_word, doc_types, read_rows, sentence_break
from ..normalize import is_all_caps, normalize_line
from ..provinces import canonical_province, level_of, mentioned_provinces
from ..records import DocumentRecord
from .dates import DATE_PATTERN, iso_date

# Vietnamese capitals (a range like À-Ỹ would take lower-case letters too).
UPPER = "".join(sorted({c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and c.isalpha()} | set("ĐƠƯ")))
CAPITAL = f"[A-Z{UPPER}]"

# A document number: "292/KH-UBND", "77/2025/NQ-HĐND", "359-KH/TU", "46-CTr/TU", "01-KH/BCĐTW",
# "20/2023/QH15", "2068/SYT-VP". Case-sensitive: a code starts with a capital, so "06/TU - ngày"
# ends at "TU". A space where the standard form has a hyphen is read only before a known
# issuer code ("927/QĐ TTg").
_CODE = r"[A-ZĐ][A-Za-zĐđ]*(?:&[A-ZĐ][A-Za-zĐđ]*)?\d*"  # 'CTTN&BĐG' of '8935/BNV-CTTN&BĐG'
NUMBER = (rf"\d{{1,5}}(?:\.\d{{1,2}}(?=/))? ?(?:- ?[A-ZĐ][A-Za-zĐđ]{{0,5}})?"  # '66.2/2025/NQ-CP'
          rf"(?:\s*/\s*(?:\d{{4}}|{_CODE}(?: ?[-–](?: |\n ?)?{_CODE}| (?=(?:TTg|CP|UBND|HĐND|TW|TU)\b){_CODE})*))+")
_OWN_NUMBER = re.compile(rf"(?:^|(?<=\s))Số\s*:\s*({NUMBER}|/{_CODE}(?:-{_CODE})*)"
                         rf"|^Số\s+({NUMBER}|-{_CODE}/{_CODE}(?:-{_CODE})*)")
# ('Số:           /KH-UBND': a draft or a copy not yet numbered keeps its number as written;
# a Party draft: 'Số      -ĐA/TU')
_CAPTION = re.compile(rf"Kèm theo\s+(\w+(?: \w+)?)\s+số\s*:?\s*({NUMBER})\s*,?\s*ngày\s*({DATE_PATTERN})", re.I)
_PLACE_DATE = re.compile(rf"(?m)^(?P<place>(?:[Tt]hành phố\s+|TP\.?\s*)?{CAPITAL}[\w.\-]*(?:\s+(?:-\s+)?{CAPITAL}[\w.\-]*){{0,5}})\s*,\s*"
                         rf"ngày\s*(?P<date>{DATE_PATTERN})")
_MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA|ĐẢNG CỘNG SẢN VIỆT NAM", re.I)
_MOTTO_CAPS = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA|ĐẢNG CỘNG SẢN VIỆT NAM")
_ONLY_MOTTO = re.compile(r"^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)$", re.I)
_RIGHT_COLUMN = re.compile(r"CỘNG HÒA XÃ HỘI|Độc lập\s*[-–]\s*Tự do|ĐẢNG CỘNG SẢN VIỆT NAM|(?<!\w)Số\s*:", re.I)
# A title run into its type line by a conversion: 'KẾ HOẠCH thực hiện …', 'KẾ HOẠCH Thực hiện Chiến lược …'
# (a type of two words or more: 'LUẬT Việt Nam' is no type line).
_RUN_IN_TITLE = re.compile(rf"[a-zđ{UPPER.lower()}]|{CAPITAL}[a-zđ{UPPER.lower()}]+\s+[a-zđ{UPPER.lower()}]")
# The body begins inside a title line whose line breaks were lost: '… thành phố Cần Thơ Căn cứ Quyết định …'.
_INLINE_BODY = re.compile(r"\s(?:Căn cứ|Thực hiện|Kính gửi|Xét đề nghị|Theo đề nghị)\s|\sNgày \d{1,2}/\d{1,2}/\d{4},\s")
# The preamble's enacting sentence: '…; Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:'.
_ENACTING = re.compile(r"(?:^|[,;:]\s*)([^,;:]{3,80}?)\s+ban hành\s+[^.;]*?(?:như sau|cụ thể)")
_INLINE_RECIPIENTS = re.compile(r"(?<=\S)\s+Kính gửi\b")
_BODY_OPENER = re.compile(r"(?:Căn cứ|Thực hiện|Kính gửi|Nhằm|Để |Theo đề nghị|Xét |Trên cơ sở|Ngày \d{1,2}/\d{1,2}/\d{4},)")
# several sentences ending in ':' or '.': "Đại hội … đã thông qua Nghị quyết …. Để đưa … như sau:"
_BODY_PARAGRAPH = re.compile(r"^(?=(?:\S+\s+){15}).*[.;]\s+\S.*[:.]$")
_SECTION_LINE = re.compile(r"(?:PHẦN|Phần|CHƯƠNG|Chương|Điều)\s+[\dIVXLC]+\b|[IVXLC]+\.\s|\d+\.\s")
_INLINE_SECTION = re.compile(r"\s(?:PHẦN|CHƯƠNG|MỤC)\s+[IVXLC\d]+\b[.:]?\s|\s[IVX]+\.\s+(?=[A-ZĐ]{2})")
_LEVELS = ("THÀNH PHỐ", "THỊ XÃ", "ĐẶC KHU", "TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG", "THỊ TRẤN", "TP.", "TP")
_PROVINCE_LEVELS = ("tỉnh", "thành phố")
_MARKDOWN = re.compile(r"[*#_`]+")
PREAMBLE_BLOCKS = 60
SIGNER_WINDOW = 4   # lines after a signature title in which the name stands


def extract_metadata(doc: Document) -> DocumentRecord:
    if doc.page_kind is None:
        doc = mark_page(doc)  # called alone (extract_document has already done it)
    lines = _head_lines(doc)
    header = _read_header(lines)
    if doc.page_kind == NEWS:
        _fill(header, _from_news(doc))
    if doc.page_kind in (PORTAL, NEWS):
        _fill(header, _from_page(doc))
    if header.number is None:
        _fill(header, _from_opening_citation(doc))
    if header.number is None or header.issued_date is None:
        _fill(header, _from_caption(doc))
    if header.doc_type is None:
        header.doc_type = doc_type_of_number(header.number, own=True)
    if header.province is None:
        body = mentioned_provinces("\n".join(b.text for b in doc.blocks))
        header.province = body.most_common(1)[0][0] if body else None
    if header.signer_title is None:
        _fill_signature(header, *_signature(doc))
    header.issuer = header.issuer or _issuer_from_number(header.number, header.province)
    if header.issuer and re.match(r"(?:Tỉnh ủy|Thành ủy|Đảng ủy) ", header.issuer) and _signed_for_standing_committee(doc) \
            and not any(_ENACTING.search(line) for line in lines):  # "…, Tỉnh ủy ban hành …" says who, first
        header.issuer = f"Ban Thường vụ {header.issuer}"  # the header names the committee, the signature its board
    if header.issuer and header.province and re.search(r"\b(?:tỉnh|thành phố)$", header.issuer):
        header.issuer = f"{header.issuer} {header.province}"  # an article's 'UBND tỉnh' is the province's
    header.doc_id, header.source, header.pages = doc.doc_id, doc.source, doc.pages
    return header


# What one source (header, portal fields, article, caption) tells; the first to tell a field wins.
_Fields = DocumentRecord
_FILLED = ("province", "issuer", "doc_type", "number", "issued_date", "title", "signer", "signer_title")


def _fill(into: DocumentRecord, other: DocumentRecord) -> None:
    for name in _FILLED:
        if getattr(into, name) is None:
            setattr(into, name, getattr(other, name))


def _fill_signature(into: DocumentRecord, title: str | None, name: str | None) -> None:
    """The signature block's title and name; where a page's 'Người ký' field named the signer
    already, the block gives the title above that name (or above no name)."""
    if into.signer is None:
        into.signer_title, into.signer = title, name
    elif name is None or name == into.signer:
        into.signer_title = title


def clean_number(number: str) -> str:
    """Inner spaces removed; a space where the standard form has a hyphen becomes one."""
    return re.sub(r"\s+", "", re.sub(r"(?<=[A-Za-zĐđ])\s+(?=[A-ZĐ])", "-", number.strip()))


# ------------------------------------------------------------------- header

def _head_lines(doc: Document) -> list[str]:
    """The preamble's lines (blocks split at line breaks and `|` cells, markdown dropped),
    up to the first numbered section heading."""
    out: list[str] = []
    for block in doc.blocks[:PREAMBLE_BLOCKS]:
        if block.kind == HEADING and block.number and block.level is not None and out and block.level <= 3:
            break
        for line in re.split(r"\n|\|", block.text):
            line = normalize_line(_MARKDOWN.sub(" ", line)).strip()
            if out and re.fullmatch(r"Số\s*:?", out[-1]) and line:
                out[-1] = f"Số: {line}"  # a cell wrapped after its label: 'Số:' / '257/KH-UBND'
            elif line and re.search(r"\w", line):
                out.append(line)
    return out


def _read_header(lines: list[str]) -> _Fields:
    out = _Fields()
    region = _header_region(lines[_official_start(lines):])
    type_at = _type_line(region)
    head = region[:type_at] if type_at is not None else region
    out.number = next((clean_number(m.group(1) or m.group(2)) for line in head
                       if (m := _OWN_NUMBER.search(line))), None)
    place_date = _PLACE_DATE.search("\n".join(head))
    if place_date:
        out.issued_date = iso_date(place_date.group("date"))
    issuer = _issuer_lines(head)
    body = parse_body(issuer) if issuer else None
    if body:
        body = _issuing_part(body, lines)
    place_province = _province_in(place_date.group("place")) if place_date else None
    out.province = (body.province if body else None) or place_province
    if body:
        out.issuer = body.name(out.province)
    if type_at is not None:
        out.doc_type, out.title = _type_and_title(region, type_at)
        if (of := _of_body(out.title)) and (named := parse_body(of)):
            # "NGHỊ QUYẾT / CỦA BAN THƯỜNG VỤ TỈNH ỦY / về …": the type line names who issues it
            out.title = out.title[len("CỦA ") + len(of):].strip() or None
            if body and named.body != body.body and named.body.endswith(body.body):
                out.issuer = replace(body, body=named.body, form=named.form).name(out.province)
    else:
        out.title = _subject_line(head) or _untyped_title(head)
    return out


def _of_body(title: str | None) -> str | None:
    """'CỦA BAN THƯỜNG VỤ TỈNH ỦY về …' → 'BAN THƯỜNG VỤ TỈNH ỦY': the words in capitals after
    "CỦA" that open a title (the rest of the title, in capitals too, is read by parse_body)."""
    if not title or not title.startswith("CỦA "):
        return None
    words = title[4:].split()
    taken = []
    for w in words:
        if not w.isupper() or w in ("VỀ", "THỰC", "TRIỂN", "BAN HÀNH") or (taken and w == "BAN" and taken[-1] != "CỦA"
                                                                          and "BAN" in taken):
            break  # "… TỈNH ỦY VỀ PHÁT TRIỂN …": the title in capitals goes on
        taken.append(w)
    return " ".join(taken) or None


def _untyped_title(head: list[str]) -> str | None:
    """A header without a type line (a portal's copy drops it): the capitals under the place
    and date are the title ('Quảng Ngãi, ngày 31 tháng 01 năm 2024' / 'RÀ SOÁT, ĐÁNH GIÁ …')."""
    dated = next((i for i, line in enumerate(head) if _PLACE_DATE.match(line)), None)
    if dated is None:
        return None
    parts: list[str] = []
    for line in head[dated + 1:dated + 6]:
        if not is_all_caps(line, min_letters=2) or _MOTTO.search(line) or _ONLY_MOTTO.match(line) \
                or _ends_title(line, first=not parts) or _OWN_NUMBER.search(line):
            if parts:
                break
            continue
        parts.append(line)
    return " ".join(parts) or None


def _official_start(lines: list[str]) -> int:
    """Where the official header begins: the issuing body's lines in capitals above the
    national motto or the number. A page that reproduces a document puts its site's lines
    (banner, menu, breadcrumb, metadata block) before it; a document starts there anyway."""
    for i, line in enumerate(lines):
        if _MOTTO.search(line) or _OWN_NUMBER.match(line):
            while i > 0 and is_all_caps(lines[i - 1], min_letters=2) and not _type_word(lines[i - 1]) \
                    and not _MOTTO.search(lines[i - 1]):
                i -= 1
            return i
    return 0


def _header_region(lines: list[str]) -> list[str]:
    """The lines before the body: up to 'Kính gửi', 'Căn cứ', 'Thực hiện' … in mixed case, or
    to a second national motto (the header of a plan attached to a cover letter), with cells
    of both columns run into one line split apart ('Số: 2068/SYT-VP Gia Lai, ngày …',
    'Long An, ngày 18 tháng 01 năm 2022 KẾ HOẠCH …', 'Tây Ninh, ngày … Kính gửi: …')."""
    out: list[str] = []
    mottos = 0
    for line in lines:
        if _BODY_OPENER.match(line) and not (out and _type_word(out[-1])):
            break
        # the motto as printed (capitals, or a line of its own), not "Đảng Cộng sản Việt Nam" in a title
        mottos += bool(_MOTTO.search(line) and (_MOTTO_CAPS.search(line) or _ONLY_MOTTO.match(line.strip())))
        if mottos > 1:
            break
        recipients = _INLINE_RECIPIENTS.search(line)
        out += _header_cells(line[:recipients.start()] if recipients else line)
        if recipients:
            break
    return out


def _header_cells(line: str) -> list[str]:
    """A header line cut after the number and after the place-and-date."""
    out = []
    m = _OWN_NUMBER.search(line)
    if m and line[m.end():].strip():
        out.append(line[:m.end()].strip())
        line = line[m.end():].strip()
    d = _PLACE_DATE.match(line)
    if d and line[d.end():].strip():
        out.append(line[:d.end()].strip())
        line = line[d.end():].strip()
    return out + ([line] if line else [])


def _subject_line(head: list[str]) -> str | None:
    """A Công văn's 'V/v …' / 'Về việc …' line, its wrapped rest joined."""
    for i, line in enumerate(head):
        if re.match(r"(?:V/v|Về việc)\b", line):
            parts = [line]
            for nxt in head[i + 1:i + 4]:
                if _RIGHT_COLUMN.search(nxt) or _PLACE_DATE.match(nxt) or not _continues(parts[-1], nxt):
                    break
                parts.append(nxt)
            return " ".join(parts)
    return None


def _type_line(lines: list[str]) -> int | None:
    """Index of the type line ('KẾ HOẠCH', 'QUYẾT ĐỊNH', 'CHƯƠNG TRÌNH HÀNH ĐỘNG' …), not
    'QUYẾT ĐỊNH:' (the enacting words before Điều 1)."""
    for i, line in enumerate(lines):
        word = _type_word(line)
        if word and not line[len(word):].lstrip().startswith(":"):
            return i
    return None


def _type_word(line: str) -> str | None:
    for header in sorted(_type_headers(), key=len, reverse=True):
        if line.startswith(header) and (len(line) == len(header) or line[len(header)] == " ") \
                and is_all_caps(line[:len(header)]):
            rest = line[len(header):].strip()
            if not rest or is_all_caps(rest, min_letters=1) or (" " in header and _RUN_IN_TITLE.match(rest)):
                return header
    return None


@lru_cache(maxsize=None)
def _type_headers() -> dict[str, str]:
    """'KẾ HOẠCH' → 'Kế hoạch'; 'CHƯƠNG TRÌNH HÀNH ĐỘNG' → 'Chương trình'."""
    out = {r["issued_as_plan_header"]: r["name"] for r in doc_types()}
    out["CHƯƠNG TRÌNH HÀNH ĐỘNG"] = "Chương trình"
    out["KẾ HOẠCH HÀNH ĐỘNG"] = "Kế hoạch"
    return out


def _type_and_title(lines: list[str], at: int) -> tuple[str, str | None]:
    word = _type_word(lines[at])
    parts = [lines[at][len(word):].strip()]
    caps = None
    for line in lines[at + 1:at + 12]:
        if _ends_title(line, first=not any(parts)):
            break
        line_caps = is_all_caps(line, min_letters=2)
        if parts[0] and _BODY_PARAGRAPH.match(line):
            break  # the opening paragraph right under a title run in on the type line
        if caps is None:
            caps = line_caps if not parts[0] else is_all_caps(parts[0], min_letters=2)
        elif caps != line_caps and not _continues(parts[-1], line):
            break
        elif not caps and not _continues(parts[-1], line):
            break
        parts.append(line)
    title = " ".join(p for p in parts if p).strip()
    title = _INLINE_SECTION.split(title)[0].strip()  # a first section heading run into the title
    title = _INLINE_BODY.split(title)[0].strip()
    return _type_headers()[word], title or None


def _ends_title(line: str, first: bool = False) -> bool:
    """Where the title stops; its first line may open like a body ('Thực hiện Nghị quyết …')."""
    opener = re.match(r"(?:Căn cứ|Kính gửi)", line) if first else _BODY_OPENER.match(line)
    return bool(opener or _SECTION_LINE.match(line) or _SIGNATURE_START.match(line)
                or (is_all_caps(line) and parse_body(line) is not None and _is_authority_line(line))
                or line.startswith(("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:", "Kính gửi")))


def _is_authority_line(line: str) -> bool:
    """'ỦY BAN NHÂN DÂN TỈNH THANH HÓA', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI': the enacting
    body's line under a Quyết định's title."""
    return bool(re.match(r"(?:CHỦ TỊCH\s+)?(?:ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|UBND|HĐND)\b", line))


def _continues(previous: str, line: str) -> bool:
    """A wrapped line goes on the one before: it ends without a sentence end, or the next
    starts in lower case or with a number's rest ('Kế hoạch số 1331/' + 'KH-UBND, …')."""
    return bool(previous) and (previous[-1] in "/-–,(" or line[:1].islower() or line[:1].isdigit()
                               or re.match(r"[A-ZĐ]{1,6}[-/]", line) is not None)


_SIGNED_FOR_STANDING = re.compile(r"(?:^|\s)(?:T/M|TM\.)\s+BAN THƯỜNG VỤ\s*$", re.M)
SIGNATURE_BLOCKS = 15


def _signed_for_standing_committee(doc: Document) -> bool:
    """'T/M BAN THƯỜNG VỤ' over the signature: the committee's standing board issues it."""
    return any(_SIGNED_FOR_STANDING.search(b.text) for b in doc.blocks[-SIGNATURE_BLOCKS:])


def _issuing_part(body: "Body", lines: list[str]) -> "Body":
    """The header names a committee ('TỈNH ỦY THANH HÓA'); the enacting sentence may name the
    part of it that issues ('…, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:')."""
    for line in lines:
        for m in _ENACTING.finditer(line):
            named = parse_body(m.group(1))
            if named and named.body != body.body and named.body.endswith(body.body):
                return replace(body, body=named.body, form=named.form)
    return body


def _issuer_lines(lines: list[str]) -> str | None:
    """The left column's body lines joined, the superior body's line included: 'UBND TỈNH GIA
    LAI SỞ Y TẾ', 'ĐẢNG BỘ TỈNH QUẢNG NINH BAN THƯỜNG VỤ TỈNH ỦY'."""
    # a line holding only the right column's motto ('Độc lập - Tự do - Hạnh phúc') between two
    # left-column lines is the two columns interleaved line by line, not a gap in the left one
    left: list[str] = []
    for line in lines:
        if not _ONLY_MOTTO.match(line.strip()):
            left.append(_left_cell(line, left[-1] if left else ""))
    for i, cell in enumerate(left):
        if not cell or parse_body(cell) is None:
            continue
        first = i
        while first > 0 and i - first < 2 and left[first - 1]:
            first -= 1  # the superior body above ('ĐẢNG BỘ TỈNH X', 'UBND TỈNH X')
        last = i
        while last + 1 < len(left) and last - i < 3 and left[last + 1]:
            last += 1  # the place below ('THÀNH PHỐ HÀ NỘI'), a name cut by the line ('DÂN')
        return " ".join(left[first:last + 1])
    return None


def _left_cell(line: str, previous: str = "") -> str:
    """The left-column words of a header line in capitals ('' when it is something else)."""
    cell = _RIGHT_COLUMN.split(line)[0].strip(" -*")
    if previous.endswith("QUYẾT ĐỊNH") and (mandate := _MANDATE_NUMBER.match(cell)):
        return mandate.group()  # 'ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH / SỐ 1050/QĐ-SCT': the team's mandate
    mandate = _MANDATE_AT_END.search(cell)
    words = cell[:mandate.start()] if mandate else cell
    # a number line ("SỐ: 12/KH-UBND") is not a body; a body's own number is ("BAN CHỈ ĐẠO 389 TỈNH")
    return cell if is_all_caps(words, min_letters=2) and not re.search(r"[/:]", words) \
        and not re.match(r"SỐ\b", words) else ""


# A body set up by a decision names it ('ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT'); written
# without a colon, it is not the document's own number. The place and date may follow on its line.
_MANDATE = r"SỐ\s+\d+/[A-ZĐ]+(?:-[A-ZĐ]+)*"
_MANDATE_NUMBER = re.compile(rf"{_MANDATE}(?!\S)")
_MANDATE_AT_END = re.compile(rf"(?<=QUYẾT ĐỊNH)\s+{_MANDATE}$")


# -------------------------------------------------------------- issuing bodies

@dataclass
class Body:
    """An issuing body read from a header or a sentence."""
    body: str                 # 'UBND', 'Sở Y tế', 'Ban Thường vụ Tỉnh ủy', 'Ban Chỉ đạo'
    form: str                 # '{body} {level} {place}' …
    level: str | None = None  # 'tỉnh', 'thành phố', 'xã' …
    place: str | None = None  # as written, title case: 'Hà Nội', 'Bến Nghé'
    province: str | None = None
    subject: str = ""         # a Ban Chỉ đạo's field: 'chuyển đổi số'
    before: str = ""          # words before the body (a person's title in a sentence)
    after: str = ""           # words after the body and its place (a person's name)

    def name(self, province: str | None = None) -> str:
        province = self.province or province
        place = self.place or province
        level = self.level or (level_of(province) if province and place == province else None)
        if self.form == "{body} {place}" and level == "thành phố" and self.body.endswith("Tỉnh ủy"):
            body = self.body.replace("Tỉnh ủy", "Thành ủy")  # a city's party committee
        else:
            body = self.body
        text = self.form.format(body=body, level=level or "", place=place or "", name=self.subject)
        return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=None)
def _body_wordings() -> list[tuple[str, str, str]]:
    """(upper-case wording, body, form), longest first: document issuers and departments."""
    rows = [(r["wording"], r["body"], r["form"]) for r in read_rows("document_issuers.csv")]
    rows += [(r["header_wording"], r["canonical"], "{body} {level} {place}") for r in read_rows("departments.csv")]
    return sorted(rows, key=lambda r: -len(r[0]))


def parse_body(text: str) -> Body | None:
    """The lowest issuing body a header or phrase names, with its level and place:
    'UBND TỈNH GIA LAI SỞ Y TẾ' → Sở Y tế (tỉnh Gia Lai); 'Phó Chủ tịch UBND tỉnh Gia Lai Lâm
    Hải Giang' → UBND (tỉnh Gia Lai), before 'Phó Chủ tịch', after 'Lâm Hải Giang'."""
    upper = normalize_line(text).upper()
    found = []
    for wording, body, form in _body_wordings():
        for m in re.finditer(rf"(?<!\w){re.escape(wording)}(?!\w)", upper):
            if not any(s <= m.start() < e for s, e, *_ in found):
                found.append((m.start(), m.end(), body, form))
    if not found:
        return None
    found.sort()
    if found[-1][2] == "Văn phòng":
        # 'UBND THÀNH PHỐ HÀ NỘI / VĂN PHÒNG': the office of the body above, named by it
        start, end = found[-1][:2]
        above = parse_body(text[:start]) if len(found) > 1 and not upper[end:].strip() else None
        if above is None:
            found = found[:-1]
            if not found:
                return None
        else:
            return replace(above, body=f"Văn phòng {above.body}", before="", after="")
    start, end, body, form = found[-1]
    superior = upper[:start]
    out = Body(body, form, before=text[:start].strip())
    rest_at = end
    if "{name}" in form:  # 'BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ', 'BAN CHỈ ĐẠO 389', 'BẢO HIỂM XÃ HỘI KHU VỰC XXVI'
        m = re.match(r"\s*((?:(?!(?:TỈNH|THÀNH PHỐ)\b)(?:\d+/[\wĐ-]+|[\wÀ-Ỹ]+),?\s*)+)", upper[end:])
        if m:
            out.subject = _subject_case(text[end:end + m.end(1)].strip(" ,"))
            rest_at = end + m.end(1)
    # 'Phó Chủ tịch UBND tỉnh Hoàng Xuân Ánh': a province's level is followed by a province, or
    # (a person's title before the body) by the person's name
    level, place, province, used = _level_and_place(text, upper, rest_at,
                                                    person_follows=_signer_title_in(out.before) is not None)
    if level is None and place is None:
        level, place, province, _ = _superior_place(text, superior)
    out.level, out.place, out.province = level, place, province
    out.after = text[used:].strip(" ,.") if used else text[rest_at:].strip(" ,.")
    if level in _COMMUNE_LEVELS and place and (joined := _JOINED_NAME.match(out.after)):
        # a ward or commune named after the two it merged, since 2025: "PHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT"
        out.place = f"{place} - {_title_case(joined.group(1))}"
        out.after = out.after[joined.end():].strip(" ,.")
    return out


def _subject_case(words: str) -> str:
    """A body's name words after its head, in the case of running text: 'CHUYỂN ĐỔI SỐ' →
    'chuyển đổi số'; numbers stay ('389', 'XXVI', '1050/QĐ-SCT'), and a document type before
    its number is capitalised ('THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT' → 'theo Quyết định số …',
    'ĐỀ ÁN 06' → 'Đề án 06')."""
    out = " ".join(w if re.fullmatch(r"[IVXLC]+|\d+(?:/\S+)?", w) else w.lower() for w in words.split())
    for name in doc_type_by_word().values():
        out = re.sub(rf"(?<!\w){re.escape(name.lower())}(?= (?:số\b|\d))", name, out)
    return out


_COMMUNE_LEVELS = ("xã", "phường", "đặc khu")
_JOINED_NAME = re.compile(r"^[-–]\s+((?:[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹa-zđà-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹa-zđà-ỹ]*){0,3})\s*$")


def _title_case(name: str) -> str:
    return " ".join(w[:1] + w[1:].lower() for w in name.split())


def _level_and_place(text: str, upper: str, at: int,
                     person_follows: bool = False) -> tuple[str | None, str | None, str | None, int]:
    """'TỈNH GIA LAI …' at `at`: ('tỉnh', 'Gia Lai', 'Gia Lai', end of the place). A place that is
    no province is taken below a province's level only, or when no person's name may follow."""
    m = re.match(rf"\s*({'|'.join(re.escape(level) for level in _LEVELS)})\s*", upper[at:])
    words = list(re.finditer(r"[^\s,.;:()]+", upper[at + (m.end() if m else 0):]))
    base = at + (m.end() if m else 0)
    level = _level_word(m.group(1)) if m else None
    for n in range(min(len(words), 5), 0, -1):  # the longest run of words that is a province
        span_end = base + words[n - 1].end()
        if province := canonical_province(text[base + words[0].start():span_end]):
            return level, province, province, span_end
    if m and words and not (person_follows and level in _PROVINCE_LEVELS):
        # A place that is no province (a commune, a district): its capitalised words.
        taken = []
        for w in words:
            original = text[base + w.start():base + w.end()]
            rest = upper[base + w.start():]
            if not original[:1].isupper() or any(re.match(rf"{re.escape(b)}(?!\w)", rest) for b, _, _ in _body_wordings()):
                break  # the next body ('… XÃ X SỞ Y TẾ'), not a word of the place ('PHƯỜNG BẾN THÀNH')
            taken.append(w)
        if taken:
            place = " ".join(t.group().capitalize() for t in taken)
            return level, place, None, base + taken[-1].end()
    return (level, None, None, at + m.end()) if m else (None, None, None, 0)


def _superior_place(text: str, superior: str) -> tuple[str | None, str | None, str | None, int]:
    """The place of the body above ('UBND TỈNH GIA LAI' above 'SỞ Y TẾ'; 'TỈNH ỦY NGHỆ AN' above
    'BAN TUYÊN GIÁO VÀ DÂN VẬN')."""
    if m := re.search(r"(?<!\w)(?:TỈNH|THÀNH)\s+ỦY\s+", superior):
        level, place, province, _ = _level_and_place(text, superior, m.end())
        if province:
            return level_of(province), place, province, 0
    for m in re.finditer(rf"(?<!\w)(?:{'|'.join(re.escape(level) for level in _LEVELS)})(?!\w)", superior):
        level, place, province, _ = _level_and_place(text, superior, m.start())
        if place:
            return level, place, province, 0
    return None, None, None, 0


def _level_word(word: str) -> str:
    return "thành phố" if word.startswith("TP") else word.lower()


def _province_in(place: str) -> str | None:
    """The province a place line names ('Thành phố Hồ Chí Minh', 'SYT-VP Gia Lai')."""
    words = place.split()
    for i in range(len(words)):
        if name := canonical_province(" ".join(words[i:])):
            return name
    return None


@lru_cache(maxsize=None)
def _number_codes() -> dict[str, tuple[str, str]]:
    """Issuer code of a number ('UBND', 'HĐND', 'TU', 'BCĐ', 'SYT') → (body, form)."""
    out = {r["number_code"]: (r["body"], r["form"]) for r in read_rows("document_issuers.csv") if r["number_code"]}
    out.update({r["number_code"]: (r["canonical"], "{body} {level} {place}")
                for r in read_rows("departments.csv") if r["number_code"]})
    return out


def _issuer_from_number(number: str | None, province: str | None) -> str | None:
    """'…/KH-UBND' of a plan whose header was lost → 'UBND tỉnh X'; '…/SYT-VP' → 'Sở Y tế tỉnh X'."""
    if not number:
        return None
    for code in re.split(r"[/-]", number)[1:]:
        if code in _number_codes():
            body, form = _number_codes()[code]
            level = level_of(province) if province else "tỉnh"
            return Body(body, form, level=level, place=province).name(province)
    return None


def doc_type_of_number(number: str | None, own: bool = False) -> str | None:
    """'292/KH-UBND' → Kế hoạch, '46-CTr/TU' → Chương trình, '77/2025/NQ-HĐND' → Nghị quyết.
    A document's own number without a type code ('2068/SYT-VP') is a Công văn (Nghị định 30)."""
    if not number:
        return None
    types = doc_type_by_word()
    party = re.match(r"\d+-([A-Za-zĐđ]+)/", number)
    codes = [party.group(1)] if party else [s.split("-")[0] for s in number.split("/")[1:] if not s.isdigit()]
    for code in codes[:1]:
        if code.lower() in types:
            return types[code.lower()]
    return "Công văn" if own and codes else None


# ------------------------------------------------------------- pages and captions

def _from_page(doc: Document) -> _Fields:
    """What a portal's metadata block (or a page's attachment link) says about the plan."""
    found = doc.page_fields
    out = _Fields()
    if number := found.get("number"):
        m = re.match(NUMBER, number)
        out.number = clean_number(m.group()) if m else None
    if word := found.get("doc_type"):
        out.doc_type = doc_type_by_word().get(word.lower().strip())
    if date := found.get("issued_date"):
        out.issued_date = iso_date(date)
    if signer := found.get("signer"):
        out.signer = _person_name(signer)
    if (title := found.get("signer_title")) and title.strip(" .").upper() in _signer_titles():
        out.signer_title = title.strip(" .").upper()  # 'Chức vụ: Phó Chủ tịch' → 'PHÓ CHỦ TỊCH'

    if issuer := found.get("issuer"):
        body = parse_body(issuer)
        province = _province_in(issuer)
        out.province = (body.province if body else None) or province
        out.issuer = body.name(out.province) if body else _issuer_from_number(out.number, out.province)
    out.title = _headline_title(doc, out.number)
    if out.title is None and (title := found.get("title")):
        if out.doc_type and title.lower().startswith(out.doc_type.lower() + " "):
            title = title[len(out.doc_type) + 1:]  # 'Trích yếu: Kế hoạch tổ chức …' names its type first
        out.title = _without_about(title).strip(" .") or None  # 'Trích yếu: Về việc triển khai …'
    return out


def _headline_title(doc: Document, number: str | None) -> str | None:
    """'Kế hoạch 67/KH-UBND năm 2025 thực hiện Phong trào …' → 'thực hiện Phong trào …'."""
    if not number:
        return None
    for block in doc.blocks[:10]:
        m = re.search(rf"{re.escape(number)}(?:\s+năm\s+\d{{4}})?\s+(.+)$", clean_number_spaces(block.text))
        if m and block.text.split()[0].lower() in {r["name"].split()[0].lower() for r in doc_types()}:
            return _without_about(m.group(1)).strip(" .") or None
    return None


def clean_number_spaces(text: str) -> str:
    return re.sub(r"(?<=\d)\s*/\s*(?=[A-ZĐ])", "/", text)


@lru_cache(maxsize=None)
def _type_names() -> str:
    """The document types' names as one alternation, longest first ('Chương trình hành động'
    before 'Chương trình')."""
    return "|".join(re.escape(r["name"]) for r in sorted(doc_types(), key=lambda r: -len(r["name"])))


@lru_cache(maxsize=None)
def _issued_sentence() -> re.Pattern:
    types = _type_names()
    return re.compile(
        rf"(?:(?:đã|vừa|mới|chính thức)\s+)*(?:(?:ký\s+)?(?:ban hành|phê duyệt|thông qua)|ký(?=\s+(?:{types})\b))"
        rf"(?:\s+(?P<type>{types})(?:\s+hành động)?(?:\s+số)?\s*(?P<num>{NUMBER})?"
        rf"(?:\s*,?\s*ngày\s*(?P<date>{DATE_PATTERN}))?)?")


def _from_news(doc: Document) -> _Fields:
    """The plan an article reports: the first sentence in which a body issues it; its signer
    from that sentence or another ('Kế hoạch do Phó Chủ tịch UBND tỉnh … Hoàng Xuân Ánh ký ban
    hành'), said of the same issuer."""
    best, signed = _Fields(), []
    for block in doc.blocks[:PREAMBLE_BLOCKS]:
        for sentence in sentence_break(next_start=f"A-Z{UPPER}").split(block.text):
            for m in _issued_sentence().finditer(sentence):
                found = _news_fields(sentence, m)
                signed += [found] if found.signer else []
                if found.issuer and not best.number and (found.number or best.issuer is None):
                    best = found
    for other in signed:
        if best.signer is None and other.province in (None, best.province):
            best.signer, best.signer_title = other.signer, other.signer_title
    return best


def _news_fields(sentence: str, m: re.Match) -> _Fields:
    out = _Fields()
    subject = sentence[:m.start()]
    if d := re.match(rf"\W*(?:date\s+\S+\s+)?(?:\([^)]*\)\s*[-–]\s*)?Ngày\s+({DATE_PATTERN})\s*,", subject):
        out.issued_date = iso_date(d.group(1))
    elif d := re.search(rf"\([^)]{{1,12}}\)\s*[-–]\s*Ngày\s+({DATE_PATTERN})\s*,", subject):
        out.issued_date = iso_date(d.group(1))  # the headline ran into the lead: '… năm 2026 (ĐN) - Ngày 8 …,'
    body = parse_body(subject)
    if body is None:
        return out
    out.province = body.province
    out.issuer = body.name()
    person = _person_name(body.after) if body.after else None
    title = _signer_title_in(body.before)
    if person and title:
        out.signer, out.signer_title = person, title
    if m.group("type"):
        out.doc_type = doc_type_by_word()[m.group("type").lower()]
    if m.group("num"):
        out.number = clean_number(m.group("num"))
        out.issued_date = out.issued_date or (iso_date(m.group("date")) if m.group("date") else None)
        out.title = _news_title(sentence[m.end():])
    elif m.group("type") and re.match(r"\s*về\s", sentence[m.end():]):
        out.title = _news_title(sentence[m.end():])  # 'thông qua Nghị quyết về nhiệm vụ …' names no number
    elif not m.group("type") and (v := re.match(r"\s+văn bản\s+(?=(?:triển khai|thực hiện|về)\b)", sentence[m.end():])):
        out.title = _news_title(sentence[m.end() + v.end():])  # 'vừa ký ban hành văn bản triển khai …'
    return out


def _without_about(title: str) -> str:
    """A page's title of the plan without a leading 'về việc' / 'về' / 'V/v' (guidelines §2)."""
    return re.sub(r"^\s*(?:[Vv]ề việc|[Vv]ề|V/v)\s+", "", title)


def _news_title(rest: str) -> str | None:
    rest = _without_about(re.sub(r"^\s*,?\s*(?:năm\s+\d{4}\s*)?", "", rest))
    types = "|".join(re.escape(r["name"]) for r in doc_types())
    rest = re.split(rf"\s+và\s+(?:{types})\b|[;]|{_news_title_end().pattern}", rest)[0]
    return rest.strip(" .,") or None


@lru_cache(maxsize=None)
def _news_title_end() -> re.Pattern:
    """A comma before what the article says the plan does ('…, xác định rõ lộ trình'): the
    title ends there (data/page_markers.csv, news_title_end)."""
    words = sorted((r["wording"] for r in read_rows("page_markers.csv") if r["role"] == "news_title_end"),
                   key=len, reverse=True)
    return re.compile(rf",\s+(?:{'|'.join(map(re.escape, words))})\b")


@lru_cache(maxsize=None)
def _opening_citation() -> re.Pattern:
    types = _type_names()
    return re.compile(
        rf"\W*(?P<type>{types})\s+(?:số\s*:?\s*)?(?P<num>{NUMBER})(?:\s*,?\s*ngày\s*(?P<date>{DATE_PATTERN}))?"
        rf"\s*,?\s*(?:năm\s+\d{{4}}\s+)?(?:ban hành bởi\s+(?P<issuer>[^.;]+?)|do\s+(?P<by>[^.;]+?)\s+ban hành)"
        rf"(?:\s+(?:về việc|về|V/v)\s+(?P<title>[^;]+?))?\s*(?:\.\s|\.?$)", re.I)


def _from_opening_citation(doc: Document) -> _Fields:
    """A page that opens by describing the document it is about ('Nghị Quyết số 22/NQ-TU ngày
    08/6/2022 ban hành bởi Tỉnh Ủy Kiên Giang về Chuyển đổi số …', '… do UBND tỉnh X ban hành
    về …'); a document cites another with 'của', which is no such description."""
    out = _Fields()
    first = next((b for b in doc.blocks[:3] if not b.boilerplate and b.text.strip()), None)
    m = _opening_citation().match(first.text.split("\n")[0]) if first else None
    if not m:
        return out
    out.doc_type = doc_type_by_word().get(m.group("type").lower())
    out.number = clean_number(m.group("num"))
    out.issued_date = iso_date(m.group("date")) if m.group("date") else None
    if body := parse_body(m.group("issuer") or m.group("by")):
        out.province, out.issuer = body.province, body.name(body.province)
    out.title = m.group("title").strip(" .") if m.group("title") else None
    return out


def _from_caption(doc: Document) -> _Fields:
    out = _Fields()
    for block in doc.blocks:
        if caption := _CAPTION.search(block.text):
            out.number = clean_number(caption.group(2))
            out.issued_date = iso_date(caption.group(3))
            break
    return out


# ------------------------------------------------------------------ signature

@lru_cache(maxsize=None)
def _signer_titles() -> list[str]:
    return sorted((r["title"] for r in read_rows("signer_titles.csv")), key=len, reverse=True)


def _signer_title_in(text: str) -> str | None:
    """'Phó Chủ tịch' (a sentence's words before the body) → 'PHÓ CHỦ TỊCH'."""
    upper = text.strip().upper()
    return next((t for t in _signer_titles() if upper.endswith(t)), None)


@dataclass
class _LastTitle:
    title: str
    start: int
    after: str | None


# "- Như Điều 3; PHÓ CHỦ TỊCH": the recipients' column and the signature's run into one line
_RECIPIENT_ITEM = re.compile(r"^(?:Nơi nhận\s*:|[-–+]\s.*[;,.)])$")
_SIGNED = re.compile(r"^\(?\[?(?:đã ký|Đã ký|ĐÃ KÝ|ký|Ký)[^)\]]{0,30}[)\]]?$")
_DELEGATION = re.compile(r"^(?:(?:KT|TM|TL|T/M|K/T|Q|TUQ)\.|T/M\b|K/T\b)")
_LAYOUT_GAP = re.compile(r"(?<=\S)\s{6,}(?=\S)")
_SIGNATURE_START = re.compile(r"(?:KT|TM|TL|TUQ)\.|T/M\b|K/T\b|T\.M\.")  # a delegation line: the signature


def _signature(doc: Document) -> tuple[str | None, str | None]:
    """(signer_title, signer): the first bare title line ('PHÓ CHỦ TỊCH'; 'KT. CHỦ TỊCH' only
    delegates) followed, after an optional '(Đã ký)', by a person's name; else the first
    bare title line, with no name."""
    lines, beside = [], set()  # beside: lines that stood right of a recipients' column
    for block in doc.blocks:
        for raw in re.split(r"\n|\|", block.text):
            # text laid out in columns by spaces ('- Văn phòng Sở …          TRƯỞNG ĐOÀN'): one cell each
            cells = [normalize_line(_MARKDOWN.sub(" ", c)) for c in _LAYOUT_GAP.split(raw)]
            cells = [c for c in cells if c]
            for k, cell in enumerate(cells):
                if k and cells[0].startswith(("-", "+", "–", "Nơi nhận")):
                    beside.add(len(lines))
                lines.append(cell)
    titles = "|".join(map(re.escape, _signer_titles()))
    first_title = None
    for i, line in enumerate(lines):
        found = list(re.finditer(rf"(?:^|(?<=\s))({titles})(?=\s|$)", line))
        if not found:
            continue
        last = found[-1]  # 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH': the title after the delegation
        m = _LastTitle(last.group(1), last.start(), line[last.end():].strip() or None)
        before, after = line[:m.start].strip(), (m.after or "").strip()
        name = _person_name(re.sub(r"\s*\(?đã ký\)?$", "", after, flags=re.I)) if after else None
        wrapped = i and _DELEGATION.match(lines[i - 1]) and _ends_in_title(f"{lines[i - 1]} {before}")
        if (before and not wrapped and not _DELEGATION.match(before) and not _RECIPIENT_ITEM.match(before)) \
                or (after and not name):
            continue  # a title inside a sentence or a heading ('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …')
        if re.search(r"(?:KT|TM|TL|T/M|K/T|Q|TUQ)\.?$", before):
            continue  # 'KT. CHỦ TỊCH': the title of the one signed for
        first_title = first_title or m.title
        if name:
            return m.title, name
        if i and re.match(r"[-–+]\s", lines[i - 1]) and i + 1 < len(lines) and re.match(r"[-–+]\s", lines[i + 1]):
            beside.add(i)  # a title line between two recipients' lines: the two columns interleaved
        window = SIGNER_WINDOW + (8 if i in beside else 0)  # the recipients' lines come between
        for nxt in lines[i + 1:i + 1 + window]:
            if (longer := f"{m.title} {nxt.strip().upper()}") in _signer_titles():
                # 'PHÓ BÍ THƯ' + 'THƯỜNG TRỰC': a title the wrap cut
                first_title = longer if first_title == m.title else first_title
                m.title = longer
                continue
            if _SIGNED.match(nxt) or (_RECIPIENT_ITEM.match(before) and re.match(r"[-–+]\s", nxt)):
                continue  # '(Đã ký)'; the rest of a recipients' list the signature ran into
            if i in beside and (re.match(r"[-–+]\s|Lưu\b", nxt) or nxt[:1].islower()):
                continue  # the recipients' column beside the signature, line by line
            if name := _person_name(re.sub(r"\s*\(?đã ký\)?$", "", nxt, flags=re.I)):
                return m.title, name
            break
    return first_title, None


def _ends_in_title(text: str) -> bool:
    """'KT. CHÁNH' + 'VĂN PHÒNG': a delegation whose title the wrap cut ends in a whole title."""
    upper = text.strip().upper()
    return any(upper.endswith(f" {t}") or upper.endswith(f".{t}") for t in _signer_titles())


_RANK = re.compile(r"^(?:Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá)\s+")


def _person_name(text: str) -> str | None:
    """'Lê Ánh Dương', 'ĐỖ VĂN ÂN' (→ 'Đỗ Văn Ân'): two to five capitalised words, nothing else."""
    text = _RANK.sub("", text.strip())  # "Thiếu tướng Trần Đình Ước": a rank, then the name
    words = text.strip(" .,;").split()
    if not 2 <= len(words) <= 5 or not all(re.sub(r"['’]", "", w).isalpha() for w in words):
        return None
    if all(w.isupper() for w in words) and all(len(w) > 1 or w == words[-1] for w in words):
        if any(w in ("ỦY", "BAN", "NHÂN", "DÂN", "TỈNH", "THÀNH", "PHỐ", "SỞ") for w in words):
            return None
        return " ".join(w.capitalize() for w in words)
    if all(_capitalised(w) for w in words):
        return " ".join(words)
    return None


def _capitalised(word: str) -> bool:
    """'Dương', 'Y' and 'H'Hen' (Ê Đê names: 'Y Thái Byă', 'H'Hen Niê'), not 'ỦY' or 'dương'."""
    return all(p and p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in re.split(r"['’]", word))
