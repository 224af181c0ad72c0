"""Passages of NewsMTSC train sentences that mention Trump: the sampler and the loader (issue 23).

A real-news proxy for the hidden multi-outlet corpus's Trump mention coverage. NewsMTSC gives single
sentences; its ``primary_gid`` ("allsides_<article>_<n>_<position>_<entity>_<from>_<to>") keeps the
article and the sentence's position in it, so sentences of one article can be put back in order.
They are mostly **not consecutive**: NewsMTSC kept a few sentences per article (of 1,900 AllSides
articles in train only 24 runs of 3+ strictly consecutive positions exist; the POLUSA part has no
positions close enough to use). A passage here is therefore the sentences of one article in order
whose positions are at most ``MAX_GAP`` apart (at least ``MIN_SENTENCES``, at most ``MAX_SENTENCES``,
one passage per article), from AllSides articles where some sentence names Trump. The gaps are
recorded per passage (``positions``), so a reader knows where text is missing. NewsMTSC has no
article dates.

Only references are stored (article key, positions, ``train.jsonl`` line numbers); the text is read
from ``../shared/data`` by :func:`load_passages`.

Usage:
    python validation/newsmtsc_passages.py sample [DATA_DIR]   # writes passages.tsv (seeded)
    python validation/newsmtsc_passages.py sample [DATA_DIR] --round 6  # appends a fresh draw (see ROUNDS)
    python validation/newsmtsc_passages.py sample [DATA_DIR] --round 7  # whole unused articles (FULL_ROUNDS)
    python validation/newsmtsc_passages.py show [DATA_DIR] [--part dev]  # prints passages for coding
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "annotations" / "newsmtsc_mentions"
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
SEED = 23  # issue 23
N_PASSAGES = 50  # the brief: ~50 passages, ~35 dev and ~15 untouched
N_DEV = 35
MAX_GAP = 10  # positions at most this far apart stay one passage (no closer runs exist in enough numbers)
MIN_SENTENCES = 3  # a pronoun chain needs a few sentences
MAX_SENTENCES = 5  # keeps the hand coding to ~175 sentences
ROUNDS = {  # a later round's fresh draw: seed, passages, dev count (the rest untouched)
    6: (2306, 28, 10),  # mentions round 6 (branch mr6): 25-30 new passages, ~10 dev
    7: (2307, 26, 10),  # round 7 (branch mr7): every unused whole article (26), ~40% dev by article
}
FULL_ROUNDS = {7}  # rounds that draw whole articles (every kept sentence, any gap) instead of windows
MIN_FULL_SENTENCES = 3  # no unused article keeps more than 5 sentences (none of 1,900 keeps more than 7)
PARTS = ("dev", "untouched", "dev-r6", "untouched-r6", "dev-r7", "untouched-r7")
_GID = re.compile(r"(allsides_\d+)_\d+_(\d+)_")


def _article_sentences(data_dir: Path) -> dict[str, dict[int, tuple[int, str]]]:
    """AllSides train sentences by article key and position: (1-based line number, sentence)."""
    parts: dict[str, dict[int, tuple[int, str]]] = defaultdict(dict)
    with (data_dir / "newsmtsc" / "train.jsonl").open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            rec = json.loads(line)
            m = _GID.match(rec["primary_gid"])
            if m and int(m.group(2)) not in parts[m.group(1)]:
                parts[m.group(1)][int(m.group(2))] = (line_no, rec["sentence_normalized"])
    return parts


def candidate_runs(data_dir: Path) -> list[tuple[str, list[int]]]:
    """Runs of positions (gaps at most MAX_GAP) with MIN_SENTENCES+ sentences, one of which names Trump."""
    runs = []
    for key, by_pos in sorted(_article_sentences(data_dir).items()):
        positions = sorted(by_pos)
        cur = [positions[0]]
        for p in [*positions[1:], 10**9]:
            if p - cur[-1] <= MAX_GAP:
                cur.append(p)
                continue
            if len(cur) >= MIN_SENTENCES and any("Trump" in by_pos[q][1] for q in cur):
                runs.append((key, cur[:MAX_SENTENCES]))
            cur = [p]
    best: dict[str, list[int]] = {}
    for key, run in runs:  # one passage per article: the longest run
        if len(run) > len(best.get(key, [])):
            best[key] = run
    return sorted(best.items())


def sample(data_dir: Path) -> list[dict[str, str]]:
    """The seeded sample: N_PASSAGES runs, the first N_DEV dev, the rest untouched."""
    runs = candidate_runs(data_dir)
    chosen = random.Random(SEED).sample(runs, min(N_PASSAGES, len(runs)))
    parts = _article_sentences(data_dir)
    rows = []
    for i, (key, run) in enumerate(chosen):
        rows.append(
            {
                "passage_id": f"p{i:02d}",
                "part": "dev" if i < N_DEV else "untouched",
                "article": key,
                "positions": " ".join(str(p) for p in run),
                "lines": " ".join(str(parts[key][p][0]) for p in run),
            }
        )
    return rows


def used_in_annotations() -> tuple[set[str], set[int]]:
    """Article keys and train.jsonl line numbers named in validation/annotations/.

    Not ``outlets/heldout`` (another corpus, never opened), not ``opinions/`` (its lines and keys are
    sentences of the NewsMTSC *test* files, read for stance) and not the line numbers of the ``ewt_*``
    files (lines of UD EWT, not of NewsMTSC).
    """
    keys: set[str] = set()
    lines: set[int] = set()
    for path in (HERE / "annotations").rglob("*"):
        if not path.is_file() or "heldout" in path.parts or "opinions" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        keys.update(re.findall(r"\b(allsides_\d+)", text))
        if path.suffix == ".tsv" and not path.name.startswith("ewt_"):
            with path.open(encoding="utf-8") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    for col in ("line", "lines"):
                        lines.update(int(x) for x in re.findall(r"\d+", row.get(col) or ""))
        if path.suffix == ".jsonl":
            for row in map(json.loads, text.splitlines()):
                if "line" in row:
                    lines.add(int(row["line"]))
    return keys, lines


def whole_articles(data_dir: Path) -> list[tuple[str, list[int]]]:
    """Whole rebuilt articles: every kept position, in order, MIN_FULL_SENTENCES+, one naming Trump."""
    return [
        (key, sorted(by_pos))
        for key, by_pos in sorted(_article_sentences(data_dir).items())
        if len(by_pos) >= MIN_FULL_SENTENCES and any(re.search(r"\bTrump", s) for _, s in by_pos.values())
    ]


def sample_round(data_dir: Path, round_no: int) -> list[dict[str, str]]:
    """A later round's draw from the runs not drawn yet: no article or line used in any annotation."""
    seed, n, n_dev = ROUNDS[round_no]
    keys, lines = used_in_annotations()
    parts = _article_sentences(data_dir)
    pool = whole_articles(data_dir) if round_no in FULL_ROUNDS else candidate_runs(data_dir)
    runs = [(key, run) for key, run in pool if key not in keys and not ({parts[key][p][0] for p in run} & lines)]
    chosen = random.Random(seed).sample(runs, min(n, len(runs)))
    return [
        {
            "passage_id": f"r{round_no}-{i:02d}",
            "part": f"dev-r{round_no}" if i < n_dev else f"untouched-r{round_no}",
            "article": key,
            "positions": " ".join(str(p) for p in run),
            "lines": " ".join(str(parts[key][p][0]) for p in run),
        }
        for i, (key, run) in enumerate(chosen)
    ]


