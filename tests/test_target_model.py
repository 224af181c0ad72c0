"""The target model as a value: the packaged weights, save/load and its file errors."""

from __future__ import annotations

import json

import pytest

import newslab as nl
from newslab.target_model import ModelFileError, load_target_model, shipped_target_model


def test_packaged_model_gives_the_default_labels() -> None:
    text = "Allies are deeply worried about Trump."
    assert nl.target_sentiment(text, (32, 37), model=shipped_target_model()) == nl.target_sentiment(text, (32, 37))


def test_save_and_load_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = shipped_target_model().save(tmp_path / "m.json")
    assert load_target_model(path).base == shipped_target_model().base


@pytest.mark.parametrize(
    "content,message",
    [
        ("not json", "not a JSON model file"),
        (json.dumps({"format": "other"}), "not a newslab target model"),
        (json.dumps({"format": "newslab-target-model", "version": 99}), "version 99"),
        (json.dumps({"format": "newslab-target-model", "version": 1, "base": {"intercept": [0, 0]}}), "malformed"),
    ],
)
def test_bad_model_files_are_refused(tmp_path, content: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "m.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelFileError, match=message):
        load_target_model(path)


def test_missing_file_names_the_path() -> None:
    with pytest.raises(ModelFileError, match=r"no/such\.json"):
        load_target_model("no/such.json")


def test_logits_from_weighted_features_equal_the_plain_sums() -> None:
    """logits() looks each weight up once (weighted) and adds in feature order: the plain loop's sums exactly."""
    base = shipped_target_model().base
    names = [*list(base.weights)[:40:3], "no such feature", "bias"]
    feats = {name: 0.5 + k / 7 for k, name in enumerate(names)}
    z = list(base.intercept)
    for name, value in feats.items():
        w = base.weights.get(name)
        if w is not None:
            z = [z[j] + w[j] * value for j in range(3)]
    assert base.logits(feats) == tuple(z)
    assert [name for name, _, _ in base.weighted(feats)] == [n for n in names if n in base.weights]


def test_model_rows_are_the_rows_load_table_reads():
    # the fast reader of the packaged weights gives exactly the csv reader's fields, in order
    from newslab.lexicons import load_table
    from newslab.target_model import model_rows

    assert model_rows() == [(r["feature"], r["class"], r["weight"]) for r in load_table("target_sentiment_model")]
