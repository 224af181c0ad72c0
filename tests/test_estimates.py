from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import newslab as nl
from newslab.dates import parse_date, parse_dates, period_labels, period_start
from newslab.errors import NewslabError, ParameterError
from newslab.estimates import (
    CONTRAST_COLUMNS,
    ESTIMATE_COLUMNS,
    MEASURE_NAMES,
    article_counts,
    group_contrasts,
    group_estimates,
    group_keys,
    resample_counts,
)
from newslab.multiple_testing import benjamini_hochberg


def hand_analysis() -> nl.Analysis:
    """Four articles, two outlets, two events: every estimate below is computed by hand from these rows."""
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a4"],
            "source": ["X", "X", "Y", "Y"],
            "date": ["2024-01-05", "Feb 10, 2024", "2024-01-06", "soon"],
            "words": [1000, 500, 1000, 1000],
            "event": ["e1", "e2", "e1", "e2"],
            "desk": ["", "", "", ""],
        }
    )
    tone = pd.DataFrame(
        [
            ("a1", "Trump", "negative", -0.5),
            ("a1", "Trump", "negative", -0.5),
            ("a1", "Trump", "positive", 0.5),
            ("a2", "Trump", "negative", -1.0),
            ("a3", "Trump", "positive", 0.5),
            ("a3", "Trump", "neutral", 0.0),
            ("a4", "Trump", "negative", -0.5),
            ("a4", "Trump", "neutral", 0.0),
            ("a4", "NATO", "neutral", 0.0),
        ],
        columns=["article_id", "target", "label", "score"],
    )
    quotes = pd.DataFrame(
        [("a1", "Donald Trump"), ("a1", "Mark Rutte"), ("a3", "NATO")], columns=["article_id", "speaker_resolved"]
    )
    stance = pd.DataFrame(
        [("a1", "Trump", "against"), ("a3", "Trump", "favor")], columns=["article_id", "target", "stance"]
    )
    frames = pd.DataFrame(
        [("a1", "conflict"), ("a1", "conflict"), ("a2", "economic"), ("a3", "conflict")],
        columns=["article_id", "frame"],
    )
    tables = {"articles": articles, "target_tone": tone, "quotes": quotes, "stance": stance, "frames": frames}
    return nl.Analysis(tables)


# group X: a1+a2 = 1500 words, 4 Trump mentions (3 negative, 1 positive), scores sum -1.5,
#          2 quotes (1 by Trump), 1 stance row against Trump, frame cues conflict 2 / economic 1
# group Y: a3+a4 = 2000 words, 4 Trump mentions (1 negative, 1 positive, 2 neutral), scores sum 0,
#          1 quote (by NATO), 1 stance row in favour of Trump, frame cues conflict 1
@pytest.mark.parametrize(
    "measure,x,y",
    [
        ("negative_per_1000_words", 2.0, 0.5),
        ("positive_per_1000_words", 1000 / 1500, 0.5),
        ("mentions_per_1000_words", 4000 / 1500, 2.0),
        ("share_negative", 0.75, 0.25),
        ("share_neutral", 0.0, 0.5),
        ("share_positive", 0.25, 0.25),
        ("mean_score", -0.375, 0.0),
        ("quote_share", 0.5, 0.0),
        ("stance_against_per_1000_words", 1000 / 1500, 0.0),
        ("stance_favor_per_1000_words", 0.0, 0.5),
        ("stance_neutral_per_1000_words", 0.0, 0.0),
    ],
)
def test_estimates_are_ratios_of_sums(measure: str, x: float, y: float) -> None:
    est = group_estimates(hand_analysis(), by="source", targets="Trump", measures=measure, n_boot=200)
    got = est.set_index("group")["estimate"]
    assert got["X"] == pytest.approx(x)
    assert got["Y"] == pytest.approx(y)
    assert est["n_articles"].tolist() == [2, 2]
    assert est["n_mentions"].tolist() == [4, 4]


