"""What a Document is — the plan itself or a page about it — and which blocks are the site's.

Three kinds of input (`Document.page_kind`):

- "document": the official document: its header ("ỦY BAN NHÂN DÂN / TỈNH …", "Số: …",
  the place-and-date line), body and signature.
- "portal": a legal portal's page about a plan: a block of labelled fields ("Số hiệu:",
  "Loại văn bản:", "Cơ quan ban hành:"/"Nơi ban hành:", "Người ký:", "Ngày ban hành:", often
  as `|` cells or without the colon), perhaps followed by the plan's own text.
- "news": an article about a plan: no official header, and a sentence saying who issued
  it ("Ngày 19/9/2022, UBND tỉnh … ban hành Kế hoạch số 59/KH-UBND …").

Site boilerplate (search boxes, login and paywall notices, "văn bản liên quan" lists, job
and real-estate advertisements, photo captions and credits, comment boxes, attachment
links: the wordings of `data/page_markers.csv`) is marked `Block.boilerplate`, and
`mark_page` hands the extractors a Document without those blocks (same text, same
offsets). Documents whose title says they are not plans (procedure announcements,
regulations: `data/not_plan_titles.csv`) get a warning.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from ..document import HEADING, TABLE, Block, Document
from ..lexicon import doc_types, read_rows
from ..normalize import is_all_caps, normalize_key

DOCUMENT, PORTAL, NEWS = "document", "portal", "news"
HEAD_BLOCKS = 60         # where a header, a metadata block or the issuing sentence may stand
SHORT_BLOCK = 300        # boilerplate is short; a long paragraph is content
RELATED_ITEMS = 40       # at most this many items of a "related documents" list
HEADLINE_WORDS = 6       # an unmarked item of such a list is a headline of at least this many syllables
# The motto in capitals: a newspaper's masthead "Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam …" is not it.
_OFFICIAL = re.compile(r"(?m)^\W*(?:Số|SỐ|số)\s*:\s*\d|CỘNG HÒA XÃ HỘI CHỦ NGHĨA|Độc lập\s*-\s*Tự do"
                       r"|ĐỘC LẬP\s*-\s*TỰ DO|ĐẢNG CỘNG SẢN VIỆT NAM")
# How an article says a body issued a plan: "… vừa ký ban hành …", "… đã phê duyệt …", "… đã
# thông qua Nghị quyết …" (a council), "… đã ký Quyết định số 845/QĐ-UBND", "… ban hành Kế hoạch số 59/KH-UBND".
ISSUING = re.compile(r"\b(?:đã|vừa|mới)\s+(?:ký\s+)?(?:ban hành|phê duyệt|thông qua)\b"
                     r"|\b(?:ban hành|phê duyệt|thông qua|ký)\s+(?:Kế hoạch|Quyết định|Chương trình|Nghị quyết|Chỉ thị|Đề án)"
                     r"(?:\s+hành động)?\s+(?:số\s+)?\d")
_NEWS_MARKS = re.compile(r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}|\([A-ZĐ]{2,8}\)\s*[-–])", re.I)
_PHOTO_CREDIT = re.compile(r"(?:^|[.!?”\"]\s*)\(?(?:Ảnh|Nguồn ảnh|Ảnh minh họa)\s*:\s*[^.:;]{1,40}\)?\s*$")
_ATTACHMENT = re.compile(r"(?:Xem và tải|Tải về|Tải)\s+(Kế hoạch|Quyết định|Nghị quyết|Chương trình|Chỉ thị|Đề án|"
                         r"Công văn|Thông báo)\b")
_FIELD_ROLES = ("number", "doc_type", "issuer", "signer", "issued_date", "title")


@dataclasses.dataclass
class _Markers:
    fields: list[tuple[str, str]]   # (label, field), longest label first
    starts: tuple[str, ...]
    contains: tuple[str, ...]
    lines: frozenset[str]
    related: frozenset[str]


@lru_cache(maxsize=None)
def _markers() -> _Markers:
    rows = read_rows("page_markers.csv")

    def of(role: str) -> list[str]:
        return [normalize_key(r["wording"]) for r in rows if r["role"] == role]

    fields = sorted(((r["wording"], r["role"].split(":", 1)[1]) for r in rows if r["role"].startswith("field:")),
                    key=lambda x: -len(x[0]))
    return _Markers(fields, tuple(of("boilerplate_start")), tuple(of("boilerplate_contains")),
                    frozenset(of("boilerplate_line")), frozenset(of("related_list")))


@lru_cache(maxsize=None)
def _named_document() -> re.Pattern:
    """A document named by its type and number: 'Quyết định 922/QĐ-TTg …', 'Kế hoạch số 45/…'."""
    types = "|".join(re.escape(r["name"]) for r in doc_types())
    return re.compile(rf"(?:{types})\s+(?:số\s+)?\d")


@lru_cache(maxsize=None)
def _not_plan_wordings() -> list[tuple[str, str]]:
    return [(normalize_key(r["wording"]), r["what"]) for r in read_rows("not_plan_titles.csv")]


# ------------------------------------------------------------------ the kind

def mark_page(doc: Document) -> Document:
    """Record the page kind, mark boilerplate blocks, add the warnings; return the Document
    the extractors read: the same text and offsets, without the boilerplate blocks."""
    if doc.page_kind is None:
        marked = _mark_boilerplate(doc)
        doc.page_kind = page_kind(doc)
        doc.page_fields = portal_fields(doc) if doc.page_kind == PORTAL else {}
        if doc.page_kind != DOCUMENT and (kind := attachment_type(doc)):
            doc.page_fields.setdefault("doc_type", kind)
        doc.warnings.extend(_warnings(doc, marked))
    return dataclasses.replace(doc, blocks=[b for b in doc.blocks if not b.boilerplate])


def page_kind(doc: Document) -> str:
    """'document', 'portal' or 'news' (boilerplate blocks, once marked, are not looked at)."""
    head = [b for b in doc.blocks[:HEAD_BLOCKS] if not b.boilerplate]
    if len({f for f in portal_fields(doc) if f in _FIELD_ROLES}) >= 2:
        return PORTAL
    if has_official_header(head):
        return DOCUMENT
    if any(_NEWS_MARKS.match(b.text) or ISSUING.search(b.text) for b in head[:12]):
        return NEWS
    if any(b.boilerplate for b in doc.blocks):
        return NEWS  # a site's page without the document's header: what it says about a plan
    return DOCUMENT


def has_official_header(blocks: list[Block]) -> bool:
    return any(_OFFICIAL.search(b.text) for b in blocks[:HEAD_BLOCKS])


def _warnings(doc: Document, marked: int) -> list[str]:
    where = doc.source or "<text>"
    out = []
    if doc.page_kind == PORTAL:
        out.append(f"{where}: a page about a plan (a legal portal's metadata block): the document "
                   "record describes the plan the page is about")
    elif doc.page_kind == NEWS:
        out.append(f"{where}: a page about a plan (a news article): the document record describes "
                   "the plan the article reports, not the article")
    if marked:
        out.append(f"{where}: {marked} block(s) of site boilerplate (search, login, related "
                   "documents, advertisements, captions) were not read")
    if what := not_a_plan(doc):
        out.append(f"{where}: not a plan but {what}: no targets are expected from it")
    return out


# ------------------------------------------------------------ portal fields

def portal_fields(doc: Document) -> dict[str, str]:
    """The labelled fields of a legal portal's metadata block, values as written:
    {'number': '67/KH-UBND', 'doc_type': 'Kế hoạch', 'issuer': 'Tỉnh Trà Vinh', …}."""
    out: dict[str, str] = {}
    for block in doc.blocks[:HEAD_BLOCKS]:
        if block.boilerplate:
            continue
        out.update({f: v for f, v in _label_row_fields(block.text).items() if f not in out})
        cells = [c.strip(" *:") for line in block.text.split("\n") for c in line.split("|")]
        cells = [c for c in cells if c]
        for i, cell in enumerate(cells):
            found = _labelled(cell)
            if found is None:
                continue
            field, value = found
            if not value and i + 1 < len(cells) and _labelled(cells[i + 1]) is None:
                value = cells[i + 1]
            if value and field not in out:
                out[field] = value
    out.update({f: v for f, v in _label_run_fields(doc).items() if f not in out})
    return out


def _label_run_fields(doc: Document) -> dict[str, str]:
    """The same row of labels over its row of values read as one cell per paragraph: a run of
    bare labels, then as many values. (Rows with their `|` cells are `_label_row_fields`'s,
    which keeps an empty value in its column.)"""
    cells = [b.text.strip(" *:") for b in doc.blocks[:HEAD_BLOCKS]
             if not b.boilerplate and "|" not in b.text and "\n" not in b.text and b.text.strip(" *:")]
    out: dict[str, str] = {}
    i = 0
    while i < len(cells):
        run = []
        while i + len(run) < len(cells) and (f := _labelled(cells[i + len(run)])) is not None and not f[1]:
            run.append(f[0])
        values = cells[i + len(run):i + 2 * len(run)]
        if len(run) >= 2 and len(values) == len(run) and all(_labelled(v) is None for v in values):
            out.update({f: v for f, v in zip(run, values) if f not in out})
            i += 2 * len(run)
        else:
            i += max(1, len(run))
    return out


def _label_row_fields(text: str) -> dict[str, str]:
    """'Số hiệu | Loại văn bản | Người ký' over '17/KH-UBND | Kế hoạch | Vừ A Đằng': a row of
    labels and the row of values under it."""
    rows = [[c.strip(" *:") for c in line.split("|")] for line in text.split("\n")]
    out: dict[str, str] = {}
    for labels, values in zip(rows, rows[1:]):
        found = [_labelled(c) for c in labels]
        if len(labels) >= 2 and len(values) == len(labels) and all(f is not None and not f[1] for f in found):
            out.update({f[0]: v for f, v in zip(found, values) if v and f[0] not in out})
    return out


def _labelled(cell: str) -> tuple[str, str] | None:
    """('number', '67/KH-UBND') for 'Số hiệu: 67/KH-UBND' or 'Số hiệu 67/KH-UBND'."""
    for label, field in _markers().fields:
        m = re.match(rf"{re.escape(label)}(?![\w])\s*:?\s*(.*)$", cell, re.I)
        if m and cell[:1].isupper():
            value = m.group(1).strip(" :")
            if field == "other" or len(value) <= 200:
                return field, value
    return None


def attachment_type(doc: Document) -> str | None:
    """The type a page's attachment link names: 'Xem và tải Quyết định tại đây: QD 713.pdf'."""
    for block in doc.blocks:
        if m := _ATTACHMENT.match(block.text):
            return m.group(1)
    return None


