"""Checks on regular expressions that users give (target patterns, frame dictionary cues).

Python's ``re`` backtracks, so a pattern that repeats a group which itself repeats, such as
``(a+)+$`` or ``(\\w+\\s?)*x``, can take exponential time on a line that almost matches
(catastrophic backtracking, "ReDoS"). newslab refuses such patterns up front, with a message
that says how to rewrite them, rather than running them with a time limit.

The rule is star height: an unbounded (or long, ``{10,}`` and up) repeat whose body holds a
variable repeat (``+``, ``*``, ``?``, ``{m,n}`` with ``m < n``) is refused. It misses
overlapping alternatives under one repeat (``(a|aa)+``), which are rarer.

Example:
    >>> nested_quantifier(r"(a+)+$")
    '(a+)+'
    >>> nested_quantifier(r"the (?:new )?(?:US )?leader") is None
    True
"""

from __future__ import annotations

import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

#: An outer repeat with at least this many repetitions counts as long (``{10,}`` and up).
LONG_REPEAT = 10

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT} | (
    {sre_constants.POSSESSIVE_REPEAT} if hasattr(sre_constants, "POSSESSIVE_REPEAT") else set()
)

_ATOMIC = getattr(sre_constants, "ATOMIC_GROUP", None)  # Python 3.11+


def _children(op: Any, av: Any) -> list[Any]:
    """The sub-patterns of one parsed item (groups, alternatives, lookarounds)."""
    if op == sre_constants.SUBPATTERN:
        return [av[-1]]
    if op == sre_constants.BRANCH:
        return list(av[1])
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [av[1]]
    if op == sre_constants.GROUPREF_EXISTS:
        return [p for p in av[1:] if p is not None]
    if op == _ATOMIC:
        return [av]
    return []


def _has_variable_repeat(items: Any) -> bool:
    for op, av in items:
        if op in _REPEATS:
            low, high, body = av
            if high > low or _has_variable_repeat(body):
                return True
        elif any(_has_variable_repeat(child) for child in _children(op, av)):
            return True
    return False


def _find_nested(items: Any) -> bool:
    for op, av in items:
        if op in _REPEATS:
            _, high, body = av
            if (high == sre_constants.MAXREPEAT or high >= LONG_REPEAT) and _has_variable_repeat(body):
                return True
            if _find_nested(body):
                return True
        elif any(_find_nested(child) for child in _children(op, av)):
            return True
    return False


def nested_quantifier(pattern: str) -> str | None:
    """``None`` if ``pattern`` is safe by the star-height rule, else an example of what it repeats.

    The example is the shape of the problem, ``'(a+)+'``, for the error message, not a quote
    from the pattern. A pattern that does not parse is left to ``re.compile`` to report.

    Example:
        >>> nested_quantifier(r"(?:\\w+\\s+){0,3}head") is None  # short outer repeat: fine
        True
        >>> nested_quantifier(r"(?:\\w+\\s?)*x")
        '(a+)+'
    """
    try:
        return "(a+)+" if _find_nested(sre_parse.parse(pattern)) else None
    except (re.error, RecursionError, OverflowError, ValueError):
        return None  # re.compile reports a broken pattern with its own message


def unsafe_pattern_message(pattern: str) -> str | None:
    """A sentence explaining why ``pattern`` is refused, or ``None`` when it is safe.

    Example:
        >>> unsafe_pattern_message("(a+)+$").startswith("pattern '(a+)+$' repeats a group")
        True
    """
    if nested_quantifier(pattern) is None:
        return None
    return (
        f"pattern {pattern!r} repeats a group that itself repeats (a nested quantifier, like (a+)+), "
        "which can take exponential time on some texts; rewrite it so that a repeated group holds no "
        "+, *, ? or {m,n} (a+ for (a+)+, \\w+(?: \\w+)* for (\\w+ ?)+)"
    )


__all__ = ["LONG_REPEAT", "nested_quantifier", "unsafe_pattern_message"]
