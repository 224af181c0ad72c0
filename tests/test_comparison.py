from __future__ import annotations

import math

import pandas as pd
import pytest

import newslab as nl
from newslab.comparison import COMPARE_COLUMNS, compare_tables, format_compare
from newslab.errors import ParameterError
from newslab.result import COLUMNS, Analysis


@pytest.fixture(scope="module")
def seed_analysis(seed_corpus: nl.Corpus) -> Analysis:
    return nl.analyze(seed_corpus)


@pytest.fixture(scope="module")
def seed_table(seed_analysis: Analysis) -> pd.DataFrame:
    return seed_analysis.compare()


def test_compare_shape(seed_table: pd.DataFrame) -> None:
    assert list(seed_table.columns) == COMPARE_COLUMNS
    assert seed_table[["article_id", "target"]].values.tolist() == [
        ["es-daily", "Trump"],
        ["es-daily", "NATO"],
        ["de-dpa", "Trump"],
        ["de-dpa", "NATO"],
    ]
    assert (seed_table.mentions == seed_table.names + seed_table.descriptions + seed_table.pronouns).all()
    assert (
        seed_table.mentions == seed_table.target_negative + seed_table.target_neutral + seed_table.target_positive
    ).all()
    assert seed_table.sentence_share.between(0, 1).all()
    assert seed_table.tone_sentences.between(-1, 1).all() and seed_table.tone_target.between(-1, 1).all()
    for cell in seed_table.labels:  # numbers and lists, never packed strings
        assert isinstance(cell, dict) and all(isinstance(n, int) for n in cell.values())
    assert all(
        isinstance(cell, list) for column in ("stance", "frames", "quotes_on_target") for cell in seed_table[column]
    )


def test_compare_is_the_analysis_compare(seed_corpus: nl.Corpus, seed_analysis: Analysis, seed_table) -> None:
    assert nl.compare(seed_corpus).equals(seed_table)
    assert nl.compare(seed_analysis).equals(seed_table)


def test_every_table_agrees(seed_corpus: nl.Corpus, seed_analysis: Analysis, seed_table) -> None:
    mentions = nl.find_mentions(seed_corpus)  # the public view equals the analysis' own table
    assert mentions.equals(seed_analysis.mentions)
    assert nl.find_quotes(seed_corpus).equals(seed_analysis.quotes)
    assert nl.stance_table(seed_corpus).equals(seed_analysis.stance)
    for row in seed_table.itertuples():
        m = mentions[(mentions.article_id == row.article_id) & (mentions.target == row.target)]
        assert row.mentions == len(m) and row.sentences == m.sentence_id.nunique()
        tone = seed_analysis.evidence(row.article_id, row.target, "tone_target")
        assert len(tone) == row.mentions and tone["score"].mean() == pytest.approx(row.tone_target)


def test_negative_and_positive_counts_use_the_model_labels(seed_analysis: Analysis, seed_table) -> None:
    for row in seed_table.itertuples():
        for label in ("negative", "neutral", "positive"):
            rows = seed_analysis.evidence(row.article_id, row.target, f"target_{label}")
            assert len(rows) == getattr(row, f"target_{label}") and set(rows["label"]) <= {label}
            assert {"sentence", "evidence", "score"} <= set(rows.columns)


