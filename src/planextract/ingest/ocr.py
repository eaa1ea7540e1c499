"""Scanned PDF (page images, no text layer) → Document, through tesseract `vie`.

Per page: render at 350 dpi (pypdfium2), straighten the small rotation of the
scan, find ruled tables from their long rules (OpenCV morphology; a merged cell is
one enclosed region, so `tables.grid_cells` gives it its span), then OCR with the
tesseract binary: the text outside tables block by block, every table cell on its
own (one tesseract run per page for each). The words go through the same machinery
as the text-layer PDF reader: `layout` for lines, reading order and paragraphs (OCR
boxes are turned into font boxes around the baseline, in points, so its thresholds
hold), `pdf.join_across_pages` for tables and rows continued on the next page.
Bold, which a scan has no font for, is told by stroke width. Last, row and heading
numbers that OCR misread ("II" → "H") are put right by the sequence they run in.
Pages are OCR'd two at a time (one in a batch, where --workers sets the cores),
tesseract single-threaded; a page is rendered only when a thread is free for it, so memory
does not grow with the length of the scan.

The strokes are not smoothed or thresholded before OCR: that loses the small hook
of the hỏi tone mark in 12 pt table text (tổ → tố); only the paper is whitened and
specks away from text removed.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
import time
import unicodedata
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..document import Cell, Document
from ..errors import CorruptFile, EmptyDocument, OCRUnavailable, TooLarge
from ..limits import BY_FIELD, how_to_raise
from .assemble import Piece, assemble
from .layout import HEADER_BAND, Word, drop_running_heads, group_lines, paragraphs, reading_order
from .tables import BoxCell, grid_cells

TESSERACT_ENV = "PLANEXTRACT_TESSERACT"
LANGUAGE = "vie"
DPI = 350                        # render resolution: the tone marks of 12 pt table text need it
SCALE = DPI / 72                 # pixels per point of the rendered page
PAGE_THREADS_ENV = "PLANEXTRACT_OCR_THREADS"
PAGE_THREADS = 2                 # pages OCR'd at the same time (batch workers: 1, see batch.py)
TESSERACT_TIMEOUT = 600          # seconds for one tesseract run outside a page's own limit
INSTALL_HINT = ("install tesseract with its Vietnamese model, e.g. "
                "`apt-get install tesseract-ocr tesseract-ocr-vie` (Debian/Ubuntu) or "
                "`brew install tesseract tesseract-lang` (macOS), or point "
                f"{TESSERACT_ENV} at the tesseract binary")

MAX_SKEW = 2.0                   # degrees: scans are straighter than this
H_RULE = 30.0                    # points: a horizontal run of ink this long is a rule
V_RULE = 12.0                    # points: a vertical one (a one-line row is ~21 pt high)
MIN_CELL = 5.0                   # points: a thinner region between rules is not a cell
MIN_TABLE_WIDTH = 0.25           # share of the page width
MIN_INK = 1.7                    # square points: less ink than this in a cell is specks, no text
GLYPH_AREA = 2.5                 # square points: an ink blob this big is (part of) a letter
MARK_REACH = 8.5                 # points: tone marks, dots and a dash sit this close to letters
PAPER_MARGIN = 8                 # grey levels below the paper tone that are still paper
BLOCK_JOIN_X = 12.0              # points: wider than a justified word gap, narrower than a column gap
BLOCK_JOIN_Y = 8.0               # points: the gap between lines and paragraphs of one column
BLOCK_PAD = 10                   # pixels of white around a block or cell given to tesseract
PAGE_PSM = 6                     # tesseract page segmentation for a block: one column of lines
CELL_PSM = 6                     # … and for a cell
RULE_REMNANTS = set("_|¦~")      # what tesseract reads into leftovers of a rule
BOLD_STROKE = 1.18               # strokes this much thicker than the page's (table's) usual: bold
MIN_BOLD_SAMPLE = 8              # words (cells) needed to know the usual stroke
DESCENDERS = set("gpqyjQạặậẹệịọộợụựỵẠẶẬẸỆỊỌỘỢỤỰỴ,;()[]{}|/")  # below the baseline
LINE_BOX_EMS = 1.3               # a line's ink box, from stacked tone marks to descenders, in ems
ASCENT, DESCENT = 0.89, 0.22     # of the font box around the baseline (Times-like fonts), in ems


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


def read_scanned_pdf(path: Path, *, max_pages: int,
                     page_seconds: float = BY_FIELD["ocr_seconds"].default) -> Document:
    source = str(path)
    command = check_tesseract(source)
    return read_page_images(source, command, rendered_pages(path, max_pages), fmt="scan",
                            page_seconds=page_seconds)


def read_page_images(source: str, command: str, pages: Iterator[tuple[np.ndarray, tuple[float, float]]],
                     fmt: str, page_seconds: float = BY_FIELD["ocr_seconds"].default) -> Document:
    """Grey page images at DPI (and their sizes in points) → the Document: every page OCR'd,
    then the same joining of tables across pages and repair of numbers. `page_seconds`: the
    most OCR of one page may take (a hung or crawling tesseract ends the document with
    TooLarge instead of holding it for ever)."""
    from .pdf import join_across_pages  # pdf imports this module lazily
    results = list(in_parallel(
        lambda n, image, size: read_page(command, source, image, size, n, PageBudget(source, n, page_seconds)),
        ((n, image, size) for n, (image, size) in enumerate(pages, start=1))))
    pieces = [piece for page_pieces, _ in results for piece in page_pieces]
    raw = "\f".join(raw for _, raw in results)
    if not any(p.text.strip() or p.is_table for p in pieces):
        raise EmptyDocument(source, "OCR found no text on the scanned pages")
    pieces = join_across_pages(pieces)
    fix_heading_numbers(pieces)
    for piece in pieces:
        if piece.is_table:
            fix_row_numbers(piece.cells)
    return assemble(pieces, source=source, fmt=fmt, raw_text=raw, pages=len(results))


def page_threads() -> int:
    return max(1, int(os.environ.get(PAGE_THREADS_ENV) or PAGE_THREADS))


def in_parallel(work, jobs: Iterator[tuple]) -> Iterator:
    """work(*job) for each job on page_threads() threads, results in order. A job is taken
    from `jobs` (here: a page is rendered) only when a thread is about to be free, so no
    more than threads + 1 page images are in memory, however long the scan."""
    threads = page_threads()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        running: deque = deque()
        for job in jobs:
            if len(running) >= threads:
                yield running.popleft().result()
            running.append(pool.submit(work, *job))
        while running:
            yield running.popleft().result()


# ---------------------------------------------------------------- rendering

def rendered_pages(path: Path, max_pages: int) -> Iterator[tuple[np.ndarray, tuple[float, float]]]:
    """Grey page images at DPI and page sizes in points, one at a time (pdfium is not
    thread-safe: all rendering happens in the calling thread). The file is checked
    (readable, has pages, not too many) before the first page is asked for."""
    import pypdfium2 as pdfium
    from .pdf import check_page_count  # pdf imports this module lazily
    source = str(path)
    try:
        pdf = pdfium.PdfDocument(path)
    except Exception as err:  # pdfium raises PdfiumError and others on broken files
        raise CorruptFile(source, f"not a readable PDF ({type(err).__name__})") from None
    try:
        check_page_count(source, len(pdf), max_pages)
    except (EmptyDocument, TooLarge):
        pdf.close()
        raise
    return _render_each(pdf, source)


def _render_each(pdf, source: str) -> Iterator[tuple[np.ndarray, tuple[float, float]]]:
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                bitmap = page.render(scale=SCALE, grayscale=True)
                yield np.array(bitmap.to_numpy()), page.get_size()  # a copy: the bitmap is freed
            except Exception as err:
                raise CorruptFile(source, f"page {i + 1} cannot be rendered "
                                          f"({type(err).__name__})") from None
    finally:
        pdf.close()


# ---------------------------------------------------------------- image clean-up

def ink_mask(grey: np.ndarray) -> np.ndarray:
    """Ink = 255, paper = 0 (Otsu; the median filter keeps JPEG noise out of the mask)."""
    import cv2
    _, ink = cv2.threshold(cv2.medianBlur(grey, 3), 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
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


def components(mask: np.ndarray, connectivity: int) -> tuple[int, np.ndarray, np.ndarray]:
    """Connected components (count, labels, stats) with 16-bit labels, half the memory of
    OpenCV's default on a 350 dpi page, unless there are too many components for them."""
    import cv2
    try:
        n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=connectivity,
                                                                ltype=cv2.CV_16U)
    except cv2.error:  # more than 65,535 components (a very noisy scan)
        n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=connectivity,
                                                                ltype=cv2.CV_32S)
    return n, labels, stats


