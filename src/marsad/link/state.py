"""What linking remembers between runs (JSON-serializable) and what one run returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from marsad.errors import DataError
from marsad.link.facts import RecordFacts, facts_from_json, facts_to_json
from marsad.link.stories import EventSummary
from marsad.model import Claim, Event, Story

STATE_VERSION = 1


@dataclass(frozen=True, slots=True)
class LinkState:
    """Every linked record's facts by event, the events' summaries, their stories, and the
    near-duplicate index: enough to link new records without rescoring old ones."""

    members: Mapping[str, tuple[RecordFacts, ...]] = field(default_factory=dict)
    summaries: Mapping[str, EventSummary] = field(default_factory=dict)
    story_of: Mapping[str, str] = field(default_factory=dict)  # event id → story id
    duplicates: Mapping[str, object] = field(default_factory=dict)  # DuplicateIndex.to_json()

    def event_of_record(self) -> dict[str, str]:
        return {f.record_id: event_id for event_id, fs in self.members.items() for f in fs}

    def to_json(self) -> dict[str, object]:
        return {
            "version": STATE_VERSION,
            "events": {
                event_id: [facts_to_json(f) for f in facts]
                for event_id, facts in sorted(self.members.items())
            },
            "summaries": {k: _summary_to_json(v) for k, v in sorted(self.summaries.items())},
            "stories": dict(sorted(self.story_of.items())),
            "duplicates": dict(self.duplicates),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> LinkState:
        if data.get("version") != STATE_VERSION:
            raise DataError(f"link state version {data.get('version')!r} is not {STATE_VERSION}")
        try:
            return cls(
                members={
                    str(k): tuple(facts_from_json(f) for f in _items(v))
                    for k, v in _mapping(data.get("events")).items()
                },
                summaries={
                    str(k): _summary_from_json(str(k), _mapping(v))
                    for k, v in _mapping(data.get("summaries")).items()
                },
                story_of={str(k): str(v) for k, v in _mapping(data.get("stories")).items()},
                duplicates=_mapping(data.get("duplicates")),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise DataError(f"link state is malformed: {exc!r}") from exc


@dataclass(frozen=True, slots=True)
class LinkResult:
    """The input claims with `event_id`/`story_id` (and dates inherited from their event), the
    events created or changed by this run (all of them on a first run), every story, the state
    to pass as `existing` next time, and the near-duplicate map (article → its canonical copy)."""

    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    stories: tuple[Story, ...]
    state: LinkState
    copies: Mapping[str, str] = field(default_factory=dict)


def _summary_to_json(s: EventSummary) -> dict[str, object]:
    return {
        "action": s.action,
        "family": s.family,
        "place": s.place_name,
        "admin1": s.admin1,
        "lat": s.lat,
        "lon": s.lon,
        "start": s.start.isoformat() if s.start else None,
        "end": s.end.isoformat() if s.end else None,
        "sides": sorted(s.sides),
    }


def _summary_from_json(event_id: str, d: Mapping[str, object]) -> EventSummary:
    def day(key: str) -> date | None:
        value = d.get(key)
        return date.fromisoformat(str(value)) if value else None

    def number(key: str) -> float | None:
        value = d.get(key)
        return None if value is None else float(str(value))

    return EventSummary(
        event_id=event_id,
        action=str(d["action"]),
        family=str(d["family"]),
        place_name=None if d.get("place") is None else str(d.get("place")),
        admin1=None if d.get("admin1") is None else str(d.get("admin1")),
        lat=number("lat"),
        lon=number("lon"),
        start=day("start"),
        end=day("end"),
        sides=frozenset(str(x) for x in _list(d.get("sides"))),
    )


def _mapping(value: object) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return value


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return value


def _items(value: object) -> list[Mapping[str, object]]:
    return [_mapping(item) for item in _list(value)]
