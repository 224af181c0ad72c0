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
# # 2. Tone: how positive or negative is the language, sentence by sentence?
#
# **Question.** How does the tone move through each article, and is it different around Trump
# and NATO? How sure can we be, given that two standard lexicons often disagree?
#
# **Method.** Every sentence is scored by VADER (Hutto & Gilbert 2014, with newslab's news
# corrections: "security", "support" are not praise in a defence story) and by TextBlob's pattern
# lexicon (polarity, subjectivity). `compound` is newslab's combined score; each row keeps the
# cue words and their weights (`evidence`). Article tone is the mean over sentences, because VADER
# on a whole article saturates (about +0.97 on both bundled articles).

# %% tags=["parameters"]
articles: list[str] = []  # paths or folders; empty means the two bundled articles
output_dir: str = "reports"  # where the tables are written

# %%
from pathlib import Path

import newslab as nl
from newslab.plots import plot_sentiment_arc
from newslab.sentiment import article_sentiment

corpus = nl.load_corpus(articles) if articles else nl.load_seed_corpus()
tone = nl.sentiment_table(corpus)
Path(output_dir).mkdir(parents=True, exist_ok=True)
tone.to_csv(Path(output_dir) / "sentence_tone.csv", index=False)
article_sentiment(tone).round(3)

# %% [markdown]
# ## The tone arc
#
# Sentence tone (`compound`) in reading order; markers show where the targets are mentioned.

# %%
ax = plot_sentiment_arc(tone, mentions=nl.find_mentions(corpus))
# %% [markdown]
# ## The most negative and most positive sentences, with their evidence

# %%
columns = ["article_id", "sentence_id", "compound", "vader", "polarity", "evidence", "text"]
extremes = tone.sort_values("compound").iloc[[0, 1, 2, -3, -2, -1]][columns]
extremes.round(2).style.hide(axis="index").set_properties(**{"text-align": "left"})

# %% [markdown]
# ## Where the two lexicons disagree
#
# Sentences that VADER calls positive and TextBlob negative, or the reverse (both beyond ±0.05).
# Reading them shows why: VADER counts words such as "winner" or "support" while TextBlob weighs
# adjectives ("first", "military") that carry little tone in news.

# %%
disagree = tone[(tone["vader"] * tone["polarity"] < 0) & (tone["vader"].abs() > 0.05) & (tone["polarity"].abs() > 0.05)]
agreement = tone["vader"].corr(tone["polarity"])
print(f"{len(disagree)} of {len(tone)} sentences disagree; correlation of the two lexicons: r = {agreement:.2f}")
disagree[columns].round(2).style.hide(axis="index").set_properties(**{"text-align": "left"})

# %% [markdown]
# ## Caveats
#
# - Lexicon tone is the tone of the *words*, not the stance of the writer: a sentence quoting a
#   threat is negative even when the article reports it neutrally (notebook 3 separates who says what).
# - On the validation data (notebook 6), whole-sentence VADER agrees with annotators on the
#   sentiment toward a target only about half the time (macro-F1 ≈ 0.51), and newslab's target
#   model (`nl.target_sentiment`) at macro-F1 ≈ 0.69: read single sentences, not decimals.
# - `es-daily` is a translation; tone words may be the translator's choice.
