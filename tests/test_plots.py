from __future__ import annotations

import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

import newslab as nl
from newslab import plots
from newslab.errors import ParameterError

sys.path.insert(0, str(Path(__file__).parent))
import synthetic_tables as synthetic


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
    assert [t.get_text() for t in ax.texts] == ["+0.25", "\u22120.50", "+0.10", "n/a"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Trump", "NATO"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    assert "tone of the sentences mentioning the target" in ax.get_title().lower()
    colorbar = ax.figure.axes[-1]
    assert colorbar.get_ylabel().startswith("tone of the sentences") and "_" not in colorbar.get_ylabel()


def test_tone_heatmap_default_value_from_compare_table() -> None:
    df = pd.DataFrame(
        {"article_id": ["a", "b"], "target": ["T", "T"], "tone_sentences": [0.1, 0.2], "tone_target": [-0.3, 0.4]}
    )
    ax = plots.plot_tone_heatmap(df)
    assert [t.get_text() for t in ax.texts] == ["\u22120.30", "+0.40"]
    assert ax.get_title() == "Tone toward the target by article and target"


@pytest.mark.parametrize("n", [3, 10])
def test_keyness_below_threshold_is_not_called_typical(seed_corpus: nl.Corpus, n: int) -> None:
    table = nl.keyness(seed_corpus, "es-daily", "de-dpa")
    assert (table["p_value"] > 0.05).all()  # two short articles: nothing passes
    ax = plots.plot_keyness(table, n=n)
    bars = ax.patches
    assert len(bars) == 2 * n
    assert sum(b.get_width() > 0 for b in bars) == n
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == table.iloc[0].term  # strongest of es-daily on top
    assert labels[0] == table.iloc[-1].term  # strongest of de-dpa at the bottom
    assert ax.get_title() == "Keyness: es-daily vs de-dpa\nno word passes the threshold (BH q < 0.05 over all words)"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["leans toward a side, below the threshold"]
    assert not any("typical of" in t.get_text() for t in ax.texts)


def test_keyness_without_q_values_keeps_the_score_threshold(seed_corpus: nl.Corpus) -> None:
    table = nl.keyness(seed_corpus, "es-daily", "de-dpa").drop(columns=["q_value"])
    ax = plots.plot_keyness(table, n=3)
    assert ax.get_title().startswith("Keyness: es-daily vs de-dpa\nno word passes the threshold (|z| \u2265 1.96")


def keyness_frame(p_values: list[float]) -> pd.DataFrame:
    scores = [3.1, 2.5, 0.4, -0.5, -2.2]
    df = pd.DataFrame(
        {"term": ["alpha", "beta", "gamma", "delta", "eps"], "score": scores, "favours": ["x"] * 3 + ["y"] * 2,
         "p_value": p_values}
    )  # fmt: skip
    df.attrs.update(method="log_odds_dirichlet", a="x", b="+".join(f"id{i}" for i in range(40)))
    return df


@pytest.mark.parametrize("n", [1, 3, 10])
def test_keyness_texts_do_not_overlap(seed_corpus: nl.Corpus, n: int) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for table in (keyness_frame([0.002, 0.01, 0.7, 0.6, 0.03]), nl.keyness(seed_corpus, "es-daily", "de-dpa")):
            ax = plots.plot_keyness(table, n=n)
            assert overlapping_texts(ax.figure) == []  # type: ignore[arg-type]


def test_keyness_typical_only_past_threshold() -> None:
    ax = plots.plot_keyness(keyness_frame([0.002, 0.01, 0.7, 0.6, 0.03]), n=3)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["typical of x", "typical of 40 articles", "leans toward a side, below the threshold"]
    light = [b for b in ax.patches if b.get_facecolor()[:3] == pytest.approx((0.9, 0.9, 0.9))]
    assert len(light) == 2  # gamma and delta
    assert "words called typical only at |z| \u2265 1.96, p < 0.05" in ax.get_title()
    dotted = [line for line in ax.lines if line.get_linestyle() == ":"]
    assert sorted(round(line.get_xdata()[0], 2) for line in dotted) == [-1.96, 1.96]
    strict = plots.plot_keyness(keyness_frame([0.002, 0.01, 0.7, 0.6, 0.03]), n=3, alpha=0.001, names=("A", "B"))
    assert "no word passes the threshold (|z| \u2265 3.29, p < 0.001)" in strict.get_title()


def test_frame_profile_bars(seed_corpus: nl.Corpus) -> None:
    profile = nl.frame_profile(seed_corpus)
    ax = plots.plot_frame_profile(profile, value="sentence_share", frames=["war", "conflict", "economic"])
    assert len(ax.patches) == 6
    assert [t.get_text() for t in ax.get_yticklabels()] == ["War", "Conflict", "Economic"]
    assert ax.get_xlabel() == "share of sentences with a cue"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["es-daily", "de-dpa"]


def test_frame_profile_drops_frames_without_weight() -> None:
    profile = pd.DataFrame(
        {"article_id": ["a", "a", "b", "b"], "frame": ["economic_consequences", "war"] * 2,
         "per_1000_words": [2.0, 0.0, 1.0, 0.0]}
    )  # fmt: skip
    ax = plots.plot_frame_profile(profile)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Economic consequences"]


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


def cell_texts(ax) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.get_text() for t in ax.texts]


