"""Rule "experiencer object" (round 7): a verb whose *object* feels the attitude.

:func:`experiencer_objects`: rule ``experiencer object`` (round 7): a verb whose *object* feels the attitude
(``stance_rules.EXPERIENCER_AGAINST``/``EXPERIENCER_FAVOR``: "angered", "outraged", "impressed") gives the
object's position toward the subject: "Johnson’s statements angered Nazanin" -> Nazanin against Johnson;
"Fiorina has impressed Cruz" -> Cruz favor Fiorina. The subject is a target (or the target’s "X’s remarks");
the object is a named actor or a group noun right after the verb ("angered some national security experts").
The passive turns it round: "Merkel was angered by Trump" -> Merkel against Trump (rule ``experiencer
subject (passive)``). A negation before the verb gives none.

Its switch is ``stance_rules.ENABLED["experiencer object"]`` (one dict of switches for the phrase rules).
Moved here unchanged from :mod:`newslab.stance_rules` (issue 23, branch st9) to keep that module short.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from newslab.actors import OBJECT_GAP, Actor, entity
from newslab.clause_roles import NOT_A_NAME
from newslab.cue_matches import word_trie
from newslab.descriptions import word_tags
from newslab.lexicons import rule_words
from newslab.people import people_words
from newslab.stance_rules import ENABLED, NEGATION_WORDS, PRONOUN_LABEL_CHARS, Match, first_person_target
from newslab.subjects import NEGATIONS, subject_of

#: Nouns of actors (``holders.ACTOR_NOUNS``): a plural of one may feel the attitude ("angered activists").
_ACTOR_NOUNS = frozenset(rule_words("holders.ACTOR_NOUNS"))


EXPERIENCER_SCORE = 0.8  # as RELATION_SCORE: a felt attitude ("angered", "impressed") is as settled as a relation
#: Words after which an experiencer verb is passive or adjectival ("was angered by X"): the subject feels it.
EXPERIENCER_BE = frozenset(rule_words("tone_constructions.PASSIVE_AUX"))
EXPERIENCER_STOPS = frozenset(rule_words("stance_rules.EXPERIENCER_STOPS"))
EXPERIENCER_WORDS = 5  # words after the verb searched for the one who feels it ("some national security experts")


@functools.cache
def _experiencer_forms() -> dict[str, int]:
    """The verbs' past and third-person forms ("angered", "angers", "impresses") with their polarity."""
    out = {}
    for words, sign in (
        (rule_words("stance_rules.EXPERIENCER_AGAINST"), -1),
        (rule_words("stance_rules.EXPERIENCER_FAVOR"), 1),
    ):
        for lemma in words:
            out[lemma + ("d" if lemma.endswith("e") else "ed")] = sign
            out[lemma + ("es" if lemma.endswith(("s", "sh", "ch")) else "s")] = sign
    return out


@functools.cache
def _experiencer_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<verb>{word_trie(sorted(_experiencer_forms()))})\b")  # no lookbehind: 10% faster


def _possessor_subject(text: str, lo: int, verb_start: int, actors: Sequence[Actor]) -> Actor | None:
    """The target owning the subject phrase: "Johnson’s statements angered" -> Johnson.

    "his smiles had outraged" -> the first person target named before "his" in the sentence (as "relation his").
    """
    m = re.search(r"(?:[’']s|\b(?P<pro>[Hh]is|[Hh]er))\s+(?:[\w-]+\s+){1,3}"
                  r"(?:(?:has|have|had|also|again|further)\s+)*$", text[lo:verb_start])  # fmt: skip
    if m is None:
        return None
    if m.group("pro"):
        return first_person_target(
            m.group("pro").lower(), [a for a in actors if lo <= a.start and a.end <= lo + m.start()]
        )
    owner = next((a for a in actors if a.end == lo + m.start()), None)
    return (
        owner
        if owner is not None and (owner.target or owner.member_of) and len(owner.label) > PRONOUN_LABEL_CHARS
        else None
    )


def _group_noun(word: str) -> bool:
    """A plural that names people: "experts", "activists", "Americans" (a capital plural), "voters"."""
    low = word.lower()
    singular = low[:-1] if low.endswith("s") else ""
    return bool(singular) and (word[:1].isupper() or singular in _ACTOR_NOUNS or singular in people_words()[1])


