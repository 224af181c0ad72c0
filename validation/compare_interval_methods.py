"""Which interval form covers best with few clusters? The development comparison behind the small-sample factor.

Usage: python validation/compare_interval_methods.py [--corpora 300] [--events 12 20 30 60] [--n-boot 1000]
       [--seed 1000]

Simulates the corpora of ``validation/calibrate_estimates.py`` (same model, its ``simulate``; different
seeds, so that script's runs confirm on fresh corpora what this one chose) and computes, on the
*same* resamples, the 95% intervals of each outlet's estimate and of each pair's difference by:

* ``bootstrap-t``: the studentized interval of ``newslab.bootstrap.student`` (equal-tailed for
  estimates, symmetric for differences), as before the correction;
* ``bootstrap-t + t/z``: the same with the small-sample factor ``t_{n−1}/z`` on the equal-tailed
  interval (``newslab.bootstrap.small_sample_factor``), what ``Analysis.estimates`` uses now;
* ``percentile`` and ``expanded percentile`` (Hesterberg 2015: percentiles at ``Φ(√(n/(n−1)) t_{n−1,α})``);
* ``BCa`` (bias correction and jackknife acceleration over the clusters) and ``expanded BCa``;
* ``t × bootstrap SD``: ``θ̂ ± t_{n−1} · √(n/(n−1)) · sd(θ*)``.

``n`` is the number of clusters resampled (articles of the group, or all events with ``pair_by``;
for an unpaired difference the smaller group). Prints the range over the four measures of the
coverage of each method, per number of events, scenario and kind of interval. Needs scipy (a
dependency of scikit-learn) for the normal and t quantiles of the alternatives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from newslab.bootstrap import (
    Spec,
    difference_moments,
    difference_stat,
    ratio_moments,
    ratio_stat,
    resampled_sums,
    small_sample_factor,
    student,
)

sys.path.insert(0, str(Path(__file__).parent))
from calibrate_estimates import GROUPS, MEASURES, simulate, truth

ALPHA = 0.025


def counts(analysis: object, events: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Group, event and [words, mentions, negative, score] per article of a simulated analysis."""
    arts = analysis.articles  # type: ignore[attr-defined]
    tone = analysis.target_tone  # type: ignore[attr-defined]
    by = tone.groupby("article_id")
    table = pd.DataFrame({
        "mentions": by.size(), "negative": by["label"].apply(lambda s: (s == "negative").sum()),
        "score": by["score"].sum(),
    }).reindex(arts["article_id"]).fillna(0.0)  # fmt: skip
    group = arts["source"].map({g: i for i, g in enumerate(GROUPS)}).to_numpy(int)
    event = arts["event"].str.removeprefix("event-").astype(int).to_numpy()
    values = np.column_stack([arts["words"].to_numpy(float), table.to_numpy(float)])
    return group, event, values


SPECS = [
    Spec("Trump", "mentions_per_1000_words", "", 1000.0, 1, 0, 1),
    Spec("Trump", "negative_per_1000_words", "", 1000.0, 2, 0, 1),
    Spec("Trump", "share_negative", "", 1.0, 2, 1, 1),
    Spec("Trump", "mean_score", "", 1.0, 3, 1, 1),
]
SCALE = np.array([s.scale for s in SPECS])


def jackknife(units: np.ndarray) -> np.ndarray:
    """Leave-one-cluster-out estimates (clusters x specs)."""
    num, den = units[:, [s.numerator for s in SPECS]], units[:, [s.denominator for s in SPECS]]
    with np.errstate(invalid="ignore", divide="ignore"):
        return SCALE * (num.sum(0) - num) / (den.sum(0) - den)


def quantiles(reps: np.ndarray, levels: np.ndarray) -> np.ndarray:
    return np.array([np.nanquantile(reps[:, j], q) if np.isfinite(q) else np.nan for j, q in enumerate(levels)])


def intervals(point, se, reps, reps_se, jack, n, *, difference):  # type: ignore[no-untyped-def]
    """Method name -> (low, high) over the specs."""
    out = {"bootstrap-t": student(point, se, reps, reps_se, ALPHA, symmetric=difference)[:2]}
    factor = 1.0 if difference else small_sample_factor(n, ALPHA)
    out["bootstrap-t + t/z"] = student(point, se, reps, reps_se, ALPHA, symmetric=difference, factor=factor)[:2]
    expanded = stats.norm.cdf(np.sqrt(n / (n - 1)) * stats.t.ppf(ALPHA, n - 1))
    out["percentile"] = tuple(np.nanquantile(reps, [ALPHA, 1 - ALPHA], axis=0))
    out["expanded percentile"] = tuple(np.nanquantile(reps, [expanded, 1 - expanded], axis=0))
    sd = np.nanstd(reps, axis=0, ddof=1) * np.sqrt(n / (n - 1))
    out["t x bootstrap SD"] = (point - stats.t.ppf(1 - ALPHA, n - 1) * sd, point + stats.t.ppf(1 - ALPHA, n - 1) * sd)
    with np.errstate(invalid="ignore", divide="ignore"):
        below = (np.sum(reps < point, 0) + 0.5 * np.sum(reps == point, 0)) / np.sum(~np.isnan(reps), 0)
        z0 = stats.norm.ppf(np.clip(below, 1e-6, 1 - 1e-6))
        d = np.nanmean(jack, 0) - jack
        acc = np.nan_to_num(np.nansum(d**3, 0) / (6 * np.nansum(d**2, 0) ** 1.5))
        for name, a in (("BCa", ALPHA), ("expanded BCa", expanded)):
            levels = [stats.norm.cdf(z0 + (z0 + z) / (1 - acc * (z0 + z))) for z in stats.norm.ppf([a, 1 - a])]
            out[name] = (quantiles(reps, levels[0]), quantiles(reps, levels[1]))
    return out


