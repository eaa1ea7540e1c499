"""Column roles of tables: from header words (data/table_headers.csv), from two-row headers and
from what the cells hold when the header says nothing known."""
import pytest

from planextract import load_text
from planextract.analyze.columns import header_role, looks_like_unit_cell, starts_with_agency, table_view


def view_of(markdown: str):
    [block] = load_text(markdown).tables()
    return table_view(block)


def roles(view):
    return [(c.role, c.year) for c in view.columns]


@pytest.mark.parametrize("header, role", [
    ("STT", "number"), ("Nội dung công việc", "task"), ("Chỉ tiêu", "indicator"), ("ĐVT", "unit"),
    ("Cơ quan chủ trì", "lead"), ("Đơn vị phối hợp", "partners"), ("Tiến độ thực hiện", "time"),
    ("Ước thực hiện", "estimate"), ("Ghi chú", "note"),
])
def test_header_words(header, role):
    assert header_role(header) == role


def test_year_columns_are_values_and_estimates_are_current():
    view = view_of("| TT | Chỉ tiêu | ĐVT | Ước thực hiện 2025 | Kế hoạch 2026 |\n|---|---|---|---|---|\n"
                   "| 1 | Tổng thu ngân sách | Tỷ đồng | 12.000 | 13.500 |\n")
    assert roles(view) == [("number", None), ("indicator", None), ("unit", None), ("value", 2025), ("value", 2026)]
    assert [c.current for c in view.value_columns()] == [True, False]


@pytest.mark.parametrize("group", ["Lộ trình thực hiện", "Tiến độ", "Kế hoạch thực hiện"])
def test_years_under_a_schedule_header_are_values_to_come(group):
    view = view_of(f"| STT | Chỉ tiêu | Đơn vị tính | {group} | {group} |\n"
                   "| STT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 |\n| 1 | Tỷ lệ hộ nghèo | % | 2,5 | 2 |\n")
    assert roles(view)[3:] == [("value", 2026), ("value", 2027)]
    assert not any(c.current for c in view.columns[3:])
    done = view_of("| STT | Chỉ tiêu | Đơn vị tính | Thực hiện | Thực hiện |\n"
                   "| STT | Chỉ tiêu | Đơn vị tính | Năm 2024 | Năm 2025 |\n| 1 | Tỷ lệ hộ nghèo | % | 3,1 | 2,8 |\n")
    assert all(c.current for c in done.columns[3:])  # what was done stays a result

@pytest.mark.parametrize("cell, unit", [
    ("%", True), ("Tỷ đồng", True), ("ha", True), ("Doanh nghiệp", True), ("Sở Tài chính", False),
    ("12,5", False), ("Xây dựng trung tâm dữ liệu", False),
])
def test_unit_cells(cell, unit):
    assert looks_like_unit_cell(cell) is unit


def test_a_bare_don_vi_column_of_units_is_the_unit_column():
    view = view_of("| STT | Chỉ tiêu | Đơn vị | Chỉ tiêu năm 2026 | Đơn vị chủ trì |\n|---|---|---|---|---|\n"
                   "| 1 | Tỷ trọng kinh tế số | % | ≥ 12 | Sở Tài chính |\n"
                   "| 2 | Số doanh nghiệp công nghệ số | Doanh nghiệp | 150 | Sở Khoa học và Công nghệ |\n")
    assert [c.role for c in view.columns] == ["number", "indicator", "unit", "value", "lead"]


def test_values_under_a_muc_tieu_header_beside_the_words():
    view = view_of("| TT | Nội dung | Mục tiêu | Ghi chú |\n|---|---|---|---|\n"
                   "| 1 | Tỷ lệ hồ sơ trực tuyến toàn trình | 80% | |\n| 2 | Tỷ lệ số hóa hồ sơ | 100% | |\n")
    assert [c.role for c in view.columns] == ["number", "task", "value", "note"]
    assert view.kind == "targets"


