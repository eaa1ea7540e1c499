"""Citations of other legal documents: type, number, date, issuer and subject.

"Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ phê duyệt …",
"Nghị quyết số 10-NQ/TU, ngày 18/3/2022 của Ban Chấp hành Đảng bộ tỉnh", "KH số
244/KH-UBND", "Luật Giao dịch điện tử số 20/2023/QH15", "Văn bản số 1234/UBND-KT",
"Công điện 130/CĐ-TTg", "Chương trình hành động số 46-CTr/TU", "Báo cáo thẩm tra số
116/BC-BPC", "Theo đề nghị của Sở X tại Tờ trình số …". One record per cited document (the
first mention gives the provenance; later mentions fill in fields the first one lacks). The
document's own number is not a reference; site boilerplate ("văn bản liên quan") is not read.

The issuer after "của"/"do" is a known body (`data/issuers.csv`) or a name read by its
structure: a head (Bộ, Ban, Ủy ban, Sở, Bộ trưởng, Giám đốc …) and capitalised words, "và"
between capitalised words, a level word and its place ("UBND tỉnh Long An") — read case
by case, so it stops at "về", "về việc", "ban hành", "phê duyệt", ";" and every other lower-case
word. The title is what follows, up to the end of the clause, the next cited document, the
clause after the citations ("…, Ban Thường vụ Tỉnh ủy ban hành …") or a sentence run into it by a
lost line break ("… Ngày 24/01/2022, …"); a quotation keeps its parentheses. Citations of one
type listed side by side share the issuer named once; a mention's date is that of the fullest
mention; a header's place-and-date run into a citation is neither its place nor its title.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..document import Document
from ..lexicon import doc_type_by_word, doc_types, read_rows
from ..normalize import is_all_caps
from ..records import Reference
from .dates import DATE_PATTERN, iso_date
from .metadata import CAPITAL, NUMBER, clean_number

MAX_TITLE = 500
# Words that may stand between the type and the number: "Chương trình hành động số", "Báo cáo
# thẩm tra số", "Luật Giao dịch điện tử số", "Thông báo kết luận số".
_TYPE_QUALIFIER = r"(?:\s+(?:hành động|thẩm tra|liên tịch|kết luận|tiếp thu[^\d;.]{0,40}?))?"
# A name between the type and "số": "Luật Giao dịch điện tử số …", "Kết luận liên ngành … số …".
_LAW_NAME = r"(?:\s+[^\d;:.()/]{1,90}?)"
_HEADS = ("Ban Chỉ đạo", "Ban Pháp chế", "Ban Thường vụ", "Ban Chấp hành", "Ban Bí thư", "Ban Kinh tế - Ngân sách",
          "Ban Văn hóa - Xã hội", "Ban Dân tộc", "Ban Tuyên giáo", "Ban Dân vận", "Ban Tổ chức", "Ban Nội chính",
          "Tổ giúp việc", "Ủy ban nhân dân", "Hội đồng nhân dân", "Bộ trưởng", "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng", "Chủ tịch", "Phó Chủ tịch", "Giám đốc",
          "Phó Giám đốc", "Chánh Văn phòng", "Trưởng ban", "Bộ", "Ban", "Ủy ban", "UBND", "HĐND", "Hội đồng",
          "Sở", "Cục", "Tổng cục", "Chi cục", "Văn phòng", "Tỉnh ủy", "Thành ủy", "Đảng ủy", "Tổ", "Hội nghị",
          "Kiểm toán", "Thanh tra", "Công an", "Ngân hàng", "Quốc hội", "Chính phủ", "Liên", "Đoàn")
_LEVEL = r"(?:tỉnh|Tỉnh|thành\s+phố|Thành\s+phố|TP\.?|huyện|xã|phường|quận|thị\s+xã|Trung\s+ương)"
_CAP_WORD = rf"{CAPITAL}[\w\-]*"


@lru_cache(maxsize=None)
def _type_words() -> tuple[str, str]:
    """(full names, abbreviations) as regex alternations, longest first."""
    names = sorted({r["name"] for r in doc_types()}, key=len, reverse=True)
    abbreviations = sorted({a for r in doc_types() for a in r["abbreviations"].split(";") if len(a) >= 2},
                           key=len, reverse=True)
    return "|".join(map(re.escape, names)), "|".join(map(re.escape, abbreviations))


@lru_cache(maxsize=None)
def citation_pattern() -> re.Pattern:
    """A citation: type (any case; abbreviations as written), qualifier, 'số', number, date.
    Only the type words ignore case: a number's code must start with a capital."""
    names, abbreviations = _type_words()
    return re.compile(
        rf"(?<!\w)(?P<type>(?i:{names})|{abbreviations})(?!\w)"
        rf"(?:(?<=[Ll]uật|[Ll]uận|[Ll]ệnh)(?P<name>{_LAW_NAME})(?=\s+(?i:số)\s)|{_TYPE_QUALIFIER})"
        rf"\s*:?\s*(?:(?i:số)\s*:?\s*)?(?P<num>{NUMBER})"
        rf"(?:\s*,?\s*(?:ngày|ban hành ngày)\s*(?P<date>{DATE_PATTERN}))?")


