"""Modules renamed in issue 22 keep their old import paths for one release, with a warning."""

from __future__ import annotations

import importlib
import sys

import pytest

RENAMED = {
    "newslab.analysis": "newslab.runner",
    "newslab.aggregate": "newslab.comparison",
    "newslab.user_patterns": "newslab.safe_regex",
    "newslab.pattern": "newslab.pattern_lexicon",
}


@pytest.mark.parametrize(("old", "new"), sorted(RENAMED.items()))
def test_old_path_warns_and_is_the_new_module(old: str, new: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, old, raising=False)
    with pytest.warns(DeprecationWarning, match=f"{old} was renamed {new}") as caught:
        module = importlib.import_module(old)
    assert module is importlib.import_module(new)
    assert len(caught) == 1


def test_warning_points_at_the_importing_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "newslab.analysis", raising=False)
    with pytest.warns(DeprecationWarning) as caught:
        from newslab.analysis import analyze  # noqa: F401  (the old path, on purpose)
    assert caught[0].filename == __file__


def test_private_names_and_patches_reach_the_new_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "newslab.aggregate", raising=False)
    with pytest.warns(DeprecationWarning):
        old = importlib.import_module("newslab.aggregate")
    import newslab.comparison as new

    monkeypatch.setattr(old, "_fmt", lambda value: "patched")
    assert new._fmt(1.0) == "patched"


def test_keyness_names_moved_from_comparison_to_keywords() -> None:
    import newslab.comparison
    import newslab.keywords

    with pytest.warns(DeprecationWarning, match="newslab.comparison.keyness moved to newslab.keywords.keyness"):
        from newslab.comparison import keyness
    assert keyness is newslab.keywords.keyness
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        newslab.comparison.not_a_name  # noqa: B018


def test_public_functions_are_not_shadowed_by_modules() -> None:
    import newslab as nl
    import newslab.comparison
    import newslab.keywords

    assert callable(nl.compare) and callable(nl.keyness)
