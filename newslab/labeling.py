"""Labels and keyword in context: what each article calls each target, and mentions against gold.

Example:
    >>> import newslab as nl
    >>> art = nl.Article("x", "", "The tycoon met NATO. Trump said the tycoon's NATO is fine.")
    >>> nl.labels(art, nl.TRUMP)["label"].tolist()
    ['the tycoon', 'Trump']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from newslab.builtin_measures import normalize_label
from newslab.corpus import Corpus, as_articles
from newslab.document import Article, Document, parse
from newslab.errors import ParameterError
from newslab.mention_record import MENTION_KINDS
from newslab.tables import find_mentions
from newslab.targets import Target, as_targets

if TYPE_CHECKING:
    import pandas as pd


def labels(
    corpus: Corpus | Article | Iterable[Article] | str,
    targets: Target | Iterable[Target] | None = None,
    *,
    kinds: Iterable[str] = ("name", "description"),
    wide: bool = False,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Which labels each article uses for each target, and how often.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        targets: Target objects; default ``(TRUMP, NATO)``.
        kinds: Mention kinds to count (any of "name", "description", "pronoun").
        wide: Return one row per target x kind x label with one count column per article
            (the side-by-side labeling table) instead of the long table.
        mentions: The mentions to count (e.g. ``analysis.mentions``); ``None`` finds them.

    Returns:
        Long: article_id, target, kind, label, count, first_sentence_id, mentions (surface forms).
        Wide: index (target, kind, label), one column per article id, counts (0 if unused).

    Example:
        >>> from newslab.targets import DEFAULT_TARGETS, TRUMP
        >>> art = Article("x", "", "The tycoon met NATO. Trump said the tycoon's NATO is fine.")
        >>> labels(art, TRUMP)[["label", "count"]].values.tolist()
        [['the tycoon', 2], ['Trump', 1]]
    """
    import pandas as pd

    kinds = tuple(kinds)
    bad = set(kinds) - set(MENTION_KINDS)
    if bad:
        raise ParameterError(f"kinds={sorted(bad)!r}; valid: {list(MENTION_KINDS)}")
    articles = as_articles(corpus)
    df = find_mentions(articles, targets, pronouns="pronoun" in kinds) if mentions is None else mentions
    if targets is not None and mentions is not None:
        df = df[df["target"].isin([t.name for t in as_targets(targets)])]
    df = df[df["kind"].isin(kinds)].copy()
    df["label"] = [normalize_label(m, k) for m, k in zip(df["mention"], df["kind"], strict=True)]
    columns = ["article_id", "target", "kind", "label", "count", "first_sentence_id", "mentions"]
    if df.empty:
        long = pd.DataFrame(columns=columns)
    else:
        grouped = df.groupby(["article_id", "target", "kind", "label"], sort=False)
        long = grouped.agg(
            count=("mention", "size"),
            first_sentence_id=("sentence_id", "min"),
            mentions=("mention", lambda s: sorted(set(s))),
        ).reset_index()
        order = {a.id: i for i, a in enumerate(articles)}
        long = long.sort_values(
            ["article_id", "target", "kind", "count", "label"],
            key=lambda c: c.map(order) if c.name == "article_id" else (-c if c.name == "count" else c),
        ).reset_index(drop=True)[columns]
    if not wide:
        return long
    table = long.pivot_table(index=["target", "kind", "label"], columns="article_id", values="count", fill_value=0)
    table = table.reindex(columns=[a.id for a in articles if a.id in table.columns])
    table.columns.name = None
    return table.astype(int)


def evaluate_mentions(predicted: pd.DataFrame, gold: pd.DataFrame, *, exact: bool = False) -> pd.DataFrame:
    """Precision and recall of mentions against hand-marked ones, per kind (name, description).

    A predicted mention matches a gold one with the same article_id, target and kind whose span
    overlaps it (``exact=True``: the same start and end); each gold mention matches once.

    Args:
        predicted: Output of :func:`find_mentions` (pronoun rows are ignored).
        gold: Table with article_id, target, kind, start, end.
        exact: Require identical spans.

    Returns:
        DataFrame indexed by kind (and "all") with tp, fp, fn, precision, recall, f1.

    Example:
        >>> import pandas as pd
        >>> gold = pd.DataFrame({"article_id": ["x"], "target": ["Trump"], "kind": ["name"], "start": [0], "end": [5]})
        >>> float(evaluate_mentions(find_mentions(Article("x", "", "Trump won.")), gold).loc["name", "recall"])
        1.0
    """
    import pandas as pd

    missing = {"article_id", "target", "kind", "start", "end"} - set(gold.columns)
    if missing:
        raise ParameterError(f"gold table lacks columns {sorted(missing)}")
    kinds = ["name", "description"]
    counts = {k: {"tp": 0, "fp": 0, "fn": 0} for k in kinds}
    for kind in kinds:
        pred = predicted[predicted["kind"] == kind]
        gold_k = gold[gold["kind"] == kind]
        used: set[int] = set()
        for row in pred.itertuples():
            match = gold_k[(gold_k["article_id"] == row.article_id) & (gold_k["target"] == row.target)]
            if exact:
                match = match[(match["start"] == row.start) & (match["end"] == row.end)]
            else:
                match = match[(match["start"] < row.end) & (row.start < match["end"])]
            free = [i for i in match.index if i not in used]
            if free:
                used.add(free[0])
                counts[kind]["tp"] += 1
            else:
                counts[kind]["fp"] += 1
        counts[kind]["fn"] = len(gold_k) - len(used)
    counts["all"] = {c: sum(counts[k][c] for k in kinds) for c in ("tp", "fp", "fn")}
    table = pd.DataFrame.from_dict(counts, orient="index")
    table["precision"] = (table["tp"] / (table["tp"] + table["fp"])).fillna(0.0)
    table["recall"] = (table["tp"] / (table["tp"] + table["fn"])).fillna(0.0)
    table["f1"] = (2 * table["precision"] * table["recall"] / (table["precision"] + table["recall"])).fillna(0.0)
    return table


