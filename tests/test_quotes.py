from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newslab as nl
from newslab.errors import ParameterError
from newslab.quotes import evaluate_quotes, find_quotes, load_cues, same_speaker, speaker_table

GOLD = Path(__file__).parent / "data" / "seed_quotes_gold.tsv"


def quotes(text: str, **kw) -> list[tuple[str, str, str, str]]:
    df = find_quotes(nl.Article("t", "", text), **kw)
    return list(zip(df["speaker_resolved"], df["verb"], df["quote"], df["kind"], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We are ready,” Mark Rutte said.", ("Mark Rutte", "said", "We are ready", "direct")),
        ('"We are ready," Mark Rutte said.', ("Mark Rutte", "said", "We are ready", "direct")),
        ("“We are ready,” said Mark Rutte.", ("Mark Rutte", "said", "We are ready", "direct")),
        ("Mark Rutte said: “We are ready.”", ("Mark Rutte", "said", "We are ready.", "direct")),
        (
            "“We met,” NATO spokeswoman Farah Dakhlallah told the German Press Agency.",
            ("Farah Dakhlallah", "told", "We met", "direct"),
        ),
        ("Trump said that NATO was obsolete.", ("Trump", "said", "NATO was obsolete", "indirect")),
        (
            "Trump said he and Rutte had become friends.",
            ("Trump", "said", "he and Rutte had become friends", "indirect"),
        ),
        (
            "Mark Rutte told reporters that the talks went well.",
            ("Mark Rutte", "told", "the talks went well", "indirect"),
        ),
        (
            "According to diplomats, the meeting was short.",
            ("diplomats", "according to", "the meeting was short", "indirect"),
        ),
    ],
)
def test_quotes_and_speakers(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in quotes(text)


def test_split_quote_and_pronoun_speaker() -> None:
    text = "Mark Rutte spoke in Brussels. “When he was president,” he declared on Monday, “we spent more.”"
    found = quotes(text)
    assert [(s, q) for s, _, q, _ in found] == [
        ("Mark Rutte", "When he was president"),
        ("Mark Rutte", "we spent more."),
    ]


def test_she_resolves_to_the_spokeswoman() -> None:
    text = "“We met,” NATO spokeswoman Farah Dakhlallah said. She added that the talks were long."
    assert ("Farah Dakhlallah", "added", "the talks were long", "indirect") in quotes(text)


def test_coordinated_reports() -> None:
    text = "Trump claimed that he could end the war and demanded that allies spend more."
    found = [(v, q) for _, v, q, _ in quotes(text)]
    assert found == [("claimed", "he could end the war"), ("demanded", "allies spend more")]


@pytest.mark.parametrize(
    "text",
    [
        "The 32 NATO states currently achieve this mark.",  # "states" is a noun here
        "He complained of a cold.",  # no reported clause
        "Trump's statements had raised doubts.",  # a noun, not a speech act
        "It was a long day in Brussels.",
    ],
)
def test_no_false_quotes(text: str) -> None:
    assert quotes(text) == []


def test_seed_direct_quotes_all_found_with_right_speaker(seed_corpus: nl.Corpus) -> None:
    gold = pd.read_csv(GOLD, sep="\t", comment="#")
    result = evaluate_quotes(find_quotes(seed_corpus), gold)
    assert result["found"].all(), result[~result["found"]]
    assert result["speaker_ok"].all(), result[~result["speaker_ok"]][["quote", "speaker", "predicted_speaker"]]


def test_seed_indirect_speech(seed_corpus: nl.Corpus) -> None:
    df = find_quotes(seed_corpus, kinds=["indirect"])
    de = df[df.article_id == "de-dpa"]
    assert {"claimed", "demanded", "threatened", "said", "according to", "added"} <= set(de["verb"])
    assert set(de["speaker_resolved"]) <= {"Donald Trump", "Farah Dakhlallah", "NATO"}
    for row in df.itertuples():
        assert seed_corpus[row.article_id].text[row.start : row.end] == row.quote


def test_speaker_table_and_helpers(seed_corpus: nl.Corpus) -> None:
    table = speaker_table(find_quotes(seed_corpus))
    assert table.loc[("es-daily", "Mark Rutte"), "direct"] == 2
    assert same_speaker("Mark Rutte", "rutte") and not same_speaker("", "Rutte")
    assert {c.cue for c in load_cues() if c.speech} >= {"say", "tell", "declare", "according to"}


def test_bad_kinds() -> None:
    with pytest.raises(ParameterError):
        find_quotes("He said so.", kinds=["paraphrase"])


@pytest.mark.parametrize("name", ["unseen", "heldout"])
def test_handwritten_articles_direct_quotes(name: str) -> None:
    corpus = nl.load_corpus(Path(__file__).parent / "data" / f"{name}_articles.jsonl")
    gold = pd.read_csv(Path(__file__).parent / "data" / f"{name}_quotes_gold.tsv", sep="\t", comment="#")
    result = evaluate_quotes(find_quotes(corpus), gold)
    assert result["found"].all() and result["speaker_ok"].all(), result


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The president-elect, who takes office in January, has said that he will win. Trump agreed.", "Trump"),
        ("Jens Stoltenberg, the former secretary general, said he believed it.", "Jens Stoltenberg"),
    ],
)
def test_speaker_across_apposition_or_relative_clause(text: str, speaker: str) -> None:
    assert next(s for s, _, _, k in quotes(text) if k == "indirect") == speaker


def test_attitude_verb_with_object_is_not_speech() -> None:
    assert quotes("The organisation criticized the West.") == []
    assert ("Viktor Orban", "said", "he would not block it", "indirect") in quotes(
        "Hungary's prime minister, Viktor Orban, said he would not block it."
    )
