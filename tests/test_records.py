"""Records defined once: JSON round trip, and the tables for analysts with one fixed schema."""
import json
from dataclasses import dataclass, field

import pandas as pd
import pytest

import planextract
from planextract.limits import Limits, applied
from planextract.records import TABLES, DocumentRecord, Extraction, Target, Task, field_dtype, schema

from .conftest import CORPUS

EMPTY = ("Ủy ban nhân dân tỉnh Nghệ An thông báo về việc tổ chức hội nghị tổng kết công tác năm "
         "của các cơ quan trên địa bàn tỉnh.")


def test_json_round_trip_keeps_every_record():
    result = planextract.extract(CORPUS / "dak-nong-292-2022.txt")
    again = Extraction.from_dict(json.loads(result.to_json()))
    assert again.to_dict() == result.to_dict()


def test_frames_carry_doc_id_province_and_a_long_agency_table():
    frames = planextract.extract(CORPUS / "dong-thap-241-2022.txt").to_frames()
    assert list(frames) == ["documents", "targets", "tasks", "references", "deadlines", "agencies"]
    tasks, agencies = frames["tasks"], frames["agencies"]
    assert set(tasks["province"]) == {"Đồng Tháp"} and tasks["doc_id"].nunique() == 1
    assert tasks.record_id.is_unique and "partners_successor" not in tasks.columns
    row = tasks[tasks.text.str.startswith("Triển khai hồ sơ bệnh án điện tử")].iloc[0]
    named = agencies[agencies.record_id == row.record_id].set_index(["role", "position"])
    assert named.loc[("lead", 0), "name"] == "Sở Y tế" and pd.isna(named.loc[("lead", 0), "successor"])
    assert named.loc[("partner", 0), "successor"] == "Sở Khoa học và Công nghệ"  # Sở TT&TT merged in 2025
    assert named.loc[("partner", 1), "successor"] == "UBND cấp xã"              # the district level abolished
    assert list(named.xs("partner").name) == row.partners and named.known.all()
    named_by_records = sum(len(v) for t in ("targets", "tasks") for c in ("lead", "partners") for v in frames[t][c])
    assert len(agencies) == named_by_records + sum(map(len, frames["deadlines"].agencies))
    assert frames["documents"].number.tolist() == ["241/KH-UBND"]
    assert "indicator_id" in frames["targets"].columns


def test_schema_follows_the_record_classes():
    assert schema("targets")["year"] == "Int64" and schema("targets")["value"] == "Float64"
    assert schema("tasks")["start_year"] == "Int64" and schema("tasks")["lead"] == "object"
    assert schema("references")["issued_date"] == "datetime64[ns]" and schema("deadlines")["due_date"] == "datetime64[ns]"
    assert schema("documents")["pages"] == "Int64" and schema("agencies")["known"] == "boolean"

    @dataclass
    class NewRecord:  # a field added by an extractor needs no change in the frame layer
        share: float | None = None
        count: int = 0
        agreed_date: str | None = None
        note: str = ""
        bodies: list[str] = field(default_factory=list)
        raw: str = field(default="", metadata={"dtype": "category"})

    from dataclasses import fields
    assert [field_dtype(NewRecord, f) for f in fields(NewRecord)] == \
        ["Float64", "Int64", "datetime64[ns]", "string", "object", "category"]


@pytest.fixture(scope="module")
def documents():
    return {"empty": planextract.extract_text(EMPTY), "full": planextract.extract(CORPUS / "nghe-an-347-2023.txt")}


@pytest.mark.parametrize("which", ["empty", "full"])
def test_frames_have_the_schema_dtypes_whatever_the_content(documents, which):
    frames = documents[which].to_frames()
    for table in TABLES:
        assert frames[table].dtypes.astype(str).to_dict() == schema(table), table
    if which == "empty":
        assert all(len(frames[t]) == 0 for t in TABLES if t != "documents")
    else:
        targets = frames["targets"]
        assert targets.year.dropna().tolist()[:1] == [2025] and str(targets.year.iloc[0]) == "2025"
        assert frames["documents"].issued_date.iloc[0] == pd.Timestamp("2023-05-24")


@pytest.mark.parametrize("which", ["empty", "full"])
@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "xlsx"])
def test_every_writer_keeps_types_and_values(documents, which, fmt, tmp_path):
    from planextract.outputs import read_table, write_frames
    frames = documents[which].to_frames()
    write_frames(frames, tmp_path, (fmt,))
    for table in TABLES:
        path = tmp_path / ("planextract.xlsx" if fmt == "xlsx" else f"{table}.{fmt}")
        back = read_table(path, table)
        assert back.dtypes.astype(str).to_dict() == schema(table), (fmt, table)
        pd.testing.assert_frame_equal(back, frames[table], check_dtype=True)
    if fmt == "parquet":  # types survive in the file itself, for any reader
        assert pd.read_parquet(tmp_path / "targets.parquet").dtypes.astype(str).to_dict() == schema("targets")
    if fmt == "csv" and which == "full":  # as text: whole years, ISO dates, lists as JSON arrays
        text = (tmp_path / "targets.csv").read_text(encoding="utf-8")
        assert ",2025," in text and ",2025.0," not in text
        assert "2023-05-24," in (tmp_path / "documents.csv").read_text(encoding="utf-8")
        assert '""Cục Thống kê tỉnh""' in text and '"[""' in text


def test_repr_is_short_and_html_escapes(documents):
    result = documents["full"]
    n = {k: len(getattr(result, k)) for k in ("targets", "tasks", "references", "deadlines")}
    assert n["targets"] > 30 and n["tasks"] > 60
    assert repr(result) == ("Extraction(source='" + str(CORPUS / "nghe-an-347-2023.txt") + "', province='Nghệ An', "
                            f"number='347/KH-UBND', targets={n['targets']}, tasks={n['tasks']}, "
                            f"references={n['references']}, deadlines={n['deadlines']}, warnings=0)")
    page = result._repr_html_()
    assert "347/KH-UBND" in page and f"targets (first 10 of {n['targets']})" in page and len(page) < 20000
    tricky = planextract.extract_text(EMPTY + " <script>alert(1)</script>")
    assert "<script>" not in tricky._repr_html_()


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
    # 300 different values (the same target said twice in a paragraph is one record)
    paragraph = "".join(f"Phấn đấu đến năm 2025 tỷ lệ hộ có Internet cáp quang đạt trên {5 + i / 4:g}%; ".replace(".", ",")
                        for i in range(300))
    result = planextract.extract_text("I. MỤC TIÊU\n\n" + paragraph, limits=Limits(excerpt_chars=300))
    assert len(result.targets) == 300
    assert max(t.end - t.start for t in result.targets) > 300  # spans longer than the excerpt
    assert max(len(t.text) for t in result.targets) == 300
    assert len(result.to_json()) < 300 * 1_500
