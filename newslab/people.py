"""The other people an article names or introduces, each with the gender its words imply.

:func:`people` lists the people an article names other than its targets (a capitalized run with
a given name, an honorific or a title, and later the bare surname of such a person) and the
unnamed persons it introduces ("a voter", "his lawyer"), each with the gender the words imply
("" = unknown). :mod:`newslab.coreference` weighs them against the targets when it resolves a
pronoun or a description across sentences.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import operator
import re
from collections.abc import Callable, Sequence
from itertools import compress
from typing import NamedTuple

from newslab.descriptions import word_tags
from newslab.document import Document, Tokens
from newslab.lexicons import load_table, rule_word_values, rule_words, stopwords
from newslab.mention_record import Mention
from newslab.names import FEMALE_ROLES, MALE_ROLES, ROLE_WORDS
from newslab.roles import packaged_roles

#: Determiners that make a person noun someone other than the target ("a voter", "his lawyer", "the
#: aide"; a description of the target is a target mention already and is never counted here).
NEW_PERSON_DETERMINERS = frozenset(rule_words("people.NEW_PERSON_DETERMINERS"))


#: Anaphoric nouns that refer back like a pronoun ("this guy", "the man"), with their gender.
ANAPHORIC_NOUNS = {"guy": "male", "man": "male", "woman": "female", "fellow": "male", "gentleman": "male"}

#: Honorifics and titles before a name that make the run a person, with the gender they imply.
_HONORIFIC_GENDER = {
    **rule_word_values("people.HONORIFIC_GENDER"),
    **{w: "female" for w in FEMALE_ROLES},
    **{w: "male" for w in MALE_ROLES},
}


class Person(NamedTuple):
    """A person the article names or introduces: where, who ("" = unnamed) and the implied gender."""

    start: int
    end: int
    name: str
    gender: str
    sentence: int


@functools.cache
def office_phrases() -> frozenset[tuple[str, ...]]:
    """Offices with a title in the roles table ("president", "attorney general"), as word tuples."""
    return frozenset(tuple(r.role.split()) for rs in packaged_roles().values() for r in rs if r.titles)


@functools.cache
def _office_first_words() -> frozenset[str]:
    return frozenset(words[0] for words in office_phrases())


@functools.cache
def _lowercase_openers() -> frozenset[str]:
    """Lowercased words that can open a person in :func:`people` when not capitalized (the rest are skipped)."""
    return frozenset({"the", *ANAPHORIC_NOUNS, *people_words()[1]})


_first_char = operator.itemgetter(slice(0, 1))  # word[:1], mapped in C


@functools.cache
def people_words() -> tuple[dict[str, str], dict[str, str]]:
    """Given names (capitalized) and person nouns (lowercase) with their gender, from ``people_words.tsv``."""
    given: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for row in load_table("people_words"):
        (given if row["kind"] == "given" else nouns)[row["word"]] = row["gender"]
    return given, nouns


def people(doc: Document, mentions: Sequence[Mention]) -> list[Person]:
    """Other people named or introduced in an article, in text order (target mentions excluded).

    A capitalized run is a person when it starts with a given name ("Michael Bloomberg"), follows an
    honorific or title ("Mr. Stone", "Sen. Chuck Schumer"), or is the surname of such a person named
    earlier ("Bloomberg"). A person noun after "a/an/one/another" or a possessive ("a voter", "his
    lawyer") is an unnamed person. Words inside a target mention are never another person.

    Args:
        doc: The parsed article.
        mentions: The targets' mentions (names and descriptions) in the article.

    Returns:
        One :class:`Person` per occurrence.

    Example:
        >>> from newslab.document import Article, parse
        >>> doc = parse(Article("a", "", "Michael Bloomberg spoke. Mr. Stone and a voter listened. Bloomberg left."))
        >>> [(p.name, p.gender) for p in people(doc, [])]
        [('Michael Bloomberg', 'male'), ('Stone', 'male'), ('', ''), ('Bloomberg', 'male')]
    """
    given, nouns = people_words()
    stop = stopwords()
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in spans]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and spans[i][1] > offset

    text = doc.text
    tokens = doc.tokens
    # the token columns (the same values as each Token's fields, without making a Token per word)
    texts, tok_starts, tok_ends, sents = tokens.texts, tokens.starts, tokens.ends, tokens.sentences
    surnames: dict[str, str] = {}
    found: list[Person] = []
    # the tokens a rule below can start at (capitalized, "the", a person noun), found in C (map/compress):
    # every other token only moves the loop on, so it jumps from one such token to the next
    # per token, read once in C and indexed below: its lowercase text, a capital first letter
    lows = list(map(str.lower, texts))
    caps = list(map(str.isupper, map(_first_char, texts)))
    n = len(tokens)
    openers, office_first = _lowercase_openers(), _office_first_words()
    starts_at = compress(range(n), map(operator.or_, caps, map(openers.__contains__, lows)))
    after = 0  # where the last rule left off: a token before it was read already
    for i in starts_at:
        if i < after:
            continue
        word = texts[i]
        # _office_at is 0 unless the next word can open an office: that set lookup first (the common case)
        if (word == "the" or word == "The") and i + 1 < n and lows[i + 1] in office_first and not inside(tok_starts[i]):
            office = _office_at(tokens, i)
            if office:  # rule "office holder": "the president" that is no target mention is someone else
                found.append(Person(tok_starts[i], tok_ends[i + office], "", "", sents[i]))
                after = i + office + 1
                continue
        if caps[i] and not inside(tok_starts[i]):
            sentence = sents[i]
            j = i + 1
            while (
                j < n
                and sents[j] == sentence
                and caps[j]
                and text[tok_ends[j - 1] : tok_starts[j]] == " "
                and not inside(tok_starts[j])
            ):
                j += 1
            if j == i + 1 and lows[i] in stop:
                after = j
                continue  # "The", "But" opening a sentence: no one (the common case, skipped cheaply)
            prev = lows[i - 1] if i > 0 and sents[i - 1] == sentence else ""
            nxt = lows[j] if j < n and sents[j] == sentence else ""
            if nxt == "," and j - i == 1:
                nxt = _verb_after_interruption(text, tok_ends[i]) or nxt  # "Ryan, speaking on CNN, said": a speaker
            initial = i == 0 or sents[i - 1] != sentence or texts[i - 1] in "“\"‘'("
            person = _person_in_run(texts[i:j], lows[i:j], prev, nxt, given, surnames, stop, sentence_initial=initial)
            if person is not None:
                lo, name, gender = person
                last = texts[j - 1]
                if len(name.split()) > 1 or lo > 0 or prev in _HONORIFIC_GENDER:
                    surnames.setdefault(last, gender)
                found.append(Person(tok_starts[i + lo], tok_ends[j - 1], name, gender, sents[i]))
            after = j
            continue
        low = lows[i]
        if low in ANAPHORIC_NOUNS and i + 1 < n and lows[i + 1] in {"who", "whom", "named"}:
            found.append(Person(tok_starts[i], tok_ends[i], "", ANAPHORIC_NOUNS[low], sents[i]))  # "the man who ..."
        elif low in nouns and i > 0 and not inside(tok_starts[i]):
            det = lows[i - 1]
            if det in NEW_PERSON_DETERMINERS or (i > 1 and lows[i - 2] in NEW_PERSON_DETERMINERS):
                found.append(Person(tok_starts[i], tok_ends[i], "", nouns[low], sents[i]))
        after = i + 1
    return found


#: Penn Treebank tags of plural nouns: a lone capitalized word the tag lexicon knows as one ("Aides", "Critics",
#: "Democrats") is a group, not a person, even before a verb of a person ("Aides said he ..."). Capitalized
#: surnames that are also plural nouns ("Sessions", "Banks") are tagged NNP in the lexicon and stay persons.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


#: Words after a lone capitalized word that make it a person acting ("Rutte has", "Stone, who").
#: Hand list for newslab: the verbs news writers put after a person's surname.
PERSON_NEXT = frozenset(rule_words("people.PERSON_NEXT"))


#: The part of :data:`PERSON_NEXT` that only a person does (after a word the lexicon knows: "Florida is").
SPEAKING_NEXT = frozenset(rule_words("people.SPEAKING_NEXT"))


#: Characters of a comma-delimited interruption between a lone surname and its verb ("Ryan, speaking
#: earlier on CNN, said"). Set by hand: a participle phrase or a short apposition; longer is another clause.
INTERRUPTION_CHARS = 80
_INTERRUPTION = re.compile(rf",\s[^,.;:“”\"()\n]{{1,{INTERRUPTION_CHARS}}}?,\s+([a-z]+)\b")


def _verb_after_interruption(text: str, end: int) -> str:
    """Rule "speaker after an interruption": the word after "<Word>, <participle phrase>," if a speaking verb.

    "Ryan, speaking earlier on CNN, said Thursday he's not ready": the lone word is the subject of a
    verb of saying, so a person (only verbs in :data:`SPEAKING_NEXT`, which only a person does).
    """
    m = _INTERRUPTION.match(text, end)
    return m.group(1) if m and m.group(1) in SPEAKING_NEXT else ""


def _office_at(tokens: Tokens, i: int) -> int:
    """How many words of an office follow "the" at token ``i`` ("the president" 1, "the attorney general" 2; 0 = none).

    Only a whole office phrase: "the president of France" counts (someone else all the same), "the
    presidential race" does not, nor a possessor ("the president's health care law": a possessor
    seldom competes with the subject for a later pronoun, as in :func:`newslab.coreference`).
    """
    offices = office_phrases()
    texts, sents = tokens.texts, tokens.sentences
    if i + 1 >= len(texts) or texts[i + 1].lower() not in _office_first_words():
        return 0  # the common case, decided by one set lookup
    for n in (3, 2, 1):
        words = tuple(t.lower() for t in texts[i + 1 : i + 1 + n])
        if len(words) < n or words not in offices or sents[i + n] != sents[i]:
            continue
        after = texts[i + n + 1] if i + n + 1 < len(texts) else ""
        return 0 if after in ("’s", "'s", "’", "'") else n
    return 0


_INITIAL = re.compile(r"[A-Z]\.").fullmatch  # a middle initial ("C." in "Kenneth C. Frazier")
_ADJECTIVE_END = re.compile(r"(an|ish|ese)$").search  # a nationality adjective's ending ("Russian")


def _person_in_run(
    words: Sequence[str],
    lows: Sequence[str],
    prev: str,
    nxt: str,
    given: dict[str, str],
    surnames: dict[str, str],
    stop: frozenset[str],
    *,
    sentence_initial: bool,
) -> tuple[int, str, str] | None:
    """The person a capitalized run names: (index of its first name word, name, gender), or None.

    After the last honorific or title in the run (or right before it) the rest is a person's
    name; else from the first given name on ("the Dutchman Mark Rutte"); else a known surname; else
    a lone word followed by a verb of a person ("Rutte has waited", "Spain has" too: a competitor
    that only costs recall), or one the tag lexicon does not know, inside its sentence ("met Rutte").
    """
    gender = _HONORIFIC_GENDER.get(prev)
    lo = 0
    for k, w in enumerate(lows):
        g = _HONORIFIC_GENDER.get(w)
        if g is not None or w in ROLE_WORDS:
            lo = k + 1
            if g is not None:
                gender = g or gender or ""
    titled = gender is not None
    while lo < len(words) and (lows[lo] in stop or lows[lo] in ROLE_WORDS):
        lo += 1
    if lo >= len(words):
        # only titles and role words: "The Secretary General and his team" is someone, unnamed
        return (0, "", gender or "") if titled else None
    if not titled:
        n = len(words)
        for k in range(lo + 1, n - 1):  # plain loops, not next(generator): most runs are one word long
            if _INITIAL(words[k]):  # "Kenneth C. Frazier", "Michael R. Bloomberg": a person's name
                return k - 1, " ".join(words[k - 1 :]), given.get(words[k - 1], "")
        for k in range(lo, n - 1):  # the first given name, unless it is the last word
            if words[k] in given:
                return k, " ".join(words[k:]), given[words[k]]
        if words[-1] in surnames and n - lo == 1:
            return lo, words[-1], surnames[words[-1]]
        word = words[lo]
        if n - lo != 1 or word.isupper() or (_ADJECTIVE_END(word) and word not in given):
            return None  # not a lone word, or a nationality adjective ("Russian", not "Ryan" or "Susan")
        tags = word_tags()
        tag = tags.get(word) or tags.get(lows[lo])  # lows[lo] is word.lower()
        if tag in PLURAL_TAGS:
            return None  # rule "plural group": "Aides said", "Critics say", "Democrats said" (not "Sessions": NNP)
        speaking = nxt in PERSON_NEXT and (tag is None or nxt in SPEAKING_NEXT)  # "Florida is": a place
        if speaking or (tag is None and not sentence_initial):
            return lo, word, ""  # "Rutte has waited", "met Rutte": a name no lexicon knows as a word
        return None
    if words[-1].isupper():
        return None
    name_gender = given.get(words[lo], "") if len(words) - lo > 1 else ""
    return lo, " ".join(words[lo:]), (gender or name_gender)


#: An item of a list of reactions at a sentence start: "Jeb Bush, rival candidate: ‘…’", "Elon Musk: ‘…’", and
#: with a relative clause after the role (rule "list item with a relative clause", mr11): "Brian Kemp, Georgia
#: governor, who Trump once tried to unseat: ‘…’".
_LIST_ITEM = re.compile(
    r"(?P<label>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)+)(?:,\s+[^,:‘“\"\n]{1,60})?"
    r"(?:,\s+(?:who|whom|whose)\s[^,:‘“\"\n]{1,60})?:\s*(?P<quote>[‘“\"])"
)
#: The closing mark of each opening quote mark (a ’ followed by a letter is an apostrophe).
_QUOTE_CLOSE = {"‘": re.compile(r"’(?![a-z])"), "“": re.compile(r"”"), '"': re.compile(r'"')}
#: An introduction to a list is a short line ending in a colon ("The reaction, in brief:"); by hand.
LIST_INTRO_CHARS = 60


class ReactionList(NamedTuple):
    """Rule "reaction list": the items of lists of named reactions, and their speakers' labels.

    ``sentences``: the list's sentences (its introduction, each "Name, role: ‘quote’" line and the
    quote's further sentences); ``labels``: the label spans, from the name to the quote ("Nigel
    Farage, Ukip: "); ``quote_starts``: where each item's quote opens. A careful reader takes a list
    as a set of voices about the article's subject: a pronoun in an item's quote never means the
    item's speaker, and the narrative after the list goes on with the person it was about.
    """

    sentences: frozenset[int]
    labels: tuple[tuple[int, int], ...]
    quote_starts: frozenset[int]

    def is_label(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies in an item's label."""
        return bool(self.labels) and any(lo <= start and end <= hi for lo, hi in self.labels)  # most have none


