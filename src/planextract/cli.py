"""The command line, thin over the library: `planextract extract FILE --format json`.

Built on typer: every option has help and a shown default (`planextract COMMAND --help`).
Each command imports what it needs when it runs, so that `extract` does not pay for pandas
and `--help` pays for nothing. Errors are one line on stderr (`planextract: error: FILE:
problem`, exit 2); so is a bug (`planextract: internal error on FILE: …`, exit 3;
PLANEXTRACT_DEBUG=1 shows its traceback); a reader that closes the pipe (`planextract
extract … | head -1`) ends the run quietly. The limits of `limits.py` are a `--max-*`
option of every command that reads plans.
"""
import enum
import functools
import inspect
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ._version import __version__
from .errors import PlanextractError
from .limits import SETTINGS
from .records import TABLES

app = typer.Typer(name="planextract", add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Structured records (targets, tasks, deadlines, references) from Vietnamese provincial plans.")
annotate_app = typer.Typer(no_args_is_help=True, help="The annotation loop with Label Studio.")
app.add_typer(annotate_app, name="annotate")

MODEL_HELP = "a trained pipeline's folder, or 'none' for the rules alone"
PROJECT_HELP = "the project folder: annotations/ (gold), corpus/, models/ are looked for in it"


class OutputFormat(str, enum.Enum):
    json = "json"
    table = "table"
    csv = "csv"
    markdown = "markdown"


TableName = enum.Enum("TableName", {name: name for name in TABLES}, type=str)  # the tables of records.py


class TableEngine(str, enum.Enum):
    pdfplumber = "pdfplumber"
    camelot = "camelot"


class Engine(str, enum.Enum):
    processes = "processes"
    dask = "dask"


_input: Optional[str] = None  # the file or folder the command works on, for the message of a bug


def _noted(value):
    """Remember the command's input (an argument's callback), so that a bug names it."""
    global _input
    if value is not None:
        _input = str(value)
    return value


# Options shared by several commands.
FileArg = Annotated[Path, typer.Argument(help="a plan: PDF (text or scanned), DOCX, HTML, text, or a page image "
                                              "(PNG, JPEG, TIFF)", show_default=False, callback=_noted)]
NoOcr = Annotated[bool, typer.Option("--no-ocr", help="do not OCR scanned PDFs and images")]
TableEngineOpt = Annotated[TableEngine, typer.Option(help="who finds ruled tables in PDFs (camelot: lattice)")]
ModelOpt = Annotated[Optional[str], typer.Option(help=MODEL_HELP, envvar="PLANEXTRACT_MODEL",
                                                             show_default="the pipeline shipped with planextract")]
ProjectOpt = Annotated[Path, typer.Option(help=PROJECT_HELP, show_default="the current directory")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="write to this file instead of stdout",
                                                   show_default=False)]


