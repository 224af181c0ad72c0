"""Voices: who is quoted, directly or in reported speech, and with which words.

:func:`find_quotes` finds

* **direct quotes** in curly (“…”) or straight ("…") quotation marks, with the attribution after
  the quote (“…,” NATO notes), before it (Rutte said: “…”), or between the two halves of a split
  quote (“…,” he declared at the beginning of this month, “…”: both halves get the speaker);
* **indirect speech**: "X said (that) …", "X claimed that … and demanded that …",
  "X told reporters that …", "according to X, …".

The speaker is resolved to a full name where the text allows: a surname or role phrase to the
longest name in the article that ends with it ("spokesperson Farah Dakhlallah", "Rutte" -> "Mark
Rutte"), a description of a target to the target ("the tycoon" -> "Trump"), and a pronoun to
(1) the speaker of a quote in the two sentences before, if the gender fits (spokeswoman -> "she"),
(2) the target :func:`newslab.find_mentions` resolved it to, or (3) the first person named in the
nearest sentence before that names one (its subject). ``speaker_rule`` says which step fired.

Reporting verbs come from the packaged cue table ``stance_cues.tsv`` (rows with ``speech=yes``).

Example:
    >>> import newslab as nl
    >>> text = "Mark Rutte arrived. “We are strong,” he said. Trump said that NATO was obsolete."
    >>> df = nl.find_quotes(nl.Article("a", "", text))
    >>> df[["speaker", "speaker_resolved", "verb", "quote", "kind"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['he', 'Mark Rutte', 'said', 'We are strong', 'direct'],
     ['Trump', 'Trump', 'said', 'NATO was obsolete', 'indirect']]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import logging
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from newslab.corpus import Article, Corpus, article_cache, progress_bar
from newslab.errors import LexiconError
from newslab.lexicons import load_table, stopwords
from newslab.targets import Target, _sentence_of, article_mentions, as_articles, as_targets

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

QUOTE_COLUMNS = [
    "article_id",
    "sentence_id",
    "speaker",
    "speaker_resolved",
    "verb",
    "quote",
    "kind",
    "start",
    "end",
    "rule",
    "speaker_rule",
    "speaker_start",
    "speaker_end",
]

#: Lowercase role words that may precede a speaker's name ("NATO spokeswoman Farah Dakhlallah").
ROLE_WORDS = frozenset(
    [
        "spokesperson",
        "spokeswoman",
        "spokesman",
        "secretary",
        "general",
        "minister",
        "president",
        "president-elect",
        "chancellor",
        "adviser",
        "advisor",
        "official",
        "officials",
        "diplomat",
        "diplomats",
        "ambassador",
        "leader",
        "head",
        "chief",
        "director",
        "analyst",
        "expert",
        "experts",
        "commander",
        "senator",
        "congressman",
        "congresswoman",
        "prime",
        "foreign",
        "defence",
        "defense",
        "deputy",
        "former",
        "national",
        "security",
        "designated",
    ]
)
#: Gender of roles and titles, used only to check a she/he speaker against an earlier speaker.
FEMALE_ROLES = frozenset({"spokeswoman", "congresswoman", "chairwoman", "ms", "mrs", "ms.", "mrs.", "madam"})
MALE_ROLES = frozenset({"spokesman", "congressman", "chairman", "mr", "mr.", "sir"})
#: Adverbs allowed between speaker and reporting verb ("she only added", "he repeatedly complained").
ADVERBS = "also|only|then|repeatedly|once|later|previously|even|again|has|had|have|at times|recently|reportedly"
#: Verbs that take an object before "that" ("told reporters that"); up to this many words between.
OBJECT_VERBS = frozenset({"tell", "told", "assure", "warn", "remind", "inform", "accuse", "thank"})
OBJECT_WORDS = 6
#: How many sentences back a quote's speaker stays the default referent of he/she (set by hand).
SPEAKER_MEMORY = 2

_NAME = r"[A-Z][\w.’'-]{0,40}"  # bounded: a run like "A.B.C…" is not rescanned from each capital
_OPEN, _CLOSE = "“", "”"


@dataclasses.dataclass(frozen=True)
class Cue:
    """One stance cue or reporting verb from ``stance_cues.tsv``."""

    cue: str
    polarity: float
    kind: str
    speech: bool
    source: str
    note: str


def _inflect(cue: str, kind: str) -> set[str]:
    """Surface forms of a cue: verbs and phrases inflect their first word, nouns take a plural."""
    first, _, rest = cue.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {cue}
    if kind in ("verb", "phrase") and first.isalpha() and not first.endswith("ing"):
        stem = first[:-1] if first.endswith("e") and not first.endswith("ee") else first
        past = first + "d" if first.endswith("e") else (first[:-1] + "ied" if first.endswith("y") else first + "ed")
        third = first + "es" if first.endswith(("s", "sh", "ch", "x")) else first + "s"
        forms |= {w + tail for w in (third, past, stem + "ing")}
    if kind in ("noun", "quality"):
        forms.add(cue + "es" if cue.endswith(("s", "sh", "ch", "x")) else cue + "s")
    return forms


@functools.cache
def load_cues(name: str = "stance_cues") -> tuple[Cue, ...]:
    """The packaged cue table (stance cues and reporting verbs).

    Args:
        name: Packaged TSV without ``.tsv``.

    Raises:
        LexiconError: If a row lacks a field or its polarity is not a number in [-1, 1].

    Example:
        >>> next(c for c in load_cues() if c.cue == "critical of").polarity
        -1.0
    """
    cues = []
    for row in load_table(name):
        try:
            polarity = float(row["polarity"])
            cue = Cue(row["cue"].strip().lower(), polarity, row["kind"], row["speech"] == "yes", row["source"],
                      row.get("note") or "")  # fmt: skip
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise LexiconError(f"{name}.tsv: bad row {row!r} (need cue, polarity, kind, speech, source)") from err
        if not -1.0 <= polarity <= 1.0:
            raise LexiconError(f"{name}.tsv: polarity of {cue.cue!r} is {polarity}, not in [-1, 1]")
        cues.append(cue)
    return tuple(cues)


def cue_forms(cues: Iterable[Cue]) -> dict[str, Cue]:
    """Map every surface form (lowercase) to its cue; the first row wins for shared forms.

    Example:
        >>> cue_forms(load_cues())["threatened"].cue
        'threaten'
    """
    forms: dict[str, Cue] = {}
    for cue in cues:
        for form in sorted(_inflect(cue.cue, cue.kind)):
            forms.setdefault(form, cue)
    return forms


@functools.cache
def _speech_verbs(name: str = "stance_cues") -> tuple[dict[str, str], re.Pattern[str]]:
    forms = {f: c.cue for f, c in cue_forms(c for c in load_cues(name) if c.speech and c.kind == "verb").items()}
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return forms, re.compile(rf"(?:{alternatives})")


def _speaker_re() -> str:
    role = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
    word = rf"(?:{_NAME}|(?:{role}))"
    det = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)"
    return rf"(?:{word}\s+){{0,4}}{_NAME}|[Hh]e|[Ss]he|[Tt]hey|{det}\s+[\w-]+(?:\s+[\w-]+){{0,2}}"


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    _, verbs = _speech_verbs()
    speaker = _speaker_re()
    adv = rf"(?:(?:{ADVERBS})\s+){{0,2}}"
    return {
        "after": re.compile(rf"^[\s,]*(?P<speaker>{speaker})\s+{adv}(?P<verb>{verbs.pattern})\b"),
        "after-inverted": re.compile(rf"^[\s,]*(?P<verb>{verbs.pattern})\s+(?P<speaker>{speaker})\b"),
        "before": re.compile(rf"(?P<speaker>{speaker})\s+{adv}(?P<verb>{verbs.pattern})\b[^“”\"]{{0,80}}?[:,]\s*$"),
        # a short quoted term right after the verb and its object: called NATO “obsolete”
        "inline": re.compile(rf"(?P<speaker>{speaker}),?\s+{adv}(?P<verb>{verbs.pattern})\b(?:\s+[\w’'-]+){{0,3}}\s*$"),
        "indirect": re.compile(
            rf"(?<![\w’'])(?P<speaker>{speaker})"
            # an apposition or relative clause between speaker and verb: "Rutte, the secretary general, said",
            # "The president-elect, who takes office in January, has said"; a bare comma only after a comma
            rf"(?:,\s+(?:who|which|the|a|an)\s[^,;]{{1,80}},|(?P<comma>,))?"
            rf"\s+{adv}(?P<verb>{verbs.pattern})\b"
            rf"(?P<object>(?:\s+(?!that\b)[\w’'.-]+){{1,{OBJECT_WORDS}}}?(?=\s+that\b))?"
            r"\s+(?P<that>that\s+)?(?P<content>[^.;]*)"
        ),
        "according": re.compile(r"\b[Aa]ccording to (?P<speaker>[^,.;]+)"),
    }


@dataclasses.dataclass
class _Quote:
    start: int
    end: int
    kind: str
    rule: str
    verb: str = ""
    speaker: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    resolved: str = ""
    speaker_rule: str = ""


def _direct_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(open mark, content start, content end, close mark end) for each quote, curly or straight."""
    spans = []
    for m in re.finditer(r"“([^“”\n]+)”|\"([^\"\n]+)\"", text):
        cs, ce = m.start() + 1, m.end() - 1
        while ce > cs and text[ce - 1] in ", ":
            ce -= 1
        spans.append((m.start(), cs, ce, m.end()))
    return spans


