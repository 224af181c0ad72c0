"""Rule "bare-clause" (at11): a reported clause without "that", opened by a subject and an auxiliary.

"warned", "promised", "cautioned", "assured" take an addressee ("warned residents to stay", "promised voters a
wall"), so :mod:`newslab.reported_speech` read their speech only after "that" or an addressee with "to"/"of", and a
verb that is not ``bare`` in ``speech_verbs.tsv`` ("suggested", "noted", "added") only after a personal pronoun: a
participle after a quote and its clause ("‘…,’ he said, warning Ottawa would pay for it", "…, promising he would be
there too"; two misses of the spent multi-outlet ``heldout2`` part and the case issue 23's last judged draw names)
and "suggested the president would …" (one miss of the NewsMTSC attribution parts) gave no row. A clause opens
right after the verb when a subject (a personal pronoun, a capitalized name of at most three words, or "the" and at
most two lowercase words) is followed at once by an auxiliary or a modal ("Ottawa would", "he would", "the bill
was"); an addressee is never followed by one ("warned residents to", "promised voters a").
"""

from __future__ import annotations

import re

from newslab.attribution import SPACE
from newslab.cues import SpeechVerb

#: Verbs whose addressee always comes first ("told Fox News Smith has …": the capitalized run holds the addressee).
ADDRESSEE_FIRST = frozenset({"tell", "assure", "remind", "inform"})

#: Added to the row's rule when this rule read the clause (the evidence names it).
BARE_CLAUSE_NOTE = "bare-clause"

#: A subject and, at once, an auxiliary or a modal (the closed class of English finite auxiliaries, with their
#: negated forms): the clause a verb with an addressee reports without "that". Compiled once.
_SUBJECT_AUXILIARY = re.compile(
    rf"{SPACE}+(?P<clause>(?:he|she|they|we|I|it|[A-Z][\w’'.-]*(?:{SPACE}[A-Z][\w’'.-]*){{0,2}}"
    rf"|the{SPACE}[a-z][\w-]*(?:{SPACE}[a-z][\w-]*)?){SPACE}"
    r"(?:would|will|could|can|should|might|may|must|was|were|is|are|had|has|have|did|does)(?:n[’']t)?\b)"
)


def bare_clause(text: str, pos: int, end: int) -> int | None:
    """Where the clause that a verb with an addressee reports without "that" starts (right after ``pos``), or None.

    Example:
        >>> text = "he said, warning Madrid would pay for it"
        >>> text[bare_clause(text, len("he said, warning"), len(text)) :]
        'Madrid would pay for it'
        >>> bare_clause("he warned residents to stay", len("he warned"), 27) is None
        True
    """
    m = _SUBJECT_AUXILIARY.match(text, pos, end)
    return m.start("clause") if m is not None else None


def clause_after(text: str, pos: int, end: int, verb: SpeechVerb, form: str) -> int | None:
    """:func:`bare_clause` for the reporting verb ``verb`` written ``form``, where the rule applies; else None.

    Not after a verb whose addressee comes first (``ADDRESSEE_FIRST``), nor after a base form ("the robbery suspect
    John Doe will …": after a noun, a base form is a noun; one wrong row of the 1,000 rebuilt NewsMTSC articles).
    """
    if verb.lemma in ADDRESSEE_FIRST or form.lower() == verb.lemma:
        return None
    return bare_clause(text, pos, end)
