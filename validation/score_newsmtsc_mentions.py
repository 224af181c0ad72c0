"""Score Trump mention coverage on the NewsMTSC passages (validation/annotations/newsmtsc_mentions).

Usage: python validation/score_newsmtsc_mentions.py [DATA_DIR] [--part PART] [--bootstrap B] [--errors]
       (PART: dev, untouched, dev-r6, untouched-r6, dev-r7, untouched-r7)

Each passage's sentences are joined with a space into one article (NewsMTSC has no paragraphs or
dates), and ``nl.find_mentions`` runs with the default targets. A newslab Trump mention belongs to
the coded sentence its start falls in. Measures, with 95% percentile bootstrap intervals over
passages:

* **coverage**: sentences the coder marks as referring to Trump (``trump == ref``: a name, pronoun,
  role, description or possessive) where newslab finds a Trump mention (the issue's measure);
* **coverage with modifiers**: the same, also counting sentences whose only reference is a name used
  as a modifier ("the Trump administration", "anti-Trump");
* **false-credit sentences**: sentences with no reference to Trump at all (``trump == none``) where
  newslab finds one;
* **false-credit phrases**: coded phrases of other people ("he=Spicer", "Lara Trump=Lara Trump")
  that a newslab Trump mention overlaps.

``--errors`` prints each missed sentence with its coded phrases (by kind) and each false credit.
``--dump FILE`` writes the sentence rows as JSON; ``--against FILE`` (rows another code version dumped on
the same part, e.g. the base run with ``PYTHONPATH`` set to its copy) adds the paired difference of each
measure, this code minus that one, with a bootstrap interval over the same resampled passages.
The ``untouched`` part is scored once, at the end (see the folder's README).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsmtsc_passages import DEFAULT_DATA, FOLDER, PARTS, load_passages

import newslab as nl


def _phrase_span(sentence: str, phrase: str) -> tuple[int, int] | None:
    """The span of ``phrase`` ("he#2" = its second whole-word occurrence) in the sentence."""
    text, _, nth = phrase.partition("#")
    hits = list(re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", sentence))
    k = int(nth) - 1 if nth else 0
    return hits[k].span() if len(hits) > k else None


def passage_rows(data_dir: Path, part: str) -> list[dict[str, object]]:
    """One row per coded sentence: flags for coverage and false credit."""
    passages = load_passages(data_dir, part)
    with (FOLDER / "codes.tsv").open(encoding="utf-8") as f:
        codes = [r for r in csv.DictReader(f, delimiter="\t") if r["passage_id"] in passages]
    texts, offsets = {}, {}
    for pid, sents in passages.items():
        starts, pos = [], 0
        for s in sents:
            starts.append(pos)
            pos += len(s) + 1
        texts[pid] = " ".join(sents)
        offsets[pid] = starts
    found = nl.find_mentions(nl.Corpus.from_texts(texts), progress=False)
    trump = found[found["target"] == "Trump"]
    rows = []
    for code in codes:
        pid, k = code["passage_id"], int(code["sentence"])
        sent = passages[pid][k]
        lo = offsets[pid][k]
        hi = lo + len(sent)
        mine = trump[(trump["article_id"] == pid) & (trump["start"] >= lo) & (trump["start"] < hi)]
        spans = [(int(s) - lo, int(e) - lo) for s, e in zip(mine["start"], mine["end"], strict=True)]
        credited = []
        for item in filter(None, (p.strip() for p in code["other_phrases"].split(";"))):
            phrase, _, who = item.partition("=")
            span = _phrase_span(sent, phrase)
            if span is None:
                raise SystemExit(f"{pid}[{k}]: other phrase {phrase!r} not in the sentence")
            if any(a < span[1] and span[0] < b for a, b in spans):
                credited.append(f"{phrase}={who}")
        rows.append(
            {
                "passage": pid,
                "sentence": k,
                "code": code["trump"],
                "phrases": code["trump_phrases"],
                "found": bool(spans),
                "found_text": [sent[a:b] for a, b in spans],
                "rules": list(mine["rule"]),
                "credited": credited,
                "text": sent,
            }
        )
    return rows


def measures(rows: list[dict[str, object]]) -> dict[str, float]:
    """The measures of one (resampled) list of sentence rows."""
    ref = [r for r in rows if r["code"] == "ref"]
    mod = [r for r in rows if r["code"] in ("ref", "modifier")]
    none = [r for r in rows if r["code"] == "none"]
    nan = float("nan")
    return {
        "coverage": sum(bool(r["found"]) for r in ref) / len(ref) if ref else nan,
        "coverage_with_modifiers": sum(bool(r["found"]) for r in mod) / len(mod) if mod else nan,
        "false_credit_sentences": sum(bool(r["found"]) for r in none) / len(none) if none else nan,
        "false_credit_phrases": float(sum(len(r["credited"]) for r in rows)),  # type: ignore[arg-type]
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--part", default="dev", choices=list(PARTS))
    parser.add_argument("--bootstrap", type=int, default=2000)
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--dump", help="write the sentence rows as JSON to this file")
    parser.add_argument("--against", help="JSON rows of another code version on the same part: paired difference")
    args = parser.parse_args(argv)
    rows = passage_rows(Path(args.data_dir), args.part)
    if args.dump:
        Path(args.dump).write_text(json.dumps(rows), encoding="utf-8")
    other = json.loads(Path(args.against).read_text(encoding="utf-8")) if args.against else None
    by_passage: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        by_passage.setdefault(str(r["passage"]), []).append(r)
    point = measures(rows)
    rng = random.Random(23)
    keys = sorted(by_passage)
    other_by: dict[str, list[dict[str, object]]] = {}
    for r in other or []:
        other_by.setdefault(str(r["passage"]), []).append(r)
    samples, diffs = [], []
    for _ in range(args.bootstrap):
        chosen = rng.choices(keys, k=len(keys))
        pick = [r for key in chosen for r in by_passage[key]]
        samples.append(measures(pick))
        if other is not None:
            base = measures([r for key in chosen for r in other_by.get(key, [])])
            diffs.append({k: v - base[k] for k, v in samples[-1].items()})
    ref = sum(r["code"] == "ref" for r in rows)
    none = sum(r["code"] == "none" for r in rows)
    print(f"part {args.part}: {len(keys)} passages, {len(rows)} sentences ({ref} refer to Trump, {none} to no Trump)")
    for name, value in point.items():
        vals = sorted(s[name] for s in samples if s[name] == s[name])
        lo, hi = vals[int(0.025 * len(vals))], vals[int(0.975 * len(vals)) - 1]
        print(f"  {name:<26} {value:6.3f}  [{lo:.3f}, {hi:.3f}]")
    if other is not None:
        base_point = measures(other)
        for name, value in point.items():
            vals = sorted(d[name] for d in diffs if d[name] == d[name])
            lo, hi = vals[int(0.025 * len(vals))], vals[int(0.975 * len(vals)) - 1]
            print(f"  {name:<26} against: {base_point[name]:6.3f} -> {value:6.3f}, "
                  f"difference {value - base_point[name]:+.3f} [{lo:+.3f}, {hi:+.3f}]")  # fmt: skip
    if args.errors:
        for r in rows:
            if r["code"] in ("ref", "modifier") and not r["found"]:
                print(f"MISS {r['passage']}[{r['sentence']}] {r['code']}: {r['phrases']}\n     {r['text']}")
            if (r["code"] == "none" and r["found"]) or r["credited"]:
                print(f"FALSE {r['passage']}[{r['sentence']}] {r['found_text']} {r['rules']} credited={r['credited']}")
                print(f"     {r['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
