"""Scanned PDF (page images, no text layer) → Document, through tesseract `vie`.

Per page: render at ~300 dpi (pypdfium2), straighten the small rotation of the
scan, find ruled tables from their long lines (OpenCV), OCR the text outside
the tables as one block and every table cell on its own (one tesseract run per
page for each), then hand the words to the same machinery as the text-layer
PDF reader: `layout` for reading order and paragraphs, `tables.grid_cells` for
spans, `pdf.join_across_pages` for tables and rows continued on the next page.
Pages are OCR'd two at a time (tesseract itself single-threaded).
"""
from __future__ import annotations

import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..document import Document
from ..errors import CorruptFile, EmptyDocument, OCRUnavailable, TooLarge
from .assemble import Piece, assemble
from .layout import Word, drop_running_heads, group_lines, paragraphs, reading_order
from .tables import BoxCell, grid_cells

TESSERACT_ENV = "PLANEXTRACT_TESSERACT"
LANGUAGE = "vie"
DPI = 300
SCALE = DPI / 72                 # pixels per point of the rendered page
WORKERS = 2                      # pages OCR'd at the same time
TESSERACT_TIMEOUT = 600          # seconds for one tesseract run
INSTALL_HINT = ("install tesseract with its Vietnamese model, e.g. "
                "`apt-get install tesseract-ocr tesseract-ocr-vie` (Debian/Ubuntu) or "
                "`brew install tesseract tesseract-lang` (macOS), or point "
                f"{TESSERACT_ENV} at the tesseract binary")

MAX_SKEW = 2.0                   # degrees: scans are straighter than this
H_RULE = 30.0                    # points: a horizontal run of ink this long is a rule
V_RULE = 12.0                    # points: a vertical one (a one-line row is ~21 pt high)
MIN_CELL = 5.0                   # points: a thinner region between rules is not a cell
MIN_TABLE_WIDTH = 0.25           # share of the page width
MIN_INK = 40                     # pixels: less ink than this in a cell is noise (specks)


def tesseract_command() -> str:
    return os.environ.get(TESSERACT_ENV, "tesseract")


def _tesseract_env() -> dict[str, str]:
    # One thread per tesseract: the pages run in parallel instead.
    return dict(os.environ, OMP_THREAD_LIMIT="1")


def check_tesseract(source: str) -> str:
    """The tesseract command, once it is known to run and to have the Vietnamese model."""
    command = tesseract_command()
    why = f"the scanned PDF (no text layer) needs OCR: {INSTALL_HINT}"
    try:
        result = subprocess.run([command, "--list-langs"], capture_output=True, text=True,
                                timeout=60, env=_tesseract_env())
    except (OSError, subprocess.SubprocessError) as err:
        raise OCRUnavailable(source, f"tesseract ({command}) cannot be run "
                                     f"({type(err).__name__}); {why}") from None
    languages = (result.stdout + result.stderr).split()
    if LANGUAGE not in languages:
        raise OCRUnavailable(source, f"tesseract ({command}) has no Vietnamese model "
                                     f"('{LANGUAGE}' is not in `tesseract --list-langs`); {why}")
    return command


def read_scanned_pdf(path: Path, *, max_pages: int) -> Document:
    from .pdf import join_across_pages  # pdf imports this module lazily
    source = str(path)
    command = check_tesseract(source)
    images, sizes = render_pages(path, max_pages)
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(lambda args: read_page(command, source, *args),
                                [(image, size, n) for n, (image, size)
                                 in enumerate(zip(images, sizes), start=1)]))
    pieces = [piece for page_pieces, _ in results for piece in page_pieces]
    raw = "\f".join(raw for _, raw in results)
    if not any(p.text.strip() or p.is_table for p in pieces):
        raise EmptyDocument(source, "OCR found no text on the scanned pages")
    return assemble(join_across_pages(pieces), source=source, fmt="scan", raw_text=raw,
                    pages=len(images))


# ---------------------------------------------------------------- rendering

def render_pages(path: Path, max_pages: int) -> tuple[list[np.ndarray], list[tuple[float, float]]]:
    """Grey page images at DPI and page sizes in points (pdfium is not thread-safe:
    all rendering happens here, before the pages go to the workers)."""
    import pypdfium2 as pdfium
    source = str(path)
    try:
        pdf = pdfium.PdfDocument(path)
    except Exception as err:  # pdfium raises PdfiumError and others on broken files
        raise CorruptFile(source, f"not a readable PDF ({type(err).__name__})") from None
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise EmptyDocument(source, "the PDF has no pages")
        if n_pages > max_pages:
            raise TooLarge(source, f"the PDF has {n_pages} pages, more than the limit of "
                                   f"{max_pages} (raise it with --max-pages or PLANEXTRACT_MAX_PAGES)")
        images, sizes = [], []
        for i in range(n_pages):
            page = pdf[i]
            try:
                bitmap = page.render(scale=SCALE, grayscale=True)
                images.append(np.array(bitmap.to_pil().convert("L")))
                sizes.append(page.get_size())
            except Exception as err:
                raise CorruptFile(source, f"page {i + 1} cannot be rendered "
                                          f"({type(err).__name__})") from None
        return images, sizes
    finally:
        pdf.close()


