"""Rounds 6-8 of issue 21: nested grouped CV of changes to ``adapt_target_model``, paired, on every pool.

Usage: python validation/adaptation_variants.py [DATA_DIR] --proxy editorial [--out DIR]
       python validation/adaptation_variants.py [DATA_DIR] --summary DIR   # pooled paired differences

Outer loop: 5-fold grouped CV (by article/document) on a pool (never a test part). In each outer
fold, ``adapt_target_model`` runs once on the outer training part with the *union* of the candidates
(the default grid, plus (a) the same word candidates without function words, (b) the ``lexicon``
word set (per-word re-weighting or flipping of the lexicon evidence), (d) retrain weights 300 and
1000, round 7's (e) ``aim`` word sets, :data:`AIM_SETS`, round 8's (f) word candidates with a larger weight on
the code-learned words, :data:`WORD_SCALES`) and without the CI rule, so its inner CV
scores every candidate on the same folds. Each procedure (``base`` = the shipped grid, ``stop`` =
base + (a), ``lexicon`` = base + (b), ``weights`` = base + (d), ``aim`` = base + (e), ``scale`` = base + (f),
``prior`` = base with round 5's prior correction of the chosen candidate, under its own grouped CV) then picks its
candidate from those inner scores exactly as ``adapt_target_model`` would (the guard, the same
ranking), and its model is fit by ``adapt_target_model(..., candidates=<its top candidates>)``, which
repeats their inner CV on the same folds. (c): each procedure is scored with the CI rule (packaged
model unless the inner CV gain's 95% CI excludes 0) and without it. Writes item-level predictions
to ``DIR/<proxy>.csv``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "validation"))

from score_adaptation import labels_of, pool_items  # noqa: E402

import newslab as nl  # noqa: E402
from newslab.adapt import GUARD_TOLERANCE, WORD_GRID, Candidate, candidate_grid  # noqa: E402
from newslab.scores import cluster_bootstrap, macro_f1  # noqa: E402

POOLS = ("ewt", "answers", "newsgroup", "weblog", "email", "editorial", "outlets")
PROCEDURES = ("base", "stop", "lexicon", "weights", "aim", "scale", "prior")
#: the word sets of (b): the lexicon words alone, and beside the sentence and clause words
LEXICON_SETS = (("lexicon",), ("text", "clause", "lexicon"))
#: round 7 (issue 21): the dense aim indicators (newslab.code_words set "aim"), alone and beside the sentence
#: and clause words
AIM_SETS = (("aim",), ("text", "clause", "aim"))
#: round 8 (issue 21): the word features' L2 penalty divided by these (Candidate.word_scale), so that the words
#: learned from the codes may weigh more than the corrections of the packaged weights
WORD_SCALES = (10.0,)
#: the retrain weights of (d), above the shipped grid's upper end (100)
HIGH_WEIGHTS = (300.0, 1000.0)
#: how many of a procedure's best candidates its final fit compares again (the first that keeps the guard wins)
TOP = 3


def union_grid() -> dict[str, list[Candidate]]:
    """The candidates of each procedure; the union is what the inner CV scores once."""
    base = candidate_grid((10.0, 100.0), (1.0, 3.0, 10.0, 30.0), WORD_GRID, (2, 3))
    stop = [c._replace(content=True) for c in base if c.words]
    lex = candidate_grid((), (1.0, 3.0, 10.0, 30.0), LEXICON_SETS, (2, 3))
    high = [Candidate("retrain", w) for w in HIGH_WEIGHTS]
    aim = candidate_grid((), (1.0, 3.0, 10.0, 30.0), AIM_SETS, (2, 3))
    scale = [c._replace(word_scale=v) for c in base if c.words for v in WORD_SCALES]
    return {"base": base, "stop": base + stop, "lexicon": base + lex, "weights": base + high, "aim": base + aim,
            "scale": base + scale, "prior": base}  # fmt: skip


def _key(c: Candidate, score: float) -> tuple[Any, ...]:  # adapt_target_model's ranking
    return (-score, c.kind != "offset", len(c.words), c.content, c.word_scale,
            c.value if c.kind == "retrain" else -c.value, -c.min_codes)  # fmt: skip


def run_pool(data: Path, proxy: str, out: Path, folds: int = 5, only: tuple[str, ...] = ()) -> None:
    """Nested CV of the procedures (``only``: a subset, e.g. ``("base",)`` for (c) alone) on one pool."""
    from sklearn.model_selection import GroupKFold

    pool = pool_items(data, proxy)
    procs = {k: v for k, v in union_grid().items() if not only or k in only}
    union = list(dict.fromkeys(c for cands in procs.values() for c in cands))
    before = labels_of(pool, None)
    preds = {f"{p}_{r}": before.copy() for p in procs for r in ("ci", "noci")}
    t0 = time.perf_counter()
    for k, (tr, te) in enumerate(GroupKFold(n_splits=folds).split(pool, groups=pool["article_id"])):
        train, held = pool.iloc[tr].reset_index(drop=True), pool.iloc[te].reset_index(drop=True)
        full = nl.adapt_target_model(train, candidates=union, require_gain_ci=False, n_boot=200)
        rows = full.provenance["cv"]["per_candidate"]
        score = {Candidate(r["kind"], r["value"], tuple(r["words"]), r["min_codes"], r["content_words"],
                           r["word_scale"]): (r["macro_f1"], r["guard_change"]) for r in rows}  # fmt: skip
        cache: dict[tuple[tuple[Candidate, ...], bool], Any] = {}
        for name, cands in procs.items():
            allowed = sorted((c for c in cands if score[c][1] >= -GUARD_TOLERANCE), key=lambda c: _key(c, score[c][0]))
            top = tuple(allowed[:TOP]) or tuple(cands[:1])
            prior = name == "prior"
            if (top, prior) not in cache:
                cache[top, prior] = nl.adapt_target_model(
                    train, candidates=top, require_gain_ci=False, n_boot=200, prior_correction=prior
                )
            model = cache[top, prior]
            cv = model.provenance["cv"]
            adapted = bool(model.provenance.get("adapted"))
            pred = labels_of(held, model) if adapted else before[te]
            preds[f"{name}_noci"][te] = pred
            preds[f"{name}_ci"][te] = pred if adapted and cv["gain"]["ci_low"] > 0 else before[te]
            print(f"  {proxy} fold {k} {name}: chosen {cv['chosen']}, inner gain {cv['gain']['macro_f1']:+.3f} "
                  f"({cv['gain']['ci_low']:+.3f} to {cv['gain']['ci_high']:+.3f})", flush=True)  # fmt: skip
    print(f"== {proxy}: {len(pool)} items, nested {folds}-fold, {time.perf_counter() - t0:.0f}s", flush=True)
    table = pool.drop(columns=["text"]).assign(before=before, **preds)
    out.mkdir(parents=True, exist_ok=True)
    table.to_csv(out / f"{proxy}.csv", index=False)
    summarize({proxy: table})


def _paired(t: pd.DataFrame, a: str, b: str) -> str:
    truth, pa, pb = t["label"].to_numpy(), t[a].to_numpy(), t[b].to_numpy()
    d = macro_f1(truth, pb) - macro_f1(truth, pa)
    lo, hi = cluster_bootstrap(t["group"].tolist(), lambda i: macro_f1(truth[i], pb[i]) - macro_f1(truth[i], pa[i]),
                               n_boot=1000)  # fmt: skip
    return f"{d:+.3f} ({lo:+.3f} to {hi:+.3f})"


def _fold_gains(t: pd.DataFrame, column: str, folds: int = 5) -> str:
    """Macro-F1 gain of ``column`` over the packaged model on each outer fold's held-out part (same folds)."""
    from sklearn.model_selection import GroupKFold

    truth = t["label"].to_numpy()
    out = []
    for _, te in GroupKFold(n_splits=folds).split(t, groups=t["article_id"].astype(str)):  # as in run_pool
        out.append(macro_f1(truth[te], t[column].to_numpy()[te]) - macro_f1(truth[te], t["before"].to_numpy()[te]))
    return "[" + ", ".join(f"{v:+.3f}" for v in out) + f"] worst {min(out):+.3f}"


