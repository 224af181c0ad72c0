"""Descriptions of a target: epithets, "the <head>" phrases, patterns and role descriptions.

"The tycoon", "the alliance", "the US president-elect": a head word of the target with its
modifiers (checked for adjectives, appositions and "of" complements), unless someone or
something else was named with that head last (``_OtherNames``); a role of the roles table
that the target holds on the article's date (:class:`Roles`). The head rule tries its patterns
where the head is written (:mod:`newslab.anchored`), so it costs what the head's occurrences
cost, not the article's length per head word.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from types import EllipsisType
from typing import NamedTuple

from newslab.anchored import capitalized_run_starts, finditer_at, occurrences
from newslab.lexicons import rule_word_values, rule_words, stopwords
from newslab.mention_record import CONFIDENCE, Mention
from newslab.names import WORD_PATTERN, word_start_alternation
from newslab.regex_scan import lowered_letterwise, scan
from newslab.role_terms import ORDINAL, office_not_holder, outgoing_holder
from newslab.targets import Role, Target, packaged_roles
from newslab.undated import candidacy, undated_era

#: Words in a description that move its time away from the article's date ("the former president").
TIME_WORDS = frozenset(rule_words("descriptions.TIME_WORDS"))
#: National modifiers of an office ("US", "American") with the country they name (roles.tsv's country column).
NATIONAL_MODIFIERS = dict(rule_word_values("descriptions.NATIONAL_MODIFIERS"))
PATTERN_CACHE_SIZE = 64  # role vocabularies kept, one per tuple of target roles (a run has a few)
NATIONAL_CHARS = 12  # characters before a title read for its national modifier ("U.S." or "American ")
FOLLOWING_CHARS = 60  # characters after a capitalized head read for its next two words (two long words fit)


#: A name of two or more capitalized words set off by commas right after a description ("the former
#: president, Barack Obama, …"): the apposition says whom the description means.
_COMMA_APPOSITION = re.compile(r",\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+)(?=\s*(?:[,.;:)]|\s+who\b))")


def _next_word(text: str, pos: int) -> re.Match[str] | None:
    return re.compile(rf"\s*({WORD_PATTERN}|[^\s\w])").match(text, pos)


@functools.cache
def packaged_title_words() -> frozenset[str]:
    """Lowercase words of every title in the packaged roles table (never a given name)."""
    words = (w.lower() for roles in packaged_roles().values() for r in roles for t in r.titles for w in t.split())
    return frozenset(words) - stopwords()  # "of" in "Secretary of State" is no title word


@functools.cache
def generic_title_words() -> frozenset[str]:
    """Lowercase words of the titles of offices no packaged target holds (``roles.tsv`` rows without target)."""
    return frozenset(w.lower() for r in packaged_roles().get("", ()) for t in r.titles for w in t.split()) - stopwords()


class _RoleEvent(NamedTuple):
    """A person named with a role's title ("Vice President Mike Pence") or apposition ("X, the senator")."""

    end: int
    role: str
    name: str
    country: str = ""  # from a national modifier with the title or role ("US President Joe Biden")
    time_word: str = ""  # a time word right before the title ("former President Obama", "then-President")


