"""Publication plots for newslab tables (matplotlib; import this module explicitly).

Every ``plot_*`` function takes a DataFrame with documented columns and an optional
``ax``, draws on it (or on a new figure) and returns the Axes. Plots are titled and
labeled and readable in grayscale: articles differ by hatch, marker and line style, not
by colour alone, and heatmap cells print their values. :func:`save_figure` writes PNG and
SVG. ``import newslab`` never imports matplotlib; only ``import newslab.plots`` does.

Example:
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import newslab as nl
    >>> from newslab import plots
    >>> ax = plots.plot_keyness(nl.keyness(nl.load_seed_corpus(), "es-daily", "de-dpa"), n=5)
    >>> len(ax.patches), ax.get_title().splitlines()
    (10, ['Keyness: es-daily vs de-dpa', 'no word passes the threshold (BH q < 0.05 over all words)'])

The plots live in modules by what they show (:mod:`newslab.tone_plots`,
:mod:`newslab.word_plots`, :mod:`newslab.stance_plots`) on shared styles and sizes
(:mod:`newslab.figures`); this module gathers them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from newslab.errors import ParameterError
from newslab.figures import MAX_FIGSIZE, MAX_GROUPS, STYLES, TARGET_MARKERS, VALUE_NAMES, readable
from newslab.group_plots import plot_contrasts, plot_estimates_over_time
from newslab.stance_plots import plot_stance
from newslab.tone_plots import plot_sentiment_arc, plot_tone_heatmap
from newslab.word_plots import plot_frame_profile, plot_keyness, plot_labels

logger = logging.getLogger(__name__)

SAVE_FORMATS = ("png", "svg", "pdf", "jpg", "jpeg", "tif", "tiff", "eps")


def save_figure(
    figure: Figure | Axes | Any,
    path: str | Path,
    *,
    formats: Sequence[str] = ("png", "svg"),
    dpi: int = 200,
) -> list[Path]:
    """Save a figure (or the figure of an Axes) in several formats.

    Args:
        figure: A matplotlib Figure or Axes.
        path: Target path; its suffix, if any, is replaced by each format
            (``reports/keyness`` -> ``reports/keyness.png`` and ``reports/keyness.svg``).
            Missing folders are created.
        formats: File formats (``png``, ``svg``, ``pdf``, ...).
        dpi: Resolution of raster formats.

    Returns:
        The written paths.

    Raises:
        ParameterError: For an unknown format or an object that is not a figure.
    """
    fig = figure.figure if isinstance(figure, Axes) else figure
    if not isinstance(fig, Figure):
        raise ParameterError(f"save_figure() takes a matplotlib Figure or Axes, got {type(figure).__name__}")
    if isinstance(formats, str):
        formats = (formats,)
    bad = [f for f in formats if f.lower().lstrip(".") not in SAVE_FORMATS]
    if bad or not formats:
        raise ParameterError(f"formats={list(formats)!r}; valid: {list(SAVE_FORMATS)}")
    base = Path(path)
    base.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        target = base.with_suffix("." + fmt.lower().lstrip("."))
        fig.savefig(target, dpi=dpi, bbox_inches="tight")
        written.append(target)
    logger.info("saved %s", ", ".join(str(p) for p in written))
    return written


__all__ = [
    "MAX_FIGSIZE",
    "MAX_GROUPS",
    "SAVE_FORMATS",
    "STYLES",
    "TARGET_MARKERS",
    "VALUE_NAMES",
    "plot_contrasts",
    "plot_estimates_over_time",
    "plot_frame_profile",
    "plot_keyness",
    "plot_labels",
    "plot_sentiment_arc",
    "plot_stance",
    "plot_tone_heatmap",
    "readable",
    "save_figure",
]
