"""Packaging: the wheel carries the data files, environment.yml matches pyproject, import stays light."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _conda_name(name: str) -> str:
    return {"build": "python-build", "vadersentiment": "vadersentiment"}.get(name, name)


def test_environment_yml_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = {_name(d): d for d in env["dependencies"] if isinstance(d, str)}
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e .[dev]" in pip_section
    extras = project["optional-dependencies"]
    wanted = [*project["dependencies"], *extras["lab"], *extras["dask"]]
    wanted += [d for d in extras["dev"] if not d.startswith("newslab")]
    wanted = [d for d in wanted if "python_version <" not in d]  # backports: conda's python=3.11 has them
    for requirement in wanted:
        name = _conda_name(_name(requirement))
        assert name in conda, f"{name} is in pyproject.toml but not in environment.yml"
        bound = re.search(r">=\s*([\d.]+)", requirement)
        if bound:
            assert f">={bound.group(1)}" in conda[name], f"{name}: lower bound differs from pyproject ({requirement})"
    py_names = {_conda_name(_name(r)) for r in wanted}
    extra = set(conda) - py_names - {"python", "pip"}
    assert not extra, f"environment.yml names packages pyproject.toml does not: {sorted(extra)}"


def test_required_runtime_dependencies_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {_name(d) for d in project["dependencies"]}
    assert {
        "nltk",
        "textblob",
        "vadersentiment",
        "pandas",
        "matplotlib",
        "papermill",
        "ipykernel",
        "nbconvert",
    } <= names
    assert project["scripts"]["newslab"] == "newslab.cli:main"
    assert project["requires-python"] == ">=3.10"


@pytest.mark.slow
def test_wheel_contains_data_files(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("newslab-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    packaged = {
        p.relative_to(ROOT).as_posix()
        for folder in ("data", "notebooks")
        for p in (ROOT / "newslab" / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts
    }
    assert packaged, "no data files found in the source tree"
    missing = packaged - names
    assert not missing, f"data files left out of the wheel: {sorted(missing)}"
    assert "newslab/py.typed" in names
    for required in (
        "newslab/data/stopwords_en.txt",
        "newslab/data/seeds/seeds.json",
        "newslab/data/abbreviations_en.tsv",
    ):
        assert required in names


def test_import_is_light_and_fast() -> None:
    code = (
        "import sys, time; t = time.perf_counter(); import newslab; dt = time.perf_counter() - t; "
        "import json; print(json.dumps({'seconds': dt, 'modules': sorted(sys.modules)}))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    heavy = {"matplotlib", "papermill", "pandas", "nbconvert", "textblob", "nltk"} & set(result["modules"])
    assert not heavy, f"import newslab loaded {heavy}"
    assert result["seconds"] < 0.5


def test_public_names_resolve() -> None:
    import newslab

    for name in newslab.__all__:
        assert getattr(newslab, name) is not None, name
    with pytest.raises(AttributeError):
        newslab.no_such_name  # noqa: B018
