"""Adapt the target tone model to a researcher's own coding.

:func:`adapt_target_model` compares two kinds of candidate, by cross-validation on the codes
alone with folds grouped by article (no article on both sides):

* *retrain*: newslab's transparent target model (the same features, the same multinomial logistic
  regression, the same C and feature count cut-off as ``validation/train_target_model.py``) refit
  on its training data, NewsMTSC train (shipped compact as ``data/newsmtsc_train.jsonl.gz``,
  MIT), plus the user's coded items, each counting ``w`` times (:data:`CODE_WEIGHTS`);
* *offset*: the packaged weights plus a correction fit on the codes alone, with an L2 penalty
  ``l2`` on the correction (:data:`OFFSET_L2`) and free intercepts, so that the codes' base
  rates are re-estimated: a prior centred on the packaged model, which lets ~300 codes move the
  words they hold.

Only candidates that keep a guard set of training sentences (a fixed fifth of NewsMTSC train,
left out of the CV fits) within :data:`GUARD_TOLERANCE` macro-F1 of the model without codes are
allowed. A domain gate (a logistic model over the same features: "is this one of the user's
items or a training news sentence?") mixes the packaged and the adapted model per item, so text
like newslab's training news keeps the packaged behaviour.

The returned :class:`~newslab.target_model.TargetModel` carries its cross-validation in
``model.provenance`` (macro-F1 of the packaged and of the adapted model on the same held-out
folds, with cluster-bootstrap CIs); :func:`adaptation_table` shows it as a table. If no candidate
beats the packaged model in cross-validation, the packaged model is returned (and the
provenance says so), and likewise when the 95% CI of the CV gain includes 0: adapting moves the
weights, which costs a little on newslab's own training news, so it is done only for a gain
beyond chance.

Example:
    >>> import pandas as pd
    >>> codes = pd.DataFrame({"text": ["Critics slammed the mayor."] * 2, "start": [20, 20], "end": [25, 25],
    ...                       "label": ["negative", "negative"]})
    >>> check_codes(codes)["group"].tolist()
    ['Critics slammed the mayor.', 'Critics slammed the mayor.']
"""

from __future__ import annotations

import datetime
import functools
import gzip
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from newslab.errors import CodingError, ParameterError
from newslab.lexicons import data_path
from newslab.scores import LABELS, cluster_bootstrap, macro_f1
from newslab.target_model import LinearModel, TargetModel, shipped_target_model
from newslab.target_tone import target_features

logger = logging.getLogger(__name__)

#: Candidate weights of one coded item relative to one NewsMTSC training item ("retrain" candidates);
#: chosen by grouped CV. Two, not six: on the ewt review pool (validation/score_adaptation.py --cv) the
#: grid 1-300 peaked at 100 with 10-300 within 0.02, and every weight costs five fits on ~9,000 items.
CODE_WEIGHTS = (10.0, 100.0)
#: Candidate L2 strengths of the "offset" candidates: a correction to the packaged weights fit on the
#: codes alone (penalty 0.5 * l2 * |W|^2, intercepts free so that base rates are re-estimated);
#: chosen by grouped CV. Grid from the ewt review pool CV (best 1-3, falling beyond 30).
OFFSET_L2 = (1.0, 3.0, 10.0, 30.0)
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
#: Largest macro-F1 loss allowed on the guard sentences (NewsMTSC train left out of every fit), both
#: fold-averaged in CV and for the returned model itself: a quarter of the outside limit (0.01 on
#: NewsMTSC test), because in round 1 the loss on NewsMTSC rw dev (-0.010) was twice the guard's (-0.005).
GUARD_TOLERANCE = 0.0025
TRAINING_FILE = "newsmtsc_train.jsonl.gz"
_POLARITY = {-1: "negative", 0: "neutral", 1: "positive"}


