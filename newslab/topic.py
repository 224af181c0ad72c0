"""Rule "pronoun:topic": the person a stretch of news is about, carried across sentences (issue 23, round 7).

Long news articles keep one person as the subject of sentence after sentence and refer to him with
"he", "his", "him" while other people come and go as objects, possessors or voices in between
("It was his son who took the business to Manhattan, and Mr. Trump never let anyone forget it.
“My father said, ‘Stay.’ I went anyway,” he said.").
:mod:`newslab.coreference` resolves a pronoun from the *nearest* sentence with a compatible person;
when that sentence also names someone else, or no person stands within its window, the pronoun stays
unresolved. A careful coder then asks who the text is about: the last person of the pronoun's gender
in **subject position**. :func:`topic_antecedent` is that reading, as a fallback:

* going back sentence by sentence (up to :data:`TOPIC_WINDOW`, list items of reactions skipped), the
  first sentence with a compatible person *as a subject* decides: the subject opening the sentence
  (after an adverbial, a dateline or a title: :func:`opens_with`), the subject of a coordinated main
  clause (", and Mr. Trump has …"), or the speaker after a quote ("…,” he said");
* that subject must be the target and no one else compatible may be a subject there;
* the walk stops (nothing credited) at a sentence whose subject is a pronoun of that gender that
  nobody could resolve ("He was shot dead …") or an unnamed person of a compatible gender ("The
  gunman …", "A spokesman said …");
* only a "he"/"she" opening its sentence or following a quote ("…,” he said") is carried from a
  sentence where a compatible person stands beside the subject as an object or possessor; any other
  pronoun only from a subject with no such rival ("Trump met Rutte. Reporters asked him …" and "…
  The talks went well, and he smiled." stay open, as a coder would leave them);
* the pronoun's own sentence must hold no compatible person, no such unresolved pronoun and no such
  unnamed person before it ("The senator said his bill …" is the senator's).

Evidence: rule ``"pronoun:topic"``, antecedent = the subject mention it was carried from.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Protocol, TypeVar

from newslab.binding import SPEECH_AFTER
from newslab.document import Document
from newslab.people import office_phrases, people_words
from newslab.targets import Target

#: Title words a speaker's name may carry before "said" and still open the sentence ("Senate Democratic
#: leader Chuck Schumer said"; set by hand: a news title is rarely longer).
TITLE_WORDS = 4
#: Sentences searched back for the topic subject (list items not counted). Set by hand before reading
#: any result: two short news paragraphs; further back a coder re-reads the names too.
TOPIC_WINDOW = 6

#: What may open a sentence before its subject: a time or place adverbial ending in a comma, a dateline.
SUBJECT_OPENING = re.compile(
    r"(?:[A-Z][A-Z .,()-]*—\s*|(?:On|In|At|After|Before|During|Since|Later|Earlier|Then|Now|Still|But|And|Yet)"
    r"\b[^,.;:“”\"]{0,40},\s*|[A-Z][a-z]+(?:ed|ing)\b[^,;:“”\"]{0,60},\s*|(?:But|And|Yet|Then|Still)\s+)?"
)
#: Words before a subject name that the name carries with it ("President", "Mr.", "former").
SUBJECT_TITLE = re.compile(r"(?:(?:[A-Z][\w.]*|former|the|The|then-)\s+)*")
#: A coordinated main clause opening before its subject ("…, and Donald Trump says …", "…; Trump …").
CLAUSE_OPENING = re.compile(
    r"(?:,\s+(?:and|but|while|yet|so|where|when)\s+|;\s+)(?:(?:[A-Z][\w.]*|former|the|then-)\s+)*$"
)
#: What joins two persons into one subject ("Trump and Rutte", "Trump, Rutte and Macron", "Trump with Rutte").
COORDINATED = re.compile(r"\s*(?:,\s*|\s(?:and|or|with|&)\s+)(?:(?:[A-Z][\w.]*|former|the)\s+)*")
#: A closing quote right before a speaker ("“…,” he said", "“…” Schumer said").
_AFTER_QUOTE = re.compile(r"[”\"’]\s*$")
#: An unnamed person opening a sentence as its subject ("The gunman was …", "A spokesman said"): up to
#: three lowercase words after the determiner, one of them a person noun.
_NOUN_SUBJECT = re.compile(r"(?:The|A|An|One|Another)((?:\s+[a-z][\w-]*){1,3})")


@functools.cache
def subject_nouns() -> Mapping[str, str]:
    """Person nouns and their gender ("" = any), with the last words of offices ("The outgoing president")."""
    return {**people_words()[1], **{office[-1]: "" for office in office_phrases()}}


def opens_with(text: str, sentence_start: int, start: int) -> bool:
    """Whether the phrase at ``start`` is the subject that opens its sentence (after an adverbial or a title)."""
    m = SUBJECT_OPENING.match(text, sentence_start, start)
    at = m.end() if m else sentence_start
    t = SUBJECT_TITLE.match(text, at, start)
    return (t.end() if t else at) == start


class Located(Protocol):
    """A person occurrence the topic rule reads (coreference's events)."""

    @property
    def start(self) -> int:
        """Offset of the occurrence."""

    @property
    def end(self) -> int:
        """End offset."""

    @property
    def sentence(self) -> int:
        """Its sentence."""

    @property
    def target(self) -> Target | None:
        """The target it mentions (None: another person)."""


E = TypeVar("E", bound=Located)


def _speaks(text: str, end: int) -> bool:
    after = text[end : end + 20].split(maxsplit=1)
    return bool(after) and after[0].lower().strip(",.") in SPEECH_AFTER


def is_subject(text: str, doc: Document, event: Located, stop: Collection[str] = frozenset()) -> bool:
    """Whether a person occurrence is a subject of its sentence.

    It opens the sentence (:func:`opens_with`) or a coordinated main clause, or it is the speaker after
    a quote ("…,” he said") or after a few title words that hold no function word (``stop``: "Senate
    Democratic leader Chuck Schumer said"; not "Aides to Trump said").
    """
    if text[event.end : event.end + 2] in ("’s", "'s"):
        return False  # "Mueller's report is out": a possessor
    start = doc.sentences[event.sentence].start
    if opens_with(text, start, event.start) or CLAUSE_OPENING.search(text, start, event.start):
        return True
    if _AFTER_QUOTE.search(text, start, event.start):
        return _speaks(text, event.end)
    m = SUBJECT_OPENING.match(text, start, event.start)
    words = text[m.end() if m else start : event.start].split()
    return (
        len(words) <= TITLE_WORDS
        and not any(w.lower() in stop or not w.isalpha() for w in words)
        and _speaks(text, event.end)
    )


def noun_subject(text: str, doc: Document, sentence: int, before: int, nouns: Mapping[str, str], gender: str) -> bool:
    """Whether an unnamed person of a compatible gender opens ``sentence`` as its subject, before ``before``."""
    start = doc.sentences[sentence].start
    m = SUBJECT_OPENING.match(text, start, before)
    found = _NOUN_SUBJECT.match(text, m.end() if m else start, before)
    if found is None:
        return False
    genders = [nouns[w] for w in found.group(1).split() if w in nouns]
    return any(not g or not gender or g == gender for g in genders)


def topic_antecedent(
    events: Sequence[E],
    ends: Sequence[int],
    doc: Document,
    pronoun: tuple[int, int],
    compatible: Callable[[E], bool],
    *,
    skipped: Collection[int],
    unresolved: Collection[int],
    nouns: Mapping[str, str],
    gender: str,
    stop: Collection[str] = frozenset(),
    subject_pronoun: bool = True,
) -> E | None:
    """The target subject a pronoun at ``pronoun`` (start, sentence) carries on from, or None.

    Args:
        events: Person occurrences (targets' mentions and other people), sorted by end.
        ends: Their end offsets, in the same order (for bisect).
        doc: The parsed article.
        pronoun: The pronoun's start offset and sentence.
        compatible: Whether an occurrence can be the pronoun's antecedent (gender, the target's pronouns).
        skipped: Sentences of reaction lists (voices, not the narrative): not counted, not read.
        unresolved: Sentences whose subject is an unresolved pronoun of the pronoun's gender.
        nouns: Person nouns and office words, with their gender (:func:`subject_nouns`).
        gender: The pronoun's gender.
        stop: Function words (a title before a speaker holds none of them).
        subject_pronoun: Whether the pronoun is "he"/"she" opening its sentence or after a quote ("…,” he
            said"); other pronouns are carried only from a subject with no compatible person beside it.

    Returns:
        The subject mention of the target it refers to, or None (someone else or nobody is the topic).
    """
    text = doc.text
    offset, k = pronoun
    sent = doc.sentences[k]
    lo, hi = bisect.bisect_left(ends, sent.start), bisect.bisect_right(ends, sent.end)
    if any(e.sentence == k and (e.end <= offset or e.target is not None) and compatible(e) for e in events[lo:hi]):
        return None  # someone compatible stands before it in its sentence, or the target after it (principle C)
    if k in unresolved or noun_subject(text, doc, k, offset, nouns, gender):
        return None  # "He said his …", "The senator said his …"
    counted = 0
    while k > 0 and counted < TOPIC_WINDOW:
        k -= 1
        if k in skipped:
            continue
        counted += 1
        if k in unresolved:
            return None  # "He was shot dead": a person nobody could name took the subject
        sent = doc.sentences[k]
        lo, hi = bisect.bisect_left(ends, sent.start), bisect.bisect_right(ends, sent.end)
        here = [e for e in events[lo:hi] if e.sentence == k and compatible(e)]
        subjects = [e for e in here if is_subject(text, doc, e, stop)]
        if any(COORDINATED.fullmatch(text, s.end, e.start) for s in subjects for e in here if e.target is None):
            return None  # "Trump and Rutte met.": two subjects, left to the reader
        if not subject_pronoun and any(e.target is None for e in here):
            return None  # "Trump met Rutte. Reporters asked him …": an object pronoun with a rival, left open
        if subjects:
            last = subjects[-1].target
            return subjects[-1] if last is not None and all(e.target == last for e in subjects) else None
        if here and all(e.target is None for e in here):
            return None  # "The words were President Biden's.": only someone else is at hand
        if noun_subject(text, doc, k, sent.end, nouns, gender):
            return None  # "The gunman was …": an unnamed person took the subject
    return None
