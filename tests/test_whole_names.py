"""Issue 23, branch nm: whole names in the name registry, and a given name of another person in the mentions stage."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.document import Article, parse
from newslab.mentions import given_name_of_another
from newslab.names import name_registry, whole_name


def registry(text: str) -> tuple[str, ...]:
    return name_registry(parse(Article("a", "", text)))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [  # must fire: the registry kept the last two words ("York Times", "King Jr.") at 1ef2d3c
        ("The New York Times reported it.", "New York Times"),
        ("The Los Angeles Times reported it.", "Los Angeles Times"),
        ("The Wall Street Journal reported it.", "Wall Street Journal"),
        ("Human Rights Watch said so.", "Human Rights Watch"),
        ("Martin Luther King Jr. spoke.", "Martin Luther King Jr."),
        ("Hillary Rodham Clinton spoke.", "Hillary Rodham Clinton"),
        ("Donald Trump Jr. spoke.", "Donald Trump Jr."),
        ("The Des Moines Register said so.", "Des Moines Register"),
        ("The Iranian Foreign Ministry said so.", "Iranian Foreign Ministry"),  # a role word inside an organization
        ("The Democratic National Committee said so.", "Democratic National Committee"),
    ],
)
def test_the_registry_keeps_a_whole_name(sentence: str, name: str) -> None:
    assert registry(sentence) == (name,)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [  # must not fire: the last two words are the name; title, role, party and place words are no part of it
        ("Mr. Donald Trump spoke.", "Donald Trump"),
        ("Senator Lindsey Graham spoke.", "Lindsey Graham"),
        ("President Barack Obama spoke.", "Barack Obama"),
        ("U.S. President Donald Trump spoke.", "Donald Trump"),
        ("Republican Sen. Lindsey Graham spoke.", "Lindsey Graham"),
        ("Democrat Beto O'Rourke spoke.", "Beto O'Rourke"),
        ("White House Press Secretary Sarah Sanders spoke.", "Sarah Sanders"),
        ("Michael R. Bloomberg spoke.", "Michael R. Bloomberg"),
        ("Top aide to Donald Trump Kellyanne Conway spoke.", "Kellyanne Conway"),  # two people in one run
        ("New York Mayor Rudolph W. Giuliani spoke.", "Rudolph W. Giuliani"),  # a title; a middle initial
        ("Syrian rebel Gen. Salam Idris spoke.", "Salam Idris"),
        ("Although Mr. Klain spoke.", "Mr. Klain"),  # a title right before the surname stays, as before
        ("Justice Department officials spoke.", "Justice Department"),
    ],
)
def test_title_and_party_words_stay_out_of_the_name(sentence: str, name: str) -> None:
    assert name in registry(sentence)
    assert not any(n != name and n.endswith(name) for n in registry(sentence))


def test_whole_name_of_a_run() -> None:
    assert whole_name(["Tuesday", "Donald", "Trump"]) == "Donald Trump"  # a day is no part of a name
    assert whole_name(["Trump", "Jr."]) == "Trump Jr."
    assert whole_name(["President", "Trump"]) == ""  # one word alone is no name
    assert whole_name(["FBI", "Director", "Comey"]) == "FBI Comey"  # no name of two words: the earlier rule, as before
    assert whole_name(["Senate", "Foreign", "Relations", "Committee"]) == "Relations Committee"  # after a role word
    # four or more words without a given name: a headline or two names run together; the last two, as before
    assert whole_name(["Wisconsin", "Primary", "Looms", "Swelling"]) == "Looms Swelling"
    assert whole_name(["Fox", "Business", "Network", "Ryan"]) == "Network Ryan"


TARGETS = (nl.TRUMP, nl.NATO)


def stance(text: str, targets: tuple[nl.Target, ...] = TARGETS) -> list[tuple[str, str, str]]:
    table = nl.stance_table(nl.Article("a", "", text), targets, progress=False)
    return [(r.holder, r.target, r.stance) for r in table.itertuples()]


def test_a_holder_run_ending_with_a_whole_name_is_that_name() -> None:
    # must fire: "Angeles Times" was the holder of the second sentence at 1ef2d3c (the first name ending in "Times")
    text = "The Los Angeles Times praised NATO. The New York Times criticized Trump."
    assert stance(text) == [("Los Angeles Times", "NATO", "favor"), ("New York Times", "Trump", "against")]


def test_a_holder_with_a_title_keeps_the_person() -> None:  # must not fire
    assert stance("Senator Lindsey Graham praised NATO.") == [("Lindsey Graham", "NATO", "favor")]
    assert stance("President Barack Obama praised NATO.") == [("Barack Obama", "NATO", "favor")]


def speakers(text: str) -> list[str]:
    return nl.find_quotes(nl.Article("a", "", text), targets=TARGETS)["speaker_resolved"].tolist()


def test_a_speaker_surname_finds_the_whole_name() -> None:
    # must fire: "Street Journal" at 1ef2d3c
    text = 'The Wall Street Journal reported it on Monday. "This is a disaster," the Journal wrote.'
    assert speakers(text)[-1] == "Wall Street Journal"


def test_a_surname_is_not_given_to_a_son_with_a_suffix() -> None:  # must not fire
    text = 'Donald Trump Jr. and Donald Trump spoke. "We will win," Trump said.'
    assert speakers(text) == ["Donald Trump"]


PAUL = (nl.Target("Paul"), nl.Target("Manafort"))


def test_a_given_name_of_another_person_is_no_mention() -> None:
    t = "that Paul Manafort lied; Ron Paul backers; Paul Over Tweets; Paul Tuesday"
    assert [given_name_of_another(t, i, i + 4) for i in (5, 29, 43, 60)] == [True, False, False, False]
    found = nl.find_mentions(nl.Article("a", "", "Trump attacked Paul Manafort."), PAUL)
    assert found[["target", "mention", "rule"]].values.tolist() == [["Manafort", "Paul Manafort", "given name"]]


def test_a_row_moves_to_the_whole_name_of_a_target() -> None:
    # must fire: no row at 1ef2d3c (the row toward Paul was dropped, and the object search stopped at "Paul")
    assert stance("Trump attacked Paul Manafort.", PAUL) == [("Trump", "Manafort", "against")]


def test_a_holder_keeps_the_whole_name_of_a_registered_person() -> None:
    # must not fire: the registry's "Paul Manafort" holds the row, not the target Paul
    assert stance("Paul Manafort criticized NATO.", (nl.Target("Paul"), nl.NATO)) == [
        ("Paul Manafort", "NATO", "against")
    ]


@pytest.mark.parametrize(
    ("text", "row"),
    [  # must not fire: the target's own mention stays
        ("Ron Paul backers are pretty good at shouting.", ("backers", "Paul", "favor")),
        ("Trump attacked Paul Tuesday.", ("Trump", "Paul", "against")),
        ("Trump attacked Paul on Monday.", ("Trump", "Paul", "against")),
    ],
)
def test_the_target_keeps_its_own_mention(text: str, row: tuple[str, str, str]) -> None:
    assert stance(text, PAUL) == [row]


def test_a_given_name_before_a_surname_target_stays_out_of_its_mention() -> None:
    # must not fire: "Hillary" is no target's mention, so the mention of Clinton stays "Clinton"
    found = nl.find_mentions(nl.Article("a", "", "Trump attacked Hillary Clinton."), (nl.Target("Clinton"),))
    assert found["mention"].tolist() == ["Clinton"]


@pytest.mark.parametrize(
    "text",
    [  # must fire: the holder held the capitalized role words at 1ef2d3c ("Accuser Christine Blasey Ford")
        "Accuser Christine Blasey Ford criticized Kavanaugh on Monday.",
        "Trump Accuser Christine Blasey Ford criticized Kavanaugh.",
    ],
)
def test_a_role_word_before_a_holder_is_no_part_of_its_name(text: str) -> None:
    assert stance(text, (nl.TRUMP, nl.Target("Kavanaugh"))) == [("Christine Blasey Ford", "Kavanaugh", "against")]


CLINTON = (nl.TRUMP, nl.Target("Clinton"), nl.Target("Obama"))


@pytest.mark.parametrize(
    ("text", "row"),
    [  # must fire: no row at 1ef2d3c (the object search stopped at the given name before the surname target)
        ("Trump attacked Hillary Clinton.", ("Trump", "Clinton", "against")),
        ("Flynt, who endorsed Democratic nominee Hillary Clinton, spoke.", ("Flynt", "Clinton", "favor")),
        ("Blasting President Barack Obama for his campaign, Mitt Romney spoke.", ("Mitt Romney", "Obama", "against")),
    ],
)
def test_a_given_name_before_a_surname_target_joins_its_actor(text: str, row: tuple[str, str, str]) -> None:
    assert stance(text, CLINTON) == [row]


@pytest.mark.parametrize(
    ("text", "row"),
    [  # must not fire: a surname alone, and a given name of a person target, change nothing
        ("Trump attacked Clinton.", ("Trump", "Clinton", "against")),
        ("Clinton attacked Donald Trump.", ("Clinton", "Trump", "against")),
    ],
)
def test_a_surname_target_alone_keeps_its_row(text: str, row: tuple[str, str, str]) -> None:
    assert stance(text, CLINTON) == [row]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [  # must fire: the five-word speaker phrase stopped at the role word at 1ef2d3c ("as written")
        (
            '"Trump is a liar," said ousted White House communications director Anthony Scaramucci.',
            "Anthony Scaramucci",
        ),
        ('"Trump is a liar," said former White House chief strategist Steve Bannon on Monday.', "Steve Bannon"),
        ('"Trump is great," said the former New York City mayor Rudy Giuliani.', "Rudy Giuliani"),
    ],
)
def test_a_speaker_is_the_name_after_a_long_role(text: str, speaker: str) -> None:
    quotes = nl.find_quotes(nl.Article("a", "", text), targets=TARGETS)
    assert quotes[["speaker_resolved", "speaker_rule"]].values.tolist() == [[speaker, "name after role"]]
    assert stance(text)[0][0] == speaker


@pytest.mark.parametrize(
    "text",
    [  # must not fire: a time word or a lowercase word after the role, a name no run registers
        '"Trump is a liar," said a White House spokesman Monday.',
        '"Trump is a liar," said the spokesman in Washington.',
        '"Trump is a liar," said the spokesman Paris.',
    ],
)
def test_a_role_speaker_without_a_name_after_it_stays(text: str) -> None:
    quotes = nl.find_quotes(nl.Article("a", "", text), targets=TARGETS)
    assert "name after role" not in quotes["speaker_rule"].tolist()