def check_codes(codes: Any) -> pd.DataFrame:
    """Validate coded items and return them as a clean table (``text, start, end, label, group``).

    ``group`` is the column ``article_id`` if present (items of one article stay in one CV fold),
    else the text. Labels are matched case-insensitively after stripping spaces.

    Raises:
        CodingError: Naming the row and the fix, for a missing column, a span outside its text,
            or a label that is not negative/neutral/positive.
    """
    if not isinstance(codes, pd.DataFrame):
        raise CodingError(
            f"codes must be a pandas DataFrame with columns text, start, end, label; got {type(codes).__name__}"
        )
    missing = [c for c in ("text", "start", "end", "label") if c not in codes.columns]
    if missing:
        raise CodingError(f"codes lack column(s) {missing}; need text, start, end, label (target = text[start:end])")
    if len(codes) == 0:
        raise CodingError("codes have no rows; code at least a few dozen items (the CV needs 2+ articles)")
    rows = []
    has_id = "article_id" in codes.columns
    for n, rec in enumerate(codes.to_dict("records")):
        text, label = rec["text"], rec["label"]
        if not isinstance(text, str) or not text.strip():
            raise CodingError(f"codes row {n}: text is empty or not a string ({text!r}); give the coded sentence")
        try:
            start, end = int(rec["start"]), int(rec["end"])
        except (TypeError, ValueError) as err:
            raise CodingError(
                f"codes row {n}: start/end must be integers, got {rec['start']!r}, {rec['end']!r}"
            ) from err
        if not 0 <= start < end <= len(text):
            raise CodingError(
                f"codes row {n}: span ({start}, {end}) is outside the text (length {len(text)}) or empty; "
                "need 0 <= start < end <= len(text)"
            )
        lab = str(label).strip().lower()
        if lab not in LABELS:
            raise CodingError(f"codes row {n}: label {label!r} is not one of {list(LABELS)}; recode or drop the row")
        group = rec["article_id"] if has_id else None
        rows.append((text, start, end, lab, str(group) if group is not None and group == group else text))
    return pd.DataFrame(rows, columns=["text", "start", "end", "label", "group"])


def training_items() -> list[tuple[str, int, int, str]]:
    """NewsMTSC train as ``(sentence, start, end, label)``: what the packaged model was trained on."""
    with data_path(TRAINING_FILE).open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        out = []
        for line in handle:
            rec = json.loads(line)
            out.append((rec["sentence"], int(rec["start"]), int(rec["end"]), _POLARITY[int(rec["polarity"])]))
    return out


def _guard(sentence: str) -> bool:
    """A fixed fifth of the training sentences (by a hash of the text, so all targets of a sentence go together)."""
    return int(hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:8], 16) % 5 == 0


class _Design:
    """Feature matrix of the training items followed by the coded items, and the packaged weights on it."""

    def __init__(self, train_feats: list[dict[str, float]], code_feats: list[dict[str, float]]) -> None:
        from sklearn.feature_extraction import DictVectorizer

        counts = Counter(k for f in train_feats + code_feats for k in f)
        self.vec = DictVectorizer()
        self.x = self.vec.fit_transform(
            [{k: v for k, v in f.items() if counts[k] >= MIN_COUNT} for f in train_feats + code_feats]
        ).tocsr()
        self.n_train = len(train_feats)
        self.names = [str(n) for n in self.vec.get_feature_names_out()]
        self.bias_col = self.names.index("bias") if "bias" in self.names else -1
        base = shipped_target_model().base
        self.w0 = np.zeros((3, len(self.names)))
        for j, name in enumerate(self.names):
            w = base.weights.get(name)
            if w is not None:
                self.w0[:, j] = w
        self.b0 = np.asarray(base.intercept, dtype=float)

    def base_proba(self, rows: np.ndarray) -> np.ndarray:
        return _softmax(self.x[rows] @ self.w0.T + self.b0)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _fit_tone(design: _Design, y: np.ndarray, train_rows: np.ndarray, code_rows: np.ndarray, weight: float) -> Any:
    """The tone model on ``train_rows`` (training items) plus ``code_rows`` counted ``weight`` times.

    Warm-started from the packaged weights (the optimum is the same; it only converges faster).
    """
    from sklearn.linear_model import LogisticRegression

    rows = np.concatenate([train_rows, code_rows])
    sw = np.concatenate([np.ones(len(train_rows)), np.full(len(code_rows), weight)])
    model = LogisticRegression(C=MODEL_C, class_weight="balanced", max_iter=3000, warm_start=True)
    model.coef_, model.intercept_, model.classes_ = design.w0.copy(), design.b0.copy(), np.array(LABELS)
    return model.fit(design.x[rows], y[rows], sample_weight=sw)


