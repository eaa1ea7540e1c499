"""Against the real tool: a Label Studio server on localhost, our labeling config, our tasks,
its export read back into annotations/. Needs the `label-studio` package in its own venv
(`bash scripts/setup-label-studio.sh`); `.ci/run` installs it and sets
PLANEXTRACT_REQUIRE_LABEL_STUDIO=1 so that a missing server fails instead of skipping."""
import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from planextract.annotate import EntityGold, import_label_studio, label_studio_tasks, utf16_offset
from planextract.ingest import load_text
from planextract.nlp import using_model

from .conftest import ANNOTATIONS, ROOT, load_cached

pytestmark = pytest.mark.label_studio
TOKEN = "planextract0test0token0000000000000000000"
BIN = Path(os.environ.get("LABEL_STUDIO_BIN", ROOT / ".venv-labelstudio" / "bin" / "label-studio"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not BIN.exists():
        if os.environ.get("PLANEXTRACT_REQUIRE_LABEL_STUDIO"):
            pytest.fail(f"{BIN}: Label Studio is not installed (bash scripts/setup-label-studio.sh)")
        pytest.skip("Label Studio is not installed (bash scripts/setup-label-studio.sh)")
    port = _free_port()
    data = tmp_path_factory.mktemp("label-studio")
    env = dict(os.environ, LABEL_STUDIO_BASE_DATA_DIR=str(data), DJANGO_DB="sqlite",
               LABEL_STUDIO_USERNAME="test@planextract.local", LABEL_STUDIO_PASSWORD="planextract-test",
               LABEL_STUDIO_USER_TOKEN=TOKEN, LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK="true")
    log = open(data / "server.log", "w")
    proc = subprocess.Popen([str(BIN), "start", "--no-browser", "--port", str(port), "--host", f"http://127.0.0.1:{port}",
                             "--enable-legacy-api-token", "--user-token", TOKEN],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if proc.poll() is not None:
                pytest.fail(f"Label Studio stopped: {(data / 'server.log').read_text()[-2000:]}")
            try:
                urllib.request.urlopen(f"{url}/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("Label Studio did not answer in 120 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _api(url: str, method: str, path: str, body=None):
    request = urllib.request.Request(f"{url}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"Token {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read() or b"null")


def test_tasks_go_through_label_studio_and_back(server, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    config = (ANNOTATIONS / "label-studio.xml").read_text(encoding="utf-8")
    project = _api(server, "POST", "/api/projects", {"title": "planextract test", "label_config": config})
    # A seed, and a text with characters outside the BMP (two UTF-16 units each) before a span.
    astral = tmp_path / "ke-hoach-astral.txt"
    astral.write_text("KẾ HOẠCH\nChuyển đổi số 𝟐𝟎𝟐𝟓 🚀: Sở Thông tin và Truyền thông chủ trì.\n", encoding="utf-8")
    with using_model(None):
        tasks = label_studio_tasks(load_cached("dak-nong-292-2022.txt"), model_version="rules")
        tasks += label_studio_tasks(load_text(astral.read_text(encoding="utf-8"), str(astral)), model_version="rules")
    _api(server, "POST", f"/api/projects/{project['id']}/import", tasks)

    # An annotator corrects one task in Label Studio: a completed annotation with an added span.
    stored = _api(server, "GET", f"/api/tasks?project={project['id']}&page_size=1000")
    stored = stored["tasks"] if isinstance(stored, dict) else stored
    assert len(stored) == len(tasks)
    target = next(t for t in stored if "🚀" in t["data"]["text"])
    text = target["data"]["text"]
    start = text.index("Sở Thông tin")
    end = start + len("Sở Thông tin và Truyền thông")
    region = {"id": "a1", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": utf16_offset(text, start), "end": utf16_offset(text, end),
                        "text": text[start:end], "labels": ["AGENCY"]}}
    _api(server, "POST", f"/api/tasks/{target['id']}/annotations", {"result": [region], "was_cancelled": False})
    # … and accepts the prediction of a seed paragraph as it is.
    seed_task = next(t for t in stored if t["data"]["text"] == "2. Sở Kế hoạch và Đầu tư, Sở Tài chính")
    prediction = next(t for t in tasks if t["data"]["text"] == seed_task["data"]["text"])["predictions"][0]["result"]
    _api(server, "POST", f"/api/tasks/{seed_task['id']}/annotations", {"result": prediction, "was_cancelled": False})

    export = _api(server, "GET", f"/api/projects/{project['id']}/export?exportType=JSON&download_all_tasks=true")
    assert len(export) == len(tasks)
    report = import_label_studio(export, tmp_path / "annotations")
    assert len(report.paths) == 2 and report.skipped == len(tasks) - 2
    gold = EntityGold.from_dict(json.loads((tmp_path / "annotations" / "entities" / "ke-hoach-astral.json").read_text()))
    whole = load_text(astral.read_text(encoding="utf-8"), str(astral)).text
    assert [whole[s.start:s.end] for s in gold.spans()] == ["Sở Thông tin và Truyền thông"]
    # The seed's spans came back with their offsets intact.
    seed = EntityGold.from_dict(json.loads((tmp_path / "annotations" / "entities" / "dak-nong-292-2022.json").read_text()))
    seed_text = load_cached("dak-nong-292-2022.txt").text
    assert [(seed_text[s.start:s.end], s.label) for s in seed.spans()] == [
        ("Sở Kế hoạch và Đầu tư", "AGENCY"), ("Sở Tài chính", "AGENCY")]
