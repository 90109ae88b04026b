"""Places that hold one another, one happening told by several sources of one article, and
reports that tell a happening from the other side."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import texts
from link_builders import article, claim

from marsad.link.actors import ActorTree
from marsad.link.facts import RecordFacts, facts_of
from marsad.link.geo import contains, nested
from marsad.link.scoring import pair_score
from marsad.model import DateInterval, Place


def _place(gid: str, kind: str, lat: float, lon: float, *admins: str | None) -> Place:
    admin1, admin2, admin3 = (*admins, None, None, None)[:3]
    return Place(gid, gid, gid, lat, lon, admin1, admin2, admin3, "SY", kind)


RIF_DIMASHQ = _place("rif_dimashq", "governorate", 33.52, 36.95, "Rural Damascus")
DUMA_DISTRICT = _place("duma_district", "district", 33.57, 36.40, "Rural Damascus", "Duma")
EASTERN_GHOUTA = _place("eastern_ghouta", "area", 33.55, 36.40, "Rural Damascus", "Duma")
DUMA = _place("duma", "city", 33.5706, 36.4046, "Rural Damascus", "Duma", "Duma")
HARASTA = _place("harasta", "town", 33.5643, 36.3712, "Rural Damascus", "Duma", "Harasta")
# In the Duma district too, but 120 km out in the desert: not in the Ghouta.
SABE_BYAR = _place("sabe_byar", "town", 33.78, 37.69, "Rural Damascus", "Duma", "Sabe Byar")
DAMASCUS = _place("damascus", "city", 33.5172, 36.2767, "Damascus", "Damascus", "Damascus")
MEZZEH = _place("mezzeh", "neighbourhood", 33.50, 36.25, "Damascus", "Damascus")
JOBAR = _place("jobar", "neighbourhood", 33.528, 36.337, "Damascus", "Damascus")


def test_a_wider_place_contains_the_places_inside_it() -> None:
    assert contains(RIF_DIMASHQ, DUMA) and not contains(DUMA, RIF_DIMASHQ)
    assert contains(DUMA_DISTRICT, HARASTA)
    assert contains(EASTERN_GHOUTA, DUMA) and not contains(EASTERN_GHOUTA, SABE_BYAR)
    assert contains(DAMASCUS, MEZZEH) and nested(MEZZEH, DAMASCUS)


def test_places_side_by_side_do_not_contain_one_another() -> None:
    assert not nested(DUMA, HARASTA)  # two towns
    assert not nested(MEZZEH, JOBAR)  # two quarters of one city
    assert not nested(DAMASCUS, DUMA)  # the capital is not its countryside
    assert not nested(DUMA, DUMA)


TREE = ActorTree(known=frozenset({"SYR_GOV", "OPPOSITION", "ISR", "IRN"}))
REPORT = article("p1", texts.STRIKE_ORIGINAL, published=date(2024, 1, 20))
OTHER = article("p2", texts.STRIKE_PARAPHRASE, published=date(2024, 1, 28))


def strike(source: str = "p1", **changes: object) -> RecordFacts:
    art = REPORT if source == "p1" else OTHER
    text = texts.STRIKE_ORIGINAL[38:200] if source == "p1" else texts.STRIKE_PARAPHRASE[36:160]
    base = claim(art, "air_strike", text, actor1="ISR", actor2="IRN", where=DAMASCUS)
    when = DateInterval(date(2024, 1, 20), date(2024, 1, 20), 1)
    return replace(facts_of(base, art, "remote"), **{"date": when, **changes})  # type: ignore[arg-type]  # type: ignore[arg-type]


def test_one_source_at_a_city_and_at_its_quarter_tells_two_strikes_two_sources_one() -> None:
    # Extraction folds one source's strike told at the city and at its quarter into one record,
    # so two records of one source are two happenings; two sources placing one strike differently
    # (or a claim and its denial) are one happening disputed.
    city = strike()
    assert pair_score(city, strike(place=MEZZEH, record_id="quarter"), TREE) is None
    other_source = strike(place=MEZZEH, record_id="quarter", attribution="SOHR")
    assert pair_score(city, other_source, TREE) is not None
    denied = strike(place=MEZZEH, record_id="quarter", status="denied")
    assert pair_score(city, denied, TREE) is not None


def test_one_article_tells_two_strikes_on_two_towns_or_two_quarters_the_same_day() -> None:
    assert pair_score(strike(place=DUMA), strike(place=HARASTA, record_id="x"), TREE) is None
    assert pair_score(strike(place=MEZZEH), strike(place=JOBAR, record_id="x"), TREE) is None
    # Another source does not make two towns one place.
    other_source = strike(place=HARASTA, record_id="x", attribution="SOHR")
    assert pair_score(strike(place=DUMA), other_source, TREE) is None


def test_the_city_and_its_quarter_on_different_days_are_two_strikes() -> None:
    later = DateInterval(date(2024, 1, 22), date(2024, 1, 22), 1)
    assert pair_score(strike(), strike(place=MEZZEH, record_id="x", date=later), TREE) is None


def test_a_claim_and_the_texts_own_negation_are_one_happening_disputed() -> None:
    assert pair_score(strike(), strike(status="negated", record_id="x"), TREE) is not None


def test_a_quarter_and_its_city_in_two_reports_score_above_two_places_as_far_apart() -> None:
    # A quarter on the city's edge, 7 km from the city's point, and a town as far from it.
    edge = replace(MEZZEH, gazetteer_id="edge", lat=33.47, lon=36.22)
    town = replace(edge, gazetteer_id="town", kind="town", admin1="Rural Damascus")
    inside = pair_score(strike(place=edge), strike("p2", place=DAMASCUS), TREE)
    beside = pair_score(strike(place=town), strike("p2", place=DAMASCUS), TREE)
    assert inside is not None and beside is not None and inside > beside


def test_a_report_told_from_the_other_side_costs_less_than_another_actor() -> None:
    a = strike()
    swapped = pair_score(a, strike("p2", actor1="IRN", actor2="ISR"), TREE)
    another = pair_score(a, strike("p2", actor1="SYR_GOV", actor2=None), TREE)
    assert swapped is not None and another is not None and swapped > another


def test_two_sources_of_one_article_naming_different_perpetrators_are_one_happening() -> None:
    claimed = strike(attribution="SANA", actor1="ISR")
    disputed = strike(record_id="x", attribution="Iranian official", actor1="SYR_GOV")
    assert pair_score(claimed, disputed, TREE) is not None
    # One source's strike by one air force and another's is two strikes.
    assert (
        pair_score(claimed, strike(record_id="x", attribution="SANA", actor1="IRN"), TREE) is None
    )
