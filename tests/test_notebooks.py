"""The notebooks run top to bottom with the set-up's own install ([dev] brings nbclient and
nbconvert), their own assertions hold, and their plots are shown inline."""
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient
    # The kernel draws with Jupyter's inline backend, as in a user's notebook; the notebook
    # itself chooses no backend.
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(path, as_version=4)
    assert not any("matplotlib.use(" in cell.source for cell in notebook.cells)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    images = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs
              if "image/png" in o.get("data", {})]
    plots = any("plt." in cell.source for cell in notebook.cells)
    assert bool(images) == plots, "a plot that is drawn is shown in the notebook"


def test_nbconvert_is_installed_with_dev():
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip()
