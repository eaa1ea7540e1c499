"""Structure on made-up inputs in every heading form plans use."""
import pytest

from planextract import extract_text, load_text
from planextract.analyze import analyze

WRAPPED_PLAN = """**I. MỤC TIÊU**

**1. Mục tiêu cụ thể đến năm
2030**

- Phấn đấu 100% hồ sơ, dữ liệu chuyên ngành được quản lý, cập nhật, khai thác
trên môi trường số.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Khoa học và Công nghệ: Chủ trì, phối hợp với các sở, ngành tổ chức triển
khai Kế hoạch này; tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.
"""


def outline_of(text):
    doc = load_text(text)
    analysis = analyze(doc)
    return analysis, {b.text: analysis.node(b) for b in doc.blocks}


@pytest.mark.parametrize("heading", [
    "PHẦN I. MỤC TIÊU", "Phần thứ nhất MỤC TIÊU", "I - MỤC TIÊU", "I. MỤC TIÊU", "1/ Chỉ tiêu",
    "## MỤC TIÊU", "**Mục tiêu cụ thể**", "MỤC TIÊU CỤ THỂ", "Điều 2. Mục tiêu",
])
def test_every_heading_form_opens_a_section(heading):
    analysis, nodes = outline_of(f"{heading}\n\n- Tỷ lệ hộ gia đình có cáp quang đạt 80%;\n")
    [bullet] = [n for t, n in nodes.items() if t.startswith("- Tỷ lệ")]
    assert bullet.parent is not None and bullet.parent.role == "heading"
    assert analysis.scope(bullet.block).kind == "objectives"


def test_lead_in_governs_the_list_under_it():
    text = ("Mục tiêu cơ bản đến năm 2025:\n- Tỷ lệ A đạt 80%;\n- Tỷ lệ B đạt 90%.\n"
            "Mục tiêu đến năm 2030:\n- Tỷ lệ A đạt 100%.\n")
    analysis, nodes = outline_of(text)
    assert nodes["- Tỷ lệ B đạt 90%."].parent.block.text == "Mục tiêu cơ bản đến năm 2025:"
    assert nodes["- Tỷ lệ A đạt 100%."].parent.block.text == "Mục tiêu đến năm 2030:"
    assert analysis.scope(nodes["- Tỷ lệ B đạt 90%."].block).year == 2025
    assert analysis.scope(nodes["- Tỷ lệ A đạt 100%."].block).year == 2030


def test_a_long_article_holds_the_numbered_headings_under_it():
    article = ("Điều 1. Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2027 của tỉnh Ninh Bình với các "
               "chỉ tiêu chủ yếu sau:")
    text = f"{article}\n1. Về kinh tế\na) Tổng thu ngân sách nhà nước trên địa bàn là 42.500 tỷ đồng.\nĐiều 2. Tổ chức thực hiện\n"
    analysis, nodes = outline_of(text)
    item = nodes["a) Tổng thu ngân sách nhà nước trên địa bàn là 42.500 tỷ đồng."]
    assert [n.block.text for n in reversed(item.chain())][:2] == [article, "1. Về kinh tế"]
    assert analysis.scope(item.block).kind == "objectives"
    assert nodes["Điều 2. Tổ chức thực hiện"].parent is None


def test_nesting_follows_the_numbering_styles():
    text = "A. PHẦN CHUNG\nI. MỤC TIÊU\n1. Kinh tế số\n1.1. Hạ tầng\na) Mạng 5G\n- Phủ sóng\n+ Thôn bản\nII. NHIỆM VỤ\n"
    _, nodes = outline_of(text)
    assert [n.block.text for n in reversed(nodes["+ Thôn bản"].chain())] == [
        "A. PHẦN CHUNG", "I. MỤC TIÊU", "1. Kinh tế số", "1.1. Hạ tầng", "a) Mạng 5G", "- Phủ sóng", "+ Thôn bản"]
    assert nodes["II. NHIỆM VỤ"].parent.block.text == "A. PHẦN CHUNG"


def test_hard_wrapped_text_joins_lines_before_classifying():
    analysis, nodes = outline_of(WRAPPED_PLAN)
    assert "1. Mục tiêu cụ thể đến năm 2030" in nodes
    item = next(n for t, n in nodes.items() if t.startswith("1. Sở Khoa học"))
    assert item.role == "item" and item.block.text.endswith("kết quả thực hiện.")
    assert analysis.section(item.block) == "II. TỔ CHỨC THỰC HIỆN"
    bullet = next(n for t, n in nodes.items() if t.startswith("- Phấn đấu"))
    assert analysis.section(bullet.block) == "I. MỤC TIÊU > 1. Mục tiêu cụ thể đến năm 2030"


def test_a_plain_paragraph_closes_the_list_above_it():
    _, nodes = outline_of("I. MỤC TIÊU\n- Tỷ lệ A đạt 80%;\nCác sở căn cứ Kế hoạch này triển khai thực hiện.\n")
    assert nodes["Các sở căn cứ Kế hoạch này triển khai thực hiện."].parent.block.text == "I. MỤC TIÊU"


def test_a_caption_or_lead_in_just_above_a_table_gives_it_its_year():
    text = ("II. MỤC TIÊU\n\nBảng 1. Chỉ tiêu phát triển lâm nghiệp đến năm 2030\n\n"
            "| TT | Chỉ tiêu | Đơn vị tính | Mục tiêu |\n|---|---|---|---|\n| 1 | Tỷ lệ che phủ rừng | % | 63 |\n")
    [target] = extract_text(text).targets
    assert (target.indicator, target.year, target.value) == ("Tỷ lệ che phủ rừng", 2030, 63.0)
