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

One run at a time writes to an OUT (a lock file, released by the system when the run
ends however it ends), and OUT is checked to be writable before any document is read.
Worker processes end with the run: the system kills them when their parent dies.
Files of identical content share one record file and keep every path: the documents
table has a row per input file, the record tables one set of rows per content.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from ._version import __version__
from .errors import PlanextractError
from .ingest.ocr import PAGE_THREADS_ENV
from .limits import Limits, applied, resolved

SUPPORTED = {".pdf", ".docx", ".txt", ".md", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
RECORD_DIR = "records"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.json"  # which records the tables were built from
LOCK = ".planextract.lock"  # held by the run writing to OUT


def extractor_version(limits: Limits | None = None) -> str:
    """Changes whenever the code, the knowledge files, the trained model or the limits that
    shape a result (paragraph and excerpt lengths) change, so the cache follows them."""
    from .model_choice import model_path
    root = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    digest.update(resolved(limits).output_key().encode())
    files = sorted(list(root.rglob("*.py")) + list((root / "data").glob("*.csv")))
    model = model_path()
    if model is not None and model.is_dir():
        files += sorted(p for p in model.rglob("*") if p.is_file())
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def content_key(path: Path) -> str:
    """The hash of a file's content, read a megabyte at a time (a huge file is refused by
    the reader, not loaded here)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()[:16]


def find_inputs(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)


def irregular_inputs(folder: Path) -> list[Path]:
    """Names of documents that are no regular file (a FIFO, a device, a dangling link):
    reported as failures, never opened."""
    return sorted(p for p in Path(folder).rglob("*")
                  if p.suffix.lower() in SUPPORTED and not p.is_file() and not p.is_dir())


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


def write_together(contents: dict[Path, str | bytes]) -> None:
    """Write several files all or none: each is written beside its place first, then all are
    renamed into place; should a rename fail, the files already replaced get their old
    content back and the new ones are removed."""
    temporary: dict[Path, str] = {}
    try:
        for path, data in contents.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            temporary[path] = tmp
            with os.fdopen(fd, "wb") as f:
                f.write(data.encode("utf-8") if isinstance(data, str) else data)
            os.chmod(tmp, 0o666 & ~_umask())
        before = {path: path.read_bytes() if path.exists() else None for path in contents}
        done: list[Path] = []
        try:
            for path, tmp in temporary.items():
                os.replace(tmp, path)
                done.append(path)
        except BaseException:
            for path in done:
                if before[path] is None:
                    path.unlink(missing_ok=True)
                else:
                    write_atomically(path, before[path])
            raise
    finally:
        for tmp in temporary.values():
            Path(tmp).unlink(missing_ok=True)


def check_writable_folder(folder: Path) -> None:
    """Refuse, before any work, an output folder that cannot be written: one that is a file,
    that would stand below a file, or where no file can be made. Tried for real (a
    temporary file made and removed where the folder is or would be made): permissions do
    not tell, root ignores them and a read-only file system does not show in them."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise PlanextractError(str(folder), "is a file, not a folder; the output needs a folder")
    _check_can_make(folder, folder)


def check_writable_file(path: Path) -> None:
    """Refuse, before any work, an output file that cannot be written (see check_writable_folder)."""
    path = Path(path)
    if path.is_dir():
        raise PlanextractError(str(path), "is a folder; give the name of a file to write")
    _check_can_make(path, path.parent)


def _check_can_make(output: Path, folder: Path) -> None:
    """Can `folder` (where `output` goes) be made, if it is missing, and written?"""
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    if not existing.is_dir():
        raise PlanextractError(str(output), f"cannot be written: {existing} is a file, not a folder")
    try:
        fd, probe = tempfile.mkstemp(dir=existing, prefix=".planextract-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        where = "" if existing == output else f" (in {existing})"
        raise PlanextractError(str(output), f"cannot be written{where}: {err.strerror or err}") from None


@contextlib.contextmanager
def output_lock(out_dir: Path):
    """Hold OUT for one run: a second run on the same OUT would mix its tables and
    errors.jsonl with this one's. flock is released by the system when the holder ends,
    even by kill -9, so no stale lock is left behind."""
    import fcntl
    from datetime import datetime
    handle = open(Path(out_dir) / LOCK, "a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise PlanextractError(str(out_dir), f"another planextract batch is writing to this folder ({holder}); "
                                             "wait for it to finish or choose another --out") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}, since {datetime.now():%Y-%m-%d %H:%M:%S}\n")
    handle.flush()
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def process_file(path: str, model: str | None = None, limits: Limits | None = None) -> dict:
    """One document → {'source', 'ok', 'record' | 'error', 'seconds'} (never raises).
    `model`: a pipeline folder or "none" instead of the default (see api.extract)."""
    import warnings

    from .api import extract
    from .errors import ModelMissingWarning
    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ModelMissingWarning)  # it is in the record's warnings
            record = extract(path, model=model, limits=limits).to_dict()
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
              model: str | None = None, limits: Limits | None = None) -> BatchSummary:
    """Extract every supported file below `input_dir` into `out_dir` (PlanextractError if
    OUT cannot be written or another run is writing to it, before any work). `model`: a
    pipeline folder or "none" instead of the default (the cache key follows the model in use)."""
    from .outputs import check_formats
    check_formats(formats)  # before hours of extraction, not after
    out_dir = Path(out_dir)
    for folder in (out_dir, out_dir / RECORD_DIR):
        check_writable_folder(folder)
    (out_dir / RECORD_DIR).mkdir(parents=True, exist_ok=True)
    with output_lock(out_dir):
        return _run_batch(input_dir, out_dir, workers=workers, formats=formats, force=force, progress=progress,
                          engine=engine, scheduler=scheduler, model=model, limits=resolved(limits))


