"""The text reader on the three seed conventions."""
import unicodedata

import pytest

from planextract import load_text
from planextract.document import HEADING, LIST_ITEM, TABLE

from ..conftest import SEEDS


def test_offsets_point_into_the_normalized_text(corpus):
    for seed in SEEDS:
        doc = corpus(f"{seed}.txt")
        assert unicodedata.is_normalized("NFC", doc.text)
        for block in doc.blocks:
            assert doc.text[block.start:block.end] == block.text
            if block.kind == TABLE:
                for cell in block.table.cells:
                    assert doc.text[cell.start:cell.end] == cell.text


def test_markdown_headings_keep_number_and_level(corpus):
    doc = corpus("dak-nong-292-2022.txt")
    heads = [(b.number, b.level, b.text) for b in doc.blocks if b.kind == HEADING]
    assert ("II.", 2, "II. MỤC TIÊU") in heads
    assert ("1.", 3, "1. Mục tiêu cơ bản đến năm 2025") in heads
    assert ("b)", 6, "b) Phát triển xã hội số") in heads


def test_bold_prefix_makes_an_inline_heading(corpus):
    doc = corpus("binh-thuan-4181-2022.txt")
    i = next(i for i, b in enumerate(doc.blocks) if b.text == "4. Đảm bảo kinh phí:")
    assert doc.blocks[i].kind == HEADING
    assert doc.blocks[i + 1].text.startswith("Cân đối, phân bổ nguồn kinh phí")


def test_goal_bullets_are_list_items(corpus):
    doc = corpus("nghe-an-347-2023.txt")
    item = next(b for b in doc.blocks if b.text.startswith("- Tỷ trọng kinh tế số đạt 15-20%"))
    assert item.kind == LIST_ITEM


def test_tab_table_drops_repeated_headers(corpus):
    doc = corpus("gia-lai-2068-2022.txt")
    [table] = doc.tables()
    rows = table.table.row_texts()
    assert rows[0][:2] == ["Số TT", "Nhiệm vụ"]
    assert sum(r[0] == "Số TT" for r in rows) == 1
    assert ["I", "PHÁT TRIỀN NỀN MÓNG CHO KINH TẾ SÓ VÀ XÃ HỘI SÓ", "", "", ""] == rows[1]


def test_row_broken_across_a_page_is_one_row(corpus):
    doc = corpus("nghe-an-347-2023.txt")
    row = next(r for r in doc.tables()[0].table.row_texts() if r[0] == "6.3")
    assert row[1].endswith("giới thiệu một số ngành, nghề mới yêu cầu các kỹ năng mới.")
    assert row[2] == "Sở Lao động - Thương Binh và Xã hội, Sở Thông tin và Truyền thông"
    assert row[4] == "2023-2030"


def test_wrapped_web_text_joins_lines(corpus):
    doc = corpus("dong-thap-241-2022.txt")
    texts = [b.text for b in doc.blocks]
    assert "- Tỷ trọng kinh tế số đạt 5% GRDP." in texts
    assert "a) Mục tiêu cơ bản đến năm 2025" in texts


def test_web_table_rebuilds_rows_and_dropped_merged_cells(corpus):
    doc = corpus("dong-thap-241-2022.txt")
    table_a, table_b = (b.table for b in doc.tables())
    assert (table_a.n_rows, table_a.n_cols) == (5, 4)
    assert table_b.n_cols == 5
    grid = table_b.grid()
    health = next(r for r in range(table_b.n_rows)
                  if grid[r][2] is not None and grid[r][2].text == "Sở Y tế" and grid[r][0].text == "a")
    assert grid[health][2].row_span == 9  # II.2 a–m: Chủ trì Sở Y tế
    group = table_b.row(1)
    assert [c.text for c in group] == ["I", "PHÁT TRIỂN NỀN MÓNG CHO KINH TẾ SỐ VÀ XÃ HỘI SỐ"]
    assert group[1].col_span == 4


def test_load_text_reads_a_string():
    doc = load_text("I. MỤC TIÊU\n\n- Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 80%;\n")
    assert [b.kind for b in doc.blocks] == [HEADING, LIST_ITEM]
    assert doc.pages is None and doc.blocks[1].page is None


