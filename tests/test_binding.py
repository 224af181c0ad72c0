"""Round-6 mention rules of issue 23 (branch mr6): must fire and must not fire.

Rules: compound office ("the Vice President" names no one with the head "president"), reflexive
controller, principle C for possessives, rival in the quote, gender rival, role:outgoing, and a name
suffix after a comma ("Donald Trump, Jr.").
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.binding import name_parts, own_turn, possessor_of_named, quote_about, reflexive_controller
from newslab.document import Article, parse
from newslab.people import Person


def _trump(text: str, date: str = "") -> list[tuple[str, str, str]]:
    meta = {"date": date} if date else {}
    df = nl.find_mentions(Article("x", "", text, metadata=meta), nl.TRUMP)
    return [(m, r, a) for m, r, a in df[["mention", "rule", "antecedent"]].itertuples(index=False)]


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Trump spoke on Monday. Vice President Mike Pence agreed. The president said the economy was strong.",
         "The president"),
        ("Trump spoke on Monday. Flynn misled the Vice President. \"I had understood the President to be "
         "requesting that,\" Comey said.", "the President"),
    ],
)  # fmt: skip
def test_compound_office_fires(text: str, mention: str) -> None:
    rows = _trump(text)
    assert (mention, "head:president", "compound office: not Vice President") in rows, rows


@pytest.mark.parametrize(
    "text,mention",
    [
        # another president named with the head still decides
        ("Trump spoke on Monday. Former President Barack Obama disagreed. The president said no.", "The president"),
        ("Trump spoke on Monday. President Emmanuel Macron disagreed. The president said no.", "The president"),
        # the vice president is the vice president
        ("Trump spoke on Monday. Vice President Mike Pence agreed. The vice president said no.", "The vice president"),
    ],
)  # fmt: skip
def test_compound_office_must_not_fire(text: str, mention: str) -> None:
    assert not any(m == mention for m, _, _ in _trump(text))


def test_reflexive_controller() -> None:
    rows = _trump("President Trump remains furious at Sessions for recusing himself from the Russia investigation.")
    assert not any(m == "himself" for m, _, _ in rows), rows
    rows = _trump("Trump praised Pence for distancing himself from the remarks.")
    assert not any(m == "himself" for m, _, _ in rows), rows
    text = "Trump praised Sessions for recusing himself."
    assert reflexive_controller(text, 5, text.index("himself"), [(0, 5)]) == "Sessions"


@pytest.mark.parametrize(
    "text",
    [
        "Trump praised himself for the win.",
        "Trump went to Florida to defend himself.",
        "Standing beside Putin, Trump questioned his own agencies for failing him.",
    ],
)
def test_reflexive_controller_must_not_fire(text: str) -> None:
    mention = "himself" if "himself" in text else "his"
    assert any(m == mention for m, _, _ in _trump(text)), _trump(text)


def test_possessive_principle_c() -> None:
    rows = _trump("Kim spoke. He said Trump was deranged. His lengthy criticism of Trump ended with a threat.")
    assert not any(m == "His" for m, _, _ in rows), rows
    rows = _trump("Trump attacked Kim. He added that he was thinking hard. His criticism of President Trump ended.")
    assert not any(m == "His" for m, _, _ in rows), rows
    assert possessor_of_named("His criticism of Trump ended.", 3, [17])


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Trump spoke. His defense of his record was long.", "His"),
        ("Trump spoke. His own view of Trump Tower is that it is great.", "His"),
        ("Trump spoke. His attacks on Clinton grew sharper.", "His"),
    ],
)
def test_possessive_principle_c_must_not_fire(text: str, mention: str) -> None:
    assert any(m == mention for m, _, _ in _trump(text)), _trump(text)


def test_rival_in_the_quote() -> None:
    text = "Trump hit Cruz on Monday. “Sanders winning Wisconsin would give him fresh momentum,” an aide said."
    assert not any(m == "him" for m, _, _ in _trump(text)), _trump(text)


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Trump hit Cruz on Monday. “The win would give him fresh momentum,” an aide said.", "him"),
        ("Trump spoke on Monday. “Democrats know he is right,” an aide said.", "he"),
        ("Trump spoke on Monday. “He will win in November,” an aide said.", "He"),
    ],
)
def test_rival_in_the_quote_must_not_fire(text: str, mention: str) -> None:
    assert any(m == mention for m, _, _ in _trump(text)), _trump(text)


def test_gender_rival() -> None:
    text = (
        "Trump spoke on Monday. Weeks ago, a report countered her long-running claim that her email use was "
        "allowed, though her campaign continued to defend the candidate’s actions."
    )
    assert not any(m == "the candidate" for m, _, _ in _trump(text)), _trump(text)


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Trump spoke on Monday. Clinton said her rival, the Republican nominee, was unfit.", "the Republican nominee"),
        ("Trump spoke on Monday. Her speech attacked the president and his wall.", "the president"),
        ("Trump spoke on Monday. Clinton attacked him, but the candidate’s actions spoke louder.", "the candidate"),
    ],
)  # fmt: skip
def test_gender_rival_must_not_fire(text: str, mention: str) -> None:
    assert any(m == mention for m, _, _ in _trump(text)), _trump(text)


@pytest.mark.parametrize(
    "date,found",
    [("", False), ("2016-12-20", False), ("2020-12-20", True), ("2019-05-01", False)],
)
def test_outgoing_president(date: str, found: bool) -> None:
    rows = _trump("Trump spoke on Monday. The outgoing president said no.", date)
    assert any(m == "The outgoing president" for m, _, _ in rows) is found, rows


def test_comma_suffix_is_another_bearer() -> None:
    rows = _trump("Turns out Donald Trump, Jr. corresponded with Wikileaks. Donald Trump, the president, said no.")
    assert [m for m, _, _ in rows if "Trump" in m] == ["Donald Trump"], rows
    starts = [r for r in rows if r[0] == "Donald Trump"]
    assert len(starts) == 1


# Round-8 rules of issue 23 (branch mr8): must fire and must not fire.


def _trump_spans(text: str, date: str = "") -> list[str]:
    return [m for m, _, _ in _trump(text, date)]


def test_own_turn_leaves_third_person_pronouns_of_the_speakers_line() -> None:
    text = (
        "Trump met Kim in Hanoi.\n\nREPORTER: Did Chairman Kim promise you there would be no more tests?\n\n"
        "TRUMP: He said he's not going to do testing. I trust him, and I take him at his word.\n"
    )
    spans = _trump_spans(text)
    assert spans.count("Trump") == 1 and not {"He", "he", "him", "his"} & set(spans), spans


def test_own_turn_must_not_fire_in_another_speakers_line() -> None:
    text = "Trump met Kim in Hanoi.\n\nREPORTER: Did Trump promise anything?\n\nKIM: He said he would come back.\n"
    assert "He" in _trump_spans(text)


def test_own_turn_helper() -> None:
    rx = nl.TRUMP._name_re
    text = "REPORTER: Did he promise?\nTRUMP: He said so.\nMS. CLINTON: He did."
    assert own_turn(text, text.index("He said"), rx) == "TRUMP"
    assert own_turn(text, text.index("he promise"), rx) == ""
    assert own_turn(text, text.index("He did"), rx) == ""


@pytest.mark.parametrize(
    "text,after,expected",
    [
        ('"He is quite a guy," he said of Kim.', 0, "Kim"),
        ("“He is a character,” Trump said of Mr. Kim.", 0, "Mr. Kim"),
        ('"He won big," she said of President Trump.', 0, ""),  # the target itself: nothing to veto
        ('"He is quite a guy," he said. Of Kim, nothing.', 0, ""),  # "said" ends the sentence
    ],
)  # fmt: skip
def test_quote_about(text: str, after: int, expected: str) -> None:
    end = text.index(",", 1) + 2
    assert quote_about(text, (after, end), nl.TRUMP._name_re) == expected


def test_quote_about_another_is_not_credited() -> None:
    text = 'Trump said the talks had ended on friendly terms. "He\'s quite a guy," he said of Kim.'
    spans = _trump(text)
    assert ("He", "pronoun:discourse", "Trump") not in spans and not any(m == "He" for m, _, _ in spans), spans
    assert any(m == "he" for m, _, _ in spans)  # the speaker after the quote is still Trump


def test_name_part_is_a_rival() -> None:
    text = (
        "Trump met North Korean leader Kim Jong Un in Hanoi. Pompeo spoke. "
        "Trump also said Kim had told him he did not know about it."
    )
    assert "he" not in _trump_spans(text)


def test_name_part_must_not_fire_on_a_common_word_or_a_longer_name() -> None:
    doc = parse(Article("a", "", "Will Hurd spoke. Will he run? Trump met Will Hurd. Kim Jong Un spoke."))
    hurd = Person(0, 9, "Will Hurd", "male", 0)
    assert name_parts(doc, [hurd], []) == []
    kim = Person(51, 62, "Kim Jong Un", "male", 3)
    doc2 = parse(Article("a", "", "Kim Jong Un spoke. Kim Jong Un left. Kim said so."))
    kim = Person(0, 11, "Kim Jong Un", "male", 0)
    assert [a for a, _, _ in name_parts(doc2, [kim], [])] == [37]


@pytest.mark.parametrize(
    "date,credited",
    [("2018-10-06", False), ("2016-10-10", True), ("2024-07-20", True), ("2020-02-20", False), ("", True)],
)
def test_dated_nominee(date: str, credited: bool) -> None:
    text = "Trump spoke on Friday. Senate leaders said the protests against the nominee had energized voters."
    assert ("the nominee" in _trump_spans(text, date)) is credited


def test_former_titled_holder_is_not_the_current_one() -> None:
    text = (
        "FBI agents searched former President Donald Trump's estate. The White House said the president was not told."
    )
    assert "the president" not in _trump_spans(text, "2022-08-09")
    assert "the president" in _trump_spans(text, "2018-08-09")  # Trump's term: he is the president then
    plain = "FBI agents searched President Donald Trump's estate. The White House said the president was not told."
    assert "the president" in _trump_spans(plain, "2018-08-09")


def test_topic_question_keeps_the_description() -> None:
    text = (
        "Donald Trump nominated him. Who tipped it? Susan Collins. ‘I will vote to confirm Judge Kavanaugh,’ "
        "she said.\n\nAnd the tycoon? The tycoon had mocked Ford at a rally. On Saturday he was all smiles."
    )
    spans = _trump_spans(text)
    assert {"the tycoon", "The tycoon", "he"} <= set(spans), spans


def test_description_after_another_subject_stays_unlinked() -> None:
    text = "Trump spoke. Michael Bloomberg entered the race. The billionaire has spent millions."
    assert "The billionaire" not in _trump_spans(text)
    possessor = (
        "Trump mocked him. Michael Bloomberg's campaign answered. "
        '"The president is lying," an aide said. The billionaire has spent millions.'
    )
    assert "The billionaire" not in _trump_spans(possessor, "2020-02-13")  # a quoted description is no topic


def test_subject_continued_after_a_connective() -> None:
    text = (
        "Donald Trump met Kim Jong Un. Was he angry? Not at all. He heaped praise on Kim, as he has since their first "
        "meeting."
    )
    assert _trump_spans(text).count("he") >= 1
    other = "Donald Trump met Kim Jong Un. Kim praised Trump, as he has since their first meeting."
    assert "he" not in _trump_spans(other)  # the clause's opening subject is Kim


def test_subject_continued_must_not_pass_a_pronoun_left_to_someone_else() -> None:
    text = (
        "Trump, Bush, Fiorina: Two moments to remember: when he stood up to Trump and stood up for his brother; "
        "at the end of the debate, when he chose a name."
    )
    assert "he" not in _trump_spans(text)
