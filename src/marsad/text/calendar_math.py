"""Calendar arithmetic for date expressions: months, parts of months, weeks, Hijri dates.

Every function here is pure and small; the policies (which March is "آذار الماضي", what "the
previous week" is) are written down here once so that the date grammar only reads words.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from marsad.model import DateInterval

DAY, WEEK_OR_PART, MONTH_OR_LONGER = 1, 2, 3  # codebook §5 precision levels

# Parts of a month (codebook §5): early 1-10, middle 11-20, late 21-end.
PART_OF_MONTH_DAYS = {"early": (1, 10), "middle": (11, 20), "late": (21, 31)}
# Syrian and most Arab working weeks start on Saturday (date.weekday() == 5).
WEEK_START_WEEKDAY = 5


def day(value: date) -> DateInterval:
    return DateInterval(value, value, DAY)


def days(start: date, end: date, precision: int = DAY) -> DateInterval:
    return DateInterval(start, end, precision)


def month_length(year: int, month: int) -> int:
    return _stdlib_calendar.monthrange(year, month)[1]


def safe_date(year: int, month: int, day_of_month: int) -> date | None:
    """The date, or None when the day does not exist in that month (or the year is absurd)."""
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        return None
    if not 1 <= day_of_month <= month_length(year, month):
        return None
    return date(year, month, day_of_month)


def whole_month(year: int, month: int) -> DateInterval:
    return DateInterval(
        date(year, month, 1), date(year, month, month_length(year, month)), MONTH_OR_LONGER
    )


def whole_year(year: int) -> DateInterval:
    return DateInterval(date(year, 1, 1), date(year, 12, 31), MONTH_OR_LONGER)


def part_of_month(year: int, month: int, part: str) -> DateInterval:
    first, last = PART_OF_MONTH_DAYS[part]
    last = min(last, month_length(year, month))
    return DateInterval(date(year, month, first), date(year, month, last), WEEK_OR_PART)


def year_of_month(month: int, published: date, relation: str | None) -> int:
    """The year of a month named without one, seen from the publication date.

    None: the most recent such month not after the publication month. "past": the previous
    occurrence, strictly before the publication month. "current": the publication year.
    "next": the next occurrence, strictly after the publication month.
    """
    if relation == "current":
        return published.year
    if relation == "past":
        return published.year if month < published.month else published.year - 1
    if relation == "next":
        return published.year if month > published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def shift_months(value: date, months: int) -> tuple[int, int]:
    """(year, month) `months` calendar months before (negative: after) `value`'s month."""
    index = value.year * 12 + (value.month - 1) - months
    return index // 12, index % 12 + 1


def weekday_on_or_before(published: date, weekday: int, *, strictly_before: bool) -> date:
    """The most recent `weekday` on or before `published` (strictly before for "الماضي")."""
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - timedelta(days=back)


def weekday_after(published: date, weekday: int) -> date:
    ahead = (weekday - published.weekday()) % 7
    return published + timedelta(days=ahead or 7)


def previous_week(published: date) -> DateInterval:
    """The Saturday-Friday week before the one holding `published`."""
    this_week = published - timedelta(days=(published.weekday() - WEEK_START_WEEKDAY) % 7)
    return DateInterval(this_week - timedelta(days=7), this_week - timedelta(days=1), WEEK_OR_PART)


def next_week(published: date) -> DateInterval:
    """The Saturday-Friday week after the one holding `published` ("الأسبوع المقبل")."""
    this_week = published - timedelta(days=(published.weekday() - WEEK_START_WEEKDAY) % 7)
    return DateInterval(this_week + timedelta(days=7), this_week + timedelta(days=13), WEEK_OR_PART)


def current_week(published: date) -> DateInterval:
    this_week = published - timedelta(days=(published.weekday() - WEEK_START_WEEKDAY) % 7)
    return DateInterval(this_week, published, WEEK_OR_PART)


def hijri_to_gregorian(year: int, month: int, day_of_month: int) -> date | None:
    """A Hijri (Umm al-Qura) date in the Gregorian calendar, or None outside hijridate's range."""
    try:
        converted = Hijri(year, month, day_of_month).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(converted.year, converted.month, converted.day)


def hijri_month(year: int, month: int) -> DateInterval | None:
    first = hijri_to_gregorian(year, month, 1)
    if first is None:
        return None
    try:
        length = Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    return DateInterval(first, first + timedelta(days=length - 1), MONTH_OR_LONGER)


def hijri_year(year: int) -> DateInterval | None:
    """The Gregorian days of a Hijri year, or None outside hijridate's range."""
    first = hijri_to_gregorian(year, 1, 1)
    last_month = hijri_month(year, 12)
    if first is None or last_month is None:
        return None
    return DateInterval(first, last_month.end, MONTH_OR_LONGER)


def latest_hijri(month: int, day_of_month: int, published: date) -> date | None:
    """The latest Gregorian day, not after `published`, of a Hijri day and month named without
    a year ("الخامس من رمضان"), or None outside hijridate's range."""
    try:
        year = Gregorian(published.year, published.month, published.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
    for candidate_year in (year, year - 1):
        converted = hijri_to_gregorian(candidate_year, month, day_of_month)
        if converted is not None and converted <= published:
            return converted
    return None
