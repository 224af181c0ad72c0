"""The agent of a stance cue named after it, and the other agents of its list (round 8 of issue 23's opinions).

A passive cue ("was praised *by X*"), a noun cue with its group ("criticism *from X*", "support *among X*")
and a received noun ("drew the ire *of X*") name their holder after the cue. :func:`holder_phrase` reads that
phrase (moved here from :mod:`newslab.cue_roles`, where it was ``_holder_phrase``); two rules of round 8
widen it, each named in the row's ``holder_rule`` and switchable for ``validation/cv_opinions.py``:

* "agent head": a capitalized word that only modifies the noun after it is no holder: "by Fox hosts Sean
  Hannity" -> Sean Hannity (not "Fox"), "by many Washington journalists" -> "Washington journalists";
* "coordinated agent" (:func:`coordinated_agents`): every member of a list of agents holds the stance:
  "admired by Democrats and Republicans alike", "criticism from Drudge Report, Sean Hannity", "endorsed by
  Sanders and Warren".

:func:`other_holders` gives the stance pass the extra holders of one row: the coordinated subjects of
:func:`newslab.clause_roles.coordinated_holders` and the coordinated agents here.
"""

from __future__ import annotations

import re

from newslab.actors import OBJECT_GAP, PREPOSITIONS, Actor, clean_label, entity
from newslab.clause_roles import coordinated_holders
from newslab.descriptions import word_tags
from newslab.holders import clean_holder
from newslab.lexicons import rule_words

#: Words skipped between a subject and its verb cue ("Trump has always been very critical of").
AUXILIARIES = frozenset(rule_words("cue_roles.AUXILIARIES"))
#: Relative pronouns: a noun phrase ends before them.
RELATIVES = frozenset({"who", "which", "that"})
OBJECT_PHRASE_WORDS = 4  # at most this many words of an unnamed object noun phrase ("the new defence plan")
HEAD_NOUNS = 2  # lowercase nouns at most after a capitalized modifier ("Fox hosts", "Washington journalists")
LIST_ITEMS = 6  # agents at most in one list ("Stevie Wonder, Ricky Martin, Cher, Magic Johnson and ...")

#: Switches of the round-8 rules, for validation/cv_opinions.py.
ENABLED = {"agent head": True, "coordinated agent": True}

#: Holder rules whose holder is the subject right before the cue: a list ending in it holds the stance too
#: (rule "coordinated holder", newslab.clause_roles; moved here from newslab.stance in round 8).
SUBJECT_RULES = frozenset({"subject", "subject (not a named actor)", "subject (coordinated verb)",
                           "subject (coordinated verb, not a named actor)"})  # fmt: skip
#: Holder rules whose holder is named after the cue (an agent): :func:`coordinated_agents` adds its list.
AGENT_RULES = ("passive agent", "group after noun", "holder after a received noun")

_TOKEN = re.compile(r"[\w’'.-]*\w|[,;:()“”\"—–]")
_POSSESSIVE_END = re.compile(r"[’']s$")
#: What joins two agents of a list: a comma, "and", "or", "as well as" (with "the" or "both" after it).
_AGENT_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as well as\s+)(?:the\s+)?")


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, lo, hi)]


def noun_phrase_before(tokens: list[tuple[str, int, int]], i: int) -> Actor:
    """The noun phrase ending at token ``i``: a capitalized run ("Senate Republicans") or "the plan"."""
    word, _, end = tokens[i]
    j = i
    if not word[:1].isupper() and i > 0 and tokens[i - 1][0][:1].isupper():
        j = i - 1  # "NATO leaders", "Senate aides"
    if tokens[j][0][:1].isupper():
        while j > 0 and tokens[j - 1][0][:1].isupper() and tokens[j - 1][0] not in ("“", '"'):
            j -= 1
    label = " ".join(t[0] for t in tokens[j : i + 1])
    return Actor(clean_label(_POSSESSIVE_END.sub("", label)), tokens[j][1], end)


def _head_after(tokens: list[tuple[str, int, int]], i: int, j: int, actors: list[Actor]) -> Actor | None:
    """Rule "agent head": the capitalized run ``tokens[i..j]`` only modifies the lowercase nouns after it.

    "Fox hosts Sean Hannity" -> Sean Hannity (the name after the nouns); "Washington journalists" -> "Washington
    journalists" (a plural noun: the group); "Democrats who", "Sanders on Tuesday" -> None (no noun follows).
    """
    tags = word_tags()
    k = j
    while k + 1 < len(tokens) and k - j < HEAD_NOUNS:
        low = tokens[k + 1][0]
        if not low.isalpha() or not low.islower() or low in PREPOSITIONS | RELATIVES | AUXILIARIES:
            break
        if not tags.get(low, "").startswith("NN"):
            break
        k += 1
    if k == j:
        return None
    if k + 1 < len(tokens) and tokens[k + 1][0][:1].isupper():  # a name after the nouns: "hosts Sean Hannity"
        name = next((a for a in actors if a.start == tokens[k + 1][1]), None)
        n = k + 1
        while n + 1 < len(tokens) and tokens[n + 1][0][:1].isupper() and n - k < OBJECT_PHRASE_WORDS:
            n += 1
        return name or noun_phrase_before(tokens, n)
    if tags.get(tokens[k][0], "") == "NNS":
        return Actor(" ".join(t[0] for t in tokens[i : k + 1]), tokens[i][1], tokens[k][2])
    return None


