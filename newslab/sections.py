"""Building blocks of the report: findings linked to their evidence, evidence tables, keyness plans, article views.

The report notebook (``notebooks/report.py``) calls these on one :class:`newslab.Analysis`, so
every number it shows comes from the same pass and every headline finding links (an HTML
anchor) to the rows behind it. Everything that comes from the input is escaped
(:mod:`newslab.render`); anchors are built from slugs, never from raw text.

Example:
    >>> anchor("Trump", "tone_target")
    'ev-trump-56249f72-tone'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from newslab.errors import ParameterError
from newslab.render import escape_markdown
from newslab.stages import MEASURES

if TYPE_CHECKING:
    import pandas as pd

    from newslab.corpus import Corpus
    from newslab.result import Analysis

#: Comparison columns -> the evidence section that shows their rows (each measure names its section).
SECTION = {**{m.column: m.section for m in MEASURES}, "keyness": "keyness"}
#: Characters of a sentence shown in an evidence table (the CSV keeps it whole).
SENTENCE_CHARS = 220


def slug(text: str) -> str:
    """Lowercase letters and digits joined by "-" (safe in an HTML id and a file name).

    Example:
        >>> slug("Ursula von der Leyen <b>"), slug("<>")
        ('ursula-von-der-leyen-b', 'x')
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "x"


def anchor(target: str, column: str) -> str:
    """The HTML id of the evidence section for a comparison column or section name ("" target: article-wide)."""
    section = SECTION.get(column, column if column in set(SECTION.values()) else "tone")
    from newslab.views import output_name  # unique per target: "NATO (alliance)" and "NATO [alliance]" differ

    return f"ev-{output_name(target)}-{section}" if target and section not in ("quotes", "keyness") else f"ev-{section}"


def anchor_tag(target: str, column: str) -> str:
    """An empty ``<a id=...>`` to put before an evidence section."""
    return f'<a id="{anchor(target, column)}"></a>'


def findings_markdown(findings: pd.DataFrame, *, per_kind: int = 8) -> str:
    """Headline findings as a Markdown list, each escaped and linked to its evidence section.

    At most ``per_kind`` statements of one kind (target and column) are listed; the rest are
    counted in one line (all of them stay in ``tables/findings.csv``), so that a report on
    thousands of articles keeps a readable headline list.
    """
    if not len(findings):
        return "No difference between the articles passed the thresholds."
    lines = []
    shown: dict[tuple[str, str], int] = {}
    for text, target, column in zip(findings["finding"], findings["target"], findings["column"], strict=True):
        key = (str(target), str(column))
        shown[key] = shown.get(key, 0) + 1
        if shown[key] <= per_kind:
            lines.append(f"- {escape_markdown(text)} ([evidence](#{anchor(str(target), str(column))}))")
    for (target, column), n in shown.items():
        if n > per_kind:
            what = f"{column.replace('_', ' ')}" + (f" for {target}" if target else "")
            line = f"… and {n - per_kind:,} more findings of this kind ({what}); all are in tables/findings.csv."
            lines.append(f"- {escape_markdown(line)} ([evidence](#{anchor(target, column)}))")
    return "\n".join(lines)


