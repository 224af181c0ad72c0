"""The side-by-side comparison: one row per article x target, aggregated from an analysis' tables.

Every column is a :class:`newslab.measure.Measure` declared by the stage whose table it reads
(:mod:`newslab.stages`, :mod:`newslab.builtin_measures`): :func:`compare_tables` computes the
cells of each stage's measure set, :func:`evidence_rows` returns the rows behind any cell with the
measure's own filter, and :func:`format_compare` shows each value with the measure's own
display. Nothing is packed into strings; :func:`compare_summary` reads the structured columns
into plain-English statements. :func:`newslab.compare` (in :mod:`newslab.tables`) runs the pass
and then this.

Example:
    >>> import newslab as nl
    >>> table = nl.analyze(nl.load_seed_corpus()).compare()
    >>> table.loc[0, "labels"]["the tycoon"], int(table.loc[0, "target_negative"])
    (1, 10)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newslab._renamed import moved_names
from newslab.builtin_measures import frame_name, quote_text, short, stance_text
from newslab.errors import ParameterError
from newslab.measure import Cell, EvidenceContext, MentionRef, Tables, bucket
from newslab.stages import MEASURE_SETS, MEASURES
from newslab.targets import Target, as_targets

if TYPE_CHECKING:
    import pandas as pd

#: Columns of :func:`newslab.compare`: the article and target, then every measure in stage order.
COMPARE_COLUMNS = ["article_id", "target", *(m.column for m in MEASURES)]
#: Measure of each compare column.
MEASURE_OF = {m.column: m for m in MEASURES}
#: Columns of :func:`newslab.compare` and the table behind each (for :func:`evidence_rows`).
EVIDENCE_TABLE = {m.column: m.table for m in MEASURES}


def _groups(table: pd.DataFrame, keys: Sequence[str]) -> dict[Any, pd.DataFrame]:
    """Split a table into sub-tables by ``keys`` once (filtering per row would be quadratic)."""
    if not len(table):
        return {}
    key: Any = keys[0] if len(keys) == 1 else list(keys)
    return {k: sub for k, sub in table.groupby(key, sort=False)}


def compare_tables(analysis: Tables, targets: Sequence[Target], *, top_frames: int = 3) -> pd.DataFrame:
    """:func:`newslab.compare` from the tables of an analysis (pure aggregation, linear in the table sizes).

    Each stage's measure set buckets its table once; then every article x target gets a
    :class:`newslab.measure.Cell` (its mentions and the sentences they are in) and each measure
    set fills its columns from it.
    """
    import pandas as pd

    if isinstance(top_frames, bool) or not isinstance(top_frames, int) or top_frames < 1:
        raise ParameterError(f"top_frames={top_frames!r}; valid: a positive whole number")
    targets = as_targets(targets)
    articles = analysis.table("articles")
    mentions = bucket(analysis.table("mentions"), MentionRef._fields, ("article_id", "target"), MentionRef._make)
    settings = {"top_frames": top_frames}
    prepared = [(ms, ms.prepare(analysis, settings)) for ms in MEASURE_SETS]
    rows = []
    for article_id, n_sentences in zip(articles["article_id"].tolist(), articles["sentences"].tolist(), strict=True):
        for target in targets:
            m = mentions.get((article_id, target.name), [])
            cell = Cell(article_id, target, n_sentences, m, {int(r.sentence_id) for r in m})
            row: dict[str, Any] = {"article_id": article_id, "target": target.name}
            for measure_set, state in prepared:
                row.update(measure_set.cells(state, cell))
            rows.append(row)
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)


# --------------------------------------------------------------------------- evidence


def evidence_rows(analysis: Tables, article_id: str, target: Target, column: str) -> pd.DataFrame:
    """The rows behind one cell of :func:`newslab.compare` (see :meth:`newslab.Analysis.evidence`)."""
    measure = MEASURE_OF.get(column)
    if measure is None:
        raise ParameterError(f"column={column!r} has no evidence rows; valid: {sorted(EVIDENCE_TABLE)}")
    table = analysis.table(measure.table)
    rows = table[table["article_id"] == article_id]
    mentions = analysis.table("mentions")
    mentions = mentions[(mentions["article_id"] == article_id) & (mentions["target"] == target.name)]
    context = EvidenceContext(analysis, article_id, target, column, mentions)
    return measure.evidence(rows, context).reset_index(drop=True)


# --------------------------------------------------------------------------- display


def format_compare(table: pd.DataFrame) -> pd.DataFrame:
    """The comparison table as text for display (each measure's own display); the data stays in ``table``.

    Example:
        >>> import newslab as nl
        >>> shown = format_compare(nl.compare(nl.load_seed_corpus()))
        >>> shown.loc[2, "labels"]
        'Trump×8; Donald Trump×1; US President-elect Donald Trump×1; the republican×1'
    """
    shown = table.copy()
    for measure in MEASURES:
        if measure.show is not None and measure.column in shown:
            shown[measure.column] = [measure.show(v) for v in shown[measure.column]]
    return shown


def _fmt(value: float) -> str:
    return f"{value:+.2f}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --------------------------------------------------------------------------- summary


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
        stated = {line for line, _, column in found if column == "stance"}  # a row holder -> target is in both
        found += [(line, target, "stance") for line in _stance_lines(rows, target) if line not in stated]
        found += [(line, target, "frames") for line in _frame_lines(rows, target)]
    found += _quoted_lines(table, by_target)
    if keyness is not None and len(keyness):
        found += [(line, "", "keyness") for line in _keyness_lines(keyness, n_words)]
    return found


#: Keyness findings name only words with a two-sided p-value below this.
KEYNESS_ALPHA = 0.05


def _keyness_lines(keyness: Any, n_words: int) -> list[str]:
    from newslab.keywords import top_keywords

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
        shown = [stance_text(e) for k, e in keys.items() if k in unique[article_id] and k[0] != "author"]
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
            f"in {article_id} {frame_name(first['frame'])} {first['weight']:g} ({', '.join(first['cues'][:4])})"
        )
    verb = "differs" if len(set(tops.values())) > 1 else "is the same"
    more = f" (and {len(tops) - 6} more articles)" if len(tops) > 6 else ""
    lines = [f"The leading frame around {target} {verb}: {'; '.join(parts)}{more}."]
    listed = {a: {e["frame"]: e for e in rows.loc[a, "frames"]} for a in rows.index}
    unique = _only_in({a: set(f) for a, f in listed.items()})
    for article_id, frames in listed.items():
        for frame, e in frames.items():
            if frame in unique[article_id]:
                name = frame_name(frame)
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
            shown = "; ".join(f"“{short(q)}”" for q in rows.loc[hi, "quotes_by_target"][:5])
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
            shown = "; ".join(quote_text(e, speaker=False) for e in quotes[:2])
            lines.append(f"Only {article_id} quotes {speaker} on {target}: {shown}{more}")
    return lines


__all__ = [
    "COMPARE_COLUMNS",
    "EVIDENCE_TABLE",
    "compare_summary",
    "compare_tables",
    "evidence_rows",
    "format_compare",
    "summary_findings",
]

# Until newslab 0.2.0, the keyness names that this module's old namesake held (now newslab.keywords).
__getattr__ = moved_names(
    __name__,
    "newslab.keywords",
    frozenset({"KEYNESS_COLUMNS", "METHODS", "TermCounts", "keyness", "term_counts", "top_keywords"}),
)
