"""Golden reports (written for these tests) for places listed after a kind word for several
places: "محافظتي إدلب وحماة" names two governorates (codebook §4: geo_precision 3)."""

from __future__ import annotations

from typing import Any

import pytest
from golden_harness import analyzed_claims, check_case, load_cases

from marsad.model import Claim


def _values(claim: Claim) -> dict[str, Any]:
    loc = claim.location
    return {
        "action": claim.action,
        "name": loc.place.name if loc is not None else None,
        "precision": loc.geo_precision if loc is not None else None,
    }


@pytest.mark.parametrize("case", load_cases("place_lists_cases.json"), ids=lambda c: c["id"])
def test_place_lists(case: dict[str, Any]) -> None:
    check_case([_values(c) for c in analyzed_claims(case)], case)
