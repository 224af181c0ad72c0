"""The pass over one article and over a chunk of articles: the stages of :mod:`newslab.stages`, in order.

:func:`analyze_article` makes one :class:`newslab.pipeline.ArticleState`, runs the stages the
requested tables need (in the order their declarations give), then makes every table's rows
once, from the stages' objects. :func:`run_chunk` does this for a chunk of articles and is what
a process-pool worker or a Dask task runs; a failure names its article and stage.

Example:
    >>> from newslab.targets import DEFAULT_TARGETS
    >>> result = analyze_article(Article("a", "", "Rutte praised Trump."), DEFAULT_TARGETS)
    >>> [(r.target, r.label) for r in result.rows["target_tone"]]
    [('Trump', 'positive')]
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import logging
import traceback
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab.document import Article
from newslab.errors import NewslabError
from newslab.pipeline import AnalysisOptions, ArticleState, Stage, needed_stages
from newslab.records import ArticleRow, ErrorRow, metadata_json
from newslab.stages import COLUMNS, STAGES, TABLES
from newslab.targets import Target, as_targets

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)
#: The options of a run that gives none (frozen, so one shared instance).
DEFAULT_OPTIONS = AnalysisOptions()


@dataclasses.dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything the pass found in one article, as plain table rows (cheap to pickle).

    Attributes:
        article_id: The article's id.
        rows: Table name -> rows (records whose fields are ``COLUMNS[table]``).
    """

    article_id: str
    rows: Mapping[str, list[tuple[Any, ...]]]


class AnalysisError(NewslabError, RuntimeError):
    """An article failed in a stage of the analysis pass."""


