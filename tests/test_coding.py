"""Coding samples and sheets: stratified draw, XLSX/CSV/HTML, read-back errors, and the full round trip."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

import newslab as nl
from newslab.agreement import agreement
from newslab.coding import TASKS, draw_sample, load_sample, read_codes
from newslab.coding_sheets import write_sheets
from newslab.errors import CodingError, ParameterError
from newslab.validity import gold_labels, methods_paragraph, score_tool


@pytest.fixture(scope="module")
def analysis() -> nl.Analysis:
    return nl.analyze(nl.load_seed_corpus())


@pytest.mark.parametrize("task", sorted(TASKS))
def test_sample_is_seeded_stratified_and_weighted(analysis: nl.Analysis, task: str) -> None:
    a = draw_sample(analysis, task, n=12, seed=3)
    b = draw_sample(analysis, task, n=12, seed=3)
    assert a.items["item_id"].tolist() == b.items["item_id"].tolist() and a.sample_id == b.sample_id
    assert a.items["item_id"].is_unique and len(a.items) == 12
    assert ((a.items["inclusion_prob"] > 0) & (a.items["inclusion_prob"] <= 1)).all()
    # weights add up to each sampled stratum's size: the sample stands for the corpus
    sums = a.items.groupby("stratum")["weight"].sum()
    assert all(sums[s] == pytest.approx(a.population[s]) for s in sums.index)
    assert draw_sample(analysis, task, n=12, seed=4).sample_id != a.sample_id


def test_item_ids_are_stable_across_samples(analysis: nl.Analysis) -> None:
    small = draw_sample(analysis, "target_tone", n=5, seed=1).items.set_index("item_id")
    every = draw_sample(analysis, "target_tone", n=10_000, seed=9).items.set_index("item_id")
    assert set(small.index) <= set(every.index)
    assert (every.loc[small.index, "text"] == small["text"]).all()


def test_html_is_escaped_blind_and_highlights(analysis: nl.Analysis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sample = draw_sample(analysis, "quote_speaker", n=4)
    page = write_sheets(sample, tmp_path, formats=("html",))["html"].read_text(encoding="utf-8")
    assert "<mark>" in page and "<script" not in page and "Codebook" in page
    assert "newslab:" not in page
    seen = write_sheets(sample, tmp_path / "open", blind=False, formats=("html", "csv"))
    assert "newslab:" in seen["html"].read_text(encoding="utf-8")
    assert "newslab" in pd.read_csv(seen["csv"]).columns


def test_xlsx_has_a_drop_down_of_the_codes(analysis: nl.Analysis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sample = draw_sample(analysis, "target_tone", n=6)
    wb = load_workbook(write_sheets(sample, tmp_path, formats=("xlsx",))["xlsx"])
    validations = wb["items"].data_validations.dataValidation
    assert len(validations) == 1 and validations[0].type == "list"
    assert [r[0].value for r in wb["codes"].iter_rows()] == ["negative", "neutral", "positive"]
    assert "newslab" not in [c.value for c in wb["items"][1]]  # blind by default


def _fill(path, codes):  # type: ignore[no-untyped-def]
    wb = load_workbook(path)
    ws = wb["items"]
    header = [c.value for c in ws[1]]
    col_code, col_id = header.index("code") + 1, header.index("item_id") + 1
    for r in range(2, ws.max_row + 1):
        ws.cell(row=r, column=col_code).value = codes(ws.cell(row=r, column=col_id).value)
    wb.save(path)


def test_round_trip_sample_xlsx_codes_scores(analysis: nl.Analysis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sample = draw_sample(analysis, "target_tone", n=30, seed=2)
    sample_file = sample.save(tmp_path / "sample.json")
    truth = dict(zip(sample.items["item_id"], sample.items["tool_label"], strict=True))
    flip = {"negative": "neutral", "neutral": "positive", "positive": "negative"}
    wrong = set(sample.items["item_id"][:6])  # coder 1 disagrees with newslab on 6 items
    sheets = []
    for coder, rule in (("ana", lambda i: flip[truth[i]] if i in wrong else truth[i].upper()),
                        ("ben", lambda i: flip[truth[i]] if i in wrong else truth[i])):  # fmt: skip
        path = write_sheets(sample, tmp_path, coder=coder, formats=("xlsx",))["xlsx"]
        _fill(path, rule)
        sheets.append(path)
    codes = read_codes(sheets, sample_file)
    assert len(codes) == 60 and set(codes["coder"]) == {"ana", "ben"}
    alpha = agreement(codes, order=["negative", "neutral", "positive"], ordinal=True, n_boot=50)
    assert alpha["alpha"].tolist() == pytest.approx([1.0, 1.0])  # the two coders agree everywhere
    scores = score_tool(load_sample(sample_file).items, gold_labels(codes), n_boot=50, n_perm=50)
    overall = scores.summary.iloc[0]
    assert overall["n_items"] == 30 and overall["accuracy"] < 1.0
    w = sample.items.set_index("item_id")["weight"]
    assert overall["accuracy"] == pytest.approx(1 - w[list(wrong)].sum() / w.sum())  # weighted by 1 / inclusion prob
    cm = scores.confusion[scores.confusion["group"] == "all"]
    assert cm["weighted_count"].sum() == pytest.approx(scores.items["weight"].sum())
    text = methods_paragraph(sample, alpha, scores)
    assert "Krippendorff's alpha (nominal) = 1.00" in text and "30 items" in text


def _csv_sheet(sample, tmp_path, edit):  # type: ignore[no-untyped-def]
    path = write_sheets(sample, tmp_path, coder="c", formats=("csv",))["csv"]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["code"] = "neutral"
    edit(frame).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    "edit,message",
    [
        (lambda f: f.assign(code=["great", *f["code"][1:]]), r"row 2: unknown code 'great'"),
        (lambda f: f.assign(item_id=["xx-1", *f["item_id"][1:]]), r"row 2: unknown item id 'xx-1'"),
        (lambda f: pd.concat([f, f.iloc[:1]]), r"row 7: item .* again \(first at row 2\)"),
        (lambda f: f.iloc[1:], r"1 item\(s\) of the sample are missing"),
        (lambda f: f.assign(sample_id="0123abcd"), r"row 2: sheet of sample '0123abcd'"),
        (lambda f: f.assign(code=["", *f["code"][1:]]), r"row 2: item .* has no code"),
        (lambda f: f.drop(columns=["sample_id"]), r"no column\(s\) \['sample_id'\]"),
    ],
)
def test_read_back_errors_name_file_and_row(  # type: ignore[no-untyped-def]
    analysis: nl.Analysis, tmp_path, edit, message: str
) -> None:
    sample = draw_sample(analysis, "target_tone", n=5, seed=1)
    path = _csv_sheet(sample, tmp_path, edit)
    with pytest.raises(CodingError, match=message) as err:
        read_codes(path, sample)
    assert str(path) in str(err.value)


def test_blank_rows_may_be_skipped(analysis: nl.Analysis, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sample = draw_sample(analysis, "target_tone", n=5, seed=1)
    path = _csv_sheet(sample, tmp_path, lambda f: f.assign(code=["", *f["code"][1:]]))
    assert len(read_codes(path, sample, allow_blank=True)) == 4


@pytest.mark.parametrize(
    "kwargs,error",
    [
        ({"task": "tone"}, ParameterError),
        ({"task": "frame", "n": 0}, ParameterError),
        ({"task": "frame", "by": "outlet"}, ParameterError),
    ],
)
def test_bad_sample_arguments(analysis: nl.Analysis, kwargs: dict, error: type) -> None:  # type: ignore[type-arg]
    with pytest.raises(error):
        draw_sample(analysis, **kwargs)


def test_sample_needs_the_sentences_table() -> None:
    partial = nl.analyze(nl.load_seed_corpus(), tables=["mentions", "target_tone"])
    with pytest.raises(CodingError, match="sentences"):
        draw_sample(partial, "target_tone")
