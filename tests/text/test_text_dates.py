"""dates: codebook §5 expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.model import DateInterval
from marsad.text.dates import (
    DateMatch,
    find_dates,
    parse_published,
    publication_date_from_text,
    resolve_relative,
)

SUNDAY = date(2022, 4, 17)  # the publication date of most cases below (a Sunday)


def only(text: str, published: date | None = SUNDAY) -> DateMatch:
    matches = find_dates(text, published=published)
    assert len(matches) == 1, matches
    return matches[0]


def interval(start: str, end: str, precision: int) -> DateInterval:
    return DateInterval(date.fromisoformat(start), date.fromisoformat(end), precision)


@pytest.mark.parametrize(
    ("text", "surface", "expected", "kind"),
    [
        # relative days
        ("وقعت الاشتباكات أمس في الحي", "أمس", interval("2022-04-16", "2022-04-16", 1), "relative"),
        ("نقلت البارحة جثث القتلى", "البارحة", interval("2022-04-16", "2022-04-16", 1), "relative"),
        (
            "انسحبت قبل أول من أمس",
            "أول من أمس",
            interval("2022-04-15", "2022-04-15", 1),
            "relative",
        ),
        ("بدأ الهجوم أول أمس", "أول أمس", interval("2022-04-15", "2022-04-15", 1), "relative"),
        (
            "انسحبت الدوريات ليل أول من أمس من المدينة",
            "ليل أول من أمس",
            interval("2022-04-15", "2022-04-15", 1),
            "relative",
        ),
        (
            "قصفت المدفعية فجر اليوم البلدة",
            "فجر اليوم",
            interval("2022-04-17", "2022-04-17", 1),
            "relative",
        ),
        (
            "وصلت التعزيزات مساء أمس",
            "مساء أمس",
            interval("2022-04-16", "2022-04-16", 1),
            "relative",
        ),
        (
            "حلّقت مسيّرة الليلة الماضية",
            "الليلة الماضية",
            interval("2022-04-16", "2022-04-16", 1),
            "relative",
        ),
        # weekdays: the most recent such day on or before publication
        (
            "اعتقلت الدورية صباح السبت ثلاثة شبان",
            "صباح السبت",
            interval("2022-04-16", "2022-04-16", 1),
            "weekday",
        ),
        (
            "أعلنت الهدنة يوم الخميس",
            "يوم الخميس",
            interval("2022-04-14", "2022-04-14", 1),
            "weekday",
        ),
        (
            "جرت المفاوضات الخميس الماضي",
            "الخميس الماضي",
            interval("2022-04-14", "2022-04-14", 1),
            "weekday",
        ),
        ("تظاهر الأهالي الأحد", "الأحد", interval("2022-04-17", "2022-04-17", 1), "weekday"),
        (
            "تظاهر الأهالي الأحد الماضي",
            "الأحد الماضي",
            interval("2022-04-10", "2022-04-10", 1),
            "weekday",
        ),
        (
            "تعقد الجولة الثلاثاء المقبل",
            "الثلاثاء المقبل",
            interval("2022-04-19", "2022-04-19", 1),
            "weekday",
        ),
        # ago
        ("سيطرت عليها منذ أسبوع", "منذ أسبوع", interval("2022-04-10", "2022-04-10", 2), "relative"),
        (
            "فرض الحصار منذ ثلاثة أيام",
            "منذ ثلاثة أيام",
            interval("2022-04-14", "2022-04-14", 1),
            "relative",
        ),
        ("أفرج عنه قبل يومين", "قبل يومين", interval("2022-04-15", "2022-04-15", 1), "relative"),
        ("اختفى قبل 46 يوماً", "قبل 46 يوماً", interval("2022-03-02", "2022-03-02", 1), "relative"),
        ("هُجّر منذ عامين", "منذ عامين", interval("2020-04-01", "2020-04-30", 3), "relative"),
        ("داهمت المنزل قبل أيام", "قبل أيام", interval("2022-04-10", "2022-04-16", 2), "relative"),
        # periods
        (
            "تصاعد القصف الأسبوع الماضي",
            "الأسبوع الماضي",
            interval("2022-04-09", "2022-04-15", 2),
            "relative",
        ),
        (
            "قتل خمسة الشهر الماضي",
            "الشهر الماضي",
            interval("2022-03-01", "2022-03-31", 3),
            "relative",
        ),
        ("في الشهر الجاري", "الشهر الجاري", interval("2022-04-01", "2022-04-30", 3), "relative"),
        (
            "ارتفعت الأسعار العام الماضي",
            "العام الماضي",
            interval("2021-01-01", "2021-12-31", 3),
            "year",
        ),
        (
            "خلال الساعات الماضية",
            "الساعات الماضية",
            interval("2022-04-16", "2022-04-17", 2),
            "relative",
        ),
        # ahead of the report (planned acts)
        ("تصل القافلة غداً", "غداً", interval("2022-04-18", "2022-04-18", 1), "relative"),
        ("تبدأ الجولة مساء الغد", "مساء الغد", interval("2022-04-18", "2022-04-18", 1), "relative"),
        ("تنسحب القوات بعد غد", "بعد غد", interval("2022-04-19", "2022-04-19", 1), "relative"),
        (
            "تعقد الجولة الأسبوع المقبل",
            "الأسبوع المقبل",
            interval("2022-04-23", "2022-04-29", 2),
            "relative",
        ),
        (
            "تعقد الجولة الشهر المقبل",
            "الشهر المقبل",
            interval("2022-05-01", "2022-05-31", 3),
            "relative",
        ),
        (
            "تدخل القوافل خلال الأيام المقبلة",
            "الأيام المقبلة",
            interval("2022-04-18", "2022-04-24", 2),
            "relative",
        ),
        (
            "تعقد الجولة خلال اليومين المقبلين",
            "اليومين المقبلين",
            interval("2022-04-18", "2022-04-19", 2),
            "relative",
        ),
        (
            "تعقد الجولة الجمعة المقبلة",
            "الجمعة المقبلة",
            interval("2022-04-22", "2022-04-22", 1),
            "weekday",
        ),
    ],
)
def test_relative_expressions(text: str, surface: str, expected: DateInterval, kind: str) -> None:
    match = only(text)
    assert (match.text, match.interval, match.kind, match.has_year) == (
        surface,
        expected,
        kind,
        False,
    )
    assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "بدأ منذ 1 نيسان (أبريل) الجاري بحصار الحي",
            "1 نيسان (أبريل) الجاري",
            interval("2022-04-01", "2022-04-01", 1),
        ),
        ("عقد الاجتماع في 9 آذار/مارس", "9 آذار/مارس", interval("2022-03-09", "2022-03-09", 1)),
        (
            "قتل في 28 من شهر كانون الثاني الماضي",
            "28 من شهر كانون الثاني الماضي",
            interval("2022-01-28", "2022-01-28", 1),
        ),
        ("في الخامس من حزيران", "الخامس من حزيران", interval("2021-06-05", "2021-06-05", 1)),
        (
            "وفي الحادي والعشرين من آذار",
            "الحادي والعشرين من آذار",
            interval("2022-03-21", "2022-03-21", 1),
        ),
        ("السبت 16 نيسان", "السبت 16 نيسان", interval("2022-04-16", "2022-04-16", 1)),
        (
            "في السادس من الشهر الحالي",
            "السادس من الشهر الحالي",
            interval("2022-04-06", "2022-04-06", 1),
        ),
    ],
)
def test_days_without_a_year(text: str, surface: str, expected: DateInterval) -> None:
    match = only(text)
    assert (match.text, match.interval, match.kind, match.has_year) == (
        surface,
        expected,
        "absolute",
        False,
    )


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("الأحد 17 نيسان 2022", "الأحد 17 نيسان 2022", interval("2022-04-17", "2022-04-17", 1)),
        ("في 3 تشرين الأول 2019", "3 تشرين الأول 2019", interval("2019-10-03", "2019-10-03", 1)),
        ("يوم 14 أيار/مايو 2015", "14 أيار/مايو 2015", interval("2015-05-14", "2015-05-14", 1)),
        ("بتاريخ 5 يونيو 2013م", "5 يونيو 2013م", interval("2013-06-05", "2013-06-05", 1)),
        ("في 22 ابريل 2024", "22 ابريل 2024", interval("2024-04-22", "2024-04-22", 1)),
        ("في ٢٠ أيلول ٢٠١٦", "٢٠ أيلول ٢٠١٦", interval("2016-09-20", "2016-09-20", 1)),
        ("صدر في 17/04/2022", "17/04/2022", interval("2022-04-17", "2022-04-17", 1)),
        ("صدر في 2022-04-17", "2022-04-17", interval("2022-04-17", "2022-04-17", 1)),
        ("صدر في 17-4-2022", "17-4-2022", interval("2022-04-17", "2022-04-17", 1)),
        (
            "صدر في 20-كانون الثاني-2024",
            "20-كانون الثاني-2024",
            interval("2024-01-20", "2024-01-20", 1),
        ),
        ("الموافق 15 رمضان 1443 هـ", "15 رمضان 1443 هـ", interval("2022-04-16", "2022-04-16", 1)),
    ],
)
def test_absolute_dates_with_a_year(text: str, surface: str, expected: DateInterval) -> None:
    for published in (SUNDAY, None):
        match = only(text, published)
        assert (match.text, match.interval, match.kind, match.has_year) == (
            surface,
            expected,
            "absolute",
            True,
        )


@pytest.mark.parametrize(
    ("text", "surface", "expected", "kind"),
    [
        (
            "شهدت المدينة يومي 12 و13 نيسان (أبريل) مفاوضات",
            "يومي 12 و13 نيسان (أبريل)",
            interval("2022-04-12", "2022-04-13", 1),
            "range",
        ),
        ("بين 3 و5 آذار", "بين 3 و5 آذار", interval("2022-03-03", "2022-03-05", 1), "range"),
        (
            "ليل الأربعاء- الخميس",
            "ليل الأربعاء- الخميس",
            interval("2022-04-13", "2022-04-14", 1),
            "range",
        ),
        (
            "ليل الجمعة وفجر اليوم السبت",
            "ليل الجمعة وفجر اليوم السبت",
            interval("2022-04-15", "2022-04-16", 1),
            "range",
        ),
        (
            "بعد منتصف ليل الجمعة/السبت",
            "بعد منتصف ليل الجمعة/السبت",
            interval("2022-04-16", "2022-04-16", 1),
            "range",
        ),
        ("في منتصف نيسان", "منتصف نيسان", interval("2022-04-11", "2022-04-20", 2), "month"),
        ("مطلع آذار", "مطلع آذار", interval("2022-03-01", "2022-03-10", 2), "month"),
        ("أوائل شباط", "أوائل شباط", interval("2022-02-01", "2022-02-10", 2), "month"),
        ("أواخر شباط", "أواخر شباط", interval("2022-02-21", "2022-02-28", 2), "month"),
        (
            "نهاية الشهر الماضي",
            "نهاية الشهر الماضي",
            interval("2022-03-21", "2022-03-31", 2),
            "month",
        ),
        ("في آذار الماضي", "آذار الماضي", interval("2022-03-01", "2022-03-31", 3), "month"),
        ("في نيسان الماضي", "نيسان الماضي", interval("2021-04-01", "2021-04-30", 3), "month"),
        ("في حزيران", "حزيران", interval("2021-06-01", "2021-06-30", 3), "month"),
        (
            "في أيار العام الماضي",
            "أيار العام الماضي",
            interval("2021-05-01", "2021-05-31", 3),
            "month",
        ),
        ("منذ شهر مارس", "شهر مارس", interval("2022-03-01", "2022-03-31", 3), "month"),
        ("اندلعت في آذار 2011", "آذار 2011", interval("2011-03-01", "2011-03-31", 3), "month"),
        ("في عام 2016", "عام 2016", interval("2016-01-01", "2016-12-31", 3), "year"),
        ("خلال سنة 2016", "سنة 2016", interval("2016-01-01", "2016-12-31", 3), "year"),
        ("في عام 1443 هـ", "عام 1443 هـ", interval("2021-08-09", "2022-07-29", 3), "year"),
    ],
)
def test_ranges_parts_months_years(
    text: str, surface: str, expected: DateInterval, kind: str
) -> None:
    match = only(text)
    assert (match.text, match.interval, match.kind) == (surface, expected, kind)


@pytest.mark.parametrize(
    "text",
    [
        "في اليوم التالي انسحبت القوات",
        "أدى المصلون صلاة الجمعة",
        "مارس النظام ضغوطاً على الأهالي",
        "صام الأهالي شهر رمضان",
        "قتل 30 شخصاً",
        "في 31 شباط 2022",
        "نفذت الطائرات في 2017 غارة على المدينة",
        "بموجب القرار 2254 الصادر عن مجلس الأمن",
        "بلغ عدد النازحين في 2019/5 نحو ألف",
        "أعلن تيار الغد السوري موقفه",
    ],
)
def test_not_dates(text: str) -> None:
    assert [m for m in find_dates(text, published=SUNDAY) if m.interval is not None] == []


def test_nothing_is_guessed_without_a_publication_date() -> None:
    text = "قصفت الطائرات أمس بلدة، ثم في 12 نيسان وفي الخميس الماضي، وفي 12 نيسان 2022"
    matches = find_dates(text, published=None)
    assert [m.interval is None for m in matches] == [True, True, True, False]
    assert [m.has_year for m in matches] == [False, False, False, True]


def test_relative_words_with_a_weekday_follow_the_relative_word() -> None:
    match = only("قتل أمس السبت شاب")
    assert (match.text, match.interval) == ("أمس السبت", interval("2022-04-16", "2022-04-16", 1))


def test_clitics_before_date_words() -> None:
    texts = [m.text for m in find_dates("وأمس وبالأمس وفي آذار", published=SUNDAY)]
    assert texts[0] == "أمس" and texts[-1] == "آذار"


def test_resolve_relative() -> None:
    assert resolve_relative("أول من أمس", SUNDAY) == interval("2022-04-15", "2022-04-15", 1)
    assert resolve_relative("أول من أمس", None) is None
    assert resolve_relative("لا تاريخ هنا", SUNDAY) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-04-17", date(2022, 4, 17)),
        ("2022-04-17T09:30:00Z", date(2022, 4, 17)),
        ("2022-04-17 09:30:00+03:00", date(2022, 4, 17)),
        ("17/04/2022", date(2022, 4, 17)),
        ("Sun, 17 Apr 2022 09:30:00 +0000", date(2022, 4, 17)),
        ("  2022-04-17  ", date(2022, 4, 17)),
        ("2022-02-30", None),
        ("yesterday", None),
        ("", None),
        ("٢٠٢٢-٠٤-١٧", date(2022, 4, 17)),
    ],
)
def test_parse_published(value: str, expected: date | None) -> None:
    assert parse_published(value) == expected


def test_publication_date_from_a_dateline() -> None:
    page = "قسد تسلّم مخبزين للنظام\n\n17/04/2022\n\nسلّمت قسد في 12 آذار 2021 ..."
    found = publication_date_from_text(page)
    assert found is not None
    value, start, end = found
    assert value == date(2022, 4, 17) and page[start:end] == "17/04/2022"
    worded = "الأحد 17 نيسان 2022 - حلب\nقصفت المدفعية"
    assert publication_date_from_text(worded) == (date(2022, 4, 17), 0, 19)


def test_no_dateline() -> None:
    assert publication_date_from_text("قصفت المدفعية البلدة أمس") is None
    late = "ن" * 400 + " 17/04/2022"
    assert publication_date_from_text(late) is None


@given(
    st.text(
        alphabet="أمس اليوم الخميس الماضي منذ أسبوع 12 و13 نيسان آذار 2022/-()، ليل", max_size=60
    ),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
)
@settings(max_examples=200)
def test_matches_are_ordered_disjoint_and_well_formed(text: str, published: date) -> None:
    previous = 0
    for match in find_dates(text, published=published):
        assert previous <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        if match.interval is not None:
            assert match.interval.start <= match.interval.end
            assert match.interval.precision in (1, 2, 3)
        previous = match.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقعت الأطراف الاتفاق في 2017 في أستانا",
            DateInterval(date(2017, 1, 1), date(2017, 12, 31), 3),
        ),
        ("تحاصر القوات المدينة منذ 2013.", DateInterval(date(2013, 1, 1), date(2013, 12, 31), 3)),
        (
            "مطلع 2015، سيطر التنظيم على المدينة",
            DateInterval(date(2015, 1, 1), date(2015, 2, 28), 3),
        ),
    ],
)
def test_a_bare_year_after_a_preposition_of_time(text: str, expected: DateInterval) -> None:
    found = [m.interval for m in find_dates(text, published=SUNDAY) if m.interval is not None]
    assert found == [expected]
