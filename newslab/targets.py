"""Targets and their mentions: who is called what, and where.

A :class:`Target` is a person or an institution that a researcher follows through the news
(``TRUMP``, ``NATO`` or one the user defines). :func:`find_mentions` finds every place an
article refers to it, in three kinds:

* ``name``: a proper name or alias ("Donald Trump", "Trump’s", "NATO" also inside "NATO allies");
* ``description``: a definite description that refers back to a target named in the article:
  a fixed epithet ("the Atlantic Alliance"), or a role noun (*head*) after "the"/"its" with
  optional modifiers and an "of the ..." complement ("the tycoon", "the returned tenant of the
  White House", "the largest military alliance on the planet"), or a title before the name
  ("US President-elect" in "US President-elect Donald Trump");
* ``pronoun``: he/him/his or it/its, resolved only when no other candidate competes
  (see :func:`find_mentions`); with ``quotes=``, also inside direct quotes, never to the speaker
  (see :func:`quote_pronouns`).

Each row carries its evidence: ``rule`` (which list or rule fired) and ``confidence``.
Default targets live in the editable data file ``newslab/data/targets.tsv``.

Example:
    >>> import newslab as nl
    >>> art = nl.Article("a", "", "Trump met NATO officials. The tycoon praised the alliance.")
    >>> df = nl.find_mentions(art)
    >>> list(zip(df.target, df.mention, df.kind))  # doctest: +NORMALIZE_WHITESPACE
    [('Trump', 'Trump', 'name'), ('NATO', 'NATO', 'name'),
     ('Trump', 'The tycoon', 'description'), ('NATO', 'the alliance', 'description')]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import logging
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from newslab.corpus import Article, Corpus, article_cache, as_articles, progress_bar
from newslab.errors import LexiconError, ParameterError
from newslab.lexicons import load_table, read_tsv, stopwords
from newslab.user_patterns import unsafe_pattern_message

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

ENTITY_KINDS = ("person", "organization", "place", "other")
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
    "title": 0.9,
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
#: Pronouns by entity kind when a target gives none (persons: none, their pronouns are personal).
DEFAULT_PRONOUNS = {"organization": ("it", "its", "itself")}
#: Words that may stand before a head in a title ("former US President Donald Trump").
TITLE_WORDS = frozenset({"former", "incoming", "outgoing", "then", "future", "designated", "elected", "re-elected"})
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

_WORD = r"[\w.’'-]*\w"
_APOS = "’'"


def _tuple(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


@dataclasses.dataclass(frozen=True)
class Target:
    """A person or institution whose mentions newslab finds.

    Attributes:
        name: Display name used in every table ("Trump", "NATO", "EU").
        aliases: Proper names, matched case-sensitively (and in ALL CAPS); default ``(name,)``.
        epithets: Fixed description phrases, matched case-insensitively ("the atlantic alliance").
        heads: Role nouns that form a description after "the"/"its" ("tycoon", "alliance");
            a capitalized head ("Republican") is matched only capitalized.
        modifiers: Capitalized words allowed between "the" and a head ("American" in
            "the American populist"); any other capitalized modifier blocks the description.
        patterns: Regular expressions (case-insensitive) for further descriptions.
        exclude: Regular expressions; a description overlapping a match is dropped.
        kind: Entity kind, one of ``ENTITY_KINDS``; organizations get it/its as pronouns.
        pronouns: Pronouns that may refer to the target; default by kind (persons: none).

    Example:
        >>> eu = Target("EU", aliases=["EU", "European Union"], heads=["bloc"], kind="organization")
        >>> eu.pronouns
        ('it', 'its', 'itself')
    """

    name: str
    aliases: Sequence[str] = ()
    epithets: Sequence[str] = ()
    heads: Sequence[str] = ()
    modifiers: Sequence[str] = ()
    patterns: Sequence[str] = ()
    exclude: Sequence[str] = ()
    kind: str = "other"
    pronouns: Sequence[str] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ParameterError(f"Target name must be a non-empty string, got {self.name!r}")
        if self.kind not in ENTITY_KINDS:
            raise ParameterError(f"kind={self.kind!r}; valid: {list(ENTITY_KINDS)}")
        setter = functools.partial(object.__setattr__, self)
        for field in ("aliases", "epithets", "heads", "modifiers", "patterns", "exclude"):
            setter(field, tuple(t.strip() for t in _tuple(getattr(self, field)) if t.strip()))
        if not self.aliases:
            setter("aliases", (self.name,))
        setter("epithets", tuple(e.lower() for e in self.epithets))
        pronouns = DEFAULT_PRONOUNS.get(self.kind, ()) if self.pronouns is None else _tuple(self.pronouns)
        setter("pronouns", tuple(p.lower() for p in pronouns))
        for pattern in (*self.patterns, *self.exclude):
            try:
                re.compile(pattern)
            except (re.error, RecursionError, OverflowError) as err:
                raise ParameterError(f"Target {self.name!r}: bad regular expression {pattern!r}: {err}") from None
            unsafe = unsafe_pattern_message(pattern)
            if unsafe:
                raise ParameterError(f"Target {self.name!r}: {unsafe}")

    @classmethod
    def from_names(cls, name: str, *aliases: str, kind: str = "other") -> Target:
        """A target known only by its names, e.g. ``Target.from_names("EU", "European Union")``.

        Example:
            >>> Target.from_names("Rutte", "Mark Rutte", kind="person").aliases
            ('Rutte', 'Mark Rutte')
        """
        return cls(name, aliases=(name, *aliases), kind=kind)

    @classmethod
    def from_table(cls, name: str, *, table: str = "targets") -> Target:
        """Load a target from a packaged TSV table (columns target, kind, term, note).

        Args:
            name: Value of the ``target`` column (case-insensitive).
            table: Packaged TSV name without ``.tsv``.

        Raises:
            LexiconError: If the table has no rows for ``name``.

        Example:
            >>> Target.from_table("nato").name
            'NATO'
        """
        rows = [r for r in load_table(table) if (r.get("target") or "").lower() == name.lower()]
        if not rows:
            names = sorted({r.get("target") or "" for r in load_table(table)})
            raise LexiconError(f"table {table!r} has no target {name!r}; targets: {names}")
        return _target_from_rows(rows, f"table {table!r}")

    def to_spec(self) -> dict[str, Any]:
        """The target's fields as a plain dict (JSON-ready), the inverse of :func:`targets_from_spec`.

        Example:
            >>> Target("EU", aliases=["EU", "European Union"], heads=["bloc"]).to_spec()
            {'aliases': ['EU', 'European Union'], 'heads': ['bloc']}
        """
        spec: dict[str, Any] = {}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if field.name == "name" or value == field.default:
                continue
            if field.name == "pronouns" and tuple(value) == DEFAULT_PRONOUNS.get(self.kind, ()):
                continue
            spec[field.name] = list(value) if isinstance(value, tuple) else value
        return spec

    def extend(self, **terms: Iterable[str]) -> Target:
        """A copy with more terms, e.g. ``TRUMP.extend(heads=["mogul"])``.

        Example:
            >>> "bloc" in NATO.extend(heads=["bloc", "club"]).heads
            True
        """
        bad = set(terms) - {"aliases", "epithets", "heads", "modifiers", "patterns", "exclude", "pronouns"}
        if bad:
            raise ParameterError(f"unknown term list(s) {sorted(bad)}; valid: aliases, epithets, heads, ...")
        changes = {k: (*(getattr(self, k) or ()), *_tuple(v)) for k, v in terms.items()}
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @functools.cached_property
    def _name_re(self) -> re.Pattern[str]:
        forms = set(self.aliases) | {a.upper() for a in self.aliases}
        alternatives = "|".join(re.escape(a) for a in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    @functools.cached_property
    def _epithet_re(self) -> re.Pattern[str] | None:
        if not self.epithets:
            return None
        alternatives = "|".join(re.escape(e) for e in sorted(self.epithets, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)

    @functools.cached_property
    def _head_re(self) -> re.Pattern[str] | None:
        if not self.heads:
            return None
        heads = sorted(self.heads, key=len, reverse=True)
        alternatives = "|".join(re.escape(h) if h[0].isupper() else f"(?i:{re.escape(h)})" for h in heads)
        stop = "|".join(re.escape(w) for w in sorted(stopwords(), key=len, reverse=True) if w.isalpha())
        modifier = rf"(?!(?:{stop})\b){_WORD}"
        return re.compile(
            rf"(?<![\w-])(?P<det>[Tt]he|[Ii]ts)\s+(?P<mods>(?:{modifier}\s+){{0,3}})(?P<head>{alternatives})(?![\w-])"
        )

    @functools.cached_property
    def _pattern_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.patterns)

    @functools.cached_property
    def _exclude_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.exclude)

    @functools.cached_property
    def _title_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in (*self.heads, *self.modifiers)) | TITLE_WORDS


_SPEC_FIELDS = ("aliases", "epithets", "heads", "modifiers", "patterns", "exclude", "kind", "pronouns")
_TABLE_KINDS = {
    "name": "aliases",
    "epithet": "epithets",
    "head": "heads",
    "modifier": "modifiers",
    "pattern": "patterns",
    "exclude": "exclude",
    "type": "kind",
    "pronoun": "pronouns",
}


def _target_from_rows(rows: Sequence[Mapping[str, str]], where: str) -> Target:
    """A target from rows with columns target, kind, term (the ``targets.tsv`` format)."""
    name = rows[0]["target"]
    fields: dict[str, list[str]] = {}
    for row in rows:
        fields.setdefault(row.get("kind") or "", []).append(row.get("term") or "")
    unknown = set(fields) - set(_TABLE_KINDS)
    if unknown:
        raise LexiconError(
            f"{where}: unknown kind(s) {sorted(unknown)} for target {name!r}; valid: {list(_TABLE_KINDS)}"
        )
    spec: dict[str, Any] = {_TABLE_KINDS[k]: v for k, v in fields.items()}
    spec["kind"] = (spec.get("kind") or ["other"])[0]
    return Target(name, **spec)


TRUMP = Target.from_table("Trump")
NATO = Target.from_table("NATO")
DEFAULT_TARGETS = (TRUMP, NATO)


def as_targets(targets: Target | Iterable[Target] | None) -> tuple[Target, ...]:
    """Normalize a ``targets`` argument (``None`` means ``(TRUMP, NATO)``).

    Example:
        >>> [t.name for t in as_targets(None)]
        ['Trump', 'NATO']
    """
    if targets is None:
        return DEFAULT_TARGETS
    if isinstance(targets, Target):
        return (targets,)
    if isinstance(targets, str):
        raise ParameterError(f"targets={targets!r}: pass Target objects, e.g. nl.Target({targets!r})")
    try:
        result = tuple(targets)
    except TypeError:
        raise ParameterError(f"targets must be a Target or a list of Targets, got {type(targets).__name__}") from None
    for t in result:
        if not isinstance(t, Target):
            raise ParameterError(f"targets must be Target objects, got {type(t).__name__}")
    return result


def targets_from_spec(spec: Mapping[str, Any] | None) -> tuple[Target, ...]:
    """Targets from a plain mapping, as a report parameter or a JSON file gives them.

    Each key is a target's name. Its value is a list of aliases, or a dict of :class:`Target`
    fields (``aliases``, ``epithets``, ``heads``, ``modifiers``, ``patterns``, ``exclude``,
    ``kind``, ``pronouns``). An empty value for a packaged target's name ("Trump", "NATO")
    gives the packaged target with all its descriptions. An empty or missing mapping gives
    ``()``; the caller picks the default.

    Raises:
        ParameterError: For a value that is neither a list nor a dict, or unknown fields.

    Example:
        >>> [t.name for t in targets_from_spec({"Trump": [], "EU": {"aliases": ["EU"], "heads": ["bloc"]}})]
        ['Trump', 'EU']
        >>> targets_from_spec({"Trump": []})[0] is TRUMP
        True
    """
    if not spec:
        return ()
    if not isinstance(spec, Mapping):
        raise ParameterError(f"targets must be a mapping name -> aliases or fields, got {type(spec).__name__}")
    packaged = {t.name.lower(): t for t in DEFAULT_TARGETS}
    result = []
    for name, value in spec.items():
        if not isinstance(name, str) or not name.strip():
            raise ParameterError(f"target names must be non-empty strings, got {name!r}")
        if not value and name.lower() in packaged:
            result.append(packaged[name.lower()])
        elif isinstance(value, Mapping):
            unknown = sorted(set(value) - set(_SPEC_FIELDS))
            if unknown:
                raise ParameterError(f"target {name!r}: unknown field(s) {unknown}; valid: {list(_SPEC_FIELDS)}")
            fields = dict(value)
            for field, terms in fields.items():
                strings = isinstance(terms, str) or (
                    isinstance(terms, (list, tuple)) and all(isinstance(t, str) for t in terms)
                )
                if not strings and not (field == "pronouns" and terms is None):
                    kind = type(terms).__name__
                    raise ParameterError(
                        f"target {name!r}: {field}={terms!r:.60} ({kind}); give a string or a list of strings"
                    )
            fields.setdefault("aliases", [name])
            result.append(Target(name, **fields))
        elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            result.append(Target(name, aliases=[name, *[v for v in value if v != name]]))
        else:
            raise ParameterError(
                f"target {name!r}: expected a list of aliases or a dict of fields, got {type(value).__name__}"
            )
    return tuple(result)


def load_targets(path: str | os.PathLike[str]) -> tuple[Target, ...]:
    r"""Targets from a file: a TSV like the packaged ``targets.tsv`` or a JSON mapping.

    The TSV has the columns ``target, kind, term`` (and optionally ``note``); kinds are
    ``name, epithet, head, modifier, pattern, exclude, type, pronoun``, one row per term, and
    lines starting with ``#`` are comments. The JSON file holds the mapping that
    :func:`targets_from_spec` takes.

    Raises:
        MissingInputError: If the file does not exist.
        LexiconError: For a malformed file.

    Example:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "eu.tsv"
        >>> _ = path.write_text("target\tkind\tterm\nEU\tname\tEU\nEU\thead\tbloc\nEU\ttype\torganization\n")
        >>> [(t.name, t.heads, t.kind) for t in load_targets(path)]
        [('EU', ('bloc',), 'organization')]
    """
    import json
    from pathlib import Path

    from newslab.errors import MissingInputError

    file = Path(path)
    if not file.is_file():
        raise MissingInputError(f"targets file {str(file)!r} not found")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(f"cannot read targets file {str(file)!r}: {err}") from None
    if file.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise LexiconError(f"{file.name}: not valid JSON ({err})") from None
        try:
            return targets_from_spec(data)
        except ParameterError as err:
            raise LexiconError(f"{file.name}: {err}") from None
    rows = read_tsv(text)
    if not rows or not {"target", "kind", "term"} <= set(rows[0]):
        raise LexiconError(f"{file.name}: expected a TSV with columns target, kind, term (or a .json mapping)")
    by_name: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_name.setdefault((row.get("target") or "").strip(), []).append(row)
    if "" in by_name:
        raise LexiconError(f"{file.name}: a row has an empty target column")
    try:
        return tuple(_target_from_rows(group, file.name) for group in by_name.values())
    except ParameterError as err:
        raise LexiconError(f"{file.name}: {err}") from None


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


@dataclasses.dataclass
class _Mention:
    target: Target
    start: int
    end: int
    kind: str
    rule: str
    confidence: float
    antecedent: str = ""


@functools.lru_cache(maxsize=256)
def _sentence_starts(article: Article) -> tuple[int, ...]:
    return tuple(s.start for s in article.sentences)


def _sentence_of(article: Article, offset: int) -> int:
    return max(0, bisect.bisect_right(_sentence_starts(article), offset) - 1)


def _is_named(target: Target, article: Article) -> bool:
    return bool(target._name_re.search(article.text) or target._name_re.search(article.title or ""))


def _next_word(text: str, pos: int) -> re.Match[str] | None:
    return re.compile(rf"\s*({_WORD}|[^\s\w])").match(text, pos)


def _descriptions(target: Target, text: str) -> list[_Mention]:
    found: list[_Mention] = []
    if target._epithet_re is not None:
        found += [_Mention(target, m.start(), m.end(), "description", "epithet", CONFIDENCE["epithet"])
                  for m in target._epithet_re.finditer(text)]  # fmt: skip
    if target._head_re is not None:
        others: dict[str, _OtherNames] = {}
        for m in target._head_re.finditer(text):
            span = _head_span(target, text, m)
            head = m.group("head")
            if span is None:
                continue
            if head.lower() not in others:
                others[head.lower()] = _OtherNames(target, text, head)
            if not others[head.lower()].named_before(m.start()):
                rule = f"head:{head.lower()}"
                found.append(_Mention(target, span[0], span[1], "description", rule, CONFIDENCE["head"]))
    for rx in target._pattern_res:
        found += [_Mention(target, m.start(), m.end(), "description", "pattern", CONFIDENCE["pattern"])
                  for m in rx.finditer(text)]  # fmt: skip
    return found


class _OtherNames:
    """Whether someone or something else was named with a head word last before an offset.

    After "the Shanghai Cooperation Organisation", "the organisation" means it, not NATO; after
    "President Joe Biden", "the president" means Biden, not Trump. Matches are found once per
    article and head, then looked up by offset.
    """

    def __init__(self, target: Target, text: str, head: str) -> None:
        title = head[:1].upper() + head[1:]
        self.events: list[tuple[int, bool]] = []  # (offset, True = someone/something else, False = the target)
        self.offsets: list[int] = []
        if title not in text:
            return  # the head never appears capitalized: nothing else is named with it
        if target.kind == "person":
            rx = re.compile(rf"(?<![\w-]){re.escape(title)}\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")
            for m in rx.finditer(text):
                self.events.append((m.end(), not target._name_re.search(m.group("name"))))
        epithets = list(target._epithet_re.finditer(text)) if target._epithet_re is not None else []
        inside = {i for e in epithets for i in range(e.start(), e.end())}
        for m in re.finditer(rf"(?:[A-Z][\w-]*\s+)+{re.escape(title)}(?![\w-])", text):
            if m.start() not in inside and m.end() - 1 not in inside:
                self.events.append((m.end(), True))
        self.events += [(m.end(), False) for m in target._name_re.finditer(text)]
        self.events += [(e.end(), False) for e in epithets]
        self.events.sort()
        self.offsets = [e[0] for e in self.events]

    def named_before(self, start: int) -> bool:
        i = bisect.bisect_right(self.offsets, start) - 1
        return i >= 0 and self.events[i][1]


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
        ext = re.compile(rf"\s+of\s+the\s+((?:[A-Z]{_WORD}\s+)*{_WORD})").match(text, end)
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
def _word_tags() -> dict[str, str]:
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
    tags = _word_tags()
    tag = tags.get(word)
    if tag is None:
        return True  # an unknown lowercase word after "the American": most often the noun it modifies
    if tag.startswith("NN"):
        return True
    after = tags.get(following[1], "") if len(following) > 1 else ""
    return tag == "JJ" and after.startswith("NN")


def _titles(target: Target, text: str, name_start: int) -> tuple[int, int] | None:
    """A title directly before a name: "US President-elect" in "US President-elect Donald Trump"."""
    heads = {h.lower() for h in target.heads}
    words = list(re.finditer(r"[\w.’'-]*\w", text[max(0, name_start - 80) : name_start]))
    offset = max(0, name_start - 80)
    start, has_head = None, False
    expected_end = name_start
    for w in reversed(words):
        gap = text[offset + w.end() : expected_end]
        if gap != " " or w.group().lower() not in target._title_words:
            break
        start, expected_end = offset + w.start(), offset + w.start()
        has_head = has_head or w.group().lower() in heads
    if start is None or not has_head:
        return None
    return start, name_start - 1


def _names(target: Target, article: Article) -> list[_Mention]:
    text = article.text
    found: list[_Mention] = []
    for m in target._name_re.finditer(text):
        possessive = text[m.end() : m.end() + 1] in _APOS and text[m.end() + 1 : m.end() + 2] == "s"
        rule = "possessive" if possessive else "name"
        found.append(_Mention(target, m.start(), m.end(), "name", rule, CONFIDENCE[rule]))
        title = _titles(target, text, m.start())
        if title is not None:
            found.append(_Mention(target, title[0], title[1], "description", "title", CONFIDENCE["title"]))
    return found


def _overlaps(a: _Mention | tuple[int, int], b: _Mention | tuple[int, int]) -> bool:
    a0, a1 = (a.start, a.end) if isinstance(a, _Mention) else a
    b0, b1 = (b.start, b.end) if isinstance(b, _Mention) else b
    return a0 < b1 and b0 < a1


def _resolve_overlaps(mentions: list[_Mention]) -> list[_Mention]:
    """Keep names; among overlapping descriptions keep the most confident, then the longest."""
    names = [m for m in mentions if m.kind == "name"]
    descs = sorted(
        (m for m in mentions if m.kind != "name"), key=lambda m: (-m.confidence, -(m.end - m.start), m.start)
    )
    kept: list[_Mention] = []
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
    words: Sequence[Any], mentions: Sequence[_Mention], end: int, *, start: int = 0, the: bool = False
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


def _pronouns(article: Article, mentions: list[_Mention], targets: Sequence[Target]) -> list[_Mention]:
    pronoun_targets: dict[str, list[Target]] = {}
    for t in targets:
        for p in t.pronouns or ():
            pronoun_targets.setdefault(p, []).append(t)
    if not pronoun_targets:
        return []
    found: list[_Mention] = []
    tokens = article.tokens
    words: dict[int, list[Any]] = {}
    for tok in tokens:
        if any(c.isalnum() for c in tok.text):
            words.setdefault(tok.sentence, []).append(tok)
    by_sentence: dict[int, list[_Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(_sentence_of(article, m.start), []).append(m)
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
        new = _Mention(ante.target, tok.start, tok.end, "pronoun", rule, CONFIDENCE[rule], label)
        found.append(new)
        here.append(new)  # later pronouns may chain on this one; tokens come in text order
        by_sentence[tok.sentence] = here
    return found


def speaks_as(speaker: str, target: Target) -> bool:
    """Whether a resolved speaker name is the target ("Donald Trump" or "Trump" for TRUMP).

    Example:
        >>> speaks_as("Donald Trump", TRUMP), speaks_as("Mark Rutte", TRUMP)
        (True, False)
    """
    text = speaker.strip().lower()
    forms = {target.name.lower(), *(a.lower() for a in target.aliases)}
    return bool(text) and (text in forms or target.name.lower() in text.split())


def _other_names(
    article: Article, mentions: Sequence[_Mention], start: int, end: int, *, skip: Iterable[str], the: bool
) -> list[str]:
    """Capitalized runs in ``article.text[start:end]`` that could name someone other than a target.

    Not counted: words inside target mentions, the words in ``skip`` (the speaker's name),
    stopwords ("When" opening a quote), calendar words, a lone nationality adjective, text in
    square brackets (an editor's insertion); a run of role words only ("Prime Minister") counts
    only after "the" ("The Secretary General and his team"); other runs after "the" ("the
    Netherlands") and acronyms count only with ``the=True`` (for it/its).
    """
    from newslab.quotes import ROLE_WORDS  # quotes imports this module

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

    for m in re.finditer(_WORD, text[start:end]):
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
    article: Article, mentions: Sequence[_Mention], targets: Sequence[Target], quotes: Iterable[QuoteSpan]
) -> list[_Mention]:
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
        >>> art = Article("x", "", "Rutte praised Trump. “He made us pay,” Rutte said.")
        >>> quote = QuoteSpan(22, 36, "Rutte")
        >>> [(m.target.name, art.text[m.start : m.end], m.rule) for m in
        ...  quote_pronouns(art, article_mentions(art, DEFAULT_TARGETS), DEFAULT_TARGETS, [quote])]
        [('Trump', 'He', 'pronoun:in-quote')]
    """
    pronoun_targets: dict[str, list[Target]] = {}
    for t in targets:
        for p in t.pronouns or ():
            pronoun_targets.setdefault(p, []).append(t)
    tokens = article.tokens
    token_starts = [t.start for t in tokens]
    pool = sorted(mentions, key=lambda m: m.start)
    added: list[_Mention] = []
    for quote in quotes:
        if not quote.speaker.strip():
            continue
        speaker_words = set(quote.speaker.split())
        para_start = article.text.rfind("\n", 0, quote.start) + 1
        first = max(_sentence_of(article, para_start), _sentence_of(article, quote.start) - QUOTE_LOOKBACK)
        window_start = article.sentences[first].start
        for i in range(bisect.bisect_left(token_starts, quote.start), len(tokens)):
            tok = tokens[i]
            if tok.end > quote.end:
                break
            low = tok.text.lower()
            candidates = [t for t in pronoun_targets.get(low, ()) if not speaks_as(quote.speaker, t)]
            if not candidates or any(m.start <= tok.start < m.end for m in pool):
                continue
            if low == "it":
                continue  # in speech a bare "it" is mostly an action or a situation: "we must do it faster"
            before = [m for m in pool if window_start <= m.start and m.end <= tok.start]
            compatible = [m for m in before if m.target in candidates]
            if not compatible or len({m.target.name for m in compatible}) != 1:
                continue  # nothing, or two targets that could be meant
            ante = compatible[-1]
            since = article.sentences[_sentence_of(article, ante.start)].start
            person = all(t.kind == "person" for t in candidates)
            if _other_names(article, before, since, tok.start, skip=speaker_words, the=not person):
                continue  # somebody else is named nearby: ambiguous
            label = ante.antecedent or article.text[ante.start : ante.end]
            rule = "pronoun:in-quote"
            new = _Mention(ante.target, tok.start, tok.end, "pronoun", rule, CONFIDENCE[rule], label)
            added.append(new)
            bisect.insort(pool, new, key=lambda m: m.start)  # later pronouns may chain on this one
    return added


def article_mentions(
    article: Article,
    targets: Sequence[Target],
    *,
    pronouns: bool = True,
    require_name: bool = True,
    quotes: Sequence[QuoteSpan] = (),
) -> list[_Mention]:
    """All mentions of ``targets`` in one article, as internal records (see :func:`find_mentions`).

    Computed once per article and arguments (see :func:`newslab.corpus.article_cache`).
    """
    key = ("mentions", tuple(targets), pronouns, require_name, tuple(quotes))
    return article_cache(
        article, key, lambda: _article_mentions(article, tuple(targets), pronouns, require_name, tuple(quotes))
    )


def _article_mentions(
    article: Article, targets: tuple[Target, ...], pronouns: bool, require_name: bool, quotes: tuple[QuoteSpan, ...]
) -> list[_Mention]:
    mentions: list[_Mention] = []
    for target in targets:
        found = _names(target, article)
        if not require_name or _is_named(target, article):
            descs = _descriptions(target, article.text)
            excluded = [m.span() for rx in target._exclude_res for m in rx.finditer(article.text)]
            found += [d for d in descs if not any(_overlaps(d, x) for x in excluded)]
        mentions += found
    mentions = _resolve_overlaps(mentions)
    if pronouns:
        mentions = sorted(mentions + _pronouns(article, mentions, targets), key=lambda m: m.start)
    if pronouns and quotes:
        # a pronoun inside a quote never means the speaker: drop such resolutions, then add in-quote ones
        mentions = [
            m for m in mentions
            if not (m.kind == "pronoun" and any(q.start <= m.start < q.end and speaks_as(q.speaker, m.target)
                                                for q in quotes))
        ]  # fmt: skip
        mentions = sorted(mentions + quote_pronouns(article, mentions, targets, quotes), key=lambda m: m.start)
    return mentions


def find_mentions(
    corpus: Corpus | Article | Iterable[Article] | str,
    targets: Target | Iterable[Target] | None = None,
    *,
    pronouns: bool = True,
    require_name: bool = True,
    min_confidence: float = 0.0,
    quotes: pd.DataFrame | bool = False,
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
        quotes: A :func:`newslab.find_quotes` table (its direct quotes with a resolved speaker
            are used), ``True`` to compute it, or ``False`` (default) for no in-quote rule.
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns article_id, sentence_id, target, mention, start, end (offsets in
        ``article.text``), kind ("name", "description", "pronoun"), rule, confidence, antecedent
        (for pronouns: the mention they were resolved to).

    Example:
        >>> art = Article("x", "", "Trump spoke. The Republican said he would win.")
        >>> find_mentions(art, TRUMP)[["mention", "kind", "rule"]].values.tolist()
        [['Trump', 'name', 'name'], ['The Republican', 'description', 'head:republican'], ['he', 'pronoun', 'pronoun']]
    """
    import pandas as pd

    if not 0.0 <= min_confidence <= 1.0:
        raise ParameterError(f"min_confidence={min_confidence!r}; valid: a number from 0 to 1")
    chosen = as_targets(targets)
    articles = as_articles(corpus)
    spans = _quote_spans(articles, chosen, quotes, progress)
    rows = []
    for article in progress_bar(articles, progress, "mentions"):
        found = article_mentions(
            article, chosen, pronouns=pronouns, require_name=require_name, quotes=spans.get(article.id, ())
        )
        for m in found:
            if m.confidence < min_confidence:
                continue
            rows.append(
                (article.id, _sentence_of(article, m.start), m.target.name, article.text[m.start : m.end],
                 m.start, m.end, m.kind, m.rule, m.confidence, m.antecedent)
            )  # fmt: skip
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _quote_spans(
    articles: list[Article], targets: tuple[Target, ...], quotes: pd.DataFrame | bool, progress: bool | None = None
) -> dict[str, list[QuoteSpan]]:
    """Direct quotes with a resolved speaker per article id, from a find_quotes table (or computed)."""
    if quotes is True:
        from newslab.quotes import find_quotes  # quotes imports this module

        quotes = find_quotes(articles, targets=targets, kinds=["direct"], progress=progress)
    if quotes is False or quotes is None:
        return {}
    needed = {"article_id", "kind", "start", "end", "speaker_resolved"}
    if not hasattr(quotes, "columns") or needed - set(quotes.columns):
        raise ParameterError(f"quotes= needs a find_quotes() table (columns {sorted(needed)}), True or False")
    spans: dict[str, list[QuoteSpan]] = {}
    for a, k, s, e, who in zip(
        quotes["article_id"], quotes["kind"], quotes["start"], quotes["end"], quotes["speaker_resolved"], strict=True
    ):
        if k == "direct" and isinstance(who, str) and who.strip():
            spans.setdefault(str(a), []).append(QuoteSpan(int(s), int(e), who))
    return spans


def normalize_label(mention: str, kind: str) -> str:
    """The label a mention stands for: possessive dropped, descriptions lowercased.

    Example:
        >>> normalize_label("The Republican’s", "description")
        'the republican'
    """
    label = re.sub(r"[’']s?$", "", mention.strip())
    label = re.sub(r"\s+", " ", label)
    return label.lower() if kind != "name" else label


def labels(
    corpus: Corpus | Article | Iterable[Article] | str,
    targets: Target | Iterable[Target] | None = None,
    *,
    kinds: Iterable[str] = ("name", "description"),
    wide: bool = False,
) -> pd.DataFrame:
    """Which labels each article uses for each target, and how often.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        targets: Target objects; default ``(TRUMP, NATO)``.
        kinds: Mention kinds to count (any of "name", "description", "pronoun").
        wide: Return one row per target x kind x label with one count column per article
            (the side-by-side labeling table) instead of the long table.

    Returns:
        Long: article_id, target, kind, label, count, first_sentence_id, mentions (surface forms).
        Wide: index (target, kind, label), one column per article id, counts (0 if unused).

    Example:
        >>> art = Article("x", "", "The tycoon met NATO. Trump said the tycoon's NATO is fine.")
        >>> labels(art, TRUMP)[["label", "count"]].values.tolist()
        [['the tycoon', 2], ['Trump', 1]]
    """
    import pandas as pd

    kinds = tuple(kinds)
    bad = set(kinds) - set(MENTION_KINDS)
    if bad:
        raise ParameterError(f"kinds={sorted(bad)!r}; valid: {list(MENTION_KINDS)}")
    articles = as_articles(corpus)
    df = find_mentions(articles, targets, pronouns="pronoun" in kinds)
    df = df[df["kind"].isin(kinds)].copy()
    df["label"] = [normalize_label(m, k) for m, k in zip(df["mention"], df["kind"], strict=True)]
    columns = ["article_id", "target", "kind", "label", "count", "first_sentence_id", "mentions"]
    if df.empty:
        long = pd.DataFrame(columns=columns)
    else:
        grouped = df.groupby(["article_id", "target", "kind", "label"], sort=False)
        long = grouped.agg(
            count=("mention", "size"),
            first_sentence_id=("sentence_id", "min"),
            mentions=("mention", lambda s: sorted(set(s))),
        ).reset_index()
        order = {a.id: i for i, a in enumerate(articles)}
        long = long.sort_values(
            ["article_id", "target", "kind", "count", "label"],
            key=lambda c: c.map(order) if c.name == "article_id" else (-c if c.name == "count" else c),
        ).reset_index(drop=True)[columns]
    if not wide:
        return long
    table = long.pivot_table(index=["target", "kind", "label"], columns="article_id", values="count", fill_value=0)
    table = table.reindex(columns=[a.id for a in articles if a.id in table.columns])
    table.columns.name = None
    return table.astype(int)


def evaluate_mentions(predicted: pd.DataFrame, gold: pd.DataFrame, *, exact: bool = False) -> pd.DataFrame:
    """Precision and recall of mentions against hand-marked ones, per kind (name, description).

    A predicted mention matches a gold one with the same article_id, target and kind whose span
    overlaps it (``exact=True``: the same start and end); each gold mention matches once.

    Args:
        predicted: Output of :func:`find_mentions` (pronoun rows are ignored).
        gold: Table with article_id, target, kind, start, end.
        exact: Require identical spans.

    Returns:
        DataFrame indexed by kind (and "all") with tp, fp, fn, precision, recall, f1.

    Example:
        >>> import pandas as pd
        >>> gold = pd.DataFrame({"article_id": ["x"], "target": ["Trump"], "kind": ["name"], "start": [0], "end": [5]})
        >>> float(evaluate_mentions(find_mentions(Article("x", "", "Trump won.")), gold).loc["name", "recall"])
        1.0
    """
    import pandas as pd

    missing = {"article_id", "target", "kind", "start", "end"} - set(gold.columns)
    if missing:
        raise ParameterError(f"gold table lacks columns {sorted(missing)}")
    kinds = ["name", "description"]
    counts = {k: {"tp": 0, "fp": 0, "fn": 0} for k in kinds}
    for kind in kinds:
        pred = predicted[predicted["kind"] == kind]
        gold_k = gold[gold["kind"] == kind]
        used: set[int] = set()
        for row in pred.itertuples():
            match = gold_k[(gold_k["article_id"] == row.article_id) & (gold_k["target"] == row.target)]
            if exact:
                match = match[(match["start"] == row.start) & (match["end"] == row.end)]
            else:
                match = match[(match["start"] < row.end) & (row.start < match["end"])]
            free = [i for i in match.index if i not in used]
            if free:
                used.add(free[0])
                counts[kind]["tp"] += 1
            else:
                counts[kind]["fp"] += 1
        counts[kind]["fn"] = len(gold_k) - len(used)
    counts["all"] = {c: sum(counts[k][c] for k in kinds) for c in ("tp", "fp", "fn")}
    table = pd.DataFrame.from_dict(counts, orient="index")
    table["precision"] = (table["tp"] / (table["tp"] + table["fp"])).fillna(0.0)
    table["recall"] = (table["tp"] / (table["tp"] + table["fn"])).fillna(0.0)
    table["f1"] = (2 * table["precision"] * table["recall"] / (table["precision"] + table["recall"])).fillna(0.0)
    return table


class KwicFrame:
    """Marker namespace for the KWIC display helpers (see :func:`kwic`)."""

    @staticmethod
    def style(df: pd.DataFrame) -> Any:
        """A pandas Styler showing ``left`` right-aligned and ``match`` bold, for notebooks."""
        return (
            df.style.set_properties(subset=["left"], **{"text-align": "right"})
            .set_properties(subset=["match"], **{"text-align": "center", "font-weight": "bold"})
            .set_properties(subset=["right"], **{"text-align": "left"})
        )


def kwic(
    corpus: Corpus | Article | Iterable[Article] | str,
    query: str | Target,
    *,
    window: int = 40,
    ignore_case: bool = True,
    kinds: Iterable[str] = MENTION_KINDS,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word, phrase or target with its surroundings.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        query: A word or phrase (matched at word boundaries) or a Target (its mentions).
        window: Characters of context on each side (cut at word boundaries, within the paragraph).
        ignore_case: Case-insensitive matching of a string query.
        kinds: For a Target query, the mention kinds to show.

    Returns:
        DataFrame article_id, sentence_id, left, match, right, start, end. ``left`` is
        right-justified to a common width so the matches line up in the text display; in a
        notebook use ``kwic(...).pipe(KwicFrame.style)`` for an aligned HTML table.

    Example:
        >>> art = Article("x", "", "Allies are worried. NATO allies met in Brussels.")
        >>> kwic(art, "allies", window=12)[["left", "match", "right"]].values.tolist()
        [['      ', 'Allies', ' are'], [' NATO ', 'allies', ' met in']]
    """
    import pandas as pd

    if not isinstance(window, int) or window < 1:
        raise ParameterError(f"window={window!r}; valid: a positive number of characters")
    articles = as_articles(corpus)
    hits: list[tuple[Article, int, int]] = []
    if isinstance(query, Target):
        df = find_mentions(articles, query)
        df = df[df["kind"].isin(tuple(kinds))]
        by_id = {a.id: a for a in articles}
        hits = [(by_id[a], s, e) for a, s, e in zip(df["article_id"], df["start"], df["end"], strict=True)]
    elif isinstance(query, str) and query.strip():
        rx = re.compile(rf"(?<!\w){re.escape(query.strip())}(?!\w)", re.IGNORECASE if ignore_case else 0)
        hits = [(a, m.start(), m.end()) for a in articles for m in rx.finditer(a.text)]
    else:
        raise ParameterError(f"query={query!r}; valid: a non-empty string or a Target")
    rows = []
    for art, s, e in hits:
        text = art.text
        lo = max(text.rfind("\n", 0, s) + 1, s - window)
        hi = min(len(text) if text.find("\n", e) < 0 else text.find("\n", e), e + window)
        left, right = text[lo:s], text[e:hi]
        if lo > text.rfind("\n", 0, s) + 1 and " " in left:
            left = left[left.index(" ") :]
        if hi < len(text) and " " in right:
            right = right[: right.rindex(" ")]
        rows.append((art.id, _sentence_of(art, s), left, text[s:e], right, s, e))
    df = pd.DataFrame(rows, columns=["article_id", "sentence_id", "left", "match", "right", "start", "end"])
    if not df.empty:
        width = int(df["left"].str.len().max())
        df["left"] = df["left"].str.rjust(width)
    return df


__all__ = [
    "CONFIDENCE",
    "DEFAULT_TARGETS",
    "NATO",
    "QUOTE_LOOKBACK",
    "TRUMP",
    "KwicFrame",
    "QuoteSpan",
    "Target",
    "as_articles",
    "as_targets",
    "evaluate_mentions",
    "find_mentions",
    "kwic",
    "labels",
    "normalize_label",
    "quote_pronouns",
    "speaks_as",
]
