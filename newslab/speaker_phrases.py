"""Speaker phrases: what a phrase is (a person, a role description, an organization) and the name in it.

The helpers :class:`newslab.speakers.SpeakerResolver` reads a speaker phrase with: :func:`name_words` (the name in
"Gov. Andy Beshear of Kentucky"), :func:`is_person_phrase` (can it be one person a he/she points to),
:func:`is_role_description` ("the senator"), the genders a phrase, a title or a given name imply, the word lists
they use (the lists keep their ``speakers.`` names in ``rule_words.tsv``), :func:`complement_name` ("a spokesman
for Mr. Trump") and :class:`LastTwo` (the latest speakers said with a phrase). Moved out of
:mod:`newslab.speakers` and, the last two, :mod:`newslab.attribution` unchanged (branch ``at11``, to keep those
modules under 600 lines); the leading underscores were dropped, as other modules now import them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from newslab.attribution import SPACE
from newslab.cues import load_speech_verbs
from newslab.lexicons import rule_words, stopwords
from newslab.names import FEMALE_ROLES, MALE_ROLES, ROLE_WORDS
from newslab.reported_speech import name_list
from newslab.speaker_turns import given_name_gender
from newslab.speaker_words import TITLES

# patterns the rules below use, compiled once (not looked up in re's cache at every call)
_COMPLEMENT = re.compile(rf"{SPACE}(?:for|of|at|in|with|from|on){SPACE}")
_LAST_TITLE = re.compile(r"(\w+\.?)\s+$")
_ROLE_COMPLEMENT = re.compile(rf"{SPACE}(?:from|of|for){SPACE}")
_POSSESSIVE_HEAD = re.compile(r"[’']s\s+\S+$")
_POSSESSIVE_END = re.compile(r"[’']s$")
_SENTENCE_STOP = re.compile(r"(?<=[a-z]{2}|[’']s)\.$")  # "Ford." ending a sentence; not "Jr." or an initial


def phrase_gender(phrase: str) -> str:
    """The gender a speaker phrase's own words imply ("she", "the congresswoman" -> "f"), else ""."""
    words = {w.lower() for w in phrase.split()}
    # a possessive names another person ("His daughter Ivanka Trump", "her husband"): no gender of the speaker (at10)
    female, male = words & (FEMALE_ROLES | {"she"}), words & (MALE_ROLES | {"he", "him"})
    return "f" if female else "m" if male else ""


def title_gender(run: str) -> str:
    """The gender a capitalized run's opening title implies ("Mr. Kerry" -> "m", "Ms. Lynch" -> "f"), else ""."""
    first = run.split()[0].lower() if " " in run else ""
    return "f" if first in FEMALE_ROLES else "m" if first in MALE_ROLES else ""


#: Heads of organization names that keep their "of" complement ("Department of State", "Bank of England").
ORG_HEADS = frozenset(rule_words("speakers.ORG_HEADS"))

#: Last words of place and building names, which are never a person ("Memorial Medical Center").
PLACE_HEADS = frozenset(rule_words("speakers.PLACE_HEADS"))

ROLES_AND_TITLES = ROLE_WORDS | TITLES
NO_PERSON_HEADS = ORG_HEADS | PLACE_HEADS  # last words of an organization or a place: no person


def is_organization(words: list[str]) -> bool:
    """An organization's name holding a title or role word ("Justice Department", "National Sheriffs’ Association")."""
    return words[-1].lower() in ORG_HEADS and any(w.lower().rstrip(".") in ROLES_AND_TITLES for w in words[:-1])


def says(rest: str) -> bool:
    """Whether one of the first three words is a speech verb ("He also said that …")."""
    return any(w in load_speech_verbs() for w in rest.split()[:3])


def name_words(phrase: str) -> list[str]:
    """The name in a speaker phrase: titles, roles and a trailing "of Kentucky" dropped."""
    if name_list(phrase):
        return []  # rule "name-list" (at8): "President Obama and Senate Democratic Leader Harry Reid": as written
    parts = _COMPLEMENT.split(phrase, maxsplit=1)
    head = phrase if len(parts) > 1 and parts[0].split()[-1].lower() in ORG_HEADS else parts[0]
    if _POSSESSIVE_HEAD.search(head) and len(head.split()) > 2:
        return []  # rule "possessive-head" (attrib4): "Kayla Mueller's Parents" is a group, not a name
    words = [_POSSESSIVE_END.sub("", _SENTENCE_STOP.sub("", w)) for w in head.split()]  # "McConnell's." (at9)
    roles = [i for i, w in enumerate(words) if w.lower().rstrip(".") in ROLES_AND_TITLES]
    if roles and not is_organization(words):  # "NATO spokeswoman Farah Dakhlallah", "Majority Leader Mitch McConnell"
        words = words[roles[-1] + 1 :]
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if all(w[:1].isupper() for w in words):
        return words
    trailing = list(itertools.takewhile(lambda w: w[:1].isupper(), reversed(words)))[::-1]
    return trailing if len(trailing) >= 2 else []  # "strategist David Axelrod", "the conservative author Ann Coulter"


