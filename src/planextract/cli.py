"""The command line, thin over the library: `planextract extract FILE --format json`."""
from __future__ import annotations

import argparse
import os
import sys

from ._version import __version__
from .errors import PlanextractError


def _limits(args: argparse.Namespace):
    """The limits the command line sets (the environment's and the defaults for the rest)."""
    from .limits import SETTINGS, Limits
    try:
        return Limits.from_env(**{s.field: getattr(args, s.field, None) for s in SETTINGS})
    except ValueError as err:
        raise PlanextractError(None, str(err)) from None


def _extract(args: argparse.Namespace) -> int:
    from .api import extract
    result = extract(args.file, ocr=not args.no_ocr, table_engine=args.table_engine, limits=_limits(args))
    if args.format == "json":
        print(result.to_json())
    else:
        from .outputs import summary_table
        print(summary_table(result), end="")
    return 0


def _load(args: argparse.Namespace) -> int:
    from .ingest import load
    doc = load(args.file, ocr=not args.no_ocr, table_engine=args.table_engine, limits=_limits(args))
    print(doc)
    for block in doc.blocks:
        number = f"{block.number} " if block.number and not block.text.startswith(block.number) else ""
        print(f"p{block.page or '-'} {block.kind:9} L{block.level or '-'} {number}{block.text[:100]}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .evaluate import NoGold, SPLITS, as_json, evaluate, format_report, split_files
    gold = Path(args.gold)
    if not gold.is_dir():
        print(f"planextract: error: {gold}: no such gold folder", file=sys.stderr)
        return 2
    if args.loo:
        return _loo(args)
    if args.files:
        runs = [("files", _named_files(args.files), True)]
    else:
        splits = SPLITS if args.split == "all" else (args.split,)
        runs = [(split, split_files(split, Path(args.corpus), gold), False) for split in splits]
    out = {}
    for split, files, named in runs:
        if not files:
            print(f"planextract: error: {split}: no documents to score", file=sys.stderr)
            return 2
        try:
            report = evaluate(files, gold, require_gold=named)
        except NoGold as err:
            print(f"planextract: error: {err}", file=sys.stderr)
            return 2
        # The sealed test split shows totals only, so that nobody tunes rules to its records.
        sealed = split == "test" and not args.show_errors
        if args.json:
            out[split] = report.to_dict(per_document=True)
            continue
        print(f"#### {split} ({len(files)} files)")
        print(format_report(report, show_misses=not (args.quiet or sealed), per_document=True))
    if args.json:
        import json
        print(json.dumps(out, ensure_ascii=False, indent=2))
    if args.entities:
        _entities(args)
    return 0


def _named_files(names: list[str]):
    """Files named on the command line; a folder stands for the documents in it."""
    from pathlib import Path

    from .evaluate import DOCUMENT_SUFFIXES
    files = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in DOCUMENT_SUFFIXES)
        else:
            files.append(path)
    return files


