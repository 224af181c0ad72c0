"""Score nl.stance_table against hand-annotated holder -> target stances (development set and seed articles).

Usage: .venv/bin/python validation/score_stance.py [--set dev|seed|both] [--split all|mtsc|written]
                                                  [--errors N] [--bootstrap 1000] [--annotations DIR]

dev: the articles in validation/annotations/articles.jsonl with the gold in stances.tsv, run with the
targets in stance_targets.json (every stance toward those targets in those articles is annotated).
seed: the two bundled articles (nl.load_seed_corpus()) with seed_stances.tsv and the default targets
(Trump, NATO).

Only "favor" and "against" rows count (stance_table's "neutral" rows are not positions). Two levels:
- triples: distinct (article, holder, target, stance) - the headline numbers;
- rows: (article, sentence, holder, target, stance), the predicted sentence inside the gold sentence span.
A predicted holder matches the gold holder by annotation_gold.same_name (case-insensitive, titles dropped,
word-suffix match: "Rutte" ~ "Mark Rutte"; "author" ~ "the author"; a gold "" - the text names nobody -
matches only an empty or pronoun holder). Target and stance must be equal. "target only" ignores the
holder, to separate holder errors from target/stance errors. Per holder_rule: the share of predicted rows
that match a gold row.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd
from annotation_gold import (
    ANNOTATIONS,
    SPLITS,
    bootstrap,
    die,
    load_articles,
    locate,
    ratio,
    read_table,
    same_name,
    split_of,
)

import newslab as nl

GOLD_COLUMNS = ("article_id", "holder", "target", "stance", "cue", "sentence", "note")
POSITIONS = ("favor", "against")


def sentence_ids(corpus: nl.Corpus, gold: pd.DataFrame) -> pd.Series:
    """The ids of the article sentences that a gold ``sentence`` span overlaps."""
    out = []
    for row in gold.itertuples():
        sents = corpus[row.article_id].sentences
        out.append(frozenset(s.index for s in sents if s.start < row.end and row.start < s.end))
    return pd.Series(out, index=gold.index)


def triple_match(pred: tuple[str, str, str, str], gold: tuple[str, str, str, str]) -> bool:
    """Same article, target and stance; holder by same_name."""
    return (
        pred[0] == gold[0]
        and pred[2].casefold() == gold[2].casefold()
        and pred[3] == gold[3]
        and same_name(pred[1], gold[1])
    )


def score_triples(predicted: pd.DataFrame, gold: pd.DataFrame, *, holder: bool = True) -> dict[str, object]:
    """Precision and recall of distinct (article, holder, target, stance); holder ignored if holder=False."""

    def key(row: pd.Series) -> tuple[str, str, str, str]:
        return (row["article_id"], row["holder"] if holder else "", row["target"], row["stance"])

    p = sorted({key(r) for _, r in predicted.iterrows()})
    g = sorted({key(r) for _, r in gold.iterrows()})
    match = (lambda a, b: triple_match(a, b)) if holder else (lambda a, b: a[0] == b[0] and a[2:] == b[2:])
    p_ok = [x for x in p if any(match(x, y) for y in g)]
    g_ok = [y for y in g if any(match(x, y) for x in p)]
    return {"pred": p, "gold": g, "pred_ok": p_ok, "gold_ok": g_ok}


def score_rows(predicted: pd.DataFrame, gold: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Per predicted row: matches a gold row in the same sentence; per gold row: matched by some prediction."""
    pred_ok, gold_ok = [], pd.Series(False, index=gold.index)
    for _, r in predicted.iterrows():
        hits = gold[
            (gold["article_id"] == r["article_id"])
            & gold["sentence_ids"].map(lambda ids, sid=r["sentence_id"]: sid in ids)
            & (gold["target"].str.casefold() == str(r["target"]).casefold())
            & (gold["stance"] == r["stance"])
            & gold["holder"].map(lambda h, name=str(r["holder"]): same_name(name, h))
        ]
        pred_ok.append(len(hits) > 0)
        gold_ok[hits.index] = True
    return pd.Series(pred_ok, index=predicted.index, dtype=bool), gold_ok


