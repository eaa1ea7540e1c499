"""Extractors: one module per record type, each a function of a Document."""
from __future__ import annotations

from ..document import Document
from ..ingest.page_kind import mark_page
from ..records import Extraction
from .metadata import extract_metadata
from .references import extract_references
from .targets import extract_targets
from .deadlines import extract_deadlines
from .tasks import prose_tasks, table_tasks


def extract_document(doc: Document) -> Extraction:
    """All records of one Document."""
    doc = mark_page(doc)  # page kind and warnings; extractors read no site boilerplate
    meta = extract_metadata(doc)
    prose = prose_tasks(doc, meta.province)
    return Extraction(document=meta,
                      targets=extract_targets(doc, province=meta.province),
                      tasks=table_tasks_of(doc, meta.province) + prose,
                      references=extract_references(doc, own_number=meta.number),
                      deadlines=extract_deadlines(doc, prose, meta.province),
                      warnings=list(doc.warnings))


def table_tasks_of(doc: Document, province: str | None) -> list:
    return [task for block in doc.tables() for task in table_tasks(doc, block, province)]
