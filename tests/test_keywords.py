from __future__ import annotations

import math

import pytest

import newslab as nl
from newslab.errors import ParameterError
from newslab.keywords import KEYNESS_COLUMNS, METHODS, top_keywords


@pytest.fixture(scope="module")
def toy() -> nl.Corpus:
    return nl.Corpus.from_texts(
        {
            "a": "Title\nWar war war and peace. The army fights. Peace talks in Paris.",
            "b": "Title\nMoney money and trade. The budget grows. Peace talks in Paris.",
            "c": "Title\nMoney and war. Budget cuts.",
        }
    )


@pytest.mark.parametrize("method", METHODS)
def test_columns_and_order(toy: nl.Corpus, method: str) -> None:
    k = nl.keyness(toy, "a", "b", method=method, min_count=1)
    assert list(k.columns) == KEYNESS_COLUMNS
    assert k.score.is_monotonic_decreasing
    assert k.iloc[0].term == "war" and k.iloc[0].favours == "a"
    assert k.iloc[-1].term == "money" and k.iloc[-1].favours == "b"
    terms = k.set_index("term")
    assert terms.loc["peace", "favours"] == "a"  # 2 of 9 words vs 1 of 8
    assert terms.loc["talks", "favours"] == "b"  # 1 of 9 vs 1 of 8: relative frequency decides
    assert k.attrs["method"] == method


@pytest.mark.parametrize("method", METHODS)
def test_swapping_sides_negates(toy: nl.Corpus, method: str) -> None:
    ab = nl.keyness(toy, "a", "b", method=method, min_count=1).set_index("term")
    ba = nl.keyness(toy, "b", "a", method=method, min_count=1).set_index("term")
    for term in ab.index:
        assert ab.loc[term, "score"] == pytest.approx(-ba.loc[term, "score"])
        assert ab.loc[term, "effect"] == pytest.approx(-ba.loc[term, "effect"])


def test_log_likelihood_formula(seed_corpus: nl.Corpus) -> None:
    k = nl.keyness(seed_corpus, "es-daily", "de-dpa", method="log_likelihood")
    n_a, n_b = k.attrs["n_a"], k.attrs["n_b"]
    row = k[k.term == "nato"].iloc[0]
    ya, yb = row.count_a, row.count_b
    ea, eb = n_a * (ya + yb) / (n_a + n_b), n_b * (ya + yb) / (n_a + n_b)
    g2 = 2 * (ya * math.log(ya / ea) + yb * math.log(yb / eb))
    assert row.score == pytest.approx(-g2)
    assert row.effect == pytest.approx(math.log2((ya / n_a) / (yb / n_b)))
    assert row.p_value == pytest.approx(math.erfc(math.sqrt(g2 / 2)))


def test_log_odds_formula(seed_corpus: nl.Corpus) -> None:
    k = nl.keyness(seed_corpus, "es-daily", "de-dpa")
    n_a, n_b = k.attrs["n_a"], k.attrs["n_b"]
    row = k[k.term == "trump"].iloc[0]
    ya, yb = row.count_a, row.count_b
    alpha, alpha0 = ya + yb, n_a + n_b  # union prior with raw counts
    delta = math.log((ya + alpha) / (n_a + alpha0 - ya - alpha)) - math.log((yb + alpha) / (n_b + alpha0 - yb - alpha))
    assert row.effect == pytest.approx(delta)
    assert row.score == pytest.approx(delta / math.sqrt(1 / (ya + alpha) + 1 / (yb + alpha)))


def test_weaker_prior_gives_larger_z(toy: nl.Corpus) -> None:
    strong = nl.keyness(toy, "a", "b", min_count=1).set_index("term")
    weak = nl.keyness(toy, "a", "b", min_count=1, prior_scale=1.0).set_index("term")
    assert abs(weak.loc["war", "score"]) > abs(strong.loc["war", "score"])


def test_background_changes_prior(toy: nl.Corpus) -> None:
    plain = nl.keyness(toy, "a", "b", min_count=1).set_index("term")
    with_bg = nl.keyness(toy, "a", "b", min_count=1, background={"war": 1000, "money": 1}).set_index("term")
    assert with_bg.loc["war", "score"] != pytest.approx(plain.loc["war", "score"])
    assert nl.keyness(toy, "a", "b", min_count=1, background=[toy["c"]]).iloc[0].term == "war"


def test_groups(toy: nl.Corpus) -> None:
    k = nl.keyness(toy, ["a"], ["b", "c"], min_count=1)
    row = k[k.term == "money"].iloc[0]
    assert (row.count_a, row.count_b, row.favours) == (0, 3, "b+c")
    assert k.attrs["b"] == "b+c"


