"""One analysis pass per article: every table of newslab from the same stages, in one order.

:func:`analyze` runs each article through these stages, each handed the earlier results as
arguments (nothing is cached on articles or keyed on texts):

1. **sentences and tokens** (:func:`newslab.document.parse`);
2. **sentence tone** (:func:`newslab.sentiment.tone_rows`);
3. **names and mentions**: the name registry (:func:`newslab.names.name_registry`) and the
   targets' names, descriptions and pronouns (:func:`newslab.mentions.article_mentions`);
4. **quotes and speakers** (:func:`newslab.quotes.article_quotes`, given those mentions), then
   the in-quote pronoun rule on the mentions (:func:`newslab.mentions.apply_quotes`);
5. **target tone** with label, score and evidence per mention
   (:func:`newslab.sentiment.sentence_target_tones`);
6. **stance** (:func:`newslab.stance.article_stance`, given quotes, mentions and names);
7. **frames** (:func:`newslab.frames.frame_rows`).

The result of one article is an :class:`ArticleResult` (plain rows, cheap to pickle), so the
pass runs the same way in one process, on a process pool (``workers=N``) or on Dask
(``scheduler=client``). :class:`Analysis` holds the tidy tables; ``find_mentions``,
``find_quotes``, ``sentiment_table``, ``stance_table``, ``frame_table`` and ``compare`` are
views of it, so two tables of one report never disagree.

Example:
    >>> import newslab as nl
    >>> analysis = nl.analyze(nl.load_seed_corpus())
    >>> analysis
    Analysis(2 articles, 42 sentences, 68 mentions, 13 quotes, 13 stance rows, 0 errors)
    >>> analysis.mentions.groupby("article_id", sort=False).size().to_dict()
    {'es-daily': 39, 'de-dpa': 29}
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import itertools
import json
import logging
import os
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab.corpus import PROGRESS_THRESHOLD, as_articles
from newslab.document import Article, Document, parse
from newslab.errors import EmptyInputError, NewslabError, NewslabWarning, ParameterError
from newslab.frames import frame_matcher, frame_rows
from newslab.mentions import Mention, QuoteSpan, apply_quotes, article_mentions, mention_rows
from newslab.names import name_registry
from newslab.quotes import Quote, article_quotes, quote_rows
from newslab.result import COLUMNS, TABLES, TARGET_TONE_COLUMNS, Analysis, metadata_json
from newslab.sentiment import SPEAKER_ELSEWHERE, sentence_target_tones, tone_rows
from newslab.stance import STANCE_COLUMNS, article_stance
from newslab.targets import Target, as_targets

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

#: The stages of the pass, in the order they run.
STAGES = ("sentences", "tone", "mentions", "quotes", "target_tone", "stance", "frames")
#: Articles handed to a worker at a time (and written to one Parquet part).
CHUNK_SIZE = 50
ON_ERROR = ("raise", "skip")


@dataclasses.dataclass(frozen=True)
class AnalysisOptions:
    """Options of the analysis pass (every stage's knobs, with the defaults of the table functions).

    Attributes:
        pronouns: Resolve pronouns to targets.
        require_name: Count descriptions only in articles that name the target.
        in_quote: Apply the in-quote pronoun rule (he/his inside a quote is not its speaker).
        lexicon: Term -> valence for sentence tone (``None``: the packaged news lexicon).
        tone_evidence: Keep the lexicon hits behind each sentence's tone.
        n_evidence: Deciding features kept per mention in the target tone table.
        cues: Packaged stance cue table.
        stance_sentiment: Author stance rows from target sentiment (see :func:`newslab.stance_table`).
        frames: Frame dictionary (``None``: the packaged one).
    """

    pronouns: bool = True
    require_name: bool = True
    in_quote: bool = True
    lexicon: Mapping[str, float] | None = None
    tone_evidence: bool = True
    n_evidence: int = 6
    cues: str = "stance_cues"
    stance_sentiment: bool | Callable[..., Any] = False
    frames: Any = None

    def to_json(self) -> dict[str, Any]:
        """The options as JSON-ready values (a custom lexicon, hook or dictionary shows as ``"custom"``)."""
        out: dict[str, Any] = {}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            simple = value is None or isinstance(value, (bool, int, str))
            out[field.name] = value if simple else "custom"
        return out


@dataclasses.dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything the pass found in one article, as plain table rows (cheap to pickle).

    Attributes:
        article_id: The article's id.
        rows: Table name -> rows (tuples in the order of ``COLUMNS[table]``).
    """

    article_id: str
    rows: Mapping[str, list[tuple[Any, ...]]]


def input_hash(article: Article) -> str:
    """SHA-256 of an article's id, title, source and text (what the analysis reads)."""
    digest = hashlib.sha256()
    for part in (article.id, article.title, article.source, article.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


class _Stage:
    """Names the running stage, so that an error can say where it happened."""

    name = "sentences"


def _needed(tables: frozenset[str], options: AnalysisOptions) -> frozenset[str]:
    """Stages needed for the requested tables (dependencies included)."""
    stages = {"sentences"}
    if "tone" in tables:
        stages.add("tone")
    if tables & {"mentions", "target_tone", "stance", "quotes"}:
        stages.add("mentions")
    if tables & {"quotes", "stance"} or (tables & {"mentions", "target_tone"} and options.in_quote):
        stages |= {"mentions", "quotes"}
    for name in ("target_tone", "stance", "frames"):
        if name in tables:
            stages.add(name)
    return frozenset(stages)


def analyze_article(
    article: Article,
    targets: Sequence[Target],
    options: AnalysisOptions = AnalysisOptions(),
    *,
    tables: Iterable[str] = TABLES,
    matcher: Any = None,
    stage: _Stage | None = None,
) -> ArticleResult:
    """Run one article through the stages, in order, each stage handed the earlier results.

    Args:
        article: The article.
        targets: The targets.
        options: The pass's options.
        tables: Tables wanted (stages they need run, the others are skipped).
        matcher: A compiled frame dictionary (:func:`newslab.frames.frame_matcher`), compiled
            once per run; ``None`` compiles ``options.frames``.
        stage: Receives the name of the running stage (for error messages).

    Returns:
        An :class:`ArticleResult`.

    Example:
        >>> from newslab.targets import DEFAULT_TARGETS
        >>> result = analyze_article(Article("a", "", "Rutte praised Trump."), DEFAULT_TARGETS)
        >>> [(r[2], r[7]) for r in result.rows["target_tone"]]
        [('Trump', 'positive')]
    """
    wanted = frozenset(tables)
    needed = _needed(wanted, options)
    stage = stage or _Stage()
    targets = tuple(targets)
    rows: dict[str, list[tuple[Any, ...]]] = {}

    stage.name = "sentences"
    doc = parse(article)
    n_words = [doc.n_words(i) for i in range(len(doc.sentences))]
    rows["articles"] = [
        (doc.id, doc.title, doc.source, article.date, len(doc.sentences), sum(n_words), len(doc.text),
         input_hash(article), metadata_json(article.metadata))
    ]  # fmt: skip
    if "sentences" in wanted:
        rows["sentences"] = [(doc.id, s.index, s.start, s.end, s.text, n_words[s.index]) for s in doc.sentences]
    if "tone" in needed:
        stage.name = "tone"
        rows["tone"] = tone_rows(doc, lexicon=options.lexicon, evidence=options.tone_evidence)
    mentions: list[Mention] = []
    if "mentions" in needed:
        stage.name = "mentions"
        names = name_registry(doc)
        mentions = article_mentions(doc, targets, pronouns=options.pronouns, require_name=options.require_name)
    if "quotes" in needed:
        stage.name = "quotes"
        quotes = article_quotes(doc, targets, mentions, names)
        rows["quotes"] = quote_rows(doc, quotes)
        if options.in_quote and options.pronouns:
            spans = [QuoteSpan(q.start, q.end, q.resolved) for q in quotes if q.kind == "direct" and q.resolved]
            mentions = apply_quotes(doc, mentions, targets, spans)
    if "mentions" in needed:
        rows["mentions"] = mention_rows(doc, mentions)
    if "target_tone" in needed:
        stage.name = "target_tone"
        speech = quotes if "quotes" in needed else None
        rows["target_tone"] = target_tone_rows(doc, mentions, n_evidence=options.n_evidence, quotes=speech)
    if "stance" in needed:
        stage.name = "stance"
        at = [TARGET_TONE_COLUMNS.index(c) for c in ("start", "end", "label", "score")]
        tones = {(r[at[0]], r[at[1]]): (r[at[2]], r[at[3]]) for r in rows.get("target_tone", ())}
        found = article_stance(
            doc, targets, quotes=quotes, mentions=mentions, names=names, cues=options.cues,
            sentiment=options.stance_sentiment, tones=tones or None,
        )  # fmt: skip
        rows["stance"] = [tuple(r[c] for c in STANCE_COLUMNS) for r in found]
    if "frames" in needed:
        stage.name = "frames"
        rows["frames"] = frame_rows(doc, matcher if matcher is not None else frame_matcher(options.frames))
    return ArticleResult(doc.id, {name: r for name, r in rows.items() if name in wanted or name == "articles"})


def target_tone_rows(
    doc: Document, mentions: Sequence[Mention], *, n_evidence: int = 6, quotes: Sequence[Quote] | None = None
) -> list[tuple[Any, ...]]:
    """Target tone rows (``TARGET_TONE_COLUMNS``): label, score and evidence for every mention.

    Each sentence is analyzed once for all the mentions in it (linear in the article's length).
    ``evidence`` lists the model features that pushed toward the label, strongest first, as
    ``"feature (+weight)"`` (see :func:`newslab.sentiment.target_features` for the names).
    ``quotes`` (the quotes stage's result) tell the model who says what in each sentence;
    without them the quotes stage reads each sentence with a mention alone.
    """
    by_sentence: dict[int, list[Mention]] = collections.defaultdict(list)
    for m in mentions:
        by_sentence[doc.sentence_of(m.start)].append(m)
    quotes_in: dict[int, list[Quote]] = collections.defaultdict(list)  # sentence -> quotes overlapping it
    for q in quotes or ():
        if q.end > q.start:
            for sid in range(doc.sentence_of(q.start), doc.sentence_of(q.end - 1) + 1):
                quotes_in[sid].append(q)
    rows: list[tuple[Any, ...]] = []
    text = doc.text
    for sid in sorted(by_sentence):
        sent = doc.sentences[sid]
        here = [m for m in by_sentence[sid] if sent.start <= m.start and m.end <= sent.end and m.end > m.start]
        spans = [(m.start - sent.start, m.end - sent.start) for m in here]
        speech = None if quotes is None else _speech_in(sent.start, sent.end, quotes_in.get(sid, ()))
        tones = sentence_target_tones(sent.text, spans, n_evidence=n_evidence, speech=speech)
        for m, result in zip(here, tones, strict=True):
            probs = result.probabilities
            evidence = [f"{f.name} ({f.weight:+.2f})" for f in result.evidence]
            rows.append(
                (doc.id, sid, m.target.name, text[m.start : m.end], m.kind, m.start, m.end, result.label,
                 float(result.score), float(probs["negative"]), float(probs["neutral"]), float(probs["positive"]),
                 evidence)
            )  # fmt: skip
    rows.sort(key=lambda r: (r[5], r[2]))
    return rows


def _speech_in(start: int, end: int, quotes: Sequence[Quote]) -> list[tuple[int, int, int, int]]:
    """The quotes whose words lie in the sentence [start, end), as offsets into it.

    The speaker is ``(-1, -1)`` when the quote has none, and ``SPEAKER_ELSEWHERE`` when it was
    found in another sentence (a quote continued from the sentence before).
    """
    speech = []
    for q in quotes:
        if q.end <= start or q.start >= end:
            continue
        inside = start <= q.speaker_start and q.speaker_end <= end
        if q.speaker_start < 0:
            speaker = (-1, -1)
        elif inside:
            speaker = (q.speaker_start - start, q.speaker_end - start)
        else:  # named in another sentence: attributed speech all the same (not scare quotes)
            speaker = (SPEAKER_ELSEWHERE, SPEAKER_ELSEWHERE)
        speech.append((max(q.start, start) - start, min(q.end, end) - start, *speaker))
    return speech


# --------------------------------------------------------------------------- running the pass


@dataclasses.dataclass(frozen=True)
class Job:
    """What a worker needs: the targets, options and tables (all picklable)."""

    targets: tuple[Target, ...]
    options: AnalysisOptions
    tables: tuple[str, ...]
    on_error: str


def _safe_article(article: Article, job: Job, matcher: Any) -> ArticleResult:
    stage = _Stage()
    try:
        return analyze_article(article, job.targets, job.options, tables=job.tables, matcher=matcher, stage=stage)
    except Exception as err:
        message = f"{type(err).__name__}: {err}"
        if job.on_error == "raise":
            raise AnalysisError(
                f"article {article.id!r} failed in stage {stage.name!r}: {message}; pass on_error='skip' to record "
                "failures in Analysis.errors and go on"
            ) from err
        logger.warning("article %r failed in stage %r: %s", article.id, stage.name, message)
        logger.debug("%s", traceback.format_exc())
        return ArticleResult(article.id, {"errors": [(article.id, stage.name, type(err).__name__, str(err))]})


def run_chunk(articles: list[Article], job: Job) -> list[ArticleResult]:
    """Analyze a chunk of articles (runs in a worker process, or in this one)."""
    matcher = frame_matcher(job.options.frames) if "frames" in job.tables else None
    return [_safe_article(a, job, matcher) for a in articles]


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
    _write_parts(Path(folder), index, tables)
    return [ArticleResult(r.article_id, {}) for r in results]


def _write_parts(folder: Path, index: int, tables: Mapping[str, list[tuple[Any, ...]]]) -> None:
    """Write part ``index`` of each table (empty tables write no file)."""
    from newslab.storage import write_part

    for name, rows in tables.items():
        write_part(folder, name, index, _frame(name, rows))


def chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of ``size`` articles (the last may be shorter), read lazily from ``articles``."""
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def warm_up() -> None:
    """Load every lexicon, model and dictionary the pass uses (one short article through every stage)."""
    text = "Trump met NATO chief Mark Rutte. “The talks were good,” Rutte said. Allies criticized him."
    run_chunk([Article("warm-up", "", text)], Job(as_targets(None), AnalysisOptions(), TABLES, "raise"))


class AnalysisError(NewslabError, RuntimeError):
    """An article failed in a stage of the analysis pass."""


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

    Returns:
        An :class:`Analysis`.

    Raises:
        ParameterError: For a bad option.
        AnalysisError: When an article fails and ``on_error="raise"``.

    Example:
        >>> import newslab as nl
        >>> a = nl.analyze(nl.load_seed_corpus(), tables=["mentions", "target_tone"])
        >>> a.target_tone[["target", "label"]].value_counts().loc["Trump"].to_dict()
        {'negative': 17, 'neutral': 16, 'positive': 10}
    """
    chosen_tables = _check_arguments(workers, on_error, tables, chunk_size)
    if options is None:
        options = AnalysisOptions()
    if not isinstance(options, AnalysisOptions):
        raise ParameterError(f"options={options!r}; valid: an nl.AnalysisOptions(...) or None")
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
        for chunk in chunks:
            yield run_chunk(chunk, job)
    else:
        from newslab.pool import run_pool

        yield from run_pool(chunks, run_chunk, job, workers=workers)


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
            from newslab.storage import begin_output

            self.folder = begin_output(self.target)

    def abort(self, results: Any) -> None:
        """Stop the workers, then remove the staging folder (the previous analysis stays as it was)."""
        close = getattr(results, "close", None)
        try:
            if close is not None:
                close()
        finally:
            if self.folder is not None:
                from newslab.storage import abort_output

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
        elif sum(len(r) for r in self.rows.values()) > 200_000:
            self.compact()

    def compact(self) -> None:
        """Turn collected rows into DataFrames (compact columns) and start new row lists."""
        for name, rows in self.rows.items():
            if rows:
                self.frames[name].append(_frame(name, rows))
                self.rows[name] = []

    def flush(self) -> None:
        assert self.folder is not None
        _write_parts(self.folder, self.part, self.rows)
        self.rows = {name: [] for name in self.rows}
        self.part += 1

    def finish(self, output_dir: str | os.PathLike[str] | None) -> Analysis:
        params = {
            "targets": {t.name: t.to_spec() for t in self.job.targets},
            "options": self.job.options.to_json(),
            "tables": list(self.job.tables),
        }
        if self.folder is not None:
            from newslab.storage import commit_output, write_manifest

            write_manifest(self.folder, params)
            return Analysis.load(commit_output(self.folder, self.target or self.folder))
        self.compact()
        import pandas as pd

        tables = {}
        for name in TABLES:
            parts = self.frames.get(name, [])
            tables[name] = pd.concat(parts, ignore_index=True) if len(parts) > 1 else (
                parts[0] if parts else _frame(name, [])
            )  # fmt: skip
        return Analysis(tables, params)


def _frame(name: str, rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=COLUMNS[name])


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
    "target_tone_rows",
]
