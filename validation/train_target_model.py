"""Train newslab's target sentiment model on NewsMTSC train and write it as plain TSV weights.

Usage: python validation/train_target_model.py [DATA_DIR] [--out newslab/data/target_sentiment_model.tsv]
       python validation/train_target_model.py [DATA_DIR] --compare-stemmers "nltk porter" "snowballstemmer english"

Reads ONLY ``DATA_DIR/newsmtsc/train_flat.jsonl``. The regularization strength C and the
minimum feature count are chosen by 5-fold cross-validation on train (folds grouped by
sentence, so no sentence is on both sides); the dev files are never read here. The model is a
multinomial logistic regression with balanced class weights (the metric is macro-F1) over
newslab.sentiment.target_features; it is written as rows ``feature, class, weight`` plus
``__intercept__`` rows, and top weights are printed for the docs. For each setting the script
also prints per-label F1 and two out-of-fold AUCs of the score P(positive) - P(negative):
positive vs negative targets, and neutral vs negative targets (local stand-ins for the AUCs on
phrase-level bias annotations and on unannotated control sentences).

The context-word features (``Ls=``, ``Rs=``, ...) are stems; the model is written with the stemmer
``newslab.target_reading.STEMMER`` (named in the file's header). ``--stemmer`` makes the features with
another stemmer of :data:`STEMMERS` (the script replaces ``target_reading.stemmer`` while it reads the
training targets). ``--compare-stemmers`` runs the CV grid once per stemmer (each with the same folds)
and compares each one's chosen setting with the first stemmer's: the paired per-fold differences of
macro-F1 with a t interval over the 5 folds, and a 95% bootstrap CI of the difference of the pooled
out-of-fold macro-F1 that resamples sentences. It writes no model.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple
from unittest import mock

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newslab import sentiment as S  # noqa: E402
from newslab import target_reading  # noqa: E402
from newslab.bootstrap import t_quantile  # noqa: E402
from newslab.scores import cluster_bootstrap  # noqa: E402

LABEL_OF = {-1: "negative", 0: "neutral", 1: "positive"}
C_GRID = (0.05, 0.1, 0.2, 0.4)
MIN_COUNT_GRID = (3, 8)
SEED = 0
FOLDS = 5  # grouped by sentence
N_BOOT = 2000  # bootstrap resamples of sentences for the CI of a difference of pooled out-of-fold macro-F1


def _nltk_porter() -> Callable[[str], str]:
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer().stem


def _snowball(language: str) -> Callable[[], Callable[[str], str]]:
    def make() -> Callable[[str], str]:
        import snowballstemmer  # uses PyStemmer's C code when PyStemmer is installed

        return snowballstemmer.stemmer(language).stemWord

    return make


def _pystemmer(language: str) -> Callable[[], Callable[[str], str]]:
    def make() -> Callable[[str], str]:
        import Stemmer

        return Stemmer.Stemmer(language).stemWord

    return make


#: Stemmers the features can be made with: name -> function making the stem function.
STEMMERS: dict[str, Callable[[], Callable[[str], str]]] = {
    "nltk porter": _nltk_porter,  # NLTK's PorterStemmer in its default mode (NLTK_EXTENSIONS)
    "snowballstemmer porter": _snowball("porter"),
    "snowballstemmer english": _snowball("english"),  # Porter2
    "PyStemmer porter": _pystemmer("porter"),
    "PyStemmer english": _pystemmer("english"),
}


class CVResult(NamedTuple):
    """The chosen setting of the grid: its pooled and per-fold macro-F1 and its out-of-fold predictions."""

    c: float
    min_count: int
    macro_f1: float
    fold_f1: list[float]
    pred: np.ndarray


def load(path: Path, stemmer: str | None = None) -> tuple[list[dict[str, float]], list[str], list[str]]:
    """Features, labels and sentences (the CV groups) of the targets in ``path``, with ``stemmer``'s stems."""
    if stemmer is None or stemmer == target_reading.STEMMER:
        return _load(path)
    stem = STEMMERS[stemmer]()
    with mock.patch.object(target_reading, "stemmer", lambda: stem):
        return _load(path)


def _load(path: Path) -> tuple[list[dict[str, float]], list[str], list[str]]:
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


