"""The report's "Validity on this corpus" section, from coders' filled sheets (``newslab report --codes``).

:func:`code_files` sorts the files given to ``--codes`` into the coding sample and the filled sheets
(the sample file is found beside the sheets when not given); :func:`check_codes` reads them once
before a report's kernel starts, so a bad sheet fails early with the file, row and fix; and
:func:`validity_section` computes everything the section shows, as tables and text:

* intercoder agreement (Krippendorff's alpha with its bootstrap CI, flagged below 0.667);
* newslab against the coders' majority label, per class and per group, with article-cluster CIs,
  and the differential-error test (:func:`newslab.validity.score_tool`);
* for target tone: each group's label shares toward each target, the raw estimate from
  :meth:`Analysis.estimates <newslab.result.Analysis.estimates>` (``share_negative``,
  ``share_neutral``, ``share_positive``) beside the share corrected for misclassification
  (:func:`newslab.validity.corrected_shares`), each with its CI, and whether correcting changes a
  conclusion (:func:`conclusion_changes`);
* the methods paragraph (:func:`newslab.validity.methods_paragraph`).

The groups are the column the sample was stratified by (``sample.by``, e.g. ``source``), because
that is what the coded items represent.

Example:
    >>> code_files(["coding/sample_target_tone.json", "coding/ana.csv"])
    CodeFiles(sample=PosixPath('coding/sample_target_tone.json'), sheets=(PosixPath('coding/ana.csv'),))
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from newslab.coding import CodingSample, load_sample, read_codes
from newslab.errors import CodingError, MissingInputError, ParameterError

#: Bootstrap resamples (and differential-error permutations) in the report's validity section.
REPORT_BOOT = 1000

#: Fewer coded items than this behind a group's and target's correction earn a warning (as for scores).
FEW_CODED = 30

#: Fewest resamples ``Analysis.estimates`` accepts (its own check).
ESTIMATES_MIN_BOOT = 100

#: The estimates measures that are label shares of target tone, by label.
SHARE_MEASURES = {"negative": "share_negative", "neutral": "share_neutral", "positive": "share_positive"}

SHEET_SUFFIXES = (".csv", ".xlsx")


class CodeFiles(NamedTuple):
    """The files given as codes: the coding sample and the filled sheets."""

    sample: Path
    sheets: tuple[Path, ...]


def code_files(files: Sequence[str | os.PathLike[str]]) -> CodeFiles:
    """Sort ``--codes`` files into the sample (``.json``) and the filled sheets (``.csv``/``.xlsx``).

    Without a ``.json`` file, the sample is the one ``sample_*.json`` in the sheets' folders
    (``newslab validate sample`` writes it beside the sheets). HTML sheets are for reading only
    and are skipped.

    Raises:
        ParameterError: No files, no sheet, several samples, or a file of another type.
        MissingInputError: A file that does not exist, or no sample file to be found.

    Example:
        >>> code_files(["a/ana.csv", "a/ben.xlsx", "a/sample_target_tone.json"]).sheets
        (PosixPath('a/ana.csv'), PosixPath('a/ben.xlsx'))
    """
    paths = [Path(f) for f in files]
    if not paths:
        raise ParameterError("codes is empty; give the filled coding sheets (.csv or .xlsx) and the sample file")
    samples = [p for p in paths if p.suffix.lower() == ".json"]
    sheets = tuple(p for p in paths if p.suffix.lower() in SHEET_SUFFIXES)
    other = [p for p in paths if p.suffix.lower() not in (".json", ".html", *SHEET_SUFFIXES)]
    if other:
        raise ParameterError(
            f"codes: {str(other[0])!r} is neither a coding sheet (.csv, .xlsx) nor a sample file (.json); "
            "give the sheets the coders filled and the sample_TASK.json that 'newslab validate sample' wrote"
        )
    if not sheets:
        raise ParameterError(f"codes: no filled sheet (.csv or .xlsx) among {[str(p) for p in paths]}; add them")
    if len(samples) > 1:
        raise ParameterError(f"codes: several sample files {[str(p) for p in samples]}; give the one of these sheets")
    if not samples:
        folders = sorted({p.parent for p in sheets})
        samples = sorted({q for folder in folders for q in folder.glob("sample_*.json")})
        if not samples:
            raise MissingInputError(
                f"codes: no sample file beside {str(sheets[0])!r}; add the sample_TASK.json that "
                "'newslab validate sample' wrote to the codes"
            )
        if len(samples) > 1:
            raise ParameterError(
                f"codes: several sample files beside the sheets ({[str(p) for p in samples]}); add the right one"
            )
    return CodeFiles(samples[0], sheets)


def check_codes(files: Sequence[str | os.PathLike[str]]) -> pd.DataFrame:
    """Read the coding sample and every filled sheet once, raising on the first problem.

    Returns:
        The codes (``item_id, coder, code, file, row``), as :func:`newslab.coding.read_codes`.

    Raises:
        NewslabError: Naming the file (and row) and the fix: a missing file, a sheet of another
            sample, an unknown code, a missing or duplicate item id.
    """
    found = code_files(files)
    return read_codes(found.sheets, load_sample(found.sample))


@dataclasses.dataclass(frozen=True)
class ValiditySection:
    """What the report's validity section shows (every table also goes to ``tables/``).

    Attributes:
        sample: The coding sample.
        files: The sample file and the sheets read.
        agreement: Krippendorff's alpha per level with CI and flag (empty with one coder).
        scores: :class:`~newslab.validity.ToolScores` (summary, per class, confusion, differential).
        shares: Target tone only: per group, target and label, the raw estimate from
            ``Analysis.estimates`` (``raw, raw_low, raw_high``) beside the corrected share
            (``corrected, corrected_low, corrected_high``), with ``n_articles`` and the coded items
            of that group and target behind the correction (``n_validation``). Empty for other tasks.
        changes: Per target and label with 2+ groups: the conclusion raw and corrected, and
            whether it changed (:func:`conclusion_changes`).
        conclusion: The changes in words.
        warnings: Low agreement, differential error, small groups, groups without coded items.
        methods: The methods paragraph.
        coders: The coders' names (from the sheets).
    """

    sample: CodingSample
    files: CodeFiles
    agreement: pd.DataFrame
    scores: Any
    shares: pd.DataFrame
    changes: pd.DataFrame
    conclusion: str
    warnings: tuple[str, ...]
    methods: str
    coders: tuple[str, ...]


def _groups_of(analysis: Any, by: str) -> pd.Series:
    """Article id -> group, named as :func:`newslab.coding.draw_sample` names the sample's groups."""
    articles = analysis.articles
    if by not in articles.columns:
        raise CodingError(
            f"the codes' sample is stratified by {by!r}, which this report's articles lack; "
            "report on the articles the sample was drawn from"
        )
    return articles.set_index("article_id")[by].astype("string").fillna("(none)").replace("", "(none)").astype(str)


