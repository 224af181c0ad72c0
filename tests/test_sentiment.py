import math

import pandas as pd
import pytest

import newslab as nl
from newslab import sentiment as S
from newslab import tone_lexicon as TL
from newslab.corpus import Article, Corpus
from newslab.errors import NewslabError, ParameterError


@pytest.mark.parametrize(
    "text,sign",
    [
        ("This is a good idea.", 1),
        ("This is a bad idea.", -1),
        ("This isn't a bad idea.", 1),  # negation of a negative word
        ("This is not a good idea.", -1),
        ("No problems were reported.", 1),  # determiner "no" negates, is not itself negative
        ("The system is not working.", -1),  # both lexicons miss it; packaged phrase
        ("The deal hardly inspires confidence.", -1),  # VADER reads "hardly" as a dampener only
        ("This is definitely good.", 1),
        ("Officials met on Friday in Florida.", 0),  # the opt-in backoff lexicon would rate "met" +0.46
        ("", 0),
        ("   ", 0),
    ],
)
def test_compound_sign(text, sign):
    value = S.score_sentiment(text).compound
    if sign == 0:
        assert value == 0.0
    else:
        assert math.copysign(1, value) == sign and abs(value) >= S.LABEL_THRESHOLD


@pytest.mark.parametrize(
    "stronger,weaker",
    [
        ("This is very good.", "This is good."),
        ("This is definitely good.", "This is good."),
        ("This is extremely bad.", "This is bad."),
    ],
)
def test_intensifiers_strengthen(stronger, weaker):
    assert abs(S.score_sentiment(stronger).compound) > abs(S.score_sentiment(weaker).compound)


def test_contrast_weights_second_clause():
    # "but" shifts weight to what follows (VADER's rule, applied in newslab's reading)
    a = S.score_sentiment("The plan is good, but the execution is terrible.").compound
    b = S.score_sentiment("The plan is terrible, but the execution is good.").compound
    assert a < 0 < b


@pytest.mark.parametrize("word", ["security", "support", "united", "party", "interest"])
def test_topical_news_words_are_not_positive(word):
    lex = S.news_lexicon()
    assert lex[word] <= 0.5
    assert TL.vader_analyzer().lexicon[word] > lex[word]


def test_negation_scope_stops_at_clause_break():
    hits = TL.lexicon_hits(["not", "now", ",", "good"], TL.prepare_lexicon(None))
    assert [(h.first, h.weight, h.rule) for h in hits] == [(3, pytest.approx(1.9), "")]


@pytest.mark.parametrize(
    "text,term",
    [
        ("Trump caves to Democrats.", "caves"),
        ("The senator backs down on the bill.", "backs down"),
        ("The governor came under fire for the plan.", "came under fire"),
        ("Critics call it a flip-flop.", "flip-flop"),
        ("The House voted to censure him.", "censure"),
        ("The remarks were reprehensible.", "reprehensible"),
    ],
)
def test_news_evaluation_lexicon_reads_political_judgements(text, term):
    s = S.score_sentiment(text)
    assert s.compound <= -S.LABEL_THRESHOLD
    assert any(e.source == "newslab" and e.term == term and e.weight < 0 for e in s.evidence)


def test_phrase_evidence_spans_the_phrase():
    text = "Once again the mayor backed down."
    (ev,) = [e for e in S.score_sentiment(text).evidence if e.source == "newslab"]
    assert text[ev.start : ev.end] == "backed down" and 'phrase "backed down"' in ev.rule


def test_principled_and_hailed_are_positive():
    assert S.score_sentiment("She is a principled leader.").compound > 0
    assert S.score_sentiment("Allies hailed the agreement.").compound > 0


@pytest.mark.parametrize(
    "reversed_,plain",
    [
        ("The plan will end the war.", "The plan will prolong the war."),
        ("The drug could reduce deaths.", "The drug could cause deaths."),
        ("They worked to overcome discrimination.", "They faced discrimination."),
    ],
)
def test_reversal_flips_the_sense(reversed_, plain):
    rev = S.score_sentiment(reversed_)
    assert rev.compound > 0 > S.score_sentiment(plain).compound
    assert any("reversed by" in e.rule for e in rev.evidence)


