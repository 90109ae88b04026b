"""Which events (reports written for these tests): a trigger word inside another expression
("وزارة", "بيان صادر عن", "نشر في") or naming a body ("المركز الروسي للمصالحة", "لجنة
المفاوضات") is no event, while the same words used as events still are."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from marsad.knowledge.resources import Resources
from marsad.model import Article, Claim
from marsad.pipeline import analyze

CASES = Path(__file__).with_name("actions_precision.json")


@cache
def _resources() -> Resources:
    return Resources()


def _cases() -> list[dict[str, Any]]:
    return list(json.loads(CASES.read_text(encoding="utf-8")))


def _claims(case: dict[str, Any]) -> tuple[Claim, ...]:
    article = Article(
        id=case["id"], text=case["text"], published=date.fromisoformat(case["published"])
    )
    return analyze(article, _resources()).claims


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_actions_found_and_not_found(case: dict[str, Any]) -> None:
    claims = _claims(case)
    records = {(c.action, c.status) for c in claims}
    found = {action for action, _ in records}
    for action in case["must_find"]:
        assert action in found, f"{case['id']}: {action} missing from {sorted(found)}"
    for action in case["must_not_find"]:
        assert action not in found, f"{case['id']}: {action} wrongly found"
    for action, status in case.get("must_find_status", []):
        assert (action, status) in records, f"{case['id']}: no {status} {action}"
    for action, status in case.get("must_not_find_status", []):
        assert (action, status) not in records, f"{case['id']}: {status} {action} wrongly found"
    for action, count in case.get("min_records", []):
        places = {
            c.location.place.gazetteer_id for c in claims if c.action == action and c.location
        }
        assert len(places) >= count, f"{case['id']}: {action} at {len(places)} places"
