"""Speakers of direct quotes that have no reporting clause of their own, read from the context.

:func:`attribute_from_context` gives such a quote the label before it ("John Smith, Fox News: “…”", rule
``label``) or a colon clause (``colon-clause``), else the nearest attributed quote of its paragraph
(``same-paragraph``), the speaker of the sentence before (``previous-sentence``, ``pronoun-bridge``), a speaker
named right after (``next-sentence``), or the previous paragraph's last speaker when the quote opens a paragraph
(``continued``). Moved out of :mod:`newslab.quotes` unchanged (branch ``at11``, to keep that module under 600
lines).
"""

from __future__ import annotations

import bisect
import re

from newslab.attribution import Attribution, Quote
from newslab.document import Document
from newslab.reported_speech import colon_clause_speaker
from newslab.speech_formats import QuoteSpan as _Span
from newslab.speech_formats import label_speaker, next_sentence_speaker

# patterns the rules below use, compiled once (not looked up in re's cache at every call)
_LINE_BREAKS = re.compile(r"\n\s*")


class Paragraphs:
    """Paragraph index of an offset (paragraphs are separated by line breaks)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _LINE_BREAKS.finditer(text)]  # blank lines: one break

    def of(self, offset: int) -> int:
        """The index of the paragraph holding ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1


def attribute_from_context(
    quotes: list[Quote], spans: list[_Span], text: str, doc: Document, attrs: dict[int, list[Attribution]]
) -> None:
    """Quotes with no reporting clause of their own: from their paragraph, the sentence before, or a continued one."""
    paragraphs = Paragraphs(text)
    para = [paragraphs.of(s.open) for s in spans]
    speakers = _ParagraphSpeakers(quotes, para)
    for i, q in enumerate(quotes):
        if q.rule == "unattributed":
            opened = spans[i].open
            label = label_speaker(text, opened)  # "John Smith, Fox News: “…”" in a list of reactions
            rule, label = ("label", label) if label else ("colon-clause", colon_clause_speaker(text, doc, opened))
            if label is not None:  # or "Trump fired back on Twitter: “…”" (at8)
                q.rule, q.verb = rule, ":"
                q.speaker, q.speaker_start, q.speaker_end = label
                speakers.visited(i)
                continue
            found = speakers.nearest(i) or _previous_sentence(doc, spans[i], para[i], paragraphs, attrs)
            # "“…”  That was X" / "The words were X's": a speaker named right after outranks the one before
            named = next_sentence_speaker(doc, spans[i].close) if found is None else None
            if named is None and found is None:
                found = _continued(quotes, spans, para, i, text, paragraphs)
            if found is not None:
                source, q.rule = found
                q.verb, q.speaker, q.speaker_start, q.speaker_end = (
                    source.verb, source.speaker, source.speaker_start, source.speaker_end
                )  # fmt: skip
            elif named is not None:
                q.rule, q.verb = "next-sentence", ""
                q.speaker, q.speaker_start, q.speaker_end = named
        speakers.visited(i)


class _ParagraphSpeakers:
    """Rule "same-paragraph" for quotes visited in order: the nearest attributed quote of the paragraph.

    The latest one before is kept per paragraph as the quotes are visited; the first one after is
    found by bisect among the quotes attributed from the start (a later quote is not yet visited,
    so its speaker is still the one it started with).
    """

    def __init__(self, quotes: list[Quote], para: list[int]) -> None:
        self.quotes, self.para = quotes, para
        self.latest: dict[int, int] = {}  # paragraph -> the latest visited quote with a speaker
        self.attributed: dict[int, list[int]] = {}  # paragraph -> quotes with a speaker before the visit
        for j, q in enumerate(quotes):
            if q.speaker:
                self.attributed.setdefault(para[j], []).append(j)

    def nearest(self, i: int) -> tuple[Quote, str] | None:
        """The nearest attributed quote of quote ``i``'s paragraph, the one before first."""
        j = self.latest.get(self.para[i])
        if j is None:
            later = self.attributed.get(self.para[i], [])
            k = bisect.bisect_right(later, i)
            j = later[k] if k < len(later) else None
        return (self.quotes[j], "same-paragraph") if j is not None else None

    def visited(self, i: int) -> None:
        if self.quotes[i].speaker:
            self.latest[self.para[i]] = i


def _previous_sentence(
    doc: Document, span: _Span, para: int, paragraphs: Paragraphs, attrs: dict[int, list[Attribution]]
) -> tuple[Attribution, str] | None:
    """Rule "previous-sentence": the speaker of the sentence before, in the same paragraph ("X spoke. “…”")."""
    sent = doc.sentence_of(span.open)
    if sent == 0 or paragraphs.of(doc.sentences[sent - 1].start) != para:
        return None
    near = [a for a in attrs.get(sent - 1, ()) if a.speaker and a.cls not in ("attitude", "directive")]
    if near:
        return near[-1], "previous-sentence"  # "praised Trump", "urged X to": no one's words
    # rule "pronoun-bridge" (at6): "X said … . However, he credited Y with … . “…”": a sentence whose subject is
    # he/she goes on about the speaker of the sentence before it
    if sent < 2 or paragraphs.of(doc.sentences[sent - 2].start) != para:
        return None
    if not _PRONOUN_SUBJECT.match(doc.sentences[sent - 1].text):
        return None
    near = [a for a in attrs.get(sent - 2, ()) if a.speaker and a.cls not in ("attitude", "directive")]
    return (near[-1], "previous-sentence; pronoun-bridge") if near else None


#: A sentence opened by a he/she subject, after at most one linking word and a comma ("However, he credited …").
_PRONOUN_SUBJECT = re.compile(r"\s*(?:[A-Z][a-z]+,?\s+)?(?:[Hh]e|[Ss]he)\s+[a-z]")


def _continued(
    quotes: list[Quote], spans: list[_Span], para: list[int], i: int, text: str, paragraphs: Paragraphs
) -> tuple[Quote, str] | None:
    """Rule "continued": a paragraph that opens with a quote continues the previous paragraph's last speaker."""
    if i == 0 or para[i - 1] != para[i] - 1 or not quotes[i - 1].speaker:
        return None
    if not _opens_paragraph(text, paragraphs, spans[i]):
        return None
    return quotes[i - 1], "continued"


def _opens_paragraph(text: str, paragraphs: Paragraphs, span: _Span) -> bool:
    return not text[paragraphs.starts[paragraphs.of(span.open)] : span.open].strip()