def _estimate_group_names(analysis: Any, by: str, group_of: pd.Series) -> dict[str, str]:
    """Group name in ``Analysis.estimates`` -> the sample's name of that group.

    The two can differ: estimates strip spaces and call an empty value ``(missing)``, a coding
    sample keeps the value and calls an empty one ``(none)``.
    """
    from newslab.group_counts import group_keys

    keys = group_keys(analysis.articles, by)["group"].astype(str)
    pairs = pd.DataFrame({"estimate": keys, "sample": group_of.reindex(keys.index).astype(str)}).drop_duplicates()
    if pairs["estimate"].duplicated().any():
        name = pairs.loc[pairs["estimate"].duplicated(), "estimate"].iloc[0]
        raise CodingError(
            f"articles column {by!r}: values that differ only in spaces or emptiness form one group {name!r} in the "
            "estimates but several in the coding sample; clean the column and draw the sample again"
        )
    return dict(zip(pairs["estimate"], pairs["sample"], strict=True))


def _check_articles(sample: CodingSample, analysis: Any, files: CodeFiles) -> None:
    unknown = sorted(set(sample.items["article_id"].astype(str)) - set(analysis.articles["article_id"].astype(str)))
    if unknown:
        raise CodingError(
            f"{files.sample}: the coded items come from article(s) this report does not hold, e.g. {unknown[:3]}; "
            "report on the articles the sample was drawn from"
        )


