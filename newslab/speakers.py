"""Speakers: a quote's speaker phrase resolved to a name, with the rule that did it.

A surname resolves to the longest name in the article ending with it ("Rutte" -> "Mark Rutte"), titles and roles
dropped ("Gov. Andy Beshear of Kentucky" -> "Andy Beshear"); a role phrase to the person named with that role before
(``role:named-earlier``), to a target it describes (``description:target``), to the speaker said with the same role
(``description:same-role``) or to the previous sentence's subject (``description:previous-subject``); a pronoun to
the last compatible speaker of the two sentences before unless a newer subject was named
(``pronoun:recent-speaker``), else to that subject (``pronoun:previous-subject``), else to the target the mention
stage found (``pronoun:target``), else, when nothing before it names a compatible person, to the next sentence's
person (``pronoun:next-subject``; at7), or to that target first when a narrator's short question stands right before
("And him?"; ``pronoun:question``); a plural group noun keeps its complement ("Residents of Kharkiv"; ``group``). A
capitalized run after "in", "at" or "near" is a place, never a previous subject. See :mod:`newslab.quotes` for the
whole list.

The article-wide lookups are by index or bisect (names by last word, role hits found once per role, the speakers so
far by sentence and by role word), so a speaker costs what its own and the nearby sentences cost, never a scan of
the article.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import Any

from newslab.anchored import lowers_letterwise
from newslab.attribution import SPACE, is_headline
from newslab.descriptions import word_tags
from newslab.document import Document
from newslab.lexicons import rule_words, stopwords
from newslab.mention_record import Mention
from newslab.name_bearers import FIRST_BEARER_NOTE, TITLE_GENDER_NOTE, first_bearer, fitting_names
from newslab.names import ROLE_WORDS, name_after_role
from newslab.reported_speech import speaker_shape
from newslab.role_hits import RoleHits, role_hits
from newslab.speaker_groups import ONE_OF_PHRASES, ONE_OF_RULE, one_of_group
from newslab.speaker_phrases import (
    BEFORE_NO_PERSON,
    EMPLOYEE_ROLES,
    NO_ONE,
    NO_PERSON_HEADS,
    PRONOUN_WORDS,
    SUBJECT_AUXILIARIES,
    LastTwo,
    complement_name,
    is_organization,
    is_person_phrase,
    is_role_description,
    name_gender,
    name_words,
    phrase_gender,
    says,
    title_gender,
)
from newslab.speaker_turns import (
    DESCRIPTION_NOTE,
    FRONTED_NOTE,
    NOT_NAME_NOTE,
    OUTER_NOTE,
    QUESTION_NAME_RULE,
    QUOTE_START_NOTE,
    family_first,
    fronted_participle,
    given_before,
    given_name_gender,
    group_phrase,
    not_a_name,
    question_name,
)
from newslab.speaker_words import FUNCTION_WORDS, TIME_WORDS, TITLES
from newslab.targets import Target

# patterns the rules below use, compiled once (not looked up in re's cache at every call)
_NEXT_COMMA_OR_WORD = re.compile(r"\s*(,|[a-z]+)")
_POSSESSIVE_MARK = re.compile(r"[’']s?")
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")
_CONTRACTION = re.compile(r"[’'](?:s|re|ll|ve|d)$")
_ROLE_THEN_NAME = re.compile(r"\s+([a-z]+)\s+[A-Z]")  # " host Megyn": a lowercase word, then a capital
_PRONOUN_OPENS = re.compile(r"\s*(?:[A-Z][\w’']*,?\s+)?(He|She|he|she)\s")  # "He said …", "But she …"
_GENDERS = {"he": "m", "she": "f"}
_PLACE_AFTER = re.compile(rf"{SPACE}in{SPACE}(?:the{SPACE})?[A-Z][\w’'.-]*(?:{SPACE}[A-Z][\w’'.-]*)*$")

#: Added to a pronoun's speaker rule when it skipped someone for the gender of their given name.
GENDER_NOTE = "; pronoun-gender"
#: How many sentences back a quote's speaker stays the default referent of he/she (set by hand).
SPEAKER_MEMORY = 2
#: Sentences searched for the previous subject of a pronoun speaker: its own and three before (set by hand).
SUBJECT_SENTENCES = 4
#: Pronoun speakers resolved to a person named earlier ("…,” she said).
SPEAKER_PRONOUNS = frozenset(rule_words("speakers.SPEAKER_PRONOUNS"))


#: Quoted passages, blanked out when looking for the subject of a sentence.
#: (British ‘…’ too.) One mark class first, then each alternative checks its own mark by a one-character
#: lookbehind: the matches of “[^”]*”?|"[^"\n]*"?|(?<![\w’'])‘…, but sre jumps from mark to mark (a charset
#: prefix) instead of trying the ‘ lookbehind at every character.
_QUOTED = re.compile(r"[“\"‘](?:(?<=“)[^”]*”?|(?<=\")[^\"\n]*\"?|(?<=‘)(?<![\w’']‘)(?=\S)[^‘\n]*?[^\s‘]’(?![\w’]))")


#: The mention rule of newslab.descriptions.Roles.holder that rule "role:dated-holder" reads.
DATED_HOLDER = "role:dated holder"


class SpeakerResolver:
    """Resolves the speaker phrases of one article to names, in text order (it lives for one article)."""

    def __init__(
        self, article: Document, targets: tuple[Target, ...], mentions: list[Mention], names: tuple[str, ...]
    ) -> None:
        self.article = article
        self.names = names
        self.mentions = mentions
        self.targets = targets
        self.lowered = article.text.lower()
        self._letterwise = self.lowered if lowers_letterwise(article.text) else None
        self.history: list[tuple[int, str, str, str]] = []  # (sentence, resolved name, gender, phrase)
        self.genders: dict[str, str] = {}
        self._roles: dict[str, RoleHits] = {}  # role words -> where someone is named so
        self._written: dict[str, bool] = {}  # role words -> whether the article writes them at all
        self._same_role: dict[str, LastTwo] = {}  # last word of a said phrase -> the latest speakers said so
        self._target_names: dict[Target, str] = {}
        self._longest: dict[tuple[str, str], str] = {}  # (last word, title gender) -> the name it stands for
        self.bearers: set[str] = set()  # names a lone surname took by rule "first-bearer" (at10)
        self.title_skips: set[str] = set()  # surnames whose title skipped a name of the other gender ("title-gender")
        self.given_skips = 0  # people a he/she pronoun skipped for their given name's gender (rule "pronoun-gender")
        self._given: dict[str, str] = {}  # name -> the gender of a given name written before it (at9)
        self.nested: set[int] = set()  # history entries named inside another speaker's words (rule "outer-speaker")
        self.opened = -1  # the sentence where the quote of the pronoun being resolved opens (at9)
        self.notes = ""  # the at9 rules a pronoun's resolution used ("; outer-speaker", "; fronted-participle")

    def name(self, phrase: str) -> str:
        """The name in a speaker phrase; a lone surname -> the longest registry name ending with it."""
        caps = name_words(phrase)
        if not caps:
            return ""
        if len(caps) != 1:
            return " ".join(caps)
        return self._longest_ending(caps[0], title_gender(phrase)) or caps[0]

    def _longest_ending(self, last: str, gender: str) -> str:
        """The longest registry name ending with ``last`` that opens with no title ("" if none); once per word.

        Names of several people ("Joe Biden", "Jill Biden"): the first-named fitting ``gender`` (rule
        ``first-bearer``, at10: :func:`newslab.name_bearers.first_bearer`).
        """
        if (last, gender) not in self._longest:
            names = [n for n in self._names_by_last.get(last, ()) if n.split()[0].lower().rstrip(".") not in TITLES]
            bearer, fitting = first_bearer(self.article.text, names, gender), fitting_names(names, gender)
            self.bearers.update([bearer] if bearer else [])
            self.title_skips.update([last] if len(fitting) < len(names) else [])
            self._longest[last, gender] = bearer or max(fitting, key=len, default="")
        return self._longest[last, gender]

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
    def _name_mentions(self) -> tuple[list[Any], list[int]]:
        """The targets' name mentions in text order and their starts (for a lookup by bisect)."""
        found = sorted((m for m in self.mentions if m.kind == "name"), key=lambda m: m.start)
        return found, [m.start for m in found]

    def _target_named(self, start: int, end: int) -> Target | None:
        """The target whose name mention lies inside the speaker phrase ``[start, end)``, if any.

        Per mention, not per article (issue 23): after "John Trump" is named once, "Mr. Trump" stays
        Donald Trump wherever the mention stage reads it as the target.
        """
        found, starts = self._name_mentions
        text = self.article.text
        i = bisect.bisect_left(starts, start)
        while i < len(found) and found[i].start < end:
            m = found[i]
            rest = text[m.end : end].strip()
            if m.end <= end and m.target.kind == "person" and (not rest or _POSSESSIVE_MARK.fullmatch(rest)):
                return m.target  # the name ends the phrase: "Mr. Trump", not "a Trump aide"
            i += 1
        return None

    @functools.cached_property
    def _names_by_last(self) -> dict[str, list[str]]:
        """The article's names by their last word (in registry order): a lookup, not a scan per phrase."""
        index: dict[str, list[str]] = {}
        for n in self.names:
            index.setdefault(n.split()[-1], []).append(n)
        return index

    def resolve(self, phrase: str, start: int, end: int, *, opened: int = -1) -> tuple[str, str]:
        """``(resolved name, speaker_rule)`` of the speaker phrase at ``text[start:end]``.

        ``opened``: the sentence where the quote opens (a he/she's speaker memory counts from there; at9).
        """
        sent = self.article.sentence_of(start)
        low = phrase.lower()
        if low in SPEAKER_PRONOUNS:
            return self.pronoun(low, sent, start, opened=opened)
        if low == "it":
            return "", "unresolved"
        if low in ONE_OF_PHRASES:  # rule "one-of:group" (at12): the group named in the sentence before
            group = one_of_group(self.article, sent)
            return (group, ONE_OF_RULE) if group else ("", "unresolved")
        named = name_after_role(self.article.text, phrase, end, self.names)
        if named:  # rule "name after role" (nm): "said ousted White House communications director Anthony Scaramucci"
            return named, "name after role"
        if complement_name(phrase, self._person_run):  # "A spokesman for Mr. Trump": the spokesman (at8)
            return speaker_shape(phrase)[0], "as written; complement-name"
        role = self.role_named_earlier(phrase, start)
        if role:
            holder = self._dated_holder(start, end)
            if holder and holder != role:  # rule "role:dated-holder" (at12): not President Zelensky, named last
                return holder, "role:dated-holder"
            return role, "role:named-earlier"
        description = self._description_overlapping(start, end)
        if description is not None:
            return self.target_name(description.target), "description:target"
        target = self._target_named(start, end)
        if target is not None:  # "Mr. Trump" that the mention stage found is the target, whoever else is named Trump
            return self.target_name(target), "name:target"
        group = group_phrase(phrase)
        if group:  # "Officials in Miami-Dade County", "Republicans on the … Committee": the complement says who
            return group, "group"
        name = self.name(phrase)
        if is_role_description(phrase):  # "the New York Democrat said", "the senator from Kentucky said"
            earlier = self._same_role.get(phrase.split()[-1].lower(), NO_ONE).latest_other(low)
            if earlier:
                return earlier, "description:same-role"  # "A NATO official said …" … "said the official"
            subject, _ = self.previous_subject(sent, start, "", lone=True)
            if subject:
                return subject, "description:previous-subject"
        if name and " " not in name and (full := family_first(self.article.text, name, self.names)):
            return full, "name; family-name-first"  # "Mr. Kim" -> "Kim Jong Un" (at9)
        if name:  # rule "organization-name" (at8): "the Justice Department", not "Department"
            lone = name_words(phrase)
            note = FIRST_BEARER_NOTE if name in self.bearers and len(lone) == 1 else ""
            note += TITLE_GENDER_NOTE if lone == [name] and name in self.title_skips and title_gender(phrase) else ""
            return name, ("name; organization-name" if is_organization(name.split()) else "name") + note
        # a group or source without a name ("diplomats", "a spokesman for Y"); where it is ("in Berlin") is no part,
        # nor a relative clause or a verb (rules "relative-clause", "verb-cut": at7)
        shaped, cut = speaker_shape(_PLACE_AFTER.sub("", phrase.strip()))
        return shaped, "as written; " + cut if cut else "as written"

    def _person_run(self, run: str) -> bool:
        """Whether a capitalized run names a person: a title, a given name, a target, an article's name ending so."""
        if run.split()[0].lower().rstrip(".") in TITLES or given_name_gender(run):
            return True
        people = {a for t in self.targets if t.kind == "person" for a in (t.name, *t.aliases)}
        named = self._names_by_last.get(run.split()[-1], ())  # "Cruz" -> "Ted Cruz"; not "Trump Kellyanne Conway"
        return run in people or any((given_name_gender(n) or n in people) and n.endswith(run) for n in named)

    def pronoun(self, low: str, sent: int, start: int, *, opened: int = -1) -> tuple[str, str]:
        """He/she/they: the last compatible speaker, else the target the mention stage found, else the subject.

        Rules of at9, named after the rule: a speaker named inside another speaker's words is skipped
        (``; outer-speaker``: "Trump said North Korea had demanded … He said" -> Trump), and names inside a
        fronted participle clause of the pronoun's own sentence are not its subject (``; fronted-participle``:
        "Asked about Otto Warmbier, …, he said" -> the sentence before); the speaker memory counts from the
        sentence where the quote opens (``; quote-start``: "“How did you get home? I don’t remember,” he said").
        """
        self.notes = ""
        self.opened = sent if opened < 0 else min(sent, opened)
        name, rule = self._pronoun(low, sent, start)
        return name, rule + self.notes

    def _pronoun(self, low: str, sent: int, start: int) -> tuple[str, str]:
        gender = {"he": "m", "she": "f"}.get(low, "")
        if low in ("i", "we"):
            return "", "unresolved"
        mention = self._pronoun_at.get(start)
        if mention is not None and self._asked_before(sent):
            # "And him?" / "What did he say?" opens a new topic: the person the mention stage found, not the
            # last speaker ("GIULIANI: … And him? ‘I'm having a good day,’ he said")
            return self.target_name(mention.target), "pronoun:question"
        asked = question_name(question, self._person_run) if (question := self._asked_before(sent)) else ""
        g = (title_gender(asked) or given_name_gender(self._longer_name(asked))) if asked else ""
        if asked and not (gender and g and g != gender):  # "Was Zelensky pressured? ‘…,’ he said" (at11)
            return self._longer_name(asked), QUESTION_NAME_RULE
        self.given_skips = 0
        subject, subject_sent = self.previous_subject(sent, start, gender)
        for k in range(len(self.history) - 1, -1, -1):  # in text order: the older ones are older still
            s, name, g, phrase = self.history[k]
            if self.opened - s > SPEAKER_MEMORY:
                break
            if sent - s > SPEAKER_MEMORY:
                self.notes += QUOTE_START_NOTE * (QUOTE_START_NOTE not in self.notes)  # a quote of several sentences
            if k in self.nested and gender:
                self.notes = OUTER_NOTE + self.notes.replace(OUTER_NOTE, "")  # "Trump said North Korea had …"
                continue
            if gender and not g and given_name_gender(name) not in ("", gender):
                self.given_skips += 1  # rule "pronoun-gender" (at5): "she" is not "Newt Gingrich"
                continue
            if (low == "they" and g) or (g and gender and g != gender):
                continue
            if gender and not is_person_phrase(phrase):
                continue  # "he" is not "Republicans" or "the company"
            if s >= subject_sent:  # a subject named after the speaker's quote is the newer referent
                return name, "pronoun:recent-speaker" + GENDER_NOTE * bool(self.given_skips)
        if subject and low != "they":
            return subject, "pronoun:previous-subject" + GENDER_NOTE * bool(self.given_skips)
        if mention is not None:
            return self.target_name(mention.target), "pronoun:target" + GENDER_NOTE * bool(self.given_skips)
        after = self.next_subject(sent, gender) if gender and not self.history and sent < SUBJECT_SENTENCES else ""
        if after:
            return after, "pronoun:next-subject" + GENDER_NOTE * bool(self.given_skips)
        return "", "unresolved" + GENDER_NOTE * bool(self.given_skips)

    def next_subject(self, sent: int, gender: str) -> str:
        """Rule "pronoun:next-subject" (at7): a he/she no one named before fits: the next sentence's subject.

        Only when the text before the pronoun names no compatible person at all (no speaker yet, and the
        subject scan reached the article's start), and only a name that opens the next sentence as its subject,
        with no comma or possessive after it ("…,” he said. Mr. Reid aims to …" -> Mr. Reid; not "Mr. Putin,
        who …" nor "Mr. Obama’s plans"), holding no quote, and not named in the pronoun's own sentence ("he said
        he fired Flynn. Flynn had …"): a name further in is too often someone else (read by hand on 1,000
        NewsMTSC articles, at7).
        """
        if sent + 1 >= len(self.article.sentences) or is_headline(self.article.sentences[sent + 1]):
            return ""
        following = self.article.sentences[sent + 1].text
        m = _CAPITALIZED_RUN.match(following)
        if m is None or _QUOTED.search(following) or following[m.end() :].startswith(",") or m.group()[-2:-1] in "’'":
            return ""
        run = m.group().rstrip(".")
        titled = " " in run and run.split()[0].lower().rstrip(".") in TITLES
        first = _CONTRACTION.sub("", run.split()[0].lower())
        tags = word_tags()
        if first in stopwords() | PRONOUN_WORDS or (
            " " not in run and (run.lower() in tags or tags.get(run) == "NNPS")
        ):
            return ""  # "But …", "Supporters booed …", "Republicans disagreed": no one person opens the sentence
        name = self.name(run)
        if not name or name.split()[-1].lower() in NO_PERSON_HEADS or run.lower() in TIME_WORDS:
            return ""
        if (run.isupper() and not titled) or title_gender(run) not in ("", gender):
            return ""
        if name.split()[-1] in self.article.sentences[sent].text:
            return ""  # named in the pronoun's own sentence ("he fired Flynn"; his quote): someone he speaks of
        if given_name_gender(name) not in ("", gender) or any(
            t.name == name or name in t.aliases for t in self.targets if t.kind != "person"
        ):
            return ""
        return self._longer_name(name)

    def _asked_before(self, sent: int) -> str:
        """The sentence before if it is a short question of the narrator (at most 6 words, outside quotes), else ""."""
        if sent == 0:
            return ""
        before = self.article.sentences[sent - 1]
        words = before.text.split()
        asked = before.text.rstrip().endswith("?") and len(words) <= 6 and not _QUOTED.search(before.text)
        return before.text if asked else ""

    def role_named_earlier(self, phrase: str, start: int) -> str:
        """A role phrase ("the majority leader") -> the person last named with that title ("Majority Leader X")."""
        words = phrase.split()
        if len(words) < 2 or words[0].lower() not in ("the", "a") or not all(w.islower() for w in words[1:]):
            return ""
        role_words = " ".join(words[1:])
        if not is_role_description("the " + role_words) or not self._writes(role_words):
            return ""  # no role, or the role is never written out before: no scan of the article
        if role_words not in self._roles:  # found once per role and article (the resolver lives for one article)
            hits = role_hits(self.article.text, role_words, lowered=self._letterwise)
            quoted = self._quoted
            outside = [h for h in hits if not any(a < h[0] < b for a, b in quoted)]  # "President Putin" said in a quote
            self._roles[role_words] = RoleHits(outside)
        named = self._roles[role_words].last_before(start)  # named before the phrase, as in text[:start]
        return self.name(named) if named is not None else ""

    def _dated_holder(self, start: int, end: int) -> str:
        """The target that the mention stage gives a bare role phrase by the article's date ("" if none).

        "“…,” the president said" in a US article of September 2019 is President Trump's, even when "President
        Volodymyr Zelensky" was the last person named with the title: the mention stage links the phrase to the
        holder of the national office on the article's date (roles.tsv, rule "role:dated holder", which needs
        the holder named with the title in the article), and the speaker follows it.
        """
        found = self._description_overlapping(start, end)
        if found is None or found.rule != DATED_HOLDER or found.target.kind != "person":
            return ""
        return self.target_name(found.target)

    @functools.cached_property
    def _quoted(self) -> list[tuple[int, int]]:
        """Spans inside quotation marks: a title said inside a quote names no one for a later role phrase."""
        return [m.span() for m in _QUOTED.finditer(self.article.text)]

    def _writes(self, role_words: str) -> bool:
        """Whether the article writes ``role_words`` (lowercased) anywhere; one search per role."""
        if role_words not in self._written:
            self._written[role_words] = role_words in self.lowered
        return self._written[role_words]

    def target_name(self, target: Target) -> str:
        """The longest alias of several words that the article writes, else the target's name (once per target)."""
        if target not in self._target_names:
            self._target_names[target] = next(
                (a for a in sorted(target.aliases, key=len, reverse=True) if " " in a and a in self.article.text),
                target.name,
            )
        return self._target_names[target]

    def previous_subject(self, sent: int, start: int, gender: str, *, lone: bool = False) -> tuple[str, int]:
        """The first person named in the nearest sentence before ``start`` that names one, and its sentence."""
        art = self.article
        for index in range(sent, max(-1, sent - SUBJECT_SENTENCES), -1):
            s = art.sentences[index]
            if is_headline(s):
                continue
            chunk = art.text[s.start : min(s.end, start)] if index == sent else s.text
            if index == sent and gender and fronted_participle(chunk):
                self.notes += FRONTED_NOTE  # "Asked about Otto Warmbier, …, he said": not Warmbier
                continue
            lead = s.start + len(chunk) - len(chunk.lstrip())
            opening = self._description_overlapping(lead, lead + 1) if gender else None
            if (
                opening is not None
                and opening.start == lead
                and opening.target.kind == "person"
                and (
                    given_name_gender(opening.target.name) in ("", gender)  # "The tycoon had mocked Ford. … he"
                )
            ):
                self.notes += DESCRIPTION_NOTE
                return self.target_name(opening.target), index
            chunk = _QUOTED.sub(lambda m: " " * len(m.group()), chunk)
            opener = _PRONOUN_OPENS.match(chunk)  # rule "pronoun-chain" (at8): "He said that Jeb Bush …" names
            if gender and opener and _GENDERS[opener.group(1).lower()] == gender and says(chunk[opener.end() :]):
                continue  # someone he speaks of, not him
            for m in _CAPITALIZED_RUN.finditer(chunk):
                first = _CONTRACTION.sub("", m.group().split()[0].lower())  # "It's", "They're"
                if first in PRONOUN_WORDS or (
                    m.start() == 0 and (first in stopwords() or first in ("in", "addition", "however"))
                ):
                    continue
                before = chunk[: m.start()].split()
                if chunk[m.start() - 1 : m.start()] in ("'", "‘") and m.start() > 0:
                    continue  # rule "single-quoted": a name in single marks is a coined term ("the 'Reid Rule'")
                titled = m.group().split()[0].lower().rstrip(".") in TITLES and " " in m.group()
                if (before and before[-1].lower() in BEFORE_NO_PERSON and not titled) or m.group().isupper():
                    continue  # "the …", and places: "spoken in Rehoboth Beach, Del." names no speaker
                role_after = _ROLE_THEN_NAME.match(chunk, m.end())
                if role_after and role_after.group(1) in EMPLOYEE_ROLES | ROLE_WORDS:
                    continue  # rule "employer-before-role" (at5): "Fox News host Megyn Kelly" names Megyn Kelly
                name = self.name(m.group())
                if gender and name and not_a_name(m.start(), name) and not _CAPITALIZED_RUN.search(chunk, m.end()):
                    self.notes += NOT_NAME_NOTE * (NOT_NAME_NOTE not in self.notes)  # "Furiously, and in capitals."
                    continue
                if name and name.split()[-1].lower() in NO_PERSON_HEADS:
                    continue  # "Memorial Medical Center", "Miami-Dade County": no person
                if gender and title_gender(m.group()) not in ("", gender):
                    continue  # rule "title-gender" (at6): "she" is not "Mr. Kerry" (the title inside the run)
                if not name or (
                    gender
                    and (
                        (title_gender(m.group()) if name in self.title_skips else "")  # "Mr. Biden" (at10)
                        or self.genders.get(name)
                        or self._given_before(name)
                        or name_gender(chunk, m.start(), name, gender)
                    )
                    != gender
                ):
                    if (
                        name
                        and gender
                        and name not in self.genders
                        and (given_name_gender(name) or self._given_before(name)) not in ("", gender)
                    ):
                        self.given_skips += 1  # rule "pronoun-gender" (at5): named in the evidence
                    continue  # "he" is not "Ms. Pelosi" nor "Nancy Pelosi" (given names: people_words.tsv)
                if any(t.name == name or name in t.aliases for t in self.targets if t.kind != "person"):
                    continue
                alone = len(name.split()) == 1 and name not in self._names_by_last
                after = _NEXT_COMMA_OR_WORD.match(chunk[m.end() :])
                subject = m.start() == 0 and after is not None and after.group(1) not in FUNCTION_WORDS
                # rule "same-sentence-subject" (attrib4): "Aronberg would not comment, but … he pointed out"
                subject = subject or (
                    index == sent and m.start() == 0 and after is not None and after.group(1) in SUBJECT_AUXILIARIES
                )
                if alone and not (lone or subject) and not any(name in t.aliases for t in self.targets):
                    continue  # a lone capitalized word that is no clause's subject and never a full name: a place?
                if name in self.title_skips and title_gender(m.group()):
                    self.notes += TITLE_GENDER_NOTE  # "Mr. Biden", not "Jill Biden" (rule "title-gender", at10)
                    return name, index
                self.notes += FIRST_BEARER_NOTE * (name in self.bearers and len(name_words(m.group())) == 1)
                return self._longer_name(name), index
        return "", -1

    def _given_before(self, name: str) -> str:
        """:func:`given_before` of ``name`` in the article, once per name (the resolver lives for one article)."""
        if name not in self._given:
            self._given[name] = given_before(self.article.text, name)
        return self._given[name]

    def _longer_name(self, name: str) -> str:
        """The first registry name that ends with ``name`` (a surname: by lookup), else ``name``."""
        if " " not in name:
            return next(iter(self._names_by_last.get(name, ())), name)
        return self._names_by_suffix.get(name, name)

    @functools.cached_property
    def _names_by_suffix(self) -> dict[str, str]:
        """Each ending of a registry name after one of its spaces -> the first name that ends so."""
        index: dict[str, str] = {}
        for n in self.names:
            for i, char in enumerate(n):
                if char == " ":
                    index.setdefault(n[i + 1 :], n)
        return index

    def remember(self, sent: int, name: str, phrase: str, *, nested: bool = False) -> None:
        """Record a resolved speaker (for the pronoun and same-role rules of later quotes).

        ``nested``: the speaker is named inside another speaker's words (rule "outer-speaker", at9).
        """
        if name:
            if nested:
                self.nested.add(len(self.history))
            gender = phrase_gender(phrase) or self.genders.get(name, "")
            if gender:
                self.genders[name] = gender
            self.history.append((sent, name, gender, phrase))
            words = phrase.split()
            if words:
                self._same_role.setdefault(words[-1].lower(), LastTwo()).add(name, phrase.lower())
