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
import re
import string
from collections.abc import Sequence

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    allcap_differential,
    normalize,
)

from newslab.lexicons import rule_words

#: Words before a sentiment word that VADER's negation and idiom rules read (``i - 3`` .. ``i - 1``).
WORDS_BEFORE = 3
#: Words after it that the idiom rule reads (``i + 1``, ``i + 2``).
WORDS_AFTER = 2


_NEGATIONS = frozenset(NEGATE)
_PUNCTUATION = string.punctuation  # what SentiText strips from each word's ends
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _negated(word: str) -> bool:
    """VADER's ``negated([word])`` for one lowercased word."""
    return word in _NEGATIONS or "n't" in word


class _SentiWords:
    """What VADER's rules read of a ``SentiText``: its words and whether only some are in capitals."""

    __slots__ = ("is_cap_diff", "words_and_emoticons")

    def __init__(self, words: list[str]) -> None:
        self.words_and_emoticons = words
        # allcap_differential is True only if some word is in capitals: without one, skip its Python loop
        self.is_cap_diff = any(map(str.isupper, words)) and allcap_differential(words)


#: First and second words of VADER's multiword idioms and n-gram boosters ("kiss of death", "kind of"):
#: ``_special_idioms_check`` changes a valence only when its window holds one of each.
_IDIOM_KEYS = [k.split() for k in [*SPECIAL_CASES, *BOOSTER_DICT] if " " in k]
_IDIOM_FIRST = frozenset(k[0] for k in _IDIOM_KEYS)
_IDIOM_SECOND = frozenset(k[1] for k in _IDIOM_KEYS)


#: Words that, among the three before a lexicon word, may change its valence in ``sentiment_valence``: boosters
#: (``scalar_inc_dec``), negations (``_negation_check``; also any word holding "n't"), and the words its rules
#: name (``data/rule_words.tsv``, ``vader.RULE_WORDS``: "no", "never"/"so"/"this" x1.25, "without doubt", "least").
_MODIFIERS = frozenset(BOOSTER_DICT) | _NEGATIONS | frozenset(rule_words("vader.RULE_WORDS"))


