"""Stance rows a reader would sign, round 2 (issue 23, branch sq2): people who report what was done to them
accuse, the addressee of a request is pressed and not judged, an act done to the target is judged and not the
target, and an object after "and" is no owner of a later noun cue. Must-fire and must-not-fire cases: each
must-not-fire sentence gives the wrong row on the base code (90ed86c)."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.actors import Actor, coordinated_object
from newslab.clause_roles import THIRD_PARTY, third_party_act
from newslab.holders import (
    ACTS_ON,
    DIRECTIVES,
    SHIELDS,
    WITNESSES,
    act_on_target,
    addressee_of_directive,
    reports_own,
    shielded_from,
    speaker_judges,
)

TARGETS = (
    *(nl.TRUMP, nl.Target("Comey"), nl.Target("Clinton"), nl.Target("Moore"), nl.Target("Republicans")),
    *(nl.Target("Kavanaugh"), nl.Target("Sanders"), nl.Target("Schumer"), nl.Target("Melania")),
)


def rows(text: str) -> list[tuple[str, str, str]]:
    table = nl.stance_table(nl.Article("t", "", text), TARGETS, progress=False)
    return [(r.holder, r.target, r.stance) for r in table.itertuples()]


def test_lists_are_loaded_from_rule_words() -> None:
    assert "women" in WITNESSES and "urged" in DIRECTIVES and "firing" in ACTS_ON
    assert "they" in THIRD_PARTY and "inoculate" in SHIELDS


@pytest.mark.parametrize(
    "text,row",
    [
        (  # rule "reporting what was done to them" (the row lost by sq's PASSING_ON, untouched2 t18)
            "As of Wednesday, eight women had publicly reported that Trump groped them without their consent.",
            ("eight women", "Trump", "against"),
        ),
        ("John McCain on Sunday said Republicans are cowards.", ("John McCain", "Republicans", "against")),
        ("Schumer said Comey was a disgrace.", ("Schumer", "Comey", "against")),
        ("Voters judge the accusations against Moore differently, and Trump denounced Clinton.",
         ("Trump", "Clinton", "against")),
        ("“Schumer is telling them to delay while they attempt a smear of Kavanaugh,” said Blackburn.",
         ("Blackburn", "Schumer", "against")),  # her own words about Schumer stay
        ("“I think Sanders is a disgrace,” Mr. Deutsch wrote.", ("Deutsch", "Sanders", "against")),
        ("“They love her out there ... they're loving Melania,” Trump said.", ("Trump", "Melania", "favor")),
        ("The White House says Trump deserves condemnation.", ("White House", "Trump", "against")),
    ],
)  # fmt: skip
def test_must_fire(text: str, row: tuple[str, str, str]) -> None:
    assert row in rows(text)


@pytest.mark.parametrize(
    "text,target",
    [
        ("CNN reported that Trump was a disgrace.", "Trump"),  # a news source passes on (sq's rule holds)
        ("John McCain on Sunday urged Republicans not to block the awful bill.", "Republicans"),  # a request
        ("Senator Smith asked Republicans not to pass the terrible bill.", "Republicans"),
        ("Schumer said Comey's firing was a disgrace.", "Comey"),  # the act is judged
        ("Bannon says the firing of Comey was the biggest mistake in modern political history.", "Comey"),
        ("Voters judge the accusations against Moore and President Trump differently than accusations against Clinton.",
         "Clinton"),  # Trump is an object of "against", not the owner of the later accusations
        ("“Schumer is telling them to delay while they attempt a smear of Kavanaugh,” said Blackburn.", "Kavanaugh"),
        ("“Their criticisms of Senator Sanders have gone beyond disagreement,” Mr. Deutsch wrote.", "Sanders"),
        ("The White House says Moore's denials inoculate him from condemnation.", "Moore"),
    ],
)  # fmt: skip
def test_must_not_fire(text: str, target: str) -> None:
    assert [r for r in rows(text) if r[1] == target] == []


def test_switches() -> None:
    assert reports_own("reported", "eight women") and not reports_own("reported", "CNN")
    assert not reports_own("said", "women") and not reports_own("reported", "")
    assert speaker_judges("reported", ["consent"], "the women") and not speaker_judges("reported", ["consent"], "CNN")
    t = "He urged the president to resign."
    assert addressee_of_directive(t, "urged", t.index("president"))
    assert not addressee_of_directive(t, "said", t.index("president"))
    t = "He urged voters to reject Trump."
    assert not addressee_of_directive(t, "urged", t.index("Trump"))
    t = "The removal of Moore and Trump's dismissal"
    assert act_on_target(t, t.index("Moore"), t.index("Moore") + 5)
    assert act_on_target(t, t.index("Trump"), t.index("Trump") + 5)
    assert not act_on_target("Trump's plan", 0, 5) and not act_on_target("a friend of Trump", 12, 17)


def test_coordinated_object() -> None:
    t = "the accusations against Moore and President Trump"
    assert coordinated_object(t, t.index("Trump"), [Actor("Moore", t.index("Moore"), t.index("Moore") + 5)])
    t = "Moore and President Trump spoke"
    assert not coordinated_object(t, t.index("Trump"), [Actor("Moore", 0, 5)])


def test_third_party_and_shield_switches() -> None:
    t = "“They attempt a smear of Kavanaugh,” said Blackburn."
    assert third_party_act(t, 1, t.index("smear"), t.index("Kavanaugh"))
    t = "“I call it a smear of Kavanaugh, and they know it,” said Blackburn."
    assert not third_party_act(t, 1, t.index("smear"), t.index("Kavanaugh"))
    t = "“He is a disgrace,” said Blackburn."
    assert not third_party_act(t, 1, t.index("disgrace"), t.index("He"))  # the pronoun is the target itself
    assert shielded_from("The denials protect Trump and his family from criticism.", ["criticism"])
    assert not shielded_from("They came from the criticism of Trump.", ["criticism"])
    assert not shielded_from("The denials inoculate them from condemnation; a disgrace.", ["condemnation", "disgrace"])