def input_hash(article: Article) -> str:
    """SHA-256 of an article's id, title, source and text (what the analysis reads)."""
    digest = hashlib.sha256()
    for part in (article.id, article.title, article.source, article.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def plan(tables: Iterable[str], options: AnalysisOptions) -> tuple[Stage, ...]:
    """The stages, in run order, that ``tables`` need under ``options`` (``sentences`` always)."""
    return needed_stages(STAGES, ("sentences", *tables), options)


def prepare(stages: Sequence[Stage], options: AnalysisOptions) -> dict[str, Any]:
    """Per-run objects of the stages (e.g. the compiled frame dictionary), made once per chunk."""
    return {s.name: s.prepare(options) for s in stages if s.prepare is not None}


def run_article(state: ArticleState, stages: Sequence[Stage], tables: Iterable[str]) -> ArticleResult:
    """Run ``stages`` on ``state`` in order, then make the rows of the wanted tables.

    ``state.stage`` names the stage running (or making its rows), for error messages.
    """
    for stage in stages:
        state.stage = stage.name
        stage.run(state)
    wanted = frozenset(tables)
    doc = state.parsed
    n_words = state.found["n_words"]
    article = state.article
    rows: dict[str, list[Any]] = {
        "articles": [
            ArticleRow(doc.id, doc.title, doc.source, article.date, len(doc.sentences), sum(n_words), len(doc.text),
                       input_hash(article), metadata_json(article.metadata))
        ]
    }  # fmt: skip
    for stage in stages:
        if stage.rows is not None and stage.name in wanted:
            state.stage = stage.name
            rows[stage.name] = list(stage.rows(state))
    return ArticleResult(doc.id, rows)


def analyze_article(
    article: Article,
    targets: Sequence[Target],
    options: AnalysisOptions = DEFAULT_OPTIONS,
    *,
    tables: Iterable[str] = TABLES,
    matcher: Any = None,
) -> ArticleResult:
    """Run one article through the stages its tables need, in order, each reading the earlier results.

    Args:
        article: The article.
        targets: The targets.
        options: The pass's options.
        tables: Tables wanted (stages they need run, the others are skipped).
        matcher: A compiled frame dictionary (:func:`newslab.frames.frame_matcher`); ``None``
            compiles ``options.frames`` when the frames stage runs.

    Returns:
        An :class:`ArticleResult`.

    Example:
        >>> from newslab.targets import DEFAULT_TARGETS
        >>> result = analyze_article(Article("a", "", "NATO met."), DEFAULT_TARGETS, tables=["mentions"])
        >>> sorted(result.rows), [r.mention for r in result.rows["mentions"]]
        (['articles', 'mentions'], ['NATO'])
    """
    chosen = tuple(tables)
    stages = plan(chosen, options)
    resources = prepare(stages, options)
    if matcher is not None:
        resources["frames"] = matcher
    state = ArticleState(article, tuple(targets), options, resources)
    return run_article(state, stages, chosen)


# --------------------------------------------------------------------------- chunks


@dataclasses.dataclass(frozen=True)
class Job:
    """What a worker needs: the targets, options and tables (all picklable)."""

    targets: tuple[Target, ...]
    options: AnalysisOptions
    tables: tuple[str, ...]
    on_error: str


def _safe_article(article: Article, job: Job, stages: Sequence[Stage], resources: Mapping[str, Any]) -> ArticleResult:
    state = ArticleState(article, job.targets, job.options, resources)
    try:
        return run_article(state, stages, job.tables)
    except Exception as err:
        message = f"{type(err).__name__}: {err}"
        if job.on_error == "raise":
            raise AnalysisError(
                f"article {article.id!r} failed in stage {state.stage!r}: {message}; pass on_error='skip' to record "
                "failures in Analysis.errors and go on"
            ) from err
        logger.warning("article %r failed in stage %r: %s", article.id, state.stage, message)
        logger.debug("%s", traceback.format_exc())
        return ArticleResult(article.id, {"errors": [ErrorRow(article.id, state.stage, type(err).__name__, str(err))]})


def run_chunk(articles: list[Article], job: Job) -> list[ArticleResult]:
    """Analyze a chunk of articles (runs in a worker process, or in this one)."""
    stages = plan(job.tables, job.options)
    resources = prepare(stages, job.options)
    return [_safe_article(a, job, stages, resources) for a in articles]


def write_chunk(task: tuple[str, int, list[Article]], job: Job) -> list[ArticleResult]:
    """Analyze a chunk and write its rows as Parquet part ``index`` of ``folder`` (runs in a worker).

    Returns the chunk's results without their rows (the ids only), so nothing but the ids
    travels back to the process that started the run.
    """
    folder, index, articles = task
    results = run_chunk(articles, job)
    tables = {
        name: [row for r in results for row in r.rows.get(name, ())] for name in (*job.tables, "articles", "errors")
    }
    write_parts(Path(folder), index, tables)
    return [ArticleResult(r.article_id, {}) for r in results]


def write_parts(folder: Path, index: int, tables: Mapping[str, list[tuple[Any, ...]]]) -> None:
    """Write part ``index`` of each table (empty tables write no file)."""
    from newslab.output_folder import write_part

    for name, rows in tables.items():
        write_part(folder, name, index, frame(name, rows))


def frame(name: str, rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    """A table's rows as a DataFrame with its columns."""
    import pandas as pd

    return pd.DataFrame(rows, columns=COLUMNS[name])


def chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of ``size`` articles (the last may be shorter), read lazily from ``articles``."""
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def warm_up() -> None:
    """Load every lexicon, model and dictionary the pass uses (one short article through every stage)."""
    text = "Trump met NATO chief Mark Rutte. “The talks were good,” Rutte said. Allies criticized him."
    run_chunk([Article("warm-up", "", text)], Job(as_targets(None), AnalysisOptions(), TABLES, "raise"))


__all__ = [
    "AnalysisError",
    "ArticleResult",
    "Job",
    "analyze_article",
    "chunked",
    "frame",
    "input_hash",
    "plan",
    "run_chunk",
    "warm_up",
    "write_chunk",
]
