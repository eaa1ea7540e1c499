"""Citations of other legal documents, against the gold annotations."""
import pytest

from planextract.extract import extract_document

from ..conftest import RENDERED_PDFS, SEEDS, gold


def _refs(corpus, name):
    return {r.number: r for r in extract_document(corpus(name)).references}


@pytest.mark.parametrize("name", [f"{s}.txt" for s in SEEDS] + [f"{s}.pdf" for s in RENDERED_PDFS])
def test_every_cited_document_is_found_and_nothing_else(corpus, name):
    seed = name.rsplit(".", 1)[0]
    assert set(_refs(corpus, name)) == {r["number"] for r in gold(seed)["references"]}


@pytest.mark.parametrize("seed", SEEDS)
def test_types_and_dates_match_gold(corpus, seed):
    refs = _refs(corpus, f"{seed}.txt")
    for g in gold(seed)["references"]:
        assert (refs[g["number"]].doc_type, refs[g["number"]].issued_date) == (g["doc_type"], g["issued_date"])


def test_the_national_strategy_citation(corpus):
    ref = _refs(corpus, "dak-nong-292-2022.txt")["411/QĐ-TTg"]
    assert (ref.doc_type, ref.issued_date, ref.issuer) == ("Quyết định", "2022-03-31", "Thủ tướng Chính phủ")
    assert ref.title.startswith("phê duyệt chiến lược quốc gia phát triển kinh tế số")
    doc = corpus("dak-nong-292-2022.txt")
    assert doc.text[ref.start:ref.end].startswith("Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ")


def test_party_resolution_with_comma_before_date(corpus):
    ref = _refs(corpus, "binh-thuan-4181-2022.txt")["10-NQ/TU"]
    assert (ref.doc_type, ref.issued_date, ref.issuer) == ("Nghị quyết", "2022-03-18", "Ban Chấp hành Đảng bộ tỉnh")


def test_own_number_with_stray_space_is_not_a_reference(corpus):
    assert "4181/KH-UBND" not in _refs(corpus, "binh-thuan-4181-2022.txt")


def test_abbreviated_type_and_line_break_inside_number(corpus):
    assert _refs(corpus, "nghe-an-347-2023.txt")["244/KH-UBND"].doc_type == "Kế hoạch"
    assert "411/QĐ-TTg" in _refs(corpus, "binh-thuan-4181-2022.pdf")


# --- made-up citations, one form each -------------------------------------------------------

def cited(sentence: str) -> dict:
    from planextract import load_text
    return {r.number: r for r in extract_document(load_text(sentence)).references}


def test_laws_by_name_with_a_number_and_the_quoc_hoi_codes():
    refs = cited("Căn cứ Luật Giao dịch điện tử số 20/2023/QH15 ngày 22 tháng 6 năm 2023 của Quốc hội; "
                 "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi bởi Luật số 87/2025/QH15;")
    law = refs["20/2023/QH15"]
    assert (law.doc_type, law.issued_date, law.issuer, law.title) == (
        "Luật", "2023-06-22", "Quốc hội", "Giao dịch điện tử")
    assert refs["64/2025/QH15"].title == "Ban hành văn bản quy phạm pháp luật"
    assert refs["87/2025/QH15"].doc_type == "Luật"


@pytest.mark.parametrize("sentence, number, doc_type", [
    ("Thực hiện Văn bản số 1234/UBND-KT ngày 02/3/2025 của UBND tỉnh.", "1234/UBND-KT", "Văn bản"),
    ("Thực hiện Công văn số 561/UBND-VX của UBND tỉnh.", "561/UBND-VX", "Công văn"),
    ("Thực hiện Công điện 130/CĐ-TTg năm 2024.", "130/CĐ-TTg", "Công điện"),
    ("Thực hiện Nghị quyết 57-NQ/TW và Chương trình hành động số 46-CTr/TU.", "46-CTr/TU", "Chương trình"),
    ("Thực hiện Kết luận số 123-KL/TW của Bộ Chính trị.", "123-KL/TW", "Kết luận"),
    ("Xét Tờ trình số 32/TTr-CAT ngày 28/02/2022.", "32/TTr-CAT", "Tờ trình"),
    ("Thực hiện Kế hoạch số 01-KH/BCĐTW ngày 21/3/2025.", "01-KH/BCĐTW", "Kế hoạch"),
    ("Bám sát Quyết định 927/QĐ TTg năm 2024.", "927/QĐ-TTg", "Quyết định"),
    ("Căn cứ Báo cáo thẩm tra số 116/BC-BPC ngày 22/11/2025.", "116/BC-BPC", "Báo cáo"),
])
def test_every_kind_of_citation(sentence, number, doc_type):
    assert cited(sentence)[number].doc_type == doc_type


