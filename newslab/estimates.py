r"""Group estimates with confidence intervals, and contrasts between groups (outlets, periods).

The unit of a news corpus is the article: mentions of a target cluster within articles (one
article's mentions share a writer, a topic and a tone), so every interval here comes from a
**cluster bootstrap over articles**, or over a pairing unit (``pair_by``, e.g. the news event
that several outlets covered), never from treating mentions as independent.

Every measure is a **ratio of sums** over the articles of a group ``G`` (a ratio estimator, the
form a methods section states for rates and shares):

    estimate_G = scale · Σ_{a∈G} numerator_a / Σ_{a∈G} denominator_a

========================== ======================= ======================== ===================
measure                    construct               numerator                denominator · scale
========================== ======================= ======================== ===================
negative_per_1000_words    rate per 1,000 words    mentions labelled neg.   words · 1000
positive_per_1000_words    rate per 1,000 words    mentions labelled pos.   words · 1000
mentions_per_1000_words    rate per 1,000 words    mentions                 words · 1000
share_negative             share of mentions       mentions labelled neg.   mentions
share_neutral              share of mentions       mentions labelled neu.   mentions
share_positive             share of mentions       mentions labelled pos.   mentions
mean_score                 mean score per mention  Σ target score           mentions
quote_share                share of quotes         quotes by the target     quotes
stance_against_per_1000... rate per 1,000 words    stance rows "against"    words · 1000
stance_favor_per_1000_...  rate per 1,000 words    stance rows "favor"      words · 1000
stance_neutral_per_1000... rate per 1,000 words    stance rows "neutral"    words · 1000
frame_share                share of frame cues     cues of the frame        frame cues
speaker_share              share of quotes         quotes by the speaker    quotes
========================== ======================= ======================== ===================

Target measures use the rows of that target (target tone rows for mentions and labels, quotes
whose resolved speaker is one of its names, stance rows aimed at it); ``frame_share`` has one
row per frame and ``speaker_share`` one per speaker among the ``TOP_SPEAKERS`` most quoted in the
corpus (``speaker_share:Mark Rutte``), both with target ``"(all)"``. ``negative_per_1000_words`` is the **primary** tone
measure (see ``docs/groups.md`` for why, and for when to use which).

Bootstrap: ``n_boot`` resamples; without ``pair_by`` the articles of each group are resampled
with replacement, each group on its own; with ``pair_by`` the pairing units are resampled and
every group keeps the articles of the units drawn (the same draw for all groups), so a contrast
compares the groups *within* the units both cover. Intervals are **bootstrap-t** (studentized)
intervals, equal-tailed for estimates and symmetric for differences: each resample's estimate is
divided by its own linearization standard error (the ratio estimator's variance over clusters),
which keeps coverage near the nominal level for skewed ratios over a few dozen articles, where
plain and BCa percentiles fall to 84-93% (``validation/calibrate_estimates.py``). A contrast's
``p`` is the bootstrap-t test of no difference, and ``q`` its Benjamini–Hochberg adjustment
across all the contrasts returned. Resampling is done with weight matrices (counts of each
article in each resample) and matrix products, so there is no Python loop per replicate; a seed fixes every draw.

Example:
    >>> import newslab as nl
    >>> a = nl.analyze(nl.load_seed_corpus())
    >>> est = group_estimates(a, by="source", measures=["negative_per_1000_words"], targets=["Trump"], n_boot=200)
    >>> est[["group", "n_articles", "n_mentions", "numerator", "denominator"]].values.tolist()[1]
    ['Spanish daily newspaper, translated into English', 1, 26, 10.0, 549.0]
"""

from __future__ import annotations

import dataclasses
import logging
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from newslab.errors import ParameterError
from newslab.multiple_testing import benjamini_hochberg

if TYPE_CHECKING:
    import pandas as pd

    from newslab.result import Analysis
    from newslab.targets import Target

logger = logging.getLogger(__name__)

#: Minimum support for a finding about a group: articles and mentions (frame cues for frame shares).
MIN_ARTICLES = 5
MIN_MENTIONS = 20
#: The tone measure newslab reports first (it tracks human coding of bias; see docs/groups.md).
PRIMARY_MEASURE = "negative_per_1000_words"
ALL_TARGETS = "(all)"
MISSING_GROUP = "(missing)"
#: Values of the resample-count matrix held at once (bounds memory: 4M x 8 bytes = 32 MB).
BLOCK_VALUES = 4_000_000


@dataclasses.dataclass(frozen=True)
class Measure:
    """A group measure: ``scale · Σ numerator / Σ denominator`` over a group's articles.

    Attributes:
        name: Column value in the ``measure`` column.
        construct: What kind of number it is ("rate per 1,000 words", "share of mentions"...).
        numerator: Per-article count it sums on top ({t} stands for the target).
        denominator: Per-article count it sums below.
        scale: Multiplier (1000 for rates per 1,000 words).
        description: One line for tables and findings.
    """

    name: str
    construct: str
    numerator: str
    denominator: str
    scale: float
    description: str


