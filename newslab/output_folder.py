"""Writing analyses transactionally: staging folders, Parquet parts and the manifest.

:func:`begin_output` makes a staging folder next to the target (``.<name>.newslab-staging``,
holding a ``staging.json`` marker with the process id); the parts (:func:`write_part`) and the
manifest (:func:`write_manifest`) go there; :func:`commit_output` swaps it in only when
complete, and :func:`abort_output` removes it after a failure or an interrupt, so the previous
analysis stays as it was. Only newslab's own folders are replaced (:func:`owned_files`); the
layout and the checks on reading are in :mod:`newslab.storage`.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import os
import socket
import uuid
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab.errors import NewslabWarning
from newslab.storage import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    PART_NAME,
    STAGING_FORMAT,
    STAGING_MARK,
    TABLE_NAME,
    TEMP_NAME,
    StorageError,
    read_manifest,
    read_table,
    require_pyarrow,
)

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)


def staging_folder(folder: Path) -> Path:
    """The staging folder of ``folder``: next to it, so that the final rename stays on one file system."""
    return folder.parent / f".{folder.name}.newslab-staging"


def _backup_folder(folder: Path) -> Path:
    return folder.parent / f".{folder.name}.newslab-old"


def begin_output(folder: str | os.PathLike[str]) -> Path:
    """Check that ``folder`` may receive an analysis and make its staging folder; return the staging folder.

    ``folder`` may be new, empty, or an earlier newslab analysis (every file listed in its
    manifest). A staging folder left by an interrupted or failed run is replaced, with a
    warning; one whose process still runs is refused. Nothing in ``folder`` changes here.

    Raises:
        StorageError: ``folder`` is a file, a symbolic link, holds files newslab did not
            write, or another run is writing it.
    """
    require_pyarrow()
    target = Path(folder).expanduser()
    _recover_backup(target)
    if target.is_symlink():
        raise StorageError(
            f"{target} is a symbolic link; give the folder it points to ({os.path.realpath(target)}), "
            "so that newslab never replaces a link"
        )
    if target.exists() and not target.is_dir():
        raise StorageError(f"{target} is a file; choose a folder for the analysis (output_dir=...)")
    if target.is_dir():
        owned_files(target)  # refuses a folder with anything newslab did not write
    staging = staging_folder(target)
    if staging.is_symlink() or (staging.exists() and not staging.is_dir()):
        raise StorageError(f"{staging} is in the way and not newslab's staging folder; move it away")
    if staging.is_dir():
        _replace_stale_staging(staging, target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
        (staging / "tables").mkdir()
        mark = {
            "format": STAGING_FORMAT,
            "target": target.name,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": _now(),
        }
        (staging / STAGING_MARK).write_text(json.dumps(mark), encoding="utf-8")
    except OSError as err:
        raise StorageError(f"cannot create {staging}: {err.strerror}; choose a writable folder for {target}") from None
    return staging


def prepare_output(folder: Path) -> Path:
    """Alias of :func:`begin_output` (the name of earlier versions); returns the staging folder."""
    return begin_output(folder)


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier run in this process that failed
    from newslab.pool import process_alive

    return process_alive(pid)


def _replace_stale_staging(staging: Path, target: Path) -> None:
    """Remove the staging folder of an earlier run, unless that run is still going."""
    try:
        mark = json.loads((staging / STAGING_MARK).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        mark = {}
    if not isinstance(mark, dict):
        mark = {}
    pid = mark.get("pid")
    same_host = mark.get("host") == socket.gethostname()
    if isinstance(pid, int) and same_host and _pid_alive(pid):
        raise StorageError(
            f"another newslab run (process {pid}, started {mark.get('started')}) is writing {target}; "
            "wait for it to finish or stop it, or choose another output folder"
        )
    _remove_owned_tree(staging, _staging_files(staging))
    message = (
        f"{target}: replacing the partial analysis left by an interrupted or failed run in {staging.name} "
        f"(started {mark.get('started', 'at an unknown time')}); newslab starts the run again, it does not resume it"
    )
    logger.warning("%s", message)
    warnings.warn(message, NewslabWarning, stacklevel=4)


def _staging_files(staging: Path) -> list[Path]:
    """The files of a staging folder, all newslab's; anything else (or a link) raises."""
    found: list[Path] = []
    for entry in sorted(staging.iterdir()):
        if entry.name in (STAGING_MARK, MANIFEST) or TEMP_NAME.fullmatch(entry.name):
            if entry.is_symlink() or not entry.is_file():
                raise _foreign(staging, entry)
            found.append(entry)
        elif entry.name == "tables" and entry.is_dir() and not entry.is_symlink():
            found.extend(_table_files(staging, entry, listed=None))
        else:
            raise _foreign(staging, entry)
    return found


