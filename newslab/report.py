"""Run notebooks as reports: papermill in the current interpreter, HTML without code cells.

:func:`run_report` executes the packaged report notebook (or any notebook) with papermill,
checks the parameters against the notebook's ``parameters`` cell, and writes the executed
notebook plus an HTML rendering without code input. The kernel always runs the interpreter
that called :func:`run_report` (a private kernelspec for :data:`sys.executable`), so no
user-level ``python3`` kernelspec is needed or used. Outputs appear only when complete:

- a run works in a staging folder ``OUTPUT_DIR/.NAME.partial-*`` and, on success, replaces
  ``OUTPUT_DIR/NAME/`` (holding ``NAME.ipynb``, ``NAME.html`` and whatever the notebook wrote);
- a failing cell raises :class:`~newslab.errors.ReportError`, keeps the executed notebook in
  ``OUTPUT_DIR/NAME.failed/`` for diagnosis, writes no HTML and leaves an older report intact.

papermill, nbconvert and jupyter_client are imported inside the functions, so importing
newslab stays light.

Example:
    >>> from newslab.report import report_notebook, notebook_parameters
    >>> report_notebook().name
    'report.ipynb'
    >>> sorted(notebook_parameters(report_notebook()))
    ['articles', 'output_dir', 'targets', 'title']
"""

from __future__ import annotations

import ast
import contextlib
import importlib.resources
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

from newslab.errors import MissingInputError, ParameterError, ReportError

logger = logging.getLogger(__name__)
# nbconvert warns about every matplotlib figure ("Alternative text is missing") and adds a
# generic alt text itself; keep its errors, drop that noise.
_NBCONVERT_LOG = logging.getLogger(f"{__name__}.nbconvert")
_NBCONVERT_LOG.setLevel(logging.ERROR)

PathArg = str | PathLike[str]

#: Name of the private kernelspec that runs :data:`sys.executable`.
KERNEL_NAME = "newslab-current-python"
#: Parameters whose string values are paths: made absolute before the run, because the
#: kernel runs inside the output folder, not in the caller's working directory.
PATH_PARAMETERS = frozenset({"articles", "data_path"})
#: Parameter the runner fills in itself (the notebook writes its files there).
OUTPUT_PARAMETER = "output_dir"
#: Seconds a kernel may take to start, and a single cell to run (papermill's defaults are
#: 60 s and unlimited; an unlimited cell would hang a test suite forever).
START_TIMEOUT = 120
CELL_TIMEOUT = 1800

# The HTML is read offline: drop the CDN scripts (require.js, MathJax, mermaid) the lab
# template loads, so a browser without network shows no failed requests; CSS is inlined.
_OFFLINE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def report_notebook() -> Path:
    """Path of the packaged report notebook (``newslab/notebooks/report.ipynb``).

    Returns:
        A file path; it exists in a source checkout and in an installed package.

    Example:
        >>> report_notebook().is_file()
        True
    """
    resource = importlib.resources.files("newslab") / "notebooks" / "report.ipynb"
    if not resource.is_file():
        raise ReportError("the packaged report notebook newslab/notebooks/report.ipynb is missing; reinstall newslab")
    return Path(str(resource))


def notebook_parameters(notebook: PathArg) -> dict[str, dict[str, Any]]:
    """The parameters a notebook declares in its cell tagged ``parameters``.

    Args:
        notebook: Path of an ``.ipynb`` file.

    Returns:
        Parameter name -> papermill's description (``name``, ``inferred_type_name``,
        ``default`` as source text, ``help`` from the trailing comment).

    Example:
        >>> notebook_parameters(report_notebook())["title"]["inferred_type_name"]
        'str'
    """
    import papermill

    path = _existing_notebook(notebook)
    try:
        return dict(papermill.inspect_notebook(str(path)))
    except Exception as err:  # malformed JSON, not a notebook
        raise ReportError(f"cannot read the parameters of {path}: {err}") from err


def _existing_notebook(notebook: PathArg) -> Path:
    path = Path(notebook)
    if path.suffix != ".ipynb":
        raise ParameterError(f"notebook={str(notebook)!r}; expected an .ipynb file")
    if not path.is_file():
        raise ParameterError(f"notebook={str(notebook)!r} does not exist")
    return path


