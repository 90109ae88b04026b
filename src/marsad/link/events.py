"""An event from its records: canonical values (most common, then most precise) and disputes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from marsad.link.actors import UNKNOWN_ACTOR_IDS, ActorTree
from marsad.link.disputes import disputes_of
from marsad.link.facts import RecordFacts
from marsad.model import STATUSES, ActorRef, DateInterval, Event, PlaceRef, content_id

T = TypeVar("T", bound=Hashable)


def event_id_of(record_ids: Sequence[str]) -> str:
    """Stable: derived from the founding (smallest) record id of the cluster."""
    return content_id("e", min(record_ids))


def build_event(
    event_id: str,
    members: Sequence[RecordFacts],
    actors: ActorTree,
    canonical_article: Callable[[str], str],
    story_id: str | None = None,
) -> Event:
    """The canonical event of a cluster of records."""
    return Event(
        id=event_id,
        action=_most_common([f.action for f in members], key=lambda a: a),
        status=_most_common([f.status for f in members], key=_status_rank),
        actor1=_canonical_actor(members, actors, first=True),
        actor2=_canonical_actor(members, actors, first=False),
        location=_canonical_place(members),
        date=_canonical_date(members),
        fatalities=_canonical_fatalities(members),
        record_ids=tuple(sorted(f.record_id for f in members)),
        article_ids=tuple(sorted({f.article_id for f in members})),
        outlets=tuple(sorted({s for f in members for s in [f.outlet or f.attribution] if s})),
        independent_sources=independent_sources(members, canonical_article),
        disputes=disputes_of(members, actors),
        story_id=story_id,
    )


def independent_sources(
    members: Sequence[RecordFacts], canonical_article: Callable[[str], str]
) -> int:
    """Distinct outlets (an article with no outlet counts as its own source), with every
    near-duplicate copy counted as the article it copies."""
    outlet_of = {f.article_id: f.outlet for f in members if f.outlet}
    sources = set()
    for facts in members:
        original = canonical_article(facts.article_id)
        sources.add(outlet_of.get(original) or outlet_of.get(facts.article_id) or original)
    return len(sources)


def _most_common(values: Sequence[T], *, key: Callable[[T], object]) -> T:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], key(v)))


def _status_rank(status: str) -> int:
    return STATUSES.index(status) if status in STATUSES else len(STATUSES)


def _canonical_actor(
    members: Sequence[RecordFacts], actors: ActorTree, *, first: bool
) -> ActorRef | None:
    named = [(f.actor1, f.actor1_name) if first else (f.actor2, f.actor2_name) for f in members]
    ids = [i for i, _ in named if i and i not in UNKNOWN_ACTOR_IDS] or [i for i, _ in named if i]
    if not ids:
        return None
    support = {i: sum(1 for j in ids if actors.related(i, j)) for i in set(ids)}
    # The id most records agree with (itself, a child or a parent), then the most specific.
    best = min(support, key=lambda i: (-support[i], -len(actors.ancestors(i)), i))
    name = next((n for i, n in named if i == best and n), best)
    return ActorRef(best, name, None)


def _canonical_place(members: Sequence[RecordFacts]) -> PlaceRef | None:
    placed = [f for f in members if f.place is not None]
    if not placed:
        return None
    counts = Counter(f.place.gazetteer_id for f in placed if f.place)
    best = min(
        placed,
        key=lambda f: (
            f.geo_precision or 3,
            -counts[f.place.gazetteer_id if f.place else ""],
            f.place.gazetteer_id if f.place else "",
        ),
    )
    if best.place is None:
        return None
    # the site the records at that entry name, if any: the event at the hospital of the city
    sites = Counter(
        f.site
        for f in placed
        if f.site is not None
        and f.place is not None
        and f.place.gazetteer_id == best.place.gazetteer_id
    )
    site = min(sites, key=lambda s: (-sites[s], s.key)) if sites else None
    return PlaceRef(best.place, best.geo_precision or 1, None, site)


def _canonical_date(members: Sequence[RecordFacts]) -> DateInterval | None:
    dated = [f.date for f in members if f.date is not None]
    if not dated:
        return None
    counts = Counter(dated)
    return min(dated, key=lambda d: (d.precision, -counts[d], (d.end - d.start).days, d.start))


def _canonical_fatalities(members: Sequence[RecordFacts]) -> int | None:
    counts = [f.fatalities for f in members if f.fatalities is not None]
    if not counts:
        return None
    # Most often reported; on a tie the lower figure, as counts are coded as lower bounds (§6).
    return _most_common(counts, key=lambda n: n)
