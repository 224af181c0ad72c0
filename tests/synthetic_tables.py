"""Synthetic newslab tables of any size, for plot tests and screenshots (deterministic)."""

from __future__ import annotations

import numpy as np
import pandas as pd

LONG_HOLDER = "people familiar with the discussions who were not authorized to discuss them"
TARGETS = ("Trump", "NATO", "European Commission")
FRAMES = ("conflict", "responsibility", "economic_consequences", "security_defense", "war", "political")
OUTLETS = ("Daily Planet", "Der Kurier", "El Diario", "The Morning Chronicle of Record", "Wire")


def articles(n: int) -> list[str]:
    return [f"article-{i:04d}" for i in range(n)]


def source_of(n: int) -> dict[str, str]:
    return {a: OUTLETS[i % len(OUTLETS)] for i, a in enumerate(articles(n))}


def sentiment(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n)
    rows = []
    for a in articles(n):
        for s in range(int(rng.integers(5, 26))):
            rows.append((a, s, float(np.clip(rng.normal(0, 0.4), -1, 1))))
    df = pd.DataFrame(rows, columns=["article_id", "sentence_id", "compound"])
    return df.assign(source=df["article_id"].map(source_of(n)))


def mentions(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n + 1)
    rows = []
    for a in articles(n):
        for _ in range(6):
            rows.append((a, int(rng.integers(0, 5)), TARGETS[int(rng.integers(0, 3))]))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "target"])


def tone(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n + 2)
    rows = [(a, t, rng.uniform(-0.8, 0.8), rng.uniform(-0.5, 0.5)) for a in articles(n) for t in TARGETS]
    df = pd.DataFrame(rows, columns=["article_id", "target", "tone_target", "tone_sentences"])
    return df.assign(source=df["article_id"].map(source_of(n)))


def profile(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n + 3)
    rows = [(a, f, 0.0 if f == "war" else float(rng.gamma(2, 5))) for a in articles(n) for f in FRAMES]
    df = pd.DataFrame(rows, columns=["article_id", "frame", "per_1000_words"])
    return df.assign(source=df["article_id"].map(source_of(n)))


def labels(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n + 4)
    names = {"Trump": ["Trump", "the tycoon", "the Republican", "the president-elect of the United States of America"],
             "NATO": ["NATO", "the alliance", "the Atlantic Alliance"]}  # fmt: skip
    rows = [(a, t, lab, int(rng.integers(0, 4))) for a in articles(n) for t, labs in names.items() for lab in labs]
    df = pd.DataFrame(rows, columns=["article_id", "target", "label", "count"])
    return df[df["count"] > 0].reset_index(drop=True)


def stance(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(n + 5)
    holders = ["Trump", "Mark Rutte", "allies", LONG_HOLDER, "NATO spokeswoman Farah Dakhlallah"]
    rows = [
        ("article-0000", "Trump", "NATO", "against", -0.53),
        ("article-0000", "Trump", "NATO", "against", -0.6),
        ("article-0000", "Trump", "NATO", "against", -0.46),
        ("article-0000", "Trump", "NATO", "favor", 0.8),
        ("article-0000", LONG_HOLDER, "Trump", "against", -0.6),
    ]
    for a in articles(n):
        for _ in range(int(rng.integers(1, 6))):
            score = float(rng.choice([-0.8, -0.6, -0.5, 0.5, 0.8]))
            rows.append((a, holders[int(rng.integers(0, len(holders)))], TARGETS[int(rng.integers(0, 2))],
                         "favor" if score > 0 else "against", score))  # fmt: skip
    return pd.DataFrame(rows, columns=["article_id", "holder", "target", "stance", "score"])