def test_reversal_word_is_not_a_cue_of_its_own():
    # "stop" alone is no judgement (sense correction); "fight" reverses "corruption"
    assert S.score_sentiment("They will stop by on Monday.").compound == 0.0
    assert S.score_sentiment("He vowed to fight corruption.").compound > 0


def test_clear_is_a_booster_not_praise():
    assert not [e for e in S.score_sentiment("He made it clear on Monday.").evidence if e.source == "newslab"]
    assert S.score_sentiment("It was a clear cave by the mayor.").compound < 0


def test_evaluation_lexicon_file_is_documented_and_consistent():
    from newslab.lexicons import load_table

    rows = load_table("sentiment_news_evaluative")
    kinds = {"evaluative", "sense", "event", "reversal"}
    assert all(r["kind"] in kinds and r["source"] in {"reading", "train errors"} for r in rows)
    assert len({(r["term"], r["kind"]) for r in rows}) == len(rows)  # no duplicate entries
    assert all(-4 <= float(r["score"]) <= 4 for r in rows)
    words = S.news_lexicon()
    assert words["caves"] < 0 < words["principled"] and words["backs down"] < 0


def test_custom_lexicon_phrases_are_matched():
    s = S.score_sentiment("They rolled over at once.", lexicon={"rolled over": -2.0})
    assert s.compound < 0 and [e.term for e in s.evidence if e.source == "newslab"] == ["rolled over"]


def test_event_words_are_read_apart_from_judgements():
    f = S.target_features("Former candidate Ross Perot has died.", (17, 27))
    assert "event_vneg" in f and "sent_vneg" not in f
    g = S.target_features("Critics said Perot was reckless.", (13, 18))
    assert g.get("sent_vneg", 0) < 0 and "event_vneg" not in g


def test_positive_events_and_train_error_rows():
    # round 6: a lead or a victory is a positive event for the target, read apart from judgements
    f = S.target_features("Clinton leads by four points in the latest poll.", (0, 7))
    assert f.get("event_vpos", 0) > 0 and "sent_vpos" not in f
    g = S.target_features("Gorsuch deserves to be confirmed, McConnell said.", (0, 7))
    assert g.get("sent_vpos", 0) > 0  # "deserves": an inflection of the listed "deserve"
    h = S.target_features("Clinton did the right thing, aides said.", (0, 7))
    assert "S=right" in h and h.get("right_vpos", 0) > 0


def test_holder_features_mark_words_near_another_name():
    text = "Clinton praised the plan, while Trump called it a disaster and reckless."
    f = S.target_features(text, (0, 7))  # Clinton: the negative words sit next to Trump
    assert f.get("other_vneg", 0) < 0 and f.get("own_vpos", 0) > 0
    assert "own_vneg" not in f


def test_quoted_words_marked_when_target_outside_quote():
    text = 'Pelosi said the bill was "a reckless disaster".'
    f = S.target_features(text, (0, 6))
    assert f.get("quoted_vneg", 0) < 0


def test_score_fields_and_evidence():
    s = S.score_sentiment("The summit was a great success, officials said.")
    assert -1 <= s.compound <= 1 and -1 <= s.vader <= 1 and -1 <= s.polarity <= 1 and 0 <= s.subjectivity <= 1
    terms = {(e.source, e.term) for e in s.evidence}
    assert ("newslab", "great") in terms and ("textblob", "great") in terms
    text = "The summit was a great success, officials said."
    assert all(text[e.start : e.end] == e.term for e in s.evidence)
    assert s.label == "positive"


def test_vader_field_is_plain_vader():
    text = "Security support for the alliance is strong."
    assert S.score_sentiment(text).vader == pytest.approx(TL.vader_analyzer().polarity_scores(text)["compound"])


