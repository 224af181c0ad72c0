"""Stance rows a reader would sign (issue 23, branch sq): findings hold no stance, a source that passes on
others' words holds none, and the race is no judgement. Must-fire and must-not-fire cases, and generated
sentences whose every holder must be of an allowed kind."""

from __future__ import annotations

import itertools

import pytest

import newslab as nl
from newslab.holders import ACTOR_NOUNS, FINDINGS, PASSING_ON, RACE_WORDS, clean_holder, speaker_judges

TARGETS = (nl.TRUMP, nl.Target("Obama"), nl.Target("Clinton"), nl.Target("Putin"))


def rows(text: str) -> list[tuple[str, str, str]]:
    table = nl.stance_table(nl.Article("t", "", text), TARGETS, progress=False)
    return [(r.holder, r.target, r.stance) for r in table.itertuples()]


def test_lists_are_loaded_from_rule_words() -> None:
    assert {"polls", "forecasts"} <= FINDINGS and "according to" in PASSING_ON and "frontrunner" in RACE_WORDS


@pytest.mark.parametrize("holder", ["National polls", "some forecasts", "the survey", "new data"])
def test_findings_are_no_holders(holder: str) -> None:
    assert clean_holder(holder) == ""


@pytest.mark.parametrize(
    "holder",
    ["pollsters", "Senate Republicans", "the campaign", "Rand Paul", "voters", "Center for Immigration Studies"],
)
def test_actors_stay_holders(holder: str) -> None:
    assert clean_holder(holder) != ""


def test_speaker_judges_switches() -> None:
    assert speaker_judges("said", ["outstanding", "proud"])
    assert speaker_judges("said", ["winner", "poised"])  # one judging word besides the race
    assert not speaker_judges("according to", ["respect"])
    assert not speaker_judges("reporting", ["stolen"])
    assert not speaker_judges("acknowledged", ["frontrunner"])
    assert not speaker_judges("told", ["number (negated)"])


def test_must_fire_quoted_judgements() -> None:
    assert ("Sanders", "Clinton", "favor") in rows(
        "“Hillary Clinton will make an outstanding president and I am proud to stand with her,” Sanders said."
    )
    assert ("Ann Coulter", "Trump", "favor") in rows(
        "“He doesn’t need any help formulating his message — his message is perfect,” Ann Coulter said of Mr. Trump."
    )
    assert ("Netanyahu", "Obama", "favor") in rows('"We appreciate all that President Obama has done," Netanyahu said.')


#: Invented sentences shaped like the wrong rows of the dev read; each gives the row on the base code (fc6bf1e).
@pytest.mark.parametrize(
    "text, holder",
    [
        (
            "According to the Kremlin, Mr. Putin said he hoped to cooperate with Mr. Trump in a spirit of mutual "
            "respect.",
            "Kremlin",
        ),
        ("ABC is reporting that the Trump campaign received documents stolen from a Clinton aide.", "ABC"),
        ("Recent polls indicated a strong enthusiasm advantage among young voters for Obama.", "Recent polls"),
        ("Ted Cruz conceded that Trump was ‘the frontrunner and I’m the underdog in this race.’", "Ted Cruz"),
        ("Is Clinton the clear favorite to win, according to some forecasts?", "some forecasts"),
        ("The actor and director, who in early August endorsed Mr. Trump, joked with the crowd.", "August"),
        ("Iowa Caucus Looms Swelling doubts about the go-it-alone approach of Donald J. Trump.", "Looms Swelling"),
    ],
)
def test_must_not_fire_reports_and_race(text: str, holder: str) -> None:
    assert all(h != holder for h, _, _ in rows(text))


#: Holders the issue lists as junk, and findings: none may hold a row in any generated sentence.
JUNK = ["whom", "expressing", "extraordinary", "outright", "It", "His team", "by", "Italian", "National polls",
        "Some forecasts", "The survey", "New data"]  # fmt: skip
REAL = ["Senator Rand Paul", "Mitt Romney", "Senate Republicans", "Critics", "Voters", "The campaign"]
FRAMES = [
    "{h} criticized Mr. Trump on Monday.",
    "{h} praised President Obama for the deal.",
    "Yesterday, {h} said Mrs. Clinton was “a disgrace.”",
    "{h} showed strong support for Mr. Trump.",
    "According to {h}, Mr. Trump is a dangerous man.",
    "{h} accused Mrs. Clinton of lying.",
]


def test_generated_holders_are_allowed_kinds() -> None:
    """Every holder is a name, a group or actor noun, a resolved pronoun or the author; never junk or a finding."""
    seen_real = set()
    for frame, h in itertools.product(FRAMES, JUNK + REAL):
        for holder, _, _ in rows(frame.format(h=h)):
            assert holder not in JUNK, (frame, h, holder)
            assert holder == "author" or holder[:1].isupper() or holder.split()[-1].lower() in ACTOR_NOUNS or (
                holder.endswith("s")
            ), (frame, h, holder)  # fmt: skip
            assert clean_holder(holder) == holder
            if holder in REAL or holder.removeprefix("Senator ") in REAL:
                seen_real.add(holder)
    assert len(seen_real) >= 3  # the real holders do give rows (the test is not empty)


@pytest.mark.parametrize("holder", ["August", "Monday", "Looms Swelling", "STORY Ultimately"])
def test_dates_and_headline_words_are_no_holders(holder: str) -> None:
    assert clean_holder(holder) == ""


@pytest.mark.parametrize(
    "holder",
    [
        "May",
        "June",
        "White House",
        "Judiciary Committee",
        "Matt Canter",
        "Jeb Bush",
        "Common Cause",
        "Judicial Watch",
        "Conservative Review",
        "Legal Insurrection",
    ],
)
def test_names_and_institutions_stay_holders(holder: str) -> None:
    assert clean_holder(holder) == holder


def test_pressure_is_no_favor() -> None:
    text = (
        "In the race, Trump repeatedly criticized Hillary Clinton for her ties to Qatar, noting that her foundation "
        "had received large sums and encouraging Clinton to return the money."
    )
    assert ("Trump", "Clinton", "favor") not in rows(text)
    assert ("Trump", "Clinton", "favor") in rows("Trump encouraged Clinton in her campaign.")  # must fire
    text = "The results in Ohio gave Mr. Sanders a lifeline — and they may be quite encouraging to Mr. Trump’s rivals."
    assert all(s != "favor" for _, _, s in rows(text))


def test_speaker_is_not_the_target() -> None:
    from newslab.holders import names_the_target

    text = "Barack Obama met donors. Later he said he and Obama were lucky."
    spans = [(7, 12), (text.rindex("Obama"), text.rindex("Obama") + 5)]
    assert names_the_target("Barack Obama", text, spans)
    assert not names_the_target("Mitt Romney", text, spans)
    assert not names_the_target("Obama", text, [])
    # another bearer of the surname is no mention of the target: the row stays (must fire)
    assert ("Ivanka Trump", "Trump", "favor") in rows(
        "“He is a great leader and a wonderful father,” Ivanka Trump said of Mr. Trump."
    )
