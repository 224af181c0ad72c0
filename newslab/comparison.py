"""Comparison: which words set articles apart (keyness) and a side-by-side table per target.

:func:`keyness` ranks the words of two articles (or two groups of articles) by how much
more typical they are of one side, with the log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi & Quinn 2008) or Dunning's log-likelihood G2 with a log-ratio
effect size. :func:`compare` builds one row per article x target from the other newslab
measures (mentions, labels, tone, stance, frames, quotes), and :func:`compare_summary`
turns that table into short plain-English statements, each computed from the table.

Example:
    >>> import newslab as nl
    >>> k = nl.keyness(nl.load_seed_corpus(), "es-daily", "de-dpa")
    >>> k.iloc[0].term, k.iloc[-1].term  # most typical of es-daily, of de-dpa
    ('house', 'usa')
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newslab.corpus import Article, Corpus, as_articles
from newslab.errors import NewslabError, ParameterError
from newslab.lexicons import stopwords as packaged_stopwords

logger = logging.getLogger(__name__)

METHODS = ("log_odds_dirichlet", "log_likelihood")
NAME_OPTIONS = ("keep", "drop", "only")
#: Columns of :func:`keyness`.
KEYNESS_COLUMNS = [
    "term",
    "count_a",
    "count_b",
    "per_1000_a",
    "per_1000_b",
    "score",
    "effect",
    "p_value",
    "favours",
    "is_name",
]
#: Zero counts in the log ratio are replaced by this (Hardie 2014, "Log Ratio", uses 0.5).
LOG_RATIO_ZERO = 0.5

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})

Group = str | Sequence[str]


def _group(corpus: Corpus, ids: Group, side: str) -> list[Article]:
    chosen = [ids] if isinstance(ids, str) else list(ids)
    if not chosen:
        raise ParameterError(f"{side}= is empty; give an article id or a list of ids (ids: {corpus.ids})")
    unknown = [i for i in chosen if not isinstance(i, str) or i not in corpus]
    if unknown:
        raise ParameterError(f"{side}={unknown[0]!r} is not an article id; valid: {corpus.ids}")
    return [corpus[i] for i in chosen]


def _label(ids: Group) -> str:
    return ids if isinstance(ids, str) else "+".join(ids)


def _term(token: str) -> str:
    return token.lower().translate(_APOSTROPHES)


def _counts(
    articles: Iterable[Article], stop: frozenset[str], numbers: bool, ngram: int = 1
) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Term counts, capitalized counts and non-initial capitalized counts.

    With ``ngram`` > 1 a term is ``ngram`` consecutive words of one sentence with no punctuation or
    clitic between them, and a stopword may stand inside it but not at either end.
    """
    counts: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for art in articles:
        text = art.text
        for spans in art.token_spans:
            run: list[tuple[str, bool, bool]] = []  # (term, capitalized, first word of the sentence)
            initial = True
            for s, e in spans:
                word = text[s:e]
                if not any(ch.isalnum() for ch in word):
                    run = []  # punctuation breaks an n-gram
                    continue
                first, initial = initial, False
                term = _term(word)
                if term.startswith("'") or (not numbers and not any(ch.isalpha() for ch in term)):
                    run = []  # so do a clitic ('s) and a number left out
                    continue
                run.append((term, word[0].isupper(), first))
                if len(run) < ngram:
                    continue
                gram = run[-ngram:]
                if gram[0][0] in stop or gram[-1][0] in stop:
                    continue
                key = " ".join(g[0] for g in gram)
                counts[key] += 1
                if all(g[1] for g in gram):
                    capital[key] += 1
                    if not gram[0][2]:
                        inside[key] += 1
    return counts, capital, inside


def _background_counts(background: Any, stop: frozenset[str], numbers: bool, ngram: int) -> Counter[str]:
    if background is None:
        return Counter()
    if isinstance(background, Mapping):  # keys taken as given: for ngram > 1, "white house"-style keys
        try:
            counts = Counter({_term(str(k)): int(v) for k, v in background.items() if _term(str(k)) not in stop})
        except (TypeError, ValueError) as err:
            raise ParameterError(f"background= counts must be whole numbers ({err})") from None
        if any(v < 0 for v in counts.values()):
            raise ParameterError("background= counts must not be negative")
        return counts
    if isinstance(background, Article):
        background = [background]
    try:
        return _counts(background, stop, numbers, ngram)[0]
    except (TypeError, AttributeError) as err:
        kind = type(background).__name__
        raise ParameterError(f"background= must be a Corpus, articles or a mapping term -> count, got {kind}") from err


