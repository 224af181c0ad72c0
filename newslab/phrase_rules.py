"""Stance rules read off one fixed phrase around two actors (issue 23, round 6, branch sq5).

- **denied claim**: "X denied/disputed/rejected Y's claim/accusations/allegations" -> X against Y.
  A denial of one's own act ("Strzok denied that he hurt Trump") is no row: no claim of the target's is denied.
- **wished well**: "X wished Y well / the best / good luck" -> X favor Y ("Clinton wished him well").

The subject is the one of the main verb (:func:`newslab.subjects.subject_of`); a negation before the verb
("did not dispute", "never wished him well") drops the row, and so does an unresolved pronoun as the subject.
Each row names its rule in ``holder_rule`` and ``target_rule``. :func:`may_phrase` is the gate read before a
sentence's actors are found; :func:`phrase_acts` gives the rows.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from newslab.actors import Actor, entity
from newslab.lexicons import rule_words
from newslab.subjects import NEGATIONS, subject_of

#: Verbs of a denial (the stance stage's list: a quote introduced by one holds no position of its speaker).
DENIAL_VERBS = rule_words("stance.DENIALS")
#: Nouns of what someone claimed or charged ("denied Trump's claim that ..."): rule "denied claim".
CLAIM_NOUNS = rule_words("phrase_rules.CLAIM_NOUNS")
#: What one wishes someone ("well", "the best", "good luck"): rule "wished well".
WISHES = rule_words("phrase_rules.WISHES")
DENIAL_SCORE = -0.8  # as stance_rules.RELATION_SCORE: rejecting someone's claim is a settled position (set by hand)
WISH_SCORE = 0.8  # as stance_rules.RELATION_SCORE: a good wish is as settled as a friendship cue (set by hand)
NEGATION_WORDS = 3  # words before the verb searched for a negation (VADER's window; as stance_rules.NEGATION_WORDS)
_UNRESOLVED = ("he", "she", "they")  # actor labels of pronouns no rule resolved
_WORD = re.compile(r"[\w’'-]+")
Match = tuple[Actor, Actor, float, list[str], str]


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.cache
def _denial_re() -> re.Pattern[str]:
    """Rule "denied claim": a denial verb, a possessor (the target), maybe an adjective, a claim noun."""
    return re.compile(
        rf"\b(?P<verb>{_alternation(DENIAL_VERBS)})\s+(?:the\s+)?(?P<obj>[^,;.]{{1,60}}?)[’']s?\s+"
        rf"(?:[a-z]+\s+)?(?P<noun>{_alternation(CLAIM_NOUNS)})\b"
    )


@functools.cache
def _wish_re() -> re.Pattern[str]:
    """Rule "wished well": a form of "wish", one object, and a wish of :data:`WISHES`."""
    return re.compile(
        rf"\b(?P<verb>[Ww]ish(?:ed|es|ing)?)\s+(?P<obj>[^,;.]{{1,40}}?)\s+(?P<noun>{_alternation(WISHES)})\b"
    )


def may_phrase(sentence: str) -> bool:
    """Whether a rule of this module could fire in ``sentence`` (read before its actors are found)."""
    return (("’" in sentence or "'" in sentence) and _denial_re().search(sentence) is not None) or (
        "ish" in sentence and _wish_re().search(sentence) is not None
    )


def _one_actor(text: str, m: re.Match[str], actors: Sequence[Actor]) -> Actor | None:
    """The actor that is the whole object group of ``m`` (a possessive ending aside), or None."""
    obj = next((a for a in actors if a.start == m.start("obj") and a.end <= m.end("obj")), None)
    return obj if obj is not None and not text[obj.end : m.end("obj")].strip() else None


def _holder(text: str, start: int, m: re.Match[str], actors: Sequence[Actor], obj: Actor) -> Actor | None:
    """The subject of the phrase's verb, unless a negation stands before it or it is an unresolved pronoun."""
    before = _WORD.findall(text[start : m.start()])[-NEGATION_WORDS:]
    if any(w.lower() in NEGATIONS or w.lower().endswith(("n't", "n’t")) for w in before):
        return None  # "did not dispute", "never wished him well"
    holder, _ = subject_of(text, start, m.start(), list(actors))
    if holder is None or entity(holder) == entity(obj) or holder.label in _UNRESOLVED:
        return None
    return holder


def phrase_acts(text: str, start: int, end: int, actors: Sequence[Actor]) -> list[Match]:
    """Rules "denied claim" and "wished well" in the sentence ``text[start:end]`` with its actors.

    Example:
        >>> t = "Clinton denied Trump's claim that she lied."
        >>> [(entity(h), entity(o), rule) for h, o, _, _, rule in phrase_acts(
        ...     t, 0, len(t), [Actor("Clinton", 0, 7), Actor("Trump", 15, 20)])]
        [('Clinton', 'Trump', 'denied claim')]
        >>> t = "Obama wished Trump well."
        >>> [(entity(h), entity(o), s, w) for h, o, s, w, _ in phrase_acts(
        ...     t, 0, len(t), [Actor("Obama", 0, 5), Actor("Trump", 13, 18)])]
        [('Obama', 'Trump', 0.8, ['wished … well'])]
    """
    out = []
    for pattern, score, rule in ((_denial_re(), DENIAL_SCORE, "denied claim"), (_wish_re(), WISH_SCORE, "wished well")):
        for m in pattern.finditer(text, start, end):
            obj = _one_actor(text, m, actors)
            holder = _holder(text, start, m, actors, obj) if obj is not None else None
            if obj is not None and holder is not None:
                out.append((holder, obj, score, [f"{m.group('verb')} … {' '.join(m.group('noun').split())}"], rule))
    return out