@lru_cache(maxsize=None)
def _known_issuers() -> tuple[re.Pattern, dict[str, str]]:
    """Bodies that issue documents: data/issuers.csv, and the agency gazetteer's single bodies
    (ministries, departments, branches: their names have lower-case words, 'Bộ Y tế')."""
    rows = [(r["wording"], r["canonical"]) for r in read_rows("issuers.csv")]
    for r in read_rows("agencies.csv"):
        if r["kind"] != "collective" and "{province}" not in r["canonical"]:
            rows += [(w, w) for w in [r["canonical"], *filter(None, r["variants"].split(";"))]]
    wordings = sorted({w for w, _ in rows}, key=len, reverse=True)
    pattern = re.compile(rf"(?i:{'|'.join(_spaced(w) for w in wordings)})(?!\w)")
    canonical: dict[str, str] = {}
    for wording, name in rows:
        canonical.setdefault(wording.lower(), name)
    return pattern, canonical


def _spaced(words: str) -> str:
    """A wording as a pattern whose spaces may be any white space (a line may wrap inside it)."""
    return r"\s+".join(map(re.escape, words.split()))


@lru_cache(maxsize=None)
def _issuer_name() -> re.Pattern:
    """A body named by its structure, case by case: a head, then capitalised words, 'và' between
    capitalised words, level words and places; no lower-case word else ('về', 'ban hành' …)."""
    heads = "|".join(map(_spaced, sorted(_HEADS, key=len, reverse=True)))
    # 'Ban chỉ đạo', 'Ban Chấp hành' whatever their case; 'Hội nghị lần thứ sáu Ban Chấp hành …'
    word = (rf"(?:{_spaced('Ủy ban nhân dân')}|{_spaced('Hội đồng nhân dân')}|(?<=Ban\s)(?i:chỉ\s+đạo|chấp\s+hành)"
            rf"|{_LEVEL}|{_CAP_WORD}|nhân dân|Nhà nước|nhà nước|lần\s+thứ\s+\w+)")
    # a title's opening verb, capitalised after the issuer ('Chính phủ Quy định về …'), ends the name
    openers = "|".join(map(_spaced, sorted((r["wording"] for r in read_rows("issuer_ends.csv")), key=len, reverse=True)))
    return re.compile(rf"(?:{heads})(?!\w)(?:\s+(?:và\s+(?=[A-ZĐ])(?!(?i:{_type_words()[0]})\b))?"
                      rf"(?!(?:{openers})(?!\w)){word})*")


_PERSON_TITLE = re.compile(r"(?:Bộ trưởng|Bộ Trưởng|Thứ trưởng|Chủ tịch|Phó Chủ tịch|Giám đốc|Phó Giám đốc|"
                           r"Trưởng ban|Chánh Văn phòng|Cục trưởng|Tổng Cục trưởng|Tổng cục trưởng)\s+(?=\S)")
_PLACE = re.compile(rf"(?:\s+{_LEVEL})?(?:\s+{_CAP_WORD}){{0,4}}")


