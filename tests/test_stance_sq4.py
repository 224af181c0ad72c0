"""Known wrong stance rows, issue 23 (branch sq4): a reporter's "I'm told" is no holder (holders.clean_holder,
rule "a contracted pronoun is no holder"); a name before a purpose infinitive after a verb of contact is the object,
not the infinitive's subject (cue_roles, rule "purpose infinitive"); a one-word target mention that is the given name
of a longer name ("Paul Manafort") is no target (row_checks, rule "a given name of another person"). Each
must-not-fire sentence gives the wrong row on the base code (88841cd)."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab import object_roles
from newslab.holders import clean_holder
from newslab.subjects import PURPOSE_VERBS

TARGETS = (nl.TRUMP, nl.Target("Mueller"), nl.Target("Jones"), nl.Target("Clinton"))


def rows(text: str) -> list[tuple[str, str, str, str]]:
    table = nl.stance_table(nl.Article("t", "", text), TARGETS, progress=False)
    return [(r.holder, r.target, r.stance, r.holder_rule) for r in table.itertuples()]


def test_purpose_verbs_are_loaded_from_rule_words() -> None:
    assert {"called", "phoned", "visited"} <= PURPOSE_VERBS and "urged" not in PURPOSE_VERBS


@pytest.mark.parametrize("holder", ["I’m", "I'm", "We're", "we’re", "I've"])
def test_contracted_pronoun_is_no_holder(holder: str) -> None:
    assert clean_holder(holder) == ""


@pytest.mark.parametrize("holder", ["Trump’s campaign", "O'Rourke", "Mike"])
def test_names_with_apostrophes_stay(holder: str) -> None:
    assert clean_holder(holder) == holder


def test_im_told_gives_no_row() -> None:
    # must not fire: at 88841cd it gave I’m -> Trump and I’m -> Mueller (against)
    assert rows("Tensions between Trump and Mueller are raw as ever, I’m told tonight.") == []


def test_named_speaker_keeps_the_row() -> None:
    found = rows("Tensions between Trump and Mueller are raw as ever, Mike said.")
    assert [(h, t, s) for h, t, s, _ in found] == [("Mike", "Trump", "against"), ("Mike", "Mueller", "against")]


def test_purpose_infinitive_subject_is_the_caller() -> None:
    # at 88841cd: Jones -> Trump favor ("subject of infinitive"); the caller congratulates
    found = rows("President Trump called Jones to congratulate him.")
    assert found == [("Trump", "Jones", "favor", "subject of the main verb (purpose infinitive)")]
    found = rows("Clinton visited Jones to thank him.")
    assert found == [("Clinton", "Jones", "favor", "subject of the main verb (purpose infinitive)")]


def test_directive_object_stays_the_subject() -> None:
    # must fire the old reading: after "urged" the object does the act
    assert [(h, t, s) for h, t, s, _ in rows("Trump urged Jones to praise Mueller.")] == [("Jones", "Mueller", "favor")]


PAUL = (nl.Target("Paul"), nl.Target("Ryan"))


def paul_rows(text: str) -> list[tuple[str, str, str]]:
    table = nl.stance_table(nl.Article("t", "", text), PAUL, progress=False)
    return [(r.holder, r.target, r.stance) for r in table.itertuples()]


@pytest.mark.parametrize(
    "text",
    [  # must not fire: each gave a row toward the target Paul (or Ryan) at 88841cd
        '"All of these charges boil down to one simple issue: that Paul Manafort lied," Asonye said.',
        "Trump praised Paul Manafort on Monday.",
        "Clinton criticized Ryan Zinke.",
    ],
)
def test_given_name_of_another_is_no_target(text: str) -> None:
    assert paul_rows(text) == []


@pytest.mark.parametrize(
    "text,row",
    [
        ("Ron Paul backers are pretty good at shouting.", ("backers", "Paul", "favor")),
        ("Trump attacked Paul Tuesday.", ("Trump", "Paul", "against")),
        ("Trump attacked Paul on Monday.", ("Trump", "Paul", "against")),
    ],
)
def test_surname_mentions_keep_their_rows(text: str, row: tuple[str, str, str]) -> None:
    assert paul_rows(text) == [row]


ROLES = (nl.TRUMP, nl.Target("Ford"), nl.Target("Scaramucci"), nl.Target("Mueller"))


def role_rows(text: str) -> list[tuple[str, str, str, str]]:
    table = nl.stance_table(nl.Article("t", "", text), ROLES, progress=False)
    return [(r.holder, r.target, r.stance, r.target_rule) for r in table.itertuples()]


@pytest.mark.parametrize(
    "text,row",
    [  # must fire: no row at 88841cd (the lowercase role word ended the object search)
        ("Trump attacked accuser Ford.", ("Trump", "Ford", "against", "object (role noun)")),
        (
            "Trump mocked ousted communications director Scaramucci.",
            ("Trump", "Scaramucci", "against", "object (role noun)"),
        ),
    ],
)
def test_role_noun_before_the_object_is_skipped(
    text: str, row: tuple[str, str, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(object_roles.ENABLED, "role noun", True)
    assert role_rows(text) == [row]


def test_role_noun_before_no_name_ends_the_object(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(object_roles.ENABLED, "role noun", True)
    # must not fire: "campaign" is followed by "of", not a name: the campaign is the object
    assert role_rows("Trump praised the campaign of Mueller.") == []


def test_role_noun_is_on_in_the_package() -> None:
    # sq5: on since rule "members of" gave the test7 sentence's row its right holder ("members of the media")
    assert object_roles.ENABLED["role noun"] is True
    assert role_rows("Trump attacked accuser Ford.") == [("Trump", "Ford", "against", "object (role noun)")]


def test_role_noun_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(object_roles.ENABLED, "role noun", False)
    assert role_rows("Trump attacked accuser Ford.") == []
