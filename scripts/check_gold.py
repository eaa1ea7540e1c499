#!/usr/bin/env python3
"""Check a hand-written gold file against annotations/guidelines.md (form only).

    python scripts/check_gold.py annotations/c004.json [--doc corpus/c004.txt]

It checks that every record has every field with the right type, that strings are NFC and
trimmed, that comparators, recurrences and domains are known values, that years are years and
dates ISO, and that each record's `text` is found in the document once markdown marks, table
bars and line breaks are removed. It never runs the extractor: annotators may use it.
Exit 0 when the file is clean, 1 with one line per problem otherwise.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

DOCUMENT = {"doc_id", "source", "province", "issuer", "doc_type", "number", "issued_date", "title",
            "signer", "signer_title", "pages"}
PROVENANCE = {"page", "start", "end"}
TARGET = {"indicator", "domain", "year", "value", "value_max", "unit", "comparator", "lead", "partners",
          "section", "text"} | PROVENANCE
TASK = {"number", "group", "text", "lead", "partners", "start_year", "end_year", "timeframe"} | PROVENANCE
REFERENCE = {"doc_type", "number", "issued_date", "issuer", "title"} | PROVENANCE
DEADLINE = {"text", "due_date", "recurrence", "agencies"} | PROVENANCE
COMPARATORS = {"eq", "gt", "gte", "lt", "lte", "approx", "range"}
RECURRENCES = {None, "monthly", "quarterly", "semiannual", "annual"}
DOMAINS = {None, "digital_economy", "digital_society", "digital_government"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def searchable(text: str) -> str:
    """The text as the guidelines quote it: no markdown marks, bars or line breaks, one space,
    lower case, tone marks decomposed away (both placements compare equal)."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[*#|_]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip().lower()
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def loose(text: str) -> str:
    return re.sub(r"[^\w%]+", " ", searchable(text)).strip()


def check_string(where: str, value, problems: list[str], *, nullable: bool = True) -> None:
    if value is None:
        if not nullable:
            problems.append(f"{where}: null where a string is required")
        return
    if not isinstance(value, str):
        problems.append(f"{where}: {value!r} is not a string")
        return
    if unicodedata.normalize("NFC", value) != value:
        problems.append(f"{where}: not NFC")
    if value != value.strip() or "  " in value or "\n" in value:
        problems.append(f"{where}: stray white space in {value[:60]!r}")
    if re.search(r"\*\*|\s\|\s*$|^\|", value):
        problems.append(f"{where}: markdown or table bar left in {value[:60]!r}")


def check_fields(where: str, record: dict, wanted: set[str], problems: list[str]) -> None:
    missing, extra = wanted - record.keys(), record.keys() - wanted
    if missing:
        problems.append(f"{where}: missing fields {sorted(missing)}")
    if extra:
        problems.append(f"{where}: unknown fields {sorted(extra)}")
    for name in PROVENANCE & record.keys():
        if record[name] is not None:
            problems.append(f"{where}: {name} must be null in gold")


def check_year(where: str, value, problems: list[str]) -> None:
    if value is not None and not (isinstance(value, int) and 1900 <= value <= 2100):
        problems.append(f"{where}: {value!r} is not a year")


