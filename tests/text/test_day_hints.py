"""day_hints: what an undated report's day expressions say of the day, without a calendar."""

from __future__ import annotations

from marsad.text.dates import DayHint, day_hints

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def _only(text: str) -> DayHint:
    hints = day_hints(text)
    assert len(hints) == 1, hints
    return hints[0]


def test_a_bare_weekday_is_a_weekday_and_not_the_day_of_writing() -> None:
    hint = _only("وقصفت الطائرات البلدة الجمعة ما أدى إلى دمار واسع")
    assert hint.weekdays == {FRI} and not hint.month_days and not hint.today


def test_today_with_its_weekday_names_the_day_of_writing() -> None:
    for text in ("أعلن الجيش اليوم الثلاثاء سيطرته على البلدة", "انفجرت عبوة فجر اليوم الثلاثاء"):
        hint = _only(text)
        assert hint.weekdays == {TUE} and hint.today, text


def test_a_night_between_two_days_names_both() -> None:
    assert _only("اندلعت اشتباكات ليل الأربعاء الخميس في الحي").weekdays == {WED, THU}


def test_a_day_of_the_month_without_month_or_year_is_a_day_of_the_month() -> None:
    assert _only("وصلت القافلة يوم 8 الجاري إلى المدينة").month_days == {8}
    assert _only("وقع الاتفاق في الثامن من الشهر الجاري").month_days == {8}
    assert _only("دخلت القوات البلدة في 12 آذار").month_days == {12}


def test_a_full_date_is_a_date_not_a_hint() -> None:
    assert day_hints("قصفت الطائرات البلدة في 12 آذار 2017") == ()
    assert day_hints("قصفت الطائرات البلدة يوم الجمعة 24 آذار 2017") == ()


def test_since_a_weekday_is_not_the_day_of_what_goes_on() -> None:
    # the fighting began that day and goes on to the day of writing
    assert day_hints("تتواصل المعارك على أطراف البلدة منذ الأحد") == ()


def test_yesterday_takes_its_weekday_from_the_named_day_of_writing() -> None:
    text = "افتتحت السلطات المعبر اليوم الأحد أمام المسافرين. وكانت أغلقته أمس لأسباب أمنية."
    writing, yesterday = day_hints(text)
    assert writing.weekdays == {SUN} and writing.today
    assert yesterday.weekdays == {SAT} and not yesterday.today
    assert text[yesterday.start : yesterday.end] == "أمس"
    # with no named day of writing, "أمس" says nothing
    assert day_hints("وكانت السلطات أغلقت المعبر أمس لأسباب أمنية.") == ()
