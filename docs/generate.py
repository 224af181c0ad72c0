"""Regenerate the result tables in docs/*.md from the code, so that they cannot go stale.

Usage: python docs/generate.py          rewrite the generated blocks
       python docs/generate.py --check  exit 1 (listing them) if a block differs from what the code gives

A generated block sits between ``<!-- generated: NAME -->`` and ``<!-- end generated -->``; the
text around it is written by hand. ``tests/test_docs.py`` runs the check.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import newslab as nl  # noqa: E402

BLOCK = re.compile(r"(<!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- end generated -->)", re.S)


def markdown(frame: pd.DataFrame, *, index: bool = False) -> str:
    """A DataFrame as a Markdown table (two decimals, | escaped)."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            value = f"{value:.2f}"
        return str(value).replace("|", "\\|").replace("\n", " ")

    columns = ([frame.index.name or ""] if index else []) + [str(c) for c in frame.columns]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for key, row in frame.iterrows():
        cells = ([cell(key)] if index else []) + [cell(v) for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _keyness(method: str) -> str:
    corpus = nl.load_seed_corpus()
    table = nl.keyness(corpus, "es-daily", "de-dpa", method=method)
    top = nl.top_keywords(table, n=10)
    shown = top[["favours", "rank", "term", "count_a", "count_b", "score", "effect", "p_value", "is_name"]]
    return markdown(shown)


@functools.cache
def _analysis() -> nl.Analysis:
    return nl.analyze(nl.load_seed_corpus())


def _frame_profile() -> str:
    profile = nl.frame_profile(nl.load_seed_corpus())
    shown = profile[["article_id", "frame", "family", "matches", "weight", "per_1000_words", "sentences",
                     "sentence_share", "top_cues"]]  # fmt: skip
    return markdown(shown)


def _frame_difference() -> str:
    profile = nl.frame_profile(nl.load_seed_corpus())
    wide = profile.pivot(index="frame", columns="article_id", values="per_1000_words")[["es-daily", "de-dpa"]]
    wide["diff"] = wide["es-daily"] - wide["de-dpa"]
    wide = wide.sort_values("diff").reset_index()
    wide.columns.name = None
    return markdown(wide)


def _compare() -> str:
    return markdown(nl.sections.comparison_view(_analysis().compare()), index=True)


def _summary() -> str:
    analysis = _analysis()
    keyness = nl.keyness(nl.load_seed_corpus(), "es-daily", "de-dpa")
    return "".join(f"- {line}\n" for line in analysis.summary(keyness=keyness))


GENERATORS: dict[str, Callable[[], str]] = {
    "keyness-log-odds": lambda: _keyness("log_odds_dirichlet"),
    "keyness-log-likelihood": lambda: _keyness("log_likelihood"),
    "frame-profile": _frame_profile,
    "frame-difference": _frame_difference,
    "compare": _compare,
    "compare-summary": _summary,
}


def regenerate(text: str, cache: dict[str, str]) -> str:
    def replace(m: re.Match[str]) -> str:
        name = m.group("name")
        if name not in GENERATORS:
            raise SystemExit(f"unknown generated block {name!r}; known: {sorted(GENERATORS)}")
        if name not in cache:
            cache[name] = GENERATORS[name]()
        return f"{m.group(1)}{cache[name]}{m.group(4)}"

    return BLOCK.sub(replace, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 when a block is stale")
    args = parser.parse_args(argv)
    cache: dict[str, str] = {}
    stale = []
    for path in sorted((REPO / "docs").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        new = regenerate(text, cache)
        if new != text:
            stale.append(path.name)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if stale:
        verb = "stale" if args.check else "rewritten"
        print(f"{verb}: {', '.join(stale)}" + (" (run python docs/generate.py)" if args.check else ""))
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