@functools.lru_cache(maxsize=256)
def _registry(article: Article) -> tuple[str, ...]:
    """Multi-word capitalized names in the article, leading role/title words removed (cached per article)."""
    names = set()
    runs: list[list[str]] = []
    previous = None
    for tok in article.tokens:
        capitalized = tok.text[:1].isupper() and tok.text.lower() not in stopwords()
        adjacent = (
            previous is not None and previous.sentence == tok.sentence and article.text[previous.end : tok.start] == " "
        )
        if capitalized and adjacent and runs and runs[-1]:
            runs[-1].append(tok.text)
        elif capitalized:
            runs.append([tok.text])
        else:
            runs.append([])
        previous = tok
    for run in runs:
        words = [w for w in run if w.lower() not in ROLE_WORDS]
        if len(words) >= 2:
            names.add(" ".join(words[-2:]))
    return tuple(sorted(names))


#: Reporting verbs whose "about ..." complement is reported speech ("complained about low spending").
TOPIC_VERBS = frozenset({"complain", "warn", "argue", "write", "declare", "claim"})
#: Words that can open a reported clause without "that" ("Trump said he ...").
CLAUSE_OPENERS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "there",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
    ]
)


def _clause_start(content: str) -> bool:
    first = content.split()[0]
    return first.lower() in CLAUSE_OPENERS or (first[:1].isupper() and first.lower() not in stopwords())


