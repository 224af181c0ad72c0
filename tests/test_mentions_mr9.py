"""Mentions round 9 (issue 23, branch mr9): rules that fire and must not fire."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.binding import speaker_label
from newslab.document import Article


def _trump(text: str, date: str = "") -> list[tuple[str, str, str]]:
    meta = {"date": date} if date else {}
    df = nl.find_mentions(Article("x", "", text, metadata=meta), nl.TRUMP)
    return [(m, r, a) for m, r, a in df[["mention", "rule", "antecedent"]].itertuples(index=False)]


def _spans(text: str, date: str = "") -> list[str]:
    return [m for m, _, _ in _trump(text, date)]


MOON = "President Trump met President Moon Jae-in in Hanoi. The president said the talks would go on."


def test_dated_holder_fires() -> None:
    rows = _trump(MOON, "2019-02-28")
    assert ("The president", "role:dated holder", "dated holder, not Moon Jae-in") in rows, rows


@pytest.mark.parametrize(
    "text,date",
    [
        (MOON, ""),  # no date: the last named president decides, as before
        (MOON.replace("President Trump", "Donald Trump"), "2019-02-28"),  # the article never titles Trump so
        (MOON.replace("President Trump", "Former President Trump"), "2022-02-28"),  # Trump holds no office then
        ("President Trump met President Joe Biden. The president said the talks would go on.", "2022-08-09"),
        (MOON.replace("The president", "The former president"), "2019-02-28"),
        (MOON.replace("The president", "The South Korean president"), "2019-02-28"),
    ],
)
def test_dated_holder_must_not_fire(text: str, date: str) -> None:
    assert not [r for r in _trump(text, date) if r[1] == "role:dated holder"]
    assert not [s for s in _spans(text, date) if s.lower().startswith("the ")]


@pytest.mark.parametrize(
    "text",
    [
        "President Trump pressed the president of Ukraine to investigate Biden.",
        "President Trump praised the leader of North Korea on Sunday.",
    ],
)
def test_office_of_another_country_is_not_the_target(text: str) -> None:
    spans = _spans(text, "2019-09-25")
    assert spans == ["President Trump"], spans


def test_office_of_the_target_country_still_counts() -> None:
    text = "Trump spoke in Ohio. Nobody doubted that the president of the United States was angry."
    assert "the president of the United States" in _spans(text, "2019-09-25")


def test_speaker_label_is_no_mention() -> None:
    text = "Trump gave an interview.\n\nCARLSON: Are you worried?\n\nTRUMP: They're savage animals.\n"
    assert _spans(text) == ["Trump", "you"]  # the label is no mention; Carlson's "you" is (rule addressee)


@pytest.mark.parametrize(
    "text,word",
    [
        ("Trump: the verdict and what comes next", "Trump"),  # title case: a headline, not a turn
        ("He said TRUMP: was written on the sign.", "TRUMP"),  # not at a line start
    ],
)
def test_speaker_label_must_not_fire(text: str, word: str) -> None:
    start = text.index(word)
    assert not speaker_label(text, start, start + len(word))
    assert word in _spans(text)


def test_principle_c_vetoes_the_subject_rule() -> None:
    text = "Trump won Iowa on Monday. Who dropped out? Vivek Ramaswamy. He endorsed Trump straight away."
    assert "He" not in _spans(text)


def test_principle_c_must_not_fire_without_a_later_name() -> None:
    text = "Trump won Iowa on Monday. Who dropped out? Vivek Ramaswamy. He thanked Trump. Trump won. He was pleased."
    rows = _trump(text)
    assert [m for m, _, _ in rows].count("He") == 1, rows  # the second "He" (no name after it) is still Trump's


def test_addressee_fires() -> None:
    text = (
        "Trump skipped the debate.\n\nCARLSON: Are you worried, as you fight these cases?\n\n"
        "TRUMP: They're savage animals.\n"
    )
    rows = [r for r in _trump(text) if r[1] == "pronoun:addressee"]
    assert rows == [("you", "pronoun:addressee", "turn of TRUMP")] * 2, rows


@pytest.mark.parametrize(
    "text",
    [
        "Trump spoke.\n\nTRUMP: Did you see them?\n\nCARLSON: I did.\n",  # the target's own turn: "you" is Carlson
        "Trump spoke.\n\nCARLSON: Are you worried?\n\nThe exchange went on for an hour, and it was not the last "
        "of its kind this summer.\n\nTRUMP: No.\n",  # narrative between the turns
        "Trump spoke.\n\nCARLSON: Are you worried?\n\nBIDEN: No.\n",  # someone else answers
    ],
)
def test_addressee_must_not_fire(text: str) -> None:
    assert not [r for r in _trump(text) if r[1] == "pronoun:addressee"]


def test_target_inside_an_aside_is_no_antecedent() -> None:
    text = (
        "Haley spoke first. Vivek Ramaswamy, the 38-year-old entrepreneur who ran as Mr. Trump’s most loyal "
        "rival, ended his campaign."
    )
    assert "his" not in _spans(text)


def test_aside_must_not_fire_when_the_target_opens_the_sentence() -> None:
    text = "Haley spoke first. Mr. Trump, the front-runner who won Iowa, thanked his voters."
    assert "his" in _spans(text)


def test_aside_must_not_fire_for_an_object_pronoun() -> None:
    text = "Haley spoke first. A poll by the Club, a group that opposed Mr. Trump’s candidates, shows Haley leads him."
    assert "him" in _spans(text)


def test_open_subject_is_continued() -> None:
    text = (
        "Trump won Iowa on Monday. Who dropped out? Vivek Ramaswamy. He endorsed Trump straight away. "
        "Here is how he put it to supporters."
    )
    spans = _spans(text)
    assert "he" not in spans and "He" not in spans, spans


def test_open_subject_must_not_fire_when_the_opening_pronoun_is_the_target() -> None:
    text = "Trump won Iowa on Monday. He thanked the voters of Iowa. Here is how he put it to supporters."
    assert _spans(text).count("he") == 1
