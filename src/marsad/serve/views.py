"""What the API shows: a read-only snapshot of a store, its filters and its JSON shapes.

No web framework here, so the shapes and filters are plain functions the app only routes to.
Events and records are encoded by the exports' own encoders (`event_json`, `record_json`:
schema.md's contracts), so the API and `marsad export` never disagree on a field.

The snapshot holds the store's records, events, stories and article metadata (not the texts,
which are read from the store when an article is asked for) in memory, and is rebuilt
when the store's stamp changes (a new `marsad run` while the server is up), so a request never
holds a connection across threads and never writes.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from marsad.errors import StoreError
from marsad.export import ActorTypes
from marsad.export.records import (
    claim_class,
    event_class,
    event_json,
    members_by_event,
    record_json,
)
from marsad.knowledge.resources import Resources
from marsad.model import (
    ActorRef,
    Article,
    Claim,
    DateInterval,
    Event,
    Failure,
    PlaceRef,
    Span,
    Story,
)
from marsad.store import Store
from marsad.store.base import is_server_url
from marsad.text.normalize import normalize_key

Json = dict[str, object]
# Articles the full-text search may return for one query; more than any dashboard filter needs.
SEARCH_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the API reads, taken from the store at one moment."""

    articles: dict[str, Article]  # without their text (""): metadata for the records
    claims: dict[str, Claim]  # store order: by article, then position
    events: dict[str, Event]  # newest first (see `_event_order`)
    stories: dict[str, Story]
    event_json: dict[str, Json]
    record_json: dict[str, Json]
    counts: dict[str, int]
    failures: tuple[Failure, ...]
    claims_by_article: dict[str, list[Claim]] = field(default_factory=dict)

    @classmethod
    def load(cls, store: Store, resources: Resources) -> Snapshot:
        articles = {a.id: replace(a, text="") for a in store.articles()}
        claims = {c.id: c for c in store.claims()}
        events = sorted(store.events(), key=_event_order)
        actors = ActorTypes.from_resources(resources)
        members = members_by_event(events, claims.values())
        encoded_events = {
            e.id: event_json(e, members[e.id], event_class(e, members[e.id], resources, actors))
            for e in events
        }
        encoded_records = {
            c.id: record_json(c, claim_class(c, resources, actors)) for c in claims.values()
        }
        by_article: dict[str, list[Claim]] = {}
        for claim in claims.values():
            by_article.setdefault(claim.article_id, []).append(claim)
        return cls(
            articles=articles,
            claims=claims,
            events={e.id: e for e in events},
            stories={s.id: s for s in store.stories()},
            event_json=encoded_events,
            record_json=encoded_records,
            counts=store.counts(),
            failures=tuple(store.failures()),
            claims_by_article=by_article,
        )


def _event_order(event: Event) -> tuple[int, int, str]:
    """Newest first, undated last; ties by id so the order (and pagination) is stable."""
    if event.date is None:
        return (1, 0, event.id)
    return (0, -event.date.start.toordinal(), event.id)


class StoreView:
    """A store opened for reading: the current snapshot, reloaded when the store's stamp changes.

    `target` is an SQLite file (which must exist: serving creates nothing) or a `postgresql://`
    URL. Each call opens the store and closes it again, so no connection is shared between the
    server's threads; the snapshot is kept while `Store.stamp` stays the same.
    """

    def __init__(self, target: Path | str, resources: Resources | None = None) -> None:
        if not is_server_url(target):
            path = Path(target)
            if not path.is_file():
                raise StoreError(f"no store at {path}: run `marsad run INPUT --db {path}` first")
            target = path
        self.target: Path | str = target
        self.resources = resources or Resources()
        self._lock = threading.Lock()
        self._stamp: str | None = None
        self._snapshot: Snapshot | None = None

    def snapshot(self) -> Snapshot:
        with self._lock, Store.open(self.target) as store:
            stamp = store.stamp()
            if self._snapshot is None or stamp != self._stamp:
                self._snapshot = Snapshot.load(store, self.resources)
                # The stamp from before reading: a write that lands while we read makes the
                # next request read again.
                self._stamp = stamp
            return self._snapshot

    def article(self, article_id: str) -> Article | None:
        """One article with its text, read from the store."""
        with Store.open(self.target) as store:
            return store.article(article_id)

    def search(self, query: str) -> set[str]:
        """Ids of the articles whose title or text holds every word of `query`."""
        with Store.open(self.target) as store:
            return set(store.search(query, limit=SEARCH_LIMIT))


