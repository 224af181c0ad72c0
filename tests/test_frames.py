from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslab as nl
from newslab import frames
from newslab.anchored import lowers_letterwise
from newslab.document import Article, parse
from newslab.errors import LexiconError, ParameterError
from newslab.frames import PROFILE_COLUMNS, TABLE_COLUMNS, frame_rows, load_frames, normalize_word, required_strings


def one(text: str) -> nl.Corpus:
    return nl.Corpus.from_texts({"a": "Title\n" + text})


@pytest.mark.parametrize(
    "word,norm",
    [
        ("allies", "ally"),
        ("ally", "ally"),
        ("allied", "ally"),
        ("threatened", "threaten"),
        ("threatens", "threaten"),
        ("spending", "spend"),
        ("invaded", "invad"),
        ("invading", "invad"),
        ("invade", "invad"),
        ("stopped", "stop"),
        ("Trump’s", "trump"),
        ("war", "war"),
        ("2.1", "2.1"),
        ("president-elect", "president-elect"),
        ("crisis", "crisis"),
    ],
)
def test_normalize_word(word: str, norm: str) -> None:
    assert normalize_word(word) == norm


@pytest.mark.parametrize(
    "text,frame,matched",
    [
        ("Trump threatened the allies.", "conflict", "threatened"),
        ("They discussed defense spending.", "economic", "defense spending"),
        ("Germany reaches 2.1 percent this year.", "economic", "2.1 percent"),
        ("They want 2% of output.", "economic", "2%"),
        ("Russia's war against Ukraine goes on.", "war", "war"),
        ("The invaders advanced.", "war", "invaders"),
        ("It was largely his work.", "responsibility", "his work"),
        ("He could leave the alliance.", "conflict", "leave the alliance"),
        ("The election campaign ended.", "political", "election campaign"),
        ("Should the US defend allies?", "security_defense", "defend"),
        ("The EU announced new sanctions.", "external_regulation_reputation", "sanctions"),
        ("He accused them of freeloading.", "morality", "freeloading"),
    ],
)
def test_frame_cues_found(text: str, frame: str, matched: str) -> None:
    table = nl.frame_table(one(text))
    assert set(TABLE_COLUMNS) <= set(table.columns)
    assert matched in table[table.frame == frame].matched.tolist()


@pytest.mark.parametrize(
    "text,cue",
    [
        ("The warrior slept.", "war"),  # never inside another word
        ("A software update.", "war"),
        ("Ukrainians? No: Ukraine", "ukrainian"),  # regular plural is fine, different word is not
        ("He spoke at 12.30 sharp.", None),
    ],
)
def test_no_match_inside_words(text: str, cue: str | None) -> None:
    table = nl.frame_table(one(text))
    if cue == "war":
        assert "war" not in table.frame.tolist()
    elif cue == "ukrainian":
        assert table[table.frame == "war"].matched.tolist() == ["Ukrainians", "Ukraine"]
    else:
        assert table[table.kind == "regex"].empty


def test_spans_point_into_text(seed_corpus: nl.Corpus) -> None:
    table = nl.frame_table(seed_corpus)
    assert len(table) > 50
    for row in table.itertuples():
        art = seed_corpus[row.article_id]
        assert art.text[row.start : row.end] == row.matched
        sent = art.sentences[row.sentence_id]
        assert sent.start <= row.start < row.end <= sent.end


def test_longest_match_wins() -> None:
    table = nl.frame_table(one("Allies argue about defense spending."))
    spans = table[["start", "end"]].values.tolist()
    assert "defense" not in table.matched.tolist()
    assert "defense spending" in table.matched.tolist()
    assert len(spans) == len({tuple(s) for s in spans})


@pytest.mark.parametrize(
    "dictionary",
    [
        {"blame": ["blame", "at fault"]},
        pd.DataFrame({"frame": ["blame", "blame"], "cue": ["blame", "at fault"]}),
    ],
)
def test_custom_dictionary(dictionary: object) -> None:
    table = nl.frame_table(one("They blame him; he is at fault."), dictionary=dictionary)
    assert table.frame.tolist() == ["blame", "blame"]
    assert table.matched.tolist() == ["blame", "at fault"]


