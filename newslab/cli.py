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
from typing import Any

from newslab.errors import NewslabError, ParameterError


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


class _TargetAction(argparse.Action):
    """``--target NAME`` starts a new target (with no aliases yet)."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: Any = None
    ) -> None:
        targets = dict(getattr(namespace, "targets", None) or {})
        if values in targets:
            parser.error(f"--target {values!r} is given twice")
        targets[values] = []
        namespace.targets = targets


class _AliasAction(argparse.Action):
    """``--alias ALIAS`` adds an alias to the most recent ``--target``."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: Any = None
    ) -> None:
        targets = dict(getattr(namespace, "targets", None) or {})
        if not targets:
            parser.error(f"--alias {values!r} must follow a --target NAME")
        last = list(targets)[-1]
        targets[last] = [*targets[last], values]
        namespace.targets = targets


def _target_spec(args: argparse.Namespace) -> dict[str, Any]:
    """Targets from ``--targets-file`` and ``--target``/``--alias`` as a spec mapping (empty: the defaults)."""
    targets: dict[str, Any] = {}
    if args.targets_file:
        from newslab.targets import load_targets

        targets = {t.name: t.to_spec() for t in load_targets(args.targets_file)}
    for name, aliases in (args.targets or {}).items():
        if name in targets:
            raise ParameterError(f"--target {name!r} is also defined in {args.targets_file}")
        targets[name] = aliases
    return targets


def _cmd_analyze(args: argparse.Namespace) -> int:
    from newslab.analysis import analyze
    from newslab.targets import targets_from_spec

    targets = targets_from_spec(_target_spec(args)) or None
    analysis = analyze(
        args.articles, targets, workers=args.workers, output_dir=args.output_dir, on_error=args.on_error,
        cache_dir=args.cache_dir, progress=None if not args.quiet else False,
    )  # fmt: skip
    print(f"{analysis!r}\nwritten to {args.output_dir} (read it back with nl.Analysis.load)")
    if len(analysis.errors):
        print(f"{len(analysis.errors)} article(s) failed; see the errors table", file=sys.stderr)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from newslab.report import run_report

    parameters: dict[str, Any] = {}
    if args.articles:
        parameters["articles"] = list(args.articles)
    targets = _target_spec(args)
    if targets:
        parameters["targets"] = targets
    if args.title is not None:
        parameters["title"] = args.title
    result = run_report(
        parameters,
        output_dir=args.output_dir,
        notebook=args.notebook,
        name=args.name,
        html=args.html,
        progress=not args.quiet,
    )
    print(result)
    return 0


def _cmd_run_notebooks(args: argparse.Namespace) -> int:
    from newslab.report import run_notebooks

    shared = {"data_path": args.data_path} if args.data_path is not None else {}
    notebooks = args.notebooks if len(args.notebooks) != 1 else args.notebooks[0]
    for result in run_notebooks(
        notebooks, output_dir=args.output_dir, shared=shared, html=args.html, progress=not args.quiet
    ):
        print(result)
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

    report = sub.add_parser(
        "report",
        help="render the report notebook (default: the bundled articles, Trump and NATO) to HTML",
        description="Execute the report notebook with papermill and write NAME/NAME.ipynb and NAME/NAME.html "
        "(no code cells) under --output-dir; prints the path of the HTML (or notebook).",
    )
    report.add_argument("articles", nargs="*", help="files or folders (default: the bundled articles)")
    report.add_argument("--target", "-t", action=_TargetAction, dest="targets", default={}, metavar="NAME",
                        help="a target to analyse (repeatable; default: Trump and NATO)")  # fmt: skip
    report.add_argument("--alias", "-a", action=_AliasAction, dest="targets", metavar="ALIAS",
                        help="another name of the preceding --target (repeatable)")  # fmt: skip
    report.add_argument("--targets-file", default=None, metavar="FILE",
                        help="targets with their descriptions: a TSV like newslab/data/targets.tsv "
                        "(target, kind, term) or a JSON mapping; combines with --target")  # fmt: skip
    report.add_argument("--title", default=None, help="heading of the report")
    report.add_argument("--output-dir", "-o", default="reports", help="where the report folder goes (default: reports)")
    report.add_argument("--html", action=argparse.BooleanOptionalAction, default=True, help="also render HTML")
    report.add_argument("--notebook", default=None, help="run this .ipynb instead of the packaged report notebook")
    report.add_argument("--name", default=None, help="name of the output folder and files (default: notebook name)")
    report.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    report.set_defaults(func=_cmd_report)

    analyze = sub.add_parser(
        "analyze",
        help="run the analysis pass and write every table as Parquet (plus manifest.json)",
        description="Analyze articles (files or folders, read lazily) and write the tables to --output-dir as "
        "Parquet, chunk by chunk, with a manifest; read them back with nl.Analysis.load(DIR).",
    )
    analyze.add_argument("articles", nargs="+", help="files or folders")
    analyze.add_argument("--output-dir", "-o", required=True, help="new or empty folder (or an earlier analysis)")
    analyze.add_argument("--workers", "-w", type=int, default=1, help="processes (default 1)")
    analyze.add_argument("--target", "-t", action=_TargetAction, dest="targets", default={}, metavar="NAME",
                         help="a target to analyse (repeatable; default: Trump and NATO)")  # fmt: skip
    analyze.add_argument("--alias", "-a", action=_AliasAction, dest="targets", metavar="ALIAS",
                         help="another name of the preceding --target (repeatable)")  # fmt: skip
    analyze.add_argument("--targets-file", default=None, metavar="FILE", help="targets with descriptions (TSV/JSON)")
    analyze.add_argument("--on-error", choices=["raise", "skip"], default="raise",
                         help="skip: record failing articles in the errors table and go on")  # fmt: skip
    analyze.add_argument("--cache-dir", default=None, help="reuse results of unchanged articles kept here")
    analyze.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    analyze.set_defaults(func=_cmd_analyze)

    notebooks = sub.add_parser(
        "run-notebooks",
        help="execute the walkthrough notebooks (notebooks/NN-*.ipynb)",
        description="Execute each walkthrough notebook with papermill; prints the path of each output.",
    )
    notebooks.add_argument("notebooks", nargs="*", default=["notebooks"],
                           help="a notebooks folder or .ipynb files (default: ./notebooks)")  # fmt: skip
    notebooks.add_argument("--output-dir", "-o", default="reports/notebooks", help="default: reports/notebooks")
    notebooks.add_argument("--data-path", default=None, help="human-labeled data folder for the validation notebook")
    notebooks.add_argument("--html", action=argparse.BooleanOptionalAction, default=True, help="also render HTML")
    notebooks.add_argument("--quiet", "-q", action="store_true", help="no progress bars")
    notebooks.set_defaults(func=_cmd_run_notebooks)
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
