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

# %% tags=["parameters"]
articles: list[str] = []  # paths or folders; empty means the two bundled articles
targets: dict[str, object] = {}  # name -> aliases, or -> Target fields (heads, kind...); empty: Trump and NATO
output_dir: str = "reports"  # where the tables are written
title: str = "How the articles frame their targets"  # heading of the report
analysis_dir: str = ""  # a saved analysis (newslab analyze -o DIR) to report on, instead of articles
group_by: str = ""  # metadata field grouping articles (source, date...) in figures and keyness
period: str = ""  # also group by time: week, month, quarter or year of the date (empty: no)
pair_by: str = ""  # metadata field pairing articles across groups, e.g. event (empty: no pairing)
max_views: int = 12  # articles shown in full (annotated) in this page; all get a page in views/
codes: list[str] = []  # filled coding sheets and their sample file: adds the section Validity on this corpus

# %%
from pathlib import Path

from newslab.render import Notes

notes = Notes().capture()  # warnings are listed under "Notes" at the end, not printed in between

import matplotlib.pyplot as plt
from IPython.display import HTML, Markdown, display

import newslab as nl
from newslab import group_findings as gf
from newslab import plots, sections
from newslab.comparison import summary_findings
from newslab.keywords import term_counts
from newslab.quotes import speaker_table
from newslab.render import escape_markdown, html_table, markdown_heading, skipped_markdown, write_csv
from newslab.report import load_articles
from newslab.stance import stance_summary
from newslab.views import output_name

if analysis_dir:  # one saved pass: every table below comes from it, nothing is recomputed
    analysis = nl.Analysis.load(analysis_dir)
    corpus, skipped = analysis.corpus(), []
else:
    corpus, skipped = load_articles(articles)
    target_notes: list[str] = []  # e.g. "Trump: your aliases extend the built-in target"
    analysis = nl.analyze(corpus, list(nl.targets_from_spec(targets, notes=target_notes)) or None, on_error="skip")
    for note in target_notes:
        notes.add(note)
chosen = list(analysis.targets)
table = analysis.compare()
tables = Path(output_dir) / "tables"
tables.mkdir(parents=True, exist_ok=True)
for name in ("mentions", "target_tone", "tone", "quotes", "stance", "frames", "errors"):
    write_csv(analysis.table(name), tables / f"{name}.csv")
grouping = bool(group_by or period)
groups = gf.article_groups(analysis, group_by, period=period or None) if grouping else None  # checks the field
write_csv(gf.with_groups(nl.format_compare(table), groups), tables / "comparison.csv")
names = ", ".join(t.name for t in chosen)
articles_text = f"{len(corpus)} article{'s' if len(corpus) != 1 else ''}"
articles_text += f" ({', '.join(corpus.ids)})" if len(corpus) <= 12 else ""
about = escape_markdown(f"{articles_text}; targets: {names}. newslab {nl.__version__}.")
n_failed = len(analysis.errors)
failed = f"\n\n{n_failed} article(s) could not be analyzed: see tables/errors.csv." if n_failed else ""
Markdown(f"{markdown_heading(title)}\n\n{about}{failed}\n\n{skipped_markdown(skipped)}")

# %% [markdown]
# ## Headline findings
#
# With grouping: groups compared, each difference with its confidence interval. Without: differences
# between these articles by fixed rules, each finding linked to the rows behind it.

# %%
key_sides, key_note = sections.keyness_plan(corpus, group_by)
word_counts = term_counts(corpus) if key_sides else {}  # each article's words counted once for every comparison
grouped = gf.group_report(analysis, group_by, period=period or None, pair_by=pair_by or None) if grouping else None
if grouped is not None:  # findings compare groups, never two single articles
    for name, frame in (("estimates", grouped.estimates), ("contrasts", grouped.contrasts),
                        ("group_findings", grouped.findings)):  # fmt: skip
        gf.write_table(frame, tables, name)
    headline = gf.findings_markdown(grouped)
