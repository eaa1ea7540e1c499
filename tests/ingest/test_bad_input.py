"""Bad input: a clear error naming the file, never a traceback or a silent empty result."""
import subprocess
import sys

import pytest

import planextract
from planextract.errors import (CorruptFile, EmptyDocument, EncodingProblem, EncryptedFile,
                                NotVietnamese, PlanextractError, TooLarge)

from ..conftest import CORPUS, FIXTURES


@pytest.mark.parametrize("name, error, words", [
    ("empty.pdf", EmptyDocument, "empty"),
    ("corrupt.pdf", CorruptFile, "not a readable PDF"),
    ("encrypted.pdf", EncryptedFile, "encrypted"),
    ("not-a-pdf.pdf", CorruptFile, "not a PDF"),
    ("tcvn3.txt", EncodingProblem, "TCVN3"),
    ("english.txt", NotVietnamese, "Vietnamese"),
])
def test_bad_files_raise_a_clear_error(name, error, words):
    path = FIXTURES / name
    with pytest.raises(error) as info:
        planextract.load(path)
    assert str(path) in str(info.value) and words in str(info.value)


def test_page_limit():
    with pytest.raises(TooLarge, match="16 pages, more than the limit of 5"):
        planextract.load(CORPUS / "binh-thuan-4181-2022.pdf", max_pages=5)


def test_missing_file():
    with pytest.raises(PlanextractError, match="no such file"):
        planextract.load(FIXTURES / "nope.pdf")


def test_utf16_text_is_read():
    doc = planextract.load(FIXTURES / "utf16.txt")
    assert "Đắk Nông" in doc.text


def test_cli_reports_without_traceback():
    run = subprocess.run([sys.executable, "-m", "planextract.cli", "extract", str(FIXTURES / "corrupt.pdf")],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "corrupt.pdf" in run.stderr and "Traceback" not in run.stderr