def test_compare_shows_what_a_reader_sees(seed_table: pd.DataFrame) -> None:
    rows = seed_table.set_index(["article_id", "target"])
    es, de = rows.loc[("es-daily", "Trump")], rows.loc[("de-dpa", "Trump")]
    assert es.n_labels > de.n_labels  # the Spanish daily's many epithets
    assert "the tycoon" in es.labels and "the american populist" in es.labels
    pairs = {(e["holder"], e["target"], e["stance"]) for e in es.stance}
    assert ("Mark Rutte", "Trump", "favor") in pairs  # Rutte credits Trump
    assert ("allies", "Trump", "against") in {(e["holder"], e["target"], e["stance"]) for e in de.stance}
    assert any("three percent" in q for q in de.quotes_by_target)  # the 3% demand, reported as Trump's
    assert de.target_quoted > es.target_quoted
    assert "conflict" in {e["frame"] for e in de.frames}
    rutte = [e for e in es.quotes_on_target if e["speaker"] == "Mark Rutte"]
    assert rutte[0]["quote"].startswith("When he was president he was the one who encouraged us")
    assert rutte[0]["pronouns"] == ["he"] and rutte[0]["antecedents"] == ["the American"]
    assert not [e for e in rows.loc[("es-daily", "NATO")].quotes_on_target if e["speaker"] == "Mark Rutte"]
    shown = format_compare(seed_table).set_index(["article_id", "target"]).loc[("es-daily", "Trump")]
    assert "Mark Rutte → Trump: favor" in shown.stance and "(his → the American)" in shown.quotes_on_target


def test_a_quote_with_a_bar_is_not_cut(seed_table: pd.DataFrame) -> None:
    table = seed_table.copy()
    table.at[0, "quotes_on_target"] = [{"speaker": "Z", "quote": "a | b", "start": 0, "end": 5, "pronouns": [],
                                        "antecedents": []}]  # fmt: skip
    lines = nl.compare_summary(table)
    assert any("“a | b”" in line for line in lines)


def analysis_of(**tables: pd.DataFrame) -> Analysis:
    base = {name: pd.DataFrame([], columns=COLUMNS[name]) for name in COLUMNS}
    base["articles"] = pd.DataFrame(
        [("x", "T", "", "", 4, 8, 40, "h", "{}")], columns=COLUMNS["articles"]
    )  # fmt: skip
    for name, rows in tables.items():
        base[name] = rows.reindex(columns=COLUMNS[name])
    return Analysis(base)


def test_compare_from_hand_made_tables() -> None:
    mentions = pd.DataFrame({
        "article_id": ["x", "x", "x"], "sentence_id": [1, 2, 3], "target": ["Trump", "NATO", "Trump"],
        "mention": ["Trump", "NATO", "the tycoon"], "start": [6, 19, 28], "end": [11, 23, 33],
        "kind": ["name", "name", "description"], "rule": ["name", "name", "head:tycoon"], "antecedent": ["", "", ""],
    })  # fmt: skip
    tone = pd.DataFrame({"article_id": ["x"] * 4, "sentence_id": [0, 1, 2, 3], "compound": [0.9, 0.2, -0.5, 0.4]})
    target_tone = pd.DataFrame({
        "article_id": ["x", "x"], "sentence_id": [1, 3], "target": ["Trump", "Trump"], "label": ["negative", "neutral"],
        "score": [-0.6, 0.1],
    })  # fmt: skip
    stance = pd.DataFrame({
        "article_id": ["x", "x"], "holder": ["Rutte", "Trump"], "target": ["Trump", "NATO"],
        "stance": ["favor", "against"], "score": [0.8, -0.6], "cues": [["praised"], ["threatened"]],
    })  # fmt: skip
    quotes = pd.DataFrame({
        "article_id": ["x"], "speaker": ["he"], "speaker_resolved": ["Donald Trump"], "quote": ["we leave"],
        "start": [0], "end": [5],
    })  # fmt: skip
    analysis = analysis_of(mentions=mentions, tone=tone, target_tone=target_tone, stance=stance, quotes=quotes)
    table = compare_tables(analysis, (nl.TRUMP, nl.NATO))
    trump = table[table.target == "Trump"].iloc[0]
    assert (trump.mentions, trump.names, trump.descriptions, trump.sentences) == (2, 1, 1, 2)
    assert trump.sentence_share == pytest.approx(2 / 4)
    assert trump.labels == {"Trump": 1, "the tycoon": 1}
    assert trump.tone_sentences == pytest.approx((0.2 + 0.4) / 2)
    assert trump.tone_target == pytest.approx(-0.25)
    assert (trump.target_negative, trump.target_neutral, trump.target_positive) == (1, 1, 0)
    assert trump.stance_rows == 2 and trump.stance_favor == 1 and trump.stance_against == 0
    assert {"holder": "Rutte", "target": "Trump", "stance": "favor", "n": 1, "mean_score": 0.8,
            "cues": ["praised"]} in trump.stance  # fmt: skip
    assert trump.target_quoted == 1 and trump.quotes_by_target == ["we leave"]
    nato = table[table.target == "NATO"].iloc[0]
    assert math.isnan(nato.tone_target) and nato.target_quoted == 0
    assert format_compare(table).loc[1, "stance"] == "Trump → NATO: against ×1 (-0.60; threatened)"


