"""How often Trump's names are found in news sentences newslab has never seen (NewsMTSC), and what is refused.

Usage: .venv/bin/python validation/score_names.py [--data ../shared/data] [--split dev|train|all] [--show N]

NewsMTSC (Hamborg & Donnay 2021) marks target mentions in news sentences. Every marked mention whose
text contains the word "Trump" is a gold Trump name (the sentence's wording, e.g. "President Trump",
"Donald Trump", "Trump's"); a hit is a Trump name mention of nl.find_mentions overlapping it. The
mentions of other bearers of the name (Ivanka Trump, Donald Trump Jr., Trump Tower, ...) are listed
separately: they must NOT be found as Donald Trump, and are counted as "other bearers taken".
NewsMTSC's "dev" files (mt/ and rw/) were never read while writing the rules.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import newslab as nl

OTHER = re.compile(
    r"\b(?:Ivanka|Melania|Eric|Lara|Tiffany|Barron|Fred|Mary|Ivana|Don) Trump\b|\bTrump (?:Jr|Sr)\b|"
    r"\bM(?:rs|s)\. Trump\b|"
    r"\bTrump (?:Tower|National|Organization|International|University|Foundation|Hotel|Plaza|Taj|Media)\b"
)


def load(data: Path, split: str) -> list[dict[str, object]]:
    files = {
        "dev": [data / "newsmtsc" / "mt" / "dev.jsonl", data / "newsmtsc" / "rw" / "dev.jsonl"],
        "train": [data / "newsmtsc" / "train.jsonl"],
    }
    chosen = files["dev"] + files["train"] if split == "all" else files[split]
    seen: dict[str, dict[str, object]] = {}
    for path in chosen:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if "sentence_normalized" in record:  # train: one record per sentence with its targets
                seen.setdefault(
                    record["sentence_normalized"], {"sentence": record["sentence_normalized"], "targets": []}
                )
                targets = record["targets"]
            else:  # dev: one record per target mention
                seen.setdefault(record["sentence"], {"sentence": record["sentence"], "targets": []})
                targets = [record]
            entry = seen[str(record.get("sentence_normalized", record.get("sentence")))]
            known = {(t["from"], t["to"]) for t in entry["targets"]}  # type: ignore[attr-defined]
            entry["targets"] += [t for t in targets if (t["from"], t["to"]) not in known]  # type: ignore[operator]
    return list(seen.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--split", choices=["dev", "train", "all"], default="dev")
    parser.add_argument("--show", type=int, default=10, help="misses to print")
    args = parser.parse_args(argv)
    records = [r for r in load(Path(args.data), args.split) if "Trump" in str(r["sentence"])]
    articles = [nl.Article(f"s{i}", "", str(r["sentence"])) for i, r in enumerate(records)]
    found = nl.find_mentions(nl.Corpus(articles), nl.TRUMP, pronouns=False, quotes=False)
    names = found[found["kind"] == "name"]
    spans: dict[str, list[tuple[int, int]]] = {}
    for a, s, e in zip(names["article_id"], names["start"], names["end"], strict=True):
        spans.setdefault(a, []).append((s, e))
    gold = hit = 0
    misses = []
    for art, record in zip(articles, records, strict=True):
        for t in record["targets"]:  # type: ignore[attr-defined]
            mention = str(t["mention"])
            if not re.search(r"\bTrump\b", mention) or OTHER.search(art.text[max(0, t["from"] - 10) : t["to"] + 12]):
                continue
            gold += 1
            if any(s < t["to"] and t["from"] < e for s, e in spans.get(art.id, [])):
                hit += 1
            else:
                misses.append(f"{mention!r} in: {art.text[:140]}")
    others = taken = 0
    for art in articles:
        for m in OTHER.finditer(art.text):
            others += 1
            taken += any(s < m.end() and m.start() < e for s, e in spans.get(art.id, []))
    print(f"NewsMTSC {args.split}: {len(records)} sentences with 'Trump'")
    print(f"Trump's marked mentions found as Trump names: {hit}/{gold} = {hit / max(gold, 1):.3f}")
    print(f"Other bearers of the name (Ivanka Trump, Trump Jr., Trump Tower, ...) taken for Trump: {taken}/{others}")
    for line in misses[: args.show]:
        print("  missed:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
