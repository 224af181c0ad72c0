"""Check that every table of the pass is identical to a reference copy of newslab (before/after a restructuring).

Usage: python benchmarks/check_stages_equal.py [DATA_DIR] --reference DIR [--articles 1000]

``DIR`` is a copy of the reference code, e.g. main exported with
``git archive main | tar -x -C /tmp/ref``. Each side runs in a process of its own (the same Python,
``PYTHONPATH`` set to its copy), computes its tables and pickles them; the two are compared here.

Corpora: the two bundled articles, and articles rebuilt from NewsMTSC train (``DATA_DIR/newsmtsc/train.jsonl``,
its sentences grouped by the article part of ``primary_gid``, joined in order; the longest ``--articles``).
Targets: Trump, NATO and a few more names of NewsMTSC's news (more mentions to compare).

On each side it also checks that ``find_mentions``, ``find_quotes`` and ``stance_table`` equal the
matching table of ``analyze`` (lines ``VIEW``). Compared on each corpus: every table of
``nl.analyze`` (default options); the same tables saved as Parquet and loaded back; the same with
option variants (``stance_sentiment=True``, ``in_quote=False``, ``pronouns=False``,
``tables=["mentions"]``); ``compare()``, ``format_compare()`` and ``summary_findings``; and the
public table functions (``find_mentions``, ``find_quotes``, ``sentiment_table``, ``stance_table``,
``frame_table``). Tables and columns are compared where both sides have them; tables or columns
only one side has are listed (a new measure adds columns). Numbers may differ by at most 1e-12.
Exit status 1 if anything differs.
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from check_target_tone_equal import rebuilt_articles  # the same rebuilt NewsMTSC articles (a sibling script)

REPO = Path(__file__).resolve().parents[1]
TOLERANCE = 1e-12
EXTRA_TARGETS = ("Clinton", "Obama", "Democrats", "Congress", "Pelosi", "Comey", "Mueller")


def _frames(prefix: str, analysis: Any, out: dict[str, Any]) -> None:
    for name in ("articles", "sentences", "tone", "mentions", "target_tone", "quotes", "stance", "frames", "errors"):
        out[f"{prefix}.{name}"] = analysis.table(name)


def dump(data_dir: Path, n_articles: int, out: Path) -> None:
    """One side: compute every output on this side's newslab and pickle them (run in a subprocess)."""
    import importlib.util

    import newslab as nl

    # compare's module: newslab.comparison since issue 22's renames, newslab.aggregate before (a reference checkout)
    renamed = importlib.util.find_spec("newslab.runner") is not None
    side = importlib.import_module("newslab.comparison" if renamed else "newslab.aggregate")
    format_compare, summary_findings = side.format_compare, side.summary_findings

    targets = (nl.TRUMP, nl.NATO, *(nl.Target(name) for name in EXTRA_TARGETS))
    corpora = {
        "seed": nl.load_seed_corpus(),
        "news": nl.Corpus(nl.Article(k, "", text) for k, text in rebuilt_articles(data_dir, n_articles).items()),
    }
    results: dict[str, Any] = {"version": nl.__file__}
    for label, corpus in corpora.items():
        chosen = targets if label == "news" else (nl.TRUMP, nl.NATO)
        analysis = nl.analyze(corpus, chosen, progress=False)
        _frames(f"{label}.analyze", analysis, results)
        with tempfile.TemporaryDirectory() as folder:  # saved as Parquet and read back
            _frames(f"{label}.saved", nl.Analysis.load(analysis.save(Path(folder) / "a")), results)
        table = analysis.compare()
        results[f"{label}.compare"] = table
        results[f"{label}.format_compare"] = format_compare(table)
        results[f"{label}.summary_findings"] = summary_findings(table)
        for variant, options in (
            ("stance_sentiment", nl.AnalysisOptions(stance_sentiment=True)),
            ("no_in_quote", nl.AnalysisOptions(in_quote=False)),
            ("no_pronouns", nl.AnalysisOptions(pronouns=False)),
        ):
            _frames(f"{label}.{variant}", nl.analyze(corpus, chosen, options=options, progress=False), results)
        results[f"{label}.tables_mentions.mentions"] = nl.analyze(
            corpus, chosen, tables=["mentions"], progress=False
        ).mentions
        results[f"{label}.find_mentions"] = nl.find_mentions(corpus, chosen)
        results[f"{label}.find_quotes"] = nl.find_quotes(corpus, targets=chosen)
        results[f"{label}.sentiment_table"] = nl.sentiment_table(corpus)
        results[f"{label}.stance_table"] = nl.stance_table(corpus, chosen)
        results[f"{label}.frame_table"] = nl.frame_table(corpus)
    out.write_bytes(pickle.dumps(results))


