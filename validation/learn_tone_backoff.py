"""Learn newslab's news backoff lexicon of sentence tone from NewsMTSC *train* sentences.

Usage: python validation/learn_tone_backoff.py [DATA_DIR] [--out TSV] [--weight W] [--shrink K] [--min-count N]
       [--min-value V]

Reads only ``newsmtsc/train.jsonl``. Each sentence's gold value is the mean polarity of its targets,
scaled to -1..1. A word's valence is the sum of (gold - mean gold) over the sentences that contain it,
divided by (count + shrink): a mean shrunk toward 0 by its count, times ``weight`` to reach VADER's
scale. Only words that ``newslab.tone_backoff.backoff_eligible`` allows (content words no lexicon
rates) and that never appear capitalized after a sentence's first token (names, titles) enter, and
only with at least ``min_count`` sentences and a valence at least ``min_value`` away from 0. The
defaults are the round-6 choice by cross-fitted proxy r (``validation/score_tone.py --weak-only``,
which learns the lexicon on 4 of 5 sentence-grouped folds and scores the 5th). The TSV holds
valences and counts, no sentence text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newslab import tone_lexicon as TL  # noqa: E402
from newslab.tokenizers import word_spans  # noqa: E402
from newslab.tone_backoff import backoff_eligible  # noqa: E402

# Round-6 choice (docs/sentiment.md, "Round 6"), by pooled out-of-fold proxy r.
WEIGHT = 2.0
SHRINK = 3.0
MIN_COUNT = 3
MIN_VALUE = 0.3  # valences nearer 0 are left out (each hit costs time and carries little)
BY_STEM = True  # pool the forms of one Porter stem (the stemmer runs here only, never in newslab)

HEADER = """# newslab's news backoff lexicon of sentence tone (newslab.tone_backoff): valences of words that no
# lexicon rates, learned by validation/learn_tone_backoff.py from NewsMTSC *train* sentences (Hamborg &
# Donnay 2021, MIT licence): the mean gold target polarity of the sentences containing the word, minus
# the overall mean, shrunk toward 0 by its count ({shrink:g}), times {weight:g} (VADER's scale); at least
# {min_count} sentences; valences nearer 0 than {min_value:g} left out. Names (any word seen capitalized
# after a sentence's first token) and function words never enter. Forms of one Porter stem share one
# valence. Never learned from dev or test. count: training sentences containing a form of the stem.
"""


def load_train(data_dir: Path) -> tuple[list[str], np.ndarray]:
    """NewsMTSC train sentences and the mean polarity of each sentence's targets (-1..1)."""
    texts, gold = [], []
    with (data_dir / "newsmtsc" / "train.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            texts.append(rec["sentence_normalized"])
            gold.append(np.mean([(t["polarity"] - 4.0) / 2.0 for t in rec["targets"]]))
    return texts, np.array(gold)


def load_articles(data_dir: Path) -> list[str]:
    """The article of each train sentence (``primary_gid`` up to the article number), for grouped folds."""
    with (data_dir / "newsmtsc" / "train.jsonl").open(encoding="utf-8") as handle:
        return ["_".join(json.loads(line)["primary_gid"].split("_")[:3]) for line in handle]


def sentence_words(text: str) -> tuple[set[str], set[str]]:
    """(lowercase words of a sentence, those written with a capital after the first token)."""
    words, capitalized = set(), set()
    for k, (s, e) in enumerate(word_spans(text)):
        tok = text[s:e]
        low = TL.norm_token(tok)
        words.add(low)
        if k and not tok[:1].islower():
            capitalized.add(low)
    return words, capitalized


def learn(
    texts: Sequence[str],
    gold: np.ndarray,
    *,
    weight: float = WEIGHT,
    shrink: float = SHRINK,
    min_count: int = MIN_COUNT,
    by_stem: bool = BY_STEM,
    min_value: float = MIN_VALUE,
) -> dict[str, tuple[float, int]]:
    """Word -> (valence on VADER's scale, count) from the sentences ``texts`` with gold values ``gold``.

    With ``by_stem``, the words of one Porter stem share their sentences and valence ("layoff" and
    "layoffs"), and every form seen in ``texts`` is listed (no stemming at run time). Names are left
    out before pooling, so that no form inherits a name's sentences ("Trump" and "trumped").
    """
    from nltk.stem.porter import PorterStemmer

    stem = PorterStemmer().stem if by_stem else (lambda w: w)
    lex = TL.prepare_lexicon(None)
    mean = float(np.mean(gold))
    per_sentence = [sentence_words(t) for t in texts]
    names = set().union(*(cap for _w, cap in per_sentence)) if per_sentence else set()
    keys: dict[str, str] = {}
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    for (words, _cap), y in zip(per_sentence, gold, strict=True):
        sentence_keys = set()
        for w in words:
            if w not in names and backoff_eligible(w, lex):
                if w not in keys:
                    keys[w] = stem(w)
                sentence_keys.add(keys[w])
        for k in sentence_keys:
            sums[k] = sums.get(k, 0.0) + float(y) - mean
            counts[k] = counts.get(k, 0) + 1
    out = {}
    for w, k in keys.items():
        n = counts[k]
        if n >= min_count:
            value = weight * sums[k] / (n + shrink)
            if abs(value) >= min_value and round(value, 3):
                out[w] = (value, n)
    return out


def write_tsv(
    path: Path,
    learned: dict[str, tuple[float, int]],
    *,
    weight: float,
    shrink: float,
    min_count: int,
    min_value: float,
) -> None:
    """Write the lexicon as ``term, score, count, source`` (sorted by term)."""
    lines = [
        HEADER.format(weight=weight, shrink=shrink, min_count=min_count, min_value=min_value),
        "term\tscore\tcount\tsource\n",
    ]
    lines += [f"{w}\t{v:.3f}\t{n}\tNewsMTSC train\n" for w, (v, n) in sorted(learned.items())]
    path.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(REPO / "newslab" / "data" / "sentiment_news_backoff.tsv"))
    parser.add_argument("--weight", type=float, default=WEIGHT)
    parser.add_argument("--shrink", type=float, default=SHRINK)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--min-value", type=float, default=MIN_VALUE)
    args = parser.parse_args(argv)
    texts, gold = load_train(Path(args.data_dir))
    learned = learn(
        texts, gold, weight=args.weight, shrink=args.shrink, min_count=args.min_count, min_value=args.min_value
    )
    write_tsv(
        Path(args.out),
        learned,
        weight=args.weight,
        shrink=args.shrink,
        min_count=args.min_count,
        min_value=args.min_value,
    )
    ranked = sorted(learned.items(), key=lambda kv: kv[1][0])
    print(f"{len(learned)} words -> {args.out}")
    print("most negative:", ", ".join(f"{w} {v:+.2f} ({n})" for w, (v, n) in ranked[:15]))
    print("most positive:", ", ".join(f"{w} {v:+.2f} ({n})" for w, (v, n) in ranked[-15:][::-1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
