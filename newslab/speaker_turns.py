"""Speakers a careful reader finds outside the quote's own clause (issue 23, round `at9`).

Rules of :mod:`newslab.quotes`, each named in the quote's ``rule`` or ``speaker_rule``:

* ``named-after``: a quote given to an unnamed speaker ("one senator said", "the North Korean side said")
  whose next sentence names who spoke ("The words were Mitch McConnell's.", "The words came from Ri
  Yong-ho, …") is that person's, with every quote of the same reporting clause.
* ``transcript-report``: a transcript line whose words report what someone else said ("TRUMP: He said
  he's not going to …") is the label's speaker's line; the reported clause inside it, whose "he" points
  into the speaker's own talk, gives no row of its own.
* In :mod:`newslab.speakers`, notes added to a he/she's ``speaker_rule``: ``outer-speaker`` (a speaker named
  inside another speaker's reported words, "Trump said North Korea had demanded …", is no recent speaker for a
  later he/she), ``fronted-participle`` (names inside "Asked about X, …," are not the subject of the "he" after
  it), ``not-a-name`` (a capitalized word that is no speaker, "Furiously, and in capitals.", is no previous
  subject), ``quote-start`` (the speaker memory counts from the sentence where a quote of several sentences
  opens) and ``description-subject`` (a target's description opening the sentence before is its subject).
* In :mod:`newslab.speech_formats`: ``finding-modifier`` ("A poll released this week shows …"),
  ``and-that`` ("shows that A, and that B": two findings) and ``nested-inside`` (a finding holding a nested
  attribution, "…, while most Democrats said it was justified", is kept with it).

Also :func:`group_phrase` (the speaker rule ``group``), moved here from :mod:`newslab.speakers` unchanged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from newslab.attribution import SPACE, Attribution, Quote
from newslab.descriptions import word_tags
from newslab.document import Document
from newslab.lexicons import load_table, rule_words, stopwords
from newslab.people import people_words
from newslab.speech_formats import bad_speaker, next_sentence_speaker

#: Words that open a speaker phrase naming no one ("one senator", "a diplomat", "the North Korean side").
UNNAMED_OPENERS = frozenset(rule_words("speaker_turns.UNNAMED_OPENERS"))
#: Added when a he/she skipped a speaker named inside another speaker's words (at9).
OUTER_NOTE = "; outer-speaker"
#: Added when a he/she skipped the names of a fronted participle clause of its own sentence (at9).
FRONTED_NOTE = "; fronted-participle"
#: Added when a he/she's previous subject is a target's description opening its sentence ("The tycoon had …"; at9).
DESCRIPTION_NOTE = "; description-subject"
#: Added when a he/she's speaker memory counted from the sentence where its quote opens (at9).
QUOTE_START_NOTE = "; quote-start"
#: Added when a he/she skipped a capitalized word that is no name (an adverb opening its sentence; at9).
NOT_NAME_NOTE = "; not-a-name"
#: Participles that open a clause whose subject is the pronoun after it ("Asked about X, he said").
FRONTED_PARTICIPLES = frozenset(rule_words("speaker_turns.FRONTED_PARTICIPLES"))
#: Pronouns whose reported clause inside a transcript line points into the speaker's own talk.
_REPORTED_PRONOUNS = frozenset({"he", "she", "they"})
#: First-person speakers inside a transcript line: the label's own ("TRUMP: … I think he likes me"; at10).
_FIRST_PERSON = frozenset({"i", "we"})


def fronted_participle(chunk: str) -> bool:
    """Whether the text before a pronoun opens with a participle clause ended by a comma ("Asked about X, …, ")."""
    first = chunk.lstrip().split(" ", 1)[0].lower()
    return first in FRONTED_PARTICIPLES and chunk.rstrip().endswith(",")


def not_a_name(at: int, name: str) -> bool:
    """Rule ``not-a-name``: a capitalized word opening its sentence that is no speaker, skipped by the subject scan.

    A word that :func:`newslab.speech_formats.bad_speaker` rejects (an adverb, a verb: "Furiously, and in
    capitals.") at the start of a sentence that names no one else; the scan goes on to the sentence before.
    Elsewhere such a word ends the scan as before (the speaker then stays as written): in a sentence that names
    others after it, those are rarely the pronoun's antecedent ("Later, Mr. Jordan pressed Mr. Shulman …
    “…,” he said", read on 1,000 NewsMTSC articles).

    Example:
        >>> not_a_name(0, "Furiously"), not_a_name(0, "Mitch McConnell"), not_a_name(12, "Furiously")
        (True, False, False)
    """
    return at == 0 and bad_speaker(name)


# moved from newslab.speakers (at9), unchanged; newslab.speakers re-exports given_name_gender
@functools.cache
def _given_genders() -> dict[str, str]:
    """Given name -> "f" / "m": people_words.tsv's given names, then data/given_names.tsv's."""
    given, _ = people_words()
    table = {w: g for w, g in given.items()}
    for row in load_table("given_names"):
        table.setdefault(row["word"], row["gender"])
    return {w: {"female": "f", "male": "m"}.get(g, "") for w, g in table.items()}


def given_name_gender(name: str) -> str:
    """The gender ("f" / "m") the first word of a name implies as a given name, "" if unknown.

    Example:
        >>> given_name_gender("Newt Gingrich"), given_name_gender("Huma Abedin"), given_name_gender("Gingrich")
        ('m', 'f', '')
        >>> given_name_gender("Taylor Swift")  # a name of both genders is not listed
        ''
    """
    words = name.split()
    return _given_genders().get(words[0], "") if words else ""


_NO_NAME_TAGS = ("VB", "JJ", "RB", "IN", "DT", "CC", "PRP")  # tags of words that are no part of a name
_TITLED = re.compile(r"(?:Mr|Mrs|Ms|Dr|Chairman|President|Premier|Leader)\.?[ \u00a0]+\S+")


def family_first(text: str, word: str, names: Sequence[str]) -> str:
    """Rule ``family-name-first``: a lone name word the article writes before a name, as a family name first.

    "Mr. Kim" in an article that names "Kim Jong Un" (East Asian names put the family name first) is Kim Jong
    Un: the word is the end of no name of the article's registry, and the article writes it before one (the
    words after it are a registry name, or the whole run is). "" if not.

    Example:
        >>> family_first("North Korean leader Kim Jong Un met him. Mr. Kim smiled.", "Kim", ("Jong Un",))
        'Kim Jong Un'
        >>> family_first("Donald Trump spoke at Trump Tower.", "Trump", ("Donald Trump", "Trump Tower"))
        ''
    """
    if any(n.split()[-1] == word and not _TITLED.fullmatch(n) for n in names):
        return ""  # a name ends with it ("Donald Trump"); "Mr. Kim" alone is no full name
    for tail_match in _word_then(text, word, _NAME_TAIL):
        tail = " ".join(tail_match.group(1).split())
        if any(word_tags().get(w.lower(), "NNP").startswith(_NO_NAME_TAGS) for w in tail.split()):
            continue  # "Flynn Appearing", "PolitiFact Live": a common word, no name
        if tail in names or f"{word} {tail}" in names:
            return f"{word} {tail}"
    return ""


#: One or two capitalized words after a name word (rule ``family-name-first``), matched where the word ends.
_NAME_TAIL = re.compile(r"((?:[ \u00a0]+[A-Z][\w’'-]+){1,2})")


def _is_word_char(char: str) -> bool:
    """Whether ``re``'s ``\\w`` matches the character (str patterns: alphanumeric or "_")."""
    return char.isalnum() or char == "_"


