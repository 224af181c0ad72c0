"""A show or book title in quotation marks inside the subject of a reporting verb (issue 23, round `at10`).

Rule ``title-apposition`` of :mod:`newslab.quotes`, named in the quote's ``rule``: "Mr. Giuliani, appearing on
“Fox & Friends,” said he had acted …", "X, a former comedian who played a president on the show “Servant of
the People,” said …", "X, who is promoting a memoir, “So Help Me God,” told ABC News that …". The title is no
quote (:func:`newslab.speech_formats.is_title`), but its marks cut the subject search, as a real quote's must,
and its closing mark opens a slot for an inverted verb ("“…,” said he"): the verb found no subject, or the
wrong one after it. In a sentence that holds a title, such a verb (no subject, or inverted right after the
title's closing mark) reads its subject again with the title's marks blanked (offsets unchanged), and takes
it if that subject stands before the verb; nothing else in the sentence changes.
Read on the held-out multi-outlet part `heldout2` (spent): four such clauses, two missed and two left without a
speaker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from newslab.attribution import Attribution, Quote, attributions
from newslab.document import Document, Sentence
from newslab.speech_formats import QuoteSpan

#: The rule's name, added to the quote's rule and to the attribution's subject rule.
TITLE_APPOSITION = "title-apposition"
_MARKS = '“”"‘’'


def title_masked(text: str, titles: Sequence[QuoteSpan]) -> str:
    """``text`` with the quotation marks of each title blanked (same length, so offsets hold).

    Example:
        >>> text = "Mr. Roe, appearing on “Fox & Friends,” said so."
        >>> title_masked(text, [QuoteSpan(22, 23, 36, 38)])
        'Mr. Roe, appearing on  Fox & Friends,  said so.'
    """
    chars = list(text)
    for t in titles:
        for at in (t.open, t.close - 1):
            if 0 <= at < len(chars) and chars[at] in _MARKS:
                chars[at] = " "
    return "".join(chars)


def sentence_attributions(
    article: Document,
    sentence: Sentence,
    titles: Sequence[QuoteSpan],
    inside: Callable[[int], bool],
    refused: Callable[[str, Attribution], bool],
) -> list[Attribution]:
    """The reporting verbs of one sentence, each with its subject; rule ``title-apposition`` where a title cut it.

    ``titles``: the titles of the article; ``refused(text, a)``: whether an attribution is no reporting clause.
    """
    text = article.text
    tokens = article.token_spans[sentence.index]
    found = [a for a in attributions(text, sentence.start, sentence.end, tokens, inside) if not refused(text, a)]
    own = [t for t in titles if sentence.start <= t.open < sentence.end]
    if not own:
        return found
    cut = [a for a in found if not a.speaker or (a.inverted and any(_right_after(text, t, a) for t in own))]
    if not cut:
        return found
    masked = title_masked(text, own)
    again = {a.verb_start: a for a in attributions(masked, sentence.start, sentence.end, tokens, inside)}
    out = []
    for a in found:
        b = again.get(a.verb_start) if a in cut else None
        if b is not None and b.speaker and not b.inverted and not refused(masked, b):
            a = dataclasses.replace(b, subject_rule=b.subject_rule or TITLE_APPOSITION)
        out.append(a)
    return out


def _right_after(text: str, title: QuoteSpan, a: Attribution) -> bool:
    """Whether a verb follows a title's closing mark with nothing but a comma or space between ("“…,” said")."""
    return title.close <= a.verb_start and not text[title.close : a.verb_start].strip(" ,\u00a0")


def title_rows(quotes: Sequence[Quote], attrs: dict[int, list[Attribution]]) -> None:
    """Name rule ``title-apposition`` in the rule of each quote whose speaker it found (in place)."""
    starts = {a.speaker_start for found in attrs.values() for a in found if a.subject_rule == TITLE_APPOSITION}
    if not starts:
        return
    for q in quotes:
        if q.speaker_start in starts and TITLE_APPOSITION not in q.rule:
            q.rule += "; " + TITLE_APPOSITION
