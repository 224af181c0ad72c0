"""Compare feature families of the target model by 5-fold grouped CV on NewsMTSC train, paired.

Usage: python validation/cv_target_families.py [DATA_DIR] [--variants NAME ...] [--boot 2000] [--hard TSV]

Reads ONLY ``DATA_DIR/newsmtsc/train_flat.jsonl`` (and, with ``--hard``, a hand-written check set).
Every variant is a set of hard-case families of :data:`newslab.target_tone.FAMILIES` ("none" is the
features without any, i.e. the model before issue 23; "flips+flags" the shipped families before round 7).
All variants use the same folds (grouped by sentence), C and minimum feature count of
``train_target_model.py`` (0.1 and 3). For each variant it prints out-of-fold macro-F1, per-label F1, the
AUCs of the score, and the paired difference to ``--base`` ("none" unless given) with a bootstrap 95% CI
that resamples sentences. With ``--hard`` it also trains each variant on all of train and prints its
accuracy on the check set (a targeted check, not an
evaluation). The dev files are never read.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_target_model import LABEL_OF, make_model, prune, score_aucs  # noqa: E402

from newslab.target_tone import target_features  # noqa: E402

LABELS = list(LABEL_OF.values())
VARIANTS = {
    "none": (),
    "irony": ("irony",),
    "blame": ("blame",),
    "pressure": ("pressure",),
    "demand": ("demand",),
    "roles": ("roles",),
    "all": ("blame", "demand", "irony", "pressure", "roles"),
    "all-roles": ("blame", "demand", "irony", "pressure"),
    "all-demand": ("blame", "irony", "pressure", "roles"),
    "irony_flip": ("irony_flip",),
    "demand_flip": ("demand_flip",),
    "flips": ("irony_flip", "demand_flip"),
    "flips+flags": ("irony_flip", "demand_flip", "blame", "pressure"),
    "flips+flags+roles": ("irony_flip", "demand_flip", "blame", "pressure", "roles"),
    "flips+flags+irony": ("irony_flip", "demand_flip", "blame", "pressure", "irony"),
    # issue 21 round 7: at whom each evaluative word is aimed (newslab.target_aim), on top of the shipped families
    "flips+flags+aim": ("irony_flip", "demand_flip", "blame", "pressure", "aim"),
    "flips+flags+aim_share": ("irony_flip", "demand_flip", "blame", "pressure", "aim_share"),
    "flips+flags+aim+aim_share": ("irony_flip", "demand_flip", "blame", "pressure", "aim", "aim_share"),
    "flips+flags+aim_compact": ("irony_flip", "demand_flip", "blame", "pressure", "aim_compact"),
    "flips+flags+aim_words": ("irony_flip", "demand_flip", "blame", "pressure", "aim_words"),
    "flips+flags+aim_route": ("irony_flip", "demand_flip", "blame", "pressure", "aim_route"),
    # issue 23 (tt2): the named constructions of newslab.target_rules as flags (aimed_<name>)
    "flips+flags+aimed": ("irony_flip", "demand_flip", "blame", "pressure", "aimed"),
}
C, MIN_COUNT = 0.1, 3  # the training script's CV choice (rounds 4-6)


def read_train(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_hard(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def out_of_fold(feats: list[dict[str, float]], y: np.ndarray, folds: list) -> tuple[np.ndarray, np.ndarray]:
    pred = np.empty(len(y), dtype=object)
    score = np.zeros(len(y))
    for tr, te in folds:
        counts = Counter(k for i in tr for k in feats[i])
        vec = DictVectorizer()
        model = make_model(C).fit(vec.fit_transform(prune([feats[i] for i in tr], counts, MIN_COUNT)), y[tr])
        proba = model.predict_proba(vec.transform([feats[i] for i in te]))
        classes = list(model.classes_)
        pred[te] = np.array(classes)[proba.argmax(axis=1)]
        score[te] = proba[:, classes.index("positive")] - proba[:, classes.index("negative")]
    return pred.astype(str), score


def paired_ci(y: np.ndarray, a: np.ndarray, b: np.ndarray, groups: list[str], n_boot: int) -> tuple[float, float]:
    """95% CI of macro-F1(b) - macro-F1(a), resampling sentences (all targets of a sentence together)."""
    ids = {g: k for k, g in enumerate(dict.fromkeys(groups))}
    gi = np.array([ids[g] for g in groups])
    members = [np.flatnonzero(gi == k) for k in range(len(ids))]
    rng = np.random.default_rng(0)
    diffs = []
    for _ in range(n_boot):
        idx = np.concatenate([members[k] for k in rng.integers(0, len(members), len(members))])
        fa = f1_score(y[idx], a[idx], average="macro", labels=LABELS)
        fb = f1_score(y[idx], b[idx], average="macro", labels=LABELS)
        diffs.append(fb - fa)
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return float(lo), float(hi)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    parser.add_argument("--boot", type=int, default=2000)
    parser.add_argument("--hard", help="TSV of hand-labelled hard cases (sentence, start, end, label)")
    parser.add_argument("--cache", help="folder for out-of-fold predictions, reused across runs (variant.npy)")
    parser.add_argument("--base", default="none", choices=list(VARIANTS), help="the variant the others are paired with")
    args = parser.parse_args(argv)
    recs = read_train(Path(args.data_dir) / "newsmtsc" / "train_flat.jsonl")
    y = np.array([LABEL_OF[int(r["polarity"])] for r in recs])
    groups = [r["sentence"] for r in recs]
    folds = list(GroupKFold(n_splits=5).split(recs, y, groups))
    hard = read_hard(Path(args.hard)) if args.hard else []
    base_pred = None
    for name in [args.base, *[v for v in args.variants if v != args.base]]:
        fams = VARIANTS[name]
        cached = Path(args.cache) / f"{name}.npz" if args.cache else None
        feats = [target_features(r["sentence"], (r["from"], r["to"]), families=fams) for r in recs]
        fired = Counter(k for f in feats for k in f if k.startswith(_PREFIXES))
        if cached is not None and cached.is_file():
            data = np.load(cached)
            pred, score = data["pred"].astype(str), data["score"]
        else:
            pred, score = out_of_fold(feats, y, folds)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                np.savez(cached, pred=pred, score=score)
        f1 = f1_score(y, pred, average="macro", labels=LABELS)
        per = f1_score(y, pred, average=None, labels=LABELS)
        line = (
            f"{name:<11} macro-F1 {f1:.4f} (neg / neu / pos {per[0]:.3f} / {per[1]:.3f} / {per[2]:.3f}) "
            f"{score_aucs(y, score)}"
        )
        if base_pred is None:
            base_pred = pred
        else:
            lo, hi = paired_ci(y, base_pred, pred, groups, args.boot)
            base = f1_score(y, base_pred, average="macro", labels=LABELS)
            line += f" | minus {args.base} {f1 - base:+.4f} [{lo:+.4f}, {hi:+.4f}]"
        if hard:
            line += f" | hard cases {hard_accuracy(feats, y, hard, fams):.3f}"
        print(line, flush=True)
        if fired:
            print("   fired in train:", ", ".join(f"{k} {v}" for k, v in sorted(fired.items())), flush=True)
    return 0


_PREFIXES = (
    "irony",
    "burden",
    "blame",
    "modal",
    "pressure",
    "demand",
    "neg_patient",
    "neg_agent",
    "aim_toward",
    "aim_away",
    "aimed_",
)


def hard_accuracy(feats: list[dict[str, float]], y: np.ndarray, hard: list[dict[str, str]], fams: tuple) -> float:
    """Accuracy on the hand-labelled check set of a model of these features trained on all of train."""
    counts = Counter(k for f in feats for k in f)
    vec = DictVectorizer()
    model = make_model(C).fit(vec.fit_transform(prune(feats, counts, MIN_COUNT)), y)
    x = vec.transform([target_features(r["sentence"], (int(r["start"]), int(r["end"])), families=fams) for r in hard])
    pred = model.predict(x)
    return float(np.mean([p == r["label"] for p, r in zip(pred, hard, strict=True)]))


if __name__ == "__main__":
    raise SystemExit(main())
