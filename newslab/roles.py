"""Roles a target holds (offices with their dates and titles), and the packaged roles table.

A :class:`Role` is an office a target holds ("president", from/to dates, titles such as
"President"); a role description ("the president") links to a target only when it holds the
role (``data/roles.tsv``, ``Target(roles=...)``). :mod:`newslab.targets` builds targets with them.

Example:
    >>> as_role("majority leader").role
    'majority leader'
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from newslab.errors import ParameterError
from newslab.lexicons import load_table, rule_word_values


def as_tuple(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """One string or several as a tuple of strings (``None``: empty)."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


#: Pronouns by the choice given to :meth:`Target.person` (``None``: unknown, no pronouns searched).
PERSON_PRONOUNS = {
    choice: tuple(w for w, c in rule_word_values("roles.PERSON_PRONOUNS").items() if c == choice)
    for choice in ("he", "she", "they")
}


@dataclasses.dataclass(frozen=True)
class Role:
    """A role (office, position) that a target holds, optionally for a term.

    Attributes:
        role: Lowercase phrase as it follows "the" ("president", "majority leader").
        start: First day held, ISO date ("" = open).
        end: Last day held, ISO date ("" = open).
        titles: Capitalized forms used before a name ("President", "Sen.").
        note: Free text (the source, why).
        country: The country whose office it is ("US"; "" = not stated), matched against a national
            modifier in a description ("the US president", "the American president").

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
    country: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.role, str) or not self.role.strip():
            raise ParameterError(f"Role needs a non-empty role phrase, got {self.role!r}")
        object.__setattr__(self, "role", " ".join(self.role.lower().split()))
        object.__setattr__(self, "titles", as_tuple(self.titles))
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
        fields = (("start", self.start), ("end", self.end), ("note", self.note), ("country", self.country))
        extra: dict[str, Any] = {k: v for k, v in fields if v}
        if self.titles:
            extra["titles"] = list(self.titles)
        return {"role": self.role, **extra} if extra else self.role


def as_role(value: Role | str | Mapping[str, Any]) -> Role:
    """A :class:`Role` from a Role, a phrase ("vice president") or a dict of its fields.

    Example:
        >>> as_role({"role": "Senator", "titles": ["Sen."]})
        Role(role='senator', start='', end='', titles=('Sen.',), note='', country='')
    """
    if isinstance(value, Role):
        return value
    if isinstance(value, str):
        return Role(value)
    if isinstance(value, Mapping):
        unknown = set(value) - {"role", "start", "end", "titles", "note", "country"}
        if unknown:
            raise ParameterError(f"role {dict(value)!r}: unknown field(s) {sorted(unknown)}; valid: role, start, "
                                 "end, titles, note, country")  # fmt: skip
        return Role(**value)
    raise ParameterError(f"role {value!r}; valid: a phrase, a dict with 'role', or a newslab.Role")


def _table_roles(rows: Iterable[Mapping[str, str]]) -> tuple[Role, ...]:
    return tuple(
        Role(r["role"], (r.get("from") or "").strip(), (r.get("to") or "").strip(),
             tuple(t for t in (r.get("titles") or "").split("|") if t.strip()), (r.get("note") or "").strip(),
             (r.get("country") or "").strip())
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


__all__ = ["PERSON_PRONOUNS", "Role", "as_role", "as_tuple", "packaged_roles"]
