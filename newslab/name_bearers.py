"""Which of several people sharing a family name a lone surname speaker is (issue 23, round `at10`).

Rules of :mod:`newslab.speakers`, named in the quote's ``speaker_rule``:

* ``first-bearer``: a lone family name ("Biden said", "BIDEN:") in an article that names several people of
  that family ("Joe Biden", "Jill Biden", "Hunter Biden") is the one the article names first, not the
  longest name. News writing introduces the person the story is about first and then calls them by the
  surname alone; relatives named later keep their given names ("his son Hunter Biden", "Jill Biden, the
  first lady").
* ``title-gender``: a titled surname ("Mr. Biden") is none of the people whose given name is of the other
  gender, even when she is the only Biden named in full; the speaker then stays the surname, and a he/she
  whose previous subject is "Mr. Biden" takes him (the title, not "Jill Biden", gives his gender).

Read on the held-out multi-outlet part `heldout2` (spent), where the longest name gave "Mr. Biden" to Jill
Biden and "Biden, the front-runner" to Hunter Biden.
"""

from __future__ import annotations

from collections.abc import Sequence

from newslab.speaker_turns import given_name_gender

#: Added to a name speaker's rule when the surname went to the first-named of several bearers (at10).
FIRST_BEARER_NOTE = "; first-bearer"
#: Added when a titled surname skipped a registry name of the other gender (at10).
TITLE_GENDER_NOTE = "; title-gender"


def _same_person(a: str, b: str) -> bool:
    """Whether two registry names ending with one surname are written forms of one person.

    One ends with the other ("Donald J. Trump", "J. Trump") or both open with one given name ("Donald Trump",
    "Donald J. Trump").
    """
    return a.endswith(" " + b) or b.endswith(" " + a) or a.split()[0] == b.split()[0]


def fitting_names(candidates: Sequence[str], gender: str) -> list[str]:
    """Rule ``title-gender``: the candidates whose given name fits the title's gender ("m", "f"; "" fits all).

    "Mr. Biden" is not "Jill Biden".

    Example:
        >>> fitting_names(("Jill Biden", "Joe Biden"), "m"), fitting_names(("Jill Biden",), "")
        (['Joe Biden'], ['Jill Biden'])
    """
    other = {"m": "f", "f": "m"}.get(gender, "")
    return [c for c in candidates if not other or given_name_gender(c) != other]


def first_bearer(text: str, candidates: Sequence[str], gender: str = "") -> str:
    """Rule ``first-bearer``: of several people named with one surname, the one the article names first.

    Args:
        text: The article's text.
        candidates: The registry names that end with the surname (no title opening them).
        gender: "m" or "f" from the speaker's title ("Mr. Biden"), else "".

    Returns:
        The longest written form of the first-named person whose given name fits ``gender``; "" when the
        candidates are one person (the caller keeps the longest name, as before).

    Example:
        >>> text = "Joe Biden spoke. His wife, Jill Biden, and his son Hunter Biden listened. Biden said it."
        >>> names = ("Hunter Biden", "Jill Biden", "Joe Biden")
        >>> first_bearer(text, names)
        'Joe Biden'
        >>> text2 = "Jill Biden, Hunter Biden and Joe Biden came."
        >>> first_bearer(text2, names, "m")
        'Hunter Biden'
        >>> first_bearer("Donald J. Trump spoke. Donald Trump left.", ("Donald J. Trump", "Donald Trump"))
        ''
    """
    fitting = fitting_names(candidates, gender)
    if len(fitting) < 2 or all(_same_person(fitting[0], c) for c in fitting[1:]):
        return ""
    placed = [(text.find(c), c) for c in fitting if text.find(c) >= 0]
    if not placed:
        return ""
    first = min(placed)[1]
    return max((c for c in fitting if _same_person(first, c)), key=len)
