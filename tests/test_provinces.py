from planextract.provinces import canonical_province, provinces_of, successor


def test_before_and_after_the_2025_merger():
    assert len(provinces_of("until-2025")) == 63
    assert len(provinces_of("since-2025")) == 34


def test_spelling_variants_and_successors():
    assert canonical_province("Đắc Nông") == "Đắk Nông"
    assert canonical_province("tỉnh Thanh Hoá") == "Thanh Hóa"
    assert successor("Đắk Nông") == "Lâm Đồng"
    assert successor("Bình Thuận") == "Lâm Đồng"
    assert successor("Tiền Giang") == "Đồng Tháp"
    assert successor("Nghệ An") == "Nghệ An"
