"""A weekday glossed by a date ("يوم الجمعة (23/3/2024)") and a part of a year ("مطلع العام")."""

from __future__ import annotations

from datetime import date

from marsad.text.dates import find_dates


def _only(text: str, published: date | None = None) -> tuple[date, date]:
    found = [m for m in find_dates(text, published=published) if m.interval is not None]
    assert len(found) == 1, found
    interval = found[0].interval
    assert interval is not None
    return interval.start, interval.end


def test_a_weekday_a_day_before_its_gloss_covers_both_days() -> None:
    # 23 March 2024 was a Saturday: the Friday protest reported under Saturday's date
    assert _only("خرج المتظاهرون يوم الجمعة (23/3/2024) في مدينة إدلب") == (
        date(2024, 3, 22),
        date(2024, 3, 23),
    )


def test_a_weekday_that_agrees_with_its_gloss_is_that_day() -> None:
    assert _only("خرج المتظاهرون يوم السبت (23/3/2024) في مدينة إدلب") == (
        date(2024, 3, 23),
        date(2024, 3, 23),
    )


def test_a_weekday_far_from_the_date_is_not_its_gloss() -> None:
    found = find_dates("يوم الثلاثاء، 23/3/2024", published=None)
    assert all(m.interval is None or m.interval.start == m.interval.end for m in found)


def test_early_year_is_its_first_two_months() -> None:
    assert _only("وفي مطلع العام 2015 فرض التنظيم حصاراً على المدينة") == (
        date(2015, 1, 1),
        date(2015, 2, 28),
    )


def test_late_last_year_is_its_last_two_months() -> None:
    assert _only("منذ أواخر العام الماضي", published=date(2017, 9, 9)) == (
        date(2016, 11, 1),
        date(2016, 12, 31),
    )


def test_a_bare_year_is_still_the_whole_year() -> None:
    assert _only("في عام 2014 سيطر التنظيم على المدينة") == (date(2014, 1, 1), date(2014, 12, 31))


def test_a_season_of_a_year_is_its_three_months() -> None:
    assert _only("وفرض التنظيم حصاراً على المطار في ربيع العام 2014") == (
        date(2014, 3, 1),
        date(2014, 5, 31),
    )


def test_a_day_number_with_the_article_is_that_day() -> None:
    # "الـ15 من الشهر الجاري": the article and a tatweel before the digits
    assert _only("في الـ15 من الشهر الجاري", published=date(2019, 3, 20)) == (
        date(2019, 3, 15),
        date(2019, 3, 15),
    )
    assert _only("في الـ 15 من آذار 2019") == (date(2019, 3, 15), date(2019, 3, 15))


def test_a_recent_span_ends_at_the_report() -> None:
    day = date(2019, 3, 20)
    assert _only("خلال الأيام الثلاثة الماضية", published=day) == (date(2019, 3, 17), day)
    assert _only("خلال اليومين الماضيين", published=day) == (date(2019, 3, 18), day)
    assert _only("في الأسبوعين الأخيرين", published=day) == (date(2019, 3, 6), day)
    assert _only("خلال الساعات الـ24 الماضية", published=day) == (date(2019, 3, 19), day)
    assert _only("خلال الساعات الأربع والعشرين الماضية", published=day) == (
        date(2019, 3, 19),
        day,
    )
