"""Ingestion: any file a plan arrives as → one normalized `Document`.

`load(path)` sniffs the content (not just the extension), picks the reader and
returns its Document; every failure is a `PlanextractError` naming the file.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..document import Document
from ..errors import CorruptFile, EmptyDocument, PlanextractError, UnsupportedInput
from .encoding import decode_bytes
from .text import read_text

DEFAULT_MAX_PAGES = int(os.environ.get("PLANEXTRACT_MAX_PAGES", "1000"))


IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpg", b"II*\x00": "tiff", b"MM\x00*": "tiff"}


def image_kind(data: bytes) -> str | None:
    """'png', 'jpg' or 'tiff' for a scanned page image, by its signature."""
    return next((kind for sig, kind in IMAGE_SIGNATURES.items() if data.startswith(sig)), None)


def suffix_for(data: bytes) -> str:
    """The file extension of content: '.pdf', '.docx', '.html', '.png' … or '.txt'."""
    kind = sniff(data, Path())
    if kind == "image":
        return "." + image_kind(data)
    return {"pdf": ".pdf", "docx": ".docx", "ole": ".doc", "html": ".html"}.get(kind, ".txt")


def sniff(data: bytes, path: Path) -> str:
    """The real format of a file: 'pdf', 'docx', 'html', 'image' or 'text'."""
    if image_kind(data):
        return "image"
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # legacy .doc or an encrypted Office file
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered:
        return "html"
    return "text"


def load(path: str | os.PathLike, *, max_pages: int = DEFAULT_MAX_PAGES, ocr: bool = True,
         table_engine: str = "pdfplumber") -> Document:
    """Read a plan from a file (PDF, scanned PDF, DOCX, HTML, text, a scanned page image:
    PNG, JPEG, TIFF — every page of a TIFF). `table_engine` picks
    who finds ruled tables in text-layer PDFs: "pdfplumber" (default) or "camelot" (lattice)."""
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise PlanextractError(source, "no such file")
    if path.is_dir():
        raise PlanextractError(source, "is a folder, not a file")
    data = path.read_bytes()
    if not data.strip():
        raise EmptyDocument(source, "the file is empty")
    kind = sniff(data, path)
    claimed = path.suffix.lower().lstrip(".")
    if kind == "pdf":
        from .pdf import read_pdf
        doc = read_pdf(path, max_pages=max_pages, ocr=ocr, table_engine=table_engine)
    elif kind == "docx":
        from .docx import read_docx
        doc = read_docx(path)
    elif kind == "image":
        from .image import read_image
        doc = read_image(path, max_pages=max_pages, ocr=ocr)
    elif kind == "ole":
        raise UnsupportedInput(source, "an old binary Word (.doc) or encrypted Office file; "
                                       "save it as .docx or PDF")
    elif kind == "html":
        from .html import read_html
        doc = read_html(decode_bytes(data, source), source)
    else:
        if claimed in {"pdf", "docx", "doc", "xlsx", "png", "jpg", "jpeg", "tif", "tiff"}:
            raise CorruptFile(source, f"the extension says .{claimed} but the content is not "
                                      f"a {claimed.upper()} file")
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise UnsupportedInput(source, "a binary file, not a document planextract reads")
        doc = read_text(decode_bytes(data, source), source)
    if kind != claimed and not (kind == "text" and claimed in {"txt", "md", ""}) and \
            not (kind == "html" and claimed in {"htm", "html"}) and \
            not (kind == "image" and claimed in {"png", "jpg", "jpeg", "tif", "tiff"}):
        doc.warnings.append(f"{source}: the extension .{claimed} does not match the content ({kind})")
    return _checked(doc)


def load_text(text: str, source: str | None = None) -> Document:
    """Read a plan from a string of plain or Markdown-like text."""
    if not text.strip():
        raise EmptyDocument(source or "<text>", "the text is empty")
    return _checked(read_text(text, source))


def _checked(doc: Document) -> Document:
    from .language import check_vietnamese
    if not doc.text.strip():
        raise EmptyDocument(doc.source, "no text could be read from it")
    check_vietnamese(doc)
    return doc
