"""The subject of a verb cue: the noun phrase before it, across auxiliaries, relatives and catenatives.

:func:`subject_of` (rule "subject" and its variants, named in each row's ``holder_rule``) is read by
:mod:`newslab.cue_roles` and the phrase rules (:mod:`newslab.stance_rules`, :mod:`newslab.phrase_rules`).
Moved here unchanged from :mod:`newslab.cue_roles` (issue 23, branch st9) to keep both modules short.
"""

from __future__ import annotations

import re

from newslab.actors import Actor
from newslab.agent_roles import noun_phrase_before
from newslab.clause_roles import (
    apposition_relative,
    apposition_subject,
    head_before_of,
    intention_owner,
    object_before_to,
)
from newslab.lexicons import rule_words
from newslab.object_roles import _actor_at, _is_target, _tokens
from newslab.tone_lexicon import NEGATORS

#: Words skipped between a subject and its verb cue ("Trump has always been very critical of").
AUXILIARIES = frozenset(rule_words("cue_roles.AUXILIARIES"))


#: Verbs of aspect before an -ing cue whose subject holds the cue ("kept attacking", "started praising").
ASPECT_VERBS = frozenset(rule_words("cue_roles.ASPECT_VERBS"))


#: Verbs before "to" that pass their subject on ("came to appreciate", "wants to praise").
CATENATIVES = frozenset(rule_words("cue_roles.CATENATIVES"))
#: Verbs of contact whose object is no subject of a following infinitive of purpose ("called Jones to congratulate
#: him": the caller congratulates), unlike "urged Jones to"; rule "purpose infinitive" (issue 23, branch sq4).
PURPOSE_VERBS = frozenset(rule_words("cue_roles.PURPOSE_VERBS"))
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")  # the lowercase word right before an actor (searched up to its start)
_PASSING_ON = CATENATIVES | ASPECT_VERBS  # verbs that pass their subject on to an -ing cue (made once)


#: Relative pronouns: the subject of the cue is the noun phrase before them.
RELATIVES = frozenset({"who", "which", "that"})

_ING_WORD = re.compile(r"\w+ing\b")  # matched at the cue's offset in the text: the same as on the text from there

#: Switch of rule "subject no actor" (a subject phrase that is no actor, "tonight" or "before", is no subject:
#: the holder falls back to the nearest actor before the cue), for validation/cv_opinions.py (on in the package).
#: Switch of rule "target before group noun" (round 5: "X's day began with support from Y" -> Y favor X).
#: Switch of rule "apposition relative" (round 5: "Sanders, a candidate who has been feuding with X" -> Sanders).
#: Switch of rule "participle after comma" (round 5: "Maduro spoke for an hour, attacking X" -> Maduro): off,
#: never chosen by validation/cv_opinions.py and its one new row on 1,000 news articles was wrong.
#: Switch of rule "role subject" (st10: "The councillor threatened legal action against X": a determined role noun of
#: :data:`ROLE_SUBJECTS` is a subject, though no named actor; the row's holder is the description).
ENABLED = {
    "subject no actor": True,
    "role subject": True,
    "target before group noun": True,
    "apposition relative": True,
    "participle after comma": False,
}


NEGATIONS = NEGATORS | {"n’t"}  # the one negator list (data/negators.tsv), with the typographic apostrophe
SHORT_LY_WORD = 4  # a word in -ly longer than this is an adverb, skipped before a cue ("only", "ally" are not)


#: Things people issue that "say" what their author says ("a statement calling Holder corrupt"): before
#: a participle cue they are not its holder; the caller falls back to the actor who issued them.
MEDIA_NOUNS = frozenset(rule_words("cue_roles.MEDIA_NOUNS"))


AUTHOR_OF_MEDIUM = "author of the statement"

#: Singular role nouns that hold a stance as a subject after a determiner or a possessive ("The councillor
#: threatened", "Donnelly's campaign manager dubbed"): rule "role subject" (st10). Hand list for issue 23.
ROLE_SUBJECTS = frozenset(rule_words("subjects.ROLE_SUBJECTS"))
ROLE_SUBJECT_RULE = "role subject"  # named in holder_rule; the stance stage keeps such a holder (no name in it)
#: A determiner, or a possessor's name ("Donnelly's"), and two words at most before the role noun.
_DETERMINED = (
    r"(?:\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+|(?:\b[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+)(?:[a-z-]+\s+){0,2}"
)


def role_subject(text: str, lo: int, actor: Actor) -> str:
    """Rule "role subject": the description when the subject ``actor`` (no named actor) is a determined role noun.

    Example:
        >>> text = "The councillor threatened legal action."
        >>> role_subject(text, 0, Actor("councillor", 0, 14))
        'The councillor'
        >>> role_subject("The move angered X.", 0, Actor("move", 0, 8))
        ''
        >>> text = "Donnelly’s campaign manager dubbed him a tyrant."
        >>> role_subject(text, 0, Actor("manager", 20, 27))
        'Donnelly’s campaign manager'
    """
    if not ENABLED["role subject"] or actor.label.lower() not in ROLE_SUBJECTS:
        return ""
    found = re.search(_DETERMINED + re.escape(actor.label) + "$", text[lo : actor.end])
    return found.group() if found is not None else ""


