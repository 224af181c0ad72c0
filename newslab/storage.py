"""Saving analyses: Parquet tables (through pyarrow) and a manifest, written so that nothing is lost.

Layout of a saved analysis::

    folder/manifest.json                 format marker and version, newslab version, parameters,
                                         parts and rows per table, input hashes, every file written
    folder/tables/<table>/part-00000.parquet ...

Writes are transactional. :func:`begin_output` makes a staging folder next to the target
(``.<name>.newslab-staging``, holding a ``staging.json`` marker with the process id); the
parts and the manifest go there; :func:`commit_output` swaps it in only when complete. A
failure or an interrupt leaves the previous analysis as it was; the staging folder it leaves
is newslab's, is recognized by the next run, and is replaced (never resumed: a partial run may
have stopped mid-part).

Only newslab's own folders are replaced: a folder whose ``manifest.json`` carries newslab's
format marker and lists every file in it. Deleting never follows a symbolic link and never
touches a file the manifest does not list. Loading checks the manifest's schema and version,
the parts against the manifest, the column schemas and the numbers later used to allocate
memory (:func:`read_manifest`, :func:`read_table`, :func:`check_article_bounds`); cache
entries are checked against their article (:func:`check_cache_entry`).

Example:
    >>> import tempfile, newslab as nl
    >>> folder = Path(tempfile.mkdtemp()) / "run"
    >>> a = nl.analyze(nl.load_seed_corpus(), tables=["mentions"])
    >>> a.save(folder).name, sorted(p.name for p in folder.iterdir())
    ('run', ['manifest.json', 'tables'])
    >>> nl.Analysis.load(folder).save(folder) == folder  # saving into its own folder keeps every row
    True
    >>> len(nl.Analysis.load(folder).mentions) == len(a.mentions)
    True
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import os
import re
import socket
import uuid
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab.errors import NewslabError, NewslabWarning, ParameterError

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

MANIFEST = "manifest.json"
FORMAT = "newslab-analysis"
#: Version 2 adds ``files`` (every file written, with its size), ``rows`` and ``run_id``.
FORMAT_VERSION = 2
STAGING_MARK = "staging.json"
STAGING_FORMAT = "newslab-staging"
#: Largest article (characters) a saved analysis may describe: the loaders' own limit.
MAX_CHARACTERS = 5_000_000  # readers.MAX_ARTICLE_CHARS
_PART = re.compile(r"part-\d{5}\.parquet")
_TEMP = re.compile(r"\.part-\d{5}\.parquet\.tmp|\.manifest\.json\.tmp")
_TABLE = re.compile(r"[a-z_]{1,40}")
#: Columns holding character offsets or counts (checked to be whole numbers within bounds).
_OFFSETS = ("start", "end", "speaker_start", "speaker_end", "sentence_id", "characters", "sentences", "words")


class StorageError(NewslabError, OSError):
    """A saved analysis cannot be written or read."""


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise StorageError("saving and loading analyses needs pyarrow: pip install pyarrow") from None


# --------------------------------------------------------------------------- writing, transactionally


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
    _require_pyarrow()
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
        if entry.name in (STAGING_MARK, MANIFEST) or _TEMP.fullmatch(entry.name):
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
        if sub.is_symlink() or not sub.is_dir() or not _TABLE.fullmatch(sub.name):
            raise _foreign(folder, sub)
        for part in sorted(sub.iterdir()):
            rel = f"tables/{sub.name}/{part.name}"
            ours = (_PART.fullmatch(part.name) or _TEMP.fullmatch(part.name)) if listed is None else rel in listed
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
            names = sorted(p.name for p in sub.iterdir() if _PART.fullmatch(p.name))
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
        parts = sorted(p for p in sub.iterdir() if _PART.fullmatch(p.name))
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


# --------------------------------------------------------------------------- reading, with checks


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a saved analysis, its schema checked; a clear error when ``folder`` is not one.

    Raises:
        ParameterError: ``folder`` has no manifest.
        StorageError: The manifest is unreadable, not newslab's, from a newer newslab, or
            malformed (each message names the file and the fix).
    """
    folder = Path(folder).expanduser()
    path = folder / MANIFEST
    if not path.is_file():
        raise ParameterError(f"{folder} holds no saved analysis (no {MANIFEST}); write one with nl.analyze(...).save()")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as err:
        raise StorageError(f"{path} cannot be read ({type(err).__name__}); save the analysis again") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise StorageError(f"{path} is not a newslab analysis manifest (no format {FORMAT!r}); save the analysis again")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StorageError(f"{path}: format_version={version!r} is not a version number; save the analysis again")
    if version > FORMAT_VERSION:
        raise StorageError(
            f"{path} was written by newslab {manifest.get('newslab', '?')} in format version {version}; this "
            f"newslab reads up to version {FORMAT_VERSION}: upgrade newslab (pip install -U newslab) to load it"
        )
    _check_manifest_fields(path, manifest)
    return manifest


