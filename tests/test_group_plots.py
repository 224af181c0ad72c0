from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from newslab import plots
from newslab.errors import ParameterError


def contrasts(n: int) -> pd.DataFrame:
    rows = [
        {"group": f"g{i}", "versus": "ref", "target": "Trump", "measure": "negative_per_1000_words",
         "construct": "rate per 1,000 words", "difference": d, "ci_low": d - 1, "ci_high": d + 1, "p": 0.5, "q": q,
         "distinguishable": abs(d) > 1, "supported": i % 2 == 0, "primary": True}
        for i, (d, q) in enumerate(zip([2.0, 0.5, -3.0, 0.0, 1.5][:n], [0.01, 0.6, 0.001, 0.9, 0.2][:n], strict=True))
    ]  # fmt: skip
    return pd.DataFrame(rows)


@pytest.mark.parametrize("n,limit,shown,note", [(5, 30, 5, False), (5, 2, 2, True), (1, 30, 1, False)])
def test_forest_plot_rows_and_showing_note(n: int, limit: int, shown: int, note: bool) -> None:
    ax = plots.plot_contrasts(contrasts(n), limit=limit)
    assert len(ax.get_yticklabels()) == shown
    assert ("showing" in ax.get_title()) is note
    filled = [line for line in ax.get_lines() if line.get_marker() == "o" and line.get_markerfacecolor() != "white"]
    assert len(filled) == sum(abs(d) > 1 for d in contrasts(n).sort_values("q").head(limit)["difference"])


def test_forest_plot_refuses_unknown_measure() -> None:
    with pytest.raises(ParameterError, match="measure='tone'"):
        plots.plot_contrasts(contrasts(2), measure="tone")


def test_over_time_plot_draws_one_line_and_band_per_group() -> None:
    est = pd.DataFrame({
        "source": ["X", "X", "Y", "Y"], "period": ["2024Q1", "2024Q2", "2024Q1", "2024Q2"], "target": "T",
        "measure": "m", "construct": "c", "estimate": [1.0, 2.0, 1.5, 1.0], "ci_low": [0.5, 1.5, 1.0, 0.2],
        "ci_high": [1.5, 2.5, 2.0, 1.8],
    })  # fmt: skip
    est.attrs["by"] = ["source", "period"]
    ax = plots.plot_estimates_over_time(est)
    assert len(ax.get_lines()) == 2 and len(ax.collections) == 2
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["X", "Y"]
    assert "quarter" in ax.get_title()


def test_over_time_plot_needs_a_period_column() -> None:
    with pytest.raises(ParameterError, match="period"):
        plots.plot_estimates_over_time(contrasts(2))


@pytest.mark.parametrize(
    "measure,description",
    [("negative_per_1000_words", "negative mentions per 1,000 words"),
     ("share_negative", "share of mentions labelled negative")],
)  # fmt: skip
def test_plots_name_the_measure_by_its_description(measure: str, description: str) -> None:
    forest = plots.plot_contrasts(contrasts(3).assign(measure=measure))
    assert description in forest.get_title() and measure not in forest.get_title()
    assert forest.get_xlabel() == f"difference in {description}"
    est = pd.DataFrame({"source": ["X", "X"], "period": ["2024-01", "2024-02"], "target": "T", "measure": measure,
                        "construct": "c", "estimate": [1.0, 2.0], "ci_low": [0.5, 1.5],
                        "ci_high": [1.5, 2.5]})  # fmt: skip
    est.attrs["by"] = ["source", "period"]
    ax = plots.plot_estimates_over_time(est)
    assert ax.get_title().startswith(f"T: {description} per month") and measure not in ax.get_title()
    assert ax.get_ylabel().replace("\n", " ") == description
