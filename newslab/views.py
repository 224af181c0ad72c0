"""The annotated article view: an article's text with its mentions, quotes, tone and stance cues.

:func:`article_html` renders one article as a static HTML fragment; :func:`show_article`
wraps it for Jupyter. The fragment has no JavaScript, no external style, font or image,
only ``style`` attributes, and every id and class starts with ``nlv-``, so several views
can sit on one page (give each its own ``view_id`` when one article is shown twice).
Every character of the article, and of every label and tooltip, is escaped.

Layers (each is a newslab table; ``None`` computes it, ``False`` leaves it out):

- sentence tone: one row per sentence with a diverging bar in the left margin
  (:func:`newslab.sentiment_table`, column ``score``);
- target mentions: a background colour and underline style per target, the tooltip
  giving kind, rule and the tone toward the target, a superscript ``+``/``−`` for a
  positive/negative one (:func:`newslab.find_mentions`, ``target_tone`` table);
- quotes: a left bar, grey and italic for direct quotes, with the resolved speaker as a
  small label in front and the speaker's words double-underlined (:func:`newslab.find_quotes`);
- stance cues: the cue words of :func:`newslab.stance_table` with a wavy underline, the
  tooltip naming holder, target, stance and score.

Nested and overlapping spans are split at each other's boundaries, so the markup is
always well formed.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from newslab.errors import ParameterError
from newslab.feature_words import reasons
from newslab.file_names import css_name, output_name
from newslab.text_cleaning import display_label
from newslab.view_rows import ArticleRows, split_rows
from newslab.view_style import (
    FONT,
    NEGATIVE_COLOUR,
    NEUTRAL_COLOUR,
    POSITIVE_COLOUR,
    SMALL,
    STANCE_COLOURS,
    TARGET_STYLES,
    TONE_SIGNS,
)

if TYPE_CHECKING:
    import pandas as pd

    from newslab.corpus import Article
    from newslab.targets import Target

PREFIX = "nlv"

# nesting order of inline layers, outermost first
_QUOTE, _SPEAKER, _CUE, _MENTION = range(4)


@dataclasses.dataclass(frozen=True)
class ArticleView:
    """Annotated article HTML that Jupyter displays (``_repr_html_``); ``data`` is the fragment."""

    data: str

    def _repr_html_(self) -> str:
        return self.data

    def __str__(self) -> str:
        return self.data

    def page(self, title: str = "newslab article view") -> str:
        """A standalone HTML document around the fragment (UTF-8, no external resources)."""
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{_esc(title)}</title></head><body>{self.data}</body></html>\n"
        )


@dataclasses.dataclass(frozen=True)
class _Span:
    start: int
    end: int
    layer: int
    order: int
    tag: str  # opening tag
    label: str = ""  # markup right after the opening tag, at the span's true start
    suffix: str = ""  # markup right after the closing tag, at the span's true end

    def key(self) -> tuple[int, int, int, int]:
        return (self.layer, self.start, -self.end, self.order)


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _num(value: float) -> str:
    return f"{value:+.2f}".replace("-", "\u2212")


def _rows(table: Any, article_id: str, columns: Sequence[str], name: str) -> list[dict[Any, Any]]:
    """The article's rows of ``table`` as record dicts (in table order), after checking its columns."""
    missing = [c for c in columns if c not in getattr(table, "columns", ())]
    if missing:
        have = list(getattr(table, "columns", []))
        raise ParameterError(f"article_html(): {name}= needs columns {missing}; the table has {have}")
    if isinstance(table, ArticleRows):
        return table
    if "article_id" in table.columns:
        table = table[table["article_id"].astype(str) == article_id]
    return list(table.to_dict("records"))


def _check_span(start: Any, end: Any, text: str, name: str, i: int, article_id: str) -> tuple[int, int]:
    try:
        s, e = int(start), int(end)
    except (TypeError, ValueError):
        raise ParameterError(f"{name} row {i}: start/end {start!r}, {end!r} are not offsets") from None
    if not 0 <= s <= e <= len(text):
        raise ParameterError(
            f"{name} row {i}: span ({s}, {e}) lies outside article {article_id!r} ({len(text)} characters); "
            "was the table computed from another article or another version of its text?"
        )
    return s, e


# --------------------------------------------------------------------------- default tables


