"""Decide, on NewsMTSC train only, which named constructions the target-tone rule layer may use.

Usage: python validation/score_target_rules.py [DATA_DIR] --oof OOF.npz [--boot 2000] [--hard TSV] [--show N]

Reads ONLY ``DATA_DIR/newsmtsc/train_flat.jsonl`` and out-of-fold predictions of the shipped feature
families on it (``validation/cv_target_families.py --variants flips+flags --base flips+flags --cache DIR``
writes ``DIR/flips+flags.npz``: 5-fold CV grouped by sentence, C and minimum count of the training script).
For each construction of :func:`newslab.target_rules.aimed_constructions` it counts the train targets it
fires for, and of those the model (out of fold) calls neutral, how many are gold negative (the rule is
right), neutral (the model is right) and positive (both wrong), with a bootstrap 95% CI of
(negative - neutral) / n resampling sentences. The rule layer keeps a construction only where negative >
neutral. Then it prints the out-of-fold macro-F1 with the kept rules applied, paired with the model alone
(bootstrap CI over sentences). With ``--hard`` it prints the accuracy of the packaged model without and with
the rule layer on a hand-written check set (a targeted check, not an evaluation). The dev files are never read.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cv_target_families import paired_ci  # noqa: E402
from train_target_model import LABEL_OF  # noqa: E402

from newslab.target_rules import aimed_constructions, kept_rules, rule_model  # noqa: E402
from newslab.target_tone import target_reading, target_sentiment_many  # noqa: E402

LABELS = list(LABEL_OF.values())


def share_ci(groups: list[str], signs: list[int], n_boot: int) -> tuple[float, float]:
    """95% bootstrap CI of mean(sign) (+1 rule right, -1 model right, 0 neither), resampling sentences."""
    by_group: dict[str, list[int]] = defaultdict(list)
    for g, s in zip(groups, signs, strict=True):
        by_group[g].append(s)
    members = list(by_group.values())
    rng = np.random.default_rng(0)
    means = []
    for _ in range(n_boot):
        picked = [members[k] for k in rng.integers(0, len(members), len(members))]
        total = sum(len(m) for m in picked)
        means.append(sum(sum(m) for m in picked) / total)
    lo, hi = np.percentile(means, [2.5, 97.5])
    return float(lo), float(hi)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--oof", required=True, help="npz of out-of-fold predictions (cv_target_families --cache)")
    parser.add_argument("--boot", type=int, default=2000)
    parser.add_argument("--hard", help="TSV of hand-labelled hard cases (sentence, start, end, label, construction)")
    parser.add_argument("--show", type=int, default=0, help="print this many fired train sentences per construction")
    args = parser.parse_args(argv)
    path = Path(args.data_dir) / "newsmtsc" / "train_flat.jsonl"
    with path.open(encoding="utf-8") as handle:
        recs = [json.loads(line) for line in handle if line.strip()]
    y = np.array([LABEL_OF[int(r["polarity"])] for r in recs])
    pred = np.load(args.oof)["pred"].astype(str)
    if len(pred) != len(recs):
        raise SystemExit(f"{args.oof}: {len(pred)} predictions for {len(recs)} train targets")
    groups = [r["sentence"] for r in recs]
    fired: dict[str, list[int]] = defaultdict(list)
    words: dict[int, dict[str, str]] = {}
    for i, r in enumerate(recs):
        sent, a, b = target_reading(r["sentence"], (r["from"], r["to"]))
        found = aimed_constructions(sent, a, b)
        words[i] = {}
        for c in found:
            if c.name not in words[i]:
                fired[c.name].append(i)
                words[i][c.name] = c.words
    print(f"{'construction':<12} {'fires':>5} {'model neutral':>13} {'gold neg':>8} {'gold neu':>8} {'gold pos':>8}"
          "  (neg-neu)/n [95% CI]  decision")  # fmt: skip
    keep = []
    for name in sorted(fired, key=lambda k: -len(fired[k])):
        idx = fired[name]
        neutral = [i for i in idx if pred[i] == "neutral"]
        gold = Counter(y[i] for i in neutral)
        signs = [1 if y[i] == "negative" else -1 if y[i] == "neutral" else 0 for i in neutral]
        lo, hi = share_ci([groups[i] for i in neutral], signs, args.boot) if neutral else (0.0, 0.0)
        mean = sum(signs) / len(signs) if signs else 0.0
        decision = "keep" if gold["negative"] > gold["neutral"] else "drop"
        if decision == "keep":
            keep.append(name)
        print(f"{name:<12} {len(idx):>5} {len(neutral):>13} {gold['negative']:>8} {gold['neutral']:>8} "
              f"{gold['positive']:>8}  {mean:+.3f} [{lo:+.3f}, {hi:+.3f}]  {decision}")  # fmt: skip
        for i in neutral[: args.show]:
            print(f"     gold {y[i]:<8} {words[i][name]!r}: {recs[i]['sentence'][:160]}")
    print("kept by the train evidence:", ", ".join(keep) or "none")
    print("kept in data/rule_words.tsv (target_rules.KEPT):", ", ".join(sorted(kept_rules())) or "none")
    ruled = pred.copy()
    for name in kept_rules():
        for i in fired.get(name, ()):
            if pred[i] == "neutral":
                ruled[i] = "negative"
    base = f1_score(y, pred, average="macro", labels=LABELS)
    after = f1_score(y, ruled, average="macro", labels=LABELS)
    lo, hi = paired_ci(y, pred, ruled, groups, args.boot)
    changed = int((ruled != pred).sum())
    print(f"out-of-fold macro-F1, model alone {base:.4f} -> with the kept rules {after:.4f} "
          f"({after - base:+.4f} [{lo:+.4f}, {hi:+.4f}]); {changed} labels changed")  # fmt: skip
    if args.hard:
        score_hard(Path(args.hard))
    return 0


def score_hard(path: Path) -> None:
    """Accuracy on the check set, by construction, of the packaged model without and with the kept rules."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((x for x in handle if x.strip() and not x.startswith("#")), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))  # fmt: skip
    spans = [(r["sentence"], (int(r["start"]), int(r["end"]))) for r in rows]
    for name, model in (("packaged model", None), ("with the rule layer", rule_model())):
        labels = [t.label for t in target_sentiment_many(spans, model=model)]
        right: Counter[str] = Counter()
        for r, label in zip(rows, labels, strict=True):
            right[r["construction"]] += label == r["label"]
        total = Counter(r["construction"] for r in rows)
        by_kind = ", ".join(f"{k} {right[k]}/{total[k]}" for k in total)
        print(f"hard cases, {name}: {sum(right.values())}/{len(rows)} right ({by_kind})")


if __name__ == "__main__":
    raise SystemExit(main())
