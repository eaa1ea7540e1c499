"""Is this Vietnamese? A plan in another language gets a clear error, not empty records."""
from __future__ import annotations

import re

from ..document import Document
from ..errors import NotVietnamese

# Letters only Vietnamese uses among Latin scripts, and its commonest syllables.
_VIETNAMESE_ONLY = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
_COMMON_WORDS = frozenset("và của các có được trong cho với là đến năm số tỉnh thực hiện phát triển".split())
MIN_SHARE = 0.02


def vietnamese_score(text: str) -> float:
    sample = text[:50000]
    letters = sum(ch.isalpha() for ch in sample)
    if not letters:
        return 0.0
    return len(_VIETNAMESE_ONLY.findall(sample)) / letters


def check_vietnamese(doc: Document) -> None:
    """Raise NotVietnamese when the text has (almost) no Vietnamese letters or words."""
    words = doc.text[:50000].lower().split()
    common = sum(w in _COMMON_WORDS for w in words) / max(len(words), 1)
    if vietnamese_score(doc.text) < MIN_SHARE and common < 0.02:
        raise NotVietnamese(doc.source, "the text does not look like Vietnamese "
                                        "(planextract reads Vietnamese plans only)")