def _entities(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .evaluate import entity_scores, format_entity_table
    from .nlp import model_path, using_model
    columns = {"rules": None}
    if model_path() is not None:
        columns[f"rules+{model_path().name}"] = model_path()
    scores = {}
    for name, model in columns.items():
        with using_model(model):
            scores[name] = entity_scores(Path(args.gold))
    print("== entities (exact spans, documents the model may have been trained on)")
    print(format_entity_table(scores))
    return 0


def _loo(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from .evaluate import format_entity_table, leave_one_out
    result = leave_one_out(Path(args.gold), progress=lambda m: print(m, file=sys.stderr))
    if args.json:
        print(json.dumps({k: ({label: s.summary() for label, s in v.items()} if isinstance(v, dict) else v)
                          for k, v in result.items()}, ensure_ascii=False, indent=1))
        return 0
    print("== leave-one-document-out (train on the others, score the one left out; summed)")
    print(format_entity_table({"rules": result["rules"], "rules+model": result["rules+model"]}))
    for fold in result["folds"]:
        print(f"fold {fold['document']}: ALL F1 rules {fold['rules'].get('ALL', 0):.3f}, "
              f"rules+model {fold['rules+model'].get('ALL', 0):.3f} (trained in {fold['train_seconds']} s)")
    return 0


def _train(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .batch import check_writable_folder
    from .nlp import DEFAULT_MODEL
    from .train import train
    args.out = args.out or str(DEFAULT_MODEL)
    check_writable_folder(Path(args.out))  # before a minute of training, not after
    info = train(args.annotations, args.out, exclude=tuple(args.exclude), quiet=args.quiet)
    scores = info["dev_scores"]
    print(f"trained on {info['train_units']} units, scored on {info['dev_units']} held-out units "
          f"in {info['seconds']} s: P {scores['ents_p']:.3f} R {scores['ents_r']:.3f} F1 {scores['ents_f']:.3f}")
    for label, s in sorted(scores["per_label"].items()):
        print(f"  {label:10} P {s['p']:.3f} R {s['r']:.3f} F1 {s['f']:.3f}")
    print(f"model written to {args.out}")
    return 0


def _annotate_export(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from .annotate import label_studio_tasks, model_version
    from .batch import check_writable_file, write_atomically
    from .ingest import load
    check_writable_file(Path(args.out))
    tasks = []
    for file in args.files:
        tasks += label_studio_tasks(load(file, limits=_limits(args)), model_version=model_version())
    write_atomically(Path(args.out), json.dumps(tasks, ensure_ascii=False, indent=1))
    print(f"{args.out}: {len(tasks)} tasks from {len(args.files)} document(s); "
          f"labeling config: annotations/label-studio.xml")
    return 0


def _annotate_import(args: argparse.Namespace) -> int:
    import json

    from .annotate import import_label_studio
    try:
        export = json.loads(open(args.export, encoding="utf-8").read())
    except (OSError, ValueError) as err:
        raise PlanextractError(args.export, f"not a Label Studio JSON export ({err})") from None
    except RecursionError:
        raise PlanextractError(args.export, "not a Label Studio JSON export (nested too deep)") from None
    if not isinstance(export, list):
        raise PlanextractError(args.export, "not a Label Studio JSON export (expected a list of tasks)")
    try:
        report = import_label_studio(export, args.annotations, include_predictions=args.include_predictions,
                                     docbin=args.docbin)
    except ValueError as err:
        raise PlanextractError(args.export, str(err)) from None
    for path, n in report.documents.items():
        print(f"{path}: {n} unit(s) imported")
    if report.skipped:
        print(f"{report.skipped} task(s) without a completed annotation skipped")
    if args.docbin:
        print(f"{args.docbin}: all entity gold as a spaCy DocBin")
    return 0


def _annotate_next(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from .annotate import label_studio_tasks, model_version, next_batch
    from .batch import check_writable_file, find_inputs, write_atomically
    from .ingest import load
    if args.out:
        check_writable_file(Path(args.out))
    paths = [p for item in args.inputs for p in (find_inputs(Path(item)) if Path(item).is_dir() else [Path(item)])]
    documents = [load(p, limits=_limits(args)) for p in paths]
    batch = next_batch(documents, args.n)
    for c in batch:
        print(f"{c.uncertainty:.3f}  {c.source}:{c.start}-{c.end}  {c.text[:90]}")
    if args.out:
        wanted = {(c.source, c.start) for c in batch}
        tasks = [t for d in documents for t in label_studio_tasks(d, model_version=model_version())
                 if (t["data"]["source"], t["data"]["unit_start"]) in wanted]
        write_atomically(Path(args.out), json.dumps(tasks, ensure_ascii=False, indent=1))
        print(f"{args.out}: {len(tasks)} Label Studio tasks")
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
        from rich.text import Text
        status = "ok" if result["ok"] else f"FAILED: {result['error']}"
        # Text, not a string: file names and messages are shown as they are ("[2022]" is no
        # markup); soft_wrap: one line per file however long its name (no line breaks in it).
        self.bar.console.print(Text(f"{result['source']}: {status} ({result['seconds']:.1f} s)"), soft_wrap=True)
        self.bar.advance(self.task)

    def stop(self) -> None:
        self.bar.stop()


def _batch(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .batch import check_writable_folder, return_big_buffers_to_os, run_batch
    if not Path(args.input_dir).is_dir():
        print(f"planextract: error: {args.input_dir}: no such folder", file=sys.stderr)
        return 2
    return_big_buffers_to_os()  # this process is ours: it may be the one worker
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    try:
        from .outputs import check_formats
        check_formats(formats)
    except ValueError as err:
        print(f"planextract: error: --format: {err}", file=sys.stderr)
        return 2
    check_writable_folder(Path(args.out))
    limits = _limits(args)
    progress = _RichProgress()
    try:
        summary = run_batch(Path(args.input_dir), Path(args.out), workers=args.workers,
                            formats=formats, force=args.force, progress=progress, engine=args.engine,
                            scheduler=args.scheduler, limits=limits)
    finally:
        progress.stop()
    for line in summary.lines():
        print(line)
    for failure in summary.failed:
        print(f"failed: {failure['error']}", file=sys.stderr)
    return 1 if summary.failed else 0


def _report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .batch import check_writable_file
    from .report import write_report
    check_writable_file(Path(args.out))  # before the plan is read (write_report checks too)
    n = write_report(args.file, args.out, limits=_limits(args))
    print(f"{args.out}: {n} records drawn")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="planextract", description=__doc__)
    parser.add_argument("--version", action="version", version=f"planextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def add_limit_options(p: argparse.ArgumentParser) -> None:
        from .limits import SETTINGS
        for s in SETTINGS:  # default None: then the environment's value, else the default
            p.add_argument(s.flag, dest=s.field, type=s.kind, metavar="N",
                           help=f"{s.help} (default: ${s.env}, else {s.default:g} {s.unit})")

    def add_input_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", help="a plan: PDF (text or scanned), DOCX, HTML or text")
        add_limit_options(p)
        p.add_argument("--no-ocr", action="store_true", help="do not OCR scanned PDFs")
        p.add_argument("--table-engine", choices=["pdfplumber", "camelot"], default="pdfplumber",
                       help="who finds ruled tables in PDFs (camelot: lattice)")

    def add_model_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--model", help="the trained NER to use, or 'none' for rules alone "
                                       "(default: $PLANEXTRACT_MODEL, else models/planextract-ner when present)")

    p = sub.add_parser("extract", help="extract the records of one plan")
    add_input_options(p)
    p.add_argument("--format", choices=["json", "table"], default="json")
    add_model_option(p)
    p.set_defaults(func=_extract)

    p = sub.add_parser("batch", help="extract every plan below a folder into tables")
    p.add_argument("input_dir")
    p.add_argument("--out", required=True, help="output folder (records/, tables, errors.jsonl)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--format", default="parquet", help="comma-separated: parquet,csv,jsonl,xlsx")
    p.add_argument("--force", action="store_true", help="re-run files whose content has not changed")
    p.add_argument("--engine", choices=["processes", "dask"], default="processes")
    p.add_argument("--scheduler", help="a Dask scheduler address (default: a LocalCluster)")
    add_limit_options(p)
    add_model_option(p)
    p.set_defaults(func=_batch)

    p = sub.add_parser("report", help="one self-contained HTML page: text with highlights, tables")
    p.add_argument("file")
    p.add_argument("--out", required=True, help="the HTML file to write")
    add_limit_options(p)
    p.set_defaults(func=_report)

    p = sub.add_parser("eval", help="score extraction against gold annotations")
    p.add_argument("files", nargs="*", help="documents to score (default: every file of --corpus with gold)")
    p.add_argument("--gold", default="annotations", help="folder of gold JSON files")
    p.add_argument("--corpus", default="corpus", help="folder scored when no files are named")
    p.add_argument("--split", default="all", choices=["seeds", "dev", "test", "all"],
                   help="which documents of annotations/splits.json to score (default: all, each split apart)")
    p.add_argument("--show-errors", action="store_true",
                   help="list misses and extras of the sealed test split too (only for those who write no rules)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--quiet", action="store_true", help="do not list misses")
    p.add_argument("--entities", action="store_true",
                   help="also score entity spans per label against annotations/entities/")
    p.add_argument("--loo", action="store_true",
                   help="leave-one-document-out: train on the other documents, score the one left out")
    add_model_option(p)
    p.set_defaults(func=_eval)

    p = sub.add_parser("train", help="train the NER from annotations/entities/ into models/")
    p.add_argument("--annotations", default="annotations")
    p.add_argument("--out", help="where to write the trained pipeline (default: models/planextract-ner)")
    p.add_argument("--exclude", action="append", default=[], metavar="NAME",
                   help="leave this document (file stem) out of training; repeatable")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=_train)

    annotate = sub.add_parser("annotate", help="the annotation loop with Label Studio").add_subparsers(
        dest="action", required=True)
    p = annotate.add_parser("export", help="Label Studio tasks with pre-annotations")
    p.add_argument("files", nargs="+")
    p.add_argument("--out", required=True, help="the tasks JSON to import into Label Studio")
    add_limit_options(p)
    add_model_option(p)
    p.set_defaults(func=_annotate_export)
    p = annotate.add_parser("import", help="a Label Studio JSON export into annotations/")
    p.add_argument("export")
    p.add_argument("--annotations", default="annotations")
    p.add_argument("--include-predictions", action="store_true",
                   help="also take the predictions of tasks nobody annotated (not reviewed: off by default)")
    p.add_argument("--docbin", help="also write all entity gold as a spaCy DocBin here")
    p.set_defaults(func=_annotate_import)
    p = annotate.add_parser("next", help="the paragraphs the model is least sure of")
    p.add_argument("inputs", nargs="+", help="plans, or folders of plans")
    p.add_argument("--n", type=int, default=20)
    p.add_argument("--out", help="also write them as Label Studio tasks here")
    add_limit_options(p)
    add_model_option(p)
    p.set_defaults(func=_annotate_next)

    p = sub.add_parser("blocks", help="show the blocks a reader found (for debugging readers)")
    add_input_options(p)
    p.set_defaults(func=_load)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "model", None):
        os.environ["PLANEXTRACT_MODEL"] = args.model  # read by nlp.model_path(); batch workers inherit it
    try:
        return args.func(args)
    except PlanextractError as err:
        print(f"planextract: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("planextract: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # a bug: one line that says so, the traceback only when asked
        if os.environ.get("PLANEXTRACT_DEBUG"):
            raise
        where = getattr(args, "file", None) or getattr(args, "input_dir", None) or getattr(args, "export", None)
        problem = " ".join(str(err).split())
        print(f"planextract: internal error{f' on {where}' if where else ''}: {type(err).__name__}: {problem} "
              "(a bug: please report it; PLANEXTRACT_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
