"""Stance rules of issue 23, round 5: an object pronoun after a verb cue, titles and party words in an
apposition, the target named before a noun cue whose holder follows it, a relative clause in an apposition;
and the reasons cue_roles records when it gives a cue no row."""

from __future__ import annotations

import pytest

import newslab as nl
import newslab.cue_roles as cue_roles
import newslab.object_roles as object_roles


def _rows(text: str, *names: str) -> list[list[object]]:
    targets = tuple(nl.Target(n, aliases=(n,)) for n in names)
    table = nl.stance_table(nl.Article("a", "", text), targets=targets)
    return table[["holder", "target", "stance", "holder_rule", "target_rule"]].values.tolist()


def test_object_pronoun_is_the_target_named_before() -> None:
    text = "With $200,000, David Brat toppled Cantor, repeatedly criticizing him for being soft on immigration."
    rows = _rows(text, "Cantor", "David Brat")
    assert ["David Brat", "Cantor", "against"] in [r[:3] for r in rows]
    assert any(str(r[4]).startswith("object pronoun (him") for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Clinton praised her handling of the crisis.",  # "her" + noun: a possessive, not an object
        "Trump met Putin and praised him warmly.",  # the one named before is the holder only (no other target)
        "Cantor criticized him for being soft.",  # nobody named before but the holder
        "Clinton thanked the graduates and congratulated them on their work.",  # "them": no rule (things, groups)
    ],
)
def test_object_pronoun_without_another_target_before_gives_no_row(text: str) -> None:
    rows = _rows(text, "Clinton", "Trump", "Cantor")
    assert not [r for r in rows if str(r[4]).startswith("object pronoun")]


def test_object_pronoun_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(object_roles.ENABLED, "object pronoun", False)
    text = "With $200,000, David Brat toppled Cantor, repeatedly criticizing him for being soft on immigration."
    assert not [r for r in _rows(text, "Cantor", "David Brat") if str(r[4]).startswith("object pronoun")]


def test_party_word_and_title_after_the_comma_of_an_apposition() -> None:
    text = "Trump was told that Markle backed his rival, Democrat Hillary Clinton, in the 2016 election."
    rows = _rows(text, "Hillary Clinton", "Markle")
    assert ["Markle", "Hillary Clinton", "favor", "subject", "object (apposition) (apposition title)"] in rows


def test_apposition_without_a_name_after_the_titles_gives_no_row() -> None:
    rows = _rows("Markle backed his rival, Democratic candidates and donors in the 2016 election.", "Markle")
    assert rows == []


def test_target_before_a_noun_cue_whose_holder_follows() -> None:
    text = "Mr. Cruz's day began with an announcement of support from Jeb Bush, the former governor."
    rows = _rows(text, "Cruz", "Jeb Bush")
    assert ["Jeb Bush", "Cruz", "favor"] in [r[:3] for r in rows]
    assert "target before the noun cue (holder after from/among)" in [r[4] for r in rows]


@pytest.mark.parametrize(
    "text",
    [
        "The plan found support among young voters.",  # no target before
        "Trump’s comments show no grasp of the threat posed by Putin.",  # "by": no group holder
        "Lawmakers pressed Obama to say more about a plan for dealing with the threat from the group.",  # far
    ],
)
def test_noun_cue_with_its_holder_and_no_target_near_before_gives_no_row(text: str) -> None:
    rows = _rows(text, "Sanders", "Trump", "Obama")
    assert not [r for r in rows if str(r[4]).startswith("target before the noun cue")]


def test_target_before_noun_cue_after_his_or_her_may_be_far() -> None:
    text = "Mrs. Clinton’s lead in the state, aides said on Friday, comes from her expected support from black voters."
    assert ["black voters", "Clinton", "favor"] in [r[:3] for r in _rows(text, "Clinton")]


def test_relative_clause_in_an_apposition_names_its_holder() -> None:
    text = "Sanders, a Democratic presidential candidate who has been feuding with Wasserman Schultz, told CNN."
    rows = _rows(text, "Wasserman Schultz")
    assert ["Sanders", "Wasserman Schultz", "against", "subject (relative clause in an apposition)"] in [
        r[:4] for r in rows
    ]


def test_relative_clause_after_no_name_gives_no_apposition_holder() -> None:
    rows = _rows("The committee, a panel that has criticized Trump for months, met today.", "Trump")
    assert not [r for r in rows if "apposition" in str(r[3])]


def test_gave_up_records_why_a_cue_got_no_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cue_roles, "GAVE_UP", [])
    _rows("Trump praised the plan.", "Trump")
    assert cue_roles.GAVE_UP == [("praised", "Trump", "no target (verb cue): object is not a target ('plan')")]


def test_gave_up_is_off_in_use() -> None:
    assert cue_roles.GAVE_UP is None
    _rows("Trump praised the plan.", "Trump")
    assert cue_roles.GAVE_UP is None


def test_participle_after_a_comma_takes_the_subject_of_the_main_clause(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(cue_roles.ENABLED, "participle after comma", True)  # off in the package
    text = "Linton went on an Instagram rant of Trumpian proportions, mocking Miller for being out of touch."
    rows = _rows(text, "Miller")
    assert [r[:4] for r in rows] == [
        ["Linton", "Miller", "against", "subject of the main clause (participle after comma)"]
    ]


def test_participle_after_a_comma_with_no_subject_phrase_gives_no_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(cue_roles.ENABLED, "participle after comma", True)
    assert _rows("On Friday, attacking Trump was easy.", "Trump") == []


def test_round5_switches_in_the_package() -> None:
    assert object_roles.ENABLED["apposition title"] and object_roles.ENABLED["object pronoun"]
    assert cue_roles.ENABLED["target before group noun"] and cue_roles.ENABLED["apposition relative"]
    assert not cue_roles.ENABLED["participle after comma"]
