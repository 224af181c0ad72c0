from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newslab as nl
from newslab.errors import CorpusError, LexiconError, ParameterError
from newslab.labeling import KwicFrame, evaluate_mentions, kwic, labels
from newslab.tables import find_mentions
from newslab.targets import Target

GOLD = Path(__file__).parent / "data" / "seed_mentions_gold.tsv"

# A short article not in the bundle (written for these tests).
UNSEEN = (
    "Former US President Donald Trump addressed supporters in Ohio on Saturday. "
    "The 78-year-old Republican said NATO members must pay more. "
    "The billionaire has long questioned the value of the transatlantic alliance, and he once called it obsolete. "
    "German Chancellor Olaf Scholz said he was confident that the alliance would stay united. "
    "The European Union also met; the bloc agreed on sanctions. "
    "The president of the European Commission, Ursula von der Leyen, welcomed the decision. "
    "The AUKUS alliance was not discussed. The organization of the summit was chaotic. "
    "The American economy grew. Trump's allies praised him."
)


def mentions(text: str, targets=None) -> list[tuple[str, str, str]]:
    df = find_mentions(nl.Article("t", "", text), targets)
    return list(zip(df["target"], df["mention"], df["kind"], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump won. Later the tycoon spoke.", ("Trump", "the tycoon", "description")),
        ("Trump won. The Republican spoke.", ("Trump", "The Republican", "description")),
        ("Trump won. Aides of the president-elect spoke.", ("Trump", "the president-elect", "description")),
        (
            "Trump won. Meet the returned tenant of the White House.",
            ("Trump", "the returned tenant of the White House", "description"),
        ),
        ("Trump won. Meet the American populist.", ("Trump", "the American populist", "description")),
        ("Trump won. Meet the winner of the US elections.", ("Trump", "the winner of the US elections", "description")),
        ("NATO met. Leaders of the Atlantic Alliance spoke.", ("NATO", "the Atlantic Alliance", "description")),
        ("NATO met. Critics of the alliance spoke.", ("NATO", "the alliance", "description")),
        ("NATO met. Critics of the organization spoke.", ("NATO", "the organization", "description")),
        ("NATO met. He doubted the entity.", ("NATO", "the entity", "description")),
        ("Trump won. Meet the real-estate magnate.", ("Trump", "the real-estate magnate", "description")),
        ("Trump won. Meet the 45th president.", ("Trump", "the 45th president", "description")),
        ("Trump’s plan failed.", ("Trump", "Trump", "name")),
        ("NATO allies met.", ("NATO", "NATO", "name")),
        ("Nato allies met.", ("NATO", "Nato", "name")),
        ("Trump won. The 78-year-old has said so.", ("Trump", "The 78-year-old", "description")),
        (
            "NATO met. He accused the 75-year-old alliance of freeloading.",
            ("NATO", "the 75-year-old alliance", "description"),
        ),
        (
            "NATO met. Officials at the Brussels-based organisation agreed.",
            ("NATO", "the Brussels-based organisation", "description"),
        ),
        ("He met US President-elect Donald Trump.", ("Trump", "US President-elect Donald Trump", "name")),
        ("Trump won. The tycoon, Donald J. Trump, spoke.", ("Trump", "The tycoon", "description")),
        ("Trump won. The wife of the president, Melania Trump, spoke.", ("Trump", "the president", "description")),
    ],
)
def test_finds_names_and_descriptions(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in mentions(text)


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("Trump won. The American economy grew.", "The American"),
        ("Trump won. The Republican party met.", "The Republican"),
        ("Trump won. She backed the Democratic candidate Kamala Harris.", "the Democratic candidate"),
        ("Trump won. The president of the European Commission spoke.", "The president of the European Commission"),
        ("NATO met. The AUKUS alliance was not discussed.", "The AUKUS alliance"),
        ("NATO met. The organization of the summit was chaotic.", "The organization"),
        ("NATO met. The Shanghai Cooperation Organisation met, and the organisation agreed.", "the organisation"),
        ("The tycoon bought a club.", "The tycoon"),  # no Trump named: a description needs a name
        ("Trump won. The White House said so.", "The White House"),
        ("He played his trump card.", "trump"),
        ("Russian President Vladimir Putin spoke. The Kremlin agreed.", "President"),
        ("Trump lost. President Joe Biden spoke. The president said so.", "The president"),
        ("Trump lost. Critics of the 80-year-old Democrat spoke.", "the 80-year-old"),
        ("Trump spoke. So did the former tycoon, Michael Bloomberg, in New York.", "the former tycoon"),
        (
            "Trump quit. The statement came from the former president, Barack Obama, who had made the deal.",
            "the former president",
        ),
    ],
)
def test_does_not_fire(text: str, forbidden: str) -> None:
    assert forbidden not in [m for _, m, _ in mentions(text)]


