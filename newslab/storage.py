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

import json
import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab.errors import NewslabError, ParameterError

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
PART_NAME = re.compile(r"part-\d{5}\.parquet")
TEMP_NAME = re.compile(r"\.part-\d{5}\.parquet\.tmp|\.manifest\.json\.tmp")
TABLE_NAME = re.compile(r"[a-z_]{1,40}")
#: Columns holding character offsets or counts (checked to be whole numbers within bounds).
_OFFSETS = ("start", "end", "speaker_start", "speaker_end", "sentence_id", "characters", "sentences", "words")


class StorageError(NewslabError, OSError):
    """A saved analysis cannot be written or read."""


def require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise StorageError("saving and loading analyses needs pyarrow: pip install pyarrow") from None


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
    if not isinstance(parts, dict) or not all(TABLE_NAME.fullmatch(str(k)) and count(v) for k, v in parts.items()):
        raise bad("parts", "table name -> number of parts")
    for field in ("rows", "files"):
        value = manifest.get(field, {})
        if not isinstance(value, dict) or not all(isinstance(k, str) and count(v) for k, v in value.items()):
            raise bad(field, "name -> whole number")
    for name in manifest.get("files", {}):
        bits = name.split("/")
        if (
            len(bits) != 3
            or bits[0] != "tables"
            or not TABLE_NAME.fullmatch(bits[1])
            or not PART_NAME.fullmatch(bits[2])
        ):
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

    require_pyarrow()
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
        lowest = -1 if column.startswith("speaker_") else 0  # -1: a quote without a speaker (QUOTE_COLUMNS)
        bad |= (numbers < lowest) | (numbers > MAX_CHARACTERS)
        bad |= numbers.notna() & (numbers != numbers.round())
        if bool(bad.any()):
            row = int(bad.to_numpy().nonzero()[0][0])
            raise StorageError(
                f"{path}: column {column!r} row {row} is {values.iloc[row]!r}, not a whole number in "
                f"[{lowest}, {MAX_CHARACTERS:,}]; the analysis was changed after it was saved: run it again"
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
    "check_article_bounds",
    "check_cache_entry",
    "read_manifest",
    "read_table",
]
