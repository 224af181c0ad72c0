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
# # 5. Framing comparison: the side-by-side synthesis
#
# **Question.** Putting it together: how does each article frame each target?
#
# **Method.** One row per article × target, every cell computed from the tables of notebooks 2–4:
# mentions and labels, sentence tone and the tone toward the target, stance with its cues, the
# dominant frames around the target, and who is quoted. The statements below are generated from
# the table by fixed rules (a difference is reported when it exceeds a threshold), not written by hand.

# %% tags=["parameters"]
articles: list[str] = []  # paths or folders; empty means the two bundled articles
output_dir: str = "reports"  # where the tables are written

# %%
from pathlib import Path

from IPython.display import Markdown

import newslab as nl
from newslab.plots import plot_tone_heatmap

corpus = nl.load_corpus(articles) if articles else nl.load_seed_corpus()
table = nl.compare(corpus)
Path(output_dir).mkdir(parents=True, exist_ok=True)
table.to_csv(Path(output_dir) / "comparison.csv", index=False)
Markdown("\n".join(f"- {line}" for line in nl.compare_summary(table)))

# %%
ax = plot_tone_heatmap(table, value="tone_target", title="Tone toward each target")
# %% [markdown]
# ## The table (one column per target and article; paste-ready as `comparison.csv`)

# %%
shown = ["article_id", "target", "mentions", "labels", "tone_sentences", "tone_target", "stance", "top_frame", "quoted"]
table[shown].set_index(["target", "article_id"]).round(2).T.style.set_properties(**{"text-align": "left"})

# %% [markdown]
# ## Caveats
#
# Each column inherits the limits shown in notebooks 2–4 and measured in notebook 6; two articles
# are a case study, not a sample. Check each statement against the evidence columns before quoting it.
