"""Mentions round 11 (issue 23, branch mr11): false credit and list items; rules that fire and must not fire.

Every must-fire case gives no mention, a wrong one or a mention without the rule at the base 6ba3944; the
must-not-fire cases hold the same words in a shape where a careful coder would not change the reading.
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.description_owners import other_trade, party_of
from newslab.document import Article


def _trump(text: str, date: str = "") -> list[tuple[int, str, str, str]]:
    meta = {"date": date} if date else {}
    df = nl.find_mentions(Article("x", "", text, metadata=meta), nl.TRUMP)
    return [(s, m, r, a) for s, m, r, a in df[["start", "mention", "rule", "antecedent"]].itertuples(index=False)]


def _starts(text: str) -> set[int]:
    return {s for s, *_ in _trump(text)}


# --- rule "trade of another" --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,phrase",
    [
        (
            "Michael Bloomberg has aimed at President Trump. In posts on Twitter, Mr. Trump called the former "
            "mayor a loser. The financial industry tycoon did not let the attack pass.",
            "The financial industry tycoon",
        ),
        (
            "Mr. Trump met Rupert Murdoch in New York. Later the media mogul said the talks went well.",
            "the media mogul",
        ),
    ],
)
def test_trade_of_another_fires(text: str, phrase: str) -> None:
    assert text.index(phrase) not in _starts(text)


@pytest.mark.parametrize(
    "text,phrase",
    [
        ("Mr. Trump spoke in Iowa. The real-estate tycoon said the polls were wrong.", "The real-estate tycoon"),
        ("Mr. Trump spoke in Iowa. The tycoon said the polls were wrong.", "The tycoon"),
        ("Mr. Trump spoke in Iowa. The property mogul said the polls were wrong.", "The property mogul"),
    ],
)
def test_trade_of_another_does_not_fire(text: str, phrase: str) -> None:
    assert text.index(phrase) in _starts(text)


def test_other_trade_words() -> None:
    assert other_trade(nl.TRUMP, ["the", "oil", "tycoon"]) == "oil"
    assert other_trade(nl.TRUMP, ["the", "casino", "magnate"]) == ""
    assert other_trade(nl.TRUMP, ["the", "financial", "adviser"]) == ""  # no business head


# --- rule "party of another" --------------------------------------------------------------------------


def test_party_of_another_fires() -> None:
    text = (
        "Democrats have opened an inquiry into Donald Trump. He turned to the former vice president, Joe Biden. "
        "Why does it matter? Because Biden may be his opponent next year. The Republican says it was a perfect call."
    )
    rows = _trump(text)
    start = text.index("The Republican")
    assert (start, "The Republican", "head:republican", "party of another: not Biden (D)") in rows, rows


def test_party_of_another_does_not_fire_for_same_party() -> None:
    text = "Donald Trump spoke in Iowa. Senator Mitt Romney answered him on Sunday. The Republican says it was wrong."
    assert text.index("The Republican") not in _starts(text)


def test_party_of_lookup() -> None:
    assert party_of("Joe Biden") == "D"
    assert party_of("Mr. Romney") == "R"
    assert party_of("Sen. Ted Cruz") == "R"
    assert party_of("Jane Doe") == ""
    assert party_of("") == ""
