"""The ``newslab`` command: argument parsing only, the work is done by the package.

A mistyped option gets a suggestion (``--taget`` -> "did you mean --target?"), skipped input
files are listed on stderr, and output piped into a program that stops reading early
(``newslab summary | head``) ends quietly.

Example:
    >>> build_parser().parse_args(["summary", "--output-dir", "out"]).output_dir
    'out'
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import logging
import os
import re
import signal
import sys
import threading
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newslab.errors import NewslabError, ParameterError
from newslab.render import atomic_write_text

#: Exit status after a closed pipe: 128 + SIGPIPE, as a shell reports a program the pipe ended.
BROKEN_PIPE_STATUS = 141
#: C0/C1 control characters (escape sequences) that input text must not send to a terminal.
_TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class SuggestingParser(argparse.ArgumentParser):
    """An ArgumentParser that adds "did you mean ...?" to unknown options and invalid choices.

    argparse's own ``suggest_on_error`` exists only from Python 3.14. An unknown option is
    reported by the subcommand that received it, with that subcommand's usage.

    Example:
        >>> parser = SuggestingParser(prog="demo")
        >>> _ = parser.add_argument("--target")
        >>> suggest("--taget", parser)
        ' (did you mean --target?)'
    """

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:  # type: ignore[override]
        """Parse like argparse, then report unknown options with the closest valid one."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            parser = _chosen_subparser(self, parsed) or self
            hints = "".join(suggest(extra, parser) for extra in extras if extra.startswith("-"))
            parser.error(f"unrecognized arguments: {' '.join(extras)}{hints}")
        return parsed

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            close = difflib.get_close_matches(str(value), [str(c) for c in action.choices], n=1)
            if close:
                choices = ", ".join(map(repr, action.choices))
                raise argparse.ArgumentError(
                    action, f"invalid choice: {value!r} (did you mean {close[0]!r}?; choose from {choices})"
                )
        super()._check_value(action, value)


def suggest(option: str, parser: argparse.ArgumentParser) -> str:
    """The hint ``" (did you mean --x?)"`` for the option of ``parser`` closest to ``option``, else ``""``."""
    name = option.split("=", 1)[0]
    known = [s for action in parser._actions for s in action.option_strings if s.startswith("--")]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def _chosen_subparser(parser: argparse.ArgumentParser, parsed: Any) -> argparse.ArgumentParser | None:
    command = getattr(parsed, "command", None)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            chosen: argparse.ArgumentParser = action.choices[command]
            return chosen
    return None


def printable(text: Any) -> str:
    """``str(text)`` without control characters, so input text cannot drive the terminal.

    Example:
        >>> printable("title\x1b]0;pwned\x07 ok")
        'title]0;pwned ok'
    """
    return _TERMINAL_CONTROL.sub("", str(text))


def _load(paths: Sequence[str], strict: bool) -> object:
    from newslab.corpus import load_corpus, load_seed_corpus

    return load_corpus(paths, strict=strict) if paths else load_seed_corpus()


def _cmd_summary(args: argparse.Namespace) -> int:
    from newslab.corpus import Corpus, sentence_table
    from newslab.report import skipped_inputs

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="skipped ")  # listed below, once; repairs are still shown
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
    for _, message in skipped_inputs(args.articles, corpus):
        lines.append(f"skipped {message}")
    text = "\n".join(lines)
    if args.output_dir:  # before printing: a closed pipe must not stop the files from being written
        out = Path(args.output_dir)
        _write_summary(out, text + "\n", sentences)
        print(f"wrote {out / 'corpus-summary.md'} and {out / 'sentences.csv'}", file=sys.stderr)
    print(printable(text))
    return 0


@contextlib.contextmanager
def _quiet_warnings() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _write_summary(out: Path, text: str, sentences: Any) -> None:
    from newslab.render import write_csv

    try:
        atomic_write_text(out / "corpus-summary.md", text)
        write_csv(sentences, out / "sentences.csv")
    except OSError as err:
        raise ParameterError(
            f"cannot write to --output-dir {str(out)!r}: {err.strerror or err}; choose a writable folder"
        ) from None


