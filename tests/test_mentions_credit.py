"""Mention credit rules of branch mfix (issue 23): must fire and must not fire.

Rules: another bearer whose given name ends like a verb form ("Fred Trump"); plural groups are no
persons ("Aides said he ..."); "role:undated" (``newslab.undated``); a vetoed pronoun chains nothing;
an unnamed person in the previous sentence blocks the previous-sentence rule.
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.document import Article, parse
from newslab.people import people


def _trump(text: str, date: str = "") -> list[tuple[str, str]]:
    meta = {"date": date} if date else {}
    df = nl.find_mentions(Article("x", "", text, metadata=meta), nl.TRUMP)
    return [(m, r) for m, r in df[["mention", "rule"]].itertuples(index=False)]


@pytest.mark.parametrize(
    "text",
    [
        "Fred Trump built the company.",  # "Fred" ends in "-ed" but is a given name
        "He met Fred Trump in Queens.",
        "Mary Trump wrote a book about her uncle.",
        "Ivanka Trump and Eric Trump spoke.",
        "Melania Trump waved.",
        "The president's eldest son, Donald Trump Jr., spoke.",
        "Don Jr. said the meeting was fine.",
    ],
)
def test_other_bearers_are_not_trump(text: str) -> None:
    assert [m for m, r in _trump(text) if r in ("name", "title", "possessive")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Trump built the company.",
        "Perhaps Trump spoke.",  # a common word before the name, not a given name
        "Embattled Trump spoke.",  # a verb form, not a given name
    ],
)
def test_the_target_named_alone_still_counts(text: str) -> None:
    assert [m for m, _ in _trump(text)] == ["Trump"]


@pytest.mark.parametrize("word", ["Aides", "Critics", "Democrats", "Supporters", "Analysts"])
def test_plural_group_is_no_person_and_no_blocker(word: str) -> None:
    text = f"Trump spoke on Monday. {word} said he was angry."
    doc = parse(Article("x", "", text))
    assert [p.name for p in people(doc, [])] == []
    assert ("he", "pronoun:discourse") in _trump(text)


def test_plural_party_is_no_person() -> None:
    # "Republicans" is no person either; the pronoun stays open here for another reason (a party's members)
    doc = parse(Article("x", "", "Trump spoke on Monday. Republicans said he was angry."))
    assert [p.name for p in people(doc, [])] == []


@pytest.mark.parametrize(
    "text,name",
    [
        ("Trump spoke on Monday. Sessions said he was angry.", "Sessions"),  # a surname that is a plural noun
        ("Trump spoke on Monday. Rutte said he was angry.", "Rutte"),
    ],
)
def test_lone_surname_still_a_person(text: str, name: str) -> None:
    doc = parse(Article("x", "", text))
    assert [p.name for p in people(doc, [])] == [name]
    assert "he" not in [m for m, _ in _trump(text)]


@pytest.mark.parametrize(
    "text",
    [
        # the article names the sitting president, before or after the description
        "Trump spoke on Monday. The president said the talks went well. President Obama later disagreed.",
        # the target as a candidate, a future or a former holder
        "Mr. Obama wants to focus on presumptive Republican nominee Donald Trump. “Sanders brought energy,” "
        "the president said.",
        "President-elect Trump spoke on Monday. The president said the talks went well.",
        "Former President Trump spoke on Monday. The president said the talks went well.",
        "former President Trump spoke on Monday. The president said the talks went well.",
    ],
)
def test_undated_president_is_not_the_target(text: str) -> None:
    assert not [m for m, r in _trump(text) if r.startswith(("head:president", "role"))]
    assert [m for m, r in _trump(text, "2017-06-01") if r == "head:president"]  # a date in the term decides


@pytest.mark.parametrize(
    "text",
    [
        "Trump spoke on Monday. The president said the talks went well.",  # nothing says otherwise
        "President Trump spoke on Monday. The president said the talks went well. President Obama disagreed.",
        "Trump spoke on Monday. The president said the talks went well. President Xi disagreed.",  # not a US holder
        "Trump spoke on Monday. The president said the talks went well. then-President Obama had disagreed.",
        "Republican nominee Donald Trump won. President Trump said the president was right.",
    ],
)
def test_undated_president_stays_the_target(text: str) -> None:
    assert [m for m, r in _trump(text) if r == "head:president"]


def test_undated_candidate_description_is_not_gated() -> None:
    # "the candidate" is a role without terms: the candidacy evidence says nothing about it
    text = "Republican nominee Donald Trump spoke. The candidate said the talks went well."
    assert ("The candidate", "head:candidate") in _trump(text)


@pytest.mark.parametrize(
    "text",
    [
        "Trump spoke. The senator said he would act. “This is unnerving,” he said.",
        "Graham spoke about Trump. The senator said he and a group of lawmakers would stop Trump from firing "
        "Mueller. “This is not just a diversion, this is unnerving,” he said.",
        "Trump held a rally. A voter said Trump was right. “I love him,” he said.",
    ],
)
def test_unnamed_person_before_blocks_the_speaker_pronoun(text: str) -> None:
    assert [m for m, _ in _trump(text) if m.lower() == "he"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Trump spoke. He said he would act.",
        "Trump spoke on Monday. He said the talks went well.",
        "Trump spoke on Monday. The senator left. Trump said he would act.",  # the unnamed person two sentences back
    ],
)
def test_previous_sentence_rule_still_fires(text: str) -> None:
    assert "he" in [m.lower() for m, _ in _trump(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Trump spoke. A voter said he was angry and he left.",  # the first "he" is vetoed (the voter's)
        "Trump spoke on Monday. A voter said that he was angry, and he left the hall.",
    ],
)
def test_no_pronoun_chains_on_a_vetoed_one(text: str) -> None:
    assert [m for m, _ in _trump(text)] == ["Trump"]
