"""Quote formats outside the "…,” X said" sentence: transcripts, reaction lists, titles, findings.

Rules of :mod:`newslab.quotes` for the layouts a careful coder reads as speech (issue 23), each
named in the quote's ``rule``:

* ``transcript``: a line opened by a speaker label in capitals ("WALLACE: …", "MS. CLINTON: …")
  is that speaker's words; "Q:" lines (the interviewer) and page labels ("UPDATE:", "WATCH:") are not.
* ``label``: a quote opened by "Name, Outlet:" at a line's start (a list of named reactions).
* ``next-sentence``: a quote no clause attributes, followed by "That was the message from X" or a
  bare "X said." in the next sentence.
* ``finding``: reported content of polls, surveys, studies and reports ("New polls show Trump
  trailing"), with the finding as the speaker.
* Titles of shows, books and films in quotation marks ("Tucker Carlson Tonight") and nicknames
  are no quotes (:func:`is_title`).
* A speaker phrase is never a function word, a verb or an adjective alone ("Asked", "the
  Democratic"): :func:`bad_speaker`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import NamedTuple

from newslab.attribution import Quote
from newslab.descriptions import word_tags
from newslab.document import Document
from newslab.lexicons import rule_words, stopwords
from newslab.names import ROLE_WORDS

# patterns the rules below use, compiled once (not looked up in re's cache at every call)
_WORD_RUN = re.compile(r"[\w’'-]+")
_POSSESSIVE_END = re.compile(r"(?:’s|'s)$")
_PHRASE_WORD = re.compile(r"[\w’'.-]+")

#: Capitalized labels that open a line but name no speaker (page furniture). Hand list for newslab.
NOT_SPEAKERS = frozenset(
    {"UPDATE", "UPDATED", "WATCH", "READ", "READ MORE", "RELATED", "PHOTO", "PHOTOS", "VIDEO", "NOTE", "EDITOR'S NOTE",
     "EDITOR’S NOTE", "CORRECTION", "CLARIFICATION", "SOURCE", "SOURCES", "CREDIT", "ADVERTISEMENT", "BREAKING",
     "EXCLUSIVE", "ANALYSIS", "OPINION", "Q", "QUESTION", "LISTEN", "MORE", "SEE ALSO", "ALSO", "TOPICS", "TAGS"}
)  # fmt: skip
_LABEL = re.compile(
    r"^[ \t]*(?P<label>(?:(?:MR|MRS|MS|DR|SEN|REP|GOV|GEN|PRES)\.?[ \t]+)?"
    r"[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,2})[ \t]*:[ \t]+(?P<content>\S[^\n]*)$",
    re.MULTILINE,
)
_NAMED_LABEL = re.compile(
    r"[ \t]*(?P<name>[A-Z][\w.'’-]+(?:[ \t]+(?:de[ \t]+|van[ \t]+)?[A-Z][\w.'’-]+){1,3})"
    r"(?:,[ \t]*[^:\n“\"]{1,80})?[ \t]*:[ \t]*"
)
#: Words before a quoted title that make it the name of a work ("appeared on “Fox News Sunday”").
TITLE_CUES = frozenset(rule_words("speech_formats.TITLE_CUES"))
# Sizes of the title rule (is_title; set by hand from news examples):
TITLE_MAX_WORDS = 8  # quoted Title Case longer than this is speech, not the title of a work
TITLE_CASE_MIN_CHARS = 4  # words this long must be capitalized in Title Case ("of", "the" may not be)
TITLE_CUE_CHARS = 30  # characters before the opening mark read for a title cue ("appeared on", "titled")
NAME_MAX_WORDS = 4  # a short quoted Title Case name inside a sentence ("the “Crooked Hillary” line")
# at6: a title after a cue or before a work apposition may hold a subtitle ("Clinton Cash: The Untold Story of How
# and Why Foreign Governments and Businesses Helped Make Bill and Hillary Rich", 17 words, attr-67 of the spent set)
TITLE_CUED_MAX_WORDS = 20
#: Small words a title leaves lowercase ("The Late Show with Seth Meyers"): the title-case headline's list (at6).
TITLE_SMALL_WORDS = frozenset(rule_words("speech_formats.HEADLINE_SMALL_WORDS"))
#: Cue words that name with the speaker's own words ("called it “Totally Unfair.”"): a stop inside the marks
#: keeps the quote speech after them (at6).
NAMING_CUES = frozenset({"called", "dubbed", "named"})
#: An outlet's possessive right before a quoted title ("told NBC’s “Meet the Press”", "CNN's"; at6).
_OUTLET_POSSESSIVE = re.compile(r"\b[A-Z]{2,6}(?:’s|'s)\s*$")


#: Nouns of an apposition after a quoted Title Case name that make it a work ("“Game of Thrones,” the HBO series").
_WORK_NOUNS = (
    r"(?:show|series|film|movie|book|memoir|novel|song|album|program|programme|podcast|documentary|play|musical|"
    r"sitcom|drama|franchise|film series|newsletter|magazine)"
)

_WORK_AFTER = re.compile(rf"[,’”\"' ]{{0,4}}(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}{_WORK_NOUNS}\b")


def _label_matches(text: str) -> list[re.Match[str]]:
    """The matches of ``_LABEL.finditer(text)``, tried only at the starts of lines that hold a colon.

    A match opens at a line's start (``^``), needs a colon and ends at that line's end, so each line holds
    at most one and lines without a colon none (most articles have few colons).
    """
    found = []
    line_start = -1
    at = text.find(":")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if start != line_start:  # the first colon of its line: try the line once
            line_start = start
            m = _LABEL.match(text, start)
            if m is not None:
                found.append(m)
        at = text.find(":", at + 1)
    return found


def transcript_quotes(text: str) -> list[Quote]:
    """Lines of a transcript: "NAME: words" with the label in capitals at a line's start.

    Example:
        >>> [(text[q.start : q.end], q.speaker) for text in ["WALLACE: Will you accept it?\\nMS. CLINTON: Yes."]
        ...  for q in transcript_quotes(text)]
        [('Will you accept it?', 'Wallace'), ('Yes.', 'Ms. Clinton')]
    """
    quotes = []
    for m in _label_matches(text):
        label = " ".join(m.group("label").split())
        if label.rstrip(".") in NOT_SPEAKERS or len(label.replace(".", "")) < 2:
            continue
        start, end = m.start("content"), m.end("content")
        while end > start and text[end - 1] in " \t":
            end -= 1
        speaker = " ".join(w.capitalize() for w in label.split())
        q = Quote(start, end, "direct", "transcript", verb=":")
        q.speaker, q.speaker_start, q.speaker_end = speaker, m.start("label"), m.end("label")
        quotes.append(q)
    return quotes


def label_speaker(text: str, quote_open: int) -> tuple[str, int, int] | None:
    """The speaker of a quote opened right after "Name, Outlet:" at a line's or sentence's start (a reaction list).

    Example:
        >>> text = "Reactions:\\nJohn Smith, Fox News: “A disaster.”"
        >>> label_speaker(text, text.index("“"))
        ('John Smith', 11, 21)
    """
    line_start = text.rfind("\n", 0, quote_open) + 1
    m = _NAMED_LABEL.fullmatch(text, line_start, quote_open)
    if m is None:  # or at a sentence's start inside the line ("… for years. Mary Trump: ‘…’")
        stop = _SENTENCE_STOP.search(text, max(line_start, quote_open - 120), quote_open)
        m = _NAMED_LABEL.fullmatch(text, stop.end(), quote_open) if stop else None
    if m is None or bad_speaker(m.group("name")):
        return None
    return m.group("name"), m.start("name"), m.end("name")


#: A role title before the name after a quote (“…,” deputy White House press secretary Sarah Sanders said).
_ROLE_GAP = re.compile(r"[ \u00a0,—–-]*(?:[\w.&’'-]+[ \u00a0]){1,6}")


def role_gap(gap: str) -> bool:
    """Whether the words between a quote and its speaker's name are a role title ending in a role word."""
    if _ROLE_GAP.fullmatch(gap) is None:
        return False
    words = gap.split()
    return bool(words) and words[0].islower() and words[-1].lower() in ROLE_WORDS


