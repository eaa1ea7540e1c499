"""Targets on made-up plans in every convention (issue 12), then on the seeds and their gold."""
import pytest

from planextract import extract_text
from planextract.evaluate import evaluate
from planextract.extract import extract_document

from ..conftest import ANNOTATIONS, CORPUS, RENDERED_PDFS, SEEDS


def targets(text):
    return extract_text(text).targets


def summary(ts):
    return [(t.year, t.comparator, t.value, t.value_max, t.unit) for t in ts]


# ---------------------------------------------------------------- years

@pytest.mark.parametrize("text, year", [
    ("Mục tiêu cơ bản đến năm 2025:\n- Tỷ lệ hộ gia đình có cáp quang đạt 80%;\n", 2025),
    ("a) Mục tiêu cơ bản đến năm 2025\n- Tỷ lệ hộ gia đình có cáp quang đạt 80%;\n", 2025),
    ("II. MỤC TIÊU\nNăm 2025, tỷ lệ hộ gia đình có cáp quang đạt 80%.\n", 2025),
    ("II. MỤC TIÊU\nĐến 2025, tỷ lệ hộ gia đình có cáp quang đạt 80%.\n", 2025),
    ("II. MỤC TIÊU GIAI ĐOẠN 2021 - 2025\n- Tỷ lệ hộ gia đình có cáp quang đạt 80%;\n", 2025),
])
def test_year_from_lead_in_sentence_and_heading(text, year):
    [t] = targets(text)
    assert (t.year, t.value, t.indicator.lower()) == (year, 80, "tỷ lệ hộ gia đình có cáp quang")


def test_a_baseline_year_is_not_the_target_year():
    [t] = targets("II. MỤC TIÊU\n- Doanh thu thương mại điện tử tăng 10% so với năm 2022.\n")
    assert (t.year, t.value) == (None, 10)


def test_year_from_the_title_of_an_annual_plan():
    text = ("KẾ HOẠCH\nTriển khai phong trào Bình dân học vụ số năm 2026\n"
            "I. MỤC TIÊU\n- 100% cán bộ, công chức có kỹ năng số cơ bản.\n")
    [t] = targets(text)
    assert (t.year, t.value, t.indicator) == (2026, 100, "cán bộ, công chức có kỹ năng số cơ bản")


def test_yearly_rate_keeps_no_year_from_a_heading_higher_up():
    text = ("II. MỤC TIÊU ĐẾN NĂM 2030\n1. Chỉ tiêu\na) Hằng năm, số vụ phạm tội được phát hiện tăng trên 3%;\n")
    [t] = targets(text)
    assert (t.year, t.comparator, t.value) == (None, "gt", 3)


def test_a_yearly_rate_takes_the_year_of_its_lead_in():
    text = "I. MỤC TIÊU\na) Đến năm 2025:\n- Tuyển sinh mới giáo dục nghề nghiệp khoảng 30.000 người/năm.\n"
    [t] = targets(text)
    assert (t.year, t.comparator, t.value, t.unit) == (2025, "approx", 30000, "người/năm")


def test_a_baseline_in_the_clause_before_is_neither_a_result_nor_this_clauses_baseline():
    # issued in 2024: "so với năm 2023" is the first clause's baseline, not a past result of the next
    text = ("UBND thành phố ban hành Kế hoạch số 66/KH-UBND ngày 08/3/2024.\n\n"
            "Mục tiêu năm 2024 là giảm 2 - 3% nồng độ bụi PM2.5 trung bình năm so với năm 2023; 100% công trình "
            "xây dựng thực hiện che chắn, phun nước giảm bụi.\n")
    found = targets(text)
    assert summary(found) == [(2024, "range", 2, 3, "%"), (2024, "eq", 100, None, "%")]
    assert [t.indicator for t in found] == ["giảm nồng độ bụi PM2.5 trung bình năm",
                                            "công trình xây dựng thực hiện che chắn, phun nước giảm bụi"]


def test_a_school_year_before_the_plan_is_a_result():
    text = ("Ngày 09/01/2026, UBND tỉnh ban hành Kế hoạch số 12/KH-UBND.\n\n"
            "Năm học 2024 - 2025, tỷ lệ trường đạt chuẩn quốc gia của tỉnh đạt 62,4%.\n\n"
            "Theo Kế hoạch, đến năm 2030, tỷ lệ trường đạt chuẩn quốc gia đạt 80%.\n")
    [t] = targets(text)
    assert (t.year, t.value, t.indicator) == (2030, 80, "tỷ lệ trường đạt chuẩn quốc gia")



@pytest.mark.parametrize("issued, past", [("15/10/2025", True), ("20/3/2025", False)])
def test_a_school_year_that_ends_in_the_plans_year_is_past_once_its_summer_has_come(issued, past):
    text = (f"Ngày {issued}, UBND tỉnh ban hành Kế hoạch số 88/KH-UBND.\n\n"
            "Năm học 2024 - 2025, tỷ lệ trẻ mẫu giáo được học 2 buổi/ngày đạt 96%.\n\n"
            "Đến năm 2030, tỷ lệ trường đạt chuẩn quốc gia đạt 80%.\n")
    found = [(t.year, t.value) for t in targets(text)]
    assert ((2025, 96) not in found) is past
    assert (2030, 80) in found

def test_what_was_done_before_a_colon_does_not_make_the_values_after_it_results():
    text = ("Tin tức\n\nNhiệm vụ này đã được cụ thể hóa bằng nhiều chỉ tiêu, nổi bật là: tỷ trọng kinh tế số "
            "trong GRDP đạt 30% vào năm 2030.\n\nNăm 2024, tỉnh đã đạt 12% tỷ trọng kinh tế số.\n")
    assert [(t.year, t.value, t.indicator) for t in targets(text)] == [(2030, 30, "tỷ trọng kinh tế số trong GRDP")]


def test_a_count_after_trong_do_co_names_its_own_things():
    text = ("II. MỤC TIÊU ĐẾN NĂM 2030\n- Có ít nhất 50 doanh nghiệp trở thành hạt nhân đổi mới công nghệ, trong đó "
            "có 20 doanh nghiệp công nghệ cao đóng vai trò dẫn dắt ngành.\n")
    assert [(t.value, t.indicator) for t in targets(text)] == [
        (50, "doanh nghiệp trở thành hạt nhân đổi mới công nghệ"),
        (20, "doanh nghiệp công nghệ cao đóng vai trò dẫn dắt ngành")]


def test_a_share_after_trong_do_names_what_it_counts():
    text = ("II. MỤC TIÊU\n- Tạo việc làm cho khoảng 2.000 lao động tại chỗ, trong đó ít nhất 70% lao động được tập "
            "huấn kỹ năng phục vụ du lịch.\n")
    assert [(t.comparator, t.value, t.indicator) for t in targets(text)][1] == (
        "gte", 70, "lao động được tập huấn kỹ năng phục vụ du lịch")


def test_a_yearly_count_after_a_connective_keeps_no_year():
    text = ("II. MỤC TIÊU ĐẾN NĂM 2030\n- Nâng cao tỷ trọng giá trị gia tăng. Trong đó, mỗi năm có ít nhất 150 sản "
            "phẩm đổi mới sáng tạo được thương mại hoá.\n")
    [t] = targets(text)
    assert (t.year, t.comparator, t.value) == (None, "gte", 150)