def keyness(
    corpus: Corpus,
    a: Group,
    b: Group,
    *,
    method: str = "log_odds_dirichlet",
    min_count: int = 2,
    stopwords: bool | Iterable[str] = True,
    names: str = "keep",
    numbers: bool = True,
    background: Corpus | Iterable[Article] | Mapping[str, int] | None = None,
    prior_scale: float | None = None,
    ngram: int = 1,
) -> Any:
    r"""Words that set side ``a`` apart from side ``b`` (two articles or two groups of articles).

    Words are the lowercased word tokens of the articles (apostrophes normalized,
    punctuation and clitics such as ``'s`` dropped). With ``y_w^a`` the count of word ``w``
    in ``a``, ``n_a`` the number of counted words in ``a`` (likewise for ``b``):

    ``log_odds_dirichlet`` (Monroe, Colaresi & Quinn 2008, eq. 16-22): with prior
    pseudo-counts ``α_w = α0 · c_w / Σc`` from background counts ``c`` (the words of ``a``
    and ``b``, plus ``background`` if given) and ``α0`` = ``prior_scale`` (default: the
    number of background words, i.e. the raw background counts),

        δ_w = log[(y_w^a + α_w) / (n_a + α0 − y_w^a − α_w)] − log[(y_w^b + α_w) / (n_b + α0 − y_w^b − α_w)]
        σ²(δ_w) ≈ 1 / (y_w^a + α_w) + 1 / (y_w^b + α_w),    z_w = δ_w / σ(δ_w)

    ``score`` is ``z_w``, ``effect`` is ``δ_w`` (log-odds ratio, natural log).

    ``log_likelihood`` (Dunning 1993; Rayson & Garside 2000): with expected counts
    ``E_a = n_a (y^a + y^b) / (n_a + n_b)`` and ``E_b`` likewise,

        G² = 2 [y^a ln(y^a / E_a) + y^b ln(y^b / E_b)]    (a zero count adds 0)

    ``score`` is G² signed + when ``w`` is relatively more frequent in ``a``, ``effect`` is
    the Log Ratio (Hardie 2014): log2[(y^a / n_a) / (y^b / n_b)], a zero count replaced by 0.5.

    ``p_value`` is two-sided: from the normal distribution for z, from χ² with 1 degree of
    freedom for G². With a few hundred words per side treat it as a ranking aid, not a test.

    Args:
        corpus: The corpus holding both sides.
        a: An article id or a list of ids.
        b: An article id or a list of ids (no overlap with ``a``).
        method: ``"log_odds_dirichlet"`` (default) or ``"log_likelihood"``.
        min_count: Keep words seen at least this often in ``a`` and ``b`` together.
        stopwords: ``True`` drops the packaged stopword list, ``False`` keeps every word, or
            give your own words to drop.
        names: ``"keep"`` (default), ``"drop"`` or ``"only"`` names: words whose every
            occurrence in ``a`` and ``b`` is capitalized, at least once inside a sentence
            (flagged in the ``is_name`` column either way).
        numbers: Keep tokens without letters (``2%``, ``2017``).
        background: Extra counts for the prior (a Corpus, articles or ``term -> count``).
        prior_scale: ``α0``, the total prior pseudo-count (log-odds only).
        ngram: 1 (default) counts words; 2 or 3 counts sequences of that many consecutive words
            within a sentence ("white house", "secretary general"), never across punctuation,
            with no stopword at either end. ``n_a``/``n_b`` then count n-grams.

    Returns:
        DataFrame, one row per word, sorted by ``score`` (most typical of ``a`` first, most
        typical of ``b`` last), with columns term, count_a, count_b, per_1000_a, per_1000_b,
        score, effect, p_value, favours (the side's id or ids joined with ``+``), is_name.
        ``attrs`` hold method, a, b, n_a, n_b.

    Raises:
        ParameterError: For unknown ids, overlapping sides or invalid options.

    Example:
        >>> import newslab as nl
        >>> k = nl.keyness(nl.load_seed_corpus(), "es-daily", "de-dpa", method="log_likelihood")
        >>> k[k.term == "spending"][["count_a", "count_b", "favours"]].values.tolist()
        [[1, 2, 'de-dpa']]
    """
    import pandas as pd

    if method not in METHODS:
        raise ParameterError(f"method={method!r}; valid: {list(METHODS)}")
    if names not in NAME_OPTIONS:
        raise ParameterError(f"names={names!r}; valid: {list(NAME_OPTIONS)}")
    if not isinstance(min_count, int) or min_count < 1:
        raise ParameterError(f"min_count={min_count!r}; valid: a positive integer")
    if ngram not in (1, 2, 3):
        raise ParameterError(f"ngram={ngram!r}; valid: 1, 2 or 3")
    if prior_scale is not None and not prior_scale > 0:
        raise ParameterError(f"prior_scale={prior_scale!r}; valid: a positive number or None")
    if not isinstance(corpus, Corpus):
        corpus = Corpus(as_articles(corpus))
    side_a, side_b = _group(corpus, a, "a"), _group(corpus, b, "b")
    overlap = {x.id for x in side_a} & {x.id for x in side_b}
    if overlap:
        raise ParameterError(f"articles {sorted(overlap)} are on both sides; a and b must not overlap")
    if stopwords is True:
        stop = packaged_stopwords()
    elif stopwords is False:
        stop = frozenset()
    else:
        stop = frozenset(_term(w) for w in stopwords)

    count_a, cap_a, inside_a = _counts(side_a, stop, numbers, ngram)
    count_b, cap_b, inside_b = _counts(side_b, stop, numbers, ngram)
    n_a, n_b = sum(count_a.values()), sum(count_b.values())
    if not n_a or not n_b:
        raise ParameterError("one side has no words left after filtering; check stopwords= and the article ids")
    prior_counts = count_a + count_b + _background_counts(background, stop, numbers, ngram)
    prior_total = sum(prior_counts.values())
    alpha0 = float(prior_scale) if prior_scale is not None else float(prior_total)

    rows = []
    for term in sorted(set(count_a) | set(count_b)):
        ya, yb = count_a[term], count_b[term]
        if ya + yb < min_count:
            continue
        total = ya + yb
        is_name = cap_a[term] + cap_b[term] == total and inside_a[term] + inside_b[term] > 0
        if (names == "drop" and is_name) or (names == "only" and not is_name):
            continue
        if method == "log_odds_dirichlet":
            alpha = alpha0 * prior_counts[term] / prior_total
            if prior_counts[term] == prior_total:  # the only word of both sides: 100% on each, no difference
                delta = 0.0
            else:
                delta = math.log((ya + alpha) / (n_a + alpha0 - ya - alpha)) - math.log(
                    (yb + alpha) / (n_b + alpha0 - yb - alpha)
                )
            score = delta / math.sqrt(1.0 / (ya + alpha) + 1.0 / (yb + alpha))
            effect = delta
            p_value = math.erfc(abs(score) / math.sqrt(2.0))
        else:
            expected_a = n_a * total / (n_a + n_b)
            expected_b = n_b * total / (n_a + n_b)
            g2 = 2.0 * sum(y * math.log(y / e) for y, e in ((ya, expected_a), (yb, expected_b)) if y)
            g2 = max(g2, 0.0)  # equal rates give 0 up to rounding, which may fall below it
            effect = math.log2(((ya or LOG_RATIO_ZERO) / n_a) / ((yb or LOG_RATIO_ZERO) / n_b))
            score = g2 if ya / n_a >= yb / n_b else -g2
            p_value = math.erfc(math.sqrt(g2 / 2.0))
        favours = _label(a) if score > 0 else _label(b) if score < 0 else ""
        rows.append((term, ya, yb, 1000.0 * ya / n_a, 1000.0 * yb / n_b, score, effect, p_value, favours, is_name))
    table = pd.DataFrame(rows, columns=KEYNESS_COLUMNS)
    table = table.sort_values(["score", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    table.attrs.update(method=method, a=_label(a), b=_label(b), n_a=n_a, n_b=n_b, ngram=ngram)
    return table


def top_keywords(table: Any, *, n: int = 10) -> Any:
    """The ``n`` words most typical of each side of a :func:`keyness` table.

    Returns:
        The keyness rows, ``a``'s top ``n`` (strongest first) then ``b``'s top ``n`` (strongest
        first), with a ``rank`` column (1 = strongest on its side).

    Example:
        >>> import newslab as nl
        >>> top = top_keywords(nl.keyness(nl.load_seed_corpus(), "es-daily", "de-dpa"), n=2)
        >>> top[["favours", "rank"]].values.tolist()
        [['es-daily', 1], ['es-daily', 2], ['de-dpa', 1], ['de-dpa', 2]]
    """
    import pandas as pd

    if not isinstance(n, int) or n < 1:
        raise ParameterError(f"n={n!r}; valid: a positive integer")
    ranked = table.sort_values("score", ascending=False, kind="stable")
    first = ranked[ranked["score"] > 0].head(n).assign(rank=lambda d: range(1, len(d) + 1))
    second = ranked[ranked["score"] < 0].iloc[::-1].head(n).assign(rank=lambda d: range(1, len(d) + 1))
    result = pd.concat([first, second], ignore_index=True)
    result.attrs.update(table.attrs)
    return result


# --------------------------------------------------------------------------- side by side

#: Columns of :func:`compare`.
COMPARE_COLUMNS = [
    "article_id",
    "target",
    "mentions",
    "names",
    "descriptions",
    "pronouns",
    "sentences",
    "sentence_share",
    "n_labels",
    "labels",
    "tone_sentences",
    "tone_target",
    "target_negative",
    "target_positive",
    "stance_rows",
    "stance_favor",
    "stance_against",
    "stance",
    "top_frame",
    "frames",
    "quoted",
    "target_quoted",
    "quotes_by_target",
    "quotes_on_target",
]
#: Characters of a quote shown in ``quotes_on_target``.
QUOTE_CHARS = 90


def _optional(name: str, build: Any) -> Any:
    """Run ``build()``; on a missing module or a failure, log it and return ``None``."""
    try:
        return build()
    except ImportError as err:
        logger.warning("compare(): %s unavailable (%s); its columns stay empty", name, err)
    except NewslabError as err:
        logger.warning("compare(): %s failed (%s); its columns stay empty", name, err)
    return None


def _is_target(name: str, target: Any) -> bool:
    from newslab.targets import speaks_as

    return speaks_as(str(name), target)


def _counted(counter: Counter[str]) -> str:
    return "; ".join(f"{item}×{n}" for item, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def compare(
    corpus: Corpus | Iterable[Article],
    targets: Any = None,
    *,
    mentions: Any = None,
    sentiment: Any = None,
    stance: Any = None,
    quotes: Any = None,
    frames: Any = None,
    target_tone: bool = True,
    top_frames: int = 3,
    progress: bool | None = None,
) -> Any:
    """The side-by-side table: one row per article x target, every cell computed from newslab tables.

    Columns (``*_rows``/counts are integers, tones are means in [-1, 1] or NaN when nothing applies):

    * ``mentions``, ``names``, ``descriptions``, ``pronouns``: mentions of the target by kind;
    * ``sentences``, ``sentence_share``: sentences mentioning it, and their share of the article;
    * ``n_labels``, ``labels``: distinct names and descriptions used, ``"label×count; ..."``;
    * ``tone_sentences``: mean ``compound`` tone of the sentences mentioning the target;
    * ``tone_target``, ``target_negative``, ``target_positive``: mean target-directed sentiment
      (``newslab.sentiment.target_sentiment``) over the mentions, and mentions labeled negative/positive;
    * ``stance_rows``, ``stance_favor``, ``stance_against``, ``stance``: stance rows with the target
      as holder or target (favor/against count those aimed at it),
      ``"holder → target: stance ×n (mean score; cues) | ..."``;
    * ``top_frame``, ``frames``: frames by cue weight in the sentences mentioning the target,
      ``"frame weight (cues)"``;
    * ``quoted``: who is quoted in the article (direct and indirect), ``target_quoted`` and
      ``quotes_by_target``: quotes whose speaker is the target, ``quotes_on_target``: quotes
      (with speaker) containing a mention of it; mentions are found with the quotes, so he/his
      inside a direct quote count for the person spoken about (rule ``pronoun:in-quote``, shown
      after the quote: ``(he, his → the American)``).

    Args:
        corpus: A Corpus or articles.
        targets: Target objects; default ``(TRUMP, NATO)``.
        mentions: A precomputed :func:`newslab.find_mentions` table (else computed).
        sentiment: A precomputed :func:`newslab.sentiment_table` (else computed).
        stance: A precomputed :func:`newslab.stance_table` (else computed).
        quotes: A precomputed :func:`newslab.find_quotes` table (else computed).
        frames: A precomputed :func:`newslab.frame_table` (else computed with the packaged dictionary).
        target_tone: Compute the target-directed sentiment of every mention.
        top_frames: How many frames to list in ``frames``.
        progress: Progress bars for the steps (mentions, quotes, tone, stance, frames): ``None``
            (default) from 200 articles on, ``True`` always, ``False`` never.

    Returns:
        DataFrame with the columns above (``COMPARE_COLUMNS``), articles in corpus order,
        targets in the order given. A measure whose module is missing or fails leaves its
        columns empty (NaN or "") and logs a warning.

    Example:
        >>> import newslab as nl
        >>> table = nl.compare(nl.load_seed_corpus(), target_tone=False)
        >>> table[["article_id", "target", "n_labels"]].values.tolist()
        [['es-daily', 'Trump', 10], ['es-daily', 'NATO', 6], ['de-dpa', 'Trump', 4], ['de-dpa', 'NATO', 3]]
    """
    import pandas as pd

    from newslab.frames import frame_table
    from newslab.targets import as_targets, find_mentions, normalize_label

    articles = as_articles(corpus)
    chosen = as_targets(targets)
    if quotes is None:
        quotes = _optional("quotes", lambda: _quote_table(articles, chosen, progress))
    if mentions is None:
        # with the quotes, he/his inside a direct quote count for the person quoted about, not the speaker
        mentions = find_mentions(articles, chosen, quotes=quotes if quotes is not None else False, progress=progress)
    if sentiment is None:
        sentiment = _optional("sentiment", lambda: _sentiment_table(articles, progress))
    if stance is None:
        stance = _optional("stance", lambda: _stance_table(articles, chosen, progress))
    if frames is None:
        frames = frame_table(articles, progress=progress)
    tones: list[float] = [math.nan] * len(mentions)
    if target_tone and len(mentions):
        scored = _optional("target sentiment", lambda: _target_tones(articles, mentions))
        if scored is not None:
            tones = scored
    mentions = mentions.assign(_tone=tones)

    empty = mentions.iloc[0:0]
    by_target = (
        {key: sub for key, sub in mentions.groupby(["article_id", "target"], sort=False)} if len(mentions) else {}
    )
    compound: dict[tuple[str, int], float] = {}
    if sentiment is not None and len(sentiment):
        columns = (sentiment["article_id"], sentiment["sentence_id"], sentiment["compound"])
        compound = {(a, int(i)): float(c) for a, i, c in zip(*columns, strict=True)}
    stance_by, quotes_by, frames_by = _by_article(stance), _by_article(quotes), _by_article(frames)
    rows = []
    for art in articles:
        n_sentences = len(art.sentences)
        for target in chosen:
            m = by_target.get((art.id, target.name), empty)
            sentence_ids = {int(i) for i in m["sentence_id"]}
            kinds = Counter(m["kind"])
            label_counts = Counter(
                normalize_label(t, k)
                for t, k in zip(m["mention"], m["kind"], strict=True)
                if k in ("name", "description")
            )
            tones = [compound[(art.id, i)] for i in sentence_ids if (art.id, i) in compound]
            scores = [float(x) for x in m["_tone"] if x == x]
            row: dict[str, Any] = {
                "article_id": art.id,
                "target": target.name,
                "mentions": len(m),
                "names": kinds["name"],
                "descriptions": kinds["description"],
                "pronouns": kinds["pronoun"],
                "sentences": len(sentence_ids),
                "sentence_share": len(sentence_ids) / n_sentences if n_sentences else 0.0,
                "n_labels": len(label_counts),
                "labels": _counted(label_counts),
                "tone_sentences": sum(tones) / len(tones) if tones else math.nan,
                "tone_target": sum(scores) / len(scores) if scores else math.nan,
                "target_negative": sum(x < -_TONE_NEUTRAL for x in scores),
                "target_positive": sum(x > _TONE_NEUTRAL for x in scores),
            }
            row.update(_stance_cells(stance_by.get(art.id), art.id, target))
            row.update(_frame_cells(frames_by.get(art.id, frames.iloc[0:0]), art.id, sentence_ids, top_frames))
            row.update(_quote_cells(quotes_by.get(art.id), art.id, target, m))
            rows.append(row)
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)


def _by_article(table: Any) -> dict[str, Any]:
    """Split a table into per-article sub-tables once (filtering per row is quadratic)."""
    if table is None or not len(table):
        return {}
    return {str(key): sub for key, sub in table.groupby("article_id", sort=False)}


#: A target-directed score within ±0.2 counts as neutral (as the 3-way label of
#: ``target_sentiment``: P(positive) - P(negative) near 0 means neither dominates).
_TONE_NEUTRAL = 0.2


def _sentiment_table(articles: list[Article], progress: bool | None) -> Any:
    from newslab.sentiment import sentiment_table

    return sentiment_table(articles, evidence=False, progress=progress)


def _stance_table(articles: list[Article], targets: Any, progress: bool | None) -> Any:
    from newslab.stance import stance_table

    return stance_table(articles, targets, progress=progress)


def _quote_table(articles: list[Article], targets: Any, progress: bool | None) -> Any:
    from newslab.quotes import find_quotes

    return find_quotes(articles, targets=targets, kinds=("direct", "indirect"), progress=progress)


def _target_tones(articles: list[Article], mentions: Any) -> list[float]:
    from newslab.sentiment import target_sentiment_many

    texts = {a.id: a.text for a in articles}
    items = [
        (texts[a], (int(s), int(e)))
        for a, s, e in zip(mentions["article_id"], mentions["start"], mentions["end"], strict=True)
    ]
    return [float(r.score) for r in target_sentiment_many(items)]


def _stance_cells(stance: Any, article_id: str, target: Any) -> dict[str, Any]:
    empty = {"stance_rows": 0, "stance_favor": 0, "stance_against": 0, "stance": ""}
    if stance is None or not len(stance):
        return empty
    sub = stance[stance["article_id"] == article_id]
    aimed = sub["target"] == target.name
    held = sub["holder"].map(lambda h: _is_target(h, target))
    sub = sub[aimed | held]
    if not len(sub):
        return empty
    parts = []
    sub = sub.assign(_cues=sub["cues"] if "cues" in sub else [[] for _ in range(len(sub))])
    grouped = sub.groupby(["holder", "target", "stance"], sort=False).agg(
        size=("score", "size"), mean=("score", "mean"), cues=("_cues", lambda c: _cue_words(c))
    )
    for r in grouped.reset_index().sort_values("size", ascending=False, kind="stable").itertuples(index=False):
        evidence = f"; {r.cues}" if r.cues else ""
        parts.append(f"{r.holder} → {r.target}: {r.stance} ×{r.size} ({r.mean:+.2f}{evidence})")
    directed = sub[sub["target"] == target.name]
    return {
        "stance_rows": len(sub),
        "stance_favor": int((directed["stance"] == "favor").sum()),
        "stance_against": int((directed["stance"] == "against").sum()),
        "stance": " | ".join(parts),
    }


def _cue_words(cells: Any) -> str:
    """Cue words of stance rows (model features such as ``R=long=1.0`` are left out)."""
    words: list[str] = []
    for cell in cells:
        for cue in cell if isinstance(cell, (list, tuple)) else [cell]:
            if isinstance(cue, str) and "=" not in cue and cue not in words:
                words.append(cue)
    return ", ".join(words[:4])


def _frame_cells(frames: Any, article_id: str, sentence_ids: set[int], top: int) -> dict[str, Any]:
    weights: dict[str, float] = {}
    cues: dict[str, dict[str, None]] = {}
    columns = (frames["sentence_id"], frames["frame"], frames["weight"], frames["matched"])
    for sentence_id, frame, weight, matched in zip(*columns, strict=True):
        if sentence_id in sentence_ids:
            weights[frame] = weights.get(frame, 0.0) + float(weight)
            cues.setdefault(frame, {})[str(matched).lower()] = None
    if not weights:
        return {"top_frame": "", "frames": ""}
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])  # ties: first seen
    parts = [f"{frame} {weight:g} ({', '.join(list(cues[frame])[:4])})" for frame, weight in ranked[:top]]
    return {"top_frame": ranked[0][0], "frames": "; ".join(parts)}


