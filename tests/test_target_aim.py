"""At whom an evaluative word is aimed (newslab.target_aim): each rule, and the cases that must not fire."""

from __future__ import annotations

import pytest

from newslab.feature_words import describe_feature
from newslab.target_aim import AIM_FAMILIES, AIMS, AWAY, TOWARD, aim_clauses, aim_masses, aimed_words, away_words
from newslab.target_reading import SentenceReading, read_sentence
from newslab.target_tone import FAMILIES, SHIPPED_FAMILIES, target_features
from newslab.tone_lexicon import default_prepared


def _read(sentence: str, mention: str, nth: int = 0) -> tuple[SentenceReading, int, int]:
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(mention, start + 1)
    r = read_sentence(sentence, 0, len(sentence), default_prepared())
    a = next(i for i, s in enumerate(r.starts) if s == start)
    b = next(i for i, e in enumerate(r.ends) if e == start + len(mention)) + 1
    return r, a, b


def _aims(sentence: str, mention: str, nth: int = 0) -> dict[str, str]:
    r, a, b = _read(sentence, mention, nth)
    return {r.toks[i]: aim for i, aim in aimed_words(r, a, b)}


@pytest.mark.parametrize(
    ("sentence", "mention", "word", "aim"),
    [
        ("Trump was a disgrace to the party.", "Trump", "disgrace", "aim_pred"),
        ("Trump's failure was plain.", "Trump", "failure", "aim_poss"),
        ("Senators criticized Trump on Monday.", "Trump", "criticized", "aim_obj"),
        ("Voters are scared about Mr. Trump.", "Mr. Trump", "scared", "aim_obj"),
        ("Trump had denounced Duke several times.", "Trump", "denounced", "aim_agent"),
        ("Trump said Clinton was corrupt.", "Trump", "corrupt", "aim_other"),
        ("Trump won the primary easily.", "Trump", "won", "aim_subj"),
        ('Trump picked Azar, writing that Azar "will be a great secretary".', "Trump", "great", "aim_xother"),
        ("Trump spoke, and the crowd was angry.", "Trump", "angry", "aim_xfree"),
    ],
)
def test_each_rule(sentence: str, mention: str, word: str, aim: str) -> None:
    assert _aims(sentence, mention)[word] == aim


@pytest.mark.parametrize(
    ("sentence", "mention", "nth", "word", "not_aim"),
    [
        # a name spelt as the mention's word is the target again, not another name
        ("Obama spoke, and later Obama vowed to humiliate the group.", "Obama", 0, "humiliate", "aim_xother"),
        # a word far before the target is not read as taking it as object
        ("Angry voters said on Monday that they would vote for Trump.", "Trump", 0, "angry", "aim_obj"),
        # a possessive target does not make a predicate of the words after it
        ("Trump's greatest failure was plain.", "Trump", 0, "greatest", "aim_pred"),
        # the word's own target as agent of nothing: no other name after the word
        ("Trump slammed the plan again.", "Trump", 0, "slammed", "aim_agent"),
    ],
)
def test_rules_that_must_not_fire(sentence: str, mention: str, nth: int, word: str, not_aim: str) -> None:
    assert _aims(sentence, mention, nth)[word] != not_aim


def test_quote_marks_do_not_break_the_clause() -> None:
    toks = ["azar", "“", "will", "be", "a", "star", "”", ",", "he", "said"]
    clause = aim_clauses(toks)
    assert clause[0] == clause[5] and clause[5] != clause[8]


def test_aims_partition_and_families() -> None:
    assert set(AIMS) >= TOWARD | AWAY and not TOWARD & AWAY
    assert AIM_FAMILIES <= FAMILIES and not AIM_FAMILIES & SHIPPED_FAMILIES


def test_masses_flags_and_words() -> None:
    r, a, b = _read("Trump had denounced Duke, and voters were scared about Trump.", "Trump", 1)
    flags: dict[str, float] = {}
    mass = aim_masses(r, a, b, r.news, r.pattern, {"aim", "aim_compact", "aim_share", "aim_words"}, flags)
    assert mass["aim_obj"][1] < 0 and mass["aim_toward"][1] < 0  # "scared about Trump"
    assert mass["aim_xother"][1] < 0 and mass["aim_away"][1] < 0  # "denounced Duke"
    assert flags["aim_other_share"] == pytest.approx(0.5)
    assert flags["At=scared"] == 1.0 and flags["Aa=denounced"] == 1.0
    assert {r.toks[i] for i in away_words(r, a, b)} == {"denounced"}


def test_shipped_features_unchanged_without_the_families() -> None:
    s = "Trump had denounced Duke, and voters were scared about Trump."
    plain = target_features(s, (0, 5))
    assert not any(k.startswith(("aim_", "At=", "Aa=")) for k in plain)
    routed = target_features(s, (0, 5), families=[*SHIPPED_FAMILIES, "aim_route"])
    assert "aim_away_vneg" in routed


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("aim_obj_vneg", "negative words (VADER lexicon) aimed at Trump"),
        ("aim_away_pneg", "aimed at another name, not at Trump"),
        ("Aa=denounced", "'denounced' (a negative judgement) aimed at another name, not at Trump"),
        ("aim_other_share", "evaluative words aimed at other names than Trump"),
        ("code_aim=away_neg", "a negative word aimed at another name, not at Trump, weighed as learned"),
    ],
)
def test_reasons_in_words(name: str, words: str) -> None:
    assert words in describe_feature(name, target="Trump")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # the adapted model's dense aim indicators (code_words set "aim"): toward, away, open by sign
        ("Voters were scared about Trump.", "Trump", {"code_aim=toward_neg": 1.0}),
        ("Trump had denounced Duke.", "Trump", {"code_aim=away_neg": 1.0}),
        ("Trump spoke, and the crowd was angry.", "Trump", {"code_aim=open_neg": 1.0}),
        ("Trump visited the city.", "Trump", {}),
    ],
)
def test_code_aim_indicators(text: str, name: str, expected: dict[str, float]) -> None:
    from newslab.code_words import code_word_features
    from newslab.target_tone import target_reading

    sent, a, b = target_reading(text, (text.index(name), text.index(name) + len(name)))
    assert code_word_features(sent, a, b, ("aim",)) == expected
