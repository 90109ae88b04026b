"""Pair scores: what makes two records one happening, and what makes it impossible."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import texts
from link_builders import (
    ASHRAFIEH,
    DOUMA,
    HASAKAH,
    IDLEB,
    QAMISHLI,
    SHEIKH_MAQSOUD,
    article,
    claim,
    day,
)

from marsad.link.actors import ActorTree
from marsad.link.facts import RecordFacts, facts_of
from marsad.link.scoring import PAIR_THRESHOLD, pair_score, score_parts
from marsad.model import Place

TREE = ActorTree(known=frozenset({"SDF", "SYR_GOV"}))
REPORT = article("a1", texts.STRIKE_ORIGINAL, outlet="Enab Baladi", published=date(2022, 5, 3))
OTHER = article("a3", texts.STRIKE_PARAPHRASE, outlet="Syria TV", published=date(2022, 5, 4))


def strike(source: str = "a1", **changes: object) -> RecordFacts:
    art = REPORT if source == "a1" else OTHER
    text = texts.STRIKE_ORIGINAL[38:200] if source == "a1" else texts.STRIKE_PARAPHRASE[36:160]
    base = claim(art, "air_strike", text, actor1="RUS", actor2="CIV", where=IDLEB, when=day(3, 5))
    return replace(facts_of(base, art, "remote"), **changes)  # type: ignore[arg-type]


def test_agreeing_reports_score_above_the_threshold() -> None:
    score = pair_score(strike("a1"), strike("a3"), TREE)
    assert score is not None and score >= PAIR_THRESHOLD


def test_another_action_far_dates_or_far_places_cannot_be_one_happening() -> None:
    a = strike("a1")
    assert pair_score(a, strike("a3", action="shelling"), TREE) is None
    assert (
        pair_score(
            a,
            strike(
                "a3",
                date=replace(
                    a.date,
                    start=date(2022, 5, 9),  # type: ignore[type-var]
                    end=date(2022, 5, 9),
                ),
            ),
            TREE,
        )
        is None
    )
    assert pair_score(a, strike("a3", place=DOUMA), TREE) is None


def test_a_conflicting_actor_costs_more_than_an_unknown_one() -> None:
    a = strike("a1")
    unknown = pair_score(a, strike("a3", actor1=None), TREE)
    conflicting = pair_score(a, strike("a3", actor1="COALITION"), TREE)
    assert unknown is not None and conflicting is not None and conflicting < unknown


def test_the_same_gazetteer_entry_beats_a_neighbourhood_two_kilometres_away() -> None:
    a = strike("a1", place=SHEIKH_MAQSOUD)
    same = pair_score(a, strike("a3", place=SHEIKH_MAQSOUD), TREE)
    neighbour = pair_score(a, strike("a3", place=ASHRAFIEH), TREE)
    assert same is not None and neighbour is not None and same > neighbour


def test_places_in_one_governorate_75_km_apart_are_a_dispute_not_a_veto() -> None:
    score = pair_score(strike("a1", place=QAMISHLI), strike("a3", place=HASAKAH), TREE)
    assert score is not None


def test_two_records_of_one_article_are_one_happening_only_as_claim_and_denial() -> None:
    a = strike("a1")
    assert pair_score(a, strike("a1", place=SHEIKH_MAQSOUD, record_id="x"), TREE) is None
    assert pair_score(a, strike("a1", status="denied", attribution="Moscow"), TREE) is not None


def test_one_claim_from_two_sources_of_an_article_is_one_happening_only_at_one_entry_and_day() -> (
    None
):
    a = strike("a1", place=SHEIKH_MAQSOUD)
    assert pair_score(a, strike("a1", place=SHEIKH_MAQSOUD, attribution="SOHR"), TREE) is not None
    # The neighbourhood two kilometres away is another strike, whoever tells it.
    assert pair_score(a, strike("a1", place=ASHRAFIEH, attribution="SOHR"), TREE) is None
    # So is a strike at the same place three days earlier.
    earlier = replace(a.date, start=date(2022, 4, 30), end=date(2022, 4, 30))  # type: ignore[type-var]
    assert (
        pair_score(a, strike("a1", place=SHEIKH_MAQSOUD, date=earlier, attribution="SOHR"), TREE)
        is None
    )


def test_a_denial_in_the_same_article_that_gives_no_date_still_denies_the_dated_claim() -> None:
    a = strike("a1")
    assert (
        pair_score(a, strike("a1", status="denied", attribution="Moscow", date=None), TREE)
        is not None
    )


def test_a_plan_beside_a_deed_in_one_article_is_another_happening() -> None:
    a = strike("a1")
    assert pair_score(a, strike("a1", status="planned", attribution="SOHR"), TREE) is None


def test_only_a_lasting_state_links_across_months() -> None:
    later = replace(strike("a1").date, start=date(2022, 8, 3), end=date(2022, 8, 3))  # type: ignore[type-var]
    assert pair_score(strike("a1"), strike("a3", date=later), TREE) is None
    siege = pair_score(
        strike("a1", action="siege_imposed"), strike("a3", action="siege_imposed", date=later), TREE
    )
    assert siege is not None and siege >= PAIR_THRESHOLD


def test_an_undated_report_cannot_tell_of_what_happened_after_it_was_published() -> None:
    a = strike("a1", date=None, published=date(2022, 4, 20))
    assert pair_score(a, strike("a3"), TREE) is None


def test_the_score_by_field_adds_up_to_the_pair_score_and_names_the_veto() -> None:
    from marsad.link.scoring import score_parts

    a, b = strike("a1"), strike("a3", actor1="COALITION")
    parts = score_parts(a, b, TREE)
    total = pair_score(a, b, TREE)
    assert total is not None
    assert abs(sum(v for v in parts.values() if v is not None) - total) < 1e-9
    other_town = score_parts(a, strike("a1", place=SHEIKH_MAQSOUD, record_id="x"), TREE)
    assert other_town["article"] is None  # two happenings of one article
    assert score_parts(a, strike("a3", action="shelling"), TREE)["action"] is None


def test_allies_named_as_the_doer_agree_more_than_strangers() -> None:
    # One report names the Turkish army, another the factions it backs (data/actor_sides.tsv).
    from marsad.knowledge.sides import load_actor_sides

    plain = ActorTree(parents={"SNA": "OPPOSITION"}, known=frozenset({"SNA", "TUR"}))
    with_sides = replace(plain, sides=load_actor_sides())
    a, b = strike("a1", actor1="TUR"), strike("a3", actor1="SNA")
    allied = pair_score(a, b, with_sides)
    strangers = pair_score(a, b, plain)
    assert allied is not None and strangers is not None
    assert allied > strangers
    assert allied >= PAIR_THRESHOLD
    # The SDF is no ally of Turkey: as costly as without the table.
    assert pair_score(a, strike("a3", actor1="SDF"), with_sides) == pair_score(
        a, strike("a3", actor1="SDF"), plain
    )


def test_two_reports_naming_each_other_side_as_the_doer_pay_for_the_swap_once() -> None:
    # "The army encircled ISIS in the town" / "ISIS is besieging the army there": one
    # happening between one pair of sides; a half swap (one new party) costs more.
    a = strike("a1", actor1="SYR_GOV", actor2="ISIS")
    swapped = pair_score(a, strike("a3", actor1="ISIS", actor2="SYR_GOV"), TREE)
    half = pair_score(a, strike("a3", actor1="ISIS", actor2="SDF"), TREE)
    unknown_actor2 = pair_score(a, strike("a3", actor1="ISIS", actor2=None), TREE)
    assert swapped is not None and half is not None and unknown_actor2 is not None
    assert swapped == unknown_actor2
    assert swapped > half


# A siege told as a state, weeks apart: Eastern Ghouta (an area) and a town inside it.
GHOUTA = Place(
    "eastern_ghouta",
    "Eastern Ghouta",
    "الغوطة الشرقية",
    33.55,
    36.40,
    "Rural Damascus",
    None,
    None,
    "SY",
    "area",
)
# some 9 km from the region's centre: inside it, beyond "one spot" (5 km)
NASHABIYAH = Place(
    "nashabiyah",
    "Nashabiyah",
    "النشابية",
    33.495,
    36.483,
    "Rural Damascus",
    None,
    None,
    "SY",
    "town",
)
MADAYA = Place(
    "madaya", "Madaya", "مضايا", 33.6900, 36.0960, "Rural Damascus", None, None, "SY", "town"
)
SIEGE_REPORT = article(
    "s1", "قتل مدنيون في قصف على الغوطة الشرقية المحاصرة قرب دمشق.", published=date(2018, 2, 19)
)
SIEGE_LATER = article(
    "s2", "بدأ مقاتلو المعارضة الخروج من بلدة النشابية المحاصرة اليوم.", published=date(2018, 3, 24)
)


def siege(source: str = "s1", **changes: object) -> RecordFacts:
    art = SIEGE_REPORT if source == "s1" else SIEGE_LATER
    when = (art.published, art.published) if art.published else None
    where = GHOUTA if source == "s1" else NASHABIYAH
    base = claim(art, "siege_imposed", art.text[:40], actor2="OPPOSITION", where=where, when=when)
    return replace(facts_of(base, art, "siege"), **changes)  # type: ignore[arg-type]


def test_a_siege_at_a_region_and_at_a_town_inside_it_weeks_apart_can_be_one_siege() -> None:
    region, town = siege("s1"), siege("s2")
    score = pair_score(region, town, TREE)  # 33 days apart, besieger unknown, besieged agree
    assert score is not None and score >= PAIR_THRESHOLD
    other_side = pair_score(region, siege("s2", actor2="SDF"), TREE)
    assert other_side is not None and other_side < PAIR_THRESHOLD
    far = siege("s2", place=MADAYA)  # outside the region: two sieges
    assert pair_score(region, far, TREE) is None


def test_a_durable_sieges_reports_days_apart_cost_nothing_a_strikes_do() -> None:
    town = siege("s2")
    assert town.date is not None
    earlier = replace(town.date, start=date(2018, 3, 22), end=date(2018, 3, 22))
    other = siege("s2", article_id="s3", record_id="r3", date=earlier)
    assert score_parts(town, other, TREE)["date"] == 0.0
    strike_a, strike_b = replace(town, action="air_strike"), replace(other, action="air_strike")
    assert (score_parts(strike_a, strike_b, TREE)["date"] or 0.0) < 0.0


def test_an_unknown_besieger_does_not_conflict_a_named_one() -> None:
    named = siege("s1", actor1="SYR_GOV")
    unknown = siege("s2", place=GHOUTA)
    crossed = siege("s2", place=GHOUTA, actor1="OPPOSITION", actor2="SYR_GOV")
    a, b = pair_score(named, unknown, TREE), pair_score(named, crossed, TREE)
    assert a is not None and b is not None and a > b


# Two reports of one truce in one town: one names the rebels as agreeing for the town's people,
# the other names the army and the rebels as its two parties.
TRUCE_REPORT = article(
    "t1", "وقع مقاتلو المعارضة اتفاق هدنة يشمل سكان بلدة دوما اليوم.", published=date(2016, 2, 3)
)
TRUCE_OTHER = article("t2", "توصل الجيش السوري وفصائل المعارضة إلى هدنة في مدينة دوما.")
TRUCE_TREE = ActorTree(known=frozenset({"OPPOSITION", "SYR_GOV", "CIV"}))


def truce(art: object, actor1: str, actor2: str) -> RecordFacts:
    assert art is TRUCE_REPORT or art is TRUCE_OTHER
    when = day(3, 2) if art is TRUCE_REPORT else None
    base = claim(art, "agreement", art.text[:30], actor1=actor1, actor2=actor2, where=DOUMA)
    base = replace(base, date=None) if when is None else base
    return facts_of(base, art, "negotiation")


def test_a_two_sided_pair_scores_the_same_whichever_record_is_read_first() -> None:
    # Which roles the sides cross into depends on whose actor1 is read first; linking meets a
    # pair in either order (new record against indexed one), so the score must not depend on it.
    a = truce(TRUCE_REPORT, "OPPOSITION", "CIV")
    b = truce(TRUCE_OTHER, "SYR_GOV", "OPPOSITION")
    forward, backward = pair_score(a, b, TRUCE_TREE), pair_score(b, a, TRUCE_TREE)
    assert forward is not None and forward == backward
    assert score_parts(b, a, TRUCE_TREE) == score_parts(a, b, TRUCE_TREE)
    # the better reading counts: the rebels, the one party both name, agree as the doers
    assert score_parts(b, a, TRUCE_TREE)["actors"] == 0.5