def _quote_cells(quotes: Any, article_id: str, target: Any, mentions: Any) -> dict[str, Any]:
    if quotes is None or not len(quotes):
        return {"quoted": "", "target_quoted": 0, "quotes_by_target": "", "quotes_on_target": ""}
    starts, ends = mentions["start"].to_numpy(), mentions["end"].to_numpy()
    in_quote = mentions["rule"].to_numpy() == "pronoun:in-quote" if "rule" in mentions else starts < 0
    sub = quotes[quotes["article_id"] == article_id]
    speakers = [r or s for r, s in zip(sub["speaker_resolved"], sub["speaker"], strict=True)]
    speakers = [str(s) if s else "(unattributed)" for s in speakers]
    texts = [str(t) for t in sub["quote"]]
    on_target = []
    for q_start, q_end, text, speaker in zip(sub["start"], sub["end"], texts, speakers, strict=True):
        inside = (starts >= q_start) & (ends <= q_end)
        if inside.any():
            entry = f"{speaker}: “{_short(text)}”"
            pronouns = mentions[inside & in_quote]
            if len(pronouns):  # the evidence for a quote that refers to the target only by he/his
                words = ", ".join(dict.fromkeys(str(w).lower() for w in pronouns["mention"]))
                entry += f" ({words} → {' / '.join(dict.fromkeys(pronouns['antecedent']))})"
            on_target.append(entry)
    by_target = [_short(text) for text, speaker in zip(texts, speakers, strict=True) if _is_target(speaker, target)]
    return {
        "quoted": _counted(Counter(speakers)),
        "target_quoted": len(by_target),
        "quotes_by_target": " | ".join(f"“{q}”" for q in by_target),
        "quotes_on_target": " | ".join(on_target),
    }


