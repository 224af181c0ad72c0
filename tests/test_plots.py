from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.text import Annotation

import newslab as nl
from newslab import plots
from newslab.errors import ParameterError


@pytest.fixture(autouse=True)
def _close_figures():  # type: ignore[no-untyped-def]
    yield
    plt.close("all")


def sentiment_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a"] * 4 + ["b"] * 3,
            "sentence_id": [0, 1, 2, 3, 0, 1, 2],
            "compound": [0.1, -0.5, 0.3, 0.0, 0.2, 0.4, -0.2],
        }
    )


def mention_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "b"],
            "sentence_id": [0, 2, 2, 1],
            "target": ["Trump", "Trump", "NATO", "NATO"],
            "mention": ["Trump", "the tycoon", "NATO", "the alliance"],
        }
    )


def test_import_newslab_does_not_load_matplotlib() -> None:
    code = "import sys, newslab as nl; nl.keyness; nl.frame_table; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_sentiment_arc_lines_and_markers() -> None:
    ax = plots.plot_sentiment_arc(sentiment_frame(), mentions=mention_frame())
    article_lines = [line for line in ax.lines if line.get_label() in ("a", "b")]
    assert [line.get_label() for line in article_lines] == ["a", "b"]
    assert article_lines[0].get_linestyle() != article_lines[1].get_linestyle()
    assert list(article_lines[0].get_xdata()) == [1, 2, 3, 4]
    markers = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert sum(len(c.get_offsets()) for c in markers) == 4  # a: Trump s0 and s2, NATO s2; b: NATO s1
    assert ax.get_title() and ax.get_xlabel() == "sentence number" and "compound" in ax.get_ylabel()


