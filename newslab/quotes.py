"""Voices: who is quoted, directly or in reported speech, and with which words.

:func:`find_quotes` finds **direct quotes** in curly (“…”) or straight ("…") quotation marks
(a quote left open at a paragraph's end that the next paragraph reopens runs on), and **reported
speech** without quotation marks. Everything works on the sentences the tokenizer gives
(:func:`newslab.document.parse`), so abbreviations (Mr., Feb., U.S., Sen.) never cut a quote or its
attribution. Each row names the ``rule`` that found it and the ``speaker_rule`` that named the speaker.

**Attributions.** In each sentence every reporting verb of ``speech_verbs.tsv`` (say, tell, add,
believe, warn, argue, insist, claim, deny, urge, accuse …: a class, whether it inverts and whether it
takes an addressee) is paired with its subject, read off the clause:

* the phrase right before the verb, through titles, a time ("said Thursday", "on Feb. 15", "a day
  earlier") and appositions or relative clauses ("X, a spokesman for Y, said"; "Sen. Lindsey Graham,
  R-S.C., said"; "X, who …, said"); when a role comes first, the name after it ("Hungary's prime
  minister, Viktor Orban, said" -> Viktor Orban);
* after the verb when a quote or comma precedes it and the verb inverts ("…,” said Sen. X");
* "X, who said …" -> X; a participle or a second verb ("…, saying …", "claimed … and demanded …")
  takes the subject of its own clause.

A speaker is never a date or time, a party-state tag, an age or a bare title, nor anything in a headline
(a title-case line without closing punctuation). An addressee ("told reporters", "told Y") is never the
speaker.

**Direct quotes** take, in this order: the clause right after the quote (``after-quote``); the last
clause before it in its sentence, which covers "X said: “…”" and a partial quote inside reported speech
("Tapper said that the news was “very, very troubling”"; ``before-quote``, or ``split`` between two
halves); else a quote of the same paragraph (``same-paragraph``), the speaker of the sentence before in
the paragraph (``previous-sentence``), or the previous paragraph's speaker when a paragraph opens with a
quote (``continued``). Otherwise ``unattributed``.

**Reported speech**: "X said (that) …", "X told reporters (that) …" (``reported-say``), verbs of
belief, warning and argument (``reported-belief``, ``-warning``, ``-argument``; "noted", "maintained"
and other verbs that take objects report a clause only with "that" or a pronoun), "X urged Y to …" and
"X accused Y of …" (``reported-directive``), "X complained about …" (``reported-topic``), a second verb
of the same subject (``coordinated``),
"… , police said." (``reported-after``) and "according to X" (``according-to``). The content runs to
the end of the sentence or to the next speaker's clause.

**Speakers** resolve to a full name where the text allows: a surname to the longest name in the article
ending with it ("Rutte" -> "Mark Rutte"), titles and roles dropped ("Gov. Andy Beshear of Kentucky" ->
"Andy Beshear"); a role phrase to the person named with that role before ("the majority leader" ->
"Majority Leader X" or "X, the majority leader"; ``role:named-earlier``), to a target it describes
(``description:target``), to the speaker said with the same role (``description:same-role``) or to the
previous sentence's subject ("the New York Democrat"; ``description:previous-subject``); a pronoun to the
last compatible speaker of the two sentences before unless a newer subject was named
(``pronoun:recent-speaker``), else to that subject (``pronoun:previous-subject``), else to the target
the mention stage found (``pronoun:target``). Groups and sources stay as written ("officials").

Example:
    >>> import newslab as nl
    >>> text = "Mark Rutte arrived. “We are strong,” he said. Trump said that NATO was obsolete."
    >>> df = nl.find_quotes(nl.Article("a", "", text))
    >>> df[["speaker", "speaker_resolved", "verb", "quote", "kind"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['he', 'Mark Rutte', 'said', 'We are strong', 'direct'],
     ['Trump', 'Trump', 'said', 'NATO was obsolete', 'indirect']]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from newslab.anchored import capitals_before, finditer_at, lowers_letterwise, occurrences
from newslab.corpus import Corpus
from newslab.document import Article, Document, Sentence
from newslab.errors import LexiconError
from newslab.lexicons import load_table, stopwords
from newslab.mentions import Mention
from newslab.names import FEMALE_ROLES, MALE_ROLES, ROLE_WORDS
from newslab.targets import Target

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

QUOTE_COLUMNS = [
    "article_id",
    "sentence_id",
    "speaker",
    "speaker_resolved",
    "verb",
    "quote",
    "kind",
    "start",
    "end",
    "rule",
    "speaker_rule",
    "speaker_start",
    "speaker_end",
]

#: Words a verb may take as its addressee before "that" ("told reporters on Capitol Hill that"); set by hand.
OBJECT_WORDS = 6
#: How many sentences back a quote's speaker stays the default referent of he/she (set by hand).
SPEAKER_MEMORY = 2
#: Characters before a reporting verb searched for its subject; fits "X, a professor who wrote a paper … , said"
#: (set by hand from the longest appositions in NewsMTSC sentences).
SUBJECT_WINDOW = 240


@dataclasses.dataclass(frozen=True)
class Cue:
    """One stance cue or reporting verb from ``stance_cues.tsv``."""

    cue: str
    polarity: float
    kind: str
    speech: bool
    source: str
    note: str


def _inflect(cue: str, kind: str) -> set[str]:
    """Surface forms of a cue: verbs and phrases inflect their first word, nouns take a plural."""
    first, _, rest = cue.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {cue}
    if kind in ("verb", "phrase") and first.isalpha() and not first.endswith("ing"):
        stem = first[:-1] if first.endswith("e") and not first.endswith("ee") else first
        past = first + "d" if first.endswith("e") else (first[:-1] + "ied" if first.endswith("y") else first + "ed")
        third = first + "es" if first.endswith(("s", "sh", "ch", "x")) else first + "s"
        forms |= {w + tail for w in (third, past, stem + "ing")}
    if kind in ("noun", "quality"):
        forms.add(cue + "es" if cue.endswith(("s", "sh", "ch", "x")) else cue + "s")
    return forms


@functools.cache
def load_cues(name: str = "stance_cues") -> tuple[Cue, ...]:
    """The packaged cue table (stance cues and reporting verbs).

    Args:
        name: Packaged TSV without ``.tsv``.

    Raises:
        LexiconError: If a row lacks a field or its polarity is not a number in [-1, 1].

    Example:
        >>> next(c for c in load_cues() if c.cue == "critical of").polarity
        -1.0
    """
    cues = []
    for row in load_table(name):
        try:
            polarity = float(row["polarity"])
            cue = Cue(row["cue"].strip().lower(), polarity, row["kind"], row["speech"] == "yes", row["source"],
                      row.get("note") or "")  # fmt: skip
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise LexiconError(f"{name}.tsv: bad row {row!r} (need cue, polarity, kind, speech, source)") from err
        if not -1.0 <= polarity <= 1.0:
            raise LexiconError(f"{name}.tsv: polarity of {cue.cue!r} is {polarity}, not in [-1, 1]")
        cues.append(cue)
    return tuple(cues)


def cue_forms(cues: Iterable[Cue]) -> dict[str, Cue]:
    """Map every surface form (lowercase) to its cue; the first row wins for shared forms.

    Example:
        >>> cue_forms(load_cues())["threatened"].cue
        'threaten'
    """
    forms: dict[str, Cue] = {}
    for cue in cues:
        for form in sorted(_inflect(cue.cue, cue.kind)):
            forms.setdefault(form, cue)
    return forms


@dataclasses.dataclass(frozen=True)
class SpeechVerb:
    """One reporting verb of ``speech_verbs.tsv``: lemma, class and how it takes its speaker."""

    lemma: str
    cls: str
    inverts: bool
    addressee: bool
    bare: bool = True


VERB_CLASSES = ("say", "belief", "warning", "argument", "directive", "attitude")


@functools.cache
def load_speech_verbs(name: str = "speech_verbs") -> Mapping[str, SpeechVerb]:
    """Surface form -> :class:`SpeechVerb` for the packaged table of reporting verbs.

    Args:
        name: Packaged TSV without ``.tsv`` (columns verb, forms, class, inverts, addressee, bare, source).

    Raises:
        LexiconError: If a row lacks a field or names an unknown class.

    Example:
        >>> verbs = load_speech_verbs()
        >>> verbs["told"].lemma, verbs["told"].addressee, verbs["warned"].cls
        ('tell', True, 'warning')
    """
    forms: dict[str, SpeechVerb] = {}
    for row in load_table(name):
        try:
            verb = SpeechVerb(
                row["verb"], row["class"], row["inverts"] == "yes", row["addressee"] == "yes", row["bare"] == "yes"
            )
            surface = row["forms"].split()
        except (KeyError, AttributeError) as err:
            raise LexiconError(
                f"{name}.tsv: bad row {row!r} (need verb, forms, class, inverts, addressee, bare)"
            ) from err
        if verb.cls not in VERB_CLASSES:
            raise LexiconError(f"{name}.tsv: class {verb.cls!r} of {verb.lemma!r}; valid: {list(VERB_CLASSES)}")
        phrase = verb.lemma.split()[1:]  # "point out": forms are written with their particle
        for form in (
            surface if not phrase else [" ".join(row["forms"].split()[i : i + 2]) for i in range(0, len(surface), 2)]
        ):
            forms.setdefault(form.lower(), verb)
    return MappingProxyType(forms)


# ---- the speaker grammar (regular expressions over one sentence; spaces only, never a line break) ----
_SP = r"[ \u00a0]"
_PARTY = r"\(?[RDI]-[A-Z][\w.]*\)?(?![\w.])"
_CAP = (
    r"(?:(?!(?i:to|in|on|at|for|with|from|by|after|before|during|since|as|if|when|while|but|and|or|so|yet)\b)"
    r"[A-Z][\w’'‘.&-]*|(?:al|el|de|bin|ibn)-[A-Z][\w’'-]*)"
)


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, space-separated."""
    return frozenset(text.split())


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, factored by prefix (fast where a plain alternation is slow).

    Example:
        >>> re.fullmatch(_trie(["said", "says", "say"]), "says") is not None, _trie(["said", "says", "say"])
        (True, 'sa(?:id|y(?:s)?)')
    """
    heads: dict[str, list[str]] = {}
    end = False
    for w in sorted(set(words)):
        if w:
            heads.setdefault(w[0], []).append(w[1:])
        else:
            end = True
    parts = [re.escape(c) + _trie(rest) if rest != [""] else re.escape(c) for c, rest in heads.items()]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and not end else f"(?:{'|'.join(parts)})"
    return f"{body}?" if end else body


#: Closed-class words that never belong to a speaker phrase.
FUNCTION_WORDS = _words(
    "the a an and or but nor that this these those which who whom whose what when where while as if than then so "
    "of in on at to for from by with about into after before over under during since until is are was were be been "
    "being has have had do does did will would can could may might must shall should not also it its he she they we "
    "i you his her their our my your him them us me there here just only even still already now later earlier again "
    "too very all no said says say told added asked wrote according saying because although though whether how why "
    "unless never cannot himself herself themselves itself however nonetheless nevertheless meanwhile instead moreover "
    "furthermore indeed perhaps"
)
_FUNCTION = rf"(?:{_trie(FUNCTION_WORDS)}|[a-z]+n[’']t)"
_LOWER = rf"(?!{_FUNCTION}\b)(?!(?!family|ally|rally|assembly)[a-z]+ly\b)[a-z][\w’'-]*"
_WORD = rf"(?:{_CAP}|{_LOWER})"
_DET = (
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|"
    r"[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[Tt]his|[Tt]hese|[Tt]hose|[Bb]oth|[Aa]nother|[Aa] few|[Tt]wo other)"
)
#: Time words: a speaker phrase never ends in one ("Senate Thursday"), and one may sit between speaker and verb.
TIME_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec today "
    "yesterday tomorrow tonight earlier later morning afternoon evening night week weekend month year "
    "day days weeks months years hours ago recently now then once last next this early late times "
)
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|"
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_TIME = (
    rf"(?:(?:on[ \u00a0])?(?:{_MONTH})[ \u00a0]\d{{1,2}}(?:,[ \u00a0]\d{{4}})?|"
    r"(?:a|one|two|three)[ \u00a0](?:day|week|month|year)s?[ \u00a0](?:earlier|later|ago)|"
    r"(?:(?:on|last|this|early|late|earlier|later|next)[ \u00a0])?(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|"
    r"[Ff]riday|[Ss]aturday|[Ss]unday|yesterday|today|tonight|earlier|later|week|month|year|weekend)"
    r"(?:[ \u00a0](?:morning|afternoon|evening|night))?)"
)
#: A prepositional complement of a role or group: "a spokesman for the Trump Organization", "analysts at X".
_PP = (
    rf"(?:{_SP}(?:for|of|at|in|with|from|on){_SP}(?!{_TIME}\b)(?:the{_SP})?{_WORD}(?:{_SP}(?:{_CAP}|of|and|&)){{0,4}}"
    r"(?<![ \u00a0]of)(?<![ \u00a0]and))"
)
_NP = rf"(?:{_DET}{_SP})?(?:{_WORD}{_SP}){{0,4}}{_WORD}(?<![’']s){_PP}?"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t)"
_SPEAKER = rf"(?:{_PRONOUN}|{_NP})"
#: Where a speaker phrase without a determiner or capital may start ("…, officials said"; not "the vote officials").
_LOWER_START = (
    r"(?:^|(?<=[,;:(“”\"—–][ \u00a0])|(?<=\band[ \u00a0])|(?<=\bbut[ \u00a0])|(?<=\bthat[ \u00a0])"
    r"|(?<=\bwhen[ \u00a0])|(?<=\bwhile[ \u00a0])|(?<=\bas[ \u00a0]))"
)
#: A speaker phrase before its verb: it opens with a determiner, a capital, or a bare noun at a clause boundary
#: (tried at far fewer places than any word, which keeps the search cheap).
_NP_BEFORE = rf"(?!{_PARTY})(?:{_DET}{_SP}{_WORD}|{_CAP}|{_LOWER_START}{_LOWER})(?:{_SP}{_WORD}){{0,4}}(?<![’']s){_PP}?"
#: An apposition or relative clause between a speaker and its verb: ", a spokesman for Y,", ", R-S.C.,", "(D-N.Y.)".
_APPOS_ONE = (  # comma and parenthesis forms are atomic (one way to match each), which keeps long lists cheap
    rf"(?:(?>,{_SP}(?!(?:and|but|or|while|as|when|because|so|yet|then|who|which)\b)[^,;:“”\"()\n]{{1,160}}(?=,))|"
    rf"(?>,{_SP}(?:who|which){_SP}[^,;:()\n]{{1,160}}(?=,))|(?>{_SP}?\([^()\n]{{1,40}}\))"
    rf"|{_SP}(?:who|which){_SP}[^,;:“”\"()\n]{{1,60}}?(?={_SP}))"
)
#: Up to three in a row: "Sen. Jon Tester, D-Mont., who faces a tough race, said".
_APPOS = rf"(?:{_APPOS_ONE}{{1,3}},?)"
_ADVERB = (
    r"(?:has|have|had|would|will|also|then|once|again|previously|repeatedly|reportedly|recently|only|even|further|"
    r"later|never|often|long|(?:was|is|were|are)[ \u00a0]quoted[ \u00a0]as|"
    r"(?!(?:family|ally|rally|assembly|july|italy|supply|fly|bully)\b)[a-z]{2,}ly)"
)
_AUX = rf"(?:{_ADVERB}{_SP}){{0,3}}"
#: Subject before its verb, matched against the text right before the verb.
_SUBJECT_BEFORE = re.compile(
    rf"(?:^|(?<=[\s,;:(“”\"—–]))(?P<speaker>{_PRONOUN}|{_NP_BEFORE})(?P<appos>{_APPOS})?(?:,?{_SP}{_TIME},?)?"
    rf"{_SP}+{_AUX}$"
)
#: The antecedent of "who" for a verb in a relative clause ("… by Viktor Orban, who said …").
_RELATIVE_SUBJECT = re.compile(
    rf"(?:^|(?<=[\s,;:(“”\"—–]))(?P<speaker>(?!{_PARTY})(?:{_DET}{_SP})?(?:{_CAP}{_SP}){{0,4}}{_CAP})"
    rf"(?P<appos>(?:,{_SP}[^,;:“”\"()\n]{{1,90}}?(?=,))*),?{_SP}who{_SP}+{_AUX}$"
)
#: Subject after its verb ("…,” said Sen. Johnny Isakson), matched against the text right after the verb.
_SUBJECT_AFTER = re.compile(rf"{_SP}+(?P<speaker>{_PRONOUN}(?!\w)|{_NP})")
#: Where an inverted verb may stand: after a comma, a dash or the end of a quote.
_INVERSION_SLOT = re.compile(r"(?:[,—–:]|[,.?!]?[”\"])\s*$")
#: Party-state tags after a politician's name: R-S.C., D-N.Y., (R-Texas), I-Vt.
PARTY_TAG = re.compile(r"^\(?[RDI]-[A-Z][\w.]*\)?$")
#: Titles before a name; dropped when the speaker is resolved (Sen. Lindsey Graham -> Lindsey Graham).
TITLES = _words(
    "mr mrs ms miss dr prof sen rep gov lt gen col maj capt sgt adm rev atty amb supt det insp cmdr "
    "senator representative governor mayor president vice judge justice speaker leader majority minority "
    "whip chairman chairwoman chair secretary attorney general sir dame lord lady pope king queen prince "
    "princess sheriff chief officer commissioner councilman councilwoman rabbi "
    "professor "
)
#: Words after the verb that an object verb takes as its addressee ("told reporters", "warned residents").
_OBJECT = re.compile(
    rf"{_SP}(?P<object>(?!that\b)[\w’'.&-]+(?:{_SP}(?!that\b)[\w’'.&-]+){{0,{OBJECT_WORDS - 1}}}?)"
    rf"(?={_SP}that\b|{_SP}(?:not{_SP})?to{_SP}|{_SP}of{_SP})"
)
#: An addressee before "that" ("told the tens of thousands of supporters that"), tried before "to"/"of".
_OBJECT_THAT = re.compile(
    rf"{_SP}(?P<object>(?!that\b)[\w’'.&-]+(?:{_SP}(?!that\b)[\w’'.&-]+){{0,{OBJECT_WORDS - 1}}}?)(?={_SP}that\b)"
)
#: What may stand between a verb and the reported clause: a time, a medium, an occasion.
_NOT_PREP = r"(?!(?:with|of|for|on|at|to|in|that|and)\b)"
_VERB_ADJUNCT = re.compile(
    rf"(?:,?{_SP}(?:{_TIME}|in{_SP}(?:a|an|the|his|her|their){_SP}[\w-]+(?:{_SP}{_NOT_PREP}[\w-]+)?"
    rf"|on{_SP}(?:Twitter|X|Facebook|Instagram|television|Fox News|CNN|MSNBC|NBC|CBS|ABC|\w+day)|in{_SP}[A-Z]\w+"
    rf"|at{_SP}(?:a|an|the){_SP}[\w-]+(?:{_SP}{_NOT_PREP}[\w-]+)?|in{_SP}\d{{4}}"
    rf"|with{_SP}[A-Z][\w.’'-]*(?:{_SP}[A-Z][\w.’'-]*){{0,2}}|privately|publicly|repeatedly|again|too|also)){{0,4}},?"
)
#: Words that open a reported clause without "that" ("Trump said he ...", "officials said the ...").
CLAUSE_OPENERS = _words(
    "he she it they we i you there the a an this that these those his her its their our my some many "
    "most all no several both each every one two three if why how what whether "
)


def _bad_speaker(phrase: str) -> bool:
    """Whether a speaker phrase is a date, a time, a party tag, an age or a bare title, never a speaker."""
    words = phrase.replace("\u00a0", " ").split()
    if not words:
        return True
    last = words[-1].lower().strip(".,")
    if (
        PARTY_TAG.match(words[-1])
        or last in TIME_WORDS
        or last.isdigit()
        or (words[-1].endswith(".") and last.rstrip(".") in TITLES)
    ):
        return True
    return all(w.lower().strip(".,") in TIME_WORDS or w.lower() in ("on", "a", "the", "in") for w in words)


@dataclasses.dataclass(frozen=True)
class _Attribution:
    """A reporting verb and its subject in one sentence (character offsets into the article)."""

    verb: str
    lemma: str
    cls: str
    verb_start: int
    verb_end: int
    speaker: str
    speaker_start: int
    speaker_end: int
    inverted: bool
    coordinated: bool = False
    relative: bool = False


class _Found(NamedTuple):
    """A verb found among the tokens (reads like a match: start(), end(), group())."""

    s: int
    e: int
    form: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self) -> str:
        return self.form


def _subject_before(text: str, lo: int, verb_start: int) -> tuple[str, int, int] | None:
    """The speaker phrase that ends right before a verb, through appositions, titles and a time adverbial."""
    start = max(lo, verb_start - SUBJECT_WINDOW)
    cut = max(text.rfind(c, start, verb_start) for c in ';:“”"')  # a subject never spans these
    start = max(start, cut + 1)
    while start < verb_start and text[start] in " \u00a0":
        start += 1
    chunk = text[start:verb_start]
    relative = _RELATIVE_SUBJECT.search(chunk) if "who" in chunk else None
    m = relative or _SUBJECT_BEFORE.search(chunk)
    if m is None:
        return None
    return _trim_phrase(*_name_in_apposition(m, start))


def _name_in_apposition(m: re.Match[str], offset: int) -> tuple[str, int]:
    """The speaker phrase of a subject match, or the name right after it ("Hungary's prime minister, Viktor Orban,")."""
    phrase, s = m.group("speaker"), offset + m.start("speaker")
    appos = m.group("appos") or ""
    if _is_name(phrase) or not appos.startswith(","):
        return phrase, s
    for part in appos.split(",")[1:]:
        if _is_name(part.strip()):  # "his aunt, Elvira Rodriguez, said"
            return part.strip(), offset + m.start("appos") + appos.index(part.strip())
    return phrase, s


def _is_name(phrase: str) -> bool:
    """A capitalized name of one to five words (not a party tag or a time)."""
    words = phrase.split()
    return 0 < len(words) <= 5 and all(w[:1].isupper() for w in words) and not _bad_speaker(phrase)


#: Adverbs that may close a phrase matched before a verb but belong to the verb ("X once told", "X later said").
_TRAILING_ADVERB = re.compile(
    r"(?<=\w)(?:[ \u00a0]+(?:once|later|earlier|then|now|also|again|still|often|never|recently|"
    r"(?!(?:family|ally|rally|assembly|italy|supply|bully)\b)[a-z]{2,}ly))+$"
)


def _trim_phrase(phrase: str, start: int) -> tuple[str, int, int] | None:
    """Drop leading time or sentence adverbs ("Earlier Thursday ...") and reject non-speakers."""
    words = list(re.finditer(r"\S+", phrase))
    skip = 0
    while skip < len(words) - 1 and words[skip].group().lower().strip(",") in TIME_WORDS | {"but", "and", "so"}:
        skip += 1
    if skip:
        phrase, start = phrase[words[skip].start() :], start + words[skip].start()
    last = phrase.split()[-1]
    if last.endswith(".") and len(last) > 4 and last.lower() not in ("jr.", "sr.", "inc.", "corp."):
        phrase = phrase[:-1]  # the sentence's period: "… lamented Senator Johnny Isakson."
    phrase = _TRAILING_ADVERB.sub("", phrase)  # "Sen. Mitt Romney once (told)", "the senator later (said)"
    if _bad_speaker(phrase):
        return None
    return phrase, start, start + len(phrase)


def _subject_after(text: str, verb_end: int, hi: int) -> tuple[str, int, int] | None:
    m = _SUBJECT_AFTER.match(text, verb_end, hi)
    if m is None:
        return None
    return _trim_phrase(m.group("speaker"), m.start("speaker"))


#: A word right before a verb form that makes it a noun: a determiner, a possessive or a number.
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|[Tt]his|[Tt]hese|[Tt]hose|[Ee]very|[Ee]ach|"
    r"[Aa]ny|[Nn]o|[Ss]uch|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Mm]any|[Ss]everal|[Ff]ew|[Oo]ther)|\w[’']s|\d)[ \u00a0]$"
)


def _verb_tokens(text: str, tokens: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """Reporting verbs among a sentence's word tokens, as (start, end, form); a particle joins ("pointed out")."""
    if not tokens:
        return
    for m in _verb_pattern().finditer(text, tokens[0][0], tokens[-1][1]):
        yield m.start(), m.end(), m.group()