@pytest.mark.parametrize(
    ("text", "pronoun", "target"),
    [
        ("Trump arrived and he smiled.", "he", "Trump"),
        ("Trump won the vote. His allies cheered.", "His", "Trump"),
        ("The alliance met, and critics of it were loud. NATO agreed.", "it", "NATO"),
    ],
)
def test_resolves_pronouns_when_confident(text: str, pronoun: str, target: str) -> None:
    assert (target, pronoun, "pronoun") in mentions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rutte met Trump and he smiled.",  # two people before "he": not confident
        "Trump and Rutte met. He smiled.",  # two subjects in the previous sentence
        "Rutte met Trump. He smiled.",  # the previous sentence's subject is another person
        "NATO met. It was a long day.",  # expletive "it"
        "He smiled. Trump won.",  # pronoun before any antecedent
    ],
)
def test_leaves_ambiguous_pronouns_alone(text: str) -> None:
    assert not [m for m in mentions(text) if m[2] == "pronoun" and m[1].lower() in ("he", "it")]


def in_quote(text: str) -> list[tuple[str, str, str]]:
    df = find_mentions(nl.Article("t", "", text), quotes=True)
    rows = zip(df.target, df.mention, df.rule, df.antecedent, strict=True)
    return [(t, m, a) for t, m, r, a in rows if r == "pronoun:in-quote"]


def test_in_quote_pronouns_es_daily(seed_corpus: nl.Corpus) -> None:
    # “When he was president he was the one who encouraged us ...”, he declared ..., “... that is
    # largely his work, his success ...”: Rutte speaks, "the American" of the sentence before is Trump
    df = find_mentions(seed_corpus["es-daily"], quotes=nl.find_quotes(seed_corpus))
    rows = df[df.rule == "pronoun:in-quote"]
    assert rows[["target", "mention", "sentence_id", "antecedent"]].values.tolist() == [
        ["Trump", "he", 13, "the American"],
        ["Trump", "he", 13, "the American"],
        ["Trump", "his", 13, "the American"],
        ["Trump", "his", 13, "the American"],
    ]
    assert (rows.confidence == nl.mentions.CONFIDENCE["pronoun:in-quote"]).all()
    without = find_mentions(seed_corpus["es-daily"], quotes=False)  # no in-quote rule: the 14 pronouns stay
    assert len(without) == len(df) - 4
    assert find_mentions(seed_corpus["es-daily"]).equals(df)  # the default applies the pass's own quotes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rutte praised Trump on Friday. “When he was president he paid,” Rutte said.",
            [("Trump", "he", "Trump"), ("Trump", "he", "Trump")],
        ),
        (  # a short article not in the bundle: role words and the speaker's own name do not block
            "Former President Donald Trump held a rally in Ohio on Saturday. NATO Secretary General Mark Rutte"
            " later defended the Republican. “He pushed the allies to pay more, and his pressure worked,” Rutte"
            " told reporters.",
            [("Trump", "He", "the Republican"), ("Trump", "his", "the Republican")],
        ),
        (
            "NATO held a summit on Friday. “Its strength is its unity,” Mark Rutte said.",
            [("NATO", "Its", "NATO"), ("NATO", "its", "NATO")],
        ),
    ],
)
def test_in_quote_pronouns_resolved(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert in_quote(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rutte praised Trump on Friday. “When he was president he paid.”",  # no speaker: he may be Trump's own
        "Rutte praised Trump and Biden on Friday. “When he was president he paid,” Rutte said.",  # two others
        "Trump praised Rutte on Friday. “He is a good man,” Trump said.",  # he is not the speaker, Trump
        "Trump spoke on Friday. “The Secretary General and his team met us,” Rutte said.",  # a role named first
        "Rutte met Trump in Brussels.\n“When he was president he paid,” Rutte said.",  # another paragraph
        "NATO met on Friday. “We must do it faster,” Mark Rutte said.",  # "it" in speech: an action
    ],
)
def test_in_quote_pronouns_do_not_fire(text: str) -> None:
    assert in_quote(text) == []


