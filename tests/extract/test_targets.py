"""Targets from every form of the seeds: concrete values, and F1 against the gold."""
from pathlib import Path

import pytest

from planextract.evaluate import evaluate
from planextract.extract import extract_document
from planextract.extract.targets import find_values

from ..conftest import ANNOTATIONS, CORPUS, RENDERED_PDFS, SEEDS


def _targets(corpus, name):
    return extract_document(corpus(name)).targets


def _find(targets, year, indicator_start):
    found = [t for t in targets if t.year == year and t.indicator.startswith(indicator_start)]
    assert found, f"no {year} target starting {indicator_start!r}"
    return found


@pytest.mark.parametrize("phrase, expected", [
    ("đạt 80%", ("eq", 80, None)), ("đạt trên 50%", ("gt", 50, None)),
    ("chiếm tối thiểu 20% GRDP", ("gte", 20, None)), ("15-20%", ("range", 15, 20)),
    ("60 - 80%", ("range", 60, 80)), ("đạt 12% đến 20% GRDP", ("range", 12, 20)),
    ("Khoảng 70% dân số trở lên", ("gte", 70, None)), ("Trên 55% doanh nghiệp", ("gt", 55, None)),
    ("100% sản phẩm", ("eq", 100, None)), ("đạt trên 1,5%", ("gt", 1.5, None)),
    ("tăng tối thiểu 7%", ("gte", 7, None)), ("Trên 100% hộ gia đình", ("gt", 100, None)),
    ("khoảng 30%", ("approx", 30, None)), ("không quá 5%", ("lte", 5, None)),
])
def test_value_phrasings(phrase, expected):
    [value] = find_values(phrase, counted=False)
    assert (value.comparator, value.value, value.value_max) == expected
    assert value.unit == "%"


def test_counted_units_only_when_asked():
    assert find_values("Có 10 doanh nghiệp", counted=False) == []
    [value] = find_values("Có 10 doanh nghiệp", counted=True)
    assert (value.value, value.unit) == (10, "doanh nghiệp")


def test_footnote_marks_are_not_values(corpus):
    targets = _targets(corpus, "nghe-an-347-2023.txt")
    assert not any(t.value in (1, 2) and t.unit == "%" and t.comparator == "eq" for t in targets)
    [t] = _find(targets, 2025, "Tỷ trọng thương mại điện tử")
    assert (t.comparator, t.value, t.value_max) == ("range", 8, 10)


def test_nghe_an_digital_economy_share(corpus):
    [t] = _find(_targets(corpus, "nghe-an-347-2023.txt"), 2025, "Tỷ trọng kinh tế số")[:1]
    assert (t.comparator, t.value, t.value_max, t.unit, t.domain) == ("range", 15, 20, "%", "digital_economy")
    assert t.lead == ["Cục Thống kê tỉnh"]  # from the measurement section C.IV


def test_dong_thap_value_first_and_decimal_comma(corpus):
    targets = _targets(corpus, "dong-thap-241-2022.txt")
    [t] = _find(targets, 2030, "Tỷ lệ nhân lực lao động kinh tế số trong lực lượng lao động")
    assert (t.comparator, t.value) == ("gt", 1.5)
    [t] = _find(targets, 2030, "dân số tham gia mua sắm trực tuyến")
    assert (t.comparator, t.value) == ("gte", 70)
    [t] = _find(targets, 2030, "hộ gia đình có kết nối Internet")
    assert (t.comparator, t.value) == ("gt", 100)
    two = [t for t in targets if t.text.startswith("Thanh toán không dùng tiền mặt") and t.year == 2025]
    assert sorted((t.value, t.comparator) for t in two) == [(50, "eq"), (80, "eq")]


def test_appendix_restatement_is_merged_with_its_agencies(corpus):
    targets = _targets(corpus, "binh-thuan-4181-2022.txt")
    assert len([t for t in targets if t.year == 2025]) == 18
    [t] = _find(targets, 2025, "Kinh tế số")
    assert (t.value, t.comparator, t.lead) == (20, "eq", ["Sở Kế hoạch và Đầu tư"])
    assert t.text.startswith("Kinh tế số chiếm 20% GRDP") and t.section.startswith("I. MỤC TIÊU")
    [t2030] = _find(targets, 2030, "Kinh tế số")
    assert t2030.lead == []


def test_targets_outside_goal_lists(corpus):
    targets = _targets(corpus, "nghe-an-347-2023.txt")
    [coverage] = [t for t in targets if "4G/5G" in t.indicator]
    assert (coverage.year, coverage.value, coverage.comparator) == (2025, 100, "eq")
    [online] = [t for t in targets if t.indicator == "tỷ lệ hoạt động trực tuyến"]
    assert (online.year, online.value, online.comparator) == (None, 50, "gte")


def test_provenance_points_at_the_bullet(corpus):
    doc = corpus("dak-nong-292-2022.pdf")
    for t in extract_document(doc).targets:
        assert t.text in doc.text[t.start:t.end] or doc.text[t.start:t.end] in t.text or \
            t.text[:30] in doc.text[t.start:t.end]
        assert t.page == doc.page_at(t.start)


@pytest.mark.parametrize("ext, seeds, minimum", [("txt", SEEDS, 0.97), ("pdf", RENDERED_PDFS, 0.95),
                                                  ("docx", ["dong-thap-241-2022"], 0.95)])
def test_target_f1_against_gold(ext, seeds, minimum):
    report = evaluate([CORPUS / f"{s}.{ext}" for s in seeds], ANNOTATIONS)
    score = report.total("targets")
    assert score.f1 >= minimum, "\n".join(score.misses + score.extras)
