"""The HTML report, checked in headless Chromium: it loads, runs, and highlights every target."""
import json
import re
import shutil
import subprocess

import pytest

from planextract.extract import extract_document
from planextract.ingest import load, load_text
from planextract.report import render_report, script_safe_json

from .conftest import CORPUS

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--virtual-time-budget=5000", "--dump-dom"]


def rendered_dom(tmp_path, doc, result) -> str:
    """The report's DOM after headless Chromium has run its script."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail("chromium is not installed: run scripts/setup.sh (apt-get install chromium)")
    page = tmp_path / "report.html"
    page.write_text(render_report(doc, result), encoding="utf-8")
    run = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", page.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


@pytest.mark.parametrize("name", ["nghe-an-347-2023.txt", "dong-thap-241-2022.pdf"])
def test_report_highlights_every_record_in_chromium(tmp_path, name):
    doc = load(CORPUS / name)
    result = extract_document(doc)
    dom = rendered_dom(tmp_path, doc, result)
    body = re.search(r"<body[^>]*>", dom).group(0)
    assert 'data-ready="yes"' in body  # the script ran to its end without an error
    assert f'data-targets="{len(result.targets)}"' in body
    assert f'data-tasks="{len(result.tasks)}"' in body
    assert "<mark" in dom


HOSTILE_PLAN = """KẾ HOẠCH
Phát triển kinh tế số tỉnh Nghệ An đến năm 2025

I. MỤC TIÊU
- Tỷ lệ hộ gia đình có cáp quang <!--<script> đạt 80%;
- Tỷ lệ người dân </script><img src=x onerror="document.body.dataset.pwned='yes'"> có điện thoại thông minh đạt 90%;
- Tỷ trọng kinh tế số trong GRDP đạt 20% & hơn;
"""


def test_report_of_text_holding_markup_draws_its_text_and_highlights(tmp_path):
    """Text that would open or close a script, or inject an element, is drawn as text."""
    doc = load_text(HOSTILE_PLAN, "hostile.txt")
    result = extract_document(doc)
    assert len(result.targets) == 3
    dom = rendered_dom(tmp_path, doc, result)
    body = re.search(r"<body[^>]*>", dom).group(0)
    assert 'data-ready="yes"' in body and 'data-targets="3"' in body
    assert "pwned" not in body  # the onerror handler never ran
    pane = re.search(r'<div id="text">(.*?)</div>', dom, re.S).group(1)
    assert pane.count("<mark") >= 3
    assert "&lt;!--&lt;script&gt;" in pane and "&lt;/script&gt;&lt;img src=x onerror=" in pane
    assert "<img" not in pane


def test_embedded_json_has_no_character_that_could_leave_the_script():
    data = {"text": "a </script> <!--<script> b & c \u2028 d \u2029 e >"}
    embedded = script_safe_json(data)
    assert json.loads(embedded) == data
    assert not set(embedded) & {"<", ">", "&", "\u2028", "\u2029"}