def test_injected_lexicon_is_used():
    text = "The alliance offered support."
    assert S.score_sentiment(text, lexicon={"support": 3.0}).compound > S.score_sentiment(text).compound
    adjusted = S.news_lexicon(adjustments={"support": 3.0})
    assert adjusted["support"] == 3.0 and adjusted["bad"] == S.news_lexicon()["bad"]


@pytest.mark.parametrize("bad", [None, 3, b"bytes"])
def test_bad_text_raises(bad):
    with pytest.raises(NewslabError):
        S.score_sentiment(bad)


def test_bad_lexicon_raises():
    with pytest.raises(ParameterError):
        S.score_sentiment("good", lexicon=["good"])


def test_sentiment_table_rows_and_offsets():
    corpus = nl.load_seed_corpus()
    df = S.sentiment_table(corpus)
    assert len(df) == sum(len(a.sentences) for a in corpus)
    assert list(df.columns) == [
        "article_id",
        "sentence_id",
        "start",
        "end",
        "text",
        "compound",
        "vader",
        "polarity",
        "subjectivity",
        "label",
        "n_evidence",
        "evidence",
    ]
    art = corpus["de-dpa"]
    for row in df[df.article_id == "de-dpa"].itertuples():
        assert art.text[row.start : row.end] == row.text
    # same numbers as scoring each sentence alone
    row = df.iloc[3]
    alone = S.score_sentiment(row.text)
    assert row.compound == pytest.approx(alone.compound) and row.vader == pytest.approx(alone.vader)
    assert set(df["label"]) <= set(S.LABELS)


def test_sentiment_table_without_evidence():
    df = S.sentiment_table([Article("a", "A", "Good news. Bad news.")], evidence=False)
    assert "evidence" not in df.columns and len(df) == 2
    assert df.compound.iloc[0] > 0 > df.compound.iloc[1]


def test_article_sentiment_summary():
    corpus = Corpus([Article("pos", "P", "Great success. Good talks. Fine."), Article("neg", "N", "A terrible war.")])
    summary = S.article_sentiment(corpus)
    assert list(summary.article_id) == ["pos", "neg"]
    pos, neg = summary.iloc[0], summary.iloc[1]
    assert pos.n_sentences == 3 and pos.share_positive > 0 and neg.share_negative == 1.0
    assert pos.balance > 0 > neg.balance
    with pytest.raises(ParameterError):
        S.article_sentiment(pd.DataFrame({"x": [1]}))


def test_article_sentiment_is_length_normalized():
    # raw VADER on a whole article saturates; the sentence mean does not
    corpus = nl.load_seed_corpus()
    summary = S.article_sentiment(corpus)
    assert (summary.compound_mean.abs() < 0.5).all()


@pytest.mark.parametrize(
    "text,mention,label",
    [
        ("Allies are deeply worried about Trump.", "Trump", "negative"),
        ("Rutte praised Trump for his strong leadership.", "Trump", "positive"),
        ("NATO allies harshly criticized Trump.", "Trump", "negative"),
        ("Trump met Rutte in Florida on Friday.", "Trump", "neutral"),
    ],
)
def test_target_sentiment_cases(text, mention, label):
    start = text.index(mention)
    result = S.target_sentiment(text, span=(start, start + len(mention)))
    assert result.label == label
    assert -1 <= result.score <= 1
    assert sum(result.probabilities.values()) == pytest.approx(1.0)


def test_target_sentiment_evidence_supports_label():
    text = "Allies are deeply worried about Trump."
    result = S.target_sentiment(text, span=(32, 37), n_evidence=4)
    assert 0 < len(result.evidence) <= 4
    assert all(f.weight > 0 for f in result.evidence)
    assert result.evidence == tuple(sorted(result.evidence, key=lambda f: -f.weight))


