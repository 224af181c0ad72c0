"""Score Trump mentions on the multi-outlet set (validation/annotations/outlets/{dev,heldout,heldout2}).

Usage: .venv/bin/python validation/score_outlets.py [--part dev|heldout|heldout2|heldout3|heldout4]
                                                    [--bootstrap B] [--errors N]
                                                    [--annotations DIR]  (e.g. a split copy of dev/)

Gold (``mentions.tsv``): every phrase a coder reads as Trump (kind name, description, pronoun), and
descriptions or pronouns of *other* people that a tool might credit to Trump (kind ``other``:
"the billionaire" for Bloomberg, "the president" for Obama in 2016 or Biden in 2024).

Measures, with 95% bootstrap intervals over articles:

* **reference-sentence recall**: the share of gold Trump references that stand in a sentence where
  ``nl.find_mentions`` finds a Trump mention (the issue's measure: a coder's phrase aimed at Trump
  counts only where newslab sees Trump in its sentence);
* **span recall** per kind (a predicted Trump mention overlaps the gold phrase);
* **precision**: predicted Trump mentions that overlap a gold Trump reference;
* **false credit**: gold ``other`` phrases that newslab credits to Trump (should be 0).

Quotes and stance rows of the same set are scored with the existing scripts:
``score_quotes.py --annotations validation/annotations/outlets/dev`` and ``score_stance.py --set dev
--annotations validation/annotations/outlets/dev``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newslab as nl

OUTLETS = Path(__file__).resolve().parent / "annotations" / "outlets"


def score(corpus: nl.Corpus, gold: pd.DataFrame, predicted: pd.DataFrame) -> pd.DataFrame:
    """One row per gold phrase and per predicted Trump mention, with the match flags (per article)."""
    rows = []
    trump = predicted[predicted["target"] == "Trump"]
    by_article = {a: g for a, g in trump.groupby("article_id")}
    for g in gold.itertuples():
        pred = by_article.get(g.article_id, trump.iloc[0:0])
        art = corpus[g.article_id]
        sent = next(s for s in art.sentences if s.start <= g.start < s.end)
        in_sentence = bool(((pred["start"] < sent.end) & (sent.start < pred["end"])).any())
        overlap = bool(((pred["start"] < g.end) & (g.start < pred["end"])).any())
        rows.append((g.article_id, "gold", g.kind, g.mention, in_sentence, overlap))
    for p in trump.itertuples():
        g = gold[(gold["article_id"] == p.article_id) & (gold["kind"] != "other")]
        hit = bool(((g["start"] < p.end) & (p.start < g["end"])).any())
        rows.append((p.article_id, "predicted", p.kind, p.mention, hit, hit))
    return pd.DataFrame(rows, columns=["article_id", "side", "kind", "mention", "in_sentence", "overlap"])


def measures(table: pd.DataFrame) -> dict[str, float]:
    """The measures of one (resampled) table."""
    gold = table[(table["side"] == "gold") & (table["kind"] != "other")]
    other = table[(table["side"] == "gold") & (table["kind"] == "other")]
    pred = table[table["side"] == "predicted"]
    out = {
        "reference-sentence recall": gold["in_sentence"].mean(),
        "span recall (all)": gold["overlap"].mean(),
    }
    for kind in ("name", "description", "pronoun"):
        part = gold[gold["kind"] == kind]
        out[f"span recall ({kind})"] = part["overlap"].mean() if len(part) else float("nan")
    out["precision (predicted Trump mentions)"] = pred["overlap"].mean() if len(pred) else float("nan")
    out["false credit (other people's descriptions)"] = other["overlap"].sum()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "heldout", "heldout2", "heldout3", "heldout4"], default="dev")
    parser.add_argument("--bootstrap", type=int, default=1000, metavar="B")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N misses and false hits")
    parser.add_argument("--annotations", default="", metavar="DIR", help="another folder in the same format")
    args = parser.parse_args(argv)
    folder = Path(args.annotations) if args.annotations else OUTLETS / args.part
    corpus = nl.load_corpus(folder / "articles.jsonl")
    gold = pd.read_csv(folder / "mentions.tsv", sep="\t", keep_default_na=False)
    for g in gold.itertuples():
        if corpus[g.article_id].text[g.start : g.end] != g.mention:
            raise SystemExit(f"mentions.tsv: {g.article_id} {g.start}-{g.end} is not {g.mention!r}")
    table = score(corpus, gold, nl.find_mentions(corpus, progress=False))
    point = measures(table)
    articles = sorted(table["article_id"].unique())
    rng = random.Random(20261207)
    draws = []
    for _ in range(args.bootstrap):
        sample = [rng.choice(articles) for _ in articles]
        draws.append(measures(pd.concat([table[table["article_id"] == a] for a in sample])))
    counts = table[table["side"] == "gold"]["kind"].value_counts().to_dict()
    print(f"Multi-outlet set, part {args.part}: {len(corpus)} articles, gold phrases {counts}, "
          f"{int((table['side'] == 'predicted').sum())} predicted Trump mentions")  # fmt: skip
    rows = []
    for key, value in point.items():
        values = sorted(d[key] for d in draws if d[key] == d[key])
        lo = values[int(0.025 * len(values))] if values else float("nan")
        hi = values[min(len(values) - 1, int(0.975 * len(values)))] if values else float("nan")
        rows.append((key, round(value, 3), round(lo, 3), round(hi, 3)))
    print(pd.DataFrame(rows, columns=["measure", "value", "ci_low", "ci_high"]).to_string(index=False))
    if args.errors:
        gold_side = table[(table["side"] == "gold")]
        misses = gold_side[(gold_side["kind"] != "other") & ~gold_side["in_sentence"]]
        credit = gold_side[(gold_side["kind"] == "other") & gold_side["overlap"]]
        false = table[(table["side"] == "predicted") & ~table["overlap"]]
        for name, part in (("no Trump mention in the sentence", misses), ("false credit", credit),
                           ("predicted, not a gold reference", false)):  # fmt: skip
            print(f"-- {name} ({len(part)})")
            for r in part.head(args.errors).itertuples():
                print(f"  {r.article_id} [{r.kind}] {r.mention!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
