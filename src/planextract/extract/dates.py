"""Vietnamese dates as written → ISO: '31/3/2022', '07 /12/2022', 'ngày 06 tháng 7 năm 2022'."""
from __future__ import annotations

import datetime as dt
import re

DATE_PATTERN = (r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}"
                r"|\d{1,2}\s+tháng\s+\d{1,2}\s+(?:năm|tháng)\s+\d{4}")
_PARTS = re.compile(r"(\d{1,2})\D+?(\d{1,2})\D+?(\d{4})")


def iso_date(text: str) -> str | None:
    """'06 tháng 7 năm 2022' → '2022-07-06'; None when it is not a real date."""
    m = _PARTS.search(text)
    if not m:
        return None
    day, month, year = (int(g) for g in m.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
