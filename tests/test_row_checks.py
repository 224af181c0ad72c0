"""Stance rows a reader would sign, round 4 (issue 23, branch sq3): a poll share, criticism
pushed back, a news outlet relaying a quote and someone's own attitude act in a quote give no row. Must-fire
and must-not-fire cases: each must-not-fire sentence gives the wrong row on the base code (6f752a3)."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab import row_checks
from newslab.row_checks import (
    COUNTERS,
    NEWS_OUTLETS,
    OFFICES,
    poll_share,
    pushed_back,
    row_stands,
    someones_own_act,
    speaker_relays,
)

TARGETS = (
    *(nl.TRUMP, nl.Target("Cruz"), nl.Target("Clinton"), nl.Target("Sanders"), nl.Target("Biden")),
    *(nl.Target("Manafort"), nl.Target("Obama"), nl.Target("Rubio"), nl.Target("Sessions"), nl.Target("Assad")),
    nl.Target("Ryan"),
)


def rows(text: str) -> list[tuple[str, str, str]]:
    table = nl.stance_table(nl.Article("t", "", text), TARGETS, progress=False)
    return [(r.holder, r.target, r.stance) for r in table.itertuples()]


def test_lists_are_loaded_from_rule_words() -> None:
    assert "tamp" in COUNTERS and "rebutted" in COUNTERS
    assert "CNN" in NEWS_OUTLETS and "PolitiFact" in NEWS_OUTLETS and "Bloomberg" not in NEWS_OUTLETS
    assert "officials" in OFFICES and "campaign" in OFFICES


@pytest.mark.parametrize(
    "text,wrong",
    [  # must not fire: each gives the row on the base code
        (
            "In the last poll before the caucuses, Trump had the support of 28 percent of likely caucus-goers, "
            "with Cruz at 23 percent.",
            ("Trump", "Cruz", "favor"),
        ),
        (
            "Mike Pence said Sunday that the campaign moved to tamp down criticism that Trump is flip-flopping.",
            ("Mike Pence", "Trump", "against"),
        ),
        ("CNN said that Clinton was “a disastrous and corrupt candidate.”", ("CNN", "Clinton", "against")),
        ("In his speech, Obama steered clear of attacking Assad.", ("Obama", "Assad", "against")),
        ("Obama avoided criticizing Assad in his speech.", ("Obama", "Assad", "against")),
        ("Trump refrained from criticizing Ryan on Monday.", ("Trump", "Ryan", "against")),
        ("Trump is withholding his endorsement from House Speaker Ryan.", ("Ryan", "Trump", "favor")),
        (
            '"After Tuesday, Sanders goes to the convention with clout, but Clinton becomes the nominee and gets his '
            'support," Richardson said.',
            ("Richardson", "Clinton", "favor"),
        ),
    ],
)
def test_rule_removes_the_wrong_row(text: str, wrong: tuple[str, str, str]) -> None:
    assert wrong not in rows(text)


@pytest.mark.parametrize(
    "text,row",
    [  # must fire: the same cues where the holder takes the position
        ("Cruz voiced his support for Trump in the 2016 race.", ("Cruz", "Trump", "favor")),
        ("Women have accused Biden of misconduct.", ("Women", "Biden", "against")),
        ("Mike Pence voiced criticism of Trump on Sunday.", ("Mike Pence", "Trump", "against")),
        ("Rubio said that Clinton was “a disastrous and corrupt candidate.”", ("Rubio", "Clinton", "against")),
        ('"Clinton is a great and honest leader," Richardson said.', ("Richardson", "Clinton", "favor")),
        ("Obama blasted Senate Republicans and criticized Trump.", ("Obama", "Trump", "against")),
        ("In his speech, Obama kept attacking Assad.", ("Obama", "Assad", "against")),
        ("Maya Harris dismissed Mr. Trump's attacks on Clinton.", ("Trump", "Clinton", "against")),  # his attacks
        ('The White House said Obama was "weak and dishonest."', ("White House", "Obama", "against")),
        ("Trump gave his endorsement to House Speaker Ryan.", ("Trump", "Ryan", "favor")),
    ],
)
def test_row_stays(text: str, row: tuple[str, str, str]) -> None:
    assert row in rows(text)


@pytest.mark.parametrize(
    "sentence,score,cues,stands",
    [
        ("Trump had the support of about 28 percent.", 0.6, ["support"], False),
        ("Trump had the support of Cruz.", 0.6, ["support"], True),
        ("The aides tried to fend off the criticism of Obama.", -1.0, ["criticism"], False),
        ("The aides voiced criticism of Obama.", -1.0, ["criticism"], True),
        ("The aides rebutted praise of Obama.", 0.8, ["praise"], True),  # only against cues are pushed back
    ],
)
def test_row_stands(sentence: str, score: float, cues: list[str], stands: bool) -> None:
    assert row_stands(sentence, (0, len(sentence)), (len(sentence) - 6, len(sentence) - 1), score, cues) is stands


def test_parts() -> None:
    assert poll_share("He has support from 40 percent.", ["support"]) and not poll_share("He has support.", ["support"])
    assert pushed_back("They rebutted the accusations.", -1.0, ["accusations"])
    assert not pushed_back("They rebutted the accusations.", 1.0, ["accusations"])


@pytest.mark.parametrize(
    "holder,rule",
    [
        ("CNN", "a news outlet passes on"),
        ("CNBC John Harwood", "a news outlet passes on"),
        ("The Sun newspaper", "a news outlet passes on"),
        ("White House", ""),  # the office rule is off in the package
        ("Department of Justice officials", ""),
        ("Michael Bloomberg", ""),
        ("Rubio", ""),
        ("Time", ""),
        ("Senate Republicans", ""),
    ],
)
def test_speaker_relays(holder: str, rule: str) -> None:
    assert speaker_relays(holder) == rule


@pytest.mark.parametrize(
    "quote,words,own",
    [
        ("Clinton becomes the nominee and gets his support", ["support"], True),
        ("Manafort not endorsing Trump anymore", ["endorsing (negated)"], True),
        ("Sanders has endorsed Clinton", ["endorsed"], True),
        ("We support Clinton fully", ["support"], False),  # the speaker's side
        ("They're loving Melania", ["loving"], False),  # praise passed on is shared (sq2, opinions test3)
        ("Trump lied to us", ["lied"], False),  # a judgement, no attitude act
        ("Clinton is a great friend", ["great", "friend"], False),
        ("his support and the great work of Clinton", ["support", "great"], False),  # one word judges
    ],
)
def test_someones_own_act(quote: str, words: list[str], own: bool) -> None:
    assert someones_own_act(quote, words) is own


def test_own_act_keeps_an_unfavorable_tone() -> None:
    # to say that someone threatened or accused is to accuse them (opinions test3: Fox News -> Lewandowski against)
    assert not someones_own_act("Lewandowski had threatened to ramp up the attacks", ["threatened"], -0.5)
    assert someones_own_act("Lewandowski had endorsed the plan", ["endorsed"], 0.5)


OFFICE = "an office speaks for its principal"


@pytest.mark.parametrize(
    "text,wrong",
    [
        (
            "The White House took a more optimistic tone ahead of the meeting, saying Obama was committed to working "
            "with Republicans on issues of shared interest like tax reform.",
            ("White House", "Obama", "favor"),
        ),
        (
            'Department of Justice officials told Fox News that Sessions is in "good spirits."',
            ("Justice officials", "Sessions", "favor"),
        ),
    ],
)
def test_office_rule_when_on(monkeypatch: pytest.MonkeyPatch, text: str, wrong: tuple[str, str, str]) -> None:
    assert wrong in rows(text)  # off in the package: the row stays
    monkeypatch.setitem(row_checks.ENABLED, OFFICE, True)
    assert wrong not in rows(text)


def test_office_rule_keeps_condemnation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(row_checks.ENABLED, OFFICE, True)
    assert ("White House", "Obama", "against") in rows('The White House said Obama was "weak and dishonest."')
    assert speaker_relays("Justice officials", 0.5) == OFFICE and speaker_relays("A former CIA official", 0.5) == ""


@pytest.mark.parametrize(
    "text,row",
    [  # rule "a place is no antecedent" (actors.resolve_person): the base gives "Long Island -> Trump"
        (
            "Anthony Scaramucci left on Monday. Ultimately, the Long Island native kept his promise and threw his "
            "full support behind Trump.",
            ("Anthony Scaramucci", "Trump", "favor"),
        ),
        (
            "John Kelly spoke in New York on Monday. He later voiced his support for Trump.",
            ("John Kelly", "Trump", "favor"),
        ),
    ],
)
def test_place_is_no_antecedent(text: str, row: tuple[str, str, str]) -> None:
    found = rows(text)
    assert row in found and not any(h in ("Long Island", "New York") for h, _, _ in found)