@pytest.mark.parametrize("frame,x,y", [("conflict", 2 / 3, 1.0), ("economic", 1 / 3, 0.0)])
def test_frame_shares(frame: str, x: float, y: float) -> None:
    est = group_estimates(hand_analysis(), by="source", measures="frame_share", n_boot=200)
    got = est[est["measure"] == f"frame_share:{frame}"].set_index("group")
    assert got.loc["X", "estimate"] == pytest.approx(x)
    assert got.loc["Y", "estimate"] == pytest.approx(y)
    assert set(got["target"]) == {"(all)"}
    assert got["construct"].unique().tolist() == ["share of frame cues"]


@pytest.mark.parametrize("speaker,x,y", [("Donald Trump", 0.5, 0.0), ("Mark Rutte", 0.5, 0.0), ("NATO", 0.0, 1.0)])
def test_speaker_shares(speaker: str, x: float, y: float) -> None:
    est = group_estimates(hand_analysis(), by="source", measures="speaker_share", n_boot=200)
    got = est[est["measure"] == f"speaker_share:{speaker}"].set_index("group")
    assert (got.loc["X", "estimate"], got.loc["Y", "estimate"]) == (pytest.approx(x), pytest.approx(y))
    assert got["construct"].unique().tolist() == ["share of quotes"]
    assert got["n_mentions"].tolist() == [2, 1]  # quotes: the support of a speaker share


def test_columns_constructs_and_primary() -> None:
    est = group_estimates(hand_analysis(), by="source", n_boot=200)
    assert list(est.columns) == ["source", *ESTIMATE_COLUMNS]
    primary = est[est["primary"]]
    assert set(primary["measure"]) == {"negative_per_1000_words"}
    assert set(est["construct"]) >= {"rate per 1,000 words", "share of mentions", "mean score per mention"}
    shares = ("frame_share", "speaker_share")
    assert {m for m in est["measure"] if not m.startswith(shares)} == set(MEASURE_NAMES) - set(shares)
    assert not est["supported"].any()  # 2 articles and 4 mentions per group are below the support rule


def test_intervals_contain_estimates_and_are_deterministic() -> None:
    a = hand_analysis()
    one = group_estimates(a, by="source", targets="Trump", n_boot=500, seed=7)
    two = group_estimates(a, by="source", targets="Trump", n_boot=500, seed=7)
    pd.testing.assert_frame_equal(one, two)
    ok = one.dropna(subset=["ci_low"])
    assert (ok["ci_low"] <= ok["estimate"] + 1e-12).all() and (ok["estimate"] <= ok["ci_high"] + 1e-12).all()


def test_interval_of_two_articles_spans_their_values() -> None:
    # group X: a1 has 2 negative per 1000 words, a2 has 2 per 1000 words... both 2.0: no spread at all
    est = group_estimates(hand_analysis(), by="source", targets="Trump", measures="negative_per_1000_words", n_boot=300)
    x = est.set_index("group").loc["X"]
    assert (x["ci_low"], x["ci_high"]) == (pytest.approx(2.0), pytest.approx(2.0))
    y = est.set_index("group").loc["Y"]  # a3: 0 per 1000, a4: 1 per 1000 -> resamples 0, 0.5 or 1
    assert y["ci_low"] == pytest.approx(0.0) and y["ci_high"] == pytest.approx(1.0)


def test_single_article_group_has_no_interval() -> None:
    a = nl.analyze(nl.load_seed_corpus())
    est = a.estimates("source", targets="Trump", measures="share_negative", n_boot=200)
    assert est["ci_low"].isna().all() and est["ci_high"].isna().all()
    assert set(est["method"]) == {"ratio of sums; no interval (one article)"}
    con = a.contrasts("source", targets="Trump", measures="share_negative", n_boot=200)
    assert con["p"].isna().all() and not con["distinguishable"].any()
    assert "no interval or test" in con.loc[0, "method"]


