"""Knowledge kept as data: loads the files of `planextract/data/` once, normalized.

Every string read here goes through the same normalization as documents, so a
look-up never fails on tone-mark placement or composed/decomposed letters.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from .normalize import normalize_key, normalize_line, strip_diacritics


def read_rows(name: str) -> list[dict[str, str]]:
    """Rows of a CSV file in planextract/data, every value normalized."""
    with resources.files("planextract.data").joinpath(name).open(encoding="utf-8") as f:
        return [{k: normalize_line(v or "") for k, v in row.items()} for row in csv.DictReader(f)]


@lru_cache(maxsize=None)
def doc_types() -> list[dict[str, str]]:
    return read_rows("doc_types.csv")


@lru_cache(maxsize=None)
def doc_type_lines() -> frozenset[str]:
    """Upper-case lines that open a document body: 'KẾ HOẠCH', 'QUYẾT ĐỊNH' …"""
    return frozenset(r["issued_as_plan_header"] for r in doc_types())


@lru_cache(maxsize=None)
def doc_type_by_word() -> dict[str, str]:
    """'kế hoạch' / 'kh' / 'KH' → 'Kế hoạch'."""
    out: dict[str, str] = {}
    for r in doc_types():
        out[r["name"].lower()] = r["name"]
        for abbr in filter(None, r["abbreviations"].split(";")):
            out[abbr.lower()] = r["name"]
    return out


@lru_cache(maxsize=None)
def labelled_number() -> re.Pattern:
    """'Nhiệm vụ 1:', 'Giải pháp số 2.', 'Dự án 3:': an item numbered with its label word
    (data/item_labels.csv); group 1 is the whole marker, group 2 the number."""
    labels = "|".join(re.escape(r["wording"]) for r in read_rows("item_labels.csv"))
    return re.compile(rf"^((?:{labels})\s+(?:số\s+)?(\d{{1,2}})\s*[:.])\s+(?=\S)")


@lru_cache(maxsize=None)
def table_headers() -> dict[str, str]:
    """Normalized header wording → column role (number, task, lead, partners, time)."""
    return {normalize_key(r["wording"]): r["role"] for r in read_rows("table_headers.csv")}


@lru_cache(maxsize=None)
def table_first_headers() -> frozenset[str]:
    return frozenset(r["wording"] for r in read_rows("table_headers.csv") if r["role"] == "number")


@lru_cache(maxsize=None)
def _folded_section_words() -> tuple[tuple[str, str], ...]:
    """(wording without tone marks, kind) of data/section_kinds.csv, the strongest kind first."""
    rows = sorted(read_rows("section_kinds.csv"), key=lambda r: (int(r["priority"]), -len(normalize_key(r["wording"]))))
    return tuple((fold(normalize_key(r["wording"])), r["kind"]) for r in rows)


def folded_section_kind(text: str) -> str | None:
    """The section kind these words name, matched without tone marks ("MUC TIEU", "MỤC TIỂU":
    marks OCR lost or misread), or None."""
    folded = f" {fold(text)} "
    return next((kind for words, kind in _folded_section_words() if f" {words} " in folded), None)


def names_a_section(text: str) -> bool:
    """Do these words name a plan's section ("MỤC TIÊU", "TỔ CHỨC THỰC HIỆN"), tone marks that
    OCR misread or not?"""
    return folded_section_kind(text) is not None


@lru_cache(maxsize=None)
def dashed_compounds() -> tuple[tuple[str, str], ...]:
    """Pairs written with a dash between them ("kinh tế - xã hội"): a line the wrap cut at the
    dash goes on, though the dash opens the next line like a list marker."""
    return tuple((r["first"].lower(), r["second"].lower()) for r in read_rows("dashed_compounds.csv"))


@lru_cache(maxsize=None)
def time_words() -> dict[str, str]:
    return {normalize_key(r["wording"]): r["recurrence"] for r in read_rows("time_words.csv")}


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def looks_like_time_cell(text: str) -> bool:
    """'2022 - 2025', 'Quý IV/2023', 'Hằng năm': a short cell that states a time."""
    text = normalize_line(text)
    if len(text) > 40:
        return False
    key = normalize_key(text)
    return bool(_YEAR.search(text)) or any(w in key for w in time_words()) or key.startswith("quý")


@lru_cache(maxsize=None)
def provinces() -> list[dict[str, str]]:
    return read_rows("provinces.csv")


def fold(text: str) -> str:
    """Key for province/alias look-up: no diacritics, lower case, single spaces."""
    return re.sub(r"[^a-z0-9]+", " ", strip_diacritics(normalize_line(text)).lower()).strip()


@lru_cache(maxsize=None)
def _layout_patterns() -> list[tuple[str, re.Pattern]]:
    return [(r["kind"], re.compile(r["pattern"])) for r in read_rows("layout_cells.csv")]


def is_layout_cell(text: str) -> bool:
    """A cell of the header or signature block ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Số: 12/KH-UBND", "Hà Nội, ngày 1 tháng 6 năm 2025", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN")."""
    return layout_cell_kind(text) is not None


def layout_cell_kind(text: str) -> str | None:
    """Which part of the header or signature block a cell is: motto, number, place_date,
    recipients, signature, issuer (`data/layout_cells.csv`); None for other cells."""
    key = normalize_key(text)
    return next((kind for kind, p in _layout_patterns() if p.search(key)), None)


# Column roles of table headers whose cells stand for one column each, and the kind of
# what a group header stands over (agencies over "Chủ trì | Phối hợp", a period over
# "Kế hoạch | Ước thực hiện").
_SINGLE_COLUMN_ROLES = frozenset({"number", "task", "indicator", "unit", "note"})
_ROLE_KINDS = {"lead": "agency", "partners": "agency", "agency": "agency", "agency_group": "agency",
               "year": "period", "plan": "period", "estimate": "period", "period": "period"}
_YEAR_HEADER = re.compile(r"\b(?:năm\s+)?(?:19|20)\d{2}\b")


def header_role_exact(text: str) -> str | None:
    """The role of a header cell whose words are a known wording (no fuzzy match)."""
    key = normalize_key(text)
    if not key:
        return None
    role = table_headers().get(key)
    if role is None and _YEAR_HEADER.fullmatch(key):
        return "year"
    return role


def single_column_header(text: str) -> bool:
    return header_role_exact(text) in _SINGLE_COLUMN_ROLES


def header_kind(text: str) -> str | None:
    role = header_role_exact(text)
    if role is None and _YEAR_HEADER.search(normalize_key(text)):
        return "period"
    return _ROLE_KINDS.get(role)


@lru_cache(maxsize=None)
def signer_titles() -> frozenset[str]:
    """Titles printed above a signer's name ("PHÓ CHỦ TỊCH", "GIÁM ĐỐC" …)."""
    return frozenset(r["title"] for r in read_rows("signer_titles.csv"))