def test_in_quote_drops_resolutions_to_the_speaker() -> None:
    text = "Trump spoke on Friday. “When he was president he paid,” Trump said."
    before = find_mentions(text, quotes=False)
    assert list(before[before.kind == "pronoun"].mention) == ["he", "he"]  # the sentence rules take him as Trump
    after = find_mentions(text, quotes=True)
    assert list(after.kind) == ["name", "name"]  # but Trump would say "I": the pronouns are someone else


def test_seed_gold_precision_and_recall(seed_corpus: nl.Corpus) -> None:
    gold = pd.read_csv(GOLD, sep="\t", comment="#")
    for row in gold.itertuples():
        assert seed_corpus[row.article_id].text[row.start : row.end] == row.mention
    table = evaluate_mentions(find_mentions(seed_corpus), gold)
    assert table.loc["name", "precision"] >= 0.95 and table.loc["name", "recall"] >= 0.95
    assert table.loc["description", "precision"] >= 0.9 and table.loc["description", "recall"] >= 0.9


def test_unseen_article_mentions() -> None:
    found = mentions(UNSEEN)
    for expected in [
        ("Trump", "Former US President Donald Trump", "name"),
        ("Trump", "The 78-year-old Republican", "description"),
        ("Trump", "The billionaire", "description"),
        ("NATO", "the transatlantic alliance", "description"),
        ("NATO", "the alliance", "description"),
        ("Trump", "him", "pronoun"),
    ]:
        assert expected in found
    surfaces = [m for _, m, _ in found]
    for wrong in ("the bloc", "The AUKUS alliance", "The organization", "The American", "The president"):
        assert wrong not in surfaces


def test_columns_offsets_and_single_article(seed_corpus: nl.Corpus) -> None:
    df = find_mentions(seed_corpus["de-dpa"])
    assert list(df.columns) == nl.mentions.MENTION_COLUMNS
    art = seed_corpus["de-dpa"]
    for row in df.itertuples():
        assert art.text[row.start : row.end] == row.mention
        assert art.sentences[row.sentence_id].start <= row.start < art.sentences[row.sentence_id].end
    assert set(df["kind"]) <= {"name", "description", "pronoun"}


def test_user_defined_target() -> None:
    eu = Target("EU", aliases=["EU", "European Union"], heads=["bloc"], kind="organization")
    found = mentions("The European Union met. The bloc agreed. Its members cheered.", [eu])
    assert ("EU", "European Union", "name") in found
    assert ("EU", "The bloc", "description") in found
    assert Target.from_names("Rutte", "Mark Rutte", kind="person").aliases == ("Rutte", "Mark Rutte")
    assert "mogul" in nl.TRUMP.extend(heads=["mogul"]).heads


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: Target("X", kind="planet"), ParameterError),
        (lambda: Target(""), ParameterError),
        (lambda: Target("X", patterns=["(unclosed"]), ParameterError),
        (lambda: Target.from_table("Nobody"), LexiconError),
        (lambda: find_mentions(42), CorpusError),
        (lambda: find_mentions("Trump", targets="Trump"), ParameterError),
        (lambda: find_mentions("Trump", min_confidence=2), ParameterError),
        (lambda: find_mentions("Trump", quotes=pd.DataFrame({"x": [1]})), ParameterError),
        (lambda: labels("Trump", kinds=["nickname"]), ParameterError),
        (lambda: kwic("Trump", "", window=5), ParameterError),
        (lambda: kwic("Trump", "Trump", window=0), ParameterError),
    ],
)
def test_bad_input_raises_newslab_errors(call, error) -> None:
    with pytest.raises(error):
        call()


