"""Quantities: every value a text states — number, range, unit, comparator — with offsets.

Numbers are read the Vietnamese way: "1.000" and "4.200.000" are thousands, "2,5" and
"8,00" decimals ("1.5", with one or two digits after the point, is a decimal too). A
quantity is a number (or a range "15-20%", "từ 15 đến 20%", "15% - 20%") with a unit:
"%" (also "%/năm"), a measure or currency with its multiplier ("2,5 tỷ USD", "1.700 ha"),
a rate ("30 bác sĩ/vạn dân", "2,1 con/phụ nữ"), or the counted noun right after the
number ("1.000 doanh nghiệp", "10 khu công nghiệp": a known counted noun, else the first word). Its
comparator comes from the words around it (`data/comparators.csv`: "trên", "tối thiểu",
"ít nhất", "trở lên" …, and ≥ > < ≤).

Not quantities: years, dates, document and section numbers ("số 12/KH-UBND", "Điều 3",
"giai đoạn 2"), numbers glued to letters ("5G", "4.0"), durations ("06 tháng") and ages. A
rank ("top 03") is a quantity with unit "top" and comparator lte.
What a quantity is *for* (a target, a result, a baseline) is decided by the reader of the
analysis, not here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import read_rows
from ..normalize import normalize_key

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+"
_NUMBER = re.compile(rf"(?<![\w./,-])(?:{NUMBER})(?![\w])")
_UPPER_NUMBER = re.compile(rf"(?:{NUMBER})(?![\w])")  # the second number of a range
_RANGE_LINK = re.compile(r"\s*(?:%\s*)?(?:-|–|—|đến|tới)\s*(?:mức\s+)?")
_PERCENT = re.compile(r"\s?(?:%|phần trăm)(?:\s?/\s?năm)?")
_PER_MILLE = re.compile(r"\s?(?:‰|phần nghìn)")
# a rate's base: a period of one word ("lần/năm", not "lần/năm đạt"; "m3/ngày đêm"), else up to two words ("bác sĩ/vạn dân")
_RATE = re.compile(r"\s?/\s?(?:\d[\d.,]*\s)?(?:(?:ngày đêm|năm|tháng|quý|tuần|ngày|giờ)(?![^\W\d_])|[^\W\d_]+(?:\s[^\W\d_]+)?)")
_NOUN_BEFORE_RATE = re.compile(r"((?:\s[^\W\d_]+){1,3})(?=\s?/\s?(?:\d[\d.,]*\s)?[^\W\d_])")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_RANK = re.compile(r"\b(?:top|TOP|Top)\s*$")
_SYMBOL_COMPARATORS = {"≥": "gte", ">=": "gte", ">": "gt", "≤": "lte", "<=": "lte", "<": "lt"}
MAX_UNIT_WORDS = 1


@dataclass
class Quantity:
    start: int  # the whole expression: comparator words, number(s), unit
    end: int
    value: float
    value_max: float | None
    unit: str
    comparator: str
    number_start: int
    number_end: int

    @property
    def percent(self) -> bool:
        return self.unit.startswith(("%", "‰"))  # a share of a whole, per hundred or per thousand


def parse_number(text: str) -> float:
    """'1.000' → 1000, '2,5' → 2.5, '8,00' → 8.0, '1.5' → 1.5."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "."))


@lru_cache(maxsize=None)
def _unit_words() -> dict[str, str]:
    return {r["word"].lower(): r["kind"] for r in read_rows("units.csv")}


@lru_cache(maxsize=None)
def _number_contexts() -> tuple[str, ...]:
    return tuple(sorted((normalize_key(r["word"]) for r in read_rows("number_contexts.csv")), key=len, reverse=True))


@lru_cache(maxsize=None)
def _comparators() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    rows = read_rows("comparators.csv")
    before = sorted(((r["wording"], r["comparator"]) for r in rows if r["position"] == "before"),
                    key=lambda wc: -len(wc[0]))
    after = [(r["wording"], r["comparator"]) for r in rows if r["position"] == "after"]
    return before, after


