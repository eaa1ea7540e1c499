"""Deadlines on made-up sentences: every due-date form, recurrence and non-deadline."""
import pytest

from planextract import load_text
from planextract.extract import extract_document
from planextract.extract.deadlines import actors


def deadlines(body: str):
    text = "\n".join(["Số: 12/KH-UBND", "KẾ HOẠCH", "CHUYỂN ĐỔI SỐ", "IV. TỔ CHỨC THỰC HIỆN", body])
    return extract_document(load_text(text)).deadlines


@pytest.mark.parametrize("sentence, due, recurrence", [
    ("Các sở hoàn thành việc rà soát trong Quý II/2024.", "2024-06-30", None),
    ("Sở Tài chính trình phương án trong quý IV năm 2025.", "2025-12-31", None),
    ("Các sở gửi báo cáo trong tháng 6/2024 để tổng hợp.", "2024-06-30", None),
    ("Sở Y tế hoàn thành cơ sở dữ liệu trong năm 2024.", "2024-12-31", None),
    ("Các đơn vị gửi báo cáo trước ngày 31/12/2025 về Sở Tư pháp.", "2025-12-31", None),
    ("Các đơn vị gửi báo cáo trước ngày 15 hằng tháng về Sở Nội vụ.", None, "monthly"),
    ("Định kỳ hằng năm (trước ngày 30 tháng 11) báo cáo kết quả về Sở Xây dựng.", None, "annual"),
    ("Các sở thực hiện chế độ báo cáo 6 tháng, năm về UBND tỉnh.", None, "semiannual"),
    ("Định kỳ hàng quý và hằng năm, Sở Tài chính tổng hợp báo cáo.", None, "quarterly"),
    ("Phấn đấu đến hết năm 2025, phủ sóng 5G đến 100% khu công nghiệp.", "2025-12-31", None),
    ("Các sở định kỳ kiểm tra, đánh giá tình hình thực hiện.", None, None),
    ("Sở Nội vụ tổ chức tổng kết vào tháng 4 năm 2026.", "2026-04-30", None),
    ("Tổ chức sơ kết vào quý II/2026.", "2026-06-30", None),
    ("Sở Y tế báo cáo trước ngày 20 của tháng cuối quý.", None, "quarterly"),
    # a report's kind as the label of a bullet; 'báo cáo năm 2026' names one year, not a period
    ("- Báo cáo năm: Các đơn vị gửi Sở Tài chính trước ngày 15/12.", None, "annual"),
    ("- Báo cáo quý: Các đơn vị gửi Sở Tài chính trước ngày 20 của tháng cuối quý.", None, "quarterly"),
    ("Các đơn vị gửi báo cáo năm 2026 trước ngày 15/12/2026.", "2026-12-15", None),
    ("Sở Giáo dục và Đào tạo tham mưu sơ kết 3 năm vào năm 2028 và tổng kết vào năm 2030.", "2028-12-31", None),
])
def test_due_dates_and_recurrences(sentence, due, recurrence):
    (deadline,) = deadlines(sentence)
    assert (deadline.due_date, deadline.recurrence) == (due, recurrence)


@pytest.mark.parametrize("sentence", [
    "Kinh phí thực hiện được bố trí từ ngân sách nhà nước hằng năm.",   # where money comes from
    "Thời gian thực hiện: Hoàn thành trong năm 2025.",                  # a task's time line
    "Tỷ lệ hộ nghèo giảm hàng năm từ 1% đến 1,5%.",                      # 'hằng năm' inside a target
    "Phấn đấu đạt 90% người dân có kỹ năng số trong năm 2026.",          # a target's year
    "Chương trình: Từ năm 2025 đến hết năm 2030.",                       # a plan's period
    "Ngành Thuế đã triển khai thu ngân sách hằng quý theo kế hoạch.",    # what was done
    "Hàng năm",                                                          # a time cell read as text
    "Các sở tổ chức thực hiện thường xuyên.",                            # 'thường xuyên' is no deadline
    "Thời gian: từ tháng 7/2021 đến hết Quý I/2022, tùy theo vắc xin.",  # a task's time line too
    "Xây dựng kế hoạch an toàn thông tin; thực hiện kiểm thử an toàn định kỳ.",  # how often an activity runs
    "Tổ chức các hoạt động kiểm tra định kỳ, đột xuất việc chấp hành quy định.",
    "Sở Giáo dục và Đào tạo chỉ đạo các trường vệ sinh trường lớp hằng tuần.",
    "Ưu tiên kiểm tra các cơ sở đã bị xử lý vi phạm trong năm 2024 hoặc có phản ánh.",  # when it happened
    "Kiểm tra việc kiểm định phương tiện đo (được kiểm định định kỳ 02 năm/lần).",   # how often, no duty
    "Việc sử dụng ngân sách thực hiện trong phạm vi dự toán được giao hằng năm.",       # a condition
    "Các cấp, ngành xây dựng kế hoạch thanh tra, kiểm tra định kỳ và đột xuất về lĩnh vực phụ trách.",
])
def test_not_deadlines(sentence):
    assert deadlines(sentence) == []


