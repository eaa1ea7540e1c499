"""Tables written as text: bar streams, pipe rows, Markdown, two-row headers, layout tables."""
from planextract import extract_text, load_text
from planextract.document import TABLE
from planextract.ingest.text_tables import Slot, bar_rows, is_column_number_row, two_row_header


def stream(*rows):
    """A portal's bar stream: every cell between '|' lines, two '|' between rows."""
    return "|\n" + "\n|\n|\n".join("\n|\n".join(row) for row in rows) + "\n|\n"


def slots(*texts):
    return [Slot([t] if t else []) for t in texts]


def test_bar_rows_tell_row_breaks_from_empty_cells():
    # "3 | Cơ cấu | | " then a row starting with an empty cell: both look like two bars in a row
    found = bar_rows(slots("STT", "Nội dung", "Năm 2026", "", "3", "Cơ cấu kinh tế", "", "", "",
                           "- Nông nghiệp", "30,2"))
    assert [[s.lines[0] if s.lines else "" for s in row] for row in found] == [
        ["STT", "Nội dung", "Năm 2026"], ["3", "Cơ cấu kinh tế", ""], ["", "- Nông nghiệp", "30,2"]]


def test_a_bar_stream_table_with_a_two_row_header():
    text = stream(["STT", "Chỉ tiêu", "Năm hiện hành 2025", "Năm 2026"], ["Kế hoạch", "Ước thực hiện"],
                  ["1", "Tốc độ tăng trưởng GRDP", "8,0", "7,5", "10,0"])
    [table] = load_text("PHỤ LỤC\n\n" + text).tables()
    grid = table.table.grid()
    assert (table.table.n_rows, table.table.n_cols) == (3, 5)
    assert [c.text for c in grid[0]] == ["STT", "Chỉ tiêu", "Năm hiện hành 2025", "Năm hiện hành 2025", "Năm 2026"]
    assert [c.text for c in grid[1]] == ["STT", "Chỉ tiêu", "Kế hoạch", "Ước thực hiện", "Năm 2026"]
    assert [c.text for c in grid[2]] == ["1", "Tốc độ tăng trưởng GRDP", "8,0", "7,5", "10,0"]


def test_the_group_of_a_two_row_header_is_the_one_its_cells_belong_to():
    cells = two_row_header([("STT", True), ("Nội dung", True), ("Cơ quan thực hiện", True), ("Thời gian", True)],
                           [("Chủ trì", True), ("Phối hợp", True)], 5)
    group = next(c for c in cells if c.text == "Cơ quan thực hiện")
    assert (group.col, group.col_span, group.row_span) == (2, 2, 1)
    assert next(c for c in cells if c.text == "Thời gian").row_span == 2


def test_column_number_rows():
    assert is_column_number_row(["1", "2", "3", "4"]) and is_column_number_row(["A", "B", "1", "2", "4=3/2"])
    assert not is_column_number_row(["1", "Xây dựng cơ sở dữ liệu", "Sở Tài chính"])


def test_header_block_as_a_bar_stream_is_read_as_text():
    text = stream(["**ỦY BAN NHÂN DÂN**\nTỈNH ĐỒNG THÁP\n-------", "**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n"
                   "Độc lập - Tự do - Hạnh phúc"], ["Số: 597/KH-UBND", "*Đồng Tháp, ngày\n27 tháng 11 năm 2025*"])
    doc = load_text(text + "\n\n**KẾ HOẠCH**\n")
    assert [b.text for b in doc.blocks] == ["ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                            "Độc lập - Tự do - Hạnh phúc", "Số: 597/KH-UBND",
                                            "Đồng Tháp, ngày 27 tháng 11 năm 2025", "KẾ HOẠCH"]