def _issuer_at(text: str) -> tuple[int, str] | None:
    """(end, name) of the issuer at the start of `text` (after 'của'/'do'): a person's title, then
    the longest of a known body and a body read by its structure, then its place."""
    title = _PERSON_TITLE.match(text)
    at = title.end() if title else 0
    known, canonical = _known_issuers()
    candidates = []
    if m := known.match(text, at):
        end = _place_end(text, m.end(), _PLACE.match(text, m.end()).end())
        wording = re.sub(r"\s+", " ", m.group())
        candidates.append((end, canonical.get(wording.lower(), wording) + text[m.end():end]))
    if (g := _issuer_name().match(text, at)) and g.end() > at:
        candidates.append((g.end(), g.group()))
    if not candidates:
        return None
    end, name = max(candidates, key=lambda c: c[0])
    if re.match(r"\s*,\s*ngày\s*\d", text[end:]) and (level := re.search(rf"\s{_LEVEL}(?=\s+\S+)", name)):
        # 'UBND tỉnh Quảng Ninh, ngày 12 tháng 11 năm 2024': the place starts a place-and-date line
        from ..provinces import canonical_province
        if canonical_province(name[level.end():].strip()):
            end, name = end - (len(name) - level.end()), name[:level.end()]
    return end, (text[:at] + name).strip()


def _place_end(text: str, start: int, end: int) -> int:
    """Where a known body's place ends: a level word and its name, or a province's name; a
    capitalised word that is no place ('Khóa XI', 'Về') is not taken."""
    from ..provinces import canonical_province
    words = list(re.finditer(r"\S+", text[start:end]))
    level = bool(words) and re.fullmatch(_LEVEL, words[0].group()) is not None
    names = words[1:] if level else words
    for n in range(len(names), 0, -1):
        if canonical_province(" ".join(w.group() for w in names[:n]).strip(",.;")):
            after = ("," if names[n - 1].group().endswith(",") else "") + text[start + names[n - 1].end():]
            if re.match(r"\s*,\s*ngày\s*\d", after):
                break  # 'Quảng Ninh, ngày 12 tháng 11 năm 2024': a header's place-and-date line
            return start + names[n - 1].end()
    if level and not names:
        return start + words[0].end()
    if level and names and not re.match(r"(?i:khóa|khoá|về)\b", names[0].group()):
        return start + names[0].end() if len(names) == 1 else start + words[0].end()
    return start


def canonical_issuer(name: str) -> str:
    """As named, with 'Ủy ban nhân dân' → 'UBND', 'Hội đồng nhân dân' → 'HĐND', the level word in
    lower case ('UBND Thành phố' → 'UBND thành phố'), a term ('khóa XIV') dropped."""
    name = re.sub(r"(?i:Ủy ban nhân dân)", "UBND", name)
    name = re.sub(r"(?i:Hội đồng nhân dân)", "HĐND", name)
    name = re.sub(r"\s+", " ", name)
    name = re.sub(r"(?<=UBND |HĐND )(Tỉnh|Thành phố|TP\.?)(?!\w)",
                  lambda m: "thành phố" if m.group(1).startswith(("Thành", "TP")) else "tỉnh", name)
    name = re.sub(r"\s*\(?(?i:khóa|khoá)\s+[IVXLC]+\)?$", "", name)
    name = re.sub(r"\s+", " ", name).strip(" ,")
    _, canonical = _known_issuers()
    return canonical.get(name.lower(), name)


def _doc_type(word: str, number: str) -> str | None:
    types = doc_type_by_word()
    if word.lower() in types:
        return types[word.lower()]
    code = number.split("/")[1].split("-")[0] if "/" in number else ""
    return types.get(code.lower())


# ------------------------------------------------------------------- titles

_TITLE_END = re.compile(r"[;|]|\((?!(?i:khóa|khoá))|\.(?:\s|$)|,\s*(?:trong đó|theo đó|cụ thể)\b")
# A line break goes on inside a title when the next line continues it (a wrapped line), not
# when it opens a list item, a heading, a table row or a new sentence of the body.
_NEW_LINE = re.compile(r"\n\s*(?=[-+•*|]|\d+(?:\.\d+)*[.)]\s|[a-zđ][.)]\s|[IVXLC]+\.\s|(?:Căn cứ|Thực hiện|Theo|"
                       r"Xét|Kính gửi|Nơi nhận|Điều)\b)|(?<=[.;:,)])\s*\n")
# ', UBND tỉnh ban hành Kế hoạch …': the clause after the citations (its own subject and verb).
_NEXT_CLAUSE = re.compile(rf",\s+{CAPITAL}\S*(?:\s+[^\s,;.]+){{0,6}}?\s+(?:đã\s+|sẽ\s+)?(?:ban hành|xây dựng|"
                          r"yêu cầu|đề nghị|chỉ đạo)\b")