def shares_table(analysis: Any, validation: pd.DataFrame, *, by: str, n_boot: int = REPORT_BOOT,
                 seed: int = 0) -> tuple[pd.DataFrame, list[str]]:  # fmt: skip
    """Raw target-tone shares (``Analysis.estimates``) beside the corrected ones, per group, target and label.

    The misclassification matrix of a group and target comes from the coded items of that group
    about that target (newslab's errors differ between targets as between outlets); a group and
    target without coded items is not corrected (a note says so).

    Args:
        analysis: The report's :class:`~newslab.Analysis`.
        validation: Scored items (``score_tool(...).items``: ``article_id, group, tool_label, gold, weight``
            and the target in ``target`` or, as in a coding sample, ``about``).
        by: The articles column of the groups (the sample's ``by``).
        n_boot: Bootstrap rounds for both intervals (at least :data:`ESTIMATES_MIN_BOOT` for the raw one).
        seed: Random seed.

    Returns:
        (table, notes): the table as in :attr:`ValiditySection.shares`, and plain-language notes.

    Example:
        >>> import newslab as nl
        >>> a = nl.analyze(nl.load_seed_corpus())
        >>> source = a.articles.set_index("article_id")["source"]
        >>> val = a.target_tone.assign(tool_label=a.target_tone["label"], gold=a.target_tone["label"],
        ...                            group=a.target_tone["article_id"].map(source))  # target: its column
        >>> table, notes = shares_table(a, val, by="source", n_boot=0)
        >>> bool((table["raw"] - table["corrected"]).abs().max() < 1e-12)  # a perfect tool needs no correction
        True
    """
    from newslab.validity import corrected_shares, shares_from_counts

    group_of = _groups_of(analysis, by)
    tone = analysis.target_tone
    labels = list(SHARE_MEASURES)
    estimates = analysis.estimates(by, measures=list(SHARE_MEASURES.values()), n_boot=max(n_boot, ESTIMATES_MIN_BOOT),
                                   seed=seed)  # fmt: skip
    about = validation["target"] if "target" in validation.columns else validation.get("about")
    if about is None:
        raise CodingError("the coded items name no target (column target or about); score target-tone codes")
    validation = validation.assign(group=validation["group"].astype(str), _target=about.astype(str))
    notes, rows, uncoded = [], [], []
    group_map = {str(k): str(v) for k, v in group_of.items()}
    for target in sorted(set(tone["target"].astype(str))):
        vpart = validation[validation["_target"] == target]
        counts = shares_from_counts(tone[tone["target"].astype(str) == target], group_of=group_map)
        coded = set(vpart["group"])
        uncoded += [f"{g} ({target})" for g in sorted(set(counts["group"]) - coded)]
        counts = counts[counts["group"].isin(coded)]
        if counts.empty:
            continue
        fixed = corrected_shares(counts, vpart, labels=labels, n_boot=n_boot, seed=seed)
        coded_articles = vpart.groupby("group")["article_id"].nunique()
        rows.append(fixed.assign(target=target, _coded_articles=fixed["group"].astype(str).map(coded_articles)))
    if uncoded:
        notes.append(f"not corrected (no coded items of the group about the target): {', '.join(uncoded)}")
    few = [f"{r.group} ({r.target}, {r.n_validation})" for r in pd.concat(rows).drop_duplicates(["group", "target"])
           .itertuples(index=False) if r.n_validation < FEW_CODED] if rows else []  # fmt: skip
    if few:
        notes.append(f"corrected from fewer than {FEW_CODED} coded items, so very uncertain: {', '.join(few)}")
    columns = ["group", "target", "label", "raw", "raw_low", "raw_high", "corrected", "corrected_low",
               "corrected_high", "n_articles", "n_validation"]  # fmt: skip
    if not rows:
        return pd.DataFrame(columns=columns), notes
    fixed = pd.concat(rows, ignore_index=True).rename(columns={"raw": "raw_check"})
    est = estimates.assign(label=estimates["measure"].map({m: lab for lab, m in SHARE_MEASURES.items()}))
    est = est[["group", "target", "label", "estimate", "ci_low", "ci_high"]].rename(
        columns={"estimate": "raw", "ci_low": "raw_low", "ci_high": "raw_high"}
    )
    fixed["group"] = fixed["group"].astype(str)
    est["group"] = est["group"].astype(str).map(_estimate_group_names(analysis, by, group_of))
    one = (fixed["n_articles"] < 2) | (fixed["_coded_articles"].fillna(0) < 2)
    if one.any():  # a bootstrap over one article (or one coded article) has no spread: no interval
        fixed.loc[one, ["corrected_low", "corrected_high"]] = np.nan
        notes.append(
            "no interval for corrected shares of groups with one article or one coded article: "
            + ", ".join(sorted(set(fixed.loc[one, "group"])))
        )
    table = fixed.drop(columns=["raw_low", "raw_high"]).merge(est, on=["group", "target", "label"], how="left")
    if not np.allclose(table["raw"], table["raw_check"], equal_nan=True):  # one ratio of sums, two code paths
        raise CodingError("raw shares from Analysis.estimates differ from the counts corrected; please report this")
    return table[columns].sort_values(["target", "label", "group"]).reset_index(drop=True), notes


