"""Word 2007+ (.docx): the body in reading order, tables with their real spans.

- Paragraphs and tables are read interleaved, in document order, from the XML
  of the body (python-docx's `paragraphs` / `tables` lists lose the order).
  Headers and footers (page numbers) are not read.
- A paragraph's text includes the number Word draws for automatic numbering
  ("I.", "1.", "a)", bullets become "- "), because `assemble` classifies by
  the numbering as written. A line break (Shift+Enter) is a space, unless the
  next line starts a new item ("- …", "2. …"): then it starts a new piece.
- Bold: all visible runs bold → `bold`; a leading bold run followed by plain
  text → `bold_prefix`. Direct formatting, then character and paragraph styles.
- Tables are rebuilt from `w:tc` (python-docx's `row.cells` repeats merged
  cells): `w:gridSpan` is a column span, `w:vMerge` restart/continue a row
  span (continuing cells are not emitted), `w:gridBefore` skips columns.
  Paragraphs of a cell (and of a table nested in it) are joined with a space.
  A header row repeated as a real row (documents converted from PDF) is dropped.
- Layout tables — no visible borders (the header block: agency | motto,
  "Số: …" | place and date; the signature block), or a single row of at most
  two cells — are not data: their cells are read as paragraphs, row by row,
  joining the lines of one unit ("ỦY BAN NHÂN DÂN" + "TỈNH ĐỒNG THÁP") with the
  text reader's rule, so both readers give the same blocks.
- `pages` is None: a DOCX has no fixed pages (the layout is the word
  processor's); explicit page breaks do not say how many pages there are.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..document import Cell, Document
from ..errors import CorruptFile, EncryptedFile, PlanextractError, TooLarge, UnsupportedInput
from ..limits import Limits, over_limit, resolved
from .assemble import Piece, assemble, is_bullet, split_number
from .text import continues_wrapped, is_rule

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Elements that only wrap runs or blocks (hyperlinks, tracked insertions, content controls…).
_RUN_CONTAINERS = {W + t for t in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent",
                                   "fldSimple", "customXml", "moveTo", "dir", "bdo")}
_BLOCK_CONTAINERS = {W + t for t in ("sdt", "sdtContent", "customXml")}
_NO_BORDER = {"nil", "none"}
_FALSE = {"0", "false", "off"}


def read_docx(path: Path, *, limits: Limits | None = None) -> Document:
    """Read a .docx file into a Document (`pages` is None: DOCX has no fixed pages)."""
    path = Path(path)
    source = str(path)
    document = open_docx(path, source, resolved(limits))
    reader = _BodyReader(document)
    pieces = list(reader.pieces(document.element.body))
    return assemble(pieces, source=source, fmt="docx", raw_text=raw_text(pieces), pages=None)


# ---------------------------------------------------------------- opening

def open_docx(path: Path, source: str, limits: Limits | None = None):
    """python-docx's Document, or a PlanextractError that says what is wrong with the file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    if not path.is_file():
        raise PlanextractError(source, "no such file")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == OLE_MAGIC:
        raise _ole_error(path, source)
    if not zipfile.is_zipfile(path):
        raise CorruptFile(source, "not a valid DOCX: the file is not a zip archive "
                                  "(damaged, truncated or not a Word file)")
    check_archive(path, source, resolved(limits))
    try:
        return docx.Document(str(path))
    except KeyError as err:  # a part the package lists is missing from the zip
        raise CorruptFile(source, f"not a valid DOCX: {err.args[0] if err.args else err}") from None
    except PackageNotFoundError:
        raise CorruptFile(source, "not a valid DOCX: the zip archive cannot be read") from None
    except ValueError as err:  # "… is not a Word file, content type is …" (an .xlsx, .pptx)
        raise UnsupportedInput(source, f"not a Word document: {err}") from None
    except XMLSyntaxError as err:
        raise CorruptFile(source, f"not a valid DOCX: a part is not well-formed XML "
                                  f"({err})") from None
    except zipfile.BadZipFile as err:
        raise CorruptFile(source, f"not a valid DOCX: the zip archive is damaged ({err})") from None
    except Exception as err:  # malformed XML and the like: never a raw traceback
        raise CorruptFile(source, f"not a valid DOCX: {type(err).__name__}: {err}") from None


