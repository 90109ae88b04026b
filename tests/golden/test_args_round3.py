"""Golden reports (written for these tests, news style) for the round-3 argument rules: a part
of a year ("مطلع العام 2015"), a toll whose subject comes before its killed verb, a count of dead
and wounded together, a toll told in the next sentence but not past another event, and sources
named with report verbs and source words the cue lexicon lacked ("كشف مصدر محلي", "معارضون")."""

from __future__ import annotations

from typing import Any

import pytest
from golden_harness import analyzed_claims, load_cases

from marsad.model import Claim


def _cases() -> list[dict[str, Any]]:
    return load_cases("args_round3_cases.json")


def _values(claim: Claim) -> dict[str, Any]:
    return {
        "action": claim.action,
        "date": claim.date.interval.start.isoformat() if claim.date else None,
        "date_end": claim.date.interval.end.isoformat() if claim.date else None,
        "fatalities": claim.fatalities,
        "attributed": claim.attributed_to is not None,
    }


def _claims(case: dict[str, Any]) -> list[dict[str, Any]]:
    return [_values(c) for c in analyzed_claims(case)]


def _fits(values: dict[str, Any], want: dict[str, Any]) -> bool:
    return all(values.get(key) == wanted for key, wanted in want.items())


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_round3_arguments(case: dict[str, Any]) -> None:
    records = _claims(case)
    for want in case.get("expect", []):
        assert any(_fits(r, want) for r in records), (want, records)
    for unwanted in case.get("absent", []):
        assert not any(_fits(r, unwanted) for r in records), (unwanted, records)
