"""Benchmark: pages per second and peak memory per input form, reading and end to end.

    .venv/bin/python scripts/benchmark.py [--repeat 3] [--forms text,pdf,docx,scan]
    .venv/bin/python scripts/benchmark.py --batch 90
    .venv/bin/python scripts/benchmark.py --cold [--repeat 5]
    .venv/bin/python scripts/benchmark.py --scaling [--sizes 1,2,4,8] [--kinds …] [--check [text,paragraph,layout]]

Per form: "reading" is `planextract.load` (the Document), "end to end" is
`planextract.extract` (reading, structure, the NER and every extractor: the records).
Each form runs in its own process so peak memory (ru_maxrss) is that form's own.
Text and DOCX have no pages: their "pages" are counted as the rendered PDF's
pages of the same plan, so the figures compare. Also prints what bare
pdfplumber `extract_text` takes on the same PDFs, so our own cost is visible.
`--cold` measures start-up: the CPU seconds (user + system, the process and its children)
of a whole `planextract extract SEED` command in a fresh process, with the shipped model on,
and where they go (imports, loading the tokenizer and the model, extraction).
Not a test: nothing here asserts a time. `--scaling` measures how extraction grows with
the input (extract_text and the JSON, for texts of 1, 2, 4, 8 MB, for one paragraph as
long, and for a plan laid out by `pdftotext -layout`): CPU seconds and the memory added at the peak, each size in its own process, with
the growth per doubling (1.0 is linear); `--check` exits 1 when a doubling beyond the
first grows more than 1.3 times (in time or memory; of the kinds named, else of both).
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
    if form == "pdfplumber-bare":
        pages, seconds = _timed(repeat, form, _pdfplumber_pages)
        return _result(form, repeat, pages, seconds, None)
    if form != "scan":  # warm-up: imports, gazetteers, the spaCy pipeline
        planextract.extract(CORPUS / FORMS[form][0][0])
    pages, reading = _timed(repeat, form, lambda path: planextract.load(path).pages)
    _, end_to_end = _timed(repeat, form, lambda path: planextract.extract(path).document.pages)
    return _result(form, repeat, pages, reading, end_to_end)


def _pdfplumber_pages(path: Path) -> int:
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


def _timed(repeat: int, form: str, read) -> tuple[int, float]:
    """Pages read and seconds taken; text and DOCX count their rendered PDF's pages."""
    pages = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for name, nominal in FORMS[form]:
            counted = read(CORPUS / name)
            pages += nominal or counted
    return pages, time.perf_counter() - start


def _result(form: str, repeat: int, pages: int, reading: float, end_to_end: float | None) -> dict:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"form": form, "documents": repeat * len(FORMS[form]), "pages": pages,
            "reading_pages_per_second": round(pages / reading, 1),
            "end_to_end_pages_per_second": round(pages / end_to_end, 1) if end_to_end else None,
            "peak_memory_mb": round(peak_mb)}


BATCH_FILES = [("dak-nong-292-2022.txt", 8), ("binh-thuan-4181-2022.txt", 16), ("nghe-an-347-2023.txt", 14),
               ("dong-thap-241-2022.txt", 16), ("gia-lai-2068-2022.txt", 14), ("dak-nong-292-2022.pdf", 8),
               ("binh-thuan-4181-2022.pdf", 16), ("dong-thap-241-2022.pdf", 16), ("dong-thap-241-2022.docx", 16)]


