from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

import newslab as nl
from newslab import group_findings as gf
from newslab.errors import ParameterError


def contrast(**changes) -> dict:
    row = {"group": "A", "versus": "B", "target": "Trump", "measure": "negative_per_1000_words",
           "construct": "rate per 1,000 words", "estimate_group": 5.0, "estimate_versus": 2.0, "difference": 3.0,
           "ci_low": 1.0, "ci_high": 5.0, "p": 0.001, "q": 0.003, "distinguishable": True, "supported": True,
           "n_articles_group": 30, "n_articles_versus": 30, "n_mentions_group": 90,
           "n_mentions_versus": 80}  # fmt: skip
    row.update(changes)
    return row


@pytest.mark.parametrize(
    "changes,status,phrase",
    [
        ({}, "distinguishable", "95% CI [+1.00, +5.00], q = 0.003: distinguishable."),
        ({"q": 0.2}, "distinguishable", "treat as tentative"),
        ({"ci_low": -1.0, "distinguishable": False, "q": 0.4}, "not distinguishable", "the interval covers zero"),
        ({"supported": False, "n_articles_versus": 3}, "below the minimum support", "here 30 and 3 articles"),
    ],
)
def test_finding_states_estimates_interval_and_verdict(changes: dict, status: str, phrase: str) -> None:
    table = gf.group_findings(pd.DataFrame([contrast(**changes)]))
    assert table.loc[0, "status"] == status
    assert phrase in table.loc[0, "finding"]
    assert "A 5.00 vs B 2.00" in table.loc[0, "finding"]


def test_findings_order_distinguishable_first_and_primary_first() -> None:
    rows = [
        contrast(measure="share_negative", construct="share of mentions", q=0.001),
        contrast(ci_low=-1.0, distinguishable=False, q=0.5),
        contrast(supported=False),
        contrast(q=0.01),
    ]
    table = gf.group_findings(pd.DataFrame(rows))
    assert table["status"].tolist() == ["distinguishable", "distinguishable", "not distinguishable",
                                        "below the minimum support"]  # fmt: skip
    assert table["measure"].tolist()[:2] == ["negative_per_1000_words", "share_negative"]


def test_findings_keep_only_headline_measures() -> None:
    table = gf.group_findings(pd.DataFrame([contrast(measure="stance_neutral_per_1000_words")]))
    assert table.empty


@pytest.mark.parametrize(
    "value,construct,signed,text",
    [(0.25, "share of mentions", False, "25.0%"), (-0.031, "share of quotes", True, "−3.1 pp"),
     (3.0, "rate per 1,000 words", True, "+3.00"), (-0.125, "mean score per mention", False, "−0.12"),
     (float("nan"), "share of mentions", False, "n/a")],
)  # fmt: skip
def test_format_value(value: float, construct: str, signed: bool, text: str) -> None:
    assert gf.format_value(value, construct, signed=signed) == text


@pytest.mark.parametrize(
    "grouped,supported,phrase",
    [(False, 0, "describe these 3 articles only"), (True, 1, "minimum support"), (True, 3, "Findings compare groups")],
)
def test_scope_note(grouped: bool, supported: int, phrase: str) -> None:
    assert phrase in gf.scope_note(3, grouped=grouped, supported_groups=supported)


def test_showing_and_full_tables(tmp_path) -> None:
    table = pd.DataFrame({"article_id": ["a", "b", "c"], "cues": [["x"], [], ["y", "z"]], "n": [1, 2, 3]})
    head, note = gf.showing(table, 2, "things")
    assert len(head) == 2 and note.startswith("Showing 2 of 3 rows")
    assert gf.showing(table, 3, "things") == (table, "")
    csv, parquet = gf.write_table(table, tmp_path, "things")
    assert pd.read_parquet(parquet)["n"].tolist() == [1, 2, 3]
    assert len(pd.read_csv(csv)) == 3


def test_group_column_in_the_comparison_table() -> None:
    analysis = nl.analyze(nl.load_seed_corpus())
    groups = gf.article_groups(analysis, "source")
    table = gf.with_groups(nl.format_compare(analysis.compare()), groups)
    assert table.columns.tolist()[:2] == ["article_id", "group"]
    assert table["group"].str.startswith(("Spanish", "German")).all()
    assert gf.with_groups(table, None) is table


