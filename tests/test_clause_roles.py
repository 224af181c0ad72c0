"""Clause rules of stance holders and targets (newslab.clause_roles), and a property: no sentence stops the pass."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import newslab as nl
from newslab.actors import Actor
from newslab.clause_roles import apposition_subject, coordinated_targets, head_before_of, participle_opener
from newslab.holders import clean_holder


def test_apposition_subject() -> None:
    text = "Ben Jacobs, a reporter for The Guardian, accused Gianforte."
    assert apposition_subject(text, 0, text.index("accused"), [Actor("Ben Jacobs", 0, 10)]).label == "Ben Jacobs"
    unnamed = "Corker, who has been a loyal senator, raised questions."
    assert apposition_subject(unnamed, 0, unnamed.index("raised"), []).label == "Corker"


@pytest.mark.parametrize(
    "text",
    [
        "Ben Jacobs said a reporter for The Guardian accused Gianforte.",  # no comma before the cue
        "Ben Jacobs, a reporter: The Guardian, accused Gianforte.",  # a colon is no apposition
        "Ben Jacobs, Ohio, Texas, Utah, Iowa, Maine, Idaho, a b c d e f g h i j k l m n o p, accused Gianforte.",
    ],
)
def test_apposition_subject_does_not_misfire(text: str) -> None:
    assert apposition_subject(text, 0, text.index("accused"), [Actor("Ben Jacobs", 0, 10)]) is None


def test_head_before_of() -> None:
    text = "Ed Whalen of the Ethics and Public Policy Center has hailed Gorsuch."
    assert head_before_of(text, 0, text.index("Public"), [Actor("Ed Whalen", 0, 9)]).label == "Ed Whalen"
    other = "Ed Whalen praised the Ethics and Public Policy Center."
    assert head_before_of(other, 0, other.index("Public"), [Actor("Ed Whalen", 0, 9)]) is None


def test_participle_opener() -> None:
    text = "CHILLICOTHE, Ohio — Blasting Obama for running a campaign of “hate,” Mitt Romney delivered a critique."
    cs = text.index("Blasting")
    romney = Actor("Mitt Romney", text.index("Mitt"), text.index("Mitt") + 11)
    found = participle_opener(text, 0, cs, cs + 8, len(text), [Actor("Obama", cs + 9, cs + 14), romney])
    assert found is romney
    later = "Mitt Romney delivered a critique, blasting Obama."
    assert participle_opener(later, 0, later.index("blasting"), later.index(" Obama"), len(later), []) is None


def test_coordinated_targets() -> None:
    text = "Duterte accused Sereno and Ombudsman Conchita Morales of bias."
    sereno = Actor("Sereno", 16, 22)
    morales = Actor("Conchita Morales", text.index("Conchita"), text.index(" of"))
    assert coordinated_targets(text, sereno, len(text), [morales]) == [morales]
    clause = "Trump criticized NATO and Rutte praised him."
    rutte = Actor("Rutte", clause.index("Rutte"), clause.index("Rutte") + 5)
    assert coordinated_targets(clause, Actor("NATO", 17, 21), len(clause), [rutte]) == []  # a new clause
    far = "Trump criticized NATO in Brussels and Rutte in The Hague."
    rutte = Actor("Rutte", far.index("Rutte"), far.index("Rutte") + 5)
    assert coordinated_targets(far, Actor("NATO", 17, 21), len(far), [rutte]) == []


WORDS = st.sampled_from(
    ["Trump", "NATO", "Rutte", "he", "It", "whom", "Despite", "by", "accused", "praised", "criticism", "of", "from",
     "critic", "support", "for", "the", "a", ",", ".", "“", "”", "said", "not", "denied", "that", "and", "drew",
     "ire", "Blasting", "favored", "was", "Mr.", "former", "Secretary", "(", ")", "W.", "—", "his", "her", "thanks",
     "opposed", "to", "as", "feuding", "with", "\n", "’s", "jab", "at", "took", "failed", "Italian", "West", "in"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30))
def test_no_sentence_stops_the_pass_and_holders_are_actors(words: list[str]) -> None:
    text = " ".join(words)
    assume(text.strip())  # an empty article is bad input (EmptyInputError), not a sentence
    table = nl.stance_table(nl.Article("p", "", text), targets=(nl.TRUMP, nl.NATO), sentiment=False)
    for holder in table["holder"]:
        assert holder and clean_holder(holder) == holder, holder  # an actor a coder would sign, never "It"/"whom"
        assert holder.lower() not in {"it", "whom", "by", "for", "despite trump", "italian", "west in"}
    assert set(table["stance"]) <= {"favor", "against", "neutral"}
