"""Sentiment toward a target: a linear model over explainable features of the mention's sentence.

:func:`target_sentiment` labels the sentiment expressed *toward* a span of text with a
multinomial logistic model shipped as plain weights (``data/target_sentiment_model.tsv``,
trained by ``validation/train_target_model.py`` on NewsMTSC train); the evidence lists the
features that decided the label.

Example:
    >>> target_sentiment("Allies are deeply worried about Trump.", span=(32, 37)).label
    'negative'
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from newslab.code_words import code_word_features
from newslab.errors import NewslabError, ParameterError
from newslab.target_aim import AIM_FAMILIES, aim_masses, away_words
from newslab.target_aim import add_mass as _add_mass
from newslab.target_model import TargetModel, check_model, shipped_target_model
from newslab.target_reading import SentenceReading, Speech, read_sentence, token_range
from newslab.target_rules import aimed_constructions, rule_override
from newslab.tokenizers import sentence_spans
from newslab.tone_constructions import construction_features, negative_verb_role
from newslab.tone_lexicon import (
    LABELS,
    NEGATION_SCALAR,
    PRONOUNS,
    QUOTES,
    REPORTING,
    VADER_ALPHA,
    Hit,
    check_text,
    default_prepared,
    evaluative_words,
    prepare_lexicon,
)


class Feature(NamedTuple):
    """One feature of the target model: its value and its push toward the chosen label."""

    name: str
    value: float
    weight: float


@dataclasses.dataclass(frozen=True)
class TargetSentiment:
    """Sentiment expressed toward one target mention.

    Attributes:
        label: ``"negative"``, ``"neutral"`` or ``"positive"``.
        score: P(positive) - P(negative) under the model, in [-1, 1].
        evidence: Features that decided the label, strongest first (value x weight margin).
        probabilities: Model probability per label.
    """

    label: str
    score: float
    evidence: tuple[Feature, ...] = ()
    probabilities: Mapping[str, float] = dataclasses.field(default_factory=dict)


def _sat(x: float, scale: float) -> float:
    """Saturating squash of a lexicon sum into (-1, 1) (same shape as VADER's normalize)."""
    return x / math.sqrt(x * x + scale) if x else 0.0


NEAREST_MAX_DISTANCE = 6  # distance bins 1..6+ for the nearest lexicon word (newslab choice, CV on train)
CONTEXT_WINDOW = 6  # tokens each side for the bag-of-cue-words features (newslab choice, CV on train)
# A lexicon word at most this many tokens from the mention counts as "near" (features ``near_*`` and
# ``event_near``); the distance the shipped model's weights were fit with (validation/train_target_model.py),
# as VADER's three-word look-back for negation; changing it needs the model retrained.
NEAR_TOKENS = 3
STEM_WINDOW = 8  # tokens each side for the stemmed context words (newslab choice, CV on train)
STEM_NEAR = 2  # stems this close to the mention also get a "near" feature (newslab choice, CV on train)
# The distances and scale below are those the shipped model's weights were fit with
# (validation/train_target_model.py); changing one needs the model retrained.
ADJACENT_TOKENS = 2  # context words this close (function words too) get an L2/R2 feature (newslab choice)
DISTANCE_SCALE = 4.0  # saturation of the distance-weighted lexicon sum, as VADER_ALPHA squashes a sum
SPEAKER_RIGHT_TOKENS = 3  # a reporting verb this close after the mention: "Trump (has) said" (newslab choice)
SPEAKER_LEFT_TOKENS = 2  # a reporting verb this close before it: "said (Sen.) Trump" (newslab choice)
#: Feature families of the hard cases (issue 23, ``newslab.tone_constructions``): ``irony`` (the flag
#: ``irony_clause`` and claimed words in ``irony_*`` masses, out of the judgement masses), ``blame``
#: (``burden_target``, ``blame_target``, ``blame_agent``), ``pressure`` (``modal_target``,
#: ``pressure_target``, ``pressure_agent``), ``demand`` (words of a demanded act in ``demand_*`` masses,
#: out of the judgement masses) and ``roles`` (``neg_patient``, ``neg_agent``). ``irony_flip``: claimed
#: words count as negated (x NEGATION_SCALAR) in every judgement feature; ``demand_flip``: so do the
#: *positive* words of a demanded act ("must be willing": not willing yet). ``aim*``: ``newslab.target_aim``.
FAMILIES = (
    frozenset(["irony", "irony_flip", "blame", "pressure", "demand", "demand_flip", "roles", "aimed"]) | AIM_FAMILIES
)
#: The families the shipped model was trained with, chosen by 5-fold grouped CV on NewsMTSC train
#: (``validation/cv_target_families.py``: +0.0003 macro-F1, 95% CI -0.0024 to +0.0031, against none;
#: ``roles`` and the masses of ``irony``/``demand`` did not help and are left out; docs/sentiment.md).
SHIPPED_FAMILIES = frozenset(["irony_flip", "demand_flip", "blame", "pressure"])
_FAMILY_OF = {"irony_clause": "irony", **dict.fromkeys(["burden_target", "blame_target", "blame_agent"], "blame")}
_FAMILY_OF.update(dict.fromkeys(["modal_target", "pressure_target", "pressure_agent"], "pressure"))


def _mention_words(sent: SentenceReading, a: int, b: int, f: dict[str, float]) -> None:
    """Lexicon words inside the mention itself ("the scandal", "his loyal aides"): ``M=`` and ``mention_*``."""
    mass: dict[str, list[float]] = {}
    for i in range(a, b):
        if sent.news[i] or sent.pattern[i]:
            f["M=" + sent.toks[i]] = 1.0
            _add_mass(mass, "mention", sent.news[i], sent.pattern[i])
    for suffix, value in zip(("_vpos", "_vneg", "_ppos", "_pneg"), mass.get("mention", ()), strict=False):
        if value:
            f["mention" + suffix] = value


def _mass_features(mass: Mapping[str, list[float]], f: dict[str, float]) -> None:
    """``scope_vpos``/``_vneg`` (news lexicon) and ``_ppos``/``_pneg`` (pattern) features, squashed into (-1, 1)."""
    for scope, (vpos, vneg, ppos, pneg) in mass.items():  # _sat written out: called for every target
        if vpos:
            f[scope + "_vpos"] = vpos / math.sqrt(vpos * vpos + VADER_ALPHA)
        if vneg:
            f[scope + "_vneg"] = vneg / math.sqrt(vneg * vneg + VADER_ALPHA)
        if ppos:
            f[scope + "_ppos"] = ppos / math.sqrt(ppos * ppos + 1.0)
        if pneg:
            f[scope + "_pneg"] = pneg / math.sqrt(pneg * pneg + 1.0)


_FLIPS = frozenset(["irony_flip", "demand_flip"])


def _flipped(sent: SentenceReading, families: frozenset[str]) -> tuple[list[float], list[float]]:
    """News and pattern valences with claimed words (irony) and positive demanded words negated.

    "as if he had won" is read as "had not won", "must be willing" as "not willing (yet)": the
    claim or the demand says the thing is not so. Negative words of a demand ("urged X to resign")
    keep their sign.
    """
    news, pat = list(sent.news), list(sent.pattern)
    for i, kind in enumerate(sent.moved):
        if kind == "irony" and "irony_flip" in families:
            news[i] *= NEGATION_SCALAR
            pat[i] *= NEGATION_SCALAR
        elif kind == "demand" and "demand_flip" in families:
            if news[i] > 0:
                news[i] *= NEGATION_SCALAR
            if pat[i] > 0:
                pat[i] *= NEGATION_SCALAR
    return news, pat


def _features(sent: SentenceReading, a: int, b: int, families: frozenset[str] = SHIPPED_FAMILIES) -> dict[str, float]:
    """Features of the mention at token indices [a, b) of ``sent``."""
    toks, news, pat, clause = sent.toks, sent.news, sent.pattern, sent.clause
    if sent.moved and not _FLIPS.isdisjoint(families):
        news, pat = _flipped(sent, families)
    n = len(toks)
    f: dict[str, float] = {}
    cl_a = clause[a] if a < n else -1
    cl_b = clause[b - 1] if 0 < b <= n else -1
    # lexicon masses per scope: [vader pos, vader neg, pattern pos, pattern neg]
    mass: dict[str, list[float]] = {}
    dist = 0.0
    nearest_left = nearest_right = -1
    others = [j for j in sent.entities if not a <= j < b]
    evaluative = evaluative_words()
    target_quoted = a < n and sent.in_quote[a]
    moved = sent.moved
    away = away_words(sent, a, b) if "aim_route" in families and b > a else ()
    for i in sent.hits:
        if a <= i < b:
            continue
        v, p = news[i], pat[i]
        d = a - i if i < a else i - b + 1
        if moved and moved[i] in families and moved[i] + "_flip" not in families:
            # claimed (irony) or demanded (a demand's act) words: not a judgement of anyone as it stands
            _add_mass(mass, moved[i], v, p)
            continue
        if away and i in away:  # aimed at another name (newslab.target_aim): out of the judgement masses, as events
            _add_mass(mass, "aim_away", v, p)
            continue
        if sent.event[i]:
            # an event word (death, war, defeat) is not a judgement of the target: its own masses
            _add_mass(mass, "event", v, p)
            _add_mass(mass, "event_near" if d <= NEAR_TOKENS else "event_far", v, p)
            continue
        scopes = ["sent", "left" if i < a else "right"]
        if d <= NEAR_TOKENS:
            scopes.append("near")
        if clause[i] == cl_a or clause[i] == cl_b:
            scopes.append("clause")
        # the holder or the aim: a word closer to another name than to the target, or quoted
        # speech around a target outside the quote, more likely judges someone else
        closer_to_other = False
        for j in others:
            if -d < i - j < d:
                closer_to_other = True
                break
        scopes.append("other" if closer_to_other else "own")
        if sent.in_quote[i] and not target_quoted:
            scopes.append("quoted")
        if toks[i] in evaluative:
            scopes.append("newslab")  # words of newslab's news evaluation lexicon, weighted on their own
        k_v = 0 if v > 0 else 1 if v < 0 else -1
        k_p = 2 if p > 0 else 3 if p < 0 else -1
        for scope in scopes:
            m = mass.get(scope)
            if m is None:
                m = mass[scope] = [0.0, 0.0, 0.0, 0.0]
            if k_v >= 0:
                m[k_v] += v
            if k_p >= 0:
                m[k_p] += p
        if v:
            dist += v / (a - i if i < a else i - b + 1)
        if i < a:
            nearest_left = i
        elif nearest_right < 0:
            nearest_right = i
    _mass_features(mass, f)
    if dist:
        f["dist_weighted"] = _sat(dist, DISTANCE_SCALE)
    # structure flags
    if sent.negations and any(clause[i] == cl_a or clause[i] == cl_b for i in sent.negations):
        f["neg_in_clause"] = 1.0
    if sent.contrast and sent.contrast[0] < a:  # token indices in order
        f["after_contrast"] = 1.0
    if sent.contrast and sent.contrast[-1] >= b:
        f["before_contrast"] = 1.0
    if a < n and sent.in_quote[a]:
        f["in_quote"] = 1.0
    if sent.has_quote:
        f["sentence_has_quote"] = 1.0
    if not REPORTING.isdisjoint(toks[b : b + SPEAKER_RIGHT_TOKENS]):
        f["speaker_right"] = 1.0  # "Trump said ..."
    if not REPORTING.isdisjoint(toks[max(0, a - SPEAKER_LEFT_TOKENS) : a]):
        f["speaker_left"] = 1.0  # "... said Trump"
    if a > 0 and toks[a - 1] == "by":
        f["after_by"] = 1.0
    if b < n and toks[b] in ("'s", "s"):
        f["possessive"] = 1.0
    if a == 0 or (a == 1 and toks[0] in QUOTES):
        f["first"] = 1.0
    f["position"] = a / n if n else 0.0
    if b - a == 1 and toks[a] in PRONOUNS:
        f["pronoun"] = 1.0
    # context words with the mention masked, marked by side (cue words only, see _feature_vocab):
    # adjacent (L1/R1), within 2 tokens (L2/R2, function words too), lexicon or reporting words
    # within CONTEXT_WINDOW (L/R, NOT_ when negated), in the target's clause (C), and lexicon
    # words anywhere in the sentence (S)
    negated = sent.negated
    for i in sent.vocab_idx:
        if a <= i < b:
            continue
        t = toks[i]
        d = a - i if i < a else i - b + 1
        side = "L" if i < a else "R"
        cue = news[i] or pat[i]
        if d == 1:
            f[side + "1=" + t] = 1.0
        if d <= ADJACENT_TOKENS:
            f[side + "2=" + t] = 1.0
        if d <= CONTEXT_WINDOW and (cue or t in REPORTING):
            f[side + ("=NOT_" if negated[i] else "=") + t] = 1.0
        if clause[i] == cl_a or clause[i] == cl_b:
            f["C=" + t] = 1.0
        if cue:
            f["S=" + t] = 1.0
    # the nearest lexicon word on each side: its sign, distance, and whether another name or
    # pronoun stands between it and the target (then it more likely describes that other entity)
    ent = sent.entity_cum
    if nearest_left >= 0:
        i = nearest_left
        sign = "pos" if (news[i] or pat[i]) > 0 else "neg"
        f[f"nearL_{sign}_{'blocked' if ent[a] - ent[i + 1] else 'free'}"] = 1.0
        f[f"nearL_{sign}_d{min(a - i, NEAREST_MAX_DISTANCE)}"] = 1.0
    if nearest_right >= 0:
        i = nearest_right
        sign = "pos" if (news[i] or pat[i]) > 0 else "neg"
        f[f"nearR_{sign}_{'blocked' if ent[i] - ent[b] else 'free'}"] = 1.0
        f[f"nearR_{sign}_d{min(i - b + 1, NEAREST_MAX_DISTANCE)}"] = 1.0
    # stemmed context words (any word but names) within STEM_WINDOW tokens, marked by side and by
    # whether they are in the mention's clause ("Ls="/"Rs=") or across a clause break ("Lxs="/"Rxs=");
    # within STEM_NEAR tokens also "Ln="/"Rn=" (or "Lxn="/"Rxn=")
    stems = sent.stems
    for i in range(max(0, a - STEM_WINDOW), a):
        if st := stems[i]:
            side = "L" if clause[i] == cl_a else "Lx"
            f[side + "s=" + st] = 1.0
            if a - i <= STEM_NEAR:
                f[side + "n=" + st] = 1.0
    for i in range(b, min(n, b + STEM_WINDOW)):
        if st := stems[i]:
            side = "R" if clause[i] == cl_a else "Rx"
            f[side + "s=" + st] = 1.0
            if i - b + 1 <= STEM_NEAR:
                f[side + "n=" + st] = 1.0
    if bisect.bisect_left(sent.hits, a) < bisect.bisect_left(sent.hits, b):  # a lexicon word in the mention
        _mention_words(sent, a, b, f)
    if sent.speech:
        _speech_features(sent, a, b, f)
    if sent.constructions and b > a:
        for name, value in construction_features(toks, clause, sent.entities, sent.constructions, a, b).items():
            if _FAMILY_OF[name] in families:
                f[name] = value
    if "roles" in families and b > a:
        role = negative_verb_role(toks, news, sent.event, clause, sent.entities, a, b)
        if role:
            f[role] = 1.0
    if "aimed" in families:  # the rule layer's constructions as flags (newslab.target_rules), for CV only
        f.update(dict.fromkeys(("aimed_" + c.name for c in aimed_constructions(sent, a, b)), 1.0))
    if b > a and not families.isdisjoint(AIM_FAMILIES):  # at whom the evaluative words are aimed
        _mass_features(aim_masses(sent, a, b, news, pat, families, f), f)
    f["bias"] = 1.0
    return f


def _speech_features(sent: SentenceReading, a: int, b: int, f: dict[str, float]) -> None:
    """The holder, from the quotes stage: is the mention inside quoted or reported words, or their speaker?

    Lexicon words (not events) in the speech that contains the mention go to ``speech_about_*``
    (a quote about the target counts toward it), in speech whose speaker is the mention to
    ``speech_own_*`` (the target's own words), in any other speech to ``speech_other_*``.
    Flags: ``in_speech``, ``in_attributed_speech`` (the speech has a speaker), ``is_speaker``.
    """
    inside = [q for q in sent.speech if q[0] <= a and b <= q[1]]
    spoken = [q for q in sent.speech if 0 <= q[2] < b and a < q[3]]
    if inside:
        f["in_speech"] = 1.0
        if inside[0][2] != -1:  # a speaker in the sentence, or one found elsewhere (SPEAKER_ELSEWHERE)
            f["in_attributed_speech"] = 1.0
    if spoken:
        f["is_speaker"] = 1.0
    mass: dict[str, list[float]] = {}
    for i in sent.hits:
        if a <= i < b or sent.event[i]:
            continue
        if any(q[0] <= i < q[1] for q in inside):
            _add_mass(mass, "speech_about", sent.news[i], sent.pattern[i])
        elif any(q[0] <= i < q[1] for q in spoken):
            _add_mass(mass, "speech_own", sent.news[i], sent.pattern[i])
        elif any(q[0] <= i < q[1] for q in sent.speech):
            _add_mass(mass, "speech_other", sent.news[i], sent.pattern[i])
    _mass_features(mass, f)


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of the sentence of ``text`` that contains [start, end) (the whole text if it spans several)."""
    for s, e in sentence_spans(text):
        if s <= start and end <= e:
            return s, e
    return 0, len(text)


def _mention_tokens(sent: SentenceReading, start: int, end: int) -> tuple[int, int]:
    a, b = token_range(sent.starts, sent.ends, start, end)
    if a < 0:  # span between tokens (whitespace): an empty mention at the next token
        a = b = bisect.bisect_left(sent.starts, end)
    return a, b


def _check_span(text: str, span: object) -> tuple[int, int]:
    if not (isinstance(span, (tuple, list)) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        raise ParameterError(f"span must be a (start, end) pair of ints, got {span!r}")
    start, end = int(span[0]), int(span[1])
    if not 0 <= start < end <= len(text):
        raise ParameterError(f"span={span!r} is outside the text (0..{len(text)}) or empty; need 0 <= start < end")
    return start, end


def target_features(
    text: str,
    span: tuple[int, int],
    *,
    lexicon: Mapping[str, float] | None = None,
    families: Iterable[str] | None = None,
) -> dict[str, float]:
    """The explainable features the target model sees for ``text[span[0]:span[1]]``.

    Lexicon masses left/right/near the mention, in its clause and sentence (VADER with news
    corrections: ``_v*``; pattern: ``_p*``), negation/contrast/quote/reporting-verb flags,
    position, cue words around the masked mention marked by side (``L=``, ``R=``, adjacent ``L1=``/``R1=``),
    and Porter stems of the words within 8 tokens (names left out), marked by side and clause
    (``Ls=``/``Rs=`` same clause, ``Lxs=``/``Rxs=`` across a clause break, ``Ln=``/``Rn=`` within 2 tokens),
    and the mention's role in irony, blame and pressure constructions (:data:`FAMILIES`).

    ``families``: the hard-case families to compute (a subset of :data:`FAMILIES`); ``None`` means
    those the shipped model was trained with (:data:`SHIPPED_FAMILIES`). For experiments only: the
    packaged model expects the default.

    Example:
        >>> f = target_features("Allies are worried about Trump.", (25, 30))
        >>> f["left_vneg"] < 0, "L=worried" in f, "Ls=worri" in f
        (True, True, True)
    """
    sent, a, b = target_reading(text, span, lexicon=lexicon)
    if families is None:
        return _features(sent, a, b)
    chosen = frozenset(families)
    if not chosen <= FAMILIES:
        raise ParameterError(f"families={sorted(chosen)!r}; valid: subsets of {sorted(FAMILIES)}")
    return _features(sent, a, b, chosen)


def target_reading(
    text: str, span: tuple[int, int], *, lexicon: Mapping[str, float] | None = None
) -> tuple[SentenceReading, int, int]:
    """The sentence holding ``text[span[0]:span[1]]`` read once, and the mention's token range ``[a, b)`` in it."""
    text = check_text(text)
    start, end = _check_span(text, span)
    s, e = _sentence_of(text, start, end)
    sent = read_sentence(text, s, e, prepare_lexicon(lexicon))
    return (sent, *_mention_tokens(sent, start, end))


def _model() -> TargetModel:
    """The packaged model (kept for callers of the old private name)."""
    return shipped_target_model()


def _softmax(z0: float, z1: float, z2: float) -> tuple[float, float, float]:
    top = max(z0, z1, z2)
    e0, e1, e2 = math.exp(z0 - top), math.exp(z1 - top), math.exp(z2 - top)
    total = e0 + e1 + e2
    return e0 / total, e1 / total, e2 / total


_push = operator.itemgetter(0)


def _predict(
    feats: Mapping[str, float], target_model: TargetModel, n_evidence: int, sent: SentenceReading, a: int, b: int
) -> TargetSentiment:
    model = target_model.base
    weighted = model.weighted(feats)  # each weight looked up once, for the logits and the evidence
    z0, z1, z2 = model.logits_of(weighted)
    if target_model.adapted is None:
        probs = _softmax(z0, z1, z2)
        k = 0 if z0 >= z1 and z0 >= z2 else 1 if z1 >= z2 else 2  # the first of equal maxima, as max() picks
    else:  # an adapted model: the gate mixes the packaged and the adapted probabilities
        g = target_model.gate_share(feats)
        if target_model.words:  # word features learned from the codes: the adapted model's correction only
            feats = {**feats, **code_word_features(sent, a, b, target_model.words)}
        pa, pb = _softmax(z0, z1, z2), _softmax(*target_model.adapted.logits(feats))
        probs = ((1 - g) * pa[0] + g * pb[0], (1 - g) * pa[1] + g * pb[1], (1 - g) * pa[2] + g * pb[2])
        k = 0 if probs[0] >= probs[1] and probs[0] >= probs[2] else 1 if probs[1] >= probs[2] else 2
        if g >= 0.5:  # evidence from the linear model with the larger share
            model = target_model.adapted
        weighted = model.weighted(feats)  # the features may have grown by the code words
    # the rule layer of a model made by newslab.target_rules.rule_model (off in the packaged model)
    rule = rule_override(sent, a, b, LABELS[k], target_model.rules) if target_model.rules else None
    k = 0 if rule is not None else k
    evidence: tuple[Feature, ...] = ()
    if n_evidence:
        # push toward the chosen label = value * (its weight - mean weight of the other labels);
        # the strongest positive pushes, equal ones in feature order
        o1, o2 = (j for j in range(3) if j != k)
        # one pass: the same pushes, kept where positive, in the features' order
        pushes = [(p, name, value) for name, value, w in weighted if (p := value * (w[k] - (w[o1] + w[o2]) / 2)) > 0]
        pushes.sort(key=_push, reverse=True)  # a stable sort: reversed, equal pushes keep feature order
        evidence = tuple(Feature(name, value, push) for push, name, value in pushes[:n_evidence])
        if rule is not None:  # the construction leads, then the features that push toward negative
            evidence = (Feature(f"rule={rule.name}:{rule.words}", 1.0, 1.0), *evidence[: n_evidence - 1])
    return TargetSentiment(
        LABELS[k], probs[2] - probs[0], evidence, MappingProxyType(dict(zip(LABELS, probs, strict=True)))
    )


def target_sentiment(
    text: str,
    span: tuple[int, int],
    *,
    lexicon: Mapping[str, float] | None = None,
    n_evidence: int = 6,
    model: TargetModel | None = None,
) -> TargetSentiment:
    """Sentiment expressed toward ``text[span[0]:span[1]]``, not the tone of the whole sentence.

    A multinomial logistic model (weights in ``data/target_sentiment_model.tsv``) over the
    features of :func:`target_features`, computed in the sentence that contains the span.

    Args:
        text: A sentence or a whole article (the sentence holding the span is used).
        span: Character offsets of the target mention (end exclusive).
        lexicon: Term -> valence for the lexicon features; ``None`` means :func:`news_lexicon`
            (the model was trained with it).
        n_evidence: How many deciding features to return.
        model: A :class:`~newslab.target_model.TargetModel`, e.g. from :func:`newslab.adapt_target_model`;
            ``None`` means the packaged model.

    Returns:
        TargetSentiment(label, score, evidence, probabilities); ``score`` = P(positive) - P(negative).

    Raises:
        ParameterError: If ``span`` is not inside ``text`` or is empty, or ``model`` is not a target model.

    Example:
        >>> t = "Allies are deeply worried about Trump."
        >>> target_sentiment(t, span=(32, 37)).label
        'negative'
        >>> t = "Rutte praised Trump for his strong leadership."
        >>> target_sentiment(t, span=(14, 19)).label
        'positive'
    """
    chosen = check_model(model)
    sent, a, b = target_reading(text, span, lexicon=lexicon)
    return _predict(_features(sent, a, b), chosen, n_evidence, sent, a, b)


def target_sentiment_many(
    items: Iterable[tuple[str, tuple[int, int]]], *, n_evidence: int = 0, model: TargetModel | None = None
) -> list[TargetSentiment]:
    """:func:`target_sentiment` for many ``(text, span)`` pairs; each sentence is analyzed once.

    ``model``: a :class:`~newslab.target_model.TargetModel` (e.g. from :func:`newslab.adapt_target_model`);
    ``None`` means the packaged model.

    Example:
        >>> a = "Allies are deeply worried about Trump."
        >>> b = "Rutte praised Trump for his strong leadership."
        >>> [r.label for r in target_sentiment_many([(a, (32, 37)), (b, (14, 19))])]
        ['negative', 'positive']
    """
    # the mentions of each sentence (equal texts count as one), so that each sentence is split and
    # analyzed once and dropped once its mentions are scored; nothing outlives the call
    by_sentence: dict[tuple[str, int, int], list[tuple[int, int, int]]] = {}
    splits: dict[str, list[tuple[int, int]]] = {}
    for n, (text, span) in enumerate(items):
        try:
            text = check_text(text)
            start, end = _check_span(text, span)
        except NewslabError as err:
            raise ParameterError(f"item {n}: {err}") from err
        if text not in splits:
            splits[text] = sentence_spans(text)
        s, e = next(((s, e) for s, e in splits[text] if s <= start and end <= e), (0, len(text)))
        by_sentence.setdefault((text, s, e), []).append((n, start, end))
    chosen, lexicon = check_model(model), default_prepared()
    results: dict[int, TargetSentiment] = {}
    for (text, s, e), mentions in by_sentence.items():
        sent = read_sentence(text, s, e, lexicon)
        for n, start, end in mentions:
            a, b = _mention_tokens(sent, start, end)
            results[n] = _predict(_features(sent, a, b), chosen, n_evidence, sent, a, b)
    return [results[n] for n in range(len(results))]


def sentence_target_tones(
    sentence: str,
    spans: Sequence[tuple[int, int]],
    *,
    n_evidence: int = 6,
    speech: Sequence[Speech] | None = None,
    tokens: Sequence[tuple[int, int]] | None = None,
    model: TargetModel | None = None,
    toks: list[str] | None = None,
    hits: Sequence[Hit] | None = None,
) -> list[TargetSentiment]:
    """:func:`target_sentiment` of several mentions in one sentence; the sentence is analyzed once.

    The analysis pass calls this per sentence (stage "target tone"), so the cost is linear in
    the article's length however many mentions it has.

    Args:
        sentence: One sentence.
        spans: Mention spans, offsets into ``sentence``.
        n_evidence: Deciding features returned per mention.
        speech: The quotes and reported speech the quotes stage found in this sentence, as
            ``(content start, content end, speaker start, speaker end)`` offsets into
            ``sentence`` (speaker ``-1`` when none, :data:`SPEAKER_ELSEWHERE` when the speaker is
            outside the sentence); ``None`` (default): the quotes stage reads
            the sentence alone. The analysis pass hands over what it found in the article.
        tokens: The sentence's word spans (offsets into ``sentence``), when known; ``None``: tokenized here.
        model: A :class:`~newslab.target_model.TargetModel`; ``None`` means the packaged model.
        toks: The tokens lowercased (``lower_tokens``), when known (the parsed document holds them).
        hits: ``lexicon_hits(toks, default_prepared(), contrast=False)``, when known (sentence tone's).

    Example:
        >>> s = "Rutte praised Trump, but allies are worried about Putin."
        >>> [r.label for r in sentence_target_tones(s, [(14, 19), (50, 55)])]
        ['positive', 'negative']
    """
    if not spans:
        return []
    chosen = check_model(model)
    sent = read_sentence(sentence, 0, len(sentence), default_prepared(), speech, tokens, toks, hits)
    out = []
    for span in spans:
        start, end = _check_span(sentence, span)
        a, b = _mention_tokens(sent, start, end)
        out.append(_predict(_features(sent, a, b), chosen, n_evidence, sent, a, b))
    return out
