"""Dates in a report with no publication date (codebook §5): a named day told earlier carries to
the events that follow; a year alone told as background does not date them."""

from __future__ import annotations

from functools import cache

from marsad.knowledge.resources import Resources
from marsad.model import Article, Claim
from marsad.pipeline import analyze


@cache
def _resources() -> Resources:
    return Resources()


def _claims(text: str) -> tuple[Claim, ...]:
    return analyze(Article(id="undated", text=text, published=None), _resources()).claims


def test_a_background_year_does_not_date_the_events_told_after_it() -> None:
    text = (
        "وفي ذروة سطوته في عام 2015 حكم التنظيم مساحات واسعة من البلاد. "
        "وسيطرت قوات النظام على مدينة الميادين بعد معارك عنيفة مع التنظيم."
    )
    taken = [c for c in _claims(text) if c.action == "territory_taken"]
    assert taken, "the taking of the town is a record"
    assert all(c.date is None for c in taken)


def test_a_named_day_told_earlier_dates_the_events_that_follow() -> None:
    text = (
        "شهد يوم 14 تشرين الأول 2017 تطورات ميدانية متسارعة في ريف دير الزور. "
        "وسيطرت قوات النظام على مدينة الميادين بعد معارك عنيفة مع التنظيم."
    )
    taken = [c for c in _claims(text) if c.action == "territory_taken"]
    assert taken and all(c.date is not None for c in taken)
    assert all(c.date.interval.start.year == 2017 for c in taken if c.date is not None)
