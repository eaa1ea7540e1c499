"""The OCR reader on the scanned Đắk Nông plan (corpus/dak-nong-292-2022-scan.pdf: 8 pages
of 200 dpi JPEG, rotated 0.5–1°, specks; a landscape appendix with a ruled table over
five pages), held to the text-layer PDF of the same pages; and its parts on small
images built here."""
from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

import planextract
from planextract.document import Cell
from planextract.errors import OCRUnavailable, TooLarge
from planextract.ingest import ocr
from planextract.ingest.assemble import Piece
from planextract.ingest.compare import row_agreement, row_differences, word_agreement
from planextract.ingest.tables import grid_cells
from planextract.limits import Limits

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SCAN = CORPUS / "dak-nong-292-2022-scan.pdf"
PDF = CORPUS / "dak-nong-292-2022.pdf"
TXT = CORPUS / "dak-nong-292-2022.txt"

# Measured (350 dpi, tesseract 5.3 vie): words 0.997 vs the PDF, 0.981 vs the text;
# table rows identical to the PDF's 0.90.
MIN_WORDS_VS_PDF = 0.98
MIN_WORDS_VS_TEXT = 0.96
MIN_ROWS_VS_PDF = 0.75


def _has_vietnamese_tesseract() -> bool:
    if shutil.which("tesseract") is None:
        return False
    result = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    return "vie" in (result.stdout + result.stderr).split()


needs_tesseract = pytest.mark.skipif(not _has_vietnamese_tesseract(),
                                     reason="tesseract with the Vietnamese model is not installed")


@pytest.fixture(scope="module")
def scan():
    if not _has_vietnamese_tesseract():
        pytest.skip("tesseract with the Vietnamese model is not installed")
    return planextract.load(SCAN)  # OCR'd once for the whole module


@pytest.fixture(scope="module")
def pdf():
    return planextract.load(PDF)


@pytest.fixture(scope="module")
def table(scan):
    tables = scan.tables()
    assert len(tables) == 1, [t.page for t in tables]
    return tables[0].table


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


# ---------------------------------------------------------------- the whole scan

@pytest.mark.slow
def test_scan_is_read_as_eight_pages(scan):
    assert scan.format == "scan"
    assert scan.pages == 8
    # Pages 5-8 hold only the rest of the table that starts on page 4.
    assert {b.page for b in scan.blocks} == {1, 2, 3, 4}


@pytest.mark.slow
def test_one_table_joined_across_the_five_appendix_pages(scan, table):
    assert scan.tables()[0].page == 4
    assert table.n_cols == 5
    assert 38 <= table.n_rows <= 42
    # The header repeated on pages 5-8 is dropped: it is the first row only.
    headers = [r for r in table.row_texts() if r and r[0] == "STT"]
    assert len(headers) == 1


@pytest.mark.slow
def test_group_row_spans_four_columns(table):
    row = next(r for r in table.rows() if r[0].text == "A")
    assert len(row) == 2
    assert (row[1].col, row[1].col_span) == (1, 4)
    assert _similar(row[1].text, "PHÁT TRIỂN NỀN MÓNG CHO KINH TẾ SỐ VÀ XÃ HỘI SỐ") > 0.9


@pytest.mark.slow
def test_bold_is_seen_in_the_strokes(table, pdf):
    """The header and group rows are bold, the task rows are not (no font in a scan:
    bold is told by stroke width)."""
    got = [c.bold for c in sorted(table.cells, key=lambda c: (c.row, c.col))]
    want = [c.bold for c in sorted(pdf.tables()[0].table.cells, key=lambda c: (c.row, c.col))]
    assert sum(g == w for g, w in zip(got, want)) >= 0.95 * len(want)


@pytest.mark.slow
def test_table_structure_is_the_pdfs(table, pdf):
    """Same rows, same row numbers (misread Roman numerals corrected), same spans:
    OCR may get characters wrong, never the structure."""
    expected = pdf.tables()[0].table
    assert table.n_rows == expected.n_rows
    for got, want in zip(table.rows(), expected.rows()):
        assert [(c.col, c.col_span, c.row_span) for c in got] == \
               [(c.col, c.col_span, c.row_span) for c in want], want[0].text
        assert got[0].text == want[0].text


