"""The at10 rule ``title-apposition`` of the quotes stage (issue 23): a title in marks inside a verb's subject.

Must fire and must not fire, on handwritten sentences (none copied from the annotated articles).
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.speech_formats import QuoteSpan
from newslab.subject_repairs import title_masked


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    df = nl.find_quotes(nl.Article("x", "", text))
    return [tuple(r) for r in df[["kind", "quote", "speaker_resolved", "rule"]].itertuples(index=False)]


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Ms. Adeyemi, appearing on “Morning Desk,” said she had acted alone.", "Adeyemi"),
        ("Paul Ferris, who once starred in the show “City of Glass,” said he would not run.", "Paul Ferris"),
        ('Mayor Lena Ortiz, whose new book, "Open Doors," comes out next week, told reporters that the plan was '
         "dead.", "Lena Ortiz"),
        ("Paul Ferris, appearing on “City Desk”, said he would not run.", "Paul Ferris"),
    ],
)  # fmt: skip
def test_title_apposition_finds_the_subject(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(k, s, r.endswith("title-apposition")) for k, _, s, r in rows] == [("indirect", speaker, True)], rows


def test_title_apposition_names_the_direct_quote_of_the_clause() -> None:
    rows = _rows('Paul Ferris, who is promoting a memoir, "Open Doors," told reporters that "we will win" in May.')
    assert {(k, s) for k, _, s, r in rows if r.endswith("title-apposition")} == {
        ("indirect", "Paul Ferris"),
        ("direct", "Paul Ferris"),
    }, rows


@pytest.mark.parametrize(
    "text",
    [
        # a real quote before the verb: the inverted speaker stays
        "“We will not run,” said Paul Ferris, the mayor.",
        # a title in a fronted phrase, before the subject: the subject was found without the rule
        "Appearing on “City Desk,” Paul Ferris said he would not run.",
        # no title: no rule
        "Paul Ferris, appearing on a morning show, said he would not run.",
    ],
)
def test_title_apposition_does_not_fire(text: str) -> None:
    rows = _rows(text)
    assert rows and not any("title-apposition" in r for *_, r in rows), rows


def test_title_masked_keeps_offsets() -> None:
    text = "A, on “B,” said C."
    masked = title_masked(text, [QuoteSpan(6, 7, 8, 10)])
    assert len(masked) == len(text) and masked == "A, on  B,  said C."


# ---- rule "fronted-place": "In Moscow, X, the spokesman, said" is X's -----------------------------------------------
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("In Lisbon, Marta Vieira, the mayor's spokeswoman, said the bridge would reopen.", "Marta Vieira"),
        ("At Brussels, Tomas Berg, a senior diplomat, said the talks had failed.", "Tomas Berg"),
        ("In Lisbon, the mayor, Marta Vieira, said the bridge would reopen.", "Marta Vieira"),
    ],
)
def test_fronted_place_takes_the_phrase_after_the_place(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, "fronted-place" in r) for _, _, s, r in rows] == [(speaker, True)], rows


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("In Lisbon, Marta Vieira said the bridge would reopen.", "Marta Vieira"),  # no apposition: found before
        ("Marta Vieira, the mayor, said the bridge would reopen.", "Marta Vieira"),  # no fronted place
        ("In a statement, the company said the bridge would reopen.", "the company"),  # no place before the subject
        ("At the embassy, Tomas Berg, a senior diplomat, said the talks had failed.", "Tomas Berg"),  # found before
    ],
)
def test_fronted_place_does_not_fire(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, "fronted-place" in r) for _, _, s, r in rows] == [(speaker, False)], rows


# ---- rule "possessive-no-subject": "X, Y's wife, resigned, saying …" is X's -----------------------------------------
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Health Minister Ana Costa, Silva's deputy, quit on Monday, saying the plan had failed.", "Ana Costa"),
        ("Ana Costa, Silva’s former aide, left the party, saying it had lost its way.", "Ana Costa"),
    ],
)
def test_possessive_apposition_is_no_subject(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, r) for _, _, s, r in rows] == [(speaker, "coordinated; possessive-no-subject")], rows


@pytest.mark.parametrize(
    "text,speaker,rule",
    [
        ("Ana Costa quit on Monday, saying the plan had failed.", "Ana Costa", "coordinated"),  # no apposition
        ("Ana Costa, a minister, quit on Monday, saying the plan had failed.", "Ana Costa", "coordinated"),
        ("Ana Costa, the mayor's sister, left the party, saying it had lost its way.", "Ana Costa", "coordinated"),
    ],
)
def test_possessive_apposition_does_not_fire(text: str, speaker: str, rule: str) -> None:
    rows = _rows(text)
    assert [(s, r) for _, _, s, r in rows] == [(speaker, rule)], rows


def test_verbal_noun_possessor_still_speaks() -> None:
    rows = _rows("Bob Ferris’s questioning of the mayor’s “stability” on Thursday, calling it “absurd.”")
    assert "Bob Ferris" in {s for _, _, s, _ in rows}, rows
