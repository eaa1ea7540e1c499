"""Writers: the schema's JSON, a readable summary for the terminal, Markdown, an HTML view
for notebooks, and the tables for analysts (Parquet, CSV, JSONL, Excel) with the column
types of `records.schema`, which `read_table` restores from any of them."""
from __future__ import annotations

import html
import io
import json

from .records import Extraction

MAX_ROWS = 40
HTML_ROWS = 10


def _short(text: str | None, n: int = 60) -> str:
    text = text or ""
    return text if len(text) <= n else text[: n - 1] + "…"


def summary_table(result: Extraction, width: int | None = None) -> str:
    """A short human-readable view of one document's records (`--format table`), as wide as
    the terminal (or $COLUMNS; 120 when there is neither)."""
    import shutil

    from rich.console import Console
    from rich.table import Table

    width = width or shutil.get_terminal_size((120, 24)).columns
    console = Console(record=True, width=width, file=io.StringIO())
    meta = Table(title=f"{result.document.source}", show_header=False)
    for key, value in vars(result.document).items():
        meta.add_row(key, "" if value is None else str(value))
    console.print(meta)

    targets = Table(title=f"targets ({len(result.targets)})")
    for col in ("year", "indicator", "target", "national id", "lead"):
        targets.add_column(col, overflow="fold")
    for t in result.targets[:MAX_ROWS]:
        value = f"{t.value:g}-{t.value_max:g}" if t.value_max is not None else f"{t.value:g}"
        targets.add_row(str(t.year or ""), _short(t.indicator), f"{t.comparator} {value} {t.unit}",
                        t.indicator_id or "", _short(", ".join(t.lead), 40))
    console.print(targets)

    tasks = Table(title=f"tasks ({len(result.tasks)})")
    for col in ("number", "task", "lead", "partners", "time"):
        tasks.add_column(col, overflow="fold")
    for t in result.tasks[:MAX_ROWS]:
        tasks.add_row(t.number or "", _short(t.text), _short(", ".join(t.lead), 40),
                      _short(", ".join(t.partners), 40), t.timeframe or "")
    console.print(tasks)

    refs = Table(title=f"references ({len(result.references)})")
    for col in ("doc_type", "number", "issued_date", "issuer", "title"):
        refs.add_column(col, overflow="fold")
    for r in result.references:
        refs.add_row(r.doc_type or "", r.number, r.issued_date or "", r.issuer or "", _short(r.title))
    console.print(refs)

    counts = ", ".join(f"{name}: {len(getattr(result, name))}"
                       for name in ("targets", "tasks", "references", "deadlines"))
    console.print(counts)
    for w in result.warnings:
        console.print(f"warning: {w}")
    return console.export_text()


