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
def table_headers() -> dict[str, str]:
    """Normalized header wording → column role (number, task, lead, partners, time)."""
    return {normalize_key(r["wording"]): r["role"] for r in read_rows("table_headers.csv")}


@lru_cache(maxsize=None)
def table_first_headers() -> frozenset[str]:
    return frozenset(r["wording"] for r in read_rows("table_headers.csv") if r["role"] == "number")


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
