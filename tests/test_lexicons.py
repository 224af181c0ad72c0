"""Packaged lexicons and word lists load, are well-formed and documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import newslab as nl
from newslab import lexicons
from newslab.errors import LexiconError

DATA = Path(nl.__file__).parent / "data"


@pytest.mark.parametrize("name", lexicons.available_lexicons())
def test_every_lexicon_loads_with_a_header(name: str) -> None:
    rows = lexicons.load_table(name)
    assert rows, name
    header = list(rows[0])
    assert len(header) >= 2 and all(h and h == h.strip().lower() for h in header), header
    assert all(None not in row for row in rows), f"{name}: a row has more fields than the header"


@pytest.mark.parametrize("name", lexicons.available_lexicons())
def test_every_data_file_is_in_sources(name: str) -> None:
    assert f"`{name}.tsv`" in (DATA / "SOURCES.md").read_text(encoding="utf-8")


def test_unknown_lexicon_lists_available() -> None:
    with pytest.raises(LexiconError, match="available"):
        lexicons.load_lexicon("nope")
    with pytest.raises(LexiconError):
        lexicons.load_wordlist("nope")


def test_stopwords() -> None:
    words = nl.stopwords()
    assert {"the", "of", "and", "n't", "'s"} <= words
    assert not {"trump", "nato", "war", "good"} & words
    assert all(w == w.lower() for w in words)


def test_load_lexicon_is_read_only(tmp_path: Path) -> None:
    never = [r for r in lexicons.load_table("abbreviations_en") if r["split"] == "never"]
    assert {"mr", "dr", "jan"} <= {r["term"] for r in never}
    with pytest.raises(LexiconError, match="numeric"):
        lexicons.load_lexicon("abbreviations_en")  # no score column


# --- rule data lives in data files (issue 22) -------------------------------------------------------------

PACKAGE = Path(nl.__file__).parent
#: The modules of the analysis pass: what the stage registry and the pass runner import, transitively.
PASS_ROOTS = ("stages", "article_pass")
WORD = re.compile(r"[A-Za-z][a-z'’.\-]*(?: [a-z'’.\-]+)*\Z")
MIN_WORDS = 5
#: Lists of >= 5 words in the pass that are not linguistic rules, keyed by (module, first item): why they stay.
NOT_RULE_LISTS = {
    ("cues", "say"): "VERB_CLASSES: the classes speech_verbs.tsv may use (its schema)",
    ("frames", "article_id"): "PROFILE_COLUMNS: column names",
    ("frames", "frame"): "columns of a frame dictionary table",
    ("roles", "role"): "field names of a role given as a mapping",
    ("stance", "article_id"): "column names of the stance summary",
    ("storage", "start"): "_OFFSETS: column names of character offsets",
    ("targets", "aliases"): "field names of a target specification",
    ("target_tone", "irony"): "FAMILIES: names of the target model's feature families, not words",
    ("tone_lexicon", "s"): "spelling endings of the plural rule, not words",
}


def _pass_modules() -> list[str]:
    """Module names (without ``newslab.``) imported by the pass, counting imports inside functions."""
    found: set[str] = set()
    todo = list(PASS_ROOTS)
    while todo:
        name = todo.pop()
        path = PACKAGE / f"{name}.py"
        if name in found or not path.is_file():
            continue
        found.add(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newslab"):
                todo.append(node.module.removeprefix("newslab").lstrip("."))
                todo.extend(alias.name for alias in node.names if node.module == "newslab")
            elif isinstance(node, ast.Import):
                todo.extend(a.name.removeprefix("newslab.") for a in node.names if a.name.startswith("newslab."))
    return sorted(found)


def _word_lists(source: str) -> list[tuple[int, list[str]]]:
    """Hard-coded word lists in Python source: literal sets, lists and tuples of >= MIN_WORDS words, and
    strings of >= MIN_WORDS words split into a list (``"a b c d e".split()``, ``word_set("a b c d e")``)."""
    tree = ast.parse(source)
    exported = {
        id(node)
        for stmt in tree.body
        if isinstance(stmt, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in stmt.targets)
        for node in ast.walk(stmt)
    }
    lists = []
    for node in ast.walk(tree):
        if id(node) in exported:
            continue
        items: list[str] = []
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            items = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = getattr(node.func, "id", "")
            if name == "word_set" and isinstance(node.args[0].value, str):
                items = node.args[0].value.split()
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            items = node.func.value.value.split()
        if sum(1 for item in items if WORD.match(item)) >= MIN_WORDS:
            lists.append((node.lineno, items))
    return lists


def test_pass_modules_found() -> None:
    modules = _pass_modules()
    assert {"stages", "stance", "target_tone", "quotes", "coreference", "tone_lexicon"} <= set(modules), modules


def test_word_lists_scan_finds_literals_and_split_strings() -> None:
    source = 'A = frozenset({"but", "yet", "however", "though", "still"})\nB = "one two three four five".split()\n'
    source += 'C = ("article_id", "start", "end")\n__all__ = ["alpha", "beta", "gamma", "delta", "epsilon"]\n'
    assert sorted(line for line, _ in _word_lists(source)) == [1, 2]


def test_no_hard_coded_word_lists_in_the_pass() -> None:
    """Word lists of the pass's rules belong in data/*.tsv (e.g. rule_words.tsv) with a source, not in code."""
    found = []
    for module in _pass_modules():
        for line, items in _word_lists((PACKAGE / f"{module}.py").read_text(encoding="utf-8")):
            if (module, items[0]) not in NOT_RULE_LISTS:
                found.append(f"newslab/{module}.py:{line}: {items[:6]}")
    assert not found, "move these word lists to a TSV under newslab/data (see data/rule_words.tsv):\n" + "\n".join(
        found
    )


