"""Score newslab's sentence tone against the NYT editorial snippets (VADER paper dev data).

Usage: python validation/score_tone.py [DATA_DIR] [--json OUT] [--fit] [--weak-check]

Prints Pearson r with the mean human rating and 3-class weighted F1 (gold = sign of the mean,
predictions by the +/-0.05 thresholds) for newslab's compound, plain VADER and plain TextBlob.
``--fit`` also grid-searches newslab.sentiment.TEXTBLOB_SHARE and prints its 5-fold cross-validated r.
``--weak-check`` also prints r against the mean target polarity of each NewsMTSC *train* sentence
(a weak, indirect check of sentence tone that does not touch the NYT data: target polarity is
not sentence tone, but rule changes that help tone should not hurt it).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newslab import sentiment as S  # noqa: E402
from newslab import tone_lexicon as TL  # noqa: E402
from newslab.tokenizers import word_spans  # noqa: E402


def load(data_dir: Path) -> tuple[list[str], np.ndarray]:
    path = data_dir / "vader_nyt_dev" / "nyt_snippets_dev.tsv"
    texts, gold = [], []
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            gold.append(float(row[1]))
            texts.append(row[2])
    return texts, np.array(gold)


def three_class(values: np.ndarray, threshold: float) -> np.ndarray:
    return np.where(values >= threshold, 1, np.where(values <= -threshold, -1, 0))


def news_scores(texts: list[str]) -> np.ndarray:
    lex = TL.prepare_lexicon(None)
    out = []
    for t in texts:
        toks = [TL.norm_token(t[s:e]) for s, e in word_spans(t)]
        out.append(TL.news_score(TL.lexicon_hits(toks, lex)))
    return np.array(out)


def weak_check(data_dir: Path) -> dict[str, float]:
    """Pearson r of each tone score with the mean target polarity of the NewsMTSC train sentences."""
    texts, gold = [], []
    with (data_dir / "newsmtsc" / "train.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            texts.append(rec["sentence_normalized"])
            gold.append(np.mean([(t["polarity"] - 4.0) / 2.0 for t in rec["targets"]]))
    scores = [S.score_sentiment(t) for t in texts]
    out = {}
    print(f"weak check: NewsMTSC train sentences (n={len(texts)}), r with the mean target polarity")
    for name, values in (
        ("newslab compound", [s.compound for s in scores]),
        ("VADER compound", [s.vader for s in scores]),
        ("TextBlob polarity", [s.polarity for s in scores]),
    ):
        out[name] = float(np.corrcoef(values, gold)[0, 1])
        print(f"  {name:<20} {out[name]:.4f}")
    return out


def fit(texts: list[str], gold: np.ndarray, polarity: np.ndarray) -> None:
    """Grid-search TEXTBLOB_SHARE (compound = (1 - w) * news + w * polarity) for Pearson r, with 5-fold CV."""
    news = news_scores(texts)
    grid = np.round(np.arange(0.0, 0.61, 0.05), 2)

    def best(idx: np.ndarray) -> float:
        return float(max(grid, key=lambda w: np.corrcoef((1 - w) * news[idx] + w * polarity[idx], gold[idx])[0, 1]))

    everything = np.arange(len(gold))
    w_all = best(everything)
    r_all = np.corrcoef((1 - w_all) * news + w_all * polarity, gold)[0, 1]
    print(f"fit: TEXTBLOB_SHARE={w_all:.2f} r={r_all:.4f}; news alone r={np.corrcoef(news, gold)[0, 1]:.4f}")
    folds = np.random.default_rng(0).permutation(len(gold)) % 5
    pred = np.zeros(len(gold))
    for k in range(5):
        w = best(np.flatnonzero(folds != k))
        pred[folds == k] = (1 - w) * news[folds == k] + w * polarity[folds == k]
    print(f"5-fold CV (share chosen on 4/5, scored on 1/5): r = {np.corrcoef(pred, gold)[0, 1]:.4f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--json", dest="json_out")
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--weak-check", action="store_true", help="also r on NewsMTSC train sentences")
    parser.add_argument("--weak-only", action="store_true", help="only the NewsMTSC train check (no NYT data)")
    args = parser.parse_args(argv)
    if args.weak_only:
        weak_check(Path(args.data_dir))
        return 0
    texts, gold = load(Path(args.data_dir))
    scores = [S.score_sentiment(t) for t in texts]
    columns = {
        "newslab compound": np.array([s.compound for s in scores]),
        "VADER compound": np.array([s.vader for s in scores]),
        "TextBlob polarity": np.array([s.polarity for s in scores]),
    }
    gold3 = three_class(gold, 1e-9)
    results = {}
    print(f"NYT editorial snippets (dev), n={len(texts)}")
    print(f"{'score':<20} {'Pearson r':>10} {'F1 (3-class, weighted)':>24}")
    for name, values in columns.items():
        r = float(np.corrcoef(values, gold)[0, 1])
        f1 = float(f1_score(gold3, three_class(values, S.LABEL_THRESHOLD), average="weighted"))
        results[name] = {"pearson_r": r, "f1_weighted": f1}
        print(f"{name:<20} {r:>10.4f} {f1:>24.4f}")
    if args.fit:
        fit(texts, gold, columns["TextBlob polarity"])
    weak = weak_check(Path(args.data_dir)) if args.weak_check else {}
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps({"n": len(texts), "results": results, "weak_check": weak}, indent=2), encoding="utf-8"
        )
    return 0 if all(math.isfinite(v["pearson_r"]) for v in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
