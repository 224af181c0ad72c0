"""The news backoff lexicon of sentence tone: learned valences of words that no lexicon rates.

Sentence tone (:mod:`newslab.tone`) reads VADER's lexicon with newslab's corrections and TextBlob's
pattern lexicon. A news sentence that uses none of their words scores exactly 0, even when readers
find it negative ("The company laid off 3,000 workers"). The backoff lexicon
(``data/sentiment_news_backoff.tsv``, learned by ``validation/learn_tone_backoff.py`` from NewsMTSC
*train* sentences) gives such words a small valence: the mean gold polarity of the sentences that
contain the word, shrunk toward 0 by its count and scaled by one weight chosen by cross-fitted
proxy r (see ``docs/sentiment.md``). It applies only to lowercase tokens that no lexicon rates:
never to a function word, a capitalized word after the first token (a name), or a word any lexicon
lists (even with 0, as the news corrections do for "security"). The words then follow the same
scope rules as lexicon words (negation, boosters, reversal, contrast). The target model does not use it.

It is **opt-in**: sentence tone uses it only when passed (``score_sentiment(text,
backoff=default_backoff())``), because on the NYT editorial snippets it lowered Pearson r (0.591 -> 0.576)
and its valences carry topic priors of 2015-2019 news ("met" +0.46, "server" -1.30).

Example:
    >>> from newslab.tone_lexicon import prepare_lexicon
    >>> backoff = {"layoffs": -0.8, "the": 0.5}  # "the" is a function word: never a backoff word
    >>> backoff_extra("The layoffs", [(0, 3), (4, 11)], ["the", "layoffs"], prepare_lexicon(None), backoff)
    {1: (-0.8, 'news backoff lexicon (learned from NewsMTSC train)')}
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from newslab.lexicons import available_lexicons, load_table, stopwords
from newslab.tone_lexicon import (
    EXTRA_BOOSTERS,
    NEGATORS,
    PreparedLexicon,
    booster_words,
    pattern_polarity,
)

#: The rule text of a backoff word in ``SentimentScore.evidence``.
BACKOFF_RULE = "news backoff lexicon (learned from NewsMTSC train)"
BACKOFF_NAME = "sentiment_news_backoff"


@functools.cache
def default_backoff() -> Mapping[str, float]:
    """The packaged backoff lexicon (``data/sentiment_news_backoff.tsv``): word -> valence, VADER scale.

    Example:
        >>> lex = default_backoff()
        >>> all(w.islower() for w in lex)
        True
    """
    if BACKOFF_NAME not in available_lexicons():
        return MappingProxyType({})
    return MappingProxyType({r["term"]: float(r["score"]) for r in load_table(BACKOFF_NAME)})


@functools.cache
def _closed_words() -> frozenset[str]:
    return frozenset(stopwords() | NEGATORS | set(EXTRA_BOOSTERS) | set(booster_words()))


def backoff_eligible(token: str, lex: PreparedLexicon) -> bool:
    """Whether a lowercase token may carry a backoff valence: a content word that no lexicon rates.

    Example:
        >>> from newslab.tone_lexicon import prepare_lexicon
        >>> [backoff_eligible(w, prepare_lexicon(None)) for w in ["layoffs", "the", "good", "security", "1999"]]
        [True, False, False, False, False]
    """
    return (
        len(token) > 2
        and token.replace("-", "").isalpha()
        and token not in lex.words
        and token not in lex.reversals
        and token not in _closed_words()
        and token not in pattern_polarity()
    )


def backoff_extra(
    text: str,
    spans: Sequence[tuple[int, int]],
    toks: Sequence[str],
    lex: PreparedLexicon,
    backoff: Mapping[str, float],
    offset: int = 0,
) -> dict[int, tuple[float, str]]:
    """Token position -> (valence, rule) of the backoff words in a sentence, for ``lexicon_hits(extra=)``.

    Only words that :func:`backoff_eligible` allows count; a token written with a capital after the
    first token is a name and never counts.
    """
    out: dict[int, tuple[float, str]] = {}
    found = backoff.keys() & toks  # one set operation; most tokens are not backoff words
    if found:
        for i, tok in enumerate(toks):
            if tok not in found or (i and not text[spans[i][0] - offset].islower()):
                continue  # not a backoff word, or a name
            if backoff[tok] and backoff_eligible(tok, lex):
                out[i] = (backoff[tok], BACKOFF_RULE)
    return out
