"""Build tests/fixtures/ocr_text.json: the made-up suites' plans as the text someone else's OCR
makes of a scan of them, with the suites' own gold.

Each plan without a table is typeset on A4 pages (DejaVu Serif 12 pt, wrapped at 80 columns,
as a plan's paragraphs wrap on paper), scanned in software (a small rotation, blur and paper
noise, at 300 dpi or, for a poor scan, 150 dpi) and read by `tesseract -l vie`
with its default page segmentation. The text keeps what OCR does to a plan: lines wrapped
where the page ended them, blank lines where tesseract saw a paragraph end, misread tone marks
and Roman numbers, lost dots. The gold is the suite's, written blind from the plan's text;
nothing here reads the extractor. Deterministic: the noise is seeded by the case id.

    python scripts/make_ocr_suite.py            # needs Pillow, numpy and tesseract with `vie`
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import tempfile
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
SUITES = ("prose_plans.json", "conventions.json", "conventions2.json")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"  # has every Vietnamese letter
SCANS = {  # quality: (dpi, blur radius in pixels, noise sigma in grey levels)
    "good": (300, 0.8, 18),
    "poor": (150, 0.7, 20),
}
WRAP = 80
LINES_PER_PAGE = 55


def has_table(text: str) -> bool:
    return any(mark in text for mark in ("|", "\t", "<t", "+--"))


def pages(text: str, dpi: int, blur: float, noise: float, seed: int) -> list[Image.Image]:
    rnd, rng = random.Random(seed), np.random.default_rng(seed)
    font = ImageFont.truetype(FONT, round(12 * dpi / 72 * 0.88))
    lines = [part for para in text.split("\n") for part in (textwrap.wrap(para, WRAP) or [""])]
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    out = []
    for first in range(0, len(lines), LINES_PER_PAGE):
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        for i, line in enumerate(lines[first:first + LINES_PER_PAGE]):
            draw.text((round(0.73 * dpi), round((0.67 + i * 0.195) * dpi)), line, font=font, fill=0)
        page = page.rotate(rnd.uniform(-0.6, 0.6), fillcolor=255, resample=Image.BICUBIC)
        page = page.filter(ImageFilter.GaussianBlur(blur))
        ink = np.asarray(page, dtype=np.float32) + rng.normal(0, noise, (height, width))
        out.append(Image.fromarray(np.clip(ink, 0, 255).astype(np.uint8)))
    return out


def ocr(images: list[Image.Image]) -> str:
    texts = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, image in enumerate(images):
            path = Path(tmp) / f"{n}.png"
            image.save(path)
            texts.append(subprocess.run(["tesseract", str(path), "-", "-l", "vie"], capture_output=True,
                                        text=True, check=True).stdout)
    return "\f".join(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=FIXTURES / "ocr_text.json")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    jobs = [(suite, case, quality) for suite in SUITES
            for case in json.loads((FIXTURES / suite).read_text(encoding="utf-8"))
            if not has_table(case["text"])  # a ruled table is no text a typesetter of lines can draw
            for quality in SCANS]

    def scan_and_read(job):
        suite, case, quality = job
        seed = int(hashlib.sha1(case["id"].encode()).hexdigest()[:8], 16)
        text = ocr(pages(case["text"], *SCANS[quality], seed))
        print(f"{case['id']}@{quality}: {len(text)} characters", flush=True)
        return {"id": f"{case['id']}@{quality}", "suite": suite, "scan": quality,
                "text": text, "targets": case["targets"], "tasks": case["tasks"],
                "deadlines": case.get("deadlines", [])}

    with ThreadPoolExecutor(args.workers) as pool:
        # a page tesseract finds no text on (a short plan on a poor scan) is no test of reading
        cases = [case for case in pool.map(scan_and_read, jobs) if case["text"].strip()]
    args.out.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