def test_pipe_row_header_lines_are_read_as_text():
    doc = load_text("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                    "Số: 468/QĐ-UBND | Đắk Nông, ngày 01 tháng 03 năm 2022 |\n\nQUYẾT ĐỊNH\n")
    assert [b.kind for b in doc.blocks] != [TABLE]
    assert "Số: 468/QĐ-UBND" in [b.text for b in doc.blocks]


def test_markdown_table():
    doc = load_text("PHỤ LỤC\n\n| TT | Nhiệm vụ | Cơ quan chủ trì |\n|---|:---|---|\n| 1 | Số hóa hồ sơ | Sở Nội vụ |\n")
    [table] = doc.tables()
    assert table.table.row_texts() == [["TT", "Nhiệm vụ", "Cơ quan chủ trì"], ["1", "Số hóa hồ sơ", "Sở Nội vụ"]]


def test_signature_lines_stay_apart_inside_a_bold_run():
    doc = load_text("**TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n**Nguyễn Văn An**\n")
    assert [b.text for b in doc.blocks] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]


def test_an_appendix_title_before_a_stream_without_outer_bars_is_no_cell():
    text = ("**PHỤ LỤC**\n**DANH MỤC NHIỆM VỤ NĂM 2026**\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026)\n"
            "TT\n|\nNhiệm vụ\n|\nCơ quan chủ trì\n|\n|\n1\n|\nSố hóa hồ sơ\n|\nSở Nội vụ")
    doc = load_text(text)
    [table] = doc.tables()
    assert table.table.row_texts() == [["TT", "Nhiệm vụ", "Cơ quan chủ trì"], ["1", "Số hóa hồ sơ", "Sở Nội vụ"]]
    assert "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026)" in [b.text for b in doc.blocks]


def test_a_page_pasted_without_blank_lines_keeps_its_prose_between_two_bar_tables():
    # the header layout table, the plan's prose, a task table and the closing prose, no blank line anywhere
    text = ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n|\nSố: 7/KH-UBND\n|\n"
            "An Giang, ngày 02 tháng 3 năm 2026\n**KẾ HOẠCH**\n**Phát triển thương mại điện tử năm 2026**\n"
            "**I. MỤC TIÊU**\n- Tỷ lệ doanh nghiệp bán hàng trực tuyến đạt 40%.\n- 100% chợ có thanh toán điện tử.\n"
            "**II. NHIỆM VỤ**\nTT\n|\nNhiệm vụ\n|\nChủ trì\n|\n|\n1\n|\nMở sàn thương mại điện tử\n|\n"
            "Sở Công Thương\n**III. TỔ CHỨC THỰC HIỆN**\nCác sở báo cáo trước ngày 15/12/2026.")
    doc = load_text(text)
    kinds = [(b.kind, b.text) for b in doc.blocks if b.kind != TABLE]
    assert ("heading", "I. MỤC TIÊU") in kinds and ("heading", "III. TỔ CHỨC THỰC HIỆN") in kinds
    assert ("list_item", "- Tỷ lệ doanh nghiệp bán hàng trực tuyến đạt 40%.") in kinds
    tables = [b.table.row_texts() for b in doc.tables()]
    assert [["TT", "Nhiệm vụ", "Chủ trì"], ["1", "Mở sàn thương mại điện tử", "Sở Công Thương"]] in tables


def test_bold_lines_inside_a_cell_do_not_break_the_stream():
    text = stream(["STT", "Nội dung", "**Dự toán**\n**TTg giao**\n(I+II+III)"], ["1", "Tổng thu", "10.367.700"])
    [table] = load_text(text).tables()
    assert table.table.n_rows == 2
    assert table.table.row_texts()[0][2] == "Dự toán TTg giao (I+II+III)"