def _gender(phrase: str) -> str:
    words = {w.lower() for w in phrase.split()}
    if words & FEMALE_ROLES or words & {"she", "her"}:
        return "f"
    if words & MALE_ROLES or words & {"he", "him", "his"}:
        return "m"
    return ""


class _Resolver:
    """Resolves speaker phrases of one article to names."""

    def __init__(self, article: Article, targets: tuple[Target, ...]) -> None:
        self.article = article
        self.names = _registry(article)
        self.mentions = article_mentions(article, targets)
        self.targets = targets
        self.history: list[tuple[int, str, str]] = []  # (sentence, resolved name, gender)
        self.genders: dict[str, str] = {}

    def sentence_of(self, offset: int) -> int:
        return _sentence_of(self.article, offset)

    def name(self, phrase: str) -> str:
        words = [re.sub(r"[’']s$", "", w) for w in phrase.split()]
        while words and (words[0].lower() in ROLE_WORDS or words[0].lower() == "the"):
            words = words[1:]
        caps = [w for w in words if w[:1].isupper()]
        # drop an organization modifier before a role: "NATO spokeswoman Farah" keeps "Farah ..."
        roles = [i for i, w in enumerate(words) if w.lower() in ROLE_WORDS]
        if roles:
            caps = [w for w in words[roles[-1] + 1 :] if w[:1].isupper()]
        if not caps:
            return ""
        last = caps[-1]
        longer = [n for n in self._names_by_last.get(last, ()) if len(n.split()) >= len(caps)]
        return max(longer, key=len) if longer and len(caps) == 1 else " ".join(caps)

    @functools.cached_property
    def _pronoun_at(self) -> dict[int, Any]:
        """The first pronoun mention starting at each offset."""
        found: dict[int, Any] = {}
        for m in self.mentions:
            if m.kind == "pronoun":
                found.setdefault(m.start, m)
        return found

    @functools.cached_property
    def _descriptions(self) -> tuple[list[Any], list[int], list[int]]:
        """Description mentions in text order, their starts, and the furthest end up to each."""
        descriptions = sorted((m for m in self.mentions if m.kind == "description"), key=lambda m: m.start)
        reach = list(itertools.accumulate((m.end for m in descriptions), max))
        return descriptions, [m.start for m in descriptions], reach

    def _description_overlapping(self, start: int, end: int) -> Any:
        """The first description (in text order) overlapping ``[start, end)``, by bisect; ``None`` if none."""
        descriptions, starts, reach = self._descriptions
        first = bisect.bisect_right(reach, start)  # the first one whose end passes ``start``
        return descriptions[first] if first < bisect.bisect_left(starts, end) else None

    @functools.cached_property
    def _names_by_last(self) -> dict[str, list[str]]:
        """The article's names by their last word (in registry order): a lookup, not a scan per phrase."""
        index: dict[str, list[str]] = {}
        for n in self.names:
            index.setdefault(n.split()[-1], []).append(n)
        return index

    def resolve(self, phrase: str, start: int, end: int) -> tuple[str, str]:
        sent = self.sentence_of(start)
        low = phrase.lower()
        if low in ("he", "she", "they"):
            gender = {"he": "m", "she": "f"}.get(low, "")
            subject, subject_sent = self.previous_subject(sent, start, gender)
            for s, name, g in reversed(self.history):
                if sent - s > SPEAKER_MEMORY:
                    break  # history is in text order: all earlier speakers are further back
                if (not g or not gender or g == gender) and s >= subject_sent:
                    return name, "pronoun:recent-speaker"
            pronoun = self._pronoun_at.get(start)
            if pronoun is not None:
                return self.target_name(pronoun.target), "pronoun:target"
            if subject:
                return subject, "pronoun:previous-subject"
            return "", "unresolved"
        description = self._description_overlapping(start, end)
        if description is not None:
            return self.target_name(description.target), "description:target"
        name = self.name(phrase)
        if name:
            return name, "name"
        if low.split()[0] not in ("he", "she", "they", "it", "we", "i", "you"):
            return phrase.strip(), "as written"  # a group or source without a name: "diplomats"
        return "", "unresolved"

    def target_name(self, target: Target) -> str:
        for alias in sorted(target.aliases, key=len, reverse=True):
            if alias in self.article.text and " " in alias:
                return alias
        return target.name

    def previous_subject(self, sent: int, start: int, gender: str) -> tuple[str, int]:
        """The first person named in the nearest sentence before ``start`` that names one, and its sentence."""
        art = self.article
        for index in range(sent, max(-1, sent - 4), -1):
            s = art.sentences[index]
            chunk = art.text[s.start : min(s.end, start)] if index == sent else s.text
            chunk = re.sub(r"“[^”]*”?", lambda m: " " * len(m.group()), chunk)
            for m in re.finditer(rf"{_NAME}(?:\s+{_NAME})*", chunk):
                first = m.group().split()[0]
                if m.start() == 0 and first.lower() in stopwords() | {"in", "addition", "however"}:
                    continue
                before = chunk[: m.start()].split()
                if (before and before[-1].lower() == "the") or m.group().isupper():
                    continue
                name = self.name(m.group())
                if not name or (gender and self.genders.get(name, gender) != gender):
                    continue
                if any(t.name == name or name in t.aliases for t in self.targets if t.kind != "person"):
                    continue
                lone = len(name.split()) == 1 and not any(n.endswith(" " + name) for n in self.names)
                if lone and not any(name in t.aliases for t in self.targets):
                    continue  # a lone capitalized word that never appears as a full name: a place?
                return next((n for n in self.names if n.endswith(" " + name)), name), index
        return "", -1

    def remember(self, sent: int, name: str, phrase: str) -> None:
        if name:
            gender = _gender(phrase) or self.genders.get(name, "")
            if gender:
                self.genders[name] = gender
            self.history.append((sent, name, gender))


