"""Named stretches of a month ("النصف الأول من الشهر الجاري", "الأسبوع الأخير من نيسان") and a
day of the current month without "الشهر" ("يوم 9 الجاري"), codebook §5."""

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