def test_target_sentiment_in_article_uses_its_sentence():
    sentence = "Allies are deeply worried about Trump."
    text = "The meeting took place on Friday. " + sentence + " Rutte flew home."
    start = text.index("Trump")
    alone = S.target_sentiment(sentence, span=(32, 37))
    inside = S.target_sentiment(text, span=(start, start + 5))
    assert inside.label == alone.label and inside.score == pytest.approx(alone.score)


@pytest.mark.parametrize("span", [(5, 3), (-1, 2), (0, 999), (2, 2), ("a", "b"), (1,), None])
def test_target_sentiment_bad_span(span):
    with pytest.raises(ParameterError):
        S.target_sentiment("Trump met Rutte.", span=span)


def test_target_sentiment_many_matches_single():
    items = [("Allies are deeply worried about Trump.", (32, 37)), ("Rutte thanked Trump.", (14, 19))]
    many = S.target_sentiment_many(items)
    single = [S.target_sentiment(t, span=sp) for t, sp in items]
    assert [m.label for m in many] == [s.label for s in single]
    with pytest.raises(ParameterError, match="item 1"):
        S.target_sentiment_many([items[0], ("short", (0, 99))])


def test_target_sentiment_many_keeps_the_input_order_when_sentences_repeat_apart():
    text = "Rutte thanked Trump. Allies are deeply worried about Trump."
    items = [(text, (40, 53)), ("Rutte praised Trump.", (14, 19)), (text, (14, 19)), (text, (53, 58)), (text, (0, 5))]
    many = S.target_sentiment_many(items, n_evidence=3)
    single = [S.target_sentiment(t, span=sp, n_evidence=3) for t, sp in items]
    assert many == single  # label, score, evidence and probabilities, item by item
    assert [m.label for m in many][2:4] == ["positive", "negative"]  # Trump in either sentence of one text


def test_lexicon_hits_start_only_at_listed_tokens():
    lex = TL.prepare_lexicon({"good": 2.0, "backs down": -1.5, "not working": -1.0, "meh": 0.0})
    assert {"good", "goodly", "backs", "working"} <= lex.starts  # words, inflections, phrase heads, X of "not X"
    assert not {"meh", "down", "goods"} & lex.starts  # no valence, inside a phrase, not an inflection of "good"
    toks = ["it", "is", "not", "working", "and", "he", "backs", "down", "but", "good"]
    found = [(h.first, h.end, h.weight) for h in TL.lexicon_hits(toks, lex, contrast=False)]
    assert found == [(2, 4, -1.0), (6, 8, -1.5), (9, 10, 2.0)]
    bare = lex._replace(starts=frozenset())  # built by hand without starts: every token is looked at
    assert TL.lexicon_hits(toks, bare, contrast=False) == TL.lexicon_hits(toks, lex, contrast=False)


def test_features_are_masked_and_sided():
    f = S.target_features("Critics slammed Trump, and praised Rutte.", (16, 21))
    assert "L=slammed" in f or "L2=slammed" in f
    assert not any("trump" in name for name in f)  # the mention itself is never a feature


def test_stem_features_mark_side_clause_and_skip_names():
    text = "Critics slammed Trump, and Rutte praised him warmly."
    f = S.target_features(text, (16, 21))
    assert {"Ls=critic", "Ls=slam", "Ln=slam"} <= set(f)  # first word kept although capitalized
    assert {"Rxs=prais", "Rxs=warmli"} <= set(f)  # after the comma: another clause
    assert "Rxn=prais" not in f  # "praised" is 3 words to the right: not near
    assert not any("rutt" in name for name in f)  # a capitalized word inside the sentence is a name
    far = S.target_features("Trump " + "x " * 10 + "praised it.", (0, 5))
    assert not any(name.endswith("=prais") for name in far if name[:2] in ("Rs", "Rn"))  # beyond 8 tokens


def test_model_file_is_plain_weights():
    rows = nl.lexicons.load_table("target_sentiment_model")
    assert {r["class"] for r in rows} == set(S.LABELS)
    assert sum(r["feature"] == "__intercept__" for r in rows) == 3
    assert all(math.isfinite(float(r["weight"])) for r in rows)


