"""The side-by-side comparison: one row per article x target, aggregated from an analysis' tables.

:func:`compare` counts and averages what the analysis pass found (mentions, labels, tone,
target tone, stance, frames, quotes) into numbers and lists; nothing is packed into strings.
:func:`format_compare` turns the table into text for display, :func:`compare_summary` reads the
structured columns into plain-English statements, and :func:`evidence_rows` returns the rows
behind any cell.

Example:
    >>> import newslab as nl
    >>> table = nl.compare(nl.load_seed_corpus())
    >>> table.loc[0, "labels"]["the tycoon"], int(table.loc[0, "target_negative"])
    (1, 10)
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from newslab.errors import ParameterError
from newslab.labeling import normalize_label
from newslab.names import speaks_as
from newslab.targets import Target, as_targets

if TYPE_CHECKING:
    import pandas as pd

    from newslab.result import Analysis

#: Columns of :func:`compare`.
COMPARE_COLUMNS = [
    "article_id", "target", "mentions", "names", "descriptions", "pronouns", "sentences", "sentence_share",
    "n_labels", "labels", "tone_sentences", "tone_target", "target_negative", "target_neutral", "target_positive",
    "stance_rows", "stance_favor", "stance_against", "stance", "top_frame", "frames", "quoted", "target_quoted",
    "quotes_by_target", "quotes_on_target",
]  # fmt: skip
#: Characters of a quote shown by :func:`format_compare`.
QUOTE_CHARS = 90
#: Columns of :func:`compare` and the table behind each (for :func:`evidence_rows`).
EVIDENCE_TABLE = {
    "mentions": "mentions", "names": "mentions", "descriptions": "mentions", "pronouns": "mentions",
    "sentences": "mentions", "sentence_share": "mentions", "n_labels": "mentions", "labels": "mentions",
    "tone_sentences": "tone", "tone_target": "target_tone", "target_negative": "target_tone",
    "target_neutral": "target_tone", "target_positive": "target_tone", "stance_rows": "stance",
    "stance_favor": "stance", "stance_against": "stance", "stance": "stance", "top_frame": "frames",
    "frames": "frames", "quoted": "quotes", "target_quoted": "quotes", "quotes_by_target": "quotes",
    "quotes_on_target": "quotes",
}  # fmt: skip


def compare(
    corpus: Any, targets: Target | Iterable[Target] | None = None, *, top_frames: int = 3, progress: bool | None = None
) -> pd.DataFrame:
    """The side-by-side table: one row per article x target, every cell aggregated from one analysis.

    Columns (counts are integers; tones are means in [-1, 1], NaN when nothing applies):

    * ``mentions``, ``names``, ``descriptions``, ``pronouns``: mentions of the target by kind;
    * ``sentences``, ``sentence_share``: sentences mentioning it, and their share of the article;
    * ``n_labels``, ``labels``: distinct names and descriptions used, ``{label: count}``, most used first;
    * ``tone_sentences``: mean ``compound`` tone of the sentences mentioning the target;
    * ``tone_target``: mean target-directed score over the mentions; ``target_negative``,
      ``target_neutral``, ``target_positive``: mentions by the target model's own label;
    * ``stance_rows``, ``stance_favor``, ``stance_against``: stance rows with the target as
      holder or target (favor/against count those aimed at it); ``stance``: a list of
      ``{"holder", "target", "stance", "n", "mean_score", "cues"}``, most frequent first;
    * ``top_frame``, ``frames``: frames by cue weight in the sentences mentioning the target,
      a list of ``{"frame", "weight", "cues"}``;
    * ``quoted``: who is quoted in the article, ``{speaker: count}``; ``target_quoted`` and
      ``quotes_by_target``: quotes whose speaker is the target (a list of quote texts);
      ``quotes_on_target``: quotes containing a mention of it, a list of ``{"speaker",
      "quote", "pronouns", "antecedents"}`` (he/his inside a quote resolved by the in-quote rule).

    Args:
        corpus: A Corpus, articles or a path (analyzed with :func:`newslab.analyze`), or an
            :class:`newslab.Analysis` (aggregated as it is).
        targets: Target objects; default ``(TRUMP, NATO)`` (or the analysis' targets).
        top_frames: How many frames to list in ``frames``.
        progress: Progress bar of the analysis (``None``: from 200 articles on).

    Returns:
        DataFrame with ``COMPARE_COLUMNS``, articles in corpus order, targets in the order given.
        Show it with :func:`format_compare`; :meth:`newslab.Analysis.evidence` gives the rows
        behind a cell.

    Example:
        >>> import newslab as nl
        >>> table = nl.compare(nl.load_seed_corpus())
        >>> table[["article_id", "target", "n_labels"]].values.tolist()
        [['es-daily', 'Trump', 10], ['es-daily', 'NATO', 6], ['de-dpa', 'Trump', 4], ['de-dpa', 'NATO', 3]]
    """
    from newslab.result import Analysis

    if isinstance(corpus, Analysis):
        return corpus.compare(targets, top_frames=top_frames)
    from newslab.analysis import analyze

    return analyze(corpus, targets, progress=progress).compare(top_frames=top_frames)


def _groups(table: pd.DataFrame, keys: Sequence[str]) -> dict[Any, pd.DataFrame]:
    """Split a table into sub-tables by ``keys`` once (filtering per row would be quadratic)."""
    if not len(table):
        return {}
    key: Any = keys[0] if len(keys) == 1 else list(keys)
    return {k: sub for k, sub in table.groupby(key, sort=False)}


def _records(table: pd.DataFrame, columns: Sequence[str], key: Sequence[str]) -> dict[Any, list[tuple[Any, ...]]]:
    """Rows of ``table`` as plain tuples of ``columns``, bucketed by ``key`` (one pass, no pandas per row)."""
    if not len(table):
        return {}
    values = [table[c].tolist() if c in table else [None] * len(table) for c in columns]
    keys = [table[k].tolist() for k in key]
    out: dict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for i, row in enumerate(zip(*values, strict=True)):
        out[keys[0][i] if len(keys) == 1 else tuple(k[i] for k in keys)].append(row)
    return out


def compare_tables(analysis: Analysis, targets: Sequence[Target], *, top_frames: int = 3) -> pd.DataFrame:
    """:func:`compare` from the tables of an analysis (pure aggregation, linear in the table sizes)."""
    import pandas as pd

    if isinstance(top_frames, bool) or not isinstance(top_frames, int) or top_frames < 1:
        raise ParameterError(f"top_frames={top_frames!r}; valid: a positive whole number")
    targets = as_targets(targets)
    articles = analysis.articles
    mention_cols = ("sentence_id", "kind", "mention", "start", "end", "rule", "antecedent")
    mentions = _records(analysis.mentions, mention_cols, ("article_id", "target"))
    tones = _records(analysis.target_tone, ("score", "label"), ("article_id", "target"))
    tone = analysis.tone
    compound = {
        (a, int(i)): float(c)
        for a, i, c in zip(
            tone["article_id"].tolist(), tone["sentence_id"].tolist(), tone["compound"].tolist(), strict=True
        )
    }
    stance = _records(analysis.stance, ("holder", "target", "stance", "score", "cues"), ("article_id",))
    frames = _records(analysis.frames, ("sentence_id", "frame", "weight", "matched"), ("article_id",))
    quotes = _records(analysis.quotes, ("speaker_resolved", "speaker", "quote", "start", "end"), ("article_id",))
    rows = []
    for article_id, n_sentences in zip(articles["article_id"].tolist(), articles["sentences"].tolist(), strict=True):
        quoted = _quoted(quotes.get(article_id, []))
        for target in targets:
            m = mentions.get((article_id, target.name), [])
            sentence_ids = {int(r[0]) for r in m}
            kinds = Counter(r[1] for r in m)
            labels = Counter(normalize_label(r[2], r[1]) for r in m if r[1] != "pronoun")
            sentence_tones = [compound[(article_id, i)] for i in sorted(sentence_ids) if (article_id, i) in compound]
            t = tones.get((article_id, target.name), [])
            by_label = Counter(label for _, label in t)
            row: dict[str, Any] = {
                "article_id": article_id,
                "target": target.name,
                "mentions": len(m),
                "names": kinds["name"],
                "descriptions": kinds["description"],
                "pronouns": kinds["pronoun"],
                "sentences": len(sentence_ids),
                "sentence_share": len(sentence_ids) / n_sentences if n_sentences else 0.0,
                "n_labels": len(labels),
                "labels": dict(sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))),
                "tone_sentences": _mean(sentence_tones),
                "tone_target": _mean([float(score) for score, _ in t]),
                "target_negative": by_label["negative"],
                "target_neutral": by_label["neutral"],
                "target_positive": by_label["positive"],
            }
            row.update(_stance_cells(stance.get(article_id, []), target))
            row.update(_frame_cells(frames.get(article_id, []), sentence_ids, top_frames))
            row.update(_quote_cells(quotes.get(article_id, []), target, m, quoted))
            rows.append(row)
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def _involves(stance: pd.DataFrame, target: Target) -> pd.DataFrame:
    """Stance rows with the target as target or as holder."""
    keep = [
        t == target.name or speaks_as(str(h), target) for h, t in zip(stance["holder"], stance["target"], strict=True)
    ]
    return stance[keep]


def _stance_cells(stance: list[tuple[Any, ...]], target: Target) -> dict[str, Any]:
    """Stance rows (holder, target, stance, score, cues) of one article, grouped for the target."""
    sub = [r for r in stance if r[1] == target.name or speaks_as(str(r[0]), target)]
    if not sub:
        return {"stance_rows": 0, "stance_favor": 0, "stance_against": 0, "stance": []}
    groups: dict[tuple[str, str, str], list[tuple[Any, ...]]] = defaultdict(list)
    for r in sub:
        groups[(r[0], r[1], r[2])].append(r)
    entries: list[dict[str, Any]] = []
    for (holder, aimed, label), members in groups.items():
        cues = list(dict.fromkeys(c for r in members for c in _cue_list(r[4]) if "=" not in c))
        mean = sum(float(r[3]) for r in members) / len(members)
        entries.append({"holder": holder, "target": aimed, "stance": label, "n": len(members), "mean_score": mean,
                        "cues": cues})  # fmt: skip
    entries.sort(key=lambda e: -int(e["n"]))  # stable: ties stay in text order
    return {
        "stance_rows": len(sub),
        "stance_favor": sum(r[1] == target.name and r[2] == "favor" for r in sub),
        "stance_against": sum(r[1] == target.name and r[2] == "against" for r in sub),
        "stance": entries,
    }


def _cue_list(cell: Any) -> list[str]:
    if isinstance(cell, str):
        return [cell]
    return [str(c) for c in cell] if cell is not None else []


def _frame_cells(frames: list[tuple[Any, ...]], sentence_ids: set[int], top: int) -> dict[str, Any]:
    weights: dict[str, float] = {}
    cues: dict[str, dict[str, None]] = {}
    for sentence_id, frame, weight, matched in frames:
        if int(sentence_id) in sentence_ids:
            weights[frame] = weights.get(frame, 0.0) + float(weight)
            cues.setdefault(frame, {})[str(matched).lower()] = None
    if not weights:
        return {"top_frame": "", "frames": []}
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])  # ties: first seen
    listed = [{"frame": f, "weight": w, "cues": list(cues[f])} for f, w in ranked[:top]]
    return {"top_frame": ranked[0][0], "frames": listed}


def _speaker(resolved: Any, written: Any) -> str:
    return str(resolved or written) if (resolved or written) else "(unattributed)"


def _speakers(quotes: pd.DataFrame) -> list[str]:
    return [_speaker(r, s) for r, s in zip(quotes["speaker_resolved"], quotes["speaker"], strict=True)]


def _quoted(quotes: list[tuple[Any, ...]]) -> dict[str, int]:
    counts = Counter(_speaker(q[0], q[1]) for q in quotes)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _quote_cells(
    quotes: list[tuple[Any, ...]], target: Target, mentions: list[tuple[Any, ...]], quoted: dict[str, int]
) -> dict[str, Any]:
    """Quote cells from quote records (resolved, written, quote, start, end) and mention records."""
    on_target = []
    by_target = []
    ordered = sorted(mentions, key=lambda m: m[3])
    starts = [m[3] for m in ordered]
    for resolved, written, text, q_start, q_end in quotes:
        speaker = _speaker(resolved, written)
        inside = []  # mentions within the quote: from the first starting at q_start, while they start inside
        i = bisect.bisect_left(starts, q_start)
        while i < len(ordered) and ordered[i][3] < q_end:
            if ordered[i][4] <= q_end:
                inside.append(ordered[i])
            i += 1
        if inside:
            hits = [m for m in inside if m[5] == "pronoun:in-quote"]
            on_target.append({
                "speaker": speaker, "quote": str(text), "start": int(q_start), "end": int(q_end),
                "pronouns": list(dict.fromkeys(str(m[2]).lower() for m in hits)),
                "antecedents": list(dict.fromkeys(str(m[6]) for m in hits)),
            })  # fmt: skip
        if speaks_as(speaker, target):
            by_target.append(str(text))
    return {"quoted": dict(quoted), "target_quoted": len(by_target), "quotes_by_target": by_target,
            "quotes_on_target": on_target}  # fmt: skip


# --------------------------------------------------------------------------- evidence


def evidence_rows(analysis: Analysis, article_id: str, target: Target, column: str) -> pd.DataFrame:
    """The rows behind one cell of :func:`compare` (see :meth:`newslab.Analysis.evidence`)."""
    if column not in EVIDENCE_TABLE:
        raise ParameterError(f"column={column!r} has no evidence rows; valid: {sorted(EVIDENCE_TABLE)}")
    table = analysis.table(EVIDENCE_TABLE[column])
    rows = table[table["article_id"] == article_id]
    mentions = analysis.mentions
    mentions = mentions[(mentions["article_id"] == article_id) & (mentions["target"] == target.name)]
    if column in ("names", "descriptions", "pronouns"):
        rows = rows[(rows["target"] == target.name) & (rows["kind"] == column.rstrip("s"))]
    elif column == "labels" or column == "n_labels":
        rows = rows[(rows["target"] == target.name) & (rows["kind"] != "pronoun")]
    elif EVIDENCE_TABLE[column] == "mentions":
        rows = rows[rows["target"] == target.name]
    elif column == "tone_sentences":
        rows = rows[rows["sentence_id"].isin(set(mentions["sentence_id"]))]
    elif EVIDENCE_TABLE[column] == "target_tone":
        rows = rows[rows["target"] == target.name]
        if column != "tone_target":
            rows = rows[rows["label"] == column.split("_", 1)[1]]
        rows = _with_sentence(rows, analysis)
    elif EVIDENCE_TABLE[column] == "stance":
        rows = _involves(rows, target)
        if column in ("stance_favor", "stance_against"):
            rows = rows[(rows["target"] == target.name) & (rows["stance"] == column.split("_", 1)[1])]
    elif EVIDENCE_TABLE[column] == "frames":
        rows = rows[rows["sentence_id"].isin(set(mentions["sentence_id"]))]
    elif column in ("target_quoted", "quotes_by_target"):
        rows = rows[[speaks_as(s, target) for s in _speakers(rows)]]
    elif column == "quotes_on_target":
        spans = list(zip(mentions["start"], mentions["end"], strict=True))
        keep = [any(qs <= s and e <= qe for s, e in spans) for qs, qe in zip(rows["start"], rows["end"], strict=True)]
        rows = rows[keep]
    return rows.reset_index(drop=True)


def _with_sentence(rows: pd.DataFrame, analysis: Analysis) -> pd.DataFrame:
    """Target tone rows with the text of their sentence (for reading the evidence)."""
    sentences = analysis.sentences
    if not len(rows) or not len(sentences):
        return rows
    text = sentences.set_index(["article_id", "sentence_id"])["text"]
    keys = list(zip(rows["article_id"], rows["sentence_id"], strict=True))
    return rows.assign(sentence=[text.get(k, "") for k in keys])


# --------------------------------------------------------------------------- display


def _short(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _counted(counts: Any) -> str:
    return "; ".join(f"{item}×{n}" for item, n in dict(counts or {}).items())


def format_compare(table: pd.DataFrame) -> pd.DataFrame:
    """The comparison table as text for display (two decimals, lists joined); the data stays in ``table``.

    Example:
        >>> import newslab as nl
        >>> shown = format_compare(nl.compare(nl.load_seed_corpus()))
        >>> shown.loc[2, "labels"]
        'Trump×8; Donald Trump×1; US President-elect Donald Trump×1; the republican×1'
    """
    shown = table.copy()
    for column in ("sentence_share", "tone_sentences", "tone_target"):
        if column in shown:
            shown[column] = [("" if v != v else f"{v:+.2f}" if column != "sentence_share" else f"{v:.0%}")
                             for v in shown[column]]  # fmt: skip
    for column in ("labels", "quoted"):
        if column in shown:
            shown[column] = [_counted(c) for c in shown[column]]
    if "top_frame" in shown:
        shown["top_frame"] = [_frame_name(f) for f in shown["top_frame"]]
    if "stance" in shown:
        shown["stance"] = [" | ".join(_stance_text(e) for e in cell) for cell in shown["stance"]]
    if "frames" in shown:
        shown["frames"] = [
            "; ".join(f"{_frame_name(e['frame'])} {e['weight']:g} ({', '.join(e['cues'][:4])})" for e in cell)
            for cell in shown["frames"]
        ]
    if "quotes_by_target" in shown:
        shown["quotes_by_target"] = [" | ".join(f"“{_short(q)}”" for q in cell) for cell in shown["quotes_by_target"]]
    if "quotes_on_target" in shown:
        shown["quotes_on_target"] = [" | ".join(_quote_text(e) for e in cell) for cell in shown["quotes_on_target"]]
    return shown


def _stance_text(entry: dict[str, Any]) -> str:
    cues = f"; {', '.join(entry['cues'][:4])}" if entry["cues"] else ""
    return f"{entry['holder']} → {entry['target']}: {entry['stance']} ×{entry['n']} ({entry['mean_score']:+.2f}{cues})"


def _quote_text(entry: dict[str, Any], *, speaker: bool = True) -> str:
    text = f"“{_short(entry['quote'])}”"
    if speaker:
        text = f"{entry['speaker']}: {text}"
    if entry["pronouns"]:
        text += f" ({', '.join(entry['pronouns'])} → {' / '.join(entry['antecedents'])})"
    return text


# --------------------------------------------------------------------------- summary


def _frame_name(frame: str) -> str:
    """A frame id for people: ``"economic_consequences"`` -> ``"economic consequences"``."""
    return str(frame).replace("_", " ")


def _fmt(value: float) -> str:
    return f"{value:+.2f}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def compare_summary(
    table: pd.DataFrame, *, keyness: Any = None, min_difference: float = 0.1, n_words: int = 5
) -> list[str]:
    """The main differences in a :func:`compare` table, as short plain-English statements.

    Every statement is computed from the table's structured columns (and from a
    :func:`newslab.keyness` table if given); nothing is hand-written. For each target it reports,
    when the articles differ: how many labels each uses (and the labels only one uses), how
    prominent the target is, the tone of the sentences mentioning it and the target-directed
    tone (differences of at least ``min_difference``), stance present in one article only, the
    leading frame around the target; then who is quoted; then the words most typical of each side.
    Linear in the number of articles: statements about one article against the rest use
    counts over all articles, not pairs.

    Args:
        table: Output of :func:`compare` (two or more articles).
        keyness: Optional output of :func:`newslab.keyness` to add the typical words.
        min_difference: Smallest difference in share or tone worth a statement.
        n_words: Typical words listed per side.

    Returns:
        A list of sentences.

    Example:
        >>> import newslab as nl
        >>> compare_summary(nl.compare(nl.load_seed_corpus()))[0][:60]
        'es-daily uses 10 different labels for Trump, de-dpa 4; only '
    """
    missing = [c for c in ("article_id", "target", "n_labels", "labels") if c not in getattr(table, "columns", ())]
    if missing:
        raise ParameterError(f"compare_summary() needs a compare() table; missing columns {missing}")
    if isinstance(min_difference, bool) or not isinstance(min_difference, (int, float)) or min_difference < 0:
        raise ParameterError(f"min_difference={min_difference!r}; valid: a number >= 0")
    if isinstance(n_words, bool) or not isinstance(n_words, int) or n_words < 0:
        raise ParameterError(f"n_words={n_words!r}; valid: a whole number >= 0")
    return [text for text, _, _ in _findings(table, keyness, min_difference, n_words)]


def summary_findings(
    table: pd.DataFrame, *, keyness: Any = None, min_difference: float = 0.1, n_words: int = 5
) -> pd.DataFrame:
    """:func:`compare_summary` as a table: each finding with the target and the comparison column behind it.

    The ``column`` names the cell whose evidence rows back the statement
    (:meth:`newslab.Analysis.evidence`), or ``"keyness"`` for the typical words; reports link each
    finding to those rows.

    Example:
        >>> import newslab as nl
        >>> findings = summary_findings(nl.compare(nl.load_seed_corpus()))
        >>> findings.loc[0, ["target", "column"]].tolist()
        ['Trump', 'labels']
    """
    import pandas as pd

    compare_summary(table, min_difference=min_difference, n_words=n_words)  # the same checks
    rows = _findings(table, keyness, min_difference, n_words)
    return pd.DataFrame(rows, columns=["finding", "target", "column"])


def _findings(table: Any, keyness: Any, min_difference: float, n_words: int) -> list[tuple[str, str, str]]:
    """(statement, target, column) for every difference worth stating."""
    found: list[tuple[str, str, str]] = []
    by_target = _groups(table, ["target"])
    for target, rows in by_target.items():
        rows = rows.set_index("article_id")
        if len(rows) < 2:
            continue
        found += [(line, target, "labels") for line in _label_lines(rows, target)]
        found += [(line, target, "sentences") for line in _share_lines(rows, target, min_difference)]
        found += [(line, target, column) for line, column in _tone_lines(rows, target, min_difference)]
        found += [(line, target, "stance") for line in _stance_lines(rows, target)]
        found += [(line, target, "frames") for line in _frame_lines(rows, target)]
    found += _quoted_lines(table, by_target)
    if keyness is not None and len(keyness):
        found += [(line, "", "keyness") for line in _keyness_lines(keyness, n_words)]
    return found


#: Keyness findings name only words with a two-sided p-value below this.
KEYNESS_ALPHA = 0.05


def _keyness_lines(keyness: Any, n_words: int) -> list[str]:
    from newslab.comparison import top_keywords

    column = "q_value" if "q_value" in keyness else "p_value"  # BH-corrected over all words when available
    passing = keyness[keyness[column] < KEYNESS_ALPHA] if column in keyness else keyness
    test = "q" if column == "q_value" else "p"
    if not len(passing):
        return [f"No word is significantly more typical of either side (keyness, {test} < {KEYNESS_ALPHA:g})."]
    top = top_keywords(passing, n=n_words)
    lines = []
    for side in dict.fromkeys(top["favours"]):
        words = ", ".join(top[top["favours"] == side]["term"])
        lines.append(f"Words most typical of {side} (keyness, {test} < {KEYNESS_ALPHA:g}): {words}.")
    return lines


def _only_in(sets: dict[str, set[Any]]) -> dict[str, set[Any]]:
    """For each article, the items no other article has (linear: counts over all articles)."""
    counts: Counter[Any] = Counter(item for items in sets.values() for item in items)
    return {a: {i for i in items if counts[i] == 1} for a, items in sets.items()}


def _label_lines(rows: Any, target: str) -> list[str]:
    ordered = rows.sort_values("n_labels", ascending=False, kind="stable")
    most, least = ordered.index[0], ordered.index[-1]
    if ordered.loc[most, "n_labels"] == ordered.loc[least, "n_labels"]:
        return []
    labels = {a: set(dict(ordered.loc[a, "labels"] or {})) for a in ordered.index}
    unique = sorted(_only_in(labels)[most])
    extra = f" (+{len(unique) - 5} more)" if len(unique) > 5 else ""
    only = f"; only {most}: {', '.join(unique[:5])}{extra}" if unique else ""
    others = list(ordered.index[1:])
    counts = ", ".join(f"{i} {ordered.loc[i, 'n_labels']}" for i in others[:5])
    if len(others) > 5:
        counts += f" and {len(others) - 5} more articles"
    return [f"{most} uses {ordered.loc[most, 'n_labels']} different labels for {target}, {counts}{only}."]


def _share_lines(rows: Any, target: str, min_difference: float) -> list[str]:
    hi, lo = rows["sentence_share"].idxmax(), rows["sentence_share"].idxmin()
    if rows.loc[hi, "sentence_share"] - rows.loc[lo, "sentence_share"] < min_difference:
        return []
    return [
        f"{target} is mentioned in {rows.loc[hi, 'sentence_share']:.0%} of {hi}'s sentences "
        f"and {rows.loc[lo, 'sentence_share']:.0%} of {lo}'s."
    ]


def _tone_lines(rows: Any, target: str, min_difference: float) -> list[tuple[str, str]]:
    lines = []
    for column, what in (
        ("tone_sentences", f"Sentences mentioning {target} are"),
        ("tone_target", f"Sentiment aimed at {target} is"),
    ):
        values = rows[column].dropna()
        if len(values) < 2:
            continue
        hi, lo = values.idxmax(), values.idxmin()
        if values[hi] - values[lo] < min_difference:
            continue
        line = f"{what} more positive in {hi} (mean {_fmt(values[hi])}) than in {lo} ({_fmt(values[lo])})."
        lines.append((line, column))
    return lines


def _stance_lines(rows: Any, target: str) -> list[str]:
    entries = {a: {(e["holder"], e["target"], e["stance"]): e for e in rows.loc[a, "stance"]} for a in rows.index}
    lines = []
    unique = _only_in({a: set(e) for a, e in entries.items()})
    for article_id, keys in entries.items():
        shown = [_stance_text(e) for k, e in keys.items() if k in unique[article_id] and k[0] != "author"]
        if shown:
            lines.append(f"Stance involving {target} found only in {article_id}: {' | '.join(shown[:4])}.")
    if len(entries) == 2:  # counts compared only for a pair; with more articles the table shows them
        (a, ea), (b, eb) = entries.items()
        for key in sorted(set(ea) & set(eb)):
            if key[0] == "author":
                continue
            (hi, ehi), (lo, elo) = sorted(((a, ea[key]), (b, eb[key])), key=lambda x: -x[1]["n"])
            if ehi["n"] >= 2 * elo["n"]:
                cues = f"; {', '.join(ehi['cues'][:4])}" if ehi["cues"] else ""
                lines.append(
                    f"{key[0]} → {key[1]}: {key[2]} is found {ehi['n']} times in {hi} ({ehi['mean_score']:+.2f}{cues}) "
                    f"and {elo['n']} in {lo}."
                )
    return lines


def _frame_lines(rows: Any, target: str) -> list[str]:
    tops = {a: rows.loc[a, "top_frame"] for a in rows.index if rows.loc[a, "top_frame"]}
    if not tops:
        return []
    parts = []
    for article_id in list(tops)[:6]:
        first = rows.loc[article_id, "frames"][0]
        parts.append(
            f"in {article_id} {_frame_name(first['frame'])} {first['weight']:g} ({', '.join(first['cues'][:4])})"
        )
    verb = "differs" if len(set(tops.values())) > 1 else "is the same"
    more = f" (and {len(tops) - 6} more articles)" if len(tops) > 6 else ""
    lines = [f"The leading frame around {target} {verb}: {'; '.join(parts)}{more}."]
    listed = {a: {e["frame"]: e for e in rows.loc[a, "frames"]} for a in rows.index}
    unique = _only_in({a: set(f) for a, f in listed.items()})
    for article_id, frames in listed.items():
        for frame, e in frames.items():
            if frame in unique[article_id]:
                name = _frame_name(frame)
                lines.append(
                    f"Around {target}, only {article_id} has {name} among its top frames: "
                    f"{name} {e['weight']:g} ({', '.join(e['cues'][:4])})."
                )
    return lines


def _quoted_lines(table: Any, by_target: dict[Any, Any]) -> list[tuple[str, str, str]]:
    first = table.drop_duplicates("article_id")
    speakers = {a: set(dict(c or {})) for a, c in zip(first["article_id"], first["quoted"], strict=True)}
    counts = {a: dict(c or {}) for a, c in zip(first["article_id"], first["quoted"], strict=True)}
    lines = []
    for article_id, only in _only_in(speakers).items():
        listed = [f"{s} ({counts[article_id][s]})" for s in counts[article_id] if s in only]
        if listed:
            lines.append((f"Quoted only in {article_id}: {', '.join(listed)}.", "", "quoted"))
    for target, rows in by_target.items():
        rows = rows.set_index("article_id")
        if len(rows) >= 2 and rows["target_quoted"].max() > rows["target_quoted"].min():
            hi = rows["target_quoted"].idxmax()
            n = int(rows.loc[hi, "target_quoted"])
            shown = "; ".join(f"“{_short(q)}”" for q in rows.loc[hi, "quotes_by_target"][:5])
            elsewhere = ", ".join(f"{rows.loc[i, 'target_quoted']} in {i}" for i in list(rows.index)[:6] if i != hi)
            line = f"{hi} reports {_plural(n, 'statement')} by {target} ({elsewhere}): {shown}"
            lines.append((line, target, "quotes_by_target"))
        if len(rows) >= 2:
            lines.extend((line, target, "quotes_on_target") for line in _quoted_on_lines(rows, target))
    return lines


def _quoted_on_lines(rows: Any, target: str) -> list[str]:
    """Speakers quoted on the target in one article only (the target's own statements excluded)."""
    entries: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for article_id in rows.index:
        by_speaker: dict[str, list[dict[str, Any]]] = {}
        for e in rows.loc[article_id, "quotes_on_target"]:
            by_speaker.setdefault(e["speaker"], []).append(e)
        entries[article_id] = by_speaker
    unique = _only_in({a: set(s) for a, s in entries.items()})
    lines = []
    for article_id, speakers in entries.items():
        for speaker, quotes in speakers.items():
            if speaker not in unique[article_id] or target.lower() in speaker.lower().split():
                continue
            more = f" (+{len(quotes) - 2} more)" if len(quotes) > 2 else ""  # two: both halves of a split quote
            shown = "; ".join(_quote_text(e, speaker=False) for e in quotes[:2])
            lines.append(f"Only {article_id} quotes {speaker} on {target}: {shown}{more}")
    return lines


__all__ = [
    "COMPARE_COLUMNS",
    "compare",
    "compare_summary",
    "compare_tables",
    "evidence_rows",
    "format_compare",
    "summary_findings",
]
