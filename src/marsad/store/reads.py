"""The API's reads in SQL: filtered, ordered, paged lists and the counts, for both back ends.

The store answers a page of events or records with one query over indexed columns (migration
3, `rows.FILTER_COLUMNS`) instead of the server holding every row, so serving a store of
millions of records takes the memory of one page. The SQL is written once, here, with SQLite's
`?` placeholders; a `Dialect` holds the few things PostgreSQL writes differently (its `%s`
placeholders, a list parameter as an array with `= ANY` where SQLite reads a JSON array with
`json_each`, `strpos` for `instr`, its row order column and id collation) and turns the text.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from marsad import codec
from marsad.model import Article, Claim, Event, Story
from marsad.store.rows import ARTICLE_COLUMNS, article_from, claims_from

T = TypeVar("T")
Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Filters:
    """What the API's lists filter on; every given one must hold. Text filters arrive folded
    (`rows.fold`), as the store's key columns are."""

    since: date | None = None  # the item's date interval overlaps [since, until]; the
    until: date | None = None  # undated are left out when either is given
    actions: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    admin1: frozenset[str] = frozenset()  # folded governorate names
    actor: str | None = None  # folded: an actor's id or specific id, or part of its name
    place: str | None = None  # folded: part of the place's name, Arabic name or admin2
    article_ids: frozenset[str] | None = None  # from a text search: None means no search
    disputed: bool | None = None  # events only
    story_id: str | None = None
    event_id: str | None = None  # records only
    article_id: str | None = None  # records only


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """One page of a list, and how many items the whole list holds."""

    total: int
    items: list[T] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EventCounts:
    """The store's events counted: by action and by governorate (most first, ties in the events
    listing's order), disputed, the dates they span, and the undated."""

    by_action: list[tuple[str, int]]
    by_admin1: list[tuple[str, int]]
    disputed: int
    first: str | None
    last: str | None
    undated: int


@dataclass(frozen=True, slots=True)
class ActorCount:
    """An actor id, the name the newest event gives it, and how many events name it."""

    id: str
    name: str
    events: int


@dataclass(frozen=True, slots=True)
class Dialect:
    """What SQLite and PostgreSQL write differently in the reads below."""

    placeholder: str  # what `?` becomes
    one_of: str  # `column <one_of>` holds when the column is one of a list parameter's values
    list_param: Callable[[list[str]], object]  # the list as that parameter
    position: str  # the function giving where a substring starts (0: nowhere)
    row_order: str  # the column of the order rows were first stored in
    newest_first: str  # events newest first, undated last, ties by id ({t}: the table alias)

    def sql(self, text: str) -> str:
        # The SQL here holds no `?` or `%` but its placeholders.
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)


SQLITE = Dialect(
    placeholder="?",
    one_of="IN (SELECT value FROM json_each(?))",
    list_param=json.dumps,
    position="instr",
    row_order="rowid",
    newest_first="{t}.date_start DESC, {t}.id",  # SQLite orders NULL first: DESC puts it last
)
POSTGRES = Dialect(
    placeholder="%s",
    one_of="= ANY(?)",
    list_param=list,
    position="strpos",
    row_order="pos",
    newest_first='{t}.date_start DESC NULLS LAST, {t}.id COLLATE "C"',
)


