"""Stories: chains of related events in one place and time window, titled from their content.

Events chain when their action families can belong to one course of events (a siege, its talks,
the deal, the lifting), they share a side, they are in one admin-1 area or within `STORY_KM` (or,
for talks and placeless events, are between the same two sides), and they start within
`STORY_GAP_DAYS` of the story's latest event. A story never spans more than `STORY_MAX_DAYS`, so
a city's whole war does not become one story. Undated events join a story only when exactly one
story fits them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from marsad.geo import haversine_km
from marsad.model import Story, content_id

STORY_KM = 50.0
STORY_GAP_DAYS = 30
STORY_MAX_DAYS = 120  # a long siege with its talks and lifting fits; a year of fighting does not
MIN_STORY_EVENTS = 2
MAX_CHAPTERS = 4  # a title names the first few turns of the story, not all of them
RECENT_MEMBERS = 20  # an event continues a story through one of its latest events
GRID_DEGREES = 0.5  # ~50 km cells: an event looks for stories in its cell and the eight around

# Families that can be chapters of one course of events. Verbal and humanitarian ones (statements,
# displacement) accompany anything.
STORY_GROUPS = (
    frozenset({"siege", "negotiation", "transfer", "posture", "humanitarian", "verbal"}),
    frozenset({"violence", "remote", "coercion", "posture", "transfer", "humanitarian", "verbal"}),
    frozenset({"protest", "coercion", "verbal"}),
)
PLACE_FREE_FAMILIES = frozenset({"negotiation", "verbal"})  # talks are held far from the siege

# English wording of titles: presentation, not knowledge of Arabic.
HEADS = {
    "siege": "Siege of {}",
    "violence": "Fighting in {}",
    "remote": "Strikes on {}",
    "coercion": "Arrests and abductions in {}",
    "transfer": "Control of {}",
    "negotiation": "Talks on {}",
    "posture": "Deployments in {}",
    "protest": "Protests in {}",
    "humanitarian": "Displacement from {}",
    "verbal": "Statements on {}",
}
HEAD_ORDER = (
    "siege",
    "violence",
    "remote",
    "transfer",
    "coercion",
    "protest",
    "posture",
    "negotiation",
    "humanitarian",
    "verbal",
)
CHAPTERS = {
    "talks": "talks",
    "agreement": "agreement",
    "siege_lifted": "lifting",
    "aid_delivery": "aid",
    "blockade_goods": "blockade",
    "restrictions_eased": "easing",
    "handover": "handover",
    "seizure": "seizures",
    "withdrawal": "withdrawal",
}


@dataclass(frozen=True, slots=True)
class EventSummary:
    """What stories need of an event (kept in the link state for incremental runs)."""

    event_id: str
    action: str
    family: str
    place_name: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    start: date | None
    end: date | None
    sides: frozenset[str]  # root actor ids of actor1 and actor2


@dataclass(slots=True)
class _Open:
    members: list[EventSummary] = field(default_factory=list)
    start: date = date.max
    end: date = date.min


def build_stories(summaries: Sequence[EventSummary]) -> tuple[Story, ...]:
    """Stories of at least two events; each event in at most one story."""
    dated = sorted((s for s in summaries if s.start), key=lambda s: (s.start, s.event_id))
    stories: list[_Open] = []
    active: dict[Hashable, list[int]] = defaultdict(list)  # key → stories still open to it
    for summary in dated:
        home = _best_story(summary, stories, _candidates(summary, active, stories), timed=True)
        if home is None:
            home = len(stories)
            stories.append(_Open())
        _add(stories[home], summary)
        for key in _keys(summary):
            if not active[key] or active[key][-1] != home:
                active[key].append(home)
    every: dict[Hashable, list[int]] = defaultdict(list)
    for number, story in enumerate(stories):
        for key in dict.fromkeys(k for m in story.members for k in _keys(m)):
            every[key].append(number)
    for summary in sorted((s for s in summaries if not s.start), key=lambda s: s.event_id):
        found = sorted({n for k in _lookup_keys(summary) for n in every.get(k, [])})
        home = _best_story(summary, stories, found, timed=False)
        if home is not None:
            stories[home].members.append(summary)
    return tuple(
        sorted((_story(s) for s in stories if len(s.members) >= MIN_STORY_EVENTS), key=_story_key)
    )


def _keys(summary: EventSummary) -> list[Hashable]:
    """Where an event files its story: by side × governorate and side × grid cell (events chain
    only within a side and a place), and by its pair of sides for talks and placeless events."""
    sides = sorted(summary.sides) or [""]
    keys: list[Hashable] = []
    for side in sides:
        if summary.admin1:
            keys.append(("area", side, summary.admin1))
        if summary.lat is not None and summary.lon is not None:
            keys.append(("cell", side, *_cell(summary.lat, summary.lon)))
    if len(summary.sides) == 2:
        keys.append(("dyad", *sides))
        if _place_free(summary):
            keys.append(("free", *sides))
    return keys


def _lookup_keys(summary: EventSummary) -> list[Hashable]:
    """The keys under which the stories an event may continue are filed."""
    sides = sorted(summary.sides)
    keys: list[Hashable] = []
    for side in [*sides, ""] if sides else [""]:  # "" finds stories of events with no actors
        if summary.admin1:
            keys.append(("area", side, summary.admin1))
        if summary.lat is not None and summary.lon is not None:
            x, y = _cell(summary.lat, summary.lon)
            keys.extend(("cell", side, x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
    if len(sides) == 2:
        keys.append(("dyad", *sides) if _place_free(summary) else ("free", *sides))
    return keys


def _place_free(summary: EventSummary) -> bool:
    return summary.admin1 is None or summary.family in PLACE_FREE_FAMILIES


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / GRID_DEGREES), math.floor(lon / GRID_DEGREES)


def _candidates(
    summary: EventSummary, active: dict[Hashable, list[int]], stories: list[_Open]
) -> list[int]:
    """Stories filed under the event's keys that are still open at its start; closed ones are
    dropped from the lists on the way, so each list holds only the last month's stories."""
    found: set[int] = set()
    for key in _lookup_keys(summary):
        numbers = active.get(key)
        if not numbers:
            continue
        numbers[:] = [n for n in numbers if not _closed(stories[n], summary)]
        found.update(numbers)
    return sorted(found)


