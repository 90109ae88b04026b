"""Golden reports (written for these tests, news style) for actor roles: an actor after a
preposition word is the object of a noun trigger ("اشتباكات مع تنظيم \"الدولة\""), two conjoined
subjects of a two-sided action are its parties ("وقّع النظام وفصائل المعارضة اتفاقاً"), and a doer
named only later in the sentence is still the doer when none comes before. The other side when
the sentence names one (`actors_other_side_cases.json`): the side the report keeps naming, or
civilians for a strike that killed, a gas attack, a protest's target the report names. Sides
that outlets must agree on (`actors_sides_cases.json`): besieger and besieged, who leaves, the
victims of gas, the two ends of a handover. Who denies an act (`actors_deniers_cases.json`) is never
its victim, and its doer only as the accused (codebook §1). People named with their nationality
(`actors_persons_cases.json`): soldiers' state is the side that suffers ("قتل 33 جندياً تركياً"),
unless they are the agent or subject; civilians' nationality names no side. A state's ministry
(`actors_ministries_cases.json`) is that state's body on the event's day, also where its name
holds a source's words ("وزارة الداخلية السورية"), unless it only tells what others did. Joint
doers (`actors_joint_cases.json`): sides named together as a verb's subject get one record each;
one side's chain, a side with its loyal factions, and a noun's genitive doers stay one record.
Reports of 2025-26 (`probe2025_cases.json`): "ألقت X القبض على Y" (Y is the one arrested), and a
group named only as "خلايا تابعة لـ X" acts as X."""

from __future__ import annotations

from typing import Any

import pytest
from golden_harness import analyzed_claims, load_cases

from marsad.model import Claim


def _cases() -> list[dict[str, Any]]:
    return (
        load_cases("actors_roles_cases.json")
        + load_cases("actors_other_side_cases.json")
        + load_cases("actors_sides_cases.json")
        + load_cases("actors_deniers_cases.json")
        + load_cases("actors_sieges_cases.json")
        + load_cases("actors_persons_cases.json")
        + load_cases("actors_ministries_cases.json")
        + load_cases("actors_joint_cases.json")
        + load_cases("probe2025_cases.json")
    )


def _values(claim: Claim) -> dict[str, Any]:
    return {
        "action": claim.action,
        "actor1": claim.actor1.id if claim.actor1 else None,
        "actor2": claim.actor2.id if claim.actor2 else None,
        "status": claim.status,
    }


def _claims(case: dict[str, Any]) -> list[dict[str, Any]]:
    return [_values(c) for c in analyzed_claims(case)]


def _fits(values: dict[str, Any], want: dict[str, Any]) -> bool:
    return all(values.get(key) == wanted for key, wanted in want.items())


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_actor_roles(case: dict[str, Any]) -> None:
    records = _claims(case)
    assert records, case["id"]
    for want in case.get("expect", []):
        assert any(_fits(r, want) for r in records), (want, records)
    for unwanted in case.get("absent", []):
        assert not any(_fits(r, unwanted) for r in records), (unwanted, records)
    for action, count in case.get("count", {}).items():
        assert sum(r["action"] == action for r in records) == count, (action, records)
