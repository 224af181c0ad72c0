"""Stance round 10, issue 23 (branch st10): objects that are not a target at first sight.

Rule "deeds of a title run" (newslab.object_roles): the doer of an act noun named after a capitalized title run
("praised the efforts of U.S. Ambassador to the United Nations Nikki Haley"); role nouns "front-runner",
"frontrunner", "opponent", "incumbent" before a name (rule "role noun": "slammed Democratic front-runner Hillary
Clinton"). Each must-fire sentence gives no row at 6ba3944 (reason "object is not a target"); the must-not-fire
sentences give none.
"""

from __future__ import annotations

import pytest

import newslab as nl


def rows(text: str, *names: str) -> list[tuple[str, str, str, str]]:
    targets = tuple(nl.Target(n) for n in names)
    table = nl.stance_table(nl.Article("t", "", text), targets, progress=False)
    return [(r.holder, r.target, r.stance, r.target_rule) for r in table.itertuples()]


@pytest.mark.parametrize(
    "text,names,row",
    [
        ("Pompeo praised the efforts of U.S. Ambassador to the United Nations Nikki Haley in getting China to join.",
         ("Pompeo", "Nikki Haley"),
         ("Pompeo", "Nikki Haley", "favor", "object (what the target did) (deeds of a title run)")),
        ("Pompeo praised the leadership of Secretary General Rutte.", ("Pompeo", "Rutte"),
         ("Pompeo", "Rutte", "favor", "object (what the target did) (deeds of a title run)")),
        ("Donald Trump on Friday slammed Democratic front-runner Hillary Clinton as hostile to gun rights.",
         ("Donald Trump", "Hillary Clinton"), ("Donald Trump", "Hillary Clinton", "against", "object (role noun)")),
        ("Mr. Cruz attacked his opponent Marco Rubio on immigration.", ("Cruz", "Marco Rubio"),
         ("Cruz", "Marco Rubio", "against", "object (role noun)")),  # at 6ba3944 only Rubio -> Cruz ("opponent")
    ],
)  # fmt: skip
def test_object_rules_fire(text: str, names: tuple[str, ...], row: tuple[str, str, str, str]) -> None:
    assert row in rows(text, *names)  # the rule names itself in target_rule


@pytest.mark.parametrize(
    "text,names",
    [
        ("Pompeo praised the efforts of the United Nations under Nikki Haley.", ("Pompeo", "Nikki Haley")),
        ("Trump praised the work of New York firefighters on Tuesday.", ("Trump",)),
        ("Trump slammed the opponent, and Hillary Clinton answered him.", ("Trump", "Hillary Clinton")),
        ("Trump slammed opponent groups in Ohio before Hillary Clinton spoke.", ("Trump", "Hillary Clinton")),
    ],
)  # fmt: skip
def test_object_rules_do_not_fire(text: str, names: tuple[str, ...]) -> None:
    assert [r for r in rows(text, *names) if r[1] != r[0]] == []


@pytest.mark.parametrize(
    "text,names,row",
    [
        ("The councillor attacked Rupa Huq on Friday.", ("Rupa Huq",),
         ("The councillor", "Rupa Huq", "against", "subject (not a named actor) (role subject)")),
        ("Donnelly’s campaign manager dubbed Rokita “Temper Tantrum Todd” when tweeting the article.", ("Rokita",),
         ("Donnelly’s campaign manager", "Rokita", "against", "subject (not a named actor) (role subject)")),
    ],
)  # fmt: skip
def test_role_subject_fires(text: str, names: tuple[str, ...], row: tuple[str, str, str, str]) -> None:
    table = nl.stance_table(nl.Article("t", "", text), tuple(nl.Target(n) for n in names), progress=False)
    assert [(r.holder, r.target, r.stance, r.holder_rule) for r in table.itertuples()] == [row]


@pytest.mark.parametrize(
    "text",
    [
        "The move angered Rupa Huq on Friday.",  # a thing, no role noun
        "Her lawyer attacked Rupa Huq on Friday.",  # a possessive pronoun nobody resolves
        "The councillors' plan attacked Rupa Huq on Friday.",  # the head is no role noun
    ],
)
def test_role_subject_does_not_fire(text: str) -> None:
    table = nl.stance_table(nl.Article("t", "", text), (nl.Target("Rupa Huq"),), progress=False)
    assert not any("role subject" in rule for rule in table["holder_rule"])
