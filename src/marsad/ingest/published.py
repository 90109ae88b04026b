"""Publication dates from metadata; anything unparsable is unknown (None), never today's date.

Strings go to `marsad.text.dates.parse_published` (ISO dates and date-times, day/month/year
numerals in either digit set, RFC 2822 as feeds write it).
"""

from __future__ import annotations

import time
from datetime import date, datetime

from marsad.text.dates import parse_published as parse_date_text


def parse_published(value: object) -> date | None:
    """The calendar date of a metadata value (in its own time zone), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None  # a bare number (20220417, a Unix time) is too ambiguous to guess
    return parse_date_text(value)


def date_from_struct(value: time.struct_time | None) -> date | None:
    """feedparser's parsed dates (UTC struct_time) as a date."""
    if value is None:
        return None
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:
        return None
