"""The date of an event told with no date of its own, in a dated report (codebook §5).

A report that speaks from its own day (a date in it is the publication day, "الآن", a bare
"صباحاً") dates such an event to the publication day; a report told only in the past dates it
to the publication day or the one before. Reports written for these tests in news style."""

from __future__ import annotations

from datetime import date
from functools import cache

from marsad.knowledge.resources import Resources
from marsad.model import Article, DateInterval
from marsad.pipeline import analyze

PUBLISHED = date(2019, 5, 14)  # a Tuesday
BEFORE = date(2019, 5, 13)


@cache
def _resources() -> Resources:
    return Resources()


def _dates(text: str, action: str, published: date | None = PUBLISHED) -> list[DateInterval]:
    claims = analyze(Article(id="t", text=text, published=published), _resources()).claims
    found = [c.date.interval for c in claims if c.action == action and c.date is not None]
    assert found, [c.to_json() for c in claims]
    return found


def _span(interval: DateInterval) -> tuple[date, date]:
    return interval.start, interval.end


UNANCHORED = (
    "قتل خمسة مدنيين بقصف جوي استهدف مدينة معرة النعمان بريف إدلب الجنوبي.\n\n"
    "وقال الدفاع المدني إن فرقه انتشلت الجثث من تحت الأنقاض."
)


def test_a_report_told_in_the_past_dates_the_day_or_the_one_before() -> None:
    found = _dates(UNANCHORED, "air_strike")
    assert {_span(i) for i in found} == {(BEFORE, PUBLISHED)}
    assert all(i.precision == 2 for i in found)


def test_today_in_the_report_anchors_its_undated_events_to_that_day() -> None:
    text = (
        "أفاد ناشطون اليوم الثلاثاء بأن الطيران الحربي نفذ غارات على ريف إدلب.\n\n"
        "وقتل خمسة مدنيين بقصف جوي استهدف مدينة معرة النعمان."
    )
    assert {_span(i) for i in _dates(text, "air_strike")} == {(PUBLISHED, PUBLISHED)}


def test_the_weekday_of_publication_anchors_the_report() -> None:
    text = (
        "قتل خمسة مدنيين بقصف جوي استهدف مدينة معرة النعمان بريف إدلب.\n\n"
        "وقال الدفاع المدني في بيان الثلاثاء إن فرقه ما زالت تبحث عن مفقودين."
    )
    assert {_span(i) for i in _dates(text, "air_strike")} == {(PUBLISHED, PUBLISHED)}


def test_now_anchors_the_report() -> None:
    text = (
        "قتل خمسة مدنيين بقصف جوي استهدف مدينة معرة النعمان بريف إدلب.\n\n"
        "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن."
    )
    assert {_span(i) for i in _dates(text, "air_strike")} == {(PUBLISHED, PUBLISHED)}


def test_a_bare_hour_of_the_day_anchors_the_report() -> None:
    text = "بدأت الغارات الجوية على مدينة معرة النعمان منذ الساعة السادسة صباحاً."
    assert {_span(i) for i in _dates(text, "air_strike")} == {(PUBLISHED, PUBLISHED)}


def test_an_action_still_going_on_anchors_the_report() -> None:
    text = (
        "قتل خمسة مدنيين بقصف جوي استهدف مدينة معرة النعمان بريف إدلب.\n\n"
        "وقال ناشطون إن الاشتباكات ما زالت مستمرة على أطراف المدينة."
    )
    assert {_span(i) for i in _dates(text, "air_strike")} == {(PUBLISHED, PUBLISHED)}


def test_an_hour_of_a_named_day_is_not_an_anchor() -> None:
    text = (
        "قتل خمسة مدنيين بقصف جوي استهدف مدينة معرة النعمان بريف إدلب.\n\n"
        "وقال الدفاع المدني إن فرقه وصلت إلى المكان أمس عند الساعة العاشرة صباحاً."
    )
    assert {_span(i) for i in _dates(text, "air_strike")} == {(BEFORE, PUBLISHED)}


def test_a_dateline_under_the_headline_is_not_an_anchor() -> None:
    text = "حصيلة جديدة في ريف إدلب\n\n14 مايو 2019\n\n" + UNANCHORED
    assert {_span(i) for i in _dates(text, "air_strike")} == {(BEFORE, PUBLISHED)}


def test_a_siege_with_no_stated_start_keeps_the_report_day() -> None:
    text = "وتفرض قوات النظام حصاراً خانقاً على بلدة مضايا بريف دمشق."
    assert {_span(i) for i in _dates(text, "siege_imposed")} == {(PUBLISHED, PUBLISHED)}


def test_an_undated_report_without_a_year_leaves_the_date_unknown() -> None:
    claims = analyze(Article(id="t", text=UNANCHORED, published=None), _resources()).claims
    assert claims and all(c.date is None for c in claims)


def test_an_undated_report_dates_its_headline_by_the_lead_that_names_day_and_year() -> None:
    text = (
        "غارات روسية على مدينة معرة النعمان بريف إدلب\n\n"
        "أفاد ناشطون يوم السبت 7 نيسان 2018 بأن فرق الدفاع المدني انتشلت جثث الضحايا."
    )
    found = _dates(text, "air_strike", published=None)
    assert {_span(i) for i in found} == {(date(2018, 4, 7), date(2018, 4, 7))}


def test_a_lifted_siege_is_dated_by_its_lifting_not_by_when_it_began() -> None:
    text = (
        "تمكنت وحدات الجيش من فك الحصار عن مطار دير الزور العسكري، بعد ثلاث سنوات من الحصار "
        "الذي بدأ منذ ثلاث سنوات.\n\n"
        "وقالت وكالة سانا إن الاشتباكات ما زالت مستمرة في محيط المطار."
    )
    assert {_span(i) for i in _dates(text, "siege_lifted")} == {(PUBLISHED, PUBLISHED)}