def batch_benchmark(documents: int) -> None:
    """Whole extraction (records, not only reading) through `run_batch`, 1 and 2 workers,
    then a re-run with nothing changed; then, apart (OCR dominates), a batch of scans."""
    import shutil
    import tempfile
    sys.path.insert(0, str(CORPUS.parent / "src"))
    from planextract.batch import run_batch
    work = Path(tempfile.mkdtemp(prefix="planextract-bench-"))
    inbox = work / "in"
    inbox.mkdir()
    pages = 0
    for i in range(documents):
        name, n_pages = BATCH_FILES[i % len(BATCH_FILES)]
        shutil.copy(CORPUS / name, inbox / f"{i:04d}-{name}")
        pages += n_pages
    print(f"batch: {documents} documents, {pages} pages (text and DOCX pages counted as their PDF's)")
    print(f"{'run':28} {'seconds':>8} {'pages/s':>8} {'peak MB/worker':>15}")
    cold = {}
    for workers in (1, 2):
        out = work / f"out{workers}"
        start = time.perf_counter()
        run_batch(inbox, out, workers=workers, force=True)
        seconds = time.perf_counter() - start
        cold[workers] = seconds
        peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                   resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024
        print(f"{f'cold, {workers} worker(s)':28} {seconds:8.1f} {pages / seconds:8.1f} {peak:15.0f}")
    start = time.perf_counter()
    run_batch(inbox, work / "out2", workers=2)
    seconds = time.perf_counter() - start
    print(f"{'re-run, nothing changed':28} {seconds:8.1f} {'':>8} {'':>15}")
    print(f"speed-up with 2 workers: {cold[1] / cold[2]:.2f}x; re-run: {100 * seconds / cold[2]:.1f}% of a cold run")
    shutil.rmtree(work)
    for workers in (1, 2):
        scan_batch_benchmark(4, workers)


def scan_batch_benchmark(documents: int, workers: int) -> None:
    """The 8-page scan repeated, through the `planextract batch` command in a process of its
    own; peak memory is the largest of that process and its workers (wait4's rusage)."""
    import os
    import shutil
    import tempfile
    work = Path(tempfile.mkdtemp(prefix="planextract-bench-"))
    (work / "in").mkdir()
    for i in range(documents):
        shutil.copy(CORPUS / FORMS["scan"][0][0], work / "in" / f"{i:04d}-scan.pdf")
    command = [sys.executable, "-c", "import sys; from planextract.cli import main; sys.exit(main())",
               "batch", str(work / "in"), "--out", str(work / "out"), "--workers", str(workers), "--force"]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"planextract batch failed on the scans (status {status})")
    pages = 8 * documents
    print(f"{f'scans ({pages} pages), {workers} worker(s)':28} {seconds:8.1f} {pages / seconds:8.2f} "
          f"{usage.ru_maxrss / 1024:15.0f}")
    shutil.rmtree(work)


COLD_SEED = "nghe-an-347-2023.txt"  # 12 pages as a PDF
COLD_TARGET = 1.0                   # CPU seconds, the target


def cold_start(repeat: int) -> None:
    """CPU seconds of `planextract extract SEED` in a new process each time (the console
    script the user runs; the OS file cache warm, as on a second run)."""
    import os
    import statistics
    script = Path(sys.executable).with_name("planextract")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "planextract.cli"]
    command += ["extract", str(CORPUS / COLD_SEED), "--format", "json"]
    env = {k: v for k, v in os.environ.items() if k != "PLANEXTRACT_MODEL"}  # the shipped model
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=env)  # warm the file cache
    seconds = []
    for _ in range(repeat):
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        if status != 0:
            raise SystemExit(f"planextract extract failed (status {status})")
        seconds.append(usage.ru_utime + usage.ru_stime)
    print(f"cold `planextract extract {COLD_SEED}` (model on), {repeat} runs: "
          f"median {statistics.median(seconds):.2f} CPU s, min {min(seconds):.2f} (target ≤ {COLD_TARGET})")
    out = subprocess.run([sys.executable, __file__, "--cold-stages"], capture_output=True, text=True, env=env)
    print(out.stdout, end="")


def cold_stages() -> None:
    """Where a cold run's CPU time goes, stage by stage, in this fresh process."""
    t = time.process_time
    marks = [("start", t())]
    import planextract.cli  # noqa: F401  the command line and the readers
    marks.append(("import planextract.cli", t()))
    import spacy  # noqa: F401
    marks.append(("import spacy", t()))
    import underthesea  # noqa: F401
    marks.append(("import underthesea", t()))
    from planextract.extract.agencies import agency_key
    agency_key("Sở Y tế")
    marks.append(("gazetteer keys", t()))
    from planextract.nlp import pipeline
    nlp = pipeline()
    marks.append(("load the model (spacy.load)", t()))
    nlp("Sở Y tế chủ trì")
    marks.append(("load underthesea's word model", t()))
    import planextract
    planextract.extract(CORPUS / COLD_SEED).to_json()
    marks.append(("extraction and JSON", t()))
    for (_, before), (name, after) in zip(marks, marks[1:]):
        print(f"  {name:32} {after - before:5.2f} CPU s")
    print(f"  {'total in Python (after start-up)':32} {marks[-1][1] - marks[0][1]:5.2f} CPU s")


