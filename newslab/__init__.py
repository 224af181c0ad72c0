"""newslab: transparent, offline news-framing analysis for Jupyter.

Load articles, split them into sentences and words with character offsets, score tone
and sentiment toward a target, find target mentions, labels, quotes, stance and frames,
and compare articles side by side. Names are imported lazily, so ``import newslab`` stays
fast and loads neither pandas, matplotlib nor papermill until they are needed. Plots live
in ``newslab.plots`` (``from newslab import plots``), kept apart because they load matplotlib.

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
from typing import TYPE_CHECKING, Any

from newslab.errors import NewslabError, NewslabWarning

# public name -> module that defines it (imported on first access)
_LAZY = {
    "Article": "newslab.corpus",
    "Corpus": "newslab.corpus",
    "Sentence": "newslab.corpus",
    "Token": "newslab.corpus",
    "clean_text": "newslab.corpus",
    "load_article": "newslab.corpus",
    "iter_articles": "newslab.corpus",
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
    "SentimentScore": "newslab.sentiment",
    "TargetSentiment": "newslab.sentiment",
    "article_sentiment": "newslab.sentiment",
    "score_sentiment": "newslab.sentiment",
    "sentiment_table": "newslab.sentiment",
    "target_sentiment": "newslab.sentiment",
    "target_sentiment_many": "newslab.sentiment",
    "TargetModel": "newslab.target_model",
    "load_target_model": "newslab.target_model",
    "adapt_target_model": "newslab.adapt",
    "draw_sample": "newslab.coding",
    "write_sheets": "newslab.coding_sheets",
    "read_codes": "newslab.coding",
    "load_sample": "newslab.coding",
    "intercoder_agreement": "newslab.agreement",
    "score_tool": "newslab.validity",
    "corrected_shares": "newslab.validity",
    "methods_paragraph": "newslab.validity",
    "adaptation_table": "newslab.adapt",
    "NATO": "newslab.targets",
    "TRUMP": "newslab.targets",
    "Target": "newslab.targets",
    "evaluate_mentions": "newslab.labeling",
    "find_mentions": "newslab.tables",
    "kwic": "newslab.labeling",
    "labels": "newslab.labeling",
    "load_targets": "newslab.target_files",
    "targets_from_spec": "newslab.targets",
    "evaluate_quotes": "newslab.quotes",
    "find_quotes": "newslab.tables",
    "speaker_table": "newslab.quotes",
    "stance_summary": "newslab.stance",
    "stance_table": "newslab.tables",
    "frame_profile": "newslab.tables",
    "frame_table": "newslab.tables",
    "load_frames": "newslab.frames",
    "compare": "newslab.tables",
    "compare_summary": "newslab.comparison",
    "format_compare": "newslab.comparison",
    "Analysis": "newslab.result",
    "AnalysisOptions": "newslab.runner",
    "analyze": "newslab.runner",
    "Document": "newslab.document",
    "parse": "newslab.document",
    "keyness": "newslab.keywords",
    "top_keywords": "newslab.keywords",
    "run_notebooks": "newslab.report",
    "run_report": "newslab.report",
    "ArticleView": "newslab.views",
    "article_html": "newslab.views",
    "show_article": "newslab.views",
}
# submodules reachable as attributes (``nl.plots``) without being imported by ``import newslab``
_SUBMODULES = frozenset(
    {
        "adapt",
        "keywords",
        "runner",
        "agreement",
        "coding",
        "validity",
        "comparison",
        "document",
        "names",
        "result",
        "sections",
        "storage",
        "corpus",
        "errors",
        "frames",
        "labeling",
        "lexicons",
        "mentions",
        "plots",
        "quotes",
        "report",
        "sentiment",
        "stance",
        "targets",
        "tokenizers",
        "views",
        "tables",
        "stages",
        "pipeline",
        "measure",
        "records",
    }
)

if TYPE_CHECKING:
    from newslab.adapt import adapt_target_model, adaptation_table
    from newslab.agreement import intercoder_agreement
    from newslab.coding import draw_sample, load_sample, read_codes
    from newslab.coding_sheets import write_sheets
    from newslab.comparison import compare_summary, format_compare
    from newslab.corpus import (
        Article,
        Corpus,
        Sentence,
        Token,
        clean_text,
        iter_articles,
        load_article,
        load_corpus,
        load_seed_corpus,
        sentence_table,
    )
    from newslab.document import Document, parse
    from newslab.frames import load_frames
    from newslab.keywords import keyness, top_keywords
    from newslab.labeling import evaluate_mentions, kwic, labels
    from newslab.lexicons import available_lexicons, load_lexicon, stopwords
    from newslab.quotes import evaluate_quotes, speaker_table
    from newslab.report import run_notebooks, run_report
    from newslab.result import Analysis
    from newslab.runner import AnalysisOptions, analyze
    from newslab.sentiment import (
        SentimentScore,
        TargetSentiment,
        article_sentiment,
        score_sentiment,
        sentiment_table,
        target_sentiment,
        target_sentiment_many,
    )
    from newslab.stance import stance_summary
    from newslab.tables import compare, find_mentions, find_quotes, frame_profile, frame_table, stance_table
    from newslab.target_files import load_targets
    from newslab.target_model import TargetModel, load_target_model
    from newslab.targets import NATO, TRUMP, Target, targets_from_spec
    from newslab.tokenizers import sentence_spans, sentences, word_spans, words
    from newslab.validity import corrected_shares, methods_paragraph, score_tool
    from newslab.views import ArticleView, article_html, show_article

# old names of renamed modules (issue 22): still reachable as attributes until 0.2.0, with a warning,
# but not listed by dir(), so tools that walk the package do not trigger the warning
_RENAMED_SUBMODULES = frozenset({"aggregate", "analysis"})


def _version() -> str:
    """The installed version (importlib.metadata is imported on first use: it costs ~30 ms of CPU at import)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newslab")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.0.0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value = globals()["__version__"] = _version()
        return value
    module = _LAZY.get(name)
    if module is None:
        if name in _SUBMODULES or name in _RENAMED_SUBMODULES:
            return importlib.import_module(f"newslab.{name}")
        raise AttributeError(f"module 'newslab' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | _SUBMODULES)


__all__ = [
    "NATO",
    "TRUMP",
    "Analysis",
    "AnalysisOptions",
    "Article",
    "ArticleView",
    "Corpus",
    "Document",
    "NewslabError",
    "NewslabWarning",
    "Sentence",
    "SentimentScore",
    "Target",
    "TargetModel",
    "TargetSentiment",
    "Token",
    "__version__",
    "adapt_target_model",
    "adaptation_table",
    "agreement",
    "analyze",
    "article_html",
    "article_sentiment",
    "available_lexicons",
    "clean_text",
    "compare",
    "compare_summary",
    "corrected_shares",
    "draw_sample",
    "evaluate_mentions",
    "evaluate_quotes",
    "find_mentions",
    "find_quotes",
    "format_compare",
    "frame_profile",
    "frame_table",
    "intercoder_agreement",
    "iter_articles",
    "keyness",
    "kwic",
    "labels",
    "load_article",
    "load_corpus",
    "load_frames",
    "load_lexicon",
    "load_sample",
    "load_seed_corpus",
    "load_target_model",
    "load_targets",
    "methods_paragraph",
    "parse",
    "read_codes",
    "run_notebooks",
    "run_report",
    "score_sentiment",
    "score_tool",
    "sentence_spans",
    "sentence_table",
    "sentences",
    "sentiment_table",
    "show_article",
    "speaker_table",
    "stance_summary",
    "stance_table",
    "stopwords",
    "target_sentiment",
    "target_sentiment_many",
    "targets_from_spec",
    "top_keywords",
    "word_spans",
    "words",
    "write_sheets",
]
