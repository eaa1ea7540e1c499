"""Agency names: the gazetteer of `data/agencies.csv` and SCHEMA.md's canonical-name rules.

- `canonical_agencies(cell, province)`: an assignment-table cell ("Sở TT&TT; các
  sở, ngành") → canonical agencies, in order, each once.
- `find_agencies(text, province)`: gazetteer mentions in running text, with offsets.
- `successor_of(name)`: the body that took over after the 2025 reorganisation.

Matching works on *keys*. A key is the text's words, lower-cased, punctuation
dropped, with every abbreviation of `data/abbreviations.csv` and its spelled-out
form read as one shared token: "Sở TT&TT", "Sở Thông tin & Truyền thông" and
"SỞ THÔNG TIN VÀ TRUYỀN THÔNG" have the same key. Because an expansion stays one
token, no name can start or end in the middle of it ("tỉnh Ủy ban nhân dân …"
never contains "Tỉnh ủy"). One alternation of all gazetteer keys, longest
first, finds the names; what lies between them is split at list separators and
read with the head nouns of `data/agency_patterns.csv`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from ..lexicon import not_a_body_heads, provinces, read_rows, verbs_of_work
from ..normalize import is_all_caps, normalize_key, normalize_line, normalize_tone_marks
from ..provinces import canonical_province


@dataclass(frozen=True)
class Agency:
    name: str                     # canonical name (SCHEMA rules), or the cleaned wording when unknown
    known: bool                   # in the gazetteer
    successor: str | None = None  # the body in charge after the 2025 reorganisation
    kind: str | None = None       # department, people_committee, collective, …


@dataclass(frozen=True)
class _Entry:
    canonical: str
    kind: str
    successor: str | None

    def agency(self) -> Agency:
        return Agency(self.canonical, True, self.successor, self.kind)


# --------------------------------------------------------------------- keys

_SOFT_PUNCT = r"[\s,\-–/&]+"  # what may stand between the words of a spelled-out abbreviation
_BARRIER = re.compile(r"[.;:()\[\]!?]")  # no name runs across these (line ends may be wrapping)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", normalize_line(text).lower())


def _expansion_id(text: str) -> str:
    """Identity of a spelled-out form whatever its punctuation or 'và': 'thông_tin_truyền_thông'."""
    return "_".join(w for w in _words(text) if w != "và")


def _expansion_pattern(expansion: str) -> str:
    """'Thông tin và Truyền thông' also as 'Thông tin - Truyền thông', 'Thông tin & Truyền thông'."""
    words = [re.escape(w) for w in re.findall(r"\w+", expansion) if w.lower() != "và"]
    return f"{_SOFT_PUNCT}(?:và{_SOFT_PUNCT})?".join(words)


def _tokenizer(abbreviations: dict[str, str], expansions: list[str]) -> re.Pattern:
    """Abbreviations (case-sensitive), spelled-out forms (any case), else plain words."""
    abbr = "|".join(map(re.escape, sorted(abbreviations, key=len, reverse=True))) or "(?!)"
    exp = "|".join(_expansion_pattern(e) for e in sorted(expansions, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w&])(?:(?P<abbr>{abbr})|(?i:(?P<exp>{exp})))(?![\w&])|(?P<word>\w+)")


@lru_cache(maxsize=None)
def _abbreviation_rows() -> tuple[dict[str, str], ...]:
    return tuple(read_rows("abbreviations.csv"))


@lru_cache(maxsize=None)
def _abbreviations() -> dict[str, str]:
    """Abbreviation → spelled-out form."""
    return {r["abbreviation"]: r["expansion"] for r in _abbreviation_rows()}


@lru_cache(maxsize=None)
def _key_tokens() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """(tokenizer, key words of each spelled-out form).

    A spelled-out form is one token ('#thông_tin_truyền_thông'), unless it contains a
    shorter one: 'Mặt trận Tổ quốc Việt Nam' is '#mặt_trận_tổ_quốc việt nam', so that
    'MTTQ Việt Nam' and 'MTTQVN' meet it.
    """
    by_id: dict[str, str] = {}
    for expansion in _abbreviations().values():
        by_id.setdefault(_expansion_id(expansion), expansion)
    keys: dict[str, tuple[str, ...]] = {}
    for eid in sorted(by_id, key=lambda i: i.count("_")):
        # Only the forms whose every word is in this one can match inside it: the others
        # would make the same tokens at the price of a regex compiled for nothing.
        text = by_id[eid].casefold()
        shorter = _tokenizer({}, [by_id[i] for i in keys
                                  if all(w.casefold() in text for w in re.findall(r"\w+", by_id[i]))])
        inner = _tokenize(by_id[eid], shorter, keys)
        contains_shorter = any(w.startswith("#") for w, _, _ in inner)
        keys[eid] = tuple(w for w, _, _ in inner) if contains_shorter else (f"#{eid}",)
    return _tokenizer(_abbreviations(), list(by_id.values())), keys


def _tokenize(text: str, tokenizer: re.Pattern, keys: dict[str, tuple[str, ...]]
              ) -> list[tuple[str, int, int]]:
    """Key words with the span of text each comes from."""
    out = []
    for m in tokenizer.finditer(text):
        if m.group("abbr"):
            words = keys.get(_expansion_id(_abbreviations()[m.group("abbr")]), ())
        elif m.group("exp"):
            words = keys.get(_expansion_id(m.group("exp")), ())
        else:
            words = (normalize_line(m.group("word")).lower(),)
        out.extend((w, m.start(), m.end()) for w in words)
    return out


def agency_key(text: str) -> str:
    """The comparison key of a name: 'Sở TT&TT' and 'Sở Thông tin và Truyền thông' share one."""
    tokenizer, keys = _key_tokens()
    return " ".join(w for w, _, _ in _tokenize(normalize_line(text), tokenizer, keys))


@dataclass
class _Keyed:
    """A text's key, and for each key word the span of the text it comes from."""
    key: str
    offsets: list[int]             # where each key word starts in `key`
    spans: list[tuple[int, int]]   # the text span of each key word

    def span(self, key_start: int, key_end: int) -> tuple[int, int]:
        first = bisect_right(self.offsets, key_start) - 1
        last = bisect_right(self.offsets, key_end - 1) - 1
        return self.spans[first][0], self.spans[last][1]


def _keyed(text: str) -> _Keyed:
    tokenizer, keys = _key_tokens()
    if len(old_style := normalize_tone_marks(text)) == len(text):
        text = old_style  # 'Văn hoá' reads as 'Văn hóa'; offsets stay those of the text given
    parts, offsets, spans, pos, prev_end = [], [], [], 0, None
    for word, start, end in _tokenize(text, tokenizer, keys):
        if prev_end is not None:
            joint = " | " if prev_end < start and _BARRIER.search(text, prev_end, start) else " "
            parts.append(joint)
            pos += len(joint)
        offsets.append(pos)
        spans.append((start, end))
        parts.append(word)
        pos += len(word)
        prev_end = end
    return _Keyed("".join(parts), offsets, spans)