def test_a_distributive_list_shares_the_year_said_after_it():
    text = ("b) Về giáo dục mầm non\nTỷ lệ huy động trẻ em trong độ tuổi nhà trẻ, mẫu giáo đến trường lần lượt đạt "
            "35% và 99% vào năm 2030.\n")
    found = targets(text)
    assert [(t.year, t.value) for t in found] == [(2030, 35), (2030, 99)]
    assert found[0].indicator == "Tỷ lệ huy động trẻ em trong độ tuổi nhà trẻ, mẫu giáo đến trường"


@pytest.mark.parametrize("sentence, indicators", [
    ("+ 100% UBND các quận, huyện và 90% UBND các phường, xã sử dụng Hệ thống quản lý văn bản.",
     ["UBND các quận, huyện sử dụng Hệ thống quản lý văn bản", "UBND các phường, xã sử dụng Hệ thống quản lý văn bản"]),
    ("- 100% trường tiểu học và 90% trường trung học cơ sở có phòng học tin học.",
     ["trường tiểu học có phòng học tin học", "trường trung học cơ sở có phòng học tin học"]),
    # each value has its own predicate: nothing is shared
    ("- 100% hồ sơ được số hóa và 90% thủ tục được giải quyết trực tuyến.",
     ["hồ sơ được số hóa", "thủ tục được giải quyết trực tuyến"]),
    ("- Trên 90% số trường học các xã, phường trên địa bàn và 100% trung tâm giáo dục "
     "nghề nghiệp đủ điều kiện tổ chức dạy học trực tuyến.",
     ["số trường học các xã, phường trên địa bàn đủ điều kiện tổ chức dạy học trực tuyến",
      "trung tâm giáo dục nghề nghiệp đủ điều kiện tổ chức dạy học trực tuyến"]),
])
def test_values_written_first_over_subjects_share_the_predicate_after_the_last(sentence, indicators):
    found = targets("KẾ HOẠCH\nChuyển đổi số năm 2026\nII. MỤC TIÊU\n" + sentence)
    assert [t.indicator for t in found] == indicators

def test_a_distributive_list_over_a_list_of_years_gives_each_value_its_year():
    text = ("2. Mục tiêu cụ thể\n- Tỷ lệ hộ sản xuất nông nghiệp ứng dụng nhật ký điện tử lần lượt đạt 30%, 45% "
            "và 60% trong các năm 2027, 2028 và 2029.\n")
    found = targets(text)
    assert [(t.year, t.value) for t in found] == [(2027, 30), (2028, 45), (2029, 60)]
    assert {t.indicator for t in found} == {"Tỷ lệ hộ sản xuất nông nghiệp ứng dụng nhật ký điện tử"}


def test_values_by_year_after_a_colon_measure_what_the_colon_names():
    text = ("II. MỤC TIÊU\n- Tỷ lệ xã có điểm phục vụ bưu chính: năm 2026 đạt 90%, năm 2027 đạt 95%.\n")
    found = targets(text)
    assert [(t.year, t.value, t.indicator) for t in found] == [
        (2026, 90, "Tỷ lệ xã có điểm phục vụ bưu chính"), (2027, 95, "Tỷ lệ xã có điểm phục vụ bưu chính")]


@pytest.mark.parametrize("line, indicators", [
    # the parts after a colon share the measure before it
    ("- Tỷ lệ trẻ em được tiêm chủng đầy đủ: khu vực miền núi đạt 92%, khu vực đồng bằng đạt 97%.",
     ["Tỷ lệ trẻ em được tiêm chủng đầy đủ khu vực miền núi", "Tỷ lệ trẻ em được tiêm chủng đầy đủ khu vực đồng bằng"]),
    # a part after the first value replaces the part of the indicator before it
    ("- Tỷ lệ hộ dùng điện lưới ở đô thị đạt 100%, nông thôn đạt 99%.",
     ["Tỷ lệ hộ dùng điện lưới ở đô thị", "Tỷ lệ hộ dùng điện lưới nông thôn"]),
    ("- Tỷ lệ cán bộ được bồi dưỡng kỹ năng số: nam đạt 80%, nữ đạt 85%.",
     ["Tỷ lệ cán bộ được bồi dưỡng kỹ năng số nam", "Tỷ lệ cán bộ được bồi dưỡng kỹ năng số nữ"]),
])
def test_values_of_the_parts_of_one_measure(line, indicators):
    found = targets(f"2. Mục tiêu cụ thể đến năm 2030\n{line}\n")
    assert [(t.year, t.indicator) for t in found] == [(2030, i) for i in indicators]


def test_a_value_right_after_a_label_ending_in_so_is_no_serial_number():
    [t] = targets("2. Mục tiêu cụ thể\nb) Về xã hội số: 95% hộ gia đình được phủ mạng Internet băng rộng cáp quang.\n")
    assert (t.value, t.indicator) == (95, "hộ gia đình được phủ mạng Internet băng rộng cáp quang")


def test_a_count_with_a_multiplier_names_its_noun_and_keeps_its_verb():
    found = targets("II. MỤC TIÊU\n- Phấn đấu đón 3,2 triệu lượt khách du lịch.\n"
                    "- Thu hút 500 tỷ đồng vốn đầu tư vào du lịch.\n")
    assert [(t.value, t.unit, t.indicator) for t in found] == [
        (3.2, "triệu lượt", "đón lượt khách du lịch"), (500, "tỷ đồng", "Thu hút vốn đầu tư vào du lịch")]


def test_a_measure_named_before_a_colon_heads_every_clause_after_it():
    text = ("II. MỤC TIÊU\n- Cơ cấu kinh tế: Ngư, nông, lâm nghiệp chiếm khoảng 27,31%; Công nghiệp, xây dựng chiếm "
            "khoảng 27,91%; Dịch vụ chiếm khoảng 40,94%.\n")
    assert [t.indicator for t in targets(text)] == ["Cơ cấu kinh tế: Ngư, nông, lâm nghiệp",
                                                    "Cơ cấu kinh tế: Công nghiệp, xây dựng", "Cơ cấu kinh tế: Dịch vụ"]


def test_the_measure_in_the_last_part_of_a_long_lead():
    text = ("II. MỤC TIÊU\n- Dự báo tình hình kinh tế tiếp tục tăng trưởng tích cực, kinh tế trong tỉnh phát triển ổn "
            "định, dự báo tốc độ tăng trưởng GRDP của tỉnh giai đoạn 2026 - 2030 khoảng từ 10 - 10,5%/năm.\n")
    [t] = targets(text)
    assert (t.indicator, t.year, t.value, t.value_max) == ("tốc độ tăng trưởng GRDP của tỉnh", 2030, 10, 10.5)


@pytest.mark.parametrize("line", [
    "- Chiến lược phát triển du lịch Việt Nam đặt mục tiêu đến năm 2030 du lịch đóng góp trực tiếp 12-14% GDP.",
    "- Chỉ tiêu tăng trưởng Trung ương định hướng cho thành phố là từ 10% trở lên.",
])
def test_a_target_a_national_document_or_body_sets_is_cited_not_adopted(line):
    assert targets("I. MỤC TIÊU\n" + line + "\n") == []


def test_the_nations_targets_are_cited_not_adopted():
    text = ("I. MỤC TIÊU\nNghị quyết đặt mục tiêu đến năm 2030 tỷ lệ đô thị hóa cả nước đạt tối thiểu 50%.\n"
            "Cả nước phấn đấu đến năm 2025 có 55% dân số tham gia mua sắm trực tuyến.\n"
            "- Tỷ lệ đô thị hóa của tỉnh đạt 40% vào năm 2030; chỉ số PCI thuộc nhóm 10 tỉnh dẫn đầu cả nước.\n")
    assert [(t.value, t.unit) for t in targets(text)] == [(40, "%"), (10, "top")]


