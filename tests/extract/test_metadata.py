"""The document record of every seed, in every form, against the gold annotations."""
import pytest

from planextract.extract import extract_document
from planextract.normalize import normalize_key

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
