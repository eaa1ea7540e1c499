#!/usr/bin/env bash
# Label Studio in its own venv (.venv-labelstudio): it brings Django and pins of its own
# that have no business in planextract's environment. Used by tests/test_label_studio.py
# and by anyone who wants to annotate locally:
#   .venv-labelstudio/bin/label-studio start --port 8080
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv-labelstudio/bin/python ] || "$PYTHON" -m venv .venv-labelstudio
.venv-labelstudio/bin/python -m pip install -q --upgrade pip >/dev/null
.venv-labelstudio/bin/python -m pip install -q "label-studio>=1.20,<2"
echo "Label Studio is set up: .venv-labelstudio/bin/label-studio start"
