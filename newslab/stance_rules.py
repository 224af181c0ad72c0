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
  Round 7 (switch ``relation apposition``): the name may also stand in "A and B, both Cruz supporters" (both
  hold it), "A and B, who are also both Trump supporters", "Corker emerged as one of the critics of X",
  "One of Obama’s key supporters, former adviser David Axelrod," and "An enthusiastic Trump supporter,
  Jenkins chaired". Switch ``relation his``: "his/her supporters" after a target named before it in the
  sentence is that target’s ("Sanders promised his cheering supporters" -> supporters favor Sanders): the
  first person target named before it that the pronoun can mean ("her" only a name with a woman's given
  name, "his" any other; no organization, place or group name such as "Democrats"). Not "his allies": a
  head of state's allies are states ("threats to his allies", seed article es-daily).
* :func:`experiencer_objects` — rule ``experiencer object`` (round 7): a verb whose *object* feels the attitude
  (``stance_rules.EXPERIENCER_AGAINST``/``EXPERIENCER_FAVOR``: "angered", "outraged", "impressed") gives the
  object's position toward the subject: "Johnson’s statements angered Nazanin" -> Nazanin against Johnson;
  "Fiorina has impressed Cruz" -> Cruz favor Fiorina. The subject is a target (or the target’s "X’s remarks");
  the object is a named actor or a group noun right after the verb ("angered some national security experts").
  The passive turns it round: "Merkel was angered by Trump" -> Merkel against Trump (rule ``experiencer
  subject (passive)``). A negation before the verb gives none.
* :func:`mutual_acts` — rule ``mutual act``: "X and Y bonded", "the two bonded/clashed/feuded"
  (``stance_rules.MUTUAL_FAVOR`` / ``MUTUAL_AGAINST``): each of the two holds the position toward
  the other. "The two" means the two actors named before it in the sentence, and only when exactly
  two are named there; otherwise no row.

All return plain matches (holder actor, target actor, score, words, rule); :mod:`newslab.stance`
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

from newslab.actors import OBJECT_GAP, Actor, entity
from newslab.clause_roles import NOT_A_NAME
from newslab.cue_matches import word_trie
from newslab.cue_roles import NEGATIONS, subject_of
from newslab.descriptions import word_tags
from newslab.lexicons import rule_word_values, rule_words
from newslab.people import people_words
from newslab.phrase_rules import may_phrase, phrase_acts

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
#: "experiencer object" (round 7: "X angered Y" -> Y against X) is a switch for the CV too.
ENABLED = {
    "relation noun": True,
    "relation title": False,
    "experiencer object": True,
    "relation apposition": True,
    "relation his": True,
    "state tag": True,
}

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
    """Whether one of :func:`sentence_rules` could fire in ``sentence`` (read before its actors are found).

    Each rule's regex runs only where its gate matched: every match of the rule holds a match of the gate
    (the gate is the rule's last part, with the same flags), so the answer is the rule's own.
    """
    return (
        (_request_gate().search(sentence) is not None and _request_re().search(sentence) is not None)
        or (_mutual_gate().search(sentence) is not None and _mutual_re().search(sentence) is not None)
        or may_phrase(sentence)
    )


def sentence_rules(text: str, start: int, end: int, actors: Sequence[Actor]) -> list[Match]:
    """Rules "request to leave", "mutual act" and the phrase rules in ``text[start:end]`` (if :func:`may_match`)."""
    return [*requests_to_leave(text, start, end, actors), *mutual_acts(text, start, end, actors),
            *phrase_acts(text, start, end, actors)]  # fmt: skip


def may_feel(sentence: str) -> bool:
    """Whether rule "experiencer object" could fire in ``sentence``: its switch is on and a verb form stands there.

    The verbs are one literal trie (:func:`newslab.cue_matches.word_trie`), the rule's own regex; the stance
    stage asks only in sentences that may hold a target (``ActorsBySentence.may_hold_target``).
    """
    return ENABLED["experiencer object"] and _experiencer_re().search(sentence) is not None


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
    named = _name_before(text, lo, opener, actors, tgt) if opener is not None else None
    if named is None and ENABLED["relation apposition"]:  # round 7: ", both", ", who are also", "emerged as"
        head = min(m.start("noun") if m.group("of") else m.start(), tgt.start)  # "one of the most vocal critics of"
        opener = _APPOSITION_7.search(text[lo:head])
        named = _name_before(text, lo, opener, actors, tgt) if opener is not None else None
        if named is not None and named.label.split()[0].lower() in NOT_A_NAME:  # "But Corker emerged as"
            words = named.label.split()[1:]
            named = Actor(" ".join(words), named.end - len(" ".join(words)), named.end) if words else None
        named = named or _named_after_comma(text, lo, m, actors, tgt, head)
    return named


