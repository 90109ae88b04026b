"""An undated report's weekday (or day of the month) as a constraint on its records' day: a
dated record on that day is consistent and costs less than an unknown time; another day costs
no less than an unknown time; linking lends the day, narrowed by the weekday, and no other."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from link_builders import DOUMA, article, claim, day

from marsad.knowledge.resources import Resources
from marsad.link import link_claims
from marsad.link.actors import ActorTree
from marsad.link.dates import INHERITED_DATE_RULE, event_weekdays, inherit_dates
from marsad.link.facts import facts_from_json, facts_of, facts_to_json, told_days
from marsad.link.scoring import DAY_HINT_FITS, UNKNOWN_TIME, score_parts
from marsad.model import Article, Claim, DateInterval, DateRef, Event
from marsad.text.dates import DayHint

TREE = ActorTree(known=frozenset({"SYR_GOV", "CIV"}))
TUESDAY, THURSDAY = date(2022, 4, 12), date(2022, 4, 14)

# Written for these tests: an undated report of an air strike "on Tuesday", and dated reports
# of a strike on the town that Tuesday, and of another on the Thursday.
UNDATED = (
    "سقط ضحايا مدنيون في غارة جوية استهدفت سوقاً شعبية في مدينة دوما الثلاثاء. "
    "وقال الدفاع المدني إن فرقه انتشلت جثث الضحايا من تحت الأنقاض."
)
ON_TUESDAY = "استهدفت طائرات حربية حياً سكنياً في دوما صباح اليوم وقتلت مدنيين، بحسب مصادر محلية."
ON_THURSDAY = "استهدفت طائرات حربية حياً سكنياً في دوما صباح اليوم وقتلت مدنيين، بحسب مصادر محلية."

UNDATED_REPORT = article("u1", UNDATED)
TUESDAY_REPORT = article("d1", ON_TUESDAY, published=TUESDAY)
THURSDAY_REPORT = article("d2", ON_THURSDAY + " ", published=THURSDAY)


def _undated_strike() -> Claim:
    return claim(
        UNDATED_REPORT,
        "air_strike",
        "سقط ضحايا مدنيون في غارة جوية استهدفت سوقاً شعبية في مدينة دوما الثلاثاء",
        actor2="CIV",
        where=DOUMA,
    )


def _dated_strike(report: Article, when: date) -> Claim:
    return claim(
        report,
        "air_strike",
        "استهدفت طائرات حربية حياً سكنياً في دوما صباح اليوم",
        actor2="CIV",
        where=DOUMA,
        when=day(when.day),
    )


def test_the_weekday_of_the_record_sentence_is_its_hint() -> None:
    strike = _undated_strike()
    told = told_days([strike], {"u1": UNDATED_REPORT})
    assert told[strike.id].weekdays == {1} and not told[strike.id].today
    facts = facts_of(strike, UNDATED_REPORT, "remote", None, told[strike.id])
    assert facts.weekdays == {1} and facts.month_days == frozenset()


def test_the_account_carries_the_day_and_the_opening_takes_the_lead_day() -> None:
    text = (
        "بعد إجلاء عشرات الجرحى عبر المعبر الوحيد طالب مسؤول محلي بفتح ممرات دائمة. "
        "وجرى الإجلاء السبت بإشراف منظمات إنسانية دولية. "
        "وقدرت المنظمات عدد من غادروا بنحو مئتي شخص."
    )
    report = article("u2", text)
    opening = claim(report, "displacement", "بعد إجلاء عشرات الجرحى عبر المعبر الوحيد")
    carried = claim(report, "withdrawal", "وقدرت المنظمات عدد من غادروا بنحو مئتي شخص")
    told = told_days([opening, carried], {"u2": report})
    assert told[opening.id].weekdays == {5} and told[carried.id].weekdays == {5}


def test_no_hint_without_a_named_day_nor_for_a_dated_article() -> None:
    report = article("u3", "قصفت الطائرات مدينة دوما وقتلت مدنيين.")
    plain = claim(report, "air_strike", "قصفت الطائرات مدينة دوما")
    dated = _dated_strike(TUESDAY_REPORT, TUESDAY)
    articles = {"u3": report, "d1": TUESDAY_REPORT}
    assert told_days([plain, dated], articles) == {}


def test_a_tuesday_hint_fits_a_tuesday_and_not_a_thursday() -> None:
    strike = _undated_strike()
    told = told_days([strike], {"u1": UNDATED_REPORT})
    undated = facts_of(strike, UNDATED_REPORT, "remote", None, told[strike.id])
    unknown = facts_of(strike, UNDATED_REPORT, "remote")
    tuesday = facts_of(_dated_strike(TUESDAY_REPORT, TUESDAY), TUESDAY_REPORT, "remote")
    thursday = facts_of(_dated_strike(THURSDAY_REPORT, THURSDAY), THURSDAY_REPORT, "remote")
    assert score_parts(undated, tuesday, TREE)["date"] == DAY_HINT_FITS
    assert score_parts(undated, thursday, TREE)["date"] == UNKNOWN_TIME
    assert score_parts(unknown, tuesday, TREE)["date"] == UNKNOWN_TIME
    assert UNKNOWN_TIME < DAY_HINT_FITS
    # a week-long interval holds every weekday: the hint says nothing of it
    week = replace(tuesday, date=DateInterval(date(2022, 4, 10), date(2022, 4, 16), 2))
    assert score_parts(undated, week, TREE)["date"] == UNKNOWN_TIME


def test_an_undated_tuesday_report_links_to_the_tuesday_strike_not_the_thursday_one() -> None:
    strike = _undated_strike()
    for report, when, linked in (
        (TUESDAY_REPORT, TUESDAY, True),
        (THURSDAY_REPORT, THURSDAY, False),
    ):
        dated = _dated_strike(report, when)
        result = link_claims(
            [strike, dated], {"u1": UNDATED_REPORT, report.id: report}, Resources()
        )
        events = {c.id: c.event_id for c in result.claims}
        assert (events[strike.id] == events[dated.id]) is linked, when
        own = {c.id: c for c in result.claims}[strike.id]
        # linking lends the Tuesday's date to the undated record, and nothing else
        lent = DateInterval(TUESDAY, TUESDAY, 1) if linked else None
        assert (own.date.interval if own.date else None) == lent


def test_the_day_of_writing_also_fits_the_day_before() -> None:
    hint = DayHint(0, 5, frozenset({3}), frozenset(), True)  # "اليوم الخميس"
    assert event_weekdays(hint) == {2, 3}
    assert event_weekdays(replace(hint, today=False)) == {3}


def _event(interval: DateInterval) -> Event:
    return Event(
        id="e1",
        action="air_strike",
        status="occurred",
        actor1=None,
        actor2=None,
        location=None,
        date=interval,
        fatalities=None,
        record_ids=(),
        article_ids=(),
        outlets=(),
        independent_sources=0,
        disputes=(),
    )


def test_the_lent_date_is_narrowed_by_the_weekday_or_refused_when_it_does_not_hold_it() -> None:
    strike = replace(_undated_strike(), event_id="e1")
    hint = DayHint(0, 5, frozenset({1}), frozenset(), False)
    articles = {"u1": UNDATED_REPORT}
    three_days = DateInterval(date(2022, 4, 11), date(2022, 4, 13), 2)
    (narrowed,) = inherit_dates([strike], {"e1": _event(three_days)}, articles, {strike.id: hint})
    assert narrowed.date == DateRef(DateInterval(TUESDAY, TUESDAY, 1), None)
    assert narrowed.rule.endswith(INHERITED_DATE_RULE)
    thursday = DateInterval(THURSDAY, THURSDAY, 1)
    (kept,) = inherit_dates([strike], {"e1": _event(thursday)}, articles, {strike.id: hint})
    assert kept.date is None
    # with no hint the event's date is lent as it is
    (plain,) = inherit_dates([strike], {"e1": _event(three_days)}, articles)
    assert plain.date == DateRef(three_days, None)


def test_link_states_keep_the_hints_and_old_ones_read_none() -> None:
    strike = _undated_strike()
    told = told_days([strike], {"u1": UNDATED_REPORT})
    facts = facts_of(strike, UNDATED_REPORT, "remote", None, told[strike.id])
    data = facts_to_json(facts)
    assert facts_from_json(data) == facts
    old = {k: v for k, v in data.items() if k not in ("weekdays", "month_days")}
    read = facts_from_json(old)
    assert read.weekdays == frozenset() and read.month_days == frozenset()
