"""Unique, portable names for the files a report writes (article views, keyness tables, anchors).

Example:
    >>> output_name("x/y") != output_name("x_y")
    True
"""

from __future__ import annotations

import hashlib
import re

#: File names Windows refuses whatever the extension (checked lower-cased).
RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


def output_name(label: str, suffix: str = "") -> str:
    """A portable file name for an article id or a group label that no other label gets.

    An id that is already a short lower-case ASCII slug (``es-daily``) is kept as it is;
    any other gets its slug plus the first 8 hex digits of the SHA-256 of the exact label,
    so ``A``/``a``, ``x/y``/``x_y`` and ``新闻``/``报道`` get different names. Names are
    ASCII letters, digits and ``-`` only (no control or bidi characters, no ``CON``), and
    at most 60 + 9 characters before ``suffix``.

    Example:
        >>> output_name("es-daily", ".html"), output_name("A", ".html"), output_name("a", ".html")
        ('es-daily.html', 'a-559aead0.html', 'a.html')
        >>> output_name("新闻") != output_name("报道"), output_name("CON")
        (True, 'con-a3dbc4b6')
    """
    plain = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:60].strip("-") or "x"
    if plain == label and plain not in RESERVED:
        return plain + suffix
    digest = hashlib.sha256(label.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{plain}-{digest}{suffix}"


def css_name(value: str) -> str:
    """``value`` as an HTML id or class fragment: ASCII letters, digits, ``_`` and ``-`` only.

    Example:
        >>> css_name("es daily/1")
        'es-daily-1'
    """
    return re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-") or "article"


__all__ = ["RESERVED", "css_name", "output_name"]