#: A party and state tag after a name ("Mark Amodei, R-Nev.," / "Jeff Flake (R-Ariz.)"): rule "state tag" (round 8)
#: reads the name before it.
_STATE_TAG = re.compile(r"(?:,\s*|\s*\()[RDI]-[A-Z][A-Za-z.]{1,12}\)?\s*$")
_STATE_TAG_AFTER = re.compile(r"(?:,\s*|\s*\()[RDI]-[A-Z][A-Za-z.]{1,12}\)?\s*,")  # the tag and the comma after


def _name_before(text: str, lo: int, opener: re.Match[str], actors: Sequence[Actor], tgt: Actor) -> Actor | None:
    """The name right before an apposition's comma or a copula ("Roger Stone, a Trump ally"; "Graham is").

    Rule "state tag" (round 8): a party and state tag between them is skipped ("Mark Amodei, R-Nev., an early Trump
    supporter").
    """
    at = lo + opener.start()
    tag = _STATE_TAG.search(text, lo, at) if ENABLED["state tag"] else None
    at = tag.start() if tag is not None else at
    named = [a for a in actors if a.end <= at and a is not tgt and a.label not in ("he", "she", "they")]
    if named and not text[named[-1].end : at].strip(" ’'s"):
        return named[-1]
    name = re.search(r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*\w$", text[lo:at].rstrip())
    if name is None:
        return None  # the apposition or copula does not follow a name right away
    return Actor(name.group(), lo + name.start(), lo + name.end())  # a name the registry lacks ("Graham is")


#: Round-7 openers of a relation noun's apposition or copula: ", both", ", who are also (both)", "emerged as".
_APPOSITION_7 = re.compile(
    r"(?:,\s*(?:who\s+(?:is|are|was|were)\s+(?:also\s+)?)?(?=both\b|a\b|an\b|one\s+of\b)"
    r"|\b(?:emerged|served|stands|stood)\s+as\s+)(?:(?:both|a|an|the|one\s+of)\s+)*(?:[a-z-]+\s+){0,2}$"
)
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|wrote|tweeted|argued|noted)\b")
TITLE_WORDS_AFTER_COMMA = 3  # lowercase title words between the comma and the name ("former adviser David Axelrod")


def _named_after_comma(
    text: str, lo: int, m: re.Match[str], actors: Sequence[Actor], tgt: Actor, head: int
) -> Actor | None:
    """A name after the comma: "One of Obama’s key supporters, former adviser X," / "A Trump supporter, X chaired"."""
    one_of = re.search(r"\b[Oo]ne\s+of\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$", text[lo:head])
    opening = re.fullmatch(r"\s*(?:An?|The)\s+(?:[a-z-]+\s+){0,2}", text[lo:head])
    if one_of is None and opening is None:
        return None
    after = re.match(rf"\s*,\s*(?:[a-z-]+\s+){{0,{TITLE_WORDS_AFTER_COMMA}}}", text[m.end() :])
    if after is None:
        return None
    named = next((a for a in actors if a.start == m.end() + after.end() and a is not tgt), None)
    run = re.match(r"(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*\w(?=[\s,])", text[m.end() + after.end() :])
    if named is None and opening is not None and run is not None and run.group().split()[0].lower() not in NOT_A_NAME:
        named = Actor(run.group(), m.end() + after.end(), m.end() + after.end() + run.end())  # "..., Jenkins chaired"
    if named is None or len(named.label) <= PRONOUN_LABEL_CHARS or _SPEECH_AFTER.match(text, named.end):
        return None  # "Trump’s critics, Clinton said, ...": a speaker, not the one described
    return named


def _partner(text: str, holder: Actor, noun_start: int, actors: Sequence[Actor]) -> Actor | None:
    """The other name of "A and B, both Cruz supporters": the actor joined to the holder by "and"."""
    if not re.search(r"\bboth\b", text[holder.end : noun_start]):
        return None
    for a in actors:
        if a.end < holder.start and re.fullmatch(r"\s+and\s+(?:[a-z-]+\s+){0,3}", text[a.end : holder.start]):
            return a if len(a.label) > PRONOUN_LABEL_CHARS else None
    return None


#: Nouns of actors (``holders.ACTOR_NOUNS``): a plural of one may feel the attitude ("angered activists").
_ACTOR_NOUNS = frozenset(rule_words("holders.ACTOR_NOUNS"))
#: Relation nouns that also name allied states ("threats to his allies" of a president): no "his" reading.
ALLIANCE_NOUNS = frozenset({"ally", "allies", "partners"})
#: Last words of a target's name that make it a group or an institution, not a he or a she ("Democrats").
_NOT_PERSON_HEADS = _ACTOR_NOUNS | frozenset(rule_words("mentions.PARTY_WORDS"))


