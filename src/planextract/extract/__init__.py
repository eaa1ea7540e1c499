"""Extractors: one module per record type. The document record is read first (its title
scopes the whole text); the analysis pass (`planextract.analyze`) is made once and every
other extractor reads it."""
from __future__ import annotations

from ..document import Document
from ..ingest.page_kind import mark_page
from ..records import Extraction
from .deadlines import extract_deadlines
from .metadata import extract_metadata
from .references import extract_references
from .targets import extract_targets
from .tasks import extract_tasks, prose_tasks_of


def extract_document(doc: Document) -> Extraction:
    """All records of one Document."""
    doc = mark_page(doc)  # page kind and warnings; extractors read no site boilerplate
    from ..analyze import analyze
    meta = extract_metadata(doc)
    analysis = analyze(doc, meta.title, meta.issued_date)
    tasks = extract_tasks(analysis, meta.province)
    return Extraction(document=meta,
                      targets=extract_targets(analysis, province=meta.province),
                      tasks=tasks,
                      references=extract_references(doc, own_number=meta.number),
                      deadlines=extract_deadlines(doc, prose_tasks_of(tasks), meta.province),
                      warnings=list(doc.warnings))
