"""Structure: which heading, list item or lead-in every block stands under.

Each block becomes a `Node` with a role — heading, item, lead-in, paragraph, table — and a
parent. Headings come in every form plans use: numbers ("I.", "1.", "1.1.", "a)", "1/",
"I -", "PHẦN I", "Điều 3"), Markdown `#`, and unnumbered lines that are bold or in
capitals and short. A paragraph that ends in ":" is a lead-in: the list under it is its
("Mục tiêu cơ bản đến năm 2025:" above bullets). Nesting follows the numbering style
seen: a style already open closes everything opened after it (a sibling); a new style
opens inside the current one when its rank is deeper (A > I > 1 > 1.1 > a > - > +), or
when the current item ends in ":" (the colon announces the list).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import HEADING, LIST_ITEM, PARAGRAPH, TABLE, Block, Document
from ..normalize import is_all_caps

HEADING_ROLE, ITEM, LEADIN, TEXT, TABLE_ROLE = "heading", "item", "leadin", "paragraph", "table"
PREAMBLE = "preamble"  # the header block, the document type line and the title: no section
MAX_PREAMBLE_BLOCKS = 30
MAX_TITLE_LINES = 4
_AFTER_TITLE = re.compile(r"^(?:Căn cứ|Thực hiện|Theo|Xét|Để|Trên cơ sở|Nhằm|Ủy ban nhân dân|UBND|Kính gửi|"
                          r"Hội đồng nhân dân|Ban Thường vụ|Ban Chấp hành)\b")
PATH_SEPARATOR = " > "
UNNUMBERED_HEADING_MAX_WORDS = 20
CAPS_HEADING_MAX_WORDS = 32  # a title in capitals runs longer (words are syllables: 'BẢNG CHẤM ĐIỂM … NĂM 2026')
LEADIN_MAX_WORDS = 40

# Prior ranks of numbering styles, outermost first.
_RANKS = {"part": 0.0, "caps": 0.5, "upper": 1.0, "article": 1.0, "roman": 2.0, "arabic": 3.0,
          "lower": 6.0, "bullet": 7.0, "plus": 8.0}
_DYNAMIC = ("bold", LEADIN)


@dataclass(eq=False)
class Node:
    block: Block
    index: int
    role: str
    style: str | None = None
    parent: "Node | None" = field(default=None, repr=False)

    @property
    def title(self) -> str:
        return self.block.text.rstrip(":").strip()

    def chain(self) -> list["Node"]:
        """This node and its ancestors, nearest first."""
        out, node = [], self
        while node is not None:
            out.append(node)
            node = node.parent
        return out


def number_style(number: str) -> str:
    """'II.' → roman, '1.' / '1)' / '1/' → arabic, '1.1.' → dotted2, 'a)' → lower …"""
    number = number.strip()
    if re.match(r"^(?:PHẦN|Phần|CHƯƠNG|Chương)\b", number):
        return "part"
    if re.match(r"^(?:ĐIỀU|Điều|MỤC|Mục)\b", number):
        return "article"
    core = re.sub(r"[.)/:\s–-]+$", "", number)
    if re.fullmatch(r"\d+(?:\.\d+)+", core):
        return f"dotted{core.count('.') + 1}"
    if core.isdigit():
        return "arabic"
    if re.fullmatch(r"[IVXLC]+", core):
        return "roman"
    if re.fullmatch(r"[A-ZĐ]", core):
        return "upper"
    return "lower"


def rank(style: str) -> float:
    if style.startswith("dotted"):
        return 3.0 + int(style[6:]) * 0.5
    if style.startswith("md"):
        return int(style[2:]) - 0.5
    return _RANKS.get(style, 5.0)


_BULLET = re.compile(r"^([-–—•∙*])\s*")
_PLUS = re.compile(r"^\+\s*")


def classify_node(block: Block) -> tuple[str, str | None]:
    """(role, style) of a block."""
    if block.kind == TABLE:
        return TABLE_ROLE, None
    text = block.text
    md_level = block.md_level
    if block.kind == HEADING:
        if block.number:
            return HEADING_ROLE, number_style(block.number)
        return HEADING_ROLE, f"md{md_level or 1}"
    if block.kind == LIST_ITEM:
        if block.number:
            return ITEM, number_style(block.number)
        return ITEM, "plus" if _PLUS.match(text) else "bullet"
    if is_unnumbered_heading(block):
        return HEADING_ROLE, "caps" if is_all_caps(text, min_letters=4) else "bold"
    if is_leadin(text) or is_caption(text):
        return LEADIN, LEADIN
    return TEXT, None


def is_unnumbered_heading(block: Block) -> bool:
    """A short line in bold or in capitals that is not a sentence: "PHỤ LỤC", "**Mục tiêu
    cụ thể**", "NHIỆM VỤ VÀ GIẢI PHÁP"."""
    text = block.text.strip()
    words = text.split()
    if not words or len(words) > CAPS_HEADING_MAX_WORDS or text.endswith((".", ";", ",")):
        return False
    if not re.search(r"[^\W\d_]", text):
        return False
    if is_all_caps(text, min_letters=4):
        return True
    return block.bold and len(words) <= UNNUMBERED_HEADING_MAX_WORDS