def test_public_names_resolve():
    assert nl.score_sentiment is S.score_sentiment and nl.target_sentiment is S.target_sentiment
    assert nl.SentimentScore is S.SentimentScore and nl.TargetSentiment is S.TargetSentiment


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Trump Caves To Democrats", "Trump"),
        ("The House voted to censure Trump.", "Trump"),
        ("Trump is taking heat from conservatives for caving on the budget.", "Trump"),
    ],
)
def test_news_judgements_reach_the_target(text, mention):
    start = text.index(mention)
    result = S.target_sentiment(text, (start, start + len(mention)))
    assert result.label == "negative" and result.evidence


def test_a_death_is_not_a_judgement_of_the_person():
    text = "Former candidate Ross Perot has died."
    assert S.target_sentiment(text, (17, 27)).label != "negative"


def _score_target_tone_module():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "validation" / "score_target_tone.py"
    spec = importlib.util.spec_from_file_location("score_target_tone", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_score_target_tone_reads_a_user_sample(tmp_path, capsys):
    module = _score_target_tone_module()
    sample = tmp_path / "sample.tsv"
    sample.write_text(
        "sentence\tstart\tend\tlabel\n"
        "Allies are deeply worried about Trump.\t32\t37\tnegative\n"
        "Rutte praised Trump for his strong leadership.\t14\t19\tpos\n"
        "Rutte met Trump in Florida.\t10\t15\t0\n",
        encoding="utf-8",
    )
    assert module.main([str(sample), "--bootstrap", "50"]) == 0
    out = capsys.readouterr().out
    assert "3 targets in 3 sentences" in out and "95% CI" in out


def test_score_target_tone_rejects_bad_rows(tmp_path, capsys):
    module = _score_target_tone_module()
    sample = tmp_path / "bad.tsv"
    sample.write_text("sentence\tstart\tend\tlabel\nabc\t0\t2\tgreat\n", encoding="utf-8")
    assert module.main([str(sample)]) == 2
    assert "line 2" in capsys.readouterr().err


def test_bootstrap_ci_brackets_the_estimate():
    import numpy as np

    module = _score_target_tone_module()
    rng = np.random.default_rng(0)
    gold = rng.integers(0, 3, 300)
    pred = np.where(rng.random(300) < 0.7, gold, (gold + 1) % 3)
    groups = [str(i // 2) for i in range(300)]
    lo, hi = module.bootstrap_ci(gold, pred, groups, n_boot=200)
    assert lo < module.macro_f1(gold, pred) < hi and hi - lo < 0.25


def test_regular_inflections_inherit_the_listed_valence():
    s = S.score_sentiment("They acted illegally and unfairly.", backoff={})
    rules = {e.term: e.rule for e in s.evidence if e.source == "newslab"}
    assert s.compound < 0 and rules == {"illegally": 'inflection of "illegal"', "unfairly": 'inflection of "unfair"'}
    words = TL.prepare_lexicon(None).words
    assert words["supported"] == TL.default_lexicon()["supported"]  # a listed form keeps its own valence
    assert "hardly" not in words and "goods" not in words  # a negator, and another word


def test_inflections_of_a_custom_lexicon():
    assert S.score_sentiment("The plan was zorped.", lexicon={"zorp": -2.0}).compound < 0
    assert "deaths" in TL.prepare_lexicon({"zorp": -2.0}).events


def test_event_words_count_half_in_sentence_tone():
    event = S.score_sentiment("Three soldiers were killed.", backoff={})
    (hit,) = [e for e in event.evidence if e.source == "newslab"]
    assert hit.weight == pytest.approx(TL.default_lexicon()["killed"] * TL.EVENT_WEIGHT)
    assert "names an event" in hit.rule


def test_speech_features_link_the_holder():
    text = "Senator Smith said that Trump was a disgrace."
    about = S.target_features(text, (text.index("Trump"), text.index("Trump") + 5))
    assert about["in_speech"] == 1.0 and about.get("speech_about_vneg", 0) < 0
    speaker = S.target_features(text, (8, 13))
    assert speaker["is_speaker"] == 1.0 and speaker.get("speech_own_vneg", 0) < 0
    assert "in_speech" not in S.target_features("Trump was a disgrace.", (0, 5))


def test_an_event_word_predicated_of_someone_is_a_judgement():
    toks = ["the", "storm", "was", "a", "disaster", "and", "he", "was", "defeated", "in", "the", "disaster"]
    event = [t in ("disaster", "defeated") for t in toks]
    from newslab.target_reading import predicated_events

    assert predicated_events(toks, event) == [4]  # not the passive, not the second "disaster"
    assert S.target_sentiment("Trump was a disaster.", (0, 5)).label == "negative"


def test_a_speaker_named_in_another_sentence_makes_attributed_speech():
    text = "“Trump was right about spending.”"
    unattributed = S.sentence_target_tones(text, [(1, 6)], speech=[(1, 32, -1, -1)], n_evidence=200)[0]
    elsewhere = S.sentence_target_tones(
        text, [(1, 6)], speech=[(1, 32, S.SPEAKER_ELSEWHERE, S.SPEAKER_ELSEWHERE)], n_evidence=200
    )[0]
    # attributed speech leans neutral (reported words): 0.30 vs 0.25 with the model retrained for PyStemmer's stems
    # (2026-12-07). Its negative probability is no longer below the scare quote's (0.212 vs 0.201; 0.214 vs 0.228
    # before): a retrain on today's features with NLTK's stems gives the same (0.215 vs 0.204), so the weights,
    # not the stems, moved; that half of the old assertion is not kept.
    assert elsewhere.probabilities["neutral"] > unattributed.probabilities["neutral"]


def test_the_analysis_pass_hands_over_speakers_of_the_sentence_before():
    from types import SimpleNamespace

    from newslab.mention_tone import speech_in as _speech_in

    # sentence [40, 80); a quote at 50-70 whose speaker stands at 0-10, in the sentence before
    elsewhere = SimpleNamespace(start=50, end=70, speaker_start=0, speaker_end=10)
    here = SimpleNamespace(start=50, end=70, speaker_start=72, speaker_end=77)
    none = SimpleNamespace(start=50, end=70, speaker_start=-1, speaker_end=-1)
    speech = _speech_in(40, 80, [elsewhere, here, none])
    assert speech == [
        (10, 30, S.SPEAKER_ELSEWHERE, S.SPEAKER_ELSEWHERE),
        (10, 30, 32, 37),
        (10, 30, -1, -1),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Allies are not happy with Trump, but Rutte praised him.",
        "An end to the war would reduce the number of traffic deaths, Trump said.",
        "NATO’s chief said the talks with Trump were “very good”; critics called him a disaster.",
    ],
)
def test_target_tone_reads_the_shared_tokens_and_hits_as_its_own(text):
    from newslab.document import parse
    from newslab.mention_tone import mention_tones
    from newslab.target_reading import read_sentence
    from newslab.tone import sentence_tones

    doc = parse(Article("a", "", text))
    _, shared = sentence_tones(doc)
    lex = TL.default_prepared()
    for k, sent in enumerate(doc.sentences):
        local = [(s - sent.start, e - sent.start) for s, e in doc.token_spans[k]]
        own = read_sentence(sent.text, 0, len(sent.text), lex, None, local)
        assert read_sentence(sent.text, 0, len(sent.text), lex, None, local, doc.lowered_tokens(k), shared[k]) == own
    found = _mentions(doc)
    assert found
    assert mention_tones(doc, found, [], hits=shared) == mention_tones(doc, found, [])


def _mentions(doc):
    from newslab.mentions import article_mentions
    from newslab.targets import DEFAULT_TARGETS

    return article_mentions(doc, DEFAULT_TARGETS)
