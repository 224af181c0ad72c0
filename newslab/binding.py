"""Binding rules for pronouns: quotations, clauses, and who controls a pronoun (used by :mod:`newslab.coreference`).

:class:`Clauses` gives the token lookups the binding rules need (clause breaks, quotes, the speaker
pronoun after a quote). The round-6 rules of issue 23 (branch ``mr6``) leave a pronoun uncredited to a
target when the sentence binds it to someone else:

* :func:`reflexive_controller` (rule ``"reflexive controller"``): "Trump remains furious at Sessions
  for recusing himself": "himself" is the one blamed or praised *for* the act, not the clause's subject;
* :func:`possessor_of_named` (rule ``"principle C, possessive"``): "His lengthy criticism of Trump
  ended": a possessive pronoun whose own phrase names the target by name means someone else;
* :func:`gender_rival` (rule ``"gender rival"``, for head descriptions): "… her long-running claim …,
  though her campaign continued to defend the candidate's actions" is Clinton's, not Trump's;
* :func:`quoted_rival` (rule ``"rival in the quote"``): a pronoun inside a quotation whose antecedent
  stands outside it, after a person-like name inside the same quotation ("Sanders winning Wisconsin
  would give him …").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from newslab.cues import reporting_forms
from newslab.descriptions import word_tags
from newslab.document import Document, Tokens
from newslab.lexicons import rule_words
from newslab.mention_record import Mention
from newslab.people import office_phrases

_QUOTED = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|‘[^‘\n]*?’(?![a-z])")
#: Verbs after a closing quote whose subject pronoun is the quote's speaker ("…,” he said).
SPEECH_AFTER = frozenset(reporting_forms("after_quote"))  # the one reporting-verb list (data/speech_verbs.tsv)
#: Tokens that end a clause for the object-pronoun rule ("Trump attacked him": him is not Trump).
CLAUSE_BREAKS = frozenset(rule_words("coreference.CLAUSE_BREAKS"))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` inside quotation marks (curly, straight, and British single marks).

    Example:
        >>> text = "“We won,” he said. ‘Odd,’ Trump’s aide wrote."
        >>> [text[a:b] for a, b in quoted_spans(text)]
        ['“We won,”', '‘Odd,’']
    """
    return [m.span() for m in _QUOTED.finditer(text)]


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    i = bisect.bisect_right(spans, (offset, 10**12)) - 1
    return spans[i] if i >= 0 and spans[i][0] < offset < spans[i][1] else None


