"""A deal's terms make no record, but a quantity they state of a record the report tells is kept
(codebook §6: a siege lifted keeps its stated duration)."""

from __future__ import annotations

from datetime import date
from functools import cache

from marsad.knowledge.resources import Resources
from marsad.model import Article, Claim
from marsad.pipeline import analyze

REPORT = (
    "فك الحصار عن مدينة الحسكة\n\n"
    "فكت قوات سوريا الديمقراطية الحصار عن الأحياء الخاضعة لسيطرة النظام في مدينة الحسكة، "
    "بحسب ما أفادت مصادر محلية اليوم.\n\n"
    "وبحسب المصادر يقضي الاتفاق بفك الحصار عن الأحياء الخاضعة للنظام في مدينة الحسكة، بعد "
    "أكثر من عشرين يوماً على حصارها."
)


@cache
def _resources() -> Resources:
    return Resources()


def _claims() -> tuple[Claim, ...]:
    article = Article(id="terms", text=REPORT, published=date(2022, 4, 17))
    return analyze(article, _resources()).claims


def test_the_terms_give_the_lifting_its_duration_and_make_no_record() -> None:
    lifted = [c for c in _claims() if c.action == "siege_lifted"]
    assert lifted, "the lifting is a record"
    durations = [(q.value, q.unit, q.item, q.qualifier) for c in lifted for q in c.quantities]
    assert (20, "day", "siege", "more_than") in durations
    assert all(c.status != "terms" for c in _claims())