# ----------------------------------------------------------------- gazetteer

def _split_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _gazetteer_rows() -> list[dict[str, str]]:
    """Rows of agencies.csv, '{province}' rows written out for every province."""
    out = []
    for row in read_rows("agencies.csv"):
        if "{province}" not in row["canonical"]:
            out.append(row)
            continue
        for province in {p["name"]: p for p in provinces()}.values():
            expanded = {k: v.replace("{province}", province["name"]) for k, v in row.items()}
            # Spellings of the province give spellings of the name ("Báo Đắc Nông").
            spellings = [a for a in _split_list(province["aliases"]) if not a.isascii()]
            extra = [row["canonical"].replace("{province}", a) for a in spellings]
            expanded["variants"] = ";".join(filter(None, [expanded["variants"], *extra]))
            out.append(expanded)
    return out


@lru_cache(maxsize=None)
def _gazetteer() -> tuple[dict[str, _Entry], dict[str, _Entry], list[tuple[str, str, str]]]:
    """(prose keys, all keys incl. list-item-only wordings, conflicts).

    `variants` count anywhere; `item_variants` ("địa phương", "cấp xã", "doanh
    nghiệp") only as a whole item of an agency list, never in running text.
    """
    prose: dict[str, _Entry] = {}
    every: dict[str, _Entry] = {}
    conflicts: list[tuple[str, str, str]] = []

    def add(table: dict[str, _Entry], name: str, entry: _Entry) -> None:
        key = agency_key(name)
        if key in table and table[key] != entry:
            conflicts.append((key, table[key].canonical, entry.canonical))
            return
        table[key] = entry

    rows = _gazetteer_rows()
    for row in rows:
        entry = _Entry(row["canonical"], row["kind"], row["successor"] or None)
        for name in [row["canonical"], *_split_list(row["variants"]), *_split_list(row["written_variants"])]:
            add(prose, name, entry)
            add(every, name, entry)
        for name in _split_list(row["item_variants"]):
            add(every, name, entry)
    for row in rows:  # a centrally-run city's bodies: 'Công an thành phố', 'Thành Đoàn'
        entry = _Entry(row["canonical"], row["kind"], row["successor"] or None)
        for name in [row["canonical"], *_split_list(row["variants"]), *_split_list(row["written_variants"])]:
            city = city_form(name)
            if city != name and agency_key(city) not in every:
                prose[agency_key(city)] = every[agency_key(city)] = entry
    return prose, every, conflicts


_PROVINCE_LEVEL = re.compile(r"(?<!\w)tỉnh(?!\w)|Tỉnh(?= ủy| Đoàn| đoàn)")
_CITY_WRITTEN = re.compile(r"(?<!\w)(?:thành phố|Thành phố|THÀNH PHỐ|TP\.?|Thành ủy|Thành Đoàn|Thành đoàn)(?!\w)")
_PROVINCE_WRITTEN = re.compile(r"(?<!\w)(?:tỉnh|Tỉnh|TỈNH)(?!\w)")


def city_form(name: str) -> str:
    """The name of a province's body in a centrally-run city: 'Công an tỉnh' → 'Công an thành
    phố', 'Tỉnh Đoàn' → 'Thành Đoàn', 'Ban Tuyên giáo Tỉnh ủy' → 'Ban Tuyên giáo Thành ủy'."""
    return _PROVINCE_LEVEL.sub(lambda m: "thành phố" if m.group() == "tỉnh" else "Thành", name)


def localized(agency: Agency, written: str, province: str | None) -> Agency:
    """A gazetteer body in the level the document uses: 'thành phố' where the text writes it
    ('Công an Thành phố', 'Thành đoàn') or, where it writes no level, where the province is a
    centrally-run city ('Đài PTTH Hà Nội' → 'Đài Phát thanh và Truyền hình thành phố')."""
    from ..provinces import level_of
    if not _PROVINCE_LEVEL.search(agency.name) and not (agency.successor and _PROVINCE_LEVEL.search(agency.successor)):
        return agency
    city = bool(_CITY_WRITTEN.search(written)) or (
        not _PROVINCE_WRITTEN.search(written) and province is not None and level_of(province) == "thành phố")
    if not city:
        return agency
    return Agency(city_form(agency.name), agency.known,
                  city_form(agency.successor) if agency.successor else None, agency.kind)


@lru_cache(maxsize=None)
def _kept_wordings() -> frozenset[str]:
    """Keys of the wordings a document's own naming keeps (`written_variants`: 'Ban Chỉ đạo
    chuyển đổi số của tỉnh') and of the proper names that hold a province ('Báo Đắc Nông')."""
    out = set()
    for row in _gazetteer_rows():
        names = _split_list(row["written_variants"])
        if "{province}" in read_rows_canonical().get(row["canonical"], ""):
            names += [row["canonical"], *_split_list(row["variants"])]
        out |= {agency_key(n) for n in names} | {agency_key(city_form(n)) for n in names}
    return frozenset(out)


@lru_cache(maxsize=None)
def read_rows_canonical() -> dict[str, str]:
    """A written-out '{province}' row's canonical name → the row's template ('Báo {province}')."""
    out = {}
    for row in read_rows("agencies.csv"):
        if "{province}" in row["canonical"]:
            for province in provinces():
                out[row["canonical"].replace("{province}", province["name"])] = row["canonical"]
    return out


_REGION = re.compile(r"khu vực\s+([IVXLC]{1,6}|\d{1,2})$", re.I)
_REGION_AFTER = re.compile(r"\s+(?:[IVXLC]{1,6}|\d{1,2})(?!\w)")
_LEVEL_AT_END = re.compile(r"\s+(?:tỉnh|thành phố)$")


@lru_cache(maxsize=None)
def _place_word() -> re.Pattern:
    names = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _province_names(None))
    return re.compile(rf"(?<!\w)(?:tỉnh|thành\s+phố|TP\.?|{names})(?!\w)", re.I)


