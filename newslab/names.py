"""Names shared by the mention, quote and stance rules: role words, the name registry, speaker matching.

These helpers sit in a module of their own so that :mod:`newslab.targets`,
:mod:`newslab.quotes` and :mod:`newslab.stance` can all use them without importing each
other's internals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
    names: set[str] = set()
    run: list[str] = []
    previous = None
    for tok in doc.tokens:
        word = tok.text
        if word[:1].isupper() and word.lower() not in stop:
            adjacent = (
                previous is not None and previous.sentence == tok.sentence and text[previous.end : tok.start] == " "
            )
            if not (adjacent and run):
                _add_name(run, names)
                run = []
            run.append(word)
        elif run:
            _add_name(run, names)
            run = []
        previous = tok
    _add_name(run, names)
    return tuple(sorted(names))


def _add_name(run: list[str], names: set[str]) -> None:
    """Register the last two non-role words of a capitalized run as a name."""
    if len(run) >= 2:
        words = [w for w in run if w.lower() not in ROLE_WORDS]
        if len(words) >= 2:
            # a middle initial keeps its given name: "Michael R. Bloomberg", not "R. Bloomberg"
            keep = 3 if len(words) >= 3 and re.fullmatch(r"[A-Z]\.", words[-2]) else 2
            names.add(" ".join(words[-keep:]))
