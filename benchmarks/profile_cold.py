"""Where a cold one-worker ``nl.analyze`` call spends its CPU: import, first-call loading, each stage, the tables.

Usage: python benchmarks/profile_cold.py CORPUS.jsonl [--first]

Run it in a fresh process (it is one): it imports newslab, wraps every stage of the pass (and its
row maker) in a CPU timer, times the garbage collector through ``gc.callbacks``, then makes one
``nl.analyze(CORPUS, workers=1)`` call, as ``benchmarks/bench_scale.py --cold`` does. The first
article of the run pays the loading of lexicons, models and the stemmer (PyStemmer, in the
target tone stage); ``--first`` reports that article apart. A stage's time includes the garbage
collections that happened while it ran; the collector's total is printed separately.

``python benchmarks/bench_scale.py DATA --sizes --cold 600`` writes the corpus the issue-22 ratios
are measured on; ``python -X importtime`` and ``cProfile`` give the finer detail.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--first", action="store_true", help="report the first article (loading) apart")
    args = parser.parse_args()
    cpu: collections.Counter[str] = collections.Counter()
    collector = {"s": 0.0, "n": 0, "started": 0.0}

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            collector["started"] = time.process_time()
        else:
            collector["s"] += time.process_time() - collector["started"]
            collector["n"] += 1

    gc.callbacks.append(on_gc)
    c0 = time.process_time()
    import newslab as nl
    from newslab import article_pass, runner

    imported = time.process_time() - c0
    articles_done = [0]

    def timed(name: str, fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def run(state: Any) -> Any:
            c = time.process_time()
            result = fn(state)
            key = f"{name} (first article)" if args.first and articles_done[0] == 0 else name
            cpu[key] += time.process_time() - c
            return result

        return run

    article_pass.STAGES = tuple(
        dataclasses.replace(s, run=timed(s.name, s.run), rows=None if s.rows is None else timed("rows", s.rows))
        for s in article_pass.STAGES
    )
    run_article = article_pass.run_article

    def counted(*a: Any) -> Any:
        result = run_article(*a)
        articles_done[0] += 1
        return result

    article_pass.run_article = counted
    run_chunk = runner.run_chunk

    def chunk(*a: Any) -> Any:
        c = time.process_time()
        result = run_chunk(*a)
        cpu["the pass (all chunks)"] += time.process_time() - c
        return result

    runner.run_chunk = chunk
    analysis = nl.analyze(args.corpus, workers=1, progress=False)
    total = time.process_time() - c0
    print(f"{len(analysis.articles):,} articles, {len(analysis.sentences):,} sentences; CPU seconds of the cold call")
    print(f"{'import newslab':38s} {imported:6.2f} {100 * imported / total:5.1f}%")
    for name, seconds in sorted(cpu.items(), key=lambda kv: -kv[1]):
        print(f"{name:38s} {seconds:6.2f} {100 * seconds / total:5.1f}%")
    outside = total - imported - cpu["the pass (all chunks)"]
    print(f"{'reading, tables, DataFrames':38s} {outside:6.2f} {100 * outside / total:5.1f}%")
    print(f"{'garbage collector (within the above)':38s} {collector['s']:6.2f} ({collector['n']} collections)")
    print(f"{'total':38s} {total:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