#: The end of a sentence before a label in the same line (the last one before the quote).
_SENTENCE_STOP = re.compile(r"[.!?][’”\"')]?[ \t]+(?=[A-Z][^.!?]*$)")


def is_title(text: str, start: int, end: int, open_mark: int) -> bool:
    """Whether quoted words are a title or a name, not speech ("Tucker Carlson Tonight", “Crooked Hillary”).

    Title Case words (every word of four letters or more capitalized, the small words of a title-case
    headline aside, at most eight words, no sentence punctuation), after a cue word of works ("on",
    "titled", "book", "nickname") or an outlet's possessive ("NBC’s"), or before an apposition naming a work
    ("“…,” the HBO series"); at most four such words, every one capitalized but the small ones, with no comma
    or stop inside the closing mark and no colon before the opening one ("Yates: ‘…’" opens speech). A cued or
    apposed title (rule "title", at6) may end in a stop or comma inside the marks ("told NBC’s “Meet the
    Press.”"), hold a colon before a subtitle and run to ``TITLE_CUED_MAX_WORDS`` words.

    Example:
        >>> text = "Pence appeared on “Tucker Carlson Tonight” on Monday."
        >>> is_title(text, text.index("Tucker"), text.index("”"), text.index("“"))
        True
        >>> text = "He told NBC’s “Meet the Press.”"
        >>> is_title(text, text.index("Meet"), text.index("”"), text.index("“"))
        True
    """
    content = text[start:end].strip()
    if not content[:1].isupper():
        return False  # lowercase start: speech (the common case, decided cheaply)
    work = _WORK_AFTER.match(text, end) is not None
    cue = None  # read only when needed (most quotes are decided before)
    if any(c in content for c in ".!?;:,"):
        cue = "" if work else _title_cue_before(text, open_mark)
        if not work and (not cue or cue in NAMING_CUES):
            return False  # sentence punctuation: speech ("called it “Totally Unfair.”" stays the speaker's words)
        content = content.rstrip(",.!?")  # "Meet the Press.", "Blade Runner.", "Clinton Cash: The …"
        if any(c in content for c in ".!?;,"):
            return False
    words = _WORD_RUN.findall(content)
    if not words or len(words) > TITLE_CUED_MAX_WORDS:
        return False
    long_words = [w for w in words if len(w) >= TITLE_CASE_MIN_CHARS and w.lower() not in TITLE_SMALL_WORDS]
    if not long_words or not all(w[:1].isupper() for w in long_words) or not words[0][:1].isupper():
        return False
    if cue is None:
        cue = "" if work else _title_cue_before(text, open_mark)
    framed = work or cue != ""
    if len(words) > (TITLE_CUED_MAX_WORDS if framed else TITLE_MAX_WORDS):
        return False
    if framed:
        return True  # "“Game of Thrones,” the HBO series", "appeared on “Fox News Sunday”", "her memoir, “…,”"
    if text[max(0, open_mark - 2) : open_mark].strip().endswith(":"):
        return False  # "Yates: ‘Flynn Was Compromised …’": a colon opens speech
    # a short Title Case name inside a sentence ("the “Crooked Hillary” line"), every word capitalized but the
    # small ones ("“Sure you are”" is speech), unless punctuation inside the marks makes it speech (“We Will Win,”)
    return (
        len(words) <= NAME_MAX_WORDS
        and all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
        and text[end : end + 1] not in (",", "!", "?", ".")
    )