RATE = "rate per 1,000 words"
SHARE = "share of mentions"
_MEASURES = [
    Measure("negative_per_1000_words", RATE, "{t}|negative", "words", 1000.0, "negative mentions per 1,000 words"),
    Measure("positive_per_1000_words", RATE, "{t}|positive", "words", 1000.0, "positive mentions per 1,000 words"),
    Measure("mentions_per_1000_words", RATE, "{t}|mentions", "words", 1000.0, "mentions per 1,000 words"),
    Measure("share_negative", SHARE, "{t}|negative", "{t}|mentions", 1.0, "share of mentions labelled negative"),
    Measure("share_neutral", SHARE, "{t}|neutral", "{t}|mentions", 1.0, "share of mentions labelled neutral"),
    Measure("share_positive", SHARE, "{t}|positive", "{t}|mentions", 1.0, "share of mentions labelled positive"),
    Measure("mean_score", "mean score per mention", "{t}|score", "{t}|mentions", 1.0, "mean target score (-1..1)"),
    Measure("quote_share", "share of quotes", "{t}|quotes_by", "quotes", 1.0, "share of quotes by the target"),
    Measure("stance_against_per_1000_words", RATE, "{t}|against", "words", 1000.0, "stance against per 1,000 words"),
    Measure("stance_favor_per_1000_words", RATE, "{t}|favor", "words", 1000.0, "stance in favour per 1,000 words"),
    Measure(
        "stance_neutral_per_1000_words", RATE, "{t}|stance_neutral", "words", 1000.0, "neutral stance per 1,000 w."
    ),
]
#: Target measures by name.
MEASURES: dict[str, Measure] = {m.name: m for m in _MEASURES}
FRAME_SHARE = "frame_share"
SPEAKER_SHARE = "speaker_share"
#: Speakers with their own ``speaker_share`` row: the most quoted across the corpus.
TOP_SPEAKERS = 10
#: Every measure name ``measures=`` accepts.
MEASURE_NAMES = (*MEASURES, FRAME_SHARE, SPEAKER_SHARE)

ESTIMATE_COLUMNS = [
    "group", "target", "measure", "construct", "estimate", "ci_low", "ci_high", "n_articles", "n_mentions",
    "numerator", "denominator", "n_units", "supported", "primary", "method",
]  # fmt: skip
CONTRAST_COLUMNS = [
    "group", "versus", "target", "measure", "construct", "estimate_group", "estimate_versus", "difference",
    "ci_low", "ci_high", "p", "q", "distinguishable", "n_articles_group", "n_articles_versus", "n_mentions_group",
    "n_mentions_versus", "n_pairs", "supported", "primary", "method",
]  # fmt: skip


# --------------------------------------------------------------------------- per-article counts


def article_counts(analysis: Analysis, targets: Iterable[str | Target] | None = None) -> pd.DataFrame:
    """The per-article counts behind every estimate (the evidence of a group number).

    Args:
        analysis: An :class:`newslab.Analysis`.
        targets: Target names or Targets (default: the analysis's targets).

    Returns:
        One row per article of ``analysis.articles`` (index ``article_id``), columns ``words``,
        ``quotes``, ``frame_cues``, then per target ``<t>|mentions``, ``<t>|negative``,
        ``<t>|neutral``, ``<t>|positive``, ``<t>|score`` (sum of scores), ``<t>|quotes_by``,
        ``<t>|against``, ``<t>|favor``, ``<t>|stance_neutral``, ``frame|<frame>`` per frame and
        ``speaker|<name>`` for the ``TOP_SPEAKERS`` most quoted resolved speakers.

    Example:
        >>> import newslab as nl
        >>> counts = article_counts(nl.analyze(nl.load_seed_corpus()), ["Trump"])
        >>> counts.loc["es-daily", ["words", "Trump|mentions", "Trump|negative"]].tolist()
        [549.0, 26.0, 10.0]
    """
    import pandas as pd

    names = _target_names(analysis, targets)
    ids = pd.Index(analysis.articles["article_id"].astype(str), name="article_id")
    columns: dict[str, pd.Series] = {"words": pd.Series(analysis.articles["words"].to_numpy(float), index=ids)}

    def per_article(frame: pd.DataFrame, keys: list[str], value: str | None = None) -> pd.DataFrame:
        if not len(frame):
            return pd.DataFrame(index=ids)
        grouped = frame.groupby(["article_id", *keys], sort=False, observed=True)
        sums = grouped[value].sum() if value else grouped.size()
        table = sums.unstack(keys) if keys else sums.to_frame("n")
        return table.reindex(ids.astype(object)).fillna(0.0)

    tone = analysis.target_tone
    tone = tone[tone["target"].isin(names)]
    labels = per_article(tone, ["target", "label"])
    scores = per_article(tone, ["target"], "score")
    quotes = analysis.quotes
    columns["quotes"] = pd.Series(np.bincount(ids.get_indexer(quotes["article_id"].astype(str)) + 1,
                                              minlength=len(ids) + 1)[1:].astype(float), index=ids)  # fmt: skip
    stance = analysis.stance
    stances = per_article(stance[stance["target"].isin(names)], ["target", "stance"])
    frames = per_article(analysis.frames, ["frame"])
    columns["frame_cues"] = pd.Series(frames.sum(axis=1).to_numpy(float) if len(frames.columns) else 0.0, index=ids)
    for name in names:
        counts = {lab: _column(labels, (name, lab), ids) for lab in ("negative", "neutral", "positive")}
        columns[f"{name}|mentions"] = counts["negative"] + counts["neutral"] + counts["positive"]
        for lab, values in counts.items():
            columns[f"{name}|{lab}"] = values
        columns[f"{name}|score"] = _column(scores, name, ids)
        speaker = _speaker_matches(analysis, name, targets)
        by_target = quotes[speaker]["article_id"].astype(str)
        columns[f"{name}|quotes_by"] = pd.Series(
            np.bincount(ids.get_indexer(by_target) + 1, minlength=len(ids) + 1)[1:].astype(float), index=ids
        )
        for direction, key in (("against", "against"), ("favor", "favor"), ("neutral", "stance_neutral")):
            columns[f"{name}|{key}"] = _column(stances, (name, direction), ids)
    for frame in sorted(frames.columns):
        columns[f"frame|{frame}"] = _column(frames, frame, ids)
    speakers = quotes["speaker_resolved"].astype("string").fillna("").str.strip()
    named = speakers[speakers.ne("")]
    top = named.value_counts().sort_index().sort_values(ascending=False, kind="stable").head(TOP_SPEAKERS).index
    for name in top:
        at = quotes.loc[(speakers == name).to_numpy(), "article_id"].astype(str)
        columns[f"speaker|{name}"] = pd.Series(
            np.bincount(ids.get_indexer(at) + 1, minlength=len(ids) + 1)[1:].astype(float), index=ids
        )
    return pd.DataFrame(columns, index=ids)


