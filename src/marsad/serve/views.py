"""What the API shows: a store read per request, its filters and its JSON shapes.

No web framework here, so the shapes and filters are plain functions the app only routes to.
Events and records are encoded by the exports' own encoders (`event_json`, `record_json`:
schema.md's contracts), so the API and `marsad export` never disagree on a field.

The store filters, orders and pages (`marsad.store.reads`): a request reads one page, so the
server's memory does not grow with the store. What every page of the dashboard shows and no
filter changes (the counts, the stats, the actors) is kept as a `Snapshot` and read again when
the store's stamp changes (a new `marsad run` while the server is up). Each read opens the store
and closes it again, so a request never holds a connection across threads and never writes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
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
    Article,
    Claim,
    Event,
    Span,
    Story,
)
from marsad.store import Store
from marsad.store.base import is_server_url
from marsad.store.reads import Filters
from marsad.store.rows import fold

__all__ = ["Filters", "Json", "Snapshot", "StoreView", "fold", "split_values"]

Json = dict[str, object]
# Articles the full-text search may return for one query; more than any dashboard filter needs.
SEARCH_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What no filter changes, read from the store at one moment: its counts, the stats and the
    actors (a few hundred lines however large the store)."""

    counts: dict[str, int]
    stats: Json
    actors: list[Json]

    @classmethod
    def load(cls, store: Store, resources: Resources) -> Snapshot:
        counts = store.counts()
        return cls(counts=counts, stats=stats(store, counts), actors=actors(store, resources))


class StoreView:
    """A store opened for reading, request by request, and its current `Snapshot`.

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
        self.actor_types = ActorTypes.from_resources(self.resources)
        self._lock = threading.Lock()
        self._stamp: str | None = None
        self._snapshot: Snapshot | None = None

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The store, its reads in one read-only transaction (one moment of the store)."""
        with Store.open(self.target) as store, store.reading():
            yield store

    def snapshot(self) -> Snapshot:
        with self._lock, Store.open(self.target) as store:
            stamp = store.stamp()
            if self._snapshot is None or stamp != self._stamp:
                with store.reading():
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

    # --- encoding -------------------------------------------------------------------------------

    def record_json(self, claim: Claim) -> Json:
        return record_json(claim, claim_class(claim, self.resources, self.actor_types))

    def events_json(self, store: Store, events: Sequence[Event]) -> list[Json]:
        """The events as the events export writes them (their records read for the classes)."""
        claims = store.claims_by_id(r for e in events for r in e.record_ids)
        members = members_by_event(events, claims.values())
        return [
            event_json(
                e, members[e.id], event_class(e, members[e.id], self.resources, self.actor_types)
            )
            for e in events
        ]

    # --- routes ---------------------------------------------------------------------------------

    def events(self, filters: Filters, *, limit: int, offset: int) -> Json:
        with self.store() as store:
            found = store.find_events(filters, limit=limit, offset=offset)
            items = self.events_json(store, found.items)
        return page(found.total, items, limit=limit, offset=offset)

    def records(self, filters: Filters, *, limit: int, offset: int) -> Json:
        with self.store() as store:
            found = store.find_claims(filters, limit=limit, offset=offset)
        items = [self.record_json(c) for c in found.items]
        return page(found.total, items, limit=limit, offset=offset)

    def timeline(self, filters: Filters) -> Json:
        """Events per day of their start date (the day an interval begins), and the undated."""
        with self.store() as store:
            days = store.event_days(filters)
        return {
            "days": [{"date": d.isoformat(), "events": n} for d, n in days if d is not None],
            "undated": sum(n for d, n in days if d is None),
        }

    def event_detail(self, event_id: str) -> Json | None:
        """The event, and each of its records beside the others with the article that tells it."""
        with self.store() as store:
            event = store.events_by_id([event_id]).get(event_id)
            if event is None:
                return None
            claims = store.claims_by_id(event.record_ids)
            articles = store.article_metas(c.article_id for c in claims.values())
            story = None if event.story_id is None else store.story(event.story_id)
            [encoded] = self.events_json(store, [event])
        records = []
        for record_id in event.record_ids:
            claim = claims.get(record_id)
            if claim is None:
                continue
            entry = self.record_json(claim)
            entry["article"] = article_meta(articles.get(claim.article_id))
            entry["spans"] = claim_spans(claim)
            records.append(entry)
        return {
            "event": encoded,
            "records": records,
            "disputed_fields": sorted({d.field for d in event.disputes}),
            "story": None if story is None else story_summary(story),
        }

    def article_detail(self, article_id: str) -> Json | None:
        with self.store() as store:
            article = store.article(article_id)
            claims = [] if article is None else store.claims([article_id])
        if article is None:
            return None
        return {
            "article": article_json(article),
            "records": [self.record_json(c) for c in claims],
            "spans": sorted((s for c in claims for s in claim_spans(c)), key=_span_order),
        }

    def stories(self, *, limit: int, offset: int) -> Json:
        with self.store() as store:
            found = store.find_stories(limit=limit, offset=offset)
        items = [story_summary(s) for s in found.items]
        return page(found.total, items, limit=limit, offset=offset)

    def story_detail(self, story_id: str) -> Json | None:
        with self.store() as store:
            story = store.story(story_id)
            if story is None:
                return None
            found = store.events_by_id(story.event_ids)
            events = [found[e] for e in story.event_ids if e in found]
            encoded = self.events_json(store, events)
        summary = story_summary(story)
        summary["events"] = encoded
        return summary


# --- filters ------------------------------------------------------------------------------------


def split_values(raw: Sequence[str] | None) -> frozenset[str]:
    """Repeated and comma-separated query values (`?action=a,b&action=c`), trimmed."""
    if not raw:
        return frozenset()
    return frozenset(v.strip() for item in raw for v in item.split(",") if v.strip())


# --- shapes -------------------------------------------------------------------------------------


def page(total: int, items: Sequence[Json], *, limit: int, offset: int) -> Json:
    """One page of a filtered list, with the total so a client can page on."""
    return {"total": total, "limit": limit, "offset": offset, "items": list(items)}


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


def story_summary(story: Story) -> Json:
    return {
        "id": story.id,
        "title": story.title,
        "start": None if story.start is None else story.start.isoformat(),
        "end": None if story.end is None else story.end.isoformat(),
        "event_ids": list(story.event_ids),
        "n_events": len(story.event_ids),
    }


def stats(store: Store, counts: dict[str, int]) -> Json:
    events = store.event_counts()
    return {
        "counts": counts,
        "events_by_action": dict(events.by_action),
        "events_by_admin1": dict(events.by_admin1),
        "events_disputed": events.disputed,
        "dates": {"first": events.first, "last": events.last, "undated_events": events.undated},
        "failures": [
            {
                "source": f.source,
                "stage": f.stage,
                "reason": f.reason,
                "article_id": f.article_id,
            }
            for f in store.failures()
        ],
    }


def actors(store: Store, resources: Resources) -> list[Json]:
    """The actors of the store's events, most events first, with their catalog names in both
    languages (`name_ar`: the catalog's first Arabic name) for labels and pickers."""
    catalog = resources.actors
    out: list[Json] = []
    for actor in store.actor_counts():
        entry = catalog.get(actor.id) if actor.id in catalog else None
        out.append(
            {
                "id": actor.id,
                "name": actor.name,
                "name_ar": entry.names_ar[0] if entry is not None and entry.names_ar else None,
                "parent": None if entry is None else entry.parent,
                "kind": None if entry is None else entry.kind,
                "events": actor.events,
            }
        )
    return out