@lru_cache(maxsize=None)
def _run_on() -> re.Pattern:
    """A new sentence run into a title by a lost line break ('… năm 2045 Ngày 24/01/2022, Bộ Chính
    trị …'), or the national motto of a header's other column, put after the 'V/v …' line by the
    reader (`motto` rows of data/issuer_ends.csv)."""
    mottos = "|".join(map(_spaced, (r["wording"] for r in read_rows("issuer_ends.csv") if r["kind"] == "motto")))
    return re.compile(rf"\s(?=(?:Ngày\s+\d|Căn cứ\s|Thực hiện\s|Kính gửi\b))|(?:^|\s)(?={mottos})")
_ONLY_DATE = re.compile(rf"(?:(?:{CAPITAL}\S*\s*){{1,5}},\s*)?(?:[Nn]gày\s*)?(?:{DATE_PATTERN})\W*(?:Kính gửi\W*)?$")


def _title(rest: str) -> str | None:
    """What the citation says the document is about, from the text after the issuer: up to the
    end of the clause or the next document cited beside it ('… và Kế hoạch 92/KH-UBND …')."""
    rest = re.sub(r"^\s*\(?(?:khóa|khoá)\s+[IVXLC]+\)?", "", rest, flags=re.I)
    rest = re.sub(r"^\s*\((?:nay là|trước đây|cũ)[^)]*\)", "", rest)  # '(nay là tỉnh Đồng Tháp)'

    if _NEXT_CLAUSE.match(rest):
        return None  # '…, Ủy ban nhân dân thành phố ban hành Kế hoạch …': the citation says nothing
    rest = re.sub(r"^\s*,?\s*(?:năm\s+\d{4}\s*)?", "", rest)
    rest = re.sub(r"^(?:về việc|về|V/v)\s+", "", rest, flags=re.I)
    if re.match(r"(?:và|,|;|\.|\(|\)|\|)", rest) or not rest[:1].strip():
        return None
    cuts = [m.start() for m in (_title_end(rest), _NEW_LINE.search(rest), _NEXT_CLAUSE.search(rest),
                                _run_on().search(rest)) if m]
    title = rest[:min(cuts)] if cuts else rest[:MAX_TITLE]
    title = _before_sibling(title)
    title = re.sub(r"(?<=/[A-ZĐ]{2})-\s+(?=[A-ZĐ]{2,}\b)", "-", title)  # a code the wrap cut: '…/NĐ-\nCP'
    title = re.sub(r"\s+", " ", title).strip(" ,:")
    if not title or len(title) > MAX_TITLE or title[0].isdigit() or _ONLY_DATE.match(title):
        return None  # a header's place-and-date run into the citation ('…, ngày 12 tháng 11 năm 2024')
    return title


def _title_end(rest: str) -> re.Match | None:
    """The first end of a title outside a quotation: '“… bằng không (không thu)” tại dự thảo …'
    keeps its parenthesis."""
    quoted = [m.span() for m in re.finditer(r"“[^”]*”", rest)]
    for m in _TITLE_END.finditer(rest):
        if not any(a < m.start() < b for a, b in quoted):
            return m
    return None


def _before_sibling(title: str) -> str:
    """Cut before ', <citation>' or 'và <citation>' unless the title itself cited a document
    first ('thực hiện Nghị quyết số 137/NQ-CP … và Chương trình số 27-CTr/TU …' lists what is
    carried out)."""
    for i, m in enumerate(citation_pattern().finditer(title)):
        before = title[:m.start()]
        if re.search(r",\s*$", before) or (i == 0 and re.search(r"\svà\s*$", before)):
            return re.sub(r"\s*(?:,|\svà)\s*$", "", before)
    return title


# ---------------------------------------------------------------- extraction

_CONTINUED = re.compile(rf"(?:,|;|\svà)\s+(?i:số)\s*:?\s*(?P<num>{NUMBER})"
                        rf"(?:\s*,?\s*(?:ngày|ban hành ngày)\s*(?P<date>{DATE_PATTERN}))?")
CONTINUED_REACH = 300  # how far a list of numbers after one type word ('các Quyết định: số …, và số …') goes


