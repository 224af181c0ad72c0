"""One analysis pass per article over a corpus: every table of newslab from the same stages.

:func:`analyze` reads the corpus (lazily for a path), splits it into chunks, runs each chunk
through the pass (:func:`newslab.article_pass.run_chunk`: the stages declared in
:mod:`newslab.stages`, in the order their requirements give, each reading the earlier stages'
results from one per-article state) in this process, on a process pool (``workers=N``) or on
Dask (``scheduler=client``), and collects the rows into an :class:`Analysis` (in memory, or as
Parquet parts in ``output_dir``), optionally reusing per-article results from ``cache_dir``.

The stages, in run order: sentences and tokens; names and mentions; sentence tone; quotes and
speakers (then the in-quote pronoun rule on the mentions); target tone with label, score and
evidence per mention; stance (holder -> target); frames; hedging. ``find_mentions``,
``find_quotes``, ``sentiment_table``, ``stance_table``, ``frame_table`` and ``compare``
(:mod:`newslab.tables`) are views of one pass, so two tables of one report never disagree.

Example:
    >>> import newslab as nl
    >>> analysis = nl.analyze(nl.load_seed_corpus())
    >>> analysis
    Analysis(2 articles, 42 sentences, 70 mentions, 13 quotes, 13 stance rows, 0 errors)
    >>> analysis.mentions.groupby("article_id", sort=False).size().to_dict()
    {'es-daily': 40, 'de-dpa': 30}
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import gc
import hashlib
import importlib
import json
import logging
import os
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab.article_pass import (
    AnalysisError,
    ArticleResult,
    Job,
    analyze_article,
    chunked,
    frame,
    input_hash,
    run_chunk,
    write_chunk,
    write_parts,
)
from newslab.corpus import PROGRESS_THRESHOLD, as_articles
from newslab.document import Article
from newslab.errors import EmptyInputError, NewslabWarning, ParameterError
from newslab.pipeline import AnalysisOptions
from newslab.result import Analysis
from newslab.stages import COLUMNS, STAGES, TABLES
from newslab.target_model import check_model
from newslab.targets import Target, as_targets

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

#: Articles handed to a worker at a time (and written to one Parquet part).
CHUNK_SIZE = 50
ON_ERROR = ("raise", "skip")
#: Rows held in memory as Python tuples before they are packed into DataFrames (compact columns):
#: bounds the memory a large in-memory run holds as Python tuples (a DataFrame column is far smaller).
COMPACT_ROWS = 200_000


def _check_arguments(workers: Any, on_error: Any, tables: Iterable[str], chunk_size: Any) -> tuple[str, ...]:
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ParameterError(f"workers={workers!r}; valid: a whole number >= 1 (processes; this machine has "
                             f"{os.cpu_count()} cores)")  # fmt: skip
    if on_error not in ON_ERROR:
        raise ParameterError(f"on_error={on_error!r}; valid: {list(ON_ERROR)}")
    if not isinstance(chunk_size, int) or isinstance(chunk_size, bool) or chunk_size < 1:
        raise ParameterError(f"chunk_size={chunk_size!r}; valid: a whole number >= 1")
    chosen = tuple(dict.fromkeys(tables))
    unknown = [t for t in chosen if t not in TABLES]
    if unknown:
        raise ParameterError(f"tables={unknown!r}; valid: {list(TABLES)}")
    return chosen


def _article_stream(corpus: Any) -> tuple[Iterable[Article], int | None]:
    """Articles to analyze and their number when known (a path is read lazily, file by file)."""
    if isinstance(corpus, (str, os.PathLike)) and not isinstance(corpus, str):
        from newslab.corpus import iter_articles

        return iter_articles(corpus), None
    if isinstance(corpus, str) and _looks_like_path(corpus):
        from newslab.corpus import iter_articles

        return iter_articles(corpus), None
    paths = isinstance(corpus, (list, tuple)) and corpus and all(isinstance(p, (str, os.PathLike)) for p in corpus)
    if paths and all(isinstance(p, os.PathLike) or _looks_like_path(p) for p in corpus):
        from newslab.corpus import iter_articles

        return iter_articles(corpus), None
    articles = as_articles(corpus)
    return articles, len(articles)


def _looks_like_path(text: str) -> bool:
    from newslab.corpus import path_argument

    return path_argument(text) is not None  # a missing path-looking string raises MissingInputError


def analyze(
    corpus: Any,
    targets: Target | Iterable[Target] | None = None,
    *,
    workers: int = 1,
    scheduler: Any = None,
    progress: bool | None = None,
    on_error: str = "raise",
    options: AnalysisOptions | None = None,
    tables: Iterable[str] = TABLES,
    output_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    chunk_size: int = CHUNK_SIZE,
    model: Any = None,
) -> Analysis:
    """Analyze a corpus in one pass per article and return every table.

    Args:
        corpus: A Corpus, an Article, a list of articles, a plain string, or a path (file or
            folder, read lazily file by file; see :func:`newslab.corpus.iter_articles`).
        targets: Target objects; default ``(TRUMP, NATO)``.
        workers: Processes to run the pass on (chunks of ``chunk_size`` articles; output order
            is the input order whatever the number of workers).
        scheduler: A ``dask.distributed.Client``: run the pass on its cluster instead
            (``pip install "newslab[dask]"``; see ``docs/scale.md``).
        progress: Progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never.
        on_error: ``"raise"`` (default): an article that fails stops the run with an error
            naming it and the stage; ``"skip"``: it is recorded in ``Analysis.errors`` and the
            run goes on.
        options: Options of the stages (:class:`AnalysisOptions`).
        tables: Tables to compute (default all); stages they do not need are skipped.
        output_dir: Write the tables as Parquet here, chunk by chunk, keeping none in memory
            (memory stays flat with corpus size); the returned Analysis reads them on demand.
        cache_dir: Keep each article's result here (JSON, keyed by a hash of the article,
            targets, options and newslab version) and reuse it when nothing changed.
        chunk_size: Articles per chunk (per worker task and per Parquet part).
        model: Target tone model from :func:`newslab.adapt_target_model` or
            :func:`newslab.load_target_model` (sets ``options.target_model``); ``None``: keep the options' model.

    Returns:
        An :class:`Analysis`.

    Raises:
        ParameterError: For a bad option.
        AnalysisError: When an article fails and ``on_error="raise"``.

    Example:
        >>> import newslab as nl
        >>> a = nl.analyze(nl.load_seed_corpus(), tables=["mentions", "target_tone"])
        >>> a.target_tone[["target", "label"]].value_counts().loc["Trump"].to_dict()
        {'neutral': 18, 'negative': 17, 'positive': 10}
    """
    chosen_tables = _check_arguments(workers, on_error, tables, chunk_size)
    if options is None:
        options = AnalysisOptions()
    if not isinstance(options, AnalysisOptions):
        raise ParameterError(f"options={options!r}; valid: an nl.AnalysisOptions(...) or None")
    if model is not None:
        options = dataclasses.replace(options, target_model=check_model(model))
    job = Job(as_targets(targets), options, chosen_tables, on_error)
    articles, total = _article_stream(corpus)
    cache = _ResultCache(cache_dir, job) if cache_dir is not None else None
    sink = _Sink(job, output_dir)
    # on a pool or a cluster, the workers write their own Parquet parts: only ids travel back
    in_workers = sink.folder is not None and cache is None and (scheduler is not None or workers > 1)
    sink.written_by_workers = in_workers
    folder = sink.folder if in_workers else None
    if scheduler is not None:
        from newslab.scale import run_dask

        results = run_dask(articles, job, scheduler, chunk_size, folder=folder)
    else:
        results = _run(articles, job, workers, chunk_size, cache, folder)
    bar = _bar(total, progress)
    done = 0
    try:
        for chunk in results:
            sink.add(chunk)
            done += len(chunk)
            if bar is None and total is None and progress is None and done >= PROGRESS_THRESHOLD:
                bar = _bar(None, None, initial=done)  # a corpus read lazily: a bar once it proves large
            elif bar is not None:
                bar.update(len(chunk))
        if not sink.seen:
            raise EmptyInputError(f"no article to analyze in {_describe(corpus)}; check the path or the corpus")
        return sink.finish(output_dir)
    except BaseException:
        sink.abort(results)  # a failure or an interrupt leaves the previous output as it was
        raise
    finally:
        if bar is not None:
            bar.close()


def _describe(corpus: Any) -> str:
    text = repr(corpus) if not isinstance(corpus, (str, os.PathLike)) else str(corpus)
    return text if len(text) <= 80 else text[:77] + "..."


def _bar(total: int | None, progress: bool | None, initial: int = 0) -> Any:
    """A tqdm bar: ``progress`` True/False forces it; ``None`` shows one from ``PROGRESS_THRESHOLD`` articles."""
    if progress is False or (progress is None and os.environ.get("NEWSLAB_PROGRESS") == "0"):
        return None
    if progress is None and (total is None or total < PROGRESS_THRESHOLD) and initial < PROGRESS_THRESHOLD:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, desc="analyze", unit="article")


def _run(
    articles: Iterable[Article],
    job: Job,
    workers: int,
    chunk_size: int,
    cache: _ResultCache | None,
    folder: Path | None = None,
) -> Iterator[list[ArticleResult]]:
    """Chunk results in input order; with ``folder``, the workers write each chunk's Parquet part."""
    chunks = chunked(articles, chunk_size)
    if cache is not None:
        yield from cache.run(chunks, lambda todo: _run_chunks(iter(todo), job, workers))
    elif folder is not None:
        from newslab.pool import run_pool

        tasks = ((str(folder), index, chunk) for index, chunk in enumerate(chunks))
        yield from run_pool(tasks, write_chunk, job, workers=workers, task_size=None)
    else:
        yield from _run_chunks(chunks, job, workers)


