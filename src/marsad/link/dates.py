"""Dates across reports: an undated report's record takes its date from the linked event.

Codebook §5: with no publication date and no year in the text a record's date is null, and linking
may supply it from a dated report of the same happening. Applied after clustering, and only then:
- the record's article has no publication date (a dated article's null means the text gave no
  date, which another report cannot fix);
- the event has a date, and its records do not dispute it (else there is no one date to take).
The interval keeps the event's precision (it is the dated reports' statement, not a guess), has no
span (no text of this article says it), and the rule records that linking supplied it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import timedelta

from marsad.model import Article, Claim, DateInterval, DateRef, Event
from marsad.text.dates import DayHint

INHERITED_DATE_RULE = "link.date@1"


HINT_NARROWS_DAYS = 6  # an event's interval up to a week: one weekday in it is one day


def event_weekdays(hint: DayHint) -> frozenset[int]:
    """The weekdays a report may date the happening on when a text with no date names one: the
    one named; for the day of writing ("ذكر مراسلون اليوم الخميس", when sources told what
    happened) that day or the one before. A day's lag after a named weekday was tried and
    dropped: it let two happenings a day apart in one town link (train gold-built linking
    0.810 -> 0.807)."""
    if not hint.today:
        return hint.weekdays
    return hint.weekdays | frozenset((w - 1) % 7 for w in hint.weekdays)


def inherit_dates(
    claims: Iterable[Claim],
    events: Mapping[str, Event],
    articles: Mapping[str, Article],
    told: Mapping[str, DayHint] | None = None,
) -> tuple[Claim, ...]:
    """The claims, with dates supplied from their events where the codebook allows; `told` is
    what an undated claim's text says of its day (facts.told_days)."""
    hints = told or {}
    return tuple(_with_inherited_date(c, events, articles, hints.get(c.id)) for c in claims)


def _with_inherited_date(
    claim: Claim,
    events: Mapping[str, Event],
    articles: Mapping[str, Article],
    hint: DayHint | None = None,
) -> Claim:
    if claim.date is not None or claim.event_id is None:
        return claim
    article = articles.get(claim.article_id)
    if article is not None and article.published is not None:
        return claim
    event = events.get(claim.event_id)
    if event is None or event.date is None or any(d.field == "date" for d in event.disputes):
        return claim
    interval = event.date if hint is None else _narrowed(event.date, hint)
    if interval is None:
        return claim  # the text names a day the event's dates do not hold: nothing to take
    return replace(claim, date=DateRef(interval, None), rule=f"{claim.rule}+{INHERITED_DATE_RULE}")


def _narrowed(interval: DateInterval, hint: DayHint) -> DateInterval | None:
    """The event's interval seen through the day the claim's text names: the one day of it
    with that weekday (or day of the month), the whole interval when it is too long to tell or
    several days fit, None when none does. A day of writing (`hint.today`) says only "that day
    or the one before", so it narrows nothing, but it can still rule an interval out."""
    span = (interval.end - interval.start).days
    if span > HINT_NARROWS_DAYS:
        return interval
    weekdays = event_weekdays(hint)
    days = [
        day
        for day in (interval.start + timedelta(days=i) for i in range(span + 1))
        if (not weekdays or day.weekday() in weekdays)
        and (not hint.month_days or day.day in hint.month_days)
    ]
    if not days:
        return None
    if len(days) == 1 and not hint.today:
        return DateInterval(days[0], days[0], 1)
    return interval