def _title_cue_before(text: str, open_mark: int) -> str:
    """The cue word of works ("on", "titled", "nickname") or outlet's possessive ("NBC’s") before a quote, else ""."""
    before = text[max(0, open_mark - TITLE_CUE_CHARS) : open_mark]
    words = _WORD_RUN.findall(before)
    if not words:
        return ""
    if words[-1].lower() in TITLE_CUES:
        return words[-1].lower()
    return words[-1] if _OUTLET_POSSESSIVE.search(before) is not None else ""


_MESSAGE_FROM = re.compile(
    r"^(?:That|This|Those|These|Such)\s+(?:was|were|is|are|came|comes)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:message|words|warning|response|reaction|verdict|assessment|view|answer|reply|word|promise|pledge|plea)"
    r"\s+(?:from|of)\s+(?P<speaker>[^,;:\n]{2,80}?)(?=\s+(?:on|in|at|during|after|before|as|when|to)\b|[,;:]|\.$|$)"
)
#: A speaker named after the quote, in the next sentence or paragraph ("That was Representative Jerrold
#: Nadler", "The words were President Biden's", "The statement, released …, came from Liz Cheney",
#: "Those words came later in the day from Jeb Bush"). The name is a capitalized run; "of New York",
#: a comma or a possessive ends it.
_SPEECH_NOUNS = (
    r"(?:words|remarks?|comments?|statement|message|warning|response|reaction|verdict|assessment|answer|reply|"
    r"promise|pledge|plea|post|tweet|line|quote|rebuke|criticism|praise|defen[cs]e)"
)
_NAME_RUN = r"(?P<speaker>(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]*)"
_DEFERRED = (
    re.compile(rf"^(?:That|This)\s+(?:was|is)\s+{_NAME_RUN}(?=\s+of\b|\s*[,;.]|’s|'s|$)"),
    re.compile(
        rf"^(?:The|Those|These|That|This)\s+(?:\w+\s+)?{_SPEECH_NOUNS}\s+(?:was|were|are|is)\s+{_NAME_RUN}(?:’s|'s)"
    ),
    re.compile(
        rf"^(?:The|Those|These|That|This)\s+(?:\w+\s+)?{_SPEECH_NOUNS}\b[^.;:“”\"\n]{{0,90}}?\bcame\b"
        rf"[^.;:“”\"\n]{{0,40}}?\bfrom\s+{_NAME_RUN}"
    ),
)
#: Capitalized words that open no speaker's name after "That was" (days, months, the article).
_NOT_NAMES = frozenset(rule_words("speech_formats.NOT_NAMES"))
_BARE_SAID = re.compile(
    r"^(?P<speaker>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*)\s+(?:said|says|wrote|tweeted|added|told reporters)"
    r"(?:\s+(?:on|in|at)\s+[\w ]{1,30})?\.$"
)


