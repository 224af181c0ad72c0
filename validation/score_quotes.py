"""Score nl.find_quotes against the hand-annotated attributions in validation/annotations/quotes.tsv.

Usage: .venv/bin/python validation/score_quotes.py [--split all|mtsc|written] [--errors N]
                                                  [--min-overlap 0.5] [--bootstrap 1000] [--annotations DIR]
       .venv/bin/python validation/score_quotes.py --attributions dev|test|spent|fresh1|...|fresh5|all ...

``--attributions`` scores the attribution set (validation/annotations/attributions/, every attribution in
PolNeAR's sense, rebuilt from NewsMTSC train by validation/attribution_gold.py) instead; its gold kinds are
direct, partial, indirect and no-mark (partial, indirect and no-mark are all "indirect" to find_quotes).
Its ``test`` part was scored once (attrib3), ``fresh1`` once (attrib4), ``fresh2`` once (at5) and ``fresh3`` once
(at6) and ``fresh4`` once (at7): all are spent; ``fresh5`` (at8) is untouched until the end of that round (see its
README); ``spent`` is dev, test and fresh1 … fresh4 since at8 (``all`` adds fresh5).

Matching: a predicted quote matches a gold attribution of the same article when their character spans
overlap by at least --min-overlap of the shorter span; each predicted quote goes to the gold row it
overlaps best (Jaccard), so several predicted pieces of one long attribution all count as right and the
gold row counts once. Speakers: the predicted speaker is ``speaker_resolved`` (else ``speaker``) and is
compared with ``same_person``: annotation_gold.same_name, and a middle initial dropped ("Paul D. Ryan" ~
"Paul Ryan", as a human coder reads it; at5), and a source phrase with a trailing prepositional modifier
("a recent poll … from October 14-17" ~ "a recent poll …"; at6) (case-insensitive; titles and appositions
dropped; one name may be a word-suffix of the other, so "Graham" ~ "Lindsey Graham" but "Ivanka Trump" !~
"Donald Trump"; a gold "" means the text names nobody and only an empty or pronoun speaker is right).

Reported: precision (share of predicted quotes that match a gold attribution), recall (share of gold
found), speaker accuracy (share of found gold whose speaker is right by some matching prediction), and
end to end (found with the right speaker, over all gold), overall with bootstrap 95% intervals
(resampling articles), per gold kind, per predicted kind, per predicted rule and per speaker_rule.
The set was annotated before any scoring; see validation/annotations/README.md.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import pandas as pd
from annotation_gold import (
    ANNOTATIONS,
    SPLITS,
    bootstrap,
    die,
    in_split,
    load_articles,
    locate,
    ratio,
    read_table,
    same_name,
    split_of,
)
from attribution_gold import load_gold as load_attribution_gold
from attribution_gold import load_passages

import newslab as nl

GOLD_COLUMNS = ("article_id", "kind", "quote", "speaker", "cue", "note")
# A quotation mark: double marks, an opening single mark, or a straight/closing single mark at a word edge
# (an apostrophe inside a word, as in "state's", is not one).
QUOTE_MARK = r"[\"“”‘]|(?:^|\s)['’]|['’](?:\s|$)"


def predicted_speaker(row: pd.Series) -> str:
    """The name a prediction gives: the resolved speaker, else the speaker as written."""
    resolved = str(row.get("speaker_resolved") or "")
    return resolved if resolved.strip() else str(row.get("speaker") or "")


def match(predicted: pd.DataFrame, gold: pd.DataFrame, min_overlap: float) -> pd.Series:
    """For each predicted row, the index of the gold row it matches (-1 for none)."""
    by_article = {a: g for a, g in gold.groupby("article_id")}
    out = []
    for row in predicted.itertuples():
        best, best_score = -1, 0.0
        g = by_article.get(row.article_id)
        if g is not None:
            for gi, s, e in zip(g.index, g["start"], g["end"], strict=True):
                overlap = min(row.end, e) - max(row.start, s)
                shorter = min(row.end - row.start, e - s)
                if overlap <= 0 or shorter <= 0 or overlap < min_overlap * shorter:
                    continue
                score = overlap / (max(row.end, e) - min(row.start, s))
                if score > best_score:
                    best, best_score = gi, score
        out.append(best)
    return pd.Series(out, index=predicted.index, dtype=int)


def score_rows(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Gold rows with found, speaker_ok and the predicted speakers that matched them."""
    gold = gold.copy()
    matched = predicted[predicted["gold"] >= 0]
    speakers = matched.groupby("gold")["name"].agg(list)
    ok = matched.groupby("gold")["speaker_ok"].any()
    gold["found"] = gold.index.isin(matched["gold"])
    gold["speaker_ok"] = gold.index.map(lambda i: bool(ok.get(i, False)))
    gold["predicted_speakers"] = gold.index.map(lambda i: speakers.get(i, []))
    return gold


