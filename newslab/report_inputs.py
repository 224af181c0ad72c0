"""The inputs of a report: its articles (and what was skipped) and the human-labeled data folder.

Articles are loaded once before a kernel starts, so an input with nothing loadable fails early
and leaves nothing behind; files that could not be used are returned as data (and listed in the
report and by the CLI), not as warnings.

Example:
    >>> load_articles([]).corpus.ids
    ['es-daily', 'de-dpa']
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from newslab.report_folders import package_dir
from newslab.report_parameters import PathArg

logger = logging.getLogger(__name__)


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


def check_codes(codes: Sequence[PathArg]) -> None:
    """Read the report's ``codes`` (filled coding sheets and their sample file) once before a kernel starts.

    Args:
        codes: The files given to ``newslab report --codes`` (see
            :func:`newslab.validity_report.code_files`).

    Raises:
        NewslabError: Naming the file (and row) and the fix: a missing file, a file that is not a
            sheet or sample, a sheet of another sample, an unknown code, a missing or duplicate item.

    Example:
        >>> check_codes(["no/such/sheet.csv", "no/such/sample_target_tone.json"])
        Traceback (most recent call last):
        ...
        newslab.errors.MissingInputError: no coding sample at 'no/such/sample_target_tone.json'; ...
    """
    from newslab.validity_report import check_codes as read_code_files

    read_code_files(list(codes))


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
    checkout = package_dir().parent
    for base in (*map(Path, start), Path.cwd(), checkout):
        for candidate in DATA_CANDIDATES:
            folder = (base / candidate).resolve()
            if any((folder / marker).is_dir() for marker in DATA_MARKERS):
                return folder
    return None
