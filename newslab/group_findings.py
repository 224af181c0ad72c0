"""Findings at the level asked: groups compared with estimates and intervals, or a plain scope note.

With grouping (outlets, periods), a finding compares two groups on one measure: both estimates
with their confidence intervals, the difference with its interval and its q-value, and a verdict:
"distinguishable" when the interval excludes zero, "not distinguishable" when it covers zero, and
"below the minimum support" when either group has fewer than ``MIN_ARTICLES`` articles or
``MIN_MENTIONS`` mentions (frame cues for frame shares), in which case no difference is claimed.
No finding compares two single articles. Without grouping, :func:`scope_note` says that the
numbers describe these articles only.

:func:`group_report` computes everything the report's per-group section shows, and
:func:`estimates_view` / :func:`contrasts_view` turn the tables into rounded, readable ones.

Example:
    >>> import newslab as nl
    >>> report = group_report(nl.analyze(nl.load_seed_corpus()), "source", n_boot=200)
    >>> report.findings["status"].unique().tolist()
    ['below the minimum support']
    >>> print(report.scope)  # doctest: +ELLIPSIS
    No group has the minimum support (≥ 5 articles and ≥ 20 mentions per group)...
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab.estimates import MEASURES, MIN_ARTICLES, MIN_MENTIONS, PRIMARY_MEASURE
from newslab.group_periods import OVER_TIME_PERIODS, PeriodChoice, article_groups, choose_period

if TYPE_CHECKING:
    import pandas as pd

    from newslab.result import Analysis

logger = logging.getLogger(__name__)

#: The rule a group must meet before a finding is stated about it.
SUPPORT_RULE = f"≥ {MIN_ARTICLES} articles and ≥ {MIN_MENTIONS} mentions per group"
#: Measures that make headline findings, the primary tone measure first.
HEADLINE_MEASURES = (
    PRIMARY_MEASURE,
    "share_negative",
    "positive_per_1000_words",
    "mentions_per_1000_words",
    "quote_share",
)
#: Measures shown in the report's group table.
TABLE_MEASURES = (*HEADLINE_MEASURES, "mean_score", "stance_against_per_1000_words")
#: False discovery rate below which a distinguishable difference is stated without reservation.
FDR = 0.05
STATUSES = ("distinguishable", "not distinguishable", "below the minimum support")
FINDING_COLUMNS = [
    "finding", "status", "target", "measure", "construct", "group", "versus", "estimate_group", "estimate_versus",
    "difference", "ci_low", "ci_high", "q", "n_articles_group", "n_articles_versus", "n_mentions_group",
    "n_mentions_versus",
]  # fmt: skip


def _share(construct: str) -> bool:
    return construct.startswith("share")


def format_value(value: float, construct: str, *, signed: bool = False) -> str:
    """A number as the report shows it: shares in % (differences in percentage points), others to 2 decimals.

    Example:
        >>> format_value(0.4123, "share of mentions"), format_value(-0.05, "share of mentions", signed=True)
        ('41.2%', '−5.0 pp')
        >>> format_value(3.256, "rate per 1,000 words", signed=True)
        '+3.26'
    """
    if value != value:  # NaN
        return "n/a"
    if _share(construct):
        text = f"{100 * value:+.1f} pp" if signed else f"{100 * value:.1f}%"
    else:
        text = f"{value:+.2f}" if signed else f"{value:.2f}"
    return text.replace("-", "−")


def format_interval(low: float, high: float, construct: str, *, signed: bool = False) -> str:
    """``[low, high]`` formatted like :func:`format_value` ("no interval" when missing).

    Example:
        >>> format_interval(0.1, 0.25, "share of mentions")
        '[10.0%, 25.0%]'
    """
    if low != low or high != high:
        return "(no interval)"
    return f"[{format_value(low, construct, signed=signed)}, {format_value(high, construct, signed=signed)}]"


def describe_measure(measure: str) -> str:
    """The reader's name of a measure (its description), for tables, findings and plot titles.

    Example:
        >>> describe_measure("negative_per_1000_words"), describe_measure("speaker_share:Trump")
        ('negative mentions per 1,000 words', 'share of quotes by Trump')
    """
    base = measure.split(":", 1)
    if base[0] in MEASURES:
        return MEASURES[base[0]].description
    if len(base) == 2:
        return f"share of quotes by {base[1]}" if base[0] == "speaker_share" else f"share of frame cues for {base[1]}"
    return measure


def group_findings(contrasts: pd.DataFrame, *, measures: tuple[str, ...] | None = HEADLINE_MEASURES) -> pd.DataFrame:
    """One plain-English finding per contrast: both groups' estimates, the difference, its CI and q.

    Args:
        contrasts: Output of :meth:`newslab.Analysis.contrasts`.
        measures: Measures that make findings (default ``HEADLINE_MEASURES``; ``None``: all).

    Returns:
        DataFrame with ``FINDING_COLUMNS``, ordered: distinguishable differences first (smallest
        q first, the primary measure before others), then those not distinguishable, then those
        below the minimum support. Every finding states the CI of the difference.

    Example:
        >>> import pandas as pd
        >>> c = pd.DataFrame([{"group": "A", "versus": "B", "target": "Trump", "measure": "share_negative",
        ...     "construct": "share of mentions", "estimate_group": 0.5, "estimate_versus": 0.3, "difference": 0.2,
        ...     "ci_low": -0.02, "ci_high": 0.41, "q": 0.2, "distinguishable": False, "supported": True,
        ...     "n_articles_group": 30, "n_articles_versus": 30, "n_mentions_group": 90, "n_mentions_versus": 80}])
        >>> print(group_findings(c).loc[0, "finding"])  # doctest: +NORMALIZE_WHITESPACE
        Trump, share of mentions labelled negative (share of mentions): A 50.0% vs B 30.0%;
        difference +20.0 pp, 95% CI [−2.0 pp, +41.0 pp], q = 0.2: not distinguishable (the interval covers zero).
    """
    import pandas as pd

    rows = contrasts
    if measures is not None:
        rows = rows[rows["measure"].isin(measures)]
    level = contrasts.attrs.get("ci", 0.95)
    out = []
    for r in rows.to_dict("records"):
        construct = str(r["construct"])
        if not r.get("supported", True):
            status = STATUSES[2]
        elif r.get("distinguishable"):
            status = STATUSES[0]
        else:
            status = STATUSES[1]
        head = (
            f"{r['target']}, {describe_measure(str(r['measure']))} ({construct}): {r['group']} "
            f"{format_value(r['estimate_group'], construct)} vs {r['versus']} "
            f"{format_value(r['estimate_versus'], construct)}"
        )
        difference = (
            f"difference {format_value(r['difference'], construct, signed=True)}, {level:.0%} CI "
            f"{format_interval(r['ci_low'], r['ci_high'], construct, signed=True)}, q {_q(r['q'], relation=True)}"
        )
        if status == STATUSES[0] and not r["q"] < FDR:
            text = (f"{head}; {difference}: distinguishable, but not after correcting for the {len(contrasts)} "
                    f"contrasts (q ≥ {FDR:g}): treat as tentative.")  # fmt: skip
        elif status == STATUSES[0]:
            text = f"{head}; {difference}: distinguishable."
        elif status == STATUSES[1]:
            text = f"{head}; {difference}: not distinguishable (the interval covers zero)."
        else:
            text = (
                f"{head}; no difference is claimed: below the minimum support ({SUPPORT_RULE}; here "
                f"{r['n_articles_group']} and {r['n_articles_versus']} articles, {r['n_mentions_group']} and "
                f"{r['n_mentions_versus']} mentions)."
            )
        out.append({"finding": text, "status": status, **{c: r.get(c) for c in FINDING_COLUMNS[2:]}})
    table = pd.DataFrame(out, columns=FINDING_COLUMNS)
    if len(table):
        order = table["status"].map({s: i for i, s in enumerate(STATUSES)})
        primary = (table["measure"] != PRIMARY_MEASURE).astype(int)
        table = (
            table.assign(_o=order, _p=primary)
            .sort_values(["_o", "_p", "q"], kind="stable", na_position="last")
            .drop(columns=["_o", "_p"])
            .reset_index(drop=True)
        )
    return table


def _q(q: Any, *, relation: bool = False) -> str:
    """A p- or q-value as text; with ``relation``, prefixed by "=" or "<" ("q < 0.001", "q = 0.02")."""
    if q != q:
        return "= n/a" if relation else "n/a"
    text = "< 0.001" if q < 0.001 else f"{q:.3g}"
    return text if not relation or text.startswith("<") else f"= {text}"


def scope_note(n_articles: int, *, grouped: bool, supported_groups: int = 0) -> str:
    """What the numbers of a report speak for: these articles only, or groups with intervals.

    Example:
        >>> print(scope_note(2, grouped=False))  # doctest: +NORMALIZE_WHITESPACE
        These results describe these 2 articles only: they are not estimates for any outlet or period,
        and differences between single articles carry no measure of uncertainty.
    """
    if not grouped:
        return (
            f"These results describe these {n_articles} article{'s' if n_articles != 1 else ''} only: they are not "
            "estimates for any outlet or period, and differences between single articles carry no measure of "
            "uncertainty."
        )
    if supported_groups < 2:
        return (
            f"No group has the minimum support ({SUPPORT_RULE}) needed to compare groups, or only one does: the "
            f"numbers describe these {n_articles} articles only."
        )
    return (
        f"Findings compare groups of articles; each estimate comes with a confidence interval, and a difference is "
        f"called distinguishable only when its interval excludes zero. Groups are compared only when each has "
        f"{SUPPORT_RULE}."
    )


@dataclasses.dataclass
class GroupReport:
    """Everything the report's per-group section shows.

    Attributes:
        by: The grouping columns (``[]`` when grouping by period only).
        period: The period (``None`` without one).
        pair_by: The pairing column, if any.
        estimates: :meth:`newslab.Analysis.estimates` for all measures.
        contrasts: :meth:`newslab.Analysis.contrasts` for all measures.
        over_time: Estimates by group and period (``None`` without two months of readable dates).
        findings: :func:`group_findings` of the contrasts.
        scope: :func:`scope_note` for this grouping.
        notes: Things the reader must know (undated articles left out, a period chosen for dates).
        over_time_note: Which period the over-time plot uses and why ("" without one).
    """

    by: list[str]
    period: str | None
    pair_by: str | None
    estimates: pd.DataFrame
    contrasts: pd.DataFrame
    over_time: pd.DataFrame | None
    findings: pd.DataFrame
    scope: str
    notes: list[str]
    over_time_note: str = ""


def group_report(
    analysis: Analysis,
    group_by: str,
    *,
    period: str | None = None,
    pair_by: str | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    over_time: str | None = "month",
) -> GroupReport:
    """Estimates, contrasts, findings and the over-time table for one grouping of a report.

    Args:
        analysis: The analysis.
        group_by: A column of ``analysis.articles`` (``"date"`` groups by ``period``, default month).
        period: Period of the over-time table (``"week"``, ``"month"``, ``"quarter"``, ``"year"``);
            the headline groups are ``group_by`` pooled over time, or the periods without it.
        pair_by: Pairing column (e.g. ``"event"``) for the bootstrap and the contrasts.
        n_boot: Bootstrap resamples.
        seed: Seed.
        over_time: Period of the over-time table when no ``period`` was asked (``None``: none). The
            default ``"month"`` is coarsened to quarter or year by :func:`choose_period` when too few
            articles fall in each group and month; another value is used as given.

    Raises:
        ParameterError: For a missing or empty column (the message lists the available ones).
    """
    from newslab.dates import parse_dates

    notes: list[str] = []
    by: list[str] = [group_by] if group_by and group_by != "date" else []
    if group_by == "date" and period is None:
        period = "month"
        notes.append("Grouped by date as calendar months (each date string is not a group of its own).")
    # headline groups: the by column pooled over time when there is one, else the periods
    headline_period = None if by else period
    kwargs: dict[str, Any] = {"pair_by": pair_by or None, "n_boot": n_boot, "seed": seed}
    estimates = analysis.estimates(by or None, period=headline_period, **kwargs)
    contrasts = analysis.contrasts(by or None, period=headline_period, **kwargs)
    timeline = None
    articles = analysis.articles
    every = period or over_time
    time_note = ""
    if every and "date" in articles and parse_dates(articles["date"]).dates.dt.to_period("M").nunique() >= 2:
        if by:  # the user's period as given; without one, the finest period with enough articles per group
            choice = choose_period(analysis, by[0], period=period) if period or over_time == "month" else None
            every, time_note = (choice.period, choice.note) if choice else (every, "")
        timeline = estimates if not by else analysis.estimates(
            by, pair_by=None, period=every, n_boot=n_boot, seed=seed,
            measures=[PRIMARY_MEASURE, "share_negative", "mentions_per_1000_words"],
        )  # fmt: skip
    undated = (timeline.attrs.get("undated", {}) if timeline is not None else {}) or estimates.attrs.get("undated", {})
    if undated:
        notes.append(f"{len(undated)} article(s) have no readable date and are left out of the periods: "
                     f"{', '.join(list(undated)[:10])}{'...' if len(undated) > 10 else ''}.")  # fmt: skip
    supported = estimates[estimates["supported"] & estimates["target"].ne("(all)")]["group"].nunique()
    scope = scope_note(len(articles), grouped=True, supported_groups=supported)
    return GroupReport(by, period, pair_by or None, estimates, contrasts, timeline, group_findings(contrasts), scope,
                       notes, time_note)  # fmt: skip


def estimates_view(estimates: pd.DataFrame, *, measures: tuple[str, ...] | None = TABLE_MEASURES) -> pd.DataFrame:
    """The estimates as a readable table: one row per group x target x measure, numbers as text.

    Columns: group, target, measure (its description), construct, estimate, CI, articles,
    mentions, support ("yes"/"no").

    Example:
        >>> import newslab as nl
        >>> est = nl.analyze(nl.load_seed_corpus()).estimates(None, measures="share_negative", n_boot=200)
        >>> estimates_view(est).iloc[0].tolist()[:5]
        ['(all)', 'Trump', 'share of mentions labelled negative', 'share of mentions', '37.8%']
    """
    import pandas as pd

    rows = estimates if measures is None else estimates[estimates["measure"].isin(measures)]
    return pd.DataFrame({
        "group": rows["group"], "target": rows["target"], "measure": [describe_measure(m) for m in rows["measure"]],
        "construct": rows["construct"],
        "estimate": [format_value(v, c) for v, c in zip(rows["estimate"], rows["construct"], strict=True)],
        "CI": [format_interval(lo, hi, c) for lo, hi, c in zip(rows["ci_low"], rows["ci_high"], rows["construct"],
                                                             strict=True)],
        "articles": rows["n_articles"], "mentions": rows["n_mentions"],
        "support": ["yes" if s else "no" for s in rows["supported"]],
    }).reset_index(drop=True)  # fmt: skip


def contrasts_view(contrasts: pd.DataFrame, *, measures: tuple[str, ...] | None = TABLE_MEASURES) -> pd.DataFrame:
    """The contrasts as a readable table: difference, CI, p and q as text, and the verdict.

    Example:
        >>> import newslab as nl
        >>> c = nl.analyze(nl.load_seed_corpus()).contrasts("source", measures="share_negative", n_boot=200)
        >>> contrasts_view(c).columns.tolist()
        ['group', 'versus', 'target', 'measure', 'difference', 'CI', 'p', 'q', 'verdict']
    """
    import pandas as pd

    rows = contrasts if measures is None else contrasts[contrasts["measure"].isin(measures)]
    verdict = [
        STATUSES[2] if not s else STATUSES[0] if d else STATUSES[1]
        for s, d in zip(rows["supported"], rows["distinguishable"], strict=True)
    ]
    return pd.DataFrame({
        "group": rows["group"], "versus": rows["versus"], "target": rows["target"],
        "measure": [describe_measure(m) for m in rows["measure"]],
        "difference": [format_value(v, c, signed=True) for v, c in zip(rows["difference"], rows["construct"],
                                                                       strict=True)],
        "CI": [format_interval(lo, hi, c, signed=True) for lo, hi, c in zip(rows["ci_low"], rows["ci_high"],
                                                                           rows["construct"], strict=True)],
        "p": [_q(p) for p in rows["p"]], "q": [_q(q) for q in rows["q"]], "verdict": verdict,
    }).reset_index(drop=True)  # fmt: skip


def showing(table: pd.DataFrame, limit: int, name: str) -> tuple[pd.DataFrame, str]:
    """The first ``limit`` rows and a note saying "showing N of M" when rows were cut ("" otherwise).

    Example:
        >>> import pandas as pd
        >>> head, note = showing(pd.DataFrame({"x": range(5)}), 2, "x")
        >>> len(head), note
        (2, 'Showing 2 of 5 rows; all rows are in tables/x.csv and tables/x.parquet.')
    """
    if len(table) <= limit:
        return table, ""
    return table.head(
        limit
    ), f"Showing {limit} of {len(table)} rows; all rows are in tables/{name}.csv and tables/{name}.parquet."


def write_table(table: pd.DataFrame, folder: str | Path, name: str) -> list[Path]:
    """Write a full table as ``folder/name.csv`` and ``folder/name.parquet`` (lists become text in the CSV).

    Returns:
        The two paths written.
    """
    from newslab.render import write_csv

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    csv, parquet = folder / f"{name}.csv", folder / f"{name}.parquet"
    write_csv(table, csv)
    frame = table.copy()
    frame.attrs = {}
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = [v if v is None or isinstance(v, (str, list)) else str(v) for v in frame[column]]
    frame.to_parquet(parquet, index=False)
    return [csv, parquet]


def with_groups(table: pd.DataFrame, groups: dict[str, str] | None, *, column: str = "group") -> pd.DataFrame:
    """``table`` with a ``group`` column after ``article_id`` (for ``comparison.csv``; unchanged without groups).

    Example:
        >>> import pandas as pd
        >>> with_groups(pd.DataFrame({"article_id": ["a"], "x": [1]}), {"a": "Wire"}).columns.tolist()
        ['article_id', 'group', 'x']
    """
    if not groups or "article_id" not in table:
        return table
    out = table.copy()
    out.insert(int(out.columns.get_loc("article_id")) + 1, column, out["article_id"].astype(str).map(groups))
    return out


def shown_table(table: pd.DataFrame, limit: int, name: str, folder: str | Path, *, index: bool = False) -> Any:
    """Display object for a report: the first ``limit`` rows, and "showing N of M" under them when cut.

    The full table is written to ``folder/name.csv`` and ``.parquet`` whenever rows are cut.
    """
    from IPython.display import HTML

    from newslab.render import escape_html, html_table

    head, note = showing(table, limit, name)
    if note:
        write_table(table, folder, name)
    html = html_table(head, index=index).to_html()
    return HTML(html + (f"<p><em>{escape_html(note)}</em></p>" if note else ""))


def findings_markdown(report: GroupReport, *, limit: int = 12) -> str:
    """The report's headline findings with grouping: scope, support rule, notes, then the findings list.

    At most ``limit`` findings are listed, distinguishable ones first; "showing N of M" says
    when more exist (all are in ``tables/group_findings.csv``).
    """
    from newslab.render import escape_markdown

    lines = [escape_markdown(report.scope), ""]
    lines += [f"- {escape_markdown(note)}" for note in report.notes]
    findings = report.findings
    if not len(findings):
        lines.append("No contrast between groups could be computed (one group only).")
        return "\n".join(lines)
    for text in findings["finding"].head(limit):
        lines.append(f"- {escape_markdown(text)} ([groups](#groups))")
    if len(findings) > limit:
        lines.append(f"\nShowing {limit} of {len(findings)} findings; all are in tables/group_findings.csv.")
    return "\n".join(lines)


def method_markdown(report: GroupReport) -> str:
    """What the per-group numbers are: constructs, the primary measure and why, the interval and the test."""
    level = report.estimates.attrs.get("ci", 0.95)
    by = " and ".join(repr(b) for b in report.by) or (f"{report.period}" if report.period else "")
    if report.over_time is not None and report.by:
        by += " (pooled over time; the over-time plot splits each group by period)"
    time_note = f" {report.over_time_note}" if report.over_time is not None and report.over_time_note else ""
    pairing = (
        f" Articles are paired by {report.pair_by!r}: the bootstrap resamples these units, and each difference "
        "is computed within the units both groups cover."
        if report.pair_by
        else " The bootstrap resamples each group's articles."
    )
    return (
        f"Groups: {by or 'all articles'}.{time_note} Each number is a ratio of sums over a group's articles: a rate "
        "per 1,000 words (mentions labelled negative, all mentions...), a share of mentions (labelled negative, "
        f"positive) or a share of quotes, with a {level:.0%} bootstrap-t confidence interval from "
        f"{report.estimates.attrs.get('n_boot', 2000)} resamples.{pairing} The primary tone measure is negative "
        "mentions per 1,000 words, chosen by a check against human coding of biased phrases against Trump in 90 "
        "articles from three US outlets: over articles it followed the coding (ρ = +0.50) and the mean target score "
        "did not (ρ = −0.16). That check was not re-measured here. Differences carry a q-value (Benjamini–Hochberg "
        f"over all contrasts shown); a group needs {SUPPORT_RULE} before it is compared. See docs/groups.md."
    )


__all__ = [
    "FINDING_COLUMNS",
    "HEADLINE_MEASURES",
    "OVER_TIME_PERIODS",
    "SUPPORT_RULE",
    "TABLE_MEASURES",
    "GroupReport",
    "PeriodChoice",
    "article_groups",
    "choose_period",
    "contrasts_view",
    "describe_measure",
    "estimates_view",
    "findings_markdown",
    "format_interval",
    "format_value",
    "group_findings",
    "group_report",
    "method_markdown",
    "scope_note",
    "showing",
    "shown_table",
    "with_groups",
    "write_table",
]
