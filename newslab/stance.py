"""Stance: who takes which position toward whom (holder -> target), with the cue that says so.

:func:`stance_table` reads every attitude cue of the packaged lexicon ``stance_cues.tsv``
(criticize, complain, threaten, demand, praise, worried about, concern, doubt, friends, good
relationship, ...) and finds, in the cue's sentence,

* the **holder**, the source of the attitude: the speaker when the cue stands in a quote (direct
  or reported); otherwise the agent of a passive ("viewed with concern *by many NATO allies*"), the
  group after a noun cue ("uncertainty *among the other partners*", "support *from 33
  Democrats*"), the possessor of an attitude noun ("*the Republican’s* complaints"), or the
  subject of the cue (:func:`subject_of`: "*Republicans* support", "*Johnson*, who criticized",
  "*X* criticized NATO and praised"), which need not be a target; only when no subject stands next
  to the cue, the nearest actor before it that is not inside a prepositional phrase; failing
  all, the ``author``. he/she as a holder is the last person named (this or the previous sentence);
* the **target**: for a passive, the target mentioned before the cue; for a quality noun the
  possessor ("*his* success"); for a noun cue the first target after it (never inside the
  "from/by/among X" holder phrase); for any other cue its object or complement
  (:func:`object_of`: "praised *the alliance*", "worried about *Trump*’s term", "threatened that
  the USA would leave *the alliance*"), and in a quote the cue's subject when the object is none.
  A cue whose object is something else ("support *the plan* that Trump proposed") gives no row.
  "allies", "partners", "member states" stand for NATO as a target (rule ``via members``) and are
  a holder of their own ("allies").

A negation within three words before a favor cue flips and damps it; a negated against cue is
no position ("did not criticize" gives a neutral row). Two actors that "had become friends" hold
the stance toward each other, unless one of them says so: then only the speaker holds it.
Every row keeps the cue words, the rules
used for holder and target, and the sentence. With ``sentiment=True``, mentions outside quotes
that no cue covers get an ``author`` row from :func:`newslab.target_sentiment` (the target side).
:func:`stance_summary` aggregates per article, holder and target.

Example:
    >>> import newslab as nl
    >>> art = nl.Article("a", "", "Donald Trump has always been very critical of NATO.")
    >>> nl.stance_table(art)[["holder", "target", "stance", "cues"]].values.tolist()
    [['Trump', 'NATO', 'against', ['critical of']]]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import importlib
import itertools
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from newslab.attribution import Quote
from newslab.corpus import Corpus
from newslab.cues import Cue, cue_forms, load_cues
from newslab.descriptions import word_tags
from newslab.document import Article, Document
from newslab.errors import LexiconError, ParameterError
from newslab.lexicons import stopwords
from newslab.mention_record import Mention
from newslab.targets import Target

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

STANCE_COLUMNS = [
    "article_id",
    "sentence_id",
    "holder",
    "holder_kind",
    "target",
    "stance",
    "score",
    "cues",
    "holder_rule",
    "target_rule",
    "target_mention",
    "start",
    "end",
    "sentence",
]
STANCES = ("favor", "against", "neutral")

NEGATION_SCALAR = -0.74  # VADER N_SCALAR (Hutto & Gilbert 2014): a negated cue flips and is damped
NEGATION_WINDOW = 3  # words before a cue searched for a negation (VADER checks three as well)
NEGATIONS = frozenset({"not", "n't", "n’t", "no", "never", "without", "hardly"})
#: Verbs that take away what a favor cue gives ("cut back support for Kyiv", "withdrew his support"):
#: they negate a cue within the negation window. Compiled for newslab.
REDUCERS = frozenset({"cut", "cuts", "withdraw", "withdraws", "withdrew", "withdrawn",
                      "reduce", "reduces", "reduced", "halt", "halts", "halted", "suspend", "suspends",
                      "suspended", "lose", "loses", "lost", "drop", "drops", "dropped"})  # fmt: skip
#: Prepositions whose object is not a subject ("during Trump’s first term", "of the Netherlands").
PREPOSITIONS = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "about",
        "during",
        "under",
        "over",
        "after",
        "before",
        "since",
        "between",
        "among",
        "against",
        "into",
        "by",
    ]
)
#: Words after which a description names a group standing for an organization's members.
MEMBER_RE = re.compile(
    r"(?<![\w-])(?:(?:the|many|most|all|other|his|its|their|some|several|European|NATO|majority of)\s+){0,3}"
    r"(?:allies|partners|member states|members)(?![\w-])",
    re.IGNORECASE,
)
#: Organization targets that "allies/partners/member states" stand for (by target name).
MEMBER_TARGETS = frozenset({"NATO"})
TARGET_WINDOW = 15  # words between a cue and its target at most (set by hand on the seed sentences)
AUTHOR_MIN_SCORE = 0.3  # weaker target_sentiment scores are left out (set by hand on the seed sentences)
EVIDENCE_FEATURES = 4  # features of a target_sentiment result kept as evidence
THRESHOLD = 0.05  # |score| below this is "neutral" (set by hand; cues are weighted 0.3-1.0)


#: Words skipped between a subject and its verb cue ("Trump has always been very critical of").
AUXILIARIES = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "will", "would", "could",
     "should", "may", "might", "must", "can", "do", "does", "did", "not", "n't", "n’t", "never", "also", "always",
     "even", "still", "already", "often", "again", "once", "then", "just", "only", "very", "so", "too", "now",
     "since", "later", "long", "all", "both", "publicly", "openly", "repeatedly", "reportedly", "at", "times",
     "ended", "end", "ends", "up", "today", "yesterday", "on", "last", "this", "week",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "himself", "herself",
     "themselves", "itself", "having", "become", "became", "becomes", "remain", "remains", "remained",
     "seem", "seems", "seemed", "grown", "grew", "increasingly"]
)  # fmt: skip
#: Verbs before "to" that pass their subject on ("came to appreciate", "wants to praise").
CATENATIVES = frozenset(["come", "came", "comes", "seem", "seems", "seemed", "appear", "appears", "appeared",
                         "continue", "continues", "continued", "began", "begin", "begins", "want", "wants",
                         "wanted", "tried", "try", "tries", "refused", "refuse", "used", "went", "go",
                         "goes"])  # fmt: skip
#: Words that may stand between a verb cue and the start of its object ("praised the alliance",
#: "worried about Trump", "critical of his plan").
OBJECT_GAP = frozenset(
    ["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "of", "about",
     "with", "for", "to", "on", "against", "toward", "towards", "over", "at", "in", "into", "upon", "many",
     "most", "some", "other", "both", "fellow", "several", "all", "both", "very", "so", "too", "also", "even"]
)  # fmt: skip
#: Relative pronouns: the subject of the cue is the noun phrase before them.
RELATIVES = frozenset({"who", "which", "that"})
#: Prepositions after a noun cue that introduce its holder ("support from 33 Democrats").
HOLDER_PREPOSITIONS = ("from", "by", "among")
OBJECT_WORDS = 6  # words searched after a verb cue for its object (set by hand on the seed sentences)
_TOKEN = re.compile(r"[\w’'.-]*\w|[,;:()“”\"—–]")


@dataclasses.dataclass
class _Actor:
    label: str
    start: int
    end: int
    target: Target | None = None
    member_of: Target | None = None


#: Words before a cue that make a noun of it ("the support", "strong support", "with support").
NOUN_BEFORE = frozenset(["the", "a", "an", "his", "her", "its", "their", "our", "my", "with", "for", "of", "without",
                         "strong", "broad", "full", "great", "growing", "little", "no", "and",
                         "bipartisan"])  # fmt: skip


@functools.cache
def _verb_forms(name: str) -> dict[str, Cue]:
    """Forms of the cues that are verbs too, for words the table lists as nouns and verbs ("support")."""
    return cue_forms([c for c in load_cues(name) if c.kind == "verb"])


def _reading(cue: Cue, word: str, before: str, cues: str) -> Cue:
    """Rule "noun or verb": a cue listed both ways is a verb after a subject-like word, else a noun.

    Subject-like: a capitalized word, a noun or pronoun, a modal or auxiliary, "to" ("Republicans
    support", "they would support"); after a determiner, adjective or particle it is a noun ("the
    support", "fundamental support", "cut back support"). A phrase cue after "a"/"the" is a noun
    phrase ("maintained a good relationship with").
    """
    previous = re.findall(r"[\w’'-]+", before)[-1:]
    if cue.kind == "phrase" and previous and previous[0].lower() in NOUN_BEFORE:
        return dataclasses.replace(cue, kind="noun")  # "maintained a good relationship with": a noun phrase
    if cue.kind == "verb" and previous and word.lower().endswith("s"):
        low = previous[0].lower()
        tag = word_tags().get(low, "")
        if low not in AUXILIARIES and (low in NOUN_BEFORE or tag.startswith(("VB", "IN", "DT", "JJ"))):
            return dataclasses.replace(cue, kind="noun")  # "raised questions about", "a speech of attacks on"
    verb = _verb_forms(cues).get(word.lower())
    if cue.kind != "noun" or verb is None:
        return cue
    if not previous or previous[0].lower() in NOUN_BEFORE or previous[0][:1].isdigit():
        return cue
    low = previous[0].lower()
    tag = word_tags().get(low, "")
    subject_like = previous[0][:1].isupper() or tag.startswith(("NN", "PRP", "MD")) or low in AUXILIARIES | {"to"}
    return verb if subject_like else cue  # "would support" is a verb; "fundamental support" a noun


#: Where a cue may begin: a run of word characters not preceded by a word character or hyphen (the
#: positions where the cue regex's ``(?<![\w-])`` holds and a cue's first character can stand).
_WORD_START = re.compile(r"(?<![\w-])\w+")


class _CueMatch(NamedTuple):
    """A cue found in a sentence: the words as written and their offsets in the sentence."""

    text: str
    start: int
    end: int


@functools.cache
def _cues_by_first_word(name: str) -> tuple[dict[str, Cue], dict[str, tuple[str, ...]]]:
    """Cue forms by their first word (lowercase), longest first: the cue regex as lookups."""
    forms, _ = _cue_regex(name)
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        first = _WORD_START.match(form)
        if first is None:
            raise LexiconError(f"{name}.tsv: cue {form!r} must start with a letter or digit")
        by_first.setdefault(first.group(), []).append(form)
    return forms, {k: tuple(v) for k, v in by_first.items()}


def _find_cues(text: str, by_first: Mapping[str, tuple[str, ...]]) -> Iterator[_CueMatch]:
    """Cue forms in ``text``, left to right, longest first at each word start (what the cue regex finds).

    One dictionary lookup per word instead of trying every cue at every position.
    """
    last = 0
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lowercase is longer ("İ"): offsets would shift
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for word in _WORD_START.finditer(lowered):
        start = word.start()
        if start < last:
            continue
        for form in by_first.get(word.group(), ()):
            end = start + len(form)
            if lowered.startswith(form, start) and not (end < len(text) and (text[end].isalnum() or text[end] in "_-")):
                yield _CueMatch(text[start:end], start, end)
                last = end
                break


@functools.cache
def _cue_regex(name: str) -> tuple[dict[str, Cue], re.Pattern[str]]:
    forms = cue_forms(load_cues(name))
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return forms, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _quote_finder(quotes: list[Quote]) -> Callable[..., Quote | None]:
    """``quote_at(pos, kind=None)``: the first quote (in text order) holding ``pos``, found by bisect."""
    ordered = sorted(quotes, key=lambda q: q.start)
    starts = [q.start for q in ordered]
    reach = list(itertools.accumulate((q.end for q in ordered), max))

    def quote_at(pos: int, kind: str | None = None) -> Quote | None:
        i = bisect.bisect_right(starts, pos) - 1
        found = None
        while i >= 0 and reach[i] > pos:  # only quotes that reach past pos (nested ones are few)
            q = ordered[i]
            if q.end > pos and (kind is None or q.kind == kind):
                found = q  # keep walking back: the earliest such quote wins, as in text order
            i -= 1
        return found

    return quote_at


def by_surname(names: Iterable[str]) -> dict[str, str]:
    """The first registry name for each last word (built once per article: a lookup per capitalized run)."""
    index: dict[str, str] = {}
    for n in names:
        if n not in ("United States", "White House"):
            index.setdefault(n.rsplit(" ", 1)[-1], n)
    return index


def _person_runs(article: Document, sent_index: int, by_last: Mapping[str, str]) -> list[_Actor]:
    """Capitalized runs that look like people (in the article's name registry or a surname of one)."""
    sent = article.sentences[sent_index]
    actors = []
    for m in re.finditer(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", sent.text):
        words = [re.sub(r"[’']s$", "", w) for w in m.group().split()]
        if not words:
            continue
        full = by_last.get(words[-1], "")
        if full:
            end = sent.start + m.end() - (2 if m.group().endswith(("’s", "'s")) else 0)
            actors.append(_Actor(_clean_label(full), sent.start + m.start(), end))
    return actors


def _actors(
    article: Document,
    sent_index: int,
    mentions: list[Mention],
    member_targets: list[Target],
    by_last: Mapping[str, str],
) -> list[_Actor]:
    sent = article.sentences[sent_index]
    actors: list[_Actor] = []
    for g in MEMBER_RE.finditer(sent.text):
        group = _Actor("allies", sent.start + g.start(), sent.start + g.end())
        group.member_of = member_targets[0] if member_targets else None
        actors.append(group)
    for m in mentions:
        if sent.start <= m.start < sent.end and not any(a.start <= m.start < a.end for a in actors):
            actors.append(_Actor(m.target.name, m.start, m.end, target=m.target))
    for p in _person_runs(article, sent_index, by_last):
        if not any(p.start < a.end and a.start < p.end for a in actors):
            actors.append(p)
    for pm in re.finditer(r"\b(?:they|They|she|She|he|He)\b", sent.text):
        start = sent.start + pm.start()
        if not any(a.start <= start < a.end for a in actors):
            actors.append(_Actor(pm.group().lower(), start, start + len(pm.group())))
    return sorted(actors, key=lambda a: a.start)


def _entity(a: _Actor) -> str:
    return a.target.name if a.target is not None else a.label


def _preceded_by_preposition(text: str, start: int) -> bool:
    before = re.findall(r"[\w’'-]+", text[max(0, start - 40) : start])
    skip = {"the", "a", "an", "his", "her", "its", "their", "many", "most", "all", "some"}
    while before and before[-1].lower() in skip:
        before.pop()
    return bool(before) and before[-1].lower() in PREPOSITIONS


def _is_person(a: _Actor) -> bool:
    """A named person: a name from the article's registry, or a person target's name mention."""
    if a.target is not None:
        return a.target.kind == "person" and a.label == a.target.name and a.end - a.start > 3
    return a.member_of is None and a.label not in ("he", "she", "they", "allies") and " " in a.label


def _resolve_person(sent_index: int, start: int, actors_by_sentence: dict[int, list[_Actor]]) -> str:
    """Rule "he/she = the last person named": the nearest named person before, this or the previous sentence.

    The first person named (the subject, most often) before the pronoun in its own sentence, else
    in the previous sentence ("Trump has maintained a good relationship with Putin and ... he may
    seek" -> Trump). Empty when nobody is named there.
    """
    here = [a for a in actors_by_sentence.get(sent_index, []) if a.end <= start and _is_person(a)]
    if here:
        return _entity(here[0])
    before = [a for a in actors_by_sentence.get(sent_index - 1, []) if _is_person(a)]
    return _entity(before[0]) if before else ""


def _resolve_they(article: Document, sent_index: int, actors_by_sentence: dict[int, list[_Actor]]) -> str:
    for index in (sent_index, sent_index - 1):
        if any(a.label == "allies" for a in actors_by_sentence.get(index, [])):
            return "allies"
    return "they"


def _sentiment_hook(sentiment: bool | Callable[..., Any]) -> Callable[..., Any] | None:
    if callable(sentiment):
        return sentiment
    if not sentiment:
        return None
    try:
        hook: Callable[..., Any] = importlib.import_module("newslab.sentiment").target_sentiment
        return hook
    except (ImportError, AttributeError):
        logger.debug("newslab.sentiment.target_sentiment not available; no author rows from sentiment")
        return None


def _label(score: float) -> str:
    return "favor" if score > THRESHOLD else ("against" if score < -THRESHOLD else "neutral")


def _negated_score(polarity: float, *, negated: bool) -> float:
    """Rule "negation": a negated favor cue flips and is damped, a negated against cue is no position.

    "did not show great involvement" is against (VADER's N_SCALAR); "did not criticize NATO" is not
    praise, so its row is "neutral" with the cue as evidence.
    """
    if not negated:
        return polarity
    return polarity * NEGATION_SCALAR if polarity > 0 else 0.0


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, lo, hi)]


def _actor_at(actors: list[_Actor], pos: int) -> _Actor | None:
    return next((a for a in actors if a.start <= pos < a.end), None)


def _noun_phrase_before(tokens: list[tuple[str, int, int]], i: int) -> _Actor:
    """The noun phrase ending at token ``i``: a capitalized run ("Senate Republicans") or "the plan"."""
    word, _, end = tokens[i]
    j = i
    if not word[:1].isupper() and i > 0 and tokens[i - 1][0][:1].isupper():
        j = i - 1  # "NATO leaders", "Senate aides"
    if tokens[j][0][:1].isupper():
        while j > 0 and tokens[j - 1][0][:1].isupper() and tokens[j - 1][0] not in ("“", '"'):
            j -= 1
    label = " ".join(t[0] for t in tokens[j : i + 1])
    return _Actor(_clean_label(re.sub(r"[’']s$", "", label)), tokens[j][1], end)


def _clean_label(label: str) -> str:
    """A holder's label without leading determiners and quantifiers ("Several Republicans" -> "Republicans")."""
    words = label.split()
    while len(words) > 1 and (words[0].lower() in OBJECT_GAP or words[0].lower() in stopwords()):
        words.pop(0)
    return " ".join(words)


def _clause_subject(tokens: list[tuple[str, int, int]], i: int, actors: list[_Actor]) -> tuple[_Actor | None, str]:
    """Rule "subject (coordinated verb)": in "X criticized NATO and praised Trump" the subject is X."""
    k = i
    while k > 0 and tokens[k - 1][0] not in (",", ";", ":", "“", '"'):
        k -= 1
    for n in range(k, i):
        actor = _actor_at(actors, tokens[n][1])
        if actor is not None:
            return actor, "subject (coordinated verb)"
        if tokens[n][0][:1].isupper() and tokens[n][0].lower() not in ("the", "a", "an"):
            j = n
            while j + 1 < i and tokens[j + 1][0][:1].isupper():
                j += 1
            return _noun_phrase_before(tokens, j), "subject (coordinated verb, not a named actor)"
    return None, "no subject next to cue"


def subject_of(text: str, lo: int, cue_start: int, actors: list[_Actor]) -> tuple[_Actor | None, str]:
    """Rule "subject": the noun phrase right before a verb cue, across auxiliaries and adverbs.

    "Trump has always been very critical of" -> Trump; "Republicans support" -> Republicans (not a
    target, so no target's name is taken from farther away); "Johnson, who criticized" -> Johnson
    (relative clause); "came to appreciate" passes the subject on. Returns ``(None, rule)`` when
    a comma or the start of the sentence comes first (the caller then falls back).
    """
    tokens = _tokens(text, lo, cue_start)
    i = len(tokens) - 1
    rule = "subject"
    while i >= 0:
        low = tokens[i][0].lower()
        if low in AUXILIARIES or low in NEGATIONS or (low.endswith("ly") and len(low) > 4):
            i -= 1
        elif low == "to" and i > 0 and tokens[i - 1][0].lower() in CATENATIVES:
            i -= 2
        elif low == "to":  # "for Rubio to attack", "her efforts to warn": the NP before "to" if it is an actor
            actor = _actor_at(actors, tokens[i - 1][1]) if i > 0 else None
            return (actor, "subject of infinitive") if actor is not None else (None, "no subject next to cue")
        elif low in RELATIVES and rule == "subject":
            i -= 1
            if i >= 0 and tokens[i][0] == ",":
                i -= 1
            rule = "subject (relative clause)"
        elif low in ("and", "but", "or") and rule == "subject":
            return _clause_subject(tokens, i, actors)
        else:
            break
    if tokens[i:] and tokens[i][0] == "," and i + 1 < len(tokens) and tokens[i + 1][0].lower() == "having" and i > 0:
        i -= 1  # "Sessions, having supported Trump": the subject before the participle phrase
    if i < 0 or not any(c.isalnum() for c in tokens[i][0]):
        return None, "no subject next to cue"
    actor = _actor_at(actors, tokens[i][1])
    if actor is not None:
        return actor, rule
    return _noun_phrase_before(tokens, i), rule + " (not a named actor)"


def _apposition(tokens: list[tuple[str, int, int]], n: int, actors: list[_Actor]) -> tuple[_Actor, str] | None:
    """Rule "object (apposition)": "attacked the attorney general, Letitia James" -> Letitia James."""
    for k in range(n + 1, min(n + 4, len(tokens) - 1)):
        if tokens[k][0] == ",":
            actor = _actor_at(actors, tokens[k + 1][1])
            return (actor, "object (apposition)") if actor is not None else None
        if not tokens[k][0][:1].isalpha():
            return None
    return None


def object_of(text: str, cue_end: int, limit: int, actors: list[_Actor]) -> tuple[_Actor | None, str]:
    """Rule "object": the actor that starts the cue's object or complement, or nothing.

    Only determiners, prepositions and adjectives may stand between the cue and the actor
    ("praised the alliance", "worried about Trump’s term"); any other word first means the
    object is something else ("support the plan that Trump proposed" has no target). After
    "that" the complement is a clause: its first actor counts ("threatened that the USA would
    leave the alliance").
    """
    tokens = _tokens(text, cue_end, limit)
    tags = word_tags()
    clause = bool(tokens) and tokens[0][0].lower() == "that"
    if len(tokens) > 1 and tokens[0][0].lower() == "to" and tags.get(tokens[1][0].lower(), "").startswith("VB"):
        clause = True  # "threatened to leave the alliance": an infinitive complement
    for n, (word, start, _) in enumerate(tokens):
        actor = _actor_at(actors, start)
        if actor is not None:
            return actor, "first actor of that-clause" if clause else "object"
        low = word.lower()
        if clause:
            if n > TARGET_WINDOW or word in (";", ":"):
                break
            continue
        if n >= OBJECT_WORDS:
            break
        tag = tags.get(low, "")
        if low in OBJECT_GAP or tag.startswith(("JJ", "CD", "RB", "PRP$", "DT")) or low.endswith("ly"):
            continue
        return _apposition(tokens, n, actors) or (None, f"object is not a target ({word!r})")
    return None, "no object"


def _is_target(a: _Actor | None) -> bool:
    return a is not None and (a.target or a.member_of) is not None


def _holder_phrase(text: str, pos: int, limit: int, actors: list[_Actor]) -> _Actor | None:
    """The actor, or the noun phrase, that starts at ``pos`` ("by many NATO allies", "from 33 Democrats")."""
    actor = next((a for a in actors if a.start == pos), None)
    if actor is not None:
        return actor
    tokens = _tokens(text, pos, limit)
    i = 0
    while i < len(tokens) and (tokens[i][0].lower() in OBJECT_GAP or tokens[i][0][:1].isdigit()):
        i += 1
    if i >= len(tokens) or not tokens[i][0][:1].isalpha():
        return None
    j = i
    capitalized = tokens[i][0][:1].isupper()
    while j + 1 < len(tokens) and j - i < 3:
        nxt = tokens[j + 1][0]
        if (capitalized and not nxt[:1].isupper()) or not nxt[:1].isalpha() or nxt.lower() in PREPOSITIONS:
            break
        if not capitalized and nxt.lower() in RELATIVES | AUXILIARIES:
            break
        j += 1
    phrase = _noun_phrase_before(tokens, j)
    if not capitalized:
        phrase = _Actor(" ".join(t[0] for t in tokens[i : j + 1]), tokens[i][1], tokens[j][2])
    at = next((a for a in actors if phrase.start <= a.start < phrase.end), None)
    return at or phrase


#: Verbs that make a following noun cue passive ("viewed with concern by", "met with criticism from").
PASSIVE_FRAMES = re.compile(
    r"\b(?:viewed|seen|met|greeted|received|regarded|treated|watched|followed|observed)\s+with\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _passive(text: str, lo: int, cs: int, after: str, cue: Cue) -> re.Match[str] | None:
    """Rule "passive": a participle cue with "by" ("was criticized by X"), or a noun cue in a passive frame.

    "defend himself against attacks by Clinton" is not passive ("defend" is no participle); a
    noun cue followed by "by" is passive only after "viewed/met/greeted with" ("viewed with
    concern by many allies"); otherwise "by X" after a noun only names its holder ("the threat
    posed by Putin": no target before it).
    """
    by = re.match(r"(?:\s+[\w’'-]+){0,3}?\s+by\s+", after)
    if by is None:
        return None
    first = re.match(r"[\w’'-]+", text[cs : cs + 40])
    word = first.group().lower() if first else ""
    if cue.kind == "noun":
        return by if PASSIVE_FRAMES.search(text, lo, cs) else None
    participle = word.endswith(("ed", "en")) or word in ("told", "held", "seen")
    return by if participle else None


def _cue_roles(
    article: Document,
    sent_index: int,
    cue: Cue,
    span: tuple[int, int],
    quote: Quote | None,
    actors: list[_Actor],
    speaker_name: Callable[[Quote], str],
    actors_by_sentence: dict[int, list[_Actor]],
) -> tuple[str, str, _Actor, str, str] | None:
    """Holder and target of one cue: ``(holder, holder_kind, target actor, holder_rule, target_rule)``.

    Holder: the quote's speaker; else the passive agent ("by X") or, after a noun cue, the group
    "from/among X"; else the possessor of an attitude noun; else the subject of the cue
    (:func:`subject_of`), falling back to the nearest actor before the cue that is not the
    object of a preposition; else the author. Target: before a passive cue; the possessor of a
    quality noun; the first target after a noun cue; the object or complement of any other cue
    (:func:`object_of`), and in a quote the subject when the object is none. The holder is never
    the target; no target, no row.
    """
    text = article.text
    sent = article.sentences[sent_index]
    cs, ce = span
    after = text[ce : sent.end]
    passive = _passive(text, sent.start, cs, after, cue)
    group = None
    if cue.kind == "noun":
        group = re.match(rf"(?:\s+[\w’'-]+){{0,3}}?\s+(?:{'|'.join(HOLDER_PREPOSITIONS)})\s+", after)
    holder_actor: _Actor | None = None
    if quote is not None:
        holder, kind, hrule = speaker_name(quote), "speaker", f"{quote.kind} quote ({quote.rule})"
    else:
        kind = "actor"
        hrule = ""
        if passive or group:
            at = ce + (passive or group).end()  # type: ignore[union-attr]
            holder_actor = _holder_phrase(text, at, sent.end, actors)
            hrule = "passive agent" if passive else "group after noun"
        if holder_actor is None and cue.kind != "quality":
            poss = re.search(r"[’']s\s+(?:[\w-]+\s+and\s+)?$", text[sent.start : cs])
            if poss:
                holder_actor = next((a for a in actors if a.end == sent.start + poss.start()), None)
                hrule = "possessor of attitude noun"
        if holder_actor is None and cue.kind not in ("noun", "quality"):
            holder_actor, hrule = subject_of(text, sent.start, cs, actors)
            hrule = hrule if holder_actor is not None else ""
        if holder_actor is None:
            before = [a for a in actors if a.end <= cs and not _preceded_by_preposition(text, a.start)]
            after_comma = cue.kind not in ("noun", "quality") and hrule == "" and before
            holder_actor = (before[0] if after_comma else before[-1]) if before else None
            hrule = "first actor of the sentence (cue after a comma)" if after_comma else "nearest actor before cue"
        if holder_actor is None and cue.kind == "verb":
            return None  # a verb needs a subject: the author does not "support" or "praise" in the third person
        if holder_actor is None:
            holder, kind, hrule = "author", "author", "no actor before cue"
        else:
            holder = _entity(holder_actor)
            if holder == "they":
                holder = _resolve_they(article, sent_index, actors_by_sentence)
            elif holder in ("he", "she"):
                person = _resolve_person(sent_index, holder_actor.start, actors_by_sentence)
                if person:
                    holder, hrule = person, f"{hrule}; {holder_actor.label} = the person named before"

    def usable(a: _Actor | None) -> bool:
        if not _is_target(a) or a is None:
            return False
        if holder_actor is not None and a.start < holder_actor.end and holder_actor.start < a.end:
            return False
        return _entity(a) != holder and (a.target or a.member_of).name != holder  # type: ignore[union-attr]

    tgt: _Actor | None = None
    limit = quote.end if quote is not None else sent.end
    if passive and quote is None:
        tgt = next((a for a in reversed(actors) if a.end <= cs and usable(a)), None)
        trule = "target before passive cue"
    elif cue.kind == "quality":
        tgt = next((a for a in reversed(actors) if a.end <= cs and cs - a.end <= 4 and usable(a)), None)
        trule = "possessor of quality noun"
    elif cue.kind == "noun":
        following = [a for a in actors if ce <= a.start < limit and _entity(a) != holder]
        if group and holder_actor is not None:  # after "support from X", only "about/as to ... Y" is the topic
            topic = re.compile(r"\b(?:about|over|as to|toward|towards|regarding|on)\b")
            following = [a for a in following if a.end <= ce + group.start() or (
                a.start >= holder_actor.end and topic.search(text, holder_actor.end, a.start))]  # fmt: skip
        following = [a for a in following if len(re.findall(r"[\w’'-]+", text[ce : a.start])) <= TARGET_WINDOW]
        tgt = following[0] if following and usable(following[0]) else None
        trule = "first target after noun cue"
    else:
        obj, trule = object_of(text, ce, limit, actors)
        tgt = obj if usable(obj) else None
        if tgt is None and quote is not None:
            subj, _ = subject_of(text, max(sent.start, quote.start), cs, actors)
            tgt = subj if usable(subj) else None
            trule = "subject of cue in quote"
    if tgt is not None and tgt.target is None:
        trule += " (via members)"
    return (holder, kind, tgt, hrule, trule) if tgt is not None else None


def article_stance(
    article: Document,
    targets: tuple[Target, ...],
    *,
    quotes: list[Quote],
    mentions: list[Mention],
    names: tuple[str, ...],
    cues: str = "stance_cues",
    sentiment: bool | Callable[..., Any] = False,
) -> list[dict[str, Any]]:
    """Stance rows of one parsed article (see :func:`stance_table`).

    Args:
        article: The parsed article.
        targets: The targets.
        quotes: Its quotes (the quote stage); a cue inside a quote is held by the speaker.
        mentions: Its target mentions with the in-quote rule applied (the mention stages).
        names: Its name registry (:func:`newslab.names.name_registry`).
        cues: Packaged cue table name.
        sentiment: As for :func:`stance_table`.
    """
    text = article.text
    forms, by_first = _cues_by_first_word(cues)
    member_targets = [t for t in targets if t.name in MEMBER_TARGETS]
    mentions_by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        mentions_by_sentence.setdefault(article.sentence_of(m.start), []).append(m)
    by_last = by_surname(names)
    quote_at = _quote_finder(quotes)
    actors_by_sentence = {
        s.index: _actors(article, s.index, mentions_by_sentence.get(s.index, []), member_targets, by_last)
        for s in article.sentences
    }
    rows: list[dict[str, Any]] = []
    covered: set[tuple[int, str]] = set()  # (sentence, entity) already holder or target of a cue row

    def add(sent_index: int, holder: str, kind: str, tgt: _Actor, score: float, cue_words: list[str],
            hrule: str, trule: str) -> None:  # fmt: skip
        target = tgt.target or tgt.member_of
        if target is None or holder in (target.name, *target.aliases):
            return
        sent = article.sentences[sent_index]
        rows.append({
            "article_id": article.id, "sentence_id": sent_index, "holder": holder, "holder_kind": kind,
            "target": target.name, "stance": _label(score), "score": round(score, 4) if score else 0.0,
            "cues": cue_words, "holder_rule": hrule, "target_rule": trule,
            "target_mention": text[tgt.start : tgt.end], "start": tgt.start, "end": tgt.end, "sentence": sent.text,
        })  # fmt: skip
        covered.update({(sent_index, target.name), (sent_index, holder)})

    def speaker_name(q: Quote) -> str:
        for t in targets:
            if q.resolved in t.aliases or q.resolved == t.name:
                return t.name
        return q.resolved or q.speaker or "unknown speaker"

    for sent in article.sentences:
        actors = actors_by_sentence[sent.index]
        for cm in _find_cues(sent.text, by_first):
            cs, ce = sent.start + cm.start, sent.start + cm.end
            if re.search(r"\bas\s+$", text[sent.start : cs]) and text[ce : ce + 3] == " to":
                continue  # "as opposed to": a comparison, not an attitude
            cue = _reading(forms[cm.text.lower()], cm.text, text[sent.start : cs], cues)
            if cue.polarity == 0:
                continue
            words = re.findall(r"[\w’'-]+", text[sent.start : cs])[-NEGATION_WINDOW:]
            negated = any(w.lower() in NEGATIONS or w.lower().endswith(("n't", "n’t")) for w in words)
            noun_cue = cue.polarity > 0 and cue.kind == "noun"
            reducer = next((w for w in words if w.lower() in REDUCERS), "") if noun_cue else ""
            score = _negated_score(cue.polarity, negated=negated or bool(reducer))
            cue_words = [("not " if negated else "") + (f"{reducer} … " if reducer else "") + cm.text]
            quote = quote_at(cs)
            found = _cue_roles(article, sent.index, cue, (cs, ce), quote, actors, speaker_name, actors_by_sentence)
            if found is not None:
                holder, kind, tgt, hrule, trule = found
                add(sent.index, holder, kind, tgt, score, cue_words, hrule, trule)
        for fm in re.finditer(  # (?<!...): "a" starts at a word's start, so a long word is scanned once, not per letter
            r"(?<![\w’'-])(?P<a>[\w’'-]+)\s+and\s+(?P<b>[\w’'-]+)\s+"
            r"(?:had\s+|have\s+|has\s+)?(?:become|are|were|remained)\s+(?:good\s+|close\s+)?friends",
            sent.text,
        ):
            pair = []
            for g in ("a", "b"):
                start = sent.start + fm.start(g)
                actor = next((a for a in actors if a.start <= start < a.end), None)
                quote = quote_at(start, "indirect")
                if (
                    actor is not None
                    and actor.label == "he"
                    and quote is not None
                    and fm.start(g) == 0 + (quote.start - sent.start)
                ):
                    pair.append((speaker_name(quote), actor))  # "Trump said he and Rutte ...": he = the speaker
                elif actor is not None:
                    pair.append((_entity(actor), actor))
                elif fm.group(g)[:1].isupper():
                    word = re.sub(r"[’']s$", "", fm.group(g))
                    pair.append((word, _Actor(word, start, start + len(word))))
            said = quote_at(sent.start + fm.start())
            speaker = speaker_name(said) if said is not None else ""
            if len(pair) == 2 and speaker in (pair[0][0], pair[1][0]):
                # "Trump said he and Rutte had become friends": the speaker's claim, held by the speaker only
                (ha, aa), (hb, ab) = pair if pair[0][0] == speaker else pair[::-1]
                add(sent.index, ha, "speaker", ab, 0.8, ["become friends"], "speaker's claim (a and b became friends)",
                    "the other of the two")  # fmt: skip
            elif len(pair) == 2:
                (ha, aa), (hb, ab) = pair
                add(sent.index, ha, "actor", ab, 0.8, ["become friends"], "mutual (a and b became friends)", "mutual")
                add(sent.index, hb, "actor", aa, 0.8, ["become friends"], "mutual (a and b became friends)", "mutual")
                if aa.target is None and ha != aa.label:
                    for t in targets:
                        if ha in t.aliases or ha == t.name:
                            add(sent.index, hb, "actor", _Actor(t.name, aa.start, aa.end, target=t), 0.8,
                                ["become friends"], "mutual (a and b became friends)", "mutual")  # fmt: skip
    hook = _sentiment_hook(sentiment)
    if hook is not None:
        for m in mentions:
            if m.kind == "pronoun" or any(q.start <= m.start < q.end for q in quotes):
                continue
            sid = article.sentence_of(m.start)
            if (sid, m.target.name) in covered:
                continue
            sent = article.sentences[sid]
            try:
                result = hook(sent.text, span=(m.start - sent.start, m.end - sent.start))
            except Exception as err:  # a hook from another module must not break the table
                logger.warning("target_sentiment failed on %r: %s", sent.text[:60], err)
                continue
            label = str(getattr(result, "label", "neutral"))
            score = float(getattr(result, "score", 0.0))
            if label == "neutral" or abs(score) < AUTHOR_MIN_SCORE:
                continue
            evidence = getattr(result, "evidence", ())
            # model features as "name=value" (newslab.sentiment.Feature), strongest first, as the evidence
            cue_words = [
                f"{getattr(e, 'name', e)}={getattr(e, 'value', '')}" for e in tuple(evidence)[:EVIDENCE_FEATURES]
            ]
            add(sid, "author", "author", _Actor(m.target.name, m.start, m.end, target=m.target), score, cue_words,
                "author (no holder in text)", "target_sentiment")  # fmt: skip
    return rows


def stance_table(
    corpus: Corpus | Article | Iterable[Article] | str,
    targets: Target | Iterable[Target] | None = None,
    *,
    cues: str = "stance_cues",
    sentiment: bool | Callable[..., Any] = False,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Who takes which position toward which target, with the cues and the sentence.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        targets: Targets whose stance is wanted; default ``(TRUMP, NATO)``. Holders need not be
            targets (quoted speakers, named people, "allies", "author").
        cues: Packaged cue table (TSV name without ``.tsv``) with cue, polarity, kind, speech, source.
        sentiment: Also add ``author`` rows from ``newslab.sentiment.target_sentiment`` for
            mentions outside quotes that no cue covers (``True``), or from a callable with the
            same signature ``f(text, span=(start, end))``. Off by default: those rows carry model
            features, not cue words, as evidence, and the first call loads the model (~1 s).
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns article_id, sentence_id, holder, holder_kind ("speaker", "actor",
        "author"), target, stance ("favor", "against", "neutral"), score (cue polarity in
        [-1, 1], negation applied), cues (list of cue words), holder_rule, target_rule,
        target_mention, start, end (of the target mention in ``article.text``), sentence.

    Example:
        >>> import newslab as nl
        >>> art = nl.Article("a", "", "Allies are worried about Trump. NATO is not praised by Trump.")
        >>> stance_table(art, sentiment=False)[["holder", "target", "stance", "score"]].values.tolist()
        [['allies', 'Trump', 'against', -0.6], ['Trump', 'NATO', 'against', -0.74]]
    """
    from newslab.analysis import AnalysisOptions, analyze  # the pass builds on this module

    if not isinstance(sentiment, bool) and not callable(sentiment):
        raise ParameterError(f"sentiment={sentiment!r}; valid: True, False or a callable like target_sentiment")
    options = AnalysisOptions(cues=cues, stance_sentiment=sentiment)
    return analyze(corpus, targets, options=options, tables=("stance",), progress=progress).stance


def stance_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Aggregate a :func:`stance_table` per article, holder and target.

    Returns:
        DataFrame article_id, holder, target, stance (label of the mean score), score (mean),
        n (rows), favor, against (row counts), cues (all cue words), sentence_ids.

    Example:
        >>> import newslab as nl
        >>> s = stance_summary(stance_table(nl.load_seed_corpus(), sentiment=False))
        >>> s[(s.holder == "Trump") & (s.target == "NATO")][["article_id", "stance", "n"]].values.tolist()
        [['es-daily', 'against', 4], ['de-dpa', 'against', 2]]
    """
    import pandas as pd

    columns = ["article_id", "holder", "target", "stance", "score", "n", "favor", "against", "cues", "sentence_ids"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    order = {a: i for i, a in enumerate(dict.fromkeys(table["article_id"]))}
    grouped = table.groupby(["article_id", "holder", "target"], sort=False)
    out = grouped.agg(
        score=("score", "mean"),
        n=("score", "size"),
        favor=("stance", lambda s: int((s == "favor").sum())),
        against=("stance", lambda s: int((s == "against").sum())),
        cues=("cues", lambda c: [w for ws in c for w in ws]),
        sentence_ids=("sentence_id", lambda s: sorted(set(s))),
    ).reset_index()
    out["stance"] = out["score"].map(_label)
    out = out.sort_values(["article_id", "n"], key=lambda c: c.map(order) if c.name == "article_id" else -c)
    return out.reset_index(drop=True)[columns]


__all__ = ["STANCES", "STANCE_COLUMNS", "stance_summary", "stance_table"]
