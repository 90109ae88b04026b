"""Rows ↔ model objects for the SQLite store: the columns it indexes and the JSON it keeps."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace

from marsad import codec
from marsad.model import Article, Claim, Event, Mention, PlaceRef


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def iso(value: object) -> str | None:
    return None if value is None else str(value)


def _place_columns(ref: PlaceRef | None) -> tuple[str | None, float | None, float | None]:
    if ref is None:
        return None, None, None
    return ref.place.admin1, ref.place.lat, ref.place.lon


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
    )


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
    )


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
