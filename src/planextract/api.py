"""The public functions behind `planextract.extract` and friends."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from .limits import Limits, applied, resolved


def extract(source, *, model=None, max_pages: int | None = None, ocr: bool = True,
            table_engine: str = "pdfplumber", limits: Limits | None = None):
    """Read a plan and return its records (document, targets, tasks, references, deadlines).

    `source`: a path, a `Document` from `load`/`load_text`, the bytes of a file, or an open
    file (binary, or text for a plain-text plan). `model`: a trained pipeline's folder
    instead of the shipped one, or "none" for the rules alone. `limits` bounds what the file
    may cost (default: the environment's; see `planextract.limits`); `max_pages` overrides
    its page limit."""
    from .extract import extract_document
    limits = resolved(limits, pages=max_pages)
    with chosen_model(model), applied(limits):
        result = extract_document(document_of(source, ocr=ocr, table_engine=table_engine, limits=limits))
        warn_if_no_model(result)
    return result


def extract_text(text: str, source: str | None = None, *, model=None, limits: Limits | None = None):
    """The records of a plan given as a string of plain or Markdown-like text."""
    from .ingest import load_text
    limits = resolved(limits)
    return extract(load_text(text, source, limits=limits), model=model, limits=limits)


def extract_many(inputs, *, workers: int = 1, model=None, limits: Limits | None = None) -> dict:
    """Records of many documents as DataFrames: `documents`, one per record type, `agencies`
    (the tables of `records.frames`, same columns and dtypes as `batch` writes) and `errors`
    (source, error: bad files are listed, not raised). `limits` bound what each file may
    cost (default: the environment's).

    `inputs`: a folder (every plan below it), a glob pattern ("corpus/*.txt"), one file, or
    a list of any of these."""
    import pandas as pd

    from .batch import _run
    from .records import Extraction, frames
    paths = input_paths(inputs)
    limits = resolved(limits)
    extractions, errors = [], []
    for result in _run([str(p) for p in paths], workers=workers, engine="processes", scheduler=None,
                       model=_model_argument(model), limits=limits):
        if result["ok"]:
            with applied(limits):  # a record's excerpts are cut to the limits it was made with
                extractions.append(Extraction.from_dict(result["record"]))
        else:
            errors.append({"source": result["source"], "error": result["error"]})
    tables = frames(extractions)
    tables["errors"] = pd.DataFrame(errors, columns=["source", "error"], dtype="string")
    return tables


def input_paths(inputs) -> list[Path]:
    """The files a folder, a glob pattern, a path or a list of them stands for."""
    from .batch import find_inputs
    from .errors import PlanextractError
    if isinstance(inputs, (str, os.PathLike)):
        path = Path(inputs)
        if path.is_dir():
            found = find_inputs(path)
            if not found:
                raise PlanextractError(str(path), "no plan (PDF, DOCX, HTML, text or image file) below this folder")
            return found
        if not path.exists() and any(ch in str(inputs) for ch in "*?["):
            found = sorted(p for p in _glob(str(inputs)) if p.is_file())
            if not found:
                raise PlanextractError(str(inputs), "no file matches this pattern")
            return found
        return [path]  # a missing file is reported by extract, in the errors table
    if isinstance(inputs, (bytes, bytearray)):
        raise TypeError("extract_many() takes paths (a folder, a glob, files or a list of them), not bytes")
    return [p for item in inputs for p in input_paths(item)]


def _glob(pattern: str) -> list[Path]:
    import glob
    return [Path(p) for p in glob.glob(os.path.expanduser(pattern), recursive=True)]


def _model_argument(model):
    """What a worker process is told: None (the default), "none", or a path as text."""
    if model is None:
        return None
    return "none" if model is False else str(model)


def chosen_model(model):
    """A context in which `model` (a folder, "none"/False, or None for the default) is used."""
    from .model_choice import require_model, using_model
    require_model(model)
    return contextlib.nullcontext() if model is None else using_model(model)


def warn_if_no_model(result) -> None:
    """A result made without the shipped model says so, in its warnings and on stderr."""
    import warnings

    from .errors import ModelMissingWarning
    from .model_choice import missing_model_warning
    message = missing_model_warning()
    if message:
        result.warnings.append(message)
        warnings.warn(message, ModelMissingWarning, stacklevel=3)


def document_of(source, **options):
    """The Document of a path, a Document, bytes or an open file."""
    from .document import Document
    from .ingest import load, load_text
    if isinstance(source, Document):
        return source
    if isinstance(source, (str, os.PathLike)):
        return load(source, **options)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _from_bytes(bytes(source), None, options)
    if hasattr(source, "read"):
        name = getattr(source, "name", None)
        name = os.fspath(name) if isinstance(name, (str, os.PathLike)) else None
        data = source.read()
        if isinstance(data, str):
            return load_text(data, name, limits=options.get("limits"))
        return _from_bytes(data, name, options)
    raise TypeError(f"extract() takes a path, a Document (from load or load_text), bytes or an open file, "
                    f"not {type(source).__name__}")


def _from_bytes(data: bytes, name: str | None, options: dict):
    """Read bytes through the same readers as a file: they are written to a temporary file
    named like the original (so the extension check holds) and read from there; messages
    and the Document name the original, or '<bytes>'."""
    import tempfile

    from .errors import PlanextractError
    from .ingest import load, suffix_for
    label = name or "<bytes>"
    file_name = Path(name).name if name else "document" + suffix_for(data)
    with tempfile.TemporaryDirectory(prefix="planextract-") as tmp:
        path = Path(tmp) / file_name
        path.write_bytes(data)
        try:
            doc = load(path, **options)
        except PlanextractError as err:
            raise type(err)(label, err.problem) from None
    doc.source = label
    doc.warnings = [w.replace(str(path), label) for w in doc.warnings]
    return doc
