"""The at6 rules of the quotes stage (issue 23): titles, scare terms, refusals, speakers. Must fire and must not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslab as nl
from newslab.speech_formats import bad_speaker, is_title


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    df = nl.find_quotes(nl.Article("x", "", text))
    return [(q, k, s, r) for q, k, s, r in df[["quote", "kind", "speaker_resolved", "rule"]].itertuples(index=False)]


def _quoted(text: str) -> list[str]:
    return [q for q, _, _, _ in _rows(text)]


# ---- titles (rule "title"): a cue, an outlet's possessive or a work apposition frames a title -----------------
@pytest.mark.parametrize(
    "text,first_word",
    [
        ("“The budgets will be different,” he told NBC’s “Meet the Press.”", "Meet"),
        ("Pistorius rose to fame wearing the blades that gave him his nickname, \"Blade Runner.\"", "Blade"),
        ("It emerged in previews of the book “Clinton Cash: The Untold Story of How Foreign Governments Helped.”",
         "Clinton"),
        ("Obama hosted a screening of “Mandela: Long Walk to Freedom,” a film based on the autobiography.", "Mandela"),
        ("Sanders turned his speech into comedy on “The Late Show with Seth Meyers” on Monday.", "The"),
    ],
)  # fmt: skip
def test_framed_titles_are_no_quotes(text: str, first_word: str) -> None:
    assert not [q for q in _quoted(text) if q.startswith(first_word)], _rows(text)


@pytest.mark.parametrize(
    "text,quote",
    [
        ("Trump called it “Totally Unfair.”", "Totally Unfair."),  # a naming verb: still the speaker's words
        ("Merlan doubled down, responding with a sarcastic “Sure you are” when Soave spoke.", "Sure you are"),
        ("“We Will Win,” Trump said.", "We Will Win"),
    ],
)
def test_speech_in_title_case_stays_a_quote(text: str, quote: str) -> None:
    assert quote in _quoted(text), _rows(text)


def test_colon_before_a_short_title_case_quote_opens_speech() -> None:
    text = "The senator wrote: “Never Again”"
    assert not is_title(text, text.index("Never"), text.index("”"), text.index("“"))
    text = "Trump repeated the “Crooked Hillary” line."
    assert is_title(text, text.index("Crooked"), text.index("”"), text.index("“"))


# ---- scare terms (rule "scare-term") -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Landrieu struggled after the Nov. 4 “jungle primary” in which neither candidate won.",
        "Trump helped Lewandowski raise a “defense of others” argument in court.",
        'Opponents were incensed by his use of the term "Jewish lobby" to refer to groups.',
    ],
)
def test_scare_terms_give_no_row(text: str) -> None:
    assert not _rows(text)


@pytest.mark.parametrize(
    "text,quote",
    [
        ("Romney called the findings “garbage” on Friday.", "garbage"),  # a reporting verb before it
        ("Harkin says he “was wrong” to make the remarks.", "was wrong"),
        ("“Disgusting,” she said.", "Disgusting"),  # the comma leads to the attribution
        ("Trump mocked Bob Corker’s questioning of Trump’s “stability” and “competence” on Thursday.", "competence"),
        ("“No.” That was all.", "No."),  # a quote opening its sentence
        (
            "Donald Trump: ‘Russian connection non-sense’ is cover for Clinton’s ‘many mistakes’ in the race.",
            "many mistakes",
        ),  # a sentence that quotes a labelled speaker
    ],
)
def test_short_quotes_of_speech_stay(text: str, quote: str) -> None:
    assert quote in _quoted(text), _rows(text)


# ---- refusals and self-naming (rules "refusal", "self-name") ------------------------------------------------
def test_a_refusal_to_answer_reports_no_words() -> None:
    text = (
        "Mr. Earnest declined to answer a reporter’s question on whether it is now “clear” that Mrs. Clinton "
        "broke the agreement."
    )
    assert not _rows(text)
    assert ("the plan was dead", "indirect", "Earnest", "reported-say") in _rows(
        "Mr. Earnest refused to comment. Earnest said the plan was dead."
    )


def test_a_group_naming_itself_is_no_speaker_but_a_person_is() -> None:
    rows = _rows("Obama helped young immigrants who were brought here as children and call themselves “dreamers.”")
    assert all(s != "immigrants" and "immigrants" not in s for _, _, s, _ in rows), rows
    rows = _rows("Donald Trump called himself “a very stable genius” on Saturday.")
    assert ("a very stable genius", "direct", "Donald Trump", "before-quote") in rows, rows


# ---- clauses: fronted clauses, "according to X:", reported-after, objects ------------------------------------
def test_fronted_clause_subject_is_not_the_main_clause_speaker() -> None:
    text = (
        "After Rose asked whether chemical weapons were worse than nuclear weapons, Assad sneered and said, "
        "“I don't know, we haven't tried either.”"
    )
    assert ("I don't know, we haven't tried either.", "direct", "Assad", "before-quote; fronted-clause") in _rows(text)
    # must not fire: a coordinated verb of the same clause keeps its subject
    rows = _rows("Trump claimed that he won and demanded that they pay.")
    assert ("they pay", "indirect", "Trump", "coordinated") in rows, rows


def test_according_to_before_a_colon_attributes_what_follows() -> None:
    rows = _rows("But look at what Trump actually said, according to Comey’s account: “Let Flynn go.”")
    assert not [r for r in rows if r[3] == "according-to"], rows
    assert ("The plan is dead", "indirect", "officials", "according-to") in _rows(
        "The plan is dead, according to officials."
    )


def test_reported_after_needs_a_verb() -> None:
    assert not [r for r in _rows("At that point, Cuomo said.") if r[3] == "reported-after"]
    assert ("The plan is dead", "indirect", "officials", "reported-after") in _rows("The plan is dead, officials said.")


@pytest.mark.parametrize(
    "text",
    [
        "“I don't mean to be gloomy,” Laurie said, explaining his pessimism about the awards surviving the era.",
        "When Davis refused the order, the judge declared the clerk in contempt of court and jailed her for five days.",
    ],
)
def test_an_object_is_no_reported_clause(text: str) -> None:
    assert not [r for r in _rows(text) if r[1] == "indirect"], _rows(text)


def test_a_clause_with_a_finite_verb_is_still_reported() -> None:
    assert ("the plan failed and collapsed", "indirect", "Smith", "reported-say") in _rows(
        "Smith said the plan failed and collapsed."
    )


# ---- speakers -------------------------------------------------------------------------------------------------
def test_she_is_no_organization_nor_a_man_titled_mr() -> None:
    text = (
        "The State Department implied that Mr. Kerry would appear. “Our view is that these issues have been "
        "pored over,” she said."
    )
    speaker = [s for q, _, s, _ in _rows(text) if q.startswith("Our view")]
    assert speaker and speaker[0] not in ("State Department", "Kerry", "Mr. Kerry"), _rows(text)
    # must not fire: a woman named before is still "she"
    rows = _rows("Spokeswoman Hope Hicks spoke on Monday. “The meeting is on,” she said.")
    assert ("The meeting is on", "direct", "Hope Hicks", "after-quote") in rows, rows


def test_headline_speaker_takes_the_first_unattributed_quote() -> None:
    text = 'Kayla Mueller\'s Parents Say They Have Been Notified Of Her Death "We are so proud of Kayla."'
    assert ("We are so proud of Kayla.", "direct", "Kayla Mueller's Parents", "headline-speaker") in (_rows(text))
    # must not fire: a quote with a speaker of its own
    text = 'Kayla Mueller\'s Parents Say They Have Been Notified Of Her Death "We are proud," Carl Mueller said.'
    assert ("We are proud", "direct", "Carl Mueller", "after-quote") in _rows(text)


def test_pronoun_bridge_reaches_the_speaker_two_sentences_back() -> None:
    text = (
        "After the show, producer Ken Ehrlich said getting Clinton to appear wasn't tough. However, he credited "
        "Corden with sealing the deal. “She kind of took a couple of days to say yes.”"
    )
    rows = _rows(text)
    assert ("She kind of took a couple of days to say yes.", "direct", "Ken Ehrlich",
            "previous-sentence; pronoun-bridge") in rows, rows  # fmt: skip
    # must not fire: the sentence between has another subject
    text = (
        "Producer Ken Ehrlich said getting Clinton to appear wasn't tough. Corden sealed the deal. "
        "“She kind of took a couple of days to say yes.”"
    )
    assert not [r for r in _rows(text) if "pronoun-bridge" in r[3]]


def test_naming_object_and_nested_speakers() -> None:
    text = 'When an interviewer called the Russian leader "a killer," Trump said the United States has many of them.'
    rows = _rows(text)
    assert ("a killer", "direct", "an interviewer", "before-quote; naming-object") in rows, rows
    assert ("the United States has many of them", "indirect", "Trump", "reported-say") in rows, rows
    rows = _rows('Chief Butch Ayers spoke. "It shouldn\'t have happened," Ayers said McDonald told him.')
    assert ("It shouldn't have happened", "direct", "McDonald", "after-quote; nested") in rows, rows
    # must not fire: "Ayers said McDonald told him the plan failed" is Ayers's report of another clause
    rows = _rows('"It is over," Ayers said. He said McDonald told him the plan failed.')
    assert ("It is over", "direct", "Ayers", "after-quote") in rows, rows


def test_headline_label_in_single_marks() -> None:
    rows = _rows("Yates: 'Flynn Was Compromised With Respect to the Russians' WASHINGTON – Sally Yates testified.")
    assert ("Flynn Was Compromised With Respect to the Russians", "direct", "Sally Yates", "headline-label") in rows
    assert not [r for r in _rows("UPDATE: 'We Will Win' was the slogan.") if r[3] == "headline-label"]
    assert not [r for r in _rows("Yates: 'it was wrong' he said.") if r[3] == "headline-label"]


@pytest.mark.parametrize(
    "phrase,bad", [("Black’s controversial", True), ("The attorney general", False), ("the former senator", False)]
)
def test_a_possessive_and_an_adjective_is_no_speaker(phrase: str, bad: bool) -> None:
    assert bad_speaker(phrase) is bad


# ---- exact gates ------------------------------------------------------------------------------------------------
FRONTED_PIECES = ["After", "When", "If", "Assad", "asked", "said", ",", ", ", " ", "“", '"', "and", "A", "x", "Ifs"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRONTED_PIECES), max_size=16).map(" ".join))
def test_fronted_gate_finds_what_the_pattern_finds(text: str) -> None:
    """The first-character gate of ``_fronted_end`` never hides a match of ``_FRONTED_CLAUSE``."""
    from newslab.attribution import _FRONTED_CLAUSE, _fronted_end

    m = _FRONTED_CLAUSE.match(text, 0, len(text))
    assert _fronted_end(text, 0, len(text)) == (m.end() if m else 0)


REFUSAL_PIECES = ["declined", "refuses", "refusing", "to", " ", "\u00a0", "answer", "say", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(REFUSAL_PIECES), max_size=12).map("".join))
def test_refusal_gate_is_exact(text: str) -> None:
    """``refused`` reads "to " before the verb first: the pattern matches only where that cheap test holds."""
    from newslab.quote_checks import _REFUSAL

    for end in range(len(text) + 1):
        if _REFUSAL.search(text, 0, end) is not None:
            assert text[end - 3 : end] == "to "


def test_but_said_takes_the_subject_and_ends_the_clause_before_it() -> None:
    text = (
        "Belmar said he believes those involved could have been associated with the protests, but said, "
        "“The responsibility lies with whoever did that shooting.”"
    )
    rows = _rows(text)
    said = [q for q, _, s, r in rows if r == "reported-say"]
    assert said and not [q for q in said if "responsibility" in q], rows
    assert ("The responsibility lies with whoever did that shooting.", "direct", "Belmar", "before-quote") in rows
    # must not fire: "but" opening a clause with a subject of its own
    rows = _rows("Smith said the plan was dead, but Jones said it would pass.")
    assert ("it would pass", "indirect", "Jones", "reported-say") in rows, rows


def test_gerund_subject_opens_a_reported_clause_only_before_an_auxiliary() -> None:
    rows = _rows("After the show, Ken Ehrlich said getting Clinton to appear in the skit wasn't tough.")
    assert ("getting Clinton to appear in the skit wasn't tough", "indirect", "Ken Ehrlich", "reported-say") in rows
    assert not [r for r in _rows("Gunn was fired by Disney for similar jokes making light of pedophilia.") if r[1]]


LABEL_MARK_PIECES = ["Yates", "Sally", ":", " ", "\t", "'", "Flynn Was", "x", "\n", ". ", "A"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LABEL_MARK_PIECES), max_size=16).map("".join))
def test_headline_label_gate_is_exact(text: str) -> None:
    """The ":  '" gate of ``headline_label_quotes`` never hides a match of its pattern."""
    from newslab.speech_formats import _HEADLINE_LABEL, _LABEL_MARK

    if _HEADLINE_LABEL.search(text) is not None:
        assert _LABEL_MARK.search(text) is not None
