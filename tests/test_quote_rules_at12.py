"""Rules of the twelfth attribution round (issue 23, branch at12): must-fire and must-not-fire sentences.

Each must-fire sentence gave no row or a wrong speaker at base 6ba3944.
"""

from __future__ import annotations

import pandas as pd
import pytest

import newslab as nl


def _quotes(text: str, date: str = "") -> pd.DataFrame:
    article = nl.Article("a", "", text, metadata={"date": date} if date else {})
    return nl.find_quotes(nl.Corpus([article]))


def _row(table: pd.DataFrame, words: str) -> pd.Series:
    rows = table[table["quote"].str.contains(words, regex=False)]
    assert len(rows) == 1, table[["quote", "speaker_resolved", "rule"]]
    return rows.iloc[0]


# --- rule "concessive-tail": "…, X said, though …" ---------------------------------------------------------------

LOMBARDO = (
    "Holloway did not demonstrate signs of being under the influence of alcohol, Lombardo said, though a police "
    "expert believed she was under the influence of a stimulant."
)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (LOMBARDO, "Holloway did not demonstrate", "Lombardo"),
        ("The plan is dead, officials said, although talks went on.", "The plan is dead", "officials"),
        ("The deal will hold, she said, even though two parties left.", "The deal will hold", "she"),
    ],
)
def test_concessive_tail_fires(text: str, content: str, speaker: str) -> None:
    row = _row(_quotes(text), content)
    assert row["speaker"] == speaker
    assert row["rule"] == "reported-after; concessive-tail"


@pytest.mark.parametrize(
    "text",
    [
        "At that point, Lombardo said, though the police expert disagreed.",  # no verb before: no reported clause
        "The plan is dead, officials said though.",  # no clause after "though"
        "The plan is dead, officials said, and though talks went on, nobody came.",  # a clause of its own
    ],
)
def test_concessive_tail_does_not_fire(text: str) -> None:
    table = _quotes(text)
    assert not table["rule"].str.contains("concessive-tail").any(), table[["quote", "rule"]]


def test_concessive_tail_keeps_plain_reported_after() -> None:
    row = _row(_quotes("The plan is dead, officials said."), "The plan is dead")
    assert row["rule"] == "reported-after"


# --- rule "role:dated-holder": "the president" is the date's president, not the last one titled so ---

UKRAINE_CALL = (
    "President Trump pressed the president of Ukraine to investigate a rival. "
    "“I would like you to do us a favor though,” he told President Volodymyr Zelensky. "
    "“It sounds horrible to me,” the president said."
)


def test_dated_holder_fires() -> None:
    row = _row(_quotes(UKRAINE_CALL, "2019-09-25"), "It sounds horrible")
    assert row["speaker"] == "the president"
    assert row["speaker_resolved"] == "Trump"
    assert row["speaker_rule"] == "role:dated-holder"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (UKRAINE_CALL, ""),  # no date: no holder on a day
        (UKRAINE_CALL, "2015-06-01"),  # Trump holds no office then: the president last named so speaks
        (UKRAINE_CALL.replace("President Trump pressed", "Mr. Trump pressed"), "2019-09-25"),  # never titled so
    ],
)
def test_dated_holder_does_not_fire(text: str, date: str) -> None:
    row = _row(_quotes(text, date), "It sounds horrible")
    assert row["speaker_resolved"] == "Volodymyr Zelensky"
    assert row["speaker_rule"] == "role:named-earlier"


# --- rule "finding-agent": a poll's speaker runs through "conducted by X" ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Entrance polls conducted by Edison Research show that about two-thirds of caucusgoers believed the claim.",
            "Entrance polls conducted by Edison Research",
        ),
        (
            "A recent poll conducted by the Braun campaign found Braun leads with the most enthusiastic voters.",
            "A recent poll conducted by the Braun campaign",
        ),
    ],
)
def test_finding_agent_fires(text: str, speaker: str) -> None:
    row = _row(_quotes(text), "")
    assert row["speaker"] == speaker
    assert row["rule"].endswith("; finding-agent")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A poll taken on Tuesday found that most voters were undecided.", "A poll"),  # a time, no agent
        ("A poll conducted by phone shows Smith ahead by four points.", "A poll"),  # a manner, no name
    ],
)
def test_finding_agent_does_not_fire(text: str, speaker: str) -> None:
    row = _row(_quotes(text), "")
    assert row["speaker"] == speaker
    assert "finding-agent" not in row["rule"]


# --- rule "one-of:group": "one of them said" with the group named in the sentence before ------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "To Democrats, it was the confirmation they had been waiting for. "
            "“The president has admitted to asking a foreign leader for help,” one of them said on Tuesday.",
            "Democrats",
        ),
        ("Several Republican senators met the president. “We told him no,” one of them said.", "Republican senators"),
        ("Three lawmakers left the room early. “It was a waste of time,” one of them said.", "lawmakers"),
    ],
)
def test_one_of_group_fires(text: str, group: str) -> None:
    row = _row(_quotes(text), "")
    assert row["speaker_resolved"] == group
    assert row["speaker_rule"] == "one-of:group"


@pytest.mark.parametrize(
    "text",
    [
        "The actions were announced on Monday. “We told him no,” one of them said.",  # things, no people
        "“Democrats are wrong,” he said. “We told him no,” one of them said.",  # the plural is inside a quote
        "“We told him no,” one of them said.",  # no sentence before
    ],
)
def test_one_of_group_does_not_fire(text: str) -> None:
    table = _quotes(text)
    assert not (table["speaker_rule"] == "one-of:group").any(), table[["quote", "speaker_resolved"]]
    assert not table["speaker_resolved"].str.contains("Democrats").any()
