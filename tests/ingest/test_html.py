"""The HTML reader on a plan excerpt as a provincial portal publishes it
(tests/fixtures/ke-hoach-kinh-te-so.html) and on small snippets."""
from __future__ import annotations

from pathlib import Path

import pytest

import planextract
from planextract.document import HEADING, LIST_ITEM, PARAGRAPH, TABLE
from planextract.ingest.html import read_html

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ke-hoach-kinh-te-so.html"


@pytest.fixture(scope="module")
def doc():
    return planextract.load(FIXTURE)


@pytest.fixture(scope="module")
def table(doc):
    return doc.tables()[0].table


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks]


def test_load_sniffs_html(doc):
    assert doc.format == "html"
    assert doc.pages is None
    assert doc.warnings == []


def test_page_chrome_and_hidden_text_are_dropped(doc):
    everything = doc.text
    for chrome in ("CỔNG THÔNG TIN ĐIỆN TỬ", "Trang chủ", "Bản quyền", "gtag", "dataLayer",
                   "Bản in", "border: 1px"):
        assert chrome not in everything


def test_header_block_layout_table_gives_paragraphs(doc):
    # Lines of one unit are joined; the "-------" rules are dropped.
    assert texts(doc)[:5] == [
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 241/KH-UBND",
        "Đồng Tháp, ngày 06 tháng 7 năm 2022",
    ]
    assert all(b.kind == PARAGRAPH for b in doc.blocks[:5])


def test_title_lines_are_bold(doc):
    title = doc.blocks[5]
    assert (title.text, title.bold) == ("KẾ HOẠCH", True)  # font-weight: bold
    assert doc.blocks[6].bold  # <strong>


def test_headings_with_their_numbers(doc):
    assert [(b.number, b.level, b.text) for b in doc.headings()[:5]] == [
        ("I.", 2, "I. MỤC TIÊU"),
        ("1.", 3, "1. Phát triển xã hội số"),
        ("a)", 6, "a) Mục tiêu cơ bản đến năm 2025"),
        ("b)", 6, "b) Mục tiêu cơ bản đến năm 2030"),
        ("II.", 2, "II. NHIỆM VỤ, GIẢI PHÁP"),
    ]
    assert all(b.bold for b in doc.headings()[:5])


def test_goal_bullets(doc):
    goals = [b.text for b in doc.blocks if b.kind == LIST_ITEM and "%" in b.text]
    assert goals == [
        "- Trên 80% hộ gia đình có kết nối Internet băng rộng cố định;",
        "- Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 80%;",
        "- Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân đạt trên 50%;",
        # <ul><li> items get the "- " a browser draws as a bullet
        "- Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 95%;",
        "- Trên 85% dân số có kỹ năng số cơ bản.",
    ]


def test_bold_prefix_and_br_lines(doc):
    blocks = texts(doc)
    i = blocks.index("1. Nhiệm vụ:")
    assert doc.blocks[i].kind == HEADING
    assert blocks[i + 1] == "Chi tiết các nhiệm vụ tại Phụ lục kèm theo."
    # A <div> with direct text and <br> lines: one piece per line.
    j = blocks.index("a) Tổ chức, bộ máy")
    assert doc.blocks[j + 1].text.startswith("- Tiếp tục rà soát, kiện toàn")
    assert doc.blocks[j + 2].text == "- Thành lập các Tổ công nghệ số cộng đồng đến từng khóm, ấp."


