"""The target tone model as a value: weights, optional adaptation to a user's coding, provenance.

newslab's target tone (:func:`newslab.target_sentiment`) is a multinomial logistic model over
explainable features. :class:`TargetModel` holds one such model: the packaged weights
(:func:`shipped_target_model`), or a model adapted to a researcher's own coding by
:func:`newslab.adapt_target_model`. An adapted model keeps the packaged weights (``base``), adds
weights retrained with the user's codes (``adapted``) and a *domain gate*: a logistic model over
the same features that estimates how much a text resembles the user's coded items rather than
newslab's training news. The label probabilities are the gate-weighted mix of the two linear
models, so text like the training news keeps the packaged behaviour. The adapted weights may
also use word features of the target's sentence and clause learned from the codes (``words``,
:mod:`newslab.code_words`); only the adapted model computes them, never the packaged one.

A model pickles (plain dicts and tuples), so it travels to the workers of
``nl.analyze(..., workers=N)``, and saves to one JSON file with its provenance.

Example:
    >>> m = shipped_target_model()
    >>> m.adapted is None, len(m.base.weights) > 1000
    (True, True)
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import math
import os
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newslab.code_words import WORD_SETS
from newslab.errors import NewslabError, NewslabWarning, ParameterError
from newslab.lexicons import data_path
from newslab.target_reading import STEMMER

#: Label order of every weight triple (the same as :data:`newslab.tone_lexicon.LABELS`).
MODEL_LABELS = ("negative", "neutral", "positive")
#: ``format`` field of a saved model file.
FILE_FORMAT = "newslab-target-model"
FILE_VERSION = 2
#: Versions :func:`load_target_model` reads: 1 (before word features; read as a model without them) and 2.
READ_VERSIONS = (1, 2)
#: The stemmer of a saved model whose provenance names none: newslab used NLTK's Porter stemmer until then.
UNNAMED_STEMMER = "nltk porter"


class ModelFileError(NewslabError, ValueError):
    """A saved target model file is missing, unreadable or not a newslab target model."""


@dataclasses.dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic model: one weight per feature and label, plus intercepts.

    Attributes:
        weights: Feature name -> (negative, neutral, positive) weight.
        intercept: Intercept per label.
    """

    weights: dict[str, tuple[float, float, float]]
    intercept: tuple[float, float, float]

    def logits(self, feats: Mapping[str, float]) -> tuple[float, float, float]:
        """Intercept + sum of weight x value for each label."""
        return self.logits_of(self.weighted(feats))

    def weighted(self, feats: Mapping[str, float]) -> list[tuple[str, float, tuple[float, float, float]]]:
        """``(name, value, weights)`` of the features the model has a weight for, in the features' order.

        Looked up once, the list serves both the logits and the evidence (:func:`newslab.target_tone`).
        """
        get = self.weights.get
        return [(name, value, w) for name, value in feats.items() if (w := get(name)) is not None]

    def logits_of(self, weighted: list[tuple[str, float, tuple[float, float, float]]]) -> tuple[float, float, float]:
        """:meth:`logits` from :meth:`weighted` (the same sums, added in the same order)."""
        z0, z1, z2 = self.intercept
        for _, value, w in weighted:
            z0 += w[0] * value
            z1 += w[1] * value
            z2 += w[2] * value
        return z0, z1, z2


