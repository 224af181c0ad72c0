"""word_start_alternation gives the matches of the plain lookbehind alternation it replaces."""

from __future__ import annotations

import re

import pytest

from newslab.names import word_start_alternation
from newslab.targets import TRUMP

TEXTS = [
    "Trump, anti-Trump, TRUMP and Trumpism; (Trump) “Trump’s” _Trump 3Trump",
    "Donald J. Trump met Donald Trump Jr. at the\nTrump Tower. Mr.Trump",
    "The the. Its its-like this\tThis mythe theThe",
    "",
]


@pytest.mark.parametrize(
    "words", [["Trump", "TRUMP", "Donald Trump", "Donald J. Trump"], ["The", "the", "Its", "This"]]
)
@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_the_lookbehind_form(words: list[str], text: str) -> None:
    plain = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])")
    fast = re.compile(rf"{word_start_alternation(words)}(?![\w-])")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in fast.finditer(text)] or not any(w in text for w in words)


def test_target_names_found_after_the_rewrite() -> None:
    text = "Trump spoke. Anti-Trump protesters and TRUMP fans; Donald J. Trump left."
    assert [m.group() for m in TRUMP._name_re.finditer(text)] == ["Trump", "TRUMP", "Donald J. Trump"]


def test_optional_letter_tried_first_as_greedy_matching_does() -> None:
    text = "An president, a President, an office, A  president, Ana president, the president, Athe president"
    plain = re.compile(r"(?<![\w-])(?:[Aa]n?|[Tt]he)\s+(?P<role>(?i:president))")
    fast = re.compile(rf"{word_start_alternation(['An', 'an', 'A', 'a', 'The', 'the'])}\s+(?P<role>(?i:president))")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(plain.findall(text)) == 4
