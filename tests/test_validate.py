"""The validation loop end to end: sample -> sheets -> example codes -> scores, from Python and the CLI."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newslab as nl
from newslab.cli import main
from newslab.coding import load_sample
from newslab.validate import example_codes, fill_from_codes, prepare_coding, score_codes


@pytest.fixture(scope="module")
def analysis() -> nl.Analysis:
    return nl.analyze(nl.load_seed_corpus())


def test_example_codes_cover_every_bundled_mention(analysis: nl.Analysis) -> None:
    codes = example_codes()
    assert set(codes["coder"]) == {"dev-A", "dev-B"}
    assert set(codes["code"]) <= {"negative", "neutral", "positive"}
    spans = set(zip(analysis.target_tone.article_id, analysis.target_tone.start, analysis.target_tone.end, strict=True))
    assert set(zip(codes.article_id, codes.start, codes.end, strict=True)) == spans


def test_loop_from_python(analysis: nl.Analysis, tmp_path: Path) -> None:
    out = prepare_coding(analysis, tmp_path, n=24, coders=["dev-A", "dev-B"], seed=5)
    sample = load_sample(out["sample"])
    filled = fill_from_codes(sample, example_codes(), out["sheets"])
    result = score_codes(out["sample"], filled, output_dir=tmp_path / "scores", n_boot=50, blind=False)
    assert result.agreement["level"].tolist() == ["nominal", "ordinal"]
    assert 0 < result.agreement["alpha"].iloc[0] <= 1
    assert result.scores.summary.iloc[0]["n_items"] <= 24
    assert "not blind" in result.methods
    written = sorted(p.name for p in (tmp_path / "scores").iterdir())
    assert written == ["agreement.csv", "confusion.csv", "differential_error.csv", "methods.txt",
                       "scores_per_class.csv", "scores_summary.csv"]  # fmt: skip


def test_loop_from_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    coding = tmp_path / "coding"
    assert main(["validate", "sample", "-n", "12", "--coders", "dev-A", "dev-B", "-o", str(coding)]) == 0
    sample_file = coding / "sample_target_tone.json"
    sheets = {c: {"csv": next(coding.glob(f"*_{c}.csv"))} for c in ("dev-A", "dev-B")}
    fill_from_codes(load_sample(sample_file), example_codes(), sheets)
    args = ["validate", "score", str(sample_file), *(str(s["csv"]) for s in sheets.values()), "--boot", "20",
            "-o", str(tmp_path / "scores")]  # fmt: skip
    assert main(args) == 0
    assert "Krippendorff's alpha" in capsys.readouterr().out
    assert (tmp_path / "scores" / "methods.txt").is_file()


def test_cli_names_the_file_of_a_bad_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    coding = tmp_path / "coding"
    main(["validate", "sample", "-n", "5", "--coders", "ana", "-o", str(coding)])
    sheet = next(coding.glob("*_ana.csv"))
    frame = pd.read_csv(sheet, dtype=str, keep_default_na=False).assign(code="bad")
    frame.to_csv(sheet, index=False)
    assert main(["validate", "score", str(coding / "sample_target_tone.json"), str(sheet)]) == 1
    err = capsys.readouterr().err
    assert str(sheet) in err and "unknown code 'bad'" in err