def _gap(part: pd.DataFrame, kind: str, top: Any, bottom: Any) -> str:
    """'clearly apart', 'intervals overlap' or 'no intervals' for the highest and lowest group."""
    bounds = [float(bottom[f"{kind}_high"]), float(top[f"{kind}_low"])]
    if not all(np.isfinite(bounds)):
        return "no intervals"
    return "clearly apart" if bounds[0] < bounds[1] else "intervals overlap"


def conclusion_changes(shares: pd.DataFrame) -> pd.DataFrame:
    """For each target and label with 2+ groups: the conclusion raw and corrected, and whether it changed.

    The conclusion is which group has the highest and which the lowest share, and whether the two
    are *clearly* apart (their 95% intervals do not overlap; "no intervals" when either has none).
    A change is a different highest or lowest group, or a different verdict on the gap.

    Example:
        >>> s = pd.DataFrame({"group": ["A", "B"], "target": "T", "label": "negative", "raw": [0.2, 0.4],
        ...                   "raw_low": [0.1, 0.3], "raw_high": [0.25, 0.5], "corrected": [0.35, 0.3],
        ...                   "corrected_low": [0.2, 0.2], "corrected_high": [0.5, 0.4]})
        >>> conclusion_changes(s)[["raw_conclusion", "corrected_conclusion", "changed"]].values.tolist()
        [['B highest, A lowest (clearly apart)', 'A highest, B lowest (intervals overlap)', True]]
    """
    rows = []
    for (target, label), part in shares.groupby(["target", "label"], sort=True):
        if part["group"].nunique() < 2:
            continue
        said = {}
        for kind in ("raw", "corrected"):
            ordered = part.sort_values([kind, "group"], ascending=[False, True])
            top, bottom = ordered.iloc[0], ordered.iloc[-1]
            said[kind] = (top["group"], bottom["group"], _gap(part, kind, top, bottom))
        rows.append({
            "target": target, "label": label,
            **{f"{kind}_conclusion": f"{t} highest, {b} lowest ({gap})" for kind, (t, b, gap) in said.items()},
            "changed": said["raw"] != said["corrected"],
        })  # fmt: skip
    return pd.DataFrame(rows, columns=["target", "label", "raw_conclusion", "corrected_conclusion", "changed"])


def conclusion_text(shares: pd.DataFrame, changes: pd.DataFrame) -> str:
    """Whether correcting for misclassification changes a conclusion, in one or two sentences.

    Example:
        >>> conclusion_text(pd.DataFrame(), pd.DataFrame())
        'No corrected shares: no group of this report has coded target-tone items.'
    """
    if shares.empty:
        return "No corrected shares: no group of this report has coded target-tone items."
    outside = shares[(shares["corrected"] < shares["raw_low"]) | (shares["corrected"] > shares["raw_high"])]
    level = (
        f"{len(outside)} of {len(shares)} corrected shares lie outside the raw estimate's interval."
        if shares["raw_low"].notna().any()
        else "The raw estimates have no interval (one article per group), so levels cannot be compared by interval."
    )
    if changes.empty:
        return f"With one group there is no comparison between groups to change. {level}"
    changed = changes[changes["changed"]]
    if changed.empty:
        return (
            f"Correcting does not change which group has the highest or lowest share, nor whether they are clearly "
            f"apart, for any of the {len(changes)} target and label comparisons. {level}"
        )
    which = ", ".join(f"{r.target} {r.label}" for r in changed.itertuples(index=False))
    return (
        f"Correcting changes {len(changed)} of {len(changes)} conclusions between groups ({which}; see the table of "
        f"conclusions). {level}"
    )


