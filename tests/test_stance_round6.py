"""Round 6 of issue 23's stance recall: relation nouns with a capital first letter, coordinated holders."""

from __future__ import annotations

import pytest

import newslab as nl
import newslab.clause_roles as clause_roles


def _rows(text: str, *names: str) -> list[list[object]]:
    targets = tuple(nl.Target(n, aliases=(n,)) for n in names)
    table = nl.stance_table(nl.Article("a", "", text), targets=targets)
    return table[["holder", "target", "stance", "holder_rule", "target_rule"]].values.tolist()


@pytest.mark.parametrize(
    "text,names,expected",
    [
        ("Bob Corker and Jeff Flake denounced Trump.", ("Trump",), [["Bob Corker", "Trump", "against"]]),
        ("Sen. Bob Corker and Sen. Jeff Flake denounced Trump.", ("Trump",), [["Bob Corker", "Trump", "against"]]),
        ("On Monday, Pelosi and Schumer criticized Trump.", ("Trump",), [["Pelosi", "Trump", "against"]]),
        ("Trump, Pence and Ryan praised Moore.", ("Moore", "Trump", "Pence"),
         [["Trump", "Moore", "favor"], ["Pence", "Moore", "favor"]]),
        ("Hannity and Ingraham endorsed DeSantis and Trump.", ("DeSantis", "Trump"),
         [["Hannity", "DeSantis", "favor"], ["Hannity", "Trump", "favor"]]),  # with the list of targets
    ],
)  # fmt: skip
def test_coordinated_holder_gives_each_name_a_row(text: str, names: tuple[str, ...], expected: list) -> None:
    rows = _rows(text, *names)
    assert [r[:3] for r in rows if "(coordinated holder)" in str(r[3])] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sanders met Obama and Clinton praised him.",  # the list does not open its clause: "Obama" is an object
        "The senator and Rubio attacked Trump.",  # no name before "and"
        "In Iowa and Ohio, Rubio attacked Trump.",  # "and" is not right before the holder
        "Clinton said Obama and Biden criticized Trump.",  # after "said" the list does not open a clause
    ],
)
def test_coordinated_holder_must_not_fire(text: str) -> None:
    rows = _rows(text, "Trump", "Sanders")
    assert [r for r in rows if "(coordinated holder)" in str(r[3])] == []


def test_coordinated_holder_is_off_with_its_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(clause_roles.ENABLED, "coordinated holder", False)
    assert [r[0] for r in _rows("Bob Corker and Jeff Flake denounced Trump.", "Trump")] == ["Jeff Flake"]


def test_relation_noun_with_a_capital_opens_the_sentence() -> None:
    rows = _rows("Critics of Trump say the plan failed.", "Trump")
    assert [r[:4] for r in rows] == [["Critics", "Trump", "against", "relation noun"]]
