"""Ingestion: any file a plan arrives as → one normalized `Document`.

`load(path)` sniffs the content (not just the extension), picks the reader and
returns its Document; every failure is a `PlanextractError` naming the file.
Only regular files are read, never more than the input limit (`limits.py`), and no
paragraph of the result is longer than the paragraph limit.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from ..document import Document
from ..errors import CorruptFile, EmptyDocument, EncodingProblem, PlanextractError, TooLarge, UnsupportedInput
from ..limits import Limits, how_to_raise, over_limit, resolved
from .encoding import decode_bytes
from .sizes import split_long_lines, split_long_paragraphs
from .text import read_text


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


def load(path: str | os.PathLike, *, max_pages: int | None = None, ocr: bool = True,
         table_engine: str = "pdfplumber", limits: Limits | None = None) -> Document:
    """Read a plan from a file (PDF, scanned PDF, DOCX, HTML, text, a scanned page image:
    PNG, JPEG, TIFF — every page of a TIFF). `table_engine` picks
    who finds ruled tables in text-layer PDFs: "pdfplumber" (default) or "camelot" (lattice).
    `limits` (default: the environment's, see `planextract.limits`) bounds what the file may
    cost; `max_pages` overrides its page limit."""
    path = Path(path)
    source = str(path)
    limits = resolved(limits, pages=max_pages)
    data = read_input(path, limits)
    if not data.strip():
        raise EmptyDocument(source, "the file is empty")
    kind = sniff(data, path)
    claimed = path.suffix.lower().lstrip(".")
    if kind == "pdf":
        from .pdf import read_pdf
        doc = read_pdf(path, max_pages=limits.pages, ocr=ocr, table_engine=table_engine,
                       ocr_seconds=limits.ocr_seconds)
    elif kind == "docx":
        from .docx import read_docx
        doc = read_docx(path, limits=limits)
    elif kind == "image":
        from .image import read_image
        doc = read_image(path, max_pages=limits.pages, ocr=ocr, ocr_seconds=limits.ocr_seconds)
    elif kind == "ole":
        raise UnsupportedInput(source, "an old binary Word (.doc) or encrypted Office file; "
                                       "save it as .docx or PDF")
    elif kind == "html":
        from .html import read_html
        doc = read_html(decode_bytes(data, source), source, max_depth=limits.html_depth)
    else:
        if claimed in {"pdf", "docx", "doc", "xlsx", "png", "jpg", "jpeg", "tif", "tiff"}:
            raise CorruptFile(source, f"the extension says .{claimed} but the content is not "
                                      f"a {claimed.upper()} file")
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise UnsupportedInput(source, "a binary file, not a document planextract reads")
        doc = _read_text(decode_bytes(data, source), source, limits)
    if kind != claimed and not (kind == "text" and claimed in {"txt", "md", ""}) and \
            not (kind == "html" and claimed in {"htm", "html"}) and \
            not (kind == "image" and claimed in {"png", "jpg", "jpeg", "tif", "tiff"}):
        doc.warnings.append(f"{source}: the extension .{claimed} does not match the content ({kind})")
    return _checked(doc, limits)


def read_input(path: Path, limits: Limits) -> bytes:
    """The bytes of a regular file no larger than the input limit. A FIFO would block and
    a device (/dev/zero) never end, so neither is opened for reading."""
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise PlanextractError(source, "no such file") from None
    except OSError as err:
        raise PlanextractError(source, f"cannot be read ({err.strerror or err})") from None
    if stat.S_ISDIR(info.st_mode):
        raise PlanextractError(source, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnsupportedInput(source, f"not a regular file ({_file_kind(info.st_mode)}); "
                                       "planextract reads regular files only")
    _check_size(source, info.st_size, limits)
    try:
        # O_NONBLOCK: should the name have become a FIFO since stat(), open() must not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise PlanextractError(source, f"cannot be read ({err.strerror or err})") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsupportedInput(source, "not a regular file; planextract reads regular files only")
        data = handle.read(limits.input_bytes + 1)  # a file still growing stops at the limit
    _check_size(source, len(data), limits)
    return data


def _check_size(source: str, size: int, limits: Limits) -> None:
    if size > limits.input_bytes:
        raise TooLarge(source, over_limit("input_mb", f"the file is {size / (1 << 20):,.1f} MB", limits))


def _file_kind(mode: int) -> str:
    kinds = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]
    return next((name for test, name in kinds if test(mode)), "not a plain file")


def _read_text(text: str, source: str | None, limits: Limits) -> Document:
    """The text reader, given lines no longer than the line limit."""
    text, cut = split_long_lines(text, limits.line_chars)
    doc = read_text(text, source)
    if cut:
        doc.warnings.append(f"{source or '<text>'}: {cut} line(s) longer than {limits.line_chars:,} characters "
                            f"were cut into lines (the limit per line; {how_to_raise('line_chars')})")
    return doc


def load_text(text: str, source: str | None = None, *, limits: Limits | None = None) -> Document:
    """Read a plan from a string of plain or Markdown-like text."""
    limits = resolved(limits)
    if not text.strip():
        raise EmptyDocument(source or "<text>", "the text is empty")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise EncodingProblem(source or "<text>", "the text is not valid Unicode "
                                                  "(it holds unpaired surrogate code points)") from None
    _check_size(source or "<text>", size, limits)
    return _checked(_read_text(text, source, limits), limits)


def _checked(doc: Document, limits: Limits | None = None) -> Document:
    from .language import check_vietnamese
    if not doc.text.strip():
        raise EmptyDocument(doc.source, "no text could be read from it")
    split_long_paragraphs(doc, resolved(limits))
    check_vietnamese(doc)
    return doc
