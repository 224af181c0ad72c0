"""Throughput of newslab's sentiment functions against the naive composition, in one run.

Usage: python benchmarks/bench_sentiment.py [DATA_DIR] [--sentences 50000]

1. sentiment_table over ~50,000 sentences (NYT dev snippets and the bundled articles'
   sentences, each copy perturbed by a numbered clause so no two sentences are equal; grouped
   into articles of 20 sentences) vs the naive composition a notebook would write: for every
   sentence NLTK word tokenizing + VADER + TextBlob(sentence).sentiment, each parsing the text again.
2. Target tone on the NewsMTSC *train* targets (8,739; speed only): target_sentiment_many (each
   sentence analyzed once per call), sentence_target_tones (what nl.analyze calls, one call per
   sentence with all its mentions, with evidence) and target_sentiment one by one.
Numbers are CPU seconds of the one benchmark process (time.process_time, best of the repeats),
so other jobs on a shared machine do not distort them; wall-clock totals are printed at the end.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import newslab as nl  # noqa: E402
from newslab import sentiment as S  # noqa: E402
from newslab.corpus import Article  # noqa: E402


def build_sentences(data_dir: Path, n: int) -> list[str]:
    base = []
    with (data_dir / "vader_nyt_dev" / "nyt_snippets_dev.tsv").open(encoding="utf-8") as handle:
        base += [row[2] for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    base += [s.text for art in nl.load_seed_corpus() for s in art.sentences]
    base = [b.strip().rstrip(".") for b in base if b.strip()]
    return [f"{base[i % len(base)]}, report {i // len(base) + 1} said." for i in range(n)]


def naive(sentences: list[str]) -> list[tuple[float, float, float, int]]:
    from nltk.tokenize import NLTKWordTokenizer
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    tokenizer, vader = NLTKWordTokenizer(), SentimentIntensityAnalyzer()
    out = []
    for s in sentences:
        tokens = tokenizer.tokenize(s)
        blob = TextBlob(s).sentiment
        out.append((vader.polarity_scores(s)["compound"], blob.polarity, blob.subjectivity, len(tokens)))
    return out


def timed(fn, repeats: int) -> tuple[float, object]:
    """Best CPU time of this process (time.process_time: one core, not slowed by other jobs)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0, w0 = time.process_time(), time.perf_counter()
        result = fn()
        elapsed = time.process_time() - t0
        WALL.append(time.perf_counter() - w0)
        best = min(best, elapsed)
    return best, result


WALL: list[float] = []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--sentences", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir)
    sentences = build_sentences(data_dir, args.sentences)
    texts = [" ".join(sentences[i : i + 20]) for i in range(0, len(sentences), 20)]
    S.score_sentiment("warm up the analyzers: good")  # lexicon loading is not throughput

    def ours(evidence: bool) -> object:
        corpus = [Article(f"a{i}", "", t) for i, t in enumerate(texts)]  # fresh: tokenizing is timed
        return S.sentiment_table(corpus, evidence=evidence, progress=False)

    t_naive, _ = timed(lambda: naive(sentences), args.repeats)
    t_ours, df = timed(lambda: ours(True), args.repeats)
    t_fast, _ = timed(lambda: ours(False), args.repeats)
    n = len(df)  # type: ignore[arg-type]
    print(f"sentiment over {n:,} sentences ({len(texts):,} articles), one core")
    print(f"{'method':<58} {'seconds':>8} {'sent/s':>9} {'speed-up':>9}")
    print(
        f"{'naive: NLTK tokenize + VADER + TextBlob(s).sentiment':<58} {t_naive:>8.2f} {n / t_naive:>9,.0f} {1:>9.2f}"
    )
    print(
        f"{'sentiment_table (tokenize once, evidence)':<58} {t_ours:>8.2f} {n / t_ours:>9,.0f} {t_naive / t_ours:>9.2f}"
    )
    print(f"{'sentiment_table(evidence=False)':<58} {t_fast:>8.2f} {n / t_fast:>9,.0f} {t_naive / t_fast:>9.2f}")

    items = []
    with (data_dir / "newsmtsc" / "train_flat.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            items.append((rec["sentence"], (rec["from"], rec["to"])))
    by_sentence: dict[str, list[tuple[int, int]]] = {}
    for text, span in items:
        by_sentence.setdefault(text, []).append(span)
    S.target_sentiment("Model loading is not throughput.", (0, 5))

    t_targets, _ = timed(lambda: S.target_sentiment_many(items), max(3, args.repeats))
    t_pass, _ = timed(
        lambda: [S.sentence_target_tones(t, spans) for t, spans in by_sentence.items()], max(3, args.repeats)
    )
    t_single, _ = timed(lambda: [S.target_sentiment(t, sp) for t, sp in items], 1)
    print(f"target tone on NewsMTSC train: {len(items):,} targets in {len(by_sentence):,} sentences, one core")
    print(f"  target_sentiment_many (no evidence): {len(items) / t_targets:,.0f} targets/s")
    print(f"  sentence_target_tones (the analysis pass, 6 evidence features): {len(items) / t_pass:,.0f} targets/s")
    print(f"  target_sentiment one call per target, with evidence: {len(items) / t_single:,.0f} targets/s")
    print("wall-clock seconds of each timed run: " + ", ".join(f"{w:.2f}" for w in WALL))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