def test_a_range_wrapped_to_the_start_of_a_line_is_no_numbered_item():
    text = "\n".join(["Phấn đấu đến năm 2030, tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt"] +
                     ["35 - 40%; tỷ lệ lao động có việc làm sau đào tạo đạt trên 85%, bảo đảm chất lượng"] +
                     ["đào tạo đáp ứng nhu cầu của thị trường lao động trong và ngoài tỉnh; nâng cao"] * 3 +
                     ["3 - Nhiệm vụ trọng tâm của các sở, ngành và địa phương trong năm kế hoạch tới"] +
                     ["được triển khai đồng bộ, thống nhất, hiệu quả, đúng tiến độ đã đề ra trong năm"] * 3)
    texts = [b.text for b in load_text(text).blocks]
    assert any("chứng chỉ đạt 35 - 40%;" in t for t in texts)
    assert any(t.startswith("3 - Nhiệm vụ trọng tâm") for t in texts)


def test_a_line_cut_mid_sentence_goes_on_in_text_not_wrapped_as_a_whole():
    text = ("2. Mục tiêu cụ thể\nĐến năm 2030, kinh tế số chiếm 35% GRDP, năng suất lao động tăng bình quân\n"
            "8%/năm, chỉ số đổi mới sáng tạo cấp địa phương thuộc nhóm 5 địa phương\ndẫn đầu cả nước.\n"
            "Năm 2026, tỷ trọng kinh tế số đạt 22%.\n")
    texts = [b.text for b in load_text(text).blocks]
    assert texts == ["2. Mục tiêu cụ thể",
                     "Đến năm 2030, kinh tế số chiếm 35% GRDP, năng suất lao động tăng bình quân 8%/năm, chỉ số đổi "
                     "mới sáng tạo cấp địa phương thuộc nhóm 5 địa phương dẫn đầu cả nước.",
                     "Năm 2026, tỷ trọng kinh tế số đạt 22%."]


def test_a_line_ending_in_a_comma_goes_on_even_in_a_new_capital():
    text = ("IV. NHIỆM VỤ, GIẢI PHÁP\n2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Công an tỉnh,\n"
            "Văn phòng UBND tỉnh triển khai Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh.\n3. Giao Sở Nội vụ tổ chức.\n")
    texts = [b.text for b in load_text(text).blocks]
    assert texts[1] == ("2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Công an tỉnh, Văn phòng UBND tỉnh "
                        "triển khai Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh.")


def test_a_line_ending_in_a_word_no_sentence_ends_with_goes_on():
    text = ("3. Về phát triển nguồn nhân lực\nGiao Sở Tài chính cân đối, bố trí kinh phí thực hiện; giao Sở Khoa học và\n"
            "Công nghệ hướng dẫn các trường học triển khai nền tảng học tập số.\n")
    texts = [b.text for b in load_text(text).blocks]
    assert texts[1] == ("Giao Sở Tài chính cân đối, bố trí kinh phí thực hiện; giao Sở Khoa học và Công nghệ hướng dẫn "
                        "các trường học triển khai nền tảng học tập số.")


def test_a_line_cut_after_a_bodys_head_noun_goes_on():
    text = ("V. TỔ CHỨC THỰC HIỆN\nCác sở, ngành xây dựng kế hoạch chi tiết của cơ quan, đơn vị mình và gửi về Sở\n"
            "Thông tin và Truyền thông trước ngày 15/3/2023.\n")
    assert [b.text for b in load_text(text).blocks][1].endswith("gửi về Sở Thông tin và Truyền thông trước ngày 15/3/2023.")


@pytest.mark.parametrize("line, number", [
    ("Nhiệm vụ 1: Rà soát quy hoạch mạng lưới trường học.", "Nhiệm vụ 1:"),
    ("Giải pháp số 2. Tăng cường kiểm tra, giám sát.", "Giải pháp số 2."),
    ("Dự án 3: Xây dựng kho dữ liệu dùng chung.", "Dự án 3:"),
])
def test_an_item_numbered_with_its_label_word(line, number):
    [block] = load_text(line + "\n").blocks
    assert (block.kind, block.number) == (LIST_ITEM, number)