def test_missing_group_field_fails_with_the_columns_listed() -> None:
    with pytest.raises(ParameterError, match=r"no column 'event'.*'source'"):
        gf.article_groups(nl.analyze(nl.load_seed_corpus()), "event")


def test_group_report_on_seed_articles_claims_nothing() -> None:
    report = gf.group_report(nl.analyze(nl.load_seed_corpus()), "source", n_boot=200)
    assert set(report.findings["status"]) == {"below the minimum support"}
    assert "describe these 2 articles only" in report.scope
    assert report.over_time is None  # one month of dates: no time axis
    view = gf.estimates_view(report.estimates)
    assert view.columns.tolist() == ["group", "target", "measure", "construct", "estimate", "CI", "articles",
                                     "mentions", "support"]  # fmt: skip
    assert "Findings" not in gf.findings_markdown(report)


def test_group_by_date_means_months() -> None:
    report = gf.group_report(nl.analyze(nl.load_seed_corpus()), "date", n_boot=200)
    assert report.period == "month" and report.by == []
    assert report.estimates["group"].unique().tolist() == ["2024-11"]
    assert any("calendar months" in n for n in report.notes)


def dated(dates_per_source: dict[str, list[str]]) -> SimpleNamespace:
    """A stand-in analysis: only ``articles`` (id, source, date) is read by the period choice."""
    rows = [{"article_id": f"{s}-{i}", "source": s, "date": d, "title": "t"}
            for s, dates in dates_per_source.items() for i, d in enumerate(dates)]  # fmt: skip
    return SimpleNamespace(articles=pd.DataFrame(rows))


MONTHLY = [f"2024-{m:02d}-{d:02d}" for m in range(1, 7) for d in range(1, 6)]  # 5 per month
ONE_A_MONTH = [f"2024-{m:02d}-15" for m in range(1, 13)]  # 1 per month, 3 per quarter, 12 in the year
SPREAD = [f"{y}-{m:02d}-01" for y in (2016, 2019) for m in (1, 4)]  # 1 per quarter, 2 per year


@pytest.mark.parametrize(
    "dates,asked,period,phrase",
    [
        (MONTHLY, None, "month", "uses months: 12 of 12 source x month cells have ≥ 5 articles"),
        (ONE_A_MONTH, None, "year", "uses years: 2 of 2 source x year cells"),
        (SPREAD, None, "year", "but only 0 of 4 source x year cells have ≥ 5 articles: most bands are missing"),
        (ONE_A_MONTH, "month", "month", "uses months, as asked; 0 of 24"),
    ],
)
def test_over_time_period_is_coarsened_until_groups_have_articles(
    dates: list[str], asked: str | None, period: str, phrase: str
) -> None:
    choice = gf.choose_period(dated({"A": dates, "B": dates}), "source", period=asked)
    assert choice.period == period
    assert phrase in choice.note
    assert choice.cells["period"].tolist() == ([asked] if asked else ["month", "quarter", "year"])
    if not asked:
        assert "rule: the finest of month, quarter, year" in choice.note


def test_method_says_what_was_measured_not_an_issue_number() -> None:
    report = gf.group_report(nl.analyze(nl.load_seed_corpus()), "source", n_boot=200)
    text = gf.method_markdown(report)
    assert "issue" not in text
    assert "human coding of biased phrases against Trump in 90 articles from three US outlets" in text
    assert "not re-measured here" in text


@pytest.mark.parametrize(
    "measure,description",
    [("negative_per_1000_words", "negative mentions per 1,000 words"), ("share_negative",
     "share of mentions labelled negative"), ("speaker_share:Trump", "share of quotes by Trump"),
     ("unknown_measure", "unknown_measure")],
)  # fmt: skip
def test_measures_are_named_by_their_description(measure: str, description: str) -> None:
    assert gf.describe_measure(measure) == description
    finding = gf.group_findings(pd.DataFrame([contrast(measure=measure)]), measures=None).loc[0, "finding"]
    assert finding.startswith(f"Trump, {description} (")
