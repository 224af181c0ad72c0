"""The at10 name rules of the quotes stage (issue 23): a lone surname shared by several people.

Must fire and must not fire, on handwritten sentences (none copied from the annotated articles).
"""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.name_bearers import first_bearer, fitting_names


def _rows(text: str) -> list[tuple[str, str, str]]:
    df = nl.find_quotes(nl.Article("x", "", text))
    return [tuple(r) for r in df[["quote", "speaker_resolved", "speaker_rule"]].itertuples(index=False)]


# ---- rule "first-bearer": the first-named of several people sharing the surname -------------------------------------
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Governor Ellen Marsh met Tom Okoro. Her son Daniel Okoro came too. "
         "“We will fix the roads,” Okoro said.", "Tom Okoro"),
        ("Senator Alan Whitby spoke first. His brother Frederick Whitby, a banker, listened.\n\n"
         "Whitby said the bill was fair.", "Alan Whitby"),
    ],
)  # fmt: skip
def test_first_bearer_takes_the_first_named(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, r.endswith("first-bearer")) for _, s, r in rows] == [(speaker, True)], rows


@pytest.mark.parametrize(
    "text,speaker",
    [
        # one person, written two ways: the longest name, as before, and no note
        ("Donald J. Trump arrived. Donald Trump spoke. “We will win,” Trump said.", "Donald J. Trump"),
        # one bearer only
        ("Maria Lopez met Tom Okoro. “We will fix the roads,” Okoro said.", "Tom Okoro"),
        # the speaker is named in full: no surname to choose
        ("Tom Okoro arrived with Daniel Okoro. “We agree,” Daniel Okoro said.", "Daniel Okoro"),
    ],
)  # fmt: skip
def test_first_bearer_does_not_fire(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, "first-bearer" in r) for _, s, r in rows] == [(speaker, False)], rows


# ---- rule "title-gender": "Mr. X" is no woman of that family --------------------------------------------------------
def test_title_gender_keeps_the_surname() -> None:
    rows = _rows("Mary Okoro watched from the hall. “We did our best,” Mr. Okoro said.")
    assert [(s, r) for _, s, r in rows] == [("Okoro", "name; title-gender")], rows


def test_title_gender_is_the_he_after_it() -> None:
    rows = _rows("Mary Okoro watched from the hall. Mr. Okoro had a good night. He called the result “a triumph”.")
    assert [(s, r.endswith("title-gender")) for _, s, r in rows] == [("Okoro", True)], rows


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Mary Okoro watched from the hall. “We did our best,” Mrs. Okoro said.", "Mary Okoro"),  # the title fits
        ("Mary Okoro watched from the hall. “We did our best,” Okoro said.", "Mary Okoro"),  # no title
    ],
)
def test_title_gender_does_not_fire(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, "title-gender" in r) for _, s, r in rows] == [(speaker, False)], rows


def test_functions() -> None:
    text = "Tom Okoro spoke. Mary Okoro and Daniel Okoro listened."
    assert first_bearer(text, ("Daniel Okoro", "Mary Okoro", "Tom Okoro")) == "Tom Okoro"
    assert first_bearer(text, ("Daniel Okoro", "Mary Okoro", "Tom Okoro"), "f") == ""  # one fits: the caller's
    assert first_bearer(text, ("Tom Okoro",)) == ""
    assert fitting_names(("Mary Okoro", "Tom Okoro"), "f") == ["Mary Okoro"]