def test_a_results_section_gives_no_deadlines():
    text = "\n".join(["Số: 12/KH-UBND", "KẾ HOẠCH", "CHUYỂN ĐỔI SỐ", "I. TÌNH HÌNH THỰC HIỆN NĂM 2024",
                      "- Sở Tài chính tổng hợp báo cáo hằng quý đúng hạn."])
    assert extract_document(load_text(text)).deadlines == []


@pytest.mark.parametrize("sentence, expected", [
    ("Các sở, ban, ngành, UBND xã, phường định kỳ báo cáo kết quả.", ["Các sở, ban, ngành", "UBND các xã, phường"]),
    ("Sở Khoa học và Công nghệ tổng hợp, báo cáo trước ngày 30/11 hằng năm.", ["Sở Khoa học và Công nghệ"]),
    ("Ủy ban nhân dân Thành phố yêu cầu các Sở, ban, ngành Thành phố, UBND phường, xã định kỳ báo cáo.",
     ["Các sở, ban, ngành", "UBND các xã, phường"]),
    ("Định kỳ hằng năm, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.", []),  # recipients do not act
    ("Trên đây là Kế hoạch phát triển du lịch, yêu cầu các sở, ban, ngành; Ủy ban nhân dân các xã, phường "
     "nghiêm túc triển khai thực hiện, báo cáo định kỳ hằng năm.", ["Các sở, ban, ngành", "UBND các xã, phường"]),
    ("Các sở, ban, ngành, đoàn thể Thành phố, Ủy ban nhân dân phường, xã, đặc khu báo cáo định kỳ 6 tháng.",
     ["Các sở, ban, ngành", "Các đoàn thể thành phố", "UBND các xã, phường, đặc khu"]),
    # a sentence that opens by giving the work: the body given it acts, not its partners
    ("Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng báo cáo UBND Thành phố trước ngày 15/12/2026.",
     ["Sở Tài chính"]),
    ("Đề nghị các sở, ban, ngành báo cáo kết quả trước ngày 20 hằng tháng.", ["Các sở, ban, ngành"]),
])
def test_who_must_act(sentence, expected):
    assert actors(sentence, "Hà Nội") == expected


def test_a_later_sentence_of_an_agency_paragraph_is_its_bodies_duty():
    found = deadlines("4. Các đảng bộ trực thuộc Tỉnh ủy: Xây dựng kế hoạch thực hiện. Báo cáo kết quả định kỳ "
                      "6 tháng, hằng năm về Ban Thường vụ Tỉnh ủy.\n"
                      "5. Chi cục Chăn nuôi, Thú y và Thủy sản: Hướng dẫn chuyên môn. Báo cáo tình hình dịch bệnh "
                      "về Sở trước ngày 20 hằng tháng.")
    assert [(d.recurrence, d.agencies) for d in found] == [
        ("semiannual", ["Các đảng bộ trực thuộc Tỉnh ủy"]), ("monthly", ["Chi cục Chăn nuôi, Thú y và Thủy sản"])]
    # a bullet outside the duties section: its first sentence's bodies
    text = "\n".join(["Số: 12/KH-UBND", "KẾ HOẠCH", "CHUYỂN ĐỔI SỐ", "III. GIẢI PHÁP",
                      "- Sở Khoa học và Công nghệ tổng hợp kết quả. Báo cáo giữa kỳ gửi UBND tỉnh hằng năm."])
    assert [d.agencies for d in extract_document(load_text(text)).deadlines] == [["Sở Khoa học và Công nghệ"]]


def test_a_heading_that_only_names_bodies_is_the_paragraph_of_its_bullets():
    found = deadlines("6. Các khu phố\n- Lập danh sách hộ kinh doanh; báo cáo về Công an phường trước ngày "
                      "31/01/2026.\n7. Các giải pháp khác\n- Báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2026.")
    assert [(d.due_date, d.agencies) for d in found] == [("2026-01-31", ["Các khu phố"]), ("2026-12-15", [])]


def test_a_sentence_that_says_whom_it_asks_speaks_for_itself_after_an_agency_paragraph():
    found = deadlines("TỔ CHỨC THỰC HIỆN\n5. Các doanh nghiệp bưu chính\n- Triển khai dịch vụ theo kế hoạch. "
                      "UBND tỉnh yêu cầu các sở, ban, ngành, UBND các xã, phường nghiêm túc triển khai; định kỳ "
                      "trước ngày 30/11 hằng năm báo cáo kết quả về Sở Khoa học và Công nghệ.")
    assert [(d.recurrence, d.agencies) for d in found] == [("annual", ["Các sở, ban, ngành", "UBND các xã, phường"])]

