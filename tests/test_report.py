"""The HTML report, checked in headless Chromium: it loads, runs, and highlights every target."""
import re
import shutil
import subprocess

import pytest

from planextract.extract import extract_document
from planextract.ingest import load
from planextract.report import render_report

from .conftest import CORPUS

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--virtual-time-budget=5000", "--dump-dom"]


@pytest.mark.parametrize("name", ["nghe-an-347-2023.txt", "dong-thap-241-2022.pdf"])
def test_report_highlights_every_record_in_chromium(tmp_path, name):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail("chromium is not installed: run scripts/setup.sh (apt-get install chromium)")
    doc = load(CORPUS / name)
    result = extract_document(doc)
    page = tmp_path / "report.html"
    page.write_text(render_report(doc, result), encoding="utf-8")
    run = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", page.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    body = re.search(r"<body[^>]*>", run.stdout).group(0)
    assert 'data-ready="yes"' in body  # the script ran to its end without an error
    assert f'data-targets="{len(result.targets)}"' in body
    assert f'data-tasks="{len(result.tasks)}"' in body
    assert "<mark" in run.stdout