def _default_tables(
    article: Article,
    targets: Iterable[Target] | None,
    analysis: Any,
    tables: dict[str, Any],
) -> tuple[Any, Any, Any, Any, Any]:
    """The tables not given, from ``analysis`` or from one analysis pass over the article."""
    if any(value is None for value in tables.values()) and analysis is None:
        from newslab.runner import analyze

        analysis = analyze(article, targets, progress=False)
    source = {"mentions": "mentions", "quotes": "quotes", "sentiment": "tone", "stance": "stance",
              "target_tone": "target_tone"}  # fmt: skip
    chosen = {name: analysis.table(source[name]) if value is None else value for name, value in tables.items()}
    return chosen["mentions"], chosen["quotes"], chosen["sentiment"], chosen["stance"], chosen["target_tone"]


# --------------------------------------------------------------------------- layers


def _tone_lookup(target_tone: Any, article: Article) -> dict[tuple[int, int], tuple[str, float, list[str]]]:
    if target_tone is False:
        return {}
    rows = _rows(target_tone, article.id, ["start", "end", "label", "score"], "target_tone")
    lookup = {}
    for i, row in enumerate(rows):
        s, e, label, score, ev = row["start"], row["end"], row["label"], row["score"], row.get("evidence", [])
        span = _check_span(s, e, article.text, "target_tone", i, article.id)
        words = [str(w) for w in ev] if isinstance(ev, (list, tuple)) or hasattr(ev, "tolist") else [str(ev)]
        lookup[span] = (str(label), float(score), words)
    return lookup


def _mention_spans(
    mentions: Any, article: Article, tone: Mapping[tuple[int, int], tuple[str, float, list[str]]]
) -> tuple[list[_Span], dict[str, int], dict[str, dict[str, int]]]:
    rows = _rows(mentions, article.id, ["target", "start", "end"], "mentions")
    colours: dict[str, int] = {}
    counts: dict[str, dict[str, int]] = {}
    spans = []
    for i, row in enumerate(rows):
        s, e = _check_span(row["start"], row["end"], article.text, "mentions", i, article.id)
        target = str(row["target"])
        k = colours.setdefault(target, len(colours))
        kind = str(row.get("kind", "mention"))
        counts.setdefault(target, {}).setdefault(kind, 0)
        counts[target][kind] += 1
        bg, line, ink = TARGET_STYLES[k % len(TARGET_STYLES)]
        tip = [f"{target}: {kind}"]
        if row.get("rule"):
            tip[0] += f" (rule {row['rule']})"
        if row.get("antecedent"):
            tip.append(f"resolved to {row['antecedent']}")
        suffix = ""
        if (s, e) in tone:
            label, score, words = tone[(s, e)]
            tip.append(f"tone toward {target}: {label} {_num(score)}")
            if words:
                tip.append("because: " + "; ".join(reasons(words, target=article.text[s:e])))
                tip.append("evidence: " + ", ".join(words))
            if label in TONE_SIGNS:
                colour = NEGATIVE_COLOUR if label == "negative" else POSITIVE_COLOUR
                suffix = (
                    f'<sup class="{PREFIX}-tt" style="{SMALL};font-weight:bold;color:{colour}" '
                    f'title="tone toward {_esc(target)}: {_esc(label)} {_esc(_num(score))}">{TONE_SIGNS[label]}</sup>'
                )
        tag = (
            f'<span class="{PREFIX}-m {PREFIX}-t{k}" style="background:{bg};border-bottom:2px {line} {ink};'
            f'padding:0 1px" title="{_esc(chr(10).join(tip))}">'
        )
        spans.append(_Span(s, e, _MENTION, i, tag, suffix=suffix))
    return spans, colours, counts


