"""The rules behind `find_dates`: one function per pattern of `date_grammar`, each turning a
match into an interval seen from the publication date (policies in `marsad.text.dates`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.model import DateInterval
from marsad.text import calendar_math as cal
from marsad.text.date_grammar import (
    AGO_UNITS,
    DAYS_BACK,
    PART_WORDS,
    RECENT_UNITS,
    RELATION_WORDS,
    SEASON_WORDS,
    SPAN_PARTS,
    Grammar,
)
from marsad.text.numerals import parse_number_words

_DAYS_IN_WEEK = 7
_MULTI_SPACE = re.compile(r"\s+")
# "منذ/قبل N …" with N above this is not a span of time (a year, a count of something else).
_MAX_AGO_COUNT = 400
# Words after "اليوم" that make it "the day" of a story rather than today (normalized).
_DAY_OF_A_STORY = frozenset(
    {"التالي", "الموالي", "السابق", "نفسه", "ذاته", "الاخير", "المحدد", "الذي", "الوطني", "العالمي"}
)


@dataclass(frozen=True, slots=True)
class Found:
    start: int  # normalized offsets
    end: int
    interval: DateInterval | None
    kind: str
    has_year: bool


_Rule = Callable[[Grammar, "re.Match[str]", "date | None"], "Found | None"]
# A rule is tried when one of its cues is in the text: a literal, MONTH, or a pattern.
_Cue = str | re.Pattern[str]


# Cheap substring tests before each pattern: most articles hold a few kinds of date only, and a
# scan for a literal is far cheaper than a regex scan with lookbehinds. MONTH = a month name seen;
# a pattern cue is one that starts with a letter or digit class (see `Grammar`), also cheap.
_MONTH = "<month>"


def rules(g: Grammar) -> tuple[tuple[re.Pattern[str], _Rule, tuple[_Cue, ...]], ...]:
    return (
        (g.absolute, _absolute, (_MONTH,)),
        (g.day_range, _day_range, (_MONTH, "الشهر")),
        (g.numeric, _numeric, (g.numeric_cue,)),
        (g.part_of_month, _part_of_month, (_MONTH, "الشهر")),
        (g.month, _month, (_MONTH,)),
        (g.relative_month, _relative_month, ("الشهر", "الجاري", "الحالي")),
        (g.year, _year, ("عام", "سنه", "هذا العام")),
        (g.bare_year, _bare_year, (g.bare_year_cue,)),
        (g.relative_day, _relative_day, ("امس", "اليوم", "البارحه", "الليله", "غد")),
        (g.night_span, _night_span, ("ليل",)),
        (g.weekday, _weekday, tuple(g.weekdays)),  # the names of weekdays.tsv, normalized
        (g.ago, _ago, ("منذ", "قبل")),
        (g.recent_hours, _recent_hours, ("ساع",)),
        (
            g.recent_span,
            _recent_span,
            ("الماضي", "الاخير", "المنصرم", "الفايت", "المقبل", "القادم"),
        ),
        (g.relative_period, _relative_period, ("الاسبوع", "الشهر")),
    )


def worth_trying(text: str, cues: tuple[_Cue, ...], *, has_month: bool) -> bool:
    for cue in cues:
        if isinstance(cue, re.Pattern):
            if cue.search(text) is not None:
                return True
        elif cue == _MONTH:
            if has_month:
                return True
        elif cue in text:
            return True
    return False


def mentions_month(g: Grammar, text: str) -> bool:
    """Whether `g.month_name` occurs in `text`, tried only where a month name's letters begin.

    `month_name` starts with a lookbehind, so a plain search tries it at every position; a
    month name is found at position p only where `month_word` matches at p too, and those
    positions are few and quick to find.
    """
    candidate = g.month_word.search(text)
    while candidate is not None:
        if g.month_name.match(text, candidate.start()) is not None:
            return True
        candidate = g.month_word.search(text, candidate.start() + 1)
    return False


def _span(match: re.Match[str]) -> tuple[int, int]:
    start, end = match.span()
    if "clitic" in match.re.groupindex and match.group("clitic"):
        start = match.end("clitic")  # "وأمس": the conjunction is not part of the date
    text = match.string
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",،(/-"):
        end -= 1
    # "الأربعاء (20 مايو 2015)": close a parenthesis the expression opened.
    if text.count("(", start, end) > text.count(")", start, end):
        closing = end
        while closing < len(text) and text[closing] == " ":
            closing += 1
        if closing < len(text) and text[closing] == ")":
            end = closing + 1
    return start, end


def _found(match: re.Match[str], interval: DateInterval | None, kind: str, has_year: bool) -> Found:
    start, end = _span(match)
    return Found(start, end, interval, kind, has_year)


# --- month-based expressions ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _MonthRef:
    month: int
    calendar: str
    year: int | None  # explicit year
    relation: str | None  # past | current | next (of the month)
    year_relation: str | None  # of the year: "مايو العام الماضي"


def _month_ref(
    g: Grammar, match: re.Match[str], *, needs_context: bool, dated: bool = False
) -> _MonthRef | None:
    chunk = match.group("month")
    names = [g.months[_MULTI_SPACE.sub(" ", m.group())] for m in g.month_name.finditer(chunk)]
    if not names:
        return None
    first = names[0]
    year_text = match.group("year")
    relation = RELATION_WORDS.get(match.group("rel") or "")
    year_relation = RELATION_WORDS.get(match.group("yrel") or "")
    has_context = len(names) > 1 or year_text or relation or year_relation
    if needs_context and first.ambiguous and not has_context:
        return None
    if first.calendar == "hijri" and year_text is None and not dated:
        # "رمضان" alone names the month of fasting, not a datable month; with a day ("الخامس من
        # رمضان") it is that day of the latest such month
        return None
    year = int(year_text) if year_text else None
    return _MonthRef(first.month, first.calendar, year, relation, year_relation)


def _resolve_year(ref: _MonthRef, published: date | None) -> int | None:
    if ref.year is not None:
        return ref.year
    if published is None:
        return None
    if ref.year_relation is not None:
        return published.year + {"past": -1, "current": 0, "next": 1}[ref.year_relation]
    return cal.year_of_month(ref.month, published, ref.relation)


def _day_of(g: Grammar, match: re.Match[str]) -> int | None:
    if match.group("day"):
        return int(match.group("day"))
    ordinal = match.group("ordinal")
    return g.ordinals.get(_MULTI_SPACE.sub(" ", ordinal)) if ordinal else None


def _absolute(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    ref = _month_ref(g, match, needs_context=False, dated=True)
    day_of_month = _day_of(g, match)
    if ref is None or day_of_month is None or not 1 <= day_of_month <= 31:
        return None
    interval: DateInterval | None = None
    if ref.calendar == "hijri" and ref.year is None:
        if not (match.group("ordinal") or re.search(r"\s(?:من|شهر)\s", match.group())):
            return None  # "7 صفر" may be a score; "السابع من صفر" is a day
        latest = None if published is None else cal.latest_hijri(ref.month, day_of_month, published)
        interval = None if latest is None else cal.day(latest)
        return _found(match, interval, "absolute", False)
    year = _resolve_year(ref, published)
    if year is not None and ref.calendar == "hijri":
        converted = cal.hijri_to_gregorian(year, ref.month, day_of_month)
        interval = None if converted is None else cal.day(converted)
    elif year is not None:
        value = cal.safe_date(year, ref.month, day_of_month)
        # "31 شباط": no such day; the match still stands so that "شباط" alone is not read.
        interval = None if value is None else cal.day(value)
    return _found(match, interval, "absolute", ref.year is not None)


def _day_range(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    first, last = int(match.group("d1")), int(match.group("d2"))
    if match.group("mrel"):
        # "بين 5 و9 من الشهر الجاري"
        if not 1 <= first < last <= 31:
            return None
        if published is None:
            return _found(match, None, "range", False)
        back = {"past": 1, "current": 0, "next": -1}[RELATION_WORDS[match.group("mrel")]]
        rel_year, rel_month = cal.shift_months(published, back)
        since = cal.safe_date(rel_year, rel_month, first)
        until = cal.safe_date(rel_year, rel_month, last)
        if since is None or until is None:
            return None
        return _found(match, cal.days(since, until), "range", False)
    ref = _month_ref(g, match, needs_context=False)
    if ref is None or ref.calendar != "gregorian" or not 1 <= first < last <= 31:
        return None
    year = _resolve_year(ref, published)
    interval: DateInterval | None = None
    if year is not None:
        start, end = cal.safe_date(year, ref.month, first), cal.safe_date(year, ref.month, last)
        if start is None or end is None:
            return None
        interval = cal.days(start, end)
    return _found(match, interval, "range", ref.year is not None)


def numeric_date(match: re.Match[str]) -> date | None:
    if match.group("y"):
        return cal.safe_date(int(match.group("y")), int(match.group("mo")), int(match.group("d")))
    return cal.safe_date(int(match.group("y2")), int(match.group("mo2")), int(match.group("d2")))


def _numeric(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    del g, published
    value = numeric_date(match)
    return None if value is None else _found(match, cal.day(value), "absolute", True)


def _part_of_month(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    if match.group("mrel"):
        if published is None:
            return _found(match, None, "month", False)
        back = {"past": 1, "current": 0, "next": -1}[RELATION_WORDS[match.group("mrel")]]
        year, month = cal.shift_months(published, back)
        return _found(match, _stretch(match, year, month), "month", False)
    ref = _month_ref(g, match, needs_context=False)
    if ref is None or ref.calendar != "gregorian":
        return None
    year_value = _resolve_year(ref, published)
    interval = None if year_value is None else _stretch(match, year_value, ref.month)
    return _found(match, interval, "month", ref.year is not None)


def _stretch(match: re.Match[str], year: int, month: int) -> DateInterval:
    """The days of the month a part word ("مطلع") or a named stretch ("النصف الأول") says."""
    if not match.group("stretch"):
        return cal.part_of_month(year, month, PART_WORDS[match.group("part")])
    first, last = SPAN_PARTS[_MULTI_SPACE.sub(" ", match.group("stretch"))]
    length = cal.month_length(year, month)
    first = first if first > 0 else length + first
    start, end = date(year, month, first), date(year, month, min(last, length))
    return cal.days(start, end, cal.WEEK_OR_PART)


def _month(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    ref = _month_ref(g, match, needs_context=match.group("shahr") is None)
    if ref is None:
        return None
    year = _resolve_year(ref, published)
    interval: DateInterval | None = None
    if year is not None:
        interval = (
            cal.hijri_month(year, ref.month)
            if ref.calendar == "hijri"
            else cal.whole_month(year, ref.month)
        )
    return _found(match, interval, "month", ref.year is not None)


def _relative_month(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    day_of_month = _day_of(g, match)
    if day_of_month is None:
        return None
    if not match.group("this_month") and (
        not match.group("day") or RELATION_WORDS[match.group("mrel")] != "current"
    ):
        return None  # "يوم 9 الجاري" is this month's 9th; a bare ordinal or "الماضي" is not
    if published is None:
        return _found(match, None, "absolute", False)
    back = {"past": 1, "current": 0, "next": -1}[RELATION_WORDS[match.group("mrel")]]
    year, month = cal.shift_months(published, back)
    value = cal.safe_date(year, month, day_of_month)
    return None if value is None else _found(match, cal.day(value), "absolute", False)


# "مطلع العام 2015" is its first two months (dev gold: 1 Jan – 28 Feb), "أواخر عام" its last two.
_PART_OF_YEAR_MONTHS = {"early": (1, 2), "middle": (6, 7), "late": (11, 12)}


def _part_of_year(year: int, part: str | None, season: str | None = None) -> DateInterval:
    if season is not None:
        first, last = SEASON_WORDS[season]
    elif part is None:
        return cal.whole_year(year)
    else:
        first, last = _PART_OF_YEAR_MONTHS[part]
    start = cal.whole_month(year, first).start
    return cal.days(start, cal.whole_month(year, last).end, precision=3)


def _year(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    del g
    part = PART_WORDS[match.group("ypart")] if match.group("ypart") else None
    season = match.group("season")
    if match.group("year"):
        year = int(match.group("year"))
        if match.group("era") == "ه":  # "عام 1443 هـ": a Hijri year
            return _found(match, cal.hijri_year(year), "year", True)
        return _found(match, _part_of_year(year, part, season), "year", True)
    if published is None:
        return _found(match, None, "year", False)
    relation = "current" if match.group("this") else RELATION_WORDS[match.group("yrel")]
    year = published.year + {"past": -1, "current": 0, "next": 1}[relation]
    return _found(match, _part_of_year(year, part, season), "year", False)


def _bare_year(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    del g, published
    prep = match.group("prep")
    part = PART_WORDS.get(prep)
    return _found(match, _part_of_year(int(match.group("year")), part, None), "year", True)


# --- day-based relative expressions ---------------------------------------------------------


def _relative_day(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    word = _MULTI_SPACE.sub(" ", match.group("rel"))
    if word == "اليوم" and not (match.group("pod") or match.group("wd")):
        following = match.string[match.end() : match.end() + 24].split()
        next_word = following[0] if following else ""
        if next_word in _DAY_OF_A_STORY or next_word in g.ordinals:
            return None  # "اليوم التالي", "اليوم الثالث": a day of a story, not today
    if word == "الغد" and not (match.group("pod") or _TOMORROW_BEFORE.search(match.group(0))):
        return None  # "تيار الغد": a name; the day is "مساء الغد", "يوم الغد"
    if published is None:
        return _found(match, None, "relative", False)
    value = published - timedelta(days=DAYS_BACK[word])
    return _found(match, cal.day(value), "relative", False)


_TOMORROW_BEFORE = re.compile(r"^(?:[وفبل])?يوم\s")


def _night_span(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    first = g.weekdays[match.group("wd1")]
    second = g.weekdays[match.group("wd2")]
    if (first + 1) % _DAYS_IN_WEEK != second:
        return None
    if published is None:
        return _found(match, None, "range", False)
    end = cal.weekday_on_or_before(published, second, strictly_before=False)
    if match.group("after"):
        return _found(match, cal.day(end), "range", False)
    return _found(match, cal.days(end - timedelta(days=1), end), "range", False)


def _weekday(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    if published is None:
        return _found(match, None, "weekday", False)
    weekday = g.weekdays[match.group("wd")]
    relation = RELATION_WORDS.get(match.group("rel") or "")
    if relation == "next":
        value = cal.weekday_after(published, weekday)
    else:
        value = cal.weekday_on_or_before(published, weekday, strictly_before=relation == "past")
    return _found(match, cal.day(value), "weekday", False)


def _ago_count(match: re.Match[str], unit_count: int) -> int | None:
    if match.group("count"):
        return int(match.group("count"))
    words = match.group("words")
    if words:
        return parse_number_words(words)
    return unit_count if unit_count else None


def _ago(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    del g
    unit, unit_count = AGO_UNITS[match.group("unit")]
    count = _ago_count(match, unit_count)
    if match.group("words") and count is None:
        return None
    if count is not None and count > _MAX_AGO_COUNT:
        return None  # "منذ 2022 عام" is a year misread, not a span of time
    if published is None:
        return _found(match, None, "relative", False)
    if count is None:  # "قبل أيام", "منذ أسابيع": a bare plural
        if unit != "day":
            return None
        week = cal.days(published - timedelta(days=7), published - timedelta(days=1), 2)
        return _found(match, week, "relative", False)
    interval = _back(published, unit, count, qualified=bool(match.group("qual")))
    return _found(match, interval, "relative", False)


def _back(published: date, unit: str, count: int, *, qualified: bool) -> DateInterval:
    if unit in ("day", "hour"):
        days = count if unit == "day" else count // 24
        point = published - timedelta(days=days)
        return cal.days(point, point, 2 if qualified else cal.DAY)
    if unit == "week":
        point = published - timedelta(days=7 * count)
        return cal.days(point, point, cal.WEEK_OR_PART)
    months = count if unit == "month" else 12 * count
    year, month = cal.shift_months(published, months)
    return cal.whole_month(year, month)


def _relative_period(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    del g
    relation = "current" if match.group("this") else RELATION_WORDS.get(match.group("rel") or "")
    if relation is None:
        return None
    if published is None:
        return _found(match, None, "relative", False)
    if match.group("period") == "الاسبوع":
        if relation == "next":
            return _found(match, cal.next_week(published), "relative", False)
        week = cal.previous_week(published) if relation == "past" else cal.current_week(published)
        return _found(match, week, "relative", False)
    shift = {"past": 1, "current": 0, "next": -1}[relation]
    year, month = cal.shift_months(published, shift)
    return _found(match, cal.whole_month(year, month), "relative", False)


def _recent_span(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    """A span ending at the report: "خلال الأيام الثلاثة الماضية" = the three days up to it."""
    del g
    unit, default = RECENT_UNITS[match.group("unit")]
    count: int | None = default
    if match.group("count"):
        count = int(match.group("count"))
    elif match.group("words"):
        # "الأربع والعشرين" → "أربع وعشرين": the number words without their article
        words = match.group("words").replace("وال", "و").removeprefix("ال")
        count = parse_number_words(words)
    if count is None or count < 1 or count > _MAX_AGO_COUNT:
        return None
    if published is None:
        return _found(match, None, "relative", False)
    days = {"hour": max(1, count // 24), "day": count, "week": 7 * count}[unit]
    if match.group("ahead"):
        # "خلال الأيام المقبلة": the span that starts after the report (a plan, an expectation)
        start = published if unit == "hour" else published + timedelta(days=1)
        first, last = start, published + timedelta(days=days)
        return _found(match, cal.days(first, last, cal.WEEK_OR_PART), "relative", False)
    interval = cal.days(published - timedelta(days=days), published, cal.WEEK_OR_PART)
    return _found(match, interval, "relative", False)


def _recent_hours(g: Grammar, match: re.Match[str], published: date | None) -> Found | None:
    """ "خلال الساعات الماضية", "الـ24 ساعة الأخيرة": the day before publication and that day."""
    del g
    if published is None:
        return _found(match, None, "relative", False)
    interval = cal.days(published - timedelta(days=1), published, cal.WEEK_OR_PART)
    return _found(match, interval, "relative", False)
