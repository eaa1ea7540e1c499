"""The annotation loop: entity gold, Label Studio tasks and exports, the next batch."""
import json

import pytest

from planextract.annotate import (EntityGold, EntitySpan, codepoint_offset, document_units, import_label_studio,
                                  label_studio_tasks, load_entity_gold, uncertainty, utf16_offset)
from planextract.export_check import BadExport
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


# ---------------------------------------------------------------- an import checks first, then writes all or nothing

def _annotated(task, task_id, regions):
    task = json.loads(json.dumps(task))
    task["id"] = task_id
    task["annotations"] = [_annotation(regions)]
    return task


def _agency_task(seed, task_id):
    """A task of `seed` whose unit starts with an agency, annotated with it."""
    task = next(t for t in _tasks(seed) if t["data"]["text"].startswith("Sở ") and len(t["data"]["text"]) > 30)
    end = task["data"]["text"].index(",") if "," in task["data"]["text"] else 12
    return _annotated(task, task_id, [_region(task["data"]["text"], 0, end, "AGENCY")])


def _bad_value(value):
    def change(region):
        region["value"].update(value)
    return change


@pytest.mark.parametrize("change, reason", [
    (_bad_value({"end": 10_000}), "span 0-10000 is outside its text"),
    (_bad_value({"start": -3}), "span -3-"),
    (_bad_value({"start": 9, "end": 4}), "span 9-4 is empty or reversed"),
    (_bad_value({"start": 4, "end": 4}), "span 4-4 is empty or reversed"),
    (_bad_value({"text": "Sở Nội vụ"}), "says 'Sở Nội vụ' but the text there is"),
    (_bad_value({"labels": ["ORG"]}), "unknown label(s) ORG"),
])
def test_a_bad_span_in_the_second_document_leaves_all_gold_as_it_was(tmp_path, change, reason):
    (tmp_path / "entities").mkdir()
    existing = tmp_path / "entities" / "dak-nong-292-2022.json"
    existing.write_text('{"source": "corpus/dak-nong-292-2022.txt", "doc_id": "%s", "units": []}'
                        % load_cached("dak-nong-292-2022.txt").doc_id)
    before = existing.read_text()
    good = _agency_task("dak-nong-292-2022.txt", 101)
    bad = _agency_task("gia-lai-2068-2022.txt", 202)
    change(bad["annotations"][0]["result"][0])
    with pytest.raises(BadExport) as info:
        import_label_studio([good, bad], tmp_path)
    message = str(info.value)
    assert message.startswith("nothing imported: 1 bad task(s) (task 202): task 202: ") and reason in message
    assert "\n" not in message
    assert existing.read_text() == before
    assert sorted(p.name for p in (tmp_path / "entities").iterdir()) == ["dak-nong-292-2022.json"]


def test_a_changed_second_document_leaves_the_first_unwritten(tmp_path):
    first = _agency_task("dak-nong-292-2022.txt", 1)
    second = _agency_task("gia-lai-2068-2022.txt", 2)
    import_label_studio([second], tmp_path)
    second["data"]["doc_id"] = "0000000000000000"
    with pytest.raises(BadExport, match="task 2: .*gia-lai-2068-2022.txt: the export's text"):
        import_label_studio([first, second], tmp_path)
    assert not (tmp_path / "entities" / "dak-nong-292-2022.json").exists()


def _task_with(path, value):
    """A good task with one value replaced at a path of keys (a malformed shape)."""
    task = _agency_task("dak-nong-292-2022.txt", 7)
    *parents, last = path
    node = task
    for key in parents:
        node = node[key]
    node[last] = value
    return task


def _nested(depth):
    value = []
    for _ in range(depth):
        value = [value]
    return value


MALFORMED = [
    ([1], "the task: Input should be a valid dictionary"),
    ([{"id": 7}], "task 7: data: Field required"),
    ([_task_with(["data", "text"], 12)], "data.text: Input should be a valid string"),
    ([_task_with(["data", "unit_start"], "3")], "data.unit_start: Input should be a valid integer"),
    ([_task_with(["data", "unit_start"], float("inf"))], "data.unit_start: Input should be a valid integer"),
    ([_task_with(["data", "unit_end"], -5)], "data.unit_end: Input should be greater than or equal to 0"),
    ([_task_with(["annotations"], {"result": []})], "annotations: Input should be a valid list"),
    ([_task_with(["annotations", 0, "result", 0, "value", "start"], 2.5)],
     "annotations.0.result.0.value.start: Input should be a valid integer"),
    ([_task_with(["annotations", 0, "result", 0, "value", "labels"], "AGENCY")],
     "annotations.0.result.0.value.labels: Input should be a valid list"),
    ([_task_with(["annotations", 0, "result", 0, "value"], None)],
     "annotations.0.result.0.value: Input should be a valid dictionary"),
    ([_task_with(["annotations", 0, "was_cancelled"], "no")], "annotations.0.was_cancelled: Input should be a valid boolean"),
    ([_task_with(["annotations", 0, "result"], _nested(200))], "annotations.0.result.0: Input should be a valid dictionary"),
    ([_task_with(["data", "unit_end"], 3)], "its unit"),
]


@pytest.mark.parametrize("export, reason", MALFORMED)
def test_a_malformed_export_is_refused_with_its_task_named(tmp_path, export, reason):
    with pytest.raises(BadExport) as info:
        import_label_studio(export, tmp_path)
    assert reason in str(info.value) and "\n" not in str(info.value)
    assert not (tmp_path / "entities").exists()


def test_every_bad_task_is_listed(tmp_path):
    tasks = [_task_with(["data", "unit_start"], "x") for _ in range(8)]
    for i, task in enumerate(tasks):
        task["id"] = 10 + i
    with pytest.raises(BadExport) as info:
        import_label_studio(tasks, tmp_path)
    assert "8 bad task(s) (task 10, task 11, task 12, task 13, task 14, task 15, task 16, task 17)" in str(info.value)
    assert str(info.value).endswith("… and 3 more")


@pytest.mark.parametrize("content, problem", [
    ("[" * 100_000 + "]" * 100_000, "nested too deep"),
    ('[{"id": 1, "data": {"text": "x", "source": "a.txt", "doc_id": "d", "unit_start": 1e400, "unit_end": 1}}]',
     "task 1: data.unit_start: Input should be a valid integer"),
])
def test_a_malformed_export_file_is_one_line_on_the_command_line(tmp_path, content, problem):
    import subprocess
    import sys
    export = tmp_path / "export.json"
    export.write_text(content)
    run = subprocess.run([sys.executable, "-m", "planextract.cli", "annotate", "import", str(export),
                          "--annotations", str(tmp_path / "gold")], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and problem in run.stderr and str(export) in run.stderr
    assert not (tmp_path / "gold").exists()