def as_written(agency: Agency, written: str, province: str | None) -> Agency:
    """Rule 8: a known body as the document names it, after rules 1-7. The gazetteer's name
    gives the spelling (abbreviations, variants, the own province as the level word), the
    document the rest: no level word it did not write ('Cục Thống kê', 'Ban Quản lý khu Kinh
    tế'), its letter case beyond the head noun ('Ban Chỉ đạo chuyển đổi số tỉnh'), and its own
    wording where the gazetteer keeps it ('… của tỉnh', 'Báo Đắc Nông'). A collective is 'Các'
    and its written words ('Các doanh nghiệp viễn thông, bưu chính', 'Các đoàn thể tỉnh'),
    except the fixed forms of rule 2 ('Các sở, ban, ngành'); people's committees keep theirs."""
    if not agency.known or agency.kind == "people_committee" or agency.name.startswith(("UBND", "HĐND")):
        return agency
    text = _drop_titles(_drop_parentheticals(normalize_line(written)))
    if agency.kind == "collective":
        entry = _lookup(agency.name)
        if (entry.canonical if entry else agency.name) in _patterns("fixed_collective"):
            return agency  # also a city's form of it ('Các Ban của HĐND thành phố')
        # 'các doanh nghiệp viễn thông, bưu chính', 'các Đoàn thể tỉnh'; a list's '/' is its ','
        listed = re.sub(r"\s*/\s*(?=\w)", ", ", text)
        shown = display_name(listed, province)
        if not shown.startswith("Các ") and not _determiner().match(listed):
            shown = display_name(f"các {listed}", province)  # a list's later item: 'sở, ngành, đoàn thể Thành phố'
        return replace(agency, name=shown) if shown.startswith("Các ") else agency
    spelled = _spelled(text, province)
    if not spelled or is_all_caps(text, min_letters=2):
        return agency
    name = agency.name
    if agency.kind == "enterprise" and _ends_in_place(text, province):
        return replace(agency, name=_single_body(spelled))  # 'Viettel Đắk Lắk': a company's branch, a proper name
    if name.startswith("Sở ") and not _LEVEL_AT_END.search(name) and (level := _written_level(text, province)):
        return replace(agency, name=f"{name} {level}")  # rule 6: 'Sở Y tế tỉnh Lào Cai' → 'Sở Y tế tỉnh'
    for wording in (_spell_out(_drop_own_province(text.strip(" ,.;:-–+/"), province)), spelled):
        if agency_key(wording) in _kept_wordings():
            if agency_key(wording) == agency_key(name) and _has_official_name(name):
                return agency  # the known spelling's capitals ('Báo và Phát thanh, Truyền hình Sơn La')
            return replace(agency, name=_single_body(wording))
    shown = _single_body(spelled)
    if (region := _REGION.search(shown)) and name.lower().endswith("khu vực"):
        # 'Chi cục Hải quan khu vực XIX', 'Ngân hàng Nhà nước chi nhánh Khu vực 9': the region as written
        name = f"{name[:-len('khu vực')]}{region.group(0)}"
    bare = _LEVEL_AT_END.sub("", name)
    if bare != name and not _place_word().search(text) and agency_key(shown) == agency_key(bare):
        name = bare
    head = _organisation_head().match(name)
    if shown.casefold() == name.casefold() and not _has_official_name(name):
        # the letter case of the document after the head noun; the departments' and
        # ministries' official names keep theirs ('Sở Nông nghiệp và Phát triển nông thôn')
        cut = head.end() if head else 0
        name = name[:cut] + shown[cut:]
    return replace(agency, name=name)


def _has_official_name(name: str) -> bool:
    """Departments, ministries, banks and the media keep the gazetteer's capitals."""
    head = _organisation_head().match(name)
    return bool(head and head.group() in _patterns("official_name"))


def _ends_in_place(text: str, province: str | None) -> bool:
    names = _province_alternation(province)
    return bool(re.search(rf"\s(?:{names})\s*$", text.strip(" ,.;:"), re.I))


def _written_level(text: str, province: str | None) -> str | None:
    """The level word a department's name is written with: 'Sở Y tế tỉnh Lào Cai' → 'tỉnh',
    'Sở Tài chính Thành phố' → 'thành phố'; None when it is written bare."""
    names = _province_alternation(province)
    m = re.search(rf"\s(tỉnh|thành phố|TP\.?)(?:\s+(?:{names}))?\s*$", text.strip(" ,.;:"), re.I)
    if not m:
        return None
    return "tỉnh" if m.group(1).lower() == "tỉnh" else "thành phố"


def gazetteer_conflicts() -> list[tuple[str, str, str]]:
    """Keys that two gazetteer rows claim (the first row wins): should be empty."""
    return _gazetteer()[2]


def _lookup(name: str) -> _Entry | None:
    return _gazetteer()[1].get(agency_key(name))


def _alternation(keys) -> re.Pattern:
    alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<!\S)(?:{alternatives})(?!\S)")


@lru_cache(maxsize=None)
def _prose_matcher() -> re.Pattern:
    return _alternation(_gazetteer()[0])


@lru_cache(maxsize=None)
def _cell_matcher() -> re.Pattern:
    return _alternation(_gazetteer()[1])


def successor_of(name: str) -> str | None:
    """'Sở TT&TT' → 'Sở Khoa học và Công nghệ'; None when unchanged or unknown."""
    entry = _lookup(name)
    return entry.successor if entry else None


@lru_cache(maxsize=None)
def _predecessors() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in read_rows("agencies.csv"):
        if row["successor"]:
            out.setdefault(row["successor"], []).append(row["canonical"])
    return {k: tuple(v) for k, v in out.items()}


def predecessors_of(name: str) -> tuple[str, ...]:
    """The bodies whose tasks a body took over in 2025 ('Sở Khoa học và Công nghệ' → 'Sở Thông tin
    và Truyền thông'); empty for a body that took over none. The other way from `successor_of`."""
    entry = _lookup(name)
    return _predecessors().get(entry.canonical if entry else name, ())


def is_known(name: str) -> bool:
    """Is a (canonical) name one of the gazetteer's bodies?"""
    return _lookup(name) is not None


# ------------------------------------------------------------ head nouns etc.

@lru_cache(maxsize=None)
def _patterns(role: str) -> tuple[str, ...]:
    """Wordings of agency_patterns.csv with a role, longest first."""
    words = [r["wording"] for r in read_rows("agency_patterns.csv") if r["role"] == role]
    return tuple(sorted(words, key=len, reverse=True))


def _prefix_re(*roles: str) -> re.Pattern:
    """Text starting with a wording of any of these roles (longest first, whole words)."""
    words = sorted((w for role in roles for w in _patterns(role)), key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, words))})(?!\w)", re.I)


@lru_cache(maxsize=None)
def _agency_start() -> re.Pattern:
    """A piece that starts like an organisation: a head noun, a collective noun or 'các'."""
    return _prefix_re("organisation", "collective", "determiner")


@lru_cache(maxsize=None)
def _organisation_head() -> re.Pattern:
    return _prefix_re("organisation")


