"""TextBlob's pattern sentiment lexicon, loaded without importing TextBlob's package.

``import textblob`` imports its ``blob`` module, which imports all of nltk, which imports
scipy.stats and scikit-learn: about 2 s of CPU in every fresh process (each report kernel and
each worker of a process pool) before the first sentence is scored. newslab needs only the
sentiment lexicon and its ``assessments`` rule, which live in ``textblob/_text.py`` (adapted
from the pattern library; it imports nothing but the standard library) and
``textblob/en/en-sentiment.xml``. :func:`pattern_sentiment` loads that one source file of the
installed TextBlob directly (the documented ``importlib`` recipe for importing a source file)
and builds the English lexicon with the settings of ``textblob.en.sentiment``, including its
rule that turns adjectives into "-ly" adverbs. When that fails (another TextBlob layout), it
falls back to ``textblob.en.sentiment`` itself. Tests compare the scores with
``TextBlob(text).sentiment``.

Example:
    >>> lexicon = pattern_sentiment()
    >>> round(lexicon.assessments([("great", None)])[0][1], 2)
    0.8
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

logger = logging.getLogger(__name__)

#: Negation words, modifier tags and the modifier test of ``textblob.en.sentiment``.
NEGATIONS = ("no", "not", "n't", "never")


def _textblob_folder() -> Path | None:
    spec = importlib.util.find_spec("textblob")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


@functools.cache
def pattern_text() -> ModuleType:
    """TextBlob's ``_text`` module (pattern's lexicon classes), loaded from its source file alone.

    Raises:
        ImportError: When TextBlob is not installed or its layout differs.
    """
    folder = _textblob_folder()
    source = folder / "_text.py" if folder is not None else None
    if source is None or not source.is_file():
        raise ImportError("textblob/_text.py not found")
    spec = importlib.util.spec_from_file_location("newslab._textblob_text", source)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {source}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _is_modifier(word: str) -> bool:
    return word.endswith("ly")


def _english_sentiment(module: ModuleType, path: Path) -> Any:
    base = module.Sentiment

    class EnglishSentiment(base):  # type: ignore[misc, valid-type]
        """pattern's Sentiment with textblob.en's extra rule: adjective "terrible" -> adverb "terribly"."""

        def load(self, path: str | None = None) -> None:
            base.load(self, path)
            if path:
                return
            entries: list[tuple[str, dict[str, Any]]] = list(dict.items(self))
            for word, tags in entries:
                if "JJ" in tags:
                    stem = word[:-1] + "i" if word.endswith("y") else word
                    stem = stem[:-2] if stem.endswith("le") else stem
                    polarity, subjectivity, intensity = tags["JJ"]
                    self.annotate(stem + "ly", "RB", polarity, subjectivity, intensity)

    return EnglishSentiment(
        path=str(path), synset="wordnet_id", negations=NEGATIONS, modifiers=("RB",), modifier=_is_modifier,
        language="en",
    )  # fmt: skip


@functools.cache
def pattern_sentiment() -> Any:
    """The English pattern sentiment lexicon of the installed TextBlob, loaded (a dict subclass).

    It has pattern's ``assessments``, ``negations``, ``modifiers`` and ``labeler`` as
    ``textblob.en.sentiment`` has.
    """
    try:
        module = pattern_text()
        folder = _textblob_folder()
        assert folder is not None
        lexicon = _english_sentiment(module, folder / "en" / "en-sentiment.xml")
        lexicon.load()
        return lexicon
    except (ImportError, OSError, AttributeError, AssertionError, TypeError, ValueError) as err:
        logger.debug("loading TextBlob's lexicon directly failed (%s); importing textblob.en", err)
    from textblob.en import sentiment

    if not dict.__len__(sentiment):
        sentiment.load()
    return sentiment


def pattern_constants() -> tuple[frozenset[str], str]:
    """Pattern's emoticons (lowercased) and its punctuation string, from the module the lexicon came from."""
    try:
        module: Any = pattern_text()
    except ImportError:
        import textblob._text

        module = textblob._text
    emoticons = frozenset(e.lower() for group in module.EMOTICONS.values() for e in group)
    return emoticons, module.PUNCTUATION


def _pattern_module() -> Any:
    """The module the lexicon's constants come from (as :func:`pattern_constants` reads them)."""
    try:
        return pattern_text()
    except ImportError:
        import textblob._text

        return textblob._text


