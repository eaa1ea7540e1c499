"""The command line, thin over the library: `planextract extract FILE --format json`."""
from __future__ import annotations

import argparse
import os
import sys

from ._version import __version__
from .errors import PlanextractError


def _extract(args: argparse.Namespace) -> int:
    from .api import extract
    result = extract(args.file, max_pages=args.max_pages, ocr=not args.no_ocr, table_engine=args.table_engine)
    if args.format == "json":
        print(result.to_json())
    else:
        from .outputs import summary_table
        print(summary_table(result), end="")
    return 0


def _load(args: argparse.Namespace) -> int:
    from .ingest import load
    doc = load(args.file, max_pages=args.max_pages, ocr=not args.no_ocr, table_engine=args.table_engine)
    print(doc)
    for block in doc.blocks:
        number = f"{block.number} " if block.number and not block.text.startswith(block.number) else ""
        print(f"p{block.page or '-'} {block.kind:9} L{block.level or '-'} {number}{block.text[:100]}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .evaluate import as_json, evaluate, format_report
    gold = Path(args.gold)
    if not gold.is_dir():
        print(f"planextract: error: {gold}: no such gold folder", file=sys.stderr)
        return 2
    files = [Path(f) for f in args.files] or sorted(
        p for p in Path(args.corpus).iterdir() if p.suffix in {".txt", ".pdf", ".docx", ".html"})
    report = evaluate(files, gold)
    print(as_json(report) if args.json else format_report(report, show_misses=not args.quiet))
    return 0


class _RichProgress:
    """A progress bar with an ETA and a line per file (to stderr)."""

    def __init__(self):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
        self.console = Console(stderr=True)
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), console=self.console)
        self.task = None

    def start(self, total: int, cached: int) -> None:
        if cached:
            self.console.print(f"{cached} file(s) unchanged since the last run: skipped")
        self.bar.start()
        self.task = self.bar.add_task("extracting", total=total)

    def advance(self, result: dict) -> None:
        status = "ok" if result["ok"] else f"FAILED: {result['error']}"
        self.bar.console.print(f"{result['source']}: {status} ({result['seconds']:.1f} s)")
        self.bar.advance(self.task)

    def stop(self) -> None:
        self.bar.stop()


def _batch(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .batch import run_batch
    if not Path(args.input_dir).is_dir():
        print(f"planextract: error: {args.input_dir}: no such folder", file=sys.stderr)
        return 2
    progress = _RichProgress()
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    try:
        from .outputs import check_formats
        check_formats(formats)
    except ValueError as err:
        print(f"planextract: error: --format: {err}", file=sys.stderr)
        return 2
    try:
        summary = run_batch(Path(args.input_dir), Path(args.out), workers=args.workers,
                            formats=formats,
                            force=args.force, progress=progress, engine=args.engine, scheduler=args.scheduler)
    finally:
        progress.stop()
    for line in summary.lines():
        print(line)
    for failure in summary.failed:
        print(f"failed: {failure['error']}", file=sys.stderr)
    return 1 if summary.failed else 0


def _report(args: argparse.Namespace) -> int:
    from .report import write_report
    n = write_report(args.file, args.out)
    print(f"{args.out}: {n} records drawn")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planextract", description=__doc__)
    parser.add_argument("--version", action="version", version=f"planextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def add_input_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", help="a plan: PDF (text or scanned), DOCX, HTML or text")
        p.add_argument("--max-pages", type=int, default=1000, help="refuse PDFs longer than this")
        p.add_argument("--no-ocr", action="store_true", help="do not OCR scanned PDFs")
        p.add_argument("--table-engine", choices=["pdfplumber", "camelot"], default="pdfplumber",
                       help="who finds ruled tables in PDFs (camelot: lattice)")

    p = sub.add_parser("extract", help="extract the records of one plan")
    add_input_options(p)
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.set_defaults(func=_extract)

    p = sub.add_parser("batch", help="extract every plan below a folder into tables")
    p.add_argument("input_dir")
    p.add_argument("--out", required=True, help="output folder (records/, tables, errors.jsonl)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--format", default="parquet", help="comma-separated: parquet,csv,jsonl,xlsx")
    p.add_argument("--force", action="store_true", help="re-run files whose content has not changed")
    p.add_argument("--engine", choices=["processes", "dask"], default="processes")
    p.add_argument("--scheduler", help="a Dask scheduler address (default: a LocalCluster)")
    p.set_defaults(func=_batch)

    p = sub.add_parser("report", help="one self-contained HTML page: text with highlights, tables")
    p.add_argument("file")
    p.add_argument("--out", required=True, help="the HTML file to write")
    p.set_defaults(func=_report)

    p = sub.add_parser("eval", help="score extraction against gold annotations")
    p.add_argument("files", nargs="*", help="documents to score (default: every file of --corpus with gold)")
    p.add_argument("--gold", default="annotations", help="folder of gold JSON files")
    p.add_argument("--corpus", default="corpus", help="folder scored when no files are named")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--quiet", action="store_true", help="do not list misses")
    p.set_defaults(func=_eval)

    p = sub.add_parser("blocks", help="show the blocks a reader found (for debugging readers)")
    add_input_options(p)
    p.set_defaults(func=_load)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except PlanextractError as err:
        print(f"planextract: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("planextract: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
