"""Codebook rules applied by classify, on short reports written for these tests."""

from __future__ import annotations

from datetime import date
from functools import cache

from marsad.knowledge.resources import Resources
from marsad.model import Article, Claim
from marsad.pipeline import analyze


@cache
def _resources() -> Resources:
    return Resources()


def _claims(text: str, *, outlet: str | None = None) -> tuple[Claim, ...]:
    article = Article(id="r-1", text=text, published=date(2018, 3, 22), outlet=outlet)
    return analyze(article, _resources()).claims


def _actions(claims: tuple[Claim, ...]) -> set[tuple[str, str]]:
    return {(c.action, c.status) for c in claims}


def test_deaths_from_shelling_are_its_toll_not_a_killing() -> None:
    claims = _claims("قصفت قوات النظام مدينة سراقب بالمدفعية، ما أدى إلى مقتل خمسة مدنيين.")
    assert {c.action for c in claims} == {"shelling"}
    assert claims[0].fatalities == 5


def test_a_convoy_of_fighters_and_families_is_withdrawal_and_displacement() -> None:
    claims = _claims(
        "خرجت صباح اليوم الدفعة الأولى من المقاتلين وعائلاتهم من مدينة حرستا باتجاه إدلب."
    )
    by_action = {c.action: c for c in claims}
    assert {"withdrawal", "displacement"} <= by_action.keys()
    for action in ("withdrawal", "displacement"):
        location = by_action[action].location
        assert location is not None and location.span is not None
        assert location.span.text == "حرستا"  # the place left, not the destination
    actor = by_action["displacement"].actor1
    assert actor is not None and actor.id == "CIV"


def test_the_future_particle_makes_an_action_planned() -> None:
    assert ("withdrawal", "planned") in _actions(
        _claims("وستنسحب الفصائل من بلدة تلبيسة خلال الأيام المقبلة.")
    )


def test_negation_right_before_the_verb() -> None:
    assert ("withdrawal", "negated") in _actions(
        _claims("أكد القائد أن عناصره لم تنسحب من مدينة الرستن رغم القصف.")
    )


def test_one_agreement_per_report() -> None:
    claims = _claims(
        "توصلت الفصائل وروسيا إلى اتفاق في مدينة دوما. وينص الاتفاق على وقف إطلاق النار في "
        "مدينتي حرستا وعربين."
    )
    assert sum(1 for c in claims if c.action == "agreement" and c.status == "occurred") == 1


def test_the_outlets_own_name_is_not_an_attribution() -> None:
    text = "وقال مراسل عنب بلدي إن قوات النظام قصفت مدينة سراقب بالمدفعية."
    assert all(c.attributed_to is None for c in _claims(text, outlet="Enab Baladi"))
    assert any(c.attributed_to is not None for c in _claims(text, outlet="Another Outlet"))


def test_clash_between_two_sides() -> None:
    claims = _claims("اندلعت اشتباكات بين قوات النظام وفصائل المعارضة في محيط مدينة سراقب.")
    clash = [c for c in claims if c.action == "armed_clash"]
    assert clash and clash[0].actor1 is not None and clash[0].actor2 is not None
    assert (clash[0].actor1.id, clash[0].actor2.id) == ("SYR_GOV", "OPPOSITION")


def test_aircraft_make_a_bare_bombardment_an_air_strike() -> None:
    claims = _claims("قصفت الطائرات الحربية مدينة معرة النعمان صباح اليوم.")
    assert {c.action for c in claims} == {"air_strike"}


def test_a_deals_terms_are_not_records_of_their_own() -> None:
    claims = _claims("توصل الطرفان إلى اتفاق يقضي بانسحاب الفصائل من مدينة الرستن.")
    assert {c.action for c in claims} == {"agreement"}


def test_the_last_of_a_force_after_a_leaving_noun_are_who_leave() -> None:
    # "مغادرة آخر فلول مقاتلي X": the chain of remnant words stands in construct with X, the
    # noun's genitive, so X leaves (not the side that entered, named first).
    claims = _claims(
        "دخلت قوات سوريا الديمقراطية بلدة الشدادي بعد مغادرة آخر فلول مقاتلي تنظيم داعش البلدة."
    )
    withdrawal = [c for c in claims if c.action == "withdrawal"]
    assert withdrawal
    actor = withdrawal[0].actor1
    assert actor is not None and actor.id == "ISIS"


def test_a_leaving_noun_with_an_ordinary_word_before_its_actor_keeps_the_old_reading() -> None:
    # the words between are no remnant chain: the agent is found as before (the side named
    # first), not the actor after the noun
    claims = _claims(
        "دخلت قوات سوريا الديمقراطية بلدة الشدادي بعد مغادرة سكانها إثر هجمات تنظيم داعش عليها."
    )
    for claim in claims:
        if claim.action == "withdrawal":
            assert claim.actor1 is None or claim.actor1.id != "ISIS"
