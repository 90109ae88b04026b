"""Named stretches of a month ("النصف الأول من الشهر الجاري", "الأسبوع الأخير من نيسان"), a
day of the current month without "الشهر" ("يوم 9 الجاري"), a range of its days ("بين 5 و9 من
الشهر الجاري") and a Hijri day named without a year ("الخامس من رمضان"), codebook §5."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import DateInterval
from marsad.text.dates import find_dates

PUBLISHED = date(2019, 5, 12)


def _only(text: str) -> DateInterval:
    found = [m.interval for m in find_dates(text, published=PUBLISHED) if m.interval is not None]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "قصفت الطائرات البلدة في النصف الأول من الشهر الجاري",
            date(2019, 5, 1),
            date(2019, 5, 15),
        ),
        ("وفي النصف الثاني من شهر آذار 2018 اشتدت المعارك", date(2018, 3, 16), date(2018, 3, 31)),
        ("نزح الآلاف في الأسبوع الأول من أيار", date(2019, 5, 1), date(2019, 5, 7)),
        ("خلال الأسبوع الأخير من نيسان الماضي", date(2019, 4, 24), date(2019, 4, 30)),
        ("في العشر الأواخر من الشهر الماضي", date(2019, 4, 21), date(2019, 4, 30)),
    ],
)
def test_a_named_stretch_is_its_days_not_a_day(text: str, start: date, end: date) -> None:
    interval = _only(text)
    assert (interval.start, interval.end, interval.precision) == (start, end, 2)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("اغتال مسلحون قيادياً يوم 9 الجاري", date(2019, 5, 9)),
        ("في 3 الحالي سيطرت القوات على التلة", date(2019, 5, 3)),
        ("قصفت الطائرات البلدة في الأول من أيار", date(2019, 5, 1)),
    ],
)
def test_a_day_of_this_month(text: str, day: date) -> None:
    interval = _only(text)
    assert (interval.start, interval.end, interval.precision) == (day, day, 1)


def test_a_day_number_before_last_month_word_is_not_read_alone() -> None:
    # "9 الماضي" is not a date pattern of the press: only "الجاري"/"الحالي" follow a bare day
    assert all(
        m.interval is None or m.interval.start != date(2019, 4, 9)
        for m in find_dates("قتل 9 الماضي", published=PUBLISHED)
    )


def test_a_hijri_day_without_a_year_is_the_latest_such_day() -> None:
    # 1 Ramadan 1440 was 6 May 2019 (Umm al-Qura)
    interval = _only("قصفت الطائرات البلدة في الخامس من رمضان")
    assert (interval.start, interval.precision) == (date(2019, 5, 10), 1)
    # Shawwal 1440 has not come by 12 May 2019: the latest is Shawwal 1439
    assert _only("في الأول من شوال خرج المصلون").start == date(2018, 6, 15)


def test_a_hijri_month_after_a_bare_number_is_not_read_without_a_year() -> None:
    assert all(m.interval is None for m in find_dates("انتهت المباراة 7 صفر", published=PUBLISHED))


def test_a_range_of_days_of_this_month() -> None:
    interval = _only("شنت الطائرات غارات بين 5 و9 من الشهر الجاري")
    assert (interval.start, interval.end) == (date(2019, 5, 5), date(2019, 5, 9))
