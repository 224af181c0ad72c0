"""Clause shapes that move a stance cue's holder or add targets: appositions, "X of Y", participle openers, lists.

The stance rules (:mod:`newslab.cue_roles`) read a cue's holder as the subject right before it. Four
shapes of news English put the holder or the targets elsewhere; each rule here is named and cited in
the row's evidence (issue 23):

* :func:`apposition_subject`: "Ben Jacobs, *a reporter for The Guardian*, accused Gianforte" - the
  holder is the name before the apposition, not "The Guardian";
* :func:`head_before_of`: "Elizabeth Warren *of Massachusetts* slammed Schultz" - the holder is the
  name before "of/from", not the place or body after it;
* :func:`participle_opener`: "*Blasting* President Obama for ..., Mitt Romney delivered" - a
  participle that opens the sentence is held by the subject of the main clause after its comma;
* :func:`coordinated_targets`: "accused Sereno *and* Ombudsman Conchita Morales", "thanked both Obama
  *and* Biden" - every actor of a list after the cue's target is a target too;
* :func:`coordinated_holders` (round 6): "*Bob Corker and* Jeff Flake denounced Trump" - every name of a
  list that ends in the subject holder ("A and B", "A, B and C") and opens its clause holds the stance too.
"""

from __future__ import annotations

import re

from newslab.actors import Actor, entity, preceded_by_preposition
from newslab.descriptions import word_tags
from newslab.lexicons import rule_words

#: Words that open an apposition after a name ("X, a reporter for Y, said"; "X, the mayor of Y,").
APPOSITION_OPENERS = frozenset(rule_words("clause_roles.APPOSITION_OPENERS"))
#: Capitalized function words that start no name ("The", "It", "But").
NOT_A_NAME = frozenset(rule_words("clause_roles.NOT_A_NAME"))
#: Title words skipped before a name in a list of holders ("Sen. Bob Corker and ..."), lowercase.
HOLDER_TITLES = frozenset(rule_words("cue_roles.TITLE_WORDS"))
#: Switches of rule "coordinated holder" (round 6) and of the round-8 rules "list items" and "noun cue list"
#: (:func:`coordinated_targets`), for validation/cv_opinions.py.
ENABLED = {"coordinated holder": True, "list items": True, "noun cue list": True}
APPOSITION_WORDS = 15  # an apposition longer than this is no apposition (set by hand on news sentences)
#: Words that may stand between the closing comma of an apposition and the cue (auxiliaries, adverbs).
_BETWEEN = re.compile(r",\s*(?:(?:has|have|had|was|is|also|then|later|earlier|repeatedly|publicly|\w+ly)\s+)*$")
LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as well as\s+|&\s+)(?:(?:on|of|to|against|with|for)\s+)?"
    r"(?:the\s+|both\s+)?$"
)
#: Capitalized titles that may stand between a list word and the next name ("and Ombudsman Conchita Morales").
_TITLE = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){1,3}$")
_CLAUSE_BREAK = re.compile(r"[,;:“\"]")  # a character that ends a clause before "to" (one character, no context)


def apposition_subject(text: str, lo: int, cue_start: int, actors: list[Actor]) -> Actor | None:
    """Rule "subject before an apposition": the name before ", a/an/the ... ," that ends right before the cue.

    Example:
        >>> text = "Ben Jacobs, a reporter for The Guardian, accused Gianforte."
        >>> apposition_subject(text, 0, text.index("accused"), [Actor("Ben Jacobs", 0, 10)]).label
        'Ben Jacobs'
    """
    if _BETWEEN.search(text, lo, cue_start) is None:
        return None
    for a in sorted((a for a in actors if lo <= a.start and a.end < cue_start), key=lambda a: -a.start):
        opener = re.match(r",\s+([\w’'-]+)", text[a.end : cue_start])
        if opener is None:
            continue
        if opener.group(1).lower() in APPOSITION_OPENERS and _short_phrase(text[a.end : cue_start]):
            return a
    name = _NAME_THEN_APPOSITION.match(text, lo, cue_start)  # a name the registry does not know ("Corker, who ...")
    if name is not None and _short_phrase(text[name.end("name") : cue_start]):
        return Actor(name.group("name"), name.start("name"), name.end("name"))
    return None


