"""Score newslab.target_sentiment on NewsMTSC dev (rw and mt) next to two baselines.

Usage: python validation/score_target_sentiment.py [DATA_DIR] [--json OUT] [--rules]

Prints macro-F1 and accuracy of newslab's target model, "always neutral" and "VADER on the
whole sentence" (compound with the +/-0.05 thresholds), per split, and a bootstrap 95% CI of
newslab's macro-F1 that resamples sentences (all targets of a sentence together).
``--rules`` scores the packaged model with the rule layer of ``newslab.target_rules`` on (``rule_model()``).
These are DEV splits: score them once, after every choice was made by CV on train.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, f1_score

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newslab import sentiment as S  # noqa: E402
from newslab import tone_lexicon as TL  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_target_tone import bootstrap_ci  # noqa: E402

LABEL_OF = {-1: "negative", 0: "neutral", 1: "positive"}
SPLITS = ("rw", "mt")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def vader_label(text: str) -> str:
    value = TL.vader_analyzer().polarity_scores(text)["compound"]
    return "positive" if value >= 0.05 else "negative" if value <= -0.05 else "neutral"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--json", dest="json_out")
    parser.add_argument("--rules", action="store_true", help="the packaged model with the rule layer on")
    args = parser.parse_args(argv)
    model = None
    if args.rules:
        from newslab.target_rules import rule_model

        model = rule_model()
    results: dict[str, dict[str, dict[str, float]]] = {}
    print(f"{'split':<6} {'method':<30} {'macro-F1':>9} {'accuracy':>9} {'n':>5}")
    for split in SPLITS:
        recs = load(Path(args.data_dir) / "newsmtsc" / split / "dev.jsonl")
        gold = [LABEL_OF[int(r["polarity"])] for r in recs]
        t0 = time.perf_counter()
        ours = [
            r.label for r in S.target_sentiment_many(((r["sentence"], (r["from"], r["to"])) for r in recs), model=model)
        ]
        elapsed = time.perf_counter() - t0
        methods = {
            "newslab target_sentiment": ours,
            "always neutral": ["neutral"] * len(recs),
            "VADER on the whole sentence": [vader_label(r["sentence"]) for r in recs],
        }
        results[split] = {}
        for name, pred in methods.items():
            f1 = float(f1_score(gold, pred, average="macro", labels=list(S.LABELS), zero_division=0))
            acc = float(accuracy_score(gold, pred))
            results[split][name] = {"macro_f1": f1, "accuracy": acc, "n": len(recs)}
            print(f"{split:<6} {name:<30} {f1:>9.4f} {acc:>9.4f} {len(recs):>5}")
        g = np.array([S.LABELS.index(x) for x in gold])
        p = np.array([S.LABELS.index(x) for x in ours])
        lo, hi = bootstrap_ci(g, p, [r["sentence"] for r in recs], n_boot=2000, seed=0)
        results[split]["newslab target_sentiment"]["ci95"] = [lo, hi]
        print(f"{split:<6} newslab macro-F1 95% CI [{lo:.4f}, {hi:.4f}] (bootstrap over sentences, 2000 draws)")
        print(f"{split:<6} (newslab: {len(recs) / elapsed:,.0f} targets/s incl. first-call loading)")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