def _column(table: pd.DataFrame, key: Any, ids: pd.Index) -> pd.Series:
    import pandas as pd

    if key in table.columns:
        return pd.Series(table[key].to_numpy(float), index=ids)
    return pd.Series(np.zeros(len(ids)), index=ids)


def _target_names(analysis: Analysis, targets: Iterable[str | Target] | str | None) -> list[str]:
    known = [t.name for t in analysis.targets]
    if targets is None:
        return known
    if isinstance(targets, str) or hasattr(targets, "aliases"):
        targets = [targets]  # type: ignore[list-item]
    names = [t if isinstance(t, str) else t.name for t in targets]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ParameterError(f"targets={unknown!r} are not in this analysis; targets: {known}")
    return list(dict.fromkeys(names))


def _speaker_matches(analysis: Analysis, name: str, targets: Any) -> pd.Series:
    """Quotes whose resolved speaker contains one of the target's names (as whole words)."""
    target = next((t for t in analysis.targets if t.name == name), None)
    aliases = tuple(target.aliases) if target is not None else (name,)
    pattern = r"\b(?:" + "|".join(re.escape(a) for a in sorted({name, *aliases}, key=len, reverse=True)) + r")\b"
    speakers = analysis.quotes["speaker_resolved"].astype("string").fillna("")
    return speakers.str.contains(pattern, regex=True)


# --------------------------------------------------------------------------- groups


def group_keys(
    articles: pd.DataFrame,
    by: str | Sequence[str] | None,
    *,
    period: str | None = None,
    pair_by: str | None = None,
    date_column: str = "date",
) -> pd.DataFrame:
    """The group (and pairing unit) of each article, checked.

    Args:
        articles: ``Analysis.articles`` (metadata fields are its extra columns).
        by: Column or columns that define groups (``None``: one group of all articles).
        period: ``"week"``, ``"month"``, ``"quarter"`` or ``"year"`` of the parsed ``date``.
        pair_by: Column naming the pairing unit (e.g. ``"event"``).
        date_column: Column with publication dates.

    Returns:
        One row per article (index ``article_id``) with the ``by`` columns, ``period`` when
        asked, ``group`` (the values joined with " | ") and ``unit`` (pairing unit or article).
        Articles whose date is empty or unparsed are dropped when ``period`` is given; their ids
        and values are in ``attrs["undated"]`` and a warning is logged.

    Raises:
        ParameterError: For a column that is missing or empty (the message lists the columns
            available), ``by="date"`` (use ``period=``) or a pairing column also in ``by``.

    Example:
        >>> import pandas as pd
        >>> arts = pd.DataFrame({"article_id": ["a", "b"], "source": ["X", "Y"], "date": ["2024-11-23", "?"]})
        >>> keys = group_keys(arts, "source", period="month")
        >>> keys["group"].tolist(), keys.attrs["undated"]
        (['X | 2024-11'], {'b': '?'})
    """
    import pandas as pd

    columns = [] if by is None else [by] if isinstance(by, str) else list(by)
    available = [c for c in articles.columns if c != "article_id" and _filled(articles[c]).any()]
    for column in [*columns, *([pair_by] if pair_by else [])]:
        if column == date_column and column in columns:
            raise ParameterError(
                f"by={column!r} would make each date string its own group; group by time with "
                f"period='week'|'month'|'quarter'|'year' (and by= another column or None)"
            )
        if column not in articles.columns:
            raise ParameterError(
                f"no column {column!r} in the articles table; available: {available} (extra input fields such as "
                "'event' become columns when the input records carry them)"
            )
        if not _filled(articles[column]).any():
            raise ParameterError(f"column {column!r} is empty for every article; available non-empty: {available}")
    if pair_by is not None and pair_by in columns:
        raise ParameterError(f"pair_by={pair_by!r} is also in by={columns!r}; pair on a column that is not a group")
    keys = pd.DataFrame(index=pd.Index(articles["article_id"].astype(str), name="article_id"))
    for column in columns:
        values = articles[column].astype("string").str.strip()
        keys[column] = values.where(_filled(articles[column]), MISSING_GROUP).fillna(MISSING_GROUP).to_numpy()
    undated: dict[str, str] = {}
    if period is not None:
        from newslab.dates import parse_dates, period_labels

        if date_column not in articles.columns:
            raise ParameterError(f"period={period!r} needs a {date_column!r} column; available: {available}")
        parsed = parse_dates(articles[date_column])
        labels = period_labels(parsed.dates, period)
        keys["period"] = labels.to_numpy()
        bad = (parsed.unparsed | parsed.missing).to_numpy()
        if bad.all():
            raise ParameterError(
                f"period={period!r}: no article has a date newslab can read in column {date_column!r} "
                f"(e.g. {articles[date_column].astype(str).head(3).tolist()}); use ISO dates such as 2024-11-23"
            )
        if bad.any():
            undated = dict(zip(keys.index[bad], articles[date_column].astype("string").fillna("").to_numpy()[bad],
                               strict=True))  # fmt: skip
            logger.warning(
                "%d of %d articles have no readable date and are left out of the periods: %s",
                int(bad.sum()), len(bad), list(undated.items())[:5],
            )  # fmt: skip
            keys = keys[~bad]
        columns = [*columns, "period"]
    group = np.full(len(keys), ALL_TARGETS, dtype=object)
    for n, column in enumerate(columns):
        values = keys[column].astype(str).to_numpy(object)
        group = values if n == 0 else group + " | " + values
    keys["group"] = group
    if pair_by is not None:
        unit = articles.set_index(articles["article_id"].astype(str))[pair_by].reindex(keys.index)
        filled = _filled(unit)
        if not filled.all():
            logger.warning("%d articles have no %r and are left out of the paired estimates", int((~filled).sum()),
                           pair_by)  # fmt: skip
            keys = keys[filled.to_numpy()]
            unit = unit[filled]
        keys["unit"] = unit.astype(str).to_numpy()
    else:
        keys["unit"] = keys.index.to_numpy()
    keys.attrs["undated"] = undated
    keys.attrs["by"] = columns
    return keys