@pytest.mark.slow
def test_row_cut_by_a_page_break_is_one_row(table):
    """Row 4 ends on page 5 ("…định các nền tảng số…"), row 11 on page 6."""
    rows = {}
    for r in table.rows():
        rows.setdefault(r[0].text, r)  # section A's numbers; B and C number from 1 again
    assert "nền tảng số" in rows["4"][1].text and rows["4"][1].text.startswith("Đề xuất")
    assert "tầng lớp nhân dân" in rows["11"][1].text


@pytest.mark.slow
def test_empty_cells_stay_empty(table):
    row_1 = next(r for r in table.rows() if r[0].text == "1")
    assert row_1[3].text == ""  # no "đơn vị phối hợp"


@pytest.mark.slow
def test_words_agree_with_the_text_layer_pdf(scan, pdf):
    assert word_agreement(scan, pdf) >= MIN_WORDS_VS_PDF
    assert word_agreement(scan, planextract.load(TXT)) >= MIN_WORDS_VS_TEXT


@pytest.mark.slow
def test_table_rows_agree_with_the_text_layer_pdf(scan, pdf):
    assert row_agreement(scan, pdf) >= MIN_ROWS_VS_PDF, "\n".join(row_differences(scan, pdf))


@pytest.mark.slow
def test_blocks_are_the_pdfs(scan, pdf):
    """Headings, list items and paragraphs as in the PDF: same kinds, same numbers."""
    def shape(doc):
        return [(b.page, b.kind, b.number) for b in doc.blocks]
    assert difflib.SequenceMatcher(None, shape(scan), shape(pdf), autojunk=False).ratio() >= 0.97
    romans = [b.number for b in scan.blocks if b.kind == "heading" and b.level == 2]
    assert romans == ["I.", "II.", "III.", "IV."]  # bold "II" is read "H" or "I" unless corrected


@pytest.mark.slow
def test_header_block_and_signature(scan):
    texts = [b.text for b in scan.blocks]
    # The two columns of the header block, left then right, as in the PDF.
    expected = ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK NÔNG", "Số: 292/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Đắk Nông, ngày 01 tháng 6 năm 2022"]
    assert all(_similar(got, want) > 0.9 for got, want in zip(texts[:6], expected)), texts[:6]
    # The small-type "Nơi nhận" list beside the signature block is not woven into it.
    assert any(_similar(t, "CHỦ TỊCH") > 0.85 for t in texts)
    assert any(_similar(t, "Hồ Văn Mười") > 0.85 for t in texts)


@pytest.mark.slow
def test_page_numbers_are_not_text(scan):
    assert not any(b.text.strip().isdigit() or len(b.text.strip()) <= 1 for b in scan.blocks)


# ---------------------------------------------------------------- errors

def test_missing_tesseract_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PLANEXTRACT_TESSERACT", "/nonexistent/tesseract")
    with pytest.raises(OCRUnavailable) as info:
        planextract.load(SCAN)
    message = str(info.value)
    assert str(SCAN) in message
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in message
    assert "scanned PDF" in message


def test_tesseract_without_the_vietnamese_model(monkeypatch, tmp_path):
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\necho 'List of available languages in \"/x\" (2):'\necho eng\necho osd\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PLANEXTRACT_TESSERACT", str(fake))
    with pytest.raises(OCRUnavailable, match="no Vietnamese model") as info:
        planextract.load(SCAN)
    assert str(SCAN) in str(info.value) and "tesseract-ocr-vie" in str(info.value)


def test_page_limit():
    with pytest.raises(TooLarge, match="8 pages, more than the limit of 5"):
        planextract.load(SCAN, max_pages=5)


@needs_tesseract
def test_page_limit_when_called_directly():
    with pytest.raises(TooLarge, match="8 pages"):
        ocr.read_scanned_pdf(SCAN, max_pages=3)


def test_a_hung_tesseract_ends_at_the_time_limit_per_page(monkeypatch, tmp_path):
    """A tesseract that never answers (here: one that sleeps) stops the scan at the limit."""
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo 'List of available languages (1):'; "
                    "echo vie; exit 0; fi\nexec sleep 600\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PLANEXTRACT_TESSERACT", str(fake))
    start = time.monotonic()
    with pytest.raises(TooLarge) as info:
        planextract.load(SCAN, limits=Limits(ocr_seconds=3))
    assert time.monotonic() - start < 60
    assert str(info.value) == (f"{SCAN}: OCR of page 1 took more than 3 s, the limit per page "
                               "(raise it with --max-ocr-seconds or PLANEXTRACT_MAX_OCR_SECONDS)")


