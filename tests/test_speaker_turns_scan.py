"""The scans of ``family_first`` and ``given_before`` without a pattern per name agree with the regexes they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.speaker_turns import _NAME_TAIL, _given_words_before, _word_then, family_first, given_before

# a small alphabet, so that words, names, spaces (also no-break) and boundaries collide often
TEXT = st.text(alphabet="KkimJongUnFord aB\u00a0.-’'_é1", max_size=60)
WORD = st.sampled_from(["Kim", "Ford", "Blasey Ford", "Jong Un", "im", "K", "_Kim", "Ford.", "éB", "a B"])


@given(TEXT, WORD)
@settings(max_examples=600, deadline=None)
def test_word_then_is_finditer(text: str, word: str) -> None:
    plain = [m.group(1) for m in re.finditer(rf"\b{re.escape(word)}" + _NAME_TAIL.pattern, text)]
    assert [m.group(1) for m in _word_then(text, word, _NAME_TAIL)] == plain


@given(TEXT, WORD)
@settings(max_examples=600, deadline=None)
def test_given_words_before_is_finditer(text: str, name: str) -> None:
    plain = [m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+)[ \u00a0]+{re.escape(name)}\b", text)]
    assert _given_words_before(text, name) == plain


def test_examples_unchanged() -> None:
    text = "North Korean leader Kim Jong Un met him. Mr. Kim smiled."
    assert family_first(text, "Kim", ("Jong Un",)) == "Kim Jong Un"
    assert family_first("Donald Trump spoke at Trump Tower.", "Trump", ("Donald Trump", "Trump Tower")) == ""
    assert given_before("Dr. Christine Blasey Ford testified. Blasey Ford left.", "Blasey Ford") == "f"
    assert _given_words_before("Ann Ford and\u00a0Bob  Ford, xJim Ford", "Ford") == ["Ann", "Bob"]
