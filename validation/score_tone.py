"""Score newslab's sentence tone against the NYT editorial snippets (VADER paper dev data).

Usage: python validation/score_tone.py [DATA_DIR] [--json OUT] [--fit] [--weak-check] [--weak-only [--grid]]

Prints Pearson r with the mean human rating and 3-class weighted F1 (gold = sign of the mean,
predictions by the +/-0.05 thresholds) for newslab's compound, plain VADER and plain TextBlob, and
bootstrap 95% CIs (snippets resampled) of newslab's r and of its r minus VADER's r.
``--fit`` also grid-searches newslab.sentiment.TEXTBLOB_SHARE and prints its 5-fold cross-validated r.
``--weak-check`` also prints r against the mean target polarity of each NewsMTSC *train* sentence
(a weak, indirect check of sentence tone that does not touch the NYT data: target polarity is
not sentence tone, but rule changes that help tone should not hurt it); ``--weak-only`` prints only that.
The news backoff lexicon is learned from those labels, so there it is cross-fitted: learned on 4 of 5
sentence-grouped folds and applied to the 5th (pooled r; also with folds grouped by article).
``--grid`` adds the backoff lexicon's grid (weight, shrinkage, minimum count) and a per-fold choice.
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
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newslab import sentiment as S  # noqa: E402

sys.path.insert(0, str(REPO / "validation"))
import learn_tone_backoff as LB  # noqa: E402


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
    """newslab's score before the TextBlob share (compound = (1 - share) * news + share * polarity)."""
    share = S.TEXTBLOB_SHARE
    return np.array([(s.compound - share * s.polarity) / (1 - share) for s in map(S.score_sentiment, texts)])


def proxy_folds(texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Five folds of the NewsMTSC train sentences, grouped by sentence text (as the target model's CV)."""
    return list(GroupKFold(n_splits=5).split(texts, groups=texts))


def crossfit_scores(
    texts: list[str], gold: np.ndarray, folds: list[tuple[np.ndarray, np.ndarray]], **learn_args: float
) -> list[S.SentimentScore]:
    """Sentence tone of every train sentence, with the backoff lexicon learned on the other four folds."""
    out: list[S.SentimentScore | None] = [None] * len(texts)
    for train, test in folds:
        learned = LB.learn([texts[i] for i in train], gold[train], **learn_args)  # type: ignore[arg-type]
        backoff = {w: v for w, (v, _n) in learned.items()}
        for i in test:
            out[i] = S.score_sentiment(texts[i], backoff=backoff)
    return [s for s in out if s is not None]


def crossfit_choice(
    candidates: dict[str, np.ndarray], gold: np.ndarray, folds: list[tuple[np.ndarray, np.ndarray]]
) -> tuple[np.ndarray, list[str]]:
    """Per fold, the candidate with the best r on the other four folds, scored on this one (pooled)."""
    pred = np.zeros(len(gold))
    chosen = []
    for train, test in folds:
        best = max(candidates, key=lambda k: np.corrcoef(candidates[k][train], gold[train])[0, 1])
        pred[test] = candidates[best][test]
        chosen.append(best)
    return pred, chosen


def weak_check(data_dir: Path, *, grid: bool = False) -> dict[str, float]:
    """Pearson r of each tone score with the mean target polarity of the NewsMTSC train sentences.

    The news backoff lexicon is learned from these labels, so newslab compound is scored out of fold:
    the lexicon is learned on 4 of 5 sentence-grouped folds and applied to the 5th (pooled r).
    """
    texts, gold = LB.load_train(data_dir)
    folds = proxy_folds(texts)
    scores = crossfit_scores(texts, gold, folds)
    plain = [S.score_sentiment(t, backoff={}) for t in texts]
    out = {}
    print(f"weak check: NewsMTSC train sentences (n={len(texts)}), r with the mean target polarity")
    for name, values in (
        ("newslab compound (backoff out of fold)", [s.compound for s in scores]),
        ("newslab compound without backoff", [s.compound for s in plain]),
        ("VADER compound", [s.vader for s in scores]),
        ("TextBlob polarity", [s.polarity for s in scores]),
    ):
        out[name] = float(np.corrcoef(values, gold)[0, 1])
        print(f"  {name:<40} {out[name]:.4f}")
    by_article = list(GroupKFold(n_splits=5).split(texts, groups=LB.load_articles(data_dir)))
    values = [s.compound for s in crossfit_scores(texts, gold, by_article)]
    key = "newslab compound (backoff out of fold, folds by article)"
    out[key] = float(np.corrcoef(values, gold)[0, 1])
    print(f"  {'the same, folds grouped by article':<40} {out[key]:.4f}")
    for name, values in (("with backoff", scores), ("without backoff", plain)):
        zero = float(np.mean([s.compound == 0.0 for s in values]))
        out[f"share exactly 0 {name}"] = zero
        print(f"  share of sentences scoring exactly 0, {name}: {zero:.3f}")
    if grid:
        candidates = {}
        for weight in (2.0, 4.0, 6.0):
            for shrink in (3.0, 10.0, 30.0):
                for min_count in (3,):
                    key = f"weight={weight:g} shrink={shrink:g} min_count={min_count}"
                    sc = crossfit_scores(texts, gold, folds, weight=weight, shrink=shrink, min_count=min_count)
                    candidates[key] = np.array([s.compound for s in sc])
                    print(f"  grid {key:<36} r={np.corrcoef(candidates[key], gold)[0, 1]:.4f}")
        pred, chosen = crossfit_choice(candidates, gold, folds)
        print(f"  grid chosen per fold on the other four: r={np.corrcoef(pred, gold)[0, 1]:.4f} ({chosen})")
    return out


def bootstrap_r(news: np.ndarray, vader: np.ndarray, gold: np.ndarray, *, draws: int = 2000) -> dict[str, float]:
    """Bootstrap 95% CIs (percentile, snippets resampled) of r(news) and of r(news) - r(VADER)."""
    rng = np.random.default_rng(0)
    rs, diffs = [], []
    for _ in range(draws):
        idx = rng.integers(0, len(gold), len(gold))
        r_news = np.corrcoef(news[idx], gold[idx])[0, 1]
        rs.append(r_news)
        diffs.append(r_news - np.corrcoef(vader[idx], gold[idx])[0, 1])
    lo, hi = np.percentile(rs, [2.5, 97.5])
    dlo, dhi = np.percentile(diffs, [2.5, 97.5])
    return {"r_ci_low": float(lo), "r_ci_high": float(hi), "diff_ci_low": float(dlo), "diff_ci_high": float(dhi)}


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
    parser.add_argument("--grid", action="store_true", help="with --weak-only: the backoff lexicon's grid")
    args = parser.parse_args(argv)
    if args.weak_only:
        weak_check(Path(args.data_dir), grid=args.grid)
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
    ci = bootstrap_r(columns["newslab compound"], columns["VADER compound"], gold)
    diff = results["newslab compound"]["pearson_r"] - results["VADER compound"]["pearson_r"]
    print(
        f"newslab compound r 95% CI [{ci['r_ci_low']:.4f}, {ci['r_ci_high']:.4f}]; r - VADER's r = {diff:+.4f},"
        f" 95% CI [{ci['diff_ci_low']:+.4f}, {ci['diff_ci_high']:+.4f}] (bootstrap, snippets, 2,000 draws)"
    )
    results["newslab compound"].update(ci)
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
