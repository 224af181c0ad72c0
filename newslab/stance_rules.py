"""Stance rules beyond single cues: requests to leave ("called for X to step aside") and mutual acts ("the two bonded").

* :func:`requests_to_leave` — rule ``request to leave``: a request verb ("called for", "called on",
  "urged", "pressed", "demanded", "asked") whose object is an actor and whose infinitive is an act
  of leaving ("to step aside", "to resign", "to drop out"; ``stance_rules.LEAVE_ACTS``) is the
  subject's position against the object. A negation before the verb ("did not call for") gives none.
* :func:`relation_nouns` — rule ``relation noun``: a noun of a standing relation toward a target
  (``stance_rules.RELATION_NOUNS``: "critics", "supporters", "allies", "loyalists", with their
  polarity) attached to it as "T’s critics", "T supporters" or "allies of T". The holder is the name the
  noun describes ("Roger Stone, a Trump ally"; "his key ally Michael Gove"; "Graham is one of Trump’s
  allies"), else the group the plural noun names ("Clinton’s critics" -> critics). A singular noun that
  describes nobody named ("a Trump ally said") and a negated one ("no friend of") give no row.
  The noun may open the sentence with a capital ("Critics of Trump say"); under the switch ``relation
  title`` (round 6, off: not chosen by CV) title words may stand between "of" and the name ("opponents of
  President Nicolas Maduro").
* :func:`mutual_acts` — rule ``mutual act``: "X and Y bonded", "the two bonded/clashed/feuded"
  (``stance_rules.MUTUAL_FAVOR`` / ``MUTUAL_AGAINST``): each of the two holds the position toward
  the other. "The two" means the two actors named before it in the sentence, and only when exactly
  two are named there; otherwise no row.

Both return plain matches (holder actor, target actor, score, words, rule); :mod:`newslab.stance`
builds the rows.

Example:
    >>> from newslab.actors import Actor
    >>> text = "Republicans have called for Moore to step aside."
    >>> actors = [Actor("Republicans", 0, 11), Actor("Moore", 28, 33)]
    >>> [(h.label, t.label, s, w) for h, t, s, w, _ in requests_to_leave(text, 0, len(text), actors)]
    [('Republicans', 'Moore', -1.0, ['called for … to step aside'])]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from newslab.actors import Actor, entity
from newslab.cue_matches import word_trie
from newslab.cue_roles import NEGATIONS, subject_of
from newslab.lexicons import rule_word_values, rule_words

REQUEST_VERBS = rule_words("stance_rules.REQUEST_VERBS")
LEAVE_ACTS = rule_words("stance_rules.LEAVE_ACTS")
MUTUAL_FAVOR = rule_words("stance_rules.MUTUAL_FAVOR")
MUTUAL_AGAINST = rule_words("stance_rules.MUTUAL_AGAINST")
REQUEST_SCORE = -1.0  # asking someone to leave office is a clear position against them (set by hand)
MUTUAL_SCORE = 0.8  # as stance.FRIENDS_SCORE: the cue nouns "friend"/"friendship" in stance_cues.tsv
NEGATION_WORDS = 3  # words before the request verb searched for a negation (VADER's window)
#: Nouns of a standing relation toward someone, with their polarity (+1 favor, -1 against).
RELATION_NOUNS = rule_word_values("stance_rules.RELATION_NOUNS")
RELATION_SCORE = 0.8  # as stance.FRIENDS_SCORE: a relation is a settled position, as strong as a friendship cue
MODIFIER_WORDS = 3  # words between a possessor and its relation noun ("Obama’s strongest Capitol Hill allies")
#: Switches of rule "relation noun" (on in the package) and of its round-6 part "relation title" (title words
#: between "of" and the name: "opponents of President Nicolas Maduro"), for validation/cv_opinions.py. Relation
#: title is off: on the spent opinion parts it found nothing more (its one case stands in a direct quote), so
#: cross-validation never chose it (a tie goes to fewer mechanisms).
ENABLED = {"relation noun": True, "relation title": False}

Match = tuple[Actor, Actor, float, list[str], str]
PRONOUN_LABEL_CHARS = 3  # an actor label this short is a pronoun ("he", "his"), not a name to take as a target
SINGULAR_IN_S = frozenset({"boss"})  # a relation noun in -s that is singular


def _relation_forms() -> list[str]:
    """The relation nouns as written in lowercase and with a capital first letter ("Critics of Trump say")."""
    return sorted({form for noun in RELATION_NOUNS for form in (noun, noun[:1].upper() + noun[1:])})


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.cache
def _request_re() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<verb>{_alternation(REQUEST_VERBS)})\s+(?P<obj>[^,;.]{{1,60}}?)\s+to\s+(?P<act>{_alternation(LEAVE_ACTS)})\b",
        re.IGNORECASE,
    )


@functools.cache
def _mutual_re() -> re.Pattern[str]:
    verbs = _alternation((*MUTUAL_FAVOR, *MUTUAL_AGAINST))
    return re.compile(
        rf"(?:\b(?P<two>[Tt]he\s+two)(?:\s+(?:men|women|leaders|politicians|rivals|candidates))?"
        rf"|(?P<a>[\w’'.-]+)\s+and\s+(?P<b>[\w’'.-]+))\s+(?:have\s+|had\s+|has\s+)?(?P<verb>{verbs})\b"
    )


@functools.cache
def _request_gate() -> re.Pattern[str]:
    """The end of :func:`_request_re` ("to step aside"): a literal start, so sre tries it only at a "t" or "T"."""
    return re.compile(rf"to\s+(?:{_alternation(LEAVE_ACTS)})\b", re.IGNORECASE)


@functools.cache
def _mutual_gate() -> re.Pattern[str]:
    """The verb of :func:`_mutual_re` ("clashed"): literal alternatives, tried only at their first letters."""
    return re.compile(rf"(?:{_alternation((*MUTUAL_FAVOR, *MUTUAL_AGAINST))})\b")


def may_match(sentence: str) -> bool:
    """Whether either rule could fire in ``sentence`` (read before its actors are found: most sentences hold none).

    Each rule's regex runs only where its gate matched: every match of the rule holds a match of the gate
    (the gate is the rule's last part, with the same flags), so the answer is the rule's own.
    """
    return (_request_gate().search(sentence) is not None and _request_re().search(sentence) is not None) or (
        _mutual_gate().search(sentence) is not None and _mutual_re().search(sentence) is not None
    )


def requests_to_leave(text: str, start: int, end: int, actors: Sequence[Actor]) -> list[Match]:
    """Rule "request to leave" in the sentence ``text[start:end]`` with its actors."""
    out = []
    for m in _request_re().finditer(text, start, end):
        obj = next((a for a in actors if a.start == m.start("obj") and a.end <= m.end("obj")), None)
        if obj is None or text[obj.end : m.end("obj")].strip(" ’'s"):
            continue  # the object is no actor, or more than one ("for Moore's lawyers to resign")
        before = re.findall(r"[\w’'-]+", text[start : m.start()])[-NEGATION_WORDS:]
        if any(w.lower() in NEGATIONS or w.lower().endswith(("n't", "n’t")) for w in before):
            continue
        holder, _ = subject_of(text, start, m.start(), list(actors))
        if holder is None or entity(holder) == entity(obj):
            continue
        words = [f"{m.group('verb')} … to {m.group('act')}"]
        out.append((holder, obj, REQUEST_SCORE, words, "request to leave"))
    return out


def mutual_acts(text: str, start: int, end: int, actors: Sequence[Actor]) -> list[Match]:
    """Rule "mutual act" in the sentence ``text[start:end]``: both directions for each pair."""
    out = []
    for m in _mutual_re().finditer(text, start, end):
        verb = re.sub(r"\s+", " ", m.group("verb").lower())
        score = MUTUAL_SCORE if verb in MUTUAL_FAVOR else -MUTUAL_SCORE
        if m.group("two"):
            named: dict[str, Actor] = {}
            for a in actors:
                if a.end <= m.start() and a.label not in ("he", "she", "they"):
                    named.setdefault(entity(a), a)
            if len(named) != 2:
                continue  # "the two" is ambiguous or unnamed: no row
            first, second = named.values()
        else:
            first = next((a for a in actors if a.start <= m.start("a") < a.end), None)  # type: ignore[assignment]
            second = next((a for a in actors if a.start <= m.start("b") < a.end), None)  # type: ignore[assignment]
            if first is None or second is None or entity(first) == entity(second):
                continue
        words = [m.group("two") + " " + verb if m.group("two") else verb]
        out.append((first, second, score, words, "mutual act"))
        out.append((second, first, score, words, "mutual act"))
    return out


@functools.cache
def _relation_gate() -> re.Pattern[str]:
    r"""``\b(?:nouns)\b`` as :func:`_relation_re` spells it: every match of it holds a match of this.

    Both read the nouns in lowercase and with a capital first letter ("Critics of Trump say", round 6).

    A noun starts with a word character, so ``\b`` before it is ``(?<!\w)``; the nouns are one
    :func:`newslab.cue_matches.word_trie`, so sre reads one letter per level instead of trying 30 nouns in turn.
    """
    return re.compile(rf"(?<!\w)(?:{word_trie(_relation_forms())})\b")


def may_relate(text: str, start: int, end: int) -> bool:
    """Whether rule "relation noun" could fire in the sentence ``text[start:end]`` (before its actors are found)."""
    return ENABLED["relation noun"] and _relation_gate().search(text, start, end) is not None


@functools.cache
def _relation_re() -> re.Pattern[str]:
    nouns = _alternation(_relation_forms())
    return re.compile(
        rf"(?P<pos>[’']s?\s+(?:[\w-]+\s+){{0,{MODIFIER_WORDS}}}|\s+(?:[a-z-]+\s+){{0,{MODIFIER_WORDS}}})?"
        rf"\b(?P<noun>{nouns})\b(?P<of>\s+of\s+(?:the\s+)?)?"
    )


#: Title words that may stand between "critics of" and the name (lowercase): "President", "Sen.", "former".
RELATION_TITLES = frozenset(rule_words("cue_roles.TITLE_WORDS"))
RELATION_TITLE_WORDS = 4  # title words at most between "of" and the name ("former Secretary of State X")


def _titles_only(gap: str) -> bool:
    """Whether ``gap`` (between "of" and a name) is empty or title words only ("former Secretary of State")."""
    words = gap.split()
    if words and not ENABLED["relation title"]:
        return False
    if len(words) > RELATION_TITLE_WORDS or gap[:1].isspace():
        return False
    return all(w.lower().rstrip(".") in RELATION_TITLES or w in ("former", "of") for w in words) and (
        not words or words[-1] != "of"
    )


def _described(text: str, lo: int, m: re.Match[str], actors: Sequence[Actor], tgt: Actor) -> Actor | None:
    """The named actor a relation noun describes: by apposition, copula or a name right after it."""
    after = next((a for a in actors if a.start > m.end("noun") and not text[m.end("noun") : a.start].strip()), None)
    if after is not None and after is not tgt and not m.group("of"):
        return after  # "his key ally Michael Gove"
    head = min(m.start(), tgt.start)
    before = text[lo:head]
    opener = re.search(r"(?:,\s*(?=a\b|an\b|the\b|one\s+of\b|among\b)"
                       r"|\b(?:is|was|are|were|became|remains|remained|been)\s+)"
                       r"(?:(?:a|an|the|one\s+of|among)\s+)*(?:[a-z-]+\s+){0,2}$", before)  # fmt: skip
    if opener is None:
        return None
    at = lo + opener.start()
    named = [a for a in actors if a.end <= at and a is not tgt and a.label not in ("he", "she", "they")]
    if named and not text[named[-1].end : at].strip(" ’'s"):
        return named[-1]
    name = re.search(r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*\w$", before[: opener.start()].rstrip())
    if name is None:
        return None  # the apposition or copula does not follow a name right away
    return Actor(name.group(), lo + name.start(), lo + name.end())  # a name the registry lacks ("Graham is")


def relation_nouns(text: str, start: int, end: int, actors: Sequence[Actor]) -> list[Match]:
    """Rule "relation noun" in the sentence ``text[start:end]`` (see the module docstring)."""
    out: list[Match] = []
    if not may_relate(text, start, end):
        return out
    for m in _relation_re().finditer(text, start, end):
        noun = m.group("noun").lower()
        if m.group("of"):  # "critics of Trump", "opponents of President Nicolas Maduro" (titles skipped, round 6)
            tgt = next((a for a in actors if a.start >= m.end() and _titles_only(text[m.end() : a.start])
                        and (a.target or a.member_of)), None)  # fmt: skip
        else:
            head = m.start() if m.group("pos") else m.start("noun")
            if m.group("pos") and not m.group("pos").startswith(("’", "'")):
                modifiers = m.group("pos").split()
                if modifiers:  # "Trump loyal allies" is no compound: only "Trump allies"
                    continue
            tgt = next((a for a in actors if a.end == head and (a.target or a.member_of)), None)
        if tgt is None or len(tgt.label) <= PRONOUN_LABEL_CHARS:
            continue
        before = re.findall(r"[\w’'-]+", text[start : m.start()])[-NEGATION_WORDS:]
        if any(w.lower() in NEGATIONS or w.lower() == "no" for w in before):
            continue
        holder = _described(text, start, m, actors, tgt)
        plural = noun.endswith("s") and noun not in SINGULAR_IN_S
        if holder is None and not plural:
            continue
        holder = holder or Actor(m.group("noun"), m.start("noun"), m.end("noun"))
        if entity(holder) == entity(tgt):
            continue
        score = RELATION_SCORE * float(RELATION_NOUNS[noun])
        out.append((holder, tgt, score, [text[m.start("noun") : m.end()].strip() or noun], "relation noun"))
    return out


__all__ = ["may_match", "may_relate", "mutual_acts", "relation_nouns", "requests_to_leave"]
