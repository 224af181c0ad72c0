"""Which person a head description belongs to: the target, or another person the article links it to.

Moved unchanged from :mod:`newslab.coreference` (branch ``mr10``, to keep that module under 600 lines):
:func:`unlinked_descriptions` splits off head descriptions ("the billionaire", "the financial industry
tycoon") that the article links to another person: the nearest sentence before it with a person names
someone else and not the target, or the target was not named yet while someone else was. A description
of a role the target holds on the article's date ("the president") is kept.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from newslab.binding import Clauses, gender_rival
from newslab.coreference import WINDOW
from newslab.document import Document
from newslab.lexicons import rule_word_values, stopwords
from newslab.mention_record import Mention
from newslab.people import Person, ReactionList, reaction_list
from newslab.targets import Target
from newslab.topic import is_subject, opens_with
from newslab.undated import CANDIDACY_TITLES

PATTERN_CACHE_SIZE = 64  # head-link patterns kept, one per set of description heads (a run has a few target sets)
#: Characters before a person's name searched for a description head attached to it ("billionaire Michael
#: Bloomberg"): the head and a few capitalized words (set by hand).
NAME_CONTEXT_CHARS = 60
SENTENCE_HEAD_WORDS = 3  # a description with at most this many words before it opens its sentence (by hand)
#: Heads of business descriptions that a trade word can modify ("the financial industry tycoon"); fewer than five.
BUSINESS_HEADS = frozenset({"tycoon", "magnate", "mogul", "billionaire"})
#: Party nouns used as descriptions ("the Republican") and the party letter they name (fewer than five).
PARTY_HEADS = {"republican": "R", "democrat": "D"}


@functools.cache
def _trades() -> dict[str, str]:
    """Trade word -> the packaged target whose trade it is ("" = no target's); from ``rule_words.tsv``."""
    return dict(rule_word_values("description_owners.TRADES"))


@functools.cache
def _parties() -> tuple[dict[str, str], dict[str, str]]:
    """Full name -> party, and surname -> party where every listed bearer of the surname shares it."""
    full = dict(rule_word_values("description_owners.PARTIES"))
    by_surname: dict[str, set[str]] = {}
    for name, party in full.items():
        by_surname.setdefault(name.split()[-1], set()).add(party)
    return full, {s: next(iter(p)) for s, p in by_surname.items() if len(p) == 1}


def party_of(name: str) -> str:
    """The party letter of a listed US politician ("Joe Biden", "Biden" -> "D"; "" if not listed).

    Example:
        >>> party_of("Joe Biden"), party_of("Mr. Romney"), party_of("Jane Doe")
        ('D', 'R', '')
    """
    full, surnames = _parties()
    low = re.sub(r"^(?:mr|mrs|ms|dr|sen|rep|gov)\.?\s+", "", name.lower().strip())
    return full.get(low, "") or (surnames.get(low.split()[-1], "") if low else "")


def other_trade(target: Target, words: Sequence[str]) -> str:
    """Rule "trade of another": the trade word of a business description that is no trade of the target.

    Example:
        >>> from newslab.targets import TRUMP
        >>> other_trade(TRUMP, "The financial industry tycoon".split())
        'financial'
        >>> other_trade(TRUMP, "the property mogul".split())
        ''

    """
    if not words or words[-1].lower() not in BUSINESS_HEADS:
        return ""
    trades = _trades()
    for w in words[:-1]:
        low = w.lower().strip(",")
        if low in trades and trades[low] != target.name:
            return low
    return ""


class _Event(NamedTuple):
    """A person occurrence as :func:`newslab.topic.is_subject` reads it."""

    start: int
    end: int
    sentence: int
    target: Target | None
    gender: str
    label: str


def _holds_dated_role(target: Target, words: Sequence[str], date: str) -> bool:
    """Whether the description's words end in a role the target holds on ``date`` (roles with terms)."""
    low = [re.sub(r"[’']s$", "", w.lower()) for w in words]
    for r in target.roles:
        role = r.role.split()
        if (
            low[-len(role) :] == role
            and (r.start or r.end)
            and (r.held_on(date) if date else r.role not in CANDIDACY_TITLES)
        ):
            return True  # undated: "the nominee" (dated in roles.tsv since mr8) still needs the context rules
    return False


@functools.lru_cache(maxsize=PATTERN_CACHE_SIZE)
def _head_link_res(heads: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns that attach a head to a name before or after it, compiled once per set of heads."""
    alternatives = "|".join(re.escape(h) for h in heads)
    before = re.compile(rf"(?i:\b({alternatives}))\s+(?:[A-Z][\w.’'-]*\s+)*$")
    after = re.compile(rf",?\s+(?:is|was|,)?\s*(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?(?i:({alternatives}))(?![\w-])")
    return before, after


def _linked_heads(text: str, others: Sequence[Person], heads: set[str]) -> dict[str, set[str]]:
    """Heads the article attaches to each other person (head -> surnames).

    "billionaire Michael Bloomberg", "Bloomberg, a billionaire", "Bloomberg is a billionaire".
    """
    linked: dict[str, set[str]] = {}
    if not heads:
        return linked
    before, after = _head_link_res(tuple(sorted(heads, key=len, reverse=True)))
    for p in others:
        if not p.name:
            continue
        surname = p.name.split()[-1]
        for m in (before.search(text, max(0, p.start - NAME_CONTEXT_CHARS), p.start), after.match(text, p.end)):
            if m is not None:
                linked.setdefault(m.group(1).lower(), set()).add(surname)
    return linked


#: Rule "topic question": "And the tycoon?" turns to a new topic; the person of the sentence before does not own it.
_TOPIC_QUESTION = re.compile(r"\s*(?:And|But|So|What about|How about)\s+(?:the|this)\s+[\w -]+\?\s*")


def _opens_sentence(doc: Document, start: int) -> bool:
    """Whether a description is its sentence's subject: among its first four words, after no name."""
    sentence = doc.sentences[doc.sentence_of(start)]
    head = doc.text[sentence.start : start]
    return len(re.findall(r"\w+", head)) <= SENTENCE_HEAD_WORDS and not re.search(r"\b[A-Z]\w+\s+[A-Z]\w+", head)


def unlinked_descriptions(
    doc: Document, descriptions: Sequence[Mention], names: Sequence[Mention], others: Sequence[Person]
) -> tuple[list[Mention], list[Person]]:
    """Head descriptions the article links to the target, and the ones it links to another person.

    A "the <head>" description ("the billionaire") belongs to another person when

    * the article attaches the head to that person ("billionaire Michael Bloomberg", "Bloomberg, a
      billionaire", "Bloomberg is a billionaire") and that person was named more recently than the
      target (rule: recency among the people the head fits); or
    * it opens its sentence (the subject) and the nearest earlier sentence with a person (up to
      :data:`WINDOW` back) names someone else first and not the target ("Michael Bloomberg entered
      the race. The financial industry tycoon has spent millions."); or
    * the target is named by name later in the same sentence, not in apposition ("Aides to the
      billionaire said he would spend whatever it took to defeat Mr. Trump").

    Kept whatever the context: epithets, patterns, and roles the target holds on the article's
    date ("the president" in 2019), and descriptions that are not the subject ("Rutte has not even
    waited for the tycoon").

    Args:
        doc: The parsed article.
        descriptions: Description mentions of one person target.
        names: That target's name mentions.
        others: Other people in the article (:func:`newslab.people.people`).

    Returns:
        ``(kept, moved)``: the descriptions kept, and the ones linked elsewhere as :class:`Person`
        rows (named after the person they were linked to).

    Example:
        >>> from newslab.document import Article, parse
        >>> from newslab.targets import TRUMP
        >>> doc = parse(Article("a", "", "Trump spoke. Michael Bloomberg entered the race. The billionaire paid."))
        >>> d = Mention(TRUMP, 49, 64, "description", "head:billionaire", 0.8)
        >>> n = Mention(TRUMP, 0, 5, "name", "name", 1.0)
        >>> from newslab.people import people
        >>> kept, moved = unlinked_descriptions(doc, [d], [n], people(doc, [n, d]))
        >>> kept, [p.name for p in moved]
        ([], ['Michael Bloomberg'])
    """
    date = str(doc.metadata.get("date", "") or "")
    text = doc.text
    kept: list[Mention] = []
    moved: list[Person] = []
    clauses, stop = Clauses(doc), stopwords()
    heads = {d.rule.split(":", 1)[1] for d in descriptions if d.rule.startswith("head:")}
    linked = _linked_heads(text, others, heads)
    name_ends = sorted(n.end for n in names)
    named = [p for p in others if p.name]
    listed: ReactionList | None = None
    for d in descriptions:
        rival = gender_rival(doc, d, name_ends) if d.rule.startswith("head:") else ""
        if rival:  # rule "gender rival": "her campaign continued to defend the candidate's actions"
            moved.append(
                Person(d.start, d.end, f"the person {rival!r} means (gender rival)", "", doc.sentence_of(d.start))
            )
            continue
        if not d.rule.startswith("head:") or _holds_dated_role(d.target, text[d.start : d.end].split(), date):
            kept.append(d)
            continue
        head = d.rule.split(":", 1)[1]
        sentence = doc.sentence_of(d.start)
        trade = other_trade(d.target, text[d.start : d.end].split())
        if trade:  # rule "trade of another": "The financial industry tycoon" is not the real-estate tycoon
            earlier = [
                p for p in named if p.end <= d.start and sentence - WINDOW <= p.sentence and not clauses.quoted(p.start)
            ]
            name = earlier[-1].name if earlier else f"someone of the {trade} trade"
            moved.append(Person(d.start, d.end, f"{name} (trade of another: {trade})", "", sentence))
            continue
        last_target = (
            name_ends[bisect.bisect_left(name_ends, d.start + 1) - 1] if name_ends and name_ends[0] <= d.start else -1
        )
        owner = ""
        fits = [p for p in named if p.end <= d.start and p.name.split()[-1] in linked.get(head, ())]
        if fits and fits[-1].end > last_target:
            owner = fits[-1].name
        sen = doc.sentences[sentence]
        if not owner and _opens_sentence(doc, d.start) and not _TOPIC_QUESTION.fullmatch(text, sen.start, sen.end):
            listed = reaction_list(doc) if listed is None else listed  # made once, when a description needs it
            before = [
                p for p in named if p.end <= d.start and sentence - WINDOW <= p.sentence < sentence
                and not listed.is_label(p.start, p.end)  # rule "voice owns no description": "Lindsey Graham, senator:"
                and not clauses.quoted(p.start)  # a person named inside a quote is not the one written about
                and (opens_with(text, doc.sentences[p.sentence].start, p.start)  # "Bloomberg’s campaign …" too
                     or is_subject(text, doc, _Event(p.start, p.end, p.sentence, None, p.gender, p.name), stop))
            ]  # fmt: skip
            if before:
                nearest = max(p.sentence for p in before)
                own_ends = name_ends + [k.end for k in kept if not clauses.quoted(k.start)]  # "And the tycoon?"
                target_there = any(doc.sentence_of(e - 1) >= nearest for e in own_ends if e <= d.start)
                first = min((p for p in before if p.sentence == nearest), key=lambda p: p.start)
                if not target_there:
                    owner = first.name
        party = PARTY_HEADS.get(head.lower(), "")
        if owner and party and party_of(owner) not in ("", party):
            # rule "party of another": "Biden may be his opponent. The Republican says …" is not Biden's
            d = dataclasses.replace(d, antecedent=f"party of another: not {owner} ({party_of(owner)})")
            owner = ""
        if not owner:
            later = [n for n in names if n.start >= d.end and doc.sentence_of(n.start) == sentence]
            if later and not re.fullmatch(r"\s*[,(—–-]?\s*", text[d.end : later[0].start]):
                # "Aides to the billionaire said he would spend whatever it took to defeat Mr. Trump": a
                # writer names the target by name or by description in one sentence, not both (no apposition)
                owner = "someone other than the target named later in the sentence"
        if owner:
            moved.append(Person(d.start, d.end, owner, "", sentence))
        else:
            kept.append(d)
    return kept, moved