def apposition_relative(text: str, lo: int, phrase_end: int, actors: list[Actor]) -> Actor | None:
    """Rule "relative clause in an apposition": the name before ", a/an/the <phrase>" that "who" follows.

    "Sanders, a Democratic presidential candidate who has been feuding with X" -> Sanders.

    Example:
        >>> text = "Sanders, a Democratic candidate who has been feuding with Wasserman Schultz, spoke."
        >>> apposition_relative(text, 0, text.index(" who"), []).label
        'Sanders'
    """
    for a in sorted((a for a in actors if lo <= a.start and a.end < phrase_end), key=lambda a: -a.start):
        if _RELATIVE_APPOSITION.fullmatch(text, a.end, phrase_end) and _short_phrase(text[a.end : phrase_end]):
            return a
    name = _NAME_THEN_APPOSITION.match(text, lo, phrase_end)
    if name is None or not _RELATIVE_APPOSITION.fullmatch(text, name.end("name"), phrase_end):
        return None
    if name.group("name").split()[0].lower() in NOT_A_NAME or not _short_phrase(text[name.end("name") : phrase_end]):
        return None
    return Actor(name.group("name"), name.start("name"), name.end("name"))


#: The apposition between a name and its relative clause: ", a/an/the/one of the <words without comma>".
_RELATIVE_APPOSITION = re.compile(r",\s+(?:a|an|the|one\s+of\s+the)\s+[^,;:“”\"()—–]+")


def _short_phrase(middle: str) -> bool:
    """An apposition: at most APPOSITION_WORDS words, no quote mark, colon or semicolon."""
    return len(re.findall(r"[\w’'-]+", middle)) <= APPOSITION_WORDS and not re.search(r"[;:“”\"]", middle)


_NAME_THEN_APPOSITION = re.compile(
    r"\s*(?P<name>(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+),\s+(?:a|an|the|former|who|whose)\b"
)


def head_before_of(text: str, lo: int, start: int, actors: list[Actor]) -> Actor | None:
    """Rule "name before of/from": the actor right before "of/from (the)" that precedes ``start``.

    Example:
        >>> text = "Elizabeth Warren of Massachusetts slammed Schultz."
        >>> head_before_of(text, 0, text.index("Massachusetts"), [Actor("Elizabeth Warren", 0, 16)]).label
        'Elizabeth Warren'
    """
    for a in actors:
        if lo <= a.start and a.end <= start and _OF_PLACE.fullmatch(text[a.end : start]):
            return a
    return None


#: "of/from" and the capitalized words of a place or body before the name at ``start`` ("of the Ethics and ").
_OF_PLACE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+(?:(?:and|&)\s+)?)*")


def participle_opener(text: str, lo: int, cue_start: int, cue_end: int, hi: int, actors: list[Actor]) -> Actor | None:
    """Rule "participle opener": an -ing cue that opens the sentence is held by the main clause's subject.

    The subject is the first actor that follows a comma after the cue ("Accusing Trump of betraying
    his trust, Green referenced ..."); a dateline before the cue ("CHILLICOTHE, Ohio — ") is skipped.

    Example:
        >>> text = "Blasting Obama for his campaign, Mitt Romney delivered a critique."
        >>> participle_opener(text, 0, 0, 8, len(text), [Actor("Obama", 9, 14), Actor("Mitt Romney", 32, 43)]).label
        'Mitt Romney'
    """
    opening = text[lo:cue_start]
    if not text[cue_start:cue_end].lower().endswith("ing") or not re.fullmatch(r"(?:[^—–]{0,40}[—–]\s*)?", opening):
        return None
    for a in actors:
        if a.start > cue_end and re.search(r",[”\"’']?\s*(?:the\s+)?$", text[cue_end : a.start]) and a.end <= hi:
            return a
    after = re.search(rf",[”\"’']?\s+(?P<name>{_NAME})\s+[a-z]", text[cue_end:hi])  # a name the registry lacks
    if after is None or after.group("name").split()[0].lower() in NOT_A_NAME:
        return None
    return Actor(after.group("name"), cue_end + after.start("name"), cue_end + after.end("name"))


def coordinated_targets(text: str, first: Actor, hi: int, actors: list[Actor], *, noun: bool = False) -> list[Actor]:
    """Rule "list of targets": the actors joined to ``first`` by "and", "or", commas or "as well as".

    Example:
        >>> text = "Sanders thanked Obama and Biden for their impartiality."
        >>> [a.label for a in coordinated_targets(text, Actor("Obama", 16, 21), len(text), [Actor("Biden", 26, 31)])]
        ['Biden']
    """
    return [a for a, _ in listed_targets(text, first, hi, actors, noun=noun)]