def _run_chunks(chunks: Iterator[list[Article]], job: Job, workers: int) -> Iterator[list[ArticleResult]]:
    if workers == 1:
        with _frozen_between_chunks() as freeze:
            for chunk in chunks:
                results = run_chunk(chunk, job)
                freeze()
                yield results
    else:
        from newslab.pool import run_pool

        _import_meanwhile("pandas")  # the tables are built here from the workers' rows
        with _frozen_between_chunks() as freeze:  # the rows received stay here until the tables are built
            for results in run_pool(chunks, run_chunk, job, workers=workers):
                freeze()
                yield results


@contextlib.contextmanager
def _frozen_between_chunks() -> Iterator[Callable[[], None]]:
    """In this process, move what each finished chunk left (its rows, the loaded lexicons) out of the collector's reach.

    The rows of a run stay in memory until its tables are built (the one-worker pass makes them
    here, a pool's workers send them here), and the lexicons and models for good: a full garbage
    collection would walk them again and again as the heap grows (about 7% of a one-worker run of
    600 articles). ``gc.freeze`` after each chunk keeps them out of those
    walks, as the pool's forkserver does for what it preloads; ``gc.unfreeze`` at the end of the
    run hands everything back to the collector, so nothing stays frozen. A process that froze
    objects itself, or turned the collector off, is left as it is.
    """
    if gc.get_freeze_count() or not gc.isenabled():
        yield lambda: None
        return
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def _import_meanwhile(module: str) -> None:
    """Import ``module`` on a thread while the pool starts (this process waits for its first results then).

    The pool's forkserver loads newslab and its lexicons on one core while this process would
    sit idle; importing what the tables need in that time takes it off the end of the run. An
    import that fails here fails again, with its message, where the module is used.
    """
    if module in sys.modules:
        return

    def load() -> None:
        with contextlib.suppress(Exception):
            importlib.import_module(module)

    threading.Thread(target=load, name=f"newslab-import-{module}").start()