def test_a_label_word_without_a_number_is_no_item():
    [block] = load_text("Nhiệm vụ trọng tâm là chuyển đổi số.\n").blocks
    assert block.number is None


def test_a_news_dateline_starts_the_paragraph_after_the_headline():
    doc = load_text("Đà Nẵng: Phấn đấu có 5.000 doanh nghiệp công nghệ số vào năm 2030\n"
                    "(Baodanang.vn) – UBND thành phố vừa ban hành Kế hoạch phát triển kinh tế số.\n")
    assert [b.text[:14] for b in doc.blocks] == ["Đà Nẵng: Phấn ", "(Baodanang.vn)"]


def test_two_columns_laid_out_on_shared_lines_are_read_left_then_right():
    doc = load_text("  ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "   TỈNH AN GIANG                   Độc lập - Tự do - Hạnh phúc\n")
    assert " ".join(b.text for b in doc.blocks).startswith("ỦY BAN NHÂN DÂN TỈNH AN GIANG")


def test_a_centred_title_and_body_lines_stay_in_order_inside_a_two_column_run():
    # pdftotext -layout: no blank line between the header, the centred title and the body
    text = ("     TỈNH ỦY LÀO CAI                       ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "            *                       Lào Cai, ngày     tháng     năm 2026\n"
            "                                   ĐỀ ÁN\n"
            "                  Phát triển du lịch giai đoạn 2026 - 2030\n"
            "  I. MỤC TIÊU\n"
            "      Phấn đấu đến năm 2030, tổng số lượt khách du lịch đến tỉnh đạt 12 triệu lượt khách.\n")
    texts = [b.text for b in load_text(text).blocks]
    assert texts.index("ĐỀ ÁN") < texts.index("I. MỤC TIÊU") < len(texts) - 1
    assert texts[-1].startswith("Phấn đấu đến năm 2030")


def test_a_name_centred_under_its_title_goes_right_and_the_body_above_the_signature_stays():
    text = ("   Thực hiện Kế hoạch số 120-KH/TWĐTN-PT ngày 20/01/2026 của Ban Bí thư Trung ương Đoàn\n"
            "về tổ chức Tháng Thanh niên năm 2026, Thành đoàn xây dựng Kế hoạch như sau:\n"
            "   I. MỤC ĐÍCH, YÊU CẦU\n"
            "Nơi nhận:                                  TM. BAN THƯỜNG VỤ THÀNH ĐOÀN\n"
            "- Lưu: VP, PT.                                      PHÓ BÍ THƯ\n"
            "                                          Lê Công Đức\n")
    texts = [b.text for b in load_text(text).blocks]
    assert texts[0].startswith("Thực hiện Kế hoạch số 120") and texts[1] == "I. MỤC ĐÍCH, YÊU CẦU"
    assert texts[-3:] == ["TM. BAN THƯỜNG VỤ THÀNH ĐOÀN", "PHÓ BÍ THƯ", "Lê Công Đức"]


def test_the_type_line_under_a_layout_header_ends_the_header_and_the_preamble_lines_stand_alone():
    header = ("             ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "            TỈNH THÁI NGUYÊN                         Độc lập - Tự do - Hạnh phúc\n"
              "             Số: 186/KH-UBND                   Thái Nguyên, ngày 03 tháng 11 năm 2025\n"
              "                                          KẾ HOẠCH\n"
              "                 Giảm nghèo bền vững tỉnh Thái Nguyên giai đoạn 2026 - 2030\n")
    body = ("     Căn cứ Nghị quyết số 111/2024/QH15 ngày 18/01/2024 của Quốc hội về một số cơ chế,\n"
            "chính sách đặc thù thực hiện các chương trình mục tiêu quốc gia của Quốc hội khóa XV;\n") * 12
    texts = [b.text for b in load_text(header + body).blocks]
    assert texts[:6] == ["ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "Số: 186/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "Thái Nguyên, ngày 03 tháng 11 năm 2025", "KẾ HOẠCH"]
    assert texts[6] == "Giảm nghèo bền vững tỉnh Thái Nguyên giai đoạn 2026 - 2030"
    assert texts[7].startswith("Căn cứ Nghị quyết số 111/2024/QH15") and texts[7].endswith("khóa XV;")
    from planextract import extract_text
    record = extract_text(header + body).document
    assert (record.issued_date, record.title) == ("2025-11-03", "Giảm nghèo bền vững tỉnh Thái Nguyên giai đoạn 2026 - 2030")


def test_a_party_draft_keeps_its_blank_number_and_its_draft_mark_apart():
    text = ("                                                                 DỰ THẢO\n"
            "           TỈNH ỦY ĐẮK LẮK                             ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "                  *\n"
            "           Số      -ĐA/TU                      Đắk Lắk, ngày      tháng      năm 2026\n\n"
            "                                           ĐỀ ÁN\n"
            "              phát triển ngành cà phê bền vững tỉnh Đắk Lắk giai đoạn 2026 - 2030\n")
    from planextract import extract_text
    record = extract_text(text).document
    assert (record.issuer, record.number, record.doc_type) == ("Tỉnh ủy Đắk Lắk", "-ĐA/TU", "Đề án")


def test_a_part_heading_with_its_title_in_capitals_ends_where_running_text_begins():
    line = "Đến hết năm 2025, toàn tỉnh có 58/69 xã đạt chuẩn nông thôn mới, trong đó 21 xã đạt chuẩn nâng cao,"
    text = ("                                       Phần thứ nhất\n"
            "                                 KẾT QUẢ THỰC HIỆN NĂM 2025\n"
            "      " + line + "\nthu nhập bình quân đầu người khu vực nông thôn đạt 56,5 triệu đồng/người/năm.\n") * 6
    blocks = load_text(text).blocks
    assert (blocks[0].kind, blocks[0].text) == (HEADING, "Phần thứ nhất KẾT QUẢ THỰC HIỆN NĂM 2025")
    assert blocks[1].text.startswith("Đến hết năm 2025")


def test_a_blank_field_is_no_column_gap_for_centred_lines():
    text = ("Số:      /KH-UBND\nTuyên Quang, ngày      tháng      năm 2026\nKẾ HOẠCH\n"
            "Phát triển du lịch cộng đồng gắn với xây dựng nông thôn mới\n")
    texts = [b.text for b in load_text(text).blocks]
    assert texts == ["Số: /KH-UBND", "Tuyên Quang, ngày tháng năm 2026", "KẾ HOẠCH",
                     "Phát triển du lịch cộng đồng gắn với xây dựng nông thôn mới"]
    two = "  ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n  Số:    /KH-UBND           Tuyên Quang, ngày      tháng      năm 2026\n"
    assert [b.text for b in load_text(two).blocks] == ["ỦY BAN NHÂN DÂN", "Số: /KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                       "Tuyên Quang, ngày tháng năm 2026"]


def test_a_numbered_bold_heading_cut_by_a_blank_line_goes_on():
    text = ("KẾ HOẠCH\nX\n\nV. TỔ CHỨC THỰC HIỆN\n\n**3. Đề nghị Ủy ban Mặt trận\nTổ quốc Việt Nam Thành phố, "
            "Hội Liên hiệp**\n\n**Phụ nữ Thành phố và các tổ\nchức thành viên của Mặt trận**\n\n"
            "Trong phạm vi chức năng, tuyên truyền.\n\n**1. Sở Tài chính**\n\n**a) Chủ trì**\n")
    texts = [b.text for b in load_text(text).blocks]
    assert ("3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp Phụ nữ Thành phố và các tổ "
            "chức thành viên của Mặt trận") in texts
    assert "1. Sở Tài chính" in texts and "a) Chủ trì" in texts  # a numbered heading starts anew


def test_text_from_a_pdf_whose_paragraphs_start_indented():
    lines = ["KẾ HOẠCH", "BẢO VỆ MÔI TRƯỜNG", ""]
    for n in range(1, 4):
        lines += [f"      3.{n}. Nhiệm vụ thứ {n} về môi trường",
                  "      - Tăng cường kiểm tra các cơ sở có nguy cơ gây ô nhiễm môi trường và",
                  "xử lý nghiêm các vi phạm.",
                  "      Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân",
                  "tỉnh; các cấp ủy."]
    texts = [b.text for b in load_text("\n".join(lines)).blocks]
    assert "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh; các cấp ủy." in texts
    assert "- Tăng cường kiểm tra các cơ sở có nguy cơ gây ô nhiễm môi trường và xử lý nghiêm các vi phạm." in texts


def test_short_paragraphs_whose_first_line_the_converter_cut_short_are_wrapped_text():
    # Each paragraph: a first line cut short, then lines at the wrap width that run on.
    full = "tuyên truyền, vận động người dân tham gia vệ sinh môi trường sau mưa lũ tại các"
    paragraph = "- Mặt trận Tổ quốc, Đoàn\nThanh niên, Hội Phụ nữ " + full + "\n" + full + "\nkhu dân cư.\n\n"
    texts = [b.text for b in load_text("II. NHIỆM VỤ\n\n" + paragraph * 12).blocks]
    assert texts[1] == "- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ " + full + " " + full + " khu dân cư."
    assert len(texts) == 13


@pytest.mark.parametrize("line, number", [("ll. MỤC TIÊU", "II."), ("Il. NHIỆM VỤ", "II."), ("lll. TỔ CHỨC THỰC HIỆN", "III."),
                                          ("lV. KINH PHÍ", "IV."), ("l. Phấn đấu đạt", "l.")])
def test_roman_numbers_that_ocr_read_as_letters_l_before_a_title_in_capitals(line, number):
    from planextract.ingest.assemble import split_number
    assert split_number(line)[0] == number


@pytest.mark.parametrize("line, number", [("IL. MỤC TIÊU", "II."), ("IH. TỔ CHỨC THỰC HIỆN", "III."),
                                          ("II MỤC TIÊU CỤ THỂ", "II"), ("IL NHIỆM VỤ TRỌNG TÂM", "II"),
                                          ("I MỤC ĐÍCH, YÊU CẦU", "I"), ("VI PHẠM HÀNH CHÍNH", None),
                                          ("XI MĂNG VÀ VẬT LIỆU", None), ("II Mục tiêu", None), ("H. MỤC TIÊU", "H."),
                                          ("1L. NHIỆM VỤ VÀ GIẢI PHÁP", "II."), ("1I. ĐÁNH GIÁ CHUNG", "II."),
                                          ("11. NHIỆM VỤ", "11."), ("X QUANG VÀ CHẨN ĐOÁN HÌNH ẢNH", None)])
def test_roman_numbers_whose_strokes_ocr_joined_or_whose_dot_it_lost(line, number):
    from planextract.ingest.assemble import split_number
    assert split_number(line)[0] == number


def test_ocr_text_blank_lines_inside_a_paragraph_and_a_period_cut_at_its_dash():
    # tesseract's text: blank lines where it thought a paragraph ended, lines wrapped at ~80 columns
    line = "- Tỷ lệ hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng của tỉnh đạt"
    text = ("KẾ HOẠCH\n\nPhát triển kinh tế số, xã hội số của tỉnh Đồng Tháp giai đoạn 2026\n- 2030\n\n"
            "IL MỤC TIÊU\n\n" + line + "\n\n95%; doanh nghiệp công nghệ số đạt ít nhất 500 doanh nghiệp.\n\n"
            + "- Mỗi xã, phường có ít nhất 01 tổ công nghệ số cộng đồng hoạt động hiệu quả trên địa\nbàn.\n\n") * 1
    blocks = [b.text for b in load_text(text * 3).blocks]
    assert blocks[1] == "Phát triển kinh tế số, xã hội số của tỉnh Đồng Tháp giai đoạn 2026 - 2030"
    assert blocks[3] == line + " 95%; doanh nghiệp công nghệ số đạt ít nhất 500 doanh nghiệp."
    from planextract import extract_text
    assert {(t.year, t.value) for t in extract_text(text).targets} == {(2030, 95.0), (2030, 500.0), (2030, 1.0)}


def test_a_poor_scan_reads_roman_one_as_a_digit_and_the_sequence_puts_it_right():
    text = ("BÁO CÁO\nKết quả phát triển du lịch năm 2025\n\n1. KẾT QUẢ THỰC HIỆN NĂM 2025\n\n"
            "1. Năm 2025, toàn tỉnh đón 11,2 triệu lượt khách.\n\n1L. PHƯƠNG HƯỚNG NĂM 2026\n\n"
            "1. Phấn đấu đón 12 triệu lượt khách.\n")
    headings = [(b.number, b.level) for b in load_text(text).blocks if b.kind == HEADING]
    assert headings == [("I.", 2), ("II.", 2)]
    from planextract import extract_text
    assert [(t.year, t.value) for t in extract_text(text).targets] == [(2026, 12.0)]
    # a "1." heading in capitals over lettered items, with Arabic headings after it, stays Arabic
    plain = "I. MỤC TIÊU\n1. MỤC TIÊU CHUNG\na) Nâng cao chất lượng.\n2. MỤC TIÊU CỤ THỂ\na) Đạt 80%.\n"
    assert [(b.number, b.level) for b in load_text(plain).blocks if b.kind == HEADING][1] == ("1.", 3)


@pytest.mark.parametrize("before, after, joined", [
    ("Chương trình mục tiêu quốc gia phát triển kinh tế", "- xã hội vùng đồng bào dân tộc thiểu số", True),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị", "- xã hội tỉnh tuyên truyền", True),
    ("- Phát triển kinh tế", "- Xã hội ổn định", False),
    ("- Phát triển kinh tế", "- tăng trưởng xanh", False)])
def test_a_dashed_pair_cut_by_the_wrap_goes_on(before, after, joined):
    for gap in ("\n", "\n\n"):
        blocks = [b.text for b in load_text("KẾ HOẠCH\n" + before + gap + after + "\n").blocks]
        assert (blocks[1] == before + " " + after) is joined


def test_a_place_cut_from_its_name_goes_on_and_a_body_heading_does_not():
    text = ("Phấn đấu đến 2030:\n- Thu hút ít nhất 1.000 doanh nghiệp công nghệ số hoạt động trên địa bàn tỉnh\n"
            "Hưng Yên.\n- Hình thành 03 khu công nghiệp chuyên sâu về công nghiệp hỗ trợ.\n")
    from planextract import extract_text
    assert [(t.year, t.value) for t in extract_text(text).targets] == [(2030, 1000.0), (2030, 3.0)]
    body = "II. TỔ CHỨC THỰC HIỆN\n2. Công an tỉnh\nChủ trì, phối hợp với các đơn vị bảo đảm an ninh trật tự.\n"
    assert [b.text for b in load_text(body).blocks][1] == "2. Công an tỉnh"
    letter = "Số: 2735/SGDĐT-GDTrH\nV/v triển khai Kế hoạch số 245/KH-UBND ngày 30/10/2024 của UBND tỉnh\nQuảng Ninh, ngày 12 tháng 11 năm 2024\n"
    assert [b.text for b in load_text(letter).blocks][2] == "Quảng Ninh, ngày 12 tháng 11 năm 2024"


def test_bullets_ocr_read_as_letters_or_signs_open_list_items():
    text = ("Mục tiêu đến năm 2030:\n\ns GRDP bình quân đầu người đạt trên 8.500 USD/người.\n\n"
            "s Số giường bệnh đạt 38 giường/vạn dân.\n\n® Diện tích nhà ở bình quân đạt 32 m2 sàn/người.\n")
    blocks = load_text(text).blocks
    assert [b.text for b in blocks[1:3]] == ["• GRDP bình quân đầu người đạt trên 8.500 USD/người.",
                                             "• Số giường bệnh đạt 38 giường/vạn dân."]
    assert blocks[1].kind == LIST_ITEM and blocks[3].text.startswith("® Diện tích")  # one "®" is no list
    from planextract import extract_text
    assert [t.year for t in extract_text(text).targets][:2] == [2030, 2030]


def test_a_markdown_star_item_is_a_list_item_and_emphasis_is_not():
    blocks = load_text("Mục tiêu:\n* Tỷ lệ *hộ nghèo* giảm 1%\n*Ghi chú: số liệu ước*\n").blocks
    assert [(b.kind, b.text) for b in blocks[1:]] == [(LIST_ITEM, "• Tỷ lệ hộ nghèo giảm 1%"),
                                                       ("paragraph", "Ghi chú: số liệu ước")]


def test_a_short_ocr_text_whose_paragraphs_run_to_one_width_is_wrapped():
    text = ("2. Giao Sở Khoa học và Công nghệ thành phố Đà Nẵng chủ trì, phối hợp với Đại học\n"
            "Đà Nẵng, Trường Đại học Bách khoa - Đại học Đà Nẵng và các doanh nghiệp công\n"
            "nghệ số tổ chức Cuộc thi khởi nghiệp đổi mới sáng tạo năm 2026.\n\n"
            "3. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Văn phòng UBND thành phố\n"
            "tham mưu chính sách thu hút chuyên gia công nghệ cao.\n")
    assert len(load_text(text).blocks) == 2
    # short lines of different lengths, one paragraph each, are not wrapped text
    lines = "Căn cứ Luật Tổ chức chính quyền địa phương\nCăn cứ Nghị quyết số 57-NQ/TW của Bộ Chính trị về phát triển\n\nKẾ HOẠCH\n"
    assert len(load_text(lines).blocks) == 3


def test_an_acronym_that_opens_a_line_goes_on_with_its_name():
    text = ("2. Các chỉ tiêu chủ yếu: (1) Tốc độ tăng trưởng tổng sản phẩm trên địa bàn\n\n"
            "(GRDP) đạt từ 8% trở lên; (2) GRDP bình quân đầu người đạt 112 triệu đồng.\n\n"
            "KẾ HOẠCH\nPhát triển du lịch\n\n(Kèm theo Quyết định số 12/QĐ-UBND)\n")
    blocks = [b.text for b in load_text(text).blocks]
    assert blocks[0].startswith("2. Các chỉ tiêu") and "địa bàn (GRDP) đạt" in blocks[0]
    assert blocks[-1] == "(Kèm theo Quyết định số 12/QĐ-UBND)"


@pytest.mark.parametrize("page_line", ["\f                                         2", "                              12",
                                       "- 3 -", "\f3"])
def test_a_page_number_does_not_join_the_paragraph_it_interrupts(page_line):
    text = ("I. NHIỆM VỤ\nBảo đảm sự lãnh đạo, chỉ đạo toàn diện của các cấp ủy đảng; phát huy\n" + page_line
            + "\n\nvai trò quản lý điều hành của chính quyền và sự tham gia của người dân.\n")
    blocks = [b.text for b in load_text(text).blocks]
    assert blocks[1] == ("Bảo đảm sự lãnh đạo, chỉ đạo toàn diện của các cấp ủy đảng; phát huy vai trò quản lý "
                         "điều hành của chính quyền và sự tham gia của người dân.")


def test_an_ocr_heading_ends_the_results_section_before_it():
    text = ("NGHỊ QUYẾT\nvề phát triển du lịch\n\nI. TÌNH HÌNH VÀ KẾT QUẢ\nNăm 2025 đón 5 triệu lượt khách.\n\n"
            "ll. MỤC TIÊU\nĐến năm 2030, đón 10 triệu lượt khách du lịch.\n")
    from planextract import extract_text
    assert [(t.year, t.value) for t in extract_text(text).targets] == [(2030, 10.0)]


def test_a_long_numbered_title_in_bold_is_a_heading_a_bold_sentence_is_not():
    title = ("**1. Nâng cao nhận thức của chính quyền các cấp, các ngành, các tổ chức và người dân về chính sách, "
             "pháp luật có liên quan đến phòng ngừa, ứng phó với bạo lực trên cơ sở giới, phân biệt đối xử về giới "
             "và ảnh hưởng của bạo lực trên cơ sở giới tới sự phát triển bền vững của xã hội**")
    sentence = ("**2. Các sở, ban, ngành, đoàn thể và Ủy ban nhân dân các xã, phường tổ chức quán triệt, phổ biến "
                "Kế hoạch này đến toàn thể cán bộ, công chức, viên chức và người lao động trong cơ quan, đơn vị.**")
    blocks = load_text(f"III. NỘI DUNG\n\n{title}\n\na) Hoạt động 1\n\n{sentence}\n").blocks
    kinds = {b.text[:2]: b.kind for b in blocks if b.text[:2] in ("1.", "2.")}
    assert kinds == {"1.": HEADING, "2.": LIST_ITEM}
