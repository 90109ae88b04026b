"""Golden reports (written for these tests) for planned acts' dates (codebook §1, §5): a bare
weekday of a planned act is the next such day; "غداً", "الأسبوع المقبل" resolve forward and make
the act planned; a future verb before an action noun makes it planned."""

from __future__ import annotations

from typing import Any

import pytest
from golden_harness import analyzed_claims, check_case, load_cases

from marsad.model import Claim


def _values(claim: Claim) -> dict[str, Any]:
    interval = claim.date.interval if claim.date is not None else None
    return {
        "action": claim.action,
        "status": claim.status,
        "start": interval.start.isoformat() if interval else None,
        "end": interval.end.isoformat() if interval else None,
    }


@pytest.mark.parametrize("case", load_cases("planned_dates_cases.json"), ids=lambda c: c["id"])
def test_planned_dates(case: dict[str, Any]) -> None:
    check_case([_values(c) for c in analyzed_claims(case)], case)
