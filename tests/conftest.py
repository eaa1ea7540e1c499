"""Shared fixtures: the corpus and its gold, loaded once per session."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

import planextract

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
ANNOTATIONS = ROOT / "annotations"
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = ["dak-nong-292-2022", "binh-thuan-4181-2022", "nghe-an-347-2023",
         "dong-thap-241-2022", "gia-lai-2068-2022"]
RENDERED_PDFS = ["dak-nong-292-2022", "binh-thuan-4181-2022", "dong-thap-241-2022"]


@lru_cache(maxsize=None)
def load_cached(name: str) -> planextract.Document:
    return planextract.load(CORPUS / name)


@lru_cache(maxsize=None)
def gold(seed: str) -> dict:
    return json.loads((ANNOTATIONS / f"{seed}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus():
    return load_cached
