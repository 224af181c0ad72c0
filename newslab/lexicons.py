"""Packaged word lists and lexicons: the only module that opens newslab's data files.

Lexicons are UTF-8 TSV files with a header row (``term<TAB>score[<TAB>...]``) in
``newslab/data``; word lists (stopwords, abbreviations) are plain text, one entry a
line, ``#`` starting a comment. ``data/SOURCES.md`` tells where each file comes from.

Example:
    >>> from newslab.lexicons import load_wordlist
    >>> "the" in load_wordlist("stopwords_en")
    True
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from newslab.errors import LexiconError

if TYPE_CHECKING:
    from importlib.abc import Traversable


def data_path(name: str) -> Traversable:
    """Return the packaged data file ``newslab/data/<name>``.

    Args:
        name: File name relative to the data folder, e.g. ``"seeds/seeds.json"``.

    Raises:
        LexiconError: If no such file is packaged.
    """
    path = importlib.resources.files("newslab") / "data"
    for part in name.split("/"):
        path = path / part
    if not path.is_file():
        raise LexiconError(f"newslab has no data file {name!r}; is the package installed completely?")
    return path


def available_lexicons() -> list[str]:
    """Names of the packaged TSV lexicons, for :func:`load_lexicon`."""
    folder = importlib.resources.files("newslab") / "data"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".tsv"))


def read_tsv(text: str) -> list[dict[str, str]]:
    r"""Rows of a newslab TSV given as text: a header line, tab-separated, ``#`` lines are comments.

    Fields are taken literally (no quote handling), so regular expressions survive as written.

    Example:
        >>> read_tsv("# a comment\nterm\tweight\ngood\t1.5\n")
        [{'term': 'good', 'weight': '1.5'}]
    """
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Read the packaged TSV ``name`` (without ``.tsv``) as a tuple of row dicts.

    Lines starting with ``#`` are comments. Cached: do not mutate the rows.

    Raises:
        LexiconError: If the lexicon is unknown or has no rows.
    """
    if name not in available_lexicons():
        raise LexiconError(f"unknown lexicon {name!r}; available: {available_lexicons()}")
    rows = tuple(read_tsv(data_path(f"{name}.tsv").read_text(encoding="utf-8")))
    if not rows:
        raise LexiconError(f"lexicon {name!r} has no rows")
    return rows


@functools.cache
def load_lexicon(name: str) -> Mapping[str, float]:
    """Read the packaged TSV lexicon ``name`` as a read-only ``term -> score`` mapping.

    Args:
        name: One of :func:`available_lexicons` (the file name without ``.tsv``).

    Raises:
        LexiconError: If the lexicon is unknown or a score is not a number.
    """
    result: dict[str, float] = {}
    for row in load_table(name):
        try:
            result[row["term"]] = float(row["score"])
        except (KeyError, TypeError, ValueError) as err:
            raise LexiconError(f"lexicon {name!r}: bad row {row!r} (need term and numeric score)") from err
    return MappingProxyType(result)


@functools.cache
def load_wordlist(name: str) -> frozenset[str]:
    """Read the packaged word list ``data/<name>.txt`` (one entry a line) as a frozenset.

    Entries are kept as written (lowercase by convention); ``#`` starts a comment.

    Raises:
        LexiconError: If no such list is packaged.
    """
    with data_path(f"{name}.txt").open(encoding="utf-8") as handle:
        entries = (line.split("#", 1)[0].strip() for line in handle)
        return frozenset(entry for entry in entries if entry)


def stopwords() -> frozenset[str]:
    """The packaged English stopword list (lowercase function words).

    Example:
        >>> from newslab.lexicons import stopwords
        >>> {"the", "of", "trump"} & stopwords() == {"the", "of"}
        True
    """
    return load_wordlist("stopwords_en")


@functools.cache
def _rule_lists(name: str) -> Mapping[str, tuple[tuple[str, str], ...]]:
    """The word lists of the packaged TSV ``name`` (columns list, term, value, source), by list name, in file order."""
    lists: dict[str, list[tuple[str, str]]] = {}
    for row in load_table(name):
        try:
            lists.setdefault(row["list"], []).append((row["term"], row["value"] or ""))
        except (KeyError, TypeError) as err:
            raise LexiconError(f"{name}.tsv: bad row {row!r} (need list, term, value, source)") from err
    return MappingProxyType({key: tuple(rows) for key, rows in lists.items()})


def rule_words(list_name: str, *, name: str = "rule_words") -> tuple[str, ...]:
    """The words of one closed word list of a rule (``data/rule_words.tsv``), in file order.

    Args:
        list_name: The rule's constant as ``<module>.<NAME>``, e.g. ``"stance.REDUCERS"``.
        name: Packaged TSV without ``.tsv``.

    Raises:
        LexiconError: If the table has no such list.

    Example:
        >>> rule_words("tone_lexicon.CONTRAST")
        ('but', 'however', 'yet', 'nevertheless', 'nonetheless')
    """
    return tuple(term for term, _ in _rule_rows(list_name, name))


def rule_word_values(list_name: str, *, name: str = "rule_words") -> Mapping[str, str]:
    """``term -> value`` of one word list of ``data/rule_words.tsv`` (e.g. an honorific -> the gender it implies).

    Raises:
        LexiconError: If the table has no such list.
    """
    return MappingProxyType(dict(_rule_rows(list_name, name)))


def _rule_rows(list_name: str, name: str) -> tuple[tuple[str, str], ...]:
    lists = _rule_lists(name)
    if list_name not in lists:
        raise LexiconError(f"{name}.tsv has no word list {list_name!r}; add its rows, or use one of: {sorted(lists)}")
    return lists[list_name]
