"""The fixed costs of a cold ``nl.analyze`` call: regular expressions compiled, modules compiled from source.

Usage: python benchmarks/profile_fixed_costs.py CORPUS.jsonl [--top 20]

Run it in a fresh process (it is one). It wraps ``re._compiler.compile`` (the step behind
``re.compile`` and behind ``re.search(pattern_string, ...)`` when the pattern is not in ``re``'s
cache) in a CPU timer, and ``builtins.compile`` for module sources, then makes one
``nl.analyze(CORPUS, workers=1)`` call as ``benchmarks/bench_scale.py --cold`` does. It prints the
regex compile time in all, the patterns compiled more than once (``re``'s cache of 512 patterns
evicted them, or a pattern is built per call), the slowest patterns with the line that compiled
them, and how many modules were compiled from source (no ``__pycache__``: with
``PYTHONDONTWRITEBYTECODE=1`` and a source checkout, every cold process compiles newslab again).
"""

from __future__ import annotations

import argparse
import builtins
import collections
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _caller() -> str:
    """The first frame outside the ``re`` package: the line that asked for the pattern."""
    frame = sys._getframe(2)
    while frame.f_back is not None and Path(frame.f_code.co_filename).parent.name == "re":
        frame = frame.f_back
    return f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--top", type=int, default=20, help="slowest patterns to list")
    args = parser.parse_args()
    import re._compiler as re_compiler

    regex_compile = re_compiler.compile
    source_compile = builtins.compile
    patterns: list[tuple[float, str, int, str]] = []
    sources: list[tuple[float, str]] = []

    def timed_regex(pattern: Any, flags: int = 0) -> Any:
        c = time.process_time()
        result = regex_compile(pattern, flags)
        patterns.append((time.process_time() - c, str(pattern), int(flags), _caller()))
        return result

    def timed_source(source: Any, filename: Any, *a: Any, **k: Any) -> Any:
        c = time.process_time()
        result = source_compile(source, filename, *a, **k)
        if isinstance(filename, str) and filename.endswith(".py"):
            sources.append((time.process_time() - c, filename))
        return result

    re_compiler.compile = timed_regex
    builtins.compile = timed_source
    c0 = time.process_time()
    import newslab as nl

    nl.analyze(args.corpus, workers=1, progress=False)
    total = time.process_time() - c0
    re_compiler.compile, builtins.compile = regex_compile, source_compile
    regex_s = sum(t for t, *_ in patterns)
    print(f"cold call: {total:.2f} s CPU")
    print(f"regex compiles: {len(patterns)} ({len({(p, f) for _, p, f, _ in patterns})} distinct), {regex_s:.3f} s")
    seen: set[tuple[str, int]] = set()
    again = collections.Counter[tuple[str, str]]()
    again_s = 0.0
    for t, p, f, where in patterns:
        if (p, f) in seen:
            again[(where, p[:70])] += 1
            again_s += t
        seen.add((p, f))
    print(f"  compiled again (cache evictions or patterns built per call): {sum(again.values())}, {again_s:.3f} s")
    for (where, p), n in again.most_common(5):
        print(f"    {n:4d}x {where}: {p!r}")
    print(f"  slowest {args.top}:")
    for t, p, _, where in sorted(patterns, reverse=True)[: args.top]:
        print(f"    {1000 * t:6.1f} ms {where}: {p[:70]!r}")
    ours = [(t, f) for t, f in sources if "newslab" in Path(f).parts]
    print(f"modules compiled from source: {len(sources)} ({sum(t for t, _ in sources):.3f} s), newslab's {len(ours)} "
          f"({sum(t for t, _ in ours):.3f} s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
