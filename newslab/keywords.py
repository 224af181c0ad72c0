"""Comparison: which words set articles apart (keyness) and a side-by-side table per target.

:func:`keyness` ranks the words of two articles (or two groups of articles) by how much
more typical they are of one side, with the log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi & Quinn 2008) or Dunning's log-likelihood G2 with a log-ratio
effect size. The side-by-side table (:func:`compare`, :func:`compare_summary`) lives in
:mod:`newslab.comparison` and is re-exported here.

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
from newslab.errors import ParameterError
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
    "q_value",
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


#: A group of more ids than this is named by its first id and its size ("a1 and 1,999 more").
LABEL_IDS = 3


def _label(ids: Group) -> str:
    """A side's name: its id, up to ``LABEL_IDS`` ids joined with "+", or the first id and the group size."""
    if isinstance(ids, str):
        return ids
    ids = list(ids)
    return "+".join(ids) if len(ids) <= LABEL_IDS else f"{ids[0]} and {len(ids) - 1:,} more"


def _term(token: str) -> str:
    return token.lower().translate(_APOSTROPHES)


#: Term counts, capitalized counts and non-initial capitalized counts of a text.
TermCounts = tuple[Counter[str], Counter[str], Counter[str]]


def term_counts(
    corpus: Corpus | Iterable[Article], *, stopwords: bool | Iterable[str] = True, numbers: bool = True, ngram: int = 1
) -> dict[str, TermCounts]:
    """Per-article term counts for :func:`keyness` (``counts=``): count a corpus once, compare it many ways.

    Example:
        >>> import newslab as nl
        >>> corpus = nl.load_seed_corpus()
        >>> counts = term_counts(corpus)
        >>> nl.keyness(corpus, "es-daily", "de-dpa", counts=counts).equals(nl.keyness(corpus, "es-daily", "de-dpa"))
        True
    """
    stop = _stop(stopwords)
    return {art.id: _counts([art], stop, numbers, ngram) for art in as_articles(corpus)}


def _stop(stopwords: bool | Iterable[str]) -> frozenset[str]:
    if stopwords is True:
        return packaged_stopwords()
    if stopwords is False:
        return frozenset()
    return frozenset(_term(w) for w in stopwords)


def _summed(counts: Mapping[str, TermCounts], articles: Iterable[Article]) -> TermCounts:
    total: TermCounts = (Counter(), Counter(), Counter())
    for art in articles:
        if art.id not in counts:
            raise ParameterError(f"counts= has no entry for article {art.id!r}; make it with term_counts(corpus)")
        for mine, theirs in zip(total, counts[art.id], strict=True):
            mine.update(theirs)
    return total


def _counts(articles: Iterable[Article], stop: frozenset[str], numbers: bool, ngram: int = 1) -> TermCounts:
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
    labels: tuple[str, str] | None = None,
    counts: Mapping[str, TermCounts] | None = None,
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
    ``q_value`` is ``p_value`` adjusted for testing every word of the table at once
    (Benjamini–Hochberg false discovery rate, :func:`newslab.multiple_testing.benjamini_hochberg`):
    call a word typical of a side only when ``q_value < 0.05``, since hundreds of words each
    tested at 0.05 give dozens of false positives.

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
        counts: Per-article term counts from :func:`term_counts` (same ``stopwords``, ``numbers``
            and ``ngram``), so that many comparisons on one corpus count its words once.
        labels: Names of the two sides for ``favours`` and ``attrs`` (default: the id, up to
            three ids joined with "+", or "<first id> and N more"; one shared string per side).

    Returns:
        DataFrame, one row per word, sorted by ``score`` (most typical of ``a`` first, most
        typical of ``b`` last), with columns term, count_a, count_b, per_1000_a, per_1000_b,
        score, effect, p_value, favours (the side's id or ids joined with ``+``), is_name, q_value.
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
    stop = _stop(stopwords)
    if counts is not None:
        count_a, cap_a, inside_a = _summed(counts, side_a)
        count_b, cap_b, inside_b = _summed(counts, side_b)
    else:
        count_a, cap_a, inside_a = _counts(side_a, stop, numbers, ngram)
        count_b, cap_b, inside_b = _counts(side_b, stop, numbers, ngram)
    n_a, n_b = sum(count_a.values()), sum(count_b.values())
    if not n_a or not n_b:
        raise ParameterError("one side has no words left after filtering; check stopwords= and the article ids")
    prior_counts = count_a + count_b + _background_counts(background, stop, numbers, ngram)
    prior_total = sum(prior_counts.values())
    alpha0 = float(prior_scale) if prior_scale is not None else float(prior_total)

    label_a, label_b = labels if labels is not None else (_label(a), _label(b))
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
        favours = label_a if score > 0 else label_b if score < 0 else ""
        rows.append((term, ya, yb, 1000.0 * ya / n_a, 1000.0 * yb / n_b, score, effect, p_value, favours, is_name))
    table = pd.DataFrame(rows, columns=KEYNESS_COLUMNS[:-1])
    from newslab.multiple_testing import benjamini_hochberg

    table["q_value"] = benjamini_hochberg(table["p_value"].to_numpy(float))  # every word tested is in the family
    table = table.sort_values(["score", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    table.attrs.update(method=method, a=label_a, b=label_b, n_a=n_a, n_b=n_b, ngram=ngram)
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


__all__ = [
    "KEYNESS_COLUMNS",
    "METHODS",
    "TermCounts",
    "keyness",
    "term_counts",
    "top_keywords",
]
