"""The at9 rules of the quotes stage (issue 23): speakers named after the quote, transcript lines that report,
pronoun notes, findings, inverted clauses and names written in full.

Must fire and must not fire, on handwritten sentences (none copied from the annotated articles).
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.speaker_turns import family_first, given_before, not_a_name, unnamed_speaker


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    df = nl.find_quotes(nl.Article("x", "", text))
    return [tuple(r) for r in df[["quote", "speaker_resolved", "rule", "speaker_rule"]].itertuples(index=False)]


# ---- rule "named-after": an unnamed speaker named in the next sentence ----------------------------------------------
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“We will not give in,” one senator said.\n\nThe words were Ruth Okafor's.", "Ruth Okafor"),
        ("“The plan is dead,” a diplomat said at the talks.\n\nThe words came from Lars Tindemann, the envoy.",
         "Lars Tindemann"),
        ("“We asked for less,” the other side said at a news conference.\n\nThat was Mayor Dana Whitfield.",
         "Dana Whitfield"),
    ],
)  # fmt: skip
def test_named_after_names_an_unnamed_speaker(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, r.endswith("named-after")) for _, s, r, _ in rows] == [(speaker, True)], rows


def test_named_after_covers_every_quote_of_the_clause() -> None:
    rows = _rows("“We stood firm,” one senator said. “The rest is noise.”\n\nThe words were Ruth Okafor's.")
    assert [s for _, s, _, _ in rows] == ["Ruth Okafor", "Ruth Okafor"], rows


@pytest.mark.parametrize(
    "text",
    [
        "“We will not give in,” Senator Mark Lutz said.\n\nThe words were Ruth Okafor's.",  # a name: kept
        "“We will not give in,” one senator said.\n\nThe vote was held on Monday.",  # nobody named after
        "“We will not give in,” one senator said on the floor. Ruth Okafor voted no.",  # no naming sentence
    ],
)
def test_named_after_does_not_fire(text: str) -> None:
    assert not any(r.endswith("named-after") for _, _, r, _ in _rows(text))


@pytest.mark.parametrize(
    "phrase,unnamed",
    [("one senator", True), ("a senior diplomat", True), ("the other side", True), ("Senator Okafor", False),
     ("he", False), ("the Senate", False)],
)  # fmt: skip
def test_unnamed_speaker(phrase: str, unnamed: bool) -> None:
    assert unnamed_speaker(phrase) is unnamed


# ---- rule "transcript-report": "OKAFOR: He said he's …" is Okafor's line --------------------------------------------
def test_transcript_line_that_reports_is_the_labels() -> None:
    text = (
        "Here is the exchange.\n\nREPORTER: Did the governor promise you more money?\n\n"
        "OKAFOR: He said he's going to find the money. I trust him."
    )
    rows = _rows(text)
    assert ("He said he's going to find the money. I trust him.", "Okafor") in [(q, s) for q, s, _, _ in rows], rows
    assert not any(s == "Reporter" and "find the money" in q for q, s, _, _ in rows), rows
    assert any(r.endswith("transcript-report") for _, _, r, _ in rows)


def test_transcript_line_naming_another_speaker_is_left_to_its_clause() -> None:
    rows = _rows("LAWRENCE: Smith told NPR that the plan was dead.")
    assert not any(r.endswith("transcript-report") for _, _, r, _ in rows), rows


# ---- pronoun notes: outer-speaker, fronted-participle, not-a-name, quote-start ------------------------------------
def test_outer_speaker_skips_a_speaker_named_inside_reported_words() -> None:
    text = (
        "Mayor Mark Lutz said the Harbor Authority had demanded that the fees be dropped. "
        "He said the talks had ended on friendly terms."
    )
    rows = _rows(text)
    last = rows[-1]
    assert last[1] == "Mark Lutz" and "outer-speaker" in last[3], rows


def test_outer_speaker_keeps_a_speaker_of_its_own_sentence() -> None:
    rows = _rows("Mark Lutz spoke first. Then Tom Berry said the plan was dead. He said the vote would fail.")
    assert rows[-1][1] == "Tom Berry" and "outer-speaker" not in rows[-1][3], rows


def test_fronted_participle_names_are_not_the_subject() -> None:
    text = (
        "Mayor Mark Lutz was generous toward his hosts. Asked about Tom Berry, the former treasurer who left "
        "in May, he said the audit had found nothing."
    )
    rows = _rows(text)
    assert rows[-1][1] == "Mark Lutz" and "fronted-participle" in rows[-1][3], rows


def test_fronted_participle_does_not_fire_on_a_plain_subject() -> None:
    rows = _rows("Tom Berry left in May. Mark Lutz, asked about it, said the audit had found nothing.")
    assert not any("fronted-participle" in sr for _, _, _, sr in rows), rows


def test_not_a_name_skips_an_adverb_fragment() -> None:
    text = "How did Mark Lutz react? Angrily, and at length. “These are dark times for this city,” he wrote."
    rows = _rows(text)
    assert rows[-1][1] == "Mark Lutz" and "not-a-name" in rows[-1][3], rows


@pytest.mark.parametrize(
    "at,name,skipped",
    [(0, "Furiously", True), (0, "Mark Lutz", False), (14, "Furiously", False)],
)
def test_not_a_name(at: int, name: str, skipped: bool) -> None:
    assert not_a_name(at, name) is skipped


def test_quote_start_counts_memory_from_the_quote() -> None:
    text = (
        "Mayor Mark Lutz called the plan “a good start”. "
        "At a rally in the park, the crowd cheered. “Did you read it? I did not,” he said, mocking them."
    )
    rows = _rows(text)
    assert rows[-1][1] == "Mark Lutz" and "quote-start" in rows[-1][3], rows


# ---- findings: a modifier, two complements, a nested attribution ---------------------------------------------------
def test_finding_with_a_modifier_and_two_complements() -> None:
    rows = _rows(
        "A Marist poll released this week shows that most voters backed the levy, and that women backed it most."
    )
    found = [(q, s, r) for q, s, r, _ in rows]
    assert ("most voters backed the levy", "A Marist poll", "finding; finding-modifier; and-that") in found, rows
    assert ("women backed it most", "A Marist poll", "finding; finding-modifier; and-that") in found, rows


def test_finding_keeps_a_nested_attribution() -> None:
    rows = _rows(
        "A poll taken on Tuesday found that most farmers opposed the levy, while most teachers said it was fair."
    )
    rules = {r for _, _, r, _ in rows}
    assert "finding; finding-modifier; nested-inside" in rules, rows
    assert any(s == "most teachers" for _, s, _, _ in rows), rows


def test_finding_modifier_does_not_take_a_verb_phrase() -> None:
    rows = _rows("The poll numbers were bad news, and the mayor said nothing.")
    assert not any(r.startswith("finding") for _, _, r, _ in rows), rows


# ---- apposition-name and inverted-clause -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("‘We will win,’ said her lawyer, John Smith.", "John Smith"),
        ("“The audit was clean,” said his spokeswoman, Dana Whitfield of Ohio.", "Dana Whitfield"),
    ],
)
def test_apposition_name(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, r) for _, s, r, _ in rows] == [(speaker, "after-quote; apposition-name")], rows


def test_apposition_name_needs_a_name() -> None:
    rows = _rows("“We won,” said his wife, who was there.")
    assert not any("apposition-name" in r for _, _, r, _ in rows), rows


def test_british_close_before_an_inverted_verb() -> None:
    rows = _rows("Who won? ‘We did,’ said Dana Whitfield.")
    assert [(s, r) for _, s, r, _ in rows] == [("Dana Whitfield", "after-quote")], rows


def test_inverted_clause_without_marks() -> None:
    rows = _rows(
        "The mayor was not told about the audit, said Dana Whitfield, the city clerk, who added that it was routine."
    )
    assert ("The mayor was not told about the audit", "Dana Whitfield", "inverted-clause") in [
        (q, s, r) for q, s, r, _ in rows
    ], rows


@pytest.mark.parametrize(
    "text",
    [
        "In Ohio, said Dana Whitfield, it rained.",  # a short adverbial
        "The clerk wrote a letter to the mayor, said the audit was clean and left.",  # "said" has its own clause
        "Mayor slams levy, says Whitfield “It is a tax.”",  # a headline with a quote after the name
    ],
)
def test_inverted_clause_does_not_fire(text: str) -> None:
    assert not any(r == "inverted-clause" for _, _, r, _ in _rows(text))


# ---- family-name-first and given names written before a registry name ----------------------------------------------
def test_family_name_first() -> None:
    assert (
        family_first("North Korean leader Kim Jong Un met him. Mr. Kim smiled.", "Kim", ("Jong Un",)) == "Kim Jong Un"
    )
    assert family_first("Donald Trump spoke at Trump Tower.", "Trump", ("Donald Trump", "Trump Tower")) == ""
    assert family_first("Mr. Flynn Appearing before the panel.", "Flynn", ("Flynn Appearing",)) == ""


def test_family_name_first_in_a_row() -> None:
    text = "President Moon Jae-in met North Korean leader Kim Jong Un on Friday. Mr. Kim said the talks had gone well."
    rows = _rows(text)
    assert [(s, sr) for _, s, _, sr in rows] == [("Kim Jong Un", "name; family-name-first")], rows


def test_given_before() -> None:
    assert given_before("Dr. Christine Blasey Ford testified. Blasey Ford left.", "Blasey Ford") == "f"
    assert given_before("The Blasey Ford hearing.", "Blasey Ford") == ""