class _Where:
    """Conditions and their parameters, in order."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self.conditions: list[str] = []
        self.params: list[object] = []

    def add(self, condition: str, *params: object) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def one_of(self, column: str, values: Iterable[str]) -> None:
        self.add(f"{column} {self.dialect.one_of}", self.dialect.list_param(sorted(values)))

    def contains(self, column: str) -> str:
        return f"{self.dialect.position}({column}, ?) > 0"

    @property
    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def _shared(where: _Where, t: str, filters: Filters) -> None:
    """The filters events and records share, on table alias `t` (the same columns on both)."""
    if filters.actions:
        where.one_of(f"{t}.action", filters.actions)
    if filters.statuses:
        where.one_of(f"{t}.status", filters.statuses)
    if filters.admin1:
        where.one_of(f"{t}.admin1_key", filters.admin1)
    if filters.actor:
        sides = [
            f"{t}.{side}_key = ? OR {t}.{side}_specific_key = ? OR "
            + where.contains(f"{t}.{side}_name_key")
            for side in ("actor1", "actor2")
        ]
        where.add("(" + " OR ".join(sides) + ")", *[filters.actor] * 6)
    if filters.place:
        names = ("place_name_key", "place_name_ar_key", "place_admin2_key")
        where.add(
            "(" + " OR ".join(where.contains(f"{t}.{n}") for n in names) + ")",
            *[filters.place] * 3,
        )
    if filters.story_id is not None:
        where.add(f"{t}.story_id = ?", filters.story_id)
    # Overlap with the window; an undated item's NULL dates compare to nothing, so it is out.
    if filters.since is not None:
        where.add(f"{t}.date_end >= ?", filters.since.isoformat())
    if filters.until is not None:
        where.add(f"{t}.date_start <= ?", filters.until.isoformat())


def _event_where(dialect: Dialect, filters: Filters) -> _Where:
    where = _Where(dialect)
    _shared(where, "e", filters)
    if filters.disputed is not None:
        where.add("e.disputed = ?", int(filters.disputed))
    if filters.article_ids is not None:
        inner = _Where(dialect)
        inner.one_of("article_id", filters.article_ids)
        where.add(f"e.id IN (SELECT event_id FROM event_articles{inner.sql})", *inner.params)
    return where


def _claim_where(dialect: Dialect, filters: Filters) -> _Where:
    where = _Where(dialect)
    _shared(where, "c", filters)
    if filters.event_id is not None:
        where.add("c.event_id = ?", filters.event_id)
    if filters.article_id is not None:
        where.add("c.article_id = ?", filters.article_id)
    if filters.article_ids is not None:
        where.one_of("c.article_id", filters.article_ids)
    return where


def _total(found: int, limit: int, offset: int) -> int | None:
    """The list's length when a short page tells it (no count query needed), else None."""
    if found < limit and (found > 0 or offset == 0):
        return offset + found
    return None


