"""The public functions behind `planextract.extract` and friends."""
from __future__ import annotations

import os

from .extract import extract_document
from .ingest import DEFAULT_MAX_PAGES, load, load_text
from .records import Extraction


def extract(path: str | os.PathLike, *, max_pages: int = DEFAULT_MAX_PAGES, ocr: bool = True,
            table_engine: str = "pdfplumber") -> Extraction:
    """Read a plan and return its records (document, targets, tasks, references, deadlines)."""
    return extract_document(load(path, max_pages=max_pages, ocr=ocr, table_engine=table_engine))


def extract_text(text: str, source: str | None = None) -> Extraction:
    return extract_document(load_text(text, source))
