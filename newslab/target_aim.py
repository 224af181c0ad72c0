"""At whom an evaluative word is aimed: the target, or someone else in the sentence (issues 21 and 23).

The target model's main error is an evaluative word aimed at someone else ("Trump had denounced *Duke*",
"Azar will be a *star*") read as said of the target, and an evaluation that reaches the target only
through the clause ("concerned or *scared about* Mr. Trump") read as neutral. :func:`aim_masses` reads,
from the sentence reading the target model already has (tokens, clause ids, names), each lexicon word's
*aim* relative to the mention at tokens ``[a, b)``, by named rules (:data:`AIMS`, first match wins):

* ``aim_pred`` - the word is predicated of the target: the target, a copula, then the word in one clause
  ("Trump was *unfit*");
* ``aim_poss`` - the word follows the target's possessive within :data:`POSSESSIVE_TOKENS` ("Trump's
  *failure*");
* ``aim_obj`` - the target follows the word closely in its clause, no other name between ("*criticized*
  Trump", "*concern about* Trump"): the target is its object or inside its prepositional phrase;
* ``aim_agent`` - the target opens the word's clause and another name follows the word ("Trump
  *attacked* Clinton"): the target holds the judgement, the other name receives it;
* ``aim_other`` - another name stands between the word and the target in one clause ("Trump said Clinton
  was *corrupt*");
* ``aim_subj`` - the target stands before the word in its clause, nothing else named ("Trump *won*");
* ``aim_xother`` - the word is in another clause that names someone else ("..., Azar will be a *star*");
* ``aim_xfree`` - the word is in another clause that names no one.

Names are the capitalized words of the reading (``entities``); a name spelt as a word of the mention
("Obama" ... "Obama") counts as the target. The masses are summed per aim and sign as the model's other
lexicon masses are (``aim_obj_vneg`` ...). ``aim_share`` adds ``aim_other_share``: the share of the
sentence's evaluative words aimed at someone else (``aim_agent``, ``aim_other``, ``aim_xother``).
Every aim is a named rule; :func:`aimed_words` lists the words with their aims for the evidence.

Example:
    >>> from newslab.target_reading import read_sentence
    >>> from newslab.tone_lexicon import default_prepared
    >>> s = "Trump had denounced Duke, and voters were scared about Trump."
    >>> r = read_sentence(s, 0, len(s), default_prepared())
    >>> [(r.toks[i], aim) for i, aim in aimed_words(r, 0, 1)]
    [('denounced', 'aim_agent'), ('scared', 'aim_xfree')]
    >>> [(r.toks[i], aim) for i, aim in aimed_words(r, 10, 11)]
    [('denounced', 'aim_xother'), ('scared', 'aim_obj')]
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from newslab.target_reading import COPULAS, SentenceReading
from newslab.tone_lexicon import CLAUSE_BREAKS

#: Aims of an evaluative word, in the order the rules are tried.
AIMS = ("aim_pred", "aim_poss", "aim_obj", "aim_agent", "aim_other", "aim_subj", "aim_xother", "aim_xfree")
#: Aims that point away from the target (the word judges another name).
AWAY = frozenset(["aim_agent", "aim_other", "aim_xother"])
#: Aims that point at the target.
TOWARD = frozenset(["aim_pred", "aim_poss", "aim_obj"])
#: The feature families of this module (:data:`newslab.target_tone.FAMILIES`); see :func:`aim_masses`.
AIM_FAMILIES = frozenset(["aim", "aim_compact", "aim_share", "aim_words", "aim_route"])
# A word at most this many tokens before the target, in its clause, takes it as object or in its
# prepositional phrase ("scared about Mr. Trump": 3); further off it more often modifies something
# between (newslab choice, by hand on the rows of issue 23, before the CV).
OBJECT_TOKENS = 4
# Words at most this far after a possessive target are its possession ("Trump's greatest failure": 3)
# (newslab choice, by hand).
POSSESSIVE_TOKENS = 3
POSSESSIVE_MARKS = frozenset(["'s", "s", "’s"])  # the token after a possessive name


class _Names(NamedTuple):
    """The names of the sentence other than the target: token indices, and the running count of them."""

    at: list[int]
    cum: list[int]  # cum[i]: how many other-name tokens stand before token i


def _other_names(sent: SentenceReading, a: int, b: int) -> _Names:
    """Capitalized words outside the mention, without those spelt as a word of the mention (the target again)."""
    own = set(sent.toks[a:b])
    at = [j for j in sent.entities if not a <= j < b and sent.toks[j] not in own]
    n = len(sent.toks)
    cum, k = [0] * (n + 1), 0
    for i in range(n):
        cum[i] = k
        if k < len(at) and at[k] == i:
            k += 1
    cum[n] = k
    return _Names(at, cum)


def _between(names: _Names, lo: int, hi: int) -> int:
    """Other names among the tokens [lo, hi)."""
    return names.cum[hi] - names.cum[lo] if lo < hi else 0


def word_aim(toks: Sequence[str], clause: Sequence[int], a: int, b: int, i: int, names: _Names) -> str:
    """The aim (:data:`AIMS`) of the lexicon word at token ``i`` relative to the mention at tokens ``[a, b)``.

    ``clause``: :func:`aim_clauses` of ``toks``; ``names``: the other names (:func:`_other_names`).
    """
    cl = clause[a] if a < len(toks) else -1
    if clause[i] == cl or (b > a and clause[i] == clause[b - 1]):
        if i >= b:
            possessive = b < len(toks) and toks[b] in POSSESSIVE_MARKS  # "'s" is also a copula: not here
            if possessive and i - b <= POSSESSIVE_TOKENS:
                return "aim_poss"
            if not _between(names, b, i) and any(t in COPULAS for t in toks[b + possessive : i]):
                return "aim_pred"
        elif a - i <= OBJECT_TOKENS and not _between(names, i + 1, a):
            return "aim_obj"
        if i >= b:
            if _between(names, b, i):
                return "aim_other"
            opens = not _between(names, _clause_start(clause, a), a)
            return "aim_agent" if opens and _between(names, i + 1, _clause_end(clause, i)) else "aim_subj"
        return "aim_other" if _between(names, i + 1, a) else "aim_subj"
    return "aim_xother" if _between(names, _clause_start(clause, i), _clause_end(clause, i)) else "aim_xfree"


def aim_clauses(toks: Sequence[str]) -> list[int]:
    """Clause id per token: a new clause after each clause break, quote marks not counted.

    The reading's own clauses (``SentenceReading.clause``) also break at quote marks; here a quote stays
    in the clause that introduces it ("Azar "will be a star"": the star is Azar's).
    """
    out, cid = [], 0
    for t in toks:
        if t in CLAUSE_BREAKS:
            cid += 1
        out.append(cid)
    return out


def _clause_start(clause: Sequence[int], i: int) -> int:
    k = i
    while k > 0 and clause[k - 1] == clause[i]:
        k -= 1
    return k


def _clause_end(clause: Sequence[int], i: int) -> int:
    k = i + 1
    while k < len(clause) and clause[k] == clause[i]:
        k += 1
    return k


def aimed_words(sent: SentenceReading, a: int, b: int) -> list[tuple[int, str]]:
    """``(token index, aim)`` of each lexicon word (events left out) outside the mention at tokens ``[a, b)``."""
    names, clause = _other_names(sent, a, b), aim_clauses(sent.toks)
    return [(i, word_aim(sent.toks, clause, a, b, i, names)) for i in sent.hits if not a <= i < b and not sent.event[i]]


def away_words(sent: SentenceReading, a: int, b: int) -> frozenset[int]:
    """Token indices of the lexicon words aimed at another name (:data:`AWAY`), for the family ``aim_route``.

    With ``aim_route`` the target model moves them out of its judgement masses into ``aim_away_*``, as it
    does with event words.
    """
    return frozenset(i for i, aim in aimed_words(sent, a, b) if aim in AWAY)


def add_mass(mass: dict[str, list[float]], scope: str, v: float, p: float) -> None:
    """Add a lexicon word's news (``v``) and pattern (``p``) valence to ``mass[scope]`` by sign.

    Example:
        >>> mass: dict[str, list[float]] = {}
        >>> add_mass(mass, "event", 0.5, -0.25); add_mass(mass, "event", -1.0, 0.0)
        >>> mass["event"]
        [0.5, -1.0, 0.0, -0.25]
    """
    m = mass.setdefault(scope, [0.0, 0.0, 0.0, 0.0])
    if v > 0:
        m[0] += v
    elif v < 0:
        m[1] += v
    if p > 0:
        m[2] += p
    elif p < 0:
        m[3] += p


def aim_masses(
    sent: SentenceReading,
    a: int,
    b: int,
    news: Sequence[float],
    pat: Sequence[float],
    families: Collection[str],
    flags: dict[str, float],
) -> dict[str, list[float]]:
    """Lexicon masses per aim (``[news pos, news neg, pattern pos, pattern neg]``) of the chosen families.

    ``news``/``pat``: the valences the model reads (claimed and demanded words already flipped).
    ``families`` (of :data:`AIM_FAMILIES`): ``aim`` - a mass per aim; ``aim_compact`` - two masses,
    ``aim_toward`` (:data:`TOWARD`) and ``aim_away`` (:data:`AWAY`); ``aim_share`` - the flag
    ``aim_other_share`` (written into ``flags``): the share of the evaluative words aimed away;
    ``aim_words`` - the word itself, ``At=word`` when aimed at the target, ``Aa=word`` when away (into ``flags``).
    """
    mass: dict[str, list[float]] = {}
    away = total = 0
    for i, aim in aimed_words(sent, a, b):
        v, p = news[i], pat[i]
        if not (v or p):
            continue
        total += 1
        away += aim in AWAY
        if "aim_words" in families and (aim in TOWARD or aim in AWAY):
            flags[("At=" if aim in TOWARD else "Aa=") + sent.toks[i]] = 1.0
        scopes = [aim] if "aim" in families else []
        if "aim_compact" in families and (aim in TOWARD or aim in AWAY):
            scopes.append("aim_toward" if aim in TOWARD else "aim_away")
        for scope in scopes:
            add_mass(mass, scope, v, p)
    if "aim_share" in families and away:
        flags["aim_other_share"] = away / total
    return mass


__all__ = [
    "AIMS",
    "AIM_FAMILIES",
    "AWAY",
    "TOWARD",
    "aim_clauses",
    "aim_masses",
    "aimed_words",
    "away_words",
    "word_aim",
]
