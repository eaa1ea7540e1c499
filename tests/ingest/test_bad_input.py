"""Bad input: a clear error naming the file, never a traceback or a silent empty result."""
import json
import os
import subprocess
import sys
import zipfile

import pytest

import planextract
from planextract.errors import (CorruptFile, EmptyDocument, EncodingProblem, EncryptedFile,
                                NotVietnamese, PlanextractError, TooLarge, UnsupportedInput)
from planextract.limits import Limits

from ..conftest import CORPUS, FIXTURES


@pytest.mark.parametrize("name, error, words", [
    ("empty.pdf", EmptyDocument, "empty"),
    ("corrupt.pdf", CorruptFile, "not a readable PDF"),
    ("encrypted.pdf", EncryptedFile, "encrypted"),
    ("not-a-pdf.pdf", CorruptFile, "not a PDF"),
    ("tcvn3.txt", EncodingProblem, "TCVN3"),
    ("english.txt", NotVietnamese, "Vietnamese"),
])
def test_bad_files_raise_a_clear_error(name, error, words):
    path = FIXTURES / name
    with pytest.raises(error) as info:
        planextract.load(path)
    assert str(path) in str(info.value) and words in str(info.value)


def test_page_limit():
    with pytest.raises(TooLarge, match="16 pages, more than the limit of 5"):
        planextract.load(CORPUS / "binh-thuan-4181-2022.pdf", max_pages=5)


def test_missing_file():
    with pytest.raises(PlanextractError, match="no such file"):
        planextract.load(FIXTURES / "nope.pdf")


def test_utf16_text_is_read():
    doc = planextract.load(FIXTURES / "utf16.txt")
    assert "Đắk Nông" in doc.text


def test_cli_reports_without_traceback():
    run = subprocess.run([sys.executable, "-m", "planextract.cli", "extract", str(FIXTURES / "corrupt.pdf")],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "corrupt.pdf" in run.stderr and "Traceback" not in run.stderr


def _cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "planextract.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


def _one_line_error(run, *words):
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert all(w in lines[0] for w in words), lines[0]


# ---------------------------------------------------------------- only regular files

def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    _one_line_error(_cli("extract", str(fifo), timeout=60), str(fifo), "not a regular file (a named pipe)")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(tmp_path, device):
    link = tmp_path / "plan.txt"  # a name that looks like a plan does not make it one
    link.symlink_to(device)
    with pytest.raises(UnsupportedInput, match="not a regular file \\(a character device\\)"):
        planextract.load(link)
    _one_line_error(_cli("extract", device, timeout=60), device, "not a regular file")


# ---------------------------------------------------------------- input bytes

PLAN = (CORPUS / "nghe-an-347-2023.txt").read_text(encoding="utf-8")


def test_a_file_over_the_input_limit_is_refused_with_how_to_raise_it(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN * 30, encoding="utf-8")  # 1.5 MB
    with pytest.raises(TooLarge) as info:
        planextract.load(plan, limits=Limits(input_mb=1))
    assert str(info.value) == (f"{plan}: the file is 1.5 MB, more than the limit of 1 MB "
                               "(raise it with --max-input-mb or PLANEXTRACT_MAX_INPUT_MB)")
    assert planextract.load(plan, limits=Limits(input_mb=2)).text.startswith("KẾ HOẠCH")


def test_the_input_limit_comes_from_the_environment_and_the_command_line(tmp_path, monkeypatch):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN * 30, encoding="utf-8")
    monkeypatch.setenv("PLANEXTRACT_MAX_INPUT_MB", "1")
    with pytest.raises(TooLarge, match="more than the limit of 1 MB"):
        planextract.load(plan)
    _one_line_error(_cli("blocks", str(plan)), str(plan), "more than the limit of 1 MB")
    assert _cli("blocks", str(plan), "--max-input-mb", "2").returncode == 0
    monkeypatch.delenv("PLANEXTRACT_MAX_INPUT_MB")
    _one_line_error(_cli("blocks", str(plan), "--max-input-mb", "0.5"), "more than the limit of 0.5 MB")


def test_a_huge_sparse_file_is_refused_before_it_is_read(tmp_path):
    plan = tmp_path / "huge.txt"
    with plan.open("wb") as f:
        f.truncate(300 << 20)  # 300 MB that take no disk
    with pytest.raises(TooLarge, match="the file is 300.0 MB, more than the limit of 200 MB"):
        planextract.load(plan)


def test_load_text_has_the_same_input_limit():
    with pytest.raises(TooLarge, match="<text>: the file is 1.5 MB, more than the limit of 1 MB"):
        planextract.load_text(PLAN * 30, limits=Limits(input_mb=1))


