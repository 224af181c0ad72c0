"""The parsed document's shared reading: each sentence's normalized tokens, made once."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.document import Article, Document, Token, Tokens, parse
from newslab.tokenizers import lower_tokens, norm_token, word_spans

PIECES = ["NATO", "’s", "Trump", "İstanbul", "isn't", "“Good”", "U.S.", "ΟΔΟΣ", "war", ".", "\n\n", " ", "Mr.", "İ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25))
def test_lowered_tokens_are_each_token_normalized(pieces: list[str]) -> None:
    text = " ".join(pieces)
    if not text.strip():
        return
    doc = parse(Article("a", "", text))
    for k, spans in enumerate(doc.token_spans):
        assert doc.lowered_tokens(k) == [norm_token(text[s:e]) for s, e in spans]


def test_a_document_built_without_lowered_tokens_computes_them() -> None:
    doc = parse(Article("a", "", "NATO’s chief met Trump. He left."))
    bare = Document(doc.article, doc.sentences, doc.token_spans, doc.tokens, doc.sentence_starts)
    assert [bare.lowered_tokens(k) for k in range(2)] == list(doc.lowered)


def test_lower_tokens_keeps_offsets_when_lowercasing_changes_the_length() -> None:
    text = "İstanbul’s mayor"  # "İ".lower() is two characters
    spans = word_spans(text)
    assert lower_tokens(text, spans) == [norm_token(text[s:e]) for s, e in spans]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25))
def test_token_columns_are_the_tokens_of_each_sentence(pieces: list[str]) -> None:
    """The columns and the Tokens made from them are the plain per-sentence reading of the word spans."""
    text = " ".join(pieces)
    if not text.strip():
        return
    doc = parse(Article("a", "", text))
    plain = [Token(text[s:e], s, e, k) for k, spans in enumerate(doc.token_spans) for s, e in spans]
    tokens = doc.tokens
    assert list(tokens) == plain
    assert [tokens[i] for i in range(len(tokens))] == plain
    assert list(tokens[1:-1]) == plain[1:-1] and tokens[-1] == plain[-1]
    assert list(zip(tokens.texts, tokens.starts, tokens.ends, tokens.sentences, strict=True)) == plain
    assert tokens == plain and tokens == Tokens.from_spans(text, doc.token_spans)


def test_tokens_index_errors_and_an_empty_document_part() -> None:
    tokens = parse(Article("a", "", "NATO met.")).tokens
    assert len(tokens) == 3 and tokens[0] == Token("NATO", 0, 4, 0)
    with pytest.raises(IndexError):
        tokens[3]
    empty = Tokens([], [], [], [])
    assert len(empty) == 0 and list(empty) == [] and empty == ()
