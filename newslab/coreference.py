"""Who a pronoun or a description means across sentences and paragraphs: the most recent compatible person.

The sentence-level rules in :mod:`newslab.pronouns` resolve a pronoun only when no other name
stands near it. This module adds what a careful coder does with the rest:

* :func:`newslab.people.people` lists the *other* people an article names (a capitalized run with a
  given name, an honorific or a title, and later the bare surname of such a person) and the unnamed
  persons it introduces ("a voter", "his lawyer"), each with the gender the words imply ("" = unknown).
* :func:`resolve_discourse` resolves he/him/his (she/her for a female target) and the anaphoric
  nouns "this guy", "the man" to a person target when, going back sentence by sentence (up to
  :data:`WINDOW` sentences, across paragraphs), the nearest sentence with a compatible person
  names only the target (rule ``"pronoun:discourse"``). Another compatible person there stops the
  search: the pronoun is left unresolved rather than credited to the target, unless
  :func:`_subject_continued` reads it as the subject continued (rule ``"pronoun:subject"``: a subject
  pronoun opening its sentence, or a question opener's, when the target is the subject of that
  sentence's last main clause and the others are objects, appositions or possessors; "Trump says he").
* :func:`newslab.description_owners.unlinked_descriptions` (moved there) splits off head descriptions
  that the article links to another person ("the billionaire" after "Bloomberg").

Evidence: every resolved mention carries its rule and the antecedent it was linked to.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from newslab.binding import FEMALE_PRONOUNS as FEMALE_PRONOUNS  # re-exported (newslab.mentions)
from newslab.binding import MALE_PRONOUNS as MALE_PRONOUNS
from newslab.binding import (
    OBJECT_PRONOUNS,
    Clauses,
    in_aside,
    name_parts,
    named_later,
    own_turn,
    possessor_of_named,
    quote_about,
    quoted_rival,
    reflexive_controller,
)
from newslab.binding import bound_wrongly as bound_wrongly
from newslab.discourse_rivals import (
    fronted_adjunct,
    kin_pronouns,
    place_like,
    platform_spans,
    predicate_of,
    subordinate_subject,
)
from newslab.document import Document, Token
from newslab.kinship import kin_mentions
from newslab.lexicons import stopwords
from newslab.mention_record import CONFIDENCE, Mention
from newslab.people import ANAPHORIC_NOUNS, Person, named_subject, reaction_list
from newslab.pronouns import hits_among
from newslab.relations import onlooker
from newslab.targets import Target
from newslab.topic import (
    CLAUSE_OPENING,
    COORDINATED,
    SUBJECT_OPENING,
    opens_with,
    subject_nouns,
    topic_antecedent,
)

#: Sentences before a pronoun's own sentence searched for its antecedent. Set by hand: news
#: writers re-name a person within two or three sentences; further back a coder hesitates too.
WINDOW = 3


#: Determiners that make an anaphoric noun (:data:`newslab.people.ANAPHORIC_NOUNS`) refer back.
ANAPHORIC_DETERMINERS = frozenset({"this", "that", "the"})


def _gender_of_pronoun(word: str) -> str:
    low = word.lower()
    return "male" if low in MALE_PRONOUNS else "female" if low in FEMALE_PRONOUNS else ""


class _Event(NamedTuple):
    start: int
    end: int
    sentence: int
    target: Target | None  # None: another person
    gender: str
    label: str


def _compatible(event: _Event, gender: str, word: str) -> bool:
    if event.target is not None:
        return word in (event.target.pronouns or ()) or (gender != "" and _target_gender(event.target) == gender)
    return not event.gender or not gender or event.gender == gender


def _target_gender(target: Target) -> str:
    pronouns = set(target.pronouns or ())
    return "male" if pronouns & MALE_PRONOUNS else "female" if pronouns & FEMALE_PRONOUNS else ""


_SUBJECT_OPENING = SUBJECT_OPENING  # what may open a sentence before its subject (newslab.topic)
_opens_with = opens_with


def _subject_continued(
    group: Sequence[_Event], text: str, doc: Document, tok: Token, word: str, *, opens: bool = False
) -> tuple[_Event, str] | None:
    """Rule "pronoun:subject": "The president sacked Comey, the FBI director. He did it by letter.".

    In its own sentence, the subject pronoun of a clause that the target's verb of saying opens is the
    target ("Mueller's report is out, and Trump says he has won").

    The nearest sentence with a person names the target and someone else; a careful coder reads a
    subject pronoun opening the next sentence as the subject of that sentence's last main clause, when
    the target is it (it opens the sentence after an adverbial, a participle clause ("Asked whether
    …, Mr. Trump said") or a title, or a clause after ", and" or ", where"/", when" ("…, where he
    received Kissinger")), and the others are objects, appositions or possessors ("Mueller's report"). Only he/she
    (or his/her as the first word: "His niece …") in a later sentence; a quote's speaker rules are
    left to :mod:`newslab.quotes`.
    """
    last = group[-1]
    if last.target is not None and last.sentence == tok.sentence and _SAYS.fullmatch(text, last.end, tok.start):
        return last, "pronoun:subject"  # "Mueller's report is out, and Trump says he has won"
    first = group[0]
    sent = doc.sentences[tok.sentence]
    if first.sentence == tok.sentence and word in ("he", "she") and _CONNECTIVE.search(text, sent.start, tok.start):
        # "He heaped praise on Kim, as he has since their first meeting": the opening subject goes on
        subjects = [
            e
            for e in group
            if _opens_with(text, sent.start, e.start) or _CLAUSE_OPENING.search(text, sent.start, e.start)
        ]
        rivals = [e for e in group if e.target is None]  # a coordinated person, or a pronoun left to someone else
        if (
            subjects == [first]
            and first.target is not None
            and not any(
                _COORDINATED.fullmatch(text, first.end, e.start) or e.label.lower() in ("he", "she") for e in rivals
            )
        ):
            return first, "pronoun:subject"
        return None
    if first.sentence >= tok.sentence:
        return None
    opening = _SUBJECT_OPENING.match(text, sent.start, tok.start)
    pronoun_opens = (opening.end() if opening else sent.start) == tok.start or opens  # "X: ‘His …’", mr10 openers
    asked = _QUESTION_SUBJECT.fullmatch(text, sent.start, tok.start) if word in ("he", "she") else None
    if not pronoun_opens and asked is None:
        return None  # "Did he …?", "What did he say?": the subject of a question opener
    if word not in ("he", "she", "his", "her") or (word in ("his", "her") and not pronoun_opens):
        return None
    sentence_start = doc.sentences[first.sentence].start
    subjects = [
        e for e in group
        if text[e.end : e.end + 2] not in ("’s", "'s")  # "Robert Mueller's report is out": no subject
        and (_opens_with(text, sentence_start, e.start) or _CLAUSE_OPENING.search(text, sentence_start, e.start))
    ]  # fmt: skip
    if not subjects or subjects[-1].target is None:
        return None  # the last clause's subject is someone else, or no subject is a person
    subject = subjects[-1]
    if any(e.target is None and _COORDINATED.fullmatch(text, subject.end, e.start) for e in group):
        return None  # "Trump and Rutte met. He smiled.": two subjects, left to the reader
    return subject, "pronoun:subject"


_CLAUSE_OPENING = CLAUSE_OPENING  # a coordinated main clause before its subject (newslab.topic)
_COORDINATED = COORDINATED  # what joins two persons into one subject (newslab.topic)
#: A verb of saying or thinking between a subject and the subject pronoun of its clause ("Trump says he").
_SAYS = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:says|said|insists|insisted|claims|claimed|argues|argued|believes|believed|thinks|"
    r"thought|announced|declared|wrote|writes|tweeted|maintains|maintained|predicted|predicts)\s+(?:that\s+)?"
)
#: A connective opening a clause right before its subject pronoun (", as he …", ", but he …").
_CONNECTIVE = re.compile(r",\s+(?:as|and|but|while|when|because|since|though|although|until|after|before)\s+$")
#: A question opener before its subject pronoun ("Did he …", "What did he say", "Why has she …").
_QUESTION_SUBJECT = re.compile(
    r"(?:And\s+|So\s+|But\s+)?(?:(?:What|Why|How|When|Where|Who|Whom|Which)(?:\s+\w+){0,3}\s+)?"
    r"(?:did|does|do|has|have|had|is|was|will|would|can|could|should)\s+$",
    re.IGNORECASE,
)


def names_by_target(mentions: Sequence[Mention]) -> dict[str, list[int]]:
    """The sorted starts of each person target's name mentions."""
    found: dict[str, list[int]] = {}
    for m in mentions:
        if m.kind == "name" and m.target.kind == "person":
            found.setdefault(m.target.name, []).append(m.start)
    return {k: sorted(v) for k, v in found.items()}


def _quote_of(clauses: Clauses, offset: int) -> tuple[int, int] | None:
    """The quotation span ``offset`` lies in (None outside quotes)."""
    i = bisect.bisect_right(clauses.quotes, (offset, 10**12)) - 1
    q = clauses.quotes[i] if i >= 0 else None
    return q if q is not None and q[0] < offset < q[1] else None


def _window_start(sentence: int, skipped: frozenset[int]) -> int:
    """The first sentence of a pronoun's window: :data:`WINDOW` sentences back, not counting reaction lists."""
    k, counted = sentence, 0
    while k > 0 and counted < WINDOW:
        k -= 1
        counted += k not in skipped
    return k


def _antecedent(
    events: Sequence[_Event], position: int, window_start: int, gender: str, word: str
) -> tuple[_Event | None, list[_Event]] | None:
    """The target event a pronoun at ``position`` refers to (None when others share its sentence), and that group.

    None when no compatible person stands in the window or the nearest one is someone else only.
    """
    # from the last event: those ending after the pronoun are skipped below (events are sorted by end, so this
    # visits what a bisect for the last event ending before the pronoun would, without a list of ends per call)
    i = len(events) - 1
    group: list[_Event] = []
    group_sentence = -1
    while i >= 0:
        e = events[i]
        if e.end > position:
            i -= 1
            continue
        if e.sentence < window_start:
            break
        if group and e.sentence != group_sentence:
            break  # the nearest sentence with a compatible person is complete
        if _compatible(e, gender, word):
            group.append(e)
            group_sentence = e.sentence
        i -= 1
    if not group:
        return None
    group.reverse()  # text order
    kinds = {e.target.name if e.target is not None else None for e in group}
    first = group[0]
    if kinds == {first.target.name if first.target is not None else None} and first.target is not None:
        return group[-1], group
    if first.target is None and all(e.target is None for e in group):
        return None
    return None, group  # another person could be meant: :func:`_subject_continued` decides


def _reflexive(events: Sequence[_Event], tok: Token, clauses: Clauses) -> tuple[_Event, str] | None:
    """Rule "pronoun:reflexive": "himself", "his own" mean the subject of their own clause.

    Rule "reflexive controller" (returned as that rule; the caller credits nothing): a name blamed or
    praised for the act between the subject and the reflexive ("at Sessions for recusing himself").

    "Standing beside Putin, Trump questioned his own agencies": the first person of the pronoun's
    clause (after the last clause break before it) is meant; when that is the target, it resolves.
    """
    here = [e for e in events if e.sentence == tok.sentence and e.end <= tok.start]
    in_clause = [e for e in here if clauses.same_clause(e.end, tok.start)]
    if not in_clause:
        return None
    first = min(in_clause, key=lambda e: e.start)
    if first.target is None:
        return None
    taken = [(e.start, e.end) for e in here if e.target is not None]
    if reflexive_controller(clauses.doc.text, first.end, tok.start, taken):
        return first, "reflexive controller"  # "furious at Sessions for recusing himself": not the target
    return first, "pronoun:reflexive"


def resolve_discourse(
    doc: Document,
    mentions: Sequence[Mention],
    targets: Sequence[Target],
    others: Sequence[Person],
    *,
    clauses: Clauses | None = None,
    hits: Sequence[int] | None = None,
) -> list[Mention]:
    """Pronouns and anaphoric nouns ("this guy") of person targets left unresolved, linked across sentences.

    Going back from the pronoun, the nearest sentence (up to :data:`WINDOW` sentences back, the
    pronoun's own sentence first) that has a person of the pronoun's gender decides: only the target
    there gives rule ``"pronoun:discourse"``; anyone else there leaves the pronoun unresolved
    (a coder would hesitate too). Later pronouns chain on resolved ones.

    Args:
        doc: The parsed article.
        mentions: The targets' mentions so far (names, descriptions, pronouns already resolved).
        targets: The targets (person targets with pronouns take part).
        others: Other people in the article, from :func:`newslab.people.people`.
        clauses: The article's :class:`Clauses` when the caller made them already (they depend on
            the document alone); ``None`` makes them here.
        hits: :func:`newslab.pronouns.word_hits` of a set of words holding the person targets' pronouns
            and the anaphoric nouns, when the caller found them (:func:`newslab.pronouns.hits_among`);
            ``None``: found here.

    Returns:
        The new mentions (kind ``"pronoun"`` for pronouns, ``"description"`` for "this guy").

    Example:
        >>> from newslab.document import Article, parse
        >>> from newslab.targets import TRUMP
        >>> doc = parse(Article("a", "", "Donald Trump spoke in Ohio. Fans cheered.\\n\\nHe says what he likes."))
        >>> ms = [Mention(TRUMP, 0, 12, "name", "name", 1.0)]
        >>> [(doc.text[m.start : m.end], m.rule, m.antecedent) for m in resolve_discourse(doc, ms, [TRUMP], [])]
        [('He', 'pronoun:discourse', 'Donald Trump'), ('he', 'pronoun:discourse', 'Donald Trump')]
    """
    persons = [t for t in targets if t.kind == "person" and t.pronouns]
    if not persons:
        return []
    words = {p for t in persons for p in t.pronouns or ()}
    text = doc.text
    others = [p for p in others if not place_like(p.name)]  # rule "joined place name": "Mar-a-Lago" is no rival
    events = [
        _Event(m.start, m.end, doc.sentence_of(m.start), m.target, _target_gender(m.target),
               m.antecedent or text[m.start : m.end])
        for m in mentions
        if m.target.kind == "person"
    ]  # fmt: skip
    listed = reaction_list(doc)  # the speakers of a list of reactions are voices, never antecedents
    events += [_Event(p.start, p.end, p.sentence, None, p.gender, p.name) for p in others
               if not listed.is_label(p.start, p.end)]  # fmt: skip
    events += [
        _Event(a, b, doc.sentence_of(a), None, p.gender, p.name) for a, b, p in name_parts(doc, others, mentions)
    ]
    kin = kin_pronouns(doc, persons, mentions, others)  # rule "pronoun:kin": "Ivanka Trump, his elder daughter"
    events += [_Event(m.start, m.end, doc.sentence_of(m.start), m.target, _target_gender(m.target), m.antecedent)
               for m in kin]  # fmt: skip
    events.sort(key=lambda e: (e.end, e.start))
    ends = [e.end for e in events]  # kept in step with events: the window is found by bisect
    taken = sorted((m.start, m.end) for m in [*mentions, *kin])
    taken_starts = [s for s, _ in taken]
    known = sorted(taken + [(p.start, p.end) for p in others] + platform_spans(text))  # named_subject need not weigh
    target_names = names_by_target(mentions)
    names = sorted(s for starts in target_names.values() for s in starts)
    added: list[Mention] = list(kin)
    tokens = doc.tokens
    opened: dict[tuple[int, str], int] = {}  # (sentence, gender) -> a he/she left open there (open subject first)
    clauses = Clauses(doc) if clauses is None else clauses
    # the tokens that can be a pronoun or an anaphoric noun, read from the shared lowercased tokens (word_hits)
    candidate = words | ANAPHORIC_NOUNS.keys()
    hits = hits_among(doc, candidate, hits)
    unresolved: dict[str, set[int]] = {"male": set(), "female": set()}  # sentences whose subject pronoun stayed open
    nouns, stop = subject_nouns(), stopwords()
    for i in hits:
        tok = tokens[i]
        low = tok.text.lower()
        noun = low in ANAPHORIC_NOUNS and i > 0 and tokens[i - 1].text.lower() in ANAPHORIC_DETERMINERS
        if (low not in words and not noun) or (tok.text.isupper() and len(tok.text) > 1):
            continue  # not a pronoun; or a line in capitals, where other names cannot be told from words
        at = bisect.bisect_right(taken_starts, tok.start) - 1
        if at >= 0 and taken[at][1] > tok.start:
            continue  # already a mention
        if noun and i + 1 < len(tokens) and tokens[i + 1].text.lower() in {"who", "whom", "named", "called"}:
            continue  # "the man who ..." introduces someone new
        gender = ANAPHORIC_NOUNS[low] if noun else _gender_of_pronoun(low)
        speaker = not noun and clauses.speaker_pronoun(tok.start) and not clauses.quoted(tok.start)
        first, sentence_start = _window_start(tok.sentence, listed.sentences), doc.sentences[tok.sentence].start
        fronted = low in ("he", "she") and fronted_adjunct(text, sentence_start, tok.start)  # "Seated beside X, he"
        lo = bisect.bisect_left(ends, doc.sentences[first].start)
        hi = bisect.bisect_right(ends, tok.start)
        usable = [
            e for e in events[lo:hi]
            if not (speaker and clauses.quoted(e.start))  # "…,” he said: not someone named in the quote
            and not (low in OBJECT_PRONOUNS and e.sentence == tok.sentence and e.end <= tok.start
                     and text[e.end : e.end + 2] not in ("’s", "'s")  # "Trump's allies praised him": may be
                     and clauses.same_clause(e.end, tok.start))  # "Trump attacked him": not Trump
            and not (e.target and low not in OBJECT_PRONOUNS and in_aside(text, sentence_start, e.start, tok.start))
            and not (fronted and sentence_start <= e.start)  # a person inside the fronted participle clause
            and not (low in ("his", "her") and e.target is None and e.sentence == tok.sentence
                     and predicate_of(text, e.end, tok.start))  # "DeSantis is seen as his rival": not DeSantis's
            and not (low in ("his", "her") and e.target is None
                     and text[e.end : tok.start] in (", ", ",\n"))  # rule "apposition": "Giuliani, his lawyer"
            and not (low in ("his", "her") and onlooker(text, e.end, tok.start))  # "X watched his testimony"
        ]  # fmt: skip
        reflexive = low in ("himself", "herself") or (low in ("his", "her") and i + 1 < len(tokens)
                                                       and tokens[i + 1].text.lower() == "own")  # fmt: skip
        found = _reflexive(usable, tok, clauses) if reflexive else None
        if found is not None and found[1] == "reflexive controller":
            continue  # left uncredited, no discourse link either
        vetoed = False
        if found is None:
            later = low in ("he", "she") and named_later(clauses, names, tok.end)  # a name later in its clause
            nearest = _antecedent(usable, tok.start, first, gender, low if not noun else "")
            if nearest is not None and nearest[0] is not None:
                found = None if later else (nearest[0], "pronoun:discourse")  # later: principle C (below)
                quote = _quote_of(clauses, tok.start)
                if low not in OBJECT_PRONOUNS and named_subject(tokens, i, nearest[0].sentence, known, clauses.quoted):
                    found, vetoed = None, True  # "Perdue, 70, served on Trump's committee. His nomination": Perdue's
                elif quote and not quote[0] < nearest[0].start < quote[1] and quoted_rival(tokens, i, quote, taken):
                    found, vetoed = None, True  # rule "rival in the quote": "“Sanders winning … would give him …”"
            elif nearest is not None and not noun and not later:  # "later": principle C, as above
                opens_here = fronted or (low in ("he", "she") and subordinate_subject(text, sentence_start, tok.start))
                found = _subject_continued(nearest[1], text, doc, tok, low,
                                           opens=tok.start in listed.quote_starts or opens_here)  # fmt: skip
            open_at = len(text) if noun or low in OBJECT_PRONOUNS else opened.get((tok.sentence, gender), len(text))
            if found is not None and open_at < found[0].start:  # rule "open subject first" (discourse_rivals)
                found, vetoed = None, True  # "‘…,’ he said, sitting next to Trump, looking as if he would …"
            if later and nearest is not None and found is None and not vetoed:  # principle C: a rival for later
                vetoed, event = True, _Event(tok.start, tok.end, tok.sentence, None, gender, tok.text)
                j = bisect.bisect_right(ends, event.end)
                events.insert(j, event)
                ends.insert(j, event.end)
        opens = opens_with(text, doc.sentences[tok.sentence].start, tok.start)
        if found is None and not (noun or reflexive or vetoed) and gender and not clauses.quoted(tok.start):
            topic = topic_antecedent(
                events, ends, doc, (tok.start, tok.sentence), functools.partial(_compatible, gender=gender, word=low),
                skipped=listed.sentences, unresolved=unresolved[gender], nouns=nouns, gender=gender, stop=stop,
                subject_pronoun=low in ("he", "she") and (speaker or opens),
            )  # fmt: skip
            found = (topic, "pronoun:topic") if topic is not None else None
        if found is None:
            if low in ("he", "she") and gender and opens:
                unresolved[gender].add(tok.sentence)  # "He was shot dead": the topic rule stops here
            if low in ("he", "she") and gender and (speaker or opens):  # a main clause's subject, left open
                opened.setdefault((tok.sentence, gender), tok.start)
            continue
        ante, rule = found
        assert ante.target is not None
        if not noun and own_turn(text, tok.start, ante.target._name_re):
            continue  # rule "own turn": "TRUMP: He said he's not going to …" is not Trump
        quote = _quote_of(clauses, tok.start)
        if quote and not quote[0] < ante.start < quote[1] and quote_about(text, quote, ante.target._name_re):
            continue  # rule "quote about another": "“He's quite a guy,” he said of Kim"
        if low in ("his", "her") and possessor_of_named(text, tok.end, target_names.get(ante.target.name, [])):
            continue  # rule "principle C, possessive": "His lengthy criticism of Trump" is not Trump's
        if not noun and low not in (ante.target.pronouns or ()):
            continue
        start = tokens[i - 1].start if noun else tok.start
        kind = "description" if noun else "pronoun"
        new = Mention(ante.target, start, tok.end, kind, rule, CONFIDENCE[rule], ante.label)
        added.append(new)
        if rule == "pronoun:topic":
            continue  # a reading of salience: later pronouns do not chain on it (each may take the rule itself)
        event = _Event(new.start, new.end, tok.sentence, ante.target, ante.gender, ante.label)
        j = bisect.bisect_right(ends, event.end)
        events.insert(j, event)
        ends.insert(j, event.end)
    return added + kin_mentions(doc, persons, [*mentions, *added], others)  # rule "kin of a bearer": "his father"


def competed(pronoun: Mention, mentions: Sequence[Mention], others: Sequence[Person], word: str) -> bool:
    """Whether another person of the pronoun's gender stands between it and its target's last mention.

    For the sentence-level rules of :mod:`newslab.pronouns`, which see only capitalized names: "Trump
    held a rally. A voter said he ..." leaves "he" to the voter.

    Example:
        >>> from newslab.targets import TRUMP
        >>> name, he = Mention(TRUMP, 0, 5, "name", "name", 1.0), Mention(TRUMP, 30, 32, "pronoun", "pronoun", 0.7)
        >>> competed(he, [name], [Person(20, 25, "", "", 1)], "he")
        True
    """
    ends = [m.end for m in mentions if m.target == pronoun.target and m.end <= pronoun.start and m is not pronoun]
    if not ends:
        return False
    last = max(ends)
    gender = _gender_of_pronoun(word)
    return any(
        last <= p.start and p.end <= pronoun.start and (not p.gender or not gender or p.gender == gender)
        for p in others
    )
