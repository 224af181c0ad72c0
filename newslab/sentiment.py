"""Sentence tone and sentiment toward a target, with the evidence behind every number.

Two published lexicons are run side by side, and newslab adds its own news-aware reading:

* ``vader``: VADER's compound score (Hutto & Gilbert 2014, the ``vaderSentiment`` package,
  unchanged) on the sentence text.
* ``polarity`` / ``subjectivity``: TextBlob's pattern lexicon and rules (De Smedt & Daelemans
  2012, the ``textblob`` package) applied to newslab's word tokens.
* ``compound``: newslab's recommended tone in [-1, 1]. It re-reads VADER's lexicon with
  news-specific corrections (``data/sentiment_news_adjustments.tsv``: topical words such as
  "security" or "support" are not evaluative in news) and newslab's news evaluation lexicon
  (``data/sentiment_news_evaluative.tsv``: "caves", "backs down", "under fire", matched on
  tokens), scoped negation, reversal ("end the war"), intensifiers and contrast, then mixes that
  score with TextBlob's polarity (one share calibrated on the NYT development data; see
  ``docs/sentiment.md``).

The code lives in three modules, by concept: :mod:`newslab.tone_lexicon` (the lexicons and the
rule-based reading of a token list), :mod:`newslab.tone` (sentence tone) and
:mod:`newslab.target_tone` (the target model); this module re-exports their public names.

:func:`target_sentiment` labels the sentiment expressed *toward* a span of text with a
linear model shipped as plain weights (``data/target_sentiment_model.tsv``, trained by
``validation/train_target_model.py``); the evidence lists the features that decided the label.

Example:
    >>> s = score_sentiment("This isn't a bad idea.")
    >>> s.compound > 0
    True
    >>> for e in s.evidence:
    ...     print(e.source, e.term, round(e.weight, 2), e.rule)
    newslab bad 1.85 negated by "n't"
    textblob a bad 0.35
    >>> s = score_sentiment("The new system is still not working.")
    >>> s.compound < 0, s.vader
    (True, 0.0)
"""

from __future__ import annotations

from newslab.tables import article_sentiment, sentiment_table  # table functions: views of the pass, above it
from newslab.target_reading import SPEAKER_ELSEWHERE
from newslab.target_tone import (
    Feature,
    TargetSentiment,
    sentence_target_tones,
    target_features,
    target_sentiment,
    target_sentiment_many,
)
from newslab.tone import (
    LABEL_THRESHOLD,
    TEXTBLOB_SHARE,
    TONE_COLUMNS,
    Evidence,
    SentimentScore,
    score_sentiment,
    tone_rows,
)
from newslab.tone_lexicon import LABELS, news_lexicon

__all__ = [
    "LABELS",
    "LABEL_THRESHOLD",
    "SPEAKER_ELSEWHERE",
    "TEXTBLOB_SHARE",
    "TONE_COLUMNS",
    "Evidence",
    "Feature",
    "SentimentScore",
    "TargetSentiment",
    "article_sentiment",
    "news_lexicon",
    "score_sentiment",
    "sentence_target_tones",
    "sentiment_table",
    "target_features",
    "target_sentiment",
    "target_sentiment_many",
    "tone_rows",
]