def test_tone_marks_tell_a_comparator_from_a_word_ending_the_clause_before():
    # "điện tử; 100%" is no "từ 100%"
    found = targets("II. MỤC TIÊU\n- Ít nhất 50% hợp tác xã có gian hàng trên sàn thương mại điện tử; "
                    "100% xã có điểm hỗ trợ bán hàng trực tuyến.\n")
    assert summary(found) == [(None, "gte", 50, None, "%"), (None, "eq", 100, None, "%")]


def test_an_indicator_label_before_a_colon():
    text = ("II. CHỈ TIÊU CHỦ YẾU\n- Tổng lượt khách du lịch: 8,5 triệu lượt.\n"
            "- Tổng thu từ khách du lịch: ≥ 25.000 tỷ đồng.\n- Tỷ lệ lao động qua đào tạo: 75 - 80%.\n"
            "- Mục tiêu cụ thể: 100% hồ sơ được số hóa.\n")
    found = targets(text)
    assert [(t.indicator, t.comparator, t.value, t.value_max, t.unit) for t in found] == [
        ("Tổng lượt khách du lịch", "eq", 8.5, None, "triệu lượt"),
        ("Tổng thu từ khách du lịch", "gte", 25000, None, "tỷ đồng"),
        ("Tỷ lệ lao động qua đào tạo", "range", 75, 80, "%"),
        ("hồ sơ được số hóa", "eq", 100, None, "%")]


def test_what_each_counted_thing_has_belongs_to_the_count():
    found = targets("II. MỤC TIÊU\n- Thu hút ít nhất 05 dự án đầu tư du lịch có quy mô trên 500 tỷ đồng.\n"
                    "- Thu hút 02 dự án quy mô lớn (tổng mức đầu tư trên 1.000 tỷ đồng/dự án).\n")
    assert [(t.comparator, t.value, t.unit) for t in found] == [("gte", 5, "dự án"), ("eq", 2, "dự án")]
    assert [t.indicator for t in found] == ["Thu hút dự án đầu tư du lịch có quy mô",
                                            "Thu hút dự án quy mô lớn (tổng mức đầu tư trên 1.000 tỷ đồng/dự án)"]


def test_a_star_grade_qualifies_what_is_counted():
    found = targets("II. MỤC TIÊU\n- Có 50 sản phẩm OCOP đạt từ 3 sao trở lên.\n"
                    "- Số cơ sở lưu trú đạt tiêu chuẩn 3 sao trở lên: 120 cơ sở.\n")
    assert [(t.value, t.unit, t.indicator) for t in found] == [
        (50, "sản phẩm", "sản phẩm OCOP đạt từ 3 sao"), (120, "cơ sở", "Số cơ sở lưu trú đạt tiêu chuẩn 3 sao")]


def test_a_direction_word_before_the_measure_stays():
    [t] = targets("II. MỤC TIÊU\n- Giảm tỷ lệ hộ nghèo bình quân 1 - 1,5%/năm.\n")
    assert (t.indicator, t.value, t.value_max, t.unit) == ("Giảm tỷ lệ hộ nghèo bình quân", 1, 1.5, "%/năm")


def test_per_mille_and_counted_nouns_with_nothing_after_them():
    text = ("II. MỤC TIÊU CỤ THỂ ĐẾN NĂM 2030\n- Giảm tỷ suất tử vong trẻ em dưới 5 tuổi xuống còn 18‰.\n"
            "- Tăng thêm 2.000 giường bệnh.\n- Đạt 35 bác sĩ/vạn dân.\n")
    assert [(t.indicator, t.value, t.unit) for t in targets(text)] == [
        ("Giảm tỷ suất tử vong trẻ em dưới 5 tuổi xuống còn", 18, "‰"),
        ("Tăng thêm giường bệnh", 2000, "giường bệnh"), ("bác sĩ/vạn dân", 35, "bác sĩ/vạn dân")]


def test_a_later_year_of_the_same_count_keeps_its_indicator():
    text = ("II. MỤC TIÊU\nPhấn đấu đến năm 2030, số căn nhà ở xã hội hoàn thành đạt tối thiểu 56.200 căn; "
            "trong đó, năm 2025 đạt 4.670 căn.\n")
    assert [(t.year, t.value, t.indicator) for t in targets(text)] == [
        (2030, 56200, "số căn nhà ở xã hội hoàn thành"), (2025, 4670, "số căn nhà ở xã hội hoàn thành")]


# ---------------------------------------------------------------- several values, one sentence

def test_two_years_in_one_sentence():
    found = targets("II. MỤC TIÊU\n- Tỷ lệ hộ gia đình có cáp quang đạt 80% vào năm 2025 và 100% vào năm 2030.\n")
    assert summary(found) == [(2025, "eq", 80, None, "%"), (2030, "eq", 100, None, "%")]
    assert {t.indicator for t in found} == {"Tỷ lệ hộ gia đình có cáp quang"}


def test_two_indicators_in_one_sentence():
    found = targets("II. MỤC TIÊU\n- Kinh tế số chiếm 25% GRDP, năng suất lao động tăng 7%.\n")
    assert [(t.indicator, t.value) for t in found] == [("Kinh tế số", 25), ("năng suất lao động tăng", 7)]


def test_value_first_clauses_keep_their_commas():
    found = targets("II. MỤC TIÊU\n- Phấn đấu 100% hồ sơ, dữ liệu chuyên ngành được số hóa và 90% "
                    "thủ tục hành chính được cung cấp trực tuyến.\n")
    assert [(t.indicator, t.value) for t in found] == [
        ("hồ sơ, dữ liệu chuyên ngành được số hóa", 100), ("thủ tục hành chính được cung cấp trực tuyến", 90)]


def test_a_count_inside_what_a_percentage_counts_is_not_a_target():
    [t] = targets("II. MỤC TIÊU\n- 70% phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh bẩm sinh.\n")
    assert (t.value, t.unit) == (70, "%")
    assert t.indicator == "phụ nữ mang thai được tầm soát ít nhất 4 loại bệnh bẩm sinh"


def test_a_comparator_carries_over_a_list_of_counts():
    found = targets("II. MỤC TIÊU\n- Hình thành ít nhất 100 doanh nghiệp khởi nghiệp, 50 doanh nghiệp khoa học.\n")
    assert [(t.value, t.comparator, t.unit) for t in found] == [(100, "gte", "doanh nghiệp"), (50, "gte", "doanh nghiệp")]


# ---------------------------------------------------------------- units

@pytest.mark.parametrize("bullet, expected", [
    ("- Có ít nhất 1.000 doanh nghiệp công nghệ số.", (1000, "doanh nghiệp", "gte")),
    ("- Kim ngạch xuất khẩu đạt 2,5 tỷ USD.", (2.5, "tỷ USD", "eq")),
    ("- Số bác sĩ đạt 30 bác sĩ/vạn dân.", (30, "bác sĩ/vạn dân", "eq")),
    ("- Có 10 khu công nghiệp được phủ sóng 5G.", (10, "khu công nghiệp", "eq")),
])
def test_counts_are_targets_with_their_noun(bullet, expected):
    [t] = targets(f"II. MỤC TIÊU ĐẾN NĂM 2030\n{bullet}\n")
    assert (t.value, t.unit, t.comparator, t.year) == (*expected, 2030)


def test_counts_of_the_plans_own_parts_are_not_targets():
    assert targets("II. MỤC TIÊU\nKế hoạch xác định 4 nhóm nhiệm vụ và 17 chương trình trọng tâm.\n") == []


