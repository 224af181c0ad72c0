"""Attitude cues in a sentence: where the forms of a cue table stand, and whether a form reads as a noun or a verb.

:func:`find_cues` finds the cue forms of a packaged cue table (``stance_cues.tsv``) in a sentence,
left to right and longest first at each word start, by one lookup per word
(:func:`cues_by_first_word`). :func:`cue_reading` applies rule "noun or verb" to a form the table
lists both ways ("Republicans support" is a verb, "the support" a noun). :mod:`newslab.stance`
builds the stance rows from the cues found.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

from newslab.cues import Cue, cue_forms, load_cues
from newslab.descriptions import word_tags
from newslab.errors import LexiconError
from newslab.lexicons import rule_words
from newslab.subjects import AUXILIARIES

#: Words before a cue that make a noun of it ("the support", "strong support", "with support").
NOUN_BEFORE = frozenset(rule_words("cue_matches.NOUN_BEFORE"))
#: Conjunctions that join a second verb to the first ("criticizes Trump's response *and* blames Bannon").
COORDINATORS = frozenset(rule_words("cue_matches.COORDINATORS"))
#: A possessive word ("Trump’s", "Sanders'"): after it, a verb cue's bare or -s form is a noun (issue 23).
POSSESSIVE = re.compile(r"(?:[’']s|s[’'])$")
#: Switch of rule "verb cue as noun" ("every attack on", "Mr. Trump’s attacks" read as nouns). Off: 5-fold
#: cross-validation over the spent opinion parts never chose it (validation/cv_opinions.py, issue 23).
ENABLED = {"verb cue as noun": False}
_WORD = re.compile(r"[\w’'-]+")  # a word of the rules below (compiled once)
_AUXILIARIES_OR_TO = AUXILIARIES | {"to"}  # words before a subject-like verb reading (made once)


def _coordinated_verb(before: str) -> bool:
    """Rule "coordinated verb": after "and/or/but", an -s form is a verb when a finite verb stands before it.

    "Scaramucci criticizes Trump's response and blames Bannon": "blames" is the second verb of
    Scaramucci, not a noun ("the threats and blames" has no finite verb before the conjunction).

    Example:
        >>> _coordinated_verb("Scaramucci criticizes Trump's response and "), _coordinated_verb("the threats and ")
        (True, False)
    """
    words = _WORD.findall(before)
    if len(words) < 2 or words[-1].lower() not in COORDINATORS:
        return False
    tags = word_tags()
    return any(tags.get(w.lower(), "") in ("VBZ", "VBD") for w in words[:-1])


@functools.cache
def _verb_forms(name: str) -> dict[str, Cue]:
    """Forms of the cues that are verbs too, for words the table lists as nouns and verbs ("support")."""
    return cue_forms([c for c in load_cues(name) if c.kind == "verb"])


def cue_reading(cue: Cue, word: str, before: str, cues: str) -> Cue:
    """Rule "noun or verb": a cue listed both ways is a verb after a subject-like word, else a noun.

    Subject-like: a capitalized word, a noun or pronoun, a modal or auxiliary, "to" ("Republicans
    support", "they would support"); after a determiner, adjective or particle it is a noun ("the
    support", "fundamental support", "cut back support"). A phrase cue after "a"/"the" is a noun
    phrase ("maintained a good relationship with").
    """
    previous = _WORD.findall(before)[-1:]
    if cue.kind == "phrase" and previous and previous[0].lower() in NOUN_BEFORE:
        return dataclasses.replace(cue, kind="noun")  # "maintained a good relationship with": a noun phrase
    if cue.kind == "verb" and previous and word.lower().endswith("s"):
        if _coordinated_verb(before):
            return cue  # "criticizes X and blames Y": a verb
        low = previous[0].lower()
        tag = word_tags().get(low, "")
        if low not in AUXILIARIES and (low in NOUN_BEFORE or tag.startswith(("VB", "IN", "DT", "JJ"))):
            return dataclasses.replace(cue, kind="noun")  # "raised questions about", "a speech of attacks on"
        if ENABLED["verb cue as noun"] and POSSESSIVE.search(previous[0]):
            return dataclasses.replace(cue, kind="noun")  # rule "verb cue as noun": "Mr. Trump’s attacks"
    if ENABLED["verb cue as noun"] and cue.kind == "verb" and previous and word.lower() == cue.cue.split()[0]:
        low = previous[0].lower()
        tag = word_tags().get(low, "")
        if POSSESSIVE.search(previous[0]) or low in NOUN_BEFORE or tag in ("DT", "PRP$", "JJ"):
            return dataclasses.replace(cue, kind="noun")  # rule "verb cue as noun": "every attack on"
    verb = _verb_forms(cues).get(word.lower())
    if cue.kind != "noun" or verb is None:
        return cue
    if not previous or previous[0].lower() in NOUN_BEFORE or previous[0][:1].isdigit():
        return cue
    low = previous[0].lower()
    tag = word_tags().get(low, "")
    subject_like = previous[0][:1].isupper() or tag.startswith(("NN", "PRP", "MD")) or low in _AUXILIARIES_OR_TO
    return verb if subject_like else cue  # "would support" is a verb; "fundamental support" a noun


#: Where a cue may begin: a run of word characters not preceded by a word character or hyphen (the
#: positions where the cue regex's ``(?<![\w-])`` holds and a cue's first character can stand).
_WORD_START = re.compile(r"(?<![\w-])\w+")


class CueMatch(NamedTuple):
    """A cue found in a sentence: the words as written and their offsets in the sentence."""

    text: str
    start: int
    end: int


@functools.cache
def cues_by_first_word(name: str) -> tuple[dict[str, Cue], dict[str, tuple[str, ...]]]:
    """Cue forms by their first word (lowercase), longest first: the cue regex as lookups."""
    forms = cue_forms(load_cues(name))
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        first = _WORD_START.match(form)
        if first is None:
            raise LexiconError(f"{name}.tsv: cue {form!r} must start with a letter or digit")
        by_first.setdefault(first.group(), []).append(form)
    return forms, {k: tuple(v) for k, v in by_first.items()}


def word_trie(words: Iterable[str]) -> str:
    """A regex (without flags or anchors) that matches exactly the given words, written as a trie.

    ``["critic", "critics", "cue"]`` gives ``c(?:ritic(?:s)?|ue)``: sre compares one letter per level
    instead of trying every word in turn at a position. Longer continuations are tried first.

    Example:
        >>> word_trie(["critic", "critics", "cue"])
        'c(?:ritic(?:s)?|ue)'
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@functools.cache
def first_words(name: str) -> re.Pattern[str]:
    """The word starts of :func:`find_cues` whose whole word is the first word of a cue form (lowercase text).

    ``(?<![\\w-])`` as in :data:`_WORD_START`, then the first words as a :func:`word_trie`, then no word character:
    it matches where ``_WORD_START`` matches a word that :func:`cues_by_first_word` lists, and nowhere else.
    """
    _, by_first = cues_by_first_word(name)
    return re.compile(rf"(?<![\w-])(?:{word_trie(by_first)})(?!\w)")


def find_cues(
    text: str, by_first: Mapping[str, tuple[str, ...]], starts: re.Pattern[str] | None = None
) -> Iterator[CueMatch]:
    """Cue forms in ``text``, left to right, longest first at each word start (what the cue regex finds).

    One dictionary lookup per word instead of trying every cue at every position. ``starts`` (:func:`first_words`
    of the same table) visits only the words that begin a cue form: the other words match no form, so the cues
    found are the same.
    """
    last = 0
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lowercase is longer ("İ"): offsets would shift
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for word in (_WORD_START if starts is None else starts).finditer(lowered):
        start = word.start()
        if start < last:
            continue
        for form in by_first.get(word.group(), ()):
            end = start + len(form)
            if lowered.startswith(form, start) and not (end < len(text) and (text[end].isalnum() or text[end] in "_-")):
                yield CueMatch(text[start:end], start, end)
                last = end
                break


@functools.cache
def silent_forms(name: str, naming: frozenset[str]) -> frozenset[str]:
    """Cue forms that give no stance however :func:`cue_reading` reads them (a reporting verb such as "said").

    :func:`cue_reading` returns the form's own cue (perhaps read as a noun: the same polarity) or, for a noun,
    the verb cue of the same form. A form is silent when each of these has polarity 0 and is no naming
    verb (``naming``, whose polarity comes from the name it gives): the stance loop passes it over at once.
    """
    forms, _ = cues_by_first_word(name)
    verbs = _verb_forms(name)
    silent = set()
    for form, cue in forms.items():
        readings = [cue, verbs[form]] if cue.kind == "noun" and form in verbs else [cue]
        if all(c.polarity == 0 and c.cue not in naming for c in readings):
            silent.add(form)
    return frozenset(silent)
