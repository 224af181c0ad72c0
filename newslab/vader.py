"""VADER in linear time: the same scores as ``vaderSentiment``, without its whole-sentence rescans.

vaderSentiment 3.3.2 lowercases the whole word list of a sentence again for every
sentiment word it checks (``_negation_check``, ``_special_idioms_check``) and finds each
score's position with ``list.index`` after a "but" (``_but_check``). A sentence of ``n``
words therefore costs ``O(n²)``: one 32 KB sentence of emoji (each becomes words such as
"grinning face") took 84 s. :class:`LinearVader` overrides those three rules so that each
looks only at the words it reads (three before, two after) and keeps the positions of
scores in a heap. The scores are identical, including the quirk of ``_but_check`` that
rescales the *first* score equal to each value (tests compare both on many sentences).

Example:
    >>> from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    >>> text = "The talks were not bad, but the outcome was very disappointing."
    >>> LinearVader().polarity_scores(text) == SentimentIntensityAnalyzer().polarity_scores(text)
    True
"""

from __future__ import annotations

import heapq
import string
from collections.abc import Sequence

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    NEGATE,
    SentimentIntensityAnalyzer,
    allcap_differential,
)

#: Words before a sentiment word that VADER's negation and idiom rules read (``i - 3`` .. ``i - 1``).
WORDS_BEFORE = 3
#: Words after it that the idiom rule reads (``i + 1``, ``i + 2``).
WORDS_AFTER = 2


_NEGATIONS = frozenset(NEGATE)


def _negated(word: str) -> bool:
    """VADER's ``negated([word])`` for one lowercased word."""
    return word in _NEGATIONS or "n't" in word


class _SentiWords:
    """What VADER's rules read of a ``SentiText``: its words and whether only some are in capitals."""

    __slots__ = ("is_cap_diff", "words_and_emoticons")

    def __init__(self, words: list[str]) -> None:
        self.words_and_emoticons = words
        self.is_cap_diff = allcap_differential(words)


class LinearVader(SentimentIntensityAnalyzer):
    """``SentimentIntensityAnalyzer`` with its three quadratic rules made linear (same scores)."""

    def polarity_scores(self, text: str) -> dict[str, float]:
        """VADER's scores of ``text``, as ``SentimentIntensityAnalyzer.polarity_scores`` computes them.

        These shortcuts leave the result unchanged: text without an emoji skips the character-by-
        character emoji rewrite; a word outside the lexicon scores 0 without the call to
        ``sentiment_valence`` (which appends 0 for it), and a text with no lexicon word at all goes
        straight to the final scoring; the words are split as ``SentiText`` splits them, without
        building one.
        """
        if not self.emojis.keys().isdisjoint(text):
            return dict(super().polarity_scores(text))
        text = text.strip()
        # SentiText's words: split on whitespace, punctuation stripped unless 2 characters or fewer remain
        words = [w if len(stripped := w.strip(string.punctuation)) <= 2 else stripped for w in text.split()]
        lexicon, last = self.lexicon, len(words) - 1
        lows = list(map(str.lower, words))
        if lexicon.keys().isdisjoint(lows):
            # no word in the lexicon: every word scores 0 (the rules only change the score of a
            # lexicon word, and the "but" rule rescales 0 to 0)
            return dict(self.score_valence([0] * len(words), text))
        sentitext = _SentiWords(words)
        sentiments: list[float] = []
        for i, item in enumerate(words):
            low = lows[i]
            if low in BOOSTER_DICT or low not in lexicon or (low == "kind" and i < last and lows[i + 1] == "of"):
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        if "but" in text.lower():  # every word is a piece of the text: without "but" in it, no word is "but"
            sentiments = self._but_check(words, sentiments)
        return dict(self.score_valence(sentiments, text))

    @staticmethod
    def _negation_check(valence: float, words_and_emoticons: Sequence[str], start_i: int, i: int) -> float:
        """VADER's negation rule for the word at ``i`` and the word ``start_i + 1`` before it.

        The same branches as ``SentimentIntensityAnalyzer._negation_check``, reading only the
        three words before ``i`` and testing one word for negation with a set lookup (VADER's
        ``negated`` copies its list of negations on every call).
        """
        words = words_and_emoticons  # VADER calls this rule only for i > start_i: words i - start_i - 1 .. i - 1 exist

        def back(n: int) -> str:
            return str(words[i - n]).lower()

        if start_i == 0:
            if _negated(back(1)):
                valence *= N_SCALAR
        elif start_i == 1:
            if back(2) == "never" and back(1) in ("so", "this"):
                valence *= 1.25
            elif not (back(2) == "without" and back(1) == "doubt") and _negated(back(2)):
                valence *= N_SCALAR
        elif start_i == 2:
            if (back(3) == "never" and back(2) in ("so", "this")) or back(1) in ("so", "this"):
                valence *= 1.25
            elif not (back(3) == "without" and "doubt" in (back(2), back(1))) and _negated(back(3)):
                valence *= N_SCALAR
        return float(valence)

    @staticmethod
    def _special_idioms_check(valence: float, words_and_emoticons: Sequence[str], i: int) -> float:
        low = max(0, i - WORDS_BEFORE)
        window = list(words_and_emoticons[low : i + WORDS_AFTER + 1])
        return float(SentimentIntensityAnalyzer._special_idioms_check(valence, window, i - low))

    @staticmethod
    def _but_check(words_and_emoticons: Sequence[str], sentiments: list[float]) -> list[float]:
        """VADER's "but" rule: scores before the first "but" x0.5, after it x1.5.

        As in vaderSentiment, the score rescaled for the k-th value is the first one equal to
        it at that moment (``sentiments.index``); a heap per value finds it in ``O(log n)``.
        """
        but = next((k for k, w in enumerate(words_and_emoticons) if str(w).lower() == "but"), None)
        if but is None:
            return sentiments
        positions: dict[float, list[int]] = {}
        for k in range(len(sentiments)):
            value = sentiments[k]  # still the original: only positions <= k have been rescaled
            heap = positions.setdefault(value, [])
            heapq.heappush(heap, k)
            while sentiments[heap[0]] != value:  # stale: that position was rescaled since
                heapq.heappop(heap)
            first = heap[0]
            if first == but:
                continue
            new = value * 0.5 if first < but else value * 1.5
            sentiments[first] = new
            heapq.heappush(positions.setdefault(new, []), first)
        return sentiments


__all__ = ["LinearVader"]
