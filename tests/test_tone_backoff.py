import importlib.util
from pathlib import Path

import numpy as np
import pytest

from newslab import sentiment as S
from newslab import tone_lexicon as TL
from newslab.errors import ParameterError
from newslab.lexicons import load_table, stopwords
from newslab.tone_backoff import BACKOFF_RULE, backoff_eligible, backoff_extra, default_backoff

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "word,eligible",
    [
        ("layoffs", True),
        ("shutdown", True),
        ("the", False),  # a function word
        ("good", False),  # VADER rates it
        ("security", False),  # listed with 0 by the news corrections: stays 0
        ("end", False),  # a reversal word
        ("very", False),  # a booster
        ("not", False),  # a negator
        ("1999", False),
        ("ok", False),  # too short
    ],
)
def test_backoff_applies_only_to_words_no_lexicon_rates(word, eligible):
    assert backoff_eligible(word, TL.prepare_lexicon(None)) is eligible


def test_backoff_word_moves_a_zero_sentence_with_evidence():
    text = "The company announced layoffs."
    assert S.score_sentiment(text, backoff={}).compound == 0.0
    s = S.score_sentiment(text, backoff={"layoffs": -1.5})
    assert s.compound < 0
    (hit,) = [e for e in s.evidence if e.source == "newslab"]
    assert (hit.term, hit.weight, hit.rule) == ("layoffs", -1.5, BACKOFF_RULE)
    assert text[hit.start : hit.end] == "layoffs"


def test_backoff_words_follow_the_scope_rules():
    backoff = {"layoffs": -1.5}
    assert S.score_sentiment("There were no layoffs.", backoff=backoff).compound > 0
    assert S.score_sentiment("They will prevent layoffs.", backoff=backoff).compound > 0


@pytest.mark.parametrize(
    "text",
    [
        "Senator Layoffs spoke today.",  # a capitalized word after the first token is a name
        "It was a good day.",  # a lexicon word keeps its lexicon valence
        "The cut was good.",
    ],
)
def test_backoff_never_rates_names_or_lexicon_words(text):
    backoff = {"layoffs": -3.0, "good": -3.0}
    assert S.score_sentiment(text, backoff=backoff) == S.score_sentiment(text, backoff={})


def test_sentence_initial_capital_is_not_a_name():
    toks = ["layoffs", "hit", "the", "town"]
    extra = backoff_extra("Layoffs hit the town", [(0, 7), (8, 11), (12, 15), (16, 20)], toks,
                          TL.prepare_lexicon(None), {"layoffs": -1.0})  # fmt: skip
    assert extra == {0: (-1.0, BACKOFF_RULE)}


def test_bad_backoff_raises():
    with pytest.raises(ParameterError):
        S.score_sentiment("text", backoff=["layoffs"])  # type: ignore[arg-type]


def test_packaged_backoff_lists_only_eligible_lowercase_content_words():
    lex = TL.prepare_lexicon(None)
    backoff = default_backoff()
    assert len(backoff) > 500
    assert all(w.islower() and backoff_eligible(w, lex) for w in backoff)
    assert not set(backoff) & stopwords()
    assert all(abs(v) < 4 for v in backoff.values())
    rows = load_table("sentiment_news_backoff")
    assert set(rows[0]) == {"term", "score", "count", "source"}
    assert all(int(r["count"]) >= 3 and r["source"] == "NewsMTSC train" for r in rows)


def test_packaged_backoff_is_opt_in():
    word = min(default_backoff(), key=lambda w: default_backoff()[w])  # the most negative word
    text = f"It was about {word}."
    assert S.score_sentiment(text) == S.score_sentiment(text, backoff={})  # off by default
    s = S.score_sentiment(text, backoff=default_backoff())
    assert s.compound < 0 and any(e.rule == BACKOFF_RULE for e in s.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "They want to reduce the number of traffic deaths.",
        "It would bring an end to years of bloody war.",
    ],
)
def test_reversal_reaches_through_of_in_sentence_tone(text):
    s = S.score_sentiment(text)
    assert s.compound > 0
    assert any('across "of"' in e.rule for e in s.evidence if e.source == "newslab")


def test_reversal_through_of_is_off_for_the_target_model():
    toks = ["reduce", "the", "number", "of", "traffic", "deaths"]
    lex = TL.prepare_lexicon(None)
    default = {h.first: h.weight for h in TL.lexicon_hits(toks, lex)}
    assert default[5] < 0  # the target model's reading is unchanged
    assert {h.first: h.weight for h in TL.lexicon_hits(toks, lex, of_reversal=True)}[5] > 0


def test_reversal_through_of_needs_the_of():
    toks = ["reduce", "the", "very", "many", "big", "traffic", "deaths"]
    hits = TL.lexicon_hits(toks, TL.prepare_lexicon(None), of_reversal=True)
    assert all("reversed" not in h.rule for h in hits if toks[h.first] == "deaths")


def _learner():
    path = REPO / "validation" / "learn_tone_backoff.py"
    spec = importlib.util.spec_from_file_location("learn_tone_backoff", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_learner_shrinks_and_skips_names_and_function_words():
    module = _learner()
    texts = ["The layoffs came.", "More layoffs hit.", "Layoffs again.", "They met Zorblat there.",
             "The shutdown hit.", "A shutdown ended."]  # fmt: skip
    gold = np.array([-1.0, -1.0, -1.0, 1.0, -1.0, 1.0])
    learned = module.learn(texts, gold, weight=1.0, shrink=2.0, min_count=2, by_stem=False, min_value=0.0)
    mean = gold.mean()
    assert learned["layoffs"][0] == pytest.approx(3 * (-1.0 - mean) / (3 + 2.0)) and learned["layoffs"][1] == 3
    assert "the" not in learned and "zorblat" not in learned and "met" not in learned  # count 1
    assert "shutdown" in learned and abs(learned["shutdown"][0]) < abs(learned["layoffs"][0])


def test_learner_pools_a_stem_but_never_a_name():
    module = _learner()
    texts = ["Layoff fears grew.", "The layoffs came.", "They saw Trump.", "He trumped them.", "It trumped all."]
    gold = np.array([-1.0, -1.0, 1.0, 1.0, 1.0])
    learned = module.learn(texts, gold, weight=1.0, shrink=0.0, min_count=2, by_stem=True, min_value=0.0)
    assert learned["layoffs"] == learned["layoff"] and learned["layoff"][1] == 2
    assert learned["trumped"][1] == 2  # pooled with "trumped" only: "Trump" is a name


def test_learner_leaves_out_valences_near_zero():
    module = _learner()
    texts = ["The layoffs came.", "More layoffs hit.", "The shutdown hit.", "A shutdown ended.", "We met.", "We met."]
    gold = np.array([-1.0, -1.0, 0.3, 0.1, 1.0, 1.0])  # shutdown: about +0.13 from the mean
    args = {"weight": 1.0, "shrink": 0.0, "min_count": 2, "by_stem": False}
    assert "shutdown" in module.learn(texts, gold, **args, min_value=0.0)
    learned = module.learn(texts, gold, **args, min_value=0.3)
    assert "layoffs" in learned and "shutdown" not in learned
