"""Actors of a sentence: who can hold a stance or be its target.

A target mention, a group standing for a target's members ("allies", "member states"), a person
of the article's name registry (a capitalized run ending in a registered surname), or a
pronoun (he/she/they, resolved to the last person named or to "allies").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from typing import Any

from newslab.document import Document
from newslab.lexicons import rule_words, stopwords
from newslab.mention_record import Mention
from newslab.names import given_names
from newslab.targets import Target

#: Prepositions whose object is not a subject ("during Trump’s first term", "of the Netherlands").
PREPOSITIONS = frozenset(rule_words("actors.PREPOSITIONS"))


#: Words after which a description names a group standing for an organization's members.
MEMBER_RE = re.compile(
    r"(?<![\w-])(?:(?:the|many|most|all|other|his|its|their|some|several|European|NATO|majority of)\s+){0,3}"
    r"(?:allies|partners|member states|members)(?![\w-])",
    re.IGNORECASE,
)


#: Organization targets that "allies/partners/member states" stand for (by target name).
MEMBER_TARGETS = frozenset({"NATO"})


@dataclasses.dataclass
class Actor:
    """Someone or something in a sentence that may hold a stance or be its target (offsets into the text)."""

    label: str
    start: int
    end: int
    target: Target | None = None
    member_of: Target | None = None


def by_surname(names: Iterable[str]) -> dict[str, str]:
    """The first registry name for each last word, and each registry name for itself (built once per article).

    A capitalized run that ends with a whole registry name is that name ("The New York Times" is "New York Times"
    when "Los Angeles Times" is registered too); a run ending with a surname alone is the first name ending so.
    """
    index: dict[str, str] = {}
    for n in names:
        if n not in ("United States", "White House"):
            index.setdefault(n.rsplit(" ", 1)[-1], n)
            index.setdefault(n, n)  # a key with a space is a whole name, never a last word
    return index


#: A capitalized run of words ("Prime Minister Mark Rutte’s").
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
#: Rule "he/she/they" of :func:`sentence_actors`: ``\b(?:they|They|she|She|he|He)\b``, written with each word's first
#: letter first and the ``\b`` as a lookbehind after it (a word character before it), so that sre tries the
#: pattern only where such a letter stands (as :func:`newslab.names.word_start_alternation`).
_PRONOUN = re.compile(r"(?:t(?<!\wt)hey|T(?<!\wT)hey|s(?<!\ws)he|S(?<!\wS)he|h(?<!\wh)e|H(?<!\wH)e)\b")
#: What every match of :data:`MEMBER_RE` holds, lowercased.
_MEMBER_HEADS = ("allies", "partners", "member")
#: Letters that re.IGNORECASE matches with an ASCII letter though ``str.lower()`` does not turn them into it
#: (ı and İ match "i", ſ matches "s"; K is lowered to "k" anyway): a sentence holding one goes to the regex.
_ODD_FOLDS = frozenset("ıİſK")


def may_name_members(sentence: str) -> bool:
    """Whether :data:`MEMBER_RE` can match in ``sentence``: False only when no lowercased head noun stands in it.

    Example:
        >>> may_name_members("Many NATO Allies agreed."), may_name_members("Trump left.")
        (True, False)
    """
    if not _ODD_FOLDS.isdisjoint(sentence):
        return True
    low = sentence.lower()
    return any(head in low for head in _MEMBER_HEADS)


def _person_runs(article: Document, sent_index: int, by_last: Mapping[str, str]) -> list[Actor]:
    """Capitalized runs that look like people (in the article's name registry or a surname of one)."""
    sent = article.sentences[sent_index]
    actors = []
    for m in _CAPITALIZED_RUN.finditer(sent.text):
        run = m.group()
        words = run.split()  # ``\s+`` and str.split part words at the same characters
        possessive = words[-1].endswith(("’s", "'s"))
        if possessive:
            words[-1] = words[-1][:-2]
        full = ""
        for k in range(len(words), 1, -1):  # the longest whole registry name the run ends with
            full = by_last.get(" ".join(words[-k:]), "")
            if full:
                break
        full = full or by_last.get(words[-1], "")
        if full:
            end = sent.start + m.end() - (2 if possessive else 0)
            actors.append(Actor(clean_label(full), sent.start + m.start(), end))
    return actors


_GIVEN_BEFORE = re.compile(r"([A-Z][a-z]+) $")  # a Title Case word and one space right before a mention


def given_name_start(text: str, start: int) -> int:
    """Rule "given name before a target": where a given name right before a name mention starts (0 if none).

    "Trump attacked Hillary Clinton", target Clinton: the actor is "Hillary Clinton", so the object search that
    skips no capitalized word reaches the target (issue 23, branch nm). Given names: :func:`newslab.names.given_names`.

    Example:
        >>> t = "Trump attacked Hillary Clinton and Clinton"
        >>> given_name_start(t, t.index("Clinton")), given_name_start(t, t.rindex("Clinton"))
        (15, 0)
    """
    m = _GIVEN_BEFORE.search(text, max(0, start - 30), start)
    return m.start() if m is not None and m.group(1) in given_names() else 0


def sentence_actors(
    article: Document,
    sent_index: int,
    mentions: list[Mention],
    member_targets: list[Target],
    by_last: Mapping[str, str],
) -> list[Actor]:
    """The actors of one sentence in text order: member groups, target mentions, registered people, pronouns."""
    sent = article.sentences[sent_index]
    actors: list[Actor] = []
    for g in MEMBER_RE.finditer(sent.text) if may_name_members(sent.text) else ():
        group = Actor("allies", sent.start + g.start(), sent.start + g.end())
        group.member_of = member_targets[0] if member_targets else None
        actors.append(group)
    for m in mentions:
        if sent.start <= m.start < sent.end and not any(a.start <= m.start < a.end for a in actors):
            start = given_name_start(article.text, m.start) if m.kind == "name" and m.target.kind != "person" else 0
            actors.append(Actor(m.target.name, start or m.start, m.end, target=m.target))
    for p in _person_runs(article, sent_index, by_last):
        if not any(p.start < a.end and a.start < p.end for a in actors):
            actors.append(p)
    for pm in _PRONOUN.finditer(sent.text):
        start = sent.start + pm.start()
        if not any(a.start <= start < a.end for a in actors):
            actors.append(Actor(pm.group().lower(), start, start + len(pm.group())))
    return sorted(actors, key=lambda a: a.start)


class ActorsBySentence(dict[int, list[Actor]]):
    """The actors of each sentence (:func:`sentence_actors`), found when a rule first reads that sentence.

    Most sentences hold no attitude cue, so their actors are never needed; each sentence's list is
    made once, on first access, from the same inputs as an eager ``{index: sentence_actors(...)}``.
    An index outside the article's sentences is missing, as in that dict.
    """

    def __init__(
        self,
        article: Document,
        mentions_by_sentence: Mapping[int, list[Mention]],
        member_targets: list[Target],
        by_last: Mapping[str, str],
    ) -> None:
        super().__init__()
        self._args = (article, mentions_by_sentence, member_targets, by_last)

    def __missing__(self, index: int) -> list[Actor]:
        article, mentions_by_sentence, member_targets, by_last = self._args
        if not 0 <= index < len(article.sentences):
            raise KeyError(index)
        found = sentence_actors(article, index, mentions_by_sentence.get(index, []), member_targets, by_last)
        self[index] = found
        return found

    @property
    def article(self) -> Document:
        """The parsed article whose sentences these are."""
        return self._args[0]

    def may_hold_target(self, index: int) -> bool:
        """Whether sentence ``index`` may have an actor that is a target, told without finding its actors.

        Its target actors are its target mentions and, when there are member targets, its member groups:
        False when no target is mentioned in it and no member group can stand there (:func:`may_name_members`).
        """
        article, mentions_by_sentence, member_targets, _ = self._args
        if mentions_by_sentence.get(index):
            return True
        return bool(member_targets) and may_name_members(article.sentences[index].text)

    def get(self, index: int, default: Any = None) -> Any:
        """The actors of sentence ``index`` (found now if not yet), or ``default`` outside the article."""
        try:
            return self[index]
        except KeyError:
            return default


def entity(a: Actor) -> str:
    """The target's name for a target mention, else the actor's label."""
    return a.target.name if a.target is not None else a.label


#: Characters before a mention searched for a preposition: a preposition and a few determiners (set by hand).
PREPOSITION_LOOKBACK = 40
_WORD = re.compile(r"[\w’'-]+")  # a word before a mention (compiled once)
#: A person target's actor at most this long is a resolved pronoun ("he", "him", "his", "her"), not its name.
PRONOUN_MAX_CHARS = 3
#: Determiners skipped between a preposition and its object ("from *the* allies").
DETERMINERS_BEFORE_OBJECT = frozenset(rule_words("actors.DETERMINERS_BEFORE_OBJECT"))


def preceded_by_preposition(text: str, start: int) -> bool:
    """Whether the words before ``start`` end in a preposition (determiners skipped): "from the allies"."""
    before = _WORD.findall(text[max(0, start - PREPOSITION_LOOKBACK) : start])
    while before and before[-1].lower() in DETERMINERS_BEFORE_OBJECT:
        before.pop()
    return bool(before) and before[-1].lower() in PREPOSITIONS


_AND_AFTER = re.compile(r"\s*,?\s*(?:and|or)\s+(?:[A-Z][\w.]*\s+)?$")  # "Moore and (President) Trump"


def coordinated_object(text: str, start: int, actors: Iterable[Actor]) -> bool:
    """Rule "object of a preposition (list)": an actor after "and/or" that follows a preposition's object.

    "the accusations against Moore and President Trump": Trump is an object too, not the owner of a later cue.

    Example:
        >>> t = "accusations against Moore and President Trump differ"
        >>> coordinated_object(t, t.index("Trump"), [Actor("Moore", 20, 25)])
        True
        >>> t = "Moore and Trump differ"
        >>> coordinated_object(t, t.index("Trump"), [Actor("Moore", 0, 5)])
        False
    """
    return any(
        a.end <= start
        and _AND_AFTER.fullmatch(text, a.end, start) is not None
        and preceded_by_preposition(text, a.start)
        for a in actors
    )


def _is_person(a: Actor) -> bool:
    """A named person: a name from the article's registry, or a person target's name mention."""
    if a.target is not None:
        return a.target.kind == "person" and a.label == a.target.name and a.end - a.start > PRONOUN_MAX_CHARS
    return a.member_of is None and a.label not in ("he", "she", "they", "allies") and " " in a.label


#: Sentences before a pronoun holder's own searched for its antecedent (newslab.coreference.WINDOW, not
#: imported: coreference sits above this module).
HOLDER_WINDOW = 3


#: Words right before a capitalized run that make it no person (an article, a preposition of place): the list of
#: the speaker stage (speakers.BEFORE_NO_PERSON; read here, as speakers sits above this module).
BEFORE_NO_PERSON = frozenset(rule_words("speakers.BEFORE_NO_PERSON"))


def placed_name(text: str, start: int) -> bool:
    """Whether the name at ``start`` stands right after "the" or a preposition of place: a place or a modifier.

    "the Long Island native kept his promise", "took a jab at Brown ... in New Hampshire": such a run is no
    antecedent of "he", "she" or "his" (rule "a place is no antecedent", issue 23 round 4, branch sq3).

    Example:
        >>> t = "Ultimately, the Long Island native kept his promise."
        >>> placed_name(t, t.index("Long")), placed_name("Ultimately, John Kelly kept it.", 12)
        (True, False)
    """
    before = _WORD.findall(text[max(0, start - PREPOSITION_LOOKBACK) : start])
    return bool(before) and before[-1].lower() in BEFORE_NO_PERSON


def resolve_person(sent_index: int, start: int, actors_by_sentence: dict[int, list[Actor]]) -> str:
    """Rule "he/she = the last person named": the nearest named person before, this or the previous sentence.

    The first person named (the subject, most often) before the pronoun in its own sentence, else
    in the previous sentence ("Trump has maintained a good relationship with Putin and ... he may
    seek" -> Trump); else, as the mention stage's coreference (rule ``pronoun:discourse``,
    :data:`HOLDER_WINDOW` sentences back, across paragraphs), the one person of the nearest sentence
    that names anyone, if it names only one. Empty otherwise.
    """
    text = actors_by_sentence.article.text if isinstance(actors_by_sentence, ActorsBySentence) else ""

    def person(a: Actor) -> bool:  # rule "a place is no antecedent" (sq3): "the Long Island native", "in New York"
        return _is_person(a) and not (text and a.target is None and placed_name(text, a.start))

    here = [a for a in actors_by_sentence.get(sent_index, []) if a.end <= start and person(a)]
    if here:
        return entity(here[0])
    before = [a for a in actors_by_sentence.get(sent_index - 1, []) if person(a)]
    if before:
        return entity(before[0])
    for index in range(sent_index - 2, sent_index - HOLDER_WINDOW - 1, -1):  # as coreference's pronoun:discourse
        found = [a for a in actors_by_sentence.get(index, []) or [] if _is_person(a)]
        named = {entity(a) for a in found}
        if named:  # the nearest sentence with a person names only one (a place too makes it unsure)
            return named.pop() if len(named) == 1 and person(found[0]) else ""
    return ""


def resolve_they(article: Document, sent_index: int, actors_by_sentence: dict[int, list[Actor]]) -> str:
    """'they' as a holder: "allies" when this or the previous sentence names them, else "they"."""
    for index in (sent_index, sent_index - 1):
        if any(a.label == "allies" for a in actors_by_sentence.get(index, [])):
            return "allies"
    return "they"


def clean_label(label: str) -> str:
    """A holder's label without leading determiners and quantifiers ("Several Republicans" -> "Republicans")."""
    words = label.split()
    while len(words) > 1 and (words[0].lower() in OBJECT_GAP or words[0].lower() in stopwords()):
        words.pop(0)
    return " ".join(words)


#: Words that may stand between a verb cue and the start of its object ("praised the alliance",
#: "worried about Trump", "critical of his plan").
OBJECT_GAP = frozenset(rule_words("actors.OBJECT_GAP"))
