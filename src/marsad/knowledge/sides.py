"""Which actors fight on one side, and when (`data/actor_sides.tsv`).

Reports of one happening often name different members of one side as its doer: one says "the
Turkish army", another "the Turkish-backed factions". The catalog's parent links do not join
them (Turkey is not the Syrian National Army's parent), so the sides are listed apart, each with
the days it held. A row covers its actor and the actor's children in the catalog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.errors import DataError
from marsad.knowledge.files import data_path, read_tsv

ACTOR_SIDES_FILE = "actor_sides.tsv"
# The side of an actor that fights for itself although its catalog parent has allies (HTS under
# the opposition): it ends the walk up the lineage and is nobody's ally.
NO_SIDE = "none"
COLUMNS = ("actor_id", "side", "active_from", "active_to", "note")


@dataclass(frozen=True, slots=True)
class ActorSide:
    actor_id: str
    side: str
    active_from: date | None  # None: since before the war
    active_to: date | None  # None: still holds
    note: str

    def holds_on(self, day: date) -> bool:
        starts = self.active_from is None or self.active_from <= day
        return starts and (self.active_to is None or day <= self.active_to)


class SideTable:
    """Actor id → its side rows; `side_of` walks the actor's catalog ancestors."""

    def __init__(self, rows: Iterable[ActorSide] = ()) -> None:
        self._rows: dict[str, list[ActorSide]] = {}
        for row in rows:
            self._rows.setdefault(row.actor_id, []).append(row)

    def __iter__(self) -> Iterator[ActorSide]:
        return (row for rows in self._rows.values() for row in rows)

    def __len__(self) -> int:
        return sum(len(rows) for rows in self._rows.values())

    def side_of(self, lineage: Sequence[str], day: date) -> str | None:
        """The side of the first id of `lineage` (an actor, then its ancestors) listed on `day`.
        An id listed but not on that day ends the walk: its side did not hold then, and its
        parent's alliance is not its own."""
        for actor_id in lineage:
            rows = self._rows.get(actor_id)
            if rows is None:
                continue
            for row in rows:
                if row.holds_on(day):
                    return row.side
            return None
        return None

    def allied(
        self,
        a: str,
        b: str,
        day_a: date,
        day_b: date,
        lineage: Callable[[str], Sequence[str]] = lambda i: (i,),
    ) -> bool:
        """Both actors are on one side, each on its own record's day."""
        side = self.side_of(lineage(a), day_a)
        return side not in (None, NO_SIDE) and side == self.side_of(lineage(b), day_b)

    def allied_at_some_time(
        self, a: str, b: str, lineage: Callable[[str], Sequence[str]] = lambda i: (i,)
    ) -> bool:
        """Both actors were on one side on some day of the war: the reading for a report whose
        day is not known (an undated article), where no day rules an alliance in or out."""
        rows_a, rows_b = self._rows_of(lineage(a)), self._rows_of(lineage(b))
        return any(
            ra.side == rb.side and ra.side != NO_SIDE and _overlap(ra, rb)
            for ra in rows_a
            for rb in rows_b
        )

    def _rows_of(self, lineage: Sequence[str]) -> list[ActorSide]:
        """The rows of the first id of `lineage` that the table lists."""
        for actor_id in lineage:
            rows = self._rows.get(actor_id)
            if rows is not None:
                return rows
        return []


def _overlap(a: ActorSide, b: ActorSide) -> bool:
    """The two rows' periods share a day (an open end holds on)."""
    a_ends_before = (
        a.active_to is not None and b.active_from is not None and a.active_to < b.active_from
    )
    b_ends_before = (
        b.active_to is not None and a.active_from is not None and b.active_to < a.active_from
    )
    return not (a_ends_before or b_ends_before)


def load_actor_sides(path: Path | None = None) -> SideTable:
    """The shipped side table (or another file of the same form)."""
    file = path or data_path(ACTOR_SIDES_FILE)
    return SideTable(_parse(row, file.name) for row in read_tsv(file))


def _parse(row: dict[str, str], file: str) -> ActorSide:
    missing = [c for c in COLUMNS[:2] if not row.get(c)]
    if missing:
        raise DataError(f"{file}: row {row} lacks {', '.join(missing)}")
    side = ActorSide(
        actor_id=row["actor_id"],
        side=row["side"],
        active_from=_day(row.get("active_from", ""), file),
        active_to=_day(row.get("active_to", ""), file),
        note=row.get("note", ""),
    )
    if side.active_from and side.active_to and side.active_to < side.active_from:
        raise DataError(f"{file}: {side.actor_id} {side.side} ends before it starts")
    return side


def _day(text: str, file: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise DataError(f"{file}: bad date {text!r}") from exc
