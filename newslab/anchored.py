"""Regular-expression matches tried only at anchors, so that a rule costs what its anchors cost.

A pattern such as ``(?:[A-Z][\\w-]*\\s+)+President`` is tried by ``re.finditer`` at every capital
of an article; a rule that runs it once per head word or per role phrase then costs the
article's length each time. The matches can only start near a literal word ("President"),
which ``str.find`` finds at C speed: :func:`finditer_at` tries the pattern at those offsets only
and returns the same matches as ``finditer`` over the whole text (leftmost first, never
overlapping), provided the offsets include every place where a match can start.

Example:
    >>> import re
    >>> text = "Vice President Vance met President Trump."
    >>> pattern = re.compile(r"(?<![\\w-])President\\s+(?P<name>[A-Z]\\w*)")
    >>> [m.group("name") for m in finditer_at(pattern, text, occurrences(text, "President"))]
    ['Vance', 'Trump']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Characters that ignore-case matching takes for an ASCII letter although they are none (İ ı ſ K);
#: "İ" also lowercases to two characters.
CASE_ODDITIES = ("\u0130", "\u0131", "\u017f", "\u212a")


def occurrences(text: str, word: str) -> list[int]:
    """Every offset where ``word`` is written in ``text``, overlapping ones too (by ``str.find``).

    Example:
        >>> occurrences("aaa", "aa")
        [0, 1]
    """
    found = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, tried only at ``starts``.

    Args:
        pattern: A compiled pattern that cannot match the empty string.
        text: The text.
        starts: Offsets in ascending order (repeats allowed) that include every offset where a
            match of ``pattern`` can start; the pattern is not tried anywhere else.

    Returns:
        The matches, leftmost first, none overlapping the one before (as ``finditer`` gives them).
    """
    found: list[re.Match[str]] = []
    resume = 0
    for start in starts:
        if start >= resume and (m := pattern.match(text, start)) is not None:
            found.append(m)
            resume = m.end()
    return found


def lowers_letterwise(text: str) -> bool:
    """Whether ``text.lower()`` lowercases letter for letter into what ``(?i)`` takes as equal.

    Then an ASCII word that a ``(?i)`` pattern matches at an offset of ``text`` is written at the
    same offset of ``text.lower()`` in lowercase, and :func:`occurrences` there finds every anchor.

    Example:
        >>> lowers_letterwise("Majority Leader"), lowers_letterwise("Kelvin \\u212a")
        (True, False)
    """
    return not any(c in text for c in CASE_ODDITIES)


_NAME_CHARS = re.compile(r"[\w’'.-]")


def capitals_before(text: str, end: int, *, words: int = 3) -> list[int]:
    """Offsets of capitals from which up to ``words`` words (each with one optional space) can run to ``end``.

    A superset of the starts of ``(?:[A-Z][\\w’'.-]*[ \\u00a0]?){1,words}`` matches that end at
    ``end``: the walk back stops at a character no such word holds, or at the ``words + 1``-th space.

    Example:
        >>> text = "said that Chuck Schumer, the leader"
        >>> [text[i] for i in capitals_before(text, text.index(","))]
        ['C', 'S']
    """
    at, spaces = end, 0
    while at > 0:
        char = text[at - 1]
        if char in " \u00a0":
            spaces += 1
            if spaces > words:
                break
        elif not _NAME_CHARS.match(char):
            break
        at -= 1
    return [i for i in range(at, end) if "A" <= text[i] <= "Z"]


_WORD_CHAR = re.compile(r"[\w-]")


def capitalized_run_starts(text: str, ends: Iterable[int]) -> list[int]:
    """Offsets of capitals from which ``(?:[A-Z][\\w-]*\\s+)+`` can run to one of ``ends`` (a superset, sorted).

    Walks back from each end over whitespace and one word at a time: every capital inside the
    word is a possible start, and the run goes on to the word before only while the word begins
    with a capital right after whitespace. A walk stops where an earlier walk passed (the rest is
    the same), so the cost is linear in the text however many ends share one long run.

    Example:
        >>> text = "the McDonald House Committee"
        >>> [text[i:i + 3] for i in capitalized_run_starts(text, [text.index("Committee")])]
        ['McD', 'Don', 'Hou']
    """
    starts: set[int] = set()
    walked: set[int] = set()
    for end in ends:
        at = end
        while at not in walked:
            walked.add(at)
            space = at
            while space > 0 and text[space - 1].isspace():
                space -= 1
            if space == at:
                break  # no whitespace before: no word of the run ends here
            word = space
            while word > 0 and _WORD_CHAR.match(text[word - 1]):
                word -= 1
            starts.update(i for i in range(word, space) if "A" <= text[i] <= "Z")
            if word == space or not ("A" <= text[word] <= "Z"):
                break
            at = word
    return sorted(starts)
