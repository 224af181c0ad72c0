"""newslab: transparent, offline news-framing analysis for Jupyter.

Load articles, split them into sentences and words with character offsets, and (in the
modules that build on this) score tone, find targets, quotes, stance and frames, and
compare articles. Names are imported lazily, so ``import newslab`` stays fast and loads
neither pandas, matplotlib nor papermill until they are needed.

Example:
    >>> import newslab as nl
    >>> corpus = nl.load_seed_corpus()
    >>> [art.id for art in corpus]
    ['es-daily', 'de-dpa']
    >>> nl.words("NATO's chief met Trump.")
    ['NATO', "'s", 'chief', 'met', 'Trump', '.']
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from newslab.errors import NewslabError

try:
    __version__ = version("newslab")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

# public name -> module that defines it (imported on first access)
_LAZY = {
    "Article": "newslab.corpus",
    "Corpus": "newslab.corpus",
    "Sentence": "newslab.corpus",
    "Token": "newslab.corpus",
    "clean_text": "newslab.corpus",
    "load_article": "newslab.corpus",
    "load_corpus": "newslab.corpus",
    "load_seed_corpus": "newslab.corpus",
    "sentence_table": "newslab.corpus",
    "sentence_spans": "newslab.tokenizers",
    "sentences": "newslab.tokenizers",
    "word_spans": "newslab.tokenizers",
    "words": "newslab.tokenizers",
    "available_lexicons": "newslab.lexicons",
    "load_lexicon": "newslab.lexicons",
    "stopwords": "newslab.lexicons",
    # analysis modules (one concept each; see DESIGN.md)
    "SentimentScore": "newslab.sentiment",
    "TargetSentiment": "newslab.sentiment",
    "score_sentiment": "newslab.sentiment",
    "sentiment_table": "newslab.sentiment",
    "target_sentiment": "newslab.sentiment",
    "Target": "newslab.targets",
    "TRUMP": "newslab.targets",
    "NATO": "newslab.targets",
    "find_mentions": "newslab.targets",
    "labels": "newslab.targets",
    "kwic": "newslab.targets",
    "find_quotes": "newslab.quotes",
    "stance_table": "newslab.stance",
    "frame_table": "newslab.frames",
    "frame_profile": "newslab.frames",
    "keyness": "newslab.comparison",
    "compare": "newslab.comparison",
    "compare_summary": "newslab.comparison",
    "run_report": "newslab.report",
}

if TYPE_CHECKING:
    from newslab.corpus import (
        Article,
        Corpus,
        Sentence,
        Token,
        clean_text,
        load_article,
        load_corpus,
        load_seed_corpus,
        sentence_table,
    )
    from newslab.lexicons import available_lexicons, load_lexicon, stopwords
    from newslab.tokenizers import sentence_spans, sentences, word_spans, words


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newslab' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Article",
    "Corpus",
    "NewslabError",
    "Sentence",
    "Token",
    "__version__",
    "available_lexicons",
    "clean_text",
    "load_article",
    "load_corpus",
    "load_lexicon",
    "load_seed_corpus",
    "sentence_spans",
    "sentence_table",
    "sentences",
    "stopwords",
    "word_spans",
    "words",
]
