"""The report runner: parameter checks, atomic outputs, the private kernel, HTML, a browser check."""

from __future__ import annotations

import base64
import csv
import html as html_module
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

import newslab.lean_imports
import newslab.report
import newslab.report_folders
import newslab.report_inputs
from newslab.errors import MissingInputError, NewslabError, ParameterError, ReportError
from newslab.kernel import write_kernelspec
from newslab.report import (
    DATA_ENV,
    KERNEL_MARKER,
    KERNEL_NAME,
    MANIFEST,
    _sigterm_as_exit,
    check_parameters,
    find_data_folder,
    is_newslab_report,
    load_articles,
    notebook_parameters,
    remove_leftovers,
    report_notebook,
    run_notebooks,
    run_report,
    skipped_inputs,
    walkthrough_notebooks,
    write_html,
)
from newslab.report_folders import replace_dir, write_marker
from newslab.report_parameters import absolute_paths

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# a 1x1 PNG, so write_html has an image to embed without running a kernel
PIXEL = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a3f1d5c70000000049454e44ae426082"
    )
).decode()


def tiny_notebook(path: Path, *cells: str, parameters: str = "x: int = 1  # a number") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]})]
    nb.cells += [nbformat.v4.new_code_cell(src) for src in cells]
    nbformat.write(nb, path)
    return path


# --- fast: parameters, paths, kernelspec, HTML rendering ----------------------------------------


def test_report_notebook_is_packaged_and_identical_to_the_reviewed_copy():
    packaged = report_notebook()
    assert packaged.is_file()
    assert packaged.read_bytes() == (ROOT / "notebooks" / "report.ipynb").read_bytes(), (
        "newslab/notebooks/report.ipynb differs from notebooks/report.ipynb: "
        "cp notebooks/report.ipynb newslab/notebooks/report.ipynb"
    )


def test_report_parameters_are_the_documented_ones():
    params = notebook_parameters(report_notebook())
    assert sorted(params) == [
        "analysis_dir", "articles", "codes", "group_by", "max_views", "output_dir", "pair_by", "period", "targets",
        "title",
    ]  # fmt: skip
    assert all(p["help"] for p in params.values())


@pytest.mark.parametrize(
    "parameters,message",
    [
        ({"titel": "x"}, "unknown parameter 'titel'"),
        ({"article": []}, "unknown parameter 'article'"),
        ({"output_dir": "x"}, "pass output_dir=..."),
    ],
)
def test_unknown_parameters_are_rejected_with_the_valid_names(parameters, message, tmp_path):
    with pytest.raises(ParameterError, match=re.escape(message)) as info:
        run_report(parameters, output_dir=tmp_path)
    assert "'title'" in str(info.value)
    assert list(tmp_path.iterdir()) == [], "nothing is written before the parameters are checked"