@pytest.mark.parametrize("text, body", [("Phòng Văn hóa - Xã hội", True), ("Phòng chống bệnh đường ruột: Tăng cường", False),
                                        ("Phòng, chống thiên tai", False), ("Hội Nông dân tỉnh", True),
                                        ("Hội nghị sơ kết", False), ("Ban hành quy chế", False), ("Ban Dân tộc", True)])
def test_words_that_open_with_a_head_noun_but_name_no_body(text, body):
    assert starts_with_agency(text) is body


def test_long_text_and_a_date_under_unknown_headers_is_a_schedule_not_tasks():
    schedule = view_of("| TT | Tên đơn vị được kiểm tra | Đối tượng kiểm tra | Thời hạn kiểm tra |\n|---|---|---|---|\n"
                       "| 1 | Công ty cổ phần xây dựng giao thông | Gói thầu số 13: Thi công công trình nối quốc lộ"
                       " với đường cao tốc | 02 ngày |\n"
                       "| 2 | Công ty TNHH Hiệp Phú | Gói thầu số 15: Thi công công trình đường kết nối các xã | 02 ngày |\n")
    assert schedule.kind is None
    work = view_of("| TT | Nội dung công việc | Thời gian hoàn thành |\n|---|---|---|\n"
                   "| 1 | Tổ chức hội nghị triển khai kế hoạch đến các xã, phường | Quý I/2026 |\n")
    assert work.kind == "tasks"


@pytest.mark.parametrize("cell", ["Ổn định trên 58%", "3,5 - 4%/năm", "Khoảng 12.000 ha", "Tối thiểu 60 xã"])
def test_cells_of_a_muc_tieu_column_that_are_values_with_words_or_units(cell):
    view = view_of("| TT | Chỉ tiêu | Mục tiêu |\n|---|---|---|\n"
                   f"| 1 | Tỷ lệ che phủ rừng toàn tỉnh | {cell} |\n| 2 | Diện tích trồng rừng mới | {cell} |\n")
    assert [c.role for c in view.columns] == ["number", "indicator", "value"]


def test_a_rank_in_a_value_cell_is_a_target_of_rank():
    from planextract import extract_text
    text = ("2. Mục tiêu cụ thể đến năm 2030\n\n| STT | Chỉ tiêu | Mục tiêu |\n|---|---|---|\n"
            "| 1 | Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) | Top 20 |\n"
            "| 2 | Tỷ lệ hộ nghèo | Dưới 0,5% |\n")
    targets = extract_text(text).targets
    assert [(t.value, t.unit, t.comparator, t.year) for t in targets] == [(20.0, "top", "lte", 2030), (0.5, "%", "lt", 2030)]


def test_measures_named_by_their_headers_over_a_column_of_places():
    view = view_of("| STT | Khu công nghiệp | Số trạm BTS 5G | Tỷ lệ phủ sóng 5G (%) | Thời gian hoàn thành |\n"
                   "| 1 | KCN Nam Cấm | 10 | 100 | Quý II/2026 |\n| 2 | KCN Hoàng Mai | 8 | 100 | Quý IV/2026 |\n")
    assert [c.role for c in view.columns[1:4]] == ["indicator", "value", "value"]
    assert [c.measure for c in view.columns[2:4]] == ["Số trạm BTS 5G", "Tỷ lệ phủ sóng 5G"]


def test_a_column_of_places_beside_year_values_names_what_they_are_of():
    view = view_of("| STT | Xã, phường | Năm 2026 | Năm 2027 |\n| 1 | Phường Vinh Phú | 120 | 150 |\n")
    assert roles(view)[1:] == [("indicator", None), ("value", 2026), ("value", 2027)]


def test_a_numbered_column_is_no_measure():
    view = view_of("| Số TT | Nội dung | Năm 2026 |\n| 1 | Tỷ lệ hộ dùng nước sạch | 95 |\n")
    assert [c.role for c in view.columns] == ["number", "task", "value"]  # (what "Nội dung" heads)
    assert view.columns[1].measure is None