def check_parameters(parameters: Mapping[str, Any], notebook: PathArg) -> None:
    """Raise if ``parameters`` names something the notebook's ``parameters`` cell does not declare.

    papermill itself only warns about unknown names, which silently ignores a typo.

    Args:
        parameters: Name -> value, as passed to :func:`run_report`.
        notebook: The notebook they are meant for.

    Raises:
        ParameterError: An unknown name, or ``output_dir`` (the runner sets that one).

    Example:
        >>> check_parameters({"title": "NATO"}, report_notebook())
        >>> check_parameters({"titel": "NATO"}, report_notebook())
        Traceback (most recent call last):
        ...
        newslab.errors.ParameterError: unknown parameter 'titel' for report.ipynb; valid: [...]
    """
    _check_names(parameters, notebook_parameters(notebook), Path(notebook).name)


#: Python types a value may have for papermill's inferred type name (its outer type only).
_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str, PathLike),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "list": (list, tuple),
    "dict": (dict, Mapping),
}


def _check_types(parameters: Mapping[str, Any], declared: Mapping[str, Any], notebook_name: str) -> None:
    for name, value in parameters.items():
        declared_type = str(declared.get(name, {}).get("inferred_type_name", "None"))
        outer = declared_type.split("[", 1)[0].strip().lower()
        allowed = _TYPES.get(outer)
        wrong = allowed is not None and (not isinstance(value, allowed) or (outer == "int" and isinstance(value, bool)))
        if wrong:
            raise ParameterError(
                f"parameter {name!r} of {notebook_name} is {declared_type}, got {type(value).__name__} {value!r}"
            )


def _check_names(parameters: Mapping[str, Any], declared: Mapping[str, Any], notebook_name: str) -> None:
    valid = sorted(name for name in declared if name != OUTPUT_PARAMETER)
    for name in parameters:
        if name == OUTPUT_PARAMETER:
            raise ParameterError(f"pass output_dir=... to run_report, not as a notebook parameter; valid: {valid}")
        if name not in declared:
            raise ParameterError(f"unknown parameter {name!r} for {notebook_name}; valid: {valid}")


def _absolute_paths(parameters: Mapping[str, Any]) -> dict[str, Any]:
    resolved = dict(parameters)
    for name in PATH_PARAMETERS & set(resolved):
        value = resolved[name]
        if isinstance(value, (str, PathLike)):
            resolved[name] = str(Path(value).resolve()) if str(value) else ""
        elif isinstance(value, (list, tuple)):
            resolved[name] = [str(Path(item).resolve()) for item in value]
    return resolved


def _title(parameters: Mapping[str, Any], declared: Mapping[str, Any]) -> str:
    """The page title: the ``title`` parameter, else the notebook's default title, else ""."""
    if parameters.get("title"):
        return str(parameters["title"])
    try:
        default = ast.literal_eval(str(declared.get("title", {}).get("default", "''")))
    except (ValueError, SyntaxError):
        return ""
    return default if isinstance(default, str) else ""


def _write_kernelspec(folder: Path) -> Path:
    """A kernelspec that starts an IPython kernel in this very interpreter (and sees this newslab)."""
    spec_dir = folder / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    package_root = str(Path(str(importlib.resources.files("newslab"))).parent)
    pythonpath = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": f"Python {sys.version_info.major}.{sys.version_info.minor} (newslab)",
        "language": "python",
        "env": {"PYTHONPATH": pythonpath, "NEWSLAB_PROGRESS": "0"},  # no tqdm bars inside reports
        "metadata": {"debugger": False},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return spec_dir


