"""Publication dates: parse the usual news formats into dates, and name the period each falls in.

Dates come from input files as text: ISO (``2024-11-23``, ``2024-11-23T10:05:00Z``), written
(``Nov. 23, 2024``, ``23 November 2024``, ``Saturday, November 23, 2024``), RFC 2822 as in RSS
feeds (``Sat, 23 Nov 2024 10:05:00 GMT``) and US numeric (``11/23/2024``; day-first only when
the first number is above 12). A date must carry a four-digit year: ``"yesterday"`` or ``"23 Nov"``
or ``"November 2024"`` is *unparsed*, never guessed. Times are converted to UTC and dropped (a date, not a time).

:func:`parse_dates` returns the dates with the rows it could not read, so that a caller can
report them; :func:`period_labels` names the week, month, quarter or year of each date.

Example:
    >>> import pandas as pd
    >>> parsed = parse_dates(pd.Series(["2024-11-23", "Nov. 24, 2024", "soon", ""]))
    >>> [str(d.date()) if d == d else None for d in parsed.dates]
    ['2024-11-23', '2024-11-24', None, None]
    >>> parsed.unparsed.tolist()
    [False, False, True, False]
    >>> period_labels(parsed.dates, "month").tolist()[:2]
    ['2024-11', '2024-11']
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, NamedTuple

from newslab.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

#: Periods :func:`period_labels` knows, with the pandas frequency behind each.
PERIODS = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|2100)(?!\d)")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$")
_DEFAULTS = (datetime.datetime(2000, 1, 1), datetime.datetime(2001, 2, 2))  # differ in day and month
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


class ParsedDates(NamedTuple):
    """Dates parsed from text.

    Attributes:
        dates: One ``datetime64`` value per input (``NaT`` where missing or unparsed), same index.
        unparsed: True where a non-empty value could not be read as a date.
        missing: True where the value was empty or absent.
    """

    dates: pd.Series
    unparsed: pd.Series
    missing: pd.Series


def parse_date(text: object) -> pd.Timestamp | None:
    """One date from text in a usual news format (``None`` when it cannot be read safely).

    Args:
        text: ``"2024-11-23"``, ``"Nov. 23, 2024"``, ``"Sat, 23 Nov 2024 10:05:00 GMT"``, ``"11/23/2024"``...

    Returns:
        A midnight ``pandas.Timestamp`` (UTC date of a timed value), or ``None``.

    Example:
        >>> str(parse_date("Sat, 23 Nov 2024 23:30:00 -0500").date())
        '2024-11-24'
        >>> parse_date("last Tuesday") is None
        True
    """
    import pandas as pd

    if text is None or (isinstance(text, float) and text != text):
        return None
    value = str(text).strip()
    if not value or not _YEAR.search(value):
        return None
    numeric = _NUMERIC.match(value)
    try:
        if _ISO.match(value):
            stamp = pd.Timestamp(value)
        elif numeric:
            first, second, year = (int(g) for g in numeric.groups())
            month, day = (second, first) if first > 12 else (first, second)  # US order unless it cannot be
            stamp = pd.Timestamp(year=year, month=month, day=day)
        else:
            from dateutil import parser  # type: ignore[import-untyped]

            cleaned = re.sub(r"(?<=[A-Za-z])\.", "", value)  # "Nov." -> "Nov"
            one = parser.parse(cleaned, default=_DEFAULTS[0])
            if parser.parse(cleaned, default=_DEFAULTS[1]).date() != one.date():
                return None  # no day or no month in the text ("November 2024"): not a date
            stamp = pd.Timestamp(one)
    except (ValueError, OverflowError, TypeError):
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp.normalize()


def parse_dates(values: pd.Series) -> ParsedDates:
    """Parse a column of date strings (see :func:`parse_date`); each distinct string is parsed once.

    Args:
        values: Date strings (e.g. ``Analysis.articles["date"]``).

    Returns:
        :class:`ParsedDates` (dates, unparsed, missing), indexed like ``values``.

    Example:
        >>> import pandas as pd
        >>> parse_dates(pd.Series(["2024-01-05", "n/a"])).unparsed.tolist()
        [False, True]
    """
    import pandas as pd

    text = values.astype("string").fillna("").str.strip()
    distinct = {v: parse_date(v) for v in text.unique()}
    dates = pd.to_datetime(text.map(distinct), errors="coerce")
    missing = text.eq("") | text.str.lower().isin(["nan", "none", "nat", "<na>"])
    unparsed = dates.isna() & ~missing
    return ParsedDates(dates, unparsed.astype(bool), missing.astype(bool))


def period_labels(dates: pd.Series, period: str) -> pd.Series:
    """The period each date falls in, as a sortable label.

    Args:
        dates: ``datetime64`` values (``NaT`` gives ``<NA>``).
        period: ``"week"`` (ISO week, ``2024-W47``), ``"month"`` (``2024-11``), ``"quarter"``
            (``2024Q4``) or ``"year"`` (``2024``).

    Returns:
        A string Series of labels, indexed like ``dates``.

    Raises:
        ParameterError: For an unknown period.

    Example:
        >>> import pandas as pd
        >>> period_labels(pd.Series(pd.to_datetime(["2024-11-23", "2024-12-30"])), "week").tolist()
        ['2024-W47', '2025-W01']
    """
    import pandas as pd

    if period not in PERIODS:
        raise ParameterError(f"period={period!r}; valid: {list(PERIODS)} or None")
    dates = pd.to_datetime(dates)
    if period == "week":
        iso = dates.dt.isocalendar()
        labels = iso["year"].astype("string") + "-W" + iso["week"].astype("string").str.zfill(2)
        return labels.where(dates.notna(), pd.NA).astype("string")
    return dates.dt.to_period(PERIODS[period]).astype("string").where(dates.notna(), pd.NA).astype("string")


def period_start(label: str, period: str) -> pd.Timestamp:
    """The first day of a period named by :func:`period_labels` (for a time axis).

    Example:
        >>> str(period_start("2024-W47", "week").date()), str(period_start("2024Q4", "quarter").date())
        ('2024-11-18', '2024-10-01')
    """
    import pandas as pd

    if period not in PERIODS:
        raise ParameterError(f"period={period!r}; valid: {list(PERIODS)}")
    if period == "week":
        year, week = label.split("-W")
        return pd.Timestamp.fromisocalendar(int(year), int(week), 1)
    return pd.Period(label, freq=PERIODS[period]).start_time.normalize()


__all__ = ["PERIODS", "ParsedDates", "parse_date", "parse_dates", "period_labels", "period_start"]
