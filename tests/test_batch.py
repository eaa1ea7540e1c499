"""Batch runs: workers, incremental cache, atomic outputs, one bad file reported."""
import json
import shutil

import pandas as pd
import pytest

import planextract
from planextract.batch import run_batch
from planextract.outputs import write_frames

from .conftest import CORPUS, FIXTURES


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ["nghe-an-347-2023.txt", "dong-thap-241-2022.docx"]:
        shutil.copy(CORPUS / name, folder / name)
    shutil.copy(FIXTURES / "corrupt.pdf", folder / "broken.pdf")
    return folder


def test_batch_writes_tables_and_lists_the_bad_file(inbox, tmp_path):
    out = tmp_path / "out"
    summary = run_batch(inbox, out, workers=2, formats=("parquet", "csv", "jsonl", "xlsx"))
    assert (summary.files, summary.processed, len(summary.failed)) == (3, 2, 1)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert errors[0]["source"].endswith("broken.pdf") and "not a readable PDF" in errors[0]["error"]
    targets = pd.read_parquet(out / "targets.parquet")
    assert set(targets.province) == {"Nghệ An", "Đồng Tháp"} and targets.doc_id.notna().all()
    assert len(pd.read_csv(out / "tasks.csv")) == summary.records["tasks"]
    assert set(pd.ExcelFile(out / "planextract.xlsx").sheet_names) == \
        {"documents", "targets", "tasks", "references", "deadlines", "agencies"}
    assert not list(out.rglob("*.tmp"))  # nothing half-written left behind


def test_second_run_skips_unchanged_files_and_force_reruns(inbox, tmp_path):
    out = tmp_path / "out"
    run_batch(inbox, out, workers=1)
    again = run_batch(inbox, out, workers=1)
    assert (again.processed, again.cached) == (0, 2)
    (inbox / "nghe-an-347-2023.txt").write_text((CORPUS / "nghe-an-347-2023.txt").read_text() + "\n\nThêm.\n")
    changed = run_batch(inbox, out, workers=1)
    assert (changed.processed, changed.cached) == (1, 1)
    assert run_batch(inbox, out, workers=1, force=True).processed == 2


def test_extract_many_gives_one_frame_per_record_type():
    frames = planextract.extract_many([CORPUS / "dak-nong-292-2022.txt", CORPUS / "gia-lai-2068-2022.txt",
                                       FIXTURES / "english.txt"], workers=2)
    assert set(frames["targets"].province) == {"Đắk Nông", "Gia Lai"}
    assert len(frames["documents"]) == 2 and len(frames["errors"]) == 1
    assert frames["errors"].error[0].endswith("(planextract reads Vietnamese plans only)")


def test_batch_tables_have_the_same_schema_as_extract_many(inbox, tmp_path):
    from planextract.outputs import read_table
    from planextract.records import TABLES, schema
    run_batch(inbox, tmp_path / "out", workers=1, formats=("parquet", "csv"))
    many = planextract.extract_many(inbox)
    for table in TABLES:
        for fmt in ("parquet", "csv"):
            written = read_table(tmp_path / "out" / f"{table}.{fmt}")
            assert written.dtypes.astype(str).to_dict() == schema(table)
            key = ["source"] if table == "documents" else ["record_id", "role", "position"] \
                if table == "agencies" else ["record_id"]
            ordered = lambda f: f.sort_values(key).reset_index(drop=True)  # noqa: E731
            pd.testing.assert_frame_equal(ordered(written), ordered(many[table]))


def test_a_rerun_with_other_formats_removes_the_tables_it_did_not_write(inbox, tmp_path):
    out = tmp_path / "out"
    run_batch(inbox, out, workers=1, formats=("csv", "xlsx"))
    assert (out / "targets.csv").exists() and (out / "planextract.xlsx").exists()
    run_batch(inbox, out, workers=1, formats=("parquet",))
    assert (out / "targets.parquet").exists() and (out / "agencies.parquet").exists()
    assert not list(out.glob("*.csv")) and not (out / "planextract.xlsx").exists()
    assert (out / "errors.jsonl").exists() and len(list((out / "records").glob("*.json"))) == 2


def test_dask_engine_on_a_local_cluster(inbox, tmp_path):
    pytest.importorskip("dask.distributed")
    summary = run_batch(inbox, tmp_path / "out", engine="dask")
    assert (summary.processed, len(summary.failed)) == (2, 1)
    assert len(pd.read_parquet(tmp_path / "out" / "tasks.parquet")) == summary.records["tasks"]


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown output format"):
        write_frames({}, tmp_path, ("docx",))


def test_tables_are_rebuilt_when_one_is_missing(inbox, tmp_path):
    out = tmp_path / "out"
    run_batch(inbox, out, workers=1, formats=("csv",))
    (out / "targets.csv").unlink()
    run_batch(inbox, out, workers=1, formats=("csv",))
    assert (out / "targets.csv").exists()


def test_worker_start_ocrs_one_page_at_a_time(monkeypatch):
    from planextract.batch import start_worker
    from planextract.ingest.ocr import PAGE_THREADS_ENV, page_threads
    monkeypatch.setenv(PAGE_THREADS_ENV, "")  # restored after the test, whatever start_worker sets
    assert page_threads() == 2
    start_worker()
    assert page_threads() == 1


def test_a_one_worker_batch_ocrs_one_page_at_a_time_and_restores(monkeypatch):
    from planextract import batch
    from planextract.ingest.ocr import PAGE_THREADS_ENV, page_threads
    monkeypatch.delenv(PAGE_THREADS_ENV, raising=False)
    seen = []
    monkeypatch.setattr(batch, "process_file", lambda path, model: seen.append(page_threads()) or {"ok": True})
    assert len(list(batch._run(["a.pdf", "b.pdf"], workers=1, engine="processes", scheduler=None))) == 2
    assert seen == [1, 1]
    assert page_threads() == 2  # the notebook's own extract() still OCRs two pages at once