def name_gender(chunk: str, at: int, name: str, default: str) -> str:
    """The gender a name's title or given name implies ("Ms. Pelosi", "Nancy Pelosi"), else ``default``."""
    title = m.group(1).lower() if (m := _LAST_TITLE.search(chunk[:at])) else ""
    return "f" if title in FEMALE_ROLES else "m" if title in MALE_ROLES else given_name_gender(name) or default


#: Pronouns and determiners that open no name, wherever they stand ("It's sick", cut out of a quote).
PRONOUN_WORDS = frozenset(rule_words("speakers.PRONOUN_WORDS"))
#: Auxiliaries after a lone capitalized word that opens the pronoun's own sentence: that word is the subject.
SUBJECT_AUXILIARIES = frozenset(rule_words("speakers.SUBJECT_AUXILIARIES"))
#: Words before a capitalized run that make it no person: an article, or a preposition of place.
BEFORE_NO_PERSON = frozenset(rule_words("speakers.BEFORE_NO_PERSON"))


def is_person_phrase(phrase: str) -> bool:
    """Whether a speaker phrase can be one person: a pronoun he/she, a name, or a singular role ("a spokesman")."""
    words = phrase.split()
    if words[0].lower() in ("he", "she"):
        return True
    if words[0].lower() in ("they", "it", "we") or (words[-1].lower().endswith("s") and words[-1][:1].islower()):
        return False
    if words[-1] in PLURAL_PERSON_NOUNS:  # rule "plural-group" (at5): "she" is not "the women"
        return False
    if words[-1].lower() in NO_PERSON_HEADS:  # rule "organization" (at6): "she" is not "the State Department"
        return False
    return words[0].lower() in ("a", "an", "the") or words[-1][:1].isupper()


def is_role_description(phrase: str) -> bool:
    """A definite description of a person by role or party ("the senator", "the New York Democrat")."""
    words = phrase.split()
    if len(words) < 2 or words[0].lower() != "the":
        return False
    head = _ROLE_COMPLEMENT.split(phrase)[0].split()[-1].lower()
    return head in ROLE_WORDS | TITLES | PERSON_DESCRIPTIONS


#: Job words between an employer and a person's name ("Fox News host Megyn Kelly").
EMPLOYEE_ROLES = frozenset(rule_words("speakers.EMPLOYEE_ROLES"))
#: Plural person nouns without a final -s ("the women", "the police"): never one person.
PLURAL_PERSON_NOUNS = frozenset(rule_words("speakers.PLURAL_PERSON_NOUNS"))
#: Heads of descriptions that refer back to a person named before ("the Democrat", "the lawmaker").
PERSON_DESCRIPTIONS = frozenset(rule_words("speakers.PERSON_DESCRIPTIONS"))


#: "a spokesman for Mr. Trump", "an aide to Cruz", "two lawyers for Ann Lee": lowercase role words, a preposition and a
#: capitalized run that ends the phrase (the run's possessive mark allowed).
_ROLE_OF = re.compile(
    r"(?:[a-z][\w’'-]*\s+){0,4}?(?P<head>[a-z][\w-]*)\s+(?:for|to|of|at|with|from)\s+(?:the\s+)?"
    r"(?P<run>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}?)(?:[’']s)?"
)


def complement_name(phrase: str, person: Callable[[str], bool]) -> bool:
    """Rule "complement-name" (at8): "A spokesman for Mr. Trump" speaks, not the person (``person``) of the complement.

    Example:
        >>> complement_name("A spokesman for Mr. Trump", lambda run: run.startswith("Mr.")), complement_name(
        ...     "the senator from South Carolina", lambda run: run.startswith("Mr."))
        (True, False)
    """
    words = phrase.split()  # "Two aides to …", "A spokesman for …": the capital opens the sentence, not a name
    opener = len(words) > 1 and words[1][:1].islower() and words[0].lower().rstrip(".") not in TITLES
    m = _ROLE_OF.fullmatch(phrase[:1].lower() + phrase[1:] if opener else phrase)
    return m is not None and m.group("head") not in stopwords() and person(m.group("run"))


class LastTwo:
    """The latest speaker said with a phrase, and the latest said with another phrase (for :mod:`newslab.speakers`)."""

    def __init__(self) -> None:
        self.last: tuple[str, str] | None = None  # (name, phrase)
        self.other: tuple[str, str] | None = None  # the latest whose phrase differs from ``last``'s

    def add(self, name: str, phrase: str) -> None:
        """Record that ``name`` was said with ``phrase``."""
        if self.last is not None and self.last[1] != phrase:
            self.other = self.last
        self.last = (name, phrase)

    def latest_other(self, phrase: str) -> str:
        """The latest name said with a phrase other than ``phrase`` ("" if none)."""
        if self.last is not None and self.last[1] != phrase:
            return self.last[0]
        return self.other[0] if self.other is not None else ""


NO_ONE = LastTwo()
