"""The analysis pass, in this process and in a pool worker, imports neither nltk nor scipy nor scikit-learn.

nltk imports scipy.stats and scikit-learn when they are installed (about 1.4 s of CPU); the pass
has no use for any of them since its stems come from PyStemmer (newslab.target_reading.STEMMER),
so neither the pool's warm-up (newslab.preload) nor the report kernel has to hide them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = '''
import sys

import newslab as nl

HEAVY = ("nltk", "scipy", "sklearn")


def heavy(task, job):
    """In a pool worker: run the whole pass, then name the heavy modules this process imported."""
    nl.analyze(nl.load_seed_corpus(), workers=1)
    return [sorted(m for m in HEAVY if m in sys.modules)]
'''

SCRIPT = """
import sys

import newslab as nl
from newslab.pool import run_pool

import probe

if __name__ == "__main__":
    nl.analyze(nl.load_seed_corpus(), workers=1)
    print("main", sorted(m for m in probe.HEAVY if m in sys.modules))
    for found in run_pool(iter([["a"], ["b"]]), probe.heavy, None, workers=2, task_size=1):
        print("worker", found[0])
"""


def test_the_pass_and_a_pool_worker_import_neither_nltk_nor_scipy_nor_sklearn(tmp_path: Path) -> None:
    (tmp_path / "probe.py").write_text(textwrap.dedent(PROBE), encoding="utf-8")
    (tmp_path / "script.py").write_text(textwrap.dedent(SCRIPT), encoding="utf-8")
    paths = [str(ROOT), str(tmp_path), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "NEWSLAB_PROGRESS": "0"}
    done = subprocess.run(
        [sys.executable, str(tmp_path / "script.py")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["main []", "worker []", "worker []"]
