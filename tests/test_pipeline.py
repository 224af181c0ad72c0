from __future__ import annotations

import pytest

import newslab as nl
from newslab.comparison import COMPARE_COLUMNS, EVIDENCE_TABLE
from newslab.errors import ParameterError
from newslab.pipeline import AnalysisOptions, ArticleState, Stage, needed_stages, stage_order
from newslab.records import MentionRow, columns, list_columns
from newslab.runner import AnalysisError
from newslab.stages import COLUMNS, DECLARED, LIST_COLUMNS, MEASURES, STAGES, TABLES


def _noop(state: ArticleState) -> None:
    return None


def test_run_order_follows_requirements() -> None:
    order = [s.name for s in STAGES]
    for stage in STAGES:
        assert all(order.index(r) < order.index(stage.name) for r in stage.requires), stage.name
    assert order[0] == "sentences" and order.index("quotes") < order.index("target_tone") < order.index("stance")


@pytest.mark.parametrize(
    "tables,options,expected",
    [
        (["tone"], AnalysisOptions(), ["sentences", "tone"]),
        (["mentions"], AnalysisOptions(), ["sentences", "mentions", "quotes"]),  # the in-quote rule completes them
        (["mentions"], AnalysisOptions(in_quote=False), ["sentences", "mentions"]),
        (["stance"], AnalysisOptions(), ["sentences", "mentions", "quotes", "target_tone", "stance"]),
        (["frames"], AnalysisOptions(), ["sentences", "frames"]),
        ([], AnalysisOptions(), []),
    ],
)
def test_needed_stages(tables: list[str], options: AnalysisOptions, expected: list[str]) -> None:
    assert [s.name for s in needed_stages(STAGES, tables, options)] == expected


@pytest.mark.parametrize(
    "stages,message",
    [
        ((Stage("a", _noop, ("b",)), Stage("b", _noop, ("a",))), "require each other"),
        ((Stage("a", _noop, ("missing",)),), "which no stage declares"),
    ],
)
def test_bad_declarations_are_refused(stages: tuple[Stage, ...], message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        stage_order(stages)


def test_declaration_order_is_kept_where_free() -> None:
    stages = (Stage("c", _noop, ("a",)), Stage("a", _noop), Stage("b", _noop))
    assert [s.name for s in stage_order(stages)] == ["a", "c", "b"]


def test_tables_and_columns_derive_from_the_declarations() -> None:
    assert TABLES[0] == "articles" and TABLES[-1] == "errors"
    assert set(TABLES[1:-1]) == {s.name for s in DECLARED if s.record is not None}
    assert COLUMNS["mentions"] == columns(MentionRow) == list(MentionRow._fields)
    assert LIST_COLUMNS["stance"] == ("cues",) and LIST_COLUMNS["tone"] == ("evidence",)
    assert list_columns(MentionRow) == ()


def test_compare_columns_evidence_and_sections_derive_from_the_measures() -> None:
    from newslab.sections import SECTION

    assert ["article_id", "target", *(m.column for m in MEASURES)] == COMPARE_COLUMNS
    assert len(set(COMPARE_COLUMNS)) == len(COMPARE_COLUMNS)
    assert all(EVIDENCE_TABLE[m.column] in TABLES and SECTION[m.column] == m.section for m in MEASURES)


def test_rows_are_typed_records(seed_corpus: nl.Corpus) -> None:
    from newslab.article_pass import analyze_article
    from newslab.targets import DEFAULT_TARGETS

    result = analyze_article(seed_corpus["de-dpa"], DEFAULT_TARGETS)
    for name, rows in result.rows.items():
        assert all(list(r._fields) == COLUMNS[name] for r in rows), name


def test_an_error_names_the_failing_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    import newslab.stages as module

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(module, "mention_tones", broken)
    with pytest.raises(AnalysisError, match=r"article 'a' failed in stage 'target_tone'"):
        nl.analyze(nl.Article("a", "", "Trump spoke."))
    skipped = nl.analyze(nl.Article("a", "", "Trump spoke."), on_error="skip", tables=["tone", "target_tone"])
    assert skipped.errors["stage"].tolist() == ["target_tone"]
    # a table whose stages do not include the broken one is not affected
    assert len(nl.analyze(nl.Article("a", "", "Trump spoke."), tables=["tone"]).tone) == 1


def test_analysis_reads_any_table_by_name(seed_corpus: nl.Corpus) -> None:
    analysis = nl.analyze(seed_corpus, tables=["hedging"])
    assert analysis.hedging is analysis.table("hedging")
    with pytest.raises(AttributeError):
        analysis.no_such_table  # noqa: B018