@functools.cache
def _verb_pattern() -> re.Pattern[str]:
    """All verb forms in one prefix-factored expression (a plain alternation of 400 forms is slow)."""
    forms = [f.replace(" ", "\u0001") for f in load_speech_verbs()]
    return re.compile(rf"(?<![\w’'-]){_trie(forms).replace(chr(1), _SP)}(?![\w’'-])")


def _attributions(
    text: str, lo: int, hi: int, tokens: Sequence[tuple[int, int]], inside: Callable[[int], bool]
) -> list[_Attribution]:
    """Reporting verbs between ``lo`` and ``hi`` (one sentence) outside quotes, each with its subject if any."""
    verbs = load_speech_verbs()
    found: list[_Attribution] = []
    for start, end, form in _verb_tokens(text, tokens):
        if inside(start) or _NOUN_BEFORE.search(text, max(lo, start - 30), start):
            continue  # "his comments", "Biden's attack", "three answers": a noun, not a verb
        m = _Found(start, end, form)
        verb = verbs[form.lower()]
        # "issued a statement saying": the clause's subject, never "a statement"; but "X was quoted as saying"
        participle = form.endswith("ing") and text[max(lo, start - 3) : start] != "as "
        subject = None if participle else _subject_before(text, lo, m.start())
        inverted = False
        if (
            subject is None
            and verb.inverts
            and not m.group().endswith("ing")
            and _INVERSION_SLOT.search(text, max(lo - 3, 0), m.start())
        ):
            subject, inverted = _subject_after(text, m.end(), hi), True
        coordinated = False
        if subject is None and (participle or _SHARED_SUBJECT.search(text, max(lo, m.start() - 40), m.start())):
            # "claimed that … and demanded that …", "…, saying the plan was dead": the clause's subject
            subject, coordinated = _shared_subject(text, lo, m.start(), found), True
        phrase, s, e = subject or ("", -1, -1)
        relative = _WHO.search(text, max(lo, start - 40), start) is not None  # "X, who has accused Y of Z, said"
        found.append(
            _Attribution(form, verb.lemma, verb.cls, start, end, phrase, s, e, inverted, coordinated, relative)
        )
    return found


