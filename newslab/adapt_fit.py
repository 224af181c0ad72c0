"""The fits behind :func:`newslab.adapt_target_model`: design matrix, retrained and offset tone models, domain gate.

The design holds the packaged model's features of NewsMTSC train followed by the coded items,
and beside them the word features of :mod:`newslab.code_words` (only words that occur in the
codes). A *retrain* candidate refits the packaged model's features on training data plus codes;
an *offset* candidate fits a correction to the packaged weights on the codes alone, optionally
with the word features (which start at 0, so the correction is all they carry).

Example:
    >>> _softmax(np.zeros((1, 3))).round(3).tolist()
    [[0.333, 0.333, 0.333]]
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from newslab.code_words import WORD_SETS, code_word_features
from newslab.lexicons import data_path, stopwords
from newslab.scores import LABELS, macro_f1
from newslab.target_model import LinearModel, shipped_target_model
from newslab.target_tone import _features, target_reading

#: Inverse L2 strength of the tone model: the value chosen by 5-fold grouped CV on NewsMTSC train
#: (validation/train_target_model.py, grid 0.05-0.4); kept so that w=0 reproduces the packaged model.
MODEL_C = 0.1
#: Minimum count of a feature in the training data (same source and choice as MODEL_C).
MIN_COUNT = 3
#: Inverse L2 strength of the domain gate: a sharp gate, so that news sentences keep the packaged model.
#: Chosen by grouped CV on the two hand-coded pools (ewt reviews, answers; validation/score_adaptation.py
#: --cv; docs/validity.md): from C = 0.1 (round 1) to 10 the fold-averaged guard loss of the best offset fell
#: ~3x (reviews l2 = 1: -0.012 -> -0.004) at the same CV macro-F1 within noise; 30 and 100 gave no more.
GATE_C = 10.0
#: Candidate decision offsets (added to one label's logit of the adapted model; neutral stays 0), tried for
#: negative and positive in every combination (13 x 13): wide enough to lift a class the log-loss fit under-
#: predicts (a rare class in a neutral-heavy domain) by odds of e^2, and symmetric enough to lower one by e^-1.
DECISION_OFFSETS = tuple(float(v) for v in np.arange(-1.0, 2.01, 0.25))
#: Candidate powers of the prior (label-shift) correction (Saerens, Latinne & Decaestecker 2002): the adapted
#: model's logits get ``power * log(domain share / training share)``. 1 is the full Bayes correction (best for
#: accuracy); macro-F1 favours less for a rare class, so the power is chosen by grouped CV from 0 (none) to 1.
PRIOR_POWERS = (0.0, 0.25, 0.5, 0.75, 1.0)
#: Candidate pseudo-counts that smooth the codes' label shares toward the training shares (chosen by grouped
#: CV): 0 (the codes' shares as they are), a third and the whole of a 300-item coding (100, 300).
PRIOR_SMOOTHING = (0.0, 100.0, 300.0)
#: The label shares the tone models are fit under: both the packaged model and every candidate are fit with
#: class-balanced weights (``class_weight="balanced"``), so they act as if each label held a third of the items.
TRAINING_SHARES = np.full(3, 1.0 / 3.0)
TRAINING_FILE = "newsmtsc_train.jsonl.gz"
_POLARITY = {-1: "negative", 0: "neutral", 1: "positive"}
Features = dict[str, float]


def training_items() -> list[tuple[str, int, int, str]]:
    """NewsMTSC train as ``(sentence, start, end, label)``: what the packaged model was trained on."""
    with data_path(TRAINING_FILE).open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        out = []
        for line in handle:
            rec = json.loads(line)
            out.append((rec["sentence"], int(rec["start"]), int(rec["end"]), _POLARITY[int(rec["polarity"])]))
    return out


def item_features(text: str, start: int, end: int) -> tuple[Features, Features]:
    """The packaged model's features of one item and its word features (every set of :data:`WORD_SETS`)."""
    sent, a, b = target_reading(text, (start, end))
    return _features(sent, a, b), code_word_features(sent, a, b, WORD_SETS)


@functools.cache
def training_features() -> tuple[tuple[tuple[str, int, int, str], ...], tuple[tuple[Features, Features], ...]]:
    """NewsMTSC train and its features, computed once per process (read-only: the design copies what it keeps)."""
    train = tuple(training_items())
    return train, tuple(item_features(s, a, b) for s, a, b, _ in train)


