"""Simulation check of ``corrected_shares``: do corrected CIs cover the true group shares where raw ones fail?

Usage: python validation/simulate_correction.py [--sims 200] [--boot 200] [--articles 300] [--n-val 400] [--seed 0]

Each simulation builds a corpus of two outlets (``--articles`` each, 1 + Poisson(8) mentions per
article, article-level label mixes drawn from a Dirichlet around the outlet's true shares, so items
cluster by article). A simulated tool mislabels with *differential error*: outlet B's negatives
and positives are pulled toward neutral much more than outlet A's. A validation sample of
``--n-val`` items is drawn as newslab draws it (strata = outlet x tool label, equal allocation,
weight = 1 / inclusion probability), coded without error. Reported: how often the 95% CIs of raw
and corrected shares contain the corpus's true shares, per share and for all six at once.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newslab.coding import _allocate  # noqa: E402
from newslab.validity import corrected_shares  # noqa: E402

LABELS = ("negative", "neutral", "positive")
TRUE_SHARES = {"A": (0.45, 0.40, 0.15), "B": (0.30, 0.45, 0.25)}
#: P(tool label | true label), rows = true label; B's errors differ (differential error)
CONFUSION = {
    "A": np.array([[0.80, 0.15, 0.05], [0.08, 0.84, 0.08], [0.05, 0.15, 0.80]]),
    "B": np.array([[0.55, 0.40, 0.05], [0.05, 0.85, 0.10], [0.05, 0.35, 0.60]]),
}
DIRICHLET_CONCENTRATION = 20.0  # article-level spread of the label mix (smaller = more clustered)


def simulate_corpus(rng: np.random.Generator, n_articles: int) -> pd.DataFrame:
    rows = []
    for group, shares in TRUE_SHARES.items():
        for a in range(n_articles):
            mix = rng.dirichlet(np.array(shares) * DIRICHLET_CONCENTRATION)
            n = 1 + rng.poisson(8)
            truth = rng.choice(3, size=n, p=mix)
            cum = CONFUSION[group].cumsum(axis=1)[truth]  # inverse-CDF draw of the tool label per item
            tool = np.minimum((rng.random(n)[:, None] > cum).sum(axis=1), 2)
            rows += [(f"{group}-{a}", group, int(t), int(p)) for t, p in zip(truth, tool, strict=True)]
    return pd.DataFrame(rows, columns=["article_id", "group", "truth", "tool"])


def validation_sample(rng: np.random.Generator, corpus: pd.DataFrame, n: int) -> pd.DataFrame:
    strata = corpus["group"] + "|" + corpus["tool"].astype(str)
    sizes = strata.value_counts().to_dict()
    alloc = _allocate(sizes, n)
    picked = []
    for stratum, k in alloc.items():
        rows = np.flatnonzero(strata.to_numpy() == stratum)
        picked += rng.choice(rows, size=k, replace=False).tolist()
    sample = corpus.iloc[picked].copy()
    sample["weight"] = [sizes[s] / alloc[s] for s in strata.iloc[picked]]
    return sample


def one_run(rng: np.random.Generator, args: argparse.Namespace, seed: int) -> pd.DataFrame:
    corpus = simulate_corpus(rng, args.articles)
    counts = corpus.groupby(["article_id", "group", "tool"]).size().rename("count").reset_index()
    counts["label"] = counts["tool"].map(dict(enumerate(LABELS)))
    sample = validation_sample(rng, corpus, args.n_val)
    val = pd.DataFrame({
        "article_id": sample["article_id"], "group": sample["group"], "weight": sample["weight"],
        "tool_label": sample["tool"].map(dict(enumerate(LABELS))), "gold": sample["truth"].map(dict(enumerate(LABELS))),
    })  # fmt: skip
    est = corrected_shares(counts[["article_id", "group", "label", "count"]], val, labels=LABELS, n_boot=args.boot,
                           seed=seed)  # fmt: skip
    true = corpus.groupby("group")["truth"].value_counts(normalize=True).unstack(fill_value=0.0)
    est["true"] = [float(true.loc[g, LABELS.index(lab)]) for g, lab in zip(est.group, est.label, strict=True)]
    est["raw_covers"] = (est.raw_low <= est.true) & (est.true <= est.raw_high)
    est["corrected_covers"] = (est.corrected_low <= est.true) & (est.true <= est.corrected_high)
    return est


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sims", type=int, default=200)
    parser.add_argument("--boot", type=int, default=200)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--n-val", type=int, default=400)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    t0 = time.perf_counter()
    runs = [one_run(rng, args, args.seed + k).assign(sim=k) for k in range(args.sims)]
    allrun = pd.concat(runs, ignore_index=True)
    print(f"{args.sims} simulations, {args.articles} articles per outlet, {args.n_val} validation items, "
          f"{args.boot} bootstrap rounds, {time.perf_counter() - t0:.0f}s")  # fmt: skip
    per = allrun.groupby(["group", "label"]).agg(
        true=("true", "mean"), raw=("raw", "mean"), corrected=("corrected", "mean"),
        raw_coverage=("raw_covers", "mean"), corrected_coverage=("corrected_covers", "mean"),
    )  # fmt: skip
    print(per.round(3).to_string())
    every = allrun.groupby("sim")[["raw_covers", "corrected_covers"]].all().mean()
    print(f"all six shares inside the 95% CI: raw {every['raw_covers']:.1%}, corrected {every['corrected_covers']:.1%} "
          "of simulations")  # fmt: skip
    print(f"single shares inside the 95% CI: raw {allrun['raw_covers'].mean():.1%}, "
          f"corrected {allrun['corrected_covers'].mean():.1%}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
