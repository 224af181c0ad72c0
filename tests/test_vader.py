"""LinearVader gives vaderSentiment's scores exactly, in linear time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from newslab.vader import LinearVader

ORIGINAL = SentimentIntensityAnalyzer()
LINEAR = LinearVader()

# words that trigger each rule VADER has: negation, "but", idioms, boosters, "least", caps, emoji
RULE_WORDS = [
    "but",
    "not",
    "good",
    "bad",
    "never",
    "so",
    "this",
    "without",
    "doubt",
    "kind",
    "of",
    "sort",
    "very",
    "least",
    "at",
    "no",
    "nor",
    "or",
    "great",
    "the",
    "bomb",
    "yeah",
    "right",
    "cut",
    "the",
    "mustard",
    "BAD",
    "GOOD",
    "😀",
    "😡",
    ":)",
    "!",
    "?",
    "kiss",
    "death",
    "to",
    "die",
    "for",
    "beating",
    "heart",
    "just",
    "enough",
    "bus",
    "stop",
    "worst",
    "don't",
    "NOT",
    "Good",
]


@pytest.mark.parametrize(
    "text",
    [
        "The talks were not bad, but the outcome was very disappointing.",
        "Good, good, good but bad, bad and good.",  # repeated values: _but_check rescales the first equal one
        "It was kind of good but at least not the worst, never so bad.",
        "NATO is GREAT but Trump is not 😀 :)",
        "Never so good, without doubt great, this is not so bad and isn't without doubt terrible.",
        "He never this happy; they cannot really like it, nor hate it.",
        "but",
        "",
    ],
)
def test_same_scores_on_rule_heavy_sentences(text: str) -> None:
    assert LINEAR.polarity_scores(text) == ORIGINAL.polarity_scores(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(RULE_WORDS), min_size=1, max_size=40).map(" ".join))
def test_same_scores_on_random_rule_words(text: str) -> None:
    assert LINEAR.polarity_scores(text) == ORIGINAL.polarity_scores(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(RULE_WORDS), min_size=0, max_size=40).map(" ".join))
def test_compound_is_vaders_compound(text: str) -> None:
    assert LINEAR.compound(text) == ORIGINAL.polarity_scores(text)["compound"]


@pytest.mark.parametrize(
    "text",
    ["It was the kiss of death, but yeah right.", "A beating heart 😀", "  ", "Just enough!!", "NOT GOOD at all?? no"],
)
def test_compound_on_idioms_emoji_and_punctuation(text: str) -> None:
    assert LINEAR.compound(text) == ORIGINAL.polarity_scores(text)["compound"]


def test_long_sentence_is_linear() -> None:
    def best(text: str) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            LINEAR.polarity_scores(text)
            times.append(time.perf_counter() - start)
        return min(times)

    sentence = "good 😀 but not bad " * 500  # ~10 KB, one sentence
    assert best(sentence * 2) < 4 * best(sentence) + 0.05


# words for the fast path: lexicon words, each kind of modifier, words holding "n't", idiom parts, capitals
PLAIN_WORDS = [*RULE_WORDS, "isn't", "won't", "barely", "extremely", "Great", "GREAT", "war", "peace", "happy", "sad",
               "nothing", "aint", "hardly", "kinda", "a", "Trump", "."]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PLAIN_WORDS), min_size=1, max_size=12))
def test_plain_lexicon_words_get_what_sentiment_valence_gives(words: list[str]) -> None:
    from newslab.vader import _SentiWords

    lows = [w.lower() for w in words]
    senti = _SentiWords(words)
    for i, low in enumerate(lows):
        if low in LINEAR.lexicon and LINEAR._plain(lows, i, low) and not (senti.is_cap_diff and words[i].isupper()):
            assert LINEAR.sentiment_valence(0, senti, words[i], i, []) == [LINEAR.lexicon[low]]
            assert ORIGINAL.sentiment_valence(0, senti, words[i], i, []) == [LINEAR.lexicon[low]]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PLAIN_WORDS), min_size=0, max_size=30).map(" ".join))
def test_compound_with_the_fast_path_is_vaders_compound(text: str) -> None:
    assert LINEAR.compound(text) == ORIGINAL.polarity_scores(text)["compound"]
    assert LINEAR.polarity_scores(text) == ORIGINAL.polarity_scores(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "“", "é", "—", "😀", "❤", "☺", "\u2019", "x", "1"]), max_size=30))
def test_emoji_test_on_non_ascii_characters_equals_the_test_on_every_character(text: str) -> None:
    assert LINEAR._has_emoji(text) == (not LINEAR.emojis.keys().isdisjoint(text))
