"""Score nl.stance_table against hand-coded opinions in NewsMTSC train sentences (holder, target, polarity).

Usage: .venv/bin/python validation/score_opinions.py [--split dev|test|...|test7] [--errors N]
                                                     [--bootstrap 1000]
                                                     [--data ../shared/data/newsmtsc/train.jsonl]

A development proxy of the issue 23 opinion corpus (validation/annotations/opinions/README.md): each
sentence is its own article; its annotated targets are handed to newslab as its targets
(``nl.Target(name, aliases=...)``), so finding the target is not what is measured. Only "favor" and
"against" rows count, deduplicated per (sentence, holder, target, stance).

- recall: share of annotated opinions with a row of the same sentence, target and polarity whose holder
  names the annotated one (annotation_gold.same_name; a holder "" - the sentence resolves nobody -
  matches only an empty or pronoun holder);
- precision: share of rows, in sentences with at least one opinion, that match an annotated opinion;
- direction accuracy: of the rows whose (holder, target) is annotated in that sentence, the share with an
  annotated polarity.
95% intervals: bootstrap over sentences. A sentence whose pass raises is counted and named, not fatal.
The test and test2 splits are scored once, at the end of a round of changes; never tune on them.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pandas as pd
from annotation_gold import bootstrap, die, ratio, read_table, same_name

import newslab as nl

HERE = Path(__file__).resolve().parent / "annotations" / "opinions"
POSITIONS = ("favor", "against")


def load(data: Path, split: str) -> tuple[dict[int, str], pd.DataFrame]:
    """The sentences of ``split`` (line -> text) and their opinions; ``split`` may list several: "dev,test"."""
    sentences = read_table(HERE / "sentences.tsv", ("line", "primary_gid", "split"))
    opinions = read_table(HERE / "opinions.tsv", ("line", "holder", "target", "aliases", "polarity"))
    wanted = {int(r.line): r.primary_gid for r in sentences.itertuples() if r.split in split.split(",")}
    if not data.is_file():
        die(f"{data} not found; pass --data pointing at NewsMTSC train.jsonl")
    texts: dict[int, str] = {}
    with data.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if number in wanted:
                record = json.loads(line)
                if record["primary_gid"] != wanted[number]:
                    die(f"{data} line {number} is {record['primary_gid']!r}, expected {wanted[number]!r}")
                texts[number] = record["sentence_normalized"].replace("\u00a0", " ")
    opinions = opinions.assign(line=opinions["line"].astype(int))
    bad = opinions[~opinions["polarity"].isin(POSITIONS)]
    if len(bad):
        die(f"opinions.tsv: polarity must be favor or against, line(s) {sorted(bad['line'])}")
    return texts, opinions[opinions["line"].isin(texts)].reset_index(drop=True)


def predict(texts: dict[int, str], opinions: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Favor/against rows of every sentence with opinions, run with that sentence's annotated targets."""
    rows, failures = [], []
    for line, group in opinions.groupby("line"):
        targets = []
        for name, aliases in dict(zip(group["target"], group["aliases"], strict=False)).items():
            names = tuple(dict.fromkeys([name, *(a for a in aliases.split(";") if a)]))
            targets.append(nl.Target(name, aliases=names))
        article = nl.Article(f"op-{line}", "", texts[int(line)])
        try:
            table = nl.stance_table(article, targets=tuple(targets))
        except Exception as err:  # counted and named: no input may stop the pass (issue 23)
            failures.append(f"line {line}: {type(err).__name__}: {err}")
            continue
        for r in table[table["stance"].isin(POSITIONS)].itertuples():
            rows.append({"line": int(line), "holder": str(r.holder or ""), "target": r.target, "stance": r.stance,
                         "cues": list(r.cues), "holder_rule": r.holder_rule})  # fmt: skip
    predicted = pd.DataFrame(rows, columns=["line", "holder", "target", "stance", "cues", "holder_rule"])
    return predicted.drop_duplicates(["line", "holder", "target", "stance"]).reset_index(drop=True), failures