# a rate per a round base ("4/100.000 trẻ sinh ra còn sống", "15/10.000 dân"): the base and
# what it counts, up to a time phrase or a clause end
_PER_BASE = re.compile(r"\s?/\s?(?P<base>10|100|1\.000|10\.000|100\.000|vạn)\s+"
                       r"(?P<noun>[^\W\d_]+(?:\s(?!(?:vào|trong|đến|tới|năm|và|hoặc|so)\b)[^\W\d_]+){0,4})")
# a count spelled out after a floor or ceiling ("có ít nhất một cơ sở y tế", "tối thiểu hai trường")
_SPELLED = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_SPELLED_COUNT = re.compile(r"(?<!\w)(?P<number>" + "|".join(_SPELLED) + r")\s+(?=[^\W\d_])")


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity of a text, left to right."""
    out: list[Quantity] = []
    pos = 0
    for m in _NUMBER.finditer(text):
        if m.start() < pos:
            continue
        q = _quantity_at(text, m)
        if q is not None:
            out.append(q)
            pos = q.end
    out += [q for q in _spelled_counts(text) if not any(o.start < q.end and q.start < o.end for o in out)]
    return sorted(out, key=lambda q: q.start)


def _spelled_counts(text: str) -> list[Quantity]:
    """'ít nhất một cơ sở y tế' → 1 'cơ sở y tế' (gte): only after a floor or a ceiling, whose
    words say it is a count and not an article ('một số', 'một trong')."""
    out = []
    for m in _SPELLED_COUNT.finditer(text):
        comparator, start = _comparator_before(text, m.start())
        if comparator not in ("gte", "gt", "lte", "lt"):
            continue
        noun = _counted_noun(text[m.end():m.end() + 60])
        if noun is None or noun.lower() in ("số", "trong", "cách", "phần", "lần"):
            continue
        end = m.end() + text[m.end():].index(noun) + len(noun)
        out.append(Quantity(start, end, float(_SPELLED[m.group("number")]), None, noun, comparator,
                            m.start(), m.start() + len(m.group("number"))))
    return out


def _quantity_at(text: str, m: re.Match) -> Quantity | None:
    raw = m.group(0)
    if _YEAR.match(raw) and not _PERCENT.match(text, m.end()):
        return None
    if (rank := _RANK.search(text[max(0, m.start() - 8):m.start()])) or _leading_group(text, m):
        if rank is None:
            rank = re.search(r"nhóm\s*$", text[max(0, m.start() - 8):m.start()])
        start = m.start() - (len(text[max(0, m.start() - 8):m.start()]) - rank.start())
        return Quantity(start, m.end(), parse_number(raw), None, "top", "lte", m.start(), m.end())
    if _is_numbered_context(text, m.start()):
        return None
    if per := _PER_BASE.match(text, m.end()):  # "dưới 4/100.000 trẻ sinh ra còn sống"
        comparator, start = _comparator_before(text, m.start())
        unit = "/" + per.group("base") + " " + per.group("noun")
        return Quantity(start, per.end(), parse_number(raw), None, unit, comparator or "eq", m.start(), m.end())
    if _is_date_or_code(text, m):
        return None
    lo, end = parse_number(raw), m.end()
    hi = None
    # A range: "15-20%", "15% - 20%", "từ 15 đến 20%"
    link = _RANGE_LINK.match(text, end)
    if link and (m2 := _UPPER_NUMBER.match(text, link.end())) and not _YEAR.match(m2.group(0)):
        if not (_YEAR.match(raw) or re.match(r"/\d|[/-][A-ZĐ]", text[m2.end():m2.end() + 2])):
            hi, end = parse_number(m2.group(0)), m2.end()
    unit, end = _unit_after(text, end, text[max(0, m.start() - 120):m.start()])
    if unit is None:
        return None
    if lo == 1 and hi is None and re.search(r"\btrên\s*$", text[:m.start()]) and not unit.startswith("%"):
        return None  # "giá trị thu được trên 1 ha": per hectare, not a value
    comparator, start = _comparator_before(text, m.start())
    if hi is not None:
        comparator = "range"
        if hi < lo:
            return None
    elif comparator in (None, "approx") and (after := _comparator_after(text[end:])):
        comparator = after
    return Quantity(start, end, lo, hi, unit, comparator or "eq", m.start(), m.end())


def _leading_group(text: str, m: re.Match) -> bool:
    """'thuộc nhóm 20 tỉnh, thành dẫn đầu': a rank written as a leading group."""
    return bool(re.search(r"\bnhóm\s*$", text[max(0, m.start() - 8):m.start()])) and \
        bool(re.match(r"(?:\s+\S+){1,6}?\s+dẫn đầu\b", text[m.end():m.end() + 60]))


_LISTED_NUMBERS = re.compile(r"(?:(?<=\s)|^)\d{1,3}(?:\s*,\s*\d{1,3})*\s*(?:,|và)\s*$")


def _is_numbered_context(text: str, start: int) -> bool:
    """'Điều 3', 'số 57', 'giai đoạn 2', 'năm 2025', 'tháng 6': the number names something."""
    # compared with their diacritics: "mục 2" names a section, "mức 54,7%" is a value
    if listed := _LISTED_NUMBERS.search(text[max(0, start - 40):start]):
        # 'Mẫu biểu số 02, 03', 'Phụ lục số 1, 2 và 3': the list goes on naming
        return _is_numbered_context(text, start - len(listed.group()))
    raw = text[max(0, start - 24):start]
    if re.search(r"[:;,.]\s*$", raw):
        return False  # "Về xã hội số: 95% hộ gia đình …": a label ends before the value
    head = " " + normalize_key(raw)
    return any(head.endswith(" " + w) for w in _number_contexts())


def _is_date_or_code(text: str, m: re.Match) -> bool:
    """'15/12/2025', '24/7', '12/KH-UBND', '57-NQ/TW', '5G', 'Quý IV/2025'."""
    after = text[m.end():m.end() + 2]
    before = text[max(0, m.start() - 1):m.start()]
    if after[:1] == "/" and after[1:2].isdigit():
        return True
    if re.match(r"[/-][A-ZĐ]", text[m.end():m.end() + 2]):
        return True
    return before in ("/", "-") and m.start() >= 2 and text[m.start() - 2].isdigit()


@lru_cache(maxsize=None)
def _duration_measures() -> tuple[str, ...]:
    return tuple(normalize_key(r["words"]) for r in read_rows("duration_measures.csv"))


def _names_a_duration(head: str) -> bool:
    """'Tuổi thọ trung bình đạt 75,5 tuổi', 'số ngày … tối đa 10 ngày': years and days are
    then the value's unit, not a duration or an age group."""
    key = normalize_key(head[-120:])
    return any(m in key for m in _duration_measures())


