"""Issue 23 "no false credit": rules that keep other people's pronouns and the office's descriptions off Trump."""

from __future__ import annotations

import newslab as nl


def _credited(text: str) -> list[tuple[str, str]]:
    table = nl.find_mentions(nl.Article("a", "", text), [nl.TRUMP], progress=False)
    return [(m, r) for m, r, k in zip(table["mention"], table["rule"], table["kind"], strict=True) if k != "name"]


def test_named_subject_stops_discourse_pronoun() -> None:
    # must not fire for Trump: a bare surname (no known given name) is the subject before the pronoun
    assert _credited("Perdue, 70, served on Trump's advisory committee. His nomination must be confirmed.") == []
    assert _credited("Flake has long been critical of President Trump. But he would have emboldened his party.") == []
    assert _credited("Trump attacked the courts. It was decided in 1984, before Antonin Scalia took his seat.") == []


def test_discourse_pronoun_still_credited() -> None:
    # must fire: the target is the only candidate; "the White House" and capitals are institutions, not a he
    assert ("He", "pronoun:discourse") in _credited(
        "Donald Trump spoke in Ohio. Fans cheered.\n\nHe says what he likes."
    )
    found = _credited("Donald Trump spoke in Ohio. Fans cheered. The White House said he would sign it.")
    assert ("he", "pronoun:discourse") in found


def test_office_descriptions_are_not_the_holder() -> None:
    # must not fire: "the next president", "to become the 45th president" mean the office (rule "role:office")
    assert _credited("Donald Trump won. Voters who want the next president to continue Obama's policies.") == []
    assert _credited("Donald Trump ran. Clinton leads the contest to become the 45th president.") == []
    # must fire: a predicate about the target and a plain role description
    assert ("the 45th president", "head:president") in _credited("Donald Trump won and became the 45th president.")
    assert ("The president", "head:president") in _credited("Donald Trump spoke. The president said no.")
    assert ("its next president", "head:president") in _credited("Donald Trump won. The US and its next president.")


def test_principle_c_and_adverb_subject() -> None:
    # must not fire: a subject pronoun before the target's name in its clause is someone else
    text = "Mr. Trump spoke in Ohio on Monday. However, he has endorsed Mr. Trump's proposals to cut taxes."
    assert ("he", "pronoun:discourse") not in _credited(text)
    # must not fire: "Green initially said he …" (one adverb between the name and its verb)
    assert _credited("Trump can be removed even so. Green initially said he planned to file it.") == []
    # must fire: the pronoun before a name in another clause, and "Trump says he"
    assert ("he", "pronoun:discourse") in _credited("Mr. Trump spoke in Ohio. Fans cheered. Later he went home.")
