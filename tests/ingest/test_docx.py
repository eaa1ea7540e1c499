"""The DOCX reader on the Đồng Tháp plan (corpus/dong-thap-241-2022.docx) and on
small documents built here with python-docx."""
from __future__ import annotations

import difflib
import os
import zipfile
from pathlib import Path

import docx
import pytest

import planextract
from planextract.document import HEADING, TABLE
from planextract.errors import CorruptFile, EncryptedFile, PlanextractError
from planextract.ingest.docx import read_docx

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DONG_THAP_DOCX = CORPUS / "dong-thap-241-2022.docx"
DONG_THAP_TXT = CORPUS / "dong-thap-241-2022.txt"


@pytest.fixture(scope="module")
def doc():
    return read_docx(DONG_THAP_DOCX)


@pytest.fixture(scope="module")
def seed():
    return planextract.load(DONG_THAP_TXT)


@pytest.fixture(scope="module")
def table_b(doc):
    return doc.tables()[1].table


def filled_rows(block):
    """Each row as the non-empty texts of the cells that start in it."""
    return [[text for text in row if text] for row in block.table.row_texts()]


def find_row(table, number: str, task_start: str) -> list:
    return next(row for row in table.rows()
                if row[0].text == number and row[1].text.startswith(task_start))


# ---------------------------------------------------------------- the corpus DOCX

def test_reads_as_docx_without_pages(doc):
    assert doc.format == "docx"
    assert doc.pages is None and doc.page_starts == []
    assert doc.source.endswith("dong-thap-241-2022.docx")


def test_load_dispatches_to_the_docx_reader():
    loaded = planextract.load(DONG_THAP_DOCX)
    assert loaded.format == "docx"
    assert len(loaded.tables()) == 2


def test_layout_tables_are_read_as_paragraphs(doc):
    # The borderless header block and the signature block are not data tables.
    assert [b.text for b in doc.blocks[:5]] == [
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 241/KH-UBND",
        "Đồng Tháp, ngày 06 tháng 7 năm 2022",
    ]
    texts = [b.text for b in doc.blocks]
    assert "Nơi nhận:" in texts
    assert "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in texts
    assert "Huỳnh Minh Tuấn" in texts


def test_page_number_header_is_not_read(doc):
    # The PAGE field lives in word/header1.xml; no block is a bare number.
    assert not any(b.text.isdigit() for b in doc.blocks)


def test_headings_keep_their_numbers_and_bold(doc):
    headings = [(b.number, b.text) for b in doc.headings()]
    assert headings[:4] == [
        ("I.", "I. MỤC TIÊU"),
        ("1.", "1. Phát triển kinh tế số"),
        ("a)", "a) Mục tiêu cơ bản đến năm 2025"),
        ("b)", "b) Mục tiêu cơ bản đến năm 2030"),
    ]
    first = doc.headings()[0]
    assert first.bold and first.level == 2


def test_bold_prefix_makes_an_inline_heading(doc):
    # "**1. Nhiệm vụ:** Chi tiết …" in the DOCX: a bold run, then plain text.
    i = next(i for i, b in enumerate(doc.blocks) if b.text == "1. Nhiệm vụ:")
    assert doc.blocks[i].kind == HEADING
    assert doc.blocks[i + 1].text == "Chi tiết các nhiệm vụ tại Phụ lục kèm theo."


def test_goal_bullets_are_list_items(doc):
    item = next(b for b in doc.blocks
                if b.text == "- Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 80%.")
    assert item.kind == "list_item"


