"""The quote record the rules fill in, and the headline test every quote rule uses.

:class:`Quote` is one quote as the rules found it (a row of :func:`newslab.find_quotes`); :func:`is_headline` tells
a headline line ("Trump Caves To Democrats"), where no attribution is read. Moved out of :mod:`newslab.attribution`
unchanged (branch ``at11``, to keep that module under 600 lines); :mod:`newslab.attribution` re-exports both, so
``from newslab.attribution import Quote`` still works.
"""

from __future__ import annotations

import dataclasses

from newslab.document import Sentence

#: A line without closing punctuation is a headline when at least this share of its words is capitalized
#: ("Trump Caves To Democrats"; newslab choice, by hand: title case leaves only short function words low).
HEADLINE_CAPITALS = 0.6


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


def is_headline(sentence: Sentence) -> bool:
    """A line without closing punctuation whose words are mostly capitalized ("Trump Caves To Democrats")."""
    end = sentence.text.rstrip()
    # an empty or blank text ends in "" (which ``in`` finds in any string): no words, no headline
    if end[-1:] in '.!?”"' or (end[-1:] in "’'" and end[-2:-1] in ".!?,"):
        return False  # a British quote's close after its stop ("…: ‘GOD BLESS AMERICA!’") ends a sentence too
    words = sentence.text.split()
    return sum(w[:1].isupper() for w in words) >= HEADLINE_CAPITALS * len(words)
