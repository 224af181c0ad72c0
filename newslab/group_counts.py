"""Per-article counts and groups behind the group estimates (see :mod:`newslab.estimates`)."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from newslab.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

    from newslab.targets import Target


class Analysis(Protocol):
    """What the group estimates read of an analysis (:class:`newslab.Analysis` has it).

    A protocol rather than an import: the analysis result calls into this module, so this module
    does not import it back.
    """

    @property
    def articles(self) -> pd.DataFrame: ...  # noqa: D102

    @property
    def target_tone(self) -> pd.DataFrame: ...  # noqa: D102

    @property
    def quotes(self) -> pd.DataFrame: ...  # noqa: D102

    @property
    def stance(self) -> pd.DataFrame: ...  # noqa: D102

    @property
    def frames(self) -> pd.DataFrame: ...  # noqa: D102

    @property
    def targets(self) -> tuple[Target, ...]: ...  # noqa: D102


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
        [549.0, 27.0, 10.0]
    """
    import pandas as pd

    names = target_names(analysis, targets)
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


def target_names(analysis: Analysis, targets: Iterable[str | Target] | str | None) -> list[str]:
    """The names of the chosen targets (all of the run's when ``None``), checked against the run's."""
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
