"""Tokenizer behaviour: news-specific cases as tables, and properties with hypothesis."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.tokenizers import sentence_spans, sentences, word_spans, word_spans_at, words


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Rutte met Dr. Smith. They talked.", ["Mr. Rutte met Dr. Smith.", "They talked."]),
        ("He lives in the U.S. and works in Brussels.", ["He lives in the U.S. and works in Brussels."]),
        ("He lives in the U.S. The talks went well.", ["He lives in the U.S.", "The talks went well."]),
        ("On Jan. 20 Trump takes office. Rutte waits.", ["On Jan. 20 Trump takes office.", "Rutte waits."]),
        ("Donald J. Trump won. Kamala D. Harris lost.", ["Donald J. Trump won.", "Kamala D. Harris lost."]),
        ("Germany reaches 2.1 percent. Spain is far away.", ["Germany reaches 2.1 percent.", "Spain is far away."]),
        ("Allies spend 2%. Trump wants 3%.", ["Allies spend 2%.", "Trump wants 3%."]),
        ("“It went well.” Rutte left.", ["“It went well.”", "Rutte left."]),
        ('"It went well." Rutte left.', ['"It went well."', "Rutte left."]),
        ("“Why?” he asked. Nobody knew.", ["“Why?” he asked.", "Nobody knew."]),
        ("“We must do more,” he said. Fine.", ["“We must do more,” he said.", "Fine."]),
        ("Trump — the tycoon — spoke. Allies worried.", ["Trump — the tycoon — spoke.", "Allies worried."]),
        ("He paused... then spoke. Wait… Really?", ["He paused... then spoke.", "Wait…", "Really?"]),
        ("Headline without period\nBody starts here.", ["Headline without period", "Body starts here."]),
        ("Headline\n\nBody one. Body two.", ["Headline", "Body one.", "Body two."]),
        ("Tags:\n• NATO\n• Donald Trump", ["Tags:", "• NATO", "• Donald Trump"]),
        ("- first item\n- second item", ["- first item", "- second item"]),
        (
            "“exceed 2% [del PIB en Defensa]”, he declared. Next.",
            ["“exceed 2% [del PIB en Defensa]”, he declared.", "Next."],
        ),
        ("It was Inc. The company grew.", ["It was Inc.", "The company grew."]),
        ("Overrule Roe v. Wade now. Yes.", ["Overrule Roe v. Wade now.", "Yes."]),
        ("Acme Inc. Board members met.", ["Acme Inc. Board members met."]),
        ("a line that wraps\nonto the next line. Done.", ["a line that wraps\nonto the next line.", "Done."]),
        (". The fragment joins the next sentence.", [". The fragment joins the next sentence."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trump's allies", ["Trump", "'s", "allies"]),
        ("Trump’s allies", ["Trump", "’s", "allies"]),
        ("This isn't bad", ["This", "is", "n't", "bad"]),
        ("They don’t care", ["They", "do", "n’t", "care"]),
        ("O'Brien spoke", ["O'Brien", "spoke"]),
        ("the president-elect", ["the", "president-elect"]),
        ("2.1 percent and 2% and 1,000", ["2.1", "percent", "and", "2%", "and", "1,000"]),
        ("the U.S. and e.g. Mr. Rutte", ["the", "U.S.", "and", "e.g.", "Mr.", "Rutte"]),
        ("No. 1 said no.", ["No.", "1", "said", "no", "."]),
        ("“Hello,” he said...", ["“", "Hello", ",", "”", "he", "said", "..."]),
        ("[del PIB en Defensa]", ["[", "del", "PIB", "en", "Defensa", "]"]),
        ("from 2017-2021 -- twice", ["from", "2017-2021", "--", "twice"]),
        ("Visit https://nato.int/news.", ["Visit", "https://nato.int/news", "."]),
        ("café naïve Zürich", ["café", "naïve", "Zürich"]),
        ("", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_seed_articles_sentence_counts(seed_corpus) -> None:
    counts = {art.id: len(art.sentences) for art in seed_corpus}
    assert counts == {"es-daily": 20, "de-dpa": 22}
    de = seed_corpus["de-dpa"]
    assert (
        de.sentences[0].text
        == "Before the change of power in the USA, NATO Secretary General meets with Trump in Florida"
    )
    assert "Allies are worried about Trump’s second term in office" in [s.text for s in de.sentences]
    # the quote split around its attribution stays one sentence
    es = seed_corpus["es-daily"]
    assert any(
        s.text.startswith("“When he was president") and s.text.endswith("we must do more.”") for s in es.sentences
    )


# ---------------------------------------------------------------- properties

PIECES = [*"abcXYZ .,!?;:'\"“”‘’—-…()[]%$\n\t0123456789", "Mr.", "U.S.", " the ", "\n\n", "• ", "n't", "J. "]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
ANY_TEXT = st.text(max_size=300)


def _check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert 0 <= previous_end <= start < end <= len(text)
        previous_end = end


@settings(max_examples=300, deadline=None)
@given(st.one_of(NEWSY, ANY_TEXT))
def test_word_spans_round_trip_ordered_and_cover_non_space(text: str) -> None:
    spans = word_spans(text)
    _check_spans(text, spans)
    assert [text[s:e] for s, e in spans] == words(text)
    assert all(text[s:e].strip() == text[s:e] for s, e in spans), "tokens never include whitespace"
    covered = "".join(text[s:e] for s, e in spans)
    assert covered == re.sub(r"\s+", "", text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(NEWSY, ANY_TEXT))
def test_sentence_spans_round_trip_ordered_and_cover_non_space(text: str) -> None:
    spans = sentence_spans(text)
    _check_spans(text, spans)
    assert [text[s:e] for s, e in spans] == sentences(text)
    for s, e in spans:
        assert not text[s].isspace() and not text[e - 1].isspace(), "sentences are trimmed"
    gaps = zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(text)], strict=True)
    outside = "".join(text[a:b] for a, b in gaps)
    assert outside.strip() == "", "every non-space character lies in a sentence"


@pytest.mark.parametrize("bad", [None, b"bytes", 42])
def test_non_string_input_is_a_clear_error(bad: object) -> None:
    from newslab.errors import ParameterError

    for func in (sentences, sentence_spans, words, word_spans):
        with pytest.raises(ParameterError, match="text must be a string"):
            func(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The war was launched by (US President George W.) Bush in 2003. Critics condemned it.",
         ["The war was launched by (US President George W.) Bush in 2003.", "Critics condemned it."]),
        ("It was signed by (Gen.) Smith today.", ["It was signed by (Gen.) Smith today."]),
        ("He left (see Fig. A.) The rest stayed.", ["He left (see Fig. A.)", "The rest stayed."]),
        ("He won (by 3 votes.) Then he left.", ["He won (by 3 votes.)", "Then he left."]),
    ],
)  # fmt: skip
def test_initial_closed_by_a_bracket(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NATO met. Trump spoke.",
        "ab" * 3000 + " end.",  # an endless word cut inside: the character before the cut is a word character
        "Dr.Smith said.Yes it's U.S. policy.No. 1 isn't",
        "Ünïcode wörds. Ωmega's end",
    ],
)
def test_word_spans_at_reads_like_the_slice(text: str) -> None:
    for start in range(0, len(text), max(1, len(text) // 40)):
        for end in (start, min(len(text), start + 7), len(text)):
            assert word_spans_at(text, start, end) == [(start + s, start + e) for s, e in word_spans(text[start:end])]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .,'’-\nÉ1", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_word_spans_at_any_span(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(max(start, end), len(text))
    assert word_spans_at(text, start, end) == [(start + s, start + e) for s, e in word_spans(text[start:end])]


@settings(max_examples=300, deadline=None)
@given(st.one_of(NEWSY, ANY_TEXT, st.text(alphabet="aN't .\u00a0\u2009\t\n1,É\u0301’-J", max_size=60)))
def test_word_pattern_space_guard_changes_no_match(text: str) -> None:
    from newslab.tokenizers import _word_pattern

    guarded = _word_pattern()
    prefix, suffix = "\n        (?=\\S)(?:\n", ")"
    assert guarded.pattern.startswith(prefix) and guarded.pattern.endswith(suffix)
    plain = re.compile(guarded.pattern[len(prefix) : -len(suffix)], guarded.flags)  # the alternatives alone
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.one_of(NEWSY, ANY_TEXT, st.text(alphabet="a.!?…\"'”’»)] \n\u00a0", max_size=40)))
def test_sentence_end_class_matches_the_runs_of_the_plain_pattern(text: str) -> None:
    from newslab.tokenizers import _SENTENCE_END

    plain = re.compile(r"(?:\.{3}|[.!?…])+[\"'”’»)\]]*(?=\s|\Z)")
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\t\u00a0\u2009\u3000\x1c.", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_trim_equals_the_regex_trim(text: str, start: int, end: int) -> None:
    from newslab.tokenizers import _trim

    start, end = min(start, len(text)), min(max(start, end), len(text))
    inner = re.compile(r"\S+(?:\s+\S+)*").search(text, start, end)
    assert _trim(text, start, end) == (inner.span() if inner else None)