def _word_then(text: str, word: str, after: re.Pattern[str]) -> list[re.Match[str]]:
    """The matches of ``after`` right after each whole-word-start occurrence of ``word``, left to right.

    The same matches, in the same order, as ``re.finditer(rf"\\b{re.escape(word)}" + after.pattern, text)``
    yields for their group 1, without compiling a pattern per word (one per speaker name and article filled
    ``re``'s cache and cost about 0.3 s of compiling per 600 articles): ``str.find`` finds the word, the check
    of the character before it is ``\\b`` (the word opens with a word character), and a search continues
    after a match's end, as ``finditer``'s does. A word that opens with no word character uses the regex.
    """
    if not word or not _is_word_char(word[0]):
        return list(re.finditer(rf"\b{re.escape(word)}" + after.pattern, text))
    found, start = [], 0
    while (at := text.find(word, start)) >= 0:
        match = None if at and _is_word_char(text[at - 1]) else after.match(text, at + len(word))
        if match is None:
            start = at + 1
            continue
        found.append(match)
        start = match.end()
    return found


def given_before(text: str, name: str) -> str:
    """The gender of a given name the article writes right before ``name`` ("Christine Blasey Ford"), else "".

    The name registry may hold a name without its given name ("Blasey Ford"); a he/she then reads the given name
    where the article writes it in full (rule ``pronoun-gender``).

    Example:
        >>> given_before("Dr. Christine Blasey Ford testified. Blasey Ford left.", "Blasey Ford")
        'f'
    """
    for given in _given_words_before(text, name):
        gender = given_name_gender(given)
        if gender:
            return gender
    return ""


