"""Probe: the command line against hostile, broken and huge input, case by case.

    .venv/bin/python scripts/probe_bad_input.py [--only WORD] [--keep]

Every case runs `planextract …` in a process of its own, with a time limit and an address
space limit (so a runaway case is reported, not the machine's memory eaten), and says
what it expects: a result (exit 0) or a one-line error (exit 1 or 2) holding some words.
A traceback, a hang, a crash, a line that does not name the file, or an unexpected exit
fails the case. Prints a row per case and a summary; exits 1 when any case failed.
Not a test (it takes minutes); the tests hold one case each of what it probes.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
TIME_LIMIT = 300          # seconds a case may take
MEMORY_LIMIT = 6 << 30    # bytes of address space a case may map
PLAN = (CORPUS / "nghe-an-347-2023.txt").read_text(encoding="utf-8")
SENTENCE = "Phấn đấu đến năm 2025 tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt trên 80%, "


@dataclass
class Case:
    name: str
    args: list[str]
    expect: str                       # "ok", "error" (exit 1/2) or "fails" (exit 1: some files failed)
    words: tuple[str, ...] = ()       # in the one error line (or, for "ok", in stdout)
    names: str | None = None          # the file the error line must name
    env: dict = field(default_factory=dict)
    check: object = None              # a function of the finished run: a problem, or None


@dataclass
class Outcome:
    verdict: str
    seconds: float
    note: str = ""


def run_case(case: Case) -> Outcome:
    command = [sys.executable, "-c", "import sys; from planextract.cli import main; sys.exit(main())", *case.args]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, **case.env}, preexec_fn=_limit_memory, start_new_session=True)
    try:
        stdout, stderr = child.communicate(timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        return Outcome("HANG", time.perf_counter() - start, f"still running after {TIME_LIMIT} s")
    return _outcome(case, child.returncode, stdout, stderr, time.perf_counter() - start)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _outcome(case: Case, code: int, stdout: str, stderr: str, seconds: float) -> Outcome:
    lines = stderr.strip().splitlines()
    first = lines[0] if lines else ""
    if "Traceback" in stderr:
        return Outcome("TRACEBACK", seconds, (lines or [""])[-1][:120])
    if code < 0:
        return Outcome("CRASH", seconds, f"killed by signal {-code}")
    if code == 3:
        return Outcome("BUG", seconds, first[:160])
    if case.expect == "ok":
        if code != 0:
            return Outcome("FAILED", seconds, f"exit {code}: {first[:140]}")
        missing = [w for w in case.words if w not in stdout]
        if missing:
            return Outcome("FAILED", seconds, f"stdout lacks {missing}")
    elif case.expect == "error":
        if code != 2 or len(lines) != 1:
            return Outcome("FAILED", seconds, f"exit {code}, {len(lines)} stderr line(s): {first[:120]}")
        missing = [w for w in case.words if w not in first]
        if missing or (case.names and case.names not in first):
            return Outcome("FAILED", seconds, f"the line lacks {missing or case.names}: {first[:120]}")
    elif case.expect == "fails" and code != 1:
        return Outcome("FAILED", seconds, f"exit {code}, expected 1: {first[:120]}")
    if case.check and (problem := case.check(stdout, stderr)):
        return Outcome("FAILED", seconds, problem)
    return Outcome("ok", seconds, first[:160] if case.expect != "ok" else "")


# ---------------------------------------------------------------- building the hostile files

def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def docx_with(path: Path, replace: dict[str, bytes | None], extra: dict[str, bytes] | None = None) -> Path:
    """The Đồng Tháp DOCX with some members replaced (None: dropped) or added."""
    with zipfile.ZipFile(CORPUS / "dong-thap-241-2022.docx") as good, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in good.infolist():
            if item.filename in replace:
                if replace[item.filename] is not None:
                    out.writestr(item.filename, replace[item.filename])
            else:
                out.writestr(item, good.read(item))
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return path


DOCUMENT_XML = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>%s<w:document xmlns:w='
                b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>')


def paragraph_xml(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def workbook(path: Path) -> Path:
    """A real Excel workbook (openpyxl), whatever the name says."""
    import openpyxl
    book = openpyxl.Workbook()
    book.active.append(["Stt", "Nội dung", "Chủ trì"])
    book.active.append([1, "Triển khai Kế hoạch", "Sở Tài chính"])
    book.save(path)
    return path


def zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(CORPUS / "dong-thap-241-2022.docx") as good, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in good.infolist():
            out.writestr(item, good.read(item))
        with out.open("word/media/zeros.bin", "w", force_zip64=True) as member:
            for _ in range(1100):  # 1.1 GB of zeros, about 1 MB zipped
                member.write(bytes(1 << 20))
    return path


def many_members(path: Path, n: int) -> Path:
    with zipfile.ZipFile(CORPUS / "dong-thap-241-2022.docx") as good, zipfile.ZipFile(path, "w") as out:
        for item in good.infolist():
            out.writestr(item, good.read(item))
        for i in range(n):
            out.writestr(f"word/media/x{i}.bin", b"")
    return path


def nested_html(depth: int, tag: str = "div") -> str:
    return ("<html><body>" + f"<{tag}>" * depth + "<p>Kế hoạch phát triển kinh tế số của tỉnh Nghệ An đến "
            "năm 2025, phấn đấu đạt 80% hộ gia đình có cáp quang.</p>" + f"</{tag}>" * depth + "</body></html>")


def label_studio_export(work: Path) -> list[dict]:
    """Tasks of a seed as exported, each with an annotation of its first agency-like words."""
    out = subprocess.run([sys.executable, "-m", "planextract.cli", "annotate", "export",
                          str(CORPUS / "dak-nong-292-2022.txt"), "--out", str(work / "tasks.json"), "--model", "none"],
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"annotate export failed: {out.stderr}")
    tasks = json.loads((work / "tasks.json").read_text(encoding="utf-8"))
    chosen = [t for t in tasks if t["data"]["text"].startswith("Sở ")][:3]
    for i, task in enumerate(chosen):
        task["id"] = 100 + i
        text = task["data"]["text"]
        task["annotations"] = [{"id": i, "was_cancelled": False, "result": [
            {"from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 0, "end": 5, "text": text[:5], "labels": ["AGENCY"]}}]}]
    return chosen


def export_with(work: Path, name: str, change) -> Path:
    tasks = json.loads(json.dumps(BASE_EXPORT))
    change(tasks)
    return write(work / f"{name}.json", json.dumps(tasks, ensure_ascii=False))


BASE_EXPORT: list[dict] = []


# ---------------------------------------------------------------- the cases

def cases(work: Path) -> list[Case]:
    w = work
    seed_pdf = CORPUS / "binh-thuan-4181-2022.pdf"
    pdf_bytes = seed_pdf.read_bytes()
    docx_bytes = (CORPUS / "dong-thap-241-2022.docx").read_bytes()
    one = [
        ("empty file", write(w / "empty.txt", b""), "error", ("empty",)),
        ("only spaces and newlines", write(w / "blank.txt", " \n\n \t\n"), "error", ("empty",)),
        ("a NUL byte", write(w / "nul.txt", b"\x00"), "error", ("binary",)),
        ("random bytes as .txt", write(w / "random.txt", os.urandom(4096)), "error", ()),
        ("random bytes as .pdf", write(w / "random.pdf", os.urandom(4096)), "error", ("not a PDF",)),
        ("PDF cut in half", write(w / "half.pdf", pdf_bytes[:len(pdf_bytes) // 2]), "error", ()),
        ("PDF header only", write(w / "header.pdf", b"%PDF-1.7\n"), "error", ()),
        ("encrypted PDF", FIXTURES / "encrypted.pdf", "error", ("encrypted",)),
        ("corrupt PDF", FIXTURES / "corrupt.pdf", "error", ("not a readable PDF",)),
        ("text named .pdf", FIXTURES / "not-a-pdf.pdf", "error", ("not a PDF",)),
        ("empty PDF fixture", FIXTURES / "empty.pdf", "error", ("empty",)),
        ("DOCX cut in half", write(w / "half.docx", docx_bytes[:len(docx_bytes) // 2]), "error", ("not a valid DOCX",)),
        ("DOCX without document.xml", docx_with(w / "nodoc.docx", {"word/document.xml": None}), "error", ("DOCX",)),
        ("DOCX with broken XML", docx_with(w / "badxml.docx", {"word/document.xml": b"<w:document><w:body>"}),
         "error", ("not a valid DOCX",)),
        ("DOCX billion laughs", docx_with(w / "laughs.docx", {"word/document.xml": DOCUMENT_XML % (
            b'<!DOCTYPE d [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
            b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>',
            paragraph_xml("Kế hoạch của tỉnh Nghệ An &f;"))}), "error", ()),
        ("DOCX nested 100,000 deep", docx_with(w / "deep.docx", {"word/document.xml": DOCUMENT_XML % (
            b"", b"<w:sdt><w:sdtContent>" * 100_000 + paragraph_xml("Kế hoạch của tỉnh Nghệ An")
            + b"</w:sdtContent></w:sdt>" * 100_000)}), "error", ("not a valid DOCX",)),
        ("DOCX zip bomb (1.1 GB unzipped)", zip_bomb(w / "bomb.docx"), "error",
         ("unzips to", "more than the limit of 200 MB", "--max-unzipped-mb")),
        ("DOCX of 20,000 members", many_members(w / "crowded.docx", 20_000), "error",
         ("holds 20,0", "--max-zip-members")),
        ("an XLSX named .docx", workbook(w / "sheet.docx"), "error", ("not a Word document",)),
        ("an XLSX", workbook(w / "sheet.xlsx"), "error", ("not a Word document",)),
        ("a legacy .doc", write(w / "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048)), "error", (".doc",)),
        ("HTML nested 1,000 deep", write(w / "deep1k.html", nested_html(1_000)), "error",
         ("nests elements 1,003 deep", "--max-html-depth")),
        ("HTML nested 100,000 deep", write(w / "deep100k.html", nested_html(100_000)), "error",
         ("nests elements 100,003 deep",)),
        ("HTML of nested spans", write(w / "spans.html", nested_html(5_000, "span")), "error", ("deep",)),
        ("HTML of scripts only", write(w / "script.html", "<html><body><script>alert(1)</script></body></html>"),
         "error", ("no text",)),
        ("HTML colspan and rowspan 99999", write(w / "span.html", "<html><body><table border=1><tr><th>Stt</th>"
         "<th>Nội dung</th></tr><tr><td colspan=99999 rowspan=99999>1</td><td>Kế hoạch phát triển kinh tế số của "
         "tỉnh Nghệ An</td></tr></table></body></html>"), "ok", ()),
        ("legacy TCVN3 text", FIXTURES / "tcvn3.txt", "error", ("TCVN3",)),
        ("English text", FIXTURES / "english.txt", "error", ("Vietnamese",)),
        ("Latin-1 bytes", write(w / "latin1.txt", PLAN[:3000].encode("utf-8", "ignore").decode("utf-8")
                                .encode("cp1258", "replace")), "error", ()),
        ("a line of a tab only", write(w / "tab.txt", "Tỉnh Nghệ An và các sở\n\t\n"), "ok", ()),
        ("tab, newline, pipe", write(w / "tabpipe.txt", "\t\n|"), "error", ()),
        ("only pipes", write(w / "pipes.txt", "|\n" * 500), "error", ()),
        ("CR line ends", write(w / "cr.txt", PLAN.replace("\n", "\r")), "ok", ("347/KH-UBND",)),
        ("a BOM and nothing", write(w / "bom.txt", b"\xef\xbb\xbf"), "error", ("no text",)),
        ("NUL bytes deep inside", write(w / "latenul.txt", PLAN + "\x00" * 10 + PLAN[:500]), "ok", ()),
        ("one 4 MB line", write(w / "line.txt", (PLAN.replace("\n", " ") + " ") * 80), "ok", ()),
        ("one 1 MB paragraph of targets", write(w / "dense.txt", "I. MỤC TIÊU\n\n" + SENTENCE * 12_000), "ok", ()),
        ("a 6,000-character table cell", write(w / "cell.txt", "KẾ HOẠCH của tỉnh\n\nStt\tNội dung\n1\t"
                                               + SENTENCE * 70 + "\n"), "error", ("table cell", "--max-paragraph-chars")),
        ("10,000 table rows, no blank line", write(
            w / "rows.txt", "KẾ HOẠCH của tỉnh Nghệ An\n\nStt\tNội dung\tChủ trì\n"
            + "".join(f"{i}\tTriển khai nhiệm vụ số {i}\tSở Tài chính\n" for i in range(10_000))), "ok", ()),
    ]
    out = [Case(name, ["extract", str(path)], expect, words, names=str(path)) for name, path, expect, words in one]

    sparse = w / "sparse.txt"
    with open(sparse, "wb") as f:
        f.truncate(300 << 20)
    fifo = w / "pipe.txt"
    os.mkfifo(fifo)
    zero = w / "zero.txt"
    zero.symlink_to("/dev/zero")
    newline = write(w / "bad\nname.txt", b"")
    big = write(w / "big.txt", PLAN * 30)
    out += [
        Case("a 300 MB sparse file", ["extract", str(sparse)], "error", ("300.0 MB", "--max-input-mb"), str(sparse)),
        Case("over --max-input-mb", ["extract", str(big), "--max-input-mb", "1"], "error", ("limit of 1 MB",), str(big)),
        Case("over PLANEXTRACT_MAX_INPUT_MB", ["extract", str(big)], "error", ("limit of 1 MB",), str(big),
             env={"PLANEXTRACT_MAX_INPUT_MB": "1"}),
        Case("a limit that is no number", ["extract", str(big)], "error", ("PLANEXTRACT_MAX_PAGES",),
             env={"PLANEXTRACT_MAX_PAGES": "lots"}),
        Case("a limit of zero", ["extract", str(big), "--max-pages", "0"], "error", ("positive",)),
        Case("a PDF over --max-pages", ["extract", str(seed_pdf), "--max-pages", "3"], "error", ("16 pages",)),
        Case("a scan with --no-ocr", ["extract", str(CORPUS / "dak-nong-292-2022-scan.pdf"), "--no-ocr"], "error",
             ("OCR is off",)),
        Case("a named pipe", ["extract", str(fifo)], "error", ("not a regular file (a named pipe)",), str(fifo)),
        Case("/dev/zero", ["extract", "/dev/zero"], "error", ("not a regular file (a character device)",)),
        Case("a link to /dev/zero named .txt", ["extract", str(zero)], "error", ("not a regular file",), str(zero)),
        Case("a folder", ["extract", str(w)], "error", ("is a folder",)),
        Case("a missing file", ["extract", str(w / "nope.txt")], "error", ("no such file",)),
        Case("a file name with a line break", ["extract", str(newline)], "error", ("bad\\nname.txt",)),
        Case("blocks of a deep page", ["blocks", str(w / "deep1k.html")], "error", ("--max-html-depth",)),
    ]

    # -------- report
    hostile = write(w / "hostile.txt", "KẾ HOẠCH\n\nI. MỤC TIÊU\n- Tỷ lệ hộ có cáp quang <!--<script> đạt 80%;\n"
                    "- Tỷ lệ </script><img src=x onerror=alert(1)> người dân đạt 90%;\n")
    report = w / "report.html"

    def report_is_safe(stdout, stderr):
        page = report.read_text(encoding="utf-8")
        data = page[page.index("id='data'>"):page.index("</script>")]
        return "the data block holds '<'" if "<" in data[len("id='data'>"):] else None
    out += [
        Case("report of text with <!--<script>", ["report", str(hostile), "--out", str(report)], "ok",
             ("records drawn",), check=report_is_safe),
        Case("report --out a folder", ["report", str(hostile), "--out", str(w)], "error", ("is a folder",)),
        Case("report --out below a file", ["report", str(hostile), "--out", str(big / "r.html")], "error",
             ("is a file, not a folder",)),
        Case("report --out read-only", ["report", str(hostile), "--out", "/sys/planextract-report.html"], "error",
             ("cannot be written",)),
    ]

    # -------- annotate import
    gold = w / "gold"

    def gold_untouched(stdout, stderr):
        return f"{gold} was written" if gold.exists() else None

    def imported(*names):
        imports = ["annotate", "import"]
        return lambda path: [*imports, str(path), "--annotations", str(gold)]
    BASE_EXPORT[:] = label_studio_export(w)
    region = lambda t: t[1]["annotations"][0]["result"][0]["value"]  # noqa: E731  the second task's span
    bad_exports = [
        ("an export nested 100,000 deep", write(w / "deepjson.json", "[" * 100_000 + "]" * 100_000), ("too deep",)),
        ("an export with 1e400", export_with(w, "huge", lambda t: region(t).update(start=1e400)),
         ("task 101", "valid integer")),
        ("an export with start > end", export_with(w, "reversed", lambda t: region(t).update(start=4, end=2)),
         ("task 101", "empty or reversed")),
        ("an export past the text", export_with(w, "past", lambda t: region(t).update(end=100_000)),
         ("task 101", "outside its text")),
        ("an export with a negative offset", export_with(w, "negative", lambda t: region(t).update(start=-1)),
         ("task 101",)),
        ("an export whose text does not match", export_with(w, "mismatch", lambda t: region(t).update(text="xyz")),
         ("task 101", "says 'xyz'")),
        ("an export with an unknown label", export_with(w, "label", lambda t: region(t).update(labels=["ORG"])),
         ("task 101", "unknown label")),
        ("an export with a string offset", export_with(w, "string", lambda t: region(t).update(start="0")),
         ("task 101", "valid integer")),
        ("an export with a missing key", export_with(w, "missing", lambda t: t[1]["data"].pop("doc_id")),
         ("task 101", "not a planextract task")),
        ("an export with its data a list", export_with(w, "datalist", lambda t: t[1].update(data=[1])),
         ("task 101",)),
        ("an export that is not a list", write(w / "object.json", '{"tasks": []}'), ("expected a list",)),
        ("an export that is not JSON", write(w / "garbage.json", "nope"), ("not a Label Studio JSON export",)),
    ]
    out += [Case(name, imported()(path), "error", words, str(path), check=gold_untouched)
            for name, path, words in bad_exports]
    out.append(Case("a good export", imported()(export_with(w, "good", lambda t: None)), "ok", ("unit(s) imported",)))

    # -------- batch
    inbox = w / "inbox"
    for name in ["a.txt", "b-same-as-a.txt"]:
        write(inbox / name, PLAN)
    write(inbox / "kế hoạch [bold]2022[/] [red]:smile:.txt", (CORPUS / "dak-nong-292-2022.txt").read_text())
    shutil.copy(FIXTURES / "encrypted.pdf", inbox / "[link=x]locked.pdf")
    os.mkfifo(inbox / "fifo.txt")
    batch_out = w / "batch-out"

    def both_paths_kept(stdout, stderr):
        import pandas as pd
        sources = set(pd.read_csv(batch_out / "documents.csv").source)
        wanted = {str(inbox / "a.txt"), str(inbox / "b-same-as-a.txt")}
        return None if wanted <= sources else f"documents.csv names {sorted(sources)}"

    def progress_intact(stdout, stderr):
        wanted = [f"{inbox / 'kế hoạch [bold]2022[/] [red]:smile:.txt'}: ok", f"{inbox / '[link=x]locked.pdf'}: FAILED"]
        missing = [line for line in wanted if line not in stderr]
        return f"progress lines lack {missing}" if missing else None

    def fifo_listed(stdout, stderr):
        errors = (batch_out / "errors.jsonl").read_text(encoding="utf-8")
        return None if "fifo.txt" in errors and "named pipe" in errors else "the FIFO is not in errors.jsonl"
    records_file = w / "batch-records-file"
    write(records_file / "records", "not a folder")
    out += [
        Case("batch: identical files, a FIFO, markup names", ["batch", str(inbox), "--out", str(batch_out),
             "--format", "csv", "--workers", "2"], "fails", check=lambda o, e: both_paths_kept(o, e)
             or progress_intact(o, e) or fifo_listed(o, e)),
        Case("batch --out a file", ["batch", str(inbox), "--out", str(big)], "error", ("is a file",), str(big)),
        Case("batch --out below a file", ["batch", str(inbox), "--out", str(big / "out")], "error",
             ("is a file, not a folder",)),
        Case("batch --out read-only", ["batch", str(inbox), "--out", "/sys/planextract-out"], "error",
             ("cannot be written",)),
        Case("batch --force with records/ a file", ["batch", str(inbox), "--out", str(records_file), "--force"],
             "error", ("records: is a file",)),
        Case("batch with an unknown format", ["batch", str(inbox), "--out", str(w / "fmt"), "--format", "docx"],
             "error", ("unknown output format",)),
    ]
    return out


def batch_process_cases(work: Path) -> list[tuple[str, str, str]]:
    """Cases that need more than one process: (name, verdict, note)."""
    inbox = work / "inbox-procs"
    for i in range(10):
        write(inbox / f"{i:02d}.txt", PLAN + f"\nPhụ lục {i}.\n")
    results = []
    out = work / "procs-out"
    command = [sys.executable, "-m", "planextract.cli", "batch", str(inbox), "--out", str(out), "--workers", "2",
               "--format", "csv"]
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    first.stderr.readline()
    second = subprocess.run(command, capture_output=True, text=True, timeout=TIME_LIMIT)
    refused = second.returncode == 2 and "another planextract batch is writing" in second.stderr
    results.append(("a second batch on the same OUT", "ok" if refused else "FAILED", second.stderr.strip()[:120]))
    workers = _children(first.pid)
    first.kill()
    first.wait()
    time.sleep(3)
    alive = [pid for pid in workers if _alive(pid)]
    results.append(("kill -9 of a batch: its workers end", "FAILED" if alive or not workers else "ok",
                    f"{len(workers)} workers, alive after 3 s: {alive}"))
    leftovers = list(out.rglob("*.tmp"))
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=TIME_LIMIT)
    ok = resumed.returncode == 0 and not leftovers and "files: 10" in resumed.stdout
    results.append(("resume after kill -9", "ok" if ok else "FAILED",
                    f"{len(leftovers)} half-written file(s); {resumed.stdout.splitlines()[:1]}"))
    tables = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    again = subprocess.run(command + ["--force"], capture_output=True, text=True, timeout=TIME_LIMIT)
    same = again.returncode == 0 and tables == {p.name: p.read_bytes() for p in out.glob("*.csv")}
    results.append(("a forced re-run gives byte-identical tables", "ok" if same else "FAILED", ""))
    return results


def _children(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            with open(task / "children") as children:
                kids = [int(k) for k in children.read().split()]
            found += kids
            todo += kids
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose name holds this")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="planextract-probe-"))
    failed = 0
    counts: dict[str, int] = {}
    try:
        all_cases = [c for c in cases(work) if not args.only or args.only in c.name]
        print(f"{'case':48} {'outcome':10} {'s':>6}  note")
        for case in all_cases:
            outcome = run_case(case)
            counts[outcome.verdict] = counts.get(outcome.verdict, 0) + 1
            failed += outcome.verdict != "ok"
            print(f"{case.name[:48]:48} {outcome.verdict:10} {outcome.seconds:6.1f}  {outcome.note}", flush=True)
        if not args.only or args.only in "batch processes":
            for name, verdict, note in batch_process_cases(work):
                counts[verdict] = counts.get(verdict, 0) + 1
                failed += verdict != "ok"
                print(f"{name[:48]:48} {verdict:10} {'':>6}  {note}", flush=True)
    finally:
        if args.keep:
            print(f"work folder: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    total = sum(counts.values())
    print(f"{total} cases: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
