"""Provinces: the 63 units until mid-2025, the 34 since the 2025 merger, and the mapping."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .lexicon import fold, provinces

ERA_OLD, ERA_NEW, ERA_BOTH = "2004-2025", "2025-", "2004-"


@lru_cache(maxsize=None)
def _by_key() -> dict[str, str]:
    """Folded name or alias → canonical name."""
    out: dict[str, str] = {}
    for row in provinces():
        for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
            out.setdefault(fold(name), row["name"])
    return out


def canonical_province(name: str) -> str | None:
    """'Đắc Nông' / 'tỉnh Dak Nong' → 'Đắk Nông'; None when not a province."""
    key = fold(re.sub(r"^(?:tỉnh|thành phố|tp\.?)\s+", "", name.strip(), flags=re.I))
    return _by_key().get(key)


def successor(name: str) -> str | None:
    """The province since 1 July 2025 that a province of before belongs to."""
    for row in provinces():
        if row["name"] == name:
            return row["successor"] or (name if row["era"] in (ERA_NEW, ERA_BOTH) else None)
    return None


def provinces_of(era: str) -> list[str]:
    """Names valid in an era: 'until-2025' (63) or 'since-2025' (34)."""
    wanted = {"until-2025": (ERA_OLD, ERA_BOTH), "since-2025": (ERA_NEW, ERA_BOTH)}[era]
    return [r["name"] for r in provinces() if r["era"] in wanted]


_TINH = re.compile(r"(?<!\w)(?:tỉnh|TỈNH|Tỉnh|thành phố|Thành phố|THÀNH PHỐ|TP\.?)\s*"
                   r"((?:[A-ZĐÂĂÊÔƠƯÀ-Ỹ][^\s,.;:()]*)(?:[ -]+[A-ZĐÂĂÊÔƠƯÀ-Ỹ][^\s,.;:()]*){0,3})")


def level_of(name: str) -> str | None:
    """'tỉnh' or 'thành phố' (a centrally-run city): the level word written before the name."""
    return next((r["kind"] for r in provinces() if r["name"] == name), None)


def mentioned_provinces(text: str) -> Counter:
    """How often each province is named as 'tỉnh X' or 'thành phố X' ('TP.HCM') in a text;
    a city that is no province ('thành phố Vinh') does not count."""
    counts: Counter = Counter()
    for m in _TINH.finditer(text):
        words = m.group(1).split()
        # The longest prefix of the capitalised words that is a province name.
        for n in range(len(words), 0, -1):
            name = canonical_province(" ".join(words[:n]))
            if name:
                counts[name] += 1
                break
    return counts


@lru_cache(maxsize=None)
def _mention_pattern() -> re.Pattern:
    names = sorted({n for row in provinces() for n in [row["name"], *row["aliases"].split(";")]
                    if n and not n.isascii()}, key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")


def province_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every province named in a text."""
    out = []
    for m in _mention_pattern().finditer(text):
        if name := canonical_province(m.group(0)):
            out.append((m.start(), m.end(), name))
    return out
