"""The words before a place name that extract/entities reads from data/text/place_context_words.tsv,
on the text right before a name, written for these tests."""

from __future__ import annotations

import pytest

from marsad.extract.entities import _before, _reference_before


@pytest.mark.parametrize(
    ("before", "kind", "found"),
    [
        ("اقتحمت القوات قرية ", "place_word", True),
        ("في احياء ", "place_word", True),
        ("بين مدينتي ", "place_word", True),
        ("اقتحمت القوات ", "place_word", False),
        ("غارات على ريف ", "near", True),
        ("اشتباكات بالقرب من ", "near", True),
        ("اشتباكات بالقرب  من ", "near", False),  # the phrase's one space
        ("اشتباكات في ", "near", False),
    ],
)
def test_place_words_before_a_name(before: str, kind: str, found: bool) -> None:
    assert bool(_before(kind).search(before)) == found


@pytest.mark.parametrize(
    ("before", "found"),
    [
        ("انفجار وقرب ", True),
        ("على مقربة من الحدود السورية ", True),  # up to two words between
        ("قرب العاصمة السورية ", True),
        ("قرب مدينة على الحدود مع ", False),  # three words between
        ("في ", False),
    ],
)
def test_a_reference_point_before_a_name(before: str, found: bool) -> None:
    assert bool(_reference_before().search(before)) == found
