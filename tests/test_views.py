from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

import newslab as nl
from newslab.errors import ParameterError

VOID = {"br", "hr", "img", "meta", "input", "link", "wbr"}


class _Checker(HTMLParser):
    """Collects tags, checks nesting, and gathers the text of elements by class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: set[str] = set()
        self.attrs: list[dict[str, str | None]] = []
        self.text: list[str] = []
        self.classes: list[list[str]] = []  # class lists open at each text piece

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.append(dict(attrs))
        if tag not in VOID:
            self.stack.append(tag)
            self.classes.append((dict(attrs).get("class") or "").split())

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        self.classes.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(fragment: str) -> _Checker:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    return checker


def highlighted(fragment: str, css_class: str) -> list[str]:
    """Texts of the elements with ``css_class`` (joined across split pieces, in order of their title)."""
    pieces: list[str] = []

    class Grab(_Checker):
        def handle_data(self, data: str) -> None:
            if any(all(c in cl for c in css_class.split()) for cl in self.classes):
                pieces.append(data)

    Grab().feed(fragment)
    return pieces


HOSTILE = nl.Article(
    "x<1>",
    'Title <script>alert("t")</script>',
    'Trump said: "NATO is <script>alert(1)</script> & <b>great</b>." '
    "The alliance's <img src=x onerror=alert(2)> chief praised Trump. Allies are worried about Trump.",
    source="<i>outlet</i> & co",
)


def test_hostile_text_stays_escaped() -> None:
    out = nl.article_html(HOSTILE, target_tone=False)
    checker = parse(out)
    assert not checker.errors and not checker.stack
    assert checker.tags <= {"div", "span", "sup"}  # no script, b, img, i from the text
    assert "<script" not in out and "<b>" not in out and "<img" not in out and "<i>" not in out
    # shown as text (stance cue marks may split it into spans: "great" is a judgement word of a quote)
    assert "".join(parse(out).text).count("<script>alert(1)</script> & <b>great</b>") == 1
    assert "".join(parse(out).text).count("<img src=x onerror=alert(2)>") == 1  # shown as text, once
    assert all(not k.startswith("on") for attrs in checker.attrs for k in attrs)


def test_every_character_shown_once() -> None:
    art = nl.load_seed_corpus()["de-dpa"]
    out = nl.article_html(art, target_tone=False)
    body = out[out.index('class="nlv-row"') :]

    class Text(_Checker):
        def handle_data(self, data: str) -> None:
            if any(any(c in ("nlv-tx",) for c in cl) for cl in self.classes) and not any(
                any(c in ("nlv-who", "nlv-tt") for c in cl) for cl in self.classes
            ):
                self.text.append(data)

    shown = Text()
    shown.feed('<div class="nlv-row"' + body[len('class="nlv-row"') :])
    squash = re.compile(r"\s+")
    assert squash.sub("", "".join(shown.text)) == squash.sub("", art.text)


def test_no_script_style_or_external_resources(seed_corpus: nl.Corpus) -> None:
    out = nl.article_html(seed_corpus["es-daily"])
    lowered = out.lower()
    for bad in (
        "<script",
        "<style",
        "<link",
        "<img",
        "<iframe",
        "http://",
        "https://",
        "url(",
        "@import",
        "javascript:",
    ):
        assert bad not in lowered
    ids = re.findall(r'\bid="([^"]+)"', out)
    classes = {c for group in re.findall(r'\bclass="([^"]+)"', out) for c in group.split()}
    assert ids and all(i.startswith("nlv-") for i in ids) and len(ids) == len(set(ids))
    assert classes and all(c.startswith("nlv-") for c in classes)


def test_overlapping_spans_are_well_formed() -> None:
    art = nl.Article("o", "", "Alpha beta gamma delta epsilon zeta eta theta.")
    mentions = pd.DataFrame(
        {
            "article_id": ["o"] * 3,
            "sentence_id": [0] * 3,
            "target": ["A", "B", "A"],
            "mention": ["Alpha beta", "beta gamma delta", "delta"],
            "start": [0, 6, 17],
            "end": [10, 22, 22],
            "kind": ["name"] * 3,
            "rule": ["r"] * 3,
        }
    )
    quotes = pd.DataFrame(
        {"article_id": ["o"], "quote": ["gamma delta epsilon"], "start": [11], "end": [30], "kind": ["direct"],
         "speaker": ["X"], "speaker_resolved": ["Xavier"], "speaker_start": [31], "speaker_end": [35]}
    )  # fmt: skip
    stance = pd.DataFrame(
        {"article_id": ["o"], "sentence_id": [0], "holder": ["Xavier"], "target": ["A"], "stance": ["against"],
         "score": [-0.5], "cues": [["delta epsilon"]], "start": [17], "end": [22]}
    )  # fmt: skip
    out = nl.article_html(art, mentions=mentions, quotes=quotes, stance=stance, sentiment=False, target_tone=False)
    checker = parse(out)
    assert not checker.errors and not checker.stack
    assert "".join(highlighted(out, "nlv-cue")) == "delta epsilon"
    assert "".join(highlighted(out, "nlv-q")).replace("Xavier", "", 1) == "gamma delta epsilon"
    assert out.count(">Xavier<") == 1  # the speaker label appears once even though the quote is split
    assert "".join(highlighted(out, "nlv-m nlv-t1")) == "beta gamma delta"


def covered_offsets(fragment: str, text: str, css_class: str) -> set[int]:
    """Offsets of ``text`` shown inside an element with ``css_class`` (labels and tone marks skipped)."""
    covered: set[int] = set()
    pointer = 0

    class Walk(_Checker):
        def handle_data(self, data: str) -> None:
            nonlocal pointer
            if not any("nlv-tx" in cl for cl in self.classes):
                return
            if any(c in cl for cl in self.classes for c in ("nlv-who", "nlv-tt")):
                return
            found = text.index(data, pointer)
            assert not text[pointer:found].strip(), f"text skipped before {data!r}"
            if any(css_class in cl for cl in self.classes):
                covered.update(range(found, found + len(data)))
            pointer = found + len(data)

    Walk().feed(fragment)
    assert not text[pointer:].strip()
    return covered


@pytest.mark.parametrize("article_id", ["es-daily", "de-dpa"])
def test_every_mention_highlighted(seed_corpus: nl.Corpus, article_id: str) -> None:
    art = seed_corpus[article_id]
    mentions = nl.find_mentions(art, quotes=True)
    quotes = nl.find_quotes(art)
    out = nl.article_html(art, mentions=mentions, quotes=quotes, target_tone=False)
    covered = covered_offsets(out, art.text, "nlv-m")
    for start, end in zip(mentions["start"], mentions["end"], strict=True):
        assert set(range(start, end)) <= covered
    assert covered <= {i for s, e in zip(mentions["start"], mentions["end"], strict=True) for i in range(s, e)}
    quoted = covered_offsets(out, art.text, "nlv-q")
    in_quotes = {i for s, e in zip(quotes["start"], quotes["end"], strict=True) for i in range(s, e)}
    assert {i for i in in_quotes if not art.text[i].isspace()} <= quoted <= in_quotes  # gaps between rows drop
    titles = re.findall(r'class="nlv-m nlv-t\d+"[^>]*title="([^":]*):', out)
    assert set(titles) == set(mentions["target"])  # every target's mentions carry its name in the tooltip


def test_mention_tooltip_carries_target_tone() -> None:
    art = nl.Article("a", "", "Allies are worried about Trump.")
    tone = pd.DataFrame(
        {
            "article_id": ["a"],
            "start": [25],
            "end": [30],
            "label": ["negative"],
            "score": [-0.62],
            "evidence": [["worried"]],
        }
    )
    out = nl.article_html(art, target_tone=tone, quotes=False)
    assert "tone toward Trump: negative \u22120.62" in out and "evidence: worried" in out
    assert 'class="nlv-tt"' in out


def test_layers_can_be_left_out() -> None:
    art = nl.Article("a", "", "Allies are worried about Trump.")
    out = nl.article_html(art, mentions=False, quotes=False, sentiment=False, stance=False, target_tone=False)
    assert "nlv-m " not in out and "nlv-cue" not in out and "not shown:" in out
    assert "Allies are worried about Trump." in out


def test_show_article_returns_html_object(seed_corpus: nl.Corpus) -> None:
    view = nl.show_article(seed_corpus["de-dpa"], view_id="second")
    assert view._repr_html_() == view.data == str(view)
    assert 'id="nlv-second"' in view.data and 'id="nlv-second-s0"' in view.data
    assert view.page().startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in view.page()


@pytest.mark.parametrize(
    "kwargs,match",
    [
        ({"mentions": pd.DataFrame({"start": [0]})}, "needs columns"),
        (
            {"mentions": pd.DataFrame({"article_id": ["a"], "target": ["T"], "start": [0], "end": [999]})},
            "outside article",
        ),
        ({"quotes": pd.DataFrame({"article_id": ["a"], "start": [5], "end": [2]})}, "outside article"),
        ({"score": "nonexistent"}, "needs columns"),
    ],
)
def test_bad_tables_are_refused(kwargs: dict, match: str) -> None:  # type: ignore[type-arg]
    art = nl.Article("a", "", "Trump spoke.")
    base = {"mentions": False, "quotes": False, "stance": False, "target_tone": False}
    with pytest.raises(ParameterError, match=match):
        nl.article_html(art, **{**base, **kwargs})


@pytest.mark.parametrize("view_id,expected", [(None, "nlv-x-1"), ("nlv-two", "nlv-two"), ('a "b" <c>', "nlv-a-b-c")])
def test_view_ids_are_valid_and_prefixed(view_id: str | None, expected: str) -> None:
    out = nl.article_html(HOSTILE, view_id=view_id, target_tone=False)
    assert re.findall(r'class="nlv-view" id="([^"]+)"', out) == [expected]
    assert f'id="{expected}-s0"' in out


def test_not_an_article() -> None:
    with pytest.raises(ParameterError, match="takes an Article"):
        nl.article_html("plain text")  # type: ignore[arg-type]


def test_cue_not_in_sentence_is_listed_in_the_margin() -> None:
    art = nl.Article("a", "", "Allies are worried about Trump. NATO met.")
    stance = pd.DataFrame(
        {"article_id": ["a", "a"], "sentence_id": [0, 0], "holder": ["allies", "allies"], "target": ["Trump"] * 2,
         "stance": ["against", "against"], "score": [-0.6, -0.6], "cues": [["worried about"], ["dismayed"]]}
    )  # fmt: skip
    out = nl.article_html(art, stance=stance, mentions=False, quotes=False, target_tone=False)
    assert "".join(highlighted(out, "nlv-cue")) == "worried about"
    assert "stance cues not found as words: dismayed (allies \u2192 Trump: against \u22120.60)" in out


def test_sentiment_without_spans_uses_the_article_sentences() -> None:
    art = nl.Article("a", "", "Good news. Bad news.")
    tone = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "polarity": [0.7, -0.7]})
    out = nl.article_html(art, sentiment=tone, score="polarity", mentions=False, quotes=False, stance=False)
    assert "sentence 0: tone +0.70 (polarity)" in out and "sentence 1: tone \u22120.70 (polarity)" in out
    bad = pd.DataFrame({"article_id": ["a"], "sentence_id": [7], "polarity": [0.1]})
    with pytest.raises(ParameterError, match="sentence_id 7 is not a sentence"):
        nl.article_html(art, sentiment=bad, score="polarity", mentions=False, quotes=False, stance=False)


# --------------------------------------------------------------------------- issue 24: output names

COLLIDING_IDS = ["A", "a", "x/y", "x_y", "x-y", "新闻", "报道", "CON", "con", "rtl\u202eGNP.exe", "a b", "a.b"]


def test_view_files_never_overwrite_each_other(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newslab.sections import write_views

    corpus = nl.Corpus([nl.Article(i, "T", "Trump met NATO chief Mark Rutte.") for i in COLLIDING_IDS])
    with pytest.warns(nl.NewslabWarning, match=r"article id 'rtl\\u202eGNP\.exe' holds control, bidi"):
        analysis = nl.analyze(corpus, tables=["mentions", "quotes", "tone", "stance", "target_tone"])
    with pytest.warns(nl.NewslabWarning, match="it is used as 'rtlGNP.exe'"):
        pages = write_views(analysis, corpus, tmp_path / "views")
    assert len({p.name for p in pages}) == len(COLLIDING_IDS) == len(list((tmp_path / "views").iterdir()))


@pytest.mark.parametrize("label", [*COLLIDING_IDS, "es-daily", "", "-", "x" * 500, "..", "nul\x00byte"])
def test_output_names_are_portable(label: str) -> None:
    import re

    from newslab.views import output_name

    name = output_name(label, ".csv")
    stem = name.removesuffix(".csv")
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]{0,69}", stem), name
    assert stem.split("-")[0] not in {"con", "nul", "prn", "aux"} or "-" in stem
    assert (name == label + ".csv") == (label in {"es-daily", "a", "x-y"})  # slugs stay readable, the rest hashed


def test_anchors_of_targets_differing_only_in_punctuation_differ() -> None:
    from newslab.sections import anchor

    assert anchor("NATO (alliance)", "mentions") != anchor("NATO [alliance]", "mentions")
    assert anchor("Foo", "mentions") != anchor("foo", "mentions")


def test_a_long_title_is_shortened_in_the_view_only() -> None:
    title = "Headline " * 6000
    article = nl.Article("a", title, "Trump met NATO chief Mark Rutte.")
    html = nl.article_html(article)
    assert "Headline " * 30 not in html and "Headline …" in html
    assert nl.analyze(article, tables=["sentences"]).articles["title"].iloc[0] == title.strip()


def test_a_lone_surrogate_never_breaks_a_view(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import warnings

    article = nl.Article("a", "t\ud83d", "Trump \ud83d met NATO chief Mark Rutte.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = nl.analyze(article)
        html = nl.article_html(article, analysis=analysis)
        page = nl.show_article(article).page()
    for text in (html, page):
        (tmp_path / "v.html").write_text(text, encoding="utf-8")  # no UnicodeEncodeError
    assert "\ufffd" in html and 'class="nlv-m ' in html