def test_contrasts_independent_and_paired() -> None:
    a = hand_analysis()
    con = group_contrasts(a, by="source", targets="Trump", measures="negative_per_1000_words", n_boot=400, seed=1)
    assert list(con.columns) == CONTRAST_COLUMNS
    row = con.iloc[0]
    assert (row["group"], row["versus"]) == ("X", "Y")
    assert row["difference"] == pytest.approx(1.5)
    assert row["ci_low"] == pytest.approx(1.0) and row["ci_high"] == pytest.approx(2.0)
    assert row["p"] > 0.05 and not row["distinguishable"]  # two articles a side: t* is infinite, no test
    paired = a.contrasts("source", pair_by="event", targets="Trump", measures="negative_per_1000_words", n_boot=400)
    assert paired.loc[0, "n_pairs"] == 2
    assert paired.loc[0, "difference"] == pytest.approx(1.5)
    assert "'event' units" in paired.loc[0, "method"]


def test_clear_difference_between_larger_groups_is_distinguishable() -> None:
    rng = np.random.default_rng(0)
    n = 40
    ids = [f"a{i}" for i in range(2 * n)]
    articles = pd.DataFrame(
        {"article_id": ids, "source": ["X"] * n + ["Y"] * n, "words": rng.integers(400, 900, 2 * n)}
    )
    negatives = np.concatenate([rng.poisson(6, n), rng.poisson(2, n)])
    tone = pd.DataFrame(
        [(a, "Trump", "negative", -0.5) for a, k in zip(ids, negatives, strict=True) for _ in range(k)]
        + [(a, "Trump", "neutral", 0.0) for a in ids for _ in range(3)],
        columns=["article_id", "target", "label", "score"],
    )
    con = nl.Analysis({"articles": articles, "target_tone": tone}).contrasts(
        "source", targets="Trump", measures=["negative_per_1000_words", "mentions_per_1000_words"], n_boot=1000
    )
    row = con.set_index("measure").loc["negative_per_1000_words"]
    assert row["difference"] > 0 and row["ci_low"] > 0 and row["p"] < 0.01 and row["distinguishable"]
    assert bool(row["supported"])


def test_paired_contrast_uses_only_units_both_groups_cover() -> None:
    a = hand_analysis()
    a.articles.loc[a.articles["article_id"] == "a4", "event"] = "e3"  # Y's second article: an event X did not cover
    con = a.contrasts("source", pair_by="event", targets="Trump", measures="negative_per_1000_words", n_boot=200)
    assert con.loc[0, "n_pairs"] == 1
    assert con.loc[0, "difference"] == pytest.approx(2.0 - 0.0)  # a1 vs a3 only
    assert math.isnan(con.loc[0, "ci_low"])  # one pair: no interval


def test_reference_and_q_values() -> None:
    a = hand_analysis()
    con = a.contrasts("source", reference="X", targets="Trump", measures=["share_negative", "mean_score"], n_boot=300)
    assert set(con["group"]) == {"Y"} and set(con["versus"]) == {"X"}
    assert con["q"].to_numpy() == pytest.approx(benjamini_hochberg(con["p"].to_numpy()))
    assert (con["q"] >= con["p"] - 1e-12).all()


def test_periods_group_by_source_and_month_and_report_undated() -> None:
    est = hand_analysis().estimates("source", period="month", targets="Trump", measures="mentions_per_1000_words",
                                    n_boot=200)  # fmt: skip
    assert est["group"].tolist() == ["X | 2024-01", "X | 2024-02", "Y | 2024-01"]
    assert est["period"].tolist() == ["2024-01", "2024-02", "2024-01"]
    assert est.attrs["undated"] == {"a4": "soon"}
    alone = hand_analysis().estimates(None, period="year", targets="Trump", measures="share_negative", n_boot=200)
    assert alone["group"].tolist() == ["2024"] and alone["n_articles"].tolist() == [3]


def test_contrasts_compare_groups_within_each_period() -> None:
    con = hand_analysis().contrasts("source", period="month", targets="Trump", measures="share_negative", n_boot=200)
    assert con[["group", "versus"]].values.tolist() == [["X | 2024-01", "Y | 2024-01"]]


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"by": "outlet"}, "no column 'outlet'"),
        ({"by": "desk"}, "column 'desk' is empty"),
        ({"by": "date"}, "period="),
        ({"by": "source", "pair_by": "source"}, "pair on a column"),
        ({"by": "source", "measures": "tone"}, "measures=['tone']"),
        ({"by": "source", "targets": "EU"}, "not in this analysis"),
        ({"by": "source", "period": "day"}, "period='day'"),
        ({"by": "source", "ci": 95}, "ci=95"),
        ({"by": "source", "n_boot": 10}, "n_boot=10"),
    ],
)
def test_bad_arguments_raise_clear_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(ParameterError, match=message.replace("[", r"\[").replace("(", r"\(")) as info:
        group_estimates(hand_analysis(), **kwargs)
    assert isinstance(info.value, NewslabError)


