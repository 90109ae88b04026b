"""Place names inside words of another sense (data/text/not_places.tsv) or after a word of
allegiance with "ل" (data/text/loyalty_words.tsv) are no places; the same names used as places
still are. Sentences written for these tests."""

from __future__ import annotations

from functools import cache

import pytest

from marsad.extract.entities import place_mentions
from marsad.knowledge.resources import Resources


@cache
def _resources() -> Resources:
    return Resources()


def _places(text: str) -> list[str]:
    return [m.span.text for m in place_mentions(text, _resources().gazetteer)]


@pytest.mark.parametrize(
    "text",
    [
        "وقال قائد الفصيل: بدأنا سحب السلاح الثقيل من خطوط التماس.",
        "واستدعت الخارجية التركية القائم بالأعمال الروسي صباح اليوم.",
        "ورفع المحتجون لافتة كتب عليها: اسمها ثورة وليست حربا.",
        "ونهب مقاتلون موالون لأنقرة محال تجارية وسط المدينة.",
        "وهاجمت ميليشيات موالية لدمشق مواقع الفصائل.",
    ],
)
def test_no_place_in_another_sense(text: str) -> None:
    found = _places(text)
    assert not {"دأنا", "القائم", "ثورة", "أنقرة", "دمشق"} & {p.removeprefix("ل") for p in found}, (
        found
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("قصفت طائرات مجهولة مدينة القائم العراقية قرب الحدود.", "القائم"),
        ("وصل وفد المعارضة إلى أنقرة للقاء المسؤولين الأتراك.", "أنقرة"),
        ("وانسحب المقاتلون من بلدة الدانا في ريف إدلب الشمالي.", "الدانا"),
        ("وعاد النازحون لدمشق بعد انتهاء المعارك.", "دمشق"),
    ],
)
def test_the_same_names_as_places(text: str, place: str) -> None:
    assert any(place in p for p in _places(text)), _places(text)
