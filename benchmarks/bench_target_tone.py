"""Target tone speed of this copy of newslab against a reference copy, side by side in the same minutes.

Usage: python benchmarks/bench_target_tone.py [DATA_DIR] --reference DIR [--rounds 3] [--repeats 3]

``DIR`` is a copy of the reference code, e.g. main exported with
``git archive main | tar -x -C /tmp/ref``. Each round runs the reference and then this copy, each in a
fresh process of its own (the same Python), so that a busy machine slows both alike. A process times,
on the NewsMTSC *train* targets (the labels are not read), ``target_sentiment_many`` (no evidence) and
``sentence_target_tones`` (one call per sentence with all its targets, 6 evidence features), once with
the quotes stage reading each sentence alone and once with its quotes handed over as ``nl.analyze``
does (found before the clock starts), in CPU seconds of the process (time.process_time), best of
``--repeats``. The load average is printed with each round; on a noisy machine compare the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def sentence_speech(sentence: str) -> list[tuple[int, int, int, int]]:
    """The quotes stage's spans in one sentence read alone, as the analysis pass hands them to target tone."""
    from newslab.document import Article, parse
    from newslab.quotes import article_quotes

    found = article_quotes(parse(Article("s", "", sentence)), (), [], (), resolve_speakers=False)
    return [(q.start, q.end, q.speaker_start, q.speaker_end) for q in found]


def measure(repo: Path, data_dir: Path, repeats: int) -> None:
    """Time the two functions with the code in ``repo``; print the targets per second as JSON."""
    sys.path.insert(0, str(repo))
    from newslab import sentiment as S

    with (data_dir / "newsmtsc" / "train_flat.jsonl").open(encoding="utf-8") as handle:
        items = [(r["sentence"], (r["from"], r["to"])) for r in map(json.loads, handle)]
    by_sentence: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for text, span in items:
        by_sentence[text].append(span)
    S.target_sentiment_many(items[:200])  # loading lexicons and the model is not throughput
    speech = {t: sentence_speech(t) for t in by_sentence}  # found before the clock starts, as nl.analyze does
    runs = {
        "target_sentiment_many": lambda: S.target_sentiment_many(items),
        "sentence_target_tones": lambda: [S.sentence_target_tones(t, spans) for t, spans in by_sentence.items()],
        "sentence_target_tones, quotes handed over": lambda: [
            S.sentence_target_tones(t, spans, speech=speech[t]) for t, spans in by_sentence.items()
        ],
    }
    speed = {}
    for name, fn in runs.items():
        best = float("inf")
        for _ in range(repeats):
            t0 = time.process_time()
            fn()
            best = min(best, time.process_time() - t0)
        speed[name] = len(items) / best
    print(json.dumps(speed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--reference", help="folder with the reference copy of the repository")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--repo", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repo:
        measure(Path(args.repo), Path(args.data_dir), args.repeats)
        return 0
    if not args.reference:
        parser.error("--reference DIR is required")
    sides = {"reference": Path(args.reference), "this copy": REPO}
    results: dict[str, list[dict[str, float]]] = {side: [] for side in sides}
    names = ("target_sentiment_many", "sentence_target_tones", "sentence_target_tones, quotes handed over")
    print(f"{'round':<6} {'code':<10} {'load avg':>9} " + " ".join(f"{name:>24.24}" for name in names))
    for round_ in range(1, args.rounds + 1):
        for side, repo in sides.items():
            command = [sys.executable, __file__, args.data_dir, "--repo", str(repo), "--repeats", str(args.repeats)]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            speed = json.loads(out.strip().splitlines()[-1])
            results[side].append(speed)
            load = os.getloadavg()[0]
            cells = " ".join(f"{speed[name]:>22,.0f}/s" for name in names)
            print(f"{round_:<6} {side:<10} {load:>9.2f} {cells}", flush=True)
    for label, pick in (("best", max), ("median", statistics.median)):
        print(f"{label} targets/s over the rounds (this copy / reference):")
        for name in names:
            ref, ours = (pick([r[name] for r in results[side]]) for side in sides)
            print(f"  {name}: reference {ref:,.0f}, this copy {ours:,.0f}, x{ours / ref:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
