"""Why stance cues give no row: the reasons cue_roles gives up, counted over the misses of the opinion proxy.

Usage: .venv/bin/python validation/why_no_row.py [--splits dev,test,...,test6] [--examples 3]

For each sentence of the spent parts (validation/annotations/opinions/README.md; never an untouched one)
newslab runs with the sentence's annotated targets while ``newslab.cue_roles.GAVE_UP`` collects
``(cue, holder, reason)`` for every cue that reached holder and target assignment and came back with no
row. Each missed opinion is then counted once under each reason of its sentence (reason text up to the
first quote or parenthesis of detail), with a few examples to read.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
from score_opinions import load, predict, score

import newslab.cue_roles as cue_roles

UNTOUCHED: tuple[str, ...] = ("test7",)  # round 8's single-score part (spent at its end; free from round 9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/newsmtsc/train.jsonl"))
    parser.add_argument("--splits", default="dev,test,test2,test3,test4,test5,test6")
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args(argv)
    if set(args.splits.split(",")) & set(UNTOUCHED):
        parser.error(f"{args.splits}: an untouched part is scored once with score_opinions.py, never read here")
    texts, opinions = load(Path(args.data), args.splits)
    gave_up: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    predicted = []
    for line, group in opinions.groupby("line"):
        cue_roles.GAVE_UP = []
        rows, _ = predict({int(line): texts[int(line)]}, group)
        gave_up[int(line)] = cue_roles.GAVE_UP
        predicted.append(rows)
    cue_roles.GAVE_UP = None
    _, _, _, gold_ok = score(pd.concat(predicted, ignore_index=True), opinions)
    missed = opinions[~gold_ok]
    reasons: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    with_reason = 0
    for r in missed.itertuples():
        found = gave_up.get(int(r.line), [])
        with_reason += bool(found)
        for reason in {re.split(r" \(['\"]| '", why)[0] for _, _, why in found}:
            reasons[reason] += 1
            cue, holder = next((c, h) for c, h, why in found if why.startswith(reason))
            examples[reason].append(f"{r.line} [{cue} / holder {holder!r}] gold {r.holder or '-'} -> {r.target} "
                                    f"{r.polarity}: {texts[int(r.line)][:140]}")  # fmt: skip
    print(f"{len(opinions)} opinions, {len(missed)} missed, {with_reason} in a sentence with a cue given no row")
    for reason, n in reasons.most_common():
        print(f"{n:4d}  {reason}")
        for example in examples[reason][: args.examples]:
            print(f"        {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