class Clauses:
    """Token lookups of one article for the binding rules (token starts found once, then bisect)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts = doc.tokens.starts  # the shared column (read only)
        self.quotes = quoted_spans(doc.text)

    def index(self, offset: int) -> int:
        """The index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def same_clause(self, start: int, end: int) -> bool:
        """Whether no clause break stands between offsets ``start`` and ``end`` of one sentence."""
        doc = self.doc
        if doc.sentence_of(start) != doc.sentence_of(end):
            return False
        i = self.index(start)
        starts, texts = doc.tokens.starts, doc.tokens.texts
        while i < len(starts) and starts[i] < end:
            if texts[i].lower() in CLAUSE_BREAKS:
                return False
            i += 1
        return True

    def speaker_pronoun(self, offset: int) -> bool:
        """Whether the token at ``offset`` is the subject right after a quote ("…,” he said)."""
        texts, i = self.doc.tokens.texts, self.index(offset)
        if i == 0 or i + 1 >= len(texts) or texts[i + 1].lower() not in SPEECH_AFTER:
            return False
        return texts[i - 1] in ("”", '"', "’", "'")

    def quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies inside quotation marks."""
        return _inside(self.quotes, offset) is not None


#: Prepositions that make the name before a gerund the one the gerund's act is blamed or praised on
#: ("attacked Sessions for recusing himself"). Hand choice: adjunct clauses ("after", "without",
#: "by") are controlled by the main subject instead ("Trump met Putin after defending himself").
CONTROL_PREPOSITIONS = frozenset({"for"})
_CONTROLLER = re.compile(r"(?<![\w.])([A-Z][a-z][\w’'-]*)\s+(\w+)\s+[a-z]+ing\b")


def reflexive_controller(text: str, after: int, reflexive: int, taken: Sequence[tuple[int, int]]) -> str:
    """The name that controls a reflexive in ``text[after:reflexive]`` ("" when none does).

    "President Trump remains furious at Sessions for recusing himself": a capitalized word (no target
    mention: ``taken`` are their sorted spans) followed by "for" and a gerund is who the reflexive means.
    """
    starts = [s for s, _ in taken]
    for m in _CONTROLLER.finditer(text, after, reflexive):
        if m.group(2).lower() not in CONTROL_PREPOSITIONS:
            continue
        i = bisect.bisect_right(starts, m.start(1)) - 1
        if i >= 0 and taken[i][1] > m.start(1):
            continue  # the target itself ("praised Trump for defending himself")
        return m.group(1)
    return ""


#: Words between a possessive pronoun and the preposition before the target's name: at most this
#: many, all lowercase ("His lengthy criticism of Trump"). Set by hand: a noun phrase's modifiers.
POSSESSIVE_PHRASE_WORDS = 3
#: Prepositions from the possessed noun to the target's name ("criticism of", "attack on").
POSSESSIVE_PREPOSITIONS = rule_words("binding.POSSESSIVE_PREPOSITIONS")
_POSSESSED = re.compile(
    rf"(?:\s+[a-z][\w’'-]*){{1,{POSSESSIVE_PHRASE_WORDS}}}?\s+(?:{'|'.join(POSSESSIVE_PREPOSITIONS)})\s+"
    r"(?:(?:President|Mr\.|the)\s+)?"
)


def possessor_of_named(text: str, pronoun_end: int, name_starts: Sequence[int]) -> bool:
    """Whether a possessive pronoun's own phrase runs into a name of its antecedent: principle C.

    "His lengthy criticism of Trump ended …": "His" cannot be Trump. ``name_starts`` are the sorted
    starts of the antecedent target's name mentions (a title before the name is allowed).

    Example:
        >>> text = "His criticism of Trump ended."
        >>> possessor_of_named(text, 3, [17]), possessor_of_named("His defense of his record.", 3, [])
        (True, False)
    """
    m = _POSSESSED.match(text, pronoun_end)
    if m is None:
        return False
    i = bisect.bisect_left(name_starts, m.start())
    return i < len(name_starts) and name_starts[i] <= m.end() and not text[m.end() : name_starts[i]].strip(" .")


#: Tags of a verb after a name inside a quotation that make the name a person acting ("Sanders winning").
_ACTING_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD", "VBG"})


def quoted_rival(tokens: Tokens, i: int, quote: tuple[int, int], taken: Sequence[tuple[int, int]]) -> str:
    """A person-like name inside the pronoun's quotation, before the pronoun ("" when none).

    Called for a pronoun (token ``i``) inside ``quote`` whose antecedent stands outside it. A
    capitalized word there (no target mention, not the quotation's first word unless a verb follows,
    not in capitals) followed by a finite verb or a gerund is someone the quote talks about: "Sanders
    winning Wisconsin would give him fresh momentum" is not Trump's "him".
    """
    tags = word_tags()
    starts = [s for s, _ in taken]
    texts, tok_starts = tokens.texts, tokens.starts  # the token columns
    for j in range(i - 1, -1, -1):
        word, start = texts[j], tok_starts[j]
        if start <= quote[0]:
            return ""
        if not (word[:1].isupper() and word.isalpha() and not word.isupper()) or j + 1 >= len(tokens):
            continue
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and taken[k][1] > start:
            continue
        nxt = texts[j + 1]
        if nxt[:1].islower() and tags.get(nxt) in _ACTING_TAGS and tags.get(word.lower()) is None:
            return word
    return ""


_OTHER_GENDER = {
    "he": re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE),
    "she": re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE),
}


def gender_rival(doc: Document, d: Mention, name_ends: Sequence[int]) -> str:
    """Rule "gender rival": a pronoun of the other gender before a head description in its sentence.

    "… her long-running claim …, though her campaign continued to defend the candidate's actions": with
    no name of the target between the sentence's start and the description, a description that others
    can hold (not an office with a title, such as "the president") and that is no apposition ("her rival,
    the Republican nominee,") means the person the pronoun means. Returns that pronoun ("" = no rival).
    """
    pronouns = d.target.pronouns or ()
    rx = _OTHER_GENDER["he"] if "he" in pronouns else _OTHER_GENDER["she"] if "she" in pronouns else None
    head = d.rule.split(":", 1)[1]
    if rx is None or (head,) in office_phrases() or doc.text[max(0, d.start - 2) : d.start].strip() in (",", "(", "—"):
        return ""
    start = doc.sentences[doc.sentence_of(d.start)].start
    hits = list(rx.finditer(doc.text, start, d.start))
    if not hits or any(start < e <= d.start for e in name_ends):
        return ""
    return hits[-1].group()