def _quote_spans(quotes: Any, article: Article) -> list[_Span]:
    rows = _rows(quotes, article.id, ["start", "end"], "quotes")
    spans = []
    for i, row in enumerate(rows):
        s, e = _check_span(row["start"], row["end"], article.text, "quotes", i, article.id)
        kind = str(row.get("kind", "direct"))
        who = str(row.get("speaker_resolved") or row.get("speaker") or "").strip()
        tip = f"{kind} quote, speaker: {who or 'not attributed'}"
        if row.get("speaker") and str(row["speaker"]) != who:
            tip += f" (written {row['speaker']!s})"
        if row.get("rule"):
            tip += f"; rule {row['rule']}"
        direct = kind == "direct"
        style = (
            "background:#efefef;font-style:italic;border-left:3px solid #555;padding-left:2px"
            if direct
            else "border-left:3px dotted #555;padding-left:2px"
        )
        label = (
            f'<span class="{PREFIX}-who" style="{SMALL};background:#e2e2e2;border-radius:3px;'
            f'padding:0 3px;margin-right:3px">{_esc(who or "unattributed")}'
            f"{'' if direct else ' (reported)'}</span>"
        )
        tag = f'<span class="{PREFIX}-q {PREFIX}-q-{css_name(kind)}" style="{style}" title="{_esc(tip)}">'
        spans.append(_Span(s, e, _QUOTE, i, tag, label=label))
        start, end = row.get("speaker_start"), row.get("speaker_end")
        if start is not None and end is not None and start == start and end == end and int(end) > int(start) >= 0:
            ss, se = _check_span(start, end, article.text, "quotes (speaker)", i, article.id)
            tag = (
                f'<span class="{PREFIX}-spk" style="text-decoration:underline double #555" '
                f'title="{_esc(f"speaker of a {kind} quote: {who}")}">'
            )
            spans.append(_Span(ss, se, _SPEAKER, i, tag))
    return spans


def _cue_pattern(cue: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in cue.split()) + r"(?!\w)", re.IGNORECASE)


def _cue_spans(
    stance: Any, article: Article, sentences: Mapping[int, tuple[int, int]]
) -> tuple[list[_Span], dict[int, list[str]]]:
    """Stance cue words located in their sentence; cues not found there are returned per sentence."""
    rows = _rows(stance, article.id, ["sentence_id", "holder", "target", "stance", "cues"], "stance")
    found: dict[tuple[int, int], list[tuple[str, str]]] = {}
    unplaced: dict[int, list[str]] = {}
    for row in rows:
        sid = int(row["sentence_id"])
        cues = row["cues"]
        cues = [str(c) for c in cues] if isinstance(cues, (list, tuple)) or hasattr(cues, "tolist") else [str(cues)]
        score = row.get("score")
        number = f" {_num(float(score))}" if score is not None and score == score else ""
        what = f"{row['holder']} \u2192 {row['target']}: {row['stance']}{number}"
        bounds = sentences.get(sid)
        for cue in cues:
            match = _cue_pattern(cue).search(article.text, *bounds) if bounds and cue.strip() else None
            if match is None:
                unplaced.setdefault(sid, []).append(f"{cue} ({what})")
                continue
            found.setdefault((match.start(), match.end()), []).append(
                (str(row["stance"]), f"cue \u201c{cue}\u201d: {what}")
            )
    spans = []
    for i, ((s, e), notes) in enumerate(sorted(found.items())):
        stances = {st for st, _ in notes}
        colour = STANCE_COLOURS.get(stances.pop(), NEUTRAL_COLOUR) if len(stances) == 1 else NEUTRAL_COLOUR
        tip = "stance " + "\n".join(note for _, note in notes)
        tag = (
            f'<span class="{PREFIX}-cue" style="font-weight:bold;text-decoration:underline wavy {colour}" '
            f'title="{_esc(tip)}">'
        )
        spans.append(_Span(s, e, _CUE, i, tag))
    return spans, unplaced


# --------------------------------------------------------------------------- rendering


def _inline(text: str, start: int, end: int, spans: Sequence[_Span]) -> str:
    """``text[start:end]`` escaped, with the spans clipped to it, split where they cross."""
    inside = [sp for sp in spans if sp.start < end and sp.end > start and sp.end > sp.start]
    points = sorted({start, end} | {p for sp in inside for p in (sp.start, sp.end) if start < p < end})
    out: list[str] = []
    stack: list[_Span] = []
    for p, q in itertools.pairwise(points):
        active = sorted((sp for sp in inside if sp.start <= p and sp.end >= q), key=_Span.key)
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        while len(stack) > keep:
            closing = stack.pop()
            out.append("</span>")
            if closing.end == p:
                out.append(closing.suffix)
        for sp in active[keep:]:
            out.append(sp.tag)
            if sp.start == p:
                out.append(sp.label)
            stack.append(sp)
        out.append(_esc(text[p:q]))
    while stack:
        closing = stack.pop()
        out.append("</span>")
        if closing.end == end:
            out.append(closing.suffix)
    return "".join(out)