def test_missing_column_error_lists_available_columns() -> None:
    with pytest.raises(ParameterError) as info:
        hand_analysis().estimates("outlet")
    assert "'source'" in str(info.value) and "'event'" in str(info.value) and "'desk'" not in str(info.value)


def test_unknown_reference_raises() -> None:
    with pytest.raises(ParameterError, match="reference='Z'"):
        hand_analysis().contrasts("source", reference="Z", n_boot=200)


def test_all_dates_unreadable_raises() -> None:
    a = hand_analysis()
    a.articles["date"] = "soon"
    with pytest.raises(ParameterError, match="no article has a date"):
        a.estimates("source", period="month", n_boot=200)


def test_group_keys_missing_values_form_a_visible_group() -> None:
    arts = pd.DataFrame({"article_id": ["a", "b"], "source": ["X", None]})
    assert group_keys(arts, "source")["group"].tolist() == ["X", "(missing)"]


def test_article_counts_are_the_evidence() -> None:
    counts = article_counts(hand_analysis(), ["Trump"])
    assert counts.loc["a1", ["words", "Trump|mentions", "Trump|negative", "Trump|quotes_by", "quotes"]].tolist() == [
        1000.0, 3.0, 2.0, 1.0, 2.0,
    ]  # fmt: skip
    assert counts.loc["a4", "Trump|mentions"] == 2.0  # the NATO row is not counted for Trump


def test_resample_counts_rows_sum_to_n_and_repeat_with_seed() -> None:
    blocks = list(resample_counts(7, 250, 3))
    again = np.vstack(list(resample_counts(7, 250, 3)))
    matrix = np.vstack(blocks)
    assert matrix.shape == (250, 7) and (matrix.sum(axis=1) == 7).all()
    assert (matrix == again).all()
    assert not (matrix == np.vstack(list(resample_counts(7, 250, 4)))).all()


