"""The result of an analysis: tidy tables, the comparison built from them, and the evidence behind it.

An :class:`Analysis` is what :func:`newslab.analyze` returns. Its tables are plain pandas
DataFrames keyed by ``article_id`` (and ``sentence_id``), each row with the character span it
comes from. :meth:`Analysis.compare` aggregates them into the side-by-side table (numbers and
lists), :meth:`Analysis.evidence` returns the rows behind any cell of it, and
:meth:`Analysis.save` / :meth:`Analysis.load` keep it as Parquet with a manifest.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab.errors import ParameterError
from newslab.records import metadata_json
from newslab.stages import COLUMNS, LIST_COLUMNS, TABLES
from newslab.targets import Target

if TYPE_CHECKING:
    import pandas as pd

    from newslab.corpus import Corpus
    from newslab.document import Article

#: Columns of the target tone table (kept for code that imports it from here).
TARGET_TONE_COLUMNS = COLUMNS["target_tone"]


class Analysis:
    """Every table of one analysis pass over a corpus (see :func:`newslab.analyze`).

    Attributes:
        articles: One row per article: title, source, date, sentences, words, characters, input_hash.
        sentences: One row per sentence with its span and text.
        tone: Sentence tone (compound, VADER, TextBlob polarity/subjectivity, label, evidence).
        mentions: Target mentions (names, descriptions, pronouns) with the rule that found each.
        target_tone: Sentiment toward the target at each mention: label, score, probabilities, evidence.
        quotes: Direct and reported speech with speaker, verb and span.
        stance: Holder -> target stance rows with cue words.
        frames: Frame cues per sentence.
        errors: Articles that failed (``on_error="skip"``): the stage and the error.
        params: Targets, options and tables of the run.

    Example:
        >>> import newslab as nl
        >>> a = nl.analyze(nl.load_seed_corpus())
        >>> row = a.compare().loc[0]
        >>> row.article_id, row.target, int(row.mentions), int(row.target_negative)
        ('es-daily', 'Trump', 27, 10)
        >>> a.evidence("es-daily", "Trump", "target_negative")["label"].unique().tolist()
        ['negative']
    """

    def __init__(
        self,
        tables: Mapping[str, pd.DataFrame] | None = None,
        params: Mapping[str, Any] | None = None,
        *,
        folder: str | os.PathLike[str] | None = None,
    ) -> None:
        """Hold the tables (missing ones are empty); with ``folder``, tables are read from there on demand."""
        self._tables: dict[str, pd.DataFrame] = dict(tables or {})
        if "articles" in self._tables:
            self._tables["articles"] = with_metadata_columns(self._tables["articles"])
        self._folder = Path(folder).expanduser() if folder is not None else None
        self._manifest: dict[str, Any] | None = None
        self.params: dict[str, Any] = dict(params or {})

    # ------------------------------------------------------------------ tables
    def table(self, name: str) -> pd.DataFrame:
        """One table by name (one of ``TABLES``)."""
        if name not in TABLES:
            raise ParameterError(f"no table {name!r}; valid: {list(TABLES)}")
        if name not in self._tables:
            if self._folder is not None:
                from newslab.storage import read_table

                self._check_unchanged()
                self._tables[name] = read_table(self._folder, name, self._manifest)
                if name == "articles":
                    self._tables[name] = with_metadata_columns(self._tables[name])
            else:
                import pandas as pd

                self._tables[name] = pd.DataFrame([], columns=COLUMNS[name])
        return self._tables[name]

    def _check_unchanged(self) -> None:
        """Refuse to read a table lazily from a folder that was replaced after this handle was loaded."""
        if self._folder is None or self._manifest is None:
            return
        from newslab.storage import StorageError, read_manifest

        try:
            now = read_manifest(self._folder).get("run_id")
        except Exception:  # gone or damaged: the same advice
            now = None
        if now != self._manifest.get("run_id"):
            raise StorageError(
                f"{self._folder} was replaced or changed after this Analysis was loaded; its tables would mix two "
                f"runs: load it again with nl.Analysis.load({str(self._folder)!r})"
            )

    @property
    def articles(self) -> pd.DataFrame:
        """One row per article; every extra input field (JSONL/CSV metadata such as ``event``) is a column."""
        return self.table("articles")

    @property
    def sentences(self) -> pd.DataFrame:  # noqa: D102
        return self.table("sentences")

    @property
    def tone(self) -> pd.DataFrame:  # noqa: D102
        return self.table("tone")

    @property
    def mentions(self) -> pd.DataFrame:  # noqa: D102
        return self.table("mentions")

    @property
    def target_tone(self) -> pd.DataFrame:  # noqa: D102
        return self.table("target_tone")

    @property
    def quotes(self) -> pd.DataFrame:  # noqa: D102
        return self.table("quotes")

    @property
    def stance(self) -> pd.DataFrame:  # noqa: D102
        return self.table("stance")

    @property
    def frames(self) -> pd.DataFrame:  # noqa: D102
        return self.table("frames")

    @property
    def errors(self) -> pd.DataFrame:  # noqa: D102
        return self.table("errors")

    def __getattr__(self, name: str) -> pd.DataFrame:
        """A table of a further stage by name (``analysis.hedging``), like the properties above."""
        if name in TABLES:
            return self.table(name)
        raise AttributeError(f"'Analysis' object has no attribute {name!r}")

    @property
    def targets(self) -> tuple[Target, ...]:
        """The targets of the run (from ``params``)."""
        from newslab.targets import DEFAULT_TARGETS, targets_from_spec

        specs = self.params.get("targets")
        if not specs:
            return DEFAULT_TARGETS
        return targets_from_spec(specs)

    def __repr__(self) -> str:
        from newslab.errors import NewslabError

        try:
            counts = {name: len(self.table(name)) for name in ("articles", "sentences", "mentions", "quotes", "stance")}
            counts["errors"] = len(self.errors)
        except NewslabError as err:  # a damaged or replaced folder: say so instead of failing to display
            return f"Analysis({self._folder}: cannot be read: {err})"
        return (
            f"Analysis({counts['articles']} articles, {counts['sentences']} sentences, {counts['mentions']} mentions, "
            f"{counts['quotes']} quotes, {counts['stance']} stance rows, {counts['errors']} errors)"
        )

    def memory_usage(self) -> int:
        """Bytes held by the tables in memory (deep: strings and lists counted)."""
        return int(sum(df.memory_usage(deep=True).sum() for df in self._tables.values()))

    def article(self, article_id: str) -> Article:
        """An article rebuilt from the sentences table (for article views and keyness of a saved analysis).

        Sentences keep their offsets, so every span of every table points at the same words; the
        whitespace between sentences (all that lies outside them) becomes a space, or line breaks
        where the original had two or more characters between sentences.

        Raises:
            ParameterError: For an id not in this analysis.
        """
        articles = self.articles
        match = articles[articles["article_id"] == article_id]
        if not len(match):
            raise ParameterError(f"no article {article_id!r} in this analysis")
        sentences = self.sentences
        return _rebuilt(
            {str(k): v for k, v in match.iloc[0].to_dict().items()},
            sentences[sentences["article_id"] == article_id],
            str(self._folder or "this analysis"),
        )

    def corpus(self) -> Corpus:
        """All articles of the analysis, rebuilt from its sentences (see :meth:`article`; linear in size)."""
        from newslab.corpus import Corpus

        by_article = {str(k): sub for k, sub in self.sentences.groupby("article_id", sort=False)}
        empty = self.sentences.iloc[0:0]
        rows: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in self.articles.to_dict("records")]
        where = str(self._folder or "this analysis")
        return Corpus(_rebuilt(row, by_article.get(str(row["article_id"]), empty), where) for row in rows)

    # ------------------------------------------------------------------ views
    def compare(self, targets: Target | Iterable[Target] | None = None, *, top_frames: int = 3) -> pd.DataFrame:
        """The side-by-side table: one row per article x target (see :func:`newslab.compare`)."""
        from newslab.comparison import compare_tables
        from newslab.targets import as_targets

        chosen = self.targets if targets is None else as_targets(targets)
        return compare_tables(self, chosen, top_frames=top_frames)

    def summary(self, *, keyness: Any = None, min_difference: float = 0.1, n_words: int = 5) -> list[str]:
        """Plain-English differences between the articles (see :func:`newslab.compare_summary`)."""
        from newslab.comparison import compare_summary

        return compare_summary(self.compare(), keyness=keyness, min_difference=min_difference, n_words=n_words)

    def evidence(self, article_id: str, target: str | Target, column: str) -> pd.DataFrame:
        """The rows behind one cell of :meth:`compare` (article x target x column).

        Args:
            article_id: The article.
            target: The target (name or Target).
            column: A column of the comparison table.

        Returns:
            The rows of the table the cell was computed from: mentions for the mention counts
            and labels, sentence tone for ``tone_sentences``, target tone for ``tone_target``
            and the negative/neutral/positive counts (only that label's rows), stance rows,
            frame cues, or quotes.

        Raises:
            ParameterError: For an unknown article, target or column.
        """
        from newslab.comparison import evidence_rows

        name = target.name if isinstance(target, Target) else str(target)
        if article_id not in set(self.articles["article_id"]):
            raise ParameterError(f"no article {article_id!r} in this analysis")
        known = [t.name for t in self.targets]
        if name not in known:
            raise ParameterError(f"no target {name!r} in this analysis; targets: {known}")
        return evidence_rows(self, article_id, next(t for t in self.targets if t.name == name), column)

    # ------------------------------------------------------------------ storage
    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write every table as Parquet (``folder/tables/<name>/part-*.parquet``) plus ``manifest.json``.

        The manifest holds newslab's format marker and version, the parameters, a hash of each
        article's input and the list of files written. The write is transactional: every table
        is read into memory first (so saving into the analysis's own folder works), the files go
        to a staging folder next to ``folder``, and the staging folder replaces ``folder`` only
        when complete. A folder that exists must be empty or an earlier newslab analysis whose
        manifest lists every file in it; anything else is refused, and nothing newslab did not
        write is deleted.

        Returns:
            The folder written (``~`` expanded).

        Raises:
            StorageError: ``folder`` holds files newslab did not write, or cannot be written.

        Example:
            >>> import tempfile, newslab as nl
            >>> a = nl.analyze(nl.load_seed_corpus(), tables=["mentions"])
            >>> folder = a.save(Path(tempfile.mkdtemp()) / "run")
            >>> len(nl.Analysis.load(folder).mentions) == len(a.mentions)
            True
        """
        from newslab.output_folder import abort_output, begin_output, commit_output, write_manifest, write_part
        from newslab.storage import read_manifest

        path = Path(folder).expanduser()
        tables = {name: self.table(name) for name in TABLES}  # materialized before anything is replaced
        staging = begin_output(path)
        try:
            for name in TABLES:
                write_part(staging, name, 0, tables[name])
            write_manifest(staging, self.params)
            commit_output(staging, path)
        except BaseException:
            abort_output(staging)
            raise
        if self._folder is not None and _same_folder(self._folder, path):
            self._manifest = read_manifest(path)  # this handle now describes the new files (all in memory)
        return path

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> Analysis:
        """Read an analysis written by :meth:`save` or ``analyze(..., output_dir=...)`` (tables on demand).

        The manifest's schema and format version are checked here; each table is checked
        against the manifest (parts, sizes, rows, columns, bounds) when it is first read.

        Raises:
            ParameterError: ``folder`` holds no saved analysis.
            StorageError: The manifest is malformed or from a newer newslab, or (on reading a
                table) a part is missing, foreign or damaged.

        Example:
            >>> import tempfile, newslab as nl
            >>> folder = nl.analyze(nl.load_seed_corpus(), tables=["mentions"]).save(Path(tempfile.mkdtemp()) / "r")
            >>> nl.Analysis.load(folder).articles["article_id"].tolist()
            ['es-daily', 'de-dpa']
        """
        from newslab.storage import read_manifest

        path = Path(folder).expanduser()
        manifest = read_manifest(path)
        analysis = cls(params=manifest.get("params", {}), folder=path)
        analysis._manifest = manifest
        return analysis

    # ------------------------------------------------------------------ inference
    def estimates(
        self,
        by: str | list[str] | None = "source",
        *,
        pair_by: str | None = None,
        targets: Any = None,
        measures: Any = None,
        period: str | None = None,
        ci: float = 0.95,
        n_boot: int = 2000,
        seed: Any = 0,
    ) -> pd.DataFrame:
        """Group x target x measure estimates with bootstrap CIs (see :func:`newslab.estimates.group_estimates`).

        Example:
            >>> import newslab as nl
            >>> est = nl.analyze(nl.load_seed_corpus()).estimates("source", measures="share_negative", n_boot=200)
            >>> est.columns[:4].tolist()
            ['source', 'group', 'target', 'measure']
        """
        from newslab.estimates import group_estimates

        return group_estimates(self, by=by, pair_by=pair_by, targets=targets, measures=measures, period=period,
                               ci=ci, n_boot=n_boot, seed=seed)  # fmt: skip

    def contrasts(
        self,
        by: str | list[str] | None = "source",
        *,
        reference: str | None = None,
        pair_by: str | None = None,
        targets: Any = None,
        measures: Any = None,
        period: str | None = None,
        ci: float = 0.95,
        n_boot: int = 2000,
        seed: Any = 0,
    ) -> pd.DataFrame:
        """Differences between groups with CI, p and BH q (see :func:`newslab.estimates.group_contrasts`).

        Example:
            >>> import newslab as nl
            >>> c = nl.analyze(nl.load_seed_corpus()).contrasts("source", measures="share_negative", n_boot=200)
            >>> c[["difference", "ci_low", "ci_high", "p", "q"]].shape
            (2, 5)
        """
        from newslab.estimates import group_contrasts

        return group_contrasts(self, by=by, reference=reference, pair_by=pair_by, targets=targets, measures=measures,
                               period=period, ci=ci, n_boot=n_boot, seed=seed)  # fmt: skip


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def _metadata(value: Any) -> dict[str, Any]:
    import json

    if not isinstance(value, str) or not value:
        return {}
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _cell(value: Any) -> str | None:
    """A metadata value as text for a column (lists joined with "; "; missing: None)."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return metadata_json(value)
    return str(value)


def with_metadata_columns(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles table with one text column per metadata field (existing columns are kept as they are).

    Example:
        >>> import pandas as pd
        >>> table = pd.DataFrame({"article_id": ["a", "b"], "metadata": ['{"event": "e1"}', "{}"]})
        >>> with_metadata_columns(table)["event"].fillna("(none)").tolist()
        ['e1', '(none)']
    """
    if "metadata" not in articles.columns:
        articles = articles.assign(metadata="{}")
    parsed = [_metadata(v) for v in articles["metadata"]]
    keys = [k for k in dict.fromkeys(k for meta in parsed for k in meta) if k not in articles.columns]
    if not keys:
        return articles
    import pandas as pd

    extra = pd.DataFrame({k: [_cell(meta.get(k)) for meta in parsed] for k in keys}, index=articles.index)
    return pd.concat([articles, extra], axis=1)


def group_column(articles: pd.DataFrame, by: str) -> pd.Series:
    """The column of the articles table to group by, or a clear error when it is missing or empty.

    Raises:
        ParameterError: ``by`` is not a column, or no article has a value in it; the
            message lists the columns that have values.

    Example:
        >>> import pandas as pd
        >>> group_column(pd.DataFrame({"article_id": ["a"], "source": ["X"]}), "source").tolist()
        ['X']
    """
    filled = [
        str(c)
        for c in articles.columns
        if c not in ("metadata", "input_hash")
        and (articles[c].notna() & articles[c].astype(str).str.strip().ne("")).any()
    ]
    if by not in articles.columns or by not in filled:
        state = "is not a field of these articles" if by not in articles.columns else "is empty for every article"
        raise ParameterError(f"group by {by!r}: it {state}; fields with values: {filled}")
    return articles[by]


def _rebuilt(row: Mapping[str, Any], sentences: pd.DataFrame, where: str = "this analysis") -> Article:
    """An article from its row of the articles table and its sentences (whitespace between them restored)."""
    from newslab.document import Article
    from newslab.storage import check_article_bounds

    chars = [" "] * check_article_bounds(row, sentences, where)
    starts, ends, texts = sentences["start"].tolist(), sentences["end"].tolist(), sentences["text"].tolist()
    for start, text in zip(starts, texts, strict=True):
        chars[start : start + len(text)] = text
    for end, start in zip(sorted(ends)[:-1], sorted(starts)[1:], strict=True):
        if start - end >= 2:
            chars[end:start] = "\n" * (start - end)
    meta = {k: v for k, v in _metadata(row.get("metadata")).items() if k != "path"}
    if str(row["date"] or ""):
        meta["date"] = str(row["date"])
    return Article(str(row["article_id"]), str(row["title"]), "".join(chars), str(row["source"]), meta)


__all__ = [
    "COLUMNS",
    "LIST_COLUMNS",
    "TABLES",
    "TARGET_TONE_COLUMNS",
    "Analysis",
    "group_column",
    "metadata_json",
    "with_metadata_columns",
]
