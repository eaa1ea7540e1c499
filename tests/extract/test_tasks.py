"""Tasks on made-up plans in every form plans assign work (issue 12), then on the seeds."""
import pytest

from planextract import extract_text
from planextract.evaluate import evaluate
from planextract.extract import extract_document
from planextract.extract.tasks import attribute_of, attributes_of, number_level, parse_timeframe

from ..conftest import ANNOTATIONS, CORPUS, RENDERED_PDFS, SEEDS


def tasks(text):
    return extract_text(text).tasks


def rows(found):
    return [(t.number, t.text, t.lead, t.partners, t.start_year, t.end_year) for t in found]


@pytest.mark.parametrize("cell, years", [
    ("2022 - 2025", (2022, 2025)), ("2022-2030", (2022, 2030)), ("2022 – 2025", (2022, 2025)),
    ("2023", (2023, 2023)), ("Quý IV/2023", (2023, 2023)), ("Hằng năm", (None, None)),
    ("Năm 2025 và các năm tiếp theo", (2025, None)), ("Từ 01/7/2025", (2025, None)),
    ("Quý IV/2025 - Quý II/2026", (2025, 2026)), ("Hoàn thành trong năm 2025", (2025, 2025)),
    ("Từ ngày 06/01 đến ngày 08/01/2025", (2025, 2025)), ("Từ tháng 7 đến tháng 12/2025", (2025, 2025)),
])
def test_time_cells(cell, years):
    assert parse_timeframe(cell) == years


def test_numbering_levels():
    assert [number_level(n) for n in ["A", "I", "1", "1.1", "a", "đ"]] == [1, 2, 3, 4, 6, 6]


@pytest.mark.parametrize("line, expected", [
    ("- Đơn vị chủ trì: Sở Khoa học và Công nghệ.", ("lead", "Sở Khoa học và Công nghệ.")),
    ("- Cơ quan phối hợp: Các sở, ban, ngành", ("partners", "Các sở, ban, ngành")),
    ("b) Cơ quan thực hiện: Sở Nội vụ", ("agency", "Sở Nội vụ")),
    ("c) Thời gian thực hiện: Năm 2025", ("time", "Năm 2025")), ("- Tiến độ: Quý IV/2025", ("time", "Quý IV/2025")),
    ("a) Nhiệm vụ: Rà soát dữ liệu", ("task", "Rà soát dữ liệu")), ("- Rà soát dữ liệu dân cư", None),
])
def test_attribute_lines(line, expected):
    assert attribute_of(line) == expected


# ---------------------------------------------------------------- tables in every text form

HEADER = "STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Tiến độ thực hiện"
ROW = "1 | Xây dựng cơ sở dữ liệu đất đai | Sở Nông nghiệp và Môi trường | Sở Tài chính | 2025 - 2026"
EXPECTED = [("1", "Xây dựng cơ sở dữ liệu đất đai", ["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính"], 2025, 2026)]


@pytest.mark.parametrize("table", [
    f"| {HEADER} |\n|---|---|---|---|---|\n| {ROW} |\n",  # Markdown
    f"{HEADER}\n{ROW}\n",  # pipe rows
    HEADER.replace(" | ", "\t") + "\n" + ROW.replace(" | ", "\t") + "\n",  # tab-separated
    "|\n" + "\n|\n".join(HEADER.split(" | ")) + "\n|\n|\n" + "\n|\n".join(ROW.split(" | ")) + "\n|\n",  # bar stream
])
def test_task_tables_in_every_text_form(table):
    assert rows(tasks(f"PHỤ LỤC\n\n{table}")) == EXPECTED


@pytest.mark.parametrize("wording", ["Nhiệm vụ cụ thể", "Nội dung công việc", "Nhiệm vụ", "Tên nhiệm vụ"])
@pytest.mark.parametrize("time", ["Tiến độ thực hiện", "Lộ trình", "Thời gian hoàn thành"])
def test_header_wordings(wording, time):
    text = (f"PHỤ LỤC\n\n| TT | {wording} | Đơn vị thực hiện | {time} |\n"
            "| 1 | Số hóa hồ sơ công trình | Sở Xây dựng | Năm 2026 |\n")
    assert rows(tasks(text)) == [("1", "Số hóa hồ sơ công trình", ["Sở Xây dựng"], [], 2026, 2026)]


def test_two_row_header_agency_group_over_lead_and_partners():
    stream = ["STT", "Nội dung", "Cơ quan thực hiện", "Thời gian", "", "Chủ trì", "Phối hợp", "",
              "1", "Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ", "Các sở, ban, ngành", "2026"]
    text = "PHỤ LỤC\n\n|\n" + "\n".join(c + "\n|" if c else "|" for c in stream) + "\n"
    assert rows(tasks(text)) == [("1", "Xây dựng kho dữ liệu dùng chung", ["Sở Khoa học và Công nghệ"],
                                  ["Các sở, ban, ngành"], 2026, 2026)]


def test_a_group_written_whole_in_the_number_column_is_a_group():
    text = ("PHỤ LỤC\n| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n"
            "| **I. HOÀN THIỆN THỂ CHẾ** | | | |\n| 1 | Ban hành quy chế quản lý dữ liệu | Sở Tư pháp | Quý II/2026 |\n"
            "| **II. PHÁT TRIỂN HẠ TẦNG** | | | |\n| 2 | Nâng cấp trung tâm dữ liệu | Công an tỉnh | Năm 2026 |\n")
    assert [(t.number, t.group, t.lead) for t in tasks(text)] == [
        ("1", "I. HOÀN THIỆN THỂ CHẾ", ["Sở Tư pháp"]), ("2", "II. PHÁT TRIỂN HẠ TẦNG", ["Công an tỉnh"])]


def test_group_rows_give_the_path_and_are_not_tasks():
    text = ("PHỤ LỤC\n\n| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n| I | Hoàn thiện thể chế |  |  |\n"
            "| 1 | Ban hành quy chế dữ liệu | Sở Tư pháp | 2026 |\n")
    [task] = tasks(text)
    assert (task.group, task.number, task.lead) == ("I Hoàn thiện thể chế", "1", ["Sở Tư pháp"])