# ---------------------------------------------------------------- scopes

def test_support_levels_of_a_policy_section_are_no_targets():
    text = ("Điều 1. Mục tiêu\n1. Tỷ lệ hộ gia đình được hỗ trợ cải thiện chỗ ở đạt trên 70% vào năm 2030.\n"
            "Điều 2. Một số cơ chế, chính sách hỗ trợ\n1. Ngân sách Thành phố hỗ trợ 50% lãi suất vay thương mại.\n"
            "2. Hộ gia đình được hỗ trợ tối đa 200 triệu đồng/hộ để tự xây dựng nhà ở.\n")
    assert [(t.value, t.year) for t in targets(text)] == [(70, 2030)]


def test_results_and_evaluation_sections_give_no_targets():
    text = ("I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023\n- Tỷ lệ hồ sơ trực tuyến đạt 45%.\n"
            "II. MỤC TIÊU NĂM 2024\n- Tỷ lệ hồ sơ trực tuyến đạt 60%.\n")
    assert summary(targets(text)) == [(2024, "eq", 60, None, "%")]


def test_outside_objectives_a_target_needs_target_words():
    text = ("Hà Nội, ngày 10 tháng 3 năm 2024\nKẾ HOẠCH\nChuyển đổi số năm 2024\n"
            "III. NHIỆM VỤ VÀ GIẢI PHÁP\n- Năm 2023 tỷ lệ hồ sơ trực tuyến là 45%, cao nhất từ trước.\n"
            "- Phấn đấu đến năm 2025 tỷ lệ hồ sơ trực tuyến đạt 80%.\n")
    assert summary(targets(text)) == [(2025, "eq", 80, None, "%")]


def test_things_already_done_are_not_targets():
    assert targets("II. MỤC TIÊU\nHiện nay tỉnh đã có 180 trạm phát sóng, trong đó 22 trạm 5G.\n") == []


# ---------------------------------------------------------------- tables

YEAR_TABLE = """II. CHỈ TIÊU

| STT | Chỉ tiêu | Đơn vị tính | Năm 2023 | Năm 2024 | Năm 2025 |
|---|---|---|---|---|---|
| 1 | Tỷ lệ hồ sơ giải quyết trực tuyến | % | 40 | 50 | 60 |
| 2 | Doanh nghiệp công nghệ số | Doanh nghiệp | 100 | ≥ 120 | 150 |
"""


def test_year_columns_give_one_target_per_year():
    found = targets(YEAR_TABLE)
    assert summary(found) == [
        (2023, "eq", 40, None, "%"), (2024, "eq", 50, None, "%"), (2025, "eq", 60, None, "%"),
        (2023, "eq", 100, None, "doanh nghiệp"), (2024, "gte", 120, None, "doanh nghiệp"),
        (2025, "eq", 150, None, "doanh nghiệp")]
    assert found[0].indicator == "Tỷ lệ hồ sơ giải quyết trực tuyến"


BAR_TABLE_TWO_ROW_HEADER = """II. CHỈ TIÊU

|
**STT**
|
**Chỉ tiêu**
|
**Đơn vị tính**
|
**Năm hiện hành 2025**
|
**Năm 2026**
|
**Năm 2027**
|
|
**Kế hoạch**
|
**Ước thực hiện**
|
|
1
|
Tốc độ tăng trưởng GRDP
|
%
|
8,00
|
7,50
|
10,00
|
10,50
|
"""


def test_a_value_cell_with_a_direction_word():
    text = ("PHỤ LỤC I\n| TT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2025 | Kế hoạch năm 2026 |\n|---|---|---|---|---|\n"
            "| 1 | Tỷ lệ hộ nghèo (theo chuẩn đa chiều) | % | 2,1 | Giảm 0,5 |\n"
            "| 2 | Kim ngạch xuất khẩu | % | 10 | Tăng 12 |\n")
    assert [(t.indicator, t.year, t.value) for t in targets(text)] == [
        ("Tỷ lệ hộ nghèo (theo chuẩn đa chiều) giảm", 2026, 0.5), ("Kim ngạch xuất khẩu tăng", 2026, 12)]


def test_a_year_table_that_restates_a_target_of_the_text_gives_no_second_record():
    text = ("2. Mục tiêu cụ thể\na) Giai đoạn 2024 - 2025: Đào tạo, bồi dưỡng ít nhất 500 kỹ sư thiết kế vi mạch.\n"
            "Chỉ tiêu theo năm:\n\n| Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2027 | Cơ quan chủ trì |\n|---|---|---|---|---|\n"
            "| Kỹ sư thiết kế vi mạch được đào tạo (lũy kế) | Người | 500 | 1.500 | Sở Giáo dục và Đào tạo |\n")
    found = targets(text)
    assert [(t.year, t.comparator, t.value, t.lead) for t in found] == [
        (2025, "gte", 500, ["Sở Giáo dục và Đào tạo"]), (2027, "eq", 1500, ["Sở Giáo dục và Đào tạo"])]
    assert found[0].indicator == "Đào tạo, bồi dưỡng kỹ sư thiết kế vi mạch"


def test_current_year_estimates_are_not_targets_under_a_two_row_header():
    found = targets(BAR_TABLE_TWO_ROW_HEADER)
    assert summary(found) == [(2026, "eq", 10.0, None, "%"), (2027, "eq", 10.5, None, "%")]
    assert found[0].indicator == "Tốc độ tăng trưởng GRDP"


def test_a_target_table_with_agencies_gives_lead_and_partners():
    text = ("PHỤ LỤC\n\n| TT | Nội dung mục tiêu | Cơ quan chủ trì | Cơ quan phối hợp |\n"
            "| 1 | Tỷ lệ hộ gia đình có cáp quang đạt 80% | Sở Khoa học và Công nghệ | Các doanh nghiệp viễn thông |\n")
    [t] = targets(text)
    assert (t.value, t.lead) == (80, ["Sở Khoa học và Công nghệ"])
    assert t.partners == ["Các doanh nghiệp viễn thông"]


# ---------------------------------------------------------------- the seeds

def test_appendix_restatement_is_merged_with_its_agencies(corpus):
    found = extract_document(corpus("binh-thuan-4181-2022.txt")).targets
    assert len([t for t in found if t.year == 2025]) == 18
    [t] = [t for t in found if t.year == 2025 and t.indicator == "Kinh tế số"]
    assert (t.value, t.comparator, t.lead) == (20, "eq", ["Sở Kế hoạch và Đầu tư"])
    assert t.text.startswith("Kinh tế số chiếm 20% GRDP") and t.section.startswith("I. MỤC TIÊU")


def test_provenance_points_at_the_sentence(corpus):
    doc = corpus("dak-nong-292-2022.pdf")
    for t in extract_document(doc).targets:
        assert t.text[:30] in doc.text[t.start:t.end]
        assert t.page == doc.page_at(t.start)


@pytest.mark.parametrize("ext, seeds, minimum", [("txt", SEEDS, 0.97), ("pdf", RENDERED_PDFS, 0.95),
                                                  ("docx", ["dong-thap-241-2022"], 0.95)])
def test_target_f1_against_gold(ext, seeds, minimum):
    report = evaluate([CORPUS / f"{s}.{ext}" for s in seeds], ANNOTATIONS)
    score = report.total("targets")
    assert score.f1 >= minimum, "\n".join(score.misses + score.extras)


