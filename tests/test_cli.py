"""The newslab command: arguments reach run_report/run_notebooks unchanged; errors exit non-zero."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import newslab.report
from newslab.cli import BROKEN_PIPE_STATUS, build_parser, main, printable, suggest
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
        (
            ["report", "--codes", "c/s.json", "c/a.csv", "--title", "T"],
            {"codes": ["c/s.json", "c/a.csv"], "title": "T"},
            {},
        ),
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
        (["report", "--titel", "x"], "unrecognized arguments: --titel (did you mean --title?)"),
        (["report", "--taget", "EU"], "report: error: unrecognized arguments: --taget (did you mean --target?)"),
        (["report", "--output-dri=out"], "(did you mean --output-dir?)"),
        (["summary", "--outptu-dir", "x"], "summary: error: unrecognized arguments: --outptu-dir (did you mean"),
        (["run-notebooks", "--data-pth", "x"], "(did you mean --data-path?)"),
        (["reprot"], "invalid choice: 'reprot' (did you mean 'report'?"),
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


def test_report_usage_is_the_subcommands_with_a_suggestion(capsys):
    with pytest.raises(SystemExit):
        main(["report", "--taget", "EU"])
    err = capsys.readouterr().err
    assert err.startswith("usage: newslab report"), "the usage of the command that was mistyped"


@pytest.mark.parametrize(
    "option,expected",
    [("--taget", " (did you mean --target?)"), ("--alais", " (did you mean --alias?)"), ("--zzzzzz", "")],
)
def test_suggest_the_nearest_option(option, expected):
    report = build_parser()._subparsers._group_actions[0].choices["report"]  # type: ignore[union-attr]
    assert suggest(option, report) == expected


def test_summary_lists_skipped_files_of_a_folder(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("A title\n\nNATO met Trump.", encoding="utf-8")
    (tmp_path / "in" / "paper.pdf").write_bytes(b"%PDF")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    assert main(["summary", str(tmp_path / "in")]) == 0
    out = capsys.readouterr().out
    assert "paper.pdf: not a file type newslab reads (.pdf)" in out
    assert "skipped" in out and "empty.txt" in out


@pytest.fixture
def no_kernel(monkeypatch):
    def fake_execute(source, staging, stem, values, *, progress, timeout, failed):
        executed = staging / f"{stem}.ipynb"
        shutil.copyfile(source, executed)
        return executed

    monkeypatch.setattr(newslab.report, "_execute", fake_execute)


def test_report_lists_skipped_inputs_on_stderr(tmp_path, capsys, no_kernel):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("A title\n\nNATO met Trump.", encoding="utf-8")
    (tmp_path / "in" / "paper.pdf").write_bytes(b"%PDF")
    (tmp_path / "in" / "notes.docx").write_bytes(b"PK")
    assert main(["report", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q", "--no-html"]) == 0
    err = capsys.readouterr().err
    assert "newslab: warning: skipped " in err
    assert "paper.pdf: not a file type newslab reads (.pdf)" in err and "notes.docx" in err


def test_report_on_nothing_loadable_fails_before_the_kernel_and_leaves_nothing(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "paper.pdf").write_bytes(b"%PDF")
    (tmp_path / "in" / "notes.docx").write_bytes(b"PK")
    assert main(["report", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 1
    assert "newslab: error: " in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("where", ["file", "under-file"])
def test_output_dir_problems_are_one_line_errors(where, tmp_path, capsys):
    (tmp_path / "f").write_text("x")
    out = tmp_path / "f" if where == "file" else tmp_path / "f" / "sub"
    assert main(["report", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newslab: error: output_dir=") and "Traceback" not in err
    assert main(["summary", "-o", str(out)]) == 1
    assert "newslab: error: cannot write to --output-dir" in capsys.readouterr().err


def test_summary_csv_has_no_live_formulas(tmp_path, capsys):
    (tmp_path / "a.jsonl").write_text('{"id": "=1+2", "text": "@SUM(A1) said NATO."}\n', encoding="utf-8")
    assert main(["summary", str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "out")]) == 0
    text = (tmp_path / "out" / "sentences.csv").read_text(encoding="utf-8")
    assert "'=1+2" in text and "'@SUM(A1)" in text


def test_printable_drops_terminal_control_characters():
    assert printable("a\x1b[2Jb\x07c\nd\te") == "a[2Jbc\nd\te"


def big_corpus(folder: Path) -> Path:
    folder.mkdir()
    sentence = "NATO chief Mark Rutte met Donald Trump in Florida on Friday. "
    (folder / "big.txt").write_text("A long article\n\n" + sentence * 3000, encoding="utf-8")  # > a pipe buffer
    return folder


@pytest.mark.skipif(shutil.which("head") is None or shutil.which("bash") is None, reason="needs bash and head")
def test_summary_into_a_closed_pipe_exits_quietly(tmp_path):
    corpus = big_corpus(tmp_path / "in")
    command = f"set -o pipefail; {sys.executable} -m newslab summary {corpus} | head -n 2"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120, env=env, check=False)
    assert done.stdout.splitlines()[0] == "# Corpus summary"
    assert done.stderr == "", "no BrokenPipeError traceback"
    assert done.returncode == BROKEN_PIPE_STATUS


def test_main_leaves_the_callers_logging_as_it_was(capsys):
    import logging

    log, root = logging.getLogger("newslab"), logging.getLogger()
    before = (log.level, log.propagate, list(log.handlers), root.level, list(root.handlers))
    assert main(["-v", "summary"]) == 0
    assert (log.level, log.propagate, list(log.handlers), root.level, list(root.handlers)) == before
    capsys.readouterr()


# --------------------------------------------------------------------------- issue 24: messages that say what is wrong


def test_report_refuses_bad_values_before_running(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import newslab as nl
    from newslab import cli

    calls = []
    monkeypatch.setattr("newslab.report.run_report", lambda *a, **k: calls.append(a))
    folder = nl.analyze(nl.load_seed_corpus(), tables=["mentions"]).save(tmp_path / "run")
    (tmp_path / "targets").mkdir()
    cases = [
        (["report", "--from-analysis", str(folder), "--group-by", "nonexistent"], "is not a field"),
        (["report", "--max-views", "-1"], "--max-views -1; valid: a whole number >= 0"),
        (["report", "--targets-file", str(tmp_path / "targets")], "is a folder; give the file"),
    ]
    for argv, message in cases:
        assert cli.main(argv) == 1
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert calls == []


def test_a_keyboard_interrupt_is_one_line_and_status_130(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from newslab import cli

    def interrupted(args):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_cmd_analyze", interrupted)
    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    parser._subparsers._group_actions[0].choices["analyze"].set_defaults(func=interrupted)  # type: ignore[union-attr]
    assert cli.main(["analyze", "x", "-o", "y"]) == 130
    assert capsys.readouterr().err.strip().splitlines() == [
        "newslab: stopped by SIGINT; outputs are swapped in only when complete, so none changed"
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-t", "NATO", "-t", "nato"], "--target 'nato' is given twice (as 'NATO'"),
        (["-t", "Foo", "-t", "foo"], "--target 'foo' is given twice (as 'Foo'"),
        (["-t", "Foo", "-a", "."], "--alias '.' has no letter or digit"),
    ],
)
def test_target_options_that_cannot_be_meant(argv, message, capsys) -> None:  # type: ignore[no-untyped-def]
    from newslab.cli import main

    with pytest.raises(SystemExit):
        main(["analyze", "x", "-o", "y", *argv])
    assert message in capsys.readouterr().err


def test_a_common_word_as_alias_warns(capsys) -> None:  # type: ignore[no-untyped-def]
    from newslab.cli import build_parser

    args = build_parser().parse_args(["analyze", "x", "-o", "y", "-t", "Foo", "-a", "the"])
    assert args.targets == {"Foo": ["the"]}
    assert "--alias 'the' is a common word" in capsys.readouterr().err


def test_a_targets_row_without_a_term_is_refused_naming_the_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import newslab as nl
    from newslab.errors import LexiconError

    path = tmp_path / "t.tsv"
    path.write_text("target\tkind\tterm\nFoo\tname\tFoo\nFoo\tdescription\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"t\.tsv, line 3: target 'Foo', kind 'description' has no term"):
        nl.load_targets(path)