def next_sentence_speaker(doc: Document, quote_close: int) -> tuple[str, int, int] | None:
    """The speaker named in the sentence after an unattributed quote.

    "That was the message from Sen. Elizabeth Warren on Tuesday." or a bare "Warren said." (a
    sentence that reports nothing else) names the speaker of the quote before it.

    Example:
        >>> from newslab.document import Article, parse
        >>> doc = parse(Article("a", "", "“We will not back down.”\\n\\nThat was the message from Sen. Warren."))
        >>> next_sentence_speaker(doc, 24)
        ('Sen. Warren', 52, 63)
    """
    sent = doc.sentence_of(max(0, quote_close - 1))
    if sent + 1 >= len(doc.sentences):
        return None
    nxt = doc.sentences[sent + 1]
    for rx in (_MESSAGE_FROM, _BARE_SAID, *_DEFERRED):
        m = rx.match(nxt.text)
        if m is not None:
            speaker = _POSSESSIVE_END.sub("", m.group("speaker").strip())
            if bad_speaker(speaker) or speaker.split()[0].lower() in _NOT_NAMES:
                return None  # "That was Monday."
            start = nxt.start + m.start("speaker")
            return speaker, start, start + len(speaker)
    return None


_FINDING = re.compile(  # at10: "polls there", "A poll by X[, an anti-tax group …,] shows", "Mr." in the content
    r"(?P<speaker>\b(?:(?:[Nn]ew|[Rr]ecent|[Ll]atest|[Tt]he|[Aa]n?|[Ss]everal|[Ii]nternal|[Nn]ational|[Ss]tate|"
    r"[A-Z][\w&.'’/-]*)\s+){0,4}(?:polls?|surveys?|stud(?:y|ies)|data|figures|reports?|analys[ie]s|research|records|"
    r"documents|estimates|statistics)(?:\s+there|\s+by\s+(?:the\s+)?(?:(?:[A-Z][\w&.’'/-]*|for|of)\s+){0,3}[A-Z][\w&’'/-]*)?)"
    r"(?:\s+|(?=,))(?P<modifier>(?:released|taken|conducted|published|issued)\s+(?:[\w’'-]+\s+){1,4}?|,\s+(?:an?|the)\s+"
    r"(?:[^,;.]|(?<=\bM[rs])\.){3,120},\s+)?(?P<verb>show|shows|showed|shown|found|find|finds|suggest|suggests|suggested|indicate|indicates|"
    r"indicated)\s+(?:that\s+)?(?P<content>(?:[^.;!?\n]|(?<=\bM[rs])\.|(?<=\bMrs)\.|(?<=\bDr)\.|(?<=\b[A-Z])\.(?=\s*[A-Za-z])){8,})"
)


