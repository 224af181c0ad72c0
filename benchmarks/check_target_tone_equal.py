"""Check that target tone gives the same results as a reference copy of newslab, output by output.

Usage: python benchmarks/check_target_tone_equal.py [DATA_DIR] --reference DIR [--articles 300]

``DIR`` is a copy of the reference code, e.g. main exported with
``git archive main | tar -x -C /tmp/ref``. Each side runs in a process of its own (the same Python),
writes its outputs to a pickle, and the two are compared here:

1. every NewsMTSC *train* target (``DATA_DIR/newsmtsc/train_flat.jsonl``; the labels are not read):
   ``target_features``, ``target_sentiment`` (6 evidence features), and ``target_sentiment_many``
   with 0 and with 6 evidence features;
2. ``sentence_target_tones`` on every train sentence with all its targets (the quotes stage reads
   the sentence alone), and ``score_sentiment`` of every train sentence (sentence tone shares the
   lexicon reading);
3. ``nl.analyze`` on the bundled articles and on articles rebuilt from NewsMTSC train (its sentences
   grouped by the article part of their id, joined in order; the longest ``--articles``), with Trump,
   NATO and the names of ``EXTRA_TARGETS`` as targets: every call
   of ``sentence_target_tones`` in the pass (its inputs, with the quotes the pass hands over, and its
   results) and the ``target_tone``, ``quotes`` and ``tone`` tables.

Labels, feature names (in order) and evidence names must be equal; numbers (scores, probabilities, feature
values, evidence weights) may differ by at most 1e-12. Exit status 1 if any output differs.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TOLERANCE = 1e-12
#: Names of NewsMTSC's news besides Trump and NATO, as further targets of the pass (more mentions to compare).
EXTRA_TARGETS = ("Clinton", "Obama", "Democrats", "Republicans", "Congress", "Pelosi", "Comey", "Mueller", "Sanders")


def train_items(data_dir: Path) -> list[tuple[str, tuple[int, int]]]:
    with (data_dir / "newsmtsc" / "train_flat.jsonl").open(encoding="utf-8") as handle:
        return [(r["sentence"], (r["from"], r["to"])) for r in map(json.loads, handle)]


def rebuilt_articles(data_dir: Path, n: int) -> dict[str, str]:
    """NewsMTSC train sentences grouped by the article they came from (as benchmarks/bench_pipeline.py does)."""
    parts: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with (data_dir / "newsmtsc" / "train.jsonl").open(encoding="utf-8") as handle:
        for rec in map(json.loads, handle):
            m = re.match(r"(\w+?_\d+)_\d+_(\d+)_", rec["primary_gid"])
            if m:
                parts[m.group(1)].append((int(m.group(2)), rec["sentence_normalized"]))
    ids = sorted(parts, key=lambda k: (-len(parts[k]), k))[:n]
    return {k: " ".join(s for _, s in sorted(parts[k])) for k in ids}


def plain(result: Any) -> tuple[Any, ...]:
    """A TargetSentiment as plain data."""
    return (
        result.label,
        result.score,
        tuple(result.probabilities.items()),
        tuple((f.name, f.value, f.weight) for f in result.evidence),
    )


def plain_tone(score: Any) -> tuple[Any, ...]:
    """A SentimentScore as plain data."""
    evidence = tuple((e.term, e.start, e.end, e.weight, e.source, e.rule) for e in score.evidence)
    return (score.compound, score.vader, score.polarity, score.subjectivity, evidence)


def dump(repo: Path, data_dir: Path, n_articles: int, out: Path) -> None:
    """Run the reference or the tested code (``repo``) and pickle its outputs."""
    sys.path.insert(0, str(repo))
    import importlib

    import newslab as nl
    from newslab import sentiment as S
    from newslab.targets import DEFAULT_TARGETS, Target

    assert Path(nl.__file__).resolve().is_relative_to(repo.resolve()), nl.__file__
    items = train_items(data_dir)
    by_sentence: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for text, span in items:
        by_sentence[text].append(span)
    outputs: dict[str, list[Any]] = {
        "target_features": [list(S.target_features(t, sp).items()) for t, sp in items],
        "target_sentiment": [plain(S.target_sentiment(t, sp)) for t, sp in items],
        "target_sentiment_many(n_evidence=0)": [plain(r) for r in S.target_sentiment_many(items)],
        "target_sentiment_many(n_evidence=6)": [plain(r) for r in S.target_sentiment_many(items, n_evidence=6)],
        "sentence_target_tones": [
            plain(r) for t, spans in by_sentence.items() for r in S.sentence_target_tones(t, spans)
        ],
    }
    outputs["score_sentiment (sentence tone)"] = [plain_tone(S.score_sentiment(t)) for t in by_sentence]
    calls: list[Any] = []
    # the module through which the pass calls sentence_target_tones: newslab.mention_tone since the stage
    # registry, newslab.analysis before it
    hooked = "mention_tone" if (repo / "newslab" / "mention_tone.py").is_file() else "analysis"
    analysis = importlib.import_module(f"newslab.{hooked}")
    original = analysis.sentence_target_tones

    def recorded(sentence: str, spans: Any, **kwargs: Any) -> Any:
        results = original(sentence, spans, **kwargs)
        speech = kwargs.get("speech")
        inputs = (sentence, tuple(spans), kwargs.get("n_evidence"), None if speech is None else tuple(speech))
        calls.extend((inputs, plain(r)) for r in results)
        return results

    analysis.sentence_target_tones = recorded
    corpus = list(nl.load_seed_corpus()) + list(nl.Corpus.from_texts(rebuilt_articles(data_dir, n_articles)))
    targets = (*DEFAULT_TARGETS, *(Target(name) for name in EXTRA_TARGETS))
    result = nl.analyze(corpus, targets, tables=("target_tone", "quotes", "tone"), progress=False)
    outputs["analyze: sentence_target_tones calls"] = calls
    for name in ("target_tone", "quotes", "tone"):
        rows = getattr(result, name).itertuples(index=False)
        outputs[f"analyze: {name} table rows"] = [tuple(map(str, row)) for row in rows]
    with out.open("wb") as handle:
        pickle.dump(outputs, handle)


def same(a: Any, b: Any) -> bool:
    """Equal, with numbers equal to TOLERANCE."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isfinite(a) and abs(a - b) <= TOLERANCE)
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def run_side(repo: Path, args: argparse.Namespace, folder: Path) -> dict[str, list[Any]]:
    out = folder / f"{len(list(folder.iterdir()))}.pkl"
    command = [sys.executable, __file__, args.data_dir, "--dump", str(out), "--repo", str(repo)]
    subprocess.run([*command, "--articles", str(args.articles)], check=True)
    with out.open("rb") as handle:
        return pickle.load(handle)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--reference", help="folder with the reference copy of the repository")
    parser.add_argument("--articles", type=int, default=300, help="rebuilt NewsMTSC articles for nl.analyze")
    parser.add_argument("--dump", help=argparse.SUPPRESS)
    parser.add_argument("--repo", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dump:
        dump(Path(args.repo), Path(args.data_dir), args.articles, Path(args.dump))
        return 0
    if not args.reference:
        parser.error("--reference DIR is required")
    with tempfile.TemporaryDirectory() as tmp:
        reference = run_side(Path(args.reference), args, Path(tmp))
        tested = run_side(REPO, args, Path(tmp))
    total = differ = 0
    for name, expected in reference.items():
        got = tested[name]
        bad = [i for i, (x, y) in enumerate(zip(expected, got, strict=False)) if not same(x, y)]
        bad += list(range(min(len(expected), len(got)), max(len(expected), len(got))))
        total += len(expected)
        differ += len(bad)
        print(f"{name:<42} {len(expected):>7,} outputs, {len(bad):>5,} differ")
        for i in bad[:3]:
            print(f"    #{i}: reference {expected[i] if i < len(expected) else None!r}")
            print(f"    #{i}: tested    {got[i] if i < len(got) else None!r}")
    print(f"all: {total:,} outputs compared, {differ:,} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