_WHO = re.compile(rf",{_SP}who{_SP}+{_AUX}$")
_SHARED_SUBJECT = re.compile(rf"(?:,{_SP}|{_SP}and{_SP}(?:(?:then|also|even|later|again|at{_SP}times){_SP}){{0,3}})$")
_CLAUSE_SUBJECT = re.compile(
    rf"(?:[^,:“”\"]{{1,80}}(?:,|:|{_SP}[—–]){_SP}){{0,2}}(?P<speaker>{_PRONOUN}|{_DET}{_SP}(?:{_LOWER}{_SP}){{0,2}}{_LOWER}"
    rf"|(?:{_DET}{_SP})?(?:{_CAP}{_SP}){{0,4}}{_CAP})(?P<appos>{_APPOS})?(?:,?{_SP}{_TIME},?)?{_SP}+{_AUX}(?:(?:was|is|were|are|did|does)\b|(?!{_FUNCTION}\b)[a-z]+\b)"
)


def _shared_subject(text: str, lo: int, verb_start: int, found: list[_Attribution]) -> tuple[str, int, int] | None:
    """The subject of the clause a participle or coordinated verb belongs to.

    The subject of the clause that starts after the last "while", "but" or ";" before the verb, else of the last
    reporting verb before it, else of the sentence ("…, while Murphy criticized Mace, saying …" -> Murphy).
    """
    start = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(text, lo, verb_start)), default=lo)
    earlier = [a for a in found if a.speaker and not a.inverted and a.speaker_start >= start]
    if earlier:
        return earlier[-1].speaker, earlier[-1].speaker_start, earlier[-1].speaker_end
    return _clause_subject(text, start, verb_start)