def reaction_list(doc: Document) -> ReactionList:
    """The reaction-list items of an article (see :class:`ReactionList`).

    Example:
        >>> from newslab.document import Article, parse
        >>> doc = parse(Article("a", "", "Trump won. Reactions:\\n\\nJeb Bush, rival: ‘He lies. Sad.’\\n\\nHe smiled."))
        >>> rl = reaction_list(doc)
        >>> sorted(rl.sentences), [doc.text[a:b] for a, b in rl.labels]
        ([1, 2, 3], ['Jeb Bush, rival: '])
    """
    text = doc.text
    sentences: set[int] = set()
    labels: list[tuple[int, int]] = []
    quotes: set[int] = set()
    for k, sent in enumerate(doc.sentences):
        m = _LIST_ITEM.match(text, sent.start, sent.end)
        if m is None:
            continue
        labels.append((m.start("label"), m.start("quote")))  # the name and its role ("Nigel Farage, Ukip:")
        quotes.add(m.end("quote"))
        close = _QUOTE_CLOSE[m.group("quote")].search(text, m.end("quote"))
        last = doc.sentence_of(close.start()) if close is not None else k
        sentences.update(range(k, max(k, last) + 1))
        before = doc.sentences[k - 1] if k > 0 else None
        intro = before is not None and text[before.start : before.end].rstrip().endswith(":")
        if intro and before is not None and before.end - before.start <= LIST_INTRO_CHARS:
            sentences.add(k - 1)
    return ReactionList(frozenset(sentences), tuple(labels), frozenset(quotes))