def load_passages(data_dir: Path = DEFAULT_DATA, part: str = "dev") -> dict[str, list[str]]:
    """Passage id -> its sentences in order, read from NewsMTSC train by line number."""
    if part not in (*PARTS, "all"):
        raise ValueError(f"part={part!r}; valid: {sorted((*PARTS, 'all'))}")
    with (FOLDER / "passages.tsv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if part in ("all", r["part"])]
    lines = (data_dir / "newsmtsc" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    return {
        r["passage_id"]: [json.loads(lines[int(n) - 1])["sentence_normalized"] for n in r["lines"].split()]
        for r in rows
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["sample", "show"])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--part", default="dev")
    parser.add_argument("--round", type=int, choices=sorted(ROUNDS), help="append a later round's fresh draw")
    args = parser.parse_args(argv)
    if args.command == "sample" and args.round:
        rows = sample_round(Path(args.data_dir), args.round)
        with (FOLDER / "passages.tsv").open(encoding="utf-8") as f:
            old = list(csv.DictReader(f, delimiter="\t"))
        if any(r["part"].endswith(f"-r{args.round}") for r in old):
            raise SystemExit(f"round {args.round} is drawn already: {FOLDER / 'passages.tsv'}")
        with (FOLDER / "passages.tsv").open("a", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
            w.writerows(rows)
        print(f"round {args.round}: {len(rows)} passages, {sum(len(r['positions'].split()) for r in rows)} sentences")
        return 0
    if args.command == "sample":
        rows = sample(Path(args.data_dir))
        FOLDER.mkdir(parents=True, exist_ok=True)
        with (FOLDER / "passages.tsv").open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        print(f"{len(rows)} passages, {sum(len(r['positions'].split()) for r in rows)} sentences")
        return 0
    with (FOLDER / "passages.tsv").open(encoding="utf-8") as f:
        positions = {r["passage_id"]: r["positions"].split() for r in csv.DictReader(f, delimiter="\t")}
    for pid, sents in load_passages(Path(args.data_dir), args.part).items():
        print(f"== {pid}")
        for j, s in enumerate(sents):
            print(f"  [{j}] (position {positions[pid][j]}) {s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
