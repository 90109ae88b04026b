"""Disputes: every disagreement listed with its records and sources; agreement is not a dispute."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import texts
from link_builders import ASHRAFIEH, HASAKAH, SHEIKH_MAQSOUD, article, claim, siege_days

from marsad.link.actors import ActorTree
from marsad.link.disputes import disputes_of
from marsad.link.facts import RecordFacts, facts_of

TREE = ActorTree(known=frozenset({"SYR_GOV", "SDF"}))
FIRST = article("s1", texts.SIEGE_LIFTED_ALEPPO, outlet="Enab Baladi", published=date(2022, 5, 17))
SECOND = article("s3", texts.SIEGE_LIFTED_ALEPPO_AGAIN, outlet="Syria TV")


def lifting(art: str, **changes: object) -> RecordFacts:
    source = FIRST if art == "s1" else SECOND
    base = claim(
        source,
        "siege_lifted",
        source.text[:40],
        actor1="SYR_GOV_4DIV",
        actor2="SDF",
        where=SHEIKH_MAQSOUD,
        quantities=(siege_days(46),),
    )
    return replace(facts_of(base, source, "siege"), **changes)  # type: ignore[arg-type]


def test_a_duration_told_two_ways_is_a_quantity_dispute_with_each_source() -> None:
    a = lifting("s1")
    more_than_20 = replace(a.quantities[0], value=20.0, qualifier="more_than")
    b = lifting("s3", record_id="r2", quantities=(more_than_20,), attribution="Al-Mayadeen")
    (dispute,) = disputes_of([a, b], TREE)
    assert dispute.field == "quantities.siege.day"
    assert [(v.value, v.qualifier, v.sources) for v in dispute.values] == [
        (20, "more_than", ("Al-Mayadeen", "Syria TV")),
        (46, None, ("Enab Baladi",)),
    ]


def test_a_parent_actor_a_close_neighbour_and_an_unknown_value_are_no_dispute() -> None:
    a = lifting("s1")
    b = lifting("s3", record_id="r2", actor1="SYR_GOV", place=ASHRAFIEH, quantities=())
    assert disputes_of([a, b], TREE) == ()


def test_places_far_apart_and_other_sides_are_disputed() -> None:
    a = lifting("s1")
    b = lifting("s3", record_id="r2", actor1="SDF", actor2="SYR_GOV", place=HASAKAH)
    fields = [d.field for d in disputes_of([a, b], TREE)]
    assert fields == ["location", "actor1", "actor2"]
