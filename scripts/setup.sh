#!/usr/bin/env bash
# Set up planextract on a fresh Debian/Ubuntu machine: OCR engine + Python env.
# Idempotent; used by the README's first command and by CI.
set -euo pipefail
cd "$(dirname "$0")/.."

# tesseract + Vietnamese model for scans; chromium for the HTML report's browser test.
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx vie \
    || ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq tesseract-ocr tesseract-ocr-vie chromium >/dev/null
fi

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[dev]"
echo "planextract is set up: .venv/bin/planextract --help"
