"""Build validation/annotations/outlets/<part>/ (dev, heldout, heldout2, ...) from the articles in marked.txt.

Usage: python validation/build_outlets.py validation/annotations/outlets/marked.txt validation/annotations/outlets

Markup (stripped from the text): ``⟦k|words⟧`` a reference to Trump (k: n name, d description,
p pronoun) or ``⟦o|words⟧`` a description of another person that names no one (false-credit check);
``«kind|speaker|cue|words»`` a quote (kind direct/indirect; words = the quote span, marks outside;
``¦`` in a speaker separates name forms of one person, written ``|`` in quotes.tsv as the scorers read them).
Offsets are computed here, so a gold span is exactly what the annotator marked.

Every part named by an article (``part="..."``) gets its own folder, in the order the parts first
appear. A target's value is a list of aliases (kind ``organization`` for the party groups, else
``person``) or a full spec ``{"aliases": [...], "kind": ...}`` written as given (e.g. NATO).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

KINDS = {"n": "name", "d": "description", "p": "pronoun", "o": "other"}
GROUPS = ("Democrats", "Republicans")


def parse(marked: str) -> tuple[str, list[tuple[str, str, int, int]], list[tuple[str, str, str, str]]]:
    """The clean text, its references (kind, words, start, end) and quotes (kind, words, speaker, cue)."""
    buf = ""
    refs: list[tuple[str, str, int, int]] = []
    quotes: list[tuple[str, str, str, str]] = []
    stack: list[tuple[int, str, str, str]] = []  # open quotes: (start in buf, kind, speaker, cue)
    i = 0
    while i < len(marked):
        c = marked[i]
        if c == "⟦":
            end = marked.index("⟧", i)
            kind, words = marked[i + 1 : end].split("|", 1)
            refs.append((kind, words, len(buf), len(buf) + len(words)))
            buf += words
            i = end + 1
        elif c == "«":
            bars = [marked.index("|", i)]
            bars.append(marked.index("|", bars[0] + 1))
            bars.append(marked.index("|", bars[1] + 1))
            stack.append(
                (len(buf), marked[i + 1 : bars[0]], marked[bars[0] + 1 : bars[1]], marked[bars[1] + 1 : bars[2]])
            )
            i = bars[2] + 1
        elif c == "»":
            start, kind, speaker, cue = stack.pop()
            quotes.append((kind, buf[start:], speaker, cue))
            i += 1
        else:
            buf += c
            i += 1
    if stack:
        raise SystemExit(f"unclosed quote markup: {stack}")
    return buf, refs, quotes


def write_tsv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    """A tab-separated file with a header (csv quoting where a field needs it)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main(src: str, out_root: str) -> None:
    """Write articles.jsonl, mentions.tsv, quotes.tsv, stances.tsv and stance_targets.json per part."""
    spec: dict[str, Any] = {}
    exec(Path(src).read_text(encoding="utf-8"), spec)  # the marked articles: Python literals in a .txt file
    parts = list(dict.fromkeys(a["part"] for a in spec["ARTICLES"]))  # dev, heldout, heldout2, ...
    for part in parts:
        folder = Path(out_root) / part
        folder.mkdir(parents=True, exist_ok=True)
        arts, mrows, qrows, srows = [], [], [], []
        targets: dict[str, Any] = {}
        for a in (a for a in spec["ARTICLES"] if a["part"] == part):
            text, refs, quotes = parse(a["text"].strip())
            arts.append({"id": a["id"], "title": a["title"], "source": a["outlet"], "text": text,
                         "date": a["date"], "event": a["event"]})  # fmt: skip
            for kind, words, start, end in refs:
                mrows.append([a["id"], "" if kind == "o" else "Trump", KINDS[kind], start, end, words])
            for kind, words, speaker, cue in quotes:
                qrows.append([a["id"], kind, words, speaker.replace("¦", "|"), cue, ""])
            for holder, target, stance, cue, sentence in a.get("stances", ()):
                if text.count(sentence) != 1:
                    raise SystemExit(f"{a['id']}: stance sentence not found once: {sentence!r}")
                srows.append([a["id"], holder, target, stance, cue, sentence, ""])
            for name, value in a.get("targets", {}).items():
                if isinstance(value, dict):
                    targets[name] = {"aliases": list(value["aliases"]), "kind": value["kind"]}
                else:
                    targets[name] = {"aliases": value, "kind": "organization" if name in GROUPS else "person"}
        with (folder / "articles.jsonl").open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in arts)
        write_tsv(folder / "mentions.tsv", ["article_id", "target", "kind", "start", "end", "mention"], mrows)
        write_tsv(folder / "quotes.tsv", ["article_id", "kind", "quote", "speaker", "cue", "note"], qrows)
        header = ["article_id", "holder", "target", "stance", "cue", "sentence", "note"]
        write_tsv(folder / "stances.tsv", header, srows)
        ordered = {"Trump": [], **{k: v for k, v in sorted(targets.items()) if k != "Trump"}}
        (folder / "stance_targets.json").write_text(json.dumps(ordered, indent=2, ensure_ascii=False) + "\n")
        print(part, len(arts), "articles", len(mrows), "references", len(qrows), "quotes", len(srows), "stances")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
