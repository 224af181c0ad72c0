"""The validation loop in two steps, for the ``newslab validate`` command and notebook 07.

1. :func:`prepare_coding`: draw a sample from an analysis, save it, and write one set of sheets
   per coder.
2. :func:`score_codes`: read the filled sheets back, compute agreement, score newslab against the
   coders (overall and per group), and write the tables and a methods paragraph.

The example codes shipped with newslab (:func:`example_codes`) are hand-written codes of the
bundled articles' target tone, by the developers, for the walkthrough: they show the mechanics
and are *not* an evaluation of newslab.

Example:
    >>> import newslab as nl, tempfile
    >>> a = nl.analyze(nl.load_seed_corpus())
    >>> out = prepare_coding(a, tempfile.mkdtemp(), task="target_tone", n=10, coders=["ana", "ben"])
    >>> sorted(out)[:2], len(out["sheets"])
    (['sample', 'sheets'], 2)
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from newslab.agreement import agreement
from newslab.coding import TASKS, CodingSample, draw_sample, load_sample, read_codes
from newslab.coding_sheets import write_sheets
from newslab.errors import CodingError
from newslab.lexicons import data_path
from newslab.validity import ToolScores, gold_labels, methods_paragraph, score_tool

EXAMPLE_CODES = "example_codes_target_tone.tsv"


def prepare_coding(
    analysis: Any,
    output_dir: str | os.PathLike[str],
    *,
    task: str = "target_tone",
    n: int = 200,
    by: str = "source",
    seed: int = 0,
    coders: Sequence[str] = ("coder1", "coder2"),
    blind: bool = True,
) -> dict[str, Any]:
    """Draw a sample, save it as ``sample_<task>.json`` and write XLSX/CSV/HTML sheets for each coder.

    Returns:
        ``{"sample": path of the saved sample, "sheets": {coder: {format: path}}}``.
    """
    sample = draw_sample(analysis, task, n=n, by=by, seed=seed)
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    saved = sample.save(out / f"sample_{task}.json")
    sheets = {coder: write_sheets(sample, out, coder=coder, blind=blind) for coder in coders}
    return {"sample": saved, "sheets": sheets}


@dataclasses.dataclass(frozen=True)
class ValidationResult:
    """Everything :func:`score_codes` computed (tables are plain DataFrames).

    Attributes:
        sample: The coding sample.
        codes: The codes read back (``item_id, coder, code, file, row``).
        agreement: Krippendorff's alpha per level (empty with one coder).
        scores: newslab against the coders' majority label.
        methods: The methods paragraph.
    """

    sample: CodingSample
    codes: pd.DataFrame
    agreement: pd.DataFrame
    scores: ToolScores
    methods: str


def score_codes(
    sample: CodingSample | str | os.PathLike[str],
    sheets: Sequence[str | os.PathLike[str]],
    *,
    output_dir: str | os.PathLike[str] | None = None,
    n_boot: int = 1000,
    seed: int = 0,
    allow_blank: bool = False,
    blind: bool = True,
) -> ValidationResult:
    """Read filled sheets, compute agreement and tool-versus-coder scores, and write them if asked.

    Args:
        sample: The sample (or its saved file).
        sheets: Filled sheets, one per coder.
        output_dir: Write ``agreement.csv``, ``scores_summary.csv``, ``scores_per_class.csv``,
            ``confusion.csv``, ``differential_error.csv`` and ``methods.txt`` here.
        n_boot: Bootstrap resamples for every CI (also the permutations of the differential test).
        seed: Random seed.
        allow_blank: Skip uncoded rows.
        blind: The coders did not see newslab's labels (as in the methods paragraph).
    """
    if not isinstance(sample, CodingSample):
        sample = load_sample(sample)
    codes = read_codes(sheets, sample, allow_blank=allow_blank)
    spec = TASKS[sample.task]
    table = pd.DataFrame()
    if codes["coder"].nunique() >= 2:
        order = list(sample.codes) if spec.ordered else None
        table = agreement(codes, order=order, ordinal=spec.ordered, variable=sample.task, n_boot=n_boot, seed=seed)
    free_text = not sample.codes
    scores = score_tool(sample.items, gold_labels(codes), free_text=free_text, n_boot=n_boot, n_perm=n_boot, seed=seed)
    text = methods_paragraph(
        sample, None if table.empty else table, scores, coders=sorted(set(codes["coder"])), blind=blind
    )
    if output_dir is not None:
        out = Path(output_dir)
        out.mkdir(parents=True, exist_ok=True)
        table.to_csv(out / "agreement.csv", index=False)
        scores.summary.to_csv(out / "scores_summary.csv", index=False)
        scores.per_class.to_csv(out / "scores_per_class.csv", index=False)
        scores.confusion.to_csv(out / "confusion.csv", index=False)
        scores.differential.to_csv(out / "differential_error.csv", index=False)
        (out / "methods.txt").write_text(text + "\n", encoding="utf-8")
    return ValidationResult(sample, codes, table, scores, text)


def example_codes() -> pd.DataFrame:
    """Hand-written example codes of the bundled articles' target tone (two developer codings).

    Columns ``article_id, start, end, target, coder, code`` (article character offsets). Written for
    the walkthrough notebook, to show the loop; they are not an evaluation of newslab.
    """
    from newslab.lexicons import read_tsv

    rows = read_tsv(data_path(EXAMPLE_CODES).read_text(encoding="utf-8"))
    frame = pd.DataFrame(rows)
    return frame.astype({"start": int, "end": int})


def fill_from_codes(sample: CodingSample, codes: pd.DataFrame, sheets: dict[str, dict[str, Path]]) -> list[Path]:
    """Write codes given by article span (as :func:`example_codes`) into each coder's CSV sheet.

    Returns the CSV paths filled. Items without a code of that coder stay blank.

    Raises:
        CodingError: If a coder of ``sheets`` has no codes.
    """
    items = sample.items
    offsets = {
        i: (a, int(s), int(e))
        for i, a, s, e in zip(items.item_id, items.article_id, items.span_start, items.span_end, strict=True)
    }
    filled = []
    for coder, paths in sheets.items():
        mine = codes[codes["coder"] == coder]
        if mine.empty:
            raise CodingError(f"no example codes of coder {coder!r}; coders with codes: {sorted(set(codes['coder']))}")
        key = {(r.article_id, int(r.start), int(r.end)): r.code for r in mine.itertuples(index=False)}
        sheet = pd.read_csv(paths["csv"], dtype=str, keep_default_na=False)
        sheet["code"] = [key.get(offsets[i], "") for i in sheet["item_id"]]
        sheet.to_csv(paths["csv"], index=False)
        filled.append(paths["csv"])
    return filled


__all__ = ["ValidationResult", "example_codes", "fill_from_codes", "prepare_coding", "score_codes"]
