"""Rows ↔ model objects for the SQL stores (SQLite and PostgreSQL): the columns they index, the
JSON they keep, and the few rules both apply to what they write."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from marsad import codec
from marsad.model import (
    ActorRef,
    Article,
    Claim,
    Event,
    Failure,
    Mention,
    MentionKind,
    PlaceRef,
    Span,
    Story,
)
from marsad.text.normalize import normalize_key

ARTICLE_COLUMNS = "id, text, outlet, url, published, title, lang, source"
# What the API filters and counts on (migration 3), on claims and events alike: the actors' raw
# ids and names (for the actor counts), then folded keys (`fold`) that SQL compares as they are,
# since PostgreSQL cannot run `normalize_key`. A key is NULL when its ref (actor, place) is
# absent, and `fold` of the field (possibly "") when the ref is there but the field is not.
FILTER_COLUMNS = (
    "actor1_id, actor1_name, actor2_id, actor2_name, "
    "actor1_key, actor1_specific_key, actor1_name_key, "
    "actor2_key, actor2_specific_key, actor2_name_key, "
    "admin1_key, place_name_key, place_name_ar_key, place_admin2_key"
)
CLAIM_COLUMNS = (
    "id, article_id, seq, action, status, event_id, story_id, date_start, date_end, admin1, "
    f"lat, lon, json, {FILTER_COLUMNS}"
)
EVENT_COLUMNS = (
    "id, action, status, story_id, date_start, date_end, admin1, lat, lon, json, "
    f"{FILTER_COLUMNS}, disputed"
)
MENTION_COLUMNS = 'kind, "start", "end", text, key, rule, score'
FAILURE_COLUMNS = "source, stage, reason, article_id"
# Query words; search syntax (FTS5 operators, LIKE wildcards, quotes) in a query is plain text.
_WORD = re.compile(r"\w+")
# Both indexes match substrings of 3+ characters (trigrams); shorter words cannot be searched.
_SHORTEST_SEARCH_WORD = 3


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def iso(value: object) -> str | None:
    return None if value is None else str(value)


def _place_columns(ref: PlaceRef | None) -> tuple[str | None, float | None, float | None]:
    if ref is None:
        return None, None, None
    return ref.place.admin1, ref.place.lat, ref.place.lon


def fold(text: str | None) -> str:
    """Case-, diacritic- and hamza-insensitive key for Latin and Arabic filter words alike."""
    return "" if text is None else normalize_key(text).casefold()


def _actor_keys(ref: ActorRef | None) -> tuple[str | None, str | None, str | None]:
    if ref is None:
        return None, None, None
    return fold(ref.id), fold(ref.specific_id), fold(ref.name)


def filter_values(
    actor1: ActorRef | None, actor2: ActorRef | None, location: PlaceRef | None
) -> tuple[object, ...]:
    """The FILTER_COLUMNS of a claim or an event, in order."""
    place = None if location is None else location.place
    return (
        None if actor1 is None else actor1.id,
        None if actor1 is None else actor1.name,
        None if actor2 is None else actor2.id,
        None if actor2 is None else actor2.name,
        *_actor_keys(actor1),
        *_actor_keys(actor2),
        *(
            (None, None, None, None)
            if place is None
            else (fold(place.admin1), fold(place.name), fold(place.name_ar), fold(place.admin2))
        ),
    )


def article_values(article: Article) -> tuple[object, ...]:
    """The article's columns after its id, in ARTICLE_COLUMNS order, then its content hash."""
    return (
        article.text,
        article.outlet,
        article.url,
        None if article.published is None else article.published.isoformat(),
        article.title,
        article.lang,
        article.source,
        content_hash(article.text),
    )


def search_body(article: Article) -> str:
    """What the search index holds for an article: its normalized title and text."""
    return normalize_key(f"{article.title or ''} {article.text}")


def search_words(query: str) -> list[str]:
    """The words of a query that the index can match, normalized as the bodies are."""
    return [w for w in _WORD.findall(normalize_key(query)) if len(w) >= _SHORTEST_SEARCH_WORD]


def mention_row(article_id: str, seq: int, m: Mention) -> tuple[object, ...]:
    span = m.span
    return (article_id, seq, m.kind.value, span.start, span.end, span.text, m.key, m.rule, m.score)


def claim_row(claim: Claim, seq: int) -> tuple[object, ...]:
    interval = None if claim.date is None else claim.date.interval
    return (
        claim.id,
        claim.article_id,
        seq,
        claim.action,
        claim.status,
        claim.event_id,
        claim.story_id,
        None if interval is None else interval.start.isoformat(),
        None if interval is None else interval.end.isoformat(),
        *_place_columns(claim.location),
        dumps(codec.claim_to_json(claim)),
        *filter_values(claim.actor1, claim.actor2, claim.location),
    )


