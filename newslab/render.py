"""Turn input-derived text and tables into safe Markdown, HTML and CSV.

Everything a report shows that came from input or parameters (article titles, ids, file
names, sources, dates, the report title, target names, summary lines, table cells) passes
through this module before it reaches Markdown, HTML or a spreadsheet:

- :func:`escape_html` and :func:`escape_markdown` make text inert: ``<script>`` shows as
  text, ``*`` and ``[`` are not Markdown, and a newline cannot start a new heading;
- :func:`html_table` turns a DataFrame into a pandas Styler whose cells and headers are
  escaped strings (pandas' own ``escape="html"`` leaves headers and list cells live);
- :func:`safe_csv_frame` and :func:`write_csv` stop a cell such as ``=HYPERLINK(...)``
  from running as a spreadsheet formula;
- :class:`Notes` collects warnings and log messages while a report runs and lists them,
  without local paths, instead of letting them print as stderr boxes.

pandas is imported only by the table functions.

Example:
    >>> escape_markdown("Why the <script> tag *matters*")
    'Why the &lt;script&gt; tag \\\\*matters\\\\*'
    >>> markdown_list(["a <b>", "1. c"])
    '- a &lt;b&gt;\\n- 1\\\\. c'
"""

from __future__ import annotations

import html
import logging
import math
import os
import re
import tempfile
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

#: ASCII punctuation that Markdown (CommonMark, mistune, MathJax's ``$``) can read as syntax.
#: A backslash before any ASCII punctuation is a literal in CommonMark, so escaping a few
#: harmless ones as well costs nothing. ``&``, ``<``, ``>`` and quotes become HTML entities.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:^=])")
#: Line breaks, tabs and other control characters: inline text stays on one line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]+")
#: Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"):
#: the four operators, plus tab and carriage return, which some spreadsheets strip first.
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A text cell that is only a number ("-3", "+0.25", "-1e-3") is data, not a formula.
_NUMBER_TEXT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
#: A path with at least one folder: absolute (``/a/b``, ``~/a``, ``C:\\a``) or explicitly
#: relative (``./a``, ``../a``). The last part (the file name) is kept.
_PATH = re.compile(r"(?<![\w/\\.~])(?:~|\.\.?|[A-Za-z]:)?(?:[/\\][^\s/\\:;,'\"()<>]+)*[/\\](?=[^\s/\\])")


