"""Round 8 of issue 23's stance recall: lists of agents and targets, the head of an agent, party-state tags and
title runs before a name (newslab.agent_roles, newslab.clause_roles, newslab.stance_rules, newslab.object_roles)."""

from __future__ import annotations

import pytest

import newslab as nl
import newslab.agent_roles as agent_roles
import newslab.clause_roles as clause_roles
import newslab.object_roles as object_roles
import newslab.stance_rules as stance_rules
from newslab.actors import Actor
from newslab.agent_roles import coordinated_agents, holder_phrase, other_holders
from newslab.clause_roles import listed_targets


def _rows(text: str, *names: str) -> list[list[object]]:
    targets = tuple(nl.Target(n, aliases=(n,)) for n in names)
    table = nl.stance_table(nl.Article("a", "", text), targets=targets)
    table = table[
        table["stance"].isin(["favor", "against"]) & (table["holder"] != "author")
    ]  # author rows: another rule
    return table[["holder", "target", "stance", "holder_rule", "target_rule", "cues"]].values.tolist()


def _triples(text: str, *names: str) -> set[tuple[object, object, object]]:
    return {(r[0], r[1], r[2]) for r in _rows(text, *names)}


@pytest.mark.parametrize(
    "text,names,expected",
    [
        ("Garland is widely admired by Democrats and Republicans alike.", ("Garland",),
         {("Democrats", "Garland", "favor"), ("Republicans", "Garland", "favor")}),
        ("Clinton was endorsed by Sanders and Warren.", ("Clinton",),
         {("Sanders", "Clinton", "favor"), ("Warren", "Clinton", "favor")}),
        ("Roy Moore faces criticism from Drudge Report, Sean Hannity", ("Roy Moore",),
         {("Drudge Report", "Roy Moore", "against"), ("Sean Hannity", "Roy Moore", "against")}),
        ("Obama has won the backing of Germany and France.", ("Obama",),
         {("Germany", "Obama", "favor"), ("France", "Obama", "favor")}),
    ],
)  # fmt: skip
def test_coordinated_agent_fires(text: str, names: tuple[str, ...], expected: set) -> None:
    rows = _rows(text, *names)
    assert {(r[0], r[1], r[2]) for r in rows} == expected
    assert any("(coordinated agent)" in str(r[3]) for r in rows)  # the rule names itself
    assert all(r[5] for r in rows)  # the cue is the evidence


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Clinton was endorsed by Sanders and Warren said so.", {("Sanders", "Clinton", "favor")}),  # a clause
        ("Clinton was endorsed by Sanders and many others.", {("Sanders", "Clinton", "favor")}),  # no named agent
        ("Clinton was endorsed by Sanders on Monday and Warren spoke.", {("Sanders", "Clinton", "favor")}),
        ("Clinton was endorsed by Sanders, who met Warren.", {("Sanders", "Clinton", "favor")}),
    ],
)
def test_coordinated_agent_does_not_fire(text: str, expected: set) -> None:
    assert _triples(text, "Clinton") == expected


def test_coordinated_agent_is_off_with_its_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(agent_roles.ENABLED, "coordinated agent", False)
    text = "Clinton was endorsed by Sanders and Warren."
    assert _triples(text, "Clinton") == {("Sanders", "Clinton", "favor")}
    assert coordinated_agents(text, Actor("Sanders", 24, 31), len(text), []) == []
    assert other_holders(text, 0, 12, 20, len(text), "Sanders", "passive agent", []) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Obama was endorsed by Fox hosts Sean Hannity and Laura Ingraham.",
         {("Sean Hannity", "Obama", "favor"), ("Laura Ingraham", "Obama", "favor")}),
        ("Wolf’s appearance was criticized by many Washington journalists after the dinner.",
         set()),  # Wolf is no target here: see the next case
        ("Obama was criticized by many Washington journalists after the dinner.",
         {("Washington journalists", "Obama", "against")}),
    ],
)  # fmt: skip
def test_agent_head_fires(text: str, expected: set) -> None:
    rows = _rows(text, "Obama")
    assert {(r[0], r[1], r[2]) for r in rows} == expected
    assert all("(agent head)" in str(r[3]) for r in rows)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Obama was endorsed by Sanders.", {("Sanders", "Obama", "favor")}),  # a name, no noun after it
        ("Obama was praised by Senate Republicans on Monday.", {("Senate Republicans", "Obama", "favor")}),
        ("Obama was praised by Democrats who met him.", {("Democrats", "Obama", "favor")}),  # a relative, no noun
    ],
)
def test_agent_head_does_not_fire(text: str, expected: set) -> None:
    rows = _rows(text, "Obama")
    assert {(r[0], r[1], r[2]) for r in rows} == expected
    assert not any("(agent head)" in str(r[3]) for r in rows)


def test_agent_head_is_off_with_its_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Obama was endorsed by Fox hosts Sean Hannity."
    assert holder_phrase(text, text.index("Fox"), len(text), [])[0].label == "Sean Hannity"  # type: ignore[union-attr]
    monkeypatch.setitem(agent_roles.ENABLED, "agent head", False)
    assert holder_phrase(text, text.index("Fox"), len(text), []) == (Actor("Fox", 22, 25), "")


