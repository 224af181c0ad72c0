"""Draw the passages of the attribution development set (validation/annotations/attributions/) from NewsMTSC train.

Usage: .venv/bin/python validation/sample_attributions.py [--data PATH] [--n 60] [--test 20] [--write]

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
GID = re.compile(r"^(.*?_\d+)_-?\d+_(\d+)_")
HERE = Path(__file__).resolve().parent
OUT = HERE / "annotations" / "attributions" / "passages.tsv"


def used_lines() -> set[int]:
    """train.jsonl lines already used by another development set."""
    used = {json.loads(line).get("line") for line in (HERE / "annotations" / "articles.jsonl").open(encoding="utf-8")}
    with (HERE / "annotations" / "opinions" / "sentences.tsv").open(encoding="utf-8") as handle:
        used |= {int(row["line"]) for row in csv.DictReader(handle, delimiter="\t")}
    return {u for u in used if isinstance(u, int)}


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
    args = parser.parse_args(argv)
    parts = articles(Path(args.data))
    keys = sorted(k for k, v in parts.items() if len(v) >= MIN_SENTENCES)
    rng = random.Random(SEED)
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


if __name__ == "__main__":
    raise SystemExit(main())
