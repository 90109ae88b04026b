"""Golden reports (written for these tests, news style) for folding a retelling at a coarser
place into the first record (codebook §1: one record per happening): a governorate containing
the first place folds; a governorate named like its capital city does not (in the news that
name is usually the city)."""

from __future__ import annotations

from typing import Any

import pytest
from golden_harness import analyzed_claims, load_cases

from marsad.model import Claim


def _cases() -> list[dict[str, Any]]:
    return load_cases("merge_regions_cases.json")


def _values(claim: Claim) -> dict[str, Any]:
    place = claim.location.place.gazetteer_id if claim.location is not None else None
    return {"action": claim.action, "place": place}


def _claims(case: dict[str, Any]) -> list[dict[str, Any]]:
    return [_values(c) for c in analyzed_claims(case)]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_region_retelling(case: dict[str, Any]) -> None:
    records = _claims(case)
    for want in case["expect"]:
        assert want in records, (want, records)
    for unwanted in case["absent"]:
        assert unwanted not in records, (unwanted, records)
