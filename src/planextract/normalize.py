"""Vietnamese text normalization: one spelling for one word.

- Unicode NFC.
- One placement of tone marks: the "old style" used by the seed plans and by
  SCHEMA.md ("hòa", "khỏe", "thủy", "Văn hóa"): in the open syllables oa, oe,
  uy the mark sits on the first vowel. "quý" keeps its mark on y (qu is one
  consonant) and closed syllables ("hoàn", "thuyết") are already unambiguous.
- No soft hyphens, zero-width characters, BOMs; every kind of space is a
  plain space; runs of spaces collapse to one.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                             "\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f"), " ")
# Work on NFD so a tone mark is a separate character we can move. The lookahead
# excludes letters and further combining marks: in "hoặc" the dot below is
# followed by the breve of ă, a different vowel that keeps its mark.
_NEW_STYLE_TONE = re.compile(
    rf"(?:([oO])([aAeE])|(?<![qQ])([uU])([yY]))([{TONE_MARKS}])(?![^\W\d_]|[\u0300-\u036f])"
)


def _move_tone(match: re.Match) -> str:
    first = match.group(1) or match.group(3)
    second = match.group(2) or match.group(4)
    return first + match.group(5) + second


def normalize_tone_marks(text: str) -> str:
    """hoà → hòa, khoẻ → khỏe, thuỷ → thủy (returns NFC)."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _NEW_STYLE_TONE.sub(_move_tone, decomposed))


def clean_characters(text: str) -> str:
    """Drop invisible characters and make every space a plain space (newlines kept)."""
    return text.translate(_INVISIBLE).translate(_SPACES)


def normalize_line(text: str) -> str:
    """Normalize one line or cell: NFC, tone marks, plain collapsed spaces, stripped."""
    text = normalize_tone_marks(clean_characters(unicodedata.normalize("NFC", text)))
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=65536)
def normalize_key(text: str) -> str:
    """A comparison key: normalized, lower-cased, punctuation reduced to spaces."""
    text = normalize_line(text).lower()
    return re.sub(r"[^\w%]+", " ", text).strip()


def strip_diacritics(text: str) -> str:
    """ASCII-ish fold used for fuzzy look-ups ("Đắk Nông" → "dak nong")."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def is_all_caps(text: str, min_letters: int = 1) -> bool:
    """Every letter upper case, and at least `min_letters` of them ("KẾ HOẠCH", "PHỤ LỤC")."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= min_letters and all(ch.isupper() for ch in letters)


def word_overlap(a: str, b: str) -> float:
    """Share of words two phrases have in common (Jaccard on normalized words): how
    indicator phrases, task texts and national wordings are compared everywhere."""
    wa, wb = set(normalize_key(a).split()), set(normalize_key(b).split())
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0
