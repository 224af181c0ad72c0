"""The report runner: parameter checks, atomic outputs, the private kernel, HTML, a browser check."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from newslab.errors import MissingInputError, ParameterError, ReportError
from newslab.report import (
    KERNEL_NAME,
    _absolute_paths,
    _replace_dir,
    _write_kernelspec,
    check_parameters,
    notebook_parameters,
    report_notebook,
    run_notebooks,
    run_report,
    walkthrough_notebooks,
    write_html,
)

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
    assert sorted(params) == ["articles", "output_dir", "targets", "title"]
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


@pytest.mark.parametrize("name", ["../up", "a/b", ".hidden", ""])
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
    got = _absolute_paths({"articles": ["a.txt", "dir"], "data_path": "data", "title": "t.txt", "targets": {}})
    assert got["articles"] == [str(tmp_path / "a.txt"), str(tmp_path / "dir")]
    assert got["data_path"] == str(tmp_path / "data")
    assert got["title"] == "t.txt"


def test_private_kernelspec_runs_this_interpreter(tmp_path):
    spec = json.loads((_write_kernelspec(tmp_path) / "kernel.json").read_text())
    assert spec["argv"][0] == sys.executable
    assert spec["argv"][1:3] == ["-m", "ipykernel_launcher"]
    assert spec["language"] == "python"
    assert str(ROOT) in spec["env"]["PYTHONPATH"].split(":")
    assert spec["env"]["NEWSLAB_PROGRESS"] == "0"  # automatic progress bars stay out of reports
    assert (tmp_path / KERNEL_NAME).is_dir()


def test_replace_dir_swaps_a_complete_folder_in(tmp_path):
    old = tmp_path / "report"
    old.mkdir()
    (old / "stale.html").write_text("old")
    new = tmp_path / ".partial"
    new.mkdir()
    (new / "report.html").write_text("new")
    _replace_dir(new, old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
    assert [p.name for p in old.iterdir()] == ["report.html"]


def test_replace_dir_refuses_to_replace_a_file(tmp_path):
    (tmp_path / "report").write_text("not a folder")
    (tmp_path / "new").mkdir()
    with pytest.raises(ReportError, match="not a folder"):
        _replace_dir(tmp_path / "new", tmp_path / "report")


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
    for table in ("comparison", "labels", "sentence_tone", "stance", "quotes", "frame_profile", "keyness"):
        assert (bundled_report.parent / "tables" / f"{table}.csv").is_file()


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


@pytest.mark.slow
def test_html_report_renders_in_headless_chromium(bundled_report, tmp_path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium); the browser check is skipped")
    page = tmp_path / "check.html"
    probe = (
        "<script>window.addEventListener('load', () => { const imgs = [...document.images];"
        " const bad = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).length;"
        " document.body.setAttribute('data-images', imgs.length + '/' + bad); });</script></body>"
    )
    page.write_text(bundled_report.read_text(encoding="utf-8").replace("</body>", probe), encoding="utf-8")
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    match = re.search(r'data-images="(\d+)/(\d+)"', done.stdout)
    assert match, "the page did not finish loading"
    total, broken = map(int, match.groups())
    assert total >= 1 and broken == 0, f"{broken} of {total} images did not load"
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], f"console messages: {console}"
    assert "How the articles frame" in done.stdout


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
