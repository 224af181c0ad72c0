"""Matches tried at anchors are exactly the matches of a scan of the whole text (hypothesis properties)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.anchored import (
    capitalized_run_starts,
    capitals_before,
    finditer_at,
    lowers_letterwise,
    occurrences,
)
from newslab.role_hits import role_hits

#: Pieces that make the patterns match, nearly match and break: cases, spaces, odd case-folding letters.
PIECES = [
    *("Majority", "majority", "MAJORITY", "Leader", "leader", "Senator", "senator", "President", "president"),
    *("Chuck", "Schumer", "McX", "A.", "B.", "Committee", "House", "the", "x", "Xy", "-", "’", "'", "(", "\n"),
    *(" ", " ", "  ", "\u00a0", ", ", ", the ", "ſenator", "\u212a", "\u0130"),
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def scanned(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(["majority leader", "senator", "leader", "president"]))
def test_role_hits_equal_a_scan_of_the_whole_text(text: str, role_words: str) -> None:
    role = r"[ \u00a0]+".join(re.escape(w) for w in role_words.split())
    before = rf"(?i:{role})[ \u00a0]+((?:[A-Z][\w’'.-]*[ \u00a0]?){{1,3}})"
    after = rf"((?:[A-Z][\w’'.-]*[ \u00a0]?){{1,3}}),[ \u00a0](?:the[ \u00a0])?(?i:{role})\b"
    expected = [(m.start(), m.end(), m.group(1).strip()) for p in (before, after) for m in re.finditer(p, text)]
    lowered = text.lower() if lowers_letterwise(text) else None
    assert role_hits(text, role_words, lowered=lowered) == expected


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(["President", "Committee", "Leader"]))
def test_head_patterns_at_anchors_equal_a_scan(text: str, title: str) -> None:
    run = re.compile(rf"(?:[A-Z][\w-]*\s+)+{re.escape(title)}(?![\w-])")
    anchors = capitalized_run_starts(text, occurrences(text, title))
    assert [m.span() for m in finditer_at(run, text, anchors)] == scanned(run.pattern, text)
    named = re.compile(rf"(?<![\w-]){re.escape(title)}\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")
    assert [m.span() for m in finditer_at(named, text, occurrences(text, title))] == scanned(named.pattern, text)


@pytest.mark.parametrize(
    ("text", "end", "starts"),
    [
        ("said that Chuck Schumer, the leader", 23, [10, 16]),
        ("Chuck Schumer", 0, []),
        ("A B C D E,", 9, [2, 4, 6, 8]),  # at most three words with their spaces
    ],
)
def test_capitals_before(text: str, end: int, starts: list[int]) -> None:
    assert capitals_before(text, end) == starts


def test_a_long_run_gives_each_capital_once() -> None:
    text = "A " * 50_000 + "President " * 1_000  # 1,000 ends share one run: the walks stop where one passed
    anchors = capitalized_run_starts(text, occurrences(text, "President"))
    assert anchors == sorted(set(anchors)) and len(anchors) == 50_000 + 999  # not the last "President"
    assert lowers_letterwise(text) and not lowers_letterwise("\u212a")
