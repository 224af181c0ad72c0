"""Typed row records of the analysis tables: one ``NamedTuple`` per table, the columns derived from its fields.

Each stage of the pass makes its rows as these records (plain tuples underneath, so they pickle
cheaply and go straight into a DataFrame); the column lists of :mod:`newslab.result` and of the
stage modules are ``list(Record._fields)``, so a table's schema is written once.

Example:
    >>> columns(MentionRow)[:4]
    ['article_id', 'sentence_id', 'target', 'mention']
    >>> list_columns(StanceRow)
    ('cues',)
"""

from __future__ import annotations

import typing
from typing import Any, NamedTuple


class ArticleRow(NamedTuple):
    """One article: what was read and how long it is (table ``articles``)."""

    article_id: str
    title: str
    source: str
    date: str
    sentences: int
    words: int
    characters: int
    input_hash: str
    metadata: str  # the input's extra fields as JSON text (metadata_json); columns in Analysis.articles


def metadata_json(metadata: typing.Mapping[str, Any]) -> str:
    """An article's metadata as the JSON text kept in the ``metadata`` column of the articles table.

    Example:
        >>> metadata_json({"event": "summit", "date": "2024-11-29", "tags": ["NATO", "USA"]})
        '{"date": "2024-11-29", "event": "summit", "tags": ["NATO", "USA"]}'
    """
    import json

    return json.dumps(dict(metadata), ensure_ascii=False, sort_keys=True, default=str)


class SentenceRow(NamedTuple):
    """One sentence with its span in ``article.text`` (table ``sentences``)."""

    article_id: str
    sentence_id: int
    start: int
    end: int
    text: str
    n_words: int


class ToneRow(NamedTuple):
    """Tone of one sentence: newslab compound, VADER, TextBlob, label and lexicon hits (table ``tone``)."""

    article_id: str
    sentence_id: int
    start: int
    end: int
    text: str
    compound: float
    vader: float
    polarity: float
    subjectivity: float
    label: str
    n_evidence: int
    evidence: list[str]


class MentionRow(NamedTuple):
    """One mention of a target: name, description or pronoun, with the rule that found it (table ``mentions``)."""

    article_id: str
    sentence_id: int
    target: str
    mention: str
    start: int
    end: int
    kind: str
    rule: str
    confidence: float
    antecedent: str


class TargetToneRow(NamedTuple):
    """Sentiment toward the target at one mention: label, score, probabilities, evidence (table ``target_tone``)."""

    article_id: str
    sentence_id: int
    target: str
    mention: str
    kind: str
    start: int
    end: int
    label: str
    score: float
    p_negative: float
    p_neutral: float
    p_positive: float
    evidence: list[str]


class QuoteRow(NamedTuple):
    """One direct quote or reported speech with its speaker (table ``quotes``)."""

    article_id: str
    sentence_id: int
    speaker: str
    speaker_resolved: str
    verb: str
    quote: str
    kind: str
    start: int
    end: int
    rule: str
    speaker_rule: str
    speaker_start: int
    speaker_end: int


class StanceRow(NamedTuple):
    """One holder -> target stance with its cue words (table ``stance``)."""

    article_id: str
    sentence_id: int
    holder: str
    holder_kind: str
    target: str
    stance: str
    score: float
    cues: list[str]
    holder_rule: str
    target_rule: str
    target_mention: str
    start: int
    end: int
    sentence: str


class FrameRow(NamedTuple):
    """One frame cue matched in a sentence (table ``frames``)."""

    article_id: str
    sentence_id: int
    frame: str
    cue: str
    matched: str
    start: int
    end: int
    weight: float
    kind: str


class ErrorRow(NamedTuple):
    """An article that failed, the stage it failed in and the error (table ``errors``)."""

    article_id: str
    stage: str
    error: str
    message: str


def columns(record: type[Any]) -> list[str]:
    """The column names of a table from its row record (its fields, in order)."""
    return list(record._fields)


def list_columns(record: type[Any]) -> tuple[str, ...]:
    """Fields of a record annotated as lists of strings (kept as lists in Parquet)."""
    hints = typing.get_type_hints(record)
    return tuple(name for name in record._fields if typing.get_origin(hints[name]) is list)


__all__ = [
    "ArticleRow",
    "ErrorRow",
    "FrameRow",
    "MentionRow",
    "QuoteRow",
    "SentenceRow",
    "StanceRow",
    "TargetToneRow",
    "ToneRow",
    "columns",
    "list_columns",
    "metadata_json",
]