@pytest.mark.parametrize(
    "parameters,message",
    [
        ({"targets": ["EU"]}, "'targets' of report.ipynb is dict[str, object], got list"),
        ({"articles": "a.txt"}, "'articles' of report.ipynb is list[str], got str"),
        ({"title": 3}, "'title' of report.ipynb is str, got int"),
    ],
)
def test_parameters_of_the_wrong_type_are_rejected(parameters, message, tmp_path):
    with pytest.raises(ParameterError, match=re.escape(message)):
        run_report(parameters, output_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_parameter_types_follow_the_notebook(tmp_path):
    nb = tiny_notebook(
        tmp_path / "01-a.ipynb", "x", parameters="n: int = 1  # n\nf: float = 0.5  # f\nok: bool = True  # b"
    )
    with pytest.raises(ParameterError, match=re.escape("'n' of 01-a.ipynb is int, got bool")):
        run_notebooks([nb], parameters={"01-a": {"n": True}}, output_dir=tmp_path / "out")
    with pytest.raises(ParameterError, match=re.escape("'ok' of 01-a.ipynb is bool, got int")):
        run_notebooks([nb], shared={"ok": 1}, output_dir=tmp_path / "out")
    check_parameters({"f": 1, "n": 2, "ok": False}, nb)  # names only; an int is a fine float


@pytest.mark.parametrize(
    "notebook,message",
    [("missing.ipynb", "does not exist"), ("report.py", "expected an .ipynb file")],
)
def test_a_bad_notebook_argument_is_a_parameter_error(notebook, message, tmp_path):
    with pytest.raises(ParameterError, match=message):
        run_report(notebook=tmp_path / notebook, output_dir=tmp_path)


@pytest.mark.parametrize("name", ["../up", "a/b", ".hidden", "", "..", "a..b", "a\\b", "x\ny"])
def test_report_name_must_be_a_plain_file_name(name, tmp_path):
    nb = tiny_notebook(tmp_path / "nb.ipynb", "x")
    with pytest.raises(ParameterError, match="name="):
        run_report(notebook=nb, name=name, output_dir=tmp_path / "out")


def test_check_parameters_accepts_declared_names(tmp_path):
    nb = tiny_notebook(tmp_path / "nb.ipynb", "x", parameters="x: int = 1  # a\ny: str = 'b'  # b")
    check_parameters({"x": 2, "y": "c"}, nb)
    with pytest.raises(ParameterError, match=r"valid: \['x', 'y'\]"):
        check_parameters({"z": 1}, nb)


def test_path_parameters_are_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    got = absolute_paths({"articles": ["a.txt", "dir"], "data_path": "data", "title": "t.txt", "targets": {}})
    assert got["articles"] == [str(tmp_path / "a.txt"), str(tmp_path / "dir")]
    assert got["data_path"] == str(tmp_path / "data")
    assert got["title"] == "t.txt"


def test_private_kernelspec_runs_this_interpreter(tmp_path):
    spec = json.loads((write_kernelspec(tmp_path) / "kernel.json").read_text())
    assert spec["argv"][0] == sys.executable
    assert spec["argv"][1:3] == ["-m", "ipykernel_launcher"]
    assert spec["language"] == "python"
    assert str(ROOT) in spec["env"]["PYTHONPATH"].split(":")
    assert spec["env"]["NEWSLAB_PROGRESS"] == "0"  # automatic progress bars stay out of reports
    assert "--HistoryManager.enabled=False" in spec["argv"], "parameters (paths, titles) stay out of IPython history"
    assert spec["env"]["IPYTHONDIR"] == str(tmp_path / "ipython"), "no reads or writes in ~/.ipython"
    assert (tmp_path / KERNEL_NAME).is_dir()


def newslab_folder(path: Path, *files: str) -> Path:
    """A folder marked as newslab's (as run_report marks its own), holding ``files``."""
    path.mkdir(parents=True)
    write_marker(path, MANIFEST)
    for name in files:
        (path / name).write_text(name)
    return path


def test_replace_dir_swaps_a_complete_folder_in(tmp_path):
    old = newslab_folder(tmp_path / "report", "stale.html")
    new = newslab_folder(tmp_path / ".partial", "report.html")
    replace_dir(new, old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
    assert sorted(p.name for p in old.iterdir()) == [MANIFEST, "report.html"]


def test_replace_dir_refuses_to_replace_a_file(tmp_path):
    (tmp_path / "report").write_text("not a folder")
    newslab_folder(tmp_path / "new")
    with pytest.raises(ReportError, match="is a file"):
        replace_dir(tmp_path / "new", tmp_path / "report")
    assert (tmp_path / "report").read_text() == "not a folder"


@pytest.mark.parametrize("manifest", [None, "", "not json", "[]", '{"newslab": ""}'])
def test_replace_dir_refuses_a_folder_newslab_did_not_make(manifest, tmp_path):
    mine = tmp_path / "report"
    mine.mkdir()
    (mine / "thesis.txt").write_text("two years of work")
    if manifest is not None:
        (mine / MANIFEST).write_text(manifest)
    newslab_folder(tmp_path / "new", "report.html")
    with pytest.raises(ReportError, match=r"not make .*newslab will not replace it\. Move it away"):
        replace_dir(tmp_path / "new", mine)
    assert (mine / "thesis.txt").read_text() == "two years of work"


def test_replace_dir_refuses_a_symlink(tmp_path):
    real = newslab_folder(tmp_path / "elsewhere", "keep.txt")
    (tmp_path / "report").symlink_to(real)
    newslab_folder(tmp_path / "new")
    with pytest.raises(ReportError, match="will not replace it"):
        replace_dir(tmp_path / "new", tmp_path / "report")
    assert (real / "keep.txt").is_file()


def test_html_has_no_code_no_cdn_scripts_and_embedded_images(tmp_path):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("secret_code_marker = 1")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"image/png": PIXEL, "text/plain": "<Figure>"})]
    nb.cells = [nbformat.v4.new_markdown_cell("# Findings\n\nSome text."), cell]
    nbformat.write(nb, tmp_path / "nb.ipynb")
    html = write_html(tmp_path / "nb.ipynb", tmp_path / "nb.html", title="My title").read_text()
    assert "<title>My title</title>" in html
    assert "Findings" in html
    assert "secret_code_marker" not in html
    assert "data:image/png;base64," in html
    assert not re.search(r"<script[^>]+src=", html), "the page must not fetch scripts (it is read offline)"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_walkthrough_notebooks_are_found_in_order():
    found = walkthrough_notebooks(ROOT / "notebooks")
    assert found[0].name == "01-corpus-and-tokens.ipynb"
    assert [p.name for p in found] == sorted(p.name for p in found)
    assert all(re.match(r"\d\d-", p.name) for p in found)


@pytest.mark.parametrize("folder,message", [("nope", "does not exist"), (".", "no numbered notebooks")])
def test_walkthrough_folder_errors(folder, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParameterError, match=message):
        walkthrough_notebooks(folder)