class _Sink:
    """Collects chunk results into tables (in memory, or as Parquet parts in ``output_dir``)."""

    def __init__(self, job: Job, output_dir: str | os.PathLike[str] | None) -> None:
        self.job = job
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in (*job.tables, "articles", "errors")}
        self.frames: dict[str, list[pd.DataFrame]] = collections.defaultdict(list)
        self.target = Path(output_dir).expanduser() if output_dir is not None else None
        self.part = 0
        self.seen: set[str] = set()
        self.written_by_workers = False  # True: the workers wrote the parts; chunks carry ids only
        self.folder: Path | None = None  # the staging folder; swapped into ``target`` when complete
        if self.target is not None:
            from newslab.output_folder import begin_output

            self.folder = begin_output(self.target)

    def abort(self, results: Any) -> None:
        """Stop the workers, then remove the staging folder (the previous analysis stays as it was)."""
        close = getattr(results, "close", None)
        try:
            if close is not None:
                close()
        finally:
            if self.folder is not None:
                from newslab.output_folder import abort_output

                abort_output(self.folder)

    def add(self, chunk: list[ArticleResult]) -> None:
        for result in chunk:
            if result.article_id in self.seen:
                raise AnalysisError(f"article id {result.article_id!r} occurs twice; ids must be unique")
            self.seen.add(result.article_id)
            for name, rows in result.rows.items():
                self.rows[name].extend(rows)
        if self.written_by_workers:
            return
        if self.folder is not None:
            self.flush()
        elif sum(len(r) for r in self.rows.values()) > COMPACT_ROWS:
            self.compact()

    def compact(self) -> None:
        """Turn collected rows into DataFrames (compact columns) and start new row lists."""
        for name, rows in self.rows.items():
            if rows:
                self.frames[name].append(frame(name, rows))
                self.rows[name] = []

    def flush(self) -> None:
        assert self.folder is not None
        write_parts(self.folder, self.part, self.rows)
        self.rows = {name: [] for name in self.rows}
        self.part += 1

    def finish(self, output_dir: str | os.PathLike[str] | None) -> Analysis:
        params = {
            "targets": {t.name: t.to_spec() for t in self.job.targets},
            "options": self.job.options.to_json(),
            "tables": list(self.job.tables),
        }
        if self.folder is not None:
            from newslab.output_folder import commit_output, write_manifest

            write_manifest(self.folder, params)
            return Analysis.load(commit_output(self.folder, self.target or self.folder))
        self.compact()
        import pandas as pd

        tables = {}
        for name in TABLES:
            parts = self.frames.get(name, [])
            tables[name] = pd.concat(parts, ignore_index=True) if len(parts) > 1 else (
                parts[0] if parts else frame(name, [])
            )  # fmt: skip
        return Analysis(tables, params)


