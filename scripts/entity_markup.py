"""Entity gold as inline markup, for people (or helpers) who annotate in a text editor.

    python scripts/entity_markup.py to corpus/nghe-an-347-2023.txt nghe-an.md
    python scripts/entity_markup.py from corpus/nghe-an-347-2023.txt nghe-an.md

`to` writes one unit per paragraph: a line "@@ start-end" then the unit's text with the
pipeline's predicted spans marked ⟦words|LABEL⟧. Edit the marks; `from` checks that the
text without marks is still the unit's text, then writes annotations/entities/<name>.json.
"""
from __future__ import annotations

import re
import sys

from planextract import load
from planextract.annotate import (EntityGold, EntitySpan, Unit, check_labels, entities_path, flat,
                                  predicted_spans, save_entity_gold, units_with_spans)

MARK = re.compile(r"⟦([^⟦⟧|]+)\|([A-Z_]+)⟧")


def to_markup(source: str, out: str) -> None:
    document = load(source)
    units = units_with_spans(document, predicted_spans(document))
    lines = []
    for unit in units:
        text, pos, parts = document.text, unit.start, []
        for span in unit.spans:
            parts += [text[pos:span.start], f"⟦{text[span.start:span.end]}|{span.label}⟧"]
            pos = span.end
        parts.append(text[pos:unit.end])
        lines += [f"@@ {unit.start}-{unit.end}", "".join(parts).replace("\n", "⏎"), ""]
    open(out, "w", encoding="utf-8").write("\n".join(lines))


def from_markup(source: str, markup: str, annotations: str = "annotations") -> None:
    document = load(source)
    units: list[Unit] = []
    chunks = re.split(r"^@@ (\d+)-(\d+)\n", open(markup, encoding="utf-8").read(), flags=re.M)
    for start, end, body in zip(chunks[1::3], chunks[2::3], chunks[3::3]):
        unit = Unit(int(start), int(end))
        body = body.rstrip("\n").replace("⏎", "\n")
        plain, spans, pos = [], [], unit.start
        last = 0
        for m in MARK.finditer(body):
            plain.append(body[last:m.start()])
            pos += len(body[last:m.start()])
            spans.append(EntitySpan(pos, pos + len(m.group(1)), m.group(2), m.group(1)))
            plain.append(m.group(1))
            pos += len(m.group(1))
            last = m.end()
        plain.append(body[last:])
        if "".join(plain) != document.text[unit.start:unit.end]:
            sys.exit(f"{markup}: unit {start}-{end}: text changed:\n{''.join(plain)!r}\n{document.text[unit.start:unit.end]!r}")
        check_labels(spans)
        if flat(spans) != spans:
            sys.exit(f"{markup}: unit {start}-{end}: overlapping spans")
        unit.spans = spans
        units.append(unit)
    gold = EntityGold(source, document.doc_id, units)
    path = entities_path(annotations, source)
    save_entity_gold(gold, path)
    print(f"{path}: {len(units)} units, {len(gold.spans())} spans")


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"to": to_markup, "from": from_markup}[command](*args)
