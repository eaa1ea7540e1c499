"""The public functions behind `planextract.extract` and friends."""
from __future__ import annotations

import os

from .extract import extract_document
from .ingest import load, load_text
from .limits import Limits, applied, resolved
from .records import Extraction


def extract(path: str | os.PathLike, *, max_pages: int | None = None, ocr: bool = True,
            table_engine: str = "pdfplumber", limits: Limits | None = None) -> Extraction:
    """Read a plan and return its records (document, targets, tasks, references, deadlines).
    `limits` bounds what the file may cost (default: the environment's; see `planextract.limits`)."""
    limits = resolved(limits, pages=max_pages)
    with applied(limits):
        return extract_document(load(path, ocr=ocr, table_engine=table_engine, limits=limits))


def extract_text(text: str, source: str | None = None, *, limits: Limits | None = None) -> Extraction:
    limits = resolved(limits)
    with applied(limits):
        return extract_document(load_text(text, source, limits=limits))
