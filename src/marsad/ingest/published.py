"""Publication dates from metadata: ISO dates and date-times only; anything else is unknown.

`marsad.text.dates.parse_published` (another module) is the general parser; until it is
available this keeps ingest strict: an unparsable value is None, never today's date.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime

_ISO_PREFIX = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")


def parse_published(value: object) -> date | None:
    """The calendar date of an ISO date or date-time string (its own time zone), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_PREFIX.match(value):
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def date_from_struct(value: time.struct_time | None) -> date | None:
    """feedparser's parsed dates (UTC struct_time) as a date."""
    if value is None:
        return None
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:
        return None