def test_a_code_stops_before_a_dash_and_a_word():
    refs = cited("Số: 12/KH-UBND\nUBND tỉnh ban hành Quyết định số 685/QĐ-UBND ngày 21/3/2022 chọn ngày ban hành "
                 "Nghị quyết 06/TU - ngày 26/3 hằng năm là Ngày chuyển đổi số.\n"
                 "Triển khai thực hiện Nghị quyết số 48/NQ-CP\n- Tập trung quán triệt.")
    assert set(refs) == {"685/QĐ-UBND", "06/TU", "48/NQ-CP"}
    assert (refs["685/QĐ-UBND"].issuer, refs["685/QĐ-UBND"].title) == (
        "UBND tỉnh", "chọn ngày ban hành Nghị quyết 06/TU - ngày 26/3 hằng năm là Ngày chuyển đổi số")


@pytest.mark.parametrize("sentence, issuer, title", [
    ("Quyết định số 912/QĐ-BKHCN ngày 18/5/2025 của Bộ Khoa học và Công nghệ về việc ban hành hướng dẫn "
     "phát triển hạ tầng số;", "Bộ Khoa học và Công nghệ", "ban hành hướng dẫn phát triển hạ tầng số"),
    ("Kế hoạch số 75/KH-UBND của UBND tỉnh Long An về thực hiện chuyển đổi số;", "UBND tỉnh Long An",
     "thực hiện chuyển đổi số"),
    ("Kế hoạch số 139/KH-UBND ngày 16/5/2025 của UBND Thành phố về thực hiện Đề án 06;", "UBND thành phố",
     "thực hiện Đề án 06"),
    ("Quyết định số 1644/QĐ-BXD của Bộ trưởng Bộ Xây dựng ban hành Chiến lược chuyển đổi số;",
     "Bộ trưởng Bộ Xây dựng", "ban hành Chiến lược chuyển đổi số"),
    ("Nghị quyết số 10-NQ/TU ngày 18/3/2022 của Ban Chấp hành Đảng bộ tỉnh (khóa XIV) về chuyển đổi số;",
     "Ban Chấp hành Đảng bộ tỉnh", "chuyển đổi số"),
    ("Kế hoạch số 01-KH/BCĐ ngày 20/5/2025 của Ban Chỉ đạo tỉnh về phát triển khoa học;", "Ban Chỉ đạo tỉnh",
     "phát triển khoa học"),
    ("Chương trình số 144-CTr/TU ngày 5/3/2018 của Ban Thường vụ Tỉnh ủy Hậu Giang về thực hiện Nghị quyết;",
     "Ban Thường vụ Tỉnh ủy Hậu Giang", "thực hiện Nghị quyết"),
    ("Báo cáo số 122/BC-BPC của Ban Pháp chế Hội đồng nhân dân Thành phố;", "Ban Pháp chế HĐND thành phố", None),
    ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ\nChính trị về đột phá phát triển khoa học;", "Bộ Chính trị",
     "đột phá phát triển khoa học"),
    # a title that opens with its verb capitalised, right after the issuer
    ("Căn cứ Nghị định số 217/2025/NĐ-CP ngày 5/8/2025 của Chính phủ Quy định về kiểm tra chuyên ngành;",
     "Chính phủ", "Quy định về kiểm tra chuyên ngành"),
    ("Thực hiện Kế hoạch số 77/KH-UBND ngày 3/3/2025 của UBND thành phố Cần Thơ Thực hiện Chương trình giảm nghèo;",
     "UBND thành phố Cần Thơ", "Thực hiện Chương trình giảm nghèo"),
    ("Nghị quyết số 03/NQ-CP ngày 9/1/2025 của Chính phủ Ban hành chương trình hành động;", "Chính phủ",
     "Ban hành chương trình hành động"),
])
def test_issuer_and_title_stop_where_they_should(sentence, issuer, title):
    ref = next(iter(cited(sentence).values()))
    assert (ref.issuer, ref.title) == (issuer, title)


