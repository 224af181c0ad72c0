"""Named constructions aimed at a target, and the rule layer over the target model (newslab.target_rules)."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.errors import ParameterError
from newslab.feature_words import describe_feature, reasons
from newslab.target_model import load_target_model, shipped_target_model
from newslab.target_rules import CONSTRUCTIONS, Aimed, aimed_constructions, kept_rules, rule_model, rule_override
from newslab.target_tone import target_reading

KEPT = tuple(sorted(kept_rules()))


def _aimed(text: str, mention: str, nth: int = 0) -> tuple[Aimed, ...]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    sent, a, b = target_reading(text, (start, start + len(mention)))
    return aimed_constructions(sent, a, b)


@pytest.mark.parametrize(
    "text,mention,name,words",
    [
        ("Republicans fell short of expectations in the midterms.", "Republicans", "failing", "fell short"),
        ("Sanders still trails Clinton by 200 delegates.", "Sanders", "failing", "trails"),
        ("The senator has failed to win over his own party.", "The senator", "failing", "failed to"),
        ("Trump celebrated the summit as if he had actually emerged victorious.", "Trump", "irony", "as if"),
        ("Mr. Trump has come under intense fire for the remarks.", "Mr. Trump", "burden", "come under intense fire"),
        ("The PM is enduring most of the blame for the defeat.", "The PM", "burden", "enduring most of the blame"),
        ("Democrats urged Biden to consider stepping aside.", "Biden", "pressed", "urged ... to"),
        ("Chants called for Clinton to be jailed.", "Clinton", "pressed", "called for ... to"),
        ("Trump must be willing to confront Putin.", "Trump", "demanded", "must"),
        ("The riot was blamed on Trump by his critics.", "Trump", "blamed", "blamed on"),
        ("It was an insurrection, incited by the president of the United States.", "the president", "bad_act_by",
         "incited by"),
        ("The violence caused by Trump supporters shocked the city.", "Trump", "bad_act_by", "violence ... caused by"),
    ],
)  # fmt: skip
def test_construction_fires_for_its_target(text: str, mention: str, name: str, words: str) -> None:
    assert Aimed(name, words) in _aimed(text, mention)


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Republicans fell short of expectations in the midterms.", "expectations"),
        ("Democrats urged Biden to consider stepping aside.", "Democrats"),  # the one who presses
        ("Clinton was defeated by Trump in 2016.", "Trump"),  # the agent of a win, not of a bad act
        ("The award was presented by Trump on Monday.", "Trump"),  # no bad act before "by"
        ("Trump said Clinton had failed the country.", "Trump"),  # the failure is Clinton's
        ("Trump must have been pleased with the result.", "Trump"),  # a guess, not a demand
        ("Sanders praised the plan.", "Sanders"),
        ("He retires after 40 years in Congress and a failed presidential run.", "Congress"),  # an adjective
    ],
)
def test_construction_does_not_fire(text: str, mention: str) -> None:
    assert _aimed(text, mention) == ()


def test_rule_override_only_reads_a_neutral_label_and_only_kept_constructions() -> None:
    text = "Republicans fell short of expectations on Tuesday."
    sent, a, b = target_reading(text, (0, 11))
    assert rule_override(sent, a, b, "neutral", KEPT) == Aimed("failing", "fell short")
    assert rule_override(sent, a, b, "positive", KEPT) is None
    assert rule_override(sent, a, b, "negative", KEPT) is None
    assert rule_override(sent, a, b, "neutral", ()) is None
    text = "Democrats urged Biden to consider stepping aside."  # pressed: not kept (no train evidence)
    sent, a, b = target_reading(text, (16, 21))
    assert "pressed" not in kept_rules()
    assert rule_override(sent, a, b, "neutral", KEPT) is None
    assert rule_override(sent, a, b, "neutral", ("pressed",)) == Aimed("pressed", "urged ... to")


def test_kept_rules_are_the_ones_the_train_evidence_supports() -> None:
    assert kept_rules() == {"irony", "burden", "failing"}


def test_target_sentiment_names_the_rule_and_its_words_in_the_evidence() -> None:
    text = "Republicans fell short of expectations on Tuesday."
    assert nl.target_sentiment(text, span=(0, 11)).label == "neutral"  # the packaged model: no rule layer
    result = nl.target_sentiment(text, span=(0, 11), model=rule_model())
    assert result.label == "negative"
    assert result.evidence[0].name == "rule=failing:fell short"
    assert 1 < len(result.evidence) <= 6  # the rule, then the features that push toward negative
    # the score and probabilities stay the model's
    assert result.score == pytest.approx(result.probabilities["positive"] - result.probabilities["negative"])
    assert reasons(result.evidence[:1], target="Republicans") == [
        "Republicans is failing: 'fell short' (rule failing: a neutral reading made negative)"
    ]
    assert nl.target_sentiment(text, span=(0, 11), n_evidence=0, model=rule_model()).evidence == ()


def test_a_polar_reading_is_left_alone() -> None:
    text = "Trump celebrated the summit as if he had actually emerged victorious."
    result = nl.target_sentiment(text, span=(0, 5), model=rule_model())
    assert not any(f.name.startswith("rule=") for f in result.evidence)


def test_the_pass_and_the_many_call_agree_with_the_single_call() -> None:
    text = "Republicans fell short of expectations on Tuesday. Trump came under fire."
    model = rule_model()
    many = nl.target_sentiment_many([(text, (0, 11)), (text, (51, 56))], n_evidence=6, model=model)
    single = [nl.target_sentiment(text, span=sp, model=model) for sp in ((0, 11), (51, 56))]
    assert [r.label for r in many] == [r.label for r in single]
    assert many[0].evidence[0].name == "rule=failing:fell short"


def test_unknown_rule_reads_as_its_name() -> None:
    assert (
        describe_feature("rule=other:x y", target="T")
        == "the construction 'other': 'x y' (rule other: a neutral reading made negative)"
    )


def test_the_rule_layer_is_asked_only_for_a_rule_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslab import target_tone

    calls = []
    monkeypatch.setattr(target_tone, "rule_override", lambda sent, a, b, label, rules: calls.append((label, rules)))
    nl.target_sentiment("Republicans fell short of expectations on Tuesday.", span=(0, 11))
    assert calls == []
    nl.target_sentiment("Republicans fell short of expectations on Tuesday.", span=(0, 11), model=rule_model())
    assert calls == [("neutral", KEPT)]


def test_the_pass_names_the_rule_in_the_row() -> None:
    article = nl.Article("a", "", "Republicans fell short of expectations on Tuesday.")
    target = nl.Target("Republicans")
    plain = nl.analyze(article, targets=[target], tables=["target_tone"]).target_tone
    ruled = nl.analyze(article, targets=[target], tables=["target_tone"], model=rule_model()).target_tone
    assert plain["label"].tolist() == ["neutral"]
    assert ruled["label"].tolist() == ["negative"]
    assert ruled["evidence"][0][0] == "rule=failing:fell short (+1.00)"


def test_rule_model_checks_its_input_and_survives_save_and_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ParameterError, match="valid"):
        rule_model(rules=["sarcasm"])
    model = rule_model(rules=CONSTRUCTIONS)
    assert set(model.rules) == set(CONSTRUCTIONS)
    assert rule_model().fingerprint != shipped_target_model().fingerprint
    loaded = load_target_model(rule_model().save(tmp_path / "m.json"))
    assert loaded.rules == KEPT and loaded.fingerprint == rule_model().fingerprint
    old = load_target_model(shipped_target_model().save(tmp_path / "old.json"))  # a file without rules
    assert old.rules == () and old.fingerprint == shipped_target_model().fingerprint
