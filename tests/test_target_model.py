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


def test_the_packaged_model_names_the_stemmer_newslab_stems_with() -> None:
    from newslab.target_reading import STEMMER

    assert shipped_target_model().provenance["stemmer"] == STEMMER


def test_a_packaged_model_of_another_stemmer_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import newslab.target_model

    monkeypatch.setattr(newslab.target_model, "STEMMER", "another stemmer")
    with pytest.raises(ModelFileError, match=r"train it again with validation/train_target_model\.py"):
        newslab.target_model.shipped_stemmer()


def _saved_with_stemmer(tmp_path, stemmer: str | None):  # type: ignore[no-untyped-def]
    path = shipped_target_model().save(tmp_path / "m.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["provenance"].pop("stemmer")
    if stemmer is not None:
        doc["provenance"]["stemmer"] = stemmer
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("stemmer", [None, "nltk porter"])  # None: a file of newslab before stemmers were named
def test_a_saved_model_of_another_stemmer_loads_with_a_warning(tmp_path, stemmer: str | None) -> None:  # type: ignore[no-untyped-def]
    from newslab.errors import NewslabWarning

    path = _saved_with_stemmer(tmp_path, stemmer)
    with pytest.warns(NewslabWarning, match=r"made with the stemmer 'nltk porter'.*adapt it again"):
        model = load_target_model(path)
    assert model.base == shipped_target_model().base, "it still loads, whole"


def test_a_saved_model_of_newslab_s_stemmer_loads_without_a_warning(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import warnings

    from newslab.target_reading import STEMMER

    path = _saved_with_stemmer(tmp_path, STEMMER)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_target_model(path).provenance["stemmer"] == STEMMER
