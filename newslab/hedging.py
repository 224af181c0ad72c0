"""Stage "hedging": hedging words in the sentences that mention a target (the worked example of ``docs/extending.md``).

A hedge weakens a claim's certainty ("may", "reportedly", "it seems"). This stage reads the
parsed document's word spans and the mentions stage's result, finds the hedging words of
``data/hedges.tsv`` (Hyland 2005, plus news attribution hedges) in every sentence that mentions
a target, and makes one row per hedge x target mentioned in that sentence. Its compare columns
count them per article x target. The count is descriptive: it is not validated against coders.

The whole measure is this module and its TSV, registered by one line in :mod:`newslab.stages`.

Example:
    >>> import newslab as nl
    >>> a = nl.analyze(nl.Article("a", "", "Trump may reportedly leave NATO. NATO met."), tables=["hedging"])
    >>> a.table("hedging")[["target", "hedge"]].values.tolist()
    [['Trump', 'may'], ['Trump', 'reportedly'], ['NATO', 'may'], ['NATO', 'reportedly']]
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from newslab.lexicons import load_table
from newslab.measure import Cell, Measure, MeasureSet, Tables, bucket
from newslab.pipeline import ArticleState, Stage

#: Longest hedge in tokens ("to some extent"): how far a match looks ahead.
MAX_HEDGE_TOKENS = 3


class HedgeRow(NamedTuple):
    """One hedging word in a sentence that mentions the target (table ``hedging``)."""

    article_id: str
    sentence_id: int
    target: str
    hedge: str
    kind: str
    start: int
    end: int


@functools.cache
def hedges() -> Mapping[tuple[str, ...], str]:
    """The packaged hedges: lowercase token tuple -> kind (``data/hedges.tsv``)."""
    return {tuple(row["term"].split()): row["kind"] for row in load_table("hedges")}


def sentence_hedges(
    text: str, spans: list[tuple[int, int]], lowered: Sequence[str] | None = None
) -> list[tuple[int, int, str, str]]:
    """Hedges in one sentence's tokens: ``(start, end, words, kind)``, longest match first, left to right.

    ``lowered``: the sentence's shared lowercased tokens (:meth:`newslab.document.Document.lowered_tokens`), read
    instead of lowering each token when every hedge word is ASCII letters (they differ from ``str.lower`` only
    in apostrophes and a Greek final sigma, neither of which is in such a word: the same hedges are found).

    Example:
        >>> from newslab.tokenizers import word_spans
        >>> s = "It may, in general, seem fine."
        >>> [h[2] for h in sentence_hedges(s, word_spans(s))]
        ['may', 'in general', 'seem']
    """
    table, firsts = hedges(), _first_words()
    lows = lowered if lowered is not None and _ascii_words() else None
    found = []
    n = len(spans)
    i = 0
    while i < n:
        a, b = spans[i]
        if (lows[i] if lows is not None else text[a:b].lower()) not in firsts:  # most words start no hedge
            i += 1
            continue
        window = (
            lows[i : i + MAX_HEDGE_TOKENS]
            if lows is not None
            else [text[x:y].lower() for x, y in spans[i : i + MAX_HEDGE_TOKENS]]
        )
        for k in range(len(window), 0, -1):
            kind = table.get(tuple(window[:k]))
            if kind is not None:
                found.append((a, spans[i + k - 1][1], " ".join(window[:k]), kind))
                i += k
                break
        else:
            i += 1
    return found


@functools.cache
def _first_words() -> frozenset[str]:
    return frozenset(words[0] for words in hedges())


@functools.cache
def _ascii_words() -> bool:
    """Whether every hedge word is ASCII letters (then the shared lowercased tokens find the same hedges)."""
    return all(w.isascii() and w.isalpha() for words in hedges() for w in words)


def run_hedging(state: ArticleState) -> None:
    """Hedges of every sentence that mentions a target, once per target mentioned there."""
    doc = state.parsed
    targets_in: dict[int, dict[str, None]] = {}
    for m in sorted(state.mentions, key=lambda m: m.start):
        targets_in.setdefault(doc.sentence_of(m.start), {})[m.target.name] = None
    rows = []
    for sid in sorted(targets_in):
        found = sentence_hedges(doc.text, list(doc.token_spans[sid]), doc.lowered_tokens(sid))
        for target in targets_in[sid]:
            rows += [HedgeRow(doc.id, sid, target, words, kind, a, b) for a, b, words, kind in found]
    state.found["hedging"] = rows


def _prepare(tables: Tables, settings: Mapping[str, Any]) -> dict[Any, list[tuple[Any, ...]]]:
    return bucket(tables.table("hedging"), ("sentence_id",), ("article_id", "target"))


def _cells(rows: dict[Any, list[tuple[Any, ...]]], cell: Cell) -> dict[str, Any]:
    found = rows.get((cell.article_id, cell.target.name), [])
    hedged = {int(r[0]) for r in found}
    share = len(hedged) / len(cell.sentence_ids) if cell.sentence_ids else float("nan")
    return {"hedges": len(found), "hedged_share": share}


STAGE = Stage(
    "hedging",
    run_hedging,
    requires=("mentions",),
    record=HedgeRow,
    rows=lambda state: state.found["hedging"],
    measures=MeasureSet(
        "hedging",
        _prepare,
        _cells,
        (
            Measure("hedges", "hedging", "tone", key=True, help="hedging words in the sentences mentioning the target"),
            Measure("hedged_share", "hedging", "tone", show=lambda v: "" if v != v else f"{v:.0%}",
                    help="share of the sentences mentioning the target that hold a hedge"),
        ),
    ),
)  # fmt: skip

__all__ = ["STAGE", "HedgeRow", "hedges", "run_hedging", "sentence_hedges"]
