"""Whole-document golden files: the full extraction of each seed, frozen.

A change that alters any record shows up here as a diff to review. After an
intended change, regenerate with:  UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""
import json
import os
from pathlib import Path

import pytest

from planextract.extract import extract_document

from .conftest import SEEDS

GOLDEN = Path(__file__).parent / "golden"


def _frozen(corpus, name: str) -> dict:
    data = extract_document(corpus(name)).to_dict()
    data["document"]["source"] = name  # not the machine's path
    return data


@pytest.mark.parametrize("name", [f"{s}.txt" for s in SEEDS])
def test_extraction_matches_golden_file(corpus, name):
    path = GOLDEN / f"{name}.json"
    actual = _frozen(corpus, name)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert actual == expected
