"""Holder and target of one stance cue: subject, object, passive agent, possessor.

:func:`cue_roles` reads them off the cue's sentence by the rules listed in
:mod:`newslab.stance` (:func:`newslab.subjects.subject_of`, :func:`newslab.object_roles.object_of`, the passive
and group rules). ``ENABLED`` (the switches of these rules) is defined in :mod:`newslab.subjects`, one dict.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newslab.actors import (
    PREPOSITIONS,
    Actor,
    clean_label,
    coordinated_object,
    entity,
    preceded_by_preposition,
    resolve_person,
    resolve_they,
)
from newslab.agent_roles import holder_phrase
from newslab.attribution import Quote
from newslab.clause_roles import (
    modifiers_only,
    name_before,
    opening_name,
    participle_opener,
)
from newslab.compound_holders import compound_holder
from newslab.cues import Cue
from newslab.descriptions import word_tags
from newslab.document import Document
from newslab.holders import clean_holder, speaker_note
from newslab.lexicons import rule_words
from newslab.object_roles import (
    PRONOUN_GENDER,
    PRONOUN_WINDOW,
    TARGET_WINDOW,
    _is_target,
    _tokens,
    object_of,
    pronoun_fits,
    pronoun_named_before,
    pronoun_object,
)
from newslab.subjects import AUTHOR_OF_MEDIUM, AUXILIARIES, ENABLED, ROLE_SUBJECT_RULE, role_subject, subject_of

#: Prepositions after a noun cue that introduce its holder ("support from 33 Democrats").
HOLDER_PREPOSITIONS = ("from", "by", "among")

# Patterns the rules below read at call time, compiled once (each as it was written where it is used).
_WORD = re.compile(r"[\w’'-]+")
_BY_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,3}?\s+by\s+")
_GROUP_AFTER = re.compile(rf"(?:\s+[\w’'-]+){{0,3}}?\s+(?P<prep>{'|'.join(HOLDER_PREPOSITIONS)})\s+")
_POSSESSIVE_GAP = re.compile(r"(?:[’']s)?\s+")
_COMMA_END = re.compile(r",\s*$")
_WORD_COMMA_END = re.compile(r"\w,\s*$")
_GERUND = re.compile(r"\b(by|for)\s+$", re.IGNORECASE)
_POSSESSOR = re.compile(r"[’']s\s+(?:[\w-]+\s+and\s+|(?P<mods>(?:[a-z-]+\s+){1,2}))?$")
_POSSESSIVE_PRONOUN = re.compile(r"\b(his|her|their)\s+(?:[a-z-]+\s+)?$")

#: When a list, :func:`cue_roles` appends ``(cue words, holder, reason)`` for each cue it gives no row
#: (validation/why_no_row.py counts the reasons on the opinion proxy); None in use.
GAVE_UP: list[tuple[str, str, str]] | None = None


def _gave_up(cue: str, holder: str, reason: str) -> None:
    if GAVE_UP is not None:
        GAVE_UP.append((cue, holder, reason))


# Sizes of the phrase rules below (set by hand on the seed sentences and news examples):
SUBJECT_PHRASE_WORDS = 4  # at most this many words of a sentence's unnamed subject phrase ("many NATO allies")
POSSESSOR_GAP = 4  # characters at most between a possessor and its quality noun ("Trump’s success": "’s ")
WORD_CHARS = 40  # characters read for one word at a position (longer than any English word)


#: Verbs that make a following noun cue passive ("viewed with concern by", "met with criticism from").
PASSIVE_FRAMES = re.compile(
    r"\b(?:viewed|seen|met|greeted|received|regarded|treated|watched|followed|observed)\s+with\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _passive(text: str, lo: int, cs: int, after: str, cue: Cue) -> re.Match[str] | None:
    """Rule "passive": a participle cue with "by" ("was criticized by X"), or a noun cue in a passive frame.

    "defend himself against attacks by Clinton" is not passive ("defend" is no participle); a
    noun cue followed by "by" is passive only after "viewed/met/greeted with" ("viewed with
    concern by many allies"); otherwise "by X" after a noun only names its holder ("the threat
    posed by Putin": no target before it).
    """
    by = _BY_AFTER.match(after)
    if by is None:
        return None
    first = _WORD.match(text[cs : cs + WORD_CHARS])
    word = first.group().lower() if first else ""
    if cue.kind == "noun":
        return by if PASSIVE_FRAMES.search(text, lo, cs) else None
    participle = word.endswith(("ed", "en")) or word in ("told", "held", "seen")
    return by if participle else None


#: Verbs that give a noun cue its holder as their subject ("Poland expressed support for NATO").
#: Hand list for newslab from news usage.
LIGHT_VERB = re.compile(
    r"\b(?P<verb>(?:express|voic|offer|giv|gave|show|lend|lent|pledg|signal|reiterat|reaffirm|declar|repeat|"
    r"stat|register|air|vent|renew|heap|paid|pay|took|tak|launch|level|hurl|made|mak)\w*)\s+(?:(?:his|her|their|"
    r"its|the|a|an|strong|full|broad|firm|unwavering|continued|renewed|sharp|harsh|deep|bipartisan|public|open|"
    r"past|mild|fresh|more|new|another|veiled|thinly|parting|lavish|high)\s+){0,3}(?:expressions?\s+of\s+)?$",
    re.IGNORECASE,
)


#: A copula and article before a noun cue: its subject holds the cue ("X has been a vocal critic of Y",
#: "X is a strong supporter of Y"). General English.
COPULA = re.compile(
    r"\b(?:is|was|are|were|been|be|became|become|becomes|remains|remained|remain)\s+(?:a|an|one\s+of\s+the)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


#: Verbs that make the subject the one a noun cue is aimed at ("Trump drew the ire of Iran",
#: "NATO faced criticism from Trump"). Hand list for newslab from news usage.
RECEIVED = re.compile(
    r"\b(?:draw|draws|drew|drawn|drawing|earn|earns|earned|earning|incur|incurs|incurred|face|faces|faced|facing|"
    r"attract|attracts|attracted|receive|receives|received|come under|came under|comes under|"
    r"win|wins|won|winning|garner|garners|garnered|gain|gains|gained|secure|secures|secured)\s+"
    r"(?:(?:the|a|an|much|sharp|harsh|strong|widespread|growing|fresh|bipartisan|international)\s+){0,2}"
    r"(?:(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*[’']s\s+)?$",
    re.IGNORECASE,
)


def _received_roles(
    text: str, lo: int, verb: re.Match[str], cs: int, ce: int, hi: int, actors: list[Actor]
) -> tuple[str, str, Actor, str, str] | None:
    """Rule "received noun": holder after "of/from/by", target the subject of "draw/face/earn".

    "Trump drew the ire of Iran" -> Iran against Trump; "NATO faced criticism from Trump" -> Trump
    against NATO. No holder named, no row ("The plan drew criticism": whose is unknown).
    """
    by = re.match(r"\s+(?:of|from|by|among)\s+", text[ce:hi])
    owner = re.search(r"[’']s\s+$", text[verb.end() : cs])  # "drew Christie’s scorn"
    if by is None and owner is None:
        _gave_up(text[cs:ce], "", "received noun: no of/from/by after it")
        return None
    how = ""  # " (agent head)": rule "agent head" of newslab.agent_roles read the holder
    if by is not None:
        holder, how = holder_phrase(text, ce + by.end(), hi, actors)
    else:
        holder = name_before(text, verb.end(), verb.end() + owner.start(), actors)  # type: ignore[union-attr]
    target, rule = subject_of(text, lo, verb.start(), actors)
    if holder is None or not _is_target(target) or target is None:
        why = "no holder after of/from/by" if holder is None else f"subject of the verb is no target ({rule})"
        _gave_up(text[cs:ce], "" if holder is None else holder.label, f"received noun: {why}")
        return None
    hrule = f"holder after a received noun (drew the ire of X){how}"
    return entity(holder), "actor", target, hrule, f"{rule} of the verb"


#: Subjects inside a quote that stand for its speaker ("I praised", "we support"): the speaker holds.
SPEAKER_SUBJECTS = frozenset(rule_words("cue_roles.SPEAKER_SUBJECTS"))


def _own_subject(text: str, lo: int, quote: Quote | None, cs: int, cue: Cue, actors: list[Actor]) -> Actor | None:
    """Rule "subject of the cue in the quote": a verb cue inside reported words with a named subject of its own.

    "Nadler said Trump demanded the wall": the demand is Trump's, reported by Nadler; "I support
    NATO", "he said he supports NATO": the speaker's own (None here, the speaker holds).
    """
    if quote is None or cue.kind not in ("verb", "phrase", "noun"):
        return None
    if cue.kind == "noun":  # "a Palin endorsement of Trump", "Palin's endorsement": the name before the noun
        before = (a for a in actors if quote.start <= a.start and _POSSESSIVE_GAP.fullmatch(text[a.end : cs]))
        return next(before, None)
    subject, rule = subject_of(text, max(lo, quote.start), cs, actors)
    if subject is None and rule == "no subject next to cue":  # "Mr. Putin, for his part, praised X, aides said"
        subject = opening_name(text, max(lo, quote.start), cs)
    if subject is None or subject.label.lower() in SPEAKER_SUBJECTS | {"what i", "i", "we", "you"}:
        return None
    if rule.startswith("subject (coordinated verb"):
        return None  # "said Obama's decline would help and blasted ...": the verb may be the speaker's own
    if not any(a is subject for a in actors) and not re.fullmatch(r"(?:[A-Z][\w.’'-]+\s?){1,3}", subject.label):
        return None  # an unnamed subject ("the plan"): the speaker's words
    return subject


#: Determiners skipped before the first noun phrase of a sentence ("*Many* protesters marched …").
PHRASE_DETERMINERS = frozenset(rule_words("cue_roles.PHRASE_DETERMINERS"))


def _sentence_subject(text: str, lo: int, pos: int, actors: list[Actor]) -> Actor | None:
    """The subject of the sentence's main clause before ``pos``.

    Its first actor not after a preposition, else its first noun phrase ("Thousands marched …,
    expressing support").
    """
    before = [a for a in actors if lo <= a.start and a.end <= pos and not preceded_by_preposition(text, a.start)]
    if before:
        return before[0]
    tokens = _tokens(text, lo, pos)
    tags = word_tags()
    i = 0
    while i < len(tokens) and tokens[i][0].lower() in PHRASE_DETERMINERS:
        i += 1
    j = i
    while j < len(tokens) and tokens[j][0][:1].isalnum() and j - i < SUBJECT_PHRASE_WORDS:
        low = tokens[j][0].lower()
        tag = tags.get(low, "")
        if j > i and (tag.startswith(("VB", "IN", "MD", "RB")) or low in PREPOSITIONS or low in AUXILIARIES):
            break
        j += 1
    if j == i:
        return None
    return Actor(clean_label(" ".join(t[0] for t in tokens[i:j])), tokens[i][1], tokens[j - 1][2])


def _subject_before(text: str, lo: int, verb_start: int, actors: list[Actor]) -> tuple[Actor | None, str]:
    """Rule "subject of a light verb": the subject of the verb at ``verb_start``.

    After a comma ("…, expressing support"), the subject of the main clause.
    """
    if _COMMA_END.search(text[lo:verb_start]):
        return _sentence_subject(text, lo, verb_start, actors), "subject of the main clause"
    actor, rule = subject_of(text, lo, verb_start, actors)
    return actor, rule


def _gerund_holder(
    text: str, lo: int, prep_start: int, gerund: re.Match[str], actors: list[Actor]
) -> tuple[Actor | None, str]:
    """Rule "by/for + -ing": "X did Y by accusing Z" -> X; "X praised Y for supporting Z" -> Y.

    After "for" the one praised or blamed acts: the actor right before "for" when there is one
    ("condemned Salman Rushdie for insulting"), else the subject ("He was praised for supporting").
    """
    if gerund.group(1).lower() == "for":
        right_before = next((a for a in actors if a.end <= prep_start and not text[a.end : prep_start].strip()), None)
        if right_before is not None:
            return right_before, "object of the main verb (for + -ing)"
    return _sentence_subject(text, lo, prep_start, actors), "subject of the main clause (by/for + -ing)"


TARGET_BEFORE_WORDS = 8  # words at most between a target and a noun cue whose holder follows (news examples)


def _target_before_group_noun(
    text: str, lo: int, cs: int, actors: list[Actor], usable: Callable[[Actor | None], bool]
) -> Actor | None:
    """Rule "target before group noun": the one supported or criticized is named before the noun cue.

    "Mr. Cruz's day began with an announcement of support from Jeb Bush", "X retained his support among
    evangelicals": at most TARGET_BEFORE_WORDS words before the cue or, after "his/her" right before
    it, anywhere before. Not after "by" ("the threat posed by Putin": Putin holds, aimed at nobody named).
    """
    if not ENABLED["target before group noun"]:
        return None
    possessive = re.search(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", text[lo:cs])
    for a in reversed(actors):
        if lo <= a.start and a.end <= cs and usable(a):
            near = len(_WORD.findall(text[a.end : cs])) <= TARGET_BEFORE_WORDS
            return a if near or possessive else None
    return None


def may_give_row(actors: list[Actor]) -> bool:
    """Whether :func:`cue_roles` can find a target among a sentence's ``actors``: False when none is a target.

    Every target :func:`cue_roles` returns is one of the actors it is given that is a target (or stands for
    one's members); the actors it makes itself are none. While :data:`GAVE_UP` collects reasons, every cue is read.

    Example:
        >>> may_give_row([Actor("Graham", 0, 6)]), may_give_row([])
        (False, False)
    """
    return GAVE_UP is not None or any(_is_target(a) for a in actors)


def cue_roles(
    article: Document,
    sent_index: int,
    cue: Cue,
    span: tuple[int, int],
    quote: Quote | None,
    actors: list[Actor],
    speaker_name: Callable[[Quote], str],
    actors_by_sentence: dict[int, list[Actor]],
) -> tuple[str, str, Actor, str, str] | None:
    """Holder and target of one cue: ``(holder, holder_kind, target actor, holder_rule, target_rule)``.

    Holder: the quote's speaker; else the passive agent ("by X") or, after a noun cue, the group
    "from/among X"; else the possessor of an attitude noun; else the subject of the cue
    (:func:`subject_of`), falling back to the nearest actor before the cue that is not the
    object of a preposition; else the author. Target: before a passive cue; the possessor of a
    quality noun; the first target after a noun cue; the object or complement of any other cue
    (:func:`object_of`), and in a quote the subject when the object is none. The holder is never
    the target; no target, no row.
    """
    text = article.text
    sent = article.sentences[sent_index]
    cs, ce = span
    after = text[ce : sent.end]
    passive = _passive(text, sent.start, cs, after, cue)
    group = None
    if cue.kind == "noun":
        group = _GROUP_AFTER.match(after)
    received = RECEIVED.search(text, sent.start, cs) if cue.kind == "noun" and quote is None else None
    if received is not None:
        return _received_roles(text, sent.start, received, cs, ce, sent.end, actors)
    holder_actor: Actor | None = None
    medium = False  # the subject is a statement, letter, tweet ...: its author holds the cue
    skipped = False  # rule "subject no actor" set the subject aside
    own = _own_subject(text, sent.start, quote, cs, cue, actors) if quote is not None else None
    if quote is not None and own is not None:  # "Nadler said Trump demanded the wall": Trump's demand
        holder_actor = own
        holder, kind, hrule = entity(own), "actor", f"subject of the cue in the {quote.kind} quote"
    elif quote is not None:
        holder, kind, hrule = speaker_name(quote), "speaker", f"{quote.kind} quote ({quote.rule}){speaker_note(quote)}"
    else:
        kind = "actor"
        hrule = ""
        if passive or group:
            at = ce + (passive or group).end()  # type: ignore[union-attr]
            holder_actor, how = holder_phrase(text, at, sent.end, actors)
            hrule = ("passive agent" if passive else "group after noun") + how
        if holder_actor is None and cue.kind == "noun":
            light = LIGHT_VERB.search(text, sent.start, cs)
            if light is not None:  # "Poland expressed support for", "…, expressing support for"
                holder_actor, hrule = _subject_before(text, sent.start, light.start(), actors)
                hrule = f"{hrule} of {light.group('verb')!r}" if holder_actor is not None else ""
            copula = COPULA.search(text, sent.start, cs) if holder_actor is None else None
            if copula is not None:  # "Smith has been a very vocal critic of Clinton"
                holder_actor, hrule = subject_of(text, sent.start, copula.start(), actors)
                hrule = f"{hrule} of the copula (X is a critic of Y)" if holder_actor is not None else ""
        if holder_actor is None and cue.kind == "verb" and text[cs:ce].lower().endswith("ing"):
            gerund = _GERUND.search(text[sent.start : cs])
            if gerund is not None:  # "Iran drew criticism by accusing the US", "praised Y for supporting Z"
                holder_actor, hrule = _gerund_holder(text, sent.start, sent.start + gerund.start(), gerund, actors)
        if holder_actor is None and cue.kind == "noun":
            holder_actor = compound_holder(text, sent.start, cs)  # "after media criticism that X"
            hrule = "group noun before the attitude noun" if holder_actor is not None else hrule
        if holder_actor is None and cue.kind != "quality":
            poss = _POSSESSOR.search(text[sent.start : cs])
            if poss and (not poss.group("mods") or (cue.kind == "noun" and modifiers_only(poss.group("mods")))):
                holder_actor = name_before(text, sent.start, sent.start + poss.start(), actors)  # "Trump’s sharp"
                hrule = "possessor of attitude noun"
            pronoun = _POSSESSIVE_PRONOUN.search(text[sent.start : cs])
            if holder_actor is None and pronoun and cue.kind == "noun":  # "her praise for Ms. Abrams"
                at = sent.start + pronoun.start()
                holder_actor = Actor("they" if pronoun.group(1) == "their" else "he", at, at + len(pronoun.group(1)))
                hrule = "possessive pronoun of attitude noun"
        if holder_actor is None and cue.kind == "verb":
            holder_actor = participle_opener(text, sent.start, cs, ce, sent.end, actors)
            hrule = "subject of the main clause (participle opener)" if holder_actor is not None else hrule
        if holder_actor is None and cue.kind not in ("noun", "quality"):
            holder_actor, hrule = subject_of(text, sent.start, cs, actors)
            medium = hrule == AUTHOR_OF_MEDIUM
            hrule = hrule if holder_actor is not None else ""
            no_actor = holder_actor is not None and hrule.endswith("(not a named actor)") and not medium
            role = role_subject(text, sent.start, holder_actor) if no_actor else ""  # type: ignore[arg-type]
            if ENABLED["subject no actor"] and no_actor and not role and not clean_holder(holder_actor.label):  # type: ignore[union-attr]
                holder_actor, hrule, skipped = None, "", True  # rule "subject no actor" ("tonight- attacking")
            if role:  # rule "role subject": "The councillor threatened" -> the description holds (st10)
                holder_actor = Actor(role, holder_actor.end - len(role), holder_actor.end)  # type: ignore[union-attr]
                hrule += f" ({ROLE_SUBJECT_RULE})"
        hrule_was_empty = hrule == ""
        if holder_actor is None:
            before = [a for a in actors if a.end <= cs and not preceded_by_preposition(text, a.start)]
            listed = [a for a in before if coordinated_object(text, a.start, actors)]  # "against Moore and Trump"
            before = [a for a in before if a not in listed]
            after_comma = cue.kind not in ("noun", "quality") and hrule == "" and before
            holder_actor = (before[0] if after_comma else before[-1]) if before else None
            hrule = "nearest actor before cue"
            if not before and cue.kind == "verb" and hrule_was_empty:  # "Sanders, as he has before, hammered"
                holder_actor = opening_name(text, sent.start, cs)
                hrule = "opening name of the sentence (cue after a comma)"
                participle = _WORD_COMMA_END.search(text[sent.start : cs]) and text[cs:ce].lower().endswith("ing")
                if holder_actor is None and participle and ENABLED["participle after comma"]:
                    # rule "participle after comma": "Maduro spoke for an hour, attacking Washington" -> Maduro
                    subject = _sentence_subject(text, sent.start, cs, actors)
                    holder_actor = subject if subject is not None and clean_holder(subject.label) else None
                    hrule = "subject of the main clause (participle after comma)"
            if after_comma:
                hrule = f"first actor of the sentence ({AUTHOR_OF_MEDIUM if medium else 'cue after a comma'})"
            hrule += " (subject no actor)" if skipped else ""
            hrule += " (an object after 'and' skipped)" if listed and holder_actor is not None else ""
        if holder_actor is None and (cue.kind == "verb" or not cue.author):
            # a verb needs a subject, and an attitude or act noun ("support", "criticism") a holder in
            # the text: the author holds only evaluative words of its own ("a disgrace"; issue 23)
            _gave_up(text[cs:ce], "", f"no holder ({cue.kind} cue, {hrule})")
            return None
        if holder_actor is None:
            holder, kind, hrule = "author", "author", "no actor before cue"
        else:
            holder = entity(holder_actor)
            if holder == "they":
                holder = resolve_they(article, sent_index, actors_by_sentence)
            elif holder in ("he", "she"):
                person = resolve_person(sent_index, holder_actor.start, actors_by_sentence)
                opener = opening_name(text, sent.start, holder_actor.start) if not person else None
                if person:
                    holder, hrule = person, f"{hrule}; {holder_actor.label} = the person named before"
                elif opener is not None:  # "Sanders, as he has before, hammered"
                    holder, hrule = opener.label, f"{hrule}; {holder_actor.label} = the name opening the sentence"

    def usable(a: Actor | None) -> bool:
        if not _is_target(a) or a is None:
            return False
        if holder_actor is not None and a.start < holder_actor.end and holder_actor.start < a.end:
            return False
        return entity(a) != holder and (a.target or a.member_of).name != holder  # type: ignore[union-attr]

    tgt: Actor | None = None
    limit = quote.end if quote is not None else sent.end
    if passive and quote is None:
        tgt = next((a for a in reversed(actors) if a.end <= cs and usable(a)), None)
        trule = "target before passive cue"
    elif cue.kind == "quality":
        tgt = next((a for a in reversed(actors) if a.end <= cs and cs - a.end <= POSSESSOR_GAP and usable(a)), None)
        trule = "possessor of quality noun"
    elif cue.kind == "noun":
        following = [a for a in actors if ce <= a.start < limit and entity(a) != holder]
        if group and holder_actor is not None:  # after "support from X", only "about/as to ... Y" is the topic
            topic = re.compile(r"\b(?:about|over|as to|toward|towards|regarding|on)\b")
            following = [a for a in following if a.end <= ce + group.start("prep") or (
                a.start >= holder_actor.end and topic.search(text, holder_actor.end, a.start))]  # fmt: skip
        near = [a for a in following if len(_WORD.findall(text[ce : a.start])) <= TARGET_WINDOW]
        tgt = near[0] if near and usable(near[0]) else None
        trule = "first target after noun cue"
        if tgt is None and group and group.group("prep") != "by" and holder_actor is not None and not near:
            tgt = _target_before_group_noun(text, sent.start, cs, actors, usable)
            trule = "target before the noun cue (holder after from/among)"
        if tgt is None:  # why not, for GAVE_UP
            trule += ": none" if not following else ": beyond the window" if not near else ": not usable"
    else:
        obj, trule = object_of(text, ce, limit, actors)
        tgt = obj if usable(obj) else None
        him = pronoun_object(text, ce, limit) if tgt is None else None
        if him is not None:  # rule "object pronoun": "toppled Mr. Cantor, criticizing him" -> Cantor
            before = [a for a in actors if sent.start <= a.start and a.end <= cs and usable(a)]
            tgt = next((a for a in reversed(before) if pronoun_fits(a, PRONOUN_GENDER[him])), None)  # "her": no Donald
            trule = f"object pronoun ({him} = the target named before)" if tgt is not None else trule
        if him is not None and tgt is None and quote is None:  # "Frazier quit. Trump attacked him" -> Frazier
            back = range(sent_index - 1, sent_index - PRONOUN_WINDOW - 1, -1)
            earlier = [actors_by_sentence.get(i, []) for i in back]
            tgt = pronoun_named_before(text, ce, limit, holder, earlier)
            trule = "object pronoun (person named before)" if tgt is not None else trule
        if tgt is None and quote is not None:
            subj, _ = subject_of(text, max(sent.start, quote.start), cs, actors)
            tgt = subj if usable(subj) else None
            trule = "subject of cue in quote"
    if tgt is not None and tgt.target is None:
        trule += " (via members)"
    if tgt is None:
        _gave_up(text[cs:ce], holder, f"no target ({cue.kind} cue{', in quote' if quote else ''}): {trule}")
        return None
    return holder, kind, tgt, hrule, trule