#: The verbs of :data:`_FINDING` as whole words. Grouped by first letter, each letter first and then a lookbehind
#: that holds it: the matches of ``\b(?:show|shows|…|indicated)\b`` (a word letter opens each, so ``\b`` there is
#: "no word character before"), but sre jumps from s/f/i to s/f/i instead of trying every offset (2.4x faster).
_FINDING_VERB = re.compile(
    r"(?:s(?<!\ws)(?:how|hows|howed|hown|uggest|uggests|uggested)|f(?<!\wf)(?:ound|ind|inds)|i(?<!\wi)(?:ndicate|ndicates|ndicated))\b"
)


def finding_quotes(doc: Document, taken: Sequence[tuple[int, int]]) -> list[Quote]:
    """Reported findings: "New polls show Trump trailing in Michigan" (speaker "New polls").

    Example:
        >>> from newslab.document import Article, parse
        >>> doc = parse(Article("a", "", "New polls show Trump trailing in Michigan."))
        >>> [(doc.text[q.start : q.end], q.speaker) for q in finding_quotes(doc, [])]
        [('Trump trailing in Michigan', 'New polls')]
    """
    found = []
    text = doc.text
    sentences = {doc.sentence_of(v.start()) for v in _FINDING_VERB.finditer(text)}  # the rare sentences with a verb
    for sent in (doc.sentences[i] for i in sorted(sentences)):
        for m in _FINDING.finditer(text, sent.start, sent.end):
            start, end = m.start("content"), m.end("content")
            if any(s <= start < e or (start <= s < end and e > end) for s, e in taken):
                continue  # the same words are already reported; one inside the finding is nested in it (at9)
            rule = "finding; finding-modifier" if m.group("modifier") else "finding"  # "A poll taken on Tuesday found"
            rule += "; nested-inside" * any(start < s and e <= end for s, e in taken)  # "…, while most Democrats said"
            seps = list(_AND_THAT.finditer(text, start, end))  # "shows that A, and that B": two findings (at9)
            pieces = zip([start] + [x.end() for x in seps], [x.start() for x in seps] + [end], strict=True)
            for a, b in pieces:
                q = Quote(a, b, "indirect", rule + "; and-that" * bool(seps), m.group("verb"))
                q.speaker, q.speaker_start, q.speaker_end = m.group("speaker"), m.start("speaker"), m.end("speaker")
                agent = _FINDING_AGENT.fullmatch(m.group("modifier") or "")
                if agent:  # rule "finding-agent" (at12): "Entrance polls conducted by Edison Research show"
                    q.speaker_end = m.start("modifier") + agent.end("agent")
                    q.speaker = text[q.speaker_start : q.speaker_end]
                    q.rule += "; finding-agent"
                found.append(q)
    return found


#: A finding's modifier that names who made it ("conducted by Edison Research", "taken by the Braun campaign"):
#: the speaker runs through the agent, a capitalized name after "by" (and "the"), with at most one lowercase word
#: after it ("campaign").
_FINDING_AGENT = re.compile(
    r"(?:released|taken|conducted|published|issued)\s+(?P<agent>by\s+(?:the\s+)?[A-Z][\w&.’'/-]*"
    r"(?:\s+[A-Z][\w&.’'/-]*){0,3}(?:\s+[a-z]+)?)\s*"
)
_AND_THAT = re.compile(r",?\s+and\s+that\s+")  # a second complement of the verb: "shows that A, and that B" (at9)


