"""Page kinds and site boilerplate, on made-up pages."""
from planextract import load_text
from planextract.extract import extract_document
from planextract.ingest.page_kind import mark_page, not_a_plan, portal_fields

OFFICIAL = "\n".join(["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "Số: 597/KH-UBND", "Đồng Tháp, ngày 27 tháng 11 năm 2025", "KẾ HOẠCH",
                      "CHUYỂN ĐỔI SỐ NĂM 2026", "I. MỤC TIÊU", "- Phấn đấu 90% hồ sơ trực tuyến."])


def marked(text: str) -> tuple:
    doc = load_text(text)
    view = mark_page(doc)
    return doc, view, [b.text for b in doc.blocks if b.boilerplate]


def test_the_official_document_is_a_document_with_no_boilerplate():
    doc, view, boiler = marked(OFFICIAL)
    assert doc.page_kind == "document" and boiler == [] and doc.warnings == []
    assert len(view.blocks) == len(doc.blocks)


def test_portal_page_boilerplate_is_marked_and_left_out_of_the_view():
    doc, view, boiler = marked("\n".join([
        "Để sử dụng toàn bộ tiện ích nâng cao của Hệ Thống Pháp Luật vui lòng lựa chọn và đăng ký gói cước.",
        "Nếu bạn là thành viên. Vui lòng ĐĂNG NHẬP để tiếp tục.", "", OFFICIAL, "",
        "Văn bản liên quan", "- Quyết định 12/QĐ-UBND năm 2021 về chuyển đổi số",
        "- Kế hoạch 33/KH-UBND năm 2022 về dữ liệu số", "", "Ý kiến bạn đọc"]))
    assert doc.page_kind == "document"  # the page reproduces the document's header
    assert boiler[:2] == ["Để sử dụng toàn bộ tiện ích nâng cao của Hệ Thống Pháp Luật vui lòng lựa chọn và "
                          "đăng ký gói cước.", "Nếu bạn là thành viên. Vui lòng ĐĂNG NHẬP để tiếp tục."]
    assert "Văn bản liên quan" in boiler and "Ý kiến bạn đọc" in boiler
    assert any("Quyết định 12/QĐ-UBND" in b for b in boiler)
    assert not any(b.boilerplate for b in view.blocks)
    assert view.text == doc.text  # offsets still point into the same text
    assert any("block(s) of site boilerplate" in w for w in doc.warnings)


def test_related_documents_give_no_references():
    text = OFFICIAL + "\nTin liên quan\n- Kế hoạch 33/KH-UBND năm 2022 về dữ liệu số\n"
    numbers = [r.number for r in extract_document(load_text(text)).references]
    assert "33/KH-UBND" not in numbers


def test_portal_metadata_block_in_cells_and_lines():
    doc, _, _ = marked("\n".join(["Số hiệu: | 59/KH-UBND | Loại văn bản: | Kế hoạch",
                                  "Nơi ban hành: | Tỉnh Vĩnh Long | Người ký: | Lữ Quang Ngời",
                                  "Ngày ban hành: | 19/09/2022 | Ngày hiệu lực: | 20/09/2022", "",
                                  "I. MỤC TIÊU", "- Phấn đấu 80% hồ sơ trực tuyến."]))
    assert doc.page_kind == "portal"
    assert doc.page_fields == {"number": "59/KH-UBND", "doc_type": "Kế hoạch", "issuer": "Tỉnh Vĩnh Long",
                               "signer": "Lữ Quang Ngời", "issued_date": "19/09/2022", "other": "20/09/2022"}
    assert any("a page about a plan" in w for w in doc.warnings)
    fields = portal_fields(load_text("Số hiệu 67/KH-UBND\nNgày ban hành 13/06/2025\nCơ quan ban hành Tỉnh Trà Vinh"))
    assert fields == {"number": "67/KH-UBND", "issued_date": "13/06/2025", "issuer": "Tỉnh Trà Vinh"}


def test_news_article_captions_and_credits():
    doc, view, boiler = marked("\n".join([
        "(VL)- Ngày 19/9/2022, UBND tỉnh Vĩnh Long đã ban hành Kế hoạch số 59/KH-UBND về chuyển đổi số.", "",
        "Mục tiêu mà Kế hoạch đề ra là 100% hồ sơ được xử lý trực tuyến.", "",
        "Vĩnh Long phấn đấu 100% hồ sơ được xử lý trực tuyến. Ảnh: Thu Hà", "",
        "Mua bán Nhà riêng tại Vĩnh Long", "", "Kế hoạch chuyển đổi số (Hình từ Internet)"]))
    assert doc.page_kind == "news"
    assert boiler == ["Vĩnh Long phấn đấu 100% hồ sơ được xử lý trực tuyến. Ảnh: Thu Hà",
                      "Mua bán Nhà riêng tại Vĩnh Long", "Kế hoạch chuyển đổi số (Hình từ Internet)"]
    assert any("a news article" in w for w in doc.warnings)
    # the caption that repeats the target is not read: every target comes from the article's text
    targets = extract_document(load_text(doc.text)).targets
    assert all("Ảnh" not in t.text for t in targets)