class KwicFrame:
    """Marker namespace for the KWIC display helpers (see :func:`kwic`)."""

    @staticmethod
    def style(df: pd.DataFrame) -> Any:
        """A pandas Styler showing ``left`` right-aligned and ``match`` bold, for notebooks."""
        return (
            df.style.set_properties(subset=["left"], **{"text-align": "right"})
            .set_properties(subset=["match"], **{"text-align": "center", "font-weight": "bold"})
            .set_properties(subset=["right"], **{"text-align": "left"})
        )


def kwic(
    corpus: Corpus | Article | Iterable[Article] | str,
    query: str | Target,
    *,
    window: int = 40,
    ignore_case: bool = True,
    kinds: Iterable[str] = MENTION_KINDS,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word, phrase or target with its surroundings.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        query: A word or phrase (matched at word boundaries) or a Target (its mentions).
        window: Characters of context on each side (cut at word boundaries, within the paragraph).
        ignore_case: Case-insensitive matching of a string query.
        kinds: For a Target query, the mention kinds to show.
        mentions: For a Target, the mentions to show (e.g. ``analysis.mentions``); ``None`` finds them.

    Returns:
        DataFrame article_id, sentence_id, left, match, right, start, end. ``left`` is
        right-justified to a common width so the matches line up in the text display; in a
        notebook use ``kwic(...).pipe(KwicFrame.style)`` for an aligned HTML table.

    Example:
        >>> art = Article("x", "", "Allies are worried. NATO allies met in Brussels.")
        >>> kwic(art, "allies", window=12)[["left", "match", "right"]].values.tolist()
        [['      ', 'Allies', ' are'], [' NATO ', 'allies', ' met in']]
    """
    import pandas as pd

    if not isinstance(window, int) or window < 1:
        raise ParameterError(f"window={window!r}; valid: a positive number of characters")
    articles = as_articles(corpus)
    hits: list[tuple[Article, int, int]] = []
    if isinstance(query, Target):
        df = find_mentions(articles, query) if mentions is None else mentions[mentions["target"] == query.name]
        df = df[df["kind"].isin(tuple(kinds))]
        by_id = {a.id: a for a in articles}
        hits = [(by_id[a], s, e) for a, s, e in zip(df["article_id"], df["start"], df["end"], strict=True)]
    elif isinstance(query, str) and query.strip():
        rx = re.compile(rf"(?<!\w){re.escape(query.strip())}(?!\w)", re.IGNORECASE if ignore_case else 0)
        hits = [(a, m.start(), m.end()) for a in articles for m in rx.finditer(a.text)]
    else:
        raise ParameterError(f"query={query!r}; valid: a non-empty string or a Target")
    rows = []
    docs: dict[str, Document] = {}
    for art, s, e in hits:
        doc = docs.get(art.id) or docs.setdefault(art.id, parse(art))
        text = art.text
        lo = max(text.rfind("\n", 0, s) + 1, s - window)
        hi = min(len(text) if text.find("\n", e) < 0 else text.find("\n", e), e + window)
        left, right = text[lo:s], text[e:hi]
        if lo > text.rfind("\n", 0, s) + 1 and " " in left:
            left = left[left.index(" ") :]
        if hi < len(text) and " " in right:
            right = right[: right.rindex(" ")]
        rows.append((art.id, doc.sentence_of(s), left, text[s:e], right, s, e))
    df = pd.DataFrame(rows, columns=["article_id", "sentence_id", "left", "match", "right", "start", "end"])
    if not df.empty:
        width = int(df["left"].str.len().max())
        df["left"] = df["left"].str.rjust(width)
    return df


__all__ = ["KwicFrame", "evaluate_mentions", "kwic", "labels", "normalize_label"]
