"""Checks on a direct quote's reporting clause: refusals, scare terms, naming objects, nested speakers.

Rules of :mod:`newslab.quotes` (at6), each named in the quote's ``rule``: ``refusal`` and ``self-name``
(:func:`refused`: "declined to answer …", "call themselves “…”" report no words), ``scare-term``
(:func:`without_scare_terms`: a short quoted term in a sentence without a reporting verb is no quote),
``naming-object`` (:func:`names_with`: "called X “…”" is the caller's word) and ``nested`` (:func:`nested_speaker`:
"“…,” Ayers said McDonald told him" is McDonald's). Moved out of :mod:`newslab.speech_formats` unchanged (branch
``at11``, to keep that module under 600 lines).
"""

from __future__ import annotations

import re

from newslab.attribution import Attribution
from newslab.document import Document
from newslab.lexicons import rule_words
from newslab.reported_nominal import CLAIM_NOUNS
from newslab.speech_formats import QuoteSpan

#: "declined to answer", "refused to say", "would not comment": a refusal to speak reports no words (at6).
#: A group or body naming itself ("immigrants who … call themselves “dreamers”"); "called himself “a very stable
#: genius”" stays the speaker's words.
_REFLEXIVE = re.compile(r"[ \u00a0]+(?:themselves|itself)\b")
REFUSAL_CHARS = 20  # characters before the verb read for "declined to " / "refusing to " (the longest: 13)
_REFUSAL = re.compile(r"(?:declin|refus)(?:ed|es|e|ing)[ \u00a0]+to $")


def refused(text: str, a: Attribution) -> bool:
    """Rule "refusal" (at6): a reporting verb after "declined to" / "refused to" is no attribution.

    "Mr. Earnest declined to answer a reporter’s question on whether it is now “clear” that …" reports no words
    of Mr. Earnest: neither the question nor the quoted word in it are his.
    """
    if a.lemma == "call" and _REFLEXIVE.match(text, a.verb_end) is not None:
        return True  # rule "self-name" (at6): "immigrants who … call themselves “dreamers”" names, reports no words
    if text[a.verb_start - 3 : a.verb_start] != "to ":
        return False
    return _REFUSAL.search(text, max(0, a.verb_start - REFUSAL_CHARS), a.verb_start) is not None


#: Size of the scare-term rule (at6, read off the spent attribution set's false positives: "jungle primary",
#: "bad taste", "defense of others", "one percenters"): a scare quote or term is a short noun phrase.
SCARE_MAX_WORDS = 3
_QUOTE_WORD = re.compile(r"[\w’'-]+")
#: Nouns of speech before a short quote that make it someone's words, not a term: the nominal attributions'
#: nouns (reported_speech.CLAIM_NOUNS) and quotes.SPEECH_NOUNS ("questioning", "remark", "criticism").
SPEECH_NOUNS = CLAIM_NOUNS | frozenset(rule_words("quotes.SPEECH_NOUNS"))
_COLON_QUOTE = re.compile(r":[ \t]*[“\"‘]")  # a colon that opens a quote: the sentence quotes a labelled speaker
SPEECH_NOUN_WORDS = 3  # words before the mark read for such a noun ("questioning of Trump’s “…”"; set by hand)


_JOINED = re.compile(r"[\s,]*(?:and|or)?\s*")


def without_scare_terms(
    text: str, doc: Document, spans: list[QuoteSpan], attrs: dict[int, list[Attribution]]
) -> list[QuoteSpan]:
    """The spans that are no scare term; a short quote joined to a kept one ("“stability” and “competence”") stays."""
    kept: list[QuoteSpan] = []
    for s in spans:
        if not _scare_term(text, doc, s, attrs) or (
            kept and kept[-1].close <= s.open and _JOINED.fullmatch(text, kept[-1].close, s.open) is not None
        ):
            kept.append(s)
    return kept


