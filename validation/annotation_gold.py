"""Shared helpers for score_quotes.py and score_stance.py: the hand-annotated development set.

The set lives in validation/annotations/ (see its README.md): articles.jsonl, quotes.tsv, stances.tsv,
seed_stances.tsv and stance_targets.json. The helpers here read it, check every gold span against the
article text, compare speaker names, and bootstrap confidence intervals over articles. They call only
newslab's public API (nl.load_corpus, nl.load_seed_corpus, nl.load_targets).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

import newslab as nl

ANNOTATIONS = Path(__file__).resolve().parent / "annotations"
SPLITS = ("all", "mtsc", "written")

# Words dropped from the front of a name before comparing: determiners and titles. A title is dropped only
# when a capitalized word follows ("Sen. Lindsey Graham" -> "Lindsey Graham", but "the vice president" keeps
# "vice president").
DETERMINERS = {"the", "a", "an"}
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sen", "senator", "rep", "representative", "gov", "governor",
    "president", "vice", "president-elect", "former", "lt", "sgt", "gen", "general", "chief", "judge", "justice",
    "secretary", "speaker", "leader", "mayor", "chancellor", "minister", "prime", "deputy", "attorney",
    "ayatollah", "pope", "sir", "lord", "dame", "congressman", "congresswoman", "anchor", "state", "u.s.", "us",
}  # fmt: skip
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their", "who"}


def die(message: str) -> None:
    """Stop the script with a message naming the input and the fix (no traceback)."""
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def read_table(path: Path, columns: Sequence[str]) -> pd.DataFrame:
    """A gold TSV (tab-separated, double-quoted fields where needed) with the given columns required."""
    if not path.is_file():
        die(f"gold file {path} not found; pass --annotations DIR pointing at validation/annotations")
    table = pd.read_csv(path, sep="\t", keep_default_na=False, dtype=str)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        die(f"{path.name} lacks column(s) {missing}; expected {list(columns)}")
    return table


def load_articles(directory: Path) -> nl.Corpus:
    """The development articles (NewsMTSC sentences and the handwritten articles)."""
    path = directory / "articles.jsonl"
    if not path.is_file():
        die(f"{path} not found; pass --annotations DIR pointing at validation/annotations")
    return nl.load_corpus(path)


def split_of(article_id: str) -> str:
    """'mtsc' for NewsMTSC passages (ids mtsc-<line>), 'written' for the handwritten articles."""
    return "mtsc" if article_id.startswith("mtsc-") else "written"


def in_split(ids: pd.Series, split: str) -> pd.Series:
    """Boolean mask of the ids that belong to ``split`` ('all', 'mtsc' or 'written')."""
    return ids.map(lambda a: split == "all" or split_of(a) == split)


def locate(corpus: nl.Corpus, table: pd.DataFrame, column: str, where: str) -> pd.DataFrame:
    """Add start/end: the offsets of each row's ``column`` text in its article (it must be a substring).

    A text that occurs more than once is taken at its first occurrence; the annotation guidelines avoid that.
    """
    ids = {a.id for a in corpus}
    starts, ends = [], []
    for i, row in enumerate(table.itertuples(index=False), 2):
        article_id, span = str(row.article_id), str(getattr(row, column))
        if article_id not in ids:
            die(f"{where} line {i}: article_id {article_id!r} is not in the articles file; fix the id")
        start = corpus[article_id].text.find(span)
        if not span or start < 0:
            die(f"{where} line {i}: the {column} is not an exact substring of article {article_id!r}; fix the span")
        starts.append(start)
        ends.append(start + len(span))
    return table.assign(start=starts, end=ends)


def name_tokens(name: str) -> list[str]:
    """Lowercased word tokens of a name without leading determiners and titles.

    Example: "Sen. Lindsey Graham, R-S.C." -> ["lindsey", "graham"]; "the vice president" -> ["vice", "president"].
    Everything from the first comma or parenthesis on is dropped (appositions, party-state tags).
    """
    head = re.split(r"[,(]", name.replace("’", "'"), maxsplit=1)[0]
    words = re.findall(r"[\w'.&-]+", head)
    words = [w.rstrip(".") if w.count(".") == 1 else w for w in words]
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES and words[1][:1].isupper():
        words = words[1:]
    return [w.lower() for w in words if w]


def same_name(predicted: str, gold: str) -> bool:
    """Whether a predicted speaker or holder names the gold one.

    Rule: gold may list alternatives separated by "|". After :func:`name_tokens`, the names agree when one
    token list ends with the other ("Trump" ~ "Donald Trump", "spokesman" ~ "a White House spokesman"),
    but "Ivanka Trump" and "Donald Trump", or "Trump" and "Donald Trump Jr.", do not. A gold "" (the text
    names nobody) agrees with an empty or pronoun prediction only.
    """
    p = name_tokens(predicted)
    if p and len(p) == 1 and p[0] in PRONOUNS:
        p = []
    for alternative in gold.split("|"):
        g = name_tokens(alternative)
        if not g:
            if not p:
                return True
            continue
        if p and (p[-len(g) :] == g or g[-len(p) :] == p):
            return True
    return False


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, NaN for an empty denominator."""
    return numerator / denominator if denominator else float("nan")


def bootstrap(
    counts: pd.DataFrame,
    metrics: dict[str, Callable[[pd.Series], float]],
    *,
    replicates: int = 1000,
    seed: int = 0,
) -> pd.DataFrame:
    """Point estimate and 95% percentile interval of each metric, resampling articles with replacement.

    Args:
        counts: One row per article, columns with the counts the metrics need.
        metrics: Name -> function of the column sums (a Series) giving the metric.
        replicates: Number of bootstrap samples.
        seed: Random seed (same seed, same interval).
    """
    values = counts.to_numpy(dtype=float)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(values), size=(replicates, len(values)))
    sums = values[draws].sum(axis=1)  # replicates x columns
    rows = []
    for name, metric in metrics.items():
        point = metric(counts.sum())
        samples = np.array([metric(pd.Series(s, index=counts.columns)) for s in sums])
        samples = samples[~np.isnan(samples)]
        low, high = np.percentile(samples, [2.5, 97.5]) if len(samples) else (float("nan"), float("nan"))
        rows.append({"metric": name, "value": point, "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows)