class SqlReads(ABC):
    """The API's reads, for a store that can run a query (`_select`) in its `dialect`."""

    dialect: Dialect

    @abstractmethod
    def _select(self, query: str, params: Sequence[object] = ()) -> list[Row]:
        """The rows of one read-only query (already in the dialect's placeholders)."""

    @abstractmethod
    def reading(self) -> AbstractContextManager[None]:
        """One read-only transaction: the reads inside see the store at one moment, so a
        page's items, its total and the records its events are encoded with agree even while
        a run writes. Nothing may be written inside."""

    def _rows(self, query: str, params: Sequence[object] = ()) -> list[Row]:
        return self._select(self.dialect.sql(query), params)

    def _count(self, query: str, params: Sequence[object]) -> int:
        [row] = self._rows(query, params)
        return int(row[0])

    def find_events(self, filters: Filters, *, limit: int, offset: int) -> Found[Event]:
        """A page of the events that match, newest first (undated last, ties by id)."""
        where = _event_where(self.dialect, filters)
        order = self.dialect.newest_first.format(t="e")
        rows = self._rows(
            f"SELECT e.json FROM events e{where.sql} ORDER BY {order} LIMIT ? OFFSET ?",
            [*where.params, limit, offset],
        )
        total = _total(len(rows), limit, offset)
        if total is None:
            total = self._count(f"SELECT count(*) FROM events e{where.sql}", where.params)
        return Found(total, [codec.event_from_json(json.loads(row[0])) for row in rows])

    def find_claims(self, filters: Filters, *, limit: int, offset: int) -> Found[Claim]:
        """A page of the records that match, in store order (by article, then position)."""
        where = _claim_where(self.dialect, filters)
        rows = self._rows(
            "SELECT c.json, c.event_id, c.story_id FROM claims c "
            f"JOIN articles a ON a.id = c.article_id{where.sql} "
            f"ORDER BY a.{self.dialect.row_order}, c.seq LIMIT ? OFFSET ?",
            [*where.params, limit, offset],
        )
        total = _total(len(rows), limit, offset)
        if total is None:
            total = self._count(f"SELECT count(*) FROM claims c{where.sql}", where.params)
        return Found(total, claims_from((r[0], r[1], r[2]) for r in rows))

    def event_days(self, filters: Filters) -> list[tuple[date | None, int]]:
        """How many matching events start on each day (None: the undated), days in order."""
        where = _event_where(self.dialect, filters)
        rows = self._rows(
            f"SELECT e.date_start, count(*) FROM events e{where.sql} GROUP BY e.date_start",
            where.params,
        )
        days = [(None if day is None else date.fromisoformat(day), int(n)) for day, n in rows]
        return sorted(days, key=lambda item: (item[0] is None, item[0] or date.min))

    def events_by_id(self, ids: Iterable[str]) -> dict[str, Event]:
        """The events of these ids that exist."""
        where = _Where(self.dialect)
        where.one_of("id", set(ids))
        rows = self._rows(f"SELECT json FROM events{where.sql}", where.params)
        events = (codec.event_from_json(json.loads(row[0])) for row in rows)
        return {e.id: e for e in events}

    def claims_by_id(self, ids: Iterable[str]) -> dict[str, Claim]:
        """The records of these ids that exist, with their links."""
        where = _Where(self.dialect)
        where.one_of("id", set(ids))
        rows = self._rows(f"SELECT json, event_id, story_id FROM claims{where.sql}", where.params)
        return {c.id: c for c in claims_from((r[0], r[1], r[2]) for r in rows)}

    def article_metas(self, ids: Iterable[str]) -> dict[str, Article]:
        """The articles of these ids that exist, without their text ("")."""
        where = _Where(self.dialect)
        where.one_of("id", set(ids))
        columns = ARTICLE_COLUMNS.replace("text", "'' AS text")
        rows = self._rows(f"SELECT {columns} FROM articles{where.sql}", where.params)
        return {a.id: a for a in (article_from(row) for row in rows)}

    def story(self, story_id: str) -> Story | None:
        rows = self._rows("SELECT json FROM stories WHERE id = ?", [story_id])
        return codec.story_from_json(json.loads(rows[0][0])) if rows else None

    def find_stories(self, *, limit: int, offset: int) -> Found[Story]:
        """A page of the stories, in the order stored."""
        rows = self._rows(
            f"SELECT json FROM stories ORDER BY {self.dialect.row_order} LIMIT ? OFFSET ?",
            [limit, offset],
        )
        total = _total(len(rows), limit, offset)
        if total is None:
            total = self._count("SELECT count(*) FROM stories", [])
        return Found(total, [codec.story_from_json(json.loads(row[0])) for row in rows])

    def event_counts(self) -> EventCounts:
        ranked = (
            "SELECT e.action, e.admin1, e.admin1_key, ROW_NUMBER() OVER (ORDER BY "
            f"{self.dialect.newest_first.format(t='e')}) AS rn FROM events e"
        )
        # Most first; of equal counts, the one whose newest event comes first in the listing.
        by_action = self._rows(
            f"SELECT action, count(*) AS n, min(rn) AS first FROM ({ranked}) r "
            "GROUP BY action ORDER BY n DESC, first"
        )
        by_admin1 = self._rows(
            f"SELECT coalesce(admin1, '') AS name, count(*) AS n, min(rn) AS first "
            f"FROM ({ranked}) r WHERE admin1_key IS NOT NULL "
            "GROUP BY coalesce(admin1, '') ORDER BY n DESC, first"
        )
        [(disputed, first, last, undated)] = self._rows(
            "SELECT sum(disputed), min(date_start), max(date_end), "
            "sum(CASE WHEN date_start IS NULL THEN 1 ELSE 0 END) FROM events"
        )
        return EventCounts(
            by_action=[(str(a), int(n)) for a, n, _ in by_action],
            by_admin1=[(str(a), int(n)) for a, n, _ in by_admin1],
            disputed=int(disputed or 0),
            first=first,
            last=last,
            undated=int(undated or 0),
        )

    def actor_counts(self) -> list[ActorCount]:
        """The actors of the events, most events first, ties by id; an event naming one actor
        on both sides counts once, by its actor2's name."""
        newest_first = self.dialect.newest_first.format(t="refs")
        rows = self._rows(
            "SELECT actor, name, n FROM (SELECT actor, name, "
            "count(*) OVER (PARTITION BY actor) AS n, "
            f"ROW_NUMBER() OVER (PARTITION BY actor ORDER BY {newest_first}) AS rn FROM ("
            "SELECT actor1_id AS actor, actor1_name AS name, date_start, id FROM events "
            "WHERE actor1_id IS NOT NULL AND (actor2_id IS NULL OR actor2_id <> actor1_id) "
            "UNION ALL SELECT actor2_id, actor2_name, date_start, id FROM events "
            "WHERE actor2_id IS NOT NULL) refs) ranked WHERE rn = 1"
        )
        found = [ActorCount(str(a), str(name), int(n)) for a, name, n in rows]
        return sorted(found, key=lambda actor: (-actor.events, actor.id))
