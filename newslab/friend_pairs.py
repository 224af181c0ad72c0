"""Rule "a and b became friends": each of two actors holds favor toward the other, or the speaker claims it.

:func:`friend_rows` reads the rule in one sentence; the stance stage (:mod:`newslab.stance`) makes its rows.
Moved here unchanged from :mod:`newslab.stance` (issue 23, branch st9) to keep that module short.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newslab.actors import Actor, ActorsBySentence, entity
from newslab.attribution import Quote
from newslab.document import Sentence
from newslab.targets import Target

#: Score of a row of the rule "a and b became friends" (each holds favor toward the other, or the speaker's
#: claim): the polarity of the cue nouns "friend" and "friendship" in stance_cues.tsv (set by hand there).
FRIENDS_SCORE = 0.8

#: Rule "a and b became friends" (mutual positive stance); ``(?<!...)``: "a" starts at a word's start, so a long
#: word is scanned once, not per letter.
_FRIENDS = re.compile(
    r"(?<![\w’'-])(?P<a>[\w’'-]+)\s+and\s+(?P<b>[\w’'-]+)\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:become|are|were|remained)\s+(?:good\s+|close\s+)?friends"
)

#: One row of the rule: holder, holder kind, target actor, score, cue words, holder rule, target rule.
FriendRow = tuple[str, str, Actor, float, list[str], str, str]


def friend_rows(
    sent: Sentence,
    actors_by_sentence: ActorsBySentence,
    quote_at: Callable[..., Quote | None],
    speaker_name: Callable[[Quote], str],
    targets: Sequence[Target],
) -> list[FriendRow]:
    """The rows of rule "a and b became friends" in ``sent``, in the order the stance stage adds them.

    "Trump and Rutte had become friends" gives Trump -> Rutte and Rutte -> Trump favor ("mutual"); "Trump said he
    and Rutte had become friends" is the speaker's claim, held by the speaker only.
    """
    out: list[FriendRow] = []
    # the rule's pattern ends in the literal "friends": a sentence without it is not scanned
    for fm in _FRIENDS.finditer(sent.text) if "friends" in sent.text else ():
        pair = []
        actors = actors_by_sentence[sent.index]
        for g in ("a", "b"):
            start = sent.start + fm.start(g)
            actor = next((a for a in actors if a.start <= start < a.end), None)
            quote = quote_at(start, "indirect")
            if (
                actor is not None
                and actor.label == "he"
                and quote is not None
                and fm.start(g) == quote.start - sent.start
            ):
                pair.append((speaker_name(quote), actor))  # "Trump said he and Rutte ...": he = the speaker
            elif actor is not None:
                pair.append((entity(actor), actor))
            elif fm.group(g)[:1].isupper():
                word = re.sub(r"[’']s$", "", fm.group(g))
                pair.append((word, Actor(word, start, start + len(word))))
        said = quote_at(sent.start + fm.start())
        speaker = speaker_name(said) if said is not None else ""
        words = ["become friends"]
        if len(pair) == 2 and speaker in (pair[0][0], pair[1][0]):
            # "Trump said he and Rutte had become friends": the speaker's claim, held by the speaker only
            (ha, aa), (hb, ab) = pair if pair[0][0] == speaker else pair[::-1]
            out.append((ha, "speaker", ab, FRIENDS_SCORE, words, "speaker's claim (a and b became friends)",
                        "the other of the two"))  # fmt: skip
        elif len(pair) == 2:
            (ha, aa), (hb, ab) = pair
            rule = "mutual (a and b became friends)"
            out.append((ha, "actor", ab, FRIENDS_SCORE, words, rule, "mutual"))
            out.append((hb, "actor", aa, FRIENDS_SCORE, words, rule, "mutual"))
            if aa.target is None and ha != aa.label:
                for t in targets:
                    if ha in t.aliases or ha == t.name:
                        out.append((hb, "actor", Actor(t.name, aa.start, aa.end, target=t), FRIENDS_SCORE, words,
                                    rule, "mutual"))  # fmt: skip
    return out


__all__ = ["FRIENDS_SCORE", "friend_rows"]
