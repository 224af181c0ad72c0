"""The stemmer of the target model's context-word features (newslab.target_reading.stemmer)."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from newslab.target_reading import STEMMER, _snowball_stem, read_sentence, stemmer
from newslab.tone_lexicon import default_prepared

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "word,stem",
    [
        ("worried", "worri"),
        ("criticized", "critic"),
        ("allies", "alli"),
        ("running", "run"),
        ("badly", "badli"),
        ("says", "sai"),  # NLTK's Porter stemmer (its default NLTK_EXTENSIONS mode): "say"
        ("news", "new"),  # NLTK: "news"
        ("as", "a"),  # NLTK: "as"
        ("attorney", "attornei"),  # NLTK: "attorney"
    ],
)
def test_stems_are_snowball_porter(word: str, stem: str) -> None:
    assert STEMMER == "PyStemmer porter"
    assert stemmer()(word) == stem


def test_a_sentence_reading_stems_words_but_not_names_or_punctuation() -> None:
    text = "Allies say Trump badly hurt NATO."
    reading = read_sentence(text, 0, len(text), default_prepared())
    assert reading.stems == ["alli", "sai", "", "badli", "hurt", "", ""]


def test_threads_stem_as_one_thread_does() -> None:
    # a PyStemmer object is not thread-safe: each thread gets its own (Dask may run the pass on threads)
    words = [
        f"{root}{tail}" for root in ("connect", "worr", "critic", "agre") for tail in ("", "ed", "ing", "ies", "s")
    ]
    expected = [_snowball_stem(w) for w in words]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: [_snowball_stem(w) for w in words * 50], range(16)))
    assert all(r == expected * 50 for r in results)


def test_stemming_imports_neither_nltk_nor_scipy_nor_sklearn() -> None:
    code = (
        "import sys\n"
        "from newslab.target_reading import stemmer\n"
        "stemmer()('worried')\n"
        "print(sorted(m for m in ('nltk', 'scipy', 'sklearn') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"
