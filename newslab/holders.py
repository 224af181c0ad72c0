"""Who may hold a stance: a named actor, a resolved pronoun or description, a group noun, or the author.

The stance rules read a holder off the words before a cue. When the sentence is unusual, those
words are not an actor at all: a relative pronoun ("whom"), a participle ("expressing"), an
adjective ("extraordinary", "Italian"), a preposition ("by" in "by accusing"), an unresolved
pronoun ("It", "His team"). :func:`clean_holder` keeps what a coder would sign and returns ""
for the rest, so such a cue gives no row rather than a wrong one (issue 23).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newslab.attribution import Quote
from newslab.descriptions import word_tags
from newslab.lexicons import rule_words, stopwords

#: Words that open a phrase but are no part of the holder ("Despite Trump", "But Merkel", "As NATO").
LEADING = frozenset(rule_words("holders.LEADING"))
#: Pronouns and possessives that never hold a stance unresolved ("It", "His team", "whom").
UNRESOLVED = frozenset(rule_words("holders.UNRESOLVED"))
#: Lowercase nouns that name an actor (a group, an office, an institution): they may hold a stance.
#: Hand list for newslab from news usage; plural person nouns ("critics", "voters") pass by their tag.
ACTOR_NOUNS = frozenset(rule_words("holders.ACTOR_NOUNS"))
#: The nouns of a statement, letter or tweet (newslab.cue_roles.MEDIA_NOUNS, the same list; read here so that
#: cue_roles may ask this module whether a subject is an actor without an import circle).
MEDIA_NOUNS = frozenset(rule_words("cue_roles.MEDIA_NOUNS"))
#: Nouns of findings ("polls", "forecasts", "data"): a phrase holding one shows something, it holds no stance.
FINDINGS = frozenset(rule_words("holders.FINDINGS"))
#: Attribution verbs of a source that passes on what others said or did ("according to", "reporting").
PASSING_ON = frozenset(rule_words("holders.PASSING_ON"))
#: Words that tell how a candidate fares in the race ("front-runner", "winner", "growth"), not a judgement.
RACE_WORDS = frozenset(rule_words("holders.RACE_WORDS"))
#: Days and months: a holder of one such word is a date ("in early August endorsed Mr. Romney"), not an actor.
CALENDAR = frozenset(rule_words("holders.CALENDAR"))
#: Favor cues that with "X to <verb>" or "to" after them are pressure or good news, not support.
PRESSURE_CUES = frozenset(rule_words("holders.PRESSURE_CUES"))
#: Characters after a target mention read for "to <verb>" (a possessive and "to" fit; set by hand).
PRESSURE_WINDOW = 12
#: People who report what was done to them ("eight women had publicly reported that X groped them"): with a
#: report verb, an accusation of their own, not a source passing on news (issue 23, round 2, branch sq2).
WITNESSES = frozenset(rule_words("holders.WITNESSES"))
#: Attribution verbs that address a request to their object ("urged Republicans not to filibuster"): the
#: addressee is pressed, the quote's tone is the requested act's (issue 23, round 2, branch sq2).
DIRECTIVES = frozenset(rule_words("holders.DIRECTIVES"))
#: Nouns of an act done to someone ("the firing of Comey was a mistake"): a judgement of the act, not of them.
ACTS_ON = frozenset(rule_words("holders.ACTS_ON"))
#: Verbs and adjectives that keep someone away from what follows "from" ("inoculate them from condemnation"): the
#: judging words after "from" are what the target is kept from, not a judgement of the target (round 2, sq2).
SHIELDS = frozenset(rule_words("holders.SHIELDS"))
#: Words between a shielding word and "from" ("protect Mr. Trump and his family from"; set by hand).
SHIELD_GAP = 6
_SHIELDS = "|".join(sorted(SHIELDS))
#: Characters before a target mention read for "<directive> (the)" or "<act> of (the)" (set by hand: a verb or
#: noun, a preposition, a determiner and a title fit).
BEFORE_WINDOW = 40
#: Words that may stand between a directive verb or an act noun and the target ("urged the president").
ADDRESSEE_WORDS = frozenset(rule_words("holders.ADDRESSEE_WORDS"))
_POSSESSIVE_ACT = re.compile(r"[’']s\s+(\w+)")
_TO_AFTER = re.compile(r"(?:[’']s)?\s+to\s+[a-z]")
_HOLDER_WORD = re.compile(r"[\w’'.-]+")  # compiled once
_ING_OR_LY = re.compile(r"(?:ing|ly)$")
_CONTRACTION = re.compile(r"[’'](?:m|re|ve|d|ll|s)$", re.IGNORECASE)  # "I’m", "we're", "I've", "he'd"
#: Determiners skipped after "members of" (the actors module's list: "of *both* parties", "of *the* media").
MEMBER_DETERMINERS = frozenset(rule_words("holders.MEMBER_DETERMINERS"))
#: Lowercase words at most after "members of" and its determiners: adjectives and a noun (set by hand).
MEMBER_WORDS = 3
#: The label newslab's actors give every member group ("allies", "member states", "members": actors.MEMBER_RE).
GROUP_LABEL = "allies"
_MEMBERS_OF = re.compile(r"[Mm]embers\s+of\s+")
_WHOSE_MEMBERS = re.compile(r"[\w’'.-]+")


def _headline_words(words: list[str]) -> bool:
    """Title Case words, all common words with no actor noun last, holding an adverb or a verb before the last word.

    Such a run is headline words ("Looms Swelling", "STORY Ultimately"), not a name; adjectives and a last verb
    stay, as names of organizations hold them ("Common Cause", "Conservative Review", "Judicial Watch").
    """
    tags = word_tags()
    found = [tags.get(w.lower(), "") for w in words]
    if not all(found) or any(t.startswith("NNP") for t in found) or words[-1].lower() in ACTOR_NOUNS | MEDIA_NOUNS:
        return False
    return any(t.startswith("RB") for t in found) or any(t.startswith("VB") for t in found[:-1])


def _is_adjective_or_verb(word: str) -> bool:
    """A lowercase word the tag lexicon knows only as an adjective, adverb, verb or function word."""
    tag = word_tags().get(word.lower(), "")
    return tag.startswith(("JJ", "RB", "VB", "IN", "DT", "CC", "MD", "TO", "WP", "WDT", "PRP", "EX"))


def clean_holder(holder: str) -> str:
    """The holder as a coder would write it, or "" when the words are not an actor.

    Leading prepositions and conjunctions go ("Despite Trump" -> "Trump"), and so do trailing
    ones ("West in" -> "West"). Kept: "author"; a capitalized name that is not a lone adjective
    of nationality ("Italian") or a lone function word ("It"); a phrase whose last word is a noun
    ("Italian government", "Senate Republicans", "critics"), or a statement, letter or tweet
    nobody is said to have issued ("The statement criticized Trump": as written). Dropped: pronouns, contracted
    too ("I’m" of a reporter's "I'm told"), and phrases opened by a possessive pronoun ("His team": unresolved),
    adjectives, participles and prepositions, and phrases naming findings in lowercase (:data:`FINDINGS`:
    "National polls", "some forecasts"), which show but hold no stance, a day or month alone
    (:data:`CALENDAR`), and Title Case headline words that are no name
    (:func:`_headline_words`: "Looms Swelling").

    Example:
        >>> [clean_holder(h) for h in ["Despite Trump", "whom", "expressing", "Italian", "West in", "critics"]]
        ['Trump', '', '', '', 'West', 'critics']
        >>> [clean_holder(h) for h in ["the Democratic", "His team", "It", "by", "Italian government"]]
        ['', '', '', '', 'Italian government']
        >>> [clean_holder(h) for h in ["National polls", "some forecasts", "Center for Immigration Studies"]]
        ['', '', 'Center for Immigration Studies']
        >>> [clean_holder(h) for h in ["August", "May", "Looms Swelling", "Common Cause", "White House"]]
        ['', 'May', '', 'Common Cause', 'White House']
        >>> [clean_holder(h) for h in ["I’m", "We're", "Trump’s campaign", "O'Rourke"]]
        ['', '', 'Trump’s campaign', "O'Rourke"]
    """
    holder = holder.strip()
    if holder == "author":
        return holder
    words = _HOLDER_WORD.findall(holder)
    while words and words[0].lower() in LEADING:
        words.pop(0)
    while words and (words[-1].lower() in LEADING or words[-1].lower() in stopwords()):
        words.pop()
    if not words or words[0].lower() in UNRESOLVED:
        return ""
    if holder.startswith("members of "):
        return holder  # rule "members of": "members of the commission" (a phrase :func:`members_holder` made)
    if _CONTRACTION.sub("", words[0]).lower() in UNRESOLVED:
        return ""  # rule "a contracted pronoun is no holder": "I’m told", "We're told" (a reporter's source formula)
    if any(w in FINDINGS for w in words):  # lowercase only: "Center for Immigration Studies" is an actor
        return ""  # rule "findings hold no stance": "National polls", "some forecasts"
    last = words[-1]
    low = last.lower()
    core = [w for w in words if w.lower() not in ("the", "a", "an")]
    if last[:1].isupper():
        if len(core) == 1 and low in CALENDAR:
            return ""  # rule "a date is no holder": "August"
        if len(core) > 1 and _headline_words(core):
            return ""  # rule "headline words are no name": "Looms Swelling", "STORY Ultimately"
        if len(core) == 1:
            tags = word_tags()
            tag = tags.get(last) or tags.get(low) or "NNP"
            if low in stopwords() or not tag.startswith("NN"):
                return ""  # "Italian", "Democratic", "Extraordinary", "Asked", "It": not a name
        return " ".join(words)
    if low in ACTOR_NOUNS or low in MEDIA_NOUNS or word_tags().get(low, "") in ("NNS", "NNPS"):
        return " ".join(words)
    if _ING_OR_LY.search(low) or _is_adjective_or_verb(low) or low in stopwords():
        return ""
    return ""  # another lowercase noun ("the cartoon", "the move"): a thing, not an actor


def speaker_judges(verb: str, words: Sequence[str], holder: str = "") -> bool:
    """Whether a quote's judging words about a target are its speaker's stance (rule "the holder matters").

    Not when the attribution only passes on what others said or did (:data:`PASSING_ON`: "according to
    the Kremlin, Putin said ...", "CNN is reporting that ...", "polls show ..."), nor when every judging
    word only tells how the target fares in the race (:data:`RACE_WORDS`: "acknowledged that Trump was the
    frontrunner", "told Obama that Clinton would win ... the high number of women voters"): a report or a
    forecast, not a position toward the target (issue 23: rows a reader would sign).

    Example:
        >>> speaker_judges("said", ["great", "friend"]), speaker_judges("according to", ["great"])
        (True, False)
        >>> speaker_judges("acknowledged", ["frontrunner"]), speaker_judges("said", ["winner", "poised"])
        (False, True)
        >>> speaker_judges("reported", ["consent"], "eight women")  # rule "reporting what was done to them"
        True
    """
    if verb.lower() in PASSING_ON and not reports_own(verb, holder):
        return False
    return not all(w.removesuffix(" (negated)").lower() in RACE_WORDS for w in words)


def reports_own(verb: str, holder: str) -> bool:
    """Rule "reporting what was done to them": people (:data:`WITNESSES`) who "reported" what the target did.

    Women who publicly "reported" that a senator groped them accuse him; "CNN is reporting" passes on news.

    Example:
        >>> reports_own("reported", "eight women"), reports_own("reported", "CNN"), reports_own("said", "women")
        (True, False, False)
    """
    words = holder.lower().split()
    return verb.lower().startswith("report") and bool(words) and words[-1] in WITNESSES


def _words_before(text: str, start: int) -> list[str]:
    return [w.lower() for w in _HOLDER_WORD.findall(text[max(0, start - BEFORE_WINDOW) : start])]


def addressee_of_directive(text: str, verb: str, start: int) -> bool:
    """Rule "the addressee of a request": the target mention at ``start`` stands right after a directive verb.

    "John McCain urged Republicans not to filibuster": McCain presses Republicans; the quote's tone is the
    requested act's, no position toward them. A determiner or title may stand between ("urged the president").

    Example:
        >>> t = "John McCain urged Republicans not to filibuster new gun laws."
        >>> addressee_of_directive(t, "urged", t.index("Republicans")), addressee_of_directive(t, "said", 18)
        (True, False)
    """
    if verb.lower() not in DIRECTIVES:
        return False
    words = _words_before(text, start)
    while words and words[-1] in ADDRESSEE_WORDS:
        words.pop()
    return bool(words) and words[-1] == verb.lower().split()[-1]


def act_on_target(text: str, start: int, end: int) -> bool:
    """Rule "the act is judged": the target mention is the one an act is done to ("the firing of Comey").

    "Bannon says firing of Comey was the biggest mistake": the judging words are about the firing (and its doer),
    not about Comey. Also "Comey's firing". Lists: :data:`ACTS_ON`.

    Example:
        >>> t = "Bannon says firing of Comey was the biggest mistake."
        >>> act_on_target(t, t.index("Comey"), t.index("Comey") + 5), act_on_target("Comey was a mistake.", 0, 5)
        (True, False)
    """
    words = _words_before(text, start)
    while words and words[-1] in ADDRESSEE_WORDS:
        words.pop()
    if len(words) >= 2 and words[-1] == "of" and words[-2] in ACTS_ON:
        return True
    after = _POSSESSIVE_ACT.match(text, end, min(len(text), end + BEFORE_WINDOW))
    return after is not None and after.group(1).lower() in ACTS_ON


def shielded_from(sentence: str, words: Sequence[str]) -> bool:
    """Rule "kept from it": every judging word stands after "<shield> ... from" in the sentence.

    "The White House says Moore and Trump's denials inoculate them from condemnation": the speaker defends them;
    "condemnation" is what they are kept from. Lists: :data:`SHIELDS`.

    Example:
        >>> shielded_from("He says the denials inoculate them from condemnation.", ["condemnation"])
        True
        >>> shielded_from("He says they deserve condemnation.", ["condemnation"])
        False
    """
    low = sentence.lower()
    for w in words:
        word = re.escape(w.removesuffix(" (negated)").lower())
        # "<shield> (up to SHIELD_GAP words) from (up to two words) <word>", no clause break after "from"
        kept = rf"\b(?:{_SHIELDS})\b(?:[\s,]+[\w’'.-]+){{0,{SHIELD_GAP}}}\s+from\s+(?:[\w’'-]+\s+){{0,2}}{word}\b"
        if re.search(kept, low) is None:
            return False
    return bool(words)


def pressure_not_favor(
    text: str, sent_start: int, target_start: int, target_end: int, cue_words: Sequence[str]
) -> bool:
    """Whether a row's only cues are :data:`PRESSURE_CUES` read as pressure or good news, not support.

    Rule "pressure is no favor": "to <verb>" right after the target ("encouraging Clinton to return the money") or
    "to" right after the cue before the target ("encouraging to Mr. Trump's principal challengers").

    Example:
        >>> t = "Trump criticized Clinton, encouraging Clinton to return the money."
        >>> pressure_not_favor(t, 0, t.rindex("Clinton"), t.rindex("Clinton") + 7, ["encouraging"])
        True
        >>> t = "Trump encouraged Clinton in her run."
        >>> pressure_not_favor(t, 0, t.index("Clinton"), t.index("Clinton") + 7, ["encouraged"])
        False
    """
    if not cue_words or not all(w.lower() in PRESSURE_CUES for w in cue_words):
        return False
    if _TO_AFTER.match(text, target_end, min(len(text), target_end + PRESSURE_WINDOW)):
        return True
    before = text[sent_start:target_start].lower()
    return any(re.search(rf"\b{re.escape(w.lower())}\s+to\b", before) for w in cue_words)


def names_the_target(holder: str, text: str, name_spans: Iterable[tuple[int, int]]) -> bool:
    """Whether a holder is the target itself: the article names the target with the holder's words.

    Rule "the speaker is not the target". ``name_spans`` are the target's mentions (offsets into ``text``);
    the holder names the target when one of them ends the holder's words where it stands ("Barack Obama" over
    the mention "Obama"). Another bearer of the surname is no mention of the target (the mention stage), so
    "Ivanka Trump" stays a holder toward Trump.

    Example:
        >>> t = "Barack Obama spoke. He said he and Obama were lucky."
        >>> names_the_target("Barack Obama", t, [(7, 12), (39, 44)]), names_the_target("Ivanka Trump", t, [(7, 12)])
        (True, False)
    """
    n = len(holder)
    return " " in holder and any(end >= n and text[end - n : end] == holder for _, end in name_spans)


def _adjectives_and_noun(words: Sequence[re.Match[str]], head: int) -> int:
    """The end (index) of lowercase adjectives and the noun after them from ``words[head]``, or ``head`` if none."""
    tags = word_tags()
    for k in range(head, min(len(words), head + MEMBER_WORDS)):
        word = words[k].group()
        tag = tags.get(word, "")
        if not word.islower() or tag.startswith(("VB", "IN", "RB", "DT", "CC", "TO", "MD")):
            return head  # "members of the scientific say": no noun
        if not tag.startswith("JJ"):
            return k + 1  # the noun (or a word the lexicon lacks)
    return head


def members_holder(
    text: str, holder: str, rule: str, actors: Mapping[int, Sequence[Any]], sent_index: int, target_start: int,
    member_targets: Iterable[Any] = (),
) -> tuple[str, str]:  # fmt: skip
    """Rule "members of": the holder a member group names, where the actors label every one "allies".

    The actors read "members" as an organization's member states (the NATO case study), so "members of
    both parties" and "members of the media" came out as the holder "allies" (issue 23). When ``holder``
    is that label, the sentence's member groups other than the target (``actors[sent_index]``, labelled
    :data:`GROUP_LABEL`) are read: a group whose words are "members of" and a name (a capitalized run:
    "members of Congress", "members of the House Judiciary Committee") or one lowercase noun after
    determiners ("members of both parties") holds as those words, and the rule's name joins ``rule``.
    Members of a member target ("members of NATO") stay allies, and so do several different groups.

    Example:
        >>> from newslab.actors import Actor
        >>> t = "Obama has been faulted by members of both parties."
        >>> members_holder(t, "allies", "passive agent", {0: [Actor("allies", 26, 33)]}, 0, 0)
        ('members of both parties', 'passive agent (members of)')
        >>> t = "Many members of the House Judiciary Committee criticized Trump."
        >>> members_holder(t, "allies", "subject", {0: [Actor("allies", 0, 12)]}, 0, 56)[0]
        'members of the House Judiciary Committee'
        >>> members_holder("NATO allies said it", "allies", "subject", {0: [Actor("allies", 0, 11)]}, 0, 20)[0]
        'allies'
    """
    if holder != GROUP_LABEL:
        return holder, rule
    kept = {n.lower() for t in member_targets for n in (t.name, *t.aliases)}
    found = set()
    for group in actors[sent_index]:
        if group.label != GROUP_LABEL or group.start == target_start:
            continue
        opened = _MEMBERS_OF.match(text, max(0, group.end - len("members")))
        if opened is None:
            return holder, rule
        words: list[re.Match[str]] = []
        for m in _WHOSE_MEMBERS.finditer(text, opened.end(), min(len(text), opened.end() + BEFORE_WINDOW * 2)):
            if text[words[-1].end() if words else opened.end() : m.start()].strip():
                break  # punctuation ends the phrase
            words.append(m)
        head = 0
        while head < len(words) and words[head].group().lower() in MEMBER_DETERMINERS:
            head += 1
        run = head
        while run < len(words) and words[run].group()[:1].isupper():
            run += 1
        if run == head:  # lowercase: adjectives and a noun ("the media", "both parties", "the scientific community")
            run = _adjectives_and_noun(words, head)
        if run == head:
            return holder, rule
        last = words[run - 1]
        stop = last.end() - (last.group().count(".") == 1 and last.group().endswith("."))  # "Congress." ends there
        if {text[w.start() : stop].lower() for w in words[:run]} & kept:
            return holder, rule  # "members of NATO": the member target's own members
        found.add(text[opened.start() : stop])
    if len(found) != 1:
        return holder, rule
    phrase = found.pop()
    return phrase[0].lower() + phrase[1:], f"{rule} (members of)"  # "Members of Congress" opening a sentence


PLACE_BEFORE_SPEAKER = "place before the speaker"  # the rule's name, in the holder_rule of the rows it moves
_PLACE_PREPOSITION = re.compile(r"(?:^|\s)[Ii]n\s+$")  # "In Moscow, Dmitry Peskov ... said"
_NAME_AFTER_PLACE = re.compile(r",\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]+)\s*,")


def place_speakers(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """Rule "place before the speaker": "In Moscow, Dmitry Peskov, the Kremlin spokesman, said" -> Dmitry Peskov.

    A quote whose speaker stands right after "in" and is followed by a comma and a capitalized name set off by
    commas is said by that name, not by the place (the quote stage took the first name of the clause). The quote
    is copied with the name as its speaker and :data:`PLACE_BEFORE_SPEAKER` as its ``speaker_rule``; the quotes
    table is not changed. Other quotes are kept as they are.

    Example:
        >>> t = "In Moscow, Dmitry Peskov, the Kremlin spokesman, said NATO was a threat."
        >>> q = Quote(51, 71, "indirect", "reported-say", "said", "Moscow", 3, 9, "Moscow", "name")
        >>> [(x.resolved, x.speaker_rule) for x in place_speakers(t, [q])]
        [('Dmitry Peskov', 'place before the speaker')]
        >>> q = Quote(35, 55, "indirect", "reported-say", "said", "Peskov", 17, 23, "Peskov", "name")
        >>> place_speakers("The Kremlin spokesman, Peskov, said NATO was a threat.", [q])[0].resolved
        'Peskov'
    """
    out = []
    for q in quotes:
        name = None
        if q.speaker_start >= 0 and _PLACE_PREPOSITION.search(text, max(0, q.speaker_start - 4), q.speaker_start):
            name = _NAME_AFTER_PLACE.match(text, q.speaker_end)
        if name is not None and name.end("name") <= min(q.start, len(text)):
            n = name.group("name")
            q = dataclasses.replace(q, speaker=n, speaker_start=name.start("name"), speaker_end=name.end("name"))
            q = dataclasses.replace(q, resolved=n, speaker_rule=PLACE_BEFORE_SPEAKER)
        out.append(q)
    return out


def speaker_note(q: Quote) -> str:
    """The note a holder rule gets when :func:`place_speakers` named the quote's speaker, else ""."""
    return f" ({PLACE_BEFORE_SPEAKER})" if q.speaker_rule == PLACE_BEFORE_SPEAKER else ""
