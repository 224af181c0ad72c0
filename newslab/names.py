"""Names shared by the mention, quote and stance rules: role words, the name registry, speaker matching.

These helpers sit in a module of their own so that :mod:`newslab.targets`,
:mod:`newslab.quotes` and :mod:`newslab.stance` can all use them without importing each
other's internals.
"""

from __future__ import annotations

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
    Here the words are grouped by first letter and each group is written ``[Tt](?<!before[Tt])(?i:he ...)``,
    in their order, outside any global flag: the same matches, as a letter other than i/k/s matches
    exactly its two cases, groups of different first letters never match at the same position, and
    words of any other first character keep the plain form (in one group at the end).

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
        if first:
            cls = f"[{first.upper()}{first}]"
            parts.append(f"{cls}(?<!{before}{cls})(?i:{rest})")
    if "" in groups:
        parts.append(f"(?<!{before})(?i:{'|'.join(re.escape(w) for w in groups[''])})")
    return "(?:" + "|".join(parts) + ")"


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
    texts = list(map(_text, tokens))
    # the tokens a run is made of (capitalized, not a stopword), found in C; any other token only ends
    # a run, so the loop visits these alone: a run goes on where the candidate before is the token before
    capital = map(str.isupper, map(_first_char, texts))
    stop_word = map(stop.__contains__, map(str.lower, texts))
    run: list[str] = []
    last = -2
    for i in compress(range(len(tokens)), map(operator.gt, capital, stop_word)):  # capital and not stop_word
        tok = tokens[i]
        if i != last + 1 or tokens[i - 1].sentence != tok.sentence or text[tokens[i - 1].end : tok.start] != " ":
            _add_name(run, names)
            run = []
        run.append(texts[i])
        last = i
    _add_name(run, names)
    return tuple(sorted(names))


_text = operator.itemgetter(0)  # a Token's text (Token is a NamedTuple: text, start, end, sentence)
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