def _filled(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.strip()
    return (text.notna() & text.ne("") & ~text.str.lower().isin(["nan", "none", "<na>"])).fillna(False).astype(bool)


# --------------------------------------------------------------------------- the bootstrap


def resample_counts(n: int, n_boot: int, seed: Any) -> Iterator[np.ndarray]:
    """How often each of ``n`` units is drawn in each of ``n_boot`` resamples, in blocks of rows.

    Each block is a ``(rows, n)`` integer matrix whose rows sum to ``n`` (a draw of ``n`` units
    with replacement); the blocks together have ``n_boot`` rows. The same ``seed`` gives the same
    matrices, so estimates and contrasts computed separately use the same resamples.

    Example:
        >>> block = next(resample_counts(4, 3, 0))
        >>> block.shape, block.sum(axis=1).tolist()
        ((3, 4), [4, 4, 4])
    """
    rng = np.random.default_rng(seed)
    rows = max(1, min(n_boot, BLOCK_VALUES // max(n, 1)))
    done = 0
    while done < n_boot:
        size = min(rows, n_boot - done)
        draws = rng.integers(0, n, size=(size, n)) + (np.arange(size) * n)[:, None]
        yield np.bincount(draws.ravel(), minlength=size * n).reshape(size, n)
        done += size


def _resampled_sums(values: np.ndarray, n_boot: int, seed: Any) -> np.ndarray:
    """``(n_boot, columns)`` sums of ``values`` (units x columns) over resamples of its rows."""
    if not len(values):
        return np.zeros((n_boot, values.shape[1]))
    return np.vstack([block @ values for block in resample_counts(len(values), n_boot, seed)])


@dataclasses.dataclass
class _Spec:
    """The rows of the result: one per target x measure (or frame), with its count columns."""

    target: str
    measure: str
    construct: str
    scale: float
    numerator: int
    denominator: int
    support: int  # column counting mentions (or frame cues) for the support rule


def _specs(counts: pd.DataFrame, names: Sequence[str], measures: Sequence[str]) -> list[_Spec]:
    col = {c: i for i, c in enumerate(counts.columns)}
    specs = []
    for name in names:
        for m in measures:
            if m in (FRAME_SHARE, SPEAKER_SHARE):
                continue
            measure = MEASURES[m]
            specs.append(_Spec(name, m, measure.construct, measure.scale, col[measure.numerator.format(t=name)],
                               col[measure.denominator.format(t=name)], col[f"{name}|mentions"]))  # fmt: skip
    if FRAME_SHARE in measures:
        for c in counts.columns:
            if c.startswith("frame|"):
                specs.append(_Spec(ALL_TARGETS, f"{FRAME_SHARE}:{c[6:]}", "share of frame cues", 1.0, col[c],
                                   col["frame_cues"], col["frame_cues"]))  # fmt: skip
    if SPEAKER_SHARE in measures:
        for c in counts.columns:
            if c.startswith("speaker|"):
                specs.append(_Spec(ALL_TARGETS, f"{SPEAKER_SHARE}:{c[8:]}", "share of quotes", 1.0, col[c],
                                   col["quotes"], col["quotes"]))  # fmt: skip
    return specs


def _ratio(sums: np.ndarray, specs: Sequence[_Spec]) -> np.ndarray:
    """Estimates from summed counts (last axis: count columns) for each spec."""
    num = sums[..., [s.numerator for s in specs]]
    den = sums[..., [s.denominator for s in specs]]
    scale = np.array([s.scale for s in specs])
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, scale * num / np.where(den > 0, den, 1.0), np.nan)


def _parts(units: np.ndarray, specs: Sequence[_Spec]) -> tuple[np.ndarray, np.ndarray]:
    """Numerators and denominators of each spec per unit: two (units x specs) arrays."""
    return units[:, [s.numerator for s in specs]], units[:, [s.denominator for s in specs]]


def _ratio_moments(units: np.ndarray, specs: Sequence[_Spec]) -> np.ndarray:
    """Per unit ``[y, x, y², x², xy]`` for each spec (units x 5·specs): what the ratio and its SE need."""
    y, x = _parts(units, specs)
    return np.concatenate([y, x, y * y, x * x, x * y], axis=1)


def _ratio_stat(sums: np.ndarray, n: int, scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ratio ``R = Σy/Σx`` and its linearization SE from summed moments (last axis 5·specs).

    ``var(R) ≈ n/(n−1) · Σ(y − R x)² / (Σx)²`` (the ratio estimator's variance, Cochran 1977, §6.3,
    with units as clusters); ``Σ(y − R x)² = Σy² − 2RΣxy + R²Σx²``.
    """
    y, x, yy, xx, xy = np.split(sums, 5, axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(x > 0, y / np.where(x > 0, x, 1.0), np.nan)
        residual = np.maximum(yy - 2 * ratio * xy + ratio**2 * xx, 0.0)
        se = np.sqrt(residual * n / max(n - 1, 1)) / x
    return scale * ratio, scale * se


def _difference_moments(a: np.ndarray, b: np.ndarray, specs: Sequence[_Spec]) -> np.ndarray:
    """Per pairing unit the moments of two groups' ratios and their cross products (units x 14·specs)."""
    ya, xa = _parts(a, specs)
    yb, xb = _parts(b, specs)
    return np.concatenate(
        [ya, xa, ya * ya, xa * xa, xa * ya, yb, xb, yb * yb, xb * xb, xb * yb, ya * yb, ya * xb, xa * yb, xa * xb],
        axis=1,
    )


def _difference_stat(sums: np.ndarray, n: int, scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Paired difference ``R_a − R_b`` and its linearization SE (units hold both groups' articles).

    With ``e = y − R x`` per unit and group, ``var(R_a − R_b) ≈ n/(n−1) · Σ(e_a/X_a − e_b/X_b)²``,
    ``X`` the summed denominators: the covariance of the two groups within units enters, which
    is what pairing gains.
    """
    parts = np.split(sums, 14, axis=-1)
    ya, xa, yya, xxa, xya, yb, xb, yyb, xxb, xyb, yayb, yaxb, xayb, xaxb = parts
    with np.errstate(invalid="ignore", divide="ignore"):
        ra = np.where(xa > 0, ya / np.where(xa > 0, xa, 1.0), np.nan)
        rb = np.where(xb > 0, yb / np.where(xb > 0, xb, 1.0), np.nan)
        ea = np.maximum(yya - 2 * ra * xya + ra**2 * xxa, 0.0)
        eb = np.maximum(yyb - 2 * rb * xyb + rb**2 * xxb, 0.0)
        eab = yayb - rb * yaxb - ra * xayb + ra * rb * xaxb
        var = ea / xa**2 - 2 * eab / (xa * xb) + eb / xb**2
        se = np.sqrt(np.maximum(var, 0.0) * n / max(n - 1, 1))
    return scale * (ra - rb), scale * se


def _student(
    point: np.ndarray, se: np.ndarray, reps: np.ndarray, reps_se: np.ndarray, alpha: float, *, symmetric: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bootstrap-t interval and two-sided p per column (Efron & Tibshirani 1993, ch. 12.5; Hall 1988).

    ``t* = (θ* − θ̂)/se*`` over the resamples. The equal-tailed interval (estimates of one group,
    whose ratios are skewed) is ``[θ̂ − t*_(1−α)·se, θ̂ − t*_(α)·se]``; the symmetric one
    (differences, ``symmetric=True``) is ``θ̂ ± c·se`` with ``c`` the ``1 − 2α`` quantile of ``|t*|``.
    Both are kept within the range of the resampled ``θ*`` (a resample with ``se* = 0`` gives an
    infinite ``t*``, as happens with two or three articles). ``p`` tests ``θ = 0``: the share of
    ``|t*|`` at least ``|θ̂/se|`` (+1 correction), so a symmetric interval excludes zero when
    ``p < 2α``. Which form for which: ``validation/calibrate_estimates.py`` (plain and BCa
    percentiles covered 84-93%; equal-tailed t covered estimates best, symmetric t differences).
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        delta = reps - point
        t = np.where(
            reps_se > 0, delta / np.where(reps_se > 0, reps_se, 1.0), np.where(delta == 0, 0.0, np.sign(delta) * np.inf)
        )
        t = np.where(np.isnan(reps), np.nan, t)
        valid = (~np.isnan(t)).sum(axis=0)
        low, high = np.full(point.shape, np.nan), np.full(point.shape, np.nan)
        ok = (valid > 0) & ~np.isnan(point)
        if ok.any():
            finite = np.where(np.isinf(t[:, ok]), np.sign(t[:, ok]) * 1e300, t[:, ok])
            if symmetric:
                c = np.nanquantile(np.abs(finite), 1 - 2 * alpha, axis=0)
                low[ok], high[ok] = point[ok] - c * se[ok], point[ok] + c * se[ok]
            else:
                q = np.nanquantile(finite, [alpha, 1 - alpha], axis=0)
                low[ok], high[ok] = point[ok] - q[1] * se[ok], point[ok] - q[0] * se[ok]
            smallest, largest = np.nanmin(reps[:, ok], axis=0), np.nanmax(reps[:, ok], axis=0)
            low[ok] = np.clip(np.nan_to_num(low[ok], nan=-np.inf), smallest, largest)
            high[ok] = np.clip(np.nan_to_num(high[ok], nan=np.inf), smallest, largest)
        observed = np.where(se > 0, np.abs(point) / np.where(se > 0, se, 1.0), np.where(point == 0, 0.0, np.inf))
        extreme = (np.abs(t) >= observed).sum(axis=0)
        p = np.where(ok, np.minimum(1.0, (extreme + 1) / (valid + 1)), np.nan)
    return low, high, p


def _check_options(measures: Iterable[str] | str | None, ci: float, n_boot: int) -> list[str]:
    chosen = list(MEASURE_NAMES) if measures is None else [measures] if isinstance(measures, str) else list(measures)
    unknown = [m for m in chosen if m not in MEASURE_NAMES]
    if unknown:
        raise ParameterError(f"measures={unknown!r}; valid: {list(MEASURE_NAMES)}")
    if not isinstance(ci, (int, float)) or not 0 < ci < 1:
        raise ParameterError(f"ci={ci!r}; valid: a level between 0 and 1, e.g. 0.95")
    if not isinstance(n_boot, int) or isinstance(n_boot, bool) or n_boot < 100:
        raise ParameterError(f"n_boot={n_boot!r}; valid: a whole number >= 100 (2000 for published intervals)")
    return list(dict.fromkeys(chosen))


@dataclasses.dataclass
class _Prepared:
    """Counts, groups and resampled sums shared by estimates and contrasts."""

    counts: pd.DataFrame
    keys: pd.DataFrame
    specs: list[_Spec]
    groups: list[str]
    values: np.ndarray  # articles x columns, in keys order
    group_of: np.ndarray  # group index per article
    unit_of: np.ndarray  # unit index per article (pairing unit, or article)
    paired: bool
    n_boot: int
    seed: Any
    method: str
    ci: float


def _prepare(
    analysis: Analysis,
    *,
    by: str | Sequence[str] | None,
    targets: Iterable[str | Target] | str | None,
    measures: Iterable[str] | str | None,
    pair_by: str | None,
    period: str | None,
    ci: float,
    n_boot: int,
    seed: Any,
) -> _Prepared:
    chosen = _check_options(measures, ci, n_boot)
    names = _target_names(analysis, targets)
    keys = group_keys(analysis.articles, by, period=period, pair_by=pair_by)
    counts = article_counts(analysis, names)
    values = counts.reindex(keys.index).to_numpy(float)
    groups = sorted(keys["group"].unique().tolist())
    group_of = keys["group"].map({g: i for i, g in enumerate(groups)}).to_numpy(int)
    _, unit_of = np.unique(keys["unit"].to_numpy(str), return_inverse=True)
    unit = f"{pair_by!r} units (pair_by), all groups resampled together" if pair_by else "articles within each group"
    method = f"ratio of sums; {ci:.0%} bootstrap-t interval, {n_boot} resamples of {unit}; seed {seed}"
    return _Prepared(counts.reindex(keys.index), keys, _specs(counts, names, chosen), groups, values, group_of,
                     unit_of, pair_by is not None, n_boot, seed, method, ci)  # fmt: skip


def _seed(seed: Any, *key: int) -> np.random.SeedSequence:
    entropy = seed if isinstance(seed, int) and seed >= 0 else zlib.crc32(repr(seed).encode("utf-8"))
    return np.random.SeedSequence(entropy, spawn_key=key)


def _unit_totals(prep: _Prepared) -> np.ndarray:
    """Summed counts per pairing unit and group: ``(units, groups, columns)``."""
    n_units = int(prep.unit_of.max()) + 1 if len(prep.unit_of) else 0
    totals = np.zeros((n_units, len(prep.groups), prep.values.shape[1]))
    np.add.at(totals, (prep.unit_of, prep.group_of), prep.values)
    return totals


def _group_units(prep: _Prepared) -> list[np.ndarray]:
    """Each group's resampling units as summed counts (articles; all pairing units with ``pair_by``)."""
    if prep.paired:
        totals = _unit_totals(prep)
        return [totals[:, g] for g in range(len(prep.groups))]
    return [prep.values[prep.group_of == g] for g in range(len(prep.groups))]


def _replicates(prep: _Prepared, units: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Resampled estimates and their SEs, each ``(groups, n_boot, specs)``.

    With ``pair_by`` one draw of pairing units serves every group; otherwise each group's articles
    are drawn on their own (a seed per group, so adding a group does not change the others).
    """
    scale = np.array([s.scale for s in prep.specs])
    moments = [_ratio_moments(u, prep.specs) for u in units]
    if prep.paired and moments:
        flat = np.concatenate(moments, axis=1)
        sums = np.split(_resampled_sums(flat, prep.n_boot, _seed(prep.seed, 0)), len(moments), axis=1)
    else:
        sums = [_resampled_sums(m, prep.n_boot, _seed(prep.seed, 1, g)) for g, m in enumerate(moments)]
    stats = [_ratio_stat(sm, len(u), scale) for sm, u in zip(sums, units, strict=True)]
    return np.stack([r for r, _ in stats]), np.stack([se for _, se in stats])


def group_estimates(
    analysis: Analysis,
    *,
    by: str | Sequence[str] | None = "source",
    targets: Iterable[str | Target] | str | None = None,
    measures: Iterable[str] | str | None = None,
    pair_by: str | None = None,
    period: str | None = None,
    ci: float = 0.95,
    n_boot: int = 2000,
    seed: Any = 0,
) -> pd.DataFrame:
    """Estimates per group x target x measure, with cluster-bootstrap confidence intervals.

    Args:
        analysis: An :class:`newslab.Analysis`.
        by: Column(s) of ``analysis.articles`` that define the groups (``"source"``, or a
            metadata field such as ``"outlet"``); ``None`` pools all articles.
        targets: Target names or Targets (default: every target of the analysis).
        measures: Names from ``MEASURE_NAMES`` (default: all).
        pair_by: Column naming a pairing unit (e.g. ``"event"``): the bootstrap resamples these
            units, keeping each group's articles of the units drawn.
        period: ``"week"``, ``"month"``, ``"quarter"`` or ``"year"``: groups become ``by`` x
            period (undated articles are left out and listed in ``attrs["undated"]``).
        ci: Confidence level of the intervals.
        n_boot: Bootstrap resamples (2000 for published intervals).
        seed: Seed of every draw (same seed, same intervals).

    Returns:
        A tidy DataFrame: the ``by`` columns (and ``period``), then ``ESTIMATE_COLUMNS``:
        group, target, measure, construct, estimate, ci_low, ci_high, n_articles, n_mentions
        (the target's mentions in the group), numerator and denominator (the summed counts),
        n_units (pairing units or articles), supported (≥ ``MIN_ARTICLES`` articles and
        ≥ ``MIN_MENTIONS`` mentions, or frame cues), primary (the primary tone measure), method.

    Raises:
        ParameterError: For a missing or empty ``by``/``pair_by`` column (the message lists
            the available ones), an unknown target, measure or period, or a bad ``ci``/``n_boot``.

    Example:
        >>> import newslab as nl
        >>> a = nl.analyze(nl.load_seed_corpus())
        >>> est = group_estimates(a, by=None, targets="Trump", measures="share_negative", n_boot=500)
        >>> row = est.iloc[0]
        >>> float(row.numerator), float(row.denominator), round(float(row.estimate), 3)
        (17.0, 43.0, 0.395)
        >>> bool(row.ci_low <= row.estimate <= row.ci_high)
        True
    """
    import pandas as pd

    prep = _prepare(analysis, by=by, targets=targets, measures=measures, pair_by=pair_by, period=period, ci=ci,
                    n_boot=n_boot, seed=seed)  # fmt: skip
    alpha = (1 - ci) / 2
    units = _group_units(prep)
    reps, reps_se = _replicates(prep, units)  # groups x n_boot x specs
    scale = np.array([sp.scale for sp in prep.specs])
    rows = []
    by_columns = prep.keys.attrs["by"]
    for g, group in enumerate(prep.groups):
        mask = prep.group_of == g
        sums = prep.values[mask].sum(axis=0)
        point, se = _ratio_stat(_ratio_moments(units[g], prep.specs).sum(axis=0), len(units[g]), scale)
        low, high, _ = _student(point, se, reps[g], reps_se[g], alpha, symmetric=False)
        n_articles = int(mask.sum())
        n_units = len(np.unique(prep.unit_of[mask]))
        if n_units < 2:  # one article (or unit): the bootstrap has nothing to vary, so no interval
            low, high = np.full(len(prep.specs), np.nan), np.full(len(prep.specs), np.nan)
        first = prep.keys[mask].iloc[0]
        for s, spec in enumerate(prep.specs):
            support = float(sums[spec.support])
            rows.append({
                **{c: first[c] for c in by_columns}, "group": group, "target": spec.target, "measure": spec.measure,
                "construct": spec.construct, "estimate": point[s], "ci_low": low[s], "ci_high": high[s],
                "n_articles": n_articles, "n_mentions": int(support), "numerator": float(sums[spec.numerator]),
                "denominator": float(sums[spec.denominator]), "n_units": n_units,
                "supported": n_articles >= MIN_ARTICLES and support >= MIN_MENTIONS,
                "primary": spec.measure == PRIMARY_MEASURE, "method": prep.method,
            })  # fmt: skip
    table = pd.DataFrame(rows, columns=[*by_columns, *ESTIMATE_COLUMNS])
    table.attrs.update(_attrs(prep, ci))
    return table


def _attrs(prep: _Prepared, ci: float) -> dict[str, Any]:
    return {
        "ci": ci, "n_boot": prep.n_boot, "seed": prep.seed, "by": prep.keys.attrs["by"],
        "undated": prep.keys.attrs["undated"], "min_articles": MIN_ARTICLES, "min_mentions": MIN_MENTIONS,
        "method": prep.method,
    }  # fmt: skip


def _pairs(prep: _Prepared, reference: str | None) -> list[tuple[int, int]]:
    """Group index pairs to contrast: each pair (within a period when grouping by period too)."""
    keys = prep.keys.drop_duplicates("group").set_index("group")
    within_period = "period" in keys.columns and len(prep.keys.attrs["by"]) > 1
    by_columns = [c for c in prep.keys.attrs["by"] if c != "period"] if within_period else prep.keys.attrs["by"]

    def name(group: str) -> str:  # the group's name without its period
        return " | ".join(str(keys.loc[group, c]) for c in by_columns) if by_columns else group

    if reference is not None:
        names = {name(g) for g in prep.groups}
        if reference not in names:
            raise ParameterError(f"reference={reference!r} is not a group; groups: {sorted(names)}")
    pairs = []
    for i, a in enumerate(prep.groups):
        for j, b in enumerate(prep.groups):
            if i == j or (within_period and keys.loc[a, "period"] != keys.loc[b, "period"]):
                continue
            chosen = i < j if reference is None else name(b) == reference and name(a) != reference
            if chosen:
                pairs.append((i, j))
    return pairs


def group_contrasts(
    analysis: Analysis,
    *,
    by: str | Sequence[str] | None = "source",
    reference: str | None = None,
    targets: Iterable[str | Target] | str | None = None,
    measures: Iterable[str] | str | None = None,
    pair_by: str | None = None,
    period: str | None = None,
    ci: float = 0.95,
    n_boot: int = 2000,
    seed: Any = 0,
) -> pd.DataFrame:
    """Differences between groups (each pair, or each group against ``reference``) with CI, p and q.

    A side with fewer than two articles (two pairs with ``pair_by``) gets no interval and no p
    (``NaN``): resampling one article shows no variation, and a zero-width interval would mislead.

    ``difference = estimate_group − estimate_versus`` (same measure, target and construct).
    Without ``pair_by`` the two groups are resampled independently (the bootstrap of
    :func:`group_estimates`, same seed, same resamples). With ``pair_by`` only the pairing units
    that both groups cover enter the contrast (``n_pairs`` of them), and they are resampled
    together, so the difference is compared within units (e.g. the same event in two outlets).
    With ``period`` and ``by``, groups are compared within each period.

    Args:
        analysis: An :class:`newslab.Analysis`.
        by: Group column(s), as in :func:`group_estimates`.
        reference: A group (its ``by`` values joined with " | ") every other group is compared
            with; ``None`` compares every pair.
        targets: Target names or Targets (default: all).
        measures: Measure names (default: all).
        pair_by: Pairing column (e.g. ``"event"``).
        period: Time period, as in :func:`group_estimates`.
        ci: Confidence level.
        n_boot: Bootstrap resamples.
        seed: Seed of every draw.

    Returns:
        DataFrame with ``CONTRAST_COLUMNS``: group, versus, target, measure, construct,
        estimate_group, estimate_versus, difference, ci_low, ci_high, p (two-sided bootstrap-t),
        q (Benjamini–Hochberg over all rows returned), distinguishable (the interval excludes
        zero and ``p < 1 − ci``; with two or three articles a side resampled SEs can be 0, the
        interval falls back to the range of the resampled differences and the test stays
        inconclusive), n_articles_group/versus, n_mentions_group/versus, n_pairs (pairing units
        both cover; ``NaN`` without ``pair_by``), supported (both groups meet the support rule),
        primary, method.

    Raises:
        ParameterError: As :func:`group_estimates`, and for a ``reference`` that is not a group.

    Example:
        >>> import newslab as nl
        >>> a = nl.analyze(nl.load_seed_corpus())
        >>> c = group_contrasts(a, by="source", targets="Trump", measures="share_negative", n_boot=500)
        >>> len(c), bool(c.loc[0, "supported"])
        (1, False)
    """
    import pandas as pd

    prep = _prepare(analysis, by=by, targets=targets, measures=measures, pair_by=pair_by, period=period, ci=ci,
                    n_boot=n_boot, seed=seed)  # fmt: skip
    pairs = _pairs(prep, reference)
    alpha = (1 - ci) / 2
    rows: list[dict[str, Any]] = []
    scale = np.array([sp.scale for sp in prep.specs])
    if prep.paired:
        totals = _unit_totals(prep)
        present = np.zeros(totals.shape[:2], dtype=bool)  # a group covers a unit when it has an article in it
        present[prep.unit_of, prep.group_of] = True
        for i, j in pairs:
            common = present[:, i] & present[:, j]
            moments = _difference_moments(totals[common, i], totals[common, j], prep.specs)
            n = int(common.sum())
            diff, diff_se = _difference_stat(_resampled_sums(moments, prep.n_boot, _seed(prep.seed, 0)), n, scale)
            point, se = _difference_stat(moments.sum(axis=0), n, scale)
            point_a = _ratio(totals[common, i].sum(axis=0), prep.specs)
            point_b = _ratio(totals[common, j].sum(axis=0), prep.specs)
            low, high, p = _student(point, se, diff, diff_se, alpha, symmetric=True)
            rows.extend(_contrast_rows(prep, i, j, point_a, point_b, (low, high, p), n))
    else:
        units = _group_units(prep)
        reps, reps_se = _replicates(prep, units)
        stats = [_ratio_stat(_ratio_moments(u, prep.specs).sum(axis=0), len(u), scale) for u in units]
        for i, j in pairs:
            (point_a, se_a), (point_b, se_b) = stats[i], stats[j]
            low, high, p = _student(
                point_a - point_b,
                np.hypot(se_a, se_b),
                reps[i] - reps[j],
                np.hypot(reps_se[i], reps_se[j]),
                alpha,
                symmetric=True,
            )
            rows.extend(_contrast_rows(prep, i, j, point_a, point_b, (low, high, p), None))
    table = pd.DataFrame(rows, columns=CONTRAST_COLUMNS)
    table["q"] = benjamini_hochberg(table["p"].to_numpy(float)) if len(table) else table["p"]
    table.attrs.update(_attrs(prep, ci), reference=reference)
    return table


def _contrast_rows(
    prep: _Prepared, i: int, j: int, point_a: np.ndarray, point_b: np.ndarray,
    interval: tuple[np.ndarray, np.ndarray, np.ndarray], n_pairs: int | None,
) -> list[dict[str, Any]]:  # fmt: skip
    low, high, p = interval
    mask_a, mask_b = prep.group_of == i, prep.group_of == j
    units = (
        (n_pairs,)
        if n_pairs is not None
        else (len(np.unique(prep.unit_of[mask_a])), len(np.unique(prep.unit_of[mask_b])))
    )
    if min(units) < 2:  # a side with one article (or pair): no interval and no test
        low, high, p = (np.full(len(prep.specs), np.nan) for _ in range(3))
    sums_a, sums_b = prep.values[mask_a].sum(0), prep.values[mask_b].sum(0)
    rows = []
    for s, spec in enumerate(prep.specs):
        n_a, n_b = int(mask_a.sum()), int(mask_b.sum())
        m_a, m_b = float(sums_a[spec.support]), float(sums_b[spec.support])
        supported = min(n_a, n_b) >= MIN_ARTICLES and min(m_a, m_b) >= MIN_MENTIONS
        difference = point_a[s] - point_b[s]
        distinguishable = bool((low[s] > 0 or high[s] < 0) and p[s] < 1 - prep.ci)
        rows.append({
            "group": prep.groups[i], "versus": prep.groups[j], "target": spec.target, "measure": spec.measure,
            "construct": spec.construct, "estimate_group": point_a[s], "estimate_versus": point_b[s],
            "difference": difference, "ci_low": low[s], "ci_high": high[s], "p": p[s], "q": np.nan,
            "distinguishable": distinguishable, "n_articles_group": n_a, "n_articles_versus": n_b,
            "n_mentions_group": int(m_a), "n_mentions_versus": int(m_b),
            "n_pairs": n_pairs if n_pairs is not None else np.nan, "supported": supported,
            "primary": spec.measure == PRIMARY_MEASURE, "method": prep.method,
        })  # fmt: skip
    return rows


__all__ = [
    "CONTRAST_COLUMNS",
    "ESTIMATE_COLUMNS",
    "MEASURES",
    "MEASURE_NAMES",
    "MIN_ARTICLES",
    "MIN_MENTIONS",
    "PRIMARY_MEASURE",
    "TOP_SPEAKERS",
    "Measure",
    "article_counts",
    "group_contrasts",
    "group_estimates",
    "group_keys",
    "resample_counts",
]
