"""Check newslab's target tone on your own annotated sample: macro-F1 with a bootstrap 95% CI.

Usage: python validation/score_target_tone.py SAMPLE.tsv [--bootstrap 2000] [--seed 0] [--errors N]
       python validation/score_target_tone.py --simulate [--f1 0.68]

SAMPLE.tsv has a header line and the columns ``sentence, start, end, label`` (tab-separated):
the sentence (or a longer text), the character offsets of the target mention in it (end
exclusive) and your label: ``negative``/``neutral``/``positive`` (also ``neg``/``neu``/``pos``
or ``-1``/``0``/``1``). Lines starting with ``#`` are comments.

The confidence interval resamples *sentences* (all targets of a sentence together), because
targets in one sentence are not independent. ``--simulate`` prints the CI width you can expect
for samples of 100 to 3,000 targets (from a resampled NewsMTSC-like population; see
docs/sentiment.md).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newslab.errors import MissingFieldError, MissingInputError, NewslabError, ParameterError  # noqa: E402
from newslab.sentiment import LABELS, target_sentiment_many  # noqa: E402

LABEL_ALIASES = {
    "negative": "negative", "neg": "negative", "-1": "negative",
    "neutral": "neutral", "neu": "neutral", "0": "neutral",
    "positive": "positive", "pos": "positive", "1": "positive", "+1": "positive",
}  # fmt: skip
COLUMNS = ("sentence", "start", "end", "label")


def read_sample(path: Path) -> tuple[list[str], list[tuple[int, int]], list[str]]:
    """Rows of a user's TSV, checked: (sentences, spans, gold labels).

    Raises:
        MissingInputError: If the file does not exist.
        MissingFieldError: If a column is missing.
        ParameterError: If a row has a bad offset or label (the message names the line).
    """
    if not path.is_file():
        raise MissingInputError(f"{path}: no such file; pass a TSV with columns {', '.join(COLUMNS)}")
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise MissingFieldError(f"{path}: header lacks {missing}; the header must be: {chr(9).join(COLUMNS)}")
    texts, spans, gold = [], [], []
    for line_no, row in enumerate(reader, start=2):
        text, label = row["sentence"] or "", (row["label"] or "").strip().lower()
        try:
            start, end = int(row["start"]), int(row["end"])
        except (TypeError, ValueError):
            raise ParameterError(f"{path} line {line_no}: start/end must be integers") from None
        if not 0 <= start < end <= len(text):
            raise ParameterError(f"{path} line {line_no}: span ({start}, {end}) is outside the sentence")
        if label not in LABEL_ALIASES:
            raise ParameterError(f"{path} line {line_no}: label {label!r}; use negative, neutral or positive")
        texts.append(text)
        spans.append((start, end))
        gold.append(LABEL_ALIASES[label])
    if not texts:
        raise ParameterError(f"{path}: no rows")
    return texts, spans, gold


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    """Macro-F1 over the three labels (a label absent from gold and prediction scores 0, as sklearn's)."""
    scores = []
    for k in range(len(LABELS)):
        tp = np.sum((gold == k) & (pred == k))
        denom = np.sum(gold == k) + np.sum(pred == k)
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores))


