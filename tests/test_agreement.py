"""Krippendorff's alpha against the textbook's worked example, percent agreement, flags and errors."""

from __future__ import annotations

import pandas as pd
import pytest

from newslab.agreement import agreement
from newslab.errors import CodingError

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units,
# values 1-5, "." = not coded. Published: nominal 0.743, ordinal 0.815 (interval 0.849, ratio 0.797).
TEXTBOOK = {
    "A": "1 2 3 3 2 1 4 1 2 . . .",
    "B": "1 2 3 3 2 2 4 1 2 5 . 3",
    "C": ". 3 3 3 2 3 4 2 2 5 1 .",
    "D": "1 2 3 3 2 4 4 1 2 5 1 .",
}


def _textbook_codes() -> pd.DataFrame:
    rows = [
        (f"u{unit + 1:02d}", coder, value)
        for coder, line in TEXTBOOK.items()
        for unit, value in enumerate(line.split())
        if value != "."
    ]
    return pd.DataFrame(rows, columns=["item_id", "coder", "code"])


@pytest.mark.parametrize("level,published", [("nominal", 0.743), ("ordinal", 0.815)])
def test_alpha_equals_the_textbook_example(level: str, published: float) -> None:
    table = agreement(_textbook_codes(), order=["1", "2", "3", "4", "5"], ordinal=True, n_boot=200)
    row = table.set_index("level").loc[level]
    assert round(float(row["alpha"]), 3) == published
    assert row["ci_low"] <= row["alpha"] <= row["ci_high"]
    assert int(row["n_items"]) == 11 and int(row["n_coders"]) == 4  # unit 12 has one value: not pairable


@pytest.mark.parametrize(
    "x_codes,y_codes,flagged",
    [
        (["neg", "pos", "neu"], ["neg", "pos", "neu"], False),
        (["neg", "pos", "neu"], ["pos", "neg", "neu"], True),
    ],
)
def test_low_alpha_is_flagged(x_codes: list[str], y_codes: list[str], flagged: bool) -> None:
    codes = [(item, "x", c) for item, c in zip("abc", x_codes, strict=True)]
    codes += [(item, "y", c) for item, c in zip("abc", y_codes, strict=True)]
    row = agreement(pd.DataFrame(codes, columns=["item_id", "coder", "code"]), n_boot=0).iloc[0]
    assert (row["flag"] != "") is flagged


def test_one_row_per_variable() -> None:
    codes = _textbook_codes()
    both = pd.concat([codes.assign(variable="tone"), codes.assign(variable="frame")])
    assert agreement(both, n_boot=0)["variable"].tolist() == ["frame", "tone"]


@pytest.mark.parametrize(
    "codes,kwargs,message",
    [
        (pd.DataFrame({"item_id": ["a"], "code": ["x"]}), {}, "lack column"),
        (pd.DataFrame({"item_id": ["a", "b"], "coder": ["x", "x"], "code": ["p", "q"]}), {}, "1 coder"),
        (pd.DataFrame({"item_id": ["a", "a"], "coder": ["x", "y"], "code": ["p", "q"]}), {"ordinal": True}, "order"),
    ],
)
def test_bad_codes_are_refused(codes: pd.DataFrame, kwargs: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(CodingError, match=message):
        agreement(codes, n_boot=0, **kwargs)
