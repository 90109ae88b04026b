"""Date expressions in Arabic news, resolved to intervals (codebook §5).

`find_dates(text, published=...)` finds absolute dates (both month-name sets, paired months,
numeric and Hijri dates), day ranges, parts of months, months, years, and relative expressions
(أمس، أول من أمس، ليل …، منذ أسبوع، الخميس الماضي، الشهر الجاري), and resolves them against the
publication date. Policies:

- A bare weekday is the most recent such day on or before publication ("الخميس" in a Thursday
  report is that Thursday); with "الماضي(ة)" strictly before; with "المقبل(ة)" strictly after
  (classify moves a planned act's bare weekday forward). "غداً", "مساء الغد", "بعد غد" count
  forward from publication; "الأسبوع المقبل" is the next Saturday-Friday week, "الشهر المقبل"
  the next month.
- A night span ("ليل الأربعاء- الخميس", "ليل الأربعاء وفجر الخميس") covers both days, precision 1;
  "بعد منتصف ليل الاثنين/الثلاثاء" is the second day.
- "منذ/قبل N أيام" is the day N days back (precision 1); weeks are the day 7N back (precision 2);
  months and years are the whole calendar month N back (precision 3); "قبل أيام" (no count) is the
  week before publication (precision 2).
- A month without a year is the most recent such month not after the publication month; with
  "الماضي" strictly before it, with "الجاري" the publication month, with "المقبل" the next one.
- Without a publication date, an expression without a year resolves to None: nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from marsad.model import DateInterval
from marsad.text.date_grammar import grammar
from marsad.text.date_rules import Found, mentions_month, numeric_date, rules, worth_trying
from marsad.text.normalize import Normalized, normalize, normalize_key, original_span_with_marks
from marsad.text.spans import leftmost_longest

DATE_KINDS = ("absolute", "relative", "weekday", "month", "year", "range")
# A dateline sits near the top of an article page: title, byline, date (first ~300 characters).
DATELINE_WINDOW_CHARS = 300


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    text: str
    interval: DateInterval | None
    kind: str  # one of DATE_KINDS
    has_year: bool


def find_dates(
    text: str | Normalized, *, published: date | None, original: str | None = None
) -> tuple[DateMatch, ...]:
    """Every date expression, leftmost-longest, with its interval (None when unresolvable)."""
    norm = text if isinstance(text, Normalized) else normalize(text)
    source = original if original is not None else (text if isinstance(text, str) else None)
    if source is None:
        raise ValueError("find_dates needs the original text with a Normalized input")
    g = grammar()
    found: list[Found] = []
    has_month = mentions_month(g, norm.text)
    for pattern, rule, cues in rules(g):
        if not worth_trying(norm.text, cues, has_month=has_month):
            continue
        for match in pattern.finditer(norm.text):
            try:
                result = rule(g, match, published)
            except (OverflowError, ValueError):
                result = None  # arithmetic past date.min/date.max: not a date we can place
            if result is not None:
                found.append(result)
    out: list[DateMatch] = []
    for item in leftmost_longest(found, lambda f: (f.start, f.end)):
        start, end = original_span_with_marks(norm, source, item.start, item.end)
        text_of = source[start:end]
        out.append(DateMatch(start, end, text_of, item.interval, item.kind, item.has_year))
    return _weekday_with_date(out, source)


# "يوم الجمعة (23/3/2024)": a weekday glossed by a date. When the two disagree by a day or two
# (a report written after midnight, a Friday protest dated Saturday) the event covers both days
# (train gold codes 22–23 March for that text); when they agree, the date alone.
_GLOSS_GAP = re.compile(r"^[\s(،,\-–]*$")
WEEKDAY_GLOSS_MAX_DAYS = 2


def _weekday_with_date(found: list[DateMatch], source: str) -> tuple[DateMatch, ...]:
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        first = found[i]
        second = found[i + 1] if i + 1 < len(found) else None
        merged = _glossed(first, second, source) if second is not None else None
        if merged is not None:
            out.append(merged)
            i += 2
            continue
        out.append(first)
        i += 1
    return tuple(out)


def _glossed(weekday: DateMatch, dated: DateMatch, source: str) -> DateMatch | None:
    if weekday.kind != "weekday" or dated.interval is None or not dated.has_year:
        return None
    if dated.interval.precision != 1 or dated.interval.start != dated.interval.end:
        return None
    if not _GLOSS_GAP.match(source[weekday.end : dated.start]):
        return None
    named = _weekday_number(weekday.text)
    if named is None:
        return None
    day = dated.interval.start
    back = (day.weekday() - named) % 7  # days from the named weekday back to the date
    if back == 0:
        interval = dated.interval
    elif back <= WEEKDAY_GLOSS_MAX_DAYS:
        interval = DateInterval(day - timedelta(days=back), day, 1)
    elif 7 - back <= WEEKDAY_GLOSS_MAX_DAYS:
        interval = DateInterval(day, day + timedelta(days=7 - back), 1)
    else:
        return None
    text = source[weekday.start : dated.end]
    return DateMatch(weekday.start, dated.end, text, interval, "absolute", True)


def _weekday_number(text: str) -> int | None:
    weekdays = grammar().weekdays
    for word in text.split():
        number = weekdays.get(normalize_key(word))
        if number is not None:
            return number
    return None


# An undated report's day expressions as constraints (issue 5, item 3): "الثلاثاء" with no
# publication date cannot be placed on a calendar, but it says the day was a Tuesday; "يوم 8 الجاري"
# says it was the 8th of some month. Resolving the expression from a stand-in publication day gives
# its day of the month (the month and year it gives are the stand-in's, and are dropped).
_STAND_IN_DAY = date(2000, 1, 31)  # a 31-day month, so every day of the month resolves
_HINT_MAX_DAYS = 3  # a longer span ("between the 8th and the 20th") constrains too little
_WRITING_DAY_WORDS = ("اليوم", "الليله")  # "اليوم الثلاثاء": the day the report was written
_SINCE = re.compile(r"(?:^|\s)[وف]?منذ\s*$")
_SINCE_WINDOW_CHARS = 8


@dataclass(frozen=True, slots=True)
class DayHint:
    """What an expression with no calendar date says of its day: its weekdays (Monday = 0) and
    its days of the month, either possibly empty; `today` when it names the day of writing."""

    start: int
    end: int
    weekdays: frozenset[int]
    month_days: frozenset[int]
    today: bool


def day_hints(text: str) -> tuple[DayHint, ...]:
    """The weekday and day-of-month constraints of the date expressions in `text` that do not
    resolve without a publication date (those with a year are dates, not hints). Once the text
    names its day of writing ("اليوم الأحد"), "أمس" and "أول من أمس" name weekdays too."""
    found: list[tuple[DateMatch, DayHint | None]] = []
    for match in find_dates(text, published=None):
        if match.interval is not None or match.has_year:
            continue
        if _SINCE.search(text, max(0, match.start - _SINCE_WINDOW_CHARS), match.start):
            continue  # "المعارك دائرة منذ الأحد": they began that day and go on to the writing day
        weekdays = _weekday_numbers(match.text)
        month_days = _month_days(match) if not weekdays else frozenset[int]()
        today = any(w in _WRITING_DAY_WORDS for w in normalize_key(match.text).split())
        named = DayHint(match.start, match.end, weekdays, month_days, today and bool(weekdays))
        found.append((match, named if weekdays or month_days else None))
    writing = next((h for _, h in found if h is not None and h.today), None)
    out: list[DayHint] = []
    for match, hint in found:
        if hint is None and writing is not None and match.kind == "relative":
            hint = _relative_hint(match, writing)
        if hint is not None:
            out.append(hint)
    return tuple(out)


def _relative_hint(match: DateMatch, writing: DayHint) -> DayHint | None:
    """ "أمس" in a report written on a named weekday: the weekday before it."""
    if len(writing.weekdays) != 1:
        return None
    (weekday,) = writing.weekdays
    stand_in = _STAND_IN_DAY + timedelta(days=(weekday - _STAND_IN_DAY.weekday()) % 7)
    for resolved in find_dates(match.text, published=stand_in):
        interval = resolved.interval
        if interval is None or (interval.end - interval.start).days >= _HINT_MAX_DAYS:
            continue
        span = (interval.end - interval.start).days
        days = frozenset((interval.start + timedelta(days=i)).weekday() for i in range(span + 1))
        return DayHint(match.start, match.end, days, frozenset(), days == writing.weekdays)
    return None


def _weekday_numbers(text: str) -> frozenset[int]:
    weekdays = grammar().weekdays
    named = (weekdays.get(normalize_key(word).strip("()،,")) for word in text.split())
    return frozenset(n for n in named if n is not None)


def _month_days(match: DateMatch) -> frozenset[int]:
    if match.kind not in ("absolute", "range"):
        return frozenset()
    for resolved in find_dates(match.text, published=_STAND_IN_DAY):
        interval = resolved.interval
        if interval is None or (interval.end - interval.start).days >= _HINT_MAX_DAYS:
            continue
        span = (interval.end - interval.start).days
        return frozenset((interval.start + timedelta(days=i)).day for i in range(span + 1))
    return frozenset()


def resolve_relative(expression: str, published: date | None) -> DateInterval | None:
    """The interval of the first date expression in `expression`, seen from `published`."""
    for match in find_dates(expression, published=published):
        if match.interval is not None:
            return match.interval
    return None


def parse_published(value: str) -> date | None:
    """A publication date from ISO date/date-time, "17/04/2022", or RFC 2822; else None."""
    text = value.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    numeric = grammar().numeric.fullmatch(normalize(text).text)
    if numeric is not None:
        return numeric_date(numeric)
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def publication_date_from_text(text: str) -> tuple[date, int, int] | None:
    """A full dateline (day, month, year) near the top of an article, with its original span."""
    head = text[:DATELINE_WINDOW_CHARS]
    for match in find_dates(head, published=None):
        interval = match.interval
        if match.has_year and interval is not None and interval.start == interval.end:
            return interval.start, match.start, match.end
    return None
