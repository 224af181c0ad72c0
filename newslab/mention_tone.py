"""Stage "target tone": the target model's label, score and evidence at every mention of a parsed article.

Each sentence is read once for all the mentions in it, with the word spans the parsed document
already holds and the quotes the quotes stage found (who says what), so the cost is linear in
the article's length and nothing is tokenized or quote-searched twice.

Example:
    >>> from newslab.document import Article, parse
    >>> from newslab.mention_record import Mention
    >>> from newslab.targets import TRUMP
    >>> doc = parse(Article("a", "", "Rutte praised Trump."))
    >>> [(m.start, r.label) for m, r in mention_tones(doc, [Mention(TRUMP, 14, 19, "name", "name", 1.0)], [])]
    [(14, 'positive')]
"""

from __future__ import annotations

import collections
from collections.abc import Sequence
from typing import Any

from newslab.attribution import Quote
from newslab.document import Document
from newslab.mention_record import Mention
from newslab.records import TargetToneRow
from newslab.target_reading import SPEAKER_ELSEWHERE
from newslab.target_tone import TargetSentiment, sentence_target_tones
from newslab.tone_lexicon import Hit


def mention_tones(
    doc: Document,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    *,
    n_evidence: int = 6,
    model: Any = None,
    hits: Sequence[Sequence[Hit] | None] | None = None,
) -> list[tuple[Mention, TargetSentiment]]:
    """Every mention with the target model's result, in table order (by start, then target name).

    Args:
        doc: The parsed article.
        mentions: Its mentions (the mentions stage, in-quote rule applied).
        quotes: Its quotes (the quotes stage): they tell the model who says what in each sentence.
        n_evidence: Deciding features kept per mention.
        model: A target tone model (``None``: the packaged one; see :func:`newslab.adapt_target_model`).
        hits: Per sentence, ``lexicon_hits(toks, default_prepared(), contrast=False)`` where the sentence
            tone stage found them already (:func:`newslab.tone.sentence_tones`; ``None`` items and
            ``None``: the target model finds them itself).

    Each sentence's word spans and normalized tokens are the parsed document's.
    """
    by_sentence: dict[int, list[Mention]] = collections.defaultdict(list)
    for m in mentions:
        by_sentence[doc.sentence_of(m.start)].append(m)
    quotes_in: dict[int, list[Quote]] = collections.defaultdict(list)  # sentence -> quotes overlapping it
    for q in quotes:
        if q.end > q.start:
            for sid in range(doc.sentence_of(q.start), doc.sentence_of(q.end - 1) + 1):
                quotes_in[sid].append(q)
    found: list[tuple[Mention, TargetSentiment]] = []
    for sid in sorted(by_sentence):
        sent = doc.sentences[sid]
        here = [m for m in by_sentence[sid] if sent.start <= m.start and m.end <= sent.end and m.end > m.start]
        spans = [(m.start - sent.start, m.end - sent.start) for m in here]
        tokens = [(s - sent.start, e - sent.start) for s, e in doc.token_spans[sid]]
        speech = speech_in(sent.start, sent.end, quotes_in.get(sid, ()))
        tones = sentence_target_tones(
            sent.text, spans, n_evidence=n_evidence, speech=speech, tokens=tokens, model=model,
            toks=doc.lowered_tokens(sid), hits=None if hits is None else hits[sid],
        )  # fmt: skip
        found.extend(zip(here, tones, strict=True))
    found.sort(key=lambda pair: (pair[0].start, pair[0].target.name))
    return found


def target_tone_rows(doc: Document, tones: Sequence[tuple[Mention, TargetSentiment]]) -> list[TargetToneRow]:
    """Target tone rows from :func:`mention_tones`.

    ``evidence`` lists the model features that pushed toward the label, strongest first, as
    ``"feature (+weight)"`` (see :func:`newslab.sentiment.target_features` for the names).
    """
    text = doc.text
    rows = []
    for m, result in tones:
        probs = result.probabilities
        rows.append(
            TargetToneRow(doc.id, doc.sentence_of(m.start), m.target.name, text[m.start : m.end], m.kind, m.start,
                          m.end, result.label, float(result.score), float(probs["negative"]),
                          float(probs["neutral"]), float(probs["positive"]),
                          [f"{f.name} ({f.weight:+.2f})" for f in result.evidence])
        )  # fmt: skip
    return rows


def speech_in(start: int, end: int, quotes: Sequence[Quote]) -> list[tuple[int, int, int, int]]:
    """The quotes whose words lie in the sentence [start, end), as offsets into it.

    The speaker is ``(-1, -1)`` when the quote has none, and ``SPEAKER_ELSEWHERE`` when it was
    found in another sentence (a quote continued from the sentence before).

    Example:
        >>> speech_in(10, 30, [Quote(12, 20, "direct", "after-quote", speaker="X", speaker_start=22, speaker_end=23)])
        [(2, 10, 12, 13)]
    """
    speech = []
    for q in quotes:
        if q.end <= start or q.start >= end:
            continue
        inside = start <= q.speaker_start and q.speaker_end <= end
        if q.speaker_start < 0:
            speaker = (-1, -1)
        elif inside:
            speaker = (q.speaker_start - start, q.speaker_end - start)
        else:  # named in another sentence: attributed speech all the same (not scare quotes)
            speaker = (SPEAKER_ELSEWHERE, SPEAKER_ELSEWHERE)
        speech.append((max(q.start, start) - start, min(q.end, end) - start, *speaker))
    return speech


__all__ = ["mention_tones", "speech_in", "target_tone_rows"]