@lru_cache(maxsize=None)
def _ends_with_head() -> re.Pattern:
    """Text that is empty or ends with an organisation head noun: a name starts here."""
    heads = "|".join(map(re.escape, _patterns("organisation")))
    return re.compile(rf"(?:^|(?<!\w)(?:{heads}))\s*$", re.I)


@lru_cache(maxsize=None)
def _collective_head() -> re.Pattern:
    return _prefix_re("collective")


@lru_cache(maxsize=None)
def _determiner() -> re.Pattern:
    return re.compile(rf"{_prefix_re('determiner').pattern}\s*", re.I)


@lru_cache(maxsize=None)
def _distributive() -> re.Pattern:
    """'Các Sở: Giáo dục và Đào tạo, Y tế' — one head noun distributed over a list."""
    heads = "|".join(map(re.escape, _patterns("organisation")))
    return re.compile(rf"^\s*(?:các|những)\s+(?P<head>{heads})\s*:\s*(?P<rest>.+)$", re.I)


@lru_cache(maxsize=None)
def _province_alternation(province: str | None) -> str:
    """The province's names (every province's when None) as a regular-expression alternation."""
    return "|".join(re.escape(n) for n in _province_names(province))


def _province_names(province: str | None) -> list[str]:
    rows = [r for r in provinces() if province is None or r["name"] == province]
    names = {n for r in rows for n in [r["name"], *_split_list(r["aliases"])]}
    return sorted(names, key=len, reverse=True)


@lru_cache(maxsize=None)
def _tail(province: str | None, qualifiers: bool) -> re.Pattern:
    """What may follow a known name and is not part of it: 'tỉnh Nghệ An' (rule 5), and
    in lists, qualifiers ('trên địa bàn tỉnh', 'theo chức năng, nhiệm vụ')."""
    names = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _province_names(province))
    words = [rf"(?:tỉnh|thành\s+phố|TP\.?)\s+(?:{names})", "tỉnh", r"thành\s+phố(?!\s*,\s*thị)", names]
    if qualifiers:
        words += [re.escape(q).replace(r"\ ", r"\s+") for q in _patterns("qualifier")]
    return re.compile(rf"\s*(?:{'|'.join(words)})(?!\w)", re.I)


def _region_end(text: str, end: int) -> int:
    """After '… khu vực', the region's number is part of the name ('Chi cục Hải quan khu vực XIX')."""
    if text[:end].lower().endswith("khu vực") and (m := _REGION_AFTER.match(text, end)):
        return m.end()
    return end


def _tail_end(text: str, end: int, province: str | None, qualifiers: bool) -> int:
    tail = _tail(province, qualifiers)
    while m := tail.match(text, end):
        if m.end() == end:
            break
        end = m.end()
    return end


# ------------------------------------------------------------- running text

def find_agencies(text: str, province: str | None = None, as_named: bool = True,
                  structural: bool = True) -> list[tuple[int, int, Agency]]:
    """Gazetteer names in running text: (start, end, agency), longest match first.

    Offsets index `text` as given (pass the document's normalized text). A province
    name after a body ('Cục Thuế tỉnh Nghệ An') is part of its span. List-only
    wordings ('địa phương', 'doanh nghiệp') are not looked for here. Names are written
    as the document names them (`as_written`) unless `as_named` is False; bodies read by
    structure are added unless `structural` is False.
    """
    keyed = _keyed(text)
    prose = _gazetteer()[0]
    out = []
    for m in _prose_matcher().finditer(keyed.key):
        start, end = keyed.span(m.start(), m.end())
        if out and start < out[-1][1]:
            continue  # inside the province tail of the previous mention
        if _word_before(text, start).lower() in _patterns("not_after"):
            continue  # 'cơ sở giáo dục, đào tạo' names no Sở
        end = _region_end(text, _tail_end(text, end, province, qualifiers=False))
        agency = localized(prose[m.group()].agency(), text[start:end], province)
        if agency.kind == "collective" and prose[m.group()].canonical not in _patterns("fixed_collective"):
            end = _describing_end(text, end)  # 'các doanh nghiệp vận tải', 'các hiệp hội ngành hàng'
        if agency.name == "UBND thành phố" and (place := _CITY_OF_PROVINCE.match(text, end)) \
                and _names_a_place(place.group(1)):
            # 'UBND thành phố Nha Trang': a city inside the province (before July 2025), named
            end = place.end()
            agency = replace(agency, name=f"UBND thành phố {place.group(1)}", known=False, successor=None)
        out.append((start, end, as_written(agency, text[start:end], province) if as_named else agency))
    listed = _with_bare_departments(text, _with_listed_items(text, out, province, as_named))
    return _with_structural_names(text, listed, province) if structural else listed


def _names_a_place(words: str) -> bool:
    """'Nha Trang', 'Cam Ranh': a place's name, not the province, a body or a verb written with
    a capital ('UBND thành phố Chủ trì …')."""
    lowered = words.lower()
    return not canonical_province(words) and not _organisation_head().match(words) \
        and not any(lowered == v or lowered.startswith(v + " ") or v.startswith(lowered.split()[0] + " ")
                    for v in verbs_of_work())


DESCRIBING_WORDS = 6  # syllables


def _describing_end(text: str, end: int) -> int:
    """Where a collective's describing words end in running text: lower-case words up to a duty
    verb, a function word ('stop' rows), punctuation or a capital ('các doanh nghiệp vận tải tổ
    chức …' → 'các doanh nghiệp vận tải')."""
    stops, compounds = _describing_stops(), _noun_compounds()
    words = list(re.finditer(r"[^\W\d_]+", text[end:end + 80]))
    at = end
    for i, w in enumerate(words):
        word = w.group()
        pair = f"{word} {words[i + 1].group()}" if i + 1 < len(words) else ""
        inside = i > 0 and f"{words[i - 1].group()} {word}" in compounds
        if text[at:end + w.start()].strip() or not word[:1].islower() or _LEVEL_WORD.fullmatch(word) \
                or (not inside and pair not in compounds and (word in stops or pair in stops)):
            return at
        if i == DESCRIBING_WORDS:
            return end  # no boundary within reach: a phrase, not a name's words
        at = end + w.end()
    return at


@lru_cache(maxsize=None)
def _describing_stops() -> frozenset[str]:
    return frozenset(_patterns("stop")) | frozenset(_patterns("describing_stop")) | verbs_of_work()


@lru_cache(maxsize=None)
def _noun_compounds() -> frozenset[str]:
    """'công trình', 'dịch vụ': nouns, though a syllable of each is a verb ('trình')."""
    return frozenset(_patterns("noun_compound"))


_LEVEL_WORD = re.compile(r"tỉnh|thành|phố|xã|phường|huyện")
_CITY_OF_PROVINCE = re.compile(r"\s+((?:[A-ZĐ][a-zà-ỹđ]+)(?:\s+[A-ZĐ][a-zà-ỹđ]+){0,2})(?!\w)")