# ---------------------------------------------------------------- prose

def test_task_items_with_attribute_lines():
    text = ("II. NHIỆM VỤ\n1. Về dữ liệu\n1.1. Xây dựng chiến lược dữ liệu:\na) Nhiệm vụ: Rà soát, hoàn thiện "
            "chiến lược dữ liệu của tỉnh.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n"
            "- Đơn vị phối hợp: Các sở, ban, ngành.\nc) Thời gian thực hiện: Hoàn thành trong năm 2025.\n")
    [task] = tasks(text)
    assert rows([task]) == [("1.1", "Rà soát, hoàn thiện chiến lược dữ liệu của tỉnh.", ["Sở Khoa học và Công nghệ"],
                            ["Các sở, ban, ngành"], 2025, 2025)]
    assert task.group == "1. Về dữ liệu" and task.timeframe == "Hoàn thành trong năm 2025"


def test_each_bullet_with_its_own_attribute_lines():
    text = ("III. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Nâng cao năng lực\n- Tổ chức tập huấn cho công chức.\n"
            "Cơ quan chủ trì: Sở Nội vụ; Thời gian: Năm 2026.\n- Xây dựng tài liệu bồi dưỡng.\n"
            "Cơ quan chủ trì: Sở Tư pháp; Thời gian: Năm 2027.\n")
    found = tasks(text)
    assert [(t.text, t.lead) for t in found] == [("Tổ chức tập huấn cho công chức.", ["Sở Nội vụ"]),
                                                ("Xây dựng tài liệu bồi dưỡng.", ["Sở Tư pháp"])]


def test_one_line_of_several_attribute_labels():
    text = ("III. NHIỆM VỤ\n1. Dự án 5: Hỗ trợ nhà ở cho hộ nghèo\n"
            "Cơ quan chủ trì: Sở Xây dựng; Cơ quan phối hợp: UBND huyện Minh Hóa, Ủy ban MTTQ Việt Nam tỉnh; "
            "Thời gian thực hiện: Hoàn thành trong năm 2024.\n"
            "2. Giảm nghèo về thông tin\nCơ quan chủ trì: Sở Thông tin và Truyền thông. Cơ quan phối hợp: "
            "Báo Quảng Bình; Đài PTTH tỉnh. Thời gian: Quý IV/2024.\n")
    assert [(t.lead, t.partners, t.timeframe, t.end_year) for t in tasks(text)] == [
        (["Sở Xây dựng"], ["UBND huyện Minh Hóa", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "Hoàn thành trong năm 2024", 2024),
        (["Sở Thông tin và Truyền thông"], ["Báo Quảng Bình", "Đài Phát thanh và Truyền hình tỉnh"], "Quý IV/2024", 2024)]
    assert attributes_of("- Đơn vị phối hợp: Sở A; Sở B; UBND TP. Hồ Chí Minh.") == [
        ("partners", "Sở A; Sở B; UBND TP. Hồ Chí Minh.")]

def test_items_under_an_area_of_procedure_reform_are_tasks():
    text = ("III. NHIỆM VỤ\n2. Cải cách thủ tục hành chính\na) Rà soát, đơn giản hóa thủ tục hành chính.\n"
            "Cơ quan chủ trì: Văn phòng UBND tỉnh; Cơ quan phối hợp: Các sở, ban, ngành; Thời gian: Quý II/2023.\n")
    assert [(t.number, t.group, t.lead, t.end_year) for t in tasks(text)] == [
        ("a", "2. Cải cách thủ tục hành chính", ["Văn phòng UBND tỉnh"], 2023)]

def test_the_paragraph_below_a_last_agency_heading_is_its_duties():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n7. Sở Tài chính:\n\n- Bố trí kinh phí.\n\n"
            "8. Đề nghị Liên đoàn Lao động tỉnh, Tỉnh đoàn:\n\nTuyên truyền, vận động đoàn viên tham gia bảo hiểm "
            "xã hội tự nguyện.\n\nTrong quá trình triển khai, nếu có khó khăn, vướng mắc, các cơ quan phản ánh về "
            "Bảo hiểm xã hội tỉnh.\n")
    assert [(t.number, t.text, t.lead) for t in tasks(text)] == [
        ("7", "Bố trí kinh phí.", ["Sở Tài chính"]),
        ("8", "Tuyên truyền, vận động đoàn viên tham gia bảo hiểm xã hội tự nguyện.",
         ["Liên đoàn Lao động tỉnh", "Tỉnh Đoàn"])]

def test_duties_below_a_heading_may_ask_to_report_difficulties_further_on():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n9. Báo và Phát thanh, Truyền hình tỉnh, hệ thống truyền thanh cơ sở:\n\n"
            "Theo chức năng, nhiệm vụ tăng cường thông tin, tuyên truyền về kế hoạch hỗ trợ tại từng xã, phường; "
            "kịp thời phản ánh khó khăn, vướng mắc trong công tác hỗ trợ Nhân dân.\n")
    [task] = tasks(text)
    assert task.text.startswith("Theo chức năng, nhiệm vụ tăng cường thông tin")


@pytest.mark.parametrize("item, lead", [
    ("1. Căn cứ Kế hoạch này, các sở, ban, ngành tỉnh, UBND các xã, phường xây dựng kế hoạch thực hiện.",
     ["Các sở, ban, ngành", "UBND các xã, phường"]),
    ("2. Căn cứ chức năng, nhiệm vụ được giao, Sở Y tế chủ động triển khai các nội dung của Kế hoạch.", ["Sở Y tế"]),
])
def test_a_numbered_duty_item_may_open_with_what_it_rests_on(item, lead):
    [task] = tasks("IV. TỔ CHỨC THỰC HIỆN\n" + item + "\n")
    assert task.lead == lead


