"""Tool-versus-coder scores, differential error, corrected shares and the methods paragraph."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from newslab.errors import CodingError, ParameterError
from newslab.validity import corrected_shares, gold_labels, score_tool, shares_from_counts

LABELS = ["negative", "neutral", "positive"]


def _items(error_a: float, error_b: float, n_articles: int = 40, seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    """Items of two outlets; newslab flips a share of the labels to 'neutral' (or away from it)."""
    rng = np.random.default_rng(seed)
    rows, gold = [], {}
    for group, err in (("A", error_a), ("B", error_b)):
        for a in range(n_articles):
            for k in range(5):
                item = f"{group}{a}-{k}"
                truth = LABELS[int(rng.integers(0, 3))]
                wrong = rng.random() < err
                tool = ("neutral" if truth != "neutral" else "negative") if wrong else truth
                rows.append((item, f"{group}{a}", group, tool, 1.0))
                gold[item] = truth
    items = pd.DataFrame(rows, columns=["item_id", "article_id", "group", "tool_label", "weight"])
    return items, pd.Series(gold, name="gold")


def test_perfect_tool_scores_one_everywhere() -> None:
    items, gold = _items(0.0, 0.0)
    s = score_tool(items, gold, n_boot=50, n_perm=50)
    assert s.summary["macro_f1"].tolist() == pytest.approx([1.0, 1.0, 1.0])
    assert s.summary["group"].tolist() == ["all", "A", "B"]
    assert not s.warnings


@pytest.mark.parametrize("error_a,error_b,warned", [(0.1, 0.1, False), (0.05, 0.6, True)])
def test_differential_error_is_warned(error_a: float, error_b: float, warned: bool) -> None:
    items, gold = _items(error_a, error_b)
    s = score_tool(items, gold, n_boot=50, n_perm=200)
    assert any("differential error" in w for w in s.warnings) is warned
    rates = s.differential.set_index("group")["error_rate"]
    assert rates["B"] > rates["A"] if warned else abs(rates["B"] - rates["A"]) < 0.15


def test_cis_bracket_the_estimate_and_weights_count() -> None:
    items, gold = _items(0.2, 0.2)
    s = score_tool(items, gold, n_boot=200, n_perm=0)
    row = s.summary.iloc[0]
    assert row["macro_f1_low"] <= row["macro_f1"] <= row["macro_f1_high"]
    per = s.per_class[s.per_class["group"] == "all"].set_index("class")
    assert (per["recall_low"] <= per["recall"]).all() and (per["recall"] <= per["recall_high"]).all()
    heavier = items.assign(weight=np.where(items["tool_label"] == gold[items["item_id"]].to_numpy(), 1.0, 5.0))
    assert score_tool(heavier, gold, n_boot=0, n_perm=0).summary.iloc[0]["accuracy"] < row["accuracy"]


@pytest.mark.parametrize(
    "tool,gold_name,right",
    [
        ("Farah Dakhlallah", "spokesperson Farah Dakhlallah", True),
        ("NATO", "Mark Rutte", False),
        ("none", "none", True),
    ],
)
def test_free_text_speakers_are_scored_by_name(tool: str, gold_name: str, right: bool) -> None:
    items = pd.DataFrame({"item_id": ["q1"], "article_id": ["a"], "group": ["A"], "tool_label": [tool]})
    s = score_tool(items, pd.Series({"q1": gold_name}), free_text=True, n_boot=0, n_perm=0)
    assert s.summary.iloc[0]["accuracy"] == (1.0 if right else 0.0)


def test_gold_is_the_majority_and_ties_are_left_out() -> None:
    codes = pd.DataFrame({"item_id": list("aaabb"), "coder": list("xyzxy"), "code": ["p", "p", "n", "p", "n"]})
    assert gold_labels(codes).to_dict() == {"a": "p"}


def test_corrected_shares_undo_a_known_confusion() -> None:
    # tool calls 40% of true negatives neutral; validation items show exactly that
    counts = pd.DataFrame({"article_id": [f"a{i}" for i in range(10) for _ in (0, 1)], "group": "A",
                           "label": ["negative", "neutral"] * 10, "count": [6, 4] * 10})  # fmt: skip
    val = pd.DataFrame({"article_id": [f"a{i % 10}" for i in range(20)], "group": "A",
                        "gold": ["negative"] * 10 + ["neutral"] * 10,
                        "tool_label": ["negative"] * 6 + ["neutral"] * 4 + ["neutral"] * 10})  # fmt: skip
    est = corrected_shares(counts, val, n_boot=100).set_index("label")
    assert est.loc["negative", "raw"] == pytest.approx(0.6)
    assert est.loc["negative", "corrected"] == pytest.approx(1.0)
    assert est.loc["negative", "corrected_low"] <= 1.0 <= est.loc["negative", "corrected_high"] + 1e-12


@pytest.mark.parametrize(
    "counts,val,error",
    [
        (pd.DataFrame({"article_id": ["a"]}), pd.DataFrame(), ParameterError),
        (pd.DataFrame({"article_id": ["a"], "group": ["A"], "label": ["x"], "count": [1]}),
         pd.DataFrame({"article_id": ["b"], "group": ["B"], "tool_label": ["x"], "gold": ["x"]}), CodingError),
    ],
)  # fmt: skip
def test_corrected_shares_refuse_bad_input(counts: pd.DataFrame, val: pd.DataFrame, error: type) -> None:
    with pytest.raises(error):
        corrected_shares(counts, val, n_boot=0)


def test_counts_from_a_tool_table() -> None:
    table = pd.DataFrame({"article_id": ["a", "a", "b"], "label": ["neg", "pos", "neg"]})
    counts = shares_from_counts(table, group_of={"a": "X"})
    assert counts["group"].tolist() == ["X", "X", "(none)"] and counts["count"].sum() == 3