def claim_rows(
    claims: Sequence[Claim], links: Mapping[str, tuple[str | None, str | None]]
) -> list[tuple[object, ...]]:
    """Rows for an article's claims, once per id, keeping the previous (event, story) link of a
    claim that survives a rerun unlinked."""
    rows: list[tuple[object, ...]] = []
    seen: set[str] = set()
    for claim in claims:
        if claim.id in seen:  # one record per id (codebook §1): a repeat adds nothing
            continue
        seen.add(claim.id)
        if claim.event_id is None and claim.id in links:
            claim = replace(claim, event_id=links[claim.id][0], story_id=links[claim.id][1])
        rows.append(claim_row(claim, len(rows)))
    return rows


def event_row(event: Event) -> tuple[object, ...]:
    return (
        event.id,
        event.action,
        event.status,
        event.story_id,
        None if event.date is None else event.date.start.isoformat(),
        None if event.date is None else event.date.end.isoformat(),
        *_place_columns(event.location),
        dumps(codec.event_to_json(event)),
        *filter_values(event.actor1, event.actor2, event.location),
        int(bool(event.disputes)),
    )


def event_article_rows(events: Iterable[Event]) -> list[tuple[str, str]]:
    """(event id, article id) for every article that tells an event: what a text search
    (`q`, which finds articles) reaches events through."""
    return [(e.id, a) for e in events for a in dict.fromkeys(e.article_ids)]


def story_row(story: Story) -> tuple[object, ...]:
    return (story.id, iso(story.start), iso(story.end), dumps(codec.story_to_json(story)))


def claims_from(rows: Iterable[tuple[str, str | None, str | None]]) -> list[Claim]:
    """Claims from their JSON; the event/story columns are authoritative (relinking sets them)."""
    return [
        replace(codec.claim_from_json(json.loads(data)), event_id=event_id, story_id=story_id)
        for data, event_id, story_id in rows
    ]


def article_from(row: tuple[str, ...]) -> Article:
    article_id, text, outlet, url, published, title, lang, source = row
    return codec.article_from_json(
        {
            "id": article_id,
            "text": text,
            "outlet": outlet,
            "url": url,
            "published": published,
            "title": title,
            "lang": lang,
            "source": source,
        }
    )


def mentions_from(rows: Iterable[tuple[Any, ...]]) -> list[Mention]:
    """Mentions from rows of MENTION_COLUMNS (either back end)."""
    return [
        Mention(MentionKind(kind), Span(start, end, text), key, rule, score)
        for kind, start, end, text, key, rule, score in rows
    ]


def failures_from(rows: Iterable[tuple[Any, ...]]) -> list[Failure]:
    """Failures from rows of FAILURE_COLUMNS (an empty article id is none)."""
    return [
        Failure(source, stage, reason, article_id or None)
        for source, stage, reason, article_id in rows
    ]


# Rows per batch when an older store's rows get migration 3's columns: memory stays one batch.
_BACKFILL_BATCH = 2000


def backfill_select(table: str, placeholder: str) -> str:
    """The next batch of a table's (json, id) rows after an id: keyset paging, no offsets."""
    return (
        f"SELECT json, id FROM {table} WHERE id > {placeholder} ORDER BY id LIMIT {_BACKFILL_BATCH}"
    )


def backfill_batches(
    read: Callable[[str, str], Sequence[tuple[str, str]]],
) -> Iterator[tuple[str, list[tuple[object, ...]], list[tuple[str, str]]]]:
    """Migration 3's values for the claims and events stored before it, from their JSON, a
    batch at a time: (table, rows for `filter_update_sql`, event_articles rows). `read(table,
    after)` runs `backfill_select` with the last id of the batch before ("" at first)."""
    for table in ("claims", "events"):
        after = ""
        while rows := read(table, after):
            if table == "claims":
                claims = [codec.claim_from_json(json.loads(data)) for data, _ in rows]
                updates = [(*filter_values(c.actor1, c.actor2, c.location), c.id) for c in claims]
                yield table, updates, []
            else:
                events = [codec.event_from_json(json.loads(data)) for data, _ in rows]
                updates = [
                    (*filter_values(e.actor1, e.actor2, e.location), int(bool(e.disputes)), e.id)
                    for e in events
                ]
                yield table, updates, event_article_rows(events)
            after = rows[-1][1]


def filter_update_sql(table: str, placeholder: str) -> str:
    """The UPDATE that `backfill_batches` rows fill."""
    columns = [c.strip() for c in FILTER_COLUMNS.split(",")]
    if table == "events":
        columns.append("disputed")
    assignments = ", ".join(f"{c} = {placeholder}" for c in columns)
    return f"UPDATE {table} SET {assignments} WHERE id = {placeholder}"
