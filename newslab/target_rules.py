"""Named constructions aimed at a target, and the rule layer that reads a neutral prediction as negative.

The target model reads words, so a polar target whose polarity comes from a construction is read
neutral: "Republicans *fell short of* expectations", "*urged* Biden *to* consider stepping aside",
"an insurrection, *incited by* the president", "Trump *came under* fire". :func:`aimed_constructions`
finds, on the sentence reading the model already has (tokens, clauses, names, the constructions of
:mod:`newslab.tone_constructions`), each construction that is aimed *at* the mention at tokens
``[a, b)``, by named rules:

* ``irony`` - an irony marker ("as if", "so-called") in the target's clause: its praise is claimed;
* ``burden`` - the target carries blame or pressure ("Trump came under fire", "enduring the blame");
* ``blamed`` - the target is blamed ("blamed Trump", "Trump was blamed", "blamed on Trump");
* ``pressed`` - a demand is made of the target ("urged Biden to", "calls for him to resign");
* ``demanded`` - a modal demand on the target as subject ("Trump must ...", "he should ...");
* ``failing`` - the target is the subject of a failure ("Republicans fell short", "Trump trails");
* ``bad_act_by`` - the target is the agent of a bad act in a passive ("incited by the president").

Each found construction is an :class:`Aimed` (its name and its words). :func:`rule_override` is the
rule layer: when the model's label is neutral and a construction of the model's ``rules`` is aimed at
the target, the label becomes negative (score and probabilities stay the model's) and the
construction's name and words lead the evidence (``rule=failing:fell short``). Which constructions are
kept was decided on NewsMTSC *train* only (``validation/score_target_rules.py``: kept where, on the
train targets it fires for and the out-of-fold model calls neutral, the gold label is negative more
often than neutral); the evidence of each is in ``data/rule_words.tsv`` (``target_rules.KEPT``). The
layer is **off** in the packaged model, because NewsMTSC dev fell with it (rw 0.6845 -> 0.6820, mt
0.6568 -> 0.6534, read once; docs/voices.md): :func:`rule_model` turns it on.

Example:
    >>> from newslab.target_reading import read_sentence
    >>> from newslab.tone_lexicon import default_prepared
    >>> s = "Democrats urged Biden to consider stepping aside."
    >>> r = read_sentence(s, 0, len(s), default_prepared())
    >>> aimed_constructions(r, 2, 3)
    (Aimed(name='pressed', words='urged ... to'),)
    >>> aimed_constructions(r, 0, 1)
    ()
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Collection, Iterable, Mapping
from typing import NamedTuple

from newslab.errors import ParameterError
from newslab.lexicons import rule_word_values, rule_words
from newslab.target_model import TargetModel, check_model
from newslab.target_reading import SentenceReading
from newslab.tone_constructions import SUBJECT_GAP, Construction, construction_roles, is_construction_subject

#: The role flags of :func:`newslab.tone_constructions.construction_roles` -> the construction they name here.
_ROLE_RULE = {
    "irony_clause": "irony",
    "burden_target": "burden",
    "blame_target": "blamed",
    "pressure_target": "pressed",
    "modal_target": "demanded",
}
#: Every construction's name, in the order :func:`aimed_constructions` reports them.
CONSTRUCTIONS = (*_ROLE_RULE.values(), "failing", "bad_act_by")
#: The label every construction here points to: all of them say something bad of the target.
RULE_LABEL = "negative"
#: A bad act stands at most this many tokens before the "by" of its agent, in the same clause
#: ("violence caused by", "crimes committed by": 2; newslab choice, by hand).
BY_REACH = 3
_ARTICLES = ("the", "a", "an")


class Aimed(NamedTuple):
    """A construction aimed at the target: its rule name and its words (lowercase tokens, "..." for a gap)."""

    name: str
    words: str


class _Lists(NamedTuple):
    """The rule data, read once: the kept constructions and the word lists of the rules."""

    kept: frozenset[str]
    failure: Mapping[str, tuple[tuple[str, ...], ...]]  # first token -> failure phrases, longest first
    determiners: frozenset[str]
    bad_acts: frozenset[str]
    agent_wins: frozenset[str]
    blame_on: frozenset[str]


@functools.cache
def _lists() -> _Lists:
    failure: dict[str, list[tuple[str, ...]]] = {}
    for term in rule_words("target_rules.FAILURE"):
        words = tuple(term.split())
        failure.setdefault(words[0], []).append(words)
    return _Lists(
        frozenset(rule_word_values("target_rules.KEPT")),
        {k: tuple(sorted(v, key=len, reverse=True)) for k, v in failure.items()},
        *(frozenset(rule_words(f"target_rules.{n}")) for n in ("DETERMINERS", "BAD_ACTS", "AGENT_WINS", "BLAME_ON")),
    )


def kept_rules() -> frozenset[str]:
    """The constructions the rule layer uses (``target_rules.KEPT``, chosen on NewsMTSC train)."""
    return _lists().kept


def _words(sent: SentenceReading, c: Construction) -> str:
    """The words of a construction: its trigger, and "... to" when a demanded act follows after a gap."""
    trigger = " ".join(sent.toks[c.first : c.end])
    to = c.scope_a - 1
    if c.kind == "pressure" and to > c.end and sent.toks[to] == "to":
        return f"{trigger} ... to"
    return trigger


def _failing(sent: SentenceReading, a: int, b: int) -> Aimed | None:
    """Rule ``failing``: a failure phrase (``target_rules.FAILURE``) whose subject is the mention.

    Not right after a determiner (``target_rules.DETERMINERS``): "in Congress and a failed run" is an adjective.
    """
    toks, lists = sent.toks, _lists()
    terms = lists.failure
    for j in range(b, min(len(toks), b + SUBJECT_GAP + 1)):
        if toks[j] not in terms or toks[j - 1] in lists.determiners:  # "a failed run": an adjective
            continue
        for words in terms[toks[j]]:
            if tuple(toks[j : j + len(words)]) == words and is_construction_subject(
                toks, sent.clause, sent.entities, a, b, j
            ):
                return Aimed("failing", " ".join(words))
    return None


def _by_agent(sent: SentenceReading, a: int) -> Aimed | None:
    """Rules ``bad_act_by`` ("incited by X", "violence caused by X") and ``blamed`` ("blamed on X").

    The mention follows "by" after a participle (``-ed``/``-en``); the participle is a bad act
    (``target_rules.BAD_ACTS``, or a negative lexicon word that is not a win of the agent,
    ``target_rules.AGENT_WINS``: "defeated by X"), or a negative lexicon word stands at most
    :data:`BY_REACH` tokens before it in its clause.
    """
    toks, clause, news, lists = sent.toks, sent.clause, sent.news, _lists()
    if a > 0 and toks[a - 1] in _ARTICLES:  # "by the president": the mention may start after its article
        a -= 1
    if a < 2:
        return None
    if toks[a - 1] == "on" and toks[a - 2] in lists.blame_on:
        return Aimed("blamed", f"{toks[a - 2]} on")
    p = a - 2
    if toks[a - 1] != "by" or not toks[p].endswith(("ed", "en")) or toks[p] in lists.agent_wins:
        return None
    if toks[p] in lists.bad_acts or news[p] < 0:
        return Aimed("bad_act_by", f"{toks[p]} by")
    for j in range(p - 1, max(-1, p - 1 - BY_REACH), -1):
        if clause[j] != clause[p]:
            break
        if news[j] < 0:
            return Aimed("bad_act_by", f"{toks[j]} ... {toks[p]} by")
    return None


def aimed_constructions(sent: SentenceReading, a: int, b: int) -> tuple[Aimed, ...]:
    """Every named construction aimed at the mention at tokens ``[a, b)`` of ``sent`` (module docstring)."""
    if b <= a:
        return ()
    found: list[Aimed] = []
    if sent.constructions:
        for flag, c in construction_roles(sent.toks, sent.clause, sent.entities, sent.constructions, a, b):
            name = _ROLE_RULE.get(flag)
            if name is not None:
                found.append(Aimed(name, _words(sent, c)))
    for extra in (_failing(sent, a, b), _by_agent(sent, a)):
        if extra is not None:
            found.append(extra)
    return tuple(found)


def rule_override(sent: SentenceReading, a: int, b: int, label: str, rules: Collection[str]) -> Aimed | None:
    """The construction of ``rules`` that turns a ``neutral`` label negative for this mention, or ``None``.

    Only a neutral label is overridden: the rule layer adds what the model misses, it never flips a
    polar reading. The first construction found wins (the order of :func:`aimed_constructions`); the
    rules of constructions not in ``rules`` are not run.
    """
    if label != "neutral" or b <= a:
        return None
    if sent.constructions:
        for flag, c in construction_roles(sent.toks, sent.clause, sent.entities, sent.constructions, a, b):
            if _ROLE_RULE.get(flag, "") in rules:
                return Aimed(_ROLE_RULE[flag], _words(sent, c))
    found = _failing(sent, a, b) if "failing" in rules else None
    if found is None and ("bad_act_by" in rules or "blamed" in rules):
        found = _by_agent(sent, a)
        found = found if found is not None and found.name in rules else None
    return found


def rule_model(model: TargetModel | None = None, *, rules: Iterable[str] | None = None) -> TargetModel:
    """``model`` (``None``: the packaged one) with the rule layer on: pass it as ``model=`` to the target tone calls.

    Args:
        model: A packaged or loaded :class:`~newslab.target_model.TargetModel` without adapted weights (the
            rules were chosen against the packaged model's out-of-fold predictions).
        rules: Construction names (:data:`CONSTRUCTIONS`); ``None`` means :func:`kept_rules`, those the
            NewsMTSC train evidence supports.

    Raises:
        ParameterError: For an unknown construction or an adapted model.

    Example:
        >>> from newslab.target_tone import target_sentiment
        >>> t = "Republicans fell short of expectations on Tuesday."
        >>> target_sentiment(t, span=(0, 11)).label
        'neutral'
        >>> r = target_sentiment(t, span=(0, 11), model=rule_model())
        >>> r.label, r.evidence[0].name
        ('negative', 'rule=failing:fell short')
    """
    chosen = check_model(model)
    if chosen.adapted is not None:
        raise ParameterError("rule_model(model=...) takes the packaged or a loaded model without adapted weights")
    names = tuple(sorted(kept_rules() if rules is None else set(rules)))
    unknown = sorted(set(names) - set(CONSTRUCTIONS))
    if unknown:
        raise ParameterError(f"rules={unknown!r}; valid: {list(CONSTRUCTIONS)}")
    return dataclasses.replace(chosen, rules=names)


__all__ = [
    "BY_REACH",
    "CONSTRUCTIONS",
    "RULE_LABEL",
    "Aimed",
    "aimed_constructions",
    "kept_rules",
    "rule_model",
    "rule_override",
]
