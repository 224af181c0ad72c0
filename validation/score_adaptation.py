"""Score ``nl.adapt_target_model`` on domain shifts built from the development data.

Usage: python validation/score_adaptation.py [DATA_DIR] [--proxy nyt|mt|ewt|answers|all] [--seeds 0] [--n-adapt 300]
       python validation/score_adaptation.py --proxy ewt --cv           # CV on the ewt (reviews) pool only
       python validation/score_adaptation.py --proxy answers --cv       # CV on the answers pool only
       python validation/score_adaptation.py --proxy answers --cv --dev # + the pool-adapted model on NewsMTSC dev
       python validation/score_adaptation.py --proxy answers --final    # the one score on the answers test part (spent)
       python validation/score_adaptation.py --proxy newsgroup --nested # nested CV on a pool (inner CV chooses)
       python validation/score_adaptation.py --proxy newsgroup --nested --no-words  # the same without word features
       python validation/score_adaptation.py --proxy newsgroup --final  # the one score on the newsgroup test (spent)
       python validation/score_adaptation.py --proxy weblog --nested    # round 4: also with/without decision offsets
       python validation/score_adaptation.py --proxy weblog --final     # the one score on the weblog test (spent)
       python validation/score_adaptation.py --proxy editorial --final  # round 6: the one NYT test score (spent)
       python validation/score_adaptation.py --proxy outlets --nested --no-ci-rule  # round 8: with and without CI rule
       python validation/score_adaptation.py --proxy outlets --final    # round 8: the one outlets test score (spent)
       python validation/score_adaptation.py --proxy outlets --unadapted  # packaged model on all coded items

The outside target: adapted with 300 coded items of a domain newslab was not trained on, macro-F1
on the rest of that set rises by >= 0.10 over the packaged model, and it falls by <= 0.01 on
NewsMTSC test. We have no labelled target-sentiment data of another domain, so two proxies are
built here (say so wherever the numbers are quoted):

* ``nyt``: VADER's New York Times editorial snippets (``vader_nyt_dev``). Each snippet's first
  noun phrase (TextBlob's offline pattern chunker; possessive pronouns and determiners skipped)
  is the target, and the snippet's mean human rating is projected on it: >= +0.5 positive,
  <= -0.5 negative, else neutral. A real shift in genre (opinion writing, not news reports) and
  in label meaning (sentence tone, not tone toward a target); the labels are noisy for targets.
* ``mt``: NewsMTSC ``mt`` dev (sentences with several targets) as the "new" set; a small shift
  within the training distribution.
* ``ewt``: customer reviews from the UD English Web Treebank with target tone coded by hand
  (``validation/annotations/ewt_reviews_target_tone.tsv``, see ``ewt_README.md``): real target
  labels in a real shifted domain. Split by document into an adaptation pool and a test part.
  Its test part was scored once (round 1) and is spent: only ``--cv`` (the pool) runs.
* ``answers``: the same for the *answers* genre of UD EWT (Yahoo! Answers questions and answers,
  ``ewt_answers_target_tone.tsv``), a second shifted domain with its own untouched test part.
  Without a flag, these runs are refused: ``--cv`` runs ``adapt_target_model`` on the pool and
  prints its grouped CV (the development measure; the test part is not read), ``--final`` adapts on
  whole pool documents drawn until >= ``n-adapt`` items and scores the test part (run once).
* ``newsgroup``: the same for the *newsgroup* genre (Usenet posts, ``ewt_newsgroup_target_tone.tsv``),
  round 3. Its test part was scored once at the end of round 3 and is spent: only ``--cv`` and
  ``--nested`` run on its pool.
* ``weblog``: the same for the *weblog* genre (political blogs, ``ewt_weblog_target_tone.tsv``), round 4,
  its test part was scored once at the end of round 4 and is spent.
* ``email``: the same for the *email* genre (Enron e-mail, ``ewt_email_target_tone.tsv``), round 5, spent.
* ``editorial``: NYT editorial snippets with target tone coded by hand (``nyt_target_tone.tsv``, see
  ``nyt_README.md``; not the ``nyt`` projection above), round 6: opinion writing, split by article; its test
  part was scored once at the end of round 6 and is spent.
* ``outlets``: target mentions of the multi-outlet news articles (spent parts ``dev/`` and ``heldout2/``) coded
  for what the sentence says of the target (``validation/annotations/outlet_tone/``, round 8): the first pool
  whose label leaves out evaluations aimed at another name. Split by event; the CV groups and folds are events
  (``article_id`` holds the event: the three articles of an event retell one story), the CIs of ``paired`` resample
  articles (``article``).

For each seed, whole articles (nyt: article id; mt: sentence) are drawn until >= ``n-adapt``
items; the model is adapted on them and scored once on the rest of the set, and once on NewsMTSC
``rw`` and ``mt`` dev (dev, never test; for ``mt`` the adapted items are excluded from the mt dev
score). CIs: 95% cluster bootstrap (articles / sentences), paired for differences.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import newslab as nl  # noqa: E402
from newslab.adapt import without_decision_offsets  # noqa: E402
from newslab.scores import cluster_bootstrap, macro_f1  # noqa: E402

POLARITY = {-1: "negative", 0: "neutral", 1: "positive"}
#: rating thresholds of the nyt proxy (VADER's own 3-class cut is +/-0.05 on its compound score;
#: on the -4..+4 human scale we take +/-0.5 so that "neutral" holds the hedged middle)
NYT_CUT = 0.5


def tagged_tokens(text: str) -> tuple[list[list[str]], list[tuple[int, int] | None]]:
    """TextBlob's offline pattern parse of ``text`` (``[word, tag, chunk, ...]`` per token) and each token's
    character span in ``text`` (``None`` where the parser's word is not found after the previous one)."""
    from textblob.en.parsers import PatternParser

    tokens = [t for sent in PatternParser().parse(text).split() for t in sent]
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for tok in tokens:
        i = text.find(tok[0], pos)
        spans.append(None if i < 0 else (i, i + len(tok[0])))
        if i >= 0:
            pos = i + len(tok[0])
    return tokens, spans


def first_noun_phrase(text: str) -> tuple[int, int] | None:
    """Character span of the first noun-phrase chunk (without leading determiners/possessives), or None."""
    tokens, spans = tagged_tokens(text)
    chunk: list[int] = []
    for k, tok in enumerate(tokens):
        in_np = len(tok) > 2 and tok[2].endswith("NP") and spans[k] is not None and tok[1] not in ("PRP$", "DT", "PRP")
        if in_np and (not chunk or k == chunk[-1] + 1):
            chunk.append(k)
        elif chunk:
            break
    if not chunk:
        return None
    return spans[chunk[0]][0], spans[chunk[-1]][1]  # type: ignore[index]


def nyt_items(data_dir: Path) -> pd.DataFrame:
    """The nyt proxy: one target item per snippet with a noun phrase."""
    snippets = pd.read_csv(
        data_dir / "vader_nyt_dev" / "nyt_snippets_dev.tsv", sep="\t", header=None, names=["id", "rating", "text"]
    )
    rows = []
    for rec in snippets.itertuples(index=False):
        span = first_noun_phrase(str(rec.text))
        if span is None:
            continue
        label = "positive" if rec.rating >= NYT_CUT else "negative" if rec.rating <= -NYT_CUT else "neutral"
        rows.append((rec.text, span[0], span[1], label, str(rec.id).split("_")[0]))
    return pd.DataFrame(rows, columns=["text", "start", "end", "label", "article_id"])


ANNOTATIONS = REPO / "validation" / "annotations"
#: the hand-coded UD EWT genres: proxy name -> (codes file, sent_id prefix, whether the test part may still be scored)
EWT_SETS = {
    "ewt": (ANNOTATIONS / "ewt_reviews_target_tone.tsv", "reviews-", False),  # test part scored once in round 1
    "answers": (ANNOTATIONS / "ewt_answers_target_tone.tsv", "answers-", False),  # test part scored in round 2
    "newsgroup": (ANNOTATIONS / "ewt_newsgroup_target_tone.tsv", "newsgroup-", False),  # test part scored in round 3
    "weblog": (ANNOTATIONS / "ewt_weblog_target_tone.tsv", "weblog-", False),  # test part scored in round 4
    "email": (ANNOTATIONS / "ewt_email_target_tone.tsv", "email-", False),  # test part scored in round 5
    # round 6: NYT editorial snippets coded by hand (nyt_README.md); not UD EWT, read by editorial_items
    "editorial": (ANNOTATIONS / "nyt_target_tone.tsv", "", False),  # test part scored once at the end of round 6
    # round 8: outlet news coded for what the sentence says of the target (outlet_tone/README.md); outlet_items
    "outlets": (ANNOTATIONS / "outlet_tone" / "codes.tsv", "", False),  # test part scored once at round 8's end
}


def ewt_sentences(data_dir: Path, prefix: str = "reviews-") -> dict[str, str]:
    """``sent_id`` -> the ``# text =`` line, for the documents of one genre of the UD EWT train and dev files."""
    out: dict[str, str] = {}
    for path in sorted((data_dir / "ud_ewt").glob("*.conllu")):
        sent_id = None
        for line in path.open(encoding="utf-8"):
            if line.startswith("# sent_id = "):
                sent_id = line[len("# sent_id = ") :].strip()
            elif line.startswith("# text = ") and sent_id is not None and sent_id.startswith(prefix):
                out[sent_id] = line[len("# text = ") :].rstrip("\n")
    return out


def editorial_items(data_dir: Path, part: str) -> pd.DataFrame:
    """The hand-coded NYT editorial proxy: coded targets of one split part, texts read from ``vader_nyt_dev``."""
    path = EWT_SETS["editorial"][0]
    codes = pd.read_csv(path, sep="\t", keep_default_na=False)
    codes = codes[codes["split"] == part]
    texts = {}
    for line in (data_dir / "vader_nyt_dev" / "nyt_snippets_dev.tsv").open(encoding="utf-8"):
        sid, _rating, text = line.rstrip("\n").split("\t", 2)
        texts[sid] = text
    rows = []
    for rec in codes.itertuples(index=False):
        text = texts.get(rec.snippet_id)
        if text is None or text[rec.start : rec.end] != rec.target:
            raise SystemExit(f"{path.name}: {rec.snippet_id} ({rec.start}, {rec.end}) does not match the snippets")
        rows.append((text, rec.start, rec.end, rec.label, str(rec.article_id)))
    return pd.DataFrame(rows, columns=["text", "start", "end", "label", "article_id"])


def outlet_items(part: str) -> pd.DataFrame:
    """The outlet proxy: coded mentions of one split part ("adapt" = the pool, or "test"), each in its sentence.

    ``article_id`` is the event (the CV's group), ``article`` the article (the bootstrap's cluster).
    """
    from newslab.tokenizers import sentence_spans

    path = EWT_SETS["outlets"][0]
    codes = pd.read_csv(path, sep="\t", keep_default_na=False)
    codes = codes[codes["split"] == ("pool" if part == "adapt" else part)]
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    for sub in sorted({str(p) for p in codes["part"]}):
        for line in (ANNOTATIONS / "outlets" / sub / "articles.jsonl").open(encoding="utf-8"):
            rec = json.loads(line)
            spans[rec["id"]] = (rec["text"], sentence_spans(rec["text"]))
    rows = []
    for rec in codes.itertuples(index=False):
        text, sents = spans[rec.article_id]
        a, b = sents[rec.sentence_id]
        if text[rec.start : rec.end] != rec.mention or rec.start - a != rec.sent_start:
            raise SystemExit(f"{path.name}: {rec.article_id} ({rec.start}, {rec.end}) does not match the article")
        rows.append((text[a:b], rec.sent_start, rec.sent_end, rec.label, rec.event, rec.article_id))
    return pd.DataFrame(rows, columns=["text", "start", "end", "label", "article_id", "article"])


def ewt_items(data_dir: Path, part: str, proxy: str = "ewt") -> pd.DataFrame:
    """A hand-coded EWT proxy: coded targets of one split part ("adapt" or "test"), texts read from the treebank."""
    if proxy == "editorial":
        return editorial_items(data_dir, part)
    if proxy == "outlets":
        return outlet_items(part)
    path, prefix, _ = EWT_SETS[proxy]
    codes = pd.read_csv(path, sep="\t", keep_default_na=False)
    codes = codes[codes["split"] == part]
    texts = ewt_sentences(data_dir, prefix)
    rows = []
    for rec in codes.itertuples(index=False):
        text = texts.get(rec.sent_id)
        if text is None or text[rec.start : rec.end] != rec.target:
            raise SystemExit(f"{path.name}: {rec.sent_id} ({rec.start}, {rec.end}) does not match the treebank")
        rows.append((text, rec.start, rec.end, rec.label, rec.doc_id))
    return pd.DataFrame(rows, columns=["text", "start", "end", "label", "article_id"])


def newsmtsc_items(path: Path) -> pd.DataFrame:
    recs = [json.loads(line) for line in path.open(encoding="utf-8")]
    return pd.DataFrame(
        [(r["sentence"], r["from"], r["to"], POLARITY[int(r["polarity"])], r["sentence"]) for r in recs],
        columns=["text", "start", "end", "label", "article_id"],
    )


#: the label-shifted stress pool (a simulation, see stress_items): the share of each label's items kept
STRESS_KEEP = {"negative": 1.0, "neutral": 0.1, "positive": 0.2}


def stress_items(data_dir: Path) -> pd.DataFrame:
    """A label-shifted simulation: the reviews, newsgroup and weblog pools with every negative item but only
    a tenth of the neutral and a fifth of the positive ones (chosen by a hash of the item), so that negatives
    dominate as in posts about a disliked politician; p(text | label) is as coded, only the label shares move.
    Test parts are not read."""
    import hashlib

    pools = pd.concat([ewt_items(data_dir, "adapt", p) for p in ("ewt", "newsgroup", "weblog")], ignore_index=True)
    draw = [
        int(hashlib.sha256(f"{t}|{a}|{b}".encode()).hexdigest()[:8], 16) / 16**8
        for t, a, b in zip(pools["text"], pools["start"], pools["end"], strict=True)
    ]
    keep = np.array(draw) < pools["label"].map(STRESS_KEEP).to_numpy()
    return pools[keep].reset_index(drop=True)


def pool_items(data_dir: Path, proxy: str) -> pd.DataFrame:
    """The adaptation pool of an EWT proxy, or the stress pool."""
    return stress_items(data_dir) if proxy == "stress" else ewt_items(data_dir, "adapt", proxy)


def split(items: pd.DataFrame, n_adapt: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Whole articles drawn at random until at least ``n_adapt`` items; the rest is the evaluation set."""
    order = np.random.default_rng(seed).permutation(items["article_id"].unique())
    sizes = items["article_id"].value_counts()
    chosen, n = [], 0
    for art in order:
        if n >= n_adapt:
            break
        chosen.append(art)
        n += int(sizes[art])
    mask = items["article_id"].isin(chosen)
    return items[mask].reset_index(drop=True), items[~mask].reset_index(drop=True)


def labels_of(items: pd.DataFrame, model: nl.TargetModel | None) -> np.ndarray:
    pairs = list(zip(items["text"], zip(items["start"], items["end"], strict=True), strict=True))
    return np.array([r.label for r in nl.target_sentiment_many(pairs, model=model)])


def paired(items: pd.DataFrame, before: np.ndarray, after: np.ndarray) -> str:
    truth = items["label"].to_numpy()
    f0, f1 = macro_f1(truth, before), macro_f1(truth, after)
    lo, hi = cluster_bootstrap(
        items["article" if "article" in items.columns else "article_id"].tolist(),
        lambda idx: macro_f1(truth[idx], after[idx]) - macro_f1(truth[idx], before[idx]),
        n_boot=1000,
    )
    return f"{f0:.4f} -> {f1:.4f} (change {f1 - f0:+.4f}, 95% CI {lo:+.4f} to {hi:+.4f}; n={len(items)})"


def cv_only(data: Path, proxy: str, dev: bool = False, **kwargs: Any) -> None:
    """Grouped CV of ``adapt_target_model`` on an EWT adaptation pool (the test part is not read).

    ``dev``: also score the model adapted on the whole pool on NewsMTSC ``rw`` and ``mt`` dev (the news guard).
    """
    pool = pool_items(data, proxy)
    print(f"== {proxy} pool: {len(pool)} items, {pool['article_id'].nunique()} documents, "
          f"labels {pool['label'].value_counts().to_dict()}")  # fmt: skip
    t0 = time.perf_counter()
    model = nl.adapt_target_model(pool, **kwargs)
    cv = model.provenance["cv"]
    print(f"adapted on the pool in {time.perf_counter() - t0:.0f}s; adapted={model.provenance['adapted']}; "
          f"chosen {cv['chosen']}")  # fmt: skip
    rows = [(r["candidate"], round(r["macro_f1"], 4), round(r["guard_change"], 4)) for r in cv["per_candidate"]]
    print("  per candidate (macro-F1, guard change):", rows)
    returned = {k: round(v, 4) for k, v in cv["guard"]["returned_model_change"].items()}
    print("  guard change of the returned model, candidates in CV order until one passes:", returned)
    print("  CV on the codes:", nl.adaptation_table(model).round(4).to_dict("records"))
    for name in ("rw", "mt") if dev else ():
        items = newsmtsc_items(data / "newsmtsc" / name / "dev.jsonl")
        print(f"  NewsMTSC {name} dev: {paired(items, labels_of(items, None), labels_of(items, model))}")


def nested_cv(
    data: Path, proxy: str, no_words: bool = False, folds: int = 5, predictions: str | None = None, **extra: Any
) -> None:
    """Nested grouped CV on an EWT adaptation pool: ``adapt_target_model`` (whose own inner CV chooses the
    candidate, word sets, k and l2) is run on each outer training part and scored on the outer held-out part.

    The honest development measure of the whole procedure (the inner CV's best score is optimistic: it is the
    maximum over ~30 candidates). ``no_words``: offset/retrain candidates without word features (the round-2
    procedure), for comparison. The test part is not read.
    """
    from sklearn.model_selection import GroupKFold

    pool = pool_items(data, proxy)
    print(f"== {proxy} pool: {len(pool)} items, {pool['article_id'].nunique()} documents, "
          f"labels {pool['label'].value_counts().to_dict()}")  # fmt: skip
    before = labels_of(pool, None)
    after, plain, ruled = before.copy(), before.copy(), before.copy()
    kwargs: dict[str, Any] = {"words": [()]} if no_words else {}
    kwargs.update(extra)
    t0 = time.perf_counter()
    for k, (tr, te) in enumerate(GroupKFold(n_splits=folds).split(pool, groups=pool["article_id"])):
        model = nl.adapt_target_model(pool.iloc[tr].reset_index(drop=True), n_boot=200, **kwargs)
        held = pool.iloc[te].reset_index(drop=True)
        after[te] = labels_of(held, model)
        gain = model.provenance["cv"]["gain"]
        ruled[te] = after[te] if model.provenance.get("adapted") and gain["ci_low"] > 0 else before[te]
        print(f"  outer fold {k}: inner gain {gain['macro_f1']:+.4f} ({gain['ci_low']:+.4f} to {gain['ci_high']:+.4f})")
        plain[te] = labels_of(held, without_decision_offsets(model))
        offsets = model.provenance["cv"].get("decision_offsets", {})
        print(f"  outer fold {k}: {offsets.get('method', 'offsets')} used={offsets.get('used')} "
              f"power={offsets.get('power')} smoothing={offsets.get('smoothing')} shift={offsets.get('shift')} "
              f"inner CV {offsets.get('cv_macro_f1_without', float('nan')):.4f} -> "
              f"{offsets.get('cv_macro_f1_with', float('nan')):.4f}")  # fmt: skip
        per = model.provenance["cv"]["per_candidate"]
        best = {w: max((r["macro_f1"] for r in per if bool(r["words"]) == w), default=float("nan")) for w in (0, 1)}
        print(f"  outer fold {k}: chosen {model.provenance['cv']['chosen']}; inner CV best without words "
              f"{best[0]:.4f}, with words {best[1]:.4f}")  # fmt: skip
    print(f"== {proxy} pool, nested {folds}-fold CV{' (no word features)' if no_words else ''} "
          f"({time.perf_counter() - t0:.0f}s): {paired(pool, before, after)}")  # fmt: skip
    print(f"   without the decision offsets: {paired(pool, before, plain)}")
    if extra.get("require_gain_ci") is False:  # the same folds with the CI rule applied to each returned model
        print(f"   with the CI rule (packaged unless the inner gain's CI excludes 0): {paired(pool, before, ruled)}")
        print(f"   CI rule off vs on (paired): {paired(pool, ruled, after)}")
    if predictions:  # item-level predictions, to pair two nested runs (same deterministic outer folds)
        table = pool.drop(columns=["text"]).assign(before=before, plain=plain, after=after, ruled=ruled)
        table.to_csv(predictions, index=False)
    print(f"   offsets vs none (paired): {paired(pool, plain, after)}")


def unadapted_check() -> None:
    """The packaged model on every coded outlet item (both parts; nothing is fit): accuracy and macro-F1 with 95%
    cluster-bootstrap CIs over articles, per part and per target, and the confusion matrix (issue 23's row check)."""
    from newslab.scores import LABELS, confusion

    items = pd.concat(
        [outlet_items("adapt").assign(part="pool"), outlet_items("test").assign(part="test")], ignore_index=True
    )
    codes = pd.read_csv(EWT_SETS["outlets"][0], sep="\t", keep_default_na=False)
    items["target"] = pd.concat([codes[codes["split"] == p]["target"] for p in ("pool", "test")]).to_numpy()
    pred = labels_of(items, None)
    for name, mask in [
        ("all", np.ones(len(items), bool)),
        ("pool", (items["part"] == "pool").to_numpy()),
        ("test", (items["part"] == "test").to_numpy()),
        ("Trump mentions", (items["target"] == "Trump").to_numpy()),
        ("other targets", (items["target"] != "Trump").to_numpy()),
    ]:
        sub, p = items[mask].reset_index(drop=True), pred[mask]
        truth = sub["label"].to_numpy()
        acc = float(np.mean(truth == p))
        acc_ci = cluster_bootstrap(
            sub["article"].tolist(), lambda i, t=truth, q=p: float(np.mean(t[i] == q[i])), n_boot=1000
        )
        f1_ci = cluster_bootstrap(sub["article"].tolist(), lambda i, t=truth, q=p: macro_f1(t[i], q[i]), n_boot=1000)
        print(f"{name}: n={len(sub)}, {sub['article'].nunique()} articles; accuracy {acc:.3f} "
              f"({acc_ci[0]:.3f} to {acc_ci[1]:.3f}); macro-F1 {macro_f1(truth, p):.3f} "
              f"({f1_ci[0]:.3f} to {f1_ci[1]:.3f})")  # fmt: skip
    matrix = confusion(items["label"].to_numpy(), pred, LABELS).astype(int)
    print("confusion (rows: coded, columns: packaged model):", list(LABELS))
    for lab, row in zip(LABELS, matrix, strict=True):
        print(f"  {lab:>8}: {row.tolist()}")


def pair_runs(first: str, second: str, column: str = "after") -> None:
    """Paired difference of two nested runs written with ``--predictions`` (same pool, same outer folds):
    macro-F1 of ``column`` in ``second`` minus that in ``first``, with a cluster-bootstrap CI over documents."""
    a, b = pd.read_csv(first, keep_default_na=False), pd.read_csv(second, keep_default_na=False)
    if not (a[["start", "end", "label", "article_id"]].equals(b[["start", "end", "label", "article_id"]])):
        raise SystemExit(f"{first} and {second} hold different items; pair runs of the same pool")
    print(f"{second} vs {first} ({column}): {paired(a, a[column].to_numpy(), b[column].to_numpy())}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--proxy", choices=("nyt", "mt", *EWT_SETS, "stress", "all"), default="all")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--n-adapt", type=int, default=300)
    parser.add_argument("--cv", action="store_true", help="ewt, answers: CV on the adaptation pool only")
    parser.add_argument("--dev", action="store_true", help="with --cv: score the pool-adapted model on NewsMTSC dev")
    parser.add_argument("--nested", action="store_true", help="ewt, answers, newsgroup: nested CV on the pool")
    parser.add_argument("--no-words", action="store_true", help="with --nested: no word feature candidates")
    parser.add_argument("--predictions", help="with --nested: write the item-level predictions to this CSV")
    parser.add_argument("--pair", nargs=2, metavar="CSV", help="paired difference of two --predictions files")
    parser.add_argument("--gate-shifts", action="store_true", help="adapt with gate_shifts=GATE_SHIFTS_TRIED")
    parser.add_argument("--prior", action="store_true", help="adapt with prior_correction=True (round 5)")
    parser.add_argument("--no-ci-rule", action="store_true", help="with --nested: require_gain_ci=False, and both")
    parser.add_argument("--final", action="store_true", help="answers: adapt on the pool, score the test part once")
    parser.add_argument("--unadapted", action="store_true", help="outlets: the packaged model on every coded item")
    args = parser.parse_args(argv)
    data = Path(args.data_dir)
    if args.pair:
        pair_runs(*args.pair)
        return 0
    if args.unadapted:
        if args.proxy != "outlets":
            parser.error("--unadapted scores the packaged model on the outlets codes; give --proxy outlets")
        unadapted_check()
        return 0
    extra: dict[str, Any] = {"prior_correction": True} if args.prior else {}
    if args.no_ci_rule:
        extra["require_gain_ci"] = False
    if args.gate_shifts:
        from newslab.adapt import GATE_SHIFTS_TRIED

        extra["gate_shifts"] = GATE_SHIFTS_TRIED
    pools = (*EWT_SETS, "stress")
    if args.proxy in pools and args.nested:
        nested_cv(data, args.proxy, args.no_words, predictions=args.predictions, **extra)
        return 0
    if args.proxy in pools and args.cv:
        cv_only(data, args.proxy, args.dev, **extra)
        return 0
    if args.proxy == "stress":
        parser.error("--proxy stress (a simulation from the pools) needs --cv or --nested")
    if args.proxy in EWT_SETS and not (args.final and EWT_SETS[args.proxy][2]):
        parser.error(
            f"--proxy {args.proxy} needs --cv (development, pool only)"
            + (" or --final (the one test score)" if EWT_SETS[args.proxy][2] else "; its test part is spent")
        )
    dev = {name: newsmtsc_items(data / "newsmtsc" / name / "dev.jsonl") for name in ("rw", "mt")}
    proxies = {"nyt": lambda: nyt_items(data), "mt": lambda: dev["mt"]}
    dev_before = {name: labels_of(items, None) for name, items in dev.items()}
    for proxy in ("nyt", "mt") if args.proxy == "all" else (args.proxy,):
        if proxy in EWT_SETS:  # the pool for adapting, the untouched test part for scoring
            items, pool, test = pd.DataFrame(), ewt_items(data, "adapt", proxy), ewt_items(data, "test", proxy)
        else:
            items = proxies[proxy]()
            print(f"== proxy {proxy}: {len(items)} items, {items['article_id'].nunique()} articles, "
                  f"labels {items['label'].value_counts().to_dict()}")  # fmt: skip
        for seed in args.seeds:
            if proxy in EWT_SETS:
                adapt, rest = split(pool, args.n_adapt, seed)[0], test
            else:
                adapt, rest = split(items, args.n_adapt, seed)
            t0 = time.perf_counter()
            model = nl.adapt_target_model(adapt, seed=seed, **extra)
            cv = model.provenance["cv"]
            per_weight = [(r["candidate"], round(r["macro_f1"], 4)) for r in cv["per_candidate"]]
            print(f"seed {seed}: adapted on {len(adapt)} items in {time.perf_counter() - t0:.0f}s; "
                  f"chosen {cv['chosen']}; per candidate {per_weight}")  # fmt: skip
            print("  CV on the codes:", nl.adaptation_table(model).round(4).to_dict("records"))
            name_rest = f"{proxy} test part" if proxy in EWT_SETS else f"rest of the {proxy} set"
            print(f"  {name_rest}: {paired(rest, labels_of(rest, None), labels_of(rest, model))}")
            plain = without_decision_offsets(model)
            if plain is not model:
                print(f"    (the same model without its decision offsets: "
                      f"{paired(rest, labels_of(rest, None), labels_of(rest, plain))})")  # fmt: skip
            for name, dev_items in dev.items():
                keep = (
                    ~dev_items["article_id"].isin(adapt["article_id"])
                    if proxy == "mt"
                    else np.ones(len(dev_items), bool)
                )
                sub = dev_items[keep].reset_index(drop=True)
                print(f"  NewsMTSC {name} dev: {paired(sub, dev_before[name][keep], labels_of(sub, model))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