def test_stance_matrix_cells() -> None:
    df = pd.DataFrame(
        {
            "holder": ["Trump", "Trump", "Rutte", "allies", "allies", "Trump"],
            "target": ["NATO", "NATO", "Trump", "Trump", "Trump", "NATO"],
            "stance": ["against", "against", "favor", "against", "neutral", "favor"],
            "score": [-0.6, -0.4, 0.7, -0.3, 0.0, 0.8],
        }
    )
    ax = plots.plot_stance(df)
    assert sorted(cell_texts(ax)) == [
        "against (\u22120.30) \u00d71\nneutral (+0.00) \u00d71",
        "against (\u22120.50) \u00d72\nfavor (+0.80) \u00d71",  # both stances of one pair readable
        "favor (+0.70) \u00d71",
    ]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Trump", "allies", "Rutte"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["NATO", "Trump"]
    image = ax.images[0].get_array()
    assert image[0, 0] == pytest.approx((-0.6 - 0.4 + 0.8) / 3)  # colour: mean of all the pair's rows


def test_stance_without_score() -> None:
    df = pd.DataFrame({"holder": ["X"], "target": ["Y"], "stance": ["supportive"]})
    ax = plots.plot_stance(df)
    assert cell_texts(ax) == ["supportive \u00d71"]


def test_stance_small_multiples_per_article() -> None:
    df = pd.DataFrame(
        {"article_id": ["es", "es", "de"], "holder": ["Trump", "Rutte", "allies"], "target": ["NATO", "Trump", "Trump"],
         "stance": ["against", "favor", "against"], "score": [-0.53, 0.8, -0.6]}
    )  # fmt: skip
    ax = plots.plot_stance(df)
    panels = [a for a in ax.figure.axes if a.images]
    assert [a.get_title() for a in panels] == ["es", "de"]
    assert [t.get_text() for t in panels[1].get_xticklabels()] == ["Trump", "NATO"]  # one target order for all


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


# --------------------------------------------------------------------------- any corpus size

SIZES = (2, 3, 20, 200, 2000)


def _scale_plots(n: int) -> dict[str, Callable[[], Axes]]:
    return {
        "stance": lambda: plots.plot_stance(synthetic.stance(n)),
        "frames": lambda: plots.plot_frame_profile(synthetic.profile(n)),
        "frames-by-source": lambda: plots.plot_frame_profile(synthetic.profile(n), group_by="source"),
        "heatmap": lambda: plots.plot_tone_heatmap(synthetic.tone(n), value="tone_target"),
        "heatmap-by-source": lambda: plots.plot_tone_heatmap(synthetic.tone(n), group_by=synthetic.source_of(n)),
        "labels": lambda: plots.plot_labels(synthetic.labels(n)),
        "labels-by-source": lambda: plots.plot_labels(synthetic.labels(n), group_by=synthetic.source_of(n)),
        "arc": lambda: plots.plot_sentiment_arc(synthetic.sentiment(n), mentions=synthetic.mentions(n)),
        "arc-by-source": lambda: plots.plot_sentiment_arc(synthetic.sentiment(n), group_by="source"),
    }