def _unit_after(text: str, end: int, head: str = "") -> tuple[str | None, int]:
    """The unit after a number, and where the quantity ends."""
    if p := _PERCENT.match(text, end):
        unit = "%/năm" if "năm" in p.group(0) else "%"
        return unit, p.end()
    if p := _PER_MILLE.match(text, end):  # "tỷ suất tử vong trẻ em dưới 5 tuổi 18‰"
        return "‰", p.end()
    words = list(re.finditer(r"\S+", text[end:end + 80]))
    if not words or words[0].start() > 1:
        return None, end
    first = words[0].group(0).rstrip(".,;:)")
    if first.lower() not in _unit_words() and "/" in first:
        first = first.split("/")[0]  # "m2/người": the rate is read after the unit
    kind = _unit_words().get(first.lower())
    if kind in ("time", "age"):
        if not _names_a_duration(head):
            return None, end
        return first, end + words[0].start() + len(first)
    if kind == "multiplier":
        unit_end = end + words[0].start() + len(first)
        if len(words) > 1 and (nxt := words[1].group(0).rstrip(".,;:)")) and \
                (_unit_words().get(nxt.lower()) in ("currency", "measure") or nxt[:1].islower() or nxt.isupper()):
            unit_end = end + words[1].start() + len(nxt)
            unit = f"{first} {nxt}"
        else:
            unit = first
        return _with_rate(text, unit, unit_end)
    if kind in ("currency", "measure"):
        return _with_rate(text, first, end + words[0].start() + len(first))
    noun = _counted_noun(text[end:end + 60])
    if noun is None:
        return None, end
    noun_end = end + text[end:].index(noun) + len(noun)
    if more := _NOUN_BEFORE_RATE.match(text, noun_end):  # 'ca sinh/1.000 phụ nữ': the noun runs to the slash
        noun, noun_end = noun + more.group(1), more.end(1)
    return _with_rate(text, noun, noun_end)


