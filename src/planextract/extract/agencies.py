"""Placeholder until the agency gazetteer lands: split a cell at ';' and '- '."""
from __future__ import annotations

import re


def canonical_names(cell: str, province: str | None = None) -> list[str]:
    parts = [p.strip(" ,.") for p in re.split(r";|(?:^|\s)-\s", cell)]
    return [p for p in parts if p]
