"""Stance: who takes which position toward whom (holder -> target), with the cue that says so.

:func:`stance_table` reads every attitude cue of the packaged lexicon ``stance_cues.tsv`` (criticize, complain,
threaten, demand, praise, worried about, concern, doubt, friends, ...) and finds, in the cue's sentence,

* the **holder**, the source of the attitude: the speaker when the cue stands in a quote (direct or reported);
  otherwise the agent of a passive ("viewed with concern *by many NATO allies*"), the group after a noun cue
  ("uncertainty *among the other partners*", "support *from 33 Democrats*"), the possessor of an attitude noun
  ("*the Republican’s* complaints"), or the subject of the cue (:func:`newslab.subjects.subject_of`: "*Republicans*
  support", "*Johnson*, who criticized", "*X* criticized NATO and praised"), which need not be a target; only when
  no subject stands next to the cue, the nearest actor before it that is not inside a prepositional phrase; failing
  all, the ``author``. he/she as a holder is the last person named (this or the previous sentence);
* the **target**: for a passive, the target mentioned before the cue; for a quality noun the possessor ("*his*
  success"); for a noun cue the first target after it (never inside the "from/by/among X" holder phrase); for any
  other cue its object or complement (:func:`newslab.cue_roles.object_of`: "praised *the alliance*", "worried about
  *Trump*’s term", "threatened that the USA would leave *the alliance*"), and in a quote the cue's subject when the
  object is none. A cue whose object is something else ("support *the plan* that Trump proposed") gives no row.
  "allies", "partners", "member states" stand for NATO as a target (rule ``via members``) and are a holder of their
  own ("allies").

A naming verb ("called Trump a wimp", "described NATO as obsolete") takes the valence of the name it gives
(:func:`newslab.naming.naming_polarity`). A negation within three words before a favor cue flips and damps it; a
negated against cue is no position ("did not criticize" gives a neutral row). A quote's speaker after "In <place>,"
is the name after the place (:func:`newslab.holders.place_speakers`). Two actors that
"had become friends" hold the stance toward each other, unless one of them says so: then only the
speaker holds it. A target named in a quote whose speaker is known and that no cue covers gets a row
from the speaker when the quote's tone toward it is clear (:func:`newslab.quote_tone.quoted_tone`:
"Canterbury said Sessions is “a great friend”" gives Canterbury → Sessions favor). Every row keeps the cue words,
the rules used for holder and target, and the sentence. With ``sentiment=True``, mentions outside
quotes that no cue covers get an ``author`` row from :func:`newslab.target_sentiment` (the target
side). Outside quotes and reporting clauses, the author holds the evaluative words of its own about a
target mention (:mod:`newslab.author_stance`: "the reckless Trump", "Trump’s disastrous summit", "Clinton
is inauthentic"). Requests to leave ("called for Moore to step aside") and mutual acts ("the two
bonded", "X and Y clashed") are read by :mod:`newslab.stance_rules`. :func:`stance_summary` aggregates
per article, holder and target.

The actors of a sentence are found in :mod:`newslab.actors`, the cues in :mod:`newslab.cue_matches`, a cue's holder
and target in :mod:`newslab.cue_roles`, the tone of a quote in :mod:`newslab.quote_tone`; this module builds the rows.

Example:
    >>> import newslab as nl
    >>> art = nl.Article("a", "", "Donald Trump has always been very critical of NATO.")
    >>> nl.stance_table(art)[["holder", "target", "stance", "cues"]].values.tolist()
    [['Trump', 'NATO', 'against', ['critical of']]]
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import logging
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from newslab.actors import MEMBER_TARGETS, Actor, ActorsBySentence, by_surname, entity
from newslab.agent_roles import other_holders
from newslab.attribution import Quote
from newslab.author_stance import author_judgements
from newslab.clause_roles import listed_targets, third_party_act
from newslab.cue_matches import cue_reading, cues_by_first_word, find_cues, first_words, silent_forms
from newslab.cue_roles import cue_roles, may_give_row
from newslab.document import Document
from newslab.experiencers import experiencer_objects, may_feel
from newslab.friend_pairs import friend_rows
from newslab.holder_checks import checked_holder, repeats, sent_span
from newslab.holders import (
    act_on_target,
    addressee_of_directive,
    clean_holder,
    members_holder,
    names_the_target,
    place_speakers,
    shielded_from,
    speaker_note,
)
from newslab.lexicon_cues import lexicon_cues, lexicon_rules_on
from newslab.lexicons import rule_words
from newslab.mention_record import Mention
from newslab.naming import NAMING_VERBS, naming_polarity
from newslab.quote_judgement import quote_judgement, sentence_reading
from newslab.quote_tone import AUTHOR_MIN_SCORE, quoted_tone, said_of, sentence_span
from newslab.records import StanceRow, columns
from newslab.row_checks import row_stands, speaker_row_stands
from newslab.stance_rules import (
    may_match,
    may_relate,
    relation_nouns,
    sentence_rules,
)
from newslab.subjects import MEDIA_NOUNS, NEGATIONS, ROLE_SUBJECT_RULE
from newslab.targets import Target
from newslab.tone_lexicon import (
    NEGATION_SCALAR,
    NEGATION_WINDOW,
)

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

STANCE_COLUMNS = columns(StanceRow)  # the schema is the row record (newslab.records)
STANCES = ("favor", "against", "neutral")

# NEGATION_SCALAR (a negated cue flips and is damped) and NEGATION_WINDOW (words before a cue searched for a
# negation) are VADER's, defined once in newslab.tone_lexicon.
#: Verbs that take away what a favor cue gives ("cut back support for Kyiv", "withdrew his support"):
#: they negate a cue within the negation window. Compiled for newslab.
REDUCERS = frozenset(rule_words("stance.REDUCERS"))
EVIDENCE_FEATURES = 4  # features of a target_sentiment result kept as evidence
THRESHOLD = 0.05  # |score| below this is "neutral" (set by hand; cues are weighted 0.3-1.0)
#: Speakers the quotes stage could not name ("she said" with nobody before): they hold no row.
UNRESOLVED = frozenset(rule_words("stance.UNRESOLVED"))
#: Reporting verbs of denial: what they report is rejected by the speaker, so neither the cues in it
#: nor its tone are the speaker's position (general English, issue 23).
DENIALS = frozenset(rule_words("stance.DENIALS"))
#: Verbs that say the act after them did not happen ("failing to speak out against", "refused to
#: endorse"): they negate a cue within the negation window as "not" does (general English, issue 23).
FAILING = frozenset(rule_words("stance.FAILING"))
#: Target rules under which a cue of the tone lexicon (:mod:`newslab.lexicon_cues`) gives a row: its
#: object, the target after a noun cue, or the target before a passive ("was mocked by").
LEXICON_TARGET_RULES = ("object", "first target after noun cue", "target before passive cue")
_WORD = re.compile(r"[\w’'-]+")  # a word before a cue (compiled once)
_AS_BEFORE = re.compile(r"\bas\s+$")  # "as" right before a cue: "as opposed to"


def _is_target(actor: Actor) -> bool:
    return actor.target is not None or actor.member_of is not None


def _quote_finder(quotes: list[Quote]) -> Callable[..., Quote | None]:
    """``quote_at(pos, kind=None)``: the first quote (in text order) holding ``pos``, found by bisect."""
    ordered = sorted(quotes, key=lambda q: q.start)
    starts = [q.start for q in ordered]
    reach = list(itertools.accumulate((q.end for q in ordered), max))

    def quote_at(pos: int, kind: str | None = None) -> Quote | None:
        i = bisect.bisect_right(starts, pos) - 1
        found = None
        while i >= 0 and reach[i] > pos:  # only quotes that reach past pos (nested ones are few)
            q = ordered[i]
            if q.end > pos and (kind is None or q.kind == kind):
                found = q  # keep walking back: the earliest such quote wins, as in text order
            i -= 1
        return found

    return quote_at


def _sentiment_hook(sentiment: bool | Callable[..., Any]) -> Callable[..., Any] | None:
    if callable(sentiment):
        return sentiment
    if not sentiment:
        return None
    from newslab.target_tone import target_sentiment

    return target_sentiment


def _label(score: float) -> str:
    return "favor" if score > THRESHOLD else ("against" if score < -THRESHOLD else "neutral")


#: Words after "no" that make it affirm ("there is no doubt Merkel praised Trump"; general English).
AFFIRMING_NO = frozenset({"doubt", "question", "wonder", "surprise"})
#: A subject that says nobody holds the position ("Few Republicans criticized", "No Democrat praised").
_FEW = re.compile(
    r"(?:^\W*|[,;:]\s*|\b(?:that|and|but)\s+)(?:[Ff]ew|[Nn]o|[Nn]one of the|[Hh]ardly any)\s+(?:[\w’'-]+\s+){1,3}$"
)  # at the clause's start: "There is no doubt Merkel praised" is no such subject


def _few(before: str) -> bool:
    """Rule "few": a subject opened by "few", "no" or "none of" makes the cue no one's position.

    "Few Republicans criticized Trump" and "No Democrat praised Trump" give a neutral row; "a few" does not.

    Example:
        >>> _few("Few Republicans "), _few("A few Republicans "), _few("There is no doubt Merkel ")
        (True, False, False)
    """
    return _FEW.search(before) is not None


def _negated_score(polarity: float, *, negated: bool) -> float:
    """Rule "negation": a negated favor cue flips and is damped, a negated against cue is no position.

    "did not show great involvement" is against (VADER's N_SCALAR); "did not criticize NATO" is not
    praise, so its row is "neutral" with the cue as evidence.
    """
    if not negated:
        return polarity
    return polarity * NEGATION_SCALAR if polarity > 0 else 0.0


def _author_rows(
    article: Document, mentions_by_sentence: Mapping[int, list[Mention]], quotes: list[Quote], add: Callable[..., None]
) -> None:
    """Rows of the author's own evaluative words about a target (:func:`newslab.author_stance.author_judgements`).

    Only in sentences that hold no quote (direct or reported): what a quote holds is its speaker's.
    """
    for sid, found in mentions_by_sentence.items():
        sent = article.sentences[sid]
        if any(q.start < sent.end and sent.start < q.end for q in quotes):
            continue
        named = {(m.start, m.end): m for m in found if m.kind != "pronoun"}
        for j in author_judgements(article.text, sent.start, sent.end, sorted(named)):
            m = named[(j.start, j.end)]
            add(sid, "author", "author", Actor(m.target.name, m.start, m.end, target=m.target), j.score, j.words,
                j.rule, "target of the author's words")  # fmt: skip


def _never_stronger(article: Document, sid: int, m: Mention, q: Quote, quotes: list[Quote]) -> Any:
    """Rule "never + comparative" over a speaker's row: the quote's only judging words are "never ... -er".

    The target model and the quote's tone read "has never been stronger" as negated; :func:`quote_judgement` reads
    it as "stronger than ever". Returns its judgement when that is all the quote says of the target, else None.
    """
    if q.kind != "direct" or not q.start <= m.start < q.end or "never" not in article.text[q.start : q.end].lower():
        return None
    found = quote_judgement(article, sid, (m.start, m.end), (q.start, q.end), quotes, None)
    return found if found is not None and found.ever and found.score > 0 else None


def _no_quote_holder(holder: str, m: Mention) -> bool:
    """A quote's speaker that holds no row toward ``m``: unresolved, the target itself, empty, or a medium.

    >>> from newslab.targets import TRUMP
    >>> m = Mention(TRUMP, 0, 5, "name", "name", 1.0)
    >>> [_no_quote_holder(h, m) for h in ("Trump", "a statement", "Pelosi")]
    [True, True, False]
    """
    return (
        holder.lower() in UNRESOLVED
        or holder in {m.target.name, *m.target.aliases}
        or not holder.split()
        or holder.split()[-1].lower() in MEDIA_NOUNS  # "a statement said": nobody's own words
    )


def _judgement_rows(article: Document, mentions: list[Mention], quotes: list[Quote],
                    quote_at: Callable[..., Quote | None], speaker_name: Callable[[Quote], str],
                    tones: Mapping[tuple[int, int], tuple[str, float]] | None, covered: set[tuple[int, str]],
                    add: Callable[..., None]) -> None:  # fmt: skip
    """Rule "quote judgement" (:mod:`newslab.quote_judgement`) where no row was made before.

    The speaker's own evaluative words aimed at a target named (or a pronoun resolved to it) in the speaker's quote.
    """
    readings: dict[int, Any] = {}  # one reading per sentence, made only for a candidate mention
    for m in mentions if quotes else ():
        q = quote_at(m.start)
        if q is None or q.kind != "direct" or m.end > q.end or not q.resolved or q.verb.lower() in DENIALS:
            continue  # a speaker not resolved (a pronoun with no antecedent, nobody) holds no row
        sid = article.sentence_of(m.start)
        holder = speaker_name(q)
        if (sid, m.target.name) in covered or _no_quote_holder(holder, m):
            continue
        model = tones.get((m.start, m.end)) if tones is not None else None
        if sid not in readings:
            readings[sid] = sentence_reading(article, sid, quotes)
        found = quote_judgement(
            article,
            sid,
            (m.start, m.end),
            (q.start, q.end),
            quotes,
            model,
            pronoun=m.kind == "pronoun",
            reading=readings[sid],
        )
        if found is not None:
            actor = Actor(m.target.name, m.start, m.end, target=m.target)
            aims = ", ".join(dict.fromkeys(found.aims))
            add(sid, holder, "speaker", actor, found.score, found.words, f"quote judgement ({q.kind}){speaker_note(q)}",
                f"evaluative words aimed at the target in the quote ({aims}; {m.kind})")  # fmt: skip


def article_stance(
    article: Document,
    targets: tuple[Target, ...],
    *,
    quotes: list[Quote],
    mentions: list[Mention],
    names: tuple[str, ...],
    cues: str = "stance_cues",
    sentiment: bool | Callable[..., Any] = False,
    tones: Mapping[tuple[int, int], tuple[str, float]] | None = None,
) -> list[dict[str, Any]]:
    """Stance rows of one parsed article (see :func:`stance_table`).

    Args:
        article: The parsed article.
        targets: The targets.
        quotes: Its quotes (the quote stage); a cue inside a quote is held by the speaker.
        mentions: Its target mentions with the in-quote rule applied (the mention stages).
        names: Its name registry (:func:`newslab.names.name_registry`).
        cues: Packaged cue table name.
        sentiment: As for :func:`stance_table`.
        tones: The target model's (label, score) per mention span, when already computed (the
            analysis pass's target tone rows); mentions not in it are scored here.
    """
    text = article.text
    forms, by_first = cues_by_first_word(cues)
    starts, silent = first_words(cues), silent_forms(cues, NAMING_VERBS)
    member_targets = [t for t in targets if t.name in MEMBER_TARGETS]
    mentions_by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        mentions_by_sentence.setdefault(article.sentence_of(m.start), []).append(m)
    by_last = by_surname(names)
    quotes = place_speakers(text, quotes)  # "In Moscow, Dmitry Peskov ... said": Peskov, not Moscow
    quote_at = _quote_finder(quotes)
    actors_by_sentence = ActorsBySentence(article, mentions_by_sentence, member_targets, by_last)
    rows: list[dict[str, Any]] = []
    covered: set[tuple[int, str]] = set()  # (sentence, entity) already holder or target of a cue row
    theirs: set[tuple[int, int]] = set()  # (sentence, target start) of a third party's act in a direct quote

    def add(sent_index: int, holder: str, kind: str, tgt: Actor, score: float, cue_words: list[str],
            hrule: str, trule: str) -> None:  # fmt: skip
        target = tgt.target or tgt.member_of
        holder, hrule = members_holder(text, holder, hrule, actors_by_sentence, sent_index, tgt.start, member_targets)
        holder = clean_holder(holder) or (holder if f"({ROLE_SUBJECT_RULE})" in hrule else "")
        if not holder:
            return  # not an actor ("whom", "expressing", "It", "by"): no row rather than a wrong one
        holder, hrule = checked_holder(text, sent_span(article, sent_index), holder, hrule, (tgt.start, tgt.end), score,
                                       cue_words, names)  # fmt: skip
        if not holder or repeats(rows, (sent_index, holder, tgt.start, _label(score), cue_words)):
            return  # holder_checks.py: a place, a thing, an unresolved description, an act not the holder's
        if target is None or holder == target.name or holder in target.aliases:
            return
        sent = article.sentences[sent_index]
        if not row_stands(text, (sent.start, sent.end), (tgt.start, tgt.end), score, cue_words, kind):
            return  # pressure ("encouraging Clinton to return the money"), a poll share, an avoided act (row_checks)
        rows.append({
            "article_id": article.id, "sentence_id": sent_index, "holder": holder, "holder_kind": kind,
            "target": target.name, "stance": _label(score), "score": round(score, 4) if score else 0.0,
            "cues": cue_words, "holder_rule": hrule, "target_rule": trule,
            "target_mention": text[tgt.start : tgt.end], "start": tgt.start, "end": tgt.end, "sentence": sent.text,
        })  # fmt: skip
        covered.update({(sent_index, target.name), (sent_index, holder)})

    def speaker_name(q: Quote) -> str:
        for t in targets:
            if q.resolved in t.aliases or q.resolved == t.name:
                return t.name
        return q.resolved or q.speaker or "unknown speaker"

    for sent in article.sentences:
        named_until = 0  # the end of the last name a naming verb gave: its words are no cues of their own
        curated = list(find_cues(sent.text, by_first, starts))
        extra = []
        if lexicon_rules_on():  # off in the package: then lexicon_cues finds none, so the actors are not needed
            actors = actors_by_sentence[sent.index]
            aimed = [(a.start - sent.start, a.end - sent.start) for a in actors if _is_target(a)]
            extra = lexicon_cues(sent.text, aimed, [(c.start, c.end) for c in curated]) if aimed else []
        found_cues = [(c, None) for c in curated] + extra
        for cm, lexical in sorted(found_cues, key=lambda pair: pair[0].start) if extra else found_cues:
            cs, ce = sent.start + cm.start, sent.start + cm.end
            if cs < named_until or (lexical is None and cm.text.lower() in silent):
                continue  # a silent form ("said") reaches "if cue.polarity == 0: continue" below, doing nothing else
            as_opposed = text[ce : ce + 3] == " to" or cm.text.endswith(" to")
            if as_opposed and _AS_BEFORE.search(text[sent.start : cs]):
                continue  # "as opposed to": a comparison, not an attitude
            cue = lexical or cue_reading(forms[cm.text.lower()], cm.text, text[sent.start : cs], cues)
            named = (
                naming_polarity(text, ce, sent.end, actors_by_sentence[sent.index]) if cue.cue in NAMING_VERBS else None
            )
            if named is not None:  # "called him a wimp": the name gives the stance
                cue = dataclasses.replace(cue, polarity=named.polarity)
                named_until = named.end
            if cue.polarity == 0:
                continue
            # no target among the sentence's actors: cue_roles gives None, and nothing below changes before it
            if not actors_by_sentence.may_hold_target(sent.index) and not may_give_row([]):
                continue  # (told without finding the actors: no target is mentioned there, no member group stands)
            actors = actors_by_sentence[sent.index]
            if not may_give_row(actors):
                continue
            words = _WORD.findall(text[sent.start : cs])[-NEGATION_WINDOW:]
            negated = any(
                (w.lower() in NEGATIONS or w.lower() in FAILING or w.lower().endswith(("n't", "n’t")))
                and not (w.lower() == "no" and k + 1 < len(words) and words[k + 1].lower() in AFFIRMING_NO)
                for k, w in enumerate(words)
            )
            few = _few(text[sent.start : cs])  # "Few Republicans criticized Trump": nobody's position
            noun_cue = cue.polarity > 0 and cue.kind == "noun"
            reducer = next((w for w in words if w.lower() in REDUCERS), "") if noun_cue else ""
            score = 0.0 if few else _negated_score(cue.polarity, negated=negated or bool(reducer))
            prefix = "few … " if few else "not " if negated else ""
            cue_words = [prefix + (f"{reducer} … " if reducer else "") + cm.text]
            if named is not None:
                cue_words = [f"{cue_words[0]} {named.words}"]
            quote = quote_at(cs)
            if quote is not None and quote.verb.lower() in DENIALS:
                continue  # "Strzok denied that he hurt Trump": the speaker rejects the words, takes no position
            found = cue_roles(article, sent.index, cue, (cs, ce), quote, actors, speaker_name, actors_by_sentence)
            if found is not None and lexical is not None:
                if not found[4].startswith(LEXICON_TARGET_RULES):
                    continue  # a lexicon word is a cue only when it is aimed at the target
                found = (*found[:4], f"{found[4]} ({lexical.note})")  # rule "lexicon verb" / "lexicon noun"
            if (
                found is not None
                and found[1] == "speaker"
                and quote is not None
                and quote.kind == "direct"
                and score < 0  # a third party's praise the speaker passes on is shared ("they're loving Melania")
                and third_party_act(text, quote.start, cs, found[2].start)
            ):  # "... while they attempt a smear of X," said Blackburn: their act, not hers (clause_roles.py)
                theirs.add((sent.index, found[2].start))
                continue
            if found is not None:
                holder, kind, tgt, hrule, trule = found
                trule += f" ({named.rule})" if named is not None and named.rule else ""
                add(sent.index, holder, kind, tgt, score, cue_words, hrule, trule)
                aims = [(tgt, trule)]
                if trule.startswith(("object", "first target after noun cue")):  # "thanked Obama and Biden"
                    for other, how in listed_targets(
                        text, tgt, quote.end if quote else sent.end, actors, noun=cue.kind == "noun" or "noun" in hrule
                    ):  # "noun" in hrule: "possessor of attitude noun" reads a verb cue as a noun ("Trump's attack")
                        add(sent.index, holder, kind, other, score, cue_words, hrule, f"{trule} ({how})")
                        aims.append((other, f"{trule} ({how})"))
                if kind == "actor":  # "Bob Corker and Jeff Flake denounced Trump", "praised by Sanders and Warren"
                    for also, how in other_holders(text, sent.start, cs, ce, sent.end, holder, hrule, actors):
                        for aim, aim_rule in aims:
                            add(sent.index, also, kind, aim, score, cue_words, f"{hrule} ({how})", aim_rule)
        ruled: list[tuple[Actor, Actor, float, list[str], str]] = []
        if may_match(sent.text):  # "called for Moore to step aside", "the two bonded", "denied Trump's claim"
            ruled = sentence_rules(text, sent.start, sent.end, actors_by_sentence[sent.index])  # "denied X's claim"
        if actors_by_sentence.may_hold_target(sent.index) and may_feel(sent.text):  # "X angered Y": X a target
            ruled += experiencer_objects(text, sent.start, sent.end, actors_by_sentence[sent.index])
        for h, obj, score, words, rule in ruled:
            if quote_at(h.start, "direct") is None:  # the object may stand in the request's reported words
                add(sent.index, entity(h), "actor", obj, score, words, rule, rule)
        # relation_nouns finds none where may_relate is False: the sentence's actors are not needed there
        for h, obj, score, words, rule in (
            relation_nouns(text, sent.start, sent.end, actors_by_sentence[sent.index])
            if may_relate(text, sent.start, sent.end)
            else ()
        ):
            if quote_at(obj.start, "direct") is None:  # "my friends": in a direct quote the speaker's words
                add(sent.index, entity(h), "actor", obj, score, words, rule, rule)
        for row in friend_rows(sent, actors_by_sentence, quote_at, speaker_name, targets):  # "a and b became friends"
            add(sent.index, *row)
    _author_rows(article, mentions_by_sentence, quotes, add)
    for m in mentions if quotes else ():
        if m.kind == "pronoun":
            continue
        sid = article.sentence_of(m.start)
        q = quote_at(m.start)
        about = q is None or m.end > q.end
        if about:
            q = said_of(text, article.sentences[sid], m.start, quotes)  # "..., Bush said of Trump"
        if q is None or not (q.resolved or q.speaker) or q.verb.lower() in DENIALS:
            continue
        holder = speaker_name(q)
        if (sid, m.target.name) in covered or (sid, m.start) in theirs or _no_quote_holder(holder, m):
            continue
        model = tones.get((m.start, m.end)) if tones is not None else None
        at = article.sentences[sid]
        same = [(x.start, x.end) for x in mentions if x.target is m.target]  # its pronouns too ("see him as unfit")
        toned = quoted_tone(at, m, q, about=about, model=model, tokens=article.token_spans[sid], also=same)
        if (  # not a report nor the race, and the speaker is not the target itself (holders.py)
            toned is not None
            and speaker_row_stands(q.verb, holder, text[q.start : q.end], toned[1], toned[0])  # holders, row_checks
            and not names_the_target(holder, text, same)
            and not addressee_of_directive(text, q.verb, m.start)  # "urged Republicans not to ...": pressed
            and not act_on_target(text, m.start, m.end)  # "firing of Comey was a mistake": the act is judged
            and not shielded_from(at.text, toned[1])  # "inoculate them from condemnation"
        ):
            rule = f"speaker of a quote about the target ({q.kind}{', said of' if about else ''}){speaker_note(q)}"
            actor = Actor(m.target.name, m.start, m.end, target=m.target)
            ever = _never_stronger(article, sid, m, q, quotes) if toned[0] < 0 and not about else None
            if ever is not None:  # "'NATO has never been stronger,' Rutte said": praise, not a negation
                add(sid, holder, "speaker", actor, ever.score, ever.words,
                    f"quote judgement ({q.kind}){speaker_note(q)}",
                    "evaluative words aimed at the target in the quote (never + comparative)")  # fmt: skip
                continue
            add(sid, holder, "speaker", actor, toned[0], toned[1], rule, f"target tone in the quote{toned[2]}")
    _judgement_rows(article, mentions, quotes, quote_at, speaker_name, tones, covered, add)
    hook = _sentiment_hook(sentiment)
    if hook is not None:
        for m in mentions:
            if m.kind == "pronoun" or any(q.start <= m.start < q.end for q in quotes):
                continue
            sid = article.sentence_of(m.start)
            if (sid, m.target.name) in covered:
                continue
            sent = article.sentences[sid]
            span = sentence_span(sent, m.start, m.end)
            if span is None:
                continue
            try:
                result = hook(sent.text, span=span)
            except Exception as err:  # a hook from another module must not break the table
                logger.warning("target_sentiment failed on %r: %s", sent.text[:60], err)
                continue
            label = str(getattr(result, "label", "neutral"))
            score = float(getattr(result, "score", 0.0))
            if label == "neutral" or abs(score) < AUTHOR_MIN_SCORE:
                continue
            evidence = getattr(result, "evidence", ())
            # model features as "name=value" (newslab.sentiment.Feature), strongest first, as the evidence
            cue_words = [
                f"{getattr(e, 'name', e)}={getattr(e, 'value', '')}" for e in tuple(evidence)[:EVIDENCE_FEATURES]
            ]
            add(sid, "author", "author", Actor(m.target.name, m.start, m.end, target=m.target), score, cue_words,
                "author (no holder in text)", "target_sentiment")  # fmt: skip
    return rows


def stance_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Aggregate a :func:`stance_table` per article, holder and target.

    Returns:
        DataFrame article_id, holder, target, stance (label of the mean score), score (mean),
        n (rows), favor, against (row counts), cues (all cue words), sentence_ids.

    Example:
        >>> import newslab as nl
        >>> s = stance_summary(nl.stance_table(nl.load_seed_corpus(), sentiment=False))
        >>> s[(s.holder == "Trump") & (s.target == "NATO")][["article_id", "stance", "n"]].values.tolist()
        [['es-daily', 'against', 4], ['de-dpa', 'against', 2]]
    """
    import pandas as pd

    columns = ["article_id", "holder", "target", "stance", "score", "n", "favor", "against", "cues", "sentence_ids"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    order = {a: i for i, a in enumerate(dict.fromkeys(table["article_id"]))}
    grouped = table.groupby(["article_id", "holder", "target"], sort=False)
    out = grouped.agg(
        score=("score", "mean"),
        n=("score", "size"),
        favor=("stance", lambda s: int((s == "favor").sum())),
        against=("stance", lambda s: int((s == "against").sum())),
        cues=("cues", lambda c: [w for ws in c for w in ws]),
        sentence_ids=("sentence_id", lambda s: sorted(set(s))),
    ).reset_index()
    out["stance"] = out["score"].map(_label)
    out = out.sort_values(["article_id", "n"], key=lambda c: c.map(order) if c.name == "article_id" else -c)
    return out.reset_index(drop=True)[columns]


__all__ = ["STANCES", "STANCE_COLUMNS", "stance_summary"]
