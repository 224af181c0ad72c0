"""Regex scans skipped where the text cannot hold a match: a cheap ``in`` test before the scan.

Every match of a regex holds one of its required strings (:func:`newslab.frames.required_strings`),
also under ``(?i)`` in a text that lowers letter for letter (:func:`newslab.anchored.lowers_letterwise`);
a text whose lowercase holds none of them has no match, so :func:`scan` returns none without running
the regex. The mention stage scans a target's epithets, exclusions and patterns this way (most
articles hold none of a target's epithets).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from newslab.anchored import lowers_letterwise
from newslab.frames import required_strings

#: Patterns whose required strings are kept: a target has a few, a run a few targets.
REQUIRED_CACHE_SIZE = 256


@functools.lru_cache(maxsize=REQUIRED_CACHE_SIZE)
def _required_strings(rx: re.Pattern[str]) -> frozenset[str] | None:
    """The lowercase strings one of which every match of a target's pattern holds (None: nothing can be said)."""
    return required_strings(rx.pattern, rx.flags)


def lowered_letterwise(text: str) -> str | None:
    """``text.lower()`` when it lowers letter for letter (:func:`newslab.anchored.lowers_letterwise`), else None.

    Example:
        >>> lowered_letterwise("The Alliance"), lowered_letterwise("Kelvin \\u212a")
        ('the alliance', None)
    """
    return text.lower() if lowers_letterwise(text) else None


def scan(rx: re.Pattern[str], text: str, lowered: str | None) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``, or no match without a scan when ``lowered`` holds none of the strings every match holds.

    Args:
        rx: The regex.
        text: The text to scan.
        lowered: :func:`lowered_letterwise` of ``text`` (None: always scanned).

    Example:
        >>> rx = re.compile(r"(?i:the atlantic alliance)")
        >>> text = "The Atlantic Alliance met."
        >>> [m.span() for m in scan(rx, text, text.lower())], list(scan(rx, "NATO met.", "nato met."))
        ([(0, 21)], [])
    """
    needed = _required_strings(rx)
    if lowered is not None and needed is not None and not any(n in lowered for n in needed):
        return iter(())
    return rx.finditer(text)


__all__ = ["REQUIRED_CACHE_SIZE", "lowered_letterwise", "scan"]
