"""The report's "Validity on this corpus" section: code files, corrected shares beside raw, conclusions, the run."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import newslab as nl
from newslab.cli import main
from newslab.coding import load_sample
from newslab.errors import CodingError, MissingInputError, ParameterError
from newslab.report import run_report
from newslab.validate import example_codes, fill_from_codes, prepare_coding
from newslab.validity_report import (
    SECTION_TABLES,
    SHARE_MEASURES,
    check_codes,
    code_files,
    conclusion_changes,
    conclusion_text,
    section_outputs,
    section_tables,
    shares_table,
    validity_section,
)


@pytest.fixture(scope="module")
def analysis() -> nl.Analysis:
    return nl.analyze(nl.load_seed_corpus())


@pytest.fixture(scope="module")
def coded(analysis: nl.Analysis, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The sample file and two coders' CSV sheets, filled with the shipped example codes."""
    folder = tmp_path_factory.mktemp("coding")
    made = prepare_coding(analysis, folder, n=30, coders=["dev-A", "dev-B"], seed=3)
    sheets = fill_from_codes(load_sample(made["sample"]), example_codes(), made["sheets"])
    return [made["sample"], *sheets]


# --- which files are the codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "files,error,message",
    [
        ([], ParameterError, "codes is empty"),
        (["c/a.csv", "c/notes.docx"], ParameterError, "'c/notes.docx' is neither a coding sheet"),
        (["c/sample_target_tone.json"], ParameterError, "no filled sheet"),
        (["c/a.html", "c/sample_target_tone.json"], ParameterError, "no filled sheet"),
        (["c/a.csv", "s1.json", "s2.json"], ParameterError, "several sample files"),
        (["nowhere/a.csv"], MissingInputError, "no sample file beside 'nowhere/a.csv'"),
    ],
)
def test_code_files_refuses_with_the_file_and_the_fix(files, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(")):
        code_files(files)


def test_code_files_finds_the_sample_beside_the_sheets(coded):
    sample, *sheets = coded
    assert code_files(sheets) == (sample, tuple(sheets))
    assert code_files([*sheets, sample]).sample == sample
    assert code_files([*sheets, sample.with_suffix(".html")]).sheets == tuple(sheets), "HTML sheets are skipped"


def test_code_files_refuses_two_samples_beside_the_sheets(coded, tmp_path):
    for name in ("sample_a.json", "sample_b.json"):
        (tmp_path / name).write_text("{}")
    (tmp_path / "x.csv").write_text("item_id\n")
    with pytest.raises(ParameterError, match="several sample files beside the sheets"):
        code_files([tmp_path / "x.csv"])


@pytest.mark.parametrize(
    "edit,message",
    [
        (lambda f: f.assign(code="bad"), "row 2: unknown code 'bad'"),
        (lambda f: f.assign(sample_id="other"), "sheet of sample 'other'"),
        (lambda f: f.iloc[1:], "item(s) of the sample are missing"),
    ],
)
def test_check_codes_names_the_sheet_of_a_bad_code(coded, tmp_path, edit, message):
    sample, first, second = coded
    bad = tmp_path / first.name
    edit(pd.read_csv(first, dtype=str, keep_default_na=False)).to_csv(bad, index=False)
    with pytest.raises(CodingError, match=str(bad).replace("(", r"\(")) as info:
        check_codes([sample, bad, second])
    assert message in str(info.value)


def test_check_codes_returns_both_coders(coded):
    assert set(check_codes(coded)["coder"]) == {"dev-A", "dev-B"}


# --- raw beside corrected -----------------------------------------------------------------------


def _perfect(analysis: nl.Analysis, relabel: dict[str, str] | None = None) -> pd.DataFrame:
    tone = analysis.target_tone
    source = analysis.articles.set_index("article_id")["source"]
    gold = tone["label"].replace(relabel or {})
    return tone.assign(tool_label=tone["label"], gold=gold, group=tone["article_id"].map(source))


@pytest.mark.parametrize(
    "relabel,corrected_equals_raw",
    [
        (None, True),  # coders agree with newslab everywhere: nothing to correct
        ({"positive": "neutral"}, False),  # newslab's positives are neutral to the coders
    ],
)
def test_shares_table_puts_estimates_beside_corrected(analysis, relabel, corrected_equals_raw):
    table, notes = shares_table(analysis, _perfect(analysis, relabel), by="source", n_boot=100)
    est = analysis.estimates("source", measures=list(SHARE_MEASURES.values()), n_boot=100)
    for row in table.itertuples(index=False):
        (expected,) = est[(est.group == row.group) & (est.target == row.target)
                          & (est.measure == SHARE_MEASURES[row.label])]["estimate"]  # fmt: skip
        assert row.raw == pytest.approx(expected)
    assert np.allclose(table["raw"], table["corrected"]) is corrected_equals_raw
    if relabel:
        assert table.loc[table["label"] == "positive", "corrected"].max() == pytest.approx(0.0)
    assert any("one article" in n for n in notes), "one article per group: no interval, said plainly"
    assert table[["corrected_low", "corrected_high"]].isna().all().all()


def test_groups_without_coded_items_are_not_corrected(analysis):
    val = _perfect(analysis)
    val = val[val["article_id"] == "es-daily"]
    table, notes = shares_table(analysis, val, by="source", n_boot=100)
    assert table["group"].nunique() == 1
    assert any(n.startswith("not corrected (no coded items of the group about the target): German") for n in notes)


def _shares(raw, raw_ci, corrected, corrected_ci):
    return pd.DataFrame({
        "group": ["A", "B"], "target": "T", "label": "negative", "raw": raw, "raw_low": [c[0] for c in raw_ci],
        "raw_high": [c[1] for c in raw_ci], "corrected": corrected, "corrected_low": [c[0] for c in corrected_ci],
        "corrected_high": [c[1] for c in corrected_ci],
    })  # fmt: skip


NAN = (float("nan"), float("nan"))


@pytest.mark.parametrize(
    "shares,changed,raw_says",
    [
        (_shares([0.2, 0.4], [(0.1, 0.25), (0.3, 0.5)], [0.25, 0.45], [(0.2, 0.3), (0.4, 0.5)]), False,
         "B highest, A lowest (clearly apart)"),
        (_shares([0.2, 0.4], [(0.1, 0.25), (0.3, 0.5)], [0.25, 0.45], [(0.1, 0.4), (0.3, 0.6)]), True,
         "B highest, A lowest (clearly apart)"),  # the gap is no longer clear
        (_shares([0.2, 0.4], [(0.1, 0.35), (0.3, 0.5)], [0.45, 0.3], [(0.3, 0.6), (0.2, 0.4)]), True,
         "B highest, A lowest (intervals overlap)"),  # the order flips
        (_shares([0.2, 0.4], [NAN, NAN], [0.1, 0.5], [NAN, NAN]), False, "B highest, A lowest (no intervals)"),
    ],
)  # fmt: skip
def test_conclusion_changes(shares, changed, raw_says):
    (row,) = conclusion_changes(shares).itertuples(index=False)
    assert row.changed is changed
    assert row.raw_conclusion == raw_says
    text = conclusion_text(shares, conclusion_changes(shares))
    assert text.startswith("Correcting changes 1 of 1" if changed else "Correcting does not change")


def test_conclusion_with_one_group_says_there_is_nothing_to_change():
    one = _shares([0.2, 0.4], [(0.1, 0.3), (0.3, 0.5)], [0.6, 0.4], [(0.5, 0.7), (0.3, 0.5)]).iloc[:1]
    text = conclusion_text(one, conclusion_changes(one))
    assert (
        text == "With one group there is no comparison between groups to change. 1 of 1 corrected shares lie "
        "outside the raw estimate's interval."
    )


# --- the whole section --------------------------------------------------------------------------


def test_validity_section_on_the_bundled_articles(analysis, coded, tmp_path):
    section = validity_section(analysis, coded, n_boot=100)
    assert section.coders == ("dev-A", "dev-B")
    assert section.agreement["level"].tolist() == ["nominal", "ordinal"]
    assert section.scores.summary["group"].iloc[0] == "all"
    assert set(section.shares["label"]) == set(SHARE_MEASURES)
    assert set(section.shares["target"]) == {"Trump", "NATO"}
    assert "were corrected for misclassification" in section.methods
    assert len(section.changes) == 6, "two groups: one conclusion per target and label"
    shown = section_outputs(section, tmp_path / "tables")
    assert "## Validity on this corpus" in shown[0].data
    written = sorted(p.name for p in (tmp_path / "tables").iterdir())
    assert written == sorted([*SECTION_TABLES.values(), "validity_methods.txt"])
    assert set(section_tables(section)) == set(SECTION_TABLES)


def test_validity_section_refuses_codes_of_other_articles(coded, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("A title\n\nNothing about anyone here. Mr. Smith met Trump.\n")
    with pytest.raises(CodingError, match="come from article\\(s\\) this report does not hold"):
        validity_section(nl.analyze(nl.load_corpus(other)), coded, n_boot=100)


def test_report_refuses_a_bad_sheet_before_the_kernel_starts(coded, tmp_path):
    sample, first, second = coded
    bad = tmp_path / first.name
    pd.read_csv(first, dtype=str, keep_default_na=False).assign(code="meh").to_csv(bad, index=False)
    with pytest.raises(CodingError, match="unknown code 'meh'"):
        run_report({"codes": [str(sample), str(bad), str(second)]}, output_dir=tmp_path / "out", progress=False)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir()), "nothing written"
    assert main(["report", "--codes", str(bad), str(second), "-o", str(tmp_path / "out"), "-q"]) == 1


@pytest.mark.slow
def test_report_with_codes_shows_the_package_numbers(analysis, coded, tmp_path):
    result = run_report({"codes": [str(p) for p in coded]}, output_dir=tmp_path, progress=False)
    html = result.read_text(encoding="utf-8")
    assert "Validity on this corpus" in html and "Krippendorff" in html
    expected = section_tables(validity_section(analysis, coded))  # the cell's defaults: REPORT_BOOT, seed 0
    for key, name in SECTION_TABLES.items():
        shown = pd.read_csv(result.parent / "tables" / name)
        want = expected[key].reset_index(drop=True)
        assert list(shown.columns) == list(want.columns), name
        numbers = want.select_dtypes("number").columns
        assert np.allclose(shown[numbers].to_numpy(float), want[numbers].to_numpy(float), equal_nan=True), name
    assert "Correcting" in html


def test_group_names_of_estimates_and_sample_are_matched(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [
        '{"id": "a", "title": "T", "source": " Daily ", "text": "Trump was praised. Trump failed badly."}',
        '{"id": "b", "title": "T", "source": "", "text": "Trump met Rutte. Critics attacked Trump."}',
    ]
    corpus.write_text("\n".join(rows) + "\n")
    analysis = nl.analyze(nl.load_corpus(corpus))
    table, _ = shares_table(analysis, _perfect(analysis).assign(group=lambda f: f["article_id"].map(
        {"a": "Daily", "b": "(none)"})), by="source", n_boot=100)  # fmt: skip
    assert set(table["group"]) == {"Daily", "(none)"}, "estimates call the empty source (missing)"
    assert table["raw"].notna().all() and np.allclose(table["raw"], table["corrected"])
