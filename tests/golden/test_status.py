"""Golden reports (written for these tests, news style) for status and its source (codebook §1,
§7): intentions and preparations are planned; "لا صحة"/"لا أساس" deny in the speaker's voice;
a denial verb whose object is the act names its denier before it; a title right after an act
is whom it befell, not a source."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from golden_harness import load_cases, shared_resources

from marsad.model import Article, Claim
from marsad.pipeline import analyze


def _cases() -> list[dict[str, Any]]:
    return load_cases("status_cases.json")


def _records(case: dict[str, Any]) -> tuple[Claim, ...]:
    article = Article(
        id=case["id"],
        text=case["text"],
        outlet=case.get("outlet"),
        published=date.fromisoformat(case["published"]),
    )
    return analyze(article, shared_resources()).claims


def _values(claim: Claim) -> dict[str, Any]:
    return {
        "action": claim.action,
        "status": claim.status,
        "attributed": claim.attributed_to is not None,
        "source": claim.attributed_to.name if claim.attributed_to else None,
    }


def _fits(values: dict[str, Any], want: dict[str, Any]) -> bool:
    return all(values.get(key) == wanted for key, wanted in want.items())


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_status(case: dict[str, Any]) -> None:
    records = [_values(c) for c in _records(case)]
    for want in case.get("expect", []):
        assert any(_fits(r, want) for r in records), (want, records)
    for unwanted in case.get("absent", []):
        assert not any(_fits(r, unwanted) for r in records), (unwanted, records)
    for action, count in case.get("count", {}).items():
        assert sum(r["action"] == action for r in records) == count, (action, records)
