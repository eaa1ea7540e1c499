"""Cutting a text into spans at separators, keeping offsets."""
from __future__ import annotations

import re

_BULLET = re.compile(r"^[-–+•*]\s*")


def bullet_end(text: str) -> int:
    """Where the text of a bullet starts ("- Tỷ lệ …" → 2; 0 when there is no mark)."""
    m = _BULLET.match(text)
    return m.end() if m else 0


def split_spans(text: str, separator: re.Pattern) -> list[tuple[int, int]]:
    """(start, end) of the non-blank pieces of `text` between matches of `separator`."""
    spans, pos = [], 0
    for m in separator.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
