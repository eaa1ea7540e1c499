"""Records defined once: JSON round trip and DataFrames with the agency columns."""
import json

import planextract
from planextract.limits import Limits, applied
from planextract.records import DocumentRecord, Extraction, Target, Task

from .conftest import CORPUS


def test_json_round_trip_keeps_every_record():
    result = planextract.extract(CORPUS / "dak-nong-292-2022.txt")
    again = Extraction.from_dict(json.loads(result.to_json()))
    assert again.to_dict() == result.to_dict()


def test_frames_carry_doc_id_province_and_successors():
    frames = planextract.extract(CORPUS / "dong-thap-241-2022.txt").to_frames()
    tasks = frames["tasks"]
    assert set(tasks["province"]) == {"Đồng Tháp"} and tasks["doc_id"].nunique() == 1
    row = tasks[tasks.text.str.startswith("Triển khai hồ sơ bệnh án điện tử")].iloc[0]
    assert row.partners_successor[0] == "Sở Khoa học và Công nghệ"  # Sở TT&TT merged in 2025
    assert row.partners_successor[1] == "UBND cấp xã"              # the district level abolished
    assert list(frames) == ["targets", "tasks", "references", "deadlines"]
    assert "indicator_id" in frames["targets"].columns


def test_text_fields_are_excerpts_of_at_most_the_limit():
    long = "Tỷ lệ hộ gia đình có kết nối Internet cáp quang " * 100  # 4,800 characters
    target = Target(indicator=long, text=long, lead=[long], start=0, end=len(long))
    assert len(target.text) == 2_000 and target.text.endswith("…") and long.startswith(target.text[:-1])
    assert len(target.indicator) == 2_000 and len(target.lead[0]) == 2_000
    assert (target.start, target.end) == (0, 4_800)  # the whole span is still known
    target.text = long  # however the text is set
    assert len(target.text) == 2_000
    assert Target(text="ngắn").text == "ngắn"


def test_the_excerpt_limit_is_a_setting():
    long = "x" * 500
    with applied(Limits(excerpt_chars=100)):
        assert len(Task(text=long).text) == 100
        assert len(Extraction.from_dict({"tasks": [{"text": long}]}).tasks[0].text) == 100
    assert Task(text=long).text == long


def test_the_source_path_is_kept_whole():
    path = "/plans/" + "a" * 3_000 + ".txt"
    assert DocumentRecord(source=path, title="t" * 3_000).source == path
    assert len(DocumentRecord(title="t" * 3_000).title) == 2_000


def test_records_of_a_long_paragraph_stay_small_through_the_api():
    paragraph = "Phấn đấu đến năm 2025 tỷ lệ hộ có Internet cáp quang đạt trên 80%, " * 300
    result = planextract.extract_text("I. MỤC TIÊU\n\n" + paragraph, limits=Limits(excerpt_chars=300))
    assert len(result.targets) == 300
    assert max(len(t.text) for t in result.targets) == 300
    assert len(result.to_json()) < 300 * 1_500
