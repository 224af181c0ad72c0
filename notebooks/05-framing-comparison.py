# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.7
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
# The last section turns to groups of articles (outlets, periods): estimates with confidence
# intervals, and differences between groups that say whether they are distinguishable.

# %% tags=["parameters"]
articles: list[str] = []  # paths or folders; empty means the two bundled articles
output_dir: str = "reports"  # where the tables are written
group_by: str = "source"  # metadata field whose values are the groups (source, outlet...; empty: all articles)
pair_by: str = ""  # metadata field pairing articles across groups, e.g. event (empty: no pairing)
period: str = ""  # also group by week, month, quarter or year of the date (empty: no)

# %%
from pathlib import Path

from IPython.display import Markdown

import newslab as nl
from newslab import group_findings as gf
from newslab.plots import plot_contrasts, plot_estimates_over_time, plot_tone_heatmap

corpus = nl.load_corpus(articles) if articles else nl.load_seed_corpus()
analysis = nl.analyze(corpus)  # one pass: the comparison and the group estimates below come from it
table = analysis.compare()
Path(output_dir).mkdir(parents=True, exist_ok=True)
nl.format_compare(table).to_csv(Path(output_dir) / "comparison.csv", index=False)
Markdown("\n".join(f"- {line}" for line in nl.compare_summary(table)))

# %%
ax = plot_tone_heatmap(table, value="tone_target", title="Tone toward each target")
# %% [markdown]
# ## The table (one column per target and article; paste-ready as `comparison.csv`)

# %%
shown = ["article_id", "target", "mentions", "labels", "tone_sentences", "tone_target", "stance", "top_frame", "quoted"]
readable = nl.format_compare(table)[shown]  # numbers rounded, lists and counts as text; the data stays in `table`
readable.set_index(["target", "article_id"]).T.style.set_properties(**{"text-align": "left"})

# %% [markdown]
# ## Groups, periods and uncertainty
#
# A comparison of single articles answers "how do these articles differ?". With a corpus, the
# question becomes "how do these outlets (or months) frame the target, and is the difference real?".
# `analysis.estimates(by=...)` answers the first half: for each group, target and measure, a
# ratio of sums over the group's articles with a 95% confidence interval from a cluster
# bootstrap over articles (or over `pair_by` units such as news events). Each measure names its
# construct:
#
# - a **rate per 1,000 words** (`negative_per_1000_words`, the primary tone measure; mentions,
#   positive mentions, stance rows): how much negative coverage a reader meets, adjusted for length;
# - a **share of mentions** (`share_negative`, `share_positive`, `share_neutral`): how a mention,
#   once made, is framed;
# - a **mean score per mention** (`mean_score`): the average target-model score, which can hide
#   differences (many mild mentions balance a few harsh ones);
# - a **share of quotes** (`quote_share`) and a **share of frame cues** (`frame_share:<frame>`).
#
# `analysis.contrasts(by=...)` answers the second half: each pair of groups (or each against a
# `reference=`), the difference with its interval, a p-value and a Benjamini–Hochberg q-value
# across all the contrasts shown. A finding is stated only for groups with at least 5 articles
# and 20 mentions. With the two bundled articles every group is a single article: the table has
# no intervals, and the findings say that they describe these articles only. Run this notebook
# with `articles` pointing at a corpus whose records carry `source` (and `event`, `date`) to see
# group estimates; `period="month"` adds a time axis.

# %%
estimates = analysis.estimates(group_by or None, pair_by=pair_by or None, period=period or None, seed=0)
gf.estimates_view(estimates).style.set_properties(**{"text-align": "left"})

# %%
contrasts = analysis.contrasts(group_by or None, pair_by=pair_by or None, period=period or None, seed=0)
found = gf.group_findings(contrasts)
supported = estimates[estimates["supported"]]["group"].nunique()
scope = gf.scope_note(len(corpus), grouped=bool(group_by or period), supported_groups=supported)
Markdown("\n".join([scope, "", *(f"- {text}" for text in found["finding"].head(8))]))

# %%
if len(contrasts):
    plot_contrasts(contrasts, target="Trump")
if period and estimates["period"].nunique() > 1:
    plot_estimates_over_time(estimates, target="Trump")

# %% [markdown]
# ## Caveats
#
# Each column inherits the limits shown in notebooks 2–4 and measured in notebook 6; two articles
# are a case study, not a sample. The intervals cover sampling variation between articles (and
# events), not the errors of the target model: a biased model gives biased estimates with narrow
# intervals (see docs/groups.md). Check each statement against the evidence columns before quoting it.