@needs_tesseract
def test_page_budget_is_checked_before_each_tesseract_run():
    budget = ocr.PageBudget(str(SCAN), 2, 0.001)
    time.sleep(0.01)
    with pytest.raises(TooLarge, match="OCR of page 2 took more than 0.001 s"):
        ocr.run_tesseract(ocr.tesseract_command(), str(SCAN), [np.full((50, 50), 255, np.uint8)], psm=6,
                          budget=budget)


# ---------------------------------------------------------------- parts, on images built here

def _ruled_table(cut: bool) -> np.ndarray:
    """A 3-column ruled table: header, a group row spanning columns 2-3, a body row, and
    (when `cut`) a last row with no rule below, as at a page break."""
    import cv2
    image = np.full((700, 1200), 255, np.uint8)
    xs, ys = [100, 300, 700, 1100], [100, 200, 300, 450, 600]
    for y in ys[:-1] if cut else ys:
        cv2.line(image, (xs[0], y), (xs[-1], y), 0, 3)
    for x in xs:
        cv2.line(image, (x, ys[0]), (x, ys[-1]), 0, 3)
    cv2.rectangle(image, (xs[1] + 2, ys[1] + 2), (xs[2] + 2, ys[2] - 2), 255, -1)  # merge: no rule
    return image


@pytest.mark.parametrize("cut", [False, True])
def test_merged_cell_is_one_box_and_gets_its_span(cut):
    ink = 255 - _ruled_table(cut)
    ink[ink < 128] = 0
    tables = ocr.find_tables(ink)
    assert len(tables) == 1
    boxes = [ocr._cell_box(*cell) for cell in tables[0].cells]
    cells = grid_cells(boxes)
    assert len(cells) == 3 + 2 + 3 + 3  # the cut last row is a row too
    spans = sorted((c.row, c.col, c.col_span) for c in cells)
    assert (1, 1, 2) in spans and (1, 2, 1) not in spans


def test_skew_is_measured_and_undone():
    import cv2
    image = np.full((1200, 1600), 255, np.uint8)
    for y in range(150, 1050, 60):
        cv2.line(image, (200, y), (1400, y), 0, 8)
    tilted = ocr.rotate(image, 0.8, fill=255)
    angle = ocr.skew_angle(ocr.ink_mask(tilted))
    assert angle == pytest.approx(-0.8, abs=0.05)
    assert abs(ocr.skew_angle(ocr.ink_mask(ocr.straighten(tilted)))) <= 0.05


def test_thick_strokes_are_bold():
    import cv2
    strokes = []
    for width in [4] * 10 + [6, 6]:  # pixels: regular and bold stems
        image = np.zeros((120, 400), np.uint8)
        for x in range(20, 380, 30):
            image[20:100, x:x + width] = 255
        strokes.append(ocr.stroke_width(image))
    assert strokes[0] == pytest.approx(4, rel=0.1)
    assert ocr.is_bold(strokes) == [False] * 10 + [True, True]
    assert ocr.is_bold(strokes[-3:]) == [False] * 3  # too few to know the usual stroke


def _word(text: str, left: int, top: int, bottom: int, line: int = 1) -> ocr.OcrWord:
    return ocr.OcrWord(0, (1, 1, line), text, left, top, left + 80, bottom, 95.0,
                       line_top=100, line_bottom=175)


def test_words_on_one_baseline_share_a_line_whatever_their_marks():
    # "Tổng" reaches higher (stacked marks) and "dụng" lower (dot and g) than "hoa".
    words = [_word("Tổng", 0, 100, 160), _word("hoa", 100, 122, 160), _word("dụng", 200, 115, 175)]
    boxes = ocr.font_boxes(words)
    assert len({round(w.top, 3) for w in boxes}) == 1
    assert boxes[0].top < 160 / ocr.SCALE < boxes[0].bottom