def test_issuer_written_before_the_citation():
    refs = cited("Theo đề nghị của Sở Thông tin và Truyền thông tại Tờ trình số 1342/TTr-STTTT ngày 31/7/2020 "
                 "về việc ban hành Kế hoạch chuyển đổi số.")
    assert (refs["1342/TTr-STTTT"].issuer, refs["1342/TTr-STTTT"].title) == (
        "Sở Thông tin và Truyền thông", "ban hành Kế hoạch chuyển đổi số")
    refs = cited("Kế hoạch phát triển doanh nghiệp số đã được UBND tỉnh ban hành theo Kế hoạch số 1609/KH-UBND "
                 "ngày 22/10/2021 về việc phát triển doanh nghiệp công nghệ số.")
    assert (refs["1609/KH-UBND"].issuer, refs["1609/KH-UBND"].title) == (
        "UBND tỉnh", "phát triển doanh nghiệp công nghệ số")


def test_the_subject_written_before_tai():
    refs = cited("- Triển khai Đề án phát triển thanh toán không dùng tiền mặt giai đoạn 2021-2025 tại "
                 "Quyết định 1813/QĐ-TTg ngày 28/10/2021 của Thủ tướng Chính phủ.")
    assert refs["1813/QĐ-TTg"].title == "Đề án phát triển thanh toán không dùng tiền mặt giai đoạn 2021-2025"


def test_titles_end_at_a_sibling_citation_but_keep_nested_ones():
    refs = cited("Kế hoạch 0219/KH-UBND thay thế Kế hoạch 84/KH-UBND năm 2025 của Ủy ban nhân dân tỉnh Cà Mau "
                 "xây dựng nhà ở xã hội và Kế hoạch 92/KH-UBND năm 2025 về chỉ tiêu nhà ở.")
    assert (refs["84/KH-UBND"].issuer, refs["84/KH-UBND"].title) == ("UBND tỉnh Cà Mau", "xây dựng nhà ở xã hội")
    refs = cited("Kế hoạch số 75/KH-UBND của UBND tỉnh Sóc Trăng về việc thực hiện Nghị quyết số 137/NQ-CP "
                 "ngày 31/12/2017 của Chính phủ và Chương trình số 27-CTr/TU ngày 12/3/2018 của Tỉnh ủy.")
    assert refs["75/KH-UBND"].title.endswith("và Chương trình số 27-CTr/TU ngày 12/3/2018 của Tỉnh ủy")
    assert refs["137/NQ-CP"].title is None


def test_a_list_of_numbers_after_one_type_word():
    refs = cited("Quy hoạch được Thủ tướng Chính phủ phê duyệt tại các Quyết định: số 36/QĐ-TTg ngày "
                 "11/01/2024 và số 1668/QĐ-TTg ngày 27/12/2024.")
    assert {n: (r.doc_type, r.issued_date) for n, r in refs.items()} == {
        "36/QĐ-TTg": ("Quyết định", "2024-01-11"), "1668/QĐ-TTg": ("Quyết định", "2024-12-27")}


def test_the_own_number_of_a_page_is_not_a_reference():
    refs = cited("Ngày 03/12/2025, UBND tỉnh Cà Mau đã ban hành Kế hoạch 0219/KH-UBND về việc phát triển nhà ở "
                 "xã hội, thay thế Kế hoạch 84/KH-UBND.")
    assert set(refs) == {"84/KH-UBND"}


