"""Time each analysis step on a corpus of real news sentences, to size runs of thousands of articles.

Usage: python benchmarks/bench_pipeline.py [DATA_DIR] [--articles 1000]

The articles are rebuilt from NewsMTSC train (``DATA_DIR/newsmtsc/train.jsonl``): its sentences,
grouped by the article they came from (the ``allsides_<article>_...`` part of their id) and
joined in order. The result is US political news that mentions Trump often. The sentences are
read only for their text; the labels are not used. Times are wall-clock seconds on one core, for
one pass over fresh Article objects (each step tokenizes again only if it has to).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import newslab as nl  # noqa: E402


def source_sentences(data_dir: Path) -> dict[str, list[str]]:
    """NewsMTSC train sentences grouped by the article they came from, in their order there."""
    parts: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with (data_dir / "newsmtsc" / "train.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            m = re.match(r"(\w+?_\d+)_\d+_(\d+)_", rec["primary_gid"])
            if m:
                parts[m.group(1)].append((int(m.group(2)), rec["sentence_normalized"]))
    return {k: [s for _, s in sorted(v)] for k, v in parts.items()}


def build_articles(data_dir: Path, n: int) -> dict[str, str]:
    parts = source_sentences(data_dir)
    ids = sorted(parts, key=lambda k: -len(parts[k]))[:n]
    return {k: " ".join(parts[k]) for k in ids}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--articles", type=int, default=1000, help="at most this many (the longest first)")
    args = parser.parse_args(argv)
    texts = build_articles(Path(args.data_dir), args.articles)
    n_sent = sum(len(nl.sentences(t)) for t in texts.values())
    print(f"{len(texts):,} articles, {n_sent:,} sentences, {sum(len(t) for t in texts.values()):,} characters")
    nl.score_sentiment("warm up: good")  # loading lexicons and models is not throughput
    nl.target_sentiment("Trump met Rutte.", (0, 5))
    quiet = {"progress": False}  # bars cost little, but they would garble this table
    steps = [
        ("tokenize (sentences, tokens)", lambda c: [len(a.tokens) for a in c]),
        ("find_mentions", lambda c: nl.find_mentions(c, **quiet)),
        ("find_quotes", lambda c: nl.find_quotes(c, **quiet)),
        ("sentiment_table", lambda c: nl.sentiment_table(c, **quiet)),
        ("stance_table", lambda c: nl.stance_table(c, **quiet)),
        ("frame_table", lambda c: nl.frame_table(c, **quiet)),
        ("compare (all of the above + target tone)", lambda c: nl.compare(c, **quiet)),
    ]
    print(f"{'step':<44} {'seconds':>8} {'articles/s':>11} {'sentences/s':>12}")
    for name, fn in steps:
        corpus = nl.Corpus.from_texts(texts)  # fresh articles: no cached tokens
        if name != steps[0][0]:
            [len(a.tokens) for a in corpus]  # tokenizing is timed once, in its own row
        t0 = time.perf_counter()
        fn(corpus)
        elapsed = time.perf_counter() - t0
        print(f"{name:<44} {elapsed:>8.2f} {len(texts) / elapsed:>11,.0f} {n_sent / elapsed:>12,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