# ---------------------------------------------------------------- image clean-up

def ink_mask(grey: np.ndarray) -> np.ndarray:
    """Ink = 255, paper = 0 (Otsu on a lightly smoothed page)."""
    import cv2
    blurred = cv2.GaussianBlur(grey, (3, 3), 0)
    _, ink = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def skew_angle(ink: np.ndarray) -> float:
    """The rotation (degrees, OpenCV's sense) that makes text lines and rules horizontal:
    the one whose row profile of ink is sharpest."""
    import cv2
    small = cv2.resize(ink, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)

    def sharpness(angle: float) -> float:
        rows = rotate(small, angle, fill=0).sum(axis=1, dtype=np.float64)
        return float(np.sum(np.diff(rows) ** 2))

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.1), key=sharpness)
    return float(max(np.arange(coarse - 0.1, coarse + 0.1 + 1e-9, 0.01), key=sharpness))


def rotate(image: np.ndarray, angle: float, *, fill: int) -> np.ndarray:
    import cv2
    h, w = image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)


def straighten(grey: np.ndarray) -> np.ndarray:
    angle = skew_angle(ink_mask(grey))
    return rotate(grey, angle, fill=255) if abs(angle) >= 0.02 else grey


def denoise(grey: np.ndarray) -> np.ndarray:
    """Paper tone, JPEG noise and specks off, the grey edges of strokes kept: on a
    page that is nearly all paper, tesseract would otherwise read the noise as text."""
    import cv2
    smooth = cv2.medianBlur(grey, 3)
    threshold, _ = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return np.where(smooth > threshold, 255, smooth).astype(np.uint8)


# ---------------------------------------------------------------- ruled tables

@dataclass
class TableImage:
    """A ruled table found in the page image (pixels)."""
    x0: int
    top: int
    x1: int
    bottom: int
    cells: list[tuple[int, int, int, int]]   # x0, top, x1, bottom of each cell's inside
    rules: np.ndarray                        # the rule mask of the whole page


