"""Property tests: load_text and extract over text made of what plans are made of —
Vietnamese words and agency names, digits and percentages, bullets and numbering,
pipes, tabs, line breaks — and random Unicode. Whatever the text, the answer is a
Document whose offsets hold (or records whose offsets hold), or a PlanextractError;
never another exception.

CI runs a few hundred examples per property, the same ones every time (the "ci"
profile). A longer, random run:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_fuzz.py
"""
from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import planextract
from planextract.errors import PlanextractError

WORDS = ["Ủy ban nhân dân tỉnh Nghệ An", "Sở Thông tin và Truyền thông", "chủ trì", "phối hợp", "phấn đấu",
         "đến năm 2025", "tỷ lệ hộ gia đình", "đạt", "trên", "tối thiểu", "Kế hoạch số 347/KH-UBND",
         "Quyết định số 411/QĐ-TTg ngày 31/3/2022", "MỤC TIÊU", "NHIỆM VỤ", "Stt", "Nội dung", "Thời gian",
         "hoà", "thuỷ", "khoẻ", "Đắk Nông", "kinh tế số", "GRDP", "hằng năm", "trước ngày 15/12"]
MARKS = ["%", "80%", "15-20%", "12,5%", "- ", "+ ", "• ", "* ", "I. ", "II. ", "1. ", "1.2. ", "a) ", "**",
         "# ", "|", " | ", "\n|\n", ";", ",", ":", ".", " ", "  ", "\n", "\n\n", "\r\n", "(", ")", "…"]
TABS = ["\t", "\t\t", "\n\t\n", "\t|"]


PREFIXES = ["", "", "- ", "+ ", "I. ", "II. ", "1. ", "2. ", "a) ", "# ", "**1. Mục tiêu:** ", "Stt | "]
HEADINGS = ["I. MỤC TIÊU", "II. NHIỆM VỤ, GIẢI PHÁP", "1. Mục tiêu cụ thể", "III. TỔ CHỨC THỰC HIỆN",
            "1. Sở Thông tin và Truyền thông: chủ trì, phối hợp với các sở, ngành triển khai Kế hoạch.",
            "- Sở Tài chính chủ trì tham mưu bố trí kinh phí thực hiện, hoàn thành trong năm 2024.",
            "Định kỳ hằng năm, báo cáo kết quả về UBND tỉnh trước ngày 15/12."]


def plan_text(*, tabs: bool):
    """Text made of plan fragments, digits and random Unicode (tabs only when asked):
    as a soup of fragments, or as lines shaped like a plan's (headings, bullets, values)."""
    alphabet = st.characters(blacklist_categories=("Cs",), blacklist_characters="" if tabs else "\t")
    fragment = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS + (TABS if tabs else [])),
                         st.integers(0, 10**6).map(str), st.integers(0, 100).map(lambda n: f"{n}%"),
                         st.text(alphabet, max_size=8))
    soup = st.lists(fragment, max_size=40).map("".join)
    line = st.one_of(st.sampled_from(HEADINGS),
                     st.tuples(st.sampled_from(PREFIXES), st.lists(fragment, min_size=1, max_size=12).map(" ".join))
                     .map("".join),
                     st.lists(fragment, min_size=2, max_size=5).map(("\t" if tabs else " | ").join))
    lines = st.lists(line, max_size=25).map("\n".join)
    return st.one_of(soup, lines)


def check_document(doc) -> None:
    assert unicodedata.is_normalized("NFC", doc.text)
    previous_end = 0
    for block in doc.blocks:
        assert previous_end <= block.start <= block.end <= len(doc.text)
        assert doc.text[block.start:block.end] == block.text
        previous_end = block.end
        for cell in block.table.cells if block.table else []:
            assert block.start <= cell.start <= cell.end <= block.end
            assert doc.text[cell.start:cell.end] == cell.text


def check_read(text: str) -> None:
    try:
        doc = planextract.load_text(text, "fuzz.txt")
    except PlanextractError as err:
        assert str(err).startswith("fuzz.txt: ") and "\n" not in str(err)
        return
    check_document(doc)


def check_extracted(text: str) -> None:
    try:
        result = planextract.extract_text(text, "fuzz.txt")
    except PlanextractError as err:
        assert str(err).startswith("fuzz.txt: ")
        return
    length = len(planextract.load_text(text, "fuzz.txt").text)
    for name in ("targets", "tasks", "references", "deadlines"):
        for record in getattr(result, name):
            if record.start is not None:
                assert 0 <= record.start <= record.end <= length, (name, record)
    assert json.loads(result.to_json())["schema_version"] == "1"


@given(plan_text(tabs=False))
@example("Tỉnh Nghệ An | 80%\n|\n- \n1.\n\n\x00\u2028")
def test_load_text_gives_a_document_or_a_clear_error(text):
    check_read(text)


@given(plan_text(tabs=False))
def test_extract_gives_records_inside_the_text_or_a_clear_error(text):
    check_extracted(text)


@given(plan_text(tabs=True))
@example("\t\n|")
def test_load_text_with_tabs_gives_a_document_or_a_clear_error(text):
    check_read(text)


@given(plan_text(tabs=True))
@example("Tỉnh Nghệ An và các sở\n\t\n")
def test_extract_with_tabs_gives_records_inside_the_text_or_a_clear_error(text):
    check_extracted(text)