class _Offset:
    """A correction fit on the codes alone, added to the packaged logits: coef = packaged weights + W."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray) -> None:
        self.coef_, self.intercept_ = coef, intercept

    def predict_proba(self, x: Any) -> np.ndarray:
        return _softmax(x @ self.coef_.T + self.intercept_)


def _fit_offset(design: _Design, y: np.ndarray, code_rows: np.ndarray, l2: float) -> _Offset:
    """Multinomial logistic correction ``W`` to the packaged weights, fit on ``code_rows`` only.

    Minimizes the class-balanced log loss of ``softmax(x @ (w0 + W).T + b0 + c)`` plus
    ``0.5 * l2 * |W|^2`` (L-BFGS): an L2 prior centred on the packaged model, so few codes move
    the weights of the words they hold and nothing else; the intercept shift ``c`` (the constant
    ``bias`` feature) is not penalized, so the labels' base rates in the codes are re-estimated.
    """
    from scipy.optimize import minimize  # type: ignore[import-untyped]  # scipy comes with scikit-learn

    full = design.x[code_rows]
    z0 = np.asarray(full @ design.w0.T) + design.b0
    # only the columns the codes use can move (the gradient of an all-zero column stays 0 under L2),
    # so the fit runs on them: ~1,000 columns instead of ~9,000, the same optimum
    cols = np.unique(full.indices)
    x = full[:, cols]
    labels = np.searchsorted(np.array(LABELS), y[code_rows])
    target = np.eye(3)[labels]
    counts = np.bincount(labels, minlength=3).astype(float)
    sw = (len(labels) / (3 * np.maximum(counts, 1.0)))[labels]  # class_weight="balanced", as the tone model
    penalty = np.where(cols == design.bias_col, 0.0, l2)
    d = len(cols)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta.reshape(3, d)
        z = z0 + np.asarray(x @ w.T)
        z -= z.max(axis=1, keepdims=True)
        lse = np.log(np.exp(z).sum(axis=1))
        grad = (np.exp(z - lse[:, None]) - target) * sw[:, None]
        value = float((sw * (lse - (z * target).sum(axis=1))).sum() + 0.5 * (penalty * w * w).sum())
        return value, (np.asarray(x.T @ grad).T + penalty * w).ravel()

    theta = minimize(loss, np.zeros(3 * d), jac=True, method="L-BFGS-B", options={"maxiter": 1000}).x
    coef = design.w0.copy()
    coef[:, cols] += theta.reshape(3, d)
    return _Offset(coef, design.b0.copy())


def _fit_gate(design: _Design, train_rows: np.ndarray, code_rows: np.ndarray, start: Any = None) -> Any:
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


def _mix(design: _Design, tone: Any, gate: Any, rows: np.ndarray, base: Any = None) -> np.ndarray:
    """Gate-weighted mix of the base model (default: the packaged one) and ``tone``."""
    g = gate.predict_proba(design.x[rows])[:, 1][:, None]
    base_p = design.base_proba(rows) if base is None else base.predict_proba(design.x[rows])
    return (1 - g) * base_p + g * tone.predict_proba(design.x[rows])


def _linear(names: Sequence[str], coef: np.ndarray, intercept: np.ndarray) -> LinearModel:
    """Export sklearn weights as a LinearModel; the constant ``bias`` feature is folded into the intercept."""
    b = [float(x) for x in intercept]
    weights: dict[str, tuple[float, float, float]] = {}
    for j, name in enumerate(names):
        col = coef[:, j]
        if name == "bias":
            b = [b[k] + float(col[k]) for k in range(3)]
        elif np.abs(col).max() >= 1e-6:
            weights[name] = (float(col[0]), float(col[1]), float(col[2]))
    return LinearModel(weights, (b[0], b[1], b[2]))


def _score_with_ci(
    truth: np.ndarray, pred: np.ndarray, groups: Sequence[str], n_boot: int, seed: int
) -> dict[str, float]:
    f1 = macro_f1(truth, pred)
    lo, hi = cluster_bootstrap(groups, lambda idx: macro_f1(truth[idx], pred[idx]), n_boot=n_boot, seed=seed)
    return {"macro_f1": f1, "ci_low": lo, "ci_high": hi}


@functools.cache
def _training_features() -> tuple[tuple[tuple[str, int, int, str], ...], tuple[dict[str, float], ...]]:
    """NewsMTSC train and its features, computed once per process (the packaged data never changes).

    Read-only use only: :class:`_Design` copies what it keeps.
    """
    train = tuple(training_items())
    return train, tuple(target_features(s, (a, b)) for s, a, b, _ in train)


def _candidates(weights: Sequence[float], l2: Sequence[float]) -> list[tuple[str, float]]:
    """The candidate adaptations: ``("retrain", w)`` and ``("offset", l2)``, in a fixed order."""
    retrain = sorted({float(w) for w in weights if float(w) > 0})
    offset = sorted({float(v) for v in l2 if float(v) > 0})
    if not retrain and not offset:
        raise ParameterError(
            f"weights={list(weights)!r}, l2={list(l2)!r}; give at least one positive value, "
            f"e.g. weights={CODE_WEIGHTS}, l2={OFFSET_L2}"
        )
    return [("retrain", w) for w in retrain] + [("offset", v) for v in offset]


def _label(candidate: tuple[str, float]) -> str:
    kind, value = candidate
    return f"retrain w={value:g}" if kind == "retrain" else f"offset l2={value:g}"


def adapt_target_model(
    codes: pd.DataFrame,
    *,
    weights: Sequence[float] = CODE_WEIGHTS,
    l2: Sequence[float] = OFFSET_L2,
    folds: int = 5,
    n_boot: int = 1000,
    seed: int = 0,
) -> TargetModel:
    """Retrain the target tone model on its training data plus your coded items.

    Two kinds of candidates are compared by cross-validation grouped by article on the codes:
    *retrain* (the model refit on NewsMTSC train plus the codes, each code counting ``w`` times)
    and *offset* (the packaged weights plus a correction fit on the codes alone, L2 strength
    ``l2``, with the intercepts re-estimated so that the codes' base rates count). The best
    candidate that keeps the guard set (news sentences) within :data:`GUARD_TOLERANCE` is used,
    mixed with the packaged model by the domain gate.

    Args:
        codes: Coded items: columns ``text``, ``start``, ``end`` (the target is ``text[start:end]``)
            and ``label`` (negative / neutral / positive); an optional ``article_id`` keeps each
            article's items in one CV fold (without it, each distinct text is its own group).
        weights: Candidate weights of a coded item relative to a training item (retrain candidates).
        l2: Candidate L2 strengths of the offset candidates; ``()`` tries retraining only.
        folds: CV folds (grouped by article; fewer if there are fewer articles).
        n_boot: Cluster-bootstrap resamples for the CIs of the CV macro-F1.
        seed: Seed of the bootstrap (the CV folds are deterministic).

    Returns:
        A :class:`~newslab.target_model.TargetModel` to pass as ``model=`` to
        :func:`newslab.target_sentiment`, :func:`newslab.target_sentiment_many` and
        :func:`newslab.analyze`. ``model.provenance["cv"]`` holds the CV macro-F1 before (the
        packaged model) and after, with 95% CIs, per candidate; ``model.save(path)``
        writes it to one file.

    Raises:
        CodingError: For malformed codes (naming the row).
        ParameterError: For fewer than 2 articles or no candidate.

    Example:
        >>> import newslab as nl, pandas as pd
        >>> rows = [("Critics slammed the mayor over the budget.", 20, 25, "negative", "a1"),
        ...         ("The mayor opened the new library.", 4, 9, "neutral", "a2"),
        ...         ("Voters praised the mayor for her calm.", 19, 24, "positive", "a3")] * 4
        >>> codes = pd.DataFrame(rows, columns=["text", "start", "end", "label", "article_id"])
        >>> model = nl.adapt_target_model(codes, n_boot=50)  # doctest: +SKIP
        >>> nl.target_sentiment("Voters praised the mayor.", span=(19, 24), model=model).label  # doctest: +SKIP
        'positive'
    """
    from sklearn.model_selection import GroupKFold

    table = check_codes(codes)
    grid = _candidates(weights, l2)
    groups = table["group"].tolist()
    n_groups = len(set(groups))
    if n_groups < 2:
        raise ParameterError(
            f"codes come from {n_groups} article(s); cross-validation needs 2 or more (add an article_id column "
            "or code items from more articles)"
        )
    train, train_feats = _training_features()
    code_feats = [target_features(t, (a, b)) for t, a, b in zip(table.text, table.start, table.end, strict=True)]
    design = _Design(list(train_feats), code_feats)
    y = np.array([lab for *_, lab in train] + table["label"].tolist())
    truth = table["label"].to_numpy()
    code_rows = np.arange(design.n_train, design.n_train + len(table))
    splits = list(GroupKFold(n_splits=min(folds, n_groups)).split(code_rows, groups=groups))

    before = np.array(LABELS)[design.base_proba(code_rows).argmax(axis=1)]
    # the guard: a fixed fifth of the training sentences, left out of every CV fit, on which an
    # adapted candidate may not cost more than GUARD_TOLERANCE macro-F1 against its model without
    # codes (retrain: refit without codes; offset: the packaged model)
    guard_mask = np.array([_guard(s) for s, *_ in train])
    fit_rows, guard_rows = np.flatnonzero(~guard_mask), np.flatnonzero(guard_mask)
    guard_truth = y[guard_rows]
    packaged_guard = np.array(LABELS)[design.base_proba(guard_rows).argmax(axis=1)]
    guard0 = {"offset": macro_f1(guard_truth, packaged_guard)}
    tone0 = None
    if any(kind == "retrain" for kind, _ in grid):
        tone0 = _fit_tone(design, y, fit_rows, code_rows[:0], 1.0)
        guard0["retrain"] = macro_f1(guard_truth, tone0.predict(design.x[guard_rows]))
    gates = [_fit_gate(design, fit_rows, code_rows[splits[0][0]])]
    gates += [_fit_gate(design, fit_rows, code_rows[tr], gates[0]) for tr, _ in splits[1:]]
    gate_guard = [gate.predict_proba(design.x[guard_rows])[:, 1][:, None] for gate in gates]
    out_of_fold: dict[tuple[str, float], np.ndarray] = {}
    guard_change: dict[tuple[str, float], float] = {}
    for cand in grid:
        kind, value = cand
        pred = np.empty(len(table), dtype=object)
        changes = []
        for (tr, te), gate, g in zip(splits, gates, gate_guard, strict=True):
            if kind == "retrain":
                tone: Any = _fit_tone(design, y, fit_rows, code_rows[tr], value)
                base_guard = tone0.predict_proba(design.x[guard_rows])  # type: ignore[union-attr]
            else:
                tone = _fit_offset(design, y, code_rows[tr], value)
                base_guard = design.base_proba(guard_rows)
            pred[te] = np.array(LABELS)[_mix(design, tone, gate, code_rows[te]).argmax(axis=1)]
            mixed = (1 - g) * base_guard + g * tone.predict_proba(design.x[guard_rows])
            changes.append(macro_f1(guard_truth, np.array(LABELS)[mixed.argmax(axis=1)]) - guard0[kind])
        out_of_fold[cand] = pred.astype(str)
        guard_change[cand] = float(np.mean(changes))
    scores = {c: macro_f1(truth, p) for c, p in out_of_fold.items()}
    allowed = [c for c in grid if guard_change[c] >= -GUARD_TOLERANCE]
    # ties: an offset (no refit of the news model), then the smaller weight / the stronger penalty
    ranked = sorted(allowed, key=lambda c: (scores[c], c[0] == "offset", -c[1] if c[0] == "retrain" else c[1]))[::-1]
    # the returned model is checked on the guard too (fit without the guard sentences): the first candidate
    # in CV order whose final model also costs <= GUARD_TOLERANCE there is used
    final_gate = _fit_gate(design, fit_rows, code_rows, gates[0])
    final_g = final_gate.predict_proba(design.x[guard_rows])[:, 1][:, None]
    final_guard: dict[str, float] = {}
    best, final = (ranked or grid)[0], None
    for cand in ranked:
        tone = (
            _fit_tone(design, y, fit_rows, code_rows, cand[1])
            if cand[0] == "retrain"
            else _fit_offset(design, y, code_rows, cand[1])
        )
        mixed = (1 - final_g) * design.base_proba(guard_rows) + final_g * tone.predict_proba(design.x[guard_rows])
        final_guard[_label(cand)] = macro_f1(guard_truth, np.array(LABELS)[mixed.argmax(axis=1)]) - guard0["offset"]
        if final_guard[_label(cand)] >= -GUARD_TOLERANCE:
            best, final = cand, tone
            break
    before_f1 = macro_f1(truth, before)
    ok = final is not None and scores[best] > before_f1
    cv: dict[str, Any] = {
        "folds": len(splits),
        "grouped_by": "article_id" if "article_id" in codes.columns else "text",
        "before": _score_with_ci(truth, before, groups, n_boot, seed),
        "per_candidate": [
            {
                "candidate": _label(c),
                "kind": c[0],
                "value": c[1],
                "macro_f1": scores[c],
                "guard_change": guard_change[c],
            }
            for c in grid
        ],
        "chosen": _label(best) if ok else None,
        "guard": {
            "items": len(guard_rows),
            "macro_f1_without_codes": guard0,
            "tolerance": GUARD_TOLERANCE,
            "returned_model_change": final_guard,
        },
        "after": _score_with_ci(truth, out_of_fold[best], groups, n_boot, seed),
    }
    diff = out_of_fold[best]
    cv["gain"] = {
        "macro_f1": scores[best] - before_f1,
        **dict(
            zip(
                ("ci_low", "ci_high"),
                cluster_bootstrap(
                    groups,
                    lambda idx: macro_f1(truth[idx], diff[idx]) - macro_f1(truth[idx], before[idx]),
                    n_boot=n_boot,
                    seed=seed,
                ),
                strict=True,
            )
        ),
    }
    if not cv["gain"]["ci_low"] > 0:  # adapt only on a gain beyond chance: a null gain still moves the weights
        cv["chosen"] = None
    provenance: dict[str, Any] = {
        "method": "NewsMTSC train + coded items: retrained (code weight) or offset from the packaged weights "
        "(L2 on the correction), chosen by grouped CV on the codes; mixed with the packaged model by a domain gate",
        "trained_on": "NewsMTSC train (Hamborg & Donnay 2021, MIT) + user codes",
        "codes": len(table),
        "articles": n_groups,
        "code_labels": dict(Counter(table["label"])),
        "model_C": MODEL_C,
        "min_count": MIN_COUNT,
        "gate_C": GATE_C,
        "cv": cv,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "newslab_version": _version(),
    }
    if final is None:
        logger.warning(
            "no candidate kept the news guard set within %.4f macro-F1 (in CV and as the returned model: %s); "
            "returning the packaged model",
            GUARD_TOLERANCE,
            final_guard,
        )
    elif cv["chosen"] is None:
        logger.warning(
            "no candidate beat the packaged model beyond chance in cross-validation (macro-F1 %.3f vs %.3f, "
            "95%% CI of the gain %.3f to %.3f); returning the packaged model",
            scores[best],
            before_f1,
            cv["gain"]["ci_low"],
            cv["gain"]["ci_high"],
        )
    if cv["chosen"] is None:
        shipped = shipped_target_model()
        return TargetModel(shipped.base, provenance={**shipped.provenance, **provenance, "adapted": False})
    adapted = _linear(design.names, final.coef_, final.intercept_)  # type: ignore[union-attr]
    gate = final_gate  # the model returned is the one checked on the guard (both fit without it)
    gate_weights = {n: float(w) for n, w in zip(design.names, gate.coef_[0], strict=True) if abs(w) >= 1e-6}
    gate_b = float(gate.intercept_[0]) + gate_weights.pop("bias", 0.0)
    return TargetModel(shipped_target_model().base, adapted, gate_weights, gate_b, {**provenance, "adapted": True})


def adaptation_table(model: TargetModel) -> pd.DataFrame:
    """The cross-validation behind an adapted model: macro-F1 with 95% CIs before, after and the gain.

    Example:
        >>> adaptation_table(shipped_target_model()).empty
        True
    """
    cv: Mapping[str, Any] = model.provenance.get("cv") or {}
    rows = [
        {"model": name, **{k: cv[key][k] for k in ("macro_f1", "ci_low", "ci_high")}}
        for name, key in (("packaged", "before"), ("adapted", "after"), ("gain", "gain"))
        if key in cv
    ]
    return pd.DataFrame(rows, columns=["model", "macro_f1", "ci_low", "ci_high"])


def _version() -> str:
    import newslab

    return str(newslab.__version__)


__all__ = ["CODE_WEIGHTS", "OFFSET_L2", "adapt_target_model", "adaptation_table", "check_codes", "training_items"]
