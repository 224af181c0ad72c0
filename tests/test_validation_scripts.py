"""The validation scripts' own logic, on tiny samples built here (no evaluation data)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

VALIDATION = Path(__file__).resolve().parents[1] / "validation"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, VALIDATION / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def order():
    return _script("score_article_order")


def test_entity_key_reduces_allsides_entities_to_their_last_word(order):
    assert order.entity_key("’ Trump") == "trump"
    assert order.entity_key("Reality Leigh Winner") == "winner"
    assert order.entity_key("— ") == ""


def _rec(story, article, entity, polarity):
    return {"story": story, "article": article, "entity": entity, "polarity": polarity}


def test_article_pairs_are_scored_by_their_order_only_where_gold_differs(order):
    recs = [
        _rec("s1", "a", "trump", -1),
        _rec("s1", "a", "trump", 0),  # article a: gold mean -0.5
        _rec("s1", "b", "trump", 1),  # article b: gold +1, so b > a
        _rec("s1", "c", "trump", 1),  # c equals b: the pair (b, c) is no comparison
        _rec("s2", "d", "nato", 0),
        _rec("s2", "e", "pelosi", 1),  # a different entity: no pair
    ]
    methods = {
        "right": [-0.4, -0.2, 0.5, 0.9, 0.0, 0.0],
        "wrong": [0.9, 0.9, -0.5, -0.5, 0.0, 0.0],
        "tied": [0.0] * 6,
    }
    pairs = order.comparisons(recs, methods)
    assert pairs["right"] == [("s1", 1.0), ("s1", 1.0)]  # (a, b) and (a, c)
    assert pairs["wrong"] == [("s1", 0.0), ("s1", 0.0)]
    assert pairs["tied"] == [("s1", 0.5), ("s1", 0.5)]


def test_story_bootstrap_brackets_the_share(order):
    pairs = [(f"s{i}", float(i % 4 != 0)) for i in range(200)]
    lo, hi = order.bootstrap(pairs, draws=300)
    assert lo < 0.75 < hi and hi - lo < 0.2


@pytest.fixture(scope="module")
def adaptation():
    return _script("score_adaptation")


def test_adaptation_split_keeps_articles_whole(adaptation):
    import pandas as pd

    items = pd.DataFrame({"article_id": list("aabbbcdd"), "label": "neutral"})
    adapt, rest = adaptation.split(items, 3, seed=0)
    assert len(adapt) >= 3 and len(adapt) + len(rest) == len(items)
    assert not set(adapt["article_id"]) & set(rest["article_id"])


@pytest.mark.parametrize(
    "text,phrase",
    [("The new budget angered voters.", "new budget"), ("But the games also convey another message.", "games")],
)
def test_nyt_proxy_target_is_the_first_noun_phrase(adaptation, text, phrase):
    start, end = adaptation.first_noun_phrase(text)
    assert text[start:end] == phrase


def test_outlet_tone_codes_are_split_by_event_and_match_their_articles(adaptation):
    import pandas as pd

    codes = pd.read_csv(VALIDATION / "annotations" / "outlet_tone" / "codes.tsv", sep="\t", keep_default_na=False)
    assert len(codes) >= 600 and codes["article_id"].nunique() >= 60
    assert set(codes["part"]) <= {"dev", "heldout2"}  # spent parts only: never heldout3/ or heldout4/
    assert set(codes["label"]) == {"negative", "neutral", "positive"} and (codes["reason"].str.len() > 0).all()
    pool, test = adaptation.outlet_items("adapt"), adaptation.outlet_items("test")
    assert len(pool) >= 300 and len(pool) + len(test) == len(codes)
    assert not set(pool["article_id"]) & set(test["article_id"])  # events (the CV groups) stay whole
    assert not set(pool["article"]) & set(test["article"])
    for items in (pool, test):  # every span is the coded mention, inside its sentence
        mentions = [t[a:b] for t, a, b in zip(items["text"], items["start"], items["end"], strict=True)]
        assert all(m.strip() for m in mentions)
    assert sorted(mentions) == sorted(codes.loc[codes["split"] == "test", "mention"])
