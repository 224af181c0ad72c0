"""The at7 rules of the quotes stage (issue 23): speakers named after the pronoun, surnames, speaker shape.

Must fire and must not fire, on handwritten sentences (none copied from the annotated passages).
"""

from __future__ import annotations

import pytest

import newslab as nl


def _speakers(text: str) -> list[tuple[str, str, str]]:
    df = nl.find_quotes(nl.Article("x", "", text))
    return [(q, s, r) for q, s, r in df[["quote", "speaker_resolved", "speaker_rule"]].itertuples(index=False)]


# ---- rule "pronoun:next-subject": a lede's he/she whose name comes in the next sentence -----------------------
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“We fought hard and we will be back,” he said. Fans cheered as Kowalski thanked his staff.", "Kowalski"),
        ("But she concedes, “The plan is not finished yet.” Ms. Odell wants a vote by spring.", "Ms. Odell"),
        ("He said he was stopped by Dunne, who asked about the bill. Marquez said he told him to wait.", "Marquez"),
        ("“The count is not over,” he said. In Denver, Paul Okafor spoke to reporters.", "Paul Okafor"),
    ],
)  # fmt: skip
def test_pronoun_resolves_to_the_next_sentences_person(text: str, speaker: str) -> None:
    rows = _speakers(text)
    assert (speaker, "pronoun:next-subject") in [(s, r.split(";")[0]) for _, s, r in rows][:1], rows


@pytest.mark.parametrize(
    "text",
    [
        # someone compatible was named before the pronoun: the backward rules decide, not this one
        "Tom Hale spoke first. “We fought hard,” he said. Fans cheered as Kowalski thanked his staff.",
        # the pronoun goes on in the next sentence: the name there is someone else (an object)
        "“Costs must fall,” he said. He said the plan works, and he praised Mr. Lind for it.",
        # a calendar word, a common noun, an institution: no person
        "“The count is not over,” he said. The Senate voted on Tuesday.",
        "“The count is not over,” he said. Supporters waited outside.",
        # gender: "she" is not "Mr. Odell"
        "“The plan is not finished,” she said. Mr. Odell wants a vote by spring.",
    ],
)
def test_next_subject_does_not_fire(text: str) -> None:
    rows = _speakers(text)
    assert not [r for _, _, r in rows if r.startswith("pronoun:next-subject")], rows
