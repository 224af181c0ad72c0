"""The ``newslab`` command: argument parsing only, the work is done by the package.

Example:
    >>> build_parser().parse_args(["summary", "--output-dir", "out"]).output_dir
    'out'
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from newslab.errors import NewslabError


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so no half-written file is left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _load(paths: Sequence[str], strict: bool) -> object:
    from newslab.corpus import load_corpus, load_seed_corpus

    return load_corpus(paths, strict=strict) if paths else load_seed_corpus()


def _cmd_summary(args: argparse.Namespace) -> int:
    from newslab.corpus import Corpus, sentence_table

    corpus = _load(args.articles, args.strict)
    assert isinstance(corpus, Corpus)
    table = corpus.to_frame()
    sentences = sentence_table(corpus)
    lines = ["# Corpus summary", "", table.drop(columns=["title"]).to_string(index=False), ""]
    for art in corpus:
        lines += [f"## {art.id}: {art.title}", f"source: {art.source or '(unknown)'}", ""]
        rows = sentences[sentences["article_id"] == art.id]
        lines += [f"{int(r.sentence_id):>3}  {r.text}" for r in rows.itertuples()]
        lines.append("")
    for path, message in corpus.skipped:
        lines.append(f"skipped {path}: {message}")
    text = "\n".join(lines)
    print(text)
    if args.output_dir:
        out = Path(args.output_dir)
        atomic_write_text(out / "corpus-summary.md", text + "\n")
        atomic_write_text(out / "sentences.csv", sentences.to_csv(index=False))
        print(f"\nwrote {out / 'corpus-summary.md'} and {out / 'sentences.csv'}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newslab`` command."""
    from newslab import __version__

    parser = argparse.ArgumentParser(prog="newslab", description="News-framing analysis helpers.")
    parser.add_argument("--version", action="version", version=f"newslab {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    summary = sub.add_parser("summary", help="sentence-level summary of a corpus (default: bundled articles)")
    summary.add_argument("articles", nargs="*", help="files or folders (default: the bundled articles)")
    summary.add_argument("--output-dir", "-o", default="", help="also write corpus-summary.md and sentences.csv here")
    summary.add_argument("--strict", action="store_true", help="fail on the first bad file instead of skipping it")
    summary.set_defaults(func=_cmd_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newslab`` command; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except NewslabError as err:
        print(f"newslab: error: {err}", file=sys.stderr)
        return 1


__all__ = ["atomic_write_text", "build_parser", "main"]