def _tone_bar(value: float | None, limit: float = 1.0) -> str:
    """A diverging bar, 0 in the middle: orange to the left for negative, purple to the right for positive."""
    if value is None:
        return ""
    half = min(abs(value) / limit, 1.0) * 50
    if value < 0:
        fill = f"#f0f0f0 {50 - half:.0f}%,{NEGATIVE_COLOUR} {50 - half:.0f}% 50%,#888 50% 52%,#f0f0f0 52%"
    else:
        fill = f"#f0f0f0 48%,#888 48% 50%,{POSITIVE_COLOUR} 50% {50 + half:.0f}%,#f0f0f0 {50 + half:.0f}%"
    return (
        '<span style="display:inline-block;width:3.2em;height:.7em;vertical-align:middle;'
        f'background:linear-gradient(90deg,{fill})"></span>'
    )


def _sentence_rows(
    sentiment: Any, article: Article, score: str
) -> list[tuple[int, int, int | None, float | None, str]]:
    """(start, end, sentence_id, tone, evidence) of each sentence, in text order."""
    spans = {s.index: (s.start, s.end) for s in article.sentences}
    if sentiment is False:
        return [(s, e, i, None, "") for i, (s, e) in spans.items()]
    rows = _rows(sentiment, article.id, ["sentence_id", score], "sentiment")
    out: list[tuple[int, int, int | None, float | None, str]] = []
    for i, row in enumerate(rows):
        sid = int(row["sentence_id"])
        if "start" in row and "end" in row:
            s, e = _check_span(row["start"], row["end"], article.text, "sentiment", i, article.id)
        elif sid in spans:
            s, e = spans[sid]
        else:
            raise ParameterError(f"sentiment row {i}: sentence_id {sid} is not a sentence of article {article.id!r}")
        value = row[score]
        tone = None if value is None or value != value else float(value)
        out.append((s, e, sid, tone, str(row.get("evidence") or "")))
    out.sort()
    return out


def _body(
    article: Article,
    sentences: list[tuple[int, int, int | None, float | None, str]],
    spans: Sequence[_Span],
    unplaced: Mapping[int, list[str]],
    view_id: str,
    score: str,
) -> str:
    text = article.text
    parts = []
    rows: list[tuple[int, int, int | None, float | None, str]] = []
    cursor = 0
    for s, e, sid, tone, ev in sentences:
        if s < cursor:  # overlapping sentence rows: show each character once
            s = cursor
        if s > cursor:
            rows.append((cursor, s, None, None, ""))
        if e > s:
            rows.append((s, e, sid, tone, ev))
        cursor = max(cursor, e)
    if cursor < len(text):
        rows.append((cursor, len(text), None, None, ""))
    paragraph = False
    for s, e, sid, tone, ev in rows:
        if sid is None and not text[s:e].strip():
            paragraph = paragraph or "\n\n" in text[s:e] or "\n" in text[s:e]
            continue
        gap = "margin-top:.7em;" if paragraph else ""
        paragraph = False
        if sid is None:
            gutter, tip, row_id = "", "text outside any sentence", ""
        else:
            tip = f"sentence {sid}" + ("" if tone is None else f": tone {_num(tone)} ({score})")
            if ev:
                tip += f"\nevidence: {ev}"
            if unplaced.get(sid):
                tip += "\nstance cues not found as words: " + "; ".join(unplaced[sid])
            number = "" if tone is None else _esc(_num(tone))
            gutter = f'<span style="color:#888;display:inline-block;width:2.2em">{sid}</span>{_tone_bar(tone)} {number}'
            row_id = f' id="{view_id}-s{sid}"'
        parts.append(
            f'<div class="{PREFIX}-row"{row_id} style="display:flex;gap:.6em;{gap}">'
            f'<div class="{PREFIX}-g" style="{SMALL};flex:0 0 9em;white-space:nowrap;color:#333;padding-top:.25em" '
            f'title="{_esc(tip)}">{gutter}</div>'
            f'<div class="{PREFIX}-tx" style="flex:1 1 auto;white-space:pre-wrap;line-height:1.6">'
            f"{_inline(text, s, e, spans)}</div></div>"
        )
    return "".join(parts)


