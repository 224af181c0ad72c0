from __future__ import annotations

import math

import pytest

import newslab as nl
from newslab.comparison import COMPARE_COLUMNS, format_compare
from newslab.hedging import hedges, sentence_hedges
from newslab.sections import KEY_COLUMNS, SECTION
from newslab.tokenizers import word_spans


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Trump may leave.", ["may"]),
        ("It is, in general, unclear.", ["in general", "unclear"]),  # a phrase and a word
        ("He reportedly tends to agree.", ["reportedly", "tends to"]),
        ("Trump will leave.", []),
        ("He would, should and often does.", []),  # ambiguous in news: left out of the list
        ("MAYBE not.", ["maybe"]),  # case does not matter
        ("", []),
    ],
)
def test_sentence_hedges(text: str, expected: list[str]) -> None:
    assert [h[2] for h in sentence_hedges(text, word_spans(text))] == expected


def test_hedge_spans_point_at_the_words() -> None:
    text = "Allegedly, Trump may go."
    assert [text[a:b] for a, b, _, _ in sentence_hedges(text, word_spans(text))] == ["Allegedly", "may"]


def test_every_hedge_has_a_kind_and_is_lowercase() -> None:
    kinds = {"modal", "adverb", "adjective", "verb", "phrase", "attribution"}
    assert hedges() and all(all(w == w.lower() for w in k) and v in kinds for k, v in hedges().items())


@pytest.mark.parametrize(
    "text,counts",
    [
        # (Trump hedges, NATO hedges): only sentences mentioning the target count
        ("Trump may leave NATO. Allies perhaps worry.", (1, 1)),
        ("Trump may leave. NATO will stay.", (1, 0)),
        ("Perhaps it rains. Trump spoke.", (0, 0)),
    ],
)
def test_hedges_per_target(text: str, counts: tuple[int, int]) -> None:
    table = nl.analyze(nl.Article("a", "", text)).compare()
    assert table["hedges"].tolist() == list(counts)


def test_hedging_columns_evidence_and_display(seed_corpus: nl.Corpus) -> None:
    analysis = nl.analyze(seed_corpus)
    table = analysis.compare()
    assert COMPARE_COLUMNS[-2:] == ["hedges", "hedged_share"] and "hedges" in KEY_COLUMNS
    assert SECTION["hedges"] == "tone"
    first = table.iloc[0]
    evidence = analysis.evidence(first.article_id, first.target, "hedges")
    assert len(evidence) == first.hedges and set(evidence["target"]) <= {first.target}
    assert set(evidence.columns) >= {"article_id", "sentence_id", "hedge", "start", "end"}
    text = seed_corpus[first.article_id].text
    assert all(
        text[s:e].lower() == h for s, e, h in zip(evidence["start"], evidence["end"], evidence["hedge"], strict=True)
    )
    shown = format_compare(table)
    assert shown.loc[0, "hedged_share"].endswith("%")


def test_no_mention_gives_nan_share() -> None:
    table = nl.analyze(nl.Article("a", "", "It may rain.")).compare()
    assert table["hedges"].tolist() == [0, 0] and all(math.isnan(v) for v in table["hedged_share"])


def test_hedging_table_alone_runs_only_what_it_needs() -> None:
    analysis = nl.analyze(nl.Article("a", "", "Trump may go."), tables=["hedging"])
    assert analysis.hedging[["target", "hedge", "kind"]].values.tolist() == [["Trump", "may", "modal"]]
    assert len(analysis.stance) == 0 and len(analysis.frames) == 0


def test_extending_doc_examples_run() -> None:
    import doctest
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "docs" / "extending.md"
    result = doctest.testfile(str(path), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 5 and result.failed == 0
