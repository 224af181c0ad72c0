"""Reported speech of a noun and of "according to": "Slager's assertion that …", "…, according to X".

Moved from :mod:`newslab.reported_speech` (at12, no change of behaviour): :func:`nominal_that` (rule
"nominal-that"), :func:`according_to` (rule "according-to") and :func:`content_end`, where a reported clause ends,
which :mod:`newslab.reported_speech` uses for every clause a verb reports.
"""

from __future__ import annotations

import re

from newslab.attribution import SPACE, Attribution, Quote, not_a_speaker
from newslab.descriptions import word_tags
from newslab.document import Sentence
from newslab.lexicons import rule_words

WORD_RUN = re.compile(r"[\w’'-]+")
_NON_SPACE = re.compile(r"\S+")
_SOURCE_PREFIX = re.compile(r"^(?:information|reports?|sources?|data|documents?|figures)\s+(?:from|by)\s+")
WORD_CHARS = 40  # characters read for one word at a position (longer than any English word)
TAIL_CHARS = 40  # characters at the end of reported content searched for a trailing conjunction or punctuation
MIN_CONTENT_CHARS = 3  # reported content shorter than this is no speech (a stray word or mark)

_ACCORDING = re.compile(rf"\b[Aa]ccording{SPACE}to{SPACE}(?P<speaker>[^,;:()“”\"\n]{{2,80}}?)(?=[,;:(“”\"]|[.?!]?\s*$)")


def content_end(text: str, sent: Sentence, start: int, later: list[Attribution]) -> int:
    """Where a reported clause ends: before the next speaker's clause, a semicolon, or the sentence's end."""
    end = sent.end
    for a in later:
        if text[a.verb_start - 3 : a.verb_start] == "to ":
            continue  # an infinitive ("was ready to respond") belongs to the clause it stands in
        head = a.verb_start if a.inverted or a.coordinated else a.speaker_start
        if head > start and a.speaker:
            end = min(end, head)
    semicolon = text.find(";", start, end)
    end = semicolon if semicolon >= 0 else end
    tail = text[max(start, end - TAIL_CHARS) : end]  # only the end can be a conjunction or punctuation
    m = CONTENT_TAIL_RE.search(tail)
    return end - len(tail) + m.start() if m else end


CONTENT_TAIL_RE = re.compile(r"(?:,?\s+(?:and|but|while|as)(?:\s+(?:then|also|even|later))?|,)?[\s.,:”\"]*$")


#: Nouns of speech and belief whose that-clause is their possessor's ("Slager's assertion that …").
CLAIM_NOUNS = frozenset(rule_words("reported_speech.CLAIM_NOUNS"))
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
#: A possessor, up to two modifiers, a noun and "that": "Mr. Trump’s repeated claim that", "his assertion that".
_NOMINAL = re.compile(
    rf"(?<![\w’'])(?P<speaker>(?:[A-Z][\w.&-]*{SPACE}){{0,3}}[A-Z][\w&-]*(?=[’']s{SPACE})|[Hh]is|[Hh]er|[Tt]heir"
    rf"|[Tt]he{SPACE}[a-z]+(?:{SPACE}[a-z]+)?(?=[’']s{SPACE}))(?:[’']s)?{SPACE}"
    rf"(?:[a-z-]+{SPACE}){{0,2}}?(?P<noun>[a-z]+?)s?{SPACE}that{SPACE}"
)


#: Verbs that, after the clause's own verb, are the sentence's main verb ("Trump's claims that he won were false").
MAIN_VERBS = frozenset(rule_words("reported_speech.MAIN_VERBS"))


def _subject_clause_end(text: str, start: int, end: int) -> int:
    """The end of a that-clause inside the sentence's subject: before the main verb after the clause's own verb."""
    tags = word_tags()
    seen_verb = False
    for w in WORD_RUN.finditer(text[start:end]):
        low = w.group().lower()
        if seen_verb and low in MAIN_VERBS:
            return start + len(text[start : start + w.start()].rstrip(" ,"))
        seen_verb = seen_verb or (tags.get(low) or "").startswith(("VB", "MD"))
    return end


CONTRAST = re.compile(rf",{SPACE}(?:though|although|but|while|whereas|even{SPACE}as){SPACE}")


def _fronted(before: str, tags: dict[str, str]) -> bool:
    """Whether ``before`` opens a fronted phrase with no comma yet ("After", "Speaking in the Rose Garden after")."""
    first = before.split()[0].lower() if before.split() else ""
    return "," not in before and ((tags.get(first) or "") == "IN" or first.endswith("ing"))