def _legend(
    colours: Mapping[str, int], counts: Mapping[str, Mapping[str, int]], layers: Mapping[str, bool], score: str
) -> str:
    item = "display:inline-block;margin:0 1em .2em 0"
    parts = []
    for target, k in colours.items():
        bg, line, ink = TARGET_STYLES[k % len(TARGET_STYLES)]
        kinds = counts.get(target, {})
        detail = ", ".join(_plural(n, kind) for kind, n in kinds.items())
        parts.append(
            f'<span style="{item}"><span class="{PREFIX}-t{k}" style="background:{bg};border-bottom:2px {line} {ink};'
            f'padding:0 4px">{_esc(target)}</span> {_plural(sum(kinds.values()), "mention")}'
            f"{f' ({_esc(detail)})' if detail else ''}</span>"
        )
    if layers["target_tone"]:
        parts.append(
            f'<span style="{item}"><sup style="color:{POSITIVE_COLOUR};font-weight:bold">+</sup>/'
            f'<sup style="color:{NEGATIVE_COLOUR};font-weight:bold">\u2212</sup> positive/negative tone toward '
            "the target (hover a mention for label, score and evidence)</span>"
        )
    if layers["quotes"]:
        parts.append(
            f'<span style="{item}"><span style="background:#efefef;font-style:italic;border-left:3px solid #555;'
            'padding-left:2px">direct quote</span> <span style="border-left:3px dotted #555;padding-left:2px">'
            'reported speech</span> <span style="text-decoration:underline double #555">speaker</span></span>'
        )
    if layers["stance"]:
        parts.append(
            f'<span style="{item}">stance cue: <span style="font-weight:bold;text-decoration:underline wavy '
            f'{NEGATIVE_COLOUR}">against</span> <span style="font-weight:bold;text-decoration:underline wavy '
            f'{POSITIVE_COLOUR}">favor</span></span>'
        )
    if layers["sentiment"]:
        parts.append(
            f'<span style="{item}">sentence tone ({_esc(score)}, in the margin): '
            f"{_tone_bar(-1.0)} \u22121 \u00b7 {_tone_bar(1.0)} +1</span>"
        )
    off = [name.replace("_", " ") for name, on in layers.items() if not on]
    if off:
        parts.append(f'<span style="{item};color:#777">not shown: {_esc(", ".join(off))}</span>')
    return f'<div class="{PREFIX}-legend" style="{SMALL};margin:.4em 0 .8em 0;line-height:1.9">{"".join(parts)}</div>'