def article_quotes(article: Article, targets: tuple[Target, ...]) -> list[_Quote]:
    """Direct and indirect quotes of one article, in text order (see :func:`find_quotes`).

    Computed once per article and targets (see :func:`newslab.corpus.article_cache`).
    """
    return article_cache(article, ("quotes", tuple(targets)), lambda: _article_quotes(article, tuple(targets)))


def _article_quotes(article: Article, targets: tuple[Target, ...]) -> list[_Quote]:
    text = article.text
    pats = _patterns()
    verbs, _ = _speech_verbs()
    resolver = _Resolver(article, targets)
    direct = _direct_spans(text)
    self_polarity = {c.cue: c.polarity for c in load_cues()}
    quotes: list[_Quote] = []
    for i, (open_, cs, ce, close) in enumerate(direct):
        nxt_open = direct[i + 1][0] if i + 1 < len(direct) else len(text)
        para_end = text.find("\n", close)
        after = text[close : min(nxt_open, para_end if para_end >= 0 else len(text), close + 160)]
        prev_close = direct[i - 1][3] if i > 0 else -1
        sent_start = article.sentences[resolver.sentence_of(open_)].start
        lo = max(prev_close, sent_start, text.rfind("\n", 0, open_) + 1)
        before = text[lo:open_]
        q = _Quote(cs, ce, "direct", "")
        for rule, rx, region, base in (
            ("after-quote", pats["after"], after, close),
            ("after-quote", pats["after-inverted"], after, close),
            ("split" if prev_close >= lo and prev_close >= 0 else "before-quote", pats["before"], before, lo),
            ("before-quote", pats["inline"], before, lo),
        ):
            m = rx.search(region)
            if m:
                q.rule, q.verb, q.speaker = rule, m.group("verb"), m.group("speaker")
                q.speaker_start, q.speaker_end = base + m.start("speaker"), base + m.end("speaker")
                break
        if not q.rule:
            q.rule = "unattributed"
        quotes.append(q)
    with_quote = {resolver.sentence_of(d[0]) for d in direct} | {resolver.sentence_of(d[3] - 1) for d in direct}
    for sent in article.sentences:
        chunk = sent.text
        if sent.index in with_quote:
            continue  # attribution of a direct quote, not indirect speech
        for m in pats["indirect"].finditer(chunk):
            if m.group("comma") and not chunk[: m.start("speaker")].rstrip().endswith(","):
                continue  # "in January, has said": a bare comma only closes an apposition (", Viktor Orban, said")
            verb = m.group("verb")
            obj = (m.group("object") or "").strip()
            if obj and (verbs.get(verb.lower()) not in OBJECT_VERBS or not m.group("that")):
                continue
            split_at = r",?\s+and\s+(?:(?:at times|then|also|even)\s+)*(?=\w+ed\s+that\b)"
            content = re.split(split_at, m.group("content"))[0]
            topic = content.startswith("about ") and verbs.get(verb.lower()) in TOPIC_VERBS
            attitude = self_polarity.get(verbs.get(verb.lower(), ""), 0.0) != 0.0
            if not m.group("that") and attitude and not topic:
                continue  # attitude verbs take objects ("criticized the West"); only with "that" they report
            if not content.strip() or (not m.group("that") and not _clause_start(content) and not topic):
                continue  # "complained about ...", "the states currently achieve": no reported clause
            cstart = sent.start + m.start("content")
            rule = "reported-topic" if topic else "reported-speech"
            q = _Quote(cstart, cstart + len(content.rstrip()), "indirect", rule, verb, m.group("speaker"))
            q.speaker_start, q.speaker_end = sent.start + m.start("speaker"), sent.start + m.end("speaker")
            quotes.append(q)
            coordinated = re.finditer(
                r"\band\s+(?:(?:at times|then|also|even)\s+)*(?P<verb>\w+ed)\s+that\s+(?P<content>[^.;]*)",
                m.group("content"),
            )
            for c in coordinated:
                if c.group("verb").lower() in verbs:
                    cs = cstart + c.start("content")
                    quotes.append(_Quote(cs, cs + len(c.group("content").rstrip()), "indirect", "coordinated",
                                         c.group("verb"), q.speaker, q.speaker_start, q.speaker_end))  # fmt: skip
        for m in pats["according"].finditer(chunk):
            rest = chunk[m.end() :].lstrip(", ")
            content = rest if rest and m.start() < len(chunk) / 2 else chunk[: m.start()].rstrip(", ")
            if not content:
                continue
            cs = sent.start + chunk.index(content)
            speaker = re.sub(r"^(?:information|reports?|sources?)\s+from\s+", "", m.group("speaker"))
            q = _Quote(cs, cs + len(content.rstrip(".")), "indirect", "according-to", "according to", speaker)
            q.speaker_start = sent.start + m.end("speaker") - len(speaker)
            q.speaker_end = sent.start + m.end("speaker")
            quotes.append(q)
    quotes.sort(key=lambda q: q.start)
    for q in quotes:
        trimmed = re.sub(r"(?:\s+(?:in|at|from|of|on|for|with|to))+$", "", q.speaker)  # "a diplomat in (Berlin)"
        if trimmed != q.speaker:
            q.speaker, q.speaker_end = trimmed, q.speaker_start + len(trimmed)
        if q.speaker:
            q.resolved, q.speaker_rule = resolver.resolve(q.speaker, q.speaker_start, q.speaker_end)
            resolver.remember(resolver.sentence_of(q.start), q.resolved, q.speaker)
    return quotes


