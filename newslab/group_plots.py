"""Plots of group estimates: a forest plot of contrasts and a measure over time with CI bands.

Each takes a table from :meth:`newslab.Analysis.contrasts` or :meth:`newslab.Analysis.estimates`
and an optional ``ax``, and returns the Axes; re-exported by :mod:`newslab.plots`.
"""

from __future__ import annotations

import textwrap
from typing import Any

from matplotlib.axes import Axes

from newslab.errors import ParameterError
from newslab.figures import MAX_GROUPS, group_style, new_axes, require_columns, shorten
from newslab.group_findings import describe_measure


def _one(table: Any, column: str, value: str | None, name: str) -> tuple[Any, str]:
    """Rows of ``table`` with ``column == value`` (the first value when ``None``; one value must remain)."""
    values = list(dict.fromkeys(table[column].astype(str)))
    if not values:
        raise ParameterError(f"{name}() got an empty table; compute it with more articles or other options")
    chosen = values[0] if value is None else value
    if chosen not in values:
        raise ParameterError(f"{name}(): {column}={chosen!r} is not in the table; valid: {values}")
    return table[table[column].astype(str) == chosen], chosen


def plot_contrasts(
    contrasts: Any,
    *,
    measure: str | None = None,
    target: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    limit: int = 30,
) -> Axes:
    """Forest plot: each contrast's difference with its confidence interval, zero marked.

    Filled markers are distinguishable differences (interval excludes zero); hollow markers are
    not; grey rows lack the minimum support (see :data:`newslab.estimates.MIN_ARTICLES`).

    Args:
        contrasts: Output of :meth:`newslab.Analysis.contrasts`.
        measure: The measure to show (default: the primary one if present, else the first).
        target: The target to show (default: the first).
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; default names the target, the measure (its description) and the CI level.
        limit: Most contrasts drawn (smallest q first); the title says "showing N of M" when cut.

    Returns:
        The Axes: one row per contrast, the difference on the x axis.

    Example:
        >>> import newslab as nl
        >>> c = nl.analyze(nl.load_seed_corpus()).contrasts("source", n_boot=200)
        >>> plot_contrasts(c).get_xlabel()[:10]
        'difference'
    """
    require_columns(contrasts, ["group", "versus", "target", "measure", "difference", "ci_low", "ci_high"],
                    "plot_contrasts")  # fmt: skip
    if measure is None and "primary" in contrasts and contrasts["primary"].any():
        measure = str(contrasts.loc[contrasts["primary"].astype(bool), "measure"].iloc[0])
    rows, measure = _one(contrasts, "measure", measure, "plot_contrasts")
    rows, target = _one(rows, "target", target, "plot_contrasts")
    total = len(rows)
    if "q" in rows:
        rows = rows.sort_values("q", kind="stable", na_position="last")
    rows = rows.head(limit).iloc[::-1].reset_index(drop=True)
    ax = new_axes(ax, (7.5, 0.35 * len(rows) + 1.8))
    for i, r in rows.iterrows():
        supported = bool(r.get("supported", True))
        shown = bool(r.get("distinguishable", r["ci_low"] > 0 or r["ci_high"] < 0))
        colour = "black" if supported else "0.6"
        ax.plot([r["ci_low"], r["ci_high"]], [i, i], color=colour, linewidth=1.4)
        ax.plot([r["difference"]], [i], marker="o", markersize=6, color=colour,
                markerfacecolor=colour if shown else "white")  # fmt: skip
    ax.axvline(0.0, color="0.3", linewidth=0.8, linestyle="--")
    labels = [f"{shorten(g, 24)} − {shorten(v, 24)}" for g, v in zip(rows["group"], rows["versus"], strict=True)]
    ax.set_yticks(range(len(rows)), labels)
    name = describe_measure(measure)  # the reader's name, not the column name
    ax.set_xlabel(f"difference in {name}")
    level = contrasts.attrs.get("ci", 0.95)
    shown_note = f"; showing {len(rows)} of {total}" if len(rows) < total else ""
    ax.set_title(title or f"{target}: {name}, group differences with {level:.0%} CI{shown_note}\n"
                          "filled: CI excludes 0; grey: below the minimum support", fontsize="medium")  # fmt: skip
    return ax


