"""Stories (chains of related events with a generated title) and dates taken across reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
import texts
from link_builders import DOUMA, QAMISHLI, SHEIKH_MAQSOUD, article, claim, day

from marsad.knowledge.resources import Resources
from marsad.link import inherit_dates, link_claims
from marsad.link.stories import EventSummary, build_stories
from marsad.model import DateInterval, Dispute, Event


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def test_a_siege_its_talks_the_deal_and_the_lifting_make_one_titled_story(
    resources: Resources,
) -> None:
    report = article("st1", texts.SIEGE_STORY, outlet="Enab Baladi", published=date(2022, 4, 20))
    protest = article(
        "p1", texts.PROTEST_DOUMA, outlet="Zaman al-Wasl", published=date(2022, 4, 10)
    )
    sides = {"actor1": "SYR_GOV_4DIV", "actor2": "SDF"}
    sentences = texts.SIEGE_STORY.split(". ")
    claims = [
        claim(report, "siege_imposed", sentences[0], **sides, where=SHEIKH_MAQSOUD, when=day(1)),
        claim(
            report,
            "talks",
            sentences[1],
            actor1="SYR_GOV",
            actor2="SDF",
            where=QAMISHLI,
            when=(date(2022, 4, 12), date(2022, 4, 13)),
        ),
        claim(
            report,
            "agreement",
            sentences[1],
            actor1="SYR_GOV",
            actor2="SDF",
            when=(date(2022, 4, 13), date(2022, 4, 17)),
            precision=2,
        ),
        claim(report, "siege_lifted", sentences[2], **sides, where=SHEIKH_MAQSOUD, when=day(18)),
        claim(
            protest, "protest", texts.PROTEST_DOUMA[:60], actor1="CIV", where=DOUMA, when=day(10)
        ),
    ]
    result = link_claims(claims, {a.id: a for a in (report, protest)}, resources)
    (story,) = result.stories
    assert len(story.event_ids) == 4
    assert story.title == (
        "Siege of Sheikh Maqsoud, Aleppo — talks, agreement and lifting, Apr 2022"
    )
    assert (story.start, story.end) == (date(2022, 4, 1), date(2022, 4, 18))
    by_id = {c.id: c for c in result.claims}
    assert by_id[claims[4].id].story_id is None
    assert {by_id[c.id].story_id for c in claims[:4]} == {story.id}


def summary(event_id: str, start: date, family: str = "siege") -> EventSummary:
    return EventSummary(
        event_id,
        "siege_imposed",
        family,
        "Sheikh Maqsoud",
        "Aleppo",
        36.2,
        37.1,
        start,
        start,
        frozenset({"SYR_GOV", "SDF"}),
    )


def test_a_story_does_not_swallow_a_whole_year_of_one_city() -> None:
    monthly = [summary(f"e{i:02d}", date(2022, 1, 1).replace(month=i)) for i in range(1, 13)]
    stories = build_stories(monthly)
    assert stories and all(
        s.start is not None and s.end is not None and (s.end - s.start).days <= 120 for s in stories
    )


def event(dates: DateInterval | None, disputed: bool = False) -> Event:
    disputes = (Dispute("date", ()),) if disputed else ()
    return Event("e1", "talks", "occurred", None, None, None, dates, None, (), (), (), 1, disputes)


def test_dates_are_taken_only_by_records_of_undated_articles_from_undisputed_events() -> None:
    undated = article("u1", texts.TALKS_UNDATED)
    dated = article("d1", texts.TALKS_DATED, published=date(2022, 4, 17))
    when = DateInterval(date(2022, 4, 12), date(2022, 4, 13), 1)
    from_undated = replace(claim(undated, "talks", texts.TALKS_UNDATED[:50]), event_id="e1")
    from_dated = replace(claim(dated, "talks", texts.TALKS_DATED[:50]), event_id="e1")
    articles = {"u1": undated, "d1": dated}
    took, kept = inherit_dates([from_undated, from_dated], {"e1": event(when)}, articles)
    assert took.date is not None and took.date.interval == when
    assert kept.date is None  # the dated article's text gave no date: not for us to fill
    (disputed,) = inherit_dates([from_undated], {"e1": event(when, disputed=True)}, articles)
    assert disputed.date is None
