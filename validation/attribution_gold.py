"""The attribution development set (validation/annotations/attributions/): load it, rebuild its passages.

The set stores references only: ``passages.tsv`` names each passage's NewsMTSC train.jsonl lines, and
``attributions.tsv`` gives each attribution's content span as character offsets into the passage rebuilt
by :func:`load_passages` (the sentences joined by one space). See the folder's README.md.

Usage (coding): .venv/bin/python validation/attribution_gold.py --import CODED.tsv
    CODED.tsv (kept outside the repository) has columns passage_id, kind, speaker, cue, content, note with
    the content written out; each content must occur exactly once in its passage. The rows are checked and
    written to attributions.tsv as offsets (the content text is not stored).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import pandas as pd

import newslab as nl

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "annotations" / "attributions"
DATA = HERE.parent.parent / "shared" / "data" / "newsmtsc" / "train.jsonl"
KINDS = ("direct", "partial", "indirect", "no-mark")
SPENT = ("dev", "test", "fresh1", "fresh2", "fresh3", "fresh4")  # parts scored in an earlier round (README; at8)
COLUMNS = ("passage_id", "start", "end", "kind", "speaker", "cue", "note")


def die(message: str) -> None:
    """Stop with a message naming the input and the fix."""
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def passages(folder: Path = FOLDER) -> pd.DataFrame:
    """passages.tsv: passage_id, article_key, lines (comma-separated train.jsonl lines), split."""
    path = folder / "passages.tsv"
    if not path.is_file():
        die(f"{path} not found; run validation/sample_attributions.py --write")
    return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)


def load_passages(folder: Path = FOLDER, data: Path = DATA, split: str = "all") -> nl.Corpus:
    """The passages of ``split`` rebuilt from NewsMTSC train as a newslab Corpus.

    ``split`` is a part's name (dev, test, fresh1 … fresh5), ``spent`` (dev, test, fresh1 … fresh4, the parts
    already scored; fresh4 joined in the at8 round) or ``all``.
    """
    if not data.is_file():
        die(f"{data} not found; the passages are rebuilt from NewsMTSC train.jsonl (../shared/data)")
    table = passages(folder)
    if split == "spent":
        table = table[table["split"].isin(SPENT)]
    elif split != "all":
        table = table[table["split"] == split]
    wanted = {int(n) for lines in table["lines"] for n in lines.split(",")}
    text = {}
    with data.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if number in wanted:
                text[number] = json.loads(line)["sentence_normalized"]
    texts = {row.passage_id: " ".join(text[int(n)] for n in row.lines.split(",")) for row in table.itertuples()}
    return nl.Corpus.from_texts(texts)


def load_gold(corpus: nl.Corpus, folder: Path = FOLDER) -> pd.DataFrame:
    """attributions.tsv for the passages in ``corpus``, with ``article_id`` and the content as ``quote``."""
    path = folder / "attributions.tsv"
    if not path.is_file():
        die(f"{path} not found")
    gold = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    ids = {a.id for a in corpus}
    gold = gold[gold["passage_id"].isin(ids)].copy()
    gold["start"] = gold["start"].astype(int)
    gold["end"] = gold["end"].astype(int)
    gold["article_id"] = gold["passage_id"]
    spans = zip(gold["passage_id"], gold["start"], gold["end"], strict=True)
    gold["quote"] = [corpus[p].text[s:e] for p, s, e in spans]
    return gold.reset_index(drop=True)


def import_coded(path: Path) -> int:
    """Check a coded TSV (content written out) and append its rows to attributions.tsv as offsets."""
    corpus = load_passages()
    coded = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    rows = []
    for i, row in enumerate(coded.itertuples(index=False), 2):
        if row.kind not in KINDS:
            die(f"{path} line {i}: kind {row.kind!r}; use one of {KINDS}")
        text = corpus[row.passage_id].text
        start = text.find(row.content)
        if start < 0 or text.find(row.content, start + 1) >= 0:
            die(f"{path} line {i}: the content must occur exactly once in {row.passage_id}")
        rows.append((row.passage_id, start, start + len(row.content), row.kind, row.speaker, row.cue, row.note))
    out = FOLDER / "attributions.tsv"
    old = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False) if out.is_file() else None
    new = pd.DataFrame(rows, columns=list(COLUMNS)).astype(str)
    table = new if old is None else pd.concat([old[~old["passage_id"].isin(new["passage_id"])], new])
    table.to_csv(out, sep="\t", index=False, lineterminator="\n")
    print(f"{len(new)} rows from {path} -> {out} ({len(table)} rows)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import", dest="coded", required=True, help="a coded TSV with the content written out")
    args = parser.parse_args(argv)
    return import_coded(Path(args.coded))


if __name__ == "__main__":
    raise SystemExit(main())
