"""Cleaning text and labels on load: NFC, lone surrogates, control and bidi characters, display lengths.

Used by :mod:`newslab.readers` for article text and by the corpus for ids, titles, sources and metadata,
before anything reaches HTML or CSV.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Mapping
from typing import Any

from newslab.errors import (
    NewslabWarning,
)

CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Zero-width characters, the soft hyphen and ``CONTROL_CHARS``, which clean_text drops (in one scan: deleting
#: one kind never makes another).
_DROPPED = re.compile("[\u200b\u200c\u200e\u200f\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: The runs of spaces within a line (``[^\S\n]+``) that are not already one plain space: two or more spaces,
#: or one tab or other space character. It starts with a character class, so the search jumps from one
#: space to the next, and a lone plain space (between most words) is left as it is instead of replaced.
_ODD_SPACES = re.compile(r"[^\S\n](?:[^\S\n]+|(?<=[^\S \n]))")
_BLANK_RUNS = re.compile(r"\n{3,}")
_TAG_LINE = re.compile(r"^[•·▪‣◦●○■□►▸*\-–]\s*(.+)$")
#: Lone UTF-16 surrogates (truncated emoji in scraped JSON): not text, and refused by UTF-8 writers.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: What an id, a title or a metadata value must not carry into HTML, CSV or file names: C0/C1 control
#: characters (NUL included), bidi embeddings, overrides and isolates, marks and zero-width characters.
_LABEL_STRIP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")
_LABEL_SPACE = re.compile("[\t\n\x0b\x0c\r\u2028\u2029 ]+")


def replace_surrogates(text: str, where: str) -> str:
    r"""``text`` with lone surrogates replaced by U+FFFD, with a warning naming ``where`` (unchanged if none).

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     fixed = replace_surrogates("smile \ud83d!", "article 'a'")
        >>> fixed, str(caught[0].message).split(";")[0]
        ('smile \ufffd!', "article 'a': 1 lone surrogate character(s) replaced by U+FFFD")
    """
    found = _SURROGATE.findall(text)
    if not found:
        return text
    warnings.warn(
        f"{where}: {len(found)} lone surrogate character(s) replaced by U+FFFD; the source holds a truncated or "
        "badly escaped character (often an emoji cut in half): fix it there to keep the character",
        NewslabWarning,
        stacklevel=3,
    )
    return _SURROGATE.sub("\ufffd", text)


def clean_label(value: str) -> str:
    r"""An id, title, source or metadata string made safe to show and to name files by.

    NFC-normalized; control characters (NUL included), bidi overrides and isolates and
    zero-width characters removed; line breaks and tabs become one space; lone surrogates
    become U+FFFD; stripped.

    Example:
        >>> clean_label("rtl\u202eGNP.exe\x00 ")
        'rtlGNP.exe'
    """
    value = _SURROGATE.sub("\ufffd", value)
    value = _LABEL_SPACE.sub(" ", _LABEL_STRIP.sub("", unicodedata.normalize("NFC", value)))
    return value.strip()


#: Characters of a title shown in a heading (the tables keep it whole).
DISPLAY_CHARS = 200


def display_label(value: str, limit: int = DISPLAY_CHARS) -> str:
    """``value`` shortened for display to at most ``limit`` characters, cut at a space, with "…".

    Example:
        >>> display_label("word " * 100, 22)
        'word word word word …'
    """
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + " …"


def clean_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """Metadata with :func:`clean_label` applied to its keys and string values (and strings in lists)."""
    cleaned: dict[str, Any] = {}
    for key, value in meta.items():
        if isinstance(value, str) and key != "path":
            value = clean_label(value)
        elif isinstance(value, list):
            value = [clean_label(v) if isinstance(v, str) else v for v in value]
        cleaned[clean_label(str(key)) if isinstance(key, str) else key] = value
    return cleaned


def clean_text(text: str) -> tuple[str, list[str]]:
    """Clean ``text`` without changing its words; return it and any trailing tag list.

    Text is NFC-normalized (a name typed decomposed matches its composed form); lone
    surrogates become U+FFFD (see :func:`replace_surrogates` for the warning). Line ends
    become ``\\n``; spaces, tabs and no-break spaces inside a line become one space; lines
    are stripped; runs of blank lines become one blank line (a paragraph break);
    zero-width, soft-hyphen and control characters are dropped. A trailing block of two
    or more short bullet lines (topic tags) is removed and returned.

    Example:
        >>> clean_text("Title\\n\\n\\n\\nBody  text.\\n\\n • NATO\\n\\n • USA")
        ('Title\\n\\nBody text.', ['NATO', 'USA'])
    """
    # ASCII text (a flag of the string, read in constant time) holds no surrogate, nothing NFC changes and no
    # U+2028/U+2029: the steps for those are skipped for it
    ascii_only = text.isascii()
    if not ascii_only:
        text = unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", text))  # a name matches however it was encoded
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not ascii_only:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _DROPPED.sub("", text)  # zero-width and control characters, in one scan
    # every run of spaces in a line becomes one space (runs never cross a line break), then lines are stripped
    lines = [line.strip() for line in _ODD_SPACES.sub(" ", text).split("\n")]
    tags: list[str] = []
    end = len(lines)
    while end and not lines[end - 1]:
        end -= 1
    cut = end
    candidates: list[str] = []
    while cut:
        line = lines[cut - 1]
        match = _TAG_LINE.match(line)
        if match and len(line.split()) <= 8 and not line.endswith((".", "!", "?")):
            candidates.append(match.group(1).strip())
        elif line:
            break
        cut -= 1
    if len(candidates) >= 2:
        tags = candidates[::-1]
        end = cut
    cleaned = "\n".join(lines[:end])
    if "\n\n\n" in cleaned:  # a substring test is faster than the regex scan that would find nothing
        cleaned = _BLANK_RUNS.sub("\n\n", cleaned)
    cleaned = cleaned.strip()
    return cleaned, tags
