"""List the items of the outlet target-tone coding (issue 21, deliverable 7): references only, no tone run.

Usage: python validation/annotations/outlet_tone/items.py [--dump FILE]
       python validation/annotations/outlet_tone/items.py --labels LABELS.tsv   # writes codes.tsv

Items: every gold Trump mention of ``mentions.tsv`` (kinds name, description, pronoun) in the spent
outlet parts ``dev/`` and ``heldout2/``, plus the mentions of the other stance targets that each part's
``stance_targets.json`` names (alias matches, longest first, whole words, not inside a Trump mention).
Each item gets its article, newslab's sentence index (``nl.load_corpus`` sentences; no tone function
runs), the article offsets and the sentence offsets. ``--dump`` writes the sentences with their items,
for the coder to read. ``heldout3/`` and ``heldout4/`` are never read.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))
OUTLETS = REPO / "validation" / "annotations" / "outlets"
#: the spent parts that are coded (never heldout3/ or heldout4/)
PARTS = ("dev", "heldout2")
#: the events coded: every dev event (19 events, 57 articles) and the heldout2 event with the fewest items
#: (e29, 3 articles), so that >= 60 articles are coded; the other six heldout2 events (475 items) were left
#: uncoded for lack of time (one coder, one session)
EVENTS = frozenset(["e01", "e02", "e03", "e04", "e05", "e06"] + [f"e{n}" for n in range(11, 24)] + ["e29"])


def articles(part: str) -> dict[str, dict[str, str]]:
    """``id`` -> the article record of one part."""
    with (OUTLETS / part / "articles.jsonl").open(encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """newslab's sentence spans of an article (the tokenizer only)."""
    from newslab.tokenizers import sentence_spans as spans

    return list(spans(text))


def items() -> list[dict[str, object]]:
    """Every item of the coding, in article and offset order."""
    out: list[dict[str, object]] = []
    for part in PARTS:
        arts = articles(part)
        targets = json.loads((OUTLETS / part / "stance_targets.json").read_text(encoding="utf-8"))
        trump: dict[str, list[tuple[int, int, str, str]]] = {}
        with (OUTLETS / part / "mentions.tsv").open(encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                if r["target"] == "Trump":
                    trump.setdefault(r["article_id"], []).append((int(r["start"]), int(r["end"]), r["kind"], "Trump"))
        for aid, art in arts.items():
            if aid.split("-")[0] not in EVENTS:
                continue
            text = art["text"]
            found = list(trump.get(aid, []))
            taken = [(a, b) for a, b, *_ in found]
            for name, spec in targets.items():
                if name == "Trump":
                    continue
                aliases = spec["aliases"] if isinstance(spec, dict) else spec
                for alias in sorted(aliases, key=len, reverse=True):
                    for m in re.finditer(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", text):
                        a, b = m.span()
                        if any(a < y and x < b for x, y in taken):
                            continue
                        taken.append((a, b))
                        found.append((a, b, "alias", name))
            spans = sentence_spans(text)
            for a, b, kind, target in sorted(found):
                sid = next(i for i, (s, e) in enumerate(spans) if s <= a < e)
                s, e = spans[sid]
                out.append(
                    {
                        "part": part,
                        "article_id": aid,
                        "event": aid.split("-")[0],
                        "sentence_id": sid,
                        "target": target,
                        "kind": kind,
                        "start": a,
                        "end": b,
                        "sent_start": a - s,
                        "sent_end": min(b, e) - s,
                        "mention": text[a:b],
                        "sentence": text[s:e],
                    }
                )
    return out


#: the pool must hold at least this many coded items (the outside target adapts on 300; a little more lets
#: ``score_adaptation.py --final`` draw whole articles until >= 300)
POOL_MIN = 340
LABEL_OF = {"n": "negative", "0": "neutral", "p": "positive"}
COLUMNS = ("split", "part", "article_id", "event", "sentence_id", "target", "kind", "start", "end",
           "sent_start", "sent_end", "mention", "label", "reason")  # fmt: skip


def event_order(events: set[str]) -> list[str]:
    """Events in a fixed pseudo-random order (a hash of the event id), drawn into the pool first."""
    return sorted(events, key=lambda e: hashlib.sha256(f"outlet_tone:{e}".encode()).hexdigest())


def pool_events(rows: list[dict[str, object]]) -> set[str]:
    """Whole events, in :func:`event_order`, until the pool holds >= POOL_MIN items; the rest is the test part."""
    sizes: dict[str, int] = {}
    for r in rows:
        sizes[str(r["event"])] = sizes.get(str(r["event"]), 0) + 1
    chosen: set[str] = set()
    n = 0
    for event in event_order(set(sizes)):
        if n >= POOL_MIN:
            break
        chosen.add(event)
        n += sizes[event]
    return chosen


def write_codes(labels_path: str) -> None:
    """Join the coder's labels (``item<TAB>n|0|p|x<TAB>reason``; x = the alias match is another person) with
    the items and write ``codes.tsv`` (items coded x are left out)."""
    found = items()
    coded = []
    for line in Path(labels_path).read_text(encoding="utf-8").splitlines():
        n, code, reason = line.split("\t")
        if code != "x":
            coded.append({**found[int(n)], "label": LABEL_OF[code], "reason": reason})
    pool = pool_events(coded)
    with (HERE / "codes.tsv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter="\t", lineterminator="\n")
        out.writerow(COLUMNS)
        for r in coded:
            r["split"] = "pool" if r["event"] in pool else "test"
            out.writerow([r[c] for c in COLUMNS])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump")
    parser.add_argument("--labels")
    args = parser.parse_args()
    if args.labels:
        write_codes(args.labels)
        return 0
    rows = items()
    print(len(rows), "items;", len({r["article_id"] for r in rows}), "articles")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            last = None
            for n, r in enumerate(rows):
                key = (r["article_id"], r["sentence_id"])
                if key != last:
                    f.write(f"\n## {r['article_id']} s{r['sentence_id']}: {r['sentence']}\n")
                    last = key
                f.write(f"{n}\t{r['target']}\t{r['kind']}\t{r['mention']}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