#: Speech verbs of a title-case headline, and the small words such a headline leaves lowercase.
HEADLINE_VERBS = tuple(rule_words("speech_formats.HEADLINE_VERBS"))
_SMALL = "|".join(re.escape(w) for w in rule_words("speech_formats.HEADLINE_SMALL_WORDS"))
_TITLE_WORD = rf"(?:[A-Z0-9‘'][\w’'.,‘-]*|(?:{_SMALL})(?=\s))"
_NAME_WORD = r"[A-Z][\w’'.-]*"
_HEADLINE_VERB = "|".join(HEADLINE_VERBS)
#: "Speaker Says Content" at a line's or sentence's start, and "Content, Says Speaker" ending its line.
_HEADLINE = re.compile(
    rf"(?P<speaker>{_NAME_WORD}(?: (?:of |for )?{_NAME_WORD}){{0,4}}) (?P<verb>{_HEADLINE_VERB}) "
    rf"(?P<content>[A-Z‘']\S*(?: {_TITLE_WORD}){{2,}})"
)
_HEADLINE_INVERTED = re.compile(
    rf"(?P<content>[A-Z‘']\S*(?: {_TITLE_WORD}){{2,}}), (?P<verb>{_HEADLINE_VERB}) "
    rf"(?P<speaker>{_NAME_WORD}(?: {_NAME_WORD}){{0,4}})[ \t]*(?=\n|$)"
)


def headline_quotes(doc: Document, taken: Sequence[tuple[int, int]]) -> list[Quote]:
    """Rule "headline-say": a title-case headline's attribution ("Kayla Mueller's Parents Say They Have Been …").

    Only at a sentence's start, with a capitalized speech verb (in running text "Says" is lowercase) and at
    least three title-case words of content; the content ends where the title case does (a headline joined
    to the next sentence: "… Of Her Death \\"We are so proud …\\"").

    Example:
        >>> from newslab.document import Article, parse
        >>> doc = parse(Article("a", "", "Johnson 'Will Not Be Bullied' By Brussels, Says Minister\\n\\nIt went on."))
        >>> [(doc.text[q.start : q.end], q.speaker, q.rule) for q in headline_quotes(doc, [])]
        [("Johnson 'Will Not Be Bullied' By Brussels", 'Minister', 'headline-say')]
    """
    found = []
    text = doc.text
    for sent in doc.sentences:
        for pattern in (_HEADLINE, _HEADLINE_INVERTED):
            m = pattern.match(text, sent.start, sent.end)
            if m is None:
                continue
            start, end = m.start("content"), m.end("content")
            while end > start and text[end - 1] in ",.;:":
                end -= 1
            if any(s < end and start < e for s, e in taken) or bad_speaker(m.group("speaker")):
                continue
            q = Quote(start, end, "indirect", "headline-say", verb=m.group("verb"))
            q.speaker, q.speaker_start, q.speaker_end = m.group("speaker"), m.start("speaker"), m.end("speaker")
            found.append(q)
            break
    return found


#: "Yates: 'Flynn Was Compromised …'": a name, a colon and straight single marks at a line's or sentence's start.
_HEADLINE_LABEL = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?] ))(?P<speaker>[A-Z][\w’.-]+(?: [A-Z][\w’.-]+){0,2}):[ \t]+'"
    r"(?P<content>[A-Z][^'\n]{2,150}?)'(?=[ \t\n]|$)"
)


_LABEL_MARK = re.compile(r":[ \t]+'")


def headline_label_quotes(text: str, taken: Sequence[tuple[int, int]]) -> list[Quote]:
    """Rule "headline-label" (at6): "Yates: 'Flynn Was Compromised With Respect to the Russians'" is Yates's quote.

    Headlines quote in straight single marks after the speaker's name and a colon; the single marks are read
    only there (elsewhere a straight ' is mostly an apostrophe).

    Example:
        >>> text = "Yates: 'Flynn Was Compromised With Respect to the Russians' WASHINGTON – Sally Yates spoke."
        >>> [(text[q.start : q.end], q.speaker) for q in headline_label_quotes(text, [])]
        [('Flynn Was Compromised With Respect to the Russians', 'Yates')]
    """
    if _LABEL_MARK.search(text) is None:
        return []  # every match holds a colon, blanks and a straight single mark: most articles hold none
    found = []
    for m in _HEADLINE_LABEL.finditer(text):
        start, end = m.start("content"), m.end("content")
        speaker = m.group("speaker")
        if any(s < end and start < e for s, e in taken) or bad_speaker(speaker) or speaker.upper() in NOT_SPEAKERS:
            continue
        q = Quote(start, end, "direct", "headline-label", verb=":")
        q.speaker, q.speaker_start, q.speaker_end = speaker, m.start("speaker"), m.end("speaker")
        found.append(q)
    return found


