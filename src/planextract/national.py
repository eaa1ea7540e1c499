"""How a province's targets compare with the national strategy (Quyết định 411/QĐ-TTg).

Each target is mapped to an indicator of `data/national-411-targets.csv` when
its indicator phrase shares enough words (Jaccard on normalized syllables) with
the national wording or one of its aliases (the `aliases` column, kept as
data). The comparison uses the promised level: the lower bound of a range, and
"trên X" counts as a little more than X, so "trên 80%" is above "đạt 80%" and
equal to "trên 80%".
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import read_rows
from .normalize import word_overlap

MAP_THRESHOLD = 0.6
STRICTLY_MORE = 1e-6  # "trên X" / "hơn X" promise a little more than X


@lru_cache(maxsize=None)
def national_targets() -> list[dict[str, str]]:
    return read_rows("national-411-targets.csv")


@lru_cache(maxsize=4096)
def indicator_id(indicator: str) -> str | None:
    """The national indicator a provincial indicator phrase measures, or None."""
    best, best_score = None, MAP_THRESHOLD
    for row in national_targets():
        for wording in [row["indicator"], *filter(None, row["aliases"].split(";"))]:
            score = word_overlap(indicator, wording)
            if score > best_score:
                best, best_score = row["id"], score
    return best


def level(comparator: str | None, value: float | None) -> float | None:
    if value is None or comparator is None:
        return None
    return value + STRICTLY_MORE if comparator == "gt" else value


def relation(province_level: float | None, national_level: float | None) -> str | None:
    if province_level is None or national_level is None:
        return None
    if abs(province_level - national_level) < STRICTLY_MORE / 2:
        return "equal"
    return "above" if province_level > national_level else "below"


def national_value(indicator: str | None, year: int | None) -> tuple[str | None, float | None]:
    """(comparator, value) of the national target for a year (2025 or 2030)."""
    row = next((r for r in national_targets() if r["id"] == indicator), None)
    if row is None or year not in (2025, 2030):
        return None, None
    value = row.get(f"value_{year}") or None
    return row.get(f"comparator_{year}") or None, float(value) if value else None


def compare_national(targets):
    """Per target (a DataFrame of targets, or a list of Target records): the national
    indicator, its comparator and value for the target's year, and whether the
    province's target is above, equal to or below it. Returns a DataFrame."""
    import pandas as pd
    from dataclasses import asdict, is_dataclass
    frame = pd.DataFrame([asdict(t) if is_dataclass(t) else t for t in targets]) \
        if not isinstance(targets, pd.DataFrame) else targets.copy()
    names = {r["id"]: r["indicator"] for r in national_targets()}
    ids, n_comp, n_value, n_name, rel = [], [], [], [], []
    for _, row in frame.iterrows():
        nid = row.get("indicator_id")
        nid = nid if isinstance(nid, str) and nid else indicator_id(row["indicator"])  # NA in typed frames
        year = int(row["year"]) if pd.notna(row["year"]) else None
        comp, value = national_value(nid, year)
        ids.append(nid)
        n_name.append(names.get(nid))
        n_comp.append(comp)
        n_value.append(value)
        province_level = row["value"] if row["comparator"] != "range" else row["value"]
        rel.append(relation(level(row["comparator"], province_level), level(comp, value)))
    frame["indicator_id"] = ids
    frame["national_indicator"] = n_name
    frame["national_comparator"] = n_comp
    frame["national_value"] = n_value
    frame["relation"] = rel
    return frame