_CLAUSE_BOUNDARY = re.compile(rf"(?:,?{_SP}(?:while|but|whereas|although|though){_SP}|;{_SP})")


def _clause_subject(text: str, lo: int, hi: int) -> tuple[str, int, int] | None:
    """The subject at the start of a sentence, for a participle or a coordinated verb that has none of its own."""
    m = _CLAUSE_SUBJECT.match(text, lo, hi)
    if m is None or m.group("speaker").lower() in ("it",):
        return None
    return _trim_phrase(*_name_in_apposition(m, 0))


@dataclasses.dataclass
class Quote:
    """One quote as the rules found it (offsets into ``article.text``; a row of :func:`find_quotes`)."""

    start: int
    end: int
    kind: str
    rule: str
    verb: str = ""
    speaker: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    resolved: str = ""
    speaker_rule: str = ""


class _Span(NamedTuple):
    """A direct quote: opening mark, content start, content end, end of the closing mark."""

    open: int
    start: int
    end: int
    close: int


#: A quote in curly or straight marks; one left open at a paragraph's end runs to it when the next paragraph
#: opens with a quote mark (the news convention for a quote of several paragraphs).
_DIRECT = re.compile(r"“[^“”\n]+(?:”|(?=\n\s*“))|\"[^\"\n]+(?:\"|(?=\n\s*\"))")


def _direct_spans(text: str) -> list[_Span]:
    """Direct quotes, curly or straight; a quote left open at a paragraph's end that the next reopens runs to it."""
    spans = []
    for m in _DIRECT.finditer(text):
        closed = m.group()[-1] in '”"'
        cs, ce = m.start() + 1, m.end() - 1 if closed else m.end()
        while ce > cs and text[ce - 1] in ", ":
            ce -= 1
        spans.append(_Span(m.start(), cs, ce, m.end()))
    return spans


def _is_headline(sentence: Sentence) -> bool:
    """A line without closing punctuation whose words are mostly capitalized ("Trump Caves To Democrats")."""
    words = sentence.text.split()
    if not words or sentence.text.rstrip()[-1:] in '.!?”"':
        return False
    return sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


class _Paragraphs:
    """Paragraph index of an offset (paragraphs are separated by line breaks)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]  # blank lines: one break

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def _attribute_direct(
    text: str, doc: Document, spans: list[_Span], attrs: dict[int, list[_Attribution]]
) -> tuple[list[Quote], set[int]]:
    """Direct quotes with the reporting clause that governs each: after it, before it, or between two halves."""
    quotes, used = [], set()
    for i, span in enumerate(spans):
        q = Quote(span.start, span.end, "direct", "unattributed")
        after = _after_attribution(text, doc, span, spans[i + 1].open if i + 1 < len(spans) else len(text), attrs)
        before = None if after else _before_attribution(doc, span, spans[i - 1] if i else None, attrs)
        chosen, rule = (after, "after-quote") if after else before if before else (None, "unattributed")
        if chosen is not None:
            q.rule, q.verb = rule, chosen.verb
            q.speaker, q.speaker_start, q.speaker_end = chosen.speaker, chosen.speaker_start, chosen.speaker_end
            if rule != "before-quote":
                used.add(chosen.verb_start)  # its clause is this quote; a clause before a quote may report more
        quotes.append(q)
    return quotes, used


#: What may stand between a quote and its speaker: punctuation, or a role before the name ("his aunt, X, said").
_AFTER_GAP = re.compile(
    r"[ \u00a0,—–-]*(?:(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?)[ \u00a0][^.!?;:,“”\"\n]{1,50},[ \u00a0]){0,2}"
)


def _after_attribution(
    text: str, doc: Document, span: _Span, limit: int, attrs: dict[int, list[_Attribution]]
) -> _Attribution | None:
    """The reporting clause right after a quote: “…,” X said / “…,” said X / “…?” she asked."""
    sent = doc.sentence_of(span.close - 1)
    for index in (sent, sent + 1):
        for a in attrs.get(index, ()):
            head = a.verb_start if a.inverted or not a.speaker else a.speaker_start
            gap = text[span.close : head] if span.close <= head < limit else "."
            if a.speaker and not a.coordinated and _AFTER_GAP.fullmatch(gap):
                return a
    return None


def _before_attribution(
    doc: Document, span: _Span, previous: _Span | None, attrs: dict[int, list[_Attribution]]
) -> tuple[_Attribution, str] | None:
    """The last reporting clause before a quote in its sentence ("Tapper said that the news was “…”")."""
    sent = doc.sentence_of(span.open)
    candidates = [a for a in attrs.get(sent, ()) if a.speaker and a.verb_end <= span.open and not a.inverted]
    if not candidates and sent > 0 and doc.sentences[sent - 1].text.rstrip().endswith(":"):
        candidates = [a for a in attrs.get(sent - 1, ()) if a.speaker and not a.inverted]  # "X said:" then a quote
    if not candidates:
        return None
    a = candidates[-1]
    split = previous is not None and previous.close <= a.speaker_start and doc.sentence_of(previous.open) == sent
    return a, "split" if split else "before-quote"


def _attribute_from_context(
    quotes: list[Quote], spans: list[_Span], text: str, doc: Document, attrs: dict[int, list[_Attribution]]
) -> None:
    """Quotes with no reporting clause of their own: from their paragraph, the sentence before, or a continued one."""
    paragraphs = _Paragraphs(text)
    para = [paragraphs.of(s.open) for s in spans]
    speakers = _ParagraphSpeakers(quotes, para)
    for i, q in enumerate(quotes):
        if q.rule == "unattributed":
            found = (
                speakers.nearest(i)
                or _previous_sentence(doc, spans[i], para[i], paragraphs, attrs)
                or _continued(quotes, spans, para, i, text, paragraphs)
            )
            if found is not None:
                source, q.rule = found
                q.verb, q.speaker, q.speaker_start, q.speaker_end = (
                    source.verb, source.speaker, source.speaker_start, source.speaker_end
                )  # fmt: skip
        speakers.visited(i)


class _ParagraphSpeakers:
    """Rule "same-paragraph" for quotes visited in order: the nearest attributed quote of the paragraph.

    The latest one before is kept per paragraph as the quotes are visited; the first one after is
    found by bisect among the quotes attributed from the start (a later quote is not yet visited,
    so its speaker is still the one it started with).
    """

    def __init__(self, quotes: list[Quote], para: list[int]) -> None:
        self.quotes, self.para = quotes, para
        self.latest: dict[int, int] = {}  # paragraph -> the latest visited quote with a speaker
        self.attributed: dict[int, list[int]] = {}  # paragraph -> quotes with a speaker before the visit
        for j, q in enumerate(quotes):
            if q.speaker:
                self.attributed.setdefault(para[j], []).append(j)

    def nearest(self, i: int) -> tuple[Quote, str] | None:
        """The nearest attributed quote of quote ``i``'s paragraph, the one before first."""
        j = self.latest.get(self.para[i])
        if j is None:
            later = self.attributed.get(self.para[i], [])
            k = bisect.bisect_right(later, i)
            j = later[k] if k < len(later) else None
        return (self.quotes[j], "same-paragraph") if j is not None else None

    def visited(self, i: int) -> None:
        if self.quotes[i].speaker:
            self.latest[self.para[i]] = i