def test_two_data_tables(doc, table_b):
    tables = doc.tables()
    assert len(tables) == 2
    assert (tables[0].table.n_rows, tables[0].table.n_cols) == (5, 4)
    assert (table_b.n_rows, table_b.n_cols) == (76, 5)
    assert table_b.row_texts()[0] == ["Stt", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"]
    assert all(c.bold for c in table_b.row(0))


def test_group_rows_span_the_four_right_columns(table_b):
    number, title = table_b.row(1)
    assert (number.text, title.text) == ("I", "PHÁT TRIỂN NỀN MÓNG CHO KINH TẾ SỐ VÀ XÃ HỘI SỐ")
    assert (title.col, title.col_span, title.bold) == (1, 4, True)


def test_vertical_merges_become_row_spans(table_b):
    # Đồng Tháp table B, II.2 a–m: Chủ trì "Sở Y tế" covers 9 rows,
    # Phối hợp covers a–đ (5 rows), then "Các cơ sở y tế" covers e, g, h.
    a = find_row(table_b, "a", "Triển khai Nền tảng hỗ trợ")
    lead, partners = a[2], a[3]
    assert (lead.text, lead.row_span, lead.col) == ("Sở Y tế", 9, 2)
    assert partners.text == "- Sở Thông tin và Truyền thông - UBND cấp huyện - Các cơ sở y tế"
    assert partners.row_span == 5
    e = find_row(table_b, "e", "Triển khai Nền tảng hồ sơ")
    assert [(c.col, c.text, c.row_span) for c in e] == [
        (0, "e", 1), (1, e[1].text, 1), (3, "Các cơ sở y tế", 3), (4, "2022 - 2025", 1)]
    # The continuing rows carry no cell of their own in the merged columns.
    b = table_b.row(a[0].row + 1)
    assert [c.col for c in b] == [0, 1, 4]
    assert table_b.grid()[a[0].row + 8][2] is lead


def test_agency_item_lines_are_joined_in_one_cell(table_b):
    row = find_row(table_b, "a", "Triển khai kế hoạch thúc đẩy")
    assert row[2].text == "Sở Thông tin và Truyền thông" and row[2].row_span == 2
    assert row[3].text == "- Các sở, ngành tỉnh - UBND cấp huyện" and row[3].row_span == 2


def test_cell_offsets_point_into_the_text(doc, table_b):
    for cell in table_b.cells[:40]:
        assert doc.text[cell.start:cell.end] == cell.text
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text


# ---------------------------------------------------------------- agreement with the seed text

def test_table_rows_match_the_text_reader(doc, seed):
    assert len(doc.tables()) == len(seed.tables())
    for ours, theirs in zip(doc.tables(), seed.tables()):
        assert filled_rows(ours) == filled_rows(theirs)


def test_row_spans_match_the_text_reader(doc, seed):
    def spans(block):
        return sorted((c.row, c.col, c.row_span, c.col_span) for c in block.table.cells if c.text)
    for ours, theirs in zip(doc.tables(), seed.tables()):
        assert spans(ours) == spans(theirs)


def test_running_text_matches_the_text_reader(doc, seed):
    def words(d):
        return " ".join(b.text for b in d.blocks if b.kind != TABLE).split()
    ratio = difflib.SequenceMatcher(None, words(doc), words(seed), autojunk=False).ratio()
    assert ratio >= 0.97


# ---------------------------------------------------------------- built documents

def test_automatic_numbering_and_line_breaks(tmp_path):
    built = docx.Document()
    built.add_paragraph("Mục tiêu", style="List Number")
    built.add_paragraph("Nhiệm vụ", style="List Number")
    built.add_paragraph("Tỷ lệ hộ gia đình có kết nối Internet đạt 80%;", style="List Bullet")
    para = built.add_paragraph()
    para.add_run("4. Kinh phí:").bold = True
    para.add_run(" Cân đối từ nguồn ngân sách nhà nước.")
    para = built.add_paragraph("Thực hiện các văn bản")
    para.add_run().add_break()
    para.add_run("của Thủ tướng Chính phủ")
    para.add_run().add_break()
    para.add_run("- Sở Y tế chủ trì;")
    built.add_paragraph("")  # empty paragraphs are skipped
    path = tmp_path / "built.docx"
    built.save(path)

    blocks = [(b.kind, b.number, b.text) for b in read_docx(path).blocks]
    assert blocks == [
        ("heading", "1.", "1. Mục tiêu"),
        ("heading", "2.", "2. Nhiệm vụ"),
        ("list_item", None, "- Tỷ lệ hộ gia đình có kết nối Internet đạt 80%;"),
        ("heading", "4.", "4. Kinh phí:"),
        ("paragraph", None, "Cân đối từ nguồn ngân sách nhà nước."),
        ("paragraph", None, "Thực hiện các văn bản của Thủ tướng Chính phủ"),
        ("list_item", None, "- Sở Y tế chủ trì;"),
    ]


def test_merges_built_with_python_docx(tmp_path):
    built = docx.Document()
    built.add_paragraph("Phụ lục nhiệm vụ")
    table = built.add_table(rows=5, cols=4)
    table.style = "Table Grid"
    rows = [["Stt", "Tên nhiệm vụ", "Chủ trì", "Thời gian"],
            ["I", "Phát triển hạ tầng số", "", ""],
            ["1", "Phổ cập Internet", "Sở Thông tin và Truyền thông", "2022"],
            ["2", "Triển khai 5G", "", "2023"],
            ["Stt", "Tên nhiệm vụ", "Chủ trì", "Thời gian"]]  # a header repeated as a row
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(1, 3)).text = "Phát triển hạ tầng số"
    table.cell(2, 2).merge(table.cell(3, 2)).text = "Sở Thông tin và Truyền thông"
    built.add_paragraph("Trên đây là Kế hoạch.")
    path = tmp_path / "merged.docx"
    built.save(path)

    doc = read_docx(path)
    assert [b.kind for b in doc.blocks] == ["paragraph", TABLE, "paragraph"]
    grid = doc.tables()[0].table
    assert grid.n_rows == 4  # the repeated header row is dropped
    assert [(c.text, c.col, c.col_span) for c in grid.row(1)] == [
        ("I", 0, 1), ("Phát triển hạ tầng số", 1, 3)]
    lead = grid.row(2)[2]
    assert (lead.text, lead.row_span) == ("Sở Thông tin và Truyền thông", 2)
    assert [c.text for c in grid.row(3)] == ["2", "Triển khai 5G", "2023"]