def _scare_term(text: str, doc: Document, span: QuoteSpan, attrs: dict[int, list[Attribution]]) -> bool:
    """Rule "scare-term" (at6): a short quoted phrase in a sentence without any reporting verb is a term, no quote.

    At most ``SCARE_MAX_WORDS`` words, no sentence punctuation inside the marks and no comma after them, not
    opening its sentence nor after a colon that opens a quote in it, and no speech cue (a reporting verb, or
    a noun of ``SPEECH_NOUNS`` among the ``SPEECH_NOUN_WORDS`` words) before it in its sentence ("after the
    “jungle primary” in which …"; not "called it “bad”", "says he “was wrong”", "“bad,” she said"). Issue 23
    and the attribution set's coding: scare quotes and terms are no attributions, so the phrase gives no row.
    """
    content = text[span.start : span.end]
    if any(c in content for c in ".!?;:,") or len(_QUOTE_WORD.findall(content)) > SCARE_MAX_WORDS:
        return False
    if text[span.end : span.end + 1] == "," or text[span.close : span.close + 1] == ",":
        return False  # "“bad,” she said": a comma after the words may lead to an attribution
    sent = doc.sentence_of(span.open)
    if sent not in attrs or any(a.verb_end <= span.open for a in attrs[sent]):
        return False  # a headline, or a reporting verb before the quote: speech may be meant ("says he “was wrong”")
    before = text[doc.sentences[sent].start : span.open]
    if not before.strip() or _COLON_QUOTE.search(text, doc.sentences[sent].start, span.open + 1) is not None:
        return False  # a quote opening its sentence may be speech; "Donald Trump: ‘…’ is cover for ‘many mistakes’"
    # a noun of speech before the quote makes its words someone's ("Corker’s questioning of Trump’s “stability”")
    near = _QUOTE_WORD.findall(before)[-SPEECH_NOUN_WORDS:]
    return not any(w.lower().removesuffix("s") in SPEECH_NOUNS for w in near)


#: Words at most between a naming verb and the quote it names with ("called the Russian leader “a killer,”").
NAMING_GAP_WORDS = 4


def names_with(text: str, doc: Document, span: QuoteSpan, attrs: dict[int, list[Attribution]]) -> bool:
    """Whether a naming verb of the quote's sentence ends right before it: "called X “…”" is that subject's word.

    Rule "naming-object" (at6): "when an interviewer called the Russian leader “a killer,” Trump said the United
    States …": the quote is the interviewer's, not the next clause's speaker's.
    """
    for a in attrs.get(doc.sentence_of(span.open), ()):
        if a.lemma == "call" and a.speaker and not a.inverted and a.verb_end <= span.open:
            gap = text[a.verb_end : span.open]
            if "," not in gap and len(gap.split()) <= NAMING_GAP_WORDS:
                return True
    return False


#: What may follow a nested speaker's verb to the sentence's end ("Ayers said McDonald told him.").
_NESTED_TAIL = re.compile(r"[ \u00a0]*(?:him|her|them|me|us|reporters|police|investigators)?[ \u00a0]*[.!]?[ \u00a0]*$")


def nested_speaker(text: str, doc: Document, a: Attribution, attrs: dict[int, list[Attribution]]) -> Attribution:
    """Rule "nested" (at6): in "“…,” Ayers said McDonald told him." the quote is McDonald's words, not Ayers's.

    The attribution after a quote is followed at once by a second one of say or tell whose subject opens
    right after the first verb and whose verb ends the sentence (an object pronoun at most): the second
    speaker said the quoted words to the first. Else ``a`` itself.
    """
    sent = doc.sentences[doc.sentence_of(a.verb_start)]
    for b in attrs.get(sent.index, ()):
        if (
            b.speaker
            and not b.inverted
            and b.lemma in ("say", "tell")
            and b.speaker_start > a.verb_end
            and text[a.verb_end : b.speaker_start].strip(" \u00a0") in ("", "that")
            and _NESTED_TAIL.fullmatch(text, b.verb_end, sent.end) is not None
        ):
            return b
    return a