def listed_targets(
    text: str, first: Actor, hi: int, actors: list[Actor], *, noun: bool = False
) -> list[tuple[Actor, str]]:
    """:func:`coordinated_targets` with the rule that joined each: "list", "list items" or "noun cue list".

    Round 8 (each switchable): rule "list items" also steps over short items that are no actor and over lowercase
    titles before a name ("attacked Facebook, Twitter bots, The New York Times, Steve Bannon", "slammed son-in-law
    Jared Kushner and ex-campaign chairman Paul Manafort"); rule "noun cue list": after a noun cue (``noun``) the
    list may be the subject of a linking verb after it ("Trump's attack on Omar and Tlaib is central").

    Example:
        >>> text = "Clinton attacked Facebook, Twitter bots, The New York Times, Steve Bannon and the media."
        >>> [(a.label, how) for a, how in listed_targets(text, Actor("Facebook", 17, 25), len(text),
        ...                                              [Actor("Steve Bannon", 61, 73)])]
        [('Steve Bannon', 'list items')]
    """
    found: list[tuple[Actor, str]] = []
    end = first.end
    for a in sorted((a for a in actors if a.start >= end and a.end <= hi), key=lambda a: a.start):
        gap = text[end : a.start]
        title = re.search(r"(?:[A-Z][\w.’'-]*\s+){1,3}$", gap)
        core = gap[: title.start()] if title is not None and LIST_GAP.match(gap[: title.start()]) else gap
        how = "list" if LIST_GAP.match(core) else "list items" if ENABLED["list items"] and _list_gap(core) else ""
        if not how:
            break
        following = re.match(r"\s+([a-z]+)", text[a.end : hi])
        if following is not None and word_tags().get(following.group(1), "").startswith(("VB", "MD")):
            if not (noun and ENABLED["noun cue list"] and following.group(1) in _LINKING):
                break  # "criticized NATO and Trump praised ...": a new clause, not a list
            how = "noun cue list"
        found.append((a, how))
        end = a.end
    return found


LIST_ITEM_WORDS = 4  # words at most of an item of a list that is no actor ("Twitter bots", "The New York Times")
#: Verbs whose subject may be a noun phrase ending in a list ("Trump's attack on Omar and Tlaib is central").
_LINKING = frozenset(rule_words("clause_roles.LINKING_VERBS"))


_NOT_IN_ITEM = ("VB", "MD", "IN", "TO", "RB", "PRP", "WDT", "WP")  # tags of words no list item holds
_NOT_ITEM_WORDS = NOT_A_NAME - {"the", "a", "an"}  # "it", "that", "but", "in", "on": no item of a list of names


def _list_gap(gap: str) -> bool:
    """Rule "list items": a gap of list words, short items that are no actor and lowercase titles before a name.

    ", Twitter bots, The New York Times, " and " and ex-campaign chairman " are list gaps; ", saying that " is none
    (a verb), nor " for years and " (a preposition).

    Example:
        >>> [_list_gap(g) for g in (", Twitter bots, The New York Times, ", " and conspiracy site ", ", saying ")]
        [True, True, False]
    """
    parts = re.split(r"\s*,\s*|\s+(?:and|or)\s+", gap)
    if len(parts) < 2 or parts[0].strip():
        return False  # the gap must open with a comma or "and"/"or" right after the earlier item
    tags = word_tags()
    for k, part in enumerate(parts[1:], start=1):
        words = part.split()
        if k < len(parts) - 1 and not words:
            continue  # ", and": an empty item between a comma and "and"
        if len(words) > LIST_ITEM_WORDS:
            return False
        for w in words:
            low = w.lower()
            if low in ("and", "or"):
                continue
            if tags.get(low, "").startswith(_NOT_IN_ITEM) or low in _NOT_ITEM_WORDS:
                return False
        if k == len(parts) - 1 and any(w[:1].isupper() for w in words) and not all(w[:1].isupper() for w in words):
            return False  # the last part is the title before the name: all lowercase or all capitalized
    return True


