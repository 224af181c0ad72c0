"""Do the intervals of ``Analysis.estimates`` and ``Analysis.contrasts`` cover the truth 95% of the time?

Usage: python validation/calibrate_estimates.py [--corpora 200] [--events 30 [60 ...]] [--n-boot 1000] [--seed 0]

Simulates ``--corpora`` corpora with known group values and counts how often the 95% intervals
contain them. Each corpus: 3 outlets covering ``--events`` news events (each outlet covers an
event with probability 0.9, one article per event), so about 27 articles per outlet. Per article:

* length ``W = L_g · LogNormal(6.4, 0.5)`` words, outlet B's articles 1.8x longer (``L_g``);
* mentions ``M ~ Poisson(r_g · u_a · v_e · W / 1000)``: ``u_a ~ Gamma(2, 1/2)`` makes mentions
  cluster within articles (over-dispersion), ``v_e ~ Gamma(3, 1/3)`` is the event's news value,
  shared by the outlets that cover it (scenario ``paired``; 1 in scenario ``independent``);
* negative mentions ``N ~ Binomial(M, π_a)`` with ``π_a ~ Beta(4 p_g, 4 (1 − p_g))``: the
  negative share clusters within articles too;
* scores: a negative mention scores ``−0.5 κ_a`` with ``κ_a ~ Gamma(4, 1/4)`` (how harsh the
  article's wording is), a neutral one ``+0.1``.

Because ``W``, ``u``, ``v`` and ``π`` are independent with means ``E[W]``, 1, 1 and ``p_g``, the
population values the ratio estimators aim at are known exactly: mentions per 1,000 words
``r_g``, negative mentions per 1,000 words ``r_g · p_g``, share of mentions negative ``p_g``,
mean score per mention ``−0.5 p_g + 0.1 (1 − p_g)`` (``κ`` independent too, mean 1), and their
differences between outlets (whatever the lengths). Scenario ``independent`` checks the article
bootstrap (no ``pair_by``); scenario ``paired`` checks the event bootstrap
(``pair_by="event"``) and the paired contrasts, whose differences are computed within events both
outlets cover. Target: 92-98% coverage (with 200 corpora x 3 groups, a binomial standard error
of about 0.9 percentage points). ``--events`` takes several counts (e.g. ``15 30 60``: about 13,
27 and 54 articles per outlet) and runs both scenarios for each.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

import newslab as nl

GROUPS = ("A", "B", "C")
RATE = {"A": 8.0, "B": 10.0, "C": 12.0}  # mentions per 1,000 words
NEGATIVE = {"A": 0.30, "B": 0.35, "C": 0.45}  # share of mentions labelled negative
LENGTH = {"A": 1.0, "B": 1.8, "C": 1.0}  # article length multiplier (outlet B writes longer)
MEASURES = ("mentions_per_1000_words", "negative_per_1000_words", "share_negative", "mean_score")
HARSH, MILD = -0.5, 0.1  # score of a negative mention (times the article's harshness) and of a neutral one


def truth(measure: str, group: str) -> float:
    return {
        "mentions_per_1000_words": RATE[group],
        "negative_per_1000_words": RATE[group] * NEGATIVE[group],
        "share_negative": NEGATIVE[group],
        "mean_score": HARSH * NEGATIVE[group] + MILD * (1 - NEGATIVE[group]),
    }[measure]


def simulate(rng: np.random.Generator, events: int, paired: bool) -> nl.Analysis:
    rows, mentions = [], []
    news_value = rng.gamma(3.0, 1 / 3.0, events) if paired else np.ones(events)
    for e in range(events):
        for g in GROUPS:
            if rng.random() > 0.9:
                continue
            article = f"{g}-{e}"
            words = max(30, round(LENGTH[g] * rng.lognormal(6.4, 0.5)))
            m = rng.poisson(RATE[g] * rng.gamma(2.0, 0.5) * news_value[e] * words / 1000)
            negative = rng.binomial(m, rng.beta(4 * NEGATIVE[g], 4 * (1 - NEGATIVE[g])))
            harshness = rng.gamma(4.0, 0.25)
            rows.append((article, g, words, f"event-{e}"))
            mentions += [(article, "Trump", "negative", HARSH * harshness)] * negative
            mentions += [(article, "Trump", "neutral", MILD)] * (m - negative)
    articles = pd.DataFrame(rows, columns=["article_id", "source", "words", "event"])
    tone = pd.DataFrame(mentions, columns=["article_id", "target", "label", "score"])
    return nl.Analysis({"articles": articles, "target_tone": tone})


def covered(low: float, high: float, value: float) -> bool:
    return bool(low <= value <= high)


def run(scenario: str, corpora: int, events: int, n_boot: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    pair_by = "event" if scenario == "paired" else None
    hits: list[tuple[str, str, bool, float]] = []
    for c in range(corpora):
        analysis = simulate(rng, events, paired=scenario == "paired")
        est = analysis.estimates("source", pair_by=pair_by, targets="Trump", measures=MEASURES, n_boot=n_boot, seed=c)
        for r in est.itertuples():
            hits.append(("estimate", r.measure, covered(r.ci_low, r.ci_high, truth(r.measure, r.group)),
                         r.ci_high - r.ci_low))  # fmt: skip
        con = analysis.contrasts("source", pair_by=pair_by, targets="Trump", measures=MEASURES, n_boot=n_boot, seed=c)
        for r in con.itertuples():
            true = truth(r.measure, r.group) - truth(r.measure, r.versus)
            hits.append(("difference", r.measure, covered(r.ci_low, r.ci_high, true), r.ci_high - r.ci_low))
    frame = pd.DataFrame(hits, columns=["kind", "measure", "covered", "width"])
    out = frame.groupby(["kind", "measure"], sort=False).agg(
        intervals=("covered", "size"), coverage=("covered", "mean"), mean_width=("width", "mean")
    )
    out.insert(0, "scenario", scenario)
    out.insert(0, "events", events)
    out["in_target"] = out["coverage"].between(0.92, 0.98)
    return out.reset_index()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=int, default=200)
    parser.add_argument("--events", type=int, nargs="+", default=[30])
    parser.add_argument("--n-boot", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    start = time.perf_counter()
    scenarios = ("independent", "paired")
    runs = [
        run(s, args.corpora, events, args.n_boot, args.seed + 10 * events + i)
        for events in args.events
        for i, s in enumerate(scenarios)
    ]
    results = pd.concat(runs, ignore_index=True)
    with pd.option_context("display.width", 160, "display.max_columns", 10):
        print(results.round({"coverage": 3, "mean_width": 3}).to_string(index=False))
    events = "/".join(map(str, args.events))
    print(f"{args.corpora} corpora per scenario, {events} events, 3 outlets, {args.n_boot} resamples, "
          f"95% intervals; {time.perf_counter() - start:.0f} s")  # fmt: skip
    if not results["in_target"].all():
        raise SystemExit(1)


if __name__ == "__main__":
    main()
