"""Round 7 of issue 23's stance recall: experiencer verbs ("X angered Y"), relation nouns in appositions and
copulas ("A and B, both Cruz supporters"), and "his/her supporters" after a named target."""

from __future__ import annotations

import pytest

import newslab as nl
import newslab.experiencers as experiencers
import newslab.stance_rules as stance_rules


def _rows(text: str, *names: str) -> list[list[object]]:
    targets = tuple(nl.Target(n, aliases=(n,)) for n in names)
    table = nl.stance_table(nl.Article("a", "", text), targets=targets)
    return table[["holder", "target", "stance", "holder_rule", "cues"]].values.tolist()


@pytest.mark.parametrize(
    "text,names,expected",
    [
        ("Johnson’s statements angered Nazanin and her family.", ("Johnson",),
         [["Nazanin", "Johnson", "against", "experiencer object"]]),
        ("Flynn has also outraged some national security experts with his warmth.", ("Flynn",),
         [["national security experts", "Flynn", "against", "experiencer object"]]),
        ("And Fiorina has impressed the hardworking Cruz with her loyal work.", ("Fiorina", "Cruz"),
         [["Cruz", "Fiorina", "favor", "experiencer object"]]),
        ("Merkel was angered by Trump on Monday.", ("Trump", "Merkel"),
         [["Merkel", "Trump", "against", "experiencer subject (passive)"]]),
        ("Trump's remarks infuriated Democrats.", ("Trump",),
         [["Democrats", "Trump", "against", "experiencer object"]]),
    ],
)  # fmt: skip
def test_experiencer_object_fires(text: str, names: tuple[str, ...], expected: list) -> None:
    rows = _rows(text, *names)
    assert [r[:4] for r in rows if str(r[3]).startswith("experiencer")] == expected
    assert all(r[4] for r in rows)  # the verb is the row's cue (evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Trump did not anger Merkel.",  # negated
        "The move angered Merkel.",  # the subject is no target
        "Trump was angered that Merkel spoke.",  # no agent after "by": no target
        "Any moves by her campaign could risk angering Trump voters.",  # a gerund: no subject
        "Trump impresses on Merkel the need for spending.",  # "impress on": no object phrase
        "NATO allies worried Trump would leave.",  # "worry" is not an experiencer verb here (a clause follows)
        "Trump angered him.",  # an unresolved pronoun feels nothing here
    ],
)
def test_experiencer_object_does_not_fire(text: str) -> None:
    rows = _rows(text, "Trump", "NATO")
    assert [r for r in rows if str(r[3]).startswith("experiencer")] == []


def test_experiencer_object_is_off_with_its_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(stance_rules.ENABLED, "experiencer object", False)
    assert _rows("Merkel was angered by Trump on Monday.", "Trump", "Merkel") == []
    assert not experiencers.may_feel("Merkel was angered by Trump.")


@pytest.mark.parametrize(
    "text,names,expected",
    [
        ("Bob Barr and former district chairman Scott Johnson, both Cruz supporters, were elected.", ("Cruz",),
         [["Scott Johnson", "Cruz", "favor", "relation noun"], ["Bob Barr", "Cruz", "favor", "relation noun (both)"]]),
        ("He was endorsed by Sean Hannity and Laura Ingraham, who are also both Trump supporters.", ("Trump",),
         [["Laura Ingraham", "Trump", "favor", "relation noun"],
          ["Sean Hannity", "Trump", "favor", "relation noun (both)"]]),
        ("One of Mr. Obama’s key supporters, former adviser David Axelrod, then took to Twitter.", ("Obama",),
         [["David Axelrod", "Obama", "favor", "relation noun"]]),
        ("But Corker emerged as one of the most vocal critics of the Obama administration's policy.",
         ("Obama administration",), [["Corker", "Obama administration", "against", "relation noun"]]),
        ("An enthusiastic Trump supporter, Jenkins chaired the committee.", ("Trump",),
         [["Jenkins", "Trump", "favor", "relation noun"]]),
    ],
)  # fmt: skip
def test_relation_apposition_names_the_holder(text: str, names: tuple[str, ...], expected: list) -> None:
    assert [r[:4] for r in _rows(text, *names)] == expected


@pytest.mark.parametrize(
    "text,names,expected",
    [
        ("Sanders promised his cheering supporters a win.", ("Sanders",), [["supporters", "Sanders", "favor"]]),
        ("Donald Trump and his defenders are having a hard time.", ("Donald Trump",),
         [["defenders", "Donald Trump", "favor"]]),
        ("Hillary Clinton met Trump and told her supporters to vote.", ("Hillary Clinton", "Trump"),
         [["supporters", "Hillary Clinton", "favor"]]),  # "her": the woman's name, not the nearest
        ("Hillary Clinton attacked Trump and his supporters.", ("Hillary Clinton", "Trump"),
         [["Hillary Clinton", "Trump", "against"], ["supporters", "Trump", "favor"]]),  # "his": not Hillary
    ],
)  # fmt: skip
def test_relation_his_is_the_target_named_before(text: str, names: tuple[str, ...], expected: list) -> None:
    assert [r[:3] for r in _rows(text, *names)] == expected


@pytest.mark.parametrize(
    "text,names",
    [
        ("To his supporters, Moon Jae-in is a master negotiator.", ("Moon Jae-in",)),  # nobody named before
        ("Trump painted Democrats and his opponents as extreme.", ("Democrats",)),  # a group is no "he"
        ("Trump met Nancy Pelosi and his supporters cheered.", ("Nancy Pelosi",)),  # "his" is not Nancy's
        ("Trump met Pelosi and their supporters cheered.", ("Pelosi",)),  # "their" is not read
        ("Trump’s critics, Clinton said, are right.", ("Trump", "Clinton")),  # a speaker after the comma
    ],
)
def test_relation_round7_does_not_fire(text: str, names: tuple[str, ...]) -> None:
    rows = _rows(text, *names)
    assert [r for r in rows if "his/her" in str(r[3]) or "(both)" in str(r[3]) or r[0] == "Clinton"] == []


def test_relation_round7_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(stance_rules.ENABLED, "relation his", False)
    assert _rows("Sanders promised his cheering supporters a win.", "Sanders") == []
    monkeypatch.setitem(stance_rules.ENABLED, "relation apposition", False)
    rows = _rows("Bob Barr and former district chairman Scott Johnson, both Cruz supporters, were elected.", "Cruz")
    assert [r[:3] for r in rows] == [["supporters", "Cruz", "favor"]]  # the round-6 reading: the group noun
