"""JSON Lines exports: one record per line (schema.md), or one canonical event per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TextIO

from marsad.export.actor_types import ActorTypes
from marsad.export.classes import AcledClass, classify
from marsad.knowledge.resources import Resources
from marsad.model import ActorRef, Claim, Event, PlaceRef, Quantity

# Keys of a record, in schema.md's order; the ACLED/PLOVER names follow `action`.
_RECORD_HEAD = ("id", "article_id", "event_id", "story_id", "action")


def _line(value: Mapping[str, object]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def claim_class(claim: Claim, resources: Resources, actors: ActorTypes) -> AcledClass:
    return classify(
        resources.actions.get(claim.action),
        actor1=claim.actor1,
        actor2=claim.actor2,
        evidence=(claim.evidence.text,),
        quantities=claim.quantities,
        actors=actors,
    )


def event_class(
    event: Event, members: Sequence[Claim], resources: Resources, actors: ActorTypes
) -> AcledClass:
    """An event's names, judged on its merged actors and all its records' evidence."""
    return classify(
        resources.actions.get(event.action),
        actor1=event.actor1,
        actor2=event.actor2,
        evidence=[c.evidence.text for c in members],
        quantities=[q for c in members for q in c.quantities],
        actors=actors,
    )


def record_json(claim: Claim, names: AcledClass) -> dict[str, object]:
    """schema.md's record: Claim.to_json with the ACLED/PLOVER names after `action`."""
    body = claim.to_json()
    out: dict[str, object] = {key: body.pop(key) for key in _RECORD_HEAD}
    out["event_type"] = names.event_type
    out["sub_event_type"] = names.sub_event_type
    out["plover"] = names.plover
    out.update(body)
    return out


def write_records_jsonl(
    claims: Iterable[Claim],
    resources: Resources,
    out: TextIO,
    *,
    actors: ActorTypes | None = None,
) -> int:
    """One JSON object per record (verbal ones too, with null ACLED names); returns the count."""
    actors = actors or ActorTypes.from_resources(resources)
    written = 0
    for claim in claims:
        out.write(_line(record_json(claim, claim_class(claim, resources, actors))))
        written += 1
    return written


def members_by_event(events: Iterable[Event], claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """Each event's records, in the event's record order."""
    by_id = {c.id: c for c in claims}
    return {e.id: [by_id[r] for r in e.record_ids if r in by_id] for e in events}


def _actor(ref: ActorRef | None) -> dict[str, object] | None:
    # No offsets at the event level: an event merges spans of several articles.
    return None if ref is None else {"id": ref.id, "name": ref.name}


def _place(ref: PlaceRef | None) -> dict[str, object] | None:
    if ref is None:
        return None
    full = ref.to_json()
    return {k: v for k, v in full.items() if k not in ("text", "start", "end")}


def _quantities(members: Sequence[Claim]) -> list[dict[str, object]]:
    """The distinct quantities the records give (disputes say which records differ)."""
    seen: dict[tuple[float, str, str | None, str | None], Quantity] = {}
    for claim in members:
        for q in claim.quantities:
            seen.setdefault((q.value, q.unit, q.item, q.qualifier), q)
    return [
        {k: v for k, v in q.to_json().items() if k not in ("text", "start", "end")}
        for q in seen.values()
    ]


def _attributions(members: Sequence[Claim]) -> list[str]:
    names = (c.attributed_to.name for c in members if c.attributed_to is not None)
    return list(dict.fromkeys(names))


def event_json(event: Event, members: Sequence[Claim], names: AcledClass) -> dict[str, object]:
    return {
        "id": event.id,
        "story_id": event.story_id,
        "action": event.action,
        "event_type": names.event_type,
        "sub_event_type": names.sub_event_type,
        "plover": names.plover,
        "status": event.status,
        "actor1": _actor(event.actor1),
        "actor2": _actor(event.actor2),
        "location": _place(event.location),
        "date": None if event.date is None else event.date.to_json(),
        "fatalities": event.fatalities,
        "quantities": _quantities(members),
        "attributed_to": _attributions(members),
        "records": list(event.record_ids),
        "articles": list(event.article_ids),
        "outlets": list(event.outlets),
        "n_outlets": len(set(event.outlets)),
        "independent_sources": event.independent_sources,
        "disputes": [d.to_json() for d in event.disputes],
    }


def write_events_jsonl(
    events: Iterable[Event],
    claims: Iterable[Claim],
    resources: Resources,
    out: TextIO,
    *,
    actors: ActorTypes | None = None,
) -> int:
    """One JSON object per canonical event, with merged values and disputes; returns the count."""
    actors = actors or ActorTypes.from_resources(resources)
    events = list(events)
    members = members_by_event(events, claims)
    for event in events:
        names = event_class(event, members[event.id], resources, actors)
        out.write(_line(event_json(event, members[event.id], names)))
    return len(events)
