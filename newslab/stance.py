"""Stance: who takes which position toward whom (holder -> target), with the cue that says so.

:func:`stance_table` reads every attitude cue of the packaged lexicon ``stance_cues.tsv``
(criticize, complain, threaten, demand, praise, worried about, concern, doubt, friends, good
relationship, ...) and finds, in the cue's sentence,

* the **holder**, the source of the attitude: the speaker when the cue stands in a quote (direct
  or reported); otherwise the agent of a passive ("viewed with concern *by many NATO allies*"), the
  group after a noun cue ("uncertainty *among the other partners*"), the possessor of an attitude
  noun ("*the Republican’s* complaints"), or the nearest actor before the cue that is not inside
  a prepositional phrase (the subject, roughly); failing all, the ``author``;
* the **target**: for a passive, the target mentioned before the cue; for a quality noun the
  possessor ("*his* success"); otherwise the first target mention after the cue, and in a quote
  the last one before it. "allies", "partners", "member states" stand for NATO as a target
  (rule ``via members``) and are a holder of their own ("allies").

A negation within three words before the cue flips and damps its polarity. Two actors that
"had become friends" hold the stance toward each other. Every row keeps the cue words, the rules
used for holder and target, and the sentence. With ``sentiment=True``, mentions outside quotes
that no cue covers get an ``author`` row from :func:`newslab.target_sentiment` (the target side).
:func:`stance_summary` aggregates per article, holder and target.

Example:
    >>> import newslab as nl
    >>> art = nl.Article("a", "", "Donald Trump has always been very critical of NATO.")
    >>> nl.stance_table(art)[["holder", "target", "stance", "cues"]].values.tolist()
    [['Trump', 'NATO', 'against', ['critical of']]]
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import logging
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from newslab.corpus import Article, Corpus, progress_bar
from newslab.errors import ParameterError
from newslab.quotes import Cue, _Quote, _registry, article_quotes, cue_forms, load_cues
from newslab.targets import QuoteSpan, Target, _Mention, _sentence_of, article_mentions, as_articles, as_targets

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

STANCE_COLUMNS = [
    "article_id",
    "sentence_id",
    "holder",
    "holder_kind",
    "target",
    "stance",
    "score",
    "cues",
    "holder_rule",
    "target_rule",
    "target_mention",
    "start",
    "end",
    "sentence",
]
STANCES = ("favor", "against", "neutral")

NEGATION_SCALAR = -0.74  # VADER N_SCALAR (Hutto & Gilbert 2014): a negated cue flips and is damped
NEGATION_WINDOW = 3  # words before a cue searched for a negation (VADER checks three as well)
NEGATIONS = frozenset({"not", "n't", "n’t", "no", "never", "without", "hardly"})
#: Prepositions whose object is not a subject ("during Trump’s first term", "of the Netherlands").
PREPOSITIONS = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "about",
        "during",
        "under",
        "over",
        "after",
        "before",
        "since",
        "between",
        "among",
        "against",
        "into",
        "by",
    ]
)
#: Words after which a description names a group standing for an organization's members.
MEMBER_RE = re.compile(
    r"(?<![\w-])(?:(?:the|many|most|all|other|his|its|their|some|several|European|NATO|majority of)\s+){0,3}"
    r"(?:allies|partners|member states|members)(?![\w-])",
    re.IGNORECASE,
)
#: Organization targets that "allies/partners/member states" stand for (by target name).
MEMBER_TARGETS = frozenset({"NATO"})
TARGET_WINDOW = 15  # words between a cue and its target at most (set by hand on the seed sentences)
AUTHOR_MIN_SCORE = 0.3  # weaker target_sentiment scores are left out (set by hand on the seed sentences)
EVIDENCE_FEATURES = 4  # features of a target_sentiment result kept as evidence
THRESHOLD = 0.05  # |score| below this is "neutral" (set by hand; cues are weighted 0.3-1.0)


@dataclasses.dataclass
class _Actor:
    label: str
    start: int
    end: int
    target: Target | None = None
    member_of: Target | None = None


@functools.cache
def _cue_regex(name: str) -> tuple[dict[str, Cue], re.Pattern[str]]:
    forms = cue_forms(load_cues(name))
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return forms, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=16)
def _by_surname(names: tuple[str, ...]) -> dict[str, str]:
    """The first registry name for each last word: a lookup per capitalized run, not a scan of all names.

    Keyed on the registry's names (small, one article's); when the registry becomes an argument
    of the stance pass, build this once per article there instead.
    """
    index: dict[str, str] = {}
    for n in names:
        if n not in ("United States", "White House"):
            index.setdefault(n.split()[-1], n)
    return index


def _person_runs(article: Article, sent_index: int) -> list[_Actor]:
    """Capitalized runs that look like people (in the article's name registry or a surname of one)."""
    names = _registry(article)
    sent = article.sentences[sent_index]
    actors = []
    for m in re.finditer(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", sent.text):
        words = [re.sub(r"[’']s$", "", w) for w in m.group().split()]
        if not words:
            continue
        full = _by_surname(names).get(words[-1], "")
        if full:
            end = sent.start + m.end() - (2 if m.group().endswith(("’s", "'s")) else 0)
            actors.append(_Actor(full, sent.start + m.start(), end))
    return actors


def _actors(article: Article, sent_index: int, mentions: list[_Mention], member_targets: list[Target]) -> list[_Actor]:
    sent = article.sentences[sent_index]
    actors: list[_Actor] = []
    for g in MEMBER_RE.finditer(sent.text):
        group = _Actor("allies", sent.start + g.start(), sent.start + g.end())
        group.member_of = member_targets[0] if member_targets else None
        actors.append(group)
    for m in mentions:
        if sent.start <= m.start < sent.end and not any(a.start <= m.start < a.end for a in actors):
            actors.append(_Actor(m.target.name, m.start, m.end, target=m.target))
    for p in _person_runs(article, sent_index):
        if not any(p.start < a.end and a.start < p.end for a in actors):
            actors.append(p)
    for pm in re.finditer(r"\b(?:they|They|she|She|he|He)\b", sent.text):
        start = sent.start + pm.start()
        if not any(a.start <= start < a.end for a in actors):
            actors.append(_Actor(pm.group().lower(), start, start + len(pm.group())))
    return sorted(actors, key=lambda a: a.start)


def _entity(a: _Actor) -> str:
    return a.target.name if a.target is not None else a.label


def _preceded_by_preposition(text: str, start: int) -> bool:
    before = re.findall(r"[\w’'-]+", text[max(0, start - 40) : start])
    skip = {"the", "a", "an", "his", "her", "its", "their", "many", "most", "all", "some"}
    while before and before[-1].lower() in skip:
        before.pop()
    return bool(before) and before[-1].lower() in PREPOSITIONS


def _resolve_they(article: Article, sent_index: int, actors_by_sentence: dict[int, list[_Actor]]) -> str:
    for index in (sent_index, sent_index - 1):
        if any(a.label == "allies" for a in actors_by_sentence.get(index, [])):
            return "allies"
    return "they"


def _sentiment_hook(sentiment: bool | Callable[..., Any]) -> Callable[..., Any] | None:
    if callable(sentiment):
        return sentiment
    if not sentiment:
        return None
    try:
        hook: Callable[..., Any] = importlib.import_module("newslab.sentiment").target_sentiment
        return hook
    except (ImportError, AttributeError):
        logger.debug("newslab.sentiment.target_sentiment not available; no author rows from sentiment")
        return None


def _label(score: float) -> str:
    return "favor" if score > THRESHOLD else ("against" if score < -THRESHOLD else "neutral")


def article_stance(
    article: Article,
    targets: tuple[Target, ...],
    *,
    cues: str = "stance_cues",
    sentiment: bool | Callable[..., Any] = False,
) -> list[dict[str, Any]]:
    """Stance rows of one article (see :func:`stance_table`)."""
    text = article.text
    forms, cue_rx = _cue_regex(cues)
    quotes = article_quotes(article, targets)
    spans = [QuoteSpan(q.start, q.end, q.resolved) for q in quotes if q.kind == "direct" and q.resolved]
    mentions = article_mentions(article, targets, quotes=spans)
    member_targets = [t for t in targets if t.name in MEMBER_TARGETS]
    mentions_by_sentence: dict[int, list[_Mention]] = {}
    for m in mentions:
        mentions_by_sentence.setdefault(_sentence_of(article, m.start), []).append(m)
    actors_by_sentence = {
        s.index: _actors(article, s.index, mentions_by_sentence.get(s.index, []), member_targets)
        for s in article.sentences
    }
    rows: list[dict[str, Any]] = []
    covered: set[tuple[int, str]] = set()  # (sentence, entity) already holder or target of a cue row

    def add(sent_index: int, holder: str, kind: str, tgt: _Actor, score: float, cue_words: list[str],
            hrule: str, trule: str) -> None:  # fmt: skip
        target = tgt.target or tgt.member_of
        if target is None or holder in (target.name, *target.aliases):
            return
        sent = article.sentences[sent_index]
        rows.append({
            "article_id": article.id, "sentence_id": sent_index, "holder": holder, "holder_kind": kind,
            "target": target.name, "stance": _label(score), "score": round(score, 4) if score else 0.0,
            "cues": cue_words, "holder_rule": hrule, "target_rule": trule,
            "target_mention": text[tgt.start : tgt.end], "start": tgt.start, "end": tgt.end, "sentence": sent.text,
        })  # fmt: skip
        covered.update({(sent_index, target.name), (sent_index, holder)})

    def speaker_name(q: _Quote) -> str:
        for t in targets:
            if q.resolved in t.aliases or q.resolved == t.name:
                return t.name
        return q.resolved or q.speaker or "unknown speaker"

    for sent in article.sentences:
        actors = actors_by_sentence[sent.index]
        for cm in cue_rx.finditer(sent.text):
            cue = forms[cm.group().lower()]
            if cue.polarity == 0:
                continue
            cs, ce = sent.start + cm.start(), sent.start + cm.end()
            words = re.findall(r"[\w’'-]+", text[sent.start : cs])[-NEGATION_WINDOW:]
            negated = any(w.lower() in NEGATIONS or w.lower().endswith(("n't", "n’t")) for w in words)
            score = cue.polarity * (NEGATION_SCALAR if negated else 1.0)
            cue_words = [("not " if negated else "") + cm.group()]
            quote = next((q for q in quotes if q.start <= cs < q.end), None)
            after = text[ce : sent.end]
            holder: str | None = None
            holder_actor: _Actor | None = None
            passive = re.match(r"(?:\s+[\w’'-]+){0,3}?\s+by\s+", after)
            among = re.match(r"(?:\s+[\w’'-]+){0,3}?\s+among\s+", after) if cue.kind == "noun" else None
            if quote is not None:
                holder, kind, hrule = speaker_name(quote), "speaker", f"{quote.kind} quote ({quote.rule})"
            else:
                kind = "actor"
                agent_at = ce + passive.end() if passive else (ce + among.end() if among else -1)
                holder_actor = next((a for a in actors if a.start == agent_at), None) if agent_at >= 0 else None
                hrule = "passive agent" if passive else "group after noun"
                if holder_actor is None and cue.kind != "quality":
                    poss = re.search(r"[’']s\s+(?:[\w-]+\s+and\s+)?$", text[sent.start : cs])
                    if poss:
                        pe = sent.start + poss.start()
                        holder_actor = next((a for a in actors if a.end == pe), None)
                        hrule = "possessor of attitude noun"
                if holder_actor is None:
                    before = [a for a in actors if a.end <= cs and not _preceded_by_preposition(text, a.start)]
                    holder_actor = before[-1] if before else None
                    hrule = "nearest actor before cue"
                if holder_actor is None:
                    holder, kind, hrule = "author", "author", "no actor before cue"
                else:
                    holder = _entity(holder_actor)
                    if holder == "they":
                        holder = _resolve_they(article, sent.index, actors_by_sentence)
            candidates = [a for a in actors if (a.target or a.member_of) is not None]
            if holder_actor is not None:
                candidates = [a for a in candidates if not (a.start < holder_actor.end and holder_actor.start < a.end)]
            candidates = [a for a in candidates if _entity(a) != holder and (a.target or a.member_of).name != holder]  # type: ignore[union-attr]
            tgt: _Actor | None = None
            if passive and quote is None:
                tgt = next((a for a in reversed(candidates) if a.end <= cs), None)
                trule = "target before passive cue"
            elif cue.kind == "quality":
                tgt = next((a for a in reversed(candidates) if a.end <= cs and cs - a.end <= 4), None)
                trule = "possessor of quality noun"
            else:
                # the first actor after the cue that is not the holder; a non-target there (Putin) ends the search
                limit = quote.end if quote is not None else sent.end
                following = [a for a in actors if ce <= a.start < limit and _entity(a) != holder]
                following = [a for a in following if len(re.findall(r"[\w’'-]+", text[ce : a.start])) <= TARGET_WINDOW]
                tgt = following[0] if following and following[0] in candidates else None
                trule = "first target after cue"
                if tgt is not None and tgt.target is None:
                    trule = "first target after cue (via members)"
                if tgt is None and quote is not None:
                    tgt = next((a for a in reversed(candidates) if quote.start <= a.start < cs), None)
                    trule = "target before cue in quote"
            if tgt is not None and holder is not None:
                add(sent.index, holder, kind, tgt, score, cue_words, hrule, trule)
        for fm in re.finditer(  # (?<!...): "a" starts at a word's start, so a long word is scanned once, not per letter
            r"(?<![\w’'-])(?P<a>[\w’'-]+)\s+and\s+(?P<b>[\w’'-]+)\s+"
            r"(?:had\s+|have\s+|has\s+)?(?:become|are|were|remained)\s+(?:good\s+|close\s+)?friends",
            sent.text,
        ):
            pair = []
            for g in ("a", "b"):
                start = sent.start + fm.start(g)
                actor = next((a for a in actors if a.start <= start < a.end), None)
                quote = next((q for q in quotes if q.start <= start < q.end and q.kind == "indirect"), None)
                if (
                    actor is not None
                    and actor.label == "he"
                    and quote is not None
                    and fm.start(g) == 0 + (quote.start - sent.start)
                ):
                    pair.append((speaker_name(quote), actor))  # "Trump said he and Rutte ...": he = the speaker
                elif actor is not None:
                    pair.append((_entity(actor), actor))
                elif fm.group(g)[:1].isupper():
                    word = re.sub(r"[’']s$", "", fm.group(g))
                    pair.append((word, _Actor(word, start, start + len(word))))
            if len(pair) == 2:
                (ha, aa), (hb, ab) = pair
                add(sent.index, ha, "actor", ab, 0.8, ["become friends"], "mutual (a and b became friends)", "mutual")
                add(sent.index, hb, "actor", aa, 0.8, ["become friends"], "mutual (a and b became friends)", "mutual")
                if aa.target is None and ha != aa.label:
                    for t in targets:
                        if ha in t.aliases or ha == t.name:
                            add(sent.index, hb, "actor", _Actor(t.name, aa.start, aa.end, target=t), 0.8,
                                ["become friends"], "mutual (a and b became friends)", "mutual")  # fmt: skip
    hook = _sentiment_hook(sentiment)
    if hook is not None:
        for m in mentions:
            if m.kind == "pronoun" or any(q.start <= m.start < q.end for q in quotes):
                continue
            sid = _sentence_of(article, m.start)
            if (sid, m.target.name) in covered:
                continue
            sent = article.sentences[sid]
            try:
                result = hook(sent.text, span=(m.start - sent.start, m.end - sent.start))
            except Exception as err:  # a hook from another module must not break the table
                logger.warning("target_sentiment failed on %r: %s", sent.text[:60], err)
                continue
            label = str(getattr(result, "label", "neutral"))
            score = float(getattr(result, "score", 0.0))
            if label == "neutral" or abs(score) < AUTHOR_MIN_SCORE:
                continue
            evidence = getattr(result, "evidence", ())
            # model features as "name=value" (newslab.sentiment.Feature), strongest first, as the evidence
            cue_words = [
                f"{getattr(e, 'name', e)}={getattr(e, 'value', '')}" for e in tuple(evidence)[:EVIDENCE_FEATURES]
            ]
            add(sid, "author", "author", _Actor(m.target.name, m.start, m.end, target=m.target), score, cue_words,
                "author (no holder in text)", "target_sentiment")  # fmt: skip
    return rows


def stance_table(
    corpus: Corpus | Article | Iterable[Article] | str,
    targets: Target | Iterable[Target] | None = None,
    *,
    cues: str = "stance_cues",
    sentiment: bool | Callable[..., Any] = False,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Who takes which position toward which target, with the cues and the sentence.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        targets: Targets whose stance is wanted; default ``(TRUMP, NATO)``. Holders need not be
            targets (quoted speakers, named people, "allies", "author").
        cues: Packaged cue table (TSV name without ``.tsv``) with cue, polarity, kind, speech, source.
        sentiment: Also add ``author`` rows from ``newslab.sentiment.target_sentiment`` for
            mentions outside quotes that no cue covers (``True``), or from a callable with the
            same signature ``f(text, span=(start, end))``. Off by default: those rows carry model
            features, not cue words, as evidence, and the first call loads the model (~1 s).
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns article_id, sentence_id, holder, holder_kind ("speaker", "actor",
        "author"), target, stance ("favor", "against", "neutral"), score (cue polarity in
        [-1, 1], negation applied), cues (list of cue words), holder_rule, target_rule,
        target_mention, start, end (of the target mention in ``article.text``), sentence.

    Example:
        >>> import newslab as nl
        >>> art = nl.Article("a", "", "Allies are worried about Trump. NATO is not praised by Trump.")
        >>> stance_table(art, sentiment=False)[["holder", "target", "stance", "score"]].values.tolist()
        [['allies', 'Trump', 'against', -0.6], ['Trump', 'NATO', 'against', -0.74]]
    """
    import pandas as pd

    if not isinstance(sentiment, bool) and not callable(sentiment):
        raise ParameterError(f"sentiment={sentiment!r}; valid: True, False or a callable like target_sentiment")
    chosen = as_targets(targets)
    rows = []
    for art in progress_bar(as_articles(corpus), progress, "stance"):
        rows.extend(article_stance(art, chosen, cues=cues, sentiment=sentiment))
    return pd.DataFrame(rows, columns=STANCE_COLUMNS)


def stance_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Aggregate a :func:`stance_table` per article, holder and target.

    Returns:
        DataFrame article_id, holder, target, stance (label of the mean score), score (mean),
        n (rows), favor, against (row counts), cues (all cue words), sentence_ids.

    Example:
        >>> import newslab as nl
        >>> s = stance_summary(stance_table(nl.load_seed_corpus(), sentiment=False))
        >>> s[(s.holder == "Trump") & (s.target == "NATO")][["article_id", "stance", "n"]].values.tolist()
        [['es-daily', 'against', 4], ['de-dpa', 'against', 3]]
    """
    import pandas as pd

    columns = ["article_id", "holder", "target", "stance", "score", "n", "favor", "against", "cues", "sentence_ids"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    order = {a: i for i, a in enumerate(dict.fromkeys(table["article_id"]))}
    grouped = table.groupby(["article_id", "holder", "target"], sort=False)
    out = grouped.agg(
        score=("score", "mean"),
        n=("score", "size"),
        favor=("stance", lambda s: int((s == "favor").sum())),
        against=("stance", lambda s: int((s == "against").sum())),
        cues=("cues", lambda c: [w for ws in c for w in ws]),
        sentence_ids=("sentence_id", lambda s: sorted(set(s))),
    ).reset_index()
    out["stance"] = out["score"].map(_label)
    out = out.sort_values(["article_id", "n"], key=lambda c: c.map(order) if c.name == "article_id" else -c)
    return out.reset_index(drop=True)[columns]


__all__ = ["STANCES", "STANCE_COLUMNS", "stance_summary", "stance_table"]
