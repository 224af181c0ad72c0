"""Cue tables: stance cues and reporting verbs, read from the packaged TSV files.

``stance_cues.tsv`` holds the stance cues (and which of them report speech) for
:mod:`newslab.stance`; ``speech_verbs.tsv`` the reporting verbs of the quote rules
(:mod:`newslab.attribution`), each with its class, whether it inverts ("said X") and whether it
takes an addressee ("told reporters"). It is newslab's one list of reporting verbs: the tone model,
stance's "said of" and the coreference of "…,” he said" read their forms from its columns
(:func:`reporting_forms`).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from newslab.errors import LexiconError
from newslab.lexicons import load_table


@dataclasses.dataclass(frozen=True)
class Cue:
    """One stance cue or reporting verb from ``stance_cues.tsv``."""

    cue: str
    polarity: float
    kind: str
    speech: bool
    source: str
    note: str
    author: bool = False  # the author may hold it when no actor stands before it (an evaluative word)


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
                      row.get("note") or "", row.get("author") == "yes")  # fmt: skip
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


@dataclasses.dataclass(frozen=True)
class SpeechVerb:
    """One reporting verb of ``speech_verbs.tsv``: lemma, class and how it takes its speaker."""

    lemma: str
    cls: str
    inverts: bool
    addressee: bool
    bare: bool = True


VERB_CLASSES = ("say", "belief", "warning", "argument", "directive", "attitude")


@functools.cache
def load_speech_verbs(name: str = "speech_verbs") -> Mapping[str, SpeechVerb]:
    """Surface form -> :class:`SpeechVerb` for the packaged table of reporting verbs.

    Args:
        name: Packaged TSV without ``.tsv`` (columns verb, forms, class, inverts, addressee, bare, source);
            rows with empty ``forms`` are read by other rules only (:func:`reporting_forms`).

    Raises:
        LexiconError: If a row lacks a field or names an unknown class.

    Example:
        >>> verbs = load_speech_verbs()
        >>> verbs["told"].lemma, verbs["told"].addressee, verbs["warned"].cls
        ('tell', True, 'warning')
    """
    forms: dict[str, SpeechVerb] = {}
    for row in load_table(name):
        try:
            verb = SpeechVerb(
                row["verb"], row["class"], row["inverts"] == "yes", row["addressee"] == "yes", row["bare"] == "yes"
            )
            surface = row["forms"].split()
        except (KeyError, AttributeError) as err:
            raise LexiconError(
                f"{name}.tsv: bad row {row!r} (need verb, forms, class, inverts, addressee, bare)"
            ) from err
        if verb.cls not in VERB_CLASSES:
            raise LexiconError(f"{name}.tsv: class {verb.cls!r} of {verb.lemma!r}; valid: {list(VERB_CLASSES)}")
        phrase = verb.lemma.split()[1:]  # "point out": forms are written with their particle
        for form in (
            surface if not phrase else [" ".join(row["forms"].split()[i : i + 2]) for i in range(0, len(surface), 2)]
        ):
            forms.setdefault(form.lower(), verb)
    return MappingProxyType(forms)


#: Rules besides the quote rules (:func:`load_speech_verbs`, column ``forms``) that read ``speech_verbs.tsv``:
#: each column lists the forms one rule reads (see the file's header).
REPORTING_READERS = ("tone", "said_of", "after_quote")


@functools.cache
def reporting_forms(reader: str, name: str = "speech_verbs") -> tuple[str, ...]:
    """The reporting-verb forms one rule reads, from its column of the one reporting-verb list, in file order.

    Args:
        reader: ``"tone"`` (tone and the target model), ``"said_of"`` (stance's "X said of Y") or
            ``"after_quote"`` (coreference of "…,” he said"); the quote rules read :func:`load_speech_verbs`.
        name: Packaged TSV without ``.tsv``.

    Raises:
        LexiconError: If ``reader`` is not a column of the table.

    Example:
        >>> "remarked" in reporting_forms("said_of"), "remarked" in reporting_forms("tone")
        (True, False)
    """
    if reader not in REPORTING_READERS:
        raise LexiconError(f"reporting_forms({reader!r}): unknown reader; valid: {list(REPORTING_READERS)}")
    forms: dict[str, None] = {}
    for row in load_table(name):
        if row.get(reader) is None:
            raise LexiconError(f"{name}.tsv: row {row!r} has no column {reader!r}; add it (may be empty)")
        forms.update(dict.fromkeys(row[reader].lower().split()))
    return tuple(forms)
