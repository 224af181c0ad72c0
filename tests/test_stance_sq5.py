"""Known wrong stance rows, issue 23 round 6 (branch sq5).

Rules: "members of" (holders.members_holder: "members of the media" is the holder, not "allies"), "questioning a
person", "nobody acts" and "a rival in a race" (row_checks: to question a witness is no stance; "No women have
accused him" is no row; "Abrams' opponent in the gubernatorial race" is no attitude),
and "denied claim" (stance_rules: "X denied Y's claim that ..." is X against Y). Each sentence marked "at 1ef2d3c"
gives the wrong row (or lacks the row) on the base code; the must-not-fire sentences keep their rows.
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.phrase_rules import CLAIM_NOUNS
from newslab.row_checks import HOSTILE_QUESTIONS, nobody_acts, questioning_a_person, rival_in_race
from newslab.stance_rules import may_match

TARGETS = (nl.TRUMP, nl.NATO, nl.Target("Obama"), nl.Target("Brennan"), nl.Target("Clinton"), nl.Target("Wray"))


def rows(text: str, targets: tuple[nl.Target, ...] = TARGETS) -> list[tuple[str, str, str, str]]:
    table = nl.stance_table(nl.Article("t", "", text), targets, progress=False)
    return [(r.holder, r.target, r.stance, r.holder_rule) for r in table.itertuples()]


def test_lists_are_loaded_from_rule_words() -> None:
    assert {"heated", "hostile"} <= HOSTILE_QUESTIONS and "tough" not in HOSTILE_QUESTIONS
    assert {"claim", "accusations", "allegation"} <= set(CLAIM_NOUNS)


# rule "members of" -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,holder",
    [  # at 1ef2d3c each gave the holder "allies"
        (
            "For Obama, who has been faulted by members of both parties, the imperative is clear.",
            "members of both parties",
        ),
        ("Many members of the media have criticized Trump.", "members of the media"),
        ("Trump was criticized by members of Congress.", "members of Congress"),
        ("Members of the House Judiciary Committee criticized Trump.", "members of the House Judiciary Committee"),
    ],
)
def test_members_of_a_group_hold_as_written(text: str, holder: str) -> None:
    found = rows(text)
    assert [h for h, _, s, _ in found] == [holder] and found[0][2] == "against", found
    assert found[0][3].endswith("(members of)")


@pytest.mark.parametrize(
    "text",
    ["Trump was criticized by NATO members.", "Many NATO allies criticized Trump.", "Members of NATO met Trump."],
)
def test_allies_stay_allies(text: str) -> None:
    assert all(not h.startswith("members of") for h, _, _, _ in rows(text))


def test_members_of_nato_stay_allies_when_nato_is_a_target() -> None:
    found = rows("Trump was criticized by members of NATO.")
    assert ("allies", "Trump", "against") in [(h, t, s) for h, t, s, _ in found], found


def test_members_phrase_takes_adjectives_and_a_noun() -> None:
    # at 1ef2d3c both gave the holder "allies" (opinions test5 line 5666 and test7 line 3068, shortened)
    text = (
        "Members of the scientific community demonstrate in Boston to call attention to what they say are the"
        " increasing threats to science under President Trump."
    )
    assert [(h, t) for h, t, _, _ in rows(text)] == [("members of the scientific community", "Trump")]
    # a singular noun after "members of" still names people (clean_holder keeps the phrase)
    text = "Four members of the commission explained their concerns about Francis' recent appointment of Barros."
    assert [h for h, _, _, _ in rows(text, (nl.Target("Francis"),))] == ["members of the commission"]


# rule "questioning a person" ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [  # at 1ef2d3c each gave an "against" row toward the person questioned
        "Republicans questioned Brennan at the hearing on Tuesday.",
        "Trump will not be read his rights before he is questioned by investigators.",
        "Wray faced questions from House Republicans.",
        "Clinton questioned Trump about his taxes.",
        "Clinton's questioning of Trump was long.",
    ],
)
def test_questioning_a_person_is_no_stance(text: str) -> None:
    assert [r for r in rows(text) if r[2] == "against"] == []


@pytest.mark.parametrize(
    "text,row",
    [
        ("Clinton questioned Trump's fitness for office.", ("Clinton", "Trump", "against")),
        ("Clinton raised questions about Trump's fitness.", ("Clinton", "Trump", "against")),
        ("Wray faced heated questions from House Republicans.", ("House Republicans", "Wray", "against")),
    ],
)
def test_doubting_something_of_the_person_stays(text: str, row: tuple[str, str, str]) -> None:
    assert [(h, t, s) for h, t, s, _ in rows(text)] == [row]


def test_questioning_a_person_reads_the_gap() -> None:
    s = "Clinton questioned former FBI Director Brennan."
    assert questioning_a_person(s, (s.index("Brennan"), s.index("Brennan") + 7), -1.0, ["questioned"])
    s = "Clinton questioned the motives of Brennan."
    assert not questioning_a_person(s, (s.index("Brennan"), s.index("Brennan") + 7), -1.0, ["questioned"])
    assert not questioning_a_person("Clinton praised Brennan.", (16, 23), 1.0, ["praised"])


# rule "nobody acts" ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",  # at 1ef2d3c each gave a neutral row of the subject's noun ("women", "senators", "Democrat")
    [
        "No women have accused Trump of misconduct.",
        "None of the senators criticized Trump.",
        "No Democrat praised Trump.",
    ],
)
def test_nobody_acts_gives_no_row(text: str) -> None:
    assert rows(text) == []


@pytest.mark.parametrize(
    "text,row",
    [
        ("Few Republicans criticized Trump.", ("Republicans", "Trump", "neutral")),  # some did: a neutral row
        ("There is no doubt Clinton praised Trump.", ("Clinton", "Trump", "favor")),
        ("Clinton did not criticize Trump.", ("Clinton", "Trump", "neutral")),  # her own act, not done
        ("Clinton refused to condemn Trump.", ("Clinton", "Trump", "neutral")),  # kept: her refusal is hers
    ],
)
def test_some_one_acts_keeps_the_row(text: str, row: tuple[str, str, str]) -> None:
    assert [(h, t, s) for h, t, s, _ in rows(text)] == [row]


def test_nobody_acts_needs_the_few_prefix() -> None:
    assert not nobody_acts("No women have accused him.", -1.0, ["accused"])


# rule "denied claim" and denials -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,holder",
    [  # at 1ef2d3c: no row
        ("Clinton denied Trump's claim that she lied.", "Clinton"),
        ("Obama denied Trump's accusations that he had wiretapped the tower.", "Obama"),
        ("The campaign disputed Trump's claims on Monday.", "campaign"),
    ],
)
def test_denied_claim_is_against_the_claimant(text: str, holder: str) -> None:
    assert [(h, t, s, r) for h, t, s, r in rows(text)] == [(holder, "Trump", "against", "denied claim")]


@pytest.mark.parametrize(
    "text",
    [
        "Clinton did not dispute Trump's claim.",  # a negated denial
        "He denied Trump's claim.",  # an unresolved pronoun holds nothing
        "Strzok denied that he hurt Trump.",  # a denial of one's own act: no Strzok -> Trump row
        "Strzok denied that his texts hurt Trump.",
        "Clinton denied Trump's Moscow trip.",  # no claim noun
    ],
)
def test_denials_without_a_claim_give_no_row(text: str) -> None:
    assert [r for r in rows(text, (*TARGETS, nl.Target("Strzok"))) if r[2] != "neutral"] == []


def test_may_match_reads_the_denial() -> None:
    assert may_match("Clinton denied Trump's claim.") and not may_match("Clinton denied the claim.")


# rule "a rival in a race" ------------------------------------------------------------------------------------


def test_a_rival_in_a_race_is_no_stance() -> None:
    # at 1ef2d3c: Kemp -> Abrams against ("opponent", relation noun)
    assert rows("Kemp is Abrams' Republican opponent in the gubernatorial race.", (nl.Target("Abrams"),)) == []


@pytest.mark.parametrize(
    "text,row",
    [
        ("Trump's opponents in the primary attacked him.", ("opponents", "Trump", "against")),  # a group that acts
        ("Trump's opponents say he is unfit.", ("opponents", "Trump", "against")),  # no contest
    ],
)
def test_opponents_outside_a_race_stay(text: str, row: tuple[str, str, str]) -> None:
    assert [(h, t, s) for h, t, s, _ in rows(text)] == [row]


def test_rival_in_race_reads_the_cue() -> None:
    assert rival_in_race("He is her opponent in the race.", -0.8, ["opponent"])
    assert not rival_in_race("He is her supporter in the race.", 0.8, ["supporter"])
    assert not rival_in_race("He criticized her in the race.", -1.0, ["criticized"])


# rule "wished well" ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,cue",
    [  # at 1ef2d3c: no row
        ("Trump called Clinton on Tuesday. Clinton wished him well.", "wished … well"),
        ("Clinton wished Trump good luck in the race.", "wished … good luck"),
        ("Obama wished Trump the best of luck.", "wished … the best"),
    ],
)
def test_wished_well_is_favor(text: str, cue: str) -> None:
    found = nl.stance_table(nl.Article("t", "", text), TARGETS, progress=False)
    assert [
        (r.holder, r.target, r.stance, r.cues, r.holder_rule) for r in found.itertuples() if r.target == "Trump"
    ] == [("Clinton" if "Clinton wished" in text else "Obama", "Trump", "favor", [cue], "wished well")]


@pytest.mark.parametrize(
    "text",
    [
        "Clinton did not wish Trump well.",  # negated
        "He wished Trump success.",  # an unresolved pronoun holds nothing
        "Clinton wishes she had praised Trump well.",  # no one object: no wish to Trump
        "Clinton wished Trump and Obama would leave.",  # no wish word
    ],
)
def test_wished_well_must_not_fire(text: str) -> None:
    assert [r for r in rows(text) if r[3] == "wished well"] == []
