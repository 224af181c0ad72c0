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

It never deletes what it did not create. Every folder it writes holds a manifest
(:data:`MANIFEST`), and an existing ``NAME/`` or ``NAME.failed/`` is replaced only when it
holds one (or is a report of newslab 0.1.0, which wrote no manifest: only the executed
notebook, its HTML and CSV tables); any other folder there stops the run before the kernel starts. Output folders
inside the installed package are refused. The kernel runs with IPython history off and a
private IPython folder, and its connection file (which holds the session key) and sockets
live in a private temporary folder that is removed when the run ends, also on SIGTERM;
leftovers of killed runs (staging folders, kernel folders) are removed by the next run. The runner
imports the Jupyter libraries without jsonschema's slow optional ``rfc3987_syntax``
(:mod:`newslab.lean_imports`); the HTML exporter is made ready while the kernel runs.

The concepts live in their own modules, re-exported here: the parameters
(:mod:`newslab.report_parameters`), the output folders (:mod:`newslab.report_folders`), the
private kernel (:mod:`newslab.kernel`), the inputs (:mod:`newslab.report_inputs`) and the HTML
page (:mod:`newslab.report_html`). papermill, nbconvert and jupyter_client are imported inside
the functions, so importing newslab stays light.

Example:
    >>> from newslab.report import report_notebook, notebook_parameters
    >>> report_notebook().name
    'report.ipynb'
    >>> sorted(notebook_parameters(report_notebook()))
    ['analysis_dir', 'articles', 'codes', 'group_by', 'max_views', 'output_dir', 'pair_by', 'period', 'targets',
     'title']
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from os import PathLike
from pathlib import Path
from typing import Any

from newslab.errors import MissingInputError, ParameterError, ReportError
from newslab.kernel import KERNEL_DIR_PREFIX, KERNEL_MARKER, KERNEL_NAME, kernel_manager_class
from newslab.lean_imports import jupyter_imports
from newslab.report_folders import (
    MANIFEST,
    STALE_SECONDS,
    check_replaceable,
    check_report_name,
    is_legacy_report,
    is_newslab_report,
    is_stale,
    make_staging,
    owned,
    prepare_output_dir,
    replace_dir,
)
from newslab.report_html import html_exporter, write_html
from newslab.report_inputs import (
    DATA_ENV,
    LoadedArticles,
    check_articles,
    check_codes,
    find_data_folder,
    load_articles,
    skipped_inputs,
)
from newslab.report_parameters import (
    OUTPUT_PARAMETER,
    PathArg,
    absolute_paths,
    check_parameter_names,
    check_parameter_types,
    check_parameters,
    existing_notebook,
    notebook_parameters,
    page_title,
    plain_value,
    report_notebook,
)

logger = logging.getLogger(__name__)

#: Seconds a kernel may take to start, and a single cell to run (papermill's defaults are
#: 60 s and unlimited; an unlimited cell would hang a test suite forever).
START_TIMEOUT = 120


CELL_TIMEOUT = 1800


def remove_leftovers(output_dir: PathArg) -> list[Path]:
    """Remove what killed runs left behind: staging folders in ``output_dir`` and kernel folders.

    Only folders that newslab marked as its own are removed (``OUTPUT_DIR/.*.partial-*`` and
    ``.*.old-*`` with a :data:`MANIFEST`; ``TMPDIR/nlk-*`` with a :data:`KERNEL_MARKER`), and
    only when their process no longer runs and they are older than :data:`STALE_SECONDS`.

    Args:
        output_dir: A report output folder (it may not exist).

    Returns:
        The folders removed.
    """
    now = time.time()
    out = Path(output_dir)
    candidates = [(p, MANIFEST) for pattern in (".*.partial-*", ".*.old-*") for p in out.glob(pattern)]
    temp = Path(tempfile.gettempdir())
    candidates += [(p, KERNEL_MARKER) for p in temp.glob(f"{KERNEL_DIR_PREFIX}*") if owned(p)]
    removed = []
    for folder, marker in candidates:
        if is_stale(folder, marker, now):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
            logger.info("removed %s, left behind by an interrupted run", folder)
    return removed


