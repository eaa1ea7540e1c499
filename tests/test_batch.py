"""Batch runs: workers, incremental cache, atomic outputs, one bad file reported."""
import json
import os
import shutil
from pathlib import Path

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
    monkeypatch.setattr(batch, "process_file",
                        lambda path, model=None, limits=None: seen.append(page_threads()) or {"ok": True})
    assert len(list(batch._run(["a.pdf", "b.pdf"], workers=1, engine="processes", scheduler=None))) == 2
    assert seen == [1, 1]
    assert page_threads() == 2  # the notebook's own extract() still OCRs two pages at once


# ---------------------------------------------------------------- integrity

def test_identical_files_keep_every_path_and_their_records_once(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    for name in ["a-gia-lai.txt", "b-copy-of-gia-lai.txt"]:
        shutil.copy(CORPUS / "gia-lai-2068-2022.txt", inbox / name)
    shutil.copy(CORPUS / "dak-nong-292-2022.txt", inbox / "c-dak-nong.txt")
    out = tmp_path / "out"
    summary = run_batch(inbox, out, workers=1, formats=("csv",))
    documents = pd.read_csv(out / "documents.csv")
    assert sorted(documents.source) == sorted(str(p) for p in inbox.iterdir())
    assert documents.doc_id.nunique() == 2
    targets = pd.read_csv(out / "targets.csv")
    alone = planextract.extract(CORPUS / "gia-lai-2068-2022.txt")
    assert (targets.province == "Gia Lai").sum() == len(alone.targets)  # not twice
    assert summary.records["documents"] == 3
    # Renaming a copy renames its row (the tables are not kept from the run before).
    (inbox / "b-copy-of-gia-lai.txt").rename(inbox / "d-renamed.txt")
    run_batch(inbox, out, workers=1, formats=("csv",))
    assert sorted(pd.read_csv(out / "documents.csv").source) == sorted(str(p) for p in inbox.iterdir())


def test_a_second_run_on_the_same_out_is_refused_while_the_first_runs(inbox, tmp_path):
    import subprocess
    import sys
    from planextract.batch import output_lock
    from planextract.errors import PlanextractError
    out = tmp_path / "out"
    out.mkdir()
    with output_lock(out):
        with pytest.raises(PlanextractError, match="another planextract batch is writing to this folder "
                                                   f"\\(pid {os.getpid()}, since "):
            run_batch(inbox, out, workers=1)
        run = subprocess.run([sys.executable, "-m", "planextract.cli", "batch", str(inbox), "--out", str(out)],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1
        assert "another planextract batch is writing to this folder" in run.stderr
        assert not (out / "errors.jsonl").exists()
    assert run_batch(inbox, out, workers=1).processed == 2  # the lock ends with its holder


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            children = (task / "children").read_text().split() if (task / "children").exists() else []
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def test_workers_end_when_the_batch_process_is_killed(tmp_path):
    import signal
    import subprocess
    import sys
    import time
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(12):
        shutil.copy(CORPUS / "nghe-an-347-2023.txt", inbox / f"{i:02d}.txt")
        with (inbox / f"{i:02d}.txt").open("a") as f:
            f.write(f"\nPhụ lục {i}.\n")  # twelve different contents
    batch = subprocess.Popen([sys.executable, "-m", "planextract.cli", "batch", str(inbox), "--out",
                              str(tmp_path / "out"), "--workers", "2"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    try:
        batch.stderr.readline()  # the first file done: both workers are up
        workers = _descendants(batch.pid)
        assert len(workers) >= 2
        batch.send_signal(signal.SIGKILL)
        batch.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        batch.kill()
        for pid in _descendants(batch.pid) if batch.poll() is None else ():
            os.kill(pid, signal.SIGKILL)


def test_progress_lines_show_file_names_as_they_are(tmp_path):
    import subprocess
    import sys
    inbox = tmp_path / "in"
    inbox.mkdir()
    name = "kế hoạch [bold]2022 [red]:smile:.txt"  # rich would drop the tags and draw an emoji
    shutil.copy(CORPUS / "dak-nong-292-2022.txt", inbox / name)
    shutil.copy(FIXTURES / "encrypted.pdf", inbox / "[link=x]bad.pdf")
    run = subprocess.run([sys.executable, "-m", "planextract.cli", "batch", str(inbox), "--out", str(tmp_path / "out"),
                          "--workers", "1", "--format", "csv"], capture_output=True, text=True, timeout=300)
    assert f"{inbox / name}: ok" in run.stderr
    assert f"{inbox / '[link=x]bad.pdf'}: FAILED: {inbox / '[link=x]bad.pdf'}: " in run.stderr


@pytest.mark.parametrize("where", ["a file", "below a file", "read-only", "records is a file"])
def test_an_unwritable_out_is_one_line_before_any_work(inbox, tmp_path, where):
    import subprocess
    import sys
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    if where == "a file":
        out = blocker
    elif where == "below a file":
        out = blocker / "out"
    elif where == "read-only":
        if os.geteuid() == 0:
            out = Path("/sys/planextract-out")  # read-only even to root
        else:
            (tmp_path / "ro").mkdir(mode=0o555)
            out = tmp_path / "ro" / "out"
    else:
        out = tmp_path / "out"
        run_batch(inbox, out, workers=1)
        shutil.rmtree(out / "records")
        (out / "records").write_text("not a folder")
    for force in ([], ["--force"]):
        start = __import__("time").monotonic()
        run = subprocess.run([sys.executable, "-m", "planextract.cli", "batch", str(inbox), "--out", str(out), *force],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 2 and "Traceback" not in run.stderr
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("planextract: error: ") and str(out) in lines[0], lines
        assert "ok (" not in run.stderr  # no document was read


def test_a_fifo_among_the_inputs_is_listed_as_failed_without_blocking(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(CORPUS / "dak-nong-292-2022.txt", inbox / "plan.txt")
    os.mkfifo(inbox / "pipe.txt")
    summary = run_batch(inbox, tmp_path / "out", workers=1)
    assert (summary.files, summary.processed) == (2, 1)
    assert summary.failed == [{"source": str(inbox / "pipe.txt"),
                               "error": f"{inbox / 'pipe.txt'}: not a regular file (a named pipe); "
                                        "planextract reads regular files only"}]


def test_files_written_together_are_all_written_or_none(tmp_path, monkeypatch):
    from planextract import batch
    first, second, third = (tmp_path / n for n in ("a.json", "b.json", "c.json"))
    first.write_text("old a")
    calls = []
    real_replace = os.replace

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)
    monkeypatch.setattr(batch.os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        batch.write_together({first: "new a", second: "new b", third: "new c"})
    monkeypatch.setattr(batch.os, "replace", real_replace)
    assert first.read_text() == "old a" and not second.exists() and not third.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]  # no temporary file left
    batch.write_together({first: "new a", second: "new b"})
    assert (first.read_text(), second.read_text()) == ("new a", "new b")
