"""Deciding features of the target tone model in words a reader can follow.

The model's evidence names features such as ``L=concern`` or ``nearL_neg_free``; they are exact
but cryptic. :func:`describe_feature` turns one into a reason ("'concern' (a negative judgement)
in the words before Trump"); :func:`reasons` does it for a whole
:class:`~newslab.target_tone.TargetSentiment`. The raw features stay in ``evidence``.

Example:
    >>> describe_feature("C=worried", target="Trump")
    "'worried' (a negative judgement) in the clause about Trump"
    >>> describe_feature("nearL_pos_free", target="Trump")
    'the nearest evaluative word before Trump is positive, with no other name between'
    >>> describe_feature("Aa=denounced", target="Trump")
    "'denounced' (a negative judgement) aimed at another name, not at Trump"
    >>> describe_feature("rule=failing:fell short", target="Republicans")
    "Republicans is failing: 'fell short' (rule failing: a neutral reading made negative)"
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

#: Context-word prefixes: where the word stands relative to the mention.
_WHERE = {
    "L": "in the words before {t}",
    "R": "in the words after {t}",
    "L1": "right before {t}",
    "R1": "right after {t}",
    "L2": "just before {t}",
    "R2": "just after {t}",
    "C": "in the clause about {t}",
    "S": "elsewhere in the sentence",
    "M": "in the mention of {t} itself",
    "Ls": "before {t}, in its clause",
    "Rs": "after {t}, in its clause",
    "Ln": "right before {t}",
    "Rn": "right after {t}",
    "Lxs": "before {t}, across a clause break",
    "Rxs": "after {t}, across a clause break",
    "Lxn": "right before {t}, across a clause break",
    "Rxn": "right after {t}, across a clause break",
    # round 7 (newslab.target_aim, family aim_words): the evaluative word and at whom it is aimed
    "At": "aimed at {t} (said of {t}, {t}'s, or with {t} as its object)",
    "Aa": "aimed at another name, not at {t}",
    # word features of an adapted model (newslab.code_words): only its correction has them
    "code_text": "in the sentence about {t}, learned from your codes",
    "code_clause": "in the clause about {t}, learned from your codes",
    "code_bigram": "in the sentence about {t}, learned from your codes",
}
#: Lexicon-mass scopes (``<scope>_<v|p><pos|neg>``): where the evaluative words are.
_SCOPE = {
    "left": "before {t}",
    "right": "after {t}",
    "near": "within 3 words of {t}",
    "clause": "in the clause about {t}",
    "sent": "in the sentence",
    "mention": "in the mention of {t}",
    "quoted": "inside a quote that does not contain {t}",
    "newslab": "from newslab's news lexicon",
    "own": "closer to {t} than to any other name",
    "other": "closer to another name than to {t}",
    "event": "naming events (war, death), not judgements",
    "event_near": "naming events near {t}",
    "event_far": "naming events far from {t}",
    "speech_about": "in a quote about {t}",
    "speech_own": "in {t}'s own quoted words",
    "speech_other": "in another speaker's quote",
    "irony": "after an irony marker ('as if', 'so-called'): claimed, not granted",
    "demand": "in an act demanded of someone ('must ...', 'urged ... to ...')",
    # round 7: at whom each evaluative word is aimed (newslab.target_aim)
    "aim_pred": "said of {t} ('{t} was ...')",
    "aim_poss": "in what is {t}'s ('{t}'s ...')",
    "aim_obj": "aimed at {t}, its object or in its phrase ('criticized {t}', 'concern about {t}')",
    "aim_agent": "used by {t} of another name ('{t} attacked X')",
    "aim_other": "aimed at another name that stands between them and {t}",
    "aim_subj": "after {t} in its clause, no other name named",
    "aim_xother": "in another clause, about another name",
    "aim_xfree": "in another clause that names no one",
    "aim_toward": "aimed at {t} (said of {t}, {t}'s, or with {t} as their object)",
    "aim_away": "aimed at another name, not at {t}",
}
_FLAGS = {
    "after_by": "{t} follows 'by' (the agent of a passive)",
    "aim_other_share": "the share of the sentence's evaluative words aimed at other names than {t}",
    "blame_agent": "{t} blames someone else ({t} blamed ...)",
    "blame_target": "{t} is blamed (blamed {t}, {t} was blamed, held {t} responsible)",
    "burden_target": "{t} carries blame or pressure ({t} came under fire, enduring the blame)",
    "irony_clause": "an irony marker ('as if', 'so-called') in the clause about {t}",
    "modal_target": "a demand on {t} ({t} must / should ...)",
    "neg_agent": "{t} does something negative (the subject of a negative verb)",
    "neg_patient": "something negative is done to {t} ({t} was criticized)",
    "pressure_agent": "{t} presses someone else ({t} urged ... to)",
    "pressure_target": "{t} is pressed to act (urged {t} to, calls for {t} to)",
    "after_contrast": "{t} comes after 'but'/'however'",
    "before_contrast": "{t} comes before 'but'/'however'",
    "dist_weighted": "evaluative words weighted by their distance to {t}",
    "first": "{t} opens the sentence",
    "in_attributed_speech": "{t} is inside attributed speech",
    "in_quote": "{t} is inside a quote",
    "in_speech": "{t} is inside quoted or reported speech",
    "is_speaker": "{t} is the speaker of a quote",
    "neg_in_clause": "a negation in the clause about {t}",
    "position": "where {t} stands in the sentence",
    "possessive": "{t} is a possessive ({t}'s ...)",
    "pronoun": "{t} is a pronoun",
    "sentence_has_quote": "the sentence contains a quote",
    "speaker_left": "a reporting verb before {t} (... said {t})",
    "speaker_right": "a reporting verb after {t} ({t} said ...)",
}
#: Dense aim indicators of an adapted model (``newslab.code_words`` set ``aim``): ``code_aim=<side>_<sign>``.
_CODE_AIM_SIDE = {"toward": "aimed at {t}", "away": "aimed at another name, not at {t}", "open": "aimed at no one"}
#: Constructions of the rule layer (``newslab.target_rules``), named in the evidence as ``rule=<name>:<words>``.
_RULES = {
    "irony": "an irony marker in the clause about {t}: its praise is claimed, not granted",
    "burden": "{t} carries blame or pressure",
    "blamed": "{t} is blamed",
    "pressed": "a demand is made of {t}",
    "demanded": "a modal demand on {t}",
    "failing": "{t} is failing",
    "bad_act_by": "{t} is the agent of a bad act",
}
_NEAR = re.compile(r"^near([LR])_(pos|neg)_(free|blocked|d(\d+))$")
_MASS = re.compile(r"^(.+)_(v|p)(pos|neg)$")


@functools.cache
def _valence() -> Mapping[str, float]:
    from newslab.tone_lexicon import default_lexicon, pattern_polarity

    out = dict(pattern_polarity())
    out.update({w: v for w, v in default_lexicon().items() if v})
    return out


def _judgement(word: str) -> str:
    value = _valence().get(word.lower())
    if value is None or value == 0:
        return ""
    return " (a negative judgement)" if value < 0 else " (a positive judgement)"


def describe_feature(name: str, *, target: str = "the target") -> str:
    """One model feature as a reason in words (the feature name itself if it is unknown)."""
    t = target
    if name.startswith("rule="):  # the rule layer (newslab.target_rules): "rule=<construction>:<its words>"
        rule, _, words = name[len("rule=") :].partition(":")
        what = _RULES.get(rule, "the construction '" + rule + "'")
        return f"{what.format(t=t)}: '{words}' (rule {rule}: a neutral reading made negative)"
    if name.startswith("code_aim="):
        side, _, sign = name[len("code_aim=") :].partition("_")
        if side in _CODE_AIM_SIDE and sign in ("pos", "neg"):
            shown = "a positive word" if sign == "pos" else "a negative word"
            return f"{shown} {_CODE_AIM_SIDE[side].format(t=t)}, weighed as learned from your codes"
    if "=" in name:
        prefix, word = name.split("=", 1)
        negated = word.startswith("NOT_")
        word = word[4:] if negated else word
        where = _WHERE.get(prefix)
        if where is None:
            return name
        stem = prefix.endswith(("s", "n")) and prefix not in ("S",)
        shown = f"a word like '{word}...'" if stem else f"'{word}'{_judgement(word)}"
        return f"{'negated ' if negated else ''}{shown} {where.format(t=t)}"
    if name in _FLAGS:
        return _FLAGS[name].format(t=t)
    if m := _NEAR.match(name):
        side = "before" if m.group(1) == "L" else "after"
        sign = "positive" if m.group(2) == "pos" else "negative"
        tail = {"free": ", with no other name between", "blocked": ", but another name stands between"}.get(
            m.group(3), f", {m.group(4)} word(s) away"
        )
        return f"the nearest evaluative word {side} {t} is {sign}{tail}"
    if m := _MASS.match(name):
        scope = _SCOPE.get(m.group(1))
        if scope is None:
            return name
        lexicon = "VADER" if m.group(2) == "v" else "TextBlob"
        sign = "positive" if m.group(3) == "pos" else "negative"
        return f"{sign} words ({lexicon} lexicon) {scope.format(t=t)}"
    return name


def reasons(evidence: Iterable[object], *, target: str = "the target") -> list[str]:
    """Reasons in words for a result's evidence (``Feature`` tuples, or strings like ``"L=worried (+0.42)"``)."""
    out = []
    for item in evidence:
        name = getattr(item, "name", None)
        if name is None:
            name = str(item).rsplit(" (", 1)[0]
        out.append(describe_feature(str(name), target=target))
    return out


__all__ = ["describe_feature", "reasons"]
