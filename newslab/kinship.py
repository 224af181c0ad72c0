"""Rule "kin of a bearer": "his father" said of another bearer of a person target's surname is the target.

"His son Eric Trump told Fox News that he had been the one to inform his father": the possessor of
the kin noun is Eric Trump, who bears the target's surname and is not the target, so "his father" is
Donald Trump. The possessor is read as a careful coder reads it:

* "his"/"her": the first named person of the phrase's sentence, before the phrase (the sentence's
  subject, as a rule), or of the sentence before when its own names nobody before it; of the
  pronoun's gender (or of unknown gender);
* "my": the last named person before the quotation that holds the phrase, in the quotation's sentence
  ("Eric Trump, on ‘Hannity’: ‘I was the one who told my father.’"); where none stands there, a speaker
  pronoun after the quotation ("“I love my father,” she said") or a label's owner before it ("Her
  statement: ‘…’") is read as "his"/"her" above (rule "speaker pronoun", mr10).

The kin nouns (``kinship.KIN_NOUNS`` in ``data/rule_words.tsv``) name an older or married relative,
so a child or wife of the target is the bearer meant; "his son" is left out (after "Fred Trump", his
father, it would be Donald, after "Eric Trump" it is not). Not when the pronoun is already a target
mention ("Trump ... his father" is Fred Trump, nobody's target). Evidence: rule ``"kin:<noun>"``,
antecedent ``"kin of <bearer>"``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from newslab.binding import FEMALE_PRONOUNS, MALE_PRONOUNS, quoted_spans
from newslab.document import Document
from newslab.lexicons import rule_words
from newslab.mention_record import Mention
from newslab.people import Person
from newslab.targets import Target

KIN_NOUNS = rule_words("kinship.KIN_NOUNS")
#: Confidence of a kin mention: as sure as the subject rule (the possessor is read from position), set by hand.
KIN_CONFIDENCE = 0.5
#: Characters before a quotation searched for a label such as "Her statement: " (set by hand: two words).
LABEL_CHARS = 24
_KIN = re.compile(r"\b(?P<pronoun>[Hh]is|[Hh]er|[Mm]y)\s+(?P<noun>" + "|".join(map(re.escape, KIN_NOUNS)) + r")\b")


#: The speaker of a quotation as a pronoun: after it ("…,” she said") or as the owner of a label before it
#: ("Her statement: ‘…’"); the bearer is then read as for "his"/"her" (rule "speaker pronoun", mr10).
_PRONOUN_AFTER = re.compile(r"\s*(?P<pronoun>he|she)\s+(?:said|wrote|added|says)\b")
_OWNER_BEFORE = re.compile(r"\b(?P<pronoun>His|Her|his|her)\s+(?:statement|words|post|message|tweet)\s*:\s*$")


def _possessor(doc: Document, named: Sequence[Person], start: int, pronoun: str) -> Person | None:
    """The person a "his"/"her" at ``start`` is read as (the first named one of its sentence or the one before)."""
    gender = "male" if pronoun in MALE_PRONOUNS else "female" if pronoun in FEMALE_PRONOUNS else ""
    sentence = doc.sentence_of(start)
    for k in (sentence, sentence - 1):
        here = [p for p in named if p.sentence == k and p.end <= start]
        if here:
            first = min(here, key=lambda p: p.start)
            return first if not first.gender or first.gender == gender else None
    return None


def _speaker_before(doc: Document, named: Sequence[Person], quote_start: int) -> Person | None:
    """The last named person before a quotation, in its sentence ("Eric Trump, on ‘Hannity’: ‘… my father.’")."""
    sentence = doc.sentence_of(
        quote_start
    )  # who introduces it: "… Fred Trump. “My father said …,” he said" is not Fred
    before = [p for p in named if p.sentence == sentence and p.end <= quote_start]
    return before[-1] if before else None


def kin_mentions(
    doc: Document, targets: Sequence[Target], mentions: Sequence[Mention], others: Sequence[Person]
) -> list[Mention]:
    """Kin descriptions of person targets: "his father" of another bearer of the target's surname.

    Example:
        >>> from newslab.document import Article, parse
        >>> from newslab.targets import TRUMP
        >>> doc = parse(Article("a", "", "Trump left. His son Eric Trump said he had told his father."))
        >>> eric = Person(20, 30, "Eric Trump", "male", 1)
        >>> [(doc.text[m.start : m.end], m.rule, m.antecedent) for m in kin_mentions(doc, [TRUMP], [], [eric])]
        [('his father', 'kin:father', 'kin of Eric Trump')]
    """
    persons = [t for t in targets if t.kind == "person"]
    text = doc.text
    if not persons or not any(k in text for k in KIN_NOUNS):
        return []
    # the targets' own names take part: "Mr. Trump … “My father said …”" is the target's father, nobody's target
    own = [Person(m.start, m.end, "", "", doc.sentence_of(m.start)) for m in mentions if m.kind == "name"]
    named = sorted([*(p for p in others if p.name), *own], key=lambda p: p.start)
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in taken]
    quotes = quoted_spans(text)
    found = []
    for m in _KIN.finditer(text):
        k = bisect.bisect_right(starts, m.end() - 1) - 1
        if k >= 0 and taken[k][1] > m.start():
            continue  # the pronoun is already a mention ("Trump … his father" is Fred Trump)
        pronoun = m.group("pronoun").lower()
        if pronoun == "my":
            q = next((q for q in quotes if q[0] < m.start() < q[1]), None)
            bearer = _speaker_before(doc, named, q[0]) if q is not None else None
            if bearer is None and q is not None:  # rule "speaker pronoun": "“… my father,” she said"
                said = _PRONOUN_AFTER.match(text, q[1]) or _OWNER_BEFORE.search(text, max(0, q[0] - LABEL_CHARS), q[0])
                at = min(q[0], said.start()) if said is not None else q[0]  # a label's sentence ("Her statement:")
                bearer = _possessor(doc, named, at, said.group("pronoun").lower()) if said is not None else None
        else:
            bearer = _possessor(doc, named, m.start(), pronoun)
        if bearer is None or not bearer.name:
            continue  # nobody, or the target itself
        for target in persons:
            if target._name_re.search(bearer.name):
                rule = f"kin:{m.group('noun')}"
                found.append(
                    Mention(target, m.start(), m.end(), "description", rule, KIN_CONFIDENCE, f"kin of {bearer.name}")
                )
                break
    return found