@contextlib.contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    """Turn SIGTERM (and SIGHUP) into SystemExit while a report runs, so ``finally`` blocks clean up.

    Only in the main thread, and only for signals that have their default handler (a handler
    the caller installed is left alone); the default comes back afterwards.
    """
    names = ("SIGTERM", "SIGHUP")
    wanted = [getattr(signal, n) for n in names if hasattr(signal, n)]
    if threading.current_thread() is not threading.main_thread():
        wanted = []
    ours = [s for s in wanted if signal.getsignal(s) in (signal.SIG_DFL, None)]

    def _exit(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    for signum in ours:
        signal.signal(signum, _exit)
    try:
        yield
    finally:
        for signum in ours:
            signal.signal(signum, signal.SIG_DFL)


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
        ParameterError: Unknown parameter names, a missing notebook, a bad ``name``, or an
            ``output_dir`` that is a file, lies under a file, is not writable or is inside the
            installed package.
        NewslabError: ``articles`` holds nothing loadable (raised before the kernel starts).
        ReportError: A cell failed (the executed notebook is kept in ``OUTPUT_DIR/NAME.failed/``),
            or ``OUTPUT_DIR/NAME`` exists and is not a newslab report (nothing is replaced).

    Example:
        >>> run_report({"colour": "red"}, output_dir="unused")
        Traceback (most recent call last):
        ...
        newslab.errors.ParameterError: unknown parameter 'colour' for report.ipynb; valid: [...]
    """
    source = existing_notebook(notebook) if notebook is not None else report_notebook()
    parameters = dict(parameters or {})
    declared = notebook_parameters(source)
    check_parameter_names(parameters, declared, source.name)
    check_parameter_types(parameters, declared, source.name)
    stem = source.stem if name is None else name
    check_report_name(stem)
    values = {key: plain_value(key, value) for key, value in absolute_paths(parameters).items()}
    missing = [path for path in values.get("articles") or () if not Path(path).exists()]
    if missing:  # fail before the kernel starts, with the caller's paths
        raise MissingInputError(f"articles: {', '.join(missing)} not found; give existing files or folders")
    if values.get("articles") and values.get("analysis_dir"):
        raise ParameterError("give articles or analysis_dir (a saved analysis), not both")
    if values.get("analysis_dir"):
        from newslab.storage import read_manifest

        read_manifest(Path(values["analysis_dir"]))  # not a saved analysis: fails here, before the kernel
    elif values.get("articles"):
        check_articles(values["articles"])  # nothing loadable fails here, before anything is written
    if values.get("codes"):
        check_codes(values["codes"])  # a bad coding sheet fails here, naming the file and row
    if OUTPUT_PARAMETER in declared:
        values[OUTPUT_PARAMETER] = "."  # the notebook's own folder: its files travel with it
    out = prepare_output_dir(output_dir)
    final, failed = out / stem, out / f"{stem}.failed"
    check_replaceable(final)
    check_replaceable(failed)
    remove_leftovers(out)
    with _sigterm_as_exit():
        staging = make_staging(out, stem, source.name)
        # the HTML exporter is made ready in a thread while the kernel runs (the runner only waits then)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslab-html") as pool:
            try:
                exporter = pool.submit(html_exporter, warm=True) if html else None
                executed = _execute(source, staging, stem, values, progress=progress, timeout=timeout, failed=failed)
                if exporter is not None:
                    title = page_title(parameters, declared)
                    write_html(executed, staging / f"{stem}.html", title=title, exporter=exporter.result())
                replace_dir(staging, final)
            finally:
                shutil.rmtree(staging, ignore_errors=True)  # gone already after a swap
    if is_newslab_report(failed) or is_legacy_report(failed):
        shutil.rmtree(failed, ignore_errors=True)  # an older failure is now stale
    result = final / (f"{stem}.html" if html else f"{stem}.ipynb")
    logger.info("wrote %s", result)
    return result


def _execute(
    source: Path, staging: Path, stem: str, values: Mapping[str, Any], *, progress: bool, timeout: int, failed: Path
) -> Path:
    """Run ``source`` with papermill into ``staging``; a failing cell moves staging to ``failed``."""
    with jupyter_imports():
        import papermill
        from papermill.exceptions import PapermillExecutionError

    executed = staging / f"{stem}.ipynb"
    logger.info("running %s with %s in %s", source, dict(values), staging)
    try:
        with kernel_manager_class() as manager_class:
            papermill.execute_notebook(
                str(source),
                str(executed),
                parameters=dict(values),
                kernel_name=KERNEL_NAME,
                language="python",
                progress_bar=progress,
                cwd=str(staging),
                start_timeout=START_TIMEOUT,
                execution_timeout=timeout,
                kernel_manager_class=manager_class,
                # one write when the run ends (also after a failing cell), not two per cell: a
                # staging folder has no reader while it runs, and each write re-serializes the notebook
                request_save_on_cell_execute=False,
                # every output is in the notebook by now; a graceful shutdown only adds seconds
                # (and, when slow, a SIGINT that ipykernel reports as a KeyboardInterrupt)
                shutdown_kernel="immediate",
            )
    except PapermillExecutionError as err:
        replace_dir(staging, failed)
        raise ReportError(
            f"{source.name}: code cell In [{err.exec_count}] raised {err.ename}: {err.evalue}; "
            f"the executed notebook is kept for diagnosis in {failed / executed.name}"
        ) from None
    return executed


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
        declared = notebook_parameters(existing_notebook(path))
        values = {name: value for name, value in shared.items() if name in declared}
        values.update(parameters.get(path.stem, {}))
        check_parameter_names(values, declared, path.name)
        check_parameter_types(values, declared, path.name)
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
    "CELL_TIMEOUT",
    "DATA_ENV",
    "KERNEL_MARKER",
    "KERNEL_NAME",
    "MANIFEST",
    "STALE_SECONDS",
    "START_TIMEOUT",
    "LoadedArticles",
    "check_articles",
    "check_parameters",
    "find_data_folder",
    "html_exporter",
    "is_newslab_report",
    "load_articles",
    "notebook_parameters",
    "remove_leftovers",
    "report_notebook",
    "run_notebooks",
    "run_report",
    "skipped_inputs",
    "walkthrough_notebooks",
    "write_html",
]
