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
# # 1. What is in the articles: sentences, words and mentions
#
# **Question.** What text do we analyse? Before any score, a researcher should see each article's
# size, its sentences with their positions, and the passages where the two targets (Trump, NATO) appear.
#
# **Data.** The two bundled reports of NATO Secretary General Mark Rutte meeting Donald Trump in
# Florida (November 2024): `es-daily` (translated from a Spanish daily) and `de-dpa` (a German
# outlet quoting the dpa news agency). Set `articles` to run the same steps on your own files.
#
# **Method.** newslab cleans each text (no word is changed), splits it into sentences and words
# with offline regular-expression tokenizers, and keeps the character offsets of every unit, so
# every later number can be traced back to the words that produced it.

# %% tags=["parameters"]
articles: list[str] = []  # paths or folders; empty means the two bundled articles
output_dir: str = "reports"  # where the sentence table is written

# %%
from pathlib import Path

import newslab as nl

corpus = nl.load_corpus(articles) if articles else nl.load_seed_corpus()
corpus.to_frame()

# %% [markdown]
# ## Sentences
#
# One row per sentence, with its character span in the cleaned text (`start`, `end`) and its length in words.

# %%
sentences = nl.sentence_table(corpus)
Path(output_dir).mkdir(parents=True, exist_ok=True)
sentences.to_csv(Path(output_dir) / "sentences.csv", index=False)
sentences.groupby("article_id")["n_words"].describe().round(1)

# %%
ax = sentences.boxplot(column="n_words", by="article_id", grid=False, figsize=(6, 3))
ax.set(title="Sentence length", xlabel="", ylabel="words per sentence")
ax.figure.suptitle("")
ax.figure.tight_layout()

# %% [markdown]
# ## Words
#
# The tokenizer keeps clitics apart ("Trump's" becomes "Trump" + "'s"), so "Trump" is counted once
# whatever its case ending. The most frequent content words (stopwords removed) hint at each article's vocabulary.

# %%
import pandas as pd

stop = nl.stopwords()
counts = {
    art.id: pd.Series([t.text.lower() for t in art.tokens if t.text.isalpha() and t.text.lower() not in stop])
    .value_counts()
    .head(12)
    for art in corpus
}
pd.DataFrame({k: v.index for k, v in counts.items()})

# %% [markdown]
# ## Where the targets appear
#
# Every sentence naming Trump or NATO by name, with its position. Notebook 3 adds the epithets
# ("the tycoon", "the Atlantic Alliance") that a plain name search misses.

# %%
named = sentences[sentences["text"].str.contains(r"\b(?:Trump|NATO)\b")]
named[["article_id", "sentence_id", "text"]].style.hide(axis="index").set_properties(
    subset=["text"], **{"text-align": "left"}
)

# %% [markdown]
# ## Caveats
#
# - Sentence splitting is rule-based: unusual abbreviations can split a sentence in two;
#   check the table above before reading per-sentence scores.
# - `es-daily` is a translation: word choice is partly the translator's.
# - Both texts are truncated excerpts (see `corpus["es-daily"].metadata`), so length comparisons are rough.