def test_tone_heatmap_cells() -> None:
    df = pd.DataFrame(
        {"article_id": ["a", "a", "b"], "target": ["Trump", "NATO", "Trump"], "tone_sentences": [0.25, -0.5, 0.1]}
    )
    ax = plots.plot_tone_heatmap(df, value="tone_sentences")
    assert [t.get_text() for t in ax.texts] == ["+0.25", "-0.50", "+0.10", "n/a"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Trump", "NATO"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    assert "tone_sentences" in ax.get_title()


def test_tone_heatmap_default_value_from_compare_table() -> None:
    df = pd.DataFrame(
        {"article_id": ["a", "b"], "target": ["T", "T"], "tone_sentences": [0.1, 0.2], "tone_target": [-0.3, 0.4]}
    )
    ax = plots.plot_tone_heatmap(df)
    assert [t.get_text() for t in ax.texts] == ["-0.30", "+0.40"]
    assert "tone_target" in ax.get_title()


@pytest.mark.parametrize("n", [3, 10])
def test_keyness_bars(seed_corpus: nl.Corpus, n: int) -> None:
    table = nl.keyness(seed_corpus, "es-daily", "de-dpa")
    ax = plots.plot_keyness(table, n=n)
    bars = ax.patches
    assert len(bars) == 2 * n
    assert sum(b.get_width() > 0 for b in bars) == n
    hatches = {b.get_hatch() or "" for b in bars}
    assert len(hatches) == 2  # the sides differ by hatch, not colour alone
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == table.iloc[0].term  # strongest of es-daily on top
    assert labels[0] == table.iloc[-1].term  # strongest of de-dpa at the bottom
    assert ax.get_title() == "Keyness: es-daily vs de-dpa"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["typical of es-daily", "typical of de-dpa"]


def test_frame_profile_bars(seed_corpus: nl.Corpus) -> None:
    profile = nl.frame_profile(seed_corpus)
    ax = plots.plot_frame_profile(profile, value="sentence_share", frames=["war", "conflict", "economic"])
    assert len(ax.patches) == 6
    assert [t.get_text() for t in ax.get_yticklabels()] == ["war", "conflict", "economic"]
    assert ax.get_xlabel() == "share of sentences with a cue"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["es-daily", "de-dpa"]


@pytest.mark.parametrize("source", ["labels", "mentions"])
def test_labels_chart(source: str) -> None:
    if source == "labels":
        df = pd.DataFrame(
            {
                "article_id": ["a", "a", "b", "b"],
                "target": ["Trump", "Trump", "Trump", "NATO"],
                "label": ["Trump", "the tycoon", "Trump", "the alliance"],
                "count": [3, 1, 5, 2],
            }
        )
    else:
        df = mention_frame()
    ax = plots.plot_labels(df)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[0].startswith("Trump: ")
    assert len(ax.patches) == 2 * len(ticks)
    assert ax.get_title() == "Labels used for each target"


def test_labels_filter_and_empty() -> None:
    df = mention_frame()
    ax = plots.plot_labels(df, target="NATO")
    assert all(t.get_text().startswith("NATO: ") for t in ax.get_yticklabels())
    with pytest.raises(ParameterError):
        plots.plot_labels(df, target="EU")


def test_stance_diagram() -> None:
    df = pd.DataFrame(
        {
            "holder": ["Trump", "Trump", "Rutte", "allies", "allies"],
            "target": ["NATO", "NATO", "Trump", "Trump", "Trump"],
            "stance": ["critical", "critical", "appreciative", "worried", "neutral"],
            "score": [-0.6, -0.4, 0.7, -0.3, 0.0],
        }
    )
    ax = plots.plot_stance(df)
    arrows = [t for t in ax.texts if isinstance(t, Annotation)]
    assert len(arrows) == 4
    styles = {t.get_text().split(" ")[0]: t.arrow_patch.get_linestyle() for t in arrows}
    assert styles["critical"] == styles["worried"] != styles["appreciative"] != styles["neutral"]
    assert "critical (-0.50) ×2" in [t.get_text() for t in arrows]
    names = {t.get_text() for t in ax.texts if not isinstance(t, Annotation)}
    assert names == {"Trump", "Rutte", "allies", "NATO"}


def test_stance_without_score() -> None:
    df = pd.DataFrame({"holder": ["X"], "target": ["Y"], "stance": ["supportive"]})
    ax = plots.plot_stance(df)
    assert [t.get_text() for t in ax.texts if isinstance(t, Annotation)] == ["supportive ×1"]


@pytest.mark.parametrize(
    "func,df",
    [
        (plots.plot_sentiment_arc, pd.DataFrame({"x": [1]})),
        (plots.plot_tone_heatmap, pd.DataFrame({"article_id": ["a"]})),
        (plots.plot_keyness, pd.DataFrame({"term": ["a"]})),
        (plots.plot_frame_profile, pd.DataFrame({"frame": ["war"]})),
        (plots.plot_labels, pd.DataFrame({"target": ["T"]})),
        (plots.plot_stance, pd.DataFrame({"holder": ["T"]})),
    ],
)
def test_missing_columns(func, df: pd.DataFrame) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ParameterError, match="needs columns"):
        func(df)


def test_draws_on_given_axes() -> None:
    _fig, (left, right) = plt.subplots(1, 2)
    assert plots.plot_sentiment_arc(sentiment_frame(), ax=left) is left
    assert plots.plot_stance(pd.DataFrame({"holder": ["X"], "target": ["Y"], "stance": ["s"]}), ax=right) is right


def test_save_figure(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ax = plots.plot_sentiment_arc(sentiment_frame())
    written = plots.save_figure(ax, tmp_path / "out" / "arc.png")
    assert [p.name for p in written] == ["arc.png", "arc.svg"]
    assert written[0].read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in written[1].read_bytes()[:500]
    with pytest.raises(ParameterError):
        plots.save_figure(ax, tmp_path / "x", formats=("gif",))
    with pytest.raises(ParameterError):
        plots.save_figure("not a figure", tmp_path / "x")