def guard_sentence(sentence: str) -> bool:
    """A fixed fifth of the training sentences (by a hash of the text, so all targets of a sentence go together)."""
    return int(hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:8], 16) % 5 == 0


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class Design:
    """Feature matrix of the training items followed by the coded items, the packaged weights on it, word columns."""

    def __init__(self, train: Sequence[tuple[Features, Features]], codes: Sequence[tuple[Features, Features]]) -> None:
        from sklearn.feature_extraction import DictVectorizer

        feats = [f for f, _ in train] + [f for f, _ in codes]
        counts = Counter(k for f in feats for k in f)
        self.vec = DictVectorizer()
        self.x = self.vec.fit_transform([{k: v for k, v in f.items() if counts[k] >= MIN_COUNT} for f in feats]).tocsr()
        self.n_train = len(train)
        self.names = [str(n) for n in self.vec.get_feature_names_out()]
        self.bias_col = self.names.index("bias") if "bias" in self.names else -1
        base = shipped_target_model().base
        self.w0 = np.zeros((3, len(self.names)))
        for j, name in enumerate(self.names):
            w = base.weights.get(name)
            if w is not None:
                self.w0[:, j] = w
        self.b0 = np.asarray(base.intercept, dtype=float)
        # word columns: only words that occur in the codes (a word no code holds gets no weight under L2)
        words = DictVectorizer()
        words.fit([w for _, w in codes])
        self.xw = words.transform([w for _, w in train] + [w for _, w in codes]).tocsr()
        self.xw.data[:] = np.sign(self.xw.data)  # indicators; the lexicon set keeps its sign (+1 / -1)
        self.word_names = [str(n) for n in words.get_feature_names_out()]
        prefixes = list(WORD_SETS.values())
        self.word_set = np.array(
            [next(k for k, p in enumerate(prefixes) if n.startswith(p)) for n in self.word_names], dtype=int
        )
        stop = stopwords()
        # function words only: every word of the feature is on the packaged stop-word list (a bigram of two
        # function words; "not good" is kept), the lexicon set never (its words carry a lexicon weight)
        self.function_word = np.array(
            [
                not n.startswith(WORD_SETS["lexicon"]) and all(w in stop for w in n.split("=", 1)[1].split(" "))
                for n in self.word_names
            ],
            dtype=bool,
        )

    def base_proba(self, rows: np.ndarray) -> np.ndarray:
        """The packaged model's label probabilities on ``rows``."""
        return _softmax(self.x[rows] @ self.w0.T + self.b0)

    def word_columns(
        self, sets: Sequence[str], code_rows: np.ndarray, min_codes: int, content_only: bool = False
    ) -> np.ndarray:
        """Word columns of ``sets`` that occur in at least ``min_codes`` of ``code_rows``.

        ``content_only``: without the function-word columns (words on the packaged stop-word list).
        """
        if not sets or not self.word_names:
            return np.zeros(0, dtype=int)
        wanted = np.isin(self.word_set, [list(WORD_SETS).index(s) for s in sets])
        if content_only:
            wanted &= ~self.function_word
        seen = np.asarray((self.xw[code_rows] != 0).sum(axis=0)).ravel()
        return np.flatnonzero(wanted & (seen >= min_codes))


def fit_tone(design: Design, y: np.ndarray, train_rows: np.ndarray, code_rows: np.ndarray, weight: float) -> Any:
    """The tone model on ``train_rows`` (training items) plus ``code_rows`` counted ``weight`` times.

    Warm-started from the packaged weights (the optimum is the same; it only converges faster).
    """
    from sklearn.linear_model import LogisticRegression

    rows = np.concatenate([train_rows, code_rows])
    sw = np.concatenate([np.ones(len(train_rows)), np.full(len(code_rows), weight)])
    model = LogisticRegression(C=MODEL_C, class_weight="balanced", max_iter=3000, warm_start=True)
    model.coef_, model.intercept_, model.classes_ = design.w0.copy(), design.b0.copy(), np.array(LABELS)
    return model.fit(design.x[rows], y[rows], sample_weight=sw)