def escape_html(value: Any) -> str:
    """``str(value)`` with ``&``, ``<``, ``>`` and both quotes as HTML entities.

    Example:
        >>> escape_html('<img src=x onerror="alert(1)">')
        '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(str(value), quote=True)


def escape_markdown(value: Any) -> str:
    """Inline Markdown that shows ``str(value)`` literally, on one line, with no live HTML.

    Markdown punctuation gets a backslash, HTML specials become entities, and line breaks
    and control characters become single spaces (so a title cannot start a heading or a list).

    Args:
        value: Any value; ``None`` gives an empty string.

    Returns:
        Text safe to put inside a Markdown paragraph, list item or heading.

    Example:
        >>> escape_markdown("<style>body{display:none}</style>")
        '&lt;style&gt;body\\\\{display\\\\:none\\\\}&lt;/style&gt;'
        >>> escape_markdown("line one\\n# not a heading")
        'line one \\\\# not a heading'
    """
    text = "" if value is None else str(value)
    text = _CONTROL.sub(" ", text)
    return escape_html(_MARKDOWN_SPECIALS.sub(r"\\\1", text))


def markdown_heading(text: Any, *, level: int = 1) -> str:
    """A Markdown heading of ``level`` (1-6) showing ``text`` literally.

    Example:
        >>> markdown_heading("Trump & <NATO>", level=2)
        '## Trump &amp; &lt;NATO&gt;'
    """
    if not 1 <= level <= 6:
        raise ValueError(f"level={level!r}; valid: 1 to 6")
    return f"{'#' * level} {escape_markdown(text)}"


def markdown_list(lines: Iterable[Any]) -> str:
    """A Markdown bullet list, one escaped item per line (empty input gives "").

    Example:
        >>> print(markdown_list(["es-daily calls Trump *the tycoon*", "=1+1"]))
        - es\\-daily calls Trump \\*the tycoon\\*
        - \\=1\\+1
    """
    return "\n".join(f"- {escape_markdown(line)}" for line in lines)


def format_cell(value: Any, *, precision: int = 2) -> str:
    """Display text of one table cell: floats rounded, lists joined with "; ", missing as "".

    Example:
        >>> format_cell(-0.6700001), format_cell(["the tycoon", "the Republican"]), format_cell(None)
        ('-0.67', 'the tycoon; the Republican', '')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) or type(value).__name__.startswith("float"):  # numpy floats too
        return f"{float(value):.{precision}f}"
    if isinstance(value, Mapping):
        return "; ".join(f"{format_cell(k)}: {format_cell(v, precision=precision)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)) or type(value).__name__ == "ndarray":
        return "; ".join(format_cell(item, precision=precision) for item in value)
    try:
        if value != value:  # pandas NA, NaT and numpy NaN compare unequal to themselves
            return ""
    except (TypeError, ValueError):  # pd.NA raises on bool(); treat it as missing
        return ""
    return str(value)


def html_table(frame: Any, *, precision: int = 2, index: bool = False) -> Any:
    """A pandas Styler of ``frame`` in which every cell and header is escaped text.

    pandas' ``Styler(escape="html")`` escapes only string cells, so a list cell or a column
    name holding markup stays live. Here each cell is first turned into display text
    (:func:`format_cell`), then escaped; the Styler only adds layout (left-aligned cells
    and headers, no index column).

    Args:
        frame: A DataFrame.
        precision: Decimals shown for floats.
        index: Show the index as the first column.

    Returns:
        A ``pandas.io.formats.style.Styler``; Jupyter displays it as an HTML table.

    Example:
        >>> import pandas as pd
        >>> html = html_table(pd.DataFrame({"<b>": [["<i>x</i>"]]})).to_html()
        >>> "<i>" in html, "&lt;i&gt;x&lt;/i&gt;" in html, "&lt;b&gt;" in html
        (False, True, True)
    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"html_table() takes a DataFrame, got {type(frame).__name__}")
    shown = frame.map(lambda v: escape_html(format_cell(v, precision=precision)))
    shown.columns = [escape_html(format_cell(c)) for c in frame.columns]
    shown.index = [escape_html(format_cell(i)) for i in frame.index]
    styler = shown.style.set_properties(**{"text-align": "left", "vertical-align": "top"})
    styler = styler.set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
    return styler if index else styler.hide(axis="index")


def neutralise_csv_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula.

    Numbers, and text that is only a number such as ``"-3"``, are returned unchanged.

    Example:
        >>> neutralise_csv_cell("=HYPERLINK(\\"http://x\\")"), neutralise_csv_cell("-0.5"), neutralise_csv_cell(-2)
        ('\\'=HYPERLINK("http://x")', '-0.5', -2)
    """
    if isinstance(value, str) and value.startswith(CSV_FORMULA_START) and not _NUMBER_TEXT.fullmatch(value):
        return "'" + value
    return value


def safe_csv_frame(frame: Any) -> Any:
    """A copy of ``frame`` whose text cells and column names cannot act as spreadsheet formulas.

    Only text (object/string) columns are touched; numeric columns keep their dtype and values.
    List and dict cells are written by pandas as their ``repr`` (starting with ``[`` or ``{``),
    which no spreadsheet reads as a formula.

    Example:
        >>> import pandas as pd
        >>> safe = safe_csv_frame(pd.DataFrame({"id": ["=1+1", "@SUM(A1)", "ok"], "score": [-1.0, 0.5, 2.0]}))
        >>> safe["id"].tolist(), safe["score"].tolist()
        (["'=1+1", "'@SUM(A1)", 'ok'], [-1.0, 0.5, 2.0])
    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"safe_csv_frame() takes a DataFrame, got {type(frame).__name__}")
    safe = frame.copy()
    for position in range(safe.shape[1]):
        column = safe.iloc[:, position]
        if not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column)):
            safe.isetitem(position, column.map(neutralise_csv_cell))
    safe.columns = [neutralise_csv_cell(c) for c in safe.columns]
    return safe


def write_csv(frame: Any, path: str | os.PathLike[str]) -> Path:
    """Write ``frame`` (no index) as UTF-8 CSV through :func:`safe_csv_frame`, atomically.

    Args:
        frame: A DataFrame.
        path: The ``.csv`` file; its folder must exist.

    Returns:
        ``Path(path)``.
    """
    return atomic_write_text(path, safe_csv_frame(frame).to_csv(index=False), newline="")


def atomic_write_text(path: str | os.PathLike[str], text: str, *, newline: str | None = None) -> Path:
    """Write ``text`` through a temporary file renamed into place: never a half-written file.

    The folder is created if needed; the file gets ordinary permissions (0644).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; an output is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def strip_paths(text: str) -> str:
    """``text`` with the folders of every absolute or ``./``-relative path removed (file names stay).

    Example:
        >>> strip_paths("/home/ana/venv/lib/site-packages/newslab/plots.py:80: tight_layout failed")
        'plots.py:80: tight_layout failed'
        >>> strip_paths("skipped C:\\\\Users\\\\ana\\\\a.pdf and ../data/b.docx, not and/or")
        'skipped a.pdf and b.docx, not and/or'
    """
    return _PATH.sub("", text)


def skipped_markdown(skipped: Sequence[tuple[str, str]]) -> str:
    """A "Skipped inputs" Markdown note: one escaped line per ``(path, reason)``, file names only.

    Returns "" when nothing was skipped.

    Example:
        >>> print(skipped_markdown([("/data/a.pdf", "/data/a.pdf: unsupported file type '.pdf'")]))
        **Skipped inputs** (not analysed):
        <BLANKLINE>
        - a\\.pdf\\: unsupported file type &#x27;\\.pdf&#x27;
    """
    if not skipped:
        return ""
    lines = []
    for path, reason in skipped:
        name = Path(path).name or str(path)
        why = strip_paths(str(reason))
        why = why[len(name) :].lstrip(": ") if why.startswith(name) else why
        lines.append(f"{name}: {why}" if why else name)
    return "**Skipped inputs** (not analysed):\n\n" + markdown_list(lines)


class Notes:
    """Warnings and log messages collected while a report runs, shown as a short list at its end.

    :meth:`capture` routes Python warnings and log records of level WARNING and above into
    this object instead of stderr, so no warning box (with a local install path) reaches the
    HTML. Each message is kept once, with the folders of any path removed.

    Example:
        >>> notes = Notes()
        >>> notes.add("UserWarning: /opt/venv/lib/x/plots.py: Tight layout not applied")
        >>> notes.add("UserWarning: /opt/venv/lib/x/plots.py: Tight layout not applied")
        >>> notes.messages
        ['UserWarning: plots.py: Tight layout not applied']
    """

    def __init__(self) -> None:
        self.messages: list[str] = []
        self._handler: logging.Handler | None = None
        self._previous: Any = None

    def add(self, message: str) -> None:
        """Record one message (paths stripped, duplicates dropped)."""
        clean = strip_paths(" ".join(str(message).split()))
        if clean and clean not in self.messages:
            self.messages.append(clean)

    def showwarning(
        self, message: Warning | str, category: type[Warning], filename: str, lineno: int, *args: Any, **kwargs: Any
    ) -> None:
        """Drop-in for :func:`warnings.showwarning`: records instead of printing."""
        where = Path(filename)
        if where.parent.name.startswith("ipykernel_"):  # a notebook cell: its file name means nothing
            self.add(f"{category.__name__}: {message}")
        else:
            self.add(f"{category.__name__} ({where.name}, line {lineno}): {message}")

    def capture(self) -> Notes:
        """Send warnings and WARNING+ log records here from now on (for a report kernel).

        Returns:
            ``self``, so a notebook can write ``notes = Notes().capture()``.
        """
        if self._handler is None:
            self._previous = warnings.showwarning
            warnings.showwarning = self.showwarning
            self._handler = _NotesHandler(self)
            logging.getLogger().addHandler(self._handler)
        return self

    def release(self) -> None:
        """Undo :meth:`capture`: warnings and log records go where they went before."""
        if self._handler is not None:
            logging.getLogger().removeHandler(self._handler)
            warnings.showwarning = self._previous
            self._handler = None

    def markdown(self) -> str:
        """The messages as an escaped Markdown list, or a sentence saying there were none."""
        if not self.messages:
            return "No warnings were raised while this report was made."
        return markdown_list(self.messages)


class _NotesHandler(logging.Handler):
    """A logging handler that adds WARNING+ records to a :class:`Notes`."""

    def __init__(self, notes: Notes) -> None:
        super().__init__(level=logging.WARNING)
        self.notes = notes

    def emit(self, record: logging.LogRecord) -> None:
        self.notes.add(f"{record.levelname.title()} ({record.name}): {record.getMessage()}")


__all__ = [
    "CSV_FORMULA_START",
    "Notes",
    "escape_html",
    "escape_markdown",
    "format_cell",
    "html_table",
    "markdown_heading",
    "markdown_list",
    "neutralise_csv_cell",
    "safe_csv_frame",
    "skipped_markdown",
    "strip_paths",
    "write_csv",
]
