"""Names shared by the mention, quote and stance rules: role words, the name registry, speaker matching.

These helpers sit in a module of their own so that :mod:`newslab.targets`,
:mod:`newslab.quotes` and :mod:`newslab.stance` can all use them without importing each
other's internals.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable
from itertools import compress
from typing import TYPE_CHECKING, Protocol

from newslab.lexicons import rule_words, stopwords

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
    """Multi-word capitalized names in an article, leading role/title words removed.

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


def _add_name(run: list[str], names: set[str]) -> None:
    """Register the last two non-role words of a capitalized run as a name."""
    if len(run) >= 2:
        words = [w for w in run if w.lower() not in ROLE_WORDS]
        if len(words) >= 2:
            # a middle initial keeps its given name: "Michael R. Bloomberg", not "R. Bloomberg"
            keep = 3 if len(words) >= 3 and _INITIAL(words[-2]) else 2
            names.add(" ".join(words[-keep:]))