@pytest.mark.parametrize(
    "text,names,expected,rule",
    [
        ("Clinton also attacked Facebook, Twitter bots, The New York Times, Steve Bannon, and the media.",
         ("Clinton", "Facebook", "Steve Bannon", "The New York Times"),
         {("Clinton", "Facebook", "against"), ("Clinton", "Steve Bannon", "against"),
          ("Clinton", "The New York Times", "against")}, "list items"),
        ("Bannon slammed Donald Trump Jr., son-in-law Jared Kushner and ex-campaign chairman Paul Manafort.",
         ("Bannon", "Donald Trump Jr.", "Jared Kushner", "Paul Manafort"),
         {("Bannon", "Donald Trump Jr.", "against"), ("Bannon", "Jared Kushner", "against"),
          ("Bannon", "Paul Manafort", "against")}, "list items"),
        ("Trump’s attack on Omar and Tlaib is central to his playbook.", ("Trump", "Omar", "Tlaib"),
         {("Trump", "Omar", "against"), ("Trump", "Tlaib", "against")}, "noun cue list"),
    ],
)  # fmt: skip
def test_list_rules_fire(text: str, names: tuple[str, ...], expected: set, rule: str) -> None:
    rows = _rows(text, *names)
    assert {(r[0], r[1], r[2]) for r in rows} == expected
    assert any(f"({rule})" in str(r[4]) for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Clinton attacked Facebook, saying that Steve Bannon was right.",  # a verb in the gap: no list
        "Clinton attacked Facebook for years and Steve Bannon spoke.",  # a preposition in the gap
        "Clinton attacked Facebook and Steve Bannon praised her.",  # a new clause after the name
        "Clinton attacked Facebook, then Steve Bannon left.",  # an adverb in the gap
    ],
)
def test_list_items_do_not_fire(text: str) -> None:
    triples = _triples(text, "Clinton", "Facebook", "Steve Bannon")
    assert ("Clinton", "Facebook", "against") in triples  # the first object is the cue's target
    assert ("Clinton", "Steve Bannon", "against") not in triples


def test_list_rules_are_off_with_their_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Clinton attacked Facebook, Twitter bots, Steve Bannon and the media."
    bannon = Actor("Steve Bannon", text.index("Steve"), text.index("Steve") + 12)
    assert listed_targets(text, Actor("Facebook", 17, 25), len(text), [bannon]) == [(bannon, "list items")]
    monkeypatch.setitem(clause_roles.ENABLED, "list items", False)
    assert listed_targets(text, Actor("Facebook", 17, 25), len(text), [bannon]) == []
    monkeypatch.setitem(clause_roles.ENABLED, "noun cue list", False)
    assert _triples("Trump’s attack on Omar and Tlaib is central.", "Trump", "Omar", "Tlaib") == {
        ("Trump", "Omar", "against")
    }


@pytest.mark.parametrize(
    "text,holder",
    [
        ("Mark Amodei, R-Nev., an early Trump supporter, praised the White House.", "Mark Amodei"),
        ("Mark Amodei (R-Nev.), a Trump supporter, spoke.", "Mark Amodei"),
    ],
)
def test_state_tag_fires(text: str, holder: str) -> None:
    assert [r[:4] for r in _rows(text, "Trump")] == [[holder, "Trump", "favor", "relation noun (state tag)"]]


def test_state_tag_does_not_fire_and_has_a_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    assert [r[3] for r in _rows("Roger Stone, a Trump ally, spoke.", "Trump")] == ["relation noun"]
    assert _rows("The senator, R-Nev., a Trump supporter, spoke.", "Trump") == []  # no name before the tag
    monkeypatch.setitem(stance_rules.ENABLED, "state tag", False)
    assert _rows("Mark Amodei, R-Nev., an early Trump supporter, spoke.", "Trump") == []


@pytest.mark.parametrize(
    "text,target",
    [
        ("Trump blasted New York Attorney General Eric Schneiderman.", "Eric Schneiderman"),
        ("Trump blasted former New York Attorney General Eric Schneiderman on Friday.", "Eric Schneiderman"),
        ("Pompeo praised U.S. Ambassador to the United Nations Nikki Haley.", "Nikki Haley"),
    ],
)
def test_title_run_fires(text: str, target: str) -> None:
    rows = _rows(text, target)
    assert [(r[1], r[4]) for r in rows] == [(target, "object (title run)")]


@pytest.mark.parametrize(
    "text",
    [
        "Trump blasted New York, where Eric Schneiderman lives.",  # no title in the run, and a comma
        "Trump blasted New York Times reporter Eric Schneiderman.",  # "reporter" is no capitalized title
        "Trump blasted Texas and Eric Schneiderman.",  # no title word
    ],
)
def test_title_run_does_not_fire(text: str) -> None:
    assert not any(r[4] == "object (title run)" for r in _rows(text, "Eric Schneiderman"))


def test_title_run_is_off_with_its_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(object_roles.ENABLED, "title run", False)
    assert _rows("Trump blasted New York Attorney General Eric Schneiderman.", "Eric Schneiderman") == []