def check_archive(path: Path, source: str, limits: Limits) -> None:
    """Refuse a zip (DOCX, XLSX) that holds too many files or unzips to too much, before
    anything is unzipped. The sizes its directory states are the most zipfile will
    inflate: a member that holds more fails its CRC check and reads as damaged."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise CorruptFile(source, f"not a valid DOCX: the zip archive is damaged ({err})") from None
    if len(members) > limits.zip_members:
        raise TooLarge(source, over_limit("zip_members", f"the archive holds {len(members):,} files", limits))
    unzipped = sum(m.file_size for m in members)
    if unzipped > limits.unzipped_bytes:
        raise TooLarge(source, over_limit("unzipped_mb", f"the archive unzips to {unzipped / (1 << 20):,.1f} MB",
                                          limits))


def _ole_error(path: Path, source: str) -> PlanextractError:
    """An OLE container is a password-protected Office file or a legacy binary .doc."""
    data = path.read_bytes()
    if "EncryptionInfo".encode("utf-16-le") in data:
        return EncryptedFile(source, "the DOCX is password-protected; remove the password "
                                     "or export it as PDF")
    return UnsupportedInput(source, "an old binary Word (.doc) file, not a DOCX; "
                                    "save it as .docx or PDF")


# ---------------------------------------------------------------- body

@dataclass
class _Fragment:
    """A piece of a paragraph's text with its boldness; `breaks` marks a line break."""
    text: str
    bold: bool
    breaks: bool = False


class _BodyReader:
    """Turns the body's XML into pieces, resolving styles and automatic numbering."""

    def __init__(self, document) -> None:
        self.styles = _Styles(document)
        self.numbering = _Numbering(document, self.styles)

    def pieces(self, container) -> Iterator[Piece]:
        for child in container:
            if child.tag == W + "p":
                yield from self.paragraph_pieces(child)
            elif child.tag == W + "tbl":
                yield from self.table_pieces(child)
            elif child.tag in _BLOCK_CONTAINERS:
                yield from self.pieces(child)

    # -- paragraphs

    def paragraph_pieces(self, p) -> Iterator[Piece]:
        fragments = self.fragments(p)
        number = self.numbering.label(p)
        if number:
            fragments.insert(0, _Fragment(number + " ", self.numbering_bold(p, fragments)))
        for line in _split_items(fragments):
            if piece := _piece_of(line):
                yield piece

    def numbering_bold(self, p, fragments: list[_Fragment]) -> bool:
        """Word draws the number in the paragraph's first run's style."""
        visible = [f for f in fragments if f.text.strip()]
        return visible[0].bold if visible else self.styles.paragraph_bold(p)

    def fragments(self, p) -> list[_Fragment]:
        para_bold = self.styles.paragraph_bold(p)
        out: list[_Fragment] = []
        for run in _runs(p):
            bold = self.styles.run_bold(run, para_bold)
            for child in run:
                tag = child.tag
                if tag == W + "t":
                    out.append(_Fragment(child.text or "", bold))
                elif tag in (W + "tab", W + "ptab"):
                    out.append(_Fragment(" ", bold))
                elif tag in (W + "br", W + "cr"):
                    out.append(_Fragment(" ", bold, breaks=True))
                elif tag == W + "noBreakHyphen":
                    out.append(_Fragment("-", bold))
        return out

    # -- tables

    def table_pieces(self, tbl) -> Iterator[Piece]:
        if _is_layout_table(tbl, self.styles):
            for tc in _row_cells_of_table(tbl):
                yield from join_layout_lines(self.cell_paragraph_pieces(tc))
            return
        yield Piece(cells=self.table_cells(tbl))

    def cell_paragraph_pieces(self, tc) -> list[Piece]:
        return [piece for p in _cell_paragraphs(tc) for piece in self.paragraph_pieces(p)]

    def table_cells(self, tbl) -> list[Cell]:
        cells: list[Cell] = []
        open_merges: dict[int, Cell] = {}  # grid column → the cell a vMerge continues
        header_key: str | None = None
        row = 0
        for tr in tbl.iterchildren(W + "tr"):
            row_cells = self.row_cells(tr, row, open_merges)
            key = " ".join(c.text for c in row_cells if c.text).lower()
            if header_key is None:
                header_key = key
            elif key and key == header_key:
                continue  # the header repeated as a real row
            cells += row_cells
            row += 1
        return cells

    def row_cells(self, tr, row: int, open_merges: dict[int, Cell]) -> list[Cell]:
        out: list[Cell] = []
        col = _int_val(tr.find(f"{W}trPr/{W}gridBefore"), 0)
        for tc in _cells_of_row(tr):
            span = max(1, _int_val(tc.find(f"{W}tcPr/{W}gridSpan"), 1))
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            continuing = merge is not None and merge.get(W + "val", "continue") == "continue"
            if continuing and col in open_merges:
                open_merges[col].row_span += 1
            else:
                cell = Cell(row, col, self.cell_text(tc), col_span=span, bold=self.cell_bold(tc))
                out.append(cell)
                for c in range(col, col + span):
                    open_merges.pop(c, None)
                if merge is not None:
                    open_merges[col] = cell
            col += span
        return out

    def cell_text(self, tc) -> str:
        return " ".join(piece.text.strip() for piece in self.cell_paragraph_pieces(tc)
                        if piece.text.strip())

    def cell_bold(self, tc) -> bool:
        visible = [f for p in _cell_paragraphs(tc) for f in self.fragments(p) if f.text.strip()]
        return bool(visible) and all(f.bold for f in visible)