def check_date(where: str, value, problems: list[str]) -> None:
    if value is not None and not (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        problems.append(f"{where}: {value!r} is not an ISO date")


def check_agencies(where: str, value, problems: list[str]) -> None:
    if not isinstance(value, list):
        problems.append(f"{where}: not a list")
        return
    for i, name in enumerate(value):
        check_string(f"{where}[{i}]", name, problems, nullable=False)
    if len(set(value)) != len(value):
        problems.append(f"{where}: a body named twice")


def parts_of(text: str) -> list[str]:
    return [p for p in re.split(r"\s\|\s|(?<=[.;:])\s+", text) if p.strip()]


def check_text_in_document(where: str, text, haystack: str, loose_haystack: str, problems: list[str]) -> None:
    if not isinstance(text, str) or not text:
        problems.append(f"{where}: empty text")
        return
    # Table rows are cells joined by " | "; a paragraph's items are joined without their labels:
    # each cell and each clause must be found on its own.
    parts = [p for cell in re.split(r"\s\|\s", text) for p in re.split(r"(?<=[.;:])\s+", cell)
             if len(p.split()) >= 2 or (p.strip() and len(parts_of(text)) == 1)]
    for part in parts:
        if searchable(part) not in haystack and loose(part) not in loose_haystack:
            problems.append(f"{where}: text not found in the document (check by eye if it joins a table row cut by a page): {part[:70]!r}")
            return


def check(gold: dict, document_text: str | None) -> list[str]:
    problems: list[str] = []
    haystack = searchable(document_text) if document_text else ""
    loose_haystack = loose(document_text) if document_text else ""
    if gold.get("schema_version") != "1":
        problems.append("schema_version must be \"1\"")
    keys = {"schema_version", "document", "targets", "tasks", "references", "deadlines", "warnings"}
    if set(gold) != keys:
        problems.append(f"top level keys must be {sorted(keys)}")
    doc = gold.get("document") or {}
    check_fields("document", doc, DOCUMENT, problems)
    for name in ("doc_id", "source", "pages"):
        if doc.get(name) is not None:
            problems.append(f"document.{name} must be null in gold")
    for name in DOCUMENT - {"doc_id", "source", "pages"}:
        check_string(f"document.{name}", doc.get(name), problems)
    check_date("document.issued_date", doc.get("issued_date"), problems)

    for i, t in enumerate(gold.get("targets", [])):
        w = f"targets[{i}]"
        check_fields(w, t, TARGET, problems)
        for name in ("indicator", "unit", "section", "text"):
            check_string(f"{w}.{name}", t.get(name), problems, nullable=False)
        if not isinstance(t.get("value"), (int, float)) or isinstance(t.get("value"), bool):
            problems.append(f"{w}.value: {t.get('value')!r} is not a number")
        if t.get("value_max") is not None and not isinstance(t.get("value_max"), (int, float)):
            problems.append(f"{w}.value_max: not a number")
        if t.get("comparator") not in COMPARATORS:
            problems.append(f"{w}.comparator: {t.get('comparator')!r} unknown")
        if (t.get("comparator") == "range") != (t.get("value_max") is not None):
            problems.append(f"{w}: comparator range goes with value_max, and only it")
        if t.get("domain") not in DOMAINS:
            problems.append(f"{w}.domain: {t.get('domain')!r} unknown")
        check_year(f"{w}.year", t.get("year"), problems)
        check_agencies(f"{w}.lead", t.get("lead"), problems)
        check_agencies(f"{w}.partners", t.get("partners"), problems)
        if document_text:
            check_text_in_document(w, t.get("text"), haystack, loose_haystack, problems)

    for i, t in enumerate(gold.get("tasks", [])):
        w = f"tasks[{i}]"
        check_fields(w, t, TASK, problems)
        for name in ("number", "timeframe"):
            check_string(f"{w}.{name}", t.get(name), problems)
        for name in ("group", "text"):
            check_string(f"{w}.{name}", t.get(name), problems, nullable=False)
        check_year(f"{w}.start_year", t.get("start_year"), problems)
        check_year(f"{w}.end_year", t.get("end_year"), problems)
        check_agencies(f"{w}.lead", t.get("lead"), problems)
        check_agencies(f"{w}.partners", t.get("partners"), problems)
        if document_text:
            check_text_in_document(w, t.get("text"), haystack, loose_haystack, problems)

    numbers = set()
    for i, r in enumerate(gold.get("references", [])):
        w = f"references[{i}]"
        check_fields(w, r, REFERENCE, problems)
        check_string(f"{w}.number", r.get("number"), problems, nullable=False)
        for name in ("doc_type", "issuer", "title"):
            check_string(f"{w}.{name}", r.get(name), problems)
        check_date(f"{w}.issued_date", r.get("issued_date"), problems)
        key = (r.get("number") or "").replace(" ", "").lower()
        if key in numbers:
            problems.append(f"{w}: number {r.get('number')} twice (one record per cited document)")
        numbers.add(key)
        if " " in (r.get("number") or ""):
            problems.append(f"{w}.number: inner spaces")

    for i, d in enumerate(gold.get("deadlines", [])):
        w = f"deadlines[{i}]"
        check_fields(w, d, DEADLINE, problems)
        check_string(f"{w}.text", d.get("text"), problems, nullable=False)
        check_date(f"{w}.due_date", d.get("due_date"), problems)
        if d.get("recurrence") not in RECURRENCES:
            problems.append(f"{w}.recurrence: {d.get('recurrence')!r} unknown")
        check_agencies(f"{w}.agencies", d.get("agencies"), problems)
        if document_text:
            check_text_in_document(w, d.get("text"), haystack, loose_haystack, problems)
    if gold.get("warnings") != []:
        problems.append("warnings must be []")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--doc", type=Path, help="the document (default: corpus/<name>.txt beside annotations/)")
    args = parser.parse_args(argv)
    try:
        gold = json.loads(args.gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        print(f"{args.gold}: cannot read: {err}")
        return 1
    doc_path = args.doc or args.gold.resolve().parent.parent / "corpus" / f"{args.gold.stem}.txt"
    text = doc_path.read_text(encoding="utf-8") if doc_path.exists() else None
    if text is None:
        print(f"{args.gold}: note: no document at {doc_path}; texts not checked")
    problems = check(gold, text)
    for p in problems:
        print(f"{args.gold.name}: {p}")
    counts = {k: len(gold.get(k, [])) for k in ("targets", "tasks", "references", "deadlines")}
    print(f"{args.gold.name}: {len(problems)} problem(s); " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
