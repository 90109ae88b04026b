"""The closed list of actions (codebook §2) and their ACLED / PLOVER names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from marsad.knowledge.files import data_path, read_tsv


@dataclass(frozen=True, slots=True)
class ActionInfo:
    action: str
    family: str  # blocking key for linking: actions of one family can describe one happening
    event_type: str | None  # ACLED; None for verbal actions, which ACLED does not code
    sub_event_type: str | None
    plover: str | None
    verbal: bool
    disorder_type: str | None
    # the two sides are parties to one thing (a clash, talks, a deal): "X و Y" are both parties,
    # and two reports naming them in either order do not disagree on who did it
    two_sided: bool = False
    # a side that denies such an act stands accused of it (codebook §1: "نفت روسيا قصف السوق"):
    # not of aid, flight, protest or a siege's lifting, which no one is accused of doing
    accused: bool = False


def load_actions(path: Path | None = None) -> dict[str, ActionInfo]:
    rows = read_tsv(path or data_path("actions.tsv"))
    return {
        row["action"]: ActionInfo(
            action=row["action"],
            family=row["family"],
            event_type=row["event_type"] or None,
            sub_event_type=row["sub_event_type"] or None,
            plover=row["plover"] or None,
            verbal=row["verbal"] == "1",
            disorder_type=row["disorder_type"] or None,
            two_sided=row.get("two_sided") == "1",
            accused=row.get("accused") == "1",
        )
        for row in rows
    }


@cache
def speech_actions() -> frozenset[str]:
    """Actions that are their actor's own words (accusation, condemnation, demand, threat): the
    family `verbal`, not the `verbal` flag, which also marks displacement (scored only where the
    gold codes it) though people fleeing say nothing."""
    return frozenset(a for a, info in load_actions().items() if info.family == "verbal")


@cache
def two_sided_actions() -> frozenset[str]:
    """Actions whose two actors are parties to one thing (the `two_sided` column)."""
    return frozenset(a for a, info in load_actions().items() if info.two_sided)


@cache
def accused_actions() -> frozenset[str]:
    """Actions a side that denies them is accused of doing (the `accused` column): the denied
    record's actor1 when the report names no other doer."""
    return frozenset(a for a, info in load_actions().items() if info.accused)