def report(
    name: str, corpus: nl.Corpus, gold: pd.DataFrame, targets: tuple[nl.Target, ...] | None, args: argparse.Namespace
) -> None:
    """Run stance_table on ``corpus`` and print the tables for one gold set."""
    t0 = time.perf_counter()
    table = nl.stance_table(corpus) if targets is None else nl.stance_table(corpus, targets=targets)
    predicted = table[table["stance"].isin(POSITIONS)].reset_index(drop=True)
    predicted = predicted.assign(holder=predicted["holder"].fillna("").astype(str))
    seconds = time.perf_counter() - t0
    n_articles = len(list(corpus))
    print(f"\n== {name}: {n_articles} articles, {len(gold)} gold rows, {len(predicted)} predicted favor/against rows "
          f"({len(table)} rows in all, {seconds:.1f} s)")  # fmt: skip
    rows = []
    for level, res in (("triples", score_triples(predicted, gold)),
                       ("target only", score_triples(predicted, gold, holder=False))):  # fmt: skip
        rows.append({
            "level": level, "predicted": len(res["pred"]), "gold": len(res["gold"]),
            "precision": ratio(len(res["pred_ok"]), len(res["pred"])),
            "recall": ratio(len(res["gold_ok"]), len(res["gold"])),
        })  # fmt: skip
    pred_ok, gold_ok = score_rows(predicted, gold)
    rows.append({
        "level": "rows (same sentence)", "predicted": len(predicted), "gold": len(gold),
        "precision": ratio(int(pred_ok.sum()), len(predicted)), "recall": ratio(int(gold_ok.sum()), len(gold)),
    })  # fmt: skip
    print(pd.DataFrame(rows).round(3).to_string(index=False))
    ids = sorted({a.id for a in corpus})
    if args.bootstrap and len(ids) > 2:
        res = score_triples(predicted, gold)
        counts = pd.DataFrame(0, index=ids, columns=["pred", "pred_ok", "gold", "gold_ok"])
        for column in counts.columns:
            for t in res[column]:
                counts.at[t[0], column] += 1
        ci = bootstrap(
            counts,
            {
                "triple precision": lambda s: ratio(s["pred_ok"], s["pred"]),
                "triple recall": lambda s: ratio(s["gold_ok"], s["gold"]),
            },
            replicates=args.bootstrap,
        )
        print(f"95% bootstrap interval over articles ({args.bootstrap} replicates)")
        print(ci.round(3).to_string(index=False))
    if "holder_rule" in predicted.columns and len(predicted):
        per = (
            predicted.assign(ok=pred_ok, holder_rule=predicted["holder_rule"].fillna(""))
            .groupby("holder_rule")["ok"]
            .agg(predicted="size", precision="mean")
            .sort_values("predicted", ascending=False)
        )
        print("By predicted holder_rule (rows)")
        print(per.round(3).to_string())
    if args.errors:
        print(f"-- missed gold rows ({int((~gold_ok).sum())}, up to {args.errors})")
        for r in gold[~gold_ok].head(args.errors).itertuples():
            print(f"  {r.article_id} {r.holder or '(nobody)'} -> {r.target} {r.stance} [{r.cue}]: {r.sentence[:90]}")
        print(f"-- predicted rows matching no gold row ({int((~pred_ok).sum())}, up to {args.errors})")
        for _, r in predicted[~pred_ok].head(args.errors).iterrows():
            print(f"  {r['article_id']} s{r['sentence_id']} {r['holder'] or '(nobody)'} -> {r['target']} {r['stance']} "
                  f"{list(r['cues'])} [{r.get('holder_rule', '')}]")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", default=str(ANNOTATIONS), help="folder with the gold files")
    parser.add_argument("--set", choices=["dev", "seed", "both"], default="both", help="which gold set")
    parser.add_argument("--split", choices=SPLITS, default="all", help="dev set: NewsMTSC, written or all")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N error rows of each kind")
    parser.add_argument("--bootstrap", type=int, default=1000, metavar="B", help="bootstrap replicates (0: none)")
    args = parser.parse_args(argv)
    directory = Path(args.annotations)
    if args.set in ("dev", "both"):
        corpus = load_articles(directory)
        gold = locate(corpus, read_table(directory / "stances.tsv", GOLD_COLUMNS), "sentence", "stances.tsv")
        targets_path = directory / "stance_targets.json"
        if not targets_path.is_file():
            die(f"{targets_path} not found; it lists the targets whose stances were annotated")
        targets = nl.load_targets(targets_path)
        unknown = set(gold["target"]) - {t.name for t in targets}
        if unknown:
            die(f"stances.tsv has target(s) {sorted(unknown)} missing from {targets_path.name}; add them there")
        ids = [a.id for a in corpus if args.split in ("all", split_of(a.id))]
        gold = gold[gold["article_id"].isin(ids)].reset_index(drop=True)
        subset = nl.Corpus([corpus[i] for i in ids])
        gold = gold.assign(sentence_ids=sentence_ids(subset, gold))
        report(f"development set (split={args.split}), {len(targets)} targets", subset, gold, targets, args)
    if args.set in ("seed", "both"):
        seed = nl.load_seed_corpus()
        gold = locate(seed, read_table(directory / "seed_stances.tsv", GOLD_COLUMNS), "sentence", "seed_stances.tsv")
        gold = gold.assign(sentence_ids=sentence_ids(seed, gold))
        report("bundled seed articles (default targets Trump, NATO)", seed, gold, None, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
