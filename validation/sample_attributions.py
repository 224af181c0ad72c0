"""Draw the passages of the attribution development set (validation/annotations/attributions/) from NewsMTSC train.

Usage: .venv/bin/python validation/sample_attributions.py [--data PATH] [--n 60] [--test 20] [--write]
       .venv/bin/python validation/sample_attributions.py --fresh NAME --seed SEED --n 20 [--write]

A passage is 3-6 consecutive sentences of one source article, in NewsMTSC's sentence order (the article key
and sentence index come from ``primary_gid``, as in benchmarks/bench_pipeline.py:source_sentences; NewsMTSC
holds only some sentences of each article, so two neighbours may have had a sentence between them). Only
train.jsonl is read (rw/dev and mt/dev are not opened). Lines already used by
validation/annotations/articles.jsonl or validation/annotations/opinions/sentences.tsv are skipped, and so
are sentences that repeat a sentence already taken (NewsMTSC holds one line per target). Articles with at
least MIN_SENTENCES usable sentences are drawn by ``random.Random(SEED)``; each gives one passage, whose
length (MIN_SENTENCES..MAX_SENTENCES) and start are drawn by the same generator. The first ``--test``
passages drawn (after a shuffle by the same generator) form the untouched ``test`` part.

Prints each passage (to read while coding; the text is never committed); ``--write`` writes
``passages.tsv`` (references only: article key, train.jsonl line numbers, split).

``--fresh NAME`` draws a later part: it also skips every article already in passages.tsv, keeps only windows
whose quote marks balance (no quote cut at the passage's edge), preferring consecutive sentence indexes,
numbers the passages after the last one and, with ``--write``, appends them to passages.tsv with split NAME.
``--consecutive`` (fresh2 onward) keeps only windows whose sentence indexes are consecutive (no sentence of
the article left out between two of the passage's), of 2-6 sentences, the longest an article has, and also
skips every article and line of validation/annotations/newsmtsc_mentions/passages.tsv (and, fresh4 on, every
article of the judged-row sets credit/*.tsv and stance_rows/*.tsv), so that no line used anywhere in
validation/annotations is drawn.
``--gapped`` (fresh5 onward; the consecutive pool is nearly empty) skips the same articles and lines as
``--consecutive`` but also allows windows with a gap between sentences: each article's windows of
GAPPED_MIN_SENTENCES..GAPPED_MAX_SENTENCES usable sentences in article order whose quote marks pair up are ranked
by the number of sentences left out between them (fewest first), then by length (longest first), and one of the
best-ranked windows is drawn by the same generator.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import defaultdict
from pathlib import Path

SEED = 2026120703  # 2026-12-07, the third draw of the day from NewsMTSC train
MIN_SENTENCES = 3  # the brief: passages of 3-8 consecutive sentences; 6 keeps coding time per passage short
MAX_SENTENCES = 6
# --consecutive draws: of the NewsMTSC train articles left after fresh1 and the mention set, only 10 hold 3
# consecutive usable sentences and 165 hold 2, so those passages may be 2 sentences long (the longest are kept)
CONSECUTIVE_MIN_SENTENCES = 2
# --gapped draws (fresh5 on): 2-4 sentences keep a gapped passage readable; the fewest-gap windows are preferred
GAPPED_MIN_SENTENCES = 2
GAPPED_MAX_SENTENCES = 4
GID = re.compile(r"^(.*?_\d+)_-?\d+_(\d+)_")
HERE = Path(__file__).resolve().parent
OUT = HERE / "annotations" / "attributions" / "passages.tsv"


def used_lines() -> set[int]:
    """train.jsonl lines already used by another development set."""
    used = {json.loads(line).get("line") for line in (HERE / "annotations" / "articles.jsonl").open(encoding="utf-8")}
    with (HERE / "annotations" / "opinions" / "sentences.tsv").open(encoding="utf-8") as handle:
        used |= {int(row["line"]) for row in csv.DictReader(handle, delimiter="\t")}
    return {u for u in used if isinstance(u, int)}


def mentions_used() -> tuple[set[str], set[int]]:
    """Article keys and train.jsonl lines of the NewsMTSC mention set (skipped by ``--consecutive`` draws)."""
    with (HERE / "annotations" / "newsmtsc_mentions" / "passages.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {row["article"] for row in rows}, {int(x) for row in rows for x in row["lines"].split()}


def judged_articles() -> set[str]:
    """Article keys of the judged-row sets (credit/, stance_rows/; skipped by ``--consecutive`` draws, fresh4 on)."""
    keys: set[str] = set()
    for folder in ("credit", "stance_rows"):
        for path in sorted((HERE / "annotations" / folder).glob("*.tsv")):
            with path.open(encoding="utf-8") as handle:
                keys |= {row["article_key"] for row in csv.DictReader(handle, delimiter="\t") if row.get("article_key")}
    return keys


def articles(data: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Article key -> (sentence index, line, text) of its usable sentences, in order."""
    used = used_lines()
    parts: dict[str, dict[int, tuple[int, str]]] = defaultdict(dict)
    with data.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            rec = json.loads(line)
            m = GID.match(rec["primary_gid"])
            text = rec["sentence_normalized"]
            if not m or number in used or "\n" in text:
                continue
            parts[m.group(1)].setdefault(int(m.group(2)), (number, text))
    return {k: [(i, n, t) for i, (n, t) in sorted(v.items())] for k, v in parts.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(HERE.parent.parent / "shared" / "data" / "newsmtsc" / "train.jsonl"))
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--test", type=int, default=20)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--fresh", help="draw a new part with this split name (skips passages.tsv's articles)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--consecutive", action="store_true", help="with --fresh: consecutive windows only, skip the mention set"
    )
    parser.add_argument(
        "--gapped", action="store_true", help="with --fresh: skip as --consecutive, allow gaps (fewest-gap windows)"
    )
    args = parser.parse_args(argv)
    parts = articles(Path(args.data))
    if args.fresh:
        return fresh(parts, args.fresh, args.seed, args.n, args.write, args.consecutive, args.gapped)
    keys = sorted(k for k, v in parts.items() if len(v) >= MIN_SENTENCES)
    rng = random.Random(args.seed)
    rows = []
    for key in rng.sample(keys, args.n):
        sentences = parts[key]
        size = rng.randint(MIN_SENTENCES, min(MAX_SENTENCES, len(sentences)))
        start = rng.randint(0, len(sentences) - size)
        window = sentences[start : start + size]
        rows.append((key, [n for _, n, _ in window], [t for _, _, t in window]))
    order = list(range(len(rows)))
    rng.shuffle(order)
    test = set(order[: args.test])
    table = []
    for i, (key, lines, texts) in enumerate(rows):
        pid = f"attr-{i + 1:02d}"
        split = "test" if i in test else "dev"
        table.append({"passage_id": pid, "article_key": key, "lines": ",".join(map(str, lines)), "split": split})
        if split == "dev":
            print(f"=== {pid} ({key})\n" + " ".join(texts) + "\n")
    if args.write:
        with OUT.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(table[0]), delimiter="\t", lineterminator="\n")
            writer.writeheader()
            writer.writerows(table)
    return 0