def _given_words_before(text: str, name: str) -> list[str]:
    """Group 1 of ``re.finditer(rf"\\b([A-Z][a-z]+)[ \\u00a0]+{re.escape(name)}\\b", text)``, in order.

    Read back from each occurrence of ``name`` instead of compiling a pattern per name (see :func:`_word_then`):
    the spaces before it, then lowercase ASCII letters and one capital, with no word character before that
    capital (``\\b``) and none right after the name (``\\b``: the name ends with a word character). A name
    that does not end with one uses the regex.
    """
    if not name or not _is_word_char(name[-1]) or not ("A" <= name[0] <= "Z" or "a" <= name[0] <= "z"):
        return [m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+)[ \u00a0]+{re.escape(name)}\b", text)]
    found, start, done = [], 0, 0
    while (at := text.find(name, start)) >= 0:
        start = at + 1
        end = at + len(name)
        if end < len(text) and _is_word_char(text[end]):
            continue  # no \b after the name
        k = at
        while k > done and text[k - 1] in " \u00a0":
            k -= 1
        j = k
        while j > done and "a" <= text[j - 1] <= "z":
            j -= 1
        if k == at or j == k or j - 1 < done or not "A" <= text[j - 1] <= "Z":
            continue
        if j - 1 > 0 and _is_word_char(text[j - 2]):
            continue  # no \b before the capital
        found.append(text[j - 1 : k])
        done = end
    return found


def unnamed_speaker(phrase: str) -> bool:
    """Whether a speaker phrase names nobody: a determiner or "one" and a lowercase head ("one senator").

    Example:
        >>> [unnamed_speaker(p) for p in ("one senator", "the North Korean side", "Senator Collins", "he")]
        [True, True, False, False]
    """
    words = phrase.split()
    return len(words) >= 2 and words[0].lower() in UNNAMED_OPENERS and words[-1].islower()


def named_after(quotes: list[Quote], closes: Sequence[int], doc: Document) -> None:
    """Rule ``named-after``: the speaker named in the sentence after a quote of an unnamed speaker.

    ``quotes[:len(closes)]`` are the direct quotes, ``closes`` their closing marks; every quote of ``quotes``
    whose speaker is the same phrase at the same place takes the name (its other direct pieces and the
    indirect rows of the same clause). A role speaker with a name in apposition takes that name first
    (:func:`apposition_names`).

    Example:
        >>> from newslab.document import Article, parse
        >>> text = "“We stood up to the mob,” one senator said.\\n\\nThe words were Mitch McConnell's."
        >>> q = Quote(1, 24, "direct", "after-quote", "said", "one senator", 27, 38)
        >>> named_after([q], [24], parse(Article("a", "", text)))
        >>> (q.speaker, q.rule)
        ('Mitch McConnell', 'after-quote; named-after')
    """
    apposition_names(quotes, doc.text)
    for q, close in zip(quotes, closes, strict=False):
        if not q.speaker or not unnamed_speaker(q.speaker):
            continue
        named = next_sentence_speaker(doc, close)
        if named is None:
            continue
        phrase, at = q.speaker, q.speaker_start
        for other in quotes:
            if other.speaker == phrase and other.speaker_start == at:
                other.speaker, other.speaker_start, other.speaker_end = named
                other.rule += "; named-after"