class Offset:
    """A correction fit on the codes alone, added to the packaged logits: packaged weights + W, word weights V."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray, word_cols: np.ndarray, word_coef: np.ndarray) -> None:
        self.coef_, self.intercept_ = coef, intercept
        self.word_cols, self.word_coef = word_cols, word_coef

    def proba(self, design: Design, rows: np.ndarray) -> np.ndarray:
        """Label probabilities on ``rows`` of ``design``."""
        z = design.x[rows] @ self.coef_.T + self.intercept_
        if len(self.word_cols):
            z = z + design.xw[rows][:, self.word_cols] @ self.word_coef.T
        return _softmax(np.asarray(z))


def tone_proba(design: Design, tone: Any, rows: np.ndarray) -> np.ndarray:
    """Label probabilities of a retrained (sklearn) or offset tone model on ``rows``."""
    return tone.proba(design, rows) if isinstance(tone, Offset) else tone.predict_proba(design.x[rows])


def fit_offset(
    design: Design,
    y: np.ndarray,
    code_rows: np.ndarray,
    l2: float,
    words: Sequence[str] = (),
    min_codes: int = 2,
    content_only: bool = False,
    word_scale: float = 1.0,
) -> Offset:
    """Multinomial logistic correction ``W`` to the packaged weights, fit on ``code_rows`` only.

    Minimizes the class-balanced log loss of ``softmax(x @ (w0 + W).T + b0 + c + xw @ V.T)`` plus
    ``0.5 * l2 * (|W|^2 + |V|^2)`` (L-BFGS): an L2 prior centred on the packaged model, so few codes
    move the weights of the words they hold and nothing else; the intercept shift ``c`` (the constant
    ``bias`` feature) is not penalized, so the labels' base rates in the codes are re-estimated.
    ``V``: weights of the word features of ``words`` seen in at least ``min_codes`` of the codes (without
    function words if ``content_only``), penalized by ``l2 / word_scale`` (``word_scale`` > 1: the words learned
    from the codes may take larger weights than the corrections of the packaged weights).
    """
    from scipy.optimize import minimize  # type: ignore[import-untyped]  # scipy comes with scikit-learn
    from scipy.sparse import hstack  # type: ignore[import-untyped]

    full = design.x[code_rows]
    z0 = np.asarray(full @ design.w0.T) + design.b0
    # only the columns the codes use can move (the gradient of an all-zero column stays 0 under L2),
    # so the fit runs on them: ~1,000 columns instead of ~9,000, the same optimum
    cols = np.unique(full.indices)
    word_cols = design.word_columns(words, code_rows, min_codes, content_only)
    x = hstack([full[:, cols], design.xw[code_rows][:, word_cols]]).tocsr()
    labels = np.searchsorted(np.array(LABELS), y[code_rows])
    target = np.eye(3)[labels]
    counts = np.bincount(labels, minlength=3).astype(float)
    sw = (len(labels) / (3 * np.maximum(counts, 1.0)))[labels]  # class_weight="balanced", as the tone model
    penalty = np.concatenate([np.where(cols == design.bias_col, 0.0, l2), np.full(len(word_cols), l2 / word_scale)])
    d = len(penalty)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta.reshape(3, d)
        z = z0 + np.asarray(x @ w.T)
        z -= z.max(axis=1, keepdims=True)
        lse = np.log(np.exp(z).sum(axis=1))
        grad = (np.exp(z - lse[:, None]) - target) * sw[:, None]
        value = float((sw * (lse - (z * target).sum(axis=1))).sum() + 0.5 * (penalty * w * w).sum())
        return value, (np.asarray(x.T @ grad).T + penalty * w).ravel()

    theta = minimize(loss, np.zeros(3 * d), jac=True, method="L-BFGS-B", options={"maxiter": 1000}).x.reshape(3, d)
    coef = design.w0.copy()
    coef[:, cols] += theta[:, : len(cols)]
    return Offset(coef, design.b0.copy(), word_cols, theta[:, len(cols) :])


def fit_gate(design: Design, train_rows: np.ndarray, code_rows: np.ndarray, start: Any = None) -> Any:
    """Logistic gate: P(an item looks like the user's coded items rather than the training news).

    ``start``: a gate fit on nearly the same rows (another CV fold) to warm-start from; the
    optimum is the same, it only converges in fewer iterations.
    """
    from sklearn.linear_model import LogisticRegression

    rows = np.concatenate([train_rows, code_rows])
    domain = np.concatenate([np.zeros(len(train_rows)), np.ones(len(code_rows))])
    gate = LogisticRegression(C=GATE_C, class_weight="balanced", max_iter=3000, warm_start=start is not None)
    if start is not None:
        gate.coef_, gate.intercept_, gate.classes_ = start.coef_.copy(), start.intercept_.copy(), start.classes_
    return gate.fit(design.x[rows], domain)


def mix(design: Design, tone: Any, gate: Any, rows: np.ndarray) -> np.ndarray:
    """Gate-weighted mix of the packaged model and ``tone`` on ``rows``."""
    g = gate.predict_proba(design.x[rows])[:, 1][:, None]
    return (1 - g) * design.base_proba(rows) + g * tone_proba(design, tone, rows)


def macro_f1_index(truth: np.ndarray, pred: np.ndarray) -> float:
    """Macro-F1 of label indices 0-2 (fast: used ~1,000 times per offset search); absent classes count 0.

    Example:
        >>> round(macro_f1_index(np.array([0, 1, 2, 2]), np.array([0, 1, 2, 1])), 3)
        0.778
    """
    cm = np.bincount(3 * truth + pred, minlength=9).reshape(3, 3).astype(float)
    tp = np.diag(cm)
    denom = cm.sum(axis=0) + cm.sum(axis=1)
    return float(np.mean(np.where(denom > 0, 2 * tp / np.maximum(denom, 1e-12), 0.0)))


def shifted_mix(base: np.ndarray, g: np.ndarray, tone: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The gate mix with ``offsets`` (one per label) added to the adapted model's logits (its intercepts)."""
    return (1 - g) * base + g * _softmax(np.log(np.maximum(tone, 1e-300)) + offsets)


def choose_offsets(truth: np.ndarray, base: np.ndarray, g: np.ndarray, tone: np.ndarray) -> tuple[np.ndarray, float]:
    """Decision offsets (negative, 0, positive) from :data:`DECISION_OFFSETS` that maximise macro-F1 of the mix.

    ``truth``: label indices; ``base``, ``tone``: the packaged and adapted probabilities, ``g`` the gate
    shares (column), all of held-out items. Ties go to the smaller total shift (0, 0 first).
    """
    best, best_f1 = np.zeros(3), -1.0
    grid = sorted(((a, b) for a in DECISION_OFFSETS for b in DECISION_OFFSETS), key=lambda d: abs(d[0]) + abs(d[1]))
    for neg, pos in grid:
        off = np.array([neg, 0.0, pos])
        f1 = macro_f1_index(truth, shifted_mix(base, g, tone, off).argmax(axis=1))
        if f1 > best_f1 + 1e-12:
            best, best_f1 = off, f1
    return best, best_f1


def crossfit_offsets(
    truth: np.ndarray,
    base: np.ndarray,
    g: np.ndarray,
    tone: np.ndarray,
    splits: Sequence[tuple[np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Held-out predictions with offsets chosen on the other folds' items only (grouped CV of the offsets).

    Returns the predicted label indices and the offsets used in each fold.
    """
    pred = np.empty(len(truth), dtype=int)
    used = []
    for tr, te in splits:
        off, _ = choose_offsets(truth[tr], base[tr], g[tr], tone[tr])
        pred[te] = shifted_mix(base[te], g[te], tone[te], off).argmax(axis=1)
        used.append(off)
    return pred, used


def prior_shift(truth: np.ndarray, power: float, smoothing: float) -> np.ndarray:
    """The label-shift correction of the logits: ``power * log(smoothed share in the codes / training share)``.

    ``truth``: the codes' label indices; the shares are ``(count + smoothing * training share) / (n + smoothing)``.

    Example:
        >>> prior_shift(np.array([1, 1, 1, 0]), 1.0, 0.0).round(3).tolist()  # 1/4 negative, 3/4 neutral, none positive
        [-0.288, 0.811, -inf]
    """
    counts = np.bincount(truth, minlength=3).astype(float)
    shares = (counts + smoothing * TRAINING_SHARES) / (len(truth) + smoothing)
    if power == 0:
        return np.zeros(3)
    with np.errstate(divide="ignore"):
        return np.asarray(power * (np.log(shares) - np.log(TRAINING_SHARES)), dtype=float)


def choose_prior(truth: np.ndarray, base: np.ndarray, g: np.ndarray, tone: np.ndarray) -> tuple[float, float, float]:
    """Power and smoothing (:data:`PRIOR_POWERS` x :data:`PRIOR_SMOOTHING`) maximising macro-F1 of the shifted mix.

    The shares come from ``truth`` itself (held-out items of the same codes). Ties go to the smaller power,
    then the larger smoothing (the weaker correction). Returns ``(power, smoothing, macro-F1)``.
    """
    best = (0.0, PRIOR_SMOOTHING[-1], -1.0)
    for power in PRIOR_POWERS:
        for smoothing in sorted(PRIOR_SMOOTHING, reverse=True):
            shift = np.nan_to_num(prior_shift(truth, power, smoothing), neginf=-50.0)
            f1 = macro_f1_index(truth, shifted_mix(base, g, tone, shift).argmax(axis=1))
            if f1 > best[2] + 1e-12:
                best = (power, smoothing, f1)
    return best


def crossfit_prior(
    truth: np.ndarray,
    base: np.ndarray,
    g: np.ndarray,
    tone: np.ndarray,
    splits: Sequence[tuple[np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Held-out predictions with the prior correction (power, smoothing and shares) from the other folds only."""
    pred = np.empty(len(truth), dtype=int)
    used = []
    for tr, te in splits:
        power, smoothing, _ = choose_prior(truth[tr], base[tr], g[tr], tone[tr])
        shift = np.nan_to_num(prior_shift(truth[tr], power, smoothing), neginf=-50.0)
        pred[te] = shifted_mix(base[te], g[te], tone[te], shift).argmax(axis=1)
        used.append((power, smoothing))
    return pred, used


def held_out_offsets(
    truth: np.ndarray,
    base: np.ndarray,
    parts: tuple[np.ndarray, np.ndarray],
    splits: Sequence[tuple[np.ndarray, np.ndarray]],
    plain: np.ndarray,
    wanted: bool,
    method: str = "offsets",
) -> dict[str, Any]:
    """Per-label decision offsets of the chosen candidate, with their own grouped CV.

    See ``decision_offsets`` and ``prior_correction`` of :func:`newslab.adapt_target_model`.

    ``method="prior"``: the offsets are a label-shift correction (see ``prior_correction``).
    """
    share, tone = parts
    idx = np.searchsorted(np.array(LABELS), truth)
    without = macro_f1(truth, plain)
    if not wanted:
        return {"used": False, "why": "not tried", "shift": np.zeros(3), "cv_macro_f1_without": without}
    extra: dict[str, Any] = {"method": method}
    per_fold: Sequence[Any]
    if method == "prior":
        pred, per_fold = crossfit_prior(idx, base, share, tone, splits)
        power, smoothing, _ = choose_prior(idx, base, share, tone)
        shift = np.nan_to_num(prior_shift(idx, power, smoothing), neginf=-50.0)
        extra.update(power=power, smoothing=smoothing)
    else:
        pred, per_fold = crossfit_offsets(idx, base, share, tone, splits)
        shift, _ = choose_offsets(idx, base, share, tone)
    with_f1 = macro_f1(truth, np.array(LABELS)[pred])
    used = bool(with_f1 > without and np.any(shift != 0))
    return {
        **extra,
        "used": used,
        "why": "their grouped CV beats the candidate without them" if used else "no gain in their grouped CV",
        "shift": shift,
        "per_fold": [[float(v) for v in f] for f in per_fold],
        "cv_macro_f1_without": without,
        "cv_macro_f1_with": with_f1,
        "predictions": np.array(LABELS)[pred],
    }


def export_linear(design: Design, tone: Any) -> LinearModel:
    """A fitted tone model as a LinearModel; the constant ``bias`` feature is folded into the intercept."""
    b = [float(x) for x in tone.intercept_]
    weights: dict[str, tuple[float, float, float]] = {}
    names, coef = list(design.names), tone.coef_
    if isinstance(tone, Offset) and len(tone.word_cols):
        names += [design.word_names[j] for j in tone.word_cols]
        coef = np.hstack([coef, tone.word_coef])
    for j, name in enumerate(names):
        col = coef[:, j]
        if name == "bias":
            b = [b[k] + float(col[k]) for k in range(3)]
        elif np.abs(col).max() >= 1e-6:
            weights[name] = (float(col[0]), float(col[1]), float(col[2]))
    return LinearModel(weights, (b[0], b[1], b[2]))


__all__ = [
    "DECISION_OFFSETS",
    "GATE_C",
    "MIN_COUNT",
    "MODEL_C",
    "PRIOR_POWERS",
    "PRIOR_SMOOTHING",
    "TRAINING_SHARES",
    "Design",
    "Offset",
    "choose_offsets",
    "choose_prior",
    "crossfit_offsets",
    "crossfit_prior",
    "export_linear",
    "fit_gate",
    "fit_offset",
    "fit_tone",
    "guard_sentence",
    "held_out_offsets",
    "item_features",
    "macro_f1_index",
    "mix",
    "prior_shift",
    "shifted_mix",
    "tone_proba",
    "training_features",
    "training_items",
]