def _citations(text: str, start: int, end: int) -> list[tuple[re.Match, str]]:
    """(match, type word) of every citation, those that continue a list of numbers after one
    type word ('các Quyết định: số 36/QĐ-TTg … và số 1668/QĐ-TTg') included."""
    out = [(m, m.group("type")) for m in citation_pattern().finditer(text, start, end)]
    for m in _CONTINUED.finditer(text, start, end):
        before = [(c, t) for c, t in out if c.end() <= m.start() and m.start() - c.end() <= CONTINUED_REACH]
        if before and not any(c.start() <= m.start("num") < c.end() for c, _ in out):
            out.append((m, before[-1][1]))
    return sorted(out, key=lambda x: x[0].start())


def extract_references(doc: Document, own_number: str | None = None) -> list[Reference]:
    """One record per cited document (guidelines §5): see `_merged`."""
    mentions: dict[str, list[Reference]] = {}
    own = clean_number(own_number).lower() if own_number else None
    for start, end in _content_spans(doc):
        refs = []
        for m, type_word in _citations(doc.text, start, end):
            ref = _reference(doc, m, type_word)
            if ref is not None:
                refs.append((m, ref))
        _share_issuers(doc.text, refs)
        for _, ref in refs:
            if ref.number.lower() != own:
                mentions.setdefault(_same_document(ref.number), []).append(ref)
    return [_merged(refs) for refs in mentions.values()]


def _same_document(number: str) -> str:
    """A key under which a typo'd number meets the document cited well elsewhere ('27/CTTg' is
    '27/CT-TTg': guidelines §5): no hyphens, a letter doubled by the typo once."""
    # letters only: '115/2018' and '15/2018' are two documents
    return re.sub(r"([^\W\d_])\1+", r"\1", re.sub(r"[-–\s]", "", number).lower())  # 'ct-ttg', 'cttg' → 'ctg'


_FIELDS = ("doc_type", "issued_date", "issuer", "title")


def _merged(refs: list[Reference]) -> Reference:
    """The first mention, its date that of the fullest mention (a date cited with the issuer
    beats a bare one: '… số 163/2024/QH15 ngày 27 tháng 11 năm 2025' then '… ngày 27/11/2024
    của Quốc hội'), the others filling what it lacks."""
    first = refs[0]
    fullest = max(refs, key=lambda r: sum(getattr(r, f) is not None for f in _FIELDS))  # the first of the fullest
    # the well-formed writing: its hyphens, and its case when a capitalised title wrote it too
    number = max((r.number for r in refs), key=lambda n: (n.count("-"), not n.isupper()))
    out = replace(first, number=number, issued_date=fullest.issued_date or first.issued_date)
    for other in refs:
        _fill_missing(out, other)
    return out


_SIBLINGS = re.compile(r"\s*(?:,|và|,\s*và)\s*")


def _share_issuers(text: str, refs: list[tuple[re.Match, Reference]]) -> None:
    """Citations of one type listed side by side share the issuer the list names once: '… số
    116/BC-BPC ngày … và Báo cáo thẩm tra số 122/BC-BPC ngày … của Ban Pháp chế …' (the last one's), and
    'các Quyết định: số 36/QĐ-TTg …; số 1668/QĐ-TTg …' (the first one's, for the numbers that
    continue a list after one type word)."""
    for i in range(len(refs) - 2, -1, -1):  # from the end: a list's issuer goes back over it
        (m, ref), (n, nxt) = refs[i], refs[i + 1]
        if (ref.issuer is None and nxt.issuer and ref.doc_type == nxt.doc_type
                and _SIBLINGS.fullmatch(text[m.end():n.start()])):
            ref.issuer = nxt.issuer
    for i in range(1, len(refs)):
        (m, ref), (_, before) = refs[i], refs[i - 1]
        if ref.issuer is None and before.issuer and m.re is _CONTINUED:
            ref.issuer = before.issuer


def _content_spans(doc: Document) -> list[tuple[int, int]]:
    """Runs of consecutive blocks the extractors read (boilerplate blocks are not in doc.blocks
    of the Document that `mark_page` hands over): a citation may wrap over blocks inside a run."""
    spans: list[list[int]] = []
    for block in doc.blocks:
        if spans and block.start <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], block.end)
        else:
            spans.append([block.start, block.end])
    return [(s, e) for s, e in spans] or [(0, len(doc.text))]


