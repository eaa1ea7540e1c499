"""Records defined once: JSON round trip and DataFrames with the agency columns."""
import json

import planextract
from planextract.records import Extraction

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