def _run_batch(input_dir: Path, out_dir: Path, *, workers: int, formats: tuple[str, ...], force: bool, progress,
               engine: str, scheduler: str | None, model: str | None, limits: Limits) -> BatchSummary:
    from .api import chosen_model
    start = time.perf_counter()
    records_dir = out_dir / RECORD_DIR
    with chosen_model(model):
        version = extractor_version(limits)
    summary = BatchSummary()
    todo: dict[str, Path] = {}
    for path in find_inputs(input_dir):
        summary.files += 1
        try:
            target = records_dir / f"{content_key(path)}-{version}.json"
        except OSError as err:  # unreadable, or gone since the folder was listed
            summary.failed.append({"source": str(path), "error": f"{path}: cannot be read ({err.strerror or err})"})
            continue
        if target.exists() and not force:
            summary.cached += 1
            continue
        todo[str(path)] = target
    irregular = irregular_inputs(input_dir)
    summary.files += len(irregular)
    if progress:
        progress.start(len(todo) + len(irregular), summary.cached)
    for path in irregular:  # refused by their file type, before any read
        result = process_file(str(path), model, limits)
        summary.failed.append({"source": result["source"], "error": result["error"]})
        if progress:
            progress.advance(result)
    for result in _run(list(todo), workers=workers, engine=engine, scheduler=scheduler, model=model,
                       limits=limits):
        if result["ok"]:
            write_atomically(todo[result["source"]], json.dumps(result["record"], ensure_ascii=False))
            summary.processed += 1
        else:
            summary.failed.append({"source": result["source"], "error": result["error"]})
        if progress:
            progress.advance(result)
    write_atomically(out_dir / ERRORS, "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in summary.failed))
    keys = _record_keys(find_inputs(input_dir), records_dir, version)
    inputs = list(keys)
    # The paths are part of it: the documents table names every input file.
    manifest = {"records": sorted([str(p), key] for p, key in keys.items()), "formats": sorted(formats)}
    previous = _read_json(out_dir / MANIFEST)
    if previous and previous.get("manifest") == manifest \
            and all((out_dir / name).exists() for name in previous.get("files", [])):
        # Nothing changed since the tables were written: keep them.
        summary.records = previous["records"]
    else:
        with applied(limits):  # a record's excerpts are cut to the limits it was made with
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


def _record_keys(inputs: list[Path], records_dir: Path, version: str) -> dict[Path, str]:
    """Each input that has records of this version → the name of its record file."""
    keys = {}
    for path in inputs:
        with contextlib.suppress(OSError):
            key = f"{content_key(path)}-{version}"
            if (records_dir / f"{key}.json").exists():
                keys[path] = key
    return keys


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def start_worker(parent: int | None = None) -> None:
    """Set up a worker process (ours alone): end with `parent` (the run's process), OCR one
    page at a time, and give buffers of 1 MB and more (page images) back to the OS when
    they are freed."""
    if parent is not None:
        exit_with_parent(parent)
    os.environ[PAGE_THREADS_ENV] = "1"
    return_big_buffers_to_os()


def exit_with_parent(parent: int) -> None:
    """Have the system kill this process when its parent dies (Linux: PR_SET_PDEATHSIG):
    a worker blocked on its task pipe would otherwise wait for ever after a kill -9 of
    the run. Elsewhere, a thread watches the parent instead."""
    import ctypes
    import ctypes.util
    import signal
    import threading
    PR_SET_PDEATHSIG = 1
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


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


def _run(paths: list[str], *, workers: int, engine: str, scheduler: str | None, model: str | None = None,
         limits: Limits | None = None):
    """Results of process_file over paths, as they finish."""
    if not paths:
        return
    if engine == "dask":
        yield from _run_dask(paths, scheduler, model, limits)
    elif workers <= 1:
        with one_page_at_a_time():
            for path in paths:
                yield process_file(path, model, limits)
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=start_worker, initargs=(os.getpid(),)) as pool:
            for future in as_completed([pool.submit(process_file, p, model, limits) for p in paths]):
                yield future.result()


def _run_dask(paths: list[str], scheduler: str | None, model: str | None = None, limits: Limits | None = None):
    """The same per-document function on a Dask cluster (a LocalCluster without an address)."""
    from dask.distributed import Client, LocalCluster, as_completed as dask_completed
    cluster = None if scheduler else LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                                   dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        client.run(start_worker)
        futures = client.map(process_file, paths, model=model, limits=limits, pure=False)
        for future in dask_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def combined_frames(records_dir: Path, version: str, inputs: list[Path]) -> dict:
    """The tables (records.frames) of the documents of this run (current version): a
    documents row per input file, the records of identical files once."""
    from .records import DOCUMENTS, Extraction, frames, typed_frame
    extractions, documents = {}, []
    for path in inputs:
        key = content_key(path)
        record_file = records_dir / f"{key}-{version}.json"
        if not record_file.exists():
            continue
        if key not in extractions:
            extractions[key] = Extraction.from_dict(json.loads(record_file.read_text(encoding="utf-8")))
        document = dataclasses.replace(extractions[key].document, source=str(path))  # made from a copy, maybe
        documents.append(dataclasses.asdict(document))
    tables = frames(extractions.values())
    tables[DOCUMENTS] = typed_frame(documents, DOCUMENTS)
    return tables
