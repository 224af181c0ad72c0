"""Coding sheets for a :class:`~newslab.coding.CodingSample`: XLSX with drop-down codes, CSV, and a static HTML page.

Each item is shown in its sentence with the target or quote marked, under a short codebook;
newslab's own answer is hidden unless ``blind=False``.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from newslab.coding import TASKS, CodingSample
from newslab.errors import ParameterError


def _marked(text: str, start: int, end: int, left: str = "\u27e6", right: str = "\u27e7") -> str:
    return text[:start] + left + text[start:end] + right + text[end:]


def _sheet_rows(sample: CodingSample, coder: str, blind: bool) -> pd.DataFrame:
    items = sample.items
    rows = pd.DataFrame(
        {
            "item_id": items["item_id"],
            "sample_id": sample.sample_id,
            "article_id": items["article_id"],
            "sentence_id": items["sentence_id"],
            "group": items["group"],
            "about": items["about"],
            "text": [_marked(t, int(s), int(e)) for t, s, e in zip(items.text, items.start, items.end, strict=True)],
            "code": "",
            "coder": coder,
            "note": "",
        }
    )
    if not blind:
        rows["newslab"] = items["tool_label"].to_numpy()
    return rows


def codebook_lines(sample: CodingSample) -> list[str]:
    """The short codebook: the question, each code with its definition, and the rules."""
    spec = TASKS[sample.task]
    lines = [spec.question]
    lines += [f"{code}: {definition}" for code, definition in sample.codes.items()] or [
        "free text: write the name as the article gives it; 'none' if there is none"
    ]
    lines.append("The highlighted words (between \u27e6 and \u27e7 in the spreadsheet) are the item. Code from the "
                 "sentence alone, one code per row, in the 'code' column; use 'note' for doubts.")  # fmt: skip
    return lines


def write_sheets(
    sample: CodingSample,
    folder: str | os.PathLike[str],
    *,
    coder: str = "",
    blind: bool = True,
    formats: Sequence[str] = ("xlsx", "csv", "html"),
) -> dict[str, Path]:
    """Write the coding sheets of a sample: XLSX (drop-down codes), CSV and a static HTML page.

    Args:
        sample: From :func:`draw_sample`.
        folder: Output folder (created if needed).
        coder: Coder name pre-filled in the sheets (also part of the file names).
        blind: Hide newslab's answer from the coders (default). ``False`` adds a ``newslab`` column.
        formats: Any of ``"xlsx"``, ``"csv"``, ``"html"``.

    Returns:
        Format -> path written.

    Example:
        >>> import newslab as nl, tempfile
        >>> a = nl.analyze(nl.load_seed_corpus(), tables=["sentences", "mentions", "target_tone"])
        >>> paths = write_sheets(nl.draw_sample(a, "target_tone", n=6), tempfile.mkdtemp(), coder="ana")
        >>> sorted(paths)
        ['csv', 'html', 'xlsx']
    """
    bad = sorted(set(formats) - {"xlsx", "csv", "html"})
    if bad:
        raise ParameterError(f"formats={list(formats)!r}; valid: 'xlsx', 'csv', 'html'")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"coding_{sample.task}_{sample.sample_id}" + (f"_{_safe(coder)}" if coder else "")
    rows = _sheet_rows(sample, coder, blind)
    written: dict[str, Path] = {}
    if "csv" in formats:
        written["csv"] = out / f"{stem}.csv"
        rows.to_csv(written["csv"], index=False, encoding="utf-8")
    if "xlsx" in formats:
        written["xlsx"] = _write_xlsx(sample, rows, out / f"{stem}.xlsx")
    if "html" in formats:
        written["html"] = out / f"{stem}.html"
        written["html"].write_text(_html(sample, blind), encoding="utf-8")
    return written


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:40]


def _write_xlsx(sample: CodingSample, rows: pd.DataFrame, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "items"
    ws.append(list(rows.columns))
    for rec in rows.itertuples(index=False):
        ws.append([_cell(v) for v in rec])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = {"item_id": 15, "sample_id": 14, "article_id": 14, "text": 90, "about": 22, "code": 14, "note": 30}
    for k, name in enumerate(rows.columns):
        letter = ws.cell(row=1, column=k + 1).column_letter
        ws.column_dimensions[letter].width = widths.get(name, 11)
        if name == "text":
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    book = wb.create_sheet("codebook")
    for line in codebook_lines(sample):
        book.append([line])
    book.column_dimensions["A"].width = 120
    meta = wb.create_sheet("meta")
    for key, value in (
        ("sample_id", sample.sample_id),
        ("task", sample.task),
        ("seed", sample.seed),
        ("by", sample.by),
    ):
        meta.append([key, str(value)])
    if sample.codes:
        codes = wb.create_sheet("codes")
        for code in sample.codes:
            codes.append([code])
        col = list(rows.columns).index("code") + 1
        letter = ws.cell(row=1, column=col).column_letter
        dv = DataValidation(type="list", formula1=f"=codes!$A$1:$A${len(sample.codes)}", allow_blank=True)
        dv.error = f"Choose one of: {', '.join(sample.codes)}"
        dv.errorTitle = "Unknown code"
        dv.prompt = "Pick a code from the list"
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}{len(rows) + 1}")
    wb.save(path)
    return path


def _cell(value: Any) -> Any:
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    return value


def _html(sample: CodingSample, blind: bool) -> str:
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Coding sheet {esc(sample.task)} {esc(sample.sample_id)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}"
        "mark{background:#ffe066;padding:0 .15em}.item{border-top:1px solid #ccc;padding:.6em 0}"
        ".id{font-family:monospace;color:#555}.codebook{background:#f4f4f4;padding:.5em 1em}</style></head><body>",
        f"<h1>Coding sheet: {esc(sample.task.replace('_', ' '))}</h1>",
        f"<p>Sample <span class='id'>{esc(sample.sample_id)}</span>, {len(sample.items)} items. "
        "Enter codes in the XLSX or CSV sheet of the same sample; this page shows each item in context.</p>",
        "<div class='codebook'><h2>Codebook</h2><ul>",
    ]
    parts += [f"<li>{esc(line)}</li>" for line in codebook_lines(sample)]
    parts.append("</ul></div>")
    for rec in sample.items.itertuples(index=False):
        text, start, end = str(rec.text), int(rec.start), int(rec.end)  # type: ignore[arg-type]
        shown = esc(text[:start]) + "<mark>" + esc(text[start:end]) + "</mark>" + esc(text[end:])
        about = f" &middot; {esc(str(rec.about))}" if rec.about else ""
        tool = "" if blind else f"<br><small>newslab: {esc(str(rec.tool_label))}</small>"
        parts.append(
            f"<div class='item'><span class='id'>{esc(str(rec.item_id))}</span> &middot; "
            f"{esc(str(rec.article_id))}{about}<p>{shown}</p>{tool}</div>"
        )
    parts.append("</body></html>")
    return "\n".join(parts)


__all__ = ["codebook_lines", "write_sheets"]
