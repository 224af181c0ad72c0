"""Mentions round 10 (issue 23, branch mr10): pronouns past a same-gender rival; rules that fire and must not fire.

Every must-fire sentence gives no mention (or a wrong one) at the base 17ea4de; the must-not-fire sentences
hold the same words in a shape where a careful coder would not credit the target.
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.binding import in_aside
from newslab.discourse_rivals import fronted_adjunct, place_like, platform_spans, subordinate_subject
from newslab.document import Article


def _trump(text: str, date: str = "") -> list[tuple[int, str, str, str]]:
    meta = {"date": date} if date else {}
    df = nl.find_mentions(Article("x", "", text, metadata=meta), nl.TRUMP)
    return [(s, m, r, a) for s, m, r, a in df[["start", "mention", "rule", "antecedent"]].itertuples(index=False)]


def _at(text: str, phrase: str, offset: int = 0) -> int:
    return text.index(phrase) + offset


# --- rule "pronoun:kin" -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,phrase,antecedent",
    [
        (
            "Mr. Trump spoke for an hour. Senator Pence praised him. Missing was Ivanka Trump, his elder daughter.",
            "his elder",
            "daughter Ivanka Trump",
        ),
        (
            "Pence told ABC News that voters would have better choices than Mr. Trump. "
            "His daughter Ivanka Trump said she would stay out of the race.",
            "His daughter",
            "daughter Ivanka Trump",
        ),
        (
            "Mr. Trump spoke. Senator Pence spoke too. Before him, his son Donald Trump Jr. warned Republicans.",
            "his son",
            "son Donald Trump Jr.",
        ),
    ],
)
def test_kin_fires(text: str, phrase: str, antecedent: str) -> None:
    rows = _trump(text)
    assert (_at(text, phrase), phrase.split()[0], "pronoun:kin", antecedent) in rows, rows


@pytest.mark.parametrize(
    "text,phrase",
    [
        # the possessor is another bearer of the surname: Eric's wife
        ("Mr. Trump spoke. Eric Trump arrived with his wife Lara Trump.", "his wife"),
        # the relative is no bearer of the surname
        ("Mr. Trump spoke. Senator Pence arrived with his wife Karen Pence.", "his wife"),
        # a kin noun of no named relative
        ("Mr. Trump spoke. Senator Pence arrived with his daughter.", "his daughter"),
    ],
)
def test_kin_must_not_fire(text: str, phrase: str) -> None:
    rows = _trump(text)
    assert not [r for r in rows if r[0] == _at(text, phrase)], rows


# --- subordinate and participle openers for the subject rule -------------------------------------------


def test_subordinate_opener_continues_the_subject() -> None:
    text = (
        "Mr. Trump spoke in The Hague. The president stayed overnight at the palace as a guest of "
        "King Willem-Alexander. By the time he left, he was praising the alliance."
    )
    rows = _trump(text, "2025-06-25")
    found = {s: r for s, _, r, _ in rows}
    assert found.get(_at(text, "he left")) == "pronoun:subject", rows
    assert _at(text, "he was") in found, rows


def test_subordinate_opener_must_not_fire_when_the_rival_is_the_subject() -> None:
    text = (
        "Mr. Trump spoke in The Hague. King Willem-Alexander hosted the president at the palace. "
        "By the time he left, the guests were tired."
    )
    rows = _trump(text, "2025-06-25")
    assert not [r for r in rows if r[0] == _at(text, "he left")], rows


def test_fronted_participle_clause_holds_no_rival() -> None:
    text = (
        "Mr. Trump was generous toward his hosts, and more generous still toward Mr. Kim. "
        "Asked about Otto Warmbier, the American student who died in 2017, he said Mr. Kim had assured him."
    )
    rows = _trump(text)
    found = {s: r for s, _, r, _ in rows}
    assert found.get(_at(text, "he said")) == "pronoun:subject", rows


def test_fronted_participle_clause_must_not_fire_when_the_rival_is_the_subject() -> None:
    text = (
        "Mr. Kim was generous toward his guests, and more generous still toward Mr. Trump. "
        "Asked about Otto Warmbier, the American student who died in 2017, he said nothing."
    )
    rows = _trump(text)
    assert not [r for r in rows if r[0] == _at(text, "he said")], rows


# --- rule "open subject first" (false credit) ---------------------------------------------------------


def test_open_subject_first_leaves_the_later_pronoun_open() -> None:
    text = (
        "Trump met Zelensky in New York. Was Zelensky pressured? ‘Nobody pushed me,’ he said on Wednesday, "
        "sitting next to Trump, looking as if he would rather be anywhere else."
    )
    rows = _trump(text)
    assert not [r for r in rows if r[0] == _at(text, "he would")], rows


def test_open_subject_first_leaves_object_pronouns_alone() -> None:
    # "he" (Rutte) stays open; "him" is the object of his clause and still Trump (seed es-daily)
    text = (
        "Rutte has not waited for the tycoon. This Friday he traveled to Florida, where Trump lives, and met with him."
    )
    rows = _trump(text)
    assert (_at(text, "him."), "him", "pronoun:discourse", "Trump") in rows, rows


# --- no rival: platforms, joined place names, the head of an aside, a speaker's title -------------------


def test_platform_subject_is_no_rival() -> None:
    text = (
        "Twitter locked the president's account. Facebook suspended Mr. Trump. Several of his own aides were appalled."
    )
    rows = _trump(text)
    assert [r for r in rows if r[0] == _at(text, "his own")], rows


def test_unknown_capitalized_subject_still_stops_the_pronoun() -> None:
    text = "Facebook suspended Mr. Trump. Gorsuch said his own view was different."
    rows = _trump(text)
    assert not [r for r in rows if r[0] == _at(text, "his own")], rows


def test_joined_place_name_and_aside_head() -> None:
    text = (
        "Donald J. Trump announced a third run. "
        "Standing in a ballroom at Mar-a-Lago, beneath a row of flags, the former president read for an hour, "
        "in a tone that his aides had hoped would signal discipline. “I am running,” he said, to applause."
    )
    rows = _trump(text, "2022-11-15")
    starts = {r[0] for r in rows}
    assert _at(text, "his aides") in starts and _at(text, "he said") in starts, rows


def test_speaker_title_is_not_another_name_in_a_quote() -> None:
    text = (
        "NATO Secretary-General Mark Rutte praised Trump for pushing allies. "
        '"He is a man of strength but also a man of peace," Rutte said.'
    )
    rows = _trump(text)
    assert (_at(text, "He is"), "He", "pronoun:in-quote", "Trump") in rows, rows


def test_another_name_before_the_speaker_still_blocks_a_quote_pronoun() -> None:
    text = 'Senator Pence praised Trump. "He is a man of strength," Rutte said.'
    rows = _trump(text)
    assert not [r for r in rows if r[0] == _at(text, "He is")], rows


# --- the helpers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,pronoun,expected",
    [
        ("By the time he left, he smiled.", "he left", True),
        ("When he spoke, he smiled.", "he spoke", True),
        ("When he spoke, they left.", "he spoke", False),  # the main clause names its own subject
        ("When he left the White House, Bannon said he would help.", "he left", False),
        ("By the time he left, he smiled.", "he smiled", False),
        ("The man he met left.", "he met", False),
    ],
)
def test_subordinate_subject(text: str, pronoun: str, expected: bool) -> None:
    assert subordinate_subject(text, 0, text.index(pronoun)) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Seated beside Mr. Zelensky at a hotel, he praised him.", True),
        ("Asked about Otto Warmbier, the student who died, he said so.", True),
        ("Mr. Zelensky, he said, was tired.", False),
        ("Asked “why”, he said so.", False),  # a quotation in the opener: left to the quote rules
    ],
)
def test_fronted_adjunct(text: str, expected: bool) -> None:
    assert fronted_adjunct(text, 0, text.index(" he ") + 1) is expected


def test_platform_spans_and_place_like() -> None:
    assert platform_spans("Twitter and Twitterati; YouTube.") == [(0, 7), (24, 31)]
    assert place_like("Mar-a-Lago") and not place_like("Jean-Claude Juncker") and not place_like("Ocasio-Cortez")


def test_aside_head_is_not_inside_the_aside() -> None:
    text = "Vivek Ramaswamy, the man who ran as Mr. Trump's rival, ended his campaign."
    assert in_aside(text, 0, text.index("Mr."), text.index("his"))
    text = "Standing at the club, the former president read for an hour, in a tone his aides liked."
    assert not in_aside(text, 0, text.index("the former"), text.index("his"))


# --- rule "speaker pronoun" (kinship), rule "predicate of another", group nouns as subjects --------------


@pytest.mark.parametrize(
    "text",
    [
        "Trump spoke. His daughter Ivanka Trump said she would stay out. “I love my father very much,” she said.",
        "Trump spoke. Ivanka Trump says she is out. Her statement:\n\n‘I love my father very much.’",
    ],
)
def test_my_father_of_a_bearer_named_before_the_quote(text: str) -> None:
    rows = _trump(text)
    assert (_at(text, "my father"), "my father", "kin:father", "kin of Ivanka Trump") in rows, rows


@pytest.mark.parametrize(
    "text",
    [
        "Trump spoke. Senator Pence said he would not run. “I love my father very much,” he said.",
        "Trump spoke. Karen Pence says she is out. Her statement:\n\n‘I love my father very much.’",
    ],
)
def test_my_father_of_another_family_must_not_fire(text: str) -> None:
    rows = _trump(text)
    assert not [r for r in rows if r[1] == "my father"], rows


def test_predicate_of_another() -> None:
    text = (
        "Several Republicans blamed Trump for the midterms. "
        "Florida Gov. Ron DeSantis, who won by 19 points, is seen as his strongest rival."
    )
    rows = _trump(text)
    assert [r for r in rows if r[0] == _at(text, "his strongest")], rows


def test_predicate_of_another_must_not_fire_without_a_copula() -> None:
    text = "Several Republicans blamed Trump for the midterms. Florida Gov. Ron DeSantis praised his strongest rival."
    rows = _trump(text)
    assert not [r for r in rows if r[0] == _at(text, "his strongest")], rows
