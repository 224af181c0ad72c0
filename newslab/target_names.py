"""The rules that keep a target's names usable: distinct names, no punctuation or lone function words.

One rule for :class:`newslab.Target`, :func:`newslab.targets_from_spec` (report parameters and
JSON files) and the command line's ``--target``/``--alias`` (issue 24):

* two targets whose names differ only in case or spacing (``Foo``/``foo``, ``EU``/`` eu ``) are
  **refused**, never merged silently (:func:`check_distinct`);
* a name, epithet or head with no letter or digit (``.``) is refused; a lone function word
  (``the``, ``of``) is warned about, since it matches far more than the target (:func:`weak_term`);
* terms are composed (NFC), like the articles newslab loads.

Example:
    >>> weak_term("the"), target_key(" Foo  Bar ")
    ('function word', 'foo bar')
"""

from __future__ import annotations

import unicodedata
import warnings
from collections.abc import Iterable
from typing import Any

from newslab.errors import NewslabWarning, ParameterError
from newslab.lexicons import stopwords


def term_strings(name: str, field: str, value: Any) -> tuple[str, ...]:
    """The strings of a term list, composed (NFC) like the articles; anything but strings is refused.

    Example:
        >>> term_strings("EU", "aliases", "EU"), term_strings("EU", "aliases", ["EU", "European Union"])
        (('EU',), ('EU', 'European Union'))
    """
    if value is None:
        return ()
    values = (value,) if isinstance(value, str) else value
    try:
        values = tuple(values)
    except TypeError:
        values = (value,)
    bad = [v for v in values if not isinstance(v, str)]
    if bad:
        raise ParameterError(
            f"Target {name!r}: {field} must be strings, got {bad[0]!r} ({type(bad[0]).__name__}); "
            f"quote it, e.g. {field}=[{str(bad[0])!r}]"
        )
    return tuple(unicodedata.normalize("NFC", v) for v in values)


def weak_term(term: str) -> str | None:
    """Why a name or phrase would match far more than its target: ``"punctuation"``, ``"function word"`` or ``None``.

    A term with no letter or digit (``"."``, ``"--"``) is punctuation. A lone stopword (``"the"``,
    ``"of"``, ``"The"``) is a function word; an all-capital acronym of two or more letters that
    spells one (``"US"``, ``"WHO"``, ``"IT"``) is not, because names match case-sensitively.
    The same rule serves :class:`Target` and the command line's ``--alias``.

    Example:
        >>> [weak_term(t) for t in [".", "the", "Of", "US", "WHO", "NATO", "the alliance"]]
        ['punctuation', 'function word', 'function word', None, None, None, None]
    """
    text = term.strip()
    if not any(c.isalnum() for c in text):
        return "punctuation"
    acronym = len(text) > 1 and text.isupper()
    if not acronym and text.casefold() in stopwords():
        return "function word"
    return None


def check_term(name: str, field: str, term: str) -> None:
    """Refuse a term that is only punctuation; warn about a lone function word (see :func:`weak_term`).

    Raises:
        ParameterError: For punctuation, naming the target, the term and the fix.

    Example:
        >>> check_term("EU", "aliases", "European Union")
    """
    weak, what = weak_term(term), {"aliases": "alias", "epithets": "epithet", "heads": "head"}[field]
    if weak == "punctuation":
        raise ParameterError(
            f"Target {name!r}: {what} {term!r} has no letter or digit and would match punctuation; "
            f"remove it and give a name the articles use for {name!r}"
        )
    if weak == "function word":
        warnings.warn(
            f"Target {name!r}: {what} {term!r} is a common word and will match far more than {name!r}; "
            f"remove it or give a longer phrase (e.g. {term + ' ' + name!r})",
            NewslabWarning,
            stacklevel=4,
        )


def target_key(name: str) -> str:
    """The form under which two target names count as the same: composed, case-folded, one space between words.

    Example:
        >>> target_key(" Foo  Bar ") == target_key("foo bar")
        True
    """
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def check_distinct(names: Iterable[str], *, where: str = "targets") -> None:
    """Refuse two targets whose names differ only in case or whitespace (or are the same).

    Rule (the same for the API and the command line): such targets are **refused**, never merged
    silently, because their rows would share a name in every table after a case-insensitive
    lookup. Give one target with both spellings as aliases.

    Raises:
        ParameterError: Naming both targets and the fix.

    Example:
        >>> check_distinct(["Foo", "Bar"])
        >>> check_distinct(["Foo", "foo "])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        newslab.errors.ParameterError: targets 'Foo' and 'foo ' ... one target ...
    """
    seen: dict[str, str] = {}
    for name in names:
        key = target_key(name)
        first = seen.get(key)
        if first == name:
            raise ParameterError(
                f"target {name!r} is given twice in {where}; keep one, or give one target with the terms of both "
                f"(e.g. first.extend(aliases=[...]))"
            )
        if first is not None:
            raise ParameterError(
                f"{where} {first!r} and {name!r} differ only in case or spacing; give one target with both "
                f"spellings as aliases, e.g. nl.Target({first!r}, aliases=[{first!r}, {name!r}])"
            )
        seen[key] = name


__all__ = ["check_distinct", "check_term", "target_key", "term_strings", "weak_term"]
