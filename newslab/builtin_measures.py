"""The compare measures of the built-in tables: their cells, evidence filters and display.

Each table of the pass that feeds the comparison declares a :class:`newslab.measure.MeasureSet`
here; the stage declarations (:mod:`newslab.stages`) attach them to their stages. The cell
functions are linear in the table sizes: each table is bucketed once per comparison.

Example:
    >>> [m.column for m in MENTION_MEASURES.measures][:4]
    ['mentions', 'names', 'descriptions', 'pronouns']
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from newslab.measure import (
    Cell,
    EvidenceContext,
    Measure,
    MeasureSet,
    Tables,
    all_rows,
    bucket,
    mean,
    mentioning_sentences,
)
from newslab.names import speaks_as

if TYPE_CHECKING:
    import pandas as pd

    from newslab.targets import Target

#: Characters of a quote shown by :func:`newslab.format_compare`.
QUOTE_CHARS = 90

# --------------------------------------------------------------------------- display helpers


def short(text: str) -> str:
    """A quote cut at ``QUOTE_CHARS`` characters."""
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def counted(counts: Any) -> str:
    """``{item: n}`` as ``"item×n; ..."``."""
    return "; ".join(f"{item}×{n}" for item, n in dict(counts or {}).items())


def frame_name(frame: str) -> str:
    """A frame id for people: ``"economic_consequences"`` -> ``"economic consequences"``."""
    return str(frame).replace("_", " ")


def stance_text(entry: dict[str, Any]) -> str:
    """One entry of the ``stance`` cell as text."""
    cues = f"; {', '.join(entry['cues'][:4])}" if entry["cues"] else ""
    return f"{entry['holder']} → {entry['target']}: {entry['stance']} ×{entry['n']} ({entry['mean_score']:+.2f}{cues})"


def quote_text(entry: dict[str, Any], *, speaker: bool = True) -> str:
    """One entry of the ``quotes_on_target`` cell as text."""
    text = f"“{short(entry['quote'])}”"
    if speaker:
        text = f"{entry['speaker']}: {text}"
    if entry["pronouns"]:
        text += f" ({', '.join(entry['pronouns'])} → {' / '.join(entry['antecedents'])})"
    return text


def _signed(value: float) -> str:
    return "" if value != value else f"{value:+.2f}"


def _share(value: float) -> str:
    return "" if value != value else f"{value:.0%}"


# --------------------------------------------------------------------------- mentions


def normalize_label(mention: str, kind: str) -> str:
    """The label a mention stands for: possessive dropped, descriptions lowercased.

    Example:
        >>> normalize_label("The Republican’s", "description")
        'the republican'
    """
    label = re.sub(r"[’']s?$", "", mention.strip())
    label = re.sub(r"\s+", " ", label)
    return label.lower() if kind != "name" else label


def _prepare_none(tables: Tables, settings: Mapping[str, Any]) -> None:
    return None


def _mention_cells(prepared: Any, cell: Cell) -> dict[str, Any]:
    m = cell.mentions
    kinds = Counter(r.kind for r in m)
    labels = Counter(normalize_label(r.mention, r.kind) for r in m if r.kind != "pronoun")
    return {
        "mentions": len(m),
        "names": kinds["name"],
        "descriptions": kinds["description"],
        "pronouns": kinds["pronoun"],
        "sentences": len(cell.sentence_ids),
        "sentence_share": len(cell.sentence_ids) / cell.n_sentences if cell.n_sentences else 0.0,
        "n_labels": len(labels),
        "labels": dict(sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def _of_kind(rows: pd.DataFrame, context: EvidenceContext) -> pd.DataFrame:
    return rows[(rows["target"] == context.target.name) & (rows["kind"] == context.column.rstrip("s"))]


def _labelled(rows: pd.DataFrame, context: EvidenceContext) -> pd.DataFrame:
    return rows[(rows["target"] == context.target.name) & (rows["kind"] != "pronoun")]


MENTION_MEASURES = MeasureSet(
    "mentions",
    _prepare_none,
    _mention_cells,
    (
        Measure("mentions", "mentions", "labels", key=True, help="mentions of the target"),
        Measure("names", "mentions", "labels", _of_kind, help="mentions by name"),
        Measure("descriptions", "mentions", "labels", _of_kind, help="mentions by description"),
        Measure("pronouns", "mentions", "labels", _of_kind, help="mentions by pronoun"),
        Measure("sentences", "mentions", "labels", help="sentences mentioning the target"),
        Measure("sentence_share", "mentions", "labels", show=_share, help="their share of the article"),
        Measure("n_labels", "mentions", "labels", _labelled, key=True, help="distinct names and descriptions"),
        Measure("labels", "mentions", "labels", _labelled, show=counted, help="{label: count}, most used first"),
    ),
)

# --------------------------------------------------------------------------- sentence tone


def _prepare_tone(tables: Tables, settings: Mapping[str, Any]) -> dict[tuple[str, int], float]:
    tone = tables.table("tone")
    ids, sids, values = tone["article_id"].tolist(), tone["sentence_id"].tolist(), tone["compound"].tolist()
    return {(a, int(i)): float(c) for a, i, c in zip(ids, sids, values, strict=True)}


def _tone_cells(compound: dict[tuple[str, int], float], cell: Cell) -> dict[str, Any]:
    a = cell.article_id
    return {"tone_sentences": mean([compound[(a, i)] for i in sorted(cell.sentence_ids) if (a, i) in compound])}


TONE_MEASURES = MeasureSet(
    "tone",
    _prepare_tone,
    _tone_cells,
    (
        Measure("tone_sentences", "tone", "tone", mentioning_sentences, show=_signed, key=True,
                help="mean compound tone of the sentences mentioning the target"),
    ),
)  # fmt: skip

# --------------------------------------------------------------------------- target tone


def _prepare_target_tone(tables: Tables, settings: Mapping[str, Any]) -> dict[Any, list[tuple[Any, ...]]]:
    return bucket(tables.table("target_tone"), ("score", "label"), ("article_id", "target"))


def _target_tone_cells(tones: dict[Any, list[tuple[Any, ...]]], cell: Cell) -> dict[str, Any]:
    t = tones.get((cell.article_id, cell.target.name), [])
    by_label = Counter(label for _, label in t)
    return {
        "tone_target": mean([float(score) for score, _ in t]),
        "target_negative": by_label["negative"],
        "target_neutral": by_label["neutral"],
        "target_positive": by_label["positive"],
    }


def _with_sentence(rows: pd.DataFrame, tables: Tables) -> pd.DataFrame:
    """Target tone rows with the text of their sentence (for reading the evidence)."""
    sentences = tables.table("sentences")
    if not len(rows) or not len(sentences):
        return rows
    text = sentences.set_index(["article_id", "sentence_id"])["text"]
    keys = list(zip(rows["article_id"], rows["sentence_id"], strict=True))
    return rows.assign(sentence=[text.get(k, "") for k in keys])


def _toward(rows: pd.DataFrame, context: EvidenceContext) -> pd.DataFrame:
    rows = rows[rows["target"] == context.target.name]
    if context.column != "tone_target":
        rows = rows[rows["label"] == context.column.split("_", 1)[1]]
    return _with_sentence(rows, context.tables)


TARGET_TONE_MEASURES = MeasureSet(
    "target_tone",
    _prepare_target_tone,
    _target_tone_cells,
    (
        Measure("tone_target", "target_tone", "tone", _toward, show=_signed, key=True,
                help="mean target-directed score over the mentions"),
        Measure("target_negative", "target_tone", "tone", _toward, key=True, help="mentions labelled negative"),
        Measure("target_neutral", "target_tone", "tone", _toward, help="mentions labelled neutral"),
        Measure("target_positive", "target_tone", "tone", _toward, key=True, help="mentions labelled positive"),
    ),
)  # fmt: skip

# --------------------------------------------------------------------------- stance


class StanceRef(NamedTuple):
    """The fields of a stance row that the stance measures read."""

    holder: str
    target: str
    stance: str
    score: float
    cues: Any


def _prepare_stance(tables: Tables, settings: Mapping[str, Any]) -> dict[Any, list[StanceRef]]:
    return bucket(tables.table("stance"), StanceRef._fields, ("article_id",), StanceRef._make)


def _cue_list(cell: Any) -> list[str]:
    if isinstance(cell, str):
        return [cell]
    return [str(c) for c in cell] if cell is not None else []


def _stance_cells(stance: dict[Any, list[StanceRef]], cell: Cell) -> dict[str, Any]:
    """Stance rows (holder, target, stance, score, cues) of one article, grouped for the target."""
    target = cell.target
    sub = [r for r in stance.get(cell.article_id, []) if r.target == target.name or speaks_as(str(r.holder), target)]
    if not sub:
        return {"stance_rows": 0, "stance_favor": 0, "stance_against": 0, "stance": []}
    groups: dict[tuple[str, str, str], list[StanceRef]] = defaultdict(list)
    for r in sub:
        groups[(r.holder, r.target, r.stance)].append(r)
    entries: list[dict[str, Any]] = []
    for (holder, aimed, label), members in groups.items():
        cues = list(dict.fromkeys(c for r in members for c in _cue_list(r.cues) if "=" not in c))
        average = sum(float(r.score) for r in members) / len(members)
        entries.append({"holder": holder, "target": aimed, "stance": label, "n": len(members), "mean_score": average,
                        "cues": cues})  # fmt: skip
    entries.sort(key=lambda e: -int(e["n"]))  # stable: ties stay in text order
    return {
        "stance_rows": len(sub),
        "stance_favor": sum(r.target == target.name and r.stance == "favor" for r in sub),
        "stance_against": sum(r.target == target.name and r.stance == "against" for r in sub),
        "stance": entries,
    }


def involves(stance: pd.DataFrame, target: Target) -> pd.DataFrame:
    """Stance rows with the target as target or as holder."""
    keep = [
        t == target.name or speaks_as(str(h), target) for h, t in zip(stance["holder"], stance["target"], strict=True)
    ]
    return stance[keep]


def _involving(rows: pd.DataFrame, context: EvidenceContext) -> pd.DataFrame:
    rows = involves(rows, context.target)
    if context.column in ("stance_favor", "stance_against"):
        rows = rows[(rows["target"] == context.target.name) & (rows["stance"] == context.column.split("_", 1)[1])]
    return rows


def _stance_shown(cell: Any) -> str:
    return " | ".join(stance_text(e) for e in cell)


STANCE_MEASURES = MeasureSet(
    "stance",
    _prepare_stance,
    _stance_cells,
    (
        Measure("stance_rows", "stance", "stance", _involving, help="stance rows with the target as holder or target"),
        Measure("stance_favor", "stance", "stance", _involving, key=True, help="favor rows aimed at the target"),
        Measure("stance_against", "stance", "stance", _involving, key=True, help="against rows aimed at the target"),
        Measure("stance", "stance", "stance", _involving, show=_stance_shown,
                help="holder -> target entries with counts, mean score and cues"),
    ),
)  # fmt: skip

# --------------------------------------------------------------------------- frames


def _prepare_frames(tables: Tables, settings: Mapping[str, Any]) -> tuple[dict[Any, list[tuple[Any, ...]]], int]:
    rows = bucket(tables.table("frames"), ("sentence_id", "frame", "weight", "matched"), ("article_id",))
    return rows, int(settings.get("top_frames", 3))


def _frame_cells(prepared: tuple[dict[Any, list[tuple[Any, ...]]], int], cell: Cell) -> dict[str, Any]:
    frames, top = prepared
    weights: dict[str, float] = {}
    cues: dict[str, dict[str, None]] = {}
    for sentence_id, frame, weight, matched in frames.get(cell.article_id, []):
        if int(sentence_id) in cell.sentence_ids:
            weights[frame] = weights.get(frame, 0.0) + float(weight)
            cues.setdefault(frame, {})[str(matched).lower()] = None
    if not weights:
        return {"top_frame": "", "frames": []}
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])  # ties: first seen
    listed = [{"frame": f, "weight": w, "cues": list(cues[f])} for f, w in ranked[:top]]
    return {"top_frame": ranked[0][0], "frames": listed}


def _frames_shown(cell: Any) -> str:
    return "; ".join(f"{frame_name(e['frame'])} {e['weight']:g} ({', '.join(e['cues'][:4])})" for e in cell)


FRAME_MEASURES = MeasureSet(
    "frames",
    _prepare_frames,
    _frame_cells,
    (
        Measure("top_frame", "frames", "frames", mentioning_sentences, show=frame_name, key=True,
                help="the frame with the most cue weight in the sentences mentioning the target"),
        Measure("frames", "frames", "frames", mentioning_sentences, show=_frames_shown,
                help="the leading frames with weight and cues"),
    ),
)  # fmt: skip

# --------------------------------------------------------------------------- quotes


def speaker(resolved: Any, written: Any) -> str:
    """The speaker of a quote: resolved name, else as written, else ``(unattributed)``."""
    return str(resolved or written) if (resolved or written) else "(unattributed)"


def speakers(quotes: pd.DataFrame) -> list[str]:
    """The speaker of each row of a quotes table."""
    return [speaker(r, s) for r, s in zip(quotes["speaker_resolved"], quotes["speaker"], strict=True)]


def _prepare_quotes(tables: Tables, settings: Mapping[str, Any]) -> tuple[dict[Any, Any], dict[str, Any]]:
    rows = bucket(tables.table("quotes"), ("speaker_resolved", "speaker", "quote", "start", "end"), ("article_id",))
    return rows, {}


def _quoted(quotes: list[tuple[Any, ...]]) -> dict[str, int]:
    counts = Counter(speaker(q[0], q[1]) for q in quotes)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _quote_cells(prepared: tuple[dict[Any, Any], dict[str, Any]], cell: Cell) -> dict[str, Any]:
    """Quote cells from quote records (resolved, written, quote, start, end) and mention records."""
    by_article, quoted_of = prepared
    quotes = by_article.get(cell.article_id, [])
    if cell.article_id not in quoted_of:
        quoted_of[cell.article_id] = _quoted(quotes)
    on_target = []
    by_target = []
    ordered = sorted(cell.mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for resolved, written, text, q_start, q_end in quotes:
        who = speaker(resolved, written)
        inside = []  # mentions within the quote: from the first starting at q_start, while they start inside
        i = bisect.bisect_left(starts, q_start)
        while i < len(ordered) and ordered[i].start < q_end:
            if ordered[i].end <= q_end:
                inside.append(ordered[i])
            i += 1
        if inside:
            hits = [m for m in inside if m.rule == "pronoun:in-quote"]
            on_target.append({
                "speaker": who, "quote": str(text), "start": int(q_start), "end": int(q_end),
                "pronouns": list(dict.fromkeys(str(m.mention).lower() for m in hits)),
                "antecedents": list(dict.fromkeys(str(m.antecedent) for m in hits)),
            })  # fmt: skip
        if speaks_as(who, cell.target):
            by_target.append(str(text))
    return {"quoted": dict(quoted_of[cell.article_id]), "target_quoted": len(by_target),
            "quotes_by_target": by_target, "quotes_on_target": on_target}  # fmt: skip


def _by_target(rows: pd.DataFrame, context: EvidenceContext) -> pd.DataFrame:
    return rows[[speaks_as(s, context.target) for s in speakers(rows)]]


def _on_target(rows: pd.DataFrame, context: EvidenceContext) -> pd.DataFrame:
    spans = list(zip(context.mentions["start"], context.mentions["end"], strict=True))
    keep = [any(qs <= s and e <= qe for s, e in spans) for qs, qe in zip(rows["start"], rows["end"], strict=True)]
    return rows[keep]


QUOTE_MEASURES = MeasureSet(
    "quotes",
    _prepare_quotes,
    _quote_cells,
    (
        Measure("quoted", "quotes", "quotes", all_rows, show=counted, help="who is quoted in the article"),
        Measure("target_quoted", "quotes", "quotes", _by_target, key=True, help="quotes whose speaker is the target"),
        Measure("quotes_by_target", "quotes", "quotes", _by_target,
                show=lambda cell: " | ".join(f"“{short(q)}”" for q in cell), help="their texts"),
        Measure("quotes_on_target", "quotes", "quotes", _on_target,
                show=lambda cell: " | ".join(quote_text(e) for e in cell),
                help="quotes containing a mention of the target, with in-quote pronouns"),
    ),
)  # fmt: skip


__all__ = [
    "FRAME_MEASURES",
    "MENTION_MEASURES",
    "QUOTE_CHARS",
    "QUOTE_MEASURES",
    "STANCE_MEASURES",
    "TARGET_TONE_MEASURES",
    "TONE_MEASURES",
    "counted",
    "frame_name",
    "involves",
    "normalize_label",
    "quote_text",
    "short",
    "speaker",
    "speakers",
    "stance_text",
]
