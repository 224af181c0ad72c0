"""Draw (and show) the hand-check sample of non-name Trump mentions (issue 23, "no false credit").

Usage:
  python validation/sample_credit.py DATA_DIR --draw            # write validation/annotations/credit/sample.tsv
  python validation/sample_credit.py DATA_DIR --show dev|untouched [--new]
  python validation/sample_credit.py DATA_DIR --score dev|untouched   # precision before -> after, bootstrap CI

Articles are NewsMTSC train sentences grouped by the article part of ``primary_gid`` (as
``benchmarks/check_stages_equal.py`` rebuilds them; the 1,000 longest), minus every article that holds a
line or article key used anywhere in ``validation/annotations/``. The sample stores references only
(article key, character offsets in the rebuilt text, kind, rule); the judgement column is filled by hand.
``--show`` prints each item's context from the data (never stored); ``--new`` also lists the non-name Trump
mentions the current code makes in the part's articles that the stored items do not hold.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from check_target_tone_equal import rebuilt_articles  # noqa: E402

import newslab as nl  # noqa: E402

FOLDER = REPO / "validation" / "annotations" / "credit"
SAMPLE = FOLDER / "sample.tsv"
SEED = 20261207  # the fixed seed of the draw (the date of the draw)
N_ARTICLES = 1000  # the rebuilt articles check_stages_equal.py reads
N_ITEMS = 60  # 30 dev + 30 untouched
CONTEXT = 300  # characters of article text shown before a mention when judging


def used_lines_and_keys() -> tuple[set[int], set[str]]:
    """Every train.jsonl line and article key named in validation/annotations/ (READMEs, TSVs, JSONL)."""
    lines: set[int] = set()
    keys: set[str] = set()
    root = REPO / "validation" / "annotations"
    for path in root.rglob("*"):
        if not path.is_file() or "heldout" in path.parts or "credit" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        keys.update(re.findall(r"\b((?:allsides|polusa_v1|polusa|mtsc)_\d+)", text))
        if path.suffix == ".jsonl":
            for row in map(json.loads, text.splitlines()):
                if "line" in row:
                    lines.add(int(row["line"]))
        if path.suffix == ".tsv":
            with path.open(encoding="utf-8") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    for col in ("line", "lines"):
                        lines.update(int(x) for x in re.findall(r"\d+", row.get(col) or ""))
    return lines, keys


def candidate_articles(data_dir: Path) -> dict[str, str]:
    lines, keys = used_lines_and_keys()
    key_lines: dict[str, set[int]] = {}
    with (data_dir / "newsmtsc" / "train.jsonl").open(encoding="utf-8") as handle:
        for number, rec in enumerate(map(json.loads, handle), start=1):
            m = re.match(r"(\w+?_\d+)_\d+_(\d+)_", rec["primary_gid"])
            if m:
                key_lines.setdefault(m.group(1), set()).add(number)
    articles = rebuilt_articles(data_dir, N_ARTICLES)
    return {k: t for k, t in articles.items() if k not in keys and not (key_lines.get(k, set()) & lines)}


def non_name_trump(articles: dict[str, str]) -> list[dict[str, object]]:
    corpus = nl.Corpus(nl.Article(k, "", t) for k, t in articles.items())
    table = nl.find_mentions(corpus, [nl.TRUMP], progress=False)
    rows = table[(table["target"] == "Trump") & table["kind"].isin(["description", "pronoun"])]
    cols = ["article_id", "start", "end", "mention", "kind", "rule", "antecedent"]
    return [dict(zip(cols, r, strict=True)) for r in rows[cols].itertuples(index=False)]


def draw(data_dir: Path) -> None:
    items = non_name_trump(candidate_articles(data_dir))
    chosen = random.Random(SEED).sample(items, N_ITEMS)
    FOLDER.mkdir(parents=True, exist_ok=True)
    with SAMPLE.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["item", "part", "article_key", "start", "end", "kind", "rule", "judgement", "who"])
        for i, row in enumerate(chosen):
            part = "dev" if i < N_ITEMS // 2 else "untouched"
            refs = [row["article_id"], row["start"], row["end"], row["kind"], row["rule"]]
            out.writerow([f"c{i:02d}", part, *refs, "", ""])
    print(f"{len(items)} candidates; wrote {N_ITEMS} items to {SAMPLE}")


def show(data_dir: Path, part: str, new: bool) -> None:
    with SAMPLE.open(encoding="utf-8") as handle:
        items = [r for r in csv.DictReader(handle, delimiter="\t") if r["part"] == part]
    keys = {r["article_key"] for r in items}
    articles = {k: t for k, t in candidate_articles(data_dir).items() if k in keys}
    current = non_name_trump(articles)
    now = {(r["article_id"], int(r["start"]), int(r["end"])): r for r in current}  # type: ignore[call-overload]
    for r in items:
        text = articles[r["article_key"]]
        s, e = int(r["start"]), int(r["end"])
        hit = now.get((r["article_key"], s, e))
        state = f"NOW {hit['rule']} <{hit['antecedent']}>" if hit else "NOW not credited"
        judged = f"judged {r['judgement']} {r['who']}"
        print(f"== {r['item']} {r['article_key']} {s}-{e} {r['kind']}/{r['rule']} | {state} | {judged}")
        print(text[max(0, s - CONTEXT) : s] + "[[" + text[s:e] + "]]" + text[e : e + 120])
    if new:
        stored = {(r["article_key"], int(r["start"]), int(r["end"])) for r in items}
        for key, row in now.items():
            if key not in stored:
                text = articles[key[0]]
                print(f"++ NEW {key} {row['kind']}/{row['rule']} <{row['antecedent']}>")
                s, e = key[1], key[2]
                print(text[max(0, s - CONTEXT) : s] + "[[" + text[s:e] + "]]" + text[e : e + 120])


BOOTSTRAP = 10000  # bootstrap resamples of the part's items
BOOTSTRAP_SEED = 23  # fixed seed of the resampling


def score(data_dir: Path, part: str) -> None:
    """Precision of the non-name Trump credit on a judged part: the old pass (every item) and the current code."""
    with SAMPLE.open(encoding="utf-8") as handle:
        items = [r for r in csv.DictReader(handle, delimiter="\t") if r["part"] == part]
    if any(r["judgement"] not in ("right", "wrong") for r in items):
        raise SystemExit(f"part {part}: not every item is judged")
    keys = {r["article_key"] for r in items}
    now = {(r["article_id"], r["start"], r["end"]) for r in non_name_trump(
        {k: t for k, t in candidate_articles(data_dir).items() if k in keys})}  # fmt: skip
    pairs = [(r["judgement"] == "right", (r["article_key"], int(r["start"]), int(r["end"])) in now) for r in items]

    def precisions(sample: list[tuple[bool, bool]]) -> tuple[float, float]:
        after = [right for right, kept in sample if kept]
        return sum(r for r, _ in sample) / len(sample), (sum(after) / len(after) if after else float("nan"))

    before, after = precisions(pairs)
    rng = random.Random(BOOTSTRAP_SEED)
    draws = [precisions([rng.choice(pairs) for _ in pairs]) for _ in range(BOOTSTRAP)]

    def ci(values: list[float]) -> str:
        v = sorted(x for x in values if x == x)
        return f"[{v[int(0.025 * len(v))]:.3f}, {v[int(0.975 * len(v)) - 1]:.3f}]"

    kept = sum(k for _, k in pairs)
    right_kept = sum(r and k for r, k in pairs)
    print(f"part {part}: {len(pairs)} items the old pass credited, {sum(r for r, _ in pairs)} right")
    print(f"  precision before {before:.3f} {ci([d[0] for d in draws])}")
    print(f"  precision after  {after:.3f} {ci([d[1] for d in draws])}  ({kept} still credited, {right_kept} right)")
    print(f"  difference       {after - before:+.3f} {ci([d[1] - d[0] for d in draws])}")
    print(
        f"  right credits kept {right_kept} / {sum(r for r, _ in pairs)}; wrong removed "
        f"{sum((not r) and (not k) for r, k in pairs)} / {sum(not r for r, _ in pairs)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--draw", action="store_true")
    parser.add_argument("--show", choices=["dev", "untouched"])
    parser.add_argument("--new", action="store_true")
    parser.add_argument("--score", choices=["dev", "untouched"])
    args = parser.parse_args()
    if args.draw:
        draw(args.data_dir)
    elif args.show:
        show(args.data_dir, args.show, args.new)
    elif args.score:
        score(args.data_dir, args.score)


if __name__ == "__main__":
    main()