def test_labels_long_and_wide(seed_corpus: nl.Corpus) -> None:
    long = labels(seed_corpus)
    es = long[(long.article_id == "es-daily") & (long.target == "Trump")]
    assert {"the tycoon", "the republican", "the american populist", "the president-elect"} <= set(es["label"])
    assert es.set_index("label").loc["the president-elect", "count"] == 2
    wide = labels(seed_corpus, wide=True)
    assert list(wide.columns) == ["es-daily", "de-dpa"]
    assert wide.loc[("NATO", "description", "the alliance")].tolist() == [3, 3]  # es: "the Alliance" counts too
    assert wide.loc[("Trump", "description", "the tycoon")].tolist() == [1, 0]


def test_kwic_aligns_and_finds_targets(seed_corpus: nl.Corpus) -> None:
    df = kwic(seed_corpus, "alliance", window=20)
    assert len(df) == 9 and df["left"].str.len().nunique() == 1
    assert (df["match"].str.lower() == "alliance").all()
    by_target = kwic(seed_corpus, nl.NATO, kinds=["description"])
    assert "the entity" in set(by_target["match"])
    assert KwicFrame.style(by_target) is not None
    assert kwic(seed_corpus, "no such phrase").empty


@pytest.mark.parametrize("name", ["unseen", "heldout"])
def test_handwritten_articles_gold(name: str) -> None:
    # unseen: used to fix rules; heldout: scored once with frozen rules (numbers in docs/targets.md), then fixed
    corpus = nl.load_corpus(Path(__file__).parent / "data" / f"{name}_articles.jsonl")
    gold = pd.read_csv(Path(__file__).parent / "data" / f"{name}_mentions_gold.tsv", sep="\t", comment="#")
    for row in gold.itertuples():
        assert corpus[row.article_id].text[row.start : row.end] == row.mention
    table = evaluate_mentions(find_mentions(corpus), gold)
    assert table.loc["name", "precision"] >= 0.95 and table.loc["name", "recall"] >= 0.95
    # known misses: "the military bloc" ("bloc" is left out of NATO's heads: the EU is "the bloc" too) and
    # "his Republican rival" (only "the"/"its" open a description)
    assert table.loc["description", "precision"] >= 0.9 and table.loc["description", "recall"] >= 0.9


def test_targets_from_spec_lists_dicts_and_packaged_names():
    got = nl.targets_from_spec(
        {"trump": [], "EU": ["European Union", "EU"], "Rutte": {"heads": ["secretary general"], "kind": "person"}}
    )
    assert got[0] is nl.TRUMP
    assert got[1].aliases == ("EU", "European Union")
    assert got[2].aliases == ("Rutte",) and got[2].heads == ("secretary general",) and got[2].kind == "person"
    assert nl.targets_from_spec({}) == () and nl.targets_from_spec(None) == ()
    extended = nl.targets_from_spec({"NATO": ["the alliance"]})[0]  # extends the packaged NATO (issue 11)
    assert extended.aliases[-1] == "the alliance" and extended.heads == nl.NATO.heads
    replaced = nl.targets_from_spec({"NATO": {"aliases": ["NATO"], "replace": True}})[0]
    assert replaced.aliases == ("NATO",) and replaced.heads == ()


@pytest.mark.parametrize(
    "spec,message",
    [
        ({"EU": {"head": ["bloc"]}}, "unknown field"),
        ({"EU": "European Union"}, "expected a list of aliases"),
        ({"EU": [1, 2]}, "expected a list of aliases"),
        ({"": []}, "non-empty"),
        (["EU"], "mapping"),
        ({"EU": {"kind": "planet"}}, "kind="),
    ],
)
def test_targets_from_spec_errors(spec, message):
    with pytest.raises(ParameterError, match=message):
        nl.targets_from_spec(spec)


