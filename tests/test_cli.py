import json
import subprocess
import sys

import pytest

from .conftest import ANNOTATIONS, CORPUS


def run(*args):
    return subprocess.run([sys.executable, "-m", "planextract.cli", *args], capture_output=True, text=True)


def test_extract_prints_the_schema_json():
    out = run("extract", str(CORPUS / "nghe-an-347-2023.txt"), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema_version"] == "1"
    assert set(data) == {"schema_version", "document", "targets", "tasks", "references", "deadlines", "warnings"}
    assert data["document"]["number"] == "347/KH-UBND"
    assert list(data["references"][0]) == ["doc_type", "number", "issued_date", "issuer", "title",
                                           "page", "start", "end"]


def test_extract_table_summary():
    out = run("extract", str(CORPUS / "dong-thap-241-2022.pdf"), "--format", "table")
    assert out.returncode == 0 and "241/KH-UBND" in out.stdout and "references: 5" in out.stdout


def test_batch_exit_code_says_some_failed(tmp_path):
    import shutil
    from .conftest import FIXTURES
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(CORPUS / "gia-lai-2068-2022.txt", inbox)
    shutil.copy(FIXTURES / "encrypted.pdf", inbox)
    out = run("batch", str(inbox), "--out", str(tmp_path / "out"), "--workers", "1", "--format", "csv")
    assert out.returncode == 1
    assert "files: 2 (processed 1, unchanged 0, failed 1)" in out.stdout
    assert "encrypted.pdf" in out.stderr and "Traceback" not in out.stderr


def test_batch_refuses_an_unknown_format_before_any_work(tmp_path):
    out = run("batch", str(CORPUS), "--out", str(tmp_path / "out"), "--format", "docx")
    assert out.returncode == 2 and "unknown output format" in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_annotate_export_writes_label_studio_tasks(tmp_path):
    out = run("annotate", "export", str(CORPUS / "dak-nong-292-2022.txt"), "--out", str(tmp_path / "tasks.json"))
    assert out.returncode == 0, out.stderr
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert len(tasks) == 223 and tasks[0]["predictions"][0]["model_version"].startswith("planextract-")


def test_annotate_next_ranks_paragraphs_by_doubt(tmp_path):
    out = run("annotate", "next", str(CORPUS / "gia-lai-2068-2022.txt"), "--n", "3", "--out", str(tmp_path / "next.json"))
    assert out.returncode == 0, out.stderr
    scores = [float(line.split()[0]) for line in out.stdout.splitlines()[:3]]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    assert len(json.loads((tmp_path / "next.json").read_text(encoding="utf-8"))) == 3


def test_annotation_commands_report_bad_input_in_one_line(tmp_path):
    (tmp_path / "not-an-export.json").write_text('{"a": 1}')
    (tmp_path / "garbage.json").write_text("nope")
    (tmp_path / "foreign.json").write_text('[{"data": {"text": "x"}, "annotations": [{"result": []}]}]')
    for args, problem in [
            (("annotate", "import", str(tmp_path / "not-an-export.json")), "not a Label Studio JSON export"),
            (("annotate", "import", str(tmp_path / "garbage.json")), "not a Label Studio JSON export"),
            (("annotate", "import", str(tmp_path / "foreign.json")), "not a planextract task"),
            (("train", "--annotations", str(tmp_path / "none")), "none: no gold folder (annotations/) here"),
            (("train", "--annotations", str(tmp_path)), "no entity annotations to train on"),
            (("extract", str(CORPUS / "dak-nong-292-2022.txt"), "--model", str(tmp_path / "none")), "no trained model here"),
            (("annotate", "next", str(CORPUS / "dak-nong-292-2022.txt"), "--model", "none"), "no trained NER to ask")]:
        out = run(*args)
        assert out.returncode == 2 and problem in out.stderr and "Traceback" not in out.stderr, (args, out.stderr)
        assert len(out.stderr.strip().splitlines()) == 1


def test_extract_writes_csv_markdown_and_to_a_file(tmp_path):
    from planextract.outputs import read_table
    out = run("extract", str(CORPUS / "nghe-an-347-2023.txt"), "--format", "csv", "--table", "targets",
              "--output", str(tmp_path / "targets.csv"))
    assert out.returncode == 0 and out.stdout == "", out.stderr
    import planextract
    expected = len(planextract.extract(CORPUS / "nghe-an-347-2023.txt").targets)
    targets = read_table(tmp_path / "targets.csv")
    assert len(targets) == expected > 30 and targets.year.dtype == "Int64" and set(targets.province) == {"Nghệ An"}
    md = run("extract", str(CORPUS / "nghe-an-347-2023.txt"), "--format", "markdown")
    assert md.returncode == 0 and "| number | 347/KH-UBND |" in md.stdout and f"## targets ({expected})" in md.stdout
    assert "| year | indicator | comparator |" in md.stdout


def test_extract_into_a_closed_pipe_ends_quietly():
    process = subprocess.Popen([sys.executable, "-m", "planextract.cli", "extract", str(CORPUS / "nghe-an-347-2023.txt")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # the reader is gone before anything is written (`| head -1`)
    stderr = process.stderr.read().decode()
    assert process.wait() != 0 and stderr == ""


def test_table_fits_the_terminal_width():
    import os
    for width in (70, 160):
        out = subprocess.run([sys.executable, "-m", "planextract.cli", "extract", str(CORPUS / "nghe-an-347-2023.txt"),
                              "--format", "table"], capture_output=True, text=True, env=dict(os.environ, COLUMNS=str(width)))
        lengths = [len(line) for line in out.stdout.splitlines()]
        assert max(lengths) <= width and max(lengths) > width - 10


def test_a_missing_optional_extra_is_one_line(tmp_path):
    # Python with dask made unimportable, as on an install without the 'dask' extra.
    code = ("import sys; sys.modules['dask'] = None; sys.modules['dask.distributed'] = None; "
            "from planextract.cli import main; sys.exit(main())")
    out = subprocess.run([sys.executable, "-c", code, "batch", str(CORPUS), "--out", str(tmp_path / "o"),
                          "--engine", "dask"], capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr.strip() == (
        "planextract: error: --engine dask: needs the optional extra 'dask', which is not installed: "
        "pip install 'planextract[dask]'")
    assert not (tmp_path / "o").exists()


def test_every_option_has_help_and_a_shown_default():
    import re

    import click
    import typer

    from planextract.cli import app
    command = typer.main.get_command(app)

    def commands(group, prefix=""):
        for name, cmd in group.commands.items():
            yield from commands(cmd, f"{prefix}{name} ") if isinstance(cmd, click.Group) else [(prefix + name, cmd)]

    for name, cmd in commands(command):
        assert cmd.help, name
        for param in cmd.params:
            if isinstance(param, click.Option) and not param.is_flag and param.name != "help":
                assert param.help and (param.show_default or param.required), (name, param.name)
    help_text = run("extract", "--help").stdout
    assert re.search(r"default: json", help_text) and "PLANEXTRACT_MODEL" in help_text


def test_annotate_next_reports_and_skips_bad_files(tmp_path):
    import shutil
    from .conftest import FIXTURES
    shutil.copy(CORPUS / "gia-lai-2068-2022.txt", tmp_path)
    shutil.copy(FIXTURES / "corrupt.pdf", tmp_path)
    shutil.copy(FIXTURES / "english.txt", tmp_path)
    out = run("annotate", "next", str(tmp_path), "--n", "2")
    assert out.returncode == 1 and len(out.stdout.splitlines()) == 2
    assert "gia-lai-2068-2022.txt" in out.stdout
    warnings = out.stderr.strip().splitlines()
    assert len(warnings) == 2 and all(w.startswith("planextract: warning: ") and w.endswith("(skipped)") for w in warnings)
    assert any("corrupt.pdf" in w for w in warnings) and any("english.txt" in w for w in warnings)


def test_project_commands_say_what_they_looked_for(tmp_path):
    for args in (("eval",), ("train",), ("eval", "--entities")):
        out = subprocess.run([sys.executable, "-m", "planextract.cli", *args, "--project", str(tmp_path)],
                             capture_output=True, text=True)
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert out.stderr.strip() == (f"planextract: error: {tmp_path / 'annotations'}: no gold folder (annotations/) "
                                      f"here (looked in the project folder {tmp_path}; choose another with --project)")
    (tmp_path / "annotations").mkdir()
    out = run("train", "--project", str(tmp_path))
    assert out.returncode == 2 and f"{tmp_path / 'annotations'}: no entity annotations to train on" in out.stderr


def test_eval_runs_from_another_folder_with_project(tmp_path):
    from .conftest import ROOT
    out = subprocess.run([sys.executable, "-m", "planextract.cli", "eval", "--project", str(ROOT), "--quiet",
                          str(ROOT / "corpus" / "dak-nong-292-2022.txt")], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "== text" in out.stdout and "targets" in out.stdout


def test_annotate_export_names_the_shipped_config(tmp_path):
    import planextract
    out = run("annotate", "export", str(CORPUS / "dak-nong-292-2022.txt"), "--out", str(tmp_path / "t.json"))
    assert out.returncode == 0 and f"labeling config: {planextract.LABEL_STUDIO_CONFIG}" in out.stdout
    assert "<View>" in planextract.LABEL_STUDIO_CONFIG.read_text(encoding="utf-8")


def test_a_missing_model_is_said_on_stderr_by_every_command(tmp_path, monkeypatch, capsys):
    import shutil

    from planextract import cli, model_choice
    from planextract.outputs import read_table
    monkeypatch.delenv(model_choice.MODEL_ENV, raising=False)
    monkeypatch.setattr(model_choice, "default_model", lambda: None)
    seed = CORPUS / "dak-nong-292-2022.txt"
    assert cli.main(["extract", str(seed), "--output", str(tmp_path / "r.json")]) == 0
    assert "planextract: warning: no trained model found" in capsys.readouterr().err
    assert "rules ran alone" in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["warnings"][-1]
    (tmp_path / "in").mkdir()
    shutil.copy(seed, tmp_path / "in")
    assert cli.main(["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--workers", "1"]) == 0
    assert capsys.readouterr().err.count("planextract: warning: no trained model found") == 1
    assert len(read_table(tmp_path / "out" / "targets.parquet")) > 0
def test_eval_on_a_file_without_gold_is_a_one_line_error(tmp_path):
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text("I. MỤC TIÊU\n\n- Tỷ lệ hộ gia đình có cáp quang đạt 80%;\n", encoding="utf-8")
    for target in (plan, tmp_path):
        result = run("eval", str(target))
        assert result.returncode == 2
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "ke-hoach.txt" in lines[0] and "no gold" in lines[0]


def test_eval_of_the_sealed_test_split_prints_totals_only():
    result = run("eval", "--split", "test")
    assert result.returncode == 0, result.stderr
    assert "#### test" in result.stdout and "targets" in result.stdout
    assert "per document" in result.stdout
    assert "missed" not in result.stdout and "extra" not in result.stdout


def test_a_bug_is_one_line_that_says_so(monkeypatch, capsys):
    from planextract import cli
    from planextract.ingest import text

    def broken(*args, **kwargs):
        raise KeyError("a key\nover two lines")
    monkeypatch.setattr(text, "read_text", broken)
    monkeypatch.setattr("planextract.ingest.read_text", broken)
    assert cli.main(["blocks", str(CORPUS / "dak-nong-292-2022.txt")]) == 3
    err = capsys.readouterr().err
    assert err == (f"planextract: internal error on {CORPUS / 'dak-nong-292-2022.txt'}: KeyError: 'a key\\nover two "
                   "lines' (a bug: please report it; PLANEXTRACT_DEBUG=1 shows the traceback)\n")
    monkeypatch.setenv("PLANEXTRACT_DEBUG", "1")
    with pytest.raises(KeyError):
        cli.main(["blocks", str(CORPUS / "dak-nong-292-2022.txt")])


@pytest.mark.parametrize("command", [
    ["report", str(CORPUS / "dak-nong-292-2022.txt"), "--out"],
    ["annotate", "export", str(CORPUS / "dak-nong-292-2022.txt"), "--out"],
    ["annotate", "next", str(CORPUS / "dak-nong-292-2022.txt"), "--out"],
])
@pytest.mark.parametrize("where", ["a folder", "below a file"])
def test_an_unwritable_output_file_is_one_line_before_any_work(tmp_path, command, where):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    out = tmp_path if where == "a folder" else blocker / "out.json"
    result = run(*command, str(out))
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(out) in lines[0], lines
    assert ("is a folder" if where == "a folder" else f"{blocker} is a file, not a folder") in lines[0]


def test_naming_a_document_of_the_sealed_test_split_does_not_unseal_it():
    splits = json.loads((ANNOTATIONS / "splits.json").read_text(encoding="utf-8"))
    sealed, dev = CORPUS / f"{splits['test'][0]}.txt", CORPUS / f"{splits['dev'][0]}.txt"
    result = run("eval", str(sealed), str(dev))
    assert result.returncode == 0, result.stderr
    assert "#### files (1 files)" in result.stdout and "#### test (1 files)" in result.stdout
    assert f"{sealed.name}:" not in result.stdout  # no miss or extra of it is listed
