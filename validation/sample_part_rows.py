"""Draw random rows of the quotes, stance and target-tone tables of one annotated part, for judging by hand.

Usage: .venv/bin/python validation/sample_part_rows.py PART_FOLDER [--seed 20261207] [--n 20]

The part's articles are analysed with the targets of its ``stance_targets.json`` (one worker), and ``n`` rows of each
table are drawn at random with the seed (a simple random sample of the table's rows). Each row is printed with its
sentence, for a reader to judge right or wrong (speaker; holder, target and direction; target and label). The
judgements of the single draw on ``heldout2`` are in ``validation/annotations/outlets/heldout2_rows_judged.tsv``.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

import pandas as pd

import newslab as nl


def show(name: str, table: pd.DataFrame, columns: tuple[str, ...], sentences: pd.Series, n: int, seed: int) -> None:
    print(f"\n######## {name}: {len(table)} rows, {min(n, len(table))} drawn (seed {seed})")
    for i, row in enumerate(table.sample(min(n, len(table)), random_state=seed).itertuples(), 1):
        sentence = sentences.get((row.article_id, row.sentence_id), "")
        fields = " | ".join(f"{c}={getattr(row, c)!s}" for c in columns if c in table.columns)
        print(f"\n[{name[0]}{i:02d}] {row.article_id} s{row.sentence_id} :: {fields}")
        print(textwrap.fill(sentence, 150, initial_indent="    ", subsequent_indent="    "))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", type=Path, help="folder with articles.jsonl and stance_targets.json")
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--n", type=int, default=20)
    args = parser.parse_args()
    corpus = nl.load_corpus(args.part / "articles.jsonl")
    targets = nl.load_targets(args.part / "stance_targets.json")
    analysis = nl.analyze(corpus, targets=targets, workers=1, progress=False)
    sentences = analysis.sentences.set_index(["article_id", "sentence_id"])["text"]
    draw = {"sentences": sentences, "n": args.n, "seed": args.seed}
    show("quotes", analysis.quotes, ("kind", "speaker", "speaker_resolved", "verb", "quote", "speaker_rule"), **draw)
    stance = analysis.stance[analysis.stance["stance"].isin(["favor", "against"])]
    show("stance", stance, ("holder", "target", "stance", "cues", "holder_rule", "target_mention"), **draw)
    show("target tone", analysis.target_tone, ("target", "mention", "label", "score", "evidence"), **draw)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