def _may_be_person(actor: Actor) -> bool:
    """Whether a target actor may be a "he" or "she": not an organization or place, no group word last."""
    target = actor.target or actor.member_of
    if target is None or target.kind in ("organization", "place") or actor.member_of is not None:
        return False
    last = target.name.split()[-1].lower() if target.name.split() else ""
    return last not in _NOT_PERSON_HEADS and last.removesuffix("s") not in _NOT_PERSON_HEADS


def _his_target(text: str, start: int, m: re.Match[str], actors: Sequence[Actor]) -> Actor | None:
    """Rule "relation noun (his/her = the target named before)": the first person target before "his/her X"."""
    words = m.group("pos").split()
    pronoun = next((w.lower() for w in reversed(words) if w.lower() in ("his", "her")), "")
    if not pronoun or not ENABLED["relation his"] or m.group("noun").lower() in ALLIANCE_NOUNS:
        return None
    return _first_person_target(pronoun, [a for a in actors if start <= a.start and a.end <= m.start()])


def _first_person_target(pronoun: str, before: Sequence[Actor]) -> Actor | None:
    """The first person in ``before`` that ``pronoun`` ("his"/"her") can mean, if that person is a target.

    The first person named is the subject most often; a person who is no target ("Romney ... Obama ... his
    billionaire backers") stops the search, so the pronoun is not given to a target named after them.
    """
    for actor in before:
        if len(actor.label) <= PRONOUN_LABEL_CHARS or actor.member_of is not None:
            continue
        if actor.target is not None and not _may_be_person(actor):
            continue
        names = (actor.target.name, *actor.target.aliases) if actor.target is not None else (actor.label,)
        genders = {people_words()[0].get(n.split()[0], "") for n in names if n.split()} - {""}
        if (pronoun == "his" and "female" not in genders) or (pronoun == "her" and genders == {"female"}):
            return actor if actor.target is not None else None  # "her": a woman's name; "his": any other
    return None


def relation_nouns(text: str, start: int, end: int, actors: Sequence[Actor]) -> list[Match]:
    """Rule "relation noun" in the sentence ``text[start:end]`` (see the module docstring)."""
    out: list[Match] = []
    if not may_relate(text, start, end):
        return out
    for m in _relation_re().finditer(text, start, end):
        noun = m.group("noun").lower()
        his = None
        if m.group("of"):  # "critics of Trump", "opponents of President Nicolas Maduro" (titles skipped, round 6)
            tgt = next((a for a in actors if a.start >= m.end() and _titles_only(text[m.end() : a.start])
                        and (a.target or a.member_of)), None)  # fmt: skip
        else:
            head = m.start() if m.group("pos") else m.start("noun")
            if m.group("pos") and not m.group("pos").startswith(("’", "'")):
                modifiers = m.group("pos").split()
                his = _his_target(text, start, m, actors) if modifiers else None
                if modifiers and his is None:  # "Trump loyal allies" is no compound: only "Trump allies"
                    continue
            tgt = his or next((a for a in actors if a.end == head and (a.target or a.member_of)), None)
        if tgt is None or len(tgt.label) <= PRONOUN_LABEL_CHARS:
            continue
        before = re.findall(r"[\w’'-]+", text[start : m.start()])[-NEGATION_WORDS:]
        if any(w.lower() in NEGATIONS or w.lower() == "no" for w in before):
            continue
        if his is None:
            holder = _described(text, start, m, actors, tgt)
        else:  # "his key ally Michael Gove": only a name right after the noun
            holder = next(
                (a for a in actors if a.start > m.end("noun") and not text[m.end("noun") : a.start].strip()), None
            )
        plural = noun.endswith("s") and noun not in SINGULAR_IN_S
        if holder is None and not plural:
            continue
        holder = holder or Actor(m.group("noun"), m.start("noun"), m.end("noun"))
        if entity(holder) == entity(tgt):
            continue
        score = RELATION_SCORE * float(RELATION_NOUNS[noun])
        rule = "relation noun" + (" (his/her = the target named before)" if his is not None else "")
        tagged = ENABLED["state tag"] and _STATE_TAG_AFTER.match(text, holder.end, m.start())
        rule += " (state tag)" if tagged else ""  # "Mark Amodei, R-Nev., an early Trump supporter"
        out.append((holder, tgt, score, [text[m.start("noun") : m.end()].strip() or noun], rule))
        partner = _partner(text, holder, m.start(), actors) if ENABLED["relation apposition"] else None
        if partner is not None and entity(partner) != entity(tgt):  # "A and B, both Cruz supporters"
            out.append((partner, tgt, score, [text[m.start("noun") : m.end()].strip() or noun], "relation noun (both)"))
    return out


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
        return _first_person_target(
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


__all__ = [
    "experiencer_objects",
    "may_feel",
    "may_match",
    "may_relate",
    "mutual_acts",
    "relation_nouns",
    "requests_to_leave",
]
