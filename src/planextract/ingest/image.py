"""Scanned page images (PNG, JPEG, TIFF; every page of a multi-page TIFF) → Document,
through the same OCR as a scanned PDF (`ocr.read_page_images`).

OCR's thresholds are in points at the DPI scanned PDFs are rendered at, so each image is
scaled to that DPI first: from the resolution the file states, or — when it states none or
an implausible one (phone photos and screenshots say 72 or nothing) — from the width of an
A4 page, which is what Vietnamese plans are printed on.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from ..document import Document
from ..errors import CorruptFile, EmptyDocument, OCRUnavailable, TooLarge
from ..limits import BY_FIELD, how_to_raise
from .ocr import DPI, SCALE, check_tesseract, read_page_images

A4_SHORT_SIDE = 8.27           # inches
PLAUSIBLE_DPI = (100, 1200)    # a stated resolution outside this is not believed


def read_image(path: Path, *, max_pages: int, ocr: bool = True,
               ocr_seconds: float = BY_FIELD["ocr_seconds"].default) -> Document:
    from PIL import Image
    source = str(path)
    if not ocr:
        raise OCRUnavailable(source, "a scanned page image can only be read with OCR (turned off by --no-ocr)")
    try:
        image = Image.open(path)
        pages = getattr(image, "n_frames", 1)
    except Image.DecompressionBombError:
        raise TooLarge(source, "the image is larger than an image of a page can be") from None
    except Exception as err:  # PIL raises UnidentifiedImageError, OSError, SyntaxError … on broken files
        raise CorruptFile(source, f"not a readable image ({type(err).__name__})") from None
    if pages > max_pages:
        image.close()
        raise TooLarge(source, f"the image has {pages} pages, more than the limit of {max_pages} "
                               f"({how_to_raise('pages')})")
    command = check_tesseract(source)
    return read_page_images(source, command, _pages(image, pages, source), fmt="image",
                            page_seconds=ocr_seconds)


def _pages(image, pages: int, source: str) -> Iterator[tuple[np.ndarray, tuple[float, float]]]:
    """Each page grey at DPI, with its size in points; one page in memory at a time."""
    import cv2
    with image:
        for i in range(pages):
            try:
                image.seek(i)
                grey = np.array(image.convert("L"))
            except Exception as err:
                raise CorruptFile(source, f"page {i + 1} of the image cannot be decoded "
                                          f"({type(err).__name__})") from None
            if grey.size == 0:
                raise EmptyDocument(source, f"page {i + 1} of the image is empty")
            factor = DPI / resolution(image.info.get("dpi"), grey.shape)
            if abs(factor - 1) > 0.02:
                grey = cv2.resize(grey, None, fx=factor, fy=factor,
                                  interpolation=cv2.INTER_CUBIC if factor > 1 else cv2.INTER_AREA)
            height, width = grey.shape
            yield grey, (width / SCALE, height / SCALE)


def resolution(stated, shape: tuple[int, int]) -> float:
    """Dots per inch of a page image: as stated when plausible, else from an A4 page's width."""
    try:
        dpi = float(stated[0])
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if PLAUSIBLE_DPI[0] <= dpi <= PLAUSIBLE_DPI[1]:
        return dpi
    return min(shape) / A4_SHORT_SIDE
