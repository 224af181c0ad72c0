"""The visible text of an HTML page, for the readers of :mod:`newslab.readers` (standard library only).

Example:
    >>> html_to_text("<p>Trump met <b>NATO</b>.</p>")[0].strip()
    'Trump met NATO.'
"""

from __future__ import annotations

import html
import html.parser


class HTMLText(html.parser.HTMLParser):
    """Collect visible text of an HTML page, paragraphs separated by blank lines."""

    BLOCK = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "ul",
            "ol",
        ]
    )
    SKIP = frozenset(["script", "style", "noscript", "template", "nav", "aside"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False
        self._h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Enter a skipped element, the title or an h1; a block element starts a paragraph."""
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self._in_h1 = True
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        """Leave a skipped element, the title or an h1; a block element ends a paragraph."""
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_h1 = False
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        """Keep visible text (and the title and h1 text apart)."""
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)
            if self._in_h1:
                self._h1.append(data)

    @property
    def headline(self) -> str:
        """The page's first h1, else its title (whitespace collapsed)."""
        return " ".join("".join(self._h1).split()) or " ".join(self.title.split())


def html_to_text(raw: str) -> tuple[str, str]:
    """The visible text of an HTML page (paragraphs separated by blank lines) and its headline (h1, else title).

    Example:
        >>> html_to_text("<html><title>T</title><h1>Head</h1><p>One &amp; two</p><script>x()</script></html>")
        ('\\n\\nHead\\n\\n\\n\\nOne & two\\n\\n', 'Head')
    """
    parser = HTMLText()
    parser.feed(raw)
    parser.close()
    return html.unescape("".join(parser.parts)), parser.headline


__all__ = ["HTMLText", "html_to_text"]
