"""Sentence tone's fast paths give the same scores as the plain way (pattern's own reading of every word)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.document import Article, parse
from newslab.pattern_lexicon import pattern_constants, pattern_sentiment
from newslab.tone import _STAND_INS, _locate, _masked_words, _pattern_fast, _pattern_score, pattern_words
from newslab.tone_lexicon import lower_tokens

# words that trigger each branch of pattern's assessments: lexicon words, modifiers ("very", "-ly"
# adverbs), negations, "!", "(!)", emoticons, and unknown words of every length class
WORDS = [
    "good", "bad", "very", "really", "terribly", "not", "n't", "no", "never", "!", "(!)", ":)", ":-(", "<3",
    "a", "'s", "'", "''", "'''", "us", "40", "2.1", "talks", "nato", ".", ",", "the", "is", "...", "--", "'re",
    "great", "awful", "sad", "happy", "quite", "extremely", "q", "qq", "qqq", "21st", "3rd", "2ndly",
]  # fmt: skip


def _masked() -> frozenset[str]:
    lexicon = pattern_sentiment()
    emoticons, punctuation = pattern_constants()
    return _masked_words(lexicon, emoticons, punctuation)


def _plain(toks: list[str]) -> tuple[float, float, list[tuple[list[str], float]]]:
    """Pattern's own reading of every word, the masked ordinals read as the unknown words they stand in for."""
    masked = _masked()
    toks = [_STAND_INS[len(w) > 2, len(w) > 1] if w in masked else w for w in toks]
    assessed = pattern_sentiment().assessments([(w, None) for w in toks], True)
    if not assessed:
        return 0.0, 0.0, []
    polarity = sum(a[1] for a in assessed) / len(assessed)
    subjectivity = sum(a[2] for a in assessed) / len(assessed)
    return float(polarity), float(subjectivity), [(a[0], float(a[1])) for a in assessed]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_pattern_score_equals_patterns_reading_of_every_word(toks: list[str]) -> None:
    assert _pattern_score(toks) == _plain(toks)


def test_pattern_score_equals_plain_on_the_seed_sentences(seed_corpus) -> None:
    for article in seed_corpus:
        doc = parse(article)
        for sent, spans in zip(doc.sentences, doc.token_spans, strict=True):
            toks = lower_tokens(sent.text, spans, sent.start)
            assert _pattern_score(toks) == _plain(toks), sent.text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Not a good day.", ["not", "q", "good", "qqq"]),
        ("It is not very good at all!", ["not", "very", "good", "qq", "qqq", "!"]),
        ("Nothing here.", []),
    ],
)
def test_pattern_words_keep_known_words_and_stand_ins(text: str, expected: list[str]) -> None:
    doc = parse(Article("a", "", text))
    toks = lower_tokens(text, doc.token_spans[0])
    assert pattern_words(toks, _pattern_fast()[2]) == expected


def test_ordinals_in_patterns_lexicon_are_read_as_unknown_words() -> None:
    # a deviation from TextBlob kept from newslab's first fast path (rows unchanged): pattern itself counts "21st"
    assert _masked() == {"13th", "20th", "21st", "2nd", "3rd", "2ndly", "3rdly"}
    assert _pattern_score(["the", "21st", "century", "is", "great"]) == _pattern_score(
        ["the", "century", "is", "great"]
    )
    assert pattern_sentiment().assessments([("21st", None)], True) == [(["21st"], 0.0, 0.0, None)]


SCOPE_WORDS = [
    "not", "never", "no", "n't", "hardly", "very", "extremely", "so", "far", "from", "anything", "but", "by", "in",
    "kind", "of", "end", "reduce", "stop", "the", "war", "deaths", "good", "bad", ",", ".", "definitely", "a",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SCOPE_WORDS), min_size=1, max_size=14), st.integers(0, 13), st.booleans())
def test_scope_and_reverser_prechecks_change_nothing(toks: list[str], i: int, of_reversal: bool) -> None:
    from newslab.tone_lexicon import _reversals, _reverser, _reverser_scan, _scope, _scope_rules

    i = min(i, len(toks) - 1)
    fast_rules: list[str] = []
    plain_rules: list[str] = []
    assert _scope(toks, i, 1.5, fast_rules) == _scope_rules(toks, i, 1.5, plain_rules)
    assert fast_rules == plain_rules
    reversals = _reversals()
    fast = _reverser(toks, i, reversals, of_reversal=of_reversal)
    assert fast == _reverser_scan(toks, i, reversals, of_reversal=of_reversal)


