"""Two repairs of a reporting verb's subject (issue 23, round `at10`), named in the quote's ``rule``.

* ``title-apposition``: a show or book title in quotation marks inside the subject ("Mr. Giuliani, appearing on
  “Fox & Friends,” said he had acted …", "X, a former comedian who played a president on the show “Servant of
  the People,” said …", "X, who is promoting a memoir, “So Help Me God,” told ABC News that …"). The title is no
  quote (:func:`newslab.speech_formats.is_title`), but its marks cut the subject search, as a real quote's must,
  and its closing mark opens a slot for an inverted verb ("“…,” said he"): the verb found no subject, or the
  wrong one after it. In a sentence that holds a title, such a verb (no subject, or inverted right after the
  title's closing mark) reads its subject again with the title's marks blanked (offsets unchanged), and takes
  it if that subject stands before the verb; nothing else in the sentence changes.
* ``fronted-place``: a sentence that opens with a place ("In Moscow, Dmitry Peskov, the Kremlin spokesman,
  said …") gave the place as the subject, the speaker as its apposition. The subject is the phrase after the
  place's comma when the place is the object of a preposition opening the sentence (``FRONTED_PLACE_WORDS``)
  and that phrase is a name or a determiner's noun phrase.
* ``possessive-no-subject``: "Transportation Secretary Elaine Chao, McConnell's wife, resigned Thursday, saying
  …" gave the participle's clause subject as "McConnell's" (the possessive read as a subject, "wife" as its
  verb). The fix is in :mod:`newslab.attribution`'s clause-subject pattern (a word ending in 's is no subject,
  unless a verbal noun follows: "Corker’s questioning of …"); this module names it in the row of a coordinated
  verb whose subject has such a possessive apposition.

Read on the held-out multi-outlet part `heldout2` (spent): four clauses with a title (two missed, two left
without a speaker), one fronted place (three rows given to "Moscow") and one possessive apposition.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from newslab.attribution import Attribution, Quote, attributions
from newslab.document import Document, Sentence
from newslab.lexicons import rule_words
from newslab.speech_formats import QuoteSpan

#: The rules' names, added to the quote's rule and to the attribution's subject rule.
TITLE_APPOSITION = "title-apposition"
FRONTED_PLACE = "fronted-place"
POSSESSIVE_NO_SUBJECT = "possessive-no-subject"
_POSSESSIVE_APPOSITION = re.compile(
    r",[ \u00a0](?:[A-Z][\w.-]*[ \u00a0]){0,3}[A-Z][\w.-]*[’']s(?:[ \u00a0][a-z]+){1,6},"
)
#: Prepositions that open a sentence with a place before its subject ("In Moscow, …"), capitalized: its first word.
FRONTED_PLACE_WORDS = tuple(w.capitalize() for w in rule_words("subject_repairs.FRONTED_PLACE_WORDS"))
_FRONTED = re.compile(rf"\s*(?:{'|'.join(FRONTED_PLACE_WORDS)})[ \u00a0]+$")
_PHRASE = re.compile(r"(?:the|a|an|[A-Z][\w.’'-]*)(?:[ \u00a0]+[\w.’'-]+){0,5}")
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
    found = [fronted_place(text, sentence.start, a) for a in found]
    found = [possessive_apposition(text, a, found) for a in found]
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


def fronted_place(text: str, lo: int, a: Attribution) -> Attribution:
    """Rule ``fronted-place``: "In Moscow, Dmitry Peskov, the Kremlin spokesman, said" -> Dmitry Peskov, not Moscow.

    ``lo``: where the sentence starts. The attribution unchanged where the rule does not apply.

    Example:
        >>> text = "In Moscow, Dmitry Peskov, the spokesman, said so."
        >>> a = Attribution("said", "say", "say", 42, 46, "Moscow", 3, 9, False)
        >>> b = fronted_place(text, 0, a)
        >>> b.speaker, text[b.speaker_start : b.speaker_end], b.subject_rule
        ('Dmitry Peskov', 'Dmitry Peskov', 'fronted-place')
    """
    if not a.speaker or a.inverted or a.coordinated or not a.speaker[:1].isupper():
        return a
    if a.speaker_start <= lo or not _FRONTED.fullmatch(text, lo, a.speaker_start):
        return a
    between = text[a.speaker_end : a.verb_start]
    if not between.startswith(", "):
        return a
    m = _PHRASE.match(between, 2)
    if m is None or between[m.end() : m.end() + 1] != ",":
        return a  # the phrase after the place must end at its own comma (an apposition follows or the verb)
    start = a.speaker_end + m.start()
    return dataclasses.replace(a, speaker=m.group(), speaker_start=start, speaker_end=start + len(m.group()),
                               subject_rule=FRONTED_PLACE)  # fmt: skip


def possessive_apposition(text: str, a: Attribution, found: Sequence[Attribution] = ()) -> Attribution:
    """Rule ``possessive-no-subject``, named: a coordinated verb's clause subject with a possessive apposition.

    Not where an earlier verb of the sentence (in ``found``) gave the subject ("Mr. Mook, Mrs. Clinton's campaign
    manager, said …, saying …": the subject of "said").

    Example:
        >>> text = "Elaine Chao, McConnell's wife, resigned, saying so."
        >>> a = Attribution("saying", "say", "say", 40, 46, "Elaine Chao", 0, 11, False, coordinated=True)
        >>> possessive_apposition(text, a).subject_rule
        'possessive-no-subject'
    """
    if any(b.speaker_start == a.speaker_start and not b.coordinated for b in found):
        return a
    if a.coordinated and a.speaker and not a.subject_rule and _POSSESSIVE_APPOSITION.match(text, a.speaker_end):
        return dataclasses.replace(a, subject_rule=POSSESSIVE_NO_SUBJECT)
    return a


def repair_rows(quotes: Sequence[Quote], attrs: dict[int, list[Attribution]]) -> None:
    """Name this module's rules in the rule of each quote whose speaker they found (in place)."""
    named = (TITLE_APPOSITION, FRONTED_PLACE, POSSESSIVE_NO_SUBJECT)
    starts = {(a.speaker_start, a.verb): a.subject_rule for f in attrs.values() for a in f if a.subject_rule in named}
    if not starts:
        return
    for q in quotes:
        rule = starts.get((q.speaker_start, q.verb))
        if rule and rule not in q.rule:
            q.rule += "; " + rule
