"""Tasks and deadlines from every form of the seeds: concrete rows, and F1 against the gold."""
import pytest

from planextract.evaluate import evaluate
from planextract.extract import extract_document
from planextract.extract.tasks import number_level, parse_timeframe

from ..conftest import ANNOTATIONS, CORPUS, RENDERED_PDFS, SEEDS


def _tasks(corpus, name):
    return extract_document(corpus(name)).tasks


def _task(tasks, start):
    found = [t for t in tasks if t.text.startswith(start)]
    assert len(found) == 1, [t.text[:60] for t in found]
    return found[0]


@pytest.mark.parametrize("cell, years", [
    ("2022 - 2025", (2022, 2025)), ("2022-2030", (2022, 2030)), ("2022 – 2025", (2022, 2025)),
    ("2023", (2023, 2023)), ("Quý IV/2023", (2023, 2023)), ("Hằng năm", (None, None)),
])
def test_time_cells(cell, years):
    assert parse_timeframe(cell) == years


def test_numbering_levels():
    assert [number_level(n) for n in ["A", "I", "1", "1.1", "a", "đ"]] == [1, 2, 3, 4, 6, 6]


@pytest.mark.parametrize("ext", ["txt", "pdf", "docx"])
def test_dong_thap_health_record_row_in_every_form(corpus, ext):
    task = _task(_tasks(corpus, f"dong-thap-241-2022.{ext}"),
                 "Triển khai hồ sơ bệnh án điện tử theo hướng dẫn của Bộ Y tế")
    assert task.lead == ["Sở Y tế"]
    assert task.partners == ["Sở Thông tin và Truyền thông", "UBND cấp huyện", "Các cơ sở y tế"]
    assert (task.start_year, task.end_year, task.timeframe) == (2022, 2025, "2022 - 2025")
    assert task.group.startswith("II PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ NGÀNH")


def test_table_without_partner_column(corpus):
    task = _task(_tasks(corpus, "dong-thap-241-2022.txt"), "Rà soát, sửa đổi quy định, chính sách")
    assert (task.number, task.group, task.lead, task.partners) == ("1", "", ["Bộ Giáo dục và Đào tạo"], [])


def test_group_rows_give_the_path_and_are_not_tasks(corpus):
    tasks = _tasks(corpus, "dak-nong-292-2022.pdf")
    assert not any(t.text == "Hoàn thiện thể chế" for t in tasks)
    first = tasks[0]
    assert first.group == "A PHÁT TRIỂN NỀN MÓNG CHO KINH TẾ SỐ VÀ XÃ HỘI SỐ > I Hoàn thiện thể chế"
    assert first.lead == ["Các sở, ban, ngành", "UBND các huyện, thành phố"] and first.page == 4


def test_row_broken_across_a_page(corpus):
    task = next(t for t in _tasks(corpus, "nghe-an-347-2023.txt") if t.number == "6.3")
    assert task.text.endswith("yêu cầu các kỹ năng mới.")
    assert task.lead == ["Sở Lao động - Thương binh và Xã hội", "Sở Thông tin và Truyền thông"]


def test_prose_assignment_paragraphs(corpus):
    tasks = _tasks(corpus, "gia-lai-2068-2022.txt")
    finance = next(t for t in tasks if t.lead == ["Sở Tài chính"] and t.timeframe is None)
    assert finance.number == "4" and finance.text.startswith("Hàng năm, tại thời điểm xây dựng dự toán")
    two = next(t for t in _tasks(corpus, "dak-nong-292-2022.txt") if t.number == "2" and t.timeframe is None)
    assert two.lead == ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]


def test_deadlines(corpus):
    deadlines = extract_document(corpus("binh-thuan-4181-2022.txt")).deadlines
    dated = next(d for d in deadlines if d.due_date)
    assert (dated.due_date, dated.text) == ("2022-12-31", "Kế hoạch gửi về Sở Thông tin và Truyền thông trước ngày 31/12/2022.")
    assert dated.agencies == ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]
    assert any(d.recurrence == "semiannual" for d in deadlines)
    quarterly = [d for d in extract_document(corpus("gia-lai-2068-2022.txt")).deadlines if d.recurrence == "quarterly"]
    assert [d.agencies for d in quarterly] == [["Sở Thông tin và Truyền thông"]]


@pytest.mark.parametrize("ext, seeds, minimum", [("txt", SEEDS, 0.95), ("pdf", RENDERED_PDFS, 0.93),
                                                  ("docx", ["dong-thap-241-2022"], 0.93)])
def test_task_f1_and_agency_accuracy(ext, seeds, minimum):
    report = evaluate([CORPUS / f"{s}.{ext}" for s in seeds], ANNOTATIONS)
    tasks = report.total("tasks")
    assert tasks.f1 >= minimum, "\n".join(tasks.misses + tasks.extras)
    for name in ("lead", "partners"):
        right, total = tasks.fields[name]
        assert right / total >= minimum, name
    assert report.total("deadlines").f1 >= 0.9
