"""Writers: the schema's JSON, and a readable summary for the terminal."""
from __future__ import annotations

import io

from .records import Extraction


def summary_table(result: Extraction) -> str:
    """A short human-readable view of one document's records (`--format table`)."""
    from rich.console import Console
    from rich.table import Table

    console = Console(record=True, width=120, file=io.StringIO())
    meta = Table(title=f"{result.document.source}", show_header=False)
    for key, value in vars(result.document).items():
        meta.add_row(key, "" if value is None else str(value))
    console.print(meta)
    refs = Table(title=f"references ({len(result.references)})")
    for col in ("doc_type", "number", "issued_date", "issuer", "title"):
        refs.add_column(col, overflow="fold")
    for r in result.references:
        refs.add_row(r.doc_type or "", r.number, r.issued_date or "", r.issuer or "", (r.title or "")[:60])
    console.print(refs)
    counts = ", ".join(f"{name}: {len(getattr(result, name))}"
                       for name in ("targets", "tasks", "references", "deadlines"))
    console.print(counts)
    for w in result.warnings:
        console.print(f"warning: {w}")
    return console.export_text()