def _sources_row(file_name: str) -> list[str]:
    for line in (DATA / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        if line.startswith(f"| `{file_name}` |"):
            return [cell.strip() for cell in line.strip().strip("|").split("|")]
    return []


@pytest.mark.parametrize("path", sorted(DATA.glob("*.tsv")), ids=lambda p: p.name)
def test_every_tsv_has_its_source_and_columns_documented(path: Path) -> None:
    row = _sources_row(path.name)
    assert len(row) == 4 and row[1] and row[2], f"SOURCES.md: no row (file, origin, licence, notes) for {path.name}"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(line for line in lines if line.strip() and not line.startswith("#")).split("\t")
    documented = " ".join(line for line in lines if line.startswith("#")) + " " + " ".join(row)
    undocumented = [h for h in header if not re.search(rf"\b{re.escape(h)}\b", documented)]
    assert not undocumented, f"{path.name}: columns {undocumented} are explained neither in its # header nor SOURCES.md"


def test_rule_words_lists_have_a_comment_and_a_source() -> None:
    lines = (DATA / "rule_words.tsv").read_text(encoding="utf-8").splitlines()
    commented = {line[2:].split(":")[0].strip() for line in lines if line.startswith("# ")}
    rows = lexicons.load_table("rule_words")
    assert all(row["source"] for row in rows)
    assert {row["list"] for row in rows} <= commented


def test_rule_words_in_file_order_and_unknown_list() -> None:
    assert lexicons.rule_words("tone_lexicon.CONTRAST") == ("but", "however", "yet", "nevertheless", "nonetheless")
    assert lexicons.rule_word_values("mentions.HONORIFICS")["mrs."] == "female"
    with pytest.raises(LexiconError, match=r"no word list 'stance\.NOPE'"):
        lexicons.rule_words("stance.NOPE")


def test_one_reporting_verb_list() -> None:
    from newslab.cues import load_speech_verbs, reporting_forms
    from newslab.quote_tone import SAID_OF
    from newslab.tone_lexicon import REPORTING

    assert frozenset(reporting_forms("tone")) == REPORTING
    assert {"said", "told", "according", "posted"} <= REPORTING and "adding" not in REPORTING
    assert SAID_OF.search("Bush said of ") and SAID_OF.search("he remarked of ") and not SAID_OF.search("told of ")
    quote_forms = load_speech_verbs()
    assert "according" not in quote_forms  # read by the tone model only
    assert "posted" in quote_forms  # a quote verb since issue 23 ("posted on Truth Social: ‘…’")
    assert set(reporting_forms("said_of")) <= set(quote_forms)
    with pytest.raises(LexiconError, match="valid"):
        reporting_forms("quotes")
