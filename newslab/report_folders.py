"""Report output folders: written complete, marked as newslab's, replaced only when newslab's.

A run works in a staging folder ``OUTPUT_DIR/.NAME.partial-*`` and, on success, replaces
``OUTPUT_DIR/NAME/``. Every folder newslab writes holds a manifest (:data:`MANIFEST`), and an
existing ``NAME/`` or ``NAME.failed/`` is replaced only when it holds one (or is a report of
newslab 0.1.0, which wrote no manifest: only the executed notebook, its HTML and CSV tables).
Output folders inside the installed package are refused.

Example:
    >>> import tempfile
    >>> is_newslab_report(tempfile.mkdtemp())
    False
"""

from __future__ import annotations

import importlib.resources
import json
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path
from typing import Any

from newslab.errors import ParameterError, ReportError
from newslab.report_parameters import PathArg

#: File that marks a folder as written by newslab; only such folders are ever replaced or removed.
MANIFEST = ".newslab-report.json"


#: Seconds after which a staging or kernel folder whose process is gone counts as a leftover.
STALE_SECONDS = 600


def pid_alive(pid: Any) -> bool:
    """Whether a process with this id runs on this host (someone else's counts as running)."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def read_marker(folder: Path, name: str) -> dict[str, Any] | None:
    """The JSON marker ``folder/name`` if ``folder`` is a real folder holding a valid one."""
    path = folder / name
    if folder.is_symlink() or not folder.is_dir() or path.is_symlink() or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("newslab") else None


def write_marker(folder: Path, marker: str, **fields: Any) -> None:
    """Write the JSON marker ``folder/marker``: newslab version, process id, host, time, and ``fields``."""
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
    return read_marker(Path(folder), MANIFEST) is not None


def is_stale(folder: Path, name: str, now: float) -> bool:
    """A newslab folder whose process is gone (on this host) and that is older than STALE_SECONDS."""
    data = read_marker(folder, name)
    if data is None:
        return False
    try:
        age = now - folder.stat().st_mtime
    except OSError:
        return False
    same_host = data.get("host") == socket.gethostname()
    return age > STALE_SECONDS and not (same_host and pid_alive(data.get("pid")))


def owned(path: Path) -> bool:
    """Whether ``path`` belongs to the current user (always true where there are no user ids)."""
    try:
        return not hasattr(os, "getuid") or path.stat().st_uid == os.getuid()
    except OSError:
        return False


def package_dir() -> Path:
    """The folder of the installed ``newslab`` package, resolved."""
    return Path(str(importlib.resources.files("newslab"))).resolve()


def check_report_name(stem: str) -> None:
    """Raise ParameterError unless ``stem`` is a plain file name (no folders, no ``..``, no leading dot)."""
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


def prepare_output_dir(output_dir: PathArg) -> Path:
    """The resolved output folder, created if missing; a clear error instead of an OSError."""
    out = Path(output_dir).expanduser().resolve()
    package = package_dir()
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


def is_legacy_report(folder: Path) -> bool:
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


def check_replaceable(folder: Path) -> None:
    """Raise unless ``folder`` is missing or a newslab report folder (so replacing it loses nothing)."""
    if (folder.is_symlink() or folder.exists()) and not (is_newslab_report(folder) or is_legacy_report(folder)):
        kind = "a file" if folder.is_file() and not folder.is_symlink() else "a folder newslab did not make"
        raise ReportError(
            f"{folder} exists and is {kind} (it has no {MANIFEST}); newslab will not replace it. "
            "Move it away, or choose another --output-dir or --name"
        )


def make_staging(out: Path, stem: str, notebook: str) -> Path:
    """A new staging folder ``out/.STEM.partial-*`` holding a manifest; ParameterError if ``out`` is not writable."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{stem}.partial-", dir=out))
    except OSError as err:
        raise ParameterError(
            f"cannot write in output_dir {out}: {err.strerror or err}; choose a writable folder"
        ) from None
    staging.chmod(0o755)  # mkdtemp makes it private; a report is an ordinary folder
    write_marker(staging, MANIFEST, notebook=notebook, name=stem)
    return staging


def replace_dir(source: Path, target: Path) -> None:
    """Move ``source`` to ``target``, replacing an older ``target`` only once ``source`` is complete.

    An existing ``target`` is replaced only when it is a newslab report folder.
    """
    check_replaceable(target)
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    os.replace(source, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
