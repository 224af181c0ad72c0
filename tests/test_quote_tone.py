"""Rule "judging word bears on the target" (issue 23, branch qt): a quote's speaker gets a row toward a target the
quote names only from judging words linked to that target (its own clause, a relative clause on it, a word that
governs its clause); the link is named in the row's target rule. Each must-not-fire sentence gives a wrong row
on bce969c (the words judge a city, a condition, the news)."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab import quote_tone
from newslab.quote_tone import bearing_link, clause_ids

RULE = "judging word bears on the target"


@pytest.fixture
def bearing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule switched on (it is off in the package: docs/voices.md, branch qt)."""
    monkeypatch.setitem(quote_tone.ENABLED, RULE, True)


def _rows(text: str, target: str) -> list[tuple[str, str, str, str]]:
    tab = nl.stance_table(nl.Article("a", "", text), targets=(nl.Target(target),), progress=False)
    return [tuple(r) for r in tab[["holder", "target", "stance", "target_rule"]].values.tolist()]


@pytest.mark.parametrize(
    "text,target,row",
    [
        ('"We appreciate all that President Obama has done for Israel," Netanyahu said.', "Obama",
         ("Netanyahu", "Obama", "favor", "target tone in the quote (governs its clause)")),
        ('"Dreamers were thrown into chaos when the Trump administration tried to end the program," said Xavier '
         "Becerra.", "Trump", ("Xavier Becerra", "Trump", "against", "target tone in the quote (governs its clause)")),
        ("Salem Al Meslet said he was disappointed that the Kerry meeting was not about punishing Assad.", "Kerry",
         ("Salem Al Meslet", "Kerry", "against", "target tone in the quote (governs its clause)")),
        ("Mr. Trump said that Mrs. Clinton, who has portrayed Ms. Machado as a victim of cruel insults, had lied.",
         "Clinton", ("Trump", "Clinton", "against", "target tone in the quote (relative clause)")),
        ("Glenn Beck said Mr. Sanders is a dishonest man.", "Sanders",
         ("Glenn Beck", "Sanders", "against", "target tone in the quote (own clause)")),
    ],
)  # fmt: skip
@pytest.mark.usefixtures("bearing")
def test_linked_judging_word_gives_the_speaker_row(text: str, target: str, row: tuple[str, ...]) -> None:
    assert row in _rows(text, target)


@pytest.mark.parametrize(
    "text,target",
    [
        ("Eric Holder said he will not prosecute Darren Wilson in the death, while releasing a report "
         "faulting the city for racial bias.", "Wilson"),  # the report faults the city (not an office: sq3)
        ("“If we fail to act, Assad will see no reason to stop,” said Obama.", "Assad"),  # a condition
        ("“I bet you have not heard about the accomplishments Pence had this week because there is so much fake "
         "news out there,” Lara Trump said.", "Pence"),  # "fake" judges the news
    ],
)  # fmt: skip
def test_judging_word_about_something_else_gives_no_speaker_row(
    monkeypatch: pytest.MonkeyPatch, text: str, target: str
) -> None:
    assert [r for r in _rows(text, target) if r[3] == "target tone in the quote"]  # the rule off: the old row
    monkeypatch.setitem(quote_tone.ENABLED, RULE, True)
    assert not [r for r in _rows(text, target) if r[3].startswith("target tone in the quote")]


@pytest.mark.parametrize(
    "words,first,at,link",
    [
        ("Trump is temperamentally unfit", 3, 0, "own clause"),
        ("Mitch McConnell , who has screamed for years", 5, 1, "relative clause"),
        ("disappointed that the Kerry meeting failed", 0, 3, "governs its clause"),
        ("Trump is thin-skinned , so poking him can produce rewards", 9, 0, None),
        ("If we fail , the Assad regime will go on", 2, 5, None),
        ("unless Mueller did something wrong", 4, 1, None),  # a condition: supposed, not said
        # round 4 (sq3): a reason clause whose subject is a pronoun, a description after a colon
        ("I had to fire Flynn because he lied", 7, 4, "because clause of its pronoun"),
        ("I had to fire Flynn because we lied", 7, 4, None),  # the reason's subject is someone else
        ("presents Clinton to voters : a warm , genuine person", 6, 1, "description after a colon"),
        ("Clinton came ; the talks were a failure", 7, 0, None),  # a semicolon opens a new statement
    ],
)
def test_bearing_link(words: str, first: int, at: int, link: str | None) -> None:
    w = words.split()
    end = at + (w[at] == "Mitch")  # the mention "Mitch McConnell" spans two words
    assert bearing_link(w, first, first + 1, at, end) == link


def test_clause_ids_subordinate_clause_ends_at_comma() -> None:
    assert clause_ids(["If", "we", "fail", ",", "the", "regime", "stops"]) == [1, 1, 1, 2, 2, 2, 2]
    assert clause_ids(["Trump", "is", "rude", ",", "crude", "and", "dangerous"]) == [0] * 7  # a list is one clause