def _children(container, tag: str, wrappers: set) -> Iterator:
    """Children with `tag`, looking through wrapper elements (hyperlinks, content controls …)."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag in wrappers:
            yield from _children(child, tag, wrappers)


def _runs(container) -> Iterator:
    """The runs of a paragraph, looking inside hyperlinks, insertions, content controls."""
    return _children(container, W + "r", _RUN_CONTAINERS)


def _split_items(fragments: list[_Fragment]) -> list[list[_Fragment]]:
    """Lines of a paragraph: a line break starts a new piece only before a new item."""
    lines: list[list[_Fragment]] = [[]]
    for fragment in fragments:
        if fragment.breaks:
            lines.append([])
        lines[-1].append(fragment)
    joined: list[list[_Fragment]] = []
    for line in lines:
        text = "".join(f.text for f in line).strip()
        if joined and text and not (is_bullet(text) or split_number(text)[0]):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def _piece_of(fragments: list[_Fragment]) -> Piece | None:
    text = "".join(f.text for f in fragments).strip()
    if not text or is_rule(text):  # "-------" under the agency name is decoration
        return None
    visible = [f for f in fragments if f.text.strip()]
    if all(f.bold for f in visible):
        return Piece(text, bold=True)
    prefix = ""
    for fragment in fragments:
        if fragment.text.strip() and not fragment.bold:
            break
        prefix += fragment.text
    return Piece(text, bold_prefix=prefix.strip())


def raw_text(pieces: list[Piece]) -> str:
    """The text as read, before normalization: one line per piece, table cells tab-separated."""
    lines: list[str] = []
    for piece in pieces:
        if not piece.is_table:
            lines.append(piece.text)
            continue
        for row in sorted({c.row for c in piece.cells}):
            cells = sorted((c for c in piece.cells if c.row == row), key=lambda c: c.col)
            lines.append("\t".join(c.text for c in cells))
    return "\n".join(lines)


# ---------------------------------------------------------------- table structure

def _cells_of_row(tr) -> Iterator:
    return _children(tr, W + "tc", _BLOCK_CONTAINERS)


def _row_cells_of_table(tbl) -> Iterator:
    for tr in tbl.iterchildren(W + "tr"):
        yield from _cells_of_row(tr)


def _cell_paragraphs(tc) -> list:
    """All paragraphs of a cell in order, nested tables flattened, text boxes left out."""
    return [p for p in tc.iter(W + "p")
            if not any(a.tag == W + "txbxContent" for a in p.iterancestors())]


def _int_val(element, default: int) -> int:
    try:
        return int(element.get(W + "val")) if element is not None else default
    except (TypeError, ValueError):
        return default


def _is_layout_table(tbl, styles: "_Styles") -> bool:
    rows = list(tbl.iterchildren(W + "tr"))
    if len(rows) == 1 and len(list(_cells_of_row(rows[0]))) <= 2:
        return True
    return not _has_visible_borders(tbl, styles)


def _has_visible_borders(tbl, styles: "_Styles") -> bool:
    table_borders = tbl.find(f"{W}tblPr/{W}tblBorders")
    if table_borders is None:
        style = tbl.find(f"{W}tblPr/{W}tblStyle")
        table_borders = styles.table_borders(style.get(W + "val") if style is not None else None)
    if table_borders is not None and _any_visible(table_borders):
        return True
    return any(_any_visible(b) for b in tbl.iter(W + "tcBorders"))


def _any_visible(borders) -> bool:
    return any(b.get(W + "val", "nil") not in _NO_BORDER for b in borders)


def join_layout_lines(pieces: list[Piece]) -> Iterator[Piece]:
    """The lines of one layout-table cell, joined where one unit was set on two lines
    ("ỦY BAN NHÂN DÂN" / "TỈNH ĐỒNG THÁP"), by the text reader's wrapped-line rule."""
    current: Piece | None = None
    for piece in pieces:
        if current and not (current.is_table or piece.is_table) and \
                continues_wrapped(current.text, piece.text):
            current = Piece(f"{current.text} {piece.text}", bold=current.bold and piece.bold)
            continue
        if current:
            yield current
        current = piece
    if current:
        yield current


# ---------------------------------------------------------------- styles and numbering