@contextlib.contextmanager
def _kernel_manager_class() -> Iterator[type]:
    """A kernel manager class bound to a private kernelspec folder (removed afterwards)."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    with tempfile.TemporaryDirectory(prefix="nlk-") as tmp:
        use_ipc = os.name == "posix" and len(tmp) < 80
        _write_kernelspec(Path(tmp))

        class CurrentPythonKernelManager(AsyncKernelManager):
            """Looks kernels up only in the private folder, never in user or system kernelspecs."""

            @default("kernel_spec_manager")
            def _private_kernel_spec_manager(self) -> KernelSpecManager:
                return KernelSpecManager(kernel_dirs=[tmp])

            # Unix sockets in the private folder where available: nothing listens on a TCP port
            # (and ipykernel does not warn about unencrypted TCP); short paths stay under the
            # 107-byte socket path limit.
            @default("transport")
            def _local_transport(self) -> str:
                return "ipc" if use_ipc else "tcp"

            @default("ip")
            def _local_ip(self) -> str:
                return os.path.join(tmp, "ipc") if use_ipc else "127.0.0.1"

        yield CurrentPythonKernelManager


def _replace_dir(source: Path, target: Path) -> None:
    """Move ``source`` to ``target``, replacing an older ``target`` only once ``source`` is complete."""
    if target.exists() and not target.is_dir():
        raise ReportError(f"{target} exists and is not a folder; move it away or choose another output_dir")
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    os.replace(source, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_html(notebook: PathArg, html_path: PathArg, *, title: str = "") -> Path:
    """Render an executed notebook to a self-contained HTML page without code input.

    Images are embedded as data URIs, CSS is inlined and no script is fetched from a CDN,
    so the page reads offline. The file is written through a temporary file and renamed.

    Args:
        notebook: The executed ``.ipynb``.
        html_path: Where to write the page.
        title: Page title (default: the notebook's file name).

    Returns:
        ``Path(html_path)``.
    """
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    source = Path(notebook)
    target = Path(html_path)
    node = nbformat.read(source, as_version=4)
    exporter = HTMLExporter(
        template_name="lab",
        template_file="newslab_offline.html.j2",
        extra_loaders=[jinja2.DictLoader({"newslab_offline.html.j2": _OFFLINE_TEMPLATE})],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        log=_NBCONVERT_LOG,
    )
    resources = {"metadata": {"name": title or source.stem}}
    body, _ = exporter.from_notebook_node(node, resources=resources)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(body)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the page is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def run_report(
    parameters: Mapping[str, Any] | None = None,
    *,
    output_dir: PathArg = "reports",
    notebook: PathArg | None = None,
    name: str | None = None,
    html: bool = True,
    progress: bool = True,
    timeout: int = CELL_TIMEOUT,
) -> Path:
    """Execute a notebook with papermill and write the executed notebook and its HTML.

    Args:
        parameters: Notebook parameters (name -> value), checked against the notebook's
            ``parameters`` cell. For the report: ``articles`` (paths or folders; empty means
            the bundled articles), ``targets`` (name -> list of aliases or a dict of
            :class:`~newslab.targets.Target` fields, see :func:`~newslab.targets.targets_from_spec`;
            empty means Trump and NATO) and ``title``. Relative paths are taken from the current directory.
        output_dir: Folder that receives ``NAME/`` (created if missing).
        notebook: The ``.ipynb`` to run; default: the packaged report notebook.
        name: Name of the output folder and files; default: the notebook's stem.
        html: Also write ``NAME.html`` (no code cells, images embedded).
        progress: Show papermill's progress bar (on stderr).
        timeout: Seconds one cell may run before the run is aborted.

    Returns:
        The HTML file, or the executed notebook when ``html=False``.

    Raises:
        ParameterError: Unknown parameter names or a missing notebook.
        ReportError: A cell failed (the executed notebook is kept in ``OUTPUT_DIR/NAME.failed/``).

    Example:
        >>> run_report({"colour": "red"}, output_dir="unused")
        Traceback (most recent call last):
        ...
        newslab.errors.ParameterError: unknown parameter 'colour' for report.ipynb; valid: [...]
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    source = _existing_notebook(notebook) if notebook is not None else report_notebook()
    parameters = dict(parameters or {})
    declared = notebook_parameters(source)
    _check_names(parameters, declared, source.name)
    _check_types(parameters, declared, source.name)
    stem = source.stem if name is None else name
    if not stem or Path(stem).name != stem or stem.startswith("."):
        raise ParameterError(f"name={stem!r}; expected a plain file name without folders")
    values = _absolute_paths(parameters)
    missing = [path for path in values.get("articles") or () if not Path(path).exists()]
    if missing:  # fail before the kernel starts, with the caller's paths
        raise MissingInputError(f"articles: {', '.join(missing)} not found; give existing files or folders")
    if OUTPUT_PARAMETER in declared:
        values[OUTPUT_PARAMETER] = "."  # the notebook's own folder: its files travel with it
    out = Path(output_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{stem}.partial-", dir=out))
    staging.chmod(0o755)  # mkdtemp makes it private; a report is an ordinary folder
    executed = staging / f"{stem}.ipynb"
    logger.info("running %s with %s in %s", source, values, staging)
    try:
        with _kernel_manager_class() as manager_class:
            papermill.execute_notebook(
                str(source),
                str(executed),
                parameters=values,
                kernel_name=KERNEL_NAME,
                language="python",
                progress_bar=progress,
                cwd=str(staging),
                start_timeout=START_TIMEOUT,
                execution_timeout=timeout,
                kernel_manager_class=manager_class,
                # every output is in the notebook by now; a graceful shutdown only adds seconds
                # (and, when slow, a SIGINT that ipykernel reports as a KeyboardInterrupt)
                shutdown_kernel="immediate",
            )
    except PapermillExecutionError as err:
        failed = out / f"{stem}.failed"
        _replace_dir(staging, failed)
        raise ReportError(
            f"{source.name}: code cell In [{err.exec_count}] raised {err.ename}: {err.evalue}; "
            f"the executed notebook is kept for diagnosis in {failed / executed.name}"
        ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        if html:
            write_html(executed, staging / f"{stem}.html", title=_title(parameters, declared))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    final = out / stem
    _replace_dir(staging, final)
    shutil.rmtree(out / f"{stem}.failed", ignore_errors=True)  # an older failure is now stale
    result = final / (f"{stem}.html" if html else f"{stem}.ipynb")
    logger.info("wrote %s", result)
    return result


def walkthrough_notebooks(folder: PathArg = "notebooks") -> list[Path]:
    """The numbered walkthrough notebooks (``NN-*.ipynb``) in ``folder``, in order.

    Args:
        folder: The notebooks folder of a newslab checkout.

    Returns:
        Sorted paths; the report notebook is not included.

    Raises:
        ParameterError: The folder does not exist or holds no numbered notebooks.
    """
    path = Path(folder)
    if not path.is_dir():
        raise ParameterError(f"notebook folder {str(folder)!r} does not exist; run from a newslab checkout")
    found = sorted(p for p in path.glob("[0-9][0-9]-*.ipynb") if not p.name.startswith("."))
    if not found:
        raise ParameterError(f"no numbered notebooks (NN-name.ipynb) in {str(folder)!r}")
    return found


def run_notebooks(
    notebooks: Sequence[PathArg] | PathArg = "notebooks",
    *,
    output_dir: PathArg = "reports/notebooks",
    parameters: Mapping[str, Mapping[str, Any]] | None = None,
    shared: Mapping[str, Any] | None = None,
    html: bool = True,
    progress: bool = True,
) -> list[Path]:
    """Execute the walkthrough notebooks one after another with :func:`run_report`.

    Args:
        notebooks: A folder (its ``NN-*.ipynb`` are run) or a list of notebook paths.
        output_dir: Folder that receives one ``NN-name/`` folder per notebook.
        parameters: Notebook stem -> its parameters, e.g. ``{"06-validation": {"data_path": "..."}}``.
        shared: Parameters given to every notebook that declares them, e.g. ``{"articles": [...]}``
            (each name must be declared by at least one notebook).
        html: Also render each notebook to HTML.
        progress: Show papermill's progress bars.

    Returns:
        The HTML (or executed notebook) of each notebook, in order.

    Raises:
        ParameterError: Parameters for a notebook that is not run, or unknown names.
        ReportError: The first notebook that fails (later ones are not run).
    """
    if isinstance(notebooks, (str, PathLike)) and Path(notebooks).is_dir():
        paths = walkthrough_notebooks(notebooks)
    elif isinstance(notebooks, (str, PathLike)):
        paths = [Path(notebooks)]
    else:
        paths = [Path(p) for p in notebooks]
    parameters = dict(parameters or {})
    unknown = sorted(set(parameters) - {p.stem for p in paths})
    if unknown:
        raise ParameterError(f"parameters for notebooks that are not run: {unknown}; run: {[p.stem for p in paths]}")
    shared = dict(shared or {})
    plan = []
    for path in paths:  # check every notebook's parameters before the first (slow) run
        declared = notebook_parameters(_existing_notebook(path))
        values = {name: value for name, value in shared.items() if name in declared}
        values.update(parameters.get(path.stem, {}))
        _check_names(values, declared, path.name)
        _check_types(values, declared, path.name)
        plan.append((path, values))
    unused = sorted(set(shared) - {name for _, values in plan for name in values})
    if unused:
        raise ParameterError(f"no notebook takes the parameters {unused}; notebooks: {[p.name for p in paths]}")
    results = []
    for number, (path, values) in enumerate(plan, 1):
        logger.info("executing %s", path)
        if progress:  # the overall count, above papermill's per-cell bar
            from tqdm.auto import tqdm

            tqdm.write(f"[{number}/{len(plan)}] {path.name}", file=sys.stderr)
        results.append(run_report(values, output_dir=output_dir, notebook=path, html=html, progress=progress))
    return results


__all__ = [
    "KERNEL_NAME",
    "check_parameters",
    "notebook_parameters",
    "report_notebook",
    "run_notebooks",
    "run_report",
    "walkthrough_notebooks",
    "write_html",
]
