"""Reading order of positioned words: the two-column header of an official document."""
from planextract.ingest.layout import Word, group_lines, paragraphs, reading_order

PAGE_WIDTH = 595


def words(text: str, x0: float, top: float, bold: bool = False) -> list[Word]:
    out, x = [], x0
    for t in text.split():
        width = len(t) * 3.3
        out.append(Word(t, x, x + width, top, top + 12, bold))
        x += width + 3
    return out


def read(*lines: list[Word]) -> list[str]:
    ordered = reading_order(group_lines([w for line in lines for w in line]), PAGE_WIDTH)
    return [piece.text for _, piece in paragraphs(ordered, 1)]


def test_header_columns_number_beside_place_and_date_and_a_wrapped_subject_line():
    texts = read(words("UBND TỈNH GIA LAI", 95, 60, bold=True),
                 words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60, bold=True),
                 words("SỞ Y TẾ", 120, 74, bold=True), words("Độc lập - Tự do - Hạnh phúc", 340, 74, bold=True),
                 words("Số: 2068/SYT-VP", 100, 100), words("Gia Lai, ngày 27 tháng 6 năm 2022", 330, 100),
                 words("V/v triển khai Kế hoạch số 1331/", 70, 114),
                 words("KH-UBND, ngày 22/6/2022 về triển khai", 72, 128),
                 words("thực hiện Quyết định số 411/QĐ-TTg.", 80, 142),
                 words("Kính gửi: Các đơn vị trực thuộc Sở.", 150, 180))
    assert texts == ["UBND TỈNH GIA LAI", "SỞ Y TẾ", "Số: 2068/SYT-VP",
                     "V/v triển khai Kế hoạch số 1331/KH-UBND, ngày 22/6/2022 về triển khai "
                     "thực hiện Quyết định số 411/QĐ-TTg.",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Gia Lai, ngày 27 tháng 6 năm 2022", "Kính gửi: Các đơn vị trực thuộc Sở."]


def test_capitalised_body_lines_and_list_items_stay_apart():
    texts = read(words("ỦY BAN NHÂN DÂN", 95, 60, bold=True), words("CỘNG HÒA XÃ HỘI", 330, 60, bold=True),
                 words("TỈNH ĐỒNG THÁP", 100, 74, bold=True), words("Độc lập - Tự do", 350, 74, bold=True),
                 words("Nơi nhận:", 70, 300), words("KT. CHỦ TỊCH", 380, 300, bold=True),
                 words("- Như trên;", 70, 314), words("PHÓ CHỦ TỊCH", 380, 314, bold=True),
                 words("- UBND các huyện, thị xã,", 70, 328),
                 words("thành phố;", 70, 342), words("Huỳnh Minh Tuấn", 380, 342, bold=True))
    assert texts[:4] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", "CỘNG HÒA XÃ HỘI", "Độc lập - Tự do"]
    assert texts[4:] == ["Nơi nhận:", "- Như trên;", "- UBND các huyện, thị xã, thành phố;",
                         "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Huỳnh Minh Tuấn"]


def test_number_and_place_date_close_together_are_still_two_columns():
    texts = read(words("ỦY BAN NHÂN DÂN", 95, 60, bold=True),
                 words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60, bold=True),
                 words("Số: 597/KH-UBND", 200, 74) + words("Đồng Tháp, ngày 27 tháng 11 năm 2025", 262, 74))
    assert texts == ["ỦY BAN NHÂN DÂN", "Số: 597/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Đồng Tháp, ngày 27 tháng 11 năm 2025"]