else:
    pair = None
    if len(key_sides) == 1:  # one comparison (two articles or two groups): its typical words join the findings
        side = key_sides[0]
        pair = nl.keyness(corpus, side.ids_a, side.ids_b, labels=(side.label_a, side.label_b), counts=word_counts)
    findings = summary_findings(table, keyness=pair)
    write_csv(findings, tables / "findings.csv")
    headline = (
        escape_markdown(gf.scope_note(len(corpus), grouped=False)) + "\n\n" + sections.findings_markdown(findings)
    )
Markdown(headline)

# %% [markdown]
# <a id="groups"></a>
# ## Groups: estimates with uncertainty
#
# One row per group, target and measure, with its construct and confidence interval (all measures
# in `tables/estimates.csv`); the forest plot shows each difference between groups with its interval.

# %%
if grouped is None:
    display(Markdown("No grouping asked: run the report with `group_by` (e.g. source) or `period` to compare groups."))
else:
    display(Markdown(escape_markdown(gf.method_markdown(grouped))))
    display(gf.shown_table(gf.estimates_view(grouped.estimates), 60, "estimates_shown", tables))
    display(gf.shown_table(gf.contrasts_view(grouped.contrasts), 40, "contrasts_shown", tables))
    if len(grouped.contrasts):
        for target in chosen:
            plots.plot_contrasts(grouped.contrasts, target=target.name)
        plt.show()
    if grouped.over_time is not None:
        for target in chosen:
            plots.plot_estimates_over_time(grouped.over_time, target=target.name)
        plt.show()

# %% [markdown]
# ## The articles and the comparison table
#
# One row per article and target: counts, labels, tone, stance, frames and voices (all numbers in
# `tables/comparison.csv`; the rows behind each cell in the other tables).

# %%
articles_shown = gf.shown_table(sections.articles_view(analysis.articles), 60, "articles", tables)
gf.write_table(analysis.articles, tables, "articles")  # every column, the metadata JSON and input hash included
display(articles_shown)

# %%
view = sections.comparison_view(table)
gf.shown_table(view, 40, "comparison_shown", tables, index=len(table) <= 8)  # on its side: measures name rows

# %% [markdown]
# ## Labels: what each article calls each target

# %%
labels = nl.labels(corpus, chosen, mentions=analysis.mentions)
write_csv(labels, tables / "labels.csv")
missing = [t.name for t in chosen if t.name not in set(labels["target"])]
if missing:
    display(
        Markdown(escape_markdown(f"Not found in any article: {', '.join(missing)}. Add the names used as aliases."))
    )
display(html_table(sections.search_table(chosen)))  # what was searched for each target, kind by kind
for target in labels["target"].unique():
    plots.plot_labels(labels, target=target, top=12, group_by=groups)
plt.show()  # shown and closed here: each figure is drawn once

# %% [markdown]
# ## Tone
#
# Sentence tone through each article (markers: target mentions), and the tone of the language
# aimed at each target (−1 negative to +1 positive; the target model's own labels are counted).

# %%
plots.plot_sentiment_arc(analysis.tone, mentions=analysis.mentions, group_by=groups)
plt.show()

# %%
plots.plot_tone_heatmap(table, value="tone_target", title="Tone toward each target", group_by=groups)
plt.show()

# %% [markdown]
# ## Evidence: tone toward each target
#
# Each mention with its sentence, the target model's label and score, and the features that
# decided it. All rows are in `tables/target_tone.csv`.

# %%
for target in chosen:
    display(Markdown(f"{sections.anchor_tag(target.name, 'tone_target')}{sections.anchor_tag(target.name, 'labels')}"
                     f"\n\n### {escape_markdown(target.name)}"))  # fmt: skip
    display(gf.shown_table(sections.tone_counts(table, target.name), 40, f"tone_counts-{sections.slug(target.name)}",
                           tables))  # fmt: skip
    shown_ids = corpus.ids[:max_views]
    display(gf.shown_table(sections.tone_evidence(analysis, target.name, shown_ids), 120,
                           f"tone_evidence-{sections.slug(target.name)}", tables))  # fmt: skip

