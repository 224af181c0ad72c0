"""Mentions round 11 (issue 23, branch mr11): false credit and list items; rules that fire and must not fire.

Every must-fire case gives no mention, a wrong one or a mention without the rule at the base 6ba3944; the
must-not-fire cases hold the same words in a shape where a careful coder would not change the reading.
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.description_owners import other_trade, party_of
from newslab.document import Article, parse
from newslab.people import reaction_list


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


# --- rule "list item with a relative clause" (people.reaction_list) -------------------------------------

LIST_TEXT = (
    "Donald Trump was booked in Atlanta on Thursday. The reactions:\n\n"
    "Chris Christie, candidate: ‘The conduct is beneath the office.’\n\n"
    "Brian Kemp, Georgia governor, who Trump once tried to unseat: ‘The election was not stolen.’\n\n"
    "Is it hurting him? Not with his base."
)


def test_list_item_with_relative_clause_fires() -> None:
    rows = _trump(LIST_TEXT)
    assert (LIST_TEXT.index("him?"), "him", "pronoun:discourse", "Trump") in rows, rows
    assert (LIST_TEXT.index("his base"), "his", "pronoun:discourse", "Trump") in rows, rows
    doc = parse(Article("x", "", LIST_TEXT))
    labels = [doc.text[a:b] for a, b in reaction_list(doc).labels]
    assert "Brian Kemp, Georgia governor, who Trump once tried to unseat: " in labels, labels


def test_list_item_with_relative_clause_does_not_fire_in_narrative() -> None:
    # a narrative sentence with "said:" is no list item: its speaker stays a person of the story
    text = (
        "Donald Trump was booked in Atlanta on Thursday. Brian Kemp, the governor, who had met Mike Pence at "
        "the airport, said: ‘The election was not stolen.’ He left."
    )
    doc = parse(Article("x", "", text))
    assert reaction_list(doc).labels == ()
    assert text.index("He left") not in _starts(text)


# --- rule "relation:<noun>" (newslab.relations) and rule "apposition" (coreference) -----------------------


@pytest.mark.parametrize(
    "text,phrase,rule,antecedent",
    [
        (
            "Mr. Trump has attacked her relentlessly. Among those who surrendered was Rudolph W. Giuliani, his "
            "former personal lawyer, who said the indictment was an attack on his client’s supporters.",
            "his client",
            "relation:client",
            "Rudolph W. Giuliani, lawyer of Mr. Trump",
        ),
        (
            "Donald Trump stayed home. His former fixer, Michael Cohen, told Congress that his old boss was a liar.",
            "his old boss",
            "relation:boss",
            "Michael Cohen, fixer of Donald Trump",
        ),
        (
            "Mr. Trump’s lawyer, Rudy Giuliani, spoke on Fox. Giuliani said his client had done nothing wrong.",
            "his client",
            "relation:client",
            "Giuliani, lawyer of Mr. Trump",
        ),
    ],
)
def test_relation_fires(text: str, phrase: str, rule: str, antecedent: str) -> None:
    rows = _trump(text)
    assert (text.index(phrase), phrase, rule, antecedent) in rows, rows


def test_apposition_possessive_fires() -> None:
    text = "Mr. Trump has attacked her relentlessly. Among those there was Rudolph W. Giuliani, his former lawyer."
    rows = _trump(text)
    assert (text.index("his former"), "his", "pronoun:discourse", "Mr. Trump") in rows, rows


@pytest.mark.parametrize(
    "text,phrase",
    [
        # the article links the lawyer to nobody: his client is not the target
        ("Mr. Trump spoke in Ohio. Later Rudy Giuliani said his client had done nothing wrong.", "his client"),
        # the lawyer of another person
        (
            "Mr. Trump spoke in Ohio. Michael Avenatti, Stormy Daniels’s lawyer, said his client would sue.",
            "his client",
        ),
        # a partner noun that does not answer the relation noun: an aide has no client
        ("Mr. Trump’s aide, Stephen Miller, spoke. Miller said his client was away.", "his client"),
    ],
)
def test_relation_does_not_fire(text: str, phrase: str) -> None:
    assert text.index(phrase) not in _starts(text)


# --- rule "onlooker" (newslab.relations) ---------------------------------------------------------------

ONLOOKER_OPENING = "Back in Washington, the day belonged to Michael D. Cohen, Mr. Trump’s longtime lawyer and fixer. "
ONLOOKER_TEXT = ONLOOKER_OPENING + "The president watched his testimony on a television in his hotel suite, aides said."


def test_onlooker_fires() -> None:
    starts = _starts(ONLOOKER_TEXT)
    assert ONLOOKER_TEXT.index("his testimony") not in starts
    assert ONLOOKER_TEXT.index("his hotel") in starts  # the president's own suite stays his


@pytest.mark.parametrize(
    "sentence",
    [
        "The president watched his own testimony on a television in his hotel suite.",
        "The president gave his testimony on a television in his hotel suite.",
    ],
)
def test_onlooker_does_not_fire(sentence: str) -> None:
    text = ONLOOKER_OPENING + sentence
    assert text.index("his ", text.index("The president")) in _starts(text)