@functools.lru_cache(maxsize=PATTERN_CACHE_SIZE)
def _role_vocabulary(
    target_roles: tuple[Role, ...],
) -> tuple[frozenset[str], tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Role phrases, title -> role, and sorted phrases of the packaged table plus the targets' roles.

    Keyed on the targets' roles (not on articles): computed once per set of targets.
    """
    roles = [r for rs in packaged_roles().values() for r in rs] + list(target_roles)
    phrases = frozenset(r.role for r in roles)
    titles: dict[str, str] = {}
    for r in roles:
        for title in (*r.titles, " ".join(w.capitalize() for w in r.role.split())):
            titles.setdefault(title, r.role)
    return phrases, tuple(sorted(titles.items())), tuple(sorted(phrases))


class Roles:
    """The role context of one article: known role phrases, its date, and who was named with which role.

    Built once per article by :func:`article_mentions` from the packaged roles table and the
    targets' roles; each role description then asks :meth:`holder` who it refers to.
    """

    def __init__(self, text: str, date: str, targets: Sequence[Target]) -> None:
        self.date = date
        self.text = text
        self._candidacy: dict[str, str] = {}  # target name -> the candidacy title it is named with ("" = none)
        self.phrases, titles, phrases = _role_vocabulary(tuple(r for t in targets for r in t.roles))
        self.events = _role_events(text, titles, phrases)
        self.offsets = [e.end for e in self.events]

    def role_of(self, words: Sequence[str]) -> str:
        """The longest known role phrase at the end of a description's words ("" if none)."""
        low = [re.sub(r"[’']s$", "", w.lower()) for w in words]
        for i in range(len(low)):
            phrase = " ".join(low[i:])
            if phrase in self.phrases:
                return phrase
        return ""

    def last_named(self, role: str, start: int, country: str = "", *, current: bool = False) -> _RoleEvent | None:
        """The person last named with ``role`` before ``start`` (with ``country``: of that country's office).

        ``current``: skip persons named with a time word before the title (rule "role:not current": "former
        President Donald Trump" names a former holder, not the one "the president" means).
        """
        i = bisect.bisect_right(self.offsets, start) - 1
        while i >= 0:
            e = self.events[i]
            if e.role == role and (not country or e.country == country) and not (current and e.time_word):
                return e
            i -= 1
        return None

    def undated_era(self, target: Target, role: str) -> str:
        """Rule "role:undated" (:func:`newslab.undated.undated_era`) for this article's date and role events."""
        if target.name not in self._candidacy:
            self._candidacy[target.name] = candidacy(target, self.text)
        return undated_era(target, role, self.date, self.events, self._candidacy[target.name])

    def dated_holder(self, target: Target, role: str) -> bool:
        """Rule "role:dated holder": the article's date gives the national office to the target, which it names so.

        A national office (roles.tsv ``country``) has one holder on a day. When the article is dated, the
        target holds the office then, and the article names the target with the office's title ("President
        Trump", no time word), another person named with the bare title ("President Volodymyr Zelensky",
        "President Moon Jae-in") holds another country's office or held it before: a later "the president"
        stays the target's.
        """
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.date[:10]):
            return False
        if not any(r.role == role and r.country and r.held_on(self.date) for r in target.roles):
            return False
        return any(e.role == role and not e.time_word and target._name_re.search(e.name) for e in self.events)

    def holder(self, target: Target, role: str, start: int, words: Sequence[str]) -> tuple[bool, str]:
        """Whether a description with ``role`` at ``start`` refers to ``target``, and the rule.

        The person last named with the role decides (rule ``role:last-named``); without one, the
        target's roles (dates checked against the article's date unless a time word such as
        "former" or "45th" is in the description; rule ``role``).
        """
        country = national_country(words)
        timeless = any(w.lower() in TIME_WORDS or ORDINAL.match(w) for w in words)
        event = self.last_named(role, start, country, current=not timeless)
        if event is not None:
            mine = bool(target._name_re.search(event.name))
            if not mine and not timeless and not country and self.dated_holder(target, role):
                return True, "role:dated holder"
            return mine, "role:last-named"
        if country:  # rule "role:national": "the US president" is not "President Putin", named last
            held = any(r.role == role and r.country == country and (timeless or r.held_on(self.date))
                       for r in target.roles)  # fmt: skip
            return held, "role:national"
        held = any(r.role == role and (timeless or r.held_on(self.date)) for r in target.roles)
        return held, "role"


def national_country(words: Sequence[str]) -> str:
    """The country a national modifier among a description's words names ("US", "American" -> "US"; "" if none)."""
    found = (NATIONAL_MODIFIERS[w.lower()] for w in words if w[:1].isupper() and w.lower() in NATIONAL_MODIFIERS)
    return next(found, "")