# ---------------------------------------------------------------- broken files

def _zip_with(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("reader", [read_docx, planextract.load])
def test_random_bytes_in_a_zip_is_a_corrupt_file(tmp_path, reader):
    path = tmp_path / "hong.docx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(4000))
    with pytest.raises(CorruptFile) as err:
        reader(path)
    assert "hong.docx" in str(err.value)


@pytest.mark.parametrize("reader", [read_docx, planextract.load])
def test_zip_without_document_xml_is_a_corrupt_file(tmp_path, reader):
    with zipfile.ZipFile(DONG_THAP_DOCX) as original:
        members = {n: original.read(n) for n in original.namelist() if n != "word/document.xml"}
    path = _zip_with(tmp_path / "thieu.docx", members)
    with pytest.raises(PlanextractError) as err:
        reader(path)
    assert isinstance(err.value, CorruptFile)
    assert "thieu.docx" in str(err.value) and "word/document.xml" in str(err.value)


def test_malformed_xml_is_a_corrupt_file(tmp_path):
    with zipfile.ZipFile(DONG_THAP_DOCX) as original:
        members = {n: original.read(n) for n in original.namelist()}
    members["word/document.xml"] = b"<w:document><w:body>"
    path = _zip_with(tmp_path / "xml-hong.docx", members)
    with pytest.raises(CorruptFile, match="xml-hong.docx"):
        read_docx(path)


def test_a_plain_zip_is_not_a_docx(tmp_path):
    path = _zip_with(tmp_path / "nen.docx", {"ghi-chu.txt": b"khong phai Word"})
    with pytest.raises(CorruptFile, match="nen.docx"):
        read_docx(path)


def test_password_protected_docx_is_an_encrypted_file(tmp_path):
    # Office wraps an encrypted DOCX in an OLE container with an EncryptionInfo stream.
    path = tmp_path / "mat-khau.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
                     + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512)
    with pytest.raises(EncryptedFile, match="mat-khau.docx"):
        read_docx(path)
