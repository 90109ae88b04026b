"""Who leaves, and words that only look like leaving (reports written for these tests)."""

from __future__ import annotations

from datetime import date
from functools import cache

from marsad.classify.candidates import Candidate, candidates
from marsad.classify.view import views_of
from marsad.extract import extract_mentions
from marsad.knowledge.resources import Resources
from marsad.model import Article
from marsad.resolve import resolve_mentions


@cache
def _resources() -> Resources:
    return Resources()


def _candidates(text: str) -> list[Candidate]:
    resources = _resources()
    article = Article(id="r-1", text=text, published=date(2018, 3, 22))
    views = views_of(resolve_mentions(extract_mentions(article, resources), resources))
    return candidates(views, text)


def test_the_euphrates_is_no_flight() -> None:
    # "فرات" is "فر" (fled) with the ending "ات"
    actions = {c.action for c in _candidates("قصفت طائرات التحالف مواقع في منطقة شرق الفرات أمس.")}
    assert "air_strike" in actions
    assert not actions & {"withdrawal", "displacement"}


def test_fighters_leaving_with_a_general_verb_is_a_sure_withdrawal() -> None:
    found = _candidates("وخرجت الدفعة الأولى من مقاتلي المعارضة من بلدة التل صباح اليوم.")
    withdrawal = [c for c in found if c.action == "withdrawal"]
    assert withdrawal and withdrawal[0].strong and withdrawal[0].weight == 1.0


def test_a_general_verb_with_no_fighters_named_stays_weak() -> None:
    found = _candidates("وخرجت الدفعة الأولى من بلدة التل صباح اليوم.")
    assert all(not c.strong for c in found)


def test_a_displacement_word_is_not_turned_into_a_withdrawal_by_fighters_elsewhere() -> None:
    found = _candidates(
        "سيطر عناصر التنظيم على حي غويران في مدينة الحسكة، بالتزامن مع نزوح مئات المواطنين."
    )
    actions = {c.action for c in found}
    assert "displacement" in actions and "withdrawal" not in actions