def cross_validate(feats: list[dict[str, float]], y: np.ndarray, groups: list[str]) -> CVResult:
    folds = list(GroupKFold(n_splits=FOLDS).split(feats, y, groups))
    best = CVResult(1.0, 3, -1.0, [], np.empty(0))
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
            pred = pred.astype(str)
            f1 = f1_score(y, pred, average="macro")
            per = f1_score(y, pred, average=None, labels=list(LABEL_OF.values()))
            fold_f1 = [float(f1_score(y[te], pred[te], average="macro")) for _, te in folds]
            print(
                f"  CV min_count={min_count:<3} C={c:<5} macro-F1={f1:.4f} "
                f"(negative / neutral / positive {per[0]:.3f} / {per[1]:.3f} / {per[2]:.3f}) {score_aucs(y, score)}"
                f" folds {' '.join(f'{v:.4f}' for v in fold_f1)}"
            )
            if f1 > best.macro_f1:
                best = CVResult(c, min_count, float(f1), fold_f1, pred)
    print(f"chosen: C={best.c} min_count={best.min_count} (CV macro-F1 {best.macro_f1:.4f})")
    return best


def compare_stemmers(names: list[str], path: Path) -> None:
    """The CV grid once per stemmer; each chosen setting against the first stemmer's, fold by fold."""
    results, y, groups = {}, np.empty(0), []
    for name in names:
        t0 = time.perf_counter()
        feats, labels, groups = load(path, name)
        y = np.array(labels)
        print(f"stemmer {name!r}: features in {time.perf_counter() - t0:.1f}s")
        results[name] = cross_validate(feats, y, groups)
    base = results[names[0]]
    t = t_quantile(0.975, FOLDS - 1)
    print(f"\npaired against {names[0]!r} (C={base.c} min_count={base.min_count}, CV macro-F1 {base.macro_f1:.4f}):")
    for name in names[1:]:
        res = results[name]
        diff = np.array(res.fold_f1) - np.array(base.fold_f1)
        half = t * diff.std(ddof=1) / np.sqrt(len(diff))
        lo, hi = cluster_bootstrap(
            groups,
            lambda idx, r=res: float(
                f1_score(y[idx], r.pred[idx], average="macro") - f1_score(y[idx], base.pred[idx], average="macro")
            ),
            n_boot=N_BOOT,
            seed=SEED,
        )
        print(
            f"  {name!r} (C={res.c} min_count={res.min_count}): CV macro-F1 {res.macro_f1:.4f}, "
            f"pooled difference {res.macro_f1 - base.macro_f1:+.4f} (95% sentence bootstrap {lo:+.4f} to {hi:+.4f}); "
            f"per-fold differences {' '.join(f'{d:+.4f}' for d in diff)}, mean {diff.mean():+.4f} "
            f"(95% t CI over {len(diff)} folds {diff.mean() - half:+.4f} to {diff.mean() + half:+.4f})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(REPO / "newslab" / "data" / "target_sentiment_model.tsv"))
    parser.add_argument("--top", type=int, default=15, help="top weights to print per class")
    parser.add_argument("--c", type=float, help="skip the CV grid and use this C (needs --min-count)")
    parser.add_argument("--min-count", type=int, help="skip the CV grid and use this minimum feature count")
    parser.add_argument(
        "--stemmer",
        choices=sorted(STEMMERS),
        default=target_reading.STEMMER,
        help="stemmer of the context-word features (default: newslab's, target_reading.STEMMER); "
        "newslab reads only a model made with its own",
    )
    parser.add_argument(
        "--compare-stemmers",
        nargs="+",
        choices=sorted(STEMMERS),
        metavar="NAME",
        help="compare the CV of these stemmers (the first is the reference) and write no model",
    )
    args = parser.parse_args(argv)
    path = Path(args.data_dir) / "newsmtsc" / "train_flat.jsonl"
    if args.compare_stemmers:
        compare_stemmers(args.compare_stemmers, path)
        return 0
    t0 = time.perf_counter()
    feats, labels, groups = load(path, args.stemmer)
    y = np.array(labels)
    print(f"{len(y)} training targets, labels {dict(Counter(labels))}, features in {time.perf_counter() - t0:.1f}s")
    if args.c is not None and args.min_count is not None:
        c, min_count = args.c, args.min_count
        print(f"given: C={c} min_count={min_count} (no CV grid)")
    else:
        chosen = cross_validate(feats, y, groups)
        c, min_count = chosen.c, chosen.min_count
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
        how = "chosen by 5-fold grouped CV on train" if args.c is None else "given (the grid's earlier choice)"
        handle.write(f"# min_count={min_count}, class_weight=balanced, {how}.\n")
        handle.write(f"# stemmer: {args.stemmer}\n")
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
