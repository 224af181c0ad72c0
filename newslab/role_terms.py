"""Checks of a role description's own words: an office rather than a holder, the end of a term.

Moved out of :mod:`newslab.descriptions` (branch mr9, to keep modules under 600 lines), unchanged.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from newslab.targets import Target

#: An ordinal word ("45th"): a time word of a description ("the 45th president" is whoever held it then).
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
#: Words before a role description that make it the office, not a person: "the contest to become the 45th president".
_TO_BECOME = re.compile(r"\bto\s+(?:become|be)\s+$")
OFFICE_CHARS = 12  # characters before a description read for "to become " / "to be "


def office_not_holder(text: str, start: int, words: Sequence[str]) -> bool:
    """Rule "role:office": the office, whoever will hold it, not a person.

    "The race to become the 45th president", "voters who want the next president to …", "whoever the
    next president is": not the target. "Trump became the 45th president" still counts, and so does
    "its next president" (the seed es-daily names the president-elect so): "next" counts after "the" only.
    """
    if words and words[0].lower() == "next" and text[start : start + 4].lower() == "the ":
        return True
    return bool(_TO_BECOME.search(text[max(0, start - OFFICE_CHARS) : start]))


#: Modifiers that make a role its holder at the end of a term ("the outgoing president").
OUTGOING = frozenset({"outgoing", "departing", "lame-duck"})
OUTGOING_DAYS = 80  # an election-to-inauguration stretch (early November to January 20), set by hand


def outgoing_holder(target: Target, role: str, words: Sequence[str], date: str) -> bool:
    """Rule "role:outgoing": "the outgoing president" is the target only in the last weeks of its term.

    True when the description has no such modifier; otherwise only with a date at most
    :data:`OUTGOING_DAYS` before the end of a term of the role the target held (no date: not the target).
    """
    if not any(w.lower() in OUTGOING for w in words) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date[:10]):
        return not any(w.lower() in OUTGOING for w in words)
    day = datetime.date.fromisoformat(date[:10])
    for r in target.roles:
        if r.role == role and r.end:
            end = datetime.date.fromisoformat(r.end)
            if end - datetime.timedelta(days=OUTGOING_DAYS) <= day <= end:
                return True
    return False