def test_page_number_and_specks_are_dropped():
    page_height = 3000
    words = [ocr.OcrWord(0, (1, 1, 1), "S", 1200, 60, 1230, 100, 80.0, 60, 100),   # "5" misread
             ocr.OcrWord(1, (1, 1, 1), ".:", 500, 900, 520, 910, 70.0, 900, 910),   # specks
             ocr.OcrWord(2, (1, 1, 1), "KẾ", 1000, 400, 1080, 450, 96.0, 400, 450),
             ocr.OcrWord(2, (1, 1, 1), "HOẠCH", 1100, 400, 1300, 450, 96.0, 400, 450)]
    assert [w.text for w in ocr.drop_noise_lines(words, page_height)] == ["KẾ", "HOẠCH"]


def _column(texts: list[str], group: set[int]) -> list[Cell]:
    cells = []
    for row, text in enumerate(texts):
        cells.append(Cell(row, 0, text))
        cells.append(Cell(row, 1, "…", col_span=4 if row in group else 1))
    return cells


def test_misread_row_numbers_are_corrected_by_their_sequence():
    read = ["STT", "A", "l", "1", "2", "H", "3", "IH", "4", "IV", "VỊ", "5", "VH", "6", "VH",
            "B", "1", "2", "3", "4", "S"]
    group = {1, 2, 5, 7, 9, 10, 12, 14, 15}
    cells = _column(read, group)
    ocr.fix_row_numbers(cells)
    assert [c.text for c in cells if c.col == 0] == \
        ["STT", "A", "I", "1", "2", "II", "3", "III", "4", "IV", "VI", "5", "VII", "6", "VII",
         "B", "1", "2", "3", "4", "5"]


def test_row_numbers_read_right_are_kept():
    read = ["1", "2", "2", "a", "b", "h", "i", "7"]   # a repeated number and letters stay as they are
    cells = _column(read, set())
    ocr.fix_row_numbers(cells)
    assert [c.text for c in cells if c.col == 0] == read


def test_misread_heading_numbers_are_corrected_by_their_sequence():
    pieces = [Piece("I. MỤC ĐÍCH, YÊU CẦU"), Piece("1. Mục đích"), Piece("H. MỤC TIÊU"),
              Piece("1. Mục tiêu"), Piece("HI. CÁC NHIỆM VỤ VÀ GIẢI PHÁP"), Piece("IV. TỔ CHỨC"),
              Piece("l. Sở Thông tin"), Piece("Hà Nội. Ngày"), Piece("S. Một câu")]
    ocr.fix_heading_numbers(pieces)
    assert [p.text.split(" ")[0] for p in pieces] == ["I.", "1.", "II.", "1.", "III.", "IV.", "1.", "Hà", "S."]


# ---------------------------------------------------------------- pages in parallel, memory


@needs_tesseract
def test_one_page_thread_reads_the_same_scan(scan, monkeypatch):
    # Batch workers OCR one page at a time; the document must not depend on it.
    monkeypatch.setenv(ocr.PAGE_THREADS_ENV, "1")
    assert ocr.page_threads() == 1
    one = planextract.load(SCAN)
    assert one.text == scan.text
    assert [t.table.row_texts() for t in one.tables()] == [t.table.row_texts() for t in scan.tables()]


def test_pages_are_taken_only_when_a_thread_is_free(monkeypatch):
    monkeypatch.setenv(ocr.PAGE_THREADS_ENV, "2")
    taken, done = [], []

    def jobs():
        for n in range(1, 8):
            taken.append(n)
            # never more than the two running pages and this one are in memory
            assert len(taken) - len(done) <= 3
            yield (n,)

    def work(n):
        done.append(n)
        return n * 10

    assert list(ocr.in_parallel(work, jobs())) == [10, 20, 30, 40, 50, 60, 70]


def test_components_fall_back_to_wide_labels_on_a_noisy_page():
    specks = np.zeros((600, 600), np.uint8)
    specks[::2, ::2] = 255  # 90,000 single-pixel components: more than 16-bit labels hold
    n, labels, stats = ocr.components(specks, connectivity=8)
    assert n == 90_001 and labels.dtype == np.int32 and stats[1:, 4].max() == 1
    n, labels, _ = ocr.components(specks[:100, :100], connectivity=8)
    assert n == 2_501 and labels.dtype == np.uint16
