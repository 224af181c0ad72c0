"""Stance holders are actors a reader would sign (newslab.holders, issue 23)."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.holders import clean_holder

#: Holders the issue found in stance rows on real news: none of them is an actor.
JUNK = ["whom", "expressing", "extraordinary", "outright", "It", "by", "for", "Italian", "His team", "Asked",
        "the Democratic", "Extraordinary", "its", "there"]  # fmt: skip


@pytest.mark.parametrize("holder", JUNK)
def test_junk_is_no_holder(holder: str) -> None:
    assert clean_holder(holder) == ""


@pytest.mark.parametrize(
    "holder,expected",
    [
        ("Despite Trump", "Trump"),
        ("West in", "West"),
        ("Salman Rushdie for", "Salman Rushdie"),
        ("Democrats", "Democrats"),
        ("allies", "allies"),
        ("many NATO allies", "many NATO allies"),
        ("Italian government", "Italian government"),
        ("Strzok", "Strzok"),
        ("critics", "critics"),
        ("author", "author"),
    ],
)
def test_actors_are_kept(holder: str, expected: str) -> None:
    assert clean_holder(holder) == expected


TARGETS = [nl.TRUMP, nl.NATO, nl.Target("United States", aliases=["United States", "US"])]


@pytest.mark.parametrize(
    "text,row",
    [
        ("Thousands marched in Rome, expressing support for Trump.", ("Thousands", "Trump", "favor")),
        ("Poland expressed support for NATO.", ("Poland", "NATO", "favor")),
        ("There were expressions of support for NATO from Poland.", ("Poland", "NATO", "favor")),
        ("Criticism of NATO from Trump grew louder.", ("Trump", "NATO", "against")),
        ("Iran drew criticism by accusing the United States of aggression.", ("Iran", "United States", "against")),
        ("Trump drew the ire of Iran.", ("Iran", "Trump", "against")),
        ("NATO faced criticism from Trump.", ("Trump", "NATO", "against")),
        ("I appreciate everything that Trump has done, said Pence.", ("Pence", "Trump", "favor")),
        ("Iran accuses the United States of aggression.", ("Iran", "United States", "against")),
        ("“Trump is far from perfect,” Putin said.", ("Putin", "Trump", "against")),
    ],
)
def test_generated_stance_rows(text: str, row: tuple[str, str, str]) -> None:
    df = nl.stance_table(nl.Article("x", "", text), targets=TARGETS)
    rows = set(zip(df["holder"], df["target"], df["stance"], strict=True))
    assert row in rows, rows


@pytest.mark.parametrize(
    "text",
    [
        "It was an extraordinary attack on NATO by a sitting president in the past.",
        "His team praised Trump after the debate.",
        "Strzok denied that he hurt Trump.",
        "Strzok denied criticizing Trump.",
        "Strzok did not criticize Trump.",
        "The plan drew criticism from Democrats.",
        "Leaders met in Brussels. Support for NATO is strong.",  # nobody holds it in the text: no author row
        "The cartoon portraying Trump as a baby angered many.",
    ],
)
def test_no_row_without_an_actor_holder(text: str) -> None:
    df = nl.stance_table(nl.Article("x", "", text), targets=TARGETS)
    df = df[df["stance"] != "neutral"]
    assert not [h for h in df["holder"] if not clean_holder(h) or h in JUNK], df
    if "denied" in text or "did not" in text or "His team" in text or "cartoon" in text:
        assert df.empty, df


def test_every_row_has_a_rule() -> None:
    text = "Trump drew the ire of Iran. Poland expressed support for NATO. Merkel praised NATO."
    df = nl.stance_table(nl.Article("x", "", text), targets=TARGETS)
    assert len(df) >= 3 and df["holder_rule"].str.len().gt(0).all() and df["target_rule"].str.len().gt(0).all()


@pytest.mark.parametrize(
    "text,row",
    [
        ("Nadler said Trump attacked NATO again.", ("Trump", "NATO", "against")),  # the cue's own subject
        ("Rutte said NATO supports Trump.", ("NATO", "Trump", "favor")),
        ("Trump said he supports NATO.", ("Trump", "NATO", "favor")),  # "he" in his own words: the speaker
    ],
)
def test_holder_is_the_subject_of_the_cues_clause(text: str, row: tuple[str, str, str]) -> None:
    df = nl.stance_table(nl.Article("x", "", text), targets=TARGETS)
    rows = set(zip(df["holder"], df["target"], df["stance"], strict=True))
    assert row in rows, rows


@pytest.mark.parametrize(
    "text",
    [
        "Jeb Bush said Obama won reelection by a wide margin.",  # what the target did, not the speaker's judgement
        "An official said Trump will reach a deal soon.",
    ],
)
def test_a_verb_in_reported_words_is_no_judgement(text: str) -> None:
    obama = nl.Target("Obama", aliases=["Obama"])
    df = nl.stance_table(nl.Article("x", "", text), targets=[nl.TRUMP, obama])
    assert df[df["stance"] != "neutral"].empty, df


@pytest.mark.parametrize(
    "text,row",
    [
        ("Rubio called Trump a con artist.", ("Marco Rubio", "Trump", "against")),
        ("Trump called Mr. Rubio “a lightweight”.", ("Trump", "Marco Rubio", "against")),
        ("Bloomberg has called Trump ‘a carnival barking clown’.", ("Bloomberg", "Trump", "against")),
    ],
)
def test_judging_names_missing_from_vader(text: str, row: tuple[str, str, str]) -> None:
    rubio = nl.Target("Marco Rubio", aliases=["Marco Rubio", "Rubio"])
    df = nl.stance_table(nl.Article("x", "", text), targets=[nl.TRUMP, rubio])
    assert row in set(zip(df["holder"], df["target"], df["stance"], strict=True)), df


@pytest.mark.parametrize(
    "text,row",
    [
        ("Republicans backed Trump.", ("Republicans", "Trump", "favor")),
        ("Trump, backed by Republicans, won.", ("Republicans", "Trump", "favor")),
        ("Merkel lashed out at Trump.", ("Merkel", "Trump", "against")),
        ("The Democrats took aim at Trump on Monday.", ("Democrats", "Trump", "against")),
        ("Germany voiced solidarity with NATO.", ("Germany", "NATO", "favor")),
        ("Poland stood with NATO.", ("Poland", "NATO", "favor")),
    ],
)
def test_more_attitude_cues(text: str, row: tuple[str, str, str]) -> None:
    df = nl.stance_table(nl.Article("x", "", text), targets=TARGETS)
    assert row in set(zip(df["holder"], df["target"], df["stance"], strict=True)), df


@pytest.mark.parametrize("text", ["Trump came back to Ohio.", "Trump was back at NATO.", "Back in 2016, Trump won."])
def test_back_as_an_adverb_is_no_cue(text: str) -> None:
    assert nl.stance_table(nl.Article("x", "", text), targets=TARGETS).empty


@pytest.mark.parametrize(
    "text,stance",
    [
        ("Few Republicans criticized Trump.", "neutral"),  # nobody's position
        ("Few Democrats praised Trump.", "neutral"),  # "No Democrat praised Trump": no row (rule "nobody acts")
        ("A few Republicans criticized Trump.", "against"),
        ("There is no doubt Merkel praised Trump.", "favor"),  # "no doubt" affirms
    ],
)
def test_few_and_no_doubt(text: str, stance: str) -> None:
    df = nl.stance_table(nl.Article("x", "", text), targets=TARGETS)
    assert df["stance"].tolist() == [stance], df


def test_a_new_sentence_with_an_attitude_verb_does_not_attribute_a_quote() -> None:
    text = 'House Speaker Nancy Pelosi called the tweets "xenophobic." Few Republicans criticized Trump.'
    quotes = nl.find_quotes(nl.Article("x", "", text))
    assert quotes["speaker_resolved"].tolist() == ["Nancy Pelosi"], quotes


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        ("The New York Times criticized Trump on Sunday.", "New York Times"),
        ("Trump was criticized by the Des Moines Register.", "Des Moines Register"),
        ("Hillary Rodham Clinton attacked Trump.", "Hillary Rodham Clinton"),
        ("President Donald Trump praised NATO.", "Trump"),  # the target itself, as before
        ("Democrat Beto O'Rourke attacked Trump.", "Beto O'Rourke"),  # a party word is not part of the name
    ],
)
def test_a_holder_keeps_the_whole_name_the_article_gives(sentence: str, holder: str) -> None:
    table = nl.stance_table(nl.Article("a", "", sentence), [nl.TRUMP, nl.NATO])
    assert table["holder"].tolist()[:1] == [holder]