# ---------------------------------------------------------------- DOCX / XLSX archives

DOCX = CORPUS / "dong-thap-241-2022.docx"


def test_a_docx_that_unzips_to_more_than_the_limit_is_refused_before_unzipping():
    with pytest.raises(TooLarge) as info:
        planextract.load(DOCX, limits=Limits(unzipped_mb=0.5))
    assert "the archive unzips to 0.9 MB, more than the limit of 0.5 MB" in str(info.value)
    assert "--max-unzipped-mb or PLANEXTRACT_MAX_UNZIPPED_MB" in str(info.value)
    assert planextract.load(DOCX, limits=Limits(unzipped_mb=1)).text


def test_a_zip_bomb_is_refused_by_the_default_limit(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(DOCX) as good, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in good.infolist():
            out.writestr(item, good.read(item))
        with out.open("word/media/zeros.bin", "w", force_zip64=True) as member:
            block = bytes(1 << 20)
            for _ in range(210):  # 210 MB of zeros, about 200 KB zipped
                member.write(block)
    assert bomb.stat().st_size < 2 << 20
    with pytest.raises(TooLarge, match="the archive unzips to 21[01].[0-9] MB, more than the limit of 200 MB"):
        planextract.load(bomb)


def test_an_archive_of_too_many_files_is_refused(tmp_path):
    crowded = tmp_path / "crowded.xlsx"
    with zipfile.ZipFile(crowded, "w") as out:
        for i in range(30):
            out.writestr(f"xl/worksheets/sheet{i}.xml", "<worksheet/>")
    with pytest.raises(TooLarge, match="the archive holds 30 files, more than the limit of 20 files "
                                       "\\(raise it with --max-zip-members"):
        planextract.load(crowded, limits=Limits(zip_members=20))


def test_a_member_bigger_than_its_directory_says_reads_as_damaged(tmp_path):
    """The sizes checked are the most zipfile inflates: a lie about them is caught by the CRC."""
    liar = tmp_path / "liar.docx"
    with zipfile.ZipFile(DOCX) as good, zipfile.ZipFile(liar, "w", zipfile.ZIP_DEFLATED) as out:
        for item in good.infolist():
            out.writestr(item, good.read(item))
    data = bytearray(liar.read_bytes())
    document = good_size = None
    with zipfile.ZipFile(liar) as archive:
        document = archive.getinfo("word/document.xml")
        good_size = document.file_size
    # Shrink the stated size of word/document.xml in the central directory to 100 bytes.
    entry = data.rindex(b"PK\x01\x02", 0, data.rindex(b"word/document.xml"))
    assert int.from_bytes(data[entry + 24:entry + 28], "little") == good_size
    data[entry + 24:entry + 28] = (100).to_bytes(4, "little")
    liar.write_bytes(bytes(data))
    with pytest.raises(CorruptFile, match="not a valid DOCX"):
        planextract.load(liar)


# ---------------------------------------------------------------- long lines and paragraphs

SENTENCES = [line for line in PLAN.splitlines() if len(line) > 80 and "\t" not in line]


def _one_long_line(n_chars: int) -> str:
    text, i = [], 0
    while sum(map(len, text)) < n_chars:
        text.append(SENTENCES[i % len(SENTENCES)])
        i += 1
    return " ".join(text)


def _words(text: str) -> list[str]:
    return " ".join(text.split()).split()


@pytest.mark.parametrize("limits", [Limits(), Limits(line_chars=3_000, paragraph_chars=1_000)])
def test_a_long_line_becomes_paragraphs_within_the_limits_and_no_text_is_lost(limits):
    line = _one_long_line(60_000)
    doc = planextract.load_text("KẾ HOẠCH\n" + line + "\n", "long.txt", limits=limits)
    assert max(b.end - b.start for b in doc.blocks) <= limits.paragraph_chars
    assert all(doc.text[b.start:b.end] == b.text for b in doc.blocks)
    assert [b.start for b in doc.blocks] == sorted(b.start for b in doc.blocks)
    assert _words(doc.text) == _words("KẾ HOẠCH " + planextract.load_text(line).text)
    assert any("were cut into paragraphs (the limit per paragraph; raise it with --max-paragraph-chars"
               in w for w in doc.warnings)
    assert any("cut into lines (the limit per line; raise it with --max-line-chars" in w for w in doc.warnings)


def test_paragraphs_are_cut_after_a_sentence_when_one_ends_in_reach():
    line = _one_long_line(20_000)
    doc = planextract.load_text(line, limits=Limits(paragraph_chars=2_000))
    cut_ends = [b.text[-1] for b in doc.blocks[:-1]]
    assert len(cut_ends) >= 10 and all(ch in ".;!?:" for ch in cut_ends)


def test_a_long_paragraph_of_a_docx_or_html_is_cut_too():
    from planextract.ingest.html import read_html
    from planextract.ingest.sizes import split_long_paragraphs
    doc = read_html(f"<html><body><p>{_one_long_line(12_000)}</p></body></html>", "long.html")
    split_long_paragraphs(doc, Limits())
    assert len(doc.blocks) == 3 and all(b.end - b.start <= 5_000 for b in doc.blocks)
    assert [b.kind for b in doc.blocks] == ["paragraph"] * 3


def test_a_table_cell_over_the_paragraph_limit_is_refused():
    cell = _one_long_line(6_000)
    text = f"KẾ HOẠCH của tỉnh\n\nStt\tNội dung\tChủ trì\n1\t{cell}\tSở Tài chính\n"
    with pytest.raises(TooLarge, match="cell.txt: a table cell of 6,[0-9]{3} characters, more than the limit "
                                       "of 5,000 characters \\(raise it with --max-paragraph-chars"):
        planextract.load_text(text, "cell.txt")
    assert planextract.load_text(text, limits=Limits(paragraph_chars=7_000)).tables()


def test_a_long_paragraph_gives_records_of_bounded_size():
    # 1,200 different values (the same target said twice in a paragraph is one record)
    text = "I. MỤC TIÊU\n\n" + "".join(f"Phấn đấu đến năm 2025 tỷ lệ hộ gia đình có Internet cáp quang đạt trên "
                                    f"{5 + i / 20:g}%; ".replace(".", ",") for i in range(1_200))
    result = planextract.extract_text(text, "dense.txt")
    assert len(result.targets) == 1_200
    assert max(t.end - t.start for t in result.targets) > 2_000  # spans longer than the excerpt
    assert max(len(t.text) for t in result.targets) <= 2_000
    assert all(0 <= t.start < t.end <= len(text) for t in result.targets)


# ---------------------------------------------------------------- deep HTML

def _nested_html(depth: int, tag: str = "div") -> str:
    return ("<html><body>" + f"<{tag}>" * depth + "<p>Kế hoạch phát triển kinh tế số của tỉnh Nghệ An "
            "đến năm 2025.</p>" + f"</{tag}>" * depth + "</body></html>")


@pytest.mark.parametrize("depth, tag", [(1_000, "div"), (1_000, "span"), (100_000, "div")])
def test_deeply_nested_html_is_refused_with_the_depth_limit(tmp_path, depth, tag):
    page = tmp_path / "deep.html"
    page.write_text(_nested_html(depth, tag), encoding="utf-8")
    with pytest.raises(TooLarge, match=f"the HTML nests elements {depth + 3:,} deep, more than the limit of 256 "
                                       "levels \\(raise it with --max-html-depth"):
        planextract.load(page)
    _one_line_error(_cli("extract", str(page)), str(page), "--max-html-depth")


def test_deep_html_within_a_raised_limit_is_read(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text(_nested_html(3_000), encoding="utf-8")
    doc = planextract.load(page, limits=Limits(html_depth=4_000))
    assert doc.text == "Kế hoạch phát triển kinh tế số của tỉnh Nghệ An đến năm 2025."


# ---------------------------------------------------------------- a line holding only a tab

TAB_LINES = ["Tỉnh Nghệ An và các sở\n\t\n", "\t\n|"]


@pytest.mark.parametrize("text", TAB_LINES)
def test_a_line_holding_only_a_tab_is_read(text):
    try:
        doc = planextract.load_text(text)
    except PlanextractError:
        return  # '\t\n|' holds no Vietnamese: a clear error is right
    assert doc.text == "Tỉnh Nghệ An và các sở"


def test_a_line_holding_only_a_tab_through_the_command_line(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(TAB_LINES[0], encoding="utf-8")
    run = _cli("extract", str(plan))
    assert run.returncode == 0 and json.loads(run.stdout)["document"]["province"] == "Nghệ An", run.stderr


def test_a_file_name_with_a_line_break_still_gives_one_line(tmp_path):
    odd = tmp_path / "kế hoạch\nmới.txt"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(EmptyDocument) as info:
        planextract.load(odd)
    assert str(info.value) == f"{tmp_path}/kế hoạch\\nmới.txt: the file is empty"
    assert info.value.source == str(odd)  # the name itself is kept as it is
    _one_line_error(_cli("extract", str(odd)), "kế hoạch\\nmới.txt")
