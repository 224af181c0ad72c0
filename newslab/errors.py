"""Errors raised by newslab.

Every error is a :class:`NewslabError`, so a notebook can catch them all with one
``except``. Each message names the input that failed and says what to do about it.

Example:
    >>> import newslab as nl
    >>> try:
    ...     nl.load_corpus("no/such/folder")
    ... except nl.NewslabError as err:
    ...     print(type(err).__name__)
    MissingInputError
"""

from __future__ import annotations


class NewslabError(Exception):
    """Base class of every error newslab raises on purpose."""


class CorpusError(NewslabError):
    """An article or corpus file could not be loaded."""


class MissingInputError(CorpusError, FileNotFoundError):
    """A path given to a loader does not exist."""


class EmptyInputError(CorpusError, ValueError):
    """A file or record holds no text (empty or only whitespace)."""


class BinaryInputError(CorpusError, ValueError):
    """A file looks binary (NUL bytes, control characters), not text."""


class DecodingError(CorpusError, ValueError):
    """A file's bytes are neither UTF-8 nor cp1252."""


class UnsupportedFormatError(CorpusError, ValueError):
    """A file has an extension newslab does not read."""


class MissingFieldError(CorpusError, KeyError):
    """A CSV or JSONL record has no ``text`` field (or the field is empty)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class InputTooLargeError(CorpusError, ValueError):
    """A single article is larger than the configured limit."""


class NotAFileError(CorpusError, ValueError):
    """A path is a pipe, a device or a socket, not a regular file newslab can read."""


class MalformedInputError(CorpusError, ValueError):
    """A file's structure is broken: malformed CSV or JSON, duplicate columns, a field of the wrong type."""


class UnknownArticleError(CorpusError, KeyError, IndexError):
    """A corpus has no article with the id or position asked for."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class LexiconError(NewslabError, ValueError):
    """A lexicon or word list is unknown or malformed."""


class ParameterError(NewslabError, ValueError):
    """A function was called with an argument outside its valid choices."""


class CodingError(NewslabError, ValueError):
    """Human codes or a coding sheet are malformed: a missing column, an unknown code, a bad or duplicate id."""


class ReportError(NewslabError, RuntimeError):
    """A report or notebook run failed."""


class PoolError(NewslabError, RuntimeError):
    """A worker process of the pool died (out of memory, killed, or a script re-run without a main guard)."""


class NewslabWarning(UserWarning):
    """Something newslab repaired or replaced on its own (a damaged cache entry, a partial output folder)."""


__all__ = [
    "BinaryInputError",
    "CodingError",
    "CorpusError",
    "DecodingError",
    "EmptyInputError",
    "InputTooLargeError",
    "LexiconError",
    "MalformedInputError",
    "MissingFieldError",
    "MissingInputError",
    "NewslabError",
    "NewslabWarning",
    "NotAFileError",
    "ParameterError",
    "PoolError",
    "ReportError",
    "UnknownArticleError",
    "UnsupportedFormatError",
]