def test_to_spec_round_trips_the_packaged_targets():
    for target in (nl.TRUMP, nl.NATO):
        (again,) = nl.targets_from_spec({target.name: target.to_spec()})
        assert again == target


def test_load_targets_tsv_and_json(tmp_path):
    tsv = tmp_path / "t.tsv"
    tsv.write_text(
        "# my targets\ntarget\tkind\tterm\tnote\nEU\tname\tEU\t\nEU\tepithet\tthe bloc\t\nRutte\tname\tMark Rutte\t\n",
        encoding="utf-8",
    )
    eu, rutte = nl.load_targets(tsv)
    assert eu.epithets == ("the bloc",) and rutte.aliases == ("Mark Rutte",)
    art = nl.Article("a", "", "The EU met. Later the bloc agreed.")
    assert list(nl.find_mentions(art, [eu]).mention) == ["EU", "the bloc"]
    js = tmp_path / "t.json"
    js.write_text('{"EU": {"aliases": ["EU"], "kind": "organization"}}', encoding="utf-8")
    assert nl.load_targets(js)[0].pronouns == ("it", "its", "itself")


@pytest.mark.parametrize(
    "name,content,error",
    [
        ("bad.json", "{not json", "not valid JSON"),
        ("bad.json", '{"EU": 3}', "expected a list"),
        ("bad.tsv", "a\tb\n1\t2\n", "columns target, kind, term"),
        ("bad.tsv", "target\tkind\tterm\nEU\tcolour\tblue\n", "unknown kind"),
        ("bad.tsv", "target\tkind\tterm\n\tname\tEU\n", "empty target"),
    ],
)
def test_load_targets_errors(tmp_path, name, content, error):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(nl.errors.LexiconError, match=error):
        nl.load_targets(path)
    with pytest.raises(nl.errors.MissingInputError):
        nl.load_targets(tmp_path / "missing.tsv")


@pytest.mark.parametrize(
    "text",
    [  # issue 11: other bearers of the name are not Donald Trump
        "Ivanka Trump spoke.",
        "Donald Trump Jr. spoke.",
        "Eric Trump spoke.",
        "Melania Trump spoke.",
        "They met at Trump Tower.",
        "They golfed at Trump National Doral.",
        "The Trump Organization paid.",
        "Mrs. Trump smiled.",
    ],
)
def test_other_bearers_of_the_name_are_not_mentions(text: str) -> None:
    assert [m for m in mentions(text) if m[0] == "Trump"] == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("President Trump spoke.", "President Trump"),  # the title joins the name: one name mention
        ("Mr. Trump spoke.", "Mr. Trump"),
        ("The Trump administration spoke.", "Trump"),  # documented decision: the word names him
        ("Trump Caves To Democrats\nTrump spoke.", "Trump"),  # a Title Case headline
        ("Perhaps Trump spoke.", "Trump"),  # a common word, not a given name
        ("President Trump Attacked Hillary Clinton Over Her Emails.", "President Trump"),  # a headline
        ("The election of Donald Trump surprised them.", "Donald Trump"),  # "of" is no title word
    ],
)
def test_names_kept(text: str, mention: str) -> None:
    assert ("Trump", mention, "name") in mentions(text)


@pytest.mark.parametrize(
    ("text", "date", "forbidden"),
    [
        ("Trump spoke. Vice President Mike Pence agreed. The vice president said so.", "", "The vice president"),
        ("Trump spoke. The majority leader said so.", "", "The majority leader"),
        ("Trump spoke. The president said so.", "2023-04-01", "The president"),  # not president on that date
    ],
)
def test_roles_link_only_to_holders(text: str, date: str, forbidden: str) -> None:
    art = nl.Article("x", "", text, metadata={"date": date} if date else {})
    assert forbidden not in find_mentions(art, nl.TRUMP)["mention"].tolist()