@pytest.mark.parametrize("sentence, number, issuer, title", [
    # the clause after the citations, whatever its subject, is no title
    ("Thực hiện Kế hoạch số 01-KH/BCĐTW ngày 15/01/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, "
     "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:", "01-KH/BCĐTW", "Ban Chỉ đạo Trung ương",
     "phát triển khoa học"),
    ("Xét đề nghị của Sở Y tế tại Tờ trình số 987/TTr-SYT ngày 08/4/2025, Ủy ban nhân dân thành phố ban hành "
     "Kế hoạch như sau:", "987/TTr-SYT", "Sở Y tế", None),
    # a new sentence run into the title by a lost line break
    ("Nghị quyết số 06-NQ/TW ngày 24/01/2022 của Bộ Chính trị về quy hoạch đô thị đến năm 2030 Ngày 24/01/2022, "
     "Bộ Chính trị ban hành Nghị quyết.", "06-NQ/TW", "Bộ Chính trị", "quy hoạch đô thị đến năm 2030"),
    # a header's place-and-date after the citation is neither the issuer's place nor the title
    ("V/v triển khai Kế hoạch số 245/KH-UBND ngày 30/10/2024 của UBND tỉnh Quảng Ninh, ngày 12 tháng 11 năm 2024",
     "245/KH-UBND", "UBND tỉnh", None),
    # a quotation keeps its parenthesis
    ("Tờ trình số 443/TTr-UBND của UBND Thành phố đề nghị bổ sung nội dung “mức thu phí bằng không (không thu)” "
     "tại dự thảo Nghị quyết;", "443/TTr-UBND", "UBND thành phố",
     "đề nghị bổ sung nội dung “mức thu phí bằng không (không thu)” tại dự thảo Nghị quyết"),
    # a plenum and its committee; 'Ban chỉ đạo' in lower case inside a name
    ("Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Khóa XII về công "
     "tác dân số;", "21-NQ/TW", "Hội nghị lần thứ sáu Ban Chấp hành Trung ương", "công tác dân số"),
    ("Nghị quyết 36-NQ/TW ngày 22/10/2018, Hội nghị lần thứ 8 của Ban Chấp hành Trung ương Đảng khóa XII về "
     "chiến lược phát triển bền vững kinh tế biển;", "36-NQ/TW", "Ban Chấp hành Trung ương Đảng",
     "chiến lược phát triển bền vững kinh tế biển"),
    ("Thông báo số 30-TB/TGV ngày 5/6/2025 của Tổ giúp việc Ban chỉ đạo Trung ương về phát triển khoa học;",
     "30-TB/TGV", "Tổ giúp việc Ban chỉ đạo Trung ương", "phát triển khoa học"),
])
def test_issuers_and_titles_of_every_writing(sentence, number, issuer, title):
    ref = cited(sentence)[number]
    assert (ref.issuer, ref.title) == (issuer, title)


def test_citations_listed_side_by_side_share_the_issuer_named_once():
    refs = cited("Căn cứ Báo cáo thẩm tra số 116/BC-BPC ngày 22/11/2025 và Báo cáo thẩm tra số 122/BC-BPC ngày "
                 "25/11/2025 của Ban Pháp chế Hội đồng nhân dân Thành phố;")
    assert refs["116/BC-BPC"].issuer == refs["122/BC-BPC"].issuer == "Ban Pháp chế HĐND thành phố"
    refs = cited("Quy hoạch đã được Thủ tướng Chính phủ phê duyệt tại các Quyết định: số 36/QĐ-TTg ngày 11/01/2024 "
                 "về việc quy hoạch hạ tầng thông tin; số 1668/QĐ-TTg ngày 27/12/2024 về việc phê duyệt quy hoạch.")
    assert (refs["36/QĐ-TTg"].issuer, refs["36/QĐ-TTg"].title) == ("Thủ tướng Chính phủ", "quy hoạch hạ tầng thông tin")
    assert refs["1668/QĐ-TTg"].issuer == "Thủ tướng Chính phủ"
    # a law before another type keeps no issuer it was not given
    refs = cited("Căn cứ Luật Thú y số 79/2015/QH13, Nghị định số 35/2016/NĐ-CP của Chính phủ;")
    assert (refs["79/2015/QH13"].issuer, refs["35/2016/NĐ-CP"].issuer) == (None, "Chính phủ")


def test_the_date_of_the_fullest_mention():
    refs = cited("Triển khai Nghị quyết số 163/2024/QH15 ngày 27 tháng 11 năm 2025 phê duyệt chủ trương đầu tư; "
                 "Nghị quyết 50/NQ-CP ban hành Kế hoạch thực hiện Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của "
                 "Quốc hội phê duyệt chủ trương đầu tư.")
    assert refs["163/2024/QH15"].issued_date == "2024-11-27"