def _experiencer(text: str, pos: int, hi: int, actors: Sequence[Actor]) -> Actor | None:
    """The one who feels it, right after the verb: a named actor or a group noun phrase ("many Egyptians")."""
    words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[\w’'-]+|[^\w\s]", text[pos:hi])][
        :EXPERIENCER_WORDS
    ]
    run: list[tuple[str, int, int]] = []
    for word, ws, we in words:
        actor = next((a for a in actors if a.start == pos + ws), None)
        if actor is not None:
            return actor if len(actor.label) > PRONOUN_LABEL_CHARS else None  # "him": not resolved here
        if not word[:1].isalnum() or word.lower() in EXPERIENCER_STOPS:
            break
        if word_tags().get(word.lower(), "").startswith(("VB", "IN")) and not run:
            return None  # "angered that ...", "impressed upon": no object phrase
        run.append((word, ws, we))
    if run and _group_noun(run[-1][0]):
        return Actor(_clean_group(" ".join(w for w, _, _ in run)), pos + run[0][1], pos + run[-1][2])
    if run and all(w[:1].isupper() for w, _, _ in run) and run[0][0].lower() not in NOT_A_NAME:
        return Actor(" ".join(w for w, _, _ in run), pos + run[0][1], pos + run[-1][2])  # a name the registry lacks
    return None


def _clean_group(label: str) -> str:
    """A group's label without leading determiners and quantifiers ("some national security experts")."""
    words = label.split()
    while len(words) > 1 and word_tags().get(words[0].lower(), "") in ("DT", "PRP$", "CD", "JJS"):
        words.pop(0)
    while len(words) > 1 and words[0].lower() in OBJECT_GAP:  # "some", "many", "fellow", "several", ...
        words.pop(0)
    return " ".join(words)


def may_feel(sentence: str) -> bool:
    """Whether rule "experiencer object" could fire in ``sentence``: its switch is on and a verb form stands there.

    The verbs are one literal trie (:func:`newslab.cue_matches.word_trie`), the rule's own regex; the stance
    stage asks only in sentences that may hold a target (``ActorsBySentence.may_hold_target``).
    """
    return ENABLED["experiencer object"] and _experiencer_re().search(sentence) is not None


def experiencer_objects(text: str, start: int, end: int, actors: Sequence[Actor]) -> list[Match]:
    """Rule "experiencer object" in the sentence ``text[start:end]`` (see the module docstring)."""
    out: list[Match] = []
    if not ENABLED["experiencer object"]:
        return out
    for m in _experiencer_re().finditer(text, start, end):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue  # inside a word ("unimpressed"): the regex has no lookbehind, for speed
        sign = _experiencer_forms()[m.group("verb")]
        before: list[str] = re.findall(r"[\w’'-]+", text[start : m.start()])
        if any(w.lower() in NEGATIONS or w.lower().endswith(("n't", "n’t")) for w in before[-NEGATION_WORDS:]):
            continue
        last = next((w.lower() for w in reversed(before) if not w.lower().endswith("ly")), "")
        if last in EXPERIENCER_BE:  # "Merkel was angered by Trump": the subject feels it, the agent is its target
            by = re.match(r"\s+by\s+(?:the\s+)?", text[m.end() : end])
            tgt = next((a for a in actors if by and a.start == m.end() + by.end()), None)
            holder, _ = subject_of(text, start, m.start(), list(actors))
            rule = "experiencer subject (passive)"
        else:
            subject, _ = subject_of(text, start, m.start(), list(actors))
            tgt = subject if subject is not None and (subject.target or subject.member_of) else None
            tgt = tgt or _possessor_subject(text, start, m.start(), actors)
            holder = _experiencer(text, m.end(), end, actors)
            rule = "experiencer object"
        if tgt is None or holder is None or not (tgt.target or tgt.member_of) or len(tgt.label) <= PRONOUN_LABEL_CHARS:
            continue
        if entity(holder) == entity(tgt) or not any(c.isalpha() for c in holder.label):
            continue
        out.append((holder, tgt, sign * EXPERIENCER_SCORE, [m.group("verb")], rule))
    return out


__all__ = ["experiencer_objects", "may_feel"]