_NAME = r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*"
_NAME_AT_END = re.compile(rf"(?<![\w’'-])(?P<name>{_NAME})$")
_OPENING_NAME = re.compile(rf"\s*(?:[^—–]{{0,40}}[—–]\s*)?(?P<name>{_NAME}),\s")
#: Nouns of intention before "to": "X's attempt to smear Y" is X's act (general English, issue 23).
_INTENT = re.compile(
    rf"(?P<name>{_NAME})[’']s\s+(?:[a-z-]+\s+){{0,2}}(?:attempts?|efforts?|bid|push|decision|move|refusal|vow|pledge|"
    r"promise|plans?|threats?|willingness|readiness|eagerness|desire|call|calls)\s+$"
)


def name_before(text: str, lo: int, pos: int, actors: list[Actor]) -> Actor | None:
    """Rule "name before": the actor, else the capitalized name (up to 4 words), that ends at ``pos``.

    For names the registry does not know ("Trump’s spat with Fox News" when Trump is no target).

    Example:
        >>> name_before("Trump’s spat with Fox News", 0, 5, []).label
        'Trump'
    """
    actor = next((a for a in actors if lo <= a.start and a.end == pos), None)
    if actor is not None:
        return actor
    found = _NAME_AT_END.search(text, lo, pos)
    if found is None or found.group("name").lower() in NOT_A_NAME:
        return None
    return Actor(found.group("name"), found.start("name"), found.end("name"))


def opening_name(text: str, lo: int, pos: int) -> Actor | None:
    """Rule "opening name": the capitalized name that opens the sentence before a comma.

    For a verb cue after a comma when no actor is known ("Sanders, as he has before, hammered Clinton").

    Example:
        >>> text = "Sanders, as he has before, hammered Clinton."
        >>> opening_name(text, 0, text.index("hammered")).label
        'Sanders'
    """
    found = _OPENING_NAME.match(text, lo, pos)
    if found is None or found.group("name").split()[0].lower() in NOT_A_NAME:
        return None
    return Actor(found.group("name"), found.start("name"), found.end("name"))


def intention_owner(text: str, lo: int, to_start: int, actors: list[Actor]) -> Actor | None:
    """Rule "owner of an intention": "Kamala Harris’s debunked attempt to smear Kavanaugh" -> Kamala Harris.

    Example:
        >>> text = "Kamala Harris’s debunked attempt to smear Kavanaugh."
        >>> intention_owner(text, 0, text.index(" to ") + 1, []).label
        'Kamala Harris'
    """
    found = _INTENT.search(text, lo, to_start)
    return None if found is None else name_before(text, lo, found.end("name"), actors)


def object_before_to(text: str, lo: int, to_start: int, actors: list[Actor]) -> Actor | None:
    """Rule "object before to": the last actor of the clause before "to" ("forcing Comey on TV to raise").

    Example:
        >>> text = "McCabe waited, forcing Comey on national television to raise questions."
        >>> object_before_to(text, 0, text.index(" to ") + 1, [Actor("Comey", 23, 28)]).label
        'Comey'
    """
    # only breaks from lo on can end after lo (max() drops the others): the text before lo is not scanned
    clause = max([lo, *(m.end() for m in _CLAUSE_BREAK.finditer(text, lo, to_start))])
    for a in sorted(actors, key=lambda a: -a.start):
        if clause <= a.start and a.end <= to_start and not preceded_by_preposition(text, a.start):
            return a
    return None


def modifiers_only(words: str) -> bool:
    """Whether every word is an adjective or adverb ("sharply negative"): a possessor may stand before them."""
    tags = word_tags()
    return all(tags.get(w, "").startswith(("JJ", "RB")) or w.endswith("ly") for w in words.split())


_LIST_OF_NAMES = re.compile(rf"(?P<list>{_NAME}(?:,\s+{_NAME})*),?\s+and\s+(?P<last>(?:[A-Z][\w.’'-]*\s+){{0,3}})$")
#: What may stand before a list of holders that opens its clause: the sentence start, a punctuation mark,
#: "both" or a word that opens a clause ("On Monday, A and B criticized"; "after A and B criticized").
_CLAUSE_OPENER = re.compile(
    r"(?:^|[,;:—–(“\"]|\b(?:[Bb]oth|"
    + "|".join(re.escape(w) for w in sorted(rule_words("clause_roles.LIST_OPENERS"), key=len, reverse=True))
    + r"))\s*$"
)
_PRONOUNS = frozenset(rule_words("clause_roles.HOLDER_PRONOUNS"))


