"""The package as a user installs it: the whole pipeline ships with it and spacy.load gives
what extract runs; a built wheel, installed in a fresh virtualenv and run from another
folder, extracts with the model exactly as the editable install does."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import planextract
from planextract.nlp import UndertheseaTokenizer, pipeline
from planextract.resources import REPOSITORY_MODEL

from .conftest import CORPUS, ROOT

TEXT = ("Căn cứ Quyết định số 749/QĐ-TTg của Thủ tướng Chính phủ, Sở Y tế chủ trì; "
        "tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 90% giai đoạn 2022 - 2025.")


def _ents(nlp):
    return [(e.start_char, e.end_char, e.label_) for e in nlp(TEXT).ents]


def test_spacy_load_of_model_name_is_the_pipeline_extract_runs():
    nlp = spacy.load(planextract.MODEL_NAME)
    assert Path(planextract.MODEL_NAME) == REPOSITORY_MODEL  # the editable install reads models/ in place
    assert nlp.pipe_names == pipeline().pipe_names == ["gazetteer_ruler", "ner", "target_judge"]
    assert isinstance(nlp.tokenizer, UndertheseaTokenizer)
    assert _ents(nlp) == _ents(pipeline()) and ("Thủ tướng Chính phủ" in [e.text for e in nlp(TEXT).ents])


def test_spacy_load_works_in_a_fresh_process():
    # No planextract import: spaCy finds the tokenizer and the ruler through the entry points.
    code = ("import json, sys, spacy; nlp = spacy.load(sys.argv[1]); "
            "print(json.dumps([nlp.pipe_names, [(e.text, e.label_) for e in nlp(sys.argv[2]).ents]]))")
    out = subprocess.run([sys.executable, "-c", code, planextract.MODEL_NAME, TEXT], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    names, ents = json.loads(out.stdout)
    assert names == ["gazetteer_ruler", "ner", "target_judge"] and ["Sở Y tế", "AGENCY"] in ents


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    return next(out.glob("planextract-*.whl"))


def test_the_wheel_carries_the_models_folder_and_the_annotation_kit(wheel):
    import zipfile
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for path in REPOSITORY_MODEL.rglob("*"):
            if path.is_file():
                packaged = "planextract/pipeline/" + path.relative_to(REPOSITORY_MODEL).as_posix()
                assert archive.read(packaged) == path.read_bytes(), packaged
    assert {"planextract/annotation/label-studio.xml", "planextract/annotation/entity-guidelines.md",
            "planextract/annotation/guidelines.md", "planextract/data/agencies.csv"} <= names


@pytest.mark.slow
def test_a_wheel_in_a_fresh_venv_extracts_like_the_editable_install(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-3000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PLANEXTRACT_MODEL", "PYTHONPATH")}
    seed = str(CORPUS / "binh-thuan-4181-2022.txt")  # where the model changes the records (one task more)

    def run(*args, cwd=elsewhere, python=venv / "bin" / "python"):
        out = subprocess.run([str(python), *args], capture_output=True, text=True, cwd=cwd, env=env)
        assert out.returncode == 0, out.stderr[-3000:]
        return out

    installed = run("extract", seed, python=venv / "bin" / "planextract")  # the console script
    editable = run("-m", "planextract.cli", "extract", seed, python=sys.executable)
    assert installed.stderr == "" and installed.stdout == editable.stdout
    assert len(json.loads(installed.stdout)["tasks"]) > 30
    probe = run("-c", "import json, spacy, planextract; nlp = spacy.load(planextract.MODEL_NAME); "
                      "print(json.dumps([planextract.MODEL_NAME, nlp.pipe_names, str(planextract.LABEL_STUDIO_CONFIG), "
                      "planextract.__file__]))")
    model_name, pipe_names, config, package = json.loads(probe.stdout)
    assert pipe_names == ["gazetteer_ruler", "ner", "target_judge"]
    assert Path(model_name) == Path(package).parent / "pipeline" and Path(config).is_file()
    assert str(venv) in model_name and str(ROOT) not in model_name + config
