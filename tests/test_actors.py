"""The actors of a sentence (newslab.actors): the fast scans agree with the plain regexes they stand for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslab import actors
from newslab.document import Article, parse

#: Pieces of the sentences the actor rules read, and letters that fold oddly under re.IGNORECASE (ı, İ, ſ, K).
_FRAGMENTS = [
    " ", "\n", ",", "-", "’s", "'s", "'", "the ", "many ", "NATO ", "European ", "allies", "ALLIES", "Allies",
    "partners", "member states", "members", "memberſ", "allıes", "ALLİES", "they", "They", "she", "He", "he", "the",
    "Sheriff", "ashe", "Mark Rutte", "Rutte", "Rutte’s", "Donald Trump", "Trump", "Mr", "é", "x", "K",
]  # fmt: skip
_texts = st.one_of(st.lists(st.sampled_from(_FRAGMENTS), max_size=16).map("".join), st.text(max_size=40))


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_member_test_never_misses_a_member_group(text: str) -> None:
    if actors.MEMBER_RE.search(text) is not None:
        assert actors.may_name_members(text)


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_pronoun_scan_finds_what_the_word_boundary_regex_finds(text: str) -> None:
    plain = [(m.start(), m.group()) for m in re.finditer(r"\b(?:they|They|she|She|he|He)\b", text)]
    assert [(m.start(), m.group()) for m in actors._PRONOUN.finditer(text)] == plain


def _plain_person_runs(text: str, by_last: dict[str, str]) -> list[tuple[str, int, int]]:
    """The person rule as first written: every word of the run cleaned by re.sub, the last one looked up."""
    out = []
    for m in re.finditer(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", text):
        words = [re.sub(r"[’']s$", "", w) for w in m.group().split()]
        full = by_last.get(words[-1], "")
        if full:
            out.append((actors.clean_label(full), m.start(), m.end() - (2 if m.group().endswith(("’s", "'s")) else 0)))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=16).map("".join))
def test_person_runs_agree_with_the_plain_rule(text: str) -> None:
    doc = parse(Article("a", "", "Start. " + text))
    by_last = actors.by_surname(("Mark Rutte", "Donald Trump", "The Allies"))
    found = [(a.label, a.start, a.end) for i in range(len(doc.sentences)) for a in actors._person_runs(doc, i, by_last)]
    plain = []
    for sent in doc.sentences:
        plain += [(label, sent.start + s, sent.start + e) for label, s, e in _plain_person_runs(sent.text, by_last)]
    assert found == plain


def test_sentences_told_to_hold_no_target_have_no_target_actor() -> None:
    """ActorsBySentence.may_hold_target is False only where the sentence's actors hold no target."""
    import newslab as nl
    from newslab.mentions import article_mentions
    from newslab.names import name_registry

    targets = (nl.TRUMP, nl.NATO)
    for article in nl.load_seed_corpus():
        doc = parse(article)
        by_sentence: dict[int, list] = {}
        for m in article_mentions(doc, targets):
            by_sentence.setdefault(doc.sentence_of(m.start), []).append(m)
        members = [t for t in targets if t.name in actors.MEMBER_TARGETS]
        found = actors.ActorsBySentence(doc, by_sentence, members, actors.by_surname(name_registry(doc)))
        told = [found.may_hold_target(i) for i in range(len(doc.sentences))]
        held = [any(a.target or a.member_of for a in found[i]) for i in range(len(doc.sentences))]
        assert all(t or not h for t, h in zip(told, held, strict=True))
        assert told.count(False) > 0 and held.count(True) > 0  # both kinds of sentence are in the seed articles