# ----------------------------------------------------------------- boilerplate

def _mark_boilerplate(doc: Document) -> int:
    """Mark the site's blocks; the number marked."""
    marked = 0
    related_left = 0
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind == TABLE:
            related_left = 0
            continue
        if related_left:
            if _related_item(block):
                block.boilerplate = True
                marked += 1
                related_left -= 1
                continue
            related_left = 0  # the list ended: the page's own text (or its next part) goes on
        if len(block.text) > SHORT_BLOCK and not _PHOTO_CREDIT.search(block.text):
            continue
        key = normalize_key(block.text)
        if _opens_related_list(key) and i + 1 < len(blocks) and _related_item(blocks[i + 1]):
            related_left = RELATED_ITEMS
            block.boilerplate = True
            marked += 1
        elif _is_boilerplate(block.text, key):
            block.boilerplate = True
            marked += 1
    return marked


def _opens_related_list(key: str) -> bool:
    """'Văn bản liên quan', 'Văn bản liên quan cùng nội dung:', 'Tin liên quan' …"""
    return any(key == w or (key.startswith(w + " ") and len(key) <= 2 * len(w) + 20) for w in _markers().related)


_ITEM_MARK = re.compile(r"^\s*[-–•+*]\s")


def _related_item(block: Block) -> bool:
    """An entry of a 'related documents/news' list: a bulleted line, a document named by its
    type and number ('Quyết định 922/QĐ-TTg năm 2022 …') or a headline; not a field of the
    metadata block, a line in capitals ('NỘI DUNG VĂN BẢN', 'ỦY BAN NHÂN DÂN'), the official
    header, a heading or a label ending in ':' — those end the list."""
    text = block.text.strip()
    if block.kind == HEADING or len(text) > SHORT_BLOCK or not text:
        return False
    if _ITEM_MARK.match(text) or _named_document().match(text):
        return True
    return (len(text.split()) >= HEADLINE_WORDS and not text.endswith(":") and not is_all_caps(text, min_letters=2)
            and not _OFFICIAL.search(text) and _labelled(text) is None)
def _is_boilerplate(text: str, key: str) -> bool:
    m = _markers()
    return (key in m.lines or key in m.related or key.startswith(m.starts)
            or any(c in key for c in m.contains) or bool(_PHOTO_CREDIT.search(text)))


# ---------------------------------------------------------------- not a plan

def not_a_plan(doc: Document) -> str | None:
    """What a document is when its title says it is not a plan ('a procedure announcement …')."""
    title = _header_title(doc)
    if not title or re.search(r"\b(?:kế hoạch|chương trình|đề án)\b", title):
        return None
    return next((what for wording, what in _not_plan_wordings() if wording in title), None)


def _header_title(doc: Document) -> str:
    """The capitalised type-and-title lines of the header, as one key."""
    lines = []
    for block in doc.blocks[:HEAD_BLOCKS]:
        text = block.text.strip()
        if block.boilerplate or not text:
            continue
        if re.match(r"(?:Căn cứ|Thực hiện|Theo|Xét)\b", text):
            break
        if is_all_caps(text, min_letters=4) or text.startswith(("V/v", "Về việc")):
            lines.append(text)
    return normalize_key(" ".join(lines))