class _ResultCache:
    """Per-article results kept as JSON in a folder, keyed by the article, targets, options and version.

    An article whose text, title, source, id, targets, options and newslab version are unchanged
    is read back instead of analyzed again. Files are written atomically; a damaged file is
    analyzed again (and replaced).
    """

    def __init__(self, folder: str | os.PathLike[str], job: Job) -> None:
        from newslab import __version__

        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ParameterError(
                f"cache_dir={str(folder)!r} cannot be created ({err}); choose a writable folder"
            ) from None
        params = {
            "targets": {t.name: t.to_spec() for t in job.targets},
            "options": job.options.to_json(),
            "tables": list(job.tables),
            "version": __version__,
            "columns": {name: len(columns) for name, columns in COLUMNS.items()},  # a new row shape: new keys
        }
        self.tables = job.tables
        self.salt = json.dumps(params, sort_keys=True).encode("utf-8")
        self.hits = 0

    def path(self, article: Article) -> Path:
        key = hashlib.sha256(self.salt + input_hash(article).encode("ascii")).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def read(self, article: Article) -> ArticleResult | None:
        from newslab.storage import check_cache_entry

        path = self.path(article)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, RecursionError) as err:
            problem: str | None = f"unreadable ({type(err).__name__})"
        else:
            problem = check_cache_entry(data, article.id, len(article.text), self.tables, COLUMNS)
        if problem is not None:  # discarded, analyzed again and replaced
            message = f"cache entry {path} for article {article.id!r} is damaged ({problem}); analyzing it again"
            logger.warning("%s", message)
            warnings.warn(message, NewslabWarning, stacklevel=2)
            path.unlink(missing_ok=True)
            return None
        return ArticleResult(article.id, {name: [tuple(r) for r in table] for name, table in data["rows"].items()})

    def write(self, article: Article, result: ArticleResult) -> None:
        if result.rows.get("errors"):
            return  # a failure is not remembered: the next run tries again
        path = self.path(article)
        path.parent.mkdir(exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps({"article_id": article.id, "rows": result.rows}), encoding="utf-8")
        os.replace(tmp, path)

    def run(
        self, chunks: Iterator[list[Article]], compute: Callable[[list[list[Article]]], Iterator[list[ArticleResult]]]
    ) -> Iterator[list[ArticleResult]]:
        for chunk in chunks:
            found = {a.id: self.read(a) for a in chunk}
            todo = [a for a in chunk if found[a.id] is None]
            self.hits += len(chunk) - len(todo)
            if todo:
                for a, result in zip(todo, (r for part in compute([todo]) for r in part), strict=True):
                    self.write(a, result)
                    found[a.id] = result
            yield [found[a.id] for a in chunk]  # type: ignore[misc]


__all__ = [
    "COLUMNS",
    "STAGES",
    "TABLES",
    "Analysis",
    "AnalysisError",
    "AnalysisOptions",
    "ArticleResult",
    "analyze",
    "analyze_article",
    "input_hash",
]
