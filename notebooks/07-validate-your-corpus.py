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
# # 7. Validate newslab on your own corpus
#
# **Question.** How well does newslab agree with human coders *on this corpus*, per outlet, and
# what are the group shares once newslab's errors are corrected?
#
# **The loop.** Draw a stratified random sample of newslab's output, write blind coding sheets
# (XLSX with drop-down codes, CSV, HTML), let two or more people code them, read the codes back,
# report Krippendorff's alpha, score newslab against the coders with CIs clustered by article,
# check for differential error between outlets, and correct the group shares.
#
# **Data.** The two bundled articles and *example codes written by the newslab developers*
# (`newslab/data/example_codes_target_tone.tsv`). They only show the mechanics: they were written
# with newslab's labels in view, by one person applying two rules, on two articles. **The numbers
# below are not an evaluation of newslab.** On your corpus, send the sheets to your coders and set
# `codes` to the filled files.

# %% tags=["parameters"]
articles: list[str] = []  # paths or folders; empty means the bundled articles with the example codes
codes: list[str] = []  # filled coding sheets (.xlsx or .csv), one per coder; empty means the example codes
task: str = "target_tone"  # what to code: target_tone, quote_speaker, stance or frame
n: int = 40  # items to sample for coding
seed: int = 0  # random seed of the sample
limit: int = 0  # max articles to analyze (0 means all)
output_dir: str = "reports"  # where the sheets and score tables are written

# %%
from pathlib import Path

from IPython.display import Markdown, display

import newslab as nl
from newslab.coding import load_sample
from newslab.validate import example_codes, fill_from_codes, prepare_coding, score_codes
from newslab.validity import corrected_shares, shares_from_counts

corpus = nl.load_corpus(articles) if articles else nl.load_seed_corpus()
if limit:
    corpus = corpus[:limit]
analysis = nl.analyze(corpus)
out = Path(output_dir) / "validate-your-corpus"
display(analysis)

# %% [markdown]
# ## 1. Sample and coding sheets
# Stratified by outlet (`source`) and newslab's own label; each item keeps its inclusion
# probability, and `weight` = 1 / probability takes the scores back to the whole corpus.

# %%
coding = prepare_coding(analysis, out / "coding", task=task, n=n, seed=seed, coders=["dev-A", "dev-B"])
sample = load_sample(coding["sample"])
display(sample.items[["item_id", "group", "tool_label", "about", "inclusion_prob", "weight"]].head(8))
print("sheets:", *[p for paths in coding["sheets"].values() for p in paths.values()], sep="\n  ")

# %% [markdown]
# ## 2. Codes back, agreement and newslab against the coders
# Without `codes`, the example codes are written into the two CSV sheets (bundled articles only).

# %%
if codes:
    sheets = [Path(p) for p in codes]
elif not articles and task == "target_tone":
    sheets = fill_from_codes(sample, example_codes(), coding["sheets"])
else:
    sheets = []
    display(Markdown(f"Send the sheets in `{out / 'coding'}` to your coders, then set `codes` to the filled files."))
result = score_codes(sample, sheets, output_dir=out / "scores", n_boot=300, blind=bool(codes)) if sheets else None
if result is not None:
    display(result.agreement.round(3))
    display(result.scores.summary.round(3))
    display(result.scores.per_class[result.scores.per_class["group"] == "all"].round(3))
    for warning in result.scores.warnings:
        print("warning:", warning)

# %% [markdown]
# ## 3. Corrected shares beside the raw ones
# Each outlet's confusion matrix from its coded items corrects the raw label shares of all its
# mentions; the CIs resample both the corpus articles and the coded items.

# %%
if result is not None and task == "target_tone":
    group_of = dict(zip(analysis.articles["article_id"], analysis.articles["source"], strict=True))
    counts = shares_from_counts(analysis.target_tone, group_of=group_of)
    shares = corrected_shares(counts, result.scores.items, n_boot=300)
    display(shares.round(3))

# %% [markdown]
# ## 4. Methods paragraph

# %%
if result is not None:
    display(Markdown(result.methods))

# %% [markdown]
# ## Findings
# - The loop runs from sample to methods paragraph in a few calls (or `newslab validate sample`
#   and `newslab validate score` from a terminal); every sheet error names the file and row.
# - With the example codes, the agreement and scores above describe two developer codings of two
#   articles: they show what the tables look like, not how good newslab is. Two articles also give
#   the article-clustered CIs almost nothing to resample: code a few hundred items from many articles.