@dataclasses.dataclass(frozen=True)
class TargetModel:
    """A target tone model that ``target_sentiment``, ``target_sentiment_many`` and ``analyze`` accept as ``model=``.

    Attributes:
        base: The packaged weights (trained on NewsMTSC train).
        adapted: Weights retrained on NewsMTSC train plus the user's codes; ``None`` for the packaged model.
        gate: Feature -> weight of the domain gate (logit of "looks like the user's coded items").
        gate_intercept: Intercept of the gate.
        provenance: JSON-ready facts: how, when and on what the model was made, and its cross-validation.
        words: The word feature sets (:data:`newslab.code_words.WORD_SETS`) that the adapted weights use,
            learned from the codes; ``()`` for none.
        rules: Named constructions of the rule layer (:mod:`newslab.target_rules`) that read a neutral
            label negative when aimed at the target; ``()`` for none (the packaged model). Made by
            :func:`newslab.target_rules.rule_model`.
    """

    base: LinearModel
    adapted: LinearModel | None = None
    gate: dict[str, float] = dataclasses.field(default_factory=dict)
    gate_intercept: float = 0.0
    provenance: dict[str, Any] = dataclasses.field(default_factory=dict)
    words: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()

    def gate_share(self, feats: Mapping[str, float]) -> float:
        """Weight of the adapted model for these features, in [0, 1] (0 for the packaged model)."""
        if self.adapted is None:
            return 0.0
        z = self.gate_intercept
        get = self.gate.get
        for name, value in feats.items():
            w = get(name)
            if w is not None:
                z += w * value
        return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0

    @functools.cached_property
    def fingerprint(self) -> str:
        """SHA-256 (first 16 hex digits) of the weights, gate and intercepts: equal models, equal prints."""
        return hashlib.sha256(json.dumps(_weights_json(self), sort_keys=True).encode()).hexdigest()[:16]

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the model (weights, gate and provenance) to one JSON file; returns the path.

        Example:
            >>> import tempfile, pathlib
            >>> p = shipped_target_model().save(pathlib.Path(tempfile.mkdtemp()) / "m.json")
            >>> load_target_model(p).fingerprint == shipped_target_model().fingerprint
            True
        """
        out = Path(path)
        doc = {"format": FILE_FORMAT, "version": FILE_VERSION, "labels": list(MODEL_LABELS)}
        doc["provenance"] = self.provenance
        doc.update(_weights_json(self))
        out.write_text(json.dumps(doc, indent=1, sort_keys=False), encoding="utf-8")
        return out


def _weights_json(model: TargetModel) -> dict[str, Any]:
    def linear(m: LinearModel) -> dict[str, Any]:
        return {"intercept": list(m.intercept), "weights": {k: list(v) for k, v in sorted(m.weights.items())}}

    out: dict[str, Any] = {
        "base": linear(model.base),
        "adapted": None if model.adapted is None else linear(model.adapted),
        "gate": dict(sorted(model.gate.items())),
        "gate_intercept": model.gate_intercept,
    }
    if model.words:  # only then: a model without word features keeps its fingerprint of file version 1
        out["words"] = list(model.words)
    if model.rules:  # likewise: a model without the rule layer keeps its fingerprint
        out["rules"] = list(model.rules)
    return out


def _linear_from_json(doc: Any, where: str) -> LinearModel:
    try:
        intercept = tuple(float(x) for x in doc["intercept"])
        weights = {str(k): tuple(float(x) for x in v) for k, v in doc["weights"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ModelFileError(
            f"{where}: malformed weights ({err!r}); save the model again with model.save(path)"
        ) from err
    if len(intercept) != 3 or any(len(v) != 3 for v in weights.values()):
        raise ModelFileError(f"{where}: every weight needs 3 values (negative, neutral, positive)")
    return LinearModel(weights, intercept)  # type: ignore[arg-type]


def load_target_model(path: str | os.PathLike[str]) -> TargetModel:
    """Read a model written by :meth:`TargetModel.save`.

    Raises:
        ModelFileError: If the file is missing, is not JSON, or is not a newslab target model.

    Example:
        >>> load_target_model("no/such/model.json")
        Traceback (most recent call last):
        ...
        newslab.target_model.ModelFileError: no target model file at 'no/such/model.json'; ...
    """
    p = Path(path)
    if not p.is_file():
        raise ModelFileError(f"no target model file at {str(p)!r}; give the path that model.save(path) wrote")
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ModelFileError(
            f"{str(p)!r} is not a JSON model file ({err}); give a file written by model.save(path)"
        ) from err
    if not isinstance(doc, dict) or doc.get("format") != FILE_FORMAT:
        raise ModelFileError(f"{str(p)!r} is not a newslab target model (no format={FILE_FORMAT!r} field)")
    if doc.get("version") not in READ_VERSIONS:
        raise ModelFileError(
            f"{str(p)!r} has model file version {doc.get('version')!r}; this newslab reads versions "
            f"{list(READ_VERSIONS)} (a newer newslab wrote it? update newslab, or adapt the model again)"
        )
    base = _linear_from_json(doc.get("base"), str(p))
    adapted = None if doc.get("adapted") is None else _linear_from_json(doc["adapted"], str(p))
    try:
        gate = {str(k): float(v) for k, v in (doc.get("gate") or {}).items()}
        gate_intercept = float(doc.get("gate_intercept", 0.0))
    except (TypeError, ValueError, AttributeError) as err:
        raise ModelFileError(f"{str(p)!r}: malformed gate ({err!r}); save the model again") from err
    words = doc.get("words") or []
    if not isinstance(words, list) or not set(words) <= set(WORD_SETS):
        raise ModelFileError(f"{str(p)!r}: word feature sets {words!r}; valid: {list(WORD_SETS)}")
    rules = doc.get("rules") or []  # files written before the rule layer have none
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise ModelFileError(f"{str(p)!r}: rules {rules!r} must be a list of construction names")
    provenance = dict(doc.get("provenance") or {})
    check_stemmer(provenance.get("stemmer", UNNAMED_STEMMER), str(p))
    return TargetModel(base, adapted, gate, gate_intercept, provenance, tuple(words), tuple(rules))


def check_stemmer(stemmer: object, where: str) -> None:
    """Warn when a saved model's stem features were made by another stemmer than newslab's (:data:`STEMMER`).

    Such a model still works: its other features are the same, but its weights of stems that the two
    stemmers make differently (``Ls=say`` for "says" by NLTK's Porter stemmer, ``Ls=sai`` now) no longer
    fire, and an adapted model keeps the packaged weights of its own time. Adapting it again with
    ``nl.adapt_target_model(codes)`` makes a model of this newslab.
    """
    if stemmer != STEMMER:
        warnings.warn(
            f"{where}: this target model's stem features were made with the stemmer {stemmer!r}, but this newslab "
            f"stems with {STEMMER!r}; the model still works, but its weights of stems that the two stemmers make "
            "differently no longer fire (and an adapted model keeps the packaged weights of its time): adapt it "
            "again with nl.adapt_target_model(codes) for a model of this newslab",
            NewslabWarning,
            stacklevel=3,
        )


def model_rows() -> list[tuple[str, ...]]:
    """(feature, class, weight) of each row of ``data/target_sentiment_model.tsv``, as written.

    The rows ``lexicons.load_table`` gives, without its ``csv.DictReader`` (27,000 rows; half the time of a
    cold load): the file quotes nothing, so a line split at its tabs gives the same fields.

    Raises:
        ModelFileError: If the header is not ``feature, class, weight`` or a row has not 3 fields.
    """
    text = data_path("target_sentiment_model.tsv").read_text(encoding="utf-8")
    rows = [tuple(line.split("\t")) for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not rows or rows[0] != ("feature", "class", "weight") or any(len(r) != 3 for r in rows):
        raise ModelFileError("data/target_sentiment_model.tsv: not rows of feature<TAB>class<TAB>weight")
    return rows[1:]


def shipped_stemmer() -> str:
    """The stemmer that ``data/target_sentiment_model.tsv`` was trained with: its header line ``# stemmer: NAME``.

    Raises:
        ModelFileError: If the header names no stemmer, or another one than newslab's (:data:`STEMMER`).

    Example:
        >>> shipped_stemmer() == STEMMER
        True
    """
    with data_path("target_sentiment_model.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            if line.startswith("# stemmer:"):
                name = line.partition(":")[2].strip()
                if name != STEMMER:
                    raise ModelFileError(
                        f"data/target_sentiment_model.tsv was trained with the stemmer {name!r}, but newslab stems "
                        f"with {STEMMER!r}; train it again with validation/train_target_model.py"
                    )
                return name
    raise ModelFileError("data/target_sentiment_model.tsv names no stemmer (a '# stemmer: NAME' header line)")


@functools.cache
def shipped_target_model() -> TargetModel:
    """The packaged target model (``data/target_sentiment_model.tsv``), read once.

    Example:
        >>> shipped_target_model().provenance["source"]
        'data/target_sentiment_model.tsv'
    """
    weights: dict[str, list[float]] = {}
    intercept = [0.0, 0.0, 0.0]
    for feature, label, weight in model_rows():
        k = MODEL_LABELS.index(label)
        if feature == "__intercept__":
            intercept[k] = float(weight)
        else:
            weights.setdefault(feature, [0.0, 0.0, 0.0])[k] = float(weight)
    base = LinearModel({f: (w[0], w[1], w[2]) for f, w in weights.items()}, (intercept[0], intercept[1], intercept[2]))
    provenance = {
        "source": "data/target_sentiment_model.tsv",
        "trained_on": "NewsMTSC train (Hamborg & Donnay 2021)",
        "stemmer": shipped_stemmer(),
    }
    return TargetModel(base, provenance=provenance)


def check_model(model: object) -> TargetModel:
    """``model`` if it is a :class:`TargetModel`; ``None`` means the packaged model.

    Raises:
        ParameterError: For anything else.
    """
    if model is None:
        return shipped_target_model()
    if isinstance(model, TargetModel):
        return model
    if isinstance(model, (str, os.PathLike)):
        raise ParameterError(f"model={model!r} is a path; load it first: model=nl.load_target_model({model!r})")
    raise ParameterError(
        f"model={type(model).__name__}; valid: None (the packaged model), or a model from "
        "nl.adapt_target_model(codes) or nl.load_target_model(path)"
    )


__all__ = [
    "FILE_FORMAT",
    "MODEL_LABELS",
    "UNNAMED_STEMMER",
    "LinearModel",
    "ModelFileError",
    "TargetModel",
    "check_model",
    "check_stemmer",
    "load_target_model",
    "shipped_stemmer",
    "shipped_target_model",
]