def summary(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Precision, recall, speaker accuracy and end-to-end for one slice."""
    found = int(gold["found"].sum())
    return {
        "predicted": len(predicted),
        "gold": len(gold),
        "precision": ratio(int((predicted["gold"] >= 0).sum()), len(predicted)),
        "recall": ratio(found, len(gold)),
        "speaker_acc": ratio(int(gold["speaker_ok"].sum()), found),
        "end_to_end": ratio(int(gold["speaker_ok"].sum()), len(gold)),
    }


def per_rule(predicted: pd.DataFrame, column: str) -> pd.DataFrame:
    """Per predicted rule: count, precision, speaker right among matched, share with no speaker."""
    rows = []
    for rule, p in predicted.groupby(column):
        m = p[p["gold"] >= 0]
        rows.append({
            column: rule,
            "predicted": len(p),
            "precision": ratio(len(m), len(p)),
            "speaker_acc": ratio(int(m["speaker_ok"].sum()), len(m)),
            "no_speaker": ratio(int((p["name"].str.strip() == "").sum()), len(p)),
        })  # fmt: skip
    return pd.DataFrame(rows).sort_values("predicted", ascending=False)


def article_counts(predicted: pd.DataFrame, gold: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """Per-article counts for the bootstrap."""
    p = predicted.groupby("article_id").agg(pred=("gold", "size"), pred_ok=("gold", lambda s: int((s >= 0).sum())))
    g = gold.groupby("article_id").agg(gold=("found", "size"), found=("found", "sum"), speaker_ok=("speaker_ok", "sum"))
    return pd.DataFrame(index=ids).join(p).join(g).fillna(0)


def print_errors(predicted: pd.DataFrame, gold: pd.DataFrame, n: int) -> None:
    """Up to n rows of each error type, to read."""

    def cut(text: str, width: int = 110) -> str:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 3] + "..."

    print(f"\nErrors (up to {n} of each kind)")
    misses = gold[~gold["found"]]
    print(f"-- missed gold attributions ({len(misses)})")
    for r in misses.head(n).itertuples():
        print(f"  {r.article_id} [{r.kind}, {r.cue}] {r.speaker or '(nobody)'!s}: {cut(r.quote)}")
    wrong = gold[gold["found"] & ~gold["speaker_ok"]]
    print(f"-- found with a wrong speaker ({len(wrong)})")
    for r in wrong.head(n).itertuples():
        print(f"  {r.article_id} gold {r.speaker or '(nobody)'!r} got {r.predicted_speakers}: {cut(r.quote)}")
    spurious = predicted[predicted["gold"] < 0]
    print(f"-- predicted quotes matching no gold attribution ({len(spurious)})")
    for r in spurious.head(n).itertuples():
        print(f"  {r.article_id} [{r.kind}, {r.rule}] {r.name or '(nobody)'!s}: {cut(r.quote)}")


_MIDDLE_INITIAL = re.compile(r"(?<=\w)\s+[A-Z]\.(?=\s+\w)")


def same_person(predicted: str, gold: str) -> bool:
    """annotation_gold.same_name, and a middle initial is the same person, as a human coder reads it (at5).

    "Paul D. Ryan" ~ "Paul Ryan" and "George W. Bush" ~ "George Bush"; "George H.W. Bush" keeps its
    two initials (a father is not his son), and a lone initial never makes two names agree.

    >>> same_person("Paul D. Ryan", "Paul Ryan"), same_person("Paul Ryan", "Ryan|Paul D. Ryan")
    (True, True)
    >>> same_person("Paul D. Ryan", "Paul Smith"), same_person("George H.W. Bush", "George Bush")
    (False, False)
    """
    if same_name(predicted, gold):
        return True
    if _same_source_with_modifier(predicted, gold):
        return True
    plain = "|".join(_MIDDLE_INITIAL.sub("", a) for a in gold.split("|"))
    return same_name(_MIDDLE_INITIAL.sub("", predicted), plain)


#: Prepositions that open a trailing modifier of a source phrase ("a recent poll … from October 14-17").
_MODIFIER_PREPOSITIONS = ("from", "in", "on", "of", "at", "by", "for", "during", "between", "with", "since")


def _same_source_with_modifier(predicted: str, gold: str) -> bool:
    """A source phrase the coder wrote, with a trailing prepositional modifier, is the same source (at6).

    "a recent poll conducted by the Braun campaign from October 14-17" names the source the coder wrote as
    "a recent poll conducted by the Braun campaign": a careful coder accepts it. Only for alternatives of at
    least two words (a surname plus "of New York" stays with annotation_gold.same_name).

    >>> _same_source_with_modifier("a recent poll by X from October 14-17", "a recent poll by X|X")
    True
    >>> _same_source_with_modifier("a recent poll by X and Y", "a recent poll by X")
    False
    """
    low = " ".join(predicted.lower().split())
    for alternative in gold.split("|"):
        alt = " ".join(alternative.lower().split())
        if len(alt.split()) >= 2 and low.startswith(alt + " "):
            rest = low[len(alt) + 1 :].split()
            if rest and rest[0] in _MODIFIER_PREPOSITIONS:
                return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotations", default=str(ANNOTATIONS), help="folder with articles.jsonl and quotes.tsv")
    parser.add_argument("--split", choices=SPLITS, default="all", help="NewsMTSC passages, written articles, or all")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N error rows of each kind")
    parser.add_argument("--min-overlap", type=float, default=0.5, help="overlap share of the shorter span")
    parser.add_argument("--bootstrap", type=int, default=1000, metavar="B", help="bootstrap replicates (0: none)")
    parser.add_argument(
        "--attributions",
        choices=("dev", "test", "spent", "fresh1", "fresh2", "fresh3", "fresh4", "fresh5", "all"),
        help="score the attribution set's part",
    )
    args = parser.parse_args(argv)
    if not 0 < args.min_overlap <= 1:
        die(f"--min-overlap={args.min_overlap}; give a share in (0, 1]")
    directory = Path(args.annotations)
    t0 = time.perf_counter()
    if args.attributions:
        subset = load_passages(split=args.attributions)
        gold = load_attribution_gold(subset)
        ids = [a.id for a in subset]
        args.split = f"attributions/{args.attributions}"
    else:
        corpus = load_articles(directory)
        gold = read_table(directory / "quotes.tsv", GOLD_COLUMNS)
        gold = locate(corpus, gold, "quote", "quotes.tsv")
        gold = gold[in_split(gold["article_id"], args.split)].reset_index(drop=True)
        ids = [a.id for a in corpus if args.split in ("all", split_of(a.id))]
        subset = nl.Corpus([corpus[i] for i in ids])

    predicted = nl.find_quotes(subset).reset_index(drop=True)
    predicted["name"] = predicted.apply(predicted_speaker, axis=1) if len(predicted) else pd.Series(dtype=str)
    predicted["gold"] = match(predicted, gold, args.min_overlap)
    predicted["speaker_ok"] = [
        g >= 0 and same_person(name, gold.at[g, "speaker"])
        for g, name in zip(predicted["gold"], predicted["name"], strict=True)
    ]
    gold = score_rows(predicted, gold)
    seconds = time.perf_counter() - t0

    print(f"Quote attribution on the development set (split={args.split}): {len(ids)} articles, "
          f"{len(gold)} gold attributions, {len(predicted)} predicted quotes; overlap >= {args.min_overlap:.0%} "
          f"of the shorter span ({seconds:.1f} s)")  # fmt: skip
    if args.bootstrap:
        counts = article_counts(predicted, gold, ids)
        ci = bootstrap(
            counts,
            {
                "precision": lambda s: ratio(s["pred_ok"], s["pred"]),
                "recall": lambda s: ratio(s["found"], s["gold"]),
                "speaker accuracy (of found)": lambda s: ratio(s["speaker_ok"], s["found"]),
                "end to end (found, right speaker)": lambda s: ratio(s["speaker_ok"], s["gold"]),
            },
            replicates=args.bootstrap,
        )
        print(f"\nOverall, 95% bootstrap interval over articles ({args.bootstrap} replicates)")
        print(ci.round(3).to_string(index=False))
    print("\nBy gold kind (precision: predicted quotes of that kind)")
    rows = []
    for kind in ("direct", "indirect", "partial", "no-mark"):
        g = gold[gold["kind"] == kind]
        p = predicted[predicted["kind"] == kind]
        if len(g):
            rows.append({"kind": kind, **summary(p, g)})
    rows.append({"kind": "all", **summary(predicted, gold)})
    print(pd.DataFrame(rows).round(3).to_string(index=False))
    gold_no_marks = gold[(gold["kind"] == "indirect") & ~gold["quote"].str.contains(QUOTE_MARK, regex=True)]
    print(f"Reported speech without any quotation mark: {len(gold_no_marks)} gold, "
          f"recall {ratio(int(gold_no_marks['found'].sum()), len(gold_no_marks)):.3f}, "
          f"end to end {ratio(int(gold_no_marks['speaker_ok'].sum()), len(gold_no_marks)):.3f}")  # fmt: skip
    named = predicted[(predicted["gold"] >= 0) & (predicted["name"].str.strip() != "")]
    print(f"Matched predictions that name a speaker: {len(named)} of {int((predicted['gold'] >= 0).sum())}; "
          f"right when named: {ratio(int(named['speaker_ok'].sum()), len(named)):.3f}")  # fmt: skip
    for column in ("rule", "speaker_rule"):
        if column in predicted.columns and len(predicted):
            print(f"\nBy predicted {column}")
            print(
                per_rule(predicted.assign(**{column: predicted[column].fillna("")}), column)
                .round(3)
                .to_string(index=False)
            )
    if args.errors:
        print_errors(predicted, gold, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
