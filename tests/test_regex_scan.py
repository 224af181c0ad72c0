"""The regex scan behind a cheap ``in`` test (round sp10) finds what a full scan finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.regex_scan import lowered_letterwise, scan
from newslab.targets import DEFAULT_TARGETS

_WORDS = (
    "President", "Joe Biden", "Mr. Stone", "Russian", "The", "the", "a", "of", "US", "the United States",
    "Trump", "NATO", "president", "leader", "he", "said", ",", ".", "and", "White House", "45-year-old",
    "president who", "has", "alliance", "Alliance", "organization",
)  # fmt: skip

_EPITHET_WORDS = (
    "the Atlantic Alliance", "THE ATLANTIC ALLIANCE", "the atlantic alliance", "American populist", "the White House",
    "White House chief", "the winner of the US elections", "Kelvin \u212a", "İstanbul", "ſ", "Warsaw Pact", "EU", "G7",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(_WORDS + _EPITHET_WORDS), min_size=1, max_size=30).map(" ".join))
def test_scan_equals_a_full_scan(text: str) -> None:
    """``scan`` (a scan only when the lowered text holds a required string) finds what ``finditer`` finds."""
    lowered = lowered_letterwise(text)
    for target in DEFAULT_TARGETS:
        patterns = [target._epithet_re, target._head_re, *target._exclude_res, *target._pattern_res]
        for rx in [p for p in patterns if p is not None]:
            assert [m.span() for m in scan(rx, text, lowered)] == [m.span() for m in rx.finditer(text)]


def test_scan_skips_only_without_the_strings() -> None:
    """A text with an epithet is scanned and finds it; a text without its strings gives none; İ, K: no lowered text."""
    nato = DEFAULT_TARGETS[1]
    rx = nato._epithet_re
    assert rx is not None
    text = "Critics of the Atlantic Alliance spoke."
    assert [m.group() for m in scan(rx, text, lowered_letterwise(text))] == ["the Atlantic Alliance"]
    assert lowered_letterwise("Kelvin \u212a") is None and list(scan(rx, "NATO met.", "nato met.")) == []