def same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or abs(a - b) <= TOLERANCE
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if hasattr(a, "tolist") and hasattr(b, "tolist"):
        return same(a.tolist(), b.tolist())
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if a is None or b is None:
        return a is b or (a != a and b != b)
    return bool(a == b) if type(a) is type(b) or not isinstance(a, str) else False


def compare_frames(name: str, ref: Any, new: Any) -> list[str]:
    """Differences between two DataFrames (rows in order, common columns; extra columns listed)."""
    notes = []
    only_ref = [c for c in ref.columns if c not in new.columns]
    only_new = [c for c in new.columns if c not in ref.columns]
    if only_ref:
        notes.append(f"DIFF {name}: columns missing after: {only_ref}")
    if only_new:
        notes.append(f"NOTE {name}: columns added: {only_new}")
    if len(ref) != len(new):
        return [*notes, f"DIFF {name}: {len(ref)} rows before, {len(new)} after"]
    common = [c for c in ref.columns if c in new.columns]
    if [c for c in new.columns if c in common] != common:
        notes.append(f"DIFF {name}: column order differs")
    for column in common:
        a, b = ref[column].tolist(), new[column].tolist()
        bad = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if not same(x, y)]
        if bad:
            i = bad[0]
            notes.append(f"DIFF {name}.{column}: {len(bad)} rows differ, first row {i}: {a[i]!r} vs {b[i]!r}")
    return notes


def run_side(repo: Path, data_dir: Path, n_articles: int, out: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(repo), "NEWSLAB_PROGRESS": "0"}
    command = [sys.executable, str(Path(__file__).resolve()), str(data_dir), "--dump", str(out)]
    subprocess.run([*command, "--articles", str(n_articles)], check=True, env=env, cwd=tempfile.gettempdir())
    return pickle.loads(out.read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--reference", help="folder holding the reference copy of newslab")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--dump", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir)
    if args.dump:
        dump(data_dir, args.articles, Path(args.dump))
        return 0
    if not args.reference:
        parser.error("--reference DIR is required")
    with tempfile.TemporaryDirectory() as tmp:
        ref = run_side(Path(args.reference), data_dir, args.articles, Path(tmp) / "ref.pkl")
        new = run_side(REPO, data_dir, args.articles, Path(tmp) / "new.pkl")
    print(f"reference: {ref.pop('version')}\nthis copy: {new.pop('version')}")
    notes: list[str] = []
    for name in ref:
        if name not in new:
            notes.append(f"DIFF {name}: missing after")
            continue
        notes += compare_frames(name, ref[name], new[name])
    notes += [f"NOTE {name}: only after" for name in new if name not in ref]
    for side, results in (("before", ref), ("after", new)):  # the table functions are views of analyze()
        for label in ("seed", "news"):
            for view, table in (("find_mentions", "mentions"), ("find_quotes", "quotes"), ("stance_table", "stance")):
                differ = compare_frames(
                    f"{label}.{view}", results[f"{label}.analyze.{table}"], results[f"{label}.{view}"]
                )
                agree = "agrees" if not [n for n in differ if n.startswith("DIFF")] else f"DIFFERS ({differ[0]})"
                print(f"VIEW {side}: {label}.{view} vs analyze().{table}: {agree}")
    rows = sum(len(ref[k]) for k in ref)
    for line in notes:
        print(line)
    n_diff = sum(line.startswith("DIFF") for line in notes)
    print(f"SUMMARY outputs={len(ref)} rows={rows} differences={n_diff}")
    return 1 if n_diff else 0


if __name__ == "__main__":
    sys.exit(main())
