"""TextBlob's lexicon loaded without importing TextBlob's package: the same lexicon, the same scores."""

from __future__ import annotations

import subprocess
import sys

from newslab.pattern_lexicon import pattern_constants, pattern_sentiment


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
