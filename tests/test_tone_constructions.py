"""Irony, blame and burden, pressure: the constructions and the mention's role in them (issue 23)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import newslab as nl
from newslab.feature_words import describe_feature
from newslab.lexicons import load_table
from newslab.target_tone import FAMILIES, SHIPPED_FAMILIES, target_features
from newslab.tone_constructions import find_constructions, moved_words

HARD_CASES = Path(__file__).resolve().parents[1] / "validation" / "annotations" / "target_tone_hard_cases.tsv"
ROLE_FLAGS = (
    "irony_clause",
    "burden_target",
    "blame_target",
    "blame_agent",
    "modal_target",
    "pressure_target",
    "pressure_agent",
    "neg_patient",
    "neg_agent",
)


def _features(sentence: str, mention: str, occurrence: int = 0) -> dict[str, float]:
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(mention, start + 1)
    return target_features(sentence, (start, start + len(mention)), families=FAMILIES)


def _flags(sentence: str, mention: str) -> set[str]:
    return {k for k in _features(sentence, mention) if k in ROLE_FLAGS}


@pytest.mark.parametrize(
    "sentence,mention,flags",
    [
        # irony markers in the mention's clause
        ("Trump celebrated the summit as if he had actually emerged victorious.", "Trump", {"irony_clause"}),
        ("Johnson's so-called oven-ready deal fell apart.", "Johnson", {"irony_clause"}),
        ("The self-proclaimed dealmaker returned empty-handed.", "The self-proclaimed dealmaker", {"irony_clause"}),
        # blame and burden on the mention
        ("Trump is enduring most of the blame for the shutdown.", "Trump", {"burden_target"}),
        ("Trump came under fire from his own party.", "Trump", {"burden_target"}),
        ("The chancellor has been under heavy pressure since the election.", "The chancellor", {"burden_target"}),
        ("Macron, who has shouldered much of the blame, spoke on Monday.", "Macron", {"burden_target"}),
        ("Johnson is in hot water again.", "Johnson", {"burden_target"}),
        ("Most voters blame Trump for the shutdown.", "Trump", {"blame_target"}),
        ("The White House put the blame squarely on Congress.", "Congress", {"blame_target"}),
        ("Critics held Trump responsible for the violence.", "Trump", {"blame_target"}),
        # the mention blames or presses someone else: the agent, not the target
        ("Trump blamed Democrats for the shutdown.", "Trump", {"blame_agent", "neg_agent"}),
        ("Trump blamed Democrats for the shutdown.", "Democrats", {"blame_target"}),
        ("Rutte urged allies to raise defence spending.", "Rutte", {"pressure_agent"}),
        # pressure and demands on the mention
        ("Trump must be willing to confront Putin, the senators said.", "Trump", {"modal_target"}),
        ("Democrats urged Trump to resign.", "Trump", {"pressure_target"}),
        ("Several Republicans called on him to apologize.", "him", {"pressure_target"}),
        ("The opposition is calling for Johnson to resign.", "Johnson", {"pressure_target"}),
        ("Critics demanded that Trump release his tax returns.", "Trump", {"pressure_target"}),
        ("Trump has been urged by his advisers to avoid the subject.", "Trump", {"pressure_target"}),
        ("The minister was blamed for the slow rollout.", "The minister", {"blame_target", "neg_patient"}),
        # must NOT fire: guesses and passives after a modal, another subject, no "to", a possessive
        ("Obama must have been pleased with the turnout.", "Obama", set()),
        ("Merkel must be credited with holding the coalition together.", "Merkel", set()),
        ("Biden said Congress must act quickly.", "Biden", set()),
        ("Pelosi urged restraint on Tuesday.", "Pelosi", set()),
        ("Trump's team came under fire on Sunday.", "Trump", set()),
        ("Trump said he must leave early.", "Trump", set()),
        ("Rutte praised Trump for his strong leadership.", "Trump", set()),
        ("Trump took questions from reporters.", "Trump", set()),
    ],
)
def test_role_of_the_mention(sentence: str, mention: str, flags: set[str]) -> None:
    assert _flags(sentence, mention) == flags


def test_claimed_and_demanded_words_leave_the_judgement_masses() -> None:
    toks = ["he", "acted", "as", "if", "he", "had", "won"]
    assert moved_words(find_constructions(toks, [0] * len(toks)), len(toks))[4:] == ["irony"] * 3
    text = "Scholz acted as if nothing had happened and praised the wonderful teamwork."
    f = target_features(text, (0, 6), families=("irony",))
    assert f["irony_vpos"] > 0 and "own_vpos" not in f and "sent_vpos" not in f
    f = target_features(text, (0, 6), families=("irony_flip",))  # read as negated: "not praised"
    assert f["sent_vneg"] < 0 and "sent_vpos" not in f and "irony_vpos" not in f
    text = "The prime minister needs to come clean about the donations."
    f = target_features(text, (0, 18), families=("demand",))
    assert f["demand_vpos"] > 0 and "sent_vpos" not in f
    f = target_features(text, (0, 18), families=("demand_flip",))
    assert f["sent_vneg"] < 0 and "sent_vpos" not in f
    f = target_features("Democrats urged Trump to resign.", (16, 21), families=("demand_flip",))
    assert f["sent_vneg"] < 0  # a negative demanded act keeps its sign
    # without the families, the words count as judgements again (the features before issue 23)
    f = target_features("Scholz acted as if nothing had happened and praised the teamwork.", (0, 6), families=())
    assert "irony_vpos" not in f and f["sent_vpos"] > 0


def test_families_are_checked() -> None:
    with pytest.raises(nl.NewslabError, match="families"):
        target_features("Trump must go.", (0, 5), families=("sarcasm",))
    assert set(target_features("Trump must go.", (0, 5), families=FAMILIES)) >= {"modal_target"}


def test_every_role_flag_and_mass_reads_as_a_reason() -> None:
    for name in (*ROLE_FLAGS, "irony_vpos", "demand_vneg"):
        words = describe_feature(name, target="Trump")
        assert words != name and "_" not in words


def test_word_list_has_a_source_for_every_row() -> None:
    rows = load_table("target_tone_constructions")
    assert rows and all(r["source"] in ("issue 23", "reading") for r in rows)
    assert {r["kind"] for r in rows} == {
        "irony", "burden_verb", "burden_prep", "burden_noun", "burden_phrase", "blame_verb", "blame_hold",
        "pressure_modal", "pressure_verb", "pressure_call",
    }  # fmt: skip
    assert all(r["term"] == r["term"].lower().strip() for r in rows)


def _hard_rows() -> list[dict[str, str]]:
    with HARD_CASES.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_hard_case_file_is_well_formed() -> None:
    rows = _hard_rows()
    assert len(rows) >= 60
    for r in rows:
        start, end = int(r["start"]), int(r["end"])
        assert r["sentence"][start:end] == r["mention"]
        assert r["label"] in ("negative", "neutral", "positive")
    kinds = {r["construction"].split()[0] for r in rows}
    assert {"irony", "burden", "blame", "pressure", "control"} <= kinds


def test_shipped_model_uses_the_shipped_families() -> None:
    text = "Trump must be willing to confront Putin, the senators said."
    assert target_features(text, (0, 5)) == target_features(text, (0, 5), families=SHIPPED_FAMILIES)
    assert "modal_target" in target_features(text, (0, 5))


@pytest.mark.parametrize(
    "sentence,mention",
    [  # the three wrong rows of issue 23 (positive before round 8)
        pytest.param(
            "Trump celebrated the summit as if he had actually emerged victorious.",
            "Trump",
            marks=pytest.mark.xfail(
                strict=True, reason="the praise ('celebrated') stands before 'as if'; 'victorious' is in no lexicon"
            ),
        ),
        ("Trump, who is enduring most of the blame for the shutdown, spoke on Friday.", "Trump"),
        ("Trump must be willing to confront Putin, the senators said.", "Trump"),
    ],
)
def test_issue_examples_are_not_read_as_praise(sentence: str, mention: str) -> None:
    start = sentence.index(mention)
    assert nl.target_sentiment(sentence, (start, start + len(mention))).label != "positive"


def test_hard_cases_accuracy_floor() -> None:
    # A targeted regression check on the hand-written set (not an evaluation): 36/70 before round 8,
    # 46/70 with the shipped model (validation/score_target_tone.py on the file).
    rows = _hard_rows()
    results = nl.target_sentiment_many([(r["sentence"], (int(r["start"]), int(r["end"]))) for r in rows])
    right = sum(res.label == r["label"] for res, r in zip(results, rows, strict=True))
    assert right >= 46


def _plain_find(toks, clause):
    """find_constructions as a token-by-token scan (the form before the trigger-to-trigger scan)."""
    from newslab.tone_constructions import _construction, _kind_words, _match, trigger_words

    nouns, found, i = _kind_words("burden_noun"), [], 0
    while i < len(toks):
        made = None
        for end, kind in _match(toks, i) if toks[i] in trigger_words() else []:
            made = _construction(toks, clause, i, end, kind, nouns)
            if made is not None:
                break
        if made is None:
            i += 1
            continue
        found.append(made)
        i = made.end if made.kind not in ("pressure", "modal") else i + 1
    return tuple(found)


def test_trigger_scan_finds_what_the_token_scan_finds():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newslab.tone_constructions import construction_terms, find_constructions

    words = sorted({w for entries in construction_terms().values() for ws, _ in entries for w in ws})
    words += ["to", "that", "on", "was", "been", ",", "the", "trump", "resign", "blamed", "responsible", "."]

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.sampled_from(words), max_size=30), st.data())
    def check(toks, data):
        clause = sorted(data.draw(st.lists(st.integers(0, 3), min_size=len(toks), max_size=len(toks))))
        assert find_constructions(toks, clause) == _plain_find(toks, clause)

    check()
