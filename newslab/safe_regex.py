"""Checks on regular expressions that users give (target patterns, frame dictionary cues).

Python's ``re`` backtracks, so a pattern that repeats a group which itself repeats, such as
``(a+)+$`` or ``(\\w+\\s?)*x``, can take exponential time on a line that almost matches
(catastrophic backtracking, "ReDoS"). newslab refuses such patterns up front, with a message
that says how to rewrite them, rather than running them with a time limit.

Two rules, each about an unbounded (or long, ``{10,}`` and up) repeat:

- star height: its body holds a variable repeat (``+``, ``*``, ``?``, ``{m,n}`` with
  ``m < n``), as in ``(a+)+``;
- ambiguous alternation: its body holds alternatives that can begin with the same character,
  as in ``(?:x|x)*y`` or ``(a|aa)+`` (each extra character doubles the ways to split a line
  that almost matches: 14 s on 27 characters). Alternatives with disjoint first characters,
  ``(?:\\s|,)+`` or ``(?:[a-z]|\\d)+``, pass. The test is conservative: ``(?:ab|ac)+`` is
  refused too, and ``a(?:b|c)`` is the rewrite the message suggests.

Example:
    >>> nested_quantifier(r"(a+)+$")
    '(a+)+'
    >>> nested_quantifier(r"the (?:new )?(?:US )?leader") is None
    True
    >>> ambiguous_alternation(r"(?:x|x)*y"), ambiguous_alternation(r"(?:\\s|,)+") is None
    ('x', True)
"""

from __future__ import annotations

import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    from re import _compiler as sre_compile
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_compile
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


#: Characters tried when comparing the first characters of alternatives (plus the pattern's own literals).
_SAMPLE = "".join(chr(c) for c in range(32, 127)) + "\t\n\u00a0éßøñ€—“”‘’«»中新"
_SINGLE = {sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.IN, sre_constants.ANY}


def _first_chars(items: Any, sample: str) -> set[str] | None:
    """Characters of ``sample`` a sub-pattern can begin with; ``None`` when that cannot be told simply."""
    data = list(items)
    if not data:
        return None
    op, av = data[0]
    if op in _SINGLE:
        try:
            single = sre_compile.compile(sre_parse.SubPattern(items.state, [data[0]]))
        except Exception:  # an item re cannot compile on its own: no verdict
            return None
        return {c for c in sample if single.match(c)}
    if op == sre_constants.SUBPATTERN:
        return _first_chars(av[-1], sample)
    if op in _REPEATS and av[0] >= 1:
        return _first_chars(av[2], sample)
    if op == sre_constants.BRANCH:
        found: set[str] = set()
        for alternative in av[1]:
            first = _first_chars(alternative, sample)
            if first is None:
                return None
            found |= first
        return found
    return None


def _find_ambiguous(items: Any, sample: str, loop: set[str] | None) -> str | None:
    """A character two alternatives can both begin with, inside a long repeat (``loop``: its body's first chars).

    The parser factors common prefixes out (``(?:x|x)`` becomes ``x(?:|)``, ``(a|aa)`` becomes
    ``a(?:|a)``), so an empty alternative begins with whatever follows it: the rest of the
    body, or the next repetition.
    """
    data = list(items)
    for k, (op, av) in enumerate(data):
        if op in _REPEATS:
            _, high, body = av
            long = high == sre_constants.MAXREPEAT or high >= LONG_REPEAT
            found = _find_ambiguous(body, sample, _first_chars(body, sample) if long else loop)
            if found:
                return found
        elif op == sre_constants.BRANCH:
            if loop is not None:
                rest = sre_parse.SubPattern(items.state, data[k + 1 :]) if k + 1 < len(data) else None
                after = _first_chars(rest, sample) if rest is not None else loop
                firsts = [_first_chars(a, sample) if len(a) else after for a in av[1]]
                for i, a in enumerate(firsts):
                    for b in firsts[i + 1 :]:
                        if a is not None and b is not None and a & b:
                            return sorted(a & b)[0]
            for alternative in av[1]:
                found = _find_ambiguous(alternative, sample, loop)
                if found:
                    return found
        else:
            for child in _children(op, av):
                found = _find_ambiguous(child, sample, loop)
                if found:
                    return found
    return None


def ambiguous_alternation(pattern: str) -> str | None:
    """A character two alternatives under one long repeat can both begin with, or ``None``.

    Example:
        >>> ambiguous_alternation(r"(a|aa)+"), ambiguous_alternation(r"(?:Mr|Mrs)\\.? \\w+") is None
        ('a', True)
    """
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    literals = "".join(chr(av) for op, av in _walk(parsed) if op == sre_constants.LITERAL and av < 0x110000)
    try:
        return _find_ambiguous(parsed, _SAMPLE + literals, None)
    except RecursionError:
        return None


def _walk(items: Any) -> Any:
    for op, av in items:
        yield op, av
        if op in _REPEATS:
            yield from _walk(av[2])
        for child in _children(op, av):
            yield from _walk(child)


def unsafe_pattern_message(pattern: str) -> str | None:
    """A sentence explaining why ``pattern`` is refused, or ``None`` when it is safe.

    Example:
        >>> unsafe_pattern_message("(a+)+$").startswith("pattern '(a+)+$' repeats a group")
        True
    """
    if nested_quantifier(pattern) is None:
        overlap = ambiguous_alternation(pattern)
        if overlap is None:
            return None
        return (
            f"pattern {pattern!r} repeats a choice whose alternatives can both begin with {overlap!r} "
            "(an ambiguous alternation, like (?:x|x)* or (a|aa)+), which can take exponential time on some "
            "texts; make the alternatives start differently (a(?:b|c) for (?:ab|ac)) or drop the repeat"
        )
    return (
        f"pattern {pattern!r} repeats a group that itself repeats (a nested quantifier, like (a+)+), "
        "which can take exponential time on some texts; rewrite it so that a repeated group holds no "
        "+, *, ? or {m,n} (a+ for (a+)+, \\w+(?: \\w+)* for (\\w+ ?)+)"
    )


__all__ = ["LONG_REPEAT", "ambiguous_alternation", "nested_quantifier", "unsafe_pattern_message"]
