"""Tables laid out with spaces, as `pdftotext -layout` writes a bordered table (made-up)."""
from planextract import extract_text, load_text
from planextract.ingest.layout_tables import header_columns, rewrite_layout_tables, row_starts

TASKS = """\
                          PHỤ LỤC
          DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH

                                                   Cơ quan       Cơ quan         Thời gian
TT                Nhiệm vụ                         chủ trì       phối hợp        hoàn thành
I    Hoàn thiện thể chế, chính sách
     Xây dựng, trình ban hành quy định về
     hỗ trợ doanh nghiệp khởi nghiệp đổi mới      Sở Khoa học    Sở Tài chính,
1                                                                                2026
     sáng tạo trên địa bàn tỉnh                   và Công nghệ   Sở Tư pháp
     Rà soát, đánh giá việc thực hiện các cơ chế
2    chính sách về phát triển kinh tế tập thể Sở Tài chính      Liên minh HTX tỉnh  2026 - 2027

                                   7

                                                   Cơ quan       Cơ quan         Thời gian
TT                Nhiệm vụ                         chủ trì       phối hợp        hoàn thành
     Tổ chức tập huấn kỹ năng số cho cán bộ,
3    công chức cấp xã                              Sở Nội vụ     UBND các xã,    Quý IV/2026
                                                                 phường
"""


def pipe_rows(text):
    return [line for line in rewrite_layout_tables(text.split("\n")) if line.startswith("|")]


def test_header_cells_joined_by_one_space_are_cut_where_another_line_starts_a_cell():
    block = ["                             Cơ quan,",
             "                              tổ chức Cá nhân phụ trách",
             "TT   Nội dung      Mục tiêu    đảng    đạo, đôn đốc",
             "                              chủ trì"]
    columns = header_columns(block)
    assert [" ".join(c.texts) for c in columns] == [
        "TT", "Nội dung", "Mục tiêu", "Cơ quan, tổ chức đảng chủ trì", "Cá nhân phụ trách đạo, đôn đốc"]


def test_a_task_table_becomes_pipe_rows_with_its_header_and_rows():
    rows = pipe_rows(TASKS)
    assert rows[0] == "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |"
    assert rows[1] == "| I | Hoàn thiện thể chế, chính sách |  |  |  |"
    assert rows[2] == ("| 1 | Xây dựng, trình ban hành quy định về hỗ trợ doanh nghiệp khởi nghiệp đổi mới "
                       "sáng tạo trên địa bàn tỉnh | Sở Khoa học và Công nghệ | Sở Tài chính, Sở Tư pháp | 2026 |")


def test_a_content_line_joined_to_the_lead_cell_by_one_space_is_cut_at_the_body():
    row = pipe_rows(TASKS)[3]
    assert row.startswith("| 2 | Rà soát, đánh giá việc thực hiện các cơ chế chính sách về phát triển "
                          "kinh tế tập thể | Sở Tài chính |")
    assert row.endswith("| 2026 - 2027 |")


def test_the_header_repeated_after_a_page_number_is_dropped():
    rows = pipe_rows(TASKS)
    assert len(rows) == 5
    assert rows[4] == ("| 3 | Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã | Sở Nội vụ | "
                       "UBND các xã, phường | Quý IV/2026 |")


def test_tasks_come_out_of_a_layout_table_with_their_bodies_and_years():
    tasks = extract_text("KẾ HOẠCH\nPhát triển khoa học, công nghệ năm 2026\n\n" + TASKS).tasks
    by_number = {t.number: t for t in tasks}
    assert by_number["1"].lead == ["Sở Khoa học và Công nghệ"]
    assert by_number["1"].partners == ["Sở Tài chính", "Sở Tư pháp"]
    assert (by_number["2"].lead, by_number["2"].start_year, by_number["2"].end_year) == (["Sở Tài chính"], 2026, 2027)
    assert by_number["3"].lead == ["Sở Nội vụ"]


TARGETS = """\
          CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026-2030

                                                 Cơ quan
TT            Chỉ tiêu              Mục tiêu     chủ trì
   Tỷ lệ chất thải rắn sinh hoạt
 1 đô thị được thu gom, xử lý         95%      Sở Nông nghiệp
                                               và Môi trường
   Tỷ lệ che phủ rừng                          Sở Nông nghiệp
 2                                    60%
   toàn tỉnh                                   và Môi trường
"""


def test_a_target_table_gives_one_target_per_row_with_its_lead():
    targets = extract_text(TARGETS).targets
    assert [(t.value, t.unit, t.year) for t in targets] == [(95.0, "%", 2030), (60.0, "%", 2030)]
    assert targets[0].indicator.startswith("Tỷ lệ chất thải rắn sinh hoạt đô thị")
    assert targets[1].lead == ["Sở Nông nghiệp và Môi trường"]


