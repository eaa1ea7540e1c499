"""Build the DOCX suite: made-up documents written as small HTML files (blind, with their gold)
→ real Word files with merged cells (python-docx), and the text a python-docx dump of each gives
(paragraphs one per line, table rows as cells joined with " | ", merged cells repeated in every
column and row they cover, as `row.cells` returns them).

    python scripts/make_docx_suite.py SRC_DIR [SRC_DIR …] --out tests/fixtures/docx_documents.json

Each SRC_DIR holds `Dnn.html` and its gold `Dnn.json`. The fixture keeps, per document, the
DOCX (base64), the dump and the portal text (`portal_text`: hard-wrapped lines, `**bold**`, tables
as bar streams with merged cells written once), with the one gold; tests read every form.
"""
from __future__ import annotations

import argparse
import base64
import io
import json
import re
import sys
from pathlib import Path

import docx
import lxml.html
from docx.enum.text import WD_ALIGN_PARAGRAPH


def docx_from_html(html: str) -> bytes:
    """A Word document of the HTML's paragraphs and tables, in order."""
    document = docx.Document()
    body = lxml.html.fromstring(f"<div>{html}</div>")
    for element in body.iter("p", "table"):
        if element.tag == "p" and not _inside_table(element):
            paragraph = document.add_paragraph()
            _add_runs(paragraph, element)
            if (element.get("align") or "").lower() == "center":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif element.tag == "table" and not _inside_table(element):
            _add_table(document, element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _inside_table(element) -> bool:
    return any(a.tag == "table" for a in element.iterancestors())


def _add_runs(paragraph, element, bold: bool = False, italic: bool = False) -> None:
    """The element's text as runs, <b>/<i> as formatting; <br> starts a new line."""
    if element.text:
        _run(paragraph, element.text, bold, italic)
    for child in element:
        if child.tag == "br":
            paragraph.add_run().add_break()
        else:
            _add_runs(paragraph, child, bold or child.tag in ("b", "strong"), italic or child.tag in ("i", "em"))
        if child.tail:
            _run(paragraph, child.tail, bold, italic)


def _run(paragraph, text: str, bold: bool, italic: bool) -> None:
    text = re.sub(r"\s+", " ", text)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None


def _grid(table) -> tuple[list[tuple[int, int, int, int, object]], int, int]:
    """(row, col, rowspan, colspan, cell element) of every cell, placed as HTML places them."""
    taken: set[tuple[int, int]] = set()
    placed = []
    rows = [tr for tr in table.iter("tr")]
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rs, cs = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
            placed.append((r, c, rs, cs, td))
            taken |= {(r + i, c + j) for i in range(rs) for j in range(cs)}
            c += cs
    n_cols = max((c + 1 for _, c in taken), default=1)
    return placed, len(rows), n_cols


def _add_table(document, element) -> None:
    placed, n_rows, n_cols = _grid(element)
    table = document.add_table(rows=n_rows, cols=n_cols)
    if "layout" not in (element.get("class") or ""):
        table.style = "Table Grid"  # visible borders: a data table
    for r, c, rs, cs, td in placed:
        cell = table.cell(r, c)
        if rs > 1 or cs > 1:
            cell = cell.merge(table.cell(min(r + rs, n_rows) - 1, min(c + cs, n_cols) - 1))
        _fill(cell, td)


def _fill(cell, td) -> None:
    """A cell's lines (split at <br>) as paragraphs of the cell."""
    lines = _cell_lines(td)
    cell.paragraphs[0].text = ""
    for i, (text, bold) in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = paragraph.add_run(text)
        run.bold = bold or None


def _cell_lines(td) -> list[tuple[str, bool]]:
    markup = lxml.html.tostring(td, encoding="unicode")
    inner = re.sub(r"^<t[dh][^>]*>|</t[dh]>$", "", markup.strip())
    out = []
    for piece in re.split(r"<br\s*/?>", inner):
        fragment = lxml.html.fromstring(f"<span>{piece}</span>")
        text = re.sub(r"\s+", " ", fragment.text_content()).strip()
        if text:
            out.append((text, bool(fragment.xpath(".//b|.//strong")) and not _plain_text(fragment)))
    return out


def _plain_text(fragment) -> str:
    """The text outside <b>: empty when the whole line is bold."""
    copy = lxml.html.fromstring(lxml.html.tostring(fragment, encoding="unicode"))
    for b in copy.xpath(".//b|.//strong"):
        b.drop_tree()
    return copy.text_content().strip()


def docx_dump(data: bytes) -> str:
    """What a python-docx script writes: body paragraphs one per line and each table row as
    its cells' text joined by ' | ' (`row.cells` repeats a merged cell)."""
    document = docx.Document(io.BytesIO(data))
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = docx.text.paragraph.Paragraph(block, document).text.strip()
            if text:
                lines.append(text)
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            for row in table.rows:
                lines.append(" | ".join(c.text.replace("\n", " ").strip() for c in row.cells))
    return "\n".join(lines) + "\n"


def portal_text(html: str) -> str:
    """The text a legal portal's converter makes of the same page: paragraphs hard-wrapped
    (the first line cut short), bold as `**…**`, tables as bar streams — each cell's lines
    between lone `|` lines, two `|` lines between rows, a merged cell written once in the
    first row it covers (the converter drops spans)."""
    body = lxml.html.fromstring(f"<div>{html}</div>")
    out: list[str] = []
    for element in body.iter("p", "table"):
        if _inside_table(element):
            continue
        if element.tag == "p":
            text = _marked(element)
            if text:
                out += [*_wrapped(text), ""]
        else:
            rows = []
            for tr in element.iter("tr"):
                cells = [td for td in tr if td.tag in ("td", "th")]
                rows.append("\n|\n".join(_cell_text(td) for td in cells))
            out += ["|", "\n|\n|\n".join(rows), "|", ""]
    return "\n".join(out) + "\n"


def _marked(element) -> str:
    """A paragraph's text with its bold runs as **…**."""
    markup = lxml.html.tostring(element, encoding="unicode")
    markup = re.sub(r"</?(?:b|strong)>", "**", re.sub(r"<br\s*/?>", " ", markup))
    return re.sub(r"\s+", " ", lxml.html.fromstring(markup).text_content()).replace("** **", " ").strip()


def _cell_text(td) -> str:
    """A cell's lines (one per <br>), as the portal's converter writes them: a line of up to 18
    characters whole ('KT. CHỦ TỊCH', 'Trương Việt Dũng'), a longer one cut after about 12
    ('**TM. ỦY BAN' / 'NHÂN DÂN**') and the rest wrapped at 60; an empty cell empty."""
    markup = re.sub(r"^<t[dh][^>]*>|</t[dh]>$", "", lxml.html.tostring(td, encoding="unicode").strip())
    lines = []
    for piece in re.split(r"<br\s*/?>", markup):
        text = _marked(lxml.html.fromstring(f"<span>{piece}</span>")) if piece.strip() else ""
        if text:
            lines += [text] if len(text.replace("*", "")) <= 18 else _wrapped(text, 60, first=12)
    return "\n".join(lines)


def _wrapped(text: str, width: int = 82, first: int = 25) -> list[str]:
    """Lines of at most `width` characters, the first one cut after about `first` (the
    converter's first line: 'Triển khai thực hiện Nghị' / 'quyết số 57-NQ/TW …')."""
    words, lines, line = text.split(), [], ""
    for word in words:
        limit = first if not lines else width
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + ([line] if line else [])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    cases = []
    for source in args.sources:
        for html_path in sorted(source.glob("D*.html")):
            gold = json.loads(html_path.with_suffix(".json").read_text(encoding="utf-8"))
            data = docx_from_html(html_path.read_text(encoding="utf-8"))
            html = html_path.read_text(encoding="utf-8")
            cases.append({"id": f"{source.name}-{html_path.stem}", "docx": base64.b64encode(data).decode(),
                          "dump": docx_dump(data), "portal": portal_text(html), "gold": gold})
    args.out.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} documents → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