def test_a_target_by_a_date_takes_the_dates_year_and_the_object_of_bao_dam():
    text = ("Chủ tịch UBND tỉnh yêu cầu:\n1. Sở Y tế: Chỉ đạo các trạm y tế rà soát, bảo đảm trước ngày 30/9/2027 có 100% "
            "người cao tuổi được lập hồ sơ sức khỏe điện tử.\n")
    [t] = targets(text)
    assert (t.year, t.value, t.indicator) == (2027, 100, "người cao tuổi được lập hồ sơ sức khỏe điện tử")


@pytest.mark.parametrize("sentence", [
    "Tính đến ngày 30/11/2025, tỷ lệ hộ dùng nước sạch đạt 91,2%.",
    "Năm 2025, tỷ lệ che phủ rừng ước đạt 47,5%.",
])
def test_values_as_of_a_date_or_estimated_are_results(sentence):
    assert targets(f"Kế hoạch năm 2026\n{sentence}\n") == []


def test_a_scoring_sheet_under_a_capitals_title_sets_no_targets():
    text = ("PHỤ LỤC II\nBẢNG CHẤM ĐIỂM ĐÁNH GIÁ MỨC ĐỘ HOÀN THÀNH NHIỆM VỤ CHUYỂN ĐỔI SỐ CỦA CÁC CƠ QUAN NĂM 2027\n"
            "| TT | Tiêu chí | Điểm tối đa |\n|---|---|---|\n| 1 | Tỷ lệ hồ sơ trực tuyến toàn trình đạt từ 80% trở lên | 10 |\n")
    assert targets(text) == []


def test_a_connective_before_the_measure_is_no_part_of_it():
    [t] = targets("Kế hoạch năm 2027\nTheo đó, tổng lượt khách du lịch đến tỉnh năm 2027 đạt 3,2 triệu lượt.\n")
    assert (t.year, t.indicator) == (2027, "tổng lượt khách du lịch đến tỉnh")


@pytest.mark.parametrize("sentence", [
    "Kế hoạch gồm 04 nhóm mục tiêu và 27 chỉ tiêu cụ thể.",
    "Năm 2026, toàn tỉnh đã phủ sóng 5G tại 100% khu công nghiệp.",
])
def test_counts_of_the_plans_parts_and_work_already_done_are_not_targets(sentence):
    assert targets(f"Kế hoạch phát triển hạ tầng số năm 2027\n{sentence}\n") == []


def test_work_done_before_the_aim_of_the_same_sentence_leaves_the_target():
    [t] = targets("2. Mục tiêu cụ thể\n- Giữ vững kết quả đã đạt được, phấn đấu 100% xã có điểm phục vụ bưu chính.\n")
    assert t.value == 100


YEARS_UNDER_A_PERIOD = """KẾ HOẠCH
PHÁT TRIỂN VÙNG NGUYÊN LIỆU GIAI ĐOẠN 2026 - 2028

I. MỤC TIÊU

Phát triển vùng nguyên liệu theo Phụ lục.

PHỤ LỤC

|
TT
|
Chỉ tiêu
|
ĐVT
|
ƯTH Năm 2025
|
GIAI ĐOẠN 2026 - 2028
|
|
Năm 2026
|
Năm 2027
|
Năm 2028
|
|
1
|
Cà phê
|
|
|
|
|
|
|
-
|
Diện tích
|
Ha
|
26.120
|
27.000
|
27.500
|
28.000
|
|
-
|
Sản lượng cà phê nhân
|
Tấn
|
37.724
|
39.800
|
40.602
|
45.225
|
"""


def test_years_under_a_period_give_one_target_each_and_a_bare_measure_names_its_item():
    found = [(t.year, t.value, t.unit, t.indicator) for t in targets(YEARS_UNDER_A_PERIOD)]
    assert found == [(2026, 27000.0, "ha", "Diện tích Cà phê"), (2027, 27500.0, "ha", "Diện tích Cà phê"),
                     (2028, 28000.0, "ha", "Diện tích Cà phê"),
                     (2026, 39800.0, "tấn", "Sản lượng cà phê nhân"), (2027, 40602.0, "tấn", "Sản lượng cà phê nhân"),
                     (2028, 45225.0, "tấn", "Sản lượng cà phê nhân")]  # the estimate of 2025 is no target


MEASURES_UNDER_YEARS = """KẾ HOẠCH
XUẤT KHẨU NÔNG SẢN GIAI ĐOẠN 2026 - 2027

PHỤ LỤC

| TT | Sản phẩm | Kế hoạch 2026 | Kế hoạch 2027 |
| Lượng (Tấn) | Giá trị (Nghìn USD) | Lượng (Tấn) | Giá trị (Nghìn USD) |
| 1 | Xoài | 13.500 | 7.000 | 14.800 | 7.800 |
"""


def test_measures_under_each_year_name_their_targets():
    found = [(t.year, t.value, t.unit, t.indicator) for t in targets(MEASURES_UNDER_YEARS)]
    assert found == [(2026, 13500.0, "tấn", "Lượng Xoài"), (2026, 7000.0, "nghìn USD", "Giá trị Xoài"),
                     (2027, 14800.0, "tấn", "Lượng Xoài"), (2027, 7800.0, "nghìn USD", "Giá trị Xoài")]


@pytest.mark.parametrize("text, indicator", [
    ("Tổng sản phẩm xoài tham gia xuất khẩu phấn đấu đến năm 2030 đạt 18.000 tấn.",
     "Tổng sản phẩm xoài tham gia xuất khẩu"),
    ("Sản lượng chè phấn đấu đến năm 2030 đạt 90.000 tấn.", "Sản lượng chè"),
    ("Tỉnh phấn đấu đến năm 2030 đón 12 triệu lượt khách.", "đón lượt khách"),
])
def test_the_subject_before_phan_dau_is_the_measure_when_only_a_time_and_a_link_follow(text, indicator):
    found = targets(f"KẾ HOẠCH\nX\n\nI. MỤC TIÊU\n\n- {text}\n")
    assert [(t.year, t.indicator) for t in found] == [(2030, indicator)]


@pytest.mark.parametrize("text, expected", [
    ("Tỷ suất sinh ở trẻ vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh/1.000 phụ nữ vào năm 2025.",
     [(2025, "eq", 18.0, "ca sinh/1.000 phụ nữ", "Tỷ suất sinh ở trẻ vị thành niên giảm")]),
    ("Tăng tỷ lệ che phủ rừng từ 42% lên 45% vào năm 2030.", [(2030, "eq", 45.0, "%", "Tăng tỷ lệ che phủ rừng")]),
    ("Giảm tỷ lệ hộ nghèo từ 5,2% xuống còn 3% vào năm 2030.", [(2030, "eq", 3.0, "%", "Giảm tỷ lệ hộ nghèo")]),
    ("Từ năm 2025 trở đi, 100% xã, phường có điểm tư vấn.", [(2025, "eq", 100.0, "%", "xã, phường có điểm tư vấn")]),
    ("Thời gian thi đua chia thành 02 đợt.", []),
])
def test_a_starting_value_a_year_from_which_and_the_plans_own_rounds(text, expected):
    found = targets(f"KẾ HOẠCH\nX\n\nI. MỤC TIÊU\n\n- {text}\n")
    assert [(t.year, t.comparator, t.value, t.unit, t.indicator) for t in found] == expected


def test_the_recipients_list_gives_no_target():
    found = targets("KẾ HOẠCH\nGIẢM NGHÈO\n\nI. MỤC TIÊU\n\n- Tỷ lệ hộ nghèo giảm 1% mỗi năm.\n\n"
                    "Nơi nhận:\n- Bộ NN&MT;\n- Lưu: VT, CT. 09 KH\n")
    assert [(t.value, t.unit) for t in found] == [(1.0, "%")]