# "Các sở căn cứ …", "các Sở có liên quan phối hợp …": the departments as a whole, written with
# their head noun alone — not "các Sở: Tài chính, Nội vụ" nor "các Sở Tài chính, Nội vụ", lists of
# named departments
_BARE_DEPARTMENTS = re.compile(r"(?<!\w)[Cc]ác [Ss]ở(?!\w)(?!\s*[:,]?\s*[A-ZĐÀ-Ỹ])(?!\s*,\s*(?:ban|ngành)\b)")


def _with_bare_departments(text: str, found: list[tuple[int, int, Agency]]) -> list[tuple[int, int, Agency]]:
    extra = []
    for m in _BARE_DEPARTMENTS.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e, _ in found) and (entry := _lookup("Các sở, ban, ngành")):
            extra.append((m.start(), m.end(), entry.agency()))
    return sorted(found + extra, key=lambda x: x[0]) if extra else found


_MANY_COMMITTEES = ("UBND các ", "UBND cấp ")  # 'UBND các xã, phường, đặc khu, báo, đài' → 'Các báo'
_LIST_JOINT = re.compile(r"\s*(?:,|và)\s*")
_LIST_ITEM_WORDS = 7  # syllables of a list-only wording ("tổ chức, cá nhân có liên quan")


def _with_listed_items(text: str, found: list[tuple[int, int, Agency]], province: str | None,
                       as_named: bool) -> list[tuple[int, int, Agency]]:
    """List-only wordings ('địa phương', 'hợp tác xã') where they go on a list of collective
    bodies in running text: 'Các đơn vị, địa phương tăng cường kiểm tra …'."""
    prose, every = _gazetteer()[0], _gazetteer()[1]
    out = list(found)
    i = 0
    while i < len(out):
        start, end, agency = out[i]
        following = out[i + 1][0] if i + 1 < len(out) else len(text)
        joint = _LIST_JOINT.match(text, end, following)
        plural = agency.kind == "collective" or agency.name.startswith(_MANY_COMMITTEES)
        if plural and joint and joint.end() < following:
            at = joint.end()
            words = list(re.finditer(r"\w+", text[at:following]))[:_LIST_ITEM_WORDS]
            for n in range(len(words), 0, -1):
                wording = text[at:at + words[n - 1].end()]
                entry = every.get(key := agency_key(wording))
                if entry and key not in prose and entry.kind == "collective":
                    item = entry.agency()
                    out.insert(i + 1, (at, at + words[n - 1].end(),
                                       as_written(item, wording, province) if as_named else item))
                    break
            else:
                if (plural := _plural_item(text, at, following, province)):
                    out.insert(i + 1, plural)
        i += 1
    return out


def _plural_item(text: str, at: int, following: int, province: str | None
                 ) -> tuple[int, int, Agency] | None:
    """A bare plural noun that goes on a list of collectives, up to the next ',', 'và' or verb:
    'các đoàn thể, tổ chức xã hội:' → 'Các tổ chức xã hội'; '…, báo, đài và …' → 'Các báo', 'Các đài'
    (rule 3: a plural collective starts with 'Các')."""
    head = _list_noun().match(text, at, following)
    if not head or (normalize_key(text[at:following]) + " ").startswith(not_a_body_heads()):
        return None  # 'hội nghị', 'báo cáo': words, not bodies
    stops = set(_patterns("stop")) | verbs_of_work()
    base = end = head.end()
    for w in re.finditer(r"[^\W\d_]+(?:\s*-\s*[^\W\d_]+)?", text[base:following]):
        if text[end:base + w.start()].strip() or w.group()[:1].isupper() or w.group().lower() in stops:
            break
        end = base + w.end()
    if end - head.end() > 30 or not _LIST_END.match(text, end):
        return None  # a phrase, not a name
    item = _unknown_agency(f"các {text[at:end]}", province)
    return (at, end, item) if item and item.kind == "collective" else None


_LIST_END = re.compile(r"\s*(?:[,;:.)]|và\b|\*|$)")


@lru_cache(maxsize=None)
def _list_noun() -> re.Pattern:
    nouns = "|".join(map(re.escape, sorted(_patterns("collective") + _patterns("list_noun"), key=len, reverse=True)))
    return re.compile(rf"(?:{nouns})(?!\w)")


# Bodies the gazetteer does not list, read by their structure: a head noun as written
# ('Trường', 'Trung tâm', 'Chi cục', 'Ngân hàng Nhà nước' …), a capitalised word, and the name's
# further words up to a duty verb, a function word or punctuation ('Trường Đại học Quy Nhơn chủ
# trì' → 'Trường Đại học Quy Nhơn'); then its level and place. The gazetteer canonicalises what
# it knows; these keep their written form (rules 4-6 applied).
_NAME_WORDS = 10


@lru_cache(maxsize=None)
def _structural_head() -> re.Pattern:
    heads = [w for w in _patterns("organisation") if w[0].isupper() and w not in ("UBND", "HĐND")]
    alternation = "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
    return re.compile(rf"(?<![\w])(?:{alternation})(?=\s+[^\W\d_])")


def _structural_names(text: str, province: str | None) -> list[tuple[int, int, Agency]]:
    stops = set(_patterns("stop"))
    out = []
    for m in _structural_head().finditer(text):
        words = list(re.finditer(r"[^\s,;:.()\[\]\"“”]+", text[m.end():m.end() + 200]))
        if not words or words[0].start() != 1 or not words[0].group()[0].isupper():
            continue  # 'Báo cáo', 'Hội nghị', 'Trường hợp': a word, not a body
        end = m.end()
        for i, w in enumerate(words[:_NAME_WORDS]):
            gap = text[end:m.end() + w.start()]
            pair = f"{w.group()} {words[i + 1].group()}" if i + 1 < len(words) else ""
            fields = _name_fields(words, i, gap)
            if (gap.strip() and not fields) or (i and not fields and (w.group().lower() in stops or pair.lower() in stops)):
                break
            end = m.end() + w.end()
        end = _tail_end(text, end, province, qualifiers=False)
        name = display_name(text[m.start():end], province)
        if name:
            out.append((m.start(), end, Agency(name, False, None, None)))
    return out


def _name_fields(words: list[re.Match], i: int, gap: str) -> bool:
    """A name that lists its fields goes on over ',' and 'và' before a capitalised word that starts
    no other body: 'Chi cục Chăn nuôi, Thú y và Thủy sản', 'Phòng Khảo thí và Kiểm định chất lượng'."""
    word = words[i].group()
    if gap.strip() == "," and word[:1].isupper() and not _organisation_head().match(word):
        following = [w.group() for w in words[i + 1:i + 5]]
        return "và" in following and _name_fields(words, i + 1 + following.index("và"), " ")
    if word == "và" and not gap.strip() and i + 1 < len(words):
        after = words[i + 1].group()
        rest = " ".join(w.group() for w in words[i + 1:i + 3])
        return after[:1].isupper() and not _organisation_head().match(rest) and not _lookup(after)
    return False


