"""Writers: the schema's JSON, and a readable summary for the terminal."""
from __future__ import annotations

import io

from .records import Extraction

MAX_ROWS = 40


def _short(text: str | None, n: int = 60) -> str:
    text = text or ""
    return text if len(text) <= n else text[: n - 1] + "…"


def summary_table(result: Extraction) -> str:
    """A short human-readable view of one document's records (`--format table`)."""
    from rich.console import Console
    from rich.table import Table

    console = Console(record=True, width=140, file=io.StringIO())
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


# ------------------------------------------------------------------ tables for analysts

FORMATS = ("parquet", "csv", "jsonl", "xlsx")


def _flat(frame):
    """Lists as text for formats without list columns (CSV: JSON arrays; Excel: '; ')."""
    import json
    out = frame.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, list)).any():
            out[col] = out[col].map(lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v)
    return out


def check_formats(formats) -> None:
    """Refuse unknown formats before any work is done."""
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown output format(s): {', '.join(sorted(unknown))}; use {', '.join(FORMATS)}")


def write_frames(frames: dict, out_dir, formats=("parquet",)) -> list:
    """Write one file per record type (and format), or one Excel workbook with a sheet per
    record type; every file is written whole or not at all."""
    from pathlib import Path

    from .batch import write_atomically
    check_formats(formats)
    out_dir = Path(out_dir)
    written = []
    for fmt in formats:
        if fmt == "xlsx":
            buffer = io.BytesIO()
            import pandas as pd
            with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
                for name, frame in frames.items():
                    _flat(frame).to_excel(writer, sheet_name=name[:31], index=False)
            path = out_dir / "planextract.xlsx"
            write_atomically(path, buffer.getvalue())
            written.append(path)
            continue
        for name, frame in frames.items():
            path = out_dir / f"{name}.{fmt}"
            if fmt == "parquet":
                buffer = io.BytesIO()
                frame.to_parquet(buffer, index=False)
                data = buffer.getvalue()
            elif fmt == "csv":
                data = _flat(frame).to_csv(index=False)
            else:
                data = frame.to_json(orient="records", lines=True, force_ascii=False)
            write_atomically(path, data)
            written.append(path)
    return written