def validity_section(
    analysis: Any, files: Sequence[str | os.PathLike[str]], *, n_boot: int = REPORT_BOOT, seed: int = 0
) -> ValiditySection:
    """Everything the report's "Validity on this corpus" section shows, from the coders' filled sheets.

    Args:
        analysis: The report's :class:`~newslab.Analysis` (of the articles the sample was drawn from).
        files: Filled sheets (``.csv``/``.xlsx``), one per coder, and optionally the sample file
            (``.json``; default: the ``sample_*.json`` beside the sheets).
        n_boot: Bootstrap resamples for every CI and permutations of the differential-error test.
        seed: Random seed.

    Returns:
        A :class:`ValiditySection`.

    Raises:
        NewslabError: Naming the file and the fix, for bad sheets (see :func:`check_codes`) or a
            sample of other articles.

    Example:
        >>> import newslab as nl, tempfile
        >>> from newslab.validate import example_codes, fill_from_codes, prepare_coding
        >>> a, out = nl.analyze(nl.load_seed_corpus()), tempfile.mkdtemp()
        >>> made = prepare_coding(a, out, n=30, coders=["dev-A", "dev-B"])
        >>> sheets = fill_from_codes(load_sample(made["sample"]), example_codes(), made["sheets"])
        >>> section = validity_section(a, sheets, n_boot=50)
        >>> section.agreement["level"].tolist(), sorted(set(section.shares["label"]))
        (['nominal', 'ordinal'], ['negative', 'neutral', 'positive'])
    """
    from newslab.agreement import agreement
    from newslab.coding import TASKS
    from newslab.validity import gold_labels, methods_paragraph, score_tool

    found = code_files(files)
    sample = load_sample(found.sample)
    codes = read_codes(found.sheets, sample)
    _check_articles(sample, analysis, found)
    spec = TASKS[sample.task]
    table = pd.DataFrame()
    if codes["coder"].nunique() >= 2:
        order = list(sample.codes) if spec.ordered else None
        table = agreement(codes, order=order, ordinal=spec.ordered, variable=sample.task, n_boot=n_boot, seed=seed)
    scores = score_tool(sample.items, gold_labels(codes), free_text=not sample.codes, n_boot=n_boot, n_perm=n_boot,
                        seed=seed)  # fmt: skip
    warnings = [f"agreement below 0.667 ({r.level} alpha {r.alpha:.2f}): the coders' labels are themselves uncertain"
                for r in table.itertuples(index=False) if r.flag] if not table.empty else []  # fmt: skip
    warnings += list(scores.warnings)
    shares, changes = pd.DataFrame(), pd.DataFrame()
    if sample.task == "target_tone":
        shares, notes = shares_table(analysis, scores.items, by=sample.by, n_boot=n_boot, seed=seed)
        warnings += notes
        changes = conclusion_changes(shares)
        conclusion = conclusion_text(shares, changes)
    else:
        conclusion = f"No corrected shares: the codes are of task {sample.task!r}, corrected shares need target tone."
    coders = tuple(sorted(set(codes["coder"])))
    methods = methods_paragraph(sample, None if table.empty else table, scores, corrected=not shares.empty,
                                coders=coders)  # fmt: skip
    return ValiditySection(sample, found, table, scores, shares, changes, conclusion, tuple(warnings), methods, coders)


def validity_markdown(section: ValiditySection) -> str:
    """The section's text in Markdown: what was coded, the warnings, the conclusion and the methods paragraph.

    Example:
        >>> from IPython.display import Markdown
        >>> Markdown(validity_markdown(validity_section(analysis, ["coding/ana.csv"])))  # doctest: +SKIP
    """
    from newslab.render import escape_markdown

    s = section.sample
    lines = [
        escape_markdown(
            f"{len(s.items)} items of task {s.task} (sample {s.sample_id}, seed {s.seed}, stratified by {s.by}), "
            f"coded by {len(section.coders)} coder{'s' if len(section.coders) != 1 else ''} "
            f"({', '.join(section.coders)}); read from {', '.join(p.name for p in section.files.sheets)}."
        )
    ]
    if section.warnings:
        lines.append("\n".join(f"- **Warning:** {escape_markdown(w)}" for w in section.warnings))
    lines.append(f"**Corrected estimates.** {escape_markdown(section.conclusion)}")
    lines.append(f"**Methods paragraph** (to paste):\n\n> {escape_markdown(section.methods)}")
    return "\n\n".join(lines)


#: CSV files the report writes for the section (in ``tables/``), by attribute.
SECTION_TABLES = {
    "agreement": "validity_agreement.csv",
    "summary": "validity_scores.csv",
    "per_class": "validity_scores_per_class.csv",
    "confusion": "validity_confusion.csv",
    "differential": "validity_differential_error.csv",
    "shares": "validity_corrected_shares.csv",
    "changes": "validity_conclusions.csv",
}


