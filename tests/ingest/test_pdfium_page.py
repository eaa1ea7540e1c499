"""pdfium's words and lines must be what pdfplumber would give, without its parse."""
from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest

import planextract
from planextract.ingest.pdf import find_tables, read_page
from planextract.ingest.pdfium_page import page_edges, page_text

from ..conftest import CORPUS, RENDERED_PDFS


def _rounded(edges):
    return sorted((e["orientation"], round(e["x0"], 1), round(e["top"], 1), round(e["x1"], 1),
                   round(e["bottom"], 1)) for e in edges)


def _plumber_edges(page):
    """pdfplumber's edges, as its "lines" strategy takes them (edge_min_length_prefilter=1)."""
    return [e for e in page.edges if (e["height"] if e["orientation"] == "v" else e["width"]) >= 1]


@pytest.mark.parametrize("seed", RENDERED_PDFS)
def test_edges_are_pdfplumbers_edges(seed):
    path = CORPUS / f"{seed}.pdf"
    fast = pdfium.PdfDocument(str(path))
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages):
            assert _rounded(page_edges(fast[number])) == _rounded(_plumber_edges(page)), number + 1
    fast.close()


def test_a_hyphen_at_a_line_end_is_kept():
    # Bình Thuận p. 1 breaks "411/QĐ-TTg" after the hyphen; pdfium reports that hyphen as \x02.
    fast = pdfium.PdfDocument(str(CORPUS / "binh-thuan-4181-2022.pdf"))
    _, words = page_text(fast[0])
    texts = [w.text for w in words]
    fast.close()
    assert "411/QĐ-" in texts
    assert not any("\x02" in t for t in texts)


def test_a_text_pdf_is_read_without_pdfplumbers_page_parse(monkeypatch):
    def no_parse(self):
        raise AssertionError("pdfplumber parsed a page")
    monkeypatch.setattr(pdfplumber.page.Page, "parse_objects", no_parse)
    doc = planextract.load(CORPUS / "dong-thap-241-2022.pdf")
    assert len(doc.tables()) == 2
    assert any(c.text == "Sở Y tế" for c in doc.tables()[1].table.cells)


def _pdf(content: bytes, form: bytes) -> bytes:
    """A one-page PDF (A4) whose page draws `content`, with the form XObject /Grid drawing
    `form`, and Helvetica as /F1."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Grid 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length %d >>\nstream\n" % len(form)
        + form + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_stroked_lines_inside_a_scaled_form_make_the_same_table(tmp_path):
    # Another way to draw a table than the corpus's filled rectangles: a 3 × 2 grid of
    # stroked line segments in a form XObject, placed with a scaling matrix.
    grid = b" ".join(b"%d 0 m %d 300 l S" % (x, x) for x in (0, 200, 400)) + b" " + \
        b" ".join(b"0 %d m 400 %d l S" % (y, y) for y in (0, 100, 200, 300))
    text = b"BT /F1 10 Tf 90 690 Td (STT) Tj 150 0 Td (Noi dung) Tj ET " \
           b"BT /F1 10 Tf 90 615 Td (1) Tj 150 0 Td (Cap nhat) Tj ET"
    path = tmp_path / "grid.pdf"
    path.write_bytes(_pdf(b"q 0.75 0 0 0.75 60 500 cm /Grid Do Q " + text, grid))

    fast = pdfium.PdfDocument(str(path))
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        edges = page_edges(fast[0])
        assert _rounded(edges) == _rounded(_plumber_edges(page))
        assert len(edges) == 7
        ours = [t.cells for t in find_tables(page, edges)]
        theirs = [t.cells for t in page.find_tables({"vertical_strategy": "lines",
                                                     "horizontal_strategy": "lines"})]
        assert ours == theirs and len(ours[0]) == 6
        pieces, _ = read_page(fast[0], page, page_text(fast[0])[1], 1)
    fast.close()
    [table] = [p for p in pieces if p.is_table]
    assert [c.text for c in table.cells if c.row == 0] == ["STT", "Noi dung"]
    assert [c.text for c in table.cells if c.row == 1] == ["1", "Cap nhat"]


def _turned(source, target, rotation: int) -> None:
    """`source` with every page stored turned and /Rotate set to show it upright again: how
    a landscape appendix often arrives (a portrait page turned by the viewer)."""
    import pypdf
    from pypdf.generic import RectangleObject
    writer = pypdf.PdfWriter(clone_from=source)
    for page in writer.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        turn = {90: (0, 1, -1, 0, h, 0), 180: (-1, 0, 0, -1, w, h), 270: (0, -1, 1, 0, 0, w)}[rotation]
        page.add_transformation(pypdf.Transformation(turn))
        box = RectangleObject((0, 0, h, w) if rotation in (90, 270) else (0, 0, w, h))
        page.mediabox = page.cropbox = box
        page.rotation = rotation
    writer.write(target)


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_page_shown_turned_reads_as_displayed(corpus, tmp_path, rotation):
    _turned(CORPUS / "dak-nong-292-2022.pdf", tmp_path / "turned.pdf", rotation)
    turned, upright = planextract.load(tmp_path / "turned.pdf"), corpus("dak-nong-292-2022.pdf")
    assert turned.text == upright.text
    assert [t.table.row_texts() for t in turned.tables()] == [t.table.row_texts() for t in upright.tables()]
