"""Targets and their mentions: who is called what, and where.

A :class:`Target` is a person or an institution that a researcher follows through the news
(``TRUMP``, ``NATO`` or one the user defines). :func:`find_mentions` finds every place an
article refers to it, in three kinds:

* ``name``: a proper name or alias ("Donald Trump", "Trump’s", "NATO" also inside "NATO allies"),
  with the title before it ("President Trump", "Mr. Trump": one name, rule ``title``); for a person,
  never another bearer of the name ("Ivanka Trump", "Donald Trump Jr.", "Trump Tower");
* ``description``: a definite description that refers back to a target named in the article:
  a fixed epithet ("the Atlantic Alliance"), or a role noun (*head*) after "the"/"its" with
  optional modifiers and an "of the ..." complement ("the tycoon", "the returned tenant of the
  White House", "the largest military alliance on the planet"), or a role description ("the
  president", "the majority leader") that links to a target only when it holds the role
  (``roles.tsv``, ``Target(roles=...)``) or was last named with it;
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
import logging
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from newslab.corpus import Corpus, as_articles, progress_bar
from newslab.document import Article, Document, parse
from newslab.errors import LexiconError, ParameterError
from newslab.lexicons import load_table, read_tsv, stopwords
from newslab.names import ROLE_WORDS, speaks_as
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


#: Honorifics that join a person's name mention ("Mr. Trump"), with the gender they imply ("" = any).
#: General English, compiled for newslab; offices with titles ("Sen.", "President") are in ``roles.tsv``.
HONORIFICS = {
    **dict.fromkeys(("mr", "mr.", "sir", "lord"), "male"),
    **dict.fromkeys(("mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady"), "female"),
    **dict.fromkeys(("dr", "dr.", "prof.", "professor", "rev.", "gen.", "general", "judge", "justice"), ""),
    **dict.fromkeys(("candidate", "nominee", "presumptive", "then-candidate", "then-president", "ex-president"), ""),
    **dict.fromkeys(("pres", "pres.", "team"), ""),
}
#: Pronouns by the choice given to :meth:`Target.person` (``None``: unknown, no pronouns searched).
PERSON_PRONOUNS = {
    "he": ("he", "him", "his", "himself"),
    "she": ("she", "her", "hers", "herself"),
    "they": ("they", "them", "their", "theirs", "themselves"),
}
#: Words in a description that move its time away from the article's date ("the former president").
TIME_WORDS = frozenset({"former", "next", "future", "then", "incoming", "outgoing", "once", "ex", "previous", "last"})
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


@dataclasses.dataclass(frozen=True)
class Role:
    """A role (office, position) that a target holds, optionally for a term.

    Attributes:
        role: Lowercase phrase as it follows "the" ("president", "majority leader").
        start: First day held, ISO date ("" = open).
        end: Last day held, ISO date ("" = open).
        titles: Capitalized forms used before a name ("President", "Sen.").
        note: Free text (the source, why).

    Example:
        >>> r = Role("president", start="2017-01-20", end="2021-01-19")
        >>> r.held_on("2018-05-01"), r.held_on("2022-05-01"), r.held_on("")
        (True, False, True)
    """

    role: str
    start: str = ""
    end: str = ""
    titles: Sequence[str] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.role, str) or not self.role.strip():
            raise ParameterError(f"Role needs a non-empty role phrase, got {self.role!r}")
        object.__setattr__(self, "role", " ".join(self.role.lower().split()))
        object.__setattr__(self, "titles", _tuple(self.titles))
        for value in (self.start, self.end):
            if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ParameterError(f"Role {self.role!r}: date {value!r}; valid: YYYY-MM-DD or empty")

    def held_on(self, date: str) -> bool:
        """Whether the role is held on an ISO date (an unknown date ``""`` counts as held)."""
        day = date[:10]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            return True
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)

    def to_spec(self) -> str | dict[str, Any]:
        """The role as JSON-ready data: the phrase alone, or a dict when it has more."""
        extra: dict[str, Any] = {k: v for k, v in (("start", self.start), ("end", self.end), ("note", self.note)) if v}
        if self.titles:
            extra["titles"] = list(self.titles)
        return {"role": self.role, **extra} if extra else self.role


def as_role(value: Role | str | Mapping[str, Any]) -> Role:
    """A :class:`Role` from a Role, a phrase ("vice president") or a dict of its fields.

    Example:
        >>> as_role({"role": "Senator", "titles": ["Sen."]})
        Role(role='senator', start='', end='', titles=('Sen.',), note='')
    """
    if isinstance(value, Role):
        return value
    if isinstance(value, str):
        return Role(value)
    if isinstance(value, Mapping):
        unknown = set(value) - {"role", "start", "end", "titles", "note"}
        if unknown:
            raise ParameterError(f"role {dict(value)!r}: unknown field(s) {sorted(unknown)}; valid: role, start, "
                                 "end, titles, note")  # fmt: skip
        return Role(**value)
    raise ParameterError(f"role {value!r}; valid: a phrase, a dict with 'role', or a newslab.Role")


def _table_roles(rows: Iterable[Mapping[str, str]]) -> tuple[Role, ...]:
    return tuple(
        Role(r["role"], (r.get("from") or "").strip(), (r.get("to") or "").strip(),
             tuple(t for t in (r.get("titles") or "").split("|") if t.strip()), (r.get("note") or "").strip())
        for r in rows if (r.get("role") or "").strip()
    )  # fmt: skip


@functools.cache
def packaged_roles(name: str = "roles") -> Mapping[str, tuple[Role, ...]]:
    """Roles of the packaged roles table by holder ("" = offices no packaged target holds).

    Example:
        >>> [r.role for r in packaged_roles()[""]][:3]
        ['attorney general', 'chancellor', 'chief of staff']
    """
    by_target: dict[str, list[Mapping[str, str]]] = {}
    for row in load_table(name):
        by_target.setdefault((row.get("target") or "").strip().lower(), []).append(row)
    return MappingProxyType({k: _table_roles(v) for k, v in by_target.items()})


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
        roles: Roles the target holds (:class:`Role`, a phrase or a dict): a role description
            ("the president") links to the target only when it holds the role on the article's
            date, and nobody else was named with that role before it (see ``roles.tsv``).

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
    roles: Sequence[Role] = ()  # also accepts phrases and dicts (see as_role)

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
        roles: Any = self.roles
        setter(
            "roles",
            tuple(dict.fromkeys(as_role(r) for r in ((roles,) if isinstance(roles, (str, Role, Mapping)) else roles))),
        )
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
    def person(
        cls,
        name: str,
        *,
        aliases: Iterable[str] = (),
        pronouns: str | None = None,
        roles: Iterable[Role | str | Mapping[str, Any]] = (),
        **fields: Any,
    ) -> Target:
        """A person: the full name, the surname as an alias, and pronouns when you say which.

        Args:
            name: Full name ("Chuck Schumer"); also the display name.
            aliases: More names ("Charles Schumer"); the surname is added for a two-or-more-word name.
            pronouns: "he" (he/him/his/himself), "she", "they", or ``None`` (unknown: none searched).
            roles: Roles the person holds ("senator", "majority leader", or :class:`Role` with dates).
            **fields: Other :class:`Target` fields (``heads``, ``epithets``, ...).

        Example:
            >>> schumer = Target.person("Chuck Schumer", pronouns="he", roles=["majority leader"])
            >>> schumer.aliases, schumer.pronouns[:3], schumer.searched_kinds()
            (('Chuck Schumer', 'Schumer'), ('he', 'him', 'his'), ['names', 'descriptions', 'pronouns'])
        """
        if pronouns is not None and pronouns not in PERSON_PRONOUNS:
            raise ParameterError(f"pronouns={pronouns!r}; valid: {sorted(PERSON_PRONOUNS)} or None (unknown)")
        words = name.split()
        surname = [words[-1]] if len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2 else []
        names = tuple(dict.fromkeys((name.strip(), *_tuple(aliases), *surname)))
        chosen = PERSON_PRONOUNS[pronouns] if pronouns is not None else ()
        return cls(
            name.strip(), aliases=names, kind="person", pronouns=chosen, roles=tuple(map(as_role, roles)), **fields
        )

    @classmethod
    def organization(
        cls,
        name: str,
        *,
        aliases: Iterable[str] = (),
        heads: Iterable[str] = (),
        pronouns: Iterable[str] | None = None,
        **fields: Any,
    ) -> Target:
        """An organization: its names, it/its/itself as pronouns, and descriptions only when given.

        Args:
            name: Display name and first alias ("EU").
            aliases: More names ("European Union").
            heads: Role nouns that describe it after "the"/"its" ("bloc", "union"); none by default,
                because "the organization" or "the bloc" may mean another one.
            pronouns: Default it/its/itself; pass ``["it", "its", "they", "their"]`` to add plural use.
            **fields: Other :class:`Target` fields.

        Example:
            >>> eu = Target.organization("EU", aliases=["European Union"], heads=["bloc"])
            >>> eu.aliases, eu.pronouns, eu.searched_kinds()
            (('EU', 'European Union'), ('it', 'its', 'itself'), ['names', 'descriptions', 'pronouns'])
        """
        names = tuple(dict.fromkeys((name.strip(), *_tuple(aliases))))
        chosen = None if pronouns is None else tuple(pronouns)
        return cls(name.strip(), aliases=names, heads=tuple(heads), kind="organization", pronouns=chosen, **fields)

    def searched_kinds(self) -> list[str]:
        """Kinds of mention searched for this target: "names", "descriptions", "pronouns".

        Descriptions are searched when the target has epithets, heads, patterns or roles, and for
        every person (a title the article gives the person, "Sen. Chuck Schumer", makes "the
        senator" a description of them). See :meth:`search_notes` for the words.

        Example:
            >>> Target("EU").searched_kinds(), TRUMP.searched_kinds()
            (['names'], ['names', 'descriptions', 'pronouns'])
        """
        kinds = ["names"]
        if self.epithets or self.heads or self.patterns or self.roles or self.kind == "person":
            kinds.append("descriptions")
        if self.pronouns:
            kinds.append("pronouns")
        return kinds

    def search_notes(self) -> dict[str, str]:
        """Per kind of mention, what is searched (or why nothing is), for a report.

        Example:
            >>> Target.person("Chuck Schumer").search_notes()["pronouns"]
            'none: no pronouns given (Target.person(..., pronouns="he"|"she"|"they"))'
        """
        roles = sorted({r.role for r in self.roles})
        descriptions = [*(f"“{e}”" for e in self.epithets), *(f"the … {h}" for h in self.heads)]
        if roles:
            descriptions.append("roles: " + ", ".join(roles))
        if self.patterns:
            descriptions.append(f"{len(self.patterns)} pattern(s)")
        if self.kind == "person":
            descriptions.append("roles the article names the person with (“Sen. X” → “the senator”)")
        hint = {
            "person": 'Target.person(..., pronouns="he"|"she"|"they")',
            "organization": "Target.organization(...) gives it/its/itself",
        }.get(self.kind, "pronouns=[...]")
        return {
            "names": ", ".join(self.aliases),
            "descriptions": "; ".join(descriptions) if descriptions else "none: no epithets, heads or roles given",
            "pronouns": ", ".join(self.pronouns) if self.pronouns else f"none: no pronouns given ({hint})",
        }

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
        target = _target_from_rows(rows, f"table {table!r}")
        roles = packaged_roles().get(name.lower(), ()) if table == "targets" else ()
        return dataclasses.replace(target, roles=roles) if roles else target

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
            if field.name == "roles":
                value = [r.to_spec() for r in value]
            spec[field.name] = list(value) if isinstance(value, tuple) else value
        return spec

    def extend(self, **terms: Any) -> Target:
        """A copy with more terms, e.g. ``TRUMP.extend(heads=["mogul"])``.

        Example:
            >>> "bloc" in NATO.extend(heads=["bloc", "club"]).heads
            True
        """
        bad = set(terms) - set(_LIST_FIELDS)
        if bad:
            raise ParameterError(f"unknown term list(s) {sorted(bad)}; valid: {list(_LIST_FIELDS)}")
        changes: dict[str, Any] = {}
        for k, v in terms.items():
            new: tuple[Any, ...] = (v,) if isinstance(v, (str, Role, Mapping)) else tuple(v)
            old = tuple(getattr(self, k) or ())
            if k == "roles":
                new = tuple(as_role(r) for r in new)
            changes[k] = tuple(dict.fromkeys((*old, *new)))
        return dataclasses.replace(self, **changes)

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
        return frozenset(w.lower() for w in (*self.heads, *self.modifiers)) | TITLE_WORDS | _target_title_words(self)


_SPEC_FIELDS = ("aliases", "epithets", "heads", "modifiers", "patterns", "exclude", "kind", "pronouns", "roles")
_LIST_FIELDS = ("aliases", "epithets", "heads", "modifiers", "patterns", "exclude", "pronouns", "roles")
_TABLE_KINDS = {
    "name": "aliases",
    "epithet": "epithets",
    "head": "heads",
    "modifier": "modifiers",
    "pattern": "patterns",
    "exclude": "exclude",
    "type": "kind",
    "pronoun": "pronouns",
    "role": "roles",
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


def merge_targets(
    targets: Iterable[Target], *, builtins: Iterable[Target] = DEFAULT_TARGETS
) -> tuple[tuple[Target, ...], tuple[str, ...]]:
    """Targets with a built-in's name extend the built-in instead of replacing it; and what was done.

    A user target named like a packaged one ("Trump", case-insensitive) keeps everything the
    packaged target searches (names, descriptions, roles, pronouns) and adds the user's terms; two
    user targets of the same name are merged the same way. Other targets are returned as given.

    Args:
        targets: The user's targets (e.g. ``Target("Trump", aliases=["Trump", "Donald Trump"])`` from
            ``--target Trump --alias "Donald Trump"``).
        builtins: The targets to extend (default ``(TRUMP, NATO)``).

    Returns:
        ``(targets, notes)``: the merged targets in the user's order, and one sentence per
        extension, for the command line or report to show.

    Example:
        >>> merged, notes = merge_targets([Target("Trump", aliases=["Trump", "The Donald"])])
        >>> merged[0].heads == TRUMP.heads, "The Donald" in merged[0].aliases
        (True, True)
        >>> notes[0]  # doctest: +ELLIPSIS
        "target 'Trump' extends the built-in target (added names: 'The Donald'); its descriptions, ... are kept"
    """
    packaged = {t.name.lower(): t for t in builtins}
    merged: dict[str, Target] = {}
    notes = []
    for target in as_targets(tuple(targets)):
        key = target.name.lower()
        base = merged.get(key) or packaged.get(key)
        if base is None:
            merged[key] = target
            continue
        extended = base.extend(
            **{f: getattr(target, f) for f in _LIST_FIELDS if f != "pronouns" and getattr(target, f)}
        )
        if target.pronouns and target.pronouns != base.pronouns:
            extended = extended.extend(pronouns=target.pronouns)
        added = [a for a in extended.aliases if a not in base.aliases]
        what = f"added names: {', '.join(map(repr, added))}" if added else "no new names"
        source = "the built-in target" if key in packaged and key not in merged else "the earlier target of that name"
        notes.append(f"target {base.name!r} extends {source} ({what}); its descriptions, roles and pronouns are kept")
        merged[key] = extended
    return tuple(merged.values()), tuple(notes)


def targets_from_spec(spec: Mapping[str, Any] | None, *, notes: list[str] | None = None) -> tuple[Target, ...]:
    """Targets from a plain mapping, as a report parameter or a JSON file gives them.

    Each key is a target's name. Its value is a list of aliases, or a dict of :class:`Target`
    fields (``aliases``, ``epithets``, ``heads``, ``modifiers``, ``patterns``, ``exclude``,
    ``kind``, ``pronouns``, ``roles``). An empty value for a packaged target's name ("Trump",
    "NATO") gives the packaged target with all its descriptions; a list or dict for it extends
    the packaged target (see :func:`merge_targets`) unless the dict has ``"replace": true``.
    An empty or missing mapping gives ``()``; the caller picks the default. ``notes``, when
    given, receives one sentence per extended target (log them or show them to the user).

    Raises:
        ParameterError: For a value that is neither a list nor a dict, or unknown fields.

    Example:
        >>> [t.name for t in targets_from_spec({"Trump": [], "EU": {"aliases": ["EU"], "heads": ["bloc"]}})]
        ['Trump', 'EU']
        >>> targets_from_spec({"Trump": []})[0] is TRUMP
        True
        >>> "tycoon" in targets_from_spec({"Trump": ["Donald Trump"]})[0].heads  # extends, not replaces
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
            unknown = sorted(set(value) - {*_SPEC_FIELDS, "replace"})
            if unknown:
                raise ParameterError(f"target {name!r}: unknown field(s) {unknown}; valid: {list(_SPEC_FIELDS)}")
            fields = {k: v for k, v in value.items() if k != "replace"}
            for field, terms in fields.items():
                strings = isinstance(terms, str) or (
                    isinstance(terms, (list, tuple)) and all(isinstance(t, str) for t in terms)
                )
                if not strings and not (field == "pronouns" and terms is None) and field != "roles":
                    kind = type(terms).__name__
                    raise ParameterError(
                        f"target {name!r}: {field}={terms!r:.60} ({kind}); give a string or a list of strings"
                    )
            fields.setdefault("aliases", [name])
            target = Target(name, **fields)
            result.append(target if value.get("replace") else _merged(target, packaged, notes))
        elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            result.append(_merged(Target(name, aliases=[name, *[v for v in value if v != name]]), packaged, notes))
        else:
            raise ParameterError(
                f"target {name!r}: expected a list of aliases or a dict of fields, got {type(value).__name__}"
            )
    return tuple(result)