def test_a_typo_number_is_the_document_cited_well_elsewhere():
    refs = cited("KẾ HOẠCH THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024\n"
                 "Thực hiện Chỉ thị số 27/CT-TTg ngày 15 tháng 8 năm 2024 của Thủ tướng Chính phủ về dân số.\n"
                 "[2] Chỉ thị số 27/CTTg ngày 15/7/2024 của Thủ tướng Chính phủ về dân số.")
    assert list(refs) == ["27/CT-TTg"]


def test_an_abbreviated_type_before_a_comparison_is_no_citation():
    assert cited("| So sánh KH 2026/UTH 2025 (%) | Kế hoạch số 12/KH-UBND |") .keys() == {"12/KH-UBND"}
    assert set(cited("Thực hiện KH 244/KH-UBND và QĐ 411/QĐ-TTg.")) == {"244/KH-UBND", "411/QĐ-TTg"}


@pytest.mark.parametrize("sentence, expected", [
    ("Căn cứ Thông tri số 02-TT/TU ngày 10/3/2025 của Thành ủy về tăng cường lãnh đạo;",
     ("Thông tri", "02-TT/TU", "Thành ủy", "tăng cường lãnh đạo")),
    ("Thực hiện Công văn số 8935/BNV-CTTN&BĐG ngày 20/10/2025 của Bộ Nội vụ;",
     ("Công văn", "8935/BNV-CTTN&BĐG", "Bộ Nội vụ", None)),
    ("Căn cứ Nghị quyết số 66.2/2025/NQ-CP ngày 28/7/2025 của Chính phủ về cắt giảm thủ tục;",
     ("Nghị quyết", "66.2/2025/NQ-CP", "Chính phủ", "cắt giảm thủ tục")),
    ("Căn cứ Phương án số 02600/PA-UBND ngày 1/10/2025 của UBND tỉnh;", ("Phương án", "02600/PA-UBND", "UBND tỉnh", None)),
    ("Theo Quy chế phối hợp số 49/QCPH-UBND-UBMT-HCTĐ ngày 1/2/2024;",
     ("Quy chế phối hợp", "49/QCPH-UBND-UBMT-HCTĐ", None, None)),
])
def test_party_circulars_response_plans_and_numbers_with_a_joined_code_or_a_decimal(sentence, expected):
    [ref] = cited(sentence).values()
    assert (ref.doc_type, ref.number, ref.issuer, ref.title) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Căn cứ Hướng dẫn số 12-HD/BTGDVTW ngày 05/3/2025 của Ban Tuyên giáo và Dân vận Trung ương về việc tuyên truyền;",
     ("Ban Tuyên giáo và Dân vận Trung ương", "tuyên truyền")),
    ("Căn cứ Hướng dẫn số 15-HD/BCSTW ngày 05/3/2025 của Ban Chính sách, chiến lược Trung ương về việc triển khai;",
     ("Ban Chính sách, chiến lược Trung ương", "triển khai")),
])
def test_central_party_bodies_of_2025_are_whole_issuers(sentence, expected):
    [ref] = cited(sentence).values()
    assert (ref.issuer, ref.title) == expected


def test_a_header_column_after_the_subject_line_is_not_the_issuer_or_title():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 71/UBND-TH\nV/v triển khai thực hiện Nghị định số\n"
            "178/2026/NĐ-CP ngày 20/5/2026\ncủa Chính phủ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nLào Cai, ngày 10 tháng 7 năm 2026\nKính gửi: Các sở, ban, ngành.\n")
    ref = cited(text)["178/2026/NĐ-CP"]
    assert (ref.issuer, ref.title) == ("Chính phủ", None)


def test_a_code_the_wrap_cut_is_joined_in_a_title():
    ref = cited("Thực hiện Công văn số 83/BTC-QLCS của Bộ Tài chính về việc triển khai Nghị định số 178/2026/NĐ-\n"
                "CP về tài sản;")["83/BTC-QLCS"]
    assert ref.title == "triển khai Nghị định số 178/2026/NĐ-CP về tài sản"


def test_numbers_that_differ_by_a_doubled_digit_are_two_documents():
    refs = cited("Căn cứ Nghị định số 15/2018/NĐ-CP ngày 02/02/2018 của Chính phủ; xử lý theo Nghị định số "
                 "115/2018/NĐ-CP ngày 04/9/2018 của Chính phủ quy định xử phạt vi phạm hành chính;")
    assert set(refs) == {"15/2018/NĐ-CP", "115/2018/NĐ-CP"}
