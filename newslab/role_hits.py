"""Where an article names someone with a role ("Majority Leader X", "X, the majority leader").

Moved out of :mod:`newslab.speakers` (at9; :class:`RoleHits` at10) to keep that module under the size limit;
the role rule ``role:named-earlier`` reads it there.
"""

from __future__ import annotations

import bisect
import itertools
import re

from newslab.anchored import capitals_before, finditer_at, occurrences


def role_hits(text: str, role_words: str, *, lowered: str | None = None) -> list[tuple[int, int, str]]:
    """Where a text names someone with a role: "Majority Leader X" or "X, the majority leader".

    The same matches as ``re.finditer`` of the two patterns over the whole text. Given
    ``lowered``, they are found by trying the patterns only where the role's first word is
    written (``str.find``), so the cost follows the role's occurrences rather than the text's length.

    Args:
        text: The article's text.
        role_words: Lowercase role words ("majority leader").
        lowered: ``text.lower()`` where :func:`lowers_letterwise`; ``None`` scans the whole text with each pattern.

    Returns:
        ``(start, end, name)`` of every match, the "role name" ones first.

    Example:
        >>> text = "Majority Leader Mitch McConnell spoke. Chuck Schumer, the majority leader, left."
        >>> role_hits(text, "majority leader", lowered=text.lower())
        [(0, 32, 'Mitch McConnell'), (39, 73, 'Chuck Schumer')]
    """
    role = r"[ \u00a0]+".join(re.escape(w) for w in role_words.split())
    before = re.compile(rf"(?i:{role})[ \u00a0]+((?:[A-Z][\w’'.-]*[ \u00a0]?){{1,3}})")
    after = re.compile(rf"((?:[A-Z][\w’'.-]*[ \u00a0]?){{1,3}}),[ \u00a0](?:the[ \u00a0])?(?i:{role})\b")
    if lowered is None or not role_words.isascii() or len(lowered) != len(text):
        matches = [*before.finditer(text), *after.finditer(text)]
        return [(m.start(), m.end(), m.group(1).strip()) for m in matches]
    starts = occurrences(lowered, role_words.split()[0])  # every match of ``before`` starts at one
    tails = re.compile(rf",[ \u00a0](?:the[ \u00a0])?(?i:{role})\b")
    ends = sorted({q for p in starts for q in (p - 2, p - 6) if q >= 0 and tails.match(text, q)})  # ", (the) role"
    names = sorted({s for q in ends for s in capitals_before(text, q)})  # every match of ``after`` starts at one
    matches = [*finditer_at(before, text, starts), *finditer_at(after, text, names)]
    return [(m.start(), m.end(), m.group(1).strip()) for m in matches]


# moved from newslab.speakers (at10), unchanged but for its public name
class RoleHits:
    """The role hits of one role, by end: the latest-starting hit that ends by an offset, by bisect."""

    def __init__(self, hits: list[tuple[int, int, str]]) -> None:
        ordered = sorted(hits, key=lambda h: h[1])
        self.ends = [e for _, e, _ in ordered]
        self.best = list(itertools.accumulate(((s, name) for s, _, name in ordered), max))

    def last_before(self, offset: int) -> str | None:
        """Name of the hit with the greatest (start, name) among those ending at or before ``offset``."""
        k = bisect.bisect_right(self.ends, offset)
        return self.best[k - 1][1] if k else None
