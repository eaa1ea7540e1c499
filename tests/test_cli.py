import json
import subprocess
import sys

from .conftest import CORPUS


def run(*args):
    return subprocess.run([sys.executable, "-m", "planextract.cli", *args], capture_output=True, text=True)


def test_extract_prints_the_schema_json():
    out = run("extract", str(CORPUS / "nghe-an-347-2023.txt"), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema_version"] == "1"
    assert set(data) == {"schema_version", "document", "targets", "tasks", "references", "deadlines", "warnings"}
    assert data["document"]["number"] == "347/KH-UBND"
    assert list(data["references"][0]) == ["doc_type", "number", "issued_date", "issuer", "title",
                                           "page", "start", "end"]


def test_extract_table_summary():
    out = run("extract", str(CORPUS / "dong-thap-241-2022.pdf"), "--format", "table")
    assert out.returncode == 0 and "241/KH-UBND" in out.stdout and "references: 5" in out.stdout


def test_batch_exit_code_says_some_failed(tmp_path):
    import shutil
    from .conftest import FIXTURES
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(CORPUS / "gia-lai-2068-2022.txt", inbox)
    shutil.copy(FIXTURES / "encrypted.pdf", inbox)
    out = run("batch", str(inbox), "--out", str(tmp_path / "out"), "--workers", "1", "--format", "csv")
    assert out.returncode == 1
    assert "files: 2 (processed 1, unchanged 0, failed 1)" in out.stdout
    assert "encrypted.pdf" in out.stderr and "Traceback" not in out.stderr


def test_batch_refuses_an_unknown_format_before_any_work(tmp_path):
    out = run("batch", str(CORPUS), "--out", str(tmp_path / "out"), "--format", "docx")
    assert out.returncode == 2 and "unknown output format" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "out").exists()