def test_the_closing_words_are_addressed_to_no_agency():
    found = deadlines("6. Ủy ban nhân dân cấp xã\n- Tổ chức thực hiện trên địa bàn.\nTrên đây là Kế hoạch chuyển "
                      "đổi số. Định kỳ hằng năm (trước ngày 30 tháng 11) báo cáo kết quả về Sở Xây dựng.")
    assert [(d.recurrence, d.agencies) for d in found] == [("annual", [])]


@pytest.mark.parametrize("sentence, due, recurrence", [
    ("Tổng hợp, báo cáo kết quả 6 tháng đầu năm trước ngày 15/6/2026 và cả năm trước ngày 15/12/2026 về Sở Y tế.",
     "2026-06-15", "semiannual"),
    ("Báo cáo kết quả thực hiện 06 tháng trước ngày 10/6/2026 và cả năm trước ngày 10/12/2026.", "2026-06-10",
     "semiannual"),
    ("Hoàn thành việc số hóa hồ sơ trong 6 tháng đầu năm, trước ngày 30/6/2026.", "2026-06-30", None),
])
def test_a_half_year_and_a_year_report_each_with_its_date(sentence, due, recurrence):
    (deadline,) = deadlines(sentence)
    assert (deadline.due_date, deadline.recurrence) == (due, recurrence)

@pytest.mark.parametrize("sentence, recurrence", [
    ("Định kỳ rà soát, đề xuất sửa đổi các tiêu chuẩn kỹ thuật.", None),        # a bare 'định kỳ' before the duty
    ("Các sở thực hiện chế độ báo cáo định kỳ.", None),                         # a periodic report is due
    ("Định kỳ hằng tuần (trước 15 giờ thứ Sáu) tổng hợp tiến độ, báo cáo UBND tỉnh.", None),  # weekly: no schema value
])
def test_recurring_duties_without_a_schema_period(sentence, recurrence):
    (deadline,) = deadlines(sentence)
    assert deadline.recurrence == recurrence


@pytest.mark.parametrize("sentence, recurrence", [
    ("Các Trung tâm y tế giám sát tuyến xã và báo cáo hằng ngày.", None),
    ("UBND các xã, phường huy động nguồn lực tại chỗ; báo cáo 02 lần/ngày về Sở Nông nghiệp và Môi trường.", None),
    ("Sở Nội vụ xây dựng, công bố báo cáo thường niên về nhu cầu nhân lực.", "annual"),
])
def test_daily_and_yearly_reports_are_recurring_obligations(sentence, recurrence):
    found = deadlines(f"IV. TỔ CHỨC THỰC HIỆN\n\n- {sentence}\n")
    assert [(d.recurrence, d.due_date) for d in found] == [(recurrence, None)]


def test_an_activity_done_every_day_is_no_report_due():
    assert deadlines("III. NHIỆM VỤ\n\n- Vệ sinh môi trường khu dân cư hằng ngày.\n") == []


@pytest.mark.parametrize("sentence", [
    "Thời gian thực hiện: Từ nay đến hết năm 2025.",
    "Công tác giám sát, đánh giá được tiến hành thường xuyên, liên tục trong năm 2025.",
    "Mức độ đạt được kết quả thực hiện nhiệm vụ so với kế hoạch hàng năm, giai đoạn.",
    "Sau khi có danh sách, chi trả trợ cấp hàng tháng qua tài khoản cho đối tượng.",
    "Thời gian tổ chức phong trào thi đua: từ tháng 10 năm 2025 đến hết tháng 3 năm 2026.",
])
def test_a_plans_period_work_going_on_and_kinds_of_plan_or_payment_are_no_deadlines(sentence):
    assert deadlines(f"- {sentence}\n") == []


def test_a_heading_that_names_a_year_asks_nothing():
    found = deadlines("III. NHIỆM VỤ\n1. Các nhiệm vụ cần làm ngay trong năm 2026\n"
                      "- Sở Tài chính hoàn thành việc rà soát trước ngày 30/6/2026.\n")
    assert [(d.text, d.due_date) for d in found] == [
        ("Sở Tài chính hoàn thành việc rà soát trước ngày 30/6/2026.", "2026-06-30")]


def test_the_sentences_own_subject_acts_not_every_body_of_its_paragraph():
    found = deadlines("3. Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh\n"
                      "Công an tỉnh chủ trì phối hợp với Bộ Chỉ huy Quân sự tỉnh định kỳ hằng quý kiểm tra an toàn hệ thống.\n"
                      "4. Sở Tài chính\n- Báo cáo năm: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 15/12.\n")
    assert [(d.recurrence, d.agencies) for d in found] == [
        ("quarterly", ["Công an tỉnh"]), ("annual", ["Các cơ quan, đơn vị liên quan"])]


def test_bodies_that_label_a_paragraph_with_a_colon_are_not_its_sentences_subject():
    found = deadlines("1. Các sở, ban, ngành; UBND các xã, phường: Căn cứ Kế hoạch này, xây dựng kế hoạch "
                      "và gửi về Sở Nội vụ trước ngày 15/3/2026.\n")
    assert [d.agencies for d in found] == [["Các sở, ban, ngành", "UBND các xã, phường"]]