def _previous_sentence(
    doc: Document, span: _Span, para: int, paragraphs: _Paragraphs, attrs: dict[int, list[_Attribution]]
) -> tuple[_Attribution, str] | None:
    """Rule "previous-sentence": the speaker of the sentence before, in the same paragraph ("X spoke. “…”")."""
    sent = doc.sentence_of(span.open)
    if sent == 0 or paragraphs.of(doc.sentences[sent - 1].start) != para:
        return None
    near = [a for a in attrs.get(sent - 1, ()) if a.speaker and a.cls not in ("attitude", "directive")]
    return (near[-1], "previous-sentence") if near else None  # "praised Trump", "urged X to": no one's words


def _continued(
    quotes: list[Quote], spans: list[_Span], para: list[int], i: int, text: str, paragraphs: _Paragraphs
) -> tuple[Quote, str] | None:
    """Rule "continued": a paragraph that opens with a quote continues the previous paragraph's last speaker."""
    if i == 0 or para[i - 1] != para[i] - 1 or not quotes[i - 1].speaker:
        return None
    if not _opens_paragraph(text, paragraphs, spans[i]):
        return None
    return quotes[i - 1], "continued"


def _opens_paragraph(text: str, paragraphs: _Paragraphs, span: _Span) -> bool:
    return not text[paragraphs.starts[paragraphs.of(span.open)] : span.open].strip()


#: Verbs whose "about …" complement is reported speech ("complained about low spending"); set by hand.
TOPIC_VERBS = _words("complain warn argue write declare claim")
_ABOUT = re.compile(rf"{_SP}(?P<about>about{_SP})")
_THAT = re.compile(rf"{_SP}*that{_SP}")
_TELL_OBJECT = re.compile(
    rf"{_SP}(?P<object>[\w’'.-]+(?:{_SP}[\w’'.-]+){{0,3}}?){_SP}(?=(?:he|she|they|it|we|I|the|there)\b)"
)
_ACCORDING = re.compile(rf"\b[Aa]ccording{_SP}to{_SP}(?P<speaker>[^,;:()“”\"\n]{{2,80}}?)(?=[,;:(“”\"]|[.?!]?\s*$)")


#: Openers of a clause that a verb which is not ``bare`` reports without "that" ("noted he had").
PERSONAL_PRONOUNS = _words("he she they we i it there")


def _clause_opens(text: str, pos: int, bare: bool) -> bool:
    """Whether a reported clause can start at ``pos`` without "that" ("said he would", "said the plan").

    A verb that is not ``bare`` ("noted", "maintained") reports a clause only after a personal pronoun.
    """
    m = re.match(r"[\w’'-]+", text[pos : pos + 40])
    if m is None:
        return False
    word = m.group()
    if not bare:
        return word.lower() in PERSONAL_PRONOUNS
    return (
        word.lower() in CLAUSE_OPENERS or word[0].isdigit() or (word[0].isupper() and word.lower() not in stopwords())
    )


def _content_end(text: str, sent: Sentence, start: int, later: list[_Attribution]) -> int:
    """Where a reported clause ends: before the next speaker's clause, a semicolon, or the sentence's end."""
    end = sent.end
    for a in later:
        head = a.verb_start if a.inverted or a.coordinated else a.speaker_start
        if head > start and a.speaker:
            end = min(end, head)
    semicolon = text.find(";", start, end)
    end = semicolon if semicolon >= 0 else end
    tail = text[max(start, end - 40) : end]  # only the end can be a conjunction or punctuation
    m = _CONTENT_TAIL.search(tail)
    return end - len(tail) + m.start() if m else end


_CONTENT_TAIL = re.compile(r"(?:,?\s+(?:and|but|while|as)(?:\s+(?:then|also|even|later))?|,)?[\s.,:”\"]*$")


def _reported_clause(text: str, sent: Sentence, a: _Attribution) -> tuple[int, str] | None:
    """Start of the clause a verb reports, and its rule.

    "X said (that) ...", "X told reporters that ...", "X urged residents to ...", "X accused Y of ...".
    """
    verbs = load_speech_verbs()
    verb = verbs[a.verb.lower()]
    pos = a.verb_end
    adj = _VERB_ADJUNCT.match(text, pos, sent.end)
    if adj:
        pos = adj.end()
    that = _THAT.match(text, pos, sent.end)
    if that:
        return that.end(), f"reported-{verb.cls}"
    topic = _ABOUT.match(text, pos, sent.end)
    if topic and verb.lemma in TOPIC_VERBS:
        return topic.start("about"), "reported-topic"  # "complained about low spending": what the speech was about
    if verb.addressee:
        obj = _OBJECT_THAT.match(text, pos, sent.end) or _OBJECT.match(text, pos, sent.end)
        if obj:
            that = _THAT.match(text, obj.end(), sent.end)
            if that:
                return that.end(), f"reported-{verb.cls}"
            complement = re.match(r"\s*(?:not\s+)?(to|of)\b", text[obj.end() : obj.end() + 12])
            if complement and (complement.group(1) == "to") == (verb.cls != "attitude"):
                return obj.start("object"), "reported-directive"  # "urged residents to …", "accused X of …"
            return None
        tell = _TELL_OBJECT.match(text, pos, sent.end) if verb.lemma in ("tell", "assure", "remind", "inform") else None
        if tell:
            return tell.end(), f"reported-{verb.cls}"
        return None
    start = pos + len(text[pos : sent.end]) - len(text[pos : sent.end].lstrip(" \u00a0"))
    if verb.cls == "attitude" or text[start : start + 1] in '“"' or not _clause_opens(text, start, verb.bare):
        return None
    return start, f"reported-{verb.cls}"


def _indirect(text: str, doc: Document, attrs: dict[int, list[_Attribution]], used: set[int],
              inside: Callable[[int], bool]) -> list[Quote]:  # fmt: skip
    """Reported speech in every sentence: "X said (that) …", "…, X said.", "according to X, …"."""
    quotes = []
    for sent in doc.sentences:
        found = list(attrs.get(sent.index, ()))
        for n, a in enumerate(found):
            if not a.speaker:
                continue
            clause = None if a.inverted else _reported_clause(text, sent, a)
            if a.verb_start in used and (clause is None or not _explicit_clause(text, a, clause[0])):
                continue  # “…,” Trump said: only "said that …" or "said he …" reports more than the quote
            if clause is None:
                q = _reported_after(text, sent, a, inside)
            else:
                start, rule = clause
                end = _content_end(text, sent, start, found[n + 1 :])
                comma = text.find(",", start, end) if a.relative else -1
                end = comma if comma > 0 else end  # a relative clause ends at its comma
                q = Quote(start, end, "indirect", rule, a.verb, a.speaker, a.speaker_start, a.speaker_end)
            if q is not None and q.end - q.start >= 3 and not inside(q.start):
                if a.coordinated:
                    q.rule = "coordinated"
                quotes.append(q)
        quotes.extend(_according_to(text, sent))
    return quotes


_TRAILING_APPOSITION = re.compile(
    rf"^,{_SP}(?:\(?[RDI]-[A-Z][\w.]*\)?|(?:a|an|the){_SP}[^,;“”\"]{{1,80}}?)(?=[.]?\s*$)"
)