@pytest.mark.parametrize("item, lead", [
    ("3. Thủ trưởng các sở, ban, ngành và Ủy ban nhân dân phường, xã, đặc khu chịu trách nhiệm triển khai Kế "
     "hoạch này.", ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"]),
    ("4. Giám đốc Sở Y tế chịu trách nhiệm tổ chức thực hiện các nhiệm vụ được giao.", ["Sở Y tế"]),
    ("2. Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường, đặc khu căn cứ chỉ tiêu được giao, "
     "xây dựng kế hoạch thực hiện.", ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"]),
])
def test_an_official_s_title_before_the_bodies_gives_their_bodies(item, lead):
    [task] = tasks("IV. TỔ CHỨC THỰC HIỆN\n" + item + "\n")
    assert task.lead == lead


@pytest.mark.parametrize("heading, lead", [
    ("6. Các cơ sở được kiểm tra", ["Các cơ sở được kiểm tra"]),
    ("7. Các tổ dân phố", ["Các tổ dân phố"]),
    ("8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Nông dân tỉnh, Tỉnh Đoàn",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Nông dân tỉnh", "Tỉnh Đoàn"]),
])
def test_a_heading_of_bodies_without_a_colon_takes_the_paragraph_below(heading, lead):
    text = (f"IV. TỔ CHỨC THỰC HIỆN\n{heading}\nChuẩn bị đầy đủ hồ sơ, tài liệu; báo cáo kết quả khắc phục "
            "về Sở Công Thương.\nTrên đây là Kế hoạch kiểm tra của Sở Công Thương.\n")
    [task] = tasks(text)
    assert (task.lead, task.text) == (lead, "Chuẩn bị đầy đủ hồ sơ, tài liệu; báo cáo kết quả khắc phục về Sở Công Thương.")


def test_an_unnumbered_paragraph_addressed_to_everyone_is_no_task():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế: Chủ trì triển khai Kế hoạch.\n"
            "Căn cứ Kế hoạch này, các sở, ban, ngành xây dựng kế hoạch thực hiện.\n")
    assert [t.lead for t in tasks(text)] == [["Sở Y tế"]]


def test_a_heading_of_names_only_is_read_whole():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n8. Hiệp hội Du lịch tỉnh, các doanh nghiệp du lịch: Tích cực tham gia xúc "
            "tiến, quảng bá du lịch.\n9. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể chính trị - "
            "xã hội tỉnh: Vận động Nhân dân tham gia.\n")
    assert [t.lead for t in tasks(text)] == [["Hiệp hội Du lịch tỉnh", "Các doanh nghiệp du lịch"],
                                            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các đoàn thể chính trị - xã hội tỉnh"]]


def test_the_body_that_advises_is_the_lead_of_a_party_programme_item():
    text = ("III. NHIỆM VỤ, GIẢI PHÁP\n2. Hoàn thiện cơ chế, chính sách đặc thù phát triển giáo dục.\n"
            "- Cơ quan chủ trì tham mưu: Đảng ủy Ủy ban nhân dân tỉnh.\n- Cơ quan phối hợp: Ban Tuyên giáo và Dân "
            "vận Tỉnh ủy.\n- Thời gian: Quý IV/2025.\n")
    assert [(t.text, t.lead, t.partners, t.end_year) for t in tasks(text)] == [
        ("Hoàn thiện cơ chế, chính sách đặc thù phát triển giáo dục.", ["Đảng ủy UBND tỉnh"],
         ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], 2025)]

def test_agency_line_with_a_chu_tri_body_gives_lead_and_partners():
    text = ("II. NỘI DUNG\n1. Phổ biến Luật Việc làm\n- Nội dung thực hiện: Tổ chức phổ biến Luật Việc làm.\n"
            "- Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu; Sở Tư pháp và Công an tỉnh chủ động tổ chức triển khai.\n")
    [task] = tasks(text)
    assert (task.text, task.lead, task.partners) == ("Tổ chức phổ biến Luật Việc làm.", ["Sở Nội vụ"],
                                                     ["Sở Tư pháp", "Công an tỉnh"])


@pytest.mark.parametrize("section", ["IV. TỔ CHỨC THỰC HIỆN", "IV. PHÂN CÔNG TRÁCH NHIỆM",
                                     "IV. TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ"])
def test_agency_paragraphs_under_any_name_of_the_duties_section(section):
    text = (f"{section}\n1. Sở Khoa học và Công nghệ\na) Chủ trì, phối hợp với Sở Y tế triển khai nền tảng số.\n"
            "b) Phối hợp với các sở hướng dẫn chuyển đổi số.\n2. Công an tỉnh: Bảo đảm an ninh mạng.\n")
    found = tasks(text)
    assert rows(found) == [
        ("1", "Chủ trì, phối hợp với Sở Y tế triển khai nền tảng số. Phối hợp với các sở hướng dẫn chuyển đổi số.",
         ["Sở Khoa học và Công nghệ"], [], None, None),
        ("2", "Bảo đảm an ninh mạng.", ["Công an tỉnh"], [], None, None)]


@pytest.mark.parametrize("sentence, lead, partners", [
    ("Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí thực hiện.", ["Sở Tài chính"], ["Sở Nội vụ"]),
    ("Sở Xây dựng chủ trì, phối hợp với Công an tỉnh triển khai hệ thống camera.", ["Sở Xây dựng"], ["Công an tỉnh"]),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tổ chức tuyên truyền.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], []),
    # the body as the subject, then a phrase that gives it the duty (data/duty_openers.csv)
    ("UBND các xã, phường có trách nhiệm bố trí quỹ đất xây dựng trường học.", ["UBND các xã, phường"], []),
    ("Sở Y tế được giao là cơ quan thường trực, chủ trì theo dõi việc thực hiện.", ["Sở Y tế"], []),
    ("Bưu điện tỉnh được đề nghị phối hợp với Sở Công Thương đưa sản phẩm lên sàn.", ["Bưu điện tỉnh"],
     ["Sở Công Thương"]),
    ("Công an tỉnh tăng cường kiểm tra khí thải phương tiện giao thông.", ["Công an tỉnh"], []),
    # partners of any kind of body, not only "Sở …", "UBND …"
    ("Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Trường Đại học Cần Thơ xây dựng mô hình.",
     ["Sở Khoa học và Công nghệ"], ["Trường Đại học Cần Thơ"]),
    ("Giao Sở Nông nghiệp và Môi trường phối hợp với Đài Khí tượng Thủy văn tỉnh theo dõi thời tiết.",
     ["Sở Nông nghiệp và Môi trường"], ["Đài Khí tượng Thủy văn tỉnh"]),
    # 'tổ chức' in a list of bodies is a noun, before the work a verb
    ("Sở Xây dựng chủ trì, phối hợp với các cơ quan, tổ chức có liên quan theo dõi việc thực hiện.",
     ["Sở Xây dựng"], ["Các cơ quan, đơn vị liên quan"]),
    ("Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổ chức tuyên truyền.", ["Sở Nội vụ"], ["Sở Tài chính"]),
    # a manner or purpose between the bodies and the verb is not part of their names
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể tỉnh bằng nhiều hình thức phù hợp, "
     "tổ chức tuyên truyền.", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các đoàn thể tỉnh"], []),
    ("Giao Sở Văn hóa, Thể thao và Du lịch nhằm thu hút khách thực hiện quảng bá điểm đến.",
     ["Sở Văn hóa, Thể thao và Du lịch"], []),
])
def test_assignment_sentences_anywhere(sentence, lead, partners):
    [task] = tasks(f"III. NHIỆM VỤ VÀ GIẢI PHÁP\n- Đẩy mạnh chuyển đổi số trong các ngành.\n{sentence}\n")
    assert (task.lead, task.partners) == (lead, partners)


