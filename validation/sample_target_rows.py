"""Draw, show and score the hand-check sample of target-tone rows on rebuilt news (issue 23, rows >= 80% right).

Usage:
  python validation/sample_target_rows.py DATA_DIR --draw            # write annotations/target_rows/sample.tsv
  python validation/sample_target_rows.py DATA_DIR --show            # each row in context, with today's label
  python validation/sample_target_rows.py DATA_DIR --score           # share right before -> after, bootstrap CI

Articles: the 1,000 longest NewsMTSC train articles rebuilt by ``benchmarks/check_target_tone_equal.py``
(its sentences grouped by the article part of ``primary_gid``); targets: newslab's defaults (Trump, NATO) and
the names of its ``EXTRA_TARGETS``. Rows: ``nl.analyze(...).target_tone``. ``--draw`` takes :data:`N_ROWS`
rows with a fixed seed (:data:`SEED`) from the code as it is *before* any change of the aim features
(base 6f752a3) and stores references only (article key, sentence id, mention offsets, the label then).
The judgement columns (``right_label``: the label a careful reader gives the target in that sentence) are
filled by hand; ``--score`` compares the stored ``before`` labels and today's labels with them.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from check_target_tone_equal import EXTRA_TARGETS, rebuilt_articles  # noqa: E402

sys.path.insert(0, str(REPO))
import newslab as nl  # noqa: E402
from newslab.targets import DEFAULT_TARGETS, Target  # noqa: E402

N_ARTICLES = 1000  # as the equality check rebuilds them
N_ROWS = 40  # the brief's sample size
SEED = 23  # fixed before any row was read (issue 23)
N_BOOT = 10_000
SAMPLE = REPO / "validation" / "annotations" / "target_rows" / "sample.tsv"
COLUMNS = ["item", "article_id", "sentence_id", "target", "start", "end", "before", "right_label", "note"]


def target_rows(data_dir: Path) -> tuple[Any, dict[str, str]]:
    """The target-tone table of the rebuilt articles and the articles' texts as analyzed.

    The texts are the corpus articles' ``text`` (loading cleans it, e.g. collapses runs of spaces), which
    the rows' offsets index; the raw rebuilt text can differ by a character or more.
    """
    corpus = nl.Corpus.from_texts(rebuilt_articles(data_dir, N_ARTICLES))
    targets = (*DEFAULT_TARGETS, *(Target(name) for name in EXTRA_TARGETS))
    result = nl.analyze(corpus, targets, tables=("target_tone",), progress=False)
    return result.target_tone, {article.id: article.text for article in corpus}


def draw(data_dir: Path) -> None:
    table, _ = target_rows(data_dir)
    rows = list(table.itertuples(index=False))
    picked = sorted(random.Random(SEED).sample(range(len(rows)), N_ROWS))
    SAMPLE.parent.mkdir(parents=True, exist_ok=True)
    with SAMPLE.open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for n, k in enumerate(picked):
            r = rows[k]
            w.writerow([n, r.article_id, r.sentence_id, r.target, r.start, r.end, r.label, "", ""])
    print(f"drew {N_ROWS} of {len(rows)} rows (seed {SEED}) into {SAMPLE}")


def read_sample() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def now_labels(data_dir: Path, sample: list[dict[str, str]]) -> tuple[list[Any], dict[str, str]]:
    table, texts = target_rows(data_dir)
    keyed = {(r.article_id, int(r.start), int(r.end), r.target): r for r in table.itertuples(index=False)}
    return [keyed.get((s["article_id"], int(s["start"]), int(s["end"]), s["target"])) for s in sample], texts


def show(data_dir: Path) -> None:
    sample = read_sample()
    rows, texts = now_labels(data_dir, sample)
    for s, r in zip(sample, rows, strict=True):
        text = texts[s["article_id"]]
        start, end = int(s["start"]), int(s["end"])
        sents = nl.Corpus.from_texts({"x": text})["x"].sentences
        sent = next(x for x in sents if x.start <= start < x.end)
        marked = text[sent.start : start] + "[[" + text[start:end] + "]]" + text[end : sent.end]
        now = "(no row)" if r is None else f"{r.label} {r.score:+.2f} | {r.evidence}"
        print(f"#{s['item']} {s['target']} before={s['before']} now={now}\n   {marked}\n")


def bootstrap(right: np.ndarray) -> tuple[float, float]:
    rng = np.random.default_rng(0)
    shares = right[rng.integers(0, len(right), (N_BOOT, len(right)))].mean(axis=1)
    lo, hi = np.percentile(shares, [2.5, 97.5])
    return float(lo), float(hi)


def score(data_dir: Path) -> None:
    sample = read_sample()
    if any(not s["right_label"] for s in sample):
        raise SystemExit("judge every row first (column right_label)")
    rows, _ = now_labels(data_dir, sample)
    truth = [s["right_label"] for s in sample]
    before = np.array([s["before"] == t for s, t in zip(sample, truth, strict=True)], dtype=float)
    after = np.array([r is not None and r.label == t for r, t in zip(rows, truth, strict=True)], dtype=float)
    for name, right in (("before", before), ("after", after)):
        lo, hi = bootstrap(right)
        share = f"{int(right.sum())}/{len(right)} right = {right.mean():.3f}"
        print(f"{name}: {share} (95% bootstrap {lo:.3f} to {hi:.3f})")
    rng = np.random.default_rng(0)
    idx = rng.integers(0, len(before), (N_BOOT, len(before)))
    diffs = after[idx].mean(axis=1) - before[idx].mean(axis=1)
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    print(f"after - before: {after.mean() - before.mean():+.3f} (paired 95% bootstrap {lo:+.3f} to {hi:+.3f})")
    changed = [s["item"] for s, r in zip(sample, rows, strict=True) if r is None or r.label != s["before"]]
    print(f"rows whose label changed: {changed}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--draw", action="store_true")
    mode.add_argument("--show", action="store_true")
    mode.add_argument("--score", action="store_true")
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir)
    if args.draw:
        draw(data_dir)
    elif args.show:
        show(data_dir)
    else:
        score(data_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