#: ", Karine Jean-Pierre." after a role speaker: the name in apposition (up to four capitalized words).
_APPOSITION_NAME = re.compile(
    r",[ \u00a0]+(?P<name>(?:[A-Z][\w.’'-]*[ \u00a0]+){1,3}[A-Z][\w’'-]+)(?=[.,;!?]|[ \u00a0]+of[ \u00a0]|$)"
)
#: A role speaker with no name of its own: a possessive or determiner and lowercase words ("his spokeswoman").
_ROLE_SPEAKER = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?)(?:[ \u00a0]+[a-z][\w-]*){1,3}")


def apposition_names(quotes: list[Quote], text: str) -> None:
    """Rule ``apposition-name``: "said his spokeswoman, Karine Jean-Pierre" is Karine Jean-Pierre's.

    A speaker phrase that is a role without a name (a possessive or determiner and lowercase words), followed by
    a comma and a capitalized name that ends the clause, is that person. The role stays in the text; the row names
    the person, as a coder does.

    Example:
        >>> text = "“We will win,” said her lawyer, John Smith."
        >>> q = Quote(1, 12, "direct", "after-quote", "said", "her lawyer", 20, 30)
        >>> apposition_names([q], text)
        >>> (q.speaker, q.rule)
        ('John Smith', 'after-quote; apposition-name')
    """
    for q in quotes:
        if q.speaker_start < 0 or not _ROLE_SPEAKER.fullmatch(q.speaker):
            continue
        m = _APPOSITION_NAME.match(text, q.speaker_end)
        if m is not None and m.group("name").split()[0].lower() not in UNNAMED_OPENERS:
            q.speaker, q.speaker_start, q.speaker_end = m.group("name"), m.start("name"), m.end("name")
            q.rule += "; apposition-name"


#: Words an unquoted clause before ", said X" must have to be reported speech ("The president was not briefed";
#: shorter openers are adverbials: "In Washington, said …"). Set by hand.
INVERTED_MIN_WORDS = 4
_MARKS = re.compile(r"[“”\"‘’]|(?<!\w)'|'(?!\w)")  # quotation marks, a straight single one at a word's edge
_CLAUSE_END = re.compile(r"[ \u00a0]*(?:[,.;!?]|$)")  # the speaker ends its clause: ", the press secretary" or "."


def inverted_clauses(
    doc: Document, attrs: dict[int, list[Attribution]], taken: Sequence[tuple[int, int]]
) -> list[Quote]:
    """Rule ``inverted-clause``: an unquoted clause that opens its sentence before ", said X" is X's words.

    "The president was not briefed and did not know about it, said Karine Jean-Pierre, the press secretary."
    Only a say-class verb with its speaker after it, right after the comma that ends the clause; the clause has
    no quotation mark and opens its sentence with a capital.

    Example:
        >>> from newslab.attribution import attributions
        >>> from newslab.document import Article, parse
        >>> doc = parse(Article("a", "", "The president was not briefed, said Karine Jean-Pierre, his spokeswoman."))
        >>> s = doc.sentences[0]
        >>> attrs = {0: attributions(doc.text, s.start, s.end, doc.token_spans[0], lambda offset: False)}
        >>> [(doc.text[q.start : q.end], q.speaker) for q in inverted_clauses(doc, attrs, [])]
        [('The president was not briefed', 'Karine Jean-Pierre')]
    """
    found = []
    text = doc.text
    for index, found_attrs in attrs.items():
        sent = doc.sentences[index]
        for a in found_attrs:
            if not (a.inverted and a.speaker and a.cls == "say" and not a.coordinated):
                continue
            comma = text.rfind(",", sent.start, a.verb_start)
            clause = text[sent.start : max(comma, sent.start)]
            if comma < 0 or text[comma + 1 : a.verb_start].strip() or _MARKS.search(clause):
                continue
            if len(clause.split()) < INVERTED_MIN_WORDS or not clause[:1].isupper() or "\n" in clause:
                continue  # a short adverbial ("In Washington, said …") or a headline line before the sentence
            if _CLAUSE_END.match(text, a.speaker_end) is None:
                continue  # "…, said the United States was …": the name opens the said clause; "says McCain “…”"
            if any(s < comma and sent.start < e for s, e in taken):
                continue
            q = Quote(sent.start, comma, "indirect", "inverted-clause", a.verb)
            q.speaker, q.speaker_start, q.speaker_end = a.speaker, a.speaker_start, a.speaker_end
            found.append(q)
    return found