def balanced(texts: list[str]) -> bool:
    """True when the window's straight and curly double quote marks pair up (no quote cut at an edge)."""
    joined = " ".join(texts)
    return joined.count('"') % 2 == 0 and joined.count("\u201c") == joined.count("\u201d")


def fresh(
    parts: dict[str, list[tuple[int, int, str]]],
    name: str,
    seed: int,
    n: int,
    write: bool,
    consecutive: bool = False,
    gapped_draw: bool = False,
) -> int:
    """Draw ``n`` passages of a new part from articles not yet in passages.tsv; append them with ``write``."""
    with OUT.open(encoding="utf-8") as handle:
        old = list(csv.DictReader(handle, delimiter="\t"))
    if any(row["split"] == name for row in old):
        raise SystemExit(f"error: split {name!r} already exists in {OUT}; choose a new name")
    taken = {row["article_key"] for row in old}
    taken_lines = {int(x) for row in old for x in row["lines"].split(",")}
    if consecutive or gapped_draw:
        mention_keys, mention_lines = mentions_used()
        taken |= mention_keys | judged_articles()
        taken_lines |= mention_lines
    rng = random.Random(seed)
    least = GAPPED_MIN_SENTENCES if gapped_draw else MIN_SENTENCES
    keys = sorted(k for k, v in parts.items() if len(v) >= least and k not in taken)
    rng.shuffle(keys)
    last = max(int(row["passage_id"].split("-")[1]) for row in old)
    table = []
    for key in keys:
        if len(table) == n:
            break
        sentences = [s for s in parts[key] if s[1] not in taken_lines]
        if gapped_draw:
            window = gapped_window(sentences, rng)
            if window is None:
                continue
            pid = f"attr-{last + len(table) + 1:02d}"
            table.append(
                {"passage_id": pid, "article_key": key, "lines": ",".join(str(x) for _, x, _ in window), "split": name}
            )
            print(f"=== {pid} ({key})\n" + " ".join(t for _, _, t in window) + "\n")
            continue
        windows: list[list[tuple[int, int, str]]] = []  # balanced quote marks; consecutive indexes preferred
        gapped: list[list[tuple[int, int, str]]] = []
        for size in range(CONSECUTIVE_MIN_SENTENCES if consecutive else MIN_SENTENCES, MAX_SENTENCES + 1):
            for start in range(len(sentences) - size + 1):
                w = sentences[start : start + size]
                if balanced([t for _, _, t in w]):
                    (windows if w[-1][0] - w[0][0] == size - 1 else gapped).append(w)
        if consecutive:  # consecutive windows only, the longest ones
            gapped = []
            windows = [w for w in windows if len(w) == max((len(x) for x in windows), default=0)]
        if not windows and not gapped:
            continue
        window = rng.choice(windows or gapped)
        pid = f"attr-{last + len(table) + 1:02d}"
        table.append(
            {"passage_id": pid, "article_key": key, "lines": ",".join(str(x) for _, x, _ in window), "split": name}
        )
        print(f"=== {pid} ({key})\n" + " ".join(t for _, _, t in window) + "\n")
    if write:
        with OUT.open("a", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(table[0]), delimiter="\t", lineterminator="\n")
            writer.writerows(table)
    return 0


def gapped_window(sentences: list[tuple[int, int, str]], rng: random.Random) -> list[tuple[int, int, str]] | None:
    """One quote-balanced window of an article, fewest left-out sentences first, then longest (``--gapped``)."""
    ranked: dict[tuple[int, int], list[list[tuple[int, int, str]]]] = defaultdict(list)
    for size in range(GAPPED_MIN_SENTENCES, GAPPED_MAX_SENTENCES + 1):
        for start in range(len(sentences) - size + 1):
            w = sentences[start : start + size]
            if balanced([t for _, _, t in w]):
                ranked[(w[-1][0] - w[0][0] - (size - 1), -size)].append(w)
    return rng.choice(ranked[min(ranked)]) if ranked else None


if __name__ == "__main__":
    raise SystemExit(main())
