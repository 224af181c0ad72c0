"""The parsed document's shared reading: each sentence's normalized tokens, made once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.document import Article, Document, parse
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
