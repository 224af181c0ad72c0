"""Naming verbs: the stance "called Trump a wimp" or "described NATO as obsolete" gives is the name's valence.

:func:`naming_polarity` reads the name a naming verb (``stance.NAMING_VERBS``) gives its object; the stance
stage (:mod:`newslab.stance`) uses its valence as the cue's polarity. Moved here unchanged from
:mod:`newslab.stance` (issue 23, branch st9) to keep that module short.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from newslab.actors import Actor
from newslab.lexicons import load_lexicon, rule_words
from newslab.tokenizers import word_spans
from newslab.tone_lexicon import default_prepared, lexicon_hits, lower_tokens

#: Verbs that give their object a name ("called him a wimp", "described NATO as obsolete"): the
#: stance is the valence of the name (:func:`naming_polarity`); their rows in the cue table have polarity 0.
NAMING_VERBS = frozenset(rule_words("stance.NAMING_VERBS"))
#: Words that end the name after a naming verb ("called Trump a wimp *after* the summit"); a name
#: that would start with one of them is none ("called Rutte *on* Monday", "called *for* talks").
NAME_STOPS = frozenset(rule_words("stance.NAME_STOPS"))
NAME_WORDS = 4  # at most this many words after the object are read as the name
NAME_MIN_VALENCE = 0.5  # a name whose lexicon valence sums to less (VADER scale) gives no row
OBJECT_PRONOUNS = frozenset(rule_words("stance.OBJECT_PRONOUNS"))


class Naming(NamedTuple):
    """What a naming verb says (:func:`naming_polarity`).

    The valence of the name in [-1, 1], the words from the object to the end of the name ("Trump a wimp"), the
    offset where the name ends, and the rule ("", or "article before a quoted name": 'called him a “whiner”').
    """

    polarity: float
    words: str
    end: int
    rule: str = ""


def _epithet_valence(name: str) -> float:
    """The valence of judging names VADER lacks ("con artist", "lightweight"; ``name_epithets.tsv``)."""
    epithets = load_lexicon("name_epithets")
    low = f" {' '.join(re.findall(r'[a-z]+(?:[’-][a-z]+)*', name.lower()))} "
    return sum(score for term, score in epithets.items() if f" {term} " in low)


def naming_polarity(text: str, cue_end: int, limit: int, actors: Iterable[Actor] = ()) -> Naming | None:
    """The stance a naming verb gives: the valence of the name it gives its object, and the name.

    After the verb come an optional object (an actor of the sentence or an object pronoun), an
    optional "as", then the name: up to :data:`NAME_WORDS` words, ending before punctuation or a
    word of :data:`NAME_STOPS`. Its valence is the sum of its lexicon words by the tone rules
    (:func:`newslab.tone_lexicon.lexicon_hits`: VADER's lexicon with newslab's news evaluation rows,
    negation included), scaled to [-1, 1] (a sum of 2 is 1). ``None`` when there is no name or its
    valence is below :data:`NAME_MIN_VALENCE`: "called Rutte on Monday" is a phone call, not a stance.

    Example:
        >>> text = "Graham called Trump a wimp after the summit."
        >>> naming_polarity(text, text.index(" Trump"), len(text))
        Naming(polarity=-1.0, words='Trump a wimp', end=26, rule='')
        >>> naming_polarity("Trump called Rutte on Monday.", 12, 29) is None
        True
    """
    pos = cue_end
    obj = next((a for a in actors if a.start >= cue_end and not text[cue_end : a.start].strip()), None)
    if obj is not None:
        pos = obj.end
    else:
        pronoun = re.match(r"\s+([\w’'-]+)", text[cue_end:limit])
        if pronoun and pronoun.group(1).lower() in OBJECT_PRONOUNS:
            pos = cue_end + pronoun.end()
    found = re.match(r"\s+(?:as\s+)?(?:(?:an?|the)\s+(?=[“\"‘']))?[“\"‘']?", text[pos:limit])
    if found is None:
        return None
    start = pos + found.end()
    words: list[re.Match[str]] = []
    for w in re.finditer(r"\w+(?:[’'-]\w+)*|[^\w\s]", text[start:limit]):  # a closing ’ is no part of a word
        if not w.group()[0].isalnum() or w.group().lower() in NAME_STOPS or len(words) == NAME_WORDS:
            break
        words.append(w)
    if not words:
        return None
    end = start + words[-1].end()
    name = text[start:end]
    toks = lower_tokens(name, word_spans(name))
    valence = sum(h.weight for h in lexicon_hits(toks, default_prepared(), contrast=False))
    valence += _epithet_valence(name)
    if abs(valence) < NAME_MIN_VALENCE:
        return None
    if found.group().rstrip()[-1:] in "“\"‘'" and text[end : end + 1] in "”\"’'":
        end += 1  # the closing mark of a quoted name: called NATO “obsolete”
    rule = "article before a quoted name" if re.search(r"\b(?:an?|the)\s+\S$", found.group()) else ""
    return Naming(max(-1.0, min(1.0, valence / 2.0)), text[cue_end:end].strip(), end, rule)


__all__ = ["NAMING_VERBS", "Naming", "naming_polarity"]
