"""The public API: what extract and extract_many take, the model they use, what they say."""
import io
import shutil
import warnings

import pytest

import planextract
from planextract.errors import ModelMissingWarning

from .conftest import CORPUS, FIXTURES

SEED = CORPUS / "gia-lai-2068-2022.txt"


@pytest.fixture(scope="module")
def reference():
    return planextract.extract(SEED).to_dict()


def _same_records(result, reference, source):
    data = result.to_dict()
    assert data["document"].pop("source") == source
    expected = dict(reference, document=dict(reference["document"]))
    expected["document"].pop("source")
    assert data == expected


def test_extract_takes_a_document_bytes_or_an_open_file(reference):
    _same_records(planextract.extract(planextract.load(SEED)), reference, str(SEED))
    _same_records(planextract.extract(SEED.read_bytes()), reference, "<bytes>")
    with open(SEED, "rb") as binary:
        _same_records(planextract.extract(binary), reference, str(SEED))
    with open(SEED, encoding="utf-8") as text:
        _same_records(planextract.extract(text), reference, str(SEED))
    _same_records(planextract.extract(io.BytesIO(SEED.read_bytes())), reference, "<bytes>")
    from_text = planextract.extract(planextract.load_text(SEED.read_text(encoding="utf-8")))
    assert len(from_text.tasks) == len(reference["tasks"])


def test_bad_bytes_name_their_source_in_one_line():
    with pytest.raises(planextract.PlanextractError, match=r"^<bytes>: .*not a readable PDF"):
        planextract.extract((FIXTURES / "corrupt.pdf").read_bytes())
    with open(FIXTURES / "english.txt", "rb") as f, pytest.raises(planextract.PlanextractError, match="english.txt"):
        planextract.extract(f)
    with pytest.raises(TypeError, match="takes a path, a Document"):
        planextract.extract(42)


def test_extract_chooses_its_model(tmp_path):
    plan = CORPUS / "binh-thuan-4181-2022.txt"
    shipped, rules = planextract.extract(plan), planextract.extract(plan, model="none")
    # The NER knows the agency list "Các cơ quan tham mưu, giúp việc …" the gazetteer lacks.
    assert (len(shipped.tasks), len(rules.tasks)) == (34, 33)
    assert shipped.warnings == rules.warnings == []
    same = planextract.extract(plan, model=planextract.MODEL_NAME)
    assert same.to_dict() == shipped.to_dict()
    with pytest.raises(planextract.PlanextractError, match="no trained model here"):
        planextract.extract(plan, model=tmp_path)


def test_a_missing_model_is_a_warning_never_silent(monkeypatch):
    from planextract import model_choice
    monkeypatch.delenv(model_choice.MODEL_ENV, raising=False)
    monkeypatch.setattr(model_choice, "default_model", lambda: None)
    with pytest.warns(ModelMissingWarning, match="no trained model found"):
        result = planextract.extract(SEED)
    assert any("no trained model found" in w and "rules ran alone" in w for w in result.warnings)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert planextract.extract(SEED, model="none").warnings == []  # chosen, so no warning


def test_extract_many_takes_a_folder_a_glob_a_path_or_a_list(tmp_path):
    for name in ("nghe-an-347-2023.txt", "dak-nong-292-2022.txt"):
        shutil.copy(CORPUS / name, tmp_path / name)
    (tmp_path / "notes.csv").write_text("not a plan")
    expected = {"Nghệ An", "Đắk Nông"}
    for inputs in (tmp_path, str(tmp_path), str(tmp_path / "*.txt"), [tmp_path / "nghe-an-347-2023.txt",
                                                                         str(tmp_path / "dak-*.txt")]):
        frames = planextract.extract_many(inputs)
        assert set(frames["documents"].province) == expected, inputs
        assert set(frames) == {"documents", "targets", "tasks", "references", "deadlines", "agencies", "errors"}
    one = planextract.extract_many(tmp_path / "nghe-an-347-2023.txt")
    assert one["documents"].province.tolist() == ["Nghệ An"]
    assert len(one["targets"]) == len(planextract.extract(tmp_path / "nghe-an-347-2023.txt").targets) > 30
    missing = planextract.extract_many([tmp_path / "gone.txt"])
    assert "no such file" in missing["errors"].error[0] and len(missing["documents"]) == 0
    with pytest.raises(planextract.PlanextractError, match="no file matches this pattern"):
        planextract.extract_many(str(tmp_path / "*.pdf"))
    with pytest.raises(planextract.PlanextractError, match="no plan"):
        planextract.extract_many(tmp_path / "empty-folder" if (tmp_path / "empty-folder").mkdir() is None else None)