# %% [markdown]
# ## Stance and voices
#
# Who takes which position toward which target (holder → target, with the cue words), and who is quoted.

# %%
display(Markdown("".join(sections.anchor_tag(t.name, "stance") for t in chosen)))
stance = analysis.stance
explicit = stance[stance["holder"] != "author"]
if len(explicit):
    plots.plot_stance(explicit)
    plt.show()
else:
    print("No holder → target stance found.")

# %%
gf.shown_table(stance_summary(stance), 60, "stance_summary", tables)

# %%
display(Markdown(sections.anchor_tag("", "quotes")))
gf.shown_table(speaker_table(analysis.quotes), 60, "speakers", tables)

# %% [markdown]
# ## Frames and distinctive words

# %%
display(Markdown("".join(sections.anchor_tag(t.name, "frames") for t in chosen)))
frames = sections.frame_table_of(analysis)
profile = nl.frame_profile(frames)
write_csv(profile, tables / "frame_profile.csv")
plots.plot_frame_profile(profile, group_by=groups)
plt.show()

# %%
display(Markdown(f"{sections.anchor_tag('', 'keyness')}{escape_markdown(key_note)}"))
for side in key_sides:
    key = nl.keyness(corpus, side.ids_a, side.ids_b, labels=(side.label_a, side.label_b), counts=word_counts)
    write_csv(key, tables / f"keyness-{output_name(side.label_a, '.csv')}")
    plots.plot_keyness(key, n=10)
plt.show()

# %% [markdown]
# ## Evidence: every description of each target in context

# %%
in_context = [
    nl.kwic(corpus, t, kinds=["description"], mentions=analysis.mentions).assign(target=t.name) for t in chosen
]
evidence = sections.concat(in_context).drop(columns=["start", "end"])
write_csv(evidence, tables / "descriptions_in_context.csv")
if len(evidence):
    display(gf.shown_table(evidence, 60, "descriptions_in_context", tables))
else:
    print("No description of the targets found (only names and pronouns).")

# %% [markdown]
# ## The articles, annotated
#
# Target mentions (a colour per target; hover for the tone toward the target and its evidence),
# quotes with their speakers, sentence tone in the margin, and stance cue words.

# %%
pages = sections.write_views(analysis, corpus, Path(output_dir) / "views")
view_index = sections.write_view_index(corpus, pages, Path(output_dir) / "views")  # lists every page
display(Markdown(sections.views_note(len(corpus), max_views, index=f"views/{view_index.name}")))
for art in list(corpus)[:max_views]:
    display(HTML(nl.article_html(art, analysis=analysis)))

# %%
if codes:  # "Validity on this corpus": the coders against newslab (logic and tests in newslab.validity_report)
    from newslab.validity_report import section_outputs, validity_section

    for shown in section_outputs(validity_section(analysis, codes), tables):
        display(shown)

# %% [markdown]
# ## Method and caveats
#
# Articles are split into sentences and words by newslab's offline rule-based tokenizers, and
# each article goes through one analysis pass (`nl.analyze`), so every table and figure here
# comes from the same mentions, quotes and scores. Every table (CSV files in `tables/` next to
# this report) keeps the article id, sentence number and character span, so each number can be
# checked against the text. Tone comes from lexicons (VADER with news corrections, TextBlob).
# Tone toward a target comes from newslab's target model, which agrees with annotators of
# NewsMTSC news sentences at macro-F1 ≈ 0.66–0.69 (whole-sentence VADER: 0.51; a fine-tuned
# transformer: 0.83). Read tone as a pointer to passages, not as a measurement. Descriptions
# count only after a target is named; stance and frames come from editable cue lists.

# %% [markdown]
# ## Notes
#
# Warnings raised while this report was made (local folders removed).

# %%
Markdown(notes.markdown())
