"""ACLED-style CSV: one row per canonical event, with ACLED's column names in ACLED's order."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import TextIO

from marsad.export.actor_types import ActorType, ActorTypes
from marsad.export.classes import AcledClass
from marsad.export.notes import event_notes
from marsad.export.records import event_class, members_by_event
from marsad.knowledge.resources import Resources
from marsad.model import ActorRef, Article, Claim, Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
COUNTRY_PREFIX = "SYR"
COUNTRY_FIELDS = {"iso": 760, "region": "Middle East", "country": "Syria"}
# Digits of the stable number after "SYR": 10 hex digits of a hash (≈10^12 values) keep
# collisions negligible for millions of events; a clash within one file is bumped by one.
_ID_HEX_DIGITS = 10
_SCALE_ORDER = ("Local", "National", "Regional", "International")


def stable_number(event_id: str) -> int:
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:_ID_HEX_DIGITS], 16)


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's combined code: the two codes lower first (17, 28); a sole actor gives e.g. 10."""
    if inter1 is None and inter2 is None:
        return ""
    if inter1 is None or inter2 is None:
        return f"{inter1 or inter2}0"
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def source_scale(outlets: Sequence[str], scales: Mapping[str, str]) -> str:
    """ACLED's combined scale ("National-International"), from each outlet's own scale."""
    found = {scales[o] for o in outlets if o in scales}
    ordered = [s for s in _SCALE_ORDER if s in found] + sorted(found - set(_SCALE_ORDER))
    return "-".join(ordered)


def _catalog_scales(names: Iterable[str], resources: Resources) -> dict[str, str]:
    """Each outlet name → its scale in the outlet catalog, for the names listed there."""
    scales: dict[str, str] = {}
    for name in dict.fromkeys(names):
        listed = resources.outlets.lookup(name)
        if listed and listed[0].scale:
            scales[name] = listed[0].scale
    return scales


def _outlets(event: Event, articles: Mapping[str, Article]) -> list[str]:
    """The event's outlets, else those of its articles, distinct and in order."""
    named = list(event.outlets) or [
        o for a in event.article_ids if (o := getattr(articles.get(a), "outlet", None))
    ]
    return list(dict.fromkeys(named))


def _tags(event: Event, members: Sequence[Claim]) -> str:
    tags = [f"status={event.status}"]
    attributed = (c.attributed_to.name for c in members if c.attributed_to is not None)
    tags += [f"attributed={name}" for name in dict.fromkeys(attributed)]
    tags.append(f"sources={event.independent_sources}")
    if event.disputes:
        tags.append("disputed")
    return "; ".join(tags)


def _actor_type(ref: ActorRef | None, actors: ActorTypes) -> ActorType | None:
    """ACLED names the most specific actor ("Jaysh al-Islam"), not the seed id it is coded as."""
    if ref is None:
        return None
    if ref.specific_id:
        return actors.get(ref.specific_id, ref.name)
    return actors.get(ref.id, ref.name)


def acled_row(
    event: Event,
    members: Sequence[Claim],
    names: AcledClass,
    *,
    number: int,
    outlets: Sequence[str],
    actors: ActorTypes,
    scales: Mapping[str, str],
    timestamp: int | None,
) -> dict[str, object]:
    a1, a2 = _actor_type(event.actor1, actors), _actor_type(event.actor2, actors)
    inter1, inter2 = (None if a is None else a.inter for a in (a1, a2))
    place = None if event.location is None else event.location.place
    civilian_target = names.violent and a2 is not None and a2.civilian
    return {
        "event_id_cnty": f"{COUNTRY_PREFIX}{number}",
        "event_date": "" if event.date is None else event.date.start.isoformat(),
        "year": "" if event.date is None else event.date.start.year,
        "time_precision": "" if event.date is None else event.date.precision,
        "disorder_type": names.disorder_type or "",
        "event_type": names.event_type or "",
        "sub_event_type": names.sub_event_type or "",
        "actor1": "" if a1 is None else a1.name,
        "assoc_actor_1": "",
        "inter1": "" if inter1 is None else inter1,
        "actor2": "" if a2 is None else a2.name,
        "assoc_actor_2": "",
        "inter2": "" if inter2 is None else inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian_target else "",
        **COUNTRY_FIELDS,
        "admin1": "" if place is None else place.admin1 or "",
        "admin2": "" if place is None else place.admin2 or "",
        "admin3": "" if place is None else place.admin3 or "",
        "location": "" if place is None else place.name,
        "latitude": "" if place is None else f"{place.lat:.4f}",
        "longitude": "" if place is None else f"{place.lon:.4f}",
        "geo_precision": "" if event.location is None else event.location.geo_precision,
        "source": "; ".join(outlets),
        "source_scale": source_scale(outlets, scales),
        "notes": event_notes(event, members, outlets),
        "fatalities": "" if event.fatalities is None else event.fatalities,  # unknown ≠ 0
        "tags": _tags(event, members),
        "timestamp": "" if timestamp is None else timestamp,
    }


def write_acled_csv(
    events: Iterable[Event],
    claims: Iterable[Claim],
    articles: Mapping[str, Article],
    resources: Resources,
    out: TextIO,
    *,
    actors: ActorTypes | None = None,
    outlet_scales: Mapping[str, str] | None = None,
    timestamp: int | None = None,
) -> int:
    """One row per canonical event (verbal actions left out); returns the rows written.

    `outlet_scales` (outlet name → ACLED scale) defaults to the outlet catalog's.
    `timestamp` (ACLED's upload time, Unix seconds) is left empty unless given, so that the
    same store always exports the same file.
    """
    actors = actors or ActorTypes.from_resources(resources)
    events = list(events)
    members = members_by_event(events, claims)
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    outlets = {e.id: _outlets(e, articles) for e in events}
    scales = outlet_scales
    if scales is None:
        scales = _catalog_scales((o for names in outlets.values() for o in names), resources)
    used: set[int] = set()
    written = 0
    for event in events:
        names = event_class(event, members[event.id], resources, actors)
        if not names.exported:
            continue
        number = stable_number(event.id)
        while number in used:
            number += 1
        used.add(number)
        row = acled_row(
            event,
            members[event.id],
            names,
            number=number,
            outlets=outlets[event.id],
            actors=actors,
            scales=scales,
            timestamp=timestamp,
        )
        writer.writerow(row)
        written += 1
    return written
