"""Issue 22, speed: does compiling the hot stage modules with mypyc make a cold ``nl.analyze`` call faster?

Usage: python benchmarks/trial_mypyc.py [DATA_DIR] [--work /tmp/mc] [--pairs 5] [--skip-build] [--check]

A trial outside the package, reproducible from this checkout:

1. ``build``: the tracked files of this checkout (``git archive HEAD``) are unpacked twice, into
   ``WORK/pure`` and ``WORK/compiled``; in the second, ``mypyc`` (shipped with mypy) compiles
   :data:`COMPILED` in place (a C extension beside each ``.py``, and one shared
   ``*__mypyc*.so`` at the copy's root). :data:`REFUSED` lists the hot modules left out, and why.
2. ``measure``: the cold 600-article corpus of ``bench_scale.py --cold 600`` (``write_corpus``, seed 13) is
   analyzed by ``benchmarks/profile_cold.py`` in fresh processes, pure and compiled alternating (the order
   flips each pair), with the naive tone-only loop of ``bench_scale.py`` (``--phase cold_naive``; code
   neither copy owns) run beside each pair. The host is shared and noisy, so each stage's CPU is also
   divided by an untouched reference of the same process: the "reading, tables, DataFrames" part
   (pandas, the reader), whose modules are not compiled.
3. ``--check``: ``check_stages_equal.py DATA_DIR --reference WORK/pure --articles 1000`` run with the
   compiled copy (its ``PYTHONPATH``): every table must be identical.

Prints a Markdown table of medians, ranges and the medians of the paired ratios for ``docs/scale.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

#: The modules compiled: those ``profile_cold.py``'s stages spend their time in (cProfile's own time per file
#: of a cold 600-article call, 2026-12-07: every newslab module above about 0.1 s), minus :data:`REFUSED`.
COMPILED: tuple[str, ...] = (
    *("quotes", "speakers", "speaker_turns", "attribution", "speech_formats", "reported_speech", "subject_repairs"),
    *("mentions", "names", "people", "pronouns", "coreference", "descriptions", "actors", "binding"),
    *("stance", "stance_rules", "holders", "cue_matches", "cue_roles", "object_roles", "author_stance"),
    *("tone", "tone_lexicon", "tone_constructions", "target_tone", "target_reading", "target_model", "mention_tone"),
    *("document", "tokenizers", "topic", "hedging"),  # parsing and the rest of the pass
)

#: Hot modules mypyc did not compile (mypy 2.4.1's mypyc, Python 3.11.7), and why.
REFUSED = {
    "frames": 'type error under mypyc: "re" has no attribute "_constants"/"_parser" (mypyc checks for the running '
    "Python, 3.11, where the module imports re._parser, which typeshed does not declare; plain mypy checks 3.10)",
    "pattern_lexicon": "mypyc error: nested class definitions not supported (the Sentiment subclass made at load)",
    "vader": "compiles, but fails at run time: LinearVader subclasses vaderSentiment's untyped analyzer, and "
    "`any(e.isascii() for e in self.emojis)` raises SystemError (bad argument to internal function)",
}

#: Lines of ``profile_cold.py``'s output read here: "name   seconds   share%".
_LINE = re.compile(r"^(?P<name>.+?)\s+(?P<s>\d+\.\d\d)(?:\s|$)")
#: The part of a cold call no compiled module runs (reading the corpus, building the tables, pandas).
REFERENCE = "reading, tables, DataFrames"
STAGES = ("quotes", "mentions", "stance", "tone", "target_tone", "sentences", "frames", "hedging", "rows")


def build(work: Path) -> dict[str, float]:
    """Unpack this checkout twice and compile :data:`COMPILED` in the second copy; returns the build's times."""
    for side in ("pure", "compiled"):
        target = work / side
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", "HEAD"], cwd=REPO, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    mypyc = Path(sys.executable).with_name("mypyc")
    files = [f"newslab/{m}.py" for m in COMPILED]
    t0, c0 = time.perf_counter(), os.times()
    done = subprocess.run([str(mypyc), *files], cwd=work / "compiled", capture_output=True, text=True)
    c1 = os.times()
    if done.returncode != 0:
        sys.exit(f"mypyc failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    cpu = (c1.children_user + c1.children_system) - (c0.children_user + c0.children_system)
    extensions = sorted((work / "compiled").glob("*.so")) + sorted((work / "compiled" / "newslab").glob("*.so"))
    size = sum(p.stat().st_size for p in extensions) / 1e6
    print(f"mypyc: {len(COMPILED)} modules, {len(extensions)} extensions ({size:.1f} MB), "
          f"{time.perf_counter() - t0:.0f} s wall, {cpu:.0f} s CPU")  # fmt: skip
    return {"wall_s": time.perf_counter() - t0, "cpu_s": cpu, "mb": size}


def write_corpora(work: Path, data_dir: Path, n: int) -> tuple[Path, Path]:
    """The cold corpus of ``bench_scale.py --cold N`` and its pre-split sentences (for the naive loop)."""
    import bench_scale

    path, split = work / f"cold-{n}.jsonl", work / f"cold-{n}-sentences.jsonl"
    if not path.exists():
        bench_scale.write_corpus(bench_scale.source_articles(data_dir), n, path)
    if not split.exists():
        env = {**os.environ, "PYTHONPATH": str(work / "pure")}
        code = "import sys, bench_scale, pathlib; bench_scale.write_split(*map(pathlib.Path, sys.argv[1:]))"
        subprocess.run([sys.executable, "-c", code, str(path), str(split)], check=True, env=env,
                       cwd=work / "pure" / "benchmarks")  # fmt: skip
    return path, split


def profile(copy: Path, corpus: Path) -> dict[str, float]:
    """CPU seconds per stage of one cold call, ``profile_cold.py`` of ``copy`` in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(copy), "NEWSLAB_PROGRESS": "0"}
    out = subprocess.run([sys.executable, str(copy / "benchmarks" / "profile_cold.py"), str(corpus)], env=env,
                         check=True, capture_output=True, text=True, cwd=copy).stdout  # fmt: skip
    found: dict[str, float] = {}
    for line in out.splitlines():
        m = _LINE.match(line)
        if m:
            found[m.group("name").strip()] = float(m.group("s"))
    return found


def naive(copy: Path, split: Path) -> float:
    """CPU seconds of the naive tone-only loop (imports included), ``bench_scale.py --phase cold_naive``."""
    env = {**os.environ, "PYTHONPATH": str(copy)}
    out = subprocess.run([sys.executable, str(copy / "benchmarks" / "bench_scale.py"), "--phase", "cold_naive",
                          str(split)], env=env, check=True, capture_output=True, text=True).stdout  # fmt: skip
    return float(json.loads(out.strip().splitlines()[-1])["cpu_s"])


def measure(work: Path, corpus: Path, split: Path, pairs: int) -> None:
    """Alternating fresh processes, pure and compiled; prints the table and the paired ratios."""
    runs: dict[str, list[dict[str, float]]] = {"pure": [], "compiled": []}
    for i in range(pairs):
        order = ("pure", "compiled") if i % 2 == 0 else ("compiled", "pure")
        for side in order:
            runs[side].append(profile(work / side, corpus))
            runs[side][-1]["naive loop (untouched)"] = naive(work / "pure", split)
        p, c = runs["pure"][-1], runs["compiled"][-1]
        print(f"pair {i + 1} ({order[0]} first): total pure {p['total']:.2f} s, compiled {c['total']:.2f} s, "
              f"naive {p['naive loop (untouched)']:.2f} / {c['naive loop (untouched)']:.2f} s", flush=True)  # fmt: skip
    names = [*STAGES, "garbage collector (within the above)", "import newslab", REFERENCE, "naive loop (untouched)",
             "total"]  # fmt: skip
    print("\n| CPU s | pure | compiled | paired compiled/pure | same, each divided by its run's reading+tables |")
    print("|---|---|---|---|---|")
    for name in names:
        if not all(name in r for side in runs.values() for r in side):
            continue
        cells = []
        for side in ("pure", "compiled"):
            values = [r[name] for r in runs[side]]
            cells.append(f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})")
        ratio = [c[name] / p[name] for p, c in zip(runs["pure"], runs["compiled"], strict=True) if p[name] > 0]
        norm = [
            (c[name] / c[REFERENCE]) / (p[name] / p[REFERENCE])
            for p, c in zip(runs["pure"], runs["compiled"], strict=True)
            if p[name] > 0
        ]
        print(f"| {name} | {cells[0]} | {cells[1]} | {statistics.median(ratio):.2f} "
              f"({min(ratio):.2f}-{max(ratio):.2f}) | {statistics.median(norm):.2f} |")  # fmt: skip
    (work / "trial_runs.json").write_text(json.dumps(runs, indent=1), encoding="utf-8")


def check(work: Path, data_dir: Path) -> int:
    """``check_stages_equal.py`` with the compiled copy against the pure one (exit status 0: identical)."""
    script = work / "compiled" / "benchmarks" / "check_stages_equal.py"
    env = {**os.environ, "PYTHONPATH": str(work / "compiled")}
    command = [sys.executable, str(script), str(data_dir), "--reference", str(work / "pure"), "--articles", "1000"]
    return subprocess.run(command, env=env, cwd=work / "compiled" / "benchmarks").returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--work", type=Path, default=Path("/tmp/mc"), help="where the two copies and corpora go")
    parser.add_argument("--pairs", type=int, default=5, help="alternating pure/compiled pairs (0: no timing)")
    parser.add_argument("--articles", type=int, default=600, help="articles of the cold corpus")
    parser.add_argument("--skip-build", action="store_true", help="reuse WORK/pure and WORK/compiled")
    parser.add_argument("--check", action="store_true", help="also compare every table (check_stages_equal)")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if not args.skip_build:
        build(args.work)
    corpus, split = write_corpora(args.work, args.data_dir, args.articles)
    if args.pairs:
        measure(args.work, corpus, split, args.pairs)
    return check(args.work, args.data_dir) if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
