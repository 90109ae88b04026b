"""Which actor ids can name the same side: one id, or an id and its parent in the catalog.

The catalog (`Resources.actors`) gives the parents; for ids it does not know, an id whose words
extend another's ("SYR_GOV_4DIV" → "SYR_GOV") is its child. Allies that are not one another's
parents (Turkey and the Turkish-backed factions) come from the side table
(`Resources.actor_sides`): they are `allied`, a weaker agreement than `compatible`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from marsad.errors import MarsadError
from marsad.knowledge.resources import Resources
from marsad.knowledge.sides import SideTable

# Codebook §3: unnamed gunmen. Says nothing about who acted, so it never disagrees with a named id.
UNKNOWN_ACTOR_IDS = frozenset({"UNKNOWN_ARMED"})


@dataclass(frozen=True, slots=True)
class ActorTree:
    parents: Mapping[str, str] = field(default_factory=dict)
    known: frozenset[str] = frozenset()  # ids seen in the catalog or the records
    sides: SideTable = field(default_factory=SideTable)

    def with_known(self, ids: Iterable[str | None]) -> ActorTree:
        return ActorTree(self.parents, self.known | {i for i in ids if i}, self.sides)

    def ancestors(self, actor_id: str) -> tuple[str, ...]:
        """The id itself, then its parents up to the root (catalog first, then the prefix rule)."""
        chain = [actor_id]
        current = actor_id
        while True:
            parent = self.parents.get(current) or _prefix_parent(current, self.known)
            if parent is None or parent in chain:
                return tuple(chain)
            chain.append(parent)
            current = parent

    def root(self, actor_id: str) -> str:
        return self.ancestors(actor_id)[-1]

    def related(self, a: str, b: str) -> bool:
        """One is the other or an ancestor of it: the two can name the same side."""
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def compatible(self, a: str | None, b: str | None) -> bool | None:
        """True/False when both are known and named; None when either says nothing."""
        if a is None or b is None or a in UNKNOWN_ACTOR_IDS or b in UNKNOWN_ACTOR_IDS:
            return None
        return self.related(a, b) or self.root(a) == self.root(b)

    def allied(self, a: str | None, b: str | None, day_a: date | None, day_b: date | None) -> bool:
        """Two named actors on one side, each on its own record's day (False when a day or an
        actor is unknown: an alliance that cannot be dated is not assumed)."""
        if a is None or b is None or day_a is None or day_b is None:
            return False
        return self.sides.allied(a, b, day_a, day_b, self.ancestors)


def _prefix_parent(actor_id: str, known: frozenset[str]) -> str | None:
    # "SDF_ASAYISH" → "SDF" only when "SDF" is an id; "SYR_TGOV" is not a child of "SYR".
    words = actor_id.split("_")
    if len(words) < 2:
        return None
    prefix = "_".join(words[:-1])
    return prefix if len(words) > 2 or prefix in known else None


def actor_tree(resources: Resources) -> ActorTree:
    """The catalog's parent links (`Resources.actors`, an ActorCatalog) and the side table; only
    the prefix rule when the catalog cannot be loaded, no allies when the side table cannot."""
    try:
        sides = resources.actor_sides
    except MarsadError:
        sides = SideTable()
    try:
        catalog = resources.actors
    except MarsadError:
        return ActorTree(sides=sides)
    links = {entry.id: entry.parent for entry in catalog if entry.parent}
    return ActorTree(links, frozenset(links) | frozenset(links.values()), sides)
