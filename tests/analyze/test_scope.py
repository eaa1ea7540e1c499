"""Scopes: year, section kind and domain from headings, lead-ins, phases and the title."""
import pytest

from planextract import load_text
from planextract.analyze import analyze
from planextract.analyze.scope import kind_of, years_in


@pytest.mark.parametrize("text, year", [
    ("Mục tiêu cụ thể đến năm 2030", 2030), ("MỤC TIÊU GIAI ĐOẠN 2021 - 2025", 2025),
    ("Đến 2025", 2025), ("Năm 2026", 2026), ("giai đoạn 2026 - 2027", 2027),
    ("đến năm 2025, định hướng đến năm 2030", 2025), ("tầm nhìn đến năm 2045", 2045),
    ("tăng 10% so với năm 2022", None), ("Kế hoạch ngày 12 tháng 5 năm 2025", None),
    ("thực hiện Quyết định số 12/2025/QĐ-UBND", None),
    # a programme or a standard named with its year is no time
    ("học môn Tin học theo chương trình giáo dục phổ thông 2018", None), ("theo tiêu chuẩn ISO 9001:2015", None),
    # a quarter or a month written with a slash gives its year; a number or a date does not
    ("hoàn thành trong quý I/2026", 2026), ("trong tháng 6/2026", 2026), ("Quý 4 / 2025", 2025),
    ("theo Kế hoạch số 15/2026", None), ("trước ngày 15/6/2026", None),
])
def test_years_a_heading_states(text, year):
    assert years_in(text)[0] == year


@pytest.mark.parametrize("heading, kind", [
    ("II. MỤC TIÊU", "objectives"), ("MỤC TIÊU, NHIỆM VỤ", "objectives"),
    ("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023", "results"), ("III. NHIỆM VỤ VÀ GIẢI PHÁP", "tasks"),
    ("IV. TỔ CHỨC THỰC HIỆN", "organisation"), ("PHÂN CÔNG TRÁCH NHIỆM", "organisation"),
    ("V. KINH PHÍ THỰC HIỆN", "funding"), ("I. MỤC ĐÍCH, YÊU CẦU", "purpose"), ("Phụ lục", None),
    # a procedure's description, and an area of reform work that names no kind of section
    ("Trình tự thực hiện", "procedure"), ("THỦ TỤC HÀNH CHÍNH CẤP TỈNH", "procedure"),
    ("2. Cải cách thủ tục hành chính", None), ("b) Kiểm soát thủ tục hành chính", None),
])
def test_section_kinds(heading, kind):
    assert kind_of(heading) == kind


def test_nearest_heading_wins_and_title_is_the_default_year():
    text = "I. MỤC TIÊU\n1. Mục tiêu chung\n- Tỷ lệ A đạt 80%\n2. Mục tiêu đến năm 2030\n- Tỷ lệ B đạt 90%\n"
    doc = load_text(text)
    analysis = analyze(doc, title="Kế hoạch chuyển đổi số giai đoạn 2026 - 2028")
    a = next(b for b in doc.blocks if "Tỷ lệ A" in b.text)
    b = next(b for b in doc.blocks if "Tỷ lệ B" in b.text)
    assert analysis.scope(a).year == 2028 and analysis.scope(b).year == 2030


def test_domain_from_the_heading_and_none_under_both():
    text = ("II. MỤC TIÊU\n1. Phát triển kinh tế số\n- Tỷ lệ A đạt 80%\n"
            "2. Phát triển kinh tế số và xã hội số\n- Tỷ lệ B đạt 90%\n")
    doc = load_text(text)
    analysis = analyze(doc)
    a = next(b for b in doc.blocks if "Tỷ lệ A" in b.text)
    b = next(b for b in doc.blocks if "Tỷ lệ B" in b.text)
    assert analysis.scope(a).domain == "digital_economy" and analysis.scope(b).domain is None


@pytest.mark.parametrize("heading, kind", [
    ("III. NỘI DUNG THI ĐUA, PHƯƠNG ÁN TRIỂN KHAI, TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI", "tasks"),
    ("2. Phương án triển khai", "tasks"), ("3. Tiêu chí đánh giá, xếp loại", "criteria"),
])
def test_a_plan_of_work_and_criteria_are_no_report_of_results(heading, kind):
    assert kind_of(heading) == kind


@pytest.mark.parametrize("heading, kind", [("II. MUC TIEU", "objectives"), ("II. MỤC TIỂU", "objectives"),
                                           ("IV. TỔ CHỨC THỰC HIẸN", "organisation"), ("III. NHIEM VU", "tasks"),
                                           ("V. DANH MỤC TÀI LIỆU", None)])
def test_section_words_whose_tone_marks_ocr_lost_or_misread(heading, kind):
    assert kind_of(heading) == kind
