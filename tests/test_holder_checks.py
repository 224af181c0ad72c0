"""Tests of newslab.holder_checks: a stance row's holder is the actor's whole phrase (issue 23 round 7, sq6).

The must-fire sentences give a wrong or extra row at base 805881a; the must-not-fire sentences keep their rows.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslab as nl
from newslab.errors import NewslabError
from newslab.holder_checks import _occurrences, checked_holder, in_patients_clause, negated_support, perceived_act

OBAMA = nl.Target("Barack Obama", aliases=("Barack Obama", "Obama"))
MUELLER = nl.Target("Robert Mueller", aliases=("Robert Mueller", "Mueller"))
GERMANY = nl.Target("Germany", aliases=("Germany",))
SOLEIMANI = nl.Target("Qassem Soleimani", aliases=("Qassem Soleimani", "Soleimani"))


def rows(text: str, *targets: nl.Target) -> list[list[object]]:
    table = nl.stance_table(nl.Article("t", "", text), targets=targets or (nl.TRUMP,))
    table = table[table["stance"].isin(["favor", "against"])]
    return [[r.holder, r.target, r.stance, r.holder_rule] for r in table.itertuples()]


def triples(text: str, *targets: nl.Target) -> list[list[object]]:
    return [r[:3] for r in rows(text, *targets)]


# must fire: each gave a wrong row at 805881a
def test_person_of_place_keeps_the_person() -> None:
    text = "The mayor was Karen Bass of Los Angeles, a longtime critic of Donald Trump."
    got = rows(text)
    assert [r[:3] for r in got] == [["Karen Bass", "Trump", "against"]]
    assert all("Los Angeles" not in str(r[0]) for r in got)


def test_group_in_place_is_the_group() -> None:
    got = rows("Republicans in the Senate condemned Donald Trump on Tuesday.")
    assert [r[:3] for r in got] == [["Republicans", "Trump", "against"]]
    assert "holder:group in place" in str(got[0][3])


def test_thing_is_no_actor() -> None:
    text = "The remarks came a day after he opened the meeting by accusing Germany of weakness."
    assert triples(text, GERMANY) == []


def test_bare_office_is_no_holder() -> None:
    assert triples("The former vice president has clashed with Donald Trump over the vote.") == []


def test_perceived_act_is_not_the_perceivers() -> None:
    text = "He mocked the inquiry, a remark Donald Trump's allies took as a jab at Barack Obama."
    assert ["allies", "Barack Obama", "against"] not in triples(text, OBAMA)


def test_negated_defence_is_no_row() -> None:
    text = "Nancy Pelosi spoke on Friday. She did not defend Qassem Soleimani, but she asked for a briefing."
    assert triples(text, SOLEIMANI) == []


def test_passive_agent_target_in_relative_clause() -> None:
    text = "Mr. Mueller, who led the bureau under Barack Obama, was praised by Republicans and Democrats alike."
    got = triples(text, OBAMA, MUELLER)
    assert [r for r in got if r[1] == "Barack Obama"] == []


# must not fire
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Larry Hogan criticized Donald Trump on Monday.", ["Larry Hogan", "Trump", "against"]),
        ("Democrats condemned Donald Trump in Congress.", ["Democrats", "Trump", "against"]),
        ("Germany criticized Donald Trump.", ["Germany", "Trump", "against"]),
        ("Barack Obama was praised by Republicans.", ["Republicans", "Barack Obama", "favor"]),
        ("The allies took a jab at Donald Trump.", ["allies", "Trump", "against"]),
        ("The statement criticized Trump.", ["statement", "Trump", "against"]),
        ("Republicans do not trust Donald Trump.", ["Republicans", "Trump", "against"]),
    ],
)
def test_rows_that_stay(text: str, expected: list[str]) -> None:
    assert expected in triples(text, nl.TRUMP, OBAMA)


def test_helpers_do_not_fire_on_plain_cues() -> None:
    assert not perceived_act("Trump took a jab at Obama", ["jab at"])
    assert not negated_support(["praised"], 1.0)
    assert not negated_support(["not support"], -0.5)
    s = "Obama, the former president, was praised by Republicans."
    assert not in_patients_clause(s, (0, len(s)), (0, 5), ["praised"])


def test_bad_span_raises() -> None:
    with pytest.raises(NewslabError):
        checked_holder("short", (0, 99), "X", "subject", (0, 1), -1.0, ["criticized"], ())


def test_generated_holders_are_actors_never_places() -> None:
    """Property: over generated sentences, every holder is the person, the group or no row; never the place."""
    people = ["Larry Hogan", "Karen Bass", "Gavin Newsom", "Phil Scott"]
    places = ["Maryland", "Los Angeles", "California", "Vermont", "New York"]
    groups = ["Democrats", "Republicans", "Conservatives"]
    cues = ["a frequent critic of Donald Trump", "a longtime ally of Donald Trump"]
    rng = random.Random(23)
    seen = 0
    for person, place, cue in itertools.product(people, places, cues):
        opener = rng.choice(["The governor was", "The speaker was", "On Monday,"])
        for holder, _, _, _ in rows(f"{opener} {person} of {place}, {cue}."):
            assert holder == person, (person, place, holder)
            seen += 1
        for holder, _, _, _ in rows(f"The senator from {place} is {cue}."):
            assert holder not in places, (place, holder)
    for group, place in itertools.product(groups, places):
        for holder, _, _, _ in rows(f"{group} in {place} criticized Donald Trump."):
            assert holder == group, (group, place, holder)
            seen += 1
    assert seen >= len(people) * len(places) + len(groups) * len(places)


def test_whole_description_and_reported_view_stay() -> None:
    """Must not fire: "The president" is the whole phrase; a speaker's "has been viewed as" is the speaker's view."""
    assert ["president", "Mitt Romney", "against"] in [
        [str(r[0]).lower().removeprefix("the "), *r[1:3]]
        for r in rows("The president also attacked Mitt Romney's record.", nl.Target("Mitt Romney"))
    ]
    assert not perceived_act("Gates has been viewed as hostile to them", ["hostile"])


_WORD_TEXT = "ab_Hogan Hogan. Hogans é x-Hogan Hogan_ Hogan’s  Ho"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=_WORD_TEXT, max_size=40),
    st.sampled_from(["Hogan", "Ho", "n H", "Hogan.", "é", "a"]),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_occurrences_equal_the_whole_word_regex(text: str, holder: str, lo: int, hi: int) -> None:
    """The str.find scan gives the starts the former per-holder regex gave (finditer with pos/endpos)."""
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    pattern = re.compile(r"(?<![\w])" + re.escape(holder) + r"(?![\w])")
    assert _occurrences(text, lo, hi, holder) == [m.start() for m in pattern.finditer(text, lo, hi)]
