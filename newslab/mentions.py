"""Mentions: where an article names, describes or refers to each target (``find_mentions``).

The rules, each named in the ``rule`` column: a target's names and aliases (titles join the
name: "President Trump"), its descriptions (epithets, "the <head>" phrases, patterns, role
descriptions from the roles table), and pronouns resolved to them (same sentence, previous
sentence, and inside direct quotes never the speaker). Other people who share a target's name
("Ivanka Trump", "Trump Tower") are not mentions. Targets themselves are defined in
:mod:`newslab.targets`; labels, KWIC and scoring against gold mentions are in
:mod:`newslab.labeling`.

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
import functools
import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from newslab.anchored import capitalized_run_starts, finditer_at, occurrences
from newslab.corpus import Corpus, as_articles, progress_bar
from newslab.document import Article, Document, parse
from newslab.errors import ParameterError
from newslab.lexicons import stopwords
from newslab.names import ROLE_WORDS, WORD_PATTERN, speaks_as
from newslab.targets import Role, Target, as_targets, packaged_roles, role_title_words

if TYPE_CHECKING:
    import pandas as pd


logger = logging.getLogger(__name__)

MENTION_KINDS = ("name", "description", "pronoun")
MENTION_COLUMNS = [
    "article_id",
    "sentence_id",
    "target",
    "mention",
    "start",
    "end",
    "kind",
    "rule",
    "confidence",
    "antecedent",
]

# Confidence per rule: an ordinal scale set by hand for newslab (how often the rule was right
# on the two seed articles and the handwritten test articles), not a calibrated probability.
CONFIDENCE = {
    "name": 1.0,
    "possessive": 1.0,
    "epithet": 0.9,
    "title": 1.0,  # a name with its title ("President Trump"): one name mention
    "role": 0.8,  # a role description the target holds (roles.tsv), as sure as a head
    "role:last-named": 0.8,  # a role description after the person was named with that title
    "head": 0.8,
    "pattern": 0.7,
    "pronoun": 0.7,
    "pronoun:previous-sentence": 0.6,
    # he/his inside a direct quote when the speaker is known (never the speaker); as sure as the
    # previous-sentence rule: the antecedent may be a sentence back (set by hand for newslab)
    "pronoun:in-quote": 0.6,
}
#: Sentences before a quote's sentence searched for the antecedent of a pronoun inside the quote
#: (within the paragraph). Set by hand: the attribution usually names the referent one sentence back.
QUOTE_LOOKBACK = 2
#: Words after "it" that make it an expletive or clausal subject ("it was set", "it is true").
EXPLETIVE_NEXT = frozenset({"is", "was", "’s", "'s", "seems", "seemed", "appears", "will", "would", "has", "had"})
#: Capitalized words that are not names (calendar words and "I").
NOT_NAMES = frozenset(
    [
        "I",
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("January", "February", "March", "April", "May", "June", "July"),
        *("August", "September", "October", "November", "December"),
    ]
)
_APOS = "’'"

#: Honorifics that join a person's name mention ("Mr. Trump"), with the gender they imply ("" = any).
#: General English, compiled for newslab; offices with titles ("Sen.", "President") are in ``roles.tsv``.
HONORIFICS = {
    **dict.fromkeys(("mr", "mr.", "sir", "lord"), "male"),
    **dict.fromkeys(("mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady"), "female"),
    **dict.fromkeys(("dr", "dr.", "prof.", "professor", "rev.", "gen.", "general", "judge", "justice"), ""),
    **dict.fromkeys(("candidate", "nominee", "presumptive", "then-candidate", "then-president", "ex-president"), ""),
    **dict.fromkeys(("pres", "pres.", "team"), ""),
}
#: Words in a description that move its time away from the article's date ("the former president").
TIME_WORDS = frozenset({"former", "next", "future", "then", "incoming", "outgoing", "once", "ex", "previous", "last"})
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


class QuoteSpan(NamedTuple):
    """A direct quote with a known speaker, as :func:`find_mentions` needs it (``quotes=``).

    Attributes:
        start: Offset of the quoted words in ``article.text``.
        end: End offset (exclusive).
        speaker: The resolved speaker ("Mark Rutte", "Donald Trump").
    """

    start: int
    end: int
    speaker: str


@dataclasses.dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a target, as the rules found it (an internal record; tables are built from it).

    Attributes:
        target: The target mentioned.
        start: Offset in ``article.text``.
        end: End offset (exclusive).
        kind: "name", "description" or "pronoun".
        rule: The rule that found it ("name", "head:tycoon", "pronoun:previous-sentence", ...).
        confidence: The rule's confidence (``CONFIDENCE``).
        antecedent: For pronouns, the mention they were resolved to.
    """

    target: Target
    start: int
    end: int
    kind: str
    rule: str
    confidence: float
    antecedent: str = ""


def _is_named(target: Target, article: Article | Document) -> bool:
    """Whether the article names the target (any bearer of the name counts).

    "Ivanka Trump, the president's daughter" still makes "the president" a description of Trump.
    """
    return bool(target._name_re.search(article.text) or target._name_re.search(article.title or ""))


