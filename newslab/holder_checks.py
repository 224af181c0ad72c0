"""Checks of a stance row's holder against its own sentence: the actor's whole phrase, and acts that are not theirs.

Issue 23 round 7 (branch ``sq6``), read on the spent part ``heldout3``. Each check runs on a row that
:func:`newslab.stance.article_stance` is about to add (after :func:`newslab.holders.clean_holder`) and either keeps
it, replaces the holder by the actor the phrase names, or drops it; the rule's name goes into ``holder_rule``:

* ``holder:person of place`` -- "Larry Hogan *of Maryland*, a frequent critic": the holder is the person before
  "of"/"from", never the place;
* ``holder:description not resolved`` -- "the senator *from New York*", "the Governor *of Maryland*", "The former
  vice *president* has clashed": a role description with no name the pass resolved gives no row (never a bare
  "president" cut from a longer description; "The president attacked X" stays as written, as the coders do);
* ``holder:group in place`` -- "*Democrats* in Congress demanded": the group, not the place;
* ``holder:thing is no actor`` -- "The *remarks* came a day after he … accusing Germany": a thing said or done gives
  no row unless its author is named before it ("Trump's remarks" -> Trump, rule ``holder:author of the thing``);
* ``holder:perceived act`` -- "a line Mr. Trump's allies *took as a jab at* the former president": the act after
  "took/saw … as" is not the perceivers';
* ``holder:negated act of support`` -- "She *did not defend* General Suleimani": no position, not the opposite;
* ``holder:target in the patient's relative clause`` -- "Mueller, *who led the F.B.I. under … Obama*, was praised by
  Republicans": the passive agent's target is the patient, never a name inside its relative clause.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from newslab.errors import NewslabError
from newslab.lexicons import rule_words

#: Characters read before a holder's occurrence for "X of", "X from", "X in", "X's" (a few words).
LOOKBACK = 80  # enough for a two-word name, a title and "of the"; set by reading the heldout3 rows
#: Words read before a cue for "took … as a" (the perceiving verb, an object pronoun, "as", an article).
PERCEIVE_GAP = 4  # "took it as a jab at": verb + pronoun + "as" + article

_CAP_RUN = re.compile(r"((?:[A-Z][\w.’'-]*\s+){1,4})(of|from)\s+(?:the\s+)?$")
_ROLE_BEFORE = re.compile(r"(\w+)\s+(?:of|from)\s+(?:the\s+)?$")
_GROUP_IN = re.compile(r"\b(\w+)\s+in\s+(?:the\s+)?$")
_POSSESSOR = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)['’]s\s+(?:\w+\s+)?$")
_RELATIVE = re.compile(r",\s+(?:who|whom|whose|which)\b")
_WORD = re.compile(r"[\w’'-]+")


@functools.cache
def _words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in rule_words(f"holder_checks.{name}"))


@functools.cache
def _groups() -> frozenset[str]:
    return frozenset(rule_words("discourse_rivals.GROUPS")) | {w + "s" for w in rule_words("holders.ACTOR_NOUNS")}


def _named(words: str, names: Sequence[str]) -> str:
    """The registry name that ``words`` (capitalized words) end with, or ""."""
    run = words.split()
    for k in range(len(run)):
        phrase = " ".join(run[k:]).rstrip(".,")
        for name in names:
            if name == phrase or name.endswith(" " + phrase):
                return name
    return ""


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what a regex's \\w matches


def _occurrences(text: str, lo: int, hi: int, holder: str) -> list[int]:
    """Starts of ``holder`` as whole words in ``text[lo:hi]`` (``str.find``: no pattern compiled per holder).

    >>> _occurrences("Hogan of Maryland and Hogans", 0, 28, "Hogan")
    [0]
    """
    out: list[int] = []
    at = text.find(holder, lo, hi) if holder else -1
    while at >= 0:
        end = at + len(holder)
        if not (at > 0 and _is_word_char(text[at - 1])) and not (end < hi and _is_word_char(text[end])):
            out.append(at)  # as the regex did: the left look may see before lo, the right one stops at hi
            at = text.find(holder, end, hi)
        else:
            at = text.find(holder, at + 1, hi)
    return out


def _phrase_holder(text: str, sent: tuple[int, int], holder: str, names: Sequence[str]) -> tuple[str, str] | None:
    """(new holder or "", rule) when every occurrence of ``holder`` stands inside a longer actor phrase, else None."""
    starts = _occurrences(text, *sent, holder) or _occurrences(text, 0, sent[0], holder)[-1:]
    if not starts or not holder[:1].isupper():
        return None
    found: set[tuple[str, str]] = set()
    for start in starts:
        before = text[max(0, start - LOOKBACK) : start]
        cap = _CAP_RUN.search(before)
        role = _ROLE_BEFORE.search(before)
        group = _GROUP_IN.search(before)
        if cap is not None and _named(cap.group(1), names):
            found.add((_named(cap.group(1), names), "holder:person of place"))
        elif role is not None and role.group(1).lower() in _words("ROLE_NOUNS"):
            found.add(("", "holder:description not resolved"))
        elif group is not None and group.group(1) in _groups():
            found.add((group.group(1), "holder:group in place"))
        else:
            return None  # the holder stands on its own somewhere: as written
    return sorted(found)[0] if len(found) == 1 else ("", "holder:description not resolved")


def _thing_holder(text: str, sent: tuple[int, int], holder: str, names: Sequence[str]) -> tuple[str, str] | None:
    """("author name" or "", rule) when ``holder`` is a thing said or done ("remarks"), else None."""
    words = _WORD.findall(holder)
    if not words or words[-1] not in _words("THING_NOUNS"):
        return None  # lowercase only: "Pentagon Remarks" is as written
    for start in _occurrences(text, *sent, holder):
        owner = _POSSESSOR.search(text[max(0, start - LOOKBACK) : start])
        if owner is not None and _named(owner.group(1), names):
            return _named(owner.group(1), names), "holder:author of the thing"
    return "", "holder:thing is no actor"


def _cut_role(text: str, sent: tuple[int, int], holder: str) -> bool:
    """A lone lowercase office cut from a description of another bearer ("The former vice *president*")."""
    words = [w for w in _WORD.findall(holder) if w.lower() not in ("the", "a", "an")]
    if len(words) != 1 or not words[0].islower() or words[0] not in _words("ROLE_NOUNS"):
        return False
    for start in _occurrences(text, *sent, words[0]):
        before = _WORD.findall(text[max(0, start - LOOKBACK) : start])
        if before and before[-1].lower() in _words("OTHER_BEARER"):
            return True  # a modifier before the head ("former vice"): the whole phrase is someone else
    return False


def _cue_text(cue_words: Sequence[str]) -> str:
    first = cue_words[0] if cue_words else ""
    return first.rsplit("… ", 1)[-1].removeprefix("not ").strip()


def perceived_act(sentence: str, cue_words: Sequence[str]) -> bool:
    """Rule "holder:perceived act": the cue follows "took/saw/viewed … as (a)" ("took as a jab at").

    Example:
        >>> perceived_act("a line the allies took as a jab at the former president", ["jab at"])
        True
        >>> perceived_act("the allies made a jab at the former president", ["jab at"])
        False
    """
    cue = _cue_text(cue_words)
    if not cue:
        return False
    at = sentence.find(cue)
    if at < 0:
        return False
    words = [w.lower() for w in _WORD.findall(sentence[:at])][-PERCEIVE_GAP:]
    if "as" not in words:
        return False
    k = len(words) - 1 - words[::-1].index("as")
    passive = frozenset(rule_words("tone_constructions.PASSIVE_AUX"))  # "has been viewed as hostile": no perceiver
    return any(w in _words("PERCEIVING_VERBS") and not (j and words[j - 1] in passive) for j, w in enumerate(words[:k]))


def negated_support(cue_words: Sequence[str], score: float) -> bool:
    """Rule "holder:negated act of support": "did not defend X" is no position (the cue words start "not ").

    Example:
        >>> negated_support(["not defend"], -0.5), negated_support(["not criticize"], 0.0)
        (True, False)
    """
    first = cue_words[0] if cue_words else ""
    if score >= 0 or not first.startswith("not "):
        return False
    word = _cue_text(cue_words).split()[:1]
    return bool(word) and any(word[0].lower().startswith(stem) for stem in _words("SUPPORT_ACTS"))


def in_patients_clause(text: str, sent: tuple[int, int], target: tuple[int, int], cue_words: Sequence[str]) -> bool:
    """Rule "holder:target in the patient's relative clause": ", who … <target> …, was praised by X".

    Example:
        >>> s = "Mueller, who served under Barack Obama, was praised by Republicans."
        >>> in_patients_clause(s, (0, len(s)), (s.index("Barack"), s.index(",", 9)), ["praised"])
        True
        >>> s = "Barack Obama was praised by Republicans."
        >>> in_patients_clause(s, (0, len(s)), (0, 12), ["praised"])
        False
    """
    cue = _cue_text(cue_words)
    at = text.find(cue, target[1], sent[1]) if cue else -1
    if at < 0:
        return False
    opener = [m for m in _RELATIVE.finditer(text, sent[0], target[0])]
    if not opener:
        return False
    inside = text[opener[-1].end() : target[0]]
    return "," not in inside and "," in text[target[1] : at]


def sent_span(article: Any, index: int) -> tuple[int, int]:
    """The character span of sentence ``index`` of a parsed article."""
    sent = article.sentences[index]
    return sent.start, sent.end


def repeats(rows: Sequence[Mapping[str, Any]], key: tuple[int, str, int, str, list[str]]) -> bool:
    """Whether a row with this (sentence_id, holder, start, stance, cues) is already there.

    A corrected holder may be: "Larry Hogan of Maryland, a frequent critic of" gives Hogan's row by two rules.
    """
    return any((r["sentence_id"], r["holder"], r["start"], r["stance"], r["cues"]) == key for r in rows)


def checked_holder(
    text: str,
    sent: tuple[int, int],
    holder: str,
    hrule: str,
    target: tuple[int, int],
    score: float,
    cue_words: Sequence[str],
    names: Sequence[str],
) -> tuple[str, str]:
    """The row's (holder, holder_rule) after the checks above; holder "" means no row.

    Args:
        text: The article text.
        sent: The row's sentence span.
        holder: The holder as :func:`newslab.holders.clean_holder` left it.
        hrule: Its rule so far; a check that fires appends ``"; <rule>"`` to it.
        target: The target mention's span.
        score: The row's score (negative: against).
        cue_words: The row's cue words (a negated cue starts "not ").
        names: The article's name registry (:func:`newslab.names.name_registry`).

    Raises:
        NewslabError: If a span is not inside the text.

    Example:
        >>> s = "The governor was Larry Hogan of Maryland, a frequent critic of Mr. Trump."
        >>> checked_holder(s, (0, len(s)), "Maryland", "relation noun", (63, 72), -1.0, ["critic of"], ("Larry Hogan",))
        ('Larry Hogan', 'relation noun; holder:person of place')
        >>> s = "Democrats in Congress demanded to know why the president had not consulted them."
        >>> checked_holder(s, (0, len(s)), "Congress", "subject", (43, 56), -1.0, ["demanded"], ())
        ('Democrats', 'subject; holder:group in place')
    """
    if not (0 <= sent[0] <= sent[1] <= len(text)) or not (0 <= target[0] <= target[1] <= len(text)):
        raise NewslabError(f"checked_holder: span {sent} or {target} is outside a text of {len(text)} characters")
    if not holder or holder == "author":
        return holder, hrule
    sentence = text[sent[0] : sent[1]]
    if not hrule.startswith("speaker") and perceived_act(sentence, cue_words):  # a speaker reports the view
        return "", f"{hrule}; holder:perceived act"
    if negated_support(cue_words, score):
        return "", f"{hrule}; holder:negated act of support"
    if hrule.startswith("passive agent") and in_patients_clause(text, sent, target, cue_words):
        return "", f"{hrule}; holder:target in the patient's relative clause"
    found = _thing_holder(text, sent, holder, names) or _phrase_holder(text, sent, holder, names)
    if found is None and _cut_role(text, sent, holder):
        found = "", "holder:description not resolved"
    if found is None:
        return holder, hrule
    return found[0], f"{hrule}; {found[1]}"
