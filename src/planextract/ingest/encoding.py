"""Bytes → Unicode text, with legacy Vietnamese encodings recognized.

Vietnamese files still turn up in the pre-Unicode TCVN3 (ABC) and VNI
encodings, which decode "successfully" as Latin-1/cp1252 into gibberish. We
recognize them by their signature characters and say so clearly rather than
return gibberish (converting them needs the document's fonts, which we do not
have).
"""
from __future__ import annotations

import re

from ..errors import EmptyDocument, EncodingProblem

# Characters that Vietnamese text in TCVN3 / VNI shows when read as cp1252 / latin-1.
_TCVN3_MARKS = re.compile(r"[¸µ¶·¹¨©ª«®¬¦§£¥ÌÐÑÖÝÞßõñÏ¤¢¡]")
_VNI_MARKS = re.compile(r"[a-zA-Z](?:ø|ù|û|õ|ï|ñ|ä|å|ã|á|à|â|ê|î|ì|ë|é|è)(?=[a-zA-Z ])")
_VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300-\u0323àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]")


def decode_bytes(data: bytes, source: str | None) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is a clear error."""
    if not data.strip():
        raise EmptyDocument(source, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        legacy = data.decode("cp1252", errors="replace")
        kind = legacy_encoding(legacy)
        if kind:
            raise EncodingProblem(source, f"the text is in the legacy {kind} Vietnamese encoding; "
                                          "convert it to Unicode (UTF-8) first, e.g. with UniKey's "
                                          "converter") from None
        raise EncodingProblem(source, "the text is not UTF-8 or UTF-16; save it as UTF-8") from None
    kind = legacy_encoding(text)
    if kind:
        raise EncodingProblem(source, f"the text looks like the legacy {kind} Vietnamese encoding "
                                      "read as Unicode; convert it to Unicode (UTF-8) first")
    return text


def legacy_encoding(text: str) -> str | None:
    """'TCVN3' or 'VNI' when the text shows that encoding's signature, else None."""
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample) or 1
    native = len(_VIETNAMESE_LETTERS.findall(sample))
    tcvn3 = len(_TCVN3_MARKS.findall(sample))
    vni = len(_VNI_MARKS.findall(sample))
    if tcvn3 > 0.02 * letters and tcvn3 > native:
        return "TCVN3 (ABC)"
    if vni > 0.02 * letters and vni > native:
        return "VNI"
    return None
