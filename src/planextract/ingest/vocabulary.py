"""The words ingestion needs to see structure, read from the data files."""
from ..lexicon import doc_type_lines, is_layout_cell, looks_like_time_cell, table_first_headers

DOC_TYPE_LINES = doc_type_lines()
TABLE_FIRST_HEADERS = table_first_headers()

__all__ = ["DOC_TYPE_LINES", "TABLE_FIRST_HEADERS", "is_layout_cell", "looks_like_time_cell"]
