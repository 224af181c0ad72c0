"""Round-6 mention rules of issue 23 (branch mr6): must fire and must not fire.

Rules: compound office ("the Vice President" names no one with the head "president"), reflexive
controller, principle C for possessives, rival in the quote, gender rival, role:outgoing, and a name
suffix after a comma ("Donald Trump, Jr.").
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.binding import possessor_of_named, reflexive_controller
from newslab.document import Article


def _trump(text: str, date: str = "") -> list[tuple[str, str, str]]:
    meta = {"date": date} if date else {}
    df = nl.find_mentions(Article("x", "", text, metadata=meta), nl.TRUMP)
    return [(m, r, a) for m, r, a in df[["mention", "rule", "antecedent"]].itertuples(index=False)]


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Trump spoke on Monday. Vice President Mike Pence agreed. The president said the economy was strong.",
         "The president"),
        ("Trump spoke on Monday. Flynn misled the Vice President. \"I had understood the President to be "
         "requesting that,\" Comey said.", "the President"),
    ],
)  # fmt: skip
def test_compound_office_fires(text: str, mention: str) -> None:
    rows = _trump(text)
    assert (mention, "head:president", "compound office: not Vice President") in rows, rows


@pytest.mark.parametrize(
    "text,mention",
    [
        # another president named with the head still decides
        ("Trump spoke on Monday. Former President Barack Obama disagreed. The president said no.", "The president"),
        ("Trump spoke on Monday. President Emmanuel Macron disagreed. The president said no.", "The president"),
        # the vice president is the vice president
        ("Trump spoke on Monday. Vice President Mike Pence agreed. The vice president said no.", "The vice president"),
    ],
)  # fmt: skip
def test_compound_office_must_not_fire(text: str, mention: str) -> None:
    assert not any(m == mention for m, _, _ in _trump(text))


def test_reflexive_controller() -> None:
    rows = _trump("President Trump remains furious at Sessions for recusing himself from the Russia investigation.")
    assert not any(m == "himself" for m, _, _ in rows), rows
    rows = _trump("Trump praised Pence for distancing himself from the remarks.")
    assert not any(m == "himself" for m, _, _ in rows), rows
    text = "Trump praised Sessions for recusing himself."
    assert reflexive_controller(text, 5, text.index("himself"), [(0, 5)]) == "Sessions"


@pytest.mark.parametrize(
    "text",
    [
        "Trump praised himself for the win.",
        "Trump went to Florida to defend himself.",
        "Standing beside Putin, Trump questioned his own agencies for failing him.",
    ],
)
def test_reflexive_controller_must_not_fire(text: str) -> None:
    mention = "himself" if "himself" in text else "his"
    assert any(m == mention for m, _, _ in _trump(text)), _trump(text)


def test_possessive_principle_c() -> None:
    rows = _trump("Kim spoke. He said Trump was deranged. His lengthy criticism of Trump ended with a threat.")
    assert not any(m == "His" for m, _, _ in rows), rows
    rows = _trump("Trump attacked Kim. He added that he was thinking hard. His criticism of President Trump ended.")
    assert not any(m == "His" for m, _, _ in rows), rows
    assert possessor_of_named("His criticism of Trump ended.", 3, [17])


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Trump spoke. His defense of his record was long.", "His"),
        ("Trump spoke. His own view of Trump Tower is that it is great.", "His"),
        ("Trump spoke. His attacks on Clinton grew sharper.", "His"),
    ],
)
def test_possessive_principle_c_must_not_fire(text: str, mention: str) -> None:
    assert any(m == mention for m, _, _ in _trump(text)), _trump(text)


def test_rival_in_the_quote() -> None:
    text = "Trump hit Cruz on Monday. “Sanders winning Wisconsin would give him fresh momentum,” an aide said."
    assert not any(m == "him" for m, _, _ in _trump(text)), _trump(text)


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Trump hit Cruz on Monday. “The win would give him fresh momentum,” an aide said.", "him"),
        ("Trump spoke on Monday. “Democrats know he is right,” an aide said.", "he"),
        ("Trump spoke on Monday. “He will win in November,” an aide said.", "He"),
    ],
)
def test_rival_in_the_quote_must_not_fire(text: str, mention: str) -> None:
    assert any(m == mention for m, _, _ in _trump(text)), _trump(text)


def test_gender_rival() -> None:
    text = (
        "Trump spoke on Monday. Weeks ago, a report countered her long-running claim that her email use was "
        "allowed, though her campaign continued to defend the candidate’s actions."
    )
    assert not any(m == "the candidate" for m, _, _ in _trump(text)), _trump(text)


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Trump spoke on Monday. Clinton said her rival, the Republican nominee, was unfit.", "the Republican nominee"),
        ("Trump spoke on Monday. Her speech attacked the president and his wall.", "the president"),
        ("Trump spoke on Monday. Clinton attacked him, but the candidate’s actions spoke louder.", "the candidate"),
    ],
)  # fmt: skip
def test_gender_rival_must_not_fire(text: str, mention: str) -> None:
    assert any(m == mention for m, _, _ in _trump(text)), _trump(text)


@pytest.mark.parametrize(
    "date,found",
    [("", False), ("2016-12-20", False), ("2020-12-20", True), ("2019-05-01", False)],
)
def test_outgoing_president(date: str, found: bool) -> None:
    rows = _trump("Trump spoke on Monday. The outgoing president said no.", date)
    assert any(m == "The outgoing president" for m, _, _ in rows) is found, rows


def test_comma_suffix_is_another_bearer() -> None:
    rows = _trump("Turns out Donald Trump, Jr. corresponded with Wikileaks. Donald Trump, the president, said no.")
    assert [m for m, _, _ in rows if "Trump" in m] == ["Donald Trump"], rows
    starts = [r for r in rows if r[0] == "Donald Trump"]
    assert len(starts) == 1
