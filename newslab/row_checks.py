"""Checks that a stance row stands before it is made: rules of issue 23's round 4 (branch sq3).

The stance rules find a cue, a holder and a target; these checks drop the row when the sentence shows
that the cue is no position of that holder toward that target: a poll share ("had the support of 28
percent"), criticism the holder pushes back ("moved to tamp down criticism that ..."), an act avoided
("steer clear of attacking"), a news outlet or an office relaying a quote, and a quote whose only
judging words are someone's own attitude act ("gets his support", "Sanders has endorsed Clinton"); since
round 6 (branch sq5) also a subject nobody is ("No women have accused him"), the questioning of a
person ("questioned Brennan at the hearing") and a rival in a race ("Abrams' opponent in the race"). A
row they drop has no evidence; each rule is named here, in docs/voices.md (branches sq3, sq5) and in the
tests (tests/test_row_checks.py, tests/test_stance_sq5.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from newslab.cues import cue_forms, load_cues
from newslab.holders import pressure_not_favor, speaker_judges
from newslab.lexicons import rule_words

#: Verbs that push criticism back ("tamp down criticism", "rebut the accusations"): the holder defends the target.
COUNTERS = frozenset(rule_words("row_checks.COUNTERS"))
#: Words between a pushing-back verb and the cue ("tamp down the criticism", "push back against such attacks";
#: set by hand: a particle, a preposition and a determiner fit).
COUNTER_GAP = 3
#: Verbs of an act avoided or held back ("steer clear of attacking", "withholding his endorsement").
AVOIDING = frozenset(rule_words("row_checks.AVOIDING"))
#: News outlets (capitalized as written): as the speaker of a quote they pass on, they hold no stance by it.
NEWS_OUTLETS = frozenset(rule_words("row_checks.NEWS_OUTLETS"))
#: Words that end a phrase naming a news outlet ("The Sun newspaper", "a local TV station").
OUTLET_NOUNS = frozenset({"newspaper", "magazine", "network", "tabloid"})
#: Rule "an office speaks for its principal" (:func:`speaker_relays`) switched on or off. Off in the package: it removed
#: 10 wrong White House/officials speaker rows of the spent hand-check parts and 11 of 12 such rows in the 1,000
#: rebuilt articles, but on the untouched part of round 4 (untouched5, judged once) its one removal was right
#: ("officials said Bergdahl had served with honor"), and the same sentence lowered the opinion precision on test4
#: (0.800 -> 0.795; docs/voices.md, branch sq3).
ENABLED = {"an office speaks for its principal": False}
#: Words of an office, its officials or a campaign speaking for its principal ("White House officials said ...").
OFFICES = frozenset(rule_words("row_checks.OFFICES"))
#: Offices named by two words (read in the holder's lowercased words).
OFFICE_PHRASES = ("white house",)
#: Possessive pronouns: "his support" is the support of the one "his" names, not of the quote's speaker.
POSSESSIVES = frozenset({"his", "her", "their", "its"})
#: Personal pronouns, capitalized at a quote's start: "We support him" is the speaker's side (or shared), kept.
PERSONAL = frozenset(rule_words("row_checks.PERSONAL"))
#: Words that may stand between a name and its act ("Manafort not challenging", "Sanders has endorsed").
ACT_GAP_WORDS = frozenset(rule_words("row_checks.ACT_GAP_WORDS"))
#: Adjectives that make a question an attack ("heated questions", "pointed questioning"): rule "questioning a person".
HOSTILE_QUESTIONS = frozenset(rule_words("row_checks.HOSTILE_QUESTIONS"))
#: Words before the cue read for an adjective of :data:`HOSTILE_QUESTIONS` ("faced sharp, hostile questions").
HOSTILE_GAP = 3
#: Words at most between a question verb and the person it questions ("questioned former FBI Director Comey"; a title
#: run fits, set by hand).
QUESTIONED_GAP = 4
#: Words of an electoral contest ("race", "primary", "gubernatorial"): rule "a rival in a race".
RACE_CONTEXT = frozenset(rule_words("row_checks.RACE_CONTEXT"))
#: Relation nouns of one rival (stance_rules.RELATION_NOUNS): "X is Y's opponent in the race". Not the plural:
#: "Trump's opponents in the primary attacked him" is a group that acts.
RIVAL_NOUNS = frozenset({"opponent"})
_QUESTION = re.compile(r"\b[Qq]uestion(?:s|ed|ing)?\b")  # the cue forms of "question" (stance_cues.tsv)
_NOBODY = re.compile(r"(?:^\W*|[,;:]\s*|\b(?:that|and|but)\s+)(?:[Nn]o|[Nn]one\s+of\s+the)\s+(?:[\w’'-]+\s+){1,3}$")
_POLL_SHARE = r"\s+(?:of|from)\s+(?:about\s+|nearly\s+|roughly\s+|some\s+|just\s+|only\s+|almost\s+)?\d"
_WORD = re.compile(r"[\w’'-]+")


def poll_share(sentence: str, cue_words: Sequence[str]) -> bool:
    """Rule "a poll share is no stance": a cue followed by "of/from" and a number ("the support of 28 percent").

    Example:
        >>> s = "Trump had the support of 28 percent of likely caucus-goers, with Cruz at 23 percent."
        >>> poll_share(s, ["support"]), poll_share("Trump had the support of Cruz.", ["support"])
        (True, False)
    """
    if not any(ch.isdigit() for ch in sentence):
        return False
    return any(re.search(rf"\b{re.escape(_cue_word(w))}{_POLL_SHARE}", sentence, re.IGNORECASE) for w in cue_words if w)


def pushed_back(sentence: str, score: float, cue_words: Sequence[str]) -> bool:
    """Rule "criticism pushed back": an against cue that stands right after a verb of :data:`COUNTERS`.

    "The campaign moved to tamp down criticism that the nominee is flip-flopping": the holder counters the
    criticism, so it is no position against the target.

    Example:
        >>> s = "Pence said the campaign moved to tamp down criticism that Trump is flip-flopping."
        >>> pushed_back(s, -1.0, ["criticism"]), pushed_back("Pence voiced criticism of Trump.", -1.0, ["criticism"])
        (True, False)
    """
    return score < 0 and _after_word(sentence, cue_words, COUNTERS)


def avoided_act(sentence: str, cue_words: Sequence[str]) -> bool:
    """Rule "an avoided act": the cue stands right after a verb of :data:`AVOIDING` ("steer clear of attacking").

    "Obama has steered clear of attacking Assad's regime", "withholding his endorsement from Ryan": an act not
    done shows no position (neither the act's nor its opposite).

    Example:
        >>> avoided_act("Obama steered clear of attacking Assad's regime.", ["attacking"])
        True
        >>> avoided_act("Obama kept attacking Assad's regime.", ["attacking"])
        False
    """
    return _after_word(sentence, cue_words, AVOIDING)


def _after_word(sentence: str, cue_words: Sequence[str], words: frozenset[str]) -> bool:
    """Whether a cue word stands at most :data:`COUNTER_GAP` words after a word of ``words`` in the sentence."""
    low = sentence.lower()
    if not any(w in low for w in words):
        return False
    for w in cue_words:
        cue = re.escape(_cue_word(w).lower())
        for m in re.finditer(rf"\b{cue}\b", low):
            before = _WORD.findall(sentence[: m.start()])[-(COUNTER_GAP + 1) :]
            hits = [k for k, b in enumerate(before) if b.lower() in words]
            # the gap holds no name and no possessive: "dismissed Mr. Trump's attacks" is Trump's act, not pushed back
            if hits and all(b.islower() and not b.endswith(("'s", "’s")) for b in before[hits[-1] + 1 :]):
                return True
    return False


def row_stands(
    text: str,
    sentence: tuple[int, int],
    target: tuple[int, int],
    score: float,
    cue_words: Sequence[str],
    kind: str = "actor",
) -> bool:
    """Whether a cue row toward the target mention at ``target`` stands in the sentence at ``sentence``.

    Offsets are into ``text``; ``kind`` is the holder's kind ("speaker", "actor", "author"). No rule here, and not
    sq's "pressure is no favor" (:func:`newslab.holders.pressure_not_favor`), drops it.

    Example:
        >>> t = "Obama blasted Senate Republicans. Obama steered clear of attacking Assad."
        >>> row_stands(t, (0, 33), (20, 32), -1.0, ["blasted"]), row_stands(t, (34, 73), (67, 72), -1.0, ["attacking"])
        (True, False)
    """
    if score > 0 and pressure_not_favor(text, sentence[0], target[0], target[1], cue_words):
        return False  # "encouraging Clinton to return the money": pressure, not support (holders.py, sq)
    sent = text[sentence[0] : sentence[1]]
    if poll_share(sent, cue_words) or pushed_back(sent, score, cue_words) or avoided_act(sent, cue_words):
        return False
    if kind != "speaker" and open_question(sent):
        return False  # "So is he now a fan of NATO?": the writer asks, nobody holds the position (st8)
    target_in = (target[0] - sentence[0], target[1] - sentence[0])
    return not (
        nobody_acts(sent, score, cue_words)
        or questioning_a_person(sent, target_in, score, cue_words)
        or rival_in_race(sent, score, cue_words)
    )


def rival_in_race(sentence: str, score: float, cue_words: Sequence[str]) -> bool:
    """Rule "a rival in a race": "opponent" in a sentence about an electoral contest names a rival, no attitude.

    "Kemp is Abrams' Republican opponent in the gubernatorial race": the relation noun gives no row there
    (a row of another cue in the sentence, "Kemp attacked Abrams", stands). Contest words: :data:`RACE_CONTEXT`.

    Example:
        >>> rival_in_race("Kemp is Abrams' Republican opponent in the gubernatorial race.", -0.8, ["opponent"])
        True
        >>> rival_in_race("Kemp is a fierce opponent of Abrams's plan.", -0.8, ["opponent"])
        False
    """
    if score >= 0 or not cue_words or cue_words[0].lower() not in RIVAL_NOUNS:
        return False
    return any(w.lower() in RACE_CONTEXT for w in _WORD.findall(sentence))


def nobody_acts(sentence: str, score: float, cue_words: Sequence[str]) -> bool:
    """Rule "nobody acts": a cue whose subject opens with "no" or "none of the" gives no row at all.

    "No women have accused him": no holder did the act, so no one holds a position (the stance rules' rule
    "few" makes the row neutral; "Few Republicans criticized Trump" keeps its neutral row, some did).

    Example:
        >>> nobody_acts("No women have accused him of it.", 0.0, ["few … accused"])
        True
        >>> nobody_acts("Few Republicans criticized Trump.", 0.0, ["few … criticized"])
        False
    """
    if score != 0 or not cue_words or not cue_words[0].startswith("few"):
        return False
    cue = re.escape(_cue_word(cue_words[0]))
    return any(_NOBODY.search(sentence, 0, m.start()) for m in re.finditer(rf"\b{cue}\b", sentence))


def questioning_a_person(sentence: str, target: tuple[int, int], score: float, cue_words: Sequence[str]) -> bool:
    """Rule "questioning a person": to question someone (a witness, a suspect, a nominee) is no stance by itself.

    "Republicans questioned Brennan at the hearing", "before he is questioned by investigators", "Wray faced
    questions from House Republicans", "the questioning of Comey": a question verb or noun whose target is the
    person, right after it or before it (the passive, "faced questions"), gives no row. Kept: questioning
    something of the person's ("questioned Trump's fitness", "questioned the legitimacy of Trump"), and
    questions made an attack by an adjective of :data:`HOSTILE_QUESTIONS` ("faced heated questions from").
    Offsets are into ``sentence``.

    Example:
        >>> s = "Republicans questioned Brennan at the hearing."
        >>> questioning_a_person(s, (23, 30), -1.0, ["questioned"])
        True
        >>> s = "Clinton questioned Trump's fitness."
        >>> questioning_a_person(s, (19, 24), -1.0, ["questioned"])
        False
        >>> s = "Wray faced heated questions from House Republicans."
        >>> questioning_a_person(s, (0, 4), -1.0, ["questions"])
        False
    """
    if score >= 0 or not cue_words or _QUESTION.fullmatch(_cue_word(cue_words[0])) is None:
        return False
    if sentence[target[1] : target[1] + 2] in ("’s", "'s"):
        return False  # "questioned Trump's fitness": something of his is doubted
    for m in _QUESTION.finditer(sentence):
        if m.end() <= target[0]:
            gap = _WORD.findall(sentence[m.end() : target[0]])
            lowered = [w.lower() for w in gap]
            if len(gap) > QUESTIONED_GAP or (lowered != ["of"] and {"of", "about", "whether", "if"} & set(lowered)):
                continue  # "questioned the legitimacy of Trump": no person questioned
        elif m.start() < target[1]:
            continue
        hostile = _WORD.findall(sentence[: m.start()])[-HOSTILE_GAP:]
        if not any(w.lower() in HOSTILE_QUESTIONS for w in hostile):
            return True
    return False


def speaker_relays(holder: str, score: float = 1.0) -> str:
    """The rule by which the speaker of a quote relays rather than judges, or "" (then the speaker row may stand).

    Rule "a news outlet passes on": the speaker names a news outlet (:data:`NEWS_OUTLETS`, "CNN", "CNBC John
    Harwood", "The Sun newspaper"): it relays what others said or what happened. Rule "an office speaks for its
    principal": the speaker is an office, its officials or a campaign (:data:`OFFICES`, "White House", "Justice
    Department officials", "The Obama campaign") and the quote's tone is favorable (``score`` > 0): it announces
    and describes its principal's acts and plans ("said Obama was committed to working with Republicans",
    "Sessions is in good spirits"), no position toward the names in them; an office's unfavorable words ("the White
    House says Trump deserves condemnation") keep their row. Cue words ("the White House blasted X") are read by
    the cue rules, not by these.

    The office rule is off in the package (:data:`ENABLED`).

    Example:
        >>> speaker_relays("CNBC John Harwood"), speaker_relays("Justice officials"), speaker_relays("Rubio")
        ('a news outlet passes on', '', '')
        >>> ENABLED["an office speaks for its principal"] = True
        >>> speaker_relays("Justice officials"), speaker_relays("White House", -0.6)
        ('an office speaks for its principal', '')
        >>> ENABLED["an office speaks for its principal"] = False
    """
    words = _WORD.findall(holder)
    if any(w in NEWS_OUTLETS for w in words) or (bool(words) and words[-1].lower() in OUTLET_NOUNS):
        return "a news outlet passes on"
    low = " ".join(words).lower()
    if not ENABLED["an office speaks for its principal"] or score <= 0 or "former" in low.split():
        return ""  # (off); against words are a stance; "A former CIA official": his own
    if any(w.lower() in OFFICES for w in words) or any(p in low for p in OFFICE_PHRASES):
        return "an office speaks for its principal"
    return ""


def speaker_row_stands(verb: str, holder: str, quote_text: str, words: Sequence[str], score: float) -> bool:
    """Whether a speaker-of-a-quote row stands: the speaker judges, does not relay, and the act is not another's.

    sq's :func:`newslab.holders.speaker_judges` (no source passing on, no race words) on the judging words that are
    no :func:`own_wish`, then :func:`speaker_relays` (a news outlet; an office, when on) and :func:`someones_own_act`
    ("gets his support"). No judging word left: no row.

    Example:
        >>> speaker_row_stands("said", "Rubio", "Clinton is a great friend", ["great", "friend"], 0.6)
        True
        >>> speaker_row_stands("said", "CNN", "Clinton is a great friend", ["great", "friend"], 0.6)
        False
    """
    words = [w for w in words if not own_wish(quote_text, w)]  # "they hope to end the race": no judgement (st8)
    return (
        speaker_judges(verb, words, holder)
        and not speaker_relays(holder, score)
        and not someones_own_act(quote_text, words, score)
    )


@functools.cache
def _attitude_forms() -> frozenset[str]:
    """The word forms of the stance cues that take a side (polarity not 0): "support", "criticism", "endorsed"."""
    return frozenset(form for form, cue in cue_forms(load_cues()).items() if cue.polarity and " " not in form)


def _attitude(word: str) -> bool:
    """A stance cue form, or an -ing/-ed/-s form of a cue ("challenging" of "challenge")."""
    forms = _attitude_forms()
    if word in forms:
        return True
    for suffix in ("ing", "ed", "es", "s"):
        stem = word.removesuffix(suffix)
        if stem != word and (stem in forms or stem + "e" in forms):
            return True
    return False


def someones_own_act(quote_text: str, words: Sequence[str], score: float = 1.0) -> bool:
    """Rule "someone's own attitude act": every judging word of a quote is a stance cue with its owner before it.

    The owner is a possessive pronoun right before the word ("gets his support") or a capitalized name with at
    most a negation or an auxiliary between ("Sanders has endorsed Clinton"): the quote tells that person's
    position, and the speaker who relays it takes none toward the target by it. Words that judge ("Trump lied",
    "a great friend") are no stance cues and keep the row, and so does an unfavorable tone (``score`` <= 0): to say
    that someone threatened or accused is to accuse them ("Fox News ... saying Lewandowski had threatened to ramp up
    the attacks", "Reid needs to put up or shut up with his accusations").

    Example:
        >>> someones_own_act("Clinton becomes the nominee and gets his support", ["support"])
        True
        >>> someones_own_act("Sanders has endorsed Clinton", ["endorsed"])
        True
        >>> someones_own_act("Lewandowski had threatened to ramp up the attacks", ["threatened"], -0.5)
        False
        >>> someones_own_act("we support Clinton fully", ["support"]), someones_own_act("Trump lied", ["lied"])
        (False, False)
    """
    if not words or score <= 0:
        return False
    tokens = _WORD.findall(quote_text)
    for w in words:
        word = w.removesuffix(" (negated)").lower()
        if " " in word or not _attitude(word):
            return False
        places = [k for k, t in enumerate(tokens) if t.lower() == word]
        if not places or not all(_owner_before(tokens, k) for k in places):
            return False
    return True


def _owner_before(tokens: Sequence[str], k: int) -> bool:
    j = k - 1
    while j >= 0 and tokens[j].lower() in ACT_GAP_WORDS:
        j -= 1
    if j < 0:
        return False
    if j == k - 1 and tokens[j].lower() in POSSESSIVES:
        return True
    low = re.split(r"[’']", tokens[j].lower())[0]  # "They're" is "they"
    return tokens[j][:1].isupper() and low not in POSSESSIVES and low not in PERSONAL and k - j <= 2


def _cue_word(cue: str) -> str:
    """The cue's own first word: "critical" of "critical of", "criticized" of "not criticized".

    The rows add prefixes ("not", "few", an ellipsis) to the cue's words; they are skipped.
    """
    words = [w for w in _WORD.findall(cue) if w.lower() not in ("not", "few")]
    return words[0] if words else cue


#: Auxiliary verbs that open a yes/no question, and the words that may stand before one: rule "open question".
QUESTION_OPENERS = frozenset(rule_words("row_checks.QUESTION_OPENERS"))
QUESTION_LEADS = frozenset(rule_words("row_checks.QUESTION_LEADS"))
_QUOTE_MARKS = re.compile(r"[“”\"‘’]|(?:^|\s)'|'(?:\s|$)")  # a quote mark (an apostrophe inside a word is none)


def open_question(sentence: str) -> bool:
    """Rule "open question": a yes/no question outside quote marks asserts no position of anyone in it.

    "So is he now a fan of NATO?", "Will Republicans back him?": the sentence ends in "?", holds no quote mark,
    and its first word (after words of :data:`QUESTION_LEADS`) is an auxiliary of :data:`QUESTION_OPENERS`. A row
    of a quote's speaker is not checked here (a speaker's "Will you shut up, man?" is a position), nor are
    questions with a wh-word ("Why did Trump attack Comey?": they presuppose the act).

    Example:
        >>> open_question("So is he now a fan of NATO?"), open_question("Why did Trump attack Comey?")
        (True, False)
        >>> open_question("Trump praised NATO."), open_question("‘Is he a fan of NATO?’")
        (False, False)
    """
    text = sentence.strip()
    if not text.endswith("?") or _QUOTE_MARKS.search(text):
        return False
    words = [w.lower() for w in re.findall(r"[\w’'-]+", text)[:4]]
    while words and words[0] in QUESTION_LEADS:
        words.pop(0)
    return bool(words) and words[0] in QUESTION_OPENERS


#: Verbs of a wish or plan that judge nobody before "to <verb>": rule "own wish".
WISH_VERBS = frozenset(rule_words("row_checks.WISH_VERBS"))


def own_wish(quote_text: str, word: str) -> bool:
    """Rule "own wish": a judging word of a quote that is a wish verb before "to <verb>" judges nobody.

    "Mr. Trump's advisers say they hope to end the race ... where Ms. Haley has been gaining": "hope" tells the
    advisers' aim, not a view of Haley. Every place of the word in the quote must be such a wish.

    Example:
        >>> own_wish("they hope to end the race next week", "hope"), own_wish("we hope Clinton wins", "hope")
        (True, False)
    """
    low = word.removesuffix(" (negated)").lower()
    if low not in WISH_VERBS:
        return False
    places = list(re.finditer(rf"\b{re.escape(low)}\b(?P<to>\s+to\s+[a-z]+)?", quote_text.lower()))
    return bool(places) and all(p.group("to") for p in places)
