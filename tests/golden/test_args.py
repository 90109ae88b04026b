"""Golden reports for the arguments of an event (who, whom, when, according to whom, how many
killed), written for these tests in news style. Each expectation names an action and the
argument values a record of that action must carry; `absent` lists what no record may carry.
Actor ids are compared exactly: records code seed ids (codebook §3) with `specific_id` beside."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from marsad.codec import claim_from_json
from marsad.knowledge.resources import Resources
from marsad.model import Article, Claim
from marsad.pipeline import analyze

CASES = Path(__file__).with_name("args_cases.json")
UNSET = object()


@cache
def _resources() -> Resources:
    return Resources()


def _cases() -> list[dict[str, Any]]:
    return list(json.loads(CASES.read_text(encoding="utf-8")))


@cache
def _claims(case_id: str) -> tuple[Claim, ...]:
    case = next(c for c in _cases() if c["id"] == case_id)
    published = date.fromisoformat(case["published"]) if case.get("published") else None
    article = Article(id=case["id"], text=case["text"], published=published)
    return analyze(article, _resources()).claims


def _values(claim: Claim) -> dict[str, Any]:
    return {
        "action": claim.action,
        "status": claim.status,
        "actor1": claim.actor1.id if claim.actor1 else None,
        "actor1_specific": claim.actor1.specific_id if claim.actor1 else None,
        "actor2": claim.actor2.id if claim.actor2 else None,
        "date": claim.date.interval.start.isoformat() if claim.date else None,
        "date_end": claim.date.interval.end.isoformat() if claim.date else None,
        "attributed": claim.attributed_to is not None,
        "source": claim.attributed_to.name if claim.attributed_to else None,
        "fatalities": claim.fatalities,
    }


def _fits(values: dict[str, Any], want: dict[str, Any]) -> bool:
    return all(values.get(key, UNSET) == wanted for key, wanted in want.items())


def _expectations(kind: str) -> list[tuple[str, dict[str, Any]]]:
    return [(c["id"], want) for c in _cases() for want in c.get(kind, [])]


@pytest.mark.parametrize(("case_id", "want"), _expectations("expect"))
def test_record_carries_the_arguments(case_id: str, want: dict[str, Any]) -> None:
    found = [_values(c) for c in _claims(case_id)]
    assert any(_fits(v, want) for v in found), f"{case_id}: no record fits {want}: {found}"


@pytest.mark.parametrize(("case_id", "want"), _expectations("absent"))
def test_no_record_carries(case_id: str, want: dict[str, Any]) -> None:
    found = [_values(c) for c in _claims(case_id)]
    assert not any(_fits(v, want) for v in found), f"{case_id}: a record fits {want}: {found}"


def test_cases_are_meaningful() -> None:
    """Every case expects something (a case with no expectation tests nothing)."""
    assert all(c.get("expect") or c.get("absent") for c in _cases())


def test_specific_id_survives_the_codec() -> None:
    claim = next(c for c in _claims("seed-specific") if c.actor1 and c.actor1.specific_id)
    again = claim_from_json(json.loads(json.dumps(claim.to_json(), ensure_ascii=False)))
    assert again.actor1 == claim.actor1
    assert claim.to_json()["actor1"]["specific_id"] == "JAYSH_ISLAM"  # type: ignore[index]