def test_a_page_without_a_header_whose_site_left_an_attachment_link():
    doc, _, boiler = marked("Phấn đấu vào nhóm các tỉnh chuyển đổi số khá.\n"
                            "Xem và tải Quyết định tại đây: QD 713 UBND - CT CHUYEN DOI SO 2025.pdf\nÝ kiến bạn đọc")
    assert doc.page_kind == "news" and doc.page_fields == {"doc_type": "Quyết định"}
    assert len(boiler) == 2


def test_mark_page_runs_once():
    doc = load_text(OFFICIAL + "\nBình luận")
    mark_page(doc)
    mark_page(doc)
    assert len(doc.warnings) == 1


def test_documents_that_are_not_plans_are_said_so():
    procedure = OFFICIAL.replace("KẾ HOẠCH\nCHUYỂN ĐỔI SỐ NĂM 2026",
                                 "QUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH NỘI BỘ ĐƯỢC BAN HÀNH MỚI")
    assert not_a_plan(load_text(procedure)).startswith("a procedure announcement")
    regulation = OFFICIAL.replace("KẾ HOẠCH\nCHUYỂN ĐỔI SỐ NĂM 2026",
                                  "NGHỊ QUYẾT\nQUY ĐỊNH NỘI DUNG CHI, MỨC CHI KHUYẾN KHÍCH DỊCH VỤ CÔNG")
    doc = load_text(regulation)
    mark_page(doc)
    assert any("not a plan but a regulation" in w for w in doc.warnings)
    plan = OFFICIAL.replace("KẾ HOẠCH\nCHUYỂN ĐỔI SỐ NĂM 2026", "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH THÀNH LẬP")
    assert not_a_plan(load_text(plan)) is None and not_a_plan(load_text(OFFICIAL)) is None


def test_a_related_list_ends_where_the_page_reproduces_the_document():
    doc, view, boiler = marked("\n".join([
        "Số hiệu: 96/KH-UBND", "Loại văn bản: Kế hoạch", "Ngày ban hành: 16/06/2022",
        "Văn bản liên quan cùng nội dung:",
        "- Quyết định 922/QĐ-TTg năm 2022 phê duyệt Chương trình phát triển du lịch nông thôn",
        "Kế hoạch 45/KH-UBND năm 2021 phát triển du lịch tỉnh Cà Mau",
        "NỘI DUNG VĂN BẢN", OFFICIAL]))
    assert boiler == ["Văn bản liên quan cùng nội dung:",
                      "- Quyết định 922/QĐ-TTg năm 2022 phê duyệt Chương trình phát triển du lịch nông thôn",
                      "Kế hoạch 45/KH-UBND năm 2021 phát triển du lịch tỉnh Cà Mau"]
    assert doc.page_kind == "portal"
    assert [b.text for b in view.blocks][-9:-7] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"]
    # a label ending in ':' ends the list too
    _, _, boiler = marked("Văn bản liên quan:\n- Kế hoạch 45/KH-UBND năm 2021\nNội dung:\n" + OFFICIAL)
    assert boiler == ["Văn bản liên quan:", "- Kế hoạch 45/KH-UBND năm 2021"]


def test_a_menu_item_named_like_a_related_list_opens_no_list():
    doc, view, boiler = marked("\n".join([
        "Trang chủ", "Văn bản mới", "Văn bản hợp nhất", "Công văn",
        "Kế hoạch 96/KH-UBND năm 2022 phát triển du lịch cộng đồng tỉnh Cà Mau",
        "Số hiệu: 96/KH-UBND", "Loại văn bản: Kế hoạch", "Nơi ban hành: Tỉnh Cà Mau"]))
    assert boiler == ["Trang chủ", "Văn bản mới"]
    assert doc.page_fields == {"number": "96/KH-UBND", "doc_type": "Kế hoạch", "issuer": "Tỉnh Cà Mau"}


def test_comments_and_a_newspaper_masthead_are_boilerplate_not_an_official_header():
    doc, _, boiler = marked("\n".join([
        "(HNM) - UBND thành phố Hà Nội vừa ban hành Kế hoạch số 66/KH-UBND ngày 08/3/2024 về không khí.", "",
        "Ý kiến bạn đọc (3)", "Minh Tuấn: Cần công khai số liệu quan trắc theo giờ.",
        "Báo Hà Nội Mới - Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam thành phố Hà Nội."]))
    assert doc.page_kind == "news"
    assert boiler == ["Ý kiến bạn đọc (3)", "Minh Tuấn: Cần công khai số liệu quan trắc theo giờ.",
                      "Báo Hà Nội Mới - Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam thành phố Hà Nội."]