def coordinated_holders(text: str, lo: int, cue_start: int, holder: str, actors: list[Actor]) -> list[str]:
    """Rule "coordinated holder": the other names of a list ("A and B", "A, B and C") ending in the subject holder.

    ``holder`` is the subject of a cue at ``cue_start``; the list must open its clause (the sentence start, a
    comma, "both", "when", ...), so "Sanders met Obama and Clinton praised him" gives nobody.

    Example:
        >>> text = "Sen. Bob Corker and Sen. Jeff Flake denounced Trump."
        >>> coordinated_holders(text, 0, text.index("denounced"), "Jeff Flake", [])
        ['Bob Corker']
        >>> coordinated_holders("Sanders met Obama and Clinton praised him.", 0, 30, "Clinton", [])
        []
        >>> coordinated_holders("On Monday, Pelosi and Schumer hit Trump.", 0, 30, "Schumer", [])
        ['Pelosi']
    """
    if not ENABLED["coordinated holder"]:
        return []
    at = text.rfind(holder, lo, cue_start)
    named = [a for a in actors if lo <= a.start and a.end <= cue_start and holder in (a.label, entity(a))]
    start = max([a.start for a in named], default=at)
    if start < 0:
        return []
    found = _LIST_OF_NAMES.search(text, lo, start)
    if found is None:
        return []
    names = []
    for m in re.finditer(_NAME, found.group("list")):
        pos = found.start("list") + m.start()
        names.append((pos, m.group(), next((a for a in actors if a.start <= pos < a.end), None)))
    if len(names) > 1 and any(actor is None for _, _, actor in names):
        names = names[-1:]  # "On Monday, Pelosi and Schumer": commas join known actors only ("Trump, Pence and")
    if not _CLAUSE_OPENER.search(text, lo, names[0][0]):
        return []
    out = []
    for _, name_text, actor in names:
        words = name_text.split()
        while words and (words[0].lower() in NOT_A_NAME or words[0].lower().rstrip(".") in HOLDER_TITLES):
            words.pop(0)  # "But Obama", "Sen. Bob Corker": the name without its opener and titles
        name = entity(actor) if actor is not None else " ".join(words)
        if name and name.lower() not in _PRONOUNS and name != holder and name not in out:
            out.append(name)
    return out


#: Third-person pronouns that own an act inside a direct quote ("while they attempt a smear of X", "Their
#: criticisms of X"): the quoted speaker reports someone else's act (issue 23 round 2, branch sq2).
THIRD_PARTY = frozenset(rule_words("clause_roles.THIRD_PARTY"))
#: Words that open a new clause inside a quote (a boundary before the cue's own clause).
_QUOTE_CLAUSE = re.compile(r"(?:[,;:—–(]|\b(?:while|and|but|because|when|as|that|who|which|if|since)\b)", re.I)
_PRONOUN_WORD = re.compile(r"[A-Za-z]+")


def third_party_act(text: str, quote_start: int, cue_start: int, target_start: int) -> bool:
    """Rule "a third party's act in the quote": in a direct quote, a third-person pronoun owns the cue's clause.

    "Chuck Schumer is telling the Democrats to delay while they attempt an 11th hour smear of Judge Kavanaugh,"
    said Blackburn: the smear is theirs, and Blackburn defends Kavanaugh; "Their criticisms of Senator Sanders
    have gone beyond ...," Mr. Deutsch wrote. A pronoun that is the target's own mention is no third party.
    The stance pass asks this for against cues only: praise passed on is shared ("They're loving Melania," Trump
    said: a coder signs Trump -> Melania favor).

    Example:
        >>> t = '"They attempt a smear of Kavanaugh," said Blackburn.'
        >>> third_party_act(t, 1, t.index("smear"), t.index("Kavanaugh"))
        True
        >>> t = '"I call it a smear of Kavanaugh, and they know it," said Blackburn.'
        >>> third_party_act(t, 1, t.index("smear"), t.index("Kavanaugh"))
        False
    """
    lo = quote_start
    for m in _QUOTE_CLAUSE.finditer(text, quote_start, cue_start):
        lo = m.end()
    return any(
        w.group().lower() in THIRD_PARTY and not (w.start() <= target_start < w.end())
        for w in _PRONOUN_WORD.finditer(text, lo, cue_start)
    )