def score(predicted: pd.DataFrame, opinions: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series, pd.Series, pd.Series]:
    """Per-sentence counts, and per row: matched, pair found; per opinion: found."""
    pred_ok, pair_ok = [], []
    gold_ok = pd.Series(False, index=opinions.index)
    for r in predicted.itertuples():
        pair = opinions[
            (opinions["line"] == r.line) & (opinions["target"] == r.target)
            & opinions["holder"].map(lambda h, name=r.holder: same_name(name, h))
        ]  # fmt: skip
        hits = pair[pair["polarity"] == r.stance]
        gold_ok[hits.index] = True
        pred_ok.append(len(hits) > 0)
        pair_ok.append(len(pair) > 0)
    ok = pd.Series(pred_ok, index=predicted.index, dtype=bool)
    paired = pd.Series(pair_ok, index=predicted.index, dtype=bool)
    lines = sorted(set(opinions["line"]))
    counts = pd.DataFrame(0, index=lines, columns=["gold", "gold_ok", "pred", "pred_ok", "pair", "pair_ok"])
    counts["gold"] = opinions.groupby("line").size().reindex(lines, fill_value=0)
    counts["gold_ok"] = gold_ok.groupby(opinions["line"]).sum().reindex(lines, fill_value=0)
    if len(predicted):
        counts["pred"] = predicted.groupby("line").size().reindex(lines, fill_value=0)
        counts["pred_ok"] = ok.groupby(predicted["line"]).sum().reindex(lines, fill_value=0)
        counts["pair"] = paired.groupby(predicted["line"]).sum().reindex(lines, fill_value=0)
        counts["pair_ok"] = (ok & paired).groupby(predicted["line"]).sum().reindex(lines, fill_value=0)
    return counts, ok, paired, gold_ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split", choices=["dev", "test", "test2", "test3", "test4", "test5", "test6", "test7"], default="dev"
    )
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data/newsmtsc/train.jsonl"))
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N error rows of each kind")
    parser.add_argument("--bootstrap", type=int, default=1000, metavar="B", help="bootstrap replicates")
    args = parser.parse_args(argv)
    texts, opinions = load(Path(args.data), args.split)
    t0 = time.perf_counter()
    predicted, failures = predict(texts, opinions)
    counts, ok, _paired, gold_ok = score(predicted, opinions)
    print(f"== opinions, split={args.split}: {len(texts)} sentences, {opinions['line'].nunique()} with opinions, "
          f"{len(opinions)} opinions, {len(predicted)} favor/against rows ({time.perf_counter() - t0:.1f} s), "
          f"{len(failures)} sentences stopped")  # fmt: skip
    for failure in failures:
        print("  stopped:", failure)
    metrics = {
        "recall": lambda s: ratio(s["gold_ok"], s["gold"]),
        "precision": lambda s: ratio(s["pred_ok"], s["pred"]),
        "direction accuracy": lambda s: ratio(s["pair_ok"], s["pair"]),
    }
    table = bootstrap(counts, metrics, replicates=args.bootstrap)
    sums = counts.sum()
    table["count"] = [f"{sums['gold_ok']}/{sums['gold']}", f"{sums['pred_ok']}/{sums['pred']}",
                      f"{sums['pair_ok']}/{sums['pair']}"]  # fmt: skip
    print(f"95% bootstrap interval over sentences ({args.bootstrap} replicates)")
    print(table.round(3).to_string(index=False))
    if len(predicted):
        per = predicted.assign(ok=ok).groupby("holder_rule")["ok"].agg(rows="size", precision="mean")
        print("By holder_rule")
        print(per.sort_values("rows", ascending=False).round(3).to_string())
    if args.errors:
        print(f"-- missed opinions ({int((~gold_ok).sum())}, up to {args.errors})")
        for r in opinions[~gold_ok].head(args.errors).itertuples():
            print(f"  {r.line} {r.holder or '(nobody)'} -> {r.target} {r.polarity}: {texts[r.line][:150]}")
        print(f"-- rows matching no opinion ({int((~ok).sum())}, up to {args.errors})")
        for r in predicted[~ok].head(args.errors).itertuples():
            print(f"  {r.line} {r.holder or '(nobody)'} -> {r.target} {r.stance} {r.cues} [{r.holder_rule}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
