"""Binding rules for pronouns: quotations, clauses, and who controls a pronoun (used by :mod:`newslab.coreference`).

:class:`Clauses` gives the token lookups the binding rules need (clause breaks, quotes, the speaker
pronoun after a quote). The round-6 rules of issue 23 (branch ``mr6``) leave a pronoun uncredited to a
target when the sentence binds it to someone else:

* :func:`reflexive_controller` (rule ``"reflexive controller"``): "Trump remains furious at Sessions
  for recusing himself": "himself" is the one blamed or praised *for* the act, not the clause's subject;
* :func:`possessor_of_named` (rule ``"principle C, possessive"``): "His lengthy criticism of Trump
  ended": a possessive pronoun whose own phrase names the target by name means someone else;
* :func:`gender_rival` (rule ``"gender rival"``, for head descriptions): "… her long-running claim …,
  though her campaign continued to defend the candidate's actions" is Clinton's, not Trump's;
* :func:`quoted_rival` (rule ``"rival in the quote"``): a pronoun inside a quotation whose antecedent
  stands outside it, after a person-like name inside the same quotation ("Sanders winning Wisconsin
  would give him …").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from newslab.anchored import occurrences
from newslab.cues import reporting_forms
from newslab.descriptions import word_tags
from newslab.document import Document, Tokens
from newslab.lexicons import rule_words
from newslab.mention_record import Mention
from newslab.people import Person, office_phrases
from newslab.targets import Target

#: Pronouns of each gender (a target's own pronoun list decides which ones it takes).
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
#: Third-person pronouns of a person (rule "own turn" leaves them uncredited in the target's own transcript line).
THIRD_PERSON = MALE_PRONOUNS | FEMALE_PRONOUNS

_QUOTED = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|‘[^‘\n]*?’(?![a-z])")
#: Verbs after a closing quote whose subject pronoun is the quote's speaker ("…,” he said).
SPEECH_AFTER = frozenset(reporting_forms("after_quote"))  # the one reporting-verb list (data/speech_verbs.tsv)
#: Tokens that end a clause for the object-pronoun rule ("Trump attacked him": him is not Trump).
CLAUSE_BREAKS = frozenset(rule_words("coreference.CLAUSE_BREAKS"))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` inside quotation marks (curly, straight, and British single marks).

    Example:
        >>> text = "“We won,” he said. ‘Odd,’ Trump’s aide wrote."
        >>> [text[a:b] for a, b in quoted_spans(text)]
        ['“We won,”', '‘Odd,’']
    """
    return [m.span() for m in _QUOTED.finditer(text)]


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    i = bisect.bisect_right(spans, (offset, 10**12)) - 1
    return spans[i] if i >= 0 and spans[i][0] < offset < spans[i][1] else None


