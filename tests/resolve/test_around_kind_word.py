"""An area word before a kind word and a name ("محيط بلدة كفرنبل", "أطراف مدينة سراقب") puts
the event around the place, geo_precision 2 (codebook §4), as "محيط كفرنبل" does."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from marsad.knowledge.resources import Resources
from marsad.model import Article
from marsad.pipeline import analyze


@cache
def _resources() -> Resources:
    return Resources()


def _precisions(text: str) -> list[int]:
    article = Article(id="p", text="عنوان\n\n" + text, published=date(2019, 5, 12))
    claims = analyze(article, _resources()).claims
    return [c.location.geo_precision for c in claims if c.location is not None]


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("قصفت قوات النظام بالمدفعية محيط بلدة كفرنبل جنوبي إدلب.", 2),
        ("قصفت قوات النظام بالمدفعية أطراف مدينة سراقب شرقي إدلب.", 2),
        ("قصفت قوات النظام بالمدفعية محيط كفرنبل جنوبي إدلب.", 2),
        ("قصفت قوات النظام بالمدفعية بلدة كفرنبل جنوبي إدلب.", 1),
    ],
)
def test_around_a_named_town(text: str, precision: int) -> None:
    assert _precisions(text) == [precision]


@pytest.mark.parametrize(
    "text",
    [
        "اندلعت اشتباكات عنيفة على أطراف حيي جوبر والقابون في دمشق.",
        "اندلعت اشتباكات عنيفة في محيط جوبر والقابون في دمشق.",
    ],
)
def test_the_area_word_holds_for_the_places_listed_with_it(text: str) -> None:
    # each listed place is around, none finer than the other: one record each
    assert _precisions(text) == [2, 2]
