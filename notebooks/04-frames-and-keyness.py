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
# # 4. Frames and keyness: which frames carry the story, and which words set the articles apart?
#
# **Question.** Is the meeting told as a conflict, as a question of defence spending, as diplomacy?
# Which words does one article use that the other does not?
#
# **Method.** Frames come from a packaged dictionary of cue words and phrases (generic frames after
# Semetko & Valkenburg 2000, issue frames after the Policy Frames Codebook, Boydstun et al. 2014),
# counted per 1,000 words; every match keeps its cue and sentence. Keyness is the log-odds ratio with
# an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): `score` is a z-score, `effect` the log-odds ratio.

# %% tags=["parameters"]
articles: list[str] = []  # paths or folders; empty means the two bundled articles
output_dir: str = "reports"  # where the tables are written

# %%
from pathlib import Path

import newslab as nl
from newslab.keywords import top_keywords
from newslab.plots import plot_frame_profile, plot_keyness

corpus = nl.load_corpus(articles) if articles else nl.load_seed_corpus()
Path(output_dir).mkdir(parents=True, exist_ok=True)
frames = nl.frame_table(corpus)
profile = nl.frame_profile(frames, corpus=corpus)
profile.to_csv(Path(output_dir) / "frame_profile.csv", index=False)
ax = plot_frame_profile(profile)
# %% [markdown]
# ## The cues behind each frame

# %%
cues = profile[profile["matches"] > 0].sort_values(["article_id", "per_1000_words"], ascending=[True, False])
cues[["article_id", "frame", "per_1000_words", "sentences", "top_cues"]].round(1).style.hide(axis="index")

# %% [markdown]
# ## Keyness: the first article against the others

# %%
first, rest = corpus.ids[0], corpus.ids[1:]
key = nl.keyness(corpus, first, rest if len(rest) > 1 else rest[0])
key.to_csv(Path(output_dir) / "keyness.csv", index=False)
ax = plot_keyness(key, n=10)
# %%
top_keywords(key, n=8)

# %% [markdown]
# ## Caveats
#
# - A frame dictionary counts cue words; it does not read irony or negation ("not a conflict").
# - With two short articles, no keyness score is statistically reliable (see `p_value`): read the
#   word lists as pointers to passages, then read the passages.