def test_an_appendix_that_names_only_the_item_restates_the_text():
    text = ("KẾ HOẠCH\nXUẤT KHẨU NÔNG SẢN\n\nI. MỤC TIÊU\n\n"
            "- Tổng sản phẩm xoài tham gia xuất khẩu phấn đấu đến năm 2030 đạt 18.000 tấn.\n\n"
            "PHỤ LỤC\n\n| TT | Sản phẩm | Kế hoạch 2029 | Kế hoạch 2030 |\n"
            "| Lượng (Tấn) | Giá trị (Nghìn USD) | Lượng (Tấn) | Giá trị (Nghìn USD) |\n"
            "| 1 | Xoài | 16.800 | 9.300 | 18.000 | 10.000 |\n")
    found = sorted((t.year, t.value, t.unit, t.indicator) for t in targets(text))
    assert found == [(2029, 9300.0, "nghìn USD", "Giá trị Xoài"), (2029, 16800.0, "tấn", "Lượng Xoài"),
                     (2030, 10000.0, "nghìn USD", "Giá trị Xoài"),
                     (2030, 18000.0, "tấn", "Tổng sản phẩm xoài tham gia xuất khẩu")]


def test_an_indicator_before_a_colon_and_its_year_in_parentheses_after_the_value():
    text = ("KẾ HOẠCH\nNÔNG NGHIỆP\n\nI. MỤC TIÊU CỤ THỂ\n"
            "1. Tốc độ tăng trưởng giá trị sản xuất nông nghiệp: bình quân 3,5%/năm.\n"
            "2. Số xã đạt chuẩn nông thôn mới nâng cao: 20 xã (năm 2028).\n"
            "3. Tỷ lệ che phủ rừng: 45% (đến năm 2030).\n"
            "4. Cơ cấu kinh tế: dịch vụ chiếm 41%.\n")
    found = [(t.year, t.value, t.unit, t.indicator) for t in targets(text)]
    assert found == [(None, 3.5, "%/năm", "Tốc độ tăng trưởng giá trị sản xuất nông nghiệp"),
                     (2028, 20.0, "xã", "Số xã đạt chuẩn nông thôn mới nâng cao"),
                     (2030, 45.0, "%", "Tỷ lệ che phủ rừng"),
                     (None, 41.0, "%", "Cơ cấu kinh tế: dịch vụ")]


def test_a_column_of_a_period_holds_what_is_due_at_its_end_unless_later_years_stand_beside_it():
    head = "KẾ HOẠCH\nPHÁT TRIỂN\n\nPHỤ LỤC\n"
    ahead = targets(head + "| TT | Chỉ tiêu | Đơn vị tính | Giai đoạn 2026-2030 |\n"
                           "| 1 | Tốc độ tăng trưởng GRDP | %/năm | 10 - 10,5 |\n")
    assert [(t.year, t.value, t.value_max, t.unit) for t in ahead] == [(2030, 10.0, 10.5, "%/năm")]
    past = targets(head + "| TT | Chỉ tiêu | Đơn vị tính | Giai đoạn 2021-2025 | Năm 2026 |\n"
                          "| 1 | Tỷ lệ che phủ rừng | % | 42 | 43 |\n")
    assert [(t.year, t.value) for t in past] == [(2026, 43.0)]


def test_a_value_cell_that_writes_its_unit_and_a_numbered_measure_row_that_is_an_item_of_its_own():
    head = "KẾ HOẠCH\nPHÁT TRIỂN\n\nPHỤ LỤC\n"
    found = targets(head + "| TT | Nội dung chỉ tiêu | Chỉ tiêu đến năm 2030 |\n| 1 | Số giường bệnh/vạn dân | 35 giường |\n"
                           "| 2 | Tỷ lệ dân số có hồ sơ sức khỏe | 80% trở lên |\n")
    assert [(t.value, t.unit, t.comparator) for t in found] == [(35.0, "giường", "eq"), (80.0, "%", "gte")]
    found = targets(head + "| TT | Chỉ tiêu | ĐVT | Kế hoạch 2026 |\n| I | Chỉ tiêu kinh tế | | |\n"
                           "| 1 | Tổng thu ngân sách | tỷ đồng | 12.500 |\n| 2 | Kim ngạch xuất khẩu | triệu USD | 850 |\n")
    assert [t.indicator for t in found] == ["Tổng thu ngân sách", "Kim ngạch xuất khẩu"]


def test_a_news_paragraph_that_opens_with_a_period_gives_its_end_to_the_targets_after_it():
    text = ("Quảng Ninh cụ thể hóa Nghị quyết 57\n\n"
            "Nhiệm kỳ 2025-2030, Quảng Ninh hướng tới trở thành tỉnh tiên phong về chuyển đổi số.\n\n"
            "Nhiệm vụ này được cụ thể hóa bằng các chỉ tiêu: tỷ trọng kinh tế số trong GRDP đạt 30%.\n")
    assert [(t.year, t.value) for t in targets(text)] == [(2030, 30.0)]
    past = ("Quảng Ninh tổng kết Nghị quyết\n\nĐại hội Đảng bộ tỉnh nhiệm kỳ 2020-2025 đã đề ra mục tiêu.\n\n"
            "Các chỉ tiêu: tỷ trọng kinh tế số trong GRDP đạt 30%.\n")
    assert [t.year for t in targets(past)] == [None]


def test_a_value_said_to_stand_so_far_is_a_result():
    text = ("KẾT LUẬN\nvề bảo vệ môi trường\n1. Ghi nhận kết quả đạt được: đến nay, tỷ lệ che phủ rừng đạt 55%.\n"
            "2. Mục tiêu đến năm 2030\n- Tỷ lệ che phủ rừng duy trì ổn định ở mức 56%.\n")
    assert [(t.value, t.year) for t in extract_text(text).targets] == [(56.0, 2030)]


@pytest.mark.parametrize("sentence, indicators", [
    ("- Lượng giống xác nhận, lượng phân bón hóa học, lượng thuốc bảo vệ thực vật giảm lần lượt 30%, 20% và 10%.",
     ["Lượng giống xác nhận giảm", "lượng phân bón hóa học giảm", "lượng thuốc bảo vệ thực vật giảm"]),
    ("- Tỷ lệ hộ dân được sử dụng nước sạch ở thành thị, nông thôn lần lượt là 100% và 90%.",
     ["Tỷ lệ hộ dân được sử dụng nước sạch ở thành thị", "Tỷ lệ hộ dân được sử dụng nước sạch ở nông thôn"]),
])
def test_values_distributed_over_items_name_their_item(sentence, indicators):
    targets = extract_text("II. MỤC TIÊU ĐẾN NĂM 2030\n" + sentence + "\n").targets
    assert [t.indicator for t in targets] == indicators
    assert {t.year for t in targets} == {2030}


def test_a_baseline_period_ends_where_and_opens_the_next_clause():
    text = ("CHỈ THỊ\nVề phòng cháy rừng\nPhấn đấu diện tích rừng bị cháy giảm ít nhất 20% so với mùa khô năm "
            "2024 - 2025 và duy trì tỷ lệ che phủ rừng năm 2026 đạt 47,5%, Chủ tịch UBND tỉnh chỉ thị:\n")
    assert [(t.value, t.year) for t in extract_text(text).targets] == [(20.0, None), (47.5, 2026)]


