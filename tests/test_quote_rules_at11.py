"""Rule "outer-clause" (at11): a verb after ", and" shares the subject of the verb whose that-clause it follows.

The must-fire sentences gave the inner subject ("the audit", "the lawyer", "the aide") at base 17ea4de.
"""

from __future__ import annotations

import pytest

import newslab as nl


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    df = nl.find_quotes(nl.Article("t", "", text))
    return [(r.speaker, r.verb, r.kind, r.rule) for r in df.itertuples()]


@pytest.mark.parametrize(
    "text,verb,speaker",
    [
        (
            "Ms. Ruiz spoke first. She said on Monday that the audit confirmed the need for a review, and accused the"
            " board of “a failure of basic oversight”.",
            "accused",
            "She",
        ),
        ("He said that the lawyer told him the deal was off, and added that he was angry.", "added", "He"),
        ("The senator said that the aide admitted the error, and demanded that he resign.", "demanded", "The senator"),
    ],
)  # fmt: skip
def test_outer_clause_fires(text: str, verb: str, speaker: str) -> None:
    rows = [r for r in _rows(text) if r[1] == verb]
    assert rows, _rows(text)
    assert all(r[0] == speaker and r[3].endswith("outer-clause") for r in rows), rows


@pytest.mark.parametrize(
    "text,verb,speaker",
    [
        # no comma before "and": the inner clause may go on ("the memo … and urged"): left as before
        ("The memo said Trump told Zelensky to call Barr and urged him to meet Giuliani.", "urged", "Trump"),
        # no nested that-clause: the sentence's subject, as before, with no note
        ("She said that the report was clear, and warned that the vote would come soon.", "warned", "She"),
        # a second main clause of its own ("and she warned"): not coordinated at all
        ("He said that the audit showed losses, and she warned that cuts would follow.", "warned", "she"),
    ],
)
def test_outer_clause_does_not_fire(text: str, verb: str, speaker: str) -> None:
    rows = [r for r in _rows(text) if r[1] == verb]
    assert rows and all(r[0] == speaker and "outer-clause" not in r[3] for r in rows), rows


def test_outer_clause_keeps_the_indirect_row() -> None:
    text = "She said that the audit confirmed it, and accused the board of “a failure of basic oversight”."
    kinds = sorted(r[2] for r in _rows(text) if r[1] == "accused")
    assert kinds == ["direct", "indirect"]  # the quote's clause still reports its own words


# rule "question-name" (speaker_turns.question_name): the he/she right after a narrator's short question that names
# one person is that person. The must-fire texts gave the last speaker at base 17ea4de.
def _speaker_of(text: str, quote: str) -> tuple[str, str]:
    df = nl.find_quotes(nl.Article("t", "", text))
    row = df[df["quote"] == quote].iloc[0]
    return row["speaker_resolved"], row["speaker_rule"]


@pytest.mark.parametrize(
    "text,quote,speaker",
    [
        (
            "Volodymyr Zelensky met Donald Trump in New York. Democrats said the call was an abuse of power."
            " Was Zelensky pressured? ‘Nobody pushed me,’ he said on Wednesday.",
            "Nobody pushed me",
            "Volodymyr Zelensky",
        ),
        (
            "Nancy Pelosi and Mike Pence spoke on Monday. Senator Amy Klobuchar said the vote was close."
            " And Pelosi? ‘We have the votes,’ she said.",
            "We have the votes",
            "Nancy Pelosi",
        ),
    ],
)
def test_question_name_fires(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote) == (speaker, "pronoun:question-name")


@pytest.mark.parametrize(
    "text,quote",
    [
        # the question names a woman, the pronoun is "he": the last speaker, as before
        ("Mr. Smith said the plan was bad. What about Ms. Jones? ‘I am staying,’ he said.", "I am staying"),
        # two persons in the question: no choice
        ("Joe Biden and Donald Trump met. Mr. Smith said it was tense. Biden or Trump? ‘Both,’ he said.", "Both"),
        # no name in the question
        ("Mr. Smith said the plan was bad. What did he say? ‘It is over,’ he said.", "It is over"),
        # a long question is no narrator's topic opener (more than six words)
        (
            "Joe Biden spoke. Mr. Smith said the plan was bad. Was Biden right about the plan last week?"
            " ‘Yes,’ he said.",
            "Yes",
        ),
    ],
)
def test_question_name_does_not_fire(text: str, quote: str) -> None:
    assert "question-name" not in _speaker_of(text, quote)[1]