def rule_masks(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Long horizontal and vertical runs of ink: the rules of tables (text has none)."""
    import cv2
    h_len, v_len = int(H_RULE * SCALE), int(V_RULE * SCALE)
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    return horizontal, vertical


def find_tables(ink: np.ndarray) -> list[TableImage]:
    import cv2
    horizontal, vertical = rule_masks(ink)
    # Close the small breaks noise leaves in a rule.
    rules = cv2.dilate(horizontal | vertical, np.ones((5, 5), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(rules, connectivity=8)
    tables = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w < MIN_TABLE_WIDTH * ink.shape[1] or h < 2 * V_RULE * SCALE:
            continue
        grid = np.where(labels[y:y + h, x:x + w] == i, 255, 0).astype(np.uint8)
        if not vertical[y:y + h, x:x + w].any():
            continue
        close_cut_rows(grid, vertical[y:y + h, x:x + w])
        cells = [(x + cx0, y + cy0, x + cx1, y + cy1) for cx0, cy0, cx1, cy1 in cell_regions(grid)]
        if len(cells) >= 2:
            tables.append(TableImage(x, y, x + w, y + h, cells, rules))
    return sorted(tables, key=lambda t: t.top)


def close_cut_rows(grid: np.ndarray, vertical: np.ndarray) -> None:
    """A row cut by the page break has no rule below (or above): draw one where the
    vertical rules end, so that the cut row is a row."""
    rows = np.flatnonzero(vertical.any(axis=1))
    thickness = 5
    grid[max(rows[0] - thickness // 2, 0):rows[0] + thickness // 2 + 1, :] = 255
    grid[max(rows[-1] - thickness // 2, 0):rows[-1] + thickness // 2 + 1, :] = 255


def cell_regions(grid: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The enclosed regions between rules: one per cell, a merged cell being one region."""
    import cv2
    n, _, stats, _ = cv2.connectedComponentsWithStats(255 - grid, connectivity=4)
    h, w = grid.shape
    min_size = MIN_CELL * SCALE
    out = []
    for i in range(1, n):
        x, y, cw, ch, _ = stats[i]
        touches_edge = x == 0 or y == 0 or x + cw == w or y + ch == h
        if not touches_edge and cw >= min_size and ch >= min_size:
            out.append((x, y, x + cw, y + ch))
    return out


# ---------------------------------------------------------------- tesseract

@dataclass
class OcrWord:
    image: int       # index of the image in the tesseract run
    line: tuple      # (block, paragraph, line) inside that image
    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float


def run_tesseract(command: str, source: str, images: list[np.ndarray], psm: int) -> list[OcrWord]:
    """OCR several images in one tesseract run (the model is loaded once); words with
    their image index and line boxes."""
    import cv2
    if not images:
        return []
    with tempfile.TemporaryDirectory(prefix="planextract-ocr-") as tmp:
        names = []
        for i, image in enumerate(images):
            name = os.path.join(tmp, f"{i:04d}.png")
            cv2.imwrite(name, image)
            names.append(name)
        listing = os.path.join(tmp, "images.txt")
        Path(listing).write_text("\n".join(names) + "\n", encoding="utf-8")
        try:
            result = subprocess.run([command, listing, "stdout", "-l", LANGUAGE, "--psm", str(psm),
                                     "--dpi", str(DPI), "tsv"], capture_output=True,
                                    timeout=TESSERACT_TIMEOUT, env=_tesseract_env())
        except (OSError, subprocess.SubprocessError) as err:
            raise OCRUnavailable(source, f"tesseract ({command}) failed ({type(err).__name__}); "
                                         f"{INSTALL_HINT}") from None
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise OCRUnavailable(source, f"tesseract ({command}) failed: {detail[0]}")
    return parse_tsv(result.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[OcrWord]:
    """Words of tesseract's TSV output; each word's top/bottom are its line's, so that
    the words of one line share a top whatever their diacritics."""
    lines: dict[tuple, tuple[int, int]] = {}
    words: list[OcrWord] = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12:
            continue
        level, page, block, par, line = (int(v) for v in f[:5])
        left, top, width, height = (int(v) for v in f[6:10])
        key = (page, block, par, line)
        if level == 4:
            lines[key] = (top, top + height)
        elif level == 5 and f[11].strip():
            words.append(OcrWord(page - 1, key[1:], f[11].strip(), left, top, left + width,
                                 top + height, float(f[10])))
    for w in words:
        w.top, w.bottom = lines.get((w.image + 1, *w.line), (w.top, w.bottom))
    return words


# ---------------------------------------------------------------- one page

def read_page(command: str, source: str, grey: np.ndarray, size: tuple[float, float],
              number: int) -> tuple[list[Piece], str]:
    """One page image → its pieces in reading order, and its raw text."""
    from .pdf import in_reading_order
    grey = denoise(straighten(grey))
    ink = ink_mask(grey)
    tables = find_tables(ink)
    text_image = grey.copy()
    for t in tables:
        text_image[t.top:t.bottom, t.x0:t.x1] = 255
    width, height = size
    words = [_word(w) for w in run_tesseract(command, source, [text_image], psm=PAGE_PSM)
             if keep_word(w)]
    lines = drop_running_heads(group_lines(words), height)
    items = paragraphs(reading_order(lines, width), number)
    table_items = [(t.top / SCALE, table_piece(command, source, grey, ink, t, number)) for t in tables]
    raw = "\n".join(l.text for l in lines)
    return in_reading_order(items, table_items), raw


PAGE_PSM = 6        # one uniform block: the two columns of a header share their lines
CELL_PSM = 6


def keep_word(w: OcrWord) -> bool:
    """Drop what tesseract read into specks and rule remnants."""
    return w.conf >= 0 and any(ch.isalnum() for ch in w.text) or w.conf >= 60


def table_piece(command: str, source: str, grey: np.ndarray, ink: np.ndarray,
                table: TableImage, number: int) -> Piece:
    crops, boxes = [], []
    for x0, top, x1, bottom in table.cells:
        boxes.append(_cell_box(table, x0, top, x1, bottom))
        crops.append(cell_image(grey, ink, table.rules, x0, top, x1, bottom))
    wanted = [i for i, crop in enumerate(crops) if crop is not None]
    words = run_tesseract(command, source, [crops[i] for i in wanted], psm=CELL_PSM)
    texts: dict[int, list[str]] = {}
    for w in words:
        if keep_word(w):
            texts.setdefault(wanted[w.image], []).append(w.text)
    for i, box in enumerate(boxes):
        box.text = " ".join(texts.get(i, []))
    return Piece(page=number, cells=grid_cells(boxes))


def _cell_box(table: TableImage, x0: int, top: int, x1: int, bottom: int) -> BoxCell:
    """The cell's box in points, out to the middle of its rules, so that neighbours share edges."""
    half_rule = 4  # pixels: half the dilated rule around the region
    return BoxCell((x0 - half_rule) / SCALE, (top - half_rule) / SCALE,
                   (x1 + half_rule) / SCALE, (bottom + half_rule) / SCALE, text="")


def cell_image(grey: np.ndarray, ink: np.ndarray, rules: np.ndarray,
               x0: int, top: int, x1: int, bottom: int) -> np.ndarray | None:
    """The inside of a cell, rules whitened, on a white margin; None when it holds no text."""
    import cv2
    crop = grey[top:bottom, x0:x1].copy()
    crop[rules[top:bottom, x0:x1] > 0] = 255
    cell_ink = ink[top:bottom, x0:x1].copy()
    cell_ink[rules[top:bottom, x0:x1] > 0] = 0
    n, _, stats, _ = cv2.connectedComponentsWithStats(cell_ink, connectivity=8)
    if n <= 1 or stats[1:, cv2.CC_STAT_AREA].max() < MIN_INK:
        return None
    return cv2.copyMakeBorder(crop, 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255)


def _word(w: OcrWord) -> Word:
    return Word(w.text, w.left / SCALE, w.right / SCALE, w.top / SCALE, w.bottom / SCALE)
