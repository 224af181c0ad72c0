"""The article view's palette and type: colours and underline styles per target, tone and stance.

Colours are distinct in grayscale by underline style as well, so a printed view stays readable.
"""

#: Per target: background colour, underline style, underline colour (distinct in grayscale by style).
TARGET_STYLES: tuple[tuple[str, str, str], ...] = (
    ("#fde68a", "solid", "#92400e"),
    ("#bfdbfe", "dashed", "#1e3a8a"),
    ("#fbcfe8", "dotted", "#831843"),
    ("#bbf7d0", "double", "#14532d"),
    ("#ddd6fe", "solid", "#4c1d95"),
    ("#fed7aa", "dashed", "#7c2d12"),
)
NEGATIVE_COLOUR = "#e66101"  # PuOr ends, as in newslab.plots heatmaps
POSITIVE_COLOUR = "#5e3c99"
NEUTRAL_COLOUR = "#777777"
STANCE_COLOURS = {"against": NEGATIVE_COLOUR, "favor": POSITIVE_COLOUR}
TONE_SIGNS = {"negative": "\u2212", "positive": "+"}
FONT = "font-family:Georgia,'Times New Roman',serif"
SMALL = "font-family:Helvetica,Arial,sans-serif;font-size:75%;font-style:normal;font-weight:normal"

__all__ = [
    "FONT",
    "NEGATIVE_COLOUR",
    "NEUTRAL_COLOUR",
    "POSITIVE_COLOUR",
    "SMALL",
    "STANCE_COLOURS",
    "TARGET_STYLES",
    "TONE_SIGNS",
]
