"""Rule "kin of a bearer" (newslab.kinship, issue 23 branch mr8): must fire and must not fire."""

from __future__ import annotations

import pytest

import newslab as nl
from newslab.document import Article


def _trump(text: str) -> list[tuple[str, str, str]]:
    df = nl.find_mentions(Article("x", "", text), nl.TRUMP)
    return [(m, r, a) for m, r, a in df[["mention", "rule", "antecedent"]].itertuples(index=False)]


@pytest.mark.parametrize(
    "text,mention,antecedent",
    [
        ("Donald Trump was in New Jersey. His son Eric Trump told Fox News that he had informed his father.",
         "his father", "kin of Eric Trump"),
        ("Donald Trump spoke. Melania Trump, his wife: ‘The words my husband used are unacceptable.’",
         "my husband", "kin of Melania Trump"),
        ("Donald Trump spoke. His niece, Mary Trump, said her uncle should never hold office again.",
         "her uncle", "kin of Mary Trump"),
    ],
)  # fmt: skip
def test_kin_of_a_bearer_fires(text: str, mention: str, antecedent: str) -> None:
    assert (mention, "kin:father" if "father" in mention else f"kin:{mention.split()[-1]}", antecedent) in _trump(text)


@pytest.mark.parametrize(
    "text,mention",
    [
        # the target's own father (the pronoun is the target's)
        ("Mr. Trump spoke warmly of his father, Fred Trump.", "his father"),
        # the target's own words: "My father" after "Mr. Trump" is Fred Trump
        ("Mr. Trump, 69, spoke of Fred Trump. “My father said, ‘Don't go into Manhattan,’” he said.", "My father"),
        # the possessor bears another surname
        ("Donald Trump spoke. Hunter Biden said his father would run.", "his father"),
        # "his son" is not a kin noun of the rule
        ("Donald Trump spoke. Fred Trump said his son would build.", "his son"),
        # a woman's "his": the gender does not fit
        ("Donald Trump spoke. Ivanka Trump said his father was wrong.", "his father"),
    ],
)  # fmt: skip
def test_kin_of_a_bearer_must_not_fire(text: str, mention: str) -> None:
    assert not any(m == mention and r.startswith("kin:") for m, r, _ in _trump(text)), _trump(text)