def _clause_subject(tokens: list[tuple[str, int, int]], i: int, actors: list[Actor]) -> tuple[Actor | None, str]:
    """Rule "subject (coordinated verb)": in "X criticized NATO and praised Trump" the subject is X."""
    k = i
    while k > 0 and tokens[k - 1][0] not in (",", ";", ":", "“", '"'):
        k -= 1
    for n in range(k, i):
        actor = _actor_at(actors, tokens[n][1])
        if actor is not None:
            return actor, "subject (coordinated verb)"
        if tokens[n][0][:1].isupper() and tokens[n][0].lower() not in ("the", "a", "an"):
            j = n
            while j + 1 < i and tokens[j + 1][0][:1].isupper():
                j += 1
            return noun_phrase_before(tokens, j), "subject (coordinated verb, not a named actor)"
    return None, "no subject next to cue"


def subject_of(text: str, lo: int, cue_start: int, actors: list[Actor]) -> tuple[Actor | None, str]:
    """Rule "subject": the noun phrase right before a verb cue, across auxiliaries and adverbs.

    "Trump has always been very critical of" -> Trump; "Republicans support" -> Republicans (not a
    target, so no target's name is taken from farther away); "Johnson, who criticized" -> Johnson
    (relative clause); "came to appreciate" passes the subject on. Returns ``(None, rule)`` when
    a comma or the start of the sentence comes first (the caller then falls back).
    """
    tokens = _tokens(text, lo, cue_start)
    i = len(tokens) - 1
    rule = "subject"
    while i >= 0:
        low = tokens[i][0].lower()
        if low in AUXILIARIES or low in NEGATIONS or (low.endswith("ly") and len(low) > SHORT_LY_WORD):
            i -= 1
        elif low == "to" and i > 0 and tokens[i - 1][0].lower() in CATENATIVES:
            i -= 2
        elif low in _PASSING_ON and _ING_WORD.match(text, cue_start):
            i -= 1  # "continues hammering", "kept attacking": the subject of the catenative
        elif low == "to":  # "for Rubio to attack", "her efforts to warn": the NP before "to" if it is an actor
            actor = _actor_at(actors, tokens[i - 1][1]) if i > 0 else None
            verb = _WORD_BEFORE.search(text, lo, actor.start) if actor is not None else None
            if verb is not None and verb.group(1).lower() in PURPOSE_VERBS:  # "called Jones to congratulate him"
                main, _ = subject_of(text, lo, verb.start(1), actors)
                return (main, "subject of the main verb (purpose infinitive)") if main else (None, "purpose infinitive")
            actor = actor or intention_owner(text, lo, tokens[i][1], actors)  # "Harris’s attempt to smear"
            actor = actor or object_before_to(text, lo, tokens[i][1], actors)  # "forcing Comey on TV to raise"
            return (actor, "subject of infinitive") if actor is not None else (None, "no subject next to cue")
        elif low in RELATIVES and rule == "subject":
            i -= 1
            if i >= 0 and tokens[i][0] == ",":
                i -= 1
            rule = "subject (relative clause)"
        elif low in ("and", "but", "or") and rule == "subject":
            return _clause_subject(tokens, i, actors)
        else:
            break
    if tokens[i:] and tokens[i][0] == "," and i + 1 < len(tokens) and tokens[i + 1][0].lower() == "having" and i > 0:
        i -= 1  # "Sessions, having supported Trump": the subject before the participle phrase
    if i >= 0 and tokens[i][0] == "," and rule == "subject":
        named = apposition_subject(text, lo, cue_start, actors)  # "Ben Jacobs, a reporter for X, accused"
        head = head_before_of(text, lo, named.start, actors) if named is not None and not _is_target(named) else None
        if head is not None:  # "Representative Elise Stefanik of New York, the third-ranking ..., endorsed" (st8)
            return head, "subject before an apposition (name before of/from)"
        if named is not None:
            return named, "subject before an apposition"
    if i < 0 or not any(c.isalnum() for c in tokens[i][0]):
        return None, "no subject next to cue"
    if tokens[i][0].lower() in MEDIA_NOUNS and (rule != "subject" or _ING_WORD.match(text, cue_start)):
        return None, AUTHOR_OF_MEDIUM  # "X issued a statement calling Y", "a letter that criticized": its author
    actor = _actor_at(actors, tokens[i][1])
    found = actor or noun_phrase_before(tokens, i)
    if actor is None and rule == "subject (relative clause)" and ENABLED["apposition relative"]:
        named = apposition_relative(text, lo, tokens[i][2], actors)  # "Sanders, a candidate who has been feuding"
        if named is not None:
            return named, "subject (relative clause in an apposition)"
    head = head_before_of(text, lo, found.start, actors) if not _is_target(actor) else None
    if head is not None:  # "Elizabeth Warren of Massachusetts slammed": the name before "of"
        return head, rule + " (name before of/from)"
    return found, rule if actor is not None else rule + " (not a named actor)"
