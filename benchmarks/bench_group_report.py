"""Time of a report grouped by outlet and month on a synthetic multi-outlet corpus.

Usage: python benchmarks/bench_group_report.py [--articles 2000] [--workers 2] [--keep DIR]

Writes a JSONL corpus of ``--articles`` articles (3 outlets covering ``articles/3`` events over
12 months; sentences drawn from a fixed pool of negative, neutral and positive sentences about
Trump and NATO, each outlet with its own share of negative ones and one outlet writing 1.8x
longer articles), then times, each as the user types it, in a fresh process:

1. ``newslab analyze corpus.jsonl -o run --workers N``;
2. ``newslab report --from-analysis run --group-by source --period month --pair-by event``.

The target (issue 20): the grouped report on 2,000 articles in < 2 min. The report's group
findings are printed, so the run shows whether the outlets' known order comes back.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

NEGATIVE = (
    "Critics said Trump's reckless plan alarmed allies.",
    "Trump attacked the judge in a furious tirade.",
    "Trump falsely claimed that the election had been stolen.",
    "Opponents accused Trump of dangerous lies about NATO.",
)
POSITIVE = (
    "Supporters praised Trump for a strong economy.",
    "Trump won warm applause for the peace talks.",
    "Allies welcomed Trump's constructive proposal.",
)
NEUTRAL = (
    "Trump met NATO Secretary General Mark Rutte in Florida.",
    "Trump spoke to reporters on Tuesday.",
    "NATO ministers will meet again in Brussels next month.",
)
FILLER = (
    "The meeting lasted about two hours.",
    "Officials gave no further details.",
    "The talks covered defence spending and trade.",
    "Markets were little changed on the day.",
    "A spokesperson declined to comment on the schedule.",
)
OUTLETS = {"Outlet A": (0.15, 1.0), "Outlet B": (0.3, 1.8), "Outlet C": (0.45, 1.0)}  # negative share, length


def write_corpus(path: Path, n: int, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            source = list(OUTLETS)[i % 3]
            negative, length = OUTLETS[source]
            event = i // 3
            month = 1 + event % 12
            sentences = []
            for _ in range(int(rng.integers(6, 14) * length)):
                kind = rng.random()
                if kind < 0.45:
                    sentences.append(str(rng.choice(FILLER)))
                elif rng.random() < negative:
                    sentences.append(str(rng.choice(NEGATIVE)))
                elif rng.random() < 0.3:
                    sentences.append(str(rng.choice(POSITIVE)))
                else:
                    sentences.append(str(rng.choice(NEUTRAL)))
            record = {"id": f"a{i:05d}", "title": f"Event {event} in {source}", "source": source,
                      "date": f"2024-{month:02d}-{1 + event % 27:02d}", "event": f"event-{event}",
                      "text": " ".join(sentences)}  # fmt: skip
            out.write(json.dumps(record) + "\n")


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        print(done.stdout[-2000:], done.stderr[-4000:], file=sys.stderr)
        raise SystemExit(f"failed: {' '.join(command)}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", default=None, help="write into this folder and keep it")
    args = parser.parse_args()
    newslab = str(Path(sys.executable).with_name("newslab"))
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-group-report-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    write_corpus(corpus, args.articles)
    run = folder / "run"
    analyze = timed([sys.executable, "-m", "newslab", "analyze", str(corpus), "-o", str(run), "--workers",
                     str(args.workers), "-q"])  # fmt: skip
    report = timed([sys.executable, "-m", "newslab", "report", "--from-analysis", str(run), "--group-by", "source",
                    "--period", "month", "--pair-by", "event", "-o", str(folder / "reports"), "-q"])  # fmt: skip
    print(f"{args.articles} articles: analyze {analyze:.1f} s ({args.workers} workers); grouped report {report:.1f} s")
    print(f"(newslab: {newslab}; output in {folder})")
    findings = next((folder / "reports").rglob("group_findings.csv"), None)
    if findings is not None:
        import pandas as pd

        table = pd.read_csv(findings)
        for text in table["finding"].head(6):
            print("-", text)


if __name__ == "__main__":
    main()