def test_run_notebooks_rejects_parameters_for_notebooks_not_run(tmp_path):
    nb = tiny_notebook(tmp_path / "01-a.ipynb", "x")
    with pytest.raises(ParameterError, match="not run"):
        run_notebooks([nb], parameters={"02-b": {"x": 1}}, output_dir=tmp_path / "out")
    with pytest.raises(ParameterError, match="unknown parameter 'y'"):
        run_notebooks([nb], parameters={"01-a": {"y": 1}}, output_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()


# --- fast: output folder safety, inputs, leftovers (the kernel is replaced by a copy) ------------


@pytest.fixture
def no_kernel(monkeypatch):
    """run_report without a kernel: the "executed" notebook is a copy of the source."""
    runs: list[dict] = []

    def fake_execute(source, staging, stem, values, *, progress, timeout, failed):
        runs.append(dict(values))
        executed = staging / f"{stem}.ipynb"
        shutil.copyfile(source, executed)
        return executed

    monkeypatch.setattr(newslab.report, "_execute", fake_execute)
    return runs


def test_a_users_folder_where_the_report_goes_survives(tmp_path, no_kernel):
    nb = tiny_notebook(tmp_path / "report.ipynb", "x")
    out = tmp_path / "out"
    mine = out / "report"
    mine.mkdir(parents=True)
    (mine / "thesis.txt").write_text("two years of work")
    with pytest.raises(ReportError, match=re.escape(f"{mine} exists and is a folder newslab did not make")) as info:
        run_report(notebook=nb, output_dir=out, progress=False)
    assert "Move it away, or choose another --output-dir or --name" in str(info.value)
    assert (mine / "thesis.txt").read_text() == "two years of work"
    assert sorted(p.name for p in out.iterdir()) == ["report"], "nothing written beside it"
    assert no_kernel == [], "refused before the kernel starts"


def test_a_users_folder_named_like_the_failure_folder_survives(tmp_path, no_kernel):
    nb = tiny_notebook(tmp_path / "report.ipynb", "x")
    (tmp_path / "out" / "report.failed").mkdir(parents=True)
    (tmp_path / "out" / "report.failed" / "notes.md").write_text("mine")
    with pytest.raises(ReportError, match=r"report\.failed exists"):
        run_report(notebook=nb, output_dir=tmp_path / "out", progress=False)
    assert (tmp_path / "out" / "report.failed" / "notes.md").read_text() == "mine"


def test_a_newslab_report_is_marked_and_replaced_by_the_next_run(tmp_path, no_kernel):
    nb = tiny_notebook(tmp_path / "report.ipynb", "x")
    out = tmp_path / "out"
    first = run_report(notebook=nb, output_dir=out, progress=False)
    assert is_newslab_report(first.parent)
    (first.parent / "stale.txt").write_text("from the first run")
    second = run_report(notebook=nb, output_dir=out, progress=False)
    assert second == first
    assert sorted(p.name for p in first.parent.iterdir()) == [MANIFEST, "report.html", "report.ipynb"]
    assert sorted(p.name for p in out.iterdir()) == ["report"], "no staging or old folder left"
    assert len(no_kernel) == 2


def legacy_report(folder: Path, *, papermill: bool = True) -> Path:
    """A report folder as newslab 0.1.0 wrote it (no manifest)."""
    (folder / "tables").mkdir(parents=True)
    nb = nbformat.v4.new_notebook()
    if papermill:
        nb.metadata["papermill"] = {"version": "2.7.0"}
    nbformat.write(nb, folder / f"{folder.name}.ipynb")
    (folder / f"{folder.name}.html").write_text("<html></html>")
    (folder / "tables" / "comparison.csv").write_text("a,b\n")
    return folder


@pytest.mark.parametrize(
    "extra,replaced",
    [
        (None, True),
        ("thesis.txt", False),
        ("tables/thesis.docx", False),
        ("figures/", False),
        ("no-papermill", False),
    ],
)
def test_a_report_of_newslab_0_1_without_manifest_is_replaced_only_when_it_holds_nothing_else(
    extra, replaced, tmp_path, no_kernel
):
    nb = tiny_notebook(tmp_path / "report.ipynb", "x")
    old = legacy_report(tmp_path / "out" / "report", papermill=extra != "no-papermill")
    if extra and extra.endswith("/"):
        (old / extra).mkdir()
    elif extra and extra != "no-papermill":
        (old / extra).write_text("mine")
    if replaced:
        run_report(notebook=nb, output_dir=tmp_path / "out", progress=False)
        assert is_newslab_report(old) and not (old / "tables").exists()
    else:
        with pytest.raises(ReportError, match="newslab will not replace it"):
            run_report(notebook=nb, output_dir=tmp_path / "out", progress=False)
        assert (old / "tables" / "comparison.csv").is_file() and no_kernel == []


@pytest.mark.parametrize("sub", ["", "notebooks", "data/x"])
def test_output_folders_inside_the_package_are_refused(sub, tmp_path, no_kernel):
    package = Path(str(report_notebook().parent.parent))
    before = report_notebook().read_bytes()
    with pytest.raises(ParameterError, match="inside the installed newslab package"):
        run_report(output_dir=package / sub, name="notebooks", progress=False)
    assert report_notebook().read_bytes() == before
    assert not (package / "data" / "x").exists()
    assert no_kernel == []


def test_the_package_itself_is_never_the_report_folder(no_kernel):
    package = Path(str(report_notebook().parent.parent))
    with pytest.raises(ReportError, match=r"exists and is a folder newslab did not make"):
        run_report(output_dir=package.parent, name=package.name, progress=False)
    assert report_notebook().is_file() and no_kernel == []


def test_output_dir_that_is_a_file_or_under_a_file_is_a_clear_error(tmp_path, no_kernel):
    nb = tiny_notebook(tmp_path / "nb.ipynb", "x")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(ParameterError, match=r"file\.txt' is a file; choose a folder"):
        run_report(notebook=nb, output_dir=tmp_path / "file.txt")
    with pytest.raises(ParameterError, match=r"is under .*file\.txt, which is a file"):
        run_report(notebook=nb, output_dir=tmp_path / "file.txt" / "sub")
    assert (tmp_path / "file.txt").read_text() == "x"


def test_an_unwritable_output_dir_is_a_clear_error(tmp_path, monkeypatch, no_kernel):
    nb = tiny_notebook(tmp_path / "nb.ipynb", "x")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    with pytest.raises(ParameterError, match=r"cannot write in output_dir .*Permission denied; choose a writable"):
        run_report(notebook=nb, output_dir=tmp_path / "out")
    monkeypatch.setattr(Path, "mkdir", denied)
    with pytest.raises(ParameterError, match=r"cannot create output_dir=.*Permission denied"):
        run_report(notebook=nb, output_dir=tmp_path / "new")
    assert no_kernel == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_dir_is_a_clear_error(tmp_path, no_kernel):
    nb = tiny_notebook(tmp_path / "nb.ipynb", "x")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(ParameterError, match="choose a writable folder"):
            run_report(notebook=nb, output_dir=locked)
    finally:
        locked.chmod(0o755)


def test_parameters_reach_papermill_as_plain_data(tmp_path, no_kernel):
    """papermill writes a non-JSON value as an unescaped str() in quotes: a Path with a quote was code."""
    nb = tiny_notebook(tmp_path / "nb.ipynb", "x", parameters="title: str = 't'  # t\nitems: list = []  # i")
    hostile = Path('x"); import os; os.system("echo pwned") #')
    run_report({"title": hostile, "items": ("a", Path("b"), {"k": (1, 2.5)})}, notebook=nb, output_dir=tmp_path / "o")
    assert no_kernel == [{"title": str(hostile), "items": ["a", "b", {"k": [1, 2.5]}]}]
    for bad, message in [([{"a"}], "holds a set"), ([float("nan")], "finite number")]:
        with pytest.raises(ParameterError, match=message):
            run_report({"items": bad}, notebook=nb, output_dir=tmp_path / "o")


def write_mixed_folder(folder: Path) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Rutte meets Trump\n\nNATO chief Mark Rutte met Donald Trump.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "paper.pdf").write_bytes(b"%PDF-1.4")
    (folder / "sub" / "notes.docx").write_bytes(b"PK")
    (folder / ".hidden.pdf").write_bytes(b"x")
    return folder


