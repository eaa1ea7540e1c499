"""Benchmark the readers: pages per second and peak memory per input form.

    .venv/bin/python scripts/benchmark.py [--repeat 3] [--forms text,pdf,docx,scan]

Each form runs in its own process so peak memory (ru_maxrss) is that form's own.
Text and DOCX have no pages: their "pages" are counted as the rendered PDF's
pages of the same plan, so the figures compare. Also prints what bare
pdfplumber `extract_text` takes on the same PDFs, so our own cost is visible.
Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FORMS = {
    "text": [("dak-nong-292-2022.txt", 8), ("binh-thuan-4181-2022.txt", 16), ("dong-thap-241-2022.txt", 16),
             ("nghe-an-347-2023.txt", 14), ("gia-lai-2068-2022.txt", 14)],
    "pdf": [("dak-nong-292-2022.pdf", None), ("binh-thuan-4181-2022.pdf", None), ("dong-thap-241-2022.pdf", None)],
    "docx": [("dong-thap-241-2022.docx", 16)],
    "scan": [("dak-nong-292-2022-scan.pdf", None)],
    "pdfplumber-bare": [("dak-nong-292-2022.pdf", None), ("binh-thuan-4181-2022.pdf", None),
                        ("dong-thap-241-2022.pdf", None)],
}


def run_form(form: str, repeat: int) -> dict:
    import planextract
    import pdfplumber
    pages = 0
    planextract.load(CORPUS / FORMS[form][0][0]) if form not in ("scan", "pdfplumber-bare") else None  # warm-up
    start = time.perf_counter()
    for _ in range(repeat):
        for name, nominal in FORMS[form]:
            if form == "pdfplumber-bare":
                with pdfplumber.open(CORPUS / name) as pdf:
                    for page in pdf.pages:
                        page.extract_text()
                    pages += len(pdf.pages)
                continue
            doc = planextract.load(CORPUS / name)
            pages += doc.pages or nominal
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"form": form, "documents": repeat * len(FORMS[form]), "pages": pages,
            "seconds": round(seconds, 2), "pages_per_second": round(pages / seconds, 1),
            "peak_memory_mb": round(peak_mb)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--forms", default="text,pdf,docx,scan,pdfplumber-bare")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_form(args.one, args.repeat)))
        return
    print(f"{'form':16} {'docs':>5} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak MB':>8}")
    for form in args.forms.split(","):
        repeat = 1 if form == "scan" else args.repeat
        out = subprocess.run([sys.executable, __file__, "--one", form, "--repeat", str(repeat)],
                             capture_output=True, text=True)
        if out.returncode:
            print(f"{form:16} failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(out.stdout)
        print(f"{form:16} {r['documents']:>5} {r['pages']:>6} {r['seconds']:>8} {r['pages_per_second']:>8} "
              f"{r['peak_memory_mb']:>8}")


if __name__ == "__main__":
    main()
