"""Page images (PNG, JPEG, TIFF) are scans: read through the same OCR as scanned PDFs."""
import pytest
from PIL import Image

import planextract
from planextract.ingest.image import resolution

from ..conftest import CORPUS

SCAN = CORPUS / "dak-nong-292-2022-scan.pdf"


def _page_image(number: int, dpi: int) -> Image.Image:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(SCAN)
    try:
        return pdf[number].render(scale=dpi / 72, grayscale=True).to_pil().copy()
    finally:
        pdf.close()


def test_resolution_is_stated_or_taken_from_an_a4_page():
    assert resolution((300, 300), (3508, 2480)) == 300
    assert resolution((72, 72), (3508, 2480)) == pytest.approx(300, abs=1)   # a phone's default: not believed
    assert resolution(None, (2339, 1654)) == pytest.approx(200, abs=1)


@pytest.mark.slow
def test_png_jpeg_and_tiff_pages_are_ocrd(tmp_path):
    first, second = _page_image(0, 200), _page_image(1, 200)
    first.save(tmp_path / "page.png", dpi=(200, 200))
    first.save(tmp_path / "page.jpg", quality=95)  # no resolution stated
    first.save(tmp_path / "plan.tiff", save_all=True, append_images=[second], dpi=(200, 200))
    from_pdf = planextract.load(SCAN)
    png = planextract.load(tmp_path / "page.png")
    assert png.format == "image" and png.pages == 1 and not png.warnings
    assert "292/KH-UBND" in png.text and "KẾ HOẠCH" in png.text
    assert png.text.split()[:40] == from_pdf.text.split()[:40]  # the same words as the scanned PDF's page
    jpeg = planextract.load(tmp_path / "page.jpg")
    assert "292/KH-UBND" in jpeg.text
    tiff = planextract.load(tmp_path / "plan.tiff")
    assert tiff.pages == 2 and tiff.page_at(len(tiff.text) - 1) == 2
    assert planextract.extract((tmp_path / "page.png").read_bytes()).document.number == "292/KH-UBND"


def test_a_broken_image_is_one_line(tmp_path):
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    with pytest.raises(planextract.PlanextractError, match=r"broken.png: not a readable image"):
        planextract.load(tmp_path / "broken.png")