class LinearVader(SentimentIntensityAnalyzer):
    """``SentimentIntensityAnalyzer`` with its three quadratic rules made linear (same scores)."""

    def __init__(self) -> None:
        super().__init__()
        self._ascii_free = not any(e.isascii() for e in self.emojis)

    def _has_emoji(self, text: str) -> bool:
        if not self._ascii_free:
            return not self.emojis.keys().isdisjoint(text)
        # every emoji is non-ASCII, so only the text's non-ASCII characters can be one (the same test, fewer lookups)
        return not text.isascii() and not self.emojis.keys().isdisjoint("".join(_NON_ASCII.findall(text)))

    def _sentiments(self, text: str) -> list[float]:
        """VADER's valence of every word of ``text`` (stripped, without emoji), after its rules but before "but".

        These shortcuts leave the result unchanged: only the words in the lexicon are read (VADER
        gives every other word 0: ``sentiment_valence`` appends 0 for it); a text with no lexicon
        word at all is all 0; the words are split as ``SentiText`` splits them, without building one.
        """
        # SentiText's words: split on whitespace, punctuation stripped unless 2 characters or fewer remain
        punctuation = _PUNCTUATION  # a local: the comprehension reads it once per word
        words = [w if len(stripped := w.strip(punctuation)) <= 2 else stripped for w in text.split()]
        lexicon, last = self.lexicon, len(words) - 1
        lows = list(map(str.lower, words))
        sentiments: list[float] = [0] * len(words)
        in_lexicon = [i for i, low in enumerate(lows) if low in lexicon]
        if not in_lexicon:
            return sentiments
        sentitext = _SentiWords(words)
        scratch: list[float] = []
        for i in in_lexicon:
            low = lows[i]
            if low in BOOSTER_DICT or (low == "kind" and i < last and lows[i + 1] == "of"):
                continue  # VADER gives boosters and "kind (of)" 0
            if self._plain(lows, i, low) and not (sentitext.is_cap_diff and words[i].isupper()):
                sentiments[i] = lexicon[low]  # every rule of sentiment_valence leaves the lexicon value as it is
            else:
                sentiments[i] = self.sentiment_valence(0, sentitext, words[i], i, scratch).pop()
        if "but" in lows:
            sentiments = self._but_check(words, sentiments)
        return sentiments

    @staticmethod
    def _plain(lows: list[str], i: int, low: str) -> bool:
        """Whether VADER's ``sentiment_valence`` gives the lexicon word ``lows[i]`` its lexicon value unchanged.

        True when the word is not "no" and no word that a rule reads changes it: none of the three words
        before it is in :data:`_MODIFIERS` or holds "n't", and (from the fourth word on, where the idiom
        rule runs) no idiom or n-gram booster fits around it (the test of :meth:`_special_idioms_check`).
        Capitals are tested by the caller. ``False`` only means: ask ``sentiment_valence``.
        """
        if i < WORDS_BEFORE:
            before = lows[:i]
        else:
            before = lows[i - WORDS_BEFORE : i]
            window = lows[i - WORDS_BEFORE : i + WORDS_AFTER + 1]
            if not (_IDIOM_FIRST.isdisjoint(window) or _IDIOM_SECOND.isdisjoint(window)):
                return False
        if low == "no" or not _MODIFIERS.isdisjoint(before):
            return False
        return not any("n't" in w for w in before)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """VADER's scores of ``text``, as ``SentimentIntensityAnalyzer.polarity_scores`` computes them.

        Text without an emoji skips the character-by-character emoji rewrite (see :meth:`_sentiments`
        for the other shortcuts).
        """
        if self._has_emoji(text):
            return dict(super().polarity_scores(text))
        text = text.strip()
        return dict(self.score_valence(self._sentiments(text), text))

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]``, without VADER's positive, negative and neutral shares.

        The compound part of VADER's ``score_valence``: the sum of the word valences, moved away from 0
        by the punctuation emphasis, normalized and rounded to 4 places.
        """
        if self._has_emoji(text):
            return float(super().polarity_scores(text)["compound"])
        text = text.strip()
        sentiments = self._sentiments(text)
        if not sentiments:
            return 0.0
        sum_s = float(sum(sentiments))
        if sum_s > 0:
            sum_s += self._punctuation_emphasis(text)
        elif sum_s < 0:
            sum_s -= self._punctuation_emphasis(text)
        return float(round(normalize(sum_s), 4))

    @staticmethod
    def _negation_check(valence: float, words_and_emoticons: Sequence[str], start_i: int, i: int) -> float:
        """VADER's negation rule for the word at ``i`` and the word ``start_i + 1`` before it.

        The same branches as ``SentimentIntensityAnalyzer._negation_check``, reading only the
        three words before ``i`` and testing one word for negation with a set lookup (VADER's
        ``negated`` copies its list of negations on every call).
        """
        words = words_and_emoticons  # VADER calls this rule only for i > start_i: words i - start_i - 1 .. i - 1 exist
        back1 = str(words[i - 1]).lower()
        if start_i == 0:
            if _negated(back1):
                valence *= N_SCALAR
        elif start_i == 1:
            back2 = str(words[i - 2]).lower()
            if back2 == "never" and back1 in ("so", "this"):
                valence *= 1.25
            elif not (back2 == "without" and back1 == "doubt") and _negated(back2):
                valence *= N_SCALAR
        elif start_i == 2:
            back2, back3 = str(words[i - 2]).lower(), str(words[i - 3]).lower()
            if (back3 == "never" and back2 in ("so", "this")) or back1 in ("so", "this"):
                valence *= 1.25
            elif not (back3 == "without" and "doubt" in (back2, back1)) and _negated(back3):
                valence *= N_SCALAR
        return float(valence)

    @staticmethod
    def _special_idioms_check(valence: float, words_and_emoticons: Sequence[str], i: int) -> float:
        low = max(0, i - WORDS_BEFORE)
        window = list(words_and_emoticons[low : i + WORDS_AFTER + 1])
        lows = [str(w).lower() for w in window]
        if _IDIOM_FIRST.isdisjoint(lows) or _IDIOM_SECOND.isdisjoint(lows):
            return valence  # no idiom or n-gram booster fits in the window: VADER's rule leaves the valence
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
