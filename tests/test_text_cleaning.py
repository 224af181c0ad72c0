"""Cleaning text on load: the fast whitespace rule gives the lines of the plain one."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.text_cleaning import _ODD_SPACES, clean_text

SPACES = re.compile(r"[^\S\n]+")  # the plain rule: every run of spaces within a line becomes one space


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.\n \t\u00a0\u2009\u3000\u202f\x85", max_size=60))
def test_odd_spaces_then_strip_equals_the_plain_rule_per_line(text: str) -> None:
    plain = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    assert [line.strip() for line in _ODD_SPACES.sub(" ", text).split("\n")] == plain


def test_clean_text_joins_space_runs_and_strips_lines() -> None:
    assert clean_text(" A  b\t\u00a0c \nd\u3000 e ") == ("A b c\nd e", [])


def _plain_clean_text(text: str) -> str:
    """clean_text's text as the plain steps give it (each step over the whole text, lines one by one)."""
    text = unicodedata.normalize("NFC", re.sub("[\ud800-\udfff]", "\ufffd", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = re.sub("[\u200b\u200c\u200e\u200f\u2060\ufeff\u00ad]", "", text)
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab. \n\r\t\u2028\u2029\u200b\u00ad\x00\x0b\x1c\u00a0e\u0301é", max_size=60))
def test_clean_text_equals_the_plain_steps(text: str) -> None:
    cleaned, tags = clean_text(text)
    assert tags == [] and cleaned == _plain_clean_text(text)