def _check_manifest_fields(path: Path, manifest: Mapping[str, Any]) -> None:
    def bad(field: str, expected: str) -> StorageError:
        shown = repr(manifest.get(field))[:60]
        return StorageError(f"{path}: {field!r} is {shown}, expected {expected}; save the analysis again")

    def count(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10**12

    if not isinstance(manifest.get("params", {}), dict):
        raise bad("params", "an object")
    params = manifest.get("params", {})
    if not isinstance(params.get("targets", {}), dict) or not isinstance(params.get("tables", []), list):
        raise bad("params", "targets as an object and tables as a list")
    parts = manifest.get("parts", {})
    if not isinstance(parts, dict) or not all(_TABLE.fullmatch(str(k)) and count(v) for k, v in parts.items()):
        raise bad("parts", "table name -> number of parts")
    for field in ("rows", "files"):
        value = manifest.get(field, {})
        if not isinstance(value, dict) or not all(isinstance(k, str) and count(v) for k, v in value.items()):
            raise bad(field, "name -> whole number")
    for name in manifest.get("files", {}):
        bits = name.split("/")
        if len(bits) != 3 or bits[0] != "tables" or not _TABLE.fullmatch(bits[1]) or not _PART.fullmatch(bits[2]):
            raise bad("files", "paths tables/<table>/part-NNNNN.parquet")
    if not count(manifest.get("articles", 0)):
        raise bad("articles", "a whole number")
    if not isinstance(manifest.get("input_hashes", {}), dict):
        raise bad("input_hashes", "an object")


def read_table(folder: Path, table: str, manifest: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """A table of a saved analysis (its parts concatenated in order; list cells as Python lists).

    With ``manifest`` (as :meth:`newslab.Analysis.load` passes it), the parts on disk must be
    exactly those the manifest lists, with the recorded sizes and row counts, and the columns
    and offsets must have the expected types and bounds.

    Raises:
        StorageError: A part is missing, foreign, truncated, or has the wrong columns.
    """
    import pandas as pd

    from newslab.stages import COLUMNS, LIST_COLUMNS

    _require_pyarrow()
    folder = Path(folder)
    sub = folder / "tables" / table
    found = sorted(sub.glob("part-*.parquet")) if sub.is_dir() and not sub.is_symlink() else []
    if manifest is not None:
        found = _check_parts(folder, table, found, manifest)
    if not found:
        return pd.DataFrame([], columns=COLUMNS[table])
    try:
        frames = [pd.read_parquet(p, engine="pyarrow") for p in found]
    except Exception as err:  # pyarrow raises its own ArrowInvalid, OSError, ...
        raise StorageError(
            f"{sub} cannot be read ({type(err).__name__}: {str(err)[:120]}); the analysis is damaged: run it again"
        ) from None
    for path, frame in zip(found, frames, strict=True):
        _check_columns(path, table, frame, COLUMNS[table])
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    recorded = manifest.get("rows", {}).get(table) if manifest is not None else None
    if recorded is not None and len(frame) != recorded:
        raise StorageError(
            f"{sub} has {len(frame)} rows, the manifest records {recorded}; the analysis was "
            "changed after it was saved: run it again"
        )
    for column in LIST_COLUMNS.get(table, ()):
        if column in frame:
            frame[column] = [list(v) if v is not None else [] for v in frame[column]]
    return frame


def _check_parts(folder: Path, table: str, found: list[Path], manifest: Mapping[str, Any]) -> list[Path]:
    sub = folder / "tables" / table
    names = {f"tables/{table}/{p.name}": p for p in found}
    files = manifest.get("files")
    if isinstance(files, dict):
        listed = {k: v for k, v in files.items() if k.startswith(f"tables/{table}/")}
        missing = sorted(set(listed) - set(names))
        extra = sorted(set(names) - set(listed))
        if missing:
            raise StorageError(
                f"{folder / missing[0]} is listed in the manifest but missing; the analysis is incomplete: "
                "run it again (or restore the file)"
            )
        if extra:
            raise StorageError(
                f"{folder / extra[0]} is not part of this analysis (the manifest does not list it); "
                "remove it, or run the analysis again"
            )
        for rel, size in listed.items():
            if names[rel].is_symlink() or names[rel].stat().st_size != size:
                raise StorageError(
                    f"{folder / rel} is not the file newslab wrote (size or type changed); run the analysis again"
                )
    else:
        expected = manifest.get("parts", {}).get(table)
        if expected is not None and expected != len(found):
            raise StorageError(
                f"{sub} holds {len(found)} parts, the manifest records {expected}; remove the parts newslab did "
                "not write, or run the analysis again"
            )
    if table == "articles" and not found and manifest.get("articles", 0):
        raise StorageError(f"{sub} is missing ({manifest['articles']} articles recorded); run the analysis again")
    return sorted(names.values())


#: Columns added in later versions: an analysis saved before them loads without them.
_OPTIONAL = {"articles": ("metadata",)}


def _check_columns(path: Path, table: str, frame: pd.DataFrame, expected: list[str]) -> None:
    missing = [c for c in expected if c not in frame.columns and c not in _OPTIONAL.get(table, ())]
    if missing:
        raise StorageError(
            f"{path} lacks the columns {missing} of table {table!r}; it is not a part newslab wrote: run the "
            "analysis again"
        )
    import pandas as pd

    for column in _OFFSETS:
        if column not in frame.columns or not len(frame):
            continue
        values = frame[column]
        numbers = pd.to_numeric(values, errors="coerce")
        bad = numbers.isna() & values.notna() if column.startswith("speaker_") else numbers.isna()
        bad |= (numbers < 0) | (numbers > MAX_CHARACTERS)
        bad |= numbers.notna() & (numbers != numbers.round())
        if bool(bad.any()):
            row = int(bad.to_numpy().nonzero()[0][0])
            raise StorageError(
                f"{path}: column {column!r} row {row} is {values.iloc[row]!r}, not a whole number in "
                f"[0, {MAX_CHARACTERS:,}]; the analysis was changed after it was saved: run it again"
            )


def check_article_bounds(row: Mapping[str, Any], sentences: pd.DataFrame, where: str) -> int:
    """Check an articles row and its sentences before an article is rebuilt; return its length.

    Raises:
        StorageError: For a length outside ``[0, MAX_CHARACTERS]`` or a sentence outside it.
    """
    try:
        characters = int(row["characters"])
    except (TypeError, ValueError, KeyError):
        characters = -1
    if not 0 <= characters <= MAX_CHARACTERS:
        raise StorageError(
            f"{where}: article {row.get('article_id')!r} has characters={row.get('characters')!r}, outside "
            f"[0, {MAX_CHARACTERS:,}]; the saved analysis was changed: run it again"
        )
    for start, end, text in zip(sentences["start"], sentences["end"], sentences["text"], strict=True):
        if not (0 <= int(start) <= int(end) <= characters) or int(start) + len(str(text)) > characters:
            raise StorageError(
                f"{where}: a sentence of article {row.get('article_id')!r} at {start}-{end} does not fit its "
                f"{characters} characters; the saved analysis was changed: run it again"
            )
    return characters


def check_cache_entry(
    data: Any, article_id: str, text_length: int, tables: Iterable[str], columns: Mapping[str, list[str]]
) -> str | None:
    """What is wrong with a cache entry for an article (``None``: nothing; it can be trusted).

    The entry must be ``{"article_id": id, "rows": {table: [row, ...]}}`` with the article's
    id, one articles row with the article's length, every table asked for, rows of the
    table's width keyed by the article, and offsets inside the text.

    Example:
        >>> cols = {"articles": ["article_id", "characters"], "sentences": ["article_id", "start", "end"]}
        >>> check_cache_entry({"article_id": "a", "rows": {"articles": [["a", 4]], "sentences": [["a", 0, 9]]}},
        ...                   "a", 4, ["sentences"], cols)
        "sentences row 0: end=9 outside the article's 4 characters"
    """
    if not isinstance(data, dict) or data.get("article_id") != article_id or not isinstance(data.get("rows"), dict):
        return "not an entry for this article"
    rows = data["rows"]
    wanted = (set(tables) - {"errors"}) | {"articles"}
    if not wanted <= set(rows) or not set(rows) <= set(columns):
        return f"tables {sorted(rows)}, expected {sorted(wanted)}"
    for name, table in rows.items():
        if not isinstance(table, list):
            return f"table {name!r} is not a list"
        width = len(columns[name])
        at = {c: columns[name].index(c) for c in ("start", "end", "characters") if c in columns[name]}
        for k, row in enumerate(table):
            if not isinstance(row, list) or len(row) != width or row[0] != article_id:
                return f"{name} row {k} is not a row of this article's {name} table"
            for column, i in at.items():
                value = row[i]
                if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= text_length:
                    return f"{name} row {k}: {column}={value!r} outside the article's {text_length} characters"
    if len(rows["articles"]) != 1 or rows["articles"][0][at_index(columns, "characters")] != text_length:
        return "its articles row does not match the article"
    if "sentences" in rows:
        count = rows["articles"][0][at_index(columns, "sentences")]
        if len(rows["sentences"]) != count or (text_length and not count):
            return f"{len(rows['sentences'])} sentence rows for {count} sentences"
    return None


def at_index(columns: Mapping[str, list[str]], column: str) -> int:
    """Position of ``column`` in the articles table's rows."""
    return columns["articles"].index(column)


__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "StorageError",
    "abort_output",
    "begin_output",
    "check_article_bounds",
    "check_cache_entry",
    "commit_output",
    "owned_files",
    "read_manifest",
    "read_table",
    "staging_folder",
    "write_manifest",
    "write_part",
]
