"""link_claims on hand-written reports: copies, paraphrases, neighbours that must stay apart,
disputes, inherited dates, stable ids and incremental linking."""

from __future__ import annotations

import json
from datetime import date

import pytest
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
    siege_days,
)

from marsad.knowledge.resources import Resources
from marsad.link import LinkResult, LinkState, link_claims
from marsad.model import Article, Claim, Event


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def run(claims: list[Claim], articles: list[Article], resources: Resources) -> LinkResult:
    return link_claims(claims, {a.id: a for a in articles}, resources)


def event_of(result: LinkResult, record: Claim) -> Event:
    linked = next(c for c in result.claims if c.id == record.id)
    return next(e for e in result.events if e.id == linked.event_id)


MAY3 = date(2022, 5, 3)


def strike_reports() -> tuple[list[Article], list[Claim]]:
    original = article("a1", texts.STRIKE_ORIGINAL, outlet="Enab Baladi", published=MAY3)
    copy = article("a2", texts.STRIKE_COPY, outlet="Halab Today", published=MAY3)
    later = article("a3", texts.STRIKE_PARAPHRASE, outlet="Syria TV", published=date(2022, 5, 4))
    strike = {"actor1": "RUS", "actor2": "CIV", "where": IDLEB}
    claims = [
        claim(
            original,
            "air_strike",
            texts.STRIKE_ORIGINAL[38:200],
            **strike,
            when=day(3, 5),
            fatalities=5,
        ),
        claim(
            copy,
            "air_strike",
            texts.STRIKE_ORIGINAL[38:200],
            **strike,
            when=day(3, 5),
            fatalities=5,
        ),
        claim(
            later,
            "air_strike",
            texts.STRIKE_PARAPHRASE[36:160],
            **strike,
            when=day(3, 5),
            fatalities=6,
        ),
    ]
    return [original, copy, later], claims


def test_a_syndicated_copy_and_a_paraphrase_are_one_event_with_two_independent_sources(
    resources: Resources,
) -> None:
    articles, claims = strike_reports()
    result = run(claims, articles, resources)
    event = event_of(result, claims[0])
    assert event.record_ids == tuple(sorted(c.id for c in claims))
    assert event.outlets == ("Enab Baladi", "Halab Today", "Syria TV")
    assert event.independent_sources == 2  # the copy counts with its original
    assert result.copies == {"a2": "a1"}
    (dispute,) = [d for d in event.disputes if d.field == "fatalities"]
    assert [(v.value, v.article_ids) for v in dispute.values] == [(5, ("a1", "a2")), (6, ("a3",))]
    assert event.fatalities == 5  # most often reported


def test_the_same_event_reported_a_day_apart_links(resources: Resources) -> None:
    articles, claims = strike_reports()
    next_day = claim(
        articles[2],
        "air_strike",
        texts.STRIKE_PARAPHRASE[36:160],
        actor1="RUS",
        actor2="CIV",
        where=IDLEB,
        when=day(4, 5),
        fatalities=6,
    )
    result = run([claims[0], next_day], [articles[0], articles[2]], resources)
    assert len({c.event_id for c in result.claims}) == 1
    (dispute,) = [d for d in event_of(result, next_day).disputes if d.field == "date"]
    assert [v.value for v in dispute.values] == ["2022-05-03", "2022-05-04"]


def test_two_different_strikes_on_one_town_on_one_day_stay_apart(resources: Resources) -> None:
    articles, claims = strike_reports()
    other_report = article("a4", texts.STRIKE_OTHER, outlet="Zaman al-Wasl", published=MAY3)
    other = claim(
        other_report,
        "air_strike",
        texts.STRIKE_OTHER[:110],
        actor1="COALITION",
        actor2="HAD",
        where=IDLEB,
        when=day(3, 5),
        fatalities=1,
    )
    result = run([claims[0], other], [articles[0], other_report], resources)
    assert len({c.event_id for c in result.claims}) == 2


