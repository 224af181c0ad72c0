"""Rule "role:undated": who holds an office in an article without a date, from what the article itself says.

Without a date, a role of a target with terms ("the president": Trump 2017-2021 and from 2025) would
count as held. The article can say otherwise (branch ``mfix`` of issue 23): it names the target as a
former or future holder ("former President Trump", "President-elect Trump") or as a candidate
("presumptive Republican nominee Donald Trump"), or another US holder as the sitting one ("President
Obama", before or after the description). Titling the target itself with the role ("President Trump")
anywhere in the article settles it the other way. Lists: ``descriptions.US_PRESIDENTS`` and
``descriptions.CANDIDACY_TITLES`` in ``data/rule_words.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from newslab.lexicons import rule_word_values, rule_words
from newslab.targets import Target

#: Surnames of other US presidents -> "US": "President Obama" in an undated article is the sitting US president.
US_PRESIDENTS = dict(rule_word_values("descriptions.US_PRESIDENTS"))
#: Words right before a target's name that make it a candidate, not a holder ("presumptive nominee Donald Trump").
CANDIDACY_TITLES = frozenset(rule_words("descriptions.CANDIDACY_TITLES"))
CANDIDACY_CHARS = 20  # characters before a name read for its candidacy title ("front-runner " and a margin)
_LAST_WORD_BEFORE = re.compile(r"([A-Za-z-]+)\s+$").search
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def candidacy(target: Target, text: str) -> str:
    """Why the article names the target as a candidate ("undated: nominee Donald Trump"); "" when it does not."""
    for m in target._name_re.finditer(text):
        before = _LAST_WORD_BEFORE(text, max(0, m.start() - CANDIDACY_CHARS), m.start())
        if before is not None and before.group(1).lower() in CANDIDACY_TITLES:
            return f"undated: {before.group(1)} {m.group()}"
    return ""


def undated_era(target: Target, role: str, date: str, events: Sequence[Any], candidate: str) -> str:
    """Why an undated article's "the <role>" is not ``target`` ("" when it may be, or the article has a date).

    Args:
        target: The target a role description would be credited to.
        role: The description's role ("president").
        date: The article's date ("" or not ISO: undated).
        events: The article's role events (``role``, ``name``, ``country``, ``time_word``), in text order.
        candidate: :func:`candidacy` of the target in the article.

    Example:
        >>> from types import SimpleNamespace as E
        >>> from newslab.targets import TRUMP
        >>> obama = E(role="president", name="Obama", country="", time_word="")  # "President Obama"
        >>> undated_era(TRUMP, "president", "", [obama], "")
        'undated: President Obama'
        >>> undated_era(TRUMP, "president", "2018-01-01", [obama], "")
        ''
    """
    terms = [r for r in target.roles if r.role == role]
    if ISO_DATE.fullmatch(date[:10]) or not terms or not all(r.start for r in terms):
        return ""  # dated, or a role without terms ("the candidate", "the leader"): nothing to decide
    countries = {r.country for r in terms}
    reason = "" if role in CANDIDACY_TITLES else candidate  # "presumptive nominee Trump" is the nominee
    for e in events:
        own = bool(target._name_re.search(e.name))
        if own and e.role == role and not e.time_word:
            return ""  # "President Trump": the article's own era is the target's term
        if own and (e.role == f"{role}-elect" or e.role == f"former {role}" or (e.role == role and e.time_word)):
            reason = reason or f"undated: {e.time_word or e.role} {e.name}"  # "former President Trump"
        elif not own and e.role == role and not e.time_word and not reason:
            surname = e.name.split()[-1] if e.name else ""
            if (e.country or US_PRESIDENTS.get(surname, "")) in countries:
                reason = f"undated: President {e.name}"  # another US holder titled as the sitting one
    return reason
