"""Do newslab's per-article tone numbers put articles about the same story in the right order?

Usage: python validation/score_article_order.py [DATA_DIR] [--folds 5] [--draws 2000]

A researcher compares outlets: which article is the most negative toward a target? This script
measures that on NewsMTSC *train* only (never dev or test). Its AllSides part groups articles
into stories (ids ``allsides_<article>_<story>_<sentence>_<entity>_...``; 782 stories have two or
three articles in train). For every story and entity that at least two articles name, the gold
article score is the mean gold polarity (-1/0/1) of that entity's targets in the article; every
pair of articles whose gold scores differ is a comparison, and a method gets it right when it
orders the pair the same way (a tie counts one half).

The target model is scored **out of fold**: it is retrained (the shipped protocol: C=0.1,
minimum feature count 3, balanced classes) on folds grouped by *story*, so no article of a story
is seen in training when its story is scored; the other train targets (POLUSA) are in every
training fold. Methods, all per article and entity:

- ``mean score``: the mean of P(positive) - P(negative) over the targets (``compare``'s
  ``tone_target``);
- ``label balance``: (positive labels - negative labels) / targets, from the model's own labels
  (``target_positive``/``target_negative``);
- ``sentence compound`` and ``sentence VADER``: the mean tone of the sentences that name the
  entity (``tone_sentences``), newslab's compound and VADER's.

The 95% CI resamples stories (2,000 draws). With about 1-5 targets per article, this is a
noisy, small-sample version of the outlet comparison; it says which aggregate orders better.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newslab import sentiment as S  # noqa: E402
from newslab import tone_lexicon as TL  # noqa: E402

LABEL_OF = {-1: "negative", 0: "neutral", 1: "positive"}
VALUE_OF = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}
C, MIN_COUNT, SEED = 0.1, 3, 0


def entity_key(raw: str) -> str:
    """The entity of an AllSides id, reduced to its last word ("’ Trump" and "Donald Trump" -> "trump")."""
    words = re.findall(r"[A-Za-z]+", raw)
    return words[-1].lower() if words else ""


def load(path: Path) -> tuple[list[dict], list[dict]]:
    """The AllSides targets (with article, story and entity) and the rest of train (training only)."""
    recs, rest = [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            parts = rec["id"].split("_")
            if parts[0] == "allsides" and len(parts) >= 5 and entity_key(parts[4]):
                rec["article"], rec["story"], rec["entity"] = parts[1], parts[2], entity_key(parts[4])
                recs.append(rec)
            else:
                rest.append(rec)
    return recs, rest


def out_of_fold(recs: list[dict], rest: list[dict], folds: int) -> tuple[np.ndarray, list[str]]:
    """P(positive) - P(negative) and the label of every target, from models that never saw its story.

    The rest of train (POLUSA sentences, no story ids) is in every training fold.
    """
    every = recs + rest
    feats = [S.target_features(r["sentence"], (r["from"], r["to"])) for r in every]
    y = np.array([LABEL_OF[int(r["polarity"])] for r in every])
    scores = np.zeros(len(recs))
    labels = [""] * len(recs)
    extra = np.arange(len(recs), len(every))
    for tr, te in GroupKFold(n_splits=folds).split(recs, y[: len(recs)], [r["story"] for r in recs]):
        tr = np.concatenate([tr, extra])
        counts = Counter(k for i in tr for k in feats[i])
        vec = DictVectorizer()
        x = vec.fit_transform([{k: v for k, v in feats[i].items() if counts[k] >= MIN_COUNT} for i in tr])
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, random_state=SEED).fit(x, y[tr])
        proba = model.predict_proba(vec.transform([feats[i] for i in te]))
        classes = list(model.classes_)
        pos, neg = classes.index("positive"), classes.index("negative")
        for j, i in enumerate(te):
            scores[i] = proba[j, pos] - proba[j, neg]
            labels[i] = classes[int(np.argmax(proba[j]))]
    return scores, labels


def comparisons(recs: list[dict], methods: dict[str, list[float]]) -> dict[str, list[tuple[str, float]]]:
    """Per method, (story, credit) for every pair of articles whose gold scores differ."""
    cells: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        cells[(r["story"], r["entity"], r["article"])].append(i)
    by_story_entity: dict[tuple[str, str], list[str]] = defaultdict(list)
    for story, entity, article in cells:
        by_story_entity[(story, entity)].append(article)
    out: dict[str, list[tuple[str, float]]] = {name: [] for name in methods}
    for (story, entity), articles in by_story_entity.items():
        for a, b in itertools.combinations(sorted(articles), 2):
            ia, ib = cells[(story, entity, a)], cells[(story, entity, b)]
            gold = np.mean([recs[i]["polarity"] for i in ia]) - np.mean([recs[i]["polarity"] for i in ib])
            if gold == 0:
                continue
            for name, values in methods.items():
                diff = np.mean([values[i] for i in ia]) - np.mean([values[i] for i in ib])
                credit = 0.5 if diff == 0 else float(np.sign(diff) == np.sign(gold))
                out[name].append((story, credit))
    return out


def bootstrap(pairs: list[tuple[str, float]], draws: int, seed: int = 0) -> tuple[float, float]:
    by_story: dict[str, list[float]] = defaultdict(list)
    for story, credit in pairs:
        by_story[story].append(credit)
    stories = list(by_story)
    sums = np.array([sum(by_story[s]) for s in stories])
    counts = np.array([len(by_story[s]) for s in stories])
    rng = np.random.default_rng(seed)
    stats = []
    for _ in range(draws):
        pick = rng.integers(0, len(stories), len(stories))
        stats.append(sums[pick].sum() / counts[pick].sum())
    lo, hi = np.percentile(stats, [2.5, 97.5])
    return float(lo), float(hi)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--draws", type=int, default=2000)
    args = parser.parse_args(argv)
    recs, rest = load(Path(args.data_dir) / "newsmtsc" / "train_flat.jsonl")
    stories = {r["story"] for r in recs}
    print(f"{len(recs)} AllSides train targets in {len(stories)} stories (+{len(rest)} other targets, training only)")
    scores, labels = out_of_fold(recs, rest, args.folds)
    analyzer = TL.vader_analyzer()
    sentence_tone: dict[str, float] = {}
    sentence_vader: dict[str, float] = {}
    for r in recs:
        if r["sentence"] not in sentence_tone:
            sentence_tone[r["sentence"]] = S.score_sentiment(r["sentence"]).compound
            sentence_vader[r["sentence"]] = analyzer.polarity_scores(r["sentence"])["compound"]
    methods = {
        "mean score (model)": list(scores),
        "label balance (model labels)": [VALUE_OF[label] for label in labels],
        "sentence compound": [sentence_tone[r["sentence"]] for r in recs],
        "sentence VADER": [sentence_vader[r["sentence"]] for r in recs],
    }
    pairs = comparisons(recs, methods)
    n = len(next(iter(pairs.values())))
    print(f"{n} pairs of articles (same story and entity) whose gold scores differ")
    print(f"{'method':<30} {'right order':>11}  95% CI (stories resampled)")
    for name, found in pairs.items():
        share = sum(c for _, c in found) / len(found)
        lo, hi = bootstrap(found, args.draws)
        print(f"{name:<30} {share:>11.3f}  [{lo:.3f}, {hi:.3f}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
