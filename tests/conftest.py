"""Shared fixtures: the corpus and its gold, loaded once per session."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import planextract

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
ANNOTATIONS = ROOT / "annotations"
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = ["dak-nong-292-2022", "binh-thuan-4181-2022", "nghe-an-347-2023",
         "dong-thap-241-2022", "gia-lai-2068-2022"]
RENDERED_PDFS = ["dak-nong-292-2022", "binh-thuan-4181-2022", "dong-thap-241-2022"]


# Property tests (tests/test_fuzz.py): a few hundred fixed examples in CI, a longer random
# run with HYPOTHESIS_PROFILE=long. No deadline: speed is the benchmark's business.
settings.register_profile("ci", max_examples=300, derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@lru_cache(maxsize=None)
def load_cached(name: str) -> planextract.Document:
    return planextract.load(CORPUS / name)


@lru_cache(maxsize=None)
def gold(seed: str) -> dict:
    return json.loads((ANNOTATIONS / f"{seed}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus():
    return load_cached
