"""Many documents: worker processes, an incremental cache, atomic outputs, errors that do
not stop the run.

The unit of work is `process_file(path)`: one document in, its records (the schema's
JSON form) or its error out. `run_batch` runs it over every supported file below a
folder with N worker processes, and keeps, per document, one JSON file in
`OUT/records/` named by the document's content hash and the extractor version: a file
whose content and extractor have not changed is not processed again, a crash or Ctrl-C
leaves only whole files (each is written to a temporary name and renamed), and the next
run resumes. The tables for analysts (Parquet, CSV, JSONL, Excel) are rebuilt from those
records at the end, also atomically; failures go to `OUT/errors.jsonl`.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from ._version import __version__
from .ingest.ocr import PAGE_THREADS_ENV

SUPPORTED = {".pdf", ".docx", ".txt", ".md", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
RECORD_DIR = "records"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.json"  # which records the tables were built from


def extractor_version() -> str:
    """Changes whenever the code, the knowledge files or the trained model change, so the
    cache follows them."""
    from .model_choice import model_path
    root = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    files = sorted(list(root.rglob("*.py")) + list((root / "data").glob("*.csv")))
    model = model_path()
    if model is not None and model.is_dir():
        files += sorted(p for p in model.rglob("*") if p.is_file())
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def content_key(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def find_inputs(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; outputs are ordinary files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def process_file(path: str, model: str | None = None) -> dict:
    """One document → {'source', 'ok', 'record' | 'error', 'seconds'} (never raises).
    `model`: a pipeline folder or "none" instead of the default (see api.extract)."""
    import warnings

    from .api import extract
    from .errors import ModelMissingWarning, PlanextractError
    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ModelMissingWarning)  # it is in the record's warnings
            record = extract(path, model=model).to_dict()
        return {"source": path, "ok": True, "record": record, "seconds": time.perf_counter() - start}
    except PlanextractError as err:
        return {"source": path, "ok": False, "error": str(err), "seconds": time.perf_counter() - start}
    except Exception as err:  # a bug on one file must not stop the batch; it is reported
        return {"source": path, "ok": False, "error": f"{path}: internal error: {type(err).__name__}: {err}",
                "seconds": time.perf_counter() - start}


@dataclass
class BatchSummary:
    files: int = 0
    processed: int = 0
    cached: int = 0
    failed: list[dict] = field(default_factory=list)
    records: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        counts = ", ".join(f"{k} {v}" for k, v in self.records.items())
        return [f"files: {self.files} (processed {self.processed}, unchanged {self.cached}, "
                f"failed {len(self.failed)})", f"records: {counts}", f"time: {self.seconds:.1f} s"]


def run_batch(input_dir: Path, out_dir: Path, *, workers: int = 1, formats: tuple[str, ...] = ("parquet",),
              force: bool = False, progress=None, engine: str = "processes", scheduler: str | None = None,
              model: str | None = None) -> BatchSummary:
    """Extract every supported file below `input_dir` into `out_dir`. `model`: a pipeline
    folder or "none" instead of the default (the cache key follows the model in use)."""
    from .outputs import check_formats
    check_formats(formats)  # before hours of extraction, not after
    start = time.perf_counter()
    out_dir = Path(out_dir)
    records_dir = out_dir / RECORD_DIR
    records_dir.mkdir(parents=True, exist_ok=True)
    from .api import chosen_model
    with chosen_model(model):
        version = extractor_version()
    summary = BatchSummary()
    todo: dict[str, Path] = {}
    for path in find_inputs(input_dir):
        summary.files += 1
        target = records_dir / f"{content_key(path)}-{version}.json"
        if target.exists() and not force:
            summary.cached += 1
            continue
        todo[str(path)] = target
    if progress:
        progress.start(len(todo), summary.cached)
    for result in _run(list(todo), workers=workers, engine=engine, scheduler=scheduler, model=model):
        if result["ok"]:
            write_atomically(todo[result["source"]], json.dumps(result["record"], ensure_ascii=False))
            summary.processed += 1
        else:
            summary.failed.append({"source": result["source"], "error": result["error"]})
        if progress:
            progress.advance(result)
    write_atomically(out_dir / ERRORS, "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in summary.failed))
    inputs = find_inputs(input_dir)
    manifest = {"records": sorted(f"{content_key(p)}-{version}" for p in inputs
                                  if (records_dir / f"{content_key(p)}-{version}.json").exists()),
                "formats": sorted(formats)}
    previous = _read_json(out_dir / MANIFEST)
    if previous and previous.get("manifest") == manifest \
            and all((out_dir / name).exists() for name in previous.get("files", [])):
        # Nothing changed since the tables were written: keep them.
        summary.records = previous["records"]
    else:
        frames = combined_frames(records_dir, version, inputs)
        summary.records = {name: len(frame) for name, frame in frames.items()}
        from .outputs import write_frames
        written = write_frames(frames, out_dir, formats)
        write_atomically(out_dir / MANIFEST, json.dumps({"manifest": manifest, "records": summary.records,
                                                         "files": [p.name for p in written]}))
        remove_stale_tables(out_dir, keep={p.name for p in written})
    summary.seconds = time.perf_counter() - start
    return summary


def remove_stale_tables(out_dir: Path, keep: set[str]) -> None:
    """Tables of formats this run did not write (an earlier run's --format) are removed, so
    that OUT holds one set of tables, all from the same records."""
    from .outputs import FORMATS, table_files
    from .records import TABLES
    for fmt in FORMATS:
        for name in table_files(fmt, TABLES):
            if name not in keep:
                (out_dir / name).unlink(missing_ok=True)


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def start_worker() -> None:
    """Set up a worker process (ours alone): OCR one page at a time, and give buffers of
    1 MB and more (page images) back to the OS when they are freed."""
    os.environ[PAGE_THREADS_ENV] = "1"
    return_big_buffers_to_os()


@contextlib.contextmanager
def one_page_at_a_time():
    """In a batch, --workers is the one knob for cores: a document OCRs one page at a time
    wherever it runs (two pages at once would double the memory of a worker for no speed
    when the workers already fill the cores). Restored after, for a notebook's process."""
    before = os.environ.get(PAGE_THREADS_ENV)
    os.environ[PAGE_THREADS_ENV] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(PAGE_THREADS_ENV, None)
        else:
            os.environ[PAGE_THREADS_ENV] = before


def return_big_buffers_to_os() -> None:
    """glibc raises its mmap threshold as big buffers are freed, after which 12 MB page
    images come from the heap and its high-water mark stays; a fixed 1 MB threshold keeps
    them in their own mappings. Nothing to do on other C libraries."""
    import ctypes
    import ctypes.util
    try:
        mallopt = ctypes.CDLL(ctypes.util.find_library("c")).mallopt
    except (OSError, AttributeError):
        return  # no C library to speak to, or one without mallopt
    M_MMAP_THRESHOLD = -3
    mallopt(M_MMAP_THRESHOLD, 1 << 20)


def _run(paths: list[str], *, workers: int, engine: str, scheduler: str | None, model: str | None = None):
    """Results of process_file over paths, as they finish."""
    if not paths:
        return
    if engine == "dask":
        yield from _run_dask(paths, scheduler, model)
    elif workers <= 1:
        with one_page_at_a_time():
            for path in paths:
                yield process_file(path, model)
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=start_worker) as pool:
            for future in as_completed([pool.submit(process_file, p, model) for p in paths]):
                yield future.result()


def _run_dask(paths: list[str], scheduler: str | None, model: str | None = None):
    """The same per-document function on a Dask cluster (a LocalCluster without an address)."""
    from dask.distributed import Client, LocalCluster, as_completed as dask_completed
    cluster = None if scheduler else LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                                   dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        client.run(start_worker)
        futures = client.map(process_file, paths, model=model, pure=False)
        for future in dask_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def combined_frames(records_dir: Path, version: str, inputs: list[Path]) -> dict:
    """The tables (records.frames) of the documents of this run (current version)."""
    from .records import Extraction, frames
    extractions = []
    for path in inputs:
        record_file = records_dir / f"{content_key(path)}-{version}.json"
        if record_file.exists():
            extractions.append(Extraction.from_dict(json.loads(record_file.read_text(encoding="utf-8"))))
    return frames(extractions)