def _cell(value) -> str:
    """A value as one Markdown table cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    elif isinstance(value, float):
        value = f"{value:g}"
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


MARKDOWN_COLUMNS = {
    "targets": ("year", "indicator", "comparator", "value", "value_max", "unit", "lead", "partners", "indicator_id"),
    "tasks": ("number", "group", "text", "lead", "partners", "timeframe"),
    "references": ("doc_type", "number", "issued_date", "issuer", "title"),
    "deadlines": ("text", "due_date", "recurrence", "agencies"),
}


def markdown(result: Extraction) -> str:
    """The document and every record as Markdown tables (`--format markdown`)."""
    from dataclasses import asdict
    lines = [f"# {_cell(result.document.title or result.document.source)}", "", "| field | value |", "| --- | --- |"]
    lines += [f"| {key} | {_cell(value)} |" for key, value in asdict(result.document).items()]
    for name, columns in MARKDOWN_COLUMNS.items():
        records = getattr(result, name)
        lines += ["", f"## {name} ({len(records)})", ""]
        if not records:
            continue
        lines += ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
        lines += ["| " + " | ".join(_cell(getattr(r, c)) for c in columns) + " |" for r in records]
    if result.warnings:
        lines += ["", "## warnings", ""] + [f"- {_cell(w)}" for w in result.warnings]
    return "\n".join(lines) + "\n"


def extraction_html(result: Extraction) -> str:
    """A notebook's view of a result: the document's fields, the counts, the first rows of
    each record type (the whole record is `result.to_frames()` / `to_json()`)."""
    from dataclasses import asdict
    esc = lambda v: html.escape(_cell(v))  # noqa: E731
    parts = [f"<div><strong>planextract.Extraction</strong> — {esc(result.document.source)}",
             "<table>" + "".join(f"<tr><th style='text-align:left'>{esc(k)}</th><td style='text-align:left'>{esc(v)}</td></tr>"
                                 for k, v in asdict(result.document).items()) + "</table>",
             "<p>" + ", ".join(f"{name}: {len(getattr(result, name))}" for name in MARKDOWN_COLUMNS) + "</p>"]
    for name, columns in MARKDOWN_COLUMNS.items():
        records = getattr(result, name)
        if not records:
            continue
        more = f" (first {HTML_ROWS} of {len(records)})" if len(records) > HTML_ROWS else ""
        head = "".join(f"<th>{esc(c)}</th>" for c in columns)
        rows = "".join("<tr>" + "".join(f"<td style='text-align:left'>{esc(_short(_cell(getattr(r, c)), 80))}</td>"
                                        for c in columns) + "</tr>" for r in records[:HTML_ROWS])
        parts.append(f"<details><summary>{name}{more}</summary><table><tr>{head}</tr>{rows}</table></details>")
    parts += [f"<p>warning: {esc(w)}</p>" for w in result.warnings]
    return "\n".join(parts) + "</div>"


# ------------------------------------------------------------------ tables for analysts

FORMATS = ("parquet", "csv", "jsonl", "xlsx")
WORKBOOK = "planextract.xlsx"


def table_files(fmt: str, tables) -> list[str]:
    """The file names a format writes for these tables."""
    return [WORKBOOK] if fmt == "xlsx" else [f"{name}.{fmt}" for name in tables]


def as_text_table(frame):
    """A table for formats without types: lists as JSON arrays, dates as YYYY-MM-DD."""
    import pandas as pd
    out = lists_as_json(frame)
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d").astype("string")
    return out


def lists_as_json(frame):
    """List columns as JSON arrays (for CSV, JSONL and Excel cells)."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: json.dumps(list(v), ensure_ascii=False)
                                    if isinstance(v, (list, tuple)) else v)
    return out


def check_formats(formats) -> None:
    """Refuse unknown formats before any work is done."""
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown output format(s): {', '.join(sorted(unknown))}; use {', '.join(FORMATS)}")


def table_bytes(frame, fmt: str) -> bytes | str:
    """One table in one format (not xlsx: a workbook holds every table)."""
    if fmt == "parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        return buffer.getvalue()
    if fmt == "csv":
        return as_text_table(frame).to_csv(index=False)
    if fmt == "jsonl":
        return as_text_table(frame).to_json(orient="records", lines=True, force_ascii=False)
    raise ValueError(f"unknown table format {fmt!r}")


def write_frames(frames: dict, out_dir, formats=("parquet",)) -> list:
    """Write one file per table (and format), or one Excel workbook with a sheet per table;
    every file is written whole or not at all."""
    from pathlib import Path

    from .batch import write_atomically
    check_formats(formats)
    out_dir = Path(out_dir)
    written = []
    for fmt in formats:
        if fmt == "xlsx":
            buffer = io.BytesIO()
            import pandas as pd
            with pd.ExcelWriter(buffer, engine="openpyxl", date_format="YYYY-MM-DD",
                                datetime_format="YYYY-MM-DD") as writer:
                for name, frame in frames.items():
                    # Dates stay dates: Excel has them.
                    lists_as_json(frame).to_excel(writer, sheet_name=name[:31], index=False)
            path = out_dir / WORKBOOK
            write_atomically(path, buffer.getvalue())
            written.append(path)
            continue
        for name, frame in frames.items():
            path = out_dir / f"{name}.{fmt}"
            write_atomically(path, table_bytes(frame, fmt))
            written.append(path)
    return written



def read_table(path, table: str | None = None):
    """A table written by `write_frames` (or `batch`) read back with its schema's column
    types: Parquet as written, CSV / JSONL / the Excel sheet `table` converted. `table`
    defaults to the file's name ("targets.csv" → targets)."""
    from pathlib import Path

    import pandas as pd

    from .records import schema, typed_frame
    path = Path(path)
    fmt = path.suffix.lstrip(".").lower()
    table = table or path.stem
    columns = schema(table)
    if fmt == "parquet":
        frame = pd.read_parquet(path)
    elif fmt == "csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    elif fmt == "jsonl":
        frame = pd.read_json(path, lines=True, dtype=False) if path.stat().st_size \
            else pd.DataFrame(columns=list(columns))
    elif fmt == "xlsx":
        frame = pd.read_excel(path, sheet_name=table, dtype=object)
    else:
        raise ValueError(f"{path}: not a table planextract writes ({', '.join(FORMATS)})")
    return typed_frame(frame, table)