def _with_structural_names(text: str, known: list[tuple[int, int, Agency]], province: str | None
                           ) -> list[tuple[int, int, Agency]]:
    """Gazetteer mentions, and structural names that overlap none of them."""
    extra: list[tuple[int, int, Agency]] = []
    for s, e, a in _structural_names(text, province):
        if not any(s < ke and ks < e for ks, ke, _ in known + extra):
            extra.append((s, e, a))  # not 'Ngân hàng …' again inside 'Chi nhánh Ngân hàng …'
    return sorted(known + extra, key=lambda x: x[0])


def _word_before(text: str, start: int) -> str:
    m = re.search(r"(\w+)\W*$", text[max(0, start - 30):start])
    return m.group(1) if m else ""


# -------------------------------------------------------------- table cells

_SEPARATOR = re.compile(r"\s*(?:[,;/+]|(?<!\S)[-–](?=\s|$)|(?<!\w)và(?!\w))\s*")
_OPEN_BEFORE = re.compile(r"(?:^|[,;/+:]|(?<!\S)[-–]|(?<!\w)và)\s*$")
_OPEN_AFTER = re.compile(r"\s*(?:[,;/+:.]|[-–](?=\s|$)|và(?!\w))")


@dataclass
class _Body:
    """One body being read from a cell: known (gazetteer entry) or as worded."""
    text: str
    entry: _Entry | None = None
    written: str = ""  # the cell's words for it (its level word: 'tỉnh' or 'thành phố')

    @property
    def is_collective(self) -> bool:
        return self.entry.kind == "collective" if self.entry else bool(_determiner().match(self.text))

    @property
    def names_many(self) -> bool:
        """A collective or the communes as a whole: a bare noun after it is plural too."""
        return self.is_collective or self.text.startswith(_MANY_COMMITTEES)

    @property
    def extendable(self) -> bool:
        """A list shares its head noun: 'Các trường đại học' + ', cao đẳng' stays one name."""
        return self.entry is None or self.entry.kind == "collective"

    def extended(self, separator: str, text: str) -> "_Body":
        merged = f"{self.text}{_joiner(separator)}{text}"
        entry = _lookup(merged)
        written = f"{self.written or self.text}{_joiner(separator)}{text}"
        return _Body(entry.canonical, entry, written) if entry else _Body(merged, written=written)

    def head(self) -> str | None:
        """'Sở' of 'Sở Y tế', to read 'Sở Y tế, Giáo dục và Đào tạo' as two departments."""
        if self.is_collective:
            return None
        m = _organisation_head().match(self.text)
        return m.group() if m else None


def _joiner(separator: str) -> str:
    sep = separator.strip()
    if sep in (",", "/", "+", ";"):
        return ", "
    return f" {sep} " if sep else " "


_COUNCIL = r"(?:Hội đồng nhân dân|HĐND)"
_COUNCIL_LEVEL = re.compile(rf"{_COUNCIL}\s+(tỉnh|[Tt]hành phố|TP)\b")
_COUNCIL_BARE = re.compile(rf"({_COUNCIL})(?!\s+(?:tỉnh|[Tt]hành phố|TP|xã|phường|đặc khu|huyện|cấp)\b)(?=\s*(?:,|;|và|$))")
_DELEGATIONS = re.compile(rf"([Tt]ổ đại biểu) và (đại biểu) ({_COUNCIL})")
_DEPUTIES_AFTER_AND = re.compile(rf"\s+và\s+(đại biểu\s+{_COUNCIL})")  # "các Tổ đại biểu HĐND tỉnh và đại biểu HĐND tỉnh"


def _council_list(text: str) -> str:
    """'Thường trực HĐND, các Ban của HĐND, các Tổ đại biểu và đại biểu HĐND tỉnh': the council's
    level written once at the end is every item's, and the delegations and the deputies are two."""
    if not (m := list(_COUNCIL_LEVEL.finditer(text))):
        return text
    level = m[-1].group(1)
    text = _DELEGATIONS.sub(r"\1 \3, các \2 \3", text)
    text = _DEPUTIES_AFTER_AND.sub(r", các \1", text)
    return _COUNCIL_BARE.sub(lambda b: f"{b.group(1)} {level}", text)


def canonical_agencies(cell: str, province: str | None = None) -> list[Agency]:
    """Canonical agencies named by a table cell (SCHEMA.md, 'Canonical agency names')."""
    text = _council_list(_drop_titles(_drop_parentheticals(normalize_line(cell))))
    agencies: list[Agency] = []
    for segment in text.split(";"):
        for body in _read_segment(segment, province):
            agency = body.entry.agency() if body.entry else _unknown_agency(body.text, province)
            if agency:
                agency = localized(agency, body.written or body.text, province)
                agency = as_written(agency, body.written or body.text, province)
            if agency and agency.name not in {a.name for a in agencies}:
                agencies.append(agency)
    return agencies


def names_only(text: str) -> bool:
    """Does a text (a heading) only name bodies: 'Các khu phố', 'Sở Tài chính, Công an tỉnh',
    'Đại học Đà Nẵng và các trường đại học' — not 'Các giải pháp', 'Sở Y tế chủ trì …'?"""
    words = set(_patterns("stop")) - {"các", "và", "của", "trên", "trong"}
    head = _determiner().sub("", text, count=1)
    return bool((_organisation_head().match(head) or _collective_head().match(head))
                and not any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.I) for w in words)
                and canonical_names(text))


def canonical_names(cell: str, province: str | None = None) -> list[str]:
    """Names only: what the lead/partners fields hold."""
    return [a.name for a in canonical_agencies(cell, province)]


@lru_cache(maxsize=None)
def _titles_before() -> re.Pattern:
    words = "|".join(map(re.escape, _patterns("drop_before")))
    return re.compile(rf"(?:^|(?<=[,;:])|(?<=\svà))\s*(?:{words})\s+(?=\S)")


def _drop_titles(text: str) -> str:
    """Rule 7: 'Giám đốc Công an tỉnh' is 'Công an tỉnh'; 'Chủ tịch UBND các xã' is 'UBND các xã'."""
    return _titles_before().sub(lambda m: " " if m.start() else "", text).strip()


