"""The author as holder: evaluative words of the writer's own about a target (issue 23, round 3)."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.author_stance import author_judgements

TRUMP = nl.Target("Trump", aliases=("Donald Trump", "Trump"))
NATO = nl.Target("NATO", aliases=("NATO",))


def _judge(text: str, mention: str) -> list[tuple[list[str], str, int]]:
    i = text.index(mention)
    return [
        (j.words, j.rule, (j.score > 0) - (j.score < 0))
        for j in author_judgements(text, 0, len(text), [(i, i + len(mention))])
    ]


@pytest.mark.parametrize(
    "text,mention,rule,sign",
    [
        ("The reckless Trump left the summit early.", "Trump", "author: attributive", -1),
        ("Trump’s disastrous summit ended in Helsinki.", "Trump", "author: possessed noun", -1),
        ("NATO is a failure.", "NATO", "author: predicate", -1),
        ("Sanders appears both honest and trustworthy.", "Sanders", "author: predicate", 1),
        ("Trump is not honest.", "Trump", "author: predicate", -1),
        ("Trump has been a disaster for the party.", "Trump", "author: predicate", -1),
    ],
)
def test_author_judgement_fires(text: str, mention: str, rule: str, sign: int) -> None:
    found = _judge(text, mention)
    assert [(r, s) for _, r, s in found] == [(rule, sign)]


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Biden said the reckless Trump left the summit.", "Trump"),  # reported speech
        ("Critics described Trump’s disastrous summit.", "Trump"),  # a naming verb governs it
        ("If NATO is obsolete, the allies will leave.", "NATO"),  # a condition
        ("Is NATO obsolete?", "NATO"),  # a question
        ("Trump is looking for credit.", "Trump"),  # progressive, no predicate adjective
        ("Mubarak was convicted in June.", "Mubarak"),  # passive: an act, no judgement
        ("Christie endorsed Trump in February.", "Trump"),  # a verb before the mention is no modifier
        ("The powerful Trump met Putin.", "Trump"),  # a status word, not a judgement
        ("Trump’s new plan was announced.", "Trump"),  # no evaluative word
        ("Sentsov looks gaunt and weak.", "Sentsov"),  # a state, and a word VADER rates below 2
        ("“Nancy Pelosi was a great speaker.", "Nancy Pelosi"),  # an unpaired quotation mark: someone's words
        ("Some Democrats who denounced Bush are now cheering.", "Bush"),  # Bush is an object, not the subject
        ("The decision on Bergdahl is a disgrace.", "Bergdahl"),  # the subject is the decision
        ("A proud social conservative, Bachmann won the poll.", "Bachmann"),  # an apposition, not a modifier
        ("An enthusiastic Trump supporter, Jenkins won.", "Trump"),  # the mention modifies "supporter"
        ("Trump is very emphatically not a seasoned diplomat.", "Trump"),  # negated mild praise: below the bar
    ],
)
def test_author_judgement_does_not_fire(text: str, mention: str) -> None:
    assert _judge(text, mention) == []


def test_author_rows_in_the_stance_table_keep_rule_and_words() -> None:
    rows = nl.stance_table(nl.Article("a", "", "The reckless Trump left. NATO is a failure."), targets=(TRUMP, NATO))
    got = rows[["holder", "target", "stance", "cues", "holder_rule"]].values.tolist()
    assert got == [
        ["author", "Trump", "against", ["reckless"], "author: attributive"],
        ["author", "NATO", "against", ["failure"], "author: predicate"],
    ]


@pytest.mark.parametrize(
    "text,holder",
    [
        ("“NATO is a failure,” Trump said.", "Trump"),  # in a quote: the speaker's, never the author's
        ("Trump said NATO is a failure.", "Trump"),
    ],
)
def test_no_author_row_inside_quotes(text: str, holder: str) -> None:
    rows = nl.stance_table(nl.Article("a", "", text), targets=(TRUMP, NATO))
    assert "author" not in set(rows["holder"])


@pytest.mark.parametrize(
    "text,stance",
    [("Thank you to Rex Tillerson for his service!", "favor"), ("Thanks to Rex Tillerson, the deal held.", None)],
)
def test_thank_you_to_in_narration(text: str, stance: str | None) -> None:
    target = nl.Target("Rex Tillerson", aliases=("Rex Tillerson", "Tillerson"))
    rows = nl.stance_table(nl.Article("a", "", text), targets=(target,))
    got = rows[rows["holder"] == "author"]["stance"].tolist()
    assert got == ([stance] if stance else [])
