"""The tone of a quote toward a target it names: the speaker's stance when no cue says it.

:func:`quoted_tone` scores a target named in a quote whose speaker is known ("Canterbury said
Sessions is “a great friend”" gives Canterbury → Sessions favor); :func:`said_of` finds the quote
a "…, Bush said of Trump" names its target as the subject of; :func:`sentence_span` puts a
mention's span into its sentence. :mod:`newslab.stance` turns what they find into rows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from newslab.attribution import Quote
from newslab.cues import reporting_forms
from newslab.descriptions import word_tags
from newslab.document import Sentence
from newslab.mention_record import Mention
from newslab.tokenizers import word_spans
from newslab.tone_lexicon import VADER_ALPHA, default_prepared, lexicon_hits, lower_tokens

AUTHOR_MIN_SCORE = 0.3  # weaker target_sentiment scores are left out (set by hand on the seed sentences)
#: Tags of finite verbs (Brill/Penn): in reported words they tell what someone did, not a judgement.
FINITE_VERB_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP"})


#: "X said of Y": the verbs of the ``said_of`` column of the one reporting-verb list (data/speech_verbs.tsv).
SAID_OF = re.compile(r"\b(?:" + "|".join(map(re.escape, reporting_forms("said_of"))) + r")\s+of\s+$")


def said_of(text: str, sent: Sentence, start: int, quotes: Iterable[Quote]) -> Quote | None:
    """The quote a "said of X" names X as the subject of: the last quote of the sentence before X.

    Example:
        >>> from newslab.attribution import Quote
        >>> text = "“He insults his way to the nomination,” Bush said of Trump."
        >>> from newslab.document import Sentence
        >>> q = Quote(0, 41, "direct", "after-quote", speaker="Bush")
        >>> said_of(text, Sentence(text, 0, len(text), 0), text.index("Trump"), [q]) is q
        True
    """
    if not SAID_OF.search(text, sent.start, start):
        return None
    return max((q for q in quotes if sent.start <= q.start and q.end <= start), key=lambda q: q.end, default=None)


def sentence_span(sent: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """A mention's span as offsets into its sentence, cut at the sentence's end; None if nothing is left.

    A target alias may cross a sentence break ("George W.) Bush" split after "W.)"): the part in
    the sentence stands for it, and the pass never stops on such a span (issue 23).

    Example:
        >>> from newslab.document import Sentence
        >>> sentence_span(Sentence("Bush met W.", 10, 21, 0), 19, 26), sentence_span(Sentence("x", 0, 1, 0), 5, 9)
        ((9, 11), None)
    """
    lo, hi = max(start, sent.start) - sent.start, min(end, sent.end) - sent.start
    return (lo, hi) if 0 <= lo < hi <= len(sent.text) else None


def quoted_tone(
    sent: Sentence,
    mention: Mention,
    quote: Quote,
    *,
    about: bool = False,
    model: tuple[str, float] | None = None,
    tokens: Sequence[tuple[int, int]] | None = None,
) -> tuple[float, list[str]] | None:
    """The tone of a quote toward a target it names: the speaker's stance (rule "the holder matters").

    The target model's score for the mention (:func:`newslab.sentiment.target_sentiment`, which
    knows the mention stands in the speaker's words), kept when its label is not neutral, it is at
    least :data:`AUTHOR_MIN_SCORE` strong, and the quoted words in this sentence hold a judgement
    word of the same sign (VADER's lexicon with newslab's news rows; event words do not count).
    With ``about=True`` (the quote is about the target by its attribution: "..., Bush said of
    Trump"), the quote's judgement words decide alone: their valence sum, normalized as VADER
    does (x / sqrt(x² + 15)), at least :data:`AUTHOR_MIN_SCORE` in size. Returns the score and the
    judgement words ("want (negated)" when a negation or reversal flipped one), or ``None``.
    ``model`` is the target model's (label, score) for the mention when the caller has it already
    (the analysis pass hands over its target tone rows, so both tables agree). ``tokens`` are the
    sentence's word spans (offsets into the article: ``Document.token_spans``); without them the
    quoted words are tokenized here.

    Example:
        >>> import newslab as nl
        >>> from newslab.document import parse
        >>> from newslab.mention_record import Mention
        >>> doc = parse(nl.Article("a", "", "Canterbury said Sessions is “a great friend of the police.”"))
        >>> sessions = nl.Target("Sessions", aliases=["Sessions"])
        >>> from newslab.attribution import Quote
        >>> q = Quote(16, 59, "indirect", "reported-say", speaker="Canterbury")
        >>> score, words = quoted_tone(doc.sentences[0], Mention(sessions, 16, 24, "name", "name", 1.0), q)
        >>> (score > 0.3, words)
        (True, ['great', 'friend'])
    """
    lo, hi = max(quote.start, sent.start) - sent.start, min(quote.end, sent.end) - sent.start
    if tokens is None:
        spans = [(a + lo, b + lo) for a, b in word_spans(sent.text[lo:hi])]
    else:  # the document's words inside the quote
        spans = [(a - sent.start, b - sent.start) for a, b in tokens if lo <= a - sent.start and b - sent.start <= hi]
    hits = [h for h in lexicon_hits(lower_tokens(sent.text, spans), default_prepared(), contrast=False) if h.weight]
    if quote.kind == "indirect":
        # in reported words, a verb tells what someone did ("said Obama won", "said aides support the
        # plan"), not how the speaker judges the target: only adjectives and nouns judge (issue 23)
        tags = word_tags()
        first_words = [sent.text[spans[h.first][0] : spans[h.first][1]].lower() for h in hits]
        hits = [h for h, w in zip(hits, first_words, strict=True) if tags.get(w, "") not in FINITE_VERB_TAGS]
    if about:
        valence = sum(h.weight for h in hits if not h.event)
        score = valence / math.sqrt(valence * valence + VADER_ALPHA)
    else:
        if model is None:
            from newslab.target_tone import target_sentiment

            span = sentence_span(sent, mention.start, mention.end)
            if span is None:
                return None
            result = target_sentiment(sent.text, span=span)
            model = (result.label, result.score)
        score = 0.0 if model[0] == "neutral" else model[1]
    if abs(score) < AUTHOR_MIN_SCORE:
        return None
    words = [
        sent.text[spans[h.first][0] : spans[h.end - 1][1]] + (" (negated)" if h.flipped else "")
        for h in hits
        if not h.event and (h.weight > 0) == (score > 0)
    ]
    return (score, words) if words else None
