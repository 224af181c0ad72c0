"""Rule "relation:<noun>": a relation noun whose possessor the article names as the target's partner.

"Rudolph W. Giuliani, his former personal lawyer, … an attack on his client’s supporters": Giuliani's
client is Mr. Trump, because the article names Giuliani as Mr. Trump's lawyer ("his" resolved to Mr. Trump,
or "Mr. Trump’s lawyer"). The possessor of "his client" is the nearest person named before it in its
sentence; the link must be in the article (an apposition or a possessive before the name), never in
outside knowledge. Relation and partner nouns are data (``rule_words.tsv``: ``relations.PARTNERS``,
``relations.MODIFIERS``); issue 23, branch ``mr11``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from newslab.document import Document
from newslab.lexicons import rule_word_values, rule_words
from newslab.mention_record import CONFIDENCE, Mention
from newslab.people import Person

#: Characters between the possessive and its noun read for modifiers ("his former personal lawyer"), by hand.
MODIFIER_WORDS = 3


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, frozenset[str]]]:
    """The relation-noun and partner-noun patterns, and relation noun -> its partner nouns."""
    partners = {k: frozenset(v.split("|")) for k, v in rule_word_values("relations.PARTNERS").items()}
    mods = "|".join(re.escape(m) for m in rule_words("relations.MODIFIERS"))
    nouns = sorted({p for ps in partners.values() for p in ps}, key=len, reverse=True)
    relation = re.compile(
        rf"\b(?P<pron>[Hh]is|[Hh]er)\s+(?:(?:{mods})\s+){{0,{MODIFIER_WORDS}}}(?P<noun>{'|'.join(partners)})\b"
    )
    partner = re.compile(rf"(?:(?:{mods})\s+){{0,{MODIFIER_WORDS}}}(?P<noun>{'|'.join(map(re.escape, nouns))})\b")
    return relation, partner, partners


def _partner_links(text: str, mentions: Sequence[Mention], others: Sequence[Person]) -> dict[str, tuple[Mention, str]]:
    """Surname of a named person -> (the target mention, the partner noun) the article links them by.

    "Giuliani, his former personal lawyer" (his = a target mention), "Mr. Trump’s lawyer, Rudy Giuliani".
    """
    _, partner, _ = _patterns()
    links: dict[str, tuple[Mention, str]] = {}
    named = [p for p in others if p.name]
    for m in mentions:
        if m.target.kind != "person":
            continue
        word = text[m.start : m.end]
        after = m.end + (2 if text[m.end : m.end + 2] in ("’s", "'s") else 0)
        if word.lower() not in ("his", "her") and after == m.end:
            continue  # only a possessive target mention names a partner
        found = partner.match(text, after + 1) if text[after : after + 1] == " " else None
        if found is None:
            continue
        for p in named:
            if text[p.end : m.start] == ", " or re.fullmatch(r",?\s+", text[found.end() : p.start] or "x"):
                links.setdefault(p.name.split()[-1], (m, found.group("noun")))
    return links


def relation_mentions(doc: Document, mentions: Sequence[Mention], others: Sequence[Person]) -> list[Mention]:
    """Relation nouns ("his client") whose possessor the article names as a person target's partner.

    Args:
        doc: The parsed article.
        mentions: The mentions found so far (names, descriptions and resolved pronouns).
        others: Other people in the article (:func:`newslab.people.people`).

    Returns:
        Description mentions with rule ``relation:<noun>`` and the antecedent ``<possessor>, <partner> of
        <target mention>``.

    Example:
        >>> from newslab.document import Article, parse
        >>> from newslab.targets import TRUMP
        >>> from newslab.people import people
        >>> t = "Mr. Trump’s lawyer, Rudy Giuliani, spoke. Giuliani said his client was innocent."
        >>> doc = parse(Article("a", "", t))
        >>> ms = [Mention(TRUMP, 0, 9, "name", "title", 1.0)]
        >>> [(t[m.start : m.end], m.rule, m.antecedent) for m in relation_mentions(doc, ms, people(doc, ms))]
        [('his client', 'relation:client', 'Giuliani, lawyer of Mr. Trump')]
    """
    relation, _, partners = _patterns()
    text = doc.text
    if not others or relation.search(text) is None:
        return []
    links = _partner_links(text, mentions, others)
    taken = {m.start for m in mentions}
    out: list[Mention] = []
    for r in relation.finditer(text):
        if r.start() in taken:
            continue
        sentence = doc.sentence_of(r.start())
        before = [p for p in others if p.name and p.sentence == sentence and p.end <= r.start()]
        if not before:
            continue
        owner = before[-1]  # the nearest person named before it in its sentence: the possessor
        link = links.get(owner.name.split()[-1])
        if link is None or link[1] not in partners[r.group("noun")] or link[0].start > r.start():
            continue
        if any(owner.end <= m.start < r.start() and m is not link[0] for m in mentions if m.target.kind == "person"):
            continue  # a target named in between could own it ("Giuliani said Mr. Trump and his client …")
        target_mention, noun = link
        antecedent = (
            f"{owner.name}, {noun} of {target_mention.antecedent or text[target_mention.start : target_mention.end]}"
        )
        rule = f"relation:{r.group('noun')}"
        out.append(
            Mention(target_mention.target, r.start(), r.end(), "description", rule, CONFIDENCE["relation"], antecedent)
        )
    return out


@functools.cache
def _onlooker_re() -> re.Pattern[str]:
    """An onlooker verb, his/her (not "his own") and a performance noun, from the lists in ``rule_words.tsv``."""
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in rule_words("relations.ONLOOKER_VERBS"))
    nouns = "|".join(re.escape(n) for n in rule_words("relations.PERFORMANCE_NOUNS"))
    return re.compile(
        rf"\s+(?:\w+ly\s+)?(?:{verbs})\s+(?P<pron>his|her)\s+(?!own\b)(?:\w+\s+)?(?:{nouns})\b", re.IGNORECASE
    )


def onlooker(text: str, antecedent_end: int, pronoun_start: int) -> bool:
    """Rule "onlooker": the antecedent watches or hears the pronoun's performance, so it does not own it.

    "The president watched his testimony": the subject of an onlooker verb (``relations.ONLOOKER_VERBS``)
    is no owner of the performance noun after his/her (``relations.PERFORMANCE_NOUNS``); "his own" keeps it.

    Example:
        >>> t = "The president watched his testimony on television."
        >>> onlooker(t, 13, t.index("his")), onlooker("The president read his testimony.", 13, 23)
        (True, False)
    """
    m = _onlooker_re().match(text, antecedent_end)
    return m is not None and m.start("pron") == pronoun_start
