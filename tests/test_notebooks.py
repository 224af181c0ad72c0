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
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
# small parameters where a notebook can take long; the data path only where the data is present
PARAMETERS = {"06-validation": {"limit": 60, **({"data_path": str(SHARED_DATA)} if SHARED_DATA.is_dir() else {})}}


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
    params = {path.stem: PARAMETERS[path.stem]} if path.stem in PARAMETERS else None
    (result,) = run_notebooks([path], parameters=params, output_dir=tmp_path, html=False, progress=False)
    assert result == tmp_path / path.stem / f"{path.stem}.ipynb"
    assert _errors(result) == []


def _errors(executed: Path) -> list[dict]:
    nb = json.loads(executed.read_text(encoding="utf-8"))
    return [o for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"] if o["output_type"] == "error"]


@pytest.mark.slow
def test_validation_notebook_without_data_says_so_and_stops_gracefully(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLAB_DATA", str(tmp_path / "no-data"))  # else it finds ../shared/data by itself
    (result,) = run_notebooks([NOTEBOOKS / "06-validation.ipynb"], output_dir=tmp_path, html=False, progress=False)
    assert _errors(result) == []
    assert "No human-labeled data" in result.read_text(encoding="utf-8")
    assert not (result.parent / "newsmtsc_agreement.csv").exists()