def test_talks_in_two_cities_are_one_event_with_a_location_dispute_and_an_inherited_date(
    resources: Resources,
) -> None:
    dated = article("t1", texts.TALKS_DATED, outlet="North Press", published=date(2022, 4, 17))
    undated = article("t2", texts.TALKS_UNDATED, outlet="Al-Majs")
    talks = claim(
        dated,
        "talks",
        texts.TALKS_DATED[:120],
        actor1="SYR_GOV",
        actor2="SDF",
        where=QAMISHLI,
        when=(date(2022, 4, 12), date(2022, 4, 13)),
    )
    # The other report names the sides the other way round: talks have no direction.
    told = claim(
        undated, "talks", texts.TALKS_UNDATED[:110], actor1="SDF", actor2="SYR_GOV", where=HASAKAH
    )
    result = run([talks, told], [dated, undated], resources)
    event = event_of(result, talks)
    assert set(event.record_ids) == {talks.id, told.id}
    (dispute,) = [d for d in event.disputes if d.field == "location"]
    assert [(v.value, v.sources) for v in dispute.values] == [
        ("Al-Hasakah", ("Al-Majs",)),
        ("Qamishli", ("North Press",)),
    ]
    inherited = next(c for c in result.claims if c.id == told.id)
    assert inherited.date is not None and inherited.date.span is None
    assert (inherited.date.interval.start, inherited.date.interval.end) == (
        date(2022, 4, 12),
        date(2022, 4, 13),
    )
    assert inherited.rule.endswith("+link.date@1")


def test_two_sieges_with_different_durations_are_not_merged(resources: Resources) -> None:
    aleppo = article("s1", texts.SIEGE_LIFTED_ALEPPO, outlet="Enab Baladi")
    hasakah = article("s2", texts.SIEGE_LIFTED_HASAKAH, outlet="Al-Mayadeen")
    again = article("s3", texts.SIEGE_LIFTED_ALEPPO_AGAIN, outlet="Syria TV")
    lifted = {"actor1": "SYR_GOV_4DIV", "actor2": "SDF"}
    claims = [
        claim(
            aleppo,
            "siege_lifted",
            texts.SIEGE_LIFTED_ALEPPO,
            **lifted,
            where=SHEIKH_MAQSOUD,
            quantities=(siege_days(46),),
        ),
        claim(
            aleppo,
            "siege_lifted",
            texts.SIEGE_LIFTED_ALEPPO,
            **lifted,
            where=ASHRAFIEH,
            quantities=(siege_days(46),),
        ),
        claim(
            hasakah,
            "siege_lifted",
            texts.SIEGE_LIFTED_HASAKAH,
            actor1="SDF",
            actor2="SYR_GOV",
            where=HASAKAH,
            quantities=(siege_days(20, "more_than"),),
        ),
        claim(
            again,
            "siege_lifted",
            texts.SIEGE_LIFTED_ALEPPO_AGAIN,
            actor1="SYR_GOV",
            actor2="SDF",
            where=SHEIKH_MAQSOUD,
            quantities=(siege_days(46),),
        ),
        claim(
            again,
            "siege_lifted",
            texts.SIEGE_LIFTED_ALEPPO_AGAIN,
            actor1="SYR_GOV",
            actor2="SDF",
            where=ASHRAFIEH,
            quantities=(siege_days(46),),
        ),
    ]
    result = run(claims, [aleppo, hasakah, again], resources)
    event_ids = {c.id: c.event_id for c in result.claims}
    ids = [event_ids[c.id] for c in claims]
    assert ids[0] == ids[3] and ids[1] == ids[4]  # each neighbourhood's lifting, across reports
    assert len({ids[0], ids[1], ids[2]}) == 3  # two places of one article, and the other siege
    assert all(not event_of(result, c).disputes for c in claims)  # 4th Division is SYR_GOV


def test_a_seizure_reported_and_denied_is_one_event_with_a_status_dispute(
    resources: Resources,
) -> None:
    reported = article("z1", texts.SEIZURE_REPORTED, outlet="Al-Modon", published=date(2022, 4, 16))
    denied = article("z2", texts.SEIZURE_DENIED, outlet="Hawar", published=date(2022, 4, 17))
    seized = claim(
        reported,
        "seizure",
        texts.SEIZURE_REPORTED[:95],
        actor1="SDF_ASAYISH",
        actor2="SYR_GOV",
        where=QAMISHLI,
        when=day(15),
    )
    denial = claim(
        denied,
        "seizure",
        texts.SEIZURE_DENIED[:70],
        actor1="SDF_ASAYISH",
        actor2="SYR_GOV",
        where=QAMISHLI,
        status="denied",
        attributed="Asayish",
    )
    result = run([seized, denial], [reported, denied], resources)
    event = event_of(result, seized)
    assert set(event.record_ids) == {seized.id, denial.id}
    (dispute,) = [d for d in event.disputes if d.field == "status"]
    assert [(v.value, v.sources) for v in dispute.values] == [
        ("denied", ("Asayish", "Hawar")),
        ("occurred", ("Al-Modon",)),
    ]
    assert event.status == "occurred"


