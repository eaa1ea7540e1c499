"""The annotation loop: entity gold, Label Studio tasks and exports, the next batch."""
import json

import pytest

from planextract.annotate import (EntityGold, EntitySpan, codepoint_offset, document_units, import_label_studio,
                                  label_studio_tasks, load_entity_gold, uncertainty, utf16_offset)
from planextract.nlp import using_model

from .conftest import ANNOTATIONS, CORPUS, SEEDS, load_cached


def test_utf16_offsets_count_astral_characters_twice():
    text = "Tỷ lệ 𝟖𝟎% hộ gia đình"
    assert utf16_offset(text, 6) == 6  # everything before is in the Basic Multilingual Plane
    assert utf16_offset(text, 9) == 11  # two mathematical digits, two UTF-16 units each
    for i in range(len(text) + 1):
        assert codepoint_offset(text, utf16_offset(text, i)) == i


def test_units_are_paragraphs_and_table_cells_of_the_normalized_text():
    doc = load_cached("dak-nong-292-2022.txt")
    units = document_units(doc)
    texts = [u.text(doc.text) for u in units]
    assert "2. Sở Kế hoạch và Đầu tư, Sở Tài chính" in texts
    assert all(t.strip() for t in texts)
    assert [u.start for u in units] == sorted(u.start for u in units)


@pytest.mark.parametrize("seed", SEEDS)
def test_entity_gold_points_into_the_seed_text(seed):
    gold = {g.source: g for g in load_entity_gold(ANNOTATIONS)}[f"corpus/{seed}.txt"]
    doc = load_cached(f"{seed}.txt")
    assert gold.doc_id == doc.doc_id
    stored = json.loads((ANNOTATIONS / "entities" / f"{seed}.json").read_text(encoding="utf-8"))
    for unit in stored["units"]:
        for span in unit["spans"]:
            assert doc.text[span["start"]:span["end"]] == span["text"]
            assert unit["start"] <= span["start"] < span["end"] <= unit["end"]


def test_entity_gold_holds_what_the_seeds_say():
    gold = {g.source: g for g in load_entity_gold(ANNOTATIONS)}
    doc = load_cached("dong-thap-241-2022.txt")
    spans = {(doc.text[s.start:s.end], s.label) for s in gold["corpus/dong-thap-241-2022.txt"].spans()}
    assert ("Tỷ trọng thương mại điện tử trong tổng mức bán lẻ", "INDICATOR") in spans
    assert ("trên 10%", "PERCENT") in spans
    assert ("Thủ tướng Chính phủ", "AGENCY") in spans


def _tasks(seed="dak-nong-292-2022.txt"):
    with using_model(None):
        return label_studio_tasks(load_cached(seed), model_version="test")


def test_export_carries_text_offsets_predictions_and_records():
    tasks = _tasks()
    task = next(t for t in tasks if t["data"]["text"] == "2. Sở Kế hoạch và Đầu tư, Sở Tài chính")
    regions = task["predictions"][0]["result"]
    assert [(r["value"]["text"], r["value"]["labels"]) for r in regions] == [
        ("Sở Kế hoạch và Đầu tư", ["AGENCY"]), ("Sở Tài chính", ["AGENCY"])]
    assert "lead: Sở Kế hoạch và Đầu tư, Sở Tài chính" in task["data"]["records"]
    doc = load_cached("dak-nong-292-2022.txt")
    assert doc.text[task["data"]["unit_start"]:task["data"]["unit_end"]] == task["data"]["text"]
    # A target bullet: the indicator and the value with its comparator.
    target = next(t for t in tasks if "INDICATOR" in str(t["predictions"]) and "PERCENT" in str(t["predictions"]))
    assert target["data"]["records"].startswith("TARGET ")


def _annotation(result, *, cancelled=False, updated="2026-11-24T10:00:00Z"):
    return {"id": 1, "result": result, "was_cancelled": cancelled, "updated_at": updated}


def _region(text, start, end, label):
    return {"from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": utf16_offset(text, start), "end": utf16_offset(text, end),
                      "text": text[start:end], "labels": [label]}}


def test_import_prefers_completed_annotations_and_keeps_other_gold(tmp_path):
    (tmp_path / "entities").mkdir()
    other = {"source": "corpus/x.txt", "doc_id": "abc", "units": [{"start": 0, "end": 3, "spans": []}]}
    (tmp_path / "entities" / "x.json").write_text(json.dumps(other))
    tasks = _tasks()
    first, second, third = tasks[40], tasks[41], tasks[42]
    text = first["data"]["text"]
    first["annotations"] = [_annotation([_region(text, 3, 24, "AGENCY")]),
                            _annotation([], cancelled=True, updated="2026-12-01T00:00:00Z")]
    second["annotations"] = [_annotation([], cancelled=True)]  # skipped: nothing completed
    report = import_label_studio([first, second, third], tmp_path)
    assert report.skipped == 2
    written = EntityGold.from_dict(json.loads((tmp_path / "entities" / "dak-nong-292-2022.json").read_text()))
    assert [(u.start, [(s.start - u.start, s.end - u.start, s.label) for s in u.spans]) for u in written.units] == \
        [(first["data"]["unit_start"], [(3, 24, "AGENCY")])]
    assert json.loads((tmp_path / "entities" / "x.json").read_text()) == other
    # A second import of another unit adds to the document's gold, it does not replace it.
    third["annotations"] = [_annotation([])]
    import_label_studio([third], tmp_path)
    again = EntityGold.from_dict(json.loads((tmp_path / "entities" / "dak-nong-292-2022.json").read_text()))
    assert [u.start for u in again.units] == [first["data"]["unit_start"], third["data"]["unit_start"]]


def test_import_refuses_a_changed_document(tmp_path):
    task = _tasks()[40]
    task["annotations"] = [_annotation([])]
    import_label_studio([task], tmp_path)
    task["data"]["doc_id"] = "0000000000000000"
    with pytest.raises(ValueError, match="not the annotated one"):
        import_label_studio([task], tmp_path)


def test_import_writes_the_docbin_form(tmp_path):
    from spacy.tokens import DocBin

    from planextract.nlp import blank
    task = next(t for t in _tasks() if t["data"]["text"] == "2. Sở Kế hoạch và Đầu tư, Sở Tài chính")
    task["annotations"] = [_annotation(task["predictions"][0]["result"])]
    import_label_studio([task], tmp_path, docbin=tmp_path / "train.spacy")
    docs = list(DocBin().from_disk(tmp_path / "train.spacy").get_docs(blank().vocab))
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Sở Kế hoạch và Đầu tư", "AGENCY"), ("Sở Tài chính", "AGENCY")]


def test_uncertainty_is_highest_at_a_coin_toss():
    assert uncertainty({}) == 0.0
    assert uncertainty({(0, 1, "AGENCY"): 1.0, (1, 2, "DATE"): 0.0}) == 0.0
    assert uncertainty({(0, 1, "AGENCY"): 0.5}) == 1.0
    assert uncertainty({(0, 1, "AGENCY"): 0.9, (1, 2, "DATE"): 0.4}) == pytest.approx(0.8)
