"""What the exports need to know of an actor: English name, kind, catalog root, ACLED inter code.

Built from the actor catalog (`resources.actors`, from `marsad/data/actors.tsv`: id, parent, kind,
name_en, acled_inter) or from rows of that form. An id outside the catalog keeps its name and gets
no codes.

ACLED's actor-type codes (inter1/inter2) from the catalog's `kind`, where the catalog gives no
`acled_inter` of its own:
    state 1 · rebel 2 · militia 3 · identity 4 · rioters 5 · protesters 6 · civilians 7 ·
    external 8 · intergovernmental 8 (ACLED's "external/other forces") · ngo 7 (aid workers and
    rescuers are civilians to ACLED) · unknown 3 (ACLED codes unidentified armed groups as
    political militias) · political 3 (parties and their organisations).
`police` and `political` actors with a parent take their root's code: a state's police is a state
force (1), a rebel administration's police (the Asayish under the SDF) is counted with the rebels.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from marsad.knowledge.files import data_path, read_tsv
from marsad.knowledge.resources import Resources

INTER_BY_KIND: Mapping[str, int] = {
    "state": 1,
    "police": 1,
    "rebel": 2,
    "militia": 3,
    "political": 3,
    "unknown": 3,
    "identity": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "ngo": 7,
    "external": 8,
    "intergovernmental": 8,
}
_INHERITING_KINDS = frozenset({"police", "political"})
_CIVILIAN_KINDS = frozenset({"civilians", "ngo"})
_CIVILIAN_IDS = frozenset({"CIV"})  # the codebook's fixed id for civilians, used without a catalog
_GOVERNMENT_KINDS = frozenset({"state"})  # a root of this kind is a government (SYR_GOV, SYR_TGOV)
# Parent chains in the catalog are a few levels deep; this bounds a malformed (cyclic) catalog.
_MAX_PARENT_DEPTH = 16


@dataclass(frozen=True, slots=True)
class ActorType:
    id: str
    name: str
    kind: str | None
    root: str  # the top of the parent chain (the actor itself when it has no parent)
    root_kind: str | None
    inter: int | None

    @property
    def civilian(self) -> bool:
        return self.kind in _CIVILIAN_KINDS or self.id in _CIVILIAN_IDS

    @property
    def government(self) -> bool:
        return self.root_kind in _GOVERNMENT_KINDS


class ActorTypes:
    """Actor ids → ActorType, from catalog rows."""

    def __init__(self, rows: Iterable[Mapping[str, str]]) -> None:
        self._rows = {row["id"]: row for row in rows if row.get("id")}
        self._cache: dict[str, ActorType] = {}

    @classmethod
    def from_resources(cls, resources: Resources) -> ActorTypes:
        """The catalog that `resources.actors` loads (marsad/data/actors.tsv)."""
        return cls(
            {
                "id": entry.id,
                "parent": entry.parent or "",
                "kind": entry.kind,
                "name_en": entry.name_en,
                "acled_inter": "" if entry.acled_inter is None else str(entry.acled_inter),
            }
            for entry in resources.actors
        )

    @classmethod
    def load(cls, path: Path | None = None) -> ActorTypes:
        """The shipped catalog, or an empty one when it is not there."""
        target = path or data_path("actors.tsv")
        return cls(read_tsv(target) if target.exists() else ())

    def get(self, actor_id: str, name: str = "") -> ActorType:
        if actor_id not in self._cache:
            self._cache[actor_id] = self._build(actor_id, name)
        return self._cache[actor_id]

    def _build(self, actor_id: str, name: str) -> ActorType:
        row = self._rows.get(actor_id)
        if row is None:
            return ActorType(actor_id, name or actor_id, None, actor_id, None, None)
        root = self._root(actor_id)
        kind = row.get("kind") or None
        root_kind = self._rows[root].get("kind") or None
        return ActorType(
            id=actor_id,
            name=row.get("name_en") or name or actor_id,
            kind=kind,
            root=root,
            root_kind=root_kind,
            inter=self._inter(row, kind, root_kind, root != actor_id),
        )

    def _root(self, actor_id: str) -> str:
        current = actor_id
        for _ in range(_MAX_PARENT_DEPTH):
            parent = self._rows[current].get("parent") or ""
            if parent not in self._rows:
                break
            current = parent
        return current

    @staticmethod
    def _inter(
        row: Mapping[str, str], kind: str | None, root_kind: str | None, has_root: bool
    ) -> int | None:
        declared = (row.get("acled_inter") or "").strip()
        if declared.isdigit():
            return int(declared)
        if kind in _INHERITING_KINDS and has_root and root_kind is not None:
            return INTER_BY_KIND.get(root_kind)
        return None if kind is None else INTER_BY_KIND.get(kind)