def _explicit_clause(text: str, a: _Attribution, start: int) -> bool:
    """Whether a reported clause is marked by "that" or opens with a personal pronoun ("said he enjoyed")."""
    word = re.match(r"[\w’'-]+", text[start : start + 20])
    return " that " in text[a.verb_end - 1 : start + 1] or (
        word is not None and word.group().lower() in PERSONAL_PRONOUNS
    )


def _reported_after(text: str, sent: Sentence, a: _Attribution, inside: Callable[[int], bool]) -> Quote | None:
    """Reported speech before its attribution at the end of a sentence: "The plan is dead, officials said."."""
    head = a.verb_start if a.inverted else a.speaker_start
    tail_end = max(a.verb_end, a.speaker_end)
    tail = _TRAILING_APPOSITION.sub("", text[tail_end : sent.end])  # "…, said Sen. Jon Tester, D-Mont."
    adj = _VERB_ADJUNCT.match(tail)
    rest = tail[adj.end() :] if adj else tail
    if not re.fullmatch(r"[ .\u00a0]*|,?[ \u00a0]+(?:and|but)[ \u00a0].*", rest, re.DOTALL):
        return None  # the attribution ends the sentence, or a clause of its own follows: ", Baldock says, and he …"
    if not text[sent.start : head].rstrip().endswith(","):
        return None
    end = text.rindex(",", sent.start, head)
    start = sent.start + len(sent.text) - len(sent.text.lstrip(' “"'))
    if end - start < 3 or inside(start) or inside(end - 1) or text[end - 1] in '”"':
        return None
    return Quote(start, end, "indirect", "reported-after", a.verb, a.speaker, a.speaker_start, a.speaker_end)


def _according_to(text: str, sent: Sentence) -> list[Quote]:
    """Reported speech of "according to X, …" and "…, according to X": the rest of the sentence is X's."""
    quotes = []
    for m in _ACCORDING.finditer(text, sent.start, sent.end):
        phrase = m.group("speaker")
        phrase = re.sub(r"^(?:information|reports?|sources?|data|documents?|figures)\s+(?:from|by)\s+", "", phrase)
        speaker_start = m.start("speaker") + m.group("speaker").index(phrase)
        if text[sent.start : m.start()].strip(' “"') == "":
            tail = text.find(",", m.end("speaker"), sent.end)
            start = tail + 1 if tail >= 0 else m.end("speaker")
            start += len(text[start : sent.end]) - len(text[start : sent.end].lstrip())
            end = sent.end
        else:
            start, end = sent.start, m.start()
        end = start + len(text[start:end].rstrip(" ,.;:\u00a0"))
        if end - start >= 3 and not _bad_speaker(phrase):
            quotes.append(Quote(start, end, "indirect", "according-to", "according to", phrase, speaker_start,
                                speaker_start + len(phrase)))  # fmt: skip
    return quotes


def _gender(phrase: str) -> str:
    words = {w.lower() for w in phrase.split()}
    if words & FEMALE_ROLES or words & {"she", "her"}:
        return "f"
    if words & MALE_ROLES or words & {"he", "him", "his"}:
        return "m"
    return ""


#: Heads of organization names that keep their "of" complement ("Department of State", "Bank of England").
ORG_HEADS = _words(
    "department ministry university bank office committee council court board institute school college bureau "
    "agency association league union chamber church republic secretary house foundation"
)


#: Last words of place and building names, which are never a person ("Memorial Medical Center").
PLACE_HEADS = _words(
    "center centre hospital county street avenue road city town airport park hall square building tower river "
    "island valley province region district"
)


_ROLES_AND_TITLES = ROLE_WORDS | TITLES


def _name_words(phrase: str) -> list[str]:
    """The name in a speaker phrase: titles, roles and a trailing "of Kentucky" dropped."""
    parts = re.split(rf"{_SP}(?:for|of|at|in|with|from|on){_SP}", phrase, maxsplit=1)
    head = phrase if len(parts) > 1 and parts[0].split()[-1].lower() in ORG_HEADS else parts[0]
    words = [re.sub(r"[’']s$", "", w) for w in head.split()]
    roles = [i for i, w in enumerate(words) if w.lower().rstrip(".") in _ROLES_AND_TITLES]
    if roles:  # "NATO spokeswoman Farah Dakhlallah", "Senate Majority Leader Mitch McConnell"
        words = words[roles[-1] + 1 :]
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if all(w[:1].isupper() for w in words):
        return words
    trailing = list(itertools.takewhile(lambda w: w[:1].isupper(), reversed(words)))[::-1]
    return trailing if len(trailing) >= 2 else []  # "strategist David Axelrod", "the conservative author Ann Coulter"


#: Quoted passages, blanked out when looking for the subject of a sentence.
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"\n]*\"?")


def role_hits(text: str, role_words: str, *, lowered: str | None = None) -> list[tuple[int, int, str]]:
    """Where a text names someone with a role: "Majority Leader X" or "X, the majority leader".

    The same matches as ``re.finditer`` of the two patterns over the whole text. Given
    ``lowered``, they are found by trying the patterns only where the role's first word is
    written (``str.find``), so the cost follows the role's occurrences rather than the text's length.

    Args:
        text: The article's text.
        role_words: Lowercase role words ("majority leader").
        lowered: ``text.lower()`` where :func:`lowers_letterwise`; ``None`` scans the whole text with each pattern.

    Returns:
        ``(start, end, name)`` of every match, the "role name" ones first.

    Example:
        >>> text = "Majority Leader Mitch McConnell spoke. Chuck Schumer, the majority leader, left."
        >>> role_hits(text, "majority leader", lowered=text.lower())
        [(0, 32, 'Mitch McConnell'), (39, 73, 'Chuck Schumer')]
    """
    role = r"[ \u00a0]+".join(re.escape(w) for w in role_words.split())
    before = re.compile(rf"(?i:{role})[ \u00a0]+((?:[A-Z][\w’'.-]*[ \u00a0]?){{1,3}})")
    after = re.compile(rf"((?:[A-Z][\w’'.-]*[ \u00a0]?){{1,3}}),[ \u00a0](?:the[ \u00a0])?(?i:{role})\b")
    if lowered is None or not role_words.isascii() or len(lowered) != len(text):
        matches = [*before.finditer(text), *after.finditer(text)]
        return [(m.start(), m.end(), m.group(1).strip()) for m in matches]
    starts = occurrences(lowered, role_words.split()[0])  # every match of ``before`` starts at one
    tails = re.compile(rf",[ \u00a0](?:the[ \u00a0])?(?i:{role})\b")
    ends = sorted({q for p in starts for q in (p - 2, p - 6) if q >= 0 and tails.match(text, q)})  # ", (the) role"
    names = sorted({s for q in ends for s in capitals_before(text, q)})  # every match of ``after`` starts at one
    matches = [*finditer_at(before, text, starts), *finditer_at(after, text, names)]
    return [(m.start(), m.end(), m.group(1).strip()) for m in matches]


class _RoleHits:
    """The role hits of one role, by end: the latest-starting hit that ends by an offset, by bisect."""

    def __init__(self, hits: list[tuple[int, int, str]]) -> None:
        ordered = sorted(hits, key=lambda h: h[1])
        self.ends = [e for _, e, _ in ordered]
        self.best = list(itertools.accumulate(((s, name) for s, _, name in ordered), max))

    def last_before(self, offset: int) -> str | None:
        """Name of the hit with the greatest (start, name) among those ending at or before ``offset``."""
        k = bisect.bisect_right(self.ends, offset)
        return self.best[k - 1][1] if k else None


class _LastTwo:
    """The latest speaker said with a phrase, and the latest said with another phrase (lowercased phrases)."""

    def __init__(self) -> None:
        self.last: tuple[str, str] | None = None  # (name, phrase)
        self.other: tuple[str, str] | None = None  # the latest whose phrase differs from ``last``'s

    def add(self, name: str, phrase: str) -> None:
        if self.last is not None and self.last[1] != phrase:
            self.other = self.last
        self.last = (name, phrase)

    def latest_other(self, phrase: str) -> str:
        """The latest name said with a phrase other than ``phrase`` ("" if none)."""
        if self.last is not None and self.last[1] != phrase:
            return self.last[0]
        return self.other[0] if self.other is not None else ""


_NO_ONE = _LastTwo()


