"""Stance round 9, issue 23 (branch st9): rule "quote judgement" (newslab.quote_judgement).

A speaker's own evaluative words predicated of a target the speaker's direct quote names or refers to ("'He is a
disgrace to the office,' Pelosi said"). Each must-fire sentence gives no row at 17ea4de; the must-not-fire sentences
give none (negated, a question, a third party's view, irony, a pronoun after another name in the quote, a possessive,
an unresolved speaker).
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.holders import clean_holder
from newslab.quote_judgement import MIN_VALENCE, quote_judgement
from newslab.tokenizers import words

TARGETS = (nl.TRUMP, nl.NATO)


def rows(text: str) -> list[tuple[str, str, str, str, list[str]]]:
    table = nl.stance_table(nl.Article("t", "", text), TARGETS, progress=False)
    return [(r.holder, r.target, r.stance, r.holder_rule, list(r.cues)) for r in table.itertuples()]


@pytest.mark.parametrize(
    "text,holder,stance,cues",
    [
        ("Nancy Pelosi spoke after Trump's speech. “He is a disgrace to the office,” Pelosi said.", "Nancy Pelosi",
         "against", ["disgrace"]),
        ("Trump met reporters in Ohio. “He is a liar and a fraud,” Mitt Romney told CNN.", "Mitt Romney", "against",
         ["liar", "fraud"]),
        ("Rutte met Trump on Friday. “He has been a great partner,” Rutte said.", "Rutte", "favor", ["great"]),
    ],
)  # fmt: skip
def test_quote_judgement_fires(text: str, holder: str, stance: str, cues: list[str]) -> None:
    found = [r for r in rows(text) if r[3].startswith("quote judgement")]
    assert [(h, t, s, c) for h, t, s, _, c in found] == [(holder, "Trump", stance, cues)]
    assert found[0][3] == "quote judgement (direct)"  # the rule names itself; the words are the evidence


@pytest.mark.parametrize(
    "text",
    [
        "Nancy Pelosi spoke after Trump's speech. “He is not a disgrace to the office,” Pelosi said.",  # negated
        "Nancy Pelosi spoke after Trump's speech. “Is he a disgrace to the office?” Pelosi asked.",  # a question
        "Nancy Pelosi spoke after Trump's speech. “People say he is a disgrace to the office,” Pelosi said.",  # theirs
        "Nancy Pelosi spoke after Trump's speech. “As if he were a genius,” Pelosi said.",  # irony
        "Trump spoke. “Judge Kavanaugh is a superb choice, and he will be a superb justice,” Mitch McConnell said.",
        "“Trump’s record must be protected from the careless and selfish acts of a few,” Joyce said.",  # possessive
        "“He is a disgrace to the office,” he said.",  # no antecedent for either pronoun
        "Trump spoke in Iowa. “He is a disgrace,” Trump said.",  # the speaker is the target
        "Trump spoke in Iowa. “Trump is a fraud and a disgrace,” a statement said.",  # a statement is nobody
    ],
)
def test_quote_judgement_does_not_fire(text: str) -> None:
    assert [r for r in rows(text) if r[3].startswith("quote judgement")] == []


def test_reported_speech_is_left_to_the_other_rules() -> None:
    """Indirect quotes give no row of this rule: on train sentences its rows there were mostly facts."""
    found = rows("Nancy Pelosi spoke after Trump's speech. Pelosi said that he is a disgrace to the office.")
    assert not [r for r in found if r[3].startswith("quote judgement")]
    assert pytest.approx(1.0) == MIN_VALENCE  # chosen on NewsMTSC train sentences (compare_stance_rows.py)


def test_never_with_a_comparative_is_no_negation() -> None:
    """Rule "never + comparative" inside quote_judgement: "has never been stronger" judges, favorably."""
    from newslab.document import Article, parse

    doc = parse(Article("a", "", "“The alliance has never been stronger,” Rutte said."))
    start = doc.text.index("alliance")
    found = quote_judgement(doc, 0, (start, start + len("alliance")), (0, doc.text.index(",”") + 2), [], None)
    assert found is not None and found.score > 0 and found.words == ["stronger"]


@pytest.mark.parametrize(
    "speaker",
    ["whom", "It", "Asked", "the Democratic", "expressing", "His team", "by", "Italian"],
)
def test_junk_speakers_hold_no_quote_judgement(speaker: str) -> None:
    """The junk holders of issue 23 as the quote's speaker: no row of this rule (or any row) keeps them."""
    text = f"Trump spoke in Ohio. “He is a liar and a fraud,” {speaker} said."
    for holder, *_ in rows(text):
        assert clean_holder(holder) == holder and holder not in {"whom", "It", "Asked", "expressing", "by"}
        assert words(holder)


def test_never_stronger_is_praise_in_the_speakers_row() -> None:
    """At 17ea4de the speaker-of-a-quote rule gave Rutte -> NATO *against* (["stronger (negated)"])."""
    found = rows("Mark Rutte spoke in The Hague. “NATO has never been stronger,” Rutte told reporters.")
    assert [(h, t, s, r, c) for h, t, s, r, c in found] == [
        ("Mark Rutte", "NATO", "favor", "quote judgement (direct)", ["stronger"])
    ]
    plain = rows("Mark Rutte spoke. “NATO is not stronger today,” Rutte told reporters.")  # "not": a negation still
    assert [(h, t, s, r) for h, t, s, r, _ in plain] == [
        ("Mark Rutte", "NATO", "against", "speaker of a quote about the target (direct)")
    ]
