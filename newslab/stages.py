"""The stages of the analysis pass, declared: what each requires, runs and produces.

Each :class:`newslab.pipeline.Stage` below names the stages it requires, a run function over
the per-article :class:`newslab.pipeline.ArticleState`, the row record of its table and the
compare measures aggregated from it. :data:`STAGES` is the registry: the pass
(:mod:`newslab.article_pass`) orders them from their declarations, runs those that the tables
asked for need, and makes every table's rows at the end. ``TABLES`` and ``COLUMNS`` derive from
it. Adding a stage is one more entry in :data:`DECLARED` (see ``docs/extending.md``).

Example:
    >>> [s.name for s in STAGES]
    ['sentences', 'mentions', 'tone', 'quotes', 'target_tone', 'stance', 'frames', 'hedging']
    >>> [s.name for s in needed_stages(STAGES, ["stance"], AnalysisOptions())]
    ['sentences', 'mentions', 'quotes', 'target_tone', 'stance']
"""

from __future__ import annotations

from typing import Any

from newslab import hedging
from newslab.builtin_measures import (
    FRAME_MEASURES,
    MENTION_MEASURES,
    QUOTE_MEASURES,
    STANCE_MEASURES,
    TARGET_TONE_MEASURES,
    TONE_MEASURES,
)
from newslab.document import parse
from newslab.frames import frame_matcher, frame_rows
from newslab.measure import Measure, MeasureSet
from newslab.mention_tone import mention_tones, target_tone_rows
from newslab.mentions import QuoteSpan, apply_quotes, article_mentions, mention_rows
from newslab.names import name_registry
from newslab.pipeline import AnalysisOptions, ArticleState, Stage, needed_stages, stage_order
from newslab.quotes import article_quotes, quote_rows
from newslab.records import (
    ArticleRow,
    ErrorRow,
    FrameRow,
    MentionRow,
    QuoteRow,
    SentenceRow,
    StanceRow,
    TargetToneRow,
    ToneRow,
    columns,
)
from newslab.stance import STANCE_COLUMNS, article_stance
from newslab.target_tone import TargetSentiment
from newslab.tone import sentence_tones

# --------------------------------------------------------------------------- run functions


def run_sentences(state: ArticleState) -> None:
    """Parse the article once: sentences and word spans (every later stage reads them)."""
    doc = parse(state.article)
    state.doc = doc
    state.found["n_words"] = [doc.n_words(i) for i in range(len(doc.sentences))]


def sentence_rows(state: ArticleState) -> list[SentenceRow]:
    """One row per sentence with its span, text and word count."""
    doc, n_words = state.parsed, state.found["n_words"]
    return [SentenceRow(doc.id, s.index, s.start, s.end, s.text, n_words[s.index]) for s in doc.sentences]


def run_tone(state: ArticleState) -> None:
    """Sentence tone of every sentence, from the document's tokens; its lexicon hits are kept for target tone."""
    options = state.options
    rows, hits = sentence_tones(state.parsed, lexicon=options.lexicon, evidence=options.tone_evidence)
    state.found["tone"] = rows
    if hits is not None:  # the lexicon hits the target model would find: read once, by this stage
        state.found["target_hits"] = hits


def run_mentions(state: ArticleState) -> None:
    """The article's name registry and the targets' names, descriptions and pronouns."""
    doc, options = state.parsed, state.options
    state.names = name_registry(doc)
    state.mentions = article_mentions(doc, state.targets, pronouns=options.pronouns, require_name=options.require_name)


def _mentions_completed_by(options: AnalysisOptions) -> tuple[str, ...]:
    return ("quotes",) if options.in_quote else ()


def run_quotes(state: ArticleState) -> None:
    """Quotes and speakers (given the mentions and names), then the in-quote pronoun rule on the mentions."""
    doc, options = state.parsed, state.options
    state.quotes = article_quotes(doc, state.targets, state.mentions, state.names)
    if options.in_quote and options.pronouns:
        spans = [QuoteSpan(q.start, q.end, q.resolved) for q in state.quotes if q.kind == "direct" and q.resolved]
        state.mentions = apply_quotes(doc, state.mentions, state.targets, spans)


def run_target_tone(state: ArticleState) -> None:
    """The target model at every mention, each sentence read once with its quotes."""
    state.target_tones = mention_tones(
        state.parsed,
        state.mentions,
        state.quotes,
        n_evidence=state.options.n_evidence,
        model=state.options.target_model,
        hits=state.found.get("target_hits"),  # sentence tone's reading, when that stage ran
    )


