"""The document record: every seed in every form against the gold, then made-up headers, pages
and articles for every issuer, number form, page kind and signature."""
import pytest

from planextract import load_text
from planextract import load_text as planextract_load
from planextract.extract import extract_document
from planextract.normalize import normalize_key
from planextract.extract.metadata import clean_number, doc_type_of_number, parse_body

from ..conftest import RENDERED_PDFS, SEEDS, gold

FIELDS = ["province", "issuer", "doc_type", "number", "issued_date", "title", "signer", "signer_title"]
FORMS = [(seed, "txt") for seed in SEEDS] + [(seed, "pdf") for seed in RENDERED_PDFS]


@pytest.mark.parametrize("seed, ext", FORMS)
def test_document_record_matches_gold(corpus, seed, ext):
    doc = corpus(f"{seed}.{ext}")
    record = extract_document(doc).document
    expected = gold(seed)["document"]
    # compared as `planextract eval` compares them: case and punctuation aside
    key = lambda v: normalize_key(v) if isinstance(v, str) else v  # noqa: E731
    assert {f: key(getattr(record, f)) for f in FIELDS} == {f: key(expected[f]) for f in FIELDS}
    assert record.doc_id == doc.doc_id and len(record.doc_id) == 16


def test_number_and_date_from_the_appendix_caption(corpus):
    record = extract_document(corpus("binh-thuan-4181-2022.txt")).document
    assert (record.number, record.issued_date) == ("4181/KH-UBND", "2022-12-07")


def test_cover_letter_is_the_document(corpus):
    record = extract_document(corpus("gia-lai-2068-2022.txt")).document
    assert (record.doc_type, record.issuer, record.number) == ("Công văn", "Sở Y tế tỉnh Gia Lai", "2068/SYT-VP")
    assert (record.signer, record.signer_title) == ("Nguyễn Đình Tuấn", "PHÓ GIÁM ĐỐC")


def test_pages_only_for_paged_input(corpus):
    assert extract_document(corpus("dong-thap-241-2022.pdf")).document.pages == 16
    assert extract_document(corpus("dong-thap-241-2022.txt")).document.pages is None


def record(text: str):
    return extract_document(load_text(text)).document


def header(left: list[str], place_date: str, type_line: str, title: list[str], signature: list[str],
           number: str = "310/KH-UBND") -> str:
    """A header in the layout of Nghị định 30, one cell per line, then a body and a signature."""
    return "\n".join([*left, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                      f"Số: {number}", place_date, "", type_line, *title, "",
                      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "",
                      "I. MỤC ĐÍCH, YÊU CẦU", "- Bảo đảm triển khai đồng bộ, hiệu quả.", "",
                      "Nơi nhận:", "- Như trên;", "- Lưu: VT.", *signature])