def test_one_data_table_with_header_and_group_rows(doc, table):
    assert len(doc.tables()) == 1
    assert (table.n_rows, table.n_cols) == (7, 5)  # the repeated header row is dropped
    assert table.row_texts()[0] == ["Stt", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"]
    assert all(c.bold for c in table.row(0))
    number, group = table.row(1)
    assert (number.text, group.text, group.col, group.col_span, group.bold) == (
        "I", "PHÁT TRIỂN NỀN MÓNG CHO KINH TẾ SỐ VÀ XÃ HỘI SỐ", 1, 4, True)


def test_rowspan_agency_cells(table):
    a = table.row(3)
    assert [(c.col, c.text, c.row_span) for c in a] == [
        (0, "a", 1),
        (1, "Triển khai kế hoạch thúc đẩy phát triển và sử dụng các nền tảng số quốc gia", 1),
        (2, "Sở Thông tin và Truyền thông", 2),
        (3, "- Các sở, ngành tỉnh - UBND cấp huyện", 2),
        (4, "2022 - 2030", 1),
    ]
    # Row b has three cells; its time cell lands in column 4, past the covered columns.
    assert [(c.col, c.text) for c in table.row(4)] == [
        (0, "b"), (1, "Tổ chức tập huấn, hướng dẫn sử dụng và triển khai các nền tảng số"),
        (4, "2022 - 2030")]
    assert table.grid()[4][2] is a[2]


def test_nested_table_is_flattened_and_empty_cells_kept(table):
    assert table.row(5)[3].text == "Sở Thông tin và Truyền thông UBND cấp huyện"
    assert table.row_texts()[6] == [
        "3", "Xây dựng nền tảng tổng hợp, phân tích dữ liệu của tỉnh",
        "Sở Thông tin và Truyền thông", "", "2022 - 2025"]


def test_signature_block_gives_paragraphs(doc):
    tail = [(b.kind, b.text) for b in doc.blocks[-5:]]
    assert tail == [
        (PARAGRAPH, "Nơi nhận:"),
        (LIST_ITEM, "- Bộ Thông tin và Truyền thông;"),
        (LIST_ITEM, "- Lưu: VT, THVX."),
        (PARAGRAPH, "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"),
        (PARAGRAPH, "Huỳnh Minh Tuấn"),
    ]


def test_offsets_point_into_the_text(doc, table):
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text
    for cell in table.cells:
        assert doc.text[cell.start:cell.end] == cell.text


# ---------------------------------------------------------------- snippets

def test_ordered_list_markers():
    doc = read_html("<ol type='a'><li>Tổ chức, bộ máy</li><li>Hợp tác</li></ol>"
                    "<ol start='3'><li>Sở Tài chính</li></ol>"
                    "<ol type='I'><li><p>MỤC TIÊU</p></li><li>1. đã có số</li></ol>", "s.html")
    assert texts(doc) == ["a. Tổ chức, bộ máy", "b. Hợp tác", "3. Sở Tài chính",
                          "I. MỤC TIÊU", "1. đã có số"]


def test_rowspan_and_colspan_grid():
    html = """<table border="1">
      <tr><th>A</th><th colspan="2">B</th></tr>
      <tr><td rowspan="3">x</td><td>1</td><td rowspan="2">y</td></tr>
      <tr><td>2</td></tr>
      <tr><td colspan="2">3</td></tr>
    </table>"""
    table = read_html(html, None).tables()[0].table
    assert [(c.row, c.col, c.text, c.row_span, c.col_span) for c in table.cells] == [
        (0, 0, "A", 1, 1), (0, 1, "B", 1, 2),
        (1, 0, "x", 3, 1), (1, 1, "1", 1, 1), (1, 2, "y", 2, 1),
        (2, 1, "2", 1, 1),
        (3, 1, "3", 1, 2),
    ]


def test_rowspan_past_the_last_row_is_clipped():
    html = "<table border='1'><tr><td rowspan='5'>Sở Y tế</td><td>a</td></tr>" \
           "<tr><td>b</td></tr></table>"
    table = read_html(html, None).tables()[0].table
    assert table.n_rows == 2 and table.row(0)[0].row_span == 2


def test_words_split_by_inline_tags_stay_whole():
    doc = read_html("<p>Sở Thông tin và Truy<span>ền</span> thông</p>"
                    "<table border='1'><tr><td>Chủ <b>trì</b></td><td>Truy<i>ền</i></td></tr>"
                    "<tr><td>a</td><td>b</td></tr></table>", None)
    assert doc.blocks[0].text == "Sở Thông tin và Truyền thông"
    assert doc.tables()[0].table.row_texts()[0] == ["Chủ trì", "Truyền"]
    assert doc.blocks[0].kind != TABLE