def _possessor(phrase: str, start: int) -> tuple[str, int]:
    """A possessor without the words before it that are no name ("Refuting John Kerry's" -> "John Kerry")."""
    tags = word_tags()
    words = list(_NON_SPACE.finditer(phrase))
    keep = 0
    while keep < len(words) - 1 and (
        (tags.get(words[keep].group().lower()) or "NN")[:2] in ("VB", "IN", "RB", "JJ")
        or words[keep].group().endswith("ing")
    ):
        keep += 1
    if keep and (tags.get(words[-1].group().lower()) or "NN")[:2] in ("VB", "IN", "RB"):
        return "", start
    return phrase[words[keep].start() :], start + words[keep].start()


def _claim_noun_before_that(text: str, sent: Sentence) -> bool:
    """Whether a word right before a "that" of the sentence is a noun of :data:`CLAIM_NOUNS` or its plural.

    Every row of :func:`nominal_that` needs one: its noun (``[a-z]+?s?`` after a space) is the whole word
    before "that", or that word without its plural "s".
    """
    at = text.find("that", sent.start, sent.end)
    while at >= 0:
        word = text[max(text.rfind(" ", sent.start, at - 1), text.rfind("\u00a0", sent.start, at - 1)) + 1 : at - 1]
        if word in CLAIM_NOUNS or word[:-1] in CLAIM_NOUNS:
            return True
        at = text.find("that", at + 1, sent.end)
    return False


def nominal_that(text: str, sent: Sentence) -> list[Quote]:
    """Rule "nominal-that": the that-clause of a noun of speech or belief is its possessor's attribution.

    "Slager's original assertion that he used his gun" (speaker Slager), "his claim that …" (speaker "he",
    resolved like any pronoun). A "that" followed by a verb opens a relative clause ("the statement that
    was released"), no reported content.
    """
    if not _claim_noun_before_that(text, sent):
        return []  # most sentences with a "that" have no noun of CLAIM_NOUNS right before it: no row
    quotes = []
    tags = word_tags()
    for m in _NOMINAL.finditer(text, sent.start, sent.end):
        if m.group("noun") not in CLAIM_NOUNS:
            continue
        first = WORD_RUN.match(text[m.end() : m.end() + WORD_CHARS])
        if first is None or (tags.get(first.group().lower()) or "").startswith(("VB", "MD")):
            continue  # "the statement that was released": a relative clause
        phrase, speaker_start = _possessor(m.group("speaker"), m.start("speaker"))
        speaker = _POSSESSIVE_PRONOUNS.get(phrase.lower(), phrase)
        end = content_end(text, sent, m.end(), [])
        contrast = CONTRAST.search(text, m.end(), end)  # "… claim that X, though her campaign …": X ends at the comma
        end = contrast.start() if contrast else end
        before = text[sent.start : speaker_start].strip(' “"')
        if (not before and speaker_start == m.start()) or not phrase:  # the sentence's subject: its verb ends it
            end = _subject_clause_end(text, m.end(), end)
        elif _fronted(before, tags) or speaker_start > m.start():
            if speaker != phrase:
                continue  # "Speaking after his announcement that …, Trump said": "his" points ahead, unresolved
            comma = text.find(",", m.end(), end)  # "After Kerry's claim that …, Assad said": ends at the comma
            end = comma if comma > 0 else end
        if not phrase:
            continue
        if end - m.end() >= MIN_CONTENT_CHARS and not not_a_speaker(phrase):
            quotes.append(Quote(m.end(), end, "indirect", "nominal-that", m.group("noun"), speaker, speaker_start,
                                speaker_start + len(phrase)))  # fmt: skip
    return quotes


def according_to(text: str, sent: Sentence) -> list[Quote]:
    """Reported speech of "according to X, …" and "…, according to X": the rest of the sentence is X's."""
    if text.find("ccording", sent.start, sent.end) < 0:
        return []  # every match of _ACCORDING holds "ccording" (case kept): most sentences hold none
    quotes = []
    for m in _ACCORDING.finditer(text, sent.start, sent.end):
        phrase = m.group("speaker")
        phrase = _SOURCE_PREFIX.sub("", phrase)
        speaker_start = m.start("speaker") + m.group("speaker").index(phrase)
        if text[sent.start : m.start()].strip(' “"') == "":
            tail = text.find(",", m.end("speaker"), sent.end)
            start = tail + 1 if tail >= 0 else m.end("speaker")
            start += len(text[start : sent.end]) - len(text[start : sent.end].lstrip())
            end = sent.end
        elif text[m.end("speaker") : m.end("speaker") + 1] == ":":
            continue  # rule "according-colon" (at6): "…, according to Comey’s account: “…”" attributes what follows
        else:
            start, end = sent.start, m.start()
        end = start + len(text[start:end].rstrip(" ,.;:\u00a0"))
        if end - start >= MIN_CONTENT_CHARS and not not_a_speaker(phrase):
            quotes.append(Quote(start, end, "indirect", "according-to", "according to", phrase, speaker_start,
                                speaker_start + len(phrase)))  # fmt: skip
    return quotes
