"""GeoJSON: a FeatureCollection of points, one per located event or record."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from marsad.model import ActorRef, Claim, Event, PlaceRef


def _actor(ref: ActorRef | None) -> dict[str, str] | None:
    return None if ref is None else {"id": ref.id, "name": ref.name}


def _place_properties(ref: PlaceRef) -> dict[str, object]:
    place = ref.place
    return {
        "place": place.name,
        "place_ar": place.name_ar,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "geo_precision": ref.geo_precision,
        "gazetteer_id": place.gazetteer_id,
    }


def _event_properties(event: Event) -> dict[str, object]:
    return {
        "kind": "event",
        "id": event.id,
        "story_id": event.story_id,
        "action": event.action,
        "status": event.status,
        "actor1": _actor(event.actor1),
        "actor2": _actor(event.actor2),
        "date_start": None if event.date is None else event.date.start.isoformat(),
        "date_end": None if event.date is None else event.date.end.isoformat(),
        "time_precision": None if event.date is None else event.date.precision,
        "fatalities": event.fatalities,
        "records": len(event.record_ids),
        "outlets": list(event.outlets),
        "independent_sources": event.independent_sources,
        "disputed": [d.field for d in event.disputes],
    }


def _claim_properties(claim: Claim) -> dict[str, object]:
    interval = None if claim.date is None else claim.date.interval
    return {
        "kind": "record",
        "id": claim.id,
        "article_id": claim.article_id,
        "event_id": claim.event_id,
        "action": claim.action,
        "status": claim.status,
        "actor1": _actor(claim.actor1),
        "actor2": _actor(claim.actor2),
        "date_start": None if interval is None else interval.start.isoformat(),
        "date_end": None if interval is None else interval.end.isoformat(),
        "time_precision": None if interval is None else interval.precision,
        "fatalities": claim.fatalities,
        "attributed_to": None if claim.attributed_to is None else claim.attributed_to.name,
        "evidence": claim.evidence.text,
    }


def feature(item: Event | Claim) -> dict[str, object] | None:
    """A point feature, or None for an item without a place."""
    if item.location is None:
        return None
    properties = _event_properties(item) if isinstance(item, Event) else _claim_properties(item)
    properties.update(_place_properties(item.location))
    place = item.location.place
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": properties,
    }


def write_geojson(items: Iterable[Event | Claim], out: TextIO) -> int:
    """A FeatureCollection of the located items; returns the number of features."""
    features = [f for f in map(feature, items) if f is not None]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)
