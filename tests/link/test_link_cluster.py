"""Clustering: merges are judged on every pair, and one article's happenings never meet."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import texts
from link_builders import ASHRAFIEH, DOUMA, IDLEB, SHEIKH_MAQSOUD, article, claim, day

from marsad.link.actors import ActorTree
from marsad.link.cluster import MAX_CROSS_PAIRS, Clustering
from marsad.link.facts import RecordFacts, facts_of
from marsad.link.scoring import same_happening_in_article
from marsad.model import DateInterval

REPORT = article("a1", texts.STRIKE_ORIGINAL, outlet="Enab Baladi", published=date(2022, 5, 3))
BASE = facts_of(
    claim(
        REPORT,
        "air_strike",
        texts.STRIKE_ORIGINAL[38:200],
        actor1="RUS",
        where=IDLEB,
        when=day(3, 5),
    ),
    REPORT,
    "remote",
)


def report(record_id: str, article_id: str, **changes: object) -> RecordFacts:
    return replace(BASE, record_id=record_id, article_id=article_id, **changes)  # type: ignore[arg-type]


def test_a_large_merge_still_checks_every_pair_of_records_of_one_article() -> None:
    size = 21  # 21 x 21 pairs: more than MAX_CROSS_PAIRS, so the scores are sampled
    assert size * size > MAX_CROSS_PAIRS
    left = [report(f"l{i}", f"left-{i}") for i in range(size)]
    right = [report(f"r{i}", f"right-{i}") for i in range(size - 1)]
    # The last record on the right is another strike told by the last article on the left.
    right.append(report("r-last", f"left-{size - 1}", place=DOUMA))
    clustering = Clustering([], ActorTree())
    first = clustering.add_existing(left)[0]
    clustering.locked.clear()
    others = [clustering.add_record(f) for f in right]
    for position in others[1:]:
        clustering._join(others[0], position)  # the right side as one cluster, unchecked
    assert not clustering.try_merge(first, others[0])


def test_agreeing_reports_of_different_articles_merge() -> None:
    clustering = Clustering([], ActorTree())
    a = clustering.add_record(report("x", "one"))
    b = clustering.add_record(report("y", "two"))
    assert clustering.try_merge(a, b)


def test_two_reports_records_pair_off_by_the_best_total_not_the_best_single_pair() -> None:
    # Two reports each tell two strikes on neighbouring quarters. The single best pair (x1-y1:
    # neighbouring quarters, same day, same toll) would leave x2 and y2 with no partner; the
    # pairing with the best total (x1-y2 at one quarter, x2-y1 at the other) links both.
    from marsad.link.blocking import BlockIndex
    from marsad.link.cluster import link_records

    x1 = report("x1", "one", place=SHEIKH_MAQSOUD, date=_day(4), fatalities=5)
    x2 = report("x2", "one", place=ASHRAFIEH, date=_day(3))
    y1 = report("y1", "two", place=ASHRAFIEH, date=_day(4), fatalities=5)
    y2 = report("y2", "two", place=SHEIKH_MAQSOUD, date=_day(6))
    tree = ActorTree()
    clustering = Clustering([], tree)
    positions = [clustering.add_record(f) for f in (x1, x2, y1, y2)]
    link_records(clustering, positions, BlockIndex(tree))
    groups = {
        frozenset(clustering.facts[p].record_id for p in cluster)
        for cluster in clustering.clusters()
    }
    assert groups == {frozenset({"x1", "y2"}), frozenset({"x2", "y1"})}


def _day(d: int) -> DateInterval:
    start, end = day(d, 5)
    return DateInterval(start, end, 1)


def test_an_exchange_is_two_handovers_not_one_told_from_both_ends() -> None:
    tree = ActorTree(known=frozenset({"SYR_GOV", "OPPOSITION"}))
    to_government = report(
        "h1", "a1", action="handover", actor1="OPPOSITION", actor2="SYR_GOV", attribution="x"
    )
    to_opposition = replace(
        to_government, record_id="h2", actor1="SYR_GOV", actor2="OPPOSITION", attribution="y"
    )
    assert not same_happening_in_article(to_government, to_opposition, tree)
    # the same handover from two sources naming one doer is one happening
    told_again = replace(to_government, record_id="h3", attribution="y")
    assert same_happening_in_article(to_government, told_again, tree)


def test_one_report_tells_a_city_and_its_landmark_as_two_happenings_but_an_area_as_one() -> None:
    tree = ActorTree(known=frozenset({"RUS"}))
    raqqa = replace(IDLEB, gazetteer_id="raqqa", name="Ar-Raqqa", lat=35.95, lon=39.01)
    hospital = replace(raqqa, gazetteer_id="raqqa_hospital", lat=35.951, kind="landmark")
    ghouta = replace(DOUMA, gazetteer_id="ghouta", name="Eastern Ghouta", kind="area")
    in_city = report("c1", "a1", place=raqqa)
    at_hospital = report("c2", "a1", place=hospital)
    assert not same_happening_in_article(in_city, at_hospital, tree)
    assert same_happening_in_article(in_city, replace(at_hospital, attribution="SOHR"), tree)
    in_area = report("g1", "a1", place=ghouta)
    in_town = report("g2", "a1", place=DOUMA)
    assert same_happening_in_article(in_area, in_town, tree)