def hidden_ticks(fig: Figure) -> list[Text]:
    """Tick labels outside the view limits (matplotlib keeps them but does not draw them)."""
    hidden = []
    for ax in fig.axes:
        for axis, (low, high) in ((ax.xaxis, sorted(ax.get_xlim())), (ax.yaxis, sorted(ax.get_ylim()))):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    hidden += [tick.label1, tick.label2]
    return hidden


def overlapping_texts(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of visible, non-empty texts whose drawn boxes overlap (1 px tolerance)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip() and t not in hidden_ticks(fig)]
    boxes = [(t.get_text(), t.get_window_extent(renderer).expanded(1.0, 1.0).padded(-1.0)) for t in texts]
    return [
        (a, b)
        for i, (a, box_a) in enumerate(boxes)
        for b, box_b in boxes[i + 1 :]
        if box_a.width > 0 and box_b.width > 0 and box_a.overlaps(box_b)
    ]


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("name", list(_scale_plots(2)))
def test_plots_readable_at_any_size(name: str, n: int) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = _scale_plots(n)[name]()
        fig = ax.get_figure(root=True)
        assert fig is not None
        width, height = fig.get_size_inches()
        assert width <= plots.MAX_FIGSIZE[0] and height <= plots.MAX_FIGSIZE[1]
        assert overlapping_texts(fig) == []
    legend_entries = sum(len(a.get_legend().get_texts()) for a in fig.axes if a.get_legend() is not None)
    assert legend_entries <= plots.MAX_GROUPS + 3  # groups plus target markers, never one per article
    bars_per_tick = len(ax.patches) / max(len(ax.get_yticks()), 1)
    assert bars_per_tick <= plots.MAX_GROUPS


def test_overlap_check_sees_overlaps() -> None:
    fig, ax = plt.subplots()
    ax.text(0.5, 0.5, "against (-0.53) x3")
    ax.text(0.52, 0.5, "favor (+0.80) x1")
    assert overlapping_texts(fig) == [("against (-0.53) x3", "favor (+0.80) x1")]


@pytest.mark.parametrize("n", (*SIZES, 7, 12))
def test_stance_long_holder_name_readable(n: int) -> None:
    ax = plots.plot_stance(synthetic.stance(n))
    fig = ax.get_figure(root=True)
    assert fig is not None and overlapping_texts(fig) == []
    ticks = [t.get_text() for a in fig.axes for t in a.get_yticklabels()]
    long = [t for t in ticks if t.startswith("people familiar")]
    assert long and all(len(line) <= 24 for t in long for line in t.split("\n"))
    assert all(t.endswith("\u2026") for t in long)
    if n <= 12:
        titles = [a.get_title() for a in fig.axes if a.images]
        assert titles == synthetic.articles(n)
        cells = [t.get_text() for t in fig.axes[0].texts]
        assert "against (\u22120.53) \u00d73\nfavor (+0.80) \u00d71" in cells
    else:
        assert f"across {n:,} articles" in ax.get_title()


def test_group_by_must_exist() -> None:
    with pytest.raises(ParameterError, match="group_by='outlet' is not a column"):
        plots.plot_frame_profile(synthetic.profile(3), group_by="outlet")


@pytest.mark.parametrize(
    "name,expected",
    [("economic_consequences", "Economic consequences"), ("war", "War"), ("NATO", "NATO")],
)
def test_readable(name: str, expected: str) -> None:
    assert plots.readable(name) == expected
