"""Hand-coding newslab's output: stratified samples, coding sheets, and reading the codes back.

The validation loop of quantitative content analysis: draw a random sample of what newslab
measured, let people code it blind, and compare (:mod:`newslab.agreement`, :mod:`newslab.validity`).

* :func:`draw_sample` draws a seeded sample from an :class:`~newslab.Analysis` for one coding task
  (:data:`TASKS`: target tone per mention, quote speaker, stance row, frame per sentence),
  stratified by group (e.g. outlet) and by newslab's own label, with each item's inclusion
  probability (so that scores can be weighted back to the corpus).
* :func:`write_sheets` writes the sheets coders fill in: an XLSX with a drop-down list of the
  allowed codes, the same as CSV, and a static, escaped HTML page with the item in context, the
  target or quote highlighted and a short codebook on top. newslab's answer is hidden by default.
* :func:`read_codes` reads one or more filled sheets back, checking every row: unknown codes,
  unknown, missing or duplicate item ids, and sheets from another sample are errors that name
  the file and the row.

Item ids are stable: a hash of the task, the article and the span, so the same item has the same
id in every sample of the same analysis.

Example:
    >>> import newslab as nl
    >>> a = nl.analyze(nl.load_seed_corpus(), tables=["sentences", "mentions", "target_tone"])
    >>> s = draw_sample(a, "target_tone", n=12, seed=1)
    >>> len(s.items), sorted(s.codes)
    (12, ['negative', 'neutral', 'positive'])
    >>> float(s.items["inclusion_prob"].max()) <= 1.0
    True
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from newslab.errors import CodingError, MissingInputError, ParameterError


@dataclasses.dataclass(frozen=True)
class CodingTask:
    """What coders are asked about one kind of item.

    Attributes:
        name: Task name (:data:`TASKS` key).
        table: The analysis table the items come from.
        question: The question at the top of the codebook.
        codes: Allowed codes -> definition (empty for free text, e.g. a speaker's name).
        ordered: The codes are ordered (ordinal agreement is reported too).
    """

    name: str
    table: str
    question: str
    codes: Mapping[str, str]
    ordered: bool = False


TASKS: dict[str, CodingTask] = {
    "target_tone": CodingTask(
        "target_tone",
        "target_tone",
        "What sentiment does the sentence express toward the highlighted target?",
        {
            "negative": "the target is criticized, blamed, mocked, shown as failing or threatening",
            "neutral": "facts about the target, or no evaluation of it (also: evaluation of something else)",
            "positive": "the target is praised, supported, shown as succeeding or acting well",
        },
        ordered=True,
    ),
    "quote_speaker": CodingTask(
        "quote_speaker",
        "quotes",
        "Who says the highlighted quote? Write the speaker's name as the article gives it, or 'none'.",
        {},
    ),
    "stance": CodingTask(
        "stance",
        "stance",
        "Does the holder take a position toward the target in this sentence?",
        {
            "against": "the holder criticizes, opposes or distrusts the target",
            "favor": "the holder supports, praises or defends the target",
            "none": "no position of this holder toward this target here",
        },
    ),
    "frame": CodingTask(
        "frame",
        "frames",
        "Which frame does this sentence mainly use? (one code; 'none' if no frame)",
        {},  # filled from the analysis's frame names when the sample is drawn
    ),
}
SHEET_COLUMNS = ["item_id", "sample_id", "article_id", "sentence_id", "group", "about", "text", "code", "coder", "note"]
NONE_CODE = "none"


@dataclasses.dataclass(frozen=True)
class CodingSample:
    """A drawn sample: its items and everything needed to write sheets and read codes back.

    Attributes:
        task: Task name.
        sample_id: Hash of the task, seed and item ids: sheets carry it, read-back checks it.
        items: One row per item: ``item_id, article_id, sentence_id, group, stratum, tool_label,
            about, text, start, end, span_start, span_end, inclusion_prob, weight`` (``start``/``end``:
            offsets of the highlighted words in ``text``, the item's sentence; ``span_*``: in the article).
        codes: Allowed codes -> definition (empty: free text).
        seed: The random seed.
        by: Column the sample was stratified by (with newslab's label).
        population: Items per stratum in the analysis.
    """

    task: str
    sample_id: str
    items: pd.DataFrame
    codes: Mapping[str, str]
    seed: int
    by: str
    population: Mapping[str, int]

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the sample (items and design) to one JSON file for :func:`load_sample`."""
        out = Path(path)
        doc = {
            "format": "newslab-coding-sample",
            "task": self.task,
            "sample_id": self.sample_id,
            "codes": dict(self.codes),
            "seed": self.seed,
            "by": self.by,
            "population": dict(self.population),
            "items": json.loads(self.items.to_json(orient="records")),
        }
        out.write_text(json.dumps(doc, indent=1), encoding="utf-8")
        return out


def load_sample(path: str | os.PathLike[str]) -> CodingSample:
    """Read a sample written by :meth:`CodingSample.save`.

    Raises:
        MissingInputError: If the file does not exist.
        CodingError: If it is not a newslab coding sample.
    """
    p = Path(path)
    if not p.is_file():
        raise MissingInputError(f"no coding sample at {str(p)!r}; give the file sample.save(path) wrote")
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise CodingError(f"{str(p)!r} is not a coding sample file ({err})") from err
    if not isinstance(doc, dict) or doc.get("format") != "newslab-coding-sample":
        raise CodingError(f"{str(p)!r} is not a newslab coding sample; give the file sample.save(path) wrote")
    items = pd.DataFrame(doc["items"])
    return CodingSample(
        doc["task"], doc["sample_id"], items, doc["codes"], int(doc["seed"]), doc["by"], doc["population"]
    )


def _item_id(task: str, article_id: str, start: int, end: int, extra: str) -> str:
    digest = hashlib.sha256(f"{task}\x00{article_id}\x00{start}\x00{end}\x00{extra}".encode()).hexdigest()
    return f"{task[:2]}-{digest[:10]}"


def _population(analysis: Any, task: CodingTask) -> pd.DataFrame:
    """Every codable item of the task: article, sentence, newslab's label and the highlighted span (article offsets)."""
    if analysis.sentences.empty:
        raise CodingError(
            "the analysis has no sentences table, which the coding sheets show as context; "
            'run nl.analyze(..., tables=["sentences", ...]) (the default computes every table)'
        )
    if task.name == "frame":
        top = (
            analysis.frames.groupby(["article_id", "sentence_id", "frame"], sort=False)["weight"].sum().reset_index()
            .sort_values(["article_id", "sentence_id", "weight", "frame"], ascending=[True, True, False, True])
            .drop_duplicates(["article_id", "sentence_id"])
        )  # fmt: skip
        out = analysis.sentences[["article_id", "sentence_id", "start", "end"]].merge(
            top[["article_id", "sentence_id", "frame"]], on=["article_id", "sentence_id"], how="left"
        )
        out = out.rename(columns={"frame": "tool_label"}).assign(about="", extra="")
        out["tool_label"] = out["tool_label"].fillna(NONE_CODE)
    else:
        out = getattr(analysis, task.table)[["article_id", "sentence_id", "start", "end"]].copy()
        table = getattr(analysis, task.table)
        if task.name == "target_tone":
            out["tool_label"], out["about"], out["extra"] = table["label"], table["target"], table["target"]
        elif task.name == "quote_speaker":
            resolved = table["speaker_resolved"].fillna("").astype(str)
            out["tool_label"] = resolved.where(resolved != "", NONE_CODE)
            out["about"], out["extra"] = "quote", ""
        else:  # stance
            out["tool_label"] = table["stance"]
            out["about"] = table["holder"].astype(str) + " \u2192 " + table["target"].astype(str)
            out["extra"] = out["about"]
    out = out.rename(columns={"start": "span_start", "end": "span_end"})
    out["span_start"], out["span_end"] = out["span_start"].astype(int), out["span_end"].astype(int)
    return out


def _with_context(items: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Add the item's sentence (``text``) and the highlighted span as offsets into it (``start``, ``end``)."""
    sents = sentences[["article_id", "sentence_id", "start", "text"]].rename(columns={"start": "sentence_start"})
    out = items.merge(sents, on=["article_id", "sentence_id"], how="left")
    missing = out["text"].isna()
    if missing.any():
        first = out[missing].iloc[0]
        raise CodingError(
            f"sentence {first.sentence_id} of article {first.article_id!r} is not in the sentences table; "
            "draw the sample from one complete analysis"
        )
    out["start"] = out["span_start"] - out["sentence_start"]
    out["end"] = out["span_end"] - out["sentence_start"]
    return out.drop(columns=["sentence_start"])


def _allocate(sizes: Mapping[str, int], n: int) -> dict[str, int]:
    """Equal allocation over strata, capped at each stratum's size (the rest goes to the larger strata)."""
    left, alloc = n, dict.fromkeys(sizes, 0)
    open_strata = sorted(k for k, v in sizes.items() if v > 0)
    while left > 0 and open_strata:
        share = max(1, left // len(open_strata))
        for k in list(open_strata):
            take = min(share, sizes[k] - alloc[k], left)
            alloc[k] += take
            left -= take
            if alloc[k] >= sizes[k]:
                open_strata.remove(k)
            if left == 0:
                break
    return alloc


def draw_sample(analysis: Any, task: str, *, n: int = 200, by: str = "source", seed: int = 0) -> CodingSample:
    """Draw a seeded sample for hand coding, stratified by group and by newslab's label.

    Strata are (group, newslab's label); the ``n`` items are spread equally over them (capped at
    a stratum's size), so rare labels and small outlets get enough items for per-class and
    per-group scores. Each item's inclusion probability is its stratum's sampling fraction, and
    ``weight`` = 1 / probability weights scores back to the corpus.

    Args:
        analysis: An :class:`~newslab.Analysis` (its ``articles`` and ``sentences`` tables, and the
            task's table).
        task: One of :data:`TASKS`: ``"target_tone"``, ``"quote_speaker"``, ``"stance"``, ``"frame"``.
        n: Items to draw (all items if fewer).
        by: Column of the articles table to stratify by (``"source"``, ``"date"``, ...); ``None``-like
            empty values form the group ``"(none)"``.
        seed: Random seed: the same analysis, task, n and seed give the same sample.

    Returns:
        A :class:`CodingSample`.

    Raises:
        ParameterError: For an unknown task, a column the articles table lacks, or n < 1.
        CodingError: If the analysis has no items for the task.

    Example:
        >>> import newslab as nl
        >>> a = nl.analyze(nl.load_seed_corpus(), tables=["sentences", "quotes"])
        >>> bool(draw_sample(a, "quote_speaker", n=5).items["tool_label"].notna().all())
        True
    """
    if task not in TASKS:
        raise ParameterError(f"task={task!r}; valid: {sorted(TASKS)}")
    if not isinstance(n, int) or n < 1:
        raise ParameterError(f"n={n!r}; give a positive number of items to draw")
    spec = TASKS[task]
    articles = analysis.articles
    if by not in articles.columns:
        raise ParameterError(f"by={by!r} is not a column of the articles table; valid: {list(articles.columns)}")
    items = _population(analysis, spec)
    if items.empty:
        raise CodingError(f"the analysis has no {spec.table} rows to code for task {task!r}; run it with that table")
    # integer codes for speed on corpus-sized tables (strings are compared once per distinct value)
    art_codes, art_names = pd.factorize(items["article_id"])
    group_of = articles.set_index("article_id")[by].astype("string").fillna("(none)").replace("", "(none)")
    art_group = group_of.reindex(pd.Index(art_names)).fillna("(none)").astype(str).to_numpy()
    label = items["tool_label"].astype(str)
    if not spec.codes and task != "frame":  # free text (a speaker's name): stratified by found / none
        label = label.where(label == NONE_CODE, "found")
    label_codes, label_names = pd.factorize(label)
    group_codes, group_names = pd.factorize(pd.Series(art_group[art_codes]))
    stratum_codes = group_codes * len(label_names) + label_codes
    extra_codes, _ = pd.factorize(items["extra"])
    keys = pd.DataFrame({"a": art_codes, "s": items["span_start"].to_numpy(), "e": items["span_end"].to_numpy(),
                         "x": extra_codes})  # fmt: skip
    keep = ~keys.duplicated().to_numpy()  # one item per article, span and detail (in the pass's order)
    stratum_codes = np.where(keep, stratum_codes, -1)
    present = np.unique(stratum_codes[keep])
    names = {int(c): f"{group_names[c // len(label_names)]} | {label_names[c % len(label_names)]}" for c in present}
    sizes = {names[int(c)]: int((stratum_codes == c).sum()) for c in present}
    alloc = _allocate(sizes, min(n, int(keep.sum())))
    rng = np.random.default_rng(seed)
    picked = []
    for code in sorted(present, key=lambda c: names[int(c)]):
        rows = np.flatnonzero(stratum_codes == code)
        picked.extend(rng.choice(rows, size=alloc[names[int(code)]], replace=False).tolist())
    picked.sort()
    chosen = items.iloc[picked].reset_index(drop=True)
    chosen["group"] = art_group[art_codes[picked]]
    chosen["stratum"] = [names[int(c)] for c in stratum_codes[picked]]
    items = chosen
    sentences = analysis.sentences
    sample = _with_context(items, sentences[sentences["article_id"].isin(set(items["article_id"]))])
    sample["item_id"] = [
        _item_id(task, a, s, e, x)
        for a, s, e, x in zip(sample.article_id, sample.span_start, sample.span_end, sample.extra, strict=True)
    ]
    sample["inclusion_prob"] = [alloc[s] / sizes[s] for s in sample["stratum"]]
    sample["weight"] = 1.0 / sample["inclusion_prob"]
    sample = sample.iloc[rng.permutation(len(sample))].reset_index(drop=True)  # coders see a random order
    codes = dict(spec.codes)
    if task == "frame":
        frame_names = sorted(set(analysis.frames["frame"].astype(str)))
        codes = {name: f"the sentence mainly frames the story as {name.replace('_', ' ')}" for name in frame_names}
        codes[NONE_CODE] = "no frame"
    sample_id = hashlib.sha256(json.dumps([task, seed, by, sample["item_id"].tolist()]).encode()).hexdigest()[:12]
    sample.insert(0, "sample_id", sample_id)
    columns = ["item_id", "sample_id", "article_id", "sentence_id", "group", "stratum", "tool_label", "about",
               "text", "start", "end", "span_start", "span_end", "inclusion_prob", "weight"]  # fmt: skip
    return CodingSample(task, sample_id, sample[columns], codes, seed, by, {str(k): int(v) for k, v in sizes.items()})


def _read_sheet(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise MissingInputError(f"no coding sheet at {str(path)!r}; give the filled .xlsx or .csv file")
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        if suffix == ".xlsx":
            return pd.read_excel(path, sheet_name="items", dtype=str, keep_default_na=False, engine="openpyxl")
    except (ValueError, KeyError, UnicodeDecodeError, pd.errors.ParserError) as err:
        raise CodingError(
            f"{str(path)!r} could not be read as a coding sheet ({err}); give the sheet newslab wrote"
        ) from err
    raise CodingError(f"{str(path)!r}: coding sheets are .xlsx or .csv files, not {suffix or 'no extension'}")


def read_codes(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    sample: CodingSample | str | os.PathLike[str],
    *,
    allow_blank: bool = False,
) -> pd.DataFrame:
    """Read filled coding sheets back as one long table of codes, checking every row.

    Args:
        paths: One or more filled sheets (.xlsx or .csv), one per coder.
        sample: The :class:`CodingSample` the sheets were written for (or the path of its saved file).
        allow_blank: Skip rows without a code instead of raising (for a partly coded sheet).

    Returns:
        DataFrame ``item_id, coder, code, file, row`` (``row`` as the spreadsheet numbers it).
        The coder is the sheet's ``coder`` column, or the file name when it is empty.

    Raises:
        CodingError: Naming the file and row, for an unknown code, an unknown or duplicate item
            id, a missing item, a blank code, or a sheet from another sample.
    """
    if not isinstance(sample, CodingSample):
        sample = load_sample(sample)
    files = [Path(paths)] if isinstance(paths, (str, os.PathLike)) else [Path(p) for p in paths]
    if not files:
        raise ParameterError("paths is empty; give the filled coding sheet(s)")
    known = set(sample.items["item_id"])
    allowed = {c.lower(): c for c in sample.codes}
    out = []
    for path in files:
        sheet = _read_sheet(path)
        missing_cols = [c for c in ("item_id", "sample_id", "code") if c not in sheet.columns]
        if missing_cols:
            raise CodingError(f"{path}: no column(s) {missing_cols}; use a sheet written by newslab's write_sheets")
        seen: dict[str, int] = {}
        for k, rec in enumerate(sheet.to_dict("records")):
            row = k + 2  # the header is row 1
            where = f"{path}, row {row}"
            if str(rec["sample_id"]).strip() != sample.sample_id:
                raise CodingError(
                    f"{where}: sheet of sample {rec['sample_id']!r}, not of this sample {sample.sample_id!r}; "
                    "read it with the sample it was written for"
                )
            item = str(rec["item_id"]).strip()
            if item not in known:
                raise CodingError(f"{where}: unknown item id {item!r}; do not edit the item_id column")
            if item in seen:
                raise CodingError(f"{where}: item {item!r} again (first at row {seen[item]}); keep one row per item")
            seen[item] = row
            code = str(rec["code"]).strip()
            if not code:
                if allow_blank:
                    continue
                raise CodingError(f"{where}: item {item!r} has no code; code it or pass allow_blank=True")
            if allowed:
                if code.lower() not in allowed:
                    raise CodingError(f"{where}: unknown code {code!r}; valid: {sorted(sample.codes)}")
                code = allowed[code.lower()]
            else:
                code = " ".join(code.split())
            coder = str(rec.get("coder", "") or "").strip() or path.stem
            out.append((item, coder, code, str(path), row))
        absent = sorted(known - set(seen))
        if absent:
            raise CodingError(
                f"{path}: {len(absent)} item(s) of the sample are missing, e.g. {absent[:3]}; "
                "do not delete rows (leave a row uncoded and pass allow_blank=True instead)"
            )
    codes = pd.DataFrame(out, columns=["item_id", "coder", "code", "file", "row"])
    dup = codes.duplicated(["item_id", "coder"], keep=False)
    if dup.any():
        first = codes[dup].iloc[0]
        raise CodingError(
            f"{first.file}: coder {first.coder!r} coded item {first.item_id!r} in two sheets; give each coder one sheet"
        )
    return codes


__all__ = [
    "NONE_CODE",
    "TASKS",
    "CodingSample",
    "CodingTask",
    "draw_sample",
    "load_sample",
    "read_codes",
]