SCALING_KINDS = {"text": "plans (seeds repeated)", "paragraph": "one paragraph",
                 "layout": "pdftotext -layout plan"}
LAYOUT_PLAN = CORPUS / "m301.txt"  # a Tỉnh ủy programme as `pdftotext -layout` writes it: two appendix tables
MAX_GROWTH = 1.3  # per doubling beyond the first, time or memory, over linear


def scaling_text(kind: str, megabytes: float) -> str:
    """About `megabytes` of UTF-8: the five seed texts repeated, their running text (no table
    rows) joined into one line, as hostile input is, or a plan laid out by pdftotext repeated."""
    seeds = [CORPUS / name for name, _ in FORMS["text"]]
    if kind == "layout":
        unit = LAYOUT_PLAN.read_text(encoding="utf-8") + "\n\n"
    elif kind == "text":
        unit = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds) + "\n\n"
    else:
        unit = " ".join(line.strip() for p in seeds for line in p.read_text(encoding="utf-8").splitlines()
                        if line.strip() and "\t" not in line) + " "
    wanted = int(megabytes * (1 << 20))
    text = unit * (wanted // len(unit.encode("utf-8")) + 1)
    return text[:int(len(text) * wanted / len(text.encode("utf-8")))]


def _memory_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (the peak since the last reset) of this process, in MB."""
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024


def _reset_peak() -> None:
    """Start VmHWM afresh (Linux ≥ 4.0), so the warm-up's peak does not hide the run's."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def run_scaling(kind: str, megabytes: float) -> dict:
    """One size, in this process: extract_text and its JSON, timed after a warm-up."""
    import planextract
    from planextract.batch import return_big_buffers_to_os
    from planextract.nlp import pipeline
    # As in a batch worker: buffers of 1 MB and more get mappings of their own, so the peak
    # follows the data, not glibc's sliding mmap threshold (a step of 20 MB between 2 and 4 MB).
    return_big_buffers_to_os()
    # Imports, gazetteers, and the spaCy pipeline with underthesea's word model (loaded when
    # the NER is first asked, which a seed may not do): none of it counts as the run's memory.
    planextract.extract(CORPUS / FORMS["text"][0][0])
    pipeline()("Sở Y tế chủ trì, phối hợp với các sở, ngành.")
    text = scaling_text(kind, megabytes)
    before = _memory_mb("VmRSS")
    _reset_peak()
    wall, cpu = time.perf_counter(), time.process_time()
    result = planextract.extract_text(text, f"{kind}-{megabytes}MB.txt")
    output = result.to_json()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = _memory_mb("VmHWM")
    return {"kind": kind, "mb": megabytes, "chars": len(text), "seconds": round(wall, 2), "cpu": round(cpu, 2),
            "peak_mb": round(peak), "added_mb": round(peak - before, 1),
            "json_mb": round(len(output.encode("utf-8")) / (1 << 20), 2),
            "records": sum(len(getattr(result, n)) for n in ("targets", "tasks", "references", "deadlines"))}


def scaling_benchmark(sizes: list[float], check: set[str], kinds: list[str] | None = None) -> int:
    """Each size in a process of its own; growth = (this / previous) / (size ratio)."""
    print(f"{'input':24} {'MB':>4} {'records':>8} {'wall s':>7} {'CPU s':>7} {'CPU s/MB':>8} {'growth':>6} "
          f"{'peak MB':>8} {'added MB':>8} {'growth':>6} {'JSON MB':>8}")
    over = []
    for kind, label in SCALING_KINDS.items():
        if kinds and kind not in kinds:
            continue
        previous = None
        for i, size in enumerate(sizes):
            out = subprocess.run([sys.executable, __file__, "--scaling-one", f"{kind}:{size}"],
                                 capture_output=True, text=True)
            if out.returncode:
                print(f"{label:24} {size:>4g} failed: {out.stderr.strip().splitlines()[-1:]}")
                over.append((kind, f"{label} {size:g} MB failed"))
                break
            r = json.loads(out.stdout)
            growth = ("", "")
            if previous:
                ratio = size / previous["mb"]
                growth = (r["cpu"] / previous["cpu"] / ratio, r["added_mb"] / max(previous["added_mb"], 1) / ratio)
                if i >= 2:
                    over += [(kind, f"{label} {previous['mb']:g}→{size:g} MB: {what} grew {g:.2f}×")
                             for what, g in zip(("time", "memory"), growth) if g > MAX_GROWTH]
            print(f"{label:24} {size:>4g} {r['records']:>8} {r['seconds']:>7.1f} {r['cpu']:>7.1f} "
                  f"{r['cpu'] / size:>8.1f} {_factor(growth[0]):>6} {r['peak_mb']:>8} {r['added_mb']:>8.0f} "
                  f"{_factor(growth[1]):>6} {r['json_mb']:>8.1f}")
            previous = r
    if over:
        print(f"growth over {MAX_GROWTH}× per doubling beyond the first: " + "; ".join(line for _, line in over))
    else:
        print(f"every doubling beyond the first grows at most {MAX_GROWTH}× (1.0 is linear)")
    failing = {kind for kind, _ in over} & check
    if failing:
        print(f"--check: {', '.join(SCALING_KINDS[k] for k in sorted(failing))} over {MAX_GROWTH}×")
    return 1 if failing else 0


def _factor(value) -> str:
    return f"{value:.2f}" if value != "" else "—"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, metavar="N", help="benchmark a batch run over N documents")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--forms", default="text,pdf,docx,scan,pdfplumber-bare")
    parser.add_argument("--cold", action="store_true", help="measure the start-up of `planextract extract`")
    parser.add_argument("--cold-stages", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--scaling", action="store_true", help="time and memory against input size")
    parser.add_argument("--sizes", default="1,2,4,8", help="megabytes, for --scaling")
    parser.add_argument("--check", nargs="?", const=",".join(SCALING_KINDS), default="", metavar="KINDS",
                        help="with --scaling: exit 1 when growth is over 1.3x (of these kinds: text,paragraph,layout)")
    parser.add_argument("--kinds", default="", help="with --scaling: only these series (text,paragraph,layout)")
    parser.add_argument("--scaling-one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cold:
        cold_start(args.repeat if args.repeat != 3 else 5)
        return
    if args.cold_stages:
        cold_stages()
        return
    if args.scaling_one:
        kind, size = args.scaling_one.split(":")
        print(json.dumps(run_scaling(kind, float(size))))
        return
    if args.scaling:
        check = {k for k in args.check.split(",") if k}
        if check - set(SCALING_KINDS):
            parser.error(f"--check: the kinds are {', '.join(SCALING_KINDS)}")
        kinds = [k for k in args.kinds.split(",") if k]
        if set(kinds) - set(SCALING_KINDS):
            parser.error(f"--kinds: the kinds are {', '.join(SCALING_KINDS)}")
        raise SystemExit(scaling_benchmark([float(s) for s in args.sizes.split(",")], check, kinds))
    if args.batch:
        batch_benchmark(args.batch)
        return
    if args.one:
        print(json.dumps(run_form(args.one, args.repeat)))
        return
    cold_start(5)
    print(f"{'form':16} {'docs':>5} {'pages':>6} {'reading p/s':>12} {'end-to-end p/s':>15} {'peak MB':>8}")
    for form in args.forms.split(","):
        repeat = 1 if form == "scan" else args.repeat
        out = subprocess.run([sys.executable, __file__, "--one", form, "--repeat", str(repeat)],
                             capture_output=True, text=True)
        if out.returncode:
            print(f"{form:16} failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(out.stdout)
        end_to_end = r["end_to_end_pages_per_second"] or "—"
        print(f"{form:16} {r['documents']:>5} {r['pages']:>6} {r['reading_pages_per_second']:>12} "
              f"{end_to_end:>15} {r['peak_memory_mb']:>8}")


if __name__ == "__main__":
    main()
