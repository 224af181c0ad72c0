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
leftovers of killed runs (staging folders, kernel folders) are removed by the next run.

papermill, nbconvert and jupyter_client are imported inside the functions, so importing
newslab stays light.

Example:
    >>> from newslab.report import report_notebook, notebook_parameters
    >>> report_notebook().name
    'report.ipynb'
    >>> sorted(notebook_parameters(report_notebook()))
    ['analysis_dir', 'articles', 'group_by', 'max_views', 'output_dir', 'targets', 'title']
"""

from __future__ import annotations

import ast
import contextlib
import importlib.resources
import json
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import uuid
import warnings
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from os import PathLike
from pathlib import Path
from typing import Any, NamedTuple

from newslab.errors import MissingInputError, ParameterError, ReportError
from newslab.jupyter_imports import jupyter_imports

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
PATH_PARAMETERS = frozenset({"articles", "data_path", "analysis_dir"})
#: Parameter the runner fills in itself (the notebook writes its files there).
OUTPUT_PARAMETER = "output_dir"
#: Seconds a kernel may take to start, and a single cell to run (papermill's defaults are
#: 60 s and unlimited; an unlimited cell would hang a test suite forever).
START_TIMEOUT = 120
CELL_TIMEOUT = 1800
#: File that marks a folder as written by newslab; only such folders are ever replaced or removed.
MANIFEST = ".newslab-report.json"
#: File that marks a private kernel folder (connection file, sockets) as newslab's.
KERNEL_MARKER = "newslab-kernel.json"
#: Prefix of the private kernel folders in the system temporary folder.
KERNEL_DIR_PREFIX = "nlk-"
#: Seconds after which a staging or kernel folder whose process is gone counts as a leftover.
STALE_SECONDS = 600

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
    with jupyter_imports():
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


def _plain(name: str, value: Any) -> Any:
    """``value`` as plain JSON-like data (str, number, bool, None, list, dict with str keys).

    papermill writes parameters into the notebook as Python source; for any other type it
    falls back to an unescaped ``str(value)`` in quotes, so a Path or tuple holding a quote
    would become code. Paths become strings, tuples lists and mappings dicts; anything else
    is refused.
    """
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ParameterError(f"parameter {name!r} is {value!r}; give a finite number")
        return value
    if isinstance(value, PathLike):
        return os.fspath(value)
    if isinstance(value, (list, tuple)):
        return [_plain(name, item) for item in value]
    if isinstance(value, Mapping):
        return {str(_plain(name, key)): _plain(name, item) for key, item in value.items()}
    raise ParameterError(
        f"parameter {name!r} holds a {type(value).__name__}; give strings, numbers, lists or dicts of them"
    )


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
    """A kernelspec that starts an IPython kernel in this very interpreter (and sees this newslab).

    The kernel keeps no history (the parameters cell holds article paths and titles) and uses
    a private IPython folder inside ``folder``, so it neither reads the user's startup files
    nor writes to ``~/.ipython``.
    """
    spec_dir = folder / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    package_root = str(Path(str(importlib.resources.files("newslab"))).parent)
    pythonpath = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
    spec = {
        "argv": [
            sys.executable,
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
            "--HistoryManager.enabled=False",
        ],
        "display_name": f"Python {sys.version_info.major}.{sys.version_info.minor} (newslab)",
        "language": "python",
        "env": {
            "PYTHONPATH": pythonpath,
            "NEWSLAB_PROGRESS": "0",  # no tqdm bars inside reports
            "IPYTHONDIR": str(folder / "ipython"),
            "JUPYTER_RUNTIME_DIR": str(folder / "runtime"),
        },
        "metadata": {"debugger": False},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return spec_dir


def _pid_alive(pid: Any) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _marker(folder: Path, name: str) -> dict[str, Any] | None:
    """The JSON marker ``folder/name`` if ``folder`` is a real folder holding a valid one."""
    path = folder / name
    if folder.is_symlink() or not folder.is_dir() or path.is_symlink() or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("newslab") else None


def _write_marker(folder: Path, marker: str, **fields: Any) -> None:
    from newslab import __version__

    data = {"newslab": __version__, "pid": os.getpid(), "host": socket.gethostname(), "created": time.time()}
    (folder / marker).write_text(json.dumps({**data, **fields}, indent=1) + "\n", encoding="utf-8")


def is_newslab_report(folder: PathArg) -> bool:
    """Whether ``folder`` is a real folder that newslab wrote (it holds a valid :data:`MANIFEST`).

    Example:
        >>> import tempfile
        >>> is_newslab_report(tempfile.mkdtemp())
        False
    """
    return _marker(Path(folder), MANIFEST) is not None


def _is_stale(folder: Path, name: str, now: float) -> bool:
    """A newslab folder whose process is gone (on this host) and that is older than STALE_SECONDS."""
    data = _marker(folder, name)
    if data is None:
        return False
    try:
        age = now - folder.stat().st_mtime
    except OSError:
        return False
    same_host = data.get("host") == socket.gethostname()
    return age > STALE_SECONDS and not (same_host and _pid_alive(data.get("pid")))


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
    candidates += [(p, KERNEL_MARKER) for p in temp.glob(f"{KERNEL_DIR_PREFIX}*") if _owned(p)]
    removed = []
    for folder, marker in candidates:
        if _is_stale(folder, marker, now):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
            logger.info("removed %s, left behind by an interrupted run", folder)
    return removed


def _owned(path: Path) -> bool:
    try:
        return not hasattr(os, "getuid") or path.stat().st_uid == os.getuid()
    except OSError:
        return False


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


@contextlib.contextmanager
def _kernel_manager_class() -> Iterator[type]:
    """A kernel manager class bound to a private folder (kernelspec, connection file, sockets).

    The folder is removed when the context ends, whatever happens; its marker lets a later
    run remove it when a killed process could not.
    """
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    tmp = tempfile.mkdtemp(prefix=KERNEL_DIR_PREFIX)
    try:
        _write_marker(Path(tmp), KERNEL_MARKER)
        use_ipc = os.name == "posix" and len(tmp) < 80
        _write_kernelspec(Path(tmp))

        class CurrentPythonKernelManager(AsyncKernelManager):
            """Looks kernels up only in the private folder, never in user or system kernelspecs."""

            @default("kernel_spec_manager")
            def _private_kernel_spec_manager(self) -> KernelSpecManager:
                return KernelSpecManager(kernel_dirs=[tmp])

            # The connection file holds the session key: keep it in the private folder (the
            # default is a file in TMPDIR that a killed run leaves behind).
            @default("connection_file")
            def _private_connection_file(self) -> str:
                return os.path.join(tmp, f"kernel-{uuid.uuid4().hex[:12]}.json")

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
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _package_dir() -> Path:
    return Path(str(importlib.resources.files("newslab"))).resolve()


def _check_name(stem: str) -> None:
    separators = {"/", "\\", os.sep, os.altsep or "/"}
    bad = (
        not stem
        or stem.startswith(".")
        or ".." in stem
        or any(sep in stem for sep in separators)
        or any(ord(ch) < 32 for ch in stem)
        or Path(stem).name != stem
    )
    if bad:
        raise ParameterError(
            f"name={stem!r}; expected a plain file name without folders, '..' or a leading '.', e.g. 'report'"
        )


def _prepare_output_dir(output_dir: PathArg) -> Path:
    """The resolved output folder, created if missing; a clear error instead of an OSError."""
    out = Path(output_dir).expanduser().resolve()
    package = _package_dir()
    if out == package or package in out.parents:
        raise ParameterError(
            f"output_dir={str(output_dir)!r} is inside the installed newslab package ({package}); "
            "choose a folder of your own, e.g. --output-dir reports"
        )
    blocker = next((p for p in (out, *out.parents) if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        where = "is a file" if blocker == out else f"is under {blocker}, which is a file"
        raise ParameterError(f"output_dir={str(output_dir)!r} {where}; choose a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ParameterError(
            f"cannot create output_dir={str(output_dir)!r}: {err.strerror or err}; choose a writable folder"
        ) from None
    return out


def _is_legacy_report(folder: Path) -> bool:
    """A report folder written before the manifest existed (newslab 0.1.0).

    It holds exactly what the runner and the packaged notebooks wrote: ``NAME.ipynb`` executed
    by papermill, optionally ``NAME.html``, CSV files, and a ``tables/`` folder of CSV files;
    no symlinks. Anything else in it (a user's ``thesis.txt``) means it is not one.
    """
    name = folder.name.removesuffix(".failed")
    notebook = folder / f"{name}.ipynb"
    if folder.is_symlink() or not folder.is_dir() or notebook.is_symlink() or not notebook.is_file():
        return False

    def ours(entry: Path) -> bool:
        if entry.is_symlink():
            return False
        if entry.is_file():
            return entry.name in (notebook.name, f"{name}.html") or entry.suffix == ".csv"
        tables = entry.iterdir() if entry.name == "tables" else iter([entry])
        return all(not t.is_symlink() and t.is_file() and t.suffix == ".csv" for t in tables)

    if not all(ours(entry) for entry in folder.iterdir()):
        return False
    try:
        metadata = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError, AttributeError):
        return False
    return isinstance(metadata, dict) and "papermill" in metadata


def _check_replaceable(folder: Path) -> None:
    """Raise unless ``folder`` is missing or a newslab report folder (so replacing it loses nothing)."""
    if (folder.is_symlink() or folder.exists()) and not (is_newslab_report(folder) or _is_legacy_report(folder)):
        kind = "a file" if folder.is_file() and not folder.is_symlink() else "a folder newslab did not make"
        raise ReportError(
            f"{folder} exists and is {kind} (it has no {MANIFEST}); newslab will not replace it. "
            "Move it away, or choose another --output-dir or --name"
        )


def _make_staging(out: Path, stem: str, notebook: str) -> Path:
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{stem}.partial-", dir=out))
    except OSError as err:
        raise ParameterError(
            f"cannot write in output_dir {out}: {err.strerror or err}; choose a writable folder"
        ) from None
    staging.chmod(0o755)  # mkdtemp makes it private; a report is an ordinary folder
    _write_marker(staging, MANIFEST, notebook=notebook, name=stem)
    return staging


def _replace_dir(source: Path, target: Path) -> None:
    """Move ``source`` to ``target``, replacing an older ``target`` only once ``source`` is complete.

    An existing ``target`` is replaced only when it is a newslab report folder.
    """
    _check_replaceable(target)
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    os.replace(source, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def skipped_inputs(paths: Sequence[PathArg], corpus: Any) -> list[tuple[str, str]]:
    """Inputs a corpus does not hold: files that failed to load, and other files in the given folders.

    Args:
        paths: The files and folders given as ``articles``.
        corpus: The :class:`~newslab.corpus.Corpus` loaded from them (its ``skipped`` list).

    Returns:
        ``(path, reason)`` pairs, failed files first, then files of types newslab does not
        read (hidden files are not listed).
    """
    from newslab.corpus import SUFFIXES

    skipped = list(getattr(corpus, "skipped", []))
    seen = {path for path, _ in skipped}
    for item in paths:
        folder = Path(item)
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
            if hidden or path.suffix.lower() in SUFFIXES or str(path) in seen or not path.is_file():
                continue
            seen.add(str(path))
            kind = path.suffix or "(no extension)"
            skipped.append((str(path), f"{path}: not a file type newslab reads ({kind})"))
    return skipped


class LoadedArticles(NamedTuple):
    """A corpus loaded for a report, with the inputs it could not use."""

    corpus: Any
    skipped: list[tuple[str, str]]


def load_articles(articles: Sequence[PathArg]) -> LoadedArticles:
    """Load a report's ``articles`` quietly: the corpus, and the skipped inputs as data, not warnings.

    Args:
        articles: Files and folders; empty means the bundled articles.

    Returns:
        LoadedArticles(corpus, skipped), ``skipped`` as in :func:`skipped_inputs`.

    Raises:
        NewslabError: A missing path, or nothing loadable (the loader's message).

    Example:
        >>> load_articles([]).corpus.ids
        ['es-daily', 'de-dpa']
    """
    from newslab.corpus import load_corpus, load_seed_corpus

    if not articles:
        return LoadedArticles(load_seed_corpus(), [])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the skipped files are returned instead
        corpus = load_corpus(list(articles), progress=False)
    return LoadedArticles(corpus, skipped_inputs(articles, corpus))


def check_articles(articles: Sequence[PathArg]) -> list[tuple[str, str]]:
    """Load ``articles`` once before a kernel starts: fail early, and log what will be skipped.

    Args:
        articles: Files and folders (absolute or relative to the current folder).

    Returns:
        The skipped inputs (see :func:`skipped_inputs`); each is also logged as a warning.

    Raises:
        NewslabError: A missing path, or nothing loadable (the loader's message).
    """
    skipped = load_articles(articles).skipped
    for path, reason in skipped:
        logger.warning("skipped %s", reason if str(path) in reason else f"{path}: {reason}")
    return skipped


def _drop_stderr(node: Any) -> int:
    """Remove stderr stream outputs from a notebook node in place; return how many."""
    dropped = 0
    for cell in node.cells:
        outputs = cell.get("outputs", [])
        kept = [o for o in outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
        dropped += len(outputs) - len(kept)
        if len(kept) != len(outputs):
            cell["outputs"] = kept
    return dropped


def html_exporter(*, warm: bool = False) -> Any:
    """The nbconvert HTML exporter as the reports use it: lab template, no code, images embedded, offline.

    Args:
        warm: Also convert a two-cell notebook once, which compiles the templates and loads
            the HTML post-processing (about a second, which :func:`run_report` spends while
            the kernel runs); the next conversion then takes only its own time.

    Returns:
        An ``nbconvert.HTMLExporter``; one exporter converts any number of notebooks.
    """
    with jupyter_imports():
        import jinja2
        import nbformat
        from nbconvert import HTMLExporter

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
    if warm:
        sample = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("")
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": "<b>x</b>", "text/plain": "x"})]
        sample.cells = [nbformat.v4.new_markdown_cell("# Warm-up\n\n*a* | b\n--- | ---\n1 | 2"), cell]
        exporter.from_notebook_node(sample, resources={"metadata": {"name": "warm-up"}})
    return exporter


def write_html(notebook: PathArg, html_path: PathArg, *, title: str = "", exporter: Any = None) -> Path:
    """Render an executed notebook to a self-contained HTML page without code input.

    Images are embedded as data URIs, CSS is inlined and no script is fetched from a CDN,
    so the page reads offline. Output written to stderr (warnings, log messages, with local
    paths) is left out of the page; it stays in the executed notebook. The title is escaped
    by nbconvert. The file is written through a temporary file and renamed.

    Args:
        notebook: The executed ``.ipynb``.
        html_path: Where to write the page.
        title: Page title (default: the notebook's file name).
        exporter: An exporter made by :func:`html_exporter` (default: a new one).

    Returns:
        ``Path(html_path)``.
    """
    with jupyter_imports():
        import nbformat
    from newslab.render import atomic_write_text

    source = Path(notebook)
    target = Path(html_path)
    node = nbformat.read(source, as_version=4)
    dropped = _drop_stderr(node)
    if dropped:
        logger.warning("%d stderr output(s) left out of %s; they are in %s", dropped, target.name, source)
    resources = {"metadata": {"name": title or source.stem}}
    body, _ = (exporter or html_exporter()).from_notebook_node(node, resources=resources)
    return atomic_write_text(target, body)


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
    source = _existing_notebook(notebook) if notebook is not None else report_notebook()
    parameters = dict(parameters or {})
    declared = notebook_parameters(source)
    _check_names(parameters, declared, source.name)
    _check_types(parameters, declared, source.name)
    stem = source.stem if name is None else name
    _check_name(stem)
    values = {key: _plain(key, value) for key, value in _absolute_paths(parameters).items()}
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
    if OUTPUT_PARAMETER in declared:
        values[OUTPUT_PARAMETER] = "."  # the notebook's own folder: its files travel with it
    out = _prepare_output_dir(output_dir)
    final, failed = out / stem, out / f"{stem}.failed"
    _check_replaceable(final)
    _check_replaceable(failed)
    remove_leftovers(out)
    with _sigterm_as_exit():
        staging = _make_staging(out, stem, source.name)
        # the HTML exporter is made ready in a thread while the kernel runs (the runner only waits then)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslab-html") as pool:
            try:
                exporter = pool.submit(html_exporter, warm=True) if html else None
                executed = _execute(source, staging, stem, values, progress=progress, timeout=timeout, failed=failed)
                if exporter is not None:
                    title = _title(parameters, declared)
                    write_html(executed, staging / f"{stem}.html", title=title, exporter=exporter.result())
                _replace_dir(staging, final)
            finally:
                shutil.rmtree(staging, ignore_errors=True)  # gone already after a swap
    if is_newslab_report(failed) or _is_legacy_report(failed):
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
        with _kernel_manager_class() as manager_class:
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
        _replace_dir(staging, failed)
        raise ReportError(
            f"{source.name}: code cell In [{err.exec_count}] raised {err.ename}: {err.evalue}; "
            f"the executed notebook is kept for diagnosis in {failed / executed.name}"
        ) from None
    return executed


#: Environment variable naming the human-labeled data folder (see :func:`find_data_folder`).
DATA_ENV = "NEWSLAB_DATA"
#: Where a checkout keeps the human-labeled data, relative to a starting folder.
DATA_CANDIDATES = ("shared/data", "../shared/data", "../../shared/data")
#: Sub-folders that identify the human-labeled data folder.
DATA_MARKERS = ("newsmtsc", "vader_nyt_dev")


def find_data_folder(given: PathArg = "", *, start: Sequence[PathArg] = ()) -> Path | None:
    """The human-labeled data folder: ``given`` if set, else ``$NEWSLAB_DATA``, else a search.

    The search tries :data:`DATA_CANDIDATES` relative to each ``start`` folder, the current
    folder and the folder that holds the installed package (a checkout), and takes the first
    folder holding one of :data:`DATA_MARKERS`. Nothing is downloaded.

    Args:
        given: An explicit path (returned as given, even if missing, so the caller can say so).
        start: Further folders to search from, e.g. the notebook's folder.

    Returns:
        The folder, or None when none is found.

    Example:
        >>> find_data_folder("my/data")
        PosixPath('my/data')
    """
    if str(given):
        return Path(given)
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    checkout = _package_dir().parent
    for base in (*map(Path, start), Path.cwd(), checkout):
        for candidate in DATA_CANDIDATES:
            folder = (base / candidate).resolve()
            if any((folder / marker).is_dir() for marker in DATA_MARKERS):
                return folder
    return None


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
    "MANIFEST",
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