def _table_files(folder: Path, tables: Path, listed: set[str] | None) -> list[Path]:
    found: list[Path] = []
    for sub in sorted(tables.iterdir()):
        if sub.is_symlink() or not sub.is_dir() or not TABLE_NAME.fullmatch(sub.name):
            raise _foreign(folder, sub)
        for part in sorted(sub.iterdir()):
            rel = f"tables/{sub.name}/{part.name}"
            ours = (
                (PART_NAME.fullmatch(part.name) or TEMP_NAME.fullmatch(part.name)) if listed is None else rel in listed
            )
            if part.is_symlink() or not part.is_file() or not ours:
                raise _foreign(folder, part)
            found.append(part)
    return found


def _foreign(folder: Path, entry: Path) -> StorageError:
    kind = "symbolic link" if entry.is_symlink() else ("folder" if entry.is_dir() else "file")
    return StorageError(
        f"{folder} holds a {kind} newslab did not write ({entry.relative_to(folder)}); newslab replaces only "
        "its own analyses, so nothing of yours is deleted: choose a new or empty folder, or move that entry away"
    )


def owned_files(folder: Path) -> list[Path]:
    """Every file of the newslab analysis in ``folder`` (empty folder: none).

    Raises:
        StorageError: When ``folder`` holds anything the manifest does not list (a file, a
            symbolic link, a folder), or its manifest is not newslab's.
    """
    entries = sorted(folder.iterdir())
    if not entries:
        return []
    names = {e.name for e in entries}
    if MANIFEST not in names:
        if names == {"tables"} and _looks_partial(folder / "tables"):
            raise StorageError(
                f"{folder} holds the Parquet parts of an incomplete newslab analysis without its manifest (a run of "
                "an older newslab was stopped); newslab deletes only files its manifest lists: delete the folder "
                "yourself, or choose another output folder"
            )
        shown = ", ".join(sorted(names)[:3])
        raise StorageError(
            f"{folder} is not empty and holds no newslab analysis ({shown} ...); choose a new or empty folder, "
            "so that nothing of yours is overwritten"
        )
    manifest_path = folder / MANIFEST
    if manifest_path.is_symlink():
        raise _foreign(folder, manifest_path)
    try:
        manifest = read_manifest(folder)
    except StorageError as err:
        raise StorageError(
            f"{folder} is not empty and its {MANIFEST} is not a valid newslab manifest ({err}); newslab replaces "
            "only its own analyses: choose a new or empty folder"
        ) from None
    listed = _listed_files(folder, manifest)
    found = [manifest_path]
    for entry in entries:
        if entry.name == MANIFEST:
            continue
        if entry.name == "tables" and entry.is_dir() and not entry.is_symlink():
            found.extend(_table_files(folder, entry, listed))
        else:
            raise _foreign(folder, entry)
    return found


def _looks_partial(tables: Path) -> bool:
    """Whether ``tables`` holds only newslab-named parts (``<table>/part-NNNNN.parquet``): a stopped older run."""
    if tables.is_symlink() or not tables.is_dir():
        return False
    try:
        _table_files(tables.parent, tables, listed=None)
    except StorageError:
        return False
    return True


def _listed_files(folder: Path, manifest: Mapping[str, Any]) -> set[str]:
    """The relative paths the manifest lists (version 1 manifests: the part files by name and count)."""
    files = manifest.get("files")
    if isinstance(files, dict):
        return set(files)
    # version 1: no list of files; its parts are part-NNNNN.parquet, as many per table as recorded
    listed: set[str] = set()
    parts = manifest.get("parts", {})
    tables = folder / "tables"
    for name in parts if isinstance(parts, dict) else ():
        sub = tables / str(name)
        if sub.is_dir() and not sub.is_symlink():
            names = sorted(p.name for p in sub.iterdir() if PART_NAME.fullmatch(p.name))
            if len(names) == parts[name]:
                listed.update(f"tables/{name}/{n}" for n in names)
    return listed


def _remove_owned_tree(folder: Path, files: Iterable[Path]) -> None:
    """Unlink ``files`` (never following links), then remove the folders they leave empty."""
    for path in files:
        path.unlink(missing_ok=True)  # unlink removes a link itself, never what it points to
    for sub in sorted((p for p in folder.rglob("*") if p.is_dir() and not p.is_symlink()), reverse=True):
        with contextlib.suppress(OSError):  # a folder still holding something is left
            sub.rmdir()
    try:
        folder.rmdir()
    except OSError as err:
        raise StorageError(
            f"{folder} still holds files newslab did not write ({err.strerror}); move them away and run again"
        ) from None


