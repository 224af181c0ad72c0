"""Who gets quoted, and how the quotes agree with hand-marked ones: tables over :func:`newslab.find_quotes`.

Moved out of :mod:`newslab.quotes` unchanged (branch ``at11``, to keep that module under 600 lines);
:mod:`newslab.quotes` re-exports every name, so ``from newslab.quotes import evaluate_quotes`` still works.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def speaker_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who gets quoted: per article and resolved speaker, counts of direct and indirect quotes.

    Args:
        quotes: The output of :func:`find_quotes`.

    Example:
        >>> import newslab as nl
        >>> speaker_table(nl.find_quotes(nl.load_seed_corpus())).loc["de-dpa"].to_dict("index")["Donald Trump"]
        {'direct': 0, 'indirect': 5}
    """
    df = quotes.assign(speaker_resolved=quotes["speaker_resolved"].replace("", "(unresolved)"))
    table = df.pivot_table(index=["article_id", "speaker_resolved"], columns="kind", values="start", aggfunc="count")
    table = table.reindex(columns=["direct", "indirect"]).fillna(0).astype(int)
    table.columns.name = None
    return table


def same_speaker(predicted: str, gold: str) -> bool:
    """Whether two speaker names agree: equal, or the same last word ("Rutte" vs "Mark Rutte").

    Example:
        >>> same_speaker("Mark Rutte", "Rutte"), same_speaker("Trump", "Rutte")
        (True, False)
    """
    p, g = predicted.strip().lower(), gold.strip().lower()
    return bool(p) and (p == g or p.split()[-1] == g.split()[-1])


def evaluate_quotes(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Check hand-marked direct quotes: found (overlapping direct quote) and speaker right.

    Args:
        predicted: Output of :func:`find_quotes`.
        gold: Table with article_id, start, end, speaker (and optionally quote).

    Returns:
        The gold table with columns found (bool), predicted_speaker, speaker_ok (bool).

    Example:
        >>> import pandas as pd
        >>> from newslab.document import Article
        >>> art = Article("x", "", "“We won,” Mark Rutte said.")
        >>> gold = pd.DataFrame({"article_id": ["x"], "start": [1], "end": [7], "speaker": ["Mark Rutte"]})
        >>> import newslab as nl
        >>> evaluate_quotes(nl.find_quotes(art), gold)[["found", "speaker_ok"]].values.tolist()
        [[True, True]]
    """
    out = gold.copy()
    found, speakers, ok = [], [], []
    direct = predicted[predicted["kind"] == "direct"]
    for row in gold.itertuples():
        match = direct[
            (direct["article_id"] == row.article_id) & (direct["start"] < row.end) & (row.start < direct["end"])
        ]
        speaker = str(match["speaker_resolved"].iloc[0]) if len(match) else ""
        found.append(bool(len(match)))
        speakers.append(speaker)
        ok.append(same_speaker(speaker, str(row.speaker)))
    out["found"], out["predicted_speaker"], out["speaker_ok"] = found, speakers, ok
    return out
