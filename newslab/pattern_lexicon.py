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


__all__ = ["NEGATIONS", "pattern_constants", "pattern_sentiment", "pattern_text"]