def section_tables(section: ValiditySection) -> dict[str, pd.DataFrame]:
    """The section's tables by :data:`SECTION_TABLES` key (the numbers the report shows and writes).

    Example:
        >>> sorted(SECTION_TABLES)[:3]
        ['agreement', 'changes', 'confusion']
    """
    return {
        "agreement": section.agreement,
        "summary": section.scores.summary,
        "per_class": section.scores.per_class,
        "confusion": section.scores.confusion,
        "differential": section.scores.differential,
        "shares": section.shares,
        "changes": section.changes,
    }


def _interval(low: pd.Series, high: pd.Series, digits: int) -> list[str]:
    return [
        f"{lo:.{digits}f} to {hi:.{digits}f}" if np.isfinite(lo) and np.isfinite(hi) else "n/a (see warnings)"
        for lo, hi in zip(low.astype(float), high.astype(float), strict=True)
    ]


def shares_view(shares: pd.DataFrame) -> pd.DataFrame:
    """The raw and corrected shares as shown: one row per target, label and group, each value with its 95% CI.

    Example:
        >>> s = pd.DataFrame({"group": ["A"], "target": "T", "label": "negative", "raw": [0.2], "raw_low": [0.1],
        ...                   "raw_high": [0.3], "corrected": [0.25], "corrected_low": [float("nan")],
        ...                   "corrected_high": [float("nan")], "n_articles": [4], "n_validation": [20]})
        >>> shares_view(s)[["raw 95% CI", "corrected 95% CI"]].iloc[0].tolist()
        ['0.10 to 0.30', 'n/a (see warnings)']
    """
    return pd.DataFrame({
        "target": shares["target"], "label": shares["label"], "group": shares["group"],
        "raw share": shares["raw"], "raw 95% CI": _interval(shares["raw_low"], shares["raw_high"], 2),
        "corrected share": shares["corrected"],
        "corrected 95% CI": _interval(shares["corrected_low"], shares["corrected_high"], 2),
        "articles": shares["n_articles"], "coded items": shares["n_validation"],
    })  # fmt: skip


def section_outputs(section: ValiditySection, folder: str | os.PathLike[str]) -> list[Any]:
    """What the report cell displays, in order; the section's tables are written to ``folder`` as CSV.

    Args:
        section: From :func:`validity_section`.
        folder: The report's ``tables/`` folder (files named as in :data:`SECTION_TABLES`,
            plus ``validity_methods.txt``).

    Returns:
        IPython display objects: the heading and text (Markdown) and escaped HTML tables.

    Example:
        >>> from IPython.display import display
        >>> for shown in section_outputs(validity_section(analysis, codes), "tables"):  # doctest: +SKIP
        ...     display(shown)
    """
    from IPython.display import HTML, Markdown

    from newslab.render import escape_markdown, html_table, write_csv

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    tables = section_tables(section)
    for key, frame in tables.items():
        write_csv(frame, out / SECTION_TABLES[key])
    (out / "validity_methods.txt").write_text(section.methods + "\n", encoding="utf-8")
    shown: list[Any] = [
        Markdown('<a id="validity"></a>\n\n## Validity on this corpus\n\n' + validity_markdown(section))
    ]
    parts = [
        ("Intercoder agreement (Krippendorff's alpha, bootstrap 95% CI; flagged below 0.667)", tables["agreement"]),
        ("newslab against the coders' majority label, overall and per group (95% CIs resample articles)",
         tables["summary"]),
        ("Per class and group: precision, recall and F1 with 95% CIs", tables["per_class"]),
        ("Differential error: newslab's error rate per group and the permutation test", tables["differential"]),
    ]  # fmt: skip
    if not section.shares.empty:
        parts += [
            ("Tone shares per group: raw estimates (Analysis.estimates) beside the shares corrected for "
             "misclassification", shares_view(section.shares)),
            ("Conclusions between groups, raw and corrected", section.changes),
        ]  # fmt: skip
    for caption, frame in parts:
        if frame.empty:
            continue
        shown.append(Markdown(f"**{escape_markdown(caption)}**"))
        shown.append(HTML(html_table(frame, precision=3).to_html()))
    return shown


__all__ = [
    "REPORT_BOOT",
    "SECTION_TABLES",
    "SHARE_MEASURES",
    "CodeFiles",
    "ValiditySection",
    "check_codes",
    "code_files",
    "conclusion_changes",
    "conclusion_text",
    "section_outputs",
    "section_tables",
    "shares_table",
    "shares_view",
    "validity_markdown",
    "validity_section",
]
