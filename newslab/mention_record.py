"""The Mention record: one mention of a target as a rule found it, its kinds and each rule's confidence.

:mod:`newslab.mentions` (names), :mod:`newslab.descriptions` and :mod:`newslab.pronouns` all
produce these records; the tables are built from them.
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from newslab.targets import Target

MENTION_KINDS = ("name", "description", "pronoun")


# Confidence per rule: an ordinal scale set by hand for newslab (how often the rule was right
# on the two seed articles and the handwritten test articles), not a calibrated probability.
CONFIDENCE = {
    "name": 1.0,
    "possessive": 1.0,
    "epithet": 0.9,
    "title": 1.0,  # a name with its title ("President Trump"): one name mention
    "given name": 1.0,  # a name with a given name that is no mention of another target ("Paul Manafort"; nm)
    "role": 0.8,  # a role description the target holds (roles.tsv), as sure as a head
    "role:last-named": 0.8,  # a role description after the person was named with that title
    "role:national": 0.8,  # "the US president": only a holder of that country's office (roles.tsv country)
    "head": 0.8,
    "pattern": 0.7,
    "pronoun": 0.7,
    "pronoun:previous-sentence": 0.6,
    # he/his inside a direct quote when the speaker is known (never the speaker); as sure as the
    # previous-sentence rule: the antecedent may be a sentence back (set by hand for newslab)
    "pronoun:in-quote": 0.6,
    # across sentences and paragraphs (newslab.coreference): the nearest sentence with a compatible
    # person names only the target (set by hand, as the previous-sentence rule)
    "pronoun:discourse": 0.6,
    # a subject pronoun opening its sentence, and the target opens the nearest sentence with a person
    # while others stand later in it (centering: the subject is continued); less sure (set by hand)
    "pronoun:subject": 0.5,
    # the last subject of the pronoun's gender within six sentences is the target, nobody else was the
    # subject since (newslab.topic): a reading of salience, as unsure as the subject rule (set by hand)
    "pronoun:topic": 0.5,
    # "himself", "his own": the first person of the pronoun's own clause (set by hand, as "pronoun")
    "pronoun:reflexive": 0.7,
    # "Ivanka Trump, his elder daughter": the possessor of a kin noun whose named relative is another bearer
    # of the target's surname (newslab.discourse_rivals; set by hand, as the discourse rule)
    "pronoun:kin": 0.6,
    # "his client" whose possessor the article names as the target's lawyer (newslab.relations, mr11): as sure as
    # the kin rule, which also reads a relation the article states (set by hand)
    "relation": 0.6,
}


class QuoteSpan(NamedTuple):
    """A direct quote with a known speaker, as :func:`find_mentions` needs it (``quotes=``).

    Attributes:
        start: Offset of the quoted words in ``article.text``.
        end: End offset (exclusive).
        speaker: The resolved speaker ("Mark Rutte", "Donald Trump").
    """

    start: int
    end: int
    speaker: str


@dataclasses.dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a target, as the rules found it (an internal record; tables are built from it).

    Attributes:
        target: The target mentioned.
        start: Offset in ``article.text``.
        end: End offset (exclusive).
        kind: "name", "description" or "pronoun".
        rule: The rule that found it ("name", "head:tycoon", "pronoun:previous-sentence", ...).
        confidence: The rule's confidence (``CONFIDENCE``).
        antecedent: For pronouns, the mention they were resolved to.
    """

    target: Target
    start: int
    end: int
    kind: str
    rule: str
    confidence: float
    antecedent: str = ""
