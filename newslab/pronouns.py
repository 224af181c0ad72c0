"""Pronouns resolved to targets: same sentence, previous sentence, and inside direct quotes.

A pronoun of a target (he/his for a person, it/its for an organization) resolves to the nearest
compatible mention in its sentence, or to the only target of the previous sentence, unless
another name stands between (:func:`blockers`). Inside a direct quote, he/his never mean the
speaker (:func:`quote_pronouns`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Iterable, Sequence
from itertools import compress

from newslab.anchored import occurrences
from newslab.binding import quote_about
from newslab.document import Article, Document, Tokens, parse
from newslab.lexicons import rule_words, stopwords
from newslab.mention_record import CONFIDENCE, Mention, QuoteSpan
from newslab.names import ROLE_WORDS, WORD_PATTERN, speaks_as
from newslab.targets import Target

#: Sentences before a quote's sentence searched for the antecedent of a pronoun inside the quote
#: (within the paragraph). Set by hand: the attribution usually names the referent one sentence back.
QUOTE_LOOKBACK = 2
OVERLAP_CHECK = 3  # mentions before a pronoun checked for overlap with it (mentions do not nest: the last few do)


#: Words after "it" that make it an expletive or clausal subject ("it was set", "it is true").
EXPLETIVE_NEXT = frozenset(rule_words("pronouns.EXPLETIVE_NEXT"))


_ADJECTIVE_END = re.compile(r"(an|ish|ese|ch)$").search  # a lone nationality adjective ("Russian", "Dutch")

#: Capitalized words that are not names (calendar words and "I").
NOT_NAMES = frozenset(rule_words("pronouns.NOT_NAMES"))


def _blockers(
    words: Sequence[int],
    tokens: Tokens,
    mentions: Sequence[Mention],
    end: int,
    *,
    start: int = 0,
    the: bool = False,
    first: bool = False,
) -> list[str]:
    """Capitalized runs among a sentence's ``words`` between ``start`` and ``end`` that could name someone else.

    ``words`` are indices into the document's ``tokens`` (:class:`_SentenceWords`), read through its columns.
    Runs after "the" ("the White House") count only with ``the=True`` (for it/its, which may mean
    "the United States"); a lone nationality adjective ("Russian") and calendar words never count.
    ``mentions`` are the target mentions of the sentence (their words never count). With ``first``,
    the search stops at the first such run (for a yes/no question: the result is then its first run).
    """
    texts, tok_starts, tok_ends = tokens.texts, tokens.starts, tokens.ends
    result: list[str] = []
    run: list[int] = []
    first_start = tok_starts[words[0]] if words else -1
    spans = sorted((m.start, m.end) for m in mentions)  # "inside a mention" by bisect, not a scan per word
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end among mentions so far

    stop = stopwords()

    def flush(index: int) -> None:
        if run:
            lead = run[0]
            # a run before ``start`` never counts: decided first, as the other conditions only add to it
            if tok_starts[lead] >= start and (len(run) > 1 or not _ADJECTIVE_END(texts[lead])):
                prev = texts[words[index - len(run) - 1]].lower() if index - len(run) > 0 else ""
                if tok_starts[lead] == first_start and texts[lead].lower() in stop:
                    prev = texts[lead].lower()  # sentence-initial "The United States" is like "the United States"
                names = [t for t in run if not (tok_starts[t] == first_start and texts[t].lower() in stop)]
                names = [t for t in names if texts[t] not in NOT_NAMES and not texts[t].isupper()]
                if names and (the or prev != "the"):
                    result.append(" ".join(texts[t] for t in run))
            run.clear()

    index = 0
    for index, t in enumerate(words):
        if tok_ends[t] > end:
            flush(index)
            return result
        if texts[t][:1].isupper():
            at = bisect.bisect_right(starts, tok_starts[t]) - 1
            if not (at >= 0 and reach[at] > tok_starts[t]):  # not inside a mention
                run.append(t)
                continue
        if run:
            flush(index)
            if first and result:
                return result  # a yes/no question is answered by the first run (the rest only adds to it)
    flush(len(words))
    return result


#: Whether a text has a letter or digit: ``[^\W_]`` is exactly ``str.isalnum`` per character (sre's word class
#: is isalnum or "_"), searched in C rather than by a generator per token.
_has_alnum = re.compile(r"[^\W_]").search


def word_hits(doc: Document, words: Collection[str]) -> list[int]:
    """Indices of the document's tokens whose lowercase text is one of ``words``, in text order.

    When every word is plain ASCII letters, the document's shared lowercased tokens
    (:meth:`~newslab.document.Document.lowered_tokens`) are read instead of lowercasing every token again:
    they differ from ``str.lower`` only in apostrophes (made plain) and in a Greek final sigma (lowered in
    its sentence), and neither can equal an ASCII word, so the same tokens are found.

    Example:
        >>> from newslab.document import Article
        >>> word_hits(parse(Article("a", "", "He said it. HE left.")), {"he", "it"})
        [0, 2, 4]
    """
    if all(w.isascii() and w.isalpha() for w in words):
        lowered: Iterable[str] = itertools.chain.from_iterable(map(doc.lowered_tokens, range(len(doc.sentences))))
    else:
        lowered = map(str.lower, doc.tokens.texts)
    return list(compress(itertools.count(), map(words.__contains__, lowered)))


def hits_among(doc: Document, words: Collection[str], hits: Sequence[int] | None = None) -> list[int]:
    """:func:`word_hits` of ``words``; given the hits of more words (``hits``), the part of them that are ``words``.

    ``word_hits`` finds exactly the tokens whose ``str.lower`` is one of the words (its docstring), so the
    hits of a superset of ``words`` kept by that test are the hits of ``words``: one scan of the document
    serves the pronoun rules of :func:`resolve_pronouns` and of :func:`newslab.coreference.resolve_discourse`.

    Example:
        >>> doc = parse(Article("a", "", "He said it. The man left."))
        >>> hits_among(doc, {"he", "it"}, word_hits(doc, {"he", "it", "man"}))
        [0, 2]
    """
    if hits is None:
        return word_hits(doc, words)
    texts = doc.tokens.texts
    return [i for i in hits if texts[i].lower() in words]


class _SentenceWords(dict[int, list[int]]):
    """Word tokens (with a letter or digit) of a sentence, as token indices, collected when first asked for."""

    def __init__(self, article: Document) -> None:
        super().__init__()
        self.tokens = article.tokens
        self.ends = list(itertools.accumulate(len(spans) for spans in article.token_spans))

    def __missing__(self, sentence: int) -> list[int]:
        low, high = self.ends[sentence - 1] if sentence else 0, self.ends[sentence]
        # indices, not Tokens: a Token kept per word of every sentence asked for was half a Token per word again
        words = list(compress(range(low, high), map(_has_alnum, self.tokens.texts[low:high])))
        self[sentence] = words
        return words


_OPENING_PRONOUN = re.compile(r"\s*[\"“‘']?(?P<word>He|She)\b")
_SAME_PERSON = {"he": "he", "him": "he", "his": "he", "himself": "he", "she": "she", "her": "she", "hers": "she"}


def _open_subject(text: str, sentence_start: int, low: str, mentions: Sequence[Mention]) -> bool:
    """Rule "open subject": the previous sentence opens with a subject pronoun of the same person left open.

    "Who dropped out? Vivek Ramaswamy. He endorsed Trump straight away. Here is how he put it": the
    first "He" is no target mention (principle C), so the later "he" continues it, not the name after it.
    """
    m = _OPENING_PRONOUN.match(text, sentence_start)
    if m is None or m.group("word").lower() != _SAME_PERSON.get(low):
        return False
    return not any(x.start == m.start("word") for x in mentions)


def resolve_pronouns(
    article: Document,
    mentions: list[Mention],
    targets: Sequence[Target],
    *,
    skip: Collection[int] = (),
    hits: Sequence[int] | None = None,
) -> list[Mention]:
    """Pronouns resolved to the targets' ``mentions``: in the same sentence, else the previous one.

    ``skip``: start offsets of pronouns left unresolved (a later rule vetoed them), so that no later
    pronoun is chained on them. ``hits``: :func:`word_hits` of a set of words holding the targets'
    pronouns, when the caller found them (see :func:`hits_among`); ``None``: found here.
    """
    pronoun_targets: dict[str, list[Target]] = {}
    for t in targets:
        for p in t.pronouns or ():
            pronoun_targets.setdefault(p, []).append(t)
    if not pronoun_targets:
        return []
    found: list[Mention] = []
    tokens = article.tokens
    # the indices of the tokens that are one of the pronouns, from the shared lowercased tokens (word_hits)
    hits = hits_among(article, pronoun_targets, hits)
    if not hits:
        return []
    words = _SentenceWords(article)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(article.sentence_of(m.start), []).append(m)
    for i in hits:
        tok = tokens[i]
        if skip and tok.start in skip:
            continue  # vetoed by a later rule: neither resolved nor an antecedent of the next pronoun
        low = tok.text.lower()
        candidates = pronoun_targets[low]
        here = by_sentence.get(tok.sentence, [])
        if any(m.start <= tok.start < m.end for m in here):
            continue
        if tok.text.isupper() and len(tok.text) > 1:
            continue  # "… SAYING EX-CHIEF STRATEGIST 'LOST HIS MIND'": in capitals, no name stands out as a blocker
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        if low == "it" and nxt in EXPLETIVE_NEXT:
            continue
        sent_words = words[tok.sentence]
        same = [m for m in here if m.target in candidates and m.end <= tok.start]
        person = all(t.kind == "person" for t in candidates)
        # whether another name comes before the pronoun: asked only for a person's pronoun (the one use below)
        blockers = person and bool(_blockers(sent_words, tokens, here, tok.start, first=True))
        if same:
            ante = same[-1]
            if person and blockers:
                continue  # another person is named before the pronoun in this sentence
            if not person:
                since = 0 if low == "its" else ante.end  # "its" as determiner tends to point to the subject
                if _blockers(sent_words, tokens, here, tok.start, start=since, the=True, first=True):
                    continue  # another name could be meant: "The United States ... its next president"
            rule = "pronoun"
        elif tok.sentence > 0 and (
            (person and not blockers)
            or (
                not person and low != "its" and not _blockers(sent_words, tokens, here, tok.start, the=True, first=True)
            )
        ):
            prev_sent = tok.sentence - 1
            before = by_sentence.get(prev_sent, [])
            prev = [m for m in before if m.target in candidates]
            if not prev or len({m.target.name for m in prev}) != 1:
                continue
            prev_end = article.sentences[prev_sent].end
            if _blockers(words[prev_sent], tokens, before, prev_end, the=not person, first=True):
                continue  # another name in the previous sentence could be meant
            if person and _open_subject(article.text, article.sentences[prev_sent].start, low, before):
                continue  # rule "open subject": "He endorsed Trump straight away. Here is how he put it"
            ante, rule = prev[-1], "pronoun:previous-sentence"
        else:
            continue
        label = article.text[ante.start : ante.end] if not ante.antecedent else ante.antecedent
        new = Mention(ante.target, tok.start, tok.end, "pronoun", rule, CONFIDENCE[rule], label)
        found.append(new)
        here.append(new)  # later pronouns may chain on this one; tokens come in text order
        by_sentence[tok.sentence] = here
    return found


def _other_names(
    article: Document,
    mentions: Sequence[Mention],
    start: int,
    end: int,
    *,
    skip: Iterable[str],
    the: bool,
    first: bool = False,
) -> list[str]:
    """Capitalized runs in ``article.text[start:end]`` that could name someone other than a target.

    Not counted: words inside target mentions, the words in ``skip`` (the speaker's name) and a
    capitalized run right before them (the speaker's title: "NATO Secretary-General Mark Rutte"),
    stopwords ("When" opening a quote), calendar words, a lone nationality adjective, text in
    square brackets (an editor's insertion); a run of role words only ("Prime Minister") counts
    only after "the" ("The Secretary General and his team"); other runs after "the" ("the
    Netherlands") and acronyms count only with ``the=True`` (for it/its). With ``first``, the
    search stops at the first such run (for a yes/no question).
    """
    skip = set(skip)
    text = article.text
    spans = sorted((x.start, x.end) for x in mentions)  # "inside a mention" by bisect, not a scan per word
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end among mentions so far
    brackets = [m.span() for m in re.finditer(r"\[[^\]\n]*\]", text[start:end])]
    result: list[str] = []
    run: list[str] = []
    after_the = False
    prev = ""

    def flush() -> None:
        names = [w for w in run if w.lower() not in ROLE_WORDS]
        # a lone nationality adjective ("French", "Dutch"); not a surname in -ich ("Kasich", mr10)
        adjective = len(names) == 1 and len(run) == 1 and re.search(r"(an|ish|ese|[^i]ch)$", run[0]) is not None
        if run and (after_the if not names else (the or not after_the) and not adjective):
            result.append(" ".join(run))
        run.clear()

    for m in re.finditer(WORD_PATTERN, text[start:end]):
        word, pos = m.group(), start + m.start()
        ignored = (
            any(b0 <= m.start() < b1 for b0, b1 in brackets)
            or ((at := bisect.bisect_right(starts, pos) - 1) >= 0 and reach[at] > pos)
            or word in skip
            or word.lower() in stopwords()
            or word in NOT_NAMES
            or (word.isupper() and not the)
        )
        if word[:1].isupper() and not ignored:
            if not run:
                after_the = prev == "the"
            run.append(word)
        else:
            if word in skip:
                run.clear()  # the speaker's title ("NATO Secretary-General Mark Rutte"): not someone else (mr10)
            flush()
            if first and result:
                return result
        prev = word.lower()
    flush()
    return result


def quote_pronouns(
    article: Article | Document, mentions: Sequence[Mention], targets: Sequence[Target], quotes: Iterable[QuoteSpan]
) -> list[Mention]:
    """Third-person pronouns inside direct quotes, resolved to someone other than the speaker.

    Inside a quote the speaker says I/me/my (we/our), so he/him/his (its for an organization
    speaking) never refer to the speaker. Such a pronoun is resolved to the nearest compatible target
    mention before it (in the quote's sentence or up to ``QUOTE_LOOKBACK`` sentences back in the
    same paragraph) when that target is not the speaker, it is the only compatible target there,
    and no other name (besides the speaker's) stands between the start of that mention's sentence
    and the pronoun. A bare "it" is never resolved here (in speech it mostly stands for an action
    or a situation: "we must do it faster"); its/itself are. Rule ``"pronoun:in-quote"``;
    pronouns already resolved are left alone.

    Args:
        article: The article.
        mentions: Its target mentions (names, descriptions, pronouns), e.g. from ``article_mentions``.
        targets: The targets (their pronoun lists decide compatibility).
        quotes: Direct quotes with a resolved speaker.

    Returns:
        The new pronoun mentions (not including ``mentions``).

    Example:
        >>> from newslab.mentions import article_mentions
        >>> from newslab.targets import DEFAULT_TARGETS, TRUMP
        >>> art = Article("x", "", "Rutte praised Trump. “He made us pay,” Rutte said.")
        >>> quote = QuoteSpan(22, 36, "Rutte")
        >>> [(m.target.name, art.text[m.start : m.end], m.rule) for m in
        ...  quote_pronouns(art, article_mentions(art, DEFAULT_TARGETS), DEFAULT_TARGETS, [quote])]
        [('Trump', 'He', 'pronoun:in-quote')]
    """
    article = parse(article)
    pronoun_targets: dict[str, list[Target]] = {}
    for t in targets:
        for p in t.pronouns or ():
            pronoun_targets.setdefault(p, []).append(t)
    tokens = article.tokens
    token_starts, token_ends, texts = tokens.starts, tokens.ends, tokens.texts  # the shared columns (read only)
    pool = sorted(mentions, key=lambda m: m.start)
    pool_starts = [m.start for m in pool]  # kept in step with pool: lookups by bisect, not scans
    breaks = occurrences(article.text, "\n")  # a quote's paragraph by bisect, not a search back per quote
    added: list[Mention] = []
    for quote in quotes:
        if not quote.speaker.strip():
            continue
        speaker_words = set(quote.speaker.split())
        line = bisect.bisect_left(breaks, quote.start)  # the line breaks before the quote
        para_start = breaks[line - 1] + 1 if line else 0
        first = max(article.sentence_of(para_start), article.sentence_of(quote.start) - QUOTE_LOOKBACK)
        window_start = article.sentences[first].start
        for i in range(bisect.bisect_left(token_starts, quote.start), len(tokens)):
            if token_ends[i] > quote.end:
                break
            low = texts[i].lower()
            if low not in pronoun_targets:
                continue  # not a pronoun of a target (most words of a quote)
            tok = tokens[i]
            candidates = [t for t in pronoun_targets[low] if not speaks_as(quote.speaker, t)]
            at = bisect.bisect_right(pool_starts, tok.start)
            if not candidates or any(m.end > tok.start for m in pool[max(0, at - OVERLAP_CHECK) : at]):
                continue  # already part of a mention (mentions do not nest, so the last few suffice)
            if low == "it":
                continue  # in speech a bare "it" is mostly an action or a situation: "we must do it faster"
            window = pool[bisect.bisect_left(pool_starts, window_start) : at]  # a few sentences back at most
            before = [m for m in window if m.end <= tok.start]
            compatible = [m for m in before if m.target in candidates]
            if not compatible or len({m.target.name for m in compatible}) != 1:
                continue  # nothing, or two targets that could be meant
            ante = compatible[-1]
            since = article.sentences[article.sentence_of(ante.start)].start
            person = all(t.kind == "person" for t in candidates)
            if _other_names(article, before, since, tok.start, skip=speaker_words, the=not person, first=True):
                continue  # somebody else is named nearby: ambiguous
            if quote_about(article.text, (quote.start, quote.end), ante.target._name_re):
                continue  # rule "quote about another": "“He's quite a guy,” he said of Kim"
            label = ante.antecedent or article.text[ante.start : ante.end]
            rule = "pronoun:in-quote"
            new = Mention(ante.target, tok.start, tok.end, "pronoun", rule, CONFIDENCE[rule], label)
            added.append(new)
            at = bisect.bisect_right(pool_starts, new.start)  # later pronouns may chain on this one
            pool.insert(at, new)
            pool_starts.insert(at, new.start)
    return added