def test_a_quota_quoted_from_a_document_the_prime_minister_approved_is_not_the_plans_target():
    text = ("KẾ HOẠCH\nPhát triển nhà ở xã hội năm 2026\nI. MỤC TIÊU\n1. Hoàn thành khoảng 12.000 căn nhà ở xã hội.\n"
            "Theo Đề án đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã hội được Thủ tướng Chính phủ phê duyệt, "
            "chỉ tiêu giao Thành phố là 149.000 căn đến năm 2030.\n")
    assert [t.value for t in extract_text(text).targets] == [12000.0]


@pytest.mark.parametrize("sentence", [
    "- Áp dụng các biện pháp “1 phải 5 giảm” trên 100% diện tích lúa.",
    "Từ đầu năm 2025 đến nay, toàn tỉnh ghi nhận 1.246 ca mắc, tăng 2,3 lần so với cùng kỳ; phấn đấu giảm 10% số ca mắc.",
])
def test_names_results_and_parts_beside_a_target(sentence):
    targets = extract_text("II. MỤC TIÊU ĐẾN NĂM 2026\n" + sentence + "\n").targets
    assert [t.value for t in targets] in ([100.0], [10.0])


@pytest.mark.parametrize("sentence, rate_indicator", [
    ("Giá trị hàng hóa xuất khẩu đến năm 2030 dự kiến đạt 50 triệu USD, tốc độ tăng bình quân 8 - 9%/năm.",
     "tốc độ tăng bình quân Giá trị hàng hóa xuất khẩu"),
    ("Doanh thu du lịch năm 2030 đạt 3.000 tỷ đồng, tăng trưởng bình quân 12%/năm.",
     "tăng trưởng bình quân Doanh thu du lịch"),
])
def test_a_bare_rate_after_a_value_measures_what_the_value_measured(sentence, rate_indicator):
    found = targets("II. MỤC TIÊU\n" + sentence + "\n")
    assert len(found) == 2
    assert found[1].indicator.startswith(rate_indicator)
    assert found[1].unit == "%/năm"


def test_a_rate_with_its_own_measure_keeps_it():
    [first, rate] = targets("II. MỤC TIÊU\nSản lượng lúa đạt 500 nghìn tấn, tốc độ tăng trưởng GRDP đạt 8%/năm.\n")
    assert rate.indicator == "tốc độ tăng trưởng GRDP"


@pytest.mark.parametrize("line", [
    "b) Phấn đấu 100% cơ sở kinh doanh thực phẩm được kiểm tra trong quý I/2026.",
    "- Trong tháng 6/2026, 100% cơ sở kinh doanh thực phẩm được kiểm tra.",
])
def test_a_quarter_or_month_with_its_year_gives_the_year_and_leaves_the_indicator(line):
    [t] = targets("II. NHIỆM VỤ\n" + line + "\n")
    assert (t.year, t.indicator) == (2026, "cơ sở kinh doanh thực phẩm được kiểm tra")


@pytest.mark.parametrize("line", [
    "- Giá dịch vụ thu gom rác thải đối với hộ gia đình áp dụng theo Quyết định số 45/2025/QĐ-UBND là 25.000 đồng/hộ/tháng.",
    "- Hộ gia đình phân loại rác đúng quy định được giảm 10% giá dịch vụ.",
    "- Mức hỗ trợ 50 triệu đồng/hộ xây mới nhà ở.",
    "- Bố trí kinh phí phục vụ Đoàn kiểm tra, dự kiến khoảng 45 triệu đồng.",
])
def test_prices_fees_support_levels_and_spending_are_not_targets(line):
    assert targets("II. MỤC TIÊU\n" + line + "\n") == []


def test_a_share_of_spending_set_as_an_objective_is_a_target():
    [t] = targets("II. MỤC TIÊU\n- Kinh phí chi cho nghiên cứu phát triển đạt tối thiểu 2% GRDP.\n")
    assert (t.value, t.unit) == (2, "%")


def test_the_main_clause_after_a_purpose_is_not_part_of_the_indicator():
    text = ("Để hoàn thành mục tiêu năm 2026, phấn đấu 100% người có công được chi trả trợ cấp qua tài khoản, "
            "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị triển khai các nội dung sau:\n")
    [t] = targets("II. NHIỆM VỤ\n" + text)
    assert t.indicator == "người có công được chi trả trợ cấp qua tài khoản"


def test_a_share_after_a_value_measures_what_the_value_measured():
    text = ("II. MỤC TIÊU\n- Tổng chi ngân sách địa phương là 68.450 tỷ đồng, trong đó chi đầu tư phát triển "
            "31.200 tỷ đồng, chiếm 45,6% tổng chi ngân sách địa phương.\n")
    assert [(t.value, t.indicator) for t in targets(text)] == [
        (68450, "Tổng chi ngân sách địa phương"), (31200, "chi đầu tư phát triển"), (45.6, "chi đầu tư phát triển")]


@pytest.mark.parametrize("line, indicator", [
    ("- Chỉ số cải cách hành chính của phường đứng trong top 30 xã, phường dẫn đầu Thành phố.",
     "Chỉ số cải cách hành chính của phường"),
    ("- Chỉ số chuyển đổi số thuộc nhóm 5 tỉnh dẫn đầu khu vực.", "Chỉ số chuyển đổi số"),
    # a place ranked is no measure: the words after the rank say in what
    ("- An Giang nằm trong nhóm 20 tỉnh dẫn đầu cả nước về chất lượng giáo dục.",
     "An Giang nằm trong top tỉnh dẫn đầu cả nước về chất lượng giáo dục"),
])
def test_a_ranked_measure_is_the_indicator_of_its_rank(line, indicator):
    [t] = targets("II. MỤC TIÊU\n" + line + "\n")
    assert (t.unit, t.indicator) == ("top", indicator)


def test_bao_dam_after_a_clause_of_work_opens_the_objective():
    text = ("II. NHIỆM VỤ\nSở Nội vụ phối hợp với Bảo hiểm xã hội tỉnh tăng cường thanh tra việc chấp hành pháp luật "
            "về bảo hiểm xã hội, bảo đảm mỗi năm thanh tra, kiểm tra tối thiểu 120 doanh nghiệp.\n")
    [t] = targets(text)
    assert (t.indicator, t.value, t.comparator, t.year) == ("thanh tra, kiểm tra", 120, "gte", None)


def test_a_count_with_work_of_its_own_after_a_rate_is_not_the_rate():
    text = "II. MỤC TIÊU\n- Tỷ lệ lao động qua đào tạo đạt 48%; giải quyết việc làm mới cho 62.000 lao động.\n"
    assert [t.indicator for t in targets(text)] == ["Tỷ lệ lao động qua đào tạo", "giải quyết việc làm mới lao động"]


def test_a_table_of_places_and_measures_gives_one_target_per_place_and_measure():
    text = ("KẾ HOẠCH\nPhát triển mạng 5G năm 2026\nII. MỤC TIÊU\n"
            "| STT | Khu công nghiệp | Số trạm BTS 5G | Tỷ lệ phủ sóng 5G (%) | Thời gian hoàn thành |\n"
            "| 1 | KCN Nam Cấm | 10 | 100 | Quý II/2026 |\n")
    assert [(t.year, t.value, t.unit, t.indicator) for t in targets(text)] == [
        (2026, 10, "trạm", "Số trạm BTS 5G KCN Nam Cấm"), (2026, 100, "%", "Tỷ lệ phủ sóng 5G KCN Nam Cấm")]


