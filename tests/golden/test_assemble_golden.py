"""Golden reports (written for these tests, news style) for what makes one record (codebook §1,
§4, §6): a deal's place is where it applies, not where it sends fighters; repeated mentions of
one happening are one record; a toll belongs to the record that states it (`tolls_cases.json`:
the count after a doer marker is of the doers, a count of the wounded is no toll, a counted
victims noun is one, two counts of the dead joined after a comma add up, a definite word naming
the act again carries its toll); a hospital named by its town lies in that town, a bakery's name
is no place of its own (`building_names_cases.json`).

Each expected or unwanted record names only the fields it checks (action, place as a gazetteer
id, status, fatalities)."""

from __future__ import annotations

from typing import Any

import pytest
from golden_harness import analyzed_claims, load_cases

from marsad.model import Claim


def _cases() -> list[dict[str, Any]]:
    return (
        load_cases("assemble_cases.json")
        + load_cases("tolls_cases.json")
        + load_cases("building_names_cases.json")
    )


def _values(claim: Claim) -> dict[str, Any]:
    place = claim.location.place.gazetteer_id if claim.location is not None else None
    return {
        "action": claim.action,
        "place": place,
        "status": claim.status,
        "fatalities": claim.fatalities,
    }


def _has(records: list[dict[str, Any]], want: dict[str, Any]) -> bool:
    return any(all(r.get(k) == v for k, v in want.items()) for r in records)


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_records(case: dict[str, Any]) -> None:
    records = [_values(c) for c in analyzed_claims(case)]
    for want in case["expect"]:
        assert _has(records, want), (want, records)
    for unwanted in case["absent"]:
        assert not _has(records, unwanted), (unwanted, records)
    if "count" in case:
        action = case["count"]["action"]
        n = sum(1 for r in records if r["action"] == action)
        assert n == case["count"]["n"], (action, records)