def _drop_parentheticals(text: str) -> str:
    """Rule 6: '(Cổng Thông tin điện tử tỉnh)' is a remark; an unclosed one runs to the end."""
    while True:
        shorter = re.sub(r"\s*\([^()]*\)", "", text)
        if shorter == text:
            break
        text = shorter
    return re.sub(r"\s*\([^)]*$", "", text).strip()


_NAMED_COMMUNES = re.compile(r"^\s*(?:UBND|Ủy ban nhân dân)\s+các\s+(?P<level>xã|phường)\s*:\s*(?P<names>.+)$", re.I)


def _named_communes(segment: str) -> list[_Body] | None:
    """'UBND các xã: Tà Xùa, Phiêng Khoài' → one body per commune (guidelines §6 rule 2)."""
    if not (m := _NAMED_COMMUNES.match(segment)):
        return None
    names = [n.strip(" .") for n in re.split(r",|\s+và\s+", m.group("names")) if n.strip(" .")]
    if not names or not all(n[:1].isupper() for n in names):
        return None
    return [_Body(f"UBND {m.group('level').lower()} {n}", None, f"UBND {m.group('level').lower()} {n}") for n in names]


def _read_segment(segment: str, province: str | None) -> list[_Body]:
    if (communes := _named_communes(segment)) is not None:
        return communes
    if m := _distributive().match(segment):
        head = next(w for w in _patterns("organisation") if w.lower() == m.group("head").lower())
        return _read_gap(m.group("rest"), [], head=head)
    bodies: list[_Body] = []
    pos = 0
    for start, end, entry in _listed_names(segment, province):
        bodies = _read_gap(segment[pos:start], bodies)
        bodies.append(_Body(entry.canonical, entry, segment[start:end]))
        pos = end
    return _read_gap(segment[pos:], bodies)


def _listed_names(segment: str, province: str | None) -> list[tuple[int, int, _Entry]]:
    """Gazetteer names that stand as list items: a separator (or another name) on their left,
    and on their right a separator, another name, a province tail — or, for a collective or
    a level of people's committees, words that go on describing it ('Các doanh nghiệp cung
    cấp dịch vụ …')."""
    keyed = _keyed(segment)
    every = _gazetteer()[1]
    found = [(*keyed.span(m.start(), m.end()), every[m.group()])
             for m in _cell_matcher().finditer(keyed.key)]
    accepted: list[tuple[int, int, _Entry]] = []
    floor = 0
    for i, (start, end, entry) in enumerate(found):
        # the word after the name counts: 'Hiệp hội Du lịch thành phố' is one body, not 'các hiệp hội'
        next_word = re.match(r"\s+[^\W\d_]+", segment[end:])
        if start < floor or _proper_name(segment[start:end + (next_word.end() if next_word else 0)], entry):
            continue
        end = _region_end(segment, _tail_end(segment, end, province, qualifiers=True))
        following = next((s for s, _, _ in found[i + 1:] if s >= end), len(segment))
        after = segment[end:following]
        # a collective, or a level of people's committees, followed by words in lower case that go
        # on describing it or the duty ('UBND các huyện, thành phố khảo sát …')
        open_after = (not after.strip() or _OPEN_AFTER.match(after) or entry.kind == "collective"
                      or (entry.kind == "people_committee" and after.strip()[:1].islower()))
        if _OPEN_BEFORE.search(segment[floor:start]) and open_after:
            accepted.append((start, end, entry))
            floor = end
    return accepted


def _proper_name(written: str, entry: _Entry) -> bool:
    """A collective's words written as a proper name ('Trường Đại học …' is one school, not 'các
    trường đại học'): a capitalised word after the head noun, without 'các'."""
    words = _PROVINCE_WRITTEN.sub("", _CITY_WRITTEN.sub("", written)).split()  # 'Sở, ban, ngành Thành phố'
    return (entry.kind == "collective" and bool(words) and words[0].lower() not in ("các", "những", "tất")
            and any(w[0].isupper() for w in words[1:]))


def _pieces(gap: str) -> list[tuple[int, int]]:
    """Spans of the (stripped) texts between list separators."""
    bounds = [0, *(i for m in _SEPARATOR.finditer(gap) for i in m.span()), len(gap)]
    out = []
    for start, end in zip(bounds[::2], bounds[1::2]):
        text = gap[start:end]
        if text.strip():
            out.append((start + len(text) - len(text.lstrip()), start + len(text.rstrip())))
    return out


def _known_run(gap: str, pieces: list[tuple[int, int]], i: int, head: str | None = None
               ) -> tuple[_Entry, int] | None:
    """The longest run of pieces from i that is a gazetteer name (with `head` before it)."""
    for j in range(len(pieces), i, -1):
        text = gap[pieces[i][0]:pieces[j - 1][1]]
        if (entry := _lookup(f"{head} {text}" if head else text)) and not _proper_name(text, entry):
            return entry, j
    return None


_COMMUNE_LEVEL = re.compile(r"(?:xã|phường|đặc khu|thị trấn)", re.I)
_COMMUNE_LEVELS_AT_END = re.compile(r"\b(?:các|cấp)\s+(?:xã|phường|đặc khu|thị trấn)(?:\s*,\s*(?:xã|phường|đặc khu|thị trấn))*$", re.I)


def _read_gap(gap: str, bodies: list[_Body], head: str | None = None) -> list[_Body]:
    """Read the text between gazetteer names: known runs ('địa phương'), a head noun shared
    over the list ('Sở Y tế, Giáo dục và Đào tạo'), new bodies that start with a head noun,
    and words that continue the list of the body before ('…, cao đẳng')."""
    pieces = _pieces(gap)
    i = 0
    while i < len(pieces):
        shared_head = head or (bodies[-1].head() if bodies else None)
        step = (_known_run(gap, pieces, i, shared_head) if head else None) \
            or _known_run(gap, pieces, i) \
            or (_known_run(gap, pieces, i, shared_head) if shared_head and not head else None)
        if step:
            entry, j = step
            bodies.append(_Body(entry.canonical, entry, gap[pieces[i][0]:pieces[j - 1][1]]))
            i = j
            continue
        text = gap[pieces[i][0]:pieces[i][1]]
        separator = gap[pieces[i - 1][1] if i else 0:pieces[i][0]]
        if bodies and bodies[-1].extendable and separator.strip() in ("-", "–") and text[:1].islower():
            # a hyphen inside a name, not a bullet: 'giáo dục nghề nghiệp - giáo dục thường xuyên'
            bodies[-1] = bodies[-1].extended(separator, text)
        elif i == 0 and bodies and bodies[-1].is_collective and text[:1].islower() and gap[:pieces[0][0]].isspace() \
                and _agency_start().match(text):
            # words right after a collective, no separator: they say which ('Các cơ sở giáo dục đại học')
            bodies[-1] = bodies[-1].extended(" ", text)
        elif bodies and _COMMUNE_LEVEL.fullmatch(text) and _COMMUNE_LEVELS_AT_END.search(bodies[-1].text):
            # the communes' levels go on: 'Trạm Y tế các xã, phường, đặc khu' is one name
            bodies[-1] = _Body(f"{bodies[-1].text}, {text}", bodies[-1].entry, bodies[-1].written)
        elif _agency_start().match(text):
            plural = bodies and bodies[-1].names_many and text[:1].islower() and not _determiner().match(text)
            bodies.append(_Body(f"các {text}" if plural else text))  # 'Các trường …, trung tâm …'
        elif head:
            bodies.append(_Body(f"{head} {text}"))
        elif bodies and bodies[-1].extendable:
            bodies[-1] = bodies[-1].extended(separator, text)
        i += 1  # else: words that name no body ('theo chức năng') are left out
    return bodies


