"""Blocking: which earlier records a record is compared with, so cost grows near-linearly.

A record with a time anchor (its own date, else its article's publication date) sits in 7-day
buckets of its action family, split by admin-1 area; it is compared with records of the same
family in its buckets and the neighbouring ones, in the same admin-1 area or with no place.
A record with no anchor, a date too vague to bucket (a season, a year), or a durable action (a
siege, told for months) is compared with the records of its family that share its admin-1 area
and actor, capped at `POOL_CAP`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from marsad.link.actors import ActorTree
from marsad.link.facts import RecordFacts
from marsad.link.scoring import DURABLE_ACTIONS, SYMMETRIC_ACTIONS

BUCKET_DAYS = 7  # a week: reports of one happening come out within days of each other
MAX_BUCKETED_DAYS = 42  # intervals longer than six weeks do not locate a record in time
PUBLISHED_LOOKBACK = timedelta(days=14)  # an undated record may tell of the fortnight before
PUBLISHED_LOOKAHEAD = timedelta(days=1)
NEIGHBOUR_SLACK = timedelta(days=1)  # the scorer's one-day widening of intervals
POOL_CAP = 1000  # comparisons at most per anchorless record: bounds cost on a huge store

NO_PLACE = ""  # the admin-1 key of a record without a place
BucketKey = tuple[str, int, str]  # family, bucket number, admin-1
PoolKey = tuple[str, str, str]  # family, admin-1 ("" = none), actor root ("" = none)


@dataclass(slots=True)
class Pools:
    """Records by family × admin-1 × actor root, and by family × each of the two alone."""

    exact: dict[PoolKey, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_place: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    by_actor: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, position: int, family: str, admin1: str, actor: str) -> None:
        self.exact[(family, admin1, actor)].append(position)
        if admin1 != NO_PLACE:
            self.by_place[(family, admin1)].append(position)
        if actor:
            self.by_actor[(family, actor)].append(position)

    def groups(self, family: str, admin1: str, actor: str) -> Iterator[list[int]]:
        """Records that may share the place and actor, at most `POOL_CAP` of them."""
        if admin1 != NO_PLACE and actor:
            keys = [(admin1, actor), (admin1, ""), (NO_PLACE, actor), (NO_PLACE, "")]
            groups = [self.exact.get((family, a, b), []) for a, b in keys]
        elif admin1 != NO_PLACE:
            groups = [self.by_place.get((family, admin1), [])]
        elif actor:
            groups = [self.by_actor.get((family, actor), [])]
        else:
            groups = []  # no time, no place, no actor: nothing to tell it apart by
        budget = POOL_CAP
        for group in groups:
            if budget <= 0:
                return
            yield group[:budget]
            budget -= len(group)


@dataclass(slots=True)
class BlockIndex:
    """Where each indexed record can be found; holds record positions, not records."""

    actors: ActorTree
    buckets: dict[BucketKey, list[int]] = field(default_factory=lambda: defaultdict(list))
    admins: dict[tuple[str, int], set[str]] = field(default_factory=lambda: defaultdict(set))
    everyone: Pools = field(default_factory=Pools)  # looked up by records with no time anchor
    anchorless: Pools = field(default_factory=Pools)  # looked up by records with one

    def add(self, position: int, facts: RecordFacts) -> None:
        admin1, actor = _admin1(facts), self._actor_key(facts)
        window = _own_buckets(facts)
        for bucket in window:
            self.buckets[(facts.family, bucket, admin1)].append(position)
            self.admins[(facts.family, bucket)].add(admin1)
        self.everyone.add(position, facts.family, admin1, actor)
        if not window:
            self.anchorless.add(position, facts.family, admin1, actor)

    def candidates(self, facts: RecordFacts) -> Iterator[int]:
        """Positions of indexed records to compare `facts` with, each once."""
        seen: set[int] = set()
        for group in self._groups(facts):
            for position in group:
                if position not in seen:
                    seen.add(position)
                    yield position

    def _groups(self, facts: RecordFacts) -> Iterator[list[int]]:
        admin1, actor = _admin1(facts), self._actor_key(facts)
        window = _lookup_buckets(facts)
        if window is None:
            yield from self.everyone.groups(facts.family, admin1, actor)
            return
        yield from self._bucket_groups(facts, window)
        yield from self.anchorless.groups(facts.family, admin1, actor)

    def _bucket_groups(self, facts: RecordFacts, window: range) -> Iterator[list[int]]:
        admin1 = _admin1(facts)
        for bucket in window:
            present = self.admins.get((facts.family, bucket), set())
            wanted = sorted(present) if admin1 == NO_PLACE else [admin1, NO_PLACE]
            for area in wanted:
                group = self.buckets.get((facts.family, bucket, area))
                if group:
                    yield group

    def _actor_key(self, facts: RecordFacts) -> str:
        if facts.action in SYMMETRIC_ACTIONS:
            # Either side may be named first; both reports then file under the same side.
            sides = [self.actors.root(a) for a in (facts.actor1, facts.actor2) if a]
            return min(sides, default="")
        return self.actors.root(facts.actor1) if facts.actor1 else ""


def _admin1(facts: RecordFacts) -> str:
    if facts.place is None:
        return NO_PLACE
    return facts.place.admin1 or facts.place.gazetteer_id


def _bucket(day: date) -> int:
    return day.toordinal() // BUCKET_DAYS


def _span(facts: RecordFacts) -> tuple[date, date] | None:
    """The days a record can be about, or None when it has no usable time anchor."""
    if facts.action in DURABLE_ACTIONS:
        return None  # a siege's reports lie months apart: found by place and actor instead
    if facts.date is not None:
        if (facts.date.end - facts.date.start).days > MAX_BUCKETED_DAYS:
            return None
        return facts.date.start, facts.date.end
    if facts.published is not None:
        return facts.published - PUBLISHED_LOOKBACK, facts.published + PUBLISHED_LOOKAHEAD
    return None


def _own_buckets(facts: RecordFacts) -> range:
    span = _span(facts)
    if span is None:
        return range(0)
    return range(_bucket(span[0]), _bucket(span[1]) + 1)


def _lookup_buckets(facts: RecordFacts) -> range | None:
    span = _span(facts)
    if span is None:
        return None
    return range(_bucket(span[0] - NEIGHBOUR_SLACK), _bucket(span[1] + NEIGHBOUR_SLACK) + 1)
