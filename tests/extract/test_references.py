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