def _short(text: Any, limit: int = SENTENCE_CHARS) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def tone_evidence(analysis: Analysis, target: str, article_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Each mention of ``target`` with its sentence, the model's label and score, and the deciding features.

    Args:
        analysis: The analysis.
        target: The target's name.
        article_ids: Only these articles (default all).

    Returns:
        DataFrame with article, sentence (number), mention, kind, label, score, deciding features
        (strongest first) and the sentence text (cut at ``SENTENCE_CHARS``).
    """
    import pandas as pd

    rows = analysis.target_tone
    rows = rows[rows["target"] == target]
    if article_ids is not None:
        rows = rows[rows["article_id"].isin(list(article_ids))]
    text = analysis.sentences.set_index(["article_id", "sentence_id"])["text"] if len(analysis.sentences) else {}
    keys = list(zip(rows["article_id"], rows["sentence_id"], strict=True))
    return pd.DataFrame(
        {
            "article": rows["article_id"].tolist(),
            "sentence": rows["sentence_id"].tolist(),
            "mention": rows["mention"].tolist(),
            "kind": rows["kind"].tolist(),
            "label": rows["label"].tolist(),
            "score": rows["score"].tolist(),
            "deciding features": ["; ".join(list(e)[:3]) for e in rows["evidence"]],
            "text": [_short(text.get(k, "")) for k in keys] if len(keys) else [],
        }
    )


def tone_counts(table: pd.DataFrame, target: str) -> pd.DataFrame:
    """Per article: mentions of ``target`` by the target model's label, and the mean score."""
    rows = table[table["target"] == target]
    return rows[["article_id", "mentions", "target_negative", "target_neutral", "target_positive", "tone_target"]]


class KeynessSide(NamedTuple):
    """One comparison of the keyness section: side ``a`` against side ``b``."""

    label_a: str
    ids_a: list[str]
    label_b: str
    ids_b: list[str]


def article_groups(corpus: Corpus, group_by: str) -> dict[str, str]:
    """Article id -> its value of ``group_by`` (source, title, date or a metadata key; "(none)" if missing)."""
    out = {}
    for art in corpus:
        value = art.source if group_by == "source" else art.title if group_by == "title" else art.metadata.get(group_by)
        out[art.id] = str(value) if value not in (None, "") else "(none)"
    if out and set(out.values()) == {"(none)"}:  # a mistyped or empty field: say so, never one "(none)" group
        fields = {"source", "title"} | {k for art in corpus for k, v in art.metadata.items() if v not in (None, "")}
        raise ParameterError(
            f"group_by={group_by!r}: no article has a value for it; fields with values: {sorted(fields)}"
        )
    return out


def keyness_plan(corpus: Corpus, group_by: str = "", *, max_sides: int = 12) -> tuple[list[KeynessSide], str]:
    """Which keyness comparisons a report makes, and a sentence saying why.

    Two articles: one against the other. More articles, grouped by the metadata column
    ``group_by`` (``source``, ``date`` or any metadata key): each group against the rest (the
    ``max_sides`` largest groups). More articles without ``group_by``: each article against the
    rest, up to ``max_sides`` articles; past that, none (a keyness chart per article would not be
    read), with the advice to give ``group_by``.

    Example:
        >>> import newslab as nl
        >>> sides, why = keyness_plan(nl.load_seed_corpus())
        >>> [(s.label_a, s.label_b) for s in sides]
        [('es-daily', 'de-dpa')]
    """
    ids = corpus.ids
    if len(ids) < 2:
        return [], "Keyness needs at least two articles."
    if group_by:
        groups: dict[str, list[str]] = {}
        for article_id, value in article_groups(corpus, group_by).items():
            groups.setdefault(value, []).append(article_id)
        if len(groups) < 2:
            return [], f"All articles have the same {group_by!r}; no groups to compare."
        ranked = sorted(groups.items(), key=lambda kv: -len(kv[1]))[:max_sides]
        sides = [
            KeynessSide(f"{group_by} {name}", members, "the rest", [i for i in ids if i not in set(members)])
            for name, members in ranked
        ]
        if len(groups) == 2:
            sides = sides[:1]
        return sides, f"Each {group_by} group against all other articles (the {len(sides)} largest groups)."
    if len(ids) == 2:
        return [KeynessSide(ids[0], [ids[0]], ids[1], [ids[1]])], "The two articles against each other."
    if len(ids) > max_sides:
        return [], (
            f"{len(ids):,} articles: no keyness per article (it would not be read); "
            "give group_by (e.g. source) to compare outlets."
        )
    return [KeynessSide(i, [i], "the rest", [j for j in ids if j != i]) for i in ids], "Each article against the rest."


#: Columns of the articles table kept out of the report page (they stay in ``tables/articles.csv``):
#: the raw metadata JSON (each field is its own column), the input hash and the local input path.
HIDDEN_ARTICLE_COLUMNS = ("metadata", "input_hash", "path")


def articles_view(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles table for reading: one column per metadata field, without ``HIDDEN_ARTICLE_COLUMNS``.

    Metadata columns with no value in any article are left out too.

    Example:
        >>> import newslab as nl
        >>> view = articles_view(nl.analyze(nl.load_seed_corpus()).articles)
        >>> "metadata" in view, "input_hash" in view, "file" in view
        (False, False, True)
    """
    shown = articles.drop(columns=[c for c in HIDDEN_ARTICLE_COLUMNS if c in articles.columns])
    empty = [c for c in shown.columns if shown[c].isna().all() or shown[c].astype(str).str.strip().eq("").all()]
    return shown.drop(columns=empty)


def write_views(analysis: Analysis, corpus: Corpus, folder: Path) -> list[Path]:
    """Each article's annotated view as a standalone HTML page in ``folder`` (:func:`newslab.views.output_name`).

    The analysis' tables are split by article once (:func:`newslab.views.split_rows`) and its
    targets built once, so this is linear in the corpus size; the pages are the same bytes as
    :func:`newslab.views.article_html` gives from the whole tables.
    """
    from newslab.render import escape_html
    from newslab.views import article_html, output_name, split_rows

    names = {"mentions": "mentions", "quotes": "quotes", "sentiment": "tone", "stance": "stance",
             "target_tone": "target_tone"}  # fmt: skip
    split = {name: split_rows(analysis.table(table)) for name, table in names.items()}
    targets = analysis.targets  # built once: rebuilding them for each article took a third of the time
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for art in corpus:
        rows = {name: by_id.get(art.id, none) for name, (by_id, none) in split.items()}
        body = article_html(art, targets=targets, mentions=rows["mentions"], quotes=rows["quotes"],
                            sentiment=rows["sentiment"], stance=rows["stance"],
                            target_tone=rows["target_tone"])  # fmt: skip
        page = folder / output_name(art.id, ".html")  # unique and portable whatever the id
        page.write_text(
            f'<!doctype html><html><head><meta charset="utf-8"><title>{escape_html(art.id)}</title></head>'
            f"<body>{body}</body></html>",
            encoding="utf-8",
        )
        written.append(page)
    return written


def write_view_index(corpus: Corpus, pages: Sequence[Path], folder: Path, *, name: str = "index.html") -> Path:
    """A static page listing every article view written (id linked to its page, title, source, date).

    Every value is escaped and links are the pages' own file names, so the list opens from the
    folder as it is, without a server or script.

    Args:
        corpus: The articles, in the order of ``pages``.
        pages: The pages of :func:`write_views`, one per article.
        folder: Where to write (the folder of the pages).
        name: File name of the list; ``_`` is put in front when an article page has that name
            (:func:`newslab.views.output_name` never starts a name with ``_``).

    Returns:
        The path written (link to its name).

    Raises:
        ParameterError: When ``pages`` and ``corpus`` differ in length.

    Example:
        >>> import tempfile, newslab as nl
        >>> folder = Path(tempfile.mkdtemp())
        >>> corpus = nl.load_seed_corpus()
        >>> pages = [folder / f"{i}.html" for i in corpus.ids]
        >>> text = write_view_index(corpus, pages, folder).read_text(encoding="utf-8")
        >>> text.count("<tr><td><a href="), "2 article pages" in text
        (2, True)
    """
    from newslab.render import escape_html

    articles = list(corpus)
    if len(articles) != len(pages):
        raise ParameterError(
            f"write_view_index(): {len(pages)} pages for {len(articles)} articles; pass the pages write_views returned"
        )
    rows = "".join(
        f'<tr><td><a href="{escape_html(page.name)}">{escape_html(art.id)}</a></td><td>{escape_html(art.title)}</td>'
        f"<td>{escape_html(art.source)}</td><td>{escape_html(art.metadata.get('date') or '')}</td></tr>"
        for art, page in zip(articles, pages, strict=True)
    )
    text = (
        '<!doctype html><html><head><meta charset="utf-8"><title>Article views</title></head><body>'
        f"<h1>Article views</h1><p>{len(pages):,} article page{'s' if len(pages) != 1 else ''}, one per article "
        "of the report, each annotated with target mentions, quotes, tone and stance cues.</p>"
        f"<table><tr><th>article</th><th>title</th><th>source</th><th>date</th></tr>{rows}</table></body></html>"
    )
    if name in {page.name for page in pages}:  # an article with the id "index": file names never start with "_"
        name = f"_{name}"
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def views_note(n_articles: int, shown: int, *, index: str = "views/index.html") -> str:
    """Markdown under "The articles, annotated": how many are shown and a link to the list of all pages.

    Example:
        >>> print(views_note(2000, 12))
        Showing 12 of 2,000 articles here; each article has a page, listed in [views/index.html](views/index.html).
        >>> print(views_note(2, 12))
        All 2 articles are shown here; each also has its own page, listed in [views/index.html](views/index.html).
    """
    link = f"[{index}]({index})"
    if n_articles > shown:
        return f"Showing {shown:,} of {n_articles:,} articles here; each article has a page, listed in {link}."
    return f"All {n_articles:,} articles are shown here; each also has its own page, listed in {link}."


#: Columns of the comparison shown when it has too many rows to turn on its side (the key measures).
KEY_COLUMNS = ["article_id", "target", *(m.column for m in MEASURES if m.key)]


def comparison_view(table: pd.DataFrame, *, max_pairs: int = 8) -> pd.DataFrame:
    """The comparison table for reading: one column per article x target when there are few, else key columns.

    Example:
        >>> import newslab as nl
        >>> view = comparison_view(nl.compare(nl.load_seed_corpus()))
        >>> list(view.columns)[:2], view.index[0]
        (['es-daily · Trump', 'es-daily · NATO'], 'mentions')
    """
    from newslab.comparison import format_compare
    from newslab.plots import readable

    shown = format_compare(table)
    if len(shown) > max_pairs:
        return shown[KEY_COLUMNS]
    columns = [f"{a} · {t}" for a, t in zip(shown["article_id"], shown["target"], strict=True)]
    sideways = shown.drop(columns=["article_id", "target"]).T
    sideways.columns = columns
    sideways.index = [readable(c).lower() for c in sideways.index]
    return sideways


def frame_table_of(analysis: Analysis) -> pd.DataFrame:
    """The analysis' frame rows with what :func:`newslab.frame_profile` needs (words and sentences per article)."""
    from newslab.frames import with_frame_attrs

    return with_frame_attrs(analysis.frames, analysis.articles)


def concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Frames stacked (an empty list gives an empty frame)."""
    import pandas as pd

    return pd.concat(list(frames), ignore_index=True) if frames else pd.DataFrame()


def search_table(targets: Sequence[Any]) -> pd.DataFrame:
    """Per target and kind of mention, what was searched (or why nothing was): :meth:`newslab.Target.search_notes`."""
    import pandas as pd

    rows = [(t.name, kind, note) for t in targets for kind, note in t.search_notes().items()]
    return pd.DataFrame(rows, columns=["target", "kind of mention", "searched"])


__all__ = [
    "HIDDEN_ARTICLE_COLUMNS",
    "SECTION",
    "KeynessSide",
    "anchor",
    "anchor_tag",
    "article_groups",
    "articles_view",
    "comparison_view",
    "concat",
    "findings_markdown",
    "frame_table_of",
    "keyness_plan",
    "search_table",
    "slug",
    "tone_counts",
    "tone_evidence",
    "views_note",
    "write_view_index",
    "write_views",
]
