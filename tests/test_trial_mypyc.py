"""The mypyc trial of issue 22 (``benchmarks/trial_mypyc.py``): its module lists and output parser stay valid.

The trial compiles newslab modules in a copy under /tmp, never in place; the last test guards against a
compiled extension left beside the sources, which Python would import instead of an edited ``.py``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def trial() -> ModuleType:
    path = ROOT / "benchmarks" / "trial_mypyc.py"
    spec = importlib.util.spec_from_file_location("trial_mypyc", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["trial_mypyc"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop("trial_mypyc", None)
    return module


def test_every_listed_module_exists_and_the_lists_do_not_overlap(trial: ModuleType) -> None:
    listed = [*trial.COMPILED, *trial.REFUSED]
    missing = [m for m in listed if not (ROOT / "newslab" / f"{m}.py").is_file()]
    assert missing == [], f"renamed or removed modules: update benchmarks/trial_mypyc.py ({missing})"
    assert len(set(listed)) == len(listed)
    assert "article_pass" not in listed and "runner" not in listed  # profile_cold.py wraps these: kept pure


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        ("quotes                                   1.81  18.4%", ("quotes", 1.81)),
        ("target_tone (first article)              0.07   0.7%", ("target_tone (first article)", 0.07)),
        (
            "garbage collector (within the above)     0.26 (653 collections)",
            ("garbage collector (within the above)", 0.26),
        ),
        ("reading, tables, DataFrames              0.78   7.9%", ("reading, tables, DataFrames", 0.78)),
        ("total                                    9.79", ("total", 9.79)),
        ("600 articles, 19,446 sentences; CPU seconds of the cold call", None),
    ],
)
def test_reads_profile_cold_lines(trial: ModuleType, line: str, parsed: tuple[str, float] | None) -> None:
    m = trial._LINE.match(line)
    assert ((m.group("name").strip(), float(m.group("s"))) if m else None) == parsed


def test_no_compiled_extension_beside_the_sources() -> None:
    stale = sorted(p.name for p in (ROOT / "newslab").rglob("*") if p.suffix in (".so", ".pyd"))
    assert stale == [], f"compiled modules would shadow the edited .py files: delete {stale}"
