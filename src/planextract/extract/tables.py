"""Assignment and target tables: which column plays which role, and a row's agencies.

Column roles come from the header wordings in `data/table_headers.csv`
("Đơn vị chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện" …), matched
loosely so that typos and variants ("đơn đốc" for "đôn đốc") still find them.
"""
from __future__ import annotations

import difflib

from ..document import Table
from ..lexicon import table_headers
from ..normalize import normalize_key

ROLE_THRESHOLD = 0.75


def header_role(text: str) -> str | None:
    """'Cơ quan chủ trì theo dõi, đơn đốc' → 'lead'."""
    key = normalize_key(text)
    if not key:
        return None
    best, best_score = None, ROLE_THRESHOLD
    for wording, role in table_headers().items():
        score = difflib.SequenceMatcher(None, key, wording).ratio()
        if score > best_score:
            best, best_score = role, score
    return best


def column_roles(table: Table) -> dict[int, str]:
    """{column: role} from the table's first row."""
    roles = {}
    for cell in table.row(0):
        role = header_role(cell.text)
        if role and role not in roles.values():
            roles[cell.col] = role
    return roles


def row_agencies(table: Table, row: int, roles: dict[int, str], province: str | None
                 ) -> tuple[list[str], list[str]]:
    """(lead, partners) canonical names of a row, merged cells included."""
    from .agencies import canonical_names
    grid = table.grid()[row]
    out = {"lead": [], "partners": []}
    for col, role in roles.items():
        if role in out and grid[col] is not None:
            out[role] = canonical_names(grid[col].text, province)
    return out["lead"], out["partners"]
