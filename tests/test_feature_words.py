"""Deciding features in words: each kind of feature name reads as a reason; raw names stay available."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.feature_words import describe_feature, reasons


@pytest.mark.parametrize(
    "name,words",
    [
        ("C=worried", "'worried' (a negative judgement) in the clause about Trump"),
        ("L1=praised", "'praised' (a positive judgement) right before Trump"),
        ("R=NOT_good", "negated 'good' (a positive judgement) in the words after Trump"),
        ("S=the", "'the' elsewhere in the sentence"),
        ("Lxs=threat", "a word like 'threat...' before Trump, across a clause break"),
        ("nearR_neg_d2", "the nearest evaluative word after Trump is negative, 2 word(s) away"),
        ("nearL_pos_blocked", "the nearest evaluative word before Trump is positive, but another name stands between"),
        ("clause_vneg", "negative words (VADER lexicon) in the clause about Trump"),
        ("speech_own_ppos", "positive words (TextBlob lexicon) in Trump's own quoted words"),
        ("is_speaker", "Trump is the speaker of a quote"),
        ("Q=unknown", "Q=unknown"),  # unknown kinds stay raw rather than guessed
        ("brand_new_flag", "brand_new_flag"),
    ],
)
def test_feature_names_read_as_reasons(name: str, words: str) -> None:
    assert describe_feature(name, target="Trump") == words


def test_reasons_of_a_result_and_of_table_strings() -> None:
    text = "Allies are deeply worried about Trump."
    result = nl.target_sentiment(text, (32, 37))
    from_result = reasons(result.evidence, target="Trump")
    from_table = reasons([f"{f.name} ({f.weight:+.2f})" for f in result.evidence], target="Trump")
    assert from_result == from_table and len(from_result) == len(result.evidence)
    assert all("=" not in r for r in from_result)