@functools.cache
def _role_event_res(titles: tuple[tuple[str, str], ...], phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    name = r"(?P<name>[A-Z][\w’'.-]*(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][\w’'.-]*)*)"
    by_title = word_start_alternation(t for t, _ in sorted(titles, key=lambda x: -len(x[0])))
    by_phrase = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    # a name starts a word ("A.B.C." is tried once, not from each capital: linear); the check of the
    # character before it comes after its first capital ("(?<![\w’'.-].)" right after "[A-Z]" is
    # "(?<![\w’'.-])" right before it), so the regex engine jumps from capital to capital
    word_name = name.replace("(?P<name>[A-Z]", r"(?P<name>[A-Z](?<![\w’'.-].)", 1)
    tail = rf",\s+(?:the|a|an)\s+(?:[\w.-]+\s+){{0,2}}?(?P<role>(?i:{by_phrase}))(?![\w-])"
    return (
        # = (?<![\w-])(?P<title>title|...), scanned only at the titles' first letters
        re.compile(rf"(?P<title>{by_title})\s+{name}"),
        re.compile(rf"{word_name}{tail}"),
        # the apposition's part from its comma on: every apposition holds a match of it (at its comma), so a
        # text without one has no apposition; sre finds it at commas only, not from every capital
        re.compile(tail),
    )


_TIME_BEFORE = re.compile(r"([A-Za-z]+)(?:-|\s+)$").search  # the word before a title ("former ", "then-")


def _role_events(text: str, titles: tuple[tuple[str, str], ...], phrases: tuple[str, ...]) -> list[_RoleEvent]:
    """Who the article names with which role, in text order (title before a name, or an apposition)."""
    if not titles:
        return []
    title_rx, apposition_rx, apposition_tail = _role_event_res(titles, phrases)
    by_title = dict(titles)
    events = []
    for m in title_rx.finditer(text):
        person = re.sub(r"[’']s$", "", m.group("name"))
        before = text[max(0, m.start() - NATIONAL_CHARS) : m.start()].split()
        country = national_country(before[-1:])  # "US President Joe Biden"
        time = _TIME_BEFORE(text, max(0, m.start() - NATIONAL_CHARS), m.start())
        time_word = time.group(1) if time is not None and time.group(1).lower() in TIME_WORDS else ""
        events.append(_RoleEvent(m.end(), by_title[m.group("title")], person, country, time_word))
    for m in apposition_rx.finditer(text) if apposition_tail.search(text) else ():
        role = " ".join(m.group("role").lower().split())
        country = national_country(text[m.end("name") : m.start("role")].split())  # "Biden, the US president"
        events.append(_RoleEvent(m.end(), role, m.group("name"), country))
    return sorted(events)


@functools.cache
def _role_description_re(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    modifier = r"(?:[a-z][\w.-]*|Senate|House|U\.S\.|US)\s+"
    det = word_start_alternation(["The", "the"])  # = (?<![\w-])[Tt]he, scanned only at T and t
    return re.compile(rf"(?P<det>{det})\s+(?P<mods>(?:{modifier}){{0,2}})(?P<role>(?i:{alternatives}))(?![\w-])")


#: Country names in an office's of-complement, with the country ("United States" -> "US").
COUNTRY_NAMES = dict(rule_word_values("descriptions.COUNTRY_NAMES"))


@functools.cache
def _office_of_country_re(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    roles = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    countries = "|".join(re.escape(c) for c in sorted(COUNTRY_NAMES, key=len, reverse=True))
    # = (?<![\w-])(?:[Aa]n?|[Tt]he), scanned only at A, a, T and t ("An" tried before "A", as "n?" is greedy)
    det = word_start_alternation(w for d in ("an", "a", "the") for w in (d.capitalize(), d))
    return re.compile(rf"{det}\s+(?P<role>(?i:{roles}))\s+of\s+(?:the\s+)?(?P<country>(?i:{countries}))\b")


@functools.cache
def _of_country_re() -> re.Pattern[str]:
    """The part of :func:`_office_of_country_re` from "of" on: every match holds one, so a text without it has none."""
    countries = "|".join(re.escape(c) for c in sorted(COUNTRY_NAMES, key=len, reverse=True))
    return re.compile(rf"of\s+(?:the\s+)?(?i:{countries})\b")  # opens with a literal: sre jumps to each "of"


def office_of_country_mentions(targets: Sequence[Target], text: str, roles: Roles) -> list[Mention]:
    """Rule "role:national" with an of-complement: "a President of the United States", "the president of America".

    The office of a named country is its holder on the article's date (roles.tsv ``country``), even
    with an indefinite article, unless a person was named last with that country's title. Capitalized
    country words only ("the president of the united states" in running text is rare; "us" is a pronoun).
    """
    rx = _office_of_country_re(tuple(sorted(roles.phrases)))
    if rx is None or _of_country_re().search(text) is None:
        return []  # no office, or no "of <country>" in the text (most articles): no match, without the scan
    found = []
    for m in rx.finditer(text):
        if not m.group("country")[:1].isupper():
            continue
        country = COUNTRY_NAMES[m.group("country").lower()]
        role = " ".join(m.group("role").lower().split())
        for target in targets:
            event = roles.last_named(role, m.start(), country)
            held = (
                bool(target._name_re.search(event.name))
                if event is not None
                else any(r.role == role and r.country == country and r.held_on(roles.date) for r in target.roles)
            )
            if held:
                ante = event.name if event is not None else ""
                found.append(
                    Mention(
                        target, m.start(), m.end(), "description", "role:national", CONFIDENCE["role:national"], ante
                    )
                )
    return found


#: The confidence entry of each rule of :meth:`Roles.holder` (the dated holder is as sure as a held role).
_BASE = {"role": "role", "role:last-named": "role:last-named", "role:national": "role:national",
         "role:dated holder": "role"}  # fmt: skip
_EVENT_RULES = ("role:last-named", "role:dated holder")  # rules whose evidence names the person named last


def role_mentions(targets: Sequence[Target], text: str, roles: Roles) -> list[Mention]:
    """Role descriptions ("the majority leader") of targets that hold the role or were last named with it."""
    rx = _role_description_re(tuple(sorted(roles.phrases)))
    if rx is None:
        return []
    found = office_of_country_mentions(targets, text, roles)
    for m in rx.finditer(text):
        words = [*m.group("mods").split(), *m.group("role").split()]
        role = roles.role_of(words)
        if not role or text[m.end() : m.end() + 3] == " of":
            continue  # "the president of France": an office of something else
        for target in targets:
            if role.split()[-1] in target._lower_heads:
                continue  # the head rule decides (with its modifier and "of" checks)
            holds, rule = roles.holder(target, role, m.start(), words)
            if holds:
                event = roles.last_named(role, m.start(), current=True) if rule in _EVENT_RULES else None
                ante = event.name if event is not None else ""
                if rule == "role:dated holder":  # "the commander in chief" in 2019 after "President Zelensky"
                    ante = f"dated holder, not {ante}"
                found.append(Mention(target, m.start(), m.end(), "description", rule, CONFIDENCE[_BASE[rule]], ante))
    return found


def target_descriptions(
    target: Target, text: str, roles: Roles | None = None, *, lowered: str | EllipsisType | None = ...
) -> list[Mention]:
    """A target's descriptions in a text: epithets, "the <head>" phrases it holds, and its patterns.

    ``lowered``: :func:`lowered_letterwise` of ``text`` when the caller made it (``...``: made here).
    """
    if isinstance(lowered, EllipsisType):
        lowered = lowered_letterwise(text)
    found: list[Mention] = []
    spans = _TargetSpans(target, text, lowered)  # the epithets are found once, for these mentions and the head rule
    if target._epithet_re is not None:
        found += [Mention(target, m.start(), m.end(), "description", "epithet", CONFIDENCE["epithet"])
                  for m in spans.epithets]  # fmt: skip
    if target._head_re is not None:
        others: dict[str, _OtherNames] = {}
        for m in target._head_re.finditer(text):
            span = _head_span(target, text, m)
            head = m.group("head")
            if span is None:
                continue
            if head.lower() not in others:
                others[head.lower()] = _OtherNames(target, text, head, spans)
            words = [*m.group("mods").split(), head]
            role = roles.role_of(words) if roles is not None else ""
            how = ""
            if role and office_not_holder(text, m.start(), words):
                continue  # rule "role:office": "the next president", "to become the 45th president"
            if role and not outgoing_holder(target, role, words, roles.date if roles is not None else ""):
                continue  # rule "role:outgoing": "the outgoing president" (Obama in 2016) is not Trump
            if role:
                holds, how = roles.holder(target, role, m.start(), words)  # type: ignore[union-attr]
                if not holds:
                    continue  # "the vice president", "the majority leader": a role the target does not hold
                timeless = any(w.lower() in TIME_WORDS or ORDINAL.match(w) for w in words)
                if not timeless and roles.undated_era(target, role):  # type: ignore[union-attr]
                    continue  # rule "role:undated": no date, and the article puts another in office
            if how == "role:national":  # "the American president" after "President Macron of France"
                found.append(Mention(target, span[0], span[1], "description", how, CONFIDENCE[how]))
            elif how == "role:dated holder":  # "the president" in 2019 after "President Volodymyr Zelensky"
                other = roles.last_named(role, m.start(), current=True)  # type: ignore[union-attr]
                ante = f"dated holder, not {other.name}" if other is not None else ""
                found.append(Mention(target, span[0], span[1], "description", how, CONFIDENCE["role"], ante))
            elif not others[head.lower()].named_before(m.start()):
                rule = f"head:{head.lower()}"
                skipped = others[head.lower()].skipped_office(m.start())  # evidence of rule "compound office"
                ante = f"compound office: not {skipped}" if skipped else ""
                found.append(Mention(target, span[0], span[1], "description", rule, CONFIDENCE["head"], ante))
    for rx in target._pattern_res:
        found += [Mention(target, m.start(), m.end(), "description", "pattern", CONFIDENCE["pattern"])
                  for m in scan(rx, text, lowered)]  # fmt: skip
    return found


class _OtherNames:
    """Whether someone or something else was named with a head word last before an offset.

    After "the Shanghai Cooperation Organisation", "the organisation" means it, not NATO; after
    "President Joe Biden", "the president" means Biden, not Trump. Matches are found once per
    article and head, then looked up by offset; the head's patterns are tried only where the
    capitalized head is written (:mod:`newslab.anchored`), so a head costs what its occurrences cost.
    """

    def __init__(self, target: Target, text: str, head: str, spans: _TargetSpans) -> None:
        title = head[:1].upper() + head[1:]
        own = {r.role for r in target.roles}
        self.compound: list[tuple[int, str]] = []  # (offset, "Vice President"): offices skipped by the rule
        self.events: list[tuple[int, bool]] = []  # (offset, True = someone/something else, False = the target)
        self.offsets: list[int] = []
        if title not in text:
            return  # the head never appears capitalized: nothing else is named with it
        written = occurrences(text, title)
        if target.kind == "person":
            rx = re.compile(rf"(?<![\w-]){re.escape(title)}\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")
            for m in finditer_at(rx, text, written):
                if not _other_office(text, m.start(), head, own):
                    self.events.append((m.end(), not target._name_re.search(m.group("name"))))
                else:
                    self.compound.append((m.end(), _other_office_phrase(text, m.start(), title)))
        run = re.compile(rf"(?:[A-Z][\w-]*\s+)+{re.escape(title)}(?![\w-])")
        for m in finditer_at(run, text, capitalized_run_starts(text, written)):
            if _other_office(text, m.end() - len(title), head, own):
                self.compound.append((m.end(), _other_office_phrase(text, m.end() - len(title), title)))
                continue  # "the Vice President": another office, nobody named with the head
            if not spans.in_epithet(m.start()) and not spans.in_epithet(m.end() - 1):
                self.events.append((m.end(), True))
        self.events += spans.name_ends
        self.events += spans.epithet_ends
        self.events.sort()
        self.offsets = [e[0] for e in self.events]

    def named_before(self, start: int) -> bool:
        i = bisect.bisect_right(self.offsets, start) - 1
        return i >= 0 and self.events[i][1]

    def skipped_office(self, start: int) -> str:
        """The other office ("Vice President") skipped last before ``start``, when no event came after it."""
        before = [(o, p) for o, p in self.compound if o <= start]
        if not before:
            return ""
        i = bisect.bisect_right(self.offsets, start) - 1
        return before[-1][1] if i < 0 or self.offsets[i] < before[-1][0] else ""


@functools.cache
def _compound_offices() -> frozenset[str]:
    """Offices of two or more words in the roles table ("vice president", "prime minister"), lowercase."""
    return frozenset(r.role for rs in packaged_roles().values() for r in rs if " " in r.role)


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def _other_office_phrase(text: str, head_start: int, title: str) -> str:
    m = _WORD_BEFORE.search(text, max(0, head_start - 20), head_start)
    return f"{m.group(1)} {title}" if m is not None else title


def _other_office(text: str, head_start: int, head: str, own: set[str]) -> bool:
    """Rule "compound office": the head written as the end of another office ("Vice President").

    "Vice President Mike Pence" and "misled the Vice President" name the vice president, not anyone
    named with the head "president": a later "the president" may still be the target. Offices the
    target holds itself ("Former President", a role of Trump's) still count as named with the head.
    """
    m = _WORD_BEFORE.search(text, max(0, head_start - 20), head_start)
    if m is None:
        return False
    phrase = f"{m.group(1).lower()} {head.lower()}"
    return phrase in _compound_offices() and phrase not in own


class _TargetSpans:
    """A target's names and epithets in one text, found once for all its head words."""

    def __init__(self, target: Target, text: str, lowered: str | None = None) -> None:
        self.target, self.text, self.lowered = target, text, lowered  # lowered: lowered_letterwise(text)

    @functools.cached_property
    def epithets(self) -> list[re.Match[str]]:
        """The target's epithets in the text, in order."""
        pattern = self.target._epithet_re
        return list(scan(pattern, self.text, self.lowered)) if pattern is not None else []

    @functools.cached_property
    def _epithet_starts(self) -> list[int]:
        return [e.start() for e in self.epithets]

    def in_epithet(self, offset: int) -> bool:
        """Whether an offset lies inside an epithet (they never overlap: one bisect)."""
        i = bisect.bisect_right(self._epithet_starts, offset) - 1
        return i >= 0 and offset < self.epithets[i].end()

    @functools.cached_property
    def name_ends(self) -> list[tuple[int, bool]]:
        """``(end, False)`` of every name of the target (events of "the target was named")."""
        return [(m.end(), False) for m in self.target._name_re.finditer(self.text)]

    @functools.cached_property
    def epithet_ends(self) -> list[tuple[int, bool]]:
        """``(end, False)`` of every epithet of the target."""
        return [(e.end(), False) for e in self.epithets]


def _head_span(target: Target, text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """Check a determiner + modifiers + head match; return the description span or None."""
    allowed = set(target.modifiers)
    for mod in m.group("mods").split():
        compound = "-" in mod and mod.rsplit("-", 1)[1].islower()  # "Brussels-based", "US-led"
        if mod[0].isupper() and mod not in allowed and not compound:
            return None  # "the Democratic candidate", "the AUKUS alliance": someone or something else
    head, end = m.group("head"), m.end()
    nxt = _next_word(text, end)
    following = nxt.group(1) if nxt else ""
    if (
        following[:1].isupper()
        and following not in allowed
        and not target._name_re.match(text, nxt.start(1) if nxt else end)
    ):
        return None  # an apposition naming someone else: "the candidate Kamala Harris"
    apposition = _COMMA_APPOSITION.match(text, end) if target.kind == "person" else None
    if (
        apposition is not None
        and not target._name_re.match(text, apposition.start("name"))
        and not re.search(r"\bof\s+$", text[max(0, m.start() - 4) : m.start()])  # "the wife of the president, X"
    ):
        return None  # "the former president, Barack Obama, …": a comma apposition naming someone else
    if head[0].isupper() and following[:1].islower() and following not in stopwords() and _modifies_noun(text, end):
        return None  # adjective use: "the American economy", "the Republican party"
    if following == "of":
        gerund = re.compile(r"\s+of\s+\w+ing\b").match(text, end)
        if target.kind == "organization" and not gerund:
            return None  # "the organization of the summit", "the alliance of Sahel states"
        foreign = re.compile(rf"\s+of\s+((?:[A-Z]{WORD_PATTERN}\s+)*[A-Z]{WORD_PATTERN})").match(text, end)
        if foreign and any(w not in allowed for w in foreign.group(1).split()):
            return None  # rule "office of another": "the president of Ukraine", "the leader of North Korea"
        ext = re.compile(rf"\s+of\s+the\s+((?:[A-Z]{WORD_PATTERN}\s+)*{WORD_PATTERN})").match(text, end)
        if ext:
            caps = [w for w in ext.group(1).split() if w[0].isupper()]
            if any(w not in allowed for w in caps):
                return None  # "the president of the European Commission"
            words = ext.group(1).split()
            if caps and words[-1][:1].islower():  # "the president of the United States said": not "said"
                end = ext.start(1) + ext.group(1).rindex(" " + words[-1])
            else:
                end = ext.end()
    ext = re.compile(r"\s+(?:on|in)\s+the\s+(?:planet|world)\b").match(text, end)
    if ext:
        end = ext.end()
    return m.start(), end


#: Quantifiers that start an adverbial after a noun ("met the Republican several times").
QUANTIFIERS = frozenset(rule_words("descriptions.QUANTIFIERS"))


#: Frequent news verbs that may follow a person noun ("the American said"), used when the word
#: is not in the tag lexicon below. Hand list for newslab.
FOLLOWING_VERBS = frozenset(rule_words("descriptions.FOLLOWING_VERBS"))


@functools.cache
def word_tags() -> dict[str, str]:
    """Most frequent POS tag per word from the Brill lexicon that ships with TextBlob (read as a file).

    Importing TextBlob's tagger would cost ~2 s (it imports nltk); reading its lexicon takes ~0.1 s.
    Empty when TextBlob is not installed (then :data:`FOLLOWING_VERBS` and suffixes decide).
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("textblob")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "en" / "en-lexicon.txt"
    if not path.is_file():
        return {}
    tags: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and not line.startswith(";"):
                tags[parts[0]] = parts[1]
    return tags


def _modifies_noun(text: str, end: int) -> bool:
    """Whether the words after a capitalized head make it an adjective ("the American economy")."""
    following = [w.strip(",.;:!?") for w in text[end : end + FOLLOWING_CHARS].split()[:2]]
    if not following or not following[0]:
        return False
    word = following[0]
    if word in QUANTIFIERS or word in FOLLOWING_VERBS or word.endswith(("ly", "ed")):
        return False
    tags = word_tags()
    tag = tags.get(word)
    if tag is None:
        return True  # an unknown lowercase word after "the American": most often the noun it modifies
    if tag.startswith("NN"):
        return True
    after = tags.get(following[1], "") if len(following) > 1 else ""
    return tag == "JJ" and after.startswith("NN")