def _closed(story: _Open, summary: EventSummary) -> bool:
    return summary.start is not None and (summary.start - story.end).days > STORY_GAP_DAYS


def _story_key(story: Story) -> str:
    return story.id


def _add(story: _Open, summary: EventSummary) -> None:
    story.members.append(summary)
    if summary.start:
        story.start = min(story.start, summary.start)
        story.end = max(story.end, summary.end or summary.start)


def _best_story(
    summary: EventSummary, stories: list[_Open], candidates: list[int], *, timed: bool
) -> int | None:
    fits = (n for n in candidates if _fits(summary, stories[n], timed=timed))
    if timed:
        return next(fits, None)  # the oldest open story it continues: a siege keeps its chain
    first, second = next(fits, None), next(fits, None)
    return first if second is None else None  # undated: only when there is no doubt


def _fits(summary: EventSummary, story: _Open, *, timed: bool) -> bool:
    if timed and summary.start:
        if _closed(story, summary):
            return False
        if ((summary.end or summary.start) - story.start).days > STORY_MAX_DAYS:
            return False
    recent = story.members[-RECENT_MEMBERS:]
    return any(_related(summary, member) for member in recent)


@lru_cache(maxsize=256)
def _families_related(a: str, b: str) -> bool:
    return any(a in group and b in group for group in STORY_GROUPS)


def _related(a: EventSummary, b: EventSummary) -> bool:
    if not _families_related(a.family, b.family):
        return False
    if a.sides and b.sides and not a.sides & b.sides:
        return False  # a chain of events is between the same parties
    if a.admin1 is not None and a.admin1 == b.admin1:
        return True
    if _km(a, b) <= STORY_KM:
        return True
    placeless = a.admin1 is None or b.admin1 is None
    talks = a.family in PLACE_FREE_FAMILIES or b.family in PLACE_FREE_FAMILIES
    return (placeless or talks) and len(a.sides) == 2 and a.sides == b.sides


def _km(a: EventSummary, b: EventSummary) -> float:
    """Distance between two events' places; infinite when either has none."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _story(story: _Open) -> Story:
    ids = sorted(m.event_id for m in story.members)
    return Story(
        id=content_id("s", ids[0]),
        title=story_title(story.members),
        event_ids=tuple(ids),
        start=story.start if story.start != date.max else None,
        end=story.end if story.end != date.min else None,
    )


def story_title(members: Sequence[EventSummary]) -> str:
    """E.g. "Siege of Sheikh Maqsoud and Ashrafieh, Aleppo — talks and agreement, Apr 2022"."""
    families = {m.family for m in members}
    head_family = next((f for f in HEAD_ORDER if f in families), members[0].family)
    heads = [m for m in members if m.family == head_family]
    names = list(dict.fromkeys(m.place_name for m in heads if m.place_name))[:2]
    areas = list(dict.fromkeys(m.admin1 for m in heads if m.admin1 and m.admin1 not in names))
    where = " and ".join(names) or (areas[0] if areas else "unknown places")
    if names and areas:
        where += f", {areas[0]}"
    title = HEADS.get(head_family, "Events in {}").format(where)
    opening = min(heads, key=lambda m: (m.start or date.max, m.event_id)).action
    chapters = _chapters(m for m in members if m.action != opening)
    if chapters:
        title += f" — {chapters}"
    when = _months([m.start for m in members if m.start] + [m.end for m in members if m.end])
    return f"{title}, {when}" if when else title


def _chapters(members: Iterable[EventSummary]) -> str:
    ordered = sorted(members, key=lambda m: (m.start or date.max, m.event_id))
    labels = list(
        dict.fromkeys(CHAPTERS.get(m.action, m.action.replace("_", " ")) for m in ordered)
    )
    labels = labels[:MAX_CHAPTERS]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _months(days: list[date]) -> str:
    if not days:
        return ""
    first, last = min(days), max(days)
    if (first.year, first.month) == (last.year, last.month):
        return first.strftime("%b %Y")
    if first.year == last.year:
        return f"{first.strftime('%b')}–{last.strftime('%b %Y')}"
    return f"{first.strftime('%b %Y')}–{last.strftime('%b %Y')}"
