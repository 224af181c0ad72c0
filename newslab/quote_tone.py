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
from typing import Any

from newslab.attribution import Quote
from newslab.cues import reporting_forms
from newslab.descriptions import word_tags
from newslab.document import Sentence
from newslab.lexicons import rule_words
from newslab.mention_record import Mention
from newslab.tokenizers import word_spans
from newslab.tone_lexicon import VADER_ALPHA, default_prepared, lexicon_hits, lower_tokens

AUTHOR_MIN_SCORE = 0.3  # weaker target_sentiment scores are left out (set by hand on the seed sentences)
#: Marks that end a clause inside a quote (colon, semicolon, dashes, brackets; not quote marks: Sessions is “a friend”).
CLAUSE_MARKS = frozenset(";:—–-()[]")
#: Words that open a subordinate clause (it ends at the next comma) and words that open a new clause anywhere.
SUBORDINATORS = frozenset(rule_words("quote_tone.SUBORDINATORS"))
CLAUSE_STARTS = frozenset(rule_words("quote_tone.CLAUSE_STARTS"))
RELATIVES = frozenset(rule_words("quote_tone.RELATIVES"))
#: Round 4 (sq3): a reason clause whose subject is a pronoun judges the target of the clause before it.
REASONS = frozenset({"because", "since"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it"})
#: Marks after which a clause continues a description of the target of the clause before them.
DESCRIPTION_MARKS = frozenset(":—–")
#: Words that open a condition: a judging word in it is supposed, not said ("unless Mueller did something wrong").
CONDITIONALS = frozenset({"if", "unless", "whether"})
#: Rule "judging word bears on the target" (:func:`bearing_link`) switched on or off. Off in the package: on the
#: random quote-rule rows of validation/annotations/stance_rows/sample4.tsv it removed right rows as often as wrong
#: ones (dev4 2 of 5 right, untouched4, judged once, 4 of 6 right; docs/voices.md, branch qt).
ENABLED = {"judging word bears on the target": False}
#: At most this many words between a judging word and the "that"/"when"/"because" opening the target's clause
#: ("appreciate all that President Obama has done", "thrown into chaos when the Trump administration tried"; set by
#: hand on the dev parts of validation/annotations/stance_rows/: "appreciate all that" needs 1).
GOVERNOR_GAP = 1
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


def clause_ids(words: Sequence[str]) -> list[int]:
    """The clause of each word of a quote, numbered from 0.

    A new clause starts at a mark of :data:`CLAUSE_MARKS`, at a word of :data:`SUBORDINATORS` or
    :data:`CLAUSE_STARTS`, and at the first comma after a subordinator (its clause ends there).

    Example:
        >>> clause_ids("If we fail , the regime will stop".split())
        [1, 1, 1, 2, 2, 2, 2, 2]
    """
    ids, clause, subordinate = [], 0, False
    for w in words:
        low = w.lower()
        if w in CLAUSE_MARKS or low in SUBORDINATORS or low in CLAUSE_STARTS or (w == "," and subordinate):
            clause += 1
            subordinate = low in SUBORDINATORS
        ids.append(clause)
    return ids


def bearing_link(words: Sequence[str], first: int, last: int, at: int, at_end: int | None = None) -> str | None:
    """How the judging word ``words[first:last]`` bears on the target word ``words[at]`` of the same quote, or None.

    Rule "judging word bears on the target" (issue 23, branch qt): "own clause" when both stand in one clause
    (:func:`clause_ids`: "Trump is temperamentally unfit"); "relative clause" when the word's clause is opened by a
    relative pronoun right after the target ("Mitch McConnell, who has screamed ..."); "governs its clause" when
    the word stands right before (:data:`GOVERNOR_GAP`) the "that" or subordinator that opens the target's clause
    ("disappointed that the Kerry ... meeting", "thrown into chaos when the Trump administration tried"). A word
    in a condition (:data:`CONDITIONALS`) bears on nothing: it is supposed, not said.
    Otherwise the word judges something else in the quote ("..., so poking him ... can produce unexpected
    rewards"; "..., while also releasing a report faulting the city"). ``at`` is the target's first word,
    ``at_end`` its last (default ``at``).

    Example:
        >>> w = "Trump is thin-skinned , so poking him can produce rewards".split()
        >>> bearing_link(w, 2, 3, 0), bearing_link(w, 9, 10, 0)
        ('own clause', None)
    """
    ids = clause_ids(words)
    opener = min((k for k in range(len(words)) if ids[k] == ids[first]), default=first)
    if words[opener].lower() in CONDITIONALS:
        return None
    if ids[first] == ids[at]:
        return "own clause"
    end = at if at_end is None else at_end
    after = end + 1 + (end + 1 < len(words) and words[end + 1] == ",")
    if after < len(words) and words[after].lower() in RELATIVES and ids[first] == ids[after] and first > end:
        return "relative clause"
    opener = min((k for k in range(len(words)) if ids[k] == ids[at]), default=at)
    low = words[opener].lower()
    if (low == "that" or low in SUBORDINATORS) and opener - GOVERNOR_GAP <= last <= opener and ids[first] != ids[at]:
        return "governs its clause"
    return _next_clause_link(words, ids, first, at)


def _next_clause_link(words: Sequence[str], ids: Sequence[int], first: int, at: int) -> str | None:
    """Links of round 4 (branch sq3) from the clause right after the target's.

    "because clause of its pronoun": a "because"/"since" clause whose subject is a pronoun ("I fired Flynn because
    he lied"); "description after a colon": a colon or dash ends the target's clause ("... Trump: a very warm,
    genuine person").
    """
    if ids[first] != ids[at] + 1:
        return None
    opener = min(k for k in range(len(words)) if ids[k] == ids[first])
    low = words[opener].lower()
    if low in REASONS and opener + 1 < len(words) and words[opener + 1].lower() in SUBJECT_PRONOUNS:
        return "because clause of its pronoun"
    if low in DESCRIPTION_MARKS:
        return "description after a colon"
    return None


def _links(sent: Sentence, spans: Sequence[tuple[int, int]], hits: Sequence[Any], mention: Mention,
           also: Sequence[tuple[int, int]]) -> list[str]:  # fmt: skip
    """Each hit's link to the mention or to another mention of its target in the quote ("" for none)."""
    texts = [sent.text[a:b] for a, b in spans]
    places = []  # (first word, last word, name shown) of each mention of the target inside the quote
    for start, end in dict.fromkeys([(mention.start, mention.end), *also]):
        inside = [k for k, (a, b) in enumerate(spans) if a < end - sent.start and b > start - sent.start]
        if inside:
            own = (start, end) == (mention.start, mention.end)
            places.append(
                (inside[0], inside[-1], "" if own else f" of '{sent.text[start - sent.start : end - sent.start]}'")
            )
    links = []
    for h in hits:
        found = ((bearing_link(texts, h.first, h.end, a, b), name) for a, b, name in places)
        links.append(next((link + name for link, name in found if link), ""))
    return links


def quoted_tone(
    sent: Sentence,
    mention: Mention,
    quote: Quote,
    *,
    about: bool = False,
    model: tuple[str, float] | None = None,
    tokens: Sequence[tuple[int, int]] | None = None,
    also: Sequence[tuple[int, int]] = (),
) -> tuple[float, list[str], str] | None:
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
    quoted words are tokenized here. When the mention stands in the quote, only judging words that bear
    on it, or on another mention of its target in ``also`` (article offsets; its resolved pronouns: "to
    see him as unfit"), count (:func:`bearing_link`) when that rule is on (:data:`ENABLED`); the third item
    names their links then (" (own clause)", " (own clause of 'him')", ...; " (said of)"), else "".

    Example:
        >>> import newslab as nl
        >>> from newslab.document import parse
        >>> from newslab.mention_record import Mention
        >>> doc = parse(nl.Article("a", "", "Canterbury said Sessions is “a great friend of the police.”"))
        >>> sessions = nl.Target("Sessions", aliases=["Sessions"])
        >>> from newslab.attribution import Quote
        >>> q = Quote(16, 59, "indirect", "reported-say", speaker="Canterbury")
        >>> score, words, link = quoted_tone(doc.sentences[0], Mention(sessions, 16, 24, "name", "name", 1.0), q)
        >>> (score > 0.3, words, link)
        (True, ['great', 'friend'], '')
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
    links = ["said of"] * len(hits)
    bearing = ENABLED["judging word bears on the target"]
    if bearing and not about:  # rule "judging word bears on the target": only words linked to a mention of it count
        links = _links(sent, spans, hits, mention, also)
    words = [
        sent.text[spans[h.first][0] : spans[h.end - 1][1]] + (" (negated)" if h.flipped else "")
        for h, link in zip(hits, links, strict=True)
        if not h.event and (h.weight > 0) == (score > 0) and link
    ]
    kept = sorted(
        {link for h, link in zip(hits, links, strict=True) if link and not h.event and (h.weight > 0) == (score > 0)}
    )
    return (score, words, f" ({', '.join(kept)})" if bearing else "") if words else None