def test_compare_is_the_function_after_submodule_import(seed_corpus: nl.Corpus) -> None:
    import newslab.comparison
    import newslab.keywords  # the modules are named apart from the function
    import newslab.tables

    assert nl.compare is newslab.tables.compare
    assert len(nl.compare(seed_corpus, targets=nl.NATO)) == 2


def test_evidence_rejects_unknown_cells(seed_analysis: Analysis) -> None:
    with pytest.raises(ParameterError, match="no article"):
        seed_analysis.evidence("nope", "Trump", "mentions")
    with pytest.raises(ParameterError, match="no target"):
        seed_analysis.evidence("es-daily", "EU", "mentions")
    with pytest.raises(ParameterError, match="column="):
        seed_analysis.evidence("es-daily", "Trump", "article_id")


@pytest.mark.parametrize("column", [c for c in COMPARE_COLUMNS if c not in ("article_id", "target")])
def test_evidence_for_every_cell(seed_analysis: Analysis, seed_table: pd.DataFrame, column: str) -> None:
    rows = seed_analysis.evidence("de-dpa", "Trump", column)
    assert (rows["article_id"] == "de-dpa").all()
    cell = seed_table.set_index(["article_id", "target"]).loc[("de-dpa", "Trump"), column]
    if column in ("mentions", "names", "descriptions", "pronouns", "stance_rows", "stance_favor", "stance_against",
                  "target_quoted", "target_negative", "target_neutral", "target_positive"):  # fmt: skip
        assert len(rows) == cell


# --------------------------------------------------------------------------- compare_summary


def test_summary_on_seed(seed_corpus: nl.Corpus, seed_analysis: Analysis) -> None:
    lines = seed_analysis.summary(keyness=nl.keyness(seed_corpus, "es-daily", "de-dpa"))
    text = "\n".join(lines)
    assert lines[0].startswith("es-daily uses 10 different labels for Trump, de-dpa 4")
    assert "Mark Rutte → Trump: favor" in text
    assert "statements by Trump (0 in es-daily)" in text
    assert "Around Trump, only de-dpa has conflict among its top frames" in text
    assert "Only es-daily quotes Mark Rutte on Trump: “When he was president he was the one who encouraged" in text
    assert "his work, his success, and we must do more.” (his → the American)" in text
    assert "Only de-dpa quotes Donald Trump on NATO: “the USA would leave the alliance”" in text
    assert lines[-1].startswith("Words most typical of de-dpa (keyness, p < 0.05):") or lines[-1].startswith("No word")


def stance_entry(holder: str, n: int, score: float, cue: str, target: str = "T", stance: str = "favor") -> dict:
    return {"holder": holder, "target": target, "stance": stance, "n": n, "mean_score": score, "cues": [cue]}


def quote_entry(speaker: str, quote: str, pronouns: list[str] = [], antecedents: list[str] = []) -> dict:  # noqa: B006
    return {"speaker": speaker, "quote": quote, "start": 0, "end": 1, "pronouns": pronouns, "antecedents": antecedents}


