"""One self-contained HTML page per document: its text with every extracted span highlighted
by record type (fields on hover), and the record tables beside it.

The page carries the normalized text and the records as JSON and draws the highlights with
a few lines of JavaScript, so offsets are used exactly as the records state them. When the
script has finished it sets `data-ready` and the number of highlighted records per type on
`<body>` (what the browser test reads).
"""
from __future__ import annotations

import html
import json
from dataclasses import asdict

from .document import Document
from .records import Extraction

COLOURS = {"targets": "#ffe08a", "tasks": "#b8e0ff", "references": "#d7c4f2", "deadlines": "#ffc2c2"}

_SCRIPT = """
const data = JSON.parse(document.getElementById('data').textContent);
const text = data.text, recs = data.records;
const cuts = new Set([0, text.length]);
recs.forEach(r => { cuts.add(r.start); cuts.add(r.end); });
const points = [...cuts].sort((a, b) => a - b);
const out = document.getElementById('text');
const shown = {};
for (let i = 0; i + 1 < points.length; i++) {
  const a = points[i], b = points[i + 1];
  const covering = recs.filter(r => r.start <= a && b <= r.end);
  if (!covering.length) { out.appendChild(document.createTextNode(text.slice(a, b))); continue; }
  // The narrowest record gives colour and tooltip; all covering types are classes.
  const inner = covering.reduce((x, y) => (y.end - y.start < x.end - x.start ? y : x));
  const mark = document.createElement('mark');
  mark.className = covering.map(r => r.type).join(' ');
  mark.dataset.id = inner.id;
  mark.style.background = data.colours[inner.type];
  mark.title = inner.tip;
  mark.textContent = text.slice(a, b);
  out.appendChild(mark);
  covering.forEach(r => { (shown[r.type] = shown[r.type] || new Set()).add(r.id); });
}
for (const [type, ids] of Object.entries(shown)) document.body.dataset[type] = ids.size;
document.body.dataset.ready = 'yes';
"""

_STYLE = """
body { font-family: 'Liberation Serif', 'Times New Roman', serif; margin: 0; display: flex; }
#text { white-space: pre-wrap; width: 50%; height: 100vh; overflow: auto; padding: 1em; box-sizing: border-box; }
#tables { width: 50%; height: 100vh; overflow: auto; padding: 1em; box-sizing: border-box; font-size: 13px; }
table { border-collapse: collapse; margin-bottom: 1.5em; } td, th { border: 1px solid #999; padding: 2px 4px; vertical-align: top; }
mark { border-radius: 2px; } h2 { font-size: 16px; }
"""


def _tip(record: dict) -> str:
    return "\n".join(f"{k}: {v}" for k, v in record.items()
                     if k not in ("start", "end", "page", "text") and v not in (None, [], ""))


def _table(name: str, records: list) -> str:
    rows = [asdict(r) for r in records]
    if not rows:
        return f"<h2>{name} (0)</h2>"
    cols = [c for c in rows[0] if c not in ("start", "end", "text", "section")]  # the text is on the left
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(r[c]))}</td>" for c in cols) + "</tr>" for r in rows)
    return f"<h2 style='background:{COLOURS.get(name, '#eee')}'>{name} ({len(rows)})</h2><table><tr>{head}</tr>{body}</table>"


def _cell(value) -> str:
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return "" if value is None else str(value)


# Inside <script>, "</script" ends the element and "<!--" followed by "<script" changes how
# the rest is parsed; U+2028/2029 end a line of older JavaScript. None of them may stand
# in the embedded data as it is: each becomes its JSON escape, which parses the same.
_SCRIPT_UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                  0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_safe_json(data) -> str:
    """JSON that can stand inside a <script> element whatever text it holds."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_UNSAFE)


def render_report(doc: Document, result: Extraction) -> str:
    records = []
    for name in COLOURS:
        for i, record in enumerate(getattr(result, name)):
            data = asdict(record)
            if data.get("start") is None or data.get("end") is None:
                continue
            records.append({"type": name, "id": f"{name}-{i}", "start": data["start"], "end": data["end"],
                            "tip": _tip(data)})
    payload = script_safe_json({"text": doc.text, "records": records, "colours": COLOURS})
    meta = result.document
    title = html.escape(f"{meta.doc_type or ''} {meta.number or ''} — {meta.province or ''}".strip())
    tables = "".join(_table(name, getattr(result, name)) for name in COLOURS)
    return (f"<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>{title}</title>"
            f"<style>{_STYLE}</style></head><body><div id='text'></div><div id='tables'>"
            f"<h1 style='font-size:18px'>{title}</h1>{tables}</div>"
            f"<script type='application/json' id='data'>{payload}</script><script>{_SCRIPT}</script></body></html>")


def write_report(path_in, path_out, *, limits=None) -> int:
    """Extract a plan and write its report; returns the number of records drawn. The output
    is checked to be writable before the plan is read."""
    from pathlib import Path

    from .batch import check_writable_file, write_atomically
    from .extract import extract_document
    from .ingest import load
    from .limits import applied, resolved
    check_writable_file(Path(path_out))
    limits = resolved(limits)
    with applied(limits):
        doc = load(path_in, limits=limits)
        result = extract_document(doc)
    write_atomically(Path(path_out), render_report(doc, result))
    return sum(len(getattr(result, name)) for name in COLOURS)