def test_an_assignment_lead_in_makes_each_item_a_task():
    text = ("Điều 3. Giao Sở Dân tộc và Tôn giáo chủ trì, phối hợp các đơn vị liên quan có trách nhiệm:\n"
            "1. Tổ chức niêm yết thủ tục tại trụ sở.\n2. Rà soát quy trình điện tử.\n")
    found = tasks(text)
    assert [(t.number, t.lead) for t in found] == [("1", ["Sở Dân tộc và Tôn giáo"]), ("2", ["Sở Dân tộc và Tôn giáo"])]


def test_two_clauses_giving_work_to_two_bodies_are_two_tasks():
    text = ("III. NHIỆM VỤ VÀ GIẢI PHÁP\n3. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí; "
            "giao Sở Y tế tổ chức khám sàng lọc; bảo đảm đúng tiến độ.\n")
    assert [(t.number, t.text, t.lead, t.partners) for t in tasks(text)] == [
        ("3", "Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí", ["Sở Tài chính"], ["Sở Nội vụ"]),
        ("3", "giao Sở Y tế tổ chức khám sàng lọc; bảo đảm đúng tiến độ.", ["Sở Y tế"], [])]


def test_a_numbered_request_sentence_keeps_its_words_and_a_request_heading_is_an_agency_paragraph():
    text = ("Điều 2. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n"
            "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp giám sát việc thực hiện Nghị quyết.\n")
    assert [(t.number, t.text) for t in tasks(text)][1] == (
        "2", "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp giám sát việc thực hiện Nghị quyết.")
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Chủ trì triển khai Kế hoạch.\n"
            "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\n- Tuyên truyền, vận động Nhân dân.\n")
    assert [(t.number, t.text, t.lead) for t in tasks(text)][1] == (
        "2", "Tuyên truyền, vận động Nhân dân.", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"])


def test_a_subject_that_is_more_than_bodies_or_is_everyone_assigns_nothing():
    text = ("Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chỉ thị số 27/CT-TTg về việc tăng cường công tác "
            "dân số.\nTrong đó, doanh nghiệp giữ vai trò chủ động trong đổi mới.\n"
            "IV. TỔ CHỨC THỰC HIỆN\nCác sở, ban, ngành và các đơn vị liên quan có trách nhiệm xây dựng kế hoạch.\n")
    assert tasks(text) == []


def test_an_item_under_an_assignment_lead_in_that_names_its_own_body_is_that_bodys():
    text = ("Điều 3. Giao Sở Dân tộc và Tôn giáo chủ trì, phối hợp các đơn vị liên quan có trách nhiệm:\n"
            "1. Tổ chức niêm yết thủ tục tại trụ sở.\n2. Văn phòng UBND tỉnh tham mưu trình Chủ tịch UBND tỉnh "
            "phê duyệt quy trình điện tử.\n")
    assert sorted((t.number, t.lead) for t in tasks(text)) == [("1", ["Sở Dân tộc và Tôn giáo"]),
                                                               ("2", ["Văn phòng UBND tỉnh"])]


def test_a_heading_over_agency_paragraphs_is_their_group_not_a_task():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành\na) Sở Tài chính\n- Bố trí kinh phí thực hiện.\n"
            "b) Sở Nội vụ\n- Đưa kết quả vào đánh giá thi đua.\n2. UBND các xã, phường\n"
            "Xây dựng kế hoạch của địa phương.\n")
    assert [(t.number, t.group, t.text, t.lead) for t in tasks(text)] == [
        ("a", "1. Các sở, ban, ngành", "Bố trí kinh phí thực hiện.", ["Sở Tài chính"]),
        ("b", "1. Các sở, ban, ngành", "Đưa kết quả vào đánh giá thi đua.", ["Sở Nội vụ"]),
        ("2", "", "Xây dựng kế hoạch của địa phương.", ["UBND các xã, phường"])]


def test_agency_headings_written_trach_nhiem_cua_or_doi_voi():
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của các sở, ban, ngành\n1.1. Đối với Sở Tài chính:\n"
            "Bố trí kinh phí thực hiện Kế hoạch.\n2. Trách nhiệm của UBND các xã, phường\n"
            "Xây dựng kế hoạch triển khai tại địa phương.\n")
    assert [(t.number, t.lead) for t in tasks(text)] == [("1.1", ["Sở Tài chính"]), ("2", ["UBND các xã, phường"])]