def test_event_ids_do_not_depend_on_input_order(resources: Resources) -> None:
    articles, claims = strike_reports()
    forward = run(claims, articles, resources)
    backward = run(list(reversed(claims)), list(reversed(articles)), resources)
    assert {c.id: c.event_id for c in forward.claims} == {c.id: c.event_id for c in backward.claims}


def test_new_reports_link_into_existing_events_through_a_stored_state(
    resources: Resources,
) -> None:
    articles, claims = strike_reports()
    first = run(claims[:1], articles[:1], resources)
    stored = json.loads(json.dumps(first.state.to_json()))
    state = LinkState.from_json(stored)
    second = link_claims(claims[1:], {a.id: a for a in articles[1:]}, resources, existing=state)
    old_event = first.claims[0].event_id
    assert {c.event_id for c in second.claims} == {old_event}
    (event,) = [e for e in second.events if e.id == old_event]
    assert event.record_ids == tuple(sorted(c.id for c in claims))
    assert event.independent_sources == 2  # the copy is recognised against the stored signature
    assert second.copies == {"a2": "a1"}


def test_relinking_known_records_keeps_their_events(resources: Resources) -> None:
    articles, claims = strike_reports()
    first = run(claims, articles, resources)
    again = link_claims(claims, {a.id: a for a in articles}, resources, existing=first.state)
    assert [c.event_id for c in again.claims] == [c.event_id for c in first.claims]
    assert again.events == ()  # nothing changed


def test_a_bad_state_is_a_clear_error() -> None:
    from marsad.errors import DataError

    with pytest.raises(DataError):
        LinkState.from_json({"version": 99})
    with pytest.raises(DataError):
        LinkState.from_json({"version": 1, "events": {"e-1": [{"record_id": "r"}]}})


def test_a_siege_told_months_apart_at_one_place_is_one_siege(resources: Resources) -> None:
    begun = article("s1", texts.SIEGE_BEGUN, published=date(2017, 11, 2))
    later = article("s2", texts.SIEGE_LATER, published=date(2018, 2, 20))
    first = claim(
        begun,
        "siege_imposed",
        texts.SIEGE_BEGUN[:80],
        actor1="SYR_GOV",
        where=DOUMA,
        when=day(2, 11, 2017),
    )
    second = claim(
        later,
        "siege_imposed",
        texts.SIEGE_LATER[:80],
        actor1="SYR_GOV",
        where=DOUMA,
        when=day(20, 2, 2018),
    )
    result = run([first, second], [begun, later], resources)
    assert event_of(result, first).id == event_of(result, second).id


def test_a_siege_of_another_town_stays_another_siege_however_alike(resources: Resources) -> None:
    begun = article("s1", texts.SIEGE_BEGUN, published=date(2017, 11, 2))
    later = article("s2", texts.SIEGE_LATER, published=date(2018, 2, 20))
    first = claim(
        begun,
        "siege_imposed",
        texts.SIEGE_BEGUN[:80],
        actor1="SYR_GOV",
        where=DOUMA,
        when=day(2, 11, 2017),
    )
    second = claim(
        later,
        "siege_imposed",
        texts.SIEGE_LATER[:80],
        actor1="SYR_GOV",
        where=IDLEB,
        when=day(20, 2, 2018),
    )
    result = run([first, second], [begun, later], resources)
    assert event_of(result, first).id != event_of(result, second).id


def test_an_unplaced_record_links_when_action_actors_and_time_agree(resources: Resources) -> None:
    """An act told as another's cause keeps no place (classify/background.py): an empty place
    adds nothing, so actors, wording and time link it to the report that places it, and the
    event takes that report's place."""
    articles, claims = strike_reports()
    cause = claim(
        articles[2],
        "air_strike",
        texts.STRIKE_PARAPHRASE[36:160],
        actor1="RUS",
        actor2="CIV",
    )
    result = run([claims[0], cause], [articles[0], articles[2]], resources)
    assert len({c.event_id for c in result.claims}) == 1
    event = event_of(result, cause)
    assert event.location is not None and event.location.place == IDLEB
    assert not [d for d in event.disputes if d.field == "location"]
