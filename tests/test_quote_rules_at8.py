"""The at8 rules of the quotes stage (issue 23): colon clauses, a next sentence's own clause.

Must fire and must not fire, on handwritten and generated sentences (none copied from the annotated passages).
"""

from __future__ import annotations

import pytest

import newslab as nl


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    df = nl.find_quotes(nl.Article("x", "", text))
    return [tuple(r) for r in df[["quote", "speaker_resolved", "rule", "speaker_rule"]].itertuples(index=False)]


# ---- rule "colon-clause": "Trump fired back on Twitter: “…”" ----------------------------------------------------
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Mayor Alvarez fired back on Twitter: “The council has not read the bill.”", "Mayor Alvarez"),
        ("Senator Ruth Okafor struck a different tone: “We can work with the governor.”", "Ruth Okafor"),
        ("The union rejected it. Dana Whitfield hit back on Facebook: “We will strike on Monday.”", "Dana Whitfield"),
        ("Ms. Brandt weighed in late on Sunday: “Nobody asked the teachers.”", "Brandt"),
    ],
)  # fmt: skip
def test_colon_clause_names_the_speaker(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, r) for _, s, r, _ in rows] == [(speaker, "colon-clause")] or (
        len(rows) == 1 and rows[0][2] == "colon-clause" and speaker.split()[-1] in rows[0][1]
    ), rows


def test_colon_clause_pronoun_resolves() -> None:
    rows = _rows("Mayor Lena Alvarez lost the vote. She hit back on Facebook: “The council has not read the bill.”")
    assert [(s, r) for _, s, r, _ in rows] == [("Lena Alvarez", "colon-clause")], rows


@pytest.mark.parametrize(
    "text",
    [
        "The message was clear: “We will not pay.”",  # no person opens the clause
        "Alvarez was asked: “Will you run again?”",  # a question put to her: a form of "be"
        "But the answer came fast: “Not this year.”",  # a function word opens the clause
        "Three words: “Build the wall.”",  # no verb
        "Critics of the Alvarez plan: “A waste of money.”",  # no verb after the name
    ],
)
def test_colon_clause_does_not_fire(text: str) -> None:
    rows = _rows(text)
    assert not [r for _, _, r, _ in rows if r.startswith("colon-clause")], rows


# ---- rule "own-complement": “….” X said <a clause of its own> -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "“She is the best choice we have.” Paul Hendry, a professor who studies courts, said her record should help.",
        "“Nobody saw it coming.” Mr. Voss said on the Senate floor that he would vote no.",
    ],
)
def test_next_sentence_with_its_own_clause_does_not_take_the_quote(text: str) -> None:
    rows = _rows(text)
    quote = [r for r in rows if r[0].startswith(("She is", "Nobody"))]
    assert quote and quote[0][1] == "", rows
    assert any(r[2].startswith("reported-") and r[1] for r in rows), rows  # the verb reports its own clause


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“Nobody saw it coming.” Mr. Voss said on Tuesday.", "Voss"),  # no clause of its own: the quote is his
        ("“Nobody saw it coming,” Mr. Voss said on the Senate floor.", "Voss"),
    ],
)
def test_next_sentence_without_a_clause_still_attributes(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert rows and speaker in rows[0][1], rows