@pytest.mark.parametrize(
    "options,present,absent",
    [
        ({}, {"war"}, {"and", "the", "in"}),
        ({"stopwords": False}, {"and", "the"}, set()),
        ({"stopwords": ["war"]}, {"and"}, {"war"}),
        ({"names": "drop"}, {"war"}, {"paris"}),
        ({"names": "only"}, {"paris"}, {"war", "peace"}),
        ({"min_count": 3}, {"war", "peace"}, {"army", "paris"}),
    ],
)
def test_filters(toy: nl.Corpus, options: dict, present: set[str], absent: set[str]) -> None:
    options = {"min_count": 1, **options}
    terms = set(nl.keyness(toy, "a", "b", **options).term)
    assert present <= terms
    assert not absent & terms


def test_names_flagged(seed_corpus: nl.Corpus) -> None:
    k = nl.keyness(seed_corpus, "es-daily", "de-dpa").set_index("term")
    assert k.loc["nato", "is_name"] and k.loc["trump", "is_name"]
    assert not k.loc["allies", "is_name"]


@pytest.mark.parametrize(
    "a,b,options",
    [
        ("a", "nope", {}),
        ("a", "a", {}),
        (["a", "b"], "b", {}),
        ([], "b", {}),
        ("a", "b", {"method": "chi2"}),
        ("a", "b", {"names": "maybe"}),
        ("a", "b", {"min_count": 0}),
        ("a", "b", {"prior_scale": -1.0}),
        ("a", "b", {"background": 42}),
    ],
)
def test_bad_arguments(toy: nl.Corpus, a: object, b: object, options: dict) -> None:
    with pytest.raises(ParameterError):
        nl.keyness(toy, a, b, **options)  # type: ignore[arg-type]


def test_top_keywords(seed_corpus: nl.Corpus) -> None:
    top = top_keywords(nl.keyness(seed_corpus, "es-daily", "de-dpa"), n=10)
    assert len(top) == 20
    assert top.favours.tolist() == ["es-daily"] * 10 + ["de-dpa"] * 10
    assert (top[top.favours == "es-daily"].score > 0).all()
    assert top[top.favours == "de-dpa"].score.is_monotonic_increasing


def test_keyness_bigrams(seed_corpus):
    k = nl.keyness(seed_corpus, "es-daily", "de-dpa", ngram=2, min_count=1).set_index("term")
    assert k.attrs["ngram"] == 2
    assert k.loc["white house", "count_a"] == 3 and k.loc["white house", "favours"] == "es-daily"
    assert bool(k.loc["white house", "is_name"])
    assert all(len(term.split()) == 2 for term in k.index)
    stop = nl.lexicons.stopwords()
    assert not any(term.split()[0] in stop or term.split()[-1] in stop for term in k.index)


def test_keyness_ngrams_stop_at_punctuation_and_clitics():
    toy = nl.Corpus.from_texts({"a": "Allies worried, leaders met Trump's team.", "b": "Leaders met allies today."})
    terms = set(nl.keyness(toy, "a", "b", ngram=2, min_count=1, stopwords=False).term)
    assert "leaders met" in terms and "met trump" in terms
    assert "worried leaders" not in terms and "trump team" not in terms and "s team" not in terms
    tri = set(nl.keyness(toy, "a", "b", ngram=3, min_count=1, stopwords=False).term)
    assert "leaders met trump" in tri and "met allies today" in tri
    assert not any("worried" in term or "team" in term for term in tri)


@pytest.mark.parametrize("ngram", [0, 4, "2", 1.5])
def test_keyness_rejects_bad_ngram(seed_corpus, ngram):
    with pytest.raises(ParameterError, match="ngram"):
        nl.keyness(seed_corpus, "es-daily", "de-dpa", ngram=ngram)


def test_keyness_group_labels_stay_short(toy: nl.Corpus) -> None:
    big = nl.Corpus([*list(toy), *(nl.Article(f"x{i}", "", "Money and trade talks.") for i in range(5))])
    k = nl.keyness(big, "a", [a for a in big.ids if a != "a"], min_count=1)
    assert set(k["favours"]) <= {"a", "b and 6 more", ""}
    named = nl.keyness(big, "a", "b", min_count=1, labels=("left", "right"))
    assert set(named["favours"]) <= {"left", "right", ""} and named.attrs["a"] == "left"


@pytest.mark.parametrize("method", ["log_odds_dirichlet", "log_likelihood"])
def test_keyness_q_values_correct_for_every_word(method: str) -> None:
    from newslab.multiple_testing import benjamini_hochberg

    table = nl.keyness(nl.load_seed_corpus(), "es-daily", "de-dpa", method=method)
    assert table["q_value"].to_numpy() == pytest.approx(benjamini_hochberg(table["p_value"].to_numpy()))
    assert (table["q_value"] >= table["p_value"] - 1e-12).all()
    assert (table["p_value"] < 0.05).sum() >= (table["q_value"] < 0.05).sum()
