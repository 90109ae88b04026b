"""Unit words of quantities are found whatever their spelling's hamza or ta marbuta ("300 عائلة",
"أسرة"), and a toll told with "قضى" counts the dead but not a span of time (codebook §6)."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from marsad.knowledge.resources import Resources
from marsad.model import Article, Claim
from marsad.pipeline import analyze


@cache
def _resources() -> Resources:
    return Resources()


def _claims(text: str) -> tuple[Claim, ...]:
    article = Article(id="q", text="عنوان\n\n" + text, published=date(2019, 5, 12))
    return analyze(article, _resources()).claims


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        (
            "نزحت 300 عائلة من بلدة كفرنبل باتجاه المخيمات الحدودية خلال الأيام الماضية.",
            300,
            "family",
        ),
        ("نزحت 45 أسرة من بلدة كفرنبل باتجاه المخيمات الحدودية.", 45, "family"),
    ],
)
def test_unit_words_of_any_spelling(text: str, value: int, unit: str) -> None:
    quantities = [(q.value, q.unit) for c in _claims(text) for q in c.quantities]
    assert (value, unit) in quantities


def test_died_verb_before_a_count_is_a_toll() -> None:
    claims = _claims("قضى خمسة أطفال في قصف جوي على مدينة معرة النعمان.")
    assert [c.fatalities for c in claims if c.action == "air_strike"] == [5]


def test_a_span_of_time_after_the_died_verb_is_no_toll() -> None:
    claims = _claims("قتل مدني في قصف جوي على مدينة معرة النعمان بعد أن قضى 3 أيام في المعتقل.")
    assert [c.fatalities for c in claims if c.action == "air_strike"] == [1]


def test_a_risen_toll_named_with_its_attack() -> None:
    claims = _claims("ارتفعت حصيلة القتلى في القصف الجوي على مدينة معرة النعمان إلى 18 مدنياً.")
    assert [c.fatalities for c in claims if c.action == "air_strike"] == [18]


def test_a_siege_lasting_months_is_its_duration() -> None:
    claims = _claims("فرضت قوات النظام حصاراً خانقاً على بلدة مضايا استمر قرابة سبعة أشهر.")
    quantities = [(q.value, q.unit, q.item) for c in claims for q in c.quantities]
    assert (7, "month", "siege") in quantities