# ------------------------------------------------------------ unknown names

def _unknown_agency(text: str, province: str | None) -> Agency | None:
    name = display_name(text, province)
    if not name:
        return None
    collective = name.startswith("Các ")
    if (entry := _lookup(name)) and (entry.kind == "collective") == collective:
        return entry.agency()  # not 'Hiệp hội Doanh nghiệp' (one body) for 'các hiệp hội doanh nghiệp'
    return Agency(name, False, None, "collective" if collective else None)


def display_name(text: str, province: str | None = None) -> str:
    """An agency not in the gazetteer, written by the same rules: abbreviations spelled out
    (UBND kept), qualifiers and the own province dropped, collectives as 'Các …'."""
    text = _spelled(text, province)
    if not text:
        return ""
    if (rest := _collective_rest(text)) is not None:
        return f"Các {_lower_common_words(rest)}" if rest.strip() else ""  # a dangling 'các' names nothing
    return _single_body(text)


def _spelled(text: str, province: str | None) -> str:
    """Rules 4-6 on a wording: abbreviations spelled out, qualifiers and the own province dropped,
    a province's branch named by its parent ('Chi nhánh Ngân hàng Chính sách xã hội Thành phố')."""
    text = text.strip(" ,.;:-–+/")
    text = re.sub(r"^Chi nhánh\s+(?=[A-ZĐ])", "", text)
    text = _drop_qualifiers(text)
    text = _drop_own_province(text, province)
    return _spell_out(text)


def _single_body(text: str) -> str:
    """A single body's wording: its level word in lower case (rule 5), its first letter capital."""
    text = re.sub(r"(?<=\s)(?:Thành phố|THÀNH PHỐ|TP\.?)$", "thành phố", text)
    text = re.sub(r"(?<=\s)(?:Tỉnh|TỈNH)$", "tỉnh", text)
    return text[0].upper() + text[1:]


def _drop_qualifiers(text: str) -> str:
    pattern = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in _patterns("qualifier"))
    return re.sub(rf"\s+(?:{pattern})\s*$", "", text, flags=re.I)


def _drop_own_province(text: str, province: str | None) -> str:
    """Rule 5 for unknown bodies: '… tỉnh Gia Lai' → '… tỉnh'; 'Báo Gia Lai' stays."""
    names = _province_alternation(province)
    return re.sub(rf"(\b(?:tỉnh|thành phố))\s+(?:{names})$", r"\1", text, flags=re.I)


def _spell_out(text: str) -> str:
    """Abbreviations spelled out ('CNTT' → 'công nghệ thông tin'), except those whose
    abbreviation is the canonical form, which go the other way ('Ủy ban nhân dân' → 'UBND')."""
    rows = _abbreviation_rows()
    kept = {r["abbreviation"]: r["expansion"] for r in rows if r["canonical_form"] == "abbreviation"}
    for abbreviation, expansion in kept.items():
        text = re.sub(rf"(?<!\w)(?i:{_expansion_pattern(expansion)})(?!\w)", abbreviation, text)
    spelled = {r["abbreviation"]: r["expansion"] for r in rows if r["abbreviation"] not in kept}
    pattern = "|".join(map(re.escape, sorted(spelled, key=len, reverse=True)))

    def expand(m: re.Match) -> str:
        expansion = spelled[m.group()]
        starts_name = _ends_with_head().search(text[:m.start()])  # 'Trung tâm CNTT' → 'Trung tâm Công …'
        return expansion[0].upper() + expansion[1:] if starts_name else expansion

    return re.sub(rf"(?<![\w&])(?:{pattern})(?![\w&])", expand, text)


_NUMBERED_BODY = re.compile(r"\ssố\s+(?:\d{1,3}|[IVX]{1,4})$")


def _collective_rest(text: str) -> str | None:
    """Rule 7: what follows 'Các' when the text names a class of bodies, else None.
    A lower-case word after the collective noun marks a class ('doanh nghiệp viễn
    thông'); a capitalised one a proper name ('Trường Đại học Đồng Tháp')."""
    if m := _determiner().match(text):
        return text[m.end():]
    if _NUMBERED_BODY.search(text):
        return None  # 'Tổ kiểm tra số 1', 'Đội Quản lý thị trường số 3': one body, numbered
    if m := _collective_head().match(text):
        head = _structural_head().match(text)
        if head and head.end() > m.end():
            return None  # 'Hội đồng Thi đua': a longer head noun than 'hội', one body
        following = text[m.end():].split()
        if not following or not following[0][0].isupper():
            return text
    return None


_OF_ONE_BODY = re.compile(r"(?:trực thuộc|thuộc|của)\s+$")


def _lower_common_words(text: str) -> str:
    """Lower-case a collective's words, except acronyms, province names and the names of
    single bodies inside it ('Các doanh nghiệp được Bộ Thông tin và Truyền thông cấp phép')."""
    # bodies the gazetteer knows; a head noun and a capital read by structure ('Trường Đại học')
    # inside a collective names a category, not one school
    # (gazetteer bodies only: a structural name is written by display_name, which called us)
    keep = [(s, e) for s, e, a in find_agencies(text, as_named=False, structural=False)
            if a.kind != "collective" and a.known]
    names = "|".join(re.escape(n) for n in _province_names(None))
    keep += [m.span() for m in re.finditer(rf"(?<!\w)(?:{names})(?!\w)", text)]

    def lower(m: re.Match) -> str:
        word = m.group()
        if any(s <= m.start() < e for s, e in keep) or sum(c.isupper() for c in word) > 1 \
                or word in _patterns("proper_noun"):  # 'các tổ chức Đảng': the Party
            return word
        if word[:1].isupper() and _OF_ONE_BODY.search(text, 0, m.start()):
            return word  # 'Các phòng chuyên môn thuộc Sở': the Sở that issues, one body
        return word.lower()

    return re.sub(r"\w+", lower, text)