def run(events: int, paired: bool, corpora: int, n_boot: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    true = np.array([[truth(m, g) for m in MEASURES] for g in GROUPS])
    records = []
    for c in range(corpora):
        group, event, values = counts(simulate(rng, events, paired=paired), events)
        seeds = np.random.SeedSequence([seed, c]).spawn(4)
        totals = np.zeros((events, len(GROUPS), values.shape[1]))
        np.add.at(totals, (event, group), values)
        if paired:
            units = [totals[:, g] for g in range(len(GROUPS))]
            flat = np.concatenate([ratio_moments(u, SPECS) for u in units], axis=1)
            sums = np.split(resampled_sums(flat, n_boot, seeds[0]), len(GROUPS), axis=1)
        else:
            units = [values[group == g] for g in range(len(GROUPS))]
            sums = [resampled_sums(ratio_moments(u, SPECS), n_boot, s) for u, s in zip(units, seeds[1:], strict=True)]
        stats_g, points = [], []
        for g, u in enumerate(units):
            reps, reps_se = ratio_stat(sums[g], len(u), SCALE)
            point, se = ratio_stat(ratio_moments(u, SPECS).sum(0), len(u), SCALE)
            stats_g.append((reps, reps_se))
            points.append((point, se))
            for name, (low, high) in intervals(
                point, se, reps, reps_se, jackknife(u), len(u), difference=False
            ).items():
                records += [("estimate", m, name, low[j] <= true[g, j] <= high[j]) for j, m in enumerate(MEASURES)]
        for i, k in ((0, 1), (0, 2), (1, 2)):
            if paired:
                present = np.zeros((events, len(GROUPS)), bool)
                present[event, group] = True
                common = present[:, i] & present[:, k]
                moments = difference_moments(totals[common, i], totals[common, k], SPECS)
                n = int(common.sum())
                reps, reps_se = difference_stat(resampled_sums(moments, n_boot, seeds[0]), n, SCALE)
                point, se = difference_stat(moments.sum(0), n, SCALE)
                jack = jackknife(totals[common, i]) - jackknife(totals[common, k])
            else:
                reps, reps_se = stats_g[i][0] - stats_g[k][0], np.hypot(stats_g[i][1], stats_g[k][1])
                point, se = points[i][0] - points[k][0], np.hypot(points[i][1], points[k][1])
                jack = np.concatenate([jackknife(units[i]) - points[k][0], points[i][0] - jackknife(units[k])])
                n = min(len(units[i]), len(units[k]))
            for name, (low, high) in intervals(point, se, reps, reps_se, jack, n, difference=True).items():
                records += [("difference", m, name, low[j] <= true[i, j] - true[k, j] <= high[j])
                            for j, m in enumerate(MEASURES)]  # fmt: skip
    frame = pd.DataFrame(records, columns=["kind", "measure", "method", "covered"])
    frame.insert(0, "scenario", "paired" if paired else "independent")
    frame.insert(0, "events", events)
    return frame


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=int, default=300)
    parser.add_argument("--events", type=int, nargs="+", default=[12, 20, 30, 60])
    parser.add_argument("--n-boot", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1000)
    args = parser.parse_args()
    frames = [run(e, p, args.corpora, args.n_boot, args.seed + 10 * e + p) for e in args.events for p in (False, True)]
    coverage = pd.concat(frames).groupby(["events", "scenario", "kind", "method", "measure"], sort=False)["covered"]
    ranges = (
        coverage.mean()
        .groupby(["events", "scenario", "kind", "method"], sort=False)
        .agg(lambda x: f"{x.min():.3f}-{x.max():.3f}")
    )
    with pd.option_context("display.width", 250, "display.max_columns", 12, "display.max_rows", 500):
        print(ranges.unstack("method").to_string())
    print(f"{args.corpora} corpora per scenario, {args.n_boot} resamples; range of coverage over {list(MEASURES)}")


if __name__ == "__main__":
    main()