#: Tokens after which a name opens a clause as its subject ("But Sanders gave", "before Antonin Scalia took").
SUBJECT_OPENERS = frozenset(rule_words("people.SUBJECT_OPENERS"))
#: Day and month names: capitalized, followed by a verb ("on Thursday tried"), yet no one.
_CALENDAR_WORDS = frozenset([*calendar.day_name, *calendar.month_name[1:]])
#: Brill tags of a finite verb right after a subject name ("Flake has", "Scalia took", "Fryer called").
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD", "VBN"})  # VBN: "Fryer called it" (past form, Brill's first tag)
#: Tags of the lowercase form that make a capitalized word a common noun or a function word ("Officials said").
_NOT_NAME_TAGS = frozenset({"NNS", "NNPS", "DT", "PRP", "PRP$", "IN", "CC", "RB", "WP", "WRB", "WDT", "EX", "TO"})


def named_subject(
    tokens: Tokens,
    i: int,
    first_sentence: int,
    known: Sequence[tuple[int, int]],
    quoted: Callable[[int], bool],
) -> bool:
    """Whether a capitalized name no person list knows stands as a subject between an antecedent and a pronoun.

    Stops rule ``pronoun:discourse`` when, from the start of the antecedent's sentence to the pronoun,
    a capitalized run that is no target mention is followed by a finite verb or by ", <age>,": "Flake
    has long been critical of President Trump, but … his party"; "Perdue, 70, served on Trump's
    committee. His nomination …"; "… before Antonin Scalia took his seat". :func:`newslab.people.people`
    sees only names with a known given name or title; a bare surname as subject is someone else too.
    Runs after "the" ("the White House said") and words in capitals ("FBI") are institutions, not a he;
    days and months ("Thursday tried") are no one; a run joined to the target ("Trump and Clinton are")
    shares its subject. ``known`` are the sorted spans of the target mentions and of the people
    :func:`people` lists (the antecedent search weighs those by gender already); ``quoted`` tells
    whether an offset lies inside a quotation (names there are the quote's, not the narrative's).
    """
    tags = word_tags()
    texts, tok_starts, sents = tokens.texts, tokens.starts, tokens.sentences  # the token columns
    starts = [s for s, _ in known]

    def inside(offset: int) -> bool:
        at = bisect.bisect_right(starts, offset) - 1
        return at >= 0 and known[at][1] > offset

    for j in range(i - 1, -1, -1):
        word = texts[j]
        if sents[j] < first_sentence:
            return False
        if not (word[:1].isupper() and word.isalpha() and not word.isupper()):
            continue
        nxt = texts[j + 1]
        after = texts[j + 2] if j + 2 < len(texts) else ""
        if (nxt.endswith("ly") or tags.get(nxt) == "RB") and nxt[:1].islower():
            nxt = after  # one adverb between: "Green initially said"
        if not ((nxt[:1].islower() and tags.get(nxt) in _FINITE_TAGS) or (nxt == "," and after.isdigit())):
            continue  # no verb (a capitalized "Continues" is a headline's)
        k = j  # the first word of the capitalized run
        while k > 0 and sents[k - 1] == sents[j] and texts[k - 1][:1].isupper():
            k -= 1
        before = texts[k - 1].lower() if k > 0 and sents[k - 1] == sents[j] else ""
        if before == "the" or texts[k].lower() == "the" or word in _CALENDAR_WORDS:
            continue
        if before and before not in SUBJECT_OPENERS:
            continue  # not a clause's subject: "Trump said Clinton is …", "“Japan is …"
        if inside(tok_starts[j]) or quoted(tok_starts[j]):  # quoted: "… that God ever created," Mr. Trump said
            continue  # the target's own mention ("Mr. Trump said") or a person the antecedent search knows
        if before in ("and", "or") and k > 1 and inside(tok_starts[k - 2]):
            continue  # "Trump and Clinton are …": coordinated with the target
        cap, low = tags.get(word), tags.get(word.lower())
        if not (cap == "NNP" or low is None or (cap is None and low not in _NOT_NAME_TAGS)):
            continue  # a common word ("Officials said"); "Flake" is tagged NN but "flake" is no word of the lexicon
        return True
    return False
