"""Stance rules beyond single cues (issue 23, round 3): requests to leave, mutual acts, holders in
compounds, coordinated verbs and pronoun holders named a few sentences back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslab as nl
from newslab import experiencers, phrase_rules, stance_rules
from newslab.compound_holders import compound_holder


def _targets(*names: str) -> tuple[nl.Target, ...]:
    return tuple(nl.Target(n, aliases=(n,)) for n in names)


def _rows(text: str, *names: str) -> list[list[object]]:
    table = nl.stance_table(nl.Article("a", "", text), targets=_targets(*names))
    return table[["holder", "target", "stance", "holder_rule"]].values.tolist()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Well over a dozen Republicans have called for Moore to step aside.", ["Republicans", "Moore", "against"]),
        ("Pelosi urged Moore to resign.", ["Pelosi", "Moore", "against"]),
        ("Lindsey Graham called on Moore to drop out of the race.", ["Lindsey Graham", "Moore", "against"]),
    ],
)
def test_request_to_leave_fires(text: str, expected: list[str]) -> None:
    assert [r[:3] for r in _rows(text, "Moore") if r[3] == "request to leave"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Pelosi urged Moore to attend the hearing.",  # not an act of leaving
        "McConnell did not call for Moore to step aside.",  # negated
        "Republicans called for Moore's lawyers to resign.",  # the object is someone else
    ],
)
def test_request_to_leave_does_not_fire(text: str) -> None:
    assert [r for r in _rows(text, "Moore") if r[3] == "request to leave"] == []


def test_the_two_bonded_gives_both_directions() -> None:
    text = "Sessions was the first senator to endorse Trump, and the two bonded over immigration."
    mutual = sorted(r[:3] for r in _rows(text, "Trump", "Sessions") if r[3] == "mutual act")
    assert mutual == [["Sessions", "Trump", "favor"], ["Trump", "Sessions", "favor"]]


def test_a_and_b_clashed_is_mutual_against() -> None:
    mutual = sorted(r[:3] for r in _rows("Trump and Macron clashed over trade.", "Trump", "Macron"))
    assert mutual == [["Macron", "Trump", "against"], ["Trump", "Macron", "against"]]


@pytest.mark.parametrize(
    "text,names",
    [
        ("The two bonded over golf.", ("Trump",)),  # nobody named before "the two"
        ("Trump, Abe and Macron met; the two bonded.", ("Trump", "Macron", "Abe")),  # three named: ambiguous
        ("Trump and Macron met over trade.", ("Trump", "Macron")),  # no mutual verb
    ],
)
def test_mutual_act_does_not_fire(text: str, names: tuple[str, ...]) -> None:
    assert [r for r in _rows(text, *names) if r[3] == "mutual act"] == []


@pytest.mark.parametrize(
    "text,holder",
    [
        ("His remarks come after media criticism that the Trump administration erred.", "media"),
        ("The GOP criticism of Obama grew louder.", "GOP"),
    ],
)
def test_holder_inside_a_compound(text: str, holder: str) -> None:
    at = text.index("criticism")
    found = compound_holder(text, 0, at)
    assert found is not None and found.label == holder


@pytest.mark.parametrize(
    "text",
    ["Trump’s media criticism grew.", "The harsh criticism of Obama grew.", "Foreign criticism of Obama grew."],
)
def test_no_holder_inside_a_compound(text: str) -> None:
    assert compound_holder(text, 0, text.index("criticism")) is None


def test_compound_holder_in_the_stance_table() -> None:
    text = "His remarks come after media criticism that the Trump administration had offered mixed messages."
    assert _rows(text, "Trump administration") == [
        ["media", "Trump administration", "against", "group noun before the attitude noun"]
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Scaramucci criticizes Trump's Charlottesville response and blames Bannon.",
            [["Scaramucci", "Trump", "against"], ["Scaramucci", "Bannon", "against"]],
        ),
        ("The threats and blames from Trump hurt Bannon.", []),  # no finite verb before "and": a noun
    ],
)
def test_and_blames_is_a_second_verb(text: str, expected: list[list[str]]) -> None:
    assert [r[:3] for r in _rows(text, "Trump", "Bannon")] == expected


P = nl.Target("Putin", aliases=("Vladimir Putin", "Putin"))


@pytest.mark.parametrize(
    "text,holder",
    [
        ("Jens Stoltenberg arrived on Monday. The summit opened late. Talks went on. He criticized Putin.",
         ["Jens Stoltenberg"]),  # one person in the nearest sentence naming anyone (3 back)
        ("Jens Stoltenberg met Olaf Scholz on Monday. The summit opened late. Talks went on. He criticized Putin.",
         []),  # two people there: unresolved, no row
        ("Jens Stoltenberg arrived on Monday. The summit opened. Talks went on. Ministers left. He criticized Putin.",
         []),  # beyond the window
    ],
)  # fmt: skip
def test_pronoun_holder_named_sentences_back(text: str, holder: list[str]) -> None:
    table = nl.stance_table(nl.Article("a", "", text), targets=(P,))
    assert table["holder"].tolist() == holder


# --- the speed gates of stance_rules: the cheap test and the rule's own regex must agree ---------------------------

#: Pieces of text the gates and the rules read, and letters that fold oddly under re.IGNORECASE (ſ, ı, İ, K).
_FRAGMENTS = [
    " ", "  ", "\n", ",", ".", "-", "’s", "'", "to ", "To ", "TO ", "step aside", "Step Down", "resign", "resigned",
    "called for", "Calls on", "urged", "Moore", "Trump", "and", "the two", "The two", "men", "clashed", "bonded",
    "grew close", "grew  close", "fell out", "hit it off", "critics", "Critics", "critic", "ally", "really", "allies",
    "fan", "fans", "infant", "friend", "friends", "Friends", "foe", "of", "supporters", "Supporters", "Allies",
    "CRITICS", "Ally", "Trump’s", "ſ", "ı", "İ", "K", "é", "x", "angered", "Angered", "ANGERED", "impresses",
    "outrage", "outrages", "irked", "irks", "dismayed", "anger", "charmed", "endeared",
]  # fmt: skip
_WORDS = st.lists(st.sampled_from(_FRAGMENTS), max_size=4).map("".join)
_SHAPED = st.tuples(  # the rules' own shapes ("X urged Moore to resign", "Trump and Rutte clashed"), with noise
    _WORDS,
    st.sampled_from(["called for", "Called On", "urged", "Asked", "Trump and", "The two", "the two leaders", "x"]),
    st.sampled_from([" ", "  ", "\n", "-", ""]),
    _WORDS,
    st.sampled_from([" to ", " TO ", " to  ", " and Rutte ", " ", " had "]),
    st.sampled_from(
        ["step aside", "Step  Down", "resign", "resignſ", "clashed", "bonded", "grew close", "critics", "angered"]
    ),
    _WORDS,
).map("".join)
_texts = st.one_of(_SHAPED, st.lists(st.sampled_from(_FRAGMENTS), max_size=14).map("".join), st.text(max_size=40))


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_may_match_agrees_with_the_rule_regexes(text: str) -> None:
    plain = stance_rules._request_re().search(text) is not None or stance_rules._mutual_re().search(text) is not None
    plain = plain or any(r.search(text) for r in (phrase_rules._denial_re(), phrase_rules._wish_re()))  # sq5
    assert stance_rules.may_match(text) == plain


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_may_feel_holds_every_experiencer_match(text: str) -> None:
    # round 7: the gate is the rule's own regex; every match the rule reads is found by it
    felt = experiencers._experiencer_re().search(text) is not None
    assert experiencers.may_feel(text) == felt
    if not felt:
        assert experiencers.experiencer_objects(text, 0, len(text), []) == []


@settings(max_examples=400, deadline=None)
@given(_texts, st.integers(0, 5), st.integers(0, 5))
def test_relation_gate_holds_every_relation_match(text: str, lo: int, cut: int) -> None:
    hi = max(lo, len(text) - cut)
    if stance_rules._relation_re().search(text, lo, hi) is not None:
        assert stance_rules._relation_gate().search(text, lo, hi) is not None
        assert stance_rules.may_relate(text, lo, hi)


def test_may_relate_is_off_with_its_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    assert stance_rules.may_relate("Trump’s critics spoke.", 0, 22)
    assert not stance_rules.may_relate("It was really final.", 0, 20)  # "ally" inside a word is no relation noun
    assert stance_rules.may_relate("Critics of Trump spoke.", 0, 23)  # round 6: a capital first letter
    monkeypatch.setitem(stance_rules.ENABLED, "relation noun", False)
    assert not stance_rules.may_relate("Trump’s critics spoke.", 0, 22)