def holder_phrase(text: str, pos: int, limit: int, actors: list[Actor]) -> tuple[Actor | None, str]:
    """The actor, or the noun phrase, that starts at ``pos`` ("by many NATO allies", "from 33 Democrats").

    With the rule that read it, for the row's ``holder_rule``: "" or " (agent head)".

    Example:
        >>> text = "He was praised by Fox hosts Sean Hannity and Laura Ingraham."
        >>> agent, rule = holder_phrase(text, text.index("Fox"), len(text), [])
        >>> agent.label, rule
        ('Sean Hannity', ' (agent head)')
    """
    actor = next((a for a in actors if a.start == pos), None)
    if actor is not None:
        return actor, ""
    tokens = _tokens(text, pos, limit)
    i = 0
    while i < len(tokens) and (tokens[i][0].lower() in OBJECT_GAP or tokens[i][0][:1].isdigit()):
        i += 1
    if i >= len(tokens) or not tokens[i][0][:1].isalpha():
        return None, ""
    j = i
    capitalized = tokens[i][0][:1].isupper()
    while j + 1 < len(tokens) and j - i < OBJECT_PHRASE_WORDS - 1:
        nxt = tokens[j + 1][0]
        if (capitalized and not nxt[:1].isupper()) or not nxt[:1].isalpha() or nxt.lower() in PREPOSITIONS:
            break
        if not capitalized and nxt.lower() in RELATIVES | AUXILIARIES:
            break
        j += 1
    phrase = noun_phrase_before(tokens, j)
    if not capitalized:
        phrase = Actor(" ".join(t[0] for t in tokens[i : j + 1]), tokens[i][1], tokens[j][2])
    at = next((a for a in actors if phrase.start <= a.start < phrase.end), None)
    head = _head_after(tokens, i, j, actors) if capitalized and ENABLED["agent head"] else None
    if head is not None:  # "Fox hosts Sean Hannity", "Washington journalists"
        return head, " (agent head)"
    return at or phrase, ""


def _is_named_agent(agent: Actor, actors: list[Actor]) -> bool:
    """A known actor, or a capitalized phrase that :func:`newslab.holders.clean_holder` keeps."""
    return any(a is agent for a in actors) or (agent.label[:1].isupper() and bool(clean_holder(agent.label)))


def coordinated_agents(text: str, first: Actor, hi: int, actors: list[Actor]) -> list[Actor]:
    """Rule "coordinated agent": the other agents of a list that starts with ``first`` (an agent after the cue).

    Each agent is a known actor or a capitalized phrase (:func:`holder_phrase`); the list ends at a word that is
    no agent, or at an agent followed by a verb ("praised by Sanders and Warren said ...": Warren opens a clause).

    Example:
        >>> text = "Garland is admired by Democrats and Republicans alike."
        >>> [a.label for a in coordinated_agents(text, Actor("Democrats", 22, 31), len(text), [])]
        ['Republicans']
        >>> text = "Clinton was endorsed by Sanders and Warren praised her."
        >>> coordinated_agents(text, Actor("Sanders", 24, 31), len(text), [])
        []
    """
    if not ENABLED["coordinated agent"]:
        return []
    found: list[Actor] = []
    end = first.end
    tags = word_tags()
    while len(found) < LIST_ITEMS:
        gap = _AGENT_GAP.match(text, end, hi)
        if gap is None or gap.end() == end:
            break
        agent, _ = holder_phrase(text, gap.end(), hi, actors)
        if agent is None or not _is_named_agent(agent, actors):
            break  # "and many others": no named agent
        following = re.match(r"\s+([a-z]+)", text[agent.end : hi])
        if following is not None and tags.get(following.group(1), "").startswith(("VB", "MD")):
            break  # "... by Sanders and Warren praised her": a new clause
        found.append(agent)
        end = agent.end
    return found


def other_holders(
    text: str, lo: int, cue_start: int, cue_end: int, hi: int, holder: str, hrule: str, actors: list[Actor]
) -> list[tuple[str, str]]:
    """The other holders of one stance row, each with the rule that adds it.

    ``hrule`` one of :data:`SUBJECT_RULES` (the holder is the subject of its cue): the other names of a list ending
    in it (:func:`newslab.clause_roles.coordinated_holders`, "coordinated holder"); ``hrule`` one of
    :data:`AGENT_RULES`: the other agents of a list starting with it (:func:`coordinated_agents`).

    Example:
        >>> text = "Garland is admired by Democrats and Republicans alike."
        >>> other_holders(text, 0, 11, 18, len(text), "Democrats", "passive agent", [])
        [('Republicans', 'coordinated agent')]
    """
    if hrule in SUBJECT_RULES:
        return [(h, "coordinated holder") for h in coordinated_holders(text, lo, cue_start, holder, actors)]
    if not hrule.startswith(AGENT_RULES) or not ENABLED["coordinated agent"]:
        return []
    first = next((a for a in actors if cue_end <= a.start < hi and holder in (a.label, entity(a))), None)
    if first is None:
        at = text.find(holder, cue_end, hi)
        first = Actor(holder, at, at + len(holder)) if at >= 0 else None
    if first is None:
        return []
    out: list[tuple[str, str]] = []
    for agent in coordinated_agents(text, first, hi, actors):
        name = clean_holder(entity(agent))
        if name and name != holder and name not in (h for h, _ in out):
            out.append((name, "coordinated agent"))
    return out