def test_rows_open_where_a_capital_line_leaves_the_row_above_centred_on_its_number():
    content = {0: "Tỷ trọng kinh tế xanh trên", 2: "GRDP", 4: "Tỷ lệ khu công nghiệp sinh"}
    # row 1's number on line 1 has one line above it, so "GRDP" below it is still row 1's
    assert row_starts([1, 5], content) == [0, 4]


def test_lettered_rows_and_a_line_that_only_looks_like_a_header():
    text = ("STT   Tên nhiệm vụ                     Chủ trì\n"
            "a     Triển khai nền tảng số y tế      Sở Y tế\n"
            "b     Triển khai nền tảng giáo dục     Sở Giáo dục và Đào tạo\n")
    assert pipe_rows(text) == ["| STT | Tên nhiệm vụ | Chủ trì |", "| a | Triển khai nền tảng số y tế | Sở Y tế |",
                               "| b | Triển khai nền tảng giáo dục | Sở Giáo dục và Đào tạo |"]
    prose = "TT   là viết tắt của thông tư      trong văn bản này\nmột dòng khác của đoạn văn\n"
    assert pipe_rows(prose) == []


def test_text_without_layout_tables_is_left_as_it_was():
    text = "| STT | Nội dung | Chủ trì |\n| 1 | Xây dựng kế hoạch | Sở Tài chính |\n"
    assert rewrite_layout_tables(text.split("\n")) == text.split("\n")
    assert load_text(text).tables()


YEARS = """\
                                                  Chỉ tiêu kế hoạch
STT            Chỉ tiêu              Đơn vị
                                      tính      Năm 2026     Năm 2030
 1    Tỷ lệ hồ sơ giải quyết           %           60           90
      trực tuyến toàn trình
 2    Số doanh nghiệp công nghệ số   Doanh        700         1.100
                                     nghiệp
"""


def test_a_group_header_over_year_columns_heads_each_of_them():
    assert pipe_rows(YEARS)[0] == ("| STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu kế hoạch Năm 2026 | "
                                   "Chỉ tiêu kế hoạch Năm 2030 |")
    targets = extract_text(YEARS).targets
    assert [(t.year, t.value, t.unit) for t in targets] == [
        (2026, 60.0, "%"), (2030, 90.0, "%"), (2026, 700.0, "doanh nghiệp"), (2030, 1100.0, "doanh nghiệp")]


def test_value_cells_that_keep_a_level_or_give_a_rate_per_year():
    text = ("STT   Chỉ tiêu                            Mục tiêu            Cơ quan chủ trì\n"
            " 1    Tỷ lệ che phủ rừng                  Ổn định trên 58%    Sở Nông nghiệp và Môi trường\n"
            " 2    Tốc độ tăng năng suất lao động      3,5 - 4%/năm        Sở Tài chính\n"
            " 3    Diện tích ứng dụng công nghệ cao    Khoảng 12.000 ha    Sở Nông nghiệp và Môi trường\n")
    targets = extract_text("KẾ HOẠCH\nGiai đoạn 2026 - 2030\n\n" + text).targets
    assert [(t.comparator, t.value, t.value_max, t.unit) for t in targets] == [
        ("gt", 58.0, None, "%"), ("range", 3.5, 4.0, "%/năm"), ("approx", 12000.0, None, "ha")]


TARGETS_IN_A_PLAN = """\
      2. Chỉ tiêu cụ thể năm 2026 và định hướng đến năm 2030
      Các chỉ tiêu cụ thể theo từng nhóm đối tượng như sau:
 TT                   Chỉ tiêu                      Đơn vị tính     Năm 2026      Năm 2030
  1   Nhà ở xã hội cho công nhân khu công               Căn           5.200         21.000
      nghiệp hoàn thành
  2   Diện tích nhà ở bình quân đầu người             m²/người         30,5            32

                                  III. NHIỆM VỤ, GIẢI PHÁP
      1. Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Sở Nông nghiệp và Môi trường
rà soát,  bổ sung quỹ  đất phát triển  nhà ở xã hội vào  quy hoạch,  hoàn thành trong  Quý
I/2026.
"""


def test_a_lead_in_over_the_header_is_no_header_cell_and_the_next_section_ends_the_table():
    rows = pipe_rows(TARGETS_IN_A_PLAN)
    assert rows == ["| TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2030 |",
                    "| 1 | Nhà ở xã hội cho công nhân khu công nghiệp hoàn thành | Căn | 5.200 | 21.000 |",
                    "| 2 | Diện tích nhà ở bình quân đầu người | m²/người | 30,5 | 32 |"]
    result = extract_text("KẾ HOẠCH\nPhát triển nhà ở xã hội năm 2026\nII. MỤC TIÊU\n" + TARGETS_IN_A_PLAN)
    assert sorted((t.year, t.value) for t in result.targets) == [(2026, 30.5), (2026, 5200.0), (2030, 32.0), (2030, 21000.0)]
    assert [t.lead for t in result.tasks] == [["Sở Xây dựng"]]
