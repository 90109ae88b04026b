"""Trigger words that mean something else in their phrase make no candidate at all (context.tsv
`lexical` rows): income is no entering, a statement published is no deployment, intervening is
no entering (reports written for these tests)."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from marsad.classify.candidates import candidates
from marsad.classify.view import views_of
from marsad.extract import extract_mentions
from marsad.knowledge.resources import Resources
from marsad.model import Article
from marsad.resolve import resolve_mentions


@cache
def _resources() -> Resources:
    return Resources()


def _actions(text: str) -> set[str]:
    article = Article(id="t", text=text, published=date(2016, 5, 2))
    resolution = resolve_mentions(extract_mentions(article, _resources()), _resources())
    return {c.action for c in candidates(views_of(resolution), text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("وتطرح أسئلة كبيرة عن مصادر دخل الفصائل المسلحة في ريف إدلب.", "territory_taken"),
        ("وتعد حقول النفط في دير الزور مصدر دخل رئيسي للتنظيم.", "incursion"),
        ("وقالت الهيئة في بيان نشر على معرفاتها إنها ترفض التسوية في درعا.", "mobilization"),
        ("وتفرق المحتجون في حماة بعد أن تدخلت قوات الأمن.", "aid_delivery"),
    ],
)
def test_a_word_in_another_sense_makes_no_candidate(text: str, absent: str) -> None:
    assert absent not in _actions(text)


def test_the_same_words_in_their_own_sense_still_do() -> None:
    assert "territory_taken" in _actions("دخل مقاتلو الفصائل بلدة كفرنبودة في ريف حماة.") or (
        "incursion" in _actions("دخل مقاتلو الفصائل بلدة كفرنبودة في ريف حماة.")
    )
    assert "mobilization" in _actions("نشر الجيش التركي تعزيزات في ريف إدلب.")