def plot_estimates_over_time(
    estimates: Any,
    *,
    measure: str | None = None,
    target: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """A measure per period, one line per group, with its confidence interval as a band.

    Args:
        estimates: Output of :meth:`newslab.Analysis.estimates` with ``period=`` (a ``period``
            column; groups are the other ``by`` columns).
        measure: The measure (default: the primary one if present, else the first).
        target: The target (default: the first).
        ax: Axes to draw on; a new figure when ``None``.
        title: Title; default names the target, the measure (its description), the period and the CI level.

    Returns:
        The Axes: periods on the x axis (first day of each), the estimate on the y axis.

    Raises:
        ParameterError: For a table without a ``period`` column.

    Example:
        >>> import pandas as pd
        >>> est = pd.DataFrame({"source": ["X", "X"], "period": ["2024-01", "2024-02"], "group": ["X | 2024-01",
        ...     "X | 2024-02"], "target": "T", "measure": "m", "construct": "c", "estimate": [1.0, 2.0],
        ...     "ci_low": [0.5, 1.5], "ci_high": [1.5, 2.5]})
        >>> est.attrs["by"] = ["source", "period"]
        >>> len(plot_estimates_over_time(est, measure="m").get_lines())
        1
    """
    import pandas as pd

    from newslab.dates import period_start

    require_columns(estimates, ["period", "target", "measure", "estimate", "ci_low", "ci_high"],
                    "plot_estimates_over_time")  # fmt: skip
    if measure is None and "primary" in estimates and estimates["primary"].any():
        measure = str(estimates.loc[estimates["primary"].astype(bool), "measure"].iloc[0])
    rows, measure = _one(estimates, "measure", measure, "plot_estimates_over_time")
    rows, target = _one(rows, "target", target, "plot_estimates_over_time")
    period = _period_kind(str(rows["period"].iloc[0]))
    rows = rows.assign(when=[period_start(str(p), period) for p in rows["period"]])
    by = [c for c in estimates.attrs.get("by", []) if c != "period" and c in rows]
    names = rows[by].astype(str).agg(" | ".join, axis=1) if by else pd.Series("all articles", index=rows.index)
    ax = new_axes(ax, (8.0, 4.0))
    groups = list(dict.fromkeys(names))
    for i, name in enumerate(groups[:MAX_GROUPS]):
        line = rows[names == name].sort_values("when")
        colour, _, style, marker = group_style(i)
        colour = "0.15" if colour in ("1.0", "0.85") else colour  # a line needs a visible grey
        ax.plot(line["when"], line["estimate"], color=colour, linestyle=style, marker=marker, label=shorten(name, 30))
        ax.fill_between(line["when"], line["ci_low"], line["ci_high"], color=colour, alpha=0.15, linewidth=0)
    name = describe_measure(measure)  # the reader's name, not the column name
    ax.set_ylabel(textwrap.fill(name, 28))
    ax.set_xlabel(f"{period} (first day)")
    level = estimates.attrs.get("ci", 0.95)
    cut = f"; showing {MAX_GROUPS} of {len(groups)} groups" if len(groups) > MAX_GROUPS else ""
    ax.set_title(title or f"{target}: {name} per {period}, bands: {level:.0%} CI{cut}", fontsize="medium")
    if len(groups) > 1:
        ax.legend(fontsize="small", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.figure.autofmt_xdate()
    return ax


def _period_kind(label: str) -> str:
    """The period a label of :func:`newslab.dates.period_labels` names."""
    if "-W" in label:
        return "week"
    if "Q" in label:
        return "quarter"
    return "month" if "-" in label else "year"


__all__ = ["plot_contrasts", "plot_estimates_over_time"]
