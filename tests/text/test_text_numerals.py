"""numerals: digits, words, duals, qualifiers, and what is not a number."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import normalize
from marsad.text.numerals import NumberMatch, find_numbers, parse_number_words


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("عشرين", 20),
        ("أربعين", 40),
        ("مئة", 100),
        ("مائة", 100),
        ("ستة وأربعون", 46),
        ("ست وأربعين", 46),
        ("ثلاثة عشر", 13),
        ("إحدى عشرة", 11),
        ("واحد وعشرون", 21),
        ("مئتين وخمسين", 250),
        ("ثلاث مئة", 300),
        ("ثلاثمائة وخمسة", 305),
        ("ألف", 1000),
        ("ألفين", 2000),
        ("ثلاثة آلاف وخمسمائة", 3500),
        ("عشرة آلاف", 10000),
        ("مئة وخمسة وعشرون ألفاً", 125000),
        ("مليون ومئتا ألف", 1200000),
    ],
)
def test_parse_number_words(words: str, value: int) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize("words", ["خمسة وستة", "أحد", "قوات", "عشرين قتيلاً", ""])
def test_not_a_single_number(words: str) -> None:
    assert parse_number_words(words) is None


def only(text: str) -> NumberMatch:
    matches = find_numbers(text)
    assert len(matches) == 1, matches
    return matches[0]


def test_duals_are_two_of_their_noun() -> None:
    text = "قُتل عنصرين من قوات الأمن الداخلي"
    match = only(text)
    assert (match.value, match.noun) == (2, "عنصر")
    assert text[match.start : match.end] == "عنصرين"
    assert (match.noun_start, match.noun_end) == (match.start, match.end)


@pytest.mark.parametrize(
    ("text", "noun"),
    [("استمرت المفاوضات يومين", "يوم"), ("أصيب طفلين بجروح", "طفل"), ("قتل جنديين", "جندي")],
)
def test_more_duals(text: str, noun: str) -> None:
    match = only(text)
    assert (match.value, match.noun) == (2, noun)


def test_construct_dual_and_ta_marbuta_dual() -> None:
    text = "سلّمت قسد مخبَزَي البعث وسيارتين"
    first, second = find_numbers(text)
    assert (first.value, first.noun, text[first.start : first.end]) == (2, "مخبز", "مخبَزَي")
    assert (second.value, second.noun) == (2, "سياره")


@pytest.mark.parametrize("text", ["أصيب مدنيين بجروح", "وصل مسلحين إلى الحي", "قال الطرفان"])
def test_nisba_plurals_are_not_duals(text: str) -> None:
    assert find_numbers(text) == ()


def test_tanween_noun_and_tonnes() -> None:
    text = "دخلت 40 طناً من الطحين بعد حصار دام 46 يوماً"
    flour, siege = find_numbers(text)
    assert (flour.value, flour.noun, text[flour.noun_start or 0 : flour.noun_end]) == (
        40,
        "طن",
        "طناً",
    )
    assert (siege.value, siege.noun) == (46, "يوم")


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "span"),
    [
        ("حصار دام أكثر من عشرين يوماً", 20, "more_than", "أكثر من عشرين"),
        ("قتل نحو 15 شخصاً", 15, "about", "نحو 15"),
        ("اعتقلت حوالي ثلاثين شاباً", 30, "about", "حوالي ثلاثين"),
        ("قدر عددهم بقرابة الـ 200 عائلة", 200, "about", "قرابة الـ 200"),
        ("قتل ما لا يقل عن سبعة مدنيين", 7, "at_least", "ما لا يقل عن سبعة"),
        ("قتل 10 أشخاص على الأقل", 10, "at_least", "10 أشخاص على الأقل"),
        ("أصيب أقل من خمسة عناصر", 5, "less_than", "أقل من خمسة"),
        ("تستوعب ما يصل إلى ألف نازح", 1000, "up_to", "ما يصل إلى ألف"),
    ],
)
def test_qualifiers(text: str, value: int, qualifier: str, span: str) -> None:
    match = only(text)
    assert (match.value, match.qualifier, text[match.start : match.end]) == (value, qualifier, span)


def test_tens_and_hundreds_are_lower_bounds() -> None:
    text = "نزح عشرات الآلاف، واعتقل مئات الشبان، وفرّ آلاف المدنيين"
    values = [(m.value, m.qualifier) for m in find_numbers(text)]
    assert values == [(10000, "at_least"), (100, "at_least"), (1000, "at_least")]


def test_counted_thousands_are_exact() -> None:
    match = only("وصلت ثلاثة آلاف وخمسمائة عائلة")
    assert (match.value, match.qualifier, match.noun) == (3500, None, "عايله")


def test_digits_in_both_scripts_with_separators() -> None:
    text = "يقطنها ١٬٢٠٠ شخص و3,500 نازح و2.5 مليون لاجئ و٤٥ طفلاً"
    assert [m.value for m in find_numbers(text)] == [1200, 3500, 2500000, 45]


def test_number_words_with_clitics_start_after_the_conjunction() -> None:
    text = "قتل خمسة وأصيب وعشرين"
    matches = find_numbers(text)
    assert [m.value for m in matches] == [5, 20]
    assert text[matches[1].start : matches[1].end] == "عشرين"


def test_dates_are_not_counts() -> None:
    assert find_numbers("بتاريخ 17/04/2022 و2022-04-17") == ()


def test_plural_noun_is_read_as_its_singular() -> None:
    match = only("اعتقلت الدورية خمسة أشخاص")
    assert (match.value, match.noun) == (5, "شخص")


def test_normalized_input_needs_the_original() -> None:
    with pytest.raises(ValueError):
        find_numbers(normalize("عشرين"))
    text = "قُتل عشرين"
    assert find_numbers(normalize(text), text)[0].value == 20


@given(st.text(alphabet="عشرين وخمسة آلاف مئة 0123456789٫٬،.نحو أكثر من يومين", max_size=60))
@settings(max_examples=200)
def test_matches_slice_the_original_in_order(text: str) -> None:
    previous = 0
    for match in find_numbers(text):
        assert previous <= match.start < match.end <= len(text)
        assert match.value >= 0
        if match.noun_start is not None and match.noun_end is not None:
            assert 0 <= match.noun_start < match.noun_end <= len(text)
        previous = match.start


def test_days_and_years_of_dates_are_not_counts() -> None:
    text = "تفاوض الطرفان يومي 12 و13 نيسان 2022، وفي عام 2016 قتل 1200 شخص، وفي 5 من شهر آذار"
    assert [(m.value, m.noun) for m in find_numbers(text)] == [(1200, "شخص")]


def test_clock_times_are_not_counts() -> None:
    text = "بدأ القصف عند الساعة 5.30 صباحاً واستمر حتى الساعة العاشرة، وقتل 4 أشخاص"
    assert [(m.value, m.noun) for m in find_numbers(text)] == [(4, "شخص")]
