"""Quote formats outside the sentence: transcripts, reaction lists, titles, findings (issue 23)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslab as nl
from newslab.speech_formats import _FINDING_VERB, bad_speaker, is_title


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


# Speakers named after the quote, in the next sentence or paragraph (issue 23): the one named after
# outranks the previous paragraph's speaker, and "he" afterwards means them.
@pytest.mark.parametrize(
    "text,quote,speaker",
    [
        ("Governor Ann Lee said the plan was sound.\n\n“We cannot afford this bridge.”\n\n"
         "That was Senator Paul Ortiz of Nevada, who voted no.", "We cannot afford this bridge.", "Paul Ortiz"),
        ("“The port will close.”\n\nThe words were Mayor Carl Brandt's, spoken in Hamburg, Germany, on Friday.",
         "The port will close.", "Carl Brandt"),
        ("Mr. Ray spoke first.\n\n“This is a stain on the chamber,”\n\nThe statement, issued late on Monday, came "
         "from Representative Ellen Moss of Ohio.", "This is a stain on the chamber,", "Ellen Moss"),
        ("“I will not resign.”\n\nThose words came hours later from Tom Baker, the city's treasurer.",
         "I will not resign.", "Tom Baker"),
    ],
)  # fmt: skip
def test_speaker_named_after_the_quote(text: str, quote: str, speaker: str) -> None:
    rows = _quotes(text)
    found = [(q.rstrip(","), s) for q, _, s, r in rows if r == "next-sentence"]
    assert (quote.rstrip(","), speaker) in found, rows


def test_pronoun_after_a_speaker_named_after_the_quote() -> None:
    text = (
        "“The port will close.”\n\nThe words were Mayor Carl Brandt's, spoken in Hamburg, Germany, on Friday. "
        "He said he had warned the council."
    )
    rows = _quotes(text)
    assert any(q.startswith("he had warned") and s == "Carl Brandt" for q, _, s, _ in rows), rows


@pytest.mark.parametrize(
    "text",
    [
        "“We won.”\n\nThat was Monday.",  # a day, not a speaker
        "“We won.”\n\nThat was the end of it.",  # no name at all
        "“We won.”\n\nThe weather was cold in Boston.",  # no speech noun
    ],
)
def test_no_speaker_named_after_the_quote(text: str) -> None:
    assert not [r for r in _quotes(text) if r[3] == "next-sentence"], _quotes(text)


@pytest.mark.parametrize(
    "text,speaker",
    [
        # a place after "of" belongs to the person before it ("X of New York, …, who said")
        ("The bill was written by Senator Ruth Kale of New Mexico, the panel's chair, who said it would pass.",
         "Ruth Kale"),
        # a role before the name opens the clause's subject ("His son Eric …, writing: “…”")
        ("Her brother Owen Hale posted a picture of the house with its door open, writing: “Home at last!”",
         "Owen Hale"),
        # a middle initial keeps the given name ("Mr. Hale" -> "Victor T. Hale", not "T. Hale")
        ("Victor T. Hale announced his run on Monday. “I am ready,” Mr. Hale said.", "Victor T. Hale"),
    ],
)  # fmt: skip
def test_speaker_is_the_person_not_a_place_or_initial(text: str, speaker: str) -> None:
    rows = _quotes(text)
    assert rows and rows[-1][2] == speaker, rows


@pytest.mark.parametrize(
    "text,bad",
    [
        # a place is no antecedent of "he": "spoken in Rehoboth Beach" names no speaker
        ("“Enough.”\n\nThe remark came on Friday in Rehoboth Beach, Del. He said he was tired.", "Rehoboth Beach"),
        # "It's" cut out of a quote is no subject
        ("“It's over. It's sick,”\n\nIt's late. He said he had called.", "It"),
    ],
)  # fmt: skip
def test_pronoun_speaker_is_never_a_place_or_pronoun(text: str, bad: str) -> None:
    assert not [r for r in _quotes(text) if r[2] == bad], _quotes(text)


def test_title_named_by_an_apposition_is_no_quote() -> None:
    text = "He posted an image styled after “Game of Thrones,” the HBO series, on Friday."
    assert not [r for r in _quotes(text) if r[0].startswith("Game of Thrones")], _quotes(text)
    # speech before an apposition that names no work stays speech
    text = "“We Will Win,” the senator said."
    assert _quotes(text), _quotes(text)


# Reported speech without quote marks and attribution order (issue 23).
@pytest.mark.parametrize(
    "text,quote,speaker",
    [
        # a medium with its addressee before "that"
        ("The Farm Bureau said in a letter to state lawmakers that the drought would cut yields.",
         "the drought would cut yields", "Farm Bureau"),
        ("Economists at Barclays wrote in a note to clients that growth had slowed.", "growth had slowed",
         "Economists at Barclays"),
        # a bare noun subject and a finite verb
        ("The envoy, Anna Berg, said progress had been made.", "progress had been made", "Anna Berg"),
        # a quote its own sentence reports does not take the next sentence's subject
        ("Governor Tom Hale called it \"a fine day.\" The governor said the bill would pass.",
         "the bill would pass", "Tom Hale"),
        # a role title between a quote and the name
        ("“We will appeal,” deputy campaign spokesman Luis Ortega said Monday.", "We will appeal", "Luis Ortega"),
        # a label at a sentence's start inside a paragraph
        ("His sister has said so for years. Jane Doe: ‘He never listens.’", "He never listens.", "Jane Doe"),
    ],
)  # fmt: skip
def test_reported_speech_and_attribution(text: str, quote: str, speaker: str) -> None:
    rows = _quotes(text)
    assert any(q.startswith(quote) and s == speaker for q, _, s, _ in rows), rows


def test_direct_quote_own_clause_kept() -> None:
    rows = _quotes('Governor Tom Hale called it "a fine day." The governor said the bill would pass.')
    assert ("a fine day.", "direct", "Tom Hale") in [(q, k, s) for q, k, s, _ in rows], rows


@pytest.mark.parametrize(
    "text",
    [
        "He said goodbye was hard.",  # no noun subject with a finite verb after "said"
        "She said nothing would change.",  # "said nothing": no reported clause read
        "He spoke in a letter to voters that was never sent.",  # not a reporting verb
        "We met Tuesday. It ended at 9 p.m. Tuesday: “Nothing.”",  # a day is no label
    ],
)
def test_reported_speech_negatives(text: str) -> None:
    rows = _quotes(text)
    assert not [r for r in rows if r[1] == "indirect"], rows
    assert not [r for r in rows if r[3] == "label"], rows


def test_group_speaker_keeps_its_complement_and_a_name_its_place_is_dropped() -> None:
    text = "Officials in Dade County urged residents to leave. Gov. Ann Lee of Florida said the roads were shut."
    rows = _quotes(text)
    speakers = {s for _, _, s, _ in rows}
    assert "Officials in Dade County" in speakers and "Ann Lee" in speakers, rows


def test_question_opener_gives_the_pronoun_to_the_person_asked_about() -> None:
    text = (
        "Donald Trump was cleared on Friday.\n\nGIULIANI: It is a complete vindication.\n\n"
        "And him?\n\n‘I'm having a good day,’ he said."
    )
    rows = _quotes(text)
    assert any(q.startswith("I'm having") and s == "Donald Trump" for q, _, s, _ in rows), rows


@pytest.mark.parametrize("junk", ["Asked", "Democratic", "The", "Monday", "It", "Although", "Angry"])
@pytest.mark.parametrize(
    "template",
    ["“We won.”\n\nThat was {j}.", "“We won.”\n\nThe words were {j}'s.", "“We won.”\n\nThe statement came from {j}."],
)
def test_speaker_named_after_is_never_a_verb_adjective_or_function_word(template: str, junk: str) -> None:
    rows = _quotes(template.format(j=junk))
    assert not [r for r in rows if r[3] == "next-sentence"], rows


def test_posts_and_british_marks_after_an_exclamation() -> None:
    rows = _quotes("Donald Trump was hurt. He posted on Truth Social: ‘GOD BLESS AMERICA!’")
    assert ("GOD BLESS AMERICA!", "direct", "Donald Trump", "before-quote") in rows, rows
    rows = _quotes("Maria Lopez posted on Facebook that the school would reopen.")
    assert ("the school would reopen", "indirect", "Maria Lopez", "reported-say") in rows, rows
    # "posted a loss" reports nothing; a headline in single marks stays a headline
    assert not _quotes("The company posted a loss of $2 billion.")
    assert not _quotes("Trump Says ‘No Deal’")


#: The finding verbs written the plain way (as before the speed rewrite of ``_FINDING_VERB``).
PLAIN_FINDING_VERB = re.compile(
    r"\b(?:show|shows|showed|shown|found|find|finds|suggest|suggests|suggested|indicate|indicates|indicated)\b"
)
VERB_PIECES = ["show", "shows", "found", "find", "suggested", "indicate", "s", "f", "i", "x", " ", "-", "’", "_", "é"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VERB_PIECES), max_size=20).map("".join))
def test_finding_verbs_match_as_the_plain_pattern(text: str) -> None:
    assert [m.span() for m in _FINDING_VERB.finditer(text)] == [m.span() for m in PLAIN_FINDING_VERB.finditer(text)]


LABEL_PIECES = ["WALLACE", "MS. CLINTON", "MR.", ":", ": ", "Will you?", " ", "\t", "\n", "\n\n", "a", "10:30", "X"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LABEL_PIECES), max_size=25).map("".join))
def test_label_lines_are_the_matches_of_a_scan(text: str) -> None:
    from newslab.speech_formats import _LABEL, _label_matches

    assert [m.span() for m in _label_matches(text)] == [m.span() for m in _LABEL.finditer(text)]
