"""Voices: who is quoted, directly or in reported speech, and with which words.

:func:`find_quotes` finds **direct quotes** in curly (“…”) or straight ("…") quotation marks
(a quote left open at a paragraph's end that the next paragraph reopens runs on), and **reported
speech** without quotation marks. Everything works on the sentences the tokenizer gives
(:func:`newslab.document.parse`), so abbreviations (Mr., Feb., U.S., Sen.) never cut a quote or its
attribution. Each row names the ``rule`` that found it and the ``speaker_rule`` that named the speaker.

**Attributions.** In each sentence every reporting verb of ``speech_verbs.tsv`` (say, tell, add,
believe, warn, argue, insist, claim, deny, urge, accuse …: a class, whether it inverts and whether it
takes an addressee) is paired with its subject, read off the clause:

* the phrase right before the verb, through titles, a time ("said Thursday", "on Feb. 15", "a day
  earlier") and appositions or relative clauses ("X, a spokesman for Y, said"; "Sen. Lindsey Graham,
  R-S.C., said"; "X, who …, said"); when a role comes first, the name after it ("Hungary's prime
  minister, Viktor Orban, said" -> Viktor Orban);
* after the verb when a quote or comma precedes it and the verb inverts ("…,” said Sen. X");
* "X, who said …" -> X; a participle or a second verb ("…, saying …", "claimed … and demanded …")
  takes the subject of its own clause.

A speaker is never a date or time, a party-state tag, an age or a bare title, nor anything in a headline
(a title-case line without closing punctuation). An addressee ("told reporters", "told Y") is never the
speaker.

**Direct quotes** take, in this order: the clause right after the quote (``after-quote``; also after a
role title before the name, "“…,” deputy press secretary Sarah Sanders said"; from the next sentence
only when the quote's own sentence has no reporting clause before it); the last
clause before it in its sentence, which covers "X said: “…”" and a partial quote inside reported speech
("Tapper said that the news was “very, very troubling”"; ``before-quote``, or ``split`` between two
halves); else a quote of the same paragraph (``same-paragraph``), the speaker of the sentence before in
the paragraph (``previous-sentence``), a speaker named right after ("That was X", "The words were
X's", "The statement … came from X"; ``next-sentence``, which outranks the next rule), or the previous
paragraph's speaker when a paragraph opens with a quote (``continued``). Otherwise ``unattributed``.

**Reported speech**: "X said (that) …", "X told reporters (that) …", "X said in a letter to Y that …",
"X said progress had been made" (a bare noun subject and a finite verb) (``reported-say``), verbs of
belief, warning and argument (``reported-belief``, ``-warning``, ``-argument``; "noted", "maintained"
and other verbs that take objects report a clause only with "that" or a pronoun), "X urged Y to …" and
"X accused Y of …" (``reported-directive``), "X complained about …" (``reported-topic``), a second verb
of the same subject (``coordinated``; "…,” said X, suggesting that …" takes the inverted speaker X:
``coordinated; inverted-participle``), "X asked (Y) whether/if …" (``reported-question``; in a fronted
"After X asked whether …," clause it ends at the comma),
"… , police said." (``reported-after``) and "according to X" (``according-to``). The content runs to
the end of the sentence or to the next speaker's clause. Attributions without a verb of their own (issue
23, PolNeAR's sense): a noun of speech or belief with its possessor ("Slager's assertion that …", "his
claim that …"; ``nominal-that``, nouns in ``rule_words.tsv``), and "X, which found/calculated that …" or
"activists who believed that …" (the antecedent speaks). A determiner after a verb opens a reported clause
only when a verb follows before a relative word ("said the plan would fail", not "claimed an easy victory
that …"), and an attitude verb's "X of …" is speech only as a charge ("accused X of …") or with a gerund.
A curly opening mark that no curly mark closes in its paragraph may close with a straight one.

**Speakers** resolve to a full name where the text allows: a surname to the longest name in the article
ending with it ("Rutte" -> "Mark Rutte"), titles and roles dropped ("Gov. Andy Beshear of Kentucky" ->
"Andy Beshear"); a role phrase to the person named with that role before ("the majority leader" ->
"Majority Leader X" or "X, the majority leader"; ``role:named-earlier``), to a target it describes
(``description:target``), to the speaker said with the same role (``description:same-role``) or to the
previous sentence's subject ("the New York Democrat"; ``description:previous-subject``); a pronoun to the
last compatible speaker of the two sentences before unless a newer subject was named
(``pronoun:recent-speaker``), else to that subject (``pronoun:previous-subject``), else to the target
the mention stage found (``pronoun:target``); he/she skips a person whose given name is of the other gender
(``data/given_names.tsv`` and people_words.tsv; the rule then ends in ``; pronoun-gender``), a plural group
("the women") and, in a subject, an employer before a job word ("Fox News host Megyn Kelly" -> Megyn
Kelly); after a narrator's short question ("And him?") to the person the mention stage found
(``pronoun:question``). Groups and sources stay as written ("officials"), a plural group noun with its
complement ("Officials in Miami-Dade County"; ``group``). A place is never a speaker ("X of New York, …,
who said"; "spoken in Rehoboth Beach").

The rules live in modules of their own: the cue tables in :mod:`newslab.cues`, attributions in
:mod:`newslab.attribution`, reported speech in :mod:`newslab.reported_speech`, speakers in
:mod:`newslab.speakers`; this module holds the direct-quote rules, the pass over one article
(:func:`article_quotes`) and the tables.

Example:
    >>> import newslab as nl
    >>> text = "Mark Rutte arrived. “We are strong,” he said. Trump said that NATO was obsolete."
    >>> df = nl.find_quotes(nl.Article("a", "", text))
    >>> df[["speaker", "speaker_resolved", "verb", "quote", "kind"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['he', 'Mark Rutte', 'said', 'We are strong', 'direct'],
     ['Trump', 'Trump', 'said', 'NATO was obsolete', 'indirect']]
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Sequence

from newslab.attribution import Attribution, Quote, is_headline
from newslab.cues import VERB_CLASSES, Cue, SpeechVerb, cue_forms, load_cues, load_speech_verbs
from newslab.document import Article, Document, Sentence, Tokens
from newslab.mention_record import Mention
from newslab.quote_checks import names_with, nested_speaker, refused, without_scare_terms
from newslab.quote_context import attribute_from_context
from newslab.quote_scores import evaluate_quotes, same_speaker, speaker_table
from newslab.records import QuoteRow, columns
from newslab.reported_speech import OWN, indirect_quotes, own_complement
from newslab.speaker_turns import first_person, inverted_clauses, named_after, reports_others
from newslab.speakers import GENDER_NOTE, SpeakerResolver
from newslab.speech_formats import QuoteSpan as _Span
from newslab.speech_formats import (
    bad_speaker,
    finding_quotes,
    headline_label_quotes,
    headline_quotes,
    headline_speaker,
    is_title,
    role_gap,
    transcript_quotes,
)
from newslab.subject_repairs import repair_rows, sentence_attributions
from newslab.targets import Target

logger = logging.getLogger(__name__)

QUOTE_COLUMNS = columns(QuoteRow)  # the schema is the row record (newslab.records)


#: A quote in curly or straight marks; one left open at a paragraph's end runs to it when the next paragraph
#: opens with a quote mark (the news convention for a quote of several paragraphs).
#: Written as one opening mark and then the alternatives, each checking its own mark with a one-character
#: lookbehind: the same matches as the alternatives with their marks first, but sre then jumps from mark to mark
#: (a charset prefix) instead of trying six alternatives at every character (5x faster on news articles).
_DIRECT = re.compile(
    r"[“\"‘](?:"
    r"(?<=“)[^“”\n]+(?:”|(?=\n\s*“))"
    # mixed marks (rule "mixed-marks"): a curly opening mark that no curly mark closes in its paragraph,
    # closed by a straight one ("“The criticism … appalling," Nunnelee said)
    r"|(?<=“)[^“”\"\n]+\"(?=[^“”\n]*(?:\n|$))"
    # a straight mark opens only before a non-space and closes only after one (rule "mark-direction"): in
    # "…again," Trump said. "Bannon …" the mark before "Trump" closes a quote opened out of view
    r"|(?<=\")(?=\S)[^\"\n]*[^\s\"]\"|(?<=\")(?=\S)[^\"\n]+(?=\n\s*\")"
    # unclosed (rule "unclosed-mark"): an opening mark that nothing closes before the next opening mark or
    # the paragraph's end runs to the end of its sentence ("Mr. Trump said: “No — I never discuss it. …");
    # :func:`_direct_spans` cuts it there (the group holds the quote after its mark)
    r"|(?<=[“\"])(?P<unclosed>(?=\S)[^“”\"\n]+)"
    # British single marks (issue 23): ‘ opens at a word's start (the lookbehind holds the mark itself), and the ’
    # that closes is not an apostrophe inside a word ("Trump’s"); a paragraph never runs on
    r"|(?<=‘)(?<![\w’']‘)(?=\S)[^‘\n]*?[^\s‘]’(?![\w’])"
    r")"
)


def _direct_spans(text: str, sentence_end: Callable[[int], int] | None = None) -> list[_Span]:
    """Direct quotes, curly or straight; a quote left open at a paragraph's end that the next reopens runs to it.

    ``sentence_end`` gives the end of the sentence holding an offset: a quote that no mark closes ends there
    (rule "unclosed-mark"); without it, such a quote is not read.
    """
    spans = []
    for m in _DIRECT.finditer(text):
        unclosed = m.group("unclosed") is not None
        if unclosed:
            if sentence_end is None:
                continue
            end = min(m.end(), sentence_end(m.start() + 1))
            if not text[m.start() + 1 : end].strip():
                continue
            spans.append(_Span(m.start(), m.start() + 1, len(text[:end].rstrip()), end, True))
            continue
        closed = m.group()[-1] in '”"’'
        cs, ce = m.start() + 1, m.end() - 1 if closed else m.end()
        while ce > cs and text[ce - 1] in ", ":
            ce -= 1
        spans.append(_Span(m.start(), cs, ce, m.end()))
    return spans


def _attribute_direct(
    text: str, doc: Document, spans: list[_Span], attrs: dict[int, list[Attribution]], surnames: frozenset[str]
) -> tuple[list[Quote], set[int]]:
    """Direct quotes with the reporting clause that governs each (``surnames``: rule "surname-of-named", at7)."""
    quotes, used = [], set()
    for i, span in enumerate(spans):
        q = Quote(span.start, span.end, "direct", "unattributed")
        after = _after_attribution(text, doc, span, spans[i + 1].open if i + 1 < len(spans) else len(text), attrs)
        own = after is not None and own_complement(text, doc, span.open, span.close, after)
        after = None if own else after  # rule "own-complement" (at8)
        naming = after is not None and names_with(text, doc, span, attrs)  # rule "naming-object" (at6)
        if naming:
            after = None
        outer = after
        nested = after is not None and after is not (after := nested_speaker(text, doc, after, attrs))
        if nested and outer is not None:
            used.add(outer.verb_start)  # "Ayers said McDonald told him": Ayers's verb reports this quote
        before = None if after else _before_attribution(doc, span, spans[i - 1] if i else None, attrs)
        chosen, rule = (after, "after-quote") if after else before if before else (None, "unattributed" + OWN * own)
        if chosen is not None and bad_speaker(chosen.speaker, surnames=surnames):
            chosen, rule = None, "unattributed"  # "Asked", "the Democratic": no speaker; the context may name one
        elif chosen is not None and bad_speaker(chosen.speaker):
            rule += "; surname-of-named"  # "Rove said" after "Karl Rove": a name, though "rove" is a verb (at7)
        q.rule = rule  # "unattributed; own-complement" takes no speaker from the context either
        if chosen is not None:
            if chosen.subject_rule in ("fronted-clause", "parenthetical-said", "outer-clause"):
                rule += "; " + chosen.subject_rule  # "After Rose asked …, Assad sneered and said, “…”" (at6)
            if naming or nested:
                rule += "; naming-object" if naming else "; nested"
            q.rule, q.verb = rule, chosen.verb
            q.speaker, q.speaker_start, q.speaker_end = chosen.speaker, chosen.speaker_start, chosen.speaker_end
            if rule not in ("before-quote", "before-quote; outer-clause"):
                used.add(chosen.verb_start)  # its clause is this quote; a clause before a quote may report more
        quotes.append(q)
    return quotes, used


#: What may stand between a quote and its speaker: punctuation, or a role before the name ("his aunt, X, said").
_AFTER_GAP = re.compile(
    r"[ \u00a0,—–-]*(?:(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?)[ \u00a0][^.!?;:,“”\"\n]{1,50},[ \u00a0]){0,2}"
)


def _after_attribution(
    text: str, doc: Document, span: _Span, limit: int, attrs: dict[int, list[Attribution]]
) -> Attribution | None:
    """The reporting clause right after a quote: “…,” X said / “…,” said X / “…?” she asked."""
    sent = doc.sentence_of(span.close - 1)
    opened = doc.sentence_of(span.open)
    # a quote its own sentence reports ("X called it “…”.") takes no subject from the next sentence
    own = any(a.speaker and a.verb_end <= span.open and not a.inverted for a in attrs.get(opened, ()))
    for index in (sent,) if own else (sent, sent + 1):
        for a in attrs.get(index, ()):
            head = a.verb_start if a.inverted or not a.speaker else a.speaker_start
            gap = text[span.close : head] if span.close <= head < limit else "."
            if index > sent and a.cls in ("attitude", "directive"):
                continue  # “… xenophobic.” Few Republicans criticized Trump: a new sentence that reports no words
            if a.speaker and not a.coordinated and (_AFTER_GAP.fullmatch(gap) or role_gap(gap)):
                return a
    return None


def _before_attribution(
    doc: Document, span: _Span, previous: _Span | None, attrs: dict[int, list[Attribution]]
) -> tuple[Attribution, str] | None:
    """The last reporting clause before a quote in its sentence ("Tapper said that the news was “…”")."""
    sent = doc.sentence_of(span.open)
    candidates = [a for a in attrs.get(sent, ()) if a.speaker and a.verb_end <= span.open and not a.inverted]
    if not candidates and sent > 0 and doc.sentences[sent - 1].text.rstrip().endswith(":"):
        candidates = [a for a in attrs.get(sent - 1, ()) if a.speaker and not a.inverted]  # "X said:" then a quote
    if not candidates:
        return None
    a = candidates[-1]
    split = previous is not None and previous.close <= a.speaker_start and doc.sentence_of(previous.open) == sent
    return a, "split" if split else "before-quote"


def _inside_quotes(spans: list[_Span]) -> Callable[[int], bool]:
    """Whether an offset lies inside a direct quote (between its marks)."""
    opens = [s.open for s in spans]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(opens, offset) - 1
        return i >= 0 and spans[i].open < offset < spans[i].close - 1

    return inside


def _with_transcript(quotes: list[Quote], lines: list[Quote]) -> list[Quote]:
    """Transcript lines added to the quotes (rule ``transcript``).

    A line's unattributed direct quote takes its label's speaker; a line holding no quote is one.
    """
    if not lines:
        return quotes
    direct = [q for q in quotes if q.kind == "direct"]
    for line in lines:
        inner = [q for q in direct if line.start <= q.start and q.end <= line.end + 1]
        reported = [q for q in quotes if line.start <= q.start and q.end <= line.end + 1 and q.kind == "indirect"]
        if not inner and reports_others(line, reported):  # "TRUMP: He said he's …" is Trump's line (at9)
            quotes = [q for q in quotes if all(q is not r for r in reported)]
            line.rule += "; transcript-report" + first_person(reported)  # "I think he …" too (at10)
        for q in inner:
            if not q.speaker:
                q.rule, q.verb = "transcript", ":"
                q.speaker, q.speaker_start, q.speaker_end = line.speaker, line.speaker_start, line.speaker_end
        if not inner and not any(q.start < line.end and line.start < q.end for q in quotes):
            quotes.append(line)  # a line that reports someone else's words ("LAWRENCE: X told NPR …") is left to them
    return quotes


def article_quotes(
    article: Document,
    targets: tuple[Target, ...],
    mentions: list[Mention],
    names: tuple[str, ...],
    *,
    resolve_speakers: bool = True,
) -> list[Quote]:
    """Direct and indirect quotes of one parsed article, in text order (the rows of :func:`find_quotes`).

    Args:
        article: The article, parsed (:func:`newslab.document.parse`).
        targets: Targets whose mentions help resolve speakers.
        mentions: The targets' mentions in this article (:func:`newslab.mentions.article_mentions`,
            without the in-quote rule).
        names: The article's name registry (:func:`newslab.names.name_registry`).
        resolve_speakers: ``False`` leaves ``resolved`` and ``speaker_rule`` unset (the spans of
            the quotes and of their speakers are the same either way); the target model, which
            needs only the spans, reads sentences so.

    Example:
        >>> from newslab.document import parse
        >>> from newslab.names import name_registry
        >>> from newslab.mentions import article_mentions
        >>> from newslab.targets import DEFAULT_TARGETS
        >>> doc = parse(Article("a", "", "Mark Rutte arrived. “We are strong,” he said."))
        >>> found = article_quotes(doc, DEFAULT_TARGETS, article_mentions(doc, DEFAULT_TARGETS), name_registry(doc))
        >>> [(q.kind, q.resolved, q.speaker_rule) for q in found]
        [('direct', 'Mark Rutte', 'pronoun:previous-subject')]
    """
    text = article.text
    ends = [s.end for s in article.sentences]
    every = _direct_spans(text, lambda offset: ends[article.sentence_of(offset)])
    titles = [s for s in every if is_title(text, s.start, s.end, s.open)]  # no show titles
    spans = [s for s in every if s not in titles]
    inside = _inside_quotes(spans)
    sentences = [s for s in article.sentences if not is_headline(s)]
    attrs = {s.index: sentence_attributions(article, s, titles, inside, refused) for s in sentences}
    spans = without_scare_terms(text, article, spans, attrs)
    surnames = frozenset(n.split()[-1] for n in names if " " in n)
    quotes, used = _attribute_direct(text, article, spans, attrs, surnames)
    if quotes:
        attribute_from_context(quotes, spans, text, article, attrs)
        unclosed = {s.start for s in spans if s.unclosed}
        for q in quotes:
            if q.start in unclosed:  # evidence: the quote's end is its sentence's, no closing mark
                q.rule += "; unclosed-mark"
    for q in indirect_quotes(text, article, attrs, used, inside):
        if not bad_speaker(q.speaker, surnames=surnames):
            q.rule += "; surname-of-named" * bad_speaker(q.speaker)  # "Rove said …" after "Karl Rove" (at7)
            quotes.append(q)
    repair_rows(quotes, attrs)  # "X, appearing on “Fox & Friends,” said …", "In Moscow, X, …, said" (at10)
    named_after(quotes, [s.close for s in spans], article)  # "“…,” one senator said. The words were X's" (at9)
    quotes += inverted_clauses(article, attrs, [(q.start, q.end) for q in quotes])  # "…, said X" without marks (at9)
    quotes = _with_transcript(quotes, transcript_quotes(text))
    quotes += finding_quotes(article, [(q.start, q.end) for q in quotes])  # "New polls show …"
    quotes += headline_label_quotes(text, [(q.start, q.end) for q in quotes])  # "Yates: 'Flynn Was …'"
    headlines = headline_quotes(article, [(q.start, q.end) for q in quotes])  # "X Says …" in a title-case headline
    quotes += headlines
    quotes.sort(key=lambda q: (q.start, q.kind))
    if headlines:
        headline_speaker(quotes, headlines)
    if not resolve_speakers:
        return quotes
    resolver = SpeakerResolver(article, targets, mentions, names)
    for q in quotes:
        if q.speaker:
            opened = article.sentence_of(q.start)
            q.resolved, q.speaker_rule = resolver.resolve(q.speaker, q.speaker_start, q.speaker_end, opened=opened)
            if q.resolved and bad_speaker(q.resolved, surnames=surnames):  # an odd sentence's subject: as written
                note = GENDER_NOTE if GENDER_NOTE in q.speaker_rule else ""  # the skipped person stays named
                kept = not bad_speaker(q.speaker, surnames=surnames)
                q.resolved, q.speaker_rule = (q.speaker if kept else ""), "as written" + note
            elif q.resolved and bad_speaker(q.resolved):
                q.speaker_rule += "; surname-of-named"  # "Mr. French" -> French: "David French" is named (at7)
            # remembered where the speaker is named ("“…”  The words were Biden's. He said …": Biden)
            named_at = max(article.sentence_of(q.start), article.sentence_of(q.speaker_start))
            nested = any(o is not q and o.start <= q.speaker_start < o.end for o in quotes)  # "outer-speaker" (at9)
            resolver.remember(named_at, q.resolved, q.speaker, nested=nested)
    return quotes


def sentence_quotes(sentence: str, token_spans: Sequence[tuple[int, int]]) -> list[Quote]:
    """Direct and indirect quotes of one sentence read alone, without resolving speakers.

    The same as :func:`article_quotes` on an article of this one sentence with ``resolve_speakers=False``;
    the target model reads a sentence so when the quotes stage has not read its article.

    Args:
        sentence: One sentence.
        token_spans: Its word spans (:func:`newslab.tokenizers.word_spans`); the rules read no tokens.

    Example:
        >>> from newslab.tokenizers import word_spans
        >>> s = "Trump said that NATO was obsolete."
        >>> [(s[q.start : q.end], s[q.speaker_start : q.speaker_end]) for q in sentence_quotes(s, word_spans(s))]
        [('NATO was obsolete', 'Trump')]
    """
    if not sentence.strip():
        return []
    only = Sentence(sentence, 0, len(sentence), 0)
    doc = Document(Article("sentence", "", sentence), (only,), (tuple(token_spans),), Tokens([], [], [], []), (0,))
    return article_quotes(doc, (), [], (), resolve_speakers=False)


def quote_rows(doc: Document, quotes: list[Quote]) -> list[QuoteRow]:
    """Table rows (``QUOTE_COLUMNS``) for the quotes of one parsed article."""
    text = doc.text
    return [
        QuoteRow(doc.id, doc.sentence_of(q.start), q.speaker, q.resolved, q.verb, text[q.start : q.end], q.kind,
                 q.start, q.end, q.rule, q.speaker_rule, q.speaker_start, q.speaker_end)
        for q in quotes
    ]  # fmt: skip


__all__ = [  # the cue tables and the Quote record are re-exported: tests and stance read them from here
    "QUOTE_COLUMNS",
    "VERB_CLASSES",
    "Cue",
    "Quote",
    "SpeechVerb",
    "article_quotes",
    "cue_forms",
    "evaluate_quotes",
    "load_cues",
    "load_speech_verbs",
    "quote_rows",
    "same_speaker",
    "sentence_quotes",
    "speaker_table",
]
