"""Rule "one-of:group" (at12): "one of them said" names a member of the group the text just named.

"To Democrats, it was the confirmation they had been waiting for. “…,” one of them said." -> Democrats. The group
is the first plural noun of people in the sentence before (outside quotation marks): a capitalized plural the tag
lexicon reads as a plural noun ("Democrats", "Republicans") or a plural of a person noun of ``people_words.tsv``
("senators", "lawmakers"), with the capitalized words right before it ("Republican senators"). No such noun, no
speaker: the phrase stays unresolved, as before.
"""

from __future__ import annotations

import re

from newslab.descriptions import word_tags
from newslab.document import Document
from newslab.people import people_words

#: Speaker phrases this rule resolves (lowercased).
ONE_OF_PHRASES = ("one of them", "one of those")
ONE_OF_RULE = "one-of:group"
_QUOTED = re.compile(r"[“\"‘][^”\"’]*[”\"’]")  # a quotation inside the sentence before: its words name no group
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_PLURAL_TAGS = ("NNS", "NNPS")


def _people_plural(word: str) -> bool:
    """Whether ``word`` is a plural noun of people ("Democrats", "senators"), not of things ("actions")."""
    if not word.endswith("s") or len(word) < 3:
        return False
    singular = word[:-1].lower()
    nouns = people_words()[1]
    if singular in nouns or (word.endswith("ies") and word[:-3].lower() + "y" in nouns):
        return True
    tags = word_tags()
    return word[:1].isupper() and (tags.get(word) in _PLURAL_TAGS or tags.get(word.lower()) in _PLURAL_TAGS)


def one_of_group(doc: Document, sent: int) -> str:
    """The group a "one of them" in sentence ``sent`` is one of: named in the sentence before, else ""."""
    if sent == 0:
        return ""
    before = _QUOTED.sub(lambda m: " " * len(m.group()), doc.sentences[sent - 1].text)
    words = list(_WORD.finditer(before))
    for i, w in enumerate(words):
        if not _people_plural(w.group()):
            continue
        first = i
        while first > 0 and words[first - 1].group()[:1].isupper() and i - first < 2 and first - 1 > 0:
            first -= 1  # "Republican senators"; never the sentence's first word ("Several")
        return before[words[first].start() : w.end()]
    return ""
