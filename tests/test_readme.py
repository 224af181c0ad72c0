"""The README's quick start runs as written (on the bundled articles)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

ROOT = Path(__file__).resolve().parents[1]


def test_readme_quick_start_runs() -> None:
    matplotlib.use("Agg")
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Quick start in a notebook", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    assert "nl.load_seed_corpus()" in block
    block = block.replace('nl.load_corpus("path/to/folder")', "corpus")  # no such folder in the test
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), namespace)
    table = namespace["table"]
    assert len(table) == 4  # type: ignore[arg-type]  # 2 articles x 2 targets
