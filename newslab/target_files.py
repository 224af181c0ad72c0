"""Reading a targets file: a TSV like the packaged ``targets.tsv``, or a JSON mapping.

The public entry is :func:`newslab.load_targets`; this module holds the parsing, so that
:mod:`newslab.targets` stays about what a target is. Nothing in a file is dropped silently: a
row without a term, an empty entry, or two names that differ only in case is a
:class:`~newslab.errors.LexiconError` naming the file (and the line) and the fix.

Example:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "eu.json"
    >>> _ = path.write_text('{"EU": ["European Union"]}')
    >>> [t.aliases for t in read_targets_file(path)]
    [('EU', 'European Union')]
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from newslab.errors import LexiconError, MissingInputError, ParameterError
from newslab.lexicons import read_tsv
from newslab.target_names import check_distinct
from newslab.targets import Target, target_from_rows, targets_from_spec


def read_targets_file(path: str | os.PathLike[str]) -> tuple[Target, ...]:
    r"""Targets from a TSV (``target, kind, term``) or JSON file (see :func:`newslab.load_targets`).

    Raises:
        MissingInputError: If the file does not exist.
        LexiconError: For a malformed file, naming it and the fix.

    Example:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "eu.tsv"
        >>> _ = path.write_text("target\tkind\tterm\nEU\tname\tEU\nEU\thead\tbloc\n")
        >>> [(t.name, t.heads) for t in read_targets_file(path)]
        [('EU', ('bloc',))]
    """
    file = Path(path)
    if not file.is_file():
        raise MissingInputError(f"targets file {str(file)!r} not found")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(f"cannot read targets file {str(file)!r}: {err}") from None
    if file.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise LexiconError(f"{file.name}: not valid JSON ({err})") from None
        try:
            return targets_from_spec(data)
        except ParameterError as err:
            raise LexiconError(f"{file.name}: {err}") from None
    rows = read_tsv(text)
    if not rows or not {"target", "kind", "term"} <= set(rows[0]):
        raise LexiconError(f"{file.name}: expected a TSV with columns target, kind, term (or a .json mapping)")
    by_name: dict[str, list[dict[str, str]]] = {}
    for line, row in enumerate(rows, 2):
        if not (row.get("term") or "").strip():  # never dropped silently
            raise LexiconError(
                f"{file.name}, line {line}: target {row.get('target')!r}, kind {row.get('kind')!r} has no term; "
                "fill the term column or delete the row"
            )
        by_name.setdefault((row.get("target") or "").strip(), []).append(row)
    if "" in by_name:
        raise LexiconError(f"{file.name}: a row has an empty target column")
    try:
        check_distinct(by_name, where="target names")  # "Foo" rows and "foo" rows: refused, as in JSON
    except ParameterError as err:
        raise LexiconError(f"{file.name}: {err}") from None
    try:
        return tuple(target_from_rows(group, file.name) for group in by_name.values())
    except ParameterError as err:
        raise LexiconError(f"{file.name}: {err}") from None


def load_targets(path: str | os.PathLike[str]) -> tuple[Target, ...]:
    r"""Targets from a file: a TSV like the packaged ``targets.tsv`` or a JSON mapping.

    The TSV has the columns ``target, kind, term`` (and optionally ``note``); kinds are
    ``name, epithet, head, modifier, pattern, exclude, type, pronoun``, one row per term, and
    lines starting with ``#`` are comments. The JSON file holds the mapping that
    :func:`targets_from_spec` takes.

    Raises:
        MissingInputError: If the file does not exist.
        LexiconError: For a malformed file.

    Example:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "eu.tsv"
        >>> _ = path.write_text("target\tkind\tterm\nEU\tname\tEU\nEU\thead\tbloc\nEU\ttype\torganization\n")
        >>> [(t.name, t.heads, t.kind) for t in load_targets(path)]
        [('EU', ('bloc',), 'organization')]
    """
    return read_targets_file(path)


__all__ = ["load_targets", "read_targets_file"]
