"""The per-article map end to end: spans, evidence, dates, and bad input."""

from __future__ import annotations

from datetime import date
from functools import cache

from marsad.knowledge.resources import Resources
from marsad.model import Article, Claim
from marsad.pipeline import analyze

REPORT = (
    "قال المرصد السوري لحقوق الإنسان إن قوات النظام قصفت بالمدفعية أمس بلدة كفرنبل جنوبي إدلب، "
    "ما أدى إلى مقتل أربعة مدنيين.\n"
    "وأضاف أن فصائل المعارضة سيطرت على قرية حيش بعد اشتباكات عنيفة استمرت حتى الفجر."
)


@cache
def _resources() -> Resources:
    return Resources()


def _claims(text: str, published: date | None = date(2019, 5, 10)) -> tuple[Claim, ...]:
    return analyze(Article(id="t-1", text=text, published=published), _resources()).claims


def _spans(claim: Claim) -> list[tuple[int, int, str]]:
    out = [(claim.evidence.start, claim.evidence.end, claim.evidence.text)]
    for ref in (claim.actor1, claim.actor2, claim.location, claim.date, claim.attributed_to):
        span = getattr(ref, "span", None)
        if span is not None:
            out.append((span.start, span.end, span.text))
    if claim.trigger is not None:
        out.append((claim.trigger.start, claim.trigger.end, claim.trigger.text))
    out += [(q.span.start, q.span.end, q.span.text) for q in claim.quantities if q.span]
    return out


def test_every_span_slices_the_article_text() -> None:
    claims = _claims(REPORT)
    assert claims
    for claim in claims:
        for start, end, text in _spans(claim):
            assert REPORT[start:end] == text


def test_every_record_has_evidence_containing_its_trigger() -> None:
    for claim in _claims(REPORT):
        assert claim.trigger is not None
        assert claim.evidence.start <= claim.trigger.start < claim.evidence.end


def test_relative_dates_resolve_against_publication() -> None:
    shelling = [c for c in _claims(REPORT) if c.action == "shelling"]
    assert shelling and shelling[0].date is not None
    assert shelling[0].date.interval.start == date(2019, 5, 9)
    assert shelling[0].fatalities == 4


def test_no_publication_date_and_no_year_gives_no_date() -> None:
    claims = _claims(REPORT, published=None)
    assert claims and all(c.date is None for c in claims)


def test_attribution_carries_to_the_next_sentence() -> None:
    taken = [c for c in _claims(REPORT) if c.action == "territory_taken"]
    assert taken and taken[0].attributed_to is not None
    assert taken[0].attributed_to.name == "SOHR"


def test_empty_and_eventless_text_give_no_records() -> None:
    assert _claims("") == ()
    assert _claims("انعقد اليوم مؤتمر ثقافي في المدينة لمناقشة واقع المكتبات العامة.") == ()


def test_ids_are_stable() -> None:
    assert [c.id for c in _claims(REPORT)] == [c.id for c in _claims(REPORT)]
