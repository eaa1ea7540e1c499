"""Quantities on made-up phrases: Vietnamese numbers, ranges, units, comparators."""
import pytest

from planextract.analyze.quantities import find_quantities, parse_number


def one(text):
    [q] = find_quantities(text)
    return q


@pytest.mark.parametrize("phrase, expected", [
    ("đạt 80%", ("eq", 80, None, "%")), ("đạt trên 50%", ("gt", 50, None, "%")),
    ("chiếm tối thiểu 20% GRDP", ("gte", 20, None, "%")), ("15-20%", ("range", 15, 20, "%")),
    ("60 - 80%", ("range", 60, 80, "%")), ("đạt 12% đến 20% GRDP", ("range", 12, 20, "%")),
    ("từ 15% đến 20%", ("range", 15, 20, "%")), ("Khoảng 70% dân số trở lên", ("gte", 70, None, "%")),
    ("đạt 11,5% trở lên¹", ("gte", 11.5, None, "%")),
    ("Trên 55% doanh nghiệp", ("gt", 55, None, "%")), ("đạt trên 1,5%", ("gt", 1.5, None, "%")),
    ("tăng tối thiểu 7%", ("gte", 7, None, "%")), ("khoảng 30%", ("approx", 30, None, "%")),
    ("không quá 5%", ("lte", 5, None, "%")), ("dưới 3%", ("lt", 3, None, "%")), ("≥ 90%", ("gte", 90, None, "%")),
    ("tăng trưởng bình quân 10 - 10,5%/năm", ("range", 10, 10.5, "%/năm")),
])
def test_percent_phrasings(phrase, expected):
    q = one(phrase)
    assert (q.comparator, q.value, q.value_max, q.unit) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("ít nhất 1.000 doanh nghiệp công nghệ số", (1000, "doanh nghiệp", "gte")),
    ("kim ngạch xuất khẩu đạt 2,5 tỷ USD", (2.5, "tỷ USD", "eq")),
    ("đạt 30 bác sĩ/vạn dân", (30, "bác sĩ/vạn dân", "eq")),
    ("có 10 khu công nghiệp được phủ sóng", (10, "khu công nghiệp", "eq")),
    ("thu ngân sách 12.000 tỷ đồng", (12000, "tỷ đồng", "eq")),
    ("trên 4.200.000 lượt khách", (4200000, "lượt khách", "gt")),
    ("hoàn thành 4.800 căn nhà ở xã hội", (4800, "căn", "eq")),
    ("thành lập 03 trung tâm đổi mới sáng tạo", (3, "trung", "eq")),
    ("trồng mới 1.700 ha rừng ngập mặn", (1700, "ha", "eq")),
    ("tổng tỷ suất sinh đạt 2,1 con/phụ nữ", (2.1, "con/phụ nữ", "eq")),
    ("thuộc top 03 tỉnh dẫn đầu", (3, "top", "lte")),
    ("lựa chọn không quá 01 trường hợp", (1, "trường hợp", "lte")),
])
def test_counts_with_their_unit(phrase, expected):
    q = one(phrase)
    assert (q.value, q.unit, q.comparator) == expected


@pytest.mark.parametrize("text", [
    "Quyết định số 411/QĐ-TTg ngày 31/3/2022", "Nghị quyết 57-NQ/TW", "định kỳ 06 tháng",
    "mạng 5G và công nghệ 4.0", "giai đoạn 2021-2025", "Điều 3. Giao Sở", "năm 2025", "trực 24/7",
    "trẻ em dưới 15 tuổi", "giai đoạn 2 của dự án",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_numbers_the_vietnamese_way():
    assert parse_number("1.000") == 1000 and parse_number("4.200.000") == 4200000
    assert parse_number("2,5") == 2.5 and parse_number("8,00") == 8.0 and parse_number("1.5") == 1.5


def test_offsets_cover_comparator_number_and_unit():
    text = "Phấn đấu tỷ lệ hộ gia đình có cáp quang đạt trên 80% vào năm 2025"
    q = one(text)
    assert text[q.start:q.end] == "trên 80%"
    assert text[q.number_start:q.number_end] == "80"


def test_two_values_in_one_sentence():
    found = find_quantities("kinh tế số chiếm 25% GRDP, năng suất lao động tăng 7%")
    assert [(q.value, q.unit) for q in found] == [(25, "%"), (7, "%")]


@pytest.mark.parametrize("text, unit", [
    ("giảm xuống 18 ca sinh/1.000 phụ nữ", "ca sinh/1.000 phụ nữ"),
    ("đạt 30 bác sĩ/vạn dân", "bác sĩ/vạn dân"),
    ("đạt 35 giường bệnh/vạn dân", "giường bệnh/vạn dân"),
])
def test_a_counted_noun_of_several_words_runs_to_its_rate(text, unit):
    assert one(text).unit == unit


@pytest.mark.parametrize("text, unit", [
    ("có tối thiểu 05 kịch bản ứng dụng dữ liệu", "kịch bản"),
    ("phát triển 05 bộ dữ liệu mở", "bộ dữ liệu"),
])
def test_counted_nouns_of_two_syllables(text, unit):
    assert one(text).unit == unit


@pytest.mark.parametrize("text, comparator", [
    ("Tỷ lệ cán bộ nữ ít nhất vào năm 2025 đạt 40%", "gte"),
    ("Tỷ lệ che phủ rừng vào năm 2030 đạt 45%", "eq"),
])
def test_a_comparator_before_the_year_of_the_value(text, comparator):
    assert one(text).comparator == comparator


@pytest.mark.parametrize("text, expected", [
    ("tỷ lệ tử vong bà mẹ dưới 4/100.000 trẻ sinh ra còn sống vào năm 2025", [(4.0, "/100.000 trẻ sinh ra còn sống", "lt")]),
    ("giảm còn 15/10.000 dân", [(15.0, "/10.000 dân", "eq")]),
    ("Có ít nhất một cơ sở y tế cung cấp dịch vụ", [(1.0, "cơ sở", "gte")]),
    ("tối thiểu hai trường đạt chuẩn quốc gia", [(2.0, "trường", "gte")]),
    ("một số doanh nghiệp và một trong các dịch vụ", []),
    ("ngày 15/10/2025", []),
])
def test_rates_per_a_round_base_and_counts_spelled_out_after_a_floor(text, expected):
    assert [(q.value, q.unit, q.comparator) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text, expected", [("13 bảo vệ tài nguyên rừng", []), ("xây mới 13 bảo tàng", [(13.0, "bảo tàng")]),
                                            ("hình thành 04 cụm liên kết", [(4.0, "cụm")])])
def test_a_number_before_a_verb_counts_nothing_and_a_known_noun_wins(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text", ["như Mẫu biểu số 02, 03 đính kèm.", "theo Phụ lục số 1, 2 và 3 kèm theo"])
def test_numbers_listed_after_so_name_forms_not_values(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, unit", [("khám ít nhất 01 lần/năm đạt 80%", "lần/năm"), ("500 m3/ngày đêm cho", "m3/ngày đêm"),
                                        ("30 bác sĩ/vạn dân", "bác sĩ/vạn dân")])
def test_a_rates_base_is_a_period_of_one_word_or_up_to_two_words(text, unit):
    assert find_quantities(text)[0].unit == unit


def test_the_rest_of_a_hotline_number_is_no_quantity():
    assert find_quantities("đường dây nóng 1900 6789 hoạt động 24/7") == []