def test_a_measure_said_in_the_lead_in_above_a_table_of_places_names_its_values():
    text = ("KẾ HOẠCH\nPhát triển mạng 5G năm 2026 - 2027\nII. MỤC TIÊU\n"
            "Số trạm BTS 5G lắp đặt tại các khu công nghiệp như sau:\n"
            "| STT | Khu công nghiệp | Năm 2026 (trạm) | Năm 2027 (trạm) |\n| 1 | KCN Nam Cấm | 10 | 20 |\n")
    assert [(t.year, t.value, t.indicator) for t in targets(text)] == [
        (2026, 10, "Số trạm BTS 5G lắp đặt KCN Nam Cấm"), (2027, 20, "Số trạm BTS 5G lắp đặt KCN Nam Cấm")]


def test_a_places_table_whose_measures_name_their_year_and_a_column_of_the_present():
    text = ("KẾ HOẠCH\nPhòng, chống thiên tai năm 2026\nPHỤ LỤC I\nPHÂN BỔ CHỈ TIÊU THEO XÃ, PHƯỜNG\n"
            "| STT | Xã, phường | Số hộ đang sinh sống trong vùng nguy cơ cao (hộ) | Số hộ được hỗ trợ di dời năm 2026 (hộ) |"
            " Diện tích trồng rừng phòng hộ năm 2026 (ha) |\n"
            "| 1 | Xã Ba Tơ | 420 | 180 | - |\n| 2 | Phường Đức Phổ | 160 | 60 | 50 |\n| 3 | Xã Sơn Hà | 380 | 160 | - |\n")
    assert [(t.year, t.value, t.unit, t.indicator) for t in targets(text)] == [
        (2026, 180, "hộ", "Số hộ được hỗ trợ di dời năm 2026 Xã Ba Tơ"),
        (2026, 60, "hộ", "Số hộ được hỗ trợ di dời năm 2026 Phường Đức Phổ"),
        (2026, 50, "ha", "Diện tích trồng rừng phòng hộ năm 2026 Phường Đức Phổ"),
        (2026, 160, "hộ", "Số hộ được hỗ trợ di dời năm 2026 Xã Sơn Hà")]


def test_a_measure_over_the_year_columns_of_a_places_table_and_a_cumulative_column_ahead():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 268/KH-UBND\nQuảng Bình, ngày 15 tháng 02 năm 2023\n"
            "KẾ HOẠCH\nPhát triển du lịch cộng đồng giai đoạn 2023 - 2025\nPHỤ LỤC II\n"
            "| STT | Huyện | Đã công nhận đến hết năm 2022 | Số điểm được công nhận mới (điểm) | | | Lũy kế đến năm 2025 |\n"
            "| | | | Năm 2023 | Năm 2024 | Năm 2025 | |\n"
            "| 1 | Huyện Minh Hóa | 1 | 1 | - | 2 | 4 |\n")
    assert [(t.year, t.value, t.indicator) for t in targets(text)] == [
        (2023, 1, "Số điểm được công nhận mới Huyện Minh Hóa"), (2025, 2, "Số điểm được công nhận mới Huyện Minh Hóa"),
        (2025, 4, "Lũy kế đến năm 2025 Huyện Minh Hóa")]


def test_a_pointer_to_the_appendix_is_not_part_of_what_is_counted():
    text = "II. MỤC TIÊU\n- Năm 2026, trồng mới 350 ha rừng phòng hộ ven biển (phân bổ theo địa phương tại Phụ lục I).\n"
    assert [t.indicator for t in targets(text)] == ["trồng mới rừng phòng hộ ven biển"]


def test_a_projects_funding_for_a_year_is_not_a_target():
    text = ("KẾ HOẠCH\nY tế năm 2026\nPHỤ LỤC III\nDANH MỤC DỰ ÁN\n"
            "| STT | Tên dự án | Tổng mức đầu tư (tỷ đồng) | Vốn ngân sách thành phố năm 2026 (tỷ đồng) | Thời gian thực hiện | Chủ đầu tư |\n"
            "| 1 | Xây dựng Bệnh viện Ung bướu giai đoạn 2 | 1.250 | 180 | 2025 - 2028 | Sở Y tế |\n")
    assert targets(text) == []


def test_a_second_value_that_counts_the_same_noun_keeps_the_first_ones_measure():
    text = ("II. MỤC TIÊU\n- Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số vào năm 2026 và đạt 97% dân số vào năm 2030.\n"
            "- Năm 2026, 100% hồ sơ được số hóa, 80% hồ sơ được ký số.\n")
    assert [(t.year, t.value, t.indicator) for t in targets(text)] == [
        (2026, 95, "Tỷ lệ bao phủ bảo hiểm y tế"), (2030, 97, "Tỷ lệ bao phủ bảo hiểm y tế"),
        (2026, 100, "hồ sơ được số hóa"), (2026, 80, "hồ sơ được ký số")]


@pytest.mark.parametrize("issued, result", [("26/12/2025", True), ("15/6/2025", False)])
def test_the_plans_own_year_said_in_its_last_quarter_is_its_outcome_unless_aimed_at(issued, result):
    text = (f"Ngày {issued}, UBND tỉnh ban hành Kế hoạch số 88/KH-UBND.\n\n"
            "Năm 2025, tỉnh đón khoảng 19,8 triệu lượt khách, tăng 14,2% so với năm 2024.\n\n"
            "Năm 2025, phấn đấu 100% điểm du lịch có nhà vệ sinh đạt chuẩn.\n")
    found = [(t.year, t.value) for t in targets(text)]
    assert ((2025, 19.8) not in found and (2025, 14.2) not in found) is result
    assert (2025, 100) in found


def test_support_levels_frequencies_and_hotlines_are_not_targets():
    text = ("II. MỤC TIÊU\n- Hỗ trợ 50% chi phí mua giống lúa xác nhận cho hộ tham gia liên kết.\n"
            "- Ngân sách thành phố hỗ trợ thêm 20% mức đóng bảo hiểm y tế cho học sinh.\n"
            "- Giảm 50% giá vé cho người từ 60 tuổi trở lên.\n- Giảm 10% chi phí logistics so với năm 2025.\n"
            "- Cho vay với lãi suất 4,8%/năm.\n- Vận hành đường dây nóng 1900 6789 hoạt động 24/7.\n"
            "- Tỷ lệ người cao tuổi được khám sức khỏe định kỳ ít nhất 01 lần/năm đạt 80%.\n")
    assert [(t.value, t.indicator) for t in targets(text)] == [
        (10, "Giảm chi phí logistics"),
        (80, "Tỷ lệ người cao tuổi được khám sức khỏe định kỳ ít nhất 01 lần/năm")]


def test_a_part_inside_the_measure_is_replaced_and_a_multiples_year_is_its_base():
    text = ("KẾ HOẠCH\nPhát triển giai đoạn 2026 - 2030\nII. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2030\n"
            "- Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi dưới 16,5%; thể nhẹ cân dưới 9%.\n"
            "- Kim ngạch xuất khẩu đạt trên 95 tỷ USD, gấp khoảng 1,5 lần năm 2025.\n"
            "- Phát triển mới 20 siêu thị.\n")
    assert [(t.year, t.value, t.unit, t.indicator) for t in targets(text)] == [
        (2030, 16.5, "%", "Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi"),
        (2030, 9, "%", "Tỷ lệ suy dinh dưỡng thể nhẹ cân ở trẻ em dưới 5 tuổi"),
        (2030, 95, "tỷ USD", "Kim ngạch xuất khẩu"), (2030, 1.5, "lần", "Kim ngạch xuất khẩu"),
        (2030, 20, "siêu thị", "Phát triển mới siêu thị")]