def _pass_sentiment(state: ArticleState) -> Any:
    """The stance stage's sentiment hook: the pass's own target tones (the model is not run again).

    A custom callable given as ``stance_sentiment`` is used as it is; ``True`` reads the target
    tone stage's result for the mention (keyed by sentence text and span, as the hook is called).
    """
    chosen = state.options.stance_sentiment
    if callable(chosen) or not chosen:
        return chosen
    doc = state.parsed
    known: dict[tuple[str, int, int], TargetSentiment] = {}
    for m, result in state.target_tones:
        sent = doc.sentences[doc.sentence_of(m.start)]
        known.setdefault((sent.text, m.start - sent.start, m.end - sent.start), result)

    def from_pass(text: str, span: tuple[int, int]) -> TargetSentiment:
        found = known.get((text, *span))
        if found is None:  # a mention the target tone stage did not score (not expected)
            from newslab.target_tone import target_sentiment

            return target_sentiment(text, span=span)
        return found

    return from_pass


def run_stance(state: ArticleState) -> None:
    """Holder -> target stance, reading the quotes, mentions, names and target tones of the pass."""
    tones = {(m.start, m.end): (r.label, float(r.score)) for m, r in state.target_tones}
    state.stance = article_stance(
        state.parsed, state.targets, quotes=state.quotes, mentions=state.mentions, names=state.names,
        cues=state.options.cues, sentiment=_pass_sentiment(state), tones=tones,
    )  # fmt: skip


def run_frames(state: ArticleState) -> None:
    """Frame cues of every sentence, with the dictionary compiled once per run."""
    state.found["frames"] = frame_rows(state.parsed, state.resources["frames"])


def _frame_matcher(options: AnalysisOptions) -> Any:
    return frame_matcher(options.frames)


# --------------------------------------------------------------------------- declarations

#: The stages, as declared: in the order of their compare columns (the pass runs them in the order
#: their requirements give, :data:`STAGES`: quotes before target tone).
DECLARED: tuple[Stage, ...] = (
    Stage("sentences", run_sentences, record=SentenceRow, rows=sentence_rows),
    Stage("mentions", run_mentions, ("sentences",), MentionRow, lambda s: mention_rows(s.parsed, s.mentions),
          completed_by=_mentions_completed_by, measures=MENTION_MEASURES),
    Stage("tone", run_tone, ("sentences",), ToneRow, lambda s: s.found["tone"], measures=TONE_MEASURES),
    Stage("target_tone", run_target_tone, ("mentions", "quotes"), TargetToneRow,
          lambda s: target_tone_rows(s.parsed, s.target_tones), measures=TARGET_TONE_MEASURES),
    Stage("stance", run_stance, ("mentions", "quotes", "target_tone"), StanceRow,
          lambda s: [StanceRow(*(r[c] for c in STANCE_COLUMNS)) for r in s.stance], measures=STANCE_MEASURES),
    Stage("frames", run_frames, ("sentences",), FrameRow, lambda s: s.found["frames"], prepare=_frame_matcher,
          measures=FRAME_MEASURES),
    Stage("quotes", run_quotes, ("mentions",), QuoteRow, lambda s: quote_rows(s.parsed, s.quotes),
          measures=QUOTE_MEASURES),
    hedging.STAGE,
)  # fmt: skip
#: The stages in run order.
STAGES: tuple[Stage, ...] = stage_order(DECLARED)
#: The tables of an analysis: one per article, one per stage that has a table, and the failures.
TABLES: tuple[str, ...] = ("articles", *(s.name for s in STAGES if s.table), "errors")
#: Columns of each table, from its row record.
COLUMNS: dict[str, list[str]] = {
    "articles": columns(ArticleRow),
    **{s.name: s.columns for s in STAGES if s.table},
    "errors": columns(ErrorRow),
}
#: Columns holding lists of strings (evidence, cue words), per table.
LIST_COLUMNS: dict[str, tuple[str, ...]] = {s.name: s.list_columns for s in STAGES if s.list_columns}
#: Every compare measure, in the order of the comparison table.
MEASURES: tuple[Measure, ...] = tuple(m for s in DECLARED if s.measures for m in s.measures.measures)
#: The measure sets that compute them, in the same order.
MEASURE_SETS: tuple[MeasureSet, ...] = tuple(s.measures for s in DECLARED if s.measures)


__all__ = ["COLUMNS", "DECLARED", "LIST_COLUMNS", "MEASURES", "MEASURE_SETS", "STAGES", "TABLES", "needed_stages"]
