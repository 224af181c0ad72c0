"""Packaged lexicons and word lists load, are well-formed and documented."""

from __future__ import annotations

from pathlib import Path

import pytest

import newslab as nl
from newslab import lexicons
from newslab.errors import LexiconError

DATA = Path(nl.__file__).parent / "data"


@pytest.mark.parametrize("name", lexicons.available_lexicons())
def test_every_lexicon_loads_with_a_header(name: str) -> None:
    rows = lexicons.load_table(name)
    assert rows, name
    header = list(rows[0])
    assert len(header) >= 2 and all(h and h == h.strip().lower() for h in header), header
    assert all(None not in row for row in rows), f"{name}: a row has more fields than the header"


@pytest.mark.parametrize("name", lexicons.available_lexicons())
def test_every_data_file_is_in_sources(name: str) -> None:
    assert f"`{name}.tsv`" in (DATA / "SOURCES.md").read_text(encoding="utf-8")


def test_unknown_lexicon_lists_available() -> None:
    with pytest.raises(LexiconError, match="available"):
        lexicons.load_lexicon("nope")
    with pytest.raises(LexiconError):
        lexicons.load_wordlist("nope")


def test_stopwords() -> None:
    words = nl.stopwords()
    assert {"the", "of", "and", "n't", "'s"} <= words
    assert not {"trump", "nato", "war", "good"} & words
    assert all(w == w.lower() for w in words)


def test_load_lexicon_is_read_only(tmp_path: Path) -> None:
    never = [r for r in lexicons.load_table("abbreviations_en") if r["split"] == "never"]
    assert {"mr", "dr", "jan"} <= {r["term"] for r in never}
    with pytest.raises(LexiconError, match="numeric"):
        lexicons.load_lexicon("abbreviations_en")  # no score column
