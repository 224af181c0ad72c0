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
