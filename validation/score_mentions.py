"""Score find_mentions and find_quotes against the hand-marked seed fixtures.

Usage: .venv/bin/python validation/score_mentions.py [--gold-dir tests/data] [--set seed|unseen] [--exact]

--set seed: the two bundled articles (seed_*_gold.tsv); --set unseen: the handwritten articles in
unseen_articles.jsonl (unseen_*_gold.tsv); --set heldout: heldout_articles.jsonl, written after the rules were
frozen and scored without tuning.

Prints precision and recall for names and descriptions separately (overlapping spans match; with
--exact, identical spans), the false hits and misses, and direct-quote speaker accuracy.
Note: the rules were written while reading these two articles, so these are training-set numbers;
an independent reading and articles outside the bundle are the real test.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

import newslab as nl
from newslab.labeling import evaluate_mentions
from newslab.quotes import evaluate_quotes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", default=str(Path(__file__).resolve().parent.parent / "tests" / "data"))
    parser.add_argument("--exact", action="store_true", help="require identical spans")
    parser.add_argument(
        "--set", choices=["seed", "unseen", "heldout"], default="seed", help="which articles and gold files"
    )
    args = parser.parse_args(argv)
    gold_dir = Path(args.gold_dir)
    corpus = nl.load_seed_corpus() if args.set == "seed" else nl.load_corpus(gold_dir / f"{args.set}_articles.jsonl")
    gold = pd.read_csv(gold_dir / f"{args.set}_mentions_gold.tsv", sep="\t", comment="#")
    predicted = nl.find_mentions(corpus)
    table = evaluate_mentions(predicted, gold, exact=args.exact)
    print(f"Mentions of Trump and NATO in the {args.set} articles ({'exact' if args.exact else 'overlapping'} spans)")
    print(table.round(3).to_string())
    for kind in ("name", "description"):
        pred = predicted[predicted["kind"] == kind]
        g = gold[gold["kind"] == kind]
        keys = set(zip(g["article_id"], g["target"], g["start"], g["end"], strict=True))
        for row in pred.itertuples():
            hit = any(a == row.article_id and t == row.target and s < row.end and row.start < e for a, t, s, e in keys)
            if not hit:
                print(f"  false hit ({kind}): {row.article_id} s{row.sentence_id} {row.target}: {row.mention!r}")
        for row in g.itertuples():
            hit = ((pred["article_id"] == row.article_id) & (pred["target"] == row.target)
                   & (pred["start"] < row.end) & (row.start < pred["end"])).any()  # fmt: skip
            if not hit:
                print(f"  missed ({kind}): {row.article_id} s{row.sentence_id} {row.target}: {row.mention!r}")
    pronouns = predicted[predicted["kind"] == "pronoun"]
    print(f"Pronouns resolved: {len(pronouns)} (not in the gold file; checked by hand in docs/targets.md)")
    with_quotes = nl.find_mentions(corpus, quotes=True)
    in_quote = with_quotes[with_quotes["rule"] == "pronoun:in-quote"]
    dropped = len(pronouns) - int(
        ((with_quotes["kind"] == "pronoun") & (with_quotes["rule"] != "pronoun:in-quote")).sum()
    )
    print(f"With quotes=True: {len(in_quote)} pronouns inside quotes resolved, {dropped} dropped as the speaker")
    for row in in_quote.itertuples():
        print(f"  in quote: {row.article_id} s{row.sentence_id} {row.mention!r} -> {row.target}")
    quotes = evaluate_quotes(
        nl.find_quotes(corpus), pd.read_csv(gold_dir / f"{args.set}_quotes_gold.tsv", sep="\t", comment="#")
    )
    print(f"\nDirect quotes: {int(quotes['found'].sum())}/{len(quotes)} found, "
          f"{int(quotes['speaker_ok'].sum())}/{len(quotes)} with the right speaker")  # fmt: skip
    for row in quotes[~quotes["speaker_ok"]].itertuples():
        print(f"  wrong: {row.article_id} s{row.sentence_id} gold {row.speaker!r}, got {row.predicted_speaker!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