def reports_others(line: Quote, inner: Sequence[Quote]) -> bool:
    """Rule ``transcript-report``: the indirect quotes inside a transcript line all have a pronoun speaker.

    Such a line ("TRUMP: He said he's not going to do testing") is the label's speaker's words; a line whose
    reported clause names its speaker ("LAWRENCE: Smith told NPR …") is left to that clause.

    Rule ``first-person`` (at10): an "I" or "we" clause inside the line ("TRUMP: He likes me. I think he likes
    me.") is the label's speaker too; its row goes, and the line keeps its label.

    Example:
        >>> line = Quote(7, 40, "direct", "transcript")
        >>> reports_others(line, [Quote(20, 38, "indirect", "reported-belief", "think", "I", 18, 19)])
        True
    """
    return bool(inner) and all(
        q.kind == "indirect" and q.speaker.lower() in _REPORTED_PRONOUNS | _FIRST_PERSON for q in inner
    )


def first_person(inner: Sequence[Quote]) -> str:
    """The note ``; first-person`` when an inner clause of a transcript line has an I/we speaker, else ""."""
    return "; first-person" if any(q.speaker.lower() in _FIRST_PERSON for q in inner) else ""


# moved from newslab.speakers (at9), unchanged: the speaker rule "group"
_GROUP_WITH_COMPLEMENT = re.compile(
    rf"^(?:[Tt]he{SPACE}|[Ss]ome{SPACE}|[Mm]any{SPACE}|[Tt]wo{SPACE}|[Tt]hree{SPACE}|[Ss]everal{SPACE})?(?P<head>[A-Za-z]+)"
    rf"{SPACE}(?:in|of|on|at|from|for){SPACE}\S"
)


def group_phrase(phrase: str) -> str:
    """A plural group noun with its complement, kept whole ("Residents of Kharkiv"); "" for anything else.

    A coder names a group speaker by the whole phrase: the complement says which officials or
    Republicans speak. A person's name with a place ("Gov. Andy Beshear of Kentucky") is no group.

    Example:
        >>> group_phrase("Officials in Miami-Dade County"), group_phrase("Andy Beshear of Kentucky")
        ('Officials in Miami-Dade County', '')
    """
    m = _GROUP_WITH_COMPLEMENT.match(phrase.strip())
    if m is None:
        return ""
    head = m.group("head")
    tag = word_tags().get(head.lower()) or word_tags().get(head) or ""
    return phrase.strip() if tag.startswith("NNS") or tag == "NNPS" else ""


#: The speaker rule of a he/she resolved to the one person a narrator's short question names (at11).
QUESTION_NAME_RULE = "pronoun:question-name"
_QUESTION_RUN = re.compile(r"[A-Z][\w.’'-]*(?:[ \u00a0]+[A-Z][\w.’'-]*)*")  # a capitalized run, compiled once


def question_name(question: str, person: Callable[[str], bool]) -> str:
    """Rule "question-name" (at11): the one person a narrator's short question names, else "".

    "Was Zelensky pressured? ‘Nobody pushed me,’ he said": an explainer's question opens the topic, and the he/she
    of the next sentence is the person it asks about, not the last speaker. The question's first word is skipped
    when it is a function word ("Was", "What", "And"); a run counts when ``person`` takes it (a title, a given name,
    a name of the article ending so); two persons, or none, give "".

    Example:
        >>> question_name("Was Zelensky pressured?", lambda run: run == "Zelensky")
        'Zelensky'
        >>> question_name("What did he say?", lambda run: True), question_name("Biden or Trump?", lambda run: True)
        ('', '')
    """
    words = question.split()
    start = len(question) - len(question.lstrip())
    if words and words[0].lower() in stopwords():
        start = question.index(words[0]) + len(words[0])
    runs = {m.group().rstrip(".?") for m in _QUESTION_RUN.finditer(question, start)}
    people = [run for run in runs if person(run)]
    return people[0] if len(people) == 1 else ""