def article_html(
    article: Article,
    *,
    mentions: pd.DataFrame | ArticleRows | bool | None = None,
    quotes: pd.DataFrame | ArticleRows | bool | None = None,
    sentiment: pd.DataFrame | ArticleRows | bool | None = None,
    stance: pd.DataFrame | ArticleRows | bool | None = None,
    target_tone: pd.DataFrame | ArticleRows | bool | None = None,
    targets: Target | Iterable[Target] | None = None,
    analysis: Any = None,
    score: str = "compound",
    view_id: str | None = None,
) -> str:
    """The annotated article view as an HTML fragment (static, escaped, no scripts or external resources).

    Args:
        article: The article to show.
        mentions: A :func:`newslab.find_mentions` table (rows of other articles are ignored);
            ``None`` computes it (with the quote rule), ``False`` shows no mentions.
        quotes: A :func:`newslab.find_quotes` table; ``None`` computes it, ``False`` leaves it out.
        sentiment: A :func:`newslab.sentiment_table` table (``sentence_id``, ``score``, and
            ``start``/``end`` when present); ``None`` computes it, ``False`` leaves it out.
        stance: A :func:`newslab.stance_table` table; its cue words are marked in their
            sentence. ``None`` computes it, ``False`` leaves it out.
        target_tone: Tone toward each mention (``start``, ``end``, ``label``, ``score``,
            optional ``evidence``), e.g. the ``target_tone`` table of an analysis; ``None``
            computes it with :func:`newslab.target_sentiment_many`, ``False`` leaves it out.
        targets: Targets for the computed tables; default ``(TRUMP, NATO)``.
        analysis: An :class:`newslab.Analysis` holding the article: tables not given come from it
            (else from one :func:`newslab.analyze` pass over the article).
        score: Column of ``sentiment`` shown as sentence tone.
        view_id: Id of the view's root element (sentence rows get ``<view_id>-s<n>``);
            default ``nlv-<article id>``. Give distinct ids to show one article twice on a page.

    Returns:
        The HTML fragment (a ``<div class="nlv-view">``).

    Raises:
        ParameterError: For a table without the needed columns or with spans outside the text.

    Example:
        >>> import newslab as nl
        >>> art = nl.Article("a", "T", "Trump said: \\"NATO is <b>great</b> & strong.\\"")
        >>> out = article_html(art, sentiment=False, stance=False, target_tone=False)
        >>> "&lt;b&gt;great&lt;/b&gt; &amp; strong" in out, "<b>" in out
        (True, False)
        >>> out.count('class="nlv-m ')
        2
    """
    from newslab.corpus import Article, displayable
    from newslab.targets import as_targets

    if not isinstance(article, Article):
        raise ParameterError(f"article_html() takes an Article (e.g. corpus['id']), got {type(article).__name__}")
    article = displayable(article)  # lone surrogates would make the page unwritable (as analyze does)
    if score is None or not isinstance(score, str):
        raise ParameterError(f"score={score!r}; valid: a column name of the sentiment table, e.g. 'compound'")
    chosen = as_targets(targets) if targets is not None else None
    given = {
        "mentions": mentions,
        "quotes": quotes,
        "sentiment": sentiment,
        "stance": stance,
        "target_tone": target_tone,
    }
    mentions, quotes, sentiment, stance, target_tone = _default_tables(article, chosen, analysis, given)
    vid = f"{PREFIX}-{css_name(str(view_id or article.id).removeprefix(PREFIX + '-'))}"  # a valid, prefixed id
    sentences = _sentence_rows(sentiment, article, score)
    bounds = {sid: (s, e) for s, e, sid, _, _ in sentences if sid is not None}
    spans: list[_Span] = []
    colours: dict[str, int] = {}
    counts: dict[str, dict[str, int]] = {}
    if mentions is not False:
        tone = _tone_lookup(target_tone, article)
        found, colours, counts = _mention_spans(mentions, article, tone)
        spans += found
    if quotes is not False:
        spans += _quote_spans(quotes, article)
    unplaced: dict[int, list[str]] = {}
    if stance is not False:
        found, unplaced = _cue_spans(stance, article, bounds)
        spans += found
    layers = {
        "mentions": mentions is not False,
        "target_tone": mentions is not False and target_tone is not False,
        "quotes": quotes is not False,
        "stance": stance is not False,
        "sentiment": sentiment is not False,
    }
    meta = " \u00b7 ".join(_esc(x) for x in (article.id, article.source) if x)
    shown = _esc(display_label(article.title or article.id))  # a 50,000-character title is cut; tables keep it
    head = (
        f'<div class="{PREFIX}-head" style="margin-bottom:.2em"><span style="font-size:120%;font-weight:bold">'
        f'{shown}</span> <span style="{SMALL};color:#555">{meta}</span></div>'
    )
    return (
        f'<div class="{PREFIX}-view" id="{_esc(vid)}" style="{FONT};max-width:56em;border:1px solid #ccc;'
        f'border-radius:4px;padding:.8em 1em;margin:1em 0;color:#111;background:#fff">'
        f"{head}{_legend(colours, counts, layers, score)}{_body(article, sentences, spans, unplaced, _esc(vid), score)}"
        "</div>"
    )


def show_article(
    article: Article,
    *,
    mentions: pd.DataFrame | bool | None = None,
    quotes: pd.DataFrame | bool | None = None,
    sentiment: pd.DataFrame | bool | None = None,
    stance: pd.DataFrame | bool | None = None,
    target_tone: pd.DataFrame | bool | None = None,
    targets: Target | Iterable[Target] | None = None,
    analysis: Any = None,
    score: str = "compound",
    view_id: str | None = None,
) -> ArticleView:
    """Show an article annotated with its target mentions, quotes, sentence tone and stance cues.

    In Jupyter the returned object displays as HTML; ``.data`` is the fragment and
    ``.page()`` a standalone document. Arguments as for :func:`article_html`.

    Example:
        >>> import newslab as nl
        >>> corpus = nl.load_seed_corpus()
        >>> view = nl.show_article(corpus["de-dpa"])  # in a notebook cell, this displays the view
        >>> view.data.count('class="nlv-row"') >= len(corpus["de-dpa"].sentences)
        True
    """
    return ArticleView(
        article_html(
            article,
            mentions=mentions,
            quotes=quotes,
            sentiment=sentiment,
            stance=stance,
            target_tone=target_tone,
            targets=targets,
            analysis=analysis,
            score=score,
            view_id=view_id,
        )
    )


__all__ = ["ArticleRows", "ArticleView", "article_html", "output_name", "show_article", "split_rows"]
