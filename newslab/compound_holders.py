"""Holders named inside a compound: "media criticism", "voter anger", "GOP criticism" (issue 23).

An attitude noun right after a group noun, with nothing between them, is that group's attitude:
"after media criticism that the Trump administration …" is the media's criticism of the
administration. The group nouns are a short hand list (``compound_holders.GROUPS`` in
``rule_words.tsv``): nouns that in such a compound name who holds the attitude, not its object. A
possessive before the compound names the holder instead ("Trump's media criticism" is Trump's).

Example:
    >>> text = "His remarks come after media criticism that the plan failed."
    >>> compound_holder(text, 0, text.index("criticism"))
    Actor(label='media', start=23, end=28, target=None, member_of=None)
    >>> compound_holder("Trump’s media criticism grew.", 0, 14) is None
    True
"""

from __future__ import annotations

import re

from newslab.actors import Actor
from newslab.lexicons import rule_words

#: Group nouns that hold the attitude noun after them ("media criticism", "voter anger").
GROUPS = frozenset(rule_words("compound_holders.GROUPS"))
_BEFORE = re.compile(r"(?P<poss>[’']s\s+)?(?P<word>[\w-]+)\s+$")


def compound_holder(text: str, sent_start: int, cue_start: int) -> Actor | None:
    """The group noun right before an attitude noun at ``cue_start``, or ``None`` (rule "compound holder")."""
    found = _BEFORE.search(text, sent_start, cue_start)
    if found is None or found.group("poss") or found.group("word").lower() not in GROUPS:
        return None
    return Actor(found.group("word"), found.start("word"), found.end("word"))


__all__ = ["GROUPS", "compound_holder"]