def test_metadata_of_the_input_reaches_the_estimates(tmp_path) -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "text": ["Trump attacked NATO.", "NATO praised Trump.", "Trump spoke.", "Critics slammed Trump."],
            "source": ["X", "Y", "X", "Y"],
            "event": ["e1", "e1", "e2", "e2"],
        }
    )
    analysis = nl.analyze(nl.Corpus.from_frame(frame))
    assert analysis.articles["event"].tolist() == ["e1", "e1", "e2", "e2"]
    est = analysis.estimates("source", pair_by="event", targets="Trump", measures="mentions_per_1000_words", n_boot=200)
    assert est["n_units"].tolist() == [2, 2]
    loaded = nl.Analysis.load(analysis.save(tmp_path / "run"))
    assert loaded.articles["event"].tolist() == ["e1", "e1", "e2", "e2"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2024-11-23", "2024-11-23"),
        ("2024-11-23T23:30:00-05:00", "2024-11-24"),
        ("Nov. 23, 2024", "2024-11-23"),
        ("23 November 2024", "2024-11-23"),
        ("Saturday, November 23, 2024", "2024-11-23"),
        ("Sat, 23 Nov 2024 10:05:00 GMT", "2024-11-23"),
        ("11/23/2024", "2024-11-23"),
        ("23/11/2024", "2024-11-23"),
        ("November 2024", None),
        ("2024", None),
        ("Nov 23", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    got = parse_date(text)
    assert (str(got.date()) if got is not None else None) == expected


def test_parse_dates_separates_missing_from_unparsed() -> None:
    parsed = parse_dates(pd.Series(["2024-01-01", "", None, "later"]))
    assert parsed.missing.tolist() == [False, True, True, False]
    assert parsed.unparsed.tolist() == [False, False, False, True]


@pytest.mark.parametrize(
    "period,label,start",
    [("week", "2024-W47", "2024-11-18"), ("month", "2024-11", "2024-11-01"), ("quarter", "2024Q4", "2024-10-01"),
     ("year", "2024", "2024-01-01")],
)  # fmt: skip
def test_periods(period: str, label: str, start: str) -> None:
    labels = period_labels(pd.Series(pd.to_datetime(["2024-11-23"])), period)
    assert labels.tolist() == [label]
    assert str(period_start(label, period).date()) == start


@pytest.mark.parametrize(
    "p,q",
    [([0.01, 0.04, 0.03, 0.5], [0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5]), ([0.2], [0.2]), ([0.5, 0.5], [0.5, 0.5])],
)
def test_benjamini_hochberg(p: list[float], q: list[float]) -> None:
    assert benjamini_hochberg(p) == pytest.approx(q)


def test_saved_analysis_rebuilds_articles_with_their_fields(tmp_path) -> None:
    frame = pd.DataFrame({"id": ["a", "b"], "text": ["Trump spoke.", "NATO met."], "event": ["e1", "e2"]})
    loaded = nl.Analysis.load(nl.analyze(nl.Corpus.from_frame(frame)).save(tmp_path / "run"))
    assert [art.metadata.get("event") for art in loaded.corpus()] == ["e1", "e2"]


def clustered_analysis(per_group: int, seed: int = 5) -> nl.Analysis:
    """Two outlets of ``per_group`` articles with over-dispersed negative mentions (a skewed rate)."""
    rng = np.random.default_rng(seed)
    ids = [f"a{i}" for i in range(2 * per_group)]
    articles = pd.DataFrame({"article_id": ids, "source": ["X", "Y"] * per_group, "words": 800})
    negatives = rng.poisson(rng.gamma(1.5, 4.0, len(ids)))
    tone = pd.DataFrame(
        [(a, "Trump", "negative", -0.5) for a, k in zip(ids, negatives, strict=True) for _ in range(k)]
        + [(a, "Trump", "neutral", 0.0) for a in ids for _ in range(2)],
        columns=["article_id", "target", "label", "score"],
    )
    return nl.Analysis({"articles": articles, "target_tone": tone})


@pytest.mark.parametrize("per_group,low,high", [(12, 1.02, 1.1230), (3000, 1.0, 1.001)])
def test_small_sample_correction_widens_few_clusters_and_vanishes_for_many(
    per_group: int, low: float, high: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = clustered_analysis(per_group)
    options = {"by": "source", "targets": "Trump", "measures": "negative_per_1000_words", "n_boot": 400, "seed": 2}
    corrected = group_estimates(a, **options)
    monkeypatch.setattr("newslab.estimates.small_sample_factor", lambda n, alpha: 1.0)
    plain = group_estimates(a, **options)
    assert corrected["estimate"].tolist() == plain["estimate"].tolist()
    ratio = (corrected["ci_high"] - corrected["ci_low"]) / (plain["ci_high"] - plain["ci_low"])
    # widened by up to t(11)/z = 1.1230 for 12 articles (less where an end reaches the range of the
    # resampled estimates, which bounds every interval); by 1.0004 for 3,000
    assert ratio.between(low, high).all() and ratio.max() > (1.1 if per_group == 12 else 1.0)


def test_method_column_names_interval_factor_and_clusters() -> None:
    a = clustered_analysis(12)
    est = group_estimates(a, by="source", targets="Trump", measures="share_negative", n_boot=200)
    method = est.loc[0, "method"]
    assert "cluster bootstrap-t interval, equal-tailed" in method and "t(11)/z = 1.123" in method
    assert "200 resamples of 12 articles" in method
    con = group_contrasts(a, by="source", targets="Trump", measures="share_negative", n_boot=200)
    assert "symmetric (no small-sample factor)" in con.loc[0, "method"] and "12 and 12 articles" in con.loc[0, "method"]
    paired = hand_analysis().estimates("source", pair_by="event", targets="Trump", measures="share_negative",
                                       n_boot=200)  # fmt: skip
    assert "t(1)/z = 6.483; 200 resamples of 2 'event' units (pair_by)" in paired.loc[0, "method"]
