"""Draw the candidate targets coded in ``nyt_target_tone.tsv`` (VADER's NYT editorial snippets, issue 21 round 6).

Usage: python validation/annotations/nyt_candidates.py [DATA_DIR] [--limit N] > candidates.jsonl

Articles (the part of the snippet id before ``_``) in a seeded random order (``random.Random(SEED)``);
of each, up to :data:`PER_ARTICLE` random snippets of 5-40 words; of each snippet up to 2 candidates:
the noun run that ends a noun-phrase chunk of TextBlob's offline pattern parser (the chunk's
``NN*`` tokens, without determiners, possessives and adjectives, so that evaluative modifiers stay
outside the target), proper-noun runs first. Stops after ``--limit`` candidates (default 640, the number the coder saw).
Prints one JSON object per candidate (``snippet_id, article_id, start, end, target, text``) in the
order the coder saw them. The coder skipped candidates that are no target (see ``nyt_README.md``).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # validation/: score_adaptation

SEED = 31
#: snippets drawn per article: small, so that ~150 articles (the CV and split units) share the items
PER_ARTICLE = 4
#: candidates per snippet (as in the EWT codings)
PER_SNIPPET = 2
#: snippet length range in words (as in the EWT codings)
MIN_WORDS, MAX_WORDS = 5, 40


def read_snippets(data_dir: Path) -> list[tuple[str, str]]:
    """``(snippet_id, text)`` of ``vader_nyt_dev/nyt_snippets_dev.tsv`` in file order."""
    out = []
    for line in (data_dir / "vader_nyt_dev" / "nyt_snippets_dev.tsv").open(encoding="utf-8"):
        sid, _rating, text = line.rstrip("\n").split("\t", 2)
        out.append((sid, text))
    return out


def noun_runs(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, proper)`` of the noun run closing each noun-phrase chunk of ``text``."""
    from score_adaptation import tagged_tokens  # the same parse and spans as the EWT candidates' scoring

    tokens, spans = tagged_tokens(text)
    runs, chunk = [], []
    for k, tok in enumerate([*tokens, ["", "", "O"]]):
        if len(tok) > 2 and tok[2].endswith("NP") and k < len(tokens) and spans[k] is not None:
            chunk.append(k)
            continue
        nouns: list[int] = []
        for j in reversed(chunk):
            if not tokens[j][1].startswith("NN"):
                break
            nouns.insert(0, j)
        if nouns:
            a, b = spans[nouns[0]][0], spans[nouns[-1]][1]  # type: ignore[index]
            runs.append((a, b, all(tokens[j][1].startswith("NNP") for j in nouns)))
        chunk = []
    return runs


def candidates(data_dir: Path, limit: int = 640) -> list[dict[str, object]]:
    """The candidates in the order the coder saw them."""
    by_article: dict[str, list[tuple[str, str]]] = {}
    for sid, text in read_snippets(data_dir):
        by_article.setdefault(sid.split("_")[0], []).append((sid, text))
    rng = random.Random(SEED)
    articles = sorted(by_article)
    rng.shuffle(articles)
    out: list[dict[str, object]] = []
    for art in articles:
        usable = [(s, t) for s, t in by_article[art] if MIN_WORDS <= len(t.split()) <= MAX_WORDS]
        for sid, text in rng.sample(usable, min(PER_ARTICLE, len(usable))):
            runs = sorted(noun_runs(text), key=lambda r: (not r[2], r[0]))[:PER_SNIPPET]
            for a, b, _ in sorted(runs):
                out.append(
                    {"snippet_id": sid, "article_id": art, "start": a, "end": b, "target": text[a:b], "text": text}
                )
                if len(out) >= limit:
                    return out
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else 640
    if "--limit" in argv:
        args.remove(str(limit))
    data = Path(args[0]) if args else Path(__file__).resolve().parents[3] / "shared" / "data"
    for cand in candidates(data, limit):
        print(json.dumps(cand, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
