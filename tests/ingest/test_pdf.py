"""Text-layer PDFs must read like the seed text they were rendered from."""
import pytest

from planextract.document import HEADING
from planextract.ingest.compare import row_agreement, row_differences, word_agreement

from ..conftest import RENDERED_PDFS


@pytest.mark.parametrize("seed", RENDERED_PDFS)
def test_pdf_gives_the_seed_blocks_and_rows(corpus, seed):
    pdf, text = corpus(f"{seed}.pdf"), corpus(f"{seed}.txt")
    assert row_agreement(pdf, text) == 1.0, row_differences(pdf, text)
    assert word_agreement(pdf, text) >= 0.98


def test_pages_and_offsets(corpus):
    doc = corpus("binh-thuan-4181-2022.pdf")
    assert doc.pages == 16
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text
        assert doc.page_at(block.start) == block.page


def test_page_numbers_are_not_text(corpus):
    doc = corpus("dong-thap-241-2022.pdf")
    assert not any(b.text.strip().isdigit() for b in doc.blocks)


def test_continued_table_is_one_table_with_header_once(corpus):
    doc = corpus("dak-nong-292-2022.pdf")
    [table] = doc.tables()
    assert table.page == 4
    rows = table.table.row_texts()
    assert sum(r[0] == "STT" for r in rows) == 1
    row3 = next(r for r in rows if r[0] == "3" and "đào tạo kỹ năng số chuyên ngành" in r[1])
    assert row3[1].endswith("lao động trong ngành, lĩnh vực trên địa bàn tỉnh")


def test_merged_cells_become_spans(corpus):
    doc = corpus("dong-thap-241-2022.pdf")
    table = doc.tables()[1].table
    grid = table.grid()
    health = next(r for r in range(table.n_rows)
                  if grid[r][2] is not None and grid[r][2].text == "Sở Y tế" and grid[r][0].text == "a")
    assert grid[health][2].row_span == 9


def test_header_block_is_read_left_column_first(corpus):
    doc = corpus("dong-thap-241-2022.pdf")
    texts = [b.text for b in doc.blocks[:6]]
    assert texts[:3] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", "Số: 241/KH-UBND"]


def test_split_number_in_a_pdf_heading(corpus):
    doc = corpus("binh-thuan-4181-2022.pdf")
    assert any(b.kind == HEADING and b.number == "IV." for b in doc.blocks)


@pytest.mark.parametrize("seed", ["dak-nong-292-2022", "dong-thap-241-2022"])
def test_camelot_lattice_engine_reads_the_same_tables(corpus, seed):
    import planextract
    from ..conftest import CORPUS
    doc = planextract.load(CORPUS / f"{seed}.pdf", table_engine="camelot")
    text = corpus(f"{seed}.txt")
    assert row_agreement(doc, text) == 1.0, row_differences(doc, text)
    assert [b.table.n_rows for b in doc.tables()] == [b.table.n_rows for b in corpus(f"{seed}.pdf").tables()]
