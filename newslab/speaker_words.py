"""The words a speaker phrase is checked against: function words, time words, titles, party tags.

:func:`not_a_speaker` tells a phrase that is a date, a time, a party-state tag, an age or a bare title, never a
speaker. Moved out of :mod:`newslab.attribution` unchanged (branch ``at11``, to keep that module under 600 lines);
:mod:`newslab.attribution` imports every name, so ``from newslab.attribution import TITLES`` still works.
"""

from __future__ import annotations

import re

from newslab.lexicons import rule_words

#: Closed-class words that never belong to a speaker phrase.
FUNCTION_WORDS = frozenset(rule_words("attribution.FUNCTION_WORDS"))

#: Time words: a speaker phrase never ends in one ("Senate Thursday"), and one may sit between speaker and verb.
TIME_WORDS = frozenset(rule_words("attribution.TIME_WORDS"))

#: Party-state tags after a politician's name: R-S.C., D-N.Y., (R-Texas), I-Vt.
PARTY_TAG = re.compile(r"^\(?[RDI]-[A-Z][\w.]*\)?$")


#: Titles before a name; dropped when the speaker is resolved (Sen. Lindsey Graham -> Lindsey Graham).
TITLES = frozenset(rule_words("attribution.TITLES"))


def not_a_speaker(phrase: str) -> bool:
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
