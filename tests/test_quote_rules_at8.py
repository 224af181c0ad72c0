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


# ---- rule "complement-name": "a spokesman for Mr. Trump" is the spokesman, not Trump ---------------------------
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("A spokesman for Mr. Trump said the report was false.", "A spokesman for Mr. Trump"),
        ("Senator Ted Cruz spoke first. An aide to Cruz said the ad would run again.", "An aide to Cruz"),
        ("Two aides to Senator Ann Lee said the vote was delayed.", "Two aides to Senator Ann Lee"),
        ("“We will appeal,” said a lawyer for Maria Duarte.", "a lawyer for Maria Duarte"),
    ],
)
def test_role_of_a_named_person_is_the_speaker(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert rows and all(
        (s, r) == (speaker, "as written; complement-name") for _, s, _, r in rows if s and s != "Ted Cruz"
    ), rows


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a place in the complement: the role resolves as before
        ("Lindsey Graham spoke. The senator from South Carolina said the vote was close.", "Lindsey Graham"),
        # a title opens the phrase: a name, not a role of someone else's
        ("Senate Majority Leader Mitch McConnell said the vote was close.", "Mitch McConnell"),
        ("Sen. Ted Cruz of Texas said the vote was close.", "Ted Cruz"),
    ],
)
def test_complement_name_does_not_fire(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, "complement-name" in r) for _, s, _, r in rows] == [(speaker, False)], rows


# ---- rule "organization-name": a title word inside an organization's name stays ----------------------------------
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("The Justice Department said in a statement that the case was closed.", "Justice Department"),
        ("The Republican National Committee said the ad was false.", "Republican National Committee"),
        ("The National Rifle Association said it would sue.", "National Rifle Association"),
    ],
)
def test_organization_names_keep_their_title_words(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, r) for _, s, _, r in rows] == [(speaker, "name; organization-name")], rows


def test_a_person_after_a_role_title_is_still_named() -> None:
    rows = _rows("NATO spokeswoman Oana Lungescu said the talks went well.")
    assert [(s, r) for _, s, _, r in rows] == [("Oana Lungescu", "name")], rows


# ---- rule "pronoun-chain": a name inside "He said that X …" is not the next "he" -----------------------------------
def test_name_inside_a_pronoun_speakers_clause_is_not_the_next_he() -> None:
    text = "He also said that Tom Weller knows the job well. Later, he said that “the team is ready.”"
    rows = _rows(text)
    assert rows and all(s != "Tom Weller" for _, s, _, _ in rows), rows


@pytest.mark.parametrize(
    "text,speaker",
    [
        # the sentence opens with "He" but no speech verb follows: its names stay candidates
        ("Ann Ruiz met Tom Weller on Monday. “We agreed on the budget,” he said.", "Tom Weller"),
        # the chain skips the pronoun's sentence and finds the earlier subject
        ("Tom Weller spoke first. He said that Jim Rand would decide. “We are ready,” he said.", "Tom Weller"),
    ],
)
def test_pronoun_chain_keeps_other_subjects(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert rows[-1][1] == speaker, rows


# ---- rule "parenthetical-said": ", X said, she … and told him “…”" -----------------------------------------------
def test_parenthetical_reporter_is_not_the_subject_of_the_main_clause() -> None:
    rows = _rows("After the game, Coach Dunn said, Marta Velez left the field and told him “we were robbed.”")
    direct = [r for r in rows if r[0].startswith("we were")]
    assert direct and direct[0][1] == "Marta Velez" and "parenthetical-said" in direct[0][2], rows


def test_coordinated_verb_without_a_parenthetical_keeps_the_reporter() -> None:
    rows = _rows("Coach Dunn said the team lost and told reporters “we were robbed.”")
    direct = [r for r in rows if r[0].startswith("we were")]
    assert direct and direct[0][1] == "Coach Dunn" and "parenthetical-said" not in direct[0][2], rows


# ---- rule "name-list" and a name in apposition with a place ("Gov. Mike Pence of Indiana") -----------------------
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Spain, Portugal and Greece said in a joint statement that the deal was dead.", "Spain, Portugal and Greece"),
        ("Mayor Ann Ruiz and Governor Tom Hale said the bridge would reopen.", "Mayor Ann Ruiz and Governor Tom Hale"),
    ],
)
def test_listed_names_are_one_speaker_phrase(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert [(s, r) for _, s, _, r in rows] == [(speaker, "as written; name-list")], rows


@pytest.mark.parametrize(
    "text",
    [
        "The Post and Courier reported that the bridge would reopen.",  # one newspaper's name
        "Ruiz met Hale and Dunn said the bridge would reopen.",  # the list does not open the clause
    ],
)
def test_name_list_does_not_fire(text: str) -> None:
    rows = _rows(text)
    assert rows and not [r for _, _, _, r in rows if "name-list" in r], rows


def test_name_in_apposition_with_a_place_is_the_speaker() -> None:
    rows = _rows("The mayor's deputy, Deputy Mayor Lena Ortiz of Brookfield, said the bridge would reopen.")
    assert [s for _, s, _, _ in rows] == ["Lena Ortiz"], rows


def test_own_complement_needs_a_quote_that_opens_its_sentence() -> None:
    text = "Vance did not list his terms but said if they fail, “we will walk away.” Ortiz said he was hopeful."
    rows = _rows(text)
    quote = [r for r in rows if r[0].startswith("we will walk")]
    assert quote and "own-complement" not in quote[0][2], rows
