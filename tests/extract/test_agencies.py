"""Agency gazetteer and canonical names: SCHEMA.md's rules, the seeds' cells, the gold lists."""
from __future__ import annotations

import csv
import json
import re
from importlib import resources

import pytest

from planextract.extract.agencies import (
    Agency, canonical_agencies, canonical_names, find_agencies, gazetteer_conflicts, successor_of,
)
from planextract.normalize import normalize_line

from ..conftest import ANNOTATIONS, CORPUS


def names(cell: str, province: str | None = None) -> list[str]:
    return [a.name for a in canonical_agencies(cell, province)]


# ------------------------------------------------------------ SCHEMA.md rules

@pytest.mark.parametrize("cell, expected", [
    # rule 1: split at ';', '- ' and between different head nouns; one head noun stays one name
    ("Các Sở: Giáo dục và Đào tạo, Y tế", ["Sở Giáo dục và Đào tạo", "Sở Y tế"]),
    ("Các trường đại học, cao đẳng, giáo dục nghề nghiệp",
     ["Các trường đại học, cao đẳng, giáo dục nghề nghiệp"]),
    ("Sở Y tế; Sở Y tế, Sở Tài chính", ["Sở Y tế", "Sở Tài chính"]),
    # rule 2: the departments as a whole, and 'địa phương' in such a list
    ("Các Sở, Ban, ngành", ["Các sở, ban, ngành"]),
    ("Sở, ban, ngành", ["Các sở, ban, ngành"]),
    ("các sở, ngành tỉnh", ["Các sở, ban, ngành"]),
    ("Các sở, ban, ngành có liên quan", ["Các sở, ban, ngành"]),
    ("Các sở, ban, ngành, địa phương", ["Các sở, ban, ngành", "Các địa phương"]),
    # rule 3: district and commune level
    ("UBND cấp huyện", ["UBND cấp huyện"]),
    ("UBND huyện, thị xã, thành phố", ["UBND các huyện, thị xã, thành phố"]),
    ("UBND các huyện, thị xã, thành phố", ["UBND các huyện, thị xã, thành phố"]),
    ("Ủy ban nhân dân các huyện, thị xã, thành phố", ["UBND các huyện, thị xã, thành phố"]),
    ("UBND cấp huyện; cấp xã", ["UBND cấp huyện", "UBND cấp xã"]),
    # rule 4: abbreviations and spelling variants
    ("Sở TT&TT", ["Sở Thông tin và Truyền thông"]),
    ("Sở TTTT", ["Sở Thông tin và Truyền thông"]),
    ("Sở KH&ĐT", ["Sở Kế hoạch và Đầu tư"]),
    ("Sở LĐTBXH", ["Sở Lao động - Thương binh và Xã hội"]),
    ("Sở GD&ĐT", ["Sở Giáo dục và Đào tạo"]),
    ("Đài PTTH tỉnh", ["Đài Phát thanh và Truyền hình tỉnh"]),
    ("DN viễn thông, CNTT", ["Các doanh nghiệp viễn thông, công nghệ thông tin"]),
    ("Các trường ĐH, CĐ", ["Các trường đại học, cao đẳng"]),
    ("Sở Văn hoá, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    # rule 5: the province's own branch bodies drop its name; proper names keep it
    ("Đài PTTH Gia Lai", ["Đài Phát thanh và Truyền hình tỉnh"]),
    ("Cục Thuế tỉnh Nghệ An", ["Cục Thuế tỉnh"]),
    ("Chi nhánh Ngân hàng Nhà nước tỉnh", ["Ngân hàng Nhà nước tỉnh"]),
    ("Báo Gia Lai", ["Báo Gia Lai"]),
    ("Trường Đại học Đồng Tháp", ["Trường Đại học Đồng Tháp"]),
    # rule 6: parenthetical remarks
    ("Văn phòng UBND tỉnh (Cổng Thông tin điện tử tỉnh)", ["Văn phòng UBND tỉnh"]),
    # rule 7: plural collectives start with 'Các'
    ("doanh nghiệp viễn thông", ["Các doanh nghiệp viễn thông"]),
    # rule 8: a known body keeps the document's wording ('các', 'của tỉnh'), own province dropped
    ("Hiệp hội các Doanh nghiệp tỉnh Gia Lai", ["Hiệp hội các Doanh nghiệp tỉnh"]),
])
def test_schema_rules(cell, expected):
    assert names(cell) == expected


# ------------------------------------------------------------- spellings met

@pytest.mark.parametrize("written, canonical", [
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("Sở TTTT", "Sở Thông tin và Truyền thông"),
    ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở Lao động, Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở Lao động Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở Lao động - Thương Binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở Nông nghiệp và phát triển nông thôn", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
    ("Sở GTVT", "Sở Giao thông vận tải"),
    ("Đài PTTH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
    ("Đài Phát thanh - Truyền hình tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
    ("Đài PT-TH Nghệ An", "Đài Phát thanh và Truyền hình tỉnh"),
    ("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"),
    ("Cục Thống kê tỉnh Gia Lai", "Cục Thống kê tỉnh"),
    ("Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Nghệ An", "Ngân hàng Nhà nước tỉnh"),
    ("Tỉnh đoàn Nghệ An", "Tỉnh Đoàn"),
    ("Các doanh nghiệp BCVT", "Các doanh nghiệp bưu chính, viễn thông"),
    ("các doanh nghiệp viễn thông, bưu chính", "Các doanh nghiệp viễn thông, bưu chính"),  # rule 8: its order
    ("Các đơn vị liên quan", "Các cơ quan, đơn vị liên quan"),
    ("Bộ TT&TT", "Bộ Thông tin và Truyền thông"),
])
def test_spellings_take_one_form(written, canonical):
    [agency] = canonical_agencies(written)
    assert agency.name == canonical and agency.known


# ---------------------------------------------------- cells of the seeds

@pytest.mark.parametrize("cell, province, expected", [
    ("Các sở, ban, ngành, địa phương; doanh nghiệp viễn thông, CNTT", "Bình Thuận",
     ["Các sở, ban, ngành", "Các địa phương", "Các doanh nghiệp viễn thông, công nghệ thông tin"]),
    ("Các doanh nghiệp sở, ban, ngành, địa phương", "Bình Thuận",  # garbled, read as the annotators did
     ["Các doanh nghiệp", "Các sở, ban, ngành", "Các địa phương"]),
    ("Các sở, ban, ngành, địa phương; các trường Tiểu học, THCS, THPT", "Bình Thuận",
     ["Các sở, ban, ngành", "Các địa phương",
      "Các trường tiểu học, trung học cơ sở, trung học phổ thông"]),
    ("Các sở, ban, ngành, địa phương; hiệp hội doanh nghiệp", "Bình Thuận",
     ["Các sở, ban, ngành", "Các địa phương", "Các hiệp hội doanh nghiệp"]),
    ("Các viện nghiên cứu, trường đại học, doanh nghiệp công nghệ số", "Bình Thuận",
     ["Các viện nghiên cứu", "Các trường đại học", "Các doanh nghiệp công nghệ số"]),
    ("Cục Thống kê tỉnh; các sở, ngành", "Nghệ An", ["Cục Thống kê tỉnh", "Các sở, ban, ngành"]),
    ("Văn phòng UBND tỉnh (Công Thông tin điện tử tỉnh)", "Nghệ An", ["Văn phòng UBND tỉnh"]),
    ("Văn phòng UBND tỉnh (Công Thông tin điện tử tỉnh); các Sở: Thông tin và Truyền thông, Y tế, "
     "Công Thương; Ngân hàng Nhà nước tỉnh", "Nghệ An",
     ["Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông", "Sở Y tế", "Sở Công Thương",
      "Ngân hàng Nhà nước tỉnh"]),
    ("Sở Giáo dục và Đào tạo; Sở Lao động Thương binh và Xã hội; các Trường Đại học, Cao đẳng",
     "Nghệ An", ["Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội",
                 "Các trường đại học, cao đẳng"]),
    ("UBND cấp huyện; các doanh nghiệp viễn thông/CNTT", "Nghệ An",
     ["UBND cấp huyện", "Các doanh nghiệp viễn thông, công nghệ thông tin"]),
    ("Sở Lao động - Thương Binh và Xã hội, Sở Thông tin và Truyền thông", "Nghệ An",
     ["Sở Lao động - Thương binh và Xã hội", "Sở Thông tin và Truyền thông"]),
    ("Sở, ban, ngành, UBND huyện, thị xã, thành phố", "Gia Lai",
     ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]),
    ("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố; - Báo Gia Lai; - Đài PTTH Gia Lai",
     "Gia Lai", ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố", "Báo Gia Lai",
                 "Đài Phát thanh và Truyền hình tỉnh"]),
    ("Sở Giáo dục và Đào tạo; Sở Nội vụ; Sở Thông tin và Truyền thông; Sở Lao động, Thương binh "
     "và Xã hội và các đơn vị liên quan", "Gia Lai",
     ["Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Sở Thông tin và Truyền thông",
      "Sở Lao động - Thương binh và Xã hội", "Các cơ quan, đơn vị liên quan"]),
    ("Sở, ban, ngành, Hiệp hội các Doanh nghiệp tỉnh Gia Lai", "Gia Lai",
     ["Các sở, ban, ngành", "Hiệp hội các Doanh nghiệp tỉnh"]),
    ("- Các sở, ngành tỉnh - UBND cấp huyện", "Đồng Tháp", ["Các sở, ban, ngành", "UBND cấp huyện"]),
    ("- Các sở, ngành tỉnh\n- UBND cấp huyện\n- Các sở, ngành tỉnh\n- UBND cấp huyện", "Đồng Tháp",
     ["Các sở, ban, ngành", "UBND cấp huyện"]),
    ("Các Trường: ĐH Đồng Tháp, CĐCĐ Đồng Tháp", "Đồng Tháp",
     ["Trường Đại học Đồng Tháp", "Trường Cao đẳng Cộng đồng Đồng Tháp"]),
    ("- UBND cấp huyện\n- Các doanh nghiệp bưu\nchính, viễn thông", "Đồng Tháp",
     ["UBND cấp huyện", "Các doanh nghiệp bưu chính, viễn thông"]),
    ("- Tỉnh Đoàn\n- UBND cấp huyện\n- Các Tổ Công nghệ số cộng đồng", "Đồng Tháp",
     ["Tỉnh Đoàn", "UBND cấp huyện", "Các tổ công nghệ số cộng đồng"]),
    ("Đài Phát thanh và Truyền hình Đồng Tháp", "Đồng Tháp", ["Đài Phát thanh và Truyền hình tỉnh"]),
    ("- Sở Tài nguyên và Môi trường;\nSở Thông tin và Truyền thông; Sở Khoa học và Công nghệ\n"
     "- UBND cấp huyện", "Đồng Tháp",
     ["Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ",
      "UBND cấp huyện"]),
    ("Các Sở, Ban, ngành, UBND các huyện, thành phố", "Đắk Nông",
     ["Các sở, ban, ngành", "UBND các huyện, thành phố"]),
    ("Sở Thông tin và Truyền thông, Các doanh nghiệp viễn thông, bưu chính", "Đắk Nông",
     ["Sở Thông tin và Truyền thông", "Các doanh nghiệp viễn thông, bưu chính"]),
    ("Sở Văn hóa, Thể thao và Du lịch; các đơn vị khác có liên quan", "Đắk Nông",
     ["Sở Văn hóa, Thể thao và Du lịch", "Các cơ quan, đơn vị liên quan"]),
    ("Sở Y tế, Giáo dục và Đào tạo", None, ["Sở Y tế", "Sở Giáo dục và Đào tạo"]),
    ("Các sở, ban, ngành theo chức năng, nhiệm vụ", None, ["Các sở, ban, ngành"]),
    ("Các sở, ban, ngành; các", None, ["Các sở, ban, ngành"]),
    ("", None, []),
])
def test_seed_cells(cell, province, expected):
    assert names(cell, province) == expected


def test_unknown_organisations_are_kept_as_worded():
    [a] = canonical_agencies("Các DN được Bộ Thông tin và Truyền thông cấp phép")
    assert a == Agency("Các doanh nghiệp được Bộ Thông tin và Truyền thông cấp phép", False, None,
                       "collective")
    [a] = canonical_agencies("Trung tâm Giám sát, điều hành đô thị thông minh")
    assert (a.name, a.known, a.kind) == ("Trung tâm Giám sát, điều hành đô thị thông minh", False, None)
    assert names("Trung tâm CNTT tỉnh Gia Lai", "Gia Lai") == ["Trung tâm Công nghệ thông tin tỉnh"]
    assert names("UBND thành phố Pleiku và các địa phương triển khai đồng bộ thông minh", "Gia Lai") == [
        "UBND thành phố Pleiku", "Các địa phương triển khai đồng bộ thông minh"]
    # another province's department is not the plan's own: kept as written, not known
    [a] = canonical_agencies("Sở Y tế tỉnh Lâm Đồng", "Gia Lai")
    assert (a.name, a.known) == ("Sở Y tế tỉnh Lâm Đồng", False)


def test_single_bodies_never_start_with_cac():
    for cell in ["Các Trường: ĐH Đồng Tháp, CĐCĐ Đồng Tháp", "Các Sở: Y tế, Tư pháp"]:
        assert not any(n.startswith("Các") for n in names(cell))


def test_a_numbered_team_is_one_body():
    assert canonical_names("Tổ kiểm tra số 1; Đội Quản lý thị trường số 3") == [
        "Tổ kiểm tra số 1", "Đội Quản lý thị trường số 3"]
    assert canonical_names("các tổ dân phố") == ["Các tổ dân phố"]


def test_canonical_names_is_the_list_of_names():
    assert canonical_names("Sở TT&TT; các sở, ngành") == ["Sở Thông tin và Truyền thông",
                                                          "Các sở, ban, ngành"]


# -------------------------------------------------------- 2025 successors

@pytest.mark.parametrize("name, successor", [
    ("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"),
    ("Sở TT&TT", "Sở Khoa học và Công nghệ"),
    ("Sở Kế hoạch và Đầu tư", "Sở Tài chính"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường"),
    ("Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường"),
    ("Sở Giao thông vận tải", "Sở Xây dựng"),
    ("UBND cấp huyện", "UBND cấp xã"),
    ("UBND các huyện, thị xã, thành phố", "UBND cấp xã"),
    ("Cục Thuế tỉnh", "Thuế tỉnh"),
    ("Cục Thống kê tỉnh", "Chi cục Thống kê tỉnh"),
    ("Sở Y tế", None),
    ("Các sở, ban, ngành", None),
    ("Trung tâm Không có", None),
])
def test_successor_of(name, successor):
    assert successor_of(name) == successor


def test_agencies_carry_successor_and_kind():
    [a, b] = canonical_agencies("Sở TT&TT; UBND cấp huyện")
    assert a == Agency("Sở Thông tin và Truyền thông", True, "Sở Khoa học và Công nghệ", "department")
    assert b == Agency("UBND cấp huyện", True, "UBND cấp xã", "people_committee")


# ------------------------------------------------------------- running text

def test_find_agencies_offsets_and_longest_match():
    text = ("Sở TT&TT chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch, UBND các huyện, "
            "thị xã, thành phố và Cục Thuế tỉnh Nghệ An triển khai.")
    found = find_agencies(text, "Nghệ An")
    assert [(text[s:e], a.name) for s, e, a in found] == [
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("UBND các huyện, thị xã, thành phố", "UBND các huyện, thị xã, thành phố"),
        ("Cục Thuế tỉnh Nghệ An", "Cục Thuế tỉnh"),
    ]


def test_find_agencies_leaves_out_common_words():
    text = "Phát triển kinh tế địa phương, hỗ trợ doanh nghiệp và cơ sở giáo dục, đào tạo; Chính phủ số."
    assert find_agencies(text) == []


def test_find_agencies_in_a_seed_is_quick_and_finds_the_departments():
    text = (CORPUS / "gia-lai-2068-2022.txt").read_text(encoding="utf-8")
    found = {a.name for _, _, a in find_agencies(text, "Gia Lai")}
    assert {"Sở Thông tin và Truyền thông", "Báo Gia Lai", "Đài Phát thanh và Truyền hình tỉnh",
            "Hiệp hội các Doanh nghiệp tỉnh", "UBND các huyện, thị xã, thành phố"} <= found


# ---------------------------------------------------------------- the data

def _rows(name: str) -> list[dict[str, str]]:
    with resources.files("planextract.data").joinpath(name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


KINDS = {"department", "people_committee", "collective", "central_ministry", "provincial_branch",
         "media", "education", "enterprise", "party_mass", "other"}


def test_gazetteer_is_consistent():
    rows = _rows("agencies.csv")
    assert gazetteer_conflicts() == []
    for row in rows:
        name = row["canonical"]
        assert row["kind"] in KINDS, name
        assert normalize_line(name) == name, name
        assert name.startswith("Các ") == (row["kind"] == "collective"), name
        if row["successor"]:
            assert canonical_agencies(row["successor"])[0].known, row["successor"]
        if "{province}" not in name:
            assert names(name) == [name], name  # every canonical name reads as itself


def test_abbreviations_file():
    rows = _rows("abbreviations.csv")
    assert {r["canonical_form"] for r in rows} <= {"expansion", "abbreviation"}
    assert {"TT&TT", "TTTT", "KH&ĐT", "LĐTBXH", "LĐ-TB&XH", "GD&ĐT", "NN&PTNT", "VHTTDL", "VH-TT&DL",
            "TN&MT", "PTTH", "BCVT", "UBND", "HĐND", "DN", "CNTT", "ĐH", "CĐ", "TC", "THCS", "THPT",
            "TTĐT"} <= {r["abbreviation"] for r in rows}


# --------------------------------------------- the gold lists of the seeds

GOLD_SEEDS = ["binh-thuan-4181-2022", "nghe-an-347-2023", "dak-nong-292-2022", "gia-lai-2068-2022",
              "dong-thap-241-2022"]
MIN_ROW_MATCH = 0.4  # Jaccard of a gold target's words and its table row's (lowest seen: 0.50)


def _table_rows(seed: str):
    """(task text, {'lead': cell, 'partners': cell}) of the tab-separated appendix rows."""
    roles: dict[str, int] = {}
    for line in (CORPUS / f"{seed}.txt").read_text(encoding="utf-8").splitlines():
        cells = [re.sub(r"</?b>", "", c).strip() for c in line.split("\t")]
        if len(cells) < 4:
            continue
        low = [c.lower() for c in cells]
        if low[0] in ("tt", "stt", "số tt") and any("chủ trì" in c for c in low):
            roles = {}
            for i, c in enumerate(low):
                if "chủ trì" in c:
                    roles["lead"] = i
                elif ("phối hợp" in c or "thực hiện" in c) and not c.startswith("thời gian"):
                    roles["partners"] = i
                elif "nội dung" in c or "nhiệm vụ" in c:
                    roles["text"] = i
        elif roles:
            yield cells[roles["text"]], {r: (cells[i] if i < len(cells) else "")
                                         for r, i in roles.items() if r != "text"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _gold_cells():
    """(id, province, raw cell, gold list, row-match score) for every gold lead/partners list."""
    out = []
    for seed in GOLD_SEEDS:
        gold = json.loads((ANNOTATIONS / f"{seed}.json").read_text(encoding="utf-8"))
        rows = list(_table_rows(seed))
        for n, target in enumerate(gold["targets"]):
            if not target["lead"] and not target["partners"]:
                continue
            wanted = _words(target["text"])
            score, cells = max(((len(wanted & _words(t)) / len(wanted | _words(t)), c)
                                for t, c in rows), key=lambda x: x[0], default=(0.0, {}))
            for role in ("lead", "partners"):
                out.append((f"{seed}-t{n}-{role}", gold["document"]["province"],
                            cells.get(role, ""), target[role], score))
    return out


GOLD_CELLS = _gold_cells()


def test_every_gold_list_has_its_raw_cell():
    assert len(GOLD_CELLS) >= 100
    assert all(score >= MIN_ROW_MATCH for *_, score in GOLD_CELLS)


@pytest.mark.parametrize("province, cell, gold", [c[1:4] for c in GOLD_CELLS],
                         ids=[c[0] for c in GOLD_CELLS])
def test_gold_lists_are_reproduced(province, cell, gold):
    assert names(cell, province) == gold


# ------------------------------------- made-up forms: cities, 2025 bodies, structure

@pytest.mark.parametrize("cell, province, expected", [
    ("Thành đoàn", "Hồ Chí Minh", ["Thành Đoàn"]),
    ("Tỉnh đoàn", "Gia Lai", ["Tỉnh Đoàn"]),
    ("Công an Thành phố; Cục Thuế thành phố", "Hà Nội", ["Công an thành phố", "Cục Thuế thành phố"]),
    ("Ủy ban MTTQ VN thành phố", "Hà Nội", ["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"]),
    ("Văn phòng Ủy ban nhân dân Thành phố", "Cần Thơ", ["Văn phòng UBND thành phố"]),
    ("Bảo hiểm xã hội Thành phố", "Hà Nội", ["Bảo hiểm xã hội thành phố"]),
    ("Sở, ban, ngành Thành phố", "Hà Nội", ["Các sở, ban, ngành"]),
    ("Đài PTTH Hà Nội", "Hà Nội", ["Đài Phát thanh và Truyền hình thành phố"]),
    ("Đài PTTH Gia Lai", "Gia Lai", ["Đài Phát thanh và Truyền hình tỉnh"]),
    ("Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ)", "Hồ Chí Minh", ["Trung tâm Dịch vụ việc làm thành phố"]),
    ("Báo và Phát thanh, Truyền hình tỉnh", "Gia Lai", ["Báo và Phát thanh, Truyền hình tỉnh"]),
    ("Ngân hàng Nhà nước khu vực XII", "Cần Thơ", ["Ngân hàng Nhà nước khu vực XII"]),
    ("Trường Đại học Quy Nhơn", "Gia Lai", ["Trường Đại học Quy Nhơn"]),
    ("Trường Cao đẳng Y tế Đồng Tháp", "Đồng Tháp", ["Trường Cao đẳng Y tế Đồng Tháp"]),
    ("các trường đại học, cao đẳng", None, ["Các trường đại học, cao đẳng"]),
    ("Bộ Chỉ huy Quân sự tỉnh, Bộ đội Biên phòng", "Quảng Ninh", ["Bộ Chỉ huy Quân sự tỉnh", "Bộ đội Biên phòng"]),
    ("Giám đốc Công an tỉnh", "Gia Lai", ["Công an tỉnh"]),
    ("Chủ tịch UBND các xã, phường", None, ["UBND các xã, phường"]),
])
def test_city_bodies_proper_names_and_titles(cell, province, expected):
    assert names(cell, province) == expected


@pytest.mark.parametrize("cell, expected", [
    ("UBND các xã, phường, đặc khu", ["UBND các xã, phường, đặc khu"]),
    ("Ủy ban nhân dân xã, phường", ["UBND các xã, phường"]),
    ("UBND phường, xã", ["UBND các xã, phường"]),
    ("UBND cấp xã", ["UBND cấp xã"]),
])
def test_communes_since_2025_as_written(cell, expected):
    assert names(cell) == expected


@pytest.mark.parametrize("written, successor", [
    ("Sở TT&TT", "Sở Khoa học và Công nghệ"),          # a 2022 plan's body and its successor
    ("Sở Khoa học và Công nghệ", None),                  # a 2025 plan's body needs none
    ("Sở KH&ĐT", "Sở Tài chính"),
    ("Sở LĐ-TB&XH", "Sở Nội vụ"),
    ("Sở NN&PTNT", "Sở Nông nghiệp và Môi trường"),
    ("Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường"),
    ("Sở Nông nghiệp và Môi trường", None),
    ("Ban Dân tộc tỉnh", "Sở Dân tộc và Tôn giáo"),
    ("Sở Dân tộc và Tôn giáo", None),
])
def test_successors_after_the_2025_merges(written, successor):
    (agency,) = canonical_agencies(written)
    assert agency.successor == successor


def test_predecessors_the_other_way():
    from planextract.extract.agencies import predecessors_of
    assert predecessors_of("Sở Khoa học và Công nghệ") == ("Sở Thông tin và Truyền thông",)
    assert set(predecessors_of("Sở Nông nghiệp và Môi trường")) == {
        "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"}
    assert predecessors_of("Sở Y tế") == ()


def test_running_text_finds_bodies_by_their_structure():
    text = ("Trường Đại học Quy Nhơn chủ trì, phối hợp với Sở Y tế và Trung tâm Dịch vụ việc làm Thành phố "
            "tổ chức tập huấn; Báo cáo kết quả về Hội nghị; Chi cục Thủy lợi theo dõi.")
    found = [(text[s:e], a.name, a.known) for s, e, a in find_agencies(text, "Hà Nội")]
    assert found == [("Trường Đại học Quy Nhơn", "Trường Đại học Quy Nhơn", False),
                     ("Sở Y tế", "Sở Y tế", True),
                     ("Trung tâm Dịch vụ việc làm Thành phố", "Trung tâm Dịch vụ việc làm thành phố", False),
                     ("Chi cục Thủy lợi", "Chi cục Thủy lợi", False)]


def test_running_text_city_bodies():
    text = "Đề nghị Thành đoàn, Công an thành phố tuyên truyền."
    assert [a.name for _, _, a in find_agencies(text, "Hà Nội")] == ["Thành Đoàn", "Công an thành phố"]


@pytest.mark.parametrize("cell, province, expected", [
    # rule 8: no level word the document did not write
    ("Cục Thống kê", "Gia Lai", ["Cục Thống kê"]),
    ("Ban Quản lý khu Kinh tế", "Đồng Tháp", ["Ban Quản lý khu Kinh tế"]),
    ("Đài PTTH", "Nghệ An", ["Đài Phát thanh và Truyền hình"]),
    # … and its letter case after the head noun, the province written as the level word
    ("Sở Công Thương; Ban Quản lý khu Kinh tế tỉnh Đồng Tháp", "Đồng Tháp",
     ["Sở Công Thương", "Ban Quản lý khu Kinh tế tỉnh"]),
    ("Ban Chỉ đạo chuyển đổi số tỉnh", "Gia Lai", ["Ban Chỉ đạo chuyển đổi số tỉnh"]),
    # its own wording of a body the gazetteer knows, and a proper name's spelling
    ("Ban Chỉ đạo Chuyển đổi số của tỉnh", "Bình Thuận", ["Ban Chỉ đạo Chuyển đổi số của tỉnh"]),
    ("Báo Đắc Nông", "Đắk Nông", ["Báo Đắc Nông"]),
    # but the official names of departments, head nouns, level words and capitals take one form
    ("Sở Nông nghiệp và phát triển nông thôn", None, ["Sở Nông nghiệp và Phát triển nông thôn"]),
    ("Tỉnh đoàn", "Nghệ An", ["Tỉnh Đoàn"]),
    ("Công an Tỉnh", "Đồng Tháp", ["Công an tỉnh"]),
    ("SỞ Y TẾ", "Gia Lai", ["Sở Y tế"]),
    ("Văn phòng Ủy ban nhân dân Thành phố", "Hà Nội", ["Văn phòng UBND thành phố"]),
])
def test_known_bodies_as_the_document_names_them(cell, province, expected):
    assert names(cell, province) == expected
    assert all(a.known for a in canonical_agencies(cell, province))
    assert [a.name for _, _, a in find_agencies(cell, province)] == expected


@pytest.mark.parametrize("cell, province, expected", [
    # a collective is 'Các' and its written words; the fixed forms of rule 2 stay fixed
    ("các Đoàn thể tỉnh", "Đồng Tháp", ["Các đoàn thể tỉnh"]),
    ("doanh nghiệp viễn thông/CNTT", "Nghệ An", ["Các doanh nghiệp viễn thông, công nghệ thông tin"]),
    ("các sở, ngành tỉnh, địa phương có liên quan", "Đồng Tháp", ["Các sở, ban, ngành", "Các địa phương"]),
    ("các sở, ngành, cơ quan liên quan", "Bắc Ninh", ["Các sở, ban, ngành", "Các cơ quan, đơn vị liên quan"]),
    # different head nouns are different collectives
    ("Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư", "Hà Nội",
     ["Các doanh nghiệp", "Các nhà cung cấp dịch vụ IoT", "Các nhà đầu tư"]),
    # a collective's words written as a proper name are one body
    ("Hiệp hội Doanh nghiệp", "Đồng Tháp", ["Hiệp hội Doanh nghiệp"]),
    ("các hiệp hội doanh nghiệp", "Đồng Tháp", ["Các hiệp hội doanh nghiệp"]),
    ("Sở, ban, ngành Thành phố", "Hà Nội", ["Các sở, ban, ngành"]),
    # the Party is a proper noun inside a collective
    ("các tổ chức Đảng, đoàn thể", "Cà Mau", ["Các tổ chức Đảng", "Các đoàn thể"]),
    # a region's number is part of the name; a province's branch is named by its parent (rule 6)
    ("Chi cục Hải quan khu vực XIX", "Cần Thơ", ["Chi cục Hải quan khu vực XIX"]),
    ("Chi nhánh Ngân hàng Chính sách xã hội Thành phố", "Hồ Chí Minh", ["Ngân hàng Chính sách xã hội thành phố"]),
])
def test_collectives_and_bodies_as_written(cell, province, expected):
    assert names(cell, province) == expected


def test_running_text_region_numbers_and_list_only_words_after_a_collective():
    text = "11. Đề nghị Chi cục Hải quan khu vực XIX tăng cường kiểm soát."
    assert [(text[s:e], a.name) for s, e, a in find_agencies(text, "Cần Thơ")] == [
        ("Chi cục Hải quan khu vực XIX", "Chi cục Hải quan khu vực XIX")]
    text = "Các đơn vị, địa phương tăng cường kiểm tra, đôn đốc; hỗ trợ doanh nghiệp, hợp tác xã."
    assert [(text[s:e], a.name) for s, e, a in find_agencies(text, "Đồng Tháp")] == [
        ("Các đơn vị", "Các cơ quan, đơn vị liên quan"), ("địa phương", "Các địa phương")]
    text = "Chi nhánh Ngân hàng Chính sách xã hội tỉnh chủ trì cho vay vốn."
    assert [a.name for _, _, a in find_agencies(text, "Gia Lai")] == ["Ngân hàng Chính sách xã hội tỉnh"]



@pytest.mark.parametrize("text, expected", [
    # a bare plural noun going on a list of collectives is a collective of its own (rule 3)
    ("5. Các đoàn thể, tổ chức xã hội - nghề nghiệp:", ["Các đoàn thể", "Các tổ chức xã hội - nghề nghiệp"]),
    ("UBND các xã, phường, báo, đài và các đơn vị liên quan thực hiện.",
     ["UBND các xã, phường", "Các báo", "Các đài", "Các cơ quan, đơn vị liên quan"]),
    ("4. Các hợp tác xã, tổ chức, cá nhân có liên quan", ["Các hợp tác xã", "Các cơ quan, đơn vị liên quan"]),
    # words, not bodies: an event, a report, or a phrase going on to a verb
    ("Các sở, ngành, hội nghị chuyên đề", ["Các sở, ban, ngành"]),
    ("Các đơn vị, đài truyền thanh tuyên truyền rộng rãi đến người dân.", ["Các cơ quan, đơn vị liên quan"]),
])
def test_running_text_a_bare_plural_noun_after_a_collective(text, expected):
    assert [a.name for _, _, a in find_agencies(text, "Bắc Ninh")] == expected


def test_a_regional_branch_keeps_its_region_as_written():
    assert names("Ngân hàng Nhà nước chi nhánh Khu vực 9; Thuế tỉnh", "Tây Ninh") == [
        "Ngân hàng Nhà nước chi nhánh Khu vực 9", "Thuế tỉnh"]
    assert names("Chi cục Hải quan khu vực XIX", "Cần Thơ") == ["Chi cục Hải quan khu vực XIX"]

def test_a_station_of_the_communes_is_one_body():
    assert names("UBND các xã, phường, đặc khu; Trạm Y tế các xã, phường, đặc khu", "Lâm Đồng") == [
        "UBND các xã, phường, đặc khu", "Trạm Y tế các xã, phường, đặc khu"]
    assert names("Công an phường, Trạm Y tế phường, Phòng Văn hóa - Xã hội", "Thanh Hóa") == [
        "Công an phường", "Trạm Y tế phường", "Phòng Văn hóa - Xã hội"]

def test_cells_a_bare_noun_after_the_communes_is_plural():
    assert names("UBND xã, phường, báo, đài", "Bắc Ninh") == ["UBND các xã, phường", "Các báo", "Các đài"]

@pytest.mark.parametrize("cell, province, expected", [
    # the council's standing board, committees and delegations; party groups; a commune's office
    ("Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu Hội đồng nhân dân tỉnh",
     "Đắk Lắk", ["Thường trực HĐND tỉnh", "Các Ban của HĐND tỉnh", "Các Tổ đại biểu HĐND tỉnh"]),
    ("Thường trực HĐND Thành phố, các Ban của HĐND Thành phố", "Hà Nội",
     ["Thường trực HĐND thành phố", "Các Ban của HĐND thành phố"]),
    ("Ban cán sự đảng UBND tỉnh", "Bình Định", ["Ban cán sự đảng UBND tỉnh"]),
    ("Văn phòng HĐND và UBND phường", "Hồ Chí Minh", ["Văn phòng HĐND và UBND phường"]),
    # a hyphen between words in lower case is inside a name; 'Các' goes on over the list
    ("Các trường trung học phổ thông, trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên", "Quảng Ninh",
     ["Các trường trung học phổ thông", "Các trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên"]),
    ("Sở Y tế - Sở Tài chính", None, ["Sở Y tế", "Sở Tài chính"]),
    # a level of people's committees followed by the duty's words
    ("Sở Nông nghiệp và Phát triển nông thôn, UBND các huyện, thành phố khảo sát", "Cà Mau",
     ["Sở Nông nghiệp và Phát triển nông thôn", "UBND các huyện, thành phố"]),
])
def test_councils_party_groups_offices_and_lists(cell, province, expected):
    assert names(cell, province) == expected


def test_running_text_names_that_list_their_fields():
    text = "Chi cục Chăn nuôi, Thú y và Thủy sản: Hướng dẫn chuyên môn; Phòng Khảo thí và Kiểm định chất lượng " \
           "giáo dục phối hợp; Trung tâm Y tế và Công an xã phối hợp."
    assert [text[s:e] for s, e, _ in find_agencies(text, "Tây Ninh")] == [
        "Chi cục Chăn nuôi, Thú y và Thủy sản", "Phòng Khảo thí và Kiểm định chất lượng giáo dục", "Trung tâm Y tế",
        "Công an xã"]


@pytest.mark.parametrize("cell, province, expected", [
    # abbreviations with commas and hyphens inside
    ("Sở VH,TT&DL", "Thanh Hóa", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở Lao động-TB&XH", "Nghệ An", ["Sở Lao động - Thương binh và Xã hội"]),
    # named communes: one body each (guidelines §6 rule 2)
    ("UBND các xã: Mường Khương, Bản Lầu và Pha Long", "Lào Cai",
     ["UBND xã Mường Khương", "UBND xã Bản Lầu", "UBND xã Pha Long"]),
    # rule 6: a department written with its level and place keeps the level word
    ("Sở Y tế tỉnh Tuyên Quang", "Tuyên Quang", ["Sở Y tế tỉnh"]),
    ("Sở Xây dựng Thành phố", "Hà Nội", ["Sở Xây dựng thành phố"]),
    ("Sở Xây dựng", "Hà Nội", ["Sở Xây dựng"]),
    # a company's branch is a proper name and keeps its place
    ("Viettel Quảng Trị", "Quảng Trị", ["Viettel Quảng Trị"]),
    # a title is not the name: 'Chánh' before 'Văn phòng', 'Thanh tra'
    ("Chánh Văn phòng UBND tỉnh", "Quảng Trị", ["Văn phòng UBND tỉnh"]),
    ("Chánh Thanh tra tỉnh", "Quảng Trị", ["Thanh tra tỉnh"]),
])
def test_names_as_the_document_writes_them_after_rules_1_to_7(cell, province, expected):
    assert names(cell, province) == expected


@pytest.mark.parametrize("text, expected", [
    ("Giao Hội đồng Thi đua - Khen thưởng tỉnh thực hiện.", ["Hội đồng Thi đua - Khen thưởng tỉnh"]),
    ("Hội đồng Đa khoa chủ trì.", ["Hội đồng Đa khoa"]),
    ("Các hội, đoàn thể phối hợp.", ["Các hội, đoàn thể"]),
])
def test_a_longer_head_noun_than_a_collective_names_one_body(text, expected):
    # 'hội' is a collective noun, 'Hội đồng' a head noun: once read as 'Các hội đồng …' and,
    # through display_name → find_agencies → display_name, without end
    assert [a.name for _, _, a in find_agencies(text, "Lào Cai")] == expected


def test_every_head_noun_before_any_word_gives_an_answer():
    heads = [row["wording"] for row in csv.DictReader(
        resources.files("planextract.data").joinpath("agency_patterns.csv").open(encoding="utf-8"))
        if row["role"] == "organisation"]
    words = ["Đa khoa", "tỉnh", "Các", "các", "Hội", "Trường", "ĐH"]
    for head in heads:
        for word in words:
            for text in (f"{head} {word} chủ trì.", f"Các {head} {word}.", f"giao {head.lower()} {word}."):
                assert isinstance(find_agencies(text, "Lào Cai"), list), text


@pytest.mark.parametrize("cell, province, expected", [
    ("Ngân hàng Nhà nước chi nhánh khu vực 14", "Cần Thơ", ["Ngân hàng Nhà nước chi nhánh khu vực 14"]),
    ("Ngân hàng nhà nước khu vực XII", "Bắc Ninh", ["Ngân hàng Nhà nước khu vực XII"]),
    ("Ngân hàng chính sách xã hội tỉnh", "Bắc Ninh", ["Ngân hàng Chính sách xã hội tỉnh"]),
    ("Các sở, ban, ngành, đoàn thể Thành phố", "Hồ Chí Minh", ["Các sở, ban, ngành", "Các đoàn thể thành phố"]),
])
def test_regional_branches_keep_their_number_and_a_listed_collective_its_level(cell, province, expected):
    assert names(cell, province) == expected


@pytest.mark.parametrize("cell, expected", [
    ("Đảng ủy Hội đồng nhân dân tỉnh", ["Đảng ủy HĐND tỉnh"]),
    ("Đảng ủy Mặt trận Tổ quốc và các đoàn thể tỉnh", ["Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh"]),
    ("Đảng ủy các cơ quan Đảng tỉnh", ["Đảng ủy các cơ quan Đảng tỉnh"]),
    ("các cấp ủy, tổ chức đảng", ["Các cấp ủy, tổ chức đảng"]),
    ("Thường trực Tỉnh ủy", ["Thường trực Tỉnh ủy"]),
    ("Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh", ["Viện kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh"]),
    ("Tòa án nhân dân khu vực 3", ["Tòa án nhân dân khu vực 3"]),
    ("các tổ chức, doanh nghiệp, Hiệp hội Du lịch thành phố", ["Các tổ chức", "Các doanh nghiệp", "Hiệp hội Du lịch thành phố"]),
    ("Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường",
     ["Các sở, ban, ngành", "UBND các xã, phường"]),
    ("Các sở, ban, ngành trong phạm vi chức năng, nhiệm vụ của mình", ["Các sở, ban, ngành"]),
    ("các cơ quan báo chí đóng trên địa bàn tỉnh", ["Các cơ quan báo chí"]),
    ("Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh",
     ["Thường trực HĐND tỉnh", "Các Ban của HĐND tỉnh", "Các Tổ đại biểu HĐND tỉnh", "Các đại biểu HĐND tỉnh"]),
])
def test_the_party_committees_of_2025_are_one_body_each(cell, expected):
    assert canonical_names(cell, "Lào Cai") == expected


@pytest.mark.parametrize("text, expected", [
    ("Các sở căn cứ chức năng triển khai", ["Các sở, ban, ngành"]),
    ("Các Sở có liên quan phối hợp", ["Các sở, ban, ngành"]),
])
def test_the_departments_written_with_their_head_noun_alone(text, expected):
    assert [a.name for _, _, a in find_agencies(text)] == expected


@pytest.mark.parametrize("text", ["các Sở: Tài chính, Nội vụ triển khai", "Giám đốc các Sở Tài chính, Nội vụ báo cáo"])
def test_a_list_of_named_departments_is_not_the_departments_as_a_whole(text):
    assert "Các sở, ban, ngành" not in [a.name for _, _, a in find_agencies(text)]


@pytest.mark.parametrize("cell, names", [
    ("Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu Hội đồng nhân "
     "dân tỉnh và đại biểu Hội đồng nhân dân tỉnh",
     ["Thường trực HĐND tỉnh", "Các Ban của HĐND tỉnh", "Các Tổ đại biểu HĐND tỉnh", "Các đại biểu HĐND tỉnh"]),
])
def test_deputies_after_the_delegations_with_the_level_written_twice(cell, names):
    assert canonical_names(cell) == names


@pytest.mark.parametrize("cell, names", [
    ("Ngân hàng Chính sách xã hội chi nhánh tỉnh Lào Cai", ["Ngân hàng Chính sách xã hội tỉnh"]),  # rule 6
    ("Trường Đại học Phạm Văn Đồng; UBND các xã", ["Trường Đại học Phạm Văn Đồng", "UBND các xã"]),  # as written
    ("UBND các xã, phường", ["UBND các xã, phường"]),
    ("Các cơ sở giáo dục trực thuộc Sở; các phòng chuyên môn thuộc Sở",
     ["Các cơ sở giáo dục trực thuộc Sở", "Các phòng chuyên môn thuộc Sở"]),  # the issuing Sở, one body
])
def test_branches_communes_and_the_sos_own_units(cell, names):
    assert canonical_names(cell, "Lào Cai") == names


def test_a_city_inside_the_province_keeps_its_name_and_a_capitalised_verb_is_no_place():
    text = "Giao Sở Du lịch chủ trì, phối hợp với UBND thành phố Nha Trang, UBND thành phố Cam Ranh tổ chức."
    assert [a.name for _, _, a in find_agencies(text, "Khánh Hòa")] == [
        "Sở Du lịch", "UBND thành phố Nha Trang", "UBND thành phố Cam Ranh"]
    assert [a.name for _, _, a in find_agencies("UBND thành phố Chủ trì, phối hợp với các sở.", "Hải Phòng")][0] \
        == "UBND thành phố"


def test_a_collective_followed_by_a_head_noun_without_a_separator_is_one_name():
    # 'đại học' right after 'các cơ sở giáo dục' says which, it starts no body of its own
    assert canonical_names("Các cơ sở giáo dục đại học; Sở Nội vụ", "Bắc Ninh") == ["Các cơ sở giáo dục đại học", "Sở Nội vụ"]
    assert canonical_names("Các cơ sở giáo dục, trường đại học", "Bắc Ninh") == ["Các cơ sở giáo dục", "Các trường đại học"]


def test_training_institutions_as_a_class():
    text = "19. Các cơ sở đào tạo đại học, sau đại học mở thêm chuyên ngành về chuyển đổi số."
    assert [a.name for _, _, a in find_agencies(text, "Bắc Ninh")] == ["Các cơ sở đào tạo đại học"]


@pytest.mark.parametrize("text, name", [
    ("Sở Xây dựng chủ trì, phối hợp với các doanh nghiệp vận tải tổ chức kiểm tra.", "Các doanh nghiệp vận tải"),
    ("phối hợp với các hiệp hội ngành hàng triển khai", "Các hiệp hội ngành hàng"),
    ("- Các doanh nghiệp khai thác công trình thủy lợi, thủy điện.", "Các doanh nghiệp khai thác công trình thủy lợi"),
    ("yêu cầu các doanh nghiệp viễn thông nghiêm túc thực hiện", "Các doanh nghiệp viễn thông"),
    ("phối hợp với các sở, ban, ngành liên quan triển khai", "Các sở, ban, ngành"),  # a fixed form
])
def test_a_collective_in_running_text_keeps_the_words_that_say_which(text, name):
    assert [a.name for _, _, a in find_agencies(text, "Phú Thọ")][-1] == name
