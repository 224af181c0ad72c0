"""Time to draw a 400-item coding sample from a 10,000-article analysis and write its sheets.

Usage: python benchmarks/bench_coding.py [--articles 10000] [--items 400] [--task target_tone]

The analysis tables are the bundled articles' real tables (one pass), copied under new ids until
there are ``--articles`` articles in five outlets (340,000 target-tone rows for 10,000 articles),
so the timing covers the sampling over a corpus-sized table, not the analysis pass itself. Timed:
``draw_sample`` + ``write_sheets`` (XLSX with drop-down, CSV and HTML), best of 3. Target: < 5 s.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
import types

import pandas as pd

import newslab as nl
from newslab.coding import draw_sample, write_sheets

OUTLETS = ("Daily Planet", "Der Kurier", "El Diario", "Morning Chronicle", "Wire")


def corpus_tables(n_articles: int) -> types.SimpleNamespace:
    base = nl.analyze(nl.load_seed_corpus())
    per = len(base.articles)
    tables = {}
    for name in ("articles", "sentences", "target_tone", "quotes", "stance", "frames"):
        table = getattr(base, name)
        copies = []
        for k in range(n_articles // per):
            copy = table.copy()
            copy["article_id"] = copy["article_id"] + f"-{k:05d}"
            if name == "articles":
                copy["source"] = OUTLETS[k % len(OUTLETS)]
            copies.append(copy)
        tables[name] = pd.concat(copies, ignore_index=True)
    return types.SimpleNamespace(**tables)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=400)
    parser.add_argument("--task", default="target_tone")
    args = parser.parse_args(argv)
    tables = corpus_tables(args.articles)
    rows = len(getattr(tables, {"frame": "sentences", "quote_speaker": "quotes"}.get(args.task, args.task)))
    print(f"{len(tables.articles):,} articles, {rows:,} rows to sample from ({platform.python_version()})")
    best = float("inf")
    for _ in range(3):
        with tempfile.TemporaryDirectory() as folder:
            t0 = time.perf_counter()
            sample = draw_sample(tables, args.task, n=args.items, seed=0)
            t1 = time.perf_counter()
            write_sheets(sample, folder, coder="coder1")
            t2 = time.perf_counter()
        best = min(best, t2 - t0)
        print(f"  sample {t1 - t0:.2f}s + sheets (xlsx, csv, html) {t2 - t1:.2f}s = {t2 - t0:.2f}s")
    verdict = "meets" if best < 5 else "MISSES"
    print(f"best of 3: {best:.2f}s for {len(sample.items)} items ({verdict} the < 5 s target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
