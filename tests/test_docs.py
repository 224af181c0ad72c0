"""The result tables in docs/ are generated from the code (docs/generate.py) and must be current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_generated_doc_tables_are_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "generate.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, f"{done.stdout}{done.stderr} (run: python docs/generate.py)"


def test_every_generated_block_is_known() -> None:
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    names = {
        m.group("name") for path in (ROOT / "docs").glob("*.md") for m in generate.BLOCK.finditer(path.read_text())
    }
    assert names == set(generate.GENERATORS)