def summary_table(**changes: object) -> pd.DataFrame:
    base = {
        "article_id": ["a", "b"],
        "target": ["T", "T"],
        "n_labels": [2, 2],
        "labels": [{"T": 2, "the boss": 1}, {"T": 3, "the boss": 1}],
        "sentence_share": [0.5, 0.5],
        "tone_sentences": [0.1, 0.1],
        "tone_target": [0.0, 0.0],
        "stance": [[], []],
        "top_frame": ["war", "war"],
        "frames": [
            [{"frame": "war", "weight": 2.0, "cues": ["war"]}],
            [{"frame": "war", "weight": 3.0, "cues": ["war"]}],
        ],
        "quoted": [{"X": 1}, {"X": 1}],
        "target_quoted": [0, 0],
        "quotes_by_target": [[], []],
        "quotes_on_target": [[], []],
    }
    base.update(changes)  # type: ignore[arg-type]
    return pd.DataFrame(base)


@pytest.mark.parametrize(
    "changes,expected",
    [
        ({}, ["The leading frame around T is the same: in a war 2 (war); in b war 3 (war)."]),
        (
            {"n_labels": [3, 2], "labels": [{"T": 2, "the boss": 1, "the tycoon": 1}, {"T": 3, "the boss": 1}]},
            "a uses 3 different labels for T, b 2; only a: the tycoon.",
        ),
        ({"sentence_share": [0.8, 0.5]}, "T is mentioned in 80% of a's sentences and 50% of b's."),
        (
            {"tone_sentences": [-0.3, 0.1]},
            "Sentences mentioning T are more positive in b (mean +0.10) than in a (-0.30).",
        ),
        ({"tone_target": [0.05, 0.0]}, None),  # below min_difference
        (
            {"stance": [[stance_entry("R", 3, 0.7, "praised")], [stance_entry("R", 1, 0.5, "thanked")]]},
            "R → T: favor is found 3 times in a (+0.70; praised) and 1 in b.",
        ),
        (
            {"stance": [[], [stance_entry("A", 1, -0.6, "worried", stance="against")]]},
            "Stance involving T found only in b: A → T: against ×1 (-0.60; worried).",
        ),
        ({"quoted": [{"Y": 2, "X": 1}, {"X": 1}]}, "Quoted only in a: Y (2)."),
        (
            {"target_quoted": [0, 2], "quotes_by_target": [[], ["one", "two"]]},
            "b reports 2 statements by T (0 in a): “one”; “two”",
        ),
        (
            {"target_quoted": [0, 1], "quotes_by_target": [[], ["one"]]},
            "b reports 1 statement by T (0 in a): “one”",
        ),
        (
            {
                "quotes_on_target": [
                    [quote_entry("R", "he paid", ["he"], ["the boss"]), quote_entry("X", "T won")],
                    [quote_entry("X", "T lost")],
                ]
            },
            "Only a quotes R on T: “he paid” (he → the boss)",
        ),
        ({"quotes_on_target": [[quote_entry("X", "T won")], [quote_entry("X", "T lost")]]}, None),  # same speaker
        ({"quotes_on_target": [[quote_entry("T", "I won")], []]}, None),  # the target's own words
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


def test_summary_rejects_other_tables_and_options() -> None:
    with pytest.raises(ParameterError):
        nl.compare_summary(pd.DataFrame({"x": [1]}))
    with pytest.raises(ParameterError, match="min_difference"):
        nl.compare_summary(summary_table(), min_difference="x")  # type: ignore[arg-type]


def test_summary_is_linear_in_articles() -> None:
    n = 400
    table = pd.concat([summary_table()] * (n // 2), ignore_index=True)
    table["article_id"] = [f"a{i}" for i in range(n)]
    table["quoted"] = [{f"S{i}": 1} for i in range(n)]
    lines = nl.compare_summary(table)
    assert sum(line.startswith("Quoted only in") for line in lines) == n


def test_a_stance_finding_between_two_targets_is_stated_once() -> None:
    findings = nl.analyze(nl.load_seed_corpus()).summary()
    stance = [f for f in findings if "→" in f and (": against" in f or ": favor" in f)]
    assert stance and len(stance) == len(set(stance))
