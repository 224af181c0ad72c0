"""Check that every step stays linear in the length of one article, on ordinary and hostile shapes.

Usage: python benchmarks/bench_linearity.py [DATA_DIR] [--max-kb 1600] [--shapes article,word]
       [--steps find_quotes,compare] [--budget 120] [--repeat 3] [--min-seconds 3] [--clock cpu]

Each input is ONE article of 50, 100, 200, 400, 800 and 1600 KB (thousands of characters), in
six shapes:

- ``article``: an ordinary long article, NewsMTSC sentences (``DATA_DIR/newsmtsc/train_flat.jsonl``,
  text only, labels unused) drawn in a fixed random order, five to a paragraph;
- ``sentence``: one sentence, the words of those sentences without sentence-ending punctuation;
- ``word``: one word of random letters between two short sentences;
- ``dotted``: runs of dotted capitals ("A.B.C.…") between reporting phrases;
- ``emoji``: one long sentence of news words with an emoji every third word;
- ``quotes``: one paragraph thick with opening, closing and straight quote marks.

For each shape and step it prints milliseconds per KB at each size and the growth of that
figure from 100 KB to the largest size run (1.0 = linear; 2.0 at 16x the size is n log n at
worst, or noise). Each step runs on a fresh Article whose sentences and tokens are already
built (the ``tokenize`` row times that). A step that took more than ``--budget`` seconds at one
size is not run at the larger ones (``-`` in the table).

How the time is taken, so that the growth is the code's and not the machine's:

- ``--clock cpu`` (default) is the CPU time of this process (``time.process_time``): other
  processes on a shared machine do not count, as they do in wall-clock time (``--clock wall``);
- each size is sampled ``--repeat`` times (default 3) and the table shows the fastest sample,
  the usual estimate of a step's own cost (slower ones only add interference); a sample of a
  small size is the mean of several runs in a row, so that it lasts ``--min-seconds`` (default
  3) like one run of a large size: the same number of samples of about the same length at
  every size, since a minimum over more or shorter samples would favour the small sizes;
- the samples are taken in rounds that run every size in turn, so that a busy spell of the
  machine slows all sizes alike;
- garbage is collected before each run, so that no run pays for the one before; the collector
  stays on during the run, as it is for a user.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import random
import re
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import newslab as nl  # noqa: E402

SIZES_KB = (50, 100, 200, 400, 800, 1600)
EMOJI = "😀😡👍🙏🔥💔😢🎉"
QUOTE_MARKS = ("“", "”", '"', "‘", "’")


def news_sentences(data_dir: Path) -> list[str]:
    """Distinct NewsMTSC sentences (text only), in file order."""
    with (data_dir / "newsmtsc" / "train_flat.jsonl").open(encoding="utf-8") as handle:
        return list(dict.fromkeys(json.loads(line)["sentence"] for line in handle))


def _fill(size: int, pieces: Callable[[], str], sep: str = " ") -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        piece = pieces()
        parts.append(piece)
        total += len(piece) + len(sep)
    return sep.join(parts)[:size]


def make_shapes(sentences: list[str]) -> dict[str, Callable[[int], str]]:
    """Builders ``size in characters -> text`` for each shape (deterministic, seeded)."""
    words = [w for s in sentences for w in re.sub(r"[.!?;:]", " ", s).split()]

    def article(size: int) -> str:
        rng = random.Random(1)
        paragraphs = _fill(size, lambda: " ".join(rng.choice(sentences) for _ in range(5)), "\n\n")
        return paragraphs.rsplit(" ", 1)[0] + "."

    def sentence(size: int) -> str:
        rng = random.Random(2)
        return "Trump said " + _fill(size, lambda: rng.choice(words)) + "."

    def word(size: int) -> str:
        rng = random.Random(3)
        letters = "".join(rng.choice(string.ascii_lowercase) for _ in range(size))
        return f"Trump met Rutte. {letters} and Rutte became friends."

    def dotted(size: int) -> str:
        rng = random.Random(4)
        run = lambda: "".join(f"{rng.choice(string.ascii_uppercase)}." for _ in range(rng.randint(200, 2000)))  # noqa: E731
        return _fill(size, lambda: f"Trump said {run()} and NATO")

    def emoji(size: int) -> str:
        rng = random.Random(5)
        return _fill(size, lambda: f"{rng.choice(words)} {rng.choice(words)} {rng.choice(EMOJI)}") + "."

    def quotes(size: int) -> str:
        rng = random.Random(6)
        token = lambda: rng.choice(QUOTE_MARKS) if rng.random() < 0.4 else rng.choice(words)  # noqa: E731
        return _fill(size, lambda: "".join(token() for _ in range(3)) + (" said Trump." if rng.random() < 0.1 else ""))

    return {"article": article, "sentence": sentence, "word": word, "dotted": dotted, "emoji": emoji, "quotes": quotes}


def steps() -> dict[str, Callable[[Any], Any]]:
    """Name -> function of a one-article Corpus (no progress bars)."""
    quiet = {"progress": False}
    table: dict[str, Callable[[Any], Any]] = {
        "tokenize": lambda c: [len(a.tokens) for a in c],
        "sentence_table": nl.sentence_table,
        "sentiment_table": lambda c: nl.sentiment_table(c, **quiet),
        "find_mentions": lambda c: nl.find_mentions(c, **quiet),
        "find_quotes": lambda c: nl.find_quotes(c, **quiet),
        "stance_table": lambda c: nl.stance_table(c, **quiet),
        "frame_table": lambda c: nl.frame_table(c, **quiet),
        "compare": lambda c: nl.compare(c, **quiet),
    }
    if hasattr(nl, "analyze"):  # the one-pass analysis, where it exists
        table["analyze"] = lambda c: nl.analyze(c)
    return table


CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}


def time_step(name: str, fn: Callable[[Any], Any], text: str, *, clock: Callable[[], float] = CLOCKS["cpu"]) -> float:
    """Seconds for ``fn`` on a fresh one-article corpus (tokenized beforehand unless timing that)."""
    corpus = nl.Corpus([nl.Article("bench", "Bench", text)])
    if name != "tokenize":
        [len(a.tokens) for a in corpus]
    gc.collect()  # the garbage of earlier runs is not this run's cost
    start = clock()
    fn(corpus)
    return clock() - start


MAX_LOOPS = 25


def best_times(
    name: str,
    fn: Callable[[Any], Any],
    texts: dict[int, str],
    *,
    repeat: int,
    clock: Callable[[], float],
    min_seconds: float = 0.0,
    budget: float = float("inf"),
) -> dict[int, float]:
    """Seconds per run at each size: the fastest of ``repeat`` samples, taken in rounds.

    Every size gets the same number of samples, and a sample lasts at least ``min_seconds``
    where one run is shorter: it is then the mean of enough runs in a row (at most ``MAX_LOOPS``;
    ``timeit``'s number and repeat). So the minimum is taken over as many samples of about as
    long for a small size as for a large one: more or shorter samples would favour the small
    sizes and inflate the growth. The rounds run every size in turn, so that a busy spell of the
    machine slows all sizes alike. A first run per size, smallest first, sets the number of runs
    in a sample (it is the first sample where one run is enough) and stops the sizes after one
    that took more than ``budget`` seconds.
    """
    loops: dict[int, int] = {}
    samples: dict[int, list[float]] = {}
    for kb, text in texts.items():
        first = time_step(name, fn, text, clock=clock)
        loops[kb] = min(MAX_LOOPS, max(1, math.ceil(min_seconds / max(first, 1e-9))))
        samples[kb] = [first] if loops[kb] == 1 else []
        if first > budget:
            break
    for _ in range(repeat):
        for kb in samples:
            if len(samples[kb]) < repeat:
                samples[kb].append(
                    sum(time_step(name, fn, texts[kb], clock=clock) for _ in range(loops[kb])) / loops[kb]
                )
    return {kb: min(t) for kb, t in samples.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--max-kb", type=int, default=SIZES_KB[-1], help="largest size to run (KB)")
    parser.add_argument("--shapes", default="", help="comma-separated shapes (default: all)")
    parser.add_argument("--steps", default="", help="comma-separated steps (default: all)")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds after which a step stops growing")
    parser.add_argument("--repeat", type=int, default=3, help="samples per size; the fastest is shown")
    parser.add_argument("--min-seconds", type=float, default=3.0, help="shortest sample (small sizes: runs in a row)")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu", help="process CPU time or wall-clock time")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error(f"--repeat {args.repeat}; valid: a whole number >= 1")
    sizes = [kb for kb in SIZES_KB if kb <= args.max_kb]
    shapes = make_shapes(news_sentences(Path(args.data_dir)))
    chosen_shapes = args.shapes.split(",") if args.shapes else list(shapes)
    all_steps = steps()
    chosen_steps = args.steps.split(",") if args.steps else list(all_steps)
    unknown = (set(chosen_shapes) - set(shapes)) | (set(chosen_steps) - set(all_steps))
    if unknown:
        parser.error(f"unknown shape/step {sorted(unknown)}; shapes: {list(shapes)}, steps: {list(all_steps)}")
    nl.score_sentiment("warm up: good")  # loading lexicons and models is not per-KB time
    nl.target_sentiment("Trump met Rutte.", (0, 5))
    nl.frame_table("Warm up.", progress=False)
    big = sizes[-1]
    print(f"ms per KB of one article (KB = 1,000 characters), {args.clock} time, fastest of {args.repeat} samples "
          f"of >= {args.min_seconds:g} s; "
          f"growth = ms/KB at {big} KB / ms/KB at 100 KB")  # fmt: skip
    for shape in chosen_shapes:
        texts = {kb: shapes[shape](kb * 1000) for kb in sizes}
        print(f"\n{shape}")
        print(f"  {'step':<16}" + "".join(f"{kb:>8} KB" for kb in sizes) + f"{'growth':>9}", flush=True)
        for name in chosen_steps:
            best = best_times(
                name, all_steps[name], texts, repeat=args.repeat, clock=CLOCKS[args.clock],
                min_seconds=args.min_seconds, budget=args.budget,
            )  # fmt: skip
            per_kb = {kb: 1000 * seconds / kb for kb, seconds in best.items()}
            row = f"  {name:<16}" + "".join(f"{per_kb[kb]:>11.2f}" if kb in per_kb else f"{'-':>11}" for kb in sizes)
            growth = per_kb[max(per_kb)] / per_kb[100] if 100 in per_kb and max(per_kb) > 100 else float("nan")
            print(row + f"{growth:>9.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
