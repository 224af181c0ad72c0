"""Mentions: where an article names, describes or refers to each target (``find_mentions``).

The rules, each named in the ``rule`` column: a target's names and aliases (titles join the
name: "President Trump"), its descriptions (epithets, "the <head>" phrases, patterns, role
descriptions from the roles table), and pronouns resolved to them (same sentence, previous
sentence, and inside direct quotes never the speaker). Other people who share a target's name
("Ivanka Trump", "Trump Tower") are not mentions. Targets themselves are defined in
:mod:`newslab.targets`; labels, KWIC and scoring against gold mentions are in
:mod:`newslab.labeling`.

This module holds the name rules, the pass over one article (:func:`article_mentions`,
:func:`apply_quotes`) and the table; the :class:`Mention` record is in
:mod:`newslab.mention_record`, the description rules in :mod:`newslab.descriptions` and the
pronoun rules in :mod:`newslab.pronouns` (their public names are re-exported here).

Example:
    >>> import newslab as nl
    >>> df = nl.find_mentions(nl.Article("a", "", "Trump met NATO. The tycoon praised the alliance."))
    >>> df[["target", "mention", "kind"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Trump', 'Trump', 'name'], ['NATO', 'NATO', 'name'],
     ['Trump', 'The tycoon', 'description'], ['NATO', 'the alliance', 'description']]
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newslab.binding import addressee_mentions, possessor_of_named, speaker_label
from newslab.coreference import (
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    Clauses,
    bound_wrongly,
    competed,
    names_by_target,
    resolve_discourse,
)
from newslab.description_owners import unlinked_descriptions
from newslab.descriptions import (
    Roles,
    generic_title_words,
    packaged_title_words,
    role_mentions,
    target_descriptions,
    word_tags,
)
from newslab.document import Article, Document, parse
from newslab.lexicons import rule_word_values, rule_words, stopwords
from newslab.mention_record import CONFIDENCE, MENTION_KINDS, Mention, QuoteSpan
from newslab.names import CALENDAR, ROLE_WORDS, given_names, speaks_as
from newslab.people import ANAPHORIC_NOUNS, Person, people, people_words
from newslab.pronouns import NOT_NAMES, QUOTE_LOOKBACK, quote_pronouns, resolve_pronouns, word_hits
from newslab.records import MentionRow, columns
from newslab.regex_scan import lowered_letterwise, scan
from newslab.relations import onlooker, relation_mentions
from newslab.targets import Target

if TYPE_CHECKING:
    pass


logger = logging.getLogger(__name__)

MENTION_COLUMNS = columns(MentionRow)  # the schema is the row record (newslab.records)

_APOS = "’'"

#: Honorifics that join a person's name mention ("Mr. Trump"), with the gender they imply ("" = any).
#: General English, compiled for newslab; offices with titles ("Sen.", "President") are in ``roles.tsv``.
HONORIFICS = dict(rule_word_values("mentions.HONORIFICS"))


def _is_named(target: Target, article: Article | Document) -> bool:
    """Whether the article names the target (any bearer of the name counts).

    "Ivanka Trump, the president's daughter" still makes "the president" a description of Trump.
    """
    return bool(target._name_re.search(article.text) or target._name_re.search(article.title or ""))


#: Words after a name that make it part of another person's name ("Donald Trump Jr.").
NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
#: Capitalized nouns after a name that keep it a mention of the person: the name modifies his or
#: her own government or campaign ("the Trump Administration", "the Trump White House"); any other
#: capitalized word makes a longer proper name of a place or organization ("Trump Tower",
#: "Trump National Doral", "Trump Organization"). Compiled for newslab.
OWN_NOUNS = frozenset(rule_words("mentions.OWN_NOUNS"))
#: Capitalized words before a name that are not another person's given name (party labels).
PARTY_WORDS = frozenset(rule_words("mentions.PARTY_WORDS"))


#: A headline line is at most this long on either side of a name (longer lines are body text).
HEADLINE_CHARS = 300
SHORT_WORD = 3  # in a Title Case headline words this short may stay lowercase ("of", "to", "and")
WORD_CHARS = 40  # characters read for the one word before or after a name (longer than any English word)
HONORIFIC_CHARS = 12  # characters before a name read for an honorific ("Mrs.", "Madam")
#: Characters before a name read for its title ("former US President-elect", "NATO Secretary General"; by hand).
TITLE_CHARS = 80


def _line_is_title_case(text: str, start: int) -> bool:
    """Whether the line around ``start`` is a headline in Title Case ("Trump Caves To Democrats")."""
    lo = text.rfind("\n", max(0, start - HEADLINE_CHARS), start) + 1
    hi = text.find("\n", start, start + HEADLINE_CHARS)
    if (lo == 0 and start > HEADLINE_CHARS) or (hi < 0 and len(text) - start > HEADLINE_CHARS):
        return False  # a line this long is no headline (and a long text is not rescanned per name)
    line = text[lo : hi if hi >= 0 else len(text)].strip()
    tokens = re.findall(r"[A-Za-z][\w’'-]*", line)
    if line.endswith(".") and not any(w[0].isupper() and w.lower() in stopwords() for w in tokens[1:]):
        return False  # a sentence, unless small words are capitalized too ("... Over Her Emails.")
    tags = word_tags()
    words = [
        w for w in tokens if len(w) > SHORT_WORD and tags.get(w.lower(), "NNP")[:3] != "NNP"
    ]  # names are capitalized anyway
    return len(words) >= 2 and all(w[0].isupper() for w in words)


_CAPITALIZED_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z][\w’'.-]*)\s$").search  # compiled once, not per call
_LAST_WORD = re.compile(r"(\S+)\s$").search
_NEXT_CAPITALIZED = re.compile(r" ([A-Z][\w.’'-]*)").match
_COMMA_SUFFIX = re.compile(
    r",\s?(Jr\.?|Sr\.?|II|III|IV)(?![\w])"
).match  # "Donald Trump, Jr.": the suffix after a comma


def _given_name_before(target: Target, text: str, start: int) -> str:
    """A capitalized word right before a name that makes it someone else's name ("Ivanka" Trump).

    Not a given name: honorifics and titles (Mr., President, Sen.), the target's own title words,
    role words, party labels, stopwords ("But"), calendar words, acronyms ("US"), nationality
    adjectives, and words the tag lexicon knows as common words ("Yesterday").
    """
    m = _CAPITALIZED_BEFORE(text[max(0, start - WORD_CHARS) : start])
    if m is None or text[start - 1 : start] != " ":
        return ""
    word = m.group(1)
    low = word.lower()
    known = low in target._title_words or low in HONORIFICS or low in ROLE_WORDS or low in packaged_title_words()
    if known or low in PARTY_WORDS or low in stopwords() or word in NOT_NAMES or word.rstrip(".").isupper():
        return ""
    if word in people_words()[0]:
        return word  # a known given name, whatever its ending ("Fred" is no verb form, "Christian" no adjective)
    if re.search(r"(an|ish|ese|ch|ing|ed)$", word) or word.endswith("."):  # adjectives, verb forms
        return ""
    tags = word_tags()
    cap, lower = tags.get(word), tags.get(low)
    if (cap is not None and not cap.startswith("NNP")) or (cap is None and lower and not lower.startswith("NNP")):
        return ""  # a common word capitalized ("Perhaps", "Unlike", "Things", "Tell")
    return word


def _other_bearer(target: Target, text: str, m: re.Match[str]) -> str:
    """Why a name match belongs to another bearer of the name, or "" when it names the target.

    Rules (evidence in the docs): a given name before it ("Ivanka Trump", "Eric Trump"); a female
    honorific before a person target with he-pronouns ("Mrs. Trump"); a suffix after it ("Donald
    Trump Jr."); a capitalized word after it that makes a place or organization name ("Trump
    Tower", "Trump Organization") unless that word is in ``OWN_NOUNS``, a calendar word, or the
    line is a Title Case headline.
    """
    given = _given_name_before(target, text, m.start())
    if given:
        return f"given name {given!r}"
    before = _LAST_WORD(text[max(0, m.start() - HONORIFIC_CHARS) : m.start()])
    if (
        before
        and HONORIFICS.get(before.group(1).lstrip("“\"'‘(").lower()) == "female"
        and "he" in (target.pronouns or ())
    ):
        return f"female title {before.group(1)!r}"
    comma_suffix = _COMMA_SUFFIX(text, m.end())
    if comma_suffix is not None:
        return f"suffix {comma_suffix.group(1)!r}"  # "Donald Trump, Jr. corresponded with Wikileaks"
    nxt = _NEXT_CAPITALIZED(text[m.end() : m.end() + WORD_CHARS])
    if nxt is None:
        return ""
    word = nxt.group(1).rstrip(",;:")
    if word in NAME_SUFFIXES:
        return f"suffix {word!r}"
    if word.rstrip(".") in OWN_NOUNS or word in NOT_NAMES or word.lower() in stopwords():
        return ""
    if m.group().isupper() and word.isupper():
        return ""  # a line in capitals ("TRUMP SAYS HE'LL NOMINATE ..."): capitals say nothing about names
    if _starts_full_name(text, m.end() + 1, word):
        return ""  # "Top aide to Donald Trump Kellyanne Conway": the next word opens another person's name
    if target._name_re.match(text, m.end() + 1) or _line_is_title_case(text, m.start()):
        return ""
    return f"part of the name {text[m.start() : m.end()]} {word}"


def _starts_full_name(text: str, start: int, word: str) -> bool:
    """Whether ``word`` at ``start`` is a given name followed by a capitalized surname ("Kellyanne Conway")."""
    if word not in people_words()[0]:
        return False
    return re.match(r"[A-Z][\w.’'-]* [A-Z][\w’'-]+", text[start : start + 2 * WORD_CHARS]) is not None


_TITLE_WORD = re.compile(r"[\w.’'-]*\w\.?")  # a word of a title ("Sen.", "President-elect")


def _titles(target: Target, text: str, name_start: int) -> int | None:
    """Start of a title right before a name ("US President-elect" Donald Trump, "Mr." Trump).

    Title words are the target's heads and modifiers, the titles of its roles, general
    honorifics (a female one never for a he-target) and time words ("former"); at least one
    must be a head, a role title or an honorific.
    """
    words = list(_TITLE_WORD.finditer(text[max(0, name_start - TITLE_CHARS) : name_start]))
    offset = max(0, name_start - TITLE_CHARS)
    start, has_head = None, False
    expected_end = name_start
    # the head words: the target's (built once per target) and, for a person, the titles of offices
    # no target holds ("Majority Leader Mitch McConnell", "Sen. Chuck Schumer"), looked up in both
    own, generic = target._head_words, generic_title_words() if target.kind == "person" else frozenset()
    for w in reversed(words):
        gap = text[offset + w.end() : expected_end]
        low = w.group().lower()
        honorific = HONORIFICS.get(low)
        pronouns = target.pronouns or ()
        if (honorific == "female" and "he" in pronouns) or (honorific == "male" and "she" in pronouns):
            break
        head = low in own or low in generic
        if gap != " " or (low not in target._title_words and honorific is None and not head):
            break
        start, expected_end = offset + w.start(), offset + w.start()
        has_head = has_head or head or honorific is not None
    if start is None or not has_head:
        return None
    return start


_NEXT_NAME_WORD = re.compile(r" ([A-Z][a-z]+)\b")  # a Title Case word right after a mention


def given_name_of_another(text: str, start: int, end: int) -> bool:
    """Rule "a given name of another person": a one-word name mention that is a given name, followed by a name word.

    "that Paul Manafort lied" names Manafort, not the target Paul (Rand Paul): no mention of Paul, so a stance
    row of the sentence goes to "Paul Manafort" (a target or a person of the name registry) or to no one. "Ron Paul
    backers", "Paul Tower" (a word the tag lexicon knows in lowercase) and "Paul Tuesday" (a day) keep the mention.
    Given names: :func:`newslab.names.given_names`; a name word is one the tag lexicon knows only as a proper
    noun or not at all. Read for targets of every kind but persons (:func:`_other_bearer` reads those); moved
    here from the stance stage's row checks (issue 23, branch nm).

    Example:
        >>> t = "that Paul Manafort lied; Ron Paul backers; Paul Over Tweets"
        >>> [given_name_of_another(t, i, i + 4) for i in (5, 29, 43)]
        [True, False, False]
    """
    word = text[start:end]
    if not word.isalpha() or word not in given_names():
        return False
    nxt = _NEXT_NAME_WORD.match(text, end)
    if nxt is None or nxt.group(1).lower() in CALENDAR:
        return False  # "attacked Paul Tuesday": a day, no name
    tags = word_tags()
    return tags.get(nxt.group(1).lower()) is None and tags.get(nxt.group(1), "NNP").startswith("NNP")


def _names(target: Target, article: Article | Document, given: list[int] | None = None) -> list[Mention]:
    """The target's name mentions; ``given`` collects the starts of matches dropped as another person's given name."""
    text = article.text
    found: list[Mention] = []
    for m in target._name_re.finditer(text):
        if target.kind == "person" and _other_bearer(target, text, m):
            continue  # "Ivanka Trump", "Donald Trump Jr.", "Trump Tower": another bearer of the name
        if speaker_label(text, m.start(), m.end()):
            continue  # rule "speaker label" (binding.speaker_label): "TRUMP:" opening a transcript line
        if target.kind != "person" and given_name_of_another(text, m.start(), m.end()):
            if given is not None:
                given.append(m.start())
            continue  # "Paul Manafort" is no mention of the target Paul
        possessive = text[m.end() : m.end() + 1] in _APOS and text[m.end() + 1 : m.end() + 2] == "s"
        title = _titles(target, text, m.start()) if target.kind in ("person", "other") else None
        rule = "title" if title is not None else ("possessive" if possessive else "name")
        found.append(Mention(target, m.start() if title is None else title, m.end(), "name", rule, CONFIDENCE[rule]))
    return found


def _with_given_names(mentions: list[Mention], given: Sequence[int], text: str) -> list[Mention]:
    """Rule "given name": a name mention right after a dropped given name (:func:`given_name_of_another`) takes it.

    "Trump attacked Paul Manafort", targets Paul and Manafort: "Paul" is no mention of Paul, and the mention of
    Manafort is "Paul Manafort", so the stance rules read the whole name as the object (issue 23, branch nm).
    Only a given name that is another target's dropped mention is taken; a given name before a surname target
    ("Hillary Clinton" of the target Clinton) stays out of the mention as before.
    """
    if not given:
        return mentions
    ends = {text.index(" ", g) + 1: g for g in given}  # the next word's start -> the given name's start
    return [
        dataclasses.replace(m, start=ends[m.start], rule="given name", confidence=CONFIDENCE["given name"])
        if m.kind == "name" and m.start in ends and m.rule == "name"
        else m
        for m in mentions
    ]


def _overlaps(a: Mention | tuple[int, int], b: Mention | tuple[int, int]) -> bool:
    a0, a1 = (a.start, a.end) if isinstance(a, Mention) else a
    b0, b1 = (b.start, b.end) if isinstance(b, Mention) else b
    return a0 < b1 and b0 < a1


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep names; among overlapping descriptions keep the most confident, then the longest."""
    names = [m for m in mentions if m.kind == "name"]
    descs = sorted(
        (m for m in mentions if m.kind != "name"), key=lambda m: (-m.confidence, -(m.end - m.start), m.start)
    )
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = sorted((n.start, n.end) for n in names)  # sorted, non-overlapping spans
    for d in descs:
        i = bisect.bisect_left(taken, (d.start, d.end))
        neighbours = taken[max(0, i - 1) : i + 1]
        if any(_overlaps(d, span) for span in neighbours):
            continue
        kept.append(d)
        taken.insert(i, (d.start, d.end))
    return sorted(names + kept, key=lambda m: (m.start, m.end))


def _not_excluded(descriptions: list[Mention], excluded: list[tuple[int, int]]) -> list[Mention]:
    """The descriptions that overlap no excluded span (spans sorted once, each description found by bisect)."""
    if not excluded:
        return descriptions
    spans = sorted(excluded)
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end among spans so far
    kept = []
    for d in descriptions:
        i = bisect.bisect_left(starts, d.end) - 1  # the last span starting before the description ends
        if i < 0 or reach[i] <= d.start:
            kept.append(d)
    return kept


def article_mentions(
    article: Article | Document,
    targets: Sequence[Target],
    *,
    pronouns: bool = True,
    require_name: bool = True,
    quotes: Sequence[QuoteSpan] = (),
) -> list[Mention]:
    """All mentions of ``targets`` in one article, in text order (the rows of :func:`find_mentions`).

    Names and descriptions first, then pronouns resolved to them; with ``quotes`` (direct quotes
    with a known speaker, from the quote stage), the in-quote rule is applied on top (see
    :func:`apply_quotes`). The analysis pass calls this without quotes, finds the quotes with
    these mentions, then calls :func:`apply_quotes`.

    Example:
        >>> from newslab.targets import DEFAULT_TARGETS, TRUMP
        >>> art = Article("x", "", "Trump spoke. He won.")
        >>> [(m.kind, m.rule) for m in article_mentions(art, DEFAULT_TARGETS)]
        [('name', 'name'), ('pronoun', 'pronoun:previous-sentence')]
    """
    doc = parse(article)
    roles = Roles(doc.text, str(doc.metadata.get("date", "") or ""), targets)
    mentions: list[Mention] = []
    named = []
    lowered = lowered_letterwise(doc.text)  # for the cheap test before a description or exclusion scan
    given: list[int] = []  # starts of given names of another person ("Paul" of "Paul Manafort")
    for target in targets:
        found = _names(target, doc, given)
        if not require_name or _is_named(target, doc):
            named.append(target)
            descs = target_descriptions(target, doc.text, roles, lowered=lowered)
            excluded = [m.span() for rx in target._exclude_res for m in scan(rx, doc.text, lowered)]
            found += _not_excluded(descs, excluded)
        mentions += found
    mentions = _with_given_names(mentions, given, doc.text)
    mentions += role_mentions(named, doc.text, roles)
    mentions = _resolve_overlaps(mentions)
    others = people(doc, mentions)
    mentions, others = _link_descriptions(doc, mentions, others)
    if pronouns:
        clauses = Clauses(doc)
        own = names_by_target(mentions)  # rule "principle C, possessive": "His criticism of Trump" is not Trump's
        # the tokens that are a target's pronoun or an anaphoric noun, found once for both pronoun rules below
        hits = word_hits(doc, {p for t in targets for p in t.pronouns or ()} | ANAPHORIC_NOUNS.keys())
        vetoed: set[int] = set()
        for _ in range(VETO_PASSES):
            found = resolve_pronouns(doc, mentions, targets, skip=vetoed, hits=hits)
            resolved = _vetted(doc, found, mentions, others, clauses, own)
            dropped = {p.start for p in found} - {p.start for p in resolved}
            if not _chained_on(doc, dropped, resolved):
                break
            vetoed |= dropped  # rule "vetoed antecedent": resolve again, chaining on none of them
        mentions = sorted(mentions + resolved, key=lambda m: m.start)
        discourse = resolve_discourse(doc, mentions, targets, others, clauses=clauses, hits=hits)  # the same clauses
        mentions = sorted(mentions + discourse, key=lambda m: m.start)
        related = relation_mentions(doc, mentions, others)  # rule "relation:<noun>": "Giuliani … his client"
        mentions = sorted(mentions + related, key=lambda m: m.start) if related else mentions
        addressed = addressee_mentions(doc.text, named, mentions)  # rule "pronoun:addressee": "CARLSON: Are you …"
        mentions = sorted(mentions + addressed, key=lambda m: m.start) if addressed else mentions
    if pronouns and quotes:
        mentions = apply_quotes(doc, mentions, targets, quotes)
    return mentions


#: Passes of the sentence pronoun rule when a veto removed a pronoun that a later one was chained on: each pass
#: can only veto more pronouns; chains longer than three vetoes were not seen (set by hand for newslab, mfix).
VETO_PASSES = 3


def _vetted(
    doc: Document,
    resolved: list[Mention],
    mentions: list[Mention],
    others: list[Person],
    clauses: Clauses,
    own: dict[str, list[int]],
) -> list[Mention]:
    """The sentence-rule pronouns that no veto removes (competitor, binding, principle C for possessives)."""
    text = doc.text
    resolved = [p for p in resolved if not competed(p, mentions + resolved, others, text[p.start : p.end].lower())]
    resolved = [p for p in resolved if not bound_wrongly(clauses, p, _last_before(p, mentions + resolved))]
    resolved = [p for p in resolved if not _unnamed_before(doc, p, others)]
    resolved = [p for p in resolved if not _names_own_phrase(text, p, own)]
    # rule "onlooker" (newslab.relations): "The president watched his testimony" is not the president's testimony
    return [p for p in resolved if not ((a := _last_before(p, mentions + resolved)) and onlooker(text, a.end, p.start))]


def _unnamed_before(doc: Document, pronoun: Mention, others: list[Person]) -> bool:
    """Rule "unnamed person, previous sentence": the sentence before holds an unnamed person of the pronoun's gender.

    Such a pronoun is not credited ("The senator said he … Trump. “…,” he said"). A name there already
    blocks the rule (:mod:`newslab.pronouns`); an unnamed person ("the senator", "a voter") is another
    possible antecedent that the capitalized-name check cannot see.
    """
    if pronoun.rule != "pronoun:previous-sentence":
        return False
    sentence = doc.sentence_of(pronoun.start) - 1
    word = doc.text[pronoun.start : pronoun.end].lower()
    gender = "male" if word in MALE_PRONOUNS else "female" if word in FEMALE_PRONOUNS else ""
    if not gender:
        return False  # "it", "its": an organization's pronoun, which no unnamed person competes for
    return any(o.sentence == sentence and not o.name and (not o.gender or o.gender == gender) for o in others)


def _chained_on(doc: Document, dropped: set[int], kept: list[Mention]) -> bool:
    """Whether a kept pronoun may have been chained on a vetoed one (in its sentence or the next, after it).

    Rule "vetoed antecedent": "The senator said he would act. “…,” he said." The first "he" is the
    senator's (vetoed); the second must not reach Trump through it.
    """
    if not dropped:
        return False
    reach = [(d, doc.sentence_of(d) + 1) for d in dropped]  # a pronoun chains on one in its sentence or the one before
    return any(p.start > d and doc.sentence_of(p.start) <= last for p in kept for d, last in reach)


def _names_own_phrase(text: str, pronoun: Mention, own: dict[str, list[int]]) -> bool:
    """Whether a possessive pronoun's own phrase names its target ("His criticism of Trump")."""
    if text[pronoun.start : pronoun.end].lower() not in ("his", "her"):
        return False
    return possessor_of_named(text, pronoun.end, own.get(pronoun.target.name, []))


def _last_before(pronoun: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """The last mention of the pronoun's target that ends before it (its antecedent under the sentence rules)."""
    before = [m for m in mentions if m.target == pronoun.target and m.end <= pronoun.start and m is not pronoun]
    return max(before, key=lambda m: m.end, default=None)


def _link_descriptions(
    doc: Document, mentions: list[Mention], others: list[Person]
) -> tuple[list[Mention], list[Person]]:
    """Drop person targets' head descriptions that the article links to another person.

    See :func:`newslab.description_owners.unlinked_descriptions`; they join ``others`` as that person.
    """
    by_target: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.target.kind == "person":
            by_target.setdefault(m.target.name, []).append(m)
    dropped: set[tuple[int, int, str]] = set()
    moved: list[Person] = []
    noted: dict[tuple[int, int, str], Mention] = {}  # kept with a note in the evidence ("party of another")
    for group in by_target.values():
        names = [m for m in group if m.kind == "name"]
        descs = [m for m in group if m.kind == "description"]
        kept, gone = unlinked_descriptions(doc, descs, names, others)
        keep = {(m.start, m.end) for m in kept}
        dropped |= {(m.start, m.end, m.target.name) for m in descs if (m.start, m.end) not in keep}
        noted |= {(m.start, m.end, m.target.name): m for m in kept if m.antecedent}
        moved += gone
    if not dropped and not noted:
        return mentions, others
    kept_mentions = [
        noted.get((m.start, m.end, m.target.name), m)
        for m in mentions
        if (m.start, m.end, m.target.name) not in dropped
    ]
    if not dropped:
        return kept_mentions, others
    return kept_mentions, sorted([*others, *moved], key=lambda p: (p.start, p.end))


def apply_quotes(
    article: Article | Document, mentions: Sequence[Mention], targets: Sequence[Target], quotes: Sequence[QuoteSpan]
) -> list[Mention]:
    """Mentions corrected by the direct quotes: a pronoun inside a quote never means its speaker.

    Pronouns inside a quote that were resolved to the quote's speaker are dropped, then the
    in-quote rule (:func:`quote_pronouns`) adds he/his (its) resolved to someone else.

    Example:
        >>> from newslab.targets import DEFAULT_TARGETS, TRUMP
        >>> art = Article("x", "", "Rutte praised Trump. “He made us pay,” Rutte said.")
        >>> quote = QuoteSpan(22, 36, "Rutte")
        >>> found = apply_quotes(art, article_mentions(art, DEFAULT_TARGETS), DEFAULT_TARGETS, [quote])
        >>> [(art.text[m.start : m.end], m.rule) for m in found]
        [('Trump', 'name'), ('He', 'pronoun:in-quote')]
    """
    doc = parse(article)
    ordered = sorted(quotes, key=lambda q: q.start)
    starts = [q.start for q in ordered]
    reach = list(itertools.accumulate((q.end for q in ordered), max))

    def speaker_inside(m: Mention) -> bool:
        """Whether a quote containing the pronoun was spoken by its target (quotes looked up by bisect)."""
        i = bisect.bisect_right(starts, m.start) - 1
        while i >= 0 and reach[i] > m.start:
            if ordered[i].end > m.start and speaks_as(ordered[i].speaker, m.target):
                return True
            i -= 1
        return False

    kept = [m for m in mentions if not (m.kind == "pronoun" and speaker_inside(m))]
    return sorted(kept + quote_pronouns(doc, kept, targets, quotes), key=lambda m: m.start)


def mention_rows(doc: Document, mentions: Iterable[Mention]) -> list[MentionRow]:
    """Table rows (``MENTION_COLUMNS``) for mentions of one parsed article."""
    text = doc.text
    return [
        MentionRow(doc.id, doc.sentence_of(m.start), m.target.name, text[m.start : m.end], m.start, m.end, m.kind,
                   m.rule, m.confidence, m.antecedent)
        for m in mentions
    ]  # fmt: skip


__all__ = [
    "CONFIDENCE",
    "MENTION_COLUMNS",
    "MENTION_KINDS",
    "QUOTE_LOOKBACK",
    "Mention",
    "QuoteSpan",
    "apply_quotes",
    "article_mentions",
    "mention_rows",
    "quote_pronouns",
    "word_tags",
]