def clean_page(grey: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """Paper white, specks away from text gone, strokes untouched. No smoothing of the
    strokes: blurring or thresholding them loses the small hook of the hỏi tone mark,
    which tesseract then reads as a sắc (tổ → tố)."""
    import cv2
    n, labels, stats = components(ink, connectivity=8)
    big = np.zeros(n, bool)
    big[1:] = stats[1:, cv2.CC_STAT_AREA] >= GLYPH_AREA * SCALE ** 2
    reach = int(MARK_REACH * SCALE)
    near_text = cv2.dilate(big[labels].astype(np.uint8),
                           cv2.getStructuringElement(cv2.MORPH_RECT, (reach, reach)))
    paper = float(np.median(grey))
    return np.where((near_text > 0) & (grey < paper - PAPER_MARGIN), grey, 255).astype(np.uint8)


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
    del horizontal
    n, labels, stats = components(rules, connectivity=8)
    tables = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w < MIN_TABLE_WIDTH * ink.shape[1] or h < 2 * V_RULE * SCALE:
            continue
        grid = np.where(labels[y:y + h, x:x + w] == i, np.uint8(255), np.uint8(0))  # not int64
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
    n, _, stats = components(255 - grid, connectivity=4)
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
    line_top: int = 0
    line_bottom: int = 0
    bold: bool = False

    def moved(self, dx: int, dy: int) -> "OcrWord":
        return OcrWord(self.image, self.line, self.text, self.left + dx, self.top + dy,
                       self.right + dx, self.bottom + dy, self.conf,
                       self.line_top + dy, self.line_bottom + dy)


@dataclass
class PageBudget:
    """The time the OCR of one page may take, from when its work began."""
    source: str
    page: int
    seconds: float
    deadline: float = field(init=False)

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.seconds

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self.exceeded()
        return left

    def exceeded(self) -> TooLarge:
        return TooLarge(self.source, f"OCR of page {self.page} took more than {self.seconds:g} s, the limit "
                                     f"per page ({how_to_raise('ocr_seconds')})")


def run_tesseract(command: str, source: str, images: list[np.ndarray], psm: int,
                  budget: PageBudget | None = None) -> list[OcrWord]:
    """OCR several images in one tesseract run (the model is loaded once); words with
    their image index and line boxes. With a page's `budget`, the run may take only
    what is left of it."""
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
        timeout = budget.remaining() if budget else TESSERACT_TIMEOUT
        try:
            result = subprocess.run([command, listing, "stdout", "-l", LANGUAGE, "--psm", str(psm),
                                     "--dpi", str(DPI), "tsv"], capture_output=True,
                                    timeout=timeout, env=_tesseract_env())
        except subprocess.TimeoutExpired:
            if budget:
                raise budget.exceeded() from None
            raise OCRUnavailable(source, f"tesseract ({command}) ran longer than {TESSERACT_TIMEOUT} s") from None
        except (OSError, subprocess.SubprocessError) as err:
            raise OCRUnavailable(source, f"tesseract ({command}) failed ({type(err).__name__}); "
                                         f"{INSTALL_HINT}") from None
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise OCRUnavailable(source, f"tesseract ({command}) failed: {detail[0]}")
    return parse_tsv(result.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[OcrWord]:
    """Words of tesseract's TSV output, each with the box of its line."""
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
            text = unicodedata.normalize("NFC", f[11].strip())
            words.append(OcrWord(page - 1, key[1:], text, left, top, left + width,
                                 top + height, float(f[10])))
    for w in words:
        w.line_top, w.line_bottom = lines.get((w.image + 1, *w.line), (w.top, w.bottom))
    return words


# ---------------------------------------------------------------- one page

def read_page(command: str, source: str, grey: np.ndarray, size: tuple[float, float],
              number: int, budget: PageBudget | None = None) -> tuple[list[Piece], str]:
    """One page image → its pieces in reading order, and its raw text."""
    from .pdf import in_reading_order
    grey = straighten(grey)
    ink = ink_mask(grey)
    tables = find_tables(ink)
    clean = clean_page(grey, ink)
    text_image = clean.copy()
    for t in tables:
        text_image[t.top:t.bottom + 1, t.x0:t.x1 + 1] = 255
    width, height = size
    words = drop_noise_lines([w for w in read_text_blocks(command, source, text_image, budget) if keep_word(w)],
                             text_image.shape[0])
    mark_bold(words, ink)
    words = font_boxes(words)
    lines = drop_running_heads(group_lines(words), height)
    items = paragraphs(reading_order(lines, width), number)
    table_items = [(t.top / SCALE, table_piece(command, source, clean, ink, t, number, budget)) for t in tables]
    raw = "\n".join(l.text for l in lines)
    return in_reading_order(items, table_items), raw


def read_text_blocks(command: str, source: str, image: np.ndarray,
                     budget: PageBudget | None = None) -> list[OcrWord]:
    """OCR the text outside tables block by block (one tesseract run): a block is one
    column of lines, so tesseract does not weave the small-type "Nơi nhận" list and
    the signature block beside it into the same lines."""
    blocks = text_blocks(image)
    crops = [np.pad(crop, BLOCK_PAD, constant_values=255) for _, _, crop in blocks]
    words = run_tesseract(command, source, crops, psm=PAGE_PSM, budget=budget)
    return [w.moved(blocks[w.image][0] - BLOCK_PAD, blocks[w.image][1] - BLOCK_PAD) for w in words]


def text_blocks(image: np.ndarray) -> list[tuple[int, int, np.ndarray]]:
    """(x, y, crop) of each block of text: ink joined across word gaps and line gaps,
    not across the wider gap between two columns."""
    import cv2
    ink = (image < 128).astype(np.uint8)
    if not ink.any():
        return []
    join = cv2.getStructuringElement(cv2.MORPH_RECT, (int(BLOCK_JOIN_X * SCALE), int(BLOCK_JOIN_Y * SCALE)))
    n, labels, stats = components(cv2.dilate(ink, join), connectivity=8)
    blocks = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        crop = np.where(labels[y:y + h, x:x + w] == i, image[y:y + h, x:x + w], 255).astype(np.uint8)
        blocks.append((int(x), int(y), crop))
    return sorted(blocks, key=lambda b: (b[1], b[0]))


def font_boxes(words: list[OcrWord]) -> list[Word]:
    """OCR boxes hug the ink (tone marks above, descenders below), the PDF reader's boxes
    are font boxes around the baseline. Give each word the font box of its line's
    baseline, so that words on one baseline share a top whatever their marks, as
    `layout` expects."""
    by_line: dict[tuple, list[OcrWord]] = {}
    for w in words:
        by_line.setdefault((w.image, w.line), []).append(w)
    out = []
    for line in by_line.values():
        em = (line[0].line_bottom - line[0].line_top) / LINE_BOX_EMS
        on_baseline = [w.bottom for w in line if not set(w.text) & DESCENDERS]
        baseline = float(np.median(on_baseline)) if on_baseline else line[0].line_bottom - DESCENT * em
        top, bottom = (baseline - ASCENT * em) / SCALE, (baseline + DESCENT * em) / SCALE
        out += [Word(w.text, w.left / SCALE, w.right / SCALE, top, bottom, bold=w.bold) for w in line]
    return out


def mark_bold(words: list[OcrWord], ink: np.ndarray) -> None:
    strokes = [stroke_width(ink[max(w.top, 0):w.bottom, max(w.left, 0):w.right]) for w in words]
    for w, bold in zip(words, is_bold(strokes)):
        w.bold = bold


def keep_word(w: OcrWord) -> bool:
    """Drop what tesseract read into specks and rule remnants."""
    if set(w.text) <= RULE_REMNANTS:
        return False
    return w.conf >= 0 and any(ch.isalnum() for ch in w.text) or w.conf >= 60


def drop_noise_lines(words: list[OcrWord], page_height: int) -> list[OcrWord]:
    """Drop the lines that are not text of the plan: punctuation only (specks, stamps),
    or a lone short token in the top or bottom band, the page number whatever
    tesseract made of its digits ("5" → "S")."""
    band = HEADER_BAND * page_height
    by_line: dict[tuple, list[OcrWord]] = {}
    for w in words:
        by_line.setdefault((w.image, w.line), []).append(w)
    out = []
    for line in by_line.values():
        text = " ".join(w.text for w in line)
        in_band = line[0].line_top < band or line[0].line_bottom > page_height - band
        if not any(ch.isalnum() for ch in text) or (in_band and len(line) == 1 and len(text) <= 3):
            continue
        out += line
    return out


def table_piece(command: str, source: str, clean: np.ndarray, ink: np.ndarray,
                table: TableImage, number: int, budget: PageBudget | None = None) -> Piece:
    """OCR each cell on its own (one tesseract run for all of them) and make a grid."""
    boxes = [_cell_box(*cell) for cell in table.cells]
    crops = [cell_image(clean, ink, table.rules, *cell) for cell in table.cells]
    wanted = [i for i, crop in enumerate(crops) if crop is not None]
    texts: dict[int, list[str]] = {}
    for w in run_tesseract(command, source, [crops[i] for i in wanted], psm=CELL_PSM, budget=budget):
        if keep_word(w):
            texts.setdefault(wanted[w.image], []).append(w.text)
    strokes = [stroke_width(np.where(table.rules[top:bottom, x0:x1] > 0, 0, ink[top:bottom, x0:x1]))
               if i in texts else None for i, (x0, top, x1, bottom) in enumerate(table.cells)]
    for i, (box, bold) in enumerate(zip(boxes, is_bold(strokes))):
        box.text, box.bold = " ".join(texts.get(i, [])), bold
    cells = grid_cells(boxes)
    for cell in cells:
        cell.page = number  # rows of a table continued over pages keep their own page
    return Piece(page=number, cells=cells)


def stroke_width(ink: np.ndarray) -> float | None:
    """The mean width of the strokes of some ink, in pixels: twice its area over its outline."""
    import cv2
    ink = (ink > 0).astype(np.uint8)
    area = int(ink.sum())
    if area < MIN_INK * SCALE ** 2:
        return None
    outline = area - int(cv2.erode(ink, np.ones((3, 3), np.uint8)).sum())
    return 2 * area / max(outline, 1)


def is_bold(strokes: list[float | None]) -> list[bool]:
    """Bold, for each of the words or cells of one page or table: strokes clearly thicker
    than most (the scan has no fonts; bold Times strokes are ~1.45× the regular's)."""
    known = [s for s in strokes if s is not None]
    if len(known) < MIN_BOLD_SAMPLE:
        return [False] * len(strokes)
    usual = float(np.median(known))
    return [s is not None and s > BOLD_STROKE * usual for s in strokes]


def _cell_box(x0: int, top: int, x1: int, bottom: int) -> BoxCell:
    """The cell's box in points, out to the middle of its rules, so that neighbours share edges."""
    half_rule = 4  # pixels: half the dilated rule around the region
    return BoxCell((x0 - half_rule) / SCALE, (top - half_rule) / SCALE,
                   (x1 + half_rule) / SCALE, (bottom + half_rule) / SCALE, text="")


def cell_image(clean: np.ndarray, ink: np.ndarray, rules: np.ndarray,
               x0: int, top: int, x1: int, bottom: int) -> np.ndarray | None:
    """The inside of a cell, rules whitened, on a white margin; None when it holds no text
    (an empty "phối hợp" cell must stay empty, not become a speck read as text)."""
    import cv2
    inside = np.s_[top:bottom, x0:x1]
    crop = clean[inside].copy()
    crop[rules[inside] > 0] = 255
    cell_ink = np.where((rules[inside] == 0) & (crop < 255), ink[inside], 0).astype(np.uint8)
    n, _, stats = components(cell_ink, connectivity=8)
    if n <= 1 or stats[1:, cv2.CC_STAT_AREA].max() < MIN_INK * SCALE ** 2:
        return None
    # Trimmed to the text: a lone "c" is read as "®" in a wide empty cell, as "C" trimmed.
    ys, xs = np.nonzero(crop < 255)
    return np.pad(crop[ys.min():ys.max() + 1, xs.min():xs.max() + 1], 2 * BLOCK_PAD, constant_values=255)


# ---------------------------------------------------------------- row numbers

# What tesseract reads a lone number as: serif "II" → "H", "I" → "l", "5" → "S" …
# A lone small letter is read as its capital ("c" → "C"), and "d" and "đ" swap.
_MISREAD = {"l": ["I", "1"], "|": ["I", "1"], "!": ["I", "1"], "i": ["I", "1"], "1": ["I"],
            "í": ["I"], "ì": ["I"], "ị": ["I"], "Ị": ["I"], "H": ["II"], "h": ["II"],
            "Y": ["V"], "y": ["V"], "v": ["V"], "V": ["v"], "x": ["X"], "X": ["x"],
            "S": ["5", "s"], "s": ["5"], "O": ["0", "o"], "o": ["0"], "Z": ["2"], "z": ["2"],
            "C": ["c"], "®": ["c"], "©": ["c"], "U": ["u"], "K": ["k"], "P": ["p"],
            "d": ["đ"], "đ": ["d"]}
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
          "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]
_UPPER = "ABCDĐEGHIKLMNOPQRSTUVXY"     # Vietnamese alphabetical numbering
_LOWER = "abcdđeghiklmnopqrstuvxy"
_MAX_NUMBER_CHARS = 4


def fix_row_numbers(cells: list[Cell]) -> None:
    """Correct the row numbers of the first column (STT) that OCR misread, by the sequence
    they run in: after group row "I" comes "II" (read "H"), after "VI" "VII" (read "VH").
    A reading that is a plausible next number is kept as read."""
    first = sorted((c for c in cells if c.col == 0 and c.text.strip()), key=lambda c: c.row)
    if not first or sum(len(c.text.strip()) <= _MAX_NUMBER_CHARS for c in first) < 0.6 * len(first):
        return  # not a numbering column
    group_rows = {c.row for c in cells if c.col == 1 and c.col_span > 1}
    numbering = _Numbering()
    for cell in first:
        text = cell.text.strip()
        core = text.rstrip(".)")
        if core and len(core) <= _MAX_NUMBER_CHARS:
            kinds = ("upper", "roman", "arabic", "lower") if cell.row in group_rows \
                else ("arabic", "lower", "roman", "upper")
            cell.text = numbering.choose(core, kinds) + text[len(core):]


def fix_heading_numbers(pieces: list[Piece]) -> None:
    """Correct the misread number of a heading ("HI. CÁC NHIỆM VỤ" → "III. …",
    "l. Sở Tài chính" → "1. …") by the sequence of headings before it. An upper-case
    title has a Roman number; a number that is valid as read is kept."""
    numbering = _Numbering()
    for piece in pieces:
        head, _, rest = piece.text.partition(" ")
        core = head[:-1]
        if piece.is_table or not head.endswith(".") or not rest[:1].isupper() \
                or not core or len(core) > _MAX_NUMBER_CHARS:
            continue
        if _kind(core) in ("arabic", "roman"):
            numbering.note(core, _kind(core))
        elif all(ch in _MISREAD or ch in "IVX" for ch in core):
            title = rest.split(",")[0]
            kinds = ("roman",) if title.isupper() else ("arabic",)
            number = numbering.choose(core, kinds, guess=title.isupper())
            piece.text = f"{number}. {rest}"


class _Numbering:
    """The last number seen in each style of a numbering, and the numbers that may come next."""

    def __init__(self) -> None:
        self.last = {"arabic": 0, "roman": 0, "upper": -1, "lower": -1}

    def next(self, kind: str) -> str:
        last = self.last[kind]
        if kind == "arabic":
            return str(last + 1)
        if kind == "roman":
            return _ROMAN[min(last, len(_ROMAN) - 1)]
        letters = _UPPER if kind == "upper" else _LOWER
        return letters[min(last + 1, len(letters) - 1)]

    @staticmethod
    def first(kind: str) -> str:
        return {"arabic": "1", "roman": "I", "upper": _UPPER[0], "lower": _LOWER[0]}[kind]

    def choose(self, core: str, kinds: tuple[str, ...], *, guess: bool = True) -> str:
        """The number `core` stands for, trying the styles in `kinds` in order: itself if it
        continues or restarts a numbering; else the misreading that continues one, or
        restarts one; else (`guess`) the first misreading that is a number at all, as plans
        repeat and skip numbers; else `core` as read."""
        for kind in kinds:
            if core in (self.next(kind), self.first(kind)):
                return self.note(core, kind)
        readings = _readings(core)
        for wanted in (self.next, self.first):
            for kind in kinds:
                if wanted(kind) in readings:
                    return self.note(wanted(kind), kind)
        for kind in kinds if guess else ():
            for reading in readings:
                if _kind(reading) == kind:
                    return self.note(reading, kind)
        return core

    def note(self, number: str, kind: str) -> str:
        if kind == "arabic":
            self.last[kind] = int(number)
        elif kind == "roman":
            self.last[kind] = _ROMAN.index(number) + 1
        else:
            self.last[kind] = (_UPPER if kind == "upper" else _LOWER).index(number)
        return number


def _kind(text: str) -> str | None:
    if text.isdigit():
        return "arabic"
    if text in _ROMAN:
        return "roman"
    if len(text) == 1 and text in _UPPER:
        return "upper"
    if len(text) == 1 and text in _LOWER:
        return "lower"
    return None


def _readings(core: str) -> list[str]:
    """`core` as read first, then every reading with misread characters replaced, and
    without the specks read as marks ("bˆ" → "b")."""
    readings = [""]
    for ch in core:
        readings = [r + option for r in readings for option in [ch, *_MISREAD.get(ch, [])]]
    bare = "".join(ch for ch in core if ch.isalnum() or ch == ".")  # "1.1" stays dotted
    return list(dict.fromkeys(readings + ([bare] if bare else [])))