def test_role_links_to_the_person_last_named_with_it() -> None:
    mcconnell = nl.Target.person("Mitch McConnell", pronouns="he")
    text = "Trump spoke. Senate Majority Leader Mitch McConnell agreed. The majority leader said so."
    df = find_mentions(nl.Article("x", "", text), [nl.TRUMP, mcconnell])
    row = df[df["mention"] == "The majority leader"].iloc[0]
    assert (row["target"], row["rule"], row["antecedent"]) == ("Mitch McConnell", "role:last-named", "Mitch McConnell")
    held = nl.Target.person("Chuck Schumer", roles=["majority leader"])
    df = find_mentions(nl.Article("x", "", "Chuck Schumer spoke. The majority leader said so."), held)
    assert ("The majority leader", "role") in list(zip(df["mention"], df["rule"], strict=True))


def test_user_targets_by_kind_and_merging() -> None:
    from newslab.targets import merge_targets

    schumer = nl.Target.person("Chuck Schumer", pronouns="she")
    assert schumer.aliases == ("Chuck Schumer", "Schumer") and "her" in schumer.pronouns
    assert nl.Target.person("Chuck Schumer").searched_kinds() == ["names", "descriptions"]
    eu = nl.Target.organization("EU", aliases=["European Union"])
    assert eu.pronouns == ("it", "its", "itself") and eu.heads == () and eu.searched_kinds() == ["names", "pronouns"]
    with pytest.raises(ParameterError):
        nl.Target.person("X Y", pronouns="it")
    merged, notes = merge_targets([nl.Target("Trump", aliases=["Trump", "Donald Trump"])])
    assert merged[0].heads == nl.TRUMP.heads and merged[0].roles == nl.TRUMP.roles and notes
    text = nl.load_seed_corpus()["es-daily"]
    assert len(find_mentions(text, merged)) == len(find_mentions(text, nl.TRUMP))


# Issue 24, targets in the Python API: one rule with the command line (refuse, never merge silently).
SAME_NAME_CASES = [
    ("case", [nl.Target("Foo"), nl.Target("foo")], "'Foo' and 'foo' differ only in case or spacing"),
    ("spacing", [nl.Target("Foo Bar"), nl.Target("Foo  Bar")], "'Foo Bar' and 'Foo  Bar' differ only in case"),
    ("built-in", [nl.NATO, nl.Target("nato")], "'NATO' and 'nato' differ only in case"),
    ("twice", [nl.Target("Foo"), nl.Target("Foo")], "target 'Foo' is given twice"),
]


@pytest.mark.parametrize(("case", "targets", "message"), SAME_NAME_CASES, ids=[c[0] for c in SAME_NAME_CASES])
def test_targets_whose_names_differ_only_in_case_are_refused(case: str, targets: list[Target], message: str) -> None:
    with pytest.raises(ParameterError, match=r"aliases|keep one") as err:
        nl.analyze(nl.Article("a", "", "Foo met foo."), targets=targets, tables=["mentions"])
    assert message in str(err.value)
    with pytest.raises(ParameterError, match=r"differ only|given twice"):
        find_mentions(nl.Article("a", "", "Foo met foo."), targets)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"Foo": [], "foo": ["Foo Inc"]}, "'Foo' and 'foo' differ only in case"),
        ({"EU": ["EU"], " eu ": ["EU"]}, "'EU' and ' eu ' differ only in case or spacing"),
    ],
)
def test_a_spec_with_names_differing_only_in_case_is_refused(spec: dict[str, list[str]], message: str) -> None:
    with pytest.raises(ParameterError, match="both spellings as aliases") as err:
        nl.targets_from_spec(spec)
    assert message in str(err.value)