def bootstrap_ci(
    gold: np.ndarray, pred: np.ndarray, groups: Sequence[str], *, n_boot: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """95% percentile CI of macro-F1, resampling groups (sentences) with replacement."""
    keys = {g: k for k, g in enumerate(dict.fromkeys(groups))}
    gid = np.array([keys[g] for g in groups])
    members = [np.flatnonzero(gid == k) for k in range(len(keys))]
    rng = np.random.default_rng(seed)
    stats = []
    for _ in range(n_boot):
        idx = np.concatenate([members[k] for k in rng.integers(0, len(members), len(members))])
        stats.append(macro_f1(gold[idx], pred[idx]))
    lo, hi = np.percentile(stats, [2.5, 97.5])
    return float(lo), float(hi)


def simulate(f1_target: float, seed: int) -> None:
    """CI width of macro-F1 by sample size, from bootstrap draws of a synthetic NewsMTSC-like population.

    The population has NewsMTSC's label shares (about 36% negative, 43% neutral, 21% positive) and a
    confusion pattern scaled so that macro-F1 is near ``f1_target``; targets come 1.6 per sentence.
    """
    rng = np.random.default_rng(seed)
    shares = np.array([0.36, 0.43, 0.21])
    n_pop = 20000
    gold = rng.choice(3, size=n_pop, p=shares)
    noise, other = rng.random(n_pop), (gold + rng.integers(1, 3, n_pop)) % 3

    def population(acc: float) -> np.ndarray:
        return np.where(noise > acc, other, gold)

    acc = min(np.linspace(0.35, 0.99, 65), key=lambda a: abs(macro_f1(gold, population(a)) - f1_target))
    pred = population(acc)
    groups = np.cumsum(rng.random(n_pop) < 1 / 1.6).astype(str)
    print(f"population macro-F1 {macro_f1(gold, pred):.3f}; 95% CI width (bootstrap over sentences)")
    print(f"{'targets':>8} {'CI width':>9}")
    for n in (100, 200, 400, 800, 1500, 3000):
        widths = []
        for rep in range(5):
            start = rng.integers(0, n_pop - n)
            sl = slice(start, start + n)
            lo, hi = bootstrap_ci(gold[sl], pred[sl], list(groups[sl]), n_boot=400, seed=seed + rep)
            widths.append(hi - lo)
        print(f"{n:>8} {np.mean(widths):>9.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", nargs="?", help="TSV with columns sentence, start, end, label")
    parser.add_argument("--bootstrap", type=int, default=2000, help="bootstrap resamples (default 2000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--errors", type=int, default=0, help="print this many misclassified rows")
    parser.add_argument("--simulate", action="store_true", help="print expected CI width by sample size")
    parser.add_argument("--f1", type=float, default=0.68, help="macro-F1 assumed by --simulate")
    args = parser.parse_args(argv)
    if args.simulate:
        simulate(args.f1, args.seed)
        return 0
    if not args.sample:
        parser.error("pass SAMPLE.tsv (or --simulate)")
    try:
        texts, spans, gold_labels = read_sample(Path(args.sample))
    except NewslabError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    results = target_sentiment_many(zip(texts, spans, strict=True), n_evidence=3 if args.errors else 0)
    gold = np.array([LABELS.index(g) for g in gold_labels])
    pred = np.array([LABELS.index(r.label) for r in results])
    f1 = macro_f1(gold, pred)
    lo, hi = bootstrap_ci(gold, pred, texts, n_boot=args.bootstrap, seed=args.seed)
    print(f"{len(gold)} targets in {len(set(texts))} sentences")
    print(f"macro-F1 {f1:.3f}  95% CI [{lo:.3f}, {hi:.3f}] (bootstrap over sentences, {args.bootstrap} draws)")
    print(f"accuracy {float(np.mean(gold == pred)):.3f}")
    for k, name in enumerate(LABELS):
        tp, n_gold, n_pred = np.sum((gold == k) & (pred == k)), np.sum(gold == k), np.sum(pred == k)
        f1_k = 2 * tp / (n_gold + n_pred) if n_gold + n_pred else 0.0
        print(f"  {name:<9} F1 {f1_k:.3f}  gold {n_gold:>5}  predicted {n_pred:>5}")
    shown = 0
    for text, (s, e), g, r in zip(texts, spans, gold_labels, results, strict=True):
        if shown >= args.errors:
            break
        if g != r.label:
            shown += 1
            why = ", ".join(f.name for f in r.evidence)
            print(f"- gold {g}, newslab {r.label} ({why}): {text[:s]}[[{text[s:e]}]]{text[e:]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