def _merged(target: Target, packaged: Mapping[str, Target], notes: list[str] | None) -> Target:
    """``target`` extending the packaged target of its name (if any), with the note logged and collected."""
    if target.name.lower() not in packaged:
        return target
    (merged,), said = merge_targets([target], builtins=[packaged[target.name.lower()]])
    for note in said:
        logger.info("%s", note)
        if notes is not None:
            notes.append(note)
    return merged


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
    return re.compile(rf"\s*({_WORD}|[^\s\w])").match(text, pos)


def _target_title_words(target: Target) -> frozenset[str]:
    """Lowercase words of the titles of a target's roles ("President", "Former President")."""
    return frozenset(w.lower() for r in target.roles for t in r.titles for w in t.split()) - stopwords()


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
        re.compile(rf"{name},\s+(?:the|a|an)\s+(?:[\w.-]+\s+){{0,2}}?(?P<role>(?i:{by_phrase}))(?![\w-])"),
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
        for m in target._head_re.finditer(text):
            span = _head_span(target, text, m)
            head = m.group("head")
            if span is None:
                continue
            if head.lower() not in others:
                others[head.lower()] = _OtherNames(target, text, head)
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


def _line_is_title_case(text: str, start: int) -> bool:
    """Whether the line around ``start`` is a headline in Title Case ("Trump Caves To Democrats")."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
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
    heads = {h.lower() for h in target.heads} | _target_title_words(target)
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
        inside = any(m.start <= t.start < m.end for m in mentions)
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
    added: list[Mention] = []
    for quote in quotes:
        if not quote.speaker.strip():
            continue
        speaker_words = set(quote.speaker.split())
        para_start = article.text.rfind("\n", 0, quote.start) + 1
        first = max(article.sentence_of(para_start), article.sentence_of(quote.start) - QUOTE_LOOKBACK)
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
            since = article.sentences[article.sentence_of(ante.start)].start
            person = all(t.kind == "person" for t in candidates)
            if _other_names(article, before, since, tok.start, skip=speaker_words, the=not person):
                continue  # somebody else is named nearby: ambiguous
            label = ante.antecedent or article.text[ante.start : ante.end]
            rule = "pronoun:in-quote"
            new = Mention(ante.target, tok.start, tok.end, "pronoun", rule, CONFIDENCE[rule], label)
            added.append(new)
            bisect.insort(pool, new, key=lambda m: m.start)  # later pronouns may chain on this one
    return added


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
            found += [d for d in descs if not any(_overlaps(d, x) for x in excluded)]
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
        >>> art = Article("x", "", "Rutte praised Trump. “He made us pay,” Rutte said.")
        >>> quote = QuoteSpan(22, 36, "Rutte")
        >>> found = apply_quotes(art, article_mentions(art, DEFAULT_TARGETS), DEFAULT_TARGETS, [quote])
        >>> [(art.text[m.start : m.end], m.rule) for m in found]
        [('Trump', 'name'), ('He', 'pronoun:in-quote')]
    """
    doc = parse(article)
    kept = [
        m for m in mentions
        if not (m.kind == "pronoun" and any(q.start <= m.start < q.end and speaks_as(q.speaker, m.target)
                                            for q in quotes))
    ]  # fmt: skip
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
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Which labels each article uses for each target, and how often.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        targets: Target objects; default ``(TRUMP, NATO)``.
        kinds: Mention kinds to count (any of "name", "description", "pronoun").
        wide: Return one row per target x kind x label with one count column per article
            (the side-by-side labeling table) instead of the long table.
        mentions: The mentions to count (e.g. ``analysis.mentions``); ``None`` finds them.

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
    df = find_mentions(articles, targets, pronouns="pronoun" in kinds) if mentions is None else mentions
    if targets is not None and mentions is not None:
        df = df[df["target"].isin([t.name for t in as_targets(targets)])]
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
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word, phrase or target with its surroundings.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        query: A word or phrase (matched at word boundaries) or a Target (its mentions).
        window: Characters of context on each side (cut at word boundaries, within the paragraph).
        ignore_case: Case-insensitive matching of a string query.
        kinds: For a Target query, the mention kinds to show.
        mentions: For a Target, the mentions to show (e.g. ``analysis.mentions``); ``None`` finds them.

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
        df = find_mentions(articles, query) if mentions is None else mentions[mentions["target"] == query.name]
        df = df[df["kind"].isin(tuple(kinds))]
        by_id = {a.id: a for a in articles}
        hits = [(by_id[a], s, e) for a, s, e in zip(df["article_id"], df["start"], df["end"], strict=True)]
    elif isinstance(query, str) and query.strip():
        rx = re.compile(rf"(?<!\w){re.escape(query.strip())}(?!\w)", re.IGNORECASE if ignore_case else 0)
        hits = [(a, m.start(), m.end()) for a in articles for m in rx.finditer(a.text)]
    else:
        raise ParameterError(f"query={query!r}; valid: a non-empty string or a Target")
    rows = []
    docs: dict[str, Document] = {}
    for art, s, e in hits:
        doc = docs.get(art.id) or docs.setdefault(art.id, parse(art))
        text = art.text
        lo = max(text.rfind("\n", 0, s) + 1, s - window)
        hi = min(len(text) if text.find("\n", e) < 0 else text.find("\n", e), e + window)
        left, right = text[lo:s], text[e:hi]
        if lo > text.rfind("\n", 0, s) + 1 and " " in left:
            left = left[left.index(" ") :]
        if hi < len(text) and " " in right:
            right = right[: right.rindex(" ")]
        rows.append((art.id, doc.sentence_of(s), left, text[s:e], right, s, e))
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
    "Mention",
    "QuoteSpan",
    "Role",
    "Target",
    "apply_quotes",
    "article_mentions",
    "as_articles",
    "as_role",
    "as_targets",
    "evaluate_mentions",
    "find_mentions",
    "kwic",
    "labels",
    "mention_rows",
    "merge_targets",
    "normalize_label",
    "packaged_roles",
    "quote_pronouns",
    "speaks_as",
    "word_tags",
]
