from __future__ import annotations

import math

import pytest

import newslab as nl
from newslab.comparison import KEYNESS_COLUMNS, METHODS, top_keywords
from newslab.errors import ParameterError


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


# --------------------------------------------------------------------------- compare


@pytest.fixture(scope="module")
def seed_table(seed_corpus: nl.Corpus):  # type: ignore[no-untyped-def]
    return nl.compare(seed_corpus)


def test_compare_shape(seed_table) -> None:  # type: ignore[no-untyped-def]
    from newslab.comparison import COMPARE_COLUMNS

    assert list(seed_table.columns) == COMPARE_COLUMNS
    assert seed_table[["article_id", "target"]].values.tolist() == [
        ["es-daily", "Trump"],
        ["es-daily", "NATO"],
        ["de-dpa", "Trump"],
        ["de-dpa", "NATO"],
    ]
    assert (seed_table.mentions == seed_table.names + seed_table.descriptions + seed_table.pronouns).all()
    assert seed_table.sentence_share.between(0, 1).all()
    assert seed_table.tone_sentences.between(-1, 1).all() and seed_table.tone_target.between(-1, 1).all()


def test_compare_counts_match_mentions(seed_corpus: nl.Corpus, seed_table) -> None:  # type: ignore[no-untyped-def]
    mentions = nl.find_mentions(seed_corpus, quotes=nl.find_quotes(seed_corpus))  # as compare() finds them
    for row in seed_table.itertuples():
        m = mentions[(mentions.article_id == row.article_id) & (mentions.target == row.target)]
        assert row.mentions == len(m)
        assert row.sentences == m.sentence_id.nunique()


def test_compare_shows_what_a_reader_sees(seed_table) -> None:  # type: ignore[no-untyped-def]
    rows = seed_table.set_index(["article_id", "target"])
    es, de = rows.loc[("es-daily", "Trump")], rows.loc[("de-dpa", "Trump")]
    assert es.n_labels > de.n_labels  # the Spanish daily's many epithets
    assert "the tycoon" in es.labels and "the american populist" in es.labels
    assert "Mark Rutte → Trump: favor" in es.stance  # Rutte credits Trump
    assert "allies → Trump: against" in de.stance  # allies' worry
    assert "three percent" in de.quotes_by_target  # the 3% demand, reported as Trump's
    assert de.target_quoted > es.target_quoted
    assert "conflict" in de.frames
    # Rutte crediting Trump: he/his inside Rutte's quote are Trump (rule pronoun:in-quote), with the evidence
    assert "Mark Rutte: “When he was president he was the one who encouraged us" in es.quotes_on_target
    assert "his success, and we must do more.” (his → the American)" in es.quotes_on_target
    assert "Mark Rutte" not in rows.loc[("es-daily", "NATO")].quotes_on_target


def test_compare_with_precomputed_tables() -> None:
    corpus = nl.Corpus.from_texts({"x": "Title\nTrump spoke. NATO met. Trump left."})
    import pandas as pd

    mentions = pd.DataFrame(
        {
            "article_id": ["x", "x", "x"],
            "sentence_id": [1, 2, 3],
            "target": ["Trump", "NATO", "Trump"],
            "mention": ["Trump", "NATO", "the tycoon"],
            "start": [6, 19, 28],
            "end": [11, 23, 33],
            "kind": ["name", "name", "description"],
        }
    )
    sentiment = pd.DataFrame({"article_id": ["x"] * 4, "sentence_id": [0, 1, 2, 3], "compound": [0.9, 0.2, -0.5, 0.4]})
    stance = pd.DataFrame(
        {
            "article_id": ["x", "x"],
            "holder": ["Rutte", "Trump"],
            "target": ["Trump", "NATO"],
            "stance": ["favor", "against"],
            "score": [0.8, -0.6],
            "cues": [["praised"], ["threatened"]],
        }
    )
    quotes = pd.DataFrame(
        {
            "article_id": ["x"],
            "speaker": ["he"],
            "speaker_resolved": ["Donald Trump"],
            "quote": ["we leave"],
            "start": [0],
            "end": [5],
        }
    )
    frames = nl.frame_table(corpus)
    table = nl.compare(
        corpus, mentions=mentions, sentiment=sentiment, stance=stance, quotes=quotes, frames=frames, target_tone=False
    )
    trump = table[table.target == "Trump"].iloc[0]
    assert (trump.mentions, trump.names, trump.descriptions, trump.sentences) == (2, 1, 1, 2)
    assert trump.sentence_share == pytest.approx(2 / 4)
    assert trump.labels == "Trump×1; the tycoon×1"
    assert trump.tone_sentences == pytest.approx((0.2 + 0.4) / 2)
    assert math.isnan(trump.tone_target)
    assert trump.stance_rows == 2 and trump.stance_favor == 1 and trump.stance_against == 0
    assert "Rutte → Trump: favor ×1 (+0.80; praised)" in trump.stance
    assert trump.target_quoted == 1 and trump.quotes_by_target == "“we leave”"
    nato = table[table.target == "NATO"].iloc[0]
    assert nato.stance == "Trump → NATO: against ×1 (-0.60; threatened)" and nato.target_quoted == 0


