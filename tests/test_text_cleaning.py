"""Cleaning text on load: the fast whitespace rule gives the lines of the plain one."""

from __future__ import annotations

import re

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
