"""The newslab command: arguments reach run_report/run_notebooks unchanged; errors exit non-zero."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import newslab.report
from newslab.cli import main
from newslab.errors import ParameterError, ReportError


@pytest.fixture
def calls(monkeypatch, tmp_path):
    seen: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def fake_report(*args: Any, **kwargs: Any) -> Path:
        seen.append(("run_report", args, kwargs))
        return tmp_path / "report" / "report.html"

    def fake_notebooks(*args: Any, **kwargs: Any) -> list[Path]:
        seen.append(("run_notebooks", args, kwargs))
        return [tmp_path / "01" / "01.html", tmp_path / "02" / "02.html"]

    monkeypatch.setattr(newslab.report, "run_report", fake_report)
    monkeypatch.setattr(newslab.report, "run_notebooks", fake_notebooks)
    return seen


@pytest.mark.parametrize(
    "argv,parameters,options",
    [
        (["report"], {}, {"output_dir": "reports", "html": True, "notebook": None, "name": None, "progress": True}),
        (["report", "a.txt", "dir"], {"articles": ["a.txt", "dir"]}, {}),
        (["report", "--target", "EU"], {"targets": {"EU": []}}, {}),
        (
            ["report", "-t", "EU", "-a", "European Union", "--alias", "Brussels", "-t", "NATO", "-a", "the alliance"],
            {"targets": {"EU": ["European Union", "Brussels"], "NATO": ["the alliance"]}},
            {},
        ),
        (["report", "--title", "My report"], {"title": "My report"}, {}),
        (["report", "--title", ""], {"title": ""}, {}),
        (["report", "--no-html", "-o", "out", "-q"], {}, {"html": False, "output_dir": "out", "progress": False}),
        (["report", "--notebook", "nb.ipynb", "--name", "x"], {}, {"notebook": "nb.ipynb", "name": "x"}),
    ],
)
def test_report_arguments_reach_run_report(argv, parameters, options, calls, capsys):
    assert main(argv) == 0
    ((name, args, kwargs),) = calls
    assert name == "run_report"
    assert args == (parameters,)
    assert {k: kwargs[k] for k in options} == options
    assert capsys.readouterr().out.strip().endswith("report.html")


@pytest.mark.parametrize(
    "argv,message",
    [
        (["report", "--alias", "x"], "must follow a --target"),
        (["report", "-t", "EU", "-t", "EU"], "given twice"),
        (["report", "--titel", "x"], "unrecognized arguments"),
        (["report", "--target"], "expected one argument"),
        (["run-notebooks", "--data"], "expected one argument"),
        (["no-such-command"], "invalid choice"),
    ],
)
def test_argument_errors_exit_2_with_a_message(argv, message, calls, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert message in capsys.readouterr().err
    assert calls == []


@pytest.mark.parametrize(
    "error",
    [ReportError("report.ipynb: cell 3 raised KeyError"), ParameterError("unknown parameter 'x'")],
)
def test_report_failures_exit_1_with_the_message(error, monkeypatch, capsys):
    def failing(*args: Any, **kwargs: Any) -> Path:
        raise error

    monkeypatch.setattr(newslab.report, "run_report", failing)
    assert main(["report"]) == 1
    assert capsys.readouterr().err == f"newslab: error: {error}\n"


def test_missing_article_exits_1_before_running(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out")]) == 1
    assert "missing.txt not found" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.parametrize(
    "argv,notebooks,options",
    [
        (["run-notebooks"], "notebooks", {"output_dir": "reports/notebooks", "shared": {}, "html": True}),
        (["run-notebooks", "nbs", "--no-html", "-q"], "nbs", {"html": False, "progress": False}),
        (["run-notebooks", "a.ipynb", "b.ipynb"], ["a.ipynb", "b.ipynb"], {}),
        (["run-notebooks", "--data-path", "../shared/data"], "notebooks", {"shared": {"data_path": "../shared/data"}}),
    ],
)
def test_run_notebooks_arguments(argv, notebooks, options, calls, capsys):
    assert main(argv) == 0
    ((name, args, kwargs),) = calls
    assert name == "run_notebooks"
    assert args == (notebooks,)
    assert {k: kwargs[k] for k in options} == options
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "report" in capsys.readouterr().out


def test_summary_still_works(tmp_path, capsys):
    assert main(["summary", "--output-dir", str(tmp_path)]) == 0
    assert "es-daily" in capsys.readouterr().out
    assert (tmp_path / "sentences.csv").is_file()


def test_targets_file_reaches_the_report_as_plain_fields(tmp_path, calls, capsys):
    path = tmp_path / "targets.tsv"
    path.write_text("target\tkind\tterm\nEU\tname\tEU\nEU\thead\tbloc\nEU\ttype\torganization\n", encoding="utf-8")
    assert main(["report", "--targets-file", str(path), "-t", "Rutte", "-a", "Mark Rutte"]) == 0
    ((_, args, _),) = calls
    assert args[0]["targets"] == {
        "EU": {"aliases": ["EU"], "heads": ["bloc"], "kind": "organization"},
        "Rutte": ["Mark Rutte"],
    }
    capsys.readouterr()
    assert main(["report", "--targets-file", str(path), "-t", "EU"]) == 1
    assert "also defined" in capsys.readouterr().err
    assert main(["report", "--targets-file", str(tmp_path / "missing.tsv")]) == 1
    assert "not found" in capsys.readouterr().err