def test_compare_survives_a_failing_module(monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    import newslab.comparison as module

    def broken(*args: object) -> None:
        raise ImportError("no stance module")

    monkeypatch.setattr(module, "_stance_table", broken)
    corpus = nl.Corpus.from_texts({"x": "Title\nTrump criticized NATO."})
    table = nl.compare(corpus, target_tone=False)
    assert table.stance_rows.tolist() == [0, 0] and table.stance.tolist() == ["", ""]
    assert "stance unavailable" in caplog.text


def test_compare_is_the_function_after_submodule_import(seed_corpus: nl.Corpus) -> None:
    import newslab.comparison  # the module is named apart from the function

    assert nl.compare is newslab.comparison.compare
    assert len(nl.compare(seed_corpus, targets=nl.NATO, target_tone=False)) == 2


# --------------------------------------------------------------------------- compare_summary


def test_summary_on_seed(seed_corpus: nl.Corpus, seed_table) -> None:  # type: ignore[no-untyped-def]
    lines = nl.compare_summary(seed_table, keyness=nl.keyness(seed_corpus, "es-daily", "de-dpa"))
    text = "\n".join(lines)
    assert lines[0].startswith("es-daily uses 10 different labels for Trump, de-dpa 4")
    assert "Mark Rutte → Trump: favor" in text
    assert "statements by Trump (0 in es-daily)" in text
    assert "Around Trump, only de-dpa has conflict among its top frames" in text
    assert "Only es-daily quotes Mark Rutte on Trump: “When he was president he was the one who encouraged" in text
    assert "his work, his success, and we must do more.” (his → the American)" in text
    assert "Only de-dpa quotes Donald Trump on NATO: “the USA would leave the alliance”" in text
    assert lines[-1].startswith("Words most typical of de-dpa (keyness):")


def summary_table(**changes: object):  # type: ignore[no-untyped-def]
    import pandas as pd

    base = {
        "article_id": ["a", "b"],
        "target": ["T", "T"],
        "n_labels": [2, 2],
        "labels": ["T×2; the boss×1", "T×3; the boss×1"],
        "sentence_share": [0.5, 0.5],
        "tone_sentences": [0.1, 0.1],
        "tone_target": [0.0, 0.0],
        "stance": ["", ""],
        "top_frame": ["war", "war"],
        "frames": ["war 2 (war)", "war 3 (war)"],
        "quoted": ["X×1", "X×1"],
        "target_quoted": [0, 0],
        "quotes_by_target": ["", ""],
        "quotes_on_target": ["", ""],
    }
    base.update(changes)  # type: ignore[arg-type]
    return pd.DataFrame(base)


@pytest.mark.parametrize(
    "changes,expected",
    [
        ({}, ["The leading frame around T is the same: in a war 2 (war); in b war 3 (war)."]),
        (
            {"n_labels": [3, 2], "labels": ["T×2; the boss×1; the tycoon×1", "T×3; the boss×1"]},
            "a uses 3 different labels for T, b 2; only a: the tycoon.",
        ),
        ({"sentence_share": [0.8, 0.5]}, "T is mentioned in 80% of a's sentences and 50% of b's."),
        (
            {"tone_sentences": [-0.3, 0.1]},
            "Sentences mentioning T are more positive in b (mean +0.10) than in a (-0.30).",
        ),
        ({"tone_target": [0.05, 0.0]}, None),  # below min_difference
        (
            {"stance": ["R → T: favor ×3 (+0.70; praised)", "R → T: favor ×1 (+0.50; thanked)"]},
            "R → T: favor is found 3 times in a (+0.70; praised) and 1 in b.",
        ),
        (
            {"stance": ["", "A → T: against ×1 (-0.60; worried)"]},
            "Stance involving T found only in b: A → T: against ×1 (-0.60; worried).",
        ),
        ({"quoted": ["X×1; Y×2", "X×1"]}, "Quoted only in a: Y (2)."),
        (
            {"target_quoted": [0, 2], "quotes_by_target": ["", "“one” | “two”"]},
            "b reports 2 statements by T (0 in a): “one”; “two”",
        ),
        (
            {"quotes_on_target": ["R: “he paid” (he → the boss) | X: “T won”", "X: “T lost”"]},
            "Only a quotes R on T: “he paid” (he → the boss)",
        ),
        ({"quotes_on_target": ["X: “T won”", "X: “T lost”"]}, None),  # the same speaker on both sides
        ({"quotes_on_target": ["T: “I won”", ""]}, None),  # the target's own words: see quotes_by_target
    ],
)
def test_summary_statements(changes: dict, expected: object) -> None:
    lines = nl.compare_summary(summary_table(**changes))
    if expected is None:
        assert not any("aimed at" in line or line.startswith("Only ") for line in lines)
    elif isinstance(expected, list):
        assert lines == expected
    else:
        assert expected in lines


def test_summary_rejects_other_tables() -> None:
    import pandas as pd

    with pytest.raises(ParameterError):
        nl.compare_summary(pd.DataFrame({"x": [1]}))


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