# --- filters ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters events and records share; every given one must hold."""

    since: date | None = None
    until: date | None = None
    actions: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    admin1: frozenset[str] = frozenset()  # normalized governorate names
    actor: str | None = None  # normalized: an id or part of a name
    place: str | None = None
    article_ids: frozenset[str] | None = None  # from a text search: None means no search
    disputed: bool | None = None
    story_id: str | None = None
    event_id: str | None = None
    article_id: str | None = None


def split_values(raw: Sequence[str] | None) -> frozenset[str]:
    """Repeated and comma-separated query values (`?action=a,b&action=c`), trimmed."""
    if not raw:
        return frozenset()
    return frozenset(v.strip() for item in raw for v in item.split(",") if v.strip())


def fold(text: str | None) -> str:
    """Case-, diacritic- and hamza-insensitive key for Latin and Arabic filter words alike."""
    return "" if text is None else normalize_key(text).casefold()


def _overlaps(interval: DateInterval | None, filters: Filters) -> bool:
    if filters.since is None and filters.until is None:
        return True
    if interval is None:
        return False  # an undated item cannot be said to fall in a window
    if filters.since is not None and interval.end < filters.since:
        return False
    return not (filters.until is not None and interval.start > filters.until)


def _actor_matches(refs: Iterable[ActorRef | None], wanted: str) -> bool:
    for ref in refs:
        if ref is None:
            continue
        if wanted in (fold(ref.id), fold(ref.specific_id)) or wanted in fold(ref.name):
            return True
    return False


def _place_matches(ref: PlaceRef | None, wanted: str) -> bool:
    if ref is None:
        return False
    place = ref.place
    return any(wanted in fold(name) for name in (place.name, place.name_ar, place.admin2))


def _admin1_matches(ref: PlaceRef | None, wanted: frozenset[str]) -> bool:
    return ref is not None and fold(ref.place.admin1) in wanted


def _common_matches(
    action: str,
    status: str,
    location: PlaceRef | None,
    actors: tuple[ActorRef | None, ActorRef | None],
    story_id: str | None,
    filters: Filters,
) -> bool:
    """The filters events and records share."""
    if filters.actions and action not in filters.actions:
        return False
    if filters.statuses and status not in filters.statuses:
        return False
    if filters.admin1 and not _admin1_matches(location, filters.admin1):
        return False
    if filters.actor and not _actor_matches(actors, filters.actor):
        return False
    if filters.place and not _place_matches(location, filters.place):
        return False
    return filters.story_id is None or story_id == filters.story_id


def event_matches(event: Event, filters: Filters) -> bool:
    actors = (event.actor1, event.actor2)
    if not _common_matches(
        event.action, event.status, event.location, actors, event.story_id, filters
    ):
        return False
    if filters.disputed is not None and bool(event.disputes) != filters.disputed:
        return False
    if filters.article_ids is not None and filters.article_ids.isdisjoint(event.article_ids):
        return False
    return _overlaps(event.date, filters)


def claim_matches(claim: Claim, filters: Filters) -> bool:
    actors = (claim.actor1, claim.actor2)
    if not _common_matches(
        claim.action, claim.status, claim.location, actors, claim.story_id, filters
    ):
        return False
    if filters.event_id is not None and claim.event_id != filters.event_id:
        return False
    if filters.article_id is not None and claim.article_id != filters.article_id:
        return False
    if filters.article_ids is not None and claim.article_id not in filters.article_ids:
        return False
    return _overlaps(None if claim.date is None else claim.date.interval, filters)


# --- shapes -------------------------------------------------------------------------------------


def page(items: Sequence[Json], *, limit: int, offset: int) -> Json:
    """One page of a filtered list, with the total so a client can page on."""
    return {
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "items": list(items[offset : offset + limit]),
    }


def article_meta(article: Article | None) -> Json | None:
    if article is None:
        return None
    return {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "published": None if article.published is None else article.published.isoformat(),
        "lang": article.lang,
    }


def article_json(article: Article) -> Json:
    out = article_meta(article) or {}
    out["source"] = article.source
    out["text"] = article.text
    return out


def _span(record_id: str, role: str, span: Span | None) -> Json | None:
    if span is None:
        return None
    return {
        "record_id": record_id,
        "role": role,
        "start": span.start,
        "end": span.end,
        "text": span.text,
    }


def _span_order(span: Json) -> tuple[int, int, str]:
    """Text order; of spans starting together the longer first, so nesting reads outside-in."""
    return (int(str(span["start"])), -int(str(span["end"])), str(span["role"]))


