"""Blocking: which earlier records a record is compared with, so cost grows near-linearly.

A record with a time anchor (its own date, else its article's publication date) sits in 7-day
buckets of its action family, split by admin-1 area; it is compared with records of the same
family in its buckets and the neighbouring ones, in the same admin-1 area or with no place.
A record with no anchor, or a date too vague to bucket (a season, a year), is found by its
wording: the few smallest hashes of its evidence sketch are locality-sensitive keys (two texts
with Jaccard similarity J share one of the m smallest hashes of their union with probability about
1 - (1 - J)^m), so it meets only records of its family that share wording, however large the
store, and by place and actor: records of its family in its place cell (about 10 km) or the
eight around it, with its actor's root or none, at most `POOL_CAP` of them, the latest first. A
durable action (a siege, told for months) is found the same way, whatever its date.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from marsad.knowledge.actions import two_sided_actions
from marsad.link.actors import ActorTree
from marsad.link.facts import RecordFacts
from marsad.link.scoring import DURABLE_ACTIONS

BUCKET_DAYS = 7  # a week: reports of one happening come out within days of each other
MAX_BUCKETED_DAYS = 42  # intervals longer than six weeks do not locate a record in time
PUBLISHED_LOOKBACK = timedelta(days=14)  # an undated record may tell of the fortnight before
PUBLISHED_LOOKAHEAD = timedelta(days=1)
NEIGHBOUR_SLACK = timedelta(days=1)  # the scorer's one-day widening of intervals
WORDING_KEYS = 8  # smallest sketch hashes used as keys: J = 0.2 meets with p ≈ 0.83
WORDING_BUCKET_CAP = 50  # a key this common is a stock phrase, not shared wording: skipped
CELL_DEGREES = 0.1  # about 10 km north-south: a place cell
POOL_CAP = 200  # comparisons at most per record found by place and actor (the latest)

NO_PLACE = ""  # the admin-1 key of a record without a place
BucketKey = tuple[str, int, str, bool]  # family, bucket number, admin-1, date said by the text
WordKey = tuple[str, int]  # family, shingle hash
Cell = tuple[int, int]  # latitude and longitude cell numbers
PoolKey = tuple[str, Cell | None, str]  # family, place cell, actor root ("" = none)


@dataclass(slots=True)
class WordingIndex:
    """Records by family × each of the smallest hashes of their evidence sketch."""

    keys: dict[WordKey, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, position: int, facts: RecordFacts) -> None:
        for key in _wording_keys(facts):
            self.keys[key].append(position)

    def groups(self, facts: RecordFacts) -> Iterator[list[int]]:
        for key in _wording_keys(facts):
            group = self.keys.get(key)
            if group and len(group) <= WORDING_BUCKET_CAP:
                yield group


@dataclass(slots=True)
class Pools:
    """Records by family × place cell × actor root, and by family × each of the two alone; a
    lookup covers the cell and its eight neighbours (so every place within ~10 km)."""

    exact: dict[PoolKey, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_place: dict[tuple[str, Cell], list[int]] = field(default_factory=lambda: defaultdict(list))
    by_actor: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, position: int, family: str, cell: Cell | None, actor: str) -> None:
        self.exact[(family, cell, actor)].append(position)
        if cell is not None:
            self.by_place[(family, cell)].append(position)
        if actor:
            self.by_actor[(family, actor)].append(position)

    def groups(self, family: str, cell: Cell | None, actor: str) -> Iterator[list[int]]:
        """Records that may share the place and actor, at most `POOL_CAP`, the latest first."""
        if cell is not None and actor:
            keys = [(c, a) for a in (actor, "") for c in _around(cell)] + [
                (None, actor),
                (None, ""),
            ]
            groups = [self.exact.get((family, c, a), []) for c, a in keys]
        elif cell is not None:
            groups = [self.by_place.get((family, c), []) for c in _around(cell)]
        elif actor:
            groups = [self.by_actor.get((family, actor), [])]
        else:
            groups = []  # no time, no place, no actor: only wording can find it
        budget = POOL_CAP
        for group in groups:
            if budget <= 0:
                return
            if group:
                yield group[-budget:]
                budget -= len(group)


@dataclass(slots=True)
class BlockIndex:
    """Where each indexed record can be found; holds record positions, not records."""

    actors: ActorTree
    buckets: dict[BucketKey, list[int]] = field(default_factory=lambda: defaultdict(list))
    admins: dict[tuple[str, int], set[str]] = field(default_factory=lambda: defaultdict(set))
    # Looked up by records with no anchor: every record, by wording and by place and actor.
    everyone_words: WordingIndex = field(default_factory=WordingIndex)
    everyone: Pools = field(default_factory=Pools)
    # Looked up by records with an anchor: the records without one.
    anchorless_words: WordingIndex = field(default_factory=WordingIndex)
    anchorless: Pools = field(default_factory=Pools)

    def add(self, position: int, facts: RecordFacts) -> None:
        admin1, cell, actor = _admin1(facts), _cell(facts), self._actor_key(facts)
        window = _own_buckets(facts)
        said = facts.date is not None and facts.date_said
        for bucket in window:
            self.buckets[(facts.family, bucket, admin1, said)].append(position)
            self.admins[(facts.family, bucket)].add(admin1)
        self.everyone_words.add(position, facts)
        self.everyone.add(position, facts.family, cell, actor)
        if not window:
            self.anchorless_words.add(position, facts)
            self.anchorless.add(position, facts.family, cell, actor)

    def candidates(self, facts: RecordFacts) -> Iterator[int]:
        """Positions of indexed records to compare `facts` with, each once."""
        seen: set[int] = set()
        for group in self._groups(facts):
            for position in group:
                if position not in seen:
                    seen.add(position)
                    yield position

    def _groups(self, facts: RecordFacts) -> Iterator[list[int]]:
        cell, actor = _cell(facts), self._actor_key(facts)
        window = _lookup_buckets(facts)
        if window is None:
            yield from self.everyone_words.groups(facts)
            yield from self.everyone.groups(facts.family, cell, actor)
            return
        yield from self._bucket_groups(facts, window, (True, False))
        background = _background_buckets(facts)
        if background is not None:
            # A date taken by default from the publication day may be an earlier happening
            # told again: it meets the dates said in the fortnight before its report too.
            earlier = [b for b in background if b not in window]
            yield from self._bucket_groups(facts, earlier, (True,))
        yield from self.anchorless_words.groups(facts)
        yield from self.anchorless.groups(facts.family, cell, actor)

    def _bucket_groups(
        self, facts: RecordFacts, window: Iterable[int], said: tuple[bool, ...]
    ) -> Iterator[list[int]]:
        """Records filed in the window's buckets, of the record's area or none, whose date is
        said by the text or not (`said`: which of the two)."""
        admin1 = _admin1(facts)
        for bucket in window:
            present = self.admins.get((facts.family, bucket), set())
            wanted = sorted(present) if admin1 == NO_PLACE else [admin1, NO_PLACE]
            for area in wanted:
                for kind in said:
                    group = self.buckets.get((facts.family, bucket, area, kind))
                    if group:
                        yield group

    def _actor_key(self, facts: RecordFacts) -> str:
        if facts.action in two_sided_actions():
            # Either side may be named first; both reports then file under the same side.
            sides = [self.actors.root(a) for a in (facts.actor1, facts.actor2) if a]
            return min(sides, default="")
        return self.actors.root(facts.actor1) if facts.actor1 else ""


def _wording_keys(facts: RecordFacts) -> list[WordKey]:
    if not facts.sketch:
        return []
    hashes = array("I", facts.sketch)[1 : 1 + WORDING_KEYS]  # [0] is the shingle count
    return [(facts.family, h) for h in hashes]


def _cell(facts: RecordFacts) -> Cell | None:
    if facts.place is None:
        return None
    return (
        math.floor(facts.place.lat / CELL_DEGREES),
        math.floor(facts.place.lon / CELL_DEGREES),
    )


def _around(cell: Cell) -> list[Cell]:
    return [(cell[0] + dlat, cell[1] + dlon) for dlat in (-1, 0, 1) for dlon in (-1, 0, 1)]


def _admin1(facts: RecordFacts) -> str:
    if facts.place is None:
        return NO_PLACE
    return facts.place.admin1 or facts.place.gazetteer_id


def _bucket(day: date) -> int:
    return day.toordinal() // BUCKET_DAYS


def _span(facts: RecordFacts) -> tuple[date, date] | None:
    """The days a record can be about, or None when it has no usable time anchor."""
    if facts.action in DURABLE_ACTIONS:
        return None  # a siege's reports lie months apart: found by place instead
    if facts.date is not None:
        if (facts.date.end - facts.date.start).days > MAX_BUCKETED_DAYS:
            return None
        return facts.date.start, facts.date.end
    if facts.published is not None:
        return facts.published - PUBLISHED_LOOKBACK, facts.published + PUBLISHED_LOOKAHEAD
    # An undated article's estimated day of writing (facts.written) rules nothing out in
    # scoring, so its records stay found by wording, place and actor, like any record with no
    # anchor.
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


def _background_buckets(facts: RecordFacts) -> range | None:
    """For a date taken by default from the publication day (scoring reads it as "on or before
    the report"), the buckets an undated record of its report looks in; records told earlier
    are processed, so indexed, before it. None for any other record."""
    if facts.date is None or facts.date_said or facts.published is None:
        return None
    if facts.action in DURABLE_ACTIONS:
        return None
    start = facts.published - PUBLISHED_LOOKBACK - NEIGHBOUR_SLACK
    end = facts.published + PUBLISHED_LOOKAHEAD + NEIGHBOUR_SLACK
    return range(_bucket(start), _bucket(end) + 1)
