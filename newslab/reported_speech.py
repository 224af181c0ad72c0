"""Reported speech: the clause a reporting verb introduces, and "according to X".

:func:`indirect_quotes` reads, for each attribution of :mod:`newslab.attribution` that has a
speaker, the reported speech it introduces:

* the clause after the verb, through a time, a medium or an occasion ("said Thursday on Twitter"):
  "X said (that) …", "X told reporters that …", "X told them he …"; an object verb's directive
  ("X urged residents to …", "X accused Y of …"); a topic verb's "about …" ("complained about low
  spending"). Without "that", a clause opens with a pronoun, a determiner, a number or a name
  (:data:`CLAUSE_OPENERS`); a verb that is not ``bare`` only with a personal pronoun;
* the sentence before an attribution at its end ("The plan is dead, officials said.");
* the rest of a sentence after or before "according to X", and a noun's that-clause ("his claim that …"), both
  read in :mod:`newslab.reported_nominal`.

The clause ends before the next speaker's clause, a semicolon or the sentence's end. The rules
are listed in :mod:`newslab.quotes`, which attaches direct quotes to the attributions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newslab.attribution import SPACE, TIME_PHRASE, Attribution, Quote, not_a_speaker
from newslab.bare_clauses import BARE_CLAUSE_NOTE, clause_after
from newslab.cues import load_speech_verbs
from newslab.descriptions import word_tags
from newslab.document import Document, Sentence
from newslab.lexicons import rule_words, stopwords
from newslab.reported_nominal import MIN_CONTENT_CHARS, WORD_CHARS, according_to, content_end, nominal_that
from newslab.reported_nominal import WORD_RUN as _WORD_RUN

# patterns the rules below use, compiled once (not looked up in re's cache at every call)
_CLAUSE_STOP = re.compile(r"[,;:“”\"]")
_LAST_WORD = re.compile(r"([\w-]+)$")
_TO_OR_OF = re.compile(r"\s*(?:not\s+)?(to|of)\b")
_OPEN_QUESTION = re.compile(r"(?:whether|if)\b")
_CONTRACTION = re.compile(r"[’'](?:s|re|ll|d|ve)$")
_NEXT_WORD = re.compile(r"\s*([\w’'-]+)")
#: Rule "concessive-tail" (at12): a concession after the attribution ("…, Lombardo said, though a police expert
#: believed …") is the writer's, so the clause before the attribution is still the speaker's reported speech.
_CONCESSIVE_TAIL = re.compile(r",?[ \u00a0]+(?:though|although|even[ \u00a0]+though)[ \u00a0].*", re.DOTALL)
_SENTENCE_TAIL = re.compile(r"[ .\u00a0]*|,?[ \u00a0]+(?:and|but)[ \u00a0].*", re.DOTALL)

#: Words a verb may take as its addressee before "that" ("told reporters on Capitol Hill that"); set by hand.
OBJECT_WORDS = 6
COMPLEMENT_CHARS = 12  # characters after a verb's object read for "to" or "of" (" not to", " of")


#: Words after the verb that an object verb takes as its addressee ("told reporters", "warned residents").
_OBJECT = re.compile(
    rf"{SPACE}(?P<object>(?!that\b)[\w’'.&-]+(?:{SPACE}(?!that\b)[\w’'.&-]+){{0,{OBJECT_WORDS - 1}}}?)"
    rf"(?={SPACE}that\b|{SPACE}(?:not{SPACE})?to{SPACE}|{SPACE}of{SPACE})"
)


#: An addressee before "that" ("told the tens of thousands of supporters that"), tried before "to"/"of".
_OBJECT_THAT = re.compile(
    rf"{SPACE}(?P<object>(?!that\b)[\w’'.&-]+(?:{SPACE}(?!that\b)[\w’'.&-]+){{0,{OBJECT_WORDS - 1}}}?)(?={SPACE}that\b)"
)


#: What may stand between a verb and the reported clause: a time, a medium, an occasion.
_NOT_PREP = r"(?!(?:with|of|for|on|at|to|in|that|and)\b)"


_VERB_ADJUNCT = re.compile(
    rf"(?:,?{SPACE}(?:{TIME_PHRASE}|in{SPACE}(?:a|an|the|his|her|their){SPACE}[\w-]+(?:{SPACE}{_NOT_PREP}[\w-]+)?"
    rf"|on{SPACE}(?:Twitter|X|Facebook|Instagram|television|Fox News|CNN|MSNBC|NBC|CBS|ABC|\w+day)|in{SPACE}[A-Z]\w+"
    rf"|(?:at|on){SPACE}(?:a|an|the){SPACE}[\w-]+(?:{SPACE}{_NOT_PREP}[\w-]+)?|in{SPACE}\d{{4}}"
    rf"|with{SPACE}[A-Z][\w.’'-]*(?:{SPACE}[A-Z][\w.’'-]*){{0,2}}|privately|publicly|repeatedly|again|too|also)){{0,4}},?"
)


#: A written or spoken medium with its addressee, then "that" ("said in a letter to congressional leaders
#: that", "wrote in a note to clients that"): the clause starts after "that" (never without it).
_MEDIUM_THAT = re.compile(
    rf",?{SPACE}(?:in|on|during){SPACE}(?:a|an|the|his|her|their|its){SPACE}(?:[\w-]+{SPACE}){{0,2}}"
    rf"(?:statement|letter|note|memo|interview|post|email|filing|speech|op-ed|message|report|call|news conference|"
    rf"briefing|video|tweet|thread|appearance|radio interview|television interview)"
    rf"(?:{SPACE}(?!that\b)[\w.’'-]+){{0,6}}?,?{SPACE}that{SPACE}"
)


#: Words that open a reported clause without "that" ("Trump said he ...", "officials said the ...").
CLAUSE_OPENERS = frozenset(rule_words("reported_speech.CLAUSE_OPENERS"))


#: Verbs whose "about …" complement is reported speech ("complained about low spending"); set by hand.
TOPIC_VERBS = frozenset(rule_words("reported_speech.TOPIC_VERBS"))


_ABOUT = re.compile(rf"{SPACE}(?P<about>about{SPACE})")


_THAT = re.compile(rf"{SPACE}*that{SPACE}")


_TELL_OBJECT = re.compile(
    rf"{SPACE}(?P<object>[\w’'.-]+(?:{SPACE}[\w’'.-]+){{0,3}}?){SPACE}(?=(?:he|she|they|it|we|I|the|there)\b)"
)


#: Openers of a clause that a verb which is not ``bare`` reports without "that" ("noted he had").
PERSONAL_PRONOUNS = frozenset(rule_words("reported_speech.PERSONAL_PRONOUNS"))


def _clause_opens(text: str, pos: int, bare: bool) -> bool:
    """Whether a reported clause can start at ``pos`` without "that" ("said he would", "said the plan").

    A verb that is not ``bare`` ("noted", "maintained") reports a clause only after a personal pronoun.
    """
    m = _WORD_RUN.match(text[pos : pos + WORD_CHARS])
    if m is None:
        return False
    word = _CONTRACTION.sub("", m.group())  # rule "contraction-opener": "think she’s better"
    if not word:
        return False
    if not bare:
        return word.lower() in PERSONAL_PRONOUNS
    if word.lower() in DETERMINER_OPENERS and not _finite_verb_follows(text, pos + len(word)):
        return False  # rule "object-not-clause": "claimed an … victory that …", "emphasized the differences between …"
    if word.islower() and word.endswith("ing") and word_tags().get(word) == "VBG":
        # rule "gerund-subject" (at6): "said getting Clinton to appear in the skit wasn't tough": a gerund opens a
        # clause only when an auxiliary follows before a comma or stop
        return _GERUND_AUX.match(text, pos + len(word), min(len(text), pos + GERUND_CHARS)) is not None
    return (
        word.lower() in CLAUSE_OPENERS
        or word[0].isdigit()
        or (word[0].isupper() and word.lower() not in stopwords())
        or _noun_subject(text, pos)  # "said progress had been made"
    )


#: Auxiliaries and copulas that make a gerund the subject of a reported clause ("said leaving was hard"; at6).
GERUND_AUXILIARIES = rule_words("reported_speech.GERUND_AUXILIARIES")
GERUND_CHARS = 80  # characters after a gerund read for its auxiliary ("getting Clinton to appear in the skit wasn't")
_GERUND_AUX = re.compile(rf"[^,;:.!?“”\"]*?\b(?:{'|'.join(re.escape(w) for w in GERUND_AUXILIARIES)})(?![\w’'-])")


#: Determiners that open a reported clause ("said the plan failed") or an object ("emphasized the differences").
DETERMINER_OPENERS = frozenset(rule_words("reported_speech.DETERMINER_OPENERS"))
CLAUSE_WORDS = 12  # words after a determiner read for the clause's finite verb ("said the head of … would resign")
_FINITE_TAGS = ("VB", "MD")  # tags of the lexicon that read as a verb (base forms, "-ed" forms and modals too)
#: Words that end the search: a relative or a question word opens a clause inside the object, not the reported one.
_OBJECT_CLAUSE = frozenset(rule_words("reported_speech.OBJECT_CLAUSE"))


def _finite_verb_follows(text: str, pos: int) -> bool:
    """Whether a finite verb follows a determiner before a relative word, a comma or the sentence's end.

    "said the plan would fail" has one ("would"); "emphasized the differences between what he seeks" and
    "claimed an establishment-stunning victory that exposes …" have none before "what" / "that".
    """
    tags = word_tags()
    # a comma, a colon or a quote mark ends the search; a period does not ("said the U.S. plan was …")
    # an adjective's comma does not ("said the big, unifying question will be …")
    window = text[pos : pos + CLAUSE_WORDS * WORD_CHARS // 4]
    stop = next((m.start() for m in _CLAUSE_STOP.finditer(window) if not _adjective_comma(window, m.start())), None)
    chunk = window[:stop]
    adverb = joined = False
    for word in _WORD_RUN.findall(chunk)[:CLAUSE_WORDS]:
        low = word.lower()
        if low in _OBJECT_CLAUSE:
            return False
        tag = tags.get(low) or ""
        # rule "object-not-clause" (at6): a gerund is no finite verb ("explaining his pessimism about the awards
        # surviving …"), nor a verb right after "and" ("declared the clerk in contempt of court and jailed her")
        verb = tag.startswith(_FINITE_TAGS) and tag != "VBG" and not joined
        if _CONTRACTION.search(low) or verb or (adverb and tag != "DT"):
            return True  # a finite verb, or a word after an adverb ("her patients already drive …")
        adverb = (tag == "RB" and not low.endswith("ly")) or low in ("not", "never")
        joined = low in ("and", "or")
        if not tags and low.endswith(("ed", "s")):  # no tag lexicon installed: a rough suffix reading
            return True
    return False


_CHARGE_VERBS = ("accuse", "suspect")  # "accused X of …" reports a charge whatever follows "of"


def _charge_follows(text: str, pos: int, lemma: str) -> bool:
    """Rule "of-charge": whether an attitude verb's "X of …" reports speech.

    Only a charge ("accused X of …") or a gerund ("blamed X of lying") does; "rejected the conclusion of a
    study" is an object, no speech.
    """
    word = _NEXT_WORD.match(text[pos : pos + WORD_CHARS])
    return lemma in _CHARGE_VERBS or (word is not None and word.group(1).endswith("ing"))


def _adjective_comma(window: str, at: int) -> bool:
    """Whether the comma at ``at`` follows an adjective ("the big, unifying question")."""
    word = _LAST_WORD.search(window[:at])
    return window[at] == "," and word is not None and (word_tags().get(word.group(1).lower()) or "") == "JJ"


def _noun_subject(text: str, pos: int) -> bool:
    """Whether a bare noun subject (no function word: "and he was" is none) and a finite verb start at ``pos``."""
    m = _NOUN_SUBJECT.match(text, pos, pos + 60)
    return m is not None and not any(w.lower() in stopwords() for w in m.group().split()[:-1])


#: A bare noun subject (one or two words) and a finite verb: a clause without "that" or a determiner
#: ("said progress had been made", "said inflation would ease", "said turnout was high").
_NOUN_SUBJECT = re.compile(
    r"(?!(?:not|so|no|yes|nothing|goodbye|hello|thanks|sorry|more|less|much|little|enough|only|also|too|again)\b)"
    r"[a-z][a-z-]+(?:[ \u00a0][a-z][a-z-]+)?[ \u00a0]"
    r"(?:is|was|were|are|had|has|have|would|will|could|can|should|might|may|must|remains|remained)\b"
)


#: Verbs whose "whether/if" clause is a reported question ("asked whether …"); set by hand.
QUESTION_VERBS = ("ask", "wonder", "inquire", "question")
#: "asked whether …", "asked DeVos if …", "asked him whether …": an optional addressee, then the question word.
_QUESTION = re.compile(
    rf"{SPACE}+(?:(?:[A-Z][\w’'.-]*(?:{SPACE}[A-Z][\w’'.-]*){{0,2}}|him|her|them|me|us|reporters){SPACE}+)?"
    rf"(?P<q>whether|if){SPACE}"
)


#: A fronted subordinate clause ("After Rose asked whether …, Assad said"): a question in it ends at its comma.
_FRONTED = re.compile(rf"(?:After|When|As|Before|Once|While|Although|Though|Because|Since|Until){SPACE}")


def _reported_clause(text: str, sent: Sentence, a: Attribution) -> tuple[int, str] | None:
    """Start of the clause a verb reports, and its rule.

    "X said (that) ...", "X told reporters that ...", "X urged residents to ...", "X accused Y of ...".
    """
    verbs = load_speech_verbs()
    verb = verbs[a.verb.lower()]
    pos = a.verb_end
    adj = _VERB_ADJUNCT.match(text, pos, sent.end)
    if adj:
        pos = adj.end()
    that = _THAT.match(text, pos, sent.end) or _MEDIUM_THAT.match(text, a.verb_end, sent.end)
    if that:
        return that.end(), f"reported-{verb.cls}"
    question = _QUESTION.match(text, pos, sent.end) if verb.lemma in QUESTION_VERBS else None
    if question and "," not in text[a.verb_end : question.start("q")]:  # "She asked, if X were …, “…?”": no question
        # rule "reported-question" (at5): "Rose asked (Assad) whether …": the question asked
        return question.start("q"), "reported-question"
    topic = _ABOUT.match(text, pos, sent.end)
    if topic and verb.lemma in TOPIC_VERBS:
        return topic.start("about"), "reported-topic"  # "complained about low spending": what the speech was about
    if verb.addressee:
        obj = _OBJECT_THAT.match(text, pos, sent.end) or _OBJECT.match(text, pos, sent.end)
        if obj:
            that = _THAT.match(text, obj.end(), sent.end)
            if that:
                return that.end(), f"reported-{verb.cls}"
            complement = _TO_OR_OF.match(text[obj.end() : obj.end() + COMPLEMENT_CHARS])
            if (
                complement
                and (complement.group(1) == "to") == (verb.cls != "attitude")
                and (complement.group(1) == "to" or _charge_follows(text, obj.end() + complement.end(), verb.lemma))
            ):
                return obj.start("object"), "reported-directive"  # "urged residents to …", "accused X of …"
            return None
        tell = _TELL_OBJECT.match(text, pos, sent.end) if verb.lemma in ("tell", "assure", "remind", "inform") else None
        if tell:
            return tell.end(), f"reported-{verb.cls}"
        bare = clause_after(text, pos, sent.end, verb, a.verb) if verb.bare else None  # "warning Madrid would pay"
        return (bare, f"reported-{verb.cls}; {BARE_CLAUSE_NOTE}") if bare is not None else None
    start = pos + len(text[pos : sent.end]) - len(text[pos : sent.end].lstrip(" \u00a0"))
    if verb.cls == "attitude" or text[start : start + 1] in '“"':
        return None
    if not _clause_opens(text, start, verb.bare):  # "suggesting the administration had not done enough" (at11)
        bare = None if verb.bare else clause_after(text, pos, sent.end, verb, a.verb)
        return (bare, f"reported-{verb.cls}; {BARE_CLAUSE_NOTE}") if bare is not None else None
    return start, f"reported-{verb.cls}"


def indirect_quotes(text: str, doc: Document, attrs: dict[int, list[Attribution]], used: set[int],
              inside: Callable[[int], bool]) -> list[Quote]:  # fmt: skip
    """Reported speech in every sentence: "X said (that) …", "…, X said.", "according to X, …"."""
    quotes = []
    for sent in doc.sentences:
        found = list(attrs.get(sent.index, ()))
        for n, a in enumerate(found):
            if not a.speaker:
                continue
            clause = None if a.inverted else _reported_clause(text, sent, a)
            if a.verb_start in used and (clause is None or not _explicit_clause(text, a, clause[0])):
                continue  # “…,” Trump said: only "said that …" or "said he …" reports more than the quote
            if clause is None:
                q = _reported_after(text, sent, a, inside)
            else:
                start, rule = clause
                if text[a.verb_start - 3 : a.verb_start] == "to " and _OPEN_QUESTION.match(text[start:]):
                    continue  # "declined to say whether he would …": an infinitive's open question reports nothing
                end = content_end(text, sent, start, found[n + 1 :])
                fronted = rule == "reported-question" and _FRONTED.match(text, sent.start, a.speaker_start)
                comma = text.find(",", start, end) if a.relative or fronted else -1
                end = comma if comma > 0 else end  # a relative clause (and a fronted question) ends at its comma
                q = Quote(start, end, "indirect", rule, a.verb, a.speaker, a.speaker_start, a.speaker_end)
            if q is not None and q.end - q.start >= MIN_CONTENT_CHARS and not inside(q.start):
                if a.coordinated:
                    q.rule = "coordinated" + (f"; {a.subject_rule}" if a.subject_rule else "")
                    if clause is not None and clause[1].endswith(BARE_CLAUSE_NOTE):
                        q.rule += f"; {BARE_CLAUSE_NOTE}"  # the evidence keeps the rule that read the clause
                quotes.append(q)
        quotes.extend(according_to(text, sent))
        if "that" in sent.text:
            nominal = nominal_that(text, sent)
            spans = {(q.start, q.end) for q in nominal}
            # "Mr. Trump’s repeated claim that …": the noun's possessor speaks, not "Mr. Trump’s repeated"
            quotes = [q for q in quotes if (q.start, q.end) not in spans] + nominal
    return quotes


_TRAILING_APPOSITION = re.compile(
    rf"^,{SPACE}(?:\(?[RDI]-[A-Z][\w.]*\)?|(?:a|an|the){SPACE}[^,;“”\"]{{1,80}}?)(?=[.]?\s*$)"
)


OWN = "; own-complement"  # the evidence of rule "own-complement" on a quote it leaves unattributed


def own_complement(text: str, doc: Document, opened: int, close: int, a: Attribution) -> bool:
    """Rule "own-complement" (at8): a new voice after a quote's full stop, whose verb reports a clause of its own.

    "“He is an excellent choice.” Carl Tobias, a professor …, said Mr. Klain’s experience …": the quote is its own
    sentence, the next one opens with a name (not "He added that …" nor "The senator said he …", which go on
    with the quote's speaker) and its verb has its own content, so the quote is not that name's; it stays
    unattributed (no speaker from the context either: the reader has just met this name as a new voice).
    """
    if a.inverted or doc.sentence_of(a.verb_start) == doc.sentence_of(close - 1) or text[close - 2 : close - 1] != ".":
        return False
    if text[doc.sentences[doc.sentence_of(opened)].start : opened].strip():
        return False  # "He … said if …, “we won't have the meeting.” Trump said …": the quote does not open a sentence
    first = a.speaker.split()[0] if a.speaker else ""
    if not first[:1].isupper() or first.lower() in stopwords():
        return False  # "He added that …", "The senator said he …": the quote's speaker goes on
    return _reported_clause(text, doc.sentences[doc.sentence_of(a.verb_start)], a) is not None


def _explicit_clause(text: str, a: Attribution, start: int) -> bool:
    """Whether a reported clause is marked by "that" or opens with a personal pronoun ("said he enjoyed")."""
    word = _WORD_RUN.match(text[start : start + WORD_CHARS])
    return " that " in text[a.verb_end - 1 : start + 1] or (
        word is not None and word.group().lower() in PERSONAL_PRONOUNS
    )


def _reported_after(text: str, sent: Sentence, a: Attribution, inside: Callable[[int], bool]) -> Quote | None:
    """Reported speech before its attribution at the end of a sentence: "The plan is dead, officials said."."""
    head = a.verb_start if a.inverted else a.speaker_start
    tail_end = max(a.verb_end, a.speaker_end)
    tail = _TRAILING_APPOSITION.sub("", text[tail_end : sent.end])  # "…, said Sen. Jon Tester, D-Mont."
    adj = _VERB_ADJUNCT.match(tail)
    rest = tail[adj.end() :] if adj else tail
    concessive = _CONCESSIVE_TAIL.fullmatch(rest) is not None  # rule "concessive-tail" (at12)
    if not _SENTENCE_TAIL.fullmatch(rest) and not concessive:
        return None  # the attribution ends the sentence, or a clause of its own follows: ", Baldock says, and he …"
    if not text[sent.start : head].rstrip().endswith(","):
        return None
    end = text.rindex(",", sent.start, head)
    start = sent.start + len(sent.text) - len(sent.text.lstrip(' “"'))
    if end - start < MIN_CONTENT_CHARS or inside(start) or inside(end - 1) or text[end - 1] in '”"':
        return None
    if not _holds_verb(text[start:end]):
        return None  # rule "after-needs-verb" (at6): "At that point, Cuomo said." reports no clause
    rule = "reported-after; concessive-tail" if concessive else "reported-after"
    return Quote(start, end, "indirect", rule, a.verb, a.speaker, a.speaker_start, a.speaker_end)


def _holds_verb(chunk: str) -> bool:
    """Whether a reported clause holds a verb (a word the tag lexicon reads as one, or a contraction)."""
    tags = word_tags()
    if not tags:
        return True  # no tag lexicon installed: keep the clause
    for word in _WORD_RUN.findall(chunk):
        low = word.lower()
        if _CONTRACTION.search(low) or (tags.get(low) or "").startswith(_FINITE_TAGS):
            return True
    return False


_WORD = re.compile(r"[\w’'.-]+")


def name_list(phrase: str) -> bool:
    """Rule "name-list" (at8): capitalized names joined by "and" ("Germany, France and Italy"): several speakers."""
    if " and " not in phrase:
        return False
    words = phrase.replace(",", "").split()  # "The Post and Courier" is one newspaper
    return "and" in words[1:-1] and words[0] != "The" and all(w[:1].isupper() or w == "and" for w in words)


def speaker_shape(phrase: str) -> tuple[str, str]:
    """A source phrase cut to a speaker's shape, and the rule that cut it ("" when it stays whole).

    A speaker is a name, a role description or an organization, never a clause: rule "verb-cut" (at7) ends a
    phrase that opens with a capitalized name run at the lowercase finite verb after it, as in a headline read
    as a source ("Kerry draws fire for" -> "Kerry"). A run holding a pronoun or function word ("Voters I met in
    Ohio": a contact clause) and descriptions with a relative clause ("two diplomats who were in the room")
    stay whole: a coder keeps a description's clause.

    Example:
        >>> speaker_shape("Kerry draws fire for reported"), speaker_shape("Voters I met in Ohio")
        (('Kerry', 'verb-cut'), ('Voters I met in Ohio', ''))
        >>> speaker_shape("a spokesman for the campaign"), speaker_shape("his son who’s running for office")
        (('a spokesman for the campaign', ''), ('his son who’s running for office', ''))
    """
    if name_list(phrase):
        return phrase, "name-list"
    stop, tags = stopwords(), word_tags()
    words = list(_WORD.finditer(phrase))
    for i, w in enumerate(words):
        word = w.group()
        if word[:1].isupper() and word.lower() not in stop:
            continue  # still the opening name run
        if i and word.islower() and tags.get(word) in ("VBZ", "VBD"):
            return phrase[: w.start()].strip(), "verb-cut"
        break
    return phrase, ""


#: "Trump fired back on Twitter:" before a quote: a name (or he/she), its verb and up to 8 words, then the colon.
_COLON_CLAUSE = re.compile(
    r"[ \t]*(?P<name>(?:[A-Z][\w.’'-]*[ \t]+){0,3}[A-Z][\w.-]*)[ \t]+(?P<verb>[a-z]+)"
    r"(?:[ \t]+[^\s:“”\"]+){0,8}[ \t]*:\s*"
)
_BE_FORMS = frozenset(rule_words("reported_speech.BE_FORMS"))  # "Trump was asked: “…”": a question to him


def colon_clause_speaker(text: str, doc: Document, quote_open: int) -> tuple[str, int, int] | None:
    """Rule "colon-clause" (at8): the subject of a clause that ends in the colon opening the quote.

    Example:
        >>> from newslab.document import Article, parse
        >>> text = "Trump fired back on Twitter: “Ryan should spend more time on the budget.”"
        >>> colon_clause_speaker(text, parse(Article("a", "", text)), text.index("“"))
        ('Trump', 0, 5)
    """
    sent = doc.sentence_of(quote_open)
    start = doc.sentences[sent].start
    if not text[start:quote_open].strip() and sent > 0:  # the colon ended the sentence before
        start = doc.sentences[sent - 1].start
    m = _COLON_CLAUSE.fullmatch(text, start, quote_open)
    if m is None or m.group("verb") in _BE_FORMS or not (word_tags().get(m.group("verb")) or "").startswith("VB"):
        return None
    first = m.group("name").split()[0].lower()
    if (first in stopwords() and first not in ("he", "she")) or not_a_speaker(m.group("name")):
        return None  # "The message was clear:", "But Trump …": no subject of one person or group
    return m.group("name"), m.start("name"), m.end("name")