class _TargetAction(argparse.Action):
    """``--target NAME`` starts a new target (with no aliases yet)."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: Any = None
    ) -> None:
        targets = dict(getattr(namespace, "targets", None) or {})
        same = [t for t in targets if t.casefold() == str(values).casefold()]
        if same:
            also = "" if same[0] == values else f" (as {same[0]!r}: names that differ only in case are one target)"
            parser.error(f"--target {values!r} is given twice{also}")
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
        from newslab.target_names import weak_term  # the rule nl.Target applies too

        weak = weak_term(str(values))
        if weak == "punctuation":
            parser.error(f"--alias {values!r} has no letter or digit; give a name the articles use for {last!r}")
        if weak == "function word":
            print(f"newslab: warning: --alias {values!r} is a common word; it will match far more than {last!r}",
                  file=sys.stderr)  # fmt: skip
        targets[last] = [*targets[last], values]
        namespace.targets = targets


def _target_spec(args: argparse.Namespace) -> dict[str, Any]:
    """Targets from ``--targets-file`` and ``--target``/``--alias`` as a spec mapping (empty: the defaults)."""
    targets: dict[str, Any] = {}
    if args.targets_file:
        from newslab.target_files import load_targets

        given = Path(args.targets_file).expanduser()
        if given.is_dir():
            raise ParameterError(
                f"--targets-file {args.targets_file!r} is a folder; give the file: a TSV like newslab/data/targets.tsv "
                "(target, kind, term) or a JSON mapping"
            )

        with _quiet_warnings():  # shown once, when the spec is checked below
            targets = {t.name: t.to_spec() for t in load_targets(args.targets_file)}
    for name, aliases in (args.targets or {}).items():
        if name in targets:
            raise ParameterError(f"--target {name!r} is also defined in {args.targets_file}")
        targets[name] = aliases
    if targets:
        from newslab.targets import targets_from_spec

        notes: list[str] = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            targets_from_spec(targets, notes=notes)  # checks the spec; says when a built-in target is extended
        on_line = [f"Target {n!r}: alias {a!r} " for n, aliases in (args.targets or {}).items() for a in aliases]
        for warning in caught:  # a common word from --alias was already named when parsing; one line each
            if not any(str(warning.message).startswith(g) for g in on_line):
                print(f"newslab: warning: {warning.message}", file=sys.stderr)
        for note in notes:
            print(f"newslab: {note}", file=sys.stderr)
    return targets


def _cmd_analyze(args: argparse.Namespace) -> int:
    from newslab.runner import analyze
    from newslab.targets import targets_from_spec

    spec = _target_spec(args)
    with _quiet_warnings():  # _target_spec has shown them
        targets = targets_from_spec(spec) or None
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
    if args.from_analysis:
        if args.articles or targets:
            raise ParameterError("--from-analysis reports on a saved analysis: give no articles or targets with it")
        parameters["analysis_dir"] = args.from_analysis
    if args.group_by:
        parameters["group_by"] = args.group_by
        if args.from_analysis:  # a mistyped field fails now, before the report runs
            from newslab.result import Analysis, group_column

            group_column(Analysis.load(args.from_analysis).articles, args.group_by)
    if args.max_views is not None:
        if args.max_views < 0:
            raise ParameterError(f"--max-views {args.max_views}; valid: a whole number >= 0 (0 shows none in the page)")
        parameters["max_views"] = args.max_views
    if args.period:
        parameters["period"] = args.period
    if args.pair_by:
        parameters["pair_by"] = args.pair_by
    if args.codes:
        parameters["codes"] = list(args.codes)
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


def _add_target_options(parser: argparse.ArgumentParser) -> None:
    """--target / --alias / --targets-file, shared by the commands that take targets."""
    parser.add_argument("--target", "-t", action=_TargetAction, dest="targets", default={}, metavar="NAME",
                        help="a target to analyse (repeatable; default: Trump and NATO)")  # fmt: skip
    parser.add_argument("--alias", "-a", action=_AliasAction, dest="targets", metavar="ALIAS",
                        help="another name of the preceding --target (repeatable)")  # fmt: skip
    parser.add_argument("--targets-file", default=None, metavar="FILE",
                        help="targets with their descriptions: a TSV like newslab/data/targets.tsv "
                        "(target, kind, term) or a JSON mapping; combines with --target")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newslab`` command."""
    from newslab import __version__

    parser = SuggestingParser(prog="newslab", description="News-framing analysis helpers.")
    parser.add_argument("--version", action="version", version=f"newslab {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=SuggestingParser)

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
    _add_target_options(report)
    report.add_argument("--title", default=None, help="heading of the report")
    report.add_argument("--from-analysis", default=None, metavar="DIR",
                        help="report on a saved analysis (newslab analyze -o DIR) without recomputing it")  # fmt: skip
    report.add_argument("--group-by", default=None, metavar="FIELD",
                        help="group articles by source, date or a metadata key (figures, keyness)")  # fmt: skip
    report.add_argument("--period", default=None, choices=["week", "month", "quarter", "year"],
                        help="also group by the period of each article's date (estimates over time)")  # fmt: skip
    report.add_argument("--pair-by", default=None, metavar="FIELD",
                        help="field pairing articles across groups, e.g. event (paired estimates)")  # fmt: skip
    report.add_argument("--max-views", type=int, default=None, metavar="N",
                        help="articles shown annotated in the page (default 12; all get a page in views/)")  # fmt: skip
    report.add_argument("--codes", nargs="+", default=None, metavar="FILE",
                        help="filled coding sheets (.csv/.xlsx) and their sample_TASK.json (default: the one beside "
                        "the sheets): adds a 'Validity on this corpus' section")  # fmt: skip
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
    _add_target_options(analyze)
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
    _add_validate_command(sub)
    return parser


def _add_validate_command(sub: Any) -> None:
    """``newslab validate sample|score``: the hand-coding loop (logic in :mod:`newslab.validate`)."""
    validate = sub.add_parser("validate", help="validate newslab on your corpus: coding sheets, then scores")
    steps = validate.add_subparsers(dest="step", metavar="STEP", parser_class=SuggestingParser, required=True)
    sample = steps.add_parser("sample", help="draw a stratified sample and write coding sheets (XLSX, CSV, HTML)")
    sample.add_argument("articles", nargs="*", help="files or folders (default: the bundled articles)")
    sample.add_argument(
        "--from-analysis", default=None, metavar="DIR", help="a saved analysis (newslab analyze -o DIR)"
    )
    sample.add_argument("--task", default="target_tone", choices=["target_tone", "quote_speaker", "stance", "frame"])
    sample.add_argument("-n", type=int, default=200, help="items to draw (default 200)")
    sample.add_argument("--by", default="source", help="articles column to stratify by (default: source)")
    sample.add_argument("--seed", type=int, default=0)
    sample.add_argument("--coders", nargs="+", default=["coder1", "coder2"], help="one set of sheets per coder")
    sample.add_argument("--show-newslab", action="store_true", help="show newslab's label (not blind)")
    sample.add_argument("--output-dir", "-o", default="validation-coding", help="default: validation-coding")
    sample.set_defaults(func=_cmd_validate_sample)
    score = steps.add_parser("score", help="read filled sheets: agreement, newslab vs coders, methods paragraph")
    score.add_argument("sample", help="the sample file written by 'newslab validate sample' (sample_TASK.json)")
    score.add_argument("sheets", nargs="+", help="filled sheets (.xlsx or .csv), one per coder")
    score.add_argument("--output-dir", "-o", default="validation-scores", help="default: validation-scores")
    score.add_argument("--boot", type=int, default=1000, help="bootstrap resamples for the CIs (default 1000)")
    score.add_argument("--allow-blank", action="store_true", help="skip uncoded rows")
    score.set_defaults(func=_cmd_validate_score)


def _cmd_validate_sample(args: argparse.Namespace) -> int:
    from newslab.validate import prepare_coding

    if args.from_analysis:
        from newslab.result import Analysis

        analysis = Analysis.load(args.from_analysis)
    else:
        from newslab.runner import analyze

        analysis = analyze(_load(args.articles, strict=False))
    out = prepare_coding(analysis, args.output_dir, task=args.task, n=args.n, by=args.by, seed=args.seed,
                         coders=args.coders, blind=not args.show_newslab)  # fmt: skip
    print(f"sample: {out['sample']}")
    for coder, paths in out["sheets"].items():
        print(f"{coder}: " + ", ".join(str(p) for p in paths.values()))
    return 0


def _cmd_validate_score(args: argparse.Namespace) -> int:
    from newslab.validate import score_codes

    result = score_codes(args.sample, args.sheets, output_dir=args.output_dir, n_boot=args.boot,
                         allow_blank=args.allow_blank)  # fmt: skip
    if not result.agreement.empty:
        print(result.agreement.round(3).to_string(index=False))
    print(result.scores.summary.round(3).to_string(index=False))
    for warning in result.scores.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"\n{result.methods}\n\ntables and methods.txt in {args.output_dir}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newslab`` command; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    with _command_logging(args.verbose), _stop_signals():
        try:
            return int(args.func(args))
        except NewslabError as err:
            print(f"newslab: error: {printable(err)}", file=sys.stderr)
            return 1
        except BrokenPipeError:
            return _closed_pipe()
        except KeyboardInterrupt as err:  # Ctrl-C, or SIGTERM/SIGHUP turned into Stopped
            return _stopped(err, exiting=argv is None)


#: Set when the ``newslab`` command was stopped and its process is about to exit.
_STOPPING: list[bool] = []


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP (a closed terminal) during a command: stops it like Ctrl-C, with clean-up."""

    def __init__(self, signum: int) -> None:
        """Remember the signal (the exit status is 128 + its number)."""
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _stop_signals() -> Iterator[None]:
    """While a command runs, SIGTERM and SIGHUP raise :class:`Stopped`, so that outputs and workers are cleaned up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise Stopped(signum)

    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    saved = {s: signal.signal(s, stop) for s in wanted}
    try:
        yield
    finally:
        for s, handler in saved.items():
            signal.signal(s, signal.SIG_IGN if _STOPPING else handler)  # stopped: ignored until the process exits


def _stopped(err: KeyboardInterrupt, *, exiting: bool = False) -> int:
    """One line instead of a traceback; the status a shell expects (130 for Ctrl-C, 128 + signal).

    ``exiting``: the process ends after this (the ``newslab`` command itself, not ``main([...])``
    called from Python), so further Ctrl-C, SIGTERM and SIGHUP are ignored until it has exited,
    instead of interrupting Python's own shutdown with a traceback.
    """
    main_thread = threading.current_thread() is threading.main_thread()
    if main_thread:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while the line is written changes nothing
        if exiting:
            _STOPPING.append(True)
    signum = err.signum if isinstance(err, Stopped) else signal.SIGINT
    name = signal.Signals(signum).name
    with contextlib.suppress(OSError, ValueError):  # a closed terminal may refuse the line
        print(
            f"newslab: stopped by {name}; outputs are swapped in only when complete, so none changed", file=sys.stderr
        )
    if main_thread and not exiting:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    return 128 + int(signum)


class _CommandFormatter(logging.Formatter):
    """``newslab: warning: message`` (the usual form of a command's diagnostics)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"newslab: {record.levelname.lower()}: {record.getMessage()}"


@contextlib.contextmanager
def _command_logging(verbose: bool) -> Iterator[None]:
    """Newslab's messages on stderr while a command runs (INFO with ``-v``, else WARNING).

    The logging set-up is undone afterwards, so calling :func:`main` in-process (tests, a
    notebook) leaves the caller's logging as it was. ``-v`` also shows other libraries' INFO.
    """
    log = logging.getLogger("newslab")
    handler = logging.StreamHandler(sys.stderr)  # the current stderr, also when a caller swapped it
    handler.setFormatter(_CommandFormatter())
    saved = (log.level, log.propagate)
    log.addHandler(handler)
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    log.propagate = False
    root = logging.getLogger()
    extra = None
    if verbose:
        extra = logging.StreamHandler(sys.stderr)
        extra.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(extra)
    saved_root = root.level
    if verbose:
        root.setLevel(logging.INFO)
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.setLevel(saved[0])
        log.propagate = saved[1]
        root.setLevel(saved_root)
        if extra is not None:
            root.removeHandler(extra)


def _closed_pipe() -> int:
    """The reader of stdout went away (``| head``): stop quietly, as Unix tools do.

    Python would otherwise print a second BrokenPipeError when it flushes stdout at exit;
    pointing stdout at /dev/null prevents that (the recipe of the Python docs, "Note on SIGPIPE").
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return BROKEN_PIPE_STATUS


__all__ = ["SuggestingParser", "atomic_write_text", "build_parser", "main", "printable", "suggest"]
