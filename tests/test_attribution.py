"""Speed shortcuts of the attribution rules give what the plain rules give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslab import attribution
from newslab.attribution import _NOUN_BEFORE, NOUN_LOOKBACK, NOUN_REACH

# the determiners the noun test lists, with characters that border them
PIECES = ["Several", "several", "the", "The", "an", "A", "few", "Few", "Trump’s", "Trump's", "3", "x", "s"]
PIECES += [" ", " ", "\u00a0", "\n", ",", "’", "'", "said", "ab"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.integers(0, 60))
def test_noun_test_in_a_short_window_equals_the_long_window(pieces: list[str], lo_back: int) -> None:
    text = "".join(pieces) + "said"
    start = len(text) - len("said")
    lo = max(0, start - lo_back)
    long = _NOUN_BEFORE.search(text, max(lo, start - NOUN_LOOKBACK), start) is not None
    short = _NOUN_BEFORE.search(text, max(lo, start - min(NOUN_LOOKBACK, NOUN_REACH)), start) is not None
    assert short == long


def test_noun_test_finds_its_longest_word_in_the_short_window() -> None:
    text = "He sent several \nsaid"  # "several " ends before the last line break: the widest match
    start = text.index("said")
    assert _NOUN_BEFORE.search(text, start - NOUN_REACH, start) is not None
    assert _NOUN_BEFORE.search(text, start - NOUN_REACH + 1, start) is None


SUBJECT_PIECES = ["Sen.", "Lindsey", "Graham", "the", "To", "after", "al-Assad", "a", "spokesman", "for", "NATO", ",",
                  ", who", "which", "(R-S.C.)", "Thursday", "also", "he", "“", "”", "officials", "and", "—", "\n", ";",
                  "x"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SUBJECT_PIECES), max_size=14), st.sampled_from([" ", "", "  "]))
def test_subject_start_finds_what_the_start_or_lookbehind_branch_finds(pieces: list[str], space: str) -> None:
    chunk = " ".join(pieces) + space
    for pattern in (attribution._SUBJECT_BEFORE, attribution._RELATIVE_SUBJECT, attribution._RELATIVE_NOUN):
        assert pattern.pattern.count(attribution._SUBJECT_START) == 1
        plain = re.compile(pattern.pattern.replace(attribution._SUBJECT_START, r"(?:^|(?<=[\s,;:(“”\"—–]))"))
        found, expected = pattern.search(chunk), plain.search(chunk)
        assert (found and (found.span(), found.groupdict())) == (expected and (expected.span(), expected.groupdict()))
        if pieces:  # also from an offset, as a caller with ``pos`` would search
            pos = len(pieces[0])
            found, expected = pattern.search(chunk, pos), plain.search(chunk, pos)
            assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["X", ",", " ", "who", "which", "wh", "o", "has", "also", "said", "\n"]), max_size=16))
def test_who_test_is_ruled_out_only_where_no_wh_stands(pieces: list[str]) -> None:
    text = "".join(pieces)
    for window in range(len(text) + 1):
        found = attribution._WHO.search(text, window, len(text)) is not None
        assert found <= (text.find("wh", window, len(text)) >= 0)