def _reference(doc: Document, m: re.Match, type_word: str) -> Reference | None:
    number = clean_number(m.group("num")).rstrip("-")
    if "/" not in number or _not_a_number(m, type_word, number):
        return None
    issuer, title, tail_used = None, None, 0
    tail = doc.text[m.end(): m.end() + 800]
    # '… của Bộ Chính trị'; '…, Hội nghị lần thứ 8 của Ban Chấp hành Trung ương Đảng': the plenum's committee
    if im := re.match(r"(?:\s+năm\s+\d{4})?\s*,?\s*(?:của|do|Hội nghị lần thứ \w+(?:\s+của)?)\s+", tail):
        if found := _issuer_at(tail[im.end():]):
            issuer = canonical_issuer(found[1])
            tail_used = im.end() + found[0]
            title = _title(tail[tail_used:])
    preceding = doc.text[max(0, m.start() - 300):m.start()]
    if issuer is None and (issuer := _issuer_before(preceding)):
        title = _title(tail)
    if title is None and m.groupdict().get("name"):
        title = re.sub(r"\s+", " ", m.group("name")).strip()  # 'Luật Giao dịch điện tử số …': the law's name
    if title is None and re.search(r"(?:\stại|được[^,;.]{0,60}(?:ban hành|phê duyệt)\s+theo)\s*$", preceding):
        title = _subject_before(preceding)
    return Reference(number=number, doc_type=_doc_type(type_word, number),
                     issued_date=iso_date(m.group("date")) if m.group("date") else None,
                     issuer=issuer, title=title, page=doc.page_at(m.start()),
                     start=m.start(), end=m.end() + tail_used)


def _not_a_number(m: re.Match, type_word: str, number: str) -> bool:
    """'So sánh KH 2026/UTH 2025': an abbreviated type without 'số' before a code that is no
    document's (no hyphen, no year: '411/QĐ-TTg', '57-NQ/TW', '20/2023/QH15' are)."""
    abbreviated = type_word.lower() not in {r["name"].lower() for r in doc_types()}
    return (abbreviated and not re.search(r"(?i:số)", m.group(0)) and "-" not in number
            and not re.search(r"/\d{4}/", number))


def _issuer_before(text: str) -> str | None:
    """'(Theo đề nghị) của Sở X tại' / 'UBND tỉnh đã ban hành' right before a citation."""
    for opener, closer in ((r"của", r"tại"), (r"được", r"(?:ban hành|phê duyệt)\s+(?:theo|tại)(?:\s+các)?"),
                           (r"(?:^|[,;.\n])", r"(?:(?:đã|vừa)\s+)?(?:ký\s+)?ban hành")):
        end = re.search(rf"\s+{closer}\s*$", text)
        if not end:
            continue
        for start in reversed([m.end() for m in re.finditer(rf"{opener}\s*", text[:end.start()])]):
            name = text[start:end.start()]
            if len(name) > 80:
                break
            if (found := _issuer_at(name)) and found[0] == len(name):
                return canonical_issuer(found[1])
    return None


@lru_cache(maxsize=None)
def _subject_nouns() -> re.Pattern:
    words = sorted((r["wording"] for r in read_rows("cited_subjects.csv")), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)")


def _subject_before(text: str) -> str | None:
    """'Chiến lược … đến năm 2030 được phê duyệt tại' → the subject, from its noun ('Chiến lược',
    'Đề án' …) to the verb."""
    clause = re.split(r"[;:]|\.\s|\n(?=\s*[-+•])", text)[-1]
    clause = re.sub(r"\s*(?:đã\s+)?(?:được\s+)?(?:phê duyệt|ban hành)?\s*(?:tại|theo)\s*$", "", clause)
    starts = [m.start() for m in _subject_nouns().finditer(clause)]
    if not starts:
        return None
    title = re.sub(r"\s+", " ", clause[starts[0]:]).strip(" ,")
    return title if 3 <= len(title) <= MAX_TITLE else None


def _fill_missing(into: Reference, other: Reference) -> None:
    for name in ("doc_type", "issued_date", "issuer", "title"):
        mine, theirs = getattr(into, name), getattr(other, name)
        if theirs is not None and (mine is None or (name == "title" and is_all_caps(mine)
                                                    and not is_all_caps(theirs))):
            setattr(into, name, theirs)  # a mention in running text beats one in a capitalised title
