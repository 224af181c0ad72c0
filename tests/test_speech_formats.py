"""Quote formats outside the sentence: transcripts, reaction lists, titles, findings (issue 23)."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.speech_formats import bad_speaker, is_title


def _quotes(text: str) -> list[tuple[str, str, str, str]]:
    df = nl.find_quotes(nl.Article("x", "", text))
    return [(q, k, s, r) for q, k, s, r in df[["quote", "kind", "speaker_resolved", "rule"]].itertuples(index=False)]


@pytest.mark.parametrize(
    "text,quote,speaker,rule",
    [
        ("Chris Wallace moderated.\n\nWALLACE: Will you accept the result?\n\nTRUMP: I will look at it.",
         "I will look at it.", "Trump", "transcript"),
        ("Chris Wallace moderated.\n\nWALLACE: Will you accept the result?", "Will you accept the result?",
         "Chris Wallace", "transcript"),
        ("The debate went on.\n\nMS. CLINTON: That is horrifying.", "That is horrifying.", "Clinton", "transcript"),
        ("Reactions poured in.\n\nJohn Smith, Fox News: “This is a disaster.”\n\nMary Jones, CNN: “A historic night.”",
         "A historic night.", "Mary Jones", "label"),
        ("“We will not back down.”\n\nThat was the message from Senator Elizabeth Warren on Tuesday.",
         "We will not back down.", "Elizabeth Warren", "next-sentence"),
        ("New polls show Trump trailing in Michigan.", "Trump trailing in Michigan", "New polls", "finding"),
        ("A new survey found that most voters oppose the wall.", "most voters oppose the wall", "A new survey",
         "finding"),
        # a second bearer of the surname is per mention: "Mr. Trump" stays the target
        ("John Trump, an engineer, was the president's uncle.\n\n“My uncle was a genius,” Mr. Trump said.",
         "My uncle was a genius", "Trump", "after-quote"),
    ],
)  # fmt: skip
def test_speaker_formats(text: str, quote: str, speaker: str, rule: str) -> None:
    rows = _quotes(text)
    assert any(q == quote and s == speaker and r == rule for q, _, s, r in rows), rows


@pytest.mark.parametrize(
    "text",
    [
        "Pence appeared on “Tucker Carlson Tonight” on Monday. He praised the president.",
        "Trump told “Fox and Friends” that he would win.",
        "Her memoir, “What Happened,” sold well.",
        "UPDATE: The vote was moved to Friday.",  # page furniture, not a speaker
        "Q: What did you see?",  # the interviewer's question
    ],
)
def test_titles_and_labels_are_no_quotes(text: str) -> None:
    rows = _quotes(text)
    assert not [r for r in rows if r[0] in ("Tucker Carlson Tonight", "Fox and Friends", "What Happened")], rows
    assert not [r for r in rows if r[3] == "transcript"], rows


@pytest.mark.parametrize(
    "text,start_word,title",
    [
        ("Pence appeared on “Tucker Carlson Tonight” on Monday.", "Tucker", True),
        ("He called it “a disaster for the country.”", "a", False),
        ("“We Will Win,” Trump said.", "We", False),  # the comma inside the marks: speech
        ("Trump repeated the “Crooked Hillary” line.", "Crooked", True),  # a nickname
        ("“We will win,” Trump said.", "We", False),
        ("He said “No.”", "No", False),
    ],
)
def test_is_title(text: str, start_word: str, title: bool) -> None:
    start = text.index(start_word, text.index("“"))
    end = text.index("”")
    assert is_title(text, start, end, text.index("“")) is title


@pytest.mark.parametrize(
    "phrase,bad",
    [("Asked", True), ("the Democratic", True), ("Meanwhile", True), ("both", True), ("Mr. Stone", False),
     ("May", False), ("Will", False), ("police", False), ("a court filing", False), ("he", False),
     ("Several economists", False)],
)  # fmt: skip
def test_bad_speaker(phrase: str, bad: bool) -> None:
    assert bad_speaker(phrase) is bad


def test_no_junk_speakers_on_generated_sentences() -> None:
    text = (
        "Asked about the wall, Trump said: “We will build it.”\n\n"
        "The Democratic senator from Ohio said “this is wrong.”\n\n"
        "Meanwhile, “nothing changes,” the Democratic said."
    )
    rows = _quotes(text)
    assert all(not bad_speaker(s) for _, _, s, _ in rows if s), rows
    assert ("We will build it.", "direct", "Trump", "before-quote") in rows


@pytest.mark.parametrize(
    "text,quote,speaker",
    [
        # British single marks; an apostrophe inside a word does not close the quote
        ("‘We have beaten Donald Trump’s team three times,’ Cruz said.",
         "We have beaten Donald Trump’s team three times", "Cruz"),
        ("Marco Rubio spoke. He called Trump ‘the most vulgar person’. The Democrats’ plan failed.",
         "the most vulgar person", "Marco Rubio"),
        # a name said inside the quote is not the "he" who says it
        ("Ted Cruz fared better. ‘We are the only campaign that has beaten Donald Trump,’ he said.",
         "We are the only campaign that has beaten Donald Trump", "Ted Cruz"),
        # "he" is not "Ms. Pelosi"
        ("Donald Trump wrote to Ms. Pelosi on Tuesday. “It is a coup,” he wrote.", "It is a coup", "Donald Trump"),
    ],
)  # fmt: skip
def test_british_quotes_and_speaker_pronouns(text: str, quote: str, speaker: str) -> None:
    rows = _quotes(text)
    assert any(q == quote and s == speaker for q, _, s, _ in rows), rows
