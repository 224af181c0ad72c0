"""Where the time of ``newslab report`` goes, on the bundled articles (or given ones).

Usage: python benchmarks/bench_report.py [ARTICLES ...] [--runs 3] [--imports]

Each run is the command a user types (``newslab report -o TMP -q``) in a fresh process, timed
from the outside. The executed notebook's papermill metadata (UTC timestamps of the run and of
every cell) splits one run into phases, with no instrumentation inside newslab:

* ``before kernel``: interpreter start, ``newslab.cli``, papermill, parameter and input checks;
* ``kernel start``: from papermill's start to the first cell;
* one line per code cell (its first line names it), the cells' sum, the time between cells
  (papermill saving the notebook, nbclient's messages) and the kernel's shutdown;
* ``after kernel``: the HTML export and the swap of the finished folder into place.

``--imports`` adds the cold import time of the heavy libraries, each in a fresh interpreter.
Timings on a shared machine vary by tens of percent: compare medians of several runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]
NEWSLAB = Path(sys.executable).with_name("newslab")
#: Modules timed by ``--imports``: the parent's (papermill, nbconvert) and the kernel's.
IMPORTS = (
    "newslab.cli",
    "papermill",
    "nbconvert",
    "ipykernel.kernelapp",
    "pandas",
    "matplotlib.pyplot",
    "nltk",
    "textblob",
    "scipy.stats",
    "sklearn",
    "newslab.plots",
    "newslab.sentiment",
)


def _utc(stamp: str) -> float:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


class Run(NamedTuple):
    """One timed run of the command."""

    wall: float  # seconds, from the outside
    cpu: float  # user + system seconds of the command and its kernel
    load: float  # the machine's 1-minute load average at the end (other processes slow a run down)
    peak_mb: float  # peak resident memory of the largest process
    html_mb: float
    phases: list[tuple[str, float]]


def run_once(articles: list[str], out: Path) -> Run:
    """One ``newslab report`` run: wall time, peak RSS of the command and its kernel, and the phases."""
    command = [str(NEWSLAB), "report", *articles, "-o", str(out), "-q"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True, check=False)
    ended = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{proc.stderr}")
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    notebook = json.loads((out / "report" / "report.ipynb").read_text(encoding="utf-8"))
    run_meta = notebook["metadata"]["papermill"]
    pm_start, pm_end = _utc(run_meta["start_time"]), _utc(run_meta["end_time"])
    cells = []
    for cell in notebook["cells"]:
        meta = cell.get("metadata", {}).get("papermill", {})
        if cell["cell_type"] != "code" or meta.get("start_time") is None:
            continue
        first = next((line for line in "".join(cell["source"]).splitlines() if line.strip()), "")
        cells.append((first[:70], _utc(meta["start_time"]), _utc(meta["end_time"])))
    phases = [
        ("before kernel", pm_start - started),
        ("kernel start", cells[0][1] - pm_start if cells else 0.0),
        *((f"  cell: {name}", end - start) for name, start, end in cells),
        ("cells (sum)", sum(end - start for _, start, end in cells)),
        (
            "between cells (papermill, nbclient)",
            cells[-1][2] - cells[0][1] - sum(e - s for _, s, e in cells) if cells else 0.0,
        ),
        ("kernel end", pm_end - cells[-1][2] if cells else 0.0),
        ("after kernel", ended - pm_end),
    ]
    html = out / "report" / "report.html"
    return Run(ended - started, cpu, os.getloadavg()[0], peak_kb / 1024, html.stat().st_size / 1e6, phases)


def import_time(module: str) -> float:
    """Seconds ``python -c 'import MODULE'`` takes, minus a bare interpreter start."""

    def timed(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    return timed(f"import {module}") - timed("pass")


def main(argv: list[str] | None = None) -> int:
    """Run the report ``--runs`` times and print the median wall time and the phases of the median run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", help="files or folders (default: the bundled articles)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--imports", action="store_true", help="also time cold imports of the heavy libraries")
    args = parser.parse_args(argv)
    if not NEWSLAB.exists():
        raise SystemExit(f"{NEWSLAB} not found: run with the project's .venv/bin/python")
    articles = [str(Path(a).resolve()) for a in args.articles]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            results.append(run_once(articles, Path(tmp) / f"run{i}"))
    walls = [r.wall for r in results]
    median = sorted(results, key=lambda r: r.wall)[len(results) // 2]
    print(f"newslab report on {', '.join(args.articles) or 'the bundled articles'}; cpus={os.cpu_count()}")
    print(f"wall: median {statistics.median(walls):.2f} s of {len(walls)} ({', '.join(f'{w:.2f}' for w in walls)})")
    print(f"CPU (user + system, the command and its kernel): median {statistics.median(r.cpu for r in results):.2f} s")
    print(f"1-minute load average after each run: {', '.join(f'{r.load:.1f}' for r in results)}")
    print(f"peak RSS (largest process): {median.peak_mb:.0f} MB; HTML {median.html_mb:.2f} MB")
    print("\nphases of the median run (s):")
    for name, seconds in median.phases:
        print(f"{seconds:7.2f}  {name}")
    if args.imports:
        print("\ncold imports (s, each in a fresh interpreter, start-up subtracted):")
        for module in IMPORTS:
            print(f"{import_time(module):7.2f}  {module}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