#: Pronouns a speaker phrase may be (the resolver turns them into names).
_PRONOUNS = frozenset(rule_words("speech_formats._PRONOUNS"))


def bad_speaker(phrase: str, *, surnames: Collection[str] = ()) -> bool:
    """Whether a speaker phrase is no speaker: a function word, verb or adjective alone ("Asked", "the Democratic").

    ``surnames``: the last words of the article's full names; a lone capitalized word among them is a name
    even where the lexicon knows it as a verb (rule "surname-of-named", at7: "Rove said" after "Karl Rove").

    Example:
        >>> [bad_speaker(p) for p in ["Asked", "the Democratic", "Mr. Stone", "a court filing", "police", "he"]]
        [True, True, False, False, False, False]
        >>> [bad_speaker(p) for p in ["denounced Mr. Trump’s anti-press", "elected officials", "retired judges"]]
        [True, False, False]
        >>> [bad_speaker(p) for p in ["in Danville", "out of the anti-tax", "the former senator", "for Obama", "by"]]
        [True, True, False, True, True]
        >>> bad_speaker("Rove"), bad_speaker("Rove", surnames={"Rove"})
        (True, False)
    """
    words = [w for w in _PHRASE_WORD.findall(phrase) if w.lower() not in ("the", "a", "an")]
    if not words:
        return True
    tags = word_tags()
    if len(words) > 1:  # a phrase that opens with a lowercase verb is a clause cut wrong ("denounced Mr. Trump’s …")
        # rule "speaker-head" (attrib4): nor one that opens with a lowercase preposition ("in Danville", "out of
        # the anti-tax"): a speaker opens with a name, a determiner or a noun
        if not words[0][:1].isupper() and (tags.get(words[0].lower()) or "") in ("VBD", "VBZ", "IN"):
            return True
        # rule "adjective-head" (at6): nor a possessive and a lowercase adjective, its noun cut off ("Black’s
        # controversial" of "Black’s controversial tweets are …"; "The attorney general" stays)
        last, before = words[-1], words[-2]
        return last.islower() and tags.get(last) == "JJ" and _POSSESSIVE_END.search(before) is not None
    word = words[0]
    low = word.lower()
    if low in _PRONOUNS or word in surnames:
        return False
    if not word[:1].isupper():
        return low in stopwords() or not (tags.get(low) or "NN").startswith("NN")
    tag = tags.get(word) or tags.get(low) or "NNP"
    # a capitalized word the lexicon knows only as an adjective, verb, adverb or function word is no
    # name ("Asked", "Democratic"); modals stay names ("May", "Will": surnames of speakers)
    return not tag.startswith(("NN", "MD"))


class QuoteSpan(NamedTuple):
    """A direct quote: opening mark, content start, content end, end of the closing mark (:mod:`newslab.quotes`)."""

    open: int
    start: int
    end: int
    close: int
    unclosed: bool = False  # rule "unclosed-mark": no mark closes it; it runs to its sentence's end


def headline_speaker(quotes: list[Quote], headlines: list[Quote]) -> None:
    """Rule "headline-speaker" (at6): the first quote after a headline's "X Say(s) …", unattributed, is X's.

    "Kayla Mueller's Parents Say They Have Been Notified Of Her Death “We are so proud …”": the body opens
    with the words the headline reports. A quote with a speaker between them ends the rule.
    """
    for h in headlines:
        for q in quotes:
            if q.start < h.end or q is h or q.kind != "direct":
                continue
            if q.rule.startswith("unattributed"):
                q.rule = "headline-speaker" + q.rule.removeprefix("unattributed")
                q.verb, q.speaker, q.speaker_start, q.speaker_end = h.verb, h.speaker, h.speaker_start, h.speaker_end
            break
