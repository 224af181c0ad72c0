"""Tokenizer throughput on ~50,000 sentences, next to NLTK's tokenizers on the same text.

Usage: python benchmarks/bench_tokenizers.py [--sentences 50000] [--data ../shared/data]

The text is the bundled articles plus, when the data folder is there, the NYT editorial
snippets, repeated until the target number of sentences is reached (read at run time,
never stored). Single process, best of 3 runs.
"""

from __future__ import annotations

import argparse
import csv
import platform
import time
from pathlib import Path

import nltk
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

import newslab as nl
from newslab.lexicons import load_table

ROOT = Path(__file__).resolve().parents[1]


def build_text(n_sentences: int, data: Path) -> str:
    paragraphs = [a.text for a in nl.load_seed_corpus()]
    nyt = data / "vader_nyt_dev" / "nyt_snippets_dev.tsv"
    if nyt.is_file():
        with nyt.open(encoding="utf-8") as handle:
            paragraphs += [row[2] for row in csv.reader(handle, delimiter="\t") if len(row) >= 3]
    base = "\n\n".join(paragraphs)
    per_copy = len(nl.sentences(base))
    return "\n\n".join([base] * (n_sentences // per_copy + 1))


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=50_000)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()

    text = build_text(args.sentences, args.data)
    spans = nl.sentence_spans(text)
    sents = [text[s:e] for s, e in spans]
    paragraphs = text.split("\n\n")
    n = len(sents)
    print(f"python {platform.python_version()}, nltk {nltk.__version__}; {n:,} sentences, {len(text):,} characters")

    params = PunktParameters()
    params.abbrev_types = {r["term"] for r in load_table("abbreviations_en")} | {"u.s", "e.g", "i.e"}
    punkt = PunktSentenceTokenizer(params)
    treebank = nltk.tokenize.NLTKWordTokenizer()

    rows = [
        ("sentences: newslab.sentence_spans", best_of(lambda: nl.sentence_spans(text))),
        # nltk 3.10 guards its regexes with a 5 s limit per call, so Punkt gets one paragraph at a time
        (
            "sentences: NLTK Punkt (+ newslab abbreviations)",
            best_of(lambda: [list(punkt.span_tokenize(p)) for p in paragraphs]),
        ),
        ("words: newslab.word_spans per sentence", best_of(lambda: [nl.word_spans(s) for s in sents])),
        ("words: NLTKWordTokenizer.tokenize per sentence", best_of(lambda: [treebank.tokenize(s) for s in sents], 1)),
        (
            "words: NLTKWordTokenizer.span_tokenize per sentence",
            best_of(lambda: [list(treebank.span_tokenize(s)) for s in sents], 1),
        ),
        (
            "both: newslab sentences then words",
            best_of(lambda: [nl.word_spans(text[s:e]) for s, e in nl.sentence_spans(text)]),
        ),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'':{width}}  {'seconds':>8}  {'sentences/s':>12}")
    for name, seconds in rows:
        print(f"{name:{width}}  {seconds:8.3f}  {n / seconds:12,.0f}")


if __name__ == "__main__":
    main()
