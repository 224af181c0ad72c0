"""The fast forms in newslab.names give what the plain forms they replace give (regex alternations, name registry)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.corpus import load_seed_corpus
from newslab.document import Article, Document, parse
from newslab.lexicons import stopwords
from newslab.names import (
    _add_name,
    caseless_word_start_alternation,
    compile_caseless,
    name_registry,
    word_start_alternation,
)
from newslab.targets import TRUMP

TEXTS = [
    "Trump, anti-Trump, TRUMP and Trumpism; (Trump) “Trump’s” _Trump 3Trump",
    "Donald J. Trump met Donald Trump Jr. at the\nTrump Tower. Mr.Trump",
    "The the. Its its-like this\tThis mythe theThe",
    "",
]


@pytest.mark.parametrize(
    "words", [["Trump", "TRUMP", "Donald Trump", "Donald J. Trump"], ["The", "the", "Its", "This"]]
)
@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_the_lookbehind_form(words: list[str], text: str) -> None:
    plain = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])")
    fast = re.compile(rf"{word_start_alternation(words)}(?![\w-])")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in fast.finditer(text)] or not any(w in text for w in words)


def test_target_names_found_after_the_rewrite() -> None:
    text = "Trump spoke. Anti-Trump protesters and TRUMP fans; Donald J. Trump left."
    assert [m.group() for m in TRUMP._name_re.finditer(text)] == ["Trump", "TRUMP", "Donald J. Trump"]


def test_optional_letter_tried_first_as_greedy_matching_does() -> None:
    text = "An president, a President, an office, A  president, Ana president, the president, Athe president"
    plain = re.compile(r"(?<![\w-])(?:[Aa]n?|[Tt]he)\s+(?P<role>(?i:president))")
    fast = re.compile(rf"{word_start_alternation(['An', 'an', 'A', 'a', 'The', 'the'])}\s+(?P<role>(?i:president))")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(plain.findall(text)) == 4


# --- caseless_word_start_alternation: the matches of the plain re.IGNORECASE lookbehind form ---

CASELESS_WORDS = [
    ["the american populist", "The Tycoon", "the alliance"],
    ["ibis", "Kiev", "sultan", "x", "9 lives", "éclair", "the alliance", "The"],
    ["", "the a"],
]
CASELESS_TEXTS = [
    "THE AMERICAN POPULIST, anti-the tycoon, The tycoon's; tHe AlLiAnCe",
    "İbis ıbis Kiev ſultan X x 9 LIVES Éclair The-alliance THE",
    "",
]


@pytest.mark.parametrize("words", CASELESS_WORDS)
@pytest.mark.parametrize("text", CASELESS_TEXTS)
def test_caseless_alternation_same_matches_as_ignorecase(words: list[str], text: str) -> None:
    plain = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])", re.IGNORECASE)
    fast = re.compile(rf"{caseless_word_start_alternation(words)}(?![\w-])")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


_CHARS = "aAtTiIİıkKKsSſé -’'.\n9"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=5), min_size=1, max_size=4),
    st.text(alphabet=_CHARS, max_size=40),
)
def test_caseless_alternation_property(words: list[str], text: str) -> None:
    plain = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])", re.IGNORECASE)
    fast = re.compile(rf"{caseless_word_start_alternation(words)}(?![\w-])")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


# --- name_registry: the plain loop over every token, as it was before it visited candidates only ---


def _plain_registry(doc: Document) -> tuple[str, ...]:
    stop = stopwords()
    names: set[str] = set()
    run: list[str] = []
    previous = None
    for tok in doc.tokens:
        word = tok.text
        if word[:1].isupper() and word.lower() not in stop:
            adjacent = previous is not None and previous.sentence == tok.sentence
            adjacent = adjacent and doc.text[previous.end : tok.start] == " "  # type: ignore[union-attr]
            if not (adjacent and run):
                _add_name(run, names)
                run = []
            run.append(word)
        elif run:
            _add_name(run, names)
            run = []
        previous = tok
    _add_name(run, names)
    return tuple(sorted(names))


_WORDS = ["Mark", "Rutte", "the", "The", "NATO", "chief", "R.", "Bloomberg", "said", ".", ",", "President", "US"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", "  ", "\n", ""])), max_size=30))
def test_name_registry_same_as_plain_loop(pieces: list[tuple[str, str]]) -> None:
    doc = parse(Article("a", "", "Start. " + "".join(w + gap for w, gap in pieces)))
    assert name_registry(doc) == _plain_registry(doc)


def test_name_registry_on_the_seed_articles() -> None:
    for article in load_seed_corpus():
        doc = parse(article)
        assert name_registry(doc) == _plain_registry(doc)
        assert "Mark Rutte" in name_registry(doc)


# --- compile_caseless: the matches of re.compile(pattern, re.IGNORECASE) ---

CASELESS_PATTERNS = [
    r"\bthe \d{2}-year-old(?=,|\.|;| (?:has|had|is|was|said|says|will|would|[a-z]+ed)\b)",
    r"\ba president who\b(?= (?:has|had|is|was|will|would|[a-z]+ed)\b)",
    r"\bwhite house (?:security|national security|chief of staff|spokes\w+|press|advis[eo]r)\b",
    r"\b(?:un|eu|european union|warsaw|aukus|quad|g7|g20|brics)\b",
    r"\balliance (?:circles|sources)\b",
    r"\bt*he",  # a repeated first letter: compiled as given
    r"\bthe|allies",  # "|" outside a group: as given
    r"\b(?:a|b)*c",  # a repeated group: as given
    r"\b(?:the|in)",  # "in" opens with i (İ, ı): as given
    r"\bt[]|)]x|y",  # a set holding "]", "|" and ")"; then "|" outside a group: as given
    r"\bt[^]a]e\|x",  # a negated set holding "]", an escaped "|"
    r"\b(?:the|a)(?: [a-z]+)?\b",
    r"\b(the)",  # a capturing group: as given
    r"\bsultan",  # s (ſ): as given
]
CASELESS_PATTERN_TEXTS = [
    "The 78-year-old said; a President who has won. WHITE HOUSE PRESS and White House advisor",
    "EU, Un, European Union, fun, G20 and g7, Warsaw's, ALLIANCE SOURCES, alliance circles",
    "tt thhe the|x allies ab aac bc c The In İn ıt t]x t|x t)x y tbe t^e t|x Ta b ſultan Sultan",
    "",
]


@pytest.mark.parametrize("pattern", CASELESS_PATTERNS)
def test_compile_caseless_same_matches_as_ignorecase(pattern: str) -> None:
    plain, fast = re.compile(pattern, re.IGNORECASE), compile_caseless(pattern)
    for text in CASELESS_PATTERN_TEXTS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        assert [m.groups() for m in fast.finditer(text)] == [m.groups() for m in plain.finditer(text)]


def test_compile_caseless_rewrites_only_what_it_can() -> None:
    rewritten = [p for p in CASELESS_PATTERNS if compile_caseless(p).flags & re.IGNORECASE == 0]
    assert rewritten == [*CASELESS_PATTERNS[:5], CASELESS_PATTERNS[10], CASELESS_PATTERNS[11]]
    with pytest.raises(re.error):
        compile_caseless(r"\bthe (")


_PIECES = ["a", "t", "the", "x", " ", r"\b", "(?:a|tx)", "[a-z]+", "[^]a]", "s?", r"\.", "(?=a|b)", "|", "*", "i"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5), st.text(alphabet="aAtThHxX .]İıiIsSſ", max_size=30))
def test_compile_caseless_property(pieces: list[str], text: str) -> None:
    pattern = r"\b" + "".join(pieces)
    try:
        plain = re.compile(pattern, re.IGNORECASE)
    except re.error:
        return
    fast = compile_caseless(pattern)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
