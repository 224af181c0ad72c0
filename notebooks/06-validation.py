# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 6. Validation: how far do the measures agree with people?
#
# **Question.** When newslab calls a sentence or a mention negative, how often would a human
# annotator agree? A tone measure that has not been checked against people is an opinion.
#
# **Data.** Human-labeled development splits (not shipped with newslab; see `../shared/data/README.md`):
# NewsMTSC (Hamborg & Donnay, EACL 2021), news sentences with the sentiment *toward* a named
# target, and the New York Times editorial snippets of the VADER paper (Hutto & Gilbert, ICWSM 2014),
# each rated by 20 people. Set `data_path` to the folder that holds `newsmtsc/` and `vader_nyt_dev/`.
#
# **Method.** Score each item, compare with the human label: macro-F1 over negative/neutral/positive
# for NewsMTSC, Pearson r with the mean rating for the NYT snippets. newslab's measures stand next
# to baselines: always "neutral", and VADER on the whole sentence (the usual shortcut).

# %% tags=["parameters"]
data_path: str = ""  # folder with newsmtsc/ and vader_nyt_dev/; empty: $NEWSLAB_DATA, else ../shared/data searched
limit: int = 0  # score at most this many items per data set (0 means all)
output_dir: str = "reports"  # where the agreement table is written

# %%
import csv
from pathlib import Path

import pandas as pd
from IPython.display import Markdown
from sklearn.metrics import accuracy_score, f1_score
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import newslab as nl
from newslab.report import find_data_folder
from newslab.sentiment import target_sentiment_many

root = find_data_folder(data_path) or Path("(not found: set data_path or NEWSLAB_DATA)")
available = (root / "newsmtsc" / "rw" / "dev.jsonl").is_file()
nyt_path = root / "vader_nyt_dev" / "nyt_snippets_dev.tsv"
Path(output_dir).mkdir(parents=True, exist_ok=True)
vader = SentimentIntensityAnalyzer()
SIGN = {"negative": -1, "neutral": 0, "positive": 1}


def vader_label(text: str) -> int:
    compound = vader.polarity_scores(text)["compound"]
    return 1 if compound >= 0.05 else -1 if compound <= -0.05 else 0  # thresholds of the VADER paper


Markdown(
    f"Human-labeled data found in `{root}`."
    if available
    else f"**No human-labeled data at `{root}`**: the agreement tables below are skipped. Pass `data_path`."
)

# %% [markdown]
# ## Sentiment toward a target: NewsMTSC (development portions)
#
# `rw`: the real-world distribution of targets; `mt`: sentences with several targets, where the
# sentiment toward one differs from the sentence tone. Same computation as `validation/score_target_sentiment.py`.

# %%
rows = []
for split in ("rw", "mt") if available else ():
    mtsc = pd.read_json(root / "newsmtsc" / split / "dev.jsonl", lines=True).head(limit or None)
    gold = mtsc["polarity"]
    spans = [(text, (start, end)) for text, start, end in mtsc[["sentence", "from", "to"]].itertuples(index=False)]
    ours = target_sentiment_many(spans)
    predictions = {
        "newslab target_sentiment": [SIGN[r.label] for r in ours],
        "always neutral": gold * 0,
        "VADER, whole sentence": mtsc["sentence"].map(vader_label),
    }
    rows += [
        (split, m, f1_score(gold, p, average="macro"), accuracy_score(gold, p), len(p)) for m, p in predictions.items()
    ]
agreement = pd.DataFrame(rows, columns=["split", "method", "macro-F1", "accuracy", "items"])
if rows:
    agreement.to_csv(Path(output_dir) / "newsmtsc_agreement.csv", index=False)
agreement.round(3)

# %% [markdown]
# ## Sentence tone: NYT editorial snippets
#
# Pearson r between each score and the mean of 20 human ratings (as `validation/score_tone.py`).

# %%
correlation = pd.DataFrame()
if nyt_path.is_file():
    nyt = pd.read_csv(nyt_path, sep="\t", names=["id", "rating", "text"], quoting=csv.QUOTE_NONE).head(limit or None)
    scores = [nl.score_sentiment(text) for text in nyt["text"]]
    methods = {"newslab compound": [s.compound for s in scores], "VADER": [s.vader for s in scores]}
    methods["TextBlob polarity"] = [s.polarity for s in scores]
    r = {m: nyt["rating"].corr(pd.Series(v, index=nyt.index)) for m, v in methods.items()}
    correlation = pd.DataFrame({"method": list(r), "Pearson r": list(r.values()), "items": len(nyt)})
correlation.round(3)

# %% [markdown]
# ## Reading the numbers
#
# Reference points from the papers: on NewsMTSC's held-out test split, always-neutral scores
# macro-F1 0.19, VADER on the whole sentence 0.51, the best fine-tuned model 0.83 (annotators:
# kappa 0.74); on the full NYT set VADER reaches r = 0.49 and one individual human r = 0.75.
#
# **Caveats.** These are development splits; the test splits are kept aside and nothing here is
# tuned on them. Both data sets are US/UK English news and opinion, not translated wire copy like
# the bundled articles, so agreement on our two articles may be lower.
