"""Names shared by the mention, quote and stance rules: role words, the name registry, speaker matching.

These helpers sit in a module of their own so that :mod:`newslab.targets`,
:mod:`newslab.quotes` and :mod:`newslab.stance` can all use them without importing each
other's internals.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Container, Iterable, Sequence
from itertools import compress
from typing import TYPE_CHECKING, Protocol

from newslab.lexicons import load_table, rule_words, stopwords

if TYPE_CHECKING:
    from newslab.document import Document

#: A word for the name rules: letters, digits and inner dots/apostrophes/hyphens ("U.S.", "O’Brien").
WORD_PATTERN = r"[\w.’'-]*\w"

#: Lowercase role words that may precede a speaker's name ("NATO spokeswoman Farah Dakhlallah").
ROLE_WORDS = frozenset(rule_words("names.ROLE_WORDS"))
#: Gender of roles and titles, used only to check a she/he speaker against an earlier speaker.
FEMALE_ROLES = frozenset(rule_words("names.FEMALE_ROLES"))
MALE_ROLES = frozenset(rule_words("names.MALE_ROLES"))


class Named(Protocol):
    """Anything with a name and aliases (a :class:`newslab.Target`)."""

    @property
    def name(self) -> str:  # noqa: D102
        ...

    @property
    def aliases(self) -> Iterable[str]:  # noqa: D102
        ...


def speaks_as(speaker: str, target: Named) -> bool:
    """Whether a resolved speaker name is the target ("Donald Trump" or "Trump" for TRUMP).

    Example:
        >>> from newslab.targets import TRUMP
        >>> speaks_as("Donald Trump", TRUMP), speaks_as("Mark Rutte", TRUMP)
        (True, False)
    """
    text = speaker.strip().lower()
    forms = {target.name.lower(), *(a.lower() for a in target.aliases)}
    return bool(text) and (text in forms or target.name.lower() in text.split())


def word_start_alternation(words: Iterable[str], *, before: str = r"[\w-]") -> str:
    r"""``(?<!before)(?:w1|w2|...)`` written so that the regex engine jumps from first letter to first letter.

    The same matches: a pattern that opens with a lookbehind is tried at every offset of a text, one
    whose alternatives open with a literal only where one of those letters stands (sre's charset
    prefix). So each word's first character comes first and the lookbehind follows it, holding that
    character: ``T(?<![\w-]T)rump`` matches where ``(?<![\w-])Trump`` does.

    Example:
        >>> import re
        >>> rx = re.compile(word_start_alternation(["Trump", "TRUMP"]))
        >>> [m.start() for m in rx.finditer("Trump, anti-Trump, TRUMP")]
        [0, 19]
    """
    parts = []
    for w in words:
        first = re.escape(w[:1])
        parts.append(f"{first}(?<!{before}{first}){re.escape(w[1:])}" if w else f"(?<!{before})")
    return "(?:" + "|".join(parts) + ")"


#: ASCII letters whose case-insensitive match is exactly their two cases: "i", "k" and "s" also match
#: "İ"/"ı", the Kelvin sign and "ſ" under ``re.IGNORECASE`` (sre's case fixes), so they are left out.
_TWO_CASE_LETTERS = frozenset("abcdefghjlmnopqrtuvwxyz")


def caseless_word_start_alternation(words: Iterable[str], *, before: str = r"[\w-]") -> str:
    r"""``(?<!before)(?:w1|w2|...)`` matched case-insensitively, written so that sre scans only at first letters.

    Under ``re.IGNORECASE`` sre gets no first-letter shortcut and tries every position of the text.
    Here the words are grouped by first letter and each group is written
    ``T(?<!beforeT)(?i:he ...)|t(?<!beforet)(?i:he ...)``, in their order, outside any global flag:
    the same matches, as a letter other than i/k/s matches exactly its two cases, groups of different
    first letters never match at the same position, and words of any other first character keep the
    plain form (in one group at the end).

    Example:
        >>> import re
        >>> rx = re.compile(caseless_word_start_alternation(["the alliance", "The Tycoon"]))
        >>> [m.group() for m in rx.finditer("THE ALLIANCE and the tycoon, not anti-the alliance")]
        ['THE ALLIANCE', 'the tycoon']
    """
    words = list(words)
    if "" in words:  # an empty word matches wherever the others do: keep the plain form and its order
        return f"(?<!{before})(?i:{'|'.join(re.escape(w) for w in words)})"
    groups: dict[str, list[str]] = {}
    for w in words:
        first = w[:1].lower()
        groups.setdefault(first if first in _TWO_CASE_LETTERS else "", []).append(w)
    parts = []
    for first, group in groups.items():
        rest = "|".join(re.escape(w[1:] if first else w) for w in group)
        if first:  # a branch per case: sre finds the first letters of an alternation of literals in C
            parts += [f"{c}(?<!{before}{c})(?i:{rest})" for c in (first.upper(), first)]
    if "" in groups:
        parts.append(f"(?<!{before})(?i:{'|'.join(re.escape(w) for w in groups[''])})")
    return "(?:" + "|".join(parts) + ")"


def _structure(pattern: str) -> list[tuple[int, str, int]] | None:
    """The ``(``, ``)`` and ``|`` of a regex outside escapes and sets, with the group depth before each.

    None when a set or group is not closed. A set ends at the first "]" that is not escaped nor right
    after "[" or "[^", as in sre.
    """
    out, depth, i, n = [], 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            i += 1 if pattern[i : i + 1] == "]" else 0
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            if i >= n:
                return None
        elif ch in "()|":
            out.append((i, ch, depth))
            depth += (ch == "(") - (ch == ")")
            if depth < 0:
                return None
        i += 1
    return out if depth == 0 else None


def _leading_words(body: str) -> tuple[list[str], str] | None:
    """``body`` as (alternatives, tail): ``(?:a|b)tail`` -> (["a", "b"], "tail"); any plain sequence -> ([body], "").

    None when it is neither, or when an alternative does not open with a letter of
    :data:`_TWO_CASE_LETTERS` that is not repeated (``t*``), or a part has ``|`` outside a group.
    """
    marks = _structure(body)
    if marks is None:
        return None
    if body.startswith("(?:"):
        close = next(i for i, ch, depth in marks if ch == ")" and depth == 1)
        cuts = [i for i, ch, depth in marks if ch == "|" and depth == 1 and i < close]
        bounds = [2, *cuts, close]
        alternatives = [body[lo + 1 : hi] for lo, hi in itertools.pairwise(bounds)]
        tail = body[close + 1 :]
        if tail.startswith(("*", "+", "?", "{")) or any(ch == "|" and depth == 0 for _, ch, depth in marks):
            return None
    elif any(ch == "|" and depth == 0 for _, ch, depth in marks):
        return None
    else:
        alternatives, tail = [body], ""
    for alt in alternatives:
        if alt[:1].lower() not in _TWO_CASE_LETTERS or alt[1:].startswith(("*", "+", "?", "{")):
            return None
        marks = _structure(alt)
        if marks is None or any(ch == "|" and depth == 0 for _, ch, depth in marks):
            return None
    return alternatives, tail


def compile_caseless(pattern: str) -> re.Pattern[str]:
    r"""``re.compile(pattern, re.IGNORECASE)``, scanned only at its first letters when it opens with ``\b`` and words.

    Under ``re.IGNORECASE`` sre tries every position of the text. A pattern ``\b`` + a letter + a plain
    sequence (``\bthe \d{2}-year-old``), or ``\b(?:un|eu|...)`` + a plain sequence, whose words open
    with letters other than i/k/s (:data:`_TWO_CASE_LETTERS`), is written as an alternation of
    ``U(?<!\wU)(?i:n)|u(?<!\wu)(?i:n)|...`` followed by ``(?i:tail)``: ``\b`` before a word character is
    "no word character before it", such a letter matches exactly its two cases, and the alternatives
    keep their order, so the matches are the same. Any other pattern is compiled as given.

    Example:
        >>> rx = compile_caseless(r"\bthe \d{2}-year-old")
        >>> [m.group() for m in rx.finditer("The 78-year-old, bathe 12-year-old")]
        ['The 78-year-old']
        >>> rx = compile_caseless(r"\b(?:un|eu|european union)\b")
        >>> [m.group() for m in rx.finditer("EU, Un, European Union, fun")]
        ['EU', 'Un', 'European Union']
    """
    parts = _leading_words(pattern[2:]) if pattern.startswith("\\b") else None
    if parts is not None:
        alternatives, tail = parts
        branches = [f"{c}(?<!\\w{c})(?i:{alt[1:]})" for alt in alternatives for c in (alt[0].upper(), alt[0].lower())]
        try:
            return re.compile(f"(?:{'|'.join(branches)})(?i:{tail})")
        except re.error:
            pass  # the plain form below raises the error the user should see
    return re.compile(pattern, re.IGNORECASE)


def name_registry(doc: Document) -> tuple[str, ...]:
    """Multi-word capitalized names in an article, whole (:func:`whole_name`), role and title words left out.

    Computed once per article by the analysis pass (stage "names") and handed to the quote
    and stance stages, which resolve surnames ("Rutte") to these full names.

    Example:
        >>> from newslab.document import Article, parse
        >>> name_registry(parse(Article("a", "", "NATO chief Mark Rutte met Donald Trump. Rutte smiled.")))
        ('Donald Trump', 'Mark Rutte')
    """
    stop = stopwords()
    text = doc.text
    tokens = doc.tokens
    names: set[str] = set()
    texts, starts, ends, sents = tokens.texts, tokens.starts, tokens.ends, tokens.sentences  # the token columns
    # a run is made of capitalized words that are not stopwords; the loop visits the capitalized tokens
    # alone (found in C) and any other token only ends a run: a run goes on where the word before is in it
    run: list[str] = []
    last = -2
    for i in compress(range(len(tokens)), map(str.isupper, map(_first_char, texts))):
        word = texts[i]
        if word.lower() in stop:
            continue  # ends the run, as the next word in it is then no longer the token after the last
        if i != last + 1 or sents[i - 1] != sents[i] or text[ends[i - 1] : starts[i]] != " ":
            _add_name(run, names)
            run = []
        run.append(word)
        last = i
    _add_name(run, names)
    return tuple(sorted(names))


_first_char = operator.itemgetter(slice(0, 1))  # word[:1], mapped in C
_INITIAL = re.compile(r"[A-Z]\.").fullmatch  # a middle initial ("R." in "Michael R. Bloomberg")

#: Words after a surname that belong to the name ("Martin Luther King Jr.", "Donald Trump Jr."): kept at its end.
NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
#: Capitalized words before a name that are no part of it: party and office words ("Democrat Beto O'Rourke",
#: "Former ..."); the whole-name rule stops at them, as at role words and calendar words.
BEFORE_NAME = frozenset(rule_words("names.BEFORE_NAME"))
#: Days and months, no part of a name ("Tuesday Donald Trump"): the stance stage's list, read here as data.
CALENDAR = frozenset(rule_words("holders.CALENDAR"))
#: Titles before a name, lowercase without the dot ("mr", "gen", "speaker"): the quote stage's list, read here as data.
TITLES = frozenset(rule_words("attribution.TITLES"))
#: Words of a whole name without a given name at most ("Los Angeles Times", "Human Rights Watch"); a longer run of
#: capitalized words was a headline or two names run together in the 1,000 rebuilt NewsMTSC articles ("Wisconsin
#: Primary Looms Swelling", "Fox Business Network Ryan"), so it keeps its last two words (set by hand, branch nm).
MAX_WHOLE_WORDS = 3
#: Last words of organization and place names (the speaker stage's lists, read here as data): role, title and party
#: words inside such a name are part of it ("Iranian Foreign Ministry", "Democratic National Committee").
ORGANIZATION_HEADS = frozenset(rule_words("speakers.ORG_HEADS")) | frozenset(rule_words("speakers.PLACE_HEADS"))


@functools.cache
def given_names() -> frozenset[str]:
    """Capitalized given names of either gender or both: ``people_words.tsv`` (kind "given") and ``given_names.tsv``."""
    given = {row["word"] for row in load_table("people_words") if row["kind"] == "given"}
    return frozenset(given | {row["word"] for row in load_table("given_names")})


def whole_name(run: Sequence[str]) -> str:
    """The name a capitalized run of words gives, its title, role, party and date words left out ("" if none).

    Rule "whole name" (issue 23, branch nm):

    - role words at the run's end go ("White House officials");
    - a title right before the last word stays with it, as written ("Mr. Klain", "Speaker Ryan"; :data:`TITLES`);
    - else the name starts after the last role word (:data:`ROLE_WORDS`), title, party or office word
      (:data:`BEFORE_NAME`) or calendar word before the last word; in the name of an organization or place
      (:data:`ORGANIZATION_HEADS`) only after a calendar word ("Iranian Foreign Ministry");
    - when no name of two words is left ("FBI Director Comey"), the registry's earlier rule stands: the last
      two words that are no role words ("FBI Comey");
    - a person's name opens with a given name (:func:`given_names`) or the word before a middle initial: the
      rightmost such word, with the given names right before it ("Martin Luther King Jr.", "Hillary Rodham
      Clinton", "Rudolph W. Giuliani"), so a word before it is no part ("U.S." in "U.S. Donald Trump");
    - a name with no given name is kept whole up to :data:`MAX_WHOLE_WORDS` words ("New York Times", "Human
      Rights Watch"); a longer one keeps its last two words, as before;
    - a suffix ("Jr.") stays at the end.

    Example:
        >>> whole_name("New York Times".split()), whole_name("Mr. Donald Trump".split())
        ('New York Times', 'Donald Trump')
        >>> whole_name("Martin Luther King Jr.".split()), whole_name("Senator Lindsey Graham".split())
        ('Martin Luther King Jr.', 'Lindsey Graham')
    """
    words = list(run)
    while words and words[-1].lower() in ROLE_WORDS:
        words.pop()  # "White House officials": the office, not its officials
    suffix = [words.pop()] if len(words) >= 2 and words[-1] in NAME_SUFFIXES else []
    if len(words) >= 2 and _is_title(words[-2]) and words[-2].lower() not in ROLE_WORDS:
        return " ".join(words[-2:] + suffix)  # "Mr. Klain", "Speaker Ryan": a title and a surname, as written
    organization = bool(words) and words[-1].lower() in ORGANIZATION_HEADS  # "Iranian Foreign Ministry"
    cut = 0
    for i, word in enumerate(words[:-1]):
        low = word.lower()
        if low in CALENDAR or (not organization and (low in ROLE_WORDS or low in BEFORE_NAME or _is_title(word))):
            cut = i + 1
    words = words[cut:]
    if len(words) + len(suffix) < 2:
        return _last_two(run)  # "FBI Director Comey": no whole name; the registry's earlier rule, as before
    given = given_names()
    opens = [i for i in range(len(words) - 1) if words[i] in given or _INITIAL(words[i + 1])]
    if opens:
        first = opens[-1]
        while first > 0 and words[first - 1] in given:
            first -= 1  # "Martin Luther King": the given names before the last one go with it
        words = words[first:]
    elif len(words) > MAX_WHOLE_WORDS:
        words = words[-2:]  # "Wisconsin Primary Looms Swelling", "Fox Business Network Ryan": not one name
    return " ".join(words + suffix)


_NAME_AFTER = re.compile(r"[ \u00a0]([A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*)*)")  # a capitalized run right after


def name_after_role(text: str, phrase: str, end: int, registered: Container[str]) -> str:
    """Rule "name after role": the registered name right after a phrase ending in a lowercase role word, else "".

    A speaker phrase has at most five words (:mod:`newslab.attribution`), so a long role description stops
    before the name it describes: "said former White House chief strategist" + " Steve Bannon". The name
    counts when the article's name registry holds it (:func:`whole_name` of the capitalized run after ``end``).

    Example:
        >>> t = "said former White House chief strategist Steve Bannon."
        >>> name_after_role(t, "former White House chief strategist", 40, {"Steve Bannon"})
        'Steve Bannon'
        >>> name_after_role(t, "former White House chief strategist", 40, {"White House"})
        ''
    """
    words = phrase.split()
    if not words or not words[-1].isalpha() or not words[-1].islower():
        return ""
    run = _NAME_AFTER.match(text, end)
    if run is None:
        return ""
    for written in (run.group(1), run.group(1).rstrip(".")):  # "Steve Bannon." ends a sentence; "Jr." keeps its dot
        name = whole_name(written.split())
        if name in registered:
            return name
    return ""


def _last_two(run: Sequence[str]) -> str:
    """The registry's rule before branch nm: the last two words after the role words ("FBI Comey"), "" if fewer."""
    words = [w for w in run if w.lower() not in ROLE_WORDS]
    if len(words) < 2:
        return ""
    keep = 3 if len(words) >= 3 and _INITIAL(words[-2]) else 2  # "Michael R. Bloomberg", not "R. Bloomberg"
    return " ".join(words[-keep:])


def _is_title(word: str) -> bool:
    """A title before a name ("Mr.", "Gen.", "Speaker"; :data:`TITLES`)."""
    return word.lower().rstrip(".") in TITLES


def _add_name(run: list[str], names: set[str]) -> None:
    """Register the whole name of a capitalized run (:func:`whole_name`)."""
    if len(run) >= 2:
        name = whole_name(run)
        if name:
            names.add(name)
