"""Rendering helpers: hostile text stays text in Markdown, HTML tables and CSV; notes without paths."""

from __future__ import annotations

import csv
import html
import logging
import re
import warnings
from html.parser import HTMLParser

import pandas as pd
import pytest
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from newslab.render import (
    Notes,
    escape_html,
    escape_markdown,
    format_cell,
    html_table,
    markdown_heading,
    markdown_list,
    neutralise_csv_cell,
    safe_csv_frame,
    skipped_markdown,
    strip_paths,
    write_csv,
)

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "Why the <script> tag matters",
    "<style>body{display:none}</style>",
    "</title><script>alert(2)</script>",
    "<!-- unclosed comment",
    "<a href='javascript:alert(3)'>x</a>",
    "[link](javascript:alert(4))",
    "![img](http://example.com/x.png)",
    "<http://example.com>",
    "*bold* _em_ `code` ~~strike~~",
    "# heading",
    "1. numbered",
    "- bullet",
    "> quote",
    "| a | b |",
    "$x^2$ and $$y$$",
    "\\(math\\)",
    "&lt;entity&gt; &amp; &#60;",
    "a\\b\\\\c",
    "'single' \"double\"",
    '=HYPERLINK("http://x")',
    "line one\n# line two\n<script>",
    "tab\there\r\nand\u2028separator",
    "]]> <![CDATA[",
]


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]


def tags_of(markup: str) -> TagCollector:
    parser = TagCollector()
    parser.feed(markup)
    parser.close()
    return parser


def visible_text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_markdown_renders_as_the_literal_text_in_one_paragraph(text):
    rendered = markdown2html_mistune(escape_markdown(text))  # the renderer nbconvert uses for Markdown output
    assert tags_of(rendered).tags == ["p"], rendered
    assert visible_text(rendered) == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_a_heading_stays_one_heading_with_the_literal_text(text):
    rendered = markdown2html_mistune(markdown_heading(text, level=2))
    assert tags_of(rendered).tags == ["h2", "a"], rendered  # nbconvert adds the "¶" anchor link
    assert 'class="anchor-link"' in rendered
    assert visible_text(rendered).removesuffix("¶") == " ".join(text.split())


def test_markdown_list_gives_one_item_per_line_whatever_the_line_holds():
    rendered = markdown2html_mistune(markdown_list(HOSTILE))
    parsed = tags_of(rendered)
    assert parsed.tags == ["ul"] + ["li"] * len(HOSTILE), rendered
    assert [visible_text(item) for item in re.findall(r"<li>(.*?)</li>", rendered, re.S)] == [
        " ".join(t.split()) for t in HOSTILE
    ]
    assert markdown_list([]) == ""


def test_heading_level_is_checked():
    with pytest.raises(ValueError, match="level=7"):
        markdown_heading("x", level=7)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("<b>", "&lt;b&gt;"),
        ("a & b", "a &amp; b"),
        ("'\"", "&#x27;&quot;"),
        (5, "5"),
        ("plain", "plain"),
    ],
)
def test_escape_html(value, expected):
    assert escape_html(value) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        (-0.6700001, "-0.67"),
        (1.0, "1.00"),
        (3, "3"),
        (True, "True"),
        (None, ""),
        (float("nan"), ""),
        (pd.NA, ""),
        (["the tycoon", "the Republican"], "the tycoon; the Republican"),
        (("a", 0.5), "a; 0.50"),
        ({"Trump": 2}, "Trump: 2"),
        ("text", "text"),
    ],
)
def test_format_cell(value, expected):
    assert format_cell(value) == expected


def test_html_table_escapes_cells_lists_headers_and_index():
    frame = pd.DataFrame(
        {
            "<b>column</b>": ["<script>alert(1)</script>", "Why the <script> tag matters"],
            "labels": [["<img src=x onerror=alert(2)>"], ["ok"]],
            "score": [-0.6700001, 0.5],
        },
        index=["<u>row</u>", "b"],
    )
    for index in (False, True):
        markup = html_table(frame, index=index).to_html()
        parsed = tags_of(markup)
        assert set(parsed.tags) <= {"style", "table", "thead", "tbody", "tr", "th", "td"}, parsed.tags
        assert "onerror" not in parsed.attributes
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
        assert "&lt;img src=x onerror=alert(2)&gt;" in markup
        assert "&lt;b&gt;column&lt;/b&gt;" in markup
        assert "-0.67" in markup and "-0.6700001" not in markup
        assert ("&lt;u&gt;row&lt;/u&gt;" in markup) is index


