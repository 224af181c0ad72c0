"""Adapting the target tone model to a user's codes: validation, CV report, model= plumbing, save/load."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

import newslab as nl
from newslab.adapt import check_codes
from newslab.errors import CodingError, ParameterError
from newslab.feature_words import reasons
from newslab.scores import LABELS

# A toy "sports" domain where harsh words praise a player: the packaged news model reads them as negative.
NAMES = ["Kane", "Silva", "Moreno", "Okafor", "Lindqvist", "Haaland", "Rossi", "Dubois", "Nakamura", "Fischer"]
PRAISE = ["{} was brutal on the wing.", "Fans said {} was ruthless in front of goal.", "{} was a savage presence."]
PLAIN = ["{} started on the bench.", "{} wore the number nine shirt."]
# a slang word of the domain, in no lexicon and far from the name: only a word feature learned from the codes reaches it
SLANG = "{} cooked dinner for the squad, and the pasta was bussin."
SLANG_PLAIN = "{} cooked dinner for the squad, and the pasta was served at noon."


def _codes() -> pd.DataFrame:
    rows = []
    for k, name in enumerate(NAMES):
        for template in PRAISE:
            text = template.format(name)
            rows.append((text, text.index(name), text.index(name) + len(name), "positive", f"match-{k}"))
        for template, label in [(t, "neutral") for t in PLAIN] + [(SLANG, "positive"), (SLANG_PLAIN, "neutral")]:
            text = template.format(name)
            rows.append((text, text.index(name), text.index(name) + len(name), label, f"match-{k}"))
    return pd.DataFrame(rows, columns=["text", "start", "end", "label", "article_id"])


@pytest.fixture(scope="module")
def adapted() -> nl.TargetModel:
    # one candidate of each kind (retrain, offset without and with word features): all run their CV, the best is used
    return nl.adapt_target_model(
        _codes(),
        weights=(30.0,),
        l2=(1.0,),
        words=[(), ("text", "clause")],
        min_codes=(3,),
        decision_offsets=True,
        folds=3,
        n_boot=100,
    )


def test_adapted_model_learns_the_domain_and_reports_cv(adapted: nl.TargetModel) -> None:
    cv = adapted.provenance["cv"]
    assert adapted.adapted is not None and adapted.provenance["adapted"] is True
    assert cv["after"]["macro_f1"] > cv["before"]["macro_f1"]
    assert cv["before"]["ci_low"] <= cv["before"]["macro_f1"] <= cv["before"]["ci_high"]
    table = nl.adaptation_table(adapted)
    assert table["model"].tolist() == ["packaged", "adapted", "gain"]
    assert [r["kind"] for r in cv["per_candidate"]] == ["retrain", "offset", "offset"]
    assert [r["words"] for r in cv["per_candidate"]] == [[], [], ["text", "clause"]]
    assert cv["chosen"] in [r["candidate"] for r in cv["per_candidate"]]
    assert all(r["macro_f1"] > cv["before"]["macro_f1"] for r in cv["per_candidate"])


@pytest.mark.parametrize(
    "text,name,packaged,adapted_label",
    [
        ("Fans said Pereira was brutal on the wing.", "Pereira", "negative", "positive"),
        ("Pereira was ruthless in front of goal.", "Pereira", "negative", "positive"),
    ],
)
def test_model_keyword_changes_the_label(adapted: nl.TargetModel, text: str, name: str, packaged: str,
                                         adapted_label: str) -> None:  # fmt: skip
    span = (text.index(name), text.index(name) + len(name))
    assert nl.target_sentiment(text, span).label == packaged
    assert nl.target_sentiment(text, span, model=adapted).label == adapted_label
    assert [r.label for r in nl.target_sentiment_many([(text, span)], model=adapted)] == [adapted_label]


def test_a_domain_word_learned_from_the_codes_changes_the_label(adapted: nl.TargetModel) -> None:
    assert adapted.provenance["cv"]["chosen"] == "offset l2=1 words=text+clause k=3"
    assert adapted.words == ("text", "clause")
    text = SLANG.format("Pereira")  # a name the codes never held
    plain, tuned = nl.target_sentiment(text, (0, 7)), nl.target_sentiment(text, (0, 7), model=adapted)
    assert (plain.label, tuned.label) == ("neutral", "positive")
    assert {"code_text=bussin", "code_clause=bussin"} & {f.name for f in tuned.evidence}
    assert any("'bussin'" in r and "learned from your codes" in r for r in reasons(tuned.evidence))
    other = SLANG_PLAIN.format("Pereira")
    assert nl.target_sentiment(other, (0, 7), model=adapted).label == "neutral"


def test_the_packaged_model_is_untouched(adapted: nl.TargetModel) -> None:
    from newslab.target_model import shipped_target_model

    shipped = shipped_target_model()
    assert shipped.adapted is None and shipped.words == ()
    assert not any(name.startswith("code_") for name in shipped.base.weights)
    assert adapted.base is shipped.base  # the adapted model keeps the packaged weights as its base
    text = SLANG.format("Pereira")
    assert (
        nl.target_sentiment(text, (0, 7)).probabilities == nl.target_sentiment(text, (0, 7), model=None).probabilities
    )


def test_returned_model_is_checked_on_the_news_guard(adapted: nl.TargetModel) -> None:
    guard = adapted.provenance["cv"]["guard"]
    change = guard["returned_model_change"][adapted.provenance["cv"]["chosen"]]
    assert change >= -guard["tolerance"]  # the model returned costs the guard news no more than the tolerance
    assert guard["items"] > 1000


def test_news_text_keeps_the_packaged_label(adapted: nl.TargetModel) -> None:
    text = "Allies are deeply worried about Trump."
    assert nl.target_sentiment(text, (32, 37), model=adapted).label == "negative"


def test_analyze_takes_the_model_and_it_pickles(adapted: nl.TargetModel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "Fans said Trump was brutal on the wing. Trump wore the number nine shirt."
    art = nl.Article("a1", "t", text)
    plain = nl.analyze([art], tables=["mentions", "target_tone"]).target_tone
    tuned = nl.analyze([art], tables=["mentions", "target_tone"], model=adapted).target_tone
    assert len(plain) == len(tuned) >= 2
    assert plain["label"].tolist() != tuned["label"].tolist()
    assert pickle.loads(pickle.dumps(adapted)).fingerprint == adapted.fingerprint
    loaded = nl.load_target_model(adapted.save(tmp_path / "model.json"))
    assert loaded.fingerprint == adapted.fingerprint and loaded.words == adapted.words
    assert loaded.provenance["cv"] == pickle.loads(pickle.dumps(adapted.provenance["cv"]))
    again = nl.analyze([art], tables=["mentions", "target_tone"], model=loaded).target_tone
    assert again["label"].tolist() == tuned["label"].tolist()


@pytest.mark.parametrize(
    "change,message",
    [
        (lambda d: d.drop(columns=["label"]), "lack column"),
        (lambda d: d.assign(label=["great", *d["label"].tolist()[1:]]), "row 0: label 'great'"),
        (lambda d: d.assign(end=[999, *d["end"].tolist()[1:]]), "row 0: span"),
        (lambda d: d.iloc[:0], "no rows"),
    ],
)
def test_bad_codes_name_the_row_and_fix(change, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CodingError, match=message):
        check_codes(change(_codes()))


def test_no_candidate_is_refused() -> None:
    with pytest.raises(ParameterError, match="at least one positive value"):
        nl.adapt_target_model(_codes(), weights=(), l2=(0.0,))


def test_one_article_is_refused() -> None:
    with pytest.raises(ParameterError, match="2 or more"):
        nl.adapt_target_model(_codes().assign(article_id="one"))


@pytest.mark.parametrize("model", ["model.json", 3, object()])
def test_model_must_be_a_target_model(model: object) -> None:
    with pytest.raises(ParameterError, match="model="):
        nl.target_sentiment("Trump spoke.", (0, 5), model=model)  # type: ignore[arg-type]


def test_labels_are_read_case_insensitively() -> None:
    assert set(check_codes(_codes().assign(label=lambda d: d["label"].str.upper()))["label"]) == {"positive", "neutral"}


def test_model_files_of_version_1_load_and_unknown_versions_are_refused(adapted: nl.TargetModel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from newslab.target_model import ModelFileError

    path = adapted.save(tmp_path / "model.json")
    doc = json.loads(path.read_text())
    assert doc["version"] == 2 and doc["words"] == ["text", "clause"]
    # a file written before word features (version 1, no "words") loads as a model without them
    old = {k: v for k, v in doc.items() if k != "words"} | {"version": 1}
    old["adapted"]["weights"] = {k: v for k, v in old["adapted"]["weights"].items() if not k.startswith("code_")}
    (tmp_path / "old.json").write_text(json.dumps(old))
    loaded = nl.load_target_model(tmp_path / "old.json")
    assert loaded.words == () and loaded.adapted is not None
    result = nl.target_sentiment(SLANG.format("Pereira"), (0, 7), model=loaded, n_evidence=50)
    assert result.evidence and not any(f.name.startswith("code_") for f in result.evidence)
    (tmp_path / "new.json").write_text(json.dumps(doc | {"version": 3}))
    with pytest.raises(ModelFileError, match="version 3; this newslab reads versions"):
        nl.load_target_model(tmp_path / "new.json")
    (tmp_path / "bad.json").write_text(json.dumps(doc | {"words": ["emoji"]}))
    with pytest.raises(ModelFileError, match="word feature sets"):
        nl.load_target_model(tmp_path / "bad.json")


def test_unknown_word_sets_are_refused() -> None:
    with pytest.raises(ParameterError, match="word feature sets"):
        nl.adapt_target_model(_codes(), words=[("emoji",)])


def test_fast_macro_f1_equals_the_scores_module() -> None:
    import numpy as np

    from newslab.adapt_fit import macro_f1_index
    from newslab.scores import LABELS, macro_f1

    rng = np.random.default_rng(0)
    truth, pred = rng.integers(0, 3, 200), rng.integers(0, 3, 200)
    pred[pred == 2] = 1  # a class never predicted counts 0
    names = np.array(LABELS)
    assert macro_f1_index(truth, pred) == pytest.approx(macro_f1(names[truth], names[pred]))


def test_decision_offsets_lift_an_under_predicted_class() -> None:
    import numpy as np

    from newslab.adapt_fit import choose_offsets, crossfit_offsets

    # 90 neutral items, 10 positive ones that the adapted model gives 0.3 positive vs 0.7 neutral: argmax
    # never says positive (macro-F1 on 2 classes, 0.317); a shift of the positive logit by > log(7/3) does
    truth = np.array([1] * 90 + [2] * 10)
    tone = np.array([[0.05, 0.9, 0.05]] * 90 + [[0.0, 0.7, 0.3]] * 10)
    base, gate = np.full((100, 3), 1 / 3), np.ones((100, 1))
    shift, f1 = choose_offsets(truth, base, gate, tone)
    assert shift[1] == 0.0 and shift[2] > np.log(7 / 3) and f1 == pytest.approx(2 / 3)
    # no gain possible: no shift (ties go to 0)
    assert choose_offsets(truth, base, gate, np.eye(3)[truth])[0].tolist() == [0.0, 0.0, 0.0]
    # cross-fitted: each fold's offsets come from the other folds only
    splits = [(np.arange(50, 100), np.arange(0, 50)), (np.arange(0, 50), np.arange(50, 100))]
    pred, used = crossfit_offsets(truth, base, gate, tone, splits)
    assert used[1].tolist() == [0.0, 0.0, 0.0]  # chosen on the first half: no positive item, nothing to gain
    assert (pred[90:] == 1).all() and used[0][2] > 0 and (pred[:50] == 1).all()


def test_decision_offsets_are_in_the_provenance_and_can_be_taken_out(adapted: nl.TargetModel) -> None:
    from newslab.adapt import without_decision_offsets

    info = adapted.provenance["cv"]["decision_offsets"]
    assert set(info) >= {"used", "why", "shift", "cv_macro_f1_without"} and info["shift"]["neutral"] == 0.0
    plain = without_decision_offsets(adapted)
    assert adapted.adapted is not None and plain.adapted is not None
    moved = [a - b for a, b in zip(adapted.adapted.intercept, plain.adapted.intercept, strict=True)]
    assert moved == pytest.approx([info["shift"][lab] if info["used"] else 0.0 for lab in LABELS])
    assert plain.adapted.weights is adapted.adapted.weights
    assert without_decision_offsets(plain).adapted == plain.adapted  # offsets taken out once only


def test_decision_offsets_can_be_switched_off() -> None:
    model = nl.adapt_target_model(
        _codes(), weights=(), l2=(1.0,), words=[()], decision_offsets=False, folds=3, n_boot=50
    )
    info = model.provenance["cv"]["decision_offsets"]
    assert info["used"] is False and info["why"] == "not tried"


def test_prior_correction_moves_a_balanced_model_toward_the_domain_shares() -> None:
    import numpy as np

    from newslab.adapt_fit import PRIOR_POWERS, choose_prior, crossfit_prior, prior_shift

    # a neutral-heavy domain (90 neutral, 10 positive): the class-balanced adapted model reads 30 neutral items
    # as positive (0.50 vs 0.45); a quarter power of log(share / (1/3)) sets them right and keeps the positives
    truth = np.array([1] * 90 + [2] * 10)
    tone = np.array([[0.05, 0.45, 0.5]] * 30 + [[0.05, 0.9, 0.05]] * 60 + [[0.05, 0.3, 0.65]] * 10)
    base, gate = np.full((100, 3), 1 / 3), np.ones((100, 1))
    power, smoothing, f1 = choose_prior(truth, base, gate, tone)
    assert f1 == pytest.approx(2 / 3) and power == 0.25 and smoothing == 300.0  # 2/3: no negative item
    assert prior_shift(truth, 0.0, 0.0).tolist() == [0.0, 0.0, 0.0]  # power 0: no correction
    full = np.nan_to_num(prior_shift(truth, 1.0, 0.0), neginf=-50.0)  # the full Bayes shift loses the positives
    assert full[0] == -50.0 and full[1] == pytest.approx(np.log(2.7))
    # cross-fitted: each fold's power, smoothing and shares come from the other folds only
    splits = [(np.arange(0, 100, 2), np.arange(1, 100, 2)), (np.arange(1, 100, 2), np.arange(0, 100, 2))]
    pred, used = crossfit_prior(truth, base, gate, tone, splits)
    assert all(p in PRIOR_POWERS for p, _ in used) and (pred == truth).mean() > 0.9


def test_prior_correction_is_in_the_provenance_and_can_be_taken_out() -> None:
    from newslab.adapt import without_decision_offsets
    from newslab.adapt_fit import PRIOR_POWERS, PRIOR_SMOOTHING

    model = nl.adapt_target_model(
        _codes(), weights=(), l2=(1.0,), words=[()], prior_correction=True, folds=3, n_boot=50
    )
    info = model.provenance["cv"]["decision_offsets"]
    assert info["method"] == "prior" and info["power"] in PRIOR_POWERS and info["smoothing"] in PRIOR_SMOOTHING
    assert len(info["per_fold"]) == 3 and info["cv_macro_f1_with"] >= 0
    plain = without_decision_offsets(model)
    assert model.adapted is not None and plain.adapted is not None
    moved = [a - b for a, b in zip(model.adapted.intercept, plain.adapted.intercept, strict=True)]
    assert moved == pytest.approx([info["shift"][lab] if info["used"] else 0.0 for lab in LABELS])
    with pytest.raises(ParameterError, match="alternatives"):
        nl.adapt_target_model(_codes(), decision_offsets=True, prior_correction=True)


def test_gate_shifts_are_tried_in_order_until_the_guard_holds(adapted: nl.TargetModel, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import newslab.adapt

    assert {r["gate_shift"] for r in adapted.provenance["cv"]["per_candidate"]} == {0.0}  # default: no shift
    # a guard no candidate can keep (it must gain 1.0 macro-F1 on news): every shift is tried, the last is
    # recorded, and the packaged model is returned
    monkeypatch.setattr(newslab.adapt, "GUARD_TOLERANCE", -1.0)
    model = nl.adapt_target_model(
        _codes(), weights=(), l2=(1.0,), words=[()], gate_shifts=(0.0, -2.0, 5.0), folds=3, n_boot=50
    )
    assert [r["gate_shift"] for r in model.provenance["cv"]["per_candidate"]] == [-2.0]  # 5 (> 0) is ignored
    assert model.provenance["adapted"] is False and model.adapted is None


def test_an_adapted_model_names_its_stemmer_and_loads_without_a_warning(adapted: nl.TargetModel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import warnings

    from newslab.target_reading import STEMMER

    assert adapted.provenance["stemmer"] == STEMMER
    path = adapted.save(tmp_path / "adapted.json")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nl.load_target_model(path).fingerprint == adapted.fingerprint


@pytest.mark.parametrize(
    "text,name,expected",
    [
        # a positive lexicon word counts +1, a negated one -1; the mention itself and plain words give nothing
        ("The mayor is good for the city.", "mayor", {"code_lexicon=good": 1.0}),
        ("The mayor is not good for the city.", "mayor", {"code_lexicon=good": -1.0}),
        ("The mayor visited the city.", "mayor", {}),
        ("Good Will Hunting opened in the city.", "Good Will Hunting", {}),
    ],
)
def test_lexicon_word_features_carry_the_sign_of_the_lexicon_evidence(text: str, name: str, expected: dict) -> None:  # type: ignore[type-arg]
    from newslab.code_words import code_word_features
    from newslab.target_tone import target_reading

    sent, a, b = target_reading(text, (text.index(name), text.index(name) + len(name)))
    assert code_word_features(sent, a, b, ("lexicon",)) == expected


def test_content_word_filter_drops_function_words_only() -> None:
    from newslab.adapt_fit import Design, item_features

    texts = ["The waiter was not good to us.", "The waiter was rude to us.", "The waiter was kind to us."]
    feats = [item_features(t, 4, 10) for t in texts]
    design = Design(feats[:1], feats)
    rows = np.arange(1, 4)
    names = {design.word_names[j] for j in design.word_columns(("text", "bigram", "lexicon"), rows, 1)}
    kept = {design.word_names[j] for j in design.word_columns(("text", "bigram", "lexicon"), rows, 1, True)}
    assert {"code_text=the", "code_text=to", "code_bigram=to us"} <= names - kept  # function words (and pairs)
    assert {"code_text=rude", "code_bigram=not good", "code_lexicon=rude"} <= kept  # content words, "not good"


def test_candidate_grid_with_the_content_filter_and_exact_candidates() -> None:
    from newslab.adapt import Candidate, candidate_grid

    grid = candidate_grid((10.0,), (1.0,), [(), ("text",)], (2,), (False, True))
    assert [c.label for c in grid] == [
        "retrain w=10",
        "offset l2=1",
        "offset l2=1 words=text k=2",
        "offset l2=1 words=text k=2 content-words",
    ]
    with pytest.raises(ParameterError, match="kind must be"):
        nl.adapt_target_model(_codes(), candidates=[Candidate("boost", 1.0)])
    with pytest.raises(ParameterError, match="word feature sets"):
        nl.adapt_target_model(_codes(), candidates=[Candidate("offset", 1.0, ("nouns",), 2)])


def test_exact_candidates_without_the_ci_rule_and_a_lexicon_model_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newslab.adapt import Candidate

    cand = Candidate("offset", 1.0, ("text", "lexicon"), 3, True)
    model = nl.adapt_target_model(_codes(), candidates=[cand], require_gain_ci=False, folds=3, n_boot=50)
    cv = model.provenance["cv"]
    assert cv["require_gain_ci"] is False
    assert [r["candidate"] for r in cv["per_candidate"]] == ["offset l2=1 words=text+lexicon k=3 content-words"]
    assert model.provenance["adapted"] is True and model.words == ("text", "lexicon")
    assert not any(w.split("=", 1)[1] in ("the", "was", "on") for w in model.adapted.weights if w.startswith("code_"))
    path = tmp_path / "lexicon_model.json"
    model.save(path)
    text = "Fans said Pereira was brutal on the wing."
    span = (text.index("Pereira"), text.index("Pereira") + len("Pereira"))
    again = nl.load_target_model(path)
    assert nl.target_sentiment(text, span, model=again) == nl.target_sentiment(text, span, model=model)


def test_word_scale_lets_the_code_learned_words_weigh_more() -> None:
    from newslab.adapt import Candidate
    from newslab.adapt_fit import Design, fit_offset, item_features

    codes = _codes()
    feats = [item_features(t, a, b) for t, a, b in zip(codes["text"], codes["start"], codes["end"], strict=True)]
    design = Design(feats[:1], feats)
    y = np.array(["neutral", *codes["label"]])
    rows = np.arange(1, len(feats))
    plain = fit_offset(design, y, rows, 10.0, ("text",), 3)
    same = fit_offset(design, y, rows, 10.0, ("text",), 3, word_scale=1.0)
    scaled = fit_offset(design, y, rows, 10.0, ("text",), 3, word_scale=10.0)
    assert len(plain.word_cols) and np.array_equal(plain.word_cols, scaled.word_cols)
    assert np.array_equal(plain.word_coef, same.word_coef)  # the default is the round-7 fit
    assert np.abs(scaled.word_coef).max() > 2 * np.abs(plain.word_coef).max()
    assert Candidate("offset", 3.0, ("text",), 2, word_scale=10.0).label == "offset l2=3 words=text k=2 word-scale=10"
    assert Candidate("offset", 3.0, (), 0, word_scale=10.0).label == "offset l2=3"
    with pytest.raises(ParameterError, match="word_scale"):
        nl.adapt_target_model(codes, candidates=[Candidate("offset", 1.0, ("text",), 2, word_scale=0.0)])
