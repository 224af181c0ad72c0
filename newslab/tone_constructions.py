"""Constructions that decide on whom a sentence's words weigh: irony markers, blame and burden, pressure.

Lexicon features read "as if he had actually emerged victorious" as praise, "enduring most of the
blame" as neutral and "Trump must be willing to confront Putin" as positive. Three constructions
change what such words say about a target (issue 23):

* **irony**: after "as if", "as though" or a scare modifier ("so-called", "supposedly",
  "self-proclaimed") the words are claimed, not granted;
* **blame and burden**: the target carries blame, criticism or pressure ("enduring the blame",
  "came under fire", "was blamed", "blamed Trump", "held X responsible"), or it blames others;
* **pressure and demands**: the target is the one a demand is made of ("X must ...", "urged X to ...",
  "calls for X to resign", "demanded that X ..."), or the one who makes it.

:func:`find_constructions` finds them once per sentence on the tokens the sentence reading already
has (no new tokenization); :func:`moved_words` marks the words whose valence is claimed (irony) or
demanded (the act a demand asks for), which the target model weighs in masses of their own; and
:func:`construction_features` gives a mention's role in each construction. The word lists are in
``data/target_tone_constructions.tsv`` (term, kind, source, note).

Example:
    >>> toks = "trump must be willing to confront putin".split()
    >>> found = find_constructions(toks, [0] * len(toks))
    >>> [(c.kind, c.first) for c in found]
    [('modal', 1)]
    >>> construction_features(toks, [0] * len(toks), set(), found, 0, 1)
    {'modal_target': 1.0}
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from typing import NamedTuple

from newslab.lexicons import load_table, rule_words

#: Tokens that break a clause for the subject slot (a comma before "who"/"which" does not).
_BREAKS = frozenset([",", ";", ":", "--", "—", "–", "(", ")", "?", "!", ".", '"', "“", "”", "but"])
_RELATIVE = frozenset(["who", "which", "that"])
_PRONOUN_BLOCKERS = frozenset(rule_words("tone_constructions.PRONOUN_BLOCKERS"))
_PASSIVE_AUX = frozenset(rule_words("tone_constructions.PASSIVE_AUX"))
_OBJECT_FILLERS = frozenset(rule_words("tone_constructions.OBJECT_FILLERS"))
_RESPONSIBLE = frozenset(["responsible", "accountable", "liable", "culpable"])
#: Role flags of the target by construction kind: a subject flag, or (patient, agent) flags.
_SUBJECT_FLAGS = {"burden": "burden_target", "modal": "modal_target"}
_PATIENT_AGENT_FLAGS = {"blame": ("blame_target", "blame_agent"), "pressure": ("pressure_target", "pressure_agent")}
#: At most this many tokens between a subject and its construction ("Trump has long been under fire"):
#: an auxiliary, an adverb and a copula (newslab choice, by hand; the shipped weights were fit with it).
SUBJECT_GAP = 4
#: A burden verb reaches its noun across at most this many tokens ("enduring most of the blame").
BURDEN_REACH = 4
#: "urged X to": the "to" (or the object of "that") at most this many tokens after the verb.
OBJECT_REACH = 5
#: A scare modifier ("so-called", "supposedly") claims at most this many following words.
SCARE_REACH = 3


class Construction(NamedTuple):
    """One construction in a sentence; token indices, ``-1`` where a slot does not apply.

    ``kind`` is ``irony``, ``burden``, ``blame``, ``modal`` (a demand by a modal: "X must") or
    ``pressure`` ("urged X to"). The subject slot ends right before ``first`` (``subject``
    False: none); ``passive``: the subject is the one acted on ("was blamed"). The object
    slot is tokens ``[obj_a, obj_b)``. ``scope`` holds the claimed words (irony) or the
    demanded act (modal, pressure).
    """

    kind: str
    first: int
    end: int
    subject: bool
    passive: bool
    obj_a: int
    obj_b: int
    scope_a: int
    scope_b: int


@functools.cache
def construction_terms() -> Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First token -> ((tokens, kind), ...) of ``target_tone_constructions.tsv``, longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in load_table("target_tone_constructions"):
        words = tuple(row["term"].split())
        index.setdefault(words[0], []).append((words, row["kind"]))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in index.items()}


@functools.cache
def trigger_words() -> frozenset[str]:
    """Tokens that can begin a construction: a sentence without any has none."""
    return frozenset(w for w, entries in construction_terms().items() if any(k != "burden_noun" for _, k in entries))


@functools.cache
def _kind_words(kind: str) -> frozenset[str]:
    return frozenset(" ".join(words) for entries in construction_terms().values() for words, k in entries if k == kind)


def _match(toks: Sequence[str], i: int) -> list[tuple[int, str]]:
    """(end, kind) of every listed term that starts at token ``i``, longest first."""
    out = []
    for words, kind in construction_terms().get(toks[i], ()):
        if tuple(toks[i : i + len(words)]) == words:
            out.append((i + len(words), kind))
    return out


def _clause_end(clause: Sequence[int], i: int) -> int:
    j = i
    while j < len(clause) and clause[j] == clause[i]:
        j += 1
    return j


def _to_after(toks: Sequence[str], clause: Sequence[int], end: int, word: str = "to") -> int:
    """Index of ``word`` within :data:`OBJECT_REACH` tokens after ``end`` in the same clause, or -1."""
    for j in range(end + 1, min(len(toks), end + OBJECT_REACH + 1)):
        if clause[j] != clause[end]:
            return -1
        if toks[j] == word:
            return j
    return -1


def _passive_before(toks: Sequence[str], i: int) -> bool:
    """A participle after a passive auxiliary ("was blamed", "has been urged") or an appositive comma."""
    return toks[i].endswith("ed") and i > 0 and (toks[i - 1] in _PASSIVE_AUX or toks[i - 1] == ",")


def find_constructions(toks: Sequence[str], clause: Sequence[int]) -> tuple[Construction, ...]:
    """The irony, burden, blame and pressure constructions of one sentence (lowercased tokens, clause ids).

    Example:
        >>> toks = "democrats urged trump to resign".split()
        >>> [(c.kind, c.obj_a, c.obj_b, c.scope_a) for c in find_constructions(toks, [0] * 5)]
        [('pressure', 2, 3, 4)]
    """
    nouns, triggers = _kind_words("burden_noun"), trigger_words()
    found: list[Construction] = []
    i = 0  # the next token a construction may start at
    # only a trigger word starts a construction: the scan steps from trigger to trigger, skipping those
    # before ``i`` (inside the last construction), as the token-by-token scan would pass over them
    for at in [k for k, t in enumerate(toks) if t in triggers]:
        if at < i:
            continue
        made = None
        for end, kind in _match(toks, at):
            made = _construction(toks, clause, at, end, kind, nouns)
            if made is not None:
                break
        if made is None:
            i = at + 1
            continue
        found.append(made)
        i = made.end if made.kind != "pressure" and made.kind != "modal" else at + 1
    return tuple(found)


def _construction(
    toks: Sequence[str], clause: Sequence[int], i: int, end: int, kind: str, nouns: Collection[str]
) -> Construction | None:
    n = len(toks)
    if kind == "irony":
        if end - i > 1 or toks[i] in ("as",):  # "as if", "as though": the rest of the clause
            return Construction("irony", i, end, False, False, -1, -1, end, _clause_end(clause, i))
        stop = min(n, end + SCARE_REACH)
        scope_b = next((j for j in range(end, stop) if clause[j] != clause[i]), stop)
        return Construction("irony", i, end, False, False, -1, -1, end, scope_b)
    if kind == "burden_phrase":
        return Construction("burden", i, end, True, False, -1, -1, -1, -1)
    if kind in ("burden_verb", "burden_prep"):
        reach = BURDEN_REACH if kind == "burden_verb" else 2
        for j in range(end, min(n, end + reach + 1)):
            if clause[j] != clause[i]:
                break
            if toks[j] in nouns:
                return Construction("burden", i, j + 1, True, False, -1, -1, -1, -1)
        return None
    if kind == "burden_noun":
        return None
    if kind == "blame_verb":
        on = next((j for j in (end, end + 1) if j < n and toks[j] == "on"), -1)
        if toks[i] == "blame" and on > 0:  # "put the blame (squarely) on X"
            return Construction("blame", i, on + 1, False, False, on + 1, min(n, on + 4), -1, -1)
        passive = _passive_before(toks, i)
        obj = (end, min(n, end + 3)) if not passive else (-1, -1)
        return Construction("blame", i, end, True, passive, obj[0], obj[1], -1, -1)
    if kind == "blame_hold":
        j = next((j for j in range(end + 1, min(n, end + 5)) if toks[j] in _RESPONSIBLE), -1)
        return Construction("blame", i, end, True, False, end, j, -1, -1) if j > 0 else None
    if kind == "pressure_modal":
        nxt = toks[end] if end < n else ""
        after = toks[end + 1] if end + 1 < n else ""
        if nxt in ("have", "'ve") or (nxt == "be" and (after.endswith(("ed", "en")) or after == "given")):
            return None  # "must have been pleased" (a guess), "must be credited" (a passive): no demand
        return Construction("modal", i, end, True, False, -1, -1, end, _clause_end(clause, i))
    if kind in ("pressure_verb", "pressure_call"):
        passive = _passive_before(toks, i)
        if toks[end - 1] == "that":  # "demanded that X ...": X is the object
            return Construction("pressure", i, end, True, passive, end, min(n, end + 3), end, _clause_end(clause, i))
        to = _to_after(toks, clause, end - 1)
        if to < 0:
            return None
        if passive:  # "has been urged (by his advisers) to": the subject is the one pressed
            return Construction("pressure", i, end, True, True, -1, -1, to + 1, _clause_end(clause, to))
        return Construction("pressure", i, end, True, False, end, to, to + 1, _clause_end(clause, to))
    return None


def moved_words(constructions: Sequence[Construction], n: int) -> list[str]:
    """Per token, ``"irony"`` (claimed words) or ``"demand"`` (the demanded act), else ``""``.

    Example:
        >>> toks = "he acted as if he had won".split()
        >>> moved_words(find_constructions(toks, [0] * 7), 7)
        ['', '', '', '', 'irony', 'irony', 'irony']
    """
    moved = [""] * n
    for c in constructions:
        if c.scope_a < 0:
            continue
        mark = "irony" if c.kind == "irony" else "demand"
        for j in range(c.scope_a, c.scope_b):
            moved[j] = mark
    return moved


def is_construction_subject(
    toks: Sequence[str], clause: Sequence[int], entities: Collection[int], a: int, b: int, first: int
) -> bool:
    """The mention [a, b) is the subject of a construction that starts at ``first``."""
    if not b <= first or first - b > SUBJECT_GAP or (b < len(toks) and toks[b] in ("'s", "s")):
        return False
    for j in range(b, first):
        t = toks[j]
        if t == "," and ((j + 1 < first and toks[j + 1] in _RELATIVE) or j + 1 == first):
            continue  # "Macron, who has shouldered ...", "Sunak, blamed by ..."
        if t in _BREAKS or t in _PRONOUN_BLOCKERS or j in entities:
            return False
    return clause[first] in (clause[a], clause[b - 1]) or "," in toks[b:first]


def construction_roles(
    toks: Sequence[str],
    clause: Sequence[int],
    entities: Collection[int],
    constructions: Sequence[Construction],
    a: int,
    b: int,
) -> list[tuple[str, Construction]]:
    """The mention's role flag in each of the sentence's constructions that concerns it, with that construction.

    The flags are those of :func:`construction_features`; the construction gives the words (for the
    evidence of :mod:`newslab.target_rules`).
    """
    roles: list[tuple[str, Construction]] = []
    own = (clause[a], clause[b - 1]) if b > a else ()
    for c in constructions:
        if c.kind == "irony":
            if clause[c.first] in own or a <= c.first < b:
                roles.append(("irony_clause", c))
            continue
        is_object = c.obj_a >= 0 and c.obj_a <= a < c.obj_b and all(t in _OBJECT_FILLERS for t in toks[c.obj_a : a])
        is_subject = c.subject and is_construction_subject(toks, clause, entities, a, b, c.first)
        if c.kind in _SUBJECT_FLAGS and is_subject:  # "Trump is under fire", "Trump must …"
            roles.append((_SUBJECT_FLAGS[c.kind], c))
        elif c.kind in _PATIENT_AGENT_FLAGS:  # the target blamed or pressed, or the one who blames or presses
            patient, agent = _PATIENT_AGENT_FLAGS[c.kind]
            if is_object or (is_subject and c.passive):
                roles.append((patient, c))
            elif is_subject:
                roles.append((agent, c))
    return roles


def construction_features(
    toks: Sequence[str],
    clause: Sequence[int],
    entities: Collection[int],
    constructions: Sequence[Construction],
    a: int,
    b: int,
) -> dict[str, float]:
    """The role of the mention at tokens [a, b) in the sentence's constructions, as model features.

    ``irony_clause`` (an irony marker in the mention's clause or in the mention), ``burden_target``
    (the mention carries blame or pressure: "X came under fire"), ``blame_target`` ("blamed X",
    "X was blamed", "held X responsible") and ``blame_agent`` ("X blamed ..."), ``modal_target``
    ("X must ..."), ``pressure_target`` ("urged X to ...", "X was urged to") and
    ``pressure_agent`` ("X urged ... to").
    """
    return dict.fromkeys((flag for flag, _ in construction_roles(toks, clause, entities, constructions, a, b)), 1.0)


__all__ = [
    "BURDEN_REACH",
    "OBJECT_REACH",
    "SCARE_REACH",
    "SUBJECT_GAP",
    "Construction",
    "construction_features",
    "construction_roles",
    "construction_terms",
    "find_constructions",
    "is_construction_subject",
    "moved_words",
    "negative_verb_role",
    "trigger_words",
]


def negative_verb_role(
    toks: Sequence[str],
    news: Sequence[float],
    event: Sequence[bool],
    clause: Sequence[int],
    entities: Collection[int],
    a: int,
    b: int,
) -> str:
    """``neg_patient`` ("X was criticized"), ``neg_agent`` ("X attacked ...") or ``""``.

    The first negative judgement (not an event word) after the mention, within
    :data:`SUBJECT_GAP` + 1 tokens, that looks like a verb form (``-ed``, ``-en``, ``-s``), with the
    mention as its subject; a passive auxiliary right before it makes the mention its patient.

    Example:
        >>> toks = "trump was slammed by critics".split()
        >>> negative_verb_role(toks, [0, 0, -2.0, 0, 0], [False] * 5, [0] * 5, set(), 0, 1)
        'neg_patient'
    """
    for j in range(b, min(len(toks), b + SUBJECT_GAP + 2)):
        if news[j] < 0 and not event[j] and toks[j].endswith(("ed", "en", "s")):
            if j > b and toks[j - 1] in _PASSIVE_AUX:
                return "neg_patient" if is_construction_subject(toks, clause, entities, a, b, j - 1) else ""
            return "neg_agent" if is_construction_subject(toks, clause, entities, a, b, j) else ""
    return ""
