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
from newslab.frames import TABLE_COLUMNS as FRAME_COLUMNS
from newslab.mentions import MENTION_COLUMNS
from newslab.quotes import QUOTE_COLUMNS
from newslab.sentiment import TONE_COLUMNS
from newslab.stance import STANCE_COLUMNS
from newslab.targets import Target

if TYPE_CHECKING:
    import pandas as pd

    from newslab.corpus import Corpus
    from newslab.document import Article

#: The tables of an :class:`Analysis`, in the order of the pass.
TABLES = ("articles", "sentences", "tone", "mentions", "target_tone", "quotes", "stance", "frames", "errors")
ARTICLE_COLUMNS = ["article_id", "title", "source", "date", "sentences", "words", "characters", "input_hash"]
SENTENCE_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "n_words"]
TARGET_TONE_COLUMNS = [
    "article_id", "sentence_id", "target", "mention", "kind", "start", "end", "label", "score",
    "p_negative", "p_neutral", "p_positive", "evidence",
]  # fmt: skip
ERROR_COLUMNS = ["article_id", "stage", "error", "message"]
#: Columns of each table.
COLUMNS: dict[str, list[str]] = {
    "articles": ARTICLE_COLUMNS,
    "sentences": SENTENCE_COLUMNS,
    "tone": TONE_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "target_tone": TARGET_TONE_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "stance": STANCE_COLUMNS,
    "frames": FRAME_COLUMNS,
    "errors": ERROR_COLUMNS,
}
#: Columns holding lists of strings (evidence, cue words).
LIST_COLUMNS = {"tone": ("evidence",), "target_tone": ("evidence",), "stance": ("cues",)}


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
        ('es-daily', 'Trump', 26, 10)
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
        self._folder = Path(folder) if folder is not None else None
        self.params: dict[str, Any] = dict(params or {})

    # ------------------------------------------------------------------ tables
    def table(self, name: str) -> pd.DataFrame:
        """One table by name (one of ``TABLES``)."""
        if name not in TABLES:
            raise ParameterError(f"no table {name!r}; valid: {list(TABLES)}")
        if name not in self._tables:
            if self._folder is not None:
                from newslab.storage import read_table

                self._tables[name] = read_table(self._folder, name)
            else:
                import pandas as pd

                self._tables[name] = pd.DataFrame([], columns=COLUMNS[name])
        return self._tables[name]

    @property
    def articles(self) -> pd.DataFrame:  # noqa: D102
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

    @property
    def targets(self) -> tuple[Target, ...]:
        """The targets of the run (from ``params``)."""
        from newslab.targets import DEFAULT_TARGETS, targets_from_spec

        specs = self.params.get("targets")
        if not specs:
            return DEFAULT_TARGETS
        return targets_from_spec(specs)

    def __repr__(self) -> str:
        counts = {name: len(self.table(name)) for name in ("articles", "sentences", "mentions", "quotes", "stance")}
        return (
            f"Analysis({counts['articles']} articles, {counts['sentences']} sentences, {counts['mentions']} mentions, "
            f"{counts['quotes']} quotes, {counts['stance']} stance rows, {len(self.errors)} errors)"
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
            {str(k): v for k, v in match.iloc[0].to_dict().items()}, sentences[sentences["article_id"] == article_id]
        )

    def corpus(self) -> Corpus:
        """All articles of the analysis, rebuilt from its sentences (see :meth:`article`; linear in size)."""
        from newslab.corpus import Corpus

        by_article = {str(k): sub for k, sub in self.sentences.groupby("article_id", sort=False)}
        empty = self.sentences.iloc[0:0]
        rows: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in self.articles.to_dict("records")]
        return Corpus(_rebuilt(row, by_article.get(str(row["article_id"]), empty)) for row in rows)

    # ------------------------------------------------------------------ views
    def compare(self, targets: Target | Iterable[Target] | None = None, *, top_frames: int = 3) -> pd.DataFrame:
        """The side-by-side table: one row per article x target (see :func:`newslab.compare`)."""
        from newslab.aggregate import compare_tables
        from newslab.targets import as_targets

        chosen = self.targets if targets is None else as_targets(targets)
        return compare_tables(self, chosen, top_frames=top_frames)

    def summary(self, *, keyness: Any = None, min_difference: float = 0.1, n_words: int = 5) -> list[str]:
        """Plain-English differences between the articles (see :func:`newslab.compare_summary`)."""
        from newslab.aggregate import compare_summary

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
        from newslab.aggregate import evidence_rows

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

        The manifest holds the newslab version, the parameters and a hash of each article's
        input. A folder that exists must be empty or an earlier saved analysis (which is
        replaced); anything else is refused, and nothing newslab did not write is deleted.
        """
        from newslab.storage import prepare_output, write_manifest, write_part

        path = Path(folder)
        prepare_output(path)
        for name in TABLES:
            write_part(path, name, 0, self.table(name))
        write_manifest(path, self.params)
        return path

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> Analysis:
        """Read an analysis written by :meth:`save` or ``analyze(..., output_dir=...)`` (tables on demand)."""
        from newslab.storage import read_manifest

        manifest = read_manifest(Path(folder))
        return cls(params=manifest.get("params", {}), folder=folder)

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


def _rebuilt(row: Mapping[str, Any], sentences: pd.DataFrame) -> Article:
    """An article from its row of the articles table and its sentences (whitespace between them restored)."""
    from newslab.document import Article

    chars = [" "] * int(row["characters"])
    starts, ends, texts = sentences["start"].tolist(), sentences["end"].tolist(), sentences["text"].tolist()
    for start, text in zip(starts, texts, strict=True):
        chars[start : start + len(text)] = text
    for end, start in zip(sorted(ends)[:-1], sorted(starts)[1:], strict=True):
        if start - end >= 2:
            chars[end:start] = "\n" * (start - end)
    meta = {"date": str(row["date"])} if str(row["date"] or "") else {}
    for key, value in row.items():  # the input's extra fields (event, outlet...) stored as columns
        if key not in ARTICLE_COLUMNS and value is not None and value == value and str(value) != "":
            meta[str(key)] = value
    return Article(str(row["article_id"]), str(row["title"]), "".join(chars), str(row["source"]), meta)


__all__ = ["COLUMNS", "LIST_COLUMNS", "TABLES", "Analysis"]
