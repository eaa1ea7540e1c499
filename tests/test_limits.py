"""Limits: one settings module; arguments over the environment over the defaults."""
import os
import subprocess
import sys

import pytest

from planextract.errors import PlanextractError
from planextract.limits import SETTINGS, Limits, applied, current, excerpt_chars, over_limit, resolved

from .conftest import CORPUS


def test_defaults_are_the_settings_table():
    assert Limits() == Limits(input_mb=200, unzipped_mb=200, zip_members=10_000, pages=1000, ocr_seconds=300,
                              html_depth=256, line_chars=20_000, paragraph_chars=5_000, excerpt_chars=2_000)
    assert [s.field for s in SETTINGS] == list(Limits.__dataclass_fields__)


def test_the_environment_overrides_defaults_and_arguments_override_the_environment(monkeypatch):
    monkeypatch.setenv("PLANEXTRACT_MAX_INPUT_MB", "12.5")
    monkeypatch.setenv("PLANEXTRACT_MAX_PAGES", "40")
    limits = Limits.from_env(pages=7, html_depth=None)
    assert (limits.input_mb, limits.pages, limits.html_depth) == (12.5, 7, 256)
    assert limits.input_bytes == int(12.5 * 2**20)
    assert resolved(None).pages == 40 and resolved(Limits(), pages=3).pages == 3


def test_a_limit_that_is_no_positive_number_is_refused(monkeypatch):
    with pytest.raises(ValueError, match="limit pages must be a positive number, not 0"):
        Limits(pages=0)
    monkeypatch.setenv("PLANEXTRACT_MAX_PAGES", "many")
    with pytest.raises(PlanextractError, match="PLANEXTRACT_MAX_PAGES='many' is not a number"):
        Limits.from_env()


def test_the_message_says_the_limit_and_how_to_raise_it():
    assert over_limit("input_mb", "the file is 250.0 MB", Limits()) == (
        "the file is 250.0 MB, more than the limit of 200 MB (raise it with --max-input-mb or PLANEXTRACT_MAX_INPUT_MB)")


def test_limits_applied_to_a_call_are_the_current_ones(monkeypatch):
    monkeypatch.setenv("PLANEXTRACT_MAX_EXCERPT_CHARS", "700")
    assert excerpt_chars() == 700 and current().excerpt_chars == 700
    with applied(Limits(excerpt_chars=50)):
        assert excerpt_chars() == 50
    assert excerpt_chars() == 700


@pytest.mark.parametrize("args, problem", [
    (["--max-pages", "0"], "limit pages must be a positive number, not 0"),
    (["--max-input-mb", "-1"], "limit input_mb must be a positive number, not -1.0"),
])
def test_a_bad_limit_on_the_command_line_is_one_line(args, problem):
    run = subprocess.run([sys.executable, "-m", "planextract.cli", "extract", str(CORPUS / "c002.txt"), *args],
                         capture_output=True, text=True)
    assert run.returncode == 2 and run.stderr.strip() == f"planextract: error: {problem}"


@pytest.mark.parametrize("command", [["extract"], ["blocks"], ["report"], ["annotate", "export"],
                                     ["annotate", "next"], ["batch"]])
def test_every_reading_command_takes_every_limit(command):
    run = subprocess.run([sys.executable, "-m", "planextract.cli", *command, "--help"], capture_output=True, text=True)
    assert all(s.flag in run.stdout and s.env in run.stdout for s in SETTINGS)


def test_a_bad_limit_in_the_environment_is_one_line_not_an_import_error():
    run = subprocess.run([sys.executable, "-m", "planextract.cli", "extract", str(CORPUS / "c002.txt")],
                         capture_output=True, text=True, env={**os.environ, "PLANEXTRACT_MAX_PAGES": "lots"})
    assert run.returncode == 2 and run.stderr.strip() == "planextract: error: PLANEXTRACT_MAX_PAGES='lots' is not a number"