def summarize(tables: dict[str, pd.DataFrame]) -> None:
    """Per pool and pooled over pools (mean of the per-pool macro-F1 differences; bootstrap over pool x document)."""
    cols = [c for c in next(iter(tables.values())).columns if c.endswith(("_ci", "_noci"))]
    for proxy, t in tables.items():
        # bootstrap clusters: documents (the outlets pool: articles; its CV groups, article_id, are events)
        t = t.assign(group=proxy + ":" + t["article" if "article" in t.columns else "article_id"].astype(str))
        print(f"-- {proxy}: gain over packaged, " + "; ".join(f"{c} {_paired(t, 'before', c)}" for c in cols))
        print("   paired vs base_ci: " + "; ".join(f"{c} {_paired(t, 'base_ci', c)}" for c in cols if c != "base_ci"))
        print("   per outer fold, gain over packaged: " + "; ".join(f"{c} {_fold_gains(t, c)}" for c in cols))
    if len(tables) > 1:
        for c in cols:
            diffs = {p: macro_f1(t["label"].to_numpy(), t[c].to_numpy()) - macro_f1(t["label"].to_numpy(),
                     t["base_ci"].to_numpy()) for p, t in tables.items()}  # fmt: skip
            gains = {p: macro_f1(t["label"].to_numpy(), t[c].to_numpy()) - macro_f1(t["label"].to_numpy(),
                     t["before"].to_numpy()) for p, t in tables.items()}  # fmt: skip
            print(f"== {c}: mean gain over packaged {np.mean(list(gains.values())):+.3f} (worst pool "
                  f"{min(gains.values()):+.3f}); mean change vs base_ci {np.mean(list(diffs.values())):+.3f} "
                  f"(per pool {', '.join(f'{p} {v:+.3f}' for p, v in diffs.items())})")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--proxy", choices=POOLS)
    parser.add_argument("--out", default="/tmp/adaptation_variants")
    parser.add_argument("--only", nargs="+", choices=PROCEDURES, default=[])
    parser.add_argument("--summary", help="read DIR/<pool>.csv of finished runs and print the pooled comparison")
    args = parser.parse_args(argv)
    if args.summary:
        found = {p: pd.read_csv(Path(args.summary) / f"{p}.csv", keep_default_na=False) for p in POOLS
                 if (Path(args.summary) / f"{p}.csv").is_file()}  # fmt: skip
        summarize(found)
        return 0
    if not args.proxy:
        parser.error("give --proxy POOL or --summary DIR")
    run_pool(Path(args.data_dir), args.proxy, Path(args.out), only=tuple(args.only))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
