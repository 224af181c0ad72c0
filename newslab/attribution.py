"""Attributions: reporting verbs, their subjects, and the reported speech they introduce.

In each sentence every reporting verb of ``speech_verbs.tsv`` (say, tell, add, believe, warn,
argue, insist, claim, deny, urge, accuse …: a class, whether it inverts and whether it takes an
addressee) is paired with its subject, read off the clause by the speaker grammar below:

* the phrase right before the verb, through titles, a time ("said Thursday", "on Feb. 15", "a day
  earlier") and appositions or relative clauses ("X, a spokesman for Y, said"; "Sen. Lindsey Graham,
  R-S.C., said"; "X, who …, said"); when a role comes first, the name after it ("Hungary's prime
  minister, Viktor Orban, said" -> Viktor Orban);
* after the verb when a quote or comma precedes it and the verb inverts ("…,” said Sen. X");
* "X, who said …" -> X; a participle or a second verb ("…, saying …", "claimed … and demanded …")
  takes the subject of its own clause.

A speaker is never a date or time, a party-state tag, an age or a bare title, nor anything in a
headline (:func:`is_headline`). An addressee ("told reporters", "told Y") is never the speaker.

:func:`newslab.reported_speech.indirect_quotes` then reads the **reported speech** of each
attribution (the rules are listed in :mod:`newslab.quotes`). The :class:`Quote` record is what
the quote rules fill in; :mod:`newslab.quotes` attaches direct quotes to these attributions and
:mod:`newslab.speakers` resolves the speakers.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Sequence

from newslab.cues import load_speech_verbs
from newslab.descriptions import word_tags
from newslab.quote_record import Quote as Quote
from newslab.quote_record import is_headline as is_headline
from newslab.speaker_words import FUNCTION_WORDS, TIME_WORDS, not_a_speaker

# patterns the rules below use, compiled once (not looked up in re's cache at every call)
_NON_SPACE = re.compile(r"\S+")

#: Characters before a reporting verb searched for its subject; fits "X, a professor who wrote a paper … , said"
#: (set by hand from the longest appositions in NewsMTSC sentences).
SUBJECT_WINDOW = 240
ABBREVIATION_CHARS = 4  # a speaker phrase's last word this short keeps its period ("Jr.", "Sen."): an abbreviation
MAX_NAME_WORDS = 5  # a capitalized speaker phrase longer than this is a title or a headline, not a name (by hand)
NOUN_LOOKBACK = 30  # characters before a participle searched for the noun it modifies ("a statement saying"; by hand)
#: Characters a match of the noun test before a verb (``_NOUN_BEFORE``) spans at most: "Several", a space, and the
#: line break ``$`` may stand before; a window this long finds a match where the NOUN_LOOKBACK one does (speed only).
NOUN_REACH = len("several") + 2
#: Characters before a reporting verb searched for "who" or a shared subject ("X, who has accused Y, said"; by hand).
CLAUSE_LOOKBACK = 40


SPACE = r"[ \u00a0]"
_PARTY = r"\(?[RDI]-[A-Z][\w.]*\)?(?![\w.])"


#: A capitalized word, not a capitalized function word ("To", "After"). The lookahead ``(?=[A-Z])`` only repeats
#: the test of the capital that follows, so lowercase words fail before the ignore-case list is tried (the
#: subject search is 15% faster; the matches are the same).
_CAP = (
    r"(?:(?=[A-Z])(?!(?i:to|in|on|at|for|with|from|by|after|before|during|since|as|if|when|while|but|and|or|so|yet)\b)"
    r"[A-Z][\w’'‘.&-]*|(?:al|el|de|bin|ibn)-[A-Z][\w’'-]*)"
)


def word_set(text: str) -> frozenset[str]:
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


_FUNCTION = rf"(?:{_trie(FUNCTION_WORDS)}|[a-z]+n[’']t)"
_LOWER = rf"(?!{_FUNCTION}\b)(?!(?!family|ally|rally|assembly)[a-z]+ly\b)[a-z][\w’'-]*"
_WORD = rf"(?:{_CAP}|{_LOWER})"


_DET = (
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|"
    r"[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[Tt]his|[Tt]hese|[Tt]hose|[Bb]oth|[Aa]nother|[Aa] few|[Tt]wo other)"
)


_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|"
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)


#: A time adverbial as a pattern ("on Feb. 15", "a day earlier", "Thursday morning"), before or after a verb.
TIME_PHRASE = (
    rf"(?:(?:on[ \u00a0])?(?:{_MONTH})[ \u00a0]\d{{1,2}}(?:,[ \u00a0]\d{{4}})?|"
    r"(?:a|one|two|three)[ \u00a0](?:day|week|month|year)s?[ \u00a0](?:earlier|later|ago)|"
    r"(?:(?:on|last|this|early|late|earlier|later|next)[ \u00a0])?(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|"
    r"[Ff]riday|[Ss]aturday|[Ss]unday|yesterday|today|tonight|earlier|later|week|month|year|weekend)"
    r"(?:[ \u00a0](?:morning|afternoon|evening|night))?)"
)


#: A prepositional complement of a role or group: "a spokesman for the Trump Organization", "analysts at X".
_PP = (
    rf"(?:{SPACE}(?:for|of|at|in|with|from|on|to){SPACE}(?!{TIME_PHRASE}\b)(?:the{SPACE})?{_WORD}(?:{SPACE}(?:{_CAP}|of|and|&)){{0,4}}"
    r"(?<![ \u00a0]of)(?<![ \u00a0]and))"
)


_NP = rf"(?:{_DET}{SPACE})?(?:{_WORD}{SPACE}){{0,4}}{_WORD}(?<![’']s){_PP}?"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t)"
_SPEAKER = rf"(?:{_PRONOUN}|{_NP})"


#: Where a speaker phrase without a determiner or capital may start ("…, officials said"; not "the vote officials").
_LOWER_START = (
    r"(?:^|(?<=[,;:(“”\"—–][ \u00a0])|(?<=\band[ \u00a0])|(?<=\bbut[ \u00a0])|(?<=\bthat[ \u00a0])"
    r"|(?<=\bwhen[ \u00a0])|(?<=\bwhile[ \u00a0])|(?<=\bas[ \u00a0]))"
)


#: A speaker phrase before its verb: it opens with a determiner, a capital, or a bare noun at a clause boundary
#: (tried at far fewer places than any word, which keeps the search cheap).
_NP_BEFORE = (
    rf"(?!{_PARTY})(?:{_DET}{SPACE}{_WORD}|{_CAP}|{_LOWER_START}{_LOWER})(?:{SPACE}{_WORD}){{0,4}}(?<![’']s){_PP}?"
)


#: An apposition or relative clause between a speaker and its verb: ", a spokesman for Y,", ", R-S.C.,", "(D-N.Y.)".
_APPOS_ONE = (  # comma and parenthesis forms are atomic (one way to match each), which keeps long lists cheap
    rf"(?:(?>,{SPACE}(?!(?:and|but|or|while|as|when|because|so|yet|then|who|which)\b)[^,;:“”\"()\n]{{1,160}}(?=,))|"
    rf"(?>,{SPACE}(?:who|which){SPACE}[^,;:()\n]{{1,160}}(?=,))|(?>{SPACE}?\([^()\n]{{1,40}}\))"
    rf"|{SPACE}(?:who|which){SPACE}[^,;:“”\"()\n]{{1,60}}?(?={SPACE}))"
)


#: Up to three in a row: "Sen. Jon Tester, D-Mont., who faces a tough race, said".
_APPOS = rf"(?:{_APPOS_ONE}{{1,3}},?)"


_ADVERB = (
    r"(?:has|have|had|would|will|also|then|once|again|previously|repeatedly|reportedly|recently|only|even|further|"
    r"later|never|often|long|(?:was|is|were|are)[ \u00a0]quoted[ \u00a0]as|"
    r"(?!(?:family|ally|rally|assembly|july|italy|supply|fly|bully)\b)[a-z]{2,}ly)"
)


_AUX = rf"(?:{_ADVERB}{SPACE}){{0,3}}"


#: Where a subject starts: the text's start, or after a space or a clause mark; the test of ``(?:^|(?<=[\s,;:(“”"—–]))``
#: as one assertion (``^`` matches only at the start, where a lookbehind finds nothing; sre tries it 15% faster).
_SUBJECT_START = r"(?<![^\s,;:(“”\"—–])"
#: Subject before its verb, matched against the text right before the verb (compiled with whole words).
SUBJECT_BEFORE_PATTERN = (
    rf"{_SUBJECT_START}(?P<speaker>{_PRONOUN}|[Oo]ne{SPACE}of{SPACE}(?:them|those)|{_NP_BEFORE})(?P<appos>{_APPOS})?(?:,?{SPACE}{TIME_PHRASE},?)?"
    rf"{SPACE}+{_AUX}$"
)


def whole_words(pattern: str) -> str:
    """``pattern`` with the character runs of its capitalized and lowercase words possessive (never given back).

    In :data:`SUBJECT_BEFORE_PATTERN` what follows a word always starts with a space, a comma, a
    parenthesis or the end of the text, none of them a word character, so giving a word's last
    characters back can never lead to a match: possessive runs find the same matches and skip that
    backtracking (a third of the search's time).

    Example:
        >>> whole_words(SUBJECT_BEFORE_PATTERN).count("]*+") - SUBJECT_BEFORE_PATTERN.count("]*+")
        14
    """
    return pattern.replace(_CAP, _CAP.replace("]*", "]*+")).replace(_LOWER, _LOWER.replace("]*", "]*+"))


_SUBJECT_BEFORE = re.compile(whole_words(SUBJECT_BEFORE_PATTERN))


#: The antecedent of "who" for a verb in a relative clause ("… by Viktor Orban, who said …").
_RELATIVE_SUBJECT = re.compile(
    rf"{_SUBJECT_START}(?P<speaker>(?!{_PARTY})(?:{_DET}{SPACE})?(?:{_CAP}{SPACE}){{0,4}}{_CAP}"
    rf"(?:{SPACE}of{SPACE}(?:{_CAP}{SPACE}){{0,2}}{_CAP})?)"  # "Jerrold Nadler of New York, …, who said": not New York
    rf"(?P<appos>(?:,{SPACE}[^,;:“”\"()\n]{{1,90}}?(?=,))*),?{SPACE}who{SPACE}+{_AUX}$"
)


#: Rule "relative-noun": the antecedent of "who" that is a common noun ("activists who believed that …",
#: "one woman, who says …") and of ", which" ("a Tax Policy Center study, which calculated that …").
_RELATIVE_NOUN = re.compile(
    rf"{_SUBJECT_START}(?P<speaker>(?:{_DET}{SPACE})?(?:(?:{_CAP}|{_LOWER}){SPACE}){{0,3}}(?:{_CAP}|{_LOWER}))"
    rf"(?P<appos>)(?:{SPACE}who|,{SPACE}(?:who|which)){SPACE}+{_AUX}$"
)


def _relative_noun(chunk: str) -> re.Match[str] | None:
    """The last antecedent of "who"/"which" before a verb, its words from the last verb or function word on."""
    m = _RELATIVE_NOUN.search(chunk)
    if m is None:
        return None
    tags = word_tags()
    words = list(_NON_SPACE.finditer(m.group("speaker")))
    keep = [w for w in words if (tags.get(w.group().lower()) or "NN").startswith(("VB", "IN", "RB", "MD"))]
    if keep:  # "angered activists": the noun after the verb
        last = keep[-1]
        rest = m.group("speaker")[last.end() :].strip()
        return _RELATIVE_NOUN.search(chunk, m.start("speaker") + m.group("speaker").index(rest)) if rest else None
    return m


#: Subject after its verb ("…,” said Sen. Johnny Isakson), matched against the text right after the verb.
_SUBJECT_AFTER = re.compile(rf"{SPACE}+(?P<speaker>{_PRONOUN}(?!\w)|{_NP})")


#: Where an inverted verb may stand: after a comma, a dash or the end of a quote (a British ’ after its stop: at9).
_INVERSION_SLOT = re.compile(r"(?:[,—–:]|[,.?!]?[”\"]|[,.?!]’)\s*$")


@dataclasses.dataclass(frozen=True)
class Attribution:
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
    subject_rule: str = ""  # a named subject rule beyond the verb's own ("inverted-participle"), for the evidence


def _subject_before(text: str, lo: int, verb_start: int) -> tuple[str, int, int] | None:
    """The speaker phrase that ends right before a verb, through appositions, titles and a time adverbial."""
    start = max(lo, verb_start - SUBJECT_WINDOW)
    cut = max(  # a subject never spans these
        text.rfind(";", start, verb_start),
        text.rfind(":", start, verb_start),
        text.rfind("“", start, verb_start),
        text.rfind("”", start, verb_start),
        text.rfind('"', start, verb_start),
    )
    start = max(start, cut + 1)
    while start < verb_start and text[start] in " \u00a0":
        start += 1
    chunk = text[start:verb_start]
    relative = _RELATIVE_SUBJECT.search(chunk) if "who" in chunk else None
    if relative is not None and (word_tags().get(relative.group("speaker").lower()) or "").startswith("RB"):
        relative = None  # "Meanwhile, a lawyer for one woman, who says": an adverb is no antecedent
    if relative is None and ("who" in chunk or "which" in chunk):
        relative = _relative_noun(chunk)
    m = relative or _SUBJECT_BEFORE.search(chunk)
    if m is None:
        return None
    at = m.start("speaker")
    listed = chunk.endswith("and ", 0, at) and _NAME_LIST.fullmatch(chunk, 0, at) is not None
    listed = listed and _is_name(m.group("speaker"))
    if listed and not m.group("appos"):  # rule "name-list" (at8): "Germany, France and Italy said" -> all three
        return _trim_phrase(chunk[: m.end("speaker")], start)
    return _trim_phrase(*_name_in_apposition(m, start))


#: Names listed before the last one of a subject ("Germany, France and ", "Ms. Lee and ") from the clause's start.
_NAME_LIST = re.compile(
    rf"(?:(?:{_CAP}{SPACE}){{0,2}}{_CAP},{SPACE}){{0,4}}(?:{_CAP}{SPACE}){{0,2}}{_CAP},?{SPACE}and{SPACE}"
)


def _name_in_apposition(m: re.Match[str], offset: int) -> tuple[str, int]:
    """The speaker phrase of a subject match, or the name right after it ("Hungary's prime minister, Viktor Orban,")."""
    phrase, s = m.group("speaker"), offset + m.start("speaker")
    appos = m.group("appos") or ""
    if _is_name(phrase) or not appos.startswith(","):
        return phrase, s
    for part in appos.split(",")[1:]:  # "his aunt, Elvira Rodriguez, said"; "…, Gov. Mike Pence of Indiana," (at8)
        if _is_name(part.strip()) or _is_name(_OF_PLACE.sub("", part.strip())):
            return part.strip(), offset + m.start("appos") + appos.index(part.strip())
    return phrase, s


_OF_PLACE = re.compile(rf"{SPACE}of{SPACE}(?:{_CAP}{SPACE}?){{1,3}}$")  # "Gov. Mike Pence of Indiana"


def _is_name(phrase: str) -> bool:
    """A capitalized name of one to five words (not a party tag or a time)."""
    words = phrase.split()
    return 0 < len(words) <= MAX_NAME_WORDS and all(w[:1].isupper() for w in words) and not not_a_speaker(phrase)


#: Adverbs that may close a phrase matched before a verb but belong to the verb ("X once told", "X later said").
_TRAILING_ADVERB = re.compile(
    r"(?<=\w)(?:[ \u00a0]+(?:once|later|earlier|then|now|also|again|still|often|never|recently|"
    r"(?!(?:family|ally|rally|assembly|italy|supply|bully)\b)[a-z]{2,}ly))+$"
)


#: Words dropped from a speaker phrase's start: a time, or a conjunction ("Earlier Thursday ...", "But X").
_LEADING_WORDS = TIME_WORDS | {"but", "and", "so"}


def _trim_phrase(phrase: str, start: int) -> tuple[str, int, int] | None:
    """Drop leading time or sentence adverbs ("Earlier Thursday ...") and reject non-speakers."""
    words = list(_NON_SPACE.finditer(phrase))
    skip = 0
    while skip < len(words) - 1 and words[skip].group().lower().strip(",") in _LEADING_WORDS:
        skip += 1
    if skip:
        phrase, start = phrase[words[skip].start() :], start + words[skip].start()
    last = phrase.split()[-1]
    if last.endswith(".") and len(last) > ABBREVIATION_CHARS and last.lower() not in ("jr.", "sr.", "inc.", "corp."):
        phrase = phrase[:-1]  # the sentence's period: "… lamented Senator Johnny Isakson."
    phrase = _TRAILING_ADVERB.sub("", phrase)  # "Sen. Mitt Romney once (told)", "the senator later (said)"
    if not_a_speaker(phrase):
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


@functools.cache
def _verb_pattern() -> re.Pattern[str]:
    """All verb forms in one prefix-factored expression (a plain alternation of 400 forms is slow)."""
    forms = [f.replace(" ", "\u0001") for f in load_speech_verbs()]
    return re.compile(rf"(?<![\w’'-]){_trie(forms).replace(chr(1), SPACE)}(?![\w’'-])")


def attributions(
    text: str, lo: int, hi: int, tokens: Sequence[tuple[int, int]], inside: Callable[[int], bool]
) -> list[Attribution]:
    """Reporting verbs between ``lo`` and ``hi`` (one sentence) outside quotes, each with its subject if any."""
    verbs = load_speech_verbs()
    found: list[Attribution] = []
    if not tokens:
        return found
    # reporting verbs between the sentence's first and last word; a particle joins ("pointed out")
    for m in _verb_pattern().finditer(text, tokens[0][0], tokens[-1][1]):
        start, end, form = m.start(), m.end(), m.group()
        if inside(start) or _NOUN_BEFORE.search(text, max(lo, start - min(NOUN_LOOKBACK, NOUN_REACH)), start):
            continue  # "his comments", "Biden's attack", "three answers": a noun, not a verb
        verb = verbs[form.lower()]
        # "issued a statement saying": the clause's subject, never "a statement"; but "X was quoted as saying"
        # rule "infinitive": "… struck a playful tone to warn Americans that …" takes its clause's subject too
        participle = (form.endswith("ing") and text[max(lo, start - 3) : start] != "as ") or text[
            max(lo, start - 3) : start
        ] == "to "
        subject = None if participle else _subject_before(text, lo, m.start())
        inverted = False
        if (
            subject is None
            and verb.inverts
            and not m.group().endswith("ing")
            and _INVERSION_SLOT.search(text, max(lo - 3, 0), m.start())
        ):
            subject, inverted = _subject_after(text, m.end(), hi), True
        coordinated, fronted = False, ""
        if subject is None and (
            participle or _SHARED_SUBJECT.search(text, max(lo, m.start() - CLAUSE_LOOKBACK), m.start())
        ):
            # "claimed that … and demanded that …", "…, saying the plan was dead": the clause's subject
            subject, coordinated = _shared_subject(text, lo, m.start(), found), True
            after_fronted = _fronted_end(text, lo, m.start())
            if after_fronted > lo:  # rule "fronted-clause" (at6): "After Rose asked whether …, Assad … said" -> Assad
                own = _shared_subject(text, after_fronted, m.start(), found)
                if own is not None and own != subject:
                    subject, fronted = own, "fronted-clause"
            inner = _parenthetical_subject(text, found, m.start())  # rule "parenthetical-said" (at8)
            if inner is not None and inner != subject:
                subject, fronted = inner, "parenthetical-said"
            outer = None if inner is not None else _outer_subject(text, found, m.start())
            if outer is not None and outer != subject:  # rule "outer-clause" (at11)
                subject, fronted = outer, "outer-clause"
        phrase, s, e = subject or ("", -1, -1)
        # "X, who has accused Y of Z, said" (a match holds "wh": without one in the window, str.find says no in C)
        window = max(lo, start - CLAUSE_LOOKBACK)
        relative = text.find("wh", window, start) >= 0 and _WHO.search(text, window, start) is not None
        # rule "inverted-participle" (at5): the subject is an inverted speaker ("…,” said X, suggesting that …")
        borrowed = coordinated and any(a.inverted and a.speaker_start == s for a in found if s >= 0)
        found.append(
            Attribution(
                form, verb.lemma, verb.cls, start, end, phrase, s, e, inverted, coordinated, relative,
                "inverted-participle" if borrowed else fronted,
            )
        )  # fmt: skip
    return found


_WHO = re.compile(rf",{SPACE}wh(?:o|ich){SPACE}+{_AUX}$")
#: ", Lombardo said, she left …": the main clause's subject right after a parenthetical reporting clause.
_AFTER_PARENTHETICAL = re.compile(
    rf",{SPACE}(?P<speaker>[Hh]e|[Ss]he|[Tt]hey|(?:{_CAP}{SPACE}){{0,3}}{_CAP}){SPACE}+[a-z]"
)


def _parenthetical_subject(text: str, found: list[Attribution], verb_start: int) -> tuple[str, int, int] | None:
    """A new subject with its own verb after the last reporting verb and a comma: "…, X said, she left … and told"."""
    earlier = [a for a in found if a.speaker and not a.inverted and a.verb_end < verb_start]
    m = _AFTER_PARENTHETICAL.match(text, earlier[-1].verb_end, verb_start) if earlier else None
    return (m.group("speaker"), m.start("speaker"), m.end("speaker")) if m else None


#: ", and" (an adverb allowed) right before a coordinated verb: it joins the sentence's main clause (at11).
_COMMA_AND = re.compile(rf",{SPACE}and{SPACE}(?:(?:then|also|later){SPACE})?$")
THAT_GAP_CHARS = 40  # characters between an outer verb and "that" ("said on Wednesday that"; set by hand)


def _outer_subject(text: str, found: list[Attribution], verb_start: int) -> tuple[str, int, int] | None:
    """Rule "outer-clause" (at11): "She said that the memo confirmed X, and accused Y of Z" -> She, not the memo.

    A verb after ", and" whose latest subject is the subject of a clause that an earlier verb reports ("said
    (on Wednesday) that the memo confirmed") shares that earlier verb's subject: the clause inside is no main clause.
    """
    if _COMMA_AND.search(text, max(0, verb_start - CLAUSE_LOOKBACK), verb_start) is None:
        return None
    named = [a for a in found if a.speaker and not a.inverted and not a.coordinated]
    if len(named) < 2 or not named[-2].verb_end < named[-1].speaker_start:
        return None
    gap = text[named[-2].verb_end : named[-1].speaker_start]
    if len(gap) > THAT_GAP_CHARS or any(c in gap for c in ',;:“”"') or not gap.rstrip().endswith(" that"):
        return None
    return named[-2].speaker, named[-2].speaker_start, named[-2].speaker_end


_SHARED_SUBJECT = re.compile(
    rf"(?:,{SPACE}|{SPACE}and{SPACE}(?:(?:then|also|even|later|again|at{SPACE}times){SPACE}){{0,3}}"
    rf"|,{SPACE}but{SPACE}(?:(?:then|also|later){SPACE})?)$"  # rule "but-said" (at6): "X said …, but said, “…”"
)


_CLAUSE_SUBJECT = re.compile(
    rf"(?P<pre>(?:[^,:“”\"]{{1,80}}(?:,|:|{SPACE}[—–]){SPACE}){{1,2}})?(?P<speaker>{_PRONOUN}|{_DET}{SPACE}(?:{_LOWER}{SPACE}){{0,2}}{_LOWER}"
    rf"|(?:{_DET}{SPACE}(?:{_LOWER}{SPACE}){{0,2}})?(?:{_CAP}{SPACE}){{0,4}}{_CAP})"  # "His son Eric Trump"
    # rule "possessive-no-subject" (at10, named by subject_repairs): after a skipped phrase, "X, McConnell's wife,
    # resigned, saying" is not "McConnell's"'s (but "Corker’s questioning": a verbal noun's possessor speaks)
    rf"(?(pre)(?:(?<![’']s)|(?={SPACE}[a-z]+ing\b)))(?P<appos>{_APPOS})?(?:,?{SPACE}{TIME_PHRASE},?)?{SPACE}+{_AUX}(?:(?:was|is|were|are|did|does)\b|(?!{_FUNCTION}\b)[a-z]+\b)"
)


def _shared_subject(text: str, lo: int, verb_start: int, found: list[Attribution]) -> tuple[str, int, int] | None:
    """The subject of the clause a participle or coordinated verb belongs to.

    The subject of the clause that starts after the last "while", "but" or ";" before the verb, else of the last
    reporting verb before it, else of the sentence ("…, while Murphy criticized Mace, saying …" -> Murphy).
    """
    # a boundary right before the verb ("…, but said") opens no clause of its own: the subject is before it
    start = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(text, lo, verb_start) if not _BUT_BEFORE.fullmatch(
        text, b.start(), verb_start)), default=lo)  # fmt: skip
    earlier = [a for a in found if a.speaker and not a.inverted and a.speaker_start >= start]
    if earlier:
        return earlier[-1].speaker, earlier[-1].speaker_start, earlier[-1].speaker_end
    inverted = [a for a in found if a.speaker and a.inverted and a.speaker_start >= start]
    if inverted and _JUST_COMMA.fullmatch(text, inverted[-1].speaker_end, verb_start):
        # rule "inverted-participle" (at5): "…,” said Krosnick, suggesting such teams …" -> Krosnick
        return inverted[-1].speaker, inverted[-1].speaker_start, inverted[-1].speaker_end
    return _clause_subject(text, start, verb_start)


_JUST_COMMA = re.compile(rf",{SPACE}")
_BUT_BEFORE = re.compile(rf",?{SPACE}but{SPACE}(?:(?:then|also|later){SPACE})?")
#: A fronted subordinate clause opening the sentence, up to its comma ("After Rose asked whether …, ").
_FRONTED_CLAUSE = re.compile(
    rf"[“\"]?(?:After|When|As|Before|Once|While|Although|Though|Because|Since|Until|If){SPACE}[^,;:“”\"]{{3,200}}?,{SPACE}"
)


def _fronted_end(text: str, lo: int, verb_start: int) -> int:
    """Where the main clause starts after a fronted subordinate clause ("After X asked …, Y said"), else ``lo``.

    Rule "fronted-clause" (at6): a coordinated verb of the main clause ("Assad sneered and said") takes the
    main clause's subject, not a speaker of the fronted clause ("After Rose asked whether …").
    """
    if text[lo : lo + 1] not in 'AWBOTSUI“"':
        return lo  # no subordinator can open the sentence (decided on its first character)
    m = _FRONTED_CLAUSE.match(text, lo, verb_start)
    return m.end() if m is not None else lo


_CLAUSE_BOUNDARY = re.compile(
    rf"(?:,?{SPACE}(?:while|but|whereas|although|though|when){SPACE}(?!\w+ing\b)|;{SPACE}|\){SPACE}(?=[A-Z]))"
)


def _clause_subject(text: str, lo: int, hi: int) -> tuple[str, int, int] | None:
    """The subject at the start of a sentence, for a participle or a coordinated verb that has none of its own."""
    m = _CLAUSE_SUBJECT.match(text, lo, hi)
    if m is None or m.group("speaker").lower() in ("it",):
        return None
    return _trim_phrase(*_name_in_apposition(m, 0))
