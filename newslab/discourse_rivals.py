"""Pronouns with a rival of the same gender nearby: what keeps the target the referent, and what does not (mr10).

:func:`newslab.coreference.resolve_discourse` leaves a pronoun open when the nearest sentence with a
person of its gender names someone besides the target. A careful coder still reads some of them as the
target, from the sentence's shape rather than from meaning, and this module holds those readings:

* :func:`kin_pronouns` (rule ``"pronoun:kin"``): "Ivanka Trump, his elder daughter", "his son Donald
  Trump Jr.": the possessor of a kin noun whose named relative bears a person target's surname (and is
  not the target) is the target, though the relative is the nearest person;
* :func:`subordinate_subject` (read by the subject rule, ``"pronoun:subject"``): "The president stayed at
  the palace as a guest of King Willem-Alexander. By the time he left, …": a subject pronoun right after
  a fronted subordinator continues the last subject of the sentence before, as one opening the sentence;
* :func:`fronted_adjunct` (read by the discourse and subject rules): "Seated beside Mr. Zelensky, he
  praised the Ukrainian leader": the subject pronoun after a fronted participle clause is not a person
  named inside that clause (the clause's own understood subject is the pronoun), so those persons are no
  rivals and the subject rule reads the pronoun as opening its sentence.

* :func:`predicate_of` (rule ``"predicate of another"``): "DeSantis is seen as his strongest rival": the
  subject of a copula is no antecedent of a possessive right after it.

The converse, a rival that *takes* the pronoun away (rule ``"open subject first"``, in
:func:`newslab.coreference.resolve_discourse`): "‘Nobody pushed me,’ he said, sitting next to Trump,
looking as if he would rather be anywhere else": a he/she left open earlier in the pronoun's own sentence
is its sentence's subject; a later pronoun of that gender is not credited to a target named after it.

Evidence: rule ``"pronoun:kin"`` with antecedent ``"<kin noun> <relative>"``; the other two show in the
rule ``"pronoun:subject"`` / ``"pronoun:discourse"`` and the antecedent of the rows they let through.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newslab.binding import FEMALE_PRONOUNS, MALE_PRONOUNS
from newslab.document import Document
from newslab.lexicons import rule_words
from newslab.mention_record import CONFIDENCE, Mention
from newslab.people import Person
from newslab.targets import Target

KIN_NAMED = rule_words("discourse_rivals.KIN_NAMED")
KIN_ADJECTIVES = rule_words("discourse_rivals.KIN_ADJECTIVES")
SUBORDINATORS = rule_words("discourse_rivals.SUBORDINATORS")
PLATFORMS = rule_words("discourse_rivals.PLATFORMS")
GROUPS = rule_words("discourse_rivals.GROUPS")
COPULAS = rule_words("discourse_rivals.COPULAS")
#: Characters of a comma-set aside between a subject and its copula ("DeSantis, who won by 19 points, is"):
#: a relative clause of news length (set by hand).
ASIDE_CHARS = 120
#: Characters before a relative's name searched for "his <kin noun>": the pronoun, one adjective and the
#: longest kin noun (set by hand).
KIN_REACH = 40
#: Characters a fronted participle clause may span before its subject pronoun: two lines of news print
#: (set by hand; a longer opener is more often two clauses).
ADJUNCT_CHARS = 200

_ADJECTIVE = r"(?:(?:" + "|".join(map(re.escape, KIN_ADJECTIVES)) + r")\s+)?"
_KIN = r"(?P<noun>" + "|".join(map(re.escape, sorted(KIN_NAMED, key=len, reverse=True))) + r")"
#: "his (elder) daughter Ivanka Trump": the phrase right before the relative's name.
_KIN_BEFORE = re.compile(r"\b(?P<pronoun>[Hh]is|[Hh]er)\s+" + _ADJECTIVE + _KIN + r",?\s+$")
#: "Ivanka Trump, his (elder) daughter": the apposition right after the relative's name.
_KIN_AFTER = re.compile(r",\s+(?P<pronoun>his|her)\s+" + _ADJECTIVE + _KIN + r"\b")
_SUBORDINATE = re.compile(
    r"(?:(?:And|But|Yet|So)\s+)?(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in SUBORDINATORS) + r")\s+"
)
#: A fronted participle clause ("Seated beside Mr. Zelensky at a hotel, ", "Asked about Otto Warmbier, the
#: student who died, "): a capitalized -ed/-ing word opening the sentence, up to the comma before the pronoun.
_ADJUNCT = re.compile(r"[A-Z][a-z]{2,}(?:ed|ing)\b[^;:“”\"‘\n]{0," + str(ADJUNCT_CHARS) + r"},\s+")


def platform_spans(text: str) -> list[tuple[int, int]]:
    """Rule "platform subject": where a company, a platform or a group noun stands ("Twitter locked his account").

    :func:`newslab.people.named_subject` takes a capitalized subject it does not know for a person who
    could own a later pronoun; these spans are handed to it as known, so "Facebook suspended him. Several of
    his own aides …" and "Several Republicans blamed Trump …, after candidates he endorsed lost" stay the
    target's. Found with ``str.find`` (no pattern is built per article).

    Example:
        >>> platform_spans("Twitter locked his account; Twitterati cheered.")
        [(0, 7)]
    """
    spans = []
    for word in (*PLATFORMS, *GROUPS):
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
                spans.append((at, end))
            at = text.find(word, end)
    return spans


#: A name whose parts are joined by a lowercase word ("Mar-a-Lago", "Stratford-upon-Avon"): a place, not a person.
_JOINED_PLACE = re.compile(r"[A-Za-z]-[a-z]+-[A-Z]")


def place_like(name: str) -> bool:
    """Rule "joined place name": a capitalized run joined by a lowercase word is no person ("Mar-a-Lago").

    Example:
        >>> place_like("Mar-a-Lago"), place_like("Alexandria Ocasio-Cortez")
        (True, False)
    """
    return _JOINED_PLACE.search(name) is not None


#: The fronted clause up to its comma and the main clause's subject: the same pronoun ("he left, he was").
_MAIN_SUBJECT = re.compile(r"(he|she)\b[^,;:.?!“”\"]{0," + str(ADJUNCT_CHARS) + r"},\s+(he|she)\b", re.IGNORECASE)


_COPULA = re.compile(
    r"(?:\s*,[^,;:“”\"]{1,"
    + str(ASIDE_CHARS)
    + r"},)?\s+(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(COPULAS, key=len, reverse=True))
    + r")\s+"
)


def predicate_of(text: str, subject_end: int, pronoun_start: int) -> bool:
    """Rule "predicate of another": "DeSantis, who won by 19 points, is seen as his strongest rival".

    A possessive pronoun right after the copula of a person's clause is not that person's: nobody is his own
    rival or opponent, so the person is no antecedent for it.

    Example:
        >>> text = "Ron DeSantis, who won by 19 points, is seen as his strongest rival."
        >>> predicate_of(text, 12, text.index("his")), predicate_of("Ron DeSantis praised his wife.", 12, 25)
        (True, False)
    """
    return _COPULA.fullmatch(text, subject_end, pronoun_start) is not None


def subordinate_subject(text: str, sentence_start: int, pronoun_start: int) -> bool:
    """Whether a subject pronoun follows only a fronted subordinator, and the main clause goes on with it.

    "By the time he left, he was praising the alliance": both are the subject of the sentence before. Not
    when the main clause names its own subject ("When he left, Bannon said …", "But after he dropped out,
    the subdued doctor endorsed …": the pronoun looks ahead to that subject).

    Example:
        >>> text = "By the time he left, he smiled."
        >>> subordinate_subject(text, 0, 12), subordinate_subject(text, 0, 21)
        (True, False)
        >>> subordinate_subject("When he left, Bannon said he would help.", 0, 5)
        False
    """
    if _SUBORDINATE.fullmatch(text, sentence_start, pronoun_start) is None:
        return False
    main = _MAIN_SUBJECT.match(text, pronoun_start)  # "When he left, Bannon said …": he is Bannon (cataphora)
    return main is not None and main.group(2).lower() == main.group(1).lower()


def fronted_adjunct(text: str, sentence_start: int, pronoun_start: int) -> bool:
    """Whether the pronoun is the subject right after a fronted participle clause ("Seated beside X, he …").

    Example:
        >>> text = "Seated beside Mr. Zelensky at a hotel, he praised the Ukrainian leader."
        >>> fronted_adjunct(text, 0, text.index("he praised")), fronted_adjunct("Mr. Zelensky, he said", 0, 14)
        (True, False)
    """
    return _ADJUNCT.fullmatch(text, sentence_start, pronoun_start) is not None


def _possessor_is_bearer(named: Sequence[Person], relative: Person, sentence: int, start: int, target: Target) -> bool:
    """Whether the nearest named person before the pronoun in its sentence bears the surname ("Eric Trump and his")."""
    before = [p for p in named if p.sentence == sentence and p.end <= start and p is not relative]
    return bool(before) and target._name_re.search(before[-1].name) is not None


def kin_pronouns(
    doc: Document, targets: Sequence[Target], mentions: Sequence[Mention], others: Sequence[Person]
) -> list[Mention]:
    """Rule "pronoun:kin": the possessor of a kin noun whose named relative is another bearer of the surname.

    "Missing was Ivanka Trump, his elder daughter", "His son Eric Trump posted …", "Before him, his son
    Donald Trump Jr. warned …": the relative bears a person target's surname and is not the target, so the
    possessive pronoun is the target's. Not when the pronoun is already a mention, does not fit the
    target's pronouns, or the nearest named person before it in its sentence is another bearer ("Eric
    Trump and his wife Lara Trump").

    Example:
        >>> from newslab.document import Article, parse
        >>> from newslab.targets import TRUMP
        >>> doc = parse(Article("a", "", "Pence spoke. Missing was Ivanka Trump, his elder daughter."))
        >>> ivanka = Person(25, 37, "Ivanka Trump", "female", 1)
        >>> [(doc.text[m.start : m.end], m.rule, m.antecedent) for m in kin_pronouns(doc, [TRUMP], [], [ivanka])]
        [('his', 'pronoun:kin', 'daughter Ivanka Trump')]
    """
    persons = [t for t in targets if t.kind == "person" and t.pronouns]
    text = doc.text
    if not persons or not any(k in text for k in KIN_NAMED):
        return []
    taken = [(m.start, m.end) for m in mentions]
    named = sorted((p for p in others if p.name), key=lambda p: p.start)
    found: dict[int, Mention] = {}
    for relative in named:
        bearer = [t for t in persons if t._name_re.search(relative.name)]
        if not bearer:
            continue
        target = bearer[0]
        before = _KIN_BEFORE.search(text, max(0, relative.start - KIN_REACH), relative.start)
        after = _KIN_AFTER.match(text, relative.end)
        for m in (before, after):
            if m is None:
                continue
            a, b = m.span("pronoun")
            word = m.group("pronoun").lower()
            gender_ok = word in (target.pronouns or ()) and (word in MALE_PRONOUNS or word in FEMALE_PRONOUNS)
            if not gender_ok or a in found or any(s < b and a < e for s, e in taken):
                continue
            sentence = doc.sentence_of(a)
            if _possessor_is_bearer(named, relative, sentence, a, target):
                continue  # "Eric Trump and his wife Lara Trump": Eric's wife
            rule = "pronoun:kin"
            found[a] = Mention(target, a, b, "pronoun", rule, CONFIDENCE[rule], f"{m.group('noun')} {relative.name}")
    return [found[a] for a in sorted(found)]
