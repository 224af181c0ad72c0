"""read_sentence computes its per-token lists as columns: the same lists as the plain loop over the tokens."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.target_reading import _STRAIGHT_QUOTES, _UNLISTED, _porter, _word_table, read_sentence
from newslab.tokenizers import word_spans
from newslab.tone_lexicon import default_prepared, lower_tokens


def _plain_columns(chunk: str) -> dict[str, Any]:
    """The per-token lists as the loop over the tokens made them before they were columns."""
    local = word_spans(chunk)
    toks = lower_tokens(chunk, local)
    table, stem = _word_table(), _porter()
    pattern, clause, in_quote, stems = [], [], [], []
    entities, entity_cum, contrast, vocab_idx = [], [0], [], []
    cid, cum, inside, has_quote = 0, 0, False, False
    for i, t in enumerate(toks):
        w = table.get(t, _UNLISTED)
        capital = chunk[local[i][0]].isupper()
        alpha = t.isalpha()
        pattern.append(w.pattern)
        if w.clause_break:
            clause.append(cid + 1)
            cid += 2
        else:
            clause.append(cid)
        if w.quote:
            has_quote = True
            if t in _STRAIGHT_QUOTES:
                inside = not inside
                in_quote.append(False)
            else:
                if t in ("“", "«"):
                    inside = True
                elif t in ("”", "»"):
                    inside = False
                in_quote.append(inside)
        else:
            in_quote.append(inside)
        if capital and alpha and not w.stop:
            entities.append(i)
        cum += capital or w.pronoun
        entity_cum.append(cum)
        if w.contrast:
            contrast.append(i)
        if w.vocab:
            vocab_idx.append(i)
        stems.append(stem(t) if alpha and (i == 0 or not capital) else "")
    return {
        "clause": clause, "in_quote": in_quote, "has_quote": has_quote, "entities": entities,
        "entity_cum": entity_cum, "contrast": contrast, "vocab_idx": vocab_idx, "stems": stems,
    }  # fmt: skip


_WORDS = ["Trump", "the", "The", "but", "However", "he", "said", "good", "bad", "not", ",", ";", '"', "“", "”", "«",
          "»", "''", "``", "NATO", "allies", "worried", "3", "happy", "He", "–", "(", ")"]  # fmt: skip


def _same(chunk: str) -> None:
    got = read_sentence(chunk, 0, len(chunk), default_prepared())
    for name, value in _plain_columns(chunk).items():
        assert getattr(got, name) == value, name
        if isinstance(value, list):
            assert [type(x) for x in getattr(got, name)] == [type(x) for x in value], name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=25))
def test_columns_same_as_plain_loop(words: list[str]) -> None:
    _same(" ".join(words))


def test_columns_on_news_sentences() -> None:
    for chunk in [
        'Rutte praised Trump, but allies are “not happy” about it; however, "he" said so.',
        "Allies are not happy with Trump.",
        "“We will see,” he said.",
    ]:
        _same(chunk)