def claim_spans(claim: Claim) -> list[Json]:
    """Every stretch of the article a record rests on, named by its role, in text order."""
    parts: list[tuple[str, Span | None]] = [
        ("evidence", claim.evidence),
        ("trigger", claim.trigger),
        ("actor1", None if claim.actor1 is None else claim.actor1.span),
        ("actor2", None if claim.actor2 is None else claim.actor2.span),
        ("location", None if claim.location is None else claim.location.span),
        ("date", None if claim.date is None else claim.date.span),
        ("attributed_to", None if claim.attributed_to is None else claim.attributed_to.span),
    ]
    parts.extend(("quantity", q.span) for q in claim.quantities)
    spans = [s for s in (_span(claim.id, role, span) for role, span in parts) if s is not None]
    return sorted(spans, key=_span_order)


def event_detail(snapshot: Snapshot, event: Event) -> Json:
    """The event, and each of its records beside the others with the article that tells it."""
    records = []
    for record_id in event.record_ids:
        claim = snapshot.claims.get(record_id)
        if claim is None:
            continue
        entry = dict(snapshot.record_json[record_id])
        entry["article"] = article_meta(snapshot.articles.get(claim.article_id))
        entry["spans"] = claim_spans(claim)
        records.append(entry)
    return {
        "event": snapshot.event_json[event.id],
        "records": records,
        "disputed_fields": sorted({d.field for d in event.disputes}),
        "story": None if event.story_id is None else story_summary(snapshot, event.story_id),
    }


def article_detail(snapshot: Snapshot, article: Article) -> Json:
    claims = snapshot.claims_by_article.get(article.id, [])
    return {
        "article": article_json(article),
        "records": [snapshot.record_json[c.id] for c in claims],
        "spans": sorted((s for c in claims for s in claim_spans(c)), key=_span_order),
    }


def story_summary(snapshot: Snapshot, story_id: str) -> Json | None:
    story = snapshot.stories.get(story_id)
    if story is None:
        return None
    return {
        "id": story.id,
        "title": story.title,
        "start": None if story.start is None else story.start.isoformat(),
        "end": None if story.end is None else story.end.isoformat(),
        "event_ids": list(story.event_ids),
        "n_events": len(story.event_ids),
    }


def story_detail(snapshot: Snapshot, story: Story) -> Json:
    summary = story_summary(snapshot, story.id) or {}
    summary["events"] = [
        snapshot.event_json[e] for e in story.event_ids if e in snapshot.event_json
    ]
    return summary


def stats(snapshot: Snapshot) -> Json:
    events = list(snapshot.events.values())
    return {
        "counts": snapshot.counts,
        "events_by_action": dict(Counter(e.action for e in events).most_common()),
        "events_by_admin1": dict(
            Counter(e.location.place.admin1 or "" for e in events if e.location).most_common()
        ),
        "events_disputed": sum(1 for e in events if e.disputes),
        "dates": _date_range(events),
        "failures": [
            {
                "source": f.source,
                "stage": f.stage,
                "reason": f.reason,
                "article_id": f.article_id,
            }
            for f in snapshot.failures
        ],
    }


def _date_range(events: Sequence[Event]) -> Json:
    starts = [e.date.start for e in events if e.date is not None]
    ends = [e.date.end for e in events if e.date is not None]
    return {
        "first": min(starts).isoformat() if starts else None,
        "last": max(ends).isoformat() if ends else None,
        "undated_events": sum(1 for e in events if e.date is None),
    }


def timeline(events: Iterable[Event]) -> Json:
    """Events per day of their start date (the day an interval begins), and the undated."""
    days: Counter[date] = Counter()
    undated = 0
    for event in events:
        if event.date is None:
            undated += 1
        else:
            days[event.date.start] += 1
    return {
        "days": [{"date": d.isoformat(), "events": n} for d, n in sorted(days.items())],
        "undated": undated,
    }


def actors(snapshot: Snapshot, resources: Resources) -> list[Json]:
    """The actors of the store's events, most events first, with their catalog names in both
    languages (`name_ar`: the catalog's first Arabic name) for labels and pickers."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for event in snapshot.events.values():
        for ref in {r.id: r for r in (event.actor1, event.actor2) if r is not None}.values():
            counts[ref.id] += 1
            names.setdefault(ref.id, ref.name)
    catalog = resources.actors
    out: list[Json] = []
    for actor_id, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        entry = catalog.get(actor_id) if actor_id in catalog else None
        out.append(
            {
                "id": actor_id,
                "name": names[actor_id],
                "name_ar": entry.names_ar[0] if entry is not None and entry.names_ar else None,
                "parent": None if entry is None else entry.parent,
                "kind": None if entry is None else entry.kind,
                "events": n,
            }
        )
    return out