@pytest.mark.parametrize("left, place_date, province, issuer", [
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"], "Hà Nội, ngày 24 tháng 11 năm 2025", "Hà Nội", "UBND thành phố Hà Nội"),
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"], "Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025",
     "Hồ Chí Minh", "UBND thành phố Hồ Chí Minh"),
    (["ỦY BAN NHÂN DÂN", "TP.HCM"], "TP. Hồ Chí Minh, ngày 18 tháng 11 năm 2025", "Hồ Chí Minh",
     "UBND thành phố Hồ Chí Minh"),
    (["UBND THÀNH PHỐ CẦN THƠ"], "Cần Thơ, ngày 21 tháng 11 năm 2025", "Cần Thơ", "UBND thành phố Cần Thơ"),
    (["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"], "Đắk Lắk, ngày 5 tháng 8 năm 2025", "Đắk Lắk", "UBND tỉnh Đắk Lắk"),
    # no place under the body: the place-and-date line gives it, the level comes from the province
    (["ỦY BAN NHÂN DÂN"], "Bình Phước, ngày 01 tháng 6 năm 2022", "Bình Phước", "UBND tỉnh Bình Phước"),
    (["ỦY BAN NHÂN DÂN"], "Đà Nẵng, ngày 01 tháng 6 năm 2022", "Đà Nẵng", "UBND thành phố Đà Nẵng"),
])
def test_people_committee_of_provinces_and_cities(left, place_date, province, issuer):
    rec = record(header(left, place_date, "KẾ HOẠCH", ["PHÁT TRIỂN HẠ TẦNG SỐ"],
                        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trương Việt Dũng"]))
    assert (rec.province, rec.issuer, rec.doc_type, rec.number) == (province, issuer, "Kế hoạch", "310/KH-UBND")


def test_a_commune_issuer_keeps_its_place_and_the_province_comes_from_the_text():
    rec = record(header(["ỦY BAN NHÂN DÂN", "XÃ ĐỨC TRỌNG"], "Đức Trọng, ngày 3 tháng 9 năm 2025", "KẾ HOẠCH",
                        ["CHUYỂN ĐỔI SỐ NĂM 2025"], ["CHỦ TỊCH", "Nguyễn Văn Bình"])
                 + "\nThực hiện chỉ đạo của UBND tỉnh Lâm Đồng về chuyển đổi số.")
    assert (rec.issuer, rec.province) == ("UBND xã Đức Trọng", "Lâm Đồng")


def test_a_council_resolution_with_a_year_in_its_number():
    rec = record(header(["HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"], "Hà Nội, ngày 27 tháng 11 năm 2025",
                        "NGHỊ QUYẾT", ["QUY", "ĐỊNH NỘI DUNG CHI, MỨC CHI KHUYẾN KHÍCH DỊCH VỤ CÔNG TRỰC TUYẾN"],
                        ["CHỦ TỊCH", "Nguyễn Ngọc Tuấn"], number="77/2025/NQ-HĐND"))
    assert (rec.issuer, rec.doc_type, rec.number) == ("HĐND thành phố Hà Nội", "Nghị quyết", "77/2025/NQ-HĐND")
    assert rec.title == "QUY ĐỊNH NỘI DUNG CHI, MỨC CHI KHUYẾN KHÍCH DỊCH VỤ CÔNG TRỰC TUYẾN"


@pytest.mark.parametrize("left, number, type_line, issuer, doc_type", [
    # the header names the committee, "T/M BAN THƯỜNG VỤ" over the signature its standing board
    (["ĐẢNG BỘ TỈNH NGHỆ AN", "TỈNH ỦY"], "15-NQ/TU", "NGHỊ QUYẾT", "Ban Thường vụ Tỉnh ủy Nghệ An", "Nghị quyết"),
    (["TỈNH ỦY QUẢNG NINH"], "359-KH/TU", "KẾ HOẠCH", "Ban Thường vụ Tỉnh ủy Quảng Ninh", "Kế hoạch"),
    (["ĐẢNG BỘ TỈNH QUẢNG NINH", "BAN THƯỜNG VỤ TỈNH ỦY"], "46-CTr/TU", "CHƯƠNG TRÌNH HÀNH ĐỘNG",
     "Ban Thường vụ Tỉnh ủy Quảng Ninh", "Chương trình"),
    (["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "THÀNH ỦY"], "18-NQ/TU", "NGHỊ QUYẾT", "Ban Thường vụ Thành ủy Hà Nội", "Nghị quyết"),
    (["UBND TỈNH GIA LAI", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ"], "05/KH-BCĐ", "KẾ HOẠCH",
     "Ban Chỉ đạo chuyển đổi số tỉnh Gia Lai", "Kế hoạch"),
    (["UBND TỈNH GIA LAI", "SỞ Y TẾ"], "812/KH-SYT", "KẾ HOẠCH", "Sở Y tế tỉnh Gia Lai", "Kế hoạch"),
])
def test_party_committees_steering_committees_and_departments(left, number, type_line, issuer, doc_type):
    text = header(left, "Hạ Long, ngày 15 tháng 01 năm 2025", type_line, ["VỀ CHUYỂN ĐỔI SỐ"],
                  ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Vũ Đại Thắng"], number=number)
    rec = record(text.replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM")
                 if "/TU" in number else text)
    assert (rec.issuer, rec.doc_type, rec.number) == (issuer, doc_type, number)


def test_a_cover_letter_is_a_cong_van_titled_by_its_subject_line():
    text = "\n".join(["UBND TỈNH GIA LAI", "SỞ Y TẾ", "Số: 2068/SYT-VP",
                      "V/v triển khai Kế hoạch số 1331/", "KH-UBND của UBND tỉnh",
                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Gia Lai, ngày 27 tháng 6 năm 2022",
                      "Kính gửi: Các đơn vị trực thuộc Sở.", "Thực hiện Kế hoạch số 1331/KH-UBND ngày 22/6/2022.",
                      "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Đỗ Văn Ân"])
    rec = record(text)
    assert (rec.doc_type, rec.issuer, rec.issued_date) == ("Công văn", "Sở Y tế tỉnh Gia Lai", "2022-06-27")
    assert rec.title == "V/v triển khai Kế hoạch số 1331/ KH-UBND của UBND tỉnh"
    assert (rec.signer_title, rec.signer) == ("PHÓ GIÁM ĐỐC", "Đỗ Văn Ân")


def test_number_and_place_date_in_one_line_of_a_two_column_header():
    text = "\n".join(["UBND TỈNH GIA LAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "SỞ Y TẾ Độc lập - Tự do - Hạnh phúc",
                      "Số: 2068/SYT-VP Gia Lai, ngày 27 tháng 6 năm 2022",
                      "V/v triển khai Kế hoạch số 1331/KH-UBND ngày 22/6/2022",
                      "Kính gửi: Các đơn vị."])
    rec = record(text)
    assert (rec.number, rec.issued_date, rec.issuer) == ("2068/SYT-VP", "2022-06-27", "Sở Y tế tỉnh Gia Lai")


def test_a_wrapped_title_is_joined_and_stops_before_the_body_and_the_first_part():
    rec = record(header(["ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG"], "Hải Dương, ngày 05 tháng 6 năm 2023", "KẾ HOẠCH",
                        ["TRIỂN KHAI, THỰC HIỆN CÁC DỰ ÁN THUỘC", "CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA ĐẾN NĂM 2030",
                         "PHẦN I. KẾT QUẢ THỰC HIỆN NĂM 2022"], ["CHỦ TỊCH", "Lê Ánh Dương"]))
    assert rec.title == "TRIỂN KHAI, THỰC HIỆN CÁC DỰ ÁN THUỘC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA ĐẾN NĂM 2030"
    assert rec.issued_date == "2023-06-05"


def test_a_decision_title_stops_at_the_enacting_body():
    rec = record(header(["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"], "Thanh Hóa, ngày 06 tháng 10 năm 2020", "QUYẾT ĐỊNH",
                        ["VỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ", "ỦY BAN NHÂN DÂN TỈNH THANH HÓA"],
                        ["CHỦ TỊCH", "Đỗ Minh Tuấn"], number="4216/QĐ-UBND"))
    assert (rec.doc_type, rec.title) == ("Quyết định", "VỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ")


@pytest.mark.parametrize("signature, expected", [
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Ánh Dương"], ("PHÓ CHỦ TỊCH", "Lê Ánh Dương")),
    (["TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Đỗ Văn Ân"], ("PHÓ CHỦ TỊCH", "Đỗ Văn Ân")),
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Ánh Hoàng Ân"], ("CHỦ TỊCH", "Ánh Hoàng Ân")),
    (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "NGUYỄN ĐÌNH TUẤN"], ("PHÓ GIÁM ĐỐC", "Nguyễn Đình Tuấn")),
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH Lê Ánh Dương"], ("PHÓ CHỦ TỊCH", "Lê Ánh Dương")),
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ("CHỦ TỊCH", None)),  # a signature without a name
    # a delegation whose title the wrap cut: 'KT. CHÁNH' / 'VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG'
    (["TL. CHỦ TỊCH", "KT. CHÁNH", "VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG", "Trần Minh Tuấn"],
     ("PHÓ CHÁNH VĂN PHÒNG", "Trần Minh Tuấn")),
    # a title the wrap cut in two lines: 'PHÓ BÍ THƯ' / 'THƯỜNG TRỰC'
    (["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "THƯỜNG TRỰC", "Đỗ Quang Trung"], ("PHÓ BÍ THƯ THƯỜNG TRỰC", "Đỗ Quang Trung")),
    (["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "THƯỜNG TRỰC"], ("PHÓ BÍ THƯ THƯỜNG TRỰC", None)),
])
def test_signers(signature, expected):
    rec = record(header(["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"], "Đồng Tháp, ngày 19 tháng 11 năm 2025",
                        "KẾ HOẠCH", ["ĐỔI MỚI CÔNG NGHỆ"], signature))
    assert (rec.signer_title, rec.signer) == expected


def test_portal_page_gives_the_plan_it_describes():
    text = "\n".join([
        "Từ khóa gợi ý:", "Không tìm thấy từ khóa phù hợp",
        "Kế hoạch 59/KH-UBND năm 2022 triển khai chuyển đổi số trên địa bàn tỉnh Vĩnh Long", "",
        "Số hiệu: | 59/KH-UBND | Loại văn bản: | Kế hoạch",
        "Nơi ban hành: | Tỉnh Vĩnh Long | Người ký: | Lữ Quang Ngời",
        "Ngày ban hành: | 19/09/2022 | Ngày hiệu lực: | 19/09/2022", "",
        "Văn bản liên quan", "Quyết định 100/QĐ-UBND năm 2021 về chuyển đổi số", "",
        "I. MỤC TIÊU", "- Phấn đấu 80% hồ sơ được xử lý trực tuyến."])
    doc = load_text(text)
    rec = extract_document(doc).document
    assert (rec.doc_type, rec.number, rec.issued_date) == ("Kế hoạch", "59/KH-UBND", "2022-09-19")
    assert (rec.issuer, rec.province, rec.signer) == ("UBND tỉnh Vĩnh Long", "Vĩnh Long", "Lữ Quang Ngời")
    assert rec.title == "triển khai chuyển đổi số trên địa bàn tỉnh Vĩnh Long"
    assert doc.page_kind == "portal"


def test_portal_fields_without_colons_one_per_line():
    text = "\n".join(["Số hiệu 67/KH-UBND", "Ngày ban hành 13/06/2025", "Ngày có hiệu lực 14/06/2025",
                      "Loại văn bản Kế hoạch", "Cơ quan ban hành Ủy ban nhân dân tỉnh Trà Vinh",
                      "Người ký Nguyễn Quỳnh Thiện", "", "I. MỤC ĐÍCH", "- Phổ cập kỹ năng số cho người dân."])
    rec = record(text)
    assert (rec.number, rec.issued_date, rec.issuer, rec.signer) == (
        "67/KH-UBND", "2025-06-13", "UBND tỉnh Trà Vinh", "Nguyễn Quỳnh Thiện")


def test_news_article_gives_the_plan_not_the_article():
    text = "\n".join([
        "date 2026-01-21 (VL)- Ngày 19/9/2022, UBND tỉnh Vĩnh Long đã ban hành Kế hoạch số 59/KH-UBND về việc "
        "triển khai chuyển đổi số năm 2022 và Quyết định 12/QĐ-UBND về thành lập tổ công tác.", "",
        "Mục tiêu mà Kế hoạch đề ra là 100% hồ sơ được xử lý trực tuyến.", "",
        "Cán bộ hướng dẫn người dân. Ảnh: Thu Hà"])
    rec = record(text)
    assert (rec.doc_type, rec.number, rec.issued_date) == ("Kế hoạch", "59/KH-UBND", "2022-09-19")
    assert (rec.issuer, rec.province, rec.title) == ("UBND tỉnh Vĩnh Long", "Vĩnh Long",
                                                     "triển khai chuyển đổi số năm 2022")


def test_news_article_names_the_signer_and_a_party_programme():
    rec = record("(QN)- Phó Chủ tịch UBND tỉnh Gia Lai Lê Ánh Dương vừa ký ban hành Kế hoạch số 19/KH-UBND "
                 "về việc triển khai phong trào “Bình dân học vụ số” năm 2026.")
    assert (rec.issuer, rec.signer, rec.signer_title, rec.issued_date) == (
        "UBND tỉnh Gia Lai", "Lê Ánh Dương", "PHÓ CHỦ TỊCH", None)
    rec = record("Để đạt mục tiêu trên, Ban Thường vụ Tỉnh ủy Quảng Ninh đã ban hành Chương trình hành động số "
                 "46-CTr/TU ngày 15/1/2025 về thực hiện Nghị quyết số 57-NQ/TW và Kế hoạch 534-KH/TU ngày "
                 "7/5/2025 về chuyển đổi số.")
    assert (rec.issuer, rec.doc_type, rec.number, rec.issued_date, rec.title) == (
        "Ban Thường vụ Tỉnh ủy Quảng Ninh", "Chương trình", "46-CTr/TU", "2025-01-15",
        "thực hiện Nghị quyết số 57-NQ/TW")


def test_news_without_a_number_gives_the_issuer_only():
    rec = record("Cập nhật lúc 06:10, Thứ Năm, 23/06/2022 (GMT+7)\n"
                 "UBND tỉnh Lâm Đồng vừa phê duyệt 17 chương trình trọng tâm phát triển nông nghiệp.")
    assert (rec.issuer, rec.province, rec.doc_type, rec.number) == ("UBND tỉnh Lâm Đồng", "Lâm Đồng", None, None)


@pytest.mark.parametrize("number, doc_type", [
    ("292/KH-UBND", "Kế hoạch"), ("77/2025/NQ-HĐND", "Nghị quyết"), ("46-CTr/TU", "Chương trình"),
    ("15-NQ/TU", "Nghị quyết"), ("05/KH-BCĐ", "Kế hoạch"), ("2068/SYT-VP", "Công văn"), ("4216/QĐ-UBND", "Quyết định"),
])
def test_doc_type_of_own_number(number, doc_type):
    assert doc_type_of_number(number, own=True) == doc_type


def test_numbers_are_cleaned():
    assert clean_number("71/NQ -CP") == "71/NQ-CP"
    assert clean_number("927/QĐ TTg") == "927/QĐ-TTg"
    assert clean_number("4181 /KH-UBND") == "4181/KH-UBND"


def test_parse_body_splits_title_body_place_and_name():
    body = parse_body("Phó Chủ tịch UBND tỉnh Gia Lai Lâm Hải Giang")
    assert (body.name(), body.before, body.after) == ("UBND tỉnh Gia Lai", "Phó Chủ tịch", "Lâm Hải Giang")
    assert parse_body("UBND HUYỆN ĐỨC TRỌNG").name() == "UBND huyện Đức Trọng"
    assert parse_body("Sở Y tế") .name("Gia Lai") == "Sở Y tế tỉnh Gia Lai"
    assert parse_body("những chương trình trọng tâm") is None


def test_a_place_line_of_a_city_that_writes_thanh_pho():
    rec = extract_document(planextract_load("Số: 172/KH-UBND\nThành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025\nKẾ HOẠCH\n"
                                            "Triển khai thi hành Luật Việc làm\n")).document
    assert rec.issued_date == "2025-11-18"


def test_a_page_that_reproduces_the_header_is_read_from_the_header_not_the_site_banner():
    text = "\n".join(["LUẬT VIỆT NAM - CƠ SỞ DỮ LIỆU VĂN BẢN", "VĂN BẢN PHÁP LUẬT",
                      "Kế hoạch 178/KH-UBND năm 2025 phòng, chống sốt xuất huyết",
                      "Số hiệu: 178/KH-UBND", "Loại văn bản: Kế hoạch", "Người ký: Phan Quý Ánh", "",
                      header(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HUẾ"], "Huế, ngày 18 tháng 4 năm 2025", "KẾ HOẠCH",
                             ["Phòng, chống bệnh sốt xuất huyết năm 2025"],
                             ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phan Quý Ánh"],
                             number="178/KH-UBND")])
    rec = record(text)
    assert (rec.doc_type, rec.title, rec.issuer) == ("Kế hoạch", "Phòng, chống bệnh sốt xuất huyết năm 2025",
                                                     "UBND thành phố Huế")
    # the signer of the metadata block, the title of the signature above the same name
    assert (rec.signer, rec.signer_title) == ("Phan Quý Ánh", "PHÓ CHỦ TỊCH")


def test_a_page_title_drops_a_leading_ve():
    rec = record("Kế hoạch 77/KH-UBND năm 2023 về phòng, chống thiên tai trên địa bàn tỉnh Sóc Trăng\n"
                 "Số hiệu: 77/KH-UBND\nLoại văn bản: Kế hoạch\nNơi ban hành: Tỉnh Sóc Trăng\n\n"
                 "I. MỤC TIÊU\n- Giảm 10% thiệt hại.")
    assert rec.title == "phòng, chống thiên tai trên địa bàn tỉnh Sóc Trăng"


def test_a_cover_letter_with_the_plan_attached_is_the_cover_letter():
    text = "\n".join(["UBND TỈNH TÂY NINH SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "Số: 1845/SNNMT-CCCNTY V/v triển khai Kế hoạch số 156/KH-UBND của UBND tỉnh",
                      "Tây Ninh, ngày 12 tháng 9 năm 2025 Kính gửi:", "- Ủy ban nhân dân các xã, phường.",
                      "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Ánh", "",
                      "ỦY BAN NHÂN DÂN", "TỈNH TÂY NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 156/KH-UBND",
                      "Tây Ninh, ngày 05 tháng 9 năm 2025", "KẾ HOẠCH", "Phòng, chống dịch bệnh động vật"])
    rec = record(text)
    assert (rec.doc_type, rec.number, rec.issued_date) == ("Công văn", "1845/SNNMT-CCCNTY", "2025-09-12")
    assert rec.title == "V/v triển khai Kế hoạch số 156/KH-UBND của UBND tỉnh"
    # the attached plan's header is not read even when the cover letter has no 'Kính gửi'
    rec = record(text.replace(" Kính gửi:", ""))
    assert (rec.doc_type, rec.number) == ("Công văn", "1845/SNNMT-CCCNTY")


@pytest.mark.parametrize("lines", [
    # a conversion that ran the type line, the title and the body into the place-and-date cell
    ["Long An, ngày 18 tháng 01 năm 2022 KẾ HOẠCH Thực hiện Chiến lược phát triển giáo dục nghề nghiệp "
     "trên địa bàn tỉnh Long An Thực hiện Quyết định số 2239/QĐ-TTg ngày 30/12/2021 của Thủ tướng Chính phủ."],
    # a lower-case title run into its type line
    ["Long An, ngày 18 tháng 01 năm 2022", "KẾ HOẠCH thực hiện Chiến lược phát triển giáo dục nghề nghiệp "
     "trên địa bàn tỉnh Long An"],
    # a bold title joined to the 'Căn cứ' paragraph below it
    ["Long An, ngày 18 tháng 01 năm 2022", "KẾ HOẠCH", "Thực hiện Chiến lược phát triển giáo dục nghề nghiệp "
     "trên địa bàn tỉnh Long An Căn cứ Quyết định số 2239/QĐ-TTg ngày 30/12/2021 của Thủ tướng Chính phủ;"],
])
def test_a_title_run_into_its_neighbours_is_cut_out(lines):
    rec = record("\n".join(["ỦY BAN NHÂN DÂN TỈNH LONG AN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                            "Số: 215/KH-UBND", *lines]))
    assert (rec.doc_type, rec.issued_date) == ("Kế hoạch", "2022-01-18")
    assert rec.title.lower() == "thực hiện chiến lược phát triển giáo dục nghề nghiệp trên địa bàn tỉnh long an"


def test_a_type_word_of_one_word_before_mixed_case_is_no_type_line():
    rec = record("LUẬT Việt Nam - cơ sở dữ liệu\nSố: 12/KH-UBND\nĐồng Tháp, ngày 05 tháng 6 năm 2023\n")
    assert rec.doc_type == "Kế hoạch" and rec.title is None


def test_a_party_committee_whose_standing_committee_enacts_the_plan():
    text = header(["TỈNH ỦY THANH HÓA"], "Thanh Hóa, ngày 14 tháng 3 năm 2025", "KẾ HOẠCH",
                  ["thực hiện Nghị quyết số 57-NQ/TW"], ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Trịnh Tuấn Ánh"],
                  number="312-KH/TU").replace("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM")
    enacting = "Thực hiện Nghị quyết số 57-NQ/TW, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:"
    rec = record(text.replace("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", enacting))
    assert rec.issuer == "Ban Thường vụ Tỉnh ủy Thanh Hóa"
    assert (rec.signer_title, rec.signer) == ("PHÓ BÍ THƯ THƯỜNG TRỰC", "Trịnh Tuấn Ánh")
    rec = record(text.replace("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                              enacting.replace("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy")))
    assert rec.issuer == "Tỉnh ủy Thanh Hóa"


def test_a_ward_whose_name_begins_like_a_body():
    rec = record(header(["ỦY BAN NHÂN DÂN", "PHƯỜNG BẾN THÀNH"], "Thành phố Hồ Chí Minh, ngày 10 tháng 12 năm 2025",
                        "KẾ HOẠCH", ["Chỉnh trang đô thị"], ["CHỦ TỊCH", "Trần Thị Ánh Nguyệt"]))
    assert (rec.issuer, rec.province) == ("UBND phường Bến Thành", "Hồ Chí Minh")


@pytest.mark.parametrize("signing, signer", [
    ("Kế hoạch do Phó Chủ tịch UBND tỉnh Hoàng Xuân Ánh ký ban hành, nhằm cụ thể hóa Quyết định số 645/QĐ-TTg.",
     "Hoàng Xuân Ánh"),
    ("Kế hoạch do Phó Chủ tịch UBND Thành phố Trần Văn Ánh ký ban hành.", "Trần Văn Ánh"),
])
def test_news_names_the_signer_in_another_sentence(signing, signer):
    rec = record("(QTO) - Ngày 19/9/2025, UBND tỉnh Quảng Trị ban hành Kế hoạch số 98/KH-UBND về phát triển "
                 "thương mại điện tử đến năm 2030.\n\n" + signing)
    assert (rec.issuer, rec.number, rec.issued_date) == ("UBND tỉnh Quảng Trị", "98/KH-UBND", "2025-09-19")
    assert (rec.signer, rec.signer_title) == (signer, "PHÓ CHỦ TỊCH")
    body = parse_body("Phó Chủ tịch UBND tỉnh Hoàng Xuân Ánh")
    assert (body.name("Quảng Trị"), body.after) == ("UBND tỉnh Quảng Trị", "Hoàng Xuân Ánh")


def test_a_portal_abstract_field_gives_the_title_when_no_headline_does():
    rec = record("Số hiệu: 12/KH-UBND\nLoại văn bản: Kế hoạch\nCơ quan ban hành: Ủy ban nhân dân Thành phố Hồ Chí Minh\n"
                 "Ngày ban hành: 05/03/2024\nTrích yếu: Về việc triển khai chuyển đổi số năm 2024\n"
                 "Người ký: Võ Văn Hoan\n\nI. MỤC TIÊU\n- Đạt 80% hồ sơ trực tuyến.")
    assert (rec.issuer, rec.title, rec.signer) == ("UBND thành phố Hồ Chí Minh", "triển khai chuyển đổi số năm 2024",
                                                   "Võ Văn Hoan")


def test_an_action_plan_and_a_title_that_stops_at_the_signature():
    rec = record(header(["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"], "Đồng Tháp, ngày 05 tháng 3 năm 2024",
                        "KẾ HOẠCH HÀNH ĐỘNG", ["THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                                                                  "[đã ký]", "Nguyễn Văn An"]))
    assert (rec.doc_type, rec.title, rec.signer) == ("Kế hoạch", "THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW", "Nguyễn Văn An")
    rec = record("ĐẢNG BỘ TỈNH ĐỒNG THÁP\nBAN THƯỜNG VỤ TỈNH ỦY\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 45-CT/TU\n"
                 "Đồng Tháp, ngày 05 tháng 3 năm 2024\nCHỈ THỊ\nvề tăng cường lãnh đạo chuyển đổi số\n"
                 "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Quốc Phong")
    assert (rec.doc_type, rec.title, rec.signer_title) == ("Chỉ thị", "về tăng cường lãnh đạo chuyển đổi số", "BÍ THƯ")


def test_news_of_a_signed_decision_and_of_a_council_resolution():
    rec = record("(BĐT) - Ngày 12/3/2024, Chủ tịch UBND tỉnh Bình Định Phạm Anh Tuấn đã ký Quyết định số "
                 "845/QĐ-UBND phê duyệt Kế hoạch chuyển đổi số năm 2024.\n\nTheo đó, tỉnh phấn đấu 80% hồ sơ trực tuyến.")
    assert (rec.doc_type, rec.number, rec.issued_date, rec.title) == (
        "Quyết định", "845/QĐ-UBND", "2024-03-12", "phê duyệt Kế hoạch chuyển đổi số năm 2024")
    assert (rec.issuer, rec.signer, rec.signer_title) == ("UBND tỉnh Bình Định", "Phạm Anh Tuấn", "CHỦ TỊCH")
    rec = record("Hội đồng nhân dân tỉnh Nghệ An đã thông qua Nghị quyết số 15/2025/NQ-HĐND quy định mức hỗ trợ.")
    assert (rec.issuer, rec.doc_type, rec.number, rec.title) == (
        "HĐND tỉnh Nghệ An", "Nghị quyết", "15/2025/NQ-HĐND", "quy định mức hỗ trợ")


def _record(text):
    return extract_document(load_text(text)).document


LAYOUT_HEADER = ("    ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "   TỈNH ĐỒNG THÁP                        Độc lập - Tự do - Hạnh phúc\n"
                 "Số: 77/KH-UBND                     Đồng Tháp, ngày 02 tháng 3 năm 2027\n\n"
                 "                              KẾ HOẠCH\n          Phát triển du lịch nông thôn năm 2027\n\n"
                 "I. MỤC TIÊU\nPhát triển du lịch gắn với sản phẩm OCOP.\n")


def test_a_signature_laid_out_beside_the_recipients_as_pdftotext_does():
    text = LAYOUT_HEADER + ("Nơi nhận:                                          TM. ỦY BAN NHÂN DÂN\n"
                            "- Bộ Văn hóa, Thể thao và Du lịch (b/c);               KT. CHỦ TỊCH\n"
                            "- Lưu: VT.                                             PHÓ CHỦ TỊCH\n\n"
                            "                                                  Y Ngọc Niê\n")
    record = _record(text)
    assert (record.number, record.issued_date, record.signer_title, record.signer) == (
        "77/KH-UBND", "2027-03-02", "PHÓ CHỦ TỊCH", "Y Ngọc Niê")


def test_a_signature_whose_name_stands_below_the_recipients_column_beside_it():
    text = LAYOUT_HEADER + ("Nơi nhận:                                         T/M. ĐOÀN KIỂM TRA\n"
                            "- Giám đốc Sở (để báo cáo);\n"
                            "- Văn phòng Sở (bố trí kinh phí, phương              TRƯỞNG ĐOÀN\n"
                            "tiện phục vụ Đoàn kiểm tra);\n"
                            "- Các đơn vị được kiểm tra (để phối hợp);\n"
                            "- Lưu: VT.\n\n\n"
                            "                                                     Hoàng Văn Minh\n"
                            "                                                     PHÓ GIÁM ĐỐC\n")
    record = _record(text)
    assert (record.signer_title, record.signer) == ("TRƯỞNG ĐOÀN", "Hoàng Văn Minh")


def test_a_party_signature_with_slashed_delegations():
    text = ("ĐẢNG BỘ TỈNH CÀ MAU\nTỈNH ỦY\nSố 09-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nCà Mau, ngày 04 tháng 5 năm 2027\n"
            "KẾ HOẠCH\nthực hiện Chỉ thị về chuyển đổi số\n1. Quán triệt Chỉ thị.\nT/M BAN THƯỜNG VỤ\nK/T BÍ THƯ\n"
            "PHÓ BÍ THƯ THƯỜNG TRỰC\nNguyễn Văn An\n")
    assert (_record(text).signer_title, _record(text).signer) == ("PHÓ BÍ THƯ THƯỜNG TRỰC", "Nguyễn Văn An")


def test_a_signature_run_into_the_recipients_list_on_the_same_lines():
    text = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH NINH BÌNH Độc lập - Tự do - Hạnh phúc\n"
            "Số: 312/KH-UBND Ninh Bình, ngày 09 tháng 4 năm 2027\nKẾ HOẠCH\nBảo vệ môi trường làng nghề năm 2027\n"
            "1. Rà soát các làng nghề.\nNơi nhận: KT. CHỦ TỊCH\n- Như trên; PHÓ CHỦ TỊCH\n- Lưu: VT.\nTRẦN SONG TÙNG\n")
    assert (_record(text).signer_title, _record(text).signer) == ("PHÓ CHỦ TỊCH", "Trần Song Tùng")


def test_header_columns_interleaved_line_by_line_keep_the_departments_line_in_the_issuer():
    text = ("UBND TỈNH LÀO CAI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 410/KH-SYT\nLào Cai, ngày 12 tháng 8 năm 2027\nKẾ HOẠCH\nTiêm chủng mở rộng năm 2027\n")
    assert _record(text).issuer == "Sở Y tế tỉnh Lào Cai"


def test_a_place_with_a_hyphen_before_the_date():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU\nSố: 98/KH-UBND\nBà Rịa - Vũng Tàu, ngày 15 tháng 5 năm 2023\n"
            "KẾ HOẠCH\nPhát triển nhà ở xã hội năm 2023\n")
    assert _record(text).issued_date == "2023-05-15"


def test_a_portal_page_whose_fields_and_breadcrumb_stand_a_line_each():
    text = ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH TUYÊN QUANG\nTrang chủ > Văn bản > Văn bản chỉ đạo điều hành\n"
            "Kế hoạch 19/KH-UBND năm 2027 phát triển thương mại điện tử trên địa bàn tỉnh Tuyên Quang\n"
            "Số ký hiệu: 19/KH-UBND\nNgày ban hành: 08/01/2027\nLoại văn bản: Kế hoạch\n"
            "Cơ quan ban hành: UBND tỉnh Tuyên Quang\nNgười ký: Nguyễn Thị Hoa\nChức vụ: Phó Chủ tịch\n"
            "Trích yếu: Kế hoạch phát triển thương mại điện tử trên địa bàn tỉnh Tuyên Quang\n"
            "Các văn bản khác\n- 11/KH-UBND Kế hoạch phòng, chống thiên tai năm 2027 (05/01/2027)\n"
            "Liên kết website | Sơ đồ cổng | Liên hệ\nBản quyền thuộc Văn phòng UBND tỉnh Tuyên Quang\n"
            "Địa chỉ: số 1 đường Quang Trung\nĐiện thoại: 0207 000 000\n"
            "Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này\nLượt truy cập: 1.204.331\n")
    record = _record(text)
    assert (record.number, record.issued_date, record.signer, record.signer_title, record.title) == (
        "19/KH-UBND", "2027-01-08", "Nguyễn Thị Hoa", "PHÓ CHỦ TỊCH",
        "phát triển thương mại điện tử trên địa bàn tỉnh Tuyên Quang")


def test_a_news_articles_provincial_body_is_named_with_its_province():
    text = ("BÁO NINH BÌNH\nNinh Bình phấn đấu số hóa toàn bộ hồ sơ đất đai\n"
            "(NBO) - Chủ tịch UBND tỉnh Trần Song Tùng vừa ký ban hành Kế hoạch số 88/KH-UBND ngày 02/4/2027 "
            "về số hóa hồ sơ đất đai tỉnh Ninh Bình năm 2027.\n")
    assert _record(text).issuer == "UBND tỉnh Ninh Bình"


def test_a_news_sentence_after_a_dotted_city_abbreviation():
    doc = record("Mục tiêu năng suất tăng 10%\nUBND TP. Hà Nội đã ban hành Quyết định số 4958/QĐ-UBND ngày "
                 "23/11/2021 về ban hành kế hoạch nâng cao năng suất giống vật nuôi giai đoạn 2021-2025; giao "
                 "Sở Nông nghiệp chủ trì thực hiện.\n")
    assert (doc.issuer, doc.doc_type, doc.number, doc.issued_date) == (
        "UBND thành phố Hà Nội", "Quyết định", "4958/QĐ-UBND", "2021-11-23")
    assert doc.title == "ban hành kế hoạch nâng cao năng suất giống vật nuôi giai đoạn 2021-2025"


@pytest.mark.parametrize("sentence, title", [
    ("Ngày 31/12/2025, UBND tỉnh Thanh Hóa đã ban hành Kế hoạch số 275/KH-UBND về chuyển đổi số năm 2026, "
     "xác định rõ lộ trình và các mục tiêu cụ thể.", "chuyển đổi số năm 2026"),
    ("Kỳ họp thứ 20 HĐND thành phố Cần Thơ vừa thông qua Nghị quyết về nhiệm vụ kinh tế - xã hội năm 2025, "
     "trong đó chọn chủ đề năm là tinh gọn bộ máy.", "nhiệm vụ kinh tế - xã hội năm 2025"),
])
def test_a_news_title_ends_before_what_the_article_says_the_plan_does(sentence, title):
    assert record(f"Tin tức\n{sentence}\n").title == title


def test_a_number_wrapped_after_its_label_and_a_header_without_a_type_line():
    text = ("ỦY\nBAN NHÂN DÂN\nTỈNH SƠN LA\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n|\nSố:\n257/KH-UBND\n|\nSơn La, ngày 27 tháng 10 năm 2022\n|\n"
            "RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH\nNĂM 2023 TRÊN ĐỊA BÀN TỈNH SƠN LA\n"
            "Thực hiện Nghị định số 63/2010/NĐ-CP, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n")
    doc = record(text)
    assert (doc.number, doc.issued_date, doc.province) == ("257/KH-UBND", "2022-10-27", "Sơn La")
    assert doc.title == "RÀ SOÁT, ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH NĂM 2023 TRÊN ĐỊA BÀN TỈNH SƠN LA"


def test_a_page_that_opens_by_citing_the_document_it_is_about():
    doc = record("Nghị Quyết số 22/NQ-TU ngày 08/6/2022 ban hành bởi Tỉnh Ủy Kiên Giang về Chuyển đổi số tỉnh "
                 "Kiên Giang đến năm 2025.\nI- Tình hình\n- Chuyển đổi số là xu hướng của thời đại.\n")
    assert (doc.issuer, doc.doc_type, doc.number, doc.issued_date, doc.province) == (
        "Tỉnh ủy Kiên Giang", "Nghị quyết", "22/NQ-TU", "2022-06-08", "Kiên Giang")
    assert doc.title == "Chuyển đổi số tỉnh Kiên Giang đến năm 2025"


def test_a_draft_whose_number_and_date_are_left_blank():
    doc = record("ỦY BAN NHÂN DÂN                                  TỈNH LÀO CAI |  | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "Số:           /KH-UBND |  | Lào Cai, ngày       tháng      năm 2026\n\nKẾ HOẠCH\n"
                 "Triển khai thực hiện Chỉ thị số 11-CT/TU\n\nI. MỤC ĐÍCH, YÊU CẦU\n")
    assert (doc.number, doc.doc_type, doc.issued_date, doc.issuer) == ("/KH-UBND", "Kế hoạch", None, "UBND tỉnh Lào Cai")


def test_a_party_resolution_whose_type_line_names_the_committee_that_issues_it():
    text = ("TỈNH ỦY LÀO CAI\n*\nSố 34-NQ/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nLào Cai, ngày 27 tháng 12 năm 2025\n\n"
            "NGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề phát triển khoa học, công nghệ\nđến năm 2030\n\nI. TÌNH HÌNH\n")
    record = _record(text)
    assert (record.issuer, record.title) == ("Ban Thường vụ Tỉnh ủy Lào Cai", "về phát triển khoa học, công nghệ đến năm 2030")


def test_a_signature_interleaved_line_by_line_with_the_recipients():
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 200/KH-UBND\nHuế, ngày 02 tháng 4 năm 2027\nKẾ HOẠCH\nPhát triển du lịch\n"
            "1. Tổ chức thực hiện.\nNơi nhận: TM. ỦY BAN NHÂN DÂN\n- TT. Thành ủy (để b/c);\nKT. CHỦ TỊCH\n"
            "- CT, các PCT UBND TP;\nPHÓ CHỦ TỊCH\n- Các đơn vị nêu tại mục V;\n- Lưu: VT, DL.\nTrần Văn Minh\n")
    record = _record(text)
    assert (record.signer_title, record.signer) == ("PHÓ CHỦ TỊCH", "Trần Văn Minh")


def test_news_of_a_document_signed_without_its_type_or_number():
    text = ("Quảng Trị triển khai chuyển đổi số trong chỉ đạo, điều hành\n\n"
            "Phó Chủ tịch UBND tỉnh Quảng Trị Hoàng Nam vừa ký ban hành văn bản triển khai thực hiện Quyết định "
            "1012/QĐ-TTg của Thủ tướng Chính phủ về kế hoạch chuyển đổi số hoạt động chỉ đạo, điều hành.\n\n"
            "UBND tỉnh yêu cầu các sở, ngành rà soát quy trình công việc.\n")
    record = _record(text)
    assert record.title == ("triển khai thực hiện Quyết định 1012/QĐ-TTg của Thủ tướng Chính phủ về kế hoạch chuyển đổi "
                            "số hoạt động chỉ đạo, điều hành")


@pytest.mark.parametrize("header, issuer", [
    ("ĐẢNG BỘ TỈNH LÀO CAI\nĐẢNG ỦY XÃ BẢO HÀ", "Đảng ủy xã Bảo Hà"),
    ("ĐẢNG BỘ TỈNH ĐỒNG NAI\nĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH", "Đảng ủy UBND tỉnh Đồng Nai"),
    ("ỦY BAN MTTQ VIỆT NAM\nTỈNH QUẢNG TRỊ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị"),
    ("THÀNH ĐOÀN ĐÀ NẴNG", "Thành Đoàn Đà Nẵng"),
    ("BỘ CÔNG AN\nCÔNG AN TỈNH THANH HÓA", "Công an tỉnh Thanh Hóa"),
    ("CỤC THUẾ\nTHUẾ TỈNH CÀ MAU", "Thuế tỉnh Cà Mau"),
    ("BẢO HIỂM XÃ HỘI VIỆT NAM\nBẢO HIỂM XÃ HỘI KHU VỰC XXVI", "Bảo hiểm xã hội khu vực XXVI"),
    ("TỈNH ỦY NGHỆ AN\nBAN TUYÊN GIÁO VÀ DÂN VẬN", "Ban Tuyên giáo và Dân vận Tỉnh ủy Nghệ An"),
    ("UBND TỈNH GIA LAI\nBAN CHỈ ĐẠO 389 TỈNH", "Ban Chỉ đạo 389 tỉnh Gia Lai"),
    ("UBND THÀNH PHỐ HÀ NỘI\nVĂN PHÒNG", "Văn phòng UBND thành phố Hà Nội"),
])
def test_issuers_of_2025_by_their_header_lines(header, issuer):
    text = f"{header}\nSố: 12/KH-X\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH\nTriển khai nhiệm vụ năm 2026\n"
    assert extract_document(load_text(text)).document.issuer == issuer


def test_a_title_that_names_the_party_is_not_a_second_motto_and_a_rank_is_not_a_name():
    text = ("TỈNH ỦY NGHỆ AN\nBAN TUYÊN GIÁO VÀ DÂN VẬN\nSố 05-HD/BTGDVTU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Nghệ An, ngày 16 tháng 01 năm 2026\nHƯỚNG DẪN\ntuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản "
            "Việt Nam\n-----\nThực hiện Hướng dẫn của Trung ương, Ban hướng dẫn như sau:\n1. Nội dung\n"
            "Nơi nhận:\n- Lưu VT.\nGIÁM ĐỐC\nThiếu tướng Trần Đình Ước\n")
    record = extract_document(load_text(text)).document
    assert record.title == "tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam"
    assert (record.signer, record.signer_title) == ("Trần Đình Ước", "GIÁM ĐỐC")


def test_a_portal_row_of_labels_over_a_row_of_values():
    text = ("Văn bản chỉ đạo điều hành - Cổng thông tin điện tử tỉnh Điện Biên\nTìm kiếm văn bản\n"
            "Kế hoạch số 17/KH-UBND năm 2026 về triển khai Chương trình mục tiêu quốc gia\n"
            "Số hiệu | Loại văn bản | Nơi ban hành | Người ký | Ngày ban hành\n"
            "17/KH-UBND | Kế hoạch | Ủy ban nhân dân tỉnh Điện Biên | Vừ A Đằng | 14/01/2026\n")
    record = extract_document(load_text(text)).document
    assert (record.number, record.doc_type, record.signer, record.issued_date) == (
        "17/KH-UBND", "Kế hoạch", "Vừ A Đằng", "2026-01-14")


def test_an_opening_date_clause_run_into_the_title_paragraph_ends_the_title():
    text = ("ĐẢNG ỦY PHƯỜNG BẾN THÀNH\nSố 12-KL/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nKẾT LUẬN\nvề tình hình kinh tế - xã hội "
            "9 tháng năm 2025 Ngày 10/10/2025, Ban Thường vụ Đảng ủy phường họp và kết luận như sau:\n")
    assert extract_document(load_text(text)).document.title == "về tình hình kinh tế - xã hội 9 tháng năm 2025"


def test_a_committee_whose_standing_board_signs_and_a_ward_named_after_two():
    from planextract import extract_text
    party = ("TỈNH ỦY QUẢNG NGÃI\nSố 12-NQ/TU\nQuảng Ngãi, ngày 15 tháng 01 năm 2026\nNGHỊ QUYẾT\n"
             "về phát triển kinh tế biển đến năm 2030\nI. MỤC TIÊU\nPhát triển kinh tế biển.\n"
             "Nơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nĐinh Văn Trung\n")
    assert extract_text(party).document.issuer == "Ban Thường vụ Tỉnh ủy Quảng Ngãi"
    signed_by_committee = party.replace("T/M BAN THƯỜNG VỤ", "T/M TỈNH ỦY")
    assert extract_text(signed_by_committee).document.issuer == "Tỉnh ủy Quảng Ngãi"
    ward = ("ĐẢNG BỘ TỈNH LÂM ĐỒNG\nĐẢNG ỦY PHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT\nSố 08-KH/ĐU\n"
            "Xuân Hương - Đà Lạt, ngày 22 tháng 9 năm 2025\nKẾ HOẠCH\nphát triển du lịch xanh trên địa bàn phường\n")
    assert extract_text(ward).document.issuer == "Đảng ủy phường Xuân Hương - Đà Lạt"


@pytest.mark.parametrize("lines, issuer", [
    # a text PDF's two columns side by side, the team's mandate on the place-and-date line
    (["   SỞ Y TẾ                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "   ĐOÀN KIỂM TRA                       Độc lập - Tự do - Hạnh phúc",
      "  THEO QUYẾT ĐỊNH",
      "   SỐ 215/QĐ-SYT                  Cà Mau, ngày 02 tháng 4 năm 2026"],
     "Đoàn kiểm tra theo Quyết định số 215/QĐ-SYT"),
    # the same header as a Word table's left cell, one line each
    (["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "ĐOÀN THANH TRA", "THEO QUYẾT ĐỊNH SỐ 88/QĐ-SNNMT",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Cà Mau, ngày 02 tháng 4 năm 2026"],
     "Đoàn thanh tra theo Quyết định số 88/QĐ-SNNMT"),
    (["UBND TỈNH CÀ MAU", "TỔ CÔNG TÁC TRIỂN KHAI ĐỀ ÁN 06",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Cà Mau, ngày 02 tháng 4 năm 2026"],
     "Tổ công tác triển khai Đề án 06"),
])
def test_an_inspection_team_or_working_group_named_by_its_mandate_issues_its_plan(lines, issuer):
    text = "\n".join(lines + ["     Số: 17/KH-ĐKT", "KẾ HOẠCH", "Kiểm tra công tác an toàn thực phẩm năm 2026",
                              "1. Mục đích", "Kiểm tra việc chấp hành quy định."])
    assert extract_document(load_text(text)).document.issuer == issuer
