"""Saving analyses: Parquet tables (through pyarrow) and a manifest, written so that nothing is lost.

Layout of a saved analysis::

    folder/manifest.json                 newslab version, parameters, tables and row counts, input hashes
    folder/tables/<table>/part-00000.parquet ...

A folder is written only when it is new, empty, or an earlier newslab analysis (known by its
manifest); then only the files newslab wrote there are replaced. Each file is written to a
temporary name and renamed when complete.
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab.errors import NewslabError, ParameterError

if TYPE_CHECKING:
    import pandas as pd

MANIFEST = "manifest.json"
FORMAT = "newslab-analysis"
FORMAT_VERSION = 1


class StorageError(NewslabError, OSError):
    """A saved analysis cannot be written or read."""


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise StorageError("saving and loading analyses needs pyarrow: pip install pyarrow") from None


def prepare_output(folder: Path) -> None:
    """Make ``folder`` ready for a new analysis, or refuse (never deleting what newslab did not write)."""
    _require_pyarrow()
    if folder.exists() and not folder.is_dir():
        raise StorageError(f"{folder} is a file; choose a folder for the analysis (output_dir=...)")
    if folder.is_dir():
        entries = [p.name for p in folder.iterdir()]
        if entries and MANIFEST not in entries:
            raise StorageError(
                f"{folder} is not empty and holds no newslab analysis ({', '.join(sorted(entries)[:3])} ...); "
                "choose a new or empty folder, so that nothing of yours is overwritten"
            )
        if MANIFEST in entries:
            _remove_parts(folder)
    try:
        (folder / "tables").mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StorageError(f"cannot create {folder}: {err.strerror}; choose a writable folder") from None


def _remove_parts(folder: Path) -> None:
    """Delete the Parquet parts and manifest of an earlier analysis (only files newslab names so)."""
    tables = folder / "tables"
    if tables.is_dir():
        for sub in tables.iterdir():
            if sub.is_dir():
                for part in sub.glob("part-*.parquet"):
                    part.unlink()
    (folder / MANIFEST).unlink()


def write_part(folder: Path, table: str, part: int, frame: pd.DataFrame) -> Path | None:
    """Write one chunk of a table as ``tables/<table>/part-NNNNN.parquet`` (skipped when empty)."""
    if not len(frame):
        return None
    target = folder / "tables" / table / f"part-{part:05d}.parquet"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        frame.to_parquet(tmp, index=False, engine="pyarrow")
        os.replace(tmp, target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"cannot write {target}: {err}") from None
    return target


def read_table(folder: Path, table: str) -> pd.DataFrame:
    """A table of a saved analysis (its parts concatenated in order; list cells as Python lists)."""
    import pandas as pd

    from newslab.stages import COLUMNS, LIST_COLUMNS

    _require_pyarrow()
    parts = sorted((folder / "tables" / table).glob("part-*.parquet"))
    if not parts:
        return pd.DataFrame([], columns=COLUMNS[table])
    frames = [pd.read_parquet(p, engine="pyarrow") for p in parts]
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    for column in LIST_COLUMNS.get(table, ()):
        if column in frame:
            frame[column] = [list(v) if v is not None else [] for v in frame[column]]
    return frame


def write_manifest(folder: Path, params: dict[str, Any]) -> Path:
    """Write ``manifest.json``: format, newslab version, time, parameters, row counts and input hashes."""
    from newslab import __version__

    counts = {}
    for sub in sorted((folder / "tables").iterdir()) if (folder / "tables").is_dir() else []:
        counts[sub.name] = len(list(sub.glob("part-*.parquet")))
    hashes = {}
    articles = read_table(folder, "articles")
    if len(articles):
        hashes = dict(zip(articles["article_id"].astype(str), articles["input_hash"].astype(str), strict=True))
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "newslab": __version__,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "params": params,
        "parts": counts,
        "articles": len(hashes),
        "input_hashes": hashes,
    }
    target = folder / MANIFEST
    tmp = folder / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, target)
    return target


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a saved analysis; a clear error when ``folder`` is not one."""
    path = folder / MANIFEST
    if not path.is_file():
        raise ParameterError(f"{folder} holds no saved analysis (no {MANIFEST}); write one with nl.analyze(...).save()")
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise StorageError(f"{path} cannot be read ({err}); save the analysis again") from None
    if manifest.get("format") != FORMAT:
        raise StorageError(f"{path} is not a newslab analysis manifest")
    return manifest