def _next_word(text: str, pos: int) -> re.Match[str] | None:
    return re.compile(rf"\s*({WORD_PATTERN}|[^\s\w])").match(text, pos)


@functools.cache
def _role_title_words() -> frozenset[str]:
    """Lowercase words of every title in the packaged roles table (never a given name)."""
    words = (w.lower() for roles in packaged_roles().values() for r in roles for t in r.titles for w in t.split())
    return frozenset(words) - stopwords()  # "of" in "Secretary of State" is no title word


@functools.cache
def _generic_title_words() -> frozenset[str]:
    """Lowercase words of the titles of offices no packaged target holds (``roles.tsv`` rows without target)."""
    return frozenset(w.lower() for r in packaged_roles().get("", ()) for t in r.titles for w in t.split()) - stopwords()


class _RoleEvent(NamedTuple):
    """A person named with a role's title ("Vice President Mike Pence") or apposition ("X, the senator")."""

    end: int
    role: str
    name: str


@functools.lru_cache(maxsize=64)
def _role_vocabulary(
    target_roles: tuple[Role, ...],
) -> tuple[frozenset[str], tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Role phrases, title -> role, and sorted phrases of the packaged table plus the targets' roles.

    Keyed on the targets' roles (not on articles): computed once per set of targets.
    """
    roles = [r for rs in packaged_roles().values() for r in rs] + list(target_roles)
    phrases = frozenset(r.role for r in roles)
    titles: dict[str, str] = {}
    for r in roles:
        for title in (*r.titles, " ".join(w.capitalize() for w in r.role.split())):
            titles.setdefault(title, r.role)
    return phrases, tuple(sorted(titles.items())), tuple(sorted(phrases))


class _Roles:
    """The role context of one article: known role phrases, its date, and who was named with which role.

    Built once per article by :func:`article_mentions` from the packaged roles table and the
    targets' roles; each role description then asks :meth:`holder` who it refers to.
    """

    def __init__(self, text: str, date: str, targets: Sequence[Target]) -> None:
        self.date = date
        self.phrases, titles, phrases = _role_vocabulary(tuple(r for t in targets for r in t.roles))
        self.events = _role_events(text, titles, phrases)
        self.offsets = [e.end for e in self.events]

    def role_of(self, words: Sequence[str]) -> str:
        """The longest known role phrase at the end of a description's words ("" if none)."""
        low = [re.sub(r"[’']s$", "", w.lower()) for w in words]
        for i in range(len(low)):
            phrase = " ".join(low[i:])
            if phrase in self.phrases:
                return phrase
        return ""

    def last_named(self, role: str, start: int) -> _RoleEvent | None:
        """The person last named with ``role`` before ``start``."""
        i = bisect.bisect_right(self.offsets, start) - 1
        while i >= 0:
            if self.events[i].role == role:
                return self.events[i]
            i -= 1
        return None

    def holder(self, target: Target, role: str, start: int, words: Sequence[str]) -> tuple[bool, str]:
        """Whether a description with ``role`` at ``start`` refers to ``target``, and the rule.

        The person last named with the role decides (rule ``role:last-named``); without one, the
        target's roles (dates checked against the article's date unless a time word such as
        "former" or "45th" is in the description; rule ``role``).
        """
        event = self.last_named(role, start)
        if event is not None:
            return bool(target._name_re.search(event.name)), "role:last-named"
        timeless = any(w.lower() in TIME_WORDS or _ORDINAL.match(w) for w in words)
        held = any(r.role == role and (timeless or r.held_on(self.date)) for r in target.roles)
        return held, "role"


@functools.cache
def _role_event_res(titles: tuple[tuple[str, str], ...], phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    name = r"(?P<name>[A-Z][\w’'.-]*(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][\w’'.-]*)*)"
    by_title = "|".join(re.escape(t) for t, _ in sorted(titles, key=lambda x: -len(x[0])))
    by_phrase = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return (
        re.compile(rf"(?<![\w-])(?P<title>{by_title})\s+{name}"),
        # a name starts a word ("A.B.C." is tried once, not from each capital: linear)
        re.compile(rf"(?<![\w’'.-]){name},\s+(?:the|a|an)\s+(?:[\w.-]+\s+){{0,2}}?(?P<role>(?i:{by_phrase}))(?![\w-])"),
    )


def _role_events(text: str, titles: tuple[tuple[str, str], ...], phrases: tuple[str, ...]) -> list[_RoleEvent]:
    """Who the article names with which role, in text order (title before a name, or an apposition)."""
    if not titles:
        return []
    title_rx, apposition_rx = _role_event_res(titles, phrases)
    by_title = dict(titles)
    events = []
    for m in title_rx.finditer(text):
        person = re.sub(r"[’']s$", "", m.group("name"))
        events.append(_RoleEvent(m.end(), by_title[m.group("title")], person))
    for m in apposition_rx.finditer(text):
        events.append(_RoleEvent(m.end(), " ".join(m.group("role").lower().split()), m.group("name")))
    return sorted(events)


@functools.cache
def _role_description_re(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    modifier = r"(?:[a-z][\w.-]*|Senate|House|U\.S\.|US)\s+"
    return re.compile(
        rf"(?<![\w-])(?P<det>[Tt]he)\s+(?P<mods>(?:{modifier}){{0,2}})(?P<role>(?i:{alternatives}))(?![\w-])"
    )


def _role_mentions(targets: Sequence[Target], text: str, roles: _Roles) -> list[Mention]:
    """Role descriptions ("the majority leader") of targets that hold the role or were last named with it."""
    rx = _role_description_re(tuple(sorted(roles.phrases)))
    if rx is None:
        return []
    found = []
    for m in rx.finditer(text):
        words = [*m.group("mods").split(), *m.group("role").split()]
        role = roles.role_of(words)
        if not role or text[m.end() : m.end() + 3] == " of":
            continue  # "the president of France": an office of something else
        for target in targets:
            if role.split()[-1] in {h.lower() for h in target.heads}:
                continue  # the head rule decides (with its modifier and "of" checks)
            holds, rule = roles.holder(target, role, m.start(), words)
            if holds:
                event = roles.last_named(role, m.start()) if rule == "role:last-named" else None
                ante = event.name if event is not None else ""
                found.append(Mention(target, m.start(), m.end(), "description", rule, CONFIDENCE[rule], ante))
    return found


def _descriptions(target: Target, text: str, roles: _Roles | None = None) -> list[Mention]:
    found: list[Mention] = []
    if target._epithet_re is not None:
        found += [Mention(target, m.start(), m.end(), "description", "epithet", CONFIDENCE["epithet"])
                  for m in target._epithet_re.finditer(text)]  # fmt: skip
    if target._head_re is not None:
        others: dict[str, _OtherNames] = {}
        spans = _TargetSpans(target, text)
        for m in target._head_re.finditer(text):
            span = _head_span(target, text, m)
            head = m.group("head")
            if span is None:
                continue
            if head.lower() not in others:
                others[head.lower()] = _OtherNames(target, text, head, spans)
            words = [*m.group("mods").split(), head]
            role = roles.role_of(words) if roles is not None else ""
            if role:
                holds, _ = roles.holder(target, role, m.start(), words)  # type: ignore[union-attr]
                if not holds:
                    continue  # "the vice president", "the majority leader": a role the target does not hold
            if not others[head.lower()].named_before(m.start()):
                rule = f"head:{head.lower()}"
                found.append(Mention(target, span[0], span[1], "description", rule, CONFIDENCE["head"]))
    for rx in target._pattern_res:
        found += [Mention(target, m.start(), m.end(), "description", "pattern", CONFIDENCE["pattern"])
                  for m in rx.finditer(text)]  # fmt: skip
    return found


class _OtherNames:
    """Whether someone or something else was named with a head word last before an offset.

    After "the Shanghai Cooperation Organisation", "the organisation" means it, not NATO; after
    "President Joe Biden", "the president" means Biden, not Trump. Matches are found once per
    article and head, then looked up by offset; the head's patterns are tried only where the
    capitalized head is written (:mod:`newslab.anchored`), so a head costs what its occurrences cost.
    """

    def __init__(self, target: Target, text: str, head: str, spans: _TargetSpans) -> None:
        title = head[:1].upper() + head[1:]
        self.events: list[tuple[int, bool]] = []  # (offset, True = someone/something else, False = the target)
        self.offsets: list[int] = []
        if title not in text:
            return  # the head never appears capitalized: nothing else is named with it
        written = occurrences(text, title)
        if target.kind == "person":
            rx = re.compile(rf"(?<![\w-]){re.escape(title)}\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")
            for m in finditer_at(rx, text, written):
                self.events.append((m.end(), not target._name_re.search(m.group("name"))))
        run = re.compile(rf"(?:[A-Z][\w-]*\s+)+{re.escape(title)}(?![\w-])")
        for m in finditer_at(run, text, capitalized_run_starts(text, written)):
            if not spans.in_epithet(m.start()) and not spans.in_epithet(m.end() - 1):
                self.events.append((m.end(), True))
        self.events += spans.name_ends
        self.events += spans.epithet_ends
        self.events.sort()
        self.offsets = [e[0] for e in self.events]

    def named_before(self, start: int) -> bool:
        i = bisect.bisect_right(self.offsets, start) - 1
        return i >= 0 and self.events[i][1]


class _TargetSpans:
    """A target's names and epithets in one text, found once for all its head words."""

    def __init__(self, target: Target, text: str) -> None:
        self.target, self.text = target, text

    @functools.cached_property
    def _epithets(self) -> list[re.Match[str]]:
        pattern = self.target._epithet_re
        return list(pattern.finditer(self.text)) if pattern is not None else []

    @functools.cached_property
    def _epithet_starts(self) -> list[int]:
        return [e.start() for e in self._epithets]

    def in_epithet(self, offset: int) -> bool:
        """Whether an offset lies inside an epithet (they never overlap: one bisect)."""
        i = bisect.bisect_right(self._epithet_starts, offset) - 1
        return i >= 0 and offset < self._epithets[i].end()

    @functools.cached_property
    def name_ends(self) -> list[tuple[int, bool]]:
        """``(end, False)`` of every name of the target (events of "the target was named")."""
        return [(m.end(), False) for m in self.target._name_re.finditer(self.text)]

    @functools.cached_property
    def epithet_ends(self) -> list[tuple[int, bool]]:
        """``(end, False)`` of every epithet of the target."""
        return [(e.end(), False) for e in self._epithets]


def _head_span(target: Target, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """Check a determiner + modifiers + head match; return the description span or None."""
    allowed = set(target.modifiers)
    for mod in m.group("mods").split():
        compound = "-" in mod and mod.rsplit("-", 1)[1].islower()  # "Brussels-based", "US-led"
        if mod[0].isupper() and mod not in allowed and not compound:
            return None  # "the Democratic candidate", "the AUKUS alliance": someone or something else
    head, end = m.group("head"), m.end()
    nxt = _next_word(text, end)
    following = nxt.group(1) if nxt else ""
    if (
        following[:1].isupper()
        and following not in allowed
        and not target._name_re.match(text, nxt.start(1) if nxt else end)
    ):
        return None  # an apposition naming someone else: "the candidate Kamala Harris"
    if head[0].isupper() and following[:1].islower() and following not in stopwords() and _modifies_noun(text, end):
        return None  # adjective use: "the American economy", "the Republican party"
    if following == "of":
        gerund = re.compile(r"\s+of\s+\w+ing\b").match(text, end)
        if target.kind == "organization" and not gerund:
            return None  # "the organization of the summit", "the alliance of Sahel states"
        ext = re.compile(rf"\s+of\s+the\s+((?:[A-Z]{WORD_PATTERN}\s+)*{WORD_PATTERN})").match(text, end)
        if ext:
            caps = [w for w in ext.group(1).split() if w[0].isupper()]
            if any(w not in allowed for w in caps):
                return None  # "the president of the European Commission"
            end = ext.end()
    ext = re.compile(r"\s+(?:on|in)\s+the\s+(?:planet|world)\b").match(text, end)
    if ext:
        end = ext.end()
    return m.start(), end


#: Quantifiers that start an adverbial after a noun ("met the Republican several times").
QUANTIFIERS = frozenset({"several", "many", "few", "last", "next", "first", "once", "twice", "again", "recently"})


#: Frequent news verbs that may follow a person noun ("the American said"), used when the word
#: is not in the tag lexicon below. Hand list for newslab.
FOLLOWING_VERBS = frozenset(
    [
        *("says", "said", "say", "tells", "told", "adds", "added", "wants", "wanted", "won", "wins", "met", "meets"),
        *("insists", "insisted", "warns", "warned", "declared", "declares", "claims", "claimed", "promised"),
        *("promises", "threatened", "threatens", "believes", "believed", "thinks", "thought", "knows", "knew"),
        *("seems", "seemed", "became", "becomes", "remains", "remained", "took", "takes", "made", "makes", "spoke"),
    ]
)


@functools.cache
def word_tags() -> dict[str, str]:
    """Most frequent POS tag per word from the Brill lexicon that ships with TextBlob (read as a file).

    Importing TextBlob's tagger would cost ~2 s (it imports nltk); reading its lexicon takes ~0.1 s.
    Empty when TextBlob is not installed (then :data:`FOLLOWING_VERBS` and suffixes decide).
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("textblob")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "en" / "en-lexicon.txt"
    if not path.is_file():
        return {}
    tags: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and not line.startswith(";"):
                tags[parts[0]] = parts[1]
    return tags


def _modifies_noun(text: str, end: int) -> bool:
    """Whether the words after a capitalized head make it an adjective ("the American economy")."""
    following = [w.strip(",.;:!?") for w in text[end : end + 60].split()[:2]]
    if not following or not following[0]:
        return False
    word = following[0]
    if word in QUANTIFIERS or word in FOLLOWING_VERBS or word.endswith(("ly", "ed")):
        return False
    tags = word_tags()
    tag = tags.get(word)
    if tag is None:
        return True  # an unknown lowercase word after "the American": most often the noun it modifies
    if tag.startswith("NN"):
        return True
    after = tags.get(following[1], "") if len(following) > 1 else ""
    return tag == "JJ" and after.startswith("NN")


#: Words after a name that make it part of another person's name ("Donald Trump Jr.").
NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
#: Capitalized nouns after a name that keep it a mention of the person: the name modifies his or
#: her own government or campaign ("the Trump Administration", "the Trump White House"); any other
#: capitalized word makes a longer proper name of a place or organization ("Trump Tower",
#: "Trump National Doral", "Trump Organization"). Compiled for newslab.
OWN_NOUNS = frozenset(
    {"Administration", "Admin", "White", "Campaign", "Cabinet", "Era", "Presidency", "Transition", "Team",
     "Doctrine", "Agenda", "Justice", "State", "Government", "Regime", "Years", "Effect"}
)  # fmt: skip
#: Capitalized words before a name that are not another person's given name (party labels).
PARTY_WORDS = frozenset({"republican", "republicans", "democrat", "democrats", "democratic", "gop", "conservative",
                         "liberal", "labour", "tory", "independent", "populist"})  # fmt: skip


#: A headline line is at most this long on either side of a name (longer lines are body text).
HEADLINE_CHARS = 300


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
        w for w in tokens if len(w) > 3 and tags.get(w.lower(), "NNP")[:3] != "NNP"
    ]  # names are capitalized anyway
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _given_name_before(target: Target, text: str, start: int) -> str:
    """A capitalized word right before a name that makes it someone else's name ("Ivanka" Trump).

    Not a given name: honorifics and titles (Mr., President, Sen.), the target's own title words,
    role words, party labels, stopwords ("But"), calendar words, acronyms ("US"), nationality
    adjectives, and words the tag lexicon knows as common words ("Yesterday").
    """
    m = re.search(r"(?<![\w.’'-])([A-Z][\w’'.-]*)\s$", text[max(0, start - 40) : start])
    if m is None or text[start - 1 : start] != " ":
        return ""
    word = m.group(1)
    low = word.lower()
    known = low in target._title_words or low in HONORIFICS or low in ROLE_WORDS or low in _role_title_words()
    if known or low in PARTY_WORDS or low in stopwords() or word in NOT_NAMES or word.rstrip(".").isupper():
        return ""
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
    before = re.search(r"(\S+)\s$", text[max(0, m.start() - 12) : m.start()])
    if (
        before
        and HONORIFICS.get(before.group(1).lstrip("“\"'‘(").lower()) == "female"
        and "he" in (target.pronouns or ())
    ):
        return f"female title {before.group(1)!r}"
    nxt = re.match(r" ([A-Z][\w.’'-]*)", text[m.end() : m.end() + 40])
    if nxt is None:
        return ""
    word = nxt.group(1).rstrip(",;:")
    if word in NAME_SUFFIXES:
        return f"suffix {word!r}"
    if word.rstrip(".") in OWN_NOUNS or word in NOT_NAMES or word.lower() in stopwords():
        return ""
    if target._name_re.match(text, m.end() + 1) or _line_is_title_case(text, m.start()):
        return ""
    return f"part of the name {text[m.start() : m.end()]} {word}"


def _titles(target: Target, text: str, name_start: int) -> int | None:
    """Start of a title right before a name ("US President-elect" Donald Trump, "Mr." Trump).

    Title words are the target's heads and modifiers, the titles of its roles, general
    honorifics (a female one never for a he-target) and time words ("former"); at least one
    must be a head, a role title or an honorific.
    """
    words = list(re.finditer(r"[\w.’'-]*\w\.?", text[max(0, name_start - 80) : name_start]))
    offset = max(0, name_start - 80)
    start, has_head = None, False
    expected_end = name_start
    heads = {h.lower() for h in target.heads} | role_title_words(target)
    if target.kind == "person":
        heads |= _generic_title_words()  # "Majority Leader Mitch McConnell", "Sen. Chuck Schumer"
    for w in reversed(words):
        gap = text[offset + w.end() : expected_end]
        low = w.group().lower()
        honorific = HONORIFICS.get(low)
        pronouns = target.pronouns or ()
        if (honorific == "female" and "he" in pronouns) or (honorific == "male" and "she" in pronouns):
            break
        if gap != " " or (low not in target._title_words and honorific is None and low not in heads):
            break
        start, expected_end = offset + w.start(), offset + w.start()
        has_head = has_head or low in heads or honorific is not None
    if start is None or not has_head:
        return None
    return start


def _names(target: Target, article: Article | Document) -> list[Mention]:
    text = article.text
    found: list[Mention] = []
    for m in target._name_re.finditer(text):
        if target.kind == "person" and _other_bearer(target, text, m):
            continue  # "Ivanka Trump", "Donald Trump Jr.", "Trump Tower": another bearer of the name
        possessive = text[m.end() : m.end() + 1] in _APOS and text[m.end() + 1 : m.end() + 2] == "s"
        title = _titles(target, text, m.start()) if target.kind in ("person", "other") else None
        rule = "title" if title is not None else ("possessive" if possessive else "name")
        found.append(Mention(target, m.start() if title is None else title, m.end(), "name", rule, CONFIDENCE[rule]))
    return found


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


def _blockers(
    words: Sequence[Any], mentions: Sequence[Mention], end: int, *, start: int = 0, the: bool = False
) -> list[str]:
    """Capitalized runs among a sentence's ``words`` between ``start`` and ``end`` that could name someone else.

    Runs after "the" ("the White House") count only with ``the=True`` (for it/its, which may mean
    "the United States"); a lone nationality adjective ("Russian") and calendar words never count.
    ``mentions`` are the target mentions of the sentence (their words never count).
    """
    result: list[str] = []
    run: list[Any] = []
    first_start = words[0].start if words else -1
    spans = sorted((m.start, m.end) for m in mentions)  # "inside a mention" by bisect, not a scan per word
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end among mentions so far

    def flush(index: int) -> None:
        if run:
            first = run[0]
            prev = words[index - len(run) - 1].text.lower() if index - len(run) > 0 else ""
            if first.start == first_start and first.text.lower() in stopwords():
                prev = first.text.lower()  # sentence-initial "The United States" is like "the United States"
            names = [t for t in run if not (t.start == first_start and t.text.lower() in stopwords())]
            names = [t for t in names if t.text not in NOT_NAMES and not t.text.isupper()]
            adjective = len(run) == 1 and re.search(r"(an|ish|ese|ch)$", run[0].text) is not None
            if names and (the or prev != "the") and not adjective and first.start >= start:
                result.append(" ".join(t.text for t in run))
            run.clear()

    index = 0
    for index, t in enumerate(words):
        if t.end > end:
            flush(index)
            return result
        at = bisect.bisect_right(starts, t.start) - 1
        inside = at >= 0 and reach[at] > t.start
        if t.text[:1].isupper() and not inside:
            run.append(t)
        else:
            flush(index)
    flush(len(words))
    return result


def _pronouns(article: Document, mentions: list[Mention], targets: Sequence[Target]) -> list[Mention]:
    pronoun_targets: dict[str, list[Target]] = {}
    for t in targets:
        for p in t.pronouns or ():
            pronoun_targets.setdefault(p, []).append(t)
    if not pronoun_targets:
        return []
    found: list[Mention] = []
    tokens = article.tokens
    words: dict[int, list[Any]] = {}
    for tok in tokens:
        if any(c.isalnum() for c in tok.text):
            words.setdefault(tok.sentence, []).append(tok)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(article.sentence_of(m.start), []).append(m)
    for i, tok in enumerate(tokens):
        low = tok.text.lower()
        candidates = pronoun_targets.get(low)
        here = by_sentence.get(tok.sentence, [])
        if not candidates or any(m.start <= tok.start < m.end for m in here):
            continue
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        if low == "it" and nxt in EXPLETIVE_NEXT:
            continue
        sent_words = words.get(tok.sentence, [])
        same = [m for m in here if m.target in candidates and m.end <= tok.start]
        blockers = _blockers(sent_words, here, tok.start)
        person = all(t.kind == "person" for t in candidates)
        if same:
            ante = same[-1]
            if person and blockers:
                continue  # another person is named before the pronoun in this sentence
            if not person:
                since = 0 if low == "its" else ante.end  # "its" as determiner tends to point to the subject
                if _blockers(sent_words, here, tok.start, start=since, the=True):
                    continue  # another name could be meant: "The United States ... its next president"
            rule = "pronoun"
        elif tok.sentence > 0 and (
            (person and not blockers)
            or (not person and low != "its" and not _blockers(sent_words, here, tok.start, the=True))
        ):
            prev_sent = tok.sentence - 1
            before = by_sentence.get(prev_sent, [])
            prev = [m for m in before if m.target in candidates]
            if not prev or len({m.target.name for m in prev}) != 1:
                continue
            prev_end = article.sentences[prev_sent].end
            if _blockers(words.get(prev_sent, []), before, prev_end, the=not person):
                continue  # another name in the previous sentence could be meant
            ante, rule = prev[-1], "pronoun:previous-sentence"
        else:
            continue
        label = article.text[ante.start : ante.end] if not ante.antecedent else ante.antecedent
        new = Mention(ante.target, tok.start, tok.end, "pronoun", rule, CONFIDENCE[rule], label)
        found.append(new)
        here.append(new)  # later pronouns may chain on this one; tokens come in text order
        by_sentence[tok.sentence] = here
    return found


def _other_names(
    article: Document, mentions: Sequence[Mention], start: int, end: int, *, skip: Iterable[str], the: bool
) -> list[str]:
    """Capitalized runs in ``article.text[start:end]`` that could name someone other than a target.

    Not counted: words inside target mentions, the words in ``skip`` (the speaker's name),
    stopwords ("When" opening a quote), calendar words, a lone nationality adjective, text in
    square brackets (an editor's insertion); a run of role words only ("Prime Minister") counts
    only after "the" ("The Secretary General and his team"); other runs after "the" ("the
    Netherlands") and acronyms count only with ``the=True`` (for it/its).
    """
    skip = set(skip)
    text = article.text
    brackets = [m.span() for m in re.finditer(r"\[[^\]\n]*\]", text[start:end])]
    result: list[str] = []
    run: list[str] = []
    after_the = False
    prev = ""

    def flush() -> None:
        names = [w for w in run if w.lower() not in ROLE_WORDS]
        adjective = len(names) == 1 and len(run) == 1 and re.search(r"(an|ish|ese|ch)$", run[0]) is not None
        if run and (after_the if not names else (the or not after_the) and not adjective):
            result.append(" ".join(run))
        run.clear()

    for m in re.finditer(WORD_PATTERN, text[start:end]):
        word, pos = m.group(), start + m.start()
        ignored = (
            any(b0 <= m.start() < b1 for b0, b1 in brackets)
            or any(x.start <= pos < x.end for x in mentions)
            or word in skip
            or word.lower() in stopwords()
            or word in NOT_NAMES
            or (word.isupper() and not the)
        )
        if word[:1].isupper() and not ignored:
            if not run:
                after_the = prev == "the"
            run.append(word)
        else:
            flush()
        prev = word.lower()
    flush()
    return result


def quote_pronouns(
    article: Article | Document, mentions: Sequence[Mention], targets: Sequence[Target], quotes: Iterable[QuoteSpan]
) -> list[Mention]:
    """Third-person pronouns inside direct quotes, resolved to someone other than the speaker.

    Inside a quote the speaker says I/me/my (we/our), so he/him/his (its for an organization
    speaking) never refer to the speaker. Such a pronoun is resolved to the nearest compatible target
    mention before it (in the quote's sentence or up to ``QUOTE_LOOKBACK`` sentences back in the
    same paragraph) when that target is not the speaker, it is the only compatible target there,
    and no other name (besides the speaker's) stands between the start of that mention's sentence
    and the pronoun. A bare "it" is never resolved here (in speech it mostly stands for an action
    or a situation: "we must do it faster"); its/itself are. Rule ``"pronoun:in-quote"``;
    pronouns already resolved are left alone.

    Args:
        article: The article.
        mentions: Its target mentions (names, descriptions, pronouns), e.g. from ``article_mentions``.
        targets: The targets (their pronoun lists decide compatibility).
        quotes: Direct quotes with a resolved speaker.

    Returns:
        The new pronoun mentions (not including ``mentions``).

    Example:
        >>> from newslab.targets import DEFAULT_TARGETS, TRUMP
        >>> art = Article("x", "", "Rutte praised Trump. “He made us pay,” Rutte said.")
        >>> quote = QuoteSpan(22, 36, "Rutte")
        >>> [(m.target.name, art.text[m.start : m.end], m.rule) for m in
        ...  quote_pronouns(art, article_mentions(art, DEFAULT_TARGETS), DEFAULT_TARGETS, [quote])]
        [('Trump', 'He', 'pronoun:in-quote')]
    """
    article = parse(article)
    pronoun_targets: dict[str, list[Target]] = {}
    for t in targets:
        for p in t.pronouns or ():
            pronoun_targets.setdefault(p, []).append(t)
    tokens = article.tokens
    token_starts = [t.start for t in tokens]
    pool = sorted(mentions, key=lambda m: m.start)
    pool_starts = [m.start for m in pool]  # kept in step with pool: lookups by bisect, not scans
    breaks = occurrences(article.text, "\n")  # a quote's paragraph by bisect, not a search back per quote
    added: list[Mention] = []
    for quote in quotes:
        if not quote.speaker.strip():
            continue
        speaker_words = set(quote.speaker.split())
        line = bisect.bisect_left(breaks, quote.start)  # the line breaks before the quote
        para_start = breaks[line - 1] + 1 if line else 0
        first = max(article.sentence_of(para_start), article.sentence_of(quote.start) - QUOTE_LOOKBACK)
        window_start = article.sentences[first].start
        for i in range(bisect.bisect_left(token_starts, quote.start), len(tokens)):
            tok = tokens[i]
            if tok.end > quote.end:
                break
            low = tok.text.lower()
            candidates = [t for t in pronoun_targets.get(low, ()) if not speaks_as(quote.speaker, t)]
            at = bisect.bisect_right(pool_starts, tok.start)
            if not candidates or any(m.end > tok.start for m in pool[max(0, at - 3) : at]):
                continue  # already part of a mention (mentions do not nest, so the last few suffice)
            if low == "it":
                continue  # in speech a bare "it" is mostly an action or a situation: "we must do it faster"
            window = pool[bisect.bisect_left(pool_starts, window_start) : at]  # a few sentences back at most
            before = [m for m in window if m.end <= tok.start]
            compatible = [m for m in before if m.target in candidates]
            if not compatible or len({m.target.name for m in compatible}) != 1:
                continue  # nothing, or two targets that could be meant
            ante = compatible[-1]
            since = article.sentences[article.sentence_of(ante.start)].start
            person = all(t.kind == "person" for t in candidates)
            if _other_names(article, before, since, tok.start, skip=speaker_words, the=not person):
                continue  # somebody else is named nearby: ambiguous
            label = ante.antecedent or article.text[ante.start : ante.end]
            rule = "pronoun:in-quote"
            new = Mention(ante.target, tok.start, tok.end, "pronoun", rule, CONFIDENCE[rule], label)
            added.append(new)
            at = bisect.bisect_right(pool_starts, new.start)  # later pronouns may chain on this one
            pool.insert(at, new)
            pool_starts.insert(at, new.start)
    return added


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
    roles = _Roles(doc.text, str(doc.metadata.get("date", "") or ""), targets)
    mentions: list[Mention] = []
    named = []
    for target in targets:
        found = _names(target, doc)
        if not require_name or _is_named(target, doc):
            named.append(target)
            descs = _descriptions(target, doc.text, roles)
            excluded = [m.span() for rx in target._exclude_res for m in rx.finditer(doc.text)]
            found += _not_excluded(descs, excluded)
        mentions += found
    mentions += _role_mentions(named, doc.text, roles)
    mentions = _resolve_overlaps(mentions)
    if pronouns:
        mentions = sorted(mentions + _pronouns(doc, mentions, targets), key=lambda m: m.start)
    if pronouns and quotes:
        mentions = apply_quotes(doc, mentions, targets, quotes)
    return mentions


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


def find_mentions(
    corpus: Corpus | Article | Iterable[Article] | str,
    targets: Target | Iterable[Target] | None = None,
    *,
    pronouns: bool = True,
    require_name: bool = True,
    min_confidence: float = 0.0,
    quotes: pd.DataFrame | bool = True,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Find names, descriptions and (confidently resolved) pronouns of targets.

    Descriptions count only in articles that name the target (in text or title) unless
    ``require_name=False``. Pronouns are resolved to the nearest compatible mention in the same
    sentence when no other person name stands before them in that sentence (for it/its: between
    them), or else to the only target mentioned in the previous sentence when neither sentence
    names anybody else. Expletive "it" ("it was", "it is true") is never resolved.
    Edge cases: "NATO" inside "NATO allies"/"NATO Secretary General" is a NATO name mention (the
    word names the organization; the allies are not NATO); "the White House" alone is a building
    or the administration, never Trump; "the alliance" with a foreign capitalized modifier
    ("the AUKUS alliance") or an "of" complement is not NATO.
    With ``quotes``, he/his (it/its) inside a direct quote whose speaker is known are resolved to
    someone other than the speaker (rule ``"pronoun:in-quote"``, see :func:`quote_pronouns`).

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        targets: Target objects; default ``(TRUMP, NATO)``.
        pronouns: Also resolve pronouns.
        require_name: Count descriptions only in articles that name the target.
        min_confidence: Drop rows below this confidence (see ``CONFIDENCE``).
        quotes: ``True`` (default) applies the in-quote rule with the quotes of the same
            analysis pass (so these rows equal ``nl.analyze(...).mentions``), ``False`` leaves
            it out, and a :func:`newslab.find_quotes` table uses its direct quotes instead.
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns article_id, sentence_id, target, mention, start, end (offsets in
        ``article.text``), kind ("name", "description", "pronoun"), rule, confidence, antecedent
        (for pronouns: the mention they were resolved to).

    Example:
        >>> from newslab.targets import DEFAULT_TARGETS, TRUMP
        >>> art = Article("x", "", "Trump spoke. The Republican said he would win.")
        >>> find_mentions(art, TRUMP)[["mention", "kind", "rule"]].values.tolist()
        [['Trump', 'name', 'name'], ['The Republican', 'description', 'head:republican'], ['he', 'pronoun', 'pronoun']]
    """
    from newslab.analysis import AnalysisOptions, analyze  # the pass builds on this module

    if not 0.0 <= min_confidence <= 1.0:
        raise ParameterError(f"min_confidence={min_confidence!r}; valid: a number from 0 to 1")
    if not isinstance(quotes, bool) and not hasattr(quotes, "columns"):
        raise ParameterError(f"quotes={quotes!r}; valid: True, False or a find_quotes() table")
    options = AnalysisOptions(pronouns=pronouns, require_name=require_name, in_quote=quotes is not False)
    if isinstance(quotes, bool):
        table = analyze(corpus, targets, options=options, tables=("mentions",), progress=progress).mentions
    else:
        table = _mentions_with_quote_table(corpus, targets, options, quotes, progress)
    if min_confidence > 0:
        table = table[table["confidence"] >= min_confidence].reset_index(drop=True)
    return table


def _mentions_with_quote_table(
    corpus: Corpus | Article | Iterable[Article] | str,
    targets: Target | Iterable[Target] | None,
    options: Any,
    quotes: pd.DataFrame,
    progress: bool | None,
) -> pd.DataFrame:
    """find_mentions with the direct quotes of a given find_quotes() table (not the pass's own)."""
    import pandas as pd

    needed = {"article_id", "kind", "start", "end", "speaker_resolved"}
    if needed - set(quotes.columns):
        raise ParameterError(f"quotes= needs a find_quotes() table (columns {sorted(needed)}), True or False")
    spans: dict[str, list[QuoteSpan]] = {}
    for a, k, s, e, who in zip(
        quotes["article_id"], quotes["kind"], quotes["start"], quotes["end"], quotes["speaker_resolved"], strict=True
    ):
        if k == "direct" and isinstance(who, str) and who.strip():
            spans.setdefault(str(a), []).append(QuoteSpan(int(s), int(e), who))
    chosen = as_targets(targets)
    rows = []
    for article in progress_bar(as_articles(corpus), progress, "mentions"):
        doc = parse(article)
        found = article_mentions(
            doc, chosen, pronouns=options.pronouns, require_name=options.require_name, quotes=spans.get(doc.id, ())
        )
        rows.extend(mention_rows(doc, found))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def mention_rows(doc: Document, mentions: Iterable[Mention]) -> list[tuple[Any, ...]]:
    """Table rows (``MENTION_COLUMNS``) for mentions of one parsed article."""
    text = doc.text
    return [
        (doc.id, doc.sentence_of(m.start), m.target.name, text[m.start : m.end], m.start, m.end, m.kind, m.rule,
         m.confidence, m.antecedent)
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
    "find_mentions",
    "mention_rows",
    "quote_pronouns",
    "word_tags",
]