def _recover_backup(target: Path) -> None:
    """Finish a swap that an interrupt cut short (the previous analysis is kept in ``.<name>.newslab-old``)."""
    backup = _backup_folder(target)
    if not backup.is_dir() or backup.is_symlink():
        return
    if not target.exists():
        os.replace(backup, target)  # the new analysis never arrived: put the previous one back
        warnings.warn(f"{target}: restored the previous analysis after an interrupted save", NewslabWarning, 3)
        return
    try:
        _remove_owned_tree(backup, owned_files(backup))
    except StorageError as err:
        logger.warning("%s: cannot remove the previous analysis %s: %s", target, backup, err)


def abort_output(staging: Path) -> None:
    """Remove a staging folder after a failure (only newslab's files; a folder in doubt is left as it is)."""
    from newslab.pool import shielded

    if not staging.is_dir() or staging.is_symlink():
        return
    with shielded():  # a second Ctrl-C must not leave half a staging folder
        try:
            _remove_owned_tree(staging, _staging_files(staging))
        except (StorageError, OSError) as err:
            logger.warning("left the partial analysis in %s: %s", staging, err)


def commit_output(staging: Path, folder: str | os.PathLike[str]) -> Path:
    """Swap the complete analysis in ``staging`` into ``folder``; the previous one there is removed after.

    Raises:
        StorageError: When ``folder`` changed during the run so that it now holds files
            newslab did not write (the complete analysis stays in ``staging``).
    """
    target = Path(folder).expanduser()
    (staging / STAGING_MARK).unlink(missing_ok=True)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise StorageError(f"{target} changed into a link or a file during the run; the analysis is in {staging}")
    old = owned_files(target) if target.is_dir() else []
    if target.is_dir() and not old:
        target.rmdir()
    if not old:
        os.replace(staging, target)
        return target
    backup = _backup_folder(target)
    os.replace(target, backup)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(backup, target)
        raise
    try:
        _remove_owned_tree(backup, owned_files(backup))
    except (StorageError, OSError) as err:
        logger.warning("%s: the previous analysis stays in %s: %s", target, backup, err)
    return target


def write_part(folder: Path, table: str, part: int, frame: pd.DataFrame) -> Path | None:
    """Write one chunk of a table as ``tables/<table>/part-NNNNN.parquet`` (skipped when empty).

    ``folder`` is a staging folder from :func:`begin_output`; it is never re-created here, so
    a worker still writing after its run was stopped cannot bring it back.
    """
    if not len(frame):
        return None
    if not (folder / "tables").is_dir():
        raise StorageError(f"{folder} is gone (the run was stopped or failed); nothing was written")
    target = folder / "tables" / table / f"part-{part:05d}.parquet"
    target.parent.mkdir(exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        _safe_for_parquet(frame).to_parquet(tmp, index=False, engine="pyarrow")
        os.replace(tmp, target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"cannot write {target}: {err}") from None
    return target


def _safe_for_parquet(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with lone surrogates in text cells replaced (pyarrow refuses them with UnicodeEncodeError)."""
    fixed = None
    for column in frame.columns:
        if frame[column].dtype != object:
            continue
        values = frame[column].tolist()
        if any(isinstance(v, str) and not _encodable(v) for v in values):
            fixed = frame.copy() if fixed is None else fixed
            fixed[column] = [_replace_surrogates(v) if isinstance(v, str) else v for v in values]
    return frame if fixed is None else fixed


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _replace_surrogates(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


def write_manifest(folder: Path, params: dict[str, Any]) -> Path:
    """Write ``manifest.json``: format, versions, time, parameters, parts, rows, input hashes and every file."""
    import pyarrow.parquet as pq

    from newslab import __version__

    counts: dict[str, int] = {}
    rows: dict[str, int] = {}
    files: dict[str, int] = {}
    tables = folder / "tables"
    for sub in sorted(tables.iterdir()) if tables.is_dir() else []:
        parts = sorted(p for p in sub.iterdir() if PART_NAME.fullmatch(p.name))
        counts[sub.name] = len(parts)
        rows[sub.name] = sum(pq.read_metadata(p).num_rows for p in parts)
        files.update({f"tables/{sub.name}/{p.name}": p.stat().st_size for p in parts})
    hashes = {}
    articles = read_table(folder, "articles")
    if len(articles):
        hashes = dict(zip(articles["article_id"].astype(str), articles["input_hash"].astype(str), strict=True))
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "newslab": __version__,
        "created": _now(),
        "run_id": uuid.uuid4().hex,
        "params": params,
        "parts": counts,
        "rows": rows,
        "articles": len(hashes),
        "input_hashes": hashes,
        "files": files,
    }
    target = folder / MANIFEST
    tmp = folder / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(tmp, target)
    return target


__all__ = [
    "abort_output",
    "begin_output",
    "commit_output",
    "owned_files",
    "prepare_output",
    "staging_folder",
    "write_manifest",
    "write_part",
]
