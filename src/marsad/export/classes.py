"""ACLED event and sub-event types and PLOVER names of a record or an event.

The action table (`marsad/data/actions.tsv`) gives each action its default names; a few actions
take their ACLED sub-event type from the record's other fields (codebook §2):
- territory_taken: "Government regains territory" when actor1's catalog root is a government,
  else "Non-state actor overtakes territory";
- killing and attack: Violence against civilians / "Attack" when the victims (actor2) are
  civilians or unknown (ACLED's default for victims not said to be combatants), Battles /
  "Armed clash" when actor2 is a named armed actor;
- explosion: "Suicide bomb" when the evidence says انتحاري / انتحارية;
- seizure: "Looting/property destruction" when goods are counted (a quantity in tonnes, litres,
  vehicles, …), else "Non-violent transfer of territory".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from marsad.export.actor_types import ActorTypes
from marsad.knowledge.actions import ActionInfo
from marsad.model import ActorRef, Quantity
from marsad.text.normalize import normalize_key

_SUICIDE_CUE = normalize_key("انتحاري")  # also found inside انتحارية, الانتحاري
# Units that count people or time, not goods: a seizure with only these is not looting.
_TAKEN_BY_GOVERNMENT = {
    True: "Government regains territory",
    False: "Non-state actor overtakes territory",
}
_NON_GOODS_UNITS = frozenset({"person", "day", "week", "month", "year", "hour"})


@dataclass(frozen=True, slots=True)
class AcledClass:
    event_type: str | None
    sub_event_type: str | None
    plover: str | None
    disorder_type: str | None
    exported: bool  # False for verbal actions and actions outside the table

    @property
    def violent(self) -> bool:
        return self.disorder_type == "Political violence"


NOT_EXPORTED = AcledClass(None, None, None, None, exported=False)


def classify(
    info: ActionInfo | None,
    *,
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    evidence: Iterable[str],
    quantities: Iterable[Quantity],
    actors: ActorTypes,
) -> AcledClass:
    """The ACLED/PLOVER names of one action with its arguments."""
    if info is None:
        return NOT_EXPORTED
    plain = AcledClass(
        info.event_type, info.sub_event_type, info.plover, info.disorder_type, not info.verbal
    )
    if info.verbal:
        return plain
    action = info.action
    if action == "territory_taken" and actor1 is not None:
        government = actors.get(actor1.id, actor1.name).government
        return _with(plain, sub_event_type=_TAKEN_BY_GOVERNMENT[government])
    if action in ("killing", "attack") and _armed_victims(actor2, actors):
        return _with(plain, event_type="Battles", sub_event_type="Armed clash")
    if action == "explosion" and any(_SUICIDE_CUE in normalize_key(text) for text in evidence):
        return _with(plain, sub_event_type="Suicide bomb")
    if action == "seizure" and any(q.unit not in _NON_GOODS_UNITS for q in quantities):
        return _with(plain, sub_event_type="Looting/property destruction")
    return plain


def _armed_victims(actor2: ActorRef | None, actors: ActorTypes) -> bool:
    return actor2 is not None and not actors.get(actor2.id, actor2.name).civilian


def _with(base: AcledClass, **changes: str) -> AcledClass:
    return AcledClass(
        event_type=changes.get("event_type", base.event_type),
        sub_event_type=changes.get("sub_event_type", base.sub_event_type),
        plover=base.plover,
        disorder_type=base.disorder_type,
        exported=base.exported,
    )
