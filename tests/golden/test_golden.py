"""Golden reports (written for these tests in news style): what the pipeline must find and
must not find. Each expectation names an action and, optionally, the place words, actor id
(or a parent of it), status, date, fatalities and whether a source is named."""

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

GOLDEN = Path(__file__).with_name("reports.json")


@cache
def _resources() -> Resources:
    return Resources()


def _reports() -> list[dict[str, Any]]:
    return list(json.loads(GOLDEN.read_text(encoding="utf-8")))


def _claims(report: dict[str, Any]) -> tuple[Claim, ...]:
    article = Article(
        id=report["id"], text=report["text"], published=date.fromisoformat(report["published"])
    )
    return analyze(article, _resources()).claims


def _lineage(resources: Resources, actor_id: str) -> set[str]:
    catalog = resources.actors
    return {actor_id, *catalog.ancestors(actor_id)}


def _fits(claim: Claim, want: dict[str, Any], resources: Resources) -> bool:
    if claim.action != want["action"]:
        return False
    if "status" in want and claim.status != want["status"]:
        return False
    if "place" in want and (claim.location is None or claim.location.span is None):
        return False
    if "place" in want and want["place"] not in claim.location.span.text:  # type: ignore[union-attr]
        return False
    if "actor1" in want and (
        claim.actor1 is None or want["actor1"] not in _lineage(resources, claim.actor1.id)
    ):
        return False
    if "date" in want and (
        claim.date is None or claim.date.interval.start.isoformat() != want["date"]
    ):
        return False
    if "fatalities" in want and claim.fatalities != want["fatalities"]:
        return False
    return "attributed" not in want or (claim.attributed_to is not None) == want["attributed"]


@pytest.mark.parametrize("report", _reports(), ids=lambda r: r["id"])
def test_must_find(report: dict[str, Any]) -> None:
    claims = _claims(report)
    for want in report["must_find"]:
        assert any(_fits(c, want, _resources()) for c in claims), (
            want,
            [c.to_json() for c in claims],
        )


@pytest.mark.parametrize("report", _reports(), ids=lambda r: r["id"])
def test_must_not_find(report: dict[str, Any]) -> None:
    claims = _claims(report)
    for unwanted in report["must_not_find"]:
        hits = [c for c in claims if _fits(c, unwanted, _resources())]
        assert not hits, (unwanted, [c.to_json() for c in hits])
