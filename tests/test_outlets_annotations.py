"""The multi-outlet gold files (validation/annotations/outlets/<part>/) agree with their source, marked.txt.

Format checks only: no newslab output is computed or compared here, so no part is scored by these tests.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

OUTLETS = Path(__file__).resolve().parents[1] / "validation" / "annotations" / "outlets"
PARTS = ("dev", "heldout", "heldout2", "heldout3", "heldout4")
FILES = ("articles.jsonl", "mentions.tsv", "quotes.tsv", "stances.tsv", "stance_targets.json")
FIRST_CHECKED_EVENT = "e21"  # from e21 on, every stance holder named by a name is also a stance target
# words that open a holder which is a group or an unnamed source ("Several Republicans", "His campaign")
GROUP_OPENERS = {"some", "several", "many", "most", "other", "his", "her", "their", "one", "two", "ten"}
GROUP_OPENERS |= {"democratic", "republican", "republicans", "democrats"}


def _build_module() -> Any:
    spec = importlib.util.spec_from_file_location("build_outlets", OUTLETS.parents[1] / "build_outlets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _articles(part: str) -> dict[str, dict[str, Any]]:
    with (OUTLETS / part / "articles.jsonl").open(encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def test_rebuilding_marked_txt_reproduces_every_committed_part(tmp_path: Path) -> None:
    _build_module().main(str(OUTLETS / "marked.txt"), str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(PARTS)
    for part in PARTS:
        for name in FILES:
            assert (tmp_path / part / name).read_bytes() == (OUTLETS / part / name).read_bytes(), f"{part}/{name}"


def test_parse_strips_markup_and_keeps_nested_quotes() -> None:
    text, refs, quotes = _build_module().parse("«indirect|A|said|⟦n|Trump⟧ urged «indirect|Trump|urged|them to go»».")
    assert text == "Trump urged them to go."
    assert refs == [("n", "Trump", 0, 5)]
    assert quotes == [("indirect", "them to go", "Trump", "urged"), ("indirect", "Trump urged them to go", "A", "said")]


@pytest.mark.parametrize("part", PARTS)
def test_every_marked_span_is_the_text_at_its_offsets(part: str) -> None:
    articles = _articles(part)
    mentions = _rows(OUTLETS / part / "mentions.tsv")
    assert mentions
    for m in mentions:
        text = articles[m["article_id"]]["text"]
        assert text[int(m["start"]) : int(m["end"])] == m["mention"], m
        assert m["kind"] in {"name", "description", "pronoun", "other"}
        assert m["target"] == ("" if m["kind"] == "other" else "Trump")


@pytest.mark.parametrize("part", PARTS)
def test_every_quote_and_stance_sentence_is_in_its_article(part: str) -> None:
    articles = _articles(part)
    for q in _rows(OUTLETS / part / "quotes.tsv"):
        assert q["quote"] and q["quote"] in articles[q["article_id"]]["text"], q
        assert q["kind"] in {"direct", "indirect"} and q["speaker"], q
    for s in _rows(OUTLETS / part / "stances.tsv"):
        assert articles[s["article_id"]]["text"].count(s["sentence"]) == 1, s
        assert s["stance"] in {"favor", "against"}, s


@pytest.mark.parametrize("part", PARTS)
def test_stance_targets_and_named_holders_are_in_stance_targets_json(part: str) -> None:
    targets = json.loads((OUTLETS / part / "stance_targets.json").read_text(encoding="utf-8"))
    articles = _articles(part)
    for s in _rows(OUTLETS / part / "stances.tsv"):
        assert s["target"] in targets, s
        if articles[s["article_id"]]["event"] < FIRST_CHECKED_EVENT:
            continue  # earlier rounds name holders that were never targets (e.g. Lisa Murkowski)
        holders = s["holder"].split("|")  # alternative name forms of one holder
        first = holders[0].split()[0]
        named = not (first[0].islower() or first.lower() in GROUP_OPENERS)
        if named:
            assert any(h in targets or h.replace("Donald ", "") in targets for h in holders), s


def test_heldout2_is_a_part_of_its_own_with_three_outlets_per_event() -> None:
    articles = _articles("heldout2")
    events = sorted({a["event"] for a in articles.values()})
    assert events == [f"e{n}" for n in range(24, 31)]
    for event in events:
        assert sorted(a["source"] for a in articles.values() if a["event"] == event) == ["Brief", "Ledger", "Wire"]
    assert not set(articles) & set(_articles("dev")) and not set(articles) & set(_articles("heldout"))


@pytest.mark.parametrize(("part", "first", "last"), [("heldout3", 31, 37), ("heldout4", 38, 44)])
def test_untouched_parts_have_three_outlets_per_event_and_gold_everywhere(part: str, first: int, last: int) -> None:
    articles = _articles(part)
    events = sorted({a["event"] for a in articles.values()})
    assert events == [f"e{n}" for n in range(first, last + 1)]
    for event in events:
        assert sorted(a["source"] for a in articles.values() if a["event"] == event) == ["Brief", "Ledger", "Wire"]
    earlier = set().union(*(_articles(p) for p in PARTS[: PARTS.index(part)]))
    assert not set(articles) & earlier
    for name in ("mentions.tsv", "quotes.tsv", "stances.tsv"):
        assert {r["article_id"] for r in _rows(OUTLETS / part / name)} <= set(articles), name
    # every article has gold references, quotes and stance rows to score
    assert {r["article_id"] for r in _rows(OUTLETS / part / "mentions.tsv")} == set(articles)
    assert {r["article_id"] for r in _rows(OUTLETS / part / "quotes.tsv")} == set(articles)
    assert {r["article_id"] for r in _rows(OUTLETS / part / "stances.tsv")} == set(articles)


def test_heldout4_articles_carry_dates_of_their_events_and_trump_references_of_every_kind() -> None:
    articles = _articles("heldout4")
    assert all(a["date"][:4] in {"2017", "2018", "2019", "2021", "2024", "2025"} for a in articles.values())
    kinds = {(m["article_id"], m["kind"]) for m in _rows(OUTLETS / "heldout4" / "mentions.tsv")}
    for article_id in articles:  # every article names Trump and refers to him by a pronoun
        assert (article_id, "name") in kinds and (article_id, "pronoun") in kinds, article_id
