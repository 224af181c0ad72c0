"""Rule "bare-clause" (at11): a clause without "that" after warn/promise-type verbs and after verbs that are not bare.

Every must-fire sentence gave no indirect row at base 17ea4de (checked with that commit on ``PYTHONPATH``).
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.bare_clauses import BARE_CLAUSE_NOTE, bare_clause


def _indirect(text: str) -> list[tuple[str, str, str, str]]:
    df = nl.find_quotes(nl.Article("t", "", text))
    df = df[df["kind"] == "indirect"]
    return [(r.speaker_resolved, r.verb, r.quote, r.rule) for r in df.itertuples()]


@pytest.mark.parametrize(
    "text,speaker,verb,quote",
    [
        # a participle after a quote and its clause (the heldout2 misses' shapes, reworded)
        (
            "Trump was not pleased. ‘Canada is terrible,’ he said, warning Ottawa would pay for it in trade talks.",
            "Trump",
            "warning",
            "Ottawa would pay for it in trade talks",
        ),
        (
            "Mr. Biden spoke first. “We will walk to the bridge,” he said, promising he would be there too.",
            "Biden",
            "promising",
            "he would be there too",
        ),
        ("The governor warned the levee could fail.", "The governor", "warned", "the levee could fail"),
        ("Ms. Ortiz promised Denver would get the money.", "Ortiz", "promised", "Denver would get the money"),
        # a verb that is not bare ("suggested", "noted"), with a determiner subject and its auxiliary
        ("Mr. Spicer suggested the president would sign it.", "Spicer", "suggested", "the president would sign it"),
        ("The mayor noted the budget was balanced.", "The mayor", "noted", "the budget was balanced"),
    ],
)
def test_bare_clause_fires(text: str, speaker: str, verb: str, quote: str) -> None:
    rows = _indirect(text)
    assert len(rows) == 1, rows
    got_speaker, got_verb, got_quote, rule = rows[0]
    assert (got_verb, got_quote) == (verb, quote)
    assert got_speaker.endswith(speaker.split()[-1])
    assert rule.endswith(BARE_CLAUSE_NOTE)  # the evidence names the rule


@pytest.mark.parametrize(
    "text",
    [
        "He promised voters a wall.",  # an addressee and an object, no clause
        "She suggested dinner at eight.",  # an object
        "The mayor warned residents about the storm.",  # an addressee, no auxiliary after it
        "He noted such teams stitch numbers together.",  # no auxiliary right after the subject: left as before
        # a base form after a noun is a noun (the one wrong row on 1,000 rebuilt NewsMTSC articles, reworded)
        "The robbery suspect John Doe will appear in court on Monday.",
        # tell-type verbs take the addressee first: "Fox News" would be read into the clause
        "The official told Fox News Smith has been a leader on the issue.",
    ],
)
def test_bare_clause_does_not_fire(text: str) -> None:
    assert not any(BARE_CLAUSE_NOTE in rule for *_, rule in _indirect(text))


def test_addressee_then_to_stays_a_directive() -> None:
    rows = _indirect("He warned residents to stay inside.")
    assert rows and rows[0][3] == "reported-directive"


@pytest.mark.parametrize(
    "text,pos,expected",
    [
        ("warning Madrid would pay", len("warning"), "Madrid would pay"),
        ("warned the bill wasn't ready", len("warned"), "the bill wasn't ready"),
        ("promised he would", len("promised"), "he would"),
        ("warned residents to stay", len("warned"), None),
        ("promised the voters of Iowa a win", len("promised"), None),
        ("warned Madrid", len("warned"), None),
    ],
)
def test_bare_clause_start(text: str, pos: int, expected: str | None) -> None:
    start = bare_clause(text, pos, len(text))
    assert (None if start is None else text[start:]) == expected