def test_tone_rows_write_the_evidence_that_score_sentiment_gives(seed_corpus) -> None:
    from newslab.tone import _score_tokens, tone_rows
    from newslab.tone_lexicon import prepare_lexicon

    lex = prepare_lexicon(None)
    for article in seed_corpus:
        doc = parse(article)
        for row, sent, spans in zip(tone_rows(doc), doc.sentences, doc.token_spans, strict=True):
            score = _score_tokens(sent.text, spans, lex, backoff={}, offset=sent.start)
            words = [f"{e.term}:{e.weight:+.2f}" for e in score.evidence if e.source == "newslab"]
            assert (row.compound, row.vader, row.polarity, row.subjectivity, row.label) == (
                score.compound,
                score.vader,
                score.polarity,
                score.subjectivity,
                score.label,
            )
            assert (row.n_evidence, row.evidence) == (len(score.evidence), words)


SHARED_TEXTS = [
    "Allies are not happy with Trump, but Rutte praised him.",
    "An end to the war would reduce the number of traffic deaths.",
    "NATO’s chief said the talks were “very good”. Trump isn't so sure; critics called it a disaster.",
    "Far from perfect: the plan stops short of ending the crisis, but it is hardly a failure.",
]


@pytest.mark.parametrize("text", SHARED_TEXTS)
def test_sentence_tones_share_the_hits_the_target_model_finds(text: str) -> None:
    from newslab.tone import sentence_tones, tone_rows
    from newslab.tone_lexicon import default_prepared, lexicon_hits

    doc = parse(Article("a", "", text))
    rows, shared = sentence_tones(doc)
    assert rows == tone_rows(doc)
    assert shared is not None and len(shared) == len(doc.sentences)
    for k, hits in enumerate(shared):
        toks = doc.lowered_tokens(k)
        if hits is not None:  # given only where the target model's own reading finds the same hits
            assert hits == lexicon_hits(toks, default_prepared(), contrast=False)
        else:
            assert not default_prepared().reversals.isdisjoint(toks)


def test_sentence_tones_share_nothing_with_a_custom_lexicon() -> None:
    from newslab.tone import sentence_tones

    doc = parse(Article("a", "", "A good day."))
    assert sentence_tones(doc, lexicon={"good": 2.0})[1] is None
    assert sentence_tones(doc, backoff={"day": 1.0})[1] is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SCOPE_WORDS), max_size=14), st.booleans())
def test_with_contrast_is_the_contrast_rule_of_lexicon_hits(toks: list[str], of_reversal: bool) -> None:
    from newslab.tone_lexicon import default_prepared, lexicon_hits, with_contrast

    lex = default_prepared()
    plain = lexicon_hits(toks, lex, contrast=False, of_reversal=of_reversal)
    assert with_contrast(plain, toks) == lexicon_hits(toks, lex, of_reversal=of_reversal)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*SCOPE_WORDS, "death", "deaths", "crisis", "happy", "not working"]), max_size=14))
def test_unscoped_hits_are_the_scoped_hits_where_no_rule_word_stands(toks: list[str]) -> None:
    from newslab.tone_lexicon import _base_hits, _scope_words, _scoped_hits, _unscoped_hits, default_prepared

    lex = default_prepared()
    if lex.reversals.isdisjoint(toks) and _scope_words().isdisjoint(toks):
        base = _base_hits(toks, lex)
        assert _unscoped_hits(toks, lex, base) == _scoped_hits(toks, lex, base, False)
        assert _unscoped_hits(toks, lex, base) == _scoped_hits(toks, lex, base, True)


def _locate_plain(toks: list[str], assessed: list[tuple[list[str], float]]) -> list[tuple[int, int, float]]:
    """The token-by-token search that ``_locate`` replaced."""
    located, cursor = [], 0
    for words_, pol in assessed:
        for k in range(cursor, len(toks)):
            if toks[k] == words_[-1]:
                located.append((max(0, k - len(words_) + 1), k, pol))
                cursor = k + 1
                break
    return located


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "good", "bad", "not", "very", "!"]), max_size=12),
    st.lists(st.tuples(st.lists(st.sampled_from(["good", "bad", "not", "very", "!", "x"]), min_size=1, max_size=3),
                       st.floats(-1, 1)), max_size=5),
)  # fmt: skip
def test_locate_finds_what_the_plain_search_finds(toks: list[str], assessed: list[tuple[list[str], float]]) -> None:
    assert _locate(toks, assessed) == _locate_plain(toks, assessed)
