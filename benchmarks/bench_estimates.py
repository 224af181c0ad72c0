"""Speed and memory of group estimates and contrasts on a large synthetic analysis.

Usage: python benchmarks/bench_estimates.py [--articles 10000] [--groups 3] [--n-boot 2000] [--runs 3]

Builds an :class:`newslab.Analysis` from synthetic tables (no text: the estimates read only the
tables): ``--articles`` articles in ``--groups`` outlets over 12 months and articles/3 events,
2 targets with 0-15 mentions each, quotes, stance rows and frame cues. Then times, in this
process, ``estimates`` (all measures, ``--n-boot`` resamples), ``contrasts`` (all measures, every
pair of outlets), the paired variants (``pair_by="event"``) and ``estimates`` by outlet and month.
Reports the median of ``--runs`` runs and the peak resident memory of the process (which includes
the tables themselves; the target is < 10 s and < 1 GB for 10,000 articles, 2 targets, 3 groups,
2,000 resamples).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

import numpy as np
import pandas as pd

import newslab as nl

FRAMES = ("conflict", "responsibility", "economic", "security_defense", "war", "political", "morality")


def synthetic_analysis(n: int, groups: int, seed: int = 0) -> nl.Analysis:
    rng = np.random.default_rng(seed)
    ids = np.array([f"article-{i:06d}" for i in range(n)])
    source = np.array([f"outlet-{i % groups}" for i in range(n)])
    months = rng.integers(1, 13, n)
    articles = pd.DataFrame({
        "article_id": ids, "title": "", "source": source,
        "date": [f"2024-{m:02d}-{d:02d}" for m, d in zip(months, rng.integers(1, 28, n), strict=True)],
        "sentences": 20, "words": rng.integers(150, 2000, n), "characters": 0, "input_hash": "",
        "event": [f"event-{i // groups}" for i in range(n)],
    })  # fmt: skip
    tone_rows = []
    for target in ("Trump", "NATO"):
        k = rng.integers(0, 16, n)
        article = np.repeat(ids, k)
        score = np.clip(rng.normal(-0.1, 0.4, len(article)), -1, 1)
        label = np.where(score < -0.2, "negative", np.where(score > 0.2, "positive", "neutral"))
        tone_rows.append(pd.DataFrame({"article_id": article, "target": target, "label": label, "score": score}))
    target_tone = pd.concat(tone_rows, ignore_index=True)
    q = rng.integers(0, 6, n)
    quotes = pd.DataFrame({
        "article_id": np.repeat(ids, q),
        "speaker_resolved": rng.choice(["Donald Trump", "NATO", "Mark Rutte", ""], int(q.sum())),
    })  # fmt: skip
    s = rng.integers(0, 5, n)
    stance = pd.DataFrame({
        "article_id": np.repeat(ids, s), "target": rng.choice(["Trump", "NATO"], int(s.sum())),
        "stance": rng.choice(["favor", "against", "neutral"], int(s.sum())),
    })  # fmt: skip
    f = rng.integers(0, 12, n)
    frames = pd.DataFrame({"article_id": np.repeat(ids, f), "frame": rng.choice(FRAMES, int(f.sum()))})
    tables = {"articles": articles, "target_tone": target_tone, "quotes": quotes, "stance": stance, "frames": frames}
    return nl.Analysis(tables)


def timed(label: str, runs: int, call) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:<52} {median:7.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)}; {len(result)} rows)")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--groups", type=int, default=3)
    parser.add_argument("--n-boot", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    analysis = synthetic_analysis(args.articles, args.groups)
    print(f"{args.articles} articles, {args.groups} groups, {len(analysis.target_tone)} target tone rows, "
          f"{len(analysis.quotes)} quotes, {len(analysis.stance)} stance rows, {len(analysis.frames)} frame cues; "
          f"{args.n_boot} resamples")  # fmt: skip
    b = args.n_boot
    timed("estimates(by='source'), all measures", args.runs, lambda: analysis.estimates("source", n_boot=b))
    timed("contrasts(by='source'), all measures", args.runs, lambda: analysis.contrasts("source", n_boot=b))
    timed("estimates(by='source', pair_by='event')", args.runs,
          lambda: analysis.estimates("source", pair_by="event", n_boot=b))  # fmt: skip
    timed("contrasts(by='source', pair_by='event')", args.runs,
          lambda: analysis.contrasts("source", pair_by="event", n_boot=b))  # fmt: skip
    timed("estimates(by='source', period='month')", args.runs,
          lambda: analysis.estimates("source", period="month", n_boot=b))  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