#: What pattern's ``assessments`` reads of a known word when no part-of-speech tag is given:
#: polarity, subjectivity and intensity of its ``None`` sense, its label, and whether it modifies the next word.
WordFacts = tuple[float, float, float, Any, bool]


class PatternReader:
    """Pattern's ``assessments(words, negation=True)`` on untagged words, with each word's facts looked up once.

    ``Sentiment.assessments`` (``textblob/_text.py``), for words without a tag, reads of a word only
    ``self[w][None]``, ``self.labeler.get(w)``, whether any of its tags is a modifier tag, whether it is a
    negation, ``self.modifier(w)`` and whether it is an emoticon; :meth:`assess` runs the same steps, in
    the same order and with the same arithmetic, on those facts read from a dict made once (tests compare
    the two on many word lists). Pattern builds a dict per assessed chunk and rescans its emoticon table
    per unknown non-letter word; this is where sentence tone spent most of pattern's time.
    """

    def __init__(self, lexicon: Any) -> None:
        module = _pattern_module()
        modifiers = tuple(lexicon.modifiers)
        self.words: dict[str, WordFacts] = {}
        for w, senses in dict.items(lexicon):
            if None in senses:  # a word pattern knows (every word has a None sense: the average of its tags)
                p, s, i = senses[None]
                modifier = any(map(senses.__contains__, modifiers))
                self.words[w] = (p, s, i, lexicon.labeler.get(w), modifier)
        self.negations = frozenset(lexicon.negations)
        self.modifiers = modifiers
        self.modifier: Callable[[str], bool] = lexicon.modifier
        self.punctuation: str = module.PUNCTUATION
        self.irony, self.mood = module.IRONY, module.MOOD
        # lowercased emoticon -> the polarity of the first group listing it (pattern stops at the first one)
        self.emoticons: dict[str, float] = {}
        for (_type, polarity), group in module.EMOTICONS.items():
            for e in group:
                self.emoticons.setdefault(e.lower(), polarity)

    def assess(self, words: Sequence[str]) -> list[tuple[list[str], float, float, Any]]:
        """``lexicon.assessments([(w, None) for w in words], True)``: (chunk, polarity, subjectivity, label)."""
        facts, negations, emoticons = self.words, self.negations, self.emoticons
        a: list[list[Any]] = []  # per chunk: words, polarity, subjectivity, intensity, negated (-1) or 1, label
        m: str | None = None  # preceding modifier
        n: str | None = None  # preceding negation
        for w in words:
            known = facts.get(w)
            if known is not None:
                p, s, i, x, modifies = known
                if m is None:
                    a.append([[w], p, s, i, 1, x])
                else:
                    last = a[-1]
                    last[0].append(w)
                    last[1] = max(-1.0, min(p * last[3], +1.0))
                    last[2] = max(-1.0, min(s * last[3], +1.0))
                    last[3] = i
                    last[5] = x
                if n is not None:
                    last = a[-1]
                    last[0].insert(0, n)
                    last[3] = 1.0 / last[3]
                    last[4] = -1
                m = w if modifies else None  # no tag is given, so only the word's own tags make it a modifier
                n = w if w in negations else None
            else:
                if w in negations:
                    n = w
                elif n and len(w.strip("'")) > 1:
                    n = None
                if n is not None and m is not None and self.modifier(m):  # no tag: "pos in modifiers" is False
                    a[-1][0].append(n)
                    a[-1][4] = -1
                    n = None
                elif m is not None and len(w) > 2:  # pattern's m is then a tuple, always true
                    m = None
                if w == "!" and len(a) > 0:
                    a[-1][0].append("!")
                    a[-1][1] = max(-1.0, min(a[-1][1] * 1.25, +1.0))
                if w == "(!)":
                    a.append([[w], 0.0, 1.0, 1.0, 1, self.irony])
                if w.isalpha() is False and len(w) <= 5 and w not in self.punctuation and w in emoticons:
                    a.append([[w], emoticons[w], 1.0, 1.0, 1, self.mood])
        return [(c[0], c[1] * -0.5 if c[4] < 0 else c[1], c[2], c[5]) for c in a]


__all__ = ["NEGATIONS", "PatternReader", "pattern_constants", "pattern_sentiment", "pattern_text"]