def test_the_time_in_a_closing_parenthesis_after_the_bodies():
    text = ("III. NHIỆM VỤ, GIẢI PHÁP\na) Rà soát quy định về quản lý dữ liệu (Sở Tư pháp chủ trì, phối hợp với "
            "Công an tỉnh; hoàn thành trong Quý III/2026).\n")
    [t] = tasks(text)
    assert (t.lead, t.partners, t.timeframe, t.start_year, t.end_year) == (
        ["Sở Tư pháp"], ["Công an tỉnh"], "hoàn thành trong Quý III/2026", 2026, 2026)


def test_agency_paragraphs_numbered_with_a_dash():
    text = ("IV - TỔ CHỨC THỰC HIỆN\n1 - Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn "
            "tuyên truyền Chương trình hành động.\n2 - Công an tỉnh bảo đảm an ninh mạng.\n")
    assert [(t.number, t.lead, t.text[:8]) for t in tasks(text)] == [
        ("1", ["Ban Tuyên giáo Tỉnh ủy"], "chủ trì,"), ("2", ["Công an tỉnh"], "bảo đảm ")]


def test_closing_formulas_and_bullets_without_agency_are_not_tasks():
    text = ("III. NHIỆM VỤ VÀ GIẢI PHÁP\n- Hoàn thiện hệ thống văn bản về chuyển đổi số.\n"
            "IV. TỔ CHỨC THỰC HIỆN\nĐề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện.\n"
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở chủ trì phản ánh về Sở Nội vụ.\n")
    assert tasks(text) == []


# ---------------------------------------------------------------- the seeds

def _task(found, start):
    hits = [t for t in found if t.text.startswith(start)]
    assert len(hits) == 1, [t.text[:60] for t in hits]
    return hits[0]


@pytest.mark.parametrize("ext", ["txt", "pdf", "docx"])
def test_dong_thap_health_record_row_in_every_form(corpus, ext):
    task = _task(extract_document(corpus(f"dong-thap-241-2022.{ext}")).tasks,
                 "Triển khai hồ sơ bệnh án điện tử theo hướng dẫn của Bộ Y tế")
    assert task.lead == ["Sở Y tế"]
    assert task.partners == ["Sở Thông tin và Truyền thông", "UBND cấp huyện", "Các cơ sở y tế"]
    assert (task.start_year, task.end_year, task.timeframe) == (2022, 2025, "2022 - 2025")


def test_row_broken_across_a_page(corpus):
    task = next(t for t in extract_document(corpus("nghe-an-347-2023.txt")).tasks if t.number == "6.3")
    assert task.text.endswith("yêu cầu các kỹ năng mới.")


@pytest.mark.parametrize("ext, seeds, minimum", [("txt", SEEDS, 0.95), ("pdf", RENDERED_PDFS, 0.95),
                                                  ("docx", ["dong-thap-241-2022"], 0.95)])
def test_task_f1_against_gold(ext, seeds, minimum):
    report = evaluate([CORPUS / f"{s}.{ext}" for s in seeds], ANNOTATIONS)
    score = report.total("tasks")
    assert score.f1 >= minimum, "\n".join(score.misses + score.extras)


@pytest.mark.parametrize("cell, lead, partners", [
    ("Sở Nội vụ (chủ trì); Sở Tài chính, Sở Tư pháp", ["Sở Nội vụ"], ["Sở Tài chính", "Sở Tư pháp"]),
    ("Công an tỉnh, Sở Y tế (chủ trì)", ["Sở Y tế"], ["Công an tỉnh"]),
])
def test_the_body_marked_chu_tri_in_one_agency_column_leads(cell, lead, partners):
    text = ("PHỤ LỤC\n| STT | Nhiệm vụ | Cơ quan thực hiện | Thời gian |\n|---|---|---|---|\n"
            f"| 1 | Rà soát quy trình nội bộ | {cell} | Năm 2027 |\n")
    [task] = tasks(text)
    assert (task.lead, task.partners) == (lead, partners)


def test_items_numbered_with_their_label_word_and_attribute_lines():
    text = ("III. NHIỆM VỤ\nNhiệm vụ 1: Số hóa hồ sơ địa chính của các xã.\nĐơn vị chủ trì: Sở Nông nghiệp và Môi trường.\n"
            "Thời gian: Năm 2027.\nNhiệm vụ 2: Nâng cấp Cổng dịch vụ công.\nĐơn vị chủ trì: Văn phòng UBND tỉnh.\n"
            "Đơn vị phối hợp: Sở Khoa học và Công nghệ.\n")
    assert rows(tasks(text)) == [
        ("1", "Số hóa hồ sơ địa chính của các xã.", ["Sở Nông nghiệp và Môi trường"], [], 2027, 2027),
        ("2", "Nâng cấp Cổng dịch vụ công.", ["Văn phòng UBND tỉnh"], ["Sở Khoa học và Công nghệ"], None, None)]


def test_bold_attribute_labels_whose_values_the_reader_put_on_a_line_of_their_own():
    text = ("## III. NHIỆM VỤ\n### 1. Phát triển hạ tầng số\n**a) Nội dung:** Phủ sóng 5G các khu công nghiệp.\n"
            "**b) Đơn vị chủ trì:** Sở Khoa học và Công nghệ\n**c) Đơn vị phối hợp:** Sở Công Thương\n"
            "**d) Thời gian thực hiện:** 2026 - 2027\n")
    assert rows(tasks(text)) == [("1", "Phủ sóng 5G các khu công nghiệp.", ["Sở Khoa học và Công nghệ"],
                                  ["Sở Công Thương"], 2026, 2027)]


def test_a_start_column_and_an_end_column_make_one_timeframe():
    text = ("PHỤ LỤC\nSTT\tNhiệm vụ\tCơ quan chủ trì\tBắt đầu\tHoàn thành\n"
            "1\tXây dựng trung tâm dữ liệu\tSở Khoa học và Công nghệ\tQuý I/2026\tQuý IV/2028\n")
    [task] = tasks(text)
    assert (task.lead, task.start_year, task.end_year) == (["Sở Khoa học và Công nghệ"], 2026, 2028)


def test_a_directive_addressed_to_heads_of_bodies_by_their_titles():
    text = ("Để bảo đảm an toàn mùa lũ năm 2027, Chủ tịch UBND tỉnh yêu cầu:\n"
            "1. Giám đốc Sở Xây dựng: Kiểm tra an toàn các công trình đang thi công.\n"
            "2. Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, Giám đốc Công an tỉnh: Sẵn sàng lực lượng cứu hộ.\n")
    assert [(t.number, t.lead) for t in tasks(text)] == [
        ("1", ["Sở Xây dựng"]), ("2", ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"])]


def test_a_request_lead_in_that_names_goals_still_assigns_the_items_under_it():
    text = ("Để hoàn thành các mục tiêu chuyển đổi số năm 2027, Chủ tịch UBND tỉnh yêu cầu:\n"
            "1. Công an tỉnh: Chủ trì cấp tài khoản định danh điện tử lưu động.\n"
            "2. Sở Khoa học và Công nghệ: Bảo đảm hạ tầng kết nối.\n")
    assert [(t.number, t.lead) for t in tasks(text)] == [("1", ["Công an tỉnh"]), ("2", ["Sở Khoa học và Công nghệ"])]


def test_a_request_after_the_last_agency_paragraph_is_a_task_of_its_own():
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n- Chủ trì hướng dẫn thực hiện chính sách.\n"
            "Đề nghị Liên đoàn Lao động tỉnh phối hợp tuyên truyền đến người lao động.\n")
    assert [(t.lead, t.text) for t in tasks(text)] == [
        (["Sở Nội vụ"], "Chủ trì hướng dẫn thực hiện chính sách."),
        (["Liên đoàn Lao động tỉnh"], "Đề nghị Liên đoàn Lao động tỉnh phối hợp tuyên truyền đến người lao động.")]


def test_a_later_clause_of_one_giao_sentence_is_its_bodys_task():
    text = ("Để thực hiện các mục tiêu trên, UBND tỉnh giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính xây dựng "
            "chương trình xúc tiến thương mại; Sở Nội vụ tham mưu kiện toàn bộ máy quản lý chợ.\n")
    assert [(t.lead, t.partners) for t in tasks("III. TỔ CHỨC THỰC HIỆN\n" + text)] == [
        (["Sở Công Thương"], ["Sở Tài chính"]), (["Sở Nội vụ"], [])]


def test_partners_listed_after_a_colon_and_bodies_listed_under_a_label():
    [first] = tasks("III. GIẢI PHÁP\nGiao Sở Y tế chủ trì, phối hợp với: Hội Chữ thập đỏ tỉnh; Bảo hiểm xã hội tỉnh; "
                    "các cơ quan, đơn vị có liên quan huy động nguồn lực chăm sóc người cao tuổi.\n")
    assert first.partners == ["Hội Chữ thập đỏ tỉnh", "Bảo hiểm xã hội tỉnh", "Các cơ quan, đơn vị liên quan"]
    [second] = tasks("a) Số hóa bản đồ địa chính\nĐơn vị chủ trì: Sở Nông nghiệp và Môi trường\nĐơn vị phối hợp:\n"
                     "- Sở Tài chính;\n- Thuế tỉnh Quảng Trị;\n- UBND các xã, phường.\nThời gian thực hiện: Năm 2027\n")
    assert (second.partners, second.start_year) == (["Sở Tài chính", "Thuế tỉnh", "UBND các xã, phường"], 2027)


def test_an_explicit_assignment_inside_criteria_is_a_task_and_the_criteria_are_not():
    found = tasks("KẾ HOẠCH\nTHI ĐUA\n\nIII. TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI\n\n"
                  "a) Trên cơ sở kết quả thực hiện các chỉ tiêu, giao Sở Y tế thành lập đoàn kiểm tra, chấm điểm.\n\n"
                  "b) UBND xã, phường đạt từ 90 điểm trở lên được xếp loại xuất sắc.\n")
    assert [(t.lead, t.text.startswith("Trên cơ sở")) for t in found] == [(["Sở Y tế"], True)]


def test_a_responsibility_line_after_the_bullets_gives_the_items_bodies():
    text = ("KẾ HOẠCH\nBẢO VỆ MÔI TRƯỜNG\n\nIII. NHIỆM VỤ\n\n3.1. Tăng cường sự lãnh đạo của Đảng\n\n"
            "- Quán triệt sâu sắc quan điểm bảo vệ môi trường.\n\n- Phát huy vai trò của các đoàn thể.\n\n"
            "Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.\n")
    found = [(t.number, t.text, t.lead) for t in tasks(text)]
    assert found == [("3.1", "Quán triệt sâu sắc quan điểm bảo vệ môi trường. Phát huy vai trò của các đoàn thể.",
                      ["Đảng ủy UBND tỉnh"])]


def test_a_sentence_of_a_duties_section_whose_subject_is_a_body_with_a_verb_of_work():
    text = ("KẾ HOẠCH\nPHÒNG CHỐNG DỊCH\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n"
            "a) Trung tâm Kiểm soát bệnh tật tỉnh hỗ trợ các địa phương xét nghiệm. Sở Tài chính định kỳ hằng "
            "quý tổng hợp, báo cáo UBND tỉnh.\n\n"
            "b) Cấp phát thuốc: Sở Y tế phối hợp với Bảo hiểm xã hội tỉnh cấp phát thuốc cho người bệnh.\n\n"
            "c) Các sở, ban, ngành tăng cường tuyên truyền.\n\n"
            "d) Ủy ban nhân dân tỉnh ban hành kế hoạch này để các cơ quan cùng thực hiện.\n")
    found = [(t.number, t.lead, t.partners, t.text.split(" ")[0]) for t in tasks(text)]
    assert found == [("a", ["Trung tâm Kiểm soát bệnh tật tỉnh"], [], "Trung"),
                     ("a", ["Sở Tài chính"], [], "Sở"),
                     ("b", ["Sở Y tế"], ["Bảo hiểm xã hội tỉnh"], "Cấp")]


def test_a_body_as_subject_outside_a_duties_section_or_with_work_done_gives_no_task():
    for heading in ("I. MỤC TIÊU", "I. KẾT QUẢ THỰC HIỆN NĂM 2025", "IV. KINH PHÍ"):
        assert tasks(f"KẾ HOẠCH\nCHUYỂN ĐỔI SỐ\n\n{heading}\n\nSở Y tế hỗ trợ các trạm y tế xã.\n") == []
    assert tasks("KẾ HOẠCH\nCHUYỂN ĐỔI SỐ\n\nII. NHIỆM VỤ\n\nSở Y tế đã hỗ trợ các trạm y tế xã.\n") == []


def test_a_party_programme_assigns_work_to_its_committees():
    text = ("TỈNH ỦY LÀO CAI\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 57-NQ/TW\n\nIV. TỔ CHỨC THỰC HIỆN\n"
            "1. Các cấp ủy, tổ chức đảng tổ chức quán triệt Chương trình.\n"
            "2. Đảng ủy Hội đồng nhân dân tỉnh lãnh đạo Hội đồng nhân dân tỉnh ban hành cơ chế, chính sách.\n")
    assert [t.lead for t in tasks(text)] == [["Các cấp ủy, tổ chức đảng"], ["Đảng ủy HĐND tỉnh"]]


def test_a_body_as_subject_under_a_heading_of_no_known_kind_and_the_issuer_describing_itself():
    text = ("KẾ HOẠCH\nKHEN THƯỞNG BẦU CỬ\n\nIV. SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG\n\n"
            "Sở Nội vụ phối hợp với các cơ quan, đơn vị có liên quan báo cáo Hội đồng Thi đua - Khen thưởng tỉnh.\n\n"
            "Tỉnh ủy Lào Cai ban hành Chương trình hành động thực hiện Kết luận số 75-KL/TW.\n")
    assert [(t.lead, t.partners) for t in tasks(text)] == [(["Sở Nội vụ"], ["Các cơ quan, đơn vị liên quan"])]


def test_a_heading_that_is_only_names_whatever_verbs_its_words_contain():
    text = ("KẾ HOẠCH\nXÚC TIẾN THƯƠNG MẠI\n\nIV. TỔ CHỨC THỰC HIỆN\n\n**7. Trung tâm Xúc tiến đầu tư, thương mại và du lịch**\n\n"
            "- Tổ chức các chương trình tuần hàng.\n")
    assert [(t.lead, t.text) for t in tasks(text)] == [(["Trung tâm Xúc tiến đầu tư, thương mại và du lịch"],
                                                        "Tổ chức các chương trình tuần hàng.")]


def test_an_unnumbered_title_row_in_bold_or_capitals_is_the_group_of_the_rows_under_it():
    text = ("KẾ HOẠCH\nCHUYỂN ĐỔI SỐ\n\nPHỤ LỤC\n| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n"
            "| | **Lĩnh vực y tế** | | |\n| 1 | Bệnh án điện tử | Sở Y tế | 2026 |\n"
            "| | LĨNH VỰC GIÁO DỤC | | |\n| 2 | Học bạ số | Sở Giáo dục và Đào tạo | 2026 |\n"
            "| | Ghi chú chung | | |\n| 3 | Số hóa hồ sơ | Sở Nội vụ | 2027 |\n")
    assert [(t.number, t.group) for t in tasks(text)] == [("1", "Lĩnh vực y tế"), ("2", "LĨNH VỰC GIÁO DỤC"),
                                                          ("3", "LĨNH VỰC GIÁO DỤC")]


def test_the_time_in_a_closing_parenthesis_after_a_comma():
    [task] = tasks("KẾ HOẠCH\nDU LỊCH\n\nIII. NHIỆM VỤ\n"
                   "2. Số hóa di tích (Sở Văn hóa, Thể thao và Du lịch chủ trì, thực hiện năm 2027).\n")
    assert (task.lead, task.start_year, task.end_year, task.text) == (
        ["Sở Văn hóa, Thể thao và Du lịch"], 2027, 2027, "Số hóa di tích")


def test_a_group_row_lettered_c_after_b_is_a_letter_not_a_roman_hundred():
    text = ("KẾ HOẠCH\nKINH TẾ SỐ\n\nPHỤ LỤC\n| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |\n"
            "| B | PHÁT TRIỂN KINH TẾ SỐ | | |\n| I | Hạ tầng | | |\n| 1 | Phủ sóng 5G | Sở Khoa học và Công nghệ | 2026 |\n"
            "| C | CÁC GIẢI PHÁP | | |\n| I | Tổ chức bộ máy | | |\n| 1 | Kiện toàn Ban Chỉ đạo | Sở Nội vụ | 2026 |\n")
    assert [t.group for t in tasks(text)] == ["B PHÁT TRIỂN KINH TẾ SỐ > I Hạ tầng", "C CÁC GIẢI PHÁP > I Tổ chức bộ máy"]



def test_a_roman_groups_parts_numbered_ii_1_stand_between_it_and_its_rows():
    text = ("KẾ HOẠCH\nMÔI TRƯỜNG\n\nPHỤ LỤC\n| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n"
            "| II | Nhiệm vụ đến năm 2030 | | |\n| II.1 | Thể chế | | |\n| 1 | Rà soát quy định | Sở Tư pháp | 2026 |\n"
            "| II.2 | Nguồn lực | | |\n| 2 | Huy động vốn | Sở Tài chính | 2027 |\n"
            "| III | Giám sát | | |\n| 3 | Kiểm tra định kỳ | Sở Nội vụ | 2028 |\n")
    assert [t.group for t in tasks(text)] == ["II Nhiệm vụ đến năm 2030 > II.1 Thể chế",
                                              "II Nhiệm vụ đến năm 2030 > II.2 Nguồn lực", "III Giám sát"]

def test_articles_of_a_decision_the_assignment_without_its_label_and_no_execution_article():
    text = ("QUYẾT ĐỊNH\nBan hành kế hoạch\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
            "Điều 2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành liên quan triển khai Kế hoạch.\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài chính, Nội vụ chịu trách nhiệm thi hành Quyết định này.\n")
    assert [(t.number, t.lead, t.text[:4]) for t in tasks(text)] == [("Điều 2", ["Sở Khoa học và Công nghệ"], "Giao")]


def test_a_name_the_ner_runs_past_ends_at_the_first_duty_verb():
    from planextract.extract.tasks import _name_end
    text = "Ngân hàng hướng dẫn quy trình và cán bộ ngân hàng thực hiện mở tài khoản"
    assert text[:_name_end(text, 0, len(text))] == "Ngân hàng"
    short = "Công an tỉnh"
    assert _name_end(short, 0, len(short)) == len(short)


def test_a_request_to_a_body_whose_head_only_the_organisation_patterns_know_is_still_read():
    text = ("KẾ HOẠCH\nHỢP TÁC XÃ\n\nIII. GIẢI PHÁP THỰC HIỆN\n4. Về tuyên truyền\nĐề nghị Liên minh Hợp tác xã tỉnh "
            "phối hợp với Sở Nông nghiệp và Môi trường tuyên truyền, nhân rộng các mô hình hợp tác xã kiểu mới.\n")
    assert [(t.lead, t.partners) for t in tasks(text)] == [(["Liên minh Hợp tác xã tỉnh"], ["Sở Nông nghiệp và Môi trường"])]


def test_a_chu_tri_cell_kept_in_its_first_row_only_applies_down_to_the_next_group_row():
    text = ("| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
            "| I | NÂNG CAO NĂNG LỰC Y TẾ CƠ SỞ |  |  |  |\n"
            "| 1 | Kiện toàn mạng lưới trạm y tế xã, phường | Sở Y tế | Sở Nội vụ | 2026 - 2027 |\n"
            "| 2 | Bổ sung trang thiết bị cho trạm y tế xã miền núi |  | Sở Tài chính |  |\n"
            "| II | BẢO HIỂM Y TẾ TOÀN DÂN |  |  |  |\n"
            "| 3 | Kiểm tra việc chấp hành pháp luật về bảo hiểm y tế |  | Thanh tra tỉnh |  |\n")
    tasks = extract_text("KẾ HOẠCH\nY tế năm 2026\n\n" + text).tasks
    assert [(t.number, t.lead, t.partners, t.start_year, t.end_year) for t in tasks] == [
        ("1", ["Sở Y tế"], ["Sở Nội vụ"], 2026, 2027),
        ("2", ["Sở Y tế"], ["Sở Tài chính"], 2026, 2027),
        ("3", [], ["Thanh tra tỉnh"], None, None)]


def test_lettered_items_that_label_their_task_over_bullets_are_tasks_of_their_own():
    text = ("KẾ HOẠCH\nCải cách hành chính năm 2026\nII. NHIỆM VỤ CỤ THỂ\n1. Cải cách thể chế\n"
            "a) Nhiệm vụ: Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh.\n"
            "- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian thực hiện: Quý II/2026.\n"
            "b) Nhiệm vụ: Kiểm tra việc thực hiện thủ tục hành chính tại các cơ quan, đơn vị.\n"
            "- Cơ quan chủ trì: Văn phòng UBND tỉnh.\n- Thời gian thực hiện: Thường xuyên.\n")
    tasks = extract_text(text).tasks
    assert [(t.number, t.lead, t.start_year) for t in tasks] == [
        ("a", ["Sở Tư pháp"], 2026), ("b", ["Văn phòng UBND tỉnh"], None)]


def test_a_long_opening_lead_in_that_mentions_a_report_does_not_make_the_tasks_results():
    text = ("KẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy\nTại phiên họp ngày 28/10/2025, sau khi nghe Đảng ủy UBND tỉnh "
            "báo cáo kết quả thực hiện nhiệm vụ bảo vệ môi trường giai đoạn 2021 - 2025, Ban Thường vụ Tỉnh ủy "
            "kết luận như sau:\n1. Nhiệm vụ trọng tâm\na) Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra, giám sát việc "
            "thực hiện Kết luận.\n2. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kết luận.\n")
    tasks = extract_text(text).tasks
    assert [t.lead for t in tasks] == [["Ủy ban Kiểm tra Tỉnh ủy"], ["Văn phòng Tỉnh ủy"]]


def test_a_name_ending_in_truc_thuoc_goes_on_with_its_body():
    from planextract.extract.tasks import leading_agencies
    assert leading_agencies("Các đảng ủy trực thuộc Tỉnh ủy căn cứ Chương trình xây dựng kế hoạch", None) == (
        ["Các đảng ủy trực thuộc Tỉnh ủy"], "căn cứ Chương trình xây dựng kế hoạch")


def test_a_name_stops_at_tham_gia_and_lanh_dao():
    text = ("III. TỔ CHỨC THỰC HIỆN\n1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham gia giám sát việc "
            "thực hiện Kế hoạch.\n2. Đảng ủy Than Quảng Ninh lãnh đạo các đơn vị ngành than thực hiện nghiêm cam "
            "kết bảo vệ môi trường.\n")
    tasks = extract_text("KẾ HOẠCH\nBảo vệ môi trường năm 2026\n" + text).tasks
    assert sorted((t.number, t.lead[0]) for t in tasks) == [
        ("1", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"), ("2", "Đảng ủy Than Quảng Ninh")]


def test_an_agency_line_whose_list_ends_with_organisations_keeps_them_whole():
    text = ("KẾ HOẠCH\nTRIỂN KHAI LUẬT VIỆC LÀM\nII. NHIỆM VỤ\n**4. Tổ chức kiểm tra việc thi hành Luật Việc làm**\n"
            "- Cơ quan thực hiện: Sở Nội vụ, các sở, ban, ngành Thành phố trong phạm vi chức năng, nhiệm vụ của mình "
            "và các cơ quan, tổ chức khác có liên quan.\n- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.\n")
    [task] = tasks(text)
    assert task.lead == ["Sở Nội vụ", "Các sở, ban, ngành", "Các cơ quan, đơn vị liên quan"]