class Clauses:
    """Token lookups of one article for the binding rules (token starts found once, then bisect)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts = doc.tokens.starts  # the shared column (read only)
        self.quotes = quoted_spans(doc.text)

    def index(self, offset: int) -> int:
        """The index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def same_clause(self, start: int, end: int) -> bool:
        """Whether no clause break stands between offsets ``start`` and ``end`` of one sentence."""
        doc = self.doc
        if doc.sentence_of(start) != doc.sentence_of(end):
            return False
        i = self.index(start)
        starts, texts = doc.tokens.starts, doc.tokens.texts
        while i < len(starts) and starts[i] < end:
            if texts[i].lower() in CLAUSE_BREAKS:
                return False
            i += 1
        return True

    def speaker_pronoun(self, offset: int) -> bool:
        """Whether the token at ``offset`` is the subject right after a quote ("…,” he said)."""
        texts, i = self.doc.tokens.texts, self.index(offset)
        if i == 0 or i + 1 >= len(texts) or texts[i + 1].lower() not in SPEECH_AFTER:
            return False
        return texts[i - 1] in ("”", '"', "’", "'")

    def quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies inside quotation marks."""
        return _inside(self.quotes, offset) is not None


#: Prepositions that make the name before a gerund the one the gerund's act is blamed or praised on
#: ("attacked Sessions for recusing himself"). Hand choice: adjunct clauses ("after", "without",
#: "by") are controlled by the main subject instead ("Trump met Putin after defending himself").
CONTROL_PREPOSITIONS = frozenset({"for"})
_CONTROLLER = re.compile(r"(?<![\w.])([A-Z][a-z][\w’'-]*)\s+(\w+)\s+[a-z]+ing\b")


def reflexive_controller(text: str, after: int, reflexive: int, taken: Sequence[tuple[int, int]]) -> str:
    """The name that controls a reflexive in ``text[after:reflexive]`` ("" when none does).

    "President Trump remains furious at Sessions for recusing himself": a capitalized word (no target
    mention: ``taken`` are their sorted spans) followed by "for" and a gerund is who the reflexive means.
    """
    starts = [s for s, _ in taken]
    for m in _CONTROLLER.finditer(text, after, reflexive):
        if m.group(2).lower() not in CONTROL_PREPOSITIONS:
            continue
        i = bisect.bisect_right(starts, m.start(1)) - 1
        if i >= 0 and taken[i][1] > m.start(1):
            continue  # the target itself ("praised Trump for defending himself")
        return m.group(1)
    return ""


#: Words between a possessive pronoun and the preposition before the target's name: at most this
#: many, all lowercase ("His lengthy criticism of Trump"). Set by hand: a noun phrase's modifiers.
POSSESSIVE_PHRASE_WORDS = 3
#: Prepositions from the possessed noun to the target's name ("criticism of", "attack on").
POSSESSIVE_PREPOSITIONS = rule_words("binding.POSSESSIVE_PREPOSITIONS")
_POSSESSED = re.compile(
    rf"(?:\s+[a-z][\w’'-]*){{1,{POSSESSIVE_PHRASE_WORDS}}}?\s+(?:{'|'.join(POSSESSIVE_PREPOSITIONS)})\s+"
    r"(?:(?:President|Mr\.|the)\s+)?"
)


def possessor_of_named(text: str, pronoun_end: int, name_starts: Sequence[int]) -> bool:
    """Whether a possessive pronoun's own phrase runs into a name of its antecedent: principle C.

    "His lengthy criticism of Trump ended …": "His" cannot be Trump. ``name_starts`` are the sorted
    starts of the antecedent target's name mentions (a title before the name is allowed).

    Example:
        >>> text = "His criticism of Trump ended."
        >>> possessor_of_named(text, 3, [17]), possessor_of_named("His defense of his record.", 3, [])
        (True, False)
    """
    m = _POSSESSED.match(text, pronoun_end)
    if m is None:
        return False
    i = bisect.bisect_left(name_starts, m.start())
    return i < len(name_starts) and name_starts[i] <= m.end() and not text[m.end() : name_starts[i]].strip(" .")


#: Tags of a verb after a name inside a quotation that make the name a person acting ("Sanders winning").
_ACTING_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD", "VBG"})


def quoted_rival(tokens: Tokens, i: int, quote: tuple[int, int], taken: Sequence[tuple[int, int]]) -> str:
    """A person-like name inside the pronoun's quotation, before the pronoun ("" when none).

    Called for a pronoun (token ``i``) inside ``quote`` whose antecedent stands outside it. A
    capitalized word there (no target mention, not the quotation's first word unless a verb follows,
    not in capitals) followed by a finite verb or a gerund is someone the quote talks about: "Sanders
    winning Wisconsin would give him fresh momentum" is not Trump's "him".
    """
    tags = word_tags()
    starts = [s for s, _ in taken]
    texts, tok_starts = tokens.texts, tokens.starts  # the token columns
    for j in range(i - 1, -1, -1):
        word, start = texts[j], tok_starts[j]
        if start <= quote[0]:
            return ""
        if not (word[:1].isupper() and word.isalpha() and not word.isupper()) or j + 1 >= len(tokens):
            continue
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and taken[k][1] > start:
            continue
        nxt = texts[j + 1]
        if nxt[:1].islower() and tags.get(nxt) in _ACTING_TAGS and tags.get(word.lower()) is None:
            return word
    return ""


_OTHER_GENDER = {
    "he": re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE),
    "she": re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE),
}


def gender_rival(doc: Document, d: Mention, name_ends: Sequence[int]) -> str:
    """Rule "gender rival": a pronoun of the other gender before a head description in its sentence.

    "… her long-running claim …, though her campaign continued to defend the candidate's actions": with
    no name of the target between the sentence's start and the description, a description that others
    can hold (not an office with a title, such as "the president") and that is no apposition ("her rival,
    the Republican nominee,") means the person the pronoun means. Returns that pronoun ("" = no rival).
    """
    pronouns = d.target.pronouns or ()
    rx = _OTHER_GENDER["he"] if "he" in pronouns else _OTHER_GENDER["she"] if "she" in pronouns else None
    head = d.rule.split(":", 1)[1]
    if rx is None or (head,) in office_phrases() or doc.text[max(0, d.start - 2) : d.start].strip() in (",", "(", "—"):
        return ""
    start = doc.sentences[doc.sentence_of(d.start)].start
    hits = list(rx.finditer(doc.text, start, d.start))
    if not hits or any(start < e <= d.start for e in name_ends):
        return ""
    return hits[-1].group()


#: A transcript label opening a line ("TRUMP:", "MS. CLINTON:"): the line is that speaker's turn.
_TURN_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>[A-Z][A-Z.’' -]*[A-Z.]):[ \t]")


def named_later(clauses: Clauses, names: Sequence[int], end: int) -> bool:
    """Principle C: a target's name (``names``: sorted starts) stands later in the clause of the pronoun at ``end``.

    "Who dropped out? Vivek Ramaswamy. He endorsed Trump": "He" cannot be Trump, whichever rule proposes it.
    """
    n = bisect.bisect_right(names, end)
    return n < len(names) and clauses.same_clause(end, names[n])


_YOU = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ourself)\b")
#: Characters of the lines allowed between a turn and the target's answer: a heading ("2. The insult"), no
#: paragraph of narrative (set by hand for newslab, mr9: the longest heading seen in the dev part is 20).
HEADING_CHARS = 40


def addressee_mentions(text: str, targets: Sequence[Target], taken: Sequence[Mention]) -> list[Mention]:
    """Rule "pronoun:addressee": "you" in a transcript turn that the target's turn answers is the target.

    "CARLSON: Are you worried, as you fight these cases …?" then "TRUMP: They're savage animals.": the
    interviewer's "you" is Trump. The turn must be someone else's (in the target's own turn "you" is the
    other), and only a short heading may stand between the two turns. Evidence: antecedent ``"turn of
    <LABEL>"``. ``taken``: mentions already found (a "you" inside one is left alone).

    Example:
        >>> from newslab.targets import TRUMP
        >>> text = "CARLSON: Are you worried?\\nTRUMP: They're savage animals."
        >>> [(text[m.start : m.end], m.rule, m.antecedent) for m in addressee_mentions(text, [TRUMP], [])]
        [('you', 'pronoun:addressee', 'turn of TRUMP')]
    """
    persons = [t for t in targets if t.kind == "person"]
    if not persons or "you" not in text.lower():
        return []
    labels = list(_TURN_LABEL.finditer(text))
    spans = [(m.start, m.end) for m in taken]
    found = []
    for turn, answer in itertools.pairwise(labels):
        line_end = text.find("\n", turn.end())
        line_end = len(text) if line_end < 0 else line_end
        if len(text[line_end : answer.start()].strip()) > HEADING_CHARS:
            continue  # narrative between the turns: not an exchange
        target = next((t for t in persons if t._name_re.search(answer.group("label").title())), None)
        if target is None or target._name_re.search(turn.group("label").title()):
            continue  # nobody's turn answers, or the target's own turn ("you" is the other)
        for y in _YOU.finditer(text, turn.end(), line_end):
            if not any(a < y.end() and y.start() < b for a, b in spans):
                ante = f"turn of {answer.group('label')}"
                found.append(
                    Mention(target, y.start(), y.end(), "pronoun", "pronoun:addressee", ADDRESSEE_CONFIDENCE, ante)
                )
    return found


#: As sure as the discourse rule: the answer's label says who was addressed (set by hand for newslab, mr9).
ADDRESSEE_CONFIDENCE = 0.6


#: A comma-set relative clause or apposition (", who …,", ", the entrepreneur who …,"): an aside about someone.
_ASIDE = re.compile(r",\s+(?:who|whom|the|a|an)\b[^,;!?]*,")
#: What stands between an aside's comma and a mention that heads it (rule "aside head", mr10).
_ASIDE_HEAD = re.compile(r",\s+")


def in_aside(text: str, sentence_start: int, start: int, before: int) -> bool:
    """Rule "inside an aside": a mention at ``start`` stands in a comma-set aside that closes before ``before``.

    "Vivek Ramaswamy, the entrepreneur who ran as Mr. Trump's most loyal rival, ended his campaign": the
    discourse rule does not take Mr. Trump for "his" (the sentence rules had this check for ", who …,").

    Example:
        >>> text = "Vivek Ramaswamy, the man who ran as Mr. Trump's rival, ended his campaign."
        >>> in_aside(text, 0, text.index("Mr."), text.index("his")), in_aside(text, 0, 0, text.index("his"))
        (True, False)
    """
    return any(
        m.start() < start < m.end() <= before and not _ASIDE_HEAD.fullmatch(text, m.start(), start)
        for m in _ASIDE.finditer(text, sentence_start, before)
    )  # not the aside's own head: "…, the former president read for an hour, in a tone his aides …" (mr10)


def speaker_label(text: str, start: int, end: int) -> bool:
    """Rule "speaker label": ``text[start:end]`` is (part of) a transcript label opening its line ("TRUMP: …").

    The label says who speaks the line; it is no mention of that person (the annotation guidelines do not
    mark it, as they do not mark the speaker's "I"). Only a label written in capitals counts: "Trump: the
    verdict" in title case is a headline, not a turn.

    Example:
        >>> text = "CARLSON: Are you worried?\\nTRUMP: They're savage animals. Trump: a profile"
        >>> speaker_label(text, text.index("TRUMP"), text.index("TRUMP") + 5)
        True
        >>> speaker_label(text, text.rindex("Trump"), text.rindex("Trump") + 5)
        False
    """
    if not text[start:end].isupper():
        return False
    line = text.rfind("\n", 0, start) + 1
    m = _TURN_LABEL.match(text, line)
    return m is not None and m.start("label") <= start and end <= m.end("label")


def own_turn(text: str, offset: int, name_re: re.Pattern[str]) -> str:
    """Rule "own turn": the transcript label naming the target that opens the line of ``offset`` ("" if none).

    In "TRUMP: He said he's not going to do testing. I trust him." the speaker says "I"; a third-person
    pronoun in his own turn means someone else (Kim). ``name_re`` is the target's name pattern; the
    label is read in title case ("TRUMP" -> "Trump").

    Example:
        >>> rx = re.compile(r"\\bTrump\\b")
        >>> text = "REPORTER: Did he promise?\\nTRUMP: He said so. I trust him."
        >>> own_turn(text, text.index("He said"), rx), own_turn(text, text.index("he promise"), rx)
        ('TRUMP', '')
    """
    line = text.rfind("\n", 0, offset) + 1
    m = _TURN_LABEL.match(text, line)
    if m is None or m.end() > offset:
        return ""
    return m.group("label") if name_re.search(m.group("label").title()) else ""


#: "…,” he said of Kim: the words after a quotation that say whom it is about (a verb of saying + "of").
_SAID_OF = re.compile(
    r"[\s,.!?\"”’']*(?:[A-Za-z.’'-]+\s+){1,4}?(?:said|says|wrote|writes|added|joked|remarked|tweeted)\s+of\s+"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)


def quote_about(text: str, quote: tuple[int, int], name_re: re.Pattern[str]) -> str:
    """Rule "quote about another": the person a quotation is said to be about, when not the target ("" if none).

    "“He's quite a guy,” he said of Kim.": "He" in the quote is Kim. ``name_re`` is the target's name
    pattern: "he said of President Trump" gives "".

    Example:
        >>> text = '"He is a character," he said of Kim. "He won," he said of President Trump.'
        >>> second = text.index('"He won')
        >>> rx = re.compile(r"\\bTrump\\b")
        >>> quote_about(text, (0, 21), rx), quote_about(text, (second, second + 9), rx)
        ('Kim', '')
    """
    m = _SAID_OF.match(text, quote[1])
    if m is None or "\n" in m.group():
        return ""
    return "" if name_re.search(m.group("name")) else m.group("name")


_LONGER_NAME = re.compile(r"\s+[A-Z][a-z]")


def name_parts(doc: Document, others: Sequence[Person], mentions: Sequence[Mention]) -> list[tuple[int, int, Person]]:
    """Rule "name part": the first word of another person's full name, alone later, is that person.

    "North Korean leader Kim Jong Un … Trump also said Kim had told him he did not know": "Kim" is a
    rival for "he", though :func:`newslab.people.people` knows only a full name's last word as its
    surname. Not a word the tag lexicon knows in lowercase ("Will"), not inside a name or mention, not
    before another capitalized word (a longer name).

    Example:
        >>> from newslab.document import Article, parse
        >>> doc = parse(Article("a", "", "Kim Jong Un met Trump. Kim had told him he knew."))
        >>> kim = Person(0, 11, "Kim Jong Un", "male", 0)
        >>> [(a, p.name) for a, _, p in name_parts(doc, [kim], [])]
        [(23, 'Kim Jong Un')]
    """
    firsts: dict[str, Person] = {}
    tags = word_tags()
    for p in others:
        words = p.name.split()
        first = words[0] if len(words) >= 2 else ""
        if first.isalpha() and first[:1].isupper() and not first.isupper() and tags.get(first.lower(), "NNP") == "NNP":
            firsts.setdefault(first, p)
    if not firsts:
        return []
    spans = sorted([(p.start, p.end) for p in others] + [(m.start, m.end) for m in mentions])
    span_starts = [a for a, _ in spans]
    text = doc.text
    found: list[tuple[int, int, Person]] = []
    for word, person in firsts.items():
        for at in occurrences(text, word):  # by str.find: no pattern compiled per article
            end = at + len(word)
            if at <= person.start or (at and (text[at - 1].isalnum() or text[at - 1] in "’'.-")):
                continue
            if end < len(text) and (text[end].isalnum() or text[end] in "’'-"):
                continue  # part of a longer word ("Kimberly")
            k = bisect.bisect_right(span_starts, at) - 1
            if (k >= 0 and spans[k][1] > at) or _LONGER_NAME.match(text, end):
                continue  # inside a name or mention, or the first word of a longer name again
            found.append((at, end, person))
    return sorted(found)


def bound_wrongly(clauses: Clauses, pronoun: Mention, antecedent: Mention | None) -> str:
    """Why a pronoun cannot mean its antecedent mention ("" when it can).

    Three rules a careful coder applies without thinking: "him"/"her" never mean the subject of their
    own clause ("Trump attacked him"; a possessor may: "Trump's allies praised him"); the subject
    right after a quote ("…,” he said) is the quote's speaker, never a person named inside the quote
    ("‘… beaten Donald Trump …,’ he said"); and a person named inside a comma-set relative clause
    is not the one a later pronoun of the main clause means ("The president, who had called Mr.
    Trump unqualified, said he would help").

    Example:
        >>> from newslab.document import Article, parse
        >>> from newslab.targets import TRUMP
        >>> doc = parse(Article("a", "", "Frazier quit. Trump attacked him."))
        >>> trump = Mention(TRUMP, 14, 19, "name", "name", 1.0)
        >>> him = Mention(TRUMP, 29, 32, "pronoun", "pronoun", 0.7)
        >>> bound_wrongly(Clauses(doc), him, trump)
        'object pronoun in the clause of its antecedent'
    """
    text = clauses.doc.text
    word = text[pronoun.start : pronoun.end].lower()
    if word in THIRD_PERSON and own_turn(text, pronoun.start, pronoun.target._name_re):
        return "own turn: third person in the target's transcript line"  # "TRUMP: He said …": not Trump
    if antecedent is None:
        return ""
    quote = _inside(clauses.quotes, pronoun.start)
    if (
        quote is not None
        and not quote[0] < antecedent.start < quote[1]
        and quote_about(text, quote, pronoun.target._name_re)
    ):
        return "quote about another"  # "“He's quite a guy,” he said of Kim": Kim
    possessor = text[antecedent.end : antecedent.end + 2] in ("’s", "'s")  # "Trump's allies praised him"
    if word in OBJECT_PRONOUNS and not possessor and clauses.same_clause(antecedent.end, pronoun.start):
        return "object pronoun in the clause of its antecedent"
    if (
        clauses.speaker_pronoun(pronoun.start)
        and clauses.quoted(antecedent.start)
        and not clauses.quoted(pronoun.start)
    ):
        return "speaker of a quote, named inside it"
    sentence = clauses.doc.sentences[clauses.doc.sentence_of(pronoun.start)]
    for m in _RELATIVE.finditer(text, sentence.start, pronoun.start):
        if m.start() <= antecedent.start and antecedent.end <= m.end() < pronoun.start:
            return "inside a relative clause about someone else"  # "The president, who called Trump …, said he"
    return ""


#: A relative clause set off by commas ("The president, who had called Mr. Trump unqualified, said …"):
#: a mention inside it is not the subject that the main clause's pronoun continues.
_RELATIVE = re.compile(r",\s+(?:who|whom)\b[^,;]*,")