def _short(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _fmt(value: float) -> str:
    return f"{value:+.2f}"


def compare_summary(table: Any, *, keyness: Any = None, min_difference: float = 0.1, n_words: int = 5) -> list[str]:
    """The main differences in a :func:`compare` table, as short plain-English statements.

    Every statement is computed from the table (and from a :func:`keyness` table if given);
    nothing is hand-written. For each target it reports, when the articles differ: how many
    labels each uses (and the labels only one uses), how prominent the target is, the tone of
    the sentences mentioning it and the target-directed tone (differences of at least
    ``min_difference``), stance rows present in one article only, the leading frame around
    the target; then who is quoted; then the words most typical of each side.

    Args:
        table: Output of :func:`compare` (two or more articles).
        keyness: Optional output of :func:`keyness` to add the typical words.
        min_difference: Smallest difference in share or tone worth a statement.
        n_words: Typical words listed per side.

    Returns:
        A list of sentences.

    Example:
        >>> import newslab as nl
        >>> table = nl.compare(nl.load_seed_corpus(), target_tone=False)
        >>> compare_summary(table)[0][:60]
        'es-daily uses 10 different labels for Trump, de-dpa 4; only '
    """
    missing = [c for c in ("article_id", "target", "n_labels", "labels") if c not in getattr(table, "columns", ())]
    if missing:
        raise ParameterError(f"compare_summary() needs a compare() table; missing columns {missing}")
    lines: list[str] = []
    articles = list(dict.fromkeys(table["article_id"]))
    for target in dict.fromkeys(table["target"]):
        rows = table[table["target"] == target].set_index("article_id")
        if len(rows) < 2:
            continue
        lines.extend(_label_lines(rows, target))
        lines.extend(_share_lines(rows, target, min_difference))
        lines.extend(_tone_lines(rows, target, min_difference))
        lines.extend(_stance_lines(rows, target))
        lines.extend(_frame_lines(rows, target))
    lines.extend(_quoted_lines(table, articles))
    if keyness is not None:
        top = top_keywords(keyness, n=n_words)
        for side in dict.fromkeys(top["favours"]):
            words = ", ".join(top[top["favours"] == side]["term"])
            lines.append(f"Words most typical of {side} (keyness): {words}.")
    return lines


def _split(cell: Any) -> dict[str, int]:
    result: dict[str, int] = {}
    for part in str(cell or "").split("; "):
        if "×" in part:
            item, _, n = part.rpartition("×")
            result[item] = int(n) if n.isdigit() else 1
    return result


def _label_lines(rows: Any, target: str) -> list[str]:
    ordered = rows.sort_values("n_labels", ascending=False, kind="stable")
    most, least = ordered.index[0], ordered.index[-1]
    if ordered.loc[most, "n_labels"] == ordered.loc[least, "n_labels"]:
        return []
    own = set(_split(ordered.loc[most, "labels"]))
    others = set().union(*(_split(ordered.loc[i, "labels"]) for i in ordered.index if i != most))
    unique = sorted(own - others)
    extra = f" (+{len(unique) - 5} more)" if len(unique) > 5 else ""
    only = f"; only {most}: {', '.join(unique[:5])}{extra}" if unique else ""
    counts = ", ".join(f"{i} {ordered.loc[i, 'n_labels']}" for i in ordered.index[1:])
    return [f"{most} uses {ordered.loc[most, 'n_labels']} different labels for {target}, {counts}{only}."]


def _share_lines(rows: Any, target: str, min_difference: float) -> list[str]:
    if "sentence_share" not in rows:
        return []
    hi, lo = rows["sentence_share"].idxmax(), rows["sentence_share"].idxmin()
    if rows.loc[hi, "sentence_share"] - rows.loc[lo, "sentence_share"] < min_difference:
        return []
    return [
        f"{target} is mentioned in {rows.loc[hi, 'sentence_share']:.0%} of {hi}'s sentences "
        f"and {rows.loc[lo, 'sentence_share']:.0%} of {lo}'s."
    ]


def _tone_lines(rows: Any, target: str, min_difference: float) -> list[str]:
    lines = []
    for column, what in (
        ("tone_sentences", f"Sentences mentioning {target} are"),
        ("tone_target", f"Sentiment aimed at {target} is"),
    ):
        if column not in rows or rows[column].isna().all():
            continue
        values = rows[column].dropna()
        hi, lo = values.idxmax(), values.idxmin()
        if values[hi] - values[lo] < min_difference:
            continue
        lines.append(f"{what} more positive in {hi} (mean {_fmt(values[hi])}) than in {lo} ({_fmt(values[lo])}).")
    return lines


def _stance_lines(rows: Any, target: str) -> list[str]:
    if "stance" not in rows:
        return []
    lines = []
    parsed = {
        i: {p.rsplit(" ×", 1)[0]: p for p in str(rows.loc[i, "stance"] or "").split(" | ") if p} for i in rows.index
    }
    for article_id, entries in parsed.items():
        others = set().union(*(set(v) for k, v in parsed.items() if k != article_id))
        unique = [entries[k] for k in entries if k not in others and not k.startswith("author ")]
        if unique:
            lines.append(f"Stance involving {target} found only in {article_id}: {' | '.join(unique[:4])}.")
    shared = set.intersection(*(set(v) for v in parsed.values())) if parsed else set()
    for key in sorted(shared):
        if key.startswith("author "):
            continue
        counts = {i: int(parsed[i][key].rsplit(" ×", 1)[1].split(" ", 1)[0]) for i in parsed}
        hi, lo = max(counts, key=counts.__getitem__), min(counts, key=counts.__getitem__)
        if counts[hi] >= 2 * counts[lo]:
            evidence = parsed[hi][key].split(" (", 1)[1].rstrip(")")
            lines.append(f"{key} is found {counts[hi]} times in {hi} ({evidence}) and {counts[lo]} in {lo}.")
    return lines


def _frame_lines(rows: Any, target: str) -> list[str]:
    if "top_frame" not in rows:
        return []
    tops = {i: rows.loc[i, "top_frame"] for i in rows.index if rows.loc[i, "top_frame"]}
    if not tops:
        return []
    parts = []
    for article_id in tops:
        first = str(rows.loc[article_id, "frames"]).split("; ")[0]
        parts.append(f"in {article_id} {first}")
    verb = "differs" if len(set(tops.values())) > 1 else "is the same"
    lines = [f"The leading frame around {target} {verb}: {'; '.join(parts)}."]
    listed = {i: {p.split(" ", 1)[0]: p for p in str(rows.loc[i, "frames"] or "").split("; ") if p} for i in rows.index}
    for article_id, frames in listed.items():
        others = set().union(*(set(v) for k, v in listed.items() if k != article_id))
        for frame, part in frames.items():
            if frame not in others:
                lines.append(f"Around {target}, only {article_id} has {frame} among its top frames: {part}.")
    return lines


def _quoted_lines(table: Any, articles: list[str]) -> list[str]:
    if "quoted" not in table:
        return []
    speakers = {a: _split(table[table["article_id"] == a]["quoted"].iloc[0]) for a in articles}
    lines = []
    for article_id, counts in speakers.items():
        others = set().union(*(set(v) for k, v in speakers.items() if k != article_id))
        unique = [f"{s} ({n})" for s, n in counts.items() if s not in others]
        if unique:
            lines.append(f"Quoted only in {article_id}: {', '.join(unique)}.")
    for target in dict.fromkeys(table["target"]):
        rows = table[table["target"] == target].set_index("article_id")
        if "target_quoted" in rows and rows["target_quoted"].max() > rows["target_quoted"].min():
            hi = rows["target_quoted"].idxmax()
            shown = "; ".join(str(rows.loc[hi, "quotes_by_target"]).split(" | ")[:5])
            elsewhere = ", ".join(f"{rows.loc[i, 'target_quoted']} in {i}" for i in rows.index if i != hi)
            lines.append(f"{hi} reports {rows.loc[hi, 'target_quoted']} statements by {target} ({elsewhere}): {shown}")
        if "quotes_on_target" in rows:
            lines.extend(_quoted_on_lines(rows, target))
    return lines


def _quote_entries(cell: Any) -> dict[str, list[str]]:
    """Parse a ``quotes_on_target`` cell into speaker -> quotes (with their pronoun evidence)."""
    entries: dict[str, list[str]] = {}
    for part in str(cell or "").split(" | "):
        speaker, sep, quote = part.partition(": “")
        if sep:
            entries.setdefault(speaker, []).append(f"“{quote}")
    return entries


def _quoted_on_lines(rows: Any, target: str) -> list[str]:
    """Speakers quoted on the target in one article only (the target's own statements excluded)."""
    entries = {a: _quote_entries(rows.loc[a, "quotes_on_target"]) for a in rows.index}
    lines = []
    for article_id, speakers in entries.items():
        others = set().union(*(set(v) for k, v in entries.items() if k != article_id))
        for speaker, quotes in speakers.items():
            if speaker in others or target.lower() in speaker.lower().split():
                continue
            more = f" (+{len(quotes) - 2} more)" if len(quotes) > 2 else ""  # two: both halves of a split quote
            lines.append(f"Only {article_id} quotes {speaker} on {target}: {'; '.join(quotes[:2])}{more}")
    return lines


__all__ = [
    "COMPARE_COLUMNS",
    "KEYNESS_COLUMNS",
    "METHODS",
    "compare",
    "compare_summary",
    "keyness",
    "top_keywords",
]