def test_a_hard_wrapped_page_after_its_header_table_is_read_as_wrapped_prose():
    # the header layout table, then the whole plan without a blank line, wrapped at ~75 columns
    prose = ["Căn cứ Nghị quyết số 09-NQ/TU ngày 04/8/2021 của Ban Chấp hành Đảng bộ tỉnh về",
             "Chuyển đổi số, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư;",
             "Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số tỉnh năm 2023 như sau:",
             "**I. MỤC TIÊU**"] + ["Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt tối",
                                   "thiểu 40%; tỷ trọng kinh tế số trong GRDP của tỉnh đạt khoảng 9%, số"] * 4
    text = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n|\nSố: 58/KH-UBND\n|\n" \
        "Nghệ An, ngày 10 tháng 02 năm 2023\n**KẾ HOẠCH**\n" + "\n".join(prose) + "\n"
    texts = [b.text for b in load_text(text).blocks]
    assert any(t.startswith("Căn cứ Nghị quyết số 09-NQ/TU ngày 04/8/2021 của Ban Chấp hành Đảng bộ tỉnh về Chuyển "
                            "đổi số, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư;") for t in texts)


def test_a_caption_right_above_a_stream_that_opens_with_its_bar_is_no_cell():
    text = "Phụ lục\nDANH MỤC DỰ ÁN ƯU TIÊN NĂM 2027\n" + stream(["TT", "Tên dự án", "Đơn vị thực hiện"],
                                                           ["1", "Xây dựng kho dữ liệu dùng chung", "Sở Tài chính"])
    doc = load_text(text)
    [table] = doc.tables()
    assert [c.text for c in table.table.grid()[0]] == ["TT", "Tên dự án", "Đơn vị thực hiện"]
    assert "DANH MỤC DỰ ÁN ƯU TIÊN NĂM 2027" in [b.text for b in doc.blocks if b.table is None]