def _version(value: bool) -> None:
    if value:
        print(f"planextract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="print the version and exit")] = False) -> None:
    pass


def _use_model(model: Optional[str]) -> None:
    """--model for this run; batch workers inherit it through the environment."""
    if model:
        from .model_choice import MODEL_ENV, require_model, set_model
        require_model(model)
        set_model(model)
        os.environ[MODEL_ENV] = model


def _warn_if_no_model() -> None:
    """For commands whose results are files: the missing-model warning, once, on stderr."""
    from .model_choice import missing_model_warning
    message = missing_model_warning()
    if message:
        _warn(message)


def _emit(text: str, output: Optional[Path]) -> None:
    """The command's output, to stdout or (whole, atomically) to --output."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()  # here, so that a closed pipe is seen inside main()
        return
    from .batch import write_atomically
    write_atomically(output, text)
    print(f"{output}: written", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"planextract: warning: {message}", file=sys.stderr)


def with_limit_options(command):
    """Give a command whose last parameter is `limits` a --max-* option for each limit of
    `limits.SETTINGS`; it is called with the Limits they set (the environment's and the
    defaults for the rest)."""
    options = [inspect.Parameter(
        s.field, inspect.Parameter.KEYWORD_ONLY, default=None,
        annotation=Annotated[Optional[s.kind], typer.Option(
            s.flag, metavar="N", help=s.help, rich_help_panel="Limits",
            show_default=f"${s.env}, else {s.default:,g} {s.unit}")])
        for s in SETTINGS]
    signature = inspect.signature(command)
    parameters = [p for p in signature.parameters.values() if p.name != "limits"]

    @functools.wraps(command)
    def run(**kwargs):
        given = {s.field: kwargs.pop(s.field) for s in SETTINGS}
        return command(**kwargs, limits=_limits(given))
    run.__signature__ = signature.replace(parameters=parameters + options)
    return run


def _limits(given: dict):
    """The limits the command line sets (the environment's and the defaults for the rest)."""
    from .limits import Limits
    try:
        return Limits.from_env(**given)
    except ValueError as err:
        raise PlanextractError(None, str(err)) from None


@app.command()
@with_limit_options
def extract(file: FileArg,
            format: Annotated[OutputFormat, typer.Option("--format", "-f", help="json: the whole record of "
                              "SCHEMA.md; table: a summary; csv: one table (--table); markdown: every record")
                              ] = OutputFormat.json,
            table: Annotated[TableName, typer.Option(help="the table --format csv prints")] = TableName["targets"],
            output: OutputOpt = None, model: ModelOpt = None, no_ocr: NoOcr = False,
            table_engine: TableEngineOpt = TableEngine.pdfplumber, limits=None) -> None:
    """Extract the records of one plan."""
    from .api import extract as run
    _use_model(model)
    result = run(file, ocr=not no_ocr, table_engine=table_engine.value, limits=limits)
    for warning in result.warnings:
        _warn(warning)
    if format is OutputFormat.json:
        text = result.to_json()
    elif format is OutputFormat.table:
        from .outputs import summary_table
        text = summary_table(result)
    elif format is OutputFormat.markdown:
        from .outputs import markdown
        text = markdown(result)
    else:
        from .outputs import table_bytes
        text = table_bytes(result.to_frames()[table.value], "csv")
    _emit(text, output)


@app.command()
@with_limit_options
def blocks(file: FileArg, output: OutputOpt = None, no_ocr: NoOcr = False,
           table_engine: TableEngineOpt = TableEngine.pdfplumber, limits=None) -> None:
    """Show the blocks a reader found (to debug a reader)."""
    from .ingest import load
    doc = load(file, ocr=not no_ocr, table_engine=table_engine.value, limits=limits)
    lines = [repr(doc)]
    for block in doc.blocks:
        number = f"{block.number} " if block.number and not block.text.startswith(block.number) else ""
        lines.append(f"p{block.page or '-'} {block.kind:9} L{block.level or '-'} {number}{block.text[:100]}")
    _emit("\n".join(lines), output)


@app.command()
@with_limit_options
def batch(input_dir: Annotated[Path, typer.Argument(help="a folder of plans (searched recursively)", show_default=False,
                                                    callback=_noted)],
          out: Annotated[Path, typer.Option(help="output folder: records/, the tables, errors.jsonl", show_default=False)],
          workers: Annotated[int, typer.Option(help="worker processes", show_default=f"the number of cores, {os.cpu_count() or 1}")
                                               ] = os.cpu_count() or 1,
          format: Annotated[str, typer.Option("--format", help="comma-separated table formats: parquet,csv,jsonl,xlsx; "
                                              "tables of other formats left in OUT by earlier runs are removed")] = "parquet",
          force: Annotated[bool, typer.Option(help="re-extract files whose content has not changed")] = False,
          engine: Annotated[Engine, typer.Option(help="processes on this machine, or a Dask cluster "
                                                 "(needs the 'dask' extra)")] = Engine.processes,
          scheduler: Annotated[Optional[str], typer.Option(help="a Dask scheduler address",
                                                           show_default="a local cluster")] = None,
          model: ModelOpt = None, limits=None) -> None:
    """Extract every plan below a folder into tables (Parquet, CSV, JSONL, Excel). One run at a
    time writes to an OUT; OUT is checked to be writable before any plan is read."""
    from .batch import check_writable_folder, return_big_buffers_to_os, run_batch
    from .outputs import check_formats
    if not input_dir.is_dir():
        raise PlanextractError(str(input_dir), "no such folder")
    formats = tuple(f.strip() for f in format.split(",") if f.strip())
    try:
        check_formats(formats)
    except ValueError as err:
        raise PlanextractError("--format", str(err)) from None
    if engine is Engine.dask:
        _require_extra("dask.distributed", "--engine dask", "dask")
    check_writable_folder(out)
    _use_model(model)
    _warn_if_no_model()
    return_big_buffers_to_os()  # this process is ours: it may be the one worker
    progress = _RichProgress()
    try:
        summary = run_batch(input_dir, out, workers=workers, formats=formats, force=force, progress=progress,
                            engine=engine.value, scheduler=scheduler, limits=limits)
    finally:
        progress.stop()
    for line in summary.lines():
        print(line)
    for failure in summary.failed:
        print(f"failed: {failure['error']}", file=sys.stderr)
    if summary.failed:
        raise typer.Exit(1)


def _require_extra(module: str, option: str, extra: str) -> None:
    """A one-line message, not a traceback, when an optional dependency is missing."""
    import importlib
    try:
        importlib.import_module(module)
    except ImportError:
        raise PlanextractError(option, f"needs the optional extra '{extra}', which is not installed: "
                                       f"pip install 'planextract[{extra}]'") from None


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


@app.command()
@with_limit_options
def report(file: FileArg,
           out: Annotated[Path, typer.Option(help="the HTML file to write", show_default=False)],
           model: ModelOpt = None, limits=None) -> None:
    """One self-contained HTML page: the text with every record highlighted, the tables beside."""
    from .batch import check_writable_file
    from .report import write_report
    check_writable_file(out)  # before the plan is read (write_report checks too)
    _use_model(model)
    _warn_if_no_model()
    n = write_report(file, out, limits=limits)
    print(f"{out}: {n} records drawn")


# ------------------------------------------------------------------ the annotation loop

def _project(project: Optional[Path]) -> Path:
    return (project or Path.cwd()).resolve()


def _folder(given: Optional[Path], default: Path, what: str, project: Path) -> Path:
    """A folder an option names, else the project's; a one-line error saying where it looked."""
    path = given or default
    if not path.is_dir():
        where = "" if given else f" (looked in the project folder {project}; choose another with --project)"
        raise PlanextractError(str(path), f"no {what} here{where}")
    return path


def _in_project(path: Path, project: Path) -> str:
    """A document's name as annotations record it: relative to the project when inside it."""
    try:
        return str(path.resolve().relative_to(project))
    except ValueError:
        return str(path.resolve())


class Split(str, enum.Enum):
    seeds = "seeds"
    dev = "dev"
    test = "test"
    all = "all"


@app.command("eval")
def evaluate(files: Annotated[Optional[list[Path]], typer.Argument(
                 help="documents (or folders of documents) to score; each needs a gold file",
                 show_default="the documents of --split")] = None,
             split: Annotated[Split, typer.Option(help="which documents of GOLD/splits.json to score, each split "
                                                  "on its own; the sealed test split prints totals only")] = Split.all,
             show_errors: Annotated[bool, typer.Option("--show-errors", help="list misses and extras of the sealed "
                                                       "test split too (only for those who write no rules)")] = False,
             project: ProjectOpt = None,
             gold: Annotated[Optional[Path], typer.Option(help="folder of gold JSON files",
                                                          show_default="PROJECT/annotations")] = None,
             corpus: Annotated[Optional[Path], typer.Option(help="folder the splits' documents are in ", show_default="PROJECT/corpus")] = None,
             json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
             quiet: Annotated[bool, typer.Option(help="do not list misses")] = False,
             entities: Annotated[bool, typer.Option(help="also score entity spans per label "
                                                    "against GOLD/entities/")] = False,
             loo: Annotated[bool, typer.Option(help="leave-one-document-out: train on the other documents, "
                                               "score the one left out (minutes)")] = False,
             model: ModelOpt = None) -> None:
    """Score extraction against gold annotations, per split (seeds, dev, sealed test)."""
    from .evaluate import SPLITS, NoGold, evaluate as run, format_report, split_files
    root = _project(project)
    gold = _folder(gold, root / "annotations", "gold folder (annotations/)", root)
    _use_model(model)
    if loo:
        return _loo(gold, root, json)
    if files:
        runs = _named_runs(_named_files(files), gold)
    else:
        corpus = _folder(corpus, root / "corpus", "corpus folder (corpus/)", root)
        names = SPLITS if split is Split.all else (split.value,)
        runs = [(name, split_files(name, corpus, gold), False) for name in names]
    out = {}
    for name, paths, named in runs:
        if not paths and files and any(other for _, other, _ in runs):
            continue  # named files all of one kind (sealed or not)
        if not paths:
            raise PlanextractError(name, "no documents to score")
        try:
            result = run(paths, gold, require_gold=named)
        except NoGold as err:
            raise PlanextractError(str(err.args[0]).split(":")[0], "no gold annotation "
                                   f"(looked for {gold}/<document name>.json)") from None
        # The sealed test split shows totals only, so that nobody tunes rules to its records.
        sealed = name == "test" and not show_errors
        if json:
            out[name] = result.to_dict(per_document=True)
            continue
        print(f"#### {name} ({len(paths)} files)")
        print(format_report(result, show_misses=not (quiet or sealed), per_document=True))
    if json:
        import json as json_module
        print(json_module.dumps(out, ensure_ascii=False, indent=2))
    if entities:
        _entities(gold, root)


def _named_runs(paths: list[Path], gold: Path) -> list[tuple[str, list[Path], bool]]:
    """Named files, with those of the sealed test split scored apart (totals only): naming a
    test document does not unseal it."""
    from .evaluate import load_splits, split_of
    splits = load_splits(gold) if (gold / "splits.json").exists() else {"test": []}
    sealed = [p for p in paths if split_of(p, splits) == "test"] if splits.get("test") else []
    return [("files", [p for p in paths if p not in sealed], True), ("test", sealed, True)]


def _named_files(names: list[Path]) -> list[Path]:
    """Files named on the command line; a folder stands for the documents in it."""
    from .evaluate import DOCUMENT_SUFFIXES
    files = []
    for path in names:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in DOCUMENT_SUFFIXES)
        else:
            files.append(path)
    return files


def _entities(gold: Path, root: Path) -> None:
    from .evaluate import entity_scores, format_entity_table
    from .model_choice import model_path, using_model
    columns = {"rules": None}
    if model_path() is not None:
        columns[f"rules+{model_path().name}"] = model_path()
    scores = {}
    for name, chosen in columns.items():
        with using_model(chosen):
            scores[name] = entity_scores(gold, root=root)
    print("== entities (exact spans, documents the model may have been trained on)")
    print(format_entity_table(scores))


def _loo(gold: Path, root: Path, as_json: bool) -> None:
    import json

    from .evaluate import format_entity_table, leave_one_out
    result = leave_one_out(gold, root=root, progress=lambda m: print(m, file=sys.stderr))
    if as_json:
        print(json.dumps({k: ({label: s.summary() for label, s in v.items()} if isinstance(v, dict) else v)
                          for k, v in result.items()}, ensure_ascii=False, indent=1))
        return
    print("== leave-one-document-out: records (the model of each fold never saw its document)")
    print(f"{'split:records':22} | {'rules alone':>22} | {'rules + model':>22}")
    keys = sorted(k for k in result["rules"] if ":" in k and not k.startswith("record:"))
    for key in keys + ["record:targets", "record:tasks"]:
        a, b = result["rules"][key], result["rules+model"][key]
        print(f"{key.replace('record:', 'all:'):22} | P {a.precision:.3f} R {a.recall:.3f} F1 {a.f1:.3f} | "
              f"P {b.precision:.3f} R {b.recall:.3f} F1 {b.f1:.3f}")
    entities = {system: {k: v for k, v in result[system].items() if ":" not in k} for system in ("rules", "rules+model")}
    if entities["rules"]:
        print("== leave-one-document-out: entity spans of the seeds (exact match)")
        print(format_entity_table({"rules": entities["rules"], "rules+model": entities["rules+model"]}))
    for fold in result["folds"]:
        print(f"fold {fold['document']} ({fold['split']}): targets F1 {fold['rules']['targets']:.3f} → "
              f"{fold['rules+model']['targets']:.3f}, tasks F1 {fold['rules']['tasks']:.3f} → "
              f"{fold['rules+model']['tasks']:.3f}")


@app.command()
def train(project: ProjectOpt = None,
          annotations: Annotated[Optional[Path], typer.Option(help="the gold folder; entity gold is in its entities/ ", show_default="PROJECT/annotations")] = None,
          out: Annotated[Optional[Path], typer.Option(help="where to write the trained pipeline ", show_default="PROJECT/models/planextract-ner")] = None,
          exclude: Annotated[Optional[list[str]], typer.Option(help="leave this document (file stem) out of "
                                                               "training; repeatable", show_default=False)] = None,
          quiet: Annotated[bool, typer.Option(help="no training log on stderr")] = False) -> None:
    """Train the NER from the entity gold into a whole pipeline (tokenizer, ruler, NER)."""
    from .batch import check_writable_folder
    from .train import DEFAULT_OUTPUT, train as run
    root = _project(project)
    annotations = _folder(annotations, root / "annotations", "gold folder (annotations/)", root)
    out = out or root / DEFAULT_OUTPUT
    check_writable_folder(out)  # before a minute of training, not after
    info = run(annotations, out, exclude=tuple(exclude or ()), quiet=quiet, root=root)
    scores = info["dev_scores"]
    print(f"trained on {info['train_units']} units, scored on {info['dev_units']} held-out units "
          f"in {info['seconds']} s: P {scores['ents_p']:.3f} R {scores['ents_r']:.3f} F1 {scores['ents_f']:.3f}")
    for label, s in sorted(scores["per_label"].items()):
        print(f"  {label:10} P {s['p']:.3f} R {s['r']:.3f} F1 {s['f']:.3f}")
    print(f"model written to {out} (use it with --model {out}; the wheel ships "
          f"models/planextract-ner of the repository it is built from)")


@annotate_app.command("export")
@with_limit_options
def annotate_export(files: Annotated[list[Path], typer.Argument(help="plans to annotate", show_default=False)],
                    out: Annotated[Path, typer.Option(help="the tasks JSON to import into Label Studio",
                                                      show_default=False)],
                    project: ProjectOpt = None, model: ModelOpt = None, limits=None) -> None:
    """Label Studio tasks (one per paragraph or table cell) with the pipeline's spans as predictions."""
    import json

    from . import LABEL_STUDIO_CONFIG
    from .annotate import label_studio_tasks, model_version
    from .batch import check_writable_file, write_atomically
    from .ingest import load
    check_writable_file(out)
    _use_model(model)
    root = _project(project)
    tasks = []
    for file in files:
        _noted(file)
        doc = load(file, limits=limits)
        doc.source = _in_project(file, root)
        tasks += label_studio_tasks(doc, model_version=model_version())
    write_atomically(out, json.dumps(tasks, ensure_ascii=False, indent=1))
    print(f"{out}: {len(tasks)} tasks from {len(files)} document(s), sources named relative to {root}; "
          f"labeling config: {LABEL_STUDIO_CONFIG}")


@annotate_app.command("import")
def annotate_import(export: Annotated[Path, typer.Argument(help="a Label Studio JSON export", show_default=False,
                                                           callback=_noted)],
                    project: ProjectOpt = None,
                    annotations: Annotated[Optional[Path], typer.Option(help="the gold folder to write entities/ into ",
                                                                        show_default="PROJECT/annotations")] = None,
                    include_predictions: Annotated[bool, typer.Option(help="also take the predictions of tasks nobody "
                                                                      "annotated (not reviewed)")] = False,
                    docbin: Annotated[Optional[Path], typer.Option(help="also write all entity gold as a spaCy DocBin "
                                                                   "here", show_default=False)] = None) -> None:
    """Read a Label Studio JSON export into the entity gold (annotations/entities/)."""
    import json

    from .annotate import import_label_studio
    root = _project(project)
    annotations = annotations or root / "annotations"
    try:
        data = json.loads(export.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise PlanextractError(str(export), f"not a Label Studio JSON export ({err})") from None
    except RecursionError:
        raise PlanextractError(str(export), "not a Label Studio JSON export (nested too deep)") from None
    if not isinstance(data, list):
        raise PlanextractError(str(export), "not a Label Studio JSON export (expected a list of tasks)")
    try:
        result = import_label_studio(data, annotations, include_predictions=include_predictions, docbin=docbin,
                                     root=root)
    except ValueError as err:
        raise PlanextractError(str(export), str(err)) from None
    for path, n in result.documents.items():
        print(f"{path}: {n} unit(s) imported")
    if result.skipped:
        print(f"{result.skipped} task(s) without a completed annotation skipped")
    if docbin:
        print(f"{docbin}: all entity gold as a spaCy DocBin")


@annotate_app.command("next")
@with_limit_options
def annotate_next(inputs: Annotated[list[Path], typer.Argument(help="plans, or folders of plans", show_default=False)],
                  n: Annotated[int, typer.Option("--n", help="how many paragraphs")] = 20,
                  out: Annotated[Optional[Path], typer.Option(help="also write them as Label Studio tasks here",
                                                              show_default=False)] = None,
                  project: ProjectOpt = None, model: ModelOpt = None, limits=None) -> None:
    """The paragraphs the model is least sure of (uncertainty sampling). Files that cannot be
    read are reported on stderr and skipped (exit code 1)."""
    import json

    from .annotate import label_studio_tasks, model_version, next_batch
    from .batch import check_writable_file, find_inputs, write_atomically
    from .ingest import load
    if out:
        check_writable_file(out)
    _use_model(model)
    root = _project(project)
    paths = [p for item in inputs for p in (find_inputs(item) if item.is_dir() else [item])]
    documents, skipped = [], 0
    for path in paths:
        _noted(path)
        try:
            doc = load(path, limits=limits)
        except PlanextractError as err:
            _warn(f"{err} (skipped)")
            skipped += 1
            continue
        doc.source = _in_project(path, root)
        documents.append(doc)
    if not documents:
        raise PlanextractError(" ".join(map(str, inputs)), "no readable plan to rank")
    chosen = next_batch(documents, n)
    lines = [f"{c.uncertainty:.3f}  {c.source}:{c.start}-{c.end}  {c.text[:90]}" for c in chosen]
    _emit("\n".join(lines), None)
    if out:
        wanted = {(c.source, c.start) for c in chosen}
        tasks = [t for d in documents for t in label_studio_tasks(d, model_version=model_version())
                 if (t["data"]["source"], t["data"]["unit_start"]) in wanted]
        write_atomically(out, json.dumps(tasks, ensure_ascii=False, indent=1))
        print(f"{out}: {len(tasks)} Label Studio tasks")
    if skipped:
        raise typer.Exit(1)


# ------------------------------------------------------------------ running it

def main(argv: Optional[list[str]] = None) -> int:
    import warnings

    import click

    from .errors import ModelMissingWarning
    global _input
    _input = None
    warnings.simplefilter("ignore", ModelMissingWarning)  # the commands print the result's warnings
    try:
        code = app(args=argv, prog_name="planextract", standalone_mode=False)
        sys.stdout.flush()
        return code if isinstance(code, int) else 0
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except PlanextractError as err:
        print(f"planextract: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader has gone (`| head -1`): stop quietly; stdout goes nowhere from now on,
        # so that the interpreter's last flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # what a shell reports for a process ended by SIGPIPE
    except (KeyboardInterrupt, click.exceptions.Abort):
        print("planextract: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # a bug: one line that says so, the traceback only when asked
        if os.environ.get("PLANEXTRACT_DEBUG"):
            raise
        problem = " ".join(str(err).split())
        print(f"planextract: internal error{f' on {_input}' if _input else ''}: {type(err).__name__}: {problem} "
              "(a bug: please report it; PLANEXTRACT_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
