"""The at7 rules of the quotes stage (issue 23): speakers named after the pronoun, surnames, speaker shape.

Must fire and must not fire, on handwritten sentences (none copied from the annotated passages).
"""

from __future__ import annotations

import pytest

import newslab as nl


def _speakers(text: str) -> list[tuple[str, str, str]]:
    df = nl.find_quotes(nl.Article("x", "", text))
    return [(q, s, r) for q, s, r in df[["quote", "speaker_resolved", "speaker_rule"]].itertuples(index=False)]


# ---- rule "pronoun:next-subject": a lede's he/she whose name opens the next sentence -------------------------
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("“We fought hard and we will be back,” he said. Kowalski thanked his staff later that night.", "Kowalski"),
        ("But she concedes, “The plan is not finished yet.” Ms. Odell wants a vote by spring.", "Ms. Odell"),
        ("He said he was stopped by Dunne, who asked about the bill. Marquez said he told him to wait.", "Marquez"),
    ],
)  # fmt: skip
def test_pronoun_resolves_to_the_next_sentences_subject(text: str, speaker: str) -> None:
    rows = _speakers(text)
    assert (speaker, "pronoun:next-subject") in [(s, r.split(";")[0]) for _, s, r in rows][:1], rows


@pytest.mark.parametrize(
    "text",
    [
        # someone compatible was named before the pronoun: the backward rules decide, not this one
        "Tom Hale spoke first. “We fought hard,” he said. Kowalski thanked his staff.",
        # the name is not the next sentence's opening subject
        "“We fought hard,” he said. Fans cheered as Kowalski thanked his staff.",
        "“Costs must fall,” he said. Mr. Lind, who runs the fund, disagreed.",
        "“Costs must fall,” he said. Mr. Lind’s plan failed.",
        # named in the pronoun's own sentence: someone he speaks of
        "He said he fired Dunne over the leaks. Dunne had misled the board.",
        # a quote in the next sentence: a new voice
        "“Costs must fall,” he said. Mr. Lind said: “They will not.”",
        # a calendar word, a common noun, an institution: no person
        "“The count is not over,” he said. Tuesday was quiet.",
        "“The count is not over,” he said. Supporters waited outside.",
        "“The count is not over,” he said. Republicans disagreed with the plan.",
        # gender: "she" is not "Mr. Odell"
        "“The plan is not finished,” she said. Mr. Odell wants a vote by spring.",
    ],
)
def test_next_subject_does_not_fire(text: str) -> None:
    rows = _speakers(text)
    assert not [r for _, _, r in rows if r.startswith("pronoun:next-subject")], rows


# ---- rule "surname-of-named": a lone surname the lexicon knows as a verb is a name when the article names it ---
def test_surname_of_a_full_name_is_a_speaker() -> None:
    text = "“We hand them to doctors,” Rove said. The strategist Karl Rove spoke later."
    rows = nl.find_quotes(nl.Article("x", "", text))
    row = rows[rows["quote"].str.startswith("We hand")].iloc[0]
    assert row["speaker_resolved"] == "Karl Rove" and "surname-of-named" in row["rule"], rows
    text = "Rove said the plan failed. Karl Rove is a strategist."
    rows = nl.find_quotes(nl.Article("x", "", text))
    assert rows.iloc[0]["speaker_resolved"] == "Karl Rove" and "surname-of-named" in rows.iloc[0]["rule"], rows


@pytest.mark.parametrize(
    "text",
    [
        "“We hand them to doctors,” Rove said.",  # no full name ends with the word: still no speaker
        "“We hand them to doctors,” Asked said. Karl Rove spoke later.",  # a verb no name ends with
    ],
)
def test_surname_of_named_does_not_fire(text: str) -> None:
    rows = nl.find_quotes(nl.Article("x", "", text))
    assert not rows["rule"].str.contains("surname-of-named").any(), rows
    assert (rows["speaker_resolved"].isin(["", "Rove", "Asked"])).all() or rows.empty, rows


# ---- rule "verb-cut": a speaker is a name or a description, never a clause ----------------------------------
@pytest.mark.parametrize(
    "phrase,shaped",
    [
        ("Kerry draws fire for reported", "Kerry"),
        ("Lopez faces questions over", "Lopez"),
        ("Senate Democrats said", "Senate Democrats"),
    ],
)  # fmt: skip
def test_verb_cut_ends_a_name_at_its_verb(phrase: str, shaped: str) -> None:
    from newslab.reported_speech import speaker_shape

    assert speaker_shape(phrase) == (shaped, "verb-cut")


@pytest.mark.parametrize(
    "phrase",
    [
        "a spokesman for the campaign",
        "people familiar with the matter",
        "two aides who were in the room",  # a description keeps its relative clause (coders do)
        "Voters I met in Ohio",  # a contact clause after a pronoun
        "critics",
    ],
)
def test_speaker_shape_keeps_sources_whole(phrase: str) -> None:
    from newslab.reported_speech import speaker_shape

    assert speaker_shape(phrase) == (phrase, "")


def test_verb_cut_names_itself_in_the_speaker_rule() -> None:
    text = (
        "Lopez draws fire for reported remark about 'cartels' and Mexico Governor Ana Lopez was criticized by both "
        "parties on Monday for reportedly saying that the border could become a “war zone” if no deal is reached."
    )
    rows = nl.find_quotes(nl.Article("x", "", text))
    cut = rows[rows["speaker_rule"] == "as written; verb-cut"]
    assert not cut.empty and set(cut["speaker_resolved"]) == {"Lopez"}, rows
