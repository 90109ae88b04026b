"""link_claims: records from many articles → events, stories and disputes; batch or incremental."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from marsad.knowledge.resources import Resources
from marsad.link.actors import ActorTree, actor_tree
from marsad.link.blocking import BlockIndex
from marsad.link.cluster import Clustering, link_records
from marsad.link.dates import inherit_dates
from marsad.link.duplicates import DuplicateIndex
from marsad.link.events import build_event, event_id_of
from marsad.link.facts import RecordFacts, facts_of, told_days, written_days
from marsad.link.state import LinkResult, LinkState
from marsad.link.stories import EventSummary, build_stories
from marsad.model import Article, Claim, Event
from marsad.text.dates import DayHint

UNKNOWN_FAMILY = "unknown:"  # prefix for actions missing from the table: they link only alike


def link_claims(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    resources: Resources,
    *,
    existing: LinkState | None = None,
) -> LinkResult:
    """Give each claim an event (and a story); with `existing`, link into an earlier result
    without rescoring its records. Claims already in `existing` keep their event."""
    previous = existing or LinkState()
    duplicates = _duplicate_index(previous, articles.values())
    told = told_days(claims, articles)
    new_facts = _new_facts(claims, articles, resources, previous, told)
    actors = actor_tree(resources).with_known(_actor_ids(previous, new_facts))
    members = _cluster(previous, new_facts, actors)
    touched = {eid for eid, fs in members.items() if any(f.record_id in new_facts for f in fs)}

    summaries = dict(previous.summaries)
    built: dict[str, Event] = {}
    for event_id in sorted(touched):
        event = build_event(event_id, members[event_id], actors, duplicates.canonical)
        built[event_id] = event
        summaries[event_id] = summarize(event, family_of(event.action, resources), actors)
    stories = build_stories(list(summaries.values()))
    story_of = {event_id: story.id for story in stories for event_id in story.event_ids}

    changed = touched | {e for e in summaries if story_of.get(e) != previous.story_of.get(e)}
    events = {
        event_id: replace(
            built.get(event_id)
            or build_event(event_id, members[event_id], actors, duplicates.canonical),
            story_id=story_of.get(event_id),
        )
        for event_id in sorted(changed)
    }
    event_of = {f.record_id: eid for eid, fs in members.items() for f in fs}
    linked = [
        replace(c, event_id=event_of.get(c.id), story_id=story_of.get(event_of.get(c.id, "")))
        for c in _unique(claims)
    ]
    state = LinkState(members, summaries, story_of, duplicates.to_json())
    return LinkResult(
        claims=inherit_dates(linked, events, articles, told),
        events=tuple(events.values()),
        stories=stories,
        state=state,
        copies=duplicates.copies(),
    )


def summarize(event: Event, family: str, actors: ActorTree) -> EventSummary:
    place = event.location.place if event.location else None
    sides = frozenset(actors.root(a.id) for a in (event.actor1, event.actor2) if a is not None)
    return EventSummary(
        event_id=event.id,
        action=event.action,
        family=family,
        place_name=place.name if place else None,
        admin1=place.admin1 if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        start=event.date.start if event.date else None,
        end=event.date.end if event.date else None,
        sides=sides,
    )


def _duplicate_index(previous: LinkState, articles: Iterable[Article]) -> DuplicateIndex:
    index = (
        DuplicateIndex.from_json(previous.duplicates) if previous.duplicates else DuplicateIndex()
    )
    for article in sorted(articles, key=_publication_order):
        index.add(article)
    return index


def _publication_order(article: Article) -> tuple[int, str]:
    published = article.published
    return (published.toordinal() if published else date.max.toordinal(), article.id)


def _new_facts(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    resources: Resources,
    previous: LinkState,
    told: Mapping[str, DayHint],
) -> dict[str, RecordFacts]:
    known = previous.event_of_record()
    written = written_days(claims, articles)
    return {
        c.id: facts_of(
            c,
            articles.get(c.article_id),
            family_of(c.action, resources),
            written.get(c.article_id),
            told.get(c.id),
        )
        for c in _unique(claims)
        if c.id not in known
    }


def family_of(action: str, resources: Resources) -> str:
    """The action's family (`resources.actions`); an action missing from the table is its own."""
    info = resources.actions.get(action)
    return info.family if info is not None else UNKNOWN_FAMILY + action


def _actor_ids(previous: LinkState, new: Mapping[str, RecordFacts]) -> set[str]:
    every = [f for fs in previous.members.values() for f in fs] + list(new.values())
    return {i for f in every for i in (f.actor1, f.actor2) if i}


def _cluster(
    previous: LinkState, new: Mapping[str, RecordFacts], actors: ActorTree
) -> dict[str, tuple[RecordFacts, ...]]:
    """Event id → its records, for the old events (grown) and the new ones."""
    clustering = Clustering([], actors)
    index = BlockIndex(actors)
    founder: dict[int, str] = {}
    for event_id, facts in sorted(previous.members.items()):
        positions = clustering.add_existing(facts)
        for position in positions:
            index.add(position, clustering.facts[position])
        if positions:
            founder[positions[0]] = event_id
    fresh = [clustering.add_record(f) for _, f in sorted(new.items())]
    link_records(clustering, fresh, index)
    members: dict[str, tuple[RecordFacts, ...]] = {}
    for cluster in clustering.clusters():
        group = tuple(sorted((clustering.facts[p] for p in cluster), key=lambda f: f.record_id))
        old = [founder[p] for p in cluster if p in founder]
        event_id = old[0] if old else event_id_of([f.record_id for f in group])
        members[event_id] = group
    return members


def _unique(claims: Iterable[Claim]) -> list[Claim]:
    seen: set[str] = set()
    out = []
    for claim in claims:
        if claim.id not in seen:
            seen.add(claim.id)
            out.append(claim)
    return out