def test_skipped_inputs_lists_failed_files_and_other_file_types(tmp_path):
    folder = write_mixed_folder(tmp_path / "in")
    corpus, skipped = load_articles([str(folder)])
    assert corpus.ids == ["a"]
    names = [Path(path).name for path, _ in skipped]
    assert names == ["empty.txt", "paper.pdf", "notes.docx"], "failed loads first, hidden files never"
    assert "not a file type newslab reads (.pdf)" in skipped[1][1]
    assert skipped_inputs([str(folder / "a.txt")], corpus) == [(p, r) for p, r in corpus.skipped]


@pytest.mark.parametrize(
    "files",
    [{"a.pdf": b"%PDF", "b.docx": b"PK"}, {"empty.txt": b"", "blank.md": b"  \n"}],
)
def test_nothing_loadable_fails_before_the_kernel_and_leaves_nothing(files, tmp_path, no_kernel):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with pytest.raises(NewslabError) as info:
        run_report({"articles": [str(folder)]}, output_dir=tmp_path / "out")
    assert str(folder) in str(info.value)
    assert not (tmp_path / "out").exists()
    assert no_kernel == []


def test_skipped_inputs_are_logged_before_the_run(tmp_path, no_kernel, caplog):
    folder = write_mixed_folder(tmp_path / "in")
    with caplog.at_level(logging.WARNING, logger="newslab.report"):
        run_report({"articles": [str(folder)]}, output_dir=tmp_path / "out", html=False, progress=False)
    logged = [r.getMessage() for r in caplog.records]
    assert [m for m in logged if "paper.pdf" in m] and [m for m in logged if "notes.docx" in m]


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_remove_leftovers_removes_only_old_newslab_folders_of_dead_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    out = tmp_path / "out"
    old = time.time() - newslab.report.STALE_SECONDS - 60
    dead = dead_pid()

    def folder(path: Path, marker: str | None, pid: int, age: float) -> Path:
        path.mkdir(parents=True)
        if marker:
            write_marker(path, marker, pid=pid)
        os.utime(path, (age, age))
        return path

    gone = [
        folder(out / ".report.partial-abc", MANIFEST, dead, old),
        folder(out / ".report.old-def", MANIFEST, dead, old),
        folder(tmp_path / "tmp" / "nlk-abc", KERNEL_MARKER, dead, old),
    ]
    kept = [
        folder(out / ".report.partial-young", MANIFEST, dead, time.time()),
        folder(out / ".report.partial-running", MANIFEST, os.getpid(), old),
        folder(out / ".report.partial-foreign", None, dead, old),
        folder(tmp_path / "tmp" / "nlk-foreign", None, dead, old),
        folder(out / "report", MANIFEST, dead, old),  # a finished report is never a leftover
    ]
    assert sorted(remove_leftovers(out)) == sorted(gone)
    assert all(p.exists() for p in kept) and not any(p.exists() for p in gone)


def run_python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (imports start from nothing) and return its stdout."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    return done.stdout.strip()


def test_jupyter_imports_skip_only_the_unused_iri_checker_and_only_inside_the_block():
    code = (
        "import sys\n"
        "from newslab.lean_imports import jupyter_imports\n"
        "with jupyter_imports():\n"
        "    import papermill, nbconvert\n"
        "print('jsonschema' in sys.modules, 'rfc3987_syntax' in sys.modules)\n"
        "import importlib.util\n"
        "if importlib.util.find_spec('rfc3987_syntax'):\n"
        "    import rfc3987_syntax\n"  # afterwards an explicit import works
        "print('ok')"
    )
    assert run_python(code).splitlines() == ["True False", "ok"]