def test_custom_dictionary_from_tsv(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "frames.tsv"
    path.write_text("# mine\nframe\tcue\tkind\tweight\nsport\tfootball\tterm\t2\nsport\tgoal\\w*\tregex\t1\n")
    table = nl.frame_table(one("Football: two goals."), dictionary=path)
    assert table.matched.tolist() == ["Football", "goals"]
    assert table.weight.tolist() == [2.0, 1.0]


@pytest.mark.parametrize(
    "dictionary",
    [
        pd.DataFrame({"frame": ["x"]}),
        pd.DataFrame({"frame": ["x"], "cue": ["y"], "kind": ["fuzzy"]}),
        pd.DataFrame({"frame": ["x"], "cue": ["(unclosed"], "kind": ["regex"]}),
        pd.DataFrame({"frame": ["x"], "cue": ["y"], "weight": ["heavy"]}),
        "no/such/file.tsv",
        42,
    ],
)
def test_bad_dictionary(dictionary: object) -> None:
    with pytest.raises(LexiconError):
        load_frames(dictionary)


def test_packaged_dictionary_covers_the_frames() -> None:
    table = load_frames()
    generic = {"conflict", "responsibility", "economic_consequences", "human_interest", "morality"}
    issue = {"security_defense", "economic", "political", "external_regulation_reputation", "war"}
    assert set(table[table.family == "generic"].frame) == generic
    assert set(table[table.family == "issue"].frame) == issue
    assert (table.cue == table.cue.str.lower()).all()


def test_profile_normalized(seed_corpus: nl.Corpus) -> None:
    profile = nl.frame_profile(seed_corpus)
    assert list(profile.columns) == PROFILE_COLUMNS
    assert len(profile) == 2 * 10
    table = nl.frame_table(seed_corpus)
    words = seed_corpus.to_frame().set_index("article_id").words
    for row in profile.itertuples():
        hits = table[(table.article_id == row.article_id) & (table.frame == row.frame)]
        assert row.weight == pytest.approx(hits.weight.sum())
        assert row.per_1000_words == pytest.approx(1000 * hits.weight.sum() / words[row.article_id])
        assert 0 <= row.sentence_share <= 1


def test_profile_from_filtered_table(seed_corpus: nl.Corpus) -> None:
    table = nl.frame_table(seed_corpus)
    subset = table[table.sentence_id < 3]
    profile = nl.frame_profile(subset)
    assert profile.matches.sum() == len(subset)
    stripped = pd.DataFrame(subset.to_dict("records"))
    with pytest.raises(ParameterError):
        nl.frame_profile(stripped)
    assert nl.frame_profile(stripped, corpus=seed_corpus).matches.sum() == len(subset)


def test_profile_rejects_other_input() -> None:
    with pytest.raises(ParameterError):
        nl.frame_profile("text")


def test_packaged_dictionary_compiles_the_same_without_pandas():
    """The pass reads the packaged frames.tsv without pandas; it must compile to load_frames()'s matcher."""
    from newslab.frames import _compile, _compile_rows, _packaged_rows

    packaged = _compile_rows(_packaged_rows())
    assert packaged == _compile(load_frames())
    assert packaged.phrases and packaged.regexes and len(packaged.frames) > 5


# ---------------------------------------------------------------- the regex cues' required strings (speed rule)

#: Pieces that make regex cues match, nearly match and break: cases, spaces, digits, odd case-folding letters.
REGEX_PIECES = [
    *("his", "His", "HER", "their", "its", "work", "WORK", "success", "doing", "fault", "achievement"),
    *("two", "Three", "five", "percent", "PerCent", "per", "cent", "%", "4", "4.5", ".", "x", "ſ", "\u0130", "ı"),
    *("\u212a", " ", "  ", "\n", "-", "’"),
]
REGEX_CUES = [
    r"(?:his|her|their|its) (?:work|success|doing|fault|achievement)",
    r"(?:two|three|four|five) (?:percent|per cent)\b",
    r"\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b)",
    r"(?:wor|fau)k+s?|(?P<x>doing)(?:s)?",
    r"(?x) its \s (?>work|doing)",
    r"(?<!\w)per(?=cent)",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(REGEX_PIECES), max_size=25).map("".join), st.sampled_from(REGEX_CUES))
def test_a_text_without_the_required_strings_has_no_match(text: str, cue: str) -> None:
    pattern = re.compile(cue, re.IGNORECASE)
    needed = required_strings(pattern.pattern, pattern.flags)
    assert needed is not None
    if lowers_letterwise(text) and not any(n in text.lower() for n in needed):
        assert pattern.search(text) is None


@pytest.mark.parametrize(
    "cue,needed",
    [
        (r"(?:his|her) (?:work|success)", {"work", "success"}),
        (r"Defense\s+spending", {"spending"}),  # the longer of two required runs
        (r"(?:two|three) (?:percent|per cent)\b", {" per"}),  # "percent|per cent" parses as "per(?:cent| cent)"
        (r"\d+%?", None),
        (r"(?:a|\w)x", {"x"}),  # one alternative requires nothing, so the branch does not; "x" is required
        (r"(?:a|\w)+", None),
        (r"[", None),  # not a valid pattern: no filter
    ],
)
def test_required_strings(cue: str, needed: set[str] | None) -> None:
    assert required_strings(cue, re.IGNORECASE) == (None if needed is None else frozenset(needed))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*REGEX_PIECES, "Allies", "defense spending", "NATO", "war"]), max_size=40))
def test_frame_rows_equal_without_the_regex_filter(pieces: list[str]) -> None:
    """The filter changes no row: the same article read with a matcher that has no required strings."""
    doc = parse(Article("a", "", " ".join(pieces) + "."))
    matcher = frames._default_matcher()
    plain = dataclasses.replace(matcher, required=tuple(None for _ in matcher.required))
    assert frame_rows(doc, matcher) == frame_rows(doc, plain)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["ΟΔΟΣ", "Σ", "σ", "İstanbul", "NATO", "’s", "'s", "Allies", "invaded", "ΣΑΣ", " ", ". ", "’"]),
        max_size=16,
    )
)
def test_normalized_tokens_equal_normalizing_each_token_text(pieces: list[str]) -> None:
    doc = parse(Article("a", "", "x " + "".join(pieces)))
    assert frames.normalized_tokens(doc) == [normalize_word(t.text) for t in doc.tokens]
