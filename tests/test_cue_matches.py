"""Cue matching (newslab.cue_matches): the trie scan finds what the word-by-word lookup finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.cue_matches import cue_reading, cues_by_first_word, find_cues, first_words, silent_forms, word_trie
from newslab.stance import NAMING_VERBS

FORMS, BY_FIRST = cues_by_first_word("stance_cues")
_PIECES = [*sorted(FORMS)[::7], "said", "criticized", "critical of", "anti-", "-", "_", " ", "  ", ", ", "Trump", "é"]
_texts = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.sampled_from(_PIECES).map(str.upper), st.text(max_size=3)), max_size=12
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_first_word_scan_finds_the_same_cues(text: str) -> None:
    assert list(find_cues(text, BY_FIRST, first_words("stance_cues"))) == list(find_cues(text, BY_FIRST))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abcé-", min_size=1, max_size=5), min_size=1, max_size=8), st.text("abcé-", max_size=6)
)
def test_word_trie_matches_exactly_its_words(words: list[str], other: str) -> None:
    trie = re.compile(word_trie(words))
    assert all(trie.fullmatch(w) for w in words)
    assert (trie.fullmatch(other) is not None) == (other in words)


def test_silent_forms_give_no_stance_in_any_reading() -> None:
    silent = silent_forms("stance_cues", NAMING_VERBS)
    assert {"said", "says", "according to"} <= silent
    assert not {"criticized", "called", "support", "supports"} & silent  # a cue, a naming verb, a verb reading
    for form in silent:
        for before in ("", "the ", "Republicans ", "they would ", "Trump’s ", "raised "):
            cue = cue_reading(FORMS[form], form, before, "stance_cues")
            assert cue.polarity == 0 and cue.cue not in NAMING_VERBS, (form, before)


@pytest.mark.parametrize("text", ["Trump said NATO was obsolete.", "anti-criticism", "SAID-so", ""])
def test_find_cues_examples_agree(text: str) -> None:
    assert list(find_cues(text, BY_FIRST, first_words("stance_cues"))) == list(find_cues(text, BY_FIRST))