def test_hidden_modules_leave_sys_modules_as_they_were():
    before = set(sys.modules)
    with pytest.raises(ImportError), newslab.lean_imports.hidden_modules(["tabnanny", "sys"]):
        import tabnanny  # noqa: F401
    assert sys.modules["sys"] is sys, "a module imported already is not hidden"
    assert set(sys.modules) == before


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_becomes_system_exit_inside_a_run_and_is_restored_after(signum):
    assert signal.getsignal(signum) == signal.SIG_DFL
    with pytest.raises(SystemExit) as info, _sigterm_as_exit():
        os.kill(os.getpid(), signum)
        time.sleep(5)  # the handler interrupts this
    assert info.value.code == 128 + signum
    assert signal.getsignal(signum) == signal.SIG_DFL


def test_html_leaves_out_stderr_but_the_notebook_keeps_it(tmp_path, caplog):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stderr", text="/home/ana/venv/plots.py:3: UserWarning: boom\n"),
        nbformat.v4.new_output("stream", name="stdout", text="visible output\n"),
    ]
    nb.cells = [cell]
    nbformat.write(nb, tmp_path / "nb.ipynb")
    with caplog.at_level(logging.WARNING, logger="newslab.report"):
        html = write_html(tmp_path / "nb.ipynb", tmp_path / "nb.html").read_text()
    assert "visible output" in html
    assert "UserWarning" not in html and "/home/ana" not in html
    assert "1 stderr output(s) left out of nb.html" in caplog.text
    assert "UserWarning" in (tmp_path / "nb.ipynb").read_text()


def test_find_data_folder_given_env_search_and_none(tmp_path, monkeypatch):
    monkeypatch.delenv(DATA_ENV, raising=False)
    monkeypatch.setattr(newslab.report_inputs, "package_dir", lambda: tmp_path / "elsewhere" / "newslab")
    monkeypatch.chdir(tmp_path)
    assert find_data_folder("given/path") == Path("given/path")
    assert find_data_folder() is None
    data = tmp_path / "shared" / "data"
    (data / "newsmtsc").mkdir(parents=True)
    notebooks = tmp_path / "repo" / "notebooks"
    notebooks.mkdir(parents=True)
    assert find_data_folder(start=[notebooks]) == data, "../../shared/data from notebooks/"
    monkeypatch.chdir(tmp_path / "repo")
    assert find_data_folder() == data, "../shared/data from the checkout"
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "env"))
    assert find_data_folder() == tmp_path / "env"


# --- slow: real papermill runs -------------------------------------------------------------------


def _assert_report(html_path: Path) -> str:
    assert html_path.is_file()
    html = html_path.read_text(encoding="utf-8")
    assert "data:image/png;base64," in html, "figures are embedded images"
    assert "import newslab" not in html, "no code input in the HTML"
    assert not re.search(r'class="[^"]*jp-InputArea-editor', html), "no code editor areas in the HTML"
    code_cells = re.findall(r'<div class="jp-Cell jp-CodeCell[^"]*"', html)
    assert code_cells and all("jp-mod-noInput" in cell for cell in code_cells)
    assert (html_path.parent / f"{html_path.stem}.ipynb").is_file()
    assert not [p for p in html_path.parent.parent.iterdir() if ".partial-" in p.name], "no staging folder left"
    return html


@pytest.fixture(scope="module")
def bundled_report(tmp_path_factory):
    return run_report(output_dir=tmp_path_factory.mktemp("reports"), progress=False)


@pytest.mark.slow
def test_report_on_the_bundled_articles(bundled_report):
    html = _assert_report(bundled_report)
    assert bundled_report.name == "report.html"
    assert "<title>How the articles frame their targets</title>" in html, "the notebook's default title"
    assert "es-daily" in html and "de-dpa" in html
    assert "Headline findings" in html and "the tycoon" in html
    assert html.count("data:image/png;base64,") >= 6, "labels, tone arc, heatmap, stance, frames, keyness"
    for table in ("comparison", "findings", "labels", "tone", "mentions", "target_tone", "stance", "quotes",
                  "frame_profile", "keyness-es-daily"):  # fmt: skip
        assert (bundled_report.parent / "tables" / f"{table}.csv").is_file()
    import re

    findings = re.findall(r'<li>.*?href="#(ev-[a-z0-9-]+)"', html)
    assert len(findings) >= 10, "every headline finding links to its evidence"
    ids = set(re.findall(r'id="(ev-[a-z0-9-]+)"', html))
    assert set(findings) <= ids, f"links without a target: {set(findings) - ids}"
    assert html.count('class="nlv-view"') == 2, "an annotated view of each article"
    assert {p.name for p in (bundled_report.parent / "views").iterdir()} == {"es-daily.html", "de-dpa.html",
                                                                             "index.html"}  # fmt: skip
    index = (bundled_report.parent / "views" / "index.html").read_text(encoding="utf-8")
    assert '<a href="es-daily.html">' in index and '<a href="de-dpa.html">' in index
    assert 'href="views/index.html"' in html and "All 2 articles are shown here" in html
    assert "deciding features" in html, "the tone toward each target has its evidence"


@pytest.mark.slow
def test_report_on_a_corpus_the_test_writes_with_another_target(tmp_path, monkeypatch):
    corpus = tmp_path / "eu"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Brussels agrees on budget\n\nThe European Commission agreed on the budget. "
        "Ursula von der Leyen called it a success. Critics said the Commission acted too slowly.\n"
    )
    (corpus / "b.txt").write_text(
        "A slow Commission\n\nThe Commission was criticised again. Von der Leyen defended it.\n"
    )
    monkeypatch.chdir(tmp_path)  # a relative article path must work although the kernel runs elsewhere
    params = {"articles": ["eu"], "targets": {"Commission": ["European Commission"]}, "title": "EU test report"}
    result = run_report(params, output_dir="out", name="eu", progress=False)
    assert result == tmp_path / "out" / "eu" / "eu.html"
    html = _assert_report(result)
    assert "EU test report" in html
    assert "Commission" in html
    assert "Rutte" not in html, "the bundled articles are not used when articles are given"
    comparison = (result.parent / "tables" / "comparison.csv").read_text()
    assert "Commission" in comparison and "Trump" not in comparison