def _with_rate(text: str, unit: str, end: int) -> tuple[str, int]:
    """'bác sĩ' + '/vạn dân' → 'bác sĩ/vạn dân'."""
    if rate := _RATE.match(text, end):
        return unit + rate.group(0).replace(" / ", "/").strip(), rate.end()
    return unit, end


@lru_cache(maxsize=None)
def _counted_nouns() -> dict[str, list[str]]:
    """Known counted nouns by their first syllable, longest first."""
    by_first: dict[str, list[str]] = {}
    for r in read_rows("counted_nouns.csv"):
        noun = r["noun"].lower()
        by_first.setdefault(noun.split()[0], []).append(noun)
    return {k: sorted(v, key=lambda n: -len(n.split())) for k, v in by_first.items()}


def _counted_noun(tail: str) -> str | None:
    """The noun a number counts ("1.000 doanh nghiệp công nghệ số" → "doanh nghiệp"): a known
    counted noun of `data/counted_nouns.csv` (the longest that fits), else the first word
    when it is a lower-case word that is no function word ("03 trung tâm" → "trung")."""
    syllables = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", tail.strip()[:60])
    if not syllables or not tail.strip()[:1].isalpha():
        return None
    first = syllables[0].lower()
    kind = _unit_words().get(first)
    if kind in ("time", "age"):
        return None
    for noun in _counted_nouns().get(first, []):  # a known noun first: "bảo tàng", not the verb "bảo vệ"
        words = noun.split()
        if [w.lower() for w in syllables[:len(words)]] == words:
            return " ".join(syllables[:len(words)])
    if kind == "not_unit":
        return None
    return syllables[0] if syllables[0].islower() or syllables[0].isupper() else None


def _comparator_before(text: str, number_start: int) -> tuple[str | None, int]:
    """The comparator words (or symbol) right before a number, and where they start."""
    head = text[:number_start].rstrip()
    for symbol, comp in _SYMBOL_COMPARATORS.items():
        if head.endswith(symbol):
            return comp, len(head) - len(symbol)
    before, _ = _comparators()
    # Tone marks tell the words apart ("từ 50%" is a floor, "điện tử; 100%" is not): compare
    # in lower case, not folded.
    tail = head[-40:].lower()
    for word, comp in before:
        w = word.lower()
        if tail == w or tail.endswith(" " + w):
            return comp, len(head) - len(word)
    if (m := _YEAR_BETWEEN.search(head)) and m.start() > 0:
        # 'ít nhất vào năm 2025 đạt 40%': the comparator stands before the year, not the value
        comp, _ = _comparator_before(head, m.start())
        if comp in ("gte", "gt", "lte", "lt"):
            return comp, number_start
    return None, number_start


_YEAR_BETWEEN = re.compile(r"\s+(?:(?:vào|đến|tới|trong)\s+)?(?:cuối\s+)?năm\s+(?:19|20)\d{2}\s*,?\s*(?:đạt|là)?\s*$",
                           re.I)


_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"


def _comparator_after(tail: str) -> str | None:
    """'trở lên' / 'trở xuống' within the next few words ('70% dân số trở lên')."""
    _, after = _comparators()
    for word, comp in after:
        # (a footnote's superscript may follow: '11,5% trở lên¹')
        if re.match(rf"\s*(?:[^\s,;.]+\s+){{0,3}}{re.escape(word)}(?![^\W\d_{_SUPERSCRIPTS}])", tail, re.I):
            return comp
    return None