def test_distinct_names_still_pass_and_a_stripped_name_is_kept() -> None:
    targets = nl.targets_from_spec({"EU": ["European Union"], "EUR": ["euro"]})
    assert [t.name for t in targets] == ["EU", "EUR"]
    assert nl.Target("  EU ").name == "EU" and nl.Target("  EU ").aliases == ("EU",)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": ""}, "non-empty string, got ''; give the name"),
        ({"name": "   "}, "non-empty string"),
        ({"name": None}, "non-empty string, got None"),
        ({"name": "X", "aliases": ["X", "."]}, "alias '.' has no letter or digit"),
        ({"name": "X", "aliases": ["--"]}, "alias '--' has no letter or digit"),
        ({"name": "."}, "alias '.' has no letter or digit"),
        ({"name": "X", "epithets": ["…"]}, "epithet '…' has no letter or digit"),
        ({"name": "X", "heads": ["?!"]}, "head '?!' has no letter or digit"),
        ({"name": "X", "aliases": [5]}, "aliases must be strings, got 5 (int)"),
    ],
    ids=repr,
)
def test_empty_names_and_punctuation_terms_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ParameterError) as err:
        nl.Target(**kwargs)  # type: ignore[arg-type]
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"aliases": ["X", "the"]}, "alias 'the'"),
        ({"aliases": ["X", "of"]}, "alias 'of'"),
        ({"aliases": ["X", "The"]}, "alias 'The'"),
        ({"epithets": ["the"]}, "epithet 'the'"),
        ({"heads": ["it"]}, "head 'it'"),
    ],
)
def test_a_lone_function_word_warns_with_the_fix(kwargs: dict[str, list[str]], word: str) -> None:
    with pytest.warns(nl.errors.NewslabWarning, match="common word") as record:
        target = nl.Target("X", **kwargs)  # type: ignore[arg-type]
    assert word in str(record[0].message) and "remove it or give a longer phrase" in str(record[0].message)
    assert target.name == "X"  # a warning, not a refusal: the user may mean it


@pytest.mark.parametrize("alias", ["US", "WHO", "IT", "NATO", "the Atlantic Alliance", "Foo"])
def test_acronyms_and_names_do_not_warn(alias: str) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert alias in nl.Target("X", aliases=[alias]).aliases


def test_a_decomposed_target_name_finds_composed_text() -> None:
    import unicodedata

    composed = "Erdoğan"
    target = nl.Target(unicodedata.normalize("NFD", composed))
    assert target.name == composed
    assert len(find_mentions(nl.Article("a", "", f"{composed} met Rutte. {composed} spoke."), target)) == 2
    decomposed = unicodedata.normalize("NFD", composed)  # an Article built by hand is not composed
    text = f"{decomposed} met Rutte. {decomposed.upper()} spoke."
    df = find_mentions(nl.Article("a", "", text), nl.Target(composed))
    assert [text[s:e] for s, e in zip(df["start"], df["end"], strict=True)] == [decomposed, decomposed.upper()]


def test_bracketed_names_keep_distinct_anchors_and_file_names() -> None:
    from newslab.file_names import output_name
    from newslab.sections import anchor

    names = ["NATO (alliance)", "NATO [alliance]", "NATO {alliance}", "NATO alliance"]
    assert len({output_name(n) for n in names}) == len(names)
    assert len({anchor(n, "tone_target") for n in names}) == len(names)
    targets = [nl.Target(n, aliases=["NATO"]) for n in names]
    df = find_mentions(nl.Article("a", "", "NATO met."), targets)
    assert sorted(df["target"]) == sorted(names)  # different names are different targets, not merged


def test_head_regex_with_grouped_stopwords_matches_as_the_plain_alternation() -> None:
    """The modifiers' stopword lookahead, grouped by first letter, gives the matches of the plain alternation."""
    import re

    from newslab.lexicons import stopwords
    from newslab.targets import first_letter_alternation

    words = [w for w in sorted(stopwords(), key=len, reverse=True) if w.isalpha()]
    texts = [a.text for a in nl.load_seed_corpus()] + [
        "The the president, the about-face president, this other alliance, its once great alliance, "
        "the a b c alliance, the tycoon's, the themselves president and the abouts president said."
    ]
    for target in (nl.TRUMP, nl.NATO, nl.TRUMP.extend(heads=["tycoon"])):
        fast = target._head_re
        plain = re.compile(
            fast.pattern.replace(first_letter_alternation(words), f"(?:{'|'.join(map(re.escape, words))})")
        )
        assert plain.pattern != fast.pattern
        for text in texts:
            assert [m.span() + m.groups() for m in fast.finditer(text)] == [
                m.span() + m.groups() for m in plain.finditer(text)
            ]
