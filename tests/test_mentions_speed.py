"""The speed shortcuts of the mention modules (round sp7) agree with the plain way on generated texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.descriptions import (
    _of_country_re,
    _office_of_country_re,
    _role_event_res,
    _role_vocabulary,
    target_descriptions,
)
from newslab.document import Article, parse
from newslab.hedging import sentence_hedges
from newslab.pronouns import _blockers, _SentenceWords, hits_among, word_hits
from newslab.regex_scan import _required_strings
from newslab.targets import DEFAULT_TARGETS

#: Fragments that make the rules fire: names, titles, roles, countries, appositions, determiners, stopwords.
_VOCABULARY = (
    "President", "Joe Biden", "Mr. Stone", "Russian", "Monday", "The", "the", "a", "an", "of", "US",
    "the United States", "America", "Russia", "Trump", "NATO", "president", "secretary general", "prime minister",
    "leader", "he", "his", "it", "its", "said", "met", ",", ".", "and", "Smith", "White House", ", the", ", a",
    "45-year-old", "president who", "has", "alliance", "officials", "Alliance",
)  # fmt: skip

_texts = st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=30).map(
    lambda ws: " ".join(ws).replace(" ,", ",").replace(" .", ".")  # "Biden, the president.": punctuation attached
)


@settings(max_examples=200, deadline=None)
@given(text=_texts, the=st.booleans(), start_at=st.integers(0, 40))
def test_first_blocker_answers_as_the_full_search(text: str, the: bool, start_at: int) -> None:
    """``_blockers(first=True)`` is the full list's first run (or empty exactly when the full list is)."""
    doc = parse(Article("a", "", text))
    words = _SentenceWords(doc)
    for sentence in range(len(doc.sentences)):
        sent_words = words[sentence]
        end = doc.sentences[sentence].end
        full = _blockers(sent_words, doc.tokens, [], end, start=start_at, the=the)
        first = _blockers(sent_words, doc.tokens, [], end, start=start_at, the=the, first=True)
        assert first == full[:1]


_PHRASES, _TITLES, _SORTED = _role_vocabulary(tuple(r for t in DEFAULT_TARGETS for r in t.roles))


@settings(max_examples=300, deadline=None)
@given(text=_texts)
def test_prechecks_never_skip_a_match(text: str) -> None:
    """A text the cheap "tail" regexes find nothing in has no match of the full regexes either."""
    _, apposition, tail = _role_event_res(_TITLES, _SORTED)
    office = _office_of_country_re(tuple(sorted(_PHRASES)))
    assert office is not None
    if tail.search(text) is None:
        assert apposition.search(text) is None
    if _of_country_re().search(text) is None:
        assert office.search(text) is None


def test_prechecks_find_the_examples() -> None:
    """The examples of the two rules pass the pre-checks (and match in full)."""
    _, apposition, tail = _role_event_res(_TITLES, _SORTED)
    office = _office_of_country_re(tuple(sorted(_PHRASES)))
    assert office is not None
    text = "Joe Biden, the US president, met a President of the United States."
    assert tail.search(text) and apposition.search(text)
    assert _of_country_re().search(text) and office.search(text)


@settings(max_examples=300, deadline=None)
@given(text=_texts)
def test_target_patterns_hold_their_required_strings(text: str) -> None:
    """Every match of a target's pattern holds one of its required strings, so skipping a text without any is safe."""
    for target in DEFAULT_TARGETS:
        for rx in target._pattern_res:
            needed = _required_strings(rx)
            assert needed is not None
            for m in rx.finditer(text):
                assert any(n in m.group().lower() for n in needed)


def test_target_patterns_still_found() -> None:
    """The shortcut leaves the patterns' own matches in place."""
    trump = DEFAULT_TARGETS[0]
    text = "Critics spoke. The 70-year-old said no. It was a president who has lost."
    rules = [(text[m.start : m.end], m.rule) for m in target_descriptions(trump, text)]
    assert ("The 70-year-old", "pattern") in rules and ("a president who", "pattern") in rules


_TRICKY = ("He", "HE", "he’s", "his", "Him", "ΟΔΟΣ", "Σ", "İt", "\u212aim", "it", "It’s", "‘its", "man", "guy", "kim")


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(_VOCABULARY + _TRICKY), min_size=1, max_size=30).map(" ".join),
    words=st.sets(st.sampled_from(("he", "his", "him", "it", "its", "man", "guy", "kim", "σ", "he’s", "it's"))),
)
def test_word_hits_equal_lowering_each_token(text: str, words: set[str]) -> None:
    """``word_hits`` finds the tokens ``str.lower`` finds, with ASCII words (shared tokens) or others (plain)."""
    doc = parse(Article("a", "", text))
    plain = [i for i, t in enumerate(doc.tokens) if t.text.lower() in words]
    assert word_hits(doc, words) == plain


_PRONOUN_WORDS = ("he", "his", "him", "it", "its", "man", "guy", "kim", "σ", "he’s", "it's")


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(_VOCABULARY + _TRICKY), min_size=1, max_size=30).map(" ".join),
    words=st.sets(st.sampled_from(_PRONOUN_WORDS)),
    more=st.sets(st.sampled_from(_PRONOUN_WORDS)),
)
def test_hits_among_more_words_equal_the_words_own_hits(text: str, words: set[str], more: set[str]) -> None:
    """``hits_among`` of the hits of a superset equals ``word_hits`` of the words themselves."""
    doc = parse(Article("a", "", text))
    assert hits_among(doc, words, word_hits(doc, words | more)) == word_hits(doc, words)
    assert hits_among(doc, words) == word_hits(doc, words)


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            _VOCABULARY
            + _TRICKY
            + ("may", "MAY", "might", "in", "general", "seem", "seems", "perhaps", "according", "to", "It’s")
        ),
        min_size=1,
        max_size=30,
    ).map(" ".join)
)
def test_hedges_from_shared_tokens_equal_lowering_each_token(text: str) -> None:
    """``sentence_hedges`` finds the same hedges from the shared lowercased tokens as from the text."""
    doc = parse(Article("a", "", text))
    for sid, spans in enumerate(doc.token_spans):
        plain = sentence_hedges(doc.text, list(spans))
        assert sentence_hedges(doc.text, list(spans), doc.lowered_tokens(sid)) == plain