@pytest.mark.slow
def test_a_failing_cell_keeps_the_notebook_writes_no_html_and_keeps_the_old_report(tmp_path):
    good = tiny_notebook(tmp_path / "nb.ipynb", "print('fine', x)")
    out = tmp_path / "out"
    first = run_report(notebook=good, output_dir=out, progress=False, html=True)
    before = first.read_text()
    assert "fine" in before
    bad = tiny_notebook(tmp_path / "bad.ipynb", "print('before')", "raise RuntimeError('boom ' + str(x))")
    with pytest.raises(ReportError, match=r"RuntimeError: boom 7") as info:
        run_report({"x": 7}, notebook=bad, output_dir=out, name="nb", progress=False)
    kept = out / "nb.failed" / "nb.ipynb"
    assert str(kept) in str(info.value)
    assert "boom 7" in kept.read_text()
    assert not list((out / "nb.failed").glob("*.html")), "no HTML for a failed run"
    assert first.read_text() == before, "the old report is intact"
    assert sorted(p.name for p in out.iterdir()) == ["nb", "nb.failed"]
    run_report(notebook=good, output_dir=out, progress=False, html=False)
    assert sorted(p.name for p in out.iterdir()) == ["nb"], "a later success removes the stale failure"


@pytest.mark.slow
def test_a_broken_user_kernelspec_is_not_used(tmp_path, monkeypatch):
    """A user-level python3 kernelspec pointing to a missing interpreter must not matter."""
    spec = tmp_path / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": ["/nonexistent/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "broken",
                "language": "python",
            }
        )
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))
    nb = tiny_notebook(tmp_path / "nb.ipynb", "import sys\nprint(sys.executable)")
    result = run_report(notebook=nb, output_dir=tmp_path / "out", html=False, progress=False)
    executed = nbformat.read(result, as_version=4)
    assert executed.cells[-1].outputs[0]["text"].strip() == sys.executable


# The probe runs first in <head>: it records alert() calls, then on load writes what it found
# into data-probe on <html>, which --dump-dom prints.
PROBE = """<script data-probe="1">
window.__alerts = []; window.alert = (x) => window.__alerts.push(String(x));
window.addEventListener('load', () => {
  const all = [...document.querySelectorAll('*')];
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const imgs = [...document.images];
  const found = {
    alerts: window.__alerts,
    scripts: [...document.scripts].filter(s => !s.hasAttribute('data-probe')).map(s => s.outerHTML.slice(0, 80)),
    handlers: all.flatMap(el => [...el.attributes].filter(a => a.name.startsWith('on'))
                                                 .map(a => el.tagName + ' ' + a.name)),
    images: imgs.length, broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).length,
    foreign_images: imgs.filter(i => !i.src.startsWith('data:')).map(i => i.src),
    resources: performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:')),
    h1: [...document.querySelectorAll('h1')].map(h => h.textContent.replace('\u00b6', '').trim()),
    h2: [...document.querySelectorAll('h2')].filter(visible).map(h => h.textContent.replace('\u00b6', '').trim()),
    hidden_h2: [...document.querySelectorAll('h2')].filter(h => !visible(h)).length,
    body_visible: visible(document.body),
    stderr: document.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]').length,
    evidence_ids: [...document.querySelectorAll('a[id^="ev-"]')].map(a => a.id),
    evidence_links: [...document.querySelectorAll('a[href^="#ev-"]')].map(a => a.getAttribute('href').slice(1)),
    views: document.querySelectorAll('.nlv-view').length,
  };
  document.documentElement.setAttribute('data-probe', JSON.stringify(found));
});
</script>"""


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def probe_page(report: Path, tmp_path: Path) -> tuple[dict, list[str]]:
    """Load a report with the probe in headless Chromium: (what the probe found, console lines)."""
    page = tmp_path / "probe.html"
    text = report.read_text(encoding="utf-8")
    assert text.count("<head>") == 1
    page.write_text(text.replace("<head>", "<head>" + PROBE, 1), encoding="utf-8")
    done = chromium(page, tmp_path / "profile", "--dump-dom")
    match = re.search(r'data-probe="([^"]*)"', done.stdout)
    assert match, "the page did not finish loading"
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return json.loads(html_module.unescape(match.group(1))), console


def save_screenshot(report: Path, name: str, tmp_path: Path) -> list[Path]:
    """Screenshots of the page top for a person to look at: in tmp_path/screens and $NEWSLAB_SCREENSHOTS."""
    extra = os.environ.get("NEWSLAB_SCREENSHOTS")
    folders = [tmp_path / "screens"] + ([Path(extra)] if extra else [])
    saved = []
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        shot = folder / f"{name}.png"
        size = "--window-size=1280,5000"
        chromium(report, tmp_path / "profile-shot", f"--screenshot={shot}", size, "--hide-scrollbars")
        assert shot.stat().st_size > 10_000, "a blank page"
        saved.append(shot)
    return saved