class _Resolver:
    """Resolves speaker phrases of one article to names."""

    def __init__(
        self, article: Document, targets: tuple[Target, ...], mentions: list[Mention], names: tuple[str, ...]
    ) -> None:
        self.article = article
        self.names = names
        self.mentions = mentions
        self.targets = targets
        self.lowered = article.text.lower()
        self._letterwise = self.lowered if lowers_letterwise(article.text) else None
        self.history: list[tuple[int, str, str, str]] = []  # (sentence, resolved name, gender, phrase)
        self.genders: dict[str, str] = {}
        self._roles: dict[str, _RoleHits] = {}  # role words -> where someone is named so
        self._written: dict[str, bool] = {}  # role words -> whether the article writes them at all
        self._same_role: dict[str, _LastTwo] = {}  # last word of a said phrase -> the latest speakers said so
        self._target_names: dict[Target, str] = {}

    def name(self, phrase: str) -> str:
        caps = _name_words(phrase)
        if not caps:
            return ""
        last = caps[-1]
        longer = [
            n
            for n in self._names_by_last.get(last, ())
            if len(n.split()) >= len(caps) and n.split()[0].lower().rstrip(".") not in TITLES
        ]
        return max(longer, key=len) if longer and len(caps) == 1 else " ".join(caps)

    @functools.cached_property
    def _pronoun_at(self) -> dict[int, Any]:
        """The first pronoun mention starting at each offset."""
        found: dict[int, Any] = {}
        for m in self.mentions:
            if m.kind == "pronoun":
                found.setdefault(m.start, m)
        return found

    @functools.cached_property
    def _descriptions(self) -> tuple[list[Any], list[int], list[int]]:
        """Description mentions in text order, their starts, and the furthest end up to each."""
        descriptions = sorted((m for m in self.mentions if m.kind == "description"), key=lambda m: m.start)
        reach = list(itertools.accumulate((m.end for m in descriptions), max))
        return descriptions, [m.start for m in descriptions], reach

    def _description_overlapping(self, start: int, end: int) -> Any:
        """The first description (in text order) overlapping ``[start, end)``, by bisect; ``None`` if none."""
        descriptions, starts, reach = self._descriptions
        first = bisect.bisect_right(reach, start)  # the first one whose end passes ``start``
        return descriptions[first] if first < bisect.bisect_left(starts, end) else None

    @functools.cached_property
    def _names_by_last(self) -> dict[str, list[str]]:
        """The article's names by their last word (in registry order): a lookup, not a scan per phrase."""
        index: dict[str, list[str]] = {}
        for n in self.names:
            index.setdefault(n.split()[-1], []).append(n)
        return index

    def resolve(self, phrase: str, start: int, end: int) -> tuple[str, str]:
        sent = self.article.sentence_of(start)
        low = phrase.lower()
        if low in ("he", "she", "they", "i", "we"):
            return self.pronoun(low, sent, start)
        if low == "it":
            return "", "unresolved"
        role = self.role_named_earlier(phrase, start)
        if role:
            return role, "role:named-earlier"
        description = self._description_overlapping(start, end)
        if description is not None:
            return self.target_name(description.target), "description:target"
        name = self.name(phrase)
        if _is_role_description(phrase):  # "the New York Democrat said", "the senator from Kentucky said"
            earlier = self._same_role.get(phrase.split()[-1].lower(), _NO_ONE).latest_other(low)
            if earlier:
                return earlier, "description:same-role"  # "A NATO official said …" … "said the official"
            subject, _ = self.previous_subject(sent, start, "", lone=True)
            if subject:
                return subject, "description:previous-subject"
        if name:
            return name, "name"
        # a group or source without a name ("diplomats", "a spokesman for Y"); where it is ("in Berlin") is no part
        return re.sub(
            rf"{_SP}in{_SP}(?:the{_SP})?[A-Z][\w’'.-]*(?:{_SP}[A-Z][\w’'.-]*)*$", "", phrase.strip()
        ), "as written"

    def pronoun(self, low: str, sent: int, start: int) -> tuple[str, str]:
        """He/she/they: the last compatible speaker, else the target the mention stage found, else the subject."""
        gender = {"he": "m", "she": "f"}.get(low, "")
        if low in ("i", "we"):
            return "", "unresolved"
        subject, subject_sent = self.previous_subject(sent, start, gender)
        for s, name, g, phrase in reversed(self.history):  # in text order: the older ones are older still
            if sent - s > SPEAKER_MEMORY:
                break
            if (low == "they" and g) or (g and gender and g != gender):
                continue
            if gender and not _is_person_phrase(phrase):
                continue  # "he" is not "Republicans" or "the company"
            if s >= subject_sent:  # a subject named after the speaker's quote is the newer referent
                return name, "pronoun:recent-speaker"
        if subject and low != "they":
            return subject, "pronoun:previous-subject"
        mention = self._pronoun_at.get(start)
        if mention is not None:
            return self.target_name(mention.target), "pronoun:target"
        return "", "unresolved"

    def role_named_earlier(self, phrase: str, start: int) -> str:
        """A role phrase ("the majority leader") -> the person last named with that title ("Majority Leader X")."""
        words = phrase.split()
        if len(words) < 2 or words[0].lower() not in ("the", "a") or not all(w.islower() for w in words[1:]):
            return ""
        role_words = " ".join(words[1:])
        if not _is_role_description("the " + role_words) or not self._writes(role_words):
            return ""  # no role, or the role is never written out before: no scan of the article
        if role_words not in self._roles:  # found once per role and article (the resolver lives for one article)
            hits = role_hits(self.article.text, role_words, lowered=self._letterwise)
            self._roles[role_words] = _RoleHits(hits)
        named = self._roles[role_words].last_before(start)  # named before the phrase, as in text[:start]
        return self.name(named) if named is not None else ""

    def _writes(self, role_words: str) -> bool:
        """Whether the article writes ``role_words`` (lowercased) anywhere; one search per role."""
        if role_words not in self._written:
            self._written[role_words] = role_words in self.lowered
        return self._written[role_words]

    def target_name(self, target: Target) -> str:
        """The longest alias of several words that the article writes, else the target's name (once per target)."""
        if target not in self._target_names:
            self._target_names[target] = next(
                (a for a in sorted(target.aliases, key=len, reverse=True) if " " in a and a in self.article.text),
                target.name,
            )
        return self._target_names[target]

    def previous_subject(self, sent: int, start: int, gender: str, *, lone: bool = False) -> tuple[str, int]:
        """The first person named in the nearest sentence before ``start`` that names one, and its sentence."""
        art = self.article
        for index in range(sent, max(-1, sent - 4), -1):
            s = art.sentences[index]
            if _is_headline(s):
                continue
            chunk = art.text[s.start : min(s.end, start)] if index == sent else s.text
            chunk = _QUOTED.sub(lambda m: " " * len(m.group()), chunk)
            for m in re.finditer(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*", chunk):
                first = m.group().split()[0].lower()
                if m.start() == 0 and (first in stopwords() or first in ("in", "addition", "however")):
                    continue
                before = chunk[: m.start()].split()
                if (before and before[-1].lower() == "the") or m.group().isupper():
                    continue
                name = self.name(m.group())
                if name and name.split()[-1].lower() in ORG_HEADS | PLACE_HEADS:
                    continue  # "Memorial Medical Center", "Miami-Dade County": no person
                if not name or (gender and self.genders.get(name, gender) != gender):
                    continue
                if any(t.name == name or name in t.aliases for t in self.targets if t.kind != "person"):
                    continue
                alone = len(name.split()) == 1 and name not in self._names_by_last
                after = re.match(r"\s*(,|[a-z]+)", chunk[m.end() :])
                subject = m.start() == 0 and after is not None and after.group(1) not in FUNCTION_WORDS
                if alone and not (lone or subject) and not any(name in t.aliases for t in self.targets):
                    continue  # a lone capitalized word that is no clause's subject and never a full name: a place?
                return self._longer_name(name), index
        return "", -1

    def _longer_name(self, name: str) -> str:
        """The first registry name that ends with ``name`` (a surname: by lookup), else ``name``."""
        if " " not in name:
            return next(iter(self._names_by_last.get(name, ())), name)
        return self._names_by_suffix.get(name, name)

    @functools.cached_property
    def _names_by_suffix(self) -> dict[str, str]:
        """Each ending of a registry name after one of its spaces -> the first name that ends so."""
        index: dict[str, str] = {}
        for n in self.names:
            for i, char in enumerate(n):
                if char == " ":
                    index.setdefault(n[i + 1 :], n)
        return index

    def remember(self, sent: int, name: str, phrase: str) -> None:
        if name:
            gender = _gender(phrase) or self.genders.get(name, "")
            if gender:
                self.genders[name] = gender
            self.history.append((sent, name, gender, phrase))
            words = phrase.split()
            if words:
                self._same_role.setdefault(words[-1].lower(), _LastTwo()).add(name, phrase.lower())


def _is_person_phrase(phrase: str) -> bool:
    """Whether a speaker phrase can be one person: a pronoun he/she, a name, or a singular role ("a spokesman")."""
    words = phrase.split()
    if words[0].lower() in ("he", "she"):
        return True
    if words[0].lower() in ("they", "it", "we") or (words[-1].lower().endswith("s") and words[-1][:1].islower()):
        return False
    return words[0].lower() in ("a", "an", "the") or words[-1][:1].isupper()


def _is_role_description(phrase: str) -> bool:
    """A definite description of a person by role or party ("the senator", "the New York Democrat")."""
    words = phrase.split()
    if len(words) < 2 or words[0].lower() != "the":
        return False
    head = re.split(rf"{_SP}(?:from|of|for){_SP}", phrase)[0].split()[-1].lower()
    return head in ROLE_WORDS | TITLES | PERSON_DESCRIPTIONS


#: Heads of descriptions that refer back to a person named before ("the Democrat", "the lawmaker").
PERSON_DESCRIPTIONS = _words(
    "democrat republican independent lawmaker senator congressman congresswoman politician candidate "
    "nominee incumbent businessman businesswoman billionaire tycoon veteran lawyer attorney economist official"
)


def _inside_quotes(spans: list[_Span]) -> Callable[[int], bool]:
    """Whether an offset lies inside a direct quote (between its marks)."""
    opens = [s.open for s in spans]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(opens, offset) - 1
        return i >= 0 and spans[i].open < offset < spans[i].close - 1

    return inside


def article_quotes(
    article: Document, targets: tuple[Target, ...], mentions: list[Mention], names: tuple[str, ...]
) -> list[Quote]:
    """Direct and indirect quotes of one parsed article, in text order (the rows of :func:`find_quotes`).

    Args:
        article: The article, parsed (:func:`newslab.document.parse`).
        targets: Targets whose mentions help resolve speakers.
        mentions: The targets' mentions in this article (:func:`newslab.mentions.article_mentions`,
            without the in-quote rule).
        names: The article's name registry (:func:`newslab.names.name_registry`).

    Example:
        >>> from newslab.document import parse
        >>> from newslab.names import name_registry
        >>> from newslab.mentions import article_mentions
        >>> from newslab.targets import DEFAULT_TARGETS
        >>> doc = parse(Article("a", "", "Mark Rutte arrived. “We are strong,” he said."))
        >>> found = article_quotes(doc, DEFAULT_TARGETS, article_mentions(doc, DEFAULT_TARGETS), name_registry(doc))
        >>> [(q.kind, q.resolved, q.speaker_rule) for q in found]
        [('direct', 'Mark Rutte', 'pronoun:previous-subject')]
    """
    text = article.text
    spans = _direct_spans(text)
    inside = _inside_quotes(spans)
    attrs = {
        s.index: _attributions(text, s.start, s.end, article.token_spans[s.index], inside)
        for s in article.sentences
        if not _is_headline(s)
    }
    quotes, used = _attribute_direct(text, article, spans, attrs)
    _attribute_from_context(quotes, spans, text, article, attrs)
    quotes += _indirect(text, article, attrs, used, inside)
    quotes.sort(key=lambda q: (q.start, q.kind))
    resolver = _Resolver(article, targets, mentions, names)
    for q in quotes:
        if q.speaker:
            q.resolved, q.speaker_rule = resolver.resolve(q.speaker, q.speaker_start, q.speaker_end)
            resolver.remember(article.sentence_of(q.start), q.resolved, q.speaker)
    return quotes


def find_quotes(
    corpus: Corpus | Article | Iterable[Article] | str,
    *,
    targets: Target | Iterable[Target] | None = None,
    kinds: Iterable[str] = ("direct", "indirect"),
    progress: bool | None = None,
) -> pd.DataFrame:
    """Find direct quotes and indirect reported speech, with speaker, verb and span.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        targets: Targets whose descriptions and pronouns help resolve speakers
            (default ``(TRUMP, NATO)``).
        kinds: Which kinds to return ("direct", "indirect").
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns article_id, sentence_id, speaker (as written), speaker_resolved
        (a name, or "" when the text does not tell), verb, quote (the quoted or reported words),
        kind ("direct"/"indirect"), start, end (offsets of the quote in ``article.text``), rule
        (after-quote, before-quote, split, same-paragraph, previous-sentence, continued, unattributed,
        reported-say, reported-belief, reported-warning, reported-argument, reported-attitude, reported-directive,
        reported-topic, reported-after, coordinated, according-to; see the module docstring), speaker_rule
        (how the speaker was resolved), speaker_start, speaker_end.

    Example:
        >>> import newslab as nl
        >>> df = find_quotes(nl.load_seed_corpus(), kinds=["direct"])
        >>> df.groupby("article_id", sort=False)["speaker_resolved"].apply(list).to_dict()
        {'es-daily': ['Farah Dakhlallah', 'NATO', 'Mark Rutte', 'Mark Rutte'],
         'de-dpa': ['Farah Dakhlallah', 'Mark Rutte']}
    """
    from newslab.analysis import analyze  # the pass builds on this module
    from newslab.errors import ParameterError

    kinds = tuple(kinds)
    if not kinds or set(kinds) - {"direct", "indirect"}:
        raise ParameterError(f"kinds={list(kinds)!r}; valid: ['direct', 'indirect']")
    table = analyze(corpus, targets, tables=("quotes",), progress=progress).quotes
    if set(kinds) != {"direct", "indirect"}:
        table = table[table["kind"].isin(kinds)].reset_index(drop=True)
    return table


def quote_rows(doc: Document, quotes: list[Quote]) -> list[tuple[object, ...]]:
    """Table rows (``QUOTE_COLUMNS``) for the quotes of one parsed article."""
    text = doc.text
    return [
        (doc.id, doc.sentence_of(q.start), q.speaker, q.resolved, q.verb, text[q.start : q.end], q.kind, q.start,
         q.end, q.rule, q.speaker_rule, q.speaker_start, q.speaker_end)
        for q in quotes
    ]  # fmt: skip


def speaker_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who gets quoted: per article and resolved speaker, counts of direct and indirect quotes.

    Args:
        quotes: The output of :func:`find_quotes`.

    Example:
        >>> import newslab as nl
        >>> speaker_table(find_quotes(nl.load_seed_corpus())).loc["de-dpa"].to_dict("index")["Donald Trump"]
        {'direct': 0, 'indirect': 5}
    """
    df = quotes.assign(speaker_resolved=quotes["speaker_resolved"].replace("", "(unresolved)"))
    table = df.pivot_table(index=["article_id", "speaker_resolved"], columns="kind", values="start", aggfunc="count")
    table = table.reindex(columns=["direct", "indirect"]).fillna(0).astype(int)
    table.columns.name = None
    return table


def same_speaker(predicted: str, gold: str) -> bool:
    """Whether two speaker names agree: equal, or the same last word ("Rutte" vs "Mark Rutte").

    Example:
        >>> same_speaker("Mark Rutte", "Rutte"), same_speaker("Trump", "Rutte")
        (True, False)
    """
    p, g = predicted.strip().lower(), gold.strip().lower()
    return bool(p) and (p == g or p.split()[-1] == g.split()[-1])


def evaluate_quotes(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Check hand-marked direct quotes: found (overlapping direct quote) and speaker right.

    Args:
        predicted: Output of :func:`find_quotes`.
        gold: Table with article_id, start, end, speaker (and optionally quote).

    Returns:
        The gold table with columns found (bool), predicted_speaker, speaker_ok (bool).

    Example:
        >>> import pandas as pd
        >>> art = Article("x", "", "“We won,” Mark Rutte said.")
        >>> gold = pd.DataFrame({"article_id": ["x"], "start": [1], "end": [7], "speaker": ["Mark Rutte"]})
        >>> evaluate_quotes(find_quotes(art), gold)[["found", "speaker_ok"]].values.tolist()
        [[True, True]]
    """
    out = gold.copy()
    found, speakers, ok = [], [], []
    direct = predicted[predicted["kind"] == "direct"]
    for row in gold.itertuples():
        match = direct[
            (direct["article_id"] == row.article_id) & (direct["start"] < row.end) & (row.start < direct["end"])
        ]
        speaker = str(match["speaker_resolved"].iloc[0]) if len(match) else ""
        found.append(bool(len(match)))
        speakers.append(speaker)
        ok.append(same_speaker(speaker, str(row.speaker)))
    out["found"], out["predicted_speaker"], out["speaker_ok"] = found, speakers, ok
    return out


__all__ = [
    "QUOTE_COLUMNS",
    "Cue",
    "Quote",
    "article_quotes",
    "cue_forms",
    "evaluate_quotes",
    "find_quotes",
    "load_cues",
    "quote_rows",
    "same_speaker",
    "speaker_table",
]
