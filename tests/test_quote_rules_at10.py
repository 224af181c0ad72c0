"""The at10 changes of the quotes stage outside their own modules (issue 23): transcript lines in the first
person, and a possessive in a speaker phrase that gives no gender.

Must fire and must not fire, on handwritten sentences (none copied from the annotated articles).
"""

from __future__ import annotations

import newslab as nl


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    df = nl.find_quotes(nl.Article("x", "", text))
    return [tuple(r) for r in df[["quote", "speaker_resolved", "rule", "speaker_rule"]].itertuples(index=False)]


# ---- rule "first-person": an I/we clause inside a transcript line is the label's ------------------------------------
def test_first_person_transcript_line_is_the_labels() -> None:
    text = "The exchange:\n\nOKAFOR: She trusts me. I think she trusts me. If not, you will hear.\n\nThen it ended."
    rows = _rows(text)
    assert [(s, r) for _, s, r, _ in rows] == [("Okafor", "transcript; transcript-report; first-person")], rows


def test_first_person_does_not_fire_on_a_named_clause() -> None:
    text = "The exchange:\n\nOKAFOR: Mayor Dana Whitfield told us she would sign it.\n\nThen it ended."
    rows = _rows(text)
    assert not any("first-person" in r for _, _, r, _ in rows), rows


# ---- a possessive in the speaker phrase gives no gender ("His daughter Ana Ruiz, …, said … “…,” she said") --------
def test_possessive_gives_no_gender() -> None:
    text = (
        "Carlos Ruiz spoke to Radio Norte about the race. His daughter Ana Ruiz, a lawyer, said in a statement that "
        "she would stay out of it. “I love my family,” she said."
    )
    rows = _rows(text)
    assert rows[-1][:2] == ("I love my family", "Ana Ruiz"), rows


def test_role_word_still_gives_gender() -> None:
    text = "Her husband, Tom Berg, said he would stay. Mary Berg left. “We are done,” he said."
    rows = _rows(text)
    assert rows[-1][:2] == ("We are done", "Tom Berg"), rows


# ---- findings: "polls there", "A poll by X[, an apposition,] shows", "Mr." inside the finding ------------------------
def _finding_rows(text: str) -> list[tuple[str, str]]:
    df = nl.find_quotes(nl.Article("x", "", text))
    return [tuple(r) for r in df[["quote", "speaker"]].itertuples(index=False)]


def test_finding_speaker_keeps_there_and_the_pollster() -> None:
    rows = _finding_rows(
        "Voters head out next week. Recent polls there show Okafor within single digits of the mayor. "
        "A survey by the Institute for Civic Life, a nonpartisan group run by Mr. Ruiz, shows that Mr. Okafor "
        "leads among young voters."
    )
    assert rows == [
        ("Okafor within single digits of the mayor", "Recent polls there"),
        ("Mr. Okafor leads among young voters", "A survey by the Institute for Civic Life"),
    ], rows


def test_finding_does_not_take_other_by_phrases() -> None:
    rows = _finding_rows(
        "The report was written by staff. The latest polls show that turnout fell. Data by region show it."
    )
    assert rows == [("turnout fell", "The latest polls")], rows
