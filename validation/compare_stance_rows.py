"""Favor/against stance rows that two checkouts of newslab give differently on NewsMTSC train sentences.

Usage: python validation/compare_stance_rows.py OLD_ROOT NEW_ROOT [--n 1500] [--show 20] [--seed 7]

Runs ``nl.stance_table`` in each checkout (a subprocess per root, PYTHONPATH=root) on ``--n`` train
sentences that are in neither annotated set (validation/annotations/articles.jsonl, opinions/), each its own
article, with the capitalized NewsMTSC mentions as targets (name = mention, alias = its last word). Prints
how many rows each gives, the rows only the new one gives, and ``--show`` of them drawn at random, to judge
by hand whether holder, target and direction are right (the precision of new rules on unseen sentences).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "shared" / "data" / "newsmtsc" / "train.jsonl"
NAME = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}")  # a capitalized name, no punctuation around it
PRONOUNS = {"He", "She", "They", "It", "His", "Her", "Their", "Its", "Him", "Them", "I", "We", "You"}
RUN = """
import json, sys
import newslab as nl
out = []
for line in sys.stdin:
    item = json.loads(line)
    targets = tuple(nl.Target(n, aliases=tuple(dict.fromkeys([n, n.split()[-1]]))) for n in item["targets"])
    t = nl.stance_table(nl.Article(f"s{item['line']}", "", item["text"]), targets=targets)
    for r in t[t["stance"].isin(["favor", "against"])].itertuples():
        out.append([item["line"], r.holder, r.target, r.stance, list(r.cues), r.holder_rule])
print(json.dumps(out))
"""


def sentences(n: int, seed: int) -> list[dict[str, object]]:
    """``n`` train sentences outside the annotated sets, with their capitalized mentions as targets."""
    used = {json.loads(x).get("line") for x in (HERE / "annotations" / "articles.jsonl").open(encoding="utf-8")}
    used |= {int(x.split("\t")[0]) for x in list((HERE / "annotations" / "opinions" / "sentences.tsv").open())[1:]}
    pool = []
    with DATA.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            record = json.loads(line)
            names = sorted({t["mention"] for t in record["targets"] if NAME.fullmatch(t["mention"])} - PRONOUNS)
            if number not in used and names and "\n" not in record["sentence_normalized"]:
                pool.append({"line": number, "text": record["sentence_normalized"].replace("\u00a0", " "),
                             "targets": names})  # fmt: skip
    return random.Random(seed).sample(pool, n)


def rows(root: str, items: list[dict[str, object]]) -> set[tuple[object, ...]]:
    """The favor/against rows of the checkout at ``root``."""
    stdin = "\n".join(json.dumps(i) for i in items)
    done = subprocess.run([sys.executable, "-c", RUN], input=stdin, capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": root, "PATH": "/usr/bin:/bin"}, cwd=root)  # fmt: skip
    if done.returncode:
        raise SystemExit(f"{root}: stance_table stopped:\n{done.stderr[-2000:]}")
    return {(r[0], r[1], r[2], r[3], tuple(r[4]), r[5]) for r in json.loads(done.stdout)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--n", type=int, default=1500)
    parser.add_argument("--show", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    items = sentences(args.n, args.seed)
    text = {i["line"]: i["text"] for i in items}
    old, new = rows(args.old, items), rows(args.new, items)
    key = lambda r: r[:4]  # noqa: E731
    added = sorted(r for r in new if key(r) not in {key(o) for o in old})
    lost = sorted(r for r in old if key(r) not in {key(x) for x in new})
    print(
        f"{len(items)} sentences: old {len(old)} rows, new {len(new)} rows; {len(added)} only new, {len(lost)} only old"
    )
    for r in lost:
        print("  only old:", r[:4], r[4], r[5])
    for r in random.Random(args.seed).sample(added, min(args.show, len(added))):
        print(f"  NEW {r[1]} -> {r[2]} {r[3]} {list(r[4])} [{r[5]}]\n      {text[r[0]]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
