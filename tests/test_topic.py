"""Rule "pronoun:topic" (newslab.topic): the person a stretch of text is about, carried in subject position."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.document import Article, parse
from newslab.people import people_words
from newslab.topic import TOPIC_WINDOW, is_subject, noun_subject, opens_with


def _credits(text: str) -> list[tuple[str, str, str]]:
    """Trump's non-name mentions: (words, rule, antecedent)."""
    table = nl.find_mentions(nl.Corpus.from_texts({"a": text}), progress=False)
    rows = table[(table["target"] == "Trump") & (table["kind"] != "name")]
    return list(zip(rows["mention"], rows["rule"], rows["antecedent"], strict=True))


FIRED = "Donald Trump fired James Comey on Tuesday. "
GAP = "Markets fell. Oil rose. Bonds slipped. "  # three sentences without a person: past the discourse window


@pytest.mark.parametrize(
    "text,expected",
    [
        # after a gap longer than the discourse window (an organization speaks in the pronoun's sentence)
        (
            "Donald Trump spoke in Ohio. " + GAP + "The White House said he was calm.",
            [("he", "pronoun:topic", "Donald Trump")],
        ),
        (
            "Donald Trump spoke in Ohio. " + GAP + "The White House said his words were clear.",
            [("his", "pronoun:topic", "Donald Trump")],
        ),
        # a woman takes the subject in between: not a person a "he" can mean, the walk goes on
        (
            "Donald Trump spoke in Ohio. Nancy Pelosi called it a disgrace. "
            + GAP
            + "The White House said he was calm.",
            [("he", "pronoun:topic", "Donald Trump")],
        ),
        # an organization takes the subject in between
        (
            "Donald Trump spoke in Ohio. The FBI Agents Association condemned it. "
            + GAP
            + "Aides were calm, and he slept.",
            [("he", "pronoun:topic", "Donald Trump")],
        ),
        # an opening "he" carries the subject past another man named as an object
        (FIRED + GAP + "He said the decision was final.", [("He", "pronoun:topic", "Donald Trump")]),
        # the speaker after a quote, carried from the subject of a coordinated main clause
        (
            "It was his son who took the business to Manhattan, and Mr. Trump never let anyone forget it. "
            "“My father said, ‘Stay.’ I went anyway,” he said.",
            [("he", "pronoun:topic", "Mr. Trump")],
        ),
    ],
)
def test_topic_fires(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [c for c in _credits(text) if c[1] == "pronoun:topic"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # two men: the other one takes the subject
        "Donald Trump spoke in Ohio. Senator Chuck Schumer condemned it. " + GAP + "The White House said he was calm.",
        "Donald Trump spoke in Ohio. “It was a mistake,” Chuck Schumer said. " + GAP + "He was calm.",
        # a rival beside the subject: only an opening "he" or a speaker is carried
        FIRED + GAP + "The White House said he would not back down.",
        FIRED + GAP + "In a statement, the White House said his decision was final.",
        "Trump met Rutte. Reporters asked him about it.",
        "Trump met Rutte. The talks went well, and he smiled.",
        # two subjects joined: left to the reader
        "Donald Trump and Emmanuel Macron met in Paris. " + GAP + "He was pleased.",
        # an unnamed person takes the subject ("a gunman", "a spokesman")
        "Donald Trump spoke in Ohio. A gunman fired at the stage. " + GAP + "He was arrested.",
        "Donald Trump spoke in Ohio. " + GAP + "A spokesman said he would not back down.",
        # a subject pronoun nobody could resolve stops the walk
        "Donald Trump spoke in Ohio. A gunman fired at the stage. He was shot dead by police. "
        + GAP
        + "His motive was unclear.",
        # inside a quote: the quote's own world (Comey, not Trump)
        "Donald Trump spoke in Ohio. " + GAP + "“He lost the confidence of the bureau,” Sarah Sanders said.",
        # an unnamed person or an office opens the pronoun's own sentence
        "Donald Trump spoke in Ohio. " + GAP + "The senator said his bill would pass.",
        "Donald Trump spoke in Ohio. " + GAP + "The outgoing president said he was worried.",
        # the target named later in the pronoun's own sentence (principle C)
        "Donald Trump spoke in Ohio. " + GAP + "He said he had tried to reach Mr. Trump.",
        # only someone else at hand, as a possessor
        "Donald Trump spoke in Ohio. " + GAP + "The words were President Biden's. He was right.",
    ],
)
def test_topic_does_not_fire(text: str) -> None:
    assert [c for c in _credits(text) if c[1] == "pronoun:topic"] == []


def test_topic_window() -> None:
    """Beyond TOPIC_WINDOW sentences without a person the topic is not carried."""
    filler = "Markets fell. " * (TOPIC_WINDOW + 1)
    assert _credits("Donald Trump spoke in Ohio. " + filler + "The White House said he was calm.") == []


def test_topic_mentions_do_not_chain() -> None:
    """A topic credit is no antecedent of the discourse rule: each pronoun takes the rule itself or stays open."""
    text = "Donald Trump spoke in Ohio. " + GAP + "The White House said he was calm. Officials said he slept."
    assert [c[1] for c in _credits(text)] == ["pronoun:topic", "pronoun:topic"]


@pytest.mark.parametrize(
    "text,name,expected",
    [
        ("Donald Trump fired Comey.", "Donald Trump", True),
        ("On Tuesday, President Donald Trump fired Comey.", "Donald Trump", True),
        ("Pelosi called it a disgrace, and Donald Trump fired Comey.", "Donald Trump", True),
        ("“We won,” Donald Trump said.", "Donald Trump", True),
        ("Senate Democratic leader Chuck Schumer said it was wrong.", "Chuck Schumer", True),
        ("Aides to Donald Trump said it was wrong.", "Donald Trump", False),
        ("Donald Trump's aides fired Comey.", "Donald Trump", False),
        ("Comey was fired by Donald Trump.", "Donald Trump", False),
    ],
)
def test_is_subject(text: str, name: str, expected: bool) -> None:
    doc = parse(Article("a", "", text))
    start = text.index(name)

    class Occurrence:
        def __init__(self) -> None:
            self.start, self.end, self.sentence, self.target = start, start + len(name), 0, None

    assert is_subject(text, doc, Occurrence(), frozenset({"to", "of", "by"})) is expected


def test_noun_subject_and_opening() -> None:
    nouns = people_words()[1]
    doc = parse(Article("a", "", "The gunman fled. The decision stunned Washington. A spokesman said no."))
    text = doc.text
    assert [noun_subject(text, doc, k, doc.sentences[k].end, nouns, "male") for k in range(3)] == [True, False, True]
    second = doc.sentences[1].start
    assert opens_with(text, second, second) is True
    assert opens_with(text, second, text.index("Washington")) is False
