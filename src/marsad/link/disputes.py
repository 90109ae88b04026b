"""Where the records of one event disagree: every value, with the records and sources giving it.

Codebook §8: disagreements are listed, never resolved. A field is disputed when two of its values
cannot both be true: places more than `SAME_PLACE_KM` apart, dates that do not overlap, different
statuses, counts or quantities, or actors of which neither is the other or its parent. Unknown
values (null) are not disagreements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence

from marsad.geo import haversine_km
from marsad.link.actors import UNKNOWN_ACTOR_IDS, ActorTree
from marsad.link.facts import RecordFacts
from marsad.link.scoring import SAME_PLACE_KM
from marsad.model import Dispute, DisputeValue

Group = tuple[Hashable, list[RecordFacts]]


def disputes_of(members: Sequence[RecordFacts], actors: ActorTree) -> tuple[Dispute, ...]:
    """The disputes among an event's records, in a fixed field order."""
    found: list[Dispute] = []
    checks: list[tuple[str, Callable[[RecordFacts], Hashable | None], Conflict]] = [
        ("status", lambda f: f.status, _differ),
        ("location", lambda f: f.place.gazetteer_id if f.place else None, _far_apart(members)),
        ("date", lambda f: (f.date.start, f.date.end) if f.date else None, _dates_apart),
        ("fatalities", lambda f: f.fatalities, _differ),
        ("actor1", lambda f: _named(f.actor1), _unrelated(actors)),
        ("actor2", lambda f: _named(f.actor2), _unrelated(actors)),
    ]
    for name, key, conflict in checks:
        dispute = _dispute(name, _groups(members, key), conflict, _value_of(name, members))
        if dispute is not None:
            found.append(dispute)
    found.extend(_quantity_disputes(members))
    return tuple(found)


Conflict = Callable[[Hashable, Hashable], bool]


def _groups(
    members: Sequence[RecordFacts], key: Callable[[RecordFacts], Hashable | None]
) -> list[Group]:
    groups: dict[Hashable, list[RecordFacts]] = defaultdict(list)
    for facts in members:
        value = key(facts)
        if value is not None:
            groups[value].append(facts)
    return sorted(groups.items(), key=lambda item: str(item[0]))


def _dispute(
    name: str,
    groups: list[Group],
    conflict: Conflict,
    render: Callable[[Hashable], tuple[str | int | float | None, str | None]],
) -> Dispute | None:
    keys = [k for k, _ in groups]
    if not any(conflict(a, b) for i, a in enumerate(keys) for b in keys[i + 1 :]):
        return None
    values = []
    for key, records in groups:
        value, qualifier = render(key)
        values.append(_dispute_value(value, qualifier, records))
    return Dispute(field=name, values=tuple(values))


def _dispute_value(
    value: str | int | float | None, qualifier: str | None, records: Sequence[RecordFacts]
) -> DisputeValue:
    return DisputeValue(
        value=value,
        qualifier=qualifier,
        record_ids=tuple(sorted({r.record_id for r in records})),
        article_ids=tuple(sorted({r.article_id for r in records})),
        sources=tuple(sorted({s for r in records for s in (r.outlet, r.attribution) if s})),
    )


def _value_of(
    name: str, members: Sequence[RecordFacts]
) -> Callable[[Hashable], tuple[str | int | float | None, str | None]]:
    places = {f.place.gazetteer_id: f.place.name for f in members if f.place}

    def render(key: Hashable) -> tuple[str | int | float | None, str | None]:
        if name == "location":
            return places.get(str(key), str(key)), None
        if name == "date" and isinstance(key, tuple):
            start, end = key
            return (start.isoformat() if start == end else f"{start}/{end}"), None
        if isinstance(key, str | int | float):
            return key, None
        return str(key), None

    return render


def _differ(a: Hashable, b: Hashable) -> bool:
    return a != b


def _far_apart(members: Sequence[RecordFacts]) -> Conflict:
    coords = {f.place.gazetteer_id: (f.place.lat, f.place.lon) for f in members if f.place}

    def conflict(a: Hashable, b: Hashable) -> bool:
        (la1, lo1), (la2, lo2) = coords[str(a)], coords[str(b)]
        return haversine_km(la1, lo1, la2, lo2) > SAME_PLACE_KM

    return conflict


def _dates_apart(a: Hashable, b: Hashable) -> bool:
    if not isinstance(a, tuple) or not isinstance(b, tuple):
        return False
    return bool(a[1] < b[0] or b[1] < a[0])


def _named(actor_id: str | None) -> str | None:
    return None if actor_id is None or actor_id in UNKNOWN_ACTOR_IDS else actor_id


def _unrelated(actors: ActorTree) -> Conflict:
    def conflict(a: Hashable, b: Hashable) -> bool:
        return not actors.related(str(a), str(b))

    return conflict


def _quantity_disputes(members: Sequence[RecordFacts]) -> list[Dispute]:
    by_kind: dict[tuple[str, str], dict[tuple[float, str | None], list[RecordFacts]]] = {}
    for facts in members:
        for q in facts.quantities:
            kind = (q.item or "any", q.unit)
            by_kind.setdefault(kind, defaultdict(list))[(q.value, q.qualifier)].append(facts)
    disputes = []
    for (item, unit), groups in sorted(by_kind.items()):
        if len({value for value, _ in groups}) < 2:
            continue  # one number, perhaps with and without "about": no disagreement
        values = tuple(
            _dispute_value(_number(value), qualifier, records)
            for (value, qualifier), records in sorted(groups.items(), key=lambda g: str(g[0]))
        )
        disputes.append(Dispute(field=f"quantities.{item}.{unit}", values=values))
    return disputes


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