def is_leadin(text: str) -> bool:
    return text.rstrip().endswith(":") and len(text.split()) <= LEADIN_MAX_WORDS


_CAPTION = re.compile(r"^(?:Bảng|BẢNG|Biểu|BIỂU)\s+(?:số\s+)?\d{1,3}\s*[.:]\s")


def is_caption(text: str) -> bool:
    """A table's caption: "Bảng 1. Chỉ tiêu phát triển lâm nghiệp đến năm 2030"."""
    return bool(_CAPTION.match(text)) and len(text.split()) <= LEADIN_MAX_WORDS


def preamble_end(doc: Document) -> tuple[int, list[str]]:
    """(index of the first block after the document type line and its title, the title's
    lines); (0, []) when the document has no type line near its top."""
    from ..lexicon import doc_type_lines
    types = doc_type_lines()
    first = next((i for i, b in enumerate(doc.blocks[:MAX_PREAMBLE_BLOCKS])
                  if b.table is None and b.text.strip(" :").upper() in types and b.text.strip(" :").isupper()), None)
    if first is None:
        return 0, []
    title, i = [], first + 1
    while i < len(doc.blocks) and len(title) < MAX_TITLE_LINES:
        block = doc.blocks[i]
        if block.table is not None or block.number or _AFTER_TITLE.match(block.text) or len(block.text.split()) > 60:
            break
        if title and (block.text.rstrip().endswith((".", ";")) or _names_a_section(block.text)):
            break  # the title is over: a sentence, or a heading such as "MỤC TIÊU CHUNG"
        title.append(block.text)
        i += 1
    return i, title


def _names_a_section(text: str) -> bool:
    from .scope import kind_of
    return is_all_caps(text, min_letters=4) and len(text.split()) <= 12 and kind_of(text) is not None


def build_outline(doc: Document) -> list[Node]:
    """One Node per block of `doc.blocks`, parents set."""
    nodes: list[Node] = []
    stack: list[Node] = []  # open containers, outermost first
    after_preamble, _ = preamble_end(doc)
    for index, block in enumerate(doc.blocks):
        role, style = classify_node(block)
        if index < after_preamble:
            role, style = PREAMBLE, None
        node = Node(block, index, role, style)
        if block.boilerplate or role == PREAMBLE:
            nodes.append(node)
            continue
        if role == TABLE_ROLE and stack and stack[-1].role == LEADIN and nodes and nodes[-1] is stack[-1]:
            node.parent = stack.pop()  # the lead-in or caption just above a table is its own
        elif role in (TEXT, TABLE_ROLE):
            _close_lists(stack)
            node.parent = stack[-1] if stack else None
        else:
            _place(node, stack)
            stack.append(node)
        nodes.append(node)
    return nodes


def _close_lists(stack: list[Node]) -> None:
    """A plain paragraph or a table ends the lists and lead-ins open above it."""
    while stack and stack[-1].role in (ITEM, LEADIN):
        stack.pop()


def _place(node: Node, stack: list[Node]) -> None:
    style = node.style
    same = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].style == style), None)
    if same is not None:
        del stack[same:]
    elif style == LEADIN:
        _close_lists(stack)
    elif style == "bold" and node.role == HEADING_ROLE:
        while stack and stack[-1].role != HEADING_ROLE:
            stack.pop()
        while stack and stack[-1].style == "bold":
            stack.pop()
    elif node.role == HEADING_ROLE:
        # an article written as a long paragraph ('Điều 1. Giao … các chỉ tiêu chủ yếu sau:') holds
        # the numbered headings under it like a heading does
        while stack and ((stack[-1].role != HEADING_ROLE and stack[-1].style != "article") or
                         (stack[-1].style not in _DYNAMIC and rank(stack[-1].style) >= rank(style))):
            stack.pop()
    else:  # an item of a style not open yet
        while stack and stack[-1].role == ITEM and not stack[-1].block.text.rstrip().endswith(":") \
                and rank(stack[-1].style) >= rank(style):
            stack.pop()
    node.parent = stack[-1] if stack else None


def section_titles(node: Node) -> list[str]:
    """The headings a node stands under, outermost first (itself included if a heading)."""
    return [n.title for n in reversed(node.chain()) if n.role == HEADING_ROLE]


def section_string(node: Node) -> str:
    return PATH_SEPARATOR.join(section_titles(node))