class _Styles:
    """Bold, borders and numbering as the document's styles define them (with `basedOn`)."""

    def __init__(self, document) -> None:
        try:
            styles = list(document.styles.element.iter(W + "style"))
        except Exception:  # a DOCX without styles.xml
            styles = []
        self.by_id = {s.get(W + "styleId"): s for s in styles}
        self.default_paragraph = next((s.get(W + "styleId") for s in self.by_id.values()
                                       if s.get(W + "type") == "paragraph"
                                       and s.get(W + "default") in ("1", "true")), None)

    def chain(self, style_id: str | None) -> Iterator:
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None

    def style_bold(self, style_id: str | None) -> bool | None:
        for style in self.chain(style_id):
            if (b := style.find(f"{W}rPr/{W}b")) is not None:
                return b.get(W + "val", "true") not in _FALSE
        return None

    def paragraph_style(self, p) -> str | None:
        style = p.find(f"{W}pPr/{W}pStyle")
        return style.get(W + "val") if style is not None else self.default_paragraph

    def paragraph_bold(self, p) -> bool:
        return bool(self.style_bold(self.paragraph_style(p)))

    def run_bold(self, run, paragraph_bold: bool) -> bool:
        if (b := run.find(f"{W}rPr/{W}b")) is not None:
            return b.get(W + "val", "true") not in _FALSE
        style = run.find(f"{W}rPr/{W}rStyle")
        if style is not None and (bold := self.style_bold(style.get(W + "val"))) is not None:
            return bold
        return paragraph_bold

    def table_borders(self, style_id: str | None):
        for style in self.chain(style_id):
            if (borders := style.find(f"{W}tblPr/{W}tblBorders")) is not None:
                return borders
        return None

    def numbering_of(self, style_id: str | None):
        for style in self.chain(style_id):
            if (num_pr := style.find(f"{W}pPr/{W}numPr")) is not None:
                return num_pr
        return None


def alpha_label(n: int) -> str:
    """Word's letter numbering: A … Z, AA … ZZ, AAA …"""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def roman_numeral(n: int) -> str:
    """4 → 'IV'."""
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


class _Numbering:
    """The labels Word draws for automatically numbered paragraphs ("1.", "a)", "-").

    Counters are kept per abstract list, so two `w:num` of one list continue each
    other, as Word does; a `w:startOverride` restarts the list where it is first used.
    """

    def __init__(self, document, styles: _Styles) -> None:
        self.styles = styles
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstract id → levels
        self.num_to_abstract: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering.xml: nothing is auto-numbered
            return
        for abstract in root.iter(W + "abstractNum"):
            self.levels[abstract.get(W + "abstractNumId")] = {
                _int_attr(lvl, "ilvl"): _level(lvl)
                for lvl in abstract.iter(W + "lvl")}
        for num in root.iter(W + "num"):
            num_id = num.get(W + "numId")
            ref = num.find(W + "abstractNumId")
            self.num_to_abstract[num_id] = ref.get(W + "val") if ref is not None else ""
            self.overrides[num_id] = {
                _int_attr(o, "ilvl"): _int_val(o.find(W + "startOverride"), 1)
                for o in num.iter(W + "lvlOverride") if o.find(W + "startOverride") is not None}

    def label(self, p) -> str:
        """The number Word draws before paragraph `p` ("" when it has none)."""
        num_pr = p.find(f"{W}pPr/{W}numPr")
        if num_pr is None:
            num_pr = self.styles.numbering_of(self.styles.paragraph_style(p))
        if num_pr is None:
            return ""
        num_id_element = num_pr.find(W + "numId")
        num_id = num_id_element.get(W + "val", "0") if num_id_element is not None else "0"
        ilvl = _int_val(num_pr.find(W + "ilvl"), 0)
        abstract = self.num_to_abstract.get(num_id, "")
        levels = self.levels.get(abstract)
        if num_id == "0" or not levels or ilvl not in levels:  # numId 0 switches numbering off
            return ""
        return self.next_label(num_id, abstract, levels, ilvl)

    def next_label(self, num_id: str, abstract: str, levels: dict, ilvl: int) -> str:
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in self.overrides.get(num_id, {}).items():
                counters[level] = start - 1
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a deeper level restarts under a new item
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return text.split("%")[0].strip()
        for level in range(9):
            if f"%{level + 1}" in text:
                lvl_fmt, _, lvl_start = levels.get(level, ("decimal", "", 1))
                value = counters.get(level, lvl_start)
                text = text.replace(f"%{level + 1}", _FORMATS.get(lvl_fmt, str)(value))
        return text.strip()


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": lambda n: alpha_label(n).lower(),
    "upperLetter": alpha_label,
    "lowerRoman": lambda n: roman_numeral(n).lower(),
    "upperRoman": roman_numeral,
}


def _int_attr(element, name: str) -> int:
    try:
        return int(element.get(W + name, "0"))
    except ValueError:
        return 0


def _level(lvl) -> tuple[str, str, int]:
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    return (fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
            text.get(W + "val", "") if text is not None else "",
            _int_val(lvl.find(W + "start"), 1))