def report_sections() -> list[str]:
    """The section headings (##) of the report notebook, read from its reviewed .py."""
    source = (ROOT / "notebooks" / "report.py").read_text(encoding="utf-8")
    return re.findall(r"^# ## (.+)$", source, flags=re.M)


@pytest.mark.slow
def test_html_report_renders_in_headless_chromium(bundled_report, tmp_path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium); the browser check is skipped")
    found, console = probe_page(bundled_report, tmp_path)
    assert found["images"] >= 1 and found["broken"] == 0, found
    assert console == [], f"console messages: {console}"
    assert found["h1"] == ["How the articles frame their targets"]
    assert found["h2"] == report_sections(), "every section, visible, in order"
    assert found["scripts"] == [] and found["handlers"] == [] and found["resources"] == [], found
    assert found["stderr"] == 0, "no warning boxes"
    save_screenshot(bundled_report, "report-bundled", tmp_path)


#: Markup in every field that reaches the report (titles, ids, file names, source, date, targets, title).
HOSTILE_TITLE = "</title><script>alert('title')</script> Why the <script> tag matters"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    articles = folder / "in"
    articles.mkdir()
    (articles / "why.txt").write_text(
        "Why the <script> tag matters\n\nDonald Trump met NATO chief Mark Rutte in Florida. "
        "The tycoon said the alliance must pay more. Rutte praised Trump.\n",
        encoding="utf-8",
    )
    (articles / "<img src=x onerror=alert('file')>.txt").write_text(
        "<style>body{display:none}</style>\n\nNATO allies worried about Trump. "
        "The Republican criticised the alliance.\n",
        encoding="utf-8",
    )
    record = {
        "id": '=HYPERLINK("http://example.com")',
        "title": "<img src=x onerror=alert('json')>",
        "source": "<script>alert('source')</script>",
        "date": "<style>h2{display:none}</style>",
        "text": "Trump met Rutte. The alliance was worried about Trump, officials said.",
    }
    (articles / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (articles / "report.pdf").write_bytes(b"%PDF-1.4")
    parameters = {
        "articles": [str(articles)],
        "targets": {"<img src=x onerror=alert('target')>": ["Trump"], "<script>alert('t2')</script>": ["NATO"]},
        "title": HOSTILE_TITLE,
    }
    return run_report(parameters, output_dir=folder / "out", progress=False)


@pytest.mark.slow
def test_hostile_titles_ids_and_targets_stay_text_in_chromium(hostile_report, tmp_path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium); the browser check is skipped")
    found, console = probe_page(hostile_report, tmp_path)
    assert found["alerts"] == [], "no injected script ran"
    assert found["scripts"] == [], "no injected script element"
    assert found["handlers"] == [], "no injected event handler"
    assert found["foreign_images"] == [] and found["resources"] == [], "no injected image or request"
    assert found["body_visible"] and found["hidden_h2"] == 0, "no injected style hides anything"
    assert found["h1"] == [HOSTILE_TITLE], "the title shows as text"
    assert found["h2"] == report_sections(), "the page is complete: every section, in order"
    assert found["stderr"] == 0 and console == []
    text = hostile_report.read_text(encoding="utf-8")
    assert "<title>&lt;/title&gt;&lt;script&gt;" in text, "the page title is escaped too"
    assert "Skipped inputs" in text and "report.pdf" in text
    save_screenshot(hostile_report, "report-hostile", tmp_path)


@pytest.mark.slow
def test_hostile_ids_are_not_formulas_in_the_csv_tables(hostile_report):
    tables = sorted((hostile_report.parent / "tables").glob("*.csv"))
    assert tables
    cells = []
    for table in tables:
        with table.open(encoding="utf-8", newline="") as handle:
            cells += [cell for row in csv.reader(handle) for cell in row]
    assert '\'=HYPERLINK("http://example.com")' in cells
    live = [c for c in cells if c.startswith(("=", "+", "-", "@")) and not re.fullmatch(r"[+-]?[\d.]+(e[+-]?\d+)?", c)]
    assert live == []


@pytest.fixture
def private_tmp_and_home(tmp_path, monkeypatch):
    """An empty TMPDIR and HOME for the runner and its kernel."""
    temp, home = tmp_path / "tmp", tmp_path / "home"
    temp.mkdir()
    home.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("IPYTHONDIR", raising=False)
    return temp, home


KERNEL_FACTS = """import json, os, sys
ip = get_ipython()
print(json.dumps({"argv": sys.argv, "history": ip.history_manager.enabled, "ipythondir": os.environ["IPYTHONDIR"]}))"""


@pytest.mark.slow
def test_kernel_files_are_private_and_gone_and_history_is_off(tmp_path, private_tmp_and_home):
    temp, home = private_tmp_and_home
    nb = tiny_notebook(tmp_path / "nb.ipynb", KERNEL_FACTS)
    result = run_report(notebook=nb, output_dir=tmp_path / "out", html=False, progress=False)
    facts = json.loads(nbformat.read(result, as_version=4).cells[-1].outputs[0]["text"])
    connection = Path(facts["argv"][facts["argv"].index("-f") + 1])
    assert connection.parent.parent == temp and connection.parent.name.startswith("nlk-"), "in a private folder"
    assert facts["history"] is False
    assert Path(facts["ipythondir"]).parent == connection.parent
    assert list(temp.iterdir()) == [], "connection file, sockets and IPython folder are removed"
    assert not (home / ".ipython").exists(), "nothing written to ~/.ipython (history, profile)"


@pytest.mark.slow
def test_sigterm_during_a_run_leaves_no_staging_kernel_folder_or_kernel(tmp_path, private_tmp_and_home):
    temp, _ = private_tmp_and_home
    marker = tmp_path / "kernel-pid"
    nb = tiny_notebook(
        tmp_path / "nb.ipynb", f"import os, time\nopen({str(marker)!r}, 'w').write(str(os.getpid()))\ntime.sleep(120)"
    )
    out = str(tmp_path / "out")
    script = f"from newslab.report import run_report\nrun_report(notebook={str(nb)!r}, output_dir={out!r})"
    runner = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 90
        while not (marker.is_file() and marker.read_text()) and time.time() < deadline:
            time.sleep(0.2)
        kernel_pid = int(marker.read_text())
        assert [p.name.startswith(".nb.partial-") for p in (tmp_path / "out").iterdir()] == [True]
        runner.send_signal(signal.SIGTERM)
        assert runner.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        if runner.poll() is None:
            runner.kill()
    for _ in range(50):  # the kernel notices its parent is gone
        if not newslab.report_folders.pid_alive(kernel_pid):
            break
        time.sleep(0.2)
    assert not newslab.report_folders.pid_alive(kernel_pid), "the kernel is stopped"
    assert list((tmp_path / "out").iterdir()) == [], "no staging folder"
    assert list(temp.iterdir()) == [], "no connection file or kernel folder"


@pytest.mark.slow
def test_validation_notebook_finds_the_data_folder_by_itself(tmp_path, monkeypatch):
    monkeypatch.delenv(DATA_ENV, raising=False)
    monkeypatch.chdir(tmp_path)  # not from the checkout: the search must not depend on the current folder
    if find_data_folder() is None:
        pytest.skip("no human-labeled data folder (../shared/data) beside this checkout")
    notebook = ROOT / "notebooks" / "06-validation.ipynb"
    (result,) = run_notebooks([notebook], parameters={"06-validation": {"limit": 30}}, output_dir="out", html=False)
    outputs = json.dumps([c.get("outputs", []) for c in nbformat.read(result, as_version=4).cells])
    assert "Human-labeled data found" in outputs and "No human-labeled data" not in outputs
    assert (result.parent / "newsmtsc_agreement.csv").is_file()


def test_missing_articles_fail_before_the_kernel_starts(tmp_path):
    with pytest.raises(MissingInputError, match=r"nope\.txt not found"):
        run_report({"articles": [str(tmp_path / "nope.txt")]}, output_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_run_notebooks_rejects_shared_parameters_no_notebook_takes(tmp_path):
    nb = tiny_notebook(tmp_path / "01-a.ipynb", "x")
    with pytest.raises(ParameterError, match=r"no notebook takes the parameters \['data_path'\]"):
        run_notebooks([nb], shared={"data_path": "x"}, output_dir=tmp_path / "out")


@pytest.mark.slow
def test_run_notebooks_shows_the_overall_count(tmp_path, capsys):
    first = tiny_notebook(tmp_path / "01-a.ipynb", "y = x + 1")
    second = tiny_notebook(tmp_path / "02-b.ipynb", "y = x * 2")
    results = run_notebooks([first, second], output_dir=tmp_path / "out", html=False, progress=True)
    assert [r.name for r in results] == ["01-a.ipynb", "02-b.ipynb"]
    err = capsys.readouterr().err
    assert "[1/2] 01-a.ipynb" in err and "[2/2] 02-b.ipynb" in err


#: A holder name longer than any label should be (issue 13: it once sat under the edge labels).
LONG_HOLDER = "people familiar with the discussions who were not authorized to discuss them"


@pytest.fixture(scope="module")
def three_outlets_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("three")
    articles = folder / "in"
    articles.mkdir()
    texts = {
        "fox.txt": "Trump signs deal\n\nPresident Donald Trump signed the spending deal on Friday. "
        f"Senator Chuck Schumer praised the agreement. {LONG_HOLDER.capitalize()} criticized Trump "
        "for the delay, according to two aides. “We really had no choice,” Trump said.",
        "nyt.txt": "A retreat on the wall\n\nMr. Trump backed down on Friday. Democrats welcomed the deal, "
        "while conservatives attacked Trump. NATO allies were worried about the shutdown. "
        "“This is a defeat,” said Ann Coulter.",
        "huffpost.txt": "Trump caves\n\nTrump caved to Democrats on Friday. The president was slammed by "
        "conservative hosts. Speaker Nancy Pelosi said the shutdown had hurt families.",
    }
    for name, text in texts.items():
        (articles / name).write_text(text, encoding="utf-8")
    return run_report({"articles": [str(articles)]}, output_dir=folder / "out", progress=False)


@pytest.mark.slow
def test_three_outlet_report_has_evidence_and_views_in_chromium(three_outlets_report, tmp_path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium); the browser check is skipped")
    found, console = probe_page(three_outlets_report, tmp_path)
    assert found["h2"] == report_sections(), "every section, visible, in order"
    assert found["views"] == 3, "an annotated view of each article"
    assert found["evidence_links"], "headline findings link to evidence"
    assert set(found["evidence_links"]) <= set(found["evidence_ids"]), "every evidence link has its target"
    assert found["stderr"] == 0 and console == [], "no warning or stderr blocks"
    assert found["resources"] == [] and found["scripts"] == [], "no external loads, no scripts"
    assert found["images"] >= 5 and found["broken"] == 0
    save_screenshot(three_outlets_report, "report-three-outlets", tmp_path)
