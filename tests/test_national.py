"""Provincial targets against the national strategy (Quyết định 411/QĐ-TTg)."""
import planextract
from planextract.national import indicator_id, relation, level

from .conftest import CORPUS


def test_different_wordings_map_to_the_same_indicator():
    assert indicator_id("Kinh tế số") == "de_share_gdp"                   # "Kinh tế số chiếm 20% GRDP"
    assert indicator_id("Tỷ trọng kinh tế số") == "de_share_gdp"          # "đạt 15-20%"
    assert indicator_id("Tỷ trọng kinh tế số trong từng ngành, lĩnh vực") == "de_share_per_sector"
    assert indicator_id("dân số có hồ sơ sức khỏe điện tử") == "e_health_record"
    assert indicator_id("Năng suất lao động hằng năm") is None


def test_levels_compare_with_their_comparators():
    assert relation(level("gt", 80), level("gt", 80)) == "equal"
    assert relation(level("gt", 80), level("eq", 80)) == "above"
    assert relation(level("eq", 80), level("gt", 80)) == "below"


def test_compare_national_on_two_seeds():
    targets = planextract.extract(CORPUS / "nghe-an-347-2023.txt").to_frames()["targets"]
    table = planextract.compare_national(targets)
    share = table[(table.indicator == "Tỷ trọng kinh tế số") & (table.year == 2025)].iloc[0]
    assert (share.indicator_id, share.national_value, share.relation) == ("de_share_gdp", 20.0, "below")
    health = table[(table.indicator_id == "e_health_record") & (table.year == 2025)].iloc[0]
    assert (health.value, health.national_value, health.relation) == (95.0, 90.0, "above")
    dong_thap = planextract.compare_national(planextract.extract(CORPUS / "dong-thap-241-2022.txt").targets)
    workforce = dong_thap[(dong_thap.indicator_id == "de_workforce_share") & (dong_thap.year == 2030)].iloc[0]
    assert (workforce.value, workforce.national_value, workforce.relation) == (1.5, 3.0, "below")
