"""Stance mechanisms of issue 23, round 4: cues from the tone lexicon, verb cues read as nouns, relation
nouns ("Clinton's critics", "Roger Stone, a Trump ally") and a subject phrase that is no actor."""

from __future__ import annotations

import pytest

import newslab as nl
import newslab.cue_matches as cue_matches
import newslab.lexicon_cues as lexicon_cues_module
from newslab.cue_matches import cue_reading
from newslab.cues import load_cues
from newslab.lexicon_cues import lexicon_cues

PACKAGE_DEFAULT = dict(lexicon_cues_module.ENABLED)  # read at import, before the fixture switches the rules on


@pytest.fixture(autouse=True)
def _lexicon_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lexicon rules are off in the package (newslab.lexicon_cues.ENABLED); these tests read them switched on."""
    monkeypatch.setattr(lexicon_cues_module, "ENABLED", {"lexicon verb": True, "lexicon noun": True})


def _rows(text: str, *names: str) -> list[list[object]]:
    targets = tuple(nl.Target(n, aliases=(n,)) for n in names)
    table = nl.stance_table(nl.Article("a", "", text), targets=targets)
    return table[["holder", "target", "stance", "holder_rule", "target_rule"]].values.tolist()


def test_lexicon_verb_aimed_at_a_target_gives_a_row_naming_its_rule() -> None:
    rows = _rows("Trump cheered Putin on Monday.", "Putin")
    assert [r[:3] for r in rows] == [["Trump", "Putin", "favor"]]
    assert rows[0][4] == "object (lexicon verb)"


def test_lexicon_noun_needs_a_preposition_toward_the_target() -> None:
    assert lexicon_cues("His warmth toward Russia.", [(18, 24)], ())[0][1].kind == "noun"
    assert lexicon_cues("His warmth, Russia said.", [(12, 18)], ()) == []


@pytest.mark.parametrize(
    "text",
    [
        "Boxer killed Fiorina's plan.",  # an act, not an attitude (NOT_ATTITUDES)
        "Clinton won Ohio.",
        "Trump cheered, and Putin left.",  # a comma between the word and the actor: not aimed at it
    ],
)
def test_lexicon_words_that_are_no_attitude_give_no_lexicon_row(text: str) -> None:
    rows = _rows(text, "Fiorina", "Ohio", "Putin")
    assert not [r for r in rows if "lexicon" in str(r[4])]


def test_negated_lexicon_verb_is_no_favor() -> None:
    assert [r[2] for r in _rows("Trump never cheered Putin.", "Putin")] != ["favor"]


def test_curated_cue_wins_over_the_lexicon() -> None:
    assert lexicon_cues("Boxer mocked Fiorina.", [(13, 20)], [(6, 12)]) == []


def test_verb_cue_as_noun_after_a_possessive_or_determiner(monkeypatch: pytest.MonkeyPatch) -> None:
    attack = next(c for c in load_cues() if c.cue == "attack")
    monkeypatch.setitem(cue_matches.ENABLED, "verb cue as noun", True)  # off in the package (not chosen by CV)
    assert cue_reading(attack, "attacks", "Maya Harris dismissed Mr. Trump’s ", "stance_cues").kind == "noun"
    assert cue_reading(attack, "attack", "For Clinton, every ", "stance_cues").kind == "noun"
    assert cue_reading(attack, "attack", "Republicans ", "stance_cues").kind == "verb"
    rows = _rows("Maya Harris dismissed Mr. Trump’s attacks on Clinton.", "Clinton", "Trump")
    assert ["Trump", "Clinton", "against", "possessor of attitude noun"] in [r[:4] for r in rows]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gibbs said it is easier for Clinton’s critics to give a reason.", ["critics", "Clinton", "against"]),
        ("Most Trump supporters say their minds are made up.", ["supporters", "Trump", "favor"]),
        ("Graham is one of Trump’s closest allies.", ["Graham", "Trump", "favor"]),
        (
            "Claire McCaskill, among Obama’s strongest Capitol Hill allies, spoke.",
            ["Claire McCaskill", "Obama", "favor"],
        ),
        ("The strategist Roger Stone, a Trump ally, was quoted.", ["Roger Stone", "Trump", "favor"]),
        ("Critics of Trump say the plan failed.", ["Critics", "Trump", "against"]),  # round 6: capital first letter
        ("Supporters of Trump rallied on Sunday.", ["Supporters", "Trump", "favor"]),
    ],
)
def test_relation_noun(text: str, expected: list[str]) -> None:
    rows = _rows(text, expected[1])
    assert [r[:3] for r in rows if r[3] == "relation noun"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "A Trump ally said so.",  # a singular noun that describes nobody named
        "He is no friend of Trump.",  # negated
        "In Arizona, Cruz loyalists won most delegates.",  # a place before a comma is no apposition
        "Friends of the Earth met Trump.",  # a capitalized noun whose "of" names no target
        "Ally Trump said so.",  # a capitalized singular noun describing nobody named
    ],
)
def test_relation_noun_without_a_holder_gives_no_row(text: str) -> None:
    rows = _rows(text, "Trump", "Cruz")
    assert [r for r in rows if r[3] == "relation noun" and r[0] not in ("loyalists",)] == []


def test_subject_phrase_that_is_no_actor_falls_back_to_the_actor_before() -> None:
    rows = _rows("Megyn Kelly made a fool of herself tonight- attacking Trump.", "Trump", "Megyn Kelly")
    assert ["Megyn Kelly", "Trump", "against"] in [r[:3] for r in rows]


def test_lexicon_verb_in_a_passive_gives_no_lexicon_row() -> None:
    rows = _rows("Sanders was cheered by supporters in Iowa.", "Sanders")
    assert not [r for r in rows if "lexicon" in str(r[4])]


def test_lexicon_rules_are_off_in_the_package() -> None:
    assert PACKAGE_DEFAULT == {"lexicon verb": False, "lexicon noun": False}
