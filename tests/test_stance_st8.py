"""Stance recall round on news articles, issue 23 (branch st8).

Rules: "article before a quoted name" (stance.naming_polarity: 'called Trump a “whiner”'), "object pronoun (person
named before)" (object_roles.pronoun_named_before: "Frazier quit. Trump attacked him" -> Frazier), "place before the
speaker" (holders.place_speakers: "In Moscow, Dmitry Peskov ... said" -> Peskov, not Moscow), "open question"
(row_checks: "So is he now a fan of NATO?" asserts nothing) and "own wish" (row_checks: "they hope to end the race"
judges nobody). Each must-fire sentence gives no row, or the wrong row, at faf627c; the must-not-fire sentences keep
their rows (or their lack of one).
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.row_checks import QUESTION_LEADS, QUESTION_OPENERS, WISH_VERBS, open_question, own_wish, row_stands

FRAZIER = nl.Target("Ken Frazier", aliases=("Ken Frazier", "Frazier"), kind="person")
KEMP = nl.Target("Brian Kemp", aliases=("Brian Kemp", "Kemp"), kind="person")
HALEY = nl.Target("Nikki Haley", aliases=("Nikki Haley", "Haley", "Ms. Haley"), kind="person")
BIDEN = nl.Target("Joe Biden", aliases=("Joe Biden", "Biden"), kind="person")
TARGETS = (nl.TRUMP, nl.NATO, FRAZIER, KEMP, HALEY, BIDEN)


def rows(text: str, targets: tuple[nl.Target, ...] = TARGETS) -> list[tuple[str, str, str, str, str]]:
    table = nl.stance_table(nl.Article("t", "", text), targets, progress=False)
    return [(r.holder, r.target, r.stance, r.holder_rule, r.target_rule) for r in table.itertuples()]


def test_lists_are_loaded_from_rule_words() -> None:
    assert {"is", "does", "will"} <= QUESTION_OPENERS and "why" not in QUESTION_OPENERS
    assert {"so", "but"} <= QUESTION_LEADS
    assert {"hope", "hoped", "wish"} <= WISH_VERBS and "want" not in WISH_VERBS


# rule "article before a quoted name" ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,holder,target",
    [  # at faf627c: no row (the name read was the article "a" alone)
        ('Biden called Trump a "convicted felon" on Thursday.', "Joe Biden", "Trump"),
        ("He spoke for an hour. Biden called Trump a “whiner” twice.", "Joe Biden", "Trump"),
    ],
)
def test_article_before_a_quoted_name_fires(text: str, holder: str, target: str) -> None:
    found = [r for r in rows(text) if r[2] == "against"]
    assert [(h, t) for h, t, *_ in found] == [(holder, target)]
    assert "article before a quoted name" in found[0][4]


@pytest.mark.parametrize(
    "text",
    [
        "Biden called Trump on Thursday.",  # a phone call
        'Biden called Trump a "candidate" on Thursday.',  # a name without valence
    ],
)
def test_article_before_a_quoted_name_does_not_fire(text: str) -> None:
    assert [r for r in rows(text) if r[2] in ("favor", "against")] == []


# rule "object pronoun (person named before)" -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,target",
    [  # at faf627c: no row ("object is not a target ('him')")
        ("Ken Frazier, the boss of Merck, quit. Trump attacked him on Twitter within an hour.", "Ken Frazier"),
        ("Brian Kemp certified the result. Mr. Trump later called him “a disgrace”.", "Brian Kemp"),
    ],
)
def test_object_pronoun_named_before_fires(text: str, target: str) -> None:
    found = [r for r in rows(text) if r[1] == target]
    assert [(h, s) for h, _, s, *_ in found] == [("Trump", "against")]
    assert found[0][4].startswith("object pronoun (person named before)")


@pytest.mark.parametrize(
    "text",
    [
        "Ken Frazier met Brian Kemp on Monday. Trump attacked him on Twitter.",  # two men named before: who?
        "Nancy Pelosi quit the council. Trump attacked him on Twitter.",  # "him" is no Nancy
        "Ken Frazier quit. Mr. Trump attacked her on Twitter.",  # "her" is no Ken
        "Ken Frazier quit. “Trump attacked him,” an aide said.",  # in a quote: the speaker's sentence, not read
    ],
)
def test_object_pronoun_named_before_does_not_fire(text: str) -> None:
    assert [r for r in rows(text) if r[1] in ("Ken Frazier", "Brian Kemp") and r[2] != "neutral"] == []


def test_object_pronoun_named_before_needs_a_person_target() -> None:
    other = nl.Target("Fani Willis", aliases=("Fani Willis", "Willis"))  # kind "other", given name unknown
    assert [r for r in rows("Fani Willis spoke. Trump attacked her on Twitter.", (nl.TRUMP, other))] == []


# rule "place before the speaker" --------------------------------------------------------------------------------


def test_place_before_the_speaker_fires() -> None:
    # at faf627c: Moscow -> NATO against (the quote stage's speaker)
    text = "In Moscow, Dmitry Peskov, the Kremlin spokesman, said NATO was “an instrument of confrontation.”"
    found = [r for r in rows(text) if r[1] == "NATO"]
    assert [(h, s) for h, _, s, *_ in found] == [("Dmitry Peskov", "against")]
    # since the quote stage's own rule "fronted-place" (at10) gives the quote to Peskov, the row comes through the
    # quote's speaker; the stance rule stays for holders the quote stage still gives to the place (its doctest)
    assert found[0][3] in {"place before the speaker", "speaker of a quote about the target (indirect)"}
    assert nl.find_quotes(nl.Article("t", "", text))["speaker"].tolist()[0] == "Dmitry Peskov"


@pytest.mark.parametrize(
    "text,holder",
    [
        ("In Moscow, Putin said NATO was “an instrument of confrontation.”", "Putin"),
        ("Dmitry Peskov, the Kremlin spokesman, said NATO was “an instrument of confrontation.”", "Dmitry Peskov"),
    ],
)
def test_place_before_the_speaker_does_not_fire(text: str, holder: str) -> None:
    found = [r for r in rows(text) if r[1] == "NATO"]
    assert [h for h, *_ in found] == [holder]
    assert "place before the speaker" not in found[0][3]


# rule "open question" -------------------------------------------------------------------------------------------


def test_open_question_fires() -> None:
    # at faf627c: Trump -> NATO favor ("fan of", nearest actor before cue)
    text = "Trump spoke in Ohio on Monday. So is he now a fan of NATO?"
    assert [r for r in rows(text) if r[1] == "NATO" and r[2] != "neutral"] == []


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("So is he now a fan of NATO?", True),
        ("Will Republicans back him?", True),
        ("But does Trump support NATO?", True),
        ("Why did Trump attack Comey?", False),  # a wh-question presupposes the act
        ("Trump praised NATO.", False),
        ("‘Is he a fan of NATO?’", False),  # quoted: a speaker's question
        ('He asked: "Does Trump support NATO?"', False),
    ],
)
def test_open_question_table(sentence: str, expected: bool) -> None:
    assert open_question(sentence) is expected


def test_open_question_keeps_a_speakers_row() -> None:
    text = "Is NATO a threat to Russia?"
    assert not row_stands(text, (0, len(text)), (3, 7), -0.5, ["threat"], "actor")
    assert row_stands(text, (0, len(text)), (3, 7), -0.5, ["threat"], "speaker")  # a speaker's question is a position


# rule "own wish" --------------------------------------------------------------------------------------------------


def test_own_wish_fires() -> None:
    # at faf627c: Mr. Trump's advisers -> Nikki Haley favor ("hope", "gaining")
    text = (
        "Mr. Trump’s advisers say they hope to end the primary race in New Hampshire next week, where "
        "independents can vote and where Ms. Haley has been gaining."
    )
    assert [r for r in rows(text) if r[1] == "Nikki Haley" and r[2] != "neutral"] == []


@pytest.mark.parametrize(
    "quote,word,expected",
    [
        ("they hope to end the race next week", "hope", True),
        ("we hope Clinton wins", "hope", False),  # a wish about the target
        ("I hope to see him go and I hope he loses", "hope", False),  # one place is no "to <verb>"
        ("exactly the sort of citizen we want to have", "want", False),  # "want" is no wish verb here: it praises
        ("they hope to win", "praise", False),  # no wish verb
    ],
)
def test_own_wish_table(quote: str, word: str, expected: bool) -> None:
    assert own_wish(quote, word) is expected


def test_object_pronoun_of_the_other_gender_is_no_target() -> None:
    # a wrong row seen on the 1,000 rebuilt articles while this round was written: Clinton -> Trump against
    clinton = nl.Target("Clinton", aliases=("Hillary Clinton", "Clinton"), kind="person")
    text = (
        "Hillary Clinton revises claims about a Donald Trump video.\n"
        "Trump responded to Clinton’s assertion by calling her “a liar.”"
    )
    assert [r[:3] for r in rows(text, (nl.TRUMP, clinton)) if r[2] != "neutral"] == [("Trump", "Clinton", "against")]


# rule "subject before an apposition (name before of/from)" ----------------------------------------------------------


def test_name_before_of_in_an_apposition_subject_fires() -> None:
    # at faf627c: New York -> Trump favor (subject before an apposition)
    text = "Representative Elise Stefanik of New York, the third-ranking House Republican, endorsed Mr. Trump."
    found = [r for r in rows(text) if r[1] == "Trump"]
    assert [(h, s, hr) for h, _, s, hr, _ in found] == [
        ("Elise Stefanik", "favor", "subject before an apposition (name before of/from)")
    ]


def test_name_before_of_in_an_apposition_subject_does_not_fire() -> None:
    text = "Ben Jacobs, a reporter for The Guardian, accused Mr. Trump."
    assert [(h, hr) for h, _, _, hr, _ in rows(text)] == [("Ben Jacobs", "subject before an apposition")]