def test_a_blank_line_between_two_bars_is_an_empty_cell_not_the_end_of_the_table():
    text = stream(["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
                  ["1", "Khảo sát nhu cầu", "Sở Nội vụ", "", "Quý I/2027"],
                  ["2", "Xây dựng đề án", "Sở Tài chính", "Sở Tư pháp", "Quý II/2027"])
    [table] = load_text(text).tables()
    assert [[c.text for c in row] for row in table.table.grid()[1:]] == [
        ["1", "Khảo sát nhu cầu", "Sở Nội vụ", "", "Quý I/2027"],
        ["2", "Xây dựng đề án", "Sở Tài chính", "Sở Tư pháp", "Quý II/2027"]]


def test_a_line_break_inside_a_markdown_cell_separates_its_items():
    text = ("| STT | Nhiệm vụ | Cơ quan phối hợp |\n|---|---|---|\n"
            "| 1 | Xây dựng chợ số | Sở Tài chính<br>Sở Công Thương |\n")
    [table] = load_text(text).tables()
    assert table.table.grid()[1][2].text == "Sở Tài chính; Sở Công Thương"


def test_years_under_a_period_beside_a_column_of_one_year():
    # 'ƯTH Năm 2025' is a column of its own; the period names the years below it
    upper = [("TT", True), ("Chỉ tiêu", True), ("ĐVT", True), ("ƯTH Năm 2025", True), ("GIAI ĐOẠN 2026 - 2028", True)]
    lower = [("Năm 2026", True), ("Năm 2027", True), ("Năm 2028", True)]
    cells = two_row_header(upper, lower, 7)
    period = next(c for c in cells if c.text.startswith("GIAI ĐOẠN"))
    assert (period.col, period.col_span) == (4, 3)
    assert next(c for c in cells if c.text == "ƯTH Năm 2025").row_span == 2


def test_measures_under_each_year():
    upper = [("TT", True), ("Sản phẩm", True), ("Kế hoạch 2026", True), ("Kế hoạch 2027", True)]
    lower = [("Lượng (Tấn)", True), ("Giá trị (Nghìn USD)", True), ("Lượng (Tấn)", True), ("Giá trị (Nghìn USD)", True)]
    cells = two_row_header(upper, lower, 6)
    assert [(c.text, c.col, c.col_span) for c in cells if c.row == 0] == [
        ("TT", 0, 1), ("Sản phẩm", 1, 1), ("Kế hoạch 2026", 2, 2), ("Kế hoạch 2027", 4, 2)]


GRID = """\
+-----+----------------------+----------------------------+------------+
| STT | Nhiệm vụ             | Cơ quan thực hiện          | Thời gian  |
|     |                      +-------------+--------------+            |
|     |                      | Chủ trì     | Phối hợp     |            |
+=====+======================+=============+==============+============+
| 1   | Đầu tư trung tâm     | Sở Xây dựng | Sở Tài chính | 2026 -     |
|     | logistics cấp vùng   |             |              | 2030       |
+-----+----------------------+             +--------------+------------+
| 2   | Hoàn thiện kết nối   |             | UBND các xã, | 2026       |
|     | giao thông           |             | phường       |            |
+-----+----------------------+-------------+--------------+------------+
"""


def test_a_grid_table_keeps_its_wrapped_cells_and_merged_cells():
    [table] = load_text("PHỤ LỤC\n\n" + GRID).tables()
    grid = table.table.grid()
    assert (table.table.n_rows, table.table.n_cols) == (4, 5)
    assert [c.text for c in grid[0]] == ["STT", "Nhiệm vụ", "Cơ quan thực hiện", "Cơ quan thực hiện", "Thời gian"]
    assert [c.text for c in grid[1]][2:] == ["Chủ trì", "Phối hợp", "Thời gian"]
    assert [c.text for c in grid[2]] == ["1", "Đầu tư trung tâm logistics cấp vùng", "Sở Xây dựng", "Sở Tài chính",
                                         "2026 - 2030"]
    assert grid[3][2].text == "Sở Xây dựng"  # merged down over row 2
    assert grid[3][3].text == "UBND các xã, phường"


def test_tasks_of_a_grid_table_with_a_lead_merged_over_two_rows():
    tasks = extract_text("KẾ HOẠCH\nPhát triển logistics\n\n" + GRID).tasks
    assert [(t.number, t.lead, t.partners, t.start_year, t.end_year) for t in tasks] == [
        ("1", ["Sở Xây dựng"], ["Sở Tài chính"], 2026, 2030),
        ("2", ["Sở Xây dựng"], ["UBND các xã, phường"], 2026, 2026)]


def test_html_table_markup_in_a_text_is_a_table_with_its_spans():
    text = ("PHỤ LỤC\n<table>\n"
            "<tr><th rowspan=\"2\">STT</th><th rowspan=\"2\">Nhiệm vụ</th><th colspan=\"2\">Cơ quan thực hiện</th></tr>\n"
            "<tr><th>Chủ trì</th><th>Phối hợp</th></tr>\n"
            "<tr><td>1</td><td>Xây dựng bản đồ số du lịch</td><td rowspan=\"2\">Sở Văn hóa, Thể thao và Du lịch</td>"
            "<td>Sở Khoa học và Công nghệ;<br/>Công an tỉnh</td></tr>\n"
            "<tr><td>2</td><td>Tổ chức lễ hội hoa</td><td>Sở Tài chính</td></tr>\n</table>\nHết.\n")
    tasks = extract_text(text).tasks
    assert [(t.number, t.lead, t.partners) for t in tasks] == [
        ("1", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Khoa học và Công nghệ", "Công an tỉnh"]),
        ("2", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Tài chính"])]
    assert "<td>" not in load_text(text).text


MERGED_NUMBER = stream(
    ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
    ["I", "Hạ tầng số"],
    ["1", "Nâng cấp trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Quý IV/2026"],
    ["Sao lưu dữ liệu dự phòng", "Công an tỉnh"],
    ["2", "Phủ sóng 5G khu công nghiệp", "Sở Khoa học và Công nghệ", "Các doanh nghiệp viễn thông", "Năm 2027"],
    ["Kiểm tra an toàn thông tin", "Công an tỉnh", "Sở Nội vụ"],
    ["3", "Tập huấn kỹ năng số", "Sở Nội vụ", "UBND các xã, phường", "Hằng năm"])


def test_a_sub_row_under_a_merged_number_takes_the_merged_cells_of_the_row_above():
    [table] = load_text("PHỤ LỤC\n\n" + MERGED_NUMBER).tables()
    grid = table.table.grid()
    assert grid[3][0] is None  # its number was merged with the row above's: no number of its own
    assert [c.text for c in grid[3][1:]] == ["Sao lưu dữ liệu dự phòng", "Công an tỉnh", "Sở Tài chính", "Quý IV/2026"]
    assert [c.text for c in grid[5][1:]] == ["Kiểm tra an toàn thông tin", "Công an tỉnh", "Sở Nội vụ", "Năm 2027"]
    assert [c.text for c in grid[6]] == ["3", "Tập huấn kỹ năng số", "Sở Nội vụ", "UBND các xã, phường", "Hằng năm"]


def test_tasks_of_sub_rows_under_a_merged_number():
    tasks = extract_text("KẾ HOẠCH\nChuyển đổi số\n\n" + MERGED_NUMBER).tasks
    assert [(t.text, t.lead, t.partners, t.end_year) for t in tasks if t.number is None] == [
        ("Sao lưu dữ liệu dự phòng", ["Công an tỉnh"], ["Sở Tài chính"], 2026),
        ("Kiểm tra an toàn thông tin", ["Công an tỉnh"], ["Sở Nội vụ"], 2027)]


def test_a_short_row_of_a_table_without_row_numbers_is_padded_on_the_right():
    text = stream(["Nhiệm vụ", "Chủ trì", "Phối hợp"], ["Số hóa hồ sơ", "Sở Nội vụ", "Sở Tư pháp"],
                  ["Tập huấn", "Sở Nội vụ", "Các xã"], ["Kiểm tra", "Thanh tra tỉnh"])
    [table] = load_text("PHỤ LỤC\n\n" + text).tables()
    assert [c.text for c in table.table.grid()[3]] == ["Kiểm tra", "Thanh tra tỉnh", ""]


DOCX_REPEATED = """KẾ HOẠCH
Triển khai chuyển đổi số năm 2026

PHỤ LỤC
STT | Nội dung nhiệm vụ | Cơ quan thực hiện | Cơ quan thực hiện | Thời gian hoàn thành
STT | Nội dung nhiệm vụ | Chủ trì | Phối hợp | Thời gian hoàn thành
I | Hạ tầng số | Hạ tầng số | Hạ tầng số | Hạ tầng số
1 | Nâng cấp trung tâm dữ liệu tỉnh | Sở Khoa học và Công nghệ | Sở Tài chính | Quý IV/2026
II | Nhân lực số | Nhân lực số | Nhân lực số | Nhân lực số
1 | Tập huấn kỹ năng số | Sở Nội vụ | UBND các xã, phường | Năm 2026

PHỤ LỤC II
TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027
1 | Tỷ lệ dân số trưởng thành có chữ ký số | % | 60 | 60
"""


def test_a_merged_cell_written_once_per_column_is_one_cell():
    # python-docx and some converters repeat a merged cell in every column it covers
    first, second = load_text(DOCX_REPEATED).tables()
    grid = first.table.grid()
    assert [c.text for c in grid[2]] == ["I", "Hạ tầng số", "Hạ tầng số", "Hạ tầng số", "Hạ tầng số"]
    assert grid[2][1] is grid[2][4]  # one cell spanning to the edge
    assert [c.text for c in second.table.grid()[1]] == ["1", "Tỷ lệ dân số trưởng thành có chữ ký số", "%", "60", "60"]
    assert second.table.grid()[1][3] is not second.table.grid()[1][4]  # equal numbers are two values


def test_tasks_under_group_rows_written_once_per_column():
    result = extract_text(DOCX_REPEATED)
    assert [(t.number, t.group, t.lead, t.partners) for t in result.tasks] == [
        ("1", "I Hạ tầng số", ["Sở Khoa học và Công nghệ"], ["Sở Tài chính"]),
        ("1", "II Nhân lực số", ["Sở Nội vụ"], ["UBND các xã, phường"])]
    assert [(t.year, t.value) for t in result.targets] == [(2026, 60.0), (2027, 60.0)]


def test_a_signature_row_right_under_a_data_table_is_not_one_of_its_rows():
    # a python-docx dump: the task table, then the signature table, with no line between them
    text = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
            "Số: 45/KH-UBND | Quảng Ngãi, ngày 10 tháng 01 năm 2026\n"
            "KẾ HOẠCH\nChuyển đổi số năm 2026\nII. TỔ CHỨC THỰC HIỆN\n"
            "STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian\n"
            "1 | Nâng cấp trung tâm dữ liệu | Sở Khoa học và Công nghệ | Sở Tài chính | Quý IV/2026\n"
            "Nơi nhận: - Như trên; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An\n")
    result = extract_text(text)
    assert [(t.number, t.text, t.lead) for t in result.tasks] == [
        ("1", "Nâng cấp trung tâm dữ liệu", ["Sở Khoa học và Công nghệ"])]
    assert (result.document.number, result.document.signer) == ("45/KH-UBND", "Nguyễn Văn An")
    [table] = load_text(text).tables()
    assert table.table.n_rows == 2


def test_a_group_row_right_after_a_header_row_of_years_is_a_row_of_its_own():
    # the portal drops the spans: 'Kế hoạch giai đoạn' over five years, then the group row 'I'
    text = stream(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch giai đoạn 2026 - 2030"],
                  ["Năm 2026", "Năm 2027", "Năm 2028", "Năm 2029", "Năm 2030"],
                  ["**I**", "**Khách du lịch**"],
                  ["1", "Tổng lượt khách", "Triệu lượt", "18,5", "20", "21,5", "23", "25"],
                  ["II", "Lao động"],
                  ["2", "Tỷ lệ lao động qua đào tạo", "%", "72", "74", "76", "78", "80"])
    result = extract_text("KẾ HOẠCH\nPhát triển du lịch giai đoạn 2026 - 2030\n\nPHỤ LỤC\n\n" + text)
    assert [(t.year, t.value) for t in result.targets if t.indicator.startswith("Tổng lượt")] == [
        (2026, 18.5), (2027, 20.0), (2028, 21.5), (2029, 23.0), (2030, 25.0)]
    assert [(t.year, t.value) for t in result.targets if t.indicator.startswith("Tỷ lệ")] == [
        (2026, 72.0), (2027, 74.0), (2028, 76.0), (2029, 78.0), (2030, 80.0)]


def test_a_group_row_under_a_two_row_header_ends_the_header():
    text = stream(["STT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "Thời gian"], ["Chủ trì", "Phối hợp"],
                  ["**A**", "**NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN 06**"],
                  ["1", "Rà soát quy định", "Sở Tư pháp", "Công an tỉnh", "Quý II/2026"])
    tasks = extract_text("KẾ HOẠCH\nĐề án 06\n\nPHỤ LỤC\n\n" + text).tasks
    assert [(t.number, t.group, t.lead, t.partners) for t in tasks] == [
        ("1", "A NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN 06", ["Sở Tư pháp"], ["Công an tỉnh"])]


def test_a_lead_merged_down_over_rows_is_each_rows_lead_in_a_bar_stream():
    # the portal writes 'Sở Y tế' once, in the first of the rows it leads
    text = stream(["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
                  ["1", "Giám sát dịch bệnh tại cửa khẩu", "Sở Y tế", "Công an tỉnh", "Quý I/2026"],
                  ["2", "Tập huấn điều trị sốt xuất huyết", "Bệnh viện Đa khoa tỉnh", "Quý II/2026"],
                  ["3", "Dự trữ thuốc và vật tư", "Sở Tài chính", "Sở Y tế", "Năm 2026"])
    tasks = extract_text("KẾ HOẠCH\nPhòng, chống dịch năm 2026\n\nPHỤ LỤC\n\n" + text).tasks
    assert [(t.number, t.lead, t.partners, t.timeframe) for t in tasks] == [
        ("1", ["Sở Y tế"], ["Công an tỉnh"], "Quý I/2026"),
        ("2", ["Sở Y tế"], ["Bệnh viện Đa khoa tỉnh"], "Quý II/2026"),
        ("3", ["Sở Tài chính"], ["Sở Y tế"], "Năm 2026")]
    # a short row whose cells fit as they stand is padded on the right
    text = stream(["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Ghi chú"],
                  ["1", "Giám sát dịch bệnh", "Sở Y tế", "Công an tỉnh", "Trọng tâm"],
                  ["2", "Tập huấn điều trị", "Sở Y tế", "Bệnh viện Đa khoa tỉnh"])
    [table] = load_text("PHỤ LỤC\n\n" + text).tables()
    assert [c.text for c in table.table.grid()[2]] == ["2", "Tập huấn điều trị", "Sở Y tế", "Bệnh viện Đa khoa tỉnh", ""]


def test_a_party_header_dumped_on_one_row_is_read_part_by_part():
    # python-docx joins a cell's lines: 'TỈNH ỦY QUẢNG TRỊ' / '*' / 'Số 15-NQ/TU' in one cell
    text = ("TỈNH ỦY QUẢNG TRỊ * Số 15-NQ/TU | ĐẢNG CỘNG SẢN VIỆT NAM Quảng Trị, ngày 25 tháng 02 năm 2026\n"
            "NGHỊ QUYẾT\nvề phát triển du lịch giai đoạn 2026 - 2030\n-----\nI. MỤC TIÊU\n- Đón 5 triệu lượt khách.\n")
    document = extract_text(text).document
    assert (document.number, document.issued_date, document.province) == ("15-NQ/TU", "2026-02-25", "Quảng Trị")


def test_a_row_of_a_borderless_pipe_table_that_opens_with_a_bar_has_an_empty_first_cell():
    # python-docx's dump: "STT | Chỉ tiêu | …" rows without a border; a sub-row's number cell is empty
    text = ("PHỤ LỤC\n\nSTT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027\n"
            "3 | Cơ cấu kinh tế |  |  | \n | - Dịch vụ | % | 29,6 | 29,8\n | - Công nghiệp | % | 59,0 | 59,8\n")
    [table] = load_text(text).tables()
    assert [[c.text for c in row] for row in table.table.grid()[2:]] == [
        ["", "- Dịch vụ", "%", "29,6", "29,8"], ["", "- Công nghiệp", "%", "59,0", "59,8"]]
    assert [(t.year, t.value, t.indicator) for t in extract_text(text).targets][:2] == [
        (2026, 29.6, "Dịch vụ"), (2027, 29.8, "Dịch vụ")]


def test_a_bordered_pipe_table_drops_its_border_bars():
    text = "PHỤ LỤC\n\n| STT | Chỉ tiêu | Năm 2026 |\n| 1 | Tỷ lệ hộ nghèo | 2,5 |\n"
    [table] = load_text(text).tables()
    assert [c.text for c in table.table.grid()[1]] == ["1", "Tỷ lệ hộ nghèo", "2,5"]


def test_a_bar_stream_keeps_a_sub_rows_label_in_the_indicator_column_under_a_merged_lead():
    # the lead cell is merged down over "Trong đó:" and its sub-rows, so a portal writes it once:
    # the sub-rows are a cell short, and "Trong đó:"'s empty cells must not take the label's place
    text = stream(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2027", "Cơ quan chủ trì"],
                  ["1", "Tỷ lệ hộ nghèo", "%", "11,0", "9,6", "Sở Nông nghiệp và Môi trường"],
                  ["", "Trong đó:", "", "", ""],
                  ["", "- Khu vực nông thôn", "%", "13,2", "11,5"])
    [table] = load_text("PHỤ LỤC\n\n" + text).tables()
    assert [c.text for c in table.table.row(3)][:3] == ["", "- Khu vực nông thôn", "%"]