def test_html_table_takes_only_a_dataframe():
    with pytest.raises(TypeError, match="DataFrame"):
        html_table([1, 2])


@pytest.mark.parametrize(
    "value,expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        # must not fire: numbers, text that is a number, ordinary text
        ("-0.5", "-0.5"),
        ("+3", "+3"),
        ("-1e-3", "-1e-3"),
        ("ok = fine", "ok = fine"),
        ("e-mail", "e-mail"),
        ("", ""),
        (-2, -2),
        (0.5, 0.5),
        (None, None),
    ],
)
def test_neutralise_csv_cell(value, expected):
    assert neutralise_csv_cell(value) == expected


def test_safe_csv_frame_touches_only_text_cells_and_headers():
    frame = pd.DataFrame(
        {
            "id": ["=1+1", "@x", "ok"],
            "score": [-1.0, 0.5, -2.25],
            "n": [-1, 2, 3],
            "labels": [["=x"], [], ["b"]],
            "=header": ["a", "b", "c"],
        }
    )
    safe = safe_csv_frame(frame)
    assert safe["id"].tolist() == ["'=1+1", "'@x", "ok"]
    assert safe["score"].tolist() == [-1.0, 0.5, -2.25] and safe["score"].dtype == frame["score"].dtype
    assert safe["n"].tolist() == [-1, 2, 3] and safe["n"].dtype == frame["n"].dtype
    assert "'=header" in safe.columns
    assert frame["id"].tolist() == ["=1+1", "@x", "ok"], "the input frame is not changed"
    with pytest.raises(TypeError, match="DataFrame"):
        safe_csv_frame("x")


def test_safe_csv_frame_handles_duplicate_column_names():
    frame = pd.DataFrame([["=a", "=b"]], columns=["x", "x"])
    assert safe_csv_frame(frame).iloc[0].tolist() == ["'=a", "'=b"]


def test_write_csv_writes_no_live_formula_and_leaves_no_temporary_file(tmp_path):
    frame = pd.DataFrame({"article_id": ['=HYPERLINK("http://evil")', "de-dpa"], "tone": [-0.5, 0.25]})
    path = write_csv(frame, tmp_path / "t.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["article_id", "tone"], ['\'=HYPERLINK("http://evil")', "-0.5"], ["de-dpa", "0.25"]]
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("/home/ana/venv/lib/site-packages/newslab/plots.py:80: warn", "plots.py:80: warn"),
        ("skipped /data/in/a.pdf: unsupported", "skipped a.pdf: unsupported"),
        ("see ~/notes/x.txt", "see x.txt"),
        ("C:\\Users\\ana\\a.pdf failed", "a.pdf failed"),
        ("../data/b.docx and ./c.txt", "b.docx and c.txt"),
        # must not fire
        ("and/or", "and/or"),
        ("holder → target", "holder → target"),
        ("http://example.com/a/b", "http://example.com/a/b"),
        ("ratio 1/2", "ratio 1/2"),
    ],
)
def test_strip_paths(text, expected):
    assert strip_paths(text) == expected


def test_skipped_markdown_lists_file_names_only():
    note = skipped_markdown([("/home/ana/in/<b>.pdf", "/home/ana/in/<b>.pdf: not a file type newslab reads (.pdf)")])
    assert "/home/ana" not in note
    assert "&lt;b&gt;\\.pdf" in note
    assert skipped_markdown([]) == ""


def test_notes_collect_warnings_and_log_records_without_paths():
    notes = Notes()
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        notes.capture()
        try:
            for _ in range(2):  # the same warning twice is one note
                warnings.warn("Tight layout not applied at /home/ana/venv/x.py", UserWarning, stacklevel=1)
            logging.getLogger("newslab.test").warning("skipped /data/a.pdf")
            logging.getLogger("newslab.test").info("not a note")
        finally:
            notes.release()
        with pytest.warns(UserWarning, match="after release"):  # released: warnings flow as before
            warnings.warn("after release", UserWarning, stacklevel=1)
    assert len(notes.messages) == 2, notes.messages
    assert notes.messages[0].startswith("UserWarning (test_render.py, line ")
    assert notes.messages[0].endswith("Tight layout not applied at x.py")
    assert notes.messages[1] == "Warning (newslab.test): skipped a.pdf"
    assert "/home" not in notes.markdown()
    assert Notes().markdown() == "No warnings were raised while this report was made."