def find_quotes(
    corpus: Corpus | Article | Iterable[Article] | str,
    *,
    targets: Target | Iterable[Target] | None = None,
    kinds: Iterable[str] = ("direct", "indirect"),
    progress: bool | None = None,
) -> pd.DataFrame:
    """Find direct quotes and indirect reported speech, with speaker, verb and span.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        targets: Targets whose descriptions and pronouns help resolve speakers
            (default ``(TRUMP, NATO)``).
        kinds: Which kinds to return ("direct", "indirect").
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns article_id, sentence_id, speaker (as written), speaker_resolved
        (a name, or "" when the text does not tell), verb, quote (the quoted or reported words),
        kind ("direct"/"indirect"), start, end (offsets of the quote in ``article.text``), rule
        (after-quote, before-quote, split, unattributed, reported-speech, reported-topic,
        coordinated, according-to), speaker_rule (how the speaker was resolved), speaker_start, speaker_end.

    Example:
        >>> import newslab as nl
        >>> df = find_quotes(nl.load_seed_corpus(), kinds=["direct"])
        >>> df.groupby("article_id", sort=False)["speaker_resolved"].apply(list).to_dict()
        {'es-daily': ['Farah Dakhlallah', 'NATO', 'Mark Rutte', 'Mark Rutte'],
         'de-dpa': ['Farah Dakhlallah', 'Mark Rutte']}
    """
    import pandas as pd

    from newslab.errors import ParameterError

    kinds = tuple(kinds)
    if not kinds or set(kinds) - {"direct", "indirect"}:
        raise ParameterError(f"kinds={list(kinds)!r}; valid: ['direct', 'indirect']")
    chosen = as_targets(targets)
    rows = []
    for art in progress_bar(as_articles(corpus), progress, "quotes"):
        for q in article_quotes(art, chosen):
            if q.kind not in kinds:
                continue
            sid = _sentence_of(art, q.start)
            rows.append(
                (art.id, sid, q.speaker, q.resolved, q.verb, art.text[q.start : q.end], q.kind, q.start, q.end,
                 q.rule, q.speaker_rule, q.speaker_start, q.speaker_end)
            )  # fmt: skip
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def speaker_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who gets quoted: per article and resolved speaker, counts of direct and indirect quotes.

    Args:
        quotes: The output of :func:`find_quotes`.

    Example:
        >>> import newslab as nl
        >>> speaker_table(find_quotes(nl.load_seed_corpus())).loc["de-dpa"].to_dict("index")["Donald Trump"]
        {'direct': 0, 'indirect': 5}
    """
    df = quotes.assign(speaker_resolved=quotes["speaker_resolved"].replace("", "(unresolved)"))
    table = df.pivot_table(index=["article_id", "speaker_resolved"], columns="kind", values="start", aggfunc="count")
    table = table.reindex(columns=["direct", "indirect"]).fillna(0).astype(int)
    table.columns.name = None
    return table


def same_speaker(predicted: str, gold: str) -> bool:
    """Whether two speaker names agree: equal, or the same last word ("Rutte" vs "Mark Rutte").

    Example:
        >>> same_speaker("Mark Rutte", "Rutte"), same_speaker("Trump", "Rutte")
        (True, False)
    """
    p, g = predicted.strip().lower(), gold.strip().lower()
    return bool(p) and (p == g or p.split()[-1] == g.split()[-1])


def evaluate_quotes(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Check hand-marked direct quotes: found (overlapping direct quote) and speaker right.

    Args:
        predicted: Output of :func:`find_quotes`.
        gold: Table with article_id, start, end, speaker (and optionally quote).

    Returns:
        The gold table with columns found (bool), predicted_speaker, speaker_ok (bool).

    Example:
        >>> import pandas as pd
        >>> art = Article("x", "", "“We won,” Mark Rutte said.")
        >>> gold = pd.DataFrame({"article_id": ["x"], "start": [1], "end": [7], "speaker": ["Mark Rutte"]})
        >>> evaluate_quotes(find_quotes(art), gold)[["found", "speaker_ok"]].values.tolist()
        [[True, True]]
    """
    out = gold.copy()
    found, speakers, ok = [], [], []
    direct = predicted[predicted["kind"] == "direct"]
    for row in gold.itertuples():
        match = direct[
            (direct["article_id"] == row.article_id) & (direct["start"] < row.end) & (row.start < direct["end"])
        ]
        speaker = str(match["speaker_resolved"].iloc[0]) if len(match) else ""
        found.append(bool(len(match)))
        speakers.append(speaker)
        ok.append(same_speaker(speaker, str(row.speaker)))
    out["found"], out["predicted_speaker"], out["speaker_ok"] = found, speakers, ok
    return out


__all__ = [
    "QUOTE_COLUMNS",
    "Cue",
    "cue_forms",
    "evaluate_quotes",
    "find_quotes",
    "load_cues",
    "same_speaker",
    "speaker_table",
]
