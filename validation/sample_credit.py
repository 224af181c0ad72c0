"""Draw (and show) the hand-check sample of non-name Trump mentions (issue 23, "no false credit").

Usage:
  python validation/sample_credit.py DATA_DIR --draw            # write validation/annotations/credit/sample.tsv
  python validation/sample_credit.py DATA_DIR --show dev|untouched [--new]
  python validation/sample_credit.py DATA_DIR --score dev|untouched   # precision before -> after, bootstrap CI
  python validation/sample_credit.py DATA_DIR --round 6 --draw|--show ...|--score ...   # round 6's sample
  python validation/sample_credit.py DATA_DIR --round 6 --draw-free   # the free-read articles (see below)
  python validation/sample_credit.py DATA_DIR --round 7 --draw-free   # round 7's free read (no sample)

A later round (``--round N``) draws from the articles left after excluding every article of every earlier
sample too (the ``credit`` folder included), into ``sample_rN.tsv`` (items ``dNN``), with its own seed and
size (``ROUNDS``). ``--draw-free`` stores the non-name credits of further articles (none of them in any
sample) in ``free_rN.tsv`` for a free read of false credits before and after the round's rules;
``--show free`` prints them and the current code's new credits in those articles.

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


ROUNDS = {  # round -> (seed, items, dev items, free-read articles seed, free-read minimum credits)
    6: (20261207 + 6, 40, 20, 606, 60),  # mentions round 6 (branch mr6): 20 dev + 20 untouched; >= 60 free
    7: (20261207 + 7, 0, 0, 707, 60),  # round 7 (branch mr7): a free read only (>= 60), drawn at the base code
}
ALL_ARTICLES = 10**6  # a later round reads every rebuilt train article: the 1,000 longest are used up


def used_lines_and_keys(with_credit: bool = False, skip: str = "credit") -> tuple[set[int], set[str]]:
    """Every train.jsonl line and article key named in validation/annotations/ (READMEs, TSVs, JSONL).

    Never read: ``outlets/heldout``, and the folder ``skip`` (the drawing script's own) unless ``with_credit``.
    """
    lines: set[int] = set()
    keys: set[str] = set()
    root = REPO / "validation" / "annotations"
    for path in root.rglob("*"):
        if not path.is_file() or "heldout" in path.parts or (skip in path.parts and not with_credit):
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


def candidate_articles(
    data_dir: Path, with_credit: bool = False, n_articles: int = N_ARTICLES, skip: str = "credit"
) -> dict[str, str]:
    """Rebuilt train articles (the ``n_articles`` longest) that no file of validation/annotations/ names."""
    lines, keys = used_lines_and_keys(with_credit, skip)
    key_lines: dict[str, set[int]] = {}
    with (data_dir / "newsmtsc" / "train.jsonl").open(encoding="utf-8") as handle:
        for number, rec in enumerate(map(json.loads, handle), start=1):
            m = re.match(r"(\w+?_\d+)_\d+_(\d+)_", rec["primary_gid"])
            if m:
                key_lines.setdefault(m.group(1), set()).add(number)
    articles = rebuilt_articles(data_dir, n_articles)
    return {k: t for k, t in articles.items() if k not in keys and not (key_lines.get(k, set()) & lines)}


def non_name_trump(articles: dict[str, str]) -> list[dict[str, object]]:
    corpus = nl.Corpus(nl.Article(k, "", t) for k, t in articles.items())
    table = nl.find_mentions(corpus, [nl.TRUMP], progress=False)
    rows = table[(table["target"] == "Trump") & table["kind"].isin(["description", "pronoun"])]
    cols = ["article_id", "start", "end", "mention", "kind", "rule", "antecedent"]
    return [dict(zip(cols, r, strict=True)) for r in rows[cols].itertuples(index=False)]


def sample_path(round_no: int | None) -> Path:
    return SAMPLE if round_no is None else FOLDER / f"sample_r{round_no}.tsv"


def free_path(round_no: int) -> Path:
    return FOLDER / f"free_r{round_no}.tsv"


def articles_for(data_dir: Path, keys: set[str]) -> dict[str, str]:
    """The rebuilt texts of the given article keys."""
    return {k: t for k, t in rebuilt_articles(data_dir, ALL_ARTICLES).items() if k in keys}


def _write(path: Path, rows: list[dict[str, object]], prefix: str, n_dev: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["item", "part", "article_key", "start", "end", "kind", "rule", "judgement", "who"])
        for i, row in enumerate(rows):
            part = "dev" if i < n_dev else "untouched"
            refs = [row["article_id"], row["start"], row["end"], row["kind"], row["rule"]]
            out.writerow([f"{prefix}{i:02d}", part, *refs, "", ""])


def draw(data_dir: Path, round_no: int | None = None) -> None:
    if round_no is None:
        items = non_name_trump(candidate_articles(data_dir))
        chosen = random.Random(SEED).sample(items, N_ITEMS)
        n_dev = N_ITEMS // 2
        prefix = "c"
    else:
        if sample_path(round_no).exists():
            raise SystemExit(f"{sample_path(round_no)} exists: round {round_no} is drawn already")
        seed, n_items, n_dev, _, _ = ROUNDS[round_no]
        items = non_name_trump(candidate_articles(data_dir, with_credit=True, n_articles=ALL_ARTICLES))
        rng = random.Random(seed)
        picked = rng.sample(items, n_items)
        # the split is by article (an article's items all fall in one part): articles in a seeded order,
        # dev takes whole articles until it holds n_dev items
        order = sorted({str(r["article_id"]) for r in picked})
        rng.shuffle(order)
        dev_keys: set[str] = set()
        for key in order:
            if sum(str(r["article_id"]) in dev_keys for r in picked) >= n_dev:
                break
            dev_keys.add(key)
        chosen = [r for r in picked if r["article_id"] in dev_keys] + [
            r for r in picked if r["article_id"] not in dev_keys
        ]
        n_dev = sum(r["article_id"] in dev_keys for r in picked)
        prefix = "d"
    FOLDER.mkdir(parents=True, exist_ok=True)
    _write(sample_path(round_no), chosen, prefix, n_dev)
    print(f"{len(items)} candidates; wrote {len(chosen)} items to {sample_path(round_no)}")


def draw_free(data_dir: Path, round_no: int) -> None:
    """Rebuilt articles in no credit sample and no mention passage, shuffled; their credits until the minimum.

    Articles of other annotation sets (attributions, quotes, stances) may be among them: they were read for
    speakers or stance, not for mention credit. Too few credits are left in unused articles for both the
    round's sample and a free read of 60 (every train article is rebuilt here).
    """
    if free_path(round_no).exists():
        raise SystemExit(f"{free_path(round_no)} exists")
    _, _, _, seed, minimum = ROUNDS[round_no]
    used: set[str] = set()
    for path in [*FOLDER.glob("*.tsv"), *(FOLDER.parent / "newsmtsc_mentions").glob("*.tsv")]:
        used.update(re.findall(r"\b((?:allsides|polusa_v1|polusa|mtsc)_\d+)", path.read_text(encoding="utf-8")))
    articles = {k: t for k, t in rebuilt_articles(data_dir, ALL_ARTICLES).items() if k not in used}
    keys = sorted(articles)
    random.Random(seed).shuffle(keys)
    rows: list[dict[str, object]] = []
    for key in keys:
        rows.extend(non_name_trump({key: articles[key]}))
        if len(rows) >= minimum:
            break
    _write(free_path(round_no), rows, "f", 0)
    print(f"wrote {len(rows)} credits of {len({r['article_id'] for r in rows})} articles to {free_path(round_no)}")


def show(data_dir: Path, part: str, new: bool, round_no: int | None = None) -> None:
    path = free_path(round_no or 0) if part == "free" else sample_path(round_no)
    with path.open(encoding="utf-8") as handle:
        items = [r for r in csv.DictReader(handle, delimiter="\t") if part == "free" or r["part"] == part]
    keys = {r["article_key"] for r in items}
    articles = articles_for(data_dir, keys)
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


def score(data_dir: Path, part: str, round_no: int | None = None) -> None:
    """Precision of the non-name Trump credit on a judged part: the old pass (every item) and the current code."""
    with sample_path(round_no).open(encoding="utf-8") as handle:
        items = [r for r in csv.DictReader(handle, delimiter="\t") if r["part"] == part]
    if any(r["judgement"] not in ("right", "wrong") for r in items):
        raise SystemExit(f"part {part}: not every item is judged")
    keys = {r["article_key"] for r in items}
    now = {(r["article_id"], r["start"], r["end"]) for r in non_name_trump(articles_for(data_dir, keys))}
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
    parser.add_argument("--show", choices=["dev", "untouched", "free"])
    parser.add_argument("--new", action="store_true")
    parser.add_argument("--score", choices=["dev", "untouched"])
    parser.add_argument("--round", type=int, choices=sorted(ROUNDS), help="a later round's sample (sample_rN.tsv)")
    parser.add_argument("--draw-free", action="store_true")
    args = parser.parse_args()
    if args.draw:
        draw(args.data_dir, args.round)
    elif args.draw_free:
        draw_free(args.data_dir, args.round)
    elif args.show:
        show(args.data_dir, args.show, args.new, args.round)
    elif args.score:
        score(args.data_dir, args.score, args.round)


if __name__ == "__main__":
    main()