@lru_cache(maxsize=None)
def not_after_abbreviation() -> str:
    """A regex piece for a sentence break: not right after a dotted abbreviation ('UBND TP. Hà
    Nội', 'ThS. Nguyễn Văn A'), whose full stop ends no sentence."""
    return "".join(rf"(?<!\b{re.escape(r['abbreviation'])})" for r in read_rows("dotted_abbreviations.csv"))


@lru_cache(maxsize=None)
def sentence_break(ends: str = ".!?", next_start: str = "A-ZĐÀ-Ỹ") -> re.Pattern:
    """Space between two sentences: after one of `ends` (not an abbreviation's full stop), before
    a character of `next_start`."""
    return re.compile(rf"(?<=[{ends}]){not_after_abbreviation()}\s+(?=[{next_start}])")


@lru_cache(maxsize=None)
def _agency_heads() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(heads, heads that name bodies only after "Các": "Các tổ chức …", not "Tổ chức thực hiện")."""
    rows = read_rows("agency_heads.csv")
    return (tuple(normalize_key(r["head"]) + " " for r in rows if r["kind"] not in ("plural_only", "not_a_body")),
            tuple(normalize_key(r["head"]) + " " for r in rows if r["kind"] == "plural_only"))


@lru_cache(maxsize=None)
def not_a_body_heads() -> tuple[str, ...]:
    """Words that open with a head noun and name no body: "Phòng chống …", "Hội nghị …"."""
    return tuple(normalize_key(r["head"]) + " " for r in read_rows("agency_heads.csv") if r["kind"] == "not_a_body")


def starts_with_agency(text: str) -> bool:
    """Does a text open with an organisation's head noun ("Sở …", "UBND …", "Các tổ chức …")?"""
    heads, plural_only = _agency_heads()
    key = normalize_key(text) + " "
    if key.startswith(not_a_body_heads()):
        return False
    if key.startswith("các "):
        rest = key[4:]
        return rest.startswith(heads) or rest.startswith(plural_only)
    return key.startswith(heads)


@lru_cache(maxsize=None)
def verbs_of_work() -> frozenset[str]:
    """The assignment verbs and the verbs of work a body is given (data/assignment_verbs.csv,
    data/duty_verbs.csv): 'chủ trì', 'tham mưu', 'hỗ trợ' …"""
    return frozenset(r["verb"] for name in ("assignment_verbs.csv", "duty_verbs.csv") for r in read_rows(name))
