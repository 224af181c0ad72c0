"""TextBlob's lexicon loaded without importing TextBlob's package: the same lexicon, the same scores."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.pattern_lexicon import PatternReader, pattern_constants, pattern_sentiment


def test_the_lexicon_equals_textblobs_english_sentiment() -> None:
    from textblob.en import sentiment

    sentiment.load()
    ours = pattern_sentiment()
    assert dict(dict.items(ours)) == dict(dict.items(sentiment))
    assert (ours.negations, ours.modifiers, ours.labeler) == (
        sentiment.negations,
        sentiment.modifiers,
        sentiment.labeler,
    )
    assert dict.__contains__(ours, "terribly")  # textblob.en's adjective -> "-ly" adverb rule ran


def test_assessments_equal_textblobs() -> None:
    from textblob.en import sentiment

    ours = pattern_sentiment()
    for text in ["The talks were not very good at all.", "A terribly sad, awful day!", "Never better.", "no"]:
        words = [(w.strip(".,!").lower(), None) for w in text.split()]
        assert ours.assessments(words, True) == sentiment.assessments(words, True), text


# Words that steer pattern's assessments: lexicon words (adjectives, "-ly" modifiers, words with several
# tags), negations, "!", "(!)", emoticons, punctuation, apostrophes, short and long unknown words.
_WORDS = [
    "good", "bad", "very", "really", "terribly", "not", "no", "never", "n't", "!", "(!)", ":-)", ":(", ";-)",
    ":d", "<3", ",", ".", "'", "''", "'s", "a", "an", "of", "is", "the", "talks", "q", "qq", "qqq", "",
    "great", "awful", "quite", "extremely", "sad", "happy", "only", "nice", "13th", "2nd", "slightly", "",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14))
def test_the_reader_assesses_as_pattern_does(words: list[str]) -> None:
    lexicon = pattern_sentiment()
    assert PatternReader(lexicon).assess(words) == lexicon.assessments([(w, None) for w in words], True)


@pytest.mark.parametrize(
    "text",
    ["The talks were not very good at all !", "A terribly sad , awful day ! (!)", "never really good", "no :-) !"],
)
def test_the_reader_assesses_sentences_as_pattern_does(text: str) -> None:
    lexicon = pattern_sentiment()
    words = text.lower().split()
    assert PatternReader(lexicon).assess(words) == lexicon.assessments([(w, None) for w in words], True)


def test_emoticons_and_punctuation_are_textblobs() -> None:
    import textblob._text as text_module

    emoticons, punctuation = pattern_constants()
    assert punctuation == text_module.PUNCTUATION
    assert ":-)" in emoticons


def test_loading_the_lexicon_imports_neither_textblob_nor_nltk() -> None:
    code = "import sys; from newslab.pattern_lexicon import pattern_sentiment; pattern_sentiment(); " \
           "print(sorted(m for m in ('nltk', 'textblob', 'scipy') if m in sys.modules))"  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
