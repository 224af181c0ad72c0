"""The notebooks: committed without outputs, in sync with their py:percent twins, and they execute."""

from __future__ import annotations

import json
from pathlib import Path

import jupytext
import pytest

from newslab.report import notebook_parameters, run_notebooks, walkthrough_notebooks

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
ALL_IPYNB = sorted(NOTEBOOKS.glob("*.ipynb"))
WALKTHROUGHS = walkthrough_notebooks(NOTEBOOKS)


def test_there_are_notebooks():
    assert (NOTEBOOKS / "report.ipynb") in ALL_IPYNB
    assert WALKTHROUGHS[0].name == "01-corpus-and-tokens.ipynb"


@pytest.mark.parametrize("path", ALL_IPYNB, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert not {"papermill", "widgets"} & set(nb["metadata"]), "an executed report was copied back"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"outputs in {path.name}: strip them (jupytext --to ipynb the .py)"
            assert cell["execution_count"] is None
        assert "papermill" not in cell.get("metadata", {})


@pytest.mark.parametrize("path", ALL_IPYNB, ids=lambda p: p.name)
def test_notebook_is_in_sync_with_its_py_percent_twin(path):
    twin = path.with_suffix(".py")
    assert twin.is_file(), f"{path.name} has no py:percent twin"
    text = twin.read_text(encoding="utf-8")
    assert "format_name: percent" in text
    from_py = jupytext.reads(text, fmt="py:percent")
    from_ipynb = jupytext.read(path)

    def cells(nb):
        return [(c.cell_type, c.source, sorted(c.metadata.get("tags", []))) for c in nb.cells]

    assert cells(from_py) == cells(from_ipynb), f"run: jupytext --to ipynb notebooks/{twin.name}"


@pytest.mark.parametrize("path", ALL_IPYNB, ids=lambda p: p.name)
def test_notebook_has_a_documented_parameters_cell(path):
    params = notebook_parameters(path)
    assert params, "every notebook takes parameters (at least output_dir or articles)"
    assert all(p["help"] for p in params.values()), "each parameter has a help comment"


@pytest.mark.slow
@pytest.mark.parametrize("path", WALKTHROUGHS, ids=lambda p: p.stem)
def test_walkthrough_notebook_executes(path, tmp_path):
    (result,) = run_notebooks([path], output_dir=tmp_path, html=False, progress=False)
    assert result == tmp_path / path.stem / f"{path.stem}.ipynb"
    nb = json.loads(result.read_text(encoding="utf-8"))
    errors = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"] if o["output_type"] == "error"]
    assert errors == []
