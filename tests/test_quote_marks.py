"""Quote marks read by direction and quotes left unclosed (issue 23, attrib4 round)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslab as nl
from newslab.quotes import _DIRECT


def _quotes(text: str) -> list[tuple[str, str, str]]:
    df = nl.find_quotes(nl.Article("a", "", text))
    return [(q, s, r) for q, s, r in df[["quote", "speaker", "rule"]].itertuples(index=False)]


def test_a_straight_mark_before_a_space_opens_nothing() -> None:
    # must fire: the mark after "again," closes a quote opened out of view; "Trump said." is no quote
    text = 'Now we win again," Trump said. "We will have a partnership," Bannon said.'
    found = _quotes(text)
    assert [q for q, _, _ in found if "Trump said" in q] == []
    assert ("We will have a partnership", "Bannon", "after-quote") in found


def test_a_straight_mark_after_a_space_closes_nothing() -> None:
    # must fire: 'a "hero,"' opens a new quote, so the quote before it ends with its sentence
    text = '"He has four children. Lawyer Chris Stewart called the man a "hero," saying the video was clear.'
    quotes = [q for q, _, _ in _quotes(text)]
    assert "He has four children." in quotes
    assert "hero" in quotes


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Mr. Trump said: “No — I never discuss it. The campaign is running an ad.",
            "No — I never discuss it.",
            "Mr. Trump",
        ),
        (
            'He wrote on Sunday, "I believe the leaks will be far worse. Sessions was asked.',
            "I believe the leaks will be far worse.",
            "He",
        ),
    ],
)
def test_an_unclosed_quote_runs_to_its_sentence_end(text: str, quote: str, speaker: str) -> None:
    found = _quotes(text)
    assert (quote, speaker, "before-quote; unclosed-mark") in found


@pytest.mark.parametrize(
    "text",
    [
        "“We are strong,” he said. “We will win.”",  # closed quotes: no unclosed evidence
        'He said "we are strong" and left. "We will win," she added.',
        "“The first paragraph of a long quote\n“and the second one,” she said.",  # a quote of two paragraphs
    ],
)
def test_closed_quotes_are_not_read_as_unclosed(text: str) -> None:
    found = _quotes(text)
    assert found
    assert not any("unclosed-mark" in r for _, _, r in found)


def test_implied_that_reports_speech() -> None:
    # must fire: "implied that" (speech_verbs.tsv, attrib4); must not fire: "implied" with a noun object
    found = _quotes("The State Department implied that Mr. Kerry would appear before the committee.")
    assert [(q, s) for q, s, _ in found] == [("Mr. Kerry would appear before the committee", "The State Department")]
    assert _quotes("The new rules implied a cost for every company in the state.") == []


def test_an_unclosed_mark_ends_at_the_sentence_not_at_an_abbreviation() -> None:
    text = "He said, “You made your point that you think Mr. Comey is engaging in innuendo. The hearing went on."
    assert "You made your point that you think Mr. Comey is engaging in innuendo." in [q for q, _, _ in _quotes(text)]


def test_a_pronoun_speaker_takes_the_subject_of_its_own_sentence() -> None:
    # must fire: "Aronberg would not comment, but … he pointed out that …" (rule same-sentence-subject)
    text = "Aronberg would not comment, but in an interview last week, he pointed out that the standard was low."
    df = nl.find_quotes(nl.Article("a", "", text))
    assert df[["speaker", "speaker_resolved", "speaker_rule"]].values.tolist() == [
        ["he", "Aronberg", "pronoun:previous-subject"]
    ]
    # must not fire: the word after the capitalized one is no auxiliary ("In Denver, …")
    df = nl.find_quotes(nl.Article("a", "", "In Denver on Friday, he said that the standard was low."))
    assert df["speaker_resolved"].tolist() == [""]


def test_a_center_keeps_its_complement() -> None:
    df = nl.find_quotes(nl.Article("a", "", "The Center for Public Integrity reported that groups aired 100 ads."))
    # before: "Center" (the "for" complement cut off); the name words kept are its capitalized complement
    assert df["speaker_resolved"].tolist() == ["Public Integrity"]


@pytest.mark.parametrize("phrase", ["in Danville", "out of the anti-tax", "for the Democrats"])
def test_a_phrase_opening_with_a_preposition_is_no_speaker(phrase: str) -> None:
    from newslab.speech_formats import bad_speaker

    assert bad_speaker(phrase)
    assert not bad_speaker("officials in Danville")


def test_a_title_case_headline_attributes() -> None:
    # must fire: "X Say(s) …" and "…, Says X" in a title-case headline (rule headline-say)
    text = "Kayla Mueller's Parents Say They Have Been Notified Of Her Death\n\nThe family spoke on Tuesday."
    df = nl.find_quotes(nl.Article("a", "", text))
    assert df[["speaker_resolved", "quote", "rule"]].values.tolist() == [
        ["Kayla Mueller's Parents", "They Have Been Notified Of Her Death", "headline-say"]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Bill Clinton's Stunning Jobs Claim At DNC Actually True\n\nThe numbers held up.",  # "Claim": a noun
        "Trump Says\n\nThe rally went on.",  # no content
        "Later, Aides Said it was over.",  # not title case after the verb
    ],
)
def test_a_headline_without_a_title_case_attribution_gives_none(text: str) -> None:
    df = nl.find_quotes(nl.Article("a", "", text))
    assert "headline-say" not in df["rule"].tolist()


#: The direct-quote pattern written the plain way, each alternative with its mark first (as it read before the
#: speed rewrite of ``newslab.quotes._DIRECT``, which puts one mark class first for sre's charset prefix).
PLAIN_DIRECT = re.compile(
    r"“[^“”\n]+(?:”|(?=\n\s*“))"
    r"|“[^“”\"\n]+\"(?=[^“”\n]*(?:\n|$))"
    r"|\"(?=\S)[^\"\n]*[^\s\"]\"|\"(?=\S)[^\"\n]+(?=\n\s*\")"
    r"|(?P<unclosed>[“\"](?=\S)[^“”\"\n]+)"
    r"|(?<![\w’'])‘(?=\S)[^‘\n]*?[^\s‘]’(?![\w’])"
)
MARK_PIECES = ["“", "”", '"', "‘", "’", "'", "a", "Bo", " ", "  ", "\n", "\n ", ",", ".", "x’s", "-"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(MARK_PIECES), max_size=30).map("".join))
def test_direct_pattern_matches_as_the_plain_one(text: str) -> None:
    def spans(pattern: re.Pattern[str]) -> list[tuple[int, int, bool]]:
        return [(*m.span(), m.group("unclosed") is not None) for m in pattern.finditer(text)]

    assert spans(_DIRECT) == spans(PLAIN_DIRECT)


#: ``speakers._QUOTED`` written the plain way (each alternative with its mark first).
PLAIN_QUOTED = re.compile(r"“[^”]*”?|\"[^\"\n]*\"?|(?<![\w’'])‘(?=\S)[^‘\n]*?[^\s‘]’(?![\w’])")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(MARK_PIECES), max_size=30).map("".join))
def test_quoted_passages_match_as_the_plain_pattern(text: str) -> None:
    from newslab.speakers import _QUOTED

    assert [m.span() for m in _QUOTED.finditer(text)] == [m.span() for m in PLAIN_QUOTED.finditer(text)]
