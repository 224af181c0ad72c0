"""Train newslab's target sentiment model on NewsMTSC train and write it as plain TSV weights.

Usage: python validation/train_target_model.py [DATA_DIR] [--out newslab/data/target_sentiment_model.tsv]

Reads ONLY ``DATA_DIR/newsmtsc/train_flat.jsonl``. The regularization strength C and the
minimum feature count are chosen by 5-fold cross-validation on train (folds grouped by
sentence, so no sentence is on both sides); the dev files are never read here. The model is a
multinomial logistic regression with balanced class weights (the metric is macro-F1) over
newslab.sentiment.target_features; it is written as rows ``feature, class, weight`` plus
``__intercept__`` rows, and top weights are printed for the docs. For each setting the script
also prints per-label F1 and two out-of-fold AUCs of the score P(positive) - P(negative):
positive vs negative targets, and neutral vs negative targets (local stand-ins for the AUCs on
phrase-level bias annotations and on unannotated control sentences).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newslab import sentiment as S  # noqa: E402

LABEL_OF = {-1: "negative", 0: "neutral", 1: "positive"}
C_GRID = (0.05, 0.1, 0.2, 0.4)
MIN_COUNT_GRID = (3, 8)
SEED = 0


def load(path: Path) -> tuple[list[dict[str, float]], list[str], list[str]]:
    feats, labels, groups = [], [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            feats.append(S.target_features(rec["sentence"], (rec["from"], rec["to"])))
            labels.append(LABEL_OF[int(rec["polarity"])])
            groups.append(rec["sentence"])
    return feats, labels, groups


def prune(feats: list[dict[str, float]], counts: Counter[str], min_count: int) -> list[dict[str, float]]:
    return [{k: v for k, v in f.items() if counts[k] >= min_count} for f in feats]


def make_model(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=SEED)


def score_aucs(y: np.ndarray, score: np.ndarray) -> str:
    """AUC of the score for positive vs negative targets and for neutral vs negative targets."""
    pn, nn = y != "neutral", y != "positive"
    pos_neg = roc_auc_score(y[pn] == "positive", score[pn])
    neu_neg = roc_auc_score(y[nn] == "neutral", score[nn])
    return f"AUC pos-vs-neg {pos_neg:.4f}, neu-vs-neg {neu_neg:.4f}"


def cross_validate(feats: list[dict[str, float]], y: np.ndarray, groups: list[str]) -> tuple[float, int]:
    folds = list(GroupKFold(n_splits=5).split(feats, y, groups))
    best = (-1.0, 1.0, 3)
    for min_count in MIN_COUNT_GRID:
        for c in C_GRID:
            pred = np.empty(len(y), dtype=object)
            score = np.zeros(len(y))
            for tr, te in folds:
                counts = Counter(k for i in tr for k in feats[i])
                vec = DictVectorizer()
                x_tr = vec.fit_transform(prune([feats[i] for i in tr], counts, min_count))
                model = make_model(c).fit(x_tr, y[tr])
                proba = model.predict_proba(vec.transform([feats[i] for i in te]))
                classes = list(model.classes_)
                pred[te] = np.array(classes)[proba.argmax(axis=1)]
                score[te] = proba[:, classes.index("positive")] - proba[:, classes.index("negative")]
            f1 = f1_score(y, pred.astype(str), average="macro")
            per = f1_score(y, pred.astype(str), average=None, labels=list(LABEL_OF.values()))
            print(
                f"  CV min_count={min_count:<3} C={c:<5} macro-F1={f1:.4f} "
                f"(negative / neutral / positive {per[0]:.3f} / {per[1]:.3f} / {per[2]:.3f}) {score_aucs(y, score)}"
            )
            if f1 > best[0]:
                best = (f1, c, min_count)
    print(f"chosen: C={best[1]} min_count={best[2]} (CV macro-F1 {best[0]:.4f})")
    return best[1], best[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(REPO / "newslab" / "data" / "target_sentiment_model.tsv"))
    parser.add_argument("--top", type=int, default=15, help="top weights to print per class")
    parser.add_argument("--c", type=float, help="skip the CV grid and use this C (needs --min-count)")
    parser.add_argument("--min-count", type=int, help="skip the CV grid and use this minimum feature count")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    feats, labels, groups = load(Path(args.data_dir) / "newsmtsc" / "train_flat.jsonl")
    y = np.array(labels)
    print(f"{len(y)} training targets, labels {dict(Counter(labels))}, features in {time.perf_counter() - t0:.1f}s")
    if args.c is not None and args.min_count is not None:
        c, min_count = args.c, args.min_count
        print(f"given: C={c} min_count={min_count} (no CV grid)")
    else:
        c, min_count = cross_validate(feats, y, groups)
    counts = Counter(k for f in feats for k in f)
    vec = DictVectorizer()
    x = vec.fit_transform(prune(feats, counts, min_count))
    model = make_model(c).fit(x, y)
    names = vec.get_feature_names_out()
    classes = list(model.classes_)
    rows = [("__intercept__", cls, float(model.intercept_[k])) for k, cls in enumerate(classes)]
    # the "bias" feature is constant 1: fold it into the intercept
    for j, name in enumerate(names):
        for k, cls in enumerate(classes):
            w = float(model.coef_[k, j])
            if name == "bias":
                rows[k] = ("__intercept__", cls, rows[k][2] + w)
            elif abs(w) >= 1e-4:
                rows.append((str(name), cls, w))
    out = Path(args.out)
    with out.open("w", encoding="utf-8") as handle:
        handle.write("# Target sentiment model of newslab: multinomial logistic regression, one weight per feature\n")
        handle.write("# and class (score = intercept + sum weight * value; label = argmax). Trained on NewsMTSC\n")
        handle.write(f"# train_flat.jsonl (Hamborg & Donnay 2021, MIT) by validation/train_target_model.py; C={c},\n")
        chosen = "chosen by 5-fold grouped CV on train" if args.c is None else "given (the grid's earlier choice)"
        handle.write(f"# min_count={min_count}, class_weight=balanced, {chosen}.\n")
        handle.write("feature\tclass\tweight\n")
        for name, cls, w in sorted(rows):
            handle.write(f"{name}\t{cls}\t{w:.6f}\n")
    print(f"wrote {len(rows)} rows to {out}")
    for k, cls in enumerate(classes):
        order = np.argsort(-model.coef_[k])
        top = [f"{names[j]} {model.coef_[k, j]:+.2f}" for j in order[: args.top] if names[j] != "bias"]
        print(f"top {cls}: " + ", ".join(top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
