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

import dataclasses
import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from newslab.errors import LexiconError, ParameterError
from newslab.lexicons import load_table, rule_words, stopwords
from newslab.names import WORD_PATTERN, caseless_word_start_alternation, compile_caseless, word_start_alternation
from newslab.roles import PERSON_PRONOUNS, Role, as_role, as_tuple, packaged_roles
from newslab.safe_regex import unsafe_pattern_message
from newslab.target_names import check_distinct, check_term, target_key, term_strings, weak_term

if TYPE_CHECKING:
    pass

logger = logging.getLogger(__name__)

ENTITY_KINDS = ("person", "organization", "place", "other")

#: Pronouns by entity kind when a target gives none (persons: none, their pronouns are personal).
DEFAULT_PRONOUNS = {"organization": ("it", "its", "itself")}
#: Words that may stand before a head in a title ("former US President Donald Trump").
TITLE_WORDS = frozenset(rule_words("targets.TITLE_WORDS"))


def role_title_words(target: Target) -> frozenset[str]:
    """Lowercase words of the titles of a target's roles ("President", "Former President")."""
    return frozenset(w.lower() for r in target.roles for t in r.titles for w in t.split()) - stopwords()


def first_letter_alternation(words: Iterable[str]) -> str:
    """``(?:w1|w2|...)`` with the words grouped under their first letter: ``(?:a(?:bout|fter|)|b(?:y|ut))``.

    sre tries an alternation's branches one by one; grouped, a position tries only the words of its
    first letter. The words keep their order within a group, and a group is not atomic (a following
    ``\\b`` that fails backtracks into it), so inside a lookahead the result is the same.

    Example:
        >>> first_letter_alternation(["about", "a", "by", "after"])
        '(?:a(?:bout||fter)|b(?:y))'
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1], []).append(w[1:])
    return "(?:" + "|".join(f"{re.escape(c)}(?:{'|'.join(map(re.escape, rests))})" for c, rests in groups.items()) + ")"


#: = (?<![\w-])(?:[Tt]he|[Ii]ts|[Tt]his): the determiners of a head description, scanned only at their first letters.
_DETERMINERS = word_start_alternation(w for d in ("the", "its", "this") for w in (d.capitalize(), d))


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
            raise ParameterError(
                f"Target name must be a non-empty string, got {self.name!r}; give the name to show in the tables, "
                "e.g. nl.Target('EU', aliases=['EU', 'European Union'])"
            )
        if self.kind not in ENTITY_KINDS:
            raise ParameterError(f"kind={self.kind!r}; valid: {list(ENTITY_KINDS)}")
        setter = functools.partial(object.__setattr__, self)
        setter("name", unicodedata.normalize("NFC", self.name.strip()))  # articles are NFC on load
        for field in ("aliases", "epithets", "heads", "modifiers", "patterns", "exclude"):
            setter(field, tuple(t.strip() for t in term_strings(self.name, field, getattr(self, field)) if t.strip()))
        if not self.aliases:
            setter("aliases", (self.name,))
        for field in ("aliases", "epithets", "heads"):
            for term in getattr(self, field):
                check_term(self.name, field, term)
        setter("epithets", tuple(e.lower() for e in self.epithets))
        pronouns = DEFAULT_PRONOUNS.get(self.kind, ()) if self.pronouns is None else as_tuple(self.pronouns)
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
        names = tuple(dict.fromkeys((name.strip(), *as_tuple(aliases), *surname)))
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
        names = tuple(dict.fromkeys((name.strip(), *as_tuple(aliases))))
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
        target = target_from_rows(rows, f"table {table!r}")
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
        forms |= {unicodedata.normalize("NFD", f) for f in forms}  # an Article built by hand may be decomposed
        # = (?<![\w-])(?:alias|...)(?![\w-]), written so the engine scans only at the aliases' first letters
        alternatives = word_start_alternation(sorted(forms, key=len, reverse=True))
        return re.compile(rf"{alternatives}(?![\w-])")

    @functools.cached_property
    def _epithet_re(self) -> re.Pattern[str] | None:
        if not self.epithets:
            return None
        # = (?<![\w-])(?:epithet|...)(?![\w-]) under re.IGNORECASE, scanned only at the epithets' first letters
        alternatives = caseless_word_start_alternation(sorted(self.epithets, key=len, reverse=True))
        return re.compile(rf"{alternatives}(?![\w-])")

    @functools.cached_property
    def _head_re(self) -> re.Pattern[str] | None:
        if not self.heads:
            return None
        heads = sorted(self.heads, key=len, reverse=True)
        alternatives = "|".join(re.escape(h) if h[0].isupper() else f"(?i:{re.escape(h)})" for h in heads)
        stop = first_letter_alternation(w for w in sorted(stopwords(), key=len, reverse=True) if w.isalpha())
        modifier = rf"(?!{stop}\b){WORD_PATTERN}"
        return re.compile(
            rf"(?P<det>{_DETERMINERS})\s+(?P<mods>(?:{modifier}\s+){{0,3}})(?P<head>{alternatives})(?![\w-])"
        )

    @functools.cached_property
    def _pattern_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_caseless(p) for p in self.patterns)  # = re.compile(p, re.IGNORECASE)

    @functools.cached_property
    def _exclude_res(self) -> tuple[re.Pattern[str], ...]:
        return tuple(compile_caseless(p) for p in self.exclude)  # = re.compile(p, re.IGNORECASE)

    @functools.cached_property
    def _title_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in (*self.heads, *self.modifiers)) | TITLE_WORDS | role_title_words(self)

    @functools.cached_property
    def _lower_heads(self) -> frozenset[str]:
        """Its heads, lowercased (built once per target, not per description)."""
        return frozenset(h.lower() for h in self.heads)

    @functools.cached_property
    def _head_words(self) -> frozenset[str]:
        """Its heads and its roles' title words, lowercased: a title before its name needs one of them."""
        return self._lower_heads | role_title_words(self)


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


def target_from_rows(rows: Sequence[Mapping[str, str]], where: str) -> Target:
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
    check_distinct(t.name for t in result)
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
    check_distinct((n for n in spec if isinstance(n, str)), where="target names")
    result = []
    for name, value in spec.items():
        if not isinstance(name, str) or not name.strip():
            raise ParameterError(f"target names must be non-empty strings, got {name!r}")
        terms = value.items() if isinstance(value, Mapping) else [("aliases", value)]
        for field, given in terms:
            if isinstance(given, (list, tuple)) and any(isinstance(t, str) and not t.strip() for t in given):
                raise ParameterError(  # like a targets row without a term: never dropped silently
                    f"target {name!r}: {field} has an empty entry; fill it with a name the articles use or delete it"
                )
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


__all__ = [
    "DEFAULT_PRONOUNS",
    "DEFAULT_TARGETS",
    "ENTITY_KINDS",
    "NATO",
    "TRUMP",
    "Role",
    "Target",
    "as_role",
    "as_targets",
    "check_distinct",
    "merge_targets",
    "packaged_roles",
    "role_title_words",
    "target_key",
    "targets_from_spec",
    "weak_term",
]
