"""The actor catalog (codebook §3): ids with parents, kinds, aliases and the dates they apply.

`data/actors.tsv` extends the fixed seed catalog (../shared/spec/actors.tsv) with aliases, armed
groups, militias, political bodies and persons (kind `person`, whose parent is the organisation
they act or speak for). Some words name different ids at different times ("الجيش السوري":
`SYR_GOV` before 2024-12-08, `SYR_TGOV_MOD` from that day); `resolve(alias, on=day)` keeps the
entries that apply on the event's day.

With no day (`on=None`) every reading is returned, the pre-December-2024 reading first: most of
the archive marsad codes (2011–2024) is from before the change, and a caller that knows the
event's day should pass it. The order is the same as `options()`, which `ResolvedActor.ref_on`
walks, so "no date" always means the older reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.errors import DataError
from marsad.knowledge.files import data_path, read_tsv
from marsad.model import ActorOption
from marsad.text.normalize import Normalized, normalize_key
from marsad.text.phrases import PhraseMatcher

ACTORS_FILE = "actors.tsv"
SHARED_ALIASES_FILE = "actor_aliases_shared.tsv"
AREAS_FILE = "actor_areas.tsv"
REQUIRED_COLUMNS = ("id", "parent", "kind", "name_en", "names_ar", "active_from", "active_to")
PERSON_KIND = "person"
MAX_DEPTH = 12  # deeper than any real chain: a longer one is a parent cycle


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    parent: str | None
    kind: str
    name_en: str
    names_ar: tuple[str, ...]
    names_en: tuple[str, ...]
    active_from: date | None
    active_to: date | None  # exclusive: the first day the id no longer applies
    acled_inter: int | None
    seed: bool = False  # one of the fixed ids of the shared seed catalog (what records code)

    def applies_on(self, day: date | None) -> bool:
        if day is None:
            return True
        if self.active_from is not None and day < self.active_from:
            return False
        return not (self.active_to is not None and day >= self.active_to)

    def to_option(self) -> ActorOption:
        return ActorOption(self.id, self.name_en, self.active_from, self.active_to)


@dataclass(frozen=True, slots=True)
class ActorHit:
    """An actor alias found in text: original offsets, the alias key and its candidate ids."""

    start: int
    end: int
    text: str
    key: str
    ids: tuple[str, ...]
    prefix: str


class ActorCatalog:
    def __init__(self, entries: Iterable[ActorEntry]) -> None:
        self._by_id: dict[str, ActorEntry] = {}
        self._by_alias: dict[str, list[str]] = {}
        for entry in entries:
            if entry.id in self._by_id:
                raise DataError(f"actor catalog: duplicate id {entry.id}")
            self._by_id[entry.id] = entry
            for name in (*entry.names_ar, *entry.names_en, entry.id):
                key = normalize_key(name)
                if key and entry.id not in self._by_alias.setdefault(key, []):
                    self._by_alias[key].append(entry.id)
        self._matcher: PhraseMatcher | None = None
        self._options: dict[str, tuple[ActorOption, ...]] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._by_id.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._by_id

    def get(self, actor_id: str) -> ActorEntry:
        try:
            return self._by_id[actor_id]
        except KeyError:
            raise DataError(f"actor catalog: no actor {actor_id!r}") from None

    def name(self, actor_id: str) -> str:
        return self.get(actor_id).name_en

    def parent(self, actor_id: str) -> str | None:
        return self.get(actor_id).parent

    def root(self, actor_id: str) -> str:
        """The top of the parent chain (a person's organisation's top organisation)."""
        current = actor_id
        for _ in range(MAX_DEPTH):
            parent = self.get(current).parent
            if parent is None:
                return current
            current = parent
        raise DataError(f"actor catalog: parent cycle through {actor_id}")

    def ancestors(self, actor_id: str) -> tuple[str, ...]:
        """The parents of an id, nearest first."""
        out: list[str] = []
        current = self.get(actor_id).parent
        while current is not None and len(out) < MAX_DEPTH:
            out.append(current)
            current = self.get(current).parent
        return tuple(out)

    def lineage(self, actor_id: str) -> tuple[str, ...]:
        """The id, then its parents nearest first; an id the catalog lacks stands alone."""
        return (actor_id, *self.ancestors(actor_id)) if actor_id in self else (actor_id,)

    def seed_id(self, actor_id: str) -> str:
        """The id itself when it is a seed id, else its nearest seed ancestor: the judges and the
        gold know only the seed catalog, so records code that and keep the specific id beside
        it. An id with no seed ancestor stays itself (the closest id the catalog has)."""
        for candidate in self.lineage(actor_id):
            if self.get(candidate).seed:
                return candidate
        return actor_id

    def organisation(self, actor_id: str) -> str:
        """The id itself, or for a person the organisation they belong to."""
        entry = self.get(actor_id)
        if entry.kind == PERSON_KIND and entry.parent is not None:
            return self.organisation(entry.parent)
        return entry.id

    def resolve(self, alias: str, on: date | None = None) -> list[ActorEntry]:
        """Entries an alias names that apply on `on` (all with None: older reading first)."""
        entries = [self._by_id[i] for i in self._by_alias.get(normalize_key(alias), ())]
        return [e for e in _time_ordered(entries) if e.applies_on(on)]

    def options(self, alias: str) -> tuple[ActorOption, ...]:
        """Every reading of an alias as `ActorOption`s, in `resolve` order (for ResolvedActor)."""
        # Asked for every actor mention of every article; the catalog never changes after load,
        # so each known alias is worked out once (unknown ones are not kept: no unbounded growth).
        key = normalize_key(alias)
        known = self._options.get(key)
        if known is None:
            known = tuple(e.to_option() for e in self.resolve(alias))
            if key in self._by_alias:
                self._options[key] = known
        return known

    def find(self, text: str, *, norm: Normalized | None = None) -> tuple[ActorHit, ...]:
        """Actor aliases in running text (clitic-aware, longest match first)."""
        if self._matcher is None:
            self._matcher = PhraseMatcher(
                (name, entry.id) for entry in self._by_id.values() for name in entry.names_ar
            )
        return tuple(
            ActorHit(h.start, h.end, text[h.start : h.end], h.key, h.values, h.prefix)
            for h in self._matcher.find(text if norm is None else norm)
        )


def _time_ordered(entries: list[ActorEntry]) -> list[ActorEntry]:
    """Earlier readings first (by active_from; none = earliest), then catalog order."""
    indexed = list(enumerate(entries))
    indexed.sort(key=lambda pair: (pair[1].active_from or date.min, pair[0]))
    return [entry for _, entry in indexed]


def load_actors(path: Path | None = None) -> ActorCatalog:
    source = path or data_path(ACTORS_FILE)
    rows = read_tsv(source)
    if rows:
        missing = [c for c in REQUIRED_COLUMNS if c not in rows[0]]
        if missing:
            raise DataError(f"{source}: missing columns {', '.join(missing)}")
    return ActorCatalog(_entry(row, source) for row in rows)


def load_shared_aliases(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Aliases allowed to name several entries (time-split readings), normalized → ids."""
    source = path or data_path(SHARED_ALIASES_FILE)
    if not source.exists():
        return {}
    return {
        normalize_key(row["alias"]): frozenset(i for i in row["ids"].split("|") if i)
        for row in read_tsv(source)
    }


def _entry(row: dict[str, str], source: Path) -> ActorEntry:
    inter = row.get("acled_inter", "")
    try:
        return ActorEntry(
            id=row["id"],
            parent=row["parent"] or None,
            kind=row["kind"],
            name_en=row["name_en"],
            names_ar=tuple(n.strip() for n in row["names_ar"].split("|") if n.strip()),
            names_en=tuple(n.strip() for n in row.get("names_en", "").split("|") if n.strip()),
            active_from=_date(row["active_from"]),
            active_to=_date(row["active_to"]),
            acled_inter=int(inter) if inter else None,
            seed=row.get("seed", "") == "1",
        )
    except ValueError as exc:
        raise DataError(f"{source}: actor {row.get('id')!r}: {exc}") from exc


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def load_actor_areas(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Governorates (admin1) where an actor of an area-split shared alias acts: id → admin1s."""
    source = path or data_path(AREAS_FILE)
    if not source.exists():
        return {}
    return {
        row["actor_id"]: frozenset(a for a in row["admin1"].split("|") if a)
        for row in read_tsv(source)
    }
