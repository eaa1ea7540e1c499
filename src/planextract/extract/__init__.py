"""Extractors: one module per record type, each a function of a Document."""
from __future__ import annotations

from ..document import Document
from ..records import Extraction
from .metadata import extract_metadata
from .references import extract_references
from .targets import extract_targets


def extract_document(doc: Document) -> Extraction:
    """All records of one Document (record types of later issues are empty lists)."""
    meta = extract_metadata(doc)
    return Extraction(document=meta,
                      targets=extract_targets(doc, province=meta.province),
                      references=extract_references(doc, own_number=meta.number),
                      warnings=list(doc.warnings))
